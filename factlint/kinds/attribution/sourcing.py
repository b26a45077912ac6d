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

import factlint.kinds.attribution.native_claims as native_claims
import factlint.kinds.attribution.subjects as subjects
import factlint.native as native
from factlint.kinds.attribution.subjects import BETWEEN, DEFINITE, DETERMINERS, INDEFINITE, NAMED, VAGUE

# kind.py reads the qualities and the word classes here, with the rest of the sourcing.
Lexicon = subjects.Lexicon
__all__ = ["NAMED", "VAGUE", "Lexicon", "covers", "cue_words", "sources"]

_BE = frozenset("is are was were be been being".split())
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
_CLAUSE_OPENERS = frozenset("after before while when by since despite".split())
_COORDINATE = re.compile(r"\b(?:and|but|while|whereas|although|though|as|because|after|before|when)\s+$", re.I)
_SEGMENT_BREAK = re.compile(r"\s[-–—]\s|;\s")


def _wants_to(toks: list, i: int) -> bool:
    """A verb of planning with its plan: "plans to raise", "wants it to be", "hope the song will raise"."""
    following = [t[2].lower() for t in toks[i + 1 : i + 12]]
    return "to" in following or any(w in ("will", "would", "could", "can") for w in following[:6])


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
    head, tail = named_sources(prose, s_start, s_end, lex, cues)
    return head + vague_sources(prose, s_start, s_end, lex) + tail


def named_sources(prose: str, s_start: int, s_end: int, lex: Lexicon, cues: bool = True) -> tuple[list, list]:
    """The sources of `sources` but those of the vague patterns (which are never named), as the
    two lists that stand before and after them (read by the Rust core where it is built and
    takes the sentence: rust/src/attr_sources.rs)."""
    text = prose[s_start:s_end]
    if native.rust is not None:
        found = _native_sources(lex).named_sources(text, s_start, cues)
        if found is not None:
            return found
    return py_named_sources(text, s_start, lex, cues)


def py_named_sources(text: str, s_start: int, lex: Lexicon, cues: bool = True) -> tuple[list, list]:
    toks = subjects.tokens(text) if cues else []
    found = []
    starters, nouns = _starters(lex)
    lows = [tok[2].lower() for tok in toks]
    if not starters.isdisjoint(lows):  # most words start no source: no call for them (speed)
        for i, low in enumerate(lows):
            if low in starters:
                source = _source_at(toks, i, low, s_start, lex)
                if source is not None:
                    found.append(source)
    if not lex.according_holds or lex.according_holds in text.lower():
        found.extend(_according_to(text, s_start, lex))
    # a sentence without a source noun or a respondents' word names no poll or study
    return found, [] if nouns.isdisjoint(lows) else list(_named_source_nouns(toks, s_start, lex))


def vague_sources(prose: str, s_start: int, s_end: int, lex: Lexicon) -> list:
    """The sources the vague patterns find in the sentence ("it is estimated", "reportedly")."""
    text = prose[s_start:s_end]
    if native.rust is not None:
        found = _native_sources(lex).vague_sources(text, s_start)
        if found is not None:
            return found
    return [(s_start + m.start(), s_start + m.end(), VAGUE, None) for m in lex.vague.finditer(text)]


# Keyed by identity, not by the lexicon: hashing one hashes its regexes' code, 5 µs a call (speed).
_STARTERS: dict[int, tuple[Lexicon, frozenset, frozenset]] = {}
_NATIVE: dict[int, tuple[Lexicon, object]] = {}


def _native_sources(lex: Lexicon):
    """The Rust core's reader of named sources for `lex` (its word classes handed over once)."""
    hit = _NATIVE.get(id(lex))
    if hit is None or hit[0] is not lex:
        sets = {
            "pronouns": subjects._PRONOUNS,
            "institutions": lex.institutions,
            "vague_subjects": lex.vague_subjects,
            "determiners": DETERMINERS,
            "indefinite": INDEFINITE,
            "source_nouns": lex.source_nouns,
            "definite": DEFINITE,
            "quantity_words": subjects._QUANTITY_WORDS,
            "between": BETWEEN,
            "np_stop": subjects._NP_STOP,
            "clause_links": subjects._CLAUSE_LINKS,
            "reporting": lex.reporting,
            "own": lex.own,
            "punct_opening": _PUNCT_OPENING,
            "be": _BE,
            "noun_like": lex.noun_like,
            "verb_followers": _VERB_FOLLOWERS,
            "to_verbs": _TO_VERBS,
            "by_only": _BY_ONLY,
            "plan_nouns": _PLAN_NOUNS,
            "owners": _OWNERS,
            "respondents": _RESPONDENTS,
            "clause_openers": _CLAUSE_OPENERS,
        }
        try:
            vague = native_claims.rust_pattern(lex.vague)
        except ValueError:  # a table's pattern with a look-around: Python reads it
            vague = None
        reader = native.rust.Sources(  # type: ignore[union-attr]
            {k: sorted(v) for k, v in sets.items()},
            native_claims.rust_pattern(lex.according),
            lex.according_holds,
            vague,
        )
        hit = _NATIVE[id(lex)] = (lex, reader)
    return hit[1]


