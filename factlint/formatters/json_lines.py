"""One JSON object per finding per line (JSON Lines): streams, and appends or greps well."""

import json


def format(report, stream):
    for f in report.findings:
        stream.write(json.dumps(f.to_dict(), ensure_ascii=False) + "\n")
