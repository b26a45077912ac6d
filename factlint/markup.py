"""Markup scopes: turn a document into *prose* — a string of the same length in which everything
that is not prose (front matter, code, URLs, HTML, link targets, markup characters) is blanked
with spaces. Offsets in the prose are offsets in the original text, so no mapping is needed.

Also reads suppressions. RULES is a list of selectors (rule ids, packs, categories or globs,
as for --select: ``Names.Transcriptions``, ``Names``, ``transcription``, ``History.*``),
separated by spaces or commas; no RULES means every rule.

Markdown — HTML comments (not inside code):

    <!-- factlint-disable RULES -->             from this line on …
    <!-- factlint-enable RULES -->              … until here (no RULES: ends every disable)
    <!-- factlint-disable-next-line RULES -->   the line after the comment
    text <!-- factlint-disable-line RULES -->   this line

Plain text — the same four directives on a line of their own starting with ``#``
(``# factlint-disable-next-line Names``), or a trailing ``[factlint: ignore RULES]`` on the
line it applies to (``… alongside Aser. [factlint: ignore Names.Transcriptions]``).

Both — ``[sic]`` right after a word, or after its closing quote (``Asherites [sic]``,
``"Aser" [sic]``), keeps transcription-category findings off that word; see the engine.

A directive that suppresses nothing in a run where every rule it names is enabled is reported as
``factlint.UnusedSuppression`` (a warning; ignore it like any rule).
"""

import re
from bisect import bisect_right

from factlint.lazyre import lazy_compile
from factlint.selection import split_selectors

_FENCE = lazy_compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_FRONT_MATTER = lazy_compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_HTML_COMMENT = lazy_compile(r"<!--(.*?)-->", re.S)
_DIRECTIVE = lazy_compile(r"^\s*factlint-(disable-next-line|disable-line|disable|enable)\b(.*?)\s*$", re.S)
_TEXT_DIRECTIVE_LINE = lazy_compile(
    r"(?m)^[ \t]*#[ \t]*factlint-(disable-next-line|disable-line|disable|enable)\b([^\n]*)$"
)
_TEXT_TRAILING = lazy_compile(r"\[factlint:\s*ignore\b([^\]\n]*)\]")
_CODE_SPAN = lazy_compile(r"(`+)(?:(?!\1).)+?\1", re.S)
_URL = lazy_compile(r"\b(?:https?://|ftp://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]")
_HTML_TAG = lazy_compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_LINK_TARGET = lazy_compile(r"\]\([^)\n]*\)|\]\[[^\]\n]*\]")
_REF_DEF = lazy_compile(r"(?m)^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S.*$")
_BLOCK_MARKER = lazy_compile(r"(?m)^([ \t]*(?:>[ \t]?)*)(#{1,6}[ \t]+|[-*+][ \t]+|\d{1,9}[.)][ \t]+)?")
_TABLE_RULE = lazy_compile(r"(?m)^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$")
_EMPHASIS = lazy_compile(r"(?<![\w*_])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*_])")
_HEADING_ATTRS = lazy_compile(r"(?m)[ \t]+#+[ \t]*$")
_IMAGE_BANG = lazy_compile(r"!(?=\[)")


class Directive:
    """One suppression: `kind` is disable | enable | disable-line | disable-next-line; `line` is
    the line it applies from (for disable-next-line: the line before the one it suppresses);
    start/end: offsets of the comment or marker (where an unused suppression is reported)."""

    __slots__ = ("kind", "selectors", "line", "used", "start", "end")

    def __init__(self, kind, selectors, line, start=0, end=0):
        self.kind, self.selectors, self.line, self.used = kind, selectors, line, False
        self.start, self.end = start, end


def _blank(chars, start, end):
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def _line_of(text, offset):
    return text.count("\n", 0, offset) + 1


def _selectors(raw):
    return split_selectors(raw.strip())


