"""How the scraped set's boilerplate figures move with the line classifier's constants.

    python benchmarks/boilerplate_sweep.py                     # the constants as shipped
    python benchmarks/boilerplate_sweep.py '{"MERGE_SCORE": [2.0, 3.0], "LIST_RUN": [8, 12]}'

In one process, for each value (one constant changed at a time, from
factlint/kinds/boilerplate/classify.py): boilerplate F1 and the share of article lines flagged,
on all pages, English and non-English, scored as ../shared/labels/scraped/score.py scores them
(a line is flagged when a boilerplate finding covers it). This measured that no setting of the
constants brings article lines flagged under 5% on that set (issue 10's closing note).
"""

import collections
import glob
import json
import os
import sys
from pathlib import Path

import factlint.kinds.boilerplate.classify  # noqa: F401 - loaded, then read from sys.modules
from factlint.config import Config
from factlint.engine import Linter
from factlint.selection import split_selectors

# The module, not the package attribute of the same name (the classify function).
CLASSIFY = sys.modules["factlint.kinds.boilerplate.classify"]
HERE = Path(__file__).resolve().parent
SHARED = Path(
    os.environ.get("FACTLINT_SHARED")
    or next((p / "shared" for p in HERE.parents if (p / "shared" / "corpus").is_dir()), HERE.parent.parent / "shared")
)
DATA = SHARED / "labels" / "scraped"


def load_pages():
    with open(DATA / "manifest.jsonl", encoding="utf-8") as fh:
        langs = {m["id"]: m["lang"] for m in map(json.loads, fh)}
    pages = []
    for txt in sorted(glob.glob(str(DATA / "pages" / "*.txt"))):
        page = os.path.basename(txt)[:-4]
        with open(txt, encoding="utf-8") as fh:
            raw = fh.read()
        with open(txt[:-4] + ".labels", encoding="utf-8") as fh:
            labels = fh.read().split()
        lines = [no + 1 for no, t in enumerate(raw.split("\n")) if t.strip()]
        pages.append(("en" if langs.get(page) == "en" else "non-en", txt, raw, lines, labels))
    return pages


def score(linter, pages) -> str:
    counts = {group: collections.Counter() for group in ("all", "en", "non-en")}
    for group, path, raw, lines, labels in pages:
        flagged = set()
        for f in linter.lint_text(raw, path=path):
            if f.category == "boilerplate":
                last = f.end_line or f.line
                if last > f.line and (f.end_column or 2) <= 1:
                    last -= 1  # an exclusive end at the very start of a line
                flagged.update(range(f.line, last + 1))
        for no, gold in zip(lines, labels):
            hit, residue = no in flagged, gold == "boilerplate"
            outcome = "tp" if hit and residue else "fp" if hit else "fn" if residue else "tn"
            counts["all"][outcome] += 1
            counts[group][outcome] += 1
    out = []
    for group, c in counts.items():
        precision = c["tp"] / max(1, c["tp"] + c["fp"])
        recall = c["tp"] / max(1, c["tp"] + c["fn"])
        f1 = 2 * precision * recall / max(1e-9, precision + recall)
        out.append(f"{group}: F1={f1:.3f} flagged={c['fp'] / max(1, c['fp'] + c['tn']):.3f}")
    return "  ".join(out)


def main() -> None:
    os.environ.setdefault("FACTLINT_NO_CACHE", "1")
    config = Config()
    config.select = split_selectors(["boilerplate"])
    linter, pages = Linter(config), load_pages()
    print("as shipped ", score(linter, pages), flush=True)
    for name, values in json.loads(sys.argv[1] if len(sys.argv) > 1 else "{}").items():
        shipped = getattr(CLASSIFY, name)
        for value in values:
            setattr(CLASSIFY, name, value)
            print(f"{name}={value}", score(linter, pages), flush=True)
        setattr(CLASSIFY, name, shipped)


if __name__ == "__main__":
    main()
