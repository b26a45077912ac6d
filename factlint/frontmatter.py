"""Front matter: the YAML (`---`) or TOML (`+++`) block at the head of a Markdown document, read
into the document's metadata (`date:`, `language:`…) and never linted as prose."""

import re

import factlint.safeyaml as safeyaml
from factlint.lazyre import lazy_compile

_FRONT_MATTER = lazy_compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_TOML_FRONT_MATTER = lazy_compile(r"\A\+\+\+[ \t]*\r?\n(.*?\r?\n)?\+\+\+[ \t]*(?:\r?\n|\Z)", re.S)


def read_front_matter(text):
    """Return (end offset, parsed mapping) of a leading front matter block — YAML between
    ``---`` lines (closed by ``---`` or ``...``) or TOML between ``+++`` lines — or (0, {})."""
    m = _FRONT_MATTER.match(text)
    toml = m is None
    if toml:
        m = _TOML_FRONT_MATTER.match(text)
        if not m:
            return 0, {}
    meta = {}
    try:
        if toml:
            loaded = _toml_loads(m.group(1) or "")
        else:
            loaded = safeyaml.load(m.group(1) or "")  # an alias bomb is refused, not expanded
        if isinstance(loaded, dict):
            meta = loaded
    except Exception:  # noqa: BLE001 - a broken front matter is not prose either; just skip it
        pass
    return m.end(), meta


def _toml_loads(source):
    import tomllib  # deferred for start-up: only a document with TOML front matter needs it

    return tomllib.loads(source)
