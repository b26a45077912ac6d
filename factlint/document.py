"""Document: the text of one file or record, its prose view, blocks, sentences and positions.

Everything is computed lazily and once: a rule that never asks for sentences costs nothing for
sentence splitting.
"""

import re
from array import array
from bisect import bisect_right
from operator import itemgetter

import factlint.native as native
from factlint import markup
from factlint.terms import lowered
from factlint.text.language import detect

_BLANK_LINES = re.compile(r"\n[ \t\r]*\n\s*")
# A sentence ends at . ! ? or … (plus closing quotes/brackets in group "p") followed by white
# space and a sentence start: opening quotes or brackets (_OPENERS), then an upper-case letter or
# a digit (group "c" is a letter or digit, checked in Python: `re` has no upper-case class). A
# colon ends one at the end of a line. One regex finds both, white space included, so the Python
# loop runs once per candidate, never per character; it starts with one character class, which
# lets `re` skip ahead fast (twice the speed of an alternation of the two forms).
_OPENERS = "\"'“‘«([-–—"
_CLOSERS = "\"'”’»)]"
_SENTENCE_END = re.compile(
    r"[.!?…:](?:(?<=:)(?=[ \t]*\r?\n)\s*"
    r"|(?<!:)(?P<p>[.!?…]*[\"'”’»)\]]*)\s+(?=[\"'“‘«(\[\-–—]*(?P<c>[^\W_])))"
)

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
        # The language the author declares (front matter `language:`/`lang:`) wins over the
        # configured one (set by the engine), which wins over detection; see `language`.
        declared = self.meta.get("language") or self.meta.get("lang")
        self.declared_language = str(declared).split("-")[0].lower() if declared else None
        self._language = None
        self._lower = None
        self._line_starts = None
        self._blocks = None
        self._sentences = None
        self._block_sentences = {}
        self.memo = {}  # per-document analyses that several rules share: see shared()
        self._headings = {}

    def shared(self, key, compute):
        """The result of `compute()` for this document, computed once and shared by every rule
        that asks with an equal `key` (hashable; include what the analysis depends on, e.g. the
        rule's term handles). Attribution's two rules analyse a document's figures once this
        way; `doc.memo` is the underlying dict."""
        try:
            return self.memo[key]
        except KeyError:
            value = self.memo[key] = compute()
            return value

    # -- views --------------------------------------------------------------------------------
    @property
    def lower(self):
        """Lower-cased prose of the same length, line breaks as spaces (for the term automaton)."""
        if self._lower is None:
            self._lower = _lowered(self.prose)
        return self._lower

    @property
    def language(self):
        """ISO 639-1 code of the text's language: declared, else detected from stop words, else
        "en" (a text too short or too odd to tell is treated as the default, English)."""
        if self._language is None:
            self._language = self.declared_language or detect(self.prose) or "en"
        return self._language

    # -- positions ----------------------------------------------------------------------------
    def position(self, offset):
        """1-based (line, column) of a character offset; columns count code points."""
        if self._line_starts is None:
            # CR LF, LF and a lone CR (old Mac files, some scrapers) each end a line. An array:
            # 8 bytes a line, not 40 (a list of ints), in a long document.
            self._line_starts = array("q", [0])
            self._line_starts.extend(m.end() for m in re.finditer("\r\n?|\n", self.text))
        i = bisect_right(self._line_starts, offset) - 1
        return i + 1, offset - self._line_starts[i] + 1

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
            self._sentences = [
                (start, end, bi) for bi in range(len(self.blocks)) for start, end in self.block_sentences(bi)
            ]
        return self._sentences

    def block_sentences(self, block_index):
        """(start, end) of the sentences of one block. Blocks are split on first use: a rule that
        looks only at the sentences around a figure or a mention pays for those blocks alone."""
        found = self._block_sentences.get(block_index)
        if found is None:
            start, end = self.blocks[block_index]
            found = self._block_sentences[block_index] = list(split_sentences(self.prose, start, end))
        return found

    def sentence_at(self, offset):
        """(block index, sentence number within the block) of the sentence containing offset (or
        the one before it), or None in a document without prose."""
        blocks = self.blocks
        if not blocks:
            return None
        # Bisected by their starts in place: no list of the starts beside the spans.
        bi = max(bisect_right(blocks, offset, key=_START) - 1, 0)
        return bi, max(bisect_right(self.block_sentences(bi), offset, key=_START) - 1, 0)

    def is_heading(self, block_index):
        """A one-line block without closing punctuation that is a Markdown heading or, in plain
        text, the first of several blocks (a headline)."""
        # Kinds ask once per sentence: answered once per block, or a long block would cost its
        # length for each of its sentences.
        known = self._headings.get(block_index)
        if known is None:
            known = self._headings[block_index] = self._is_heading(block_index)
        return known

    def _is_heading(self, block_index):
        start, end = self.blocks[block_index]
        if self.prose.find("\n", start, end) != -1 or self.prose[end - 1] in ".!?…:;,\"'”’)":
            return False
        if self.markup == "markdown":
            line_start = self.text.rfind("\n", 0, start) + 1
            return self.text[line_start:start].lstrip().startswith("#")
        return block_index == 0 and len(self.blocks) > 1


