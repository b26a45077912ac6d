"""Every shipped rule carries passing and failing examples in its YAML; factlint.testing runs them
all. A `fail` example must give at least one finding of that rule (and, where given, one whose
matched text is `match`, whose message is `message`, whose suggestions are `suggestions`, and
--fix must give `fixed`, which then lints clean); a `pass` example must give none of that rule."""

import factlint.testing
from factlint.ruleset import shipped_rules_dir

PACKS = sorted(p for p in shipped_rules_dir().iterdir() if p.is_dir() and any(p.glob("*.yml")))

test_rule_example = factlint.testing.example_tests(*PACKS)
