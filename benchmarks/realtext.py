"""factlint on real text nobody here wrote: the labelled development sets and the BBC corpus.

    python benchmarks/realtext.py [--shared DIR] [--no-bbc]

Runs each set's own scorer (`labels/<set>/score.py --cmd …`, which also prints its baseline) with
this interpreter's factlint, then counts factlint's findings on the BBC corpus by rule and level:
the corpus is clean published news, so boilerplate and truncation findings there are false
alarms unless a reader judges otherwise. `--shared` defaults to the `shared` folder beside the
checkout (or beside one of its parents).
"""

from __future__ import annotations

import argparse
import collections
import json
import shlex
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = ("scraped", "attribution")
BBC_RULE_PACKS = ("Boilerplate", "Truncation")


def default_shared() -> Path:
    for parent in HERE.parents:
        candidate = parent / "shared"
        if (candidate / "labels").is_dir():
            return candidate
    return HERE.parent.parent / "shared"


def factlint_cmd() -> str:
    return f"{shlex.quote(sys.executable)} -m factlint"


def run_scorer(folder: Path) -> int:
    script = folder / "score.py"
    if not script.is_file():
        print(f"{folder.name}: no score.py, skipped")
        return 0
    print(f"== {folder.name} ({script})", flush=True)
    proc = subprocess.run(
        [sys.executable, str(script), "--cmd", factlint_cmd()], cwd=folder, text=True, capture_output=True
    )
    print(proc.stdout.rstrip())
    if proc.returncode:
        print(f"{folder.name}: score.py exited {proc.returncode}: {proc.stderr.strip()[-500:]}")
    return proc.returncode


def bbc_counts(corpus: Path) -> int:
    if not corpus.is_dir():
        print(f"BBC corpus not found at {corpus}, skipped")
        return 0
    argv = [sys.executable, "-m", "factlint", "check", "--format", "json", "--no-cache", str(corpus)]
    start = time.perf_counter()
    proc = subprocess.run(argv, text=True, capture_output=True)
    elapsed = time.perf_counter() - start
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError:
        print(f"factlint on {corpus} did not print JSON (exit {proc.returncode}): {proc.stderr.strip()[-500:]}")
        return 1
    findings = data["findings"] if isinstance(data, dict) else data
    articles = sum(1 for p in corpus.iterdir() if p.is_file())
    counts = collections.Counter((f["rule"], f["severity"]) for f in findings)
    print(f"== BBC corpus: {articles} articles, {len(findings)} findings in {elapsed:.1f} s")
    for (rule, level), n in sorted(counts.items()):
        print(f"  {rule:32s} {level:10s} {n:5d}")
    alarms = [f for f in findings if f["rule"].split(".")[0] in BBC_RULE_PACKS]
    rate = 100 * len(alarms) / articles if articles else 0.0
    print(f"  boilerplate + truncation: {len(alarms)} ({rate:.2f} per 100 articles)")
    for f in alarms:
        text = " ".join(f["match"].split())
        print(f"    {Path(f['path']).name}:{f['line']}:{f['column']} {f['rule']}: {text[:90]}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=None, help="the shared data folder (labels/, corpus/)")
    ap.add_argument("--no-bbc", action="store_true", help="skip the BBC corpus count")
    args = ap.parse_args(argv)
    shared = (args.shared or default_shared()).resolve()
    if not (shared / "labels").is_dir():
        print(f"no labels/ under {shared}: pass --shared DIR", file=sys.stderr)
        return 2
    status = 0
    for name in SETS:
        folder = shared / "labels" / name
        if folder.is_dir():
            status |= run_scorer(folder)
        else:
            print(f"{name}: not found under {shared / 'labels'}, skipped")
    if not args.no_bbc:
        status |= bbc_counts(shared / "corpus" / "bbc")
    return 1 if status else 0


if __name__ == "__main__":
    sys.exit(main())
