"""Per-line features for residue classification, in the spirit of jusText and the C4/Gopher
filters: length, stop-word density in the document's language, terminal punctuation, share of
capitals and digits, separators of link lists, and shapes of page furniture (bylines, datelines,
credits, share counts, tag lists, menus) taken from the rule's table.

A *line* here is one non-empty line of the prose, except that a hard-wrapped paragraph (a long
line without closing punctuation followed by one starting in lower case) is one unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factlint.text.language import stopwords

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_TERMINAL = re.compile(r"[.!?…。！？][\"'”’»)\]*_]*$")
# Separators of menus, share bars and breadcrumbs ("Home | News", "A • B • C", "News › World").
_SEPARATORS = re.compile(r"\s[|•·›»/>–]\s|\s\|\s?|\s?\|\s")
# French and Swiss quotes put spaces inside guillemets ("« placent »"): a closing » there ends a
# quote, not a breadcrumb item.
# Informal prose ends a sentence with an emoji or an emoticon ("… und das gefällt mir 😉").
_EMOTICON = re.compile(r"(?:[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?|\s[:;]-?[)(DP]|\s<3)$")
_QUOTED = re.compile(r"«[^«»\n]*»")
_CODE = re.compile(r"[{};=]|\|--|->|\(\)")
_INVISIBLE = "\u200b\u200c\u200d\u2060\u2063\ufeff"
_DIGIT = re.compile(r"\d")
# A numeric date or a clock time ("03/05/2022", "2020-05-03", "21:44"); a bare year is not
# enough ("2000 GMT" is a kick-off time in a match box).
_DATE = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[:h]\d{2}\b")
_DATE_END = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$")
# A long paragraph is judged by its head; the furniture scans (digits, separators, dates) run
# on short lines only.
SAMPLE = 250
SHORT_CHARS = 250
INTRO_WORDS = 6
TOC_WORDS = 12
_COUNTS = re.compile(r"\(\s*\d[\d.,]*\s*\)|\b\d[\d.,]*\s*[kKmM]?\s*$|^\s*\d[\d.,]*\s*[kKmM]?\b")  # "(12)", "1.2k"
_TRIM = re.compile(r"^[\W\d_]+|[\W\d_]+$")


@dataclass
class Line:
    """One unit of text and what the classifier needs to know about it."""

    start: int
    end: int
    words: int
    stop: float  # share of stop words of the document's language
    terminal: bool  # ends with . ! ? … (closing quotes aside)
    capitals: float  # share of words that start with a capital letter
    upper: bool  # written in capitals ("MOST READ")
    digits: float  # share of characters that are digits
    separators: int  # menu/breadcrumb separators
    date: bool
    code: bool  # braces, assignments, arrows: a code or file-tree line, not a menu
    intro: bool = False  # a sentence ending in a colon: it introduces the list or table below
    key: str = ""  # a short line's core text, to find it again (a table of contents' entries)
    label: str | None = None  # residue label from the table (phrases, whole lines, prefixes)


def split_units(prose: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line, hard-wrapped paragraphs joined, ends trimmed."""
    units: list[list[int]] = []
    joinable = False
    for m in re.finditer(r"[^\n]+", prose):
        text = m.group()
        stripped = text.strip()
        if not stripped:
            joinable = False
            continue
        s = m.start() + len(text) - len(text.lstrip())
        e = m.end() - (len(text) - len(text.rstrip()))
        # A line that goes on: right below a long unpunctuated line, starting in lower case.
        if joinable and stripped[0].islower() and prose.count("\n", units[-1][1], s) == 1:
            units[-1][1] = e
        else:
            units.append([s, e])
        joinable = len(stripped) >= 50 and not _TERMINAL.search(stripped) and stripped[-1] not in ":;"
    return [(s, e) for s, e in units]


def measure(prose: str, start: int, end: int, lang: str) -> Line:
    """The features of one line. A long paragraph is judged by its head (SAMPLE characters): its
    share of stop words and of capitals does not change further on, and corpora have long ones."""
    text = prose[start:end]
    ended = text.rstrip(_INVISIBLE)  # "… to mix well.\u2063": the full stop still ends the line
    chars = len(text)
    head = text if chars <= SAMPLE else text[:SAMPLE]
    lowered = _WORD.findall(head.lower())
    sampled = len(lowered)
    n = sampled if chars <= SAMPLE else sampled + text.count(" ", SAMPLE)
    stops = stopwords(lang)
    stop = sum(map(stops.__contains__, lowered)) / sampled if sampled and stops else 0.0
    if sampled and chars <= SAMPLE:
        capitals = sum(1 for t in _WORD.findall(head) if t[0].isupper()) / sampled
        upper = sum(len(t) for t in lowered) >= 4 and head.upper() == head
    else:
        capitals, upper = 0.0, False
    short = chars <= SHORT_CHARS  # menus, datelines and credits are short: skip the scans on prose
    return Line(
        start=start,
        end=end,
        words=n,
        stop=stop,
        # A sentence that introduces a list, a quote or code ends in a colon ("Now, you can install
        # the requirements:"); a label ("Read also:", "Tags:") is shorter.
        terminal=bool(_TERMINAL.search(ended) or _EMOTICON.search(ended)) or (n >= INTRO_WORDS and ended.endswith(":")),
        capitals=capitals,
        upper=upper,
        digits=len(_DIGIT.findall(head)) / len(head) if short and head else 0.0,
        separators=len(_SEPARATORS.findall(_QUOTED.sub("", head) if "«" in head else head)) if short else 0,
        date=short and bool(_DATE.search(head)),
        code=short and bool(_CODE.search(head)),
        intro=n >= INTRO_WORDS and ended.endswith(":"),
        key=core_text(text) if n <= TOC_WORDS else "",
    )


def core_text(text: str) -> str:
    """The line without counts, arrows and punctuation around it, lower case: "Comments (12)" ->
    "comments", "» Read more" -> "read more"."""
    text = _COUNTS.sub(" ", text)
    return " ".join(_TRIM.sub("", text).lower().split())


def is_dateline(line: Line, text: str) -> bool:
    """A short line that is mostly a date or a time ("03/05/2022 21:44", "01.09.2004"), or a
    teaser that ends with its date ("Namibians want Germany to remove monuments 10.11.2019")."""
    if not line.date or line.terminal:
        return False
    return (line.words <= 4 and line.digits >= 0.3) or (line.words <= 15 and bool(_DATE_END.search(text)))
