"""The one switch between factlint's two cores.

The *Python core* is the reference: every primitive below is plain Python in the module that uses
it. The *Rust core* (rust/, built by setup.py as the optional extension `factlint._native`) has
an exact counterpart of each, with the same arguments and results (offsets in code points):

    factlint.terms.word_view(text)                  _native.word_view(text)
    factlint.terms.TermIndex.scan (automaton part,  _native.Automaton(keys, entries, merged).scan(text, lower)
      and _leftmost_longest of its handles)
    factlint.document.split_sentences(prose, s, e)  _native.split_sentences(prose[s:e], s)
    factlint.text.language.py_detect(text)          _native.StopIndex(index).detect(sample.lower(), ...)
    factlint.text.language._count(words(sample))    _native.StopIndex(index).count(sample.lower())
    factlint.text.numbers.DIGIT_FIGURE.finditer     _native.digit_figures(text)
    factlint.kinds.attribution.subjects.py_tokens   _native.tokens(text)
    names.near_miss.py_odd_case_words(prose)        _native.odd_case_words(prose[, WordSet(lexicon)])
    Gazetteer._near / CitySpelling._within_two loop _native.NearIndex(entries, by_first).near(...)
    boilerplate.Boilerplate.check: the blocks    _native.Boilerplate(table, ...).check(prose, spans,
      to report (split_units, measure, labels,      StopWords(stop list), hits, headings), one call
      classify; see kinds/boilerplate/fast.py)      per document
    attribution native_claims.py_decide             _native.ClaimTests(patterns, stems, words).decide(prose, figs)
    claims.figures (Attribution.figures' Python)    _native.ClaimTests(...).figures(prose, lower, words, records, odds)
    attribution.sourcing.py_named_sources          _native.Sources(sets, according, holds).named_sources(...)
    attribution.sourcing.vague_sources (finditer)  _native.Sources(...).vague_sources(text, s_start)
    kind.Attribution.py_judge for every sentence   _native.Judge(patterns, nouns, verbs, words).judge(tests,
      with a claim (status, named_covers, sources,    sources, prose, cues, sentences), one call per
      covers, inside_quote, carried, continues)       document (kinds/attribution/native_status.py)
    kind.Attribution.py_claims (words_at_least,     _native.Judge(...).analyse(tests, sources, prose, cues,
      may_count, tied, decide) then py_judge          casualties, groups, min_words), one call per document
    kind.Attribution.analyse_groups (figures,       _native.attr_document(judge, tests, sources, prose, lower,
      by_sentence, groups, previous, then the        hits..., blocks, markup_text, is_heading, min_words),
      above; claims.figures is its Python part)      one call per document (native_status.document)
    names.base: capitalised_tokens, _occurrences      _native.names_scan(prose).tokens(), .spans(token)
    NamesKind.py_unknown_tokens(tokens, n)          names_scan(prose).unknown(NamesTables(...), n)
    NameSpelling.py_odd_case(prose, words)          names_scan(prose).odd(NamesTables(...), prose)
    city.py_cued(doc, tokens)                       names_scan(prose).cued(tokens, PlaceCues(...), prose)

A text with a lone surrogate, which UTF-8 cannot hold, is linted by the Rust core with private use
characters in their place (`masked`, called by Linter.lint_text), its findings' text restored.

`CORE` says which one runs: "rust" when the extension is built and importable, "python" when it
is not (`pip install .` without cargo), when the environment sets FACTLINT_CORE=python, or when
in a checkout the extension is older than the Rust sources beside it (see stale_build).
tests/test_native_parity.py holds the two to identical output.
"""

import os
import re
from types import ModuleType

FORCE_VARIABLE = "FACTLINT_CORE"

CHECKOUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def stale_build(extension: str, root: str = CHECKOUT) -> bool:
    """Whether `extension` was built from older Rust sources than the checkout at `root` holds.

    In a source checkout (an editable install) a `git pull` brings new Python code and new Rust
    code, but the extension is rebuilt only by the next `pip install -e .`: the old one would be
    called with the new code's arguments. git rewrites only the files it changes, so a source
    newer than the extension means it changed since the build. An installed wheel has no rust/."""
    sources = os.path.join(root, "rust")
    if not os.path.isfile(os.path.join(sources, "Cargo.toml")) or not os.path.isfile(
        os.path.join(root, "pyproject.toml")
    ):
        return False
    try:
        built = os.stat(extension).st_mtime_ns
        names = [os.path.join(sources, "Cargo.toml")]
        names += [e.path for e in os.scandir(os.path.join(sources, "src")) if e.name.endswith(".rs")]
        return any(os.stat(name).st_mtime_ns > built for name in names)
    except OSError:
        return False


rust: ModuleType | None
_why = "native extension not built"
if os.environ.get(FORCE_VARIABLE, "").strip().lower() == "python":
    rust, _why = None, f"{FORCE_VARIABLE}=python"
else:
    try:
        import factlint._native as rust
    except ImportError:  # built without a Rust toolchain: the Python core
        rust = None
    if rust is not None and stale_build(rust.__file__ or ""):
        rust, _why = None, "native extension older than rust/: rebuild it with pip install -e ."

CORE = "rust" if rust is not None else "python"


def describe() -> str:
    """One line for `factlint --version` and `factlint plugins`."""
    if rust is not None:
        return "core: rust (factlint._native)"
    return f"core: python ({_why})"


def lent(text: str) -> str | bytes:
    """A text as lent to the Rust core: a str lent as such keeps a UTF-8 copy of itself for its
    lifetime (a long non-ASCII document and its lower-cased view would each carry one), so a
    long non-ASCII text goes as UTF-8 bytes, freed after the call."""
    return text if len(text) < 4096 or text.isascii() else text.encode()


# A Python str can hold a lone surrogate ("\ud800" from a JSON escape, a surrogateescape decoding,
# a caller's string); UTF-8, which the Rust core reads, cannot.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_PLANES = (0xF0000, 0x100000)  # supplementary private use areas A and B


def masked(text: str) -> tuple[str, dict[int, int] | None]:
    """The text as the Rust core can read it, and the table that turns its findings' text back
    (str.translate), or None if nothing was changed. Each lone surrogate stands in for a code
    point of a private use area that holds none of the text's own characters: one code point
    for one, so offsets stay, and of the same classes as a surrogate in everything the kinds
    ask (no letter, digit, space or word character, no case, not printable)."""
    if text.isascii() or not _LONE_SURROGATE.search(text):
        return text, None
    base = next(
        (b for b in _PLANES if not re.search(f"[{chr(b)}-{chr(b + 0x7FF)}]", text)), _PLANES[0]
    )  # both areas in use as well: a finding's message may show such a character as a surrogate
    out = _LONE_SURROGATE.sub(lambda m: chr(base + ord(m.group()) - 0xD800), text)
    return out, {base + c - 0xD800: c for c in range(0xD800, 0xE000)}
