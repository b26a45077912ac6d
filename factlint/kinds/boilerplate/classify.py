"""Line classes, the article's prose core and context smoothing (after jusText's algorithm).

1. Each line gets a class from its own features: GOOD (long, stop-word-rich, punctuated prose),
   NEAR (a shorter sentence), SHORT (too short to judge alone) or BAD (page furniture: a table
   label, a menu, a headline-like link).
2. The prose core is the best-scoring run of lines (prose counts for, furniture against; a
   section break such as a comment form or a related-links header weighs most), grown over
   further substantial runs of prose with no section break between: the article's body. Photo
   credits between paragraphs weigh as furniture, not as a section break. The body keeps the list
   its last sentence announces ("…in short:") and a table of contents right above it. Lines
   outside it are residue (a headline right above it aside).
3. Inside the core, furniture is decided by its table label or menu shape and prose by its
   class; jusText's context smoothing gives the undecided lines between two pieces of furniture
   to the furniture, and those next to prose (subheadings, list items, table rows) to the
   article.
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
FRAGMENT_STOP = 0.6  # menus and headlines never have this many stop words
# Core scores: a long paragraph outweighs a few lines of furniture, a section break (a comment
# form, a related-links header) stops the core.
WEIGHTS = {GOOD: 3.0, NEAR: 1.0, SHORT: -0.25, BAD: -1.0}
BREAK_LABELS = {"comment section", "related links", "newsletter", "cookie notice", "copyright", "navigation"}
BREAK_WEIGHT = -8.0
LABEL_WEIGHT = -5.0
INLINE_LABELS = {"photo credit"}
LIST_RUN = 15
TOC_ENTRIES = 2  # one repeated line is a sign-off or a button ("Link copied"), not a table of contents
MERGE_SCORE = 5.0  # about two long paragraphs
HEADLINE_GAP = 2


def is_menu(line: Line) -> bool:
    """ "Home | News | Sport", a share bar, a breadcrumb: short items between separators."""
    return line.separators >= 2 and line.words / (line.separators + 1) <= 4 and not line.code


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
    if has_stops and line.words >= 4 and line.stop >= FRAGMENT_STOP and not line.upper:
        return NEAR  # a sentence fragment ("It is exactly these types of shortages that have been")
    if line.words < 4:
        return SHORT
    if not line.terminal and (line.capitals >= 0.6 or line.upper or (has_stops and line.stop < 0.15)):
        return BAD  # a headline-like link: "Harbour businesses count the cost of storm damage"
    return SHORT


def _weights(classes: list[str], lines: list[Line]) -> list[float]:
    out = []
    for cls, line in zip(classes, lines):
        weight = WEIGHTS[cls]
        if cls == GOOD:
            weight += min(line.words, 60) / 20
        elif cls == NEAR and not line.terminal:
            # An unpunctuated line: a list item or a related headline, unless it is as rich in
            # stop words as running prose (a sentence cut short).
            weight = WEIGHTS[NEAR] / 2 if line.stop >= FRAGMENT_STOP else WEIGHTS[SHORT]
        elif cls == BAD and line.label in BREAK_LABELS:
            weight = BREAK_WEIGHT
        elif cls == BAD and line.label in INLINE_LABELS:
            weight = WEIGHTS[BAD]
        elif cls == BAD and line.label:
            weight = LABEL_WEIGHT
        out.append(weight)
    return out


def _best_run(weights: list[float], lo: int, hi: int) -> tuple[float, int, int]:
    """(score, first, last) of the best-scoring run within [lo, hi) (Kadane's maximum subarray)."""
    best, span = 0.0, (lo, lo - 1)
    run, run_start = 0.0, lo
    for i in range(lo, hi):
        if run <= 0:
            run, run_start = weights[i], i
        else:
            run += weights[i]
        if run > best:
            best, span = run, (run_start, i)
    return best, span[0], span[1]


def prefix_runs(weights: list[float]) -> list[tuple[float, int, int]]:
    """_best_run(weights, 0, k) for every k, from one scan: the scan over [0, k) is the first k
    steps of the scan over the whole list."""
    out = [(0.0, 0, -1)]
    best, span = 0.0, (0, -1)
    run, run_start = 0.0, 0
    for i, weight in enumerate(weights):
        if run <= 0:
            run, run_start = weight, i
        else:
            run += weight
        if run > best:
            best, span = run, (run_start, i)
        out.append((best, span[0], span[1]))
    return out


class SuffixRuns:
    """_best_run(weights, lo, len(weights)) for the growing lo that prose_core asks.

    The scan from lo is a chain of segments (it starts a new run where the sum drops to zero or
    below), and a segment depends only on where it starts: each is summed once, in the order the
    scan adds it, and the best of the chain from each start is kept; a scan from inside a known
    segment rejoins the chain at that segment's end. The result is the first position of the
    chain's highest run sum, as the scan's strict `>` keeps it."""

    def __init__(self, weights: list[float]) -> None:
        self.weights = weights
        self.best: list[tuple[float, int, int] | None] = [None] * len(weights)

    def __call__(self, lo: int) -> tuple[float, int, int]:
        weights, memo, n = self.weights, self.best, len(self.weights)
        path = []
        r = lo
        while r < n and memo[r] is None:
            run = top = weights[r]
            at, i = r, r + 1
            while i < n and run > 0:
                run += weights[i]
                if run > top:
                    top, at = run, i
                i += 1
            path.append((top, r, at))
            r = i
        later = memo[r] if r < n else None
        for segment in reversed(path):
            if later is None or segment[0] >= later[0]:
                later = segment
            memo[segment[1]] = later
        found = memo[lo] if lo < n else None
        return found if found is not None and found[0] > 0 else (0.0, lo, lo - 1)


def prose_core(classes: list[str], lines: list[Line]) -> tuple[int, int] | None:
    """(first, last) index of the article's prose core, or None when the text has no prose.

    The best-scoring run of lines, then grown over further runs of prose (a recipe's method
    after its ingredient list, a second part after a table) when they are substantial and no
    section break (a comment form, a related-links header, a copyright line) lies between.
    The runs before and after the core are those of _best_run, read from tables built once (a
    fresh scan per step was quadratic in the number of lines)."""
    weights = _weights(classes, lines)
    before = prefix_runs(weights)
    after = SuffixRuns(weights)
    score, first, last = before[len(lines)]
    if last < first or not any(c in (GOOD, NEAR) for c in classes[first : last + 1]):
        return None
    breaks = [bool(lines[i].label in BREAK_LABELS) for i in range(len(lines))]
    while True:
        grown = False
        score, a, b = after(last + 1)
        if b >= a and score >= MERGE_SCORE and not any(breaks[last + 1 : a]):
            last, grown = b, True
        score, a, b = before[first]
        # Before the core, a lone break is an in-body promo ("Sign up for our newsletter" after
        # the lead): page furniture above an article is not long prose.
        if b >= a and score >= MERGE_SCORE and sum(breaks[b + 1 : first]) <= 1:
            first, grown = a, True
        if not grown:
            return first, last


def _extend(core: tuple[int, int], lines: list[Line]) -> tuple[int, int]:
    """A long run of unlabelled lines right after (or before) the core is a list or table of the
    article (the signatories of a letter, a table of results, references, a recipe's
    ingredients): a menu or a related-links box is shorter, or names itself somewhere ("Home",
    "Related")."""
    first, last = core
    j = last + 1
    while j < len(lines) and not lines[j].label and lines[j].separators < 2:
        j += 1
    # The core's last sentence announces what follows ("I'll summarize them:"): its list, even
    # when the core took in its first items.
    k = last
    while k > first and not lines[k].terminal and lines[k].words < LONG_WORDS:
        k -= 1
    if j - last - 1 >= LIST_RUN or lines[k].intro:
        last = j - 1
    j = first - 1
    while j >= 0 and not lines[j].label and lines[j].separators < 2:
        j -= 1
    if first - j - 1 >= LIST_RUN:
        first = j + 1
    return _contents_above(lines, first, last), last


def _contents_above(lines: list[Line], first: int, last: int) -> int:
    """The new first line of the core when a table of contents sits right above it: lines whose
    text comes back in the body as subheadings (a line right above a paragraph); the body's own
    first subheading, and the table's last entries, may already be in the core."""

    def paragraph(i: int) -> bool:
        return i < len(lines) and lines[i].words >= LONG_WORDS and lines[i].terminal

    headings = {lines[i].key for i in range(max(first - 1, 0), last) if lines[i].key and paragraph(i + 1)}
    j = first
    while j > 0 and lines[j - 1].key in headings and not lines[j - 1].label:
        j -= 1
    lead = first
    while lead <= last and not paragraph(lead):
        lead += 1
    entries = sum(lines[i].key in headings and not paragraph(i + 1) for i in range(j, lead))
    return j if entries >= TOC_ENTRIES else first


def smooth(decided: list[str | None]) -> list[bool]:
    """jusText's context step over undecided lines (None): one whose nearest decided neighbours
    on both sides are BAD is BAD; one with a BAD line on one side and the edge of the text on the
    other is BAD too. Returns, per line, whether it ends up BAD."""
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
    for i, c in enumerate(decided):
        if c is not None:
            out.append(c == BAD)
        else:
            out.append(prev[i] in (BAD, None) and nxt[i] in (BAD, None) and BAD in (prev[i], nxt[i]))
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
    # Inside the core, page furniture is decided by its table label or menu shape, prose by its
    # class; short lines between two pieces of furniture (a related-links box, a share bar
    # with its counts) go with them, those next to prose stay article (subheadings, list items).
    decided: list[str | None] = []
    for line, cls in zip(lines, classes):
        if line.label or is_menu(line):
            decided.append(BAD)
        elif cls == GOOD or (cls == NEAR and line.terminal):
            decided.append(GOOD)
        else:
            decided.append(None)
    smoothed = smooth(decided[first : last + 1])
    flags = []
    for i in range(len(lines)):
        if i in exempt:
            flags.append(False)
        elif first <= i <= last:
            flags.append(smoothed[i - first])
        else:
            flags.append(True)
    return flags
