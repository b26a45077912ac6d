"""Pure conversions between factlint and LSP: offsets <-> positions, findings -> diagnostics and
code actions. No I/O and no factlint internals: findings are duck-typed (start, end, rule,
severity, message, suggestions, fixable), so this module survives engine refactors.

factlint offsets count code points; LSP positions are (0-based line, character) where the
character counts UTF-16 code units unless client and server agreed on utf-8 or utf-32. LSP lines
end at \\n, \\r\\n or \\r (not at the other breaks str.splitlines knows).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

from lsprotocol import types as lsp

SOURCE = "factlint"
SEVERITY = {
    "error": lsp.DiagnosticSeverity.Error,
    "warning": lsp.DiagnosticSeverity.Warning,
    "suggestion": lsp.DiagnosticSeverity.Information,
    "hint": lsp.DiagnosticSeverity.Hint,  # no factlint level yet; a plugin may bring one
}
# Findings that say "this is dead weight": editors fade the text instead of underlining it.
UNNECESSARY = {"factlint.UnusedSuppression"}
_BREAK = re.compile(r"\r\n|\r|\n")


class PositionMap:
    """Offsets (code points) <-> LSP positions for one text, in the negotiated encoding."""

    def __init__(self, text: str, encoding: str = "utf-16"):
        self.text = text
        self.encoding = str(getattr(encoding, "value", encoding)).lower()
        self.starts = [0] + [m.end() for m in _BREAK.finditer(text)]

    def _units(self, s: str) -> int:
        if self.encoding == "utf-32":
            return len(s)
        if self.encoding == "utf-8":
            return len(s.encode("utf-8", "surrogatepass"))
        return len(s) + sum(1 for c in s if ord(c) > 0xFFFF)  # utf-16: astral chars are 2 units

    def position(self, offset: int) -> lsp.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        return lsp.Position(line=line, character=self._units(self.text[self.starts[line] : offset]))

    def range(self, start: int, end: int) -> lsp.Range:
        return lsp.Range(start=self.position(start), end=self.position(end))

    def offset(self, pos: lsp.Position) -> int:
        """The code-point offset of a position; a character past the line's end clamps to it (as
        the LSP specification asks), and so does one inside a surrogate pair."""
        if pos.line >= len(self.starts):
            return len(self.text)
        start = self.starts[max(pos.line, 0)]
        end = self.starts[pos.line + 1] if pos.line + 1 < len(self.starts) else len(self.text)
        line = self.text[start:end].rstrip("\r\n")
        if self.encoding == "utf-32":
            return start + min(pos.character, len(line))
        units = 0
        for i, c in enumerate(line):
            units += self._units(c)
            if units > pos.character:
                return start + i
        return start + len(line)

    def line_start(self, line: int) -> int:
        return self.starts[min(max(line, 0), len(self.starts) - 1)]

    def line_ending(self) -> str:
        m = _BREAK.search(self.text)
        return m.group() if m else "\n"


def diagnostic(f: Any, pmap: PositionMap, link: str = "") -> lsp.Diagnostic:
    d = lsp.Diagnostic(
        range=pmap.range(f.start, f.end),
        message=f.message,
        severity=SEVERITY.get(f.severity, lsp.DiagnosticSeverity.Warning),
        code=f.rule,
        source=SOURCE,
        # Code actions get the diagnostics back: enough to rebuild the fixes without a re-lint.
        data={"suggestions": list(f.suggestions), "fixable": bool(f.fixable)},
    )
    if link:
        d.code_description = lsp.CodeDescription(href=link)
    if f.rule in UNNECESSARY:
        d.tags = [lsp.DiagnosticTag.Unnecessary]
    return d


def diagnostics(findings: Iterable[Any], pmap: PositionMap, links: dict | None = None) -> list:
    links = links or {}
    return [diagnostic(f, pmap, links.get(f.rule, "")) for f in findings]


def overlaps(f: Any, start: int, end: int) -> bool:
    """Whether a finding touches [start, end]: a cursor at either edge of a word counts."""
    return f.start <= end and start <= f.end


def _edit(uri: str, pmap: PositionMap, start: int, end: int, text: str) -> lsp.WorkspaceEdit:
    return lsp.WorkspaceEdit(changes={uri: [lsp.TextEdit(range=pmap.range(start, end), new_text=text)]})


def fix_action(uri: str, f: Any, pmap: PositionMap, replacement: str, diag: lsp.Diagnostic) -> lsp.CodeAction:
    """The safe fix (what --fix applies): preferred, so editors offer it as *the* quick fix."""
    return lsp.CodeAction(
        title=f"Replace '{f.match}' with '{replacement}' ({f.rule})",
        kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[diag],
        is_preferred=True,
        edit=_edit(uri, pmap, f.start, f.end, replacement),
    )


def suggestion_actions(uri: str, f: Any, pmap: PositionMap, diag: lsp.Diagnostic) -> list:
    """One action per suggestion of an ambiguous finding; none preferred, the writer chooses."""
    return [
        lsp.CodeAction(
            title=f"Change '{f.match}' to '{s}' ({f.rule})",
            kind=lsp.CodeActionKind.QuickFix,
            diagnostics=[diag],
            edit=_edit(uri, pmap, f.start, f.end, s),
        )
        for s in f.suggestions
    ]


def suppress_action(uri: str, f: Any, pmap: PositionMap, comment: str, diag: lsp.Diagnostic) -> lsp.CodeAction:
    """Insert `comment` (a disable-next-line directive) on its own line above the finding's
    first line, indented like it, with the document's own line ending."""
    line = pmap.position(f.start).line
    at = pmap.line_start(line)
    indent = re.match(r"[ \t]*", pmap.text[at:]).group()
    return lsp.CodeAction(
        title=f"Disable {f.rule} for this line",
        kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[diag],
        edit=_edit(uri, pmap, at, at, f"{indent}{comment}{pmap.line_ending()}"),
    )


def fix_all_action(uri: str, edits: list, pmap: PositionMap) -> lsp.CodeAction | None:
    """All safe fixes of the document at once (`source.fixAll`, what --fix does in one pass)."""
    if not edits:
        return None
    text_edits = [lsp.TextEdit(range=pmap.range(s, e), new_text=r) for s, e, r in edits]
    return lsp.CodeAction(
        title=f"Apply all safe factlint fixes ({len(edits)})",
        kind=lsp.CodeActionKind.SourceFixAll,
        edit=lsp.WorkspaceEdit(changes={uri: text_edits}),
    )


def entry_markdown(entry: dict, f: Any) -> str:
    """A knowledge-base entry (an event or a name) as a few Markdown lines, with its source."""
    title = entry.get("name") or entry.get("right") or ""
    if isinstance(title, list):
        title = " or ".join(map(str, title))
    lines = [f"**Knowledge base:** {title}".rstrip()]
    if entry.get("span"):
        span = entry["span"]
        lines.append(f"- years: {span[0]}–{span[-1]}" + (f" (from {entry['date']})" if entry.get("date") else ""))
    for decoy in entry.get("decoys") or ():
        if isinstance(decoy, dict) and str(decoy.get("year")) in f.match:
            lines.append(f"- {decoy['year']}: {decoy.get('why', '')}")
    if entry.get("why"):
        lines.append(f"- {entry['why']}")
    if entry.get("type"):
        lines.append(f"- {entry['type']}" + (f" in {entry['country']}" if entry.get("country") else ""))
    lines.append(f"- source: {entry.get('source')}")
    return "\n".join(lines)
