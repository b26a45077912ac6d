"""Reporting only new findings: --write-baseline / --baseline, and --changed-since REV."""

import json
import os
import subprocess

import pytest
from conftest import SEED

ERROR_LINE = "Historians met on the anniversary of the Armenian genocide of 1918 in Yerevan.\n"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(SEED.read_bytes())
    return path


def rules_of(out):
    return [(f["rule"], f["match"]) for f in json.loads(out)]


def test_baseline_round_trip_survives_moved_lines(cli, tmp_path, article):
    n = len(json.loads(cli("check", str(article), "--format", "json")[1]))
    assert n >= 5  # the seed has several findings (rules are tuned elsewhere; the count is not pinned)
    baseline = tmp_path / "baseline.json"
    code, out, err = cli("check", str(article), "--write-baseline", str(baseline))
    assert code == 0 and out.strip() == "No findings in 1 file."
    assert f"Wrote {n} finding(s) to the baseline" in err
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["version"] == 1 and len(data["findings"]) == n
    entry = next(e for e in data["findings"] if e["match"] == "Asherites")
    assert entry == {"path": "article.txt", "rule": "Names.Transcriptions", "match": "Asherites", "occurrence": 0}
    assert not any("line" in e for e in data["findings"])  # line numbers move with every edit

    # Lines inserted above every finding: all of them move, none is new.
    text = article.read_text(encoding="utf-8")
    article.write_text("Editor's note: updated on Friday.\n\n" + text, encoding="utf-8")
    code, out, err = cli("check", str(article), "--baseline", str(baseline), "--format", "json")
    assert code == 0 and json.loads(out) == []
    assert "no longer occur" not in err

    # One new error: exactly one finding.
    article.write_text("Editor's note: Gorbatschow was quoted on Friday.\n\n" + text, encoding="utf-8")
    code, out, _ = cli("check", str(article), "--baseline", str(baseline), "--format", "json")
    found = json.loads(out)
    assert [(f["rule"], f["match"], f["line"]) for f in found] == [("Names.Transcriptions", "Gorbatschow", 1)]
    assert code == 1
    # A second mistake identical to a baselined one (same rule, same text) is the file's
    # second occurrence of it: new, although the key's rule and text are in the baseline.
    anchor = "Both Turkey and Azerbaijan deny the involvement of Syrian mercenaries.\n"
    assert anchor in text
    article.write_text(text.replace(anchor, anchor + "\n" + ERROR_LINE), encoding="utf-8")
    code, out, _ = cli("check", str(article), "--baseline", str(baseline), "--format", "json")
    found = json.loads(out)
    line = text[: text.index(anchor)].count("\n") + 3
    assert [(f["rule"], f["match"], f["line"]) for f in found] == [("History.EventDates", "1918", line)]


def test_baseline_counts_occurrences_and_reports_gone_findings(cli, tmp_path):
    path = tmp_path / "a.txt"
    sentence = "Both Armenians and Asherites have suffered, the UN said.\n"
    path.write_text("Talks\n\n" + sentence * 2, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    cli("check", str(path), "--write-baseline", str(baseline))
    occurrences = sorted(e["occurrence"] for e in json.loads(baseline.read_text(encoding="utf-8"))["findings"])
    assert occurrences == [0, 1]
    # A third identical mistake is new, though its rule and text are baselined.
    path.write_text("Talks\n\n" + sentence * 3, encoding="utf-8")
    code, out, _ = cli("check", str(path), "--baseline", str(baseline), "--format", "json")
    assert rules_of(out) == [("Names.Transcriptions", "Asherites")] and code == 1
    # Both fixed by hand: the baseline has two stale entries.
    path.write_text("Talks\n\n" + sentence.replace("Asherites", "Azeris"), encoding="utf-8")
    code, out, err = cli("check", str(path), "--baseline", str(baseline))
    assert code == 0 and "2 baselined finding(s) no longer occur" in err


def test_baseline_paths_are_relative_to_the_baseline_file(cli, tmp_path, article):
    baseline = tmp_path / "baseline.json"
    cli("check", "article.txt", "--write-baseline", "baseline.json", cwd=tmp_path)
    sub = tmp_path / "sub"
    sub.mkdir()
    # The same file named differently, from another working directory.
    code, out, _ = cli("check", "../article.txt", "--baseline", str(baseline), cwd=sub)
    assert code == 0 and out.strip() == "No findings in 1 file."
    # A baseline for other files leaves this one's findings reported and counts nothing as gone.
    other = tmp_path / "other.json"
    other.write_text(
        json.dumps(
            {
                "version": 1,
                "findings": [
                    {"path": "elsewhere.txt", "rule": "Names.Transcriptions", "match": "Asherites", "occurrence": 0}
                ],
            }
        ),
        encoding="utf-8",
    )
    code, out, err = cli("check", str(article), "--baseline", str(other), "--format", "json")
    assert code == 1 and ("Names.Transcriptions", "Asherites") in rules_of(out) and "no longer occur" not in err


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "baseline file not found"),
        ("{not json", "invalid baseline: not JSON"),
        ('{"findings": []}', "invalid baseline: expected a factlint baseline (version 1)"),
        (
            '{"version": 1, "findings": [{"path": "a.txt"}]}',
            "invalid baseline: entry 1 needs path, rule, match and occurrence",
        ),
    ],
)
def test_bad_baseline_is_a_one_line_error(cli, tmp_path, article, content, message):
    baseline = tmp_path / "baseline.json"
    if content is not None:
        baseline.write_text(content, encoding="utf-8")
    code, out, err = cli("check", str(article), "--baseline", str(baseline))
    assert code == 2 and out == ""
    assert err.strip().splitlines() == [err.strip()]
    assert err.startswith(f"factlint: {baseline}: {message}")


