"""The claim decision of a whole document in one call: `claims.is_claim` for every candidate
figure, by the Rust core when it is built (factlint.native), else by the Python reference.

The Rust core gets the claim tests' regexes from here, once (`ClaimTests`), rewritten for the
`regex` crate by `rust_pattern`; the tests' logic is written out in rust/src/attr_claims.rs, test
by test as the Python modules have it. Where the two regex engines could read a character
differently (a character whose word, digit or space class differs between them, a letter that
ignore-case matching folds to ASCII, a digit outside ASCII), the Rust core declines the document
and the Python reference decides it: the output is the same on both cores by construction.
"""

from __future__ import annotations

import re

import factlint.kinds.attribution.claims as claims
import factlint.kinds.attribution.goods as goods
import factlint.kinds.attribution.labels as labels
import factlint.kinds.attribution.narrative as narrative
import factlint.kinds.attribution.public_record as public_record
import factlint.native as native
from factlint.kinds.attribution.figure import _SENTENCE_WORDS
from factlint.text import numbers

# The two parts of public_record._SPORT: its words, and a distance in metres that no currency
# sign, digit, point or comma stands before (a look-behind the Rust core asks by hand).
SPORT_WORDS, SPORT_METRES = public_record._SPORT.pattern.split(r"|(?<![£$€\d.,])")
# public_record._COUNTED_AFTER as the Rust core reads it by hand (attr_claims.rs: counted_after).
COUNTED_AFTER = r"\s+(?:[\w'’-]+\s+)?(?:people|(?!this\b|does\b|was\b|has\b)[a-z]{3,}s)\b"

# numbers._NUMBER_BEFORE without its look-behind (no digit, point or comma before: read by hand).
NUMBER_BEFORE = numbers._NUMBER_BEFORE.pattern.removeprefix(r"(?<![\d.,])")
# claims.ODDS as the Rust core reads it: a digit; "odds of "/"odds at " before it, or none of
# [\w.,-]; the odds; then (after the second form) a word of betting (attr_figures.rs: odds).
ODDS_BODY = r"\d{1,3}-\d{1,3}"
ODDS_AFTER = r"\s+(?:joint[- ])?(?:favourites?|outsiders?|shots?|chance)\b"
ODDS = rf"(?=[0-9])(?:(?<=odds of |odds at ){ODDS_BODY}\b|(?<![\w.,-]){ODDS_BODY}(?={ODDS_AFTER}))"

