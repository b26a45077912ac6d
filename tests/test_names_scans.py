"""The Names kinds' per-token scans (str.find at a candidate's own positions) find exactly what
one regex pass over the whole text finds: token occurrences, place cues, odd-case words."""

import random
import re

from factlint.document import Document
from factlint.kinds.names import city
from factlint.kinds.names.base import _CAPITALISED, occurrences
from factlint.kinds.names.near_miss import _ODD_CASE, _odd_spans

PIECES = (
    "in near from to towards of city mayor region suburbs Kolomouz Olomouc Praha portugese PORTUGESE afganhistan "
    "Isreal McDonald O'Brien d’Ivoire Zürich ZÜRICH straße Łódź İstanbul Ǆemal Ωmega 한국 Москва said 's ’s "
    "www.example.com @handle #tag /path a-b _x Name2 2020 e\u0301"
).split() + [" ", " ", "  ", "\t", "\n", ". ", ", ", "-", ".", "'"]

NAME = r"([A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]+)"
CUE = re.compile(
    r"(?<!\w)(?:(?:" + "|".join(sorted(city.PLACE_BEFORE)) + r")|(?:" + "|".join(sorted(city.PLACE_NOUNS)) + r") of)"
    r"[ \t]+" + NAME + r"(?!\w)|(?<![\w'’])" + NAME + r"(?=[ \t]+(?:" + "|".join(sorted(city.PLACE_NOUNS)) + r")(?!\w))"
)


def texts(n, seed):
    rng = random.Random(seed)
    for _ in range(n):
        yield "".join(rng.choice(PIECES) + rng.choice(["", " ", " "]) for _ in range(rng.randint(0, 60)))


def test_per_token_scans_match_one_regex_pass():
    cued_seen = odd_seen = 0
    for text in texts(1500, 1):
        doc = Document(text)
        prose = doc.prose
        spans = {}
        for m in _CAPITALISED.finditer(prose):
            if m.end() == len(prose) or not (prose[m.end()].isalnum() or prose[m.end()] == "_"):
                spans.setdefault(m.group(), []).append(m.span())
        names = set(_CAPITALISED.findall(prose))
        for name in names | {"KIEW", "kiev", "K"}:
            assert occurrences(doc, name) == spans.get(name, []), (name, text)
        cued = {a or b for a, b in CUE.findall(prose)} & names
        assert {t for t in names if any(city._place_cue(prose, s, e) for s, e in occurrences(doc, t))} == cued
        odd = {}
        for m in _ODD_CASE.finditer(prose):
            odd.setdefault(m.group(), []).append(m.span())
        for word in set(odd) | {"straße", "abcdef"}:
            assert _odd_spans(prose, word) == odd.get(word, []), (word, text)
        cued_seen += len(cued)
        odd_seen += len(odd)
    assert cued_seen > 200 and odd_seen > 1000  # the cases do occur
