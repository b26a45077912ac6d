"""figures-agree: two statements of the same count that cannot both hold.

Per document, every sentence with a word of the rule's classes (killed/dead/died,
injured/wounded, fled/displaced, arrested, votes, raised money ...) is read for statements of a
count (see extract). Two statements contradict when they count the same class of thing with
the same noun (or both generic "people"), their intervals cannot both hold ("at least 34" and
"40" can), neither sentence carries an update or part-of-a-whole cue ("rose to", "earlier",
"another", "including"), and their scopes cannot differ (a time or place phrase in one body
sentence that the other lacks; the headline may leave the scope implicit). One finding per
pair, at the later statement, naming the other's line and column.
"""

from __future__ import annotations

from collections.abc import Iterator

from factlint.findings import Finding
from factlint.kinds.base import Key, RuleKind
from factlint.kinds.figures.extract import PLACE, SOURCE, TIME, UPDATE, Extractor, Statement


class FiguresAgree(RuleKind):
    name = "figures-agree"
    category = "quality"
    keys = {"table": Key(str, True, None)}

    def compile(self, ctx) -> None:
        path, data = ctx.table(self.option("table"), "table")
        classes = data.get("classes") if isinstance(data, dict) else None
        if not isinstance(classes, dict) or not classes:
            raise ctx.error(f"table: {path.name} needs a 'classes' mapping", "table")
        for name, spec in classes.items():
            if not isinstance(spec, dict) or not any(spec.get(k) for k in ("after", "before", "toll")):
                raise ctx.error(f"table: class {name!r} needs 'after', 'before' or 'toll' words", "table")
        self.subject_classes = {n for n, spec in classes.items() if spec.get("same_subject")}
        self.extractor = Extractor(classes)
        word_classes = {}
        for name, spec in classes.items():
            for k in ("after", "before", "toll"):
                for w in spec.get(k) or ():
                    word_classes.setdefault(_key_word(w), set()).add(name)
        words = sorted(word_classes)
        self.word_classes = [word_classes[w] for w in words]
        # The prefilter: a document without any of the words costs one automaton pass.
        self.handle = ctx.terms.add(words, ignorecase=True, literal=True)

    def check(self, doc, hits) -> Iterator[Finding]:
        found = hits.get(self.handle)
        if not found or len(found) < 2:
            return
        # A contradiction needs two mentions of one class: "won" and "killed" cannot pair.
        per_class = {}
        for _s, _e, term in found:
            for name in self.word_classes[term]:
                per_class[name] = per_class.get(name, 0) + 1
        pairable = {name for name, n in per_class.items() if n >= 2}
        if not pairable:
            return
        prose = doc.prose
        sentences = {}  # in order of first mention (a dict: a list's `in` made this quadratic)
        for s, _e, term in found:
            if not self.word_classes[term] & pairable:
                continue
            loc = doc.sentence_at(s)
            if loc is not None:
                sentences[loc] = None
        statements = []
        for block, number in sentences:
            s, e = doc.block_sentences(block)[number]
            headline = block == 0 and number == 0 and len(doc.blocks) > 1 and doc.is_heading(0)
            for st in self.extractor.statements(prose, s, e, headline):
                sentence = prose[s:e]
                st.cue = UPDATE.search(sentence) is not None
                st.times = frozenset(
                    m.group().lower() for m in TIME.finditer(sentence) if not (st.start <= s + m.start() < st.end)
                )
                st.places = frozenset(m.group("p") for m in PLACE.finditer(sentence))
                st.subject = _subject(sentence)
                st.sources = frozenset((m.group("a") or m.group("b")).lower() for m in SOURCE.finditer(sentence))
                statements.append(st)
        statements.sort(key=lambda st: st.start)
        # Only statements of one class and noun can contradict (see contradict): each is
        # compared with the earlier ones of its own group, not with every earlier one.
        groups: dict = {}
        for later in statements:
            group = groups.setdefault((later.cls, later.noun), [])
            for earlier in group:
                if self.contradict(earlier, later):
                    yield self.report(doc, earlier, later)
                    break  # one finding per later statement
            group.append(later)

    def contradict(self, a: Statement, b: Statement) -> bool:
        if a.cls != b.cls or a.noun != b.noun or a.sentence == b.sentence or a.cue or b.cue:
            return False
        if a.low <= b.high and b.low <= a.high:
            return False
        if a.sources and b.sources and not a.sources & b.sources:
            return False  # "organisers said 40 ... police said 25": a dispute, reported
        for attr in ("times", "places"):
            x, y = getattr(a, attr), getattr(b, attr)
            if x == y:
                continue
            # The headline sets the story's scope or leaves it implicit: only two different
            # scopes part it from the body. Between body sentences any difference may be a
            # different count.
            if (a.headline or b.headline) and (not x or not y or x & y):
                continue
            return False
        if a.cls in self.subject_classes and (not a.subject or a.subject != b.subject):
            return False
        return True

    def report(self, doc, earlier: Statement, later: Statement) -> Finding:
        line, col = doc.position(earlier.start)
        where = "the headline" if earlier.headline else f"line {line}:{col}"
        msg = (
            f"'{later.text}' contradicts '{earlier.text}' ({where}): the same count "
            f"({earlier.cls}{', ' + earlier.noun if earlier.noun else ''}) with numbers that cannot both hold. "
            'Say which is right, or mark the update ("rose to", "earlier reports said").'
        )
        return self.finding(doc, later.start, later.end, (msg,), suggestions=[])


def _key_word(phrase: str) -> str:
    """The word of a class phrase the prefilter looks for: its last content word ("death toll"
    -> "toll", "were killed" -> "killed"), never a word as common as "have" or "number"."""
    words = [w for w in phrase.lower().split() if w not in ("of", "for", "out", "in", "the")]
    return words[-1]


_STARTERS = {
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "it",
    "this",
    "that",
    "he",
    "she",
    "they",
    "we",
    "by",
    "after",
    "before",
    "since",
    "meanwhile",
    "however",
    "officials",
    "police",
    "its",
    "his",
    "her",
}


def _subject(sentence: str) -> str:
    """The first proper noun of a sentence ("Labour won 355 seats", "The Tsunami Appeal raised"),
    possessive dropped; "" when the sentence opens with none."""
    for w in sentence.split()[:6]:
        w = w.strip(',.;:"“”()')
        w = w[:-2] if w.endswith(("'s", "’s")) else w
        if w[:1].isupper() and w.lower() not in _STARTERS:
            return w
    return ""