# The regexes the claim tests and the figure readers read, by the names attr_claims.rs asks for.
PATTERNS: dict[str, re.Pattern] = {
    "context_after": labels._CONTEXT_AFTER,
    "number_before": re.compile(NUMBER_BEFORE, numbers._NUMBER_BEFORE.flags),
    "multiplier": numbers._MULTIPLIER,
    "digit_before": numbers._DIGIT_BEFORE,
    "word_before": numbers._WORD_BEFORE,
    "read_ratio": numbers._RATIO,
    "read_scaled": numbers._SCALED,
    "read_fraction": numbers._FRACTION,
    "read_multitude": numbers._MULTITUDE,
    "part_before": numbers._PART_BEFORE,
    "cardinal_word": numbers._CARDINAL_WORD,
    "fraction_lead": numbers._FRACTION_LEAD,
    "ordinal_before": claims._ORDINAL_BEFORE,
    "record": claims.RECORD,
    "odds_body": re.compile(ODDS_BODY),
    "odds_after": re.compile(ODDS_AFTER),
    "context_before": labels.CONTEXT_BEFORE,
    "scale_after": labels.SCALE_AFTER,
    "currency_after": numbers.CURRENCY_AFTER,
    "number": numbers._NUMBER,
    "sentence_words": _SENTENCE_WORDS,
    "price_before": goods._PRICE_BEFORE,
    "rate_after": goods._RATE_AFTER,
    "model_after": goods._MODEL_AFTER,
    "price_after": goods._PRICE_AFTER,
    "capacity_before": goods._CAPACITY_BEFORE,
    "price_words": goods._PRICE_WORDS,
    "capacity_list_before": goods._CAPACITY_LIST_BEFORE,
    "of_money_after": goods._OF_MONEY_AFTER,
    "per_second_after": goods._PER_SECOND_AFTER,
    "own_programme": goods._OWN_PROGRAMME,
    "owner_before": goods._OWNER_BEFORE,
    "word_units_after": goods._WORD_UNITS_AFTER,
    "conversion": goods._CONVERSION,
    "cost_to": goods._COST_TO,
    "market": public_record._MARKET,
    "exchange": public_record._EXCHANGE,
    "sport_words": re.compile(SPORT_WORDS, public_record._SPORT.flags),
    "sport_metres": re.compile(SPORT_METRES, public_record._SPORT.flags),
    "vote_after": public_record._VOTE_AFTER,
    "voted": public_record._VOTED,
    "policy_before": public_record._POLICY_BEFORE,
    "policy_after": public_record._POLICY_AFTER,
    "rule_words": public_record._RULE_WORDS,
    "penalty_before": public_record._PENALTY_BEFORE,
    "winner_after": public_record._WINNER_AFTER,
    "settlement_after": public_record._SETTLEMENT_AFTER,
    "members_after": public_record._MEMBERS_AFTER,
    "sport_count_after": public_record._SPORT_COUNT_AFTER,
    "lead_after": public_record._LEAD_AFTER,
    "distance_after": public_record._DISTANCE_AFTER,
    "distance_before": public_record._DISTANCE_BEFORE,
    "definite_before": narrative._DEFINITE_BEFORE,
    "milestone_after": narrative._MILESTONE_AFTER,
    "at_age": narrative._AT_AGE,
    "sample_after": narrative._SAMPLE_AFTER,
    "sample_before": narrative._SAMPLE_BEFORE,
    "idiom": narrative._IDIOM,
    "relative_after": narrative._RELATIVE_AFTER,
    "not_a_share_before": narrative._NOT_A_SHARE_BEFORE,
    "generic_object_before": narrative._GENERIC_OBJECT_BEFORE,
    "name_after": narrative._NAME_AFTER,
    "arithmetic_before": narrative._ARITHMETIC_BEFORE,
    "target_by": narrative._TARGET_BY,
    "to_before": narrative._TO_BEFORE,
    "scheduled_after": narrative._SCHEDULED_AFTER,
    "audience_before": narrative._AUDIENCE_BEFORE,
    "there_would_be": narrative._THERE_WOULD_BE,
    "if_clause": narrative._IF_CLAUSE,
    "modal": narrative._MODAL,
    "hypothetical": narrative._HYPOTHETICAL,
}


def _stem_words(pattern: re.Pattern) -> list[str]:
    return [re.sub(r"\\(.)", r"\1", w) for w in pattern.pattern.split("|")]


# The stems of Figure.mentions / Figure.before_has (plain substrings of the lower-cased text).
STEMS: dict[str, list[str]] = {
    "sample": _stem_words(narrative._SAMPLE_STEMS),
    "arithmetic": _stem_words(narrative._ARITHMETIC_STEMS),
    "audience": _stem_words(narrative._AUDIENCE_STEMS),
    "if": _stem_words(narrative._IF_STEMS),
    "hypothetical": _stem_words(narrative._HYPOTHETICAL_STEMS),
    "scheduled": _stem_words(narrative._SCHEDULED_STEMS),
    "idiom": _stem_words(narrative._IDIOM_STEMS),
    "capacity": _stem_words(goods._CAPACITY_STEMS),
    "capacity_list": _stem_words(goods._CAPACITY_LIST_STEMS),
    "price": _stem_words(goods._PRICE_STEMS),
    "owner": _stem_words(goods._OWNER_STEMS),
    "vote": _stem_words(public_record._VOTE_STEMS),
    "policy_after": _stem_words(public_record._POLICY_AFTER_STEMS),
    "policy": _stem_words(public_record._POLICY_STEMS),
    "penalty": _stem_words(public_record._PENALTY_STEMS),
    "settlement": _stem_words(public_record._SETTLEMENT_STEMS),
}

# The trigger words of Figure.holds, and the word sets of its `needs` tests.
WORDS: dict[str, list[str]] = {
    "price_triggers": sorted(goods._PRICE_TRIGGERS),
    "market_triggers": sorted(public_record._MARKET_TRIGGERS),
    "exchange_triggers": sorted(public_record._EXCHANGE_TRIGGERS),
    "sport_triggers": sorted(public_record._SPORT_TRIGGERS),
    "rule_triggers": sorted(public_record._RULE_TRIGGERS),
    "voted_triggers": sorted(public_record._VOTED_TRIGGERS),
    "market_nouns": sorted(public_record._MARKET_NOUNS),
    "market_moves": sorted(public_record._MARKET_MOVES),
    "market_rises": sorted(public_record._MARKET_RISES),
    "stock": sorted(public_record._STOCK),
    "pence": sorted(public_record._PENCE),
    "be_words": sorted(public_record._BE_WORDS),
    "moved": sorted(public_record._MOVED),
    "commodities": sorted(public_record._COMMODITIES),
    "commodity_moves": sorted(public_record._COMMODITY_MOVES),
    "currencies": sorted(public_record._CURRENCIES),
    "rule_alone": sorted(public_record._RULE_ALONE),
    "under_the": sorted(public_record._UNDER_THE),
}


