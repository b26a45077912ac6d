"""existence, Vale's semantics: one pattern of the tokens (a word template around them unless
`nonword`), `raw` pieces before it (or after it with `append`), `(?i)` with `ignorecase`;
matches that contain an exception (or lie inside an excepted phrase) are not reported. `%s` is
the match; with an `action`, a second `%s` is its suggestion."""

from factlint.kinds.base import Key
from factlint.kinds.vale.base import (
    NONWORD,
    VALE_KEYS,
    WORD,
    ValeKind,
    excepted,
    exceptions_re,
    to_sentence,
    vale_message,
)
from factlint.vale import regex as vre


class ValeExistence(ValeKind):
    name = "vale.existence"
    vocab_aware = True
    keys = {
        **VALE_KEYS,
        "tokens": Key(list, False, []),
        "raw": Key(list, False, []),
        "exceptions": Key(list, False, []),
        "append": Key(bool, False, False),
    }

    def setup(self, ctx):
        tokens = [str(t) for t in self.option_or("tokens", []) if str(t).strip()]
        raw = "".join(str(r) for r in self.option_or("raw", []))
        template = WORD if tokens and not self.spec.nonword else NONWORD
        body = template.replace("%s", "|".join(tokens))  # filled before `raw` joins: its `%` stays
        pattern = body + raw if self.option_or("append", False) else raw + body
        self.pattern = vre.compile(pattern, bool(self.spec.ignorecase))
        # Vocab words are exceptions only for word rules (a nonword span may merely contain one).
        vocab = self.vocab if not self.spec.nonword else ()
        self.except_re = exceptions_re(self.option_or("exceptions", []), vocab)

    def check_block(self, block, state):
        text = block.text
        for m in self.pattern.finditer(text):
            if m.end() == m.start():
                continue
            observed = m.group().strip()
            if excepted(self.except_re, observed, text, m.start(), m.end()):
                continue
            yield m.start(), m.end(), vale_message(self.message, m.group(), *self.suggestion(m))

    def suggestion(self, m):
        params = [str(p) for p in (self.action.get("params") or [])]
        if not self.action.get("name") or not params:
            return (m.group(),) if self.action.get("name") else ()
        return (params[0] if len(params) == 1 else to_sentence(params),)
