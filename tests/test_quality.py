"""The Quality pack on real sentences: mojibake, HTML residue, duplicated paragraphs and
placeholder text — and the legitimate accents, ampersands and repetitions that look like them."""

import pytest

from factlint.config import Config
from factlint.engine import Linter
from factlint.kinds.quality.mojibake import repair


@pytest.fixture(scope="module")
def linter():
    config = Config()
    config.select = ["Quality"]
    return Linter(config)


def found(linter, text, rule=None, path="article.txt"):
    return [f for f in linter.lint_text(text, path=path) if rule is None or f.rule == f"Quality.{rule}"]


def brief(findings):
    return [(f.match, f.suggestions, f.fixable) for f in findings]


# -- mojibake -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, match, repaired",
    [
        ("Residents say they donâ€™t feel safe walking home after dark.", "donâ€™t", "don’t"),
        ("The festival returns to ZÃ¼rich in June.", "ZÃ¼rich", "Zürich"),
        ("A new cafÃ© on the harbour front opened on Saturday.", "cafÃ©", "café"),
        # Two garbled letters in one word: one finding for the word.
        ("The former French minister SÃ©golÃ¨ne Royal said she would not stand.", "SÃ©golÃ¨ne", "Ségolène"),
        ("The company's new headquarters in SÃ£o Paulo will open next year.", "SÃ£o", "São"),
        ("Tickets cost Â£25 and are on sale now.", "Â£", "£"),
        ("WrocÅ‚aw and BucureÈ™ti bid to host the games.", "WrocÅ‚aw", "Wrocław"),
        ("The ferry to Ä°stanbul leaves at noon.", "Ä°stanbul", "İstanbul"),
        ("Ã–sterreich won the vote.", "Ã–sterreich", "Österreich"),
        # Read as Latin-1 rather than Windows-1252: control characters instead of € and ™.
        ("Residents say they don\u00e2\u0080\u0099t feel safe.", "don\u00e2\u0080\u0099t", "don’t"),
        # Garbled twice.
        ("The minister said it wasnÃ¢â‚¬â„¢t true.", "wasnÃ¢â‚¬â„¢t", "wasn’t"),
        ("The tour costs 20â‚¬ per person.", "â‚¬", "€"),
    ],
)
def test_mojibake_is_repaired(linter, text, match, repaired):
    findings = found(linter, text, "Mojibake")
    assert (match, [repaired], True) in brief(findings), brief(findings)
    f = next(f for f in findings if f.match == match)
    assert f.severity == "warning" and f.category == "quality"
    assert f"it should read '{repaired}'" in f.message


def test_quotes_and_a_lost_byte(linter):
    # The closing quote ” is E2 80 9D; 0x9D is undefined in Windows-1252 and often dropped:
    # "â€" is still reported, with the likely repair, but never fixed automatically.
    text = "The minister said the government â€œwill not back downâ€ on its pension reforms."
    assert brief(found(linter, text, "Mojibake")) == [("â€œ", ["“"], True), ("â€", ["”"], False)]


def test_byte_order_mark_inside_text(linter):
    (f,) = found(linter, "Headline\n\nï»¿The council met on Monday.", "Mojibake")
    assert f.match == "ï»¿" and f.suggestions == [""] and "byte-order mark" in f.message


def test_partial_repair_is_not_fixable(linter):
    # Moscow in Cyrillic with one byte (0x81) lost: what is left is repaired but not auto-fixed.
    (f,) = found(linter, "The talks in ÐœÐ¾ÑÐºÐ²Ð° ended.", "Mojibake")
    assert f.suggestions == ["МоÑква"] and not f.fixable


@pytest.mark.parametrize(
    "text",
    [
        "The café on the corner of the square has served the same pastries for decades.",
        "Zürich's central library will extend its opening hours in the autumn.",
        "Ségolène Royal, the former French environment minister, visited the flooded towns.",
        "The president of Türkiye, Recep Tayyip Erdoğan, met the Greek prime minister in Athens.",
        "Kraków, Gdańsk and Łódź will host matches during the tournament.",
        "São Paulo's metro workers called off their strike, and Bogotá's mayor unveiled new buses.",
        "The minister — speaking for the first time since the vote — said she had “no regrets”…",
        # Capitals before closing quotes and guillemets: É” would decode to the IPA letter ɔ.
        "The sign above the door read “CAFÉ” in faded gold letters; «ÑANDÚ» was painted below.",
        "NAÏVE ART ÜBER ALLES… Straße and Maßnahmen are German; pâté à la carte is French.",
        "The 4×4 costs £25,000 and 3×£5 tickets are left; ¿Qué pasa? asked the headline.",
    ],
)
def test_real_accents_are_not_mojibake(linter, text):
    assert found(linter, text, "Mojibake") == []


