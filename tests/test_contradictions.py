"""Figures.Contradiction: the same count stated with numbers that cannot both hold (labelled-set
precision and recall, the issue's acceptance cases, number reading)."""

from pathlib import Path

import pytest
import yaml

from factlint.config import Config
from factlint.engine import Linter
from factlint.kinds.figures.numbers import compatible, interval, value

LABELLED = Path(__file__).resolve().parent / "data" / "figures_labelled.yml"


@pytest.fixture(scope="module")
def linter():
    config = Config()
    config.language = "en"  # short labelled texts; see test_offices.linter
    return Linter(config)


def _found(linter, text):
    return [f for f in linter.lint_text(text, path="t.txt") if f.rule == "Figures.Contradiction"]


def test_numbers():
    assert value("1,200") == 1200 and value("forty") == 40 and value("twenty-six") == 26
    assert value("£1.5m") == 1.5e6 and value("2 million") == 2e6
    assert interval("at least", 34, None) == (34, float("inf"))
    assert interval("nearly", 40, None) == (0.0, 40)
    assert compatible(interval("about", 900, None), (1000, 1000))
    assert not compatible(interval("more than", 1200, None), interval("about", 900, None))


def test_labelled_set(linter):
    examples = yaml.safe_load(LABELLED.read_text(encoding="utf-8"))["examples"]
    assert len(examples) >= 60
    assert sum(1 for e in examples if not e["flag"]) >= len(examples) / 2
    tp = fp = fn = tn = 0
    wrong = []
    for e in examples:
        found = _found(linter, e["text"])
        if e["flag"] and found:
            tp += 1
            if e.get("match") and e["match"] not in [f.match for f in found]:
                wrong.append(("place", e["text"], [f.match for f in found]))
        elif e["flag"]:
            fn += 1
            wrong.append(("missed", e["text"]))
        elif found:
            fp += 1
            wrong.append(("false alarm", e["text"], found[0].message))
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(
        f"\nFigures.Contradiction labelled set: {len(examples)} examples, tp={tp} fp={fp} fn={fn} tn={tn}, "
        f"precision={precision:.3f} recall={recall:.3f}"
    )
    for w in wrong:
        print("  ", w)
    assert precision >= 0.9 and recall >= 0.9
    assert not [w for w in wrong if w[0] == "place"], wrong


def test_issue_acceptance(linter):
    text = "40 killed in market bombing\n\nPolice said 34 people were killed when a car bomb exploded in the market.\n"
    found = _found(linter, text)
    assert len(found) == 1
    f = found[0]
    assert f.severity == "warning" and f.line == 3 and "34 people were killed" in f.match
    assert "'40 killed'" in f.message and "the headline" in f.message
    updated = (
        "40 killed in market bombing\n\nAt least 34 people were killed at first; the toll rose to 40 by evening.\n"
    )
    assert not _found(linter, updated)


def test_points_at_the_other_line(linter):
    text = "At least 50 people were injured.\n\nMore text here about the day.\n\nHospital officials said 30 people were injured.\n"
    found = _found(linter, text)
    assert len(found) == 1 and found[0].line == 5 and "line 1:1" in found[0].message


def test_seed_gets_no_contradiction(linter, seed_text):
    assert not _found(linter, seed_text)


def test_markdown_heading_is_a_headline(linter):
    text = "# 40 killed in market bombing\n\nPolice said 34 people were killed when a car bomb exploded.\n"
    found = [f for f in linter.lint_text(text, path="a.md") if f.rule == "Figures.Contradiction"]
    assert len(found) == 1 and "the headline" in found[0].message


def test_cheap_without_counts(linter):
    rule = linter.ruleset.by_id["Figures.Contradiction"]
    from factlint.document import Document

    doc = Document("The minister won the vote and left for Paris. He won praise.", path="t.txt")
    hits = linter.ruleset.terms.scan(doc)
    assert list(rule.check(doc, hits)) == []


def test_class_word_test_keeps_every_statement(linter):
    # Extractor.statements runs a pattern only on a sentence holding one of its class words
    # (lower-cased); case-insensitive `re` also reads "ı" as "i" and "İ" as "i", which lower()
    # does not: those sentences always run the patterns.
    import copy

    extractor = linter.ruleset.by_id["Figures.Contradiction"].extractor
    unfiltered = copy.copy(extractor)
    unfiltered.firsts = {kind: None for kind in extractor.firsts}
    sentences = [
        "Police said 34 people were KILLED when a car bomb exploded.",
        "Police said 34 kılled when a car bomb exploded.",
        "Police said 34 KİLLED when a car bomb exploded.",
        "The attack, killing 40, was the worst this year.",
        "The DEATH TOLL rose to 40 on Sunday.",
        "The death\ntoll stood at 12.",
        "At least 50 people were injured and 20 arrested.",
        "Forty were hurt; 12 remain missing.",
        "He won 4,210 votes in 2019.",
        "Nothing was counted here in 2019.",
    ]

    def read(ex, text):
        return [(st.start, st.end, st.cls, st.noun, st.low, st.high) for st in ex.statements(text, 0, len(text), False)]

    found = [read(extractor, text) for text in sentences]
    assert found == [read(unfiltered, text) for text in sentences]
    assert found[1] and found[2] and sum(1 for f in found if f) >= 7
