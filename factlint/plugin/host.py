"""The plugin manager: built-in features plus guarded loading of entry-point plugins.

A plugin that fails to import is reported on stderr and skipped; the run goes on (SQLFluff learnt
this after one stale plugin broke every command).
"""

from __future__ import annotations

import hashlib
import importlib
import itertools
import os
import sys
from typing import Any

import pluggy

from factlint import __version__, builtin
from factlint.atomic import atomic_write
from factlint.errors import UserError
from factlint.plugin import hookspecs
from factlint.rulecache import cache_dir, prune

ENTRY_POINT_GROUP = "factlint"
_BUILTIN = "builtin"


class PluginHost:
    def __init__(self, load_entry_points: bool = True, extra_plugins: tuple | list = ()) -> None:
        self.pm = pluggy.PluginManager("factlint")
        self.pm.add_hookspecs(hookspecs)
        self.versions: dict[str, str] = {}  # plugin name -> version string
        self.failures: list[tuple[str, str]] = []  # (name, error message)
        # Registered directly so a source checkout works without being installed; the entry point
        # of the same name is then skipped.
        self.pm.register(builtin, name=_BUILTIN)
        self.versions[_BUILTIN] = __version__
        for plugin in extra_plugins:
            self.register(plugin)
        if load_entry_points:
            self._load_entry_points()

    def register(self, plugin: object, name: str | None = None, version: str = "?") -> str:
        registered = self.pm.register(plugin, name=name)
        assert registered is not None, f"plugin {name!r} is already registered"
        self.versions[registered] = version
        return registered

    def _load_entry_points(self) -> None:
        for name, value, version in entry_points():
            if name == _BUILTIN or self.pm.has_plugin(name):
                continue
            try:
                plugin = _load(value)
                self.pm.register(plugin, name=name)
            except Exception as exc:  # noqa: BLE001 - any failure in a plugin must not stop the run
                msg = f"{type(exc).__name__}: {exc}"
                self.failures.append((name, msg))
                print(f"factlint: plugin {name!r} failed to load and was skipped ({msg})", file=sys.stderr)
                continue
            self.versions[name] = version

    # -- collected hook results -------------------------------------------------------------
    def rule_kinds(self) -> dict[str, Any]:
        return _merge_dicts(self._collect("factlint_rule_kinds", dict))

    def rule_packs(self) -> list[Any]:
        packs: list[Any] = []
        for result in reversed(self._collect("factlint_rule_packs", (list, tuple))):  # registration order
            packs.extend(result or ())
        return packs

    def formatters(self) -> dict[str, Any]:
        return _merge_dicts(self._collect("factlint_formatters", dict))

    def default_config(self) -> dict[str, Any]:
        return _merge_dicts(self._collect("factlint_default_config", dict))

    def _collect(self, name: str, types: type | tuple) -> list[Any]:
        """The results of a collecting hook, last registered first (as pluggy's), each checked:
        a plugin whose hook raises or returns the wrong type is named in a UserError."""
        results = []
        for impl in reversed(getattr(self.pm.hook, name).get_hookimpls()):
            try:
                result = impl.function(**{arg: None for arg in impl.argnames})
            except Exception as exc:  # noqa: BLE001 - a plugin's bug, reported with its name
                raise UserError(f"plugin {impl.plugin_name!r}: {name} failed ({type(exc).__name__}: {exc})") from None
            if result is not None and not isinstance(result, types):
                raise UserError(f"plugin {impl.plugin_name!r}: {name} returned {type(result).__name__}")
            results.append(result)
        return results

    def plugins(self) -> list[tuple[str, str, list[str]]]:
        """(name, version, hooks implemented) for every registered plugin."""
        rows = []
        for name, plugin in self.pm.list_name_plugin():
            hooks = sorted(h.name for h in self.pm.get_hookcallers(plugin) or ())
            rows.append((name, self.versions.get(name, "?"), hooks))
        return rows


