"""Scraper residue as line classification: page furniture around an article's prose core is
flagged in blocks; the article itself — headline, Markdown headings, lists, short quotes — is not.
The texts are our own, shaped like real scraped pages and clean articles."""

import time

import pytest
import yaml
from conftest import ROOT

from factlint.config import Config
from factlint.engine import Linter
from factlint.kinds.boilerplate.features import is_dateline, measure, split_units
from factlint.kinds.boilerplate.table import Table

BODY = [
    "The city council approved a new budget on Tuesday after a debate that lasted more than six hours, "
    "with the ruling coalition winning the final vote by a narrow margin.",
    "The plan raises spending on schools and public transport and cuts the money set aside for road "
    "building, which opposition members said would hurt businesses in the outer districts.",
    "Officials said the first changes would be visible in the spring, when the bus network is expected "
    "to add several new routes and the number of evening services will be increased.",
    "The mayor told reporters that the budget was the fairest the city had passed in a decade and that "
    "she would defend it against any legal challenge brought by the opposition.",
]


@pytest.fixture(scope="module")
def linter():
    return Linter(Config())


def residue(linter, text, markup=None):
    return [f for f in linter.lint_text(text, markup=markup) if f.rule == "Boilerplate.Residue"]


def flagged_lines(findings):
    lines = set()
    for f in findings:
        last = f.end_line - 1 if f.end_line > f.line and f.end_column == 1 else f.end_line
        lines.update(range(f.line, last + 1))
    return lines


def numbered(text):
    return {i + 1: line for i, line in enumerate(text.split("\n"))}


def page(top, bottom, body=BODY):
    return "\n\n".join(top + body + bottom) + "\n"


def test_english_page_furniture_is_flagged_in_two_blocks_and_the_body_is_not(linter):
    text = page(
        [
            "Home | News | Sport | Weather",
            "Menu",
            "Search",
            "Council passes budget after marathon debate",
            "By Jane Smith",
            "12/03/2021 10:45",
        ],
        [
            "Share this article",
            "Facebook Twitter WhatsApp Email",
            "Related",
            "Bus fares to rise in January",
            "New cycle lanes open on the riverside",
            "© 2021 Example Media Ltd. All rights reserved.",
        ],
    )
    found = residue(linter, text)
    assert len(found) == 2
    lines = numbered(text)
    flagged = {lines[n] for n in flagged_lines(found)}
    assert not flagged & set(BODY)
    for furniture in (
        "Menu",
        "By Jane Smith",
        "12/03/2021 10:45",
        "Share this article",
        "Related",
        "New cycle lanes open on the riverside",
        "© 2021 Example Media Ltd. All rights reserved.",
    ):
        assert furniture in flagged


def test_german_page_furniture_is_flagged(linter):
    body = [
        "Der Stadtrat hat am Dienstag nach einer langen Debatte den neuen Haushalt beschlossen, der mehr Geld "
        "für Schulen und den öffentlichen Nahverkehr vorsieht.",
        "Die Opposition kritisierte, dass die Mittel für den Straßenbau gekürzt werden, und kündigte an, "
        "gegen den Beschluss vor Gericht zu ziehen.",
        "Die ersten Änderungen sollen im Frühjahr sichtbar werden, wenn das Busnetz um mehrere neue Linien "
        "erweitert wird und abends mehr Fahrten angeboten werden.",
    ]
    text = page(
        ["Startseite", "Anzeige", "Stadtrat beschließt Haushalt", "Foto: dpa"],
        ["Teilen", "Mehr zum Thema", "Busfahrten werden im Januar teurer", "Kommentare"],
        body,
    )
    found = residue(linter, text)
    lines = numbered(text)
    flagged = {lines[n] for n in flagged_lines(found)}
    assert {"Startseite", "Anzeige", "Foto: dpa", "Teilen", "Mehr zum Thema", "Kommentare"} <= flagged
    assert not flagged & set(body)


