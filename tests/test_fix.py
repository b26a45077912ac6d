"""--fix and --diff: only unambiguous fixes, applied atomically, never over a file that changed."""

import json
import os

import pytest
from conftest import SEED

BOM = b"\xef\xbb\xbf"


@pytest.fixture
def article(tmp_path):
    """A writable copy of the seed article (the seed itself is read-only)."""
    path = tmp_path / "article.txt"
    path.write_bytes(SEED.read_bytes())
    return path


def test_fix_seed_applies_the_unambiguous_fix_only(cli, article):
    original = article.read_text(encoding="utf-8")
    before = json.loads(cli("check", str(article), "--format", "json")[1])
    code, out, err = cli("check", str(article), "--fix", "--format", "json")
    fixed = article.read_text(encoding="utf-8")
    # "Asherites" has one trusted suggestion: fixed, and nothing else in the file changed.
    assert fixed == original.replace("Asherites", "Azeris")
    assert "Asherites" not in fixed
    # "Aser" has two candidates (Azerbaijan | Azeris): left alone and still reported.
    assert "alongside Aser." in fixed
    remaining = json.loads(out)
    names = [f for f in remaining if f["rule"] == "Names.Transcriptions"]
    assert [(f["match"], f["suggestions"], f["fixable"]) for f in names] == [("Aser", ["Azerbaijan", "Azeris"], False)]

    # The report is of the fixed text: every other finding remains, at the same place (the fix
    # is on line 1, after every other finding on that line).
    def where(fs):
        return sorted((f["line"], f["column"], f["rule"], f["match"]) for f in fs)

    assert where(remaining) == where(f for f in before if f["match"] != "Asherites")
    assert "Fixed 1 finding(s) in 1 file(s)." in err
    assert code == 1  # the remaining findings fail the run
    # Fixing again finds nothing more to fix.
    code, _, err = cli("check", str(article), "--fix")
    assert "Fixed 0 finding(s) in 0 file(s)." in err and article.read_text(encoding="utf-8") == fixed


def test_several_fixes_on_one_line_keep_their_offsets(cli, tmp_path):
    path = tmp_path / "leaders.md"
    path.write_text(
        "# Summit\n\nGorbatschow met Jelzin, and later Selenskyj, in Moscow, officials said.\n", encoding="utf-8"
    )
    code, out, err = cli("check", str(path), "--fix")
    assert (
        path.read_text(encoding="utf-8")
        == "# Summit\n\nGorbachev met Yeltsin, and later Zelensky, in Moscow, officials said.\n"
    )
    assert "Fixed 3 finding(s) in 1 file(s)." in err
    assert code == 0 and out.strip() == "No findings in 1 file."


def test_fix_keeps_bom_line_endings_and_permissions(cli, tmp_path):
    path = tmp_path / "crlf.txt"
    body = "Talks\r\n\r\nBoth Armenians and Asherites have suffered, the UN said.\r\nThe talks in Baku ended.\r\n"
    path.write_bytes(BOM + body.encode("utf-8"))
    os.chmod(path, 0o640)
    code, _, _ = cli("check", str(path), "--fix")
    assert path.read_bytes() == BOM + body.replace("Asherites", "Azeris").encode("utf-8")
    assert os.stat(path).st_mode & 0o777 == 0o640
    assert code == 0


