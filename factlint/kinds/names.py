"""Names (factlint): place names checked against the gazetteer, person names against themselves.

Three kinds share one gazetteer index, one English word list and one vocabulary mechanism:

    exonym          a foreign-language or deprecated form listed in the gazetteer ("Aserbaidschan",
                    "Weißrussland", "Kiev"): a table lookup, the English name as the suggestion.
    name-spelling   a near miss of a gazetteer name ("Azerbajan", "Phillipines", "Azerites"): edit
                    distance and a phonetic key, gated so that real words and names are left alone.
    name-drift      one proper name spelled two ways in one text ("Pashinyan" / "Pashinian").

Cost: one regex findall of capitalised tokens per document (shared by the rules through the
Document), then set lookups against the English word list, the gazetteer and the accept list;
only the few out-of-vocabulary tokens reach the distance and phonetic code, whose result is
memoised per distinct token for the whole run.

Keys (all kinds): `table` (the gazetteer, relative to the rule file), `words` (the word list),
`vocabulary` (folders with Vale-style accept.txt / reject.txt), `defer` (transcription tables
whose `wrong` forms another rule reports: never reported twice), `exceptions`.
"""
import os
import re

from factlint.lazyre import lazy_compile
import unicodedata
from bisect import bisect_left
from collections import Counter
from pathlib import Path

from factlint.kinds.base import Key, RuleKind

