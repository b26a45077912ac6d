"""TermIndex: every word list of every rule, matched in one pass.

Literal terms from all rules go into one Aho-Corasick automaton over the lower-cased prose (a
case-sensitive term is compared with the text on a hit); terms that are regular expressions go
into one alternation per rule. A rule registers its list once at compile time and gets a
*handle*; at lint time `scan(doc)` returns, per handle, non-overlapping hits chosen
leftmost-longest (as Vale's longest-key-first alternation does).
"""

import re
from array import array
from collections.abc import Iterator, Mapping

import ahocorasick

import factlint.native as native
from factlint.findings import TIMED_OUT

_REGEX_CHARS = set("\\^$.|?*+()[]{}")


def is_word_char(ch):
    return ch.isalnum() or ch == "_"


def is_literal(term):
    return not (_REGEX_CHARS & set(term))


# Whole words in C: the automata run over a *word view* of the text, of the same length with every
# character that is not a word character as a space, and a term that starts (ends) with a word
# character is stored with a space before (after) it. The automaton then finds "un" only as a
# word, never inside "until" or "fun" (a hit per word part cost a Python test each, half of all
# hits). The view is padded with a space at each end, so a term may start or end the text. A
# term with other characters than word characters ("according to", "U.S.") is checked against
# the text itself on a hit, since the view cannot tell "it is" from "it, is".
_NONWORD_BYTES = bytes.maketrans(
    bytes(range(128)), bytes(b if (chr(b).isalnum() or b == 95) else 32 for b in range(128))
)
_NON_ASCII = re.compile("[^\x00-\x7f]+")
_CHUNK = 256


def py_word_view(text):
    """`text` with every character but a word character (is_word_char) as a space."""
    # ASCII through bytes.translate (a table look-up per byte; str.translate is far slower), a
    # non-ASCII character as "?" first (one per character: the length is kept).
    view = text.encode("ascii", "replace").translate(_NONWORD_BYTES).decode("ascii")
    if text.isascii():
        return view
    # The non-ASCII characters are found a chunk at a time: str.isascii() passes over an ASCII
    # chunk at memory speed, where the regex tests every character (one "£" in an article made
    # the view 50 times slower).
    parts, pos, n = [], 0, len(text)
    for chunk in range(0, n, _CHUNK):
        if text[chunk : chunk + _CHUNK].isascii():
            continue
        for m in _NON_ASCII.finditer(text, chunk, chunk + _CHUNK):
            parts.append(view[pos : m.start()])
            parts.append("".join(c if c.isalnum() else " " for c in m.group()))
            pos = m.end()
    parts.append(view[pos:])
    return "".join(parts)


# The switch point (factlint/native.py): the Rust core's word view, else the Python one.
word_view = native.rust.word_view if native.rust is not None else py_word_view


