"""Where words stand whole in a text: each word's (start, end) where a token regex would match it
entire, found with str.find at the word's own places (few words), or all words in one automaton
pass (many words in a long text: str.find costs the text's length for every word asked for)."""

from __future__ import annotations

from collections.abc import Callable

import ahocorasick

Starts = Callable[[str], bool]
Ends = Callable[[str, int], bool]

# At or past this many characters, many words are found in one automaton pass: a 32 MB document
# has tens of thousands of distinct capitalised words, and str.find for each cost minutes.
LONG_TEXT = 1_000_000
# The automaton copies what it scans (4 bytes a character): the text is scanned a slice at a time.
_PIECE = 1 << 20


def find_whole(text: str, word: str, starts: Starts, ends: Ends) -> list[tuple[int, int]]:
    """Every (start, end) of `word` in `text` where `starts` accepts the character before it (a
    space at the text's start) and `ends` the text and the end."""
    found = []
    size = len(word)
    at = text.find(word)
    while at >= 0:
        end = at + size
        if starts(text[at - 1] if at else " ") and ends(text, end):
            found.append((at, end))
        at = text.find(word, at + 1)
    return found


def find_many(text: str, words: list[str], starts: Starts, ends: Ends) -> dict[str, list[tuple[int, int]]]:
    """{word: find_whole(text, word, starts, ends)} for every word of `words`."""
    found: dict[str, list[tuple[int, int]]] = {w: [] for w in words if w}
    if len(text) < LONG_TEXT or len(found) < 2:
        return {w: find_whole(text, w, starts, ends) for w in found}
    automaton = ahocorasick.Automaton()
    for w in found:
        automaton.add_word(w, w)
    automaton.make_automaton()
    # Every occurrence, overlapping ones too (as str.find from at + 1), each word's in order. The
    # slices overlap by the longest word less one; a match is the slice's where it starts.
    reach = max(map(len, found)) - 1
    for lo in range(0, len(text), _PIECE):
        for last, w in automaton.iter(text[lo : lo + _PIECE + reach]):
            at = lo + last + 1 - len(w)
            if at >= lo + _PIECE:
                continue
            end = at + len(w)
            if starts(text[at - 1] if at else " ") and ends(text, end):
                found[w].append((at, end))
    return found
