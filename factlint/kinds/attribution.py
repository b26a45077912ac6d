"""attribution (factlint): a figure stated as a news claim needs a source.

A sentence with a claim figure is attributed when it has a reporting cue ("said", "according
to", "figures from"…), when the figure sits inside a quotation (a quotation has a speaker), or
when the previous sentence of the same paragraph carries a source ("It added that…"). Years,
dates, times, durations, ordinals, ages, scores, street numbers and numbered names ("Formula 1")
are not claims.

`report: unattributed` flags claims with no source (casualty and displacement figures at
`casualty_level`); `report: vague` flags figures whose only source is vague ("experts say").
Cue lists live in the rule's `table:` so an editor can extend them.

Speed: every word list goes into the shared automaton (factlint.terms), digit figures come from
one regex whose first character is a digit or a currency sign, and only sentences that hold a
figure are looked at. The analysis is made once per document and shared by every attribution
rule over the same table (Document.memo).
"""
import re

from factlint.lazyre import lazy_compile
from bisect import bisect_left

from factlint.kinds.base import Key, RuleKind

_SCALE = r"(?:\s?(?:m|bn|k|tn|million|billion|trillion)\b)"
# The leading look-ahead lets the regex engine skip to digits and currency signs (5x faster);
# written with ranges, not \d (a Unicode category test at every character), it is 25% faster
# again. Non-ASCII characters pass it so that other scripts' digits still reach \d below.
_DIGIT_FIGURE = lazy_compile(
    "(?=[$£€¥0-9\u0080-\U0010ffff])"
    r"(?:(?P<money>[$£€¥]\s?\d[\d,]*(?:\.\d+)?" + _SCALE + r"?)"
    r"|(?P<pct>(?<![\w.,])\d[\d,]*(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b))"
    r"|(?P<num>(?<![\w.,/:£$€#-])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w|[.,:/-]\d)" + _SCALE + r"?"
    r"|(?<![\w.,/:£$€#-])\d+(?:\.\d+)?" + _SCALE + r"?(?!\w|[.,:/-]\d|[-–]\w)))"
)
# Figures in words, by kind: multitudes, shares, and number words (claims only when they count
# casualties: "two ministers met" needs no source).
_WORD_FIGURES = {
    "words": ["tens of thousands", "tens of millions", "hundreds of thousands", "hundreds of millions",
              "hundreds", "thousands", "dozens", "scores", "millions"],
    "fraction": ["a third of", "one third of", "one-third of", "a quarter of", "one quarter of",
                 "a fifth of", "two-thirds of", "two thirds of", "three-quarters of",
                 "three quarters of", "two-fifths of"],
    "numword": ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                "ninety"],
}
_WORD_TERMS = [t for terms in _WORD_FIGURES.values() for t in terms]
_WORD_KINDS = [k for k, terms in _WORD_FIGURES.items() for _t in terms]
_NOT_PEOPLE = lazy_compile(r"\s+of\s+(?:years|miles|pounds|dollars|euros|tonnes|litres|hours)\b", re.I)

