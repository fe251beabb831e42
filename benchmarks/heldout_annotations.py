"""Recall and precision outside both dev sets: papers annotated in full, by hand, before any rule was
fitted to them (the audits in ``benchmarks/audit/`` judge only the claims claimset made, so they
measure precision alone).

Each file is a random sample of papers in neither ``dev.jsonl`` nor ``epoch_dev.jsonl``, annotated
with every claim by ``gold/GUIDELINES.md`` v4 in the gold files' format, without looking at what
claimset extracts from them. Its first score is the blind one; rules changed after it was scored
were checked on both dev sets, and every later score of that file is no longer blind.

The samples, their seeds and their blind scores are listed in ``benchmarks/audit/heldout.toml``
(data: one record per file). This script scores the current extractor on each file, beside the file's
blind score, and on all of them together (now, and each blind as first scored).

One annotator wrote all of them (a project developer, not the gold's annotators), so some boundary
calls may differ from the held-out gold (a subject where the sentence names none, a runtime as a
result).

    .venv/bin/python benchmarks/heldout_annotations.py
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from claimset.extract.engine import RuleExtractor
from claimset.scoring import evaluate

AUDIT = Path(__file__).resolve().parent / "audit"
SAMPLES = tomllib.loads((AUDIT / "heldout.toml").read_text(encoding="utf-8"))["sample"]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / max(1e-9, p + r)


def main() -> None:
    print(f"extractor {RuleExtractor().label}")
    tp = fp = fn = 0
    blind_tp = blind_fp = blind_n = 0
    for sample in SAMPLES:
        r = evaluate(AUDIT / sample["file"])
        m, b = r.micro, sample["blind"]
        tp, fp, fn = tp + m.tp, fp + m.fp, fn + m.fn
        found = round(b["recall"] * sample["claims"])  # (the blind counts, from the recorded P and R)
        blind_tp, blind_fp, blind_n = blind_tp + found, blind_fp + round(found / b["precision"] - found), blind_n + sample["claims"]
        fields = " ".join(f"{k} {v:.2f}" for k, v in r.field_overlap.items())
        print(f"{sample['file']:42s} papers {r.n_papers:3d}  blind F1 {b['f1']:.3f} ({sample['blind_rules']})  "
              f"now P {m.precision:.3f} R {m.recall:.3f} F1 {m.f1:.3f}  ({fields})")
    p, rc = tp / max(1, tp + fp), tp / max(1, tp + fn)
    print(f"{'all, now':42s} claims {tp + fn:4d}  P {p:.3f} R {rc:.3f} F1 {_f1(p, rc):.3f}")
    bp, br = blind_tp / max(1, blind_tp + blind_fp), blind_tp / max(1, blind_n)
    print(f"{'all, each blind':42s} claims {blind_n:4d}  P {bp:.3f} R {br:.3f} F1 {_f1(bp, br):.3f}")


if __name__ == "__main__":
    main()
