"""Shared by the tests/test_vale_*.py files: lint a text with Vale rules written inline."""

from pathlib import Path

import yaml

from factlint.plugin.host import shared_host
from factlint.vale.ini import read_vale_config
from factlint.vale.runner import ValeDoc, lint_file
from factlint.vale.styles import ValeStyles

INI = "StylesPath = styles\n{vocab}\n[*]\nBasedOnStyles = {styles}\n"


def make_project(tmp_path: Path, rules: dict, vocab=None, styles="Test", ini_extra="") -> Path:
    """rules: {'Style.Rule': mapping}; vocab: (accepted, rejected) of the vocabulary 'V'."""
    for rule_id, data in rules.items():
        style, name = rule_id.split(".")
        folder = tmp_path / "styles" / style
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.yml").write_text(yaml.safe_dump(data), encoding="utf-8")
    if vocab:
        folder = tmp_path / "styles" / "config" / "vocabularies" / "V"
        folder.mkdir(parents=True)
        (folder / "accept.txt").write_text("\n".join(vocab[0]) + "\n", encoding="utf-8")
        (folder / "reject.txt").write_text("\n".join(vocab[1]) + "\n", encoding="utf-8")
    (tmp_path / "styles").mkdir(exist_ok=True)
    ini = INI.format(vocab="Vocab = V" if vocab else "", styles=styles) + ini_extra
    (tmp_path / ".vale.ini").write_text(ini, encoding="utf-8")
    return tmp_path


def lint(tmp_path: Path, rules: dict, text: str, name="doc.md", vocab=None, styles="Test", notes=None):
    """[(line, column, rule, message)] for `text` as file `name`."""
    project = make_project(tmp_path, rules, vocab, styles)
    cfg = read_vale_config(project / ".vale.ini")
    vale = ValeStyles(cfg, shared_host().rule_kinds(), (notes if notes is not None else []).append)
    path = project / name
    file_rules = vale.rules_for(*cfg.settings_for(str(path), project))
    markup = "markdown" if name.endswith(".md") else "text"
    found = lint_file(ValeDoc(text, name, markup), file_rules, 0)
    found.sort(key=lambda f: (f.line, f.column, f.rule))
    return [(f.line, f.column, f.rule, f.message) for f in found]


def rule(extends: str, message: str = "%s", **keys) -> dict:
    return {"extends": extends, "message": message, **keys}
