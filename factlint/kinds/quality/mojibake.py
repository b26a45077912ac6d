"""mojibake : UTF-8 text that was decoded as Windows-1252 (or Latin-1): "donâ€™t", "ZÃ¼rich",
"Â£5", "ï»¿". A run is reported only when re-encoding it gives valid UTF-8 that is a plausible
character (a Latin letter, punctuation, €, ™; Greek, Cyrillic, Hebrew or Arabic only as a
run of several), so "CAFÉ”" (É + ” would decode to the IPA letter ɔ) is left alone. The
suggestion is the repaired text (repairs twice-garbled text too); it is fixable because the
round trip is exact. "â€" whose third byte was lost (the closing quote ”) is reported with
the likely repair but not fixed.
"""

import re

from factlint.kinds.base import RuleKind
from factlint.lazyre import lazy_compile

# What the bytes 0x80-0xBF (UTF-8 continuation bytes) look like when decoded as Windows-1252;
# the five bytes cp1252 leaves undefined come through as the Latin-1 control characters.
_CONT_CHARS = "".join(
    bytes([b]).decode("cp1252", errors="replace").replace("\ufffd", chr(b)) for b in range(0x80, 0xC0)
)
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
_LEFTOVER = lazy_compile(
    "[\u00c2-\u00df\u00e2\u00ef](?=[\u0370-\u06ff])|(?<=[\u0370-\u06ff])[\u00c2-\u00df\u00e2\u00ef]"
)
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
    honours = frozenset({"scope"})

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
            if fixed[0].isalpha() or (
                start > 0 and text[start - 1].isalnum() and end < len(text) and text[end].isalnum()
            ):
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
                pieces.append(word[pos : run.start()])
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
