"""Corpus output for data teams: one row per record (`--format records`) and `--keep`/`--drop`
files split by `--drop-if` conditions, as datatrove's filters and dolma's taggers do.

Quality score (0-1, 1 clean): every line of the record's text takes the weight of the worst
finding touching it (error 1.0, warning 0.5, suggestion 0.1, none 0); the score is 1 minus the
mean weight over the record's lines. A record whose every line has an error scores 0.

`--drop-if` grammar: comma-separated conditions; a record is dropped if any holds:
    category            any finding of that category (`truncation`)
    category:level      a finding of that category at that level or above (`transcription:error`)
    Rule.Id             any finding of that rule (`Quality.Mojibake`)
    category>fraction   more than that share of the record's lines flagged in it (`boilerplate>0.3`)
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, Any

from factlint.errors import UserError
from factlint.findings import CATEGORIES, LEVEL_RANK, LEVELS, Finding

WEIGHTS = {"error": 1.0, "warning": 0.5, "suggestion": 0.1}


@dataclass(frozen=True)
class Condition:
    text: str  # as the user wrote it: the reason given for a drop
    category: str | None = None
    rule: str | None = None
    level: str | None = None
    above: float | None = None  # share of lines flagged, exclusive

    def holds(self, row: dict[str, Any]) -> bool:
        if self.rule is not None:
            return row["rules"].get(self.rule, 0) > 0
        if self.above is not None:
            return row["shares"].get(self.category, 0.0) > self.above
        worst = row["worst_by_category"].get(self.category)
        return worst is not None and LEVEL_RANK[worst] >= LEVEL_RANK[self.level or "suggestion"]


def parse_drop_if(spec: str) -> list[Condition]:
    """The conditions of a --drop-if value; a UserError names the first one that is wrong."""
    conditions = []
    for part in (p.strip() for p in spec.split(",")):
        if not part:
            continue
        if ">" in part:
            name, _, value = part.partition(">")
            try:
                above = float(value)
            except ValueError:
                above = -1.0
            if not 0.0 <= above <= 1.0:
                raise UserError(f"--drop-if: {part!r}: the share after '>' must be a number from 0 to 1")
            conditions.append(Condition(part, category=_category(name.strip(), part), above=above))
        elif ":" in part:
            name, _, level = part.partition(":")
            if level not in LEVELS:
                raise UserError(f"--drop-if: {part!r}: the level must be one of {', '.join(LEVELS)}")
            conditions.append(Condition(part, category=_category(name.strip(), part), level=level))
        elif "." in part:
            conditions.append(Condition(part, rule=part))
        else:
            conditions.append(Condition(part, category=_category(part, part)))
    if not conditions:
        raise UserError("--drop-if: no condition given")
    return conditions


def _category(name: str, part: str) -> str:
    if name not in CATEGORIES:
        raise UserError(f"--drop-if: {part!r}: no category {name!r} (categories: {', '.join(CATEGORIES)})")
    return name


def row(record_id: Any, path: str, line: int | None, text: str, findings: Iterable[Finding]) -> dict[str, Any]:
    """One record's row: counts per category and rule, worst level, shares of lines flagged per
    category and the quality score."""
    n_lines = max(1, len(text.splitlines()))
    categories: Counter = Counter()
    rules: Counter = Counter()
    worst = -1
    worst_by_category: dict[str, str] = {}
    line_weight: dict[int, float] = {}
    flagged: dict[str, set[int]] = {}
    for f in findings:
        categories[f.category] += 1
        rules[f.rule] += 1
        rank = LEVEL_RANK[f.severity]
        worst = max(worst, rank)
        if rank > LEVEL_RANK.get(worst_by_category.get(f.category, ""), -1):
            worst_by_category[f.category] = f.severity
        lines = range(f.line, max(f.line, f.end_line) + 1)
        flagged.setdefault(f.category, set()).update(lines)
        for n in lines:
            line_weight[n] = max(line_weight.get(n, 0.0), WEIGHTS[f.severity])
    quality = 1.0 - min(1.0, sum(line_weight.values()) / n_lines)
    return {
        "id": record_id,
        "path": path,
        "line": line,
        "findings": sum(categories.values()),
        "categories": dict(categories),
        "rules": dict(rules),
        "worst": LEVELS[worst] if worst >= 0 else None,
        "worst_by_category": worst_by_category,
        "lines": n_lines,
        "shares": {c: round(min(1.0, len(ls) / n_lines), 4) for c, ls in flagged.items()},
        "quality": round(quality, 4),
    }


def source_row(src: Any, fs: list[Finding]) -> dict[str, Any]:
    """The row of one linted Source (id: the record's, or the file's path for a file)."""
    record_id = src.record if src.record is not None else src.display
    return row(record_id, src.display, src.meta.get("line"), src.text or "", fs)


def verdict(conditions: list[Condition], r: dict[str, Any]) -> str | None:
    """The first condition that holds for a row (the reason to drop it), or None: keep it."""
    return next((c.text for c in conditions if c.holds(r)), None)


class AtomicLines:
    """A file written line by line that appears whole at close() (a temporary file in the same
    folder, then os.replace), or not at all if the run fails."""

    def __init__(self, path: str) -> None:
        # Deferred for start-up: tempfile imports random and shutil; only --keep/--drop need it.
        import tempfile

        self.path = os.path.realpath(path)
        folder, name = os.path.split(self.path)
        try:
            fd, self.tmp = tempfile.mkstemp(dir=folder or ".", prefix=f".{name}.", suffix=".factlint-tmp")
        except OSError as exc:
            raise UserError(f"cannot write: {exc.strerror}", path) from None
        self.fh: IO[bytes] = os.fdopen(fd, "wb")
        self.count = 0

    def write(self, data: bytes) -> None:
        self.fh.write(data if data.endswith(b"\n") else data + b"\n")
        self.count += 1

    def close(self, commit: bool = True) -> None:
        self.fh.close()
        if commit:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(self.tmp, 0o666 & ~umask)  # the usual permissions, not mkstemp's 0600
            os.replace(self.tmp, self.path)
        else:
            os.unlink(self.tmp)


class Splitter:
    """--keep/--drop: each linted record's original JSON with a `factlint` field added (the
    verdict, the reason, the quality score) goes to the keep or the drop file."""

    def __init__(self, conditions: list[Condition], keep: str | None, drop: str | None) -> None:
        self.conditions = conditions
        self.files = {"keep": AtomicLines(keep) if keep else None, "drop": AtomicLines(drop) if drop else None}
        self.counts: Counter = Counter()
        self.closed = False

    def add(self, raw: bytes | None, r: dict[str, Any]) -> None:
        reason = verdict(self.conditions, r)
        decision = "drop" if reason else "keep"
        self.counts[decision] += 1
        out = self.files[decision]
        if out is None:
            return
        import json  # deferred for start-up: only --keep/--drop need it (cached in sys.modules)

        obj = json.loads(raw) if raw is not None else {"id": r["id"]}
        obj["factlint"] = {"verdict": decision, "reason": reason, "quality": r["quality"], "worst": r["worst"]}
        out.write(json.dumps(obj, ensure_ascii=False).encode("utf-8"))

    def close(self, commit: bool = True) -> None:
        if self.closed:
            return
        self.closed = True
        for out in self.files.values():
            if out is not None:
                out.close(commit)
