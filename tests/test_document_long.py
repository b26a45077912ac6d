"""A long document's views built with less memory (piecewise lowering, no side tables) give
exactly what the plain computations give."""

import random
from bisect import bisect_right
from pathlib import Path

import pytest

import factlint.document as document
from factlint.document import Document
from factlint.terms import lowered

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"
# Characters whose lower case depends on their neighbours (final sigma), changes length (İ) or
# is a case-ignorable neighbour (apostrophes, combining marks, the modifier letter ʼ).
ALPHABET = list("ΣσςΟΔΥΣΣΕΥΣ İIıßẞ ΑΒ' ’ʼ.\u0301\u0345\n\r\tAbc£€😀 ") + ["ΟΔΥΣΣΕΥΣ ", "ΣΑΣ\t", " Σ "]


@pytest.mark.parametrize("seed", range(40))
def test_piecewise_lowering_equals_lowering_the_whole(monkeypatch, seed):
    rng = random.Random(seed)
    text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(20, 600)))
    monkeypatch.setattr(document, "_LOWER_PIECE", rng.randint(1, 12))
    assert document._lowered(text) == lowered(text)


def test_long_non_ascii_document_lowered_in_pieces():
    # Past the piece size for real: a final sigma at a piece's edge keeps its case mapping.
    text = ("ΟΔΥΣΣΕΥΣ met the mayor of ΣΑΣ. " * 40_000) + "ΣΑΣ"
    assert len(text) > document._LOWER_PIECE
    assert Document(text).lower == lowered(text)
    # With a dotted capital I the whole text is lowered at once, as lowered() does it.
    text = text[:-3] + "İzmir"
    assert Document(text).lower == lowered(text)


def _sentence_at_reference(doc, offset):
    blocks = doc.blocks
    if not blocks:
        return None
    bi = max(bisect_right([b[0] for b in blocks], offset) - 1, 0)
    starts = [s for s, _e in doc.block_sentences(bi)]
    return bi, max(bisect_right(starts, offset) - 1, 0)


def _position_reference(text, offset):
    line_start = 0
    line = 1
    i = 0
    while i < offset:
        if text[i] == "\r":
            if i + 1 < len(text) and text[i + 1] == "\n":
                i += 1
            line, line_start = line + 1, i + 1
        elif text[i] == "\n":
            line, line_start = line + 1, i + 1
        i += 1
    return line, offset - line_start + 1


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs the shared corpus")
def test_sentence_at_and_positions_on_real_text():
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))[:40]]
    text = "\r\n".join(texts[:20]) + "\r" + "\n\n".join(texts[20:])
    doc = Document(text)
    rng = random.Random(7)
    offsets = [0, len(text), len(text) - 1] + [rng.randrange(len(text)) for _ in range(400)]
    offsets += [start for start, _e in doc.blocks[:50]] + [s for s, _e, _b in doc.sentences[:200]]
    for offset in offsets:
        assert doc.sentence_at(offset) == _sentence_at_reference(doc, offset), offset
        assert doc.position(offset) == _position_reference(text, offset), offset


def test_sentence_at_without_prose():
    assert Document("").sentence_at(0) is None
    assert Document("   \n\n  ").sentence_at(3) is None


def test_only_dotted_capital_i_changes_length_when_lowered():
    # document._lowered relies on it: a text without "İ" keeps its length when lowered.
    import sys

    assert [c for c in map(chr, range(sys.maxunicode + 1)) if len(c.lower()) != 1] == ["\u0130"]
