"""Scraped-text quality: mojibake, HTML residue, duplicated paragraphs.

Each kind costs one C-level regular-expression search per document when the text is clean; the
Python loop runs only over what that search found.

* mojibake — UTF-8 text that was decoded as Windows-1252 (or Latin-1): "donâ€™t", "ZÃ¼rich",
  "Â£5", "ï»¿". A run is reported only when re-encoding it gives valid UTF-8 that is a plausible
  character (a Latin letter, punctuation, €, ™; Greek, Cyrillic, Hebrew or Arabic only as a
  run of several), so "CAFÉ”" (É + ” would decode to the IPA letter ɔ) is left alone. The
  suggestion is the repaired text (repairs twice-garbled text too); it is fixable because the
  round trip is exact. "â€" whose third byte was lost (the closing quote ”) is reported with
  the likely repair but not fixed.
* html-residue — HTML entities (&amp; &nbsp; &#8217; &eacute;) and tags (<br>, </p>,
  <div class="…">, comments) in plain text; "AT&T" and "Marks & Spencer" are text. Markdown
  is skipped: entities and inline HTML are legitimate Markdown. An entity's suggestion is the
  character it stands for (&nbsp; a plain space), fixable; tags only get a message.
* duplicate-paragraph — the same paragraph (white space normalised, at least `min_words`
  words) twice in one text; the later copy is reported.
"""
import re

from factlint.lazyre import lazy_compile

from factlint.kinds.base import RuleKind

# -- mojibake ---------------------------------------------------------------------------------
# What the bytes 0x80-0xBF (UTF-8 continuation bytes) look like when decoded as Windows-1252;
# the five bytes cp1252 leaves undefined come through as the Latin-1 control characters.
_CONT_CHARS = "".join(bytes([b]).decode("cp1252", errors="replace").replace("\ufffd", chr(b)) for b in range(0x80, 0xC0))
_TO_BYTE = {ch: b for b, ch in zip(range(0x80, 0xC0), _CONT_CHARS)}
_TO_BYTE.update({chr(b): b for b in range(0x80, 0xC0)})  # Latin-1 decoding
_TO_BYTE.update({chr(b): b for b in range(0xC2, 0x100)})  # lead bytes (same in both)
_CONT = "[" + re.escape("".join(sorted(set(_CONT_CHARS) | {chr(b) for b in range(0x80, 0xC0)}))) + "]"
# Two-byte sequences (lead Â..ß), three-byte ones led by â (U+2000-U+2FFF: punctuation, €, ™),
# the byte-order mark ï»¿, and "â€" whose third byte (0x9D, undefined in cp1252) was dropped.
# Each pattern starts with a character set, which the regex engine scans for in C.
_LEADS = lazy_compile("[\u00c2-\u00df\u00e2\u00ef]")
_UNIT_RE = (
    rf"[\u00c2-\u00df\u00e2\u00ef](?:(?<=[\u00c2-\u00df]){_CONT}|(?<=\u00e2){_CONT}{_CONT}"
    rf"|(?<=\u00e2)\u20ac(?!{_CONT})|(?<=\u00ef)\u00bb\u00bf)"
)
_MOJIBAKE = lazy_compile(rf"{_UNIT_RE}(?:{_UNIT_RE})*")
_UNIT = lazy_compile(_UNIT_RE)
# A lead character left next to a repaired non-Latin letter ("МоÑква").
_LEFTOVER = lazy_compile("[\u00c2-\u00df\u00e2\u00ef](?=[\u0370-\u06ff])|(?<=[\u0370-\u06ff])[\u00c2-\u00df\u00e2\u00ef]")
_QUOTES = set("’”“‘–—…•")


def _plausible(ch, several):
    cp = ord(ch)
    if 0xA0 <= cp <= 0x24F or cp == 0x259:  # Latin-1 letters and signs, Latin Extended, ə
        return True
    if 0x2000 <= cp <= 0x206F or 0x20A0 <= cp <= 0x20CF or 0x2100 <= cp <= 0x214F or cp == 0xFEFF:
        return True  # punctuation, currency, letterlike (™), byte-order mark
    if 0x300 <= cp <= 0x36F:  # combining accents (text in decomposed form)
        return True
    # Greek, Cyrillic, Hebrew letters, Arabic: only a run of them is a garbled word.
    return several and (0x370 <= cp <= 0x4FF or 0x5D0 <= cp <= 0x5EA or 0x600 <= cp <= 0x6FF)


