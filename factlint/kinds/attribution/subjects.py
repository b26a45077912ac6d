"""Reading a source's subject: the sentence's tokens, the noun phrase before or after a verb (its
subject, an aside's, an inverted verb's, a passive's agent) and its quality, *named* (a name, a
pronoun, a definite body: "the company", "the study") or *vague* (an unnamed group, an unnamed
report: "analysts", "a survey")."""

from __future__ import annotations

import re
from dataclasses import dataclass

import factlint.native as native

NAMED, VAGUE = "named", "vague"
_TOKEN = re.compile(r"[^\W\d_][\w'’.&-]*[\w]|[^\W\d_]|[$£€¥]?\d+(?:[,.]\d+)*\w*%?|[^\w\s]")
_PRONOUNS = frozenset("he she it they we i you".split())
DETERMINERS = frozenset("the a an its his her their our this these those that my your some any every each no".split())
DEFINITE = frozenset("the its his her their our this these those".split())
INDEFINITE = frozenset("a an some many most several other others few various latest new recent unnamed one".split())
# Words between a subject and its verb: "Mozilla has also said", "it had previously said".
BETWEEN = frozenset(
    """has have had also now previously later recently will would could may might should then
    further already last yesterday today earlier repeatedly once still not never is was are were
    be been being did does do separately subsequently initially originally first""".split()
)
# Words that end a subject noun phrase read backwards from its verb.
_NP_STOP = frozenset(
    """that and but or which who whom whose when while as if because although though where after
    before since so than what how why to for in on at with by from of into about over under
    instead despite during""".split()
)
_QUANTITY_WORDS = frozenset(
    """half third thirds quarter quarters fifth fifths tenth tenths most many some all none majority
    minority proportion share percent cent two three four five six seven eight nine ten""".split()
)
_CLAUSE_LINKS = frozenset("and but while whereas although though as".split())
# The tokens object_end looks at: clause breaks, a comma before a clause link, brackets.
_OBJECT_PUNCT = frozenset((";", ":", "-", "–", "—", ",", "(", ")"))


@dataclass(frozen=True)
class Lexicon:
    """The word classes, from the rule's table (rules/Attribution/data/cues.yml)."""

    reporting: frozenset
    own: frozenset
    noun_like: frozenset
    source_nouns: frozenset
    institutions: frozenset
    vague_subjects: frozenset
    vague: re.Pattern
    according: re.Pattern
    # A lower-case string every match of `according` holds ("" if none is known): a sentence
    # whose lower-cased text lacks it is not searched (speed).
    according_holds: str = ""


def tokens(text: str) -> list:
    """(start, end, token) of the words, numbers and marks of `text` (the native core reads them
    by hand in one call: factlint.native)."""
    if native.rust is not None:
        return native.rust.tokens(text)
    return py_tokens(text)


def py_tokens(text: str) -> list:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def quality(np: list, first: bool, lex: Lexicon) -> str | None:
    """NAMED, VAGUE or None for a subject noun phrase (tokens in order). `first`: the phrase
    starts the sentence, where a capital letter says nothing."""
    if not np:
        return None
    words = [t[2] for t in np]
    lower = [w.lower().strip("'’") for w in words]
    if any(w in _PRONOUNS for w in lower):
        return NAMED
    if any(w in lex.institutions for w in lower):
        return NAMED  # "the government", "police", "Government statistics"
    head = lower[-1][:-2] if lower[-1].endswith(("'s", "’s")) else lower[-1]
    if first and head in lex.vague_subjects and not any(w[:1].isupper() for w in words[1:]):
        return VAGUE  # "Web analysts say": only the sentence's first letter is a capital
    for i, (w, low) in enumerate(zip(words, lower)):
        base = low[:-2] if low.endswith(("'s", "’s")) else low
        if w[:1].isupper() and not (
            i == 0
            and first
            and (
                base in DETERMINERS
                or base in INDEFINITE
                or base in lex.vague_subjects
                or base in lex.source_nouns
                or base in lex.institutions
            )
        ):
            if base not in lex.vague_subjects and base not in lex.source_nouns and base not in INDEFINITE:
                return NAMED  # a name: "Mr Straw", "Technorati", "The Japanese government"
        if low.endswith(("'s", "’s")):
            return NAMED  # "Gartner's figures", "the bank's results"
    if any(w in lex.institutions for w in lower):
        return NAMED  # "the government", "police", "Government statistics"
    if lower[0] in DEFINITE:
        return NAMED  # a definite reference to a source named before: "the study", "the figures"
    return VAGUE


