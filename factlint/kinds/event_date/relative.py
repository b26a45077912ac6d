"""Relative dates: anniversaries and elapsed years ("the 30th anniversary of X", "X, 30 years
ago", "In 1988, two years after X"), counted from the document's date or a date in the sentence."""

from factlint.kinds.event_date.grammar import (
    ANNIVERSARY_AFTER,
    ANNIVERSARY_BEFORE,
    APPROX,
    MARK,
    MAX_GAP,
    PHASE_BEGIN,
    PHASE_END,
    REF_GAP,
    YEARS_BEFORE,
    capitalised,
)
from factlint.text.dates import DATE, DateExpr, document_date, format_date, number, ordinal


class RelativeDates:
    """The anniversaries half of the event-date kind (a mixin of EventDate)."""

    def relative(self, doc, prose, event, m_start, m_end):
        lo = max(0, m_start - MAX_GAP)
        claims = []
        # The two searches before the mention try every position of the window: each is run
        # only when the window holds the text its match must hold ("anniversary" as written or
        # a special word, all of which hold "cent" in any case; "year" as written).
        if prose.find("anniversary", lo, m_start) != -1 or "cent" in prose[lo:m_start].lower():
            m = ANNIVERSARY_BEFORE.search(prose, lo, m_start)
            if m and not self.modified.match(prose, m_end):
                claims.append(("anniversary", m, phase_of(m.group("phase"))))
        if prose.find("year", lo, m_start) != -1:
            m = YEARS_BEFORE.search(prose, lo, m_start)
            if m and not self.modified.match(prose, m_end):
                claims.append(("years-" + m.group("rel"), m, phase_of(m.group("phase"))))
        m = ANNIVERSARY_AFTER.match(prose, m_end)
        if m:
            claims.append(("anniversary", m, None))
        m = self.ago.match(prose, m_end)
        if m:
            claims.append(("years-ago", m, None))
        for kind, m, phase in claims:
            found = self.check_relative(doc, prose, event, kind, m, phase)
            if found:
                yield found

    def check_relative(self, doc, prose, event, kind, m, phase):
        c_start = m.start("claim")
        if APPROX.search(prose, max(0, c_start - 20), c_start):
            return None
        groups = m.groupdict()
        n = number(groups.get("ord") or groups.get("special") or groups.get("n"))
        if n is None:
            return None
        shift, marked = 0, False
        if kind == "years-of" or kind == "years-since":
            if MARK.search(prose, max(0, c_start - 20), c_start):
                kind, marked = "anniversary", True  # "marked 30 years since/of X"
            elif kind == "years-of":
                return None  # "30 years of conflict" is a duration
        if kind == "anniversary" and groups.get("shift"):
            shift = {"next": 1, "last": -1}.get(m.group("shift").split()[0].lower(), 0)
        ref = self.reference(doc, prose, c_start, kind)
        if ref is None:
            return None
        first, last = event.span
        if phase == "began":
            years = {first}
        elif phase == "ended":
            years = {last}
        elif kind == "anniversary":
            years = event.named
        else:
            years = event.named | set(range(first, last + 1))
        date = event.date
        if kind == "anniversary":
            accepted = {ref[0] + shift - y for y in years}
            central = ref[0] + shift - (next(iter(years)) if len(years) == 1 else event.anchor)
        else:
            accepted, central = set(), None
            for y in sorted(years):
                ev = date if (date and date[0] == y) else (y, None, None)
                values, mid = _elapsed(ref, ev, backwards=(kind == "years-before"))
                accepted |= values
                if y == event.anchor or central is None:
                    central = mid
        if n in accepted or central is None or central < 0:
            return None
        name = capitalised(event.name)
        if date and date[0] in years:
            when = format_date(date)
        elif len(years) == 1:
            when = str(next(iter(years)))
        else:
            when = f"{first}–{last}"
        ref_text = format_date(ref) if ref[1] else str(ref[0])
        start, end = m.start("claim"), m.end("claim")
        if marked:
            claim = f"{name} ({when}): {ref[0]} marks {central} years"
            wrong = str(n)
            suggestion = f"{central} years"
        elif kind == "anniversary":
            claim = f"{name} ({when}): {ref[0] + shift} marks the {ordinal(central)} anniversary"
            wrong = f"the {ordinal(n)}"
            suggestion = f"{ordinal(central)} anniversary"
        else:
            about = "" if len(accepted) <= 1 or ref[1] and date else "about "
            direction = "after" if kind == "years-before" else "before"
            claim = f"{name} ({when}) was {about}{central} year{'s' if central != 1 else ''} {direction} {ref_text}"
            wrong = str(n)
            suggestion = f"{central} year{'s' if central != 1 else ''}" + (" ago" if kind == "years-ago" else "")
        return self.finding(doc, start, end, (claim, wrong, "", event.source), suggestions=[suggestion])

    def reference(self, doc, prose, c_start, kind):
        """The date a relative claim counts from: an explicit date just before it ("In 1988,
        two years after"), else — for "since", "ago" and anniversaries — the document's date."""
        last = None
        for last in DATE.finditer(prose, max(0, c_start - 40), c_start):  # noqa: B007 - the last one
            pass
        if (
            last is not None
            and last.group("y")
            and not last.group("to")
            and REF_GAP.fullmatch(prose, last.end(), c_start)
        ):
            expr = DateExpr(last)
            return (expr.year, expr.month, expr.day if expr.month else None)
        if kind in ("years-after", "years-before"):
            return None
        return document_date(doc)


def _elapsed(ref, ev, backwards=False):
    """(accepted whole years, most likely value) between an event and a reference date; with both
    days known: the two roundings (one on the anniversary itself); else one year either way."""
    a, b = (ev, ref) if not backwards else (ref, ev)
    base = b[0] - a[0]
    if a[1] and a[2] and b[1] and b[2]:
        exact = (b[1], b[2]) == (a[1], a[2])
        floor = base - (1 if (b[1], b[2]) < (a[1], a[2]) else 0)
        return ({floor} if exact else {floor, floor + 1}), (
            floor if exact or (b[1], b[2]) > (a[1], a[2]) else floor + 1
        )
    return {base - 1, base, base + 1}, base


def phase_of(word):
    if not word:
        return None
    word = word.lower()
    return "began" if word in PHASE_BEGIN else "ended" if word in PHASE_END else None
