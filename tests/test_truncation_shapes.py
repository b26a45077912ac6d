"""Truncation: a prose paragraph that simply stops is caught; complete texts that end with a list
item, a signature, a source note, a URL, a credit, a code line or a heading-like line are not.
The texts are our own."""

import random

import pytest

from factlint.config import Config
from factlint.engine import Linter
from factlint.kinds.truncation import _TRAILER, strip_trailer

LEAD = (
    "The city council approved a new budget on Tuesday after a debate that lasted more than six hours.\n\n"
    "The plan raises spending on schools and public transport, officials said, and cuts the money set "
    "aside for road building.\n\n"
)


@pytest.fixture(scope="module")
def linter():
    return Linter(Config())


def truncated(linter, text, markup=None):
    return [f for f in linter.lint_text(text, markup=markup) if f.rule == "Truncation.EndsMidSentence"]


@pytest.mark.parametrize(
    "last",
    [
        # stops on a content word: no function word to give it away
        "Analysts expected the board to approve the merger at its meeting next month, but several "
        "shareholders have signalled opposition to the proposed terms and the timetable",
        "The company said it would publish the full report once the regulator had finished its review of the accounts",
        "Residents who returned to the village on Sunday found that the water had reached the first floor of many houses",
    ],
)
def test_prose_paragraph_that_stops_is_truncated(linter, last):
    found = truncated(linter, LEAD + last + "\n")
    assert len(found) == 1
    assert "stops without closing punctuation" in found[0].message
    assert last.endswith(found[0].match)


def test_function_word_ending_keeps_its_message(linter):
    found = truncated(
        linter, LEAD + "The mayor told reporters that the budget was the fairest the city had passed in\n"
    )
    assert len(found) == 1 and found[0].message == "The text ends mid-sentence (ends with 'in'): it looks truncated."


@pytest.mark.parametrize(
    "text, word",
    [
        (
            "Le conseil municipal a adopté mardi un nouveau budget après un long débat. Le maire a annoncé une hausse des\n",
            "des",
        ),
        (
            "Der Stadtrat hat am Dienstag den neuen Haushalt beschlossen. Die Opposition will dagegen vor Gericht ziehen, weil die\n",
            "die",
        ),
        (
            "El ayuntamiento aprobó el martes un nuevo presupuesto tras un largo debate. La oposición anunció que recurrirá la decisión ante los\n",
            "los",
        ),
    ],
)
def test_function_words_of_the_texts_language(linter, text, word):
    found = truncated(linter, text)
    assert len(found) == 1 and f"ends with '{word}'" in found[0].message


def test_german_prose_that_stops_on_a_noun(linter):
    text = (
        "Der Stadtrat hat am Dienstag nach einer langen Debatte den neuen Haushalt beschlossen.\n\n"
        "Die Opposition kritisierte, dass die Mittel für den Straßenbau gekürzt werden.\n\n"
        "Die Regierung will die Pläne im Herbst vorstellen und dann mit den Ländern über die Verteilung der Finanzierung\n"
    )
    assert len(truncated(linter, text)) == 1


@pytest.mark.parametrize(
    "last",
    [
        "- a new fund for community sports clubs",  # a list item
        "Jane Smith, Berlin",  # a signature
        "— Jane Smith (@janesmith) March 3, 2021",  # a tweet's attribution
        "Source: Office for National Statistics, regional accounts 2020",  # a source note
        "https://example.org/reports/2021/council-budget-full-text",  # a URL
        "Additional reporting by Tom Jones; Editing by Ann Lee and Peter Brown",  # a credit
        "Photo: Reuters / Jane Smith, taken at the council meeting in the town hall",  # a photo credit
        "Related coverage",  # a heading-like short line
        "See Also",
        "The full report is available from the council's offices and online in the UK",  # ends on an acronym
        "Fewer people travelled by bus in 2020 than in any year since 1990, down by 12%",  # ends on a symbol
        "Read the full budget here: budget.example.org",
        "Council Budget 2021: What It Means For Schools And Buses",  # a title
        "x = compute_budget(year=2021); print(x)",  # a code line
        "Jane Smith is technology correspondent for the Evening Post, a daily paper in the north of England",
        "Rovers: Smith, Jones, Brown, Taylor, Evans. Subs: Walker, Hall. Referee: P Green (Kent)",
    ],
)
def test_complete_texts_ending_without_punctuation_stay_clean(linter, last):
    assert truncated(linter, LEAD + last + "\n") == []


@pytest.mark.parametrize(
    "last",
    [
        # dialogue: a long line that starts with a dash is prose, not a signature
        "– We did not expect so many people to come, and we will have to find a bigger hall for the next meeting of the",
        # an interview: a speaker's name and a colon, then prose
        "Drosten: I have always had my reservations about such models, because, as I said earlier, they depend "
        "on the assumptions that go into them and on data that we simply do not have yet for the",
    ],
)
def test_long_dialogue_and_interview_lines_that_stop_are_truncated(linter, last):
    assert len(truncated(linter, LEAD + last + "\n")) == 1


def test_text_of_unpunctuated_lines_is_not_judged_by_its_last_line(linter):
    # A list-like text (a programme, a set of headlines): the other paragraphs do not end with
    # punctuation either, so the last one stopping is its style, not a cut.
    text = (
        "\n\n".join(
            [
                "Council approves the new budget for schools and public transport in the city",
                "Bus fares in the region will rise for the second time this year from January",
                "New cycle lanes along the riverside will be opened to the public next week",
                "Library opening hours are to be extended in all districts from the spring",
            ]
        )
        + "\n"
    )
    assert truncated(linter, text) == []


def test_code_block_at_the_end_of_markdown_is_not_truncation(linter):
    text = LEAD + "Run the script like this:\n\n```\npython budget.py --year 2021\n```\n"
    assert truncated(linter, text, markup="markdown") == []


@pytest.mark.parametrize("text", ["", "\n", ",", "and", "—\n\n—", "😉", "[1]", "a " * 5000])
def test_bad_input_never_raises(linter, text):
    truncated(linter, text)
    truncated(linter, text, markup="markdown")


def test_trailer_searched_in_the_tail_window_as_in_the_whole_text():
    """strip_trailer searches the last _TAIL_WINDOW characters only: the same result as the
    regex over the whole paragraph, for trailers of every shape at and around the window's edge."""
    rng = random.Random(3)
    pieces = ["word", "the", ".", "!", "”", "»", ")", "(", "(BA)", "(AFP)", "(ABCDE)", "❖", "★", "😀", " ", "  "]
    pieces += ["\t", "\n", "-", ",", "é", "_", "[3]", "…", "x" * 50]
    stripped = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 120))).rstrip()
        if rng.random() < 0.3:
            text = "a" * rng.randint(150, 260) + text
        expected = _TRAILER.sub("", text)
        assert strip_trailer(text) == expected, repr(text)
        stripped += expected != text
    assert stripped > 1000
