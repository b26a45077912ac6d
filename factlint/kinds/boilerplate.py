"""boilerplate (factlint): scraper residue — donation appeals, social and share bars, newsletter
and cookie notices, copyright and byline blocks.

Residue forms whole lines and clusters at the start and end of a text, so the kind works on
lines: a line is residue when it carries phrases from the table and is short or dense with them;
short link-like lines ("News Room") between residue lines join the cluster. One finding per
cluster at the start or end; in the middle of a text only short whole-line residue counts.

Table (`table:`): `phrases:` mapping a label ("donation appeal") to a list of phrases.
"""
import re

from factlint.kinds.base import Key, RuleKind

_WORD = re.compile(r"\w+")
EDGE_LINES = 12  # how far from the start or end a cluster may reach
SHORT = 20  # words: a line this short with one phrase is residue
FILLER = 6  # words: a line this short without closing punctuation may sit inside a cluster


class Boilerplate(RuleKind):
    name = "boilerplate"
    category = "boilerplate"
    keys = {"table": Key(str, True, None)}

    def compile(self, ctx):
        path, data = ctx.table(self.option("table"), "table")
        groups = data.get("phrases") if isinstance(data, dict) else None
        if not isinstance(groups, dict) or not groups:
            raise ctx.error(f"table: {path.name} needs a 'phrases' mapping of label -> list", "table")
        weak = {str(p).lower() for p in data.get("weak") or ()}
        phrases, self.labels, self.weak = [], [], []
        for label, items in groups.items():
            for phrase in items or ():
                phrases.append(str(phrase))
                self.labels.append(str(label))
                self.weak.append(str(phrase).lower() in weak)
        self.handle = ctx.terms.add(phrases, ignorecase=True, literal=True)

    def check(self, doc, hits):
        found = hits.get(self.handle)
        if not found:
            return
        lines = _lines(doc.prose)
        words = [len(_WORD.findall(doc.prose, s, e)) for s, e in lines]
        per_line = {}
        prose = doc.prose
        for start, _end, term in found:
            if start and prose[start - 1].isalnum():
                continue  # glued to a word: "cafÃ©" is mojibake, not a copyright sign
            i = _line_index(lines, start)
            if self.weak[term] and words[i] > FILLER and prose[lines[i][0]:start].strip():
                continue  # a weak phrase inside an ordinary sentence
            per_line.setdefault(i, []).append(self.labels[term])

        def residue(i):
            labels = per_line.get(i)
            return bool(labels) and (len(labels) >= 2 or words[i] <= SHORT)

        def filler(i):
            s, e = lines[i]
            text = doc.prose[s:e].rstrip()
            return words[i] == 0 or (words[i] <= FILLER and not text.endswith((".", "!", "?", '"', "”")))

        content = [i for i in range(len(lines)) if words[i]]
        if not content:
            return
        reported = set()
        for order in (content[::-1], content):  # the end of the text, then its start
            cluster = []
            for n, i in enumerate(order):
                if n >= EDGE_LINES:
                    break
                if residue(i):
                    cluster.append(i)
                elif not filler(i):
                    break
            if cluster:
                first, last = min(cluster), max(cluster)
                if order is content:  # at the start, trailing filler is article text: stop at residue
                    pass
                else:
                    last = content[-1] if last < content[-1] and all(filler(j) or residue(j) for j in content if j > last) else last
                if (first, last) in reported:
                    continue
                reported.add((first, last))
                yield self._cluster(doc, lines, per_line, first, last)
        in_clusters = {i for a, b in reported for i in range(a, b + 1)}
        for i in sorted(per_line):
            if i not in in_clusters and residue(i) and words[i] <= FILLER + 2:
                yield self._cluster(doc, lines, per_line, i, i)

    def _cluster(self, doc, lines, per_line, first, last):
        labels = []
        for i in range(first, last + 1):
            for label in per_line.get(i, ()):
                if label not in labels:
                    labels.append(label)
        start, end = lines[first][0], lines[last][1]
        while end > start and doc.prose[end - 1].isspace():
            end -= 1
        n = last - first + 1
        return self.finding(doc, start, end, (", ".join(labels), f"{n} line{'s' if n != 1 else ''}"))


def _lines(prose):
    out, start = [], 0
    for m in re.finditer("\n", prose):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(prose)))
    return out


def _line_index(lines, offset):
    lo, hi = 0, len(lines) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if lines[mid][0] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo
