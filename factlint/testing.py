"""Rule examples as test cases, for factlint's own packs and for a plugin's (as SQLFluff's rule
test cases are). Every rule's YAML carries `examples:`; each one is a test:

    examples:
      fail:
        - text: The Ottoman genocide of 1918.
          match: "1918"                       # a finding matches this text
          message: "Armenian genocide is …"   # ... and has this message
          suggestions: ["1915"]               # ... and these suggestions
          fixed: The Ottoman genocide of 1915.   # --fix gives this text, which then lints clean
        - A plain string is an example with only `text`.
      pass:
        - The Ottoman genocide of 1915.

A plugin author tests a new kind and its pack with one line in a test module:

    test_examples = factlint.testing.example_tests("path/to/MyPack", plugins=[my_plugin])

Nothing is read from or written to the user's caches: the rules are compiled afresh and
installed plugins are not loaded (only `plugins`, and the built-in kinds).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factlint.config import Config
from factlint.engine import Linter
from factlint.findings import Finding
from factlint.fixes import fix_text
from factlint.inputs import Source, markup_for
from factlint.plugin.host import PluginHost
from factlint.ruleset import compile_rules, discover, read_yaml


@dataclass
class Example:
    """One example of one rule: `kind` is "fail" or "pass" (None: the rule's own check that it
    ships both)."""

    rule_id: str
    kind: str | None
    index: int = 0
    text: str = ""
    expect: dict = field(default_factory=dict)  # match, message, suggestions, fixed
    markdown: bool = False
    examples: dict = field(default_factory=dict)  # the rule's whole `examples:` mapping

    def __str__(self) -> str:
        return f"{self.rule_id}-has-examples" if self.kind is None else f"{self.rule_id}-{self.kind}-{self.index}"


def collect(*packs: str | Path) -> list[Example]:
    """Every example of every rule in the pack folders, in file order."""
    out = []
    for rule_id, path in discover(packs):
        examples = (read_yaml(path) or {}).get("examples") or {}
        out.append(Example(rule_id, None, examples=examples))
        for kind in ("fail", "pass"):
            for n, item in enumerate(examples.get(kind) or []):
                item = {"text": item} if isinstance(item, str) else item
                expect = {k: item[k] for k in ("match", "message", "suggestions", "fixed") if k in item}
                out.append(Example(rule_id, kind, n, item["text"], expect, bool(item.get("markdown"))))
    return out


def linter_for(*packs: str | Path, plugins: Iterable[object] = (), builtin_packs: bool = False) -> Linter:
    """A Linter for exactly these packs (plus the shipped ones with builtin_packs), compiled
    without the compiled-rules cache and without installed entry-point plugins."""
    config = Config()
    config.builtin_packs = builtin_packs
    config.packs = [str(Path(p).resolve()) for p in packs]
    config.plugins = list(plugins)
    host = PluginHost(load_entry_points=False, extra_plugins=config.plugins)
    dirs = ([str(d) for d in host.rule_packs()] if builtin_packs else []) + config.packs
    return Linter(config, host=host, ruleset=compile_rules(dirs, host.rule_kinds(), config.levels))


def check(linter: Linter, example: Example) -> None:
    """Assert what the example states (raises AssertionError with the findings on failure)."""
    rule = example.rule_id
    if example.kind is None:
        assert example.examples.get("fail") and example.examples.get("pass"), f"{rule} must ship pass and fail examples"
        return
    path = "example.md" if example.markdown else "example.txt"
    findings = _of_rule(linter.lint_text(example.text, path=path), rule)
    if example.kind == "pass":
        assert not findings, f"{rule} should not flag: {[(f.match, f.message) for f in findings]}"
        return
    assert findings, f"{rule} should flag: {example.text!r}"
    expect = example.expect
    if "match" in expect:
        assert expect["match"] in [f.match for f in findings], [f.match for f in findings]
    if "message" in expect:
        assert expect["message"] in [f.message for f in findings], [f.message for f in findings]
    if "suggestions" in expect:
        assert list(expect["suggestions"]) in [f.suggestions for f in findings], [f.suggestions for f in findings]
    if "fixed" in expect:
        source = Source(path, path, example.text, markup_for(path))
        fixed, _n, after = fix_text(
            source, findings, relint=lambda t: _of_rule(linter.lint_text(t, path=path), rule), keep=lambda fs: fs
        )
        assert fixed == expect["fixed"], f"--fix gives {fixed!r}"
        assert not after, f"the fixed text still has findings of {rule}: {[(f.match, f.message) for f in after]}"


def example_tests(
    *packs: str | Path, plugins: Iterable[object] = (), builtin_packs: bool = False
) -> Callable[..., Any]:
    """A pytest test function, parametrized over every example of the packs' rules."""
    import pytest  # deferred: factlint itself never needs pytest, only a test module calling this

    examples = collect(*packs)
    linters: list[Linter] = []

    @pytest.mark.parametrize("example", examples, ids=str)
    def test_rule_example(example: Example) -> None:
        if not linters:  # compiled once per test module, at the first example
            linters.append(linter_for(*packs, plugins=plugins, builtin_packs=builtin_packs))
        check(linters[0], example)

    return test_rule_example


def _of_rule(findings: list[Finding], rule_id: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule_id]
