"""The judgement of a whole document's claims in one call: `Attribution.py_judge` (its `status`,
`named_covers`, `sources`, `carried`, sourcing.covers, sentences.inside_quote and
sentences.continues) for every sentence with a claim, by the Rust core when it is built
(rust/src/attr_status.rs), else by the Python reference.

The Rust core gets the regexes from here, once per lexicon (`Judge`), rewritten for the `regex`
crate by native_claims.rust_pattern; it reads the document as the claim tests do, and declines
(None) a document holding a character the engines may class apart, and a sentence whose sources
the source reader declines: the output is the same on both cores by construction.
"""

from __future__ import annotations

import re

import factlint.kinds.attribution.labels as labels
import factlint.kinds.attribution.native_claims as native_claims
import factlint.kinds.attribution.sentences as sentences
import factlint.kinds.attribution.sourcing as sourcing
import factlint.native as native
import factlint.terms as terms
from factlint.text import numbers

# Attribution.tied's word classes and pattern (kind.py reads them from here).
PART_OF_AFTER = re.compile(r"\s+of\s+(?:her|his|their|its|the|them|those)\b", re.I)
PLACE_WORDS = frozenset("in on at across over during since for by from after before within".split())
CONJUNCTIONS = frozenset(("and", "or", "but", "while", "whereas", "although", "though"))

# The regexes attr_status.rs reads, by the names it asks for.
PATTERNS = {
    "coordinate": sourcing._COORDINATE,
    "aside": sourcing._ASIDE,
    "segment_break": sourcing._SEGMENT_BREAK,
    "continues_opener": sentences._CONTINUES_OPENER,
    "opens_with_share": sentences._OPENS_WITH_SHARE,
    "continues_word": sentences._CONTINUES_WORD,
    "context_before": labels.CONTEXT_BEFORE,
    "month_before": labels._MONTH_BEFORE,
    "apposition": labels._APPOSITION,
    "scale_after": labels.SCALE_AFTER,
    "capitalised_before": labels._CAPITALISED_BEFORE,
    "part_of_after": PART_OF_AFTER,
}

# Keyed by the rule's identity (its lexicon's regexes hash slowly), not pickled with it.
_JUDGES: dict[int, tuple[object, object]] = {}


def _judge(rule, opinion_verbs: frozenset):
    """The Rust core's judge for the rule (its word classes handed over once per process)."""
    hit = _JUDGES.get(id(rule))
    if hit is None or hit[0] is not rule:
        words = {
            "scales": numbers.SCALES,
            "sentence_openers": labels._SENTENCE_OPENERS,
            "casualty_before": rule.casualty_before,
            "place_words": PLACE_WORDS,
            "conjunctions": CONJUNCTIONS,
        }
        reader = native.rust.Judge(  # type: ignore[union-attr]
            {name: native_claims.rust_pattern(p) for name, p in PATTERNS.items()},
            {name: native_claims.rust_pattern(p, ascii=True) for name, p in PATTERNS.items()},
            sorted(rule.lexicon.source_nouns),
            sorted(opinion_verbs),
            {name: sorted(w) for name, w in words.items()},
        )
        if len(_JUDGES) >= 8:  # a long-lived server whose rules keep changing: bounded
            _JUDGES.clear()
        hit = _JUDGES[id(rule)] = (rule, reader)
    return hit[1]


def judge(rule, doc, cue_hits, todo: list, opinion_verbs: frozenset) -> list | None:
    """For each (block, number, [(claim span, harm span or None)]) of `todo`: (the index of the
    figure the sentence is judged by, status, vague source span or None, the cue's span or
    None), as `rule.py_judge` answers (`opinion_verbs`: kind._OPINION_VERBS), or None for a
    sentence the Rust core declines; None without the Rust core or where it declines the document."""
    if native.rust is None:
        return None
    rows = [(block, number, [(span[0], harm is not None) for span, harm in found]) for block, number, found in todo]
    return _judge(rule, opinion_verbs).judge(
        native_claims._rust(),
        sourcing._native_sources(rule.lexicon),
        native.lent(doc.prose),
        [(h[0], h[1]) for h in cue_hits],
        _asked(doc, rows),
    )


def analyse(rule, doc, hits, groups: list, opinion_verbs: frozenset, min_words: int) -> list | None:
    """For each (block, number, figures) of `groups` (Attribution.groups): None where the sentence
    yields nothing, else ([(start, end, index of the casualty hit tied or -1)] of its claims, their
    judgement as `judge` gives it or None), as Attribution.py_claims and `judge` answer; None
    without the Rust core or where it declines the document."""
    if native.rust is None:
        return None
    return _judge(rule, opinion_verbs).analyse(
        native_claims._rust(),
        sourcing._native_sources(rule.lexicon),
        native.lent(doc.prose),
        [(h[0], h[1]) for h in hits.get(rule.h_cues, ())],
        [(h[0], h[1]) for h in hits.get(rule.h_casualty, ())],
        _asked(doc, groups),
        min_words,
    )


def _asked(doc, rows) -> list:
    """(sentence start, end, block start, previous sentence or None, payload) for each
    (block, sentence number, payload) of `rows`: how the Rust Judge is asked about a sentence."""
    asked = []
    blocks = doc.blocks  # a property: read once (speed)
    for block, number, payload in rows:
        s_start, s_end = doc.block_sentences(block)[number]
        asked.append((s_start, s_end, blocks[block][0], sentences.previous(doc, block, number), payload))
    return asked


def document(rule, doc, hits, opinion_verbs: frozenset, min_words: int) -> list | None:
    """Attribution.analyse in one call of the Rust core (rust/src/attr_doc.rs): its figures, their
    sentences (no heading, no headline), then `analyse`: [(block, sentence number, [(start, end,
    index of the casualty hit tied or -1)] of its claims, their judgement as `judge` gives it or
    None)] for every sentence with a claim; None without the Rust core or where it declines."""
    if native.rust is None:
        return None
    return native.rust.attr_document(
        _judge(rule, opinion_verbs),
        native_claims._rust(),
        sourcing._native_sources(rule.lexicon),
        native.lent(doc.prose),
        native.lent(doc.lower),
        terms.raw_hits(hits, rule.h_figures),
        terms.raw_hits(hits, rule.h_records),
        bool(hits.get(rule.h_odds)),
        doc.blocks,
        doc.markup == "text",
        doc.is_heading,
        terms.raw_hits(hits, rule.h_cues),
        terms.raw_hits(hits, rule.h_casualty),
        min_words,
    )
