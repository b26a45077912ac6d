"""The Rust core gives exactly what the Python core gives (factlint/native.py).

Each primitive is compared on seeded random and adversarial text (non-ASCII, combining marks,
non-BMP emoji — offsets are code points —, CRLF, very long lines, Markdown); the slow tests lint
the corpus folder, bbc.jsonl and a user's pack with both cores and require byte-identical
json-lines. Without the extension the tests skip, unless FACTLINT_REQUIRE_NATIVE=1 (set by
.ci/run) turns the skip into a failure.
"""

import importlib
import json
import os
import random
import subprocess
import sys

import pytest

import factlint.native as native
from factlint import document, terms
from factlint.document import Document
from factlint.text import language
from tests.conftest import SHARED

WHY_NOT = ""
try:
    RUST = importlib.import_module("factlint._native")
except ImportError as error:  # kept for the failure message: a missing build and a broken one differ
    RUST, WHY_NOT = None, str(error)

REQUIRE = os.environ.get("FACTLINT_REQUIRE_NATIVE") == "1"


@pytest.fixture(autouse=True)
def _need_native():
    if RUST is None:
        if REQUIRE:
            pytest.fail(
                f"FACTLINT_REQUIRE_NATIVE=1 but factlint._native cannot be imported ({WHY_NOT}; cargo on PATH?)"
            )
        pytest.skip("factlint._native not built (no Rust toolchain at install): only the Python core exists")


# Pieces that stress what the primitives decide: sentence ends and abbreviations, quotes,
# Unicode whose case, digit and letter properties are unusual, and line breaks of every kind.
PIECES = [
    "the",
    "Minister",
    "said",
    "U.S.",
    "Dr.",
    "No.",
    "no. 10",
    "J. Smith",
    "3.5",
    "1,200",
    "etc.",
    "vs.",
    ". ",
    "! ",
    "? ",
    "… ",
    "...",
    '." ',
    ".” ",
    ".) ",
    ": \n",
    ":\r\n",
    ":\t\n",
    " \n\n",
    "\r\n",
    "\n",
    "\t",
    "“Yes.” ",
    "‘Quote’",
    "«Non»",
    "(",
    ")",
    "[",
    "]",
    "- ",
    "– ",
    "— ",
    "_",
    "__init__",
    "é",
    "e\u0301",
    "Zoë",
    "İzmit",
    "ΣΟΦΙΑ",
    "Σ",
    "straſse",
    "\u212a",
    "٣",
    "²",
    "Ⅻ",
    "ǅ",
    "ß",
    "ŉ",
    "😀",
    "🇬🇧",
    "𝐀",
    "\u00a0",
    "\u2028",
    "\u3000",
    "\x1c",
    "\x0b",
    "£5m",
    "€",
    "10%",
    "#",
    "## Heading\n",
    "* item\n",
    "> quote\n",
    "`code`",
    "**bold**",
    "[link](http://x.org/a.b)",
    "according to",
    "un",
    "fun",
    "until",
]


def texts(n, seed, long_every=25):
    rng = random.Random(seed)
    for i in range(n):
        size = rng.randint(0, 40)
        text = "".join(rng.choice(PIECES) + rng.choice(["", " ", " ", ""]) for _ in range(size))
        if i % long_every == 0:  # a very long line
            text = text.replace("\n", " ") * rng.randint(20, 60)
        yield text


def test_word_view_matches_python():
    for text in texts(600, 1):
        assert RUST.word_view(text) == terms.py_word_view(text), repr(text)


def test_every_code_point_class_matches_python():
    # The native core asks Python for character classes; a sample of every plane checks the cache.
    sample = "".join(chr(c) for c in range(0, 0x30000, 7) if not 0xD800 <= c < 0xE000)
    assert RUST.word_view(sample) == terms.py_word_view(sample)


