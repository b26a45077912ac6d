"""The CI output formats (json-lines, SARIF, GitHub annotations, JUnit) and the HTML highlighter,
run through the real CLI on the seed article."""

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SHARED

from factlint.cli import main
from factlint.findings import Finding
from factlint.formatters import Report, github, html, sarif

REPO = Path(__file__).resolve().parents[1]
SEED = "seeds/000_07ded2b3cf7a995f.txt"
SARIF_SCHEMA = SHARED / "schemas/sarif-schema-2.1.0.json"
SARIF_LEVEL = {"error": "error", "warning": "warning", "suggestion": "note"}


def cli(*args, cwd=REPO, input=None):
    """`factlint ARGS` in-process, from `cwd`; returns (exit code, stdout)."""
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def seed_findings():
    code, out = cli("check", "--format", "json", SEED)
    assert code == 1
    findings = json.loads(out)
    # The seed has findings of every level and an overlap (residue block containing the
    # truncated last sentence); the tests below rely on both.
    assert {f["severity"] for f in findings} == {"error", "warning", "suggestion"}
    return findings


@pytest.fixture(scope="module")
def sarif_validator():
    if not SARIF_SCHEMA.is_file():
        pytest.fail(f"SARIF schema not found at {SARIF_SCHEMA} (expected the shared/ folder beside the repository)")
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema)


def assert_github_sarif(log, validator):
    """Valid SARIF 2.1.0 plus what GitHub code scanning requires beyond the schema."""
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    assert log["version"] == "2.1.0" and log["$schema"]
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "factlint" and driver["version"]
    for rule in driver["rules"]:
        assert rule["id"]
        for key in ("shortDescription", "fullDescription", "help"):
            assert rule[key]["text"].strip(), (rule["id"], key)
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
        assert rule["properties"]["tags"]
    for result in run["results"]:
        assert len(result["locations"]) == 1
        physical = result["locations"][0]["physicalLocation"]
        uri = physical["artifactLocation"]["uri"]
        assert uri and not uri.startswith("/") and "\\" not in uri and "://" not in uri
        assert physical["region"]["startLine"] >= 1
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert "partialFingerprints" not in result
    return run


# -- json-lines --------------------------------------------------------------------------------
def test_json_lines_one_object_per_finding(seed_findings):
    code, out = cli("check", "--format", "json-lines", SEED)
    assert code == 1
    lines = out.splitlines()
    assert [json.loads(line) for line in lines] == seed_findings
    assert len(lines) == len(seed_findings)


# -- SARIF -------------------------------------------------------------------------------------
def test_sarif_valid_and_complete(seed_findings, sarif_validator):
    code, out = cli("check", "--format", "sarif", SEED)
    assert code == 1
    run = assert_github_sarif(json.loads(out), sarif_validator)
    results = run["results"]
    assert len(results) == len(seed_findings)
    for result, f in zip(results, seed_findings):
        assert result["ruleId"] == f["rule"]
        assert result["level"] == SARIF_LEVEL[f["severity"]]
        assert result["message"]["text"] == f["message"]
        artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert artifact == {"uri": SEED, "uriBaseId": "%SRCROOT%"}
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region == {
            "startLine": f["line"],
            "startColumn": f["column"],
            "endLine": f["end_line"],
            "endColumn": f["end_column"],
        }
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    date_rule = rules["History.EventDates"]
    assert date_rule["properties"]["tags"] == ["date"]
    assert date_rule["defaultConfiguration"]["level"] == "error"


def test_sarif_uri_relative_to_git_top_level_from_a_subfolder(sarif_validator):
    if not (REPO / ".git").exists():
        pytest.fail(f"{REPO} is not a git checkout; this test checks paths relative to the git top level")
    code, out = cli("check", "--format", "sarif", Path(SEED).name, cwd=REPO / "seeds")
    assert code == 1
    run = assert_github_sarif(json.loads(out), sarif_validator)
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]} == {SEED}


