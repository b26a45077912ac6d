"""Consistency checks for the place-name gazetteer (rules/Names/data/gazetteer.yml).

Standard library + PyYAML + pytest only: this module deliberately does not import
``factlint`` so the data file can be validated on its own.

Every check is written as a function returning a list of problems; the real data must
produce none, and ``test_check_can_fail`` feeds deliberately broken copies of the data to
each check to prove that it does report problems.
"""

from __future__ import annotations

import copy
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

GAZETTEER = Path(__file__).resolve().parents[1] / "rules/Names/data/gazetteer.yml"

MIN_ENTRIES = 400

REQUIRED_KEYS = {"name", "type", "region", "source"}
OPTIONAL_KEYS = {"variants", "demonyms", "capital", "country", "exonyms", "deprecated"}
ALLOWED_KEYS = REQUIRED_KEYS | OPTIONAL_KEYS
LIST_KEYS = ("variants", "demonyms", "deprecated")

TYPES = {"country", "observer", "territory", "capital", "city", "region"}
SOVEREIGN_TYPES = {"country", "observer", "territory"}  # what `country` may point to
# Which types may carry which optional key.
CAPITAL_KEY_TYPES = {"country", "observer", "territory"}
COUNTRY_KEY_TYPES = {"capital", "city", "region", "territory"}  # territory: administering state

# Fixed region keys. Europe is split the way news desks split it; Russia follows the UN
# geoscheme (Eastern Europe) except the North Caucasus republics and Siberia/Far East.
REGIONS = {
    "Western Europe",  # UK, Ireland, France, Benelux, Germany, Austria, Switzerland, Liechtenstein, Monaco
    "Southern Europe",  # Iberia, Italy, Malta, San Marino, Vatican, Greece, Cyprus, Gibraltar
    "Central Europe",  # Poland, Czech Republic, Slovakia, Hungary, Slovenia
    "Eastern Europe",  # Russia (European part), Ukraine, Belarus, Moldova, Romania
    "Nordic",  # Denmark, Norway, Sweden, Finland, Iceland, Greenland, Faroe Islands
    "Baltic",  # Estonia, Latvia, Lithuania
    "Balkans",  # former Yugoslavia (minus Slovenia), Albania, Kosovo, Bulgaria
    "South Caucasus",  # Armenia, Azerbaijan, Georgia (and the Caucasus as a whole)
    "North Caucasus",  # Chechnya, Dagestan, Ingushetia (Russia)
    "North Asia",  # Siberia and the Russian Far East
    "Central Asia",
    "South Asia",  # incl. Afghanistan
    "East Asia",
    "Southeast Asia",
    "Middle East",  # incl. Turkey and Iran
    "North Africa",  # incl. Sudan, Western Sahara
    "West Africa",  # incl. Mauritania, Sahel
    "East Africa",  # incl. Indian Ocean islands
    "Central Africa",
    "Southern Africa",  # incl. Angola, Zambia, Zimbabwe, Malawi, Mozambique
    "North America",  # incl. Mexico, Bermuda
    "Central America",
    "Caribbean",
    "South America",
    "Oceania",
}

SOURCE_PREFIXES = ("Wikipedia: ", "Encyclopaedia Britannica: ")

# ISO 639-1 codes accepted as exonym languages.
LANGUAGES = {
    "de",
    "fr",
    "es",
    "it",
    "nl",
    "pt",
    "sv",
    "no",
    "da",
    "fi",
    "is",
    "pl",
    "cs",
    "sk",
    "sl",
    "hr",
    "sr",
    "bs",
    "mk",
    "bg",
    "sq",
    "el",
    "hu",
    "ro",
    "tr",
    "ru",
    "uk",
    "be",
    "et",
    "lv",
    "lt",
    "ka",
    "hy",
    "az",
    "ga",
    "ca",
    "eu",
    "fo",
    "kl",
    "he",
    "ar",
    "fa",
}

