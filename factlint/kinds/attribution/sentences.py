"""The attribution kind's reading of a document by sentence: its figures grouped by sentence,
the term hits of a sentence, whether a sentence has words enough to judge, and whether a figure
stands inside a quotation."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only
    from factlint.document import Document


def by_sentence(doc: Document, figures: list) -> dict:
    """The figures (sorted) grouped by `doc.sentence_at` of their start, asked once per sentence,
    not per figure: a figure before the next sentence's (or block's) start is in the same one."""
    groups: dict = {}
    group: list = []
    limit = -1
    for fig in figures:
        if fig[0] >= limit:
            key = doc.sentence_at(fig[0])
            block, number = key
            sentences, blocks = doc.block_sentences(block), doc.blocks
            if number + 1 < len(sentences):
                limit = sentences[number + 1][0]
            else:
                limit = blocks[block + 1][0] if block + 1 < len(blocks) else len(doc.prose) + 1
            group = groups.setdefault(key, [])
        group.append(fig)
    return groups


def words_at_least(text: str, n: int) -> bool:
    """Whether `text` holds at least n words that start with a letter or digit (stops at the n-th)."""
    for w in text.split():
        if w[:1].isalnum():
            n -= 1
            if n <= 0:
                return True
    return n <= 0


class Hits:
    """Automaton hits of one word list, sorted, with range look-ups."""

    __slots__ = ("hits", "starts")

    def __init__(self, hits) -> None:
        self.hits = hits
        self.starts = [h[0] for h in hits]

    def within(self, start: int, end: int) -> list:
        """Hits that start in [start, end) and end by `end`."""
        i = bisect_left(self.starts, start)
        j = bisect_left(self.starts, end, i)
        return [h for h in self.hits[i:j] if h[1] <= end]


def inside_quote(prose: str, start: int, offset: int) -> bool:
    """Whether `offset` is inside a quotation that opens in prose[start:offset]: the last
    quotation mark before it opens one. Read mark by mark, not by parity, because news copy
    opens each quoted sentence anew and closes only the last ('"A. "B."')."""
    last = max(prose.rfind('"', start, offset), prose.rfind("“", start, offset), prose.rfind("”", start, offset))
    if last < 0:
        return False
    mark = prose[last]
    if mark != '"':
        return mark == "“"
    before = prose[last - 1] if last > start else " "
    after = prose[last + 1] if last + 1 < len(prose) else " "
    return (before.isspace() or before in "([{—–-") and not after.isspace()