_UNITS_AFTER = lazy_compile(
    r"\s?-?\s?(?:years?|yrs?|months?|weeks?|days?|nights?|hours?|hrs?|minutes?|mins?|seconds?|secs?|decades?|"
    r"centur(?:y|ies)|year-olds?|-year|am|pm|a\.m\.|p\.m\.|GMT|BST|ET|BC|AD|"
    r"km|kilometres?|kilometers?|miles?|metres?|meters?|m|cm|mm|feet|foot|ft|inch(?:es)?|in\b|kg|g|lb|lbs|"
    r"tonnes?|tons?|mph|km/h|kph|GB|MB|KB|TB|MHz|GHz|Mbps|megapixels?|mAh|W|kW|MW|volts?|"
    r"degrees?|°|points?|pts|goals?|runs?|wickets?|laps?|sets?|games?|holes?|strokes?|seeds?|"
    r"st|nd|rd|th|times|fold|place|spot|position)\b",
)
# Words right before a number that make it a label, an age or a rank, not a claim.
_CONTEXT_BEFORE = lazy_compile(
    r"\b(?:aged|age|ages|age of|ages of|no|number|top|page|chapter|section|article|level|grade|"
    r"category|room|junction|platform|flight|route|rule|clause|version|model|series|season|vol|"
    r"volume|episode|issue|round|gate|bus|channel|radio|phase|stage|week|day|part|under-|u)\.?\s*$",
    re.I,
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_MONTH_AFTER = lazy_compile(r"\s*" + _MONTH)
_MONTH_BEFORE = lazy_compile(_MONTH + r"\s$")
_STREET = lazy_compile(r"\s+(?:[A-Z][a-z]+\s+){1,2}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Square|Place|Drive|Way|Court)\b")
_APPOSITION = lazy_compile(r"\b[A-Z][\w'’-]+,\s?$")
_SCALE_AFTER = lazy_compile(r"\s?(?:m|bn|million|billion)\b")
# A capitalised word right before a number names something ("Apollo 11", "Windows 95", "G8"),
# unless it is an ordinary sentence opener ("About 500 people…").
_CAPITALISED_BEFORE = lazy_compile(r"\b([A-Z][A-Za-z]*[a-z][A-Za-z]*|[A-Z]{2,}\w*)\s$")
_SENTENCE_OPENERS = frozenset(
    """About Around Almost Nearly Over Under Only Just Some More Fewer Less Least Most Many At In
    On By Up To The A An Of For Since With Another Roughly Approximately Exactly Estimated Those
    These All And But Or Then Still Yet""".split()
)
# Targets, limits, plans and conditionals are not reported facts: "cutting the deficit to $100bn
# by 2009", "the 3% deficit ceiling", "100bn rupees to be spent". Searched in the lower-cased
# prose, after a look-ahead for the words' first letters: three times faster than re.I.
_NOT_FACTUAL = lazy_compile(
    r"(?=[abcilmptw])\b(?:would|could|might|target|targets|proposal|proposing|proposed|plans?\s+to|aims?\s+to|if|"
    r"ceiling|limit|cap|threshold|in\s+line\s+with|to\s+be\s+spent|by\s+(?:the\s+end\s+of\s+)?(?:20\d\d|next\s+year|the\s+decade))\b",
)
# A vague cue speaks for the figure it stands close to: "experts say that Turkey has sent 1,200"
# or "1,200 mercenaries, experts say". Not for one far away, nor for one before a cue that
# introduces a clause of its own ("grew 3.9%, analysts warn that the Fed…").
VAGUE_REACH = 60
_REPORTED_CLAUSE = lazy_compile(r"\s+that\b")
# Words that start a new clause or verb phrase: a figure and a term on either side of one are
# not about each other ("closed 300 websites and arrested 40 people").
_CONJUNCTIONS = frozenset(("and", "or", "but", "while", "whereas", "although", "though"))
_CLAUSE_BREAK = lazy_compile(r"\b(?:and|or|but|while|whereas|although|though)\b|[,;:(]")
_PLAIN_WORD = lazy_compile(r"[^\W\d][\w'’-]*")
_TABLE_LISTS = ("cues", "vague", "vague_words", "casualty", "casualty_before", "crowd", "people", "statistics")


class Attribution(RuleKind):
    name = "attribution"
    category = "attribution"
    keys = {
        "table": Key(str, True, None),
        "report": Key(str, True, None),  # unattributed | vague
        "casualty_level": Key(str, False, None),
    }

    def compile(self, ctx):
        report = self.option("report")
        if report not in ("unattributed", "vague"):
            raise ctx.error("report must be 'unattributed' or 'vague'", "report")
        self.mode = report
        _path, data = ctx.table(self.option("table"), "table")
        if not isinstance(data, dict) or any(not isinstance(data.get(k), list) for k in _TABLE_LISTS):
            raise ctx.error(f"table: needs the lists {', '.join(_TABLE_LISTS)}", "table")

        def words(key):  # one automaton handle per list; identical lists share a handle
            return ctx.terms.add(ctx.strings(key, data[key]), ignorecase=True, literal=True)

        self.h_cues, self.h_casualty, self.h_crowd = words("cues"), words("casualty"), words("crowd")
        self.h_statistics, self.h_vague_words = words("statistics"), words("vague_words")
        self.h_figures = ctx.terms.add(_WORD_TERMS, ignorecase=True, literal=True)
        self.vague = lazy_compile("|".join(f"(?:{v})" for v in data["vague"]), re.I, check=True)
        people = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(data["people"], key=len, reverse=True))
        # "of people", "of the country's voters", "of all adults"
        self.people_of = lazy_compile(r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,2}?(?:%s)\b" % people, re.I)
        self.casualty_before = {str(w).lower() for w in data["casualty_before"]}
        self.casualty_level = self.option("casualty_level") or self.level
        self.memo_key = ("attribution", self.h_cues, self.h_casualty, self.h_crowd, self.h_statistics,
                         self.h_vague_words, self.vague.pattern, self.people_of.pattern, tuple(sorted(self.casualty_before)))

    # -- the shared analysis ------------------------------------------------------------------
    def check(self, doc, hits):
        analysis = doc.memo.get(self.memo_key)
        if analysis is None:
            analysis = doc.memo[self.memo_key] = list(self.analyse(doc, hits))
        for claim, harm, vague, sourced in analysis:
            if self.mode == "vague":
                if vague:
                    start, end = min(vague[0], claim[0]), max(vague[1], claim[1])
                    yield self.finding(doc, start, end, (doc.prose[vague[0]:vague[1]],))
            elif not vague and not sourced:
                start, end = claim
                level = None
                if harm is not None:
                    level = self.casualty_level
                    start, end = min(start, harm[0]), max(end, harm[1])
                yield self.finding(doc, start, end, (doc.text[claim[0]:claim[1]],), level=level)

    def analyse(self, doc, hits):
        """Yield (claim span, harm span or None, vague span or None, sourced) for every sentence
        with a figure worth checking."""
        prose = doc.prose
        figures = [(m.start(), m.end(), m.lastgroup) for m in _DIGIT_FIGURE.finditer(prose)]
        figures += [(s, e, _WORD_KINDS[t]) for s, e, t in hits.get(self.h_figures, ())]
        # Numbers that are never claims whatever their sentence (years, durations, dates, small
        # numbers: about half of all), and number words in a text with no casualty term (they
        # count only as casualties) are dropped before any sentence is looked up: a paragraph
        # with no other figure is then never split into sentences.
        casualties = bool(hits.get(self.h_casualty))
        figures = [
            f for f in figures
            if not (f[2] == "numword" and not casualties)
            and not (f[2] in ("num", "numword") and _not_a_claim_anywhere(prose, f[1], prose[f[0]:f[1]]))
        ]
        if not figures:
            return
        figures.sort()
        index = {h: _Hits(hits.get(h, ())) for h in (self.h_cues, self.h_casualty, self.h_crowd, self.h_statistics, self.h_vague_words)}
        cues = index[self.h_cues]
        by_sentence = {}
        for fig in figures:
            by_sentence.setdefault(doc.sentence_at(fig[0]), []).append(fig)
        for (block, number), figs in by_sentence.items():
            s_start, s_end = doc.block_sentences(block)[number]
            if doc.is_heading(block):
                continue
            vague = None
            if index[self.h_vague_words].within(s_start, s_end):
                m = self.vague.search(prose[s_start:s_end])  # a slice: '^' is the sentence start
                if m:
                    text = m.group()
                    vague = (s_start + m.start() + len(text) - len(text.lstrip()), s_start + m.end())
                    # A specific source beside the vague one ("…, reports from the Treasury said").
                    if any(c[1] <= vague[0] or c[0] >= vague[1] for c in cues.within(s_start, s_end)):
                        vague = None
            claim = self.claim(prose, doc.lower, s_start, s_end, figs, index, vague=vague)
            if claim is None:
                continue
            span, harm = claim
            sourced = vague is None and self.sourced(doc, block, number, span[0], cues)
            yield span, harm, vague, sourced

    # -- claims -----------------------------------------------------------------------------
    def claim(self, prose, lower, s_start, s_end, figures, index, vague=None):
        """The first figure of the sentence that is a news claim needing a source, as
        ((start, end), harm span or None), or None. Claims: a figure tied to a casualty term
        ("191 people were killed", "killed at least 25"); an official statistic or public money
        ("Inflation rose to 9.4%"); a multitude or share of people in a crowd report or a
        statistic ("tens of thousands of people marched", "a quarter of workers"). Prices,
        market moves, results and specs are left alone. With a `vague` source, every figure it
        speaks for counts. `figures` have passed _not_a_claim_anywhere (analyse drops the rest)."""
        harms = index[self.h_casualty].within(s_start, s_end)
        checked_factual = False
        for start, end, kind in figures:
            if kind in ("num", "numword") and _not_a_claim_here(prose, s_start, start, end):
                continue
            if kind == "words" and _NOT_PEOPLE.match(prose, end):
                continue
            if kind == "fraction" and prose[max(0, start - 7):start].lower().endswith(("first ", "second ")):
                continue
            harm = next((h for h in harms if self.tied(prose, start, end, h)), None)
            if harm is not None:
                return (start, end), harm
            if kind == "numword":
                continue  # "two ministers met" is not a figure worth a source
            if vague is not None:
                if _vague_reaches(prose, vague, start, end):
                    return (start, end), None
                continue
            if not checked_factual:  # once per sentence, not once per figure
                if _NOT_FACTUAL.search(lower, s_start, s_end):
                    return None  # targets, proposals and conditionals are not reported facts
                checked_factual = True
            window = min(s_end, end + 40)
            if kind in ("money", "pct") and index[self.h_statistics].within(max(s_start, start - 60), min(s_end, end + 60)):
                return (start, end), None
            if kind in ("fraction", "pct") and self.people_of.match(prose, end, window):
                return (start, end), None
            if kind == "words" and self.people_of.match(prose, end, window) and index[self.h_crowd].within(s_start, s_end):
                return (start, end), None
        return None

    def tied(self, prose, start, end, harm):
        """Whether the figure counts what the casualty term names: a few plain words between
        them and no punctuation ("191 people were killed", "killed at least 25 people")."""
        h_start, h_end = harm[0], harm[1]
        if h_start >= end:
            words, limit = prose[end:h_start].split(), 6
        elif h_end <= start and prose[h_start:h_end].lower() in self.casualty_before:
            words, limit = prose[h_end:start].split(), 3
        else:
            return False
        return len(words) <= limit and all(_PLAIN_WORD.fullmatch(w) and w.lower() not in _CONJUNCTIONS for w in words)

    # -- sources ----------------------------------------------------------------------------
    def sourced(self, doc, block, number, claim_start, cues):
        prose = doc.prose
        sentences = doc.block_sentences(block)
        s_start, s_end = sentences[number]
        if cues.within(s_start, s_end):
            return True
        b_start, b_end = doc.blocks[block]
        if _inside_quote(prose, b_start, claim_start) or _inside_quote(prose, claim_start, b_end):
            return True  # a quotation has a speaker, named here or in the next paragraph
        if number > 0:  # the previous sentence of the same paragraph
            p_start, p_end = sentences[number - 1]
            if cues.within(p_start, p_end) and not self.vague.search(prose[p_start:p_end]):
                return True
        return False


