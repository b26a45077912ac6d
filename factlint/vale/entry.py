"""The one entry point factlint.cli calls: run with a Vale configuration when one is found."""

from __future__ import annotations

import sys

from factlint.vale.ini import find_vale_config

# Stages of factlint's pipeline the Vale run does not have: with them factlint runs alone.
_FACTLINT_ONLY = ("fix", "diff", "baseline", "write_baseline", "changed_since")


def _warn(message: str) -> None:
    print(f"factlint: {message}", file=sys.stderr)


def run_if_configured(paths, config, options) -> int | None:
    """Run with the Vale configuration found upward from the working folder, or return None."""
    path = find_vale_config()
    if path is None:  # no Vale configuration: every format keeps factlint's exit codes
        return None
    from factlint.vale.runner import VALE_FORMATS  # deferred for start-up: a Vale run only

    if options.fmt not in VALE_FORMATS and (
        any(getattr(options, k, None) for k in _FACTLINT_ONLY) or options.input not in ("auto", "files")
    ):
        _warn(f"{path}: Vale styles are not run with --fix, --diff, baselines, --changed-since or corpora")
        return None
    from factlint.vale.runner import run  # deferred for start-up: a Vale run only

    return run(paths, config, options, path)
