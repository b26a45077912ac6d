"""The engine: compile the rule set once, run it over documents, filter and sort findings.

    Linter(config).lint(doc) -> list[Finding]

Filtering happens here, once, for every kind: selection (--select/--ignore, per-file ignores),
suppressions (comments, markers, `[sic]`; see factlint.markup) and minimum level. The engine
also reports suppressions that suppress nothing, as `factlint.UnusedSuppression`.
"""

from __future__ import annotations

import dataclasses
import re
from fnmatch import fnmatch
from typing import TYPE_CHECKING, Any

import factlint.native as native
import factlint.regexcache as regexcache
import factlint.text.language as language
from factlint import rulecache
from factlint.config import Config
from factlint.findings import CATEGORIES, LEVEL_RANK, TIMED_OUT, Finding
from factlint.inputs import markup_for
from factlint.kinds.base import RuleSpec, finding_at
from factlint.plugin.host import PluginHost, shared_host
from factlint.ruleset import RuleSet, discover
from factlint.selection import best, is_selected, specificity

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.inputs import Source

# `[sic]` right after the matched word, optionally after its closing quote or emphasis.
_SIC = re.compile(r"[*_]{0,3}[\"'”’»]?[*_]{0,3}[ \t\u00a0]?[*_]{0,3}\[sic!?\]", re.I)


class EngineCheck:
    """A check the engine makes itself, with no YAML file. It looks like a compiled rule (id,
    level, category, spec) so that `report.rules[finding.rule]` works in every formatter."""

    def __init__(self, rule_id: str, category: str, level: str, message: str, description: str) -> None:
        self.id, self.category, self.level = rule_id, category, level
        data = {
            "extends": "engine",
            "message": message,
            "level": level,
            "category": category,
            "description": description,
        }
        self.spec = RuleSpec(rule_id, __file__, data, {})


UNUSED_SUPPRESSION = EngineCheck(
    "factlint.UnusedSuppression",
    "suppression",
    "warning",
    "Suppression of %s suppresses nothing: remove it",
    "A suppression comment or marker that suppresses no finding. Reported only when every rule it\n"
    "names is enabled in the run (a run with --select cannot tell whether it is still needed).",
)
RULE_FAILED = EngineCheck(
    "factlint.RuleFailed",
    "internal",
    "error",
    "Rule %s failed on this document and was skipped: %s",
    "A rule that raised an error, gave a malformed finding or ran out of its time budget (a rule\n"
    "author's regular expression that backtracks without end) on one document. The other rules and\n"
    "documents are still linted; report it to the rule's or plugin's author.",
)
ENGINE_CHECKS = {UNUSED_SUPPRESSION.id: UNUSED_SUPPRESSION, RULE_FAILED.id: RULE_FAILED}


