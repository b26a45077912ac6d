"""The plugin host and the hook specifications (see hookspecs.py)."""
