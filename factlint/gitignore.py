"""Which files a git repository ignores, from its `.gitignore` files (as Ruff and ripgrep do when
walking a folder; `--no-ignore` turns it off). Only inside a git work tree, as ripgrep: a folder
that is not one has no ignore rules, whatever files lie around.

    Ignored(root)          the rules that apply to a walk from `root`
    .enter(folder, names)  read `folder/.gitignore` if the folder has one
    .ignored(path, is_dir) does a rule (the deepest that matches) ignore it?
"""

from __future__ import annotations

import os
import re
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
        try:
            with open(os.path.join(folder, ".gitignore"), encoding="utf-8", errors="replace") as fh:
                rules = [r for r in map(compile_rule, fh.read().splitlines()) if r is not None]
        except OSError:
            return
        if rules:
            self.specs.append((folder, rules))

    def ignored(self, path: str, is_dir: bool = False) -> bool:
        if not self.active:
            return False
        full = os.path.abspath(path)
        if is_dir and os.path.basename(full) == ".git":
            return True
        verdict = False
        for folder, rules in self.specs:  # the last rule that matches wins: deeper files come later
            if not full.startswith(folder + os.sep):
                continue
            rel = os.path.relpath(full, folder).replace(os.sep, "/")
            # A file under an ignored folder is ignored too (git never looks inside it).
            parts = rel.split("/")
            candidates = [("/".join(parts[:i]), True) for i in range(1, len(parts))] + [(rel, is_dir)]
            for pattern, negate, dir_only in rules:
                if any((d or not dir_only) and pattern.match(c) for c, d in candidates):
                    verdict = not negate
        return verdict


def compile_rule(line: str) -> tuple[re.Pattern[str], bool, bool] | None:
    """(regex over a path relative to the .gitignore's folder, negated, folders only) for one
    line of a .gitignore, or None for a blank line or a comment (gitignore(5)). Hand-written:
    pathspec costs 30-60 ms of imports, as much as a whole cached run."""
    if not line.strip() or line.startswith("#"):
        return None
    line = line.rstrip(" ") if not line.endswith("\\ ") else line
    negate = line.startswith("!")
    if negate or line.startswith("\\"):
        line = line[1:]
    dir_only = line.endswith("/")
    line = line.rstrip("/")
    anchored = "/" in line  # a slash at the start or in the middle anchors it to the folder
    body = _glob(line.lstrip("/"))
    return re.compile(("" if anchored else "(?:.*/)?") + body + r"\Z"), negate, dir_only


def _glob(pattern: str) -> str:
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("/**", i) and i + 3 == len(pattern):
            out.append("/.*")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 2 :]:
            end = pattern.index("]", i + 2)
            inner = pattern[i + 1 : end]
            out.append("[" + ("^" + inner[1:] if inner.startswith("!") else inner).replace("\\", "\\\\") + "]")
            i = end + 1
        elif pattern[i] == "\\" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return "".join(out)


def _work_tree(folder: str) -> str | None:
    """The top of the git work tree holding `folder`, or None."""
    while True:
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
