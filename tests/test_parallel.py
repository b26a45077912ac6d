"""--jobs (worker processes, output identical to a serial run) and the content-hash result
cache (issue 5)."""

import json
import os
import shutil
import signal
import time
from pathlib import Path

import pytest
from conftest import SEED, SHARED

BBC = SHARED / "corpus/bbc"
BBC_JSONL = SHARED / "corpus/bbc.jsonl"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """60 real articles (a mix of categories) plus the seed, in two sub-folders."""
    root = tmp_path_factory.mktemp("articles")
    names = sorted(os.listdir(BBC))[::37][:60]
    for i, name in enumerate(names):
        sub = root / ("a" if i % 2 else "b")
        sub.mkdir(exist_ok=True)
        shutil.copy(BBC / name, sub / name)
    shutil.copy(SEED, root / "a" / SEED.name)
    return root


def results_db():
    from factlint.resultcache import FILE_NAME

    return Path(os.environ["FACTLINT_CACHE_DIR"]) / FILE_NAME


def cached_entries():
    import sqlite3

    with sqlite3.connect(results_db()) as db:
        return db.execute("SELECT COUNT(*) FROM results").fetchone()[0]


def test_default_jobs():
    from factlint.parallel import MANY_FILES, cpu_count, default_jobs

    assert default_jobs(1, False) == 1
    assert default_jobs(MANY_FILES - 1, False) == 1
    assert default_jobs(MANY_FILES, False) == cpu_count()
    assert default_jobs(1, True) == cpu_count()  # any corpus


@pytest.mark.parametrize("fmt", ["text", "json-lines", "json"])
def test_jobs_2_output_identical_to_serial(cli, folder, fmt):
    code1, serial, _ = cli("check", str(folder), "--jobs", "1", "--no-cache", "--format", fmt)
    code2, parallel, _ = cli("check", str(folder), "--jobs", "2", "--no-cache", "--format", fmt)
    assert (code2, parallel) == (code1, serial)
    assert str(SEED.name) in serial
    assert len({name for name in os.listdir(folder / "a") + os.listdir(folder / "b") if name in serial}) >= 5


def test_jobs_output_sorted_by_path_as_a_serial_report(cli, folder):
    _, out, _ = cli("check", str(folder / "b"), str(folder / "a"), "--jobs", "2", "--format", "json")
    keys = [(f["path"], f["line"], f["column"]) for f in json.loads(out)]
    assert keys == sorted(keys) and len({k[0] for k in keys}) > 5


def test_corpus_jobs_identical_in_record_order(cli, tmp_path):
    lines = BBC_JSONL.read_text(encoding="utf-8").splitlines()[::11]
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, serial, _ = cli("check", str(path), "--jobs", "1", "--format", "json-lines")
    _, parallel, _ = cli("check", str(path), "--jobs", "2", "--format", "json-lines")
    assert parallel == serial
    order = [json.loads(line)["id"] for line in lines]
    ids = [json.loads(line)["id"] for line in serial.splitlines()]
    assert ids and ids == sorted(ids, key=order.index)


def test_worker_batches_bounded_and_in_order(monkeypatch):
    """Many small batches (more than are ever in flight) still come back in input order."""
    import factlint.parallel as parallel
    from factlint.config import Config
    from factlint.engine import Linter
    from factlint.inputs import Source

    monkeypatch.setattr(parallel, "BATCH_DOCS", 3)
    linter = Linter(Config())
    texts = [(BBC / name).read_text(encoding="utf-8") for name in sorted(os.listdir(BBC))[:40]]
    srcs = [Source(f"d{i}.txt", f"d{i}.txt", t) for i, t in enumerate(texts)]
    # Every fifth is "already known" (as a cache hit would be): passed through in place.
    items = [(s, [] if i % 5 == 0 else None) for i, s in enumerate(srcs)]
    got = list(parallel.lint_ordered(linter, iter(items), 2))
    assert [s.display for s, _ in got] == [s.display for s in srcs]
    for i, (src, findings) in enumerate(got):
        expected = [] if i % 5 == 0 else linter.lint_source(src)
        assert findings == expected


