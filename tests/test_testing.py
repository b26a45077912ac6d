"""factlint.testing: a third-party kind, its pack and its tests in under 40 lines, and example
expectations (message, suggestions, fixed text) that fail when they do not hold."""

import subprocess
import sys
import textwrap

PLUGIN = """\
import re

from factlint.kinds.base import Key, RuleKind
from factlint.plugin import hookimpl


class DoubledWord(RuleKind):
    name = "doubled-word"
    category = "style"
    keys = {"min_length": Key(int, False, 1, "the shortest word checked")}

    def check(self, doc, hits):
        for m in re.finditer(r"\\b(\\w+)\\s+\\1\\b", doc.prose, re.I):
            if len(m.group(1)) >= self.option("min_length"):
                yield self.finding(doc, m.start(), m.end(), (m.group(1),), [m.group(1)], fixable=True)


@hookimpl
def factlint_rule_kinds():
    return {"doubled-word": DoubledWord}
"""
RULE = """\
extends: doubled-word
message: "'%s' is doubled"
examples:
  fail:
    - text: It was the the best day.
      message: "'the' is doubled"
      suggestions: [the]
      fixed: It was the best day.
  pass: [It was the best day.]
"""
TEST = """\
import doubled
import factlint.testing

test_doubled = factlint.testing.example_tests("Style", plugins=[doubled])
"""


def _run(tmp_path, rule=RULE):
    (tmp_path / "doubled.py").write_text(PLUGIN, encoding="utf-8")
    (tmp_path / "Style").mkdir(exist_ok=True)
    (tmp_path / "Style" / "Doubled.yml").write_text(rule, encoding="utf-8")
    (tmp_path / "test_doubled.py").write_text(TEST, encoding="utf-8")
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_doubled.py"]
    return subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=120)


def test_a_third_party_kind_is_written_and_tested_in_under_40_lines(tmp_path):
    assert len((PLUGIN + RULE + TEST).splitlines()) < 40
    proc = _run(tmp_path)
    assert proc.returncode == 0 and "3 passed" in proc.stdout, proc.stdout + proc.stderr


def test_example_expectations_fail_when_they_do_not_hold(tmp_path):
    for wrong in ("fixed: It was the best day.", "message: \"'the' is doubled\"", "suggestions: [the]"):
        bad = RULE.replace(
            wrong, {"f": "fixed: It was a best day.", "m": "message: nope", "s": "suggestions: [a]"}[wrong[0]]
        )
        proc = _run(tmp_path, bad)
        assert proc.returncode == 1 and "1 failed" in proc.stdout, textwrap.shorten(proc.stdout, 2000)
