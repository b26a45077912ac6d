"""Whose figure is it? Sources in a sentence as an editor reads them.

A source is a reporting verb ("said", "found", "estimates") or a verb of the actor's own figure
("posted", "plans to", "has agreed") with a subject; "according to X"; a named poll, study or
set of figures ("a Gallup poll", "figures from the ONS"); or a quotation. The subject decides
the source's quality: a name, a pronoun, a definite body ("the company", "the study") is
*named*; an unnamed group ("analysts", "anti-spam firms"), an unnamed report ("a survey", "new
figures") or agentless wording ("it is estimated", "reportedly") is *vague*.

A source covers the figures of its sentence, except a figure in a dash- or semicolon-separated
stretch the source is not in (unless the source frames the whole sentence: "X said that …",
"…, X said."), or in a non-restrictive relative clause ("…, who is accused of …,") it is not in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NAMED, VAGUE = "named", "vague"

_TOKEN = re.compile(r"[^\W\d_][\w'’.&-]*[\w]|[^\W\d_]|[$£€¥]?\d+(?:[,.]\d+)*\w*%?|[^\w\s]")
_PRONOUNS = frozenset("he she it they we i you".split())
_DETERMINERS = frozenset("the a an its his her their our this these those that my your some any every each no".split())
_DEFINITE = frozenset("the its his her their our this these those".split())
_INDEFINITE = frozenset("a an some many most several other others few various latest new recent unnamed one".split())
# Words between a subject and its verb: "Mozilla has also said", "it had previously said".
_BETWEEN = frozenset(
    """has have had also now previously later recently will would could may might should then
    further already last yesterday today earlier repeatedly once still not never is was are were
    be been being did does do separately subsequently initially originally first""".split()
)
_BE = frozenset("is are was were be been being".split())
# Words that end a subject noun phrase read backwards from its verb.
_NP_STOP = frozenset(
    """that and but or which who whom whose when while as if because although though where after
    before since so than what how why to for in on at with by from of into about over under
    instead despite during""".split()
)
# What may follow a verb that is also a noun ("shows", "reports", "figures") when it is a verb.
_VERB_FOLLOWERS = frozenset(
    """that how what a an the its their his her it they he she there more less about around nearly
    almost some over up just only growth sales profits prices to""".split()
)
_TO_VERBS = frozenset(
    """plans plan planned aims aimed aim wants wanted want intends intended intend hopes hoped hope
    threatened seeks sought seek seeking vowed vow expects expect expected hoping planning aiming wanting intending""".split()
)
_PUNCT_OPENING = frozenset(",;:(\"“'‘-–—")
_ASIDE = re.compile(r",\s+(?:who|which|whose)\b[^,;]*,")
_BY_ONLY = frozenset("released issued published compiled listed commissioned conducted".split())
_PLAN_NOUNS = frozenset(
    "plan plans proposal proposals pledge pledges promise promises bid target targets decision".split()
)
_OWNERS = frozenset("its their his her our".split())
_RESPONDENTS = frozenset("polled questioned surveyed interviewed asked".split())
_QUANTITY_WORDS = frozenset(
    """half third thirds quarter quarters fifth fifths tenth tenths most many some all none majority
    minority proportion share percent cent two three four five six seven eight nine ten""".split()
)
_CLAUSE_LINKS = frozenset("and but while whereas although though as".split())
_CLAUSE_OPENERS = frozenset("after before while when by since despite".split())
_COORDINATE = re.compile(r"\b(?:and|but|while|whereas|although|though|as|because|after|before|when)\s+$", re.I)
_SEGMENT_BREAK = re.compile(r"\s[-–—]\s|;\s")


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


def _tokens(text: str) -> list:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _quality(np: list, first: bool, lex: Lexicon) -> str | None:
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
                base in _DETERMINERS
                or base in _INDEFINITE
                or base in lex.vague_subjects
                or base in lex.source_nouns
                or base in lex.institutions
            )
        ):
            if base not in lex.vague_subjects and base not in lex.source_nouns and base not in _INDEFINITE:
                return NAMED  # a name: "Mr Straw", "Technorati", "The Japanese government"
        if low.endswith(("'s", "’s")):
            return NAMED  # "Gartner's figures", "the bank's results"
    if any(w in lex.institutions for w in lower):
        return NAMED  # "the government", "police", "Government statistics"
    if lower[0] in _DEFINITE:
        return NAMED  # a definite reference to a source named before: "the study", "the figures"
    return VAGUE


def _subject_before(toks: list, i: int, lex: Lexicon) -> tuple[list, bool]:
    """The noun phrase before the verb at toks[i] (skipping auxiliaries and adverbs), and whether
    it starts the sentence."""
    j = i - 1
    while j >= 0 and toks[j][2].lower() in _BETWEEN:
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
                    np, first = _subject_before(toks, k + 1, lex)
                    return np, first
            break
        np.insert(0, toks[j])
        j -= 1
    return np, j < 0


def _object_end(toks: list, i: int) -> int:
    """Where the object of the verb at toks[i] ends: at most 24 tokens on, and before a new
    clause (", and …", "; …", " - …")."""
    last = min(len(toks) - 1, i + 24)
    for k in range(i + 1, last + 1):
        word = toks[k][2]
        if word in (";", ":", "-", "–", "—") or (
            word == "," and k + 1 < len(toks) and toks[k + 1][2].lower() in _CLAUSE_LINKS
        ):
            return toks[k][0]
    return toks[last][1]


def _wants_to(toks: list, i: int) -> bool:
    """A verb of planning with its plan: "plans to raise", "wants it to be", "hope the song will raise"."""
    following = [t[2].lower() for t in toks[i + 1 : i + 12]]
    return "to" in following or any(w in ("will", "would", "could", "can") for w in following[:6])


def _is_quantity(word: str) -> bool:
    return word[:1].isdigit() or word[:1] in "$£€¥" or word.lower() in _QUANTITY_WORDS


def _subject_before_aside(toks: list, i: int, lex: Lexicon) -> tuple[list, bool]:
    """The subject before a comma-delimited apposition or aside: "Mikhail Saakashvili, has said",
    "RDF Media, which makes the show, has filed" (the phrase before the first comma)."""
    j = i - 1
    while j >= 0 and toks[j][2].lower() in _BETWEEN:
        j -= 1
    if j < 1 or toks[j][2] != ",":
        return [], False
    commas = [k for k in range(j - 1, max(-1, j - 14), -1) if toks[k][2] == ","]
    for k in commas[:2]:  # an apposition or aside needs a comma before it too
        np, first = _subject_before(toks, k, lex)
        if np:
            return np, first
    return [], False


def _subject_after(toks: list, i: int) -> list:
    """The noun phrase after an inverted verb: ", said the report", ", say web analysts"."""
    np = []
    for k in range(i + 1, min(len(toks), i + 8)):
        word = toks[k][2]
        if not word[0].isalnum() or word.lower() in _NP_STOP:
            break
        np.append(toks[k])
    return np


def cue_words(lex: Lexicon) -> list:
    """Every word that can start a source read token by token (for the term automaton: a
    sentence without one is never tokenised)."""
    return sorted(lex.reporting | lex.own | lex.source_nouns | _RESPONDENTS | _PLAN_NOUNS | {"is to", "are to"})


def sources(prose: str, s_start: int, s_end: int, lex: Lexicon, cues: bool = True) -> list:
    """(start, end, quality, subject) of every source in the sentence prose[s_start:s_end];
    offsets are the prose's. `subject` is the span of the verb's subject (the caller tells
    respondents, "42% of them say", by a figure inside it), ("own", from, to) for an actor's
    own verb (the reach of its object), or None. `cues`: whether the sentence holds any of
    `cue_words` (if not, only "according to" and the vague patterns are looked for)."""
    text = prose[s_start:s_end]
    toks = _tokens(text) if cues else []
    found = []
    for i, (t_start, t_end, word) in enumerate(toks):
        low = word.lower()
        if (
            low in ("is", "are")
            and i + 2 < len(toks)
            and toks[i + 1][2] == "to"
            and toks[i + 2][2].isalpha()
            and toks[i + 2][2].islower()
        ):
            # "Britain is to give a £4m grant": the actor's announced plan
            np, first = _subject_before(toks, i, lex)
            if np and _quality(np, first, lex) == NAMED:
                found.append(
                    (
                        s_start + t_start,
                        s_start + toks[i + 1][1],
                        NAMED,
                        ("own", s_start + toks[i + 1][1], s_start + _object_end(toks, i + 1)),
                    )
                )
            continue
        if (
            low in _PLAN_NOUNS
            and i > 0
            and i + 1 < len(toks)
            and toks[i + 1][2] == "to"
            and (toks[i - 1][2].lower() in _OWNERS or toks[i - 1][2].endswith(("'s", "’s")))
        ):
            # "its plan to cut staff by 25%", "the government's plans to raise £3bn": the actor's own
            found.append(
                (s_start + t_start, s_start + t_end, NAMED, ("own", s_start + t_end, s_start + _object_end(toks, i)))
            )
            continue
        own = low in lex.own and low not in lex.reporting
        if not (own or low in lex.reporting):
            continue
        nxt = toks[i + 1][2].lower() if i + 1 < len(toks) else ""
        nxt_upper = i + 1 < len(toks) and toks[i + 1][2][:1].isupper()  # "documents show Mr Brown…"
        prev = toks[i - 1][2].lower() if i > 0 else ""
        if prev in _DETERMINERS or prev.endswith(("'s", "’s")):
            continue  # a noun or an adjective: "the report", "Cunningham's proposed move"
        if (
            low in lex.noun_like
            and prev not in _BETWEEN
            and nxt not in ("", ".", "!")
            and not nxt_upper
            and not (nxt in _VERB_FOLLOWERS or nxt[:1].isdigit() or nxt[:1] in '$£€¥"“')
        ):
            continue  # a noun: "TV shows", "new figures from"
        if own and low in _TO_VERBS and not _wants_to(toks, i):
            continue
        if low in _BY_ONLY and nxt != "by" and nxt not in _DETERMINERS:
            continue  # "films released last year": a participle, a source only with its agent
        if low in ("called", "calls", "calling") and not any(t[2] in ('"', "“") for t in toks[i + 1 : i + 12]):
            continue  # "Chirac has called the £3bn rebate \"unjustified\"" reports; "a project called X" does not
        if low in ("points", "pointed", "pointing") and nxt != "out":
            continue  # "Mr Hadi points out" reports; "five points" does not
        if low in ("put", "puts", "putting") and "at" not in [t[2] for t in toks[i + 1 : i + 9]]:
            continue  # "BP put production at 4bn barrels" reports; "he put it up on the net" does not
        if (prev in _BE and not low.endswith("ing")) or nxt == "by":  # a passive ("is seeking" is not)
            agent = _agent(toks, i)
            if agent is not None:
                found.append((s_start + t_start, s_start + t_end, _quality(agent, False, lex) or VAGUE, None))
            continue  # agentless passives are the `vague` patterns' business
        # a participle ("…, saying", "after revealing") has no subject of its own; "is suing" does
        participle = low.endswith("ing") and prev not in _BETWEEN
        np, first = _subject_before(toks, i, lex)
        if not np and prev == "," and not participle:  # ", says the Nationwide building society."
            after = _subject_after(toks, i)
            if after and (i + len(after) + 1 >= len(toks) or toks[i + len(after) + 1][2] in '.;:)"”'):
                np, first = after, False
        if not np and not participle:
            np, first = _subject_before_aside(toks, i, lex)  # "Monica Chadha, BBC reporter, said"
        if (not np or _quality(np, first, lex) != NAMED) and not participle:
            after = _subject_after(toks, i)  # ", said the report", ", say analysts"
            inverted = i == 0 or prev in _PUNCT_OPENING or prev in ('"', "”", "’")
            closes = after and (i + len(after) + 1 >= len(toks) or toks[i + len(after) + 1][2] in '.,;:)"”')
            named_after = (
                closes
                and any(t[2][:1].isupper() for t in after)
                and not any(t[2].lower() in _BE or t[2].lower() in ("has", "have", "had") for t in after)
            )
            if after and (inverted or named_after):
                np, first = after, False  # "… 600 images estimates the Consumer Electronics Association."
        if not np and (prev in ("and", "but") or (participle and prev in _CLAUSE_OPENERS)):
            # "Technorati tracks six million blogs and says…", "after revealing debts of…"
            np, first = _subject_before(toks, _first_verb(toks, lex), lex)
        if not np and prev in _PUNCT_OPENING:  # ", adding that…", ", saying…": the sentence's subject speaks
            np, first = _subject_before(toks, _first_verb(toks, lex), lex)
        quality = _quality(np, first, lex)
        if quality is None or (own and quality == VAGUE):
            continue
        subject = (s_start + np[0][0], s_start + np[-1][1]) if np else None
        if own:  # the actor's own figure is the verb's object: it follows the verb closely
            reach = _object_end(toks, i)
            begin = t_end
            k = toks.index(np[0]) - 1 if np else -1
            if k > 0 and toks[k][2].lower() in ("which", "that"):
                begin = toks[max(0, k - 8)][0]  # "his £35bn savings, which Mr Howard has pledged to…"
            subject = ("own", s_start + begin, s_start + reach)
        found.append((s_start + t_start, s_start + t_end, quality, subject))
    for m in lex.according.finditer(text):
        rest = _tokens(text[m.end() :])
        np = _subject_after(rest, -1)
        quality = _quality(np, False, lex)
        agent = _agent(rest, len(np) - 1, 10) if np else None  # "according to calculations presented … by Dr Graham"
        if quality == VAGUE and agent and any(t[2][:1].isupper() for t in agent):
            quality = NAMED
        if quality:  # the source reaches to the end of its noun phrase ("according to a survey")
            found.append((s_start + m.start(), s_start + m.end() + np[-1][1], quality, None))
    for m in lex.vague.finditer(text):
        found.append((s_start + m.start(), s_start + m.end(), VAGUE, None))
    found.extend(_named_source_nouns(toks, s_start, lex))
    return found


def _agent(toks: list, i: int, reach: int = 4) -> list | None:
    """The agent of a passive reporting verb: "were given by economics minister Heizo Takenaka"."""
    for k in range(i + 1, min(len(toks), i + reach)):
        if toks[k][2].lower() == "by":
            return _subject_after(toks, k) or None
    return None


def _first_verb(toks: list, lex: Lexicon) -> int:
    """Index of the first word after the sentence's opening noun phrase (its verb, roughly)."""
    for k, (_s, _e, word) in enumerate(toks):
        if k and (
            word.lower() in _BETWEEN
            or word.lower() in lex.reporting
            or word.lower() in lex.own
            or word.lower().endswith("ed")
        ):
            return k
    return 0


