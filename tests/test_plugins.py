"""Third-party plugins through the real entry-point mechanism: a plugin adds a rule kind and a
pack; a broken plugin is reported on stderr and skipped while the run goes on."""

import json
import os
import subprocess
import sys

from conftest import factlint_script

PLUGIN = '''
"""A newsroom plugin: a 'forbidden-dateline' kind and a pack that uses it."""
import re
from pathlib import Path

import pluggy
from factlint.kinds.base import RuleKind

hookimpl = pluggy.HookimplMarker("factlint")


class Dateline(RuleKind):
    name = "forbidden-dateline"
    category = "style"
    keys = {"cities": (list, True, None)}

    def compile(self, ctx):
        self.regex = re.compile(r"^(%s)\\s*[-–—]" % "|".join(map(re.escape, self.option("cities"))), re.M)

    def check(self, doc, hits):
        for m in self.regex.finditer(doc.prose):
            yield self.finding(doc, m.start(1), m.end(1), (m.group(1),))


@hookimpl
def factlint_rule_kinds():
    return {"forbidden-dateline": Dateline}


@hookimpl
def factlint_rule_packs():
    return [Path(__file__).parent / "Newsroom"]
'''

RULE = """\
extends: forbidden-dateline
message: "Datelines are not used for %s."
level: error
cities: [LONDON, PARIS]
"""


def _install(site, name, module_source, module_name, pack=True):
    """Install a plugin the way pip would: a module plus a dist-info with entry points."""
    (site / f"{module_name}.py").write_text(module_source, encoding="utf-8")
    info = site / f"{name}-1.2.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.2.3\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[factlint]\n{name} = {module_name}\n", encoding="utf-8")
    if pack:
        (site / "Newsroom").mkdir()
        (site / "Newsroom" / "Datelines.yml").write_text(RULE, encoding="utf-8")


def _run(site, *args, cwd):
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run([factlint_script(), *args], capture_output=True, text=True, env=env, cwd=cwd)


