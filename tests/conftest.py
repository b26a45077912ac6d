"""Shared fixtures. Every test run uses its own cache folder (compiled rules, results, plugin
list), set before any test module is imported, so tests never read or write the user's cache."""

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


_CACHE = tempfile.mkdtemp(prefix="factlint-test-cache-")
os.environ["FACTLINT_CACHE_DIR"] = _CACHE  # at import: before collection imports any test module


def pytest_unconfigure(config):
    shutil.rmtree(_CACHE, ignore_errors=True)


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
