"""Vale's scopes over Markdown and plain text: the blocks each rule kind is run on.

Vale renders Markdown to HTML and lints each block element's text separately, in a named scope
(internal/lint/ast.go). The same here, from markdown-it-py's tokens:

    paragraph     -> `paragraph`, each of its sentences `sentence`, and `text`
    # heading     -> `text.heading.h1` ... `h6`        list item -> `text.list`
    > quote       -> `text.blockquote`                 table     -> `text.table.header|cell`
    [a link](u)   -> `link` (besides its paragraph)    ![alt](u) -> `text.attr.alt`
    **strong**    -> `strong`, *em* -> `emphasis`      the prose of a file -> `summary`
    the whole file, markup and all -> `raw`

Code spans stay in their block as `*`s (Vale masks them so that positions stay put); fenced and
indented code, HTML blocks and front matter are not linted. A rule's scope (`heading`,
`heading.h1`, `~blockquote`, a list of them) selects the blocks whose scope holds all its parts.
Every block keeps, per character, its offset in the file: findings are placed exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factlint.vale import regex as vre

_FRONT = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<]*[^\s<.,:;\"')\]*_~]")
_VALE_COMMENT = re.compile(r"<!--\s*vale\s+(.*?)\s*-->", re.S)
# A sentence ends at . ! ? (then closing quotes/brackets) before space and a capital, digit or quote.
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


@dataclass
class Block:
    scope: tuple
    text: str
    offsets: list  # file offset of each character of `text`
    parent: tuple = ()  # an inline block's enclosing block scope (a link in a heading: heading)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """File offsets [start, end) of the block's characters [start, end)."""
        if not self.offsets:
            return 0, 0
        start = min(max(start, 0), len(self.offsets) - 1)
        first = self.offsets[start]
        last = self.offsets[min(max(end - 1, start), len(self.offsets) - 1)]
        return first, max(last + 1, first)


@dataclass
class Parsed:
    blocks: list
    # (offset, directive) from `<!-- vale off|on -->`, `<!-- vale Style.Rule = NO|YES -->`
    comments: list = field(default_factory=list)


def selects(rule_scopes, block: Block) -> bool:
    """Vale's scope matching (check/scope.go): a rule's scopes are alternatives; each is one or
    more selectors joined by `&`, all of which must hold. A selector (`heading.h1`) holds when
    all its parts are in the block's scope; a negated one (`~heading.h2`) when they are not all
    in the block's parent scope (the enclosing block, for links, code and emphasis) -- and never
    for the sized `raw` and `summary` blocks."""
    parent = block.parent or block.scope
    for scope in rule_scopes:
        ok = True
        for selector in str(scope).split("&"):
            selector = selector.strip()
            negated = selector.startswith("~")
            parts = [p.strip() for p in selector.lstrip("~").split(".") if p.strip()]
            if negated:
                if all(p in parent for p in parts) or "raw" in block.scope or "summary" in block.scope:
                    ok = False
            elif not all(p in block.scope for p in parts):
                ok = False
            if not ok:
                break
        if ok:
            return True
    return False


# Words whose full stop does not end a sentence.
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sr",
    "jr",
    "st",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "no",
    "fig",
    "gen",
    "gov",
    "sen",
    "rep",
    "lt",
    "col",
    "capt",
    "inc",
    "ltd",
    "co",
    "corp",
    "jan",
    "feb",
    "aug",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.k",
    "a.m",
    "p.m",
}


def _abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([\w.]+)$", text[:dot])
    if not word:
        return False
    w = word.group(1).lower()
    return w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha())  # an initial: "J. Smith"


def sentences(block: Block) -> list:
    out, start = [], 0
    text = block.text
    for m in _SENTENCE_END.finditer(text):
        if text[m.start()] == "." and _abbreviation(text, m.start()):
            continue
        out.append((start, m.end()))
        start = m.end()
        while start < len(text) and text[start].isspace():
            start += 1
    out.append((start, len(text)))
    return [Block(("sentence",), text[a:b], block.offsets[a:b]) for a, b in out if text[a:b].strip()]


def _prose(block: Block) -> list:
    """A paragraph is linted as `paragraph`, sentence by sentence, and as `text`."""
    return [Block(("paragraph",), block.text, block.offsets), *sentences(block), block]


DEFAULT_IGNORED = ("code", "tt", "kbd")  # Vale's IgnoredScopes: inline tags whose text is masked
_INLINE_TAGS = {"strong": ("strong", "b"), "em": ("em", "i"), "link": ("a",)}


