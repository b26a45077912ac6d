"""event-date (factlint): a date that dates a mention of a known event must agree with the
knowledge base.

What counts as a claim about the event (and what it is checked against):

* "the genocide of 1918", "the 1918 genocide", "(1918)" name the event: its *anchor* year (or
  one of `also_named`). "the Rwandan genocide of April 1996", "the 6 August 1944 bombing":
  month and day too, against `date`, for a one-year event.
* "X began in 1918" / "the start of X in 1918": the first year of its span (and `date`);
  "X ended in" / "the end of X in": the last year; "X in 1918" (X the subject of its clause or
  after a time preposition, "after X in 1918"): any year of the span. A year that merely
  shares the sentence ("By 1918, survivors of the genocide reached Beirut") or dates something
  done *to* the event ("Germany recognised the genocide in 2016") is left alone.
* "on 9 November 1991, when the Berlin Wall fell": the date dates the clause's verb.
* Ranges ("the 1932–33 famine", "(1915–1923)") must give the span (or named years); decades
  ("the 1920s genocide", "the genocide of the 1910s") must contain the anchor.
* Relative dates, against the document's date (front matter `date:`, `--date`, or a dateline
  on the first line, "Published: 26 April 2021") or an explicit date in the sentence:
  "the 30th anniversary of X", "the centenary of X", "X's 25th anniversary", "marked 30 years
  since/of X", "X, 30 years ago", "N years since X", "In 1988, two years after X". An
  anniversary must be exact in years; an elapsed time may be off by one (rounding), or must be
  one of the two roundings when both dates are known to the day. Approximations ("nearly 30
  years", "more than a decade") are not checked.

Events come from the table named by `table:` (see rules/History/data/events.yml). An event is
mentioned by one of its `aliases`, or by a generic head noun (`heads`, e.g. "genocide") when one
of its `qualifiers` ("Armenian", "Ottoman") is in the same sentence. `nouns:` lists words that
may follow a mention and still name the event ("the Chernobyl *nuclear disaster* of 1988");
`modifiers:` lists nouns that make the mention a mere modifier ("the 2015 genocide *memorial*").
"""
import datetime
import re

from factlint.lazyre import lazy_compile

from factlint.kinds.base import RuleKind

MONTH_NAMES = (
    "January February March April May June July August September October November December".split()
)
MONTH_NUM = {m.lower(): n for n, m in enumerate(MONTH_NAMES, 1)}
MONTHS = "|".join(MONTH_NAMES)

# A date: "24 April 1915", "24th of April 1915", "April 24, 1915", "April 1915", "1915",
# "1932–33", "1915-1923"; or a decade ("1920s"). Years 1500-2099; not "2,000", "£1915", "1915's".
_DATE = lazy_compile(
    rf"(?:(?<![\w.,])(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{MONTHS})\s+"
    rf"|(?P<m2>{MONTHS})\s+(?:(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+)?)?"
    r"(?<![\w,.$£€/-])(?P<y>1[5-9]\d\d|20\d\d)(?:[–-](?P<to>\d{4}|\d{2})(?!\d))?(?![\w%]|[.,]\d|['’]s\b)"
    r"|(?<![\w'’])(?P<dec>1[5-9]\d0|20\d0)['’]?s\b"
)
# Verbs that, right after a mention, say when the event happened (not what was done to it).
_VERBS = (
    r"began|begun|started|broke\s+out|erupted|ended|finished|came\s+to\s+an\s+end|took\s+place|"
    r"happened|occurred|struck|hit|signed|launched|fought|fell|came\s+down|collapsed|exploded|"
    r"landed|dropped|held|dissolved|founded|established|released|crashed|sank|bombed|destroyed|"
    r"invaded|declared|proclaimed|liberated|opened|unfolded|swept"
)
BEGIN = {"began", "begun", "started", "broke out", "erupted", "launched"}
# "The Berlin Wall fell in": the end of the Wall (and the date of its fall).
END = {"ended", "finished", "came to an end", "fell", "collapsed", "came down", "dissolved"}
# A place or agent between verb and date: "signed in Belfast in", "launched by the Soviet Union in".
_PLACE = r"(?:(?:(?:by|in|at|on|of)\s+)?(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*,?\s*)?"
# An agent after a verb: "destroyed by an atomic bomb on".
_AGENT = r"(?:by\s+(?:an?|the)\s+(?:[a-z]+\s+){1,2})?"
# Text between "the" + date and a mention: up to two capitalised modifiers.
_BEFORE = lazy_compile(r"(?:['’]s)?\s+(?:[A-Z][\w'’-]*\s+){0,2}")
_DETERMINER = lazy_compile(r"(?:\b(?:the|The|its|this|a|A)\s+|\b(?:in|In)\s+the\s+|\b[A-Z]\w*['’]s\s+)$")
# "9 November 1989, when the Berlin Wall fell" / "1991, the year the Soviet Union was dissolved".
_WHEN = lazy_compile(r"\s*,?\s+(?:when|the\s+year(?:\s+(?:that|when))?)\s+(?:(?:the|a)\s+)?(?:[A-Z][\w'’-]*\s+){0,2}")
_VERB_AFTER = lazy_compile(rf"\s+(?:\w+ly\s+)?(?:(?:was|were|had\s+been|had)\s+)?(?P<verb>{_VERBS})\b")

