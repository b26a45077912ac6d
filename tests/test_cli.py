"""The command line: formats, selection, levels, exit codes, listing commands, a real subprocess."""

import json
import subprocess
import sys

from conftest import ROOT, SEED, factlint_script

import factlint


def test_text_format_sorted_with_summary(cli):
    code, out, _ = cli("check", str(SEED))
    lines = out.strip().splitlines()
    assert code == 1
    assert lines[-1] == "Found 8 findings (3 errors, 4 warnings, 1 suggestion) in 1 file."
    body = lines[:-1]
    assert body[0].startswith(f"{SEED}:1:276: error Names.Transcriptions ")
    positions = [tuple(int(x) for x in l.split(":")[1:3]) for l in body]
    assert positions == sorted(positions)


def test_json_fields(cli):
    _, out, _ = cli("check", str(SEED), "--format", "json")
    f = json.loads(out)[0]
    assert set(f) >= {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "rule",
        "category",
        "severity",
        "message",
        "match",
        "suggestions",
    }


def test_select_ignore_by_id_pack_category_glob(cli):
    def rules(*args):
        _, out, _ = cli("check", str(SEED), "--format", "json", *args)
        return sorted({f["rule"] for f in json.loads(out)})

    assert rules("--select", "Names") == ["Names.Transcriptions"]
    assert rules("--select", "attribution") == ["Attribution.Unattributed", "Attribution.VagueSource"]
    assert rules("--select", "Attribution.V*") == ["Attribution.VagueSource"]
    assert "History.EventDates" not in rules("--ignore", "date")
    # The more specific selector wins: ignore the pack, select one rule back.
    assert rules("--select", "Attribution.VagueSource", "--ignore", "Attribution") == ["Attribution.VagueSource"]


def test_min_level_and_exit_codes(cli, tmp_path):
    code, out, _ = cli("check", str(SEED), "--format", "json", "--min-level", "error")
    assert code == 1 and {f["severity"] for f in json.loads(out)} == {"error"}
    clean = tmp_path / "clean.md"
    clean.write_text("# Budget\n\nThe council approved the budget on Tuesday, the mayor said.\n", encoding="utf-8")
    code, out, _ = cli("check", str(clean))
    assert code == 0 and out.strip() == "No findings in 1 file."
    # Only a suggestion: below the default failing level (warning).
    sugg = tmp_path / "s.txt"
    sugg.write_text("Unemployment rose to 8.2% last year.\n", encoding="utf-8")
    assert cli("check", str(sugg))[0] == 0
    assert cli("check", str(sugg), "--fail-level", "suggestion")[0] == 1


def test_stdin(cli):
    code, out, _ = cli("check", "-", input="Both Armenians and Asherites have suffered.\n")
    assert code == 1 and out.startswith("<stdin>:1:20: error Names.Transcriptions")


def test_directories_recursive_with_glob_and_exclude(cli, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.md").write_text("Both Armenians and Asherites have suffered.\n", encoding="utf-8")
    (tmp_path / "a" / "two.rst").write_text("Both Armenians and Asherites have suffered.\n", encoding="utf-8")
    (tmp_path / "skip").mkdir()
    (tmp_path / "skip" / "three.txt").write_text("Both Armenians and Asherites have suffered.\n", encoding="utf-8")
    _, out, _ = cli("check", str(tmp_path), "--format", "json", "--exclude", "skip")
    assert [f["path"].rsplit("/", 1)[-1] for f in json.loads(out)] == ["one.md"]
    _, out, _ = cli("check", str(tmp_path), "--format", "json", "--glob", "*.rst")
    assert [f["path"].rsplit("/", 1)[-1] for f in json.loads(out)] == ["two.rst"]


def test_rules_explain_plugins(cli):
    code, out, _ = cli("rules")
    assert code == 0 and "History.EventDates" in out and "event-date" in out
    code, out, _ = cli("explain", "History.EventDates")
    assert code == 0 and "Flagged:" in out and "genocide of 1918" in out and "Not flagged:" in out
    code, _, err = cli("explain", "No.Such")
    assert code == 2 and "No.Such" in err
    code, out, _ = cli("plugins")
    assert code == 0 and out.startswith(f"builtin {factlint.__version__}") and "event-date" in out


def test_installed_script_subprocess_from_other_directory(tmp_path):
    """The console script works from any working directory and finds the shipped rules."""
    proc = subprocess.run(
        [factlint_script(), "check", str(ROOT / "seeds")], cwd=tmp_path, capture_output=True, text=True
    )
    assert proc.returncode == 1, proc.stderr
    assert "History.EventDates" in proc.stdout and proc.stdout.strip().endswith("in 1 file.")


def test_python_dash_m(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "factlint", "--version"], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0 and factlint.__version__ in proc.stdout


def test_unknown_selector_is_a_usage_error(cli):
    """A typo in --select would lint nothing and look clean: it is an error instead."""
    code, out, err = cli("check", str(SEED), "--select", "Nmaes")
    assert code == 2 and out == ""
    assert err.strip() == (
        "factlint: --select: 'Nmaes' names no rule, pack or category; did you mean 'Names'? (see `factlint rules`)"
    )
    code, _, err = cli("check", str(SEED), "--ignore", "attribution,Names.Nope*")
    assert code == 2 and "--ignore: 'Names.Nope*' names no rule" in err
    # Ids, packs, categories, globs and ALL are all fine.
    assert cli("check", str(SEED), "--select", "Names.Transcriptions,History,date,Attribution.*,ALL")[0] == 1