def test_split_sentences_matches_python():
    for text in texts(800, 2):
        for start, end in [(0, len(text)), (len(text) // 3, len(text))]:
            want = list(document.py_split_sentences(text, start, end))
            assert RUST.split_sentences(text[start:end], start) == want, repr(text[start:end])


def test_document_sentences_match_python():
    for text in texts(200, 3):
        for kind in ("text", "markdown"):
            doc = Document(text, markup_kind=kind)
            spans = [list(document.py_split_sentences(doc.prose, s, e)) for s, e in doc.blocks]
            assert [doc.block_sentences(i) for i in range(len(doc.blocks))] == spans, repr(text)


# Figures in digits: currency signs, separators, scales and percent words next to digits of
# other scripts and letters whose ignore-case twins are ASCII ("mİllion" is "million").
FIGURE_PIECES = list("0123456789 ,.-–/:£$€¥#%_pPeErRcCnNtTmMbBkKiIlLoO\n\t") + [
    "\u00a0",
    "é",
    "٣",
    "٤",
    "½",
    "²",
    "ı",
    "İ",
    "ſ",
    "\u212a",
    "𝟘",
    "per cent",
    "Per Cent",
    "percent",
    "PERCENT",
    " million",
    "MILLION",
    "mİllion",
    "bıllion",
    " trillion",
    "bn",
    "tn",
    "m ",
    "k.",
    "1,234",
    ",567",
    "3.5",
    "£5m",
]


def test_digit_figures_match_python():
    from factlint.text import numbers

    def python(text):
        return [(m.start(), m.end(), m.lastgroup) for m in numbers.DIGIT_FIGURE.finditer(text)]

    rng = random.Random(8)
    for _ in range(20000):
        text = "".join(rng.choice(FIGURE_PIECES) for _ in range(rng.randint(1, 18)))
        assert RUST.digit_figures(text) == python(text), repr(text)
    for text in texts(300, 9):
        assert RUST.digit_figures(text) == python(text), repr(text)


def test_attribution_tokens_match_python():
    from factlint.kinds.attribution import subjects

    pieces = PIECES + FIGURE_PIECES + ["don't", "O’Neill", "AT&T", "a.m.", "--", "'s", "’s"]
    rng = random.Random(10)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 16)))
        assert RUST.tokens(text) == subjects.py_tokens(text), repr(text)
    for text in texts(300, 11):
        assert RUST.tokens(text) == subjects.py_tokens(text), repr(text)


def test_language_counts_match_python():
    index = RUST.StopIndex([(word, list(weights.items())) for word, weights in language._index().items()])
    stop_words = [w for lang in ("en", "de", "fr", "tr", "ru", "el") for w in language._ranked(lang)[:40]]
    rng = random.Random(6)
    for text in texts(300, 7):
        text += " ".join(rng.choice(stop_words + ["rock'n'roll", "l’homme", "don't", "x2y", "été"]) for _ in range(30))
        n, counts, distinct = language._count(language.words(text))
        rows = index.count(text.lower())
        assert (n, counts, distinct) == (rows[0], {l: c for l, c, _d in rows[1]}, {l: d for l, _c, d in rows[1]})


def test_language_counts_match_python_at_word_edges():
    # The native word loop reads ASCII bytes through a table and anything else a character at a
    # time: apostrophes, digits and "_" beside letters of every kind, at the ends of the text too.
    index = RUST.StopIndex([(word, list(weights.items())) for word, weights in language._index().items()])
    pieces = ["the", "de", "и", "l", "été", "e\u0301", "ǅ", "٣", "x2", "_", "'", "’", "''", " ", "\n", "😀", "𝐀", "ß"]
    rng = random.Random(12)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        n, counts, distinct = language._count(language.words(text))
        rows = index.count(text.lower())
        assert (n, counts, distinct) == (rows[0], {l: c for l, c, _d in rows[1]}, {l: d for l, _c, d in rows[1]})


def test_language_detection_matches_python(monkeypatch):
    # Mixtures near every threshold: too few words, a share just under MIN_SHARE, a language with
    # fewer than MIN_DISTINCT stop words of its own, ties between languages (English first).
    stop = {lang: list(language._ranked(lang)[:25]) for lang in ("en", "de", "fr", "nl", "tr", "ru", "es", "pt")}
    rng = random.Random(14)
    answers = set()
    for _ in range(3000):
        words = []
        for lang in rng.sample(sorted(stop), rng.randint(1, 3)):
            words += rng.choices(stop[lang][: rng.randint(1, 25)], k=rng.randint(0, 12))
        words += rng.choices(["x", "Zoë", "2004", "l’homme", "rock'n'roll", "été", "İstanbul"], k=rng.randint(0, 30))
        rng.shuffle(words)
        text = " ".join(words)
        answers.add(language.py_detect(text))
        assert language.detect(text) == language.py_detect(text), repr(text)
    assert {None, "en", "de", "fr", "tr", "ru"} <= answers
    monkeypatch.setattr(language, "SAMPLE", 40)  # the sample's cut inside a word, as Python cuts it
    for text in texts(300, 15):
        assert language.detect(text) == language.py_detect(text), repr(text)