# The 193 UN member states, by the canonical name used in the gazetteer.
UN_MEMBERS = [
    "Afghanistan",
    "Albania",
    "Algeria",
    "Andorra",
    "Angola",
    "Antigua and Barbuda",
    "Argentina",
    "Armenia",
    "Australia",
    "Austria",
    "Azerbaijan",
    "Bahamas",
    "Bahrain",
    "Bangladesh",
    "Barbados",
    "Belarus",
    "Belgium",
    "Belize",
    "Benin",
    "Bhutan",
    "Bolivia",
    "Bosnia and Herzegovina",
    "Botswana",
    "Brazil",
    "Brunei",
    "Bulgaria",
    "Burkina Faso",
    "Burundi",
    "Cambodia",
    "Cameroon",
    "Canada",
    "Cape Verde",
    "Central African Republic",
    "Chad",
    "Chile",
    "China",
    "Colombia",
    "Comoros",
    "Republic of the Congo",
    "Costa Rica",
    "Croatia",
    "Cuba",
    "Cyprus",
    "Czech Republic",
    "DR Congo",
    "Denmark",
    "Djibouti",
    "Dominica",
    "Dominican Republic",
    "East Timor",
    "Ecuador",
    "Egypt",
    "El Salvador",
    "Equatorial Guinea",
    "Eritrea",
    "Estonia",
    "Eswatini",
    "Ethiopia",
    "Fiji",
    "Finland",
    "France",
    "Gabon",
    "Gambia",
    "Georgia",
    "Germany",
    "Ghana",
    "Greece",
    "Grenada",
    "Guatemala",
    "Guinea",
    "Guinea-Bissau",
    "Guyana",
    "Haiti",
    "Honduras",
    "Hungary",
    "Iceland",
    "India",
    "Indonesia",
    "Iran",
    "Iraq",
    "Ireland",
    "Israel",
    "Italy",
    "Ivory Coast",
    "Jamaica",
    "Japan",
    "Jordan",
    "Kazakhstan",
    "Kenya",
    "Kiribati",
    "Kuwait",
    "Kyrgyzstan",
    "Laos",
    "Latvia",
    "Lebanon",
    "Lesotho",
    "Liberia",
    "Libya",
    "Liechtenstein",
    "Lithuania",
    "Luxembourg",
    "Madagascar",
    "Malawi",
    "Malaysia",
    "Maldives",
    "Mali",
    "Malta",
    "Marshall Islands",
    "Mauritania",
    "Mauritius",
    "Mexico",
    "Micronesia",
    "Moldova",
    "Monaco",
    "Mongolia",
    "Montenegro",
    "Morocco",
    "Mozambique",
    "Myanmar",
    "Namibia",
    "Nauru",
    "Nepal",
    "Netherlands",
    "New Zealand",
    "Nicaragua",
    "Niger",
    "Nigeria",
    "North Korea",
    "North Macedonia",
    "Norway",
    "Oman",
    "Pakistan",
    "Palau",
    "Panama",
    "Papua New Guinea",
    "Paraguay",
    "Peru",
    "Philippines",
    "Poland",
    "Portugal",
    "Qatar",
    "Romania",
    "Russia",
    "Rwanda",
    "Saint Kitts and Nevis",
    "Saint Lucia",
    "Saint Vincent and the Grenadines",
    "Samoa",
    "San Marino",
    "São Tomé and Príncipe",
    "Saudi Arabia",
    "Senegal",
    "Serbia",
    "Seychelles",
    "Sierra Leone",
    "Singapore",
    "Slovakia",
    "Slovenia",
    "Solomon Islands",
    "Somalia",
    "South Africa",
    "South Korea",
    "South Sudan",
    "Spain",
    "Sri Lanka",
    "Sudan",
    "Suriname",
    "Sweden",
    "Switzerland",
    "Syria",
    "Tajikistan",
    "Tanzania",
    "Thailand",
    "Togo",
    "Tonga",
    "Trinidad and Tobago",
    "Tunisia",
    "Turkey",
    "Turkmenistan",
    "Tuvalu",
    "Uganda",
    "Ukraine",
    "United Arab Emirates",
    "United Kingdom",
    "United States",
    "Uruguay",
    "Uzbekistan",
    "Vanuatu",
    "Venezuela",
    "Vietnam",
    "Yemen",
    "Zambia",
    "Zimbabwe",
]
# UN General Assembly non-member observer states (the Holy See is filed under Vatican City,
# with "Holy See" as a variant).
UN_OBSERVERS = ["Vatican City", "Palestine"]

