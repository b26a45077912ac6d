"""Issue 12, "What to build" 4: two factlint processes at once on the same files and the same caches
(FACTLINT_CACHE_DIR shared: the result cache in SQLite, the compiled-rules cache, the plugin
list) give the results of a serial run, and leave caches that a later run can trust."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from conftest import SEED, factlint_script

FIXABLE = "Both Armenians and Asherites have suffered.\n"
N_FILES = 40


def _articles(folder: Path) -> None:
    """Real text with findings of several kinds, each file different (so each is a cache entry)."""
    seed = SEED.read_text(encoding="utf-8")
    folder.mkdir(parents=True)
    for i in range(N_FILES):
        body = seed if i % 2 == 0 else FIXABLE * (i % 5 + 1) + seed[: 400 + 37 * i]
        (folder / f"{i:02}.txt").write_text(f"File {i}.\n\n{body}", encoding="utf-8")


def _env(cache: Path | None) -> dict:
    env = dict(os.environ)
    env.pop("FACTLINT_NO_CACHE", None)
    if cache is None:
        env["FACTLINT_NO_CACHE"] = "1"
    else:
        env["FACTLINT_CACHE_DIR"] = str(cache)
    return env


def _start(args: list[str], cwd: Path, cache: Path | None) -> subprocess.Popen:
    return subprocess.Popen(
        [factlint_script(), *args],
        cwd=cwd,
        env=_env(cache),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _both(args_a: list[str], args_b: list[str], cwd: Path, cache: Path) -> list[tuple[int, str, str]]:
    """Start two runs at the same moment and wait for both: [(exit code, stdout, stderr)]."""
    procs = [_start(args_a, cwd, cache), _start(args_b, cwd, cache)]
    out = []
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=600)
        out.append((proc.returncode, stdout, stderr))
    return out


def _serial(args: list[str], cwd: Path, cache: Path | None = None) -> tuple[int, str, str]:
    proc = subprocess.run(
        [factlint_script(), *args], cwd=cwd, env=_env(cache), capture_output=True, text=True, timeout=600
    )
    return proc.returncode, proc.stdout, proc.stderr


def _cache_is_sound(cache: Path) -> int:
    """The result cache passes SQLite's integrity check; the number of entries."""
    db = sqlite3.connect(cache / "results.sqlite")
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return db.execute("SELECT count(*) FROM results").fetchone()[0]
    finally:
        db.close()


@pytest.mark.slow
def test_two_runs_at_once_on_the_same_files_and_caches(tmp_path, cli, monkeypatch):
    work = tmp_path / "work"
    _articles(work / "docs")
    cache = tmp_path / "cache"
    check = ["check", "--format", "json", "docs"]
    reference = _serial(check, work)  # no cache at all
    assert reference[0] == 1 and len(json.loads(reference[1])) > N_FILES, reference[2]

    # Cold caches (nothing compiled, no plugin list, no results.sqlite), then warm; one run with
    # two worker processes, the other serial: every run prints exactly the reference.
    for round_ in ("cold", "warm"):
        for code, out, err in _both([*check, "-j", "1"], [*check, "-j", "2"], work, cache):
            assert (code, out) == reference[:2], (round_, err)
            assert "Traceback" not in err and "internal error" not in err, err
    assert list(cache.glob("rules-*.pickle")) and list(cache.glob("plugins-*.txt"))
    assert not [p.name for p in cache.iterdir() if "tmp" in p.name]  # no temporary file left behind
    assert _cache_is_sound(cache) == N_FILES

    # A third run trusts the caches: every file's findings come from the result cache (linting
    # anything now would fail the run), and they are the reference's.
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(cache))
    monkeypatch.delenv("FACTLINT_NO_CACHE", raising=False)

    def must_not_lint(*args, **kw):
        raise AssertionError("linted although every file is in the result cache")

    monkeypatch.setattr("factlint.engine.Linter.lint_text", must_not_lint)
    code, out, _err = cli(*check, cwd=work)
    assert (code, out) == reference[:2]


@pytest.mark.slow
def test_two_fix_runs_at_once(tmp_path):
    """--fix by two processes at once: on two copies of a folder (the shared caches must not mix
    them up) and on the very same folder (one fixes, the other fixes too or reports the file as
    changed on disk; never a mix of both, never a stray temporary file)."""
    work = tmp_path / "work"
    _articles(work / "docs")
    cache = tmp_path / "cache"
    serial = tmp_path / "serial"
    _articles(serial / "docs")
    ref_code, _out, ref_err = _serial(["check", "--fix", "docs"], serial)
    summary = ref_err.strip()
    assert ref_code == 1 and summary == f"Fixed 100 finding(s) in {N_FILES} file(s).", ref_err
    fixed = {p.name: p.read_bytes() for p in (serial / "docs").iterdir()}
    assert sum(b"Asherites" in data for data in fixed.values()) == 0

    import shutil

    shutil.copytree(work / "docs", work / "copy")
    results = _both(["check", "--fix", "docs"], ["check", "--fix", "-j", "2", "copy"], work, cache)
    for code, _out, err in results:
        assert code == 1 and err.strip() == summary, err
    for folder in ("docs", "copy"):
        assert {p.name: p.read_bytes() for p in (work / folder).iterdir()} == fixed

    # The same folder, twice at once (warm caches): each file ends fixed exactly once.
    shutil.rmtree(work / "docs")
    _articles(work / "docs")
    results = _both(["check", "--fix", "docs"], ["check", "--fix", "docs"], work, cache)
    for code, _out, err in results:
        assert "Traceback" not in err and "internal error" not in err, err
        for line in err.splitlines():  # the only complaint allowed: the other run fixed it first
            assert line.startswith("Fixed ") or "changed on disk while factlint ran" in line, line
        assert code in (1, 2)
    assert {p.name: p.read_bytes() for p in (work / "docs").iterdir()} == fixed
    assert _cache_is_sound(cache) > 0
