"""Where one process spends its time on the news corpus, and what the C-level scans alone cost.

    python benchmarks/floor.py            # best of 3 passes over the corpus folder, in-process

Prints, for the 2,225 articles of ../shared/corpus/bbc: reading the files; the passes every
document needs before any rule logic runs (the Document and its lower-cased view, the word view
and the term automaton, the figure regex, the capitalised-token regex, sentence splitting); then
the whole lint, and each rule on its own. The passes are regex or automaton scans that run in C;
their sum is a floor for any pure-Python design that does this work, so it says how fast one
process can get before the rules themselves (see the closing note of issue 5). On the Rust core,
the time the whole lint spends inside the core's calls: what one process would still take if
every kind's Python around them cost nothing (see the closing note of issue 13).
"""

import argparse
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS_DIR = HERE.parent.parent / "shared" / "corpus" / "bbc"


def best_of(runs, fn, setup=None):
    """The best time of `fn(setup())` (setup untimed: fresh Documents, whose memos would
    otherwise answer the second pass)."""
    best = float("inf")
    for _ in range(runs):
        arg = setup() if setup else None
        start = time.perf_counter()
        fn(arg) if setup else fn()
        best = min(best, time.perf_counter() - start)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="Passes per figure; the best is shown [3].")
    args = parser.parse_args()

    from factlint import native
    from factlint.config import Config
    from factlint.document import Document
    from factlint.engine import Linter
    from factlint.kinds.names.base import _CAPITALISED
    from factlint.text.numbers import DIGIT_FIGURE as _DIGIT_FIGURE

    files = sorted(CORPUS_DIR.glob("*.txt"))
    size = sum(p.stat().st_size for p in files) / 1e6
    linter = Linter(Config())
    terms = linter.ruleset.terms
    terms.scan(Document("warm up"))
    print(f"{len(files)} articles, {size:.2f} MB; best of {args.runs}; {native.describe()}\n")

    rows = []

    def row(label, seconds, floor=False):
        rows.append((label, seconds, floor))
        print(f"  {label:<46} {seconds:6.3f} s {size / seconds:8.1f} MB/s{'   (floor)' if floor else ''}", flush=True)

    def read():
        return [(str(p), p.read_text(encoding="utf-8")) for p in files]

    row("read the files", best_of(args.runs, read))
    texts = read()

    def documents():
        return [Document(text, path=path) for path, text in texts]

    row("Document + lower-cased view", best_of(args.runs, lambda: [d.lower for d in documents()]), floor=True)
    docs = documents()
    for d in docs:
        _ = d.lower  # computed once here, so the passes below measure only themselves
    row(
        "word view + term scan",
        best_of(args.runs, lambda fresh: [terms.scan(d) for d in fresh], documents),
        floor=True,
    )
    row(
        "figure regex (attribution)",
        best_of(
            args.runs,
            lambda: [[(m.start(), m.end(), m.lastgroup) for m in _DIGIT_FIGURE.finditer(d.prose)] for d in docs],
        ),
        floor=True,
    )
    row(
        "capitalised-token regex (names)",
        best_of(args.runs, lambda: [_CAPITALISED.findall(d.prose) for d in docs]),
        floor=True,
    )
    figures = [[m.start() for m in _DIGIT_FIGURE.finditer(d.prose)] for d in docs]
    row(
        "sentences of the paragraphs with a figure",
        best_of(
            args.runs, lambda fresh: [[d.sentence_at(f) for f in figs] for d, figs in zip(fresh, figures)], documents
        ),
        floor=True,
    )
    floor = sum(s for _l, s, f in rows if f)
    print(f"  {'sum of the floor passes':<46} {floor:6.3f} s {size / floor:8.1f} MB/s\n")

    row("whole lint (all rules, engine)", best_of(args.runs, lambda: [linter.lint(d) for d in documents()]))
    if native.rust is not None:
        inside = min(_time_in_rust(native.rust, linter, documents()) for _ in range(args.runs))
        print(
            f"  {'  of which inside the Rust core':<46} {inside:6.3f} s {size / inside:8.1f} MB/s"
            "   (its calls alone, timed by sys.setprofile)"
        )
    hits = [terms.scan(d) for d in docs]
    print()
    for rule in linter.rules:  # a rule's first pass over a document pays for what it shares
        row(
            f"  {rule.id}",
            best_of(args.runs, lambda fresh, rule=rule: [list(rule.run(d, h)) for d, h in zip(fresh, hits)], documents),
        )


def _time_in_rust(rust, linter, docs):
    """Seconds spent inside the Rust core's functions and methods during a whole lint of `docs`
    (from each call to its return; the Python the core calls back, for a character's class, is
    counted in). The rest of the lint is Python: this is what the lint would cost if every kind's
    Python vanished and the Rust core stayed as it is."""
    import sys

    types = tuple(t for t in vars(rust).values() if isinstance(t, type))
    spent, started = [0.0], []

    def native(fn):  # a function of the extension module, or a method of one of its classes
        owner = getattr(fn, "__self__", None)
        return owner is rust or isinstance(owner, types)

    def profile(_frame, event, arg):
        if event == "c_call" and native(arg):
            started.append(time.perf_counter())
        elif event in ("c_return", "c_exception") and native(arg) and started:
            spent[0] += time.perf_counter() - started.pop()

    sys.setprofile(profile)
    try:
        for d in docs:
            linter.lint(d)
    finally:
        sys.setprofile(None)
    return spent[0]


if __name__ == "__main__":
    main()
