"""Figures that are no claim by their shape and place: a year, a duration, a unit, a date, a
street or phone number, a label ("page 3", "Section 41"), an age in apposition, a numbered name
("Apollo 11"), a title in words ("Million Dollar Baby")."""

from __future__ import annotations

import re

from factlint.text import numbers

# After a number: units that make it a duration, time, age, measurement, spec or sports count.
_UNITS_AFTER = re.compile(
    r"\s?-?\s?(?:years?|yrs?|months?|weeks?|days?|nights?|hours?|hrs?|minutes?|mins?|seconds?|secs?|decades?|"
    r"centur(?:y|ies)|year-olds?|-year|am|pm|a\.m\.|p\.m\.|GMT|BST|ET|BC|AD|A\.D\.|B\.C\.|"
    r"km|kilometres?|kilometers?|miles?|metres?|meters?|m|cm|mm|feet|foot|ft|inch(?:es)?|kg|cubic|square|g|lb|lbs|"
    r"tonnes?|tons?|mph|km/h|kph|GB|MB|KB|TB|gigabytes?|megabytes?|MHz|GHz|Mbps|kbps|megapixels?|mAh|W|kW|MW|volts?|"
    r"(?:tera|giga|mega|peta)flops|"
    r"degrees?|°|points?|pts|goals?|runs?|wickets?|laps?|sets?|games?|holes?|strokes?|seeds?|tries|caps|"
    r"appearances|matches|innings|overs|yards|frames|shots|saves|titles|medals|wins|victories|defeats|draws|"
    r"st|nd|rd|th|times|fold|place|spot|position|per\s+(?:day|week|month|year)|a\s+(?:day|week|month|year))\b",
    re.I,
)
# Words right before a number that make it a label, an age or a rank, not a claim.
CONTEXT_BEFORE = re.compile(
    r"\b(?:aged|age|ages|age of|ages of|no|number|top|page|chapter|section|article|level|grade|"
    r"category|room|junction|platform|flight|route|rule|clause|version|model|series|season|vol|"
    r"volume|episode|issue|round|gate|bus|channel|radio|phase|stage|week|day|part|under-|u|"
    r"minute|world\s+number|ranked|seeded)\.?\s*$",
    re.I,
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_MONTH_AFTER = re.compile(r"\s*" + _MONTH)
_MONTH_BEFORE = re.compile(_MONTH + r"\s$")
_STREET = re.compile(r"\s+(?:[A-Z][a-z]+\s+){1,2}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Square|Place|Drive|Way|Court)\b")
_APPOSITION = re.compile(r"\b[A-Z][\w'’-]+,\s?$")
SCALE_AFTER = re.compile(r"\s?(?:m|bn|(?i:million|billion|trillion))\b")
# A capitalised word right before a number names something ("Apollo 11", "Windows 95"), unless
# it is an ordinary sentence opener ("About 500 people…").
_CAPITALISED_BEFORE = re.compile(r"\b([A-Z][A-Za-z]*[a-z][A-Za-z]*|[A-Z]{2,}\w*)\s$")
_SENTENCE_OPENERS = frozenset(
    """About Around Almost Nearly Over Under Only Just Some More Fewer Less Least Most Many At In
    On By Up To The A An Of For Since With Another Roughly Approximately Exactly Estimated Those
    These All And But Or Then Still Yet Than Percent""".split()
)
_BROADCAST_TIME = re.compile(r"\s+on\s+(?:BBC|ITV|Channel|Radio|Sky|Five|S4C)\b")
# A unit, a month, a street or a broadcast after a number, in one match (a call per figure, not four).
_CONTEXT_AFTER = re.compile(
    "|".join(
        f"(?{'i' if r.flags & re.I else '-i'}:{r.pattern})"
        for r in (_UNITS_AFTER, _MONTH_AFTER, _STREET, _BROADCAST_TIME)
    )
)


def not_a_claim_anywhere(prose: str, end: int, text: str) -> bool:
    """What makes a digit number no claim whatever its sentence: a year, a duration, a unit, a
    date, a street number, a small number (style guides spell those out), a score or range."""
    # One test holding is enough: the plain-Python ones first, then one regex for all the contexts after.
    digits = text.replace(",", "")
    after = prose[end : end + 24]
    if after.startswith(("-", "–", "/")):
        return True
    if digits.isdigit():
        if "," not in text and (
            (len(digits) == 4 and 1000 <= int(digits) <= 2099) or (len(digits) >= 5 and not SCALE_AFTER.match(after))
        ):
            return True  # a year; a code or number, not a count: news style writes counts with commas ("text 85130")
        if len(digits.lstrip("0")) <= 1 and not SCALE_AFTER.match(after) and not numbers.CURRENCY_AFTER.match(after):
            return True
    if len(digits) == 4 and digits[0] == "0":
        return True  # a clock time: "from 0800 to 1800GMT"
    return _CONTEXT_AFTER.match(after) is not None


def named_or_labelled(prose: str, s_start: int, start: int, end: int) -> bool:
    """A label ("page 3"), a date ("April 24"), an age in apposition, a numbered name, a range."""
    after = prose[end : end + 24]
    before = prose[max(s_start, start - 24) : start]
    if CONTEXT_BEFORE.search(before) or _MONTH_BEFORE.search(before):
        return True
    if (
        after.startswith(",")
        and _APPOSITION.search(before)
        and not SCALE_AFTER.match(prose, start + len(prose[start:end].rstrip()))
    ):
        return "," not in prose[start:end]  # "Ms Jones, 41, from Leeds" (not "Acme, 41,000 jobs")
    named = _CAPITALISED_BEFORE.search(before)
    if (
        named
        and named.group(1) not in _SENTENCE_OPENERS
        and not after.lstrip().startswith(("people", "jobs", "troops"))
    ):
        return True
    if before[-2:-1].isdigit() and before.endswith(" "):
        return True  # a group of a phone number: "0800 028 9276"
    return before.endswith(("-", "–", "/", "#"))


def may_count(prose: str, s_start: int, s_end: int, start: int, end: int, kind: str) -> bool:
    """Whether the figure can count anything at all (a casualty count included): not a label
    ("Section 41"), not a title or name in words ("Million Dollar Baby")."""
    if kind == "num":
        return not named_or_labelled(prose, s_start, start, end)
    if kind == "scaled" and prose[start:end].lower() in numbers.SCALES and prose[start : start + 1].isupper():
        return False  # "Million Dollar Baby": a scale word with no count before it is a name
    if kind in ("scaled", "multitude", "numword", "fraction") and prose[start : start + 1].isupper():
        return (
            start <= s_start + 2
            or title_case(prose, s_start, s_end)
            or prose[s_start:start].strip() in ('"', "“", "'", "‘")
        )
    return True


def title_case(prose: str, s_start: int, s_end: int) -> bool:
    """A headline written in title case ("Only 24 Percent of Donors Are Small Donors")."""
    words = [w for w in prose[s_start:s_end].split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)
