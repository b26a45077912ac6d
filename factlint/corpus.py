"""Corpus input: one document per record of a JSON-lines file (`.jsonl`, `.jsonl.gz`) or a Parquet
file, read as a stream in constant memory.

    read_records(path, kind, text_field, id_field, skip) -> iterator of Record

A malformed record (bad JSON, not an object, a missing field, text that is not a string) is
passed to `skip(line, message)` and left out; reading goes on. `line` is the 1-based line of a
JSON-lines file or the 1-based row of a Parquet file.
"""

import re
import sys

from factlint.errors import InputError

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
PARQUET_SUFFIXES = (".parquet", ".pq")
KINDS = ("jsonl", "parquet")
# What a directory is searched for when --input names a corpus format.
GLOBS = {"jsonl": ("*.jsonl", "*.jsonl.gz", "*.ndjson", "*.ndjson.gz"), "parquet": ("*.parquet", "*.pq")}
# Rows per Parquet batch: large enough to amortise Arrow's per-batch cost, small enough to stream.
_PARQUET_BATCH = 1024


class Record:
    # raw: the record's JSON line as read (bytes), for --keep/--drop; None for Parquet rows
    __slots__ = ("line", "id", "text", "offset", "raw")

    def __init__(self, line, record_id, text, offset, raw=None):
        self.line, self.id, self.text, self.offset, self.raw = line, record_id, text, offset, raw


def corpus_kind(name, requested="auto"):
    """'jsonl', 'parquet' or None (an ordinary text file) for an input name and --input."""
    if requested in KINDS:
        return requested
    if requested != "auto":
        return None
    low = str(name).lower()
    if low.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if low.endswith(PARQUET_SUFFIXES):
        return "parquet"
    return None


def read_records(path, kind, text_field="text", id_field="id", skip=None):
    """Yield Records of a corpus file ('-' is standard input, JSON lines only)."""
    skip = skip or (lambda line, message: None)
    if kind == "parquet":
        return _parquet_records(path, text_field, id_field, skip)
    return _jsonl_records(path, text_field, id_field, skip)


def _open_jsonl(path):
    if path == "-":
        return sys.stdin.buffer, None
    try:
        raw = open(path, "rb")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    if raw.read(2) == b"\x1f\x8b":  # gzip's magic number, whatever the file is called
        import gzip  # deferred for start-up: only compressed corpora need it

        raw.seek(0)
        return gzip.GzipFile(fileobj=raw, mode="rb"), raw
    raw.seek(0)
    return raw, raw


def _jsonl_records(path, text_field, id_field, skip):
    import json  # deferred for start-up: a run over text files never needs it

    stream, raw = _open_jsonl(path)
    line_no = 0
    try:
        while True:
            try:
                data = stream.readline(MAX_RECORD_BYTES + 1)
                too_long = len(data) > MAX_RECORD_BYTES
                while data and too_long and not data.endswith(b"\n"):  # skip the rest of the line, a piece at a time
                    data = stream.readline(MAX_RECORD_BYTES)
            except Exception as exc:  # noqa: BLE001 - a truncated or corrupt .gz: EOFError, OSError, zlib.error
                raise InputError(f"cannot read past line {line_no}: {exc}", path) from None
            if not data:
                break
            line_no += 1
            if too_long:
                skip(line_no, f"a record longer than {MAX_RECORD_BYTES // 1024 // 1024} MB")
                continue
            if not data.strip():
                continue
            try:
                obj = json.loads(data)
            except UnicodeDecodeError:
                skip(line_no, "not valid UTF-8")
                continue
            except RecursionError:
                skip(line_no, "nested too deeply")
                continue
            except ValueError as exc:
                skip(line_no, f"invalid JSON ({exc.msg if hasattr(exc, 'msg') else exc})")
                continue
            record = _record(obj, line_no, text_field, id_field, skip)
            if record is not None:
                record.raw = data
                # Where the raw file stands (compressed bytes for .gz): for progress reports.
                record.offset = raw.tell() if raw is not None else 0
                yield record
    finally:
        if raw is not None:
            stream.close()
            raw.close()


def _record(obj, line, text_field, id_field, skip):
    if not isinstance(obj, dict):
        skip(line, f"a record must be a JSON object, not {_json_type(obj)}")
        return None
    if text_field not in obj:
        skip(line, f"no {text_field!r} field (see --text-field)")
        return None
    text = obj[text_field]
    if not isinstance(text, str):
        skip(line, f"{text_field!r} is {_json_type(text)}, not a string")
        return None
    if id_field not in obj:  # datatrove and dolma shards need not carry ids: name it by its line
        return Record(line, f"line:{line}", text, 0)
    record_id = obj[id_field]
    if isinstance(record_id, (dict, list)) or record_id is None:
        skip(line, f"{id_field!r} is {_json_type(record_id)}, not a string or number")
        return None
    if isinstance(record_id, str):
        record_id = _LONE_SURROGATE.sub("\ufffd", record_id)
    # A lone surrogate ("\ud800" in JSON) cannot be written in any output: U+FFFD keeps the offsets.
    return Record(line, record_id, _LONE_SURROGATE.sub("\ufffd", text), 0)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_RECORD_BYTES = 32 * 1024 * 1024  # as inputs.MAX_BYTES: the largest document linted


def _json_type(value):
    if value is None:
        return "null"
    return {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "an array",
        dict: "an object",
    }.get(type(value), type(value).__name__)


def _parquet_records(path, text_field, id_field, skip):
    try:
        import pyarrow.parquet as pq  # an optional dependency (factlint[parquet])
    except ImportError:
        raise InputError(
            "reading Parquet needs pyarrow: install factlint[parquet] (pip install 'factlint[parquet]')", path
        ) from None
    try:
        pfile = pq.ParquetFile(path)
    except Exception as exc:  # noqa: BLE001 - pyarrow raises several types for a bad file
        raise InputError(f"cannot read as Parquet: {exc}", path) from None
    names = pfile.schema_arrow.names
    for column, option in ((text_field, "--text-field"), (id_field, "--id-field")):
        if column not in names:
            raise InputError(f"no column {column!r} (columns: {', '.join(names)}; see {option})", path)
    row = 0
    for batch in pfile.iter_batches(batch_size=_PARQUET_BATCH, columns=[text_field, id_field]):
        texts = batch.column(0).to_pylist()
        ids = batch.column(1).to_pylist()
        for text, record_id in zip(texts, ids):
            row += 1
            if not isinstance(text, str):
                skip(row, f"{text_field!r} is {_json_type(text)}, not a string")
                continue
            if record_id is None:
                skip(row, f"{id_field!r} is null")
                continue
            yield Record(row, record_id, text, 0)