def test_mojibake_in_markdown_code_is_left_alone(linter):
    text = "Write `donâ€™t` in the test fixture, but don’t publish it.\n"
    assert found(linter, text, "Mojibake", path="notes.md") == []
    assert len(found(linter, "They donâ€™t.\n", "Mojibake", path="notes.md")) == 1


def test_repair_function():
    assert repair("â€™") == ("’", True)
    assert repair("Ã©") == ("é", True)
    assert repair("É”") is None  # would be U+0254, an IPA letter: not a plausible repair
    assert repair("Ð°") is None  # a single Cyrillic letter inside Latin text is not trusted


# -- HTML residue -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, match, suggestion",
    [
        ("Opposition leaders called the decision &quot;a disgrace&quot; and demanded a recount.", "&quot;", '"'),
        ("The mayor thanked the volunteers.&nbsp;The clean-up will continue next week.", "&nbsp;", " "),
        ("Marks &amp; Spencer said it would close several of its older stores.", "&amp;", "&"),
        ("The singer Beyonc&eacute; will headline the festival's final night.", "&eacute;", "é"),
        ("It&#39;s the first time the festival has been held outdoors.", "&#39;", "'"),
        ("It&#8217;s the first time the festival has been held outdoors.", "&#8217;", "’"),
        ("It&#x2019;s the first time the festival has been held outdoors.", "&#x2019;", "’"),
        ("AT&amp;T said it would restore service by Friday.", "&amp;", "&"),
        ("A bit of respect wouldn't go amiss either. br /&gt;", "&gt;", ">"),
        ("Broadcaster fined &#163;2m over late-night adverts", "&#163;", "£"),
    ],
)
def test_entities_are_flagged_with_the_character(linter, text, match, suggestion):
    findings = found(linter, text, "HtmlResidue")
    assert (match, [suggestion], True) in brief(findings), brief(findings)


def test_inverted_question_mark_between_letters_is_an_apostrophe(linter):
    # A pattern seen in scraped news: a ’ mangled into ¿ and then escaped as &#191;.
    (f,) = found(linter, 'The senator said: "The governor&#191;s plan will not pass."', "HtmlResidue")
    assert f.suggestions == ["’"] and not f.fixable and "garbled apostrophe" in f.message
    (f,) = found(linter, "The headline read &#191;Qué pasa?", "HtmlResidue")
    assert f.suggestions == ["¿"] and f.fixable


@pytest.mark.parametrize(
    "text, matches",
    [
        ("The school will reopen on Monday.<br>Parents have been asked to collect uniforms.", ["<br>"]),
        ("<p>The bridge will be closed for repairs throughout the summer, the council said.</p>", ["<p>", "</p>"]),
        # Adjacent tags are one finding.
        (
            'Police said the suspect was arrested.</div><div class="article-body">The inquiry goes on.',
            ['</div><div class="article-body">'],
        ),
        ("The team won.<BR/>Fans celebrated.<!-- ad slot 3 -->", ["<BR/>", "<!-- ad slot 3 -->"]),
        ("The team won.<BR/>\n<!-- ad slot 3 -->\nFans celebrated.", ["<BR/>\n<!-- ad slot 3 -->"]),
        (
            '<img src="photo.jpg" alt="The flooded square"> Water reached the town hall.',
            ['<img src="photo.jpg" alt="The flooded square">'],
        ),
    ],
)
def test_tags_are_flagged(linter, text, matches):
    findings = found(linter, text, "HtmlResidue")
    assert [f.match for f in findings] == matches
    assert all(not f.suggestions and not f.fixable for f in findings)


