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

from factlint.frontmatter import read_front_matter
from factlint.lazyre import lazy_compile
from factlint.selection import split_selectors

_DIRECTIVE = lazy_compile(r"^\s*factlint-(disable-next-line|disable-line|disable|enable)\b(.*?)\s*$", re.S)
_TEXT_DIRECTIVE_LINE = lazy_compile(
    r"(?m)^[ \t]*#[ \t]*factlint-(disable-next-line|disable-line|disable|enable)\b([^\n]*)$"
)
_TEXT_TRAILING = lazy_compile(r"\[factlint:\s*ignore\b([^\]\n]*)\]")
_URL = lazy_compile(r"\b(?:https?://|ftp://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]")


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


def _html_comments(text, a, b):
    """(start, end, body) of each `<!-- body -->` in text[a:b]. (Not `<!--(.*?)-->`: that
    scans to the end from every unclosed `<!--`, 20,000 of them took 30 s.)"""
    pos = a
    while (start := text.find("<!--", pos, b)) >= 0:
        end = text.find("-->", start + 4, b)
        if end < 0:  # unclosed: no later comment can close either
            return
        yield start, end + 3, text[start + 4 : end]
        pos = end + 3


def _selectors(raw):

    return split_selectors(raw.strip())


def markdown_prose(text):
    """Return (prose, block_starts, directives, meta) for Markdown text.

    The text is parsed by markdown-it-py (CommonMark, plus tables, footnotes and definition
    lists). Only the content of inline tokens (paragraphs, headings, table cells, definition
    terms) is prose: each line of that content is found in its source line (it is the line less
    its block markers and indentation), so everything else — front matter, code, HTML blocks,
    list and quote markers, table delimiter rows, footnote labels, reference definitions — stays
    blank without a rule of its own. Inside the content, the inline rules that matched code spans,
    HTML, link targets, autolinks, footnote references, escapes and emphasis delimiters report
    where they matched, and those ranges are blanked too."""
    fm_end, meta = read_front_matter(text)
    line_starts, line_ends = _lines(text)
    first = bisect_right(line_starts, fm_end - 1) if fm_end else 0
    # Front matter lines are handed to the parser as empty lines: line numbers stay the same.
    src = "\n" * first + text[line_starts[first] :] if first < len(line_starts) else "\n" * first
    env = {}
    tokens = _parser().parse(src, env)

    keep, directives, block_starts = [], [], []
    cursor = {}  # line -> where the next inline content on it is searched from (table cells)
    for tok in tokens:
        ttype, span = tok.type, tok.map
        if span is None:
            continue
        if ttype == "inline":
            _inline_prose(tok, text, line_starts, line_ends, cursor, keep, directives)
        elif ttype in _BLOCK_STARTS:
            block_starts.append(line_starts[span[0]])
        elif ttype == "html_block":
            a, b = line_starts[span[0]], line_ends[min(span[1], len(line_ends)) - 1]
            for start, end, body in _html_comments(text, a, b):
                _directive(text, start, end, body, directives)
    prose = _compose(text, keep)
    if "://" in prose or "www." in prose:  # bare URLs (CommonMark has no rule for them)
        chars = None
        for m in _URL.finditer(prose):
            chars = chars if chars is not None else list(prose)
            _blank(chars, m.start(), m.end())
        if chars is not None:
            prose = "".join(chars)
    # Literal brackets ("[sic]", an unmatched "[") and pipes are not prose characters.
    prose = prose.translate(_PUNCT_TO_SPACE)
    directives.sort(key=lambda d: d.start)
    return prose, sorted(set(block_starts)), directives, meta


_PUNCT_TO_SPACE = str.maketrans({"[": " ", "]": " ", "|": " "})
_BLOCK_STARTS = frozenset(
    (
        "heading_open",
        "paragraph_open",
        "list_item_open",
        "blockquote_open",
        "tr_open",
        "dt_open",
        "dd_open",
    )
)
_NEWLINE = lazy_compile(r"\r\n?|\n")
_NOT_NEWLINE = lazy_compile(r"[^\r\n]")


