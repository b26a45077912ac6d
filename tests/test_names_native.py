"""The Rust core's per-document pass for the Names kinds (names_scan and NamesTables) gives
exactly what the Python reference gives: capitalised tokens and their whole-word positions, the
unknown tokens, the odd-case words that no table knows, the place cues. Compared on seeded random
text built from the kinds' own trigger words, on hypothesis text (non-ASCII, combining marks,
emoji, CRLF, long lines, Markdown) and on the corpus."""

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint.config import Config
from factlint.document import Document
from factlint.engine import Linter
from factlint.kinds.names import city
from factlint.kinds.names.base import _CAPITALISED, _occurrences, py_capitalised_tokens
from factlint.kinds.names.near_miss import py_odd_case_words
from tests.conftest import SHARED
from tests.test_names_scans import PIECES as NAME_PIECES
from tests.test_native_parity import RUST, name_texts, texts

pytestmark = pytest.mark.skipif(RUST is None, reason="factlint._native not built: only the Python core exists")

# Words the tables know or nearly know, in every case: plurals the word list leaves out,
# gazetteer words, exonyms, accepted and deferred forms.
TABLE_WORDS = (
    "Players players PLAYERS Churches churches Marketes Paris PARIS paris Kiev KIEV Kyiv Aserbaidschan "
    "Asherites Portugese portugese PORTUGESE Afganhistan afganhistan Phillipines Isreal Thaliand "
    "Azerbajan Moskau Mailand Zürich ZÜRICH zürich Łódź İstanbul Straße STRASSE straße Ǆemal "
    "Olomouc Kolomouz Buchi Bucha Liban Yukos Southcorp Pashinyan Pashinian"
).split()


@pytest.fixture(scope="module")
def rules():
    linter = Linter(Config())
    found = {r.id: r for r in linter.rules if r.id in ("Names.NearMiss", "Names.CityNearMiss", "Names.Drift")}
    for rule in found.values():
        rule.english.words._as_set()  # the set, and so the Rust tables, as a long run has them
    return found


def check(rules, text):
    """Every entry point of the pass against its Python reference on one text, the text given as
    a str and as the UTF-8 bytes native.lent gives for a long non-ASCII document."""
    prose = Document(text).prose
    tokens = py_capitalised_tokens(prose)
    near = rules["Names.NearMiss"]
    tables = near.native_tables()
    assert tables is not None
    want = near.py_odd_case(prose, py_odd_case_words(prose))
    doc = Document(text)
    doc.memo["names.spans"] = {t: _occurrences(doc.prose, t) for t in tokens}  # the Python positions
    names = list(tokens)
    cued = city.py_cued(doc, names)
    for lent in (prose, prose.encode()):
        scan = RUST.names_scan(lent)
        assert list(scan.tokens().items()) == list(tokens.items()), repr(text)  # the order too
        for token in [*_CAPITALISED.findall(prose), "KIEW", "Kiev", "Ab"]:
            if _CAPITALISED.fullmatch(token):
                assert scan.spans(token) == _occurrences(prose, token), (token, repr(text))
        for rule in rules.values():
            for length in (1, 5):
                got = scan.unknown(rule.native_tables(), length)
                assert len(got) == len(set(got))
                assert set(got) == set(rule.py_unknown_tokens(tokens, length)), (rule.id, length, repr(text))
        assert list(scan.odd(tables, lent).items()) == list(want.items()), repr(text)
        assert set(scan.cued(names, city._native_cues(), lent)) == cued, repr(text)
    return len(tokens), len(want), len(cued)


def test_names_pass_matches_python_on_random_text(rules):
    pieces = [*NAME_PIECES, *TABLE_WORDS, *TABLE_WORDS]
    rng = random.Random(21)
    seen = [0, 0, 0]
    for _ in range(800):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " ", ".", "\t", "\r\n"]) for _ in range(60))
        seen = [a + b for a, b in zip(seen, check(rules, text))]
    for text in [*name_texts(400, 22), *texts(200, 23)]:
        seen = [a + b for a, b in zip(seen, check(rules, text))]
    assert seen[0] > 5000 and seen[1] > 500 and seen[2] > 200, seen  # tokens, odd-case words, cued names


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.one_of(
            st.sampled_from([*NAME_PIECES, *TABLE_WORDS, "\r\n", "# ", "**", "😀", "e\u0301", "\u0130"]),
            st.text(min_size=1, max_size=12),
        ),
        max_size=40,
    ).map(" ".join)
)
def test_names_pass_matches_python_on_hypothesis_text(rules, text):
    check(rules, text)


def test_names_pass_on_a_very_long_line(rules):
    line = " ".join(["Kolomouz in Olomouc, afganhistan PORTUGESE Pashinian mayor of Buchi"] * 2000)
    assert check(rules, line) == (4, 2, 3)  # Olomouc, Buchi and Pashinian (before "mayor") cued


@pytest.mark.slow
def test_names_pass_matches_python_on_the_corpus(rules):
    files = sorted((SHARED / "corpus" / "bbc").glob("*.txt"))
    assert len(files) > 2000
    for path in files[::7]:
        check(rules, path.read_text(encoding="utf-8"))