def repair(run):
    """(repaired text, exact) for one mojibake run, or None if it is not mojibake."""
    units = _UNIT.findall(run)
    out, exact = [], True
    for unit in units:
        if unit == "\u00e2\u20ac":  # the third byte was lost: almost always ” (0x9D)
            out.append("”")
            exact = False
            continue
        try:
            out.append(bytes(_TO_BYTE[c] for c in unit).decode("utf-8"))
        except (KeyError, UnicodeDecodeError):
            return None
    text = "".join(out)
    several = len(text) > 1
    if text == "\ufeff":
        return "", exact  # a byte-order mark inside the text: remove it
    if not all(_plausible(c, several) for c in text):
        return None
    # Garbled twice ("Ã¢â‚¬â„¢" -> "â€™" -> "’"): repair again while the result still is.
    if _MOJIBAKE.fullmatch(text):
        again = repair(text)
        if again is not None:
            return again[0], exact and again[1]
    return text, exact


class Mojibake(RuleKind):
    name = "mojibake"
    category = "quality"

    def check(self, doc, hits):
        text = doc.text if self.spec.scope == "raw" else doc.prose
        if text.isascii():  # known without a scan: CPython records it when it makes the string
            return
        lead = _LEADS.search(text)  # most texts have none of Â..ß, â, ï at all
        first = _MOJIBAKE.search(text, lead.start()) if lead else None
        if first is None:
            return
        done = -1
        for m in _MOJIBAKE.finditer(text, first.start()):
            if m.start() < done:
                continue
            fixed = repair(m.group())
            if fixed is None:
                continue
            if len(m.group()) == 2 and m.start() > 0 and text[m.start() - 1].isupper() and m.group()[1] in _QUOTES:
                continue  # "IRMÃ”": a capital letter before a closing quote, not a garbled Ô
            start, end = m.start(), m.end()
            if fixed[0].isalpha() or (start > 0 and text[start - 1].isalnum() and end < len(text) and text[end].isalnum()):
                # A garbled letter or apostrophe is reported with its word: "ZÃ¼rich", "donâ€™t".
                while start > 0 and (text[start - 1].isalnum() or _MOJIBAKE.match(text, start - 1)):
                    start -= 1
                while end < len(text) and text[end].isalnum():
                    end += 1
                    more = _MOJIBAKE.match(text, end)
                    if more:
                        end = more.end()
            done = end
            word = text[start:end]
            exact = True
            pieces, pos = [], 0
            for run in _MOJIBAKE.finditer(word):
                r = repair(run.group())
                pieces.append(word[pos:run.start()])
                if r is None:
                    pieces.append(run.group())
                else:
                    pieces.append(r[0])
                    exact = exact and r[1]
                pos = run.end()
            pieces.append(word[pos:])
            suggestion = "".join(pieces)
            if _LEFTOVER.search(suggestion):
                exact = False  # a byte was lost on the way ("ÐœÐ¾ÑÐºÐ²Ð°"): the repair is partial
            advice = f"it should read '{suggestion}'" if suggestion else "a garbled byte-order mark; remove it"
            yield self.finding(doc, start, end, (word, advice), suggestions=[suggestion], fixable=exact)


# -- HTML residue -----------------------------------------------------------------------------
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
                doc, m.start(), m.end(), (f"the entity '{entity}' stands for {shown}",),
                suggestions=[replacement], fixable=exact,
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


# -- duplicated paragraphs --------------------------------------------------------------------
class DuplicateParagraph(RuleKind):
    name = "duplicate-paragraph"
    category = "quality"
    keys = {"min_words": (int, False, 8)}

    def check(self, doc, hits):
        blocks = doc.blocks
        if len(blocks) < 2:
            return
        prose = doc.prose
        min_words = self.option("min_words")
        seen = {}
        for start, end in blocks:
            key = prose[start:end]
            if "  " in key or "\n" in key or "\t" in key or "\r" in key or "\u00a0" in key:
                key = " ".join(key.split())  # only then normalise: most paragraphs are one line
            if key.count(" ") < min_words - 1:
                continue
            if key in seen:
                line = doc.position(seen[key])[0]
                yield self.finding(doc, start, end, (line,))
            else:
                seen[key] = start
