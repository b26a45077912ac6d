"""Everyday use (issue 11): terminal manners, inputs, corpus output for data teams."""

import io
import json

import pytest
from conftest import SEED

from factlint.errors import BEFORE_WARN, UserError, warn
from factlint.findings import Finding
from factlint.parallel import Progress
from factlint.records import parse_drop_if, row, verdict

ASHERITES = "Both Armenians and Asherites have suffered, the UN said.\n"
ESC = "\x1b["


# --- terminal manners ---------------------------------------------------------------------


def test_color_follows_the_option_then_no_color_then_force_color(cli, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert ESC not in cli("check", str(SEED))[1]  # not a terminal: plain
    assert f"{ESC}1;31merror{ESC}0m" in cli("check", str(SEED), "--color", "always")[1]
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert ESC in cli("check", str(SEED))[1]
    assert ESC not in cli("check", str(SEED), "--color", "never")[1]
    monkeypatch.setenv("NO_COLOR", "1")  # wins over FORCE_COLOR, loses to --color always
    assert ESC not in cli("check", str(SEED))[1]
    assert ESC in cli("check", str(SEED), "--color", "always")[1]


def test_show_source_puts_a_caret_under_the_match(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("The council met.\n\tBoth Armenians and Asherites have suffered.\nThen it rained.\n")
    code, out, _ = cli("check", str(path), "--show-source", "--select", "Names.Transcriptions")
    assert code == 1
    assert out.splitlines()[1:7] == [
        "  |",
        "1 | The council met.",
        "2 |  Both Armenians and Asherites have suffered.",
        "  |" + " " * 21 + "^^^^^^^^^",  # under 'Asherites' (the tab shown as one space)
        "3 | Then it rained.",
        "  |",
    ]


def test_show_source_cuts_a_long_line_around_the_match(cli, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("word " * 100 + ASHERITES.strip() + " more" * 40 + "\n")
    _, out, _ = cli("check", str(path), "--show-source", "--select", "Names.Transcriptions")
    shown, caret = out.splitlines()[2:4]
    assert shown.startswith("1 | …") and shown.endswith("…") and len(shown) == len("1 | ") + 102
    assert shown[caret.index("^") : caret.index("^") + 9] == "Asherites"


def test_quiet_drops_the_summary_and_exit_zero_the_status(cli):
    code, out, _ = cli("check", str(SEED), "--quiet")
    assert code == 1 and len(out.splitlines()) == 8 and "Found" not in out
    code, out, _ = cli("check", str(SEED), "--exit-zero")
    assert code == 0 and "Found 8 findings" in out
    assert cli("check", "no/such/file.md", "--exit-zero")[0] == 2  # errors still count


def test_progress_line_only_on_a_terminal_and_cleared_before_a_warning(monkeypatch, capsys):
    monkeypatch.delenv("CI", raising=False)

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    tty = Terminal()
    progress = Progress(100, stream=tty, delay=0, interval=0)
    progress.update(1, 50)
    assert tty.getvalue() == "\r\x1b[Kfactlint: 1 documents, 0.0 MB, 50%" + tty.getvalue().split("50%")[1]
    warn("a warning")
    assert tty.getvalue().endswith("\r\x1b[K")  # erased before the warning went to stderr
    assert "factlint: a warning" in capsys.readouterr().err
    progress.close()
    assert progress.clear not in BEFORE_WARN
    piped = Progress(100, stream=io.StringIO(), delay=0, interval=0)
    piped.update(1, 50)
    assert piped.stream.getvalue() == "" and piped.clear not in BEFORE_WARN


def test_statistics_merged_into_json_or_on_stderr(cli):
    code, out, _ = cli("check", str(SEED), "--format", "json", "--statistics")
    data = json.loads(out)
    assert len(data["findings"]) == 8 and data["statistics"]["documents"] == 1
    assert data["statistics"]["category"]["attribution"] == {"findings": 3, "documents": 1}
    assert isinstance(json.loads(cli("check", str(SEED), "--format", "json")[1]), list)  # unchanged without
    code, out, err = cli("check", str(SEED), "--format", "json-lines", "--statistics")
    assert len(out.splitlines()) == 8 and "Names.Transcriptions" in err and "findings  documents" in err


def test_did_you_mean_for_rule_ids(cli):
    code, _, err = cli("explain", "Names.Transcription")
    assert code == 2 and "did you mean 'Names.Transcriptions'?" in err
    code, _, err = cli("check", str(SEED), "--ignore", "truncaton")
    assert code == 2 and "did you mean 'truncation'?" in err


def test_rules_is_an_aligned_table_with_a_header(cli):
    code, out, _ = cli("rules")
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[:5] == ["RULE", "KIND", "LEVEL", "CATEGORY", "DESCRIPTION"]
    column = lines[0].index("KIND")
    assert all(line[column - 2 : column] == "  " and line[column] != " " for line in lines[1:])


# --- inputs --------------------------------------------------------------------------------


def test_stdin_filename_names_the_findings_and_the_markup(cli):
    fenced = "# Title\n\n```\n" + ASHERITES + "```\n"
    code, out, _ = cli("check", "-", "--stdin-filename", "notes/a.txt", input=fenced)
    assert code == 1 and out.startswith("notes/a.txt:4:20: error Names.Transcriptions")
    code, out, _ = cli("check", "-", "--stdin-filename", "notes/a.md", input=fenced)
    assert code == 0, out  # Markdown: a code block is not prose


def test_repeated_paths_are_linted_once(cli):
    code, out, _ = cli("check", str(SEED), str(SEED.parent / "." / SEED.name), str(SEED.parent), "--quiet")
    assert code == 1 and len(out.splitlines()) == 8


# --- corpus output ---------------------------------------------------------------------------


def _finding(line, category, severity, rule="X.Y"):
    return Finding("p", 0, 1, line, 1, line, 2, rule, category, severity, "m", "x")


def test_quality_score_weighs_flagged_lines_by_level():
    text = "a\nb\nc\nd\n"
    assert row(1, "p", 1, text, [])["quality"] == 1.0
    r = row(1, "p", 1, text, [_finding(1, "truncation", "error"), _finding(2, "boilerplate", "warning")])
    assert r["quality"] == 1 - (1.0 + 0.5) / 4 and r["worst"] == "error"
    assert r["shares"] == {"truncation": 0.25, "boilerplate": 0.25}
    both = row(1, "p", 1, text, [_finding(1, "truncation", "error"), _finding(1, "style", "suggestion")])
    assert both["quality"] == 0.75  # a line counts once, at its worst level


def test_drop_if_grammar():
    conds = parse_drop_if("boilerplate>0.3, truncation,transcription:error,Names.NearMiss")
    clean = row(1, "p", 1, "a\nb\nc", [])
    assert verdict(conds, clean) is None
    assert verdict(conds, row(1, "p", 1, "a", [_finding(1, "truncation", "suggestion")])) == "truncation"
    assert verdict(conds, row(1, "p", 1, "a", [_finding(1, "transcription", "warning")])) is None
    assert verdict(conds, row(1, "p", 1, "a", [_finding(1, "transcription", "error")])) == "transcription:error"
    assert verdict(conds, row(1, "p", 1, "a\nb\nc", [_finding(1, "boilerplate", "warning")])) == "boilerplate>0.3"
    assert verdict(conds, row(1, "p", 1, "a\nb\nc\nd", [_finding(1, "boilerplate", "warning")])) is None
    assert verdict(conds, row(1, "p", 1, "a", [_finding(1, "style", "warning", "Names.NearMiss")])) == "Names.NearMiss"
    for bad in ("boilerplat", "truncation>2", "truncation:fatal", ""):
        with pytest.raises(UserError):
            parse_drop_if(bad)


@pytest.fixture
def small_corpus(tmp_path):
    lines = [
        {"id": "a", "text": "The council met on Tuesday.", "lang": "en"},
        {"text": ASHERITES},  # no id: "line:2"
        {"id": "a", "text": "The council met again on Wednesday."},  # a duplicate id
    ]
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines))
    return path


def test_records_format_has_a_row_per_record_clean_ones_included(cli, small_corpus):
    code, out, err = cli("check", str(small_corpus), "--format", "records", "--no-cache")
    rows = [json.loads(x) for x in out.splitlines()]
    assert [r["id"] for r in rows] == ["a", "line:2", "a"] and [r["line"] for r in rows] == [1, 2, 3]
    assert rows[0]["findings"] == 0 and rows[0]["quality"] == 1.0 and rows[0]["worst"] is None
    assert rows[1]["rules"] == {"Names.Transcriptions": 1} and rows[1]["worst"] == "error"
    assert f"{small_corpus}:3: duplicate id 'a' (first at line 1)" in err
    assert "1 record with a duplicate id" in err and code == 1


def test_keep_and_drop_split_the_records_with_the_reason(cli, small_corpus, tmp_path):
    keep, drop = tmp_path / "keep.jsonl", tmp_path / "drop.jsonl"
    args = ("check", str(small_corpus), "--drop-if", "transcription:error", "--keep", str(keep), "--drop", str(drop))
    code, _, err = cli(*args, "--no-cache")
    kept = [json.loads(x) for x in keep.read_text().splitlines()]
    dropped = [json.loads(x) for x in drop.read_text().splitlines()]
    assert [k["id"] for k in kept] == ["a", "a"] and kept[0]["lang"] == "en"  # the original record
    assert kept[0]["factlint"] == {"verdict": "keep", "reason": None, "quality": 1.0, "worst": None}
    assert dropped[0]["text"] == ASHERITES and dropped[0]["factlint"]["reason"] == "transcription:error"
    assert "kept 2 records, dropped 1" in err
    assert not list(tmp_path.glob(".*factlint-tmp"))


def test_keep_and_drop_need_a_valid_drop_if(cli, small_corpus, tmp_path):
    code, _, err = cli("check", str(small_corpus), "--keep", str(tmp_path / "k.jsonl"))
    assert code == 2 and err.strip() == "factlint: --keep and --drop need --drop-if (which records to drop)"
    code, _, err = cli("check", str(small_corpus), "--drop-if", "boilerplate>x", "--drop", str(tmp_path / "d"))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "'boilerplate>x'" in err
    assert not (tmp_path / "d").exists()
    code, _, err = cli("check", str(small_corpus), "--drop-if", "truncation")  # the verdicts would be lost
    assert code == 2 and "--drop-if needs --keep, --drop or --format records" in err


def test_gitignore_is_respected_and_no_ignore_lints_everything(cli, tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("build/\n*.draft.md\n")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / ".gitignore").write_text("!keep.draft.md\n")
    for name in ("a.md", "build/b.md", "c.draft.md", "docs/keep.draft.md", "docs/d.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(ASHERITES)

    def linted(*extra):
        _, out, _ = cli("check", str(tmp_path), "--quiet", "--no-cache", *extra)
        return sorted(line.split(":")[0].removeprefix(str(tmp_path) + "/") for line in out.splitlines())

    assert linted() == ["a.md", "docs/d.md", "docs/keep.draft.md"]
    assert linted("--no-ignore") == ["a.md", "build/b.md", "c.draft.md", "docs/d.md", "docs/keep.draft.md"]
    # Named explicitly, an ignored file is linted; outside a git work tree nothing is ignored.
    assert cli("check", str(tmp_path / "c.draft.md"), "--quiet")[1].count("Asherites") == 1
    (tmp_path / ".git").rmdir()
    assert len(linted()) == 5


@pytest.mark.parametrize(
    "rule, path, is_dir, ignored",
    [
        ("*.log", "a.log", False, True),
        ("*.log", "deep/down/a.log", False, True),
        ("/top.md", "top.md", False, True),
        ("/top.md", "sub/top.md", False, False),  # a leading slash anchors
        ("docs/*.md", "docs/a.md", False, True),
        ("docs/*.md", "x/docs/a.md", False, False),  # so does a slash in the middle
        ("docs/*.md", "docs/sub/a.md", False, False),  # '*' stops at '/'
        ("docs/**/a.md", "docs/sub/deeper/a.md", False, True),
        ("**/tmp", "x/y/tmp", True, True),
        ("out/", "out", False, False),  # a trailing slash: folders only
        ("out/", "out", True, True),
        ("out/", "out/a.md", False, True),  # ... and everything inside
        ("[ab].md", "b.md", False, True),
        ("[!ab].md", "b.md", False, False),
        ("\\#notes.md", "#notes.md", False, True),
        ("# a comment", "# a comment", False, False),
    ],
)
def test_gitignore_patterns(tmp_path, rule, path, is_dir, ignored):
    from factlint.gitignore import Ignored

    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text(rule + "\n")
    ignore = Ignored(str(tmp_path))
    ignore.enter(str(tmp_path), [".gitignore"])  # as the walk does in each folder
    assert ignore.ignored(str(tmp_path / path), is_dir) is ignored


def test_a_file_named_through_symlinks_is_linted_once(cli, tmp_path):
    """Duplicates are found by real path, each folder resolved once: a file reached through a
    linked folder or a linked file is still the same file."""
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "linked").symlink_to(real, target_is_directory=True)
    (tmp_path / "alias.txt").symlink_to(real / "a.txt")
    paths = [real / "a.txt", tmp_path / "linked" / "a.txt", tmp_path / "alias.txt", tmp_path / "linked"]
    code, out, _ = cli("check", *map(str, paths), "--quiet")
    assert code == 1 and len(out.splitlines()) == 8
    assert all(line.startswith(str(real / "a.txt")) for line in out.splitlines())
