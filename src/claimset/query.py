"""Selecting and formatting claims of a dataset (shared by show, search, cite and export)."""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl

from .errors import ClaimsetError
from .models import CLAIM_TYPES
from .store import load

TEXT_FIELDS = ("sentence", "subject", "baseline", "benchmark", "metric")


def filter_claims(
    dataset: str | Path | pl.DataFrame,
    types: list[str] | None = None,
    min_value: float | None = None,
    max_value: float | None = None,
    grep: str | None = None,
    paper: str | None = None,
) -> pl.DataFrame:
    """Claims joined to papers, narrowed by type, value range, a regex over the text fields, a paper."""
    df = dataset if isinstance(dataset, pl.DataFrame) else load(dataset)
    if types:
        bad = [t for t in types if t not in CLAIM_TYPES]
        if bad:
            raise ClaimsetError(f"unknown claim type {bad[0]!r} (one of: {', '.join(CLAIM_TYPES)})")
        df = df.filter(pl.col("claim_type").is_in(types))
    if min_value is not None:
        df = df.filter(pl.coalesce("value_max", "value") >= min_value)
    if max_value is not None:
        df = df.filter(pl.col("value") <= max_value)
    if grep:
        try:
            re.compile(grep)
        except re.error as exc:
            raise ClaimsetError(f"bad --grep pattern ({exc})") from None
        pattern = f"(?i){grep}"
        cond = pl.lit(False)
        for f in TEXT_FIELDS:
            cond = cond | pl.col(f).fill_null("").str.contains(pattern)
        df = df.filter(cond)
    if paper:
        by_id = df.filter(pl.col("paper_id") == paper)
        df = by_id if by_id.height else df.filter(pl.col("title").str.to_lowercase().str.contains(paper.lower(), literal=True))
    return df


def format_value(r: dict) -> str:
    """'up to 2.12x', '~50%', '7e9 params', '6–10x' — value with qualifier and unit, as read."""
    def num(v: float) -> str:
        if v is None:
            return ""
        if abs(v) >= 1e6:
            return f"{v:.3g}"
        return f"{v:g}"

    prefix = {"upper": "≤", "lower": "≥", "approx": "~", "exact": ""}.get(r.get("qualifier") or "exact", "")
    text = num(r["value"]) if r.get("value_max") is None else f"{num(r['value'])}–{num(r['value_max'])}"
    unit = r.get("unit")
    if unit in ("x", "%"):
        text += unit
    elif unit:
        text += f" {unit}"
    return prefix + text
