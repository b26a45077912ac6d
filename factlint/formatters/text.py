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


# ANSI SGR codes (hand-written: `rich` would add more to start-up than all of this run's output
# needs). Levels in Ruff's and Vale's colours.
RESET, BOLD, DIM = "\x1b[0m", "\x1b[1m", "\x1b[2m"
LEVEL_COLOR = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "suggestion": "\x1b[1;36m"}
CARET = "\x1b[1;31m"


def coloured(f):
    """line(f) with ANSI colour: the place bold, the level in its colour, the rule id dim."""
    where = f"{f.path}:{f.line}:{f.column}:" if f.record is None else f"{f.path}#{f.record}:{f.line}:{f.column}:"
    level = f"{LEVEL_COLOR.get(f.severity, BOLD)}{f.severity}{RESET}"
    return f"{BOLD}{where}{RESET} {level} {DIM}{f.rule}{RESET} {f.message}"


SOURCE_WIDTH = 100  # characters of a line shown: news paragraphs are single lines of 500+
SOURCE_LEAD = 40  # ... of which before the match, when the line is cut


def source(f, text, color=False):
    """The finding's line between its non-blank neighbours, numbered, with carets under the match
    (to the end of the line for a match over several lines). A long line is cut to a window
    around the match, marked with '…'; tabs become spaces so the carets align."""
    lines = text.split("\n")
    if not 1 <= f.line <= len(lines):
        return ""
    first = lines[f.line - 1]
    end = f.end_column if f.end_line == f.line else len(first) + 1
    cut = max(0, f.column - 1 - SOURCE_LEAD) if len(first) > SOURCE_WIDTH else 0
    shown = [
        n for n in (f.line - 1, f.line, f.line + 1) if 1 <= n <= len(lines) and (n == f.line or lines[n - 1].strip())
    ]
    width = len(str(shown[-1]))
    gutter = " " * width + " |"
    out = [gutter]
    for n in shown:
        out.append(f"{n:>{width}} | {_window(lines[n - 1], cut)}")
        if n == f.line:
            lead = f.column - 1 - cut + (1 if cut else 0)  # the '…' takes one column
            carets = "^" * max(1, min(end - f.column, SOURCE_WIDTH - lead))
            out.append(f"{gutter} {' ' * lead}{CARET}{carets}{RESET}" if color else f"{gutter} {' ' * lead}{carets}")
    out.append(gutter)
    if color:
        out = [f"{DIM}{o[: width + 2]}{RESET}{o[width + 2 :]}" for o in out]
    return "\n".join(out) + "\n"


def _window(text, cut):
    text = text.rstrip().replace("\t", " ")
    shown = ("…" if cut else "") + text[cut : cut + SOURCE_WIDTH]
    return shown + ("…" if len(text) > cut + SOURCE_WIDTH else "")


def format(report, stream):
    # One pass over the findings: run() may hand them over as a stream (a corpus).
    by_level = Counter()
    stats = Statistics() if report.statistics else None
    color, show_source = getattr(report, "color", False), getattr(report, "show_source", False)
    for f in report.findings:
        stream.write((coloured(f) if color else line(f)) + "\n")
        if show_source and report.current_text is not None:
            stream.write(source(f, report.current_text, color))
        by_level[f.severity] += 1
        if stats is not None:
            stats.add(f)
    if stats is not None:
        stream.write(stats.table(report.documents))
    if not getattr(report, "quiet", False):
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

    def to_dict(self, linted):
        """{"documents": linted, "rule": {id: {"findings": n, "documents": n}}, "category": {...}}."""
        out = {"documents": linted}
        for title, _key in self.KEYS:
            counts = self.findings[title]
            out[title] = {
                name: {"findings": count, "documents": self.documents[title][name]}
                for name, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            }
        return out

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
