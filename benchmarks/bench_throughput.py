"""Whole-process throughput of `claimset extract`, against a bare scan, at several corpus sizes.

    .venv/bin/python benchmarks/bench_throughput.py                  # 10k abstracts, interleaved x3
    .venv/bin/python benchmarks/bench_throughput.py --sizes 1000 10000 100000 300000 --repeat 1
    .venv/bin/python benchmarks/bench_throughput.py --quantulum      # + quantulum3, in its own venv

Corpora are JSON Lines generated from Epoch AI's abstracts with unique ids and titles. Each
configuration runs as its own process; runs of different configurations are interleaved (so a busy
moment of this shared machine hits all of them), and the median is kept. Printed: abstracts/s, wall
seconds, peak RSS, and the ratios. Nothing is asserted.

The bare scan is what a user could write in ten lines: read the JSON Lines, one compiled regex for
numbers with units, rows to Parquet with pyarrow (and the same without the write).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EPOCH = ROOT.parent / "shared" / "external" / "epoch-ai-models" / "all_ml_systems.csv"
BIN = Path(sys.executable).parent
ARXIV_ABSTRACTS = 2_800_000

BARE = r'''
import json, re, sys
import pyarrow as pa, pyarrow.parquet as pq
NUM = re.compile(r"(\d+(?:\.\d+)?)\s?(x|×|%|B|M|K|billion|million|times|tokens|parameters)\b")
rows = {"paper_id": [], "start": [], "end": [], "text": []}
with open(sys.argv[1], encoding="utf-8") as fh:
    for line in fh:
        r = json.loads(line)
        for m in NUM.finditer(r["abstract"]):
            rows["paper_id"].append(r["id"]); rows["start"].append(m.start()); rows["end"].append(m.end())
            rows["text"].append(m.group(0))
if sys.argv[2] != "-":
    pq.write_table(pa.table(rows), sys.argv[2], compression="zstd")
'''

QUANTULUM = r'''
import json, sys
from quantulum3 import parser
n = 0
with open(sys.argv[1], encoding="utf-8") as fh:
    for line in fh:
        n += len(parser.parse(json.loads(line)["abstract"]))
'''


def make_corpus(n: int, folder: Path) -> Path:
    path = folder / f"epoch-{n}.jsonl"
    if path.exists():
        return path
    from claimset.corpus import read_corpus

    papers = read_corpus([EPOCH]).papers
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            p = papers[i % len(papers)]
            fh.write(json.dumps({"id": f"e{i}", "title": f"{p.title} [{i // len(papers)}]", "abstract": p.abstract}) + "\n")
    return path


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of a command run in a fresh launcher process."""
    launcher = ("import resource, subprocess, sys, time\n"
                "t = time.perf_counter(); r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
                "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, r.returncode)")
    out = subprocess.run([sys.executable, "-c", launcher, *cmd], capture_output=True, text=True, check=True).stdout.split()
    if out[2] != "0":
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return float(out[0]), float(out[1])


def configurations(corpus: Path, work: Path, jobs: list[int]) -> dict[str, list[str]]:
    out = {
        "bare scan (no write)": [sys.executable, "-c", BARE, str(corpus), "-"],
        "bare scan + Parquet": [sys.executable, "-c", BARE, str(corpus), str(work / "bare.parquet")],
    }
    for j in jobs:
        out[f"claimset --jobs {j}"] = [str(BIN / "claimset"), "extract", str(corpus), "--out", str(work / f"ds{j}"),
                                      "--no-progress", "--jobs", str(j)]
    return out


def quantulum_python(work: Path) -> str:
    venv = ROOT / "benchmarks" / ".venv-quantulum"
    py = venv / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", "quantulum3"], check=True)
    return str(py)


def startup() -> dict[str, float]:
    out = {}
    for name, cmd in (("claimset --help", [str(BIN / "claimset"), "--help"]),
                      ("claimset cite (one claim)", [str(BIN / "claimset"), "cite", _a_claim_id()])):
        out[name] = statistics.median(timed(cmd)[0] for _ in range(5))
    return out


def _a_claim_id() -> str:
    import pyarrow.parquet as pq

    return pq.read_table(ROOT / "datasets" / "claimset-seeds" / "claims.parquet", columns=["claim_id"]).column(0)[0].as_py()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--quantulum", action="store_true", help="also time quantulum3 (on 1,000 abstracts)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="claimset-bench-") as tmp:  # (a 300k run writes ~0.8 GB: not left behind)
        return _run(args, Path(tmp))


def _run(args: argparse.Namespace, work: Path) -> int:
    print(f"machine: {os.cpu_count()} cores; claimset jobs {args.jobs}; medians of {args.repeat} interleaved runs")
    for n in args.sizes:
        corpus = make_corpus(n, work)
        configs = configurations(corpus, work, args.jobs)
        results: dict[str, list[tuple[float, float]]] = {k: [] for k in configs}
        for _ in range(args.repeat):
            for name, cmd in configs.items():
                results[name].append(timed(cmd))
        print(f"\n{n:,} abstracts ({corpus.stat().st_size / 1e6:.1f} MB JSON Lines)")
        print(f"  {'run':<24}{'wall s':>9}{'abstracts/s':>13}{'peak RSS MB':>13}{'x bare+Parquet':>16}")
        bare = statistics.median(w for w, _ in results["bare scan + Parquet"])
        for name, runs in results.items():
            wall = statistics.median(w for w, _ in runs)
            rss = max(r for _, r in runs)
            print(f"  {name:<24}{wall:>9.2f}{n / wall:>13,.0f}{rss:>13.0f}{wall / bare:>16.1f}")
        best = min(statistics.median(w for w, _ in results[f"claimset --jobs {j}"]) for j in args.jobs)
        print(f"  whole arXiv ({ARXIV_ABSTRACTS:,} abstracts) at the best rate: {ARXIV_ABSTRACTS * best / n / 60:.0f} min")
    if args.quantulum:
        corpus = make_corpus(1000, work)
        q = timed([quantulum_python(work), "-c", QUANTULUM, str(corpus)])[0]
        c = timed(configurations(corpus, work, [1])["claimset --jobs 1"])[0]
        print(f"\nquantulum3 on 1,000 abstracts: {q:.1f} s ({1000 / q:,.0f}/s); claimset --jobs 1: {c:.1f} s "
              f"(quantulum3 takes {q / c:.1f}x claimset's time)")
    print()
    for name, secs in startup().items():
        print(f"start-up, {name}: {secs:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
