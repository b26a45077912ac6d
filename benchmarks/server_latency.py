"""Latency of `factlint server`: how long after a didChange the diagnostics arrive.

    python benchmarks/server_latency.py                 # 10 KB article, 40 edits, debounce 100 ms (the default)
    python benchmarks/server_latency.py --debounce 0 --edits 100

A real `python -m factlint server` subprocess over pipes (the client in tests/lsp_client.py).
The article is the seed followed by BBC texts (/work/shared/corpus/bbc) up to --size bytes. Each
edit flips one word ("Asherites" <-> "Azeris", so the findings change too; every text is new),
then waits for the publishDiagnostics of that version before the next edit. Printed: median and p90 from sending
the change to receiving the diagnostics, the same minus the configured debounce (the server's
own work plus the round trip), and the server's CPU time per edit (from /proc).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
from lsp_client import LspClient, file_uri  # noqa: E402

SEED = HERE.parent / "seeds" / "000_07ded2b3cf7a995f.txt"
CORPUS_CANDIDATES = (HERE.parent.parent / "shared" / "corpus" / "bbc", Path("/work/shared/corpus/bbc"))


def article(size, corpus):
    parts = [SEED.read_text(encoding="utf-8")]
    files = sorted(corpus.glob("*.txt")) if corpus and corpus.is_dir() else []
    for path in files:
        if sum(len(p.encode("utf-8")) + 2 for p in parts) >= size:
            break
        parts.append(path.read_text(encoding="utf-8").strip())
    text = "\n\n".join(parts)
    while len(text.encode("utf-8")) < size:  # no corpus: repeat the seed
        text += "\n\n" + parts[0]
    return text


def cpu_seconds(pid):
    """utime + stime of a process (Linux /proc), in seconds; None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=10_000, help="article size in bytes [10000]")
    ap.add_argument("--edits", type=int, default=40, help="number of didChange edits [40]")
    ap.add_argument("--debounce", type=int, default=100, help="server debounce in ms [100, the server's default]")
    ap.add_argument("--corpus", type=Path, default=next((c for c in CORPUS_CANDIDATES if c.is_dir()), None))
    args = ap.parse_args()

    text = article(args.size, args.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(text, encoding="utf-8")
        client = LspClient(cwd=Path(tmp), env={"FACTLINT_CACHE_DIR": os.path.join(tmp, "cache")})
        try:
            client.initialize(Path(tmp), options={"debounceMs": args.debounce})
            uri = file_uri(path)
            started = time.perf_counter()
            client.open(uri, text)
            first = client.diagnostics(uri, timeout=60)
            open_ms = (time.perf_counter() - started) * 1000
            latencies, counts = [], set()
            cpu_before = cpu_seconds(client.proc.pid)
            for version in range(2, args.edits + 2):
                text = (
                    text.replace("Asherites", "Azeris", 1)
                    if version % 2 == 0
                    else text.replace("Azeris", "Asherites", 1)
                )
                # ... and a different number of trailing spaces on the first line, so that no
                # text is ever linted twice (nothing can be served from a memo).
                head, sep, rest = text.partition("\n")
                text = head.rstrip(" ") + " " * version + sep + rest
                sent = time.perf_counter()
                client.change(uri, text, version)
                diags = client.diagnostics(uri, timeout=30, version=version)
                latencies.append((time.perf_counter() - sent) * 1000)
                counts.add(len(diags))
            cpu_after = cpu_seconds(client.proc.pid)
        finally:
            client.close()

    med, p90 = statistics.median(latencies), percentile(latencies, 90)
    print(
        f"article: {len(text.encode('utf-8'))} bytes, {len(text.splitlines())} lines; "
        f"{len(first)} diagnostics on open (first open, rules loaded: {open_ms:.0f} ms)"
    )
    print(f"edits: {len(latencies)}, diagnostics per version: {sorted(counts)}")
    print(f"change -> publishDiagnostics: median {med:.1f} ms, p90 {p90:.1f} ms, max {max(latencies):.1f} ms")
    print(f"configured debounce: {args.debounce} ms")
    print(
        f"minus the debounce (lint + round trip): median {med - args.debounce:.1f} ms, p90 {p90 - args.debounce:.1f} ms"
    )
    if cpu_before is not None and cpu_after is not None:
        print(f"server CPU time per edit: {(cpu_after - cpu_before) * 1000 / len(latencies):.1f} ms")


if __name__ == "__main__":
    main()
