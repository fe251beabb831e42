"""Precision of claimset on a corpus no one here wrote, by hand audit.

``benchmarks/audit/epoch-sample-50.jsonl`` holds 50 claims drawn at random (polars ``sample(50,
seed=2026)``) from ``datasets/claimset-epoch`` as extracted by rules/0.2.0 on 2026-11-22, each judged
by hand against ``gold/GUIDELINES.md`` (type and value right?). This script prints that precision,
and which audited claims the current extractor no longer produces with the same type (a fix or a
regression to look at) — it never re-judges anything itself.

    python benchmarks/audit_precision.py [--dataset datasets/claimset-epoch]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dataset", default=str(ROOT / "datasets" / "claimset-epoch"))
    ap.add_argument("--audit", default=str(ROOT / "benchmarks" / "audit" / "epoch-sample-50.jsonl"))
    args = ap.parse_args()
    audit = [json.loads(line) for line in Path(args.audit).open(encoding="utf-8")]
    ok = sum(a["correct"] for a in audit)
    print(f"hand audit, {len(audit)} random Epoch claims: {ok} correct -> precision {ok / len(audit):.2f}")
    for a in audit:
        if not a["correct"]:
            print(f"  wrong  {a['claim_type']:<18} {a['number']!r:<10} {a['note']}")
    now = set(pl.read_parquet(Path(args.dataset) / "claims.parquet")["claim_id"].to_list())
    changed = [a for a in audit if a["claim_id"] not in now]
    print(f"audited claims the current dataset no longer has with the same type and span: {len(changed)}")
    for a in changed:
        print(f"  {'was wrong' if not a['correct'] else 'was RIGHT'}  {a['claim_type']:<18} {a['number']!r}")


if __name__ == "__main__":
    main()
