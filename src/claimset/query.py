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
    min_confidence: float | None = None,
    units: list[str] | None = None,
    since: int | None = None,
    until: int | None = None,
) -> pl.DataFrame:
    """Claims joined to papers, narrowed by type, unit, value range, a regex over the text fields, a
    paper, publication years (``since``/``until``, inclusive) and a lowest confidence.

    ``min_value``/``max_value`` compare numbers of one unit: with claims of several units left (87%
    beside 10x) they are an error unless ``units`` says which. A range ("6-10x") passes ``min`` on
    its high end and ``max`` on its low end: it passes when any part of it is inside the bounds.
    """
    df = dataset if isinstance(dataset, pl.DataFrame) else load(dataset)
    if units:
        df = df.filter(pl.col("unit").is_in(units))
    if since is not None or until is not None:
        year = pl.col("date").dt.year()
        df = df.filter(year.is_not_null() & (year >= (since or -9999)) & (year <= (until or 9999)))
    if min_confidence is not None:
        df = _by_confidence(df, min_confidence)
    if types:
        df = _by_types(df, types)
    df = _by_value(df, min_value, max_value, bool(units))
    if grep:
        df = _by_grep(df, grep)
    if paper:
        by_id = df.filter(pl.col("paper_id") == paper)
        df = by_id if by_id.height else df.filter(pl.col("title").str.to_lowercase().str.contains(paper.lower(), literal=True))
    return df


def _by_confidence(df: pl.DataFrame, min_confidence: float) -> pl.DataFrame:
    if "confidence" not in df.columns or df.height and df["confidence"].null_count() == df.height:
        raise ClaimsetError("this dataset has no confidence (it was made before claimset recorded one); re-extract it")
    return df.filter(pl.col("confidence") >= min_confidence)


def _by_types(df: pl.DataFrame, types: list[str]) -> pl.DataFrame:
    bad = [t for t in types if t not in CLAIM_TYPES]
    if bad:
        raise ClaimsetError(f"unknown claim type {bad[0]!r} (one of: {', '.join(CLAIM_TYPES)})")
    return df.filter(pl.col("claim_type").is_in(types))


def _by_value(df: pl.DataFrame, min_value: float | None, max_value: float | None, one_unit: bool) -> pl.DataFrame:
    """Claims with a part of their value (a range's low to high end) inside the bounds; an error
    when the claims left have several units and ``one_unit`` (an explicit --unit) is not given."""
    if (min_value is not None or max_value is not None) and not one_unit:
        mixed = sorted(str(u) for u in df["unit"].unique().to_list())
        if len(mixed) > 1:
            raise ClaimsetError(f"--min/--max compare values of one unit, and these claims have several "
                                f"({', '.join(mixed[:6])}); add --unit (for example --unit x)")
    if min_value is not None:
        df = df.filter(pl.coalesce("value_max", "value") >= min_value)
    if max_value is not None:
        df = df.filter(pl.col("value") <= max_value)
    return df


def _by_grep(df: pl.DataFrame, grep: str) -> pl.DataFrame:
    """Claims whose sentence or a field matches ``grep`` (a regular expression, any case)."""
    try:
        re.compile(grep)
    except re.error as exc:
        raise ClaimsetError(f"bad --grep pattern ({exc})") from None
    pattern = f"(?i){grep}"
    cond = pl.lit(False)
    for f in TEXT_FIELDS:
        cond = cond | pl.col(f).fill_null("").str.contains(pattern)
    return df.filter(cond)


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


SEARCH_FIELDS = ("sentence", "subject", "baseline", "benchmark")


def search_claims(
    dataset: str | Path | pl.DataFrame,
    query: str | None = None,
    types: list[str] | None = None,
    min_value: float | None = None,
    max_value: float | None = None,
    benchmark: str | None = None,
    subject: str | None = None,
    min_confidence: float | None = None,
    units: list[str] | None = None,
    since: int | None = None,
    until: int | None = None,
) -> pl.DataFrame:
    """Claims whose sentence, subject, baseline and benchmark text hold every word of ``query``
    (case-insensitive), best first: most occurrences of the query words, then paper and position."""
    df = filter_claims(dataset, types=types, min_value=min_value, max_value=max_value, min_confidence=min_confidence,
                       units=units, since=since, until=until)
    for col, needle in (("benchmark", benchmark), ("subject", subject)):
        if needle:
            df = df.filter(pl.col(col).fill_null("").str.to_lowercase().str.contains(needle.lower(), literal=True))
    words = re.findall(r"[\w\-.+@]+", (query or "").lower())
    text = pl.concat_str([pl.col(f).fill_null("") for f in SEARCH_FIELDS], separator=" \u2016 ").str.to_lowercase()
    df = df.with_columns(_text=text)
    for w in words:
        df = df.filter(pl.col("_text").str.contains(w, literal=True))
    hits = pl.sum_horizontal([pl.col("_text").str.count_matches(re.escape(w)) for w in words]) if words else pl.lit(0)
    return df.with_columns(_score=hits).sort(["_score", "paper_id", "start"], descending=[True, False, False]).drop("_text", "_score")


def render_rows(df: pl.DataFrame, format: str = "table") -> str | list[dict]:
    """Search results as csv, json or jsonl data (typed columns, see ``claimset.cite.DATA_COLUMNS``),
    or markdown text (``table`` rows are drawn by the CLI)."""
    if format in ("csv", "json", "jsonl"):
        from .cite import data_rows, render_data  # cite builds on this module

        return render_data(data_rows(df), format)
    rows = [
        {"claim_id": r["claim_id"], "type": r["claim_type"], "value": format_value(r), "number": r["number"],
         "subject": r["subject"], "sentence": r["sentence"], "title": r["title"], "paper_id": r["paper_id"]}
        for r in df.iter_rows(named=True)
    ]
    if format == "json":
        import json

        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if format == "csv":
        import csv
        import io

        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(rows[0]) if rows else ["claim_id"], lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
        return buf.getvalue()
    if format == "md":
        lines = ["| claim_id | type | value | subject | sentence | paper |", "| --- | --- | --- | --- | --- | --- |"]
        for r in rows:
            cells = [f"`{r['claim_id']}`", r["type"], r["value"], r["subject"] or "", r["sentence"], r["title"]]
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        return "\n".join(lines) + "\n"
    return rows


def shorten(text: str, n: int) -> str:
    """``text`` on one line (whitespace runs collapsed), cut to ``n`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "\u2026"
