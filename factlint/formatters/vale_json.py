"""`vale --output=JSON`: {path: [alert, ...]} with Vale's alert fields (Action, Span, Check,
Description, Link, Message, Severity, Match, Line); Span is [first, last] column of the match on
its line, 1-based and inclusive. Paths are keys in sorted order, as Go writes a map."""

import json


def alert(f, rule=None):
    spec = getattr(rule, "spec", None)
    action = getattr(rule, "action", None) or {}
    last = f.end_column - 1 if f.end_line == f.line else f.column + max(len(f.match.split("\n")[0]) - 1, 0)
    return {
        # A `replace` action without params takes the finding's suggestions (substitution's swap).
        "Action": {
            "Name": str(action.get("name") or ""),
            "Params": (action.get("params") or (list(f.suggestions) if action.get("name") else None)) or None,
        },
        "Span": [f.column, max(last, f.column)],
        "Check": f.rule,
        "Description": getattr(spec, "description", "") or "",
        "Link": getattr(spec, "link", "") or "",
        "Message": f.message,
        "Severity": f.severity,
        "Match": f.match,
        "Line": f.line,
    }


def format(report, stream):
    out = {}
    rules = report.rules or {}
    for f in report.findings:
        out.setdefault(f.path.replace("\\", "/"), []).append(alert(f, rules.get(f.rule)))
    stream.write(json.dumps(dict(sorted(out.items())), indent=2, ensure_ascii=False) + "\n")