def read_front_matter(text):
    """Return (end offset, parsed mapping) of a leading YAML front matter block, or (0, {})."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return 0, {}
    meta = {}
    try:
        import yaml  # deferred for start-up: only a document with front matter needs it

        loaded = yaml.load(m.group(1) or "", Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        if isinstance(loaded, dict):
            meta = loaded
    except Exception:  # noqa: BLE001 - a broken front matter is not prose either; just skip it
        pass
    return m.end(), meta


def markdown_prose(text):
    """Return (prose, block_starts, directives, meta) for Markdown text."""
    chars = list(text)
    directives = []
    fm_end, meta = read_front_matter(text)
    _blank(chars, 0, fm_end)

    # Fenced and indented code blocks, line by line.
    pos, fence, prev_blank, in_indented = fm_end, None, True, False
    block_starts = []
    lines = text[fm_end:].splitlines(keepends=True)
    for line in lines:
        end = pos + len(line)
        stripped = line.strip()
        if fence:
            _blank(chars, pos, end)
            m = _FENCE.match(line)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line[m.end() :].strip():
                fence = None
        elif _FENCE.match(line):
            fence = _FENCE.match(line).group(1)
            _blank(chars, pos, end)
        elif (line.startswith("    ") or line.startswith("\t")) and stripped and (prev_blank or in_indented):
            in_indented = True
            _blank(chars, pos, end)
        else:
            if stripped:
                in_indented = False
            # A heading, list item, quote or table row starts a block of its own.
            if re.match(r"[ \t]*(?:#{1,6}[ \t]|[-*+][ \t]|\d{1,9}[.)][ \t]|>|\|)", line):
                block_starts.append(pos)
        prev_blank = not stripped
        pos = end
    masked = "".join(chars)

    # HTML comments: read directives, then blank the comment. A comment inside a code span is
    # an example (documentation about factlint), not a directive.
    code_spans = [m.span() for m in _CODE_SPAN.finditer(masked)]
    span_starts = [s for s, _e in code_spans]
    for m in _HTML_COMMENT.finditer(masked):
        d = _DIRECTIVE.match(m.group(1))
        i = bisect_right(span_starts, m.start()) - 1
        if d and not (i >= 0 and code_spans[i][1] > m.start()):
            kind = d.group(1)
            # disable-next-line means the line after the comment's *end* (it may span lines).
            line = _line_of(text, m.end() if kind == "disable-next-line" else m.start())
            directives.append(Directive(kind, _selectors(d.group(2)), line, m.start(), m.end()))
        _blank(chars, m.start(), m.end())
    masked = "".join(chars)
    for pattern in (_REF_DEF, _CODE_SPAN, _URL, _HTML_TAG, _LINK_TARGET, _IMAGE_BANG, _TABLE_RULE, _HEADING_ATTRS):
        for m in pattern.finditer(masked):
            _blank(chars, m.start(), m.end())
        masked = "".join(chars)
    for m in _BLOCK_MARKER.finditer(masked):
        if m.end() > m.start():
            _blank(chars, m.start(), m.end())
    for m in _EMPHASIS.finditer(masked):
        _blank(chars, m.start(), m.end())
    prose = "".join(chars)
    # Link text brackets and table pipes are not prose characters.
    prose = prose.translate(_PUNCT_TO_SPACE)
    return prose, block_starts, directives, meta


_PUNCT_TO_SPACE = str.maketrans({"[": " ", "]": " ", "|": " "})


def text_prose(text):
    """Return (prose, block_starts, directives, meta) for plain text: all prose but directives."""
    if "factlint" not in text:  # the common case costs one substring search
        return text, [], [], {}
    chars = None
    directives = []
    for pattern, kind in ((_TEXT_DIRECTIVE_LINE, None), (_TEXT_TRAILING, "disable-line")):
        for m in pattern.finditer(text):
            chars = chars if chars is not None else list(text)
            line = _line_of(text, m.start())
            if kind is None:
                directives.append(Directive(m.group(1), _selectors(m.group(2)), line, m.start(), m.end()))
            else:
                directives.append(Directive(kind, _selectors(m.group(1)), line, m.start(), m.end()))
            _blank(chars, m.start(), m.end())
    # disable/enable ranges are read in document order.
    directives.sort(key=lambda d: d.start)
    return ("".join(chars) if chars is not None else text), [], directives, {}
