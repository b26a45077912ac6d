"""factlint.daskbag on a real `distributed` cluster (two worker processes): `factlint dask-check`
over sharded JSONL and the Bag / DataFrame API give exactly the findings of a serial run and of
`--jobs 2` (issue 5)."""

import gzip
import json
from pathlib import Path

import pytest
from conftest import SEED, SHARED

BBC_JSONL = SHARED / "corpus/bbc.jsonl"


@pytest.fixture(scope="module")
def records():
    lines = BBC_JSONL.read_text(encoding="utf-8").splitlines()[::8]  # ~280 records, every category
    out = [json.loads(line) for line in lines]
    out.insert(len(out) // 2, {"id": "seed", "text": SEED.read_text(encoding="utf-8")})
    return out


@pytest.fixture(scope="module")
def shards(tmp_path_factory, records):
    """Three shards, one of them gzip-compressed, one with a malformed record."""
    folder = tmp_path_factory.mktemp("shards")
    third = len(records) // 3
    parts = [records[:third], records[third : 2 * third], records[2 * third :]]
    paths = [folder / "part-0.jsonl", folder / "part-1.jsonl.gz", folder / "part-2.jsonl"]
    for path, part in zip(paths, parts):
        lines = [json.dumps(r, ensure_ascii=False) for r in part]
        if path.name == "part-2.jsonl":
            lines.insert(3, '{"id": "broken", "text": ')
        data = ("\n".join(lines) + "\n").encode("utf-8")
        path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
    return folder, [str(p) for p in paths]


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")  # installed with factlint[dask] / [test]
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        yield cluster


def json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.slow
def test_dask_check_equals_serial_and_jobs_2(cli, shards, cluster, tmp_path):
    folder, paths = shards
    code1, serial, err1 = cli("check", *paths, "--format", "json-lines", "--jobs", "1")
    code2, parallel, _ = cli("check", *paths, "--format", "json-lines", "--jobs", "2")
    assert (code2, parallel) == (code1, serial)
    out = tmp_path / "findings"
    code, stdout, err = cli(
        "dask-check", str(folder / "part-*.jsonl*"), "--output-dir", str(out), "--scheduler", cluster.scheduler_address
    )
    assert (code, code1) == (2, 2)  # the malformed record is an input error in both
    assert f"{paths[2]}:4: invalid JSON" in err and f"{paths[2]}:4: invalid JSON" in err1
    names = sorted(p.name for p in out.iterdir())
    assert names == ["part-0.findings.jsonl", "part-1.findings.jsonl", "part-2.findings.jsonl"]
    sharded = [f for name in names for f in json_lines((out / name).read_text(encoding="utf-8"))]
    expected = json_lines(serial)
    assert sharded == expected
    assert len({f["id"] for f in expected}) > 20 and sum(f["id"] == "seed" for f in expected) == 8
    assert f"{len(expected)} findings written to {out}" in stdout


def serial_dicts(records):
    from factlint.config import Config
    from factlint.engine import Linter

    linter = Linter(Config())
    return [
        f.to_dict() for r in records for f in linter.lint_text(r["text"], path="<dask>", markup="text", record=r["id"])
    ]


@pytest.mark.slow
def test_lint_bag_on_the_cluster(records, cluster):
    distributed = pytest.importorskip("distributed")
    import dask.bag as db

    from factlint.config import Config
    from factlint.daskbag import lint_bag

    with distributed.Client(cluster.scheduler_address):
        got = lint_bag(db.from_sequence(records, npartitions=6), Config()).compute()
    assert got == serial_dicts(records)


@pytest.mark.slow
def test_lint_dataframe_on_the_cluster(records, cluster):
    distributed = pytest.importorskip("distributed")
    pd = pytest.importorskip("pandas")  # dask DataFrames need pandas (dask[dataframe])
    import dask.dataframe as dd

    from factlint.config import Config
    from factlint.daskbag import lint_dataframe

    frame = dd.from_pandas(pd.DataFrame(records)[["id", "text"]], npartitions=5)
    with distributed.Client(cluster.scheduler_address):
        rows = lint_dataframe(frame, Config()).compute()
    # A data frame has no JSONL lines: its columns leave out record_line and offset.
    expected = [{k: v for k, v in d.items() if k not in ("record_line", "offset")} for d in serial_dicts(records)]
    assert rows.to_dict("records") == expected


@pytest.mark.slow
def test_dask_check_without_a_cluster_uses_local_processes(cli, shards, tmp_path):
    pytest.importorskip("dask")
    folder, paths = shards
    out = tmp_path / "local"
    code, stdout, _ = cli("dask-check", paths[0], paths[1], "--output-dir", str(out), "--select", "Names")
    assert code == 1
    _, serial, _ = cli("check", paths[0], paths[1], "--format", "json-lines", "--select", "Names")
    got = [f for p in sorted(out.iterdir()) for f in json_lines(p.read_text(encoding="utf-8"))]
    assert got == json_lines(serial) and got


def test_factlint_daskbag_does_not_hide_the_real_dask(tmp_path):
    """No factlint module shares its name with the dask package (factlint/dask.py once did): from
    inside the package folder `import dask` still finds the real dask."""
    import subprocess
    import sys

    pytest.importorskip("dask")
    import factlint

    package = Path(factlint.__file__).resolve().parent
    code = "import dask, dask.bag, factlint.daskbag; print(dask.__file__); print(factlint.daskbag.lint_bag.__module__)"
    proc = subprocess.run([sys.executable, "-c", code], cwd=package, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    real, module = proc.stdout.split()
    assert Path(real).parent.name == "dask" and Path(real).parent.parent != package
    assert module == "factlint.daskbag"
