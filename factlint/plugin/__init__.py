"""The plugin host and the hook specifications (see hookspecs.py).

A plugin marks its hook implementations with ``factlint.plugin.hookimpl``."""

import pluggy

hookimpl = pluggy.HookimplMarker("factlint")

__all__ = ["hookimpl"]
