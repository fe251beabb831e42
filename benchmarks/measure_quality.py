"""Measure the rule extractor on both gold development sets and record the figures in
``extractors/quality.json`` (shipped with the extractor; the dataset report and card show them for
datasets made by the same extractor label), with the blind held-out figures of
``benchmarks/audit/heldout.toml`` (papers outside both dev sets, each sample as first scored).

    python benchmarks/measure_quality.py [--gold-dir ../shared/gold]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from claimset.extract.engine import RuleExtractor
from claimset.scoring import evaluate

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold-dir", type=Path, default=ROOT.parent / "shared" / "gold")
    args = ap.parse_args()
    sets = {}
    for name in ("dev.jsonl", "epoch_dev.jsonl"):
        r = evaluate(args.gold_dir / name)
        sets[name] = {"papers": r.n_papers, "precision": round(r.micro.precision, 3), "recall": round(r.micro.recall, 3),
                      "f1": round(r.micro.f1, 3), "value_errors": len(r.value_errors),
                      "field_overlap": {k: round(v, 3) for k, v in r.field_overlap.items()}}
        print(f"{name}: P {r.micro.precision:.3f} R {r.micro.recall:.3f} F1 {r.micro.f1:.3f}")
    from heldout_annotations import blind_summary  # (a script beside this one)

    held_out = blind_summary()
    print(f"held out, blind: P {held_out['precision']:.3f} R {held_out['recall']:.3f} F1 {held_out['f1']:.3f} "
          f"on {held_out['papers']} papers")
    out = {"extractor": RuleExtractor().label, "measured_on": sets,
           "how": "claimset evaluate --gold GOLD", "held_out_blind": held_out}
    (ROOT / "extractors" / "quality.json").write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {ROOT / 'extractors' / 'quality.json'}")


if __name__ == "__main__":
    main()
