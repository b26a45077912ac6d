"""Figures in English news text: digits with currency and scale, percentages, number words,
multitudes ("tens of thousands"), fractions and ratios ("less than a quarter of", "nine in ten").

The one place for the grammar of figures. Digit figures come from one regex over the prose;
figures in words start at a trigger word found by the term automaton (`TRIGGER_WORDS`) and are
read from there by `word_figure`, so a paragraph without a figure costs one regex scan.

Kinds: money, pct, num (digits), scaled ("five million", "half a million"), multitude
("thousands", "dozens"), fraction ("two-thirds of", "one in six"), multiplier ("twice as many",
"three times the average", "doubled"), numword ("seven").
"""

from __future__ import annotations

import re

import factlint.native as native

SCALE = r"(?:\s?(?:m|bn|k|tn|(?i:million|billion|trillion))\b)"  # "$100 Million" in a title-case headline
_CURRENCY_WORDS = r"(?:\s(?:dollars?|pounds?|euros?|yen|yuan|rupees?|roubles?|rubles?|francs?|pesos?|marks?|lira|kronor|kroner|krona|riyals?|won|rand|baht|ringgit|rupiah|shekels?))"
# The pattern opens with one character class (a currency sign or a digit), so the regex engine
# skips to candidates in its fast C loop; what the first character was is then asked by a
# look-behind (a figure in digits is "\d" preceded by none of [\w.,], read one character on).
# The named groups say the kind; their spans leave out that first character (use the match's).
DIGIT_FIGURE = re.compile(
    r"[$£€¥\d]"
    r"(?:(?<=[$£€¥])(?P<money>\s?\d[\d,]*(?:\.\d+)?" + SCALE + r"?)"
    r"|(?<=\d)(?:(?<![\w.,].)(?P<pct>[\d,]*(?:\.\d+)?\s?(?:%|[Pp]er\s?[Cc]ent\b|[Pp]ercent\b|PERCENT\b))"
    r"|(?<![\w.,/:£$€#-].)(?P<num>\d{0,2}(?:,\d{3})+(?:\.\d+)?(?!\w|[.,:/-]\d)" + SCALE + r"?"
    r"|\d*(?:\.\d+)?" + SCALE + r"?(?!\w|[.,:/-]\d|[-–]\w|\.[^\W\d_]))))"
)


