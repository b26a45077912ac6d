"""wholewords.find_many (one automaton pass for many words in a long text) finds exactly what
find_whole finds word by word, across the slices it scans the text in."""

import pytest

import factlint.kinds.names.base as names_base
import factlint.native as native
import factlint.text.wholewords as wholewords
from factlint.document import Document
from tests.conftest import SHARED

ARTICLES = sorted((SHARED / "corpus" / "bbc").glob("politics_*.txt"))[:30]
assert len(ARTICLES) == 30


def _starts(before):
    return not (before.isalnum() or before in "_'’")


def _ends(text, end):
    return end >= len(text) or not (text[end].isalnum() or text[end] == "_")


@pytest.mark.parametrize("piece", [7, 64, 1 << 20])
def test_find_many_is_find_whole_for_every_word(monkeypatch, piece):
    monkeypatch.setattr(wholewords, "LONG_TEXT", 0)
    monkeypatch.setattr(wholewords, "_PIECE", piece)
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in ARTICLES) + " aaaa aa aaa"
    words = sorted({w.strip(".,;:'\"()") for w in text.split() if w[:1].isupper()} | {"a", "aa", "aaa", "an"})
    found = wholewords.find_many(text, words, _starts, _ends)
    assert found == {w: wholewords.find_whole(text, w, _starts, _ends) for w in words if w}
    assert sum(map(len, found.values())) > 1000 and found["aa"] == [(len(text) - 6, len(text) - 4)]


def test_prefetched_occurrences_are_the_ones_asked_one_by_one(monkeypatch):
    monkeypatch.setattr(native, "rust", None)
    monkeypatch.setattr(names_base, "LONG_TEXT", 0)
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in ARTICLES)
    tokens = list(names_base.py_capitalised_tokens(text)) + ["lowercase", "Nowhere2"]
    one_by_one = Document(text, markup_kind="text")
    expected = {t: names_base.occurrences(one_by_one, t) for t in tokens}
    prefetched = Document(text, markup_kind="text")
    names_base.prefetch(prefetched, tokens)
    assert {t: names_base.occurrences(prefetched, t) for t in tokens} == expected
    assert sum(map(len, expected.values())) > 500
