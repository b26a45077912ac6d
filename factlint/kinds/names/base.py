"""What the Names kinds share: the gazetteer, the English word list, the vocabularies, the
deferred forms, and the per-document token index (one regex pass, shared through doc.memo).

Cost: one regex findall of capitalised tokens per document, then set lookups against the
English word list, the gazetteer and the accept list; only the few out-of-vocabulary tokens
reach the distance and phonetic code, whose result is memoised per distinct token for the run.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import factlint.native as native
from factlint.kinds.base import Key, RuleKind
from factlint.knowledge.gazetteer import load_gazetteer
from factlint.knowledge.lexicon import Vocabulary, WordList, shared
from factlint.lazyre import lazy_compile
from factlint.ruleset import shipped_rules_dir
from factlint.text.language import _index, stopwords, words
from factlint.text.wholewords import LONG_TEXT, find_many, find_whole

# A capitalised word, not inside a word or after an apostrophe (O'Brien, d'Ivoire); mixed-case
# tokens (McDonald, iPhone) are dropped afterwards. The capital is matched before the look-behind
# so that the engine looks behind only at capitals (twice as fast over a corpus).
_CAPITALISED = lazy_compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž](?<![\w'’][A-ZÀ-ÖØ-ÞĀ-Ž])[^\W\d_]+")
# Before a token, these make it a person's name ("Mr Millan"), not a place.
TITLES = frozenset("Mr Mrs Ms Miss Dr Sir Dame Lord Lady Prof Professor Rabbi Imam Father Sheikh".split())
PARTICLES = frozenset("de du des la le di da del della van von der den al el bin ibn".split())
_WORD_BEFORE = lazy_compile(r"([^\W\d_]+)[ \t]+$")
_WORD_AFTER = lazy_compile(r"^[ \t]+([^\W\d_]+)")
_NUMBER_AFTER = lazy_compile(r"^[ \t]+[\d'’]")
# A word after a name that makes it a firm, a club, a title or a product ("Kyodo News", "Praga
# trucks", "Slavia Praha FC"), and one before it ("Radio Italia", "Banco de España").
ORG_AFTER = frozenset(
    "News Agency Press Times Post Herald Tribune Gazette Radio TV Television Channel FC AFC CF SC SK AC "
    "Club United Airlines Airways Air Group Holding Holdings Bank Motors Trucks Inc Ltd Corp Corporation "
    "Company Co AG GmbH SA SpA NV BV Plc PLC Telecom Energy Records Foundation Institute University "
    "news agency trucks truck cars car brand club team newspaper magazine label band airline bank group".split()
)
ORG_BEFORE = frozenset(
    "Radio Banco Banca Bank Air Telecom Real Dynamo Dinamo Club Deportivo Atlético Olympique Hotel".split()
)
DIRECTIONS = frozenset("North South East West Northern Southern Eastern Western Central Upper Lower Greater".split())
# Sentence ends and quotation marks: where a quoted foreign sentence begins and ends.
_SENTENCE_EDGE = lazy_compile(r"[.!?\n«»“”„\"]")


def names_scan(doc):
    """The Rust core's one pass over the prose for the Names kinds (its capitalised and odd-case
    words and where they stand: factlint/native.py), once per Document."""
    scan = doc.memo.get("names.scan")
    if scan is None:
        scan = doc.memo["names.scan"] = native.rust.names_scan(native.lent(doc.prose))
    return scan


def capitalised_tokens(doc):
    """{token: count} of capitalised words in the prose (first letter upper, rest lower), computed
    once per Document and shared by the Names rules (by the core factlint/native.py chose)."""
    tokens = doc.memo.get("names.tokens")
    if tokens is None:
        if native.rust is not None:
            tokens = names_scan(doc).tokens()
        else:
            tokens = py_capitalised_tokens(doc.prose)
        doc.memo["names.tokens"] = tokens
    return tokens


def py_capitalised_tokens(prose: str) -> dict[str, int]:
    """{token: count} of the title-case matches of _CAPITALISED, in the order they first occur."""
    counts = Counter(_CAPITALISED.findall(prose))
    return {t: n for t, n in counts.items() if t[1:].islower() and t[0].isupper()}


def occurrences(doc, token):
    """(start, end) of every whole-word occurrence of a capitalised token in the prose: where the
    token regex matches exactly the token and no digit follows ("Name2"). Found with str.find,
    per token asked for: a rule asks for few tokens, and one regex pass recording every token's
    positions cost more than the rest of the rule."""
    spans = doc.memo.get("names.spans")
    if spans is None:
        spans = doc.memo["names.spans"] = {}
    found = spans.get(token)
    if found is None:
        if not _CAPITALISED.fullmatch(token):
            found = []
        elif native.rust is not None:
            found = names_scan(doc).spans(token)
        else:
            found = _occurrences(doc.prose, token)
        spans[token] = found
    return found


def prefetch(doc, tokens) -> None:
    """occurrences() of many tokens at once, on the Python core in a long prose: one automaton
    pass over it instead of a str.find pass per token (wholewords.find_many)."""
    if native.rust is not None or len(doc.prose) < LONG_TEXT:
        return
    spans = doc.memo.setdefault("names.spans", {})
    todo = [t for t in dict.fromkeys(tokens) if t not in spans]
    spans.update({t: [] for t in todo})
    spans.update(find_many(doc.prose, [t for t in todo if _CAPITALISED.fullmatch(t)], _token_starts, _token_ends))


def _occurrences(prose, token):
    # Where the token regex starts a match (no word character or apostrophe before) and where
    # it ends one that no digit or word character continues.
    return find_whole(prose, token, _token_starts, _token_ends)


def _token_starts(before: str) -> bool:
    return not (before.isalnum() or before in "_'’")


def _token_ends(prose: str, end: int) -> bool:
    return end >= len(prose) or not (prose[end].isalnum() or prose[end] == "_")


def word_before(prose, start):
    m = _WORD_BEFORE.search(prose, max(0, start - 40), start)
    return m.group(1) if m else ""


def word_after(prose, end):
    m = _WORD_AFTER.match(prose[end : end + 40])
    return m.group(1) if m else ""


class NamesKind(RuleKind):
    """What the Names kinds share: gazetteer, word list, vocabulary, deferred forms."""

    category = "transcription"
    keys = {
        "table": Key(str, True, None),
        "words": Key(str, False, "data/english-words.txt"),
        "vocabulary": Key(list, False, []),
        "defer": Key(list, False, []),
        "exceptions": Key(list, False, []),
        "known-names": Key(str, False, "data/known-names.yml"),
    }

    def compile(self, ctx):
        self.english_path = self.locate(ctx, self.option("words"), "words")
        self.english = shared("words", self.english_path, WordList)
        table_path, _data = ctx.table(str(self.locate(ctx, self.option("table"), "table")), "table")
        try:
            self.gazetteer = load_gazetteer(table_path, self.english)
        except ValueError as e:  # a malformed source setting in the table: one line, no traceback
            raise ctx.error(f"table: {table_path.name}: {e}", "table") from None
        if self.gazetteer is None:
            raise ctx.error(f"table: {table_path.name} needs a 'places' list of entries with a name", "table")
        files = []
        for folder in ctx.strings("vocabulary", self.option("vocabulary")):
            path = self.locate(ctx, folder, "vocabulary", folder=True)
            files += [str(path / "accept.txt"), str(path / "reject.txt")]
        self.vocabulary = Vocabulary(files)
        self.deferred = set()
        for table in ctx.strings("defer", self.option("defer")):
            path, data = ctx.table(str(self.locate(ctx, table, "defer")), "defer")
            entries = data.get("entries") if isinstance(data, dict) else None
            if not isinstance(entries, list):
                raise ctx.error(f"defer: {path.name} is not a transcription table (no 'entries' list)", "defer")
            for entry in entries:
                if isinstance(entry, dict):
                    self.deferred.update(str(w) for w in entry.get("wrong") or ())
        # Known firms, clubs, agencies and people whose names hold a place name or a near miss
        # of one ("Kyodo News", "Slavia Praha"): never a finding inside them.
        self.known_names = []
        if self.option("known-names"):
            path, data = ctx.table(str(self.locate(ctx, self.option("known-names"), "known-names")), "known-names")
            entries = data.get("names") if isinstance(data, dict) else None
            if not isinstance(entries, list) or not all(isinstance(e, dict) and e.get("name") for e in entries):
                raise ctx.error(f"known-names: {path.name} needs a 'names' list of entries with a name", "known-names")
            self.known_names = [str(e["name"]) for e in entries]
        self.known_handle = (
            ctx.terms.add(self.known_names, ignorecase=False, literal=True) if self.known_names else None
        )
        self.exceptions = ctx.strings("exceptions", self.option("exceptions"))
        self.exception_words = {e.lower() for e in self.exceptions}
        # What `known` depends on: rules with equal keys share unknown_tokens per document.
        self.known_key = (
            str(self.english_path),
            str(table_path),
            tuple(files),
            tuple(sorted(self.deferred)),
            tuple(sorted(self.exception_words)),
        )

    def runs_on(self, doc) -> bool:
        """RuleKind.runs_on, except that a language detected from a sentence or two is not
        trusted: "An economist in Rio de Janeir told Reuters" has more Portuguese stop words than
        English ones, and is English. Under TRUSTED_WORDS words, only a declared language gates."""
        return super().runs_on(doc) or not (doc.declared_language or _long_enough(doc))

    def track_places(self, ctx) -> None:
        """Which places a text names: every accepted form of the gazetteer, multi-word ones
        included, registered with the shared automaton (hits under `place_handle`)."""
        forms = list(self.gazetteer.accepted)
        self.form_entries = [self.gazetteer.accepted[f] for f in forms]
        self.place_handle = ctx.terms.add(forms, ignorecase=False, literal=True)

    def locate(self, ctx, relative, key, folder=False):
        """A path named by the rule: relative to the rule file, else to the shipped Names pack, so
        that a copy of a shipped rule in a newsroom's own `Names` pack works unchanged."""

        relative = os.path.expanduser(relative)
        for base in (Path(self.spec.path).parent, shipped_rules_dir() / "Names"):
            path = (base / relative).resolve()
            if path.is_dir() if folder else path.is_file():
                return path
        raise ctx.error(f"{key}: {'folder' if folder else 'file'} {relative!r} not found", key)

    def name_word(self, word):
        """A word that makes the capitalised word after it part of a person's name: a title, an
        initial, a name the word list knows (Manuel, Christophe) or an unknown capitalised word
        (Fionnualla). Not an English word ("Northern Isreal") or a place."""
        if not word or word.lower() in self.gazetteer.words:
            return False
        if word in TITLES or word in self.english.proper:
            return True
        return word[0].isupper() and (len(word) == 1 or word.lower() not in self.english.words)

    def in_person_name(self, prose, start, end, after=False):
        """The token at prose[start:end] follows a name word (Mr Millan, C Dominici, Rick Krim)
        or a foreign particle (Banque du Caire); with `after`, also when a name follows it
        (Malte Pollmann, Kenia Sinclair)."""
        before = word_before(prose, start)
        if before in PARTICLES or self.name_word(before):
            return True
        if after:
            nxt = word_after(prose, end)
            return len(nxt) > 1 and nxt not in TITLES and self.name_word(nxt)
        return False

    def unknown_tokens(self, doc, min_length):
        """The document's capitalised tokens of at least min_length letters that are not
        `known`: set differences first (C level), the word-by-word tests on what is left. Made
        once per document for the rules that share the same tables (NearMiss and Drift)."""
        key = ("names.unknown", self.known_key, min_length)
        found = doc.memo.get(key)
        if found is None:
            found = doc.memo[key] = self._unknown_tokens(doc, min_length)
        return found

    def _unknown_tokens(self, doc, min_length):
        tables = self.native_tables()
        if tables is not None:  # the same look-ups in one call (factlint/native.py)
            return names_scan(doc).unknown(tables, min_length)
        return self.py_unknown_tokens(capitalised_tokens(doc), min_length)

    def py_unknown_tokens(self, tokens, min_length):
        """The tokens of at least min_length letters that are not `known` (in a set's order)."""
        lowered = {token.lower(): token for token in tokens if len(token) >= min_length}
        rest = self.english.words.missing(lowered.keys()) - self.gazetteer.words - self.vocabulary.accept
        return [lowered[low] for low in rest if not self.known(lowered[low])]

    def native_tables(self):
        """What `known` looks up, as the Rust core's NamesTables, shared by the rules with the
        same tables; None on the Python core and until the English list's set is built
        (Lexicon.native_set: a one-file run never pays for it)."""
        tables = self.__dict__.get("_native_tables")
        if tables is None and native.rust is not None:
            english = self.english.words.native_set()
            if english is None:
                return None
            exact = self.deferred | set(self.gazetteer.flagged)
            key = (id(self.english.words), id(self.gazetteer), self.known_key, frozenset(self.vocabulary.accept))
            found = _TABLES.get(key)
            if found is None:
                if len(_TABLES) >= 8:  # a long-lived server whose tables keep changing: bounded
                    _TABLES.clear()
                made = native.rust.NamesTables(
                    english,
                    sorted(self.gazetteer.words),
                    sorted(self.vocabulary.accept),
                    sorted(self.exception_words),
                    sorted(exact),
                )
                # The tables' sources are kept alive with them: their ids stay theirs.
                found = _TABLES[key] = (self.english.words, self.gazetteer, made)
            tables = self._native_tables = found[2]
        return tables

    def __getstate__(self):
        state = dict(self.__dict__)
        state.pop("_native_tables", None)  # the Rust core's: rebuilt in the process that needs it
        return state

    def common_word(self, low: str) -> bool:
        """An English word, not only a name (most, bath; not olomouc, which the list holds as
        a proper noun only)."""
        return low in self.english.words and low.capitalize() not in self.english.proper

    def known(self, token):
        """A real word or name (English, gazetteer, accepted) or another rule's business."""
        low = token.lower()
        words = self.english.words
        return (
            low in words
            or (low[-1] == "s" and (low[:-1] in words or (low[-2:] == "es" and low[:-2] in words)))
            or low in self.gazetteer.words
            or low in self.vocabulary.accept
            or low in self.exception_words
            or token in self.deferred
            or token in self.gazetteer.flagged  # the exonym rules' forms
        )

    # -- context: what else the words around a name say it is ---------------------------------
    def in_known_name(self, hits: dict, start: int, end: int) -> bool:
        """Inside a listed firm, club, agency or person ("Kyodo News")."""
        if self.known_handle is None:
            return False
        return any(s <= start and end <= e for s, e, _t in hits.get(self.known_handle, ()))

    def in_organisation(self, prose: str, start: int, end: int) -> bool:
        """Part of a firm's, club's or product's name: an organisation word after it (Kyodo
        News, Praga trucks), one before it (Radio Italia), or a number after it (Italia 90)."""
        return (
            word_after(prose, end) in ORG_AFTER
            or word_before(prose, start) in ORG_BEFORE
            or bool(_NUMBER_AFTER.match(prose[end : end + 3]))
        )

    def in_longer_name(self, prose: str, start: int, end: int) -> bool:
        """A capitalised word beside it, in mid-sentence, makes it one word of a longer name
        (Vanity Fair Italia, Slavia Praha): not a sentence's first word (In, The), nor a word of
        direction (Northern Isreal is still Israel)."""

        english = stopwords("en")
        for word in (word_before(prose, start), word_after(prose, end)):
            if len(word) > 1 and word[0].isupper() and word.lower() not in english and word not in DIRECTIONS:
                return True
        return False

    def a_person_in(self, doc, token: str) -> bool:
        """The token is somebody's name somewhere in the document (Abdi Liban ... Liban said):
        then it is a name in the whole text, not a place."""
        key = ("names.person", token)
        found = doc.memo.get(key)
        if found is None:
            prose = doc.prose
            found = doc.memo[key] = any(
                self.in_person_name(prose, s, e, after=True) for s, e in occurrences(doc, token)
            )
        return found


