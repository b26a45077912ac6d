"""Clean article bodies must lint without residue findings: subheadings, lists, an introducing
sentence that ends in a colon, quotes in guillemets and a lone credit line are the article's own.
The texts are our own, shaped like complete news and blog articles."""

import pytest

from factlint.config import Config
from factlint.engine import Linter
from factlint.kinds.boilerplate.features import measure

EN_BODY = [
    "The city council approved a new budget on Tuesday after a debate that lasted more than six hours, "
    "with the ruling coalition winning the final vote by a narrow margin.",
    "The plan raises spending on schools and public transport and cuts the money set aside for road "
    "building, which opposition members said would hurt businesses in the outer districts.",
    "What changes for families",
    "Officials said the first changes would be visible in the spring, and they listed the measures that "
    "will take effect before the summer holidays:",
    "free bus travel for pupils",
    "longer opening hours for libraries",
    "a new fund for community sports clubs",
    "Residents who spoke at the public hearing were divided, and several of them said that the council "
    "had not explained how the new fund would be managed or who would sit on its board.",
    "By the numbers",
    "The mayor told reporters that the budget was the fairest the city had passed in a decade and that "
    "she would defend it against any legal challenge brought by the opposition.",
    "Reporting by Jane Smith",
]

DE_BODY = [
    "Der Stadtrat hat am Dienstag nach einer langen Debatte den neuen Haushalt beschlossen, der deutlich "
    "mehr Geld für Schulen und den öffentlichen Nahverkehr vorsieht als im vergangenen Jahr.",
    "Die Opposition kritisierte, dass die Mittel für den Straßenbau gekürzt werden, und kündigte an, "
    "gegen den Beschluss vor dem Verwaltungsgericht zu klagen.",
    "Was sich für Familien ändert",
    "Nach Angaben der Verwaltung sollen die ersten Maßnahmen schon im Frühjahr greifen, und zwar diese:",
    "kostenlose Busfahrten für Schülerinnen und Schüler",
    "längere Öffnungszeiten der Stadtbibliotheken",
    "ein neuer Fonds für Sportvereine",
    "Die Bürgermeisterin sagte, es sei der gerechteste Haushalt seit zehn Jahren, und sie werde ihn gegen "
    "jede Klage verteidigen, die von der Opposition eingereicht werde.",
    "Von Anna Schmidt",
]


@pytest.fixture(scope="module")
def linter():
    return Linter(Config())


def residue(linter, text):
    return [f for f in linter.lint_text(text) if f.rule == "Boilerplate.Residue"]


@pytest.mark.parametrize("body", [EN_BODY, DE_BODY], ids=["en", "de"])
def test_clean_article_with_subheadings_and_a_list_gives_no_finding(linter, body):
    assert residue(linter, "\n\n".join(body) + "\n") == []


def test_the_same_article_with_page_furniture_is_still_flagged(linter):
    text = "\n\n".join(["Home | News | Sport | Weather", *EN_BODY, "Share this article", "Sign up for our newsletter"])
    found = residue(linter, text + "\n")
    assert [f.match.split("\n")[0] for f in found] == ["Home | News | Sport | Weather", "Reporting by Jane Smith"]


def test_template_wording_is_flagged_even_in_an_otherwise_clean_article(linter):
    text = "\n\n".join([*EN_BODY[:2], "Sign up for our daily newsletter", *EN_BODY[2:]]) + "\n"
    assert [f.match for f in residue(linter, text)] == ["Sign up for our daily newsletter"]


def test_spaced_guillemets_are_quotes_not_breadcrumb_separators():
    text = "Retour sur les revues « 1 » ou « 1* » où les chercheurs « placent » leurs articles"
    assert measure(text, 0, len(text), "fr").separators == 0
    menu = "Accueil » Monde » Europe"
    assert measure(menu, 0, len(menu), "fr").separators == 2


def test_an_invisible_separator_after_the_full_stop_still_ends_the_line():
    text = "Stir fry briefly to mix well and serve hot.\u2063"
    assert measure(text, 0, len(text), "en").terminal


def test_an_introducing_sentence_ending_in_a_colon_is_terminal_but_a_label_is_not():
    intro = "Now, you can install the tool and its requirements:"
    label = "Lesen Sie auch:"
    assert measure(intro, 0, len(intro), "en").terminal
    assert not measure(label, 0, len(label), "de").terminal


def test_a_navigation_word_after_each_item_of_the_articles_list_is_a_link_label(linter):
    tools = ["autojump", "fasd", "zoxide", "fzf"]
    items = [line for tool in tools for line in (tool, "home page", f"{tool} keeps a list of the folders you visit")]
    text = "\n\n".join(EN_BODY[:2] + items + EN_BODY[-2:] + ["Home", "Share this article"]) + "\n"
    found = residue(linter, text)
    assert [f.match.split("\n\n") for f in found] == [["Reporting by Jane Smith", "Home", "Share this article"]]
