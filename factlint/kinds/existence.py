"""existence (Vale): flag every occurrence of any token. `%s` is the matched text."""

from factlint.kinds.base import Key, RuleKind


class Existence(RuleKind):
    name = "existence"
    honours = frozenset({"scope", "ignorecase", "nonword"})
    keys = {
        "tokens": Key(list, True, None),
        "exceptions": Key(list, False, []),
    }

    def compile(self, ctx):
        tokens = ctx.strings("tokens", self.option("tokens"))
        if not tokens:
            raise ctx.error("tokens: the list is empty", "tokens")
        self.handle = ctx.terms.add(tokens, self.spec.ignorecase, self.spec.nonword, self.spec.scope == "raw")
        self.exceptions = {str(e).lower() for e in self.option("exceptions")}

    def check(self, doc, hits):
        for start, end, _term in hits.get(self.handle, ()):
            matched = doc.text[start:end]
            if matched.lower() in self.exceptions:
                continue
            yield self.finding(doc, start, end, (matched,))