class TermIndex:
    def __init__(self):
        # raw -> {automaton key: [(handle, term_no, before, after, check, exact)]}. `raw` tables
        # match the text (code and URLs included), the others the prose. `before`/`after`: the
        # key's padding spaces (see word_view). `check`: what the hit must read, where the word
        # view cannot tell (a case-sensitive term, as written, compared with the text; a term
        # with spaces or punctuation, lower-cased, compared with the lower-cased text).
        self._tables = {}
        # (handle, compiled alternation, group name -> term_no, raw, on lower-cased text, prefixes)
        self._regexes = []
        self._handles = 0
        self._shared = {}
        self._automata = None
        self.owner = None  # the rule being compiled (set by ruleset.compile_rules): named on a timeout

    def add(self, terms, ignorecase=False, nonword=False, raw=False, literal=False):
        """Register a list of terms; return the handle for scan() results. `raw=True` matches
        the original text instead of the prose (code and URLs included); `literal=True` takes
        every term as plain text (knowledge tables), never as a regular expression."""
        key = (tuple(terms), ignorecase, nonword, raw, literal)
        if key in self._shared:  # an identical list (two rules over one table) scans once
            return self._shared[key]
        handle = self._handles
        self._handles += 1
        self._shared[key] = handle
        table = self._table(raw)
        patterns, symbols = [], []
        for term_no, term in enumerate(terms):
            if literal or is_literal(term):
                key = lowered(term)  # the same folding as the text, so "İzmit" matches
                view = word_view(key)
                if view.isspace():  # "©": nothing of it in the word view
                    symbols.append((term_no, re.escape(key if ignorecase else term)))
                    continue
                before = int(not nonword and is_word_char(key[0]))
                after = int(not nonword and is_word_char(key[-1]))
                if not ignorecase:
                    check = term
                else:
                    check = None if key.isalnum() or all(is_word_char(c) for c in key) else key
                entry = (handle, term_no, before, after, check, not ignorecase)
                table.setdefault(" " * before + view + " " * after, []).append(entry)
            else:
                patterns.append((term_no, term))
        if patterns:
            regex, names = _alternation(patterns, re.IGNORECASE if ignorecase else 0, nonword)
            self._regexes.append((handle, regex, names, raw, False, _prefixes([t for _n, t in patterns]), self.owner))
        if symbols:  # as the automaton would: in the lower-cased text unless exact, no word edges
            regex, names = _symbols(symbols)
            self._regexes.append((handle, regex, names, raw, ignorecase, None, self.owner))
        self._automata = None
        return handle

    # Pickled (the compiled-rules cache) with each table packed (_pack): a string, two byte
    # arrays and the few checks load far faster than 10,000 keys' lists of tuples, and the Rust
    # core builds its automaton from them without a Python object per entry. Loaded, a table
    # stays packed until Python needs its dict (_table: the Python core's automaton, a later
    # add()). add()'s dedup of identical lists is for compiling only: not kept.
    def __getstate__(self):
        state = dict(self.__dict__)
        state["_tables"] = {raw: _pack(table) for raw, table in self._tables.items() if table}
        state["_shared"], state["_automata"] = {}, None
        return state

    def _table(self, raw):
        """The dict of a table (made empty, or unpacked, if need be)."""
        table = self._tables.get(raw)
        if not isinstance(table, dict):
            table = self._tables[raw] = {} if table is None else _unpack(table)
        return table

    def _build(self):
        # The handles that also have regex hits: their automaton hits are chosen among
        # (leftmost-longest) together with those; the Rust core chooses among any other
        # handle's hits itself.
        self._merged = {entry[0] for entry in self._regexes}
        automata = []
        for raw in sorted(self._tables):
            if not self._tables[raw]:
                continue
            if native.rust is not None:  # the same keys and entries, scanned natively
                merged = sorted(self._merged)
                automata.append((native.rust.Automaton.packed(*_pack(self._tables[raw]), merged), raw))
                continue
            table = self._table(raw)
            auto = ahocorasick.Automaton()
            for key, entries in table.items():
                auto.add_word(key, (len(key), entries))
            auto.make_automaton()
            automata.append((auto, raw))
        self._automata = automata

    def scan(self, doc):
        """Return {handle: [(start, end, term_no), ...]} for this document."""
        if self._automata is None:
            self._build()
        found = {}
        for auto, raw in self._automata:
            text = doc.text if raw else doc.prose
            lower = lowered(text) if raw else doc.lower
            if native.rust is not None:  # checks applied natively, in the order of auto.iter()
                for handle, group in auto.scan(native.lent(text), native.lent(lower)):
                    if handle in found:
                        found[handle] = _listed(found[handle]) + group.hits()
                    else:
                        found[handle] = group  # a HitGroup: a list when a rule asks (TermHits)
                continue
            # Padded: view offsets are text offsets + 1.
            for last, (length, entries) in auto.iter(" " + word_view(lower) + " "):
                for handle, term_no, before, after, check, exact in entries:
                    start, end = last - length + before, last - after
                    if check is not None and (text if exact else lower)[start:end] != check:
                        continue
                    found.setdefault(handle, []).append((start, end, term_no))
        for handle, regex, names, raw, on_lower, prefixes, owner in self._regexes:
            if prefixes and not raw and not _may_match(prefixes, doc.lower):
                continue
            text = doc.text if raw else doc.prose
            if on_lower:
                text = lowered(text) if raw else doc.lower
            hits = []
            try:
                for m in regex.finditer(text):
                    hits.append((m.start(), m.end(), names[m.lastgroup]))
            except TimeoutError:  # a rule author's pattern backtracking without end: reported, not waited for
                found.setdefault(TIMED_OUT, []).append(owner)
                continue
            if hits:
                found[handle] = _listed(found.get(handle, [])) + hits
        chosen = self._merged if native.rust is not None else found  # see _build
        for handle, hits in found.items():
            if handle != TIMED_OUT and handle in chosen:
                found[handle] = _leftmost_longest(_listed(hits))
        return TermHits(found) if native.rust is not None else found  # the Python core's are lists