# Numbers in words, for "thirty years ago" and "the thirtieth anniversary".
_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
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
    "centenary": 100, "centennial": 100, "bicentenary": 200, "bicentennial": 200,
    "tercentenary": 300, "tricentennial": 300, "sesquicentennial": 150, "quincentenary": 500,
}


def _alternation(words):
    return "|".join(re.escape(w).replace(r"\-", "[- ]").replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_NUM = rf"(?:(?<![\d,.])\d{{1,3}}|(?i:{_alternation(CARDINALS)}))"
_ORD = rf"(?:(?<![\d,.])\d{{1,3}}(?:st|nd|rd|th)|(?i:{_alternation(ORDINALS)}))"
_SPECIAL = rf"(?i:{_alternation(SPECIAL)})"
PHASE_BEGIN = {"start", "beginning", "outbreak", "onset", "launch"}
PHASE_END = {"end", "fall", "collapse", "dissolution", "close"}
_PHASES = "|".join(sorted(PHASE_BEGIN | PHASE_END))
# Adjectives that may stand before a mention ("the first Moon landing").
ADJECTIVES = (
    "first historic infamous deadly devastating fateful tragic catastrophic bloody brutal great nuclear terrorist"
).split()
_ADJ = f"(?:{'|'.join(ADJECTIVES)})"
# What may stand between "anniversary of" / "years since" and a mention.
_LEFT_OF_MENTION = rf"\s+(?:the\s+)?(?:(?P<phase>{_PHASES})\s+of\s+(?:the\s+)?)?(?:{_ADJ}\s+)?(?:[A-Z][\w'’-]*\s+){{0,2}}$"
_ANNIVERSARY_BEFORE = lazy_compile(
    rf"(?P<shift>(?:next|last|this)\s+year['’]s\s+)?"
    rf"(?P<claim>(?P<ord>{_ORD})\s+anniversary|(?P<special>{_SPECIAL}))\s+of{_LEFT_OF_MENTION}"
)
_YEARS_BEFORE = lazy_compile(rf"(?P<claim>(?P<n>{_NUM})\s+years?)\s+(?P<rel>since|after|before|of){_LEFT_OF_MENTION}")
_ANNIVERSARY_AFTER = lazy_compile(rf"['’]s\s+(?P<claim>(?P<ord>{_ORD})\s+anniversary|(?P<special>{_SPECIAL}))")
_APPROX = lazy_compile(
    r"(?:more\s+than|over|nearly|almost|about|around|some|roughly|approximately|at\s+least|less\s+than|"
    r"under|fewer\s+than|up\s+to|close\s+to|well\s+over|just\s+over|just\s+under|barely|only\s+about)\s+$",
    re.I,
)
_MARK = lazy_compile(r"\b(?:mark|marks|marked|marking|celebrate[sd]?|celebrating|commemorate[sd]?|commemorating)\s+(?:the\s+)?$", re.I)
_REF_GAP = lazy_compile(r"\s*,?\s+(?:(?:just|only|exactly|precisely)\s+)?")

# The word before a mention's noun phrase decides whether "X in 1918" dates X.
_TOKEN = lazy_compile(r"[\w'’-]+|[^\w\s]")
_ADJECTIVE_SET = set(ADJECTIVES)
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our"}
CLAUSE_LEADS = {
    "during", "after", "before", "since", "following", "until", "till", "amid", "throughout", "by",
    "and", "but", "while", "as", "when", "including", "despite",
}
_SENTENCE_PUNCT = set(".!?:;\"“”'‘’()—–-,")

# The document's own date on its first line: "Published: 26 April 2021", "Date: 2024-03-12".
_DATELINE = lazy_compile(
    r"\A\s*(?:Published|Posted|Date|Dated)(?:\s+on)?\s*[:–-]?\s*"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})|(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{MONTHS}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{MONTHS})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,\s+(?P<y2>\d{{4}}))"
    r"(?:[ ,]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?[ \t]*\r?$",
    re.M,
)
MAX_GAP = 80  # characters between mention and date worth looking at


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
    m = _DATELINE.match(text, 0, min(len(text), 200))
    if not m:
        return None
    if m.group("iso"):
        return parse_date(m.group("iso"))
    y, mon, d = (m.group("y1"), m.group("m1"), m.group("d1")) if m.group("y1") else (m.group("y2"), m.group("m2"), m.group("d2"))
    try:
        dt = datetime.date(int(y), MONTH_NUM[mon.lower()], int(d))
    except ValueError:
        return None
    return (dt.year, dt.month, dt.day)