def subject_before(toks: list, i: int, lex: Lexicon) -> tuple[list, bool]:
    """The noun phrase before the verb at toks[i] (skipping auxiliaries and adverbs), and whether
    it starts the sentence."""
    j = i - 1
    while j >= 0 and toks[j][2].lower() in BETWEEN:
        j -= 1
    if j > 0 and toks[j][2] == ")":  # "the Commission (UNECE) said": skip the bracket
        k = j
        while k >= 0 and toks[k][2] != "(":
            k -= 1
        j = k - 1 if k > 0 else j
    np = []
    while j >= 0 and len(np) < 7:
        word = toks[j][2]
        low = word.lower()
        if word in ("'", "’") and np and j > 0 and toks[j - 1][2][:1].isalpha():
            np.insert(0, toks[j])  # a possessive: "Apacs' figures"
            j -= 1
            continue
        if low in ("of", "in") and np and j > 0 and _is_quantity(toks[j - 1][2]):
            np.insert(0, toks[j])  # "62% of voters", "half of them", "one in five adults"
            j -= 1
            continue
        if not (word[0].isalnum() or word[0] in "$£€¥") or low in _NP_STOP:
            if low in ("who", "which", "that") and not np:
                # a relative pronoun stands for the phrase before it: "Takenaka who said"
                k = j - 1 if j > 0 and toks[j - 1][2] != "," else j - 2
                if k >= 0:
                    np, first = subject_before(toks, k + 1, lex)
                    return np, first
            break
        np.insert(0, toks[j])
        j -= 1
    return np, j < 0


def object_end(toks: list, i: int) -> int:
    """Where the object of the verb at toks[i] ends: at most 24 tokens on, and before a new
    clause (", and …", "; …", " - …"). Punctuation inside brackets ends nothing: "570 rupees
    (£6.80; $13) apiece" is one object."""
    last = min(len(toks) - 1, i + 24)
    depth = 0
    for k in range(i + 1, last + 1):
        word = toks[k][2]
        if word not in _OBJECT_PUNCT:  # most tokens are words: one look-up (speed)
            continue
        if word == "(":
            depth += 1
        elif word == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and (word != "," or (k + 1 < len(toks) and toks[k + 1][2].lower() in _CLAUSE_LINKS)):
            return toks[k][0]
    return toks[last][1]


def _is_quantity(word: str) -> bool:
    return word[:1].isdigit() or word[:1] in "$£€¥" or word.lower() in _QUANTITY_WORDS


def subject_before_aside(toks: list, i: int, lex: Lexicon) -> tuple[list, bool]:
    """The subject before a comma-delimited apposition or aside: "Mikhail Saakashvili, has said",
    "RDF Media, which makes the show, has filed" (the phrase before the first comma)."""
    j = i - 1
    while j >= 0 and toks[j][2].lower() in BETWEEN:
        j -= 1
    if j < 1 or toks[j][2] != ",":
        return [], False
    commas = [k for k in range(j - 1, max(-1, j - 14), -1) if toks[k][2] == ","]
    for k in commas[:2]:  # an apposition or aside needs a comma before it too
        np, first = subject_before(toks, k, lex)
        if np:
            return np, first
    return [], False


def subject_after(toks: list, i: int) -> list:
    """The noun phrase after an inverted verb: ", said the report", ", say web analysts"."""
    np = []
    for k in range(i + 1, min(len(toks), i + 8)):
        word = toks[k][2]
        if not word[0].isalnum() or word.lower() in _NP_STOP:
            break
        np.append(toks[k])
    return np


def agent(toks: list, i: int, reach: int = 4) -> list | None:
    """The agent of a passive reporting verb: "were given by economics minister Heizo Takenaka"."""
    for k in range(i + 1, min(len(toks), i + reach)):
        if toks[k][2].lower() == "by":
            return subject_after(toks, k) or None
    return None


def first_verb(toks: list, lex: Lexicon) -> int:
    """Index of the first word after the sentence's opening noun phrase (its verb, roughly)."""
    for k, (_s, _e, word) in enumerate(toks):
        if k and (
            word.lower() in BETWEEN
            or word.lower() in lex.reporting
            or word.lower() in lex.own
            or word.lower().endswith("ed")
        ):
            return k
    return 0