class Linter:
    def __init__(
        self, config: Config, host: PluginHost | None = None, ruleset: RuleSet | None = None, lazy: bool = False
    ) -> None:
        self.config = config
        self.host = host or (PluginHost(extra_plugins=config.plugins) if config.plugins else shared_host())
        self.min_rank = LEVEL_RANK[config.min_level]
        self._ruleset = ruleset
        self._rules: list[Any] | None = None
        self._by_id: dict[str, Any] | None = None
        self._key = getattr(ruleset, "key", None)
        if not lazy:
            _ = self.ruleset  # load now: rule errors surface at construction

    # With lazy=True the compiled rules are loaded on first use: a run whose files all come from
    # the result cache (a pre-commit hook re-run, a CI job on unchanged files) never needs them.
    @property
    def ruleset(self) -> RuleSet:
        if self._ruleset is None:
            # The patterns earlier runs compiled, before the kinds and rules that compile them load
            # (a run served by the result cache never gets here, nor reads them).
            regexcache.warm()
            self._ruleset = rulecache.load_ruleset(self.host, self.config, key=self.ruleset_key)
            language.use_index(getattr(self._ruleset, "language_index", None))
        return self._ruleset

    @property
    def rules_loaded(self) -> bool:
        """Whether the compiled rules are loaded in this process."""
        return self._ruleset is not None

    @property
    def loads_fast(self) -> bool:
        """Whether the compiled rules are loaded, or can be read from the cache (not compiled)."""
        return self._ruleset is not None or rulecache.is_compiled(self.ruleset_key)

    @property
    def ruleset_key(self) -> str:
        """What the compiled rules depend on (rulecache.ruleset_key), without loading them."""
        if self._key is None:
            self._key = rulecache.ruleset_key(self.host, self.config, rulecache.pack_dirs(self.host, self.config))
        return self._key

    @property
    def rules(self) -> list[Any]:
        """The selected rules."""
        if self._rules is None:
            config = self.config
            self._rules = [r for r in self.ruleset.rules if is_selected(r.id, r.category, config.select, config.ignore)]
        return self._rules

    @property
    def by_id(self) -> dict[str, Any]:
        """Rule metadata for reports: the YAML rules plus the engine's own checks."""
        if self._by_id is None:
            self._by_id = {**ENGINE_CHECKS, **self.ruleset.by_id}
        return self._by_id

    def unknown_selectors(self, selectors: list[str]) -> list[str]:
        """The selectors that name no rule, pack or category (a typo would otherwise lint
        nothing and look clean). Checked from the pack listing first; the compiled rules are
        loaded only if a selector may be a category that a plugin's rules bring."""
        ids = [rule_id for rule_id, _path in discover(rulecache.pack_dirs(self.host, self.config))] + list(
            ENGINE_CHECKS
        )
        unknown = [
            s for s in selectors if s not in CATEGORIES and not any(specificity(s, i, None) is not None for i in ids)
        ]
        if unknown:
            categories = {r.category for r in self.ruleset.rules}
            unknown = [s for s in unknown if s not in categories]
        return unknown

    def selector_names(self) -> list[str]:
        """What a selector may name: rule ids, packs and categories (for "did you mean")."""
        ids = [rule_id for rule_id, _path in discover(rulecache.pack_dirs(self.host, self.config))]
        return sorted({*ids, *(i.split(".", 1)[0] for i in ids), *CATEGORIES, *ENGINE_CHECKS})

    def lint(self, doc: Document) -> list[Finding]:
        """All findings for one Document, filtered and sorted."""
        rules = self._rules_for(doc.path)
        if not rules:
            return []
        if self.config.language != "auto" and doc.declared_language is None:
            doc.declared_language = self.config.language
        hits = self.ruleset.terms.scan(doc)
        findings = [
            _failed(doc, rule_id, "its regular expression ran out of time") for rule_id in hits.get(TIMED_OUT, ())
        ]
        for rule in rules:
            # One rule (a plugin's, a user's pattern) failing on one document must not cost the
            # run the other rules' findings or the other documents: it is reported as a finding.
            try:
                found = list(rule.run(doc, hits))
                # Most rules find nothing in most documents: no generator to build for those.
                problem = next(filter(None, (_malformed(doc, f) for f in found)), None) if found else None
            except (Exception, RecursionError) as exc:  # noqa: BLE001 - see above
                found, problem = [], f"{type(exc).__name__}: {exc}"[:300]
            if problem:
                found = [_failed(doc, rule.id, problem)]
            findings.extend(found)
        findings = [f for f in findings if not _sic(doc, f)]
        # Suppressions before the level filter: a suppression of a finding below --min-level
        # still suppresses something.
        if doc.directives:
            findings = [f for f in findings if not _suppressed(doc, f)]
            findings.extend(self._unused_suppressions(doc, rules))
        findings = [f for f in findings if LEVEL_RANK[f.severity] >= self.min_rank]
        findings.sort(key=lambda f: (f.start, f.rule, f.end))
        return findings

    def lint_text(
        self, text: str, path: str = "-", markup: str | None = None, date: Any = None, record: Any = None
    ) -> list[Finding]:
        """Lint one text: the one path every document takes (serial runs, --jobs workers, Dask)."""
        kind = markup or markup_for(path)
        # Deferred for start-up: a run served by the result cache never builds a Document.
        from factlint.document import Document

        if text.startswith("\ufeff"):  # the Document drops a BOM: offsets stay the caller's text's
            return [_shifted(f) for f in self.lint_text(text[1:], path, markup, date, record)]
        back = None
        if native.rust is not None:  # lone surrogates, which the Rust core cannot read: see masked
            text, back = native.masked(text)
        findings = self.lint(Document(text, path=path, markup_kind=kind, date=date, record=record))
        return findings if back is None else [_unmasked(f, back) for f in findings]

    def lint_source(self, source: Source) -> list[Finding]:
        """Lint one Source (a file's text, standard input or a corpus record)."""
        return self.lint_text(source.text or "", source.display, source.markup, source.meta.get("date"), source.record)

    def _file_ignores(self, path: str) -> list[str]:
        ignores: list[str] = []
        for pattern, selectors in self.config.per_file_ignores.items():
            if fnmatch(path, pattern) or fnmatch(path.rsplit("/", 1)[-1], pattern):
                ignores.extend(selectors)
        return ignores

    def _rules_for(self, path: str) -> list[Any]:
        ignores = self._file_ignores(path)
        if not ignores:
            return self.rules
        return [r for r in self.rules if best(ignores, r.id, r.category) is None]

    def _unused_suppressions(self, doc: Document, rules: list[Any]) -> list[Finding]:
        """Findings for directives that suppressed nothing although every rule they name ran."""
        check = UNUSED_SUPPRESSION
        if not is_selected(check.id, check.category, self.config.select, self.config.ignore):
            return []
        if best(self._file_ignores(doc.path), check.id, check.category) is not None:
            return []
        enabled = {r.id for r in rules}
        out = []
        for d in doc.directives:
            if d.used or d.kind == "enable":
                continue
            named = {
                r.id for r in self.ruleset.rules if not d.selectors or best(d.selectors, r.id, r.category) is not None
            }
            if not named or not named <= enabled:
                continue
            end = d.start + len(doc.text[d.start : d.end].rstrip())
            message = check.spec.message.replace("%s", ", ".join(d.selectors) or "all rules")
            out.append(finding_at(doc, d.start, end, check.id, check.category, check.level, message))
        return out


