"""Compiled regular expressions kept between runs: start-up should not parse patterns again.

`re.compile` parses and compiles a pattern in pure Python (the kinds' and rules' ~200 patterns
cost 50-90 ms, half of `factlint check one.md`). Only the last step, `_sre.compile(pattern,
flags, code, ...)`, is native and fast; its `code` is a list of integers that depends on the
pattern and on the CPython build alone. So a run that compiled patterns stores, per pattern, the
arguments of that last step; the next run puts the patterns built from them into `re`'s own
cache (`re._cache`) before factlint's modules and rules load, and their `re.compile` calls are
then dictionary look-ups. Nothing else changes: the objects are the Pattern objects `re` makes.

The file is specific to the interpreter (its version and `_sre.MAGIC` are in the name), sealed
with the compiled-rules cache's per-user key (rulecache.seal), and anything unexpected — another
Python, a damaged file, a `re` without `_cache` — means compiling as usual. FACTLINT_NO_CACHE=1
turns it off.
"""

from __future__ import annotations

import array
import os
import re
import sys

try:  # CPython's regex internals (3.11+ names); without them this module does nothing
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another implementation
    _sre = None

_FORMAT = 1  # of the file: a change of its layout changes its name
_CODE_TYPE = "I"  # unsigned int: _sre's code words (checked against _sre.CODESIZE in _usable)
_warmed = False  # warm() has read the file (or found none)
_stored: dict = {}  # re._cache key -> _sre.compile arguments: what the file holds (and will)
_aliases: set = set()  # the keys warm() also filed a stored pattern under (nothing new to store)
# Stored patterns at most (each may also be filed under its final flags: see warm). re's cache
# drops its oldest entry at each miss once it holds re._MAXCACHE (512): the patterns a run
# compiles besides (a user's) each push one stored pattern out, never the cache's whole content.
_MAX_ENTRIES = 448


def _usable() -> bool:
    return (
        _sre is not None
        and isinstance(getattr(re, "_cache", None), dict)
        and array.array(_CODE_TYPE).itemsize == _sre.CODESIZE
        and not os.environ.get("FACTLINT_NO_CACHE")
    )


def _path():  # -> Path; deferred for start-up: rulecache imports the ruleset
    from factlint.rulecache import cache_dir

    build = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}-{_sre.CODESIZE}"
    return cache_dir() / f"regex-{_FORMAT}-{build}.pickle"


def warm() -> int:
    """Put the stored patterns into re's cache, once per process; the number of patterns the
    file holds (0 when there is none)."""
    global _warmed
    if _warmed or not _usable():
        return len(_stored)
    _warmed = True
    import pickle  # deferred for start-up: only when a file is there to read

    from factlint.rulecache import secret_key, unseal

    try:
        with open(_path(), "rb") as fh:
            data = unseal(fh.read(), secret_key(create=False))
        entries = pickle.loads(data) if data is not None else []  # only what this user sealed
        cache = re._cache  # type: ignore[attr-defined]
        for key, args in entries[:_MAX_ENTRIES]:
            _stored[key] = args
            if args is None or key in cache:  # None: a pattern not kept (see _arguments)
                continue
            pattern, flags, code, groups, groupindex, indexgroup = args
            compiled = cache[key] = _sre.compile(pattern, flags, code.tolist(), groups, groupindex, indexgroup)
            # A pickled pattern (the compiled rules hold many) is compiled again with its final
            # flags (re.UNICODE added, inline flags): the same pattern, under that key too.
            alias = (key[0], pattern, flags)
            if alias != key and cache.setdefault(alias, compiled) is compiled:
                _aliases.add(alias)
    except Exception:  # noqa: BLE001 - missing, unreadable or from another build: compile as usual
        return 0
    return len(_stored)


def save() -> bool:
    """Store the patterns this process compiled, if there are any the file does not hold yet.
    Only after warm() (which read the file): a run that loaded no rules keeps it as it is."""
    if not _warmed or not _usable():
        return False
    cache = dict(re._cache)  # type: ignore[attr-defined]
    # As many as there is room for (the file was once left as it was whenever not all fitted,
    # and a grown rule set then compiled its new patterns at every run).
    new = [key for key in cache if key not in _stored and key not in _aliases][: _MAX_ENTRIES - len(_stored)]
    if not new:
        return False
    # Parsed again here, once: the file then spares every later run (a pattern that is not kept
    # is recorded as None, so that it is not parsed again at every run's end either).
    added = {key: _arguments(key, cache[key]) for key in new}
    entries = [*_stored.items(), *added.items()]
    import pickle  # deferred for start-up: see warm()

    from factlint.atomic import atomic_write
    from factlint.rulecache import seal, secret_key

    try:
        secret = secret_key()
        if secret is None:
            return False
        path = _path()
        atomic_write(path, seal(pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL), secret))
    except Exception:  # noqa: BLE001 - a read-only or full cache folder: compile again next time
        return False
    _stored.update(added)
    return True


def _arguments(key: tuple, compiled: re.Pattern) -> tuple | None:
    """The arguments of `_sre.compile` that rebuild `compiled` (as re._compiler.compile makes
    them), or None for a pattern that is not kept (bytes flags oddities, DEBUG, a mismatch)."""
    kind, pattern, flags = key
    if kind is not str or not isinstance(flags, int) or flags & re.DEBUG or compiled.pattern != pattern:
        return None
    try:
        parsed = _parser.parse(pattern, flags)
        # An array of machine words: it pickles as bytes, ten times faster to load than a list.
        code = array.array(_CODE_TYPE, _compiler._code(parsed, flags))
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        args = (pattern, flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        rebuilt = _sre.compile(pattern, args[1], code.tolist(), *args[3:])
    except Exception:  # noqa: BLE001 - an internal of `re` changed shape: not kept
        return None
    # Pattern equality is CPython's own: same pattern, flags and compiled code.
    return args if rebuilt == compiled and rebuilt.groupindex == compiled.groupindex else None
