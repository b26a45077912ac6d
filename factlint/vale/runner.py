"""A `factlint check` run in a folder that holds a Vale configuration: the Vale styles it names
run beside factlint's packs, on the same files.

Vale mode is `--format vale-line` or `--format vale-json` (with a Vale configuration found:
without one, these are plain formats of a factlint run): output and exit codes are Vale's
(0, or 1 when an error-level alert was reported, 2 for a configuration or input error), and
factlint's own packs join in only when a factlint configuration file is found too (so that a
Vale user's output matches Vale's line for line until they opt in). With any other format the
findings of both are reported with factlint's exit codes (`fail-level`).
"""

from __future__ import annotations

import os
import re
import sys
from bisect import bisect_right
from pathlib import Path

from factlint.engine import Linter
from factlint.errors import InputError, UserError
from factlint.findings import LEVEL_RANK
from factlint.formatters import Report
from factlint.inputs import collect, read_text
from factlint.run import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, warn
from factlint.selection import is_selected
from factlint.vale.ini import read_vale_config
from factlint.vale.scopes import DEFAULT_IGNORED, parse
from factlint.vale.styles import ValeStyles

VALE_FORMATS = ("vale-line", "vale-json")


class ValeDoc:
    """What a Vale kind needs of a document (factlint's Document does far more analysis)."""

    def __init__(self, text: str, path: str, markup: str):
        self.text, self.path, self.markup, self.record = text, path, markup, None
        self.memo: dict = {}
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1


def display_path(name: str) -> str:
    """Relative to the working folder with '/' (`vale --relative --normalize`), if inside it."""
    if name == "-":
        return "stdin.txt"  # Vale names standard input `stdin` + its default extension
    rel = os.path.relpath(os.path.abspath(name), os.getcwd())
    return Path(name).as_posix() if rel.startswith("..") else Path(rel).as_posix()


def silenced(comments: list, offset: int, rule_id: str) -> bool:
    """`<!-- vale off -->` ... `<!-- vale on -->`, `<!-- vale Style.Rule = NO -->` ... `= YES`."""
    off, rules = False, {}
    for at, directive in comments:
        if at > offset:
            break
        words = directive.replace(" ", "")
        if words == "off":
            off = True
        elif words == "on":
            off = False
        elif "=" in words:
            name, value = words.split("=", 1)
            rules[name] = value.upper() == "NO"
    return off or rules.get(rule_id, rules.get(rule_id.split(".", 1)[0], False))  # or `Style = NO`


def lint_file(doc: ValeDoc, rules: list, min_rank: int, ignores=((), ()), scopes=(None, None)) -> list:
    """The Vale findings of one document. `ignores`: (TokenIgnores, BlockIgnores) patterns;
    `scopes`: (SkippedScopes, IgnoredScopes) tags, None where Vale's defaults apply."""

    if ignores[0] or ignores[1] or scopes[0] or scopes[1] is not None:
        doc.memo["vale.parsed"] = parse(
            doc.text,
            doc.markup == "markdown",
            *ignores,
            skipped=scopes[0] or (),
            ignored=scopes[1] if scopes[1] is not None else DEFAULT_IGNORED,
        )
    findings = []
    for rule, level in rules:
        try:
            found = list(rule.run(doc, {}))
        except Exception as exc:  # noqa: BLE001 - one broken rule must not stop the run
            warn(f"{rule.spec.path}: rule {rule.id} failed on {doc.path}: {exc!r}; its findings are skipped")
            continue
        # Vale lints `raw` and `summary` after resetting its comment state: `<!-- vale off -->`
        # does not silence them.
        sized = all(str(s).strip() in ("raw", "summary") for s in getattr(rule, "scopes", ()))
        for f in found:
            f.severity = level
            if LEVEL_RANK[level] >= min_rank:
                findings.append((f, sized))
    parsed = doc.memo.get("vale.parsed") if findings else None
    if findings and parsed is None:
        parsed = parse(doc.text, doc.markup == "markdown")
    if parsed is not None and parsed.comments:
        return [f for f, sized in findings if sized or not silenced(parsed.comments, f.start, f.rule)]
    return [f for f, _sized in findings]


def run(paths, config, options, config_path) -> int:
    """Lint `paths` with the Vale configuration at `config_path` (and factlint's packs)."""

    vale_mode = options.fmt in VALE_FORMATS
    cfg = read_vale_config(Path(config_path))
    for note in cfg.notes:
        warn(note)
    linter = Linter(config, lazy=True)
    formatters = linter.host.formatters()
    if options.fmt not in formatters:
        raise UserError(f"unknown format {options.fmt!r} (available: {', '.join(sorted(formatters))})")
    styles = ValeStyles(cfg, linter.host.rule_kinds(), warn)
    with_factlint = not vale_mode or config.path is not None
    min_rank = LEVEL_RANK[cfg.min_level]
    files, errors = collect(paths, config, options.globs)
    for err in errors:
        warn(err)
    root = cfg.path.parent.resolve()
    styles_dir = cfg.styles_path.resolve()
    # The styles themselves (rule files, vocabularies) are configuration, not prose.
    files = [f for f in files if f == "-" or styles_dir not in Path(f).resolve().parents]
    findings, shown, rules = [], [], {}
    for name in sorted(files, key=display_path):
        try:
            text = read_text(name)
        except InputError as exc:
            warn(exc)
            errors.append(exc)
            continue
        shown_path = display_path(name)
        shown.append(shown_path)
        markup = "markdown" if name.lower().endswith((".md", ".markdown", ".mdx")) else "text"
        # --select / --ignore name Vale rules too (`House`, `House.Avoid`, `House.*`).
        file_rules = [
            (r, lvl)
            for r, lvl in styles.rules_for(*cfg.settings_for(name, root))
            if is_selected(r.id, r.category, config.select, config.ignore)
        ]
        rules.update((rule.id, rule) for rule, _level in file_rules)
        # CRLF and old-Mac CR line ends count as line breaks, as in Vale (columns do not move).
        vale_text = text.replace("\r\n", "\n").replace("\r", "\n")
        found = lint_file(
            ValeDoc(vale_text, shown_path, markup),
            file_rules,
            min_rank,
            cfg.ignores_for(name, root),
            (cfg.skipped_scopes, cfg.ignored_scopes),
        )
        if with_factlint:
            found += linter.lint_text(text, path=shown_path, markup=markup)
        # Vale's order: by line, then column (ties: by rule, for a stable output).
        found.sort(key=lambda f: (f.line, f.column, f.rule, f.message))
        findings += found
    report = Report(
        findings,
        shown,
        lambda: {**(linter.by_id if with_factlint else {}), **rules},
        statistics=options.statistics,
        fail_level=config.fail_level,
    )
    report.errors = errors
    stream = open(options.output_file, "w", encoding="utf-8") if options.output_file else sys.stdout
    try:
        formatters[options.fmt](report, stream)
    finally:
        if stream is not sys.stdout:
            stream.close()
    if errors:
        return EXIT_ERROR
    # Vale exits 1 only for error-level alerts; factlint's formats keep its fail-level.
    failing = LEVEL_RANK["error"] if vale_mode else LEVEL_RANK[config.fail_level]
    return EXIT_FINDINGS if any(LEVEL_RANK[f.severity] >= failing for f in findings) else EXIT_CLEAN
