"""A JSON array of findings (1-based positions, end exclusive)."""

import json


def format(report, stream):
    json.dump([f.to_dict() for f in report.findings], stream, ensure_ascii=False, indent=2)
    stream.write("\n")
