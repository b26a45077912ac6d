"""The result cache: findings of a file whose content was linted before with the same rules and
configuration are read back instead of linting it again (as Ruff's and ESLint's caches do).

The key is a hash of the file's content, markup and --date, the rule set key (factlint's
version and modules, plugins, every pack file: rulecache.ruleset_key), the configuration (selection,
levels, minimum level) and the per-file ignores that apply to the file's path. Nothing that
changes the findings can therefore serve a stale entry; a key that matches gives the findings
again, re-created with the path the file is shown under now (a renamed or moved file is a hit).

Entries live in one SQLite file, `cache_dir()/results.sqlite`, as `marshal` data (plain tuples:
loading runs no code, unlike pickle), written in a few transactions per run: one small file per
entry costs more to create than linting the file (0.7 ms each here). SQLite's locking makes
concurrent runs safe; a cache that cannot be opened, read or written (a read-only home in CI, a
corrupt file) is simply not used, and a corrupt one is replaced.

It takes part in a run as a plugin (ResultCachePlugin, registered by factlint.builtin unless
--no-cache): factlint_cached_findings answers look-ups, factlint_document_linted stores.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from dataclasses import fields
from typing import TYPE_CHECKING

from factlint import __version__
from factlint.findings import Finding
from factlint.plugin import hookimpl
from factlint.rulecache import cache_dir, seal, secret_key, unseal

if TYPE_CHECKING:
    from factlint.inputs import Source
    from factlint.run import Run

# Finding fields stored, in this order; `path` is the current display path, `record` is None.
_FIELDS = tuple(f.name for f in fields(Finding) if f.name not in ("path", "record", "record_line"))
_FORMAT = b"factlint-results-1"
FILE_NAME = "results.sqlite"
_BATCH = 500  # entries written per transaction


class ResultCache:
    def __init__(self, linter, directory=None):
        config = linter.config
        self.linter = linter
        self.path = os.path.join(directory or cache_dir(), FILE_NAME)
        self.secret = secret_key()  # authenticates entries (the key lives in cache_dir())
        key = linter.ruleset_key  # not linter.ruleset: a run of cached files never loads the rules
        h = hashlib.sha256(_FORMAT)
        for part in (
            __version__,
            sys.version,
            _FIELDS,
            key,
            config.fingerprint(),
            repr(config.select),
            repr(sorted(config.ignore)),
            config.min_level,
        ):
            h.update(b"\0" + str(part).encode())
        self._base = h.digest()
        self._by_ignores = {}
        self._db = None
        self._pending = []
        self.hits = self.misses = 0

    def key(self, src):
        ignores = tuple(sorted(self.linter._file_ignores(src.display)))
        base = self._by_ignores.get(ignores)
        if base is None:
            base = self._by_ignores[ignores] = hashlib.sha256(self._base + repr(ignores).encode()).digest()
        h = hashlib.sha256(base)
        h.update(f"{src.markup}\0{src.meta.get('date')}\0".encode())  # --date changes findings
        h.update(src.text.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def _connect(self):
        """The database, or None if it cannot be used (then the run goes on without a cache)."""
        if self._db is None:
            self._db = False
            try:
                self._db = _open(self.path)
            except Exception:  # noqa: BLE001 - corrupt: start afresh once; unwritable: no cache
                try:
                    os.unlink(self.path)
                    self._db = _open(self.path)
                except Exception:  # noqa: BLE001
                    pass
        return self._db or None

    def get_many(self, srcs):
        """[findings or None] for file Sources (paths set to src.display), in one query: a
        query per file costs more than the look-up itself."""
        keys = [self.key(src) for src in srcs]
        for src, key in zip(srcs, keys):
            src.meta["cache_key"] = key
        rows = {}
        db = self._connect()
        if db is not None:
            try:
                marks = ",".join("?" * len(keys))
                rows = dict(db.execute(f"SELECT key, findings FROM results WHERE key IN ({marks})", keys))
            except Exception:  # noqa: BLE001 - locked too long or corrupt: lint these files
                rows = {}
        out = []
        for src, key in zip(srcs, keys):
            findings = None
            if key in rows:
                try:
                    data = unseal(rows[key], self.secret)  # marshal is not safe against crafted data
                    findings = [Finding(path=src.display, **dict(zip(_FIELDS, r))) for r in marshal.loads(data)]
                except Exception:  # noqa: BLE001 - a corrupt entry: lint the file
                    findings = None
            if findings is None:
                self.misses += 1
            else:
                self.hits += 1
            out.append(findings)
        return out

    def put(self, src, findings):
        try:
            rows = [tuple(getattr(f, name) for name in _FIELDS) for f in findings]
            if self.secret is None:  # no safe cache folder: nothing stored
                return
            sealed = seal(marshal.dumps(rows), self.secret)
            self._pending.append((src.meta.get("cache_key") or self.key(src), sealed))
        except ValueError:  # a plugin's finding with data marshal cannot store: not cached
            return
        if len(self._pending) >= _BATCH:
            self.flush()

    def flush(self):
        pending, self._pending = self._pending, []
        db = self._connect()
        if db is None or not pending:
            return
        try:
            with db:  # one transaction
                db.executemany("INSERT OR REPLACE INTO results (key, findings) VALUES (?, ?)", pending)
        except Exception:  # noqa: BLE001 - locked by another run too long, full disk: skip these
            pass

    def close(self):
        self.flush()
        if self._db:
            self._db.close()
        self._db = None


def _open(path):
    import sqlite3  # deferred for start-up: only a run with files to look up opens the cache

    os.makedirs(os.path.dirname(path), exist_ok=True)
    db = sqlite3.connect(path, timeout=10)
    db.execute("PRAGMA synchronous = NORMAL")  # a cache: losing the last entries in a crash is fine
    db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, findings BLOB NOT NULL)")
    return db


class ResultCachePlugin:
    """The result cache as a per-run plugin."""

    def __init__(self, run: Run) -> None:
        self.cache = ResultCache(run.linter)

    @hookimpl
    def factlint_cached_findings(self, run: Run, sources: list[Source]) -> list:
        return self.cache.get_many(sources)

    @hookimpl
    def factlint_document_linted(self, run: Run, source: Source, findings: list[Finding]) -> None:
        self.cache.put(source, findings)

    @hookimpl
    def factlint_unconfigure(self, run: Run) -> None:
        self.cache.close()