def test_sarif_stdin_and_outside_git(tmp_path, sarif_validator):
    text = (REPO / SEED).read_text(encoding="utf-8")
    code, out = cli("check", "--format", "sarif", "-", input=text)
    assert code == 1
    run = assert_github_sarif(json.loads(out), sarif_validator)
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]} == {"stdin"}

    # Outside any git repository paths are relative to the working directory; spaces are encoded.
    if any((d / ".git").exists() for d in (tmp_path, *tmp_path.parents)):
        pytest.fail(f"{tmp_path} is inside a git repository; this test needs a folder outside one")
    (tmp_path / "sub dir").mkdir()
    (tmp_path / "sub dir" / "a.md").write_text(text, encoding="utf-8")
    code, out = cli("check", "--format", "sarif", "sub dir/a.md", cwd=tmp_path)
    run = assert_github_sarif(json.loads(out), sarif_validator)
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]} == {
        "sub%20dir/a.md"
    }


def test_sarif_caps_results_per_run(tmp_path, monkeypatch, sarif_validator):
    monkeypatch.chdir(tmp_path)
    many = [synthetic("a.md", line=i + 1) for i in range(sarif.MAX_RESULTS + 3)]
    log = sarif.sarif_log(Report(many, ["a.md"], {}, root=str(tmp_path)))
    run = log["runs"][0]
    assert len(run["results"]) == sarif.MAX_RESULTS == 25_000
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert any("25003 findings" in n["message"]["text"] for n in notes)
    # A rule missing from the rule set still gets a descriptor, so ruleIndex stays valid.
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["Quality.Odd"]


