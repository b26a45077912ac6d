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

import factlint.kinds.attribution.native_claims as native_claims
import factlint.kinds.attribution.sentences as sentences
import factlint.kinds.attribution.sourcing as sourcing
import factlint.native as native

# The regexes attr_status.rs reads, by the names it asks for.
PATTERNS = {
    "coordinate": sourcing._COORDINATE,
    "aside": sourcing._ASIDE,
    "segment_break": sourcing._SEGMENT_BREAK,
    "continues_opener": sentences._CONTINUES_OPENER,
    "opens_with_share": sentences._OPENS_WITH_SHARE,
    "continues_word": sentences._CONTINUES_WORD,
}

# Keyed by identity, as sourcing._native_sources is (a lexicon's regexes hash slowly).
_JUDGES: dict[int, tuple[sourcing.Lexicon, object]] = {}


def _judge(lex: sourcing.Lexicon, opinion_verbs: frozenset):
    """The Rust core's judge for `lex` (its word classes handed over once per process)."""
    hit = _JUDGES.get(id(lex))
    if hit is None or hit[0] is not lex:
        reader = native.rust.Judge(  # type: ignore[union-attr]
            {name: native_claims.rust_pattern(p) for name, p in PATTERNS.items()},
            {name: native_claims.rust_pattern(p, ascii=True) for name, p in PATTERNS.items()},
            sorted(lex.source_nouns),
            sorted(opinion_verbs),
        )
        hit = _JUDGES[id(lex)] = (lex, reader)
    return hit[1]


def judge(rule, doc, cue_hits, todo: list, opinion_verbs: frozenset) -> list | None:
    """For each (block, number, [(claim span, harm span or None)]) of `todo`: (the index of the
    figure the sentence is judged by, status, vague source span or None, the cue's span or
    None), as `rule.py_judge` answers (`opinion_verbs`: kind._OPINION_VERBS), or None for a
    sentence the Rust core declines; None without the Rust core or where it declines the document."""
    if native.rust is None:
        return None
    asked = []
    blocks = doc.blocks  # a property: read once (speed)
    for block, number, found in todo:
        s_start, s_end = doc.block_sentences(block)[number]
        figures = [(span[0], harm is not None) for span, harm in found]
        asked.append((s_start, s_end, blocks[block][0], sentences.previous(doc, block, number), figures))
    return _judge(rule.lexicon, opinion_verbs).judge(
        native_claims._rust(),
        sourcing._native_sources(rule.lexicon),
        native.lent(doc.prose),
        [(h[0], h[1]) for h in cue_hits],
        asked,
    )
