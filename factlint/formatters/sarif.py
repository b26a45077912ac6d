"""SARIF 2.1.0, in the shape GitHub code scanning accepts (github/codeql-action/upload-sarif).

GitHub rejects a whole upload when one result has no location, so every result gets exactly one,
standard input included (uri "stdin"). GitHub computes `partialFingerprints` itself from the file
contents; a home-made one would only be wrong, so none is written.
"""

import json
import os
from pathlib import Path
from urllib.parse import quote

from factlint import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
MAX_RESULTS = 25_000  # GitHub's limit per run; beyond it the upload is rejected
SARIF_LEVEL = {"error": "error", "warning": "warning", "suggestion": "note"}


def format(report, stream):
    json.dump(sarif_log(report), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def sarif_log(report):
    # Every loaded rule is listed, not only those with findings: the log then says what was
    # checked (a clean run still names its rules), and there are only tens of rules.
    rule_ids = list(report.rules)
    for f in report.findings:  # a finding from a rule not in the rule set (e.g. a plugin's)
        if f.rule not in report.rules and f.rule not in rule_ids:
            rule_ids.append(f.rule)
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    findings = report.findings[:MAX_RESULTS]
    notifications = [{"level": "error", "message": {"text": str(err)}} for err in report.errors]
    if len(report.findings) > MAX_RESULTS:
        notifications.append(
            {
                "level": "warning",
                "message": {
                    "text": f"{len(report.findings)} findings; only the first {MAX_RESULTS} are in this log (GitHub's limit per run)"
                },
            }
        )
    run = {
        "tool": {
            "driver": {
                "name": "factlint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_rule(rule_id, report.rules.get(rule_id)) for rule_id in rule_ids],
            }
        },
        # Finding columns count code points; SARIF's default unit is UTF-16 code units.
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index[f.rule], report) for f in findings],
        "invocations": [{"executionSuccessful": not report.errors, "toolExecutionNotifications": notifications}],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _rule(rule_id, rule):
    spec = getattr(rule, "spec", None)
    description = (getattr(spec, "description", "") or "").strip()
    message = (getattr(spec, "message", "") or "").strip()
    link = getattr(spec, "link", "") or ""
    # Rule files hard-wrap their descriptions; viewers wrap text themselves.
    full = _unwrap(description) or message.replace("%s", "…") or rule_id
    short = _first_sentence(full)
    help_text = full + (f"\n\nMore: {link}" if link else "")
    level = getattr(rule, "level", "warning")
    category = getattr(rule, "category", None) or "other"
    descriptor = {
        "id": rule_id,
        "name": rule_id.replace(".", ""),  # SARIF wants an identifier-like name
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": SARIF_LEVEL.get(level, "warning")},
        "properties": {"tags": [category]},
    }
    if link and str(link).lower().startswith(("https://", "http://")):  # never javascript: or data:
        descriptor["helpUri"] = link
    return descriptor


def _unwrap(text):
    return "\n\n".join(" ".join(para.split()) for para in text.split("\n\n") if para.strip())


def _first_sentence(text):
    first = " ".join(text.split("\n\n", 1)[0].split())
    for end in (". ", "? ", "! "):
        if end in first:
            return first.split(end, 1)[0] + end.strip()
    return first


def _result(f, rule_index, report):
    relative = report.repo_path(f.path)
    if f.path == "<stdin>":
        artifact = {"uri": "stdin", "uriBaseId": "%SRCROOT%"}
    elif relative is not None:
        # fsencode: a non-UTF-8 file name's own bytes, percent-encoded (a URI carries any bytes)
        artifact = {"uri": quote(os.fsencode(relative)), "uriBaseId": "%SRCROOT%"}
    else:  # outside the repository: an absolute file URI still locates it for local viewers
        artifact = {"uri": Path(f.path).resolve().as_uri()}
    message = f.message
    if f.record is None:
        region = {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column}
    else:
        # A corpus record's positions are inside the record's text, not the JSONL file: point at
        # the file and say where in the record.
        region = {"startLine": f.record_line or 1}
        message = f"[record {f.record}, line {f.line}, column {f.column}] {message}"
    result = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": SARIF_LEVEL.get(f.severity, "warning"),
        "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": region}}],
        "properties": {"category": f.category, "match": f.match},
    }
    if f.suggestions:
        result["properties"]["suggestions"] = list(f.suggestions)
    if f.record is not None:
        result["properties"].update(record=f.record, recordLine=f.record_line, offset=f.start)
    return result
