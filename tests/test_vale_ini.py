"""Finding and reading .vale.ini: names, StylesPath, MinAlertLevel, sections, rule settings."""

import pytest

from factlint.errors import UserError
from factlint.vale.ini import find_vale_config, glob_to_regex, read_vale_config


@pytest.mark.parametrize("name", [".vale.ini", "_vale.ini", "vale.ini", ".vale", "_vale"])
def test_found_upward_under_every_name(tmp_path, name, monkeypatch):
    monkeypatch.delenv("VALE_CONFIG_PATH", raising=False)
    (tmp_path / name).write_text("StylesPath = s\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_vale_config(deep) == tmp_path / name


def test_first_name_wins_and_env_overrides(tmp_path, monkeypatch):
    monkeypatch.delenv("VALE_CONFIG_PATH", raising=False)
    (tmp_path / "vale.ini").write_text("")
    (tmp_path / ".vale.ini").write_text("")
    assert find_vale_config(tmp_path).name == ".vale.ini"
    monkeypatch.setenv("VALE_CONFIG_PATH", str(tmp_path / "vale.ini"))
    assert find_vale_config(tmp_path).name == "vale.ini"


def test_nothing_found(tmp_path, monkeypatch):
    monkeypatch.delenv("VALE_CONFIG_PATH", raising=False)
    assert find_vale_config(tmp_path) is None


def test_reading(tmp_path):
    ini = tmp_path / ".vale.ini"
    ini.write_text(
        "StylesPath = .github/styles\nMinAlertLevel = warning\nVocab = Base\nIgnoredScopes = code, tt\nWordTemplate = x\n\n"
        "[*]\nBasedOnStyles = Vale, Microsoft\nMicrosoft.Passive = NO\n\n"
        "[*.{md,txt}]\nBasedOnStyles = Google\nGoogle.Will = error\nVocab = Extra\n"
    )
    cfg = read_vale_config(ini)
    assert cfg.styles_path == (tmp_path / ".github" / "styles").resolve()
    assert cfg.min_level == "warning"
    assert cfg.vocab == ["Base"]
    assert any("WordTemplate" in n for n in cfg.notes)  # one line, not an error
    assert cfg.ignored_scopes == ("code", "tt") and cfg.skipped_scopes is None
    styles, rules, vocab = cfg.settings_for(str(tmp_path / "a.md"), tmp_path)
    assert styles == ["Google"] and rules == {"Microsoft.Passive": "NO", "Google.Will": "error"}
    assert vocab == ["Base", "Extra"]
    styles, rules, _ = cfg.settings_for(str(tmp_path / "a.rst"), tmp_path)
    assert styles == ["Vale", "Microsoft"] and rules == {"Microsoft.Passive": "NO"}


def test_globs():
    assert glob_to_regex("*.{md,txt}").match("docs/a.md")
    assert glob_to_regex("*.{md,txt}").match("a.txt")
    assert not glob_to_regex("*.md").match("a.mdx")
    assert glob_to_regex("docs/*.md").match("docs/x/y.md")  # `*` crosses folders, as in Vale


def test_bad_values(tmp_path):
    ini = tmp_path / ".vale.ini"
    ini.write_text("MinAlertLevel = loud\n")
    with pytest.raises(UserError):
        read_vale_config(ini)
    ini.write_text("[*]\nA.B = maybe\n")
    with pytest.raises(UserError):
        read_vale_config(ini)


def test_style_level_settings(tmp_path):
    from vale_helpers import lint, rule

    rules = {"Test.A": rule("existence", "A %s", tokens=["foo"]), "Test.B": rule("existence", "B %s", tokens=["bar"])}
    (tmp_path / "x").mkdir()
    out = lint(tmp_path / "x", rules, "foo bar\n")
    assert len(out) == 2
    ini = tmp_path / "x" / ".vale.ini"
    ini.write_text(ini.read_text() + "Test = NO\nTest.B = YES\n")
    from factlint.vale.ini import read_vale_config

    _styles, settings, _v = read_vale_config(ini).settings_for(str(tmp_path / "x" / "a.md"), tmp_path / "x")
    assert settings == {"Test": "NO", "Test.B": "YES"}


def test_global_section_is_the_fallback_wherever_written(tmp_path):
    ini = tmp_path / ".vale.ini"
    ini.write_text(
        "[*.md]\nBasedOnStyles = Google\nGoogle.Will = NO\n\n[*]\nBasedOnStyles = Vale\nGoogle.Will = error\n"
    )
    styles, rules, _ = read_vale_config(ini).settings_for(str(tmp_path / "a.md"), tmp_path)
    assert styles == ["Google"] and rules == {"Google.Will": "NO"}
    styles, rules, _ = read_vale_config(ini).settings_for(str(tmp_path / "a.txt"), tmp_path)
    assert styles == ["Vale"] and rules == {"Google.Will": "error"}