def _lines(text):
    """(starts, ends) of the lines as CommonMark counts them (\\n, \\r\\n and \\r end a line);
    ends exclude the line break."""
    starts, ends = [0], []
    for m in _NEWLINE.finditer(text):
        ends.append(m.start())
        starts.append(m.end())
    ends.append(len(text))
    return starts, ends


def _compose(text, keep):
    """`text` with everything outside the `keep` ranges blanked (line breaks kept)."""
    out, pos = [], 0
    for a, b in sorted(keep):
        if a < pos:
            a = pos
        if a >= b:
            continue
        gap = text[pos:a]
        out.append(_NOT_NEWLINE.sub(" ", gap) if ("\n" in gap or "\r" in gap) else " " * len(gap))
        out.append(text[a:b])
        pos = b
    gap = text[pos:]
    out.append(_NOT_NEWLINE.sub(" ", gap) if ("\n" in gap or "\r" in gap) else " " * len(gap))
    return "".join(out)


def _inline_prose(tok, text, line_starts, line_ends, cursor, keep, directives):
    """Add the source ranges of an inline token's prose to `keep`, and its HTML comments'
    directives to `directives`."""
    content = tok.content
    first, last = tok.map[0], max(tok.map[1], tok.map[0] + 1)
    # Segments (content start, content end, source - content) line by line.
    segments, c_pos = [], 0
    for i, line in enumerate(content.split("\n")):
        n = first + i
        if n >= last or n >= len(line_starts):
            break
        body = line.lstrip(" \t")
        c_start = c_pos + len(line) - len(body)
        c_pos += len(line) + 1
        if not body:
            continue
        a, b = line_starts[n], line_ends[n]
        at = cursor.get(n, a)
        src_line = text[a:b].replace("\0", "\ufffd") if "\0" in text[a:b] else text[a:b]
        p = -1
        if src_line.endswith(body):
            p = a + len(src_line) - len(body)
        else:
            stripped = src_line.rstrip(" \t")
            if stripped.endswith(body):
                p = a + len(stripped) - len(body)
        if p < at:
            p = src_line.find(body, at - a)  # a table cell, a heading with a closing sequence
            p = -1 if p < 0 else a + p
        if p >= 0:
            cursor[n] = p + len(body)
            segments.append((c_start, c_start + len(body), p - c_start))
        elif "|" in body:  # a table cell whose "\\|" the parser unescaped: piece by piece
            p = src_line.find(body.replace("|", "\\|"), at - a)
            if p >= 0:
                p += a
                cursor[n] = p + len(body) + body.count("|")
                for piece in body.split("|"):
                    segments.append((c_start, c_start + len(piece), p - c_start))
                    c_start, p = c_start + len(piece) + 1, p + len(piece) + 2
        # else: not found as it is (a tab expanded): left blank
    if not segments:
        return
    blanks = tok.meta.get(_META) if tok.meta else None
    if blanks:
        for kind, a, b in blanks:
            if kind == "html" and content.startswith("<!--", a):
                s, e = _to_source(segments, a), _to_source(segments, b - 1)
                if s is not None and e is not None:
                    _directive(text, s, e + 1, content[a + 4 : b - 3], directives)
        kept = _subtract([(s, e) for s, e, _d in segments], sorted((a, b) for _k, a, b in blanks))
    else:
        kept = [(s, e) for s, e, _d in segments]
    i = 0
    for a, b in kept:  # both sorted; each kept range lies within one segment
        while segments[i][1] <= a:
            i += 1
        delta = segments[i][2]
        keep.append((a + delta, b + delta))


def _to_source(segments, offset):
    for s, e, delta in segments:
        if s <= offset < e:
            return offset + delta
    return None


def _subtract(ranges, holes):
    """`ranges` (sorted, disjoint) less the `holes` (sorted)."""
    out, j = [], 0
    for a, b in ranges:
        while j < len(holes) and holes[j][1] <= a:
            j += 1
        k = j
        while a < b and k < len(holes) and holes[k][0] < b:
            ha, hb = holes[k]
            if ha > a:
                out.append((a, ha))
            a = max(a, hb)
            k += 1
        if a < b:
            out.append((a, b))
    return out


