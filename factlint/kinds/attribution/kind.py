"""attribution (factlint): a figure stated as a news claim needs a source.

Per sentence with a figure: which figures are claims (claims.py), and for each claim whether a
source speaks for it (sourcing.py): a named source in its clause, a quotation (a quotation has a
speaker), or the source of the sentence before (carried: same paragraph, or the last sentence of
the previous paragraph). A sentence is judged by its most checkable figure: unsourced before
vague before sourced.

`report: unattributed` flags claims with no source (casualty and displacement figures at
`casualty_level`); `report: vague` flags claims whose only source is vague ("experts say").
Word classes live in the rule's `table:` so an editor can extend them.

Speed: number words and casualty terms go into the shared automaton (factlint.terms), digit
figures come from one regex whose first character is a digit or a currency sign, and only
sentences that hold a figure are looked at. The analysis is made once per document and shared
by every attribution rule over the same table (Document.memo); with the Rust core it is one
call (native_status.document), the steps below its Python reference and fallback.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import factlint.kinds.attribution.claims as claims
import factlint.kinds.attribution.native_claims as native_claims
import factlint.kinds.attribution.native_status as native_status
import factlint.kinds.attribution.sentences as sentences
import factlint.kinds.attribution.sourcing as sourcing
from factlint.kinds.base import Key, RuleKind
from factlint.text import numbers

_TABLE_LISTS = (
    "reporting_verbs",
    "own_verbs",
    "noun_like",
    "source_nouns",
    "institutions",
    "vague_subjects",
    "vague",
    "casualty",
    "casualty_before",
)
_PLAIN_WORD = re.compile(r"[^\W\d][\w'’-]*")
_ACCORDING = re.compile(r"\baccording\s+to\b", re.I)
UNSOURCED, VAGUE, SOURCED = 0, 1, 2
MIN_WORDS = 4
# Verbs with which respondents speak: "62% of voters said", "half of them believe".
_OPINION_VERBS = frozenset(
    """say says said saying believe believes believed think thinks thought told argue argued
    argue claim claimed feel felt expect expected reported agree agreed""".split()
)


class Attribution(RuleKind):
    name = "attribution"
    category = "attribution"
    keys = {
        "table": Key(str, True, None),
        "report": Key(str, True, None),  # unattributed | vague
        "casualty_level": Key(str, False, None),
    }

    def compile(self, ctx) -> None:
        report = self.option("report")
        if report not in ("unattributed", "vague"):
            raise ctx.error("report must be 'unattributed' or 'vague'", "report")
        self.mode = report
        _path, data = ctx.table(self.option("table"), "table")
        if not isinstance(data, dict) or any(not isinstance(data.get(k), list) for k in _TABLE_LISTS):
            raise ctx.error(f"table: needs the lists {', '.join(_TABLE_LISTS)}", "table")

        def word_set(key):
            return frozenset(str(w).lower() for w in ctx.strings(key, data[key]))

        vague = "|".join(f"(?:{v})" for v in ctx.strings("vague", data["vague"]))
        try:
            vague_re = re.compile(vague, re.I)
        except re.error as exc:
            raise ctx.error(f"vague: not a regular expression ({exc})", "table") from None
        self.lexicon = sourcing.Lexicon(
            reporting=word_set("reporting_verbs"),
            own=word_set("own_verbs"),
            noun_like=word_set("noun_like"),
            source_nouns=word_set("source_nouns"),
            institutions=word_set("institutions"),
            vague_subjects=word_set("vague_subjects"),
            vague=vague_re,
            according=_ACCORDING,
            according_holds="ccord",  # no letter of it has an ignore-case twin outside ASCII
        )
        self.h_casualty = ctx.terms.add(ctx.strings("casualty", data["casualty"]), ignorecase=True, literal=True)
        self.h_figures = ctx.terms.add(list(numbers.TRIGGER_WORDS), ignorecase=True, literal=True)
        self.h_records = ctx.terms.add(list(claims.RECORD_TRIGGERS), ignorecase=True, literal=True)
        self.h_cues = ctx.terms.add(sourcing.cue_words(self.lexicon), ignorecase=True, literal=True)
        self.h_odds = ctx.terms.add(list(claims.ODDS_TRIGGERS), ignorecase=True, literal=True)
        self.casualty_before = {str(w).lower() for w in data["casualty_before"]}
        self.casualty_level = self.option("casualty_level") or self.level
        # One string for the table's word classes: a memo look-up hashes it once (a dataclass
        # of sets would be compared field by field for every document).
        lex = self.lexicon
        lexicon = (
            "|".join(
                ",".join(sorted(w))
                for w in (
                    lex.reporting,
                    lex.own,
                    lex.noun_like,
                    lex.source_nouns,
                    lex.institutions,
                    lex.vague_subjects,
                    self.casualty_before,
                )
            )
            + vague
        )
        self.memo_key = (
            "attribution",
            self.h_casualty,
            self.h_figures,
            self.h_records,
            self.h_odds,
            self.h_cues,
            lexicon,
        )
        self.cues_key = ("attribution-cues", self.h_cues, lexicon)

    # -- the shared analysis ------------------------------------------------------------------
    def check(self, doc, hits) -> Iterator:
        analysis = doc.memo.get(self.memo_key)
        if analysis is None:
            analysis = doc.memo[self.memo_key] = list(self.analyse(doc, hits))
        for claim, harm, status, source, cue in analysis:
            if self.mode == "vague":
                if status == VAGUE:
                    start, end = claim if source is None else (min(source[0], claim[0]), max(source[1], claim[1]))
                    yield self.finding(doc, start, end, (cue,))
            elif status == UNSOURCED:
                start, end = claim
                level = None
                if harm is not None:
                    level = self.casualty_level
                    start, end = min(start, harm[0]), max(end, harm[1])
                yield self.finding(doc, start, end, (doc.text[claim[0] : claim[1]],), level=level)

    def figures(self, doc, hits) -> list:
        """(start, end, kind) of every figure in the prose, sorted, without overlaps."""
        prose, lower = doc.prose, doc.lower
        native = native_claims.figures(
            prose,
            lower,
            [h[0] for h in hits.get(self.h_figures, ())],
            [h[0] for h in hits.get(self.h_records, ())],
            bool(hits.get(self.h_odds)),
        )
        if native is not None:
            return native
        return claims.figures(
            prose, lower, hits.get(self.h_figures, ()), hits.get(self.h_records, ()), hits.get(self.h_odds)
        )

    def analyse(self, doc, hits) -> Iterator[tuple]:
        """Yield (claim span, harm span or None, status, vague source span or None, its text)
        for every sentence with a claim: by one call of the Rust core, or by `analyse_groups`."""
        done = native_status.document(self, doc, hits, _OPINION_VERBS, MIN_WORDS)
        if done is None:  # no Rust core, or it declines the document
            yield from self.analyse_groups(doc, hits)
            return
        harms = hits.get(self.h_casualty, ())
        for block, number, claimed, one in done:
            if one is None and self.cues_key not in doc.memo:  # Python judges the sentence
                doc.memo[self.cues_key] = (sentences.Hits(hits.get(self.h_cues, ())), {})
            found = [((start, end), None if h < 0 else harms[h]) for start, end, h in claimed]
            yield self.judged(doc, block, number, found, one)

    def analyse_groups(self, doc, hits) -> Iterator[tuple]:
        """`analyse` from the figures by sentence (Python's grouping; each step by the Rust core
        where it is built and takes the document)."""
        figures = self.figures(doc, hits)
        if not figures:
            return
        doc.memo[self.cues_key] = (sentences.Hits(hits.get(self.h_cues, ())), {})
        groups = self.groups(doc, figures)
        done = native_status.analyse(self, doc, hits, groups, _OPINION_VERBS, MIN_WORDS)
        if done is None:  # no Rust core, or it declines the document
            yield from self.py_analyse(doc, hits, groups)
            return
        harms = hits.get(self.h_casualty, ())
        for (block, number, _figs), one in zip(groups, done, strict=True):
            if one is not None:
                found = [((start, end), None if h < 0 else harms[h]) for start, end, h in one[0]]
                yield self.judged(doc, block, number, found, one[1])

    def py_analyse(self, doc, hits, groups: list) -> Iterator[tuple]:
        todo = self.py_claims(doc, hits, groups)
        judged = native_status.judge(self, doc, hits.get(self.h_cues, ()), todo, _OPINION_VERBS) if todo else None
        for k, (block, number, found) in enumerate(todo):
            yield self.judged(doc, block, number, found, None if judged is None else judged[k])

    def judged(self, doc, block: int, number: int, found: list, one: tuple | None) -> tuple:
        """The analysis of a sentence from the Rust core's judgement `one` (None: it declined,
        or there is no Rust core: Python judges the sentence)."""
        if one is None:
            return self.py_judge(doc, block, number, found)
        index, status, source, cue = one
        span, harm = found[index]
        return span, harm, status, source, None if cue is None else doc.prose[cue[0] : cue[1]]

    def groups(self, doc, figures: list) -> list:
        """(block, number, figures) of every sentence with a figure that is no heading."""
        return [
            (block, number, figs)
            for (block, number), figs in sentences.by_sentence(doc, figures).items()
            if not (doc.is_heading(block) or sentences.headline(doc, block))
        ]

    def claims_of(self, doc, hits) -> list:
        """(block, number, [(claim span, harm span or None)]) of every sentence with a claim."""
        figures = self.figures(doc, hits)
        if not figures:
            return []
        doc.memo[self.cues_key] = (sentences.Hits(hits.get(self.h_cues, ())), {})
        return self.py_claims(doc, hits, self.groups(doc, figures))

    def py_claims(self, doc, hits, groups: list) -> list:
        prose = doc.prose
        casualties = sentences.Hits(hits.get(self.h_casualty, ()))
        # The figures that may count, by sentence; those without a casualty term are claims only
        # if claims.is_claim says so, asked for the whole document in one call (native_claims).
        pending = []
        asks: list = []
        for block, number, figs in groups:
            s_start, s_end = doc.block_sentences(block)[number]
            if not sentences.words_at_least(prose[s_start : min(s_end, s_start + 60)], MIN_WORDS):
                continue  # a table cell, a list row or a results line: not a sentence to judge
            harms = casualties.within(s_start, s_end)
            candidates = []
            for start, end, kind in figs:
                if not claims.may_count(prose, s_start, s_end, start, end, kind):
                    continue
                harm = (
                    next((h for h in harms if self.tied(prose, start, end, h)), None)
                    if kind not in ("pct", "money", "record", "odds")
                    else None
                )
                candidates.append(((start, end), harm, -1 if harm is not None else len(asks)))
                if harm is None:
                    asks.append((s_start, s_end, start, end, kind))
            if candidates:
                pending.append((block, number, candidates))
        decided = native_claims.decide(prose, asks) if asks else []
        todo = []
        for block, number, candidates in pending:
            found = [(span, harm) for span, harm, ask in candidates if ask < 0 or decided[ask]]
            if found:
                todo.append((block, number, found))
        return todo

    def py_judge(self, doc, block: int, number: int, found: list) -> tuple:
        """The sentence's most checkable figure: unsourced before vague before sourced, a
        casualty first (native_status.judge reads every sentence of a document in one call)."""
        judged = [(self.status(doc, block, number, span), span, harm) for span, harm in found]
        (status, source, cue), span, harm = min(judged, key=lambda j: (j[0][0], j[2] is None))
        return span, harm, status, source, cue

    def status(self, doc, block: int, number: int, span: tuple) -> tuple:
        """(UNSOURCED | VAGUE | SOURCED, the vague source's span or None, its text or None)."""
        prose = doc.prose
        s_start, s_end = doc.block_sentences(block)[number]
        # A named source that covers the figure decides alone, whatever vague wording stands
        # beside it: the vague patterns are searched only when none does (speed).
        if any(self.named_covers(prose, s_start, s_end, src, span) for src in self.sources(doc, s_start, s_end, False)):
            return SOURCED, None, None
        srcs = self.sources(doc, s_start, s_end)
        vague = None
        respondents = False
        for src in srcs:
            subject = src[3]
            if subject is not None and subject[0] == "own":
                if not subject[1] <= span[0] < subject[2]:
                    continue  # an actor's own figure is the object of its verb
                subject = None
            cue = (src[0], src[1]) if subject is None else (min(subject[0], src[0]), max(subject[1], src[1]))
            quality = src[2]
            if subject is not None and subject[0] <= span[0] < subject[1]:
                said_by_a_report = any(
                    w in self.lexicon.source_nouns for w in prose[subject[0] : subject[1]].lower().split()
                )
                if prose[src[0] : src[1]].lower() in _OPINION_VERBS and not said_by_a_report:
                    quality, cue, respondents = sourcing.VAGUE, (src[0], src[1]), True  # "42% of them say"
                elif quality != sourcing.NAMED:
                    continue  # "5 million Germans found…": the figure is the subject, not a source's
            if not sourcing.covers(prose, s_start, s_end, src, span[0]):
                continue
            if quality == sourcing.NAMED:
                return SOURCED, None, None
            if vague is None:
                vague = cue
        b_start = doc.blocks[block][0]
        if vague is None and sentences.inside_quote(prose, b_start, span[0]):
            return SOURCED, None, None  # a quotation has a speaker, named here or in the next paragraph
        if vague is not None and not respondents:
            return VAGUE, vague, prose[vague[0] : vague[1]]
        # Respondents speak for a poll named just before ("62% of voters said" after "A Gallup
        # poll…"); other sentences carry a source only when they go on with its report.
        carried = (
            self.carried(doc, block, number) if respondents or sentences.continues(prose, s_start, s_end) else None
        )
        if carried is not None and carried[0] == sourcing.NAMED:
            return SOURCED, None, None
        if vague is not None:
            return VAGUE, vague, prose[vague[0] : vague[1]]
        if carried is not None:
            return VAGUE, None, carried[1]
        return UNSOURCED, None, None

    def named_covers(self, prose: str, s_start: int, s_end: int, src: tuple, span: tuple) -> bool:
        """Whether `src` is a named source that speaks for the figure at `span` (as `status` reads
        its sources: the branch of its loop that answers SOURCED)."""
        if src[2] != sourcing.NAMED:
            return False
        subject = src[3]
        if subject is not None and subject[0] == "own":
            if not subject[1] <= span[0] < subject[2]:
                return False
            subject = None
        if subject is not None and subject[0] <= span[0] < subject[1]:
            said_by_a_report = any(
                w in self.lexicon.source_nouns for w in prose[subject[0] : subject[1]].lower().split()
            )
            if prose[src[0] : src[1]].lower() in _OPINION_VERBS and not said_by_a_report:
                return False  # respondents: "42% of them say" is vague
        return sourcing.covers(prose, s_start, s_end, src, span[0])

    def sources(self, doc, start: int, end: int, vague: bool = True) -> list:
        """The sources of a sentence (sourcing.sources), read once per document (a sentence is
        read again as the previous one of the next). `vague=False`: all but the matches of the
        vague patterns, which are searched only when asked for (they are never named sources)."""
        cues, cache = doc.memo[self.cues_key]
        parts = cache.get(start)
        if parts is None:
            head, tail = sourcing.named_sources(doc.prose, start, end, self.lexicon, bool(cues.within(start, end)))
            parts = cache[start] = [head + tail, None, head, tail]
        if not vague:
            return parts[0]
        if parts[1] is None:
            parts[1] = parts[2] + sourcing.vague_sources(doc.prose, start, end, self.lexicon) + parts[3]
        return parts[1]

    def carried(self, doc, block: int, number: int) -> tuple | None:
        """(quality, cue text) of the source the previous sentence carries into this one (the
        sentence before in the paragraph, or the previous paragraph's last), or None."""
        previous = sentences.previous(doc, block, number)
        if previous is None:
            return None
        p_start, p_end = previous
        named = next((f for f in self.sources(doc, p_start, p_end, False) if f[2] == sourcing.NAMED), None)
        if named is not None:  # the first named source, wherever vague wording stands (never named)
            return named[2], doc.prose[named[0] : named[1]]
        found = self.sources(doc, p_start, p_end)
        if not found:
            return None
        best = found[0]
        return best[2], doc.prose[best[0] : best[1]]

    def tied(self, prose: str, start: int, end: int, harm: tuple) -> bool:
        """Whether the figure counts what the casualty term names: a few plain words between
        them and no punctuation ("191 people were killed", "killed at least 25 people")."""
        h_start, h_end = harm[0], harm[1]
        if h_start >= end:
            term = prose[h_start:h_end].lower()
            if term.endswith("ing") or term == "executed":
                return False  # "270 hunts met … killing 91 foxes", "70 search warrants were executed"
            words, limit = prose[end:h_start].split(), 5
        elif h_end <= start and prose[h_start:h_end].lower() in self.casualty_before:
            if native_status.PART_OF_AFTER.match(prose, end):
                return False  # "convicted of killing two of her babies": members of a known set, not a toll
            words, limit = prose[h_end:start].split(), 3
            if words and words[0].lower() in native_status.PLACE_WORDS and " ".join(words[:2]).lower() != "at least":
                return False  # "executed in six countries", "killed on 12 occasions"
        else:
            return False
        return len(words) <= limit and all(
            _PLAIN_WORD.fullmatch(w) and w.lower() not in native_status.CONJUNCTIONS for w in words
        )
