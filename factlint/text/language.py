"""Which language a text is written in, from stop-word counts (as jusText and the labelled
scraped set do), and the stop-word lists themselves for kinds that score lines by them.

The lists are jusText's (BSD-2-Clause; frequency lists built from Wikipedia), read as package
data straight from the installed `justext` distribution without importing it: importing justext
pulls in lxml, which factlint never needs.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path
from typing import Any

import factlint.native as native

# ISO 639-1 code -> jusText's stop-list name. The languages of international news and of the
# scraped corpora we measure on; a text in any other language is "undetermined".
STOPLISTS = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "pl": "Polish",
    "sv": "Swedish",
    "da": "Danish",
    "no": "Norwegian_Bokmal",
    "fi": "Finnish",
    "cs": "Czech",
    "sk": "Slovak",
    "hu": "Hungarian",
    "ro": "Romanian",
    "tr": "Turkish",
    "ru": "Russian",
    "uk": "Ukrainian",
    "ar": "Arabic",
    "ca": "Catalan",
    "hr": "Croatian",
    "sl": "Slovenian",
    "el": "Greek",
    "id": "Indonesian",
    "vi": "Vietnamese",
    "et": "Estonian",
    "lv": "Latvian",
    "lt": "Lithuanian",
    "bg": "Bulgarian",
    "sr": "Serbian",
}
# Enough words to judge, and the share of them that must be stop words of the winner: below that
# (a list of names, a table, a code listing) the language is not decided by this text.
MIN_WORDS = 8
MIN_SHARE = 0.05
DETECTION_WORDS = 150
RANK_SLACK = 10
# A language other than English is chosen only on this many different stop words of its own: a
# short English sentence holds one or two words that top another list ("met" in Dutch).
MIN_DISTINCT = 3
SAMPLE = 20_000  # characters: the head of a long text says which language it is in

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@cache  # a find_spec per list cost a tenth of a millisecond each
def _stoplist_dir() -> Path | None:
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "stoplists"
    return folder if folder.is_dir() else None


def _stoplist(lang: str) -> Path | None:
    name = STOPLISTS.get(lang)
    folder = _stoplist_dir()
    if name is None or folder is None or not (folder / f"{name}.txt").is_file():
        return None
    return folder / f"{name}.txt"


def _distinct(lines: list[str], limit: int | None = None) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for line in lines:
        word = line.strip().lower()
        if word:
            seen.setdefault(word)
            if len(seen) == limit:
                break
    return tuple(seen)


@cache
def _ranked(lang: str) -> tuple[str, ...]:
    """A language's stop words, lower case, most frequent first (jusText's lists are ordered)."""
    path = _stoplist(lang)
    return _distinct(path.read_text(encoding="utf-8").splitlines()) if path is not None else ()


def _head(lang: str, n: int) -> tuple[str, ...]:
    """_ranked(lang)[:n], reading only as much of the list as that takes: the detection index
    needs the head of each of 31 lists, and reading them whole cost a fifth of start-up."""
    path = _stoplist(lang)
    if path is None:
        return ()
    text, size = "", 4096
    with open(path, encoding="utf-8") as fh:
        while True:
            chunk = fh.read(size)
            text += chunk
            lines = text.splitlines()
            if chunk:  # more may follow: the last line may be cut short
                lines.pop()
            words = _distinct(lines, n)
            if len(words) >= n or not chunk:
                return words
            size *= 2


@cache
def stopwords(lang: str) -> frozenset[str]:
    """The stop words of a language (lower case); empty for a language without a list."""
    return frozenset(_ranked(lang))


# The index as the compiled-rules cache keeps it (RuleSet.language_index): read with the rules
# instead of built from 31 stop lists at every start-up (15 ms, a tenth of a one-file run).
_prepared: dict[str, dict[str, float]] | None = None


def use_index(index: dict[str, dict[str, float]] | None) -> None:
    """Detect with `index`, an _index() the compiled rules kept (unless one is already in use)."""
    global _prepared
    if _prepared is None and index:
        _prepared = index


def _index() -> dict[str, dict[str, float]]:
    global _prepared
    if _prepared is None:
        _prepared = _build_index()
    return _prepared


def _build_index() -> dict[str, dict[str, float]]:
    """word -> {language: weight}, from each language's most frequent words only: the long tails
    of the Wikipedia-built lists hold English names and nouns ("football", "london" in the Finnish
    one), and even their heads leak ("the" ranks 60th in the Swedish one). A word counts for the
    languages where it ranks near its best rank ("in": English, German, Slovenian; "the": English
    alone; "de": Spanish and French, not English), 1/n for each of n."""
    ranks: dict[str, dict[str, int]] = {}
    for lang in STOPLISTS:
        for rank, word in enumerate(_head(lang, DETECTION_WORDS)):
            ranks.setdefault(word, {})[lang] = rank
    index: dict[str, dict[str, float]] = {}
    for word, by_lang in ranks.items():
        best = min(by_lang.values())
        langs = [lang for lang, rank in by_lang.items() if rank <= 2 * best + RANK_SLACK]
        index[word] = {lang: 1.0 / len(langs) for lang in langs}
    return index


def words(text: str) -> list[str]:
    """The lower-cased words of a text (letters, with an inner apostrophe)."""
    return _WORD.findall(text.lower())


def detect(text: str) -> str | None:
    """The ISO 639-1 code of the language of `text`, or None when it cannot be told (too few
    words, too few stop words of any language, or no stop lists installed)."""
    if native.rust is not None:  # the word loop and the ranking natively (the ranking: a quarter of detect in Python)
        return _native_index().detect(text[:SAMPLE].lower(), MIN_WORDS, MIN_SHARE, MIN_DISTINCT)
    return py_detect(text)


def py_detect(text: str) -> str | None:
    """detect() by the Python core (the reference of StopIndex.detect)."""
    n_tokens, counts, n_distinct = _count(words(text[:SAMPLE]))
    if n_tokens < MIN_WORDS:
        return None
    # Ties go to English, then to the code's order: a deterministic answer either way.
    ranked = sorted(counts, key=lambda lang: (counts[lang], lang == "en", lang), reverse=True)
    for lang in ranked:
        if counts[lang] < MIN_SHARE * n_tokens:
            return None
        if lang == "en" or n_distinct[lang] >= MIN_DISTINCT:
            return lang
    return None


def _count(tokens: list[str]) -> tuple[int, dict[str, float], dict[str, int]]:
    """(number of words, summed weight per language, distinct stop words per language): the
    Python core of detect(); the Rust core's StopIndex.count is its exact counterpart."""
    index = _index()
    counts: dict[str, float] = {}
    distinct: dict[str, set[str]] = {}
    for token in tokens:
        weights = index.get(token)
        if weights:
            for lang, weight in weights.items():
                counts[lang] = counts.get(lang, 0.0) + weight
                distinct.setdefault(lang, set()).add(token)
    return len(tokens), counts, {lang: len(words) for lang, words in distinct.items()}


@cache
def _native_index() -> Any:
    """The stop-word index as the Rust core's StopIndex, built once (the extension has no stubs)."""
    assert native.rust is not None
    return native.rust.StopIndex([(word, list(weights.items())) for word, weights in _index().items()])


def density(text: str, lang: str) -> tuple[int, float]:
    """(number of words, share of them that are stop words of `lang`) for a line or paragraph,
    as jusText scores a block; the share is 0.0 for a language without a list."""
    tokens = words(text)
    if not tokens:
        return 0, 0.0
    stops = stopwords(lang)
    if not stops:
        return len(tokens), 0.0
    return len(tokens), sum(1 for t in tokens if t in stops) / len(tokens)