def test_batches_grow_with_the_run_within_bounds():
    import factlint.parallel as parallel

    # Unknown or small runs: the small batches that keep both workers busy to the end.
    assert parallel.batch_size(0, 2) == (32_000, 100)
    assert parallel.batch_size(100_000, 2) == (32_000, 100)
    # The BBC folder on two workers: eight batches each; a huge corpus: the largest batch.
    assert parallel.batch_size(5_040_000, 2) == (315_000, 315)
    assert parallel.batch_size(10**10, 4) == (512_000, 512)
    # The tail: at most TAIL_BATCHES batches a worker in what is left, down to the smallest.
    assert parallel.batch_size(5_040_000, 2, left=5_000_000) == (315_000, 315)
    assert parallel.batch_size(5_040_000, 2, left=600_000) == (150_000, 150)
    assert parallel.batch_size(5_040_000, 2, left=40_000) == (32_000, 100)


def test_the_last_batches_are_smaller(monkeypatch):
    """No worker is left alone with a big last batch while the other has finished."""
    import factlint.parallel as parallel
    from factlint.config import Config
    from factlint.engine import Linter
    from factlint.inputs import Source

    sizes = []
    make_pool = parallel._pool

    class Logged:  # the pool, noting the size of each batch sent
        def __init__(self, pool):
            self.pool, self._pool = pool, pool._pool

        def apply_async(self, fn, args):
            sizes.append(sum(len(item[0]) for item in args[0]))
            return self.pool.apply_async(fn, args)

        def __getattr__(self, name):
            return getattr(self.pool, name)

    monkeypatch.setattr(parallel, "_pool", lambda *args: Logged(make_pool(*args)))
    monkeypatch.setattr(parallel, "BATCH_CHARS", 4_000)
    texts = [(BBC / name).read_text(encoding="utf-8") for name in sorted(os.listdir(BBC))[:80]]
    total = sum(len(t) for t in texts)
    items = [(Source(f"d{i:02}.txt", f"d{i:02}.txt", t), None) for i, t in enumerate(texts)]
    got = list(parallel.lint_ordered(Linter(Config()), iter(items), 2, total))
    assert len(got) == 80
    full = parallel.batch_size(total, 2)[0]
    assert sizes[0] >= full and max(sizes[-3:]) < full / 2  # cut at `full` first, then smaller
    assert sum(sizes) == total


def test_workers_build_their_word_sets_at_once(monkeypatch, tmp_path):
    """A worker lints many documents: its word lists are sets from the first look-up, without
    the text searches that spare a one-file run the cost of building them."""
    import factlint.parallel as parallel
    from factlint.config import Config
    from factlint.engine import Linter
    from factlint.inputs import Source
    from factlint.knowledge.lexicon import Lexicon

    log = tmp_path / "searches.log"
    search = Lexicon._search

    def logged(self, item):
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()}\n")
        return search(self, item)

    monkeypatch.setattr(Lexicon, "_search", logged)
    linter = Linter(Config())
    texts = [(BBC / name).read_text(encoding="utf-8") for name in sorted(os.listdir(BBC))[:8]]
    items = [(Source(f"d{i}.txt", f"d{i}.txt", t), None) for i, t in enumerate(texts)]
    got = list(parallel.lint_ordered(linter, iter(items), 2))
    searched = lambda: set(log.read_text().split()) if log.exists() else set()  # noqa: E731
    assert searched() <= {str(os.getpid())}  # no worker searched a text (the parent primed them)
    assert Lexicon.SET_AFTER == 2_000  # the parent's are as they were
    log.unlink(missing_ok=True)
    assert [f for _s, f in got] == [linter.lint_text(t, path=f"d{i}.txt") for i, t in enumerate(texts)]
    assert searched() == {str(os.getpid())}  # while this process, linting the same texts, searched first


def test_stopping_the_pool_after_a_worker_died_holding_the_task_queue():
    """A worker killed while it reads its batch (the OOM killer, kill -9) dies holding the task
    queue's lock, and Pool.terminate() waits for that lock for ever: _stop kills the workers
    instead, after its patience."""
    import multiprocessing
    import threading

    import factlint.parallel as parallel

    pool = multiprocessing.get_context("fork").Pool(2)
    time.sleep(0.5)  # both workers wait for a task: one of them holds the queue's lock
    for process in list(pool._pool):
        os.kill(process.pid, signal.SIGKILL)
        process.join()
    stopper = threading.Thread(target=parallel._stop, args=(pool, 1.0), daemon=True)
    started = time.monotonic()
    stopper.start()
    stopper.join(20)
    assert not stopper.is_alive() and time.monotonic() - started < 10
    assert not any(p.is_alive() for p in pool._pool)  # the replacements the pool had started too