def test_sarif_from_the_installed_script(seed_findings, sarif_validator):
    script = Path(sys.executable).with_name("factlint")
    if not script.is_file():
        pytest.fail(f"the factlint script is not installed next to {sys.executable} (pip install -e .)")
    proc = subprocess.run(
        [str(script), "check", "--format", "sarif", SEED], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 1, proc.stderr
    run = assert_github_sarif(json.loads(proc.stdout), sarif_validator)
    assert [r["ruleId"] for r in run["results"]] == [f["rule"] for f in seed_findings]


# -- GitHub annotations ------------------------------------------------------------------------
def synthetic(path, line=2, message="odd", severity="warning"):
    return Finding(
        path=path,
        start=10,
        end=14,
        line=line,
        column=3,
        end_line=line,
        end_column=7,
        rule="Quality.Odd",
        category="quality",
        severity=severity,
        message=message,
        match="word",
    )


def test_github_escaping(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    f = synthetic("odd:dir,x/file.md", message="100% sure: a, b\nsecond line\r")
    assert github.command(f, Report([f], [f.path], {}, root=str(tmp_path))) == (
        "::warning file=odd%3Adir%2Cx/file.md,line=2,col=3,endLine=2,endColumn=7,title=Quality.Odd"
        "::100%25 sure: a, b%0Asecond line%0D"
    )


def test_github_commands_then_full_text_report(seed_findings):
    code, out = cli("check", "--format", "github", SEED)
    assert code == 1
    lines = out.splitlines()
    # The text report is wrapped in ::stop-commands::TOKEN ... ::TOKEN:: (issue 12: nothing in
    # it, such as a file name, can be read as a command).
    token = lines[len(seed_findings)].removeprefix("::stop-commands::")
    assert len(token) == 32 and lines[-1] == f"::{token}::"
    lines = lines[: len(seed_findings)] + lines[len(seed_findings) + 1 : -1]
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == len(seed_findings)
    assert lines[: len(commands)] == commands  # commands first, then the text report
    kinds = {"error": "::error ", "warning": "::warning ", "suggestion": "::notice "}
    for command, f in zip(commands, seed_findings):
        assert command.startswith(kinds[f["severity"]] + f"file={SEED},line={f['line']},")
        assert f"title={f['rule']}::" in command
        # GitHub takes columns only for a range on one line.
        assert ("col=" in command) == (f["line"] == f["end_line"])
    _code, text_out = cli("check", SEED)
    assert lines[len(commands) :] == text_out.splitlines()


# -- JUnit -------------------------------------------------------------------------------------
def test_junit_a_testcase_per_file_and_a_failure_per_finding(seed_findings, tmp_path):
    clean = tmp_path / "clean.md"
    clean.write_text("The council met on Tuesday to discuss the budget, the mayor said.\n", encoding="utf-8")
    code, out = cli("check", "--format", "junit", SEED, str(clean))
    assert code == 1
    root = ET.fromstring(out.encode("utf-8"))
    (suite,) = root.findall("testsuite")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert list(cases) == sorted([SEED, str(clean)])
    assert suite.get("tests") == root.get("tests") == "2"
    assert suite.get("failures") == root.get("failures") == "1"
    seed = cases[SEED]
    assert seed.get("classname") == "factlint" and seed.get("file") == SEED
    failing = [f for f in seed_findings if f["severity"] != "suggestion"]  # default fail level: warning
    assert seed.get("line") == str(failing[0]["line"])
    failures = seed.findall("failure")
    assert len(failures) == len(failing)
    for failure, f in zip(failures, failing):
        assert failure.get("type") == f["severity"]
        assert failure.get("message") == f"{f['rule']} at {f['line']}:{f['column']}: {f['message']}"
        assert failure.text.startswith(f"{SEED}:{f['line']}:{f['column']}: {f['severity']} {f['rule']} ")
    # A suggestion does not fail the testcase but is still reported.
    vague = [f for f in seed_findings if f["severity"] == "suggestion"]
    assert vague and all(f["message"] in seed.find("system-out").text for f in vague)
    passing = cases[str(clean)]
    assert passing.get("file") == str(clean) and passing.get("line") is None
    assert list(passing) == []  # no failure, error or output


def test_junit_corpus_records_and_errors():
    from io import StringIO

    from factlint.formatters import junit

    a = synthetic("c.jsonl", severity="warning")
    a.record = "r7"
    stream = StringIO()
    junit.format(Report([a], ["c.jsonl", "ok.md"], {}, errors=["missing.md: no such file"]), stream)
    suite = ET.fromstring(stream.getvalue().encode("utf-8")).find("testsuite")
    names = [c.get("name") for c in suite.findall("testcase")]
    assert names == ["c.jsonl#r7", "ok.md", "input error 1"]
    assert suite.find("testcase[@name='input error 1']/error").get("message") == "missing.md: no such file"
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "1", "1")


def test_junit_escapes_markup_and_control_characters(tmp_path):
    from io import StringIO

    from factlint.formatters import junit

    f = synthetic("a<b>&.md", message='say "<b>" & \x0c stop', severity="error")
    stream = StringIO()
    junit.format(Report([f], [f.path], {}), stream)
    root = ET.fromstring(stream.getvalue().encode("utf-8"))
    failure = root.find("testsuite/testcase/failure")
    assert root.find("testsuite/testcase").get("name") == "a<b>&.md"
    assert failure.get("message") == 'Quality.Odd at 2:3: say "<b>" & \ufffd stop'


# -- HTML highlighting ---------------------------------------------------------------------------
class _Marks(HTMLParser):
    """The text of each finding (`data-f`) across all its pieces, and whether tags balance."""

    def __init__(self):
        super().__init__()
        self.open, self.text, self.plain = [], {}, []

    def handle_starttag(self, tag, attrs):
        if tag == "mark":
            self.open.append(dict(attrs)["data-f"])

    def handle_endtag(self, tag):
        if tag == "mark":
            self.open.pop()

    def handle_data(self, data):
        self.plain.append(data)
        for ref in set(self.open):
            self.text[ref] = self.text.get(ref, "") + data


def test_highlight_overlapping_and_empty_spans():
    text = "abcdefghij <&> end"
    spans = [(0, 6), (3, 9), (4, 5), (7, 7), (11, 14)]  # crossing, nested, empty, markup chars
    findings = [
        Finding(
            path="x",
            start=s,
            end=e,
            line=1,
            column=s + 1,
            end_line=1,
            end_column=e + 1,
            rule="R.X",
            category=cat,
            severity="warning",
            message='m "q" <b>',
            match=text[s:e],
        )
        for (s, e), cat in zip(spans, ["date", "attribution", "quality", "weird", "truncation"])
    ]
    out = html.highlight(text, findings, "d1")
    parser = _Marks()
    parser.feed(out)
    parser.close()
    assert parser.open == []  # every <mark> closed, in order
    assert "".join(parser.plain) == text
    for i, (s, e) in enumerate(spans, 1):
        assert parser.text.get(f"d1-{i}", "") == text[s:e]
        assert out.count(f'id="d1-{i}"') == 1
    assert 'class="cat-other sev-warning"' in out  # unknown category
    assert "&lt;&amp;&gt;" in out and 'title="m &quot;q&quot; &lt;b&gt;"' in out
