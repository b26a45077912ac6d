"""Corpus input (issue 5): JSON lines, gzip and Parquet records, malformed records, findings
streamed out with the record id, statistics with the documents' share, the progress line."""

import gzip
import io
import json
import sys

import pytest
from conftest import SEED, SHARED

BBC_JSONL = SHARED / "corpus/bbc.jsonl"


def bbc_records(n, step=7):
    """n real BBC records, every step-th one (a mix of categories)."""
    out = []
    with open(BBC_JSONL, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i % step == 0:
                out.append(json.loads(line))
                if len(out) == n:
                    break
    return out


def write_jsonl(path, records, opener=open):
    with opener(path, "wt", encoding="utf-8") as fh:
        for r in records:
            fh.write((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n")
    return path


def json_lines(out):
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.fixture
def corpus(tmp_path, seed_text):
    records = bbc_records(40) + [{"id": "seed", "text": seed_text}]
    return write_jsonl(tmp_path / "corpus.jsonl", records), records


def test_jsonl_records_linted_as_documents_with_their_id(cli, corpus, tmp_path):
    path, records = corpus
    code, out, err = cli(
        "check",
        str(path),
        "--input",
        "jsonl",
        "--text-field",
        "text",
        "--id-field",
        "id",
        "--format",
        "json-lines",
        "--no-cache",
    )
    assert code == 1, err
    findings = json_lines(out)
    assert {f["path"] for f in findings} == {str(path)}
    # Each record gives what the same text gives as a file of its own, positions inside the record.
    seed = [f for f in findings if f["id"] == "seed"]
    _, file_out, _ = cli("check", str(SEED), "--format", "json-lines", "--no-cache")
    alone = json_lines(file_out)
    where = ("path", "id", "record_line", "offset")
    strip = lambda fs: [{k: v for k, v in f.items() if k not in where} for f in fs]  # noqa: E731
    assert strip(seed) == strip(alone) and len(seed) == 8
    # ... and say where in the corpus: the record's JSONL line, the offset in its text.
    assert {f["record_line"] for f in seed} == {len(records)}
    seed_text = records[-1]["text"]
    assert all(seed_text[f["offset"] :].startswith(f["match"]) for f in seed)
    # Findings come record by record, in corpus order.
    order = [r["id"] for r in records]
    ids = [f["id"] for f in findings]
    assert ids == sorted(ids, key=order.index)


def test_text_format_names_the_record_and_counts_documents(cli, corpus):
    path, records = corpus
    code, out, _ = cli("check", str(path))  # .jsonl is a corpus without --input
    lines = out.strip().splitlines()
    _, alone, _ = cli("check", str(SEED))
    seed_lines = [line.replace(f"{SEED}:", f"{path}#seed:", 1) for line in alone.strip().splitlines()[:-1]]
    assert len(seed_lines) == 8 and all(line in lines for line in seed_lines)
    assert lines[-1].endswith(f"in {len(records)} documents of 1 file.")


def test_gzip_corpus_gives_the_same_findings(cli, corpus, tmp_path):
    path, records = corpus
    gz = write_jsonl(tmp_path / "corpus.jsonl.gz", records, opener=gzip.open)
    _, plain, _ = cli("check", str(path), "--format", "json-lines")
    _, packed, _ = cli("check", str(gz), "--format", "json-lines")
    assert json_lines(packed) == [dict(f, path=str(gz)) for f in json_lines(plain)]
    assert json_lines(packed)


def test_malformed_records_are_reported_with_line_and_skipped(cli, tmp_path, seed_text):
    good = bbc_records(3)
    lines = [
        good[0],
        '{"id": "broken", "text": "unterminated',  # line 2: bad JSON
        {"id": "num", "text": 42},  # line 3: text is not a string
        {"id": "notext", "body": "x"},  # line 4: missing field
        "",  # line 5: blank, ignored
        '["a", "list"]',  # line 6: not an object
        {"text": "no id here"},  # line 7: no id: linted as "line:7"
        {"id": "seed", "text": seed_text},  # line 8: still linted
    ]
    path = write_jsonl(tmp_path / "mixed.jsonl", lines)
    code, out, err = cli("check", str(path), "--format", "json-lines")
    assert code == 2  # input errors, as for an unreadable file
    assert f"{path}:2: invalid JSON" in err
    assert f"{path}:3: 'text' is a number, not a string; record skipped" in err
    assert f"{path}:4: no 'text' field" in err
    assert f"{path}:6: a record must be a JSON object" in err
    assert ":5:" not in err and ":7:" not in err
    assert err.strip().splitlines()[-1] == f"factlint: {path}: 4 malformed records skipped"
    assert "seed" in {f["id"] for f in json_lines(out)}  # the run went on past them


def test_custom_field_names(cli, tmp_path, seed_text):
    path = write_jsonl(tmp_path / "c.jsonl", [{"doc": 7, "body": seed_text}])
    code, out, err = cli("check", str(path), "--text-field", "body", "--id-field", "doc", "--format", "json-lines")
    assert code == 1, err
    assert {f["id"] for f in json_lines(out)} == {7}


def test_corpus_from_standard_input(cli, seed_text):
    data = json.dumps({"id": "s1", "text": seed_text}) + "\n"
    code, out, _ = cli("check", "-", "--input", "jsonl", "--format", "json-lines", input=data)
    assert code == 1
    assert {(f["path"], f["id"]) for f in json_lines(out)} == {("<stdin>", "s1")}


def test_directory_of_corpora_with_input_jsonl(cli, tmp_path, seed_text):
    folder = tmp_path / "shards"
    folder.mkdir()
    write_jsonl(folder / "b.jsonl.gz", [{"id": "b1", "text": seed_text}], opener=gzip.open)
    write_jsonl(folder / "a.jsonl", [{"id": "a1", "text": seed_text}])
    (folder / "notes.txt").write_text("Not a corpus.\n", encoding="utf-8")
    code, out, _ = cli("check", str(folder), "--input", "jsonl", "--format", "json-lines")
    ids = [f["id"] for f in json_lines(out)]
    assert ids == ["a1"] * 8 + ["b1"] * 8


def test_parquet(cli, tmp_path, seed_text):
    pa = pytest.importorskip("pyarrow")  # the optional extra; the next test covers its absence
    import pyarrow.parquet as pq

    records = bbc_records(30) + [{"id": "seed", "text": seed_text}]
    table = pa.table({"id": [r["id"] for r in records] + ["nulltext"], "text": [r["text"] for r in records] + [None]})
    path = tmp_path / "c.parquet"
    pq.write_table(table, path, row_group_size=7)
    jsonl = write_jsonl(tmp_path / "c.jsonl", records)
    code, out, err = cli("check", str(path), "--format", "json-lines")
    assert code == 2 and f"{path}:32: 'text' is null, not a string; record skipped" in err
    _, expected, _ = cli("check", str(jsonl), "--format", "json-lines")
    assert json_lines(out) == [dict(f, path=str(path)) for f in json_lines(expected)]
    code, _, err = cli("check", str(path), "--text-field", "body")
    assert code == 2 and "no column 'body'" in err


def test_parquet_without_pyarrow_says_what_to_install(cli, tmp_path, monkeypatch):
    path = tmp_path / "c.parquet"
    path.write_bytes(b"PAR1")
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # what `import pyarrow` sees when absent
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    code, out, err = cli("check", str(path))
    assert code == 2
    assert "install factlint[parquet]" in err
    assert "Traceback" not in err


def test_findings_are_streamed_while_records_are_read(tmp_path, seed_text, monkeypatch):
    """A streaming formatter sees each record's findings before the next records are read."""
    import factlint.corpus
    from factlint.config import Config
    from factlint.run import RunOptions, run

    n = 30
    path = write_jsonl(tmp_path / "c.jsonl", [{"id": i, "text": seed_text} for i in range(n)])
    read = [0]
    real = factlint.corpus.read_records

    def counting(*args, **kw):
        for rec in real(*args, **kw):
            read[0] += 1
            yield rec

    monkeypatch.setattr(factlint.corpus, "read_records", counting)
    seen = []  # records read when each finding reached the formatter

    class Probe:
        streaming = True

        def __call__(self, report, stream):
            assert not isinstance(report.findings, list)
            for f in report.findings:
                seen.append((f.record, read[0]))

    import types

    import pluggy

    plugin = types.SimpleNamespace(factlint_formatters=pluggy.HookimplMarker("factlint")(lambda: {"probe": Probe()}))
    config = Config()
    config.plugins = [plugin]
    assert run([str(path)], config, RunOptions(fmt="probe", jobs=1)) == 1
    assert len(seen) == 8 * n
    assert all(records_read <= record + 1 for record, records_read in seen)


def test_statistics_show_the_share_of_documents(cli, corpus):
    path, records = corpus
    code, out, _ = cli("check", str(path), "--statistics", "--format", "text")
    table = out[out.index("\nrule ") + 1 :]
    header = table.splitlines()[0].split()
    assert header == ["rule", "findings", "documents", "share"]
    rows = {line.split()[0]: line.split() for line in table.splitlines()[1:] if line.strip() and "." in line.split()[0]}
    _, jl, _ = cli("check", str(path), "--format", "json-lines")
    flagged = {}
    for f in json_lines(jl):
        flagged.setdefault(f["rule"], set()).add(f["id"])
    assert set(rows) == set(flagged)
    for rule, ids in flagged.items():
        _, count, docs, share = rows[rule]
        assert int(docs) == len(ids)
        assert share == f"{100.0 * len(ids) / len(records):.1f}%"


def test_progress_only_on_a_terminal_and_never_in_ci(monkeypatch):
    from factlint.parallel import Progress

    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("CI", raising=False)
    tty = Tty()
    p = Progress(total_bytes=2_000_000, stream=tty, delay=0, interval=0)
    p.update(1, 1_000_000)
    p.close()
    assert "factlint: 1 documents, 1.0 MB, 50%" in tty.getvalue()
    assert tty.getvalue().endswith("\r\x1b[K")  # the line is cleared at the end
    pipe = io.StringIO()  # not a terminal
    p = Progress(stream=pipe, delay=0, interval=0)
    p.update(1, 10)
    p.close()
    assert pipe.getvalue() == ""
    monkeypatch.setenv("CI", "true")
    tty = Tty()
    p = Progress(stream=tty, delay=0, interval=0)
    p.update(1, 10)
    assert tty.getvalue() == ""


def test_short_runs_show_no_progress(monkeypatch):
    from factlint.parallel import Progress

    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("CI", raising=False)
    tty = Tty()
    p = Progress(stream=tty)  # the default delay: a run shorter than a second shows nothing
    p.update(1, 10)
    p.close()
    assert tty.getvalue() == ""