# Sovereign entries that deliberately carry no `capital` key.
CAPITAL_EXCEPTIONS = {
    # Israel designates Jerusalem; most states do not recognise it and the city's status is
    # disputed, so the gazetteer takes no position (Jerusalem is a `city` without `country`).
    "Israel",
    # Palestine claims East Jerusalem; its administrative seat is Ramallah (a `city` entry).
    "Palestine",
}

# Spellings (normalised) that legitimately belong to more than one entry, with the exact set
# of entries that share them.
SHARED_FORMS = {
    # AP and others write plain "Congo" for either country; "Congolese" is used for both.
    "congo": {"Republic of the Congo", "DR Congo"},
    "congolese": {"Republic of the Congo", "DR Congo"},
    # The demonym of Dominica and of the Dominican Republic is spelled the same.
    "dominican": {"Dominica", "Dominican Republic"},
    "dominicans": {"Dominica", "Dominican Republic"},
}


# --------------------------------------------------------------------------- helpers
def norm(s: str) -> str:
    """Case-fold, strip accents and unify apostrophes/whitespace."""
    s = s.replace("\u2019", "'").replace("\u02bc", "'")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return " ".join(s.casefold().split())


def accepted_forms(e: dict) -> list[str]:
    out = [e["name"]] if isinstance(e.get("name"), str) else []
    for key in ("variants", "demonyms"):
        v = e.get(key) or []
        out.extend(x for x in v if isinstance(x, str))
    return out


def flagged_forms(e: dict) -> list[str]:
    out = []
    exo = e.get("exonyms") or {}
    if isinstance(exo, dict):
        for vals in exo.values():
            if isinstance(vals, list):
                out.extend(x for x in vals if isinstance(x, str))
    out.extend(x for x in (e.get("deprecated") or []) if isinstance(x, str))
    return out


def by_name(places: list[dict]) -> dict[str, dict]:
    """Entries by name; where a city-state shares its name with its capital, the state wins."""
    out: dict[str, dict] = {}
    for e in places:
        if not isinstance(e, dict) or not isinstance(e.get("name"), str):
            continue
        if e["name"] not in out or e.get("type") in SOVEREIGN_TYPES:
            out[e["name"]] = e
    return out


def label(e: dict) -> str:
    return f"{e.get('name')!r} ({e.get('type')})"


# --------------------------------------------------------------------------- checks
def check_count(places):
    if len(places) < MIN_ENTRIES:
        return [f"only {len(places)} entries, expected at least {MIN_ENTRIES}"]
    return []


def _good_str(x) -> bool:
    return isinstance(x, str) and x != "" and x == x.strip() and "  " not in x