def _pack(table):
    """A table as (its keys joined by line breaks, the number of entries of each key and each
    entry's handle, term_no, before, after and exact, as int64 bytes, [(entry number, check)]).
    Keys are of the word view: no line break in them. A table still packed is returned as is."""
    if isinstance(table, tuple):
        return table
    counts, ints, checks = array("q"), array("q"), []
    for entries in table.values():
        counts.append(len(entries))
        for handle, term_no, before, after, check, exact in entries:
            if check is not None:
                checks.append((len(ints) // 5, check))
            ints.extend((handle, term_no, before, after, exact))
    return "\n".join(table), counts.tobytes(), ints.tobytes(), checks


def _unpack(packed):
    """The table of _pack's tuple (its columns sliced and zipped at C level: the Python core
    unpacks 10,000 keys at its first scan)."""
    keys, counts, ints, checks = packed
    ints = array("q", ints)
    exact = map(bool, ints[4::5])
    checks = map(dict(checks).get, range(len(ints) // 5))
    entries = list(zip(ints[0::5], ints[1::5], ints[2::5], ints[3::5], checks, exact))
    table, at = {}, 0
    for key, n in zip(keys.split("\n") if keys else (), array("q", counts), strict=True):
        table[key] = entries[at : at + n]
        at += n
    return table


def _listed(hits):
    """A handle's hits as a list (the Rust core's HitGroup made one)."""
    return hits if isinstance(hits, list) else hits.hits()


class TermHits(Mapping):
    """TermIndex.scan's {handle: [(start, end, term_no)]}. The Rust core's hits of a handle stay
    in Rust (a HitGroup) until a rule asks for them: the attribution kind hands its cue words'
    hits, half of a long document's, back to the Rust core (`raw`) without their ever being made
    Python tuples (55 MB of a 32 MB document's peak)."""

    __slots__ = ("_found",)

    def __init__(self, found: dict) -> None:
        self._found = found

    def __getitem__(self, handle) -> list:
        hits = self._found[handle]
        if not isinstance(hits, list):
            hits = self._found[handle] = hits.hits()
        return hits

    # Mapping's get goes through a KeyError, and most handles have no hits.
    def get(self, handle, default=None):
        return self[handle] if handle in self._found else default

    def __contains__(self, handle) -> bool:
        return handle in self._found

    def __iter__(self) -> Iterator:
        return iter(self._found)

    def __len__(self) -> int:
        return len(self._found)

    def raw(self, handle):
        """The handle's hits as the Rust core takes them: its HitGroup while no rule made it a
        list, else the list (empty: no hits)."""
        return self._found.get(handle, ())


def raw_hits(hits: Mapping, handle):
    """hits.raw(handle) of TermHits; a rule run on another mapping (a test's dict) gets its list."""
    return hits.raw(handle) if isinstance(hits, TermHits) else hits.get(handle, ())


def _alternation(patterns, flags, nonword):
    """One regex for [(term_no, pattern)], longest first so that at one position the longest
    alternative wins; with the group name -> term_no map. A rule author's pattern: guarded
    (regexguard), checked now, compiled on first use (a run whose documents never reach it,
    see _prefixes, never imports the `regex` package)."""
    # Deferred for start-up: only compiling rules checks patterns.
    from factlint.text.regexguard import compile_guarded

    body, names = _body(patterns)
    if not nonword:
        body = rf"(?<!\w)(?:{body})(?!\w)"
    for _term_no, term in patterns:  # each alone, so that the error names the term
        compile_guarded(term, flags)
    compile_guarded(body, flags)
    return _Guarded(body, flags), names


def _symbols(symbols):
    """The alternation of escaped literal symbols ("©"): plain text cannot backtrack, so `re`
    compiles it (no guard, no `regex` import); matches are those of the guarded engine."""
    body, names = _body(symbols)
    return re.compile(body), names


def _body(patterns):
    parts, names = [], {}
    for term_no, term in sorted(patterns, key=lambda p: -len(p[1])):
        name = f"t{term_no}"
        names[name] = term_no
        parts.append(f"(?P<{name}>{term})")
    return "|".join(parts), names


class _Guarded:
    """A guarded pattern (regexguard.compile_guarded) compiled on first use; pickled as its
    source, so that loading the compiled rules neither imports `regex` nor compiles it."""

    def __init__(self, pattern, flags):
        self.pattern, self.flags = pattern, flags
        self._compiled = None

    def finditer(self, text):
        if self._compiled is None:
            from factlint.text.regexguard import compile_guarded  # deferred for start-up: see above

            self._compiled = compile_guarded(self.pattern, self.flags)
        return self._compiled.finditer(text)

    def __reduce__(self):
        return (_Guarded, (self.pattern, self.flags))


# A regex alternation that begins with a look-behind or matches case-insensitively gets no fast
# prefix search from `re` (20 MB/s). When every term starts with a literal word, the document is
# first searched for those words in its lower-cased prose (`in`: ~1 GB/s) and the regex is run
# only if one is there. Exact: case-insensitive `re` also equates 'ı', 'ſ' and 'İ' with 'i' and
# 's', which lower() does not, so a text with any of them always runs the regex.
_CASE_FIX = ("ı", "ſ", "İ")
_MIN_PREFIX = 3


def _prefixes(terms):
    """Lower-cased literal prefixes, one per term, or None if some term has none (ASCII only)."""
    from re import _parser as sre_parse  # deferred for start-up: only compiling rules parses regexes

    out = set()
    for term in terms:
        try:
            items = list(sre_parse.parse(term))
        except Exception:  # noqa: BLE001 - the full regex compiled; no prefilter then
            return None
        prefix = ""
        for op, av in items:
            if op is not sre_parse.LITERAL or not chr(av).isascii():
                break
            prefix += chr(av)
        if len(prefix) < _MIN_PREFIX:
            return None
        out.add(_fold(prefix.lower()))  # as in Document.lower: line breaks and tabs are spaces
    return tuple(sorted(out))


def _may_match(prefixes, lower):
    return any(p in lower for p in prefixes) or any(c in lower for c in _CASE_FIX)


def _fold(s):
    # Line breaks and tabs count as spaces, so a phrase wrapped over two lines still matches.
    # (Three replace() calls: str.translate is seven times slower on non-ASCII text such as "£".)
    return s.replace("\n", " ").replace("\r", " ").replace("\t", " ")


def lowered(text):
    """Lower-cased text of the same length, line breaks as spaces."""
    low = text.lower()
    if len(low) != len(text):  # e.g. 'İ' lowers to two code points: keep offsets aligned
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return _fold(low)


def _leftmost_longest(hits):
    if len(hits) < 2:
        return hits
    hits.sort(key=lambda h: (h[0], -h[1]))
    out, last_end = [], -1
    for hit in hits:
        if hit[0] >= last_end:
            out.append(hit)
            last_end = hit[1]
    return out
