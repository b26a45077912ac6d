"""Checks on the history knowledge base (rules/History/data/events.yml).

Reads the YAML directly, with no import of factlint, so that a broken table is caught even when
the engine is not importable. Every check below is written so that it can fail: each names the
offending events.
"""
import datetime
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

EVENTS_PATH = Path(__file__).resolve().parents[1] / "rules/History/data/events.yml"

REQUIRED = {"id", "name", "aliases", "anchor", "span", "source"}
OPTIONAL = {"heads", "qualifiers", "date", "also_named", "decoys"}
SOURCE_PREFIXES = ("Wikipedia: ", "Encyclopaedia Britannica: ")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MIN_EVENTS = 150
YEAR_RANGE = range(1500, 2100)  # what the event-date rule reads as a year


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
        raise yaml.constructor.ConstructorError(
            None, None, f"repeated key(s) {', '.join(dupes)}", node.start_mark
        )
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_strict_mapping)


def test_no_repeated_keys():
    with EVENTS_PATH.open(encoding="utf-8") as fh:
        yaml.load(fh, Loader=_StrictLoader)  # raises on a repeated key


def _is_year(value):
    return type(value) is int and value in YEAR_RANGE


def _is_text(value):
    return isinstance(value, str) and value.strip() == value and value != ""


def _fail(problems):
    if problems:
        pytest.fail(f"{len(problems)} problem(s):\n  " + "\n  ".join(problems[:50]))


def _label(n, ev):
    return f"event {n} ({ev.get('id', '?') if isinstance(ev, dict) else '?'})"


def test_enough_events(events):
    assert len(events) >= MIN_EVENTS, f"only {len(events)} events, want at least {MIN_EVENTS}"


def test_keys_exactly_the_allowed_ones(events):
    problems = []
    for n, ev in enumerate(events, 1):
        if not isinstance(ev, dict):
            problems.append(f"{_label(n, ev)}: not a mapping")
            continue
        keys = set(ev)
        if REQUIRED - keys:
            problems.append(f"{_label(n, ev)}: missing {sorted(REQUIRED - keys)}")
        if keys - REQUIRED - OPTIONAL:
            problems.append(f"{_label(n, ev)}: unknown keys {sorted(keys - REQUIRED - OPTIONAL)}")
    _fail(problems)


def test_field_types(events):
    problems = []
    for n, ev in enumerate(events, 1):
        where = _label(n, ev)
        if not (_is_text(ev.get("id")) and ID_RE.match(ev["id"])):
            problems.append(f"{where}: id must be kebab-case")
        if not _is_text(ev.get("name")):
            problems.append(f"{where}: name must be a non-empty string")
        aliases = ev.get("aliases")
        if not (isinstance(aliases, list) and aliases and all(_is_text(a) for a in aliases)):
            problems.append(f"{where}: aliases must be a non-empty list of non-empty strings")
        if not _is_year(ev.get("anchor")):
            problems.append(f"{where}: anchor must be an integer year")
        span = ev.get("span")
        if not (isinstance(span, list) and len(span) == 2 and all(_is_year(y) for y in span)):
            problems.append(f"{where}: span must be [first_year, last_year]")
        for key in ("heads", "qualifiers"):
            if key in ev and not (
                isinstance(ev[key], list) and ev[key] and all(_is_text(w) for w in ev[key])
            ):
                problems.append(f"{where}: {key} must be a non-empty list of non-empty strings")
        if "heads" in ev and isinstance(ev["heads"], list) and any(
            isinstance(h, str) and re.search(r"\s", h) for h in ev["heads"]
        ):
            problems.append(f"{where}: heads are single words")
        if "date" in ev and type(ev["date"]) is not datetime.date:
            problems.append(f"{where}: date must be an unquoted ISO date (YYYY-MM-DD)")
        if "also_named" in ev and not (
            isinstance(ev["also_named"], list) and all(_is_year(y) for y in ev["also_named"])
        ):
            problems.append(f"{where}: also_named must be a list of integer years")
        if "decoys" in ev:
            decoys = ev["decoys"]
            if not isinstance(decoys, list) or not all(
                isinstance(d, dict) and set(d) == {"year", "why"} and _is_year(d["year"]) and _is_text(d["why"])
                for d in decoys
            ):
                problems.append(f"{where}: decoys must be a list of {{year: int, why: non-empty string}}")
        if not _is_text(ev.get("source")):
            problems.append(f"{where}: source must be a non-empty string")
    _fail(problems)


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
        f"{ev['id']}: alias {a!r} is a bare head noun"
        for ev in events
        for a in ev["aliases"]
        if a.casefold() in heads
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
        if not any(
            ev["source"].startswith(p) and ev["source"][len(p):].strip() for p in SOURCE_PREFIXES
        )
    ]
    _fail(problems)
