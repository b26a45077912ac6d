"""--jobs: lint documents in worker processes, in batches, with output in input order.

Each worker builds its Linter once (the pool initializer; with the fork start method it is simply
inherited from the parent), then receives batches of texts — not single ones, so the cost of a
round trip is paid per batch. At most a few batches per worker are in flight, so a corpus of any
size is linted in bounded memory; results are yielded strictly in input order, so the output is
byte-for-byte that of a serial run.
"""

import gc
import os
import signal
import sys
import threading
import time
from collections import deque

from factlint.engine import Linter
from factlint.errors import BEFORE_WARN, UserError
from factlint.knowledge.lexicon import expect_many_lookups

# A batch is cut at this many characters of text or this many documents, whichever comes first.
# Each batch costs the parent about a millisecond of CPU (the pool's pipes and threads), taken
# from the workers on a machine with as many cores as jobs; so when the run's size is known a
# batch is about a BATCHES_PER_JOB-th of a worker's share (fewer round trips), within these bounds:
# never under BATCH_CHARS, never over MAX_BATCH_CHARS, and at most TAIL_BATCHES a worker in what
# is left to send (the last batches are small: no worker idles long while another finishes one).
# On the BBC folder (5 MB, --jobs 2): 32,000 characters a batch, 1.82 s of CPU in all;
# 256,000, 1.65 s (the serial run: 1.44 s). The smaller tail: 0.876 -> 0.856 s (median of 7).
BATCH_CHARS = 32_000
MAX_BATCH_CHARS = 512_000
BATCHES_PER_JOB = 8
BATCH_DOCS = 100  # per 100,000 characters of a batch's size, at least this many
IN_FLIGHT_PER_JOB = 3
TAIL_BATCHES = 2  # per job, at most, in what is left to send
STOP_PATIENCE = 3.0  # seconds for the pool to stop before its workers are killed (_stop)
# With fewer inputs than this, one process is faster than starting workers.
MANY_FILES = 50

_LINTER = None  # the worker's Linter

# A short article that reaches every default kind's set-up: sentences, figures and their sources,
# capitalised names and places, an office, a date, a list of words.
PRIME_TEXT = (
    "Prime Minister Anna Berg said on Monday, 3 March 2014, that 1,200 people (5%) had left Paris.\n\n"
    "According to the United Nations, about £3.5m was raised in London and Moscow last year.\n\n"
    '"It is a good result," Mr Berg told the BBC. Officials said the figure could rise.\n'
)


