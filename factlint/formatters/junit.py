"""JUnit XML, for CI systems that show test results (GitLab, Jenkins, Azure, CircleCI).

A testsuite per linted file and a testcase per rule × file: test names stay the same from run to
run (a testcase per finding would be renamed whenever a line moves), so CI test history can
follow "rule R on file F" from failing to fixed, and a clean file naturally shows passing
testcases. Findings below the failing level are listed in the testcase's system-out and do not
fail it, so the JUnit verdict matches factlint's exit code.
"""

import re
import xml.etree.ElementTree as ET

from factlint.findings import LEVEL_RANK
from factlint.formatters import text

# Characters XML 1.0 cannot carry at all (ElementTree escapes markup, not these).
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(value):
    return _INVALID_XML.sub("\ufffd", str(value))


def format(report, stream):
    rule_ids = list(report.rules)
    by_file = {}
    for path in report.files:
        by_file.setdefault(path, {})
    for f in report.findings:
        by_file.setdefault(f.path, {}).setdefault(f.rule, []).append(f)
        if f.rule not in report.rules and f.rule not in rule_ids:
            rule_ids.append(f.rule)
    failing = LEVEL_RANK[report.fail_level]

    root = ET.Element("testsuites", name="factlint")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for path, rules in by_file.items():
        suite = ET.SubElement(root, "testsuite", name=_clean(path))
        counts = {"tests": 0, "failures": 0, "errors": 0}
        for rule_id in rule_ids:
            case = ET.SubElement(suite, "testcase", name=rule_id, classname=_clean(path))
            counts["tests"] += 1
            found = rules.get(rule_id, [])
            failures = [f for f in found if LEVEL_RANK[f.severity] >= failing]
            if failures:
                counts["failures"] += 1
                first = failures[0]
                where = f"line {first.line}, column {first.column}"
                if first.record is not None:
                    where = f"record {first.record}, {where}"
                message = f"{where}: {first.message}"
                if len(failures) > 1:
                    message = f"{len(failures)} findings; first at {message}"
                worst = max((f.severity for f in failures), key=LEVEL_RANK.__getitem__)
                failure = ET.SubElement(case, "failure", message=_clean(message), type=worst)
                failure.text = _clean("\n".join(text.line(f) for f in failures))
            below = [f for f in found if LEVEL_RANK[f.severity] < failing]
            if below:
                ET.SubElement(case, "system-out").text = _clean("\n".join(text.line(f) for f in below))
        _set_counts(suite, counts)
        for key in totals:
            totals[key] += counts[key]
    if report.errors:  # unreadable files, bad paths: errors, not failures
        suite = ET.SubElement(root, "testsuite", name="factlint")
        for i, err in enumerate(report.errors, 1):
            case = ET.SubElement(suite, "testcase", name=f"input error {i}", classname="factlint")
            ET.SubElement(case, "error", message=_clean(err), type=type(err).__name__)
        counts = {"tests": len(report.errors), "failures": 0, "errors": len(report.errors)}
        _set_counts(suite, counts)
        for key in totals:
            totals[key] += counts[key]
    _set_counts(root, totals)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")


def _set_counts(element, counts):
    for key, value in counts.items():
        element.set(key, str(value))
    if element.tag == "testsuite":
        element.set("skipped", "0")
