"""Score factlint on the labelled evaluation set (tests/eval/labelled.yml).

Per category, an item counts as predicted when factlint reports at least one finding of that
category in it (at any level); it counts as labelled when the editor listed the category in
`expect`. Prints precision and recall per category, and the misses, when run as a script:

    python tests/eval/score.py [--show-errors]
"""

import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
CATEGORIES = ("date", "transcription", "attribution", "boilerplate", "truncation", "quality")


def load_items():
    return yaml.safe_load((HERE / "labelled.yml").read_text(encoding="utf-8"))["items"]


def score(linter, items=None):
    """{category: {"tp", "fp", "fn", "precision", "recall", "errors": [(kind, id, detail)]}}"""
    items = items if items is not None else load_items()
    table = {c: {"tp": 0, "fp": 0, "fn": 0, "errors": []} for c in CATEGORIES}
    for item in items:
        findings = linter.lint_text(item["text"], path=f"{item['id']}.txt")
        predicted = {f.category for f in findings}
        expected = set(item.get("expect") or ())
        for cat in CATEGORIES:
            row = table[cat]
            if cat in predicted and cat in expected:
                row["tp"] += 1
            elif cat in predicted:
                row["fp"] += 1
                row["errors"].append(("FP", item["id"], [(f.rule, f.match) for f in findings if f.category == cat]))
            elif cat in expected:
                row["fn"] += 1
                row["errors"].append(("FN", item["id"], item.get("match")))
    for row in table.values():
        row["precision"] = row["tp"] / (row["tp"] + row["fp"]) if row["tp"] + row["fp"] else 1.0
        row["recall"] = row["tp"] / (row["tp"] + row["fn"]) if row["tp"] + row["fn"] else 1.0
    return table


def render(table, show_errors=False):
    lines = [f"{'category':<14} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for cat, row in table.items():
        lines.append(
            f"{cat:<14} {row['precision']:>9.2f} {row['recall']:>7.2f} {row['tp']:>4} {row['fp']:>4} {row['fn']:>4}"
        )
        if show_errors:
            lines.extend(f"    {kind} {item}: {detail}" for kind, item, detail in row["errors"])
    return "\n".join(lines)


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parents[1]))
    from factlint.config import Config
    from factlint.engine import Linter

    print(render(score(Linter(Config())), show_errors="--show-errors" in sys.argv))
