"""Extraction speed and memory: papers per second and peak RSS, for the library and the whole CLI job.

    .venv/bin/python benchmarks/bench_extract.py [--repeat N] [--scale K]

``--scale K`` replicates the Epoch corpus K times (ids made unique) as a JSON Lines file, to see how
a larger run behaves. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from claimset.corpus import read_corpus
from claimset.extract import RuleExtractor

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "datasets" / "corpus"
EPOCH = ROOT.parent / "shared" / "external" / "epoch-ai-models" / "all_ml_systems.csv"


def time_extract(papers, repeat: int) -> tuple[float, int]:
    ex = RuleExtractor()
    ex.extract(papers[0])  # compile the specs once, outside the timing
    times = []
    n_claims = 0
    for _ in range(repeat):
        t = time.perf_counter()
        n_claims = sum(len(ex.extract(p)) for p in papers)
        times.append(time.perf_counter() - t)
    return statistics.median(times), n_claims


def cli_run(inputs: list[str], out: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of a whole `claimset extract` child process."""
    exe = Path(sys.executable).with_name("claimset")
    t = time.perf_counter()
    subprocess.run([str(exe), "extract", *inputs, "--out", str(out), "--no-progress"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, peak_kb / 1024


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--scale", type=int, default=10, help="replicate the Epoch corpus this many times for the CLI run")
    args = ap.parse_args()

    corpora = [("bundled seeds", [SEEDS])]
    if EPOCH.is_file():
        corpora.append(("Epoch AI CSV", [EPOCH]))
    print(f"{'corpus':<16}{'papers':>8}{'claims':>8}{'seconds':>10}{'papers/s':>10}")
    for name, inputs in corpora:
        papers = read_corpus(inputs).papers
        secs, n_claims = time_extract(papers, args.repeat)
        print(f"{name:<16}{len(papers):>8}{n_claims:>8}{secs:>10.3f}{len(papers) / secs:>10.0f}")

    if EPOCH.is_file() and args.scale > 0:
        papers = read_corpus([EPOCH]).papers
        with tempfile.TemporaryDirectory() as tmp:
            big = Path(tmp) / "big.jsonl"
            with big.open("w", encoding="utf-8") as fh:
                for k in range(args.scale):
                    for p in papers:
                        fh.write(json.dumps({"id": f"{p.paper_id}-{k}", "title": f"{p.title} [{k}]",
                                             "abstract": p.abstract}) + "\n")
            n = len(papers) * args.scale
            wall, peak = cli_run([str(big)], Path(tmp) / "out")
            print(f"\nCLI `claimset extract` on {n} papers (Epoch x{args.scale}, JSON Lines): "
                  f"{wall:.1f}s wall, {n / wall:.0f} papers/s end to end, peak RSS {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
