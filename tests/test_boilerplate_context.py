"""Context around the prose core: what sits between, above or below an article's paragraphs and is
still the article's (a score table, photo credits between paragraphs, the list its last sentence
announces, a table of contents), next to page furniture that stays residue (a related-links box).
The texts are our own, shaped like real scraped pages."""

import pytest

from factlint.config import Config
from factlint.engine import Linter
from factlint.kinds.boilerplate.features import measure

DE_BODY = [
    "Der FC Musterstadt hat am Samstag das Derby gegen den SV Beispielhausen mit drei zu eins gewonnen, "
    "obwohl die Gäste in der ersten Halbzeit die deutlich bessere Mannschaft waren.",
    "Nach der Pause drehte die Mannschaft von Trainer Klaus Berger das Spiel innerhalb von zehn Minuten, "
    "als zuerst der eingewechselte Stürmer und dann der Kapitän trafen.",
    "Berger sagte nach dem Spiel, er sei stolz auf seine Spieler, weil sie sich auch nach dem frühen "
    "Rückstand nicht aufgegeben hätten und bis zum Schluss gekämpft haben.",
    "Am kommenden Wochenende muss der Verein auswärts antreten, und der Trainer hofft, dass bis dahin "
    "auch die beiden verletzten Verteidiger wieder zur Verfügung stehen.",
]
RELATED = ["Mehr zum Thema", "Trainer Berger verlängert bis 2026", "Neuer Rasen für das Stadion"]


@pytest.fixture(scope="module")
def linter():
    return Linter(Config())


def flagged(linter, parts):
    """The lines of the text made of `parts` that a boilerplate finding covers."""
    text = "\n\n".join(parts) + "\n"
    lines = {i + 1: line for i, line in enumerate(text.split("\n"))}
    out = set()
    for f in linter.lint_text(text):
        if f.rule != "Boilerplate.Residue":
            continue
        last = f.end_line - 1 if f.end_line > f.line and f.end_column == 1 else f.end_line
        out.update(lines[n] for n in range(f.line, last + 1))
    return out


def test_a_short_score_table_inside_a_german_report_is_article_and_the_related_box_after_it_is_not(linter):
    table = ["Tore", "1:0 Müller (12.)", "1:1 Schmidt (51.)", "2:1 Weber (55.)", "3:1 Weber (61.)"]
    body = DE_BODY[:2] + table + DE_BODY[2:]
    found = flagged(linter, ["Startseite | Sport | Fußball"] + body + ["Teilen"] + RELATED)
    assert not found & set(body)
    assert set(RELATED) <= found


def test_photo_credits_between_paragraphs_do_not_cut_the_article(linter):
    # A picture story: a credit under each picture. The credits are residue; the paragraphs
    # between them, short headings included, are one article, not a lone paragraph and furniture.
    parts = ["Startseite | Sport | Fußball", "Foto: dpa"]
    for n, paragraph in enumerate(DE_BODY, 1):
        parts += [f"{n}/4", "Das Derby in Bildern", paragraph, "Foto: Max Mustermann"]
    found = flagged(linter, parts + RELATED)
    assert not found & set(DE_BODY)
    assert "Foto: Max Mustermann" in found and set(RELATED) <= found


def test_the_list_the_last_sentence_announces_is_the_articles(linter):
    items = ["Drei Tore nach der Pause", "Zwei Treffer für Weber", "Erster Derbysieg seit fünf Jahren"]
    body = DE_BODY + ["Die wichtigsten Punkte des Spiels noch einmal im Überblick:"] + items
    found = flagged(linter, ["Startseite | Sport | Fußball"] + body + RELATED)
    assert not found & set(body)
    assert set(RELATED) <= found


def test_without_the_announcing_sentence_short_lines_after_the_body_stay_residue(linter):
    teasers = ["Drei Tore nach der Pause", "Zwei Treffer für Weber", "Erster Derbysieg seit fünf Jahren"]
    found = flagged(linter, ["Startseite | Sport | Fußball"] + DE_BODY + RELATED[:1] + teasers)
    assert set(teasers) <= found


def test_a_table_of_contents_above_the_body_is_the_articles(linter):
    headings = ["Die erste Halbzeit", "Die Stimmen nach dem Spiel"]
    body = [headings[0], DE_BODY[0], DE_BODY[1], headings[1], DE_BODY[2], DE_BODY[3]]
    found = flagged(linter, ["Startseite | Sport | Fußball", "Foto: dpa", *headings, *body, *RELATED])
    assert not found & set(body)
    assert not found & set(headings)
    assert "Startseite | Sport | Fußball" in found and set(RELATED) <= found


def test_one_line_that_comes_back_in_the_body_is_not_a_table_of_contents(linter):
    # A "Link kopiert" button above the lead and again under it: a button, not a contents list.
    body = [DE_BODY[0], "Link kopiert", *DE_BODY[1:]]
    found = flagged(linter, ["Startseite | Sport | Fußball", "Von Anna Beispiel", "Link kopiert", *body, *RELATED])
    assert "Von Anna Beispiel" in found


@pytest.mark.parametrize(
    ("line", "terminal"),
    [
        ("Man fühlt sich danach irgendwie wie ein Held – und das gefällt mir 😉", True),
        ("Ich wünsche euch allen einen schönen Sonntag <3", True),
        ("Bis bald und danke fürs Lesen :)", True),
        ("Das gefällt mir", False),
        ("Folge uns auf Instagram", False),
    ],
)
def test_an_emoji_or_emoticon_ends_a_sentence(line, terminal):
    assert measure(line, 0, len(line), "de").terminal is terminal