def _named_source_nouns(toks: list, s_start: int, lex: Lexicon):
    """A poll, study or set of figures named in the sentence is its source: "A YouGov poll",
    "figures from the ONS", "research by Earthlink", "Government statistics"."""
    for i, (t_start, t_end, word) in enumerate(toks):
        if word.lower() in _RESPONDENTS and i > 0 and toks[i - 1][2].lower() in ("those", "the", "people", "adults"):
            yield s_start + toks[i - 1][0], s_start + t_end, NAMED, None  # "of those polled": the poll before
            continue
        if word.lower() not in lex.source_nouns or not word.islower():
            continue
        before = toks[i - 1][2] if i > 0 else ""
        det = next((t[2].lower() for t in toks[max(0, i - 3) : i] if t[2].lower() in _DEFINITE), None)
        if det and i + 1 < len(toks) and toks[i + 1][2].lower() not in ("of", "on", "into"):
            yield s_start + toks[i - 1][0], s_start + t_end, NAMED, None  # "polled for the survey"
            continue
        if i > 1 and before[:1].isupper() and before.lower() not in _DETERMINERS and before.lower() not in _INDEFINITE:
            yield s_start + toks[i - 1][0], s_start + t_end, NAMED, None
            continue
        for k in range(i + 1, min(len(toks), i + 4)):
            low = toks[k][2].lower()
            if low in ("by", "from", "for"):
                if k + 1 < len(toks) and toks[k + 1][2].lower() in _INDEFINITE:
                    break  # "research from a City investment bank": unnamed
                np = [t for t in toks[k + 1 : k + 7] if t[2][:1].isalpha()]
                if np and any(
                    t[2][:1].isupper() for t in np[:5]
                ):  # "research from message analysts the Radicati Group"
                    yield s_start + t_start, s_start + toks[k + 1][1], NAMED, None
                break


