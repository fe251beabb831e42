"""Speed of the paper-level cluster bootstrap: 2,000 resamples on 10,000 points.

    .venv/bin/python benchmarks/bench_bootstrap.py [--points N] [--papers G] [--resamples B] [--repeat R]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from claimset.analysis.fits import fit_power_law


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--points", type=int, default=10_000)
    ap.add_argument("--papers", type=int, default=2_000)
    ap.add_argument("--resamples", type=int, default=2_000)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    rng = np.random.default_rng(0)
    x = 10 ** rng.uniform(0, 4, a.points)
    y = 3 * x ** 0.5 * rng.lognormal(0, 0.3, a.points)
    groups = rng.integers(0, a.papers, a.points)
    times = []
    for i in range(a.repeat):
        t = time.perf_counter()
        fit = fit_power_law(x, y, groups=groups, n_boot=a.resamples, seed=i)
        times.append(time.perf_counter() - t)
    print(f"fit_power_law with a {a.resamples}-resample paper-level cluster bootstrap on {a.points} points "
          f"({fit.n_groups} papers): median {statistics.median(times):.3f}s, min {min(times):.3f}s over {a.repeat} runs")
    print(f"  b = {fit.params['b']:.4f}, 95% CI [{fit.ci['b'][0]:.4f}, {fit.ci['b'][1]:.4f}]")


if __name__ == "__main__":
    main()
