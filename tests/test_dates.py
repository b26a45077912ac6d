"""The event-date kind on real sentences: full dates, month-year, ranges, decades, anniversaries
and elapsed years against a document date, and the sentences that only look like claims.

The rule is the shipped History.EventDates (its nouns, modifiers, message) pointed at a small
table of our own, tests/data/events.yml, so these tests do not move with the big knowledge base.
"""

import datetime
from pathlib import Path

import pytest

from factlint.config import Config
from factlint.engine import Linter
from factlint.text.dates import dateline, parse_date

ROOT = Path(__file__).resolve().parents[1]
RULE = ROOT / "rules" / "History" / "EventDates.yml"
EVENTS = ROOT / "tests" / "data" / "events.yml"


@pytest.fixture(scope="module")
def linter(tmp_path_factory):
    pack = tmp_path_factory.mktemp("packs") / "History"
    pack.mkdir()
    text = RULE.read_text(encoding="utf-8")
    assert "table: data/events.yml" in text
    (pack / "EventDates.yml").write_text(text.replace("table: data/events.yml", f"table: {EVENTS}"), encoding="utf-8")
    config = Config()
    config.builtin_packs = False
    config.packs = [str(pack)]
    return Linter(config)


def dates(linter, text, path="article.txt", date=None):
    return [f for f in linter.lint_text(text, path=path, date=date) if f.category == "date"]


def flagged(linter, text, **kw):
    """(match, suggestions) of every date finding."""
    return [(f.match, f.suggestions) for f in dates(linter, text, **kw)]


# -- full dates and month-year ------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, match, suggestion",
    [
        (
            "The Japanese attack on Pearl Harbor on 7 December 1942 brought the United States into the war.",
            "7 December 1942",
            "7 December 1941",
        ),
        ("Voters chose to leave the European Union in the Brexit referendum of June 2015.", "June 2015", "June 2016"),
        (
            "The Rwandan genocide, which started in April 1996, remains the defining trauma of the country.",
            "April 1996",
            "April 1994",
        ),
        # The day is wrong, the year right: the writer's own date style comes back.
        ("The Brexit referendum of June 28, 2016 split the country.", "June 28, 2016", "June 23, 2016"),
        (
            "The Rwandan genocide began in July 1994, after the president's plane was shot down.",
            "July 1994",
            "April 1994",
        ),
        (
            "Hiroshima was destroyed by an atomic bomb on 6 August 1944, three days before Nagasaki.",
            "6 August 1944",
            "6 August 1945",
        ),
        (
            "The reactor explosion at Chernobyl in April 1988 forced the evacuation of Pripyat.",
            "April 1988",
            "April 1986",
        ),
        # A multi-year event without a one-day date: only the year is reported.
        ("Every April, crowds mark the start of the Armenian genocide in 1917.", "1917", "1915"),
        (
            "East Germans poured through the checkpoints on 9 November 1991, when the Berlin Wall finally fell.",
            "1991",
            "1989",
        ),
    ],
)
def test_wrong_dates_are_flagged_with_the_right_one(linter, text, match, suggestion):
    found = flagged(linter, text)
    assert (match, [suggestion]) in found, found


def test_a_generic_head_needs_its_qualifier_as_a_whole_word(linter):
    # The qualifier is first looked for as text (kinds/event_date/mentions.py): inside a longer
    # word it is there as text but not as a word, so the head names no event.
    wrong = "Every April, crowds mark the start of the Ottoman genocide in 1917."
    assert flagged(linter, wrong) == [("1917", ["1915"])]
    assert flagged(linter, wrong.replace("Ottoman", "Neo-Ottoman")) == [("1917", ["1915"])]
    assert flagged(linter, wrong.replace("Ottoman", "Ottomans")) == []
    assert flagged(linter, wrong.replace("Ottoman", "ottoman")) == []  # qualifiers keep their case


