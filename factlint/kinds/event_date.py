"""event-date (factlint): a year that dates a mention of a known event must agree with the
knowledge base.

"the genocide of 1918" / "the 1918 genocide" / "(1918)" name the event by its *anchor* year;
"X began in 1918" is checked against the first year of its span, "X ended in" against the last,
"X in 1918" against the whole span. A year that merely shares the sentence ("By 1918, survivors
of the genocide reached Beirut") dates something else and is left alone.

Events come from the table named by `table:` (see rules/history/data/events.yml). An event is
mentioned by one of its `aliases`, or by a generic head noun (`heads`, e.g. "genocide") when one
of its `qualifiers` ("Armenian", "Ottoman") is in the same sentence.
"""
import re

from factlint.kinds.base import RuleKind

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DAY_MONTH = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:(?:{MONTHS})\s+)(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?"
# Text between an event mention and a following year, and what it makes the year mean.
_AFTER = re.compile(
    r"\s*,?\s*(?:(?:which|that)\s+)?(?:(?:was|were|had)\s+)?"
    r"(?P<verb>began|begun|started|broke\s+out|erupted|ended|finished|took\s+place|happened|occurred|"
    r"struck|hit|was\s+signed|signed|launched|fought)?\s*"
    rf"(?P<prep>of|in|on|during|\()\s*(?:{_DAY_MONTH})?"
)
# Text between "the" + year and the mention: up to two capitalised or hyphenated modifiers.
_BEFORE = re.compile(r"(?:'s)?\s+(?:[A-Z][\w'’-]*\s+){0,2}")
_DETERMINER = re.compile(r"(?:\b(?:the|The|its|this|a|A)\s+|\b(?:in|In)\s+the\s+)$")
_YEAR = re.compile(r"(?<![\w,.$£€/-])(1[5-9]\d\d|20\d\d)(?:[–-](\d{2}|\d{4}))?(?![\w%]|[.,]\d|'s\b|’s\b)")

BEGIN = {"began", "begun", "started", "broke out", "erupted", "launched"}
END = {"ended", "finished"}
MAX_GAP = 80  # characters between mention and year worth looking at


class EventDate(RuleKind):
    name = "event-date"
    category = "date"
    keys = {"table": (str, True, None)}

    def compile(self, ctx):
        path, data = ctx.table(self.option("table"), "table")
        events = data.get("events") if isinstance(data, dict) else None
        if not isinstance(events, list) or not events:
            raise ctx.error(f"table: {path.name} needs a non-empty 'events' list", "table")
        aliases, alias_event, heads, head_events = [], [], {}, []
        self.events = []
        for n, ev in enumerate(events, 1):
            if not isinstance(ev, dict) or not all(k in ev for k in ("name", "aliases", "anchor", "span", "source")):
                raise ctx.error(f"table: event {n} in {path.name} needs name, aliases, anchor, span, source", "table")
            i = len(self.events)
            quals = [str(q) for q in ev.get("qualifiers") or ()]
            self.events.append(
                {
                    "name": ev["name"],
                    "anchor": int(ev["anchor"]),
                    "named": {int(ev["anchor"]), *(int(y) for y in ev.get("also_named") or ())},
                    "span": (int(ev["span"][0]), int(ev["span"][1])),
                    "decoys": {int(d["year"]): d.get("why", "") for d in ev.get("decoys") or ()},
                    "source": ev["source"],
                    "qualifiers": re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, quals))) if quals else None,
                }
            )
            for alias in ev["aliases"]:
                aliases.append(str(alias))
                alias_event.append(i)
            for head in ev.get("heads") or ():
                heads.setdefault(str(head).lower(), []).append(i)
        self.alias_event = alias_event
        self.alias_handle = ctx.terms.add(aliases, ignorecase=True, literal=True)
        self.head_words = list(heads)
        self.head_events = [heads[h] for h in self.head_words]
        self.head_handle = ctx.terms.add(self.head_words, ignorecase=True, literal=True) if heads else None

    # -- mentions ---------------------------------------------------------------------------
    def mentions(self, doc, hits):
        """Yield (start, end, event index) for every event mention."""
        spans = []
        for start, end, term in hits.get(self.alias_handle, ()):
            spans.append((start, end))
            yield start, end, self.alias_event[term]
        for start, end, term in hits.get(self.head_handle, ()):
            if any(s <= start and end <= e for s, e in spans):
                continue
            s_start, s_end, _b = doc.sentences[doc.sentence_index(start)]
            sentence = doc.prose[s_start:s_end]
            candidates = [i for i in self.head_events[term] if self.events[i]["qualifiers"].search(sentence)]
            if len(candidates) == 1:  # two events fit: ambiguous, say nothing
                yield start, end, candidates[0]

    def check(self, doc, hits):
        prose = doc.prose
        for m_start, m_end, ev_i in self.mentions(doc, hits):
            event = self.events[ev_i]
            for relation, y_start, y_end, year in self.dated_years(prose, m_start, m_end):
                expected = self.expected(event, relation)
                if year in expected:
                    continue
                yield self.report(doc, event, relation, y_start, y_end, year)

    def dated_years(self, prose, m_start, m_end):
        """(relation, start, end, year) for the years that date this mention."""
        window_end = min(len(prose), m_end + MAX_GAP)
        for y in _YEAR.finditer(prose, m_end, window_end):
            m = _AFTER.fullmatch(prose, m_end, y.start())
            if m:
                verb = " ".join((m.group("verb") or "").split())
                if m.group("prep") in ("of", "(") and not verb:
                    relation = "named"
                elif verb in BEGIN:
                    relation = "began"
                elif verb in END:
                    relation = "ended"
                else:
                    relation = "during"
                yield relation, y.start(1), y.end(1), int(y.group(1))
            break  # only the first year after the mention can date it
        last = None
        for last in _YEAR.finditer(prose, max(0, m_start - MAX_GAP), m_start):
            pass
        if last and _BEFORE.fullmatch(prose, last.end(), m_start):
            if _DETERMINER.search(prose, max(0, last.start() - 12), last.start()):
                yield "named", last.start(1), last.end(1), int(last.group(1))

    @staticmethod
    def expected(event, relation):
        first, last = event["span"]
        if relation == "named":
            return event["named"]
        if relation == "began":
            return {first}
        if relation == "ended":
            return {last}
        return set(range(first, last + 1))

    def report(self, doc, event, relation, start, end, year):
        first, last = event["span"]
        span = f"{first}–{last}" if last != first else str(first)
        name = event["name"][0].upper() + event["name"][1:]
        if relation == "named":
            claim, right = f"{name} is dated {event['anchor']} ({span})", event["anchor"]
        elif relation == "began":
            claim, right = f"{name} began in {first}", first
        elif relation == "ended":
            claim, right = f"{name} ended in {last}", last
        else:
            claim, right = f"{name} took place in {span}", event["anchor"]
        why = event["decoys"].get(year)
        note = f" {year}: {why}." if why else ""
        note = note.replace("..", ".")
        return self.finding(doc, start, end, (claim, year, note, event["source"]), suggestions=[str(right)])