@pytest.mark.parametrize("inside_words", [False, True])
def test_overlapping_terms_are_chosen_as_python_chooses(monkeypatch, inside_words):
    # The Rust core chooses leftmost-longest among a handle's hits itself, except for a handle
    # that has regex hits too (Python chooses among both): many overlapping terms of each. Terms
    # that match inside words make the core run its automaton, whole-word terms alone its
    # word-by-word look-up: both are compared.
    words = ["new", "new york", "york", "york city", "new york city", "city hall", "hall", "or", "--or", "é-é", "ǅ"]
    index = terms.TermIndex()
    index.add(words, ignorecase=True)
    index.add(words + ["new\\s+jersey", "jersey\\s+city"], ignorecase=True)
    index.add(["Hall", "York City", "NEW"])
    if inside_words:
        index.add(["ork", "ew yo", "cit"], ignorecase=True, nonword=True)
    pieces = ["New", "new", "York", "york", "City", "city", "Hall", "Jersey", "or", "-", "é", "-", "ǅ", "😀"]
    pieces += [" ", " ", "  ", ", ", "\n", "\r\n"]
    rng = random.Random(13)
    docs = [Document("".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))) for _ in range(400)]
    monkeypatch.setattr(native, "rust", RUST)
    native_hits = [index.scan(doc) for doc in docs]
    index._automata = None
    monkeypatch.setattr(native, "rust", None)
    python_hits = [index.scan(doc) for doc in docs]
    assert native_hits == python_hits
    assert sum(len(h) for found in python_hits for h in found.values()) > 800


TERM_LISTS = [
    (["according to", "U.S.", "un", "İzmit", "é", "zoë", "σοφια", "😀", "e\u0301", "__init__"], {}),
    (["Minister", "Dr", "No", "ΣΟΦΙΑ", "Zoë"], {"ignorecase": False}),
    (["said", "the minister", "fun", "1,200", "3.5"], {"ignorecase": True}),
    (["un", "til", "straſse", "ß"], {"ignorecase": True, "nonword": True}),
    (["code", "x.org"], {"ignorecase": True, "raw": True}),
    (["£5m", "10%", "€"], {"ignorecase": True, "literal": True}),
]


def index_and_handles():
    index = terms.TermIndex()
    return index, [index.add(words, **options) for words, options in TERM_LISTS]


def scan_on_both_cores(monkeypatch, docs):
    """(native hits, Python hits) of the test terms on `docs`, the automaton built anew per core."""
    index, _handles = index_and_handles()
    monkeypatch.setattr(native, "rust", RUST)
    native_hits = [index.scan(doc) for doc in docs]
    index._automata = None
    monkeypatch.setattr(native, "rust", None)
    return native_hits, [index.scan(doc) for doc in docs]


def test_term_scan_matches_python(monkeypatch):
    docs = [Document(text, markup_kind=kind) for text in texts(300, 4) for kind in ("text", "markdown")]
    native_hits, python_hits = scan_on_both_cores(monkeypatch, docs)
    assert native_hits == python_hits
    assert sum(len(h) for found in python_hits for h in found.values()) > 1000  # the terms do occur


def lint(args, core, cwd=None):
    env = {**os.environ, "FACTLINT_CORE": core}
    cmd = [sys.executable, "-m", "factlint", "check", "--format", "json-lines", "--jobs", "1", "--no-cache", *args]
    done = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, timeout=900)
    assert done.returncode in (0, 1), done.stderr.decode()
    return done.stdout


def test_cores_report_themselves():
    out = {}
    for core in ("python", "rust"):
        env = {**os.environ, "FACTLINT_CORE": core}
        done = subprocess.run([sys.executable, "-m", "factlint", "--version"], env=env, capture_output=True, text=True)
        out[core] = done.stdout
    assert "core: python (FACTLINT_CORE=python)" in out["python"]
    assert "core: rust" in out["rust"]


_LINT_TEXTS = """
import json, sys
from factlint.config import Config
from factlint.engine import Linter

linter = Linter(Config())
print(json.dumps([[f.to_dict() for f in linter.lint_text(t, path="doc.txt")] for t in json.load(sys.stdin)]))
"""


