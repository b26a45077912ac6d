"""The compiled-pattern cache (factlint/regexcache.py): patterns rebuilt from the stored
arguments are the patterns `re` compiles, a damaged or foreign file is ignored, and a second
`factlint check` compiles (almost) nothing."""

import os
import re
import subprocess
import sys
import uuid

import pytest

import factlint.regexcache as regexcache
from factlint.rulecache import cache_dir


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regexcache, "_stored", {})
    monkeypatch.setattr(regexcache, "_aliases", set())
    monkeypatch.setattr(regexcache, "_warmed", False)
    monkeypatch.setattr(re, "_cache", {})  # re's own, as a run starts (a whole suite fills it)
    return tmp_path


def _forget(patterns):
    for key in list(re._cache):
        if key[1] in patterns:
            del re._cache[key]


def test_stored_patterns_come_back_identical(fresh):
    tag = uuid.uuid4().hex
    patterns = [
        rf"(?P<tag>{tag})\s+(?:(?P<n>\d+(?:[.,]\d+)*)|£(?P<money>[\d,]+))(?![\w-])",
        rf"(?i)(?<![\w.])ﬁ{tag}(?:ß|İ)+",
        rf"^[^\W\d_]+(?:['’][^\W\d_]+)?{tag}$",
    ]
    assert regexcache.warm() == 0  # no file yet
    for p in patterns:
        re.compile(p, re.MULTILINE)
    assert regexcache.save()
    assert any(p.name.startswith("regex-") for p in fresh.iterdir())
    _forget(patterns)
    regexcache._stored.clear()
    regexcache._warmed = False  # as in a new process
    assert regexcache.warm() > 0
    assert regexcache.warm() == len(regexcache._stored)  # once per process
    text = f"{tag}  1,200.5 and {tag} £3,000 ﬁ{tag.upper()}SS İ\nWord’s{tag}\n"
    for p in patterns:
        seeded = re.compile(p, re.MULTILINE)  # served from re's cache: built from the file
        assert (type(p), p, re.MULTILINE) in re._cache
        fresh_compiled = re._compiler.compile(p, re.MULTILINE)  # what `re` itself makes
        assert seeded == fresh_compiled and seeded.groupindex == fresh_compiled.groupindex
        assert [m.span() for m in seeded.finditer(text)] == [m.span() for m in fresh_compiled.finditer(text)]
        assert [m.groupdict() for m in seeded.finditer(text)] == [m.groupdict() for m in fresh_compiled.finditer(text)]
    regexcache.save()
    assert not regexcache.save()  # nothing new: the file is not written again


def test_damaged_or_foreign_file_is_ignored(fresh):
    tag = uuid.uuid4().hex
    regexcache.warm()
    re.compile(tag + "x+")
    assert regexcache.save()
    (path,) = [p for p in fresh.iterdir() if p.name.startswith("regex-")]
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF  # one byte changed: the seal no longer matches
    path.write_bytes(bytes(data))
    _forget([tag + "x+"])
    regexcache._stored.clear()
    regexcache._warmed = False
    assert regexcache.warm() == 0
    assert re.compile(tag + "x+").fullmatch(tag + "xxx")  # compiled as usual
    path.write_bytes(b"not a cache")
    regexcache._warmed = False
    assert regexcache.warm() == 0


def test_no_cache_variable_turns_it_off(fresh, monkeypatch):
    monkeypatch.setenv("FACTLINT_NO_CACHE", "1")
    assert regexcache.warm() == 0
    re.compile(uuid.uuid4().hex)
    assert not regexcache.save()
    assert not list(fresh.iterdir())


@pytest.mark.slow
def test_second_run_compiles_almost_nothing(tmp_path, monkeypatch):
    """The real command: the first run stores what it compiled; in the second, the kinds'
    and rules' patterns come from the file (a handful of patterns from elsewhere may remain)."""
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path))
    article = tmp_path / "a.txt"
    article.write_text("The council said 1,200 people, up 5% on 2019, attended.\n\nIt rained.\n", encoding="utf-8")
    probe = (
        "import re, sys, runpy\n"
        "from re import _compiler\n"
        "count = [0]\n"
        "real = _compiler.compile\n"
        "def counting(p, flags=0):\n"
        "    count[0] += 1\n"
        "    return real(p, flags)\n"
        "_compiler.compile = counting\n"
        "sys.argv = ['factlint', 'check', '--no-cache', sys.argv[1]]\n"
        "try:\n"
        "    runpy.run_module('factlint', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stderr.write(f'COMPILED {count[0]}\\n')\n"
    )
    env = {**os.environ, "FACTLINT_CACHE_DIR": str(tmp_path)}
    counts = []
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", probe, str(article)], capture_output=True, text=True, env=env)
        counts.append(int(done.stderr.rsplit("COMPILED ", 1)[1]))
    assert any(p.name.startswith("regex-") for p in cache_dir().iterdir())
    assert counts[0] > 100 and counts[1] < counts[0] / 5, counts  # left: a few imported before the file is read


def test_a_run_that_loads_no_rules_leaves_the_file_alone(fresh):
    """A run served by the result cache never reads the file (warm() is called where the rules
    load), so it must not write it either: its few patterns would replace the stored ones."""
    regexcache.warm()
    re.compile(uuid.uuid4().hex + "y+")
    assert regexcache.save()
    (path,) = [p for p in fresh.iterdir() if p.name.startswith("regex-")]
    stored = path.read_bytes()
    regexcache._stored.clear()
    regexcache._warmed = False  # a new process that has not loaded rules
    re.compile(uuid.uuid4().hex + "z+")
    assert not regexcache.save()
    assert path.read_bytes() == stored


def test_patterns_filed_twice_leave_room_for_new_ones(fresh, monkeypatch):
    """warm() files each stored pattern under its final flags too; those keys are not new
    patterns, and a full file keeps what it holds while a file with room takes what fits (a
    file that once refused everything when not all fitted froze a growing rule set's patterns)."""
    monkeypatch.setattr(regexcache, "_MAX_ENTRIES", 4)
    tag = uuid.uuid4().hex
    first = [rf"{tag}a\d+", rf"{tag}b\w+", rf"{tag}c\s+"]
    regexcache.warm()
    for p in first:
        re.compile(p)
    assert regexcache.save() and len(regexcache._stored) == 3
    _forget(first)
    regexcache._stored.clear()
    regexcache._warmed = False  # a new process
    assert regexcache.warm() == 3 and len(regexcache._aliases) == 3  # (str, p, 0) and (str, p, re.UNICODE)
    later = [rf"{tag}d[a-z]", rf"{tag}e[a-z]"]
    for p in later:
        re.compile(p)
    assert regexcache.save()  # one of the two fits
    assert len(regexcache._stored) == 4
    assert not regexcache.save()  # full: the file is left as it is
