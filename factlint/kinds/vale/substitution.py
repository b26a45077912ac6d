"""substitution, Vale's semantics: `swap: {observed pattern: expected}`; `%s` is the expected
text, a second `%s` the observed one. With `action: {name: replace}` the expected alternatives
(`a|b`) are quoted and joined ('a' or 'b') and a message's first `'%s'` loses its quotes, as Vale
does. Capture groups of a key may be used in its replacement as `$1`."""

import re

from factlint.kinds.base import Key
from factlint.kinds.vale.base import (
    NONWORD,
    VALE_KEYS,
    WORD,
    ValeKind,
    exceptions_re,
    is_phrase,
    to_sentence,
    vale_message,
)
from factlint.vale import regex as vre


class ValeSubstitution(ValeKind):
    name = "vale.substitution"
    vocab_aware = True
    keys = {**VALE_KEYS, "swap": Key(dict, False, {}), "exceptions": Key(list, False, []), "pos": Key(str, False, None)}

    def setup(self, ctx):
        swap = self.option_or("swap", {}) or {}
        self.keys_ = [str(k) for k in swap]
        self.repl = [str(v) for v in swap.values()]
        ic = bool(self.spec.ignorecase)
        self.singles = [vre.compile(k, ic) for k in self.keys_]  # each key alone, for its groups
        joined = "|".join(f"(?P<s{i}>{vre.translate(k, inner=True)})" for i, k in enumerate(self.keys_))
        template = NONWORD if self.spec.nonword else WORD
        self.pattern = vre.compile(template % joined if joined else r"(?!)", ic)
        self.except_re = exceptions_re(self.option_or("exceptions", []), self.vocab)
        self.replace = self.action.get("name") == "replace" and not self.action.get("params")
        message = self.message
        if self.replace:  # core.ToSentence quotes the words already: do not quote twice
            for spec in ("'%s'", '"%s"'):
                if message.count(spec) == 2:
                    message = message.replace(spec, "%s", 1)
        self.message = message

    def check_block(self, block, state):
        text = block.text
        for m in self.pattern.finditer(text):
            i = next(
                (int(name[1:]) for name, v in m.groupdict().items() if v is not None and re.fullmatch(r"s\d+", name)),
                None,
            )
            if i is None:
                continue
            start, end = m.span(f"s{i}")
            observed = text[start:end].strip()
            expected = self._expand(i, text[start:end])
            if _same(expected, observed, bool(self.spec.ignorecase)):
                continue
            if self.except_re is not None and self.except_re.search(observed):
                continue
            options = expected.split("|")
            shown = to_sentence(options) if self.replace else expected
            yield start, end, vale_message(self.message, shown, observed), options

    def _expand(self, i, matched):
        repl = self.repl[i]
        if "$" not in repl:
            return repl
        m = self.singles[i].fullmatch(matched.strip()) or self.singles[i].search(matched)
        if m is None:
            return repl
        return re.sub(
            r"\$(\d+)",
            lambda g: (m.group(int(g.group(1))) or "") if int(g.group(1)) <= len(m.groups()) else g.group(),
            repl,
        )


def _same(expected: str, observed: str, ignorecase: bool) -> bool:
    """matchToken: a plain phrase is compared literally; otherwise `expected` is a pattern."""
    if is_phrase(expected):
        return expected == observed
    try:
        return vre.compile(f"^(?:{expected})$", ignorecase).search(observed) is not None
    except vre.error:
        return expected == observed