def test_lone_surrogates_give_the_same_findings_on_both_cores():
    """A str can hold a lone surrogate (a JSON escape, a caller's string), which the Rust core's
    UTF-8 cannot: Linter.lint_text gives what the Python core gives, surrogates included."""
    rng = random.Random(14)
    article = (SHARED / "seeds").glob("*.txt").__next__().read_text(encoding="utf-8")
    lone = ["\ud800", "\udfff", "\udc80", "\udbff"]
    docs = []
    for i, text in enumerate([article, article * 3, *texts(120, 15)]):
        for _ in range(rng.randint(1, 12)):  # inside words, names, figures, quotes, sentence ends
            at = rng.randint(0, len(text))
            text = text[:at] + rng.choice(lone) + text[at:]
        docs.append(text + ("\U000f0000" if i % 7 == 3 else ""))  # a private use character of its own
    docs.append("The Asher\udc80ites and \ud800Asherites said. " * 120)  # past native.lent's 4,096
    found = {}
    for core in ("python", "rust"):
        env = {**os.environ, "FACTLINT_CORE": core}
        done = subprocess.run(
            [sys.executable, "-c", _LINT_TEXTS], input=json.dumps(docs), env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        found[core] = done.stdout
    assert found["rust"] == found["python"]
    shown = [f["match"] + f["message"] for per_doc in json.loads(found["python"]) for f in per_doc]
    assert len(shown) > 100 and any(any("\ud800" <= c <= "\udfff" for c in s) for s in shown)


@pytest.mark.slow
@pytest.mark.parametrize("target", ["corpus/bbc", "corpus/bbc.jsonl"])
def test_corpus_identical_on_both_cores(target):
    path = SHARED / target
    if not path.exists():
        pytest.skip(f"{path} not here (FACTLINT_SHARED names the shared data folder)")
    python = lint([str(path)], "python")
    assert python.count(b"\n") > 1000
    assert lint([str(path)], "rust") == python


@pytest.mark.slow
def test_user_pack_identical_on_both_cores(tmp_path):
    pack = tmp_path / "styles" / "Newsroom"
    pack.mkdir(parents=True)
    (pack / "Words.yml").write_text(
        "extends: existence\nmessage: \"Avoid '%s'\"\nlevel: warning\nignorecase: true\n"
        "tokens: [zoë, according to, 😀, straße, u.s., İzmit]\n"
        "examples:\n  fail:\n    - text: Zoë said so.\n  pass:\n    - Anne said so.\n",
        encoding="utf-8",
    )
    (tmp_path / ".factlint.yaml").write_text("packs: [styles/Newsroom]\n", encoding="utf-8")
    doc = tmp_path / "a.md"
    doc.write_text("\n\n".join(texts(60, 5)) + "\nZOË met İzmit's U.S. team 😀, according to\r\nthem.\n", "utf-8")
    python = lint([str(doc)], "python", cwd=tmp_path)
    assert b"Newsroom.Words" in python
    assert lint([str(doc)], "rust", cwd=tmp_path) == python


# -- the Names kinds (rust/src/names.rs) ------------------------------------------------------
NAME_PIECES = [
    "in",
    "towards",
    "mayor of",
    "city of ",
    "region",
    "suburbs",
    "Kolomouz",
    "Olomouc",
    "portugese",
    "PORTUGESE",
    "afganhistan",
    "Isreal",
    "McDonald",
    "O'Brien",
    "d’Ivoire",
    "Zürich",
    "ZÜRICH",
    "ärztekammer",
    "straße",
    "Łódź",
    "Ǆemal",
    "ǅemal",
    "İstanbul",
    "Ωmega",
    "Ἀθῆναι",
    "한국",
    "Москва",
    "www.example.com",
    "portugese.com",
    "@handle",
    "#hashtag",
    "/usr/lib",
    "half-portugese",
    "Name2",
    "players",
    "ÿÿÿÿÿÿ",
]


def name_texts(n, seed):
    rng = random.Random(seed)
    pieces = NAME_PIECES + PIECES
    for _ in range(n):
        yield "".join(
            rng.choice(pieces) + rng.choice(["", " ", " ", ".", "-", "\t"]) for _ in range(rng.randint(0, 60))
        )


def test_names_token_scans_match_python():
    from factlint.kinds.names.base import py_capitalised_tokens
    from factlint.kinds.names.near_miss import py_odd_case_words

    seen = 0
    for text in [*name_texts(1500, 8), *texts(300, 9)]:
        want = py_capitalised_tokens(text)
        got = RUST.names_scan(text).tokens()
        assert list(got.items()) == list(want.items()), repr(text)  # the order of first occurrence too
        words = py_odd_case_words(text)
        assert sorted(RUST.odd_case_words(text)) == sorted(words), repr(text)
        seen += len(words)
    assert seen > 1000


def test_odd_case_words_leave_out_the_known_ones():
    from factlint.knowledge.lexicon import Lexicon

    lexicon = Lexicon(["player", "market", "church", "portugese"])
    known = RUST.WordSet(lexicon._text)
    text = "players markets churches portugese afganhistan PORTUGESE marketes playerss"
    assert sorted(RUST.odd_case_words(text, known)) == ["PORTUGESE", "afganhistan", "playerss"]
    assert RUST.odd_case_words(text) == text.split()


def test_lexicon_search_matches_the_python_search():
    """lines_contain answers every look-up of a sorted word list as Lexicon.py_search does:
    words, their prefixes and extensions, non-ASCII and non-BMP words, the empty string, a line
    break, words before the first and after the last entry."""
    from factlint.knowledge.lexicon import Lexicon

    rng = random.Random(12)
    alphabet = "abcéøß𝔘 -'"
    words = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 7))) for _ in range(3000)}
    asked = [w for w in list(words)[:500]] + [w[:-1] for w in list(words)[:500]] + [w + "a" for w in list(words)[:500]]
    asked += ["", "\n", "a\nb", " ", "\x00", "\uffff", "𝔘𝔘𝔘𝔘𝔘𝔘𝔘𝔘"]
    asked += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8))) for _ in range(2000)]
    for lexicon in (Lexicon(words), Lexicon(["only"]), Lexicon([])):
        want = [lexicon.py_search(item) for item in asked]
        assert [RUST.lines_contain(lexicon._text, item) for item in asked] == want
    assert sum(want) == 0 and sum(Lexicon(words).py_search(w) for w in words) == len(words)


