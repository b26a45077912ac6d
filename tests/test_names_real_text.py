"""The Names rules on the text they meet in the wild: misspellings in lower case or capitals,
exonyms of many languages (from CLDR), near misses of cities no hand-kept list holds (from
GeoNames), and the negatives that must stay quiet: surnames, brands, news agencies and clubs that
look like places, a German quotation in an English article, a whole German page, a person and
the thing he made. The sentences are written for these tests in the style of wire copy."""

import json
import pickle
from pathlib import Path

import pytest
from conftest import SHARED

from factlint.config import Config
from factlint.engine import Linter

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def linter():
    config = Config()
    config.select = ["Names"]
    return Linter(config)


def found(linter, text, rule=None):
    return [
        (f.rule.split(".", 1)[1], f.match, f.suggestions)
        for f in linter.lint_text(text)
        if rule is None or f.rule == f"Names.{rule}"
    ]


# -- misspellings in any case ------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, match, suggestion",
    [
        (
            "Several japanease carmakers said on Monday they would cut production in the spring.",
            "japanease",
            "Japanese",
        ),
        ("The convoy crossed into afganhistan at dawn, according to border officials.", "afganhistan", "Afghanistan"),
        ("The portugese government approved the budget after a long night of talks.", "portugese", "Portuguese"),
        ("Bushfires in austrailia have burned more than ten million hectares this season.", "austrailia", "Australia"),
        ("Exports to chinesse buyers rose by a fifth in the third quarter.", "chinesse", "Chinese"),
        ("THE PORTUGESE SQUAD ARRIVED IN LISBON LATE ON SUNDAY NIGHT AFTER THE DEFEAT.", "PORTUGESE", "Portuguese"),
        ("Flights to Bangaldesh were suspended as the cyclone approached the coast.", "Bangaldesh", "Bangladesh"),
    ],
)
def test_near_miss_in_any_case(linter, text, match, suggestion):
    assert (("NearMiss", match, [suggestion])) in found(linter, text, "NearMiss")


@pytest.mark.parametrize(
    "text",
    [
        # Real words, in lower case and in capitals, and names inside addresses.
        "The indian summer kept the turkey farmers busy, and the polish on the china shone.",
        "Visit www.chinesse-food.com or write to sales@portugese-wines.org for a catalogue.",
        "JORDAN AND GUINEA PLAYED OUT A GOALLESS DRAW IN THE CAPITAL ON SATURDAY EVENING.",
        "Analysts expect the japanned finish and the chinoiserie to sell well at auction.",
    ],
)
def test_near_miss_leaves_words_and_addresses_alone(linter, text):
    assert found(linter, text, "NearMiss") == []


def test_no_english_word_close_to_a_country_is_taken_for_a_misspelling(linter):
    """Lower-case English words one or two letters from a country or demonym (the SCOWL list)
    are never flagged: the case-insensitive path only looks at words no list knows."""
    import jellyfish

    from factlint.kinds.names.base import NamesKind

    rule = next(r for r in linter.rules if r.id == "Names.NearMiss")
    assert isinstance(rule, NamesKind)
    gaz = rule.gazetteer
    targets = [t.lower() for t, ids in gaz.targets.items() if any(gaz.types[i] == "country" for i in ids)]
    path = rule.english_path
    words = [w.strip() for w in open(path, encoding="utf-8") if w.strip().islower() and len(w.strip()) >= 6]
    close = sorted(
        {
            w
            for w in words
            for t in targets
            if abs(len(w) - len(t)) <= 1 and w[0] == t[0] and jellyfish.damerau_levenshtein_distance(w, t) <= 1
        }
    )
    assert len(close) >= 5, close  # the test must look at something
    text = "They spoke of " + ", ".join(close) + " and more, the report said on Monday."
    assert found(linter, text, "NearMiss") == []


# -- exonyms from CLDR ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "form, english",
    [
        ("Ruanda", "Rwanda"),
        ("Kamerun", "Cameroon"),
        ("Mongolei", "Mongolia"),
        ("Russie", "Russia"),
        ("España", "Spain"),
        ("Luxemburg", "Luxembourg"),
        ("Isola di Man", "Isle of Man"),
        ("Viêt Nam", "Vietnam"),
        ("Hiszpania", "Spain"),
        ("Marokko", "Morocco"),
        ("Zwitserland", "Switzerland"),
    ],
)
def test_foreign_country_names_suggest_the_english_name(linter, form, english):
    text = f"Officials said the delegation from {form} would arrive on Tuesday for two days of trade talks."
    hits = [(rule, sugg) for rule, match, sugg in found(linter, text) if match == form]
    assert hits and hits[0][0] in ("Exonyms", "Deprecated") and hits[0][1] == [english], found(linter, text)


