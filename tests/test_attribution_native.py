"""The attribution kind's native claim decision (rust/src/attr_claims.rs) decides every figure as
claims.is_claim does (native_claims.py_decide): on random news-like and adversarial text, with
every figure kind asked of every figure, and on the real corpus. A document holding a character
the two regex engines may read differently is declined by the Rust core (Python decides it);
plain ASCII text never is."""

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlint.kinds.attribution.native_claims as native_claims
import factlint.kinds.attribution.public_record as public_record
import factlint.kinds.attribution.sentences as sentences
import factlint.native as native
from factlint.config import Config
from factlint.document import Document
from factlint.engine import Linter
from tests.conftest import SHARED

pytestmark = pytest.mark.skipif(native.rust is None, reason="the Rust core is not built (Python core only)")

KINDS = ("num", "money", "pct", "scaled", "multitude", "fraction", "multiplier", "numword", "record", "odds")

_LINTER = Linter(Config())
_RULE = next(r for r in _LINTER.rules if r.id.startswith("Attribution"))

# Words the claim tests look for, figures of every shape, and characters the engines class apart.
PIECES = """the a its their his her all both shares share prices rose fell closed trading index FTSE dollar euro
against pence p to oil crude gold record highest since 1990 league cup goals season champion 200m 1,500m race m
people this does was has members jobs troops prize fine bail priced costs cost the economy per a share apiece
hold up to enough seats or and votes voted majority seats target limit cap tax rate required must under the plan
deal if unless would could might there be equivalent to works out at to about by 2010 will be screened address
speak to every second interviews respondents surveyed polled sample of aged At , . ; : - – — ( ) " “ ” ’ 's
million billion bn thousands hundreds of half a third of quarter two-thirds one in five twice as many three
times doubled 5 12 99 100 250 999 1,000 25,000 1.5 £5 $10 €300m £1.2bn $5bn 10% 3.5% 50 per cent 20k 16k 5.05m
300m 40m Mr Smith, 41, Apollo 11 page 3 April 24 which whom first other opposite affecting known to Million
Dollar Baby 100% Homegrown Only 24 Percent Of Donors Are Small its their savings bid plan to settle the SEC
winner winners lead score innings""".split()
ODD = ["é", "e\u0301", "ı", "İ", "ſ", "\u212a", "٣", "²", "ß", "😀", "\u00a0", "\x1c", "\r\n", "\n\n", "Zoë", "ǅ"]


def _asks(text):
    """Every figure of the document's sentences, asked as every kind (far more cases than a run)."""
    doc = Document(text)
    figs = _RULE.figures(doc, _LINTER.ruleset.terms.scan(doc))
    asks = []
    for (block, number), group in sentences.by_sentence(doc, figs).items():
        s_start, s_end = doc.block_sentences(block)[number]
        for start, end, _kind in group:
            asks.extend((s_start, s_end, start, end, kind) for kind in KINDS)
    return doc.prose, asks


def _compare(text):
    """(Rust's answers or None, Python's) for every ask of `text`."""
    prose, asks = _asks(text)
    return asks, native_claims._rust().decide(prose, asks), native_claims.py_decide(prose, asks)


def _news(rng, odd=False):
    words = [rng.choice(PIECES) for _ in range(rng.randint(5, 60))]
    if odd:
        for _ in range(rng.randint(1, 3)):
            words.insert(rng.randrange(len(words) + 1), rng.choice(ODD))
    return " ".join(words) + rng.choice([".", "", " said analysts.", "\n\nThe figure rose 5%."])


def test_random_news_like_text_is_decided_alike():
    rng = random.Random(13)
    answers = {True: 0, False: 0}
    for _ in range(400):
        text = " ".join(_news(rng) for _ in range(rng.randint(1, 4)))
        asks, rust, python = _compare(text)
        assert rust is not None, repr(text)  # plain ASCII is never declined
        assert rust == python, [(a, r, p) for a, r, p in zip(asks, rust, python) if r != p][:3]
        for answer in python:
            answers[answer] += 1
    assert min(answers.values()) > 1000  # both answers are exercised, many times


def test_adversarial_text_is_decided_alike_or_declined():
    rng = random.Random(31)
    declined = 0
    for _ in range(300):
        text = _news(rng, odd=True) * rng.choice([1, 1, 1, 40])  # some very long lines
        asks, rust, python = _compare(text)
        if rust is None:
            declined += 1
            continue
        assert rust == python, [(a, r, p) for a, r, p in zip(asks, rust, python) if r != p][:3]
    assert 0 < declined < 300


@pytest.mark.parametrize("odd", ["ı", "İ", "ſ", "\u212a", "e\u0301", "²", "٣", "\x1c"])
def test_a_character_the_engines_may_read_apart_declines_the_document(odd):
    prose, asks = _asks(f"Shares rose 5% to 300p, analysts said{odd}.")
    assert asks
    assert native_claims._rust().decide(prose, asks) is None
    assert native_claims.decide(prose, asks) == native_claims.py_decide(prose, asks)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ODD), min_size=1, max_size=40), st.text(max_size=12))
def test_hypothesis_text_is_decided_alike_or_declined(words, noise):
    asks, rust, python = _compare(" ".join(words) + noise + " 5,000 people.")
    assert rust is None or rust == python


def test_the_hand_read_patterns_are_the_python_ones():
    # attr_claims.rs reads these two look-arounds by hand: a change here must be made there too.
    assert public_record._COUNTED_AFTER.pattern == native_claims.COUNTED_AFTER
    assert public_record._SPORT.pattern == native_claims.SPORT_WORDS + r"|(?<![£$€\d.,])" + native_claims.SPORT_METRES
    for pattern in native_claims.PATTERNS.values():
        native_claims.rust_pattern(pattern)  # none holds a look-around
    with pytest.raises(ValueError):
        native_claims.rust_pattern(public_record._COUNTED_AFTER)


def test_rust_pattern_reads_dollar_as_python_does():
    # Python's `$` also matches before a newline that ends the text; a class keeps its `$`.
    assert native_claims.rust_pattern(re.compile(r"to\s+$", re.I)) == r"(?i)to\s+(?:\n?\z)"
    assert native_claims.rust_pattern(re.compile(r"[$£]\d")) == r"[$£]\d"
    assert native_claims.rust_pattern(re.compile(r"\$5$")) == r"\$5(?:\n?\z)"
    prose, asks = _asks("The fine was raised to\n£500,000 by the court.")
    assert native_claims._rust().decide(prose, asks) == native_claims.py_decide(prose, asks)


@pytest.mark.slow
def test_the_corpus_is_decided_alike():
    files = sorted((SHARED / "corpus" / "bbc").glob("*.txt"))
    if not files:
        pytest.skip("the shared corpus is not here")
    total = 0
    for path in files[::3]:
        asks, rust, python = _compare(path.read_text(encoding="utf-8"))
        assert rust is not None and rust == python, path.name
        total += len(asks)
    assert total > 10000
