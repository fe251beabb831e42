"""Fit the confidence table (``extractors/confidence.toml``) on the gold development sets.

For every claim the rules make on the gold abstracts, the engine records its evidence key (the step
that decided it; for trigger words their strength and margin; whether it is a list item). A claim is
*right* when it matches a gold claim (same paper and type, overlapping span; see
``gold/GUIDELINES.md``) with the right value. The probability of each key is its observed precision,
shrunk toward its parent key ("triggers:strong:clear" -> "triggers:strong" -> "triggers" -> all)
with a prior weight of PRIOR claims, so rare keys borrow from their family.

Honesty check printed beside the fit: fitted on one dev set, the expected calibration error and the
precision of claims at >= 0.8 on the *other* set.

    python benchmarks/calibrate_confidence.py            # print the check, and write the table
    python benchmarks/calibrate_confidence.py --dry-run  # print only
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from claimset.extract import RuleExtractor
from claimset.scoring import read_gold, right_predictions

ROOT = Path(__file__).resolve().parents[1]
GOLD = {name: ROOT.parent / "shared" / "gold" / f"{name}.jsonl" for name in ("dev", "epoch_dev")}
PRIOR = 5.0


def observations(path: Path) -> list[tuple[str, bool]]:
    """(evidence key, right?) for every claim the rules make on a gold file's abstracts."""
    papers, gold = read_gold(path)
    ex = RuleExtractor()
    pairs = [pc for p in papers for pc in ex.extract_with_evidence(p)]
    right = right_predictions(gold, [c for c, _ in pairs])
    return [(key, ok) for (_, key), ok in zip(pairs, right)]


def fit(obs: list[tuple[str, bool]]) -> tuple[float, dict[str, float]]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for key, ok in obs:
        parts = key.split(":")
        for i in range(1, len(parts) + 1):
            c = counts[":".join(parts[:i])]
            c[0] += 1
            c[1] += ok
    overall = (sum(ok for _, ok in obs) + 1) / (len(obs) + 2)
    table: dict[str, float] = {}
    for key in sorted(counts, key=lambda k: k.count(":")):
        parent = key.rpartition(":")[0]
        prior = table.get(parent, overall)
        n, right = counts[key]
        table[key] = round((right + PRIOR * prior) / (n + PRIOR), 3)
    return round(overall, 3), table


def predict(table: dict[str, float], default: float, key: str) -> float:
    while key:
        if key in table:
            return table[key]
        key = key.rpartition(":")[0]
    return default


def check(train: list[tuple[str, bool]], test: list[tuple[str, bool]]) -> dict[str, float]:
    default, table = fit(train)
    conf = [(predict(table, default, k), ok) for k, ok in test]
    from claimset.scoring import reliability

    rel = reliability(conf)
    return {"ece": rel["ece"], "precision_at_0.8": rel["precision_at_0.8"], "share_at_0.8": rel["share_at_0.8"]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args(argv)
    obs = {name: observations(path) for name, path in GOLD.items()}
    for train, test in (("dev", "epoch_dev"), ("epoch_dev", "dev")):
        r = check(obs[train], obs[test])
        print(f"fit on {train:<9} -> {test:<9}: ECE {r['ece']:.3f}; confidence >= 0.8: precision "
              f"{r['precision_at_0.8']:.3f} on {100 * r['share_at_0.8']:.0f}% of claims")
    default, table = fit(obs["dev"] + obs["epoch_dev"])
    lines = ["# Calibrated confidence per evidence key, fitted on the gold development sets by",
             "# benchmarks/calibrate_confidence.py (do not edit by hand: re-run it).",
             f"default = {default}", 'measured_on = ["gold/dev.jsonl", "gold/epoch_dev.jsonl"]', "", "[evidence]"]
    lines += [f'"{k}" = {v}' for k, v in sorted(table.items())]
    out = ROOT / "extractors" / "confidence.toml"
    if not args.dry_run:
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT)} ({len(table)} keys, default {default})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