@pytest.mark.parametrize(
    "text",
    [
        # Surnames equal to a foreign country name: named as a person somewhere in the text.
        "Abdi Liban, the mayor, opened the new clinic. Liban said the town had waited ten years.",
        # Brands, clubs, agencies, magazines.
        "The Praga trucks were built in Prague until 1989, when the factory closed.",
        "Slavia Praha beat Sparta Praha 2-1 in the derby on Sunday.",
        "Japan's Kyodo News reported the quake; Kyodo said there was no tsunami warning.",
        "The interview first appeared in Vanity Fair Italia and was reprinted in London.",
        "Radio Italia said the singer would tour again in 2025.",
        # English words and names that CLDR gives as another language's name of a country.
        "The chili sauce from Norfolk won a prize at the fair in Granada, and Columbia Pictures filmed it.",
        # A German sentence quoted in an English article keeps its German names.
        "The chancellor told the Bundestag: „Deutschland und Russland haben keine gemeinsame Zukunft, solange der Krieg dauert.“",
    ],
)
def test_exonym_negatives(linter, text):
    assert [f for f in found(linter, text) if f[0] in ("Exonyms", "NearMiss", "Drift")] == []


def test_a_german_page_gets_no_names_findings(linter):
    page = (
        "Die Bundesregierung hat am Montag neue Hilfen für die Ukraine beschlossen. Deutschland werde "
        "weitere Flugabwehrsysteme liefern, sagte der Kanzler in Berlin. Auch Frankreich, Italien und "
        "Spanien wollen ihre Unterstützung ausbauen. In Russland wurde die Entscheidung scharf "
        "kritisiert; Moskau sprach von einer Eskalation. Die Außenminister der Europäischen Union treffen "
        "sich am Donnerstag in Luxemburg, wo auch über Weißrussland und Aserbaidschan beraten wird."
    )
    assert found(linter, page) == []
    # The same names in an English text are reported.
    english = "The ministers will meet in Luxemburg on Thursday to discuss Weißrussland and the war in the region."
    assert {m for _r, m, _s in found(linter, english)} >= {"Luxemburg", "Weißrussland"}


def test_a_short_english_sentence_is_checked_whatever_its_stop_words_say(linter):
    # More Portuguese stop words (de, em) than English ones in a one-line text: still English.
    assert ("NearMiss", "Janeir", ["Janeiro"]) in found(linter, "An economist in Rio de Janeir told Reuters.")


# -- cities from GeoNames -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, match, suggestion",
    [
        (
            "Police in the Czech Republic said the suspect was arrested in Kolomouz, east of Prague, on Friday.",
            "Kolomouz",
            "Olomouc",
        ),
        (
            "China will hold the Winter Olympics ski events in Zhangzakou, north-west of Beijing.",
            "Zhangzakou",
            "Zhangjiakou",
        ),
        ("Spanish police made three arrests in Badalonna, just north of Barcelona.", "Badalonna", "Badalona"),
    ],
)
def test_near_miss_of_a_city_in_a_text_about_its_country(linter, text, match, suggestion):
    hits = [(m, s) for _r, m, s in found(linter, text, "CityNearMiss")]
    assert hits and hits[0][0] == match and suggestion in hits[0][1]
    assert all(f.severity == "warning" for f in linter.lint_text(text) if f.rule == "Names.CityNearMiss")


@pytest.mark.parametrize(
    "text",
    [
        # No country of the city named: nothing makes Olomouc likely.
        "The suspect was arrested in Kolomouz on Friday, police said.",
        # A person, wherever the name stands.
        "Czech striker Milan Kolomouz scored twice in Prague. Fans in Kolomouz's home town cheered.",
        # A firm that acts ("said"), even after "in".
        "Shares in Yukos fell after the Russian tax ministry in Moscow said Yukos owed more.",
        # A region (ISO 3166-2, from pycountry) is a place, not a misspelt city (Sindi).
        "Floods in Sindh cut roads near the border with India, Indian and Pakistani officials said in Delhi and Karachi.",
        # One word of a longer name.
        "Norwich City lost at Carrow Road, and fans from Carrow Park in Norfolk, England, left early.",
    ],
)
def test_city_near_miss_negatives(linter, text):
    assert found(linter, text, "CityNearMiss") == []


def test_the_city_index_survives_the_rules_cache():
    from factlint.knowledge.geonames import CityIndex

    index = CityIndex(15000, 15000)
    copy = pickle.loads(pickle.dumps(index))
    assert copy.countries_of("Olomouc") == index.countries_of("Olomouc") == ("CZ",)
    assert "olomouc" in copy.words and "zhangjiakou" in copy.main_words
    assert any(name == "Zhangjiakou" for name, _low, _pop, _mask in copy.cities_in("CN"))


# -- drift ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Josh Wardle created the word game Wordle for his partner. The New York Times bought Wordle "
        "in 2022, and Wardle said he never expected the attention.",
        "Andrew Bridgen, the MP, spoke first. Labour won Bridgend, and Bridgen said he was disappointed.",
        "Commuters from Tunbridge Wells and Tonbridge faced delays on Monday.",
    ],
)
def test_drift_leaves_a_person_and_a_thing_or_two_places_alone(linter, text):
    assert found(linter, text, "Drift") == []


def test_drift_still_reports_one_persons_two_spellings(linter):
    text = (
        "Armenian Prime Minister Nikol Pashinyan said on Monday that the border would stay open. "
        "Critics accused Pashinian of making concessions."
    )
    assert found(linter, text, "Drift") == [("Drift", "Pashinian", ["Pashinyan"])]


