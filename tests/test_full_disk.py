"""Issue 12, "What to build" 4: a full disk (ENOSPC) during `--fix` and during a cache write.

The disk fills at each step of an atomic write in turn (the data half written, the flush to disk,
the rename; SQLite's own "database or disk is full"): the fix is reported in one line naming the
file, the article is byte-identical, no temporary file is left beside it, the run exits 2; a
cache that cannot be written means no cache, with the same findings and no traceback."""

from __future__ import annotations

import errno
import io
import json
import os

import pytest
from conftest import SEED

import factlint.atomic as atomic

FIXABLE = "Both Armenians and Asherites have suffered.\n"
ENOSPC = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class _HalfWritten(io.FileIO):
    """A file whose disk fills halfway through the first write (as write(2) reports it)."""

    def write(self, data):
        super().write(bytes(data)[: len(data) // 2])
        raise ENOSPC


def _fill_disk(monkeypatch, step: str) -> None:
    if step == "write":
        fdopen = os.fdopen

        def half(fd, mode="r", *args, **kw):  # only files opened for writing fill the disk
            return _HalfWritten(fd, "wb") if "w" in mode else fdopen(fd, mode, *args, **kw)

        monkeypatch.setattr(atomic.os, "fdopen", half)
    elif step == "fsync":

        def fsync(fd):
            raise ENOSPC

        monkeypatch.setattr(atomic.os, "fsync", fsync)
    else:  # rename: a folder that must grow for the new entry, on a full disk

        def replace(src, dst):
            raise ENOSPC

        monkeypatch.setattr(atomic.os, "replace", replace)


def _no_traceback(*outputs: str) -> None:
    for out in outputs:
        assert "Traceback" not in out and "internal error" not in out, out


@pytest.mark.parametrize("step", ["write", "fsync", "rename"])
def test_full_disk_during_fix(cli, tmp_path, monkeypatch, step):
    folder = tmp_path / "docs"
    folder.mkdir()
    article = folder / "a.txt"
    article.write_text(FIXABLE * 50, encoding="utf-8")
    original = article.read_bytes()
    (folder / "clean.txt").write_text("The council met on Tuesday.\n", encoding="utf-8")
    monkeypatch.setenv("FACTLINT_NO_CACHE", "1")  # only the fix writes
    _fill_disk(monkeypatch, step)
    code, out, err = cli("check", "--fix", "--no-cache", str(folder))
    assert code == 2
    assert err.splitlines() == [
        f"factlint: {article}: cannot write the fixes: No space left on device",
        "Fixed 0 finding(s) in 0 file(s).",
    ]
    assert article.read_bytes() == original  # byte-identical
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "clean.txt"]  # no temporary file
    assert "Asherites" in out  # the findings are still reported, unfixed
    _no_traceback(out, err)


def _articles(folder) -> str:
    """20 different articles: more than a page of SQLite's file holds."""
    folder.mkdir()
    seed = SEED.read_text(encoding="utf-8")
    for i in range(20):
        (folder / f"{i:02}.txt").write_text(f"File {i}.\n\n{seed}", encoding="utf-8")
    return str(folder)


@pytest.mark.parametrize("step", ["write", "fsync", "rename"])
def test_full_disk_during_cache_writes(cli, tmp_path, monkeypatch, step):
    """The compiled-rules cache, the plugin list (atomic writes) and the result cache: none can be
    written; the run gives the same findings as without caches."""
    docs = _articles(tmp_path / "docs")
    code, out, _err = cli("check", "--format", "json", "--no-cache", docs)
    reference = code, out
    cache = tmp_path / "cache"
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(cache))
    monkeypatch.delenv("FACTLINT_NO_CACHE", raising=False)
    _fill_disk(monkeypatch, step)
    import sqlite3

    import factlint.resultcache as resultcache

    opened = resultcache._open

    def full_db(path):
        db = opened(path)
        db.execute("PRAGMA max_page_count = 1")  # SQLite's own "database or disk is full"
        return db

    monkeypatch.setattr(resultcache, "_open", full_db)
    for _ in range(2):  # the second run finds no cache either, and still the same findings
        code, out, err = cli("check", "--format", "json", docs)
        assert (code, out) == reference
        assert err == ""
        assert not list(cache.glob("rules-*.pickle")) and not list(cache.glob("plugins-*.txt"))
        assert not [p.name for p in cache.iterdir() if "tmp" in p.name]  # no temporary file
    db = sqlite3.connect(cache / "results.sqlite")
    assert db.execute("SELECT count(*) FROM results").fetchone() == (0,)
    db.close()
    assert len(json.loads(out)) >= 20 * 8  # the seed's 8 in each


def test_report_on_a_full_disk_keeps_the_old_report(cli, tmp_path, monkeypatch):
    """-o on a full disk: one line, exit 2, the previous report intact, no temporary file."""
    report = tmp_path / "report.json"
    report.write_text("[]\n", encoding="utf-8")
    monkeypatch.setattr("factlint.run.os.replace", lambda src, dst: (_ for _ in ()).throw(ENOSPC))
    code, out, err = cli("check", "--format", "json", "--no-cache", str(SEED), "-o", str(report))
    assert code == 2
    assert err.strip() == f"factlint: {report}: cannot write the report: No space left on device"
    assert report.read_text(encoding="utf-8") == "[]\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]
