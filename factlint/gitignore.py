"""Which files a git repository ignores, from its `.gitignore` files (as Ruff and ripgrep do when
walking a folder; `--no-ignore` turns it off). Only inside a git work tree, as ripgrep: a folder
that is not one has no ignore rules, whatever files lie around.

    Ignored(root)          the rules that apply to a walk from `root`
    .enter(folder, names)  read `folder/.gitignore` if the folder has one
    .ignored(path, is_dir) does a rule (the deepest that matches) ignore it?
"""

from __future__ import annotations

import os
from typing import Any


class Ignored:
    def __init__(self, root: str) -> None:
        top = _work_tree(os.path.abspath(root))
        self.active = top is not None
        self.specs: list[tuple[str, Any]] = []  # (folder, compiled .gitignore), outermost first
        if top is None:
            return
        # The .gitignore files between the work tree's top and the walk's root apply too.
        folder, chain = os.path.abspath(root), []
        while True:
            chain.append(folder)
            if folder == top:
                break
            folder = os.path.dirname(folder)
        for folder in reversed(chain[1:]):
            self._read(folder)

    def enter(self, folder: str, names: list[str]) -> None:
        if self.active and ".gitignore" in names:
            self._read(os.path.abspath(folder))

    def _read(self, folder: str) -> None:
        path = os.path.join(folder, ".gitignore")
        try:
            with open(path, encoding="utf-8", errors="replace") as fh:
                lines = fh.read().splitlines()
        except OSError:
            return
        # deferred for start-up: pathspec is needed only in a folder with a .gitignore
        import pathspec

        self.specs.append((folder, pathspec.GitIgnoreSpec.from_lines(lines)))

    def ignored(self, path: str, is_dir: bool = False) -> bool:
        if not self.active:
            return False
        full = os.path.abspath(path)
        if is_dir and os.path.basename(full) == ".git":
            return True
        verdict = False
        for folder, spec in self.specs:  # a deeper .gitignore overrides (re-includes with '!')
            if not full.startswith(folder + os.sep):
                continue
            rel = os.path.relpath(full, folder).replace(os.sep, "/") + ("/" if is_dir else "")
            result = spec.check_file(rel)
            if result.include is not None:
                verdict = result.include
        return verdict


def _work_tree(folder: str) -> str | None:
    """The top of the git work tree holding `folder`, or None."""
    while True:
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