@pytest.mark.parametrize(
    "text",
    [
        "AT&T said it would restore service to affected customers by the end of the week.",
        "Marks & Spencer announced a new chief executive on Wednesday.",
        "Johnson & Johnson and Ben & Jerry's were among the sponsors; M&S and Q&A followed.",
        "The research was carried out by the university's R&D department.",
        "Temperatures of <5C are expected, and the score was 3<4 at half-time; x > y.",
        "Write to the editor <letters@example.com> or see <Notes> at the end.",
        "The &foo; placeholder and a stray & sign are not entities.",
        "Rock & roll &c. were on the programme.",
    ],
)
def test_text_that_looks_like_html_is_not_flagged(linter, text):
    assert found(linter, text, "HtmlResidue") == []


def test_markdown_may_use_entities_and_inline_html(linter):
    text = 'Marks &amp; Spencer opened.<br>\n\n<div class="note">A note.</div>\n'
    assert found(linter, text, "HtmlResidue", path="page.md") == []
    assert len(found(linter, text, "HtmlResidue", path="page.txt")) == 3


# -- duplicated paragraphs ----------------------------------------------------------------------
FERRY = "The ferry service between the two islands was suspended on Tuesday because of high winds."


def test_the_later_copy_of_a_paragraph_is_flagged(linter):
    text = f"{FERRY}\n\nPassengers can claim a refund.\n\n{FERRY}\n"
    (f,) = found(linter, text, "DuplicateParagraph")
    assert f.line == 5 and f.match == FERRY
    assert f.message == "Duplicated paragraph: the same text as the paragraph on line 1."


def test_white_space_does_not_hide_a_duplicate(linter):
    wrapped = FERRY.replace(" between ", "\nbetween  ").replace(" on ", "\ton ")
    text = f"{FERRY}\n\n{wrapped}\n\n{FERRY}\n"
    findings = found(linter, text, "DuplicateParagraph")
    assert [f.line for f in findings] == [3, 6]  # both copies point back to line 1
    assert all("line 1." in f.message for f in findings)


@pytest.mark.parametrize(
    "text",
    [
        '"Never again," the crowd chanted outside the court. "Never again."',
        "Advertisement\n\nThe judge adjourned the case until Friday.\n\nAdvertisement\n",
        # Similar but not the same.
        f"{FERRY}\n\n{FERRY.replace('Tuesday', 'Wednesday')}\n",
        # The same sentence twice inside one paragraph is not a duplicated paragraph.
        f"{FERRY} {FERRY}\n",
        # Case differs: a headline repeated as a sentence is not a scraper duplicate.
        f"{FERRY.upper()}\n\n{FERRY}\n",
    ],
)
def test_repetition_that_is_not_a_duplicated_paragraph(linter, text):
    assert found(linter, text, "DuplicateParagraph") == []


def test_duplicates_in_markdown_blocks(linter):
    item = "- The ferry service between the two islands was suspended on Tuesday because of high winds."
    assert len(found(linter, f"# Ferries\n\n{item}\n{item}\n", "DuplicateParagraph", path="a.md")) == 1


# -- placeholder text ---------------------------------------------------------------------------
def test_lorem_ipsum(linter):
    text = "The council will publish its transport strategy.\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.\n"
    (f,) = found(linter, text, "Placeholder")
    assert f.match == "Lorem ipsum dolor sit amet, consectetur adipiscing elit" and f.severity == "error"
    assert [f.match for f in found(linter, "LOREM IPSUM placeholder.", "Placeholder")] == ["LOREM IPSUM"]
    assert found(linter, "The Ipsum family and Lorem Street are real names.", "Placeholder") == []


def test_fix_repairs_mojibake_and_entities_but_not_guesses(cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "Residents say they donâ€™t feel safe.\n\nMarks &amp; Spencer said SÃ©golÃ¨ne Royal visited."
        "&nbsp;The mayor called it â€œfineâ€ on Monday.\n",
        encoding="utf-8",
    )
    code, out, _err = cli("check", "--select", "Quality", "--fix", str(article))
    assert article.read_text(encoding="utf-8") == (
        "Residents say they don’t feel safe.\n\nMarks & Spencer said Ségolène Royal visited."
        " The mayor called it “fineâ€ on Monday.\n"
    )
    assert code == 1 and "'â€'" in out  # the lost-byte quote is left for a person
