"""Numbers as news writes them ("34", "1,200", "forty", "2.5 million", "£40m", "30 to 40") and
the qualifiers that make them bounds ("at least", "nearly", "about"). Vague amounts
("dozens", "hundreds") are not numbers here."""

from __future__ import annotations

import math
import re

from factlint.text.numbers import TENS, UNITS

_UNITS, _TENS = UNITS, TENS
WORDS = {w: n for n, w in enumerate(_UNITS)}
for _i, _t in enumerate(_TENS, 2):
    WORDS[_t] = _i * 10
    for _u in range(1, 10):
        WORDS[f"{_t}-{_UNITS[_u]}"] = _i * 10 + _u
        WORDS[f"{_t} {_UNITS[_u]}"] = _i * 10 + _u
WORDS.update({"a dozen": 12, "a hundred": 100, "one hundred": 100, "a thousand": 1000})
SCALES = {"thousand": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "bn": 1e9, "billion": 1e9, "k": 1e3}

_WORD_ALT = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in WORDS), key=len, reverse=True))
_ONE = (
    rf"(?:[£$€]\s?)?(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:{_WORD_ALT}))"
    r"(?:\s?(?:thousand|million|billion|bn|mn|m|k)\b)?"
)
NUMBER = rf"(?P<num>{_ONE})(?:\s*(?:to|-|–|and|or)\s*(?P<num2>{_ONE}))?"
# Qualifiers before a number: kind of bound.
QUALIFIERS = {
    "at least": "lower",
    "more than": "lower",
    "over": "lower",
    "in excess of": "lower",
    "well over": "lower",
    "just over": "lower",
    "upwards of": "lower",
    "a minimum of": "lower",
    "up to": "upper",
    "fewer than": "upper",
    "less than": "upper",
    "under": "upper",
    "almost": "upper",
    "nearly": "upper",
    "as many as": "upper",
    "no more than": "upper",
    "just under": "upper",
    "close to": "approx",
    "about": "approx",
    "around": "approx",
    "some": "approx",
    "roughly": "approx",
    "approximately": "approx",
    "an estimated": "approx",
    "estimated": "approx",
    "up to about": "upper",
    "between": "range",
    "perhaps": "approx",
    "at most": "upper",
    "possibly": "approx",
    "reportedly": "approx",
}
QUAL = "|".join(sorted((q.replace(" ", r"\s+") for q in QUALIFIERS), key=len, reverse=True))
APPROX = 0.15  # "about 900" allows 15% either way


def value(text: str) -> float | None:
    """The number a written figure stands for, or None."""
    t = " ".join(text.lower().replace("£", "").replace("$", "").replace("€", "").split())
    scale = 1.0
    m = re.search(r"\s?(thousand|million|billion|bn|mn|m|k)$", t)
    if m:
        scale, t = SCALES[m.group(1)], t[: m.start()].strip()
    if t in WORDS:
        return WORDS[t] * scale
    try:
        return float(t.replace(",", "")) * scale
    except ValueError:
        return None


def interval(qualifier: str | None, low: float, high: float | None) -> tuple[float, float]:
    """The values a statement allows: exact, a bound, an approximation or a range."""
    if high is not None:
        return (min(low, high), max(low, high))
    kind = QUALIFIERS.get(" ".join(qualifier.lower().split())) if qualifier else None
    if kind == "lower":
        return (low, math.inf)
    if kind == "upper":
        return (0.0, low)
    if kind == "approx":
        return (low * (1 - APPROX), low * (1 + APPROX))
    return (low, low)


def compatible(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]