def covers(prose: str, s_start: int, s_end: int, source: tuple, start: int) -> bool:
    """Whether the source (start, end, quality, subject) speaks for the figure at `start`."""
    s_from, s_to = source[0], source[1]
    text = prose[s_start:s_end]
    subject = source[3] if source[3] is not None and source[3][0] != "own" else None
    head = min(s_from, subject[0]) if subject else s_from
    if start < head and _COORDINATE.search(prose, max(s_start, head - 12), head):
        return False  # "Hundreds were killed and both sides have accused…": another clause's source
    # A source inside a non-restrictive relative clause speaks for that aside only, and a
    # figure inside one is the reporter's aside ("X, who is accused of an $11bn fraud, said").
    for m in _ASIDE.finditer(text):
        a_from, a_to = s_start + m.start(), s_start + m.end()
        if (a_from <= start < a_to) != (a_from <= s_from < a_to):
            return False
    breaks = [s_start + m.start() for m in _SEGMENT_BREAK.finditer(text)]
    if not breaks:
        return True
    seg_fig = sum(b <= start for b in breaks)
    seg_src = sum(b <= s_from for b in breaks)
    if seg_fig == seg_src:
        return True
    if seg_src == 0:  # "X said that … - …": the source frames what follows
        return True
    # "…, X said." at the end frames the sentence only when it closes it.
    return seg_src == len(breaks) and not prose[s_to:s_end].strip(" .\"”'’") and seg_src > seg_fig