def parse(text: str, markdown: bool, token_ignores=(), block_ignores=(), skipped=(), ignored=DEFAULT_IGNORED) -> Parsed:
    """The blocks of a file. `block_ignores` (Vale's BlockIgnores) are patterns of regions left
    out; `token_ignores` (TokenIgnores) of inline runs masked with `*` as code spans are.
    `skipped` (SkippedScopes) names block tags not linted (`blockquote`, `table`, `li`, `h2`),
    `ignored` (IgnoredScopes) inline tags whose text is masked (`code`, `strong`, `em`, `a`)."""
    # Vale reads a right single quote as an apostrophe (its sanitizer), so that `don't` in a
    # rule matches `don’t` in the text; one character for one, so positions do not move.
    text = text.replace("\u2019", "'")
    raw = Block(("raw",), text, list(range(len(text))))
    source = text
    if block_ignores and markdown:
        for pattern in block_ignores:  # blanked, newlines kept: positions do not move
            source = vre.compile(pattern).sub(lambda m: re.sub(r"[^\n]", " ", m.group()), source)
    parsed = (
        _markdown(source, set(skipped or ()), set(ignored if ignored is not None else DEFAULT_IGNORED))
        if markdown
        else _plain(source)
    )
    if token_ignores:
        _mask(parsed, text, token_ignores)
    summary_text, summary_offsets = [], []
    for b in parsed.blocks:
        if b.scope[:2] in (("text",), ("text", "list"), ("text", "blockquote")) and b.scope != ("text", "attr", "alt"):
            if summary_text:
                summary_text.append("\n\n")
                summary_offsets += [summary_offsets[-1]] * 2
            summary_text.append(b.text)
            summary_offsets += b.offsets
    parsed.blocks.append(Block(("summary",), "".join(summary_text), summary_offsets))
    parsed.blocks.append(raw)
    return parsed


def _mask(parsed: Parsed, text: str, patterns) -> None:

    masked = set()
    for pattern in patterns:
        for m in vre.compile(pattern).finditer(text):
            masked.update(range(m.start(), m.end()))
    for b in parsed.blocks:
        if any(o in masked for o in b.offsets):
            b.text = "".join("*" if o in masked and ch != "\n" else ch for ch, o in zip(b.text, b.offsets))


def _plain(text: str) -> Parsed:
    """Vale's lintTxt: the whole file is one `text` block; paragraphs (split at blank lines)
    and their sentences are the `paragraph` and `sentence` blocks."""
    blocks = [Block(("text",), text, list(range(len(text))))]
    for m in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text):
        body = m.group().rstrip()
        para = Block(("paragraph",), body, list(range(m.start(), m.start() + len(body))))
        blocks += [para, *sentences(para)]
    return Parsed(blocks)


def _front_matter_end(text: str) -> int:
    m = _FRONT.match(text)
    if not m:
        return 0
    fence = m.group().strip()
    close = re.compile(rf"^(?:{re.escape(fence)}|\.\.\.)[ \t]*$", re.M).search(text, m.end())
    return close.end() if close else 0


def _markdown(text: str, skipped=frozenset(), ignored=frozenset(DEFAULT_IGNORED)) -> Parsed:
    from markdown_it import MarkdownIt  # deferred for start-up: only Markdown documents need it

    skip = _front_matter_end(text)
    # Blank the front matter (keeping its lines) so that markdown-it sees no paragraph there.
    source = re.sub(r"[^\n]", " ", text[:skip]) + text[skip:]
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])  # GFM, as Vale's goldmark
    tokens = md.parse(source)
    line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
    lines = source.split("\n")
    parsed = Parsed([])
    stack: list = []  # enclosing block tags
    cursors: dict = {}  # per line: where the next table cell is looked for
    for tok in tokens:
        if tok.type.endswith("_open") and tok.nesting == 1:
            stack.append(tok.tag)
            continue
        if tok.nesting == -1:
            if stack:
                stack.pop()
            continue
        if tok.type in ("html_block", "html_inline"):
            _comments(tok.content, line_starts[tok.map[0]] if tok.map else 0, parsed)
            continue
        if tok.type != "inline" or not tok.map:
            continue
        if skipped and any(t in skipped or (t in ("th", "td") and "table" in skipped) for t in stack):
            continue
        content_offsets = _place(tok.content, tok.map, lines, line_starts, cursors, "td" in stack or "th" in stack)
        main, extra = _inline(tok, content_offsets, parsed, ignored)
        scope = _scope(stack)
        for b in extra:
            b.parent = scope
        if scope == ("text",):
            parsed.blocks += _prose(main)
        else:
            main.scope = scope
            parsed.blocks.append(main)
        parsed.blocks += extra
    return parsed


