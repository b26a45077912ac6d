"""The language server's only door into factlint's internals.

Everything the server needs from the engine goes through this module: configuration discovery,
building and caching Linters, linting a buffer, the safe fixes of `--fix`, suppression comment
syntax, the `explain` text and knowledge-base look-ups. When the engine, CLI or run modules are
restructured, this is the one file to repoint.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from factlint import inputs
from factlint.config import Config, find_config
from factlint.engine import Linter
from factlint.errors import UserError
from factlint.fixes import edits_for
from factlint.ruleset import read_yaml

log = logging.getLogger("factlint.server")

CONFIG_NAMES = (".factlint.yaml", ".factlint.yml", "pyproject.toml")
RULE_SUFFIXES = (".yml", ".yaml", ".txt")  # rule files and the data tables they read


@dataclass
class Problem:
    """A configuration or rule-pack error, to be shown as one diagnostic on its file."""

    path: str
    line: int  # 1-based; 1 when the error names no line
    message: str


@dataclass
class Result:
    findings: list = field(default_factory=list)
    links: dict = field(default_factory=dict)  # rule id -> link, for codeDescription
    problem: Problem | None = None  # set when the document was linted with the fallback rules


def markup_for(path: str, language_id: str = "") -> str:
    """Markdown for `.md`/`.markdown` files and languageId markdown; everything else plain text."""
    if language_id.lower() in ("markdown", "mdx"):
        return "markdown"
    return inputs.markup_for(path)


def _problem(exc: Exception, default_path: str) -> Problem:
    path = getattr(exc, "path", None) or default_path
    return Problem(str(path), int(getattr(exc, "line", None) or 1), getattr(exc, "message", None) or str(exc))


class Engine:
    """Linters cached per configuration file (documents in one project share one), rebuilt on
    `reload()`. Not thread-safe by design: the server calls it from one worker thread."""

    def __init__(self) -> None:
        self._linters: dict = {}  # config path (or None) -> (Linter or None, Problem or None, pack folders)
        self._fallback = None
        self._tables: dict = {}

    def reload(self) -> None:
        """Forget every Linter and table: the next lint re-reads configuration and packs."""
        self._linters.clear()
        self._fallback = None
        self._tables.clear()

    # -- configuration and linters ---------------------------------------------------------------
    def _linter_for(self, folder: str):
        """(Linter or None, Problem or None) for documents in `folder`."""

        try:
            key = find_config(Path(folder))
        except OSError:
            key = None
        key = str(key) if key else None
        if key not in self._linters:
            self._linters[key] = self._build(folder, key)
        linter, problem, _packs = self._linters[key]
        return linter, problem

    def _build(self, folder: str, key: str | None):

        packs: list = []  # kept when the rules fail, so that fixing a pack file reloads them
        try:
            config = Config.discover(start=folder)
            packs = list(config.packs)
            return Linter(config), None, packs
        except UserError as exc:
            problem = _problem(exc, key or folder)
            if key and not os.path.isfile(problem.path):
                # e.g. a pack folder that does not exist: the config file is what to edit.
                problem = Problem(key, 1, str(exc))
        except Exception as exc:  # noqa: BLE001 - a plugin's bug must not take the server down
            log.exception("building the linter for %s failed", folder)
            problem = Problem(key or folder, 1, f"factlint could not load its rules: {exc}")
        return self._fallback_linter(), problem, packs

    def _fallback_linter(self):
        """The built-in rules with default settings, for documents whose configuration is broken."""
        if self._fallback is None:
            try:
                self._fallback = Linter(Config())
            except Exception:  # noqa: BLE001 - even the built-in rules failed: lint nothing
                log.exception("the built-in rules failed to load")
                self._fallback = False
        return self._fallback or None

    def problems(self) -> list:
        """The configuration and rule-pack errors of the cached linters."""
        return [problem for _linter, problem, _packs in list(self._linters.values()) if problem is not None]

    def watched(self) -> tuple:
        """(config files, user pack folders) of the cached linters: edits there trigger reloads."""
        configs, packs = set(), set()
        for key, (_linter, problem, pack_dirs) in list(self._linters.items()):
            if key:
                configs.add(os.path.realpath(key))
            if problem:
                configs.add(os.path.realpath(problem.path))
            packs.update(os.path.realpath(p) for p in pack_dirs)
        return configs, packs

    def affects_rules(self, path: str) -> bool:
        """Whether a changed file may change the rules: any configuration file, or a file in a
        configured pack folder (or a file that is currently reported as broken)."""
        if Path(path).name in CONFIG_NAMES:
            return True
        real = os.path.realpath(path)
        configs, packs = self.watched()
        return real in configs or (
            real.endswith(RULE_SUFFIXES) and any(real.startswith(p.rstrip(os.sep) + os.sep) for p in packs)
        )

    # -- linting ---------------------------------------------------------------------------------
    def lint(self, text: str, path: str, folder: str, markup: str) -> Result:
        """Findings for a buffer. Offsets are into `text` as given (a leading BOM, which the
        Document drops, is counted back in)."""
        linter, problem = self._linter_for(folder)
        if linter is None:
            return Result(problem=problem)
        findings = linter.lint_text(text, path=_project_relative(path, linter.config.path), markup=markup)
        if text.startswith("\ufeff"):
            findings = [replace(f, start=f.start + 1, end=f.end + 1) for f in findings]
        links = {}
        for f in findings:
            rule = linter.by_id.get(f.rule)
            link = getattr(getattr(rule, "spec", None), "link", "") if rule else ""
            if link:
                links[f.rule] = link
        return Result(findings, links, problem)

    # -- fixes and suppressions ------------------------------------------------------------------
    @staticmethod
    def safe_edits(findings: list) -> list:
        """(start, end, replacement) of the unambiguous fixes, exactly as `--fix` picks them."""

        return edits_for(findings)

    @staticmethod
    def suppression(markup: str, rule_id: str) -> str:
        """The disable-next-line directive for one rule, in the document's syntax (see markup.py)."""
        if markup == "markdown":
            return f"<!-- factlint-disable-next-line {rule_id} -->"
        return f"# factlint-disable-next-line {rule_id}"

    # -- hover -----------------------------------------------------------------------------------
    def _rule(self, rule_id: str, folder: str):
        linter, _problem = self._linter_for(folder)
        return linter.by_id.get(rule_id) if linter is not None else None

    def explain(self, rule_id: str, folder: str) -> str:
        """What `factlint explain RULE` prints (cli.explain writes it inline with click.echo, so
        it is rebuilt here from the same fields; repoint when it becomes a function)."""
        rule = self._rule(rule_id, folder)
        if rule is None:
            return ""
        spec = rule.spec
        out = [f"{rule.id}  ({spec.extends}, {rule.level}, category {rule.category})"]
        if spec.description:
            out.append("\n" + spec.description.strip())
        if spec.link:
            out.append(f"\nMore: {spec.link}")
        for key, title in (("fail", "Flagged"), ("pass", "Not flagged")):
            items = (spec.examples or {}).get(key) or []
            if items:
                out.append(f"\n{title}:")
                out.extend(f"  - {(i if isinstance(i, str) else i['text']).strip()}" for i in items)
        return "\n".join(out)

    def knowledge(self, finding: Any, folder: str) -> dict | None:
        """The knowledge-base entry behind a date or name finding (a dict with a `source`), or
        None. Best effort: tables are looked up by the rule's `table:` key."""
        rule = self._rule(finding.rule, folder)
        table = getattr(getattr(rule, "spec", None), "options", {}).get("table") if rule else None
        if not table:
            return None
        try:
            entries = self._entries(str((Path(rule.spec.path).parent / table).resolve()))
        except Exception:  # noqa: BLE001 - a hover without the entry is still a hover
            log.exception("reading %s failed", table)
            return None
        if finding.category == "date":
            return _event_entry(entries, finding)
        return _name_entry(entries, finding)

    def _entries(self, path: str) -> list:
        if path not in self._tables:
            data = read_yaml(path)
            lists = [v for v in data.values() if isinstance(v, list)] if isinstance(data, dict) else [data]
            entries = [e for lst in lists if isinstance(lst, list) for e in lst]
            self._tables[path] = [e for e in entries if isinstance(e, dict) and e.get("source")]
        return self._tables[path]


