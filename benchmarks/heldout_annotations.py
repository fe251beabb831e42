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
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from claimset.extract.engine import RuleExtractor
from claimset.scoring import evaluate, reliability

AUDIT = Path(__file__).resolve().parent / "audit"
SAMPLES = tomllib.loads((AUDIT / "heldout.toml").read_text(encoding="utf-8"))["sample"]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / max(1e-9, p + r)


@dataclass
class _Sum:
    """Counts over several files: now (tp, fp, fn, field overlaps weighted by matches) and blind."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    matches: int = 0
    fields: dict[str, float] = field(default_factory=dict)
    blind_tp: int = 0
    blind_fp: int = 0
    blind_n: int = 0
    files: int = 0
    papers: int = 0
    blind_subject: float = 0.0  # (weighted by claims, over the files whose blind subject was recorded)
    subject_claims: int = 0

    def add(self, r, sample: dict) -> None:
        m = r.micro
        self.tp, self.fp, self.fn, self.files, self.papers = self.tp + m.tp, self.fp + m.fp, self.fn + m.fn, self.files + 1, self.papers + r.n_papers
        self.matches += r.n_matches
        for k, v in r.field_overlap.items():
            self.fields[k] = self.fields.get(k, 0.0) + v * r.n_matches
        self.add_blind(sample)

    def add_blind(self, sample: dict) -> None:
        """The sample's blind counts, from its recorded P and R (and subject overlap, where recorded)."""
        b = sample["blind"]
        found = round(b["recall"] * sample["claims"])
        self.blind_tp += found
        self.blind_fp += round(found / b["precision"] - found)
        self.blind_n += sample["claims"]
        if "subject" in b:
            self.blind_subject += b["subject"] * sample["claims"]
            self.subject_claims += sample["claims"]

    def line(self, name: str) -> str:
        p, rc = self.tp / max(1, self.tp + self.fp), self.tp / max(1, self.tp + self.fn)
        bp, br = self.blind_tp / max(1, self.blind_tp + self.blind_fp), self.blind_tp / max(1, self.blind_n)
        fields = " ".join(f"{k} {v / max(1, self.matches):.2f}" for k, v in self.fields.items())
        subject = f" subject {self.blind_subject / self.subject_claims:.2f}" if self.subject_claims else ""
        return (f"{name:42s} files {self.files:2d} papers {self.papers:4d} claims {self.blind_n:4d}  "
                f"blind P {bp:.3f} R {br:.3f} F1 {_f1(bp, br):.3f}{subject}  "
                f"now P {p:.3f} R {rc:.3f} F1 {_f1(p, rc):.3f}  ({fields})")


def blind_summary() -> dict:
    """The blind figures of all samples together, from the record (each file as first scored), for
    ``extractors/quality.json`` and the dataset card."""
    total = _Sum()
    for sample in SAMPLES:
        total.add_blind(sample)
        total.papers += sum(1 for line in (AUDIT / sample["file"]).open(encoding="utf-8") if line.strip())
    p, r = total.blind_tp / max(1, total.blind_tp + total.blind_fp), total.blind_tp / max(1, total.blind_n)
    return {"samples": len(SAMPLES), "papers": total.papers, "claims": total.blind_n, "precision": round(p, 3),
            "recall": round(r, 3), "f1": round(_f1(p, r), 3),
            "subject": round(total.blind_subject / max(1, total.subject_claims), 2),
            "how": "benchmarks/heldout_annotations.py"}


def main() -> None:
    print(f"extractor {RuleExtractor().label}")
    total, groups = _Sum(), defaultdict(_Sum)
    pairs: list[tuple[float, bool]] = []  # (confidence, right) of every claim extracted now
    for sample in SAMPLES:
        r = evaluate(AUDIT / sample["file"])
        pairs += [(c, ok) for c, ok in zip(r.confidences, r.right) if c is not None]
        m, b = r.micro, sample["blind"]
        total.add(r, sample)
        groups[sample["group"]].add(r, sample)
        fields = " ".join(f"{k} {v:.2f}" for k, v in r.field_overlap.items())
        print(f"{sample['file']:42s} papers {r.n_papers:3d}  blind F1 {b['f1']:.3f} ({sample['blind_rules']})  "
              f"now P {m.precision:.3f} R {m.recall:.3f} F1 {m.f1:.3f}  ({fields})")
    print("\nby group (blind: each file as first scored; now: the current rules, no longer blind)")
    for name, g in groups.items():
        print(g.line(name))
    print(total.line("all"))
    cal = reliability(pairs)
    print(f"confidence now: {cal['share_at_0.8']:.1%} of {len(pairs)} claims at >= 0.8, precision "
          f"{cal['precision_at_0.8']:.3f} there; ECE {cal['ece']:.3f}")


if __name__ == "__main__":
    main()
