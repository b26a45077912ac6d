"""The wheel built from the repository ships the rule packs and their knowledge bases."""

import importlib.util
import subprocess
import sys
import zipfile

import pytest
from conftest import ROOT


@pytest.mark.slow
def test_wheel_contains_rule_packs(tmp_path):
    # Offline: the test extra brings a setuptools that builds wheels by itself.
    assert importlib.util.find_spec("setuptools"), "pip install '.[test]' brings setuptools"
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "-q",
        "-w",
        str(tmp_path),
        str(ROOT),
    ]
    subprocess.run(cmd, check=True, capture_output=True, cwd=tmp_path)
    (wheel,) = tmp_path.glob("factlint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for rule in sorted(ROOT.glob("rules/*/*.yml")) + sorted(ROOT.glob("rules/*/data/*.yml")):
        assert "factlint/" + str(rule.relative_to(ROOT)) in names, rule
    assert "factlint/plugin/hookspecs.py" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[factlint]" in text and "builtin = factlint.builtin" in text
    assert "factlint = factlint.cli:main" in text


def test_every_package_is_listed_for_the_wheel():
    # The package list in pyproject.toml is explicit (rules/ ships as factlint.rules); a new
    # sub-package left out of it installs as a broken factlint that only an editable checkout hides.
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "factlint").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
