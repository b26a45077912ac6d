"""attribution (factlint): a figure stated as a news claim needs a source.

A sentence with a claim figure — numerals, "hundreds", "tens of thousands", percentages, money —
is attributed when it has a reporting cue ("said", "according to", "figures from"…), when the
figure sits inside a quotation in a paragraph that names a speaker, or when the previous sentence
of the same paragraph carries a source ("It added that…"). Years, dates, times, durations,
ordinals, ages, scores, street numbers and numbered names ("Formula 1") are not claims.

`report: unattributed` flags claims with no source (casualty and displacement figures at
`casualty_level`); `report: vague` flags claims whose only source is vague ("experts say").
Cue lists live in the rule's `table:` so an editor can extend them.
"""
import re

from factlint.kinds.base import RuleKind

_NUMBER_WORDS = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
)
_SCALE = r"(?:\s?(?:m|bn|k|tn|million|billion|trillion)\b)"
_FIGURE = re.compile(
    r"(?P<money>[$£€¥]\s?\d[\d,]*(?:\.\d+)?" + _SCALE + r"?)"
    r"|(?P<pct>(?<![\w.,])\d[\d,]*(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b))"
    r"|(?P<num>(?<![\w.,/:£$€#-])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w|[.,:/-]\d)" + _SCALE + r"?"
    r"|(?<![\w.,/:£$€#-])\d+(?:\.\d+)?" + _SCALE + r"?(?!\w|[.,:/-]\d|[-–]\w))"
    r"|(?P<words>\b(?:[Tt]ens|[Hh]undreds)\s+of\s+(?:thousands|millions)\b"
    r"|\b(?:[Hh]undreds|[Tt]housands|[Dd]ozens|[Ss]cores|[Mm]illions)\b(?!\s+of\s+(?:years|miles|pounds|dollars|euros)))"
    r"|(?P<fraction>(?<!first )(?<!second )\b(?:[Aa]|[Oo]ne)\s+(?:third|quarter|fifth)\s+of\b"
    r"|\b(?:[Tt]wo|[Tt]hree)[- ](?:thirds|quarters|fifths)\s+of\b)"
    r"|(?P<numword>\b(?:" + _NUMBER_WORDS + r"|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en)\b)"
)
_UNITS_AFTER = re.compile(
    r"\s?-?\s?(?:years?|yrs?|months?|weeks?|days?|nights?|hours?|hrs?|minutes?|mins?|seconds?|secs?|decades?|"
    r"centur(?:y|ies)|year-olds?|-year|am|pm|a\.m\.|p\.m\.|GMT|BST|ET|BC|AD|"
    r"km|kilometres?|kilometers?|miles?|metres?|meters?|m|cm|mm|feet|foot|ft|inch(?:es)?|in\b|kg|g|lb|lbs|"
    r"tonnes?|tons?|mph|km/h|kph|GB|MB|KB|TB|MHz|GHz|Mbps|megapixels?|mAh|W|kW|MW|volts?|"
    r"degrees?|°|points?|pts|goals?|runs?|wickets?|laps?|sets?|games?|holes?|strokes?|seeds?|"
    r"st|nd|rd|th|times|fold|place|spot|position)\b",
)
# Words right before a number that make it a label, an age or a rank, not a claim.
_CONTEXT_BEFORE = re.compile(
    r"\b(?:aged|age|ages|age of|ages of|no|number|top|page|chapter|section|article|level|grade|"
    r"category|room|junction|platform|flight|route|rule|clause|version|model|series|season|vol|"
    r"volume|episode|issue|round|gate|bus|channel|radio|phase|stage|week|day|part|under-|u)\.?\s*$",
    re.I,
)
_MONTH = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_STREET = re.compile(r"\s+(?:[A-Z][a-z]+\s+){1,2}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Square|Place|Drive|Way|Court)\b")
# A capitalised word right before a number names something ("Apollo 11", "Windows 95", "G8"),
# unless it is an ordinary sentence opener ("About 500 people…").
_CAPITALISED_BEFORE = re.compile(r"\b([A-Z][A-Za-z]*[a-z][A-Za-z]*|[A-Z]{2,}\w*)\s$")
_SENTENCE_OPENERS = frozenset(
    """About Around Almost Nearly Over Under Only Just Some More Fewer Less Least Most Many At In
    On By Up To The A An Of For Since With Another Roughly Approximately Exactly Estimated Those
    These All And But Or Then Still Yet""".split()
)


