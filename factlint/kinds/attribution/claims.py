"""Which figures are news claims that need a source, and which are not (the editorial policy of
the attribution check: statistics, money of deals, profits and budgets, counts of people and
things, shares, polls, estimates, forecasts, odds, records and rankings are claims; dates, ages,
durations, schedules, scores, small narrative counts, names and ids, specs, prices of goods,
rule and policy numbers, public-record outcomes and market prices are not).

This module finds records and odds and makes the decision; the tests that make a figure no
claim are in labels.py (shape and place), public_record.py (markets, sport, votes, rules,
courts), goods.py (prices and specifications) and narrative.py (known sets, schedules,
hypotheticals), and figure.py is the figure they read."""

from __future__ import annotations

import re
from collections.abc import Callable

import factlint.kinds.attribution.goods as goods
import factlint.kinds.attribution.labels as labels
import factlint.kinds.attribution.narrative as narrative
import factlint.kinds.attribution.public_record as public_record
from factlint.kinds.attribution.figure import Figure
from factlint.text import numbers

# kind.py reads these two here, with the rest of the claim policy.
not_a_claim_anywhere = labels.not_a_claim_anywhere
may_count = labels.may_count

# Bookmakers' odds differ between bookmakers, so the bookmaker matters: "is now 2-1 favourite".
ODDS_TRIGGERS = ("favourite", "favourites", "outsider", "outsiders", "odds", "shot", "shots", "chance")
ODDS = re.compile(
    r"(?=[0-9])(?:(?<=odds of |odds at )\d{1,3}-\d{1,3}\b"
    r"|(?<![\w.,-])\d{1,3}-\d{1,3}(?=\s+(?:joint[- ])?(?:favourites?|outsiders?|shots?|chance)\b))"
)
# Records and rankings: "the highest since 1990", "the third-largest", "a record high".
SUPERLATIVES = (
    "highest",
    "lowest",
    "biggest",
    "largest",
    "smallest",
    "fastest",
    "slowest",
    "worst",
    "best",
    "strongest",
    "weakest",
)
# The words the term automaton finds for records; `record_at` reads the record around each.
RECORD_TRIGGERS = SUPERLATIVES + ("record",)
_ORDINAL = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
_ORDINAL_BEFORE = re.compile(_ORDINAL + r"[- ]$", re.I)
RECORD = re.compile(
    _ORDINAL + r"[- ](?:highest|lowest|biggest|largest|smallest|fastest)\b"
    r"|(?:"
    + "|".join(SUPERLATIVES)
    + r")(?:\s+[\w'’-]+){0,4}?\s+since\s+(?:the\s+)?(?:(?:early|mid|late)[- ])?(?:1[89]\d\d|20\d\d|records\s+began)\b"
    r"|record\s+(?:high|low|levels?|profits?|losses?|numbers?)\b",
    re.I,
)


def record_at(prose: str, start: int) -> tuple[int, int] | None:
    """The record or ranking around a trigger word at `start` ("the third-largest", "the highest
    since 1990", "a record high"), as (start, end), or None."""
    ordinal = _ORDINAL_BEFORE.search(prose, max(0, start - 12), start)
    m = RECORD.match(prose, ordinal.start() if ordinal else start)
    return (m.start(), m.end()) if m else None


Test = Callable[[Figure], bool]

