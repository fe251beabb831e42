"""Recall and precision outside both dev sets: papers annotated in full, by hand, before any rule was
fitted to them (the audits in ``benchmarks/audit/`` judge only the claims claimset made, so they
measure precision alone).

Each file is a random sample of papers in neither ``dev.jsonl`` nor ``epoch_dev.jsonl``, annotated
with every claim by ``gold/GUIDELINES.md`` v4 in the gold files' format, without looking at what
claimset extracts from them. Its first score is the blind one; rules changed after it was scored
were checked on both dev sets, and every later score of that file is no longer blind.

- ``annotated-epoch-outside-dev-30.jsonl``: 30 Epoch AI papers (``random.Random(20261206)``), 53
  claims; blind at rules 0.3.14: P 0.943, R 0.943, F1 0.943.
- ``annotated-seeds-outside-dev-20.jsonl``: 20 seed papers (``random.Random(20261207)``), 37 claims;
  blind at rules 0.3.14: P 0.971, R 0.892, F1 0.930.
- ``annotated-epoch-outside-dev-30b.jsonl``: 30 more Epoch AI papers (``random.Random(20261208)``,
  none of the above), 59 claims; blind at rules 0.3.15: P 1.000, R 0.797, F1 0.887.
- ``annotated-seeds-outside-dev-15b.jsonl``: 15 more seed papers (``random.Random(20261209)``), 12
  claims; blind at rules 0.3.15: P 0.786, R 0.917, F1 0.846.
- ``annotated-epoch-outside-dev-25c.jsonl``: 25 more Epoch AI papers (``random.Random(20261210)``,
  none of the above), 38 claims; blind at rules 0.3.18: P 0.970, R 0.842, F1 0.901.
- ``annotated-seeds-outside-dev-15c.jsonl``: 15 more seed papers (``random.Random(20261211)``), 19
  claims; blind at rules 0.3.18: P 0.950, R 1.000, F1 0.974.
- ``annotated-epoch-outside-dev-25d.jsonl``: 25 more Epoch AI papers published 2020-2024 (the years
  of the held-out conference set; ``random.Random(20261212)``, none of the above), 55 claims; blind
  at rules 0.3.22: P 0.945, R 0.945, F1 0.945.
- ``annotated-seeds-outside-dev-15d.jsonl``: 15 more seed papers (``random.Random(20261213)``), 35
  claims; blind at rules 0.3.22: P 0.946, R 1.000, F1 0.972.
- ``annotated-epoch-outside-dev-25e.jsonl``: 25 more Epoch AI papers of 2020-2024
  (``random.Random(20261214)``, none of the above), 58 claims; blind at rules 0.3.23: P 0.967,
  R 1.000, F1 0.983.
- ``annotated-seeds-outside-dev-15e.jsonl``: 15 more seed papers (``random.Random(20261215)``), 26
  claims; blind at rules 0.3.23: P 1.000, R 0.885, F1 0.939.
- ``annotated-epoch-outside-dev-25f.jsonl``: 25 more Epoch AI papers of 2020-2024
  (``random.Random(20261216)``, none of the above), 56 claims; blind at rules 0.3.25: P 0.895,
  R 0.911, F1 0.903.
- ``annotated-seeds-outside-dev-15f.jsonl``: 15 more seed papers (``random.Random(20261217)``), 49
  claims; blind at rules 0.3.25: P 0.979, R 0.939, F1 0.958.
- ``annotated-epoch-outside-dev-18g.jsonl``: 18 Epoch AI papers of 2023-2025, the LLM era of the
  held-out arXiv-2025 set (``random.Random(20261218)``, none of the above), 46 claims; blind at
  rules 0.3.26: P 0.978, R 0.978, F1 0.978 (subject 0.77).
- ``annotated-seeds-outside-dev-8g.jsonl``: 8 more seed papers (``random.Random(20261219)``), 16
  claims; blind at rules 0.3.26: P 1.000, R 1.000, F1 1.000 (subject 0.84).
- ``annotated-epoch-outside-dev-20h.jsonl``: 20 more Epoch AI papers of 2023-2025
  (``random.Random(20261220)``, none of the above), 30 claims; blind at rules 0.3.27: P 0.963,
  R 0.867, F1 0.912 (subject 0.71).
- ``annotated-seeds-outside-dev-10h.jsonl``: the last 10 seed papers in no sample and no dev set
  (``random.Random(20261221)``), 23 claims; blind at rules 0.3.27: P 1.000, R 1.000, F1 1.000
  (subject 0.56).
- ``annotated-epoch-outside-dev-25i.jsonl``: 25 more Epoch AI papers of 2023-2025
  (``random.Random(20261222)``, none of the above), 58 claims; blind at rules 0.3.28: P 1.000,
  R 0.948, F1 0.973 (subject 0.83).
- ``annotated-epoch-outside-dev-20j.jsonl``: 20 more Epoch AI papers of 2020-2022, the held-out
  conference set's years (``random.Random(20261223)``, none of the above), 63 claims; blind at rules
  0.3.29: P 0.963, R 0.825, F1 0.889 (subject 0.53).
- ``annotated-epoch-outside-dev-20k.jsonl``: 20 more Epoch AI papers of 2020-2022
  (``random.Random(20261224)``, none of the above), 33 claims; blind at rules 0.3.31: P 0.882,
  R 0.938, F1 0.909 (subject 0.80). After the blind score, on re-reading the guidelines, one claim was
  added (a few-shot prompt's "32 training examples" is a data amount) and a speedup's benchmark
  removed (the benchmark field is for scores only).
- ``annotated-epoch-outside-dev-20l.jsonl``: 20 more Epoch AI papers of 2023-2025
  (``random.Random(20261225)``, none of the above), 48 claims; blind at rules 0.3.31: P 0.956,
  R 0.896, F1 0.925 (subject 0.75).
- ``annotated-epoch-outside-dev-20m.jsonl``: 20 more Epoch AI papers of 2020-2022
  (``random.Random(20261226)``, none of the above), 52 claims; blind at rules 0.3.32: P 0.961,
  R 0.942, F1 0.952 (subject 0.75).
- ``annotated-epoch-outside-dev-20n.jsonl``: 20 more Epoch AI papers of 2024-2025
  (``random.Random(20261227)``, none of the above), 41 claims; blind at rules 0.3.32: P 0.975,
  R 0.951, F1 0.963 (subject 0.53).
- ``annotated-epoch-outside-dev-20o.jsonl``: 20 more Epoch AI papers of 2020-2022
  (``random.Random(20261228)``, none of the above), 65 claims; blind at rules 0.3.33 with the fix of
  a sentence-initial "On NAME" (its trigger had been read case-sensitively): P 0.964, R 0.831, F1 0.893
  (subject 0.48).
- ``annotated-epoch-outside-dev-20p.jsonl``: 20 more Epoch AI papers of 2023-2025
  (``random.Random(20261229)``, none of the above), 43 claims; blind at the same rules: P 0.976,
  R 0.954, F1 0.965 (subject 0.74).
- ``annotated-epoch-outside-dev-20q.jsonl``: 20 more Epoch AI papers of 2020-2022
  (``random.Random(20261230)``, none of the above), 61 claims; blind at rules 0.3.34: P 0.815,
  R 0.869, F1 0.841 (subject 0.76); seven of the ten false positives are one abstract's hours of
  speech glued to their numbers ("Librispeech (960h)", "10min, 1h, ... fine-tuning subsets").
- ``annotated-epoch-outside-dev-20r.jsonl``: 20 more Epoch AI papers of 2023-2025
  (``random.Random(20261231)``, none of the above), 52 claims; blind at rules 0.3.34: P 0.942,
  R 0.942, F1 0.942 (subject 0.69).
- ``annotated-epoch-outside-dev-20s.jsonl``: 20 more Epoch AI papers of 2020-2022
  (``random.Random(20261232)``, none of the above), 30 claims; blind at rules 0.3.35: P 0.968,
  R 1.000, F1 0.984 (subject 0.85).
- ``annotated-epoch-outside-dev-20t.jsonl``: 20 more Epoch AI papers of 2023-2025
  (``random.Random(20261233)``, none of the above), 48 claims; blind at rules 0.3.35: P 0.960,
  R 1.000, F1 0.980 (subject 0.81).

One annotator wrote all twenty-eight (a project developer, not the gold's annotators), so some boundary
calls may differ from the held-out gold (a subject where the sentence names none, a runtime as a
result). This script scores the current extractor on each file and on all of them together.

    .venv/bin/python benchmarks/heldout_annotations.py
"""

