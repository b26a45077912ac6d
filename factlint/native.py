"""The one switch between factlint's two cores.

The *Python core* is the reference: every primitive below is plain Python in the module that uses
it. The *Rust core* (rust/, built by setup.py as the optional extension `factlint._native`) has
an exact counterpart of each, with the same arguments and results (offsets in code points):

    factlint.terms.word_view(text)                  _native.word_view(text)
    factlint.terms.TermIndex.scan (automaton part)  _native.Automaton(keys, entries).scan(text, lower)
    factlint.document.split_sentences(prose, s, e)  _native.split_sentences(prose[s:e], s)
    factlint.text.language._count(words(sample))    _native.StopIndex(index).count(sample.lower())
    factlint.text.numbers.DIGIT_FIGURE.finditer     _native.digit_figures(text)
    factlint.kinds.attribution.subjects.py_tokens   _native.tokens(text)
    names.base.py_capitalised_tokens(prose)         _native.capitalised_tokens(prose)
    names.near_miss.py_odd_case_words(prose)        _native.odd_case_words(prose[, WordSet(lexicon)])
    Gazetteer._near / CitySpelling._within_two loop _native.NearIndex(entries, by_first).near(...)

`CORE` says which one runs: "rust" when the extension is built and importable, "python" when it
is not (`pip install .` without cargo) or when the environment sets FACTLINT_CORE=python.
tests/test_native_parity.py holds the two to identical output.
"""

import os
from types import ModuleType

FORCE_VARIABLE = "FACTLINT_CORE"

rust: ModuleType | None
if os.environ.get(FORCE_VARIABLE, "").strip().lower() == "python":
    rust = None
else:
    try:
        import factlint._native as rust
    except ImportError:  # built without a Rust toolchain: the Python core
        rust = None

CORE = "rust" if rust is not None else "python"


def describe() -> str:
    """One line for `factlint --version` and `factlint plugins`."""
    if rust is not None:
        return "core: rust (factlint._native)"
    why = f"{FORCE_VARIABLE}=python" if os.environ.get(FORCE_VARIABLE) else "native extension not built"
    return f"core: python ({why})"
