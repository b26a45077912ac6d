"""The `factlint` process ends without the interpreter's teardown (run.exit_process): the
report is complete, the exit code kept, and exit functions still run."""

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import factlint_script

from factlint.engine import lint_text

ROOT = Path(__file__).resolve().parents[1]
SEED = next((ROOT / "seeds").glob("*.txt"))


def _env(tmp_path, **extra):
    return {**os.environ, "FACTLINT_CACHE_DIR": str(tmp_path / "cache"), **extra}


def test_console_script_report_complete_and_exit_code_kept(tmp_path):
    # Many documents' findings through a pipe: all of them arrive, as the engine finds them.
    folder = tmp_path / "docs"
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for i in range(60):
        (folder / f"d{i:02}.txt").write_text(text, encoding="utf-8")
    expected = len(lint_text(text)) * 60
    for cmd in ([factlint_script()], [sys.executable, "-m", "factlint"]):
        proc = subprocess.run(
            [*cmd, "check", str(folder), "--format", "json-lines", "-j", "1"],
            capture_output=True,
            text=True,
            env=_env(tmp_path),
            cwd=tmp_path,
        )
        assert proc.returncode == 1, proc.stderr
        lines = proc.stdout.splitlines()
        assert len(lines) == expected and all(json.loads(line)["rule"] for line in lines)
    clean = tmp_path / "clean.txt"
    clean.write_text("The meeting was held on Monday.\n", encoding="utf-8")
    proc = subprocess.run([factlint_script(), "check", str(clean)], capture_output=True, env=_env(tmp_path))
    assert proc.returncode == 0


def test_exit_functions_still_run(tmp_path):
    # An exit function registered in the process (a plugin's, coverage's) runs before it ends.
    marker = tmp_path / "ran.txt"
    (tmp_path / "sitecustomize.py").write_text(
        f"import atexit\natexit.register(lambda: open({str(marker)!r}, 'w').write('yes'))\n", encoding="utf-8"
    )
    env = _env(tmp_path, PYTHONPATH=str(tmp_path))
    proc = subprocess.run([factlint_script(), "check", str(SEED), "-o", str(tmp_path / "out.txt")], env=env)
    assert proc.returncode == 1
    assert marker.read_text() == "yes"
    assert (tmp_path / "out.txt").read_text(encoding="utf-8").strip().endswith("in 1 file.")
