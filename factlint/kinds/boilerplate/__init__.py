"""boilerplate (factlint): scraper residue — menus, bylines and datelines, credits, share bars,
related links, comment forms, newsletter, cookie and paywall notices, copyright and donation
blocks — found by classifying lines (see `classify`), one finding per block of residue lines.

Table (`table:`): `phrases:`, `lines:` and `prefixes:` mapping a label to entries per language
(see rules/Boilerplate/data/phrases.yml), and `weak:` phrases.
"""

from __future__ import annotations

from bisect import bisect_right

import factlint.kinds.boilerplate.fast as fast
import factlint.native as native
from factlint.kinds.base import Key, RuleKind
from factlint.kinds.boilerplate.classify import classify, is_menu
from factlint.kinds.boilerplate.features import Line, core_text, is_dateline, measure, split_units
from factlint.kinds.boilerplate.table import Table
from factlint.text.language import stopwords

PHRASE_LINE = 20  # words: a line this short with one phrase is residue
FILLER = 6  # words: a weak phrase counts on a line this short, or at its start
MAX_LABELS = 4
LONE = 2
REPEATED = 3


class Boilerplate(RuleKind):
    name = "boilerplate"
    category = "boilerplate"
    keys = {"table": Key(str, True, None)}

    def compile(self, ctx):
        path, data = ctx.table(self.option("table"), "table")
        if not isinstance(data, dict) or not isinstance(data.get("phrases"), dict) or not data["phrases"]:
            raise ctx.error(f"table: {path.name} needs a 'phrases' mapping of label -> entries", "table")
        self.table = Table(data, ctx.strings)
        self.handle = ctx.terms.add(self.table.phrases, ignorecase=True, literal=True)
        self._native = fast.UNBUILT

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_native"] = fast.UNBUILT  # per process, and by the core that process runs on
        return state

    @property
    def native(self):
        """The Rust core's counterpart of check() for this table (fast.py), or None."""
        if self._native is fast.UNBUILT:
            constants = {"PHRASE_LINE": PHRASE_LINE, "FILLER": FILLER, "MAX_LABELS": MAX_LABELS, "LONE": LONE}
            self._native = fast.build(self.table, {**constants, "REPEATED": REPEATED})
        return self._native

    @native.setter
    def native(self, value):  # tests compare the cores by setting it to None
        self._native = value

    def check(self, doc, hits):
        if self.native is not None:
            yield from self._native_check(doc, hits)
            return
        prose = doc.prose
        # Markdown joins a paragraph's lines (soft wraps); a scraped plain text puts each piece
        # of the page on a line of its own.
        spans = list(doc.blocks) if doc.markup == "markdown" else split_units(prose)
        if not spans:
            return
        lang = doc.language
        lines = [measure(prose, s, e, lang) for s, e in spans]
        phrase_labels = self._phrase_labels(doc, hits.get(self.handle) or (), spans, lines)
        # Lines that are residue wherever they stand: a template's wording ("Sign up for our
        # newsletter") or a menu ("Home | News | Sport").
        templated = set()
        for i, line in enumerate(lines):
            labels = phrase_labels.get(i)
            if labels and (len(labels) >= 2 or line.words <= PHRASE_LINE):
                line.label = labels[0]
                templated.add(i)
            else:
                line.label = self.table.line_label(prose[line.start : line.end], line.words)
                if line.label is None and is_dateline(line, prose[line.start : line.end]):
                    line.label = "dateline"
            if is_menu(line):
                templated.add(i)
        _unlabel_repeats(lines, prose)
        first = lines[0]
        # The text's own headline, or its "Published: <date>" line: metadata of the text, not
        # residue, when the prose starts right below (see classify).
        headline = len(lines) > 1 and (
            first.label == "dateline"
            or (not first.label and not first.terminal and 1 <= first.words <= 25 and first.separators < 2)
        )
        flags = classify(lines, bool(stopwords(lang)), self._headings(doc, [line.start for line in lines]), headline)
        # Short unpunctuated lines alone do not make a page: a clean article ends with a line-up
        # or a table as often as a scraped page with a menu. Blocks without page furniture of
        # their own count only in a text that shows some elsewhere. And a text where only a line
        # or three look like residue is a clean article: a lone "Comments", "Related" or "By …"
        # there is a subheading or the author's own credit line; only `templated` lines are
        # residue wherever they stand.
        furniture = [flags[i] and (line.label is not None or is_menu(line)) for i, line in enumerate(lines)]
        scraped = any(furniture) and sum(flags) > LONE
        i = 0
        while i < len(lines):
            if not flags[i]:
                i += 1
                continue
            j = i
            while j + 1 < len(lines) and flags[j + 1]:
                j += 1
            if scraped or templated.intersection(range(i, j + 1)):
                yield self._block(doc, lines, phrase_labels, i, j)
            i = j + 1

    def _native_check(self, doc, hits):
        """check() on the Rust core: the same findings from one call (see fast.py)."""
        spans = list(doc.blocks) if doc.markup == "markdown" else None
        if spans == []:
            return
        exempt = sorted(self._headings(doc, [s for s, _e in spans])) if spans else []
        found = self.native.check(
            native.lent(doc.prose), spans, fast.stop_words(doc.language), hits.get(self.handle) or [], exempt
        )
        for start, end, labels, n in found:
            yield self.finding(doc, start, end, (labels, f"{n} line{'s' if n != 1 else ''}"))

    def _phrase_labels(self, doc, found, spans, lines) -> dict[int, list[str]]:
        """Line index -> the labels of the table phrases on it, in order."""
        prose = doc.prose
        starts = [s for s, _e in spans]
        out: dict[int, list[str]] = {}
        for start, end, term in found:
            if start and prose[start - 1].isalnum():
                continue  # glued to a word: "cafÃ©" is mojibake, not a copyright sign
            i = bisect_right(starts, start) - 1
            if i < 0 or start >= spans[i][1]:
                continue
            if self.table.weak[term] and lines[i].words > FILLER and prose[spans[i][0] : start].strip():
                continue  # a weak phrase inside an ordinary sentence
            if prose[end - 1] == ":" and not prose[end : spans[i][1]].strip():
                continue  # "…pin the following photo:" introduces what follows; a credit names someone
            out.setdefault(i, []).append(self.table.labels[term])
        return out

    def _headings(self, doc, starts: list[int]) -> set[int]:
        """Markdown headings (the indexes of the lines starting at `starts`): never residue."""
        exempt = set()
        text = doc.text
        if doc.markup == "markdown":
            for i, start in enumerate(starts):
                line_start = text.rfind("\n", 0, start) + 1
                if text[line_start:start].lstrip().startswith("#"):
                    exempt.add(i)
        return exempt

    def _block(self, doc, lines: list[Line], phrase_labels, first: int, last: int):
        labels: list[str] = []
        for i in range(first, last + 1):
            for label in phrase_labels.get(i) or ([lines[i].label] if lines[i].label else ()):
                if label not in labels:
                    labels.append(label)
        if not labels:
            labels = ["short unpunctuated lines" if last > first else "short unpunctuated line"]
        elif len(labels) > MAX_LABELS:
            labels = labels[:MAX_LABELS] + ["…"]
        n = last - first + 1
        return self.finding(
            doc, lines[first].start, lines[last].end, (", ".join(labels), f"{n} line{'s' if n != 1 else ''}")
        )


def _unlabel_repeats(lines: list[Line], prose: str) -> None:
    """A navigation word on many lines of its own ("home page" after each tool in a list of
    tools) is a link label of the article's list: a site menu names "Home" once or twice."""
    seen: dict[str, list[Line]] = {}
    for line in lines:
        if line.label == "navigation":
            seen.setdefault(core_text(prose[line.start : line.end]), []).append(line)
    for same in seen.values():
        if len(same) >= REPEATED:
            for line in same:
                line.label = None
