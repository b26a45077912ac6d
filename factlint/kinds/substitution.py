"""substitution (Vale): `swap: {observed: expected}`; `%s` is the expected text, a second `%s`
the observed one. `a|b` in the expected text gives several suggestions — an ambiguous finding
that --fix never applies (as codespell does with several candidates)."""

from factlint.kinds.base import Key, RuleKind


class Substitution(RuleKind):
    name = "substitution"
    category = "transcription"
    honours = frozenset({"scope", "ignorecase", "nonword"})
    keys = {
        "swap": Key(dict, True, None),
        "exceptions": Key(list, False, []),
    }

    def compile(self, ctx):
        swap = self.option("swap")
        if not swap:
            raise ctx.error("swap: the mapping is empty", "swap")
        self.setup_swaps(ctx, [(str(k), str(v)) for k, v in swap.items()])
        self.exceptions = {str(e).lower() for e in self.option("exceptions")}

    def setup_swaps(self, ctx, pairs):
        """pairs: (observed pattern, 'expected|alternative')."""
        self.observed = [p for p, _ in pairs]
        self.expected = [[s.strip() for s in e.split("|") if s.strip()] for _, e in pairs]
        self.handle = ctx.terms.add(self.observed, self.spec.ignorecase, self.spec.nonword, self.spec.scope == "raw")

    def trusted(self, term_no):
        """Whether a single suggestion may be applied by --fix."""
        return len(self.expected[term_no]) == 1

    def check(self, doc, hits):
        for start, end, term_no in hits.get(self.handle, ()):
            observed = doc.text[start:end]
            expected = self.expected[term_no]
            if self.spec.ignorecase:  # no finding when the text already is the expected form
                already = observed.lower() in (e.lower() for e in expected)
            else:
                already = observed in expected
            if already or observed.lower() in self.exceptions:
                continue
            if not self.applies(doc, hits, term_no, start):
                continue
            yield self.finding(
                doc,
                start,
                end,
                (" or ".join(expected), observed),
                suggestions=expected,
                fixable=self.trusted(term_no),
            )

    def applies(self, doc, hits, term_no, start):
        return True