def document_date(doc):
    """(year, month, day) of the document: Document.date (front matter, --date) or a dateline."""
    return parse_date(doc.date) if doc.date is not None else dateline(doc.text)


def _number(text):
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


class EventDate(RuleKind):
    name = "event-date"
    category = "date"
    keys = {
        "table": (str, True, None),
        "nouns": (list, False, []),
        "modifiers": (list, False, []),
    }

    def compile(self, ctx):
        path, data = ctx.table(self.option("table"), "table")
        events = data.get("events") if isinstance(data, dict) else None
        if not isinstance(events, list) or not events:
            raise ctx.error(f"table: {path.name} needs a non-empty 'events' list", "table")
        aliases, alias_event, heads = [], [], {}
        self.events = []
        for n, ev in enumerate(events, 1):
            if not isinstance(ev, dict) or not all(k in ev for k in ("name", "aliases", "anchor", "span", "source")):
                raise ctx.error(f"table: event {n} in {path.name} needs name, aliases, anchor, span, source", "table")
            date = parse_date(ev.get("date"))
            if ev.get("date") is not None and date is None:
                raise ctx.error(f"table: event {n} ({ev['name']}) in {path.name}: date must be YYYY-MM-DD", "table")
            i = len(self.events)
            quals = [str(q) for q in ev.get("qualifiers") or ()]
            first, last = int(ev["span"][0]), int(ev["span"][1])
            self.events.append(
                {
                    "name": ev["name"],
                    "anchor": int(ev["anchor"]),
                    "named": {int(ev["anchor"]), *(int(y) for y in ev.get("also_named") or ())},
                    "span": (first, last),
                    "date": date,
                    "decoys": {int(d["year"]): d.get("why", "") for d in ev.get("decoys") or ()},
                    "source": ev["source"],
                    "qualifiers": lazy_compile(r"\b(?:%s)\b" % "|".join(map(re.escape, quals))) if quals else None,
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

        nouns = [str(w).lower() for w in ctx.strings("nouns", self.option("nouns"))]
        self.nouns = set(nouns)
        noun_alt = _alternation(nouns) if nouns else r"(?!x)x"
        modifiers = ctx.strings("modifiers", self.option("modifiers"))
        mod_alt = _alternation([str(w).lower() for w in modifiers]) if modifiers else r"(?!x)x"
        follow = rf"(?:\s+(?i:{noun_alt})\b)*"
        # Mention (+ nouns) + connector + date: "X, which began in", "X was signed in Belfast in".
        self.after = lazy_compile(
            rf"{follow}\s*,?\s*(?:(?:which|that)\s+)?(?:(?:was|were|had|has)\s+)?"
            rf"(?:(?:\w+ly\s+)?(?P<verb>{_VERBS})\s+{_AGENT})?{_PLACE}"
            r"(?P<prep>of|in|on|during|\()\s*(?P<the>the\s+)?"
        )
        # Mention + "30 years ago".
        self.ago = lazy_compile(
            rf"{follow}\s*,?\s*(?:(?:which|that)\s+)?(?:(?:was|were|had)\s+)?(?:(?:\w+ly\s+)?(?:{_VERBS})\s+{_PLACE})?"
            rf"(?P<claim>(?P<n>{_NUM})\s+years?\s+ago)\b"
        )
        self.modified = lazy_compile(rf"{follow}\s+(?i:{mod_alt})\b")

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
            block, number = doc.sentence_at(start)
            s_start, s_end = doc.block_sentences(block)[number]
            sentence = doc.prose[s_start:s_end]
            candidates = [i for i in self.head_events[term] if self.events[i]["qualifiers"] and self.events[i]["qualifiers"].search(sentence)]
            if len(candidates) == 1:  # two events fit: ambiguous, say nothing
                yield start, end, candidates[0]

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

    # -- where a mention stands --------------------------------------------------------------
    def context(self, prose, m_start):
        """(phase, lead_ok): phase is 'began'/'ended' for "the start/end of X"; lead_ok says
        whether "X in 1918" dates X — X opens its clause or follows a time preposition
        ("after X in 1918"), not the object of a verb ("recognised X in 2016")."""
        lo = max(0, m_start - 60)
        toks = [(t.group(), t.start()) for t in _TOKEN.finditer(prose, lo, m_start)]
        if lo > 0 and toks and toks[0][1] == lo and (prose[lo - 1].isalnum()):
            toks = toks[1:]  # a word cut by the window
        i = len(toks) - 1
        while i >= 0:
            tok = toks[i][0]
            low = tok.lower()
            initial = (i == 0 and lo == 0) or (i > 0 and toks[i - 1][0] in _SENTENCE_PUNCT)
            name = tok[0].isupper() and (not initial or (i + 1 < len(toks) and toks[i + 1][0][0].isupper()))
            if low in DETERMINERS or low in _ADJECTIVE_SET or tok[0].isdigit() or _possessive(low) or name:
                i -= 1
                continue
            # One plain word between a determiner and the mention: "the reactor explosion".
            if i > 0 and tok[0].islower() and (toks[i - 1][0].lower() in DETERMINERS or _possessive(toks[i - 1][0])) and i == len(toks) - 1 - _trailing_names(toks):
                i -= 2
                continue
            break
        if i < 0 or toks[i][0] in _SENTENCE_PUNCT:
            return None, True
        lead = toks[i][0].lower()
        if lead in ("of", "at", "on"):
            j = i - 1
            while j >= 0 and toks[j][0].lower() in DETERMINERS:
                j -= 1
            noun = toks[j][0].lower() if j >= 0 else ""
            if lead == "of" and noun in PHASE_BEGIN:
                return "began", True
            if lead == "of" and noun in PHASE_END:
                return "ended", True
            return None, noun in self.nouns
        return None, lead in CLAUSE_LEADS

    def dated(self, prose, m_start, m_end, phase, lead_ok):
        """(relation, DateExpr) for the dates that date this mention."""
        window_end = min(len(prose), m_end + MAX_GAP)
        d = _DATE.search(prose, m_end, window_end)
        if d:
            conn = self.after.fullmatch(prose, m_end, d.start())
            expr = DateExpr(d)
            # A decade needs its article ("in the 1920s"); "in the 2004 elections" dates a noun.
            the_ok = conn and (bool(conn.group("the")) or conn.group("prep") == "(" if expr.decade is not None else not conn.group("the"))
            # "(1994)" dates the mention; "(2004 film)" is something else.
            if the_ok and conn.group("prep") == "(" and not re.match(r"\s*[),;]", prose[expr.end:expr.end + 3]):
                the_ok = False
            if the_ok and expr.valid():
                verb = " ".join((conn.group("verb") or "").split())
                prep = conn.group("prep")
                relation = None
                if prep in ("of", "(") and not verb:
                    relation = "named"
                elif verb in BEGIN:
                    relation = "began"
                elif verb in END:
                    relation = "ended"
                elif verb:
                    relation = "occurred"
                elif lead_ok:  # "X in 1918": only when X opens its clause
                    relation = phase or "during"
                if relation:
                    yield relation, expr
        last = None
        for last in _DATE.finditer(prose, max(0, m_start - MAX_GAP), m_start):
            pass
        if last is None:
            return
        expr = DateExpr(last)
        if not expr.valid():
            return
        if _BEFORE.fullmatch(prose, last.end(), m_start):
            if _DETERMINER.search(prose, max(0, last.start() - 12), last.start()) and not self.modified.match(prose, m_end):
                yield "named", expr
        elif _WHEN.fullmatch(prose, last.end(), m_start):
            v = _VERB_AFTER.match(prose, m_end)
            if v:
                verb = " ".join(v.group("verb").split())
                yield ("began" if verb in BEGIN else "ended" if verb in END else "occurred"), expr

    # -- checking a date ---------------------------------------------------------------------
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

    def check_date(self, doc, event, relation, expr):
        first, last = event["span"]
        if expr.decade is not None:
            years = {"named": event["named"], "began": {first}, "ended": {last}}.get(relation, range(first, last + 1))
            if any(expr.decade <= y < expr.decade + 10 for y in years):
                return None
            right = {"began": first, "ended": last}.get(relation, event["anchor"])
            return self.report(doc, event, relation, expr.start, expr.end, f"the {expr.decade}s", [f"{right - right % 10}s"])
        if expr.to is not None:
            starts, ends = event["named"] | {first}, event["named"] | {last}
            if expr.year in starts and expr.to in ends and expr.year < expr.to:
                return None
            if len(expr.to_text) == 2 and first // 100 == last // 100:
                right = f"{first}{expr.dash}{last % 100:02d}"
            else:
                right = f"{first}{expr.dash}{last}"
            start = expr.start + (expr.end - expr.start) - len(f"{expr.year}{expr.dash}{expr.to_text}")
            return self.report(doc, event, "range", start, expr.end, f"{expr.year}{expr.dash}{expr.to_text}", [right])
        date = event["date"]
        # A month and day can be checked against `date` when the claim is about the day the
        # event happened: its start, or the whole of a one-year event.
        by_day = date is not None and (relation == "began" or (first == last and relation in ("named", "occurred")))
        year_start = expr.end - 4
        if expr.year not in self.expected(event, relation):
            if date is not None and expr.month and first == last:
                right = format_date(date, expr.style)
                return self.report(doc, event, relation, expr.start, expr.end, _written(doc, expr), [right])
            right = {"began": first, "ended": last}.get(relation, event["anchor"])
            return self.report(doc, event, relation, year_start, expr.end, str(expr.year), [str(right)])
        if by_day and expr.month and expr.year == date[0]:
            wrong_month = expr.month != date[1]
            # One day either way: time zones and overnight events ("the night of 9 November").
            wrong_day = expr.day is not None and abs(expr.day - date[2]) > 1
            if wrong_month or wrong_day:
                return self.report(doc, event, relation, expr.start, expr.end, _written(doc, expr), [format_date(date, expr.style)])
        return None

    def report(self, doc, event, relation, start, end, written, suggestions):
        first, last = event["span"]
        span = f"{first}–{last}" if last != first else str(first)
        name = _cap(event["name"])
        date = event["date"]
        on = f"{format_date(date)}" if date else None
        if on and first == last and relation != "range":
            claim = f"{name} was on {on}"
        elif relation == "named":
            claim = f"{name} is dated {event['anchor']}" + (f" ({span})" if last != first else "")
        elif relation == "range":
            claim = f"{name} lasted {span}"
        elif relation == "began":
            claim = f"{name} began {'on ' + on if on else 'in ' + str(first)}"
        elif relation == "ended":
            claim = f"{name} ended in {last}"
        else:
            claim = f"{name} took place in {span}"
        why = event["decoys"].get(_year_of(written))
        note = f" {_year_of(written)}: {why}." if why else ""
        note = note.replace("..", ".")
        return self.finding(doc, start, end, (claim, written, note, event["source"]), suggestions=suggestions)

    # -- anniversaries and elapsed years -----------------------------------------------------
    def relative(self, doc, prose, event, m_start, m_end):
        lo = max(0, m_start - MAX_GAP)
        claims = []
        m = _ANNIVERSARY_BEFORE.search(prose, lo, m_start)
        if m and not self.modified.match(prose, m_end):
            claims.append(("anniversary", m, _phase(m.group("phase"))))
        m = _YEARS_BEFORE.search(prose, lo, m_start)
        if m and not self.modified.match(prose, m_end):
            claims.append(("years-" + m.group("rel"), m, _phase(m.group("phase"))))
        m = _ANNIVERSARY_AFTER.match(prose, m_end)
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
        if _APPROX.search(prose, max(0, c_start - 20), c_start):
            return None
        groups = m.groupdict()
        n = _number(groups.get("ord") or groups.get("special") or groups.get("n"))
        if n is None:
            return None
        shift, marked = 0, False
        if kind == "years-of" or kind == "years-since":
            if _MARK.search(prose, max(0, c_start - 20), c_start):
                kind, marked = "anniversary", True  # "marked 30 years since/of X"
            elif kind == "years-of":
                return None  # "30 years of conflict" is a duration
        if kind == "anniversary" and groups.get("shift"):
            shift = {"next": 1, "last": -1}.get(m.group("shift").split()[0].lower(), 0)
        ref = self.reference(doc, prose, c_start, kind)
        if ref is None:
            return None
        first, last = event["span"]
        if phase == "began":
            years = {first}
        elif phase == "ended":
            years = {last}
        elif kind == "anniversary":
            years = event["named"]
        else:
            years = event["named"] | set(range(first, last + 1))
        date = event["date"]
        if kind == "anniversary":
            accepted = {ref[0] + shift - y for y in years}
            central = ref[0] + shift - (next(iter(years)) if len(years) == 1 else event["anchor"])
        else:
            accepted, central = set(), None
            for y in sorted(years):
                ev = date if (date and date[0] == y) else (y, None, None)
                values, mid = _elapsed(ref, ev, backwards=(kind == "years-before"))
                accepted |= values
                if y == event["anchor"] or central is None:
                    central = mid
        if n in accepted or central is None or central < 0:
            return None
        name = _cap(event["name"])
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
        return self.finding(doc, start, end, (claim, wrong, "", event["source"]), suggestions=[suggestion])

    def reference(self, doc, prose, c_start, kind):
        """The date a relative claim counts from: an explicit date just before it ("In 1988,
        two years after"), else — for "since", "ago" and anniversaries — the document's date."""
        last = None
        for last in _DATE.finditer(prose, max(0, c_start - 40), c_start):
            pass
        if last is not None and last.group("y") and not last.group("to") and _REF_GAP.fullmatch(prose, last.end(), c_start):
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
        return ({floor} if exact else {floor, floor + 1}), (floor if exact or (b[1], b[2]) > (a[1], a[2]) else floor + 1)
    return {base - 1, base, base + 1}, base


def _possessive(word):
    return word.endswith(("'s", "’s"))


def _trailing_names(toks):
    """How many capitalised (or possessive) tokens end the list."""
    n = 0
    for tok, _start in reversed(toks):
        if not (tok[0].isupper() or _possessive(tok)):
            break
        n += 1
    return n


def _phase(word):
    if not word:
        return None
    word = word.lower()
    return "began" if word in PHASE_BEGIN else "ended" if word in PHASE_END else None


def _cap(name):
    return name[0].upper() + name[1:]


def _year_of(written):
    m = re.search(r"\d{4}", written)
    return int(m.group()) if m else None


def _written(doc, expr):
    return doc.text[expr.start:expr.end]