def check_keys_and_types(places):
    problems = []
    for i, e in enumerate(places):
        if not isinstance(e, dict):
            problems.append(f"entry #{i} is not a mapping")
            continue
        where = f"entry #{i} {label(e)}"
        keys = set(e)
        if keys - ALLOWED_KEYS:
            problems.append(f"{where}: unknown keys {sorted(keys - ALLOWED_KEYS)}")
        if REQUIRED_KEYS - keys:
            problems.append(f"{where}: missing keys {sorted(REQUIRED_KEYS - keys)}")
        for key in ("name", "type", "region", "source", "capital", "country"):
            if key in e and not _good_str(e[key]):
                problems.append(f"{where}: {key} must be a non-empty trimmed string")
        for key in LIST_KEYS:
            if key in e:
                v = e[key]
                if not isinstance(v, list) or not all(_good_str(x) for x in v):
                    problems.append(f"{where}: {key} must be a list of non-empty trimmed strings")
                elif len(set(v)) != len(v):  # accent-only variants (Türkiye/Turkiye) are fine
                    problems.append(f"{where}: duplicate items in {key}")
        if "exonyms" in e:
            exo = e["exonyms"]
            if not isinstance(exo, dict) or not exo:
                problems.append(f"{where}: exonyms must be a non-empty mapping")
            else:
                for lang, vals in exo.items():
                    if lang not in LANGUAGES:
                        problems.append(f"{where}: exonym language {lang!r} not in LANGUAGES")
                    if not isinstance(vals, list) or not vals or not all(_good_str(x) for x in vals):
                        problems.append(f"{where}: exonyms[{lang!r}] must be a non-empty list of strings")
                    elif len(set(vals)) != len(vals):
                        problems.append(f"{where}: duplicate items in exonyms[{lang!r}]")
        typ = e.get("type")
        if typ not in TYPES:
            problems.append(f"{where}: type {typ!r} not in {sorted(TYPES)}")
        else:
            if "capital" in e and typ not in CAPITAL_KEY_TYPES:
                problems.append(f"{where}: a {typ} cannot have a capital")
            if "country" in e and typ not in COUNTRY_KEY_TYPES:
                problems.append(f"{where}: a {typ} cannot have a country")
    return problems


def check_un_members(places):
    problems = []
    names = by_name(places)
    if len(set(UN_MEMBERS)) != 193:
        problems.append(f"UN_MEMBERS list has {len(set(UN_MEMBERS))} names, expected 193")
    for n in UN_MEMBERS:
        if n not in names:
            problems.append(f"UN member {n!r} missing")
        elif names[n].get("type") != "country":
            problems.append(f"UN member {n!r} has type {names[n].get('type')!r}, expected country")
    for n in UN_OBSERVERS:
        if n not in names:
            problems.append(f"UN observer {n!r} missing")
        elif names[n].get("type") != "observer":
            problems.append(f"UN observer {n!r} has type {names[n].get('type')!r}, expected observer")
    extra = sorted(
        e.get("name")
        for e in places
        if e.get("type") in ("country", "observer") and e.get("name") not in set(UN_MEMBERS) | set(UN_OBSERVERS)
    )
    if extra:
        problems.append(f"country/observer entries that are not UN members/observers: {extra}")
    if "Holy See" not in (names.get("Vatican City", {}).get("variants") or []):
        problems.append("Vatican City must list 'Holy See' as a variant")
    return problems


def check_country_references(places):
    problems = []
    names = by_name(places)
    for e in places:
        c = e.get("country")
        if c is None:
            continue
        target = names.get(c)
        if target is None:
            problems.append(f"{label(e)}: country {c!r} is not an entry name")
        elif target.get("type") not in SOVEREIGN_TYPES:
            problems.append(f"{label(e)}: country {c!r} is a {target.get('type')}, not a country/observer/territory")
        elif e.get("type") == "territory" and target.get("type") == "territory":
            problems.append(f"{label(e)}: a territory's country must be a sovereign state")
        if c == e.get("name") and e.get("type") == "territory":
            problems.append(f"{label(e)}: refers to itself")
    return problems


def check_capitals(places):
    problems = []
    capitals = defaultdict(list)
    for e in places:
        if e.get("type") == "capital":
            capitals[e.get("name")].append(e)
    claimed = set()
    for e in places:
        typ = e.get("type")
        if typ not in CAPITAL_KEY_TYPES:
            continue
        cap = e.get("capital")
        if cap is None:
            if typ in ("country", "observer") and e.get("name") not in CAPITAL_EXCEPTIONS:
                problems.append(f"{label(e)}: no capital (add one or document it in CAPITAL_EXCEPTIONS)")
            continue
        if e.get("name") in CAPITAL_EXCEPTIONS:
            problems.append(f"{label(e)}: listed in CAPITAL_EXCEPTIONS but has capital {cap!r}")
        matches = [c for c in capitals.get(cap, []) if c.get("country") == e.get("name")]
        if not matches:
            problems.append(f"{label(e)}: capital {cap!r} has no capital entry pointing back to it")
        claimed.add((cap, e.get("name")))
    for name, entries in capitals.items():
        for c in entries:
            if (name, c.get("country")) not in claimed:
                problems.append(f"{label(c)}: is not the `capital` of its country {c.get('country')!r}")
    return problems


