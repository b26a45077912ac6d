"""Suppressions: Markdown comments, plain-text markers, [sic], and warnings for unused ones."""

import json

import pytest

from factlint.config import Config
from factlint.engine import lint_text

ASH = "Both Armenians and Asherites have suffered, the UN said."
ASER = "Syrian fighters are in Nagorno-Karabakh alongside Aser, the ministry said."


def lint(text, path="a.txt", select=None, ignore=(), min_level=None):
    config = Config()
    config.select = list(select) if select else None
    config.ignore = list(ignore)
    if min_level:
        config.min_level = min_level
    return [(f.line, f.rule, f.match) for f in lint_text(text, path=path, config=config)]


def names(findings):
    return [(line, match) for line, rule, match in findings if rule == "Names.Transcriptions"]


def unused(findings):
    return [(line, match) for line, rule, match in findings if rule == "factlint.UnusedSuppression"]


# -- plain text ---------------------------------------------------------------------------------


def test_plain_text_next_line_and_trailing_markers():
    text = "\n".join(
        [
            "Talks",
            "",
            "# factlint-disable-next-line Names.Transcriptions",
            ASH,
            ASH + " [factlint: ignore Names]",
            ASH,
            "# factlint-disable-next-line History",  # names another rule: Names still fires
            ASH,
            "",
        ]
    )
    found = lint(text)
    assert names(found) == [(6, "Asherites"), (8, "Asherites")]
    # The History directive suppressed nothing, and History ran: it is reported.
    assert unused(found) == [(7, "# factlint-disable-next-line History")]


def test_plain_text_disable_enable_range_and_crlf():
    text = "\r\n".join(
        [
            "Talks",
            "# factlint-disable transcription",  # a category works as a selector too
            ASH,
            ASH,
            "# factlint-enable",
            ASH,
            "",
        ]
    )
    assert names(lint(text)) == [(6, "Asherites")]
    assert unused(lint(text)) == []
    # The markers are not prose: no finding is made of the directive text itself.
    assert all(line not in (2, 5) for line, _rule, _m in lint(text))


def test_plain_text_marker_without_rules_suppresses_every_rule_on_its_line():
    text = "Talks\n\nThe Armenian genocide of 1918 left Asherites homeless, the UN said. [factlint: ignore]\n"
    assert lint(text) == []
    assert {r for _l, r, _m in lint(text.replace(" [factlint: ignore]", ""))} == {
        "History.EventDates",
        "Names.Transcriptions",
    }


# -- Markdown -----------------------------------------------------------------------------------


def test_markdown_comment_directives():
    text = "\n".join(
        [
            "# Talks",
            "",
            "<!-- factlint-disable-next-line Names.Transcriptions -->",
            ASH,
            "",
            "<!--",
            "  factlint-disable-next-line Names",  # a comment over several lines: the line after it
            "-->",
            ASH,
            "",
            "<!-- factlint-disable Names -->",
            ASH,
            "",
            ASH,
            "<!-- factlint-enable Names -->",
            ASH + " <!-- factlint-disable-line Names -->",
            ASH,
            "",
        ]
    )
    found = lint(text, path="a.md")
    assert names(found) == [(17, "Asherites")]
    assert unused(found) == []


def test_markdown_directive_in_code_is_an_example_not_a_directive():
    text = "\n".join(
        [
            "# How to",
            "",
            "Write `<!-- factlint-disable-next-line Names -->` above the line.",
            ASH,
            "",
            "```",
            "<!-- factlint-disable-next-line Names -->",
            "```",
            ASH,
            "",
        ]
    )
    assert names(lint(text, path="a.md")) == [(4, "Asherites"), (9, "Asherites")]
    assert unused(lint(text, path="a.md")) == []


def test_plain_text_syntax_is_not_a_markdown_directive():
    # In Markdown "# factlint-…" is a heading; only comments suppress.
    text = "# factlint-disable-next-line Names\n\n" + ASH + "\n"
    assert names(lint(text, path="a.md")) == [(3, "Asherites")]


# -- [sic] --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "Asherites [sic]",
        "Asherites[sic]",
        '"Asherites" [sic]',
        "“Asherites” [SIC]",
        "Asherites *[sic]*",
    ],
)
def test_sic_keeps_transcription_findings_off_the_word(written):
    text = f"Talks\n\nThe leaflet said both Armenians and {written} have suffered, the UN said.\n"
    path = "a.md" if "*" in written else "a.txt"
    assert names(lint(text, path=path)) == []


