"""substitution (Vale): `swap: {observed: expected}`; `%s` is the expected text, a second `%s`
the observed one. `a|b` in the expected text gives several suggestions — an ambiguous finding
that --fix never applies (as codespell does with several candidates)."""
from factlint.kinds.base import RuleKind


class Substitution(RuleKind):
    name = "substitution"
    category = "transcription"
    keys = {
        "swap": (dict, True, None),
        "exceptions": (list, False, []),
    }

    def compile(self, ctx):
        swap = self.option("swap")
        if not swap:
            raise ctx.error("swap: the mapping is empty", "swap")
        self.setup_swaps(ctx, [(str(k), str(v)) for k, v in swap.items()])
        self.exceptions = {str(e).lower() for e in self.option("exceptions")}

    def setup_swaps(self, ctx, pairs, context=None):
        """pairs: (observed pattern, 'expected|alternative'); context: per pair, a list of
        words one of which must occur in the document, or None."""
        self.observed = [p for p, _ in pairs]
        self.expected = [[s.strip() for s in e.split("|") if s.strip()] for _, e in pairs]
        self.handle = ctx.terms.add(self.observed, self.spec.ignorecase, self.spec.nonword, self.spec.scope == "raw")
        self.context = context

    def trusted(self, term_no):
        """Whether a single suggestion may be applied by --fix."""
        return len(self.expected[term_no]) == 1

    def check(self, doc, hits):
        for start, end, term_no in hits.get(self.handle, ()):
            observed = doc.text[start:end]
            expected = self.expected[term_no]
            same = (lambda a, b: a.lower() == b.lower()) if self.spec.ignorecase else (lambda a, b: a == b)
            if any(same(observed, e) for e in expected) or observed.lower() in self.exceptions:
                continue
            if not self.applies(doc, hits, term_no, start):
                continue
            yield self.finding(
                doc, start, end, (" or ".join(expected), observed), suggestions=expected,
                fixable=self.trusted(term_no),
            )

    def applies(self, doc, hits, term_no, start):
        return True
