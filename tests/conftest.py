"""Shared fixtures. Every test run uses its own compiled-rules cache folder, so tests never read
or write the user's cache; the caches and configuration folders of the tools the tests run
(pre-commit, pip, dask, Chromium) are moved to a temporary folder too, so the suite never writes
to the user's home."""

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_07ded2b3cf7a995f.txt"
# The shared data folder beside the repository (or beside the folder of its git worktrees);
# FACTLINT_SHARED names another.
SHARED = Path(
    os.environ.get("FACTLINT_SHARED")
    or next((p / "shared" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()), ROOT.parent / "shared")
)


# RUSTUP_HOME: pip asks `rustc --version` for its user agent, and rustup's proxy writes
# ~/.rustup/settings.toml when it is missing (no test builds Rust code).
_HOME_VARIABLES = (
    "FACTLINT_CACHE_DIR",
    "XDG_CACHE_HOME",
    "XDG_CONFIG_HOME",
    "XDG_DATA_HOME",
    "PRE_COMMIT_HOME",
    "DASK_CONFIG",
    "RUSTUP_HOME",
)
_saved_env = {}


def pytest_configure(config):
    """Before collection (some test modules compile the rules while they are collected)."""
    if _saved_env:
        return
    tmp = Path(tempfile.mkdtemp(prefix="factlint-tests-"))
    _saved_env["_tmp"] = tmp
    for name in _HOME_VARIABLES:
        _saved_env[name] = os.environ.get(name)
        os.environ[name] = str(tmp / name.lower())


def pytest_unconfigure(config):
    tmp = _saved_env.pop("_tmp", None)
    for name, value in _saved_env.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    _saved_env.clear()
    if tmp is not None:
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture
def seed_text():
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def cli():
    """Run the click CLI in-process: cli(args..., input=None) -> (exit code, stdout, stderr)."""
    from click.testing import CliRunner

    from factlint.cli import main

    def run(*args, input=None, cwd=None):
        runner = CliRunner()
        old = os.getcwd()
        try:
            if cwd:
                os.chdir(cwd)
            result = runner.invoke(main, list(args), input=input, catch_exceptions=False)
        finally:
            os.chdir(old)
        return result.exit_code, result.stdout, result.stderr

    return run


def factlint_script():
    """The installed console script next to this interpreter."""
    script = Path(sys.executable).with_name("factlint")
    assert script.exists(), f"factlint is not installed in {sys.prefix} (pip install .)"
    return str(script)
