"""The history knowledge base: events with their dates and sources (rules/History/data/events.yml).

One schema for the loader (the event-date kind) and for tests/test_knowledge_history.py:

    events:
      - id: armenian-genocide            # kebab-case, unique
        name: Armenian genocide
        aliases: [Armenian genocide, Meds Yeghern]
        heads: [genocide]                # optional, with qualifiers: "the Ottoman genocide"
        qualifiers: [Armenian, Ottoman]
        anchor: 1915                     # the year that names the event
        span: [1915, 1923]               # first and last year
        date: 1915-04-24                 # optional, unquoted ISO date, in the anchor year
        also_named: [1916]               # optional, other years that name it
        decoys: [{year: 1918, why: "the end of the First World War"}]   # optional
        source: "Encyclopaedia Britannica: Armenian Genocide"
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from factlint.lazyre import lazy_compile

REQUIRED = frozenset({"id", "name", "aliases", "anchor", "span", "source"})
OPTIONAL = frozenset({"heads", "qualifiers", "date", "also_named", "decoys"})
ID_RE = lazy_compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # only compiling rules validates the table
YEAR_RANGE = range(1500, 2100)  # what the event-date rule reads as a year

YMD = tuple[int, int, int]


@dataclass
class Event:
    """One event of the table, validated; `named` are the years that name it (anchor and
    also_named), `decoys` maps a wrong year to why it is a common mistake."""

    id: str
    name: str
    aliases: tuple[str, ...]
    anchor: int
    span: tuple[int, int]
    source: str
    heads: tuple[str, ...] = ()
    qualifiers: tuple[str, ...] = ()
    date: YMD | None = None
    also_named: tuple[int, ...] = ()
    decoys: dict[int, str] = field(default_factory=dict)
    named: frozenset[int] = field(init=False)

    def __post_init__(self) -> None:
        self.named = frozenset({self.anchor, *self.also_named})


def _is_year(value: Any) -> bool:
    return type(value) is int and value in YEAR_RANGE


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() == value and value != ""


def _words(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(_is_text(w) for w in value)


def problems(entry: Any) -> list[str]:
    """What is wrong with one table entry (empty: it is a valid event)."""
    if not isinstance(entry, dict):
        return ["not a mapping"]
    out = []
    keys = set(entry)
    if REQUIRED - keys:
        out.append(f"missing {sorted(REQUIRED - keys)}")
    if keys - REQUIRED - OPTIONAL:
        out.append(f"unknown keys {sorted(keys - REQUIRED - OPTIONAL)}")
    if not (_is_text(entry.get("id")) and ID_RE.match(entry["id"])):
        out.append("id must be kebab-case")
    if not _is_text(entry.get("name")):
        out.append("name must be a non-empty string")
    if not _words(entry.get("aliases")):
        out.append("aliases must be a non-empty list of non-empty strings")
    if not _is_year(entry.get("anchor")):
        out.append("anchor must be an integer year")
    span = entry.get("span")
    if not (isinstance(span, list) and len(span) == 2 and all(_is_year(y) for y in span)):
        out.append("span must be [first_year, last_year]")
    for key in ("heads", "qualifiers"):
        if key in entry and not _words(entry[key]):
            out.append(f"{key} must be a non-empty list of non-empty strings")
    heads = entry.get("heads")
    if isinstance(heads, list) and any(isinstance(h, str) and re.search(r"\s", h) for h in heads):
        out.append("heads are single words")
    if "date" in entry and type(entry["date"]) is not datetime.date:
        out.append("date must be an unquoted ISO date (YYYY-MM-DD)")
    if "also_named" in entry and not (
        isinstance(entry["also_named"], list) and all(_is_year(y) for y in entry["also_named"])
    ):
        out.append("also_named must be a list of integer years")
    decoys = entry.get("decoys", [])
    if not isinstance(decoys, list) or not all(
        isinstance(d, dict) and set(d) == {"year", "why"} and _is_year(d["year"]) and _is_text(d["why"]) for d in decoys
    ):
        out.append("decoys must be a list of {year: int, why: non-empty string}")
    if not _is_text(entry.get("source")):
        out.append("source must be a non-empty string")
    return out


def event(entry: dict) -> Event:
    """An Event from a valid entry (check it with problems() first)."""
    date = entry.get("date")
    return Event(
        id=entry["id"],
        name=entry["name"],
        aliases=tuple(entry["aliases"]),
        anchor=entry["anchor"],
        span=(entry["span"][0], entry["span"][1]),
        source=entry["source"],
        heads=tuple(entry.get("heads") or ()),
        qualifiers=tuple(entry.get("qualifiers") or ()),
        date=(date.year, date.month, date.day) if date is not None else None,
        also_named=tuple(entry.get("also_named") or ()),
        decoys={d["year"]: d["why"] for d in entry.get("decoys") or ()},
    )


class TableError(ValueError):
    """A table that does not follow the schema; the message names the entry."""


def load_events(data: Any) -> list[Event]:
    """The events of a loaded table (`{"events": [...]}`); TableError on the first bad entry."""
    entries = data.get("events") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise TableError("needs a non-empty 'events' list")
    events = []
    for n, entry in enumerate(entries, 1):
        found = problems(entry)
        if found:
            label = (entry.get("id") or entry.get("name") or "?") if isinstance(entry, dict) else "?"
            raise TableError(f"event {n} ({label}): {'; '.join(found)}")
        events.append(event(entry))
    return events