def _allowed_collision(form: str, entries: list[dict]) -> bool:
    names = {e.get("name") for e in entries}
    if form in SHARED_FORMS and SHARED_FORMS[form] == names:
        return True
    sovereign = [e for e in entries if e.get("type") in SOVEREIGN_TYPES]
    if len(sovereign) != 1:
        return False
    owner = sovereign[0].get("name")
    return all(
        e is sovereign[0] or (e.get("type") in ("capital", "city") and e.get("country") == owner) for e in entries
    )


def check_unique_spellings(places):
    owners = defaultdict(list)
    for e in places:
        forms = {norm(f) for f in accepted_forms(e) + flagged_forms(e)}
        for f in forms:
            owners[f].append(e)
    problems = []
    for form, entries in sorted(owners.items()):
        if len(entries) > 1 and not _allowed_collision(form, entries):
            problems.append(f"spelling {form!r} belongs to several entries: {[label(e) for e in entries]}")
    for form in SHARED_FORMS:
        if len(owners.get(form, [])) < 2:
            problems.append(f"SHARED_FORMS lists {form!r}, which is no longer shared (remove it)")
    return problems


def check_flagged_not_accepted(places):
    accepted = defaultdict(list)
    for e in places:
        for f in accepted_forms(e):
            accepted[norm(f)].append(e.get("name"))
    problems = []
    for e in places:
        for f in flagged_forms(e):
            if norm(f) in accepted:
                problems.append(f"{label(e)}: exonym/deprecated {f!r} equals an accepted form of {accepted[norm(f)]}")
    return problems


def check_regions(places):
    return [f"{label(e)}: region {e.get('region')!r} not in REGIONS" for e in places if e.get("region") not in REGIONS]


def check_sources(places):
    problems = []
    for e in places:
        s = e.get("source")
        if not isinstance(s, str) or not s.startswith(SOURCE_PREFIXES):
            problems.append(f"{label(e)}: source {s!r} must start with one of {SOURCE_PREFIXES}")
        elif not any(s[len(p) :].strip() for p in SOURCE_PREFIXES if s.startswith(p)):
            problems.append(f"{label(e)}: source has no article title")
    return problems


CHECKS = {
    "count": check_count,
    "keys_and_types": check_keys_and_types,
    "un_members": check_un_members,
    "country_references": check_country_references,
    "capitals": check_capitals,
    "unique_spellings": check_unique_spellings,
    "flagged_not_accepted": check_flagged_not_accepted,
    "regions": check_regions,
    "sources": check_sources,
}


# --------------------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def places():
    with GAZETTEER.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    # `places`, and the run-time sources merged into it (factlint.knowledge.cldr / geonames).
    assert isinstance(data, dict) and set(data) <= {"places", "cldr-locales", "geonames"} and "places" in data, (
        "top level must be a mapping of `places` (and `cldr-locales`, `geonames`)"
    )
    assert isinstance(data["places"], list)
    return data["places"]


# --------------------------------------------------------------------------- tests on the data
@pytest.mark.parametrize("check", sorted(CHECKS))
def test_gazetteer(places, check):
    problems = CHECKS[check](places)
    assert not problems, "\n".join(problems[:50])


def test_region_set_is_used(places):
    """Every region key is actually used (catches typos in REGIONS itself)."""
    unused = REGIONS - {e.get("region") for e in places}
    assert not unused, f"unused region keys: {sorted(unused)}"