def _starters(lex: Lexicon) -> tuple[frozenset, frozenset]:
    """The words `_source_at` may find a source at, and those `_named_source_nouns` may (once
    per lexicon)."""
    hit = _STARTERS.get(id(lex))
    if hit is None or hit[0] is not lex:
        starters = frozenset({"is", "are"}) | _PLAN_NOUNS | lex.own | lex.reporting
        hit = _STARTERS[id(lex)] = (lex, starters, _RESPONDENTS | lex.source_nouns)
    return hit[1], hit[2]


def _source_at(toks: list, i: int, low: str, at: int, lex: Lexicon) -> tuple | None:
    """The source the word toks[i] (`low`, lower-cased) starts, if any: an announced plan ("is
    to"), an owned plan ("its plan to"), or a reporting verb or a verb of the actor's own figure.
    `at`: the sentence's offset in the prose."""
    if low in ("is", "are") and _is_to(toks, i):
        return _announced(toks, i, at, lex)
    if low in _PLAN_NOUNS and _owned_plan(toks, i):
        # "its plan to cut staff by 25%", "the government's plans to raise £3bn": the actor's own
        t_start, t_end = toks[i][0], toks[i][1]
        return at + t_start, at + t_end, NAMED, ("own", at + t_end, at + subjects.object_end(toks, i))
    own = low in lex.own and low not in lex.reporting
    if not (own or low in lex.reporting):
        return None
    return _verb_source(toks, i, low, own, at, lex)


def _is_to(toks: list, i: int) -> bool:
    return i + 2 < len(toks) and toks[i + 1][2] == "to" and toks[i + 2][2].isalpha() and toks[i + 2][2].islower()


def _announced(toks: list, i: int, at: int, lex: Lexicon) -> tuple | None:
    """An actor's announced plan, "Britain is to give a £4m grant" (a named actor's only)."""
    np, first = subjects.subject_before(toks, i, lex)
    if not (np and subjects.quality(np, first, lex) == NAMED):
        return None
    to_end = toks[i + 1][1]
    return at + toks[i][0], at + to_end, NAMED, ("own", at + to_end, at + subjects.object_end(toks, i + 1))


def _owned_plan(toks: list, i: int) -> bool:
    return (
        i > 0
        and i + 1 < len(toks)
        and toks[i + 1][2] == "to"
        and (toks[i - 1][2].lower() in _OWNERS or toks[i - 1][2].endswith(("'s", "’s")))
    )


def _verb_source(toks: list, i: int, low: str, own: bool, at: int, lex: Lexicon) -> tuple | None:
    """The source of the verb toks[i] (`own`: a verb of the actor's own figure), if it is a verb
    here and has a subject of a quality that may speak for it."""
    t_start, t_end = toks[i][0], toks[i][1]
    nxt = toks[i + 1][2].lower() if i + 1 < len(toks) else ""
    prev = toks[i - 1][2].lower() if i > 0 else ""
    if not _reads_as_verb(toks, i, low, own, prev, nxt, lex):
        return None
    if (prev in _BE and not low.endswith("ing")) or nxt == "by":  # a passive ("is seeking" is not)
        agent = subjects.agent(toks, i)
        if agent is None:
            return None  # agentless passives are the `vague` patterns' business
        return at + t_start, at + t_end, subjects.quality(agent, False, lex) or VAGUE, None
    # a participle ("…, saying", "after revealing") has no subject of its own; "is suing" does
    participle = low.endswith("ing") and prev not in BETWEEN
    np, first = _subject(toks, i, prev, participle, lex)
    quality = subjects.quality(np, first, lex)
    if quality is None or (own and quality == VAGUE):
        return None
    subject = (at + np[0][0], at + np[-1][1]) if np else None
    if own:  # the actor's own figure is the verb's object: it follows the verb closely
        reach = subjects.object_end(toks, i)
        begin = t_end
        k = toks.index(np[0]) - 1 if np else -1
        if k > 0 and toks[k][2].lower() in ("which", "that"):
            begin = toks[max(0, k - 8)][0]  # "his £35bn savings, which Mr Howard has pledged to…"
        subject = ("own", at + begin, at + reach)
    return at + t_start, at + t_end, quality, subject