def test_clean_article_with_headline_has_no_residue(linter):
    text = "Council passes budget after marathon debate\n\n" + "\n\n".join(BODY) + "\n"
    assert residue(linter, text) == []


def test_article_ending_with_a_line_up_is_not_residue(linter):
    # A clean report whose last lines are a team list: short, unpunctuated, and no page furniture.
    text = (
        "Rovers beat City in cup replay\n\n"
        + "\n\n".join(BODY[:3])
        + (
            "\n\nRovers: Smith, Jones, Brown, Taylor, Evans\n\nSubs: Walker, Hall\n\nCity: Wood, Clark, Lewis\n\nReferee: P Green\n"
        )
    )
    assert residue(linter, text) == []


def test_list_and_short_quote_inside_the_body_are_article(linter):
    body = (
        BODY[:2]
        + [
            "The main measures are:",
            "free bus travel for pupils",
            "longer opening hours for libraries",
            "a new fund for community sports clubs",
            '"We did it," she said.',
        ]
        + BODY[2:]
    )
    text = page(["Home | News | Sport | Weather"], ["Share this article", "© 2021 Example Media"], body)
    found = residue(linter, text)
    lines = numbered(text)
    flagged = {lines[n] for n in flagged_lines(found)}
    assert "Home | News | Sport | Weather" in flagged and "Share this article" in flagged
    assert not flagged & set(body)


def test_code_and_file_trees_are_not_menus(linter):
    body = BODY[:2] + ["project/", "| |-- src/", "| | |-- main.py", "x = {'a': 1} | {'b': 2} | {'c': 3}"] + BODY[2:]
    text = page(["Home | News | Sport | Weather"], ["Share this article"], body)
    lines = numbered(text)
    flagged = {lines[n] for n in flagged_lines(residue(linter, text))}
    assert "Home | News | Sport | Weather" in flagged
    assert not flagged & set(body)


def test_long_list_next_to_the_prose_is_the_articles(linter):
    # A recipe: sixteen ingredient lines, then the method; the page menu names itself ("Home").
    ingredients = [f"{n} g of ingredient number {n}" for n in range(1, 17)]
    text = page(["Home", "Recipes"] + ingredients, ["Share this recipe", "© 2021 Example Kitchen"])
    lines = numbered(text)
    flagged = {lines[n] for n in flagged_lines(residue(linter, text))}
    assert "Home" in flagged and "© 2021 Example Kitchen" in flagged
    assert not flagged & set(ingredients + BODY)


def test_markdown_headings_are_never_residue(linter):
    text = (
        "# Council passes budget\n\n" + BODY[0] + "\n\n## Schools\n\n" + BODY[1] + "\n\n"
        "- free bus travel for pupils\n- longer opening hours for libraries\n\n## Transport\n\n" + BODY[2] + "\n\n"
        "| Item | Cost |\n| --- | --- |\n| Buses | 4m |\n\n## Related\n\n" + BODY[3] + "\n"
    )
    assert residue(linter, text, markup="markdown") == []


def test_markdown_label_paragraph_with_code_spans_is_article(linter):
    # The code spans are blanked from the prose; the paragraph is soft-wrapped over two lines.
    text = (
        "# Findings\n\n" + BODY[0] + "\n\n**Categories**: `date`, `transcription`, `attribution`,\n"
        "`quality` (plugins may add their own).\n\n" + BODY[1] + "\n"
    )
    assert residue(linter, text, markup="markdown") == []


def test_one_residue_line_after_short_prose_is_found_by_its_phrase(linter):
    text = "The national theatre will open its spring season with a new production of a Chekhov play.\n\nShare this article\n"
    found = residue(linter, text)
    assert len(found) == 1 and found[0].match == "Share this article"
    assert "share bar" in found[0].message


def test_label_colon_that_introduces_what_follows_is_not_a_credit(linter):
    text = "\n\n".join(BODY) + "\n\nIf you want to share the plan, feel free to use the following photo:\n"
    assert residue(linter, text) == []


