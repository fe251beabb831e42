"""Model-size recall on a real corpus no one here wrote: Epoch AI's "Data on AI Models".

Over the rows of ``all_ml_systems.csv`` whose abstract *states* the curated ``Parameters`` value
(found by a plain pattern search for its written forms — "24B", "24 billion", "24,000,000,000",
"1.3b" — independent of the extractor), report the share whose extracted ``model_size`` claims
include it within 2%, and list the misses.

    .venv/bin/python benchmarks/epoch_model_size_recall.py [--csv PATH] [--misses N] [--json]

Data: Epoch AI, "Data on AI Models", https://epoch.ai/data/ai-models (CC BY 4.0).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from pathlib import Path

from claimset.extract import RuleExtractor
from claimset.ids import paper_id_for_title
from claimset.models import Paper

DEFAULT_CSV = Path(__file__).resolve().parents[1].parent / "shared" / "external" / "epoch-ai-models" / "all_ml_systems.csv"
TOLERANCE = 0.02
_MAGS = [(1e12, ["T", "trillion"]), (1e9, ["B", "billion"]), (1e6, ["M", "million"]), (1e3, ["K", "k", "thousand"])]


def written_forms(value: float) -> list[str]:
    """Regular expressions for the ways a parameter count is written."""
    forms = []
    for mag, (suffix, *words) in _MAGS:
        mant = value / mag
        if not 1 <= mant < 10000:
            continue
        text = f"{mant:.3f}".rstrip("0").rstrip(".")
        if abs(float(text) - mant) / mant > 1e-3:
            continue  # not writable with three decimals at this magnitude
        num = re.escape(text).replace(r"\.", r"\.")
        letters = [suffix] + ([suffix.lower()] if suffix != "k" else [])
        forms.append(rf"{num}\s?(?:{'|'.join(letters)})(?![A-Za-z])")
        for w in words:
            forms.append(rf"{num}[\s\-]{w}")
    if value == int(value):
        forms.append(f"{int(value):,}".replace(",", "[, ]?"))
    return forms


def states(abstract: str, value: float) -> bool:
    return any(re.search(rf"(?<![\d.]){f}", abstract) for f in written_forms(value))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    ap.add_argument("--misses", type=int, default=50, help="how many misses to list")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not args.csv.is_file():
        print(f"error: {args.csv}: no such file", file=sys.stderr)
        return 1
    csv.field_size_limit(1 << 30)
    rows = list(csv.DictReader(args.csv.open(encoding="utf-8")))
    ex = RuleExtractor()
    cache: dict[str, list] = {}
    t0 = time.perf_counter()
    considered, hits, misses = 0, 0, []
    with_params = 0
    for row in rows:
        abstract = (row.get("Abstract") or "").strip()
        raw = (row.get("Parameters") or "").strip()
        if not abstract or not raw:
            continue
        with_params += 1
        value = float(raw)
        if value <= 0 or not states(abstract, value):
            continue
        considered += 1
        if abstract not in cache:
            title = (row.get("Reference") or row.get("Model") or "").strip() or "untitled"
            paper = Paper(paper_id=paper_id_for_title(title), title=title, abstract=abstract)
            cache[abstract] = [c for c in ex.extract(paper) if c.claim_type == "model_size"]
        sizes = cache[abstract]
        ok = any(
            abs(v - value) <= TOLERANCE * value
            for c in sizes for v in (c.value, c.value_max) if v is not None
        )
        if ok:
            hits += 1
        else:
            forms = [m.group(0) for f in written_forms(value) for m in re.finditer(f, abstract)]
            misses.append({"model": row.get("Model"), "parameters": value, "written": forms[:3],
                           "extracted": [c.number for c in sizes]})
    elapsed = time.perf_counter() - t0
    recall = hits / considered if considered else 0.0
    report = {"rows_with_abstract_and_parameters": with_params, "rows_stating_parameters": considered,
              "recalled": hits, "recall": round(recall, 4), "tolerance": TOLERANCE, "seconds": round(elapsed, 2)}
    if args.json:
        report["misses"] = misses
        print(json.dumps(report, indent=2))
        return 0
    print(f"Epoch AI model-size recall (claimset {ex.label}):")
    print(f"  rows with an abstract and a curated Parameters value: {with_params}")
    print(f"  rows whose abstract states that value:                {considered}")
    print(f"  recalled by an extracted model_size claim (±2%):     {hits}  -> recall {recall:.3f}")
    print(f"  extraction time: {elapsed:.2f}s")
    if misses:
        print(f"misses ({len(misses)}; first {min(len(misses), args.misses)}):")
        for m in misses[: args.misses]:
            print(f"  {m['model']!s:<40} params={m['parameters']:.4g} written={m['written']} extracted={m['extracted']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
