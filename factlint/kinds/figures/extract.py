"""Statements of a count in one clause: (interval, class of thing counted, noun, scope markers).

"At least 34 people were killed", "40 killed", "killing 40", "the death toll rose to 40",
"2,000 refugees", "raised £40m". The class comes from the rule's table (the verb or noun:
killed/dead/died, injured/wounded, fled/displaced ...); the noun is the word(s) between number
and verb ("34 soldiers"): a generic noun ("people") or none counts as "people".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factlint.kinds.figures.numbers import NUMBER, QUAL, WORDS, interval, value

AUX = r"(?:(?:were|was|are|is|have|has|had|been|being|be|will|reportedly|now|also|all|so\s+far|already|since|feared|believed|thought|confirmed|said|reported|known)\s+){0,4}"
GENERIC = {"", "people", "persons", "person", "individuals", "others", "more", "men, women and children"}
# Words that cannot be part of a counted noun: "34 of them", "40 in the city".
_NOT_NOUN = {
    "of",
    "in",
    "at",
    "on",
    "and",
    "or",
    "the",
    "a",
    "an",
    "to",
    "from",
    "by",
    "for",
    "with",
    "who",
    "which",
    "that",
    "as",
    "than",
    "per",
    "cent",
    "percent",
    "years",
    "year",
    "days",
    "day",
    "hours",
    "weeks",
    "months",
    "times",
    "km",
    "miles",
    "metres",
    "feet",
    "%",
    "after",
    "since",
    "when",
    "were",
    "was",
    "had",
    "have",
    "has",
    "been",
    "are",
    "is",
    "overnight",
    "today",
    "yesterday",
    "tonight",
    "last",
    "this",
    "earlier",
    "later",
    "so",
    "during",
    "while",
    "across",
    "near",
    "into",
    "before",
    "there",
    "here",
    "including",
    "but",
    "according",
}
# Adverbs that make a part of the count: "12 people were seriously injured" of "70 injured".
_PART = {"seriously", "critically", "badly", "severely", "slightly", "lightly", "gravely", "fatally"}
# Competing sources: "Organisers said 40 ... Police said 25" reports a dispute, not an error.
SOURCE = re.compile(
    r"(?i:according\s+to)\s+(?:the\s+)?(?P<a>[\w'’-]+)|(?P<b>[\w'’-]+)\s+(?:said|says|say|told|reported|claimed|estimated|put\s+the)\b"
)
# Cues that the two numbers are meant to differ: an update, an increment, a part of a whole.
UPDATE = re.compile(
    r"\b(?:rose|risen|rise|rises|rising|climbed|climb|climbing|up\s+from|earlier|initially|initial|"
    r"updated|revised|later|now|increased|jumped|reached|bringing|brings|brought|"
    r"previously|originally|first\s+reported|had\s+said|another|further|additional|more\s+than\s+doubled|"
    r"including|among\s+them|of\s+whom|of\s+them|of\s+those|latest|new|estimate[sd]?|expected|"
    r"could|would|may|might|if|feared|fear|unconfirmed|conflicting|other\s+reports|some\s+reports|"
    r"each|every|per|a\s+day|a\s+week|a\s+year|daily|weekly|annual|average|"
    r"record|compared|versus|against)\b",
    re.I,
)
# Scope: a time or a place phrase that may make two counts of different things.
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
TIME = re.compile(
    rf"\b(?:(?:19|20)\d\d|{_MONTHS}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"yesterday|today|tonight|overnight|last\s+(?:week|month|year|night)|this\s+(?:week|month|year)|"
    r"so\s+far|since|nationwide|across\s+the\s+country|in\s+total|in\s+all|altogether|overall|"
    r"first|second|third|last|previous|past|next)\b",
    re.I,
)
PLACE = re.compile(
    r"\b(?i:in|at|near|across|outside|inside|from|around|throughout|of)\s+(?:the\s+)?(?P<p>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)"
)


# Longest first, ties by text: the same pattern string in every process, so the regex cache holds it.
_HAS_NUMBER = re.compile(
    r"\d|\b(?i:{})\b".format("|".join(sorted({w.split()[-1].split("-")[0] for w in WORDS}, key=lambda w: (-len(w), w))))
)


# Characters that case-insensitive `re` equates with an ASCII letter although lower() does not
# make them one (as in factlint.terms): a sentence with one always runs the patterns.
_CASE_FIX = ("ı", "ſ", "İ")


def _first_words(phrases: list) -> tuple[str, ...] | None:
    """The lower-cased first word of each class phrase: a pattern's match holds one of them
    (case aside). None when a phrase is not ASCII text with a word (no cheap test then)."""
    out = set()
    for phrase in phrases:
        words = phrase.lower().split() if isinstance(phrase, str) and phrase.isascii() else None
        if not words:
            return None
        out.add(words[0])
    return tuple(sorted(out))


@dataclass
class Statement:
    start: int  # the figure's span in the prose
    end: int
    text: str  # the matched phrase (for messages)
    cls: str
    noun: str
    low: float
    high: float
    sentence: tuple  # (start, end)
    headline: bool
    times: frozenset = field(default_factory=frozenset)
    places: frozenset = field(default_factory=frozenset)
    subject: str = ""
    cue: bool = False
    sources: frozenset = field(default_factory=frozenset)


class Extractor:
    def __init__(self, classes: dict):
        """`classes`: class name -> {"after": words after a number ("killed", "dead",
        "refugees"), "before": verbs before a number ("killing", "displaced"), "toll": phrases
        before "of/to/at NUMBER" ("death toll"), "nouns": the only nouns the count may have
        ("won 4,210 votes", not "won 3-1"), "money": the figure must be an amount ("raised
        £2m", not "raised three children")}."""
        self.cls_of = {}
        self.required_nouns = {
            n: {str(w).lower() for w in spec["nouns"]} for n, spec in classes.items() if spec.get("nouns")
        }
        self.money = {n for n, spec in classes.items() if spec.get("money")}
        after, before, toll = [], [], []
        for name, spec in classes.items():
            for key, bucket in (("after", after), ("before", before), ("toll", toll)):
                for w in spec.get(key) or ():
                    self.cls_of[(key, " ".join(w.lower().split()))] = name
                    bucket.append(w)
        alt = lambda ws: (
            "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in ws), key=len, reverse=True)) or "(?!x)x"
        )
        q = rf"(?:(?P<qual>{QUAL})\s+)?"
        self.after = re.compile(
            rf"(?<![\w.,£$€-]){q}{NUMBER}(?P<noun>(?:\s+[A-Za-z][\w'’-]*){{0,3}}?)\s+{AUX}(?:\w+ly\s+)?(?P<cls>{alt(after)})\b",
            re.I,
        )
        self.before = re.compile(
            rf"\b(?P<cls>{alt(before)})\s+{q}{NUMBER}(?![\w%-]|\s*(?:per\s*cent|percent|%))(?P<noun>(?:\s+[a-z][\w'’-]*){{0,2}})",
            re.I,
        )
        self.toll = re.compile(
            rf"\b(?P<cls>{alt(toll)})\s+(?:[\w'’]+\s+){{0,4}}?(?:of|at|to|is|was|reached|stood\s+at|stands\s+at)\s+{q}{NUMBER}(?![\w%-])",
            re.I,
        )
        self.firsts = {"after": _first_words(after), "before": _first_words(before), "toll": _first_words(toll)}

    def statements(self, prose: str, s: int, e: int, headline: bool) -> list:
        out = []
        text = prose[s:e]
        if not _HAS_NUMBER.search(text):
            return out  # most sentences with "won" or "left" count nothing: skip the big patterns
        low, odd = None, False
        for kind, rx in (("after", self.after), ("before", self.before), ("toll", self.toll)):
            firsts = self.firsts[kind]
            if firsts is not None:  # a pattern whose class words are not in the sentence cannot match
                if low is None:
                    low, odd = text.lower(), any(c in text for c in _CASE_FIX)
                if not odd and not any(w in low for w in firsts):
                    continue
            for m in rx.finditer(text):
                st = self.statement(kind, m, text, s, e, headline)
                if st is not None and not any(o.start == st.start for o in out):
                    out.append(st)
        return out

    def statement(self, kind: str, m: re.Match, text: str, s: int, e: int, headline: bool) -> Statement | None:
        num, num2 = m.group("num"), m.group("num2")
        if re.match(
            r"\s*(?:-?year|per\s*cent|percent|%|am\b|pm\b|GMT|BST|km|miles|metres|years|days|hours)",
            text[m.end("num2") if num2 else m.end("num") :],
            re.I,
        ):
            return None
        if (
            kind != "toll"
            and re.search(r"(?:aged|age|No\.?|number|page|route|flight|\bon|\bat)\s*$", text[: m.start("num")], re.I)
            and not m.group("qual")
        ):
            return None  # "aged 40", "at 10" (a time)
        low = value(num)
        high = value(num2) if num2 else None
        if low is None or (num2 and high is None) or low == 0:
            return None
        if re.fullmatch(r"(?:19|20)\d\d", num.strip()) and not num2:
            return None  # a year, not a count
        noun = " ".join((m.groupdict().get("noun") or "").lower().split())
        if any(w in _NOT_NOUN for w in noun.split()):
            if kind == "after":
                return None
            noun = " ".join(noun.split()[:1]) if noun.split()[:1] and noun.split()[0] not in _NOT_NOUN else ""
        if kind == "before" and noun and noun.split()[-1] in ("dead", "homeless"):
            noun = " ".join(noun.split()[:-1])
        if kind == "after":
            adverb = re.search(r"(\w+ly)\s+\S+$", m.group())
            if adverb and adverb.group(1).lower() in _PART:
                noun = (noun + " " + adverb.group(1).lower()).strip()
        cls = self.cls_of.get((kind, " ".join(m.group("cls").lower().split())))
        qual = m.group("qual")
        lo, hi = interval(qual, low, high)
        if not qual and not num2 and low >= 1000 and low % 100 == 0:
            lo, hi = low * 0.95, low * 1.05  # "1,200" is usually rounded
        start = s + (m.start("qual") if qual else m.start("num"))
        end = s + m.end("num2") if num2 else s + m.end("num")
        if kind == "before":
            start = s + m.start("cls")
        elif kind == "after":
            end = s + m.end("cls")
        else:
            start, end = s + m.start("cls"), s + m.end()
        required = self.required_nouns.get(cls)
        if required is not None and not (set(noun.split()) & required):
            return None
        if cls in self.money and not re.match(r"[£$€]|\d[\d,.]*\s?(?:m|bn|million|billion)\b", num.strip()):
            return None
        noun = "" if noun in GENERIC else _singular(noun)
        return Statement(start, end, text[start - s : end - s], cls, noun, lo, hi, (s, e), headline)


def _singular(noun: str) -> str:
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