def digit_figures(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every match of DIGIT_FIGURE in `text` (kind: its group's name); the
    native core reads them by hand in one call (factlint.native)."""
    if native.rust is not None:
        return native.rust.digit_figures(text)
    return [(m.start(), m.end(), m.lastgroup or "") for m in DIGIT_FIGURE.finditer(text)]


# "260.75bn roubles", "20bn yen", "$5 million": a currency named after a number makes it money.
CURRENCY_AFTER = re.compile(_CURRENCY_WORDS + r"\b|\s?(?:p|pence|cents?)\b")

# Number words: the one list every kind reads (dates, figures, contradictions).
UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
SMALL = UNITS[1:] + TENS
_SMALL = "|".join(SMALL)
_CARDINAL = rf"(?:(?:{_SMALL})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)"
SCALES = ("hundred", "thousand", "million", "billion", "trillion")
MULTITUDES = ("hundreds", "thousands", "millions", "billions", "dozens", "tens")
FRACTIONS = ("half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths")
MULTIPLIERS = ("twice", "times", "double", "triple", "doubled", "tripled", "quadrupled", "halved")
# The words the term automaton looks for; word_figure reads the whole figure around each.
TRIGGER_WORDS = tuple(w for w in SMALL if w != "one") + SCALES + MULTITUDES + FRACTIONS + MULTIPLIERS

# Read from the trigger word's start, in the lower-cased prose.
_SCALED = re.compile(
    rf"(?:(?:{_CARDINAL}|a|half\s+a|several|a\s+few|a\s+couple\s+of|many|\d+(?:\.\d+)?)[\s-]+)?"
    r"(?:hundred|thousand|million|billion|trillion)(?:\s+(?:and\s+)?(?:a\s+half|" + _CARDINAL + r"))?\b"
)
_MULTITUDE = re.compile(
    r"(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)|hundreds|thousands|millions|billions|dozens)\b"
)
_FRACTION = re.compile(
    rf"(?:(?:a|one|{_CARDINAL})[\s-]+(?:half|thirds?|quarters?|fifths?|tenths?)\s+of"
    r"|half\s+(?:of|the|its|their|all|his|her|our|those|these|this)\b)"
)
_RATIO = re.compile(rf"(?:{_CARDINAL}|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?(?:{_CARDINAL}|\d+|a\s+hundred)\b")
# Words that may stand before a fraction and belong to it: "more than half of", "nearly a third".
_FRACTION_LEAD = re.compile(
    r"(?:(?:more|less|fewer)\s+than|over|under|almost|nearly|about|around|some|roughly|just|only|at\s+least)\s+$"
)
_WORD_BEFORE = re.compile(r"([a-z]+)[\s-]+$")
_DIGIT_BEFORE = re.compile(r"\d[\s-]?$")
_NUMBER_BEFORE = re.compile(r"(?<![\d.,])\d+(?:\.\d+)?\s+$")
_PART_BEFORE = re.compile(r"\b(?:first|second|opposite|other|top|bottom|latter|former)\s+$")
_CARDINAL_WORD = re.compile(_CARDINAL + r"\b")
# "twice as many", "three times the national average", "more than doubled": a comparison is a claim.
_MULTIPLIER = re.compile(
    rf"(?:(?:twice|(?:{_CARDINAL}|\d+(?:\.\d+)?)\s+times)\s+(?:as\s+(?:many|much|likely|high|large|big|fast|often)|more|higher|larger|"
    r"greater|bigger|faster|the\s+(?:rate|number|amount|level|national\s+average|average))"
    r"|(?:doubled|tripled|quadrupled|halved))\b"
)
_READERS = (
    (_RATIO, "fraction"),
    (_MULTIPLIER, "multiplier"),
    (_SCALED, "scaled"),
    (_FRACTION, "fraction"),
    (_MULTITUDE, "multitude"),
)
# The readers as one alternation, in their order: group i+1 is _READERS[i] (one match per start,
# not five; the readers hold no groups of their own).
_READ = re.compile("|".join(f"({regex.pattern})" for regex, _kind in _READERS))


def word_figure(lower: str, start: int, limit: int) -> tuple[int, int, str] | None:
    """The figure in words around the trigger word at `start` in the lower-cased prose, as
    (start, end, kind), or None. It may begin up to two words earlier ("half a million", "a
    quarter of", "one in six"); `limit` bounds its end (the sentence's)."""
    if lower.startswith("times", start):  # "5 times more likely", "2.5 times the average"
        number = _NUMBER_BEFORE.search(lower, max(0, start - 12), start)
        if number:
            m = _MULTIPLIER.match(lower, number.start(), limit)
            return (m.start(), m.end(), "multiplier") if m else None
    if _DIGIT_BEFORE.search(lower, max(0, start - 12), start) or lower.endswith("multi-", 0, start):
        return None  # "30 million": the digit figure's (read by DIGIT_FIGURE with its unit)
    starts = [start]
    for _ in range(2):
        m = _WORD_BEFORE.search(lower, max(0, starts[0] - 14), starts[0])
        if not m:
            break
        starts.insert(0, m.start())
    for at in starts:
        m = _READ.match(lower, at, limit)
        if m is None:
            continue  # no reader matches here
        kind = _READERS[m.lastindex - 1][1]
        if m.end() <= start:  # the first reader that matches stops short: a later one may reach further
            m, kind = next(
                ((r.match(lower, at, limit), k) for r, k in _READERS if _reaches(r, lower, at, start, limit)),
                (None, ""),
            )
            if m is None:
                continue
        if kind == "scaled" and lower[at : m.end()].strip() in ("hundred", "thousand"):
            return None  # "hundred" alone is read from the word that counts it
        if kind == "fraction" and _PART_BEFORE.search(lower, max(0, at - 12), at):
            return None  # "the second half of the match": a part, not a share
        return at, m.end(), kind
    m = _CARDINAL_WORD.match(lower, start, limit)
    if m:
        return start, m.end(), "numword"
    return None


def _reaches(regex: re.Pattern, lower: str, at: int, start: int, limit: int) -> bool:
    m = regex.match(lower, at, limit)
    return m is not None and m.end() > start


def fraction_lead(lower: str, start: int) -> int:
    """Where a fraction's qualifier starts ("less than a quarter of"), or `start`."""
    m = _FRACTION_LEAD.search(lower, max(0, start - 16), start)
    return m.start() if m else start


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def value(text: str) -> float | None:
    """The value of a digit figure's number ("£1.04bn" -> 1.04e9, "20,000" -> 20000), or None."""
    m = _NUMBER.search(text)
    if not m:
        return None
    try:
        number = float(m.group().replace(",", ""))
    except ValueError:
        return None
    rest = text[m.end() :].strip().lower()
    for suffix, factor in (
        ("bn", 1e9),
        ("billion", 1e9),
        ("tn", 1e12),
        ("trillion", 1e12),
        ("million", 1e6),
        ("m", 1e6),
        ("k", 1e3),
    ):
        if rest.startswith(suffix):
            return number * factor
    return number
