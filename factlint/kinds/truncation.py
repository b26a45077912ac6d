"""truncation (factlint): the text ends mid-sentence. The last line has no closing punctuation
and either
* ends with ':' ',' ';' or a dash, or in a word that cannot end a sentence (a function word of
  the text's language, from the rule's `function_words`), or
* is a prose paragraph that simply stops ("…the company said it would"): long enough, rich in
  stop words, in a text whose other paragraphs end with punctuation.
A complete text may well end without punctuation — a list item, a signature, a source note, a
URL, a credit, a code line or a heading-like short line — so the prose test leaves those alone.
Closing quotes and brackets after the punctuation are allowed. Only prose that really ends the
file counts (a Markdown ':' before a code block is fine)."""

from __future__ import annotations

import re
import unicodedata

from factlint.kinds.base import Key, RuleKind
from factlint.text.language import density, stopwords

_CLOSERS = "\"'”’“‘»«)]*_"
_LAST_WORD = re.compile(r"(\w+)\W*$")
_TAIL_WINDOW = 200  # characters at the end of a text where its last word and sentence start are sought
_TERMINAL = re.compile(r"[.!?…。！？][\"'”’»)\]*_]*$")
# A prose paragraph is at least this long; its share of stop words at least that of ordinary
# running text in jusText's lists (titles and name lists sit well below).
PROSE_WORDS = 8
PROSE_STOP = 0.25
NOTE_WORDS = 25
TITLE_SHARE = 0.8
# Not prose, whatever its length: a labelled note ("Source: …", "Photo (cc): …") with its colon
# among the first words, a credit ("Editing by Jane Smith"), a link or an address, a signature
# or tweet attribution ("— Name (@handle)"), a menu ("A | B | C"), a copyright line.
_LABEL = re.compile(
    r"^\W*(?:[^\W\d_][\w.-]*\s*){1,4}(?:\([^)]{0,20}\)\s*)?:"
    r"|\b(?:credits?|source|sources|quelle|fuente|fonte|źródło|bron|photo|foto|image|bild)\s*:",
    re.I,
)
_CREDIT = re.compile(
    r"^\W*(?i:by|von|par|por|di|przez|door)\s+[A-ZÀ-ÖØ-Þ]|\b(?i:reporting|editing|written|posted|photos?|images?)\s+by\b"
    r"|(?<=[.!?…\"”])\s+[-–—]\s?[A-ZÀ-ÖØ-Þ][^.!?]{0,60}$"  # "… sustains. -Hippolyte Taine, critic"
)
# After the last full stop: initials of the reporter ("(BA)"), an emoji or an ornament ("❖").
_TRAILER = re.compile(r"(?<=[.!?…\"”’»)])\s*(?:\([A-Z]{1,4}\)|[^\w\s.!?…,:;\"”’»)\]-]+)$")
_LINK = re.compile(r"https?://|www\.|\S@\S+\.\w|\.(?:com|org|net|de|fr|es|pl)\b")
_SIGNATURE = re.compile(r"^\s*[-–—~]|[|•·►>]|©|\(c\)", re.I)
# A paragraph ends properly with closing punctuation or with a colon before a list or a link;
# footnote marks after it ("… Entwicklung. [3]") do not count.
_ENDED = re.compile(r"[.!?…。！？:][\"'”’“»)\]*_]*$")
_FOOTNOTES = re.compile(r"(?:\s*\[\d+\])+$")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+")
# An author's tagline: "Jane Smith is technology correspondent for …", "… ist Redakteurin bei …".
_BIO = re.compile(
    r"^\W*[A-ZÀ-ÖØ-Þ][\w'’.-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.-]+){1,3}\s+(?:is|was|ist|est|es|è|é|jest)\s+"
    r"(?:[\w-]+\s+){0,4}(?i:correspondent|editor|reporter|writer|journalist|columnist|contributor|producer|author"
    r"|presenter|analyst|redakteur|redakteurin|korrespondent|korrespondentin|journalistin|autor|autorin|journaliste"
    r"|rédacteur|rédactrice|correspondant|correspondante|periodista|redactor|redactora|corresponsal|giornalista"
    r"|redattore|jornalista|repórter|dziennikarz|dziennikarka|redaktor|verslaggever|redacteur)"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?…:]\s+|\n\s*)$")
_CODE = re.compile(r"[{}]|\)\s*;$|^\s*(?:import|def|var|let|const|return)\s")
_WORD = re.compile(r"[^\W\d_]+")
# Other paragraphs that must end with punctuation for the last one to count as cut prose.
PUNCTUATED_SHARE = 0.4


_TRAILER_CHAR = re.compile(r"[^\w\s.!?…,:;\"”’»)\]-]")


