"""One JSON line per document, clean ones included: id, counts per category and rule, worst
level, shares of lines flagged and a 0-1 quality score (defined in factlint.records); with
--drop-if, the verdict and its reason. For data teams filtering a corpus."""

import json

import factlint.records as records


def format(report, stream):
    for src, fs in report.results:
        row = records.source_row(src, fs)
        if report.conditions:
            reason = records.verdict(report.conditions, row)
            row["drop"], row["reason"] = reason is not None, reason
        stream.write(json.dumps(row, ensure_ascii=False) + "\n")