def test_message_names_the_event_its_date_and_the_source(linter):
    (f,) = dates(linter, "The Indian Ocean tsunami of December 2006 devastated Aceh.")
    assert f.message == (
        "Indian Ocean tsunami was on 26 December 2004, not December 2006. "
        "(source: Encyclopaedia Britannica: Indian Ocean tsunami of 2004)"
    )
    assert f.severity == "error" and f.rule == "History.EventDates" and not f.fixable


@pytest.mark.parametrize(
    "text",
    [
        "The Rwandan genocide began in April 1994, shortly after a plane carrying the president was shot down.",
        "The Armenian genocide began on 24 April 1915 with the arrest of intellectuals in Constantinople.",
        "The Armenian genocide began on April 24, 1915, historians say.",
        # One day either way: time zones and overnight events.
        "The Brexit referendum on 24 June 2016 ended in a narrow vote to leave.",
        "The attack on Pearl Harbor on 8 December 1941, Tokyo time, was planned for months.",
        # "X in <month>" without a verb dates something in the event's course, not its day.
        "The Rwandan genocide in July 1994 drove two million people into exile.",
        "When the First World War ended in November 1918, the Ottoman Empire was already collapsing.",
        "The Good Friday Agreement, signed in Belfast in 1998, largely ended three decades of conflict.",
        "Neil Armstrong walked on the Moon during the Apollo 11 mission in July 1969.",
    ],
)
def test_right_dates_pass(linter, text):
    assert flagged(linter, text) == []


# -- what is not a claim about the event ---------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "By 1918, survivors of the Armenian genocide had reached Beirut.",
        # The year dates what was done to the event, not the event.
        "Germany's parliament recognised the Armenian genocide in 2016, angering Turkey.",
        "A film about the Rwandan genocide in 2004 was nominated for three Oscars.",
        "Survivors of the Chernobyl disaster in 1990 were moved to new towns.",
        "Tourists have visited the Chernobyl exclusion zone since 2011.",
        "The 2015 Armenian genocide commemoration drew leaders from around the world.",
        "A 2006 study of the Chernobyl exclusion zone found that wolves had returned.",
        "She was born in 1991, two years after the fall of the Berlin Wall.",
        "In the 1990s, after the fall of the Berlin Wall, many scientists emigrated.",
        "The 1918 flu pandemic reached remote islands within months.",
        # Numbers that are not years.
        "The Srebrenica massacre killed 8,000 men and boys, and 1,995 families were never compensated.",
        "Tens of thousands of people, 2,000 years after Rome, visited the Hiroshima bomb site in 2015.",
        "The Rwandan genocide (2004 film Hotel Rwanda) shaped how the West remembers it.",
    ],
)
def test_years_that_date_something_else_pass(linter, text):
    assert flagged(linter, text) == []


def test_a_mention_needs_its_qualifier_in_the_sentence(linter):
    # "genocide" alone is a head noun: without Armenian/Ottoman/Rwandan nearby it names nothing.
    assert flagged(linter, "The tribunal heard evidence about the genocide of 1918.") == []
    assert flagged(linter, "The Ottoman genocide of 1918 is remembered every April.") == [("1918", ["1915"])]


def test_decoy_years_explain_the_likely_mix_up(linter):
    (f,) = dates(linter, "Many survived the Ottoman genocide of 1918 and fled to Lebanon.")
    assert "1918: the end of the First World War" in f.message


# -- ranges and decades --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Historians date the Armenian genocide (1915–1923) from the arrests in Constantinople.", []),
        ("The 1932–33 famine in Soviet Ukraine is known as the Holodomor.", []),
        ("Ukraine's 1932-33 famine killed millions.", []),
        ("The 1931–33 famine in Soviet Ukraine is known as the Holodomor.", [("1931–33", ["1932–33"])]),
        ("Historians date the Armenian genocide (1915–1918) from the arrests.", [("1915–1918", ["1915–1923"])]),
        ("Survivors of the 1920s Armenian genocide settled in Beirut.", [("1920s", ["1910s"])]),
        ("Thousands fled during the Armenian genocide of the 1910s.", []),
        ("Thousands fled during the Armenian genocide in the 1920s.", []),  # 1920-23 is in the span
        ("Thousands died in the Rwandan genocide of the 1980s.", [("1980s", ["1990s"])]),
    ],
)
def test_ranges_and_decades(linter, text, expected):
    assert flagged(linter, text) == expected


