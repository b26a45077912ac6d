"""Bad input: one clear line naming the file, the right exit code, no traceback, and the other
files still linted."""

import json
import textwrap

from conftest import SEED

FAULTY = "Both Armenians and Asherites have suffered.\n"


def _check(cli, *paths):
    code, out, err = cli("check", "--format", "json", *map(str, paths))
    assert "Traceback" not in err and "Traceback" not in out
    return code, json.loads(out), err


def test_binary_file(cli, tmp_path):
    (tmp_path / "pic.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    good = tmp_path / "good.txt"
    good.write_text(FAULTY, encoding="utf-8")
    code, findings, err = _check(cli, tmp_path / "pic.txt", good)
    assert code == 2
    assert err.strip() == f"factlint: {tmp_path / 'pic.txt'}: binary file (contains NUL bytes), skipped"
    assert [f["match"] for f in findings] == ["Asherites"]


def test_invalid_utf8(cli, tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\u00e9 society.\nThe second line is fine.\n".encode("latin-1"))
    code, findings, err = _check(cli, bad, SEED)
    assert code == 2 and err.count("\n") == 1
    assert f"{bad}:1: not valid UTF-8 (byte 0xe9 at offset 3), skipped" in err
    assert findings  # the seed was still linted


def test_empty_file_is_a_notice_not_an_error(cli, tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    code, findings, err = _check(cli, empty)
    assert code == 0 and findings == []
    assert err.strip() == f"factlint: {empty}: empty file, nothing to lint"


def test_directory_without_text_files(cli, tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "x.csv").write_text("a,b\n", encoding="utf-8")
    code, findings, err = _check(cli, tmp_path / "data", SEED)
    assert code == 2 and findings
    assert err.strip() == f"factlint: {tmp_path / 'data'}: no files to lint (.md .markdown .txt) in this directory"


def test_missing_path(cli, tmp_path):
    code, findings, err = _check(cli, tmp_path / "nope.md", SEED)
    assert code == 2 and findings and "nope.md: no such file or directory" in err


def _pack(tmp_path, name, body):
    pack = tmp_path / "Newsroom"
    pack.mkdir(exist_ok=True)
    (pack / f"{name}.yml").write_text(textwrap.dedent(body), encoding="utf-8")
    (tmp_path / ".factlint.yaml").write_text("packs: [Newsroom]\n", encoding="utf-8")
    return pack / f"{name}.yml"


def _rule_error(cli, tmp_path):
    (tmp_path / "a.txt").write_text(FAULTY, encoding="utf-8")
    code, out, err = cli("check", "a.txt", cwd=tmp_path)
    assert code == 2 and out == "" and "Traceback" not in err
    assert err.count("\n") == 1
    return err.strip()


def test_malformed_yaml_rule(cli, tmp_path):
    path = _pack(
        tmp_path,
        "Broken",
        """\
        extends: existence
        message: "Avoid %s"
        tokens: [a, b
        level: error
        """,
    )
    err = _rule_error(cli, tmp_path)
    assert err.startswith(f"factlint: {path}:4: invalid YAML")


def test_broken_regex(cli, tmp_path):
    path = _pack(
        tmp_path,
        "Regex",
        """\
        extends: existence
        message: "Avoid %s"
        level: error
        tokens:
          - 'fine'
          - 'bro(ken'
        """,
    )
    err = _rule_error(cli, tmp_path)
    assert err.startswith(f"factlint: {path}:4: bad regular expression")


def test_unknown_extends(cli, tmp_path):
    path = _pack(
        tmp_path,
        "Odd",
        """\
        message: "Avoid %s"
        extends: spellcheck
        tokens: [a]
        """,
    )
    err = _rule_error(cli, tmp_path)
    assert err.startswith(f"factlint: {path}:2: unknown extends 'spellcheck'")


def test_unknown_and_missing_keys(cli, tmp_path):
    path = _pack(
        tmp_path,
        "Keys",
        """\
        extends: existence
        message: "Avoid %s"
        tokenz: [a]
        """,
    )
    assert _rule_error(cli, tmp_path) == f"factlint: {path}:3: unknown key 'tokenz' for extends: existence"
    path.write_text('extends: substitution\nmessage: "x"\n', encoding="utf-8")
    assert _rule_error(cli, tmp_path) == f"factlint: {path}:1: missing required key 'swap'"


def test_a_matching_key_the_kind_ignores_is_a_load_error(cli, tmp_path):
    path = _pack(
        tmp_path,
        "Scoped",
        """\
        extends: duplicate-paragraph
        message: "Paragraph repeated from line %s"
        ignorecase: true
        """,
    )
    assert _rule_error(cli, tmp_path) == (
        f"factlint: {path}:3: key 'ignorecase' has no effect on extends: duplicate-paragraph (the kind does not apply it)"
    )
    path.write_text('extends: existence\nmessage: "x"\ntokens: [a]\nscope: raw\nnonword: true\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("b\n", encoding="utf-8")
    code, _out, err = cli("check", "a.txt", cwd=tmp_path)
    assert code == 0, err  # existence honours scope and nonword


def test_example_with_an_unknown_key_is_a_load_error(cli, tmp_path):
    path = _pack(
        tmp_path,
        "Examples",
        """\
        extends: existence
        message: "Avoid %s"
        tokens: [a]
        examples:
          fail:
            - {text: a, fix: b}
        """,
    )
    assert _rule_error(cli, tmp_path).startswith(f"factlint: {path}:4: examples: unknown key(s) fix")


def test_unquoted_yaml_boolean_in_word_list(cli, tmp_path):
    _pack(
        tmp_path,
        "Bools",
        """\
        extends: existence
        message: "Avoid %s"
        tokens: [yes, maybe]
        """,
    )
    assert "entry True is not a string (quote it in YAML)" in _rule_error(cli, tmp_path)


def test_bad_config(cli, tmp_path):
    (tmp_path / ".factlint.yaml").write_text("selectt: [Names]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(FAULTY, encoding="utf-8")
    code, out, err = cli("check", "a.txt", cwd=tmp_path)
    assert (
        code == 2 and err.strip() == f"factlint: {tmp_path / '.factlint.yaml'}: unknown configuration key(s): selectt"
    )
