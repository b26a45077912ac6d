"""Baselines: record the findings a legacy text already has, then report only new ones.

    factlint check docs/ --write-baseline .factlint-baseline.json
    factlint check docs/ --baseline .factlint-baseline.json

A finding is keyed on its path, rule, matched text and *occurrence index* — the n-th finding of
that (path, rule, match) in the file, in text order — never on line numbers, which move with
every edit above them. Paths are stored relative to the baseline file's folder with '/', so a
baseline works from any working directory and on any OS. The file is JSON:

    {"version": 1, "findings": [{"path": "docs/a.md", "rule": "Names.Transcriptions",
                                 "match": "Asherites", "occurrence": 0}, …]}

(corpus records add "record": the record id).

Both take part in a run as plugins (BaselinePlugin for --baseline, WriteBaselinePlugin for
--write-baseline; registered by factlint.builtin).
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from typing import TYPE_CHECKING

from factlint.atomic import atomic_write
from factlint.errors import UserError, warn
from factlint.plugin import hookimpl

if TYPE_CHECKING:
    from factlint.run import Results, Run

VERSION = 1


def _base(baseline_path):
    return os.path.dirname(os.path.abspath(baseline_path))


def _rel(path, base):
    if path == "<stdin>":
        return path
    return os.path.relpath(os.path.abspath(path), base).replace(os.sep, "/")


def keys(findings, base):
    """(key, finding) for each finding; key = (path, record, rule, match, occurrence)."""
    seen = Counter()
    out = []
    for f in sorted(findings, key=lambda f: (f.start, f.rule, f.end)):
        ident = (_rel(f.path, base), f.record, f.rule, f.match)
        out.append((ident + (seen[ident],), f))
        seen[ident] += 1
    return out


class Baseline:
    """A loaded baseline; `keep(source, findings)` drops the baselined ones (the whole file's
    findings must be passed, so that occurrence indices count every finding)."""

    def __init__(self, path, entries):
        self.path = path
        self.base = _base(path)
        self.entries = set(entries)
        self._matched = {}  # (path, record) -> baseline keys matched by the latest keep()

    @classmethod
    def load(cls, path):
        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
        except FileNotFoundError:
            raise UserError("baseline file not found (create it with --write-baseline)", path) from None
        except OSError as exc:
            raise UserError(f"cannot read baseline: {exc.strerror}", path) from None
        except (ValueError, UnicodeDecodeError) as exc:
            raise UserError(f"invalid baseline: not JSON ({exc})", path) from None
        if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
            raise UserError(
                f"invalid baseline: expected a factlint baseline (version {VERSION}) with a 'findings' list", path
            )
        entries = []
        for n, item in enumerate(data["findings"], 1):
            try:
                entries.append((item["path"], item.get("record"), item["rule"], item["match"], int(item["occurrence"])))
            except (TypeError, KeyError, ValueError):
                raise UserError(f"invalid baseline: entry {n} needs path, rule, match and occurrence", path) from None
        return cls(path, entries)

    def keep(self, source, findings):
        out, matched = [], set()
        for key, f in keys(findings, self.base):
            if key in self.entries:
                matched.add(key)
            else:
                out.append(f)
        self._matched[(_rel(source.display, self.base), source.record)] = matched
        return out

    def gone(self):
        """Baselined findings of the documents linted in this run that no longer occur."""
        return sum(
            1
            for key in self.entries
            if (key[0], key[1]) in self._matched and key not in self._matched[(key[0], key[1])]
        )

    def finish(self):
        n = self.gone()
        if n:
            warn(f"{n} baselined finding(s) no longer occur (update the baseline with --write-baseline {self.path})")


def write(path, results):
    """Record every finding of `results` ([(Source, findings)]) in a new baseline file."""
    base = _base(path)
    entries = []
    for _src, findings in results:
        for key, _f in keys(findings, base):
            rel, record, rule, match, occurrence = key
            entry = {"path": rel, "rule": rule, "match": match, "occurrence": occurrence}
            if record is not None:
                entry["record"] = record
            entries.append(entry)
    entries.sort(key=lambda e: (e["path"], str(e.get("record", "")), e["rule"], e["match"], e["occurrence"]))
    text = json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False, indent=2) + "\n"
    try:
        atomic_write(path, text.encode("utf-8"))
    except OSError as exc:
        raise UserError(f"cannot write baseline: {exc.strerror or exc}", path) from None
    return len(entries)


class BaselinePlugin:
    """--baseline as a per-run plugin: a filter that drops the baselined findings."""

    def __init__(self, run: Run, path: str) -> None:
        self.path = path
        run.needs_all = True

    @hookimpl(tryfirst=True)  # the first filter: occurrences are counted among all findings
    def factlint_collect_results(self, run: Run, results: Results) -> None:
        run.filters.insert(0, Baseline.load(self.path))


class WriteBaselinePlugin:
    """--write-baseline as a per-run plugin: records every finding (after --fix); then none is
    reported and no filter applies."""

    def __init__(self, run: Run, path: str) -> None:
        self.path = path
        run.needs_all = True

    @hookimpl
    def factlint_process_results(self, run: Run, results: Results) -> None:
        n = write(self.path, results)
        print(f"Wrote {n} finding(s) to the baseline {self.path}.", file=sys.stderr)
        results[:] = [(src, []) for src, _fs in results]
        run.filters.clear()
