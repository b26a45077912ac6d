"""Mention grammar for office titles: "[former] [Russian] President [of Russia] Vladimir Putin"
and "Vladimir Putin, the [former] Russian President". Pure text work: no knowledge of holders
beyond the title words and qualifiers it is given."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words before a title that say it is claimed for another time than the article's date.
MODIFIERS = {
    "former": "former",
    "ex": "former",
    "ex-": "former",
    "then": "then",
    "then-": "then",
    "late": "skip",
    "acting": "skip",
    "interim": "skip",
    "caretaker": "skip",
    "incoming": "skip",
    "future": "skip",
    "new": "skip",
    "newly-elected": "skip",
    "elected": "skip",
    "outgoing": "skip",
    "departing": "skip",
    "retiring": "skip",
    "would-be": "skip",
    "next": "skip",
    "previous": "former",
    "onetime": "former",
    "one-time": "former",
    "erstwhile": "former",
    "provisional": "skip",
    "transitional": "skip",
    "deposed": "former",
    "ousted": "former",
    "exiled": "former",
    "sitting": "current",
    "current": "current",
    "incumbent": "current",
    "serving": "current",
}
# A title after one of these words is another office: "Vice President", "Deputy Prime Minister",
# "shadow Foreign Secretary", "Prime Minister's spokesman".
BLOCKERS = {
    "a",
    "an",
    "vice",
    "deputy",
    "shadow",
    "assistant",
    "junior",
    "under",
    "associate",
    "honorary",
    "lady",
    "first",
    "self-styled",
    "self-proclaimed",
    "opposition",
    "student",
    "club",
    "party",
    "union",
    "company",
    "bank",
    "college",
    "university",
    "society",
    "association",
    "federation",
    "league",
    "council",
    "board",
    "court",
    "committee",
    "senate",
    "assembly",
    "chamber",
    "group",
    "institute",
    "foundation",
    "academy",
    "olympic",
    "fifa",
    "uefa",
    "ioc",
    "world",
    "county",
    "regional",
    "provincial",
    "state",
    "city",
    "municipal",
}
# Capitalised words that may open a sentence before a title without qualifying it.
LEADS = {
    "when",
    "as",
    "but",
    "and",
    "yesterday",
    "today",
    "tonight",
    "meanwhile",
    "both",
    "while",
    "after",
    "before",
    "since",
    "if",
    "so",
    "now",
    "also",
    "on",
    "in",
    "at",
    "by",
    "earlier",
    "later",
    "last",
    "this",
    "that",
    "said",
    "says",
    "told",
    "with",
    "from",
    "for",
    "under",
    "of",
    "to",
    "only",
    "even",
    "because",
    "although",
    "though",
    "once",
    "until",
    "how",
    "why",
    "where",
    "what",
    "meeting",
    "between",
    "like",
    "unlike",
}
HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "lord",
    "lady",
    "dame",
    "baroness",
    "general",
    "gen",
    "sheikh",
    "king",
    "queen",
    "prince",
    "col",
    "colonel",
    "president",
    "prime",
    "minister",
}
# Surnames too common to stand alone for one office-holder: "President Kim" or "Prime Minister
# Singh" without a country may be anyone's title; with a country ("South Korean President
# Kim") or a full name the mention is checked. (Political families, "President Bush", are
# resolved among the table's holders instead.)
COMMON_SURNAMES = {
    "kim",
    "lee",
    "park",
    "roh",
    "moon",
    "li",
    "wang",
    "zhang",
    "khan",
    "singh",
    "ali",
    "ahmed",
    "hussein",
    "hassan",
    "brown",
    "martin",
    "garcia",
    "perez",
    "fernandez",
    "sanchez",
    "silva",
    "da silva",
    "santos",
    "ramos",
    "rodriguez",
    "gonzalez",
    "lopez",
    "clark",
    "key",
    "english",
    "moore",
    "cook",
    "howard",
    "fischer",
    "kern",
    "gross",
    "saleh",
    "hadi",
    "zia",
}
PARTICLES = {
    "de",
    "da",
    "do",
    "dos",
    "das",
    "di",
    "du",
    "del",
    "della",
    "van",
    "von",
    "der",
    "den",
    "ter",
    "le",
    "la",
    "bin",
    "ibn",
    "al",
    "el",
    "abu",
    "y",
    "arap",
    "zu",
}
_TOKEN = re.compile(r"[\w’'.-]+")
_WS = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
# A name word: capitalised, an initial ("W."), or a particle ("al-Assad", "de Villepin"). A full
# stop ends a name unless it closes an initial: "Manmohan Singh. Potential" is two sentences.
_CAP = r"(?:[A-Z]\.|[A-Z][\w’'-]*(?:\.(?=[\w-]))?[\w’'-]*)"
_NAME_WORD = rf"(?:{_CAP}|(?:al|el|bin|ibn|de|da|dos|di|du|del|van|von|der|den|ter|le|la|y|arap)(?=[\s-])[-]?[\w’'-]*)"
NAME_AFTER = re.compile(rf"{_WS}(?P<name>{_CAP}(?:{_WS}{_NAME_WORD}){{0,5}})")
NAME_AFTER_COMMA = re.compile(rf",{_WS}(?P<name>{_CAP}(?:{_WS}{_NAME_WORD}){{0,5}})")
# "NAME, the former Russian " before a title (searched in a window ending at the title).
NAME_BEFORE = re.compile(
    rf"(?P<name>{_CAP}(?:{_WS}{_NAME_WORD}){{0,5}})[ \t]*,{_WS}(?:(?P<the>the|The){_WS})?(?P<left>[^,;:()\n]{{0,40}})$"
)
INTRO_YEAR = re.compile(
    r"\s*(?:(?:In|By|During|Since|Until|Back\s+in|Early\s+in|Late\s+in|Later\s+in|Then,?\s+in)\s+)?(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?(?P<y>19[5-9]\d|20[0-4]\d)\s*,"
)
YEAR = re.compile(r"(?<![\w£$€,.])(19[5-9]\d|20[0-4]\d)(?![\w%]|[.,]\d)")


@dataclass
class Mention:
    start: int  # the span reported: the title and the name
    end: int
    tokens: list  # name tokens as written
    from_right: bool  # "NAME, the TITLE": the name ends at the comma
    qualifier: str | None  # "russian", "us", "european commission" (lower case), None if generic
    modifier: str | None  # "former", "then", "current", "skip" or None
    title: str  # the generic title as written


def name_tokens(text: str) -> list:
    out = []
    for tok in _TOKEN.findall(text):
        tok = re.sub(r"['’]s$", "", tok)
        if len(tok) > 2 and tok.endswith("."):
            tok = tok[:-1]
        if tok:
            out.append(tok)
    return out


def left_words(prose: str, start: int, n: int = 5) -> list:
    """The last `n` words before `start` (lower case, hyphens kept), nearest last."""
    window = prose[max(0, start - 60) : start]
    return [w.lower() for w in re.findall(r"[\w’'.-]+|[^\w\s]", window)][-n:]


def split_modifier(words: list) -> tuple[str | None, list]:
    """('former', rest) when the words before a title end with a modifier (possibly before a
    qualifier): ["the", "former", "russian"] -> ("former", ["russian"])."""
    for i in range(len(words) - 1, max(-1, len(words) - 5), -1):
        w = words[i].rstrip("-")
        if words[i] in MODIFIERS or w in MODIFIERS:
            return MODIFIERS.get(words[i], MODIFIERS.get(w)), words[i + 1 :]
    return None, words
