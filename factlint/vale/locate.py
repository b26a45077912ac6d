"""Where Vale places a match it cannot find verbatim in the file.

Vale lints text extracted from the markup, then looks each match up in the source. A match that
spans removed markup (`[the API in](url) in`, `the **the**`) is not there verbatim; Vale then
takes the sentence holding the match, and reports the first source line that contains every
word of it, at column 1 -- or drops the alert when no line does (core.guessLocation). factlint
knows the exact place, but reports Vale's, so that the output matches Vale's line for line.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"\w+(?:[.'’-]\w+)*|[^\w\s]")


def verbatim(source: str, shown: str) -> bool:
    """Whether the match text appears as is in the source (quotes compared loosely, as Vale)."""
    return source.replace("\u2019", "'").replace("\u2018", "'") == shown.replace("\u2019", "'")


def guess(text: str, sentence: str, match: str) -> int | None:
    """The offset of the start of the first line of `text` holding every token of `sentence`
    (the sentence holding the match), or None: Vale drops such an alert."""
    tokens = _TOKEN.findall(sentence if match in sentence or not sentence else sentence)
    if not tokens:
        return None
    offset = 0
    for line in text.split("\n"):
        if all(t in line for t in tokens):
            return offset
        offset += len(line) + 1
    return None
