"""Lint corpora on a Dask cluster (`pip install 'factlint[dask]'`).

    lint_bag(bag, config)            -> Bag of finding dicts (Finding.to_dict(), with "id")
    lint_dataframe(ddf, config)      -> dask DataFrame, one row per finding (needs pandas)
    check_shards(paths, output_dir)  -> lints sharded JSONL / Parquet files, one findings shard
                                        (JSON lines) per input shard; `factlint dask-check`

Work is done partition by partition (map_partitions): a worker process builds its Linter once,
from the compiled-rules cache, and keeps it for every later partition with the same
configuration. Each record is linted exactly as `factlint check` lints it, so the findings equal
a serial run's.

(Named daskbag, not dask: a module called dask inside the package shadowed the real package
for scripts started in the package folder.)
"""

from __future__ import annotations

import glob
import importlib
import json
import os

from factlint.config import Config
from factlint.corpus import JSONL_SUFFIXES, PARQUET_SUFFIXES, corpus_kind, read_records
from factlint.engine import Linter
from factlint.errors import UserError
from factlint.findings import LEVEL_RANK

_LINTERS = {}  # per worker process: configuration key -> Linter
MAX_MESSAGES = 20  # malformed-record messages sent back per shard (the count is always exact)


def _require(module, what):
    try:
        return importlib.import_module(module)
    except ImportError:
        raise UserError(
            f"{what} needs {module.split('.')[0]}: install factlint[dask] (pip install 'factlint[dask]')"
        ) from None


def _config_key(config):
    return repr(
        (
            config.fingerprint(),
            config.select,
            sorted(config.ignore),
            config.min_level,
            sorted(config.per_file_ignores.items()),
        )
    )


def worker_linter(config):
    """The Linter for `config` in this process, built once."""
    key = _config_key(config)
    linter = _LINTERS.get(key)
    if linter is None:
        linter = _LINTERS[key] = Linter(config)
    return linter


def _default_config(config):
    if config is not None:
        return config
    return Config.discover()


def _lint_record(linter, text, record_id, path, date=None):
    return linter.lint_text(text, path, "text", date, record_id)


# -- bags and data frames ---------------------------------------------------------------------
def _lint_items(items, config, text_field, id_field, path):
    linter = worker_linter(config)
    out = []
    for item in items:
        if isinstance(item, dict):
            text, record_id = item[text_field], item.get(id_field)
        elif isinstance(item, (tuple, list)) and len(item) == 2:
            record_id, text = item
        else:
            text, record_id = item, None
        out.extend(f.to_dict() for f in _lint_record(linter, text, record_id, path))
    return out


def lint_bag(bag, config=None, text_field="text", id_field="id", path="<dask>"):
    """Findings (as dicts) for a Bag whose items are records (dicts with `text_field` and
    `id_field`), (id, text) pairs or plain texts."""
    return bag.map_partitions(_lint_items, _default_config(config), text_field, id_field, path)


FINDING_COLUMNS = (
    "id",
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "rule",
    "category",
    "severity",
    "message",
    "match",
    "suggestions",
    "fixable",
)


def _findings_frame(rows):
    import pandas as pd  # an optional dependency (dask[dataframe])

    frame = pd.DataFrame(rows, columns=list(FINDING_COLUMNS))
    for column in ("line", "column", "end_line", "end_column"):
        frame[column] = frame[column].astype("int64")
    frame["fixable"] = frame["fixable"].astype(bool)
    return frame


def _lint_frame(part, config, text_column, id_column, path):
    linter = worker_linter(config)
    rows = []
    ids = part[id_column] if id_column in part.columns else part.index
    for record_id, text in zip(ids.tolist(), part[text_column].tolist()):
        if isinstance(text, str):
            for f in _lint_record(linter, text, record_id, path):
                d = f.to_dict()
                rows.append([d.get(c, record_id if c == "id" else None) for c in FINDING_COLUMNS])
    return _findings_frame(rows)