def _scope(stack: list) -> tuple:
    """Vale's scope of a block: the outermost scoped element wins (ast.go, lintScope)."""
    for tag in stack:
        if tag in ("li",):
            return ("text", "list")
        if tag == "blockquote":
            return ("text", "blockquote")
        if tag == "th":
            return ("text", "table", "header")
        if tag == "td":
            return ("text", "table", "cell")
        if re.fullmatch(r"h[1-6]", tag):
            return ("text", "heading", tag)
    return ("text",)


def _place(content, line_map, lines, line_starts, cursors, cell) -> list:
    """The file offset of each character of an inline token's content (whose lines are the
    source lines less their block markers)."""
    offsets = []
    for k, piece in enumerate(content.split("\n")):
        n = min(line_map[0] + k, len(lines) - 1)
        src = lines[n]
        start = cursors.get(n, 0) if cell else 0
        col = src.find(piece, start) if piece else start
        if col < 0:
            col = src.find(piece.lstrip(), start)
            col = max(len(src) - len(piece), 0) if col < 0 else col - (len(piece) - len(piece.lstrip()))
        if cell:
            cursors[n] = col + len(piece)
        base = line_starts[n] + col
        offsets += range(base, base + len(piece))
        offsets.append(base + len(piece))  # the newline joining content lines
    return offsets[: len(content)]


def _inline(tok, where: list, parsed: Parsed, ignored=frozenset(DEFAULT_IGNORED)):
    """The block's text (code masked, markup dropped) and its inline blocks (links, alt...)."""
    content = tok.content
    chars, offs, extra = [], [], []
    cursor = 0
    open_at: dict = {}

    def take(piece, mask=None):
        nonlocal cursor
        pos = content.find(piece, cursor) if piece else -1
        if pos >= 0:
            spots = range(pos, pos + len(piece))
        else:  # decoded entities (`&amp;`), escapes, a line break read as a space: align by char
            spots, at = [], cursor
            for ch in piece:
                hit = content.find(ch, at, at + 10)
                spots.append(hit if hit >= 0 else at)
                at = (hit if hit >= 0 else at) + 1
        for ch, spot in zip(piece, spots):
            chars.append(mask or ch)
            offs.append(where[min(spot, len(where) - 1)] if where else 0)
        if piece:
            cursor = min(spots[-1] + 1, len(content))

    for child in tok.children or ():
        kind = child.type
        if kind == "text":
            take(child.content)
        elif kind == "code_inline":
            begin = len(chars)
            take(child.content, mask="*" if ignored & {"code", "tt", "kbd"} else None)
            extra.append(Block(("code",), child.content, offs[begin:]))
        elif kind in ("softbreak", "hardbreak"):
            nl = content.find("\n", cursor)
            chars.append("\n")
            offs.append(where[nl] if 0 <= nl < len(where) else (offs[-1] + 1 if offs else 0))
            cursor = nl + 1 if nl >= 0 else cursor
        elif kind in ("link_open", "strong_open", "em_open"):
            open_at[kind[:-5]] = (len(chars), child.attrs.get("href") if child.attrs else None)
        elif kind in ("link_close", "strong_close", "em_close"):
            name = kind[:-6]
            if name in open_at:
                begin, href = open_at.pop(name)
                piece = "".join(chars[begin:])
                if name == "link" and href == piece:  # an autolink: Vale masks the URL
                    chars[begin:] = ["*"] * len(piece)
                    continue
                if ignored & set(_INLINE_TAGS[name]):  # IgnoredScopes: masked like code
                    chars[begin:] = ["*" if c != "\n" else c for c in piece]
                scope = {"link": ("link",), "strong": ("strong",), "em": ("emphasis",)}[name]
                extra.append(Block(scope, piece, offs[begin:]))
        elif kind == "image":
            alt = child.content
            before = cursor
            take(alt)
            del chars[len(chars) - len(alt) :]
            alt_offs = offs[len(offs) - len(alt) :]
            del offs[len(offs) - len(alt) :]
            if alt.strip():
                extra.append(Block(("text", "attr", "alt"), alt, alt_offs))
            cursor = max(cursor, before)
        elif kind == "html_inline":
            _comments(child.content, where[min(cursor, len(where) - 1)] if where else 0, parsed)
    text = "".join(chars)
    # A bare URL is a link whose text is its address (GFM's autolinks): masked, as above.
    text = _URL.sub(lambda m: "*" * len(m.group()), text)
    return Block(("text",), text, offs), extra


def _comments(html: str, offset: int, parsed: Parsed) -> None:
    for m in _VALE_COMMENT.finditer(html):
        parsed.comments.append((offset, m.group(1).strip()))
