"""occurrence (Vale): count the matches of `token` in each block of the scope; report once when
there are more than `max` or fewer than `min`, at the first match (at the block's start when
there is none). As in Vale, the message is not formatted: a `%s` stays as written."""
from factlint.kinds.vale.base import VALE_KEYS, ValeKind
from factlint.vale import regex as vre


class Occurrence(ValeKind):
    name = "occurrence"
    keys = {**VALE_KEYS, "token": (str, True, None), "max": (int, False, 0), "min": (int, False, 0)}

    def setup(self, ctx):
        self.pattern = vre.compile(f"(?:{self.option_or('token', '')})", bool(self.spec.ignorecase))
        self.max = int(self.option_or("max", 0) or 0)
        self.min = int(self.option_or("min", 0) or 0)

    def check_block(self, block, state):
        spans = [m.span() for m in self.pattern.finditer(block.text)]
        n = len(spans)
        if (self.max > 0 and n > self.max) or (self.min > 0 and n < self.min):
            start, end = spans[0] if spans else (0, 1)
            yield start, end, self.message.strip()
