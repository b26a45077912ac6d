"""The figure grammar (factlint.text.numbers): digit figures, number words, fractions, ratios."""

import re

import pytest

from factlint.text import numbers


def words(text):
    """Every figure in words found from the trigger words, as (text, kind), deduplicated."""
    lower = text.lower()
    out = []
    for w in numbers.TRIGGER_WORDS:
        for m in re.finditer(rf"\b{w}\b", lower):
            fig = numbers.word_figure(lower, m.start(), len(lower))
            if fig:
                start = numbers.fraction_lead(lower, fig[0]) if fig[2] == "fraction" else fig[0]
                out.append((text[start : fig[1]], fig[2]))
    return sorted(set(out))


def digits(text):
    return [(m.group(), m.lastgroup) for m in numbers.DIGIT_FIGURE.finditer(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("more than half a million people", ("half a million", "scaled")),
        ("Less than a quarter of donors", ("Less than a quarter of", "fraction")),
        ("two-thirds of Italy's economy", ("two-thirds of", "fraction")),
        ("only one in six knew", ("only one in six", "fraction")),
        ("six out of every 10 planes", ("six out of every 10", "fraction")),
        ("Tens of thousands have fled", ("Tens of thousands", "multitude")),
        ("hundreds of millions of dollars", ("hundreds of millions", "multitude")),
        ("Five million visitors came", ("Five million", "scaled")),
        ("half the population", ("half the", "fraction")),
        ("nine in ten teachers", ("nine in ten", "fraction")),
    ],
)
def test_figures_in_words(text, expected):
    assert expected in words(text)


@pytest.mark.parametrize(
    "text", ["the second half of the match", "half an hour later", "the third time", "in the fourth quarter"]
)
def test_words_that_are_not_figures(text):
    assert [w for w in words(text) if w[1] != "numword"] == []


def test_a_digit_figure_owns_its_scale_word():
    assert words("30 million tonnes") == []
    assert digits("30 million tonnes") == [("30 million", "num")]


def test_digit_figures():
    assert digits("Only 24 Percent of donors") == [("24 Percent", "pct")]
    assert digits("rose 8.2% to £4.6bn ($8.6bn)") == [("8.2%", "pct"), ("£4.6bn", "money"), ("$8.6bn", "money")]
    assert digits("a file called 7610.extended.theme.zip") == []
    assert digits("Windows 95 and MP3 players") == [("95", "num")]


@pytest.mark.parametrize(
    "text, value", [("£1.04bn", 1.04e9), ("20,000", 20000), ("$3 million", 3e6), ("5.2m", 5.2e6), ("x", None)]
)
def test_value(text, value):
    assert numbers.value(text) == value


def test_title_case_scale_words_belong_to_the_amount():
    assert digits("Raised $100 Million In March") == [("$100 Million", "money")]
    assert numbers.value("$2.5 Billion") == 2.5e9


@pytest.mark.parametrize(
    "text, expected",
    [
        ("there are twice as many voters", "twice as many"),
        ("women are 5 times more likely", "5 times more"),
        ("three times the national average", "three times the national average"),
        ("sales doubled last year", "doubled"),
    ],
)
def test_multipliers(text, expected):
    assert (expected, "multiplier") in words(text)


def test_times_alone_is_no_multiplier():
    assert words("it took three times") == [("three", "numword")]