def strip_trailer(text: str) -> str:
    """_TRAILER.sub("", text) for a text without trailing white space, searched in its last
    _TAIL_WINDOW characters only (from the start, the search costs the whole paragraph). A
    trailer is white space and symbols, or "(AB)": the window holds all of it unless it starts
    on one of those characters, or on the "(" of a trailer whose look-behind lies before it."""
    cut = len(text) - _TAIL_WINDOW
    if cut <= 0:
        return _TRAILER.sub("", text)
    first = text[cut]
    if first.isspace() or first == "(" or _TRAILER_CHAR.match(first):
        return _TRAILER.sub("", text)
    return text[:cut] + _TRAILER.sub("", text[cut:])


class Truncation(RuleKind):
    name = "truncation"
    category = "truncation"
    keys = {"function_words": Key((list, dict), True, None)}

    def compile(self, ctx):
        words = self.option("function_words")
        by_lang = words if isinstance(words, dict) else {"en": words}
        self.function_words = {
            str(lang): {w.lower() for w in ctx.strings("function_words", items or [])}
            for lang, items in by_lang.items()
        }

    def check(self, doc, hits):
        blocks = doc.blocks
        if not blocks:
            return
        b_start, b_end = blocks[-1]
        if doc.text[b_end:].strip():
            return  # something that is not prose (code, HTML) ends the file
        if doc.is_heading(len(blocks) - 1):
            return
        prose = doc.prose
        tail = strip_trailer(prose[b_start:b_end].rstrip()).rstrip(_CLOSERS + " \t\r\n\u2063\u200b")
        if not tail or tail[-1] in ".!?…" or unicodedata.category(tail[-1]) == "So":
            return  # closing punctuation, or an emoji that closes the sentence
        line = tail[tail.rfind("\n") + 1 :].strip()
        reason = self._reason(doc, line, tail)
        if reason:
            s_start, s_end = doc.block_sentences(len(blocks) - 1)[-1]
            yield self.finding(doc, s_start, s_end, (reason,))

    def _reason(self, doc, line: str, tail: str) -> str | None:
        if _CODE.search(line):
            return None  # a code line ends the text
        if tail[-1] in ":,;-–—":
            if tail[-1] == ":" and line.upper() == line:
                return None  # "MORE INFORMATION:", a heading over what the scraper left out
            return f"ends with '{tail[-1]}'"
        lang = doc.language
        # Searched from near the end only: from the start, `(\w+)\W*$` is quadratic on a long run of
        # letters followed by another word (40,000 letters and " b": 25 s).
        m = _LAST_WORD.search(tail, max(0, len(tail) - _TAIL_WINDOW))
        if m:
            last = m.group(1).lower()
            words = self.function_words.get(lang) or self.function_words.get("en", set())
            # "See Also" is a heading, "…features on" a cut sentence: a function word that is
            # capitalised after the first word belongs to a title.
            before = max(0, m.start(1) - _TAIL_WINDOW)  # `\s+$` is quadratic on a long run of spaces
            if last in words and (m.group(1).islower() or _SENTENCE_START.search(tail, before, m.start(1))):
                return f"ends with '{m.group(1)}'"
        if self._cut_prose(doc, line, lang):
            return "the last paragraph stops without closing punctuation"
        return None

    def _cut_prose(self, doc, line: str, lang: str) -> bool:
        """The last line is a sentence that stops: prose-shaped, in a text of punctuated prose."""
        n, stop = density(line, lang)
        stops = stopwords(lang)
        if n < PROSE_WORDS or (stops and stop < PROSE_STOP):
            return False
        if _CREDIT.search(line) or _CODE.search(line):
            return False
        # Notes, links and signatures are short; a long line that starts with a dash or a
        # speaker's name and a colon is dialogue or an interview, i.e. prose.
        last = _SENTENCE_BREAK.split(line)[-1]  # "…Subs: Howard, Giggs. Referee: R Styles"
        if n <= NOTE_WORDS and (_LABEL.match(line) or _LINK.search(line) or _SIGNATURE.search(line)):
            return False
        if len(last.split()) <= NOTE_WORDS and (_LABEL.match(last) or _LINK.search(last) or _BIO.match(last)):
            return False
        tokens = _WORD.findall(line)
        content = [t for t in tokens if t.lower() not in stops]
        if line.upper() == line or (
            content and sum(1 for t in content if t[0].isupper()) >= TITLE_SHARE * len(content)
        ):
            return False  # a title or a name list (German nouns alone do not make one)
        if tokens[-1].isupper() or not line.rstrip()[-1].isalnum():
            # A complete sentence that lost its full stop may end on an acronym or a symbol
            # ("…out on 9 November in the UK", "…expanded by 1.3%"): leave those be.
            return False
        others = [doc.prose[s:e] for s, e in doc.blocks[:-1]]
        prose = [t for t in others if len(t.split()) >= PROSE_WORDS]
        if not prose:
            return True  # the text is this one paragraph
        ended = sum(1 for t in prose if _ENDED.search(_FOOTNOTES.sub("", t.rstrip())))
        return ended >= PUNCTUATED_SHARE * len(prose)
