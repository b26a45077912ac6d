"""Office-holders knowledge base: offices, their holders' terms and the people's name variants.

Read from YAML tables (rules/Offices/data/*.yml). Dates are written with the precision the
editor is sure of: "2005-11-22" (day), "2005-11" (month) or "2005" (year); a term is then known
only to lie between the earliest and the latest reading of its dates, and a check trusts only
what holds for every reading (see Term.surely_held / Term.possibly_held).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import factlint.safeyaml as safeyaml

ROLES = {
    # generic titles: the words English news puts before a name for each kind of office
    "president": ["President"],
    "prime-minister": ["Prime Minister", "PM", "Premier"],
    "chancellor": ["Chancellor"],
    "foreign-minister": [
        "Foreign Minister",
        "Foreign Secretary",
        "Secretary of State",
        "Foreign Affairs Minister",
        "Minister of Foreign Affairs",
    ],
    "secretary-general": ["Secretary-General", "Secretary General"],
    "supreme-leader": ["Supreme Leader"],
}
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
Day = datetime.date


class TableError(ValueError):
    """A malformed office table (the message names the office and what is wrong)."""


def strip_accents(text: str) -> str:
    """'Erdoğan' -> 'Erdogan', 'Łukasz' -> 'Lukasz' (NFKD drops most marks; a few letters by hand)."""
    text = text.translate(str.maketrans("łŁøØđĐıßə", "lLoOdDisa"))
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def name_key(text: str) -> str:
    """How names are compared: no accents, no dots, apostrophes or hyphens, lower case."""
    text = strip_accents(text).replace(".", " ").replace("-", " ").replace("'", "").replace("’", "")
    return " ".join(text.lower().split())


def parse_bound(value, end: bool = False) -> tuple[Day, Day, str]:
    """(earliest, latest, precision) of a written date: day, month or year precision."""
    if isinstance(value, datetime.date):
        return value, value, "day"
    m = _DATE.match(str(value).strip())
    if not m:
        raise TableError(f"date {value!r} must be YYYY, YYYY-MM or YYYY-MM-DD")
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    if mo and not 1 <= int(mo) <= 12 or d and not 1 <= int(d) <= 31:
        raise TableError(f"date {value!r} is not a calendar date")
    if d:
        day = Day(y, int(mo), int(d))
        return day, day, "day"
    if mo:
        first = Day(y, int(mo), 1)
        nxt = Day(y + (int(mo) == 12), int(mo) % 12 + 1, 1)
        return first, nxt - datetime.timedelta(days=1), "month"
    return Day(y, 1, 1), Day(y, 12, 31), "year"


@dataclass(frozen=True)
class Term:
    person: str
    start: tuple  # (earliest, latest, precision)
    end: tuple | None  # None: in office when the table was last verified

    def surely_held(self, day: Day, verified: Day) -> bool:
        """In office on `day` under every reading of the dates (an open term only up to `verified`)."""
        if day < self.start[1]:
            return False
        if self.end is None:
            return day <= verified
        return day < self.end[0]

    def possibly_held(self, day: Day, slack: int = 0) -> bool:
        """In office on `day` under some reading of the dates, give or take `slack` days."""
        pad = datetime.timedelta(days=slack)
        if day + pad < self.start[0]:
            return False
        return self.end is None or day - pad <= self.end[1]

    def overlaps_year(self, year: int) -> bool:
        return (
            self.possibly_held(Day(year, 1, 1))
            or self.possibly_held(Day(year, 12, 31))
            or (self.start[0].year <= year and (self.end is None or self.end[1].year >= year))
        )

    def distance(self, day: Day) -> int:
        """Days from `day` to the nearest possible day of the term (0 inside)."""
        if day < self.start[0]:
            return (self.start[0] - day).days
        if self.end is not None and day > self.end[1]:
            return (day - self.end[1]).days
        return 0

    def describe(self) -> str:
        return f"{_show(self.start)}–{_show(self.end) if self.end else 'present'}"


def _show(bound: tuple) -> str:
    day, _latest, precision = bound
    if precision == "day":
        return f"{day.day} {day.strftime('%B')} {day.year}"
    if precision == "month":
        return f"{day.strftime('%B')} {day.year}"
    return str(day.year)


@dataclass
class Office:
    id: str
    role: str
    name: str  # "President of Russia"
    source: str
    qualifiers: list[str]  # words that name the office's state or body: "Russian", "Russia"
    generics: list[str] = field(default_factory=list)  # extra titles ("Taoiseach")
    abolished: Day | None = None  # no holder from this day on (office abolished or left vacant)
    terms: list[Term] = field(default_factory=list)

    def holders_on(self, day: Day, verified: Day) -> list[str]:
        return [t.person for t in self.terms if t.surely_held(day, verified)]

    def in_gap(self, day: Day) -> bool:
        """No term possibly covers `day` (an omitted acting holder): who held the office is
        unknown. After `abolished` there is no gap: nobody held it. After the table's
        `verified` day the open term may have ended: see OfficeBase.verified."""
        if self.abolished is not None and day >= self.abolished:
            return False
        return not any(t.possibly_held(day) for t in self.terms)


@dataclass
class Person:
    name: str
    variants: set[str] = field(default_factory=set)  # name_key()s of full names
    surnames: set[str] = field(default_factory=set)  # name_key()s a bare surname may take


@dataclass
class OfficeBase:
    offices: list[Office]
    people: dict[str, Person]
    verified: Day  # the table's terms are checked up to this day
    sources: dict[str, str] = field(default_factory=dict)

    def terms_of(self, person: str) -> list[tuple[Office, Term]]:
        return [(o, t) for o in self.offices for t in o.terms if t.person == person]


def load_tables(paths: Iterable[Path | str]) -> OfficeBase:
    """Read and validate office tables; raise TableError naming the first problem."""
    import yaml  # deferred for start-up: the compiled rules hold the tables, a cached run never reads them

    offices, people, verified = [], {}, None
    seen_ids = set()
    for path in paths:
        where = Path(path).name
        try:
            data = safeyaml.load(Path(path).read_text(encoding="utf-8")) or {}
        except (yaml.YAMLError, ValueError) as exc:  # PyYAML raises ValueError for 2000-13-01
            raise TableError(f"{where}: not readable YAML ({exc})") from None
        v = data.get("verified")
        if v is not None:
            day = parse_bound(v)[1]
            verified = day if verified is None else min(verified, day)
        for name, info in (data.get("people") or {}).items():
            person = people.setdefault(name, Person(name))
            for aka in (info or {}).get("aka") or ():
                person.variants.add(name_key(str(aka)))
            for s in (info or {}).get("surname") or ():
                person.surnames.add(name_key(str(s)))
        for n, raw in enumerate(data.get("offices") or (), 1):
            offices.append(_office(raw, f"{where}: office {n}", seen_ids, people))
    if verified is None:
        raise TableError("no table says up to which day it was verified ('verified:')")
    for person in people.values():
        person.variants.add(name_key(person.name))
        if not person.surnames:
            person.surnames.add(name_key(person.name).split()[-1])
    return OfficeBase(offices, people, verified)


def _office(raw: dict, where: str, seen_ids: set, people: dict) -> Office:
    for key in ("id", "role", "name", "source", "holders"):
        if not raw.get(key):
            raise TableError(f"{where} needs '{key}'")
    if raw["role"] not in ROLES:
        raise TableError(f"{where} ({raw['id']}): role must be one of {', '.join(ROLES)}")
    if raw["id"] in seen_ids:
        raise TableError(f"{where}: duplicate id {raw['id']}")
    seen_ids.add(raw["id"])
    quals = [str(q) for q in raw.get("qualifiers") or ()]
    if not quals:
        raise TableError(f"{where} ({raw['id']}) needs 'qualifiers' (the state or body: 'Russian', 'Russia')")
    abolished = parse_bound(raw["abolished"])[0] if raw.get("abolished") else None
    office = Office(
        raw["id"],
        raw["role"],
        raw["name"],
        raw["source"],
        quals,
        [str(t) for t in raw.get("generics") or ()],
        abolished,
    )
    previous = None
    for h in raw["holders"]:
        if not isinstance(h, list) or len(h) not in (2, 3):
            raise TableError(f"{where} ({raw['id']}): holder {h!r} must be [name, start, end]")
        try:
            start = parse_bound(h[1])
            end = parse_bound(h[2]) if len(h) == 3 and h[2] is not None else None
        except TableError as exc:
            raise TableError(f"{where} ({raw['id']}), {h[0]}: {exc}") from None
        if end is not None and end[1] < start[0]:
            raise TableError(f"{where} ({raw['id']}), {h[0]}: ends before it starts")
        # Terms in order; an overlap is allowed (an acting holder before the formal start).
        if previous is not None and (start[0] < previous.start[0] or previous.end is None):
            raise TableError(f"{where} ({raw['id']}), {h[0]}: terms out of order (or after an open term)")
        term = Term(str(h[0]), start, end)
        people.setdefault(term.person, Person(term.person))
        office.terms.append(term)
        previous = term
    return office
