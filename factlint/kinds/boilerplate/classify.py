"""Line classes, the article's prose core and context smoothing (after jusText's algorithm).

1. Each line gets a class from its own features: GOOD (long, stop-word-rich, punctuated prose),
   NEAR (a shorter sentence), SHORT (too short to judge alone) or BAD (page furniture: a table
   label, a menu, a headline-like link).
2. The prose core is the run of lines with the highest score (good lines count for, bad ones
   against): the densest stretch of article prose. Lines outside it are residue; lines inside it
   are article (in-body subheadings, lists and tables) unless they are page furniture by their
   table label or shape.
3. Context smoothing: SHORT and NEAR lines take the class of the GOOD/BAD lines around them, so
   that a residue block absorbs its short separators and the core its subheadings.
"""
from __future__ import annotations

from factlint.kinds.boilerplate.features import Line

GOOD, NEAR, SHORT, BAD = "good", "near", "short", "bad"

# jusText's thresholds, in words rather than characters (70/200 characters ~ 10/30 words) and
# with its stop-word shares, which hold across its language lists.
LONG_WORDS = 10
VERY_LONG_WORDS = 30
STOP_HIGH = 0.30
STOP_LOW = 0.20
# Core scores: a long paragraph outweighs a few lines of furniture, a section break (a comment
# form, a related-links header) stops the core.
WEIGHTS = {GOOD: 3.0, NEAR: 1.0, SHORT: -0.25, BAD: -1.0}
BREAK_LABELS = {"comment section", "related links", "newsletter", "cookie notice", "copyright", "navigation"}
BREAK_WEIGHT = -8.0
LIST_RUN = 20
import os as _os
if _os.environ.get("FL_W"):
    _w = [float(x) for x in _os.environ["FL_W"].split(",")]
    WEIGHTS = {GOOD: _w[0], NEAR: _w[1], SHORT: _w[2], BAD: _w[3]}
    BREAK_WEIGHT = _w[4]
    LIST_RUN = int(_w[5])
HEADLINE_GAP = 3


def is_menu(line: Line) -> bool:
    """"Home | News | Sport", a share bar, a breadcrumb: short items between separators."""
    return line.separators >= 2 and line.words / (line.separators + 1) <= 4


def line_class(line: Line, has_stops: bool) -> str:
    """The class of a line from its own features (context comes later)."""
    if line.label:
        return BAD
    if line.words == 0:
        return SHORT
    if is_menu(line):
        return BAD
    stop_ok_high = line.stop >= STOP_HIGH or not has_stops
    stop_ok_low = line.stop >= STOP_LOW or not has_stops
    if line.words >= LONG_WORDS and stop_ok_low and (line.terminal or line.words >= VERY_LONG_WORDS):
        return GOOD if stop_ok_high or line.words >= VERY_LONG_WORDS else NEAR
    if line.terminal and line.words >= 4 and stop_ok_low:
        return NEAR
    if line.words >= LONG_WORDS and stop_ok_high and not line.upper:
        return NEAR  # a long unpunctuated sentence: a truncated paragraph, a list item
    if line.words < 4:
        return SHORT
    if not line.terminal and (line.capitals >= 0.6 or line.upper or (has_stops and line.stop < 0.15)):
        return BAD  # a headline-like link: "Harbour businesses count the cost of storm damage"
    return SHORT


def prose_core(classes: list[str], lines: list[Line]) -> tuple[int, int] | None:
    """(first, last) index of the best-scoring run of lines (Kadane's maximum subarray), or None
    when the text has no prose at all."""
    best, best_span = 0.0, None
    run, run_start = 0.0, 0
    for i, cls in enumerate(classes):
        weight = WEIGHTS[cls]
        if cls == GOOD:
            weight += min(lines[i].words, 60) / 20
        elif cls == NEAR and not lines[i].terminal:
            weight = WEIGHTS[SHORT]  # an unpunctuated line: a list item or a related headline
        elif cls == BAD and lines[i].label in BREAK_LABELS:
            weight = BREAK_WEIGHT
        if run <= 0:
            run, run_start = weight, i
        else:
            run += weight
        if run > best:
            best, best_span = run, (run_start, i)
    if best_span is None or not any(c in (GOOD, NEAR) for c in classes[best_span[0]:best_span[1] + 1]):
        return None
    return best_span


def _extend(core: tuple[int, int], lines: list[Line]) -> tuple[int, int]:
    """A long run of unlabelled lines right after the core is a list or table of the article (the
    signatories of a letter, a table of results, references): a menu or a related-links box is
    shorter, or names itself somewhere ("Home", "Related")."""
    first, last = core
    j = last + 1
    while j < len(lines) and not lines[j].label and lines[j].separators < 2:
        j += 1
    if j - last - 1 >= LIST_RUN:
        last = j - 1
    return first, last


def smooth(classes: list[str]) -> list[str]:
    """jusText's context step: a SHORT or NEAR line between two lines of the same decided class
    takes that class; one next to a BAD line on one side and nothing decided on the other is BAD."""
    decided = [c if c in (GOOD, BAD) else None for c in classes]
    prev: list[str | None] = []
    last = None
    for c in decided:
        prev.append(last)
        if c is not None:
            last = c
    nxt: list[str | None] = [None] * len(decided)
    last = None
    for i in range(len(decided) - 1, -1, -1):
        nxt[i] = last
        if decided[i] is not None:
            last = decided[i]
    out = []
    for i, c in enumerate(classes):
        if c in (GOOD, BAD):
            out.append(c)
        elif prev[i] == nxt[i] and prev[i] is not None:
            out.append(prev[i])
        elif BAD in (prev[i], nxt[i]) and None in (prev[i], nxt[i]):
            out.append(BAD)
        elif c == NEAR:
            out.append(GOOD)
        else:
            out.append(BAD if GOOD not in (prev[i], nxt[i]) else GOOD)
    return out


def classify(lines: list[Line], has_stops: bool, exempt: set[int], headline: bool = False) -> list[bool]:
    """Per line: is it residue? `exempt` lines (Markdown headings) never are, nor is the first
    line when `headline` (it looks like one) and the prose core starts right below it (at most a
    byline or dateline between): a text's own headline, not the first line of a page's menu."""
    classes = [line_class(line, has_stops) for line in lines]
    core = prose_core(classes, lines)
    if core is None:
        # No prose to anchor on: only lines the table or a menu shape names are residue.
        return [c == BAD and i not in exempt and bool(lines[i].label) for i, c in enumerate(classes)]
    first, last = _extend(core, lines)
    if headline and first <= HEADLINE_GAP:
        exempt = exempt | {0}
    smoothed = smooth(classes)
    flags = []
    for i, line in enumerate(lines):
        if i in exempt:
            flags.append(False)
        elif first <= i <= last:
            flags.append(bool(line.label) and classes[i] == BAD)
        else:
            flags.append(True)
    return flags
