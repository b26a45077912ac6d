"""consistency (Vale): of each `either` pair (two patterns), only one may be used in a file.
Once both have been seen, each block that uses either is reported once, at the first place its
last match's text occurs in the block (where Vale's text search lands); `%s` is that text."""

from factlint.kinds.base import Key
from factlint.kinds.vale.base import NONWORD, VALE_KEYS, WORD, ValeKind, vale_message
from factlint.vale import regex as vre


class Consistency(ValeKind):
    name = "consistency"
    keys = {**VALE_KEYS, "either": Key(dict, True, None)}

    def setup(self, ctx):
        template = NONWORD if self.spec.nonword else WORD
        self.steps = []
        for n, (one, two) in enumerate((self.option_or("either", {}) or {}).items()):
            a, b = f"c{2 * n}", f"c{2 * n + 1}"
            pattern = template % f"(?P<{a}>{vre.translate(str(one), True)})|(?P<{b}>{vre.translate(str(two), True)})"
            self.steps.append((vre.compile(pattern, bool(self.spec.ignorecase)), (a, b)))

    def check_block(self, block, state):
        seen = state.setdefault(("consistency", self.id), set())
        text = block.text
        for pattern, names in self.steps:
            last = None
            for m in pattern.finditer(text):
                for name in names:
                    if m.group(name) is not None:
                        seen.add(name)
                        last = m.span(name)
            if last is not None and all(name in seen for name in names):
                matched = text[last[0] : last[1]]
                start = text.find(matched)
                yield start, start + len(matched), vale_message(self.message, matched)