def _project_relative(path: str, config_path: Any) -> str:
    """The path as `factlint check` run from the project root would show it, so that
    per-file-ignores patterns (`archive/*.md`) match in the editor too."""
    if not config_path or not os.path.isabs(path):
        return path
    rel = os.path.relpath(path, os.path.dirname(os.path.abspath(config_path)))
    return path if rel.startswith("..") else rel


def _strings(value: Any) -> list:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _event_entry(entries: list, finding: Any) -> dict | None:
    """The event a date finding is about: the message cites the event's source and name."""
    message = finding.message.lower()
    cited = [e for e in entries if str(e["source"]).lower() in message] or entries
    named = [e for e in cited if any(n.lower() in message for n in _strings([e.get("name"), e.get("aliases")]))]
    return named[0] if named else (cited[0] if len(cited) == 1 and cited is not entries else None)


def _name_entry(entries: list, finding: Any) -> dict | None:
    """The names-table entry holding the flagged form, else the one its suggestion names."""
    match = finding.match.strip().lower()
    for e in entries:
        if match in (s.lower() for s in _strings({k: v for k, v in e.items() if k not in ("why", "source")})):
            return e
    wanted = {s.lower() for s in finding.suggestions}
    for e in entries:
        if str(e.get("name", "")).lower() in wanted:
            return e
    return None
