"""`path:line:col: level Rule.Id message`, one per line, then a summary (Ruff's shape)."""

import re
from collections import Counter

# Control characters (a newline in a file name, a terminal escape in matched text) and lone
# surrogates (a non-UTF-8 file name): shown escaped, so that one finding stays one line and no
# file name can forge another line (or a GitHub workflow command).
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")


def printable(value):
    """`value` as text with its control characters and lone surrogates escaped (\\n, \\x1b, \\udcff)."""
    text = str(value)
    if not _UNPRINTABLE.search(text):
        return text
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text.replace("\\", "\\\\"))


def line(f):
    """One finding as one line (also used by the JUnit formatter)."""
    path = printable(f.path)
    where = f"{path}:{f.line}:{f.column}:" if f.record is None else f"{path}#{printable(f.record)}:{f.line}:{f.column}:"
    return f"{where} {f.severity} {f.rule} {printable(f.message)}"


def format(report, stream):
    # One pass over the findings: run() may hand them over as a stream (a corpus).
    by_level = Counter()
    stats = Statistics() if report.statistics else None
    for f in report.findings:
        stream.write(line(f) + "\n")
        by_level[f.severity] += 1
        if stats is not None:
            stats.add(f)
    if stats is not None:
        stream.write(stats.table(report.documents))
    stream.write(summary(report, by_level) + "\n")


def summary(report, by_level=None):
    if by_level is None:
        by_level = Counter(f.severity for f in report.findings)
    n_files = len(report.files)
    where = f"{n_files} file{'s' if n_files != 1 else ''}"
    documents = getattr(report, "documents", n_files)
    if documents != n_files:  # corpus records: each is a document
        where = f"{documents} document{'s' if documents != 1 else ''} of {where}"
    n = sum(by_level.values())
    if not n:
        return f"No findings in {where}."
    parts = [
        f"{by_level[lvl]} {lvl}{'s' if by_level[lvl] != 1 else ''}"
        for lvl in ("error", "warning", "suggestion")
        if by_level[lvl]
    ]
    return f"Found {n} finding{'s' if n != 1 else ''} ({', '.join(parts)}) in {where}."


class Statistics:
    """Findings and documents flagged per rule and per category, gathered one finding at a time
    in constant memory: findings arrive grouped by document (as run() produces them), so a
    document is counted once per rule when its first finding of that rule is seen."""

    KEYS = (("rule", lambda f: f.rule), ("category", lambda f: f.category))

    def __init__(self):
        self.findings = {title: Counter() for title, _key in self.KEYS}
        self.documents = {title: Counter() for title, _key in self.KEYS}
        self._doc = None
        self._seen = set()

    def add(self, f):
        doc = (f.path, f.record)
        if doc != self._doc:
            self._doc, self._seen = doc, set()
        for title, key in self.KEYS:
            name = key(f)
            self.findings[title][name] += 1
            if (title, name) not in self._seen:
                self._seen.add((title, name))
                self.documents[title][name] += 1

    def table(self, linted=None):
        """The table, most frequent first; `share` is the part of the `linted` documents flagged."""
        lines = []
        for title, _key in self.KEYS:
            counts = self.findings[title]
            width = max([len(k) for k in counts] + [len(title)])
            header = f"{title:<{width}}  findings  documents"
            lines.append(header + f"  {'share':>6}" if linted else header)
            for name, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
                docs = self.documents[title][name]
                row = f"{name:<{width}}  {count:>8}  {docs:>9}"
                lines.append(row + f"  {100.0 * docs / linted:>5.1f}%" if linted else row)
            lines.append("")
        return "\n".join(lines)
