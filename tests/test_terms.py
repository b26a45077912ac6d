"""The shared term automaton (factlint/terms.py): whole words found through the word view, terms
with punctuation or spaces checked against the text, symbols, case, and the text's edges."""

import pickle

import pytest

import factlint.native as native
import factlint.terms as terms
from factlint.document import Document
from factlint.terms import TermIndex, word_view


def _scan(terms, text, **options):
    index = TermIndex()
    handle = index.add(terms, **options)
    doc = Document(text)
    return [(doc.text[s:e], terms[t]) for s, e, t in index.scan(doc).get(handle, [])]


def test_word_view_keeps_length_and_words_only():
    text = "São Paulo’s mayor, “Zürich” — 3½ (U.S.) under_score"
    view = word_view(text)
    assert len(view) == len(text)
    assert view == "São Paulo s mayor   Zürich    3½  U S   under_score"


def test_short_word_only_as_a_whole_word():
    text = "UN officials said until the fun run, the UN! Un-til."
    assert _scan(["UN"], text, ignorecase=True) == [("UN", "UN"), ("UN", "UN"), ("Un", "UN")]
    assert _scan(["UN"], text) == [("UN", "UN"), ("UN", "UN")]  # case as written


def test_terms_at_the_edges_of_the_text():
    assert _scan(["said", "Ten"], "Ten said") == [("Ten", "Ten"), ("said", "said")]


def test_punctuation_and_spaces_are_checked_against_the_text():
    text = "It is late, it, is not; according to him, according-to nobody. The U.S. and U S."
    found = _scan(["it is", "according to", "U.S."], text, ignorecase=True, literal=True)
    assert found == [("It is", "it is"), ("according to", "according to"), ("U.S.", "U.S.")]


def test_nonword_terms_match_inside_words_and_symbols_anywhere():
    assert _scan(["ing"], "Singing", nonword=True) == [("ing", "ing"), ("ing", "ing")]
    assert _scan(["©"], "Text ©2024 BBC", ignorecase=True) == [("©", "©")]


def test_multi_word_term_across_a_line_break():
    text = "Talks in New\nYork began."
    assert _scan(["new york"], text, ignorecase=True) == [("New\nYork", "new york")]
    assert _scan(["New York"], text) == []  # an exact term is compared as written


def test_scan_hits_are_a_mapping_of_lists_made_when_asked():
    """TermIndex.scan's TermHits: every handle's hits a list of (start, end, term_no) to a rule,
    as a dict of lists would give them; with the Rust core a handle stays a HitGroup (`raw`) until
    a rule asks, and asking twice gives the same list."""
    index = TermIndex()
    said = index.add(["said", "according to"], ignorecase=True, literal=True)
    names = index.add(["Kiev", "Kyiv"])
    index.add(["absent"])
    doc = Document("Officials said, according to Kyiv, that Kiev said so.")
    hits = index.scan(doc)
    assert said in hits and names in hits and len(hits) == 2 and set(hits) == {said, names}
    if native.rust is not None:
        assert not isinstance(terms.raw_hits(hits, said), list)
    got = hits[said]
    assert got == [(10, 14, 0), (16, 28, 1), (45, 49, 0)] and hits.get(said) is got
    assert terms.raw_hits(hits, said) is got  # a list once a rule has it: made once
    assert dict(hits) == {said: got, names: [(29, 33, 1), (40, 44, 0)]} == hits
    assert hits.get(99) is None and terms.raw_hits(hits, 99) == () and terms.raw_hits({said: got}, said) is got


def test_a_pickled_index_scans_as_the_one_it_was(monkeypatch):
    """The compiled-rules cache keeps each table packed (terms._pack): loaded, the index finds
    what it found before on either core, unpacks for a later add(), and checks survive."""
    index = TermIndex()
    handles = [
        index.add(["said", "according to", "U.S.", "it is"], ignorecase=True, literal=True),
        index.add(["New York", "Kyiv", "Kiev"]),
        index.add(["https"], raw=True),
        index.add(["new\\s+jersey"], ignorecase=True),
    ]
    doc = Document("In New York, according to the U.S. envoy, it is said: new  Jersey, Kyiv. https://x.y")
    before = dict(index.scan(doc))
    assert all(before[h] for h in handles)
    loaded = pickle.loads(pickle.dumps(index))
    assert all(isinstance(table, tuple) for table in loaded._tables.values())  # packed
    assert dict(loaded.scan(Document(doc.text))) == before
    monkeypatch.setattr(native, "rust", None)  # the Python core unpacks
    python = pickle.loads(pickle.dumps(index))
    assert dict(python.scan(Document(doc.text))) == before
    extra = python.add(["envoy"])
    after = python.scan(Document(doc.text))
    assert after[extra] == [(35, 40, 0)] and all(after[h] == before[h] for h in handles)


def test_a_packed_table_that_does_not_add_up_is_refused():
    if native.rust is None:
        pytest.skip("the Rust core is not built")
    keys, counts, ints, checks = terms._pack(
        {" said ": [(0, 0, 1, 1, None, False)], " it ": [(1, 2, 1, 1, "it", True)]}
    )
    assert native.rust.Automaton.packed(keys, counts, ints, checks, [])
    for bad in ((keys + "\nmore", counts, ints), (keys, counts, ints[:-8]), (keys, counts, ints + ints[:8])):
        with pytest.raises(ValueError):
            native.rust.Automaton.packed(*bad, checks, [])