def test_crash_while_replacing_leaves_the_original_and_no_temp_file(cli, article, monkeypatch):
    before = article.read_bytes()

    def crash(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    code, out, err = cli("check", str(article), "--fix")
    assert article.read_bytes() == before
    assert os.listdir(article.parent) == [article.name]
    assert "cannot write the fixes: No space left on device" in err
    assert "Fixed 0 finding(s) in 0 file(s)." in err
    assert code == 2
    # The file was not fixed, so its findings are reported as they are, Asherites included.
    assert "'Asherites'" in out


def test_crash_while_writing_the_temp_file(cli, article, monkeypatch):
    before = article.read_bytes()

    def crash(_fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", crash)
    code, _, err = cli("check", str(article), "--fix")
    assert article.read_bytes() == before
    assert os.listdir(article.parent) == [article.name]
    assert code == 2 and "Input/output error" in err


def test_file_changed_before_fixing_is_not_overwritten(cli, article, monkeypatch):
    import factlint.fixes as fixes

    edited = "An editor saved this while factlint ran; Asherites stays until the next run.\n"
    real_fix_text = fixes.fix_text

    def fix_text_then_edit(source, *args, **kw):
        result = real_fix_text(source, *args, **kw)
        article.write_text(edited, encoding="utf-8")  # the save lands between lint and write
        return result

    monkeypatch.setattr(fixes, "fix_text", fix_text_then_edit)
    code, _, err = cli("check", str(article), "--fix")
    assert article.read_text(encoding="utf-8") == edited
    assert "changed on disk while factlint ran: not fixed" in err
    assert code == 2
    assert os.listdir(article.parent) == [article.name]


def test_file_changed_just_before_replace_is_not_overwritten(cli, article, monkeypatch):
    # The later window: after the temp file is written, before os.replace.
    edited = b"Saved at the last moment.\n"
    real_fsync = os.fsync

    def fsync_then_edit(fd):
        real_fsync(fd)
        article.write_bytes(edited)

    monkeypatch.setattr(os, "fsync", fsync_then_edit)
    code, _, err = cli("check", str(article), "--fix")
    assert article.read_bytes() == edited
    assert "changed on disk while factlint ran" in err and code == 2
    assert os.listdir(article.parent) == [article.name]


def test_read_only_file_is_not_fixed(cli, article):
    os.chmod(article, 0o444)
    before = article.read_bytes()
    code, _, err = cli("check", str(article), "--fix")
    assert article.read_bytes() == before
    assert "the file is read-only" in err and code == 2


def test_diff_shows_the_fix_and_writes_nothing(cli, article):
    before = article.read_bytes()
    mtime = os.stat(article).st_mtime_ns
    code, out, err = cli("check", str(article), "--diff")
    assert article.read_bytes() == before and os.stat(article).st_mtime_ns == mtime
    assert os.listdir(article.parent) == [article.name]
    lines = out.splitlines()
    assert lines[0] == f"--- {article}" and lines[1] == f"+++ {article}"
    assert lines[2].startswith("@@ -1,")
    removed = [l for l in lines if l.startswith("-") and not l.startswith("---")]
    added = [l for l in lines if l.startswith("+") and not l.startswith("+++")]
    assert len(removed) == len(added) == 1
    assert removed[0].endswith("both Armenians and Asherites have it.")
    assert added[0].endswith("both Armenians and Azeris have it.")
    assert "Aser." not in out  # the ambiguous one is not in the diff
    assert "Would fix 1 finding(s) in 1 file(s)." in err
    assert code == 1


def test_diff_with_nothing_to_fix_exits_zero(cli, tmp_path):
    path = tmp_path / "aser.txt"
    # Only the ambiguous finding: reported by `check`, but --diff has nothing to show.
    path.write_text(
        "Talks\n\nSyrian fighters are in Nagorno-Karabakh alongside Aser, the ministry said.\n", encoding="utf-8"
    )
    assert cli("check", str(path))[0] == 1
    code, out, err = cli("check", str(path), "--diff")
    assert code == 0 and out == "" and "Would fix 0 finding(s) in 0 file(s)." in err


def test_diff_marks_a_missing_final_newline(cli, tmp_path):
    path = tmp_path / "nonl.txt"
    path.write_text("Both Armenians and Asherites have suffered, the UN said.", encoding="utf-8")
    _, out, _ = cli("check", str(path), "--diff")
    assert out.endswith("+Both Armenians and Azeris have suffered, the UN said.\n\\ No newline at end of file\n")


def test_fix_on_stdin_writes_the_fixed_text_to_stdout(cli):
    """As `ruff --fix -`: the fixed text on stdout, the report (what remains) on stderr."""
    code, out, err = cli("check", "-", "--fix", input="Both Armenians and Asherites have suffered, the UN said.\n")
    assert out == "Both Armenians and Azeris have suffered, the UN said.\n"
    assert "Fixed 1 finding(s) in 1 file(s)." in err and "No findings in 1 file." in err and code == 0
    # Nothing to fix: the text comes back unchanged, the findings are reported on stderr.
    code, out, err = cli("check", "-", "--fix", input="Hundreds have been killed.\n")
    assert out == "Hundreds have been killed.\n" and "Attribution.Unattributed" in err


def test_fix_leaves_baselined_findings_alone(cli, tmp_path):
    # Only reported findings are fixed: a baselined mistranscription (say, inside a quotation
    # the desk decided to keep) stays as it is.
    path = tmp_path / "quote.txt"
    path.write_text("Talks\n\nBoth Armenians and Asherites have suffered, the UN said.\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert cli("check", str(path), "--write-baseline", str(baseline))[0] == 0
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("Gorbatschow spoke on Monday.\n")
    code, out, err = cli("check", str(path), "--fix", "--baseline", str(baseline))
    assert path.read_text(encoding="utf-8").splitlines()[2:] == [
        "Both Armenians and Asherites have suffered, the UN said.",
        "Gorbachev spoke on Monday.",
    ]
    assert "Fixed 1 finding(s) in 1 file(s)." in err
    assert code == 0 and out.strip() == "No findings in 1 file."


def test_edits_for_skips_ambiguous_and_overlapping_findings():
    from factlint.engine import lint_text
    from factlint.fixes import apply_edits, edits_for

    text = "Both Armenians and Asherites came; Syrian fighters are alongside Aser, in Karabakh."
    findings = lint_text(text)
    by_match = {f.match: f for f in findings if f.rule == "Names.Transcriptions"}
    assert by_match["Asherites"].fixable and not by_match["Aser"].fixable
    edits = edits_for(findings)
    assert edits == [(by_match["Asherites"].start, by_match["Asherites"].end, "Azeris")]
    assert apply_edits(text, edits) == text.replace("Asherites", "Azeris")
    # Two fixable findings over the same characters: only the first is applied in one pass.
    from dataclasses import replace

    a = by_match["Asherites"]
    overlapping = replace(a, start=a.start + 2, end=a.end + 2, suggestions=["X"])
    assert edits_for([a, overlapping]) == [(a.start, a.end, "Azeris")]
