"""Country and territory names in other languages, from the Unicode CLDR through `babel`
(BSD-3-Clause; CLDR data under the Unicode licence): the exonyms that machine translation leaves
in English text ("Ruanda", "Kamerun", "Russie", "España", "Isola di Man", "Viêt Nam").

CLDR is kept by the Unicode consortium with every locale's translators, so these lists need no
hand-typing; the gazetteer's own `exonyms` stay for cities and regions, which CLDR does not name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Locales read by default: the main languages of European news, which machine translation most
# often leaves names from (a gazetteer may name others with `cldr-locales:`).
DEFAULT_LOCALES = ("de", "fr", "es", "it", "pt", "nl", "pl", "sv", "da", "nb", "fi", "cs", "ro", "hu", "tr")
_PAREN = re.compile(r"\s*\([^)]*\)")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "-": " ", "‐": " "})


def same_spelling(a: str, b: str) -> bool:
    """Equal but for apostrophes, hyphens and case (Côte d’Ivoire, Côte d'Ivoire)."""
    return a.translate(_APOSTROPHES).lower() == b.translate(_APOSTROPHES).lower()


def _clean(name: str) -> str:
    """A CLDR name as a text writes it: no "(SAR China)", "&" spelled out."""
    return _PAREN.sub("", name).replace(" & ", " and ").strip()


def territories(locales: Iterable[str]) -> list[tuple[str, str, dict[str, list[str]]]]:
    """[(ISO 3166 code, English name, {language: [names in that language]})] for every country
    and territory CLDR names (not continents or numbered regions). Empty when babel is missing."""
    try:
        from babel import Locale  # deferred for start-up: only compiling the rules needs CLDR (then cached)
    except ImportError:  # an optional source: the hand-kept gazetteer still works without it
        return []
    english = Locale("en").territories
    out = []
    tables = []
    for code in locales:
        try:
            tables.append((code.split("_")[0], Locale.parse(code).territories))
        except Exception:  # noqa: BLE001 - an unknown locale in the gazetteer's list: skipped
            continue
    for code, name in sorted(english.items()):
        if not (len(code) == 2 and code.isalpha()) or code in ("ZZ", "EU", "EZ", "UN", "QO", "XA", "XB"):
            continue
        names: dict[str, list[str]] = {}
        for lang, table in tables:
            local = table.get(code)
            if local:
                local = _clean(local)
                # Not the English name, nor a part of it (St. Helena of "St. Helena, Ascension
                # and Tristan da Cunha").
                if local and not same_spelling(local, _clean(name)) and local.lower() not in _clean(name).lower():
                    names.setdefault(lang if lang != "nb" else "no", []).append(local)
        out.append((code, _clean(name), names))
    return out


def merge(places: list[dict], locales: Iterable[str]) -> tuple[list[dict], set[str]]:
    """The gazetteer's places with CLDR's names added as `exonyms` (and a `code`), and the forms
    only CLDR gives (the caller filters those against the English word list: "Chili" is French
    for Chile, and a word). Territories the gazetteer lacks are added with their English name."""
    places = [dict(p) for p in places]
    by_form: dict[str, int] = {}
    for i, place in enumerate(places):
        if place.get("type") in ("country", "observer", "territory"):
            for form in [place["name"], *(place.get("variants") or ())]:
                by_form.setdefault(str(form).translate(_APOSTROPHES).lower(), i)
    hand = {str(f) for p in places for forms in (p.get("exonyms") or {}).values() for f in forms}
    accepted = {
        str(f).translate(_APOSTROPHES).lower()
        for p in places
        for f in [p["name"], *(p.get("variants") or ()), *(p.get("demonyms") or ())]
    }
    only_cldr: set[str] = set()
    for code, english, names in territories(locales):
        i = by_form.get(english.translate(_APOSTROPHES).lower())
        if i is None:
            places.append({"name": english, "type": "territory", "cldr": True})
            i = len(places) - 1
        place = places[i]
        place.setdefault("code", code)
        exonyms = {lang: list(forms) for lang, forms in (place.get("exonyms") or {}).items()}
        for lang, forms in names.items():
            for form in forms:
                if form.translate(_APOSTROPHES).lower() in accepted:
                    continue
                if form not in exonyms.get(lang, ()):
                    exonyms.setdefault(lang, []).append(form)
                if form not in hand:
                    only_cldr.add(form)
        place["exonyms"] = exonyms
    return places, only_cldr
