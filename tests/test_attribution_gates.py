"""The attribution kind's shortcuts decide nothing: the figure regex written character-class
first finds what the look-ahead form found, and the word gates before the claim tests' regexes
let every sentence through whose letters the regexes read as ASCII under ignore-case ("ſ" is
"s", "ı" and "İ" are "i"), so such a sentence is judged as its plain-ASCII twin is."""

import random
import re

import pytest

from factlint.config import Config
from factlint.engine import Linter
from factlint.text import numbers

# numbers.DIGIT_FIGURE as it was written before (a look-ahead opening the alternation): the
# reference its character-class-first form must match exactly.
_LOOKAHEAD_FORM = re.compile(
    "(?=[$£€¥0-9\u0080-\U0010ffff])"
    r"(?:(?P<money>[$£€¥]\s?\d[\d,]*(?:\.\d+)?" + numbers.SCALE + r"?)"
    r"|(?P<pct>(?<![\w.,])\d[\d,]*(?:\.\d+)?\s?(?:%|[Pp]er\s?[Cc]ent\b|[Pp]ercent\b|PERCENT\b))"
    r"|(?P<num>(?<![\w.,/:£$€#-])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w|[.,:/-]\d)" + numbers.SCALE + r"?"
    r"|(?<![\w.,/:£$€#-])\d+(?:\.\d+)?" + numbers.SCALE + r"?(?!\w|[.,:/-]\d|[-–]\w|\.[^\W\d_])))"
)
_PIECES = list("0123456789 ,.-–/:£$€¥#%_pPeErRcCnNtTmbk\n") + [
    "\u00a0",
    "é",
    "٣",
    "½",
    "²",
    "ı",
    "per cent",
    "PERCENT",
    " million",
    "mİllion",
    "bn",
    "1,234",
    ".5",
]


def _matches(regex, text):
    return [(m.start(), m.end(), m.lastgroup) for m in regex.finditer(text)]


def test_digit_figure_matches_its_lookahead_form():
    rng = random.Random(5)
    for _ in range(20000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 16)))
        assert _matches(numbers.DIGIT_FIGURE, text) == _matches(_LOOKAHEAD_FORM, text), repr(text)
    assert numbers.digit_figures("It cost $5 million, up 20% on 1,234.5 in 2004.") == [
        (8, 18, "money"),
        (23, 26, "pct"),
        (30, 37, "num"),
        (41, 45, "num"),
    ]


def _linter():
    config = Config()
    config.select = ["Attribution"]
    return Linter(config)


LINTER = _linter()


def found(text):
    return [(f.rule.split(".")[1], f.match) for f in LINTER.lint_text(text, path="a.txt")]


@pytest.mark.parametrize(
    ("plain", "twin"),
    [
        # market trading is public record (the market gate reads a market noun and a move)
        ("The company's shares rose 12% in London trading.", "The company's ſhareſ roſe 12% in London trading."),
        # a hypothetical (the "if" gate)
        (
            "If unemployment rose to 8.2% this year, rates would fall.",
            "İf unemployment rose to 8.2% this year, rates would fall.",
        ),
        # a capacity (the gate on the text before the figure)
        ("The new player can store up to 10,000 songs.", "The new player can ſtore up to 10,000 songs."),
        # a conversion in brackets, a penalty
        ("The firm was fined $2.5m (£1.3m) last week.", "The fırm was fıned $2.5m (£1.3m) last week."),
    ],
)
def test_a_twin_with_case_odd_letters_is_judged_alike(plain, twin):
    assert found(plain) == []  # none of these is a claim ...
    assert found(twin) == found(plain)  # ... and the gates do not make the twin one


def test_sources_found_after_the_gates():
    # a named source decides before the vague patterns are read; without one they still count
    assert found("Sales rose by 40% last year, the company said.") == []
    assert [r for r, _m in found("Sales rose by 40% last year, it is estimated.")] == ["VagueSource"]
    assert found("Sales rose by 40% last year, according to the company.") == []
    assert found("Sales rose by 40% last year, ACCORDING TO the company.") == []