# -- anniversaries and elapsed years -------------------------------------------------------------
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Published: 26 April 2021\n\nOfficials laid wreaths to mark the 30th anniversary of the Chernobyl nuclear disaster.",
            [("30th anniversary", ["35th anniversary"])],
        ),
        (
            "Published: 9 November 2019\n\nBerliners gathered to celebrate the 30th anniversary of the fall of the Wall.",
            [],
        ),
        (
            "Published: 9 November 2019\n\nBerliners celebrated the thirtieth anniversary of the fall of the Berlin Wall.",
            [],
        ),
        (
            "Published: 9 November 2019\n\nBerliners celebrated the twenty-fifth anniversary of the fall of the Berlin Wall.",
            [("twenty-fifth anniversary", ["30th anniversary"])],
        ),
        ("Published: 24 April 2015\n\nArmenians marked the centenary of the Armenian genocide.", []),
        # The special words in any case (the search looks for "cent" in the lower-cased window first).
        (
            "Published: 24 April 2016\n\nArmenians marked the CENTENARY of the Armenian genocide.",
            [("CENTENARY", ["101st anniversary"])],
        ),
        (
            "Published: 24 April 2016\n\nArmenians marked the Quincentenary of the Armenian genocide.",
            [("Quincentenary", ["101st anniversary"])],
        ),
        (
            "Published: 24 April 2016\n\nArmenians marked the centenary of the Armenian genocide.",
            [("centenary", ["101st anniversary"])],
        ),
        (
            "Published: 11 September 2021\n\nNew York marked 25 years since the September 11 attacks.",
            [("25 years", ["20 years"])],
        ),
        ("Published: 15 August 2022\n\nIndia marked 70 years of independence on Monday.", [("70 years", ["75 years"])]),
        ("Published: 3 October 2020\n\nGermany marked the 30th anniversary of reunification on Saturday.", []),
        # The anniversary of the *end* of a multi-year event counts from its last year.
        ("Published: 11 November 2018\n\nLeaders marked the centenary of the end of the First World War.", []),
        ("Published: 1 August 2014\n\nLeaders marked the centenary of the start of the First World War.", []),
        (
            "Published: 1 July 2017\n\nCanada prepared for next year's 30th anniversary of the Chernobyl disaster.",
            [("30th anniversary", ["32nd anniversary"])],
        ),
    ],
)
def test_anniversaries_against_the_dateline(linter, text, expected):
    assert flagged(linter, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Chernobyl disaster, 35 years ago, still shapes Ukrainian energy policy.", []),
        ("The Chernobyl disaster, 34 years ago, still shapes Ukrainian energy policy.", []),  # rounding down
        (
            "The Chernobyl disaster, 30 years ago, still shapes Ukrainian energy policy.",
            [("30 years ago", ["35 years ago"])],
        ),
        ("It is 35 years since the Chernobyl disaster.", []),
        ("It is 40 years since the Chernobyl disaster.", [("40 years", ["35 years"])]),
        # Approximations are not checked.
        ("The Chernobyl disaster, nearly 30 years ago, still shapes Ukrainian energy policy.", []),
        ("More than 30 years since the Chernobyl disaster, the zone is still closed.", []),
        # A duration, not an anniversary.
        ("Ten years of war followed the Chernobyl disaster.", []),
    ],
)
def test_elapsed_years_against_the_document_date(linter, text, expected):
    assert flagged(linter, text, date="2021-03-01") == expected


