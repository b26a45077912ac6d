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


def levels(text):
    return [(f.rule.split(".")[1], f.severity) for f in LINTER.lint_text(text, path="a.txt")]


def test_official_statistic_without_a_source():
    assert found("Unemployment rose to 8.2% last year.") == [("Unattributed", "8.2%")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The target is unemployment at 8.2% this year.",
        "The ceiling for unemployment is 8.2% this year.",
        "The limit for unemployment is 8.2% this year.",
        "The threshold for unemployment is 8.2% this year.",
        "If unemployment rose to 8.2% this year, rates would fall.",
        "If the trend goes on, unemployment could reach 8.2% by next year.",
        "The Bank of Japan kept its key rate at 0.5% again.",
        "Parties must declare all gifts over £5,000.",
    ],
)
def test_targets_limits_rules_and_hypotheticals_are_not_claims(sentence):
    assert found(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Unemployment might reach 8.2% this year.",
        "Unemployment rose to 8.2%, in line with forecasts.",
        "Unemployment could reach 8.2% by next year if nothing changes.",
    ],
)
def test_forecasts_are_claims(sentence):
    assert found(sentence) == [("Unattributed", "8.2%")]


def test_a_source_carries_to_a_sentence_that_goes_on_with_its_report():
    assert found("The statistics office published its survey. It said unemployment rose to 8.2% last year.") == []
    assert found("The statistics office said exports grew. It added that unemployment rose to 8.2% last year.") == []
    assert found("The statistics office said exports grew.\n\nIt also found unemployment rose to 8.2%.") == []


def test_a_reporter_voice_sentence_breaks_the_carry():
    text = "The statistics office said so on Monday. Unemployment rose to 8.2% last year."
    assert found(text) == [("Unattributed", "8.2%")]
    two_back = "The office said exports grew 3% in May. Factories were busy. It had 8,000 new orders."
    assert found(two_back) == [("Unattributed", "8,000")]


def test_a_source_speaks_for_its_own_clause_only():
    # after a dash, "Russia says" speaks for the $27bn, not for the price paid before it
    text = "The buyer paid $9.4bn for the unit - far below the $27bn Russia says the firm owes."
    assert found(text) == [("Unattributed", "$9.4bn")]
    # a reporting verb in a coordinate clause after the figure is another clause's
    assert found("Hundreds have been killed and both sides have accused each other of attacks.") == [
        ("Unattributed", "Hundreds have been killed")
    ]
    # a closing ", X said." frames the whole sentence
    assert found("The unit was sold for $9.4bn - well below its value, the minister said.") == []


def test_subjects_decide_the_quality_of_a_source():
    assert found("Economists at Barclays said growth would slow to 1.2%.") == []
    assert found("Some economists said growth would slow to 1.2%.")[0][0] == "VagueSource"
    assert found("The Japanese government has forecast that growth will slow to 1.6%.") == []
    assert found("Web analysts say the browser's share has dropped below 90%.")[0][0] == "VagueSource"
    assert found("The browser's share has dropped below 90%, say web analysts.")[0][0] == "VagueSource"
    assert found("The browser's share has dropped below 90%, said the report.") == []
    assert found("Monica Chadha, the agency's reporter, said air travel rose by 20%.") == []


def test_actors_own_figures_are_sourced_but_verbs_of_happening_are_not():
    assert found("The club posted a record loss of 68m euros.") == []
    assert found("The company has filed a damages claim for $18m against its rival.") == []
    assert found("Italy plans to raise as much as 25bn euros from privatisations.") == []
    assert found("The club recorded a loss of 68m euros.") == [("Unattributed", "68m euros")]
    assert found("The bank has seen profits climb 20% to £4.6bn.") == [("Unattributed", "20%")]
    # an actor's verb speaks for its object, not for a figure elsewhere in the sentence
    assert levels("After nine soldiers were killed, the president ordered an inquiry.") == [("Unattributed", "warning")]


def test_an_actors_verb_reaches_past_a_conversion_in_brackets():
    # the semicolon inside "(£3.40; $6.10)" does not end the plan's object; one outside does
    plan = "The firm plans to sell 10 million shares at 300 pence (£3.40; $6.10) each, a discount of 12% to its market price."
    assert found(plan) == []
    assert found("The firm plans to sell 10 million shares at 300 pence each; profits fell 12% last year.") == [
        ("Unattributed", "12%")
    ]


def test_respondents_need_a_named_poll_nearby():
    assert found("Only 42% of them say saving money is the main reason.")[0][0] == "VagueSource"
    named = "A Gallup poll interviewed 1,000 adults. 62% of voters said they backed the plan."
    assert found(named) == []


def test_quotations_with_a_speaker_are_sourced_mark_by_mark():
    assert found('"We have lost 200 jobs this year," said the union leader.') == []
    # news copy reopens each quoted sentence; a figure after the quotation closes is not in it
    text = 'He said: "I see no plan. "It could still end badly." The field pumps 900,000 barrels of oil a day.'
    assert found(text) == [("Unattributed", "900,000")]


