"""office-holder: a person given an office they did not hold at the article's date.

Mentions ("President Donald Trump", "Vladimir Putin, the Russian President", "former Prime
Minister Putin") are read by `grammar`; the named person is resolved through the office
tables (rules/Offices/data): a generic title ("President") counts only the offices with that
title the named person ever held, so an unknown person, or a title the person never held in
any listed office, gives no finding. The reference date is the document's (none known: no
finding) unless the sentence names a year: then any day of that year will do.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from pathlib import Path

from factlint.findings import Finding
from factlint.kinds.base import Key, RuleKind
from factlint.kinds.office import grammar as g
from factlint.kinds.office.docdate import document_day
from factlint.knowledge.offices import ROLES, OfficeBase, TableError, load_tables, name_key

_PREV_WORD = re.compile(r"([\w’'.-]+)[ \t]+$")
_BREAK = re.compile(r"[,;:()—–]| - ")
SLACK = 3  # days either side of a change of holder never flagged (time zones, late copy)
ERROR_MARGIN = 14  # an error needs the date this far outside every term


class OfficeHolder(RuleKind):
    name = "office-holder"
    category = "date"
    keys = {"tables": Key(list, True, None)}

    def compile(self, ctx) -> None:
        base_dir = Path(self.spec.path).parent
        try:
            self.base: OfficeBase = load_tables(base_dir / str(p) for p in ctx.strings("tables", self.option("tables")))
        except (TableError, OSError) as exc:
            raise ctx.error(f"tables: {exc}", "tables") from None
        self.full, self.surname = {}, {}
        for person in self.base.people.values():
            for key in person.variants:
                self.full.setdefault(key, set()).add(person.name)
                words = key.split()
                if len(words) >= 3:  # "Recep Erdogan" for Recep Tayyip Erdoğan
                    self.full.setdefault(f"{words[0]} {words[-1]}", set()).add(person.name)
            for key in person.surnames:
                self.surname.setdefault(key, set()).add(person.name)
        self.terms_of = {}  # person -> [(office index, term)], in table order
        for i, office in enumerate(self.base.offices):
            for t in office.terms:
                self.terms_of.setdefault(t.person, []).append((i, t))
        self.role_of = {t.lower(): role for role, titles in ROLES.items() for t in titles}
        self.quals = {}  # qualifier (name_key) -> office indexes
        for i, office in enumerate(self.base.offices):
            for t in office.generics:
                self.role_of.setdefault(t.lower(), office.role)
            for q in office.qualifiers:
                self.quals.setdefault(name_key(q), set()).add(i)
        # Longest first, ties by text: one pattern string in every process (the regex cache keys on it).
        alts = "|".join(
            re.escape(q).replace(r"\ ", r"\s+").replace(r"\.", r"\.?")
            for q in sorted({q for o in self.base.offices for q in o.qualifiers}, key=lambda q: (-len(q), q))
        )
        # A qualifier right before the title: "Russian ", "Russia's ", "the European Commission ".
        self.qual_before = re.compile(rf"(?<![\w.])(?P<q>{alts})(?:['’]s)?[ \t]+$", re.I)
        self.of_after = re.compile(rf"[ \t]+of[ \t]+(?:the[ \t]+)?(?P<q>{alts})\b", re.I)
        self.handle = ctx.terms.add(sorted(self.role_of), ignorecase=True, literal=True)

    # -- mentions ---------------------------------------------------------------------------
    def mention(self, prose: str, s: int, e: int) -> g.Mention | None:
        """The mention around a title word at [s, e), or None when the title is not one that
        names a listed office before or after a name."""
        title = prose[s:e]
        if title == "pm" or title == "Pm":
            return None  # "7 pm" is a time
        if re.match(r"-(?:elect|designate)|['’]s\b|[ \t]+(?:[Ee]lect|[Dd]esignate)\b", prose[e : e + 12]):
            return None  # "President-elect", "the Prime Minister's spokesman"
        left_start, modifier, qualifier = s, None, None
        hy = re.search(r"\b(ex|then|former)-$", prose[max(0, s - 8) : s], re.I)
        if hy:
            modifier, left_start = g.MODIFIERS[hy.group(1).lower()], s - len(hy.group())
        elif prose[s - 1 : s] == "-":
            return None  # "Vice-President"
        else:
            m = self.qual_before.search(prose, max(0, s - 45), s)
            if m:
                qualifier, left_start = name_key(m.group("q")), m.start()
            prev = _PREV_WORD.search(prose, max(0, left_start - 40), left_start)
            if prev:
                w = prev.group(1).lower()
                if w in g.MODIFIERS:
                    modifier, left_start = g.MODIFIERS[w], prev.start(1)
                elif w in g.BLOCKERS:
                    return None
                elif (
                    not qualifier
                    and prev.group(1)[:1].isupper()
                    and w not in g.LEADS
                    and w != "the"
                    and not _sentence_start(prose, prev.start(1) - 1)
                ):
                    return None  # "Chechen President", "Fifa President": an office we do not know
        after = e
        of = self.of_after.match(prose, e)
        if of and not qualifier:
            qualifier, after = name_key(of.group("q")), of.end()
        the_before = re.search(r"\b[Tt]he[ \t]+$", prose[max(0, left_start - 5) : left_start]) is not None
        nm = g.NAME_AFTER.match(prose, after)
        if nm is None and the_before:
            # "the prime minister, Tony Blair, said": an appositive closed by a comma (not
            # "... the prime minister, Mr Brown replied").
            nm = g.NAME_AFTER_COMMA.match(prose, after)
            if nm and not re.match(r"[ \t]*(?:[,.;:)]|$)", prose[nm.end("name") : nm.end("name") + 2]):
                nm = None
        if nm:
            return g.Mention(
                left_start, nm.end("name"), g.name_tokens(nm.group("name")), False, qualifier, modifier, title
            )
        # "Vladimir Putin, the Russian President": the title must close the phrase.
        if not re.match(
            r"[ \t]*(?:[,.;:)]|$|\n|[ \t]+(?:said|says|told|has|had|is|was|will|who)\b)", prose[after : after + 8]
        ):
            return None
        nb = g.NAME_BEFORE.search(prose, max(0, left_start - 90), left_start)
        if nb and not nb.group("left").strip():
            return g.Mention(nb.start("name"), after, g.name_tokens(nb.group("name")), True, qualifier, modifier, title)
        return None

    def resolve(self, tokens: list, from_right: bool) -> tuple[set, str | None]:
        """(person names, 'full'|'surname') for the longest run of name tokens that names a
        person (from the title outwards), or (set(), None)."""
        while tokens and tokens[0].lower().rstrip(".") in g.HONORIFICS:
            tokens = tokens[1:]
        n = len(tokens)
        for k in range(n, 0, -1):
            part = tokens[n - k :] if from_right else tokens[:k]
            key = name_key(" ".join(part))
            if key in self.full:
                return self.full[key], "full"
            if k >= 3 and name_key(f"{part[0]} {part[-1]}") in self.full:
                return self.full[name_key(f"{part[0]} {part[-1]}")], "full"
            if key in self.surname:
                return self.surname[key], "surname"
        return set(), None

    @staticmethod
    def common(tokens: list) -> bool:
        """The surname of a bare-surname mention is one many people share."""
        words = [t for t in tokens if t.lower().rstrip(".") not in g.HONORIFICS]
        return any(name_key(" ".join(words[:k])) in g.COMMON_SURNAMES for k in (1, 2))

    # -- checking ---------------------------------------------------------------------------
    def check(self, doc, hits) -> Iterator[Finding]:
        found = hits.get(self.handle)
        if not found:
            return
        day = document_day(doc)
        if day is None:
            return  # no date known: no finding (see `explain`)
        prose = doc.prose
        seen = set()
        for s, e, _term in found:
            mention = self.mention(prose, s, e)
            if mention is None or mention.modifier == "skip" or (mention.start, mention.end) in seen:
                continue
            seen.add((mention.start, mention.end))
            finding = self.judge(doc, mention, day)
            if finding is not None:
                yield finding

    def judge(self, doc, mention: g.Mention, day: datetime.date) -> Finding | None:
        people, how = self.resolve(mention.tokens, mention.from_right)
        if not people:
            return None
        if how == "surname" and mention.qualifier is None and self.common(mention.tokens):
            return None  # "President Kim": too many people to say who is meant
        role = self.role_of.get(" ".join(mention.title.lower().split()))
        allowed = self.quals.get(mention.qualifier, ()) if mention.qualifier else None
        held = [
            (p, self.base.offices[i], t)
            for p in sorted(people)
            for i, t in self.terms_of.get(p, ())
            if self.base.offices[i].role == role and (allowed is None or i in allowed)
        ]
        if not held:
            return None  # never held a listed office with this title: not ours to judge
        verified = self.base.verified
        years, any_years = self.sentence_years(doc, mention)
        if mention.modifier != "former" and any(t.overlaps_year(y) for _p, _o, t in held for y in any_years):
            return None  # a year of the sentence falls in a term: history, told right
        if mention.modifier == "former":
            if years or any(
                not any(t.surely_held(day, verified) for (p2, _o, t) in held if p2 == p)
                for p in {p for p, _o, _t in held}
            ):
                return None
            ok_margin = all(
                t.distance(day) == 0 and t.surely_held(day - datetime.timedelta(days=ERROR_MARGIN), verified)
                for _p, _o, t in held
                if t.surely_held(day, verified)
            )
            level = "error" if mention.qualifier and how == "full" and len(people) == 1 and ok_margin else "warning"
            p, o, _t = next((p, o, t) for p, o, t in held if t.surely_held(day, verified))
            msg = (
                f"{p} was {o.name} on {_day(day)} ({self.terms_text(p, [o])}): 'former' says otherwise. "
                f"(source: {o.source})"
            )
            return self.finding(doc, mention.start, mention.end, (msg,), level=level)
        if mention.modifier == "then":
            if not years or any(t.overlaps_year(y) for _p, _o, t in held for y in years):
                return None
        elif years:
            if any(t.overlaps_year(y) for _p, _o, t in held for y in years):
                return None
        else:
            if any(t.possibly_held(day, SLACK) for _p, _o, t in held):
                return None
            if any(o.in_gap(day) for _p, o, _t in held):
                return None  # an omitted acting holder: unknown
        return self.report(doc, mention, how, people, held, day, years)

    def report(
        self, doc, mention: g.Mention, how: str, people: set, held: list, day: datetime.date, years: list
    ) -> Finding:
        offices = list(dict.fromkeys(o.id for _p, o, _t in held))
        by_id = {o.id: o for _p, o, _t in held}
        far = all(t.distance(day) > ERROR_MARGIN for _p, _o, t in held)
        level = "error" if mention.qualifier and how == "full" and len(people) == 1 and far and not years else "warning"
        # Long after every term and without a country: most likely history told without
        # "then-" ("the attempt on Prime Minister Thatcher in Brighton"), worth a look only.
        ref_year = max(years) if years else day.year
        if not mention.qualifier and all(t.end is not None and ref_year - t.end[1].year > 5 for _p, _o, t in held):
            level = "suggestion"
        verified = self.base.verified
        if not years and day > verified:
            level = "warning"  # the table cannot know a comeback after its verified day
        when = "in " + "/".join(map(str, sorted(years))) if years else "on " + _day(day)
        parts, suggestions = [], []
        for oid in offices:
            o = by_id[oid]
            who = sorted({p for p, o2, _t in held if o2.id == oid})
            if years:
                holders = sorted({t.person for t in o.terms for y in years if t.overlaps_year(y)})
            else:
                holders = o.holders_on(min(day, verified), verified)
            if o.abolished and day >= o.abolished:
                now = "nobody: the office was abolished"
            elif not years and day > verified:
                now = f"{' and '.join(holders) or 'unknown'} as of {_day(verified)}, the table's last check"
            else:
                now = " and ".join(holders) if holders else "unknown"
            suggestions += [h for h in holders if h not in suggestions]
            parts.append(
                f"{' or '.join(who)} was not {o.name} {when} (holder: {now}; "
                f"{'; '.join(f'{p} held it {self.terms_text(p, [o])}' for p in who)}; source: {o.source})"
            )
        return self.finding(
            doc, mention.start, mention.end, ("; ".join(parts) + ".",), suggestions=suggestions[:3], level=level
        )

    def terms_text(self, person, offices) -> str:
        return ", ".join(t.describe() for o in offices for t in o.terms if t.person == person)

    @staticmethod
    def sentence_years(doc, mention) -> tuple[list, list]:
        """Years that date the mention's claim: in a sentence-opening phrase ("In 2016, ...")
        or in the mention's own clause within a dozen words of it. A year in another clause
        ("The bill, proposed in 1993, was approved by President Lula") or far along the clause
        ("... the rebate secured by Thatcher in 1984") dates something else. Also returns every
        year of the sentence: one that falls in a term clears the mention."""
        loc = doc.sentence_at(mention.start)
        if loc is None:
            return [], []
        s, e = doc.block_sentences(loc[0])[loc[1]]
        prose = doc.prose
        every = sorted(
            {int(m.group(1)) for m in g.YEAR.finditer(prose, s, e) if not (mention.start <= m.start() < mention.end)}
        )
        years = set()
        intro = g.INTRO_YEAR.match(prose, s, e)
        if intro and intro.end() <= mention.start:
            years.add(int(intro.group("y")))
        c_start = max([s] + [i + 1 for i in _clause_breaks(prose, s, mention.start)])
        breaks = _clause_breaks(prose, mention.end, e)
        c_end = breaks[0] if breaks else e
        for m in g.YEAR.finditer(prose, c_start, c_end):
            if mention.start <= m.start() < mention.end:
                continue
            gap = prose[m.end() : mention.start] if m.end() <= mention.start else prose[mention.end : m.start()]
            if len(gap.split()) <= 12:
                years.add(int(m.group(1)))
        return sorted(years), every


def _clause_breaks(prose: str, start: int, end: int) -> list:
    return [m.start() for m in _BREAK.finditer(prose, start, end)]


def _sentence_start(prose: str, i: int) -> bool:
    j = i
    while j >= 0 and prose[j] in " \t":
        j -= 1
    return j < 0 or prose[j] in ".!?\n\"“‘'(:;—"


def _day(d: datetime.date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"
