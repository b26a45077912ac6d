"""html-residue : HTML entities (&amp; &nbsp; &#8217; &eacute;) and tags (<br>, </p>,
<div class="…">, comments) in plain text; "AT&T" and "Marks & Spencer" are text. Markdown
is skipped: entities and inline HTML are legitimate Markdown. An entity's suggestion is the
character it stands for (&nbsp; a plain space), fixable; tags only get a message.
"""

import re

from factlint.kinds.base import RuleKind
from factlint.lazyre import lazy_compile

_TAGS = (
    "a abbr article aside b big blockquote body br button caption center cite code dd del div dl dt "
    "em embed figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img "
    "input ins label li link main meta nav noscript ol option p picture pre q s script section "
    "select small source span strike strong style sub sup svg table tbody td tfoot th thead time "
    "title tr tt u ul video"
).split()
_ENTITY = r"(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|(?:nbsp|amp|quot|lt|gt|apos)(?![\w;])"
_TAG = rf"!--.{{0,500}}?-->|/?(?:{'|'.join(sorted(_TAGS, key=len, reverse=True))})(?:\s[^<>]{{0,300}})?/?>"
# One character set first ('&' or '<'), so that clean text costs one C-level scan.
_HTML = lazy_compile(rf"[&<](?:(?<=&)(?:{_ENTITY})|(?<=<)(?:{_TAG}))", re.I | re.S)
_SPACE_ONLY = lazy_compile(r"\s*")


class HtmlResidue(RuleKind):
    name = "html-residue"
    category = "quality"

    def compile(self, ctx):
        # Deferred for start-up: html.entities builds a 2,000-entry table; runs served from the
        # compiled-rules cache unpickle the table instead.
        from html.entities import html5

        self.entities = html5  # 'amp;' -> '&' (the names the HTML standard defines)

    def check(self, doc, hits):
        if doc.markup != "text":  # entities and inline HTML are Markdown syntax
            return
        text = doc.text
        if "&" not in text and "<" not in text:  # memchr: faster than the case-blind regex scan
            return
        first = _HTML.search(text)
        if first is None:
            return
        tags = None  # (start, end) of a run of adjacent tags
        for m in _HTML.finditer(text, first.start()):
            if m.group()[0] == "<":
                if tags and _SPACE_ONLY.fullmatch(text, tags[1], m.start()):
                    tags = (tags[0], m.end())
                else:
                    if tags:
                        yield self._tags(doc, *tags)
                    tags = (m.start(), m.end())
                continue
            entity = m.group()
            char = self._decode(entity)
            if char is None:
                continue
            if tags:
                yield self._tags(doc, *tags)
                tags = None
            shown = "a no-break space" if char == "\u00a0" else f"'{char}'"
            replacement, exact = (" " if char == "\u00a0" else char), True
            if char == "¿" and _between_letters(text, m.start(), m.end()):
                # "Blair&#191;s": a curly apostrophe that an older encoding step turned into ¿.
                shown, replacement, exact = "'¿', here a garbled apostrophe", "’", False
            yield self.finding(
                doc,
                m.start(),
                m.end(),
                (f"the entity '{entity}' stands for {shown}",),
                suggestions=[replacement],
                fixable=exact,
            )
        if tags:
            yield self._tags(doc, *tags)

    def _decode(self, entity):
        body = entity[1:].rstrip(";")
        if body.startswith("#"):
            try:
                cp = int(body[2:], 16) if body[1:2] in ("x", "X") else int(body[1:])
                return chr(cp) if 0 < cp < 0x110000 and not 0xD800 <= cp < 0xE000 else None
            except ValueError:
                return None
        return self.entities.get(body + ";") or self.entities.get(body.lower() + ";")

    def _tags(self, doc, start, end):
        what = "an HTML comment" if doc.text.startswith("<!--", start) else "markup"
        n = doc.text.count("<", start, end)
        if n > 1:
            what = f"{n} HTML tags" if what == "markup" else what
        return self.finding(doc, start, end, (f"'{_short(doc.text[start:end])}' is {what}; remove it",))


def _between_letters(text, start, end):
    return start > 0 and end < len(text) and text[start - 1].isalpha() and text[end].isalpha()


def _short(s, limit=60):
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 1] + "…"