def entry_points() -> list[tuple[str, ...]]:
    """[(name, value, version)] of the `factlint` entry-point group.

    Scanning the metadata of every installed distribution (importlib.metadata) costs more than
    the rest of start-up together, so the answer is cached, keyed on the modification times of
    the folders on sys.path: installing, upgrading or removing a distribution adds or removes
    entries in its folder and so changes that folder's time (see _stamp for the first folder).
    FACTLINT_NO_CACHE=1 always scans."""
    path = None
    if not os.environ.get("FACTLINT_NO_CACHE"):
        h = hashlib.sha256(sys.version.encode())
        for number, entry in enumerate(sys.path):
            h.update(f"\0{entry}\0{_stamp(entry, first=number == 0)}".encode())
        path = cache_dir() / f"plugins-{h.hexdigest()[:32]}.txt"
        try:
            with open(path, encoding="utf-8") as fh:
                rows = [tuple(line.rstrip("\n").split("\t")) for line in fh if line.strip()]
            if all(len(row) == 3 and all(row) for row in rows):  # a damaged list is scanned again
                return rows
        except (OSError, UnicodeDecodeError):
            pass
    found: list[tuple[str, ...]] = list(_scan_entry_points())
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, "".join(f"{n}\t{v}\t{ver}\n" for n, v, ver in found).encode("utf-8"))
            prune(path.parent, "plugins-*.txt", KEEP_PLUGIN_LISTS)
        except OSError:  # a read-only home: scan again next time
            pass
    return found


KEEP_PLUGIN_LISTS = 8  # one for each environment in use (a venv, a script's folder)
FIRST_FOLDER_LIMIT = 1000  # entries of sys.path[0] listed at most (see _stamp)


def _stamp(entry: str, first: bool) -> str:
    """What changes when a distribution is installed in or removed from a sys.path folder: its
    modification time. Not for the first folder where it can be read otherwise: that is the
    working directory (`python -m factlint`) or a script's folder, whose time changes whenever
    its user saves a file, which cost a scan of every distribution (15-40 ms) and a new list
    in the cache folder each time. There, the names and times of its distributions' metadata
    folders; its time when it has too many entries to list at start-up."""
    folder = entry or "."
    try:
        if first:
            with os.scandir(folder) as listing:
                items = list(itertools.islice(listing, FIRST_FOLDER_LIMIT + 1))
            if len(items) <= FIRST_FOLDER_LIMIT:
                dists = (i for i in items if i.name.endswith((".dist-info", ".egg-info", ".egg-link")))
                return "dists:" + "|".join(sorted(f"{i.name}:{i.stat().st_mtime_ns}" for i in dists))
    except OSError:  # not a folder (a zip on sys.path), or unreadable: its time, as below
        pass
    try:
        return str(os.stat(folder).st_mtime_ns)
    except OSError:
        return "-"


def _scan_entry_points() -> list[tuple[str, str, str]]:
    # Deferred for start-up: importlib.metadata costs 15 ms, and the scan is cached (above).
    from importlib.metadata import entry_points as all_entry_points

    eps = all_entry_points(group=ENTRY_POINT_GROUP)
    found = []
    for ep in eps:
        dist = getattr(ep, "dist", None)
        version = (getattr(dist, "version", None) if dist else None) or "?"
        found.append((ep.name, ep.value, version))
    return found


def _load(value: str) -> Any:
    """What EntryPoint.load() does: `module` or `module:attr.attr` (extras in brackets ignored)."""
    module, _, attrs = value.split("[", 1)[0].partition(":")
    obj = importlib.import_module(module.strip())
    for attr in filter(None, attrs.strip().split(".")):
        obj = getattr(obj, attr)
    return obj


_SHARED_HOST: PluginHost | None = None


def shared_host() -> PluginHost:
    """The host of this process's installed plugins, built once: configuration discovery (the
    plugins' defaults) and the Linter both need it."""
    global _SHARED_HOST
    if _SHARED_HOST is None:
        _SHARED_HOST = PluginHost()
    return _SHARED_HOST


def _merge_dicts(results: list[dict[str, Any] | None]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    # pluggy returns the last registered plugin first; apply built-ins first so plugins override.
    for result in reversed(results):
        merged.update(result or {})
    return merged
