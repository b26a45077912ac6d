"""repetition (Vale): a token matched twice in a row ("the the"). `tokens` are joined into one
pattern; two consecutive matches equal (ignoring case with `ignorecase`), and made of letters
only with `alpha`, are reported from the first to the second when they lie in one sentence.
`max` allows that many repeats; `%s` is the repeated token."""

from factlint.kinds.base import Key
from factlint.kinds.vale.base import VALE_KEYS, ValeKind, excepted, exceptions_re, vale_message
from factlint.vale import regex as vre
from factlint.vale.scopes import Block, sentences


class Repetition(ValeKind):
    name = "repetition"
    vocab_aware = True
    keys = {
        **VALE_KEYS,
        "tokens": Key(list, True, None),
        "max": Key(int, False, 0),
        "alpha": Key(bool, False, False),
        "exceptions": Key(list, False, []),
    }

    def setup(self, ctx):
        tokens = "|".join(str(t) for t in self.option_or("tokens", []))
        self.pattern = vre.compile(f"({tokens})", bool(self.spec.ignorecase))
        self.max = int(self.option_or("max", 0) or 0)
        self.alpha = bool(self.option_or("alpha", False))
        self.except_re = exceptions_re(self.option_or("exceptions", []), self.vocab)

    def check_block(self, block, state):
        text = block.text
        prev, ploc, count = "", None, 0
        for m in self.pattern.finditer(text):
            curr = m.group().strip()
            if self.spec.ignorecase:
                hit = curr != "" and curr.casefold() == prev.casefold()
            else:
                hit = curr != "" and curr == prev
            hit = hit and (not self.alpha or all(ch.isalpha() for ch in curr))
            if hit:
                count += 1
            if hit and count > self.max:
                span = text[ploc[0] : m.end()]
                one = len(sentences(Block(("text",), span, list(range(len(span)))))) == 1
                if one and not excepted(self.except_re, span, text, ploc[0], m.end()):
                    yield ploc[0], m.end(), vale_message(self.message, curr)
                    count = 0
            ploc, prev = m.span(), curr