# A capitalised word, not inside a word or after an apostrophe (O'Brien, d'Ivoire); mixed-case
# tokens (McDonald, iPhone) are dropped afterwards. The capital is matched before the look-behind
# so that the engine looks behind only at capitals (twice as fast over a corpus).
_CAPITALISED = lazy_compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž](?<![\w'’][A-ZÀ-ÖØ-ÞĀ-Ž])[^\W\d_]+")
# Plural, possessive and demonym endings: two spellings that differ only by one of these are the
# same name inflected (Kurd/Kurds, Iran/Irani), not a drift.
INFLECTIONS = frozenset(("s", "es", "n", "an", "ans", "ian", "ians", "i", "is", "ese", "ite", "ites", "ic", "ics"))
# Demonym suffixes stripped before phonetic comparison (Asherites ~ Azeris ~ Azeri).
_DEMONYM_SUFFIXES = ("ites", "ians", "ans", "ese", "ite", "ian", "is", "i")
_SIBILANTS = lazy_compile(r"tsch|sch|tch|sh|zh|ch|ss|z|ç|ş|ș|ž|š|x")
_DOUBLE = lazy_compile(r"(.)\1+")
# Before a token, these make it a person's name ("Mr Millan"), not a place.
TITLES = frozenset("Mr Mrs Ms Miss Dr Sir Dame Lord Lady Prof Professor Rabbi Imam Father Sheikh".split())
PARTICLES = frozenset("de du des la le di da del della van von der den al el bin ibn".split())
_WORD_BEFORE = lazy_compile(r"([^\W\d_]+)[ \t]+$")
_WORD_AFTER = lazy_compile(r"^[ \t]+([^\W\d_]+)")
LANGUAGES = {
    "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "nl": "Dutch", "pt": "Portuguese",
    "sv": "Swedish", "no": "Norwegian", "da": "Danish", "fi": "Finnish", "is": "Icelandic", "pl": "Polish",
    "cs": "Czech", "sk": "Slovak", "sl": "Slovene", "hr": "Croatian", "sr": "Serbian", "bs": "Bosnian",
    "mk": "Macedonian", "bg": "Bulgarian", "sq": "Albanian", "el": "Greek", "hu": "Hungarian",
    "ro": "Romanian", "tr": "Turkish", "ru": "Russian", "uk": "Ukrainian", "be": "Belarusian",
    "et": "Estonian", "lv": "Latvian", "lt": "Lithuanian", "ka": "Georgian", "hy": "Armenian",
    "az": "Azerbaijani", "ga": "Irish", "ca": "Catalan", "eu": "Basque", "fo": "Faroese",
    "kl": "Greenlandic", "he": "Hebrew", "ar": "Arabic", "fa": "Persian",
}
# Entry types whose names a misspelling may be taken for without any context in the text.
SOVEREIGN = frozenset({"country", "observer", "territory", "capital"})

# Tables loaded once per process and shared by every rule that names the same file, so the
# compiled rules cache pickles each once (pickle keeps shared references shared).
_SHARED = {}


def _shared(kind, path, build):
    st = Path(path).stat()
    key = (kind, str(path), st.st_mtime_ns, st.st_size)
    if key not in _SHARED:
        _SHARED[key] = build(path)
    return _SHARED[key]


def _plain(s):
    """Lower case without accents (São -> sao)."""
    s = s.lower()
    if s.isascii():
        return s
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def fold(word):
    """Phonetic folding: lower case, no accents, a demonym suffix stripped, sibilants (sh, zh, z,
    sch, ch, x) as s, ph as f, y and j as i, k as c, doubled letters single.
    Asherites, Azeris, Aser -> 'aser'; Phillipines, Philippines -> 'filipines'."""
    w = _plain(word)
    for suffix in _DEMONYM_SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    w = _SIBILANTS.sub("s", w).replace("ph", "f").replace("y", "i").replace("j", "i").replace("k", "c")
    return _DOUBLE.sub(r"\1", w)


def is_inflection(a, b):
    """Kurd/Kurds, Iran/Iranian, Pashinyan/Pashinyans: one is the other plus an inflection."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return long_.startswith(short) and long_[len(short):] in INFLECTIONS


def letter_mask(word):
    """The letters a word uses, one bit each (bit = code point mod 64). Letters that share a bit
    only ever make two masks closer, so a bound on the bits that differ is a bound on nothing
    stricter than the letters that differ."""
    mask = 0
    for ch in set(word):
        mask |= 1 << (ord(ch) & 63)
    return mask


def _deletions(word, depth=2):
    """The word and every string made from it by deleting up to `depth` letters."""
    out, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


def capitalised_tokens(doc):
    """{token: count} of capitalised words in the prose (first letter upper, rest lower), computed
    once per Document and shared by the Names rules."""
    tokens = doc.memo.get("names.tokens")
    if tokens is None:
        counts = Counter(_CAPITALISED.findall(doc.prose))
        tokens = {t: n for t, n in counts.items() if t[1:].islower() and t[0].isupper()}
        doc.memo["names.tokens"] = tokens
    return tokens


def occurrences(doc, token):
    """(start, end) of every whole-word occurrence of a capitalised token in the prose. One pass
    over the document records them all (a pass per token would be quadratic in a long text)."""
    spans = doc.memo.get("names.spans")
    if spans is None:
        prose, spans = doc.prose, {}
        n = len(prose)
        for m in _CAPITALISED.finditer(prose):
            end = m.end()
            if end == n or not (prose[end].isalnum() or prose[end] == "_"):  # not "Name2"
                spans.setdefault(m.group(), []).append((m.start(), end))
        doc.memo["names.spans"] = spans
    return spans.get(token, [])


def word_before(prose, start):
    m = _WORD_BEFORE.search(prose, max(0, start - 40), start)
    return m.group(1) if m else ""


def word_after(prose, end):
    m = _WORD_AFTER.match(prose[end:end + 40])
    return m.group(1) if m else ""


class Lexicon:
    """A large set of strings that loads fast. It is kept (and pickled in the rules cache) as one
    sorted string; the first look-ups of a run are binary searches, and a frozenset is built only
    once the run has made enough of them to pay for it. Building the set of the English word list
    costs 25 ms, a sixth of a one-file run: a pre-commit hook on one article never pays it."""

    SET_AFTER = 20_000  # look-ups: 20,000 binary searches cost about what building the set does

    def __init__(self, items):
        items = sorted(items)
        if any("\n" in item for item in items):
            raise ValueError("a lexicon entry contains a line break")
        self.__setstate__("\n".join(items))

    def __getstate__(self):
        return self._text

    def __setstate__(self, text):
        self._text = text
        self._list = self._set = None
        self._lookups = 0

    def _as_set(self):
        if self._set is None:
            self._set = frozenset(self._text.split("\n")) if self._text else frozenset()
            self._list = None
        return self._set

    def __contains__(self, item):
        if self._set is not None:
            return item in self._set
        self._lookups += 1
        if self._lookups > self.SET_AFTER:
            return item in self._as_set()
        if self._list is None:
            self._list = self._text.split("\n") if self._text else []
        i = bisect_left(self._list, item)
        return i < len(self._list) and self._list[i] == item

    def missing(self, items):
        """The set of `items` that are not in the lexicon."""
        if self._set is None and self._lookups + len(items) <= self.SET_AFTER:
            return {item for item in items if item not in self}
        return set(items) - self._as_set()


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


class Gazetteer:
    """The place-name table (rules/Names/data/gazetteer.yml) indexed for the Names kinds."""

    def __init__(self, places, english):
        import jellyfish

        self.names, self.types, self.regions = [], [], []  # by entry index
        self.accepted = {}  # accepted form (name, variant, demonym) -> set of entry indexes
        self.flagged = {}  # exonym or deprecated form -> [(entry index, language code or "deprecated")]
        self.words = set()  # lower-cased words of accepted forms: never out of vocabulary
        targets = {}  # near-miss target word -> set of entry indexes
        self.parts = {}  # target word that is only part of longer forms -> [(form words, position)]
        whole = set()
        for i, place in enumerate(places):
            self.names.append(str(place["name"]))
            self.types.append(place.get("type"))
            self.regions.append(place.get("region"))
            forms = [place["name"], *(place.get("variants") or ()), *(place.get("demonyms") or ())]
            for form in map(str, forms):
                self.accepted.setdefault(form, set()).add(i)
                words = re.split(r"[\s\-]+", form)
                for pos, word in enumerate(words):
                    self.words.add(word.lower())
                    # A one-word form is a target even if it is an English word too (Georgia);
                    # a word of a longer name only if it is distinctive (Paulo, not South).
                    if len(word) < 4 or not word[:1].isupper():
                        continue
                    if len(words) == 1:
                        whole.add(word)
                    elif word.lower() in english:
                        continue
                    else:
                        self.parts.setdefault(word, []).append(tuple(_plain(w) for w in words) + (pos,))
                    targets.setdefault(word, set()).add(i)
            for lang, exonyms in (place.get("exonyms") or {}).items():
                for form in exonyms:
                    self.flagged.setdefault(str(form), []).append((i, lang))
            for form in place.get("deprecated") or ():
                self.flagged.setdefault(str(form), []).append((i, "deprecated"))
        for word in whole:
            self.parts.pop(word, None)  # also a name of its own (Karabakh): no neighbour needed
        self.targets = {t: frozenset(ids) for t, ids in targets.items()}
        # A place brings its country, its capital and the country's cities into a text's context.
        index = {name: i for i, name in enumerate(self.names)}
        links = [{i} for i in range(len(places))]
        for i, place in enumerate(places):
            for key in ("country", "capital"):
                j = index.get(place.get(key))
                if j is not None:
                    links[i].add(j)
                    links[j].add(i)
        self.links = [frozenset(s) for s in links]
        # Near-miss candidates: by phonetic key, and by (first letter, length) for edit distance.
        self.by_fold = {}
        self.by_shape = {}
        self.metaphones = {}
        for target in self.targets:
            low, folded = _plain(target), fold(target)
            self.by_fold.setdefault(folded, []).append(target)
            self.by_shape.setdefault((low[0], len(low)), []).append((target, low, letter_mask(low)))
            self.metaphones[target] = jellyfish.metaphone(folded)
        self._memo = {}

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_memo"] = {}  # per process: not worth storing in the cache
        return state

    def near(self, token):
        """Gazetteer target words close to `token`, same first letter only:
        [(target, distance, same fold, same metaphone)]. Memoised for the whole run."""
        found = self._memo.get(token)
        if found is None:
            if len(self._memo) >= _NEAR_MEMO_SIZE:  # a corpus of millions of names: bounded
                self._memo.clear()
            found = self._memo[token] = self._near(token)
        return found

    def _near(self, token):
        import jellyfish

        low, folded = _plain(token), fold(token)
        first, mask = low[0], letter_mask(low)
        same_fold = {t for t in self.by_fold.get(folded, ()) if _plain(t)[0] == first}
        distances = {}
        distance_of = jellyfish.damerau_levenshtein_distance
        for size in range(len(low) - 2, len(low) + 3):
            # Two edits change at most four letters of the alphabet used: an integer test that
            # spares most distance computations.
            for target, t_low, t_mask in self.by_shape.get((first, size), ()):
                if (mask ^ t_mask).bit_count() <= 4:
                    distance = distance_of(low, t_low)
                    if distance <= 2:
                        distances[target] = distance
        out = []
        meta = jellyfish.metaphone(folded) if (same_fold or distances) else None
        for target in same_fold | set(distances):
            out.append((target, distances.get(target, 9), target in same_fold, meta == self.metaphones[target]))
        return out


# Distinct tokens whose near-miss targets are remembered (a few hundred bytes each).
_NEAR_MEMO_SIZE = 100_000


def load_gazetteer(path, english):
    from factlint.ruleset import read_yaml

    def build(p):
        data = read_yaml(p)
        places = data.get("places") if isinstance(data, dict) else None
        if not isinstance(places, list) or not all(isinstance(e, dict) and e.get("name") for e in places):
            return None
        return Gazetteer(places, english)

    return _shared(("gazetteer", id(english)), path, build)


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


class NamesKind(RuleKind):
    """What the Names kinds share: gazetteer, word list, vocabulary, deferred forms."""

    category = "transcription"
    keys = {
        "table": Key(str, True, None),
        "words": Key(str, False, "data/english-words.txt"),
        "vocabulary": Key(list, False, []),
        "defer": Key(list, False, []),
        "exceptions": Key(list, False, []),
    }

    def compile(self, ctx):
        self.english_path = self.locate(ctx, self.option("words"), "words")
        self.english = _shared("words", self.english_path, WordList)
        table_path, _data = ctx.table(str(self.locate(ctx, self.option("table"), "table")), "table")
        self.gazetteer = load_gazetteer(table_path, self.english)
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
        self.exceptions = ctx.strings("exceptions", self.option("exceptions"))
        self.exception_words = {e.lower() for e in self.exceptions}
        # What `known` depends on: rules with equal keys share unknown_tokens per document.
        self.known_key = (str(self.english_path), str(table_path), tuple(files),
                          tuple(sorted(self.deferred)), tuple(sorted(self.exception_words)))

    def locate(self, ctx, relative, key, folder=False):
        """A path named by the rule: relative to the rule file, else to the shipped Names pack, so
        that a copy of a shipped rule in a newsroom's own `Names` pack works unchanged."""
        from factlint.ruleset import shipped_rules_dir

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
        lowered = {}
        for token in capitalised_tokens(doc):
            if len(token) >= min_length:
                lowered[token.lower()] = token
        rest = self.english.words.missing(lowered.keys()) - self.gazetteer.words - self.vocabulary.accept
        return [lowered[low] for low in rest if not self.known(lowered[low])]

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


class Exonym(NamesKind):
    """Flag the gazetteer's `exonyms` (forms: [exonyms]) or its `deprecated` spellings and the
    exonyms that the English word list knows (forms: [deprecated]); the English name is the
    suggestion, applied by --fix when it is the only one. Not inside a person's name (Wanderley
    Luxemburgo, Malte Pollmann). `exceptions`: phrases in which the form is right ("Chicken
    Kiev")."""

    name = "exonym"
    keys = {**NamesKind.keys, "forms": Key(list, False, ["exonyms"])}

    def compile(self, ctx):
        super().compile(ctx)
        forms = ctx.strings("forms", self.option("forms"))
        if not forms or set(forms) - {"exonyms", "deprecated"}:
            raise ctx.error("forms: a list of 'exonyms' and/or 'deprecated'", "forms")
        gaz = self.gazetteer
        self.observed, self.expected, self.why = [], [], []
        for form, sources in gaz.flagged.items():
            # An accepted English form elsewhere in the table, or another rule's entry, wins.
            if form in gaz.accepted or form in self.deferred:
                continue
            # A foreign form that the English word list knows has been English usage (Kharkov,
            # Teheran) or is also a name (Alger): an old spelling, not an untranslated word.
            in_english = form.lower() in self.english.words
            sources = [(i, lang) for i, lang in sources if _form_class(lang, in_english) in forms]
            if not sources:
                continue
            langs = sorted({lang for _i, lang in sources})
            self.observed.append(form)
            self.expected.append(sorted({gaz.names[i] for i, _l in sources}))
            if langs == ["deprecated"]:
                self.why.append("an outdated spelling")
            else:
                name = "the " + "/".join(LANGUAGES.get(lang, lang) for lang in langs if lang != "deprecated") + " name"
                self.why.append(name + (", once common in English" if in_english else ""))
        self.handle = ctx.terms.add(self.observed, ignorecase=False, literal=True)
        self.shield = ctx.terms.add(self.exceptions, ignorecase=True, literal=True) if self.exceptions else None

    def check(self, doc, hits):
        shields = hits.get(self.shield, ()) if self.shield is not None else ()
        for start, end, term_no in hits.get(self.handle, ()):
            observed = doc.text[start:end]
            if self.vocabulary.accepts(observed) or any(s <= start and end <= e for s, e, _t in shields):
                continue
            if self.in_person_name(doc.prose, start, end, after=True):  # Wanderley Luxemburgo
                continue
            expected = self.expected[term_no]
            yield self.finding(
                doc, start, end, (" or ".join(expected), observed, self.why[term_no]),
                suggestions=expected, fixable=len(expected) == 1,
            )


def _form_class(lang, in_english):
    return "deprecated" if lang == "deprecated" or in_english else "exonyms"


class NameSpelling(NamesKind):
    """A near miss of a gazetteer name: a capitalised token in neither the word list nor the
    gazetteer, close to a place name or demonym by edit distance or phonetic key, with as much
    evidence as the text gives (see _best). A token that follows a given name or a title is a
    person's surname (Manuel Millan, Mr Dominici) and is left alone. reject.txt entries are
    reported here too."""

    name = "name-spelling"
    keys = {**NamesKind.keys, "min-length": Key(int, False, 5)}

    def compile(self, ctx):
        super().compile(ctx)
        gaz = self.gazetteer
        forms = list(gaz.accepted)
        self.form_entries = [gaz.accepted[f] for f in forms]
        # Which places a text names: every accepted form, multi-word ones included.
        self.place_handle = ctx.terms.add(forms, ignorecase=False, literal=True)
        self.min_length = self.option("min-length")

    def check(self, doc, hits):
        yield from self._rejected(doc)
        candidates = self.unknown_tokens(doc, self.min_length)
        if not candidates:
            return
        gaz = self.gazetteer
        used = set()
        for _s, _e, form_no in hits.get(self.place_handle, ()):
            used |= self.form_entries[form_no]
        linked = set()
        for i in used:
            linked |= gaz.links[i]
        regions = {gaz.regions[i] for i in used}
        for token in candidates:
            whole, parts = self._best(token, linked, regions)
            if not (whole or parts):
                continue
            spans = occurrences(doc, token)
            if whole:
                # "Thaliand Hingis admitted": a word after it says too little about a misspelling.
                if not any(self.in_person_name(doc.prose, s, e) for s, e in spans):
                    for start, end in spans:
                        yield self.finding(doc, start, end, (token, "' or '".join(whole)), suggestions=whole)
                continue
            for start, end in spans:  # part of a longer name: only beside its other words
                fits = [t for t in parts if self._beside_rest_of_name(doc.prose, start, end, t)]
                if fits:
                    yield self.finding(doc, start, end, (token, "' or '".join(fits)), suggestions=fits)

    def _best(self, token, linked, regions):
        """The closest gazetteer names ([whole-word targets], [part-of-name targets]), by how much
        context the text gives them:
        - the place, its country, capital or cities are named: one edit (not an added letter),
          the same phonetic key, or two edits that sound alike in a long name;
        - another place of its region is named: the same phonetic key (Azerites ~ Azeris);
        - no context: a country, territory or capital with a letter dropped, two swapped or (in a
          long name) one vowel for another (Narobi, Isreal, Venezuala), or with the same phonetic
          key within two edits (Lybia, Phillipines);
        - a word of a longer name (Paulo of São Paulo): within two edits, checked beside the
          other words of the name ("Sao Paolo", not "Paolo Maldini")."""
        gaz = self.gazetteer
        n = len(token)
        whole, parts = [], []
        for target, distance, same_fold, same_meta in gaz.near(token):
            if len(target) < 5:
                continue
            # Plural for plural: Asherites -> Azeris rather than Azeri.
            rank = (not same_fold, distance, (token[-1] == "s") != (target[-1] == "s"), target)
            if target in gaz.parts:
                if distance <= 2 or same_fold:
                    parts.append(rank)
                continue
            entries = gaz.targets[target]
            if entries & linked:
                # An extra letter that is not a doubling more often makes another name (Brixton).
                ok = (
                    (distance == 1 and 5 <= n <= len(target)) or same_fold or (distance == 2 and same_meta and n >= 8)
                )
            elif any(gaz.regions[i] in regions for i in entries):
                ok = same_fold
            else:
                # A slip of the keyboard drops or swaps letters (Narobi, Isreal); a different
                # letter or an extra one more often makes another real name (Finian, Brixton).
                slip = distance == 1 and n >= 6 and (
                    n < len(target) or sorted(token.lower()) == sorted(target.lower()) or _vowel_slip(token, target)
                )
                ok = any(gaz.types[i] in SOVEREIGN for i in entries) and (slip or (same_fold and distance <= 2))
            if ok:
                whole.append(rank)
        return _top(whole), [t for *_r, t in sorted(parts)]

    def _beside_rest_of_name(self, prose, start, end, target):
        for *words, pos in self.gazetteer.parts[target]:
            if pos > 0 and _plain(word_before(prose, start)) == words[pos - 1]:
                return True
            if pos + 1 < len(words) and _plain(word_after(prose, end)) == words[pos + 1]:
                return True
        return False

    def _rejected(self, doc):
        vocab = self.vocabulary
        if vocab.reject_re is None:
            return
        for m in vocab.reject_re.finditer(doc.prose):
            right = vocab.reject[m.group()]
            message = f"'{m.group()}' is on the reject list of the vocabulary" + (f": use '{right}'." if right else ".")
            yield self.finding(
                doc, m.start(), m.end(), suggestions=[right] if right else [], message=message, fixable=bool(right)
            )


def _vowel_slip(token, target):
    """One vowel for another in a long name (Venezuala): a misspelling, where a consonant
    changed more often makes another name."""
    if len(token) != len(target) or len(token) < 7:
        return False
    diff = [(a, b) for a, b in zip(_plain(token), _plain(target)) if a != b]
    return len(diff) == 1 and diff[0][0] in "aeiou" and diff[0][1] in "aeiou"


def _top(scored):
    """The targets that share the best score."""
    if not scored:
        return []
    scored.sort()
    best = scored[0][:-1]
    return list(dict.fromkeys(t for *score, t in scored if tuple(score) == best))


def _variant(a, b):
    """Swapped letters (Kudja/Kujda) or an h (Chada/Chadha): how one short name gets misspelt;
    another letter makes another name (Horan/Horgan, Arjen/Arjan)."""
    return sorted(a) == sorted(b) or a.replace("h", "") == b.replace("h", "")


def _same_name(x, y):
    return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))


