"""The plugin manager: built-in features plus guarded loading of entry-point plugins.

A plugin that fails to import is reported on stderr and skipped; the run goes on (SQLFluff learnt
this after one stale plugin broke every command).
"""
import sys

import pluggy

from factlint.plugin import hookspecs

ENTRY_POINT_GROUP = "factlint"
_BUILTIN = "builtin"


class PluginHost:
    def __init__(self, load_entry_points=True, extra_plugins=()):
        self.pm = pluggy.PluginManager("factlint")
        self.pm.add_hookspecs(hookspecs)
        self.versions = {}  # plugin name -> version string
        self.failures = []  # (name, error message)
        from factlint import __version__, builtin

        # Registered directly so a source checkout works without being installed; the entry point
        # of the same name is then skipped.
        self.pm.register(builtin, name=_BUILTIN)
        self.versions[_BUILTIN] = __version__
        for plugin in extra_plugins:
            self.register(plugin)
        if load_entry_points:
            self._load_entry_points()

    def register(self, plugin, name=None, version="?"):
        name = self.pm.register(plugin, name=name)
        self.versions[name] = version
        return name

    def _load_entry_points(self):
        from importlib.metadata import entry_points

        try:
            eps = entry_points(group=ENTRY_POINT_GROUP)
        except TypeError:  # Python < 3.10
            eps = entry_points().get(ENTRY_POINT_GROUP, [])
        for ep in eps:
            if ep.name == _BUILTIN or self.pm.has_plugin(ep.name):
                continue
            try:
                plugin = ep.load()
                self.pm.register(plugin, name=ep.name)
            except Exception as exc:  # noqa: BLE001 - any failure in a plugin must not stop the run
                msg = f"{type(exc).__name__}: {exc}"
                self.failures.append((ep.name, msg))
                print(f"factlint: plugin {ep.name!r} failed to load and was skipped ({msg})", file=sys.stderr)
                continue
            dist = getattr(ep, "dist", None)
            self.versions[ep.name] = getattr(dist, "version", "?") if dist else "?"

    # -- collected hook results -------------------------------------------------------------
    def rule_kinds(self):
        return _merge_dicts(self.pm.hook.factlint_rule_kinds())

    def rule_packs(self):
        packs = []
        for result in reversed(self.pm.hook.factlint_rule_packs()):  # registration order
            packs.extend(result or ())
        return packs

    def formatters(self):
        return _merge_dicts(self.pm.hook.factlint_formatters())

    def default_config(self):
        return _merge_dicts(self.pm.hook.factlint_default_config())

    def plugins(self):
        """(name, version, hooks implemented) for every registered plugin."""
        rows = []
        for name, plugin in self.pm.list_name_plugin():
            hooks = sorted(h.name for h in self.pm.get_hookcallers(plugin) or ())
            rows.append((name, self.versions.get(name, "?"), hooks))
        return rows


def _merge_dicts(results):
    merged = {}
    # pluggy returns the last registered plugin first; apply built-ins first so plugins override.
    for result in reversed(results):
        merged.update(result or {})
    return merged