def _directive(text, start, end, body, directives):
    d = _DIRECTIVE.match(body)
    if d:
        kind = d.group(1)
        # disable-next-line means the line after the comment's *end* (it may span lines).
        line = _line_of(text, end if kind == "disable-next-line" else start)
        directives.append(Directive(kind, _selectors(d.group(2)), line, start, end))


# -- the parser -------------------------------------------------------------------------------
_META = "factlint"  # Token.meta key: the (kind, start, end) content ranges that are not prose
_MD = None
# Inline rules whose whole match is not prose.
_WHOLE = {"backticks": "code", "autolink": "url", "html_inline": "html", "footnote_ref": "ref"}


def _parser():
    global _MD
    if _MD is None:
        from markdown_it import MarkdownIt  # deferred for start-up: plain text never loads the parser
        from mdit_py_plugins.deflist import deflist_plugin
        from mdit_py_plugins.footnote import footnote_plugin

        md = MarkdownIt("commonmark").enable("table").use(footnote_plugin).use(deflist_plugin)
        md.core.ruler.disable(["text_join"])
        md.core.ruler.at("inline", _core_inline)
        active = set(md.inline.ruler.get_active_rules())
        for name in (
            "escape",
            "backticks",
            "emphasis",
            "link",
            "image",
            "footnote_inline",
            "footnote_ref",
            "autolink",
            "html_inline",
        ):
            if name in active:
                md.inline.ruler.at(name, _recording(name, md.inline.ruler.__rules__[md.inline.ruler.__find__(name)].fn))
        _MD = md
    return _MD


def _core_inline(state):
    """markdown-it's core `inline` rule, with a list on each inline state where the wrapped rules
    record what they matched (nested parses, such as an image's alt text, record nothing)."""
    from markdown_it.rules_inline import StateInline  # deferred: see _parser

    md = state.md
    rules2 = md.inline.ruler2.getRules("")
    for token in state.tokens:
        if token.type != "inline":
            continue
        token.children = []
        inline = StateInline(token.content, md, state.env, token.children)
        inline.factlint = ranges = []
        emphasis = inline.factlint_emphasis = []
        md.inline.tokenize(inline)
        for rule in rules2:
            if emphasis and rule.__name__ == "fragments_join":  # it merges text into emptied tokens
                _emphasis_ranges(emphasis, ranges)
            rule(inline)
        _emphasis_ranges(emphasis, ranges)
        if ranges:
            token.meta = dict(token.meta or {}, **{_META: ranges})


def _emphasis_ranges(emphasis, ranges):
    for pos, tok in emphasis:
        # A delimiter that became emphasis, or the emptied second half of a strong one.
        if tok.type != "text" or not tok.content:
            ranges.append(("emphasis", pos, pos + 1))
    emphasis.clear()


def _recording(name, rule):
    def record(state, silent):
        start, count = state.pos, len(state.tokens)
        ok = rule(state, silent)
        if not ok or silent:
            return ok
        ranges = getattr(state, "factlint", None)
        if ranges is None:
            return ok
        end, last = state.pos, (state.tokens[-1] if len(state.tokens) > count else None)
        if name in _WHOLE:
            if name != "backticks" or (last is not None and last.type == "code_inline"):  # not an unmatched run
                ranges.append((_WHOLE[name], start, end))
        elif name == "escape":  # the backslash of an escape or a hard break, not of "\\w"
            if last is not None and (last.type == "hardbreak" or last.content != last.markup):
                ranges.append(("escape", start, start + 1))
        elif name == "emphasis":
            # One text token per delimiter character, after any pending text flushed by push.
            pushed = state.tokens[len(state.tokens) - (end - start) :]
            state.factlint_emphasis.extend(zip(range(start, end), pushed))
        elif name in ("link", "image"):  # "[" or "![", and from the label's "]" on: the label is prose
            from markdown_it.helpers import parseLinkLabel  # deferred: see _parser

            label = start + (name == "image")
            label_end = parseLinkLabel(state, label, name == "link")  # as the rule found it; restores pos
            ranges.append(("link", start, label + 1))
            if label_end > 0:
                ranges.append(("link", label_end, end))
        elif name == "footnote_inline":  # ^[text]: the text is prose
            ranges.append(("link", start, start + 2))
            ranges.append(("link", end - 1, end))
        return ok

    return record


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
