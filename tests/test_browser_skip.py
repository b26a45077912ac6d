"""Without Chromium the browser tests skip with a reason naming what is missing (the README's
test command passes on a fresh machine); with FACTLINT_REQUIRE_BROWSER=1 (.ci/run) they fail."""

import os
import subprocess
import sys
from pathlib import Path

import _chromium as browser
import pytest

TESTS = Path(__file__).resolve().parent


def test_no_browser_skips_with_the_reason(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv(browser.REQUIRE, raising=False)
    assert browser.find() is None
    with pytest.raises(pytest.skip.Exception, match="no Chromium on PATH .*chromium, chromium-browser, google-chrome"):
        browser.chromium()


def test_no_browser_fails_when_required(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv(browser.REQUIRE, "1")
    with pytest.raises(pytest.fail.Exception, match="FACTLINT_REQUIRE_BROWSER is set but no Chromium on PATH"):
        browser.chromium()


def test_browser_found_on_path(monkeypatch, tmp_path):
    fake = tmp_path / "chromium-browser"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert browser.chromium() == str(fake)


@pytest.mark.slow
@pytest.mark.parametrize("required", [False, True])
def test_html_report_tests_without_chromium(tmp_path, required):
    """The real browser tests, run by pytest with a PATH that has no browser."""
    env = {k: v for k, v in os.environ.items() if k != browser.REQUIRE}
    env.update(PATH=str(tmp_path), HOME=str(tmp_path))
    if required:
        env[browser.REQUIRE] = "1"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-rs",
            "-p",
            "no:cacheprovider",
            str(TESTS / "test_html_report.py"),
            "-k",
            "survives_rendering",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if required:
        assert proc.returncode == 1, proc.stdout[-2000:]
        assert "1 failed" in proc.stdout and "FACTLINT_REQUIRE_BROWSER is set" in proc.stdout
    else:
        assert proc.returncode == 0, proc.stdout[-2000:]
        assert "1 skipped" in proc.stdout and "no Chromium on PATH" in proc.stdout