def batch_size(total_chars: int, jobs: int, left: int | None = None) -> tuple[int, int]:
    """(characters, documents) at which a batch is cut, for a run of about `total_chars` (0: unknown)
    of which about `left` characters are still to be sent: the last batches are smaller, so that
    no worker finishes long before the others (TAIL_BATCHES)."""
    chars = min(MAX_BATCH_CHARS, max(BATCH_CHARS, total_chars // (jobs * BATCHES_PER_JOB)))
    if left is not None:
        chars = max(BATCH_CHARS, min(chars, left // (jobs * TAIL_BATCHES)))
    return chars, max(BATCH_DOCS, BATCH_DOCS * chars // 100_000)


def cpu_count():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_jobs(n_files, any_corpus):
    """All cores for many inputs (a corpus, or >= MANY_FILES files), one for a handful."""
    return cpu_count() if any_corpus or n_files >= MANY_FILES else 1


def _init(linter_or_config):
    global _LINTER
    # Ctrl-C is the parent's to handle (it ends the pool): no traceback from every worker.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    expect_many_lookups()  # a worker is started only for many documents
    if hasattr(linter_or_config, "lint"):
        _LINTER = linter_or_config
    else:  # spawn: the worker builds its own (from the compiled-rules cache)
        _LINTER = Linter(linter_or_config)


def _prime(linter):
    """The initializer of a worker that sets itself up (see _pool)."""
    _init(linter)
    try:
        linter.lint_text(PRIME_TEXT, path="prime.txt")
    except Exception:  # noqa: BLE001 - an initializer that raises is restarted for ever: the batches report it
        pass


def item_of(src):
    """A source as sent to a worker: the arguments of Linter.lint_text (a tuple pickles faster
    than the Source with its metadata)."""
    return (src.text, src.display, src.markup, src.meta.get("date"), src.record)


def _lint_batch(batch):
    lint_text = _LINTER.lint_text
    return [lint_text(*item) for item in batch]


def _pool(linter, workers):
    import multiprocessing  # deferred for start-up: only --jobs > 1 starts workers

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and not linter.rules_loaded and linter.loads_fast:
        # fork, the rules in the compiled-rules cache and not yet needed by the parent: each
        # worker reads them and sets itself up (_prime: the term automaton, the language index,
        # the kinds' lazily compiled patterns and word sets) while the parent goes on reading
        # files. Done by the parent before forking, that set-up was a serial fifth of a --jobs 2
        # run of the BBC folder (bench.py --quick, 5 rounds: 1.54x -> 1.57x).
        return multiprocessing.get_context("fork").Pool(workers, _prime, (linter,))
    if "fork" in methods:
        # fork, the rules loaded (or to be compiled, once): the workers inherit the Linter and
        # nothing is pickled to start them. What a first document sets up is set up here, once,
        # by linting a short text, and frozen, so that the workers' garbage collections do not
        # touch (and copy) those pages.
        linter.lint_text(PRIME_TEXT, path="prime.txt")
        gc.freeze()
        try:
            return multiprocessing.get_context("fork").Pool(workers, _init, (linter,))
        finally:
            gc.unfreeze()  # the workers are forked: the parent collects as before
    return multiprocessing.get_context().Pool(workers, _init, (linter.config,))


def lint_ordered(linter, items, jobs, total_chars=0):
    """Yield (source, findings) in the order of `items`, which are (source, findings or None);
    None means "lint it" (with linter.lint_source when jobs == 1, else in a worker process);
    `total_chars`, the run's size if known, sizes the batches (batch_size).

    The parent reads the inputs, answers cache look-ups and writes the output while the `jobs`
    workers lint. (Tried: the parent linting too, beside jobs - 1 workers, whenever they had
    enough queued. On two cores it measured no faster, and a worker waiting on a busy parent
    sat idle.)"""
    jobs = min(jobs, max(2, cpu_count()))  # --jobs 200 on two cores: more workers only cost memory
    if jobs <= 1:
        lint_source = linter.lint_source
        for src, found in items:
            yield src, (found if found is not None else lint_source(src))
        return
    # Started at the first document to lint, not at its batch (the workers set themselves up
    # while the parent reads the rest of it): a run served from the cache needs none.
    pool = None
    workers = []  # its processes, to notice one that dies (_get)
    pending = deque()  # (entries, AsyncResult or None); entries: [(src, findings or None)]
    limit = jobs * IN_FLIGHT_PER_JOB
    max_chars, max_docs = batch_size(total_chars, jobs)

    def submit(entries, batch):
        pending.append((entries, pool.apply_async(_lint_batch, (batch,)) if batch else None))

    try:
        entries, batch, chars, sent = [], [], 0, 0
        for src, found in items:
            entries.append((src, found))
            if found is None:
                if pool is None:
                    pool = _pool(linter, jobs)
                    workers = list(getattr(pool, "_pool", ()))
                batch.append(item_of(src))
                chars += len(src.text)
            if chars >= max_chars or len(batch) >= max_docs or (not batch and len(entries) >= max_docs):
                submit(entries, batch)
                sent += chars
                if total_chars:
                    max_chars, max_docs = batch_size(total_chars, jobs, max(0, total_chars - sent))
                entries, batch, chars = [], [], 0
                while len(pending) >= limit or (pending and _ready(pending[0])):
                    yield from _finish(pending.popleft(), workers)
        if entries:
            submit(entries, batch)
        while pending:
            yield from _finish(pending.popleft(), workers)
    finally:
        if pool is not None:
            _stop(pool)


def _stop(pool, patience=STOP_PATIENCE):
    """pool.terminate(), within `patience` seconds. CPython's Pool first takes the task queue's
    lock, which a worker killed while reading its batch (the OOM killer, kill -9) holds for ever:
    terminate() would wait for ever (1 run in 6, killing a worker of a BBC --jobs 2 run). Past
    `patience` the workers are killed instead, and the pool's threads (daemons, waiting on
    that lock) are left behind."""

    if sys.is_finalizing():
        # Closed by the interpreter's teardown (a run ended by a broken pipe leaves this
        # generator to it): no thread can start and none can be joined any more, so
        # terminate() would wait for ever on the pool's frozen threads.
        _kill(pool, reap=False)
        return

    def stop():
        pool.terminate()
        pool.join()

    stopper = threading.Thread(target=stop, daemon=True)
    stopper.start()
    stopper.join(patience)
    if stopper.is_alive():
        _kill(pool, reap=True)


def _kill(pool, reap):
    # reap: join each killed worker (not possible during the interpreter's teardown)
    for process in list(getattr(pool, "_pool", ())):
        process.kill()
        if reap:
            process.join(1)


def _ready(entry):
    return entry[1] is None or entry[1].ready()


def _finish(entry, workers=()):
    entries, result = entry
    linted = iter(_get(result, workers) if result is not None else ())
    for src, found in entries:
        yield src, (found if found is not None else next(linted))


def _get(result, workers):
    """result.get(), but a worker that dies (a plugin's native crash or os._exit, the OOM killer)
    stops the run with one line: the pool would replace it and wait for its batch for ever."""
    while not result.ready():
        result.wait(0.2)
        dead = next((p.exitcode for p in workers if p.exitcode is not None), None)
        if dead is not None and not result.ready():
            how = f"killed by signal {-dead}" if dead < 0 else f"exit code {dead}"
            raise UserError(f"a --jobs worker process ended unexpectedly ({how}; a plugin's rule?); run stopped")
    return result.get()


class Progress:
    """A one-line progress report on stderr for long runs: only on a terminal, never in CI or a
    pipe, and only once a run has taken more than `delay` seconds."""

    def __init__(self, total_bytes=0, stream=None, delay=1.0, interval=0.2):
        self.stream = stream or sys.stderr
        self.enabled = _is_terminal(self.stream) and not os.environ.get("CI")
        self.total = total_bytes
        self.done_bytes = 0
        self.documents = 0
        self.start = time.monotonic()
        self.delay, self.interval = delay, interval
        self._next = self.start + delay
        self._shown = False
        if self.enabled:  # a warning clears the line first, never prints into it
            BEFORE_WARN.append(self.clear)

    def update(self, documents=1, nbytes=0):
        self.documents += documents
        self.done_bytes += nbytes
        if not self.enabled:
            return
        now = time.monotonic()
        if now < self._next:
            return
        self._next = now + self.interval
        self._shown = True
        self.stream.write("\r\x1b[K" + self.line(now))
        self.stream.flush()

    def line(self, now=None):
        elapsed = (now or time.monotonic()) - self.start
        mb = self.done_bytes / 1e6
        parts = [f"factlint: {self.documents:,} documents", f"{mb:.1f} MB"]
        if self.total:
            parts.append(f"{min(100.0, 100.0 * self.done_bytes / self.total):.0f}%")
        parts.append(f"{mb / elapsed:.1f} MB/s" if elapsed > 0 else "")
        return ", ".join(p for p in parts if p)

    def clear(self):
        """Erase the line (before output or a warning); the next update draws it again."""
        if self._shown:
            self._shown = False
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def close(self):
        self.clear()
        if self.clear in BEFORE_WARN:
            BEFORE_WARN.remove(self.clear)


def _is_terminal(stream):
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
