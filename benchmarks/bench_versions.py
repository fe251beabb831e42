"""Extraction speed of several versions of the rules side by side, so a slow drift shows.

    .venv/bin/python benchmarks/bench_versions.py 845006b HEAD            # rules 0.3.22 against now
    .venv/bin/python benchmarks/bench_versions.py b6ea161 845006b HEAD --rounds 5

Each session compares its rules with the session before, and a change of 1-3% hides in this host's
noise; put side by side over many sessions, the changes add up. For each git ref this script checks
out a worktree (in a temporary folder, removed afterwards), then runs the library on Epoch AI's
1,473 abstracts in a fresh process per run, the refs interleaved round by round (so a busy moment of
the host hits all of them), and prints each ref's extractor label, claims, the median of its runs'
best-of-three abstracts/s, and its ratio to the last ref. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EPOCH = ROOT.parent / "shared" / "external" / "epoch-ai-models" / "all_ml_systems.csv"

ONE_RUN = r'''
import sys, time
from claimset.corpus import read_corpus
from claimset.extract import RuleExtractor
papers = read_corpus([sys.argv[1]]).papers
ex = RuleExtractor()
ex.extract(papers[0])
best, n = float("inf"), 0
for _ in range(3):
    t = time.perf_counter()
    n = sum(len(ex.extract(p)) for p in papers)
    best = min(best, time.perf_counter() - t)
print(ex.label, n, len(papers) / best)
'''


def _run(src: Path) -> tuple[str, int, float]:
    out = subprocess.run([sys.executable, "-c", ONE_RUN, str(EPOCH)], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(src)}).stdout.split()
    return out[0], int(out[1]), float(out[2])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("refs", nargs="+", help="git refs to compare (HEAD: the working tree as it is)")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds (a fresh process per ref per round)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="claimset-versions-") as tmp:
        srcs: dict[str, Path] = {}
        for ref in args.refs:
            if ref == "HEAD":
                srcs[ref] = ROOT / "src"
                continue
            tree = Path(tmp) / ref.replace("/", "_")
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), ref], check=True)
            srcs[ref] = tree / "src"
        try:
            rates: dict[str, list[float]] = {ref: [] for ref in args.refs}
            seen: dict[str, tuple[str, int]] = {}
            for _ in range(args.rounds):
                for ref in args.refs:
                    label, claims, rate = _run(srcs[ref])
                    rates[ref].append(rate)
                    seen[ref] = (label, claims)
        finally:
            for ref, src in srcs.items():
                if ref != "HEAD":
                    subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(src.parent)], check=False)
    last = statistics.median(rates[args.refs[-1]])
    print(f"{len(args.refs)} versions, {args.rounds} interleaved rounds, Epoch AI's abstracts in one process each run")
    print(f"  {'ref':10s} {'extractor':28s} {'claims':>7s} {'abstracts/s':>12s} {'vs last':>8s}")
    for ref in args.refs:
        label, claims = seen[ref]
        med = statistics.median(rates[ref])
        print(f"  {ref:10s} {label:28s} {claims:7d} {med:12,.0f} {med / last:8.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
