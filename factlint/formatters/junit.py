"""JUnit XML, for CI systems that show test results (GitLab, Jenkins, Azure, CircleCI).

One testsuite, "factlint", with a testcase per linted document, sorted by path (a file, or a record of a corpus
file): its name is the path, `file` and `line` (of its first finding) say where to look, and each
finding at the failing level is a `<failure>` of its own (rule, line:column, message), so a CI page
lists every finding, not one per rule. Findings below the failing level go to the testcase's
system-out and do not fail it, so the JUnit verdict matches factlint's exit code. A file without
findings is a passing testcase. Unreadable inputs are testcases with an `<error>`.
"""

import re
import xml.etree.ElementTree as ET

from factlint.findings import LEVEL_RANK
from factlint.formatters import text

# Characters XML 1.0 cannot carry at all (ElementTree escapes markup, not these).
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
CLASSNAME = "factlint"


def _clean(value):
    return _INVALID_XML.sub("\ufffd", str(value))


def _name(path, record):
    return path if record is None else f"{path}#{record}"


def format(report, stream):
    documents = {}  # (path, record) -> findings, in input order; clean files first seen in files
    for path in report.files:
        documents.setdefault((path, None), [])
    for f in report.findings:
        documents.setdefault((f.path, f.record), []).append(f)
    # A file read as corpus records is listed by its records; it is a testcase of its own only
    # if none of them has findings.
    with_records = {path for path, record in documents if record is not None}
    failing = LEVEL_RANK[report.fail_level]

    root = ET.Element("testsuites", name="factlint")
    suite = ET.SubElement(root, "testsuite", name="factlint")
    counts = {"tests": 0, "failures": 0, "errors": 0}
    # By path (the order of a run's output depends on its cache), records in their input order.
    for (path, record), findings in sorted(documents.items(), key=lambda kv: kv[0][0]):
        if record is None and not findings and path in with_records:
            continue
        case = ET.SubElement(
            suite, "testcase", name=_clean(_name(path, record)), classname=CLASSNAME, file=_clean(path)
        )
        counts["tests"] += 1
        failures = [f for f in findings if LEVEL_RANK[f.severity] >= failing]
        if findings:
            case.set("line", str((failures or findings)[0].line))
        for f in failures:
            message = f"{f.rule} at {f.line}:{f.column}: {f.message}"
            failure = ET.SubElement(case, "failure", message=_clean(message), type=f.severity)
            failure.text = _clean(_detail(f))
        if failures:
            counts["failures"] += 1
        below = [f for f in findings if LEVEL_RANK[f.severity] < failing]
        if below:
            ET.SubElement(case, "system-out").text = _clean("\n".join(text.line(f) for f in below))
    for i, err in enumerate(report.errors, 1):  # unreadable files, bad paths: errors, not failures
        case = ET.SubElement(suite, "testcase", name=f"input error {i}", classname=CLASSNAME)
        ET.SubElement(case, "error", message=_clean(err), type=type(err).__name__)
        counts["tests"] += 1
        counts["errors"] += 1
    for element in (root, suite):
        for key, value in counts.items():
            element.set(key, str(value))
    suite.set("skipped", "0")
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")


def _detail(f):
    lines = [text.line(f), f"matched: {f.match!r}"]
    if f.suggestions:
        lines.append("suggestion: " + ", ".join(f.suggestions))
    return "\n".join(lines)