def _unmasked(f: Finding, back: dict[int, int]) -> Finding:
    """A finding in a masked text (native.masked) with the text's own characters again."""
    return dataclasses.replace(
        f,
        message=f.message.translate(back),
        match=f.match.translate(back),
        suggestions=[s.translate(back) for s in f.suggestions],
    )


def _shifted(f: Finding) -> Finding:
    """A finding of a text after a leading BOM, its offsets moved onto the text with the BOM (so
    that text[start:end] is the match); lines and columns stay as an editor shows them."""
    return dataclasses.replace(f, start=f.start + 1, end=f.end + 1)


def _failed(doc: Document, rule_id: str, problem: str) -> Finding:
    check = RULE_FAILED
    message = check.spec.message.replace("%s", rule_id, 1).replace("%s", problem, 1)
    return finding_at(doc, 0, 0, check.id, check.category, check.level, message)


def _malformed(doc: Document, f: Any) -> str | None:
    """What is wrong with a finding a rule returned, or None."""
    if not isinstance(f, Finding):
        return f"it returned {type(f).__name__}, not a Finding"
    if f.severity not in LEVEL_RANK:
        return f"a finding with the unknown level {f.severity!r}"
    if not (isinstance(f.start, int) and isinstance(f.end, int) and 0 <= f.start <= f.end <= len(doc.text)):
        return f"a finding at {f.start!r}..{f.end!r}, outside the document"
    return None


def _suppressed(doc: Document, finding: Finding) -> bool:
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


def _sic(doc: Document, finding: Finding) -> bool:
    """`Asherites [sic]`: the writer says the spelling is intended (a quotation)."""
    return finding.category == "transcription" and _SIC.match(doc.text, finding.end) is not None


def _names(directive: Any, finding: Finding) -> bool:
    return not directive.selectors or best(directive.selectors, finding.rule, finding.category) is not None


def lint_text(
    text: str, path: str = "-", markup: str | None = None, config: Config | None = None, **kw: Any
) -> list[Finding]:
    """Lint one string with the shipped packs (or `config`); the simplest public entry point."""
    return Linter(config or Config()).lint_text(text, path=path, markup=markup, **kw)
