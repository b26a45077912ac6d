"""Finding event mentions and the dates that date them: "the genocide of 1918", "the 1918
genocide", "X began in 1918", "on 9 November 1989, when the Berlin Wall fell"."""

import re

from factlint.kinds.event_date.grammar import (
    ADJECTIVE_SET,
    BEFORE,
    BEGIN,
    CLAUSE_LEADS,
    DETERMINER,
    DETERMINERS,
    END,
    MAX_GAP,
    PHASE_BEGIN,
    PHASE_END,
    SENTENCE_PUNCT,
    TOKEN,
    VERB_AFTER,
    WHEN,
    possessive,
)
from factlint.text.dates import DATE, DateExpr


class Mentions:
    """The mention-finding half of the event-date kind (a mixin of EventDate: it reads the
    compiled tables and patterns EventDate.compile sets up)."""

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
            candidates = [i for i in self.head_events[term] if self._qualified(i, sentence)]
            if len(candidates) == 1:  # two events fit: ambiguous, say nothing
                yield start, end, candidates[0]

    def _qualified(self, i, sentence):
        """Whether one of event i's qualifiers stands in the sentence as a word."""
        qualifier = self.qualifiers[i]
        return (
            bool(qualifier) and any(q in sentence for q in self.qualifier_words[i]) and bool(qualifier.search(sentence))
        )

    # -- where a mention stands --------------------------------------------------------------
    def context(self, prose, m_start):
        """(phase, lead_ok): phase is 'began'/'ended' for "the start/end of X"; lead_ok says
        whether "X in 1918" dates X — X opens its clause or follows a time preposition
        ("after X in 1918"), not the object of a verb ("recognised X in 2016")."""
        lo = max(0, m_start - 60)
        toks = [(t.group(), t.start()) for t in TOKEN.finditer(prose, lo, m_start)]
        if lo > 0 and toks and toks[0][1] == lo and (prose[lo - 1].isalnum()):
            toks = toks[1:]  # a word cut by the window
        i = len(toks) - 1
        while i >= 0:
            tok = toks[i][0]
            low = tok.lower()
            initial = (i == 0 and lo == 0) or (i > 0 and toks[i - 1][0] in SENTENCE_PUNCT)
            name = tok[0].isupper() and (not initial or (i + 1 < len(toks) and toks[i + 1][0][0].isupper()))
            if low in DETERMINERS or low in ADJECTIVE_SET or tok[0].isdigit() or possessive(low) or name:
                i -= 1
                continue
            # One plain word between a determiner and the mention: "the reactor explosion".
            if (
                i > 0
                and tok[0].islower()
                and (toks[i - 1][0].lower() in DETERMINERS or possessive(toks[i - 1][0]))
                and i == len(toks) - 1 - _trailing_names(toks)
            ):
                i -= 2
                continue
            break
        if i < 0 or toks[i][0] in SENTENCE_PUNCT:
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
        d = DATE.search(prose, m_end, window_end)
        if d:
            conn = self.after.fullmatch(prose, m_end, d.start())
            expr = DateExpr(d)
            # A decade needs its article ("in the 1920s"); "in the 2004 elections" dates a noun.
            the_ok = conn and (
                bool(conn.group("the")) or conn.group("prep") == "("
                if expr.decade is not None
                else not conn.group("the")
            )
            # "(1994)" dates the mention; "(2004 film)" is something else.
            if the_ok and conn.group("prep") == "(" and not re.match(r"\s*[),;]", prose[expr.end : expr.end + 3]):
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
        for last in DATE.finditer(prose, max(0, m_start - MAX_GAP), m_start):  # noqa: B007 - the last one
            pass
        if last is None:
            return
        expr = DateExpr(last)
        if not expr.valid():
            return
        if BEFORE.fullmatch(prose, last.end(), m_start):
            if DETERMINER.search(prose, max(0, last.start() - 12), last.start()) and not self.modified.match(
                prose, m_end
            ):
                yield "named", expr
        elif WHEN.fullmatch(prose, last.end(), m_start):
            v = VERB_AFTER.match(prose, m_end)
            if v:
                verb = " ".join(v.group("verb").split())
                yield ("began" if verb in BEGIN else "ended" if verb in END else "occurred"), expr


def _trailing_names(toks):
    """How many capitalised (or possessive) tokens end the list."""
    n = 0
    for tok, _start in reversed(toks):
        if not (tok[0].isupper() or possessive(tok)):
            break
        n += 1
    return n
