"""The attribution kind's native figures and claim decision (rust/src/attr_figures.rs,
attr_claims.rs) find every figure as Attribution.figures does and decide it as claims.is_claim
does (native_claims.py_decide): on random news-like and adversarial text, with every figure kind
asked of every figure, and on the real corpus. A document holding a character
the two regex engines may read differently is declined by the Rust core (Python decides it);
plain ASCII text never is."""

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlint.kinds.attribution.claims as claims
import factlint.kinds.attribution.kind as kind
import factlint.kinds.attribution.native_claims as native_claims
import factlint.kinds.attribution.native_status as native_status
import factlint.kinds.attribution.public_record as public_record
import factlint.kinds.attribution.sentences as sentences
import factlint.kinds.attribution.sourcing as sourcing
import factlint.native as native
import factlint.terms as terms
from factlint.config import Config
from factlint.document import Document
from factlint.engine import Linter
from factlint.text import numbers
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
winner winners lead score innings odds of 2-1 odds at 5-2 a 7-4 joint-favourite 10-1 shot 3-1 chance x9-2
outsider third-largest second highest highest since 1998 a record high record profits the worst since records
began twice as much 2.5 times the average quadrupled halved nearly a third less than a quarter of first half
multi-million 30 million seven in ten tens of thousands of half a million several hundred 1999 0800 24-hour
5ft 1,500 2,000m""".split()
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


def _figures(text):
    """(Rust's figures or None, Python's) of `text`, the odds scan always asked for."""
    doc = Document(text)
    hits = _LINTER.ruleset.terms.scan(doc)
    starts = [[h[0] for h in hits.get(handle, ())] for handle in (_RULE.h_figures, _RULE.h_records)]
    rust = native_claims._rust().figures(doc.prose, doc.lower, *starts, True)
    if not hits.get(_RULE.h_odds):
        hits = {**hits, _RULE.h_odds: [(0, 0, "")]}
    native_claims_figures, native_claims.figures = native_claims.figures, lambda *args: None
    try:
        python = _RULE.figures(doc, hits)
    finally:
        native_claims.figures = native_claims_figures
    return rust, python


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


def test_random_news_like_text_has_the_same_figures():
    rng = random.Random(7)
    kinds = set()
    for _ in range(400):
        text = " ".join(_news(rng) for _ in range(rng.randint(1, 4)))
        rust, python = _figures(text)
        assert rust == python, repr(text)
        kinds.update(fig[2] for fig in python)
    assert kinds == {
        "num",
        "money",
        "pct",
        "scaled",
        "multitude",
        "fraction",
        "multiplier",
        "numword",
        "record",
        "odds",
    }


def test_adversarial_text_has_the_same_figures_or_is_declined():
    rng = random.Random(11)
    declined = 0
    for _ in range(300):
        text = _news(rng, odd=True) * rng.choice([1, 1, 1, 40])
        rust, python = _figures(text)
        if rust is None:
            declined += 1
        else:
            assert rust == python, repr(text)
    assert 0 < declined < 300


@pytest.mark.parametrize(
    "text",
    [
        "He is the odds of 2-1 favourite.",
        "at odds at 11-4, a 5-2 joint-favourite and a 7-4 shot",
        "x5-2 chance, .5-2 chance, 1234-5 chance, 5-1234 chance, 5-2chance, 5-2 chances",
        "the odds of 2-1x",
    ],
)
def test_odds_are_read_as_the_look_arounds_read_them(text):
    rust, python = _figures(text)
    assert rust == python


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
    text = " ".join(words) + noise + " 5,000 people."
    asks, rust, python = _compare(text)
    assert rust is None or rust == python
    rust, python = _figures(text)
    assert rust is None or rust == python


def test_the_hand_read_patterns_are_the_python_ones():
    # attr_claims.rs and attr_figures.rs read these look-arounds by hand: a change here must be
    # made there too.
    assert public_record._COUNTED_AFTER.pattern == native_claims.COUNTED_AFTER
    assert claims.ODDS.pattern == native_claims.ODDS
    assert numbers._NUMBER_BEFORE.pattern == r"(?<![\d.,])" + native_claims.NUMBER_BEFORE
    assert public_record._SPORT.pattern == native_claims.SPORT_WORDS + r"|(?<![£$€\d.,])" + native_claims.SPORT_METRES
    for pattern in native_claims.PATTERNS.values():
        native_claims.rust_pattern(pattern)  # none holds a look-around
    native_claims._rust().compile_all()  # and the regex crate takes every one, in both forms
    native_status._judge(_RULE, kind._OPINION_VERBS).compile_all()  # the judgement's too
    with pytest.raises(ValueError):
        native_claims.rust_pattern(public_record._COUNTED_AFTER)
    # attr_candidates.rs reads Attribution.tied's plain word by hand, with Python's classes
    assert kind._PLAIN_WORD.pattern == r"[^\W\d][\w'’-]*" and not kind._PLAIN_WORD.flags & re.ASCII


def test_rust_pattern_reads_dollar_as_python_does():
    # Python's `$` also matches before a newline that ends the text; a class keeps its `$`.
    assert native_claims.rust_pattern(re.compile(r"to\s+$", re.I)) == r"(?i)to\s+(?:\n?\z)"
    assert native_claims.rust_pattern(re.compile(r"[$£]\d")) == r"[$£]\d"
    assert native_claims.rust_pattern(re.compile(r"\$5$")) == r"\$5(?:\n?\z)"
    # the ASCII-class form (a text with no word or space character outside ASCII)
    assert native_claims.rust_pattern(re.compile(r"\bto\s[\w-]+$"), ascii=True) == (
        r"(?-u:\b)to[\t\n\x0B\f\r ][0-9A-Za-z_-]+(?:\n?\z)"
    )
    with pytest.raises(ValueError):
        native_claims.rust_pattern(re.compile(r"[^\W\d_]"), ascii=True)
    prose, asks = _asks("The fine was raised to\n£500,000 by the court.")
    assert native_claims._rust().decide(prose, asks) == native_claims.py_decide(prose, asks)


@pytest.mark.slow
def test_the_corpus_is_decided_alike():
    files = sorted((SHARED / "corpus" / "bbc").glob("*.txt"))
    if not files:
        pytest.skip("the shared corpus is not here")
    total = 0
    for path in files[::3]:
        text = path.read_text(encoding="utf-8")
        asks, rust, python = _compare(text)
        assert rust is not None and rust == python, path.name
        total += len(asks)
        rust, python = _figures(text)
        assert rust == python, path.name
        doc = Document(text)
        for block in range(len(doc.blocks)):
            for s_start, s_end in doc.block_sentences(block):
                for rust, python in _sources(doc.prose[s_start:s_end]):
                    assert rust == python, path.name
    assert total > 10000


# Words that start, shape or end a source (sourcing.py, subjects.py).
SOURCE_PIECES = """it is estimated was widely believed reportedly allegedly are thought to an estimated a reported
is accused of by some estimates sources said officials said said say saying told estimates found showed shows reported posted plans plan to is are
was were has have had also previously by the a an its their his her our this those some many analysts experts
Mr Smith Gartner's Apacs' figures report study survey poll research from for of in on Britain government police
company firm according to calculations presented Dr Graham who which that , , . ; : - – ( ) " “ ” ’ 's 62% half
one in five voters them polled questioned people adults those will would hope wants aims called points out put at
released issued commissioned by a City bank Radicati Group he she it they I new latest unnamed Technorati and but
after revealing adding that Consumer Electronics Association 5m £3bn $10bn 600 images savings pledged""".split()


def _sentence(rng, odd=False):
    words = [rng.choice(SOURCE_PIECES) for _ in range(rng.randint(1, 30))]
    if odd:
        words.insert(rng.randrange(len(words) + 1), rng.choice(ODD))
    return " ".join(words) + rng.choice([".", "", ", analysts said.", ", said the report."])


def _sources(text):
    """(Rust's, Python's) named sources (with and without cue words) and vague sources of `text`."""
    lex = _RULE.lexicon
    reader = sourcing._native_sources(lex)
    for cues in (True, False):
        yield reader.named_sources(text, 7, cues), sourcing.py_named_sources(text, 7, lex, cues)
    python = [(7 + m.start(), 7 + m.end(), sourcing.VAGUE, None) for m in lex.vague.finditer(text)]
    yield reader.vague_sources(text, 7), python


def test_random_sentences_have_the_same_named_sources():
    rng = random.Random(5)
    named = vague = 0
    for _ in range(3000):
        *both, (rust_vague, python_vague) = _sources(_sentence(rng))
        for rust, python in both:
            assert rust == python
            named += len(python[0]) + len(python[1])
        assert rust_vague == python_vague
        vague += len(python_vague)
    assert named > 2000 and vague > 300


def test_adversarial_sentences_have_the_same_named_sources_or_are_declined():
    rng = random.Random(6)
    declined = 0
    for _ in range(1000):
        for rust, python in _sources(_sentence(rng, odd=True) * rng.choice([1, 1, 30])):
            if rust is None:
                declined += 1
            else:
                assert rust == python
    assert 0 < declined < 3000  # three readings a sentence


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(SOURCE_PIECES + ODD), max_size=30), st.text(max_size=10))
def test_hypothesis_sentences_have_the_same_named_sources_or_are_declined(words, noise):
    for rust, python in _sources(" ".join(words) + noise):
        assert rust is None or rust == python


# -- the judgement of a document's claims (native_status.judge, rust/src/attr_status.rs) -------

QUOTES = ['"', "“", "”", "'", "’", '"The', "“We", 'said: "', "”, he said."]


def _judged(text, markup="text"):
    """(Rust's judgement of every sentence with a claim or None, Python's) for `text`."""
    doc = Document(text, markup_kind=markup)
    hits = _LINTER.ruleset.terms.scan(doc)
    todo = _RULE.claims_of(doc, hits)
    python = [_RULE.py_judge(doc, block, number, found) for block, number, found in todo]
    rust = native_status.judge(_RULE, doc, hits.get(_RULE.h_cues, ()), todo, kind._OPINION_VERBS)
    if rust is not None:
        rust = [
            None if one is None else (*found[one[0]], *one[1:3], None if one[3] is None else doc.prose[slice(*one[3])])
            for (_b, _n, found), one in zip(todo, rust, strict=True)
        ]
    return rust, python


def _alike(rust, python):
    """Whether every sentence Rust judges is judged as Python does; (judged, declined) counts."""
    if rust is None:
        return 0, 1
    assert len(rust) == len(python)
    for r, p in zip(rust, python, strict=True):
        assert r is None or r == p
    return sum(r is not None for r in rust), sum(r is None for r in rust)


def _article(rng, odd=False):
    """Paragraphs of news-like sentences with sources, quotations, headings and line ends."""
    pieces = PIECES + SOURCE_PIECES + QUOTES
    paragraphs = []
    for _ in range(rng.randint(1, 6)):
        words = [rng.choice(pieces) for _ in range(rng.randint(4, 40))]
        if odd and rng.random() < 0.4:
            for _ in range(rng.randint(1, 3)):
                words.insert(rng.randrange(len(words) + 1), rng.choice(ODD))
        paragraph = " ".join(words) + rng.choice([".", "", " said analysts.", ", it added.", ' "It rose 5%."'])
        paragraphs.append(rng.choice(["", "", "", "# ", "## Figures\n\n"]) + paragraph)
    return rng.choice(["\n\n", "\r\n\r\n", "\n"]).join(paragraphs) * rng.choice([1, 1, 1, 8])


def test_random_articles_are_judged_alike():
    rng = random.Random(21)
    statuses = {kind.UNSOURCED: 0, kind.VAGUE: 0, kind.SOURCED: 0}
    for _ in range(500):
        rust, python = _judged(_article(rng), rng.choice(["text", "markdown"]))
        assert rust is not None  # plain ASCII is never declined
        assert rust == python
        for judged in python:
            statuses[judged[2]] += 1
    assert min(statuses.values()) > 100, statuses  # every status is exercised


def test_adversarial_articles_are_judged_alike_or_declined():
    rng = random.Random(22)
    declined = judged = 0
    for _ in range(400):
        text = _article(rng, odd=rng.random() < 0.5)
        if rng.random() < 0.2:
            text = text.replace(" ", " ", 200) + " Zoë, 😀 e\u0301 " + "word " * 3000  # a very long line
        both = _alike(*_judged(text, rng.choice(["text", "markdown"])))
        judged += both[0]
        declined += both[1]
    assert declined > 20 and judged > 200  # both ways are taken


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES + SOURCE_PIECES + QUOTES + ODD), max_size=60), st.text(max_size=20))
def test_hypothesis_articles_are_judged_alike_or_declined(words, noise):
    _alike(*_judged(" ".join(words) + noise + "\n\nThe figure rose 5%, it said. " + " ".join(reversed(words))))


@pytest.mark.slow
def test_the_corpus_is_judged_alike():
    files = sorted((SHARED / "corpus" / "bbc").glob("*.txt"))
    if not files:
        pytest.skip("the shared corpus is not here")
    sentences_judged = 0
    for path in files[1::2]:
        rust, python = _judged(path.read_text(encoding="utf-8"))
        assert rust is not None and rust == python, path.name
        sentences_judged += len(python)
    assert sentences_judged > 1500


def _analysed(text, markup="text"):
    """(Rust's claims by sentence and their judgement, or None; Python's) for `text`:
    native_status.analyse against Attribution.claims_of and py_judge."""
    doc = Document(text, markup_kind=markup)
    hits = _LINTER.ruleset.terms.scan(doc)
    claims = _RULE.claims_of(doc, hits)
    python = claims, [_RULE.py_judge(doc, block, number, found) for block, number, found in claims]
    figures = _RULE.figures(doc, hits)
    groups = _RULE.groups(doc, figures) if figures else []
    done = native_status.analyse(_RULE, doc, hits, groups, kind._OPINION_VERBS, kind.MIN_WORDS) if groups else []
    if done is None:
        return None, python
    harms = hits.get(_RULE.h_casualty, ())
    rust_claims, rust_judged = [], []
    for (block, number, _figs), one in zip(groups, done, strict=True):
        if one is not None:
            found = [((start, end), None if h < 0 else harms[h]) for start, end, h in one[0]]
            rust_claims.append((block, number, found))
            rust_judged.append(None if one[1] is None else _RULE.judged(doc, block, number, found, one[1]))
    return (rust_claims, rust_judged), python


def _analysed_alike(rust, python):
    """Whether Rust's claims are Python's and every sentence it judges is judged alike;
    (sentences judged, declined) counts."""
    if rust is None:
        return 0, 1
    assert rust[0] == python[0]
    assert all(r is None or r == p for r, p in zip(rust[1], python[1], strict=True))
    return sum(r is not None for r in rust[1]), sum(r is None for r in rust[1])


CASUALTY_PIECES = """killed were killed died dead injured wounded killing executed people soldiers civilians at least
in on at some more than and or but 191 25 12 300 two three of her his their the them those""".split()


def test_random_articles_are_analysed_alike():
    rng = random.Random(31)
    judged = 0
    for _ in range(400):
        text = _article(rng)
        if rng.random() < 0.5:
            text += " " + " ".join(rng.choice(CASUALTY_PIECES + PIECES) for _ in range(rng.randint(5, 40))) + "."
        rust, python = _analysed(text, rng.choice(["text", "markdown"]))
        assert rust is not None and None not in rust[1]  # plain ASCII is never declined
        judged += _analysed_alike(rust, python)[0]
    assert judged > 500


def test_adversarial_articles_are_analysed_alike_or_declined():
    rng = random.Random(32)
    judged = declined = 0
    for _ in range(400):
        casualty = [rng.choice(CASUALTY_PIECES) for _ in range(9)]
        if rng.random() < 0.3:
            casualty.insert(rng.randrange(10), rng.choice(ODD))
        text = _article(rng, odd=rng.random() < 0.5) + " " + " ".join(casualty) + "."
        both = _analysed_alike(*_analysed(text, rng.choice(["text", "markdown"])))
        judged += both[0]
        declined += both[1]
    assert declined > 20 and judged > 200  # both ways are taken


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES + CASUALTY_PIECES + QUOTES + ODD), max_size=60), st.text(max_size=20))
def test_hypothesis_articles_are_analysed_alike_or_declined(words, noise):
    _analysed_alike(*_analysed(" ".join(words) + noise + ".\n\nAt least 25 people were killed, it said."))


@pytest.mark.slow
def test_the_corpus_is_analysed_alike():
    files = sorted((SHARED / "corpus" / "bbc").glob("*.txt"))
    if not files:
        pytest.skip("the shared corpus is not here")
    judged = 0
    for path in files[::2]:
        rust, python = _analysed(path.read_text(encoding="utf-8"))
        assert rust is not None and None not in rust[1], path.name
        judged += _analysed_alike(rust, python)[0]
    assert judged > 1500


# -- a document's whole analysis in one call (native_status.document, rust/src/attr_doc.rs) ------


def _documented(text, markup="text"):
    """(native_status.document's sentences with claims, their judgement read as Attribution.judged
    reads it, or None where it declines; the Python reference's): figures by claims.figures,
    grouped by sentences.by_sentence, headings left out, claims by py_claims and py_decide,
    judged by py_judge, on a Document of its own (no memo shared)."""
    doc, reference = Document(text, markup_kind=markup), Document(text, markup_kind=markup)
    hits = _LINTER.ruleset.terms.scan(doc)
    saved = native_claims.figures, native_claims.decide
    native_claims.figures, native_claims.decide = (lambda *args: None), native_claims.py_decide
    try:
        python = [
            (b, n, found, _RULE.py_judge(reference, b, n, found)) for b, n, found in _RULE.claims_of(reference, hits)
        ]
    finally:
        native_claims.figures, native_claims.decide = saved
    # A scan no rule has read: its hits reach the Rust core as the HitGroups the scan made.
    fresh = _LINTER.ruleset.terms.scan(doc)
    handles = (_RULE.h_figures, _RULE.h_records, _RULE.h_cues, _RULE.h_casualty)
    assert not any(isinstance(terms.raw_hits(fresh, h), list) for h in handles if h in fresh)
    done = native_status.document(_RULE, doc, fresh, kind._OPINION_VERBS, kind.MIN_WORDS)
    if done is None:
        return None, python
    harms = hits.get(_RULE.h_casualty, ())
    rust = []
    for block, number, claimed, one in done:
        found = [((start, end), None if h < 0 else harms[h]) for start, end, h in claimed]
        rust.append((block, number, found, None if one is None else _RULE.judged(doc, block, number, found, one)))
    return rust, python


def _documented_alike(rust, python):
    """Whether the Rust core finds Python's sentences and claims and judges each it judges alike;
    (sentences judged, declined) counts."""
    if rust is None:
        return 0, 1
    assert [r[:3] for r in rust] == [p[:3] for p in python]
    assert all(r[3] is None or r[3] == p[3] for r, p in zip(rust, python, strict=True))
    return sum(r[3] is not None for r in rust), sum(r[3] is None for r in rust)


def _layout(rng, text):
    """`text` with headings, a headline, list items and long or broken lines mixed in."""
    lines = text.split("\n")
    for _ in range(rng.randint(0, 4)):
        lines.insert(
            rng.randrange(len(lines) + 1),
            rng.choice(
                [
                    "# 5 million jobs at risk",
                    "## Over 300 killed",
                    'Profits up 20% "says firm"',
                    "Sales rose 12%",
                    "- 40% of voters said no",
                    "> Half of them, 25 people, died.",
                    "Exports fell 5%:",
                    "",
                    "word " * rng.randint(200, 900) + "and 30% rose.",
                ]
            ),
        )
    return "\n".join(lines)


def test_random_documents_are_analysed_in_one_call_alike():
    rng = random.Random(41)
    judged = 0
    for _ in range(400):
        text = _layout(rng, _article(rng))
        if rng.random() < 0.5:
            text += " " + " ".join(rng.choice(CASUALTY_PIECES + PIECES) for _ in range(rng.randint(5, 40))) + "."
        rust, python = _documented(text, rng.choice(["text", "markdown"]))
        assert rust is not None and all(r[3] is not None for r in rust)  # plain ASCII is never declined
        judged += _documented_alike(rust, python)[0]
    assert judged > 500


def test_adversarial_documents_are_analysed_in_one_call_alike_or_declined():
    rng = random.Random(42)
    judged = declined = 0
    for _ in range(400):
        text = _layout(rng, _article(rng, odd=rng.random() < 0.5))
        if rng.random() < 0.3:
            text = text.replace("\n", "\r\n")
        if rng.random() < 0.2:
            text = "Zoë's 5% « fell » by £3bn—" * rng.randint(1, 300) + "\n\n" + text
        both = _documented_alike(*_documented(text, rng.choice(["text", "markdown"])))
        judged += both[0]
        declined += both[1]
    assert declined > 20 and judged > 200  # both ways are taken


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES + CASUALTY_PIECES + QUOTES + ODD + ["\n", "\n\n", "\n# ", ":\n"]), max_size=60),
    st.text(max_size=20),
    st.sampled_from(["text", "markdown"]),
)
def test_hypothesis_documents_are_analysed_in_one_call_alike_or_declined(words, noise, markup):
    _documented_alike(*_documented(" ".join(words) + noise + "\n\n25 people were killed, it said.", markup))


def test_headings_and_a_headline_are_left_out_of_the_one_call():
    markdown = "# Profits rose 20% in 2004\n\nProfits at the firm rose 20% to £5bn in the year.\n"
    rust, python = _documented(markdown, "markdown")
    assert [r[:2] for r in rust] == [(1, 0)] and _documented_alike(rust, python) == (1, 0)
    headline = 'Disaster claims "less than $10bn"\n\nThe disaster cost insurers $10bn, far less than feared.'
    rust, python = _documented(headline)
    assert [r[:2] for r in rust] == [(1, 0)] and _documented_alike(rust, python) == (1, 0)
    # a plain text's first line is a heading (Document.is_heading) unless a full stop ends it
    first = "Insurers lost $10bn in the year to 2004\n\nThe disaster cost insurers $10bn, far less than feared."
    rust, python = _documented(first)
    assert [r[:2] for r in rust] == [(1, 0)] and _documented_alike(rust, python) == (1, 0)
    rust, python = _documented(first.replace("2004\n", "2004.\n"))
    assert [r[:2] for r in rust] == [(0, 0), (1, 0)] and _documented_alike(rust, python) == (2, 0)


@pytest.mark.slow
def test_the_corpus_is_analysed_in_one_call_alike():
    files = sorted((SHARED / "corpus" / "bbc").glob("*.txt"))
    if not files:
        pytest.skip("the shared corpus is not here")
    judged = 0
    for path in files[1::2]:
        rust, python = _documented(path.read_text(encoding="utf-8"))
        assert rust is not None and all(r[3] is not None for r in rust), path.name
        judged += _documented_alike(rust, python)[0]
    assert judged > 1500
