"""The Boilerplate kind's check() on the Rust core (factlint.native): one call per document that
splits the units, measures them, labels them from the table, classifies them and returns the
blocks to report. The Python code beside it stays the reference; tests/test_boilerplate_native.py
holds the two to identical findings.

The Rust side reads each regex of features.py, table.py and classify.py by hand. The prefix
patterns of the table are built from data, but what must follow a prefix (table._AFTER) is code:
the Rust side knows the patterns below, and a table whose labels need another one runs on the
Python core."""

from __future__ import annotations

from functools import cache
from typing import Any

import factlint.kinds.boilerplate.classify as classify
import factlint.kinds.boilerplate.table as table
import factlint.native as native
from factlint.text.language import stopwords

UNBUILT = False  # Boilerplate._native before its first use (None: no Rust core for it)

# The `after` patterns the Rust core reads by hand (rust/src/boilerplate.rs, `after`).
AFTER_KINDS = {
    r"\s*(?:\([^)\n]{0,20}\)\s*)?(?:[:|/©]|\s(?:by|von|de|por|di|da|par|door)\s)": 1,
    r"\s*:|\s+[A-ZÀ-ÖØ-Þ\u0100-\u017f][\w'’.-]*": 2,
    r"\s*[:,]?\s*(?:\d|[^\W\d_]+\s+\d)": 3,
    r"\s*:[^\w\n]*\w": 0,
}


def build(t: table.Table, constants: dict[str, float]) -> Any:
    """The Rust core's Boilerplate for table `t`, or None (no Rust core, or a prefix whose
    `after` pattern the Rust side does not read)."""
    if native.rust is None:
        return None
    prefixes = []
    for label, entries, after in t.prefix_entries:
        if after not in AFTER_KINDS:
            return None
        prefixes.append((label, entries, AFTER_KINDS[after]))
    consts = {name: float(getattr(classify, name)) for name in _CLASSIFY}
    consts.update({"GOOD": classify.WEIGHTS[classify.GOOD], "NEAR": classify.WEIGHTS[classify.NEAR]})
    consts.update({"SHORT": classify.WEIGHTS[classify.SHORT], "BAD": classify.WEIGHTS[classify.BAD]})
    consts.update({"SHARE_NAMES": float(table.SHARE_NAMES)}, **constants)
    return native.rust.Boilerplate(
        list(zip(t.labels, t.weak)),
        list(t.lines.items()),
        t.longest,
        sorted(t.share_words),
        prefixes,
        sorted(classify.BREAK_LABELS),
        sorted(classify.INLINE_LABELS),
        consts,
    )


_CLASSIFY = (
    "LONG_WORDS",
    "VERY_LONG_WORDS",
    "STOP_HIGH",
    "STOP_LOW",
    "FRAGMENT_STOP",
    "BREAK_WEIGHT",
    "LABEL_WEIGHT",
    "LIST_RUN",
    "TOC_ENTRIES",
    "MERGE_SCORE",
    "HEADLINE_GAP",
)


@cache
def stop_words(lang: str) -> Any:
    """The stop words of `lang` as the Rust core's StopWords, built once; None without a list."""
    words = stopwords(lang)
    return native.rust.StopWords(sorted(words)) if words and native.rust is not None else None
