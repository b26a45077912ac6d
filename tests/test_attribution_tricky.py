"""The attribution check on hand-written tricky cases (tests/data/attribution_tricky.yml): claims
of every kind without a source, vague sources, and negatives that look like claims (sourced
figures, ages, scores, specs, prices, policy numbers, public-record outcomes, names)."""

from pathlib import Path

import pytest
import yaml

from factlint.config import Config
from factlint.engine import Linter

ITEMS = yaml.safe_load((Path(__file__).parent / "data" / "attribution_tricky.yml").read_text(encoding="utf-8"))["items"]


def _linter():
    config = Config()
    config.select = ["Attribution"]
    return Linter(config)


LINTER = _linter()
RULES = {"unsourced": "Attribution.Unattributed", "vague": "Attribution.VagueSource"}


def test_the_set_is_big_enough_and_half_negatives():
    assert len(ITEMS) >= 60
    negatives = [i for i in ITEMS if i["expect"] == "none"]
    assert len(negatives) >= len(ITEMS) / 2 - 5


@pytest.mark.parametrize("item", ITEMS, ids=[i["text"][:50] for i in ITEMS])
def test_tricky_case(item):
    findings = LINTER.lint_text(item["text"], path="tricky.txt")
    got = [(f.rule, f.severity, f.match) for f in findings]
    if item["expect"] == "none":
        assert got == []
        return
    assert len(got) == 1, got
    rule, severity, match = got[0]
    assert rule == RULES[item["expect"]], got
    assert severity == item.get("level", "suggestion"), got
    if "figure" in item:
        assert item["figure"].lower() in match.lower(), got
