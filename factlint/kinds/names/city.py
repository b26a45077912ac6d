"""city-spelling: a near miss of a city of a country the text is about ("Kolomouz" for Olomouc
in a story about Czechia), from the GeoNames cities of the gazetteer (knowledge.geonames).

Most mistranscribed places in machine-translated news are cities and regions that no hand-kept
list holds; there are 32,000 such cities, so a near miss of one is worth a look only where the
text makes the city likely: it names the city's country, or another city of that country.
"""

from __future__ import annotations

import functools
from collections import Counter

import jellyfish

import factlint.native as native
from factlint.kinds.base import Key
from factlint.kinds.names.base import (
    NamesKind,
    capitalised_tokens,
    foreign_sentence,
    names_scan,
    occurrences,
    prefetch,
    word_after,
    word_before,
)
from factlint.lazyre import lazy_compile
from factlint.text.phonetics import fold, is_inflection, letter_mask, plain

# A country is the text's topic when it (or its cities) is named this often, among the most named.
_TOPIC_MENTIONS = 2
_TOPIC_COUNTRIES = 3
# Words before a name that make it a place ("arrested in Kolomouz", "withdrew from Buchi"):
# surnames and brands, the near misses of small towns that are no misspelling, rarely follow them.
# Not "at" or "into": firms, stadiums and venues take them (at Gartner, into Yukos, at Anfield).
PLACE_BEFORE = frozenset("in near from to outside around towards toward across via through".split())
# Nouns of places that name one after "of" ("the mayor of Kolomouz") or before it ("Kolomouz region").
PLACE_NOUNS = frozenset(
    "city town village region province district oblast county prefecture municipality governorate "
    "suburb suburbs outskirts mayor governor airport port".split()
)
# Nouns after a possessive that make it a firm ("Southcorp's shares"), not a city ("Kyiv's mayor").
FIRM_NOUNS = frozenset(
    "shares share stock board chairman chief boss executive executives profits profit sales revenue "
    "shareholders investors bid takeover brand products customers staff employees spokesman spokeswoman".split()
)
# Words after a name that make it an actor, a person or a firm, not a place ("Yukos said").
ACTOR_AFTER = frozenset("said says told announced reported added argued claimed denied has have is was".split())


_WORD_ENDING = lazy_compile(r"\w+\Z")  # searched up to an endpos: the word that ends there
_WORD = lazy_compile(r"\w+")
_LONGEST_CUE = max(map(len, PLACE_BEFORE | PLACE_NOUNS))


@functools.cache
def _native_cues():
    """The cues for the Rust core's one-pass reading (words of lower-case ASCII, as it wants)."""
    return native.rust.PlaceCues(sorted(PLACE_BEFORE), sorted(PLACE_NOUNS))


def _word_ending(prose: str, end: int) -> tuple[str, int]:
    """(the whole word that ends at `end`, its start), or ("", start) when there is none or it
    is longer than any cue."""
    m = _WORD_ENDING.search(prose, max(0, end - _LONGEST_CUE - 1), end)
    if m is None:
        return "", end
    start = m.start()
    if start and (prose[start - 1].isalnum() or prose[start - 1] == "_"):
        return "", start  # cut by the window: a longer word
    return m.group(), start


def _place_cue(prose: str, start: int, end: int) -> bool:
    """The name at prose[start:end] follows a word of place ("in Kolomouz", "the mayor of
    Kolomouz") or comes before a noun of place ("Kolomouz region"), across spaces or tabs, the
    cue a whole word."""
    i = start
    while i and prose[i - 1] in " \t":
        i -= 1
    if i < start:
        word, j = _word_ending(prose, i)
        if word in PLACE_BEFORE:
            return True
        if word == "of" and j >= 2 and prose[j - 1] == " " and _word_ending(prose, j - 1)[0] in PLACE_NOUNS:
            return True
    i, n = end, len(prose)
    while i < n and prose[i] in " \t":
        i += 1
    if i == end:
        return False
    m = _WORD.match(prose, i)
    return m is not None and m.group() in PLACE_NOUNS


