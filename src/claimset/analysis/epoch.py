"""Validation against Epoch AI's curated parameter counts.

On ``all_ml_systems.csv`` (Epoch AI, "Data on AI Models", CC BY 4.0): the model-size-over-time
slope in orders of magnitude per year, over rows whose ``Domain`` includes Language and dated 2018
or later, fitted once from claimset's extracted sizes (the paper's own model size, see
:func:`claimset.analysis.recipes.own_size_per_paper`) and once from Epoch's curated ``Parameters`` for the same rows.
"""

from __future__ import annotations

import csv
import hashlib
import math
from pathlib import Path
from typing import Any

import polars as pl

from ..corpus import parse_date
from ..ids import paper_id_for_title
from ..store import load, load_papers
from .fits import FitResult, fit_time_trend
from .recipes import own_size_per_paper


def epoch_rows(csv_path: str | Path, domain: str = "Language", since: int = 2018) -> list[dict[str, Any]]:
    """Epoch rows of ``domain`` dated ``since`` or later, each with the line its record starts on
    (``source``, as claimset's readers write it) so it joins the dataset's own paper ids."""
    csv.field_size_limit(1 << 30)
    out = []
    name = Path(csv_path).name
    with open(csv_path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        start = reader.line_num + 1
        for values in reader:
            row, line, start = dict(zip(header, values)), start, reader.line_num + 1
            if domain not in (row.get("Domain") or "").split(","):
                continue
            date = parse_date(row.get("Publication date"))
            if date is None or date.year < since or not (row.get("Abstract") or "").strip():
                continue
            title = " ".join((row.get("Reference") or "").split()) or " ".join((row.get("Model") or "").split())
            params = float(row["Parameters"]) if (row.get("Parameters") or "").strip() else None
            out.append({"model": row.get("Model"), "source": f"{name}:{line}", "title_id": paper_id_for_title(title),
                        "digest": _digest(title, row.get("Abstract") or ""), "date": date, "curated": params})
    return out


def _digest(title: str, abstract: str) -> str:
    """The readers' identity of a paper: its whitespace-collapsed title and stripped abstract."""
    return hashlib.sha1(f"{' '.join(title.split())}\x00{abstract.strip()}".encode("utf-8")).hexdigest()


def _paper_ids(rows: list[dict[str, Any]], papers: pl.DataFrame) -> None:
    """Give each row the dataset's paper id: by the line it was read from, else (a repeat listing
    merged into an earlier one) by its title and abstract, as the readers identify papers."""
    by_source, by_digest = {}, {}
    for pid, src, title, abstract in papers.select("paper_id", "source", "title", "abstract").iter_rows():
        if src:
            by_source[src.rsplit("/", 1)[-1]] = pid
        by_digest.setdefault(_digest(title, abstract), pid)
    for r in rows:
        r["paper_id"] = by_source.get(r["source"]) or by_digest.get(r["digest"], r["title_id"])


def compare_size_trends(csv_path: str | Path, dataset: str | Path, domain: str = "Language", since: int = 2018) -> dict[str, Any]:
    """Both fits on the same rows (those with an extracted size and a curated value), plus counts."""
    rows = epoch_rows(csv_path, domain, since)
    _paper_ids(rows, load_papers(dataset))
    largest = {r["paper_id"]: r["size"] for r in own_size_per_paper(load(dataset)).iter_rows(named=True)}
    both = [dict(r, extracted=largest[r["paper_id"]]) for r in rows if r["curated"] and r["paper_id"] in largest]
    fits = _size_fits(both)
    curated_rows = [r for r in rows if r["curated"]]
    all_curated: FitResult = fit_time_trend([r["date"] for r in curated_rows], [r["curated"] for r in curated_rows])
    agree = sum(1 for r in both if abs(r["extracted"] - r["curated"]) <= 0.02 * r["curated"])
    diff = _slope(fits["extracted"]) - _slope(fits["curated"])
    # Sensitivity, reported beside (never instead of) the main figure: OLS on log sizes is pulled hard
    # by a few rows where the extracted size is off by orders of magnitude (an abstract that literally
    # says "500 parameters"); the same comparison without rows off by more than 3 OOM.
    near = [r for r in both if abs(math.log10(r["extracted"] / r["curated"])) <= 3]
    fit_near = _size_fits(near)
    return {
        "rows": len(rows), "rows_with_curated": len(curated_rows), "rows_compared": len(both),
        "rows_where_values_agree_2pct": agree,
        "extracted": fits["extracted"].summary(), "curated_same_rows": fits["curated"].summary(),
        "curated_all_rows": all_curated.summary(),
        "slope_difference_oom_per_year": diff, "within_0.05": abs(diff) <= 0.05,
        "rows_off_by_over_3_oom": len(both) - len(near),
        "slope_difference_without_those_rows": _slope(fit_near["extracted"]) - _slope(fit_near["curated"]),
    }


def _size_fits(rows: list[dict[str, Any]]) -> dict[str, FitResult]:
    """The time trends of the extracted and of the curated sizes on the same rows (a paper's rows
    are one group)."""
    dates, groups = [r["date"] for r in rows], [r["paper_id"] for r in rows]
    return {k: fit_time_trend(dates, [r[k] for r in rows], groups=groups) for k in ("extracted", "curated")}


def _slope(fit: FitResult) -> float:
    return fit.params.get("oom_per_year", float("nan"))