def test_elapsed_years_count_from_a_date_in_the_sentence(linter):
    assert flagged(linter, "In 1988, two years after the Chernobyl disaster, engineers were still at work.") == []
    assert flagged(linter, "In 1992, two years after the Chernobyl disaster, engineers were still at work.") == [
        ("two years", ["6 years"])
    ]
    assert flagged(linter, "Apollo 11 landed in July 1969, eight years after the launch of Sputnik 1.") == [
        ("eight years", ["12 years"])
    ]
    assert flagged(linter, "In 1912, three years before the Armenian genocide, the family left for Boston.") == []


def test_no_document_date_means_no_anniversary_check(linter):
    text = "Officials laid wreaths to mark the 30th anniversary of the Chernobyl nuclear disaster."
    assert flagged(linter, text) == []
    assert flagged(linter, text, date="2021-04-26") == [("30th anniversary", ["35th anniversary"])]
    assert flagged(linter, text, date=datetime.date(2016, 4, 26)) == []


def test_front_matter_date_in_markdown(linter):
    text = "---\ntitle: Chernobyl\ndate: 2021-04-26\n---\n\nOfficials marked the 30th anniversary of the Chernobyl disaster.\n"
    assert flagged(linter, text, path="a.md") == [("30th anniversary", ["35th anniversary"])]


# -- the document's date -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Published: 26 April 2021\n\nText.", (2021, 4, 26)),
        ("Date: 2024-03-12\nText.", (2024, 3, 12)),
        ("\n  Published on Monday, 12 March 2024 10:32 GMT\n\nText.", (2024, 3, 12)),
        ("Posted: March 12, 2024\nText.", (2024, 3, 12)),
        ("Published: 31 February 2021\nText.", None),  # no such day
        ("Updated: 26 April 2021\nText.", None),  # an update says nothing about publication
        ("Published: 03/04/2021\nText.", None),  # day and month ambiguous
        ("The minister published: 26 April 2021 was the day.", None),  # not a dateline
        ("Headline\n\nPublished: 26 April 2021\n", None),  # only the first line counts
    ],
)
def test_dateline(text, expected):
    assert dateline(text) == expected


def test_parse_date():
    assert parse_date("2021-04-26") == (2021, 4, 26)
    assert parse_date("2021-04-26T10:00:00Z") == (2021, 4, 26)
    assert parse_date(datetime.date(2021, 4, 26)) == (2021, 4, 26)
    assert parse_date("26/04/2021") is None
    assert parse_date("26 April 2021") == (2021, 4, 26)  # front matter written out


def test_cli_date_option(cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Officials marked the 30th anniversary of the Chernobyl disaster on Monday.\n", encoding="utf-8")
    code, out, _err = cli("check", "--select", "History", "--date", "2021-04-26", str(article))
    assert code == 1 and "35th anniversary, not the 30th" in out
    code, out, _err = cli("check", "--select", "History", "--date", "2016-04-26", str(article))
    assert code == 0, out
    code, _out, err = cli("check", "--date", "26/04/2021", str(article))
    assert code == 2 and "YYYY-MM-DD" in err


def test_rule_table_errors_are_one_line(tmp_path):
    from factlint.errors import RuleError

    pack = tmp_path / "History"
    pack.mkdir()
    (pack / "events.yml").write_text(
        "events:\n  - {id: x, name: X, aliases: [X war], anchor: 1900, span: [1900, 1901], date: '1900-13-01', source: s}\n",
        encoding="utf-8",
    )
    (pack / "EventDates.yml").write_text("extends: event-date\nmessage: '%s'\ntable: events.yml\n", encoding="utf-8")
    config = Config()
    config.builtin_packs = False
    config.packs = [str(pack)]
    with pytest.raises(RuleError) as exc:
        Linter(config)
    assert "date must be an unquoted ISO date (YYYY-MM-DD)" in str(exc.value) and "\n" not in str(exc.value)
