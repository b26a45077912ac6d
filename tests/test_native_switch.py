"""The core switch: an extension built from older Rust sources than the checkout's is not used."""

import os
import subprocess
import sys

import pytest

from factlint import native
from tests.conftest import ROOT


def _checkout(tmp_path, built_at, source_at):
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "rust" / "src").mkdir(parents=True)
    (tmp_path / "rust" / "Cargo.toml").write_text("")
    source = tmp_path / "rust" / "src" / "lib.rs"
    source.write_text("")
    extension = tmp_path / "factlint" / "_native.so"
    extension.parent.mkdir()
    extension.write_bytes(b"")
    os.utime(source, ns=(source_at, source_at))
    os.utime(tmp_path / "rust" / "Cargo.toml", ns=(0, 0))
    os.utime(extension, ns=(built_at, built_at))
    return str(extension)


def test_an_extension_older_than_its_sources_is_stale(tmp_path):
    assert native.stale_build(_checkout(tmp_path, built_at=10**18, source_at=2 * 10**18), str(tmp_path))


def test_an_extension_built_after_its_sources_is_used(tmp_path):
    assert not native.stale_build(_checkout(tmp_path, built_at=2 * 10**18, source_at=10**18), str(tmp_path))


def test_an_installed_package_has_no_sources_to_compare(tmp_path):
    # A wheel's site-packages holds no rust/ folder and no pyproject.toml beside the package.
    extension = tmp_path / "factlint" / "_native.so"
    extension.parent.mkdir()
    extension.write_bytes(b"")
    assert not native.stale_build(str(extension), str(tmp_path))


def test_a_stale_build_runs_the_python_core_and_says_so(tmp_path):
    if native.rust is None or native.CHECKOUT != str(ROOT):
        assert os.environ.get("FACTLINT_REQUIRE_NATIVE") != "1", native.describe()
        pytest.skip("no native extension built in this checkout")
    source = ROOT / "rust" / "src" / "lib.rs"
    before = source.stat()
    future = os.stat(native.rust.__file__).st_mtime_ns + 10**9
    os.utime(source, ns=(before.st_atime_ns, future))
    try:
        out = subprocess.run(
            [sys.executable, "-m", "factlint", "--version"], capture_output=True, text=True, cwd=tmp_path, check=True
        ).stdout
    finally:
        os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert "core: python (native extension older than rust/" in out