def test_third_party_kind_and_pack(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    _install(site, "factlint-newsroom", PLUGIN, "factlint_newsroom")
    article = tmp_path / "a.txt"
    article.write_text(
        "LONDON - The talks ended on Monday.\n\nBoth Armenians and Asherites took part.\n", encoding="utf-8"
    )
    proc = _run(site, "check", "--format", "json", str(article), cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    rules = {(f["rule"], f["match"], f["category"]) for f in json.loads(proc.stdout)}
    assert ("Newsroom.Datelines", "LONDON", "style") in rules
    assert ("Names.Transcriptions", "Asherites", "transcription") in rules  # built-ins still on
    listing = _run(site, "plugins", cwd=tmp_path).stdout
    assert "factlint-newsroom 1.2.3: rule_kinds, rule_packs" in listing
    assert "forbidden-dateline" in listing


def test_broken_plugin_is_reported_and_skipped(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    _install(site, "factlint-broken", "import does_not_exist\n", "factlint_broken", pack=False)
    article = tmp_path / "a.txt"
    article.write_text("Both Armenians and Asherites took part.\n", encoding="utf-8")
    proc = _run(site, "check", str(article), cwd=tmp_path)
    assert proc.returncode == 1  # the run went on and found the built-in finding
    assert "Names.Transcriptions" in proc.stdout
    assert "plugin 'factlint-broken' failed to load and was skipped (ModuleNotFoundError" in proc.stderr
    assert "Traceback" not in proc.stderr


DEFAULTS_PLUGIN = """
import pluggy

hookimpl = pluggy.HookimplMarker("factlint")


@hookimpl
def factlint_default_config():
    return {"fail-level": "error"}
"""


def test_plugin_default_config_applies_and_a_config_file_wins(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    _install(site, "factlint-lenient", DEFAULTS_PLUGIN, "factlint_lenient", pack=False)
    work = tmp_path / "work"
    work.mkdir()
    article = work / "a.txt"
    article.write_text("Hundreds have been killed in the fighting.\n", encoding="utf-8")  # a warning only
    proc = _run(site, "check", str(article), cwd=work)
    assert "warning Attribution.Unattributed" in proc.stdout
    assert proc.returncode == 0, proc.stdout + proc.stderr  # the plugin's fail-level: error
    (work / ".factlint.yaml").write_text("fail-level: warning\n", encoding="utf-8")
    assert _run(site, "check", str(article), cwd=work).returncode == 1  # the file overrides it


def test_a_run_plugin_filters_findings_through_the_run_hooks(tmp_path, capsys):
    """A third-party run feature, built as --baseline is: factlint_configure registers a per-run
    plugin that adds a filter once every result is in; it is gone after the run."""
    import json

    from conftest import SEED

    from factlint.config import Config
    from factlint.plugin import hookimpl
    from factlint.run import RunOptions, run

    seen = []

    class DropAttribution:
        def keep(self, source, findings):
            return [f for f in findings if f.category != "attribution"]

    class PerRun:
        def __init__(self, current):
            current.needs_all = True

        @hookimpl
        def factlint_collect_results(self, run, results):
            seen.append(len(results))
            run.filters.append(DropAttribution())

    class Feature:
        @hookimpl
        def factlint_configure(self, run):
            run.register(PerRun(run))

    config = Config()
    config.plugins = [Feature()]
    code = run([str(SEED)], config, RunOptions(fmt="json", cache=False))
    rules = {f["rule"] for f in json.loads(capsys.readouterr().out)}
    assert code == 1 and seen == [1]
    assert "Names.Transcriptions" in rules and not any(r.startswith("Attribution.") for r in rules)
    run([str(SEED)], Config(), RunOptions(fmt="json", cache=False))  # the shared host: no leftover
    assert any(f["rule"].startswith("Attribution.") for f in json.loads(capsys.readouterr().out))


# -- the cached plugin scan (plugin/host.py entry_points) -----------------------------------------


def _counting_scans(monkeypatch, tmp_path, first_folder):
    """entry_points() with its cache under tmp_path and `first_folder` as sys.path[0] (the working
    directory of `python -m factlint`); the list of the scans it made."""
    from factlint.plugin import host

    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("FACTLINT_NO_CACHE", raising=False)
    monkeypatch.setattr(sys, "path", [str(first_folder), *sys.path[1:]])
    scans = []
    real = host._scan_entry_points
    monkeypatch.setattr(host, "_scan_entry_points", lambda: scans.append(1) or real())
    return host, scans


def test_plugin_scan_is_not_redone_when_the_working_directory_changes(monkeypatch, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    host, scans = _counting_scans(monkeypatch, tmp_path, work)
    first = host.entry_points()
    assert ("builtin", "factlint.builtin", host.__version__) in first and len(scans) == 1
    (work / "article.txt").write_text("An editor saved a file here.\n", encoding="utf-8")
    (work / "notes").mkdir()
    assert host.entry_points() == first and len(scans) == 1  # the cached list still holds
    (work / "factlint_newsroom-1.2.3.dist-info").mkdir()  # a distribution installed there
    host.entry_points()
    assert len(scans) == 2
    assert len(list((tmp_path / "cache").glob("plugins-*.txt"))) == 2


def test_a_crowded_first_folder_is_stamped_by_its_time(monkeypatch, tmp_path):
    from factlint.plugin import host

    monkeypatch.setattr(host, "FIRST_FOLDER_LIMIT", 3)
    for n in range(5):
        (tmp_path / f"f{n}.txt").write_text("x", encoding="utf-8")
    assert host._stamp(str(tmp_path), first=True) == str(os.stat(tmp_path).st_mtime_ns)
    monkeypatch.setattr(host, "FIRST_FOLDER_LIMIT", 10)
    assert host._stamp(str(tmp_path), first=True) == "dists:"
    assert host._stamp(str(tmp_path / "no-such-folder"), first=True) == "-"


def test_old_plugin_lists_are_pruned(monkeypatch, tmp_path):
    host, scans = _counting_scans(monkeypatch, tmp_path, tmp_path)
    cache = tmp_path / "cache"
    cache.mkdir()
    for n in range(12):  # lists other environments left, oldest first
        old = cache / f"plugins-{n:032d}.txt"
        old.write_text("builtin\tfactlint.builtin\t0.1\n", encoding="utf-8")
        os.utime(old, (1_000_000 + n, 1_000_000 + n))
    host.entry_points()
    kept = sorted(p.name for p in cache.glob("plugins-*.txt"))
    assert len(kept) == host.KEEP_PLUGIN_LISTS and len(scans) == 1
    assert f"plugins-{11:032d}.txt" in kept and f"plugins-{0:032d}.txt" not in kept