def test_casualty_figure_and_vague_source():
    assert found("Hundreds have been killed in the fighting.") == [("Unattributed", "Hundreds have been killed")]
    assert levels("Hundreds have been killed in the fighting.") == [("Unattributed", "warning")]
    assert found("Experts say 1,200 fighters were sent.") == [("VagueSource", "Experts say 1,200")]
    # other claims are suggestions: they never fail a build
    assert levels("Sales rose 14% to £2.3bn.") == [("Unattributed", "suggestion")]


def test_years_dates_and_ages_are_not_claims():
    assert found("In 1997 the 34-year-old moved to 10 Downing Street on 24 April.") == []


def test_small_number_words_count_only_as_casualties():
    assert found("Two ministers met in Brussels on Monday.") == []
    assert found("Two people were killed when the bridge collapsed.") == [("Unattributed", "Two people were killed")]
    assert found("Three ministers met on Monday.\n\nOne man died in the storm, police said.") == []
    # a label is not a casualty count
    assert found("He was arrested under Section 41 of the Terrorism Act.") == []


def test_ranges_scores_and_small_numbers_are_not_claims():
    assert found("Prices rose 10-15 last week.") == []
    assert found("United won 3-1 at home.") == []
    assert found("Only 4 shops opened on Sunday.") == []
    assert found("The BBC has 16 nominations while the Guardian has three.") == []
    # an aggregate count stated as fact is a claim ("were recorded": it happened, nobody reports it)
    assert found("Sales of 400 cars were recorded last year.") == [("Unattributed", "400")]


def test_records_rankings_and_odds_are_claims():
    assert found("Inflation is now at its highest level since 1991.") == [("Unattributed", "highest level since 1991")]
    assert found("It is the world's fourth-biggest carmaker.") == [("Unattributed", "fourth-biggest")]
    assert found("The horse is 5-2 favourite for the race.") == [("Unattributed", "5-2")]
    assert found("The horse is 5-2 favourite for the race, bookmaker Ladbrokes said.") == []


def test_headlines_are_not_checked_but_title_case_sentences_are():
    text = "Profits hit 20% high\n\nThe firm said profits rose 20%."
    assert found(text) == []
    assert found("Only 24 Percent of the Senator's Contributors Are Small Donors.") == [("Unattributed", "24 Percent")]


def test_non_english_documents_are_not_checked():
    text = (
        "Die Arbeitslosigkeit ist im letzten Jahr auf 8,2% gestiegen, und die Zahl der Arbeitslosen "
        "lag bei mehr als drei Millionen, was für die Regierung ein großes Problem ist."
    )
    assert found(text) == []
    declared = "---\nlanguage: de\n---\nUnemployment rose to 8.2% last year.\n"
    assert [f.rule for f in LINTER.lint_text(declared, path="a.md")] == []
    assert found("Unemployment rose to 8.2% last year.") != []  # the same text in English is checked


def test_a_casualty_term_after_a_figure_counts_only_as_a_participle_or_noun():
    # the foxes were killed, not the hunts; the warrants were carried out, not people
    hunts = [
        (f.severity, f.match)
        for f in LINTER.lint_text("Some 270 hunts met on Saturday killing a total of 91 foxes.", path="a.txt")
    ]
    assert hunts == [("warning", "killing a total of 91")]
    assert ("Unattributed", "warning") not in levels("Seventy search warrants were executed in six countries.")
    assert levels("Some 270 people were killed in the floods.") == [("Unattributed", "warning")]


def test_a_plain_text_headline_is_not_checked_even_closing_on_a_quote():
    assert found("Storm claims 'less than $10bn'\n\nInsurers are counting the cost, the industry body said.") == []
    # a headline-style line with a full stop is a sentence like any other
    assert found("Only 24 Percent of Donors Give Less Than $200.\n\nThe campaign disputes this.") == [
        ("Unattributed", "24 Percent")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "£",
        "1" * 5000,
        "according to",
        "50% of them say",
        ", said",
        "(((((( 1,000 people were killed",
        "“" * 50 + " 50% " + '"' * 33,
        "\x00 500,000 people\ufeff died",
        "x " * 20000 + "50% rose.",
    ],
)
def test_bad_input_gives_no_traceback(text):
    for path in ("a.txt", "a.md"):
        LINTER.lint_text(text, path=path)


def test_members_of_a_known_set_are_no_casualty_toll():
    assert found("She was wrongly convicted of killing two of her babies.") == []
    assert levels("Gunmen killed two soldiers at the checkpoint.") == [("Unattributed", "warning")]


def test_what_something_costs_someone_is_a_claim_not_a_price_tag():
    assert found("The strike is thought to cost businesses tens of thousands of pounds a day.") == [
        ("VagueSource", "is thought to cost businesses tens of thousands")
    ]
    assert found("The strike cost the local economy tens of thousands of pounds a day.") == [
        ("Unattributed", "tens of thousands")
    ]
    assert found("The new saloon is priced at tens of thousands of pounds less than its rival.") == []
