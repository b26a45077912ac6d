"""Configuration discovery and its effects; Markdown suppression comments."""

import json

FAULTY = "Both Armenians and Asherites took part.\n\nHundreds have been killed in the fighting.\n"


def _rules(cli, *args, cwd):
    code, out, err = cli("check", "--format", "json", *args, cwd=cwd)
    assert code in (0, 1), err
    return sorted({f["rule"] for f in json.loads(out)})


def test_yaml_config_found_upward_with_own_pack(cli, tmp_path):
    (tmp_path / ".factlint.yaml").write_text(
        "packs: [house]\nignore: [attribution]\nlevels: {house.NoFirmName: suggestion}\n", encoding="utf-8"
    )
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "NoFirmName.yml").write_text(
        'extends: substitution\nmessage: "Use %s, not %s."\nlevel: error\nswap: {Acme Corp: Acme}\n', encoding="utf-8"
    )
    sub = tmp_path / "desk" / "today"
    sub.mkdir(parents=True)
    (sub / "a.txt").write_text(FAULTY + "Acme Corp said it was fine.\n", encoding="utf-8")
    code, out, _ = cli("check", "--format", "json", "a.txt", cwd=sub)
    found = {f["rule"]: f for f in json.loads(out)}
    assert sorted(found) == ["Names.Transcriptions", "house.NoFirmName"]
    assert found["house.NoFirmName"]["severity"] == "suggestion"


def test_pyproject_config_and_per_file_ignores(cli, tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.factlint]\nselect = ["Names", "attribution"]\n[tool.factlint.per-file-ignores]\n"legacy/*" = ["Names"]\n',
        encoding="utf-8",
    )
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "old.txt").write_text(FAULTY, encoding="utf-8")
    (tmp_path / "new.txt").write_text(FAULTY, encoding="utf-8")
    assert _rules(cli, "new.txt", cwd=tmp_path) == ["Attribution.Unattributed", "Names.Transcriptions"]
    assert _rules(cli, "legacy/old.txt", cwd=tmp_path) == ["Attribution.Unattributed"]


def test_explicit_config_option(cli, tmp_path):
    cfg = tmp_path / "conf.yml"
    cfg.write_text("select: [date]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(FAULTY, encoding="utf-8")
    assert _rules(cli, "--config", str(cfg), "a.txt", cwd=tmp_path) == []


def test_markdown_suppressions(cli, tmp_path):
    md = tmp_path / "a.md"
    md.write_text(
        "<!-- factlint-disable-next-line Names -->\n"
        "Both Armenians and Asherites took part.\n\n"
        "<!-- factlint-disable attribution -->\n"
        "Hundreds have been killed in the fighting.\n\n"
        "Dozens have been wounded in the fighting.\n"
        "<!-- factlint-enable -->\n\n"
        "Thousands have fled the fighting.\n\n"
        "The Asherites left.\n",
        encoding="utf-8",
    )
    code, out, _ = cli("check", "--format", "json", str(md))
    got = [(f["line"], f["rule"]) for f in json.loads(out)]
    assert got == [(10, "Attribution.Unattributed"), (12, "Names.Transcriptions")]
