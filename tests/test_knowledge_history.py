"""Checks on the history knowledge base (rules/History/data/events.yml).

Each entry is checked against the one schema the loader uses (factlint.knowledge.events, which
imports nothing of the engine, so a broken table is caught even when the engine is not
importable); the checks across entries (unique ids and aliases, decoys, sources) follow. Every
check below is written so that it can fail: each names the offending events.
"""

import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from factlint.knowledge.events import load_events, problems

EVENTS_PATH = Path(__file__).resolve().parents[1] / "rules/History/data/events.yml"

SOURCE_PREFIXES = ("Wikipedia: ", "Encyclopaedia Britannica: ")
MIN_EVENTS = 150


@pytest.fixture(scope="module")
def events():
    with EVENTS_PATH.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, dict) and set(data) == {"events"}, "top level must be a mapping with only 'events'"
    assert isinstance(data["events"], list), "'events' must be a list"
    return data["events"]


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses a key repeated in one mapping (PyYAML keeps the last silently)."""


def _construct_strict_mapping(loader, node, deep=False):
    keys = [loader.construct_object(k, deep=deep) for k, _v in node.value]
    dupes = sorted({repr(k) for k in keys if keys.count(k) > 1})
    if dupes:
        raise yaml.constructor.ConstructorError(None, None, f"repeated key(s) {', '.join(dupes)}", node.start_mark)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_strict_mapping)


def test_no_repeated_keys():
    with EVENTS_PATH.open(encoding="utf-8") as fh:
        yaml.load(fh, Loader=_StrictLoader)  # raises on a repeated key


def _fail(found):
    if found:
        pytest.fail(f"{len(found)} problem(s):\n  " + "\n  ".join(found[:50]))


def _label(n, ev):
    return f"event {n} ({ev.get('id', '?') if isinstance(ev, dict) else '?'})"


def test_enough_events(events):
    assert len(events) >= MIN_EVENTS, f"only {len(events)} events, want at least {MIN_EVENTS}"


def test_every_event_follows_the_schema(events):
    _fail([f"{_label(n, ev)}: {p}" for n, ev in enumerate(events, 1) for p in problems(ev)])


def test_the_loader_reads_every_event(events):
    loaded = load_events({"events": events})
    assert [e.id for e in loaded] == [ev["id"] for ev in events]


def test_the_schema_catches_what_the_old_loader_let_through():
    entry = {"name": "X", "aliases": ["X war"], "anchor": 1900, "span": [1900, 1901], "source": "s"}
    assert any("missing ['id']" in p for p in problems(entry))
    assert any("date must be" in p for p in problems({**entry, "id": "x", "date": "1900-01-01"}))


def test_ids_unique(events):
    seen = defaultdict(list)
    for n, ev in enumerate(events, 1):
        seen[ev.get("id")].append(n)
    _fail([f"id {i!r} used by events {ns}" for i, ns in seen.items() if len(ns) > 1])


def test_aliases_have_no_years(events):
    """A year inside an alias would be read as a date claim about the event ("9/11" and
    "Apollo 11" are fine; "1915 genocide" is not an alias)."""
    problems = [
        f"{ev['id']}: alias {a!r} contains a year"
        for ev in events
        for a in ev["aliases"]
        if re.search(r"(?<!\d)\d{3,4}(?!\d)", a)
    ]
    _fail(problems)


def test_no_alias_shared_between_or_repeated_within_events(events):
    owners = defaultdict(list)
    for ev in events:
        for a in ev["aliases"]:
            owners[" ".join(a.casefold().split())].append(ev["id"])
    _fail([f"alias {a!r} appears for {ids}" for a, ids in owners.items() if len(ids) > 1])


def test_no_alias_is_a_bare_head_noun(events):
    heads = {h.casefold() for ev in events for h in ev.get("heads") or ()}
    problems = [
        f"{ev['id']}: alias {a!r} is a bare head noun" for ev in events for a in ev["aliases"] if a.casefold() in heads
    ]
    _fail(problems)


def test_heads_given_iff_qualifiers_given(events):
    problems = [
        f"{ev['id']}: heads and qualifiers must be given together"
        for ev in events
        if bool(ev.get("heads")) != bool(ev.get("qualifiers"))
    ]
    _fail(problems)


def test_no_head_qualifier_pair_shared_between_events(events):
    owners = defaultdict(list)
    for ev in events:
        for h in ev.get("heads") or ():
            for q in ev.get("qualifiers") or ():
                owners[(h.casefold(), q)].append(ev["id"])
    _fail([f"head {h!r} with qualifier {q!r} names {ids}" for (h, q), ids in owners.items() if len(ids) > 1])


def test_span_ordered_and_contains_anchor(events):
    problems = []
    for ev in events:
        first, last = ev["span"]
        if first > last:
            problems.append(f"{ev['id']}: span {ev['span']} is not ordered")
        if not first <= ev["anchor"] <= last:
            problems.append(f"{ev['id']}: anchor {ev['anchor']} outside span {ev['span']}")
    _fail(problems)


def test_date_year_is_anchor(events):
    problems = [
        f"{ev['id']}: date {ev['date']} is not in anchor year {ev['anchor']}"
        for ev in events
        if "date" in ev and ev["date"].year != ev["anchor"]
    ]
    _fail(problems)


def test_also_named_differs_from_anchor(events):
    problems = []
    for ev in events:
        named = ev.get("also_named") or []
        if ev["anchor"] in named:
            problems.append(f"{ev['id']}: also_named repeats the anchor {ev['anchor']}")
        if len(set(named)) != len(named):
            problems.append(f"{ev['id']}: also_named has duplicates {named}")
    _fail(problems)


def test_decoys_are_wrong_years(events):
    problems = []
    for ev in events:
        first, last = ev["span"]
        named = set(ev.get("also_named") or [])
        years = [d["year"] for d in ev.get("decoys") or ()]
        if len(set(years)) != len(years):
            problems.append(f"{ev['id']}: duplicate decoy years {years}")
        for y in years:
            if y == ev["anchor"]:
                problems.append(f"{ev['id']}: decoy {y} is the anchor")
            if y in named:
                problems.append(f"{ev['id']}: decoy {y} is in also_named")
            if first == last and y == first:
                problems.append(f"{ev['id']}: decoy {y} is inside the one-year span")
    _fail(problems)


def test_decoy_why_reads_after_the_year(events):
    # The rule prints "... 1918: <why>." -- so `why` must not repeat the year as its subject.
    problems = [
        f"{ev['id']}: why for {d['year']} starts with the year"
        for ev in events
        for d in ev.get("decoys") or ()
        if d["why"].startswith(str(d["year"]))
    ]
    _fail(problems)


def test_sources_name_an_encyclopedia_article(events):
    problems = [
        f"{ev['id']}: source {ev['source']!r} must start with one of {SOURCE_PREFIXES}"
        for ev in events
        if not any(ev["source"].startswith(p) and ev["source"][len(p) :].strip() for p in SOURCE_PREFIXES)
    ]
    _fail(problems)
