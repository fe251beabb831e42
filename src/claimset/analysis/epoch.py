"""Validation against Epoch AI's curated parameter counts.

On ``all_ml_systems.csv`` (Epoch AI, "Data on AI Models", CC BY 4.0): the model-size-over-time
slope in orders of magnitude per year, over rows whose ``Domain`` includes Language and dated 2018
or later, fitted once from claimset's extracted sizes (the largest ``model_size`` claim of the
row's paper) and once from Epoch's curated ``Parameters`` for the same rows.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import polars as pl

from ..corpus import parse_date
from ..ids import paper_id_for_title
from ..store import load_claims
from .fits import FitResult, fit_time_trend


def epoch_rows(csv_path: str | Path, domain: str = "Language", since: int = 2018) -> list[dict[str, Any]]:
    csv.field_size_limit(1 << 30)
    out = []
    with open(csv_path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if domain not in (row.get("Domain") or "").split(","):
                continue
            date = parse_date(row.get("Publication date"))
            if date is None or date.year < since or not (row.get("Abstract") or "").strip():
                continue
            title = " ".join((row.get("Reference") or "").split()) or " ".join((row.get("Model") or "").split())
            params = float(row["Parameters"]) if (row.get("Parameters") or "").strip() else None
            out.append({"model": row.get("Model"), "paper_id": paper_id_for_title(title), "date": date, "curated": params})
    return out


def compare_size_trends(csv_path: str | Path, dataset: str | Path, domain: str = "Language", since: int = 2018) -> dict[str, Any]:
    """Both fits on the same rows (those with an extracted size and a curated value), plus counts."""
    rows = epoch_rows(csv_path, domain, since)
    claims = load_claims(dataset).filter(pl.col("claim_type") == "model_size")
    largest = {
        r["paper_id"]: r["size"]
        for r in claims.with_columns(size=pl.coalesce("value_max", "value")).group_by("paper_id").agg(pl.col("size").max()).iter_rows(named=True)
    }
    both = [dict(r, extracted=largest[r["paper_id"]]) for r in rows if r["curated"] and r["paper_id"] in largest]
    dates = [r["date"] for r in both]
    groups = [r["paper_id"] for r in both]
    extracted: FitResult = fit_time_trend(dates, [r["extracted"] for r in both], groups=groups)
    curated: FitResult = fit_time_trend(dates, [r["curated"] for r in both], groups=groups)
    all_curated: FitResult = fit_time_trend([r["date"] for r in rows if r["curated"]], [r["curated"] for r in rows if r["curated"]])
    agree = sum(1 for r in both if abs(r["extracted"] - r["curated"]) <= 0.02 * r["curated"])
    diff = extracted.params.get("oom_per_year", float("nan")) - curated.params.get("oom_per_year", float("nan"))
    return {
        "rows": len(rows), "rows_with_curated": sum(1 for r in rows if r["curated"]), "rows_compared": len(both),
        "rows_where_values_agree_2pct": agree,
        "extracted": extracted.summary(), "curated_same_rows": curated.summary(), "curated_all_rows": all_curated.summary(),
        "slope_difference_oom_per_year": diff, "within_0.05": abs(diff) <= 0.05,
    }