from __future__ import annotations

from pathlib import Path

from claimset.extract.engine import RuleExtractor
from claimset.scoring import evaluate

AUDIT = Path(__file__).resolve().parent / "audit"
FILES = ["annotated-epoch-outside-dev-30.jsonl", "annotated-seeds-outside-dev-20.jsonl",
         "annotated-epoch-outside-dev-30b.jsonl", "annotated-seeds-outside-dev-15b.jsonl",
         "annotated-epoch-outside-dev-25c.jsonl", "annotated-seeds-outside-dev-15c.jsonl",
         "annotated-epoch-outside-dev-25d.jsonl", "annotated-seeds-outside-dev-15d.jsonl",
         "annotated-epoch-outside-dev-25e.jsonl", "annotated-seeds-outside-dev-15e.jsonl",
         "annotated-epoch-outside-dev-25f.jsonl", "annotated-seeds-outside-dev-15f.jsonl",
         "annotated-epoch-outside-dev-18g.jsonl", "annotated-seeds-outside-dev-8g.jsonl",
         "annotated-epoch-outside-dev-20h.jsonl", "annotated-seeds-outside-dev-10h.jsonl",
         "annotated-epoch-outside-dev-25i.jsonl", "annotated-epoch-outside-dev-20j.jsonl",
         "annotated-epoch-outside-dev-20k.jsonl", "annotated-epoch-outside-dev-20l.jsonl",
         "annotated-epoch-outside-dev-20m.jsonl", "annotated-epoch-outside-dev-20n.jsonl",
         "annotated-epoch-outside-dev-20o.jsonl", "annotated-epoch-outside-dev-20p.jsonl",
         "annotated-epoch-outside-dev-20q.jsonl", "annotated-epoch-outside-dev-20r.jsonl",
         "annotated-epoch-outside-dev-20s.jsonl", "annotated-epoch-outside-dev-20t.jsonl"]


def main() -> None:
    print(f"extractor {RuleExtractor().label}")
    tp = fp = fn = 0
    for name in FILES:
        r = evaluate(AUDIT / name)
        m = r.micro
        tp, fp, fn = tp + m.tp, fp + m.fp, fn + m.fn
        fields = " ".join(f"{k} {v:.2f}" for k, v in r.field_overlap.items())
        print(f"{name:42s} papers {r.n_papers:3d}  P {m.precision:.3f} R {m.recall:.3f} F1 {m.f1:.3f}  ({fields})")
    p, rc = tp / max(1, tp + fp), tp / max(1, tp + fn)
    print(f"{'all':42s} claims {tp + fn:3d}  P {p:.3f} R {rc:.3f} F1 {2 * p * rc / max(1e-9, p + rc):.3f}")


if __name__ == "__main__":
    main()
