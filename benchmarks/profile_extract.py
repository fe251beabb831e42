"""Where extraction time goes: cProfile over Epoch AI's 1,473 abstracts, grouped by stage.

    .venv/bin/python benchmarks/profile_extract.py [--top 25]

Prints papers/s without the profiler, then the share of time per stage (text view, candidates,
exclusions and typing, trigger words, fields, validation) and the top functions by own time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

from claimset.corpus import read_corpus
from claimset.extract import RuleExtractor

ROOT = Path(__file__).resolve().parents[1]
EPOCH = ROOT.parent / "shared" / "external" / "epoch-ai-models" / "all_ml_systems.csv"
STAGES = {
    "text view": ("textview.py",),
    "candidates (numbers)": ("numbers.py",),
    "exclusions and typing": ("steps.py", "context.py"),
    "trigger words": ("triggers.py",),
    "fields": ("fields.py",),
    "sentences": ("sentences.py",),
    "validation (pydantic)": ("pydantic", "models.py"),
}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=20)
    args = ap.parse_args(argv)
    papers = read_corpus([EPOCH]).papers
    ex = RuleExtractor()
    ex.extract(papers[0])
    t = time.perf_counter()
    for p in papers:
        ex.extract(p)
    wall = time.perf_counter() - t
    print(f"{len(papers)} abstracts in {wall:.2f} s: {len(papers) / wall:,.0f} abstracts/s on one core (no profiler)")
    validation_share(ex, papers, wall)
    prof = cProfile.Profile()
    prof.runcall(lambda: [ex.extract(p) for p in papers])
    stats = pstats.Stats(prof)
    total = sum(v[2] for v in stats.stats.values())  # own time of every function
    by_stage = dict.fromkeys(STAGES, 0.0)
    for (filename, _, _), (_, _, tottime, _, callers) in stats.stats.items():
        for stage, marks in STAGES.items():
            if any(m in filename for m in marks):
                by_stage[stage] += tottime
                break
    print("\nown time by stage (regex calls are attributed to builtins, counted below as 'other'):")
    for stage, secs in sorted(by_stage.items(), key=lambda kv: -kv[1]):
        print(f"  {stage:<26}{100 * secs / total:5.1f}%")
    print(f"  {'other (regex engine, builtins)':<26}{100 * (total - sum(by_stage.values())) / total:5.1f}%\n")
    stats.sort_stats("tottime").print_stats(args.top)
    return 0


def validation_share(ex, papers, wall: float) -> None:
    """What the pydantic validation of each claim (the one check every extractor obeys: the number
    verbatim at its offsets, in its sentence) costs: every claim validated again, timed alone."""
    from claimset.models import Claim

    rows = [(c.model_dump(exclude={"claim_id"}), p.abstract) for p in papers for c in ex.extract(p)]
    t = time.perf_counter()
    for row, abstract in rows:
        Claim.model_validate(row, context={"abstract": abstract})
    secs = time.perf_counter() - t
    print(f"validating the {len(rows):,} claims alone: {secs * 1000:.0f} ms, {secs / len(rows) * 1e6:.1f} us a claim, "
          f"{100 * secs / wall:.1f}% of the extraction time above")


if __name__ == "__main__":
    sys.exit(main())
