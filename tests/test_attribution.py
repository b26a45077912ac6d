"""The attribution kind on sentences: which figures are claims, and what counts as a source."""
import pytest

from factlint.config import Config
from factlint.engine import Linter


def _linter():
    config = Config()
    config.select = ["Attribution"]
    return Linter(config)


LINTER = _linter()


def found(text):
    return [(f.rule.split(".")[1], f.match) for f in LINTER.lint_text(text, path="a.txt")]


def test_official_statistic_without_a_source():
    assert found("Unemployment rose to 8.2% last year.") == [("Unattributed", "8.2%")]


@pytest.mark.parametrize("sentence", [
    "Ministers would cut unemployment to 8.2% by next year.",
    "The union could accept unemployment at 8.2% this year.",
    "Unemployment might reach 8.2% this year.",
    "The target is unemployment at 8.2% this year.",
    "The bank plans to hold unemployment at 8.2% this year.",
    "The bank aims to hold unemployment at 8.2% this year.",
    "If unemployment rose to 8.2% this year, rates would fall.",
    "The ceiling for unemployment is 8.2% this year.",
    "The limit for unemployment is 8.2% this year.",
    "Unemployment is capped at a cap of 8.2% this year.",
    "The threshold for unemployment is 8.2% this year.",
    "Unemployment rose to 8.2%, in line with forecasts.",
    "Unemployment must fall to 8.2% by the end of 2009.",
])
def test_targets_limits_and_conditionals_are_not_claims(sentence):
    assert found(sentence) == []


def test_source_in_the_previous_sentence_of_the_paragraph_only():
    sourced = "The statistics office published its survey. It said unemployment rose to 8.2% last year."
    assert found(sourced) == []
    carried = "The statistics office said so on Monday. Unemployment rose to 8.2% last year."
    assert found(carried) == []
    other_paragraph = "The statistics office said so on Monday.\n\nUnemployment rose to 8.2% last year."
    assert found(other_paragraph) == [("Unattributed", "8.2%")]


def test_casualty_figure_and_vague_source():
    assert found("Hundreds have been killed in the fighting.") == [("Unattributed", "Hundreds have been killed")]
    assert found("Experts say 1,200 fighters were sent.") == [("VagueSource", "Experts say 1,200")]


def test_years_dates_and_ages_are_not_claims():
    assert found("In 1997 the 34-year-old moved to 10 Downing Street on 24 April.") == []


def test_number_words_count_only_as_casualties():
    assert found("Two ministers met in Brussels on Monday.") == []
    assert found("Two people were killed when the bridge collapsed.") == [("Unattributed", "Two people were killed")]
    # A casualty term elsewhere in the text does not make every number word a claim.
    assert found("Three ministers met on Monday.\n\nOne man died in the storm, police said.") == []


def test_ranges_scores_and_small_numbers_are_not_claims():
    assert found("Prices rose 10-15 last week.") == []
    assert found("United won 3-1 at home.") == []
    assert found("Only 4 shops opened on Sunday.") == []
    assert found("Sales of 400 cars were recorded last year.") == []