def _not_a_claim_anywhere(prose, end, text):
    """What makes a number no claim whatever sentence it stands in (_not_a_claim_here adds what
    needs the words before it, within the sentence)."""
    digits = text.replace(",", "")
    after = prose[end:end + 24]
    if _UNITS_AFTER.match(after):
        return True  # durations, times, ages, ordinals, measurements, scores in points
    if digits.isdigit() and len(digits) == 4 and 1000 <= int(digits) <= 2099 and "," not in text:
        return True  # a year
    if _MONTH_AFTER.match(after):
        return True  # a date: "24 April"
    if _STREET.match(after):
        return True
    if digits.isdigit() and int(digits) < 10 and not _SCALE_AFTER.match(after):
        return True  # small numbers are rarely claims (style guides spell them out)
    return after.startswith(("-", "–"))  # scores and ranges like 3-1


def _not_a_claim_here(prose, s_start, start, end):
    """What makes a number no claim by the words before it in its sentence: a label ("page 3"),
    a month, an apposition, a name it numbers, a range."""
    after = prose[end:end + 24]
    before = prose[max(s_start, start - 24):start]
    if _CONTEXT_BEFORE.search(before):
        return True
    if _MONTH_BEFORE.search(before):
        return True  # a date: "April 24"
    if after.startswith(",") and _APPOSITION.search(before):
        return True  # an age in apposition: "Ms Jones, 41, from Leeds"
    named = _CAPITALISED_BEFORE.search(before)
    if named and named.group(1) not in _SENTENCE_OPENERS and not after.lstrip().startswith(("people", "jobs", "troops")):
        return True  # a numbered name: "Formula 1", "Channel 4", "Windows 95"
    return before.endswith(("-", "–"))  # a score or range: 3-1


def _vague_reaches(prose, vague, start, end):
    if start >= vague[1]:
        return start - vague[1] <= VAGUE_REACH
    return (
        vague[0] - end <= VAGUE_REACH
        and not _REPORTED_CLAUSE.match(prose, vague[1])
        and not _CLAUSE_BREAK.search(prose[end:vague[0]].replace(",", ""))  # "1,200 mercenaries, experts say" is fine
    )


class _Hits:
    """Automaton hits of one word list, sorted, with range look-ups."""

    __slots__ = ("hits", "starts")

    def __init__(self, hits):
        self.hits = hits
        self.starts = [h[0] for h in hits]

    def within(self, start, end):
        """Hits that start in [start, end) and end by `end`."""
        i = bisect_left(self.starts, start)
        j = bisect_left(self.starts, end, i)
        return [h for h in self.hits[i:j] if h[1] <= end]


def _inside_quote(prose, start, offset):
    straight = prose.count('"', start, offset)
    opened = prose.count("“", start, offset) - prose.count("”", start, offset)
    return straight % 2 == 1 or opened > 0