def lint_dataframe(ddf, config=None, text_column="text", id_column="id", path="<dask>"):
    """A dask DataFrame with one row per finding (columns FINDING_COLUMNS) for a DataFrame of
    texts; without `id_column`, the index is the record id."""
    return ddf.map_partitions(
        _lint_frame, _default_config(config), text_column, id_column, path, meta=_findings_frame([])
    )


# -- sharded corpora (factlint dask-check) ----------------------------------------------------
def expand(patterns):
    """Shard paths for glob patterns or paths, sorted, without duplicates."""
    paths = []
    for pattern in patterns:
        found = (
            sorted(glob.glob(pattern)) if glob.has_magic(pattern) else ([pattern] if os.path.exists(pattern) else [])
        )
        if not found:
            raise UserError("no such file (or no file matches)", pattern)
        paths.extend(p for p in found if p not in paths)
    return paths


def output_names(paths):
    """One findings file name per shard: the shard's name without its corpus suffix, made unique."""
    names, seen = [], set()
    for path in paths:
        base = os.path.basename(path)
        for suffix in sorted(JSONL_SUFFIXES + PARQUET_SUFFIXES, key=len, reverse=True):
            if base.lower().endswith(suffix):
                base = base[: -len(suffix)]
                break
        name, n = f"{base}.findings.jsonl", 1
        while name in seen:
            n += 1
            name = f"{base}-{n}.findings.jsonl"
        seen.add(name)
        names.append(name)
    return names


def lint_shard(path, output, config, kind="auto", text_field="text", id_field="id", date=None):
    """Lint one corpus shard and write its findings (JSON lines) to `output` (atomically).
    Returns a summary dict: records, findings, failing rank, skipped count and messages."""
    linter = worker_linter(config)
    summary = {
        "shard": path,
        "output": output,
        "records": 0,
        "findings": 0,
        "worst": -1,
        "skipped": 0,
        "messages": [],
        "error": None,
    }

    def skip(line, message):
        summary["skipped"] += 1
        if len(summary["messages"]) < MAX_MESSAGES:
            summary["messages"].append(f"{path}:{line}: {message}; record skipped")

    tmp = f"{output}.{os.getpid()}.tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as out:
            for rec in read_records(path, corpus_kind(path, kind) or "jsonl", text_field, id_field, skip):
                summary["records"] += 1
                for f in _lint_record(linter, rec.text, rec.id, path, date):
                    f.record_line = rec.line  # as `factlint check` reports it
                    out.write(json.dumps(f.to_dict(), ensure_ascii=False) + "\n")
                    summary["findings"] += 1
                    summary["worst"] = max(summary["worst"], LEVEL_RANK[f.severity])
        os.replace(tmp, output)
    except UserError as exc:  # an unreadable shard: reported, the other shards go on
        summary["error"] = str(exc)
        if os.path.exists(tmp):
            os.unlink(tmp)
    return summary


def check_shards(
    patterns, output_dir, config=None, scheduler=None, kind="auto", text_field="text", id_field="id", date=None
):
    """Lint every shard on Dask, one task per shard; `scheduler` is a distributed scheduler
    address ("tcp://host:8786"), or None for Dask's local process pool. Returns the shards'
    summaries in input order."""
    db = _require("dask.bag", "dask-check")
    config = _default_config(config)
    paths = expand(patterns)
    os.makedirs(output_dir, exist_ok=True)
    outputs = [os.path.join(output_dir, name) for name in output_names(paths)]
    bag = db.from_sequence(list(zip(paths, outputs)), npartitions=len(paths))
    tasks = bag.starmap(lint_shard, config=config, kind=kind, text_field=text_field, id_field=id_field, date=date)
    if scheduler:
        distributed = _require("distributed", "--scheduler")
        with distributed.Client(scheduler) as client:
            return client.compute(tasks).result()
    return tasks.compute(scheduler="processes")