def _reads_as_verb(toks: list, i: int, low: str, own: bool, prev: str, nxt: str, lex: Lexicon) -> bool:
    """Whether the cue word toks[i] is a verb here: not a noun, an adjective, a participle
    without its agent, or a verb that reports only in one construction."""
    nxt_upper = i + 1 < len(toks) and toks[i + 1][2][:1].isupper()  # "documents show Mr Brown…"
    if prev in DETERMINERS or prev.endswith(("'s", "’s")):
        return False  # a noun or an adjective: "the report", "Cunningham's proposed move"
    if (
        low in lex.noun_like
        and prev not in BETWEEN
        and nxt not in ("", ".", "!")
        and not nxt_upper
        and not (nxt in _VERB_FOLLOWERS or nxt[:1].isdigit() or nxt[:1] in '$£€¥"“')
    ):
        return False  # a noun: "TV shows", "new figures from"
    if own and low in _TO_VERBS and not _wants_to(toks, i):
        return False
    if low in _BY_ONLY and nxt != "by" and nxt not in DETERMINERS:
        return False  # "films released last year": a participle, a source only with its agent
    if low in ("called", "calls", "calling") and not any(t[2] in ('"', "“") for t in toks[i + 1 : i + 12]):
        return False  # "Chirac has called the £3bn rebate \"unjustified\"" reports; "a project called X" does not
    if low in ("points", "pointed", "pointing") and nxt != "out":
        return False  # "Mr Hadi points out" reports; "five points" does not
    # "BP put production at 4bn barrels" reports; "he put it up on the net" does not
    return low not in ("put", "puts", "putting") or "at" in [t[2] for t in toks[i + 1 : i + 9]]


def _subject(toks: list, i: int, prev: str, participle: bool, lex: Lexicon) -> tuple[list, bool]:
    """The subject of the verb toks[i] and whether it starts the sentence, looked for in turn:
    before the verb, after it at the sentence's end, before an aside, after an inverted verb,
    and the sentence's own subject for a second verb or a participle."""
    np, first = subjects.subject_before(toks, i, lex)
    if not np and prev == "," and not participle:  # ", says the Nationwide building society."
        after = subjects.subject_after(toks, i)
        if after and (i + len(after) + 1 >= len(toks) or toks[i + len(after) + 1][2] in '.;:)"”'):
            np, first = after, False
    if not np and not participle:
        np, first = subjects.subject_before_aside(toks, i, lex)  # "Monica Chadha, BBC reporter, said"
    if (not np or subjects.quality(np, first, lex) != NAMED) and not participle:
        after = _inverted_subject(toks, i, prev)  # ", said the report", ", say analysts"
        if after:
            np, first = after, False
    if not np and (prev in ("and", "but") or (participle and prev in _CLAUSE_OPENERS)):
        # "Technorati tracks six million blogs and says…", "after revealing debts of…"
        np, first = subjects.subject_before(toks, subjects.first_verb(toks, lex), lex)
    if not np and prev in _PUNCT_OPENING:  # ", adding that…", ", saying…": the sentence's subject speaks
        np, first = subjects.subject_before(toks, subjects.first_verb(toks, lex), lex)
    return np, first


def _inverted_subject(toks: list, i: int, prev: str) -> list:
    """The subject after a verb that opens its clause or closes the sentence with a name:
    "… 600 images estimates the Consumer Electronics Association." ([] if none)."""
    after = subjects.subject_after(toks, i)
    inverted = i == 0 or prev in _PUNCT_OPENING or prev in ('"', "”", "’")
    closes = after and (i + len(after) + 1 >= len(toks) or toks[i + len(after) + 1][2] in '.,;:)"”')
    named_after = (
        closes
        and any(t[2][:1].isupper() for t in after)
        and not any(t[2].lower() in _BE or t[2].lower() in ("has", "have", "had") for t in after)
    )
    return after if after and (inverted or named_after) else []


def _according_to(text: str, at: int, lex: Lexicon):
    """Sources "according to X", each reaching to the end of its noun phrase ("according to a survey")."""
    for m in lex.according.finditer(text):
        rest = subjects.tokens(text[m.end() :])
        np = subjects.subject_after(rest, -1)
        quality = subjects.quality(np, False, lex)
        # "according to calculations presented … by Dr Graham"
        agent = subjects.agent(rest, len(np) - 1, 10) if np else None
        if quality == VAGUE and agent and any(t[2][:1].isupper() for t in agent):
            quality = NAMED
        if quality:
            yield at + m.start(), at + m.end() + np[-1][1], quality, None


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
        det = next((t[2].lower() for t in toks[max(0, i - 3) : i] if t[2].lower() in DEFINITE), None)
        if det and i + 1 < len(toks) and toks[i + 1][2].lower() not in ("of", "on", "into"):
            yield s_start + toks[i - 1][0], s_start + t_end, NAMED, None  # "polled for the survey"
            continue
        if i > 1 and before[:1].isupper() and before.lower() not in DETERMINERS and before.lower() not in INDEFINITE:
            yield s_start + toks[i - 1][0], s_start + t_end, NAMED, None
            continue
        for k in range(i + 1, min(len(toks), i + 4)):
            low = toks[k][2].lower()
            if low in ("by", "from", "for"):
                if k + 1 < len(toks) and toks[k + 1][2].lower() in INDEFINITE:
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
