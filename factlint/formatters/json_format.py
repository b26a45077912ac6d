"""A JSON array of findings (1-based positions, end exclusive); with --statistics, an object
{"findings": [...], "statistics": {...}} so the counts are not lost (nor a second document)."""

import json

from factlint.formatters.text import Statistics


def format(report, stream):
    findings = [f.to_dict() for f in report.findings]
    data = findings
    if report.statistics:
        stats = Statistics()
        for f in report.findings:
            stats.add(f)
        data = {"findings": findings, "statistics": stats.to_dict(report.documents)}
    json.dump(data, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