# A digit number with no currency after it, which no test below would clear: not a claim if it
# is memory or a distance, a model, a survey's sample, a sports count, small, a known set, a
# capacity or an age.
_NUMBER_TESTS: tuple[Test, ...] = (
    goods.thousands,
    public_record.metres_not_millions,
    goods.model_number,
    narrative.survey_sample,
    public_record.sports_count,
    narrative.small_count,
    public_record.sports_small_record,
    narrative.known_set,
    goods.capacity,
    narrative.age_at,
)
_WORDS = frozenset({"scaled", "multitude", "fraction"})
_STATED = frozenset({"pct", "num", "money", "fraction", "multiplier"})
# (the kinds a test applies to, or None for all; the test): a figure is no claim when one holds.
# The order is the cheap and common tests first, as the decision was written.
_TESTS: tuple[tuple[frozenset | None, Test], ...] = (
    (frozenset({"num", "scaled"}), public_record.membership),
    (frozenset({"scaled", "multitude"}), goods.price_in_words),
    (_WORDS, goods.capacity_in_words),
    (_WORDS, goods.units_in_words),
    (_WORDS, narrative.idiom_around),
    (_WORDS, narrative.label_or_known_scale),
    (frozenset({"fraction"}), narrative.part_of_known_set),
    (frozenset({"fraction"}), narrative.not_a_share),
    (frozenset({"multitude"}), narrative.generic_object),
    (_WORDS, narrative.title_mid_sentence),
    (frozenset({"money", "num"}), goods.conversion),
    (frozenset({"money"}), goods.own_programme),
    (frozenset({"money"}), goods.rate_or_prize),
    (frozenset({"money"}), public_record.settlement_or_winnings),
    (frozenset({"money"}), goods.small_sum),
    (frozenset({"money"}), goods.price_of_goods),
    (frozenset({"money"}), public_record.penalty),
    (frozenset({"money"}), goods.priced),
    (frozenset({"multiplier"}), public_record.score),
    (_STATED - {"fraction"}, public_record.market),
    (_STATED, public_record.vote),
    (_STATED, public_record.rule_or_policy),
    (frozenset({"pct"}), narrative.percent_idiom),
    (frozenset({"pct"}), narrative.percent_title),
    (None, narrative.arithmetic),
    (None, narrative.target),
    (frozenset({"num", "scaled"}), narrative.scheduled),
    (frozenset({"num", "scaled"}), narrative.audience),
    (None, goods.per_second),
    (None, narrative.there_would_be),
    (None, narrative.conditional),
    (None, narrative.hypothetical),
)
_BY_KIND: dict[str, tuple[Test, ...]] = {}


def _tests(kind: str) -> tuple[Test, ...]:
    """The tests that apply to a kind, in order (chosen once per kind, not per figure)."""
    tests = _BY_KIND.get(kind)
    if tests is None:
        tests = _BY_KIND[kind] = tuple(test for kinds, test in _TESTS if kinds is None or kind in kinds)
    return tests


def is_claim(
    prose: str,
    s_start: int,
    s_end: int,
    start: int,
    end: int,
    kind: str,
    memo: dict | None = None,
    counted: bool = False,
) -> bool:
    """Whether the figure prose[start:end] of kind `kind` (numbers.py's kinds, plus "record"
    and "odds") states a fact a reader would want a source for. `memo`: one dict per sentence;
    `counted`: `may_count` is known to hold for it (its label test need not run twice)."""
    if kind == "numword":
        return False  # "two ministers met": only a casualty count makes a small number a claim
    if kind == "odds":
        return True
    fig = Figure(prose, s_start, s_end, start, end, kind, {} if memo is None else memo)
    if kind == "record":  # market levels and sports records are public record
        return not public_record.public_level(fig)
    if kind == "num":
        if not counted and labels.named_or_labelled(prose, s_start, start, end):
            return False
        if numbers.CURRENCY_AFTER.match(fig.after):
            kind = fig.kind = "money"
        else:
            for test in _NUMBER_TESTS:
                if test(fig):
                    return False
    for test in _tests(kind):
        if test(fig):
            return False
    return True


def figures(prose: str, lower: str, word_hits, record_hits, odds) -> list:
    """Attribution.figures by the Python reference: (start, end, kind) of every figure in the
    prose, sorted, without overlaps, from the automaton's hits of the figure words and record
    words and whether a word of betting stands (`odds`, truthy)."""
    found = []
    for start, end, kind in numbers.digit_figures(prose):
        if kind == "num":
            if not_a_claim_anywhere(prose, end, prose[start:end]):
                continue
            currency = numbers.CURRENCY_AFTER.match(prose, end)
            if currency:  # "68m euros", "260.75bn roubles"
                kind, end = "money", currency.end()
        found.append((start, end, kind))
    for start, _end, _term in word_hits:
        fig = numbers.word_figure(lower, start, min(len(lower), start + 60))
        if fig is not None:
            if fig[2] == "fraction":
                fig = (numbers.fraction_lead(lower, fig[0]), fig[1], fig[2])
            found.append(fig)
    for start, _end, _term in record_hits:
        record = record_at(prose, start)
        if record is not None:
            found.append((record[0], record[1], "record"))
    if odds:  # odds only where a word of betting stands (a scan costs 5% of a run)
        for m in ODDS.finditer(prose):
            found.append((m.start(), m.end(), "odds"))
    found.sort()
    out = []
    for fig in found:  # "five million" is found from "five" and from "million": keep one
        if out and fig[0] < out[-1][1]:
            if fig[1] > out[-1][1] and fig[0] == out[-1][0]:
                out[-1] = fig
            continue
        out.append(fig)
    return out
