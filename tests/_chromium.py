"""Headless Chromium for the tests that render the HTML report.

The browser is looked up on PATH (chromium, chromium-browser, google-chrome). Without one the
tests skip, saying what is missing — unless FACTLINT_REQUIRE_BROWSER=1 (set by .ci/run), when a
missing browser fails them. Chromium runs with a throw-away profile and HOME in the test's
temporary folder, so it writes nothing to the user's home."""

import os
import shutil
import subprocess

import pytest

NAMES = ("chromium", "chromium-browser", "google-chrome")
REQUIRE = "FACTLINT_REQUIRE_BROWSER"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-crash-reporter",
    "--disable-breakpad",
]


def find():
    """The path of the first browser found on PATH, or None."""
    for name in NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def required():
    return os.environ.get(REQUIRE, "") not in ("", "0")


def chromium():
    """The browser's path; skips the test (fails it if REQUIRE is set) when there is none."""
    path = find()
    if path:
        return path
    reason = (
        f"no Chromium on PATH (looked for {', '.join(NAMES)}): install one (apt-get install chromium) "
        f"to render the HTML report, or set {REQUIRE}=1 to make this a failure"
    )
    if required():
        pytest.fail(f"{REQUIRE} is set but {reason.split(':')[0]}")
    pytest.skip(reason)


def run(*args, tmp_path, timeout=180):
    """Run the browser headless with `args`; returns the CompletedProcess."""
    exe = chromium()
    home = tmp_path / "chromium-home"
    home.mkdir(exist_ok=True)
    env = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_CACHE_HOME=str(home / ".cache"))
    cmd = [exe, *FLAGS, f"--user-data-dir={tmp_path / 'chromium-profile'}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
