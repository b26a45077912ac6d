"""--changed-since REV: report only findings on lines changed since a git revision (a pull
request's base, say), so a legacy text can be linted one edit at a time.

Changed lines come from `git diff --unified=0 REV -- FILES` (the revision against the working
tree: committed, staged and unstaged edits alike) read hunk by hunk; a file git does not track
counts as changed throughout. A finding is kept when any of its lines is a changed line. A pure
deletion changes no remaining line, so it keeps nothing. Standard input and corpus records are
not filtered (they have no lines in git).

It takes part in a run as a plugin (ChangedSincePlugin, registered by factlint.builtin).
"""

from __future__ import annotations

import os
import re
import subprocess
from typing import TYPE_CHECKING

from factlint.errors import UserError, warn
from factlint.plugin import hookimpl

if TYPE_CHECKING:
    from factlint.run import Results, Run

_HUNK = re.compile(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}
BATCH = 200  # paths per git call, well under any command-line limit
EVERY_LINE = None  # marker in ChangedLines.lines: an untracked file, changed throughout


class ChangedLines:
    def __init__(self, rev, sources):
        self.rev = rev
        self.lines = {}  # source name -> set of changed line numbers, or EVERY_LINE
        by_repo = {}
        tops = {}
        for src in sources:
            if src.name == "-" or src.record is not None or src.name in self.lines:
                continue
            folder = os.path.dirname(os.path.abspath(src.name))
            if folder not in tops:
                tops[folder] = _toplevel(folder, src.display)
            self.lines[src.name] = set()
            by_repo.setdefault(tops[folder], []).append(src.name)
        for top, names in by_repo.items():
            self._read_repo(top, names)
        self._noted = False

    def _read_repo(self, top, names):
        commit = _git(["rev-parse", "--verify", "--quiet", f"{self.rev}^{{commit}}"], top)
        if commit.returncode != 0:
            raise UserError(f"--changed-since: unknown git revision {self.rev!r} in {top}")
        sha = commit.stdout.decode().strip()
        real_top = os.path.realpath(top)
        rel_to_name = {}
        for name in names:
            rel = os.path.relpath(os.path.realpath(name), real_top).replace(os.sep, "/")
            rel_to_name[rel] = name
        rels = list(rel_to_name)
        for i in range(0, len(rels), BATCH):
            batch = rels[i : i + BATCH]
            untracked = _git(["ls-files", "--others", "-z", "--", *batch], top, check=True)
            for rel in untracked.stdout.decode("utf-8", "surrogateescape").split("\0"):
                if rel in rel_to_name:
                    self.lines[rel_to_name[rel]] = EVERY_LINE
            diff = _git(
                [
                    "diff",
                    "--no-color",
                    "--no-ext-diff",
                    "--no-textconv",
                    "--no-renames",
                    "--unified=0",
                    "--src-prefix=a/",
                    "--dst-prefix=b/",
                    sha,
                    "--",
                    *batch,
                ],
                top,
                check=True,
            )
            for rel, lines in parse_diff(diff.stdout).items():
                name = rel_to_name.get(rel)
                if name is not None and self.lines.get(name) is not EVERY_LINE:
                    self.lines[name] |= lines

    def keep(self, source, findings):
        if source.name == "-" or source.record is not None:
            if source.name == "-" and not self._noted:
                self._noted = True
                warn("<stdin>: --changed-since does not apply to standard input; all its findings are reported")
            return findings
        lines = self.lines.get(source.name, set())
        if lines is EVERY_LINE:
            return findings
        return [f for f in findings if any(n in lines for n in _finding_lines(f))]


def _finding_lines(f):
    # end_column is exclusive: a finding that ends at the start of a line does not touch it.
    last = f.end_line - 1 if f.end_column == 1 and f.end_line > f.line else f.end_line
    return range(f.line, last + 1)


def parse_diff(data):
    """{path: set of changed line numbers in the new file} from `git diff --unified=0` bytes."""
    out, current = {}, None
    for raw in data.split(b"\n"):
        if raw.startswith(b"+++ "):
            path = _unquote(raw[4:].rstrip(b"\t").decode("utf-8", "surrogateescape"))
            current = out.setdefault(path[2:], set()) if path.startswith("b/") else None
        elif raw.startswith(b"@@") and current is not None:
            m = _HUNK.match(raw)
            if m:
                start, count = int(m.group(1)), int(m.group(2) or 1)
                current.update(range(start, start + count))
    return out


def _unquote(path):
    """git's C-style quoting of unusual file names ("a\\"b", octal bytes for non-ASCII)."""
    if not (len(path) >= 2 and path[0] == path[-1] == '"'):
        return path
    body, out, i = path[1:-1], bytearray(), 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            if nxt in "01234567":
                out.append(int(body[i + 1 : i + 4], 8))
                i += 4
                continue
            out.append(_ESCAPES.get(nxt, ord(nxt)))
            i += 2
            continue
        out += ch.encode("utf-8", "surrogateescape")
        i += 1
    return out.decode("utf-8", "surrogateescape")


def _toplevel(folder, display):
    proc = _git(["rev-parse", "--show-toplevel"], folder)
    if proc.returncode != 0:
        raise UserError("not in a git repository (--changed-since needs one)", display)
    return proc.stdout.decode("utf-8", "surrogateescape").strip()


def _git(args, cwd, check=False):
    # Literal pathspecs: a file named "a*.md" is that file, not a pattern.
    cmd = ["git", "-c", "core.quotePath=false", "--literal-pathspecs", *args]
    try:
        proc = subprocess.run(cmd, cwd=cwd, capture_output=True, stdin=subprocess.DEVNULL)
    except FileNotFoundError:
        raise UserError("--changed-since needs git, which was not found") from None
    if check and proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UserError(f"git {args[0]} failed: {message[-1] if message else proc.returncode}", cwd)
    return proc


class ChangedSincePlugin:
    """--changed-since as a per-run plugin: a filter that keeps findings on changed lines."""

    def __init__(self, run: Run, rev: str) -> None:
        self.rev = rev
        run.needs_all = True

    @hookimpl
    def factlint_collect_results(self, run: Run, results: Results) -> None:
        run.filters.append(ChangedLines(self.rev, [src for src, _fs in results]))
