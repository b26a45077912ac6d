"""A seeded review sample of attribution suggestions on the BBC corpus, outside the development
set's articles (so the review measures precision on text the rules were not tuned on).

    python benchmarks/attribution_sample.py [CORPUS] [--labels LABELS.jsonl] [-n 40] [--seed 2026]

Prints the corpus's attribution counts (suggestions per 1,000 words, warnings) and a Markdown
table of the sample with an empty verdict column, for an editor to fill in.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

from factlint.config import Config
from factlint.document import Document
from factlint.engine import Linter


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus", nargs="?", default=str(Path("/work/shared/corpus/bbc")))
    ap.add_argument("--labels", default="/work/shared/labels/attribution/labels.jsonl")
    ap.add_argument("-n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=2026)
    a = ap.parse_args(argv)
    corpus = Path(a.corpus)
    dev = set()
    if Path(a.labels).is_file():
        dev = {json.loads(line)["file"] for line in open(a.labels, encoding="utf-8")}
    config = Config()
    config.select = ["Attribution"]
    linter = Linter(config)
    words = 0
    suggestions, warnings = [], []
    for path in sorted(corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        words += len(re.findall(r"\S+", text))
        doc = Document(text, path=path.name)
        for f in linter.lint_text(text, path=path.name):
            block, number = doc.sentence_at(f.start)
            s_start, s_end = doc.block_sentences(block)[number]
            row = (path.name, f.line, f.rule.split(".")[1], f.match, doc.prose[s_start:s_end])
            (warnings if f.severity in ("warning", "error") else suggestions).append(row)
    print(
        f"{len(suggestions)} suggestions, {len(warnings)} warnings in {words:,} words: "
        f"{1000 * len(suggestions) / max(words, 1):.2f} suggestions per 1,000 words"
    )
    pool = [s for s in suggestions if s[0] not in dev]
    sample = random.Random(a.seed).sample(pool, min(a.n, len(pool)))
    print(
        f"\nSample of {len(sample)} from {len(pool)} suggestions outside the {len(dev)} development articles "
        f"(random.Random({a.seed}))\n"
    )
    print("| # | file:line | rule | figure | sentence | needs a source? |")
    print("| --- | --- | --- | --- | --- | --- |")
    for i, (name, line, rule, match, sentence) in enumerate(sample, 1):
        clean = " ".join(sentence.split()).replace("|", "/")
        print(f"| {i} | {name}:{line} | {rule} | {match.replace('|', '/')[:40]} | {clean} | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
