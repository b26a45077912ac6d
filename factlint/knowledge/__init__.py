"""Knowledge tables (office-holders, ...): dataclasses, loaders and validation shared by kinds and tests."""
