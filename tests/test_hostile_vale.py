"""Issue 12, "What to build" 2, for Vale styles (factlint runs the styles of a folder's .vale.ini,
which come from anywhere): a catastrophic pattern, a billion-laughs rule file, wrong types in
Vale's keys, a style folder that is a file or missing, an unreadable .vale.ini. Each ends in
bounded time with one clear `file:line` line and no traceback; the other rules still run."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

BILLION_LAUGHS = "".join(
    f"{c}: &{c} [{', '.join(['*' + p] * 9) if p else ', '.join(['lol'] * 9)}]\n"
    for p, c in zip(["", *"abcdefgh"], "abcdefghi")
)
AVOID = "extends: existence\nmessage: \"Don't use '%s'.\"\nlevel: warning\ntokens: [abort]\n"


@pytest.fixture(autouse=True)
def _no_env_config(monkeypatch):
    monkeypatch.delenv("VALE_CONFIG_PATH", raising=False)


def _project(tmp_path: Path, rule: str | None, text: str = "We abort it.\n", styles: str = "House") -> Path:
    house = tmp_path / "styles" / "House"
    house.mkdir(parents=True)
    (house / "Avoid.yml").write_text(AVOID, encoding="utf-8")
    if rule is not None:
        (house / "Rule.yml").write_text(rule, encoding="utf-8")
    (tmp_path / ".vale.ini").write_text(f"StylesPath = styles\n\n[*]\nBasedOnStyles = {styles}\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    return tmp_path


def _check(cli, project: Path, *names: str) -> tuple[int, str, list[str], float]:
    started = time.process_time()
    code, out, err = cli("check", "--format", "vale-line", *(names or ("a.md",)), cwd=project)
    elapsed = time.process_time() - started
    assert "Traceback" not in err and "internal error" not in err, err
    return code, out, err.splitlines(), elapsed


@pytest.mark.parametrize("where", ["tokens", "raw"])
def test_catastrophic_pattern_is_refused_at_load(cli, tmp_path, where):
    """`(a+)+$` on 100,000 `a`s then a `!` (the match fails only after trying every split): as a
    token it is refused as it was; as a `raw` piece before the `(?m)` word template it escaped the
    shape check and ran into the 2 s budget on every document; now refused at load too."""
    rule = f"extends: existence\nmessage: \"Bad '%s'\"\nlevel: error\n{where}:\n  - '(a+)+$'\n"
    project = _project(tmp_path, rule, text="We abort it.\n\n" + "a" * 100_000 + "!\n")
    code, out, err, elapsed = _check(cli, project)
    assert elapsed < 2  # refused at load: no search ran into its time budget
    assert err == [
        "factlint: styles/House/Rule.yml:4: cannot compile rule House.Rule: nested repetition in "
        + ("'(?m)\\\\b(?:(a+)+$)\\\\b'" if where == "tokens" else "'(a+)+$(?m:(?:))'")
        + " (as in '(a+)+') can take exponential time on some text; skipped"
    ]
    assert out == "a.md:1:4:House.Avoid:Don't use 'abort'.\n" and code == 0  # the other rule ran


def test_a_pattern_the_shape_check_misses_runs_out_of_time(cli, tmp_path, monkeypatch):
    import factlint.text.regexguard as guard

    monkeypatch.setattr(guard, "TIMEOUT", 0.2)
    rule = "extends: existence\nmessage: x\nlevel: error\nnonword: true\ntokens:\n  - '(?:(?P<x>a+)(?P=x))+b'\n"
    project = _project(tmp_path, rule, text="We abort it.\n\n" + "a" * 60 + "\n")
    code, out, err, elapsed = _check(cli, project)
    assert elapsed < 10
    assert err == [
        "factlint: styles/House/Rule.yml: rule House.Rule failed on a.md: TimeoutError('regex timed out'); "
        "its findings are skipped"
    ]
    assert out == "a.md:1:4:House.Avoid:Don't use 'abort'.\n" and code == 0


def test_billion_laughs_rule_file_is_refused_quickly(cli, tmp_path):
    project = _project(tmp_path, "extends: existence\nmessage: x\n" + BILLION_LAUGHS + "tokens: *i\n")
    code, out, err, elapsed = _check(cli, project)
    assert elapsed < 5
    assert err == [
        f"factlint: {project / 'styles/House/Rule.yml'}: its aliases expand to more than 1,000,000 values "
        "(an alias bomb?); refused; rule House.Rule skipped"
    ]
    assert out == "a.md:1:4:House.Avoid:Don't use 'abort'.\n" and code == 0


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("extends: existence\nmessage: x\ntokens: 5\n", 3, "key 'tokens' must be list, not int"),
        ("extends: existence\nmessage: x\ntokens: {a: b}\n", 3, "key 'tokens' must be list, not dict"),
        ("extends: substitution\nmessage: x\nswap: [a]\n", 3, "key 'swap' must be dict, not list"),  # was internal
        ("extends: consistency\nmessage: x\neither: [a]\n", 3, "key 'either' must be dict, not list"),  # was internal
        ("extends: existence\nmessage: [1]\ntokens: [x]\n", 2, "key 'message' must be str, not list"),
        ("extends: existence\nmessage: x\nscope: 5\ntokens: [x]\n", 3, "key 'scope' must be str or list, not int"),
        ("extends: existence\nmessage: x\nignorecase: 'yes'\ntokens: [x]\n", 3, "key 'ignorecase' must be bool"),
        ("extends: existence\nmessage: x\nlimit: many\ntokens: [x]\n", 3, "key 'limit' must be int, not str"),
        ("extends: occurrence\nmessage: x\ntoken: a\nmax: 'x'\n", 4, "key 'max' must be int, not str"),
        ("extends: repetition\nmessage: x\ntokens: [a]\nmax: [1]\n", 4, "key 'max' must be int, not list"),
        ("extends: conditional\nmessage: x\nfirst: 5\nsecond: a\n", 3, "key 'first' must be str, not int"),
        ("extends: capitalization\nmessage: x\nmatch: $title\nthreshold: no\n", 4, "key 'threshold' must be float"),
        ("extends: existence\nmessage: x\naction: 5\ntokens: [x]\n", 3, "key 'action' must be dict, not int"),
    ],
)
def test_wrong_types_in_vale_keys(cli, tmp_path, body, line, message):
    code, out, err, _elapsed = _check(cli, _project(tmp_path, body))
    assert err == [f"factlint: styles/House/Rule.yml:{line}: {message}" + err[0].split(message, 1)[1]]
    assert err[0].endswith("; rule House.Rule skipped")
    assert out == "a.md:1:4:House.Avoid:Don't use 'abort'.\n" and code == 0


def test_a_whole_number_threshold_is_a_float(cli, tmp_path):
    body = "extends: capitalization\nmessage: x\nlevel: error\nscope: heading\nmatch: $title\nthreshold: 1\n"
    code, out, err, _elapsed = _check(cli, _project(tmp_path, body, text="# a title in lower case\n"))
    assert err == [] and out == "a.md:1:3:House.Rule:x\n" and code == 1


@pytest.mark.parametrize("case", ["style is a file", "style missing", "StylesPath missing", "rule is a folder"])
def test_style_folder_that_is_a_file_or_missing(cli, tmp_path, case):
    project = _project(tmp_path, None)
    if case == "style is a file":
        (project / ".vale.ini").write_text("StylesPath = styles\n[*]\nBasedOnStyles = House, Extra\n")
        (project / "styles" / "Extra").write_text("not a folder\n")
        expected = f"{project / '.vale.ini'}:3: style 'Extra' is a file, not a style folder, in StylesPath"
    elif case == "style missing":
        (project / ".vale.ini").write_text("StylesPath = styles\n[*]\nBasedOnStyles = House, Extra\n")
        expected = f"{project / '.vale.ini'}:3: style 'Extra' not found in StylesPath"
    elif case == "StylesPath missing":
        (project / ".vale.ini").write_text("StylesPath = nowhere\n[*.md]\nBasedOnStyles = House\n")
        expected = f"{project / '.vale.ini'}:3: style 'House' not found in StylesPath {project / 'nowhere'}"
    else:
        (project / "styles" / "House" / "Dir.yml").mkdir()
        expected = f"{project / 'styles/House/Dir.yml'}: is a folder, not a YAML file; rule House.Dir skipped"
    code, out, err, elapsed = _check(cli, project)
    assert elapsed < 5
    assert len(err) == 1 and err[0].startswith(f"factlint: {expected}"), err
    if case in ("style is a file", "rule is a folder"):
        assert out == "a.md:1:4:House.Avoid:Don't use 'abort'.\n"
    assert code == 0


def test_unreadable_vale_ini_is_one_line(cli, tmp_path):
    project = _project(tmp_path, None)
    (project / ".vale.ini").write_bytes(b"\xff\xfeStylesPath = styles\n")  # was an internal UnicodeDecodeError
    code, out, err, _elapsed = _check(cli, project)
    assert code == 2 and out == ""
    assert err == [
        f"factlint: {project / '.vale.ini'}: cannot read the Vale configuration: 'utf-8' codec can't decode "
        "byte 0xff in position 0: invalid start byte"
    ]
