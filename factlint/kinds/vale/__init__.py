"""Vale's rule kinds with Vale's semantics (see factlint.kinds.vale.base)."""
