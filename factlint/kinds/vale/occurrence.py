"""occurrence (Vale): count the matches of `token` in the scope. `max`: each block of the scope
(a sentence, a paragraph, a heading) with more than `max` is reported once, at its first match.
`min`: the file's blocks of the scope together -- Vale treats a minimum as document-wide ("no
heading says Introduction") -- reported at the first match, or at line 1, column 1 when there
is none. As in Vale, the message is not formatted: a `%s` stays as written."""

from factlint.kinds.base import Key
from factlint.kinds.vale.base import VALE_KEYS, ValeKind
from factlint.vale import regex as vre
from factlint.vale.scopes import selects


class Occurrence(ValeKind):
    name = "occurrence"
    keys = {**VALE_KEYS, "token": Key(str, True, None), "max": Key(int, False, 0), "min": Key(int, False, 0)}

    def setup(self, ctx):
        self.pattern = vre.compile(f"(?:{self.option_or('token', '')})", bool(self.spec.ignorecase))
        self.max = int(self.option_or("max", 0) or 0)
        self.min = int(self.option_or("min", 0) or 0)

    def check_block(self, block, state):
        spans = [m.span() for m in self.pattern.finditer(block.text)]
        if self.max > 0 and len(spans) > self.max:
            yield spans[0][0], spans[0][1], self.message.strip()

    def check(self, doc, hits):
        yield from super().check(doc, hits)
        if self.min <= 0:
            return
        first, count = None, 0
        for block in self.blocks(doc):
            if not selects(self.scopes, block):
                continue
            for m in self.pattern.finditer(block.text):
                count += 1
                if first is None:
                    first = block.span(*m.span())
        if count < self.min:
            start, end = first if first is not None else (0, 0)
            yield self.finding(doc, start, end, message=self.message.strip())
