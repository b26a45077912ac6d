"""One figure in its sentence, as the claim tests read it (claims.py and the families of tests
that make a figure no claim: labels.py, public_record.py, goods.py, narrative.py)."""

from __future__ import annotations

import re
from collections.abc import Callable

from factlint.text import numbers

_SENTENCE_WORDS = re.compile(r"[a-z]+")
# Letters an ignore-case regex matches as ASCII that str.lower() does not make ASCII: a sentence
# holding one is never gated by `mentions` (its regexes run as written).
_CASE_ODD = ("ı", "İ", "ſ")


class Figure:
    """The figure prose[start:end] of kind `kind` in the sentence prose[s_start:s_end], with the
    text just before and after it that most tests read. `memo`: one dict per sentence."""

    # Slots: a figure is made for every candidate and read by up to thirty tests (speed).
    __slots__ = (
        "prose",
        "s_start",
        "s_end",
        "start",
        "end",
        "kind",
        "memo",
        "text",
        "before",
        "after",
        "_amount",
        "_valued",
        "_low_before",
    )

    def __init__(self, prose: str, s_start: int, s_end: int, start: int, end: int, kind: str, memo: dict) -> None:
        self.prose, self.s_start, self.s_end, self.start, self.end = prose, s_start, s_end, start, end
        self.kind = kind
        self.memo = memo
        self.text = prose[start:end]
        self.before = prose[max(s_start, start - 60) : start]
        self.after = prose[end : min(s_end, end + 40)]
        self._amount: float | None = None
        self._valued = False
        self._low_before: str | None = None

    @property
    def amount(self) -> float | None:
        """The figure's value, read on first use (only tests of digit figures need it)."""
        if not self._valued:
            self._amount, self._valued = numbers.value(self.text), True
        return self._amount

    def before_has(self, stems: re.Pattern) -> bool:
        """Whether the text before the figure holds one of the words of `stems` (made by `stems()`),
        lower-cased, as a plain substring. The tests that search the text before a figure with a
        pattern anchored at its end try it at each of sixty characters: a test whose pattern
        cannot match without one of its words asks this first (speed)."""
        low = self._low_before
        if low is None:
            before = self.before
            low = self._low_before = "" if any(c in before for c in _CASE_ODD) else before.lower() + " "
        return not low or stems.search(low) is not None

    def holds(
        self, name: str, regex: re.Pattern, triggers: frozenset, needs: Callable[[frozenset], bool] | None = None
    ) -> bool:
        """Whether the sentence holds a match of `regex`, asked once per sentence (the memo is the
        sentence's: a sentence with ten figures is searched once, not ten times), and only if it
        holds one of the pattern's trigger words (most sentences hold none, which halves the cost)
        and, if given, `needs(words)` holds: a finer condition without which it cannot match."""
        memo = self.memo
        found = memo.get(name)
        if found is None:
            words = memo.get("words")
            if words is None:
                words = memo["words"] = frozenset(
                    _SENTENCE_WORDS.findall(self.prose[self.s_start : self.s_end].lower())
                )
            found = memo[name] = (
                not triggers.isdisjoint(words)
                and (needs is None or not self._lower() or needs(words))
                and regex.search(self.prose, self.s_start, self.s_end) is not None
            )
        return found

    def _lower(self) -> str:
        """The sentence lower-cased, or "" if it holds a letter of _CASE_ODD (no word gate is sure there)."""
        lower = self.memo.get("lower")
        if lower is None:
            text = self.prose[self.s_start : self.s_end]
            lower = self.memo["lower"] = "" if any(c in text for c in _CASE_ODD) else text.lower()
        return lower

    def mentions(self, name: str, stems: re.Pattern) -> bool:
        """Whether the lower-cased sentence holds one of the words of `stems` (made by `stems()`)
        anywhere, asked once per sentence. A test whose regex cannot match without one of them
        asks this first: most sentences hold none, and one search of plain words is far cheaper
        than the test's own regex searched figure by figure (speed)."""
        memo = self.memo
        found = memo.get(name)
        if found is None:
            lower = self._lower()
            found = memo[name] = not lower or stems.search(lower) is not None
        return found


def stems(*words: str) -> re.Pattern:
    """The pattern `Figure.mentions` searches for: any of `words` (lower-case) as a plain substring."""
    return re.compile("|".join(re.escape(w) for w in words))