def py_cued(doc, tokens) -> set[str]:
    """The `tokens` used as a place at one of their occurrences (_place_cue)."""
    prose = doc.prose
    prefetch(doc, tokens)
    return {t for t in tokens if any(_place_cue(prose, s, e) for s, e in occurrences(doc, t))}


class CitySpelling(NamesKind):
    """A capitalised word that is no English word or name, no gazetteer or city name, and is
    one edit from a city of a country the text names (five letters or more: Buchi for Bucha), or
    two edits in a long name (eight letters or more: Zhangzakou for Zhangjiakou), or sounds the
    same. Not a person's name (after a given name or title), not part of a firm's."""

    name = "city-spelling"
    keys = {**NamesKind.keys, "min-length": Key(int, False, 5)}

    def compile(self, ctx):
        super().compile(ctx)
        self.track_places(ctx)
        self.min_length = self.option("min-length")
        self._shapes = {}

    def __getstate__(self):
        state = super().__getstate__()
        state["_shapes"] = {}  # per process: rebuilt from the city index on first use
        return state

    def check(self, doc, hits):
        cities = self.gazetteer.cities
        if cities is None:
            return
        unknown = self.unknown_tokens(doc, self.min_length)
        if not unknown:
            return
        named = self.english.proper.missing(unknown)  # a set difference, not a look-up a token
        candidates = [t for t in unknown if t in named]
        if not candidates:
            return
        prose = doc.prose
        # The names of the world's cities and smaller places are no misspellings of a city.
        lowered = {t.lower(): t for t in candidates}
        unplaced = [lowered[low] for low in cities.small_words.missing(cities.words.missing(lowered))]
        # Used as a place somewhere ("in Kolomouz"): looked for only at the candidates' own
        # occurrences (a regex over the whole text cost more than the rest of the rule).
        if not unplaced:
            return
        if native.rust is not None:
            cued = set(names_scan(doc).cued(unplaced, _native_cues(), native.lent(doc.prose)))
        else:
            cued = py_cued(doc, unplaced)
        placed = {}
        for token in cued:
            spans = occurrences(doc, token)
            if not spans or any(self._a_person(prose, s, e) for s, e in spans):
                continue
            if any(self._not_a_place(prose, s, e) for s, e in spans):
                continue
            placed[token] = spans
        if not placed:
            return
        codes = self._countries(doc, hits)  # only now: it looks up every capitalised word
        if not codes:
            return
        for token, spans in placed.items():
            found = self._near(token, codes)
            if not found or any(name in self.gazetteer.targets for name in found):
                continue  # a near miss of a gazetteer city (Buchi, Bucha): Names.NearMiss's
            for start, end in spans:
                if self.in_known_name(hits, start, end) or self.in_organisation(prose, start, end):
                    continue
                if foreign_sentence(doc, start, end):
                    continue
                yield self.finding(doc, start, end, (token, "' or '".join(found)), suggestions=found)

    def _a_person(self, prose, start, end):
        """In a person's name: as for the other Names rules, and also after a given name that is
        a city too (Milan Kolomouz, Florence Olomoucova), which the others take for a place."""
        return self.in_person_name(prose, start, end, after=True) or word_before(prose, start) in self.english.proper

    @staticmethod
    def _not_a_place(prose, start, end):
        """An actor ("Yukos said"), a firm ("Southcorp's shares") or one word of a longer name
        ("Carrow Road", "Sadler Wells")."""
        after = word_after(prose, end)
        if after in ACTOR_AFTER:
            return True
        if prose[end : end + 2] in ("'s", "’s") and word_after(prose, end + 2) in FIRM_NOUNS:
            return True
        return bool(after) and after[0].isupper() and prose[end : end + 1] == " "

    def _countries(self, doc, hits):
        """ISO codes of the countries the text is about: named at least twice, directly or
        through their cities (Czech Republic ... Prague), at most the three most named."""
        gaz = self.gazetteer
        counts = Counter()
        for _s, _e, form_no in hits.get(self.place_handle, ()):
            for code in {gaz.entry_codes[i] for i in self.form_entries[form_no]}:
                if code:
                    counts[code] += 1
        tokens = capitalised_tokens(doc)
        common = self._common_words({token.lower() for token in tokens})
        for token, n in tokens.items():
            # Most, Nice, Reading: words before they are cities; Moscow: the gazetteer's.
            if token.lower() in common or token in gaz.accepted:
                continue
            found = gaz.cities.countries_of(token)
            if found:
                counts[found[0]] += n  # the largest city of the name: Moscow, Russia, not Idaho
        return {code for code, n in counts.most_common(_TOPIC_COUNTRIES) if n >= _TOPIC_MENTIONS}

    def _common_words(self, lows):
        """The words of `lows` that common_word accepts, by set differences."""
        words = self.english.words
        listed = lows - words.missing(lows)
        capitals = {low.capitalize() for low in listed}
        proper = capitals - self.english.proper.missing(capitals)
        return {low for low in listed if low.capitalize() not in proper}

    def _near(self, token, codes):
        """The closest cities of those countries within the distance the token's length allows,
        biggest first."""

        low = plain(token)
        n, mask, folded = len(low), letter_mask(low), fold(low)
        best, found = 3, {}
        for code in codes:
            for name, t_low, pop, d in self._within_two(code, low, mask):
                if fold(t_low) == folded:
                    d = 1  # sounds the same: as close as one slip
                # A short name with another first letter is more often another name (Anfield).
                ok = (d == 1 and n >= 5 and (low[0] == t_low[0] or n >= 8)) or (d == 2 and n >= 8)
                if not ok or is_inflection(low, t_low) or d > best:
                    continue
                if d < best:
                    best, found = d, {}
                found[name] = max(found.get(name, 0), pop)
        return sorted(found, key=lambda k: -found[k])

    def _within_two(self, code, low, mask):
        """(name, plain name, population, distance) of the country's cities two letters shorter
        to two longer than `low` and within two edits of it, shortest first."""
        shapes, rows, index = self._shape(code)
        if index is not None:  # the Rust core: the same loop in one call (factlint/native.py)
            for i, d in index.near(low, mask, 2):
                name, t_low, _mask, pop = rows[i]
                yield name, t_low, pop, d
            return
        n = len(low)
        for size in range(n - 2, n + 3):
            for name, t_low, t_mask, pop in shapes.get(size, ()):
                # Two edits change at most four letters of the alphabet used.
                if (mask ^ t_mask).bit_count() > 4:
                    continue
                d = jellyfish.damerau_levenshtein_distance(low, t_low)
                if d <= 2:
                    yield name, t_low, pop, d

    def _shape(self, code):
        """A country's cities by length with their letter masks (the Python core), or in a list
        and the Rust core's index of them; built once per process."""
        shaped = self._shapes.get(code)
        if shaped is None:
            cities = self.gazetteer.cities.cities_in(code)
            # Most, Bath: a word is no misspelt city (unless the word list has it as a name too).
            # Set differences, in batches: a look-up per city cost more than the rest of the rule.
            listed = {low for _n, low, _p, _m in cities}
            listed -= self.english.words.missing(listed)
            named = {low.capitalize() for low in listed}
            named -= self.english.proper.missing(named)
            rows = [
                (name, low, mask, pop)
                for name, low, pop, mask in cities
                if not (low in listed and low.capitalize() not in named)
            ]
            shapes, index = {}, None
            if native.rust is not None:
                index = native.rust.NearIndex([(t_low, t_mask) for _n, t_low, t_mask, _p in rows], False)
            else:
                for row in rows:
                    shapes.setdefault(len(row[1]), []).append(row)
            shaped = self._shapes[code] = (shapes, rows, index)
        return shaped