# NamesKind.native_tables by the tables they hold.
_TABLES: dict = {}

# Words a text needs before its detected language decides whether an English-only rule runs.
TRUSTED_WORDS = 25


def _long_enough(doc) -> bool:

    return len(words(doc.prose[:2000])) >= TRUSTED_WORDS


def foreign_sentence(doc, start: int, end: int) -> bool:
    """The words around prose[start:end] (its sentence, or the quotation it stands in) are in
    another language than English: a quoted German sentence keeps its German names."""

    prose = doc.prose
    left = max(0, start - 300)
    edges = [m.end() for m in _SENTENCE_EDGE.finditer(prose, left, start)]
    begin = edges[-1] if edges else left
    m = _SENTENCE_EDGE.search(prose, end, end + 300)
    stop = m.start() if m else min(len(prose), end + 300)
    key = ("names.foreign", begin, stop)
    found = doc.memo.get(key)
    if found is None:
        counts: dict = {}
        index = _index()
        for word in words(prose[begin:stop]):
            for lang, weight in (index.get(word) or {}).items():
                counts[lang] = counts.get(lang, 0.0) + weight
        best = max(counts, key=lambda lang: (counts[lang], lang == "en"), default="en")
        found = doc.memo[key] = best != "en" and counts[best] >= 2
    return found
