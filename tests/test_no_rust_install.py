"""`pip install .` on a machine without a Rust toolchain (issue 13): the package still builds, with
no native extension, and the Python core it then runs on gives the native core's findings.

The wheel is built from a copy of the source with every folder that holds cargo or rustc taken
off PATH and Rust's variables cleared, without build isolation (no network: setuptools and
setuptools-rust come from the test extra), installed into a new venv and run from there."""

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, SHARED

RUST_VARIABLES = ("CARGO", "CARGO_HOME", "RUSTUP_HOME", "RUSTUP_TOOLCHAIN", "RUSTC", "RUSTC_WRAPPER", "RUSTFLAGS")


def without_rust(env):
    env = {k: v for k, v in env.items() if k not in RUST_VARIABLES}
    folders = env.get("PATH", "").split(os.pathsep)
    env["PATH"] = os.pathsep.join(
        f for f in folders if f and not any(shutil.which(tool, path=f) for tool in ("cargo", "rustc", "rustup"))
    )
    return env


def copy_source(dest):
    skip = shutil.ignore_patterns(".git", ".venv", "build", "dist", "target", "*.egg-info", "__pycache__", "*.so")
    for name in ("pyproject.toml", "setup.py", "README.md", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, dest / name)
    for folder in ("factlint", "rules", "rust"):
        shutil.copytree(ROOT / folder, dest / folder, ignore=skip)


def run_factlint(args, env, cwd, python=sys.executable):
    cmd = [str(python), "-m", "factlint", *args]
    return subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, timeout=600)


@pytest.mark.slow
def test_install_without_rust_toolchain_gives_identical_findings(tmp_path):
    import importlib.util

    assert importlib.util.find_spec("setuptools_rust"), "pip install '.[test]' brings setuptools-rust"
    env = without_rust(os.environ)
    assert shutil.which("cargo", path=env["PATH"]) is None and shutil.which("rustc", path=env["PATH"]) is None
    src, out = tmp_path / "src", tmp_path / "wheel"
    for folder in (src, out):
        folder.mkdir()
    copy_source(src)
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-v", "-w", str(out), str(src)]
    done = subprocess.run(build, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "build_rust" in done.stdout + done.stderr  # the optional extension was tried, and skipped
    (wheel,) = out.glob("factlint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert not [n for n in names if "_native" in n], "a native extension was built without a toolchain"
    assert "factlint/native.py" in names and any(n.startswith("factlint/rules/") for n in names)
    # Installed into a fresh venv (the wheel unpacked into its site-packages); the dependencies
    # come from this environment's site-packages through a path file, which does not run that
    # folder's own path files (the checkout's editable install stays out).
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, env=env)
    python = venv / "bin" / "python"
    site = Path(
        subprocess.check_output(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
        ).strip()
    )
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    zipfile.ZipFile(wheel).extractall(site)
    installed = {k: v for k, v in env.items() if k not in ("FACTLINT_CORE", "PYTHONPATH")}
    where = subprocess.run(
        [python, "-c", "import factlint, factlint.native as n; print(factlint.__file__); print(n.CORE)"],
        env=installed,
        cwd=tmp_path,  # not the checkout: its folder would come first on sys.path
        capture_output=True,
        text=True,
    )
    path, core = where.stdout.split()
    assert path.startswith(str(site)) and core == "python", where.stdout + where.stderr
    version = run_factlint(["--version"], installed, tmp_path, python).stdout.decode()
    assert "core: python (native extension not built)" in version

    files = sorted((SHARED / "corpus" / "bbc").glob("*.txt"))[::150]
    files.append(ROOT / "seeds" / "000_07ded2b3cf7a995f.txt")
    args = ["check", "--no-cache", "--jobs", "1", "--format", "json-lines", *map(str, files)]
    without = run_factlint(args, installed, tmp_path, python)
    assert without.returncode == 1, without.stderr.decode()
    native_env = {k: v for k, v in os.environ.items() if k != "FACTLINT_CORE"}
    native = run_factlint(args, native_env, ROOT)
    if os.environ.get("FACTLINT_REQUIRE_NATIVE") == "1":  # CI: the checkout's core is the Rust one
        assert "core: rust" in run_factlint(["--version"], native_env, ROOT).stdout.decode()
    assert without.stdout.count(b"\n") > 8 + 3  # the seed's 8, and findings in the articles
    assert without.stdout == native.stdout