def test_word_set_answers_as_a_frozenset():
    """The Rust core's Lexicon set (WordSet: spans of one text) answers `in`, `len` and
    `missing` as the Python core's frozenset does: duplicates and empty lines in the text,
    non-ASCII and non-BMP words, a lone surrogate and a non-str asked."""
    rng = random.Random(13)
    alphabet = "abcéøß𝔘 -'İ"
    words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 7))) for _ in range(4000)]
    text = "\n".join(sorted(words) + ["", words[0], ""])
    table, expected = RUST.WordSet(text), frozenset(text.split("\n")) - {""}
    asked = words[:800] + [w + "s" for w in words[:800]] + ["", "\ud800", "a\ud800", "\n", "𝔘𝔘𝔘𝔘𝔘𝔘𝔘𝔘"]
    asked += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8))) for _ in range(3000)]
    assert [w in table for w in asked] == [w in expected for w in asked]
    assert len(table) == len(expected)
    assert table.missing(asked) == set(asked) - expected and table.missing(iter([])) == set()
    assert 5 not in table and table.missing([5, "zz9"]) == {5, "zz9"}
    assert sum(w in table for w in asked) > 1500


def test_near_index_matches_the_python_loop():
    import jellyfish

    from factlint.text.phonetics import letter_mask, plain

    rng = random.Random(10)
    alphabet = "aeiourstnlkzhyçéøıłß"
    names = sorted({"".join(rng.choice(alphabet) for _ in range(rng.randint(3, 9))) for _ in range(1500)})
    names = [plain(n) for n in names]
    for by_first in (True, False):
        index = RUST.NearIndex([(n, letter_mask(n)) for n in names], by_first)
        for _ in range(400):
            word = plain("".join(rng.choice(alphabet) for _ in range(rng.randint(3, 9))))
            mask = letter_mask(word)
            want = []
            for size in range(len(word) - 2, len(word) + 3):
                for i, name in enumerate(names):
                    if len(name) != size or (by_first and name[0] != word[0]):
                        continue
                    if (mask ^ letter_mask(name)).bit_count() <= 4:
                        d = jellyfish.damerau_levenshtein_distance(word, name)
                        if d <= 2:
                            want.append((i, d))
            assert index.near(word, mask, 2) == want, word


def test_ascii_distance_matches_jellyfish():
    import jellyfish

    rng = random.Random(11)
    for _ in range(3000):
        a = "".join(rng.choice("abcdeh") for _ in range(rng.randint(0, 9)))
        b = "".join(rng.choice("abcdeh") for _ in range(rng.randint(0, 9)))
        assert RUST.ascii_damerau(a, b) == jellyfish.damerau_levenshtein_distance(a, b), (a, b)
