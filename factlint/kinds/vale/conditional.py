"""conditional (Vale): if `first` is used, `second` must be too. When `second` has a capture
group (e.g. a definition `World Health Organization (WHO)`), each `first` match must equal text
that group captured earlier in the file; otherwise any `second` match in the same block is
enough. `exceptions` (and a Vocab's words) are never reported; `%s` is the match."""

from factlint.kinds.base import Key
from factlint.kinds.vale.base import VALE_KEYS, ValeKind, excepted, exceptions_re, vale_message
from factlint.vale import regex as vre


def _has_group(pattern: str) -> bool:
    return pattern.count("(") > pattern.count("(?") + pattern.count(r"\(")


class Conditional(ValeKind):
    name = "conditional"
    vocab_aware = True
    keys = {
        **VALE_KEYS,
        "first": Key(str, True, None),
        "second": Key(str, True, None),
        "exceptions": Key(list, False, []),
    }

    def setup(self, ctx):
        second = str(self.option_or("second", ""))
        self.second = vre.compile(second)
        self.first = vre.compile(str(self.option_or("first", "")))
        self.grouped = _has_group(second)
        self.except_re = exceptions_re(self.option_or("exceptions", []), self.vocab)

    def check_block(self, block, state):
        text = block.text
        firsts = [m for m in self.first.finditer(text) if m.end() > m.start()]
        if not firsts:  # Vale rules the block out on the antecedent first
            return
        if not self.grouped:
            if self.second.search(text):
                return
            defined = ()
        else:
            defined = state.setdefault("sequences", set())
            for m in self.second.finditer(text):
                defined.update(g for g in m.groups() if g)
        for m in firsts:
            s = m.group()
            if s in defined or excepted(self.except_re, s, text, m.start(), m.end()):
                continue
            yield m.start(), m.end(), vale_message(self.message, s)
