"""Document: the text of one file or record, its prose view, blocks, sentences and positions.

Everything is computed lazily and once: a rule that never asks for sentences costs nothing for
sentence splitting.
"""
import re
from bisect import bisect_right

from factlint import markup

_BLANK_LINES = re.compile(r"\n[ \t\r]*\n\s*")
# A sentence ends at . ! ? or … (plus closing quotes/brackets) followed by white space.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)|:(?=[ \t]*\r?\n)")
_OPENERS = "\"'“‘«([-–—"
_WORD_BEFORE = re.compile(r"(\w+)\.?$")

# Abbreviations after which a full stop does not end a sentence (compared case-insensitively).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st sr jr gen col lt sgt capt cpl maj adm cmdr rev hon gov sen rep pres
    supt insp det ch messrs mme mlle inc ltd co corp plc bros llc dept univ assn est approx
    vs etc al eg ie cf viz jan feb mar apr jun jul aug sep sept oct nov dec mt ft fig vol ed eds
    pp nos op ave blvd rd""".split()
)


class Document:
    """A text to lint. `markup` is "text" or "markdown". `date` (optional) is the document's own
    date as an ISO string or datetime.date, for rules that check anniversaries."""

    def __init__(self, text, path="-", markup_kind="text", date=None, record=None):
        if text.startswith("\ufeff"):
            text = text[1:]
        self.text = text
        self.path = path
        self.markup = markup_kind
        self.record = record
        read = markup.markdown_prose if markup_kind == "markdown" else markup.text_prose
        self.prose, self._block_starts, self.directives, self.meta = read(text)
        self.date = date if date is not None else self.meta.get("date")
        self._lower = None
        self._line_starts = None
        self._blocks = None
        self._sentences = None
        self._sentence_starts = None

    # -- views --------------------------------------------------------------------------------
    @property
    def lower(self):
        """Lower-cased prose of the same length, line breaks as spaces (for the term automaton)."""
        if self._lower is None:
            from factlint.terms import lowered

            self._lower = lowered(self.prose)
        return self._lower

    # -- positions ----------------------------------------------------------------------------
    def position(self, offset):
        """1-based (line, column) of a character offset; columns count code points."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        i = bisect_right(self._line_starts, offset) - 1
        return i + 1, offset - self._line_starts[i] + 1

    def line_span(self, line):
        """(start, end) offsets of a 1-based line, without its newline."""
        self.position(0)
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.text)
        return start, end

    # -- structure ----------------------------------------------------------------------------
    @property
    def blocks(self):
        """Paragraph-like (start, end) spans of prose: split at blank lines and at the starts of
        Markdown headings, list items, quotes and table rows. Leading/trailing space trimmed."""
        if self._blocks is None:
            prose = self.prose
            cuts = [0]
            for m in _BLANK_LINES.finditer(prose):
                cuts.append(m.start())
                cuts.append(m.end())
            cuts.append(len(prose))
            spans = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)]
            if self._block_starts:
                spans = _split_at(spans, self._block_starts)
            blocks = []
            for start, end in spans:
                while start < end and prose[start].isspace():
                    start += 1
                while end > start and prose[end - 1].isspace():
                    end -= 1
                if end > start:
                    blocks.append((start, end))
            self._blocks = blocks
        return self._blocks

    @property
    def sentences(self):
        """(start, end, block_index) for every sentence, in order."""
        if self._sentences is None:
            out = []
            for bi, (bstart, bend) in enumerate(self.blocks):
                for start, end in split_sentences(self.prose, bstart, bend):
                    out.append((start, end, bi))
            self._sentences = out
            self._sentence_starts = [s[0] for s in out]
        return self._sentences

    def is_heading(self, block_index):
        """A one-line block without closing punctuation that is a Markdown heading or, in plain
        text, the first of several blocks (a headline)."""
        start, end = self.blocks[block_index]
        if "\n" in self.prose[start:end] or self.prose[end - 1] in ".!?…:;,\"'”’)":
            return False
        if self.markup == "markdown":
            line_start = self.text.rfind("\n", 0, start) + 1
            return self.text[line_start:start].lstrip().startswith("#")
        return block_index == 0 and len(self.blocks) > 1

    def sentence_index(self, offset):
        """Index into `sentences` of the sentence containing offset (or the one before it)."""
        sentences = self.sentences
        i = bisect_right(self._sentence_starts, offset) - 1
        return max(i, 0) if sentences else -1


def _split_at(spans, starts):
    out = []
    starts = sorted(starts)
    for start, end in spans:
        cut = start
        for s in starts:
            if start < s < end:
                out.append((cut, s))
                cut = s
        out.append((cut, end))
    return out


def split_sentences(prose, start, end):
    """Yield (start, end) sentence spans within prose[start:end]. Survives abbreviations
    ("U.S.", "Dr."), initials, decimals ("3.5"), thousands ("1,200") and quotations."""
    begin = start
    for m in _SENTENCE_END.finditer(prose, start, end):
        stop = m.end()
        nxt = stop
        while nxt < end and prose[nxt].isspace():
            nxt += 1
        if nxt >= end:
            break
        punct = m.group()
        if punct != ":" and not _starts_sentence(prose, nxt, end):
            continue
        if punct.startswith(".") and punct.rstrip("\"'”’»)]") == "." and _is_abbreviation(prose, begin, m.start(), nxt):
            continue
        yield begin, stop
        begin = nxt
    if begin < end:
        yield begin, end


def _starts_sentence(prose, i, end):
    ch = prose[i]
    while ch in _OPENERS and i + 1 < end:
        i += 1
        ch = prose[i]
    return ch.isupper() or ch.isdigit()


def _is_abbreviation(prose, begin, dot, nxt):
    m = _WORD_BEFORE.search(prose, max(begin, dot - 12), dot)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isalpha():  # an initial ("J. Smith") or part of "U.S."
        return word.isupper()
    low = word.lower()
    if low == "no":  # "No. 10" but not the answer "No."
        return prose[nxt].isdigit()
    return low in ABBREVIATIONS