# The ASCII form of the classes (ascii=True): Python's \s in ASCII also holds \x1c-\x1f, which
# a text read this way never holds (attr_claims.rs declines it).
_ASCII_OUTSIDE = {
    "w": "[0-9A-Za-z_]",
    "W": "[^0-9A-Za-z_]",
    "d": "[0-9]",
    "D": "[^0-9]",
    "s": r"[\t\n\x0B\f\r ]",
    "S": r"[^\t\n\x0B\f\r ]",
    "b": r"(?-u:\b)",
    "B": r"(?-u:\B)",
}
_ASCII_INSIDE = {"w": "0-9A-Za-z_", "d": "0-9", "s": r"\t\n\x0B\f\r "}


_PATTERN_TOKEN = re.compile(r"\\.|[^\\\[\]$]+|.", re.S)


def rust_pattern(pattern: re.Pattern, ascii: bool = False) -> str:
    """`pattern` in the `regex` crate's syntax, matching what Python's `re` matches on a text
    whose characters both engines class alike: ignore-case as a leading flag, and `$` (end of
    text, or before a newline that ends it) as an optional newline and the end. A look-around
    has no counterpart: ValueError (such a pattern is read by hand in Rust). `ascii`: the word,
    digit and space classes as ASCII's, for a text in which no other character is in one (a far
    smaller automaton than Unicode's classes: the Rust core's searches start faster)."""
    src = pattern.pattern
    if "(?=" in src or "(?!" in src or "(?<=" in src or "(?<!" in src:
        raise ValueError(f"a look-around: {src!r}")
    out = []
    in_class = False
    # A token at a time (an escape, a run of plain characters, or one of "[", "]", "$"): a
    # character at a time cost 9 ms of start-up for the 71 patterns' two forms.
    for m in _PATTERN_TOKEN.finditer(src):
        c, i = m.group(), m.start()
        if c[0] == "\\" and len(c) == 2:
            if ascii and c[1:] in _ASCII_OUTSIDE:
                if not in_class:
                    c = _ASCII_OUTSIDE[c[1]]
                elif c[1] in _ASCII_INSIDE:
                    c = _ASCII_INSIDE[c[1]]
                else:
                    raise ValueError(f"a negated class in a class: {src!r}")
        elif in_class:
            if c == "]" and not (src[i - 1] == "[" or src[i - 2 : i] == "[^"):
                in_class = False
        elif c == "[":
            in_class = True
        elif c == "$":
            c = r"(?:\n?\z)"
        out.append(c)
    return ("(?i)" if pattern.flags & re.I else "") + "".join(out)


_RUST = None


def _rust():
    global _RUST
    if _RUST is None:
        _RUST = native.rust.ClaimTests(  # type: ignore[union-attr]
            {name: rust_pattern(p) for name, p in PATTERNS.items()},
            {name: rust_pattern(p, ascii=True) for name, p in PATTERNS.items()},
            STEMS,
            WORDS,
        )
    return _RUST


def figures(prose: str, lower: str, words: list, records: list, odds: bool) -> list | None:
    """Attribution.figures by the Rust core: (start, end, kind) of every figure, sorted, without
    overlaps, from the starts of the figure words and record words the automaton found and
    whether a word of betting stands; None without the Rust core or where it declines."""
    if native.rust is None:
        return None
    return _rust().figures(native.lent(prose), native.lent(lower), words, records, odds)


def decide(prose: str, figures: list) -> list:
    """[claims.is_claim(prose, s_start, s_end, start, end, kind, memo, True)] for every
    (s_start, s_end, start, end, kind) of `figures` (one memo per sentence)."""
    if native.rust is not None:
        found = _rust().decide(native.lent(prose), figures)
        if found is not None:
            return found
    return py_decide(prose, figures)


def py_decide(prose: str, figures: list) -> list:
    memos: dict = {}
    out = []
    for s_start, s_end, start, end, kind in figures:
        memo = memos.setdefault((s_start, s_end), {})
        out.append(claims.is_claim(prose, s_start, s_end, start, end, kind, memo, True))
    return out