def test_cut_sentence_at_the_end_is_truncation_not_residue(linter):
    # A scraped page whose body was cut: the fragment is prose (stop-word rich), not furniture.
    text = page(["Home | News | Sport | Weather"], ["It is exactly these kinds of delays that have been"])
    lines = numbered(text)
    flagged = {lines[n] for n in flagged_lines(residue(linter, text))}
    assert "Home | News | Sport | Weather" in flagged
    assert "It is exactly these kinds of delays that have been" not in flagged
    assert [f.rule for f in linter.lint_text(text) if f.category == "truncation"] == ["Truncation.EndsMidSentence"]


def test_leading_dateline_of_an_article_is_metadata(linter):
    text = "Published: 26 April 2021\n\n" + "\n\n".join(BODY) + "\n"
    assert residue(linter, text) == []


def test_hard_wrapped_paragraphs_are_one_unit(linter):
    wrapped = (
        "Council passes budget after marathon debate\n\n"
        "The city council approved a new budget on Tuesday after a debate that\n"
        "lasted more than six hours, with the ruling coalition winning the final\n"
        "vote by a narrow margin.\n\n"
        "The plan raises spending on schools and public transport and cuts the\n"
        "money set aside for road building, which opposition members said would\n"
        "hurt businesses in the outer districts.\n"
    )
    from factlint.document import Document

    doc = Document(wrapped)
    assert len(split_units(doc.prose)) == 3
    assert residue(linter, wrapped) == []


def test_residue_block_message_names_its_shapes(linter):
    text = page(["Startseite"], ["Tags: budget, council", "Share this article", "© Example Media"])
    found = residue(linter, text)
    tail = [f for f in found if "Tags" in f.match]
    assert len(tail) == 1
    assert "tag list" in tail[0].message and "3 lines" in tail[0].message


@pytest.mark.parametrize(
    "text, label",
    [
        ("Photo: Reuters", "photo credit"),
        ("By Jane Smith", "byline"),
        ("Tags: budget, council, schools", "tag list"),
        ("Comments (12)", "comment section"),
        ("Advertisement", "advertisement"),
        ("Facebook Twitter WhatsApp Email", "share bar"),
        ("Publié le 12/03/2021", "dateline"),
        ("Par Marie Dupont", "byline"),
        ("Anzeige", "advertisement"),
        ("Czytaj także", "related links"),
        ("By the end of the year the council will have spent most of the money on buses and trams", None),
        ("Von der Leyen said the plan was fair", None),
        ("Share prices fell", None),
        ("Photography has changed journalism", None),
    ],
)
def test_table_labels_whole_lines_and_prefixes(text, label):
    data = yaml.safe_load((ROOT / "rules" / "Boilerplate" / "data" / "phrases.yml").read_text(encoding="utf-8"))
    table = Table(data, lambda key, values: values)
    assert table.line_label(text, len(text.split())) == label


def test_dateline_shape():
    def dateline(text):
        return is_dateline(measure(text, 0, len(text), "en"), text)

    assert dateline("03/05/2022 21:44")
    assert dateline("01.09.2004")
    assert dateline("Namibians want Germany to remove colonial monuments 10.11.2019")  # a dated teaser
    assert not dateline("2000 GMT")  # a kick-off time in a match box, not a dateline
    assert not dateline("The vote was held on 03/05/2022 after a long debate.")
    assert not dateline("The vote was held on 03/05/2022 after a long debate between the parties in the council")


@pytest.mark.parametrize("text", ["", "\n\n\n", "   \n\t\n", "©", "|||\n•••\n", "\ufeff\n—\n", "a\n" * 3000])
def test_bad_input_never_raises(linter, text):
    linter.lint_text(text)
    linter.lint_text(text, markup="markdown")


def test_long_scraped_text_is_fast(linter):
    text = page(["Home | News | Sport"] * 50, ["Share this article", "Related"] * 50, BODY * 200)
    start = time.perf_counter()
    residue(linter, text)
    assert time.perf_counter() - start < 2.0
