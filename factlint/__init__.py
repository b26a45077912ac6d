"""factlint: a fast, plugin-based fact-check linter for news text.

The public API is imported lazily so that `factlint check one.md` pays only for what it uses:
    lint_text(text, path="-", markup="text")  -> list[Finding]
    Linter, Finding, Severity
"""

import importlib

__version__ = "0.2.0"  # the one version source (pyproject.toml reads it)

_LAZY = {
    "Finding": ("factlint.findings", "Finding"),
    "Severity": ("factlint.findings", "Severity"),
    "Linter": ("factlint.engine", "Linter"),
    "lint_text": ("factlint.engine", "lint_text"),
}


def __getattr__(name: str) -> object:
    try:
        module, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(name) from None
    return getattr(importlib.import_module(module), attr)


__all__ = ["__version__", *_LAZY]
