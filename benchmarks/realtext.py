"""factlint on real text nobody here wrote: the labelled development sets and the BBC corpus.

    python benchmarks/realtext.py [--shared DIR] [--no-bbc]

Runs each set's own scorer (`labels/<set>/score.py --cmd …`, which also prints its baseline) with
this interpreter's factlint (for the scraped set also the article lines flagged per language and
the boilerplate false alarms on the truncation set's complete bodies), then counts factlint's
findings on the BBC corpus by rule and level: the corpus is clean published news, so boilerplate and truncation findings there are false
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


def lint_json(target: Path, select: str) -> list[dict] | None:
    argv = [
        sys.executable,
        "-m",
        "factlint",
        "check",
        "--format",
        "json",
        "--no-cache",
        "--select",
        select,
        str(target),
    ]
    proc = subprocess.run(argv, text=True, capture_output=True)
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError:
        print(f"factlint on {target} did not print JSON (exit {proc.returncode}): {proc.stderr.strip()[-500:]}")
        return None
    return data["findings"] if isinstance(data, dict) else data


def covered(finding: dict) -> range:
    """The lines a finding covers (an end at column 1 does not cover its end line, as in score.py)."""
    last = finding.get("end_line") or finding["line"]
    if last > finding["line"] and (finding.get("end_column") or 2) <= 1:
        last -= 1
    return range(finding["line"], last + 1)


def scraped_details(folder: Path) -> int:
    """What the scorer does not print: article lines flagged per language and by where their gold
    label came from (`with`: a line holding an annotator's must-keep string; `container`: any
    other line of the article's DOM container, where the README finds most label noise), and the
    boilerplate findings on the truncation set's bodies (article lines only, so each one is a
    false alarm unless its gold label is wrong)."""
    manifest = folder / "manifest.jsonl"
    if not manifest.is_file():
        return 0
    pages_meta = {m["id"]: m for m in map(json.loads, manifest.read_text(encoding="utf-8").splitlines()) if m}
    pages = lint_json(folder / "pages", "Boilerplate")
    trunc = lint_json(folder / "trunc", "Boilerplate")
    if pages is None or trunc is None:
        return 1
    flagged: dict[str, set[int]] = collections.defaultdict(set)
    for f in pages:
        flagged[Path(f["path"]).stem].update(covered(f))
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    by_why: collections.Counter = collections.Counter()
    for pid, meta in pages_meta.items():
        text = (folder / "pages" / f"{pid}.txt").read_text(encoding="utf-8").split("\n")
        labels = (folder / "pages" / f"{pid}.labels").read_text(encoding="utf-8").split()
        numbers = [n for n, line in enumerate(text, 1) if line.strip()]
        whys = meta.get("why") or [""] * len(numbers)
        for n, label, why in zip(numbers, labels, whys):
            if label == "article":
                hit = n in flagged[pid]
                counts[meta["lang"]]["flagged" if hit else "kept"] += 1
                by_why[(why == "with", hit)] += 1
    print("  article lines flagged by language:")
    for lang, c in sorted(counts.items(), key=lambda kv: -sum(kv[1].values())):
        total = c["flagged"] + c["kept"]
        print(f"    {lang:3s} {c['flagged']:5d} / {total:5d} = {c['flagged'] / total:.3f}")
    for anchored, name in ((True, "with"), (False, "container")):
        hit, total = by_why[(anchored, True)], by_why[(anchored, True)] + by_why[(anchored, False)]
        print(f"  article lines flagged, gold from {name + ':':10s} {hit:5d} / {total:5d} = {hit / max(total, 1):.3f}")
    full = [f for f in trunc if f["path"].endswith(".full.txt")]
    lines = sum(len(covered(f)) for f in full)
    cut = len(trunc) - len(full)
    print(f"  boilerplate findings on trunc/*.full.txt: {len(full)} ({lines} lines); on trunc/*.cut.txt: {cut}")
    return 0


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
            if name == "scraped":
                status |= scraped_details(folder)
        else:
            print(f"{name}: not found under {shared / 'labels'}, skipped")
    if not args.no_bbc:
        status |= bbc_counts(shared / "corpus" / "bbc")
    return 1 if status else 0


if __name__ == "__main__":
    sys.exit(main())