def test_key_entries_for_transcription_errors(places):
    """Spot-check the forms this data exists for (MT leftovers in the Karabakh coverage)."""
    names = by_name(places)
    az = names["Azerbaijan"]
    assert {"Azeri", "Azeris", "Azerbaijani"} <= set(az["demonyms"])
    assert "Aserbaidschan" in az["exonyms"]["de"]
    assert {"Weißrussland", "Weissrussland"} <= set(names["Belarus"]["exonyms"]["de"])
    assert names["Kyiv"]["deprecated"] == ["Kiev"]
    assert names["Astana"]["country"] == "Kazakhstan"
    assert "Artsakh" in names["Nagorno-Karabakh"]["variants"]


# --------------------------------------------------------------------------- the checks can fail
def _find(p, name):
    return next(e for e in p if e.get("name") == name)


def _mut_truncate(p):
    del p[MIN_ENTRIES - 1 :]


def _mut_unknown_key(p):
    _find(p, "Azerbaijan")["population"] = 10_000_000


def _mut_missing_source(p):
    del _find(p, "Armenia")["source"]


def _mut_variants_str(p):
    _find(p, "Turkey")["variants"] = "Türkiye"


def _mut_bad_type(p):
    _find(p, "Goris")["type"] = "person"


def _mut_bad_language(p):
    _find(p, "Azerbaijan")["exonyms"]["xx"] = ["Azerbajdzhanistan"]


def _mut_drop_member(p):
    p.remove(_find(p, "Azerbaijan"))


def _mut_observer_as_territory(p):
    _find(p, "Palestine")["type"] = "territory"


def _mut_bad_country_ref(p):
    _find(p, "Goris")["country"] = "Atlantis"


def _mut_country_points_to_city(p):
    _find(p, "Goris")["country"] = "Stepanakert"


def _mut_capital_missing(p):
    p.remove(_find(p, "Baku"))


def _mut_capital_wrong_country(p):
    _find(p, "Baku")["country"] = "Armenia"


def _mut_capital_absent(p):
    del _find(p, "Azerbaijan")["capital"]


def _mut_demonym_collision(p):
    _find(p, "Azerbaijan")["demonyms"].append("Armenians")


def _mut_city_name_collision(p):
    _find(p, "Goris")["variants"] = ["Georgia"]


def _mut_exonym_is_accepted(p):
    _find(p, "Azerbaijan")["exonyms"]["de"].append("Azeri")


def _mut_deprecated_is_accepted(p):
    _find(p, "Odesa")["deprecated"] = ["Odessa"]


def _mut_bad_region(p):
    _find(p, "Goris")["region"] = "Transcaucasia"


def _mut_bad_source(p):
    _find(p, "Goris")["source"] = "Google Maps: Goris"


MUTATIONS = [
    ("count", _mut_truncate),
    ("keys_and_types", _mut_unknown_key),
    ("keys_and_types", _mut_missing_source),
    ("keys_and_types", _mut_variants_str),
    ("keys_and_types", _mut_bad_type),
    ("keys_and_types", _mut_bad_language),
    ("un_members", _mut_drop_member),
    ("un_members", _mut_observer_as_territory),
    ("country_references", _mut_bad_country_ref),
    ("country_references", _mut_country_points_to_city),
    ("capitals", _mut_capital_missing),
    ("capitals", _mut_capital_wrong_country),
    ("capitals", _mut_capital_absent),
    ("unique_spellings", _mut_demonym_collision),
    ("unique_spellings", _mut_city_name_collision),
    ("flagged_not_accepted", _mut_exonym_is_accepted),
    ("flagged_not_accepted", _mut_deprecated_is_accepted),
    ("regions", _mut_bad_region),
    ("sources", _mut_bad_source),
]


@pytest.mark.parametrize("check,mutate", MUTATIONS, ids=[m.__name__[5:] for _, m in MUTATIONS])
def test_check_can_fail(places, check, mutate):
    broken = copy.deepcopy(places)
    mutate(broken)
    assert CHECKS[check](broken), f"check {check!r} did not notice {mutate.__name__}"


def test_every_check_has_a_failing_case():
    assert {c for c, _ in MUTATIONS} == set(CHECKS)
