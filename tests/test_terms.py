"""The shared term automaton (factlint/terms.py): whole words found through the word view, terms
with punctuation or spaces checked against the text, symbols, case, and the text's edges."""

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
