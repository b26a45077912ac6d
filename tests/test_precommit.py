"""The pre-commit hooks in .pre-commit-hooks.yaml, run by the real `pre-commit try-repo`.

How try-repo picks what to install (pre-commit 4.x, commands/try_repo.py): it clones the repo's
HEAD; if tracked files have uncommitted changes it commits them (staged and `git add -u`) into a
shadow clone first. Untracked files are NOT included, so a new hook manifest or a new module that
is not committed yet would be missing. Hence: on a clean checkout (CI) the test runs try-repo on
the repository root itself; in a working tree with uncommitted or untracked files it runs it on a
throw-away commit of the working tree (tracked plus untracked, minus ignored files), which is
what the next commit will hold. The repository's own git state is never touched.

pre-commit installs the hook's environment with pip (the package's dependencies come from the
package index, or pip's cache).
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FAULTY = "Many Lebanese people are descendants of survivors of the Ottoman genocide of 1918.\n"
CLEAN = "The council met on Tuesday to discuss the budget, the mayor said.\n"


def pre_commit():
    exe = Path(sys.executable).with_name("pre-commit")
    if not exe.is_file():
        found = shutil.which("pre-commit")
        if not found:
            pytest.fail("pre-commit is not installed (pip install pre-commit)")
        exe = Path(found)
    return str(exe)


def git_env():
    # Variables set by an enclosing git hook would point git at the wrong repository.
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        GIT_AUTHOR_NAME="factlint tests",
        GIT_AUTHOR_EMAIL="tests@factlint.invalid",
        GIT_COMMITTER_NAME="factlint tests",
        GIT_COMMITTER_EMAIL="tests@factlint.invalid",
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        PIP_NO_INPUT="1",
    )
    return env


def git(*args, cwd, env):
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def hook_repo(tmp_path, env):
    """The repository root if its working tree is committed, else a commit of the working tree."""
    if not (REPO / ".git").exists():
        pytest.fail(f"{REPO} is not a git checkout; pre-commit try-repo needs one")
    if not git("status", "--porcelain", cwd=REPO, env=env).strip():
        return REPO
    snapshot = tmp_path / "factlint-snapshot"
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=REPO, env=env)
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():  # a tracked file deleted in the working tree is left out
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    git("init", "-q", cwd=snapshot, env=env)
    git("add", "-A", cwd=snapshot, env=env)
    git("commit", "-q", "--no-gpg-sign", "-m", "working tree", cwd=snapshot, env=env)
    return snapshot


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("precommit")
    env = git_env()
    repo = hook_repo(tmp, env)
    work = tmp / "newsroom"
    work.mkdir()
    (work / "faulty.md").write_text(FAULTY, encoding="utf-8")
    (work / "clean.md").write_text(CLEAN, encoding="utf-8")
    git("init", "-q", cwd=work, env=env)
    git("add", "-A", cwd=work, env=env)
    return repo, work, env


def try_repo(project, hook, *files):
    repo, work, env = project
    cmd = [pre_commit(), "try-repo", str(repo), hook, "--color", "never", "--files", *files]
    # A generous guard against a hung install, not a timing assertion.
    return subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True, timeout=600)


def test_manifest_is_valid():
    proc = subprocess.run(
        [pre_commit(), "validate-manifest", str(REPO / ".pre-commit-hooks.yaml")], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    import yaml

    hooks = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert hooks["factlint"]["entry"] == "factlint check"
    assert hooks["factlint-fix"]["entry"] == "factlint check --fix"
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["types_or"] == ["markdown", "plain-text"]


@pytest.mark.slow
def test_hook_fails_on_faulty_file_and_shows_findings(project):
    proc = try_repo(project, "factlint", "faulty.md", "clean.md")
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "factlint" in out and "Failed" in out
    assert "faulty.md:1:" in out and "History.EventDates" in out
    assert "clean.md:" not in out
    assert "in 2 files" in out  # both files reached factlint in one run (require_serial)


@pytest.mark.slow
def test_hook_passes_on_clean_file(project):
    proc = try_repo(project, "factlint", "clean.md")
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert "Passed" in out and "Failed" not in out
