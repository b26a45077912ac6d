"""Word lists the Names kinds look tokens up in: a compact Lexicon, the English word list
(SCOWL, rules/Names/data/english-words.txt) and Vale-style vocabularies (accept/reject lists).

Tables are loaded once per process and shared by every rule that names the same file, so the
compiled-rules cache pickles each once (pickle keeps shared references shared).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import factlint.native as native
from factlint.lazyre import lazy_compile

_SHARED: dict = {}


def shared(kind, path, build):
    """build(path), once per process for a file of a given size and mtime."""
    st = Path(path).stat()
    key = (kind, str(path), st.st_mtime_ns, st.st_size)
    if key not in _SHARED:
        _SHARED[key] = build(path)
    return _SHARED[key]


class Lexicon:
    """A large set of strings that loads fast. It is kept (and pickled in the rules cache) as one
    sorted string; the first look-ups of a run are binary searches in that string (no list or
    set is built: splitting the 120,000 city words alone costs 8 ms), and a frozenset is built
    only once the run has made enough of them to pay for it. Building the set of the English
    word list costs 25 ms, a sixth of a one-file run: a pre-commit hook never pays it."""

    # Look-ups: 2,000 searches in the string cost about what building a set does in Python
    # (11 ms; the Rust core's search is 13x faster, but the set also gives the Names kinds'
    # native tables: NamesKind.native_tables).
    SET_AFTER = 2_000
    NATIVE_AFTER = 200

    def __init__(self, items):
        items = sorted(items)
        if any("\n" in item for item in items):
            raise ValueError("a lexicon entry contains a line break")
        self.__setstate__("\n".join(items))

    def __getstate__(self):
        return self._text

    def __setstate__(self, text):
        self._text = text
        self._set = None
        self._lookups = 0

    def native_set(self):
        """The lexicon as the Rust core's WordSet, for scans that look words up without handing
        them to Python; None on the Python core, and until the run has made enough look-ups to
        have built the set (a one-file run never pays for it)."""
        return self._set if native.rust is not None else None

    def _as_set(self):
        """The set: on the Rust core its WordSet (spans of the one text: half the time to build
        and a quarter of the memory of a frozenset of strings), else a frozenset."""
        if self._set is None:
            if native.rust is not None:
                self._set = native.rust.WordSet(self._text)
            else:
                self._set = frozenset(self._text.split("\n")) if self._text else frozenset()
        return self._set

    def _search(self, item):
        # The Rust core's search (names.rs lines_contain) is 13x faster, but its first call
        # makes a UTF-8 copy of the text (0.6 ms a MB): worth it from about 200 look-ups.
        if native.rust is not None and self._lookups > self.NATIVE_AFTER:
            return native.rust.lines_contain(self._text, item)
        return self.py_search(item)

    def py_search(self, item):
        """Binary search over the lines of the sorted text, by character offset."""
        text = self._text
        lo, hi = 0, len(text)  # lo and hi are line starts; the lines in [lo, hi) remain
        while lo < hi:
            mid = (lo + hi) // 2
            start = text.rfind("\n", lo, mid)
            start = lo if start < 0 else start + 1
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            line = text[start:end]
            if line == item:
                return True
            if line < item:
                lo = end + 1
            else:
                hi = start
        return False

    def __contains__(self, item):
        if self._set is not None:
            return item in self._set
        self._lookups += 1
        if self._lookups > self.SET_AFTER:
            return item in self._as_set()
        return bool(self._text) and self._search(item)

    def missing(self, items):
        """The set of `items` that are not in the lexicon."""
        if self._set is None and self._lookups + len(items) <= self.SET_AFTER:
            return {item for item in items if item not in self}
        table = self._as_set()
        return set(items) - table if isinstance(table, frozenset) else table.missing(items)


def expect_many_lookups() -> None:
    """This process lints many documents (a --jobs worker): each Lexicon builds its set at its
    first look-up. The text searches before it would be wasted: in a worker they cost 45 ms of
    CPU in its first batch of the BBC folder, as much as building the sets."""
    Lexicon.SET_AFTER = 0


class WordList:
    """The English word list: `words` (all entries, lower case) and `proper` (the capitalised
    entries: given names, surnames, places), as Lexicons."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as fh:
            entries = [line.strip() for line in fh if line.strip() and not line.startswith("#")]
        words = {e.lower() for e in entries}
        # Plurals of listed words are left out (a fifth of the list): `known` strips -s/-es, and
        # a smaller list loads faster from the rules cache.
        self.words = Lexicon(
            w for w in words if not (w[-1] == "s" and (w[:-1] in words or (w[-2:] == "es" and w[:-2] in words)))
        )
        self.proper = Lexicon(e for e in entries if e[0].isupper())

    def __contains__(self, low):
        return low in self.words


class Vocabulary:
    """Vale-style vocabularies: folders holding accept.txt (never flagged) and reject.txt (always
    flagged; `wrong -> right` gives a suggestion). One entry a line, '#' comments. Accept entries
    match case-insensitively, reject entries exactly.

    The files may live outside the rule packs, which the rules cache does not fingerprint, so a
    Vocabulary unpickled from the cache re-reads its files when their size or mtime changed."""

    def __init__(self, files):
        self.files = files
        self._load()

    def _stamps(self):
        out = []
        for path in self.files:
            try:
                st = os.stat(path)
                out.append((st.st_mtime_ns, st.st_size))
            except OSError:
                out.append(None)
        return out

    def _load(self):
        self.stamps = self._stamps()
        self.accept = set()
        self.reject = {}
        for path in self.files:
            if not os.path.isfile(path):
                continue
            is_accept = os.path.basename(path) == "accept.txt"
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    line = line.strip()
                    if not line or line.startswith("#"):
                        continue
                    if is_accept:
                        self.accept.add(line.lower())
                    else:
                        wrong, _, right = line.partition("->")
                        self.reject[wrong.strip()] = right.strip()
        self.reject_re = None
        if self.reject:
            alternation = "|".join(re.escape(w) for w in sorted(self.reject, key=len, reverse=True))
            self.reject_re = lazy_compile(rf"(?<![\w'’])(?:{alternation})(?!\w)")

    def __setstate__(self, state):
        self.__dict__.update(state)
        if self._stamps() != self.stamps:
            self._load()

    def accepts(self, word):
        return word.lower() in self.accept