def test_sic_applies_to_that_word_and_that_category_only():
    text = (
        "Talks\n\nThe leaflet said Asherites [sic] and Asherites have suffered since "
        "the Armenian genocide of 1918 [sic], the UN said. Asherites, they wrote [sic].\n"
    )
    found = lint(text)
    # The second and third Asherites are not right before [sic]; the date is not a transcription.
    second = text.index("Asherites", text.index("Asherites") + 1)
    assert [f.start for f in lint_text(text) if f.rule == "Names.Transcriptions"] == [second, text.rindex("Asherites")]
    assert "History.EventDates" in {r for _l, r, _m in found}
    # An ambiguous name quoted with [sic] in a text about the region.
    assert names(lint("Talks\n\n" + ASER.replace("Aser,", "Aser [sic],") + " Baku denied it.\n")) == []


# -- unused suppressions ------------------------------------------------------------------------


def test_unused_suppression_is_reported_with_its_rules_and_position():
    text = "# Talks\n\nThe talks went on. <!-- factlint-disable-line Names, History -->\n"
    findings = lint_text(text, path="a.md")
    assert len(findings) == 1
    f = findings[0]
    assert (f.rule, f.category, f.severity, f.line, f.column) == (
        "factlint.UnusedSuppression",
        "suppression",
        "warning",
        3,
        20,
    )
    assert f.message == "Suppression of Names, History suppresses nothing: remove it"
    assert f.match == "<!-- factlint-disable-line Names, History -->"
    # Without rules: "all rules".
    bare = lint_text("Talks\n\nThe talks went on. [factlint: ignore]\n")
    assert [x.message for x in bare] == ["Suppression of all rules suppresses nothing: remove it"]


def test_unused_warning_only_when_every_named_rule_ran():
    text = "Talks\n\n# factlint-disable-next-line Names\nThe talks went on, officials said.\n"
    assert unused(lint(text)) == [(3, "# factlint-disable-next-line Names")]
    # Names deselected: the run cannot tell whether the directive is still needed.
    assert unused(lint(text, ignore=["Names"])) == []
    assert unused(lint(text, select=["History", "factlint"])) == []
    assert unused(lint(text, select=["Names", "factlint"])) == [(3, "# factlint-disable-next-line Names")]
    # The check is a rule like any other: selection and --ignore apply to it.
    assert unused(lint(text, select=["Names"])) == []
    assert unused(lint(text, ignore=["factlint.UnusedSuppression"])) == []
    assert unused(lint(text, ignore=["suppression"])) == []
    # A bare directive names every rule: with one deselected, no warning.
    bare = "Talks\n\n# factlint-disable-next-line\nThe talks went on, officials said.\n"
    assert unused(lint(bare)) == [(3, "# factlint-disable-next-line")]
    assert unused(lint(bare, ignore=["Attribution.VagueSource"])) == []


def test_suppressing_a_finding_below_min_level_is_not_unused():
    # "experts say" + a figure is a suggestion (below --min-level warning), yet suppressed.
    line = "At the same time, experts say that Turkey has sent more than 1,200 Syrian mercenaries to the zone."
    text = f"Talks\n\n# factlint-disable-next-line Attribution.VagueSource\n{line}\n"
    assert "Attribution.VagueSource" in {r for _l, r, _m in lint(f"Talks\n\n{line}\n")}
    assert unused(lint(text, min_level="warning")) == []
    # Control: over a line where nothing fires, the same directive is reported.
    idle = text.replace(line, "The talks went on, officials said.")
    assert unused(lint(idle, min_level="warning")) == [(3, "# factlint-disable-next-line Attribution.VagueSource")]


def test_unused_suppression_in_every_format(cli, tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "# Talks\n\n<!-- factlint-disable-next-line Names -->\nThe talks went on, officials said.\n", encoding="utf-8"
    )
    code, out, _ = cli("check", str(path))
    assert code == 1
    assert f"{path}:3:1: warning factlint.UnusedSuppression Suppression of Names suppresses nothing: remove it" in out
    _, out, _ = cli("check", str(path), "--format", "json")
    assert [f["rule"] for f in json.loads(out)] == ["factlint.UnusedSuppression"]
    # SARIF lists the engine's check among the rules, with a description, like a YAML rule.
    code, out, _ = cli("check", str(path), "--format", "sarif")
    run = json.loads(out)["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["factlint.UnusedSuppression"]["fullDescription"]["text"].startswith("A suppression comment or marker")
    result = run["results"][0]
    assert result["ruleId"] == "factlint.UnusedSuppression"
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "factlint.UnusedSuppression"
    from factlint.plugin.host import PluginHost

    for fmt in sorted(PluginHost().formatters()):
        code, out, err = cli("check", str(path), "--format", fmt)
        assert code == 1 and "internal error" not in err, fmt