# -- the real scraped pages --------------------------------------------------------------------
@pytest.mark.slow
def test_non_english_scraped_pages_get_fewer_than_one_transcription_finding_each(linter):
    folder = SHARED / "labels" / "scraped"
    manifest = [json.loads(line) for line in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    foreign = [m for m in manifest if m["lang"] != "en"]
    assert len(foreign) >= 100, f"the scraped pages are expected at {folder}"
    count = 0
    for m in foreign:
        text = (folder / "pages" / f"{m['id']}.txt").read_text(encoding="utf-8")
        count += sum(1 for f in linter.lint_text(text, path=f"{m['id']}.txt") if f.category == "transcription")
    assert count / len(foreign) < 1.0


def test_lexicon_search_in_its_text_agrees_with_a_set():
    """The look-ups before the set is built search the sorted text itself: the same answers
    for every word of a real list, its neighbours, and the edges (first, last, empty)."""
    from factlint.knowledge.lexicon import Lexicon

    words = sorted(
        {
            w.strip().lower()
            for w in open(ROOT / "rules/Names/data/english-words.txt", encoding="utf-8")
            if w.strip() and not w.startswith("#")
        }
    )[::37]
    lexicon = Lexicon(words)
    probes = words[:300] + [w + "x" for w in words[:300]] + [w[:-1] for w in words[:300]] + ["", "a", "zzzz", words[-1]]
    lexicon.SET_AFTER = len(probes) + 1  # stay on the text search
    assert [p in lexicon for p in probes] == [p in set(words) for p in probes]
    assert lexicon._set is None


@pytest.mark.parametrize("setting", ["cldr-locales: de", "geonames: {min-population: many}", "geonames: 15000"])
def test_a_malformed_source_setting_in_the_gazetteer_is_a_one_line_rule_error(tmp_path, setting):
    from factlint.errors import RuleError

    names = ROOT / "rules" / "Names"
    pack = tmp_path / "Names"
    (pack / "data").mkdir(parents=True)
    (pack / "NearMiss.yml").write_text(
        (names / "NearMiss.yml")
        .read_text(encoding="utf-8")
        .replace("table: data/gazetteer.yml", "table: data/places.yml"),
        encoding="utf-8",
    )
    (pack / "data" / "places.yml").write_text(
        f"{setting}\nplaces:\n  - name: Olomouc\n    type: city\n", encoding="utf-8"
    )
    config = Config()
    config.packs = [str(pack)]
    config.select = ["Names.NearMiss"]
    with pytest.raises(RuleError) as err:
        Linter(config).lint_text("Nothing to see in Olomouc today.")
    assert "places.yml" in str(err.value) and "\n" not in str(err.value).strip()


def test_no_english_name_of_a_country_is_reported_as_an_exonym(linter):
    """Every accepted English form of the gazetteer's countries and territories, in one text:
    CLDR's names in other languages never include one of them."""
    rule = next(r for r in linter.rules if r.id == "Names.NearMiss")
    gaz = rule.gazetteer
    forms = sorted(f for f, ids in gaz.accepted.items() if any(gaz.types[i] in ("country", "territory") for i in ids))
    assert len(forms) > 300
    text = "Delegates came from " + ", ".join(forms) + ", the organisers said on Monday."
    assert [f for f in found(linter, text) if f[0] in ("Exonyms", "Deprecated")] == []


# -- big cities' other names, from GeoNames -----------------------------------------------------
@pytest.mark.parametrize("form, english", [("Mailand", "Milan"), ("Tokio", "Tokyo"), ("Luknow", "Lucknow")])
def test_a_big_citys_foreign_name_is_a_warning_with_the_english_name(linter, form, english):
    text = f"Trade fairs in {form} drew fewer buyers this year, the organisers said on Friday."
    findings = [f for f in linter.lint_text(text) if f.match == form]
    assert [(f.rule, f.severity, f.suggestions) for f in findings] == [("Names.CityExonyms", "warning", [english])]


@pytest.mark.parametrize(
    "text",
    [
        # English names of cities are never another city's "exonym" (Canton, Bombay: in SCOWL).
        "Traders in Canton and Bombay sold tea to London merchants in the 1830s.",
        # A brand with a city's name.
        "Three Praga trucks were parked outside the depot on Monday.",
    ],
)
def test_city_exonym_negatives(linter, text):
    assert found(linter, text, "CityExonyms") == []


@pytest.mark.parametrize(
    "text, match",
    [
        ("The mayor of Kolomouz, the Czech Republic's sixth city, met Prague officials on Monday.", "Kolomouz"),
        ("Floods hit the Kolomouz region of the Czech Republic; Prague sent the army.", "Kolomouz"),
        ("Czech police say Kolomouz's old town was cut off; in Kolomouz, water rose and Prague sent help.", "Kolomouz"),
    ],
)
def test_city_near_miss_with_other_place_cues(linter, text, match):
    assert [m for _r, m, _s in found(linter, text, "CityNearMiss")][:1] == [match]
