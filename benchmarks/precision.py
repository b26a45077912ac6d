"""Precision on real, clean news: run every shipped pack over the BBC corpus (professionally
edited copy, so nearly every error-level finding is a false positive) and print findings per
1,000 words and per 100 articles for each rule, then a random sample of findings per rule for
review.

    python benchmarks/precision.py [CORPUS_DIR] [--sample N] [--seed S] [--rule RULE_GLOB]
                                   [--category CATEGORY]

CORPUS_DIR defaults to ../shared/corpus/bbc (relative to the repository root). Nothing is written.
"""

import argparse
import random
import re
import sys
import time
from collections import Counter, defaultdict
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "bbc"))
    parser.add_argument("--sample", type=int, default=5, help="findings shown per rule")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rule", default="*", help="only rules matching this glob")
    parser.add_argument("--category", help="also print one sample of --sample findings drawn across this category")
    args = parser.parse_args()

    from factlint.config import Config
    from factlint.engine import Linter

    files = sorted(Path(args.corpus).glob("*.txt"))
    if not files:
        sys.exit(f"no .txt files in {args.corpus}")
    linter = Linter(Config())
    words = 0
    by_rule = defaultdict(list)
    level_of = {}
    start = time.perf_counter()
    texts = {}
    for path in files:
        text = texts[path.name] = path.read_text(encoding="utf-8")
        words += len(re.findall(r"\w+", text))
        for f in linter.lint_text(text, path=path.name):
            if fnmatch(f.rule, args.rule):
                by_rule[f.rule].append(f)
                level_of[(f.rule, f.severity)] = True
    elapsed = time.perf_counter() - start
    n = len(files)
    print(f"{n} articles, {words:,} words, {elapsed:.2f} s\n")
    print(f"{'rule':<32} {'level':<10} {'findings':>8} {'/1k words':>10} {'/100 art.':>10} {'articles':>8}")
    for rule in sorted(by_rule):
        for level, count in sorted(Counter(f.severity for f in by_rule[rule]).items()):
            arts = len({f.path for f in by_rule[rule] if f.severity == level})
            print(f"{rule:<32} {level:<10} {count:>8} {1000 * count / words:>10.3f} {100 * count / n:>10.2f} {arts:>8}")
    errors = Counter(f.category for fs in by_rule.values() for f in fs if f.severity == "error")
    print(
        "\nerror-level findings per 100 articles by category: "
        + (", ".join(f"{c} {100 * k / n:.2f}" for c, k in sorted(errors.items())) or "none")
    )
    rng = random.Random(args.seed)
    if args.category:
        pool = [f for fs in by_rule.values() for f in fs if f.category == args.category]
        pool.sort(key=lambda f: (f.path, f.start, f.rule))
        print(f"\n== category {args.category}: sample of {min(args.sample, len(pool))} of {len(pool)}")
        for n, f in enumerate(rng.sample(pool, min(args.sample, len(pool))), 1):
            print(
                f"  {n:>2}. {f.path}:{f.line}:{f.column} {f.rule} [{f.severity}] {f.match!r}\n      {_sentence(texts[f.path], f)}"
            )
        return
    for rule in sorted(by_rule):
        found = by_rule[rule]
        print(f"\n== {rule}: sample of {min(args.sample, len(found))} of {len(found)}")
        for f in rng.sample(found, min(args.sample, len(found))):
            context = _sentence(texts[f.path], f)
            print(f"  {f.path}:{f.line}:{f.column} [{f.severity}] {f.match!r}\n      {context}")


def _sentence(text, finding):
    """The sentence around a finding, for review."""
    from factlint.document import Document

    doc = Document(text)
    block, number = doc.sentence_at(finding.start)
    s_start, s_end = doc.block_sentences(block)[number]
    return " ".join(text[s_start:s_end].split())


if __name__ == "__main__":
    main()