_CLOSED_AT_TEARDOWN = """
import sys
from factlint.config import Config
from factlint.engine import Linter
from factlint.inputs import Source
import factlint.parallel as parallel

items = [(Source(f"d{i}.txt", f"d{i}.txt", "Hundreds have been killed, officials said. " * 40), None) for i in range(300)]
gen = parallel.lint_ordered(Linter(Config()), iter(items), 2)
next(gen)  # the pool runs
KEEP = gen  # closed by the interpreter's teardown only, as a broken pipe's traceback kept it
sys.exit(0)
"""


def test_a_pool_left_to_the_interpreters_teardown_does_not_hang_the_exit():
    """`factlint check DIR | head -1`: the broken pipe's traceback kept the lint generator alive,
    and its pool was stopped during the interpreter's teardown, where no thread can start or be
    joined (Pool.terminate waited for ever). The workers are killed instead."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _CLOSED_AT_TEARDOWN], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr


# -- the result cache ----------------------------------------------------------------------------
def test_result_cache_gives_the_same_output(cli, folder):
    results_db().unlink(missing_ok=True)
    _, fresh, _ = cli("check", str(folder), "--no-cache", "--format", "json")
    assert not results_db().exists()  # --no-cache writes nothing either
    _, cold, _ = cli("check", str(folder), "--format", "json")
    assert cached_entries() == 61
    _, warm, _ = cli("check", str(folder), "--format", "json")
    assert fresh == cold == warm


def test_result_cache_hits_and_misses(folder):
    from factlint.config import Config
    from factlint.engine import Linter
    from factlint.inputs import Input, sources
    from factlint.run import Run, RunOptions

    def lint(config):
        inputs = [Input(str(SEED), str(SEED))]
        with Run(Linter(config), RunOptions()) as run:
            return list(run.lint(sources(inputs, RunOptions(), [], [])))

    results_db().unlink(missing_ok=True)
    [(src, first)] = lint(Config())
    assert src.meta["cached"] is False
    [(src, again)] = lint(Config())
    assert src.meta["cached"] is True and again == first
    config = Config()
    config.select = ["Names"]  # another configuration: not served the first run's findings
    [(src, narrow)] = lint(config)
    assert src.meta["cached"] is False
    assert "Names.Transcriptions" in {f.rule for f in narrow} and all(f.pack == "Names" for f in narrow)


def test_result_cache_recreates_findings_with_the_current_path(cli, tmp_path):
    old = tmp_path / "old.txt"
    shutil.copy(SEED, old)
    _, first, _ = cli("check", str(old), "--format", "json")
    new = tmp_path / "renamed.txt"
    old.rename(new)
    _, second, _ = cli("check", str(new), "--format", "json")
    assert [dict(f, path=str(new)) for f in json.loads(first)] == json.loads(second)
    assert {f["path"] for f in json.loads(second)} == {str(new)}


def test_result_cache_follows_content_and_per_file_ignores(cli, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy(SEED, a)
    shutil.copy(SEED, b)
    (tmp_path / ".factlint.yaml").write_text("per-file-ignores:\n  b.txt: [Names]\n", encoding="utf-8")
    for _ in range(2):  # cold, then warm
        _, out, _ = cli("check", "a.txt", "b.txt", "--format", "json", cwd=tmp_path)
        rules = {(f["path"], f["rule"]) for f in json.loads(out)}
        assert ("a.txt", "Names.Transcriptions") in rules
        assert ("b.txt", "Names.Transcriptions") not in rules
    b.write_text(SEED.read_text(encoding="utf-8").replace("Asherites", "Azeris"), encoding="utf-8")
    a.write_text(SEED.read_text(encoding="utf-8").replace("Asherites", "Azeris"), encoding="utf-8")
    _, out, _ = cli("check", "a.txt", "--format", "json", cwd=tmp_path)
    assert "Asherites" not in {f["match"] for f in json.loads(out)}


def test_corrupt_or_unwritable_cache_is_ignored(cli, tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    shutil.copy(SEED, path)
    _, expected, _ = cli("check", str(path), "--format", "json", "--no-cache")
    cli("check", str(path), "--format", "json")
    import sqlite3

    with sqlite3.connect(results_db()) as db:  # an entry that does not unmarshal
        db.execute("UPDATE results SET findings = ?", (b"\x00garbage",))
    _, out, _ = cli("check", str(path), "--format", "json")
    assert out == expected
    results_db().write_bytes(b"not a database at all" * 100)  # a corrupt file is replaced
    _, out, _ = cli("check", str(path), "--format", "json")
    assert out == expected and cached_entries() == 1
    # A cache folder that cannot be created (even by root): the run goes on without a cache.
    monkeypatch.setenv("FACTLINT_CACHE_DIR", "/proc/self/factlint-cache")
    code, out, err = cli("check", str(path), "--format", "json")
    assert (code, out) == (1, expected) and "Traceback" not in err


def test_rules_not_in_the_cache_are_compiled_once_before_the_workers_fork(monkeypatch, tmp_path):
    """With a cold compiled-rules cache each worker would compile the rules itself (a second
    each); the parent compiles them once and the forked workers inherit them."""
    import factlint.parallel as parallel
    import factlint.ruleset
    from factlint.config import Config
    from factlint.engine import Linter
    from factlint.inputs import Source

    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "empty-cache"))
    compiled = []
    compile_rules = factlint.ruleset.compile_rules

    def counting(*args, **kw):
        compiled.append(os.getpid())
        return compile_rules(*args, **kw)

    monkeypatch.setattr(factlint.ruleset, "compile_rules", counting)
    linter = Linter(Config(), lazy=True)
    assert not linter.loads_fast
    texts = [(BBC / name).read_text(encoding="utf-8") for name in sorted(os.listdir(BBC))[:6]]
    items = [(Source(f"d{i}.txt", f"d{i}.txt", t), None) for i, t in enumerate(texts)]
    got = list(parallel.lint_ordered(linter, iter(items), 2))
    assert compiled == [os.getpid()]  # here, once
    assert [len(f) for _s, f in got] == [len(linter.lint_text(t, path=f"d{i}.txt")) for i, t in enumerate(texts)]
    assert linter.loads_fast


@pytest.mark.parametrize("parent_has_rules", [True, False])
def test_who_sets_up_the_workers(monkeypatch, tmp_path, parent_has_rules):
    """A parent that has the rules loaded sets up everything a first document needs (automaton,
    language index) before forking: no worker loads the rules or builds the automaton again. A
    parent that has not, with the rules in the compiled-rules cache, leaves it to the workers:
    each reads the rules and builds the automaton once, in parallel, while the parent reads."""
    import factlint.parallel as parallel
    import factlint.rulecache as rulecache
    import factlint.terms as terms
    from factlint.config import Config
    from factlint.engine import Linter
    from factlint.inputs import Source

    assert Linter(Config()).rules  # the compiled-rules cache is warm: workers could each read it
    log = tmp_path / "set-up.log"
    load_ruleset, build = rulecache.load_ruleset, terms.TermIndex._build

    def logged(name, fn):
        def wrapper(*args, **kw):
            with open(log, "a", encoding="utf-8") as fh:
                fh.write(f"{name} {os.getpid()}\n")
            return fn(*args, **kw)

        return wrapper

    monkeypatch.setattr(rulecache, "load_ruleset", logged("rules", load_ruleset))
    monkeypatch.setattr(terms.TermIndex, "_build", logged("automaton", build))
    linter = Linter(Config(), lazy=not parent_has_rules)
    texts = [(BBC / name).read_text(encoding="utf-8") for name in sorted(os.listdir(BBC))[:8]]
    items = [(Source(f"d{i}.txt", f"d{i}.txt", t), None) for i, t in enumerate(texts)]
    got = list(parallel.lint_ordered(linter, iter(items), 2))
    lines = log.read_text(encoding="utf-8").split("\n")[:-1]
    if parent_has_rules:
        assert lines == [f"rules {os.getpid()}", f"automaton {os.getpid()}"]
    else:
        workers = {line.split()[1] for line in lines}
        assert len(workers) == 2 and str(os.getpid()) not in workers
        assert sorted(lines) == sorted(f"{what} {pid}" for pid in workers for what in ("rules", "automaton"))
    assert [f for _s, f in got] == [linter.lint_text(t, path=f"d{i}.txt") for i, t in enumerate(texts)]


def test_only_the_factlint_command_freezes_the_rules_it_loads(cli, tmp_path):
    import gc

    import factlint.rulecache as rulecache
    from factlint.run import own_process

    # In-process (tests, embedding), the rules stay collectable: a dropped ruleset is freed.
    (tmp_path / "a.txt").write_text("Hundreds have been killed, officials said.\n", encoding="utf-8")
    frozen = gc.get_freeze_count()
    code, _out, _err = cli("check", "--no-cache", str(tmp_path / "a.txt"))
    assert code in (0, 1) and not own_process()
    assert rulecache.FREEZE_LOADED is False and gc.get_freeze_count() == frozen
