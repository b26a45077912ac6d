"""The engine: compile the rule set once, run it over documents, filter and sort findings.

    Linter(config).lint(doc) -> list[Finding]

Filtering happens here, once, for every kind: selection (--select/--ignore, per-file ignores),
minimum level, and suppression comments.
"""
from fnmatch import fnmatch

from factlint.document import Document
from factlint.findings import LEVEL_RANK
from factlint.selection import best, is_selected


class Linter:
    def __init__(self, config, host=None, ruleset=None):
        from factlint.plugin.host import PluginHost

        self.config = config
        self.host = host or PluginHost(extra_plugins=config.plugins)
        if ruleset is None:
            from factlint.cache import load_ruleset

            ruleset = load_ruleset(self.host, config)
        self.ruleset = ruleset
        self.rules = [r for r in ruleset.rules if is_selected(r.id, r.category, config.select, config.ignore)]
        self.min_rank = LEVEL_RANK[config.min_level]

    def lint(self, doc):
        """All findings for one Document, filtered and sorted."""
        rules = self._rules_for(doc.path)
        if not rules:
            return []
        hits = self.ruleset.terms.scan(doc)
        findings = []
        for rule in rules:
            findings.extend(rule.run(doc, hits))
        findings = [f for f in findings if LEVEL_RANK[f.severity] >= self.min_rank]
        if doc.directives:
            findings = [f for f in findings if not _suppressed(doc, f)]
        findings.sort(key=lambda f: (f.start, f.rule, f.end))
        return findings

    def lint_text(self, text, path="-", markup=None, date=None, record=None):
        kind = markup or markup_for(path)
        return self.lint(Document(text, path=path, markup_kind=kind, date=date, record=record))

    def _rules_for(self, path):
        ignores = []
        for pattern, selectors in self.config.per_file_ignores.items():
            if fnmatch(path, pattern) or fnmatch(path.rsplit("/", 1)[-1], pattern):
                ignores.extend(selectors)
        if not ignores:
            return self.rules
        return [r for r in self.rules if best(ignores, r.id, r.category) is None]


def markup_for(path):
    return "markdown" if str(path).lower().endswith((".md", ".markdown", ".mdx")) else "text"


def _suppressed(doc, finding):
    """Apply suppression comments; mark the directives that did suppress something."""
    active = None
    for d in doc.directives:
        if d.kind in ("disable", "enable") and d.line <= finding.line:
            if d.kind == "disable" and _names(d, finding):
                active = d
            elif d.kind == "enable" and (not d.selectors or _names(d, finding)):
                active = None
        elif d.kind == "disable-line" and d.line == finding.line and _names(d, finding):
            d.used = True
            return True
        elif d.kind == "disable-next-line" and d.line + 1 == finding.line and _names(d, finding):
            d.used = True
            return True
    if active is not None:
        active.used = True
        return True
    return False


def _names(directive, finding):
    return not directive.selectors or best(directive.selectors, finding.rule, finding.category) is not None


def lint_text(text, path="-", markup=None, config=None, **kw):
    """Lint one string with the shipped packs (or `config`); the simplest public entry point."""
    from factlint.config import Config

    return Linter(config or Config()).lint_text(text, path=path, markup=markup, **kw)