_START = itemgetter(0)
# Past this many characters a non-ASCII text is lowered a piece at a time (see _lowered).
_LOWER_PIECE = 1 << 20


def _lowered(text):
    """terms.lowered(text), a piece at a time for a long non-ASCII text: str.lower() of one
    works in a buffer of 12 bytes a character (380 MB for a 32 MB document). A piece ends
    after a space: no case mapping looks across one (final sigma reads its neighbours, up to
    the nearest character that is neither a letter nor case-ignorable). A text with the one
    character whose lower case is longer (İ) is lowered whole: lowered() then lowers each
    character on its own, without final sigma, which pieces would not reproduce."""
    if len(text) <= _LOWER_PIECE or text.isascii() or "\u0130" in text:
        return lowered(text)
    pieces, start, n = [], 0, len(text)
    while start < n:
        cut = text.find(" ", start + _LOWER_PIECE)
        end = n if cut < 0 else cut + 1
        pieces.append(lowered(text[start:end]))
        start = end
    return "".join(pieces)


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
    """(start, end) sentence spans within prose[start:end] (see py_split_sentences), from the
    core factlint/native.py chose."""
    if native.rust is not None:
        return native.rust.split_sentences(prose[start:end], start)
    return list(py_split_sentences(prose, start, end))


def py_split_sentences(prose, start, end):
    """Yield (start, end) sentence spans within prose[start:end]. Survives abbreviations
    ("U.S.", "Dr."), initials, decimals ("3.5"), thousands ("1,200") and quotations."""
    begin = start
    for m in _SENTENCE_END.finditer(prose, start, end):
        nxt = m.end()
        rest = m.group("p")  # the punctuation after the first character
        if rest is None:  # a colon at the end of a line
            if nxt >= end:
                break
            stop = m.start() + 1
        else:
            ch = m.group("c")
            if not (ch.isupper() or ch.isdigit()):
                continue
            stop = m.end("p")
            # A single full stop (closing quotes aside) may end an abbreviation instead.
            if prose[m.start()] == "." and not rest.rstrip(_CLOSERS) and _is_abbreviation(prose, begin, m.start(), nxt):
                continue
        yield begin, stop
        begin = nxt
    if begin < end:
        yield begin, end


def _is_abbreviation(prose, begin, dot, nxt):
    # The word before the full stop, at most 12 characters back: scanned by hand (a regex
    # search would try each of the 12 positions), as `(\w+)\.?$` would find it.
    low_bound = max(begin, dot - 12)
    end = dot
    if end > low_bound and prose[end - 1] == "\n":  # `$` also matches before a final line break
        end -= 1
    if end > low_bound and prose[end - 1] == ".":
        end -= 1
    start = end
    while start > low_bound and (prose[start - 1].isalnum() or prose[start - 1] == "_"):
        start -= 1
    if start == end:
        return False
    word = prose[start:end]
    if len(word) == 1 and word.isalpha():  # an initial ("J. Smith") or part of "U.S."
        return word.isupper()
    low = word.lower()
    if low == "no":  # "No. 10" but not the answer "No."
        return prose[nxt].isdigit()
    return low in ABBREVIATIONS