def _alternation(words):
    words = sorted((str(w) for w in words), key=len, reverse=True)
    return "|".join(w if w.startswith("(?") else re.escape(w).replace(r"\ ", r"\s+") for w in words)


class Attribution(RuleKind):
    name = "attribution"
    category = "attribution"
    keys = {
        "table": (str, True, None),
        "report": (str, True, None),  # unattributed | vague
        "casualty_level": (str, False, None),
    }

    def compile(self, ctx):
        report = self.option("report")
        if report not in ("unattributed", "vague"):
            raise ctx.error("report must be 'unattributed' or 'vague'", "report")
        self.mode = report
        _path, data = ctx.table(self.option("table"), "table")
        need = ("cues", "vague", "casualty", "casualty_before", "crowd", "people", "statistics")
        if not isinstance(data, dict) or any(not isinstance(data.get(k), list) for k in need):
            raise ctx.error(f"table: needs the lists {', '.join(need)}", "table")
        self.cues = re.compile(r"\b(?:%s)\b" % _alternation(data["cues"]), re.I)
        self.vague = re.compile("|".join(f"(?:{v})" for v in data["vague"]), re.I)
        self.casualty = re.compile(r"\b(?:%s)\b" % _alternation(data["casualty"]), re.I)
        people = _alternation(data["people"])
        # "of people", "of the country's voters", "of all adults"
        self.people_of = re.compile(r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,2}?(?:%s)\b" % people, re.I)
        self.casualty_before = {str(w).lower() for w in data["casualty_before"]}
        self.crowd = re.compile(r"\b(?:%s)\b" % _alternation(data["crowd"]), re.I)
        self.statistics = re.compile(r"\b(?:%s)\b" % _alternation(data["statistics"]), re.I)
        self.casualty_level = self.option("casualty_level") or self.level

    # -- claims -----------------------------------------------------------------------------
    def claim(self, prose, s_start, s_end, any_figure=False):
        """The first figure in the sentence that is a news claim needing a source, as
        (start, end, harm) — `harm` is the casualty or displacement term the figure counts — or
        None. Claims: a figure tied to a casualty term ("191 people were killed", "killed at
        least 25"); an official statistic or public money ("Inflation rose to 9.4%"); a multitude
        or share of people ("tens of thousands of people", "a quarter of workers"). Prices,
        market moves, results and specs are left alone. `any_figure`: every figure counts."""
        harms = list(self.casualty.finditer(prose, s_start, s_end))
        for m in _FIGURE.finditer(prose, s_start, s_end):
            kind = m.lastgroup
            start, end = m.span()
            if kind in ("num", "numword") and self.not_a_claim(prose, s_start, start, end, m.group()):
                continue
            harm = next((h for h in harms if self.tied(prose, start, end, h)), None)
            if harm is not None:
                return start, end, harm
            if kind == "numword":
                continue  # "two ministers met" is not a figure worth a source
            if any_figure:
                return start, end, None
            if _HYPOTHETICAL.search(prose, s_start, s_end):
                return None  # targets, proposals and conditionals are not reported facts
            if kind in ("money", "pct") and self.statistics.search(prose, max(s_start, start - 60), min(s_end, end + 60)):
                return start, end, None
            if kind in ("fraction", "pct") and self.people_of.match(prose, end, min(s_end, end + 40)):
                return start, end, None
            if kind == "words" and self.people_of.match(prose, end, min(s_end, end + 40)) and self.crowd.search(prose, s_start, s_end):
                return start, end, None
        return None

    def tied(self, prose, start, end, harm):
        """Whether the figure counts what the casualty term names: a few plain words between
        them and no punctuation ("191 people were killed", "killed at least 25 people")."""
        if harm.start() >= end:
            words, limit = prose[end:harm.start()].split(), 6
        elif harm.end() <= start and harm.group().lower() in self.casualty_before:
            words, limit = prose[harm.end():start].split(), 3
        else:
            return False
        return len(words) <= limit and all(_PLAIN_WORD.fullmatch(w) for w in words)

    @staticmethod
    def not_a_claim(prose, s_start, start, end, text):
        digits = text.replace(",", "")
        after = prose[end:end + 24]
        before = prose[max(s_start, start - 24):start]
        if _UNITS_AFTER.match(after):
            return True  # durations, times, ages, ordinals, measurements, scores in points
        if digits.isdigit() and len(digits) == 4 and 1000 <= int(digits) <= 2099 and "," not in text:
            return True  # a year
        if _CONTEXT_BEFORE.search(before):
            return True
        if _MONTH.match(after.lstrip()) or re.search(_MONTH.pattern + r"\s$", before):
            return True  # a date: "24 April", "April 24"
        if _STREET.match(after):
            return True
        if after.startswith(",") and re.search(r"\b[A-Z][\w'’-]+,\s?$", before):
            return True  # an age in apposition: "Ms Jones, 41, from Leeds"
        named = _CAPITALISED_BEFORE.search(before)
        if named and named.group(1) not in _SENTENCE_OPENERS and not after.lstrip().startswith(("people", "jobs", "troops")):
            return True  # a numbered name: "Formula 1", "Channel 4", "Windows 95"
        if digits.isdigit() and int(digits) < 10 and not re.match(r"\s?(?:m|bn|million|billion)\b", after):
            return True  # small numbers are rarely claims (style guides spell them out)
        if after.startswith(("-", "–")) or before.endswith(("-", "–")):
            return True  # scores and ranges like 3-1
        return False

    # -- sources ----------------------------------------------------------------------------
    def sourced(self, doc, idx, claim_start):
        prose = doc.prose
        s_start, s_end, block = doc.sentences[idx]
        if self.cues.search(prose, s_start, s_end):
            return True
        b_start, b_end = doc.blocks[block]
        if _inside_quote(prose, b_start, claim_start) or _inside_quote(prose, claim_start, b_end):
            return True  # a quotation has a speaker, named here or in the next paragraph
        if idx > 0:
            p_start, p_end, p_block = doc.sentences[idx - 1]
            if p_block == block and self.cues.search(prose, p_start, p_end) and not self.vague.search(prose, p_start, p_end):
                return True
        return False

    def check(self, doc, hits):
        prose = doc.prose
        if not _FIGURE.search(prose):
            return
        for idx, (s_start, s_end, block) in enumerate(doc.sentences):
            if doc.is_heading(block):
                continue
            vague = _Span.search(self.vague, prose, s_start, s_end)
            # A vague source is worth flagging for any figure; a missing one only for claims.
            claim = self.claim(prose, s_start, s_end, any_figure=bool(vague))
            if claim is None:
                continue
            if vague and any(
                c.end() <= vague.start() or c.start() >= vague.end() for c in self.cues.finditer(prose, s_start, s_end)
            ):
                vague = None  # a specific source stands beside the vague one
            if self.mode == "vague":
                if vague:
                    v_start = vague.start() + len(vague.group()) - len(vague.group().lstrip())
                    start, end = min(v_start, claim[0]), max(vague.end(), claim[1])
                    yield self.finding(doc, start, end, (vague.group().strip(),))
                continue
            if vague or self.sourced(doc, idx, claim[0]):
                continue
            start, end, harm = claim
            level = None
            if harm is not None:
                level = self.casualty_level
                start, end = min(start, harm.start()), max(end, harm.end())
            yield self.finding(doc, start, end, (doc.text[claim[0]:claim[1]],), level=level)


_HYPOTHETICAL = re.compile(r"\b(?:would|could|might|target|targets|proposal|proposing|proposed|plans?\s+to|aims?\s+to|if)\b", re.I)


class _Span:
    """A match found in a sentence slice (so that `^` means the sentence start), with offsets
    in the document."""

    __slots__ = ("start_", "end_", "text")

    def __init__(self, start, end, text):
        self.start_, self.end_, self.text = start, end, text

    def start(self):
        return self.start_

    def end(self):
        return self.end_

    def group(self):
        return self.text

    @classmethod
    def search(cls, regex, prose, s_start, s_end):
        m = regex.search(prose[s_start:s_end])
        return cls(s_start + m.start(), s_start + m.end(), m.group()) if m else None


_PLAIN_WORD = re.compile(r"[^\W\d][\w'’-]*")


def _inside_quote(prose, start, offset):
    n = sum(prose.count(q, start, offset) for q in ('"',))
    opened = prose.count("“", start, offset) - prose.count("”", start, offset)
    return n % 2 == 1 or opened > 0
