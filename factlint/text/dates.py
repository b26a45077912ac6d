"""Date grammar shared by the kinds: month names, number and ordinal words, dates as written
("24 April 1915", "April 24, 1915", "1932–33", "the 1920s"), a document's own date (front matter,
--date or a dateline) and dates formatted back for messages."""

from __future__ import annotations

import datetime
import re

from factlint.lazyre import lazy_compile
from factlint.text.numbers import TENS, UNITS

MONTH_NAMES = "January February March April May June July August September October November December".split()
MONTH_NUM = {m.lower(): n for n, m in enumerate(MONTH_NAMES, 1)}
MONTHS = "|".join(MONTH_NAMES)

# A date: "24 April 1915", "24th of April 1915", "April 24, 1915", "April 1915", "1915",
# "1932–33", "1915-1923"; or a decade ("1920s"). Years 1500-2099; not "2,000", "£1915", "1915's".
DATE = lazy_compile(
    rf"(?:(?<![\w.,])(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{MONTHS})\s+"
    rf"|(?P<m2>{MONTHS})\s+(?:(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+)?)?"
    r"(?<![\w,.$£€/-])(?P<y>1[5-9]\d\d|20\d\d)(?:[–-](?P<to>\d{4}|\d{2})(?!\d))?(?![\w%]|[.,]\d|['’]s\b)"
    r"|(?<![\w'’])(?P<dec>1[5-9]\d0|20\d0)['’]?s\b"
)

# Numbers in words, for "thirty years ago" and "the thirtieth anniversary".
_UNITS, _TENS = UNITS, TENS
_ORD_UNITS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_ORD_TENS = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()
CARDINALS = {w: n for n, w in enumerate(_UNITS)}
ORDINALS = {w: n for n, w in enumerate(_ORD_UNITS)}
for _t, _w in enumerate(_TENS, 2):
    CARDINALS[_w] = _t * 10
    ORDINALS[_ORD_TENS[_t - 2]] = _t * 10
    for _u in range(1, 10):
        CARDINALS[f"{_w}-{_UNITS[_u]}"] = _t * 10 + _u
        ORDINALS[f"{_w}-{_ORD_UNITS[_u]}"] = _t * 10 + _u
CARDINALS.update({"a hundred": 100, "one hundred": 100, "hundred": 100})
ORDINALS.update({"hundredth": 100, "one hundredth": 100})
SPECIAL = {
    "centenary": 100,
    "centennial": 100,
    "bicentenary": 200,
    "bicentennial": 200,
    "tercentenary": 300,
    "tricentennial": 300,
    "sesquicentennial": 150,
    "quincentenary": 500,
}


def alternation(words):
    return "|".join(
        re.escape(w).replace(r"\-", "[- ]").replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


NUM = rf"(?:(?<![\d,.])\d{{1,3}}|(?i:{alternation(CARDINALS)}))"
ORD = rf"(?:(?<![\d,.])\d{{1,3}}(?:st|nd|rd|th)|(?i:{alternation(ORDINALS)}))"
SPECIAL_WORDS = rf"(?i:{alternation(SPECIAL)})"

# The document's own date on its first line: "Published: 26 April 2021", "Date: 2024-03-12".
DATELINE = lazy_compile(
    r"\A\s*(?:Published|Posted|Date|Dated)(?:\s+on)?\s*[:–-]?\s*"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})|(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{MONTHS}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{MONTHS})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,\s+(?P<y2>\d{{4}}))"
    r"(?:[ ,]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?[ \t]*\r?$",
    re.M,
)


def parse_date(value):
    """(year, month, day) from a datetime/date, an ISO string ('2024-03-12', '2024-03-12T10:00')
    or None."""
    if value is None:
        return None
    if isinstance(value, (datetime.date, datetime.datetime)):
        return (value.year, value.month, value.day)
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(value))
    if not m:
        return dateline(f"Date: {value}")  # front matter "date: 12 March 2024"
    try:
        d = datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return (d.year, d.month, d.day)


def dateline(text):
    """The date of a plain dateline on the first non-blank line, or None."""
    m = DATELINE.match(text, 0, min(len(text), 200))
    if not m:
        return None
    if m.group("iso"):
        return parse_date(m.group("iso"))
    y, mon, d = (
        (m.group("y1"), m.group("m1"), m.group("d1"))
        if m.group("y1")
        else (m.group("y2"), m.group("m2"), m.group("d2"))
    )
    try:
        dt = datetime.date(int(y), MONTH_NUM[mon.lower()], int(d))
    except ValueError:
        return None
    return (dt.year, dt.month, dt.day)


def document_date(doc):
    """(year, month, day) of the document: Document.date (front matter, --date) or a dateline."""
    return parse_date(doc.date) if doc.date is not None else dateline(doc.text)


def number(text):
    text = " ".join(text.lower().replace("-", " ").split())
    if text[:1].isdigit():
        return int(re.match(r"\d+", text).group())
    for table in (CARDINALS, ORDINALS, SPECIAL):
        for word, n in table.items():
            if word.replace("-", " ") == text:
                return n
    return None


def ordinal(n):
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def format_date(ymd, style="dmy"):
    y, m, d = ymd
    if style == "mdy":
        return f"{MONTH_NAMES[m - 1]} {d}, {y}"
    if style == "my":
        return f"{MONTH_NAMES[m - 1]} {y}"
    if style == "y":
        return str(y)
    return f"{d} {MONTH_NAMES[m - 1]} {y}"


class DateExpr:
    """One date as written: year, optional month/day, range end, or a decade."""

    __slots__ = ("start", "end", "year", "month", "day", "to", "to_text", "dash", "decade", "style")

    def __init__(self, m):
        self.start, self.end = m.start(), m.end()
        self.decade = int(m.group("dec")) if m.group("dec") else None
        self.year = int(m.group("y")) if m.group("y") else None
        month = m.group("m1") or m.group("m2")
        day = m.group("d1") or m.group("d2")
        self.month = MONTH_NUM[month.lower()] if month else None
        self.day = int(day) if day else None
        self.style = "dmy" if m.group("d1") else "mdy" if m.group("d2") else "my" if month else "y"
        self.to, self.to_text, self.dash = None, None, "–"
        if m.group("to"):
            self.to_text = m.group("to")
            self.dash = m.string[m.start("to") - 1]
            to = int(self.to_text)
            if len(self.to_text) == 2:
                to += self.year - self.year % 100
                if to < self.year:
                    to += 100
            self.to = to

    def valid(self):
        return self.day is None or 1 <= self.day <= 31
