"""Precision of claimset on a corpus no one here wrote, by hand audit.

The audits, each judged by hand against ``gold/GUIDELINES.md`` (type, span and value right?):

- ``benchmarks/audit/epoch-sample-50.jsonl``: 50 claims drawn at random (polars ``sample(50,
  seed=2026)``) from ``datasets/claimset-epoch`` as extracted by rules/0.2.0 on 2026-11-22;
- ``benchmarks/audit/epoch-outside-dev-40.jsonl``: 40 claims drawn at random (``random.Random(20261201)``)
  from the claims of rules/0.3.0 on 2026-12-01 in Epoch papers that are *not* in either dev set: the
  nearest thing to a held-out measurement this project has (with each claim's confidence);
- ``benchmarks/audit/seeds-outside-dev-60.jsonl``: 60 claims drawn at random (``random.Random(20261202)``,
  after shuffling) from the claims of rules/0.3.2 on 2026-12-02 in the 67 seed papers with claims that
  are *not* in ``dev.jsonl`` (the "held-out seed papers");
- ``benchmarks/audit/epoch-outside-dev-60.jsonl``: 60 claims drawn at random (``random.Random(20261203)``,
  after sorting by claim id and shuffling) from the claims of rules/0.3.8 on 2026-12-02 in Epoch papers
  that are in neither dev set: a fresh sample, judged once, after the session's rule changes;
- ``benchmarks/audit/seeds-outside-dev-40.jsonl``: 40 claims drawn at random (``random.Random(20261204)``,
  ``sample`` over the claims in dataset order) from the claims of rules/0.3.11 on 2026-12-02 in seed
  papers that are not in ``dev.jsonl``: a fresh sample of the "held-out seed papers", judged once;
- ``benchmarks/audit/epoch-outside-dev-40b.jsonl``: 40 claims drawn at random (``random.Random(20261205)``,
  after sorting by claim id) from the claims of rules/0.3.13 on 2026-12-02 in Epoch papers in neither
  dev set, judged once, before the fixes it led to.

This script prints each audit's precision, and which audited claims the current extractor no longer
produces with the same type (a fix or a regression to look at) — it never re-judges anything itself.

    python benchmarks/audit_precision.py
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]


AUDITS = {"epoch-sample-50.jsonl": "claimset-epoch", "epoch-outside-dev-40.jsonl": "claimset-epoch",
          "seeds-outside-dev-60.jsonl": "claimset-seeds", "epoch-outside-dev-60.jsonl": "claimset-epoch",
          "seeds-outside-dev-40.jsonl": "claimset-seeds", "epoch-outside-dev-40b.jsonl": "claimset-epoch"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--audit", action="append", help="audit file(s) (default: all of them)")
    args = ap.parse_args()
    totals = [0, 0]
    for path in args.audit or [ROOT / "benchmarks" / "audit" / n for n in AUDITS]:
        path = Path(path)
        ok, n = report(path, ROOT / "datasets" / AUDITS.get(path.name, "claimset-epoch"))
        if "outside" in path.name:
            totals[0] += ok
            totals[1] += n
    if totals[1]:
        print(f"papers outside both dev sets (the 'outside-dev' audits): {totals[0]} of {totals[1]} correct "
              f"-> precision {totals[0] / totals[1]:.3f}")


def report(path: Path, dataset: Path) -> tuple[int, int]:
    audit = [json.loads(line) for line in path.open(encoding="utf-8")]
    print(f"{path.name}:")
    ok = sum(a["correct"] for a in audit)
    print(f"hand audit, {len(audit)} random claims of {dataset.name}: {ok} correct -> precision {ok / len(audit):.2f}")
    for a in audit:
        if not a["correct"]:
            print(f"  wrong  {a['claim_type']:<18} {a['number']!r:<10} {a['note']}")
    confident = [a for a in audit if a.get("confidence", 0) >= 0.8]
    if confident and "confidence" in audit[0]:
        good = sum(a["correct"] for a in confident)
        print(f"  confidence >= 0.8: {good} of {len(confident)} correct ({len(confident)} of {len(audit)} claims)")
    now = set(pl.read_parquet(dataset / "claims.parquet")["claim_id"].to_list())
    changed = [a for a in audit if a["claim_id"] not in now]
    print(f"audited claims the current dataset no longer has with the same type and span: {len(changed)}")
    for a in changed:
        print(f"  {'was wrong' if not a['correct'] else 'was RIGHT'}  {a['claim_type']:<18} {a['number']!r}")
    return ok, len(audit)


if __name__ == "__main__":
    main()
