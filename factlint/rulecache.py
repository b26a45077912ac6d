"""Compiled-rules cache: start-up should not re-parse YAML and rebuild automata on every run.

The key covers factlint's version, the loaded plugins and their versions, the configuration that
shapes rules, and the *content* of every file in every pack folder, so an edited rule or table is
never served stale. Set FACTLINT_NO_CACHE=1 to bypass; FACTLINT_CACHE_DIR to move it.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from factlint import __version__, ruleset
from factlint.atomic import atomic_write


def cache_dir():
    if os.environ.get("FACTLINT_CACHE_DIR"):
        return Path(os.environ["FACTLINT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factlint"


def pack_dirs(host, config):
    dirs = list(host.rule_packs()) if config.builtin_packs else []
    return [str(d) for d in dirs] + list(config.packs)


def ruleset_key(host, config, dirs):
    h = hashlib.sha256()
    h.update(__version__.encode())
    h.update(repr(sorted((n, v) for n, v, _hooks in host.plugins())).encode())
    h.update(config.fingerprint().encode())
    # factlint's own modules (by size and mtime: cheap) and every plugin kind's module, so that
    # editing a kind in a checkout never serves compiled state from older code.
    for rel, path in _files(_PACKAGE, (".py",)):
        st = os.stat(path)
        h.update(f"{rel}:{st.st_size}:{st.st_mtime_ns}".encode())
    for d in dirs:
        h.update(b"\0pack\0" + d.encode())
        for rel, path in _files(d, (".yml", ".yaml", ".txt")):
            h.update(rel.encode() + b"\0")
            with open(path, "rb") as fh:
                h.update(fh.read())
    return h.hexdigest()[:32]


_PACKAGE = os.path.dirname(os.path.realpath(__file__))


def _files(base, suffixes):
    """[(path relative to base with '/', path)] of the files below `base` with these suffixes,
    sorted. (os.walk, not Path.rglob: this runs at every start-up, and rglob cost a millisecond.)"""
    found = []
    for folder, dirs, files in os.walk(base):
        dirs.sort()
        rel = os.path.relpath(folder, base).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        found.extend((prefix + name, os.path.join(folder, name)) for name in files if name.endswith(suffixes))
    found.sort(key=lambda item: item[0].split("/"))
    return found


def _ruleset_path(key):
    return cache_dir() / f"rules-{key}.pickle"


def is_compiled(key):
    """Whether the rules of ruleset_key `key` are in the compiled-rules cache."""
    return not os.environ.get("FACTLINT_NO_CACHE") and _ruleset_path(key).is_file()


def load_ruleset(host, config, key=None):
    """The compiled rules, from the cache when `key` (ruleset_key) has been compiled before."""
    dirs = pack_dirs(host, config)
    use_cache = not os.environ.get("FACTLINT_NO_CACHE")
    path = None
    if use_cache:
        # Deferred for start-up: a run served by the result cache never loads the rules.
        import gc
        import pickle

        key = key or ruleset_key(host, config, dirs)
        path = _ruleset_path(key)
        # Unpickling makes many small objects at once: collecting garbage meanwhile is wasted time.
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            with open(path, "rb") as fh:
                rules = pickle.load(fh)
            rules.key = key  # the result cache (resultcache.py) builds on it
            return rules
        except Exception:  # noqa: BLE001 - a missing or unreadable cache just means compiling
            pass
        finally:
            if gc_was_enabled:
                gc.enable()
    rules = ruleset.compile_rules(dirs, host.rule_kinds(), config.levels)
    if path is not None:
        _store(path, rules)
    rules.key = key
    return rules


def _store(path, rules):
    import pickle  # deferred for start-up: see load_ruleset

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL))
        _prune(path.parent)
    except Exception:  # noqa: BLE001 - a read-only home or an unpicklable plugin rule: no cache
        pass


KEEP_RULESETS = 8  # compiled rule sets kept (each edit of a pack or of factlint makes a new one)


def _prune(folder):
    """Remove all but the most recently written compiled rule sets."""
    try:
        stored = sorted(folder.glob("rules-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in stored[KEEP_RULESETS:]:
            old.unlink()
    except OSError:  # another run pruned it first, or a read-only cache
        pass
