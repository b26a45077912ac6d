"""The event-date kind: compiles the events table into term lists and patterns, then checks
each dated mention against the event's anchor, span and date (see the package docstring)."""

import re

from factlint.kinds.base import Key, RuleKind
from factlint.kinds.event_date.grammar import AGENT, PLACE, VERBS, capitalised
from factlint.kinds.event_date.mentions import Mentions
from factlint.kinds.event_date.relative import RelativeDates
from factlint.knowledge.events import TableError, load_events
from factlint.lazyre import lazy_compile
from factlint.text.dates import NUM, alternation, format_date


class EventDate(Mentions, RelativeDates, RuleKind):
    name = "event-date"
    category = "date"
    keys = {
        "table": Key(str, True, None),
        "nouns": Key(list, False, []),
        "modifiers": Key(list, False, []),
    }

    def compile(self, ctx):
        path, data = ctx.table(self.option("table"), "table")
        try:
            self.events = load_events(data)
        except TableError as exc:
            raise ctx.error(f"table: {path.name}: {exc}", "table") from None
        aliases, alias_event, heads = [], [], {}
        # A generic head ("genocide") names an event only with one of its qualifiers in the sentence.
        self.qualifiers = []
        # Each qualifier as text too: a sentence holding none of them as a substring cannot match
        # the pattern, which is then neither run (a word-boundary alternation tries every
        # position) nor compiled.
        self.qualifier_words = []
        for i, ev in enumerate(self.events):
            quals = ev.qualifiers
            self.qualifiers.append(lazy_compile(rf"\b(?:{'|'.join(map(re.escape, quals))})\b") if quals else None)
            self.qualifier_words.append(tuple(quals))
            for alias in ev.aliases:
                aliases.append(alias)
                alias_event.append(i)
            for head in ev.heads:
                heads.setdefault(head.lower(), []).append(i)
        self.alias_event = alias_event
        self.alias_handle = ctx.terms.add(aliases, ignorecase=True, literal=True)
        self.head_words = list(heads)
        self.head_events = [heads[h] for h in self.head_words]
        self.head_handle = ctx.terms.add(self.head_words, ignorecase=True, literal=True) if heads else None

        nouns = [str(w).lower() for w in ctx.strings("nouns", self.option("nouns"))]
        self.nouns = set(nouns)
        noun_alt = alternation(nouns) if nouns else r"(?!x)x"
        modifiers = ctx.strings("modifiers", self.option("modifiers"))
        mod_alt = alternation([str(w).lower() for w in modifiers]) if modifiers else r"(?!x)x"
        follow = rf"(?:\s+(?i:{noun_alt})\b)*"
        # Mention (+ nouns) + connector + date: "X, which began in", "X was signed in Belfast in".
        self.after = lazy_compile(
            rf"{follow}\s*,?\s*(?:(?:which|that)\s+)?(?:(?:was|were|had|has)\s+)?"
            rf"(?:(?:\w+ly\s+)?(?P<verb>{VERBS})\s+{AGENT})?{PLACE}"
            r"(?P<prep>of|in|on|during|\()\s*(?P<the>the\s+)?"
        )
        # Mention + "30 years ago".
        self.ago = lazy_compile(
            rf"{follow}\s*,?\s*(?:(?:which|that)\s+)?(?:(?:was|were|had)\s+)?(?:(?:\w+ly\s+)?(?:{VERBS})\s+{PLACE})?"
            rf"(?P<claim>(?P<n>{NUM})\s+years?\s+ago)\b"
        )
        self.modified = lazy_compile(rf"{follow}\s+(?i:{mod_alt})\b")

    def check(self, doc, hits):
        prose = doc.prose
        seen = set()
        for m_start, m_end, ev_i in self.mentions(doc, hits):
            event = self.events[ev_i]
            for finding in self.findings_for(doc, prose, event, m_start, m_end):
                if (finding.start, finding.end) not in seen:
                    seen.add((finding.start, finding.end))
                    yield finding

    def findings_for(self, doc, prose, event, m_start, m_end):
        phase, lead_ok = self.context(prose, m_start)
        for relation, expr in self.dated(prose, m_start, m_end, phase, lead_ok):
            found = self.check_date(doc, event, relation, expr)
            if found:
                yield found
        yield from self.relative(doc, prose, event, m_start, m_end)

    # -- checking a date ---------------------------------------------------------------------
    @staticmethod
    def expected(event, relation):
        first, last = event.span
        if relation == "named":
            return event.named
        if relation == "began":
            return {first}
        if relation == "ended":
            return {last}
        return set(range(first, last + 1))

    def check_date(self, doc, event, relation, expr):
        first, last = event.span
        if expr.decade is not None:
            years = {"named": event.named, "began": {first}, "ended": {last}}.get(relation, range(first, last + 1))
            if any(expr.decade <= y < expr.decade + 10 for y in years):
                return None
            right = {"began": first, "ended": last}.get(relation, event.anchor)
            return self.report(
                doc, event, relation, expr.start, expr.end, f"the {expr.decade}s", [f"{right - right % 10}s"]
            )
        if expr.to is not None:
            starts, ends = event.named | {first}, event.named | {last}
            if expr.year in starts and expr.to in ends and expr.year < expr.to:
                return None
            if len(expr.to_text) == 2 and first // 100 == last // 100:
                right = f"{first}{expr.dash}{last % 100:02d}"
            else:
                right = f"{first}{expr.dash}{last}"
            start = expr.start + (expr.end - expr.start) - len(f"{expr.year}{expr.dash}{expr.to_text}")
            return self.report(doc, event, "range", start, expr.end, f"{expr.year}{expr.dash}{expr.to_text}", [right])
        date = event.date
        # A month and day can be checked against `date` when the claim is about the day the
        # event happened: its start, or the whole of a one-year event.
        by_day = date is not None and (relation == "began" or (first == last and relation in ("named", "occurred")))
        year_start = expr.end - 4
        if expr.year not in self.expected(event, relation):
            if date is not None and expr.month and first == last:
                right = format_date(date, expr.style)
                return self.report(doc, event, relation, expr.start, expr.end, _written(doc, expr), [right])
            right = {"began": first, "ended": last}.get(relation, event.anchor)
            return self.report(doc, event, relation, year_start, expr.end, str(expr.year), [str(right)])
        if by_day and expr.month and expr.year == date[0]:
            wrong_month = expr.month != date[1]
            # One day either way: time zones and overnight events ("the night of 9 November").
            wrong_day = expr.day is not None and abs(expr.day - date[2]) > 1
            if wrong_month or wrong_day:
                return self.report(
                    doc, event, relation, expr.start, expr.end, _written(doc, expr), [format_date(date, expr.style)]
                )
        return None

    def report(self, doc, event, relation, start, end, written, suggestions):
        first, last = event.span
        span = f"{first}–{last}" if last != first else str(first)
        name = capitalised(event.name)
        date = event.date
        on = f"{format_date(date)}" if date else None
        if on and first == last and relation != "range":
            claim = f"{name} was on {on}"
        elif relation == "named":
            claim = f"{name} is dated {event.anchor}" + (f" ({span})" if last != first else "")
        elif relation == "range":
            claim = f"{name} lasted {span}"
        elif relation == "began":
            claim = f"{name} began {'on ' + on if on else 'in ' + str(first)}"
        elif relation == "ended":
            claim = f"{name} ended in {last}"
        else:
            claim = f"{name} took place in {span}"
        why = event.decoys.get(_year_of(written))
        note = f" {_year_of(written)}: {why}." if why else ""
        note = note.replace("..", ".")
        return self.finding(doc, start, end, (claim, written, note, event.source), suggestions=suggestions)


def _year_of(written):
    m = re.search(r"\d{4}", written)
    return int(m.group()) if m else None


def _written(doc, expr):
    return doc.text[expr.start : expr.end]
