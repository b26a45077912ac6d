"""Errors a user can cause. They are printed as one line (`file:line: what is wrong`), never as a
traceback; bugs in factlint itself still raise normally (shown with --debug)."""

from __future__ import annotations

import sys

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2  # as Ruff and Vale


class UserError(Exception):
    """A problem with the user's input, configuration or rules."""

    def __init__(self, message: str, path: object = None, line: int | None = None) -> None:
        self.message, self.path, self.line = message, path, line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return where + self.message


class RuleError(UserError):
    """A YAML rule that cannot be loaded (exit 2)."""


class InputError(UserError):
    """A document that cannot be read as text (reported; other files still linted)."""


# Called before a warning is printed: the progress line clears itself first (parallel.Progress).
BEFORE_WARN: list = []


def warn(message: object) -> None:
    """One line on stderr: `factlint: <message>` (a UserError prints as `file:line: message`)."""
    for clear in BEFORE_WARN:
        clear()
    if sys.stderr is None:  # stderr closed (2>&-): print(file=None) would write to stdout
        return
    try:
        print(f"factlint: {message}", file=sys.stderr)
    except (OSError, ValueError):  # a closed or full stderr must not end the run
        pass
