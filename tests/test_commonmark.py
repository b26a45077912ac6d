"""Markdown prose on CommonMark edge cases (tests/data/commonmark/cases.yml): one test per case,
comparing the words rules see, plus the invariants every prose view keeps."""

import datetime
import time
from pathlib import Path

import pytest
import yaml

from factlint.document import Document
from factlint.engine import lint_text
from factlint.markup import markdown_prose, read_front_matter

CASES = yaml.safe_load((Path(__file__).parent / "data" / "commonmark" / "cases.yml").read_text(encoding="utf-8"))


def check_prose(text, prose):
    assert len(prose) == len(text)
    for i, (t, p) in enumerate(zip(text, prose)):
        assert p == t or (p == " " and t not in "\r\n"), (i, t, p)


@pytest.mark.parametrize("name", sorted(CASES))
def test_case(name):
    case = CASES[name]
    text = case["markdown"]
    prose, starts, directives, meta = markdown_prose(text)
    check_prose(text, prose)
    assert prose.split() == [str(w) for w in case["linted"]]
    if "meta" in case:
        assert meta == case["meta"]
    if "directives" in case:
        assert [[d.kind, d.line] for d in directives] == case["directives"]
    assert starts == sorted(set(starts)) and all(0 <= s < len(text) for s in starts)


def test_footnote_text_is_linted_end_to_end():
    text = "A claim.[^1]\n\n[^1]: The Asherites said so.\n"
    (f,) = [f for f in lint_text(text, path="a.md") if f.match == "Asherites"]
    assert f.line == 3


def test_toml_front_matter_date_reaches_the_document():
    doc = Document(CASES["toml_front_matter"]["markdown"], markup_kind="markdown")
    assert doc.date == datetime.date(2024, 3, 1)
    assert read_front_matter("+++\nbroken = = toml\n+++\nText\n")[1] == {}  # blanked, not read


def test_block_starts_for_headings_items_quotes_and_rows():
    text = "# Head\nPara line\n- item\n> quote\n\n| a |\n|---|\n| b |\n"
    _prose, starts, _d, _m = markdown_prose(text)
    lines = [text.count("\n", 0, s) + 1 for s in starts]
    assert lines == [1, 2, 3, 4, 6, 8]


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "> " * n + "deep\n",
        lambda n: "*a " * n + "\n",
        lambda n: "[" * n + "x" + "]" * n + "\n",
        lambda n: "- " * n + "item\n",
        lambda n: "`" * n + "x\n",
        lambda n: "<a " * n + "\n",
    ],
)
def test_pathological_input_stays_linear(make):
    """Ten times the input may not cost a hundred times the time."""

    def cost(n):
        text = make(n)
        best = float("inf")
        for _ in range(3):
            t = time.perf_counter()
            prose = markdown_prose(text)[0]
            best = min(best, time.perf_counter() - t)
        check_prose(text, prose)
        return best

    small, large = cost(2000), cost(20000)
    assert large < 40 * max(small, 2e-3)  # quadratic would be 100 times (small inputs time noisily)
