"""Issue 12, item 10: plugins abort nothing without being named. Through the real entry-point
mechanism and `--jobs 2` (the rules run in worker processes): a rule kind whose check() raises on
one file, returns a finding with an unknown level or something that is not a finding; a worker
that dies; plugin hooks that return the wrong type."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest
from conftest import factlint_script

FRAGILE = '''
import os
import signal
from pathlib import Path

import pluggy
from factlint.kinds.base import RuleKind

hookimpl = pluggy.HookimplMarker("factlint")


class Fragile(RuleKind):
    """Finds "Armenians"; fails on documents that say BOOM, LEVEL, WRONG, EXIT or KILL."""

    name = "fragile"
    category = "style"

    def check(self, doc, hits):
        if "BOOM" in doc.text:
            raise RuntimeError("cannot cope with BOOM")
        if "EXIT" in doc.text:
            os._exit(3)
        if "KILL" in doc.text:
            os.kill(os.getpid(), signal.SIGKILL)
        at = doc.text.find("Armenians")
        if at >= 0:
            f = self.finding(doc, at, at + len("Armenians"))
            if "LEVEL" in doc.text:
                f.severity = "fatal"
            yield f
        if "WRONG" in doc.text:
            yield "not a finding"


@hookimpl
def factlint_rule_kinds():
    return {"fragile": Fragile}


@hookimpl
def factlint_rule_packs():
    return [Path(__file__).parent / "Fragile"]
'''

LINE = "Both Armenians and Asherites have suffered.\n"


def _install(site: Path, name: str, source: str, pack: bool = False) -> None:
    """A plugin as pip installs it: a module and a dist-info with its entry point."""
    module = name.replace("-", "_")
    site.mkdir(exist_ok=True)
    (site / f"{module}.py").write_text(source, encoding="utf-8")
    info = site / f"{module}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[factlint]\n{name} = {module}\n", encoding="utf-8")
    if pack:
        (site / "Fragile").mkdir()
        (site / "Fragile" / "Rule.yml").write_text(
            'extends: fragile\nmessage: "Fragile saw it."\nlevel: warning\n', encoding="utf-8"
        )


def _run(site: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(site), "FACTLINT_NO_CACHE": "1"}
    return subprocess.run([factlint_script(), *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=300)


def _docs(tmp_path: Path, special: dict[int, str]) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(60):  # more than one batch per worker
        (docs / f"{i:02}.txt").write_text(f"{special.get(i, 'Text')} {i}. {LINE}" * 40, encoding="utf-8")
    return docs


def test_a_failing_rule_under_jobs_2_is_named_and_the_rest_printed(tmp_path):
    site = tmp_path / "site"
    _install(site, "factlint-fragile", FRAGILE, pack=True)
    _docs(tmp_path, {10: "BOOM", 20: "LEVEL", 30: "WRONG"})
    proc = _run(site, "check", "--jobs", "2", "docs", cwd=tmp_path)
    serial = _run(site, "check", "--jobs", "1", "docs", cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (serial.returncode, serial.stdout)  # in input order, all of it
    assert proc.returncode == 1 and proc.stderr == ""  # factlint.RuleFailed is an error-level finding
    failed = [line for line in proc.stdout.splitlines() if "factlint.RuleFailed" in line]
    assert failed == [
        "docs/10.txt:1:1: error factlint.RuleFailed Rule Fragile.Rule failed on this document and was skipped: "
        "RuntimeError: cannot cope with BOOM",
        "docs/20.txt:1:1: error factlint.RuleFailed Rule Fragile.Rule failed on this document and was skipped: "
        "a finding with the unknown level 'fatal'",
        "docs/30.txt:1:1: error factlint.RuleFailed Rule Fragile.Rule failed on this document and was skipped: "
        "it returned str, not a Finding",
    ]
    found = json.loads(_run(site, "check", "--jobs", "2", "--format", "json", "docs", cwd=tmp_path).stdout)
    by_rule: dict[str, set] = {}
    for f in found:
        by_rule.setdefault(f["rule"], set()).add(f["path"])
    assert len(by_rule["Names.Transcriptions"]) == 60  # every file, the failing ones too
    assert len(by_rule["Fragile.Rule"]) == 57  # the plugin's rule, on every file it did not fail on
    assert "docs/10.txt" not in by_rule["Fragile.Rule"]


@pytest.mark.parametrize(("marker", "how"), [("EXIT", "exit code 3"), ("KILL", "killed by signal 9")])
def test_a_worker_that_dies_stops_the_run_with_one_line(tmp_path, marker, how):
    """A rule that ends its process (a native crash, os._exit, the OOM killer): multiprocessing's
    pool replaced the worker and waited for its batch for ever; now the run stops, exit 2."""
    site = tmp_path / "site"
    _install(site, "factlint-fragile", FRAGILE, pack=True)
    _docs(tmp_path, {40: marker})
    started = time.monotonic()
    proc = _run(site, "check", "--jobs", "2", "docs", cwd=tmp_path)
    assert time.monotonic() - started < 60
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        f"factlint: a --jobs worker process ended unexpectedly ({how}; a plugin's rule?); run stopped"
    ]


@pytest.mark.parametrize(
    ("hook", "returns", "type_name"),
    [
        ("factlint_rule_kinds", "['fragile']", "list"),
        ("factlint_rule_packs", "'Fragile'", "str"),
        ("factlint_formatters", "[print]", "list"),
        ("factlint_default_config", "[('fail-level', 'error')]", "list"),
    ],
)
def test_a_hook_returning_the_wrong_type_is_named(tmp_path, hook, returns, type_name):
    source = f'import pluggy\n\n\n@pluggy.HookimplMarker("factlint")\ndef {hook}():\n    return {returns}\n'
    site = tmp_path / "site"
    _install(site, "factlint-wrong", source)
    (tmp_path / "a.txt").write_text(LINE, encoding="utf-8")
    expected = f"factlint: plugin 'factlint-wrong': {hook} returned {type_name}"
    commands = [["check", "a.txt"], ["check", "--jobs", "2", "a.txt"]]
    if hook != "factlint_formatters":  # `factlint rules` needs no formatter
        commands.append(["rules"])
    for command in commands:
        proc = _run(site, *command, cwd=tmp_path)
        assert proc.returncode == 2, (command, proc.stdout, proc.stderr)
        assert proc.stderr.splitlines() == [expected], command
