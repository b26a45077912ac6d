"""The phrases around an event mention that make a date a claim about it: verbs that date an
event ("began in", "fell in"), phases ("the start of"), what may stand between a date and a
mention, anniversaries and elapsed years ("the 30th anniversary of", "30 years since")."""

import re

from factlint.lazyre import lazy_compile
from factlint.text.dates import NUM, ORD, SPECIAL_WORDS

# Verbs that, right after a mention, say when the event happened (not what was done to it).
VERBS = (
    r"began|begun|started|broke\s+out|erupted|ended|finished|came\s+to\s+an\s+end|took\s+place|"
    r"happened|occurred|struck|hit|signed|launched|fought|fell|came\s+down|collapsed|exploded|"
    r"landed|dropped|held|dissolved|founded|established|released|crashed|sank|bombed|destroyed|"
    r"invaded|declared|proclaimed|liberated|opened|unfolded|swept"
)
BEGIN = {"began", "begun", "started", "broke out", "erupted", "launched"}
# "The Berlin Wall fell in": the end of the Wall (and the date of its fall).
END = {"ended", "finished", "came to an end", "fell", "collapsed", "came down", "dissolved"}
# A place or agent between verb and date: "signed in Belfast in", "launched by the Soviet Union in".
PLACE = r"(?:(?:(?:by|in|at|on|of)\s+)?(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*,?\s*)?"
# An agent after a verb: "destroyed by an atomic bomb on".
AGENT = r"(?:by\s+(?:an?|the)\s+(?:[a-z]+\s+){1,2})?"
# Text between "the" + date and a mention: up to two capitalised modifiers.
BEFORE = lazy_compile(r"(?:['’]s)?\s+(?:[A-Z][\w'’-]*\s+){0,2}")
DETERMINER = lazy_compile(r"(?:\b(?:the|The|its|this|a|A)\s+|\b(?:in|In)\s+the\s+|\b[A-Z]\w*['’]s\s+)$")
# "9 November 1989, when the Berlin Wall fell" / "1991, the year the Soviet Union was dissolved".
WHEN = lazy_compile(r"\s*,?\s+(?:when|the\s+year(?:\s+(?:that|when))?)\s+(?:(?:the|a)\s+)?(?:[A-Z][\w'’-]*\s+){0,2}")
VERB_AFTER = lazy_compile(rf"\s+(?:\w+ly\s+)?(?:(?:was|were|had\s+been|had)\s+)?(?P<verb>{VERBS})\b")
PHASE_BEGIN = {"start", "beginning", "outbreak", "onset", "launch"}
PHASE_END = {"end", "fall", "collapse", "dissolution", "close"}
PHASES = "|".join(sorted(PHASE_BEGIN | PHASE_END))
# Adjectives that may stand before a mention ("the first Moon landing").
ADJECTIVES = (
    "first historic infamous deadly devastating fateful tragic catastrophic bloody brutal great nuclear terrorist"
).split()
ADJ = f"(?:{'|'.join(ADJECTIVES)})"
# What may stand between "anniversary of" / "years since" and a mention.
LEFT_OF_MENTION = rf"\s+(?:the\s+)?(?:(?P<phase>{PHASES})\s+of\s+(?:the\s+)?)?(?:{ADJ}\s+)?(?:[A-Z][\w'’-]*\s+){{0,2}}$"
ANNIVERSARY_BEFORE = lazy_compile(
    rf"(?P<shift>(?:next|last|this)\s+year['’]s\s+)?"
    rf"(?P<claim>(?P<ord>{ORD})\s+anniversary|(?P<special>{SPECIAL_WORDS}))\s+of{LEFT_OF_MENTION}"
)
YEARS_BEFORE = lazy_compile(rf"(?P<claim>(?P<n>{NUM})\s+years?)\s+(?P<rel>since|after|before|of){LEFT_OF_MENTION}")
ANNIVERSARY_AFTER = lazy_compile(rf"['’]s\s+(?P<claim>(?P<ord>{ORD})\s+anniversary|(?P<special>{SPECIAL_WORDS}))")
APPROX = lazy_compile(
    r"(?:more\s+than|over|nearly|almost|about|around|some|roughly|approximately|at\s+least|less\s+than|"
    r"under|fewer\s+than|up\s+to|close\s+to|well\s+over|just\s+over|just\s+under|barely|only\s+about)\s+$",
    re.I,
)
MARK = lazy_compile(
    r"\b(?:mark|marks|marked|marking|celebrate[sd]?|celebrating|commemorate[sd]?|commemorating)\s+(?:the\s+)?$", re.I
)
REF_GAP = lazy_compile(r"\s*,?\s+(?:(?:just|only|exactly|precisely)\s+)?")

# The word before a mention's noun phrase decides whether "X in 1918" dates X.
TOKEN = lazy_compile(r"[\w'’-]+|[^\w\s]")
ADJECTIVE_SET = set(ADJECTIVES)
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our"}
CLAUSE_LEADS = {
    "during",
    "after",
    "before",
    "since",
    "following",
    "until",
    "till",
    "amid",
    "throughout",
    "by",
    "and",
    "but",
    "while",
    "as",
    "when",
    "including",
    "despite",
}
SENTENCE_PUNCT = set(".!?:;\"“”'‘’()—–-,")
MAX_GAP = 80  # characters between mention and date worth looking at


def possessive(word):
    return word.endswith(("'s", "’s"))


def capitalised(name):
    return name[0].upper() + name[1:]
