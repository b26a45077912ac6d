"""The attribution kind's reading of a document by sentence: its figures grouped by sentence,
the term hits of a sentence, whether a sentence has words enough to judge, and whether a figure
stands inside a quotation."""

from __future__ import annotations

import re
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
    blocks = doc.blocks  # a property: read once (speed)
    for fig in figures:
        if fig[0] >= limit:
            key = doc.sentence_at(fig[0])
            block, number = key
            sentences = doc.block_sentences(block)
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


# A sentence that goes on with the previous one's report: it opens with a pronoun or a reference
# back ("It added", "The figure", "In total"), says "also", or is reported speech (a modal).
_CONTINUES_OPENER = re.compile(
    r"\W*(?:(?:and|but|so|however|meanwhile|overall|in\s+total|in\s+all),?\s+)?"
    r"(?:it|its|they|their|he|his|she|her|this|these|that|those|the\s+(?:figures?|result|results|total|rest|remainder|"
    r"survey|study|report|number|same|remaining)|in\s+total|in\s+all|overall|also|further|a\s+further|another)\b",
    re.I,
)
_CONTINUES_WORD = re.compile(r"\b(?:also|added|adding)\b", re.I)
# A run of poll or survey results: "Only 11% regarded themselves…" after "According to X, 29%…".
_OPENS_WITH_SHARE = re.compile(
    r"\W*(?:(?:only|just|another|a\s+further|some|about|around|nearly|almost|over|under|more\s+than|less\s+than|fewer\s+than)\s+)?"
    r"(?:\d[\d.,]*\s?(?:%|per\s?cent)|(?:a|one|two|three|four|five|six|seven|eight|nine)[\s-](?:half|third|quarter|fifth|tenth)s?\b|half\b|\w+\s+in\s+(?:every\s+)?\w+\b)",
    re.I,
)


def continues(prose: str, s_start: int, s_end: int) -> bool:
    """Whether the sentence goes on with the previous one's report (it may carry its source)."""
    return bool(
        _CONTINUES_OPENER.match(prose, s_start, s_end)
        or _OPENS_WITH_SHARE.match(prose, s_start, s_end)
        or _CONTINUES_WORD.search(prose, s_start, s_end)
    )


def previous(doc: Document, block: int, number: int) -> tuple[int, int] | None:
    """The span of the sentence whose source carries into this one: the sentence before in the
    paragraph, or the previous paragraph's last unless that is a heading; None at the start."""
    if number > 0:
        return doc.block_sentences(block)[number - 1]
    if block > 0 and not doc.is_heading(block - 1):
        return doc.block_sentences(block - 1)[-1]
    return None


def headline(doc: Document, block: int) -> bool:
    """A plain text's first line standing alone without a full stop, even if it closes on a
    quotation mark ("Disaster claims 'less than $10bn'"): a headline, which news style leaves
    unattributed. A headline-style sentence with a full stop is still checked."""
    if block != 0 or doc.markup != "text" or len(doc.blocks) < 2:
        return False
    start, end = doc.blocks[0]
    line = doc.prose[start:end]
    return "\n" not in line and not line.rstrip("\"'”’").endswith((".", "!", "?", "…"))
