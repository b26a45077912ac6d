"""The labelled evaluation set (texts written and labelled independently of the rules): precision
and recall per category must both reach 0.9. The table is printed (pytest -s, or on failure)."""

from eval.score import CATEGORIES, render, score

from factlint.config import Config
from factlint.engine import Linter


def test_precision_and_recall_per_category():
    table = score(Linter(Config()))
    print("\n" + render(table))
    weak = {
        c: (round(r["precision"], 2), round(r["recall"], 2))
        for c, r in table.items()
        if r["precision"] < 0.9 or r["recall"] < 0.9
    }
    assert not weak, render(table, show_errors=True)


def test_every_category_is_exercised():
    table = score(Linter(Config()))
    for cat in CATEGORIES:
        assert table[cat]["tp"] + table[cat]["fn"] >= 12, f"{cat}: too few labelled positives"
