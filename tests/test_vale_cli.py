"""`factlint check` in a folder with a .vale.ini: Vale's output formats and exit codes."""

import json
import shutil
from pathlib import Path

import pytest

PROJECT = Path(__file__).parent / "data" / "vale" / "project"


@pytest.fixture(autouse=True)
def _no_env_config(monkeypatch):
    monkeypatch.delenv("VALE_CONFIG_PATH", raising=False)


def test_fixture_project_prints_the_expected_lines(cli):
    code, out, err = cli("check", "--format", "vale-line", ".", cwd=PROJECT)
    assert out == (PROJECT / "expected.vale-line").read_text(encoding="utf-8")
    assert code == 1  # error-level alerts
    # each unsupported rule: one line naming its file, and the run went on
    assert err.count("not supported yet") == 3
    assert "House/Readability.yml: extends: metric is not supported yet" in err


def test_vale_json_shape(cli):
    code, out, _ = cli("check", "--format", "vale-json", "README.md", cwd=PROJECT)
    data = json.loads(out)
    assert list(data) == ["README.md"]
    first = data["README.md"][0]
    assert list(first) == ["Action", "Span", "Check", "Description", "Link", "Message", "Severity", "Match", "Line"]
    assert first["Span"] == [3, 16] and first["Line"] == 1 and first["Check"] == "House.Titles"
    assert code == 1
    _, out, _ = cli("check", "--format", "vale-json", "docs/story.md", cwd=PROJECT)
    terms = [a for a in json.loads(out)["docs/story.md"] if a["Check"] == "House.Terms"]
    assert terms[1]["Action"] == {"Name": "replace", "Params": ["sign in to", "log in to"]}
    assert terms[1]["Match"] == "log on to" and terms[1]["Span"] == [27, 35]


def _project(tmp_path, level):
    shutil.copytree(PROJECT / "styles", tmp_path / "styles")
    (tmp_path / ".vale.ini").write_text(f"StylesPath = styles\n[*]\nBasedOnStyles = House\nHouse.Avoid = {level}\n")
    (tmp_path / "a.md").write_text("We abort it.\n")
    return tmp_path


def test_exit_codes_in_vale_mode(cli, tmp_path):
    project = _project(tmp_path, "warning")
    code, out, _ = cli("check", "--format", "vale-line", "a.md", cwd=project)
    assert out == "a.md:1:4:House.Avoid:Don't use 'abort'.\n" and code == 0  # warnings do not fail
    (project / ".vale.ini").write_text("StylesPath = styles\n[*]\nBasedOnStyles = House\nHouse.Avoid = error\n")
    assert cli("check", "--format", "vale-line", "a.md", cwd=project)[0] == 1
    (project / ".vale.ini").write_text("MinAlertLevel = loud\n")
    assert cli("check", "--format", "vale-line", "a.md", cwd=project)[0] == 2


def test_min_alert_level(cli, tmp_path):
    project = _project(tmp_path, "suggestion")
    (project / ".vale.ini").write_text(
        "StylesPath = styles\nMinAlertLevel = warning\n[*]\nBasedOnStyles = House\nHouse.Avoid = suggestion\n"
    )
    assert cli("check", "--format", "vale-line", "a.md", cwd=project)[1] == ""


def test_factlint_packs_join_with_a_factlint_config(cli, tmp_path):
    project = _project(tmp_path, "warning")
    (project / "a.md").write_text("We abort it. The Bahrein minister spoke.\n")
    _, alone, _ = cli("check", "--format", "vale-line", "a.md", cwd=project)
    assert alone.splitlines() == ["a.md:1:4:House.Avoid:Don't use 'abort'."]
    (project / ".factlint.yaml").write_text("min-level: suggestion\n")
    _, both, _ = cli("check", "--format", "vale-line", "a.md", cwd=project)
    assert len(both.splitlines()) > 1 and any(".Avoid" not in line for line in both.splitlines())
    # factlint's own formats: both, with factlint's summary
    _, text, _ = cli("check", "a.md", cwd=project)
    assert "House.Avoid" in text and text.strip().splitlines()[-1].startswith("Found")


def test_nothing_changes_without_a_vale_config(cli, tmp_path):
    (tmp_path / "a.md").write_text("We abort it.\n")
    code, out, err = cli("check", "a.md", cwd=tmp_path)
    assert "House" not in out and "Vale" not in err
    assert out.strip().splitlines()[-1].startswith(("No findings", "Found"))


def test_vale_formats_without_a_vale_config_are_plain_formats(cli, tmp_path):
    from conftest import SEED

    code, out, _ = cli("check", "--format", "vale-line", str(SEED), "--select", "Attribution", cwd=tmp_path)
    assert out and all(line.count(":") >= 4 for line in out.splitlines())
    assert code == 1  # factlint's fail-level (warning): Vale mode needs a Vale configuration


def test_a_failing_rule_is_one_line_and_the_run_goes_on(cli, tmp_path, monkeypatch):
    from factlint.kinds.vale.repetition import Repetition

    def boom(self, block, state):
        raise RuntimeError("boom")

    monkeypatch.setattr(Repetition, "check_block", boom)
    project = _project(tmp_path, "warning")
    (project / ".vale.ini").write_text("StylesPath = styles\n[*]\nBasedOnStyles = Vale, House\nHouse.Avoid = warning\n")
    code, out, err = cli("check", "--format", "vale-line", "a.md", cwd=project)
    assert "House.Avoid" in out and "rule House.Repeat failed" in err and code == 0


def test_select_and_ignore_name_vale_rules(cli):
    _, out, _ = cli("check", "--format", "vale-line", "--select", "House.Avoid", ".", cwd=PROJECT)
    assert out and all(":House.Avoid:" in line for line in out.splitlines())
    _, out, _ = cli("check", "--format", "vale-line", "--ignore", "House", ".", cwd=PROJECT)
    assert out and not any(":House." in line for line in out.splitlines())


def test_cr_and_crlf_line_ends(cli, tmp_path):
    project = _project(tmp_path, "warning")
    (project / "cr.md").write_bytes(b"a\rWe abort it.\r")
    (project / "crlf.md").write_bytes(b"a\r\n\r\nWe abort it.\r\n")
    _, out, _ = cli("check", "--format", "vale-line", "cr.md", "crlf.md", cwd=project)
    assert out.splitlines() == [
        "cr.md:2:4:House.Avoid:Don't use 'abort'.",
        "crlf.md:3:4:House.Avoid:Don't use 'abort'.",
    ]
