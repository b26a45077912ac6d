"""TermIndex: every word list of every rule, matched in one pass.

Literal terms from all rules go into one Aho-Corasick automaton over the lower-cased prose, and
case-sensitive ones into a second automaton over the prose as written (matched lower-cased, "US"
and "UN" would hit inside every "business" and "until": a third of all hits, each rejected in
Python); terms that are regular expressions go into one alternation per rule. A rule registers its list once at compile time and gets a *handle*; at lint
time `scan(doc)` returns, per handle, non-overlapping hits chosen leftmost-longest (as Vale's
longest-key-first alternation does).
"""
import re

import ahocorasick

_REGEX_CHARS = set("\\^$.|?*+()[]{}")


def is_word_char(ch):
    return ch.isalnum() or ch == "_"


def is_literal(term):
    return not (_REGEX_CHARS & set(term))


class TermIndex:
    def __init__(self):
        # (raw, exact) -> {key: [(handle, term_no, nonword), ...]}. `raw` tables match the text
        # (code and URLs included), the others the prose; `exact` tables match case as written,
        # the others the lower-cased view.
        self._tables = {}
        self._regexes = []  # (handle, compiled alternation, group name -> term_no, raw, prefixes)
        self._handles = 0
        self._shared = {}
        self._automata = None

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
        table = self._tables.setdefault((raw, not ignorecase), {})
        patterns = []
        for term_no, term in enumerate(terms):
            if literal or is_literal(term):
                # The same folding as the text, so "İzmit" matches; exact terms as written.
                key = term if not ignorecase else lowered(term)
                table.setdefault(key, []).append((handle, term_no, nonword))
            else:
                patterns.append((term_no, term))
        if patterns:
            # Longest first, so that at one position the longest alternative wins.
            patterns.sort(key=lambda p: -len(p[1]))
            parts, names = [], {}
            for term_no, term in patterns:
                name = f"t{term_no}"
                names[name] = term_no
                parts.append(f"(?P<{name}>{term})")
            body = "|".join(parts)
            if not nonword:
                body = rf"(?<!\w)(?:{body})(?!\w)"
            regex = re.compile(body, re.IGNORECASE if ignorecase else 0)
            self._regexes.append((handle, regex, names, raw, _prefixes([t for _n, t in patterns])))
        self._automata = None
        return handle

    def _build(self):
        automata = []
        for (raw, exact), table in sorted(self._tables.items()):
            if not table:
                continue
            auto = ahocorasick.Automaton()
            for key, entries in table.items():
                auto.add_word(key, (len(key), entries))
            auto.make_automaton()
            automata.append((auto, raw, exact))
        self._automata = automata

    def scan(self, doc):
        """Return {handle: [(start, end, term_no), ...]} for this document."""
        if self._automata is None:
            self._build()
        found = {}
        for auto, raw, exact in self._automata:
            text = doc.text if raw else doc.prose
            if exact:
                view = text
            else:
                view = lowered(text) if raw else doc.lower
            n = len(text)
            for end_index, (length, entries) in auto.iter(view):
                end = end_index + 1
                start = end - length
                # A word character on both sides of an edge: a hit inside a word ("ten" in
                # "often"), which only `nonword` terms accept.
                inside = (start > 0 and is_word_char(text[start - 1]) and is_word_char(text[start])) or (
                    end < n and is_word_char(text[end]) and is_word_char(text[end - 1])
                )
                for handle, term_no, nonword in entries:
                    if inside and not nonword:
                        continue
                    found.setdefault(handle, []).append((start, end, term_no))
        for handle, regex, names, raw, prefixes in self._regexes:
            if prefixes and not raw and not _may_match(prefixes, doc.lower):
                continue
            text = doc.text if raw else doc.prose
            for m in regex.finditer(text):
                found.setdefault(handle, []).append((m.start(), m.end(), names[m.lastgroup]))
        for handle, hits in found.items():
            found[handle] = _leftmost_longest(hits)
        return found


# A regex alternation that begins with a look-behind or matches case-insensitively gets no fast
# prefix search from `re` (20 MB/s). When every term starts with a literal word, the document is
# first searched for those words in its lower-cased prose (`in`: ~1 GB/s) and the regex is run
# only if one is there. Exact: case-insensitive `re` also equates 'ı', 'ſ' and 'İ' with 'i' and
# 's', which lower() does not, so a text with any of them always runs the regex.
_CASE_FIX = ("ı", "ſ", "İ")
_MIN_PREFIX = 3


def _prefixes(terms):
    """Lower-cased literal prefixes, one per term, or None if some term has none (ASCII only)."""
    try:
        from re import _parser as sre_parse
    except ImportError:  # Python < 3.11
        import sre_parse
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
