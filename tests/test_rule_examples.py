"""Every shipped rule carries passing and failing examples in its YAML; this collector runs them
all. A `fail` example must give at least one finding of that rule (and, where given, one whose
matched text is `match`); a `pass` example must give none of that rule."""
from pathlib import Path

import pytest
import yaml

from factlint.config import Config
from factlint.engine import Linter

RULES = Path(__file__).resolve().parents[1] / "rules"


def _examples():
    for path in sorted(RULES.glob("*/*.yml")):
        rule_id = f"{path.parent.name}.{path.stem}"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        examples = data.get("examples") or {}
        yield pytest.param(rule_id, None, None, id=f"{rule_id}-has-examples")
        for kind in ("fail", "pass"):
            for n, item in enumerate(examples.get(kind) or []):
                item = {"text": item} if isinstance(item, str) else item
                yield pytest.param(rule_id, kind, item, id=f"{rule_id}-{kind}-{n}")


@pytest.fixture(scope="module")
def linter():
    return Linter(Config())


@pytest.mark.parametrize("rule_id, kind, example", list(_examples()))
def test_rule_example(linter, rule_id, kind, example):
    rule = linter.ruleset.by_id[rule_id]
    if kind is None:
        examples = rule.spec.examples or {}
        assert examples.get("fail") and examples.get("pass"), f"{rule_id} must ship pass and fail examples"
        return
    findings = [
        f
        for f in linter.lint_text(example["text"], path="example.md" if example.get("markdown") else "example.txt")
        if f.rule == rule_id
    ]
    if kind == "fail":
        assert findings, f"{rule_id} should flag: {example['text']!r}"
        if "match" in example:
            assert example["match"] in [f.match for f in findings], [f.match for f in findings]
    else:
        assert not findings, f"{rule_id} should not flag: {[(f.match, f.message) for f in findings]}"
