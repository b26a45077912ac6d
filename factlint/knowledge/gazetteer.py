"""The gazetteer: place names (rules/Names/data/gazetteer.yml) indexed for the Names kinds:
accepted forms, flagged forms (exonyms, deprecated spellings), near-miss targets with their
phonetic keys, and the links (country, capital, cities) that make a place likely in a text.
"""

from __future__ import annotations

import re

import jellyfish

import factlint.native as native
from factlint.knowledge import cldr
from factlint.knowledge import geonames as gn
from factlint.knowledge.lexicon import shared
from factlint.ruleset import read_yaml
from factlint.text.phonetics import fold, letter_mask, plain


class Gazetteer:
    """The place-name table (rules/Names/data/gazetteer.yml) indexed for the Names kinds."""

    def __init__(self, places, english, cldr_forms=frozenset(), cities=None):

        self.cldr_forms = frozenset(cldr_forms)  # flagged forms only CLDR gives (see cldr.merge)
        self.cities = cities  # the GeoNames city index (knowledge.geonames), or None
        self.codes = {}  # ISO 3166 code -> entry index (countries and territories)

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
            if place.get("code"):
                self.codes[place["code"]] = i
            forms = [place["name"], *(place.get("variants") or ()), *(place.get("demonyms") or ())]
            for form in map(str, forms):
                self.accepted.setdefault(form, set()).add(i)
                words = re.split(r"[\s\-]+", form)
                for pos, word in enumerate(words):
                    self.words.add(word.lower())
                    # A one-word form is a target even if it is an English word too (Georgia);
                    # a word of a longer name only if it is distinctive (Paulo, not South).
                    # Territories only CLDR adds (Heard & McDonald Islands) are no targets.
                    if len(word) < 4 or not word[:1].isupper() or place.get("cldr") or place.get("derived"):
                        continue
                    if len(words) == 1:
                        whole.add(word)
                    elif word.lower() in english:
                        continue
                    else:
                        self.parts.setdefault(word, []).append(tuple(plain(w) for w in words) + (pos,))
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
        # The country (ISO code) each entry is in: its own, or its `country` entry's.
        self.entry_codes = [
            place.get("code")
            or (places[index[place["country"]]].get("code") if place.get("country") in index else None)
            for place in places
        ]
        # Near-miss candidates: by phonetic key, and by (first letter, length) for edit distance.
        self.by_fold = {}
        self.by_shape = {}
        self.metaphones = {}
        for target in self.targets:
            low, folded = plain(target), fold(target)
            self.by_fold.setdefault(folded, []).append(target)
            self.by_shape.setdefault((low[0], len(low)), []).append((target, low, letter_mask(low)))
            self.metaphones[target] = jellyfish.metaphone(folded)
        self._memo = {}
        self._native = None

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_memo"] = {}  # per process: not worth storing in the cache
        state["_native"] = None  # the Rust core's index: built in the process that needs it
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.__dict__.setdefault("_native", None)

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

        low, folded = plain(token), fold(token)
        first, mask = low[0], letter_mask(low)
        same_fold = {t for t in self.by_fold.get(folded, ()) if plain(t)[0] == first}
        distances = {}
        if native.rust is not None:  # the same loop, in one call (factlint/native.py)
            targets, index = self._native_index()
            for i, distance in index.near(low, mask, 2):
                distances[targets[i]] = distance
        else:
            distance_of = jellyfish.damerau_levenshtein_distance
            for size in range(len(low) - 2, len(low) + 3):
                # Two edits change at most four letters of the alphabet used: an integer test
                # that spares most distance computations.
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

    def _native_index(self):
        """by_shape as the Rust core's NearIndex (built on the first near-miss look-up)."""
        if self._native is None:
            rows = [row for bucket in self.by_shape.values() for row in bucket]
            index = native.rust.NearIndex([(t_low, t_mask) for _t, t_low, t_mask in rows], True)
            self._native = ([t for t, _l, _m in rows], index)
        return self._native


# Distinct tokens whose near-miss targets are remembered (a few hundred bytes each).
_NEAR_MEMO_SIZE = 100_000


def load_gazetteer(path, english):
    """The gazetteer of a YAML table, with the sources it names merged in: `cldr-locales` (country
    names in those languages, from CLDR through babel). None for a table without places."""

    def build(p):
        data = read_yaml(p)
        places = data.get("places") if isinstance(data, dict) else None
        if not isinstance(places, list) or not all(isinstance(e, dict) and e.get("name") for e in places):
            return None
        cldr_forms = set()
        locales = data.get("cldr-locales")
        geonames = data.get("geonames")
        if not isinstance(locales, (list, type(None))) or not isinstance(geonames, (dict, type(None))):
            raise ValueError("`cldr-locales` must be a list of locale codes and `geonames` a mapping")
        if locales:
            places, cldr_forms = cldr.merge(places, [str(c) for c in locales])
        cities = None
        if geonames:
            sizes = (
                geonames.get("min-population", 15000),
                geonames.get("known-population", 1000),
                geonames.get("exonym-population", 1_000_000),
            )
            if not all(isinstance(n, int) and n >= 0 for n in sizes):
                raise ValueError("`geonames`: min-, known- and exonym-population must be whole numbers")
            cities = gn.load(*sizes)
            if cities is not None:
                places = gn.merge_exonyms(places, cities, english)
        return Gazetteer(places, english, cldr_forms, cities)

    return shared(("gazetteer", id(english)), path, build)
