"""Language detection and the `languages:` rule key: English-only rules stay silent elsewhere."""

import pytest

from factlint.config import Config
from factlint.document import Document
from factlint.engine import Linter
from factlint.errors import UserError
from factlint.text.language import detect, stopwords

GERMAN = (
    "Der Völkermord an den Armeniern begann im Jahr 1918, und die Regierung in Berlin hat das "
    "lange nicht anerkannt. Die Historiker sind sich aber einig, dass er bereits früher begann."
)
ENGLISH = "The Armenian genocide of 1918 is remembered every year, and historians agree on it."


@pytest.mark.parametrize(
    "text, lang",
    [
        (ENGLISH, "en"),
        (GERMAN, "de"),
        ("Le gouvernement a annoncé mardi une hausse des impôts pour les ménages les plus riches.", "fr"),
        ("El gobierno anunció el martes que los impuestos subirán para las familias con más ingresos.", "es"),
        ("Rząd ogłosił we wtorek, że podatki wzrosną dla najbogatszych gospodarstw domowych w kraju.", "pl"),
    ],
)
def test_detects_the_language_of_real_sentences(text, lang):
    assert detect(text) == lang


def test_too_little_text_is_undetermined():
    assert detect("Slavia Praha 2:1") is None
    assert stopwords("en") and "the" in stopwords("en")


def test_a_short_text_counts_as_english_and_front_matter_wins():
    assert Document("Putin 1918").language == "en"
    doc = Document("---\nlanguage: de-AT\n---\n\n" + ENGLISH, markup_kind="markdown")
    assert doc.language == "de"


def test_english_only_rule_is_silent_on_german_text():
    engine = Linter(Config())
    assert [f.rule for f in engine.lint_text(ENGLISH)] == ["History.EventDates"]
    assert not [f for f in engine.lint_text(GERMAN) if f.rule == "History.EventDates"]


def test_configured_language_applies_to_texts_without_their_own():
    config = Config()
    config.apply({"language": "de"}, "cfg.yaml")
    assert not [f for f in Linter(config).lint_text(ENGLISH) if f.rule == "History.EventDates"]
    with pytest.raises(UserError):
        Config().apply({"language": "German"}, "cfg.yaml")


def test_the_detection_index_comes_with_the_compiled_rules():
    from factlint.config import Config
    from factlint.engine import Linter
    from factlint.text import language

    # Kept in the compiled-rules cache (built once, not from 31 stop lists at every start-up);
    # what detection uses is that index, equal to one built anew.
    ruleset = Linter(Config()).ruleset
    assert ruleset.language_index == language._build_index()
    assert len(ruleset.language_index) > 1000 and ruleset.language_index["the"] == {"en": 1.0}
    assert language._index() == ruleset.language_index