def test_write_baseline_is_atomic(cli, tmp_path, article, monkeypatch):
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"version": 1, "findings": []}\n', encoding="utf-8")

    def crash(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    code, _, err = cli("check", str(article), "--write-baseline", str(baseline))
    assert code == 2 and "cannot write baseline: No space left on device" in err
    assert baseline.read_text(encoding="utf-8") == '{"version": 1, "findings": []}\n'
    assert sorted(os.listdir(tmp_path)) == ["article.txt", "baseline.json"]


# -- --changed-since ----------------------------------------------------------------------------


def git(repo, *args):
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    cmd = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", *args]
    return subprocess.run(cmd, cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path, monkeypatch):
    # Keep the user's git configuration out of it (diff drivers, prefixes, hooks).
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    (root / "docs").mkdir()
    (root / "docs" / "article.txt").write_bytes(SEED.read_bytes())
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "seed")
    return root


def test_changed_since_reports_only_changed_lines(cli, repo):
    path = repo / "docs" / "article.txt"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    code, out, _ = cli("check", "docs", "--changed-since", "HEAD", "--format", "json", cwd=repo)
    assert code == 0 and json.loads(out) == []
    # Insert a new error at the top and edit the "Aser" line (17); everything else only moves.
    lines.insert(0, ERROR_LINE + "\n")
    lines[17] = lines[17].replace("the conflict zone", "the front")
    path.write_text("".join(lines), encoding="utf-8")
    code, out, _ = cli("check", "docs", "--changed-since", "HEAD", "--format", "json", cwd=repo)
    found = sorted((f["line"], f["rule"]) for f in json.loads(out))
    assert found == [(1, "History.EventDates"), (19, "Attribution.VagueSource"), (19, "Names.Transcriptions")]
    assert code == 1
    # Committed, the same edits are "changed since" the first commit, not since HEAD.
    git(repo, "commit", "-q", "-am", "edit")
    assert json.loads(cli("check", "docs", "--changed-since", "HEAD", "--format", "json", cwd=repo)[1]) == []
    code, out, _ = cli("check", "docs", "--changed-since", "HEAD~1", "--format", "json", cwd=repo)
    assert len(json.loads(out)) == 3


def test_changed_since_untracked_files_count_as_changed(cli, repo):
    new = repo / "docs" / "new file.txt"  # a space: git quotes and tabs such names in diffs
    new.write_text("Talks\n\nBoth Armenians and Asherites have suffered, the UN said.\n", encoding="utf-8")
    code, out, _ = cli("check", "docs", "--changed-since", "HEAD", "--format", "json", cwd=repo)
    assert [(f["path"], f["match"]) for f in json.loads(out)] == [(os.path.join("docs", "new file.txt"), "Asherites")]
    # Tracked and edited, it is diffed line by line like any other file.
    git(repo, "add", "docs/new file.txt")
    git(repo, "commit", "-q", "-m", "add")
    with open(new, "a", encoding="utf-8") as fh:
        fh.write("Gorbatschow spoke on Monday.\n")
    code, out, _ = cli("check", str(new), "--changed-since", "HEAD", "--format", "json", cwd=repo)
    assert rules_of(out) == [("Names.Transcriptions", "Gorbatschow")]


def test_changed_since_errors(cli, repo, tmp_path):
    code, out, err = cli("check", "docs", "--changed-since", "no-such-branch", cwd=repo)
    assert code == 2 and out == ""
    assert err.strip() == f"factlint: --changed-since: unknown git revision 'no-such-branch' in {repo.resolve()}"
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.txt").write_text("Both Armenians and Asherites have suffered.\n", encoding="utf-8")
    code, out, err = cli("check", str(outside / "a.txt"), "--changed-since", "HEAD", cwd=outside)
    assert code == 2 and out == ""
    assert err.strip() == f"factlint: {outside / 'a.txt'}: not in a git repository (--changed-since needs one)"


def test_parse_diff_hunks_and_quoted_names():
    from factlint.changed import parse_diff

    diff = (
        b"diff --git a/x.md b/x.md\n--- a/x.md\n+++ b/x.md\n"
        b"@@ -3 +3 @@\n-old\n+new\n"
        b"@@ -10,0 +11,2 @@\n+added\n+added\n"
        b"@@ -20,2 +21,0 @@\n-gone\n-gone\n"
        b'diff --git "a/\\303\\251t\\303\\251 \\"q\\".md" "b/\\303\\251t\\303\\251 \\"q\\".md"\n'
        b'+++ "b/\\303\\251t\\303\\251 \\"q\\".md"\n@@ -1 +1 @@\n'
        b"+++ /dev/null\n@@ -1 +0,0 @@\n"
    )
    assert parse_diff(diff) == {"x.md": {3, 11, 12}, 'été "q".md': {1}}