class NameDrift(NamesKind):
    """The same proper name spelled two ways in one document ("Pashinyan" and "Pashinian"): the
    rarer spelling is flagged (on a tie, the one that appears later) with the other as the
    suggestion. Both capitalised, at least `min-length` letters, out of the word list and the
    gazetteer, with the same first letter, not inflections of each other (Kurd/Kurds), and either
    folding to the same phonetic key within two edits (Aliyev/Aliev) or one edit apart (in a name
    under six letters, only swapped letters or an h: Kudja/Kujda, Chada/Chadha). Two spellings
    that each come with their own, different first name are two people (Horan/Horgan)."""

    name = "name-drift"
    keys = {**NamesKind.keys, "min-length": Key(int, False, 5)}

    def compile(self, ctx):
        super().compile(ctx)
        self.min_length = self.option("min-length")

    def check(self, doc, hits):
        tokens = capitalised_tokens(doc)
        pairs = self._pairs(sorted(self.unknown_tokens(doc, self.min_length)))
        if not pairs:
            return
        spans = {}
        for pair in pairs:
            for t in pair:
                if t not in spans:
                    spans[t] = occurrences(doc, t)
        flagged = {}
        for a, b in pairs:
            if not (spans[a] and spans[b]):  # "Name2": never a whole word
                continue
            if self._two_people(doc.prose, spans[a], spans[b]):
                continue
            # Rarer first; on a tie the one that first appears later.
            rare, common = sorted((a, b), key=lambda t: (tokens[t], -spans[t][0][0]))
            flagged.setdefault(rare, []).append(common)
        for rare, commons in flagged.items():
            for start, end in spans[rare]:
                yield self.finding(doc, start, end, (rare, "' or '".join(commons)), suggestions=commons)

    def _two_people(self, prose, spans_a, spans_b):
        """Marcus Horan and Shane Horgan, Arjen Robben and Arjan de Zeeuw: each spelling comes
        with its own first name (or surname), and they disagree (an initial agrees with a name
        that starts with it: F Sheahan, Frank Sheehan)."""

        def names(spans, side):
            out = set()
            for start, end in spans:
                word = word_before(prose, start) if side == "before" else word_after(prose, end)
                if word and word not in TITLES and word[0].isupper() and self.name_word(word):
                    out.add(word)
            return out

        for side in ("before", "after"):
            a, b = names(spans_a, side), names(spans_b, side)
            if a and b and not any(_same_name(x, y) for x in a for y in b):
                return True
        return False

    def _pairs(self, tokens):
        """Pairs (a, b), a < b, of tokens with the same first letter within two edits."""
        import jellyfish

        distance_of = jellyfish.damerau_levenshtein_distance
        out = []
        for a, b in sorted(_candidate_pairs(tokens)):
            if abs(len(a) - len(b)) > 2 or is_inflection(a, b):
                continue
            distance = distance_of(a, b)
            if distance > 2:
                continue
            if fold(a) == fold(b) or (distance == 1 and (min(len(a), len(b)) >= 6 or _variant(a, b))):
                out.append((a, b))
        return out


# Up to this many tokens with one first letter, every pair is compared (a few dozen C-level
# distance computations); above it, deletion variants keep a long text from going quadratic.
_PAIRWISE_GROUP = 40


def _candidate_pairs(tokens):
    """Pairs (a, b), a < b, of tokens with the same first letter that may be within two edits."""
    groups = {}
    for token in tokens:
        groups.setdefault(token[0], []).append(token)
    candidates = set()
    for group in groups.values():
        if len(group) <= _PAIRWISE_GROUP:
            group.sort()
            candidates.update((a, b) for i, a in enumerate(group) for b in group[i + 1:] if abs(len(a) - len(b)) <= 2)
            continue
        # Two edits are undone by at most two deletions on each side: only tokens whose tails
        # share a deletion variant can be within two edits.
        by_variant = {}
        for token in group:
            for variant in _deletions(token[1:]):
                by_variant.setdefault(variant, []).append(token)
        for shared in by_variant.values():
            for i, a in enumerate(shared):
                for b in shared[i + 1:]:
                    candidates.add((a, b) if a < b else (b, a))
    return candidates
