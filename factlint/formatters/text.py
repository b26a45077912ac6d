"""`path:line:col: level Rule.Id message`, one per line, then a summary (Ruff's shape)."""
from collections import Counter


def format(report, stream):
    for f in report.findings:
        where = f"{f.path}:{f.line}:{f.column}:" if f.record is None else f"{f.path}#{f.record}:{f.line}:{f.column}:"
        stream.write(f"{where} {f.severity} {f.rule} {f.message}\n")
    if report.statistics:
        stream.write(statistics_table(report.findings))
    stream.write(summary(report) + "\n")


def summary(report):
    n_files = len(report.files)
    files = f"{n_files} file{'s' if n_files != 1 else ''}"
    if not report.findings:
        return f"No findings in {files}."
    by_level = Counter(f.severity for f in report.findings)
    parts = [f"{by_level[lvl]} {lvl}{'s' if by_level[lvl] != 1 else ''}" for lvl in ("error", "warning", "suggestion") if by_level[lvl]]
    n = len(report.findings)
    return f"Found {n} finding{'s' if n != 1 else ''} ({', '.join(parts)}) in {files}."


def statistics_table(findings):
    """Counts per rule and per category, most frequent first."""
    lines = []
    for title, key in (("rule", lambda f: f.rule), ("category", lambda f: f.category)):
        counts = Counter(key(f) for f in findings)
        docs = {}
        for f in findings:
            docs.setdefault(key(f), set()).add((f.path, f.record))
        width = max([len(k) for k in counts] + [len(title)])
        lines.append(f"{title:<{width}}  findings  documents")
        for name, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"{name:<{width}}  {count:>8}  {len(docs[name]):>9}")
        lines.append("")
    return "\n".join(lines)
