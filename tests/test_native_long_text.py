"""The Rust term scan on long non-ASCII documents: they are lent to it as UTF-8 bytes (native.lent,
so that the str does not keep a UTF-8 copy of itself), and its code point offsets are counted as
matches come rather than from per-character tables. Same hits as the Python core."""

import sys

import pytest
from test_native_parity import (  # noqa: F401 - the skip fixture
    RUST,
    _need_native,
    index_and_handles,
    scan_on_both_cores,
    texts,
)

import factlint.native as native
from factlint.document import Document
from tests.conftest import SHARED


def long_documents():
    pieces = list(texts(400, 11, long_every=1000))
    docs = []
    for i in range(0, 400, 80):
        text = "\n\n".join(pieces[i : i + 80]) + " İzmit \u212a 😀 Zoë according to U.S. officials. " * 40
        docs.append(Document(text, markup_kind="markdown" if i % 160 else "text"))
    return docs


def test_long_non_ascii_documents_scan_as_on_the_python_core(monkeypatch):
    docs = long_documents()
    assert all(len(d.prose) > 4096 and not d.prose.isascii() for d in docs)
    assert isinstance(native.lent(docs[0].lower), bytes) and native.lent("short é") == "short é"
    native_hits, python_hits = scan_on_both_cores(monkeypatch, docs)
    assert native_hits == python_hits
    assert sum(len(h) for found in python_hits for h in found.values()) > 500


def test_a_scanned_document_keeps_no_utf8_copy(monkeypatch):
    monkeypatch.setattr(native, "rust", RUST)
    index, _handles = index_and_handles()
    doc = long_documents()[0]
    before = sys.getsizeof(doc.prose), sys.getsizeof(doc.lower)  # getsizeof counts a cached UTF-8 copy
    index.scan(doc)
    assert (sys.getsizeof(doc.prose), sys.getsizeof(doc.lower)) == before


def test_the_names_pass_keeps_no_utf8_copy(monkeypatch):
    # names_scan keeps its tokens' texts, not the prose; its odd-case and place-cue calls are lent
    # the text again. (Word-list sets from the first look-up: the native tables, and so the
    # native odd-case pass, are in use.)
    from factlint.config import Config
    from factlint.engine import Linter
    from factlint.knowledge.lexicon import Lexicon

    monkeypatch.setattr(native, "rust", RUST)
    monkeypatch.setattr(Lexicon, "SET_AFTER", 0)
    config = Config()
    config.select = ["Names"]
    linter = Linter(config)
    articles = sorted((SHARED / "corpus" / "bbc").glob("politics_*.txt"))[:30]
    if not articles:
        pytest.skip("the shared corpus is not here")
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in articles) + "\n\nZoë met officials in Kyiv.\n"
    doc = Document(text)
    assert len(doc.prose) > 4096 and not doc.prose.isascii() and doc.language == "en"
    before = sys.getsizeof(doc.prose)
    linter.lint(doc)
    assert "names.scan" in doc.memo and sys.getsizeof(doc.prose) == before
    assert all(rule.native_tables() is not None for rule in linter.rules if rule.id == "Names.NearMiss")


def test_bytes_that_are_not_utf8_are_refused():
    automaton = RUST.Automaton(["x"], [[(0, 0, 0, 0, None, False)]])
    with pytest.raises(ValueError):
        automaton.scan(b"\xff\xfe", b"\xff\xfe")


def test_attribution_lends_a_long_document_and_finds_what_the_python_core_finds(monkeypatch):
    # The claim tests read the document by code point without per-character tables
    # (rust/src/codepoints.rs) and take the prose and its lower-cased view as bytes.
    import factlint.kinds.attribution.native_claims as native_claims

    monkeypatch.setattr(native, "rust", RUST)
    articles = sorted((SHARED / "corpus" / "bbc").glob("business_*.txt"))[:40]
    text = "\n\n".join(p.read_text(encoding="utf-8").replace(". ", ". Zoë’s café 🙂 ", 1) for p in articles)
    found = {}
    for core in (RUST, None):
        monkeypatch.setattr(native, "rust", core)
        doc = Document(text, markup_kind="text")
        before = sys.getsizeof(doc.prose), sys.getsizeof(doc.lower)
        found[core is None] = [(f.rule, f.start, f.end) for f in lint_attribution(doc)]
        if core is not None:  # the Rust core kept no UTF-8 copy of either
            assert (sys.getsizeof(doc.prose), sys.getsizeof(doc.lower)) == before
    assert found[False] == found[True]
    assert sum(rule == "Attribution.Unattributed" for rule, _s, _e in found[True]) >= 2
    monkeypatch.setattr(native, "rust", RUST)
    assert native_claims.figures(text, text.lower(), [], [], False) is not None  # the Rust core answered


def lint_attribution(doc):
    from factlint.config import Config
    from factlint.engine import Linter

    linter = Linter(Config())
    rules = [r for r in linter.rules if r.id.startswith("Attribution.")]
    linter.ruleset.terms._automata = None  # built anew by the core now in use (the rules are shared)
    hits = linter.ruleset.terms.scan(doc)
    return [f for rule in rules for f in rule.run(doc, hits)]
