"""Two factlint installs (say a release and a checkout) on the corpus folder, both cores, in
interleaved rounds: the median CPU time of each, and their ratio.

    python benchmarks/compare_installs.py OLD/bin/factlint NEW/bin/factlint [--rounds 3]

CPU time (user + system of the process), since this machine is shared; every run is
`check --no-cache -j 1` with its own cache folder in a temporary directory. An editable install
whose native extension is older than its checkout's Rust sources runs the Python core for both.
"""

import argparse
import os
import resource
import statistics
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path(
    os.environ.get("FACTLINT_SHARED")
    or next((p / "shared" for p in HERE.parents if (p / "shared" / "corpus").is_dir()), HERE.parent.parent / "shared")
)


def cpu_of(cmd: list[str], env: dict) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpus", default=str(SHARED / "corpus" / "bbc"))
    args = parser.parse_args()
    times: dict[tuple[str, str], list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.rounds + 1):  # the first round fills the caches kept between runs
            for name, exe in (("old", args.old), ("new", args.new)):
                for core in ("rust", "python"):
                    env = dict(os.environ, FACTLINT_CACHE_DIR=f"{tmp}/{name}", FACTLINT_CORE=core)
                    cmd = [exe, "check", "--no-cache", "-j", "1", args.corpus, "--format", "json-lines"]
                    times.setdefault((name, core), []).append(cpu_of(cmd, env))
    for (name, core), values in times.items():
        print(
            f"{name:4} core={core:7} median CPU {statistics.median(values[1:]):6.2f} s  {[round(v, 2) for v in values]}"
        )
    for core in ("rust", "python"):
        old, new = (statistics.median(times[(n, core)][1:]) for n in ("old", "new"))
        print(f"core={core}: old / new = {old / new:.2f}x")


if __name__ == "__main__":
    main()
