"""Analysis recipes: from a claims dataset to points and a fit, accounting for every claim dropped.

Each recipe returns a frozen :class:`RecipeResult`: the points used (with the paper title, the
claim's sentence and ``claim_id`` for tooltips and citations), the fit result(s), how many claims
and papers were used, and how many were dropped and why.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import polars as pl

from ..errors import ClaimsetError
from ..store import load
from .fits import FitResult, fit_power_law, fit_tail, fit_time_trend


@dataclass(frozen=True)
class RecipeResult:
    recipe: str
    description: str
    data: pl.DataFrame
    fits: dict[str, FitResult]
    used_claims: int
    used_papers: int
    dropped: dict[str, int]
    options: dict[str, Any] = field(default_factory=dict)
    x_label: str = "x"
    y_label: str = "y"

    @property
    def fit(self) -> FitResult:
        return next(iter(self.fits.values()))

    def summary(self) -> dict[str, Any]:
        return {
            "recipe": self.recipe, "description": self.description, "options": self.options,
            "used": {"claims": self.used_claims, "papers": self.used_papers},
            "dropped": dict(sorted(self.dropped.items(), key=lambda kv: -kv[1])),
            "fits": {k: f.summary() for k, f in self.fits.items()},
        }


def _frame(dataset: str | Path | pl.DataFrame) -> pl.DataFrame:
    return dataset if isinstance(dataset, pl.DataFrame) else load(dataset)


def _tokens(text: str | None) -> set[str]:
    return {t for t in re.findall(r"[a-z0-9]+", (text or "").lower()) if t not in {"the", "a", "an", "model", "models", "our"}}


_RELATIVE_BEFORE = re.compile(r"(?:\bby|\bof|improv\w*|gain\w*|increas\w*|boost\w*)\s+(?:up to |about |around |over |more than |an average of |nearly )?$", re.I)
_RELATIVE_AFTER = re.compile(r"^\s?(?:\S+\s)?(?:improvement|gain|increase|higher|better|lower|drop|reduction|decrease|relative|absolute|points?)", re.I)


def _is_absolute_score(row: dict) -> bool:
    s = row["sentence"]
    i = s.find(row["number"])
    before, after = s[:i], s[i + len(row["number"]):]
    return not (row["number"].startswith("+") or _RELATIVE_BEFORE.search(before) or _RELATIVE_AFTER.match(after))


def score_vs_size(dataset, benchmark: str | None = None, metric: str | None = None, **fit_kw) -> RecipeResult:
    """Benchmark score vs model size: each absolute score paired with the model size stated for the
    same subject (or in the same sentence) in the same paper; power law fitted in log-log space."""
    df = _frame(dataset)
    dropped: Counter = Counter()
    sizes = df.filter((pl.col("claim_type") == "model_size") & pl.col("value_max").is_null())
    size_by_paper: dict[str, list[dict]] = {}
    for r in sizes.iter_rows(named=True):
        size_by_paper.setdefault(r["paper_id"], []).append(r)
    scores = df.filter(pl.col("claim_type") == "benchmark_score")
    rows = []
    for r in scores.iter_rows(named=True):
        if r["unit"] != "%":
            dropped["score not a percentage"] += 1
            continue
        if r["value_max"] is not None:
            dropped["score is a range"] += 1
            continue
        if benchmark and benchmark.lower() not in (r["benchmark"] or "").lower():
            dropped["other benchmark"] += 1
            continue
        if metric and metric.lower() not in (r["metric"] or "").lower():
            dropped["other metric"] += 1
            continue
        if not _is_absolute_score(r):
            dropped["relative improvement, not a score"] += 1
            continue
        cands = size_by_paper.get(r["paper_id"], [])
        same_sentence = [c for c in cands if c["sentence"] == r["sentence"]]
        same_subject = [c for c in cands if _tokens(c["subject"]) & _tokens(r["subject"])]
        pick = same_sentence or same_subject
        if not pick:
            dropped["no model size for the same subject in the paper"] += 1
            continue
        size = min(pick, key=lambda c: abs(c["start"] - r["start"]))
        rows.append({"x": size["value"], "y": r["value"], "paper_id": r["paper_id"], "title": r["title"],
                     "claim_id": r["claim_id"], "size_claim_id": size["claim_id"], "sentence": r["sentence"],
                     "benchmark": r["benchmark"], "metric": r["metric"], "subject": r["subject"]})
    data = pl.DataFrame(rows, schema={"x": pl.Float64, "y": pl.Float64, "paper_id": pl.Utf8, "title": pl.Utf8,
                                      "claim_id": pl.Utf8, "size_claim_id": pl.Utf8, "sentence": pl.Utf8,
                                      "benchmark": pl.Utf8, "metric": pl.Utf8, "subject": pl.Utf8})
    chosen = benchmark
    if benchmark is None and data.height:
        counts = data.filter(pl.col("benchmark").is_not_null()).group_by("benchmark").len().sort("len", descending=True)
        if counts.height and counts["len"][0] >= 3:
            chosen = counts["benchmark"][0]
            dropped["other benchmark"] += data.filter(pl.col("benchmark") != chosen).height + data.filter(pl.col("benchmark").is_null()).height
            data = data.filter(pl.col("benchmark") == chosen)
    fit = fit_power_law(data["x"].to_numpy(), data["y"].to_numpy(), groups=data["paper_id"].to_list(), **fit_kw)
    return RecipeResult(
        recipe="score-vs-size", description=f"benchmark score vs model size ({chosen or 'all benchmarks pooled'})",
        data=data, fits={"power_law": fit}, used_claims=data.height * 2, used_papers=data["paper_id"].n_unique(),
        dropped=dict(dropped), options={"benchmark": chosen, "metric": metric, **fit_kw},
        x_label="model size (parameters)", y_label="score (%)",
    )


def _largest_per_paper(df: pl.DataFrame, claim_type: str, unit: str | None = None) -> pl.DataFrame:
    sel = df.filter(pl.col("claim_type") == claim_type)
    if unit:
        sel = sel.filter(pl.col("unit") == unit)
    sel = sel.with_columns(size=pl.coalesce("value_max", "value"))
    return sel.sort("size", descending=True).unique("paper_id", keep="first", maintain_order=True)


_SIZE_TOKEN = re.compile(r"^\d+(?:\.\d+)?[kmbt]?$|^(?:base|large|small|instruct|chat|v\d+)$")


def _names_title(subject: str | None, title: str | None) -> bool:
    """Whether a claim's subject names the paper's own model: a word of 3+ letters (not a size, not
    "base"/"instruct") shared with the title ("Phi-4-reasoning" in "Phi-4-reasoning Technical Report")."""
    words = {t for t in _tokens(subject) if len(t) >= 3 and not _SIZE_TOKEN.match(t) and re.search(r"[a-z]", t)}
    return bool(words & _tokens(title))


def own_size_per_paper(df: pl.DataFrame) -> pl.DataFrame:
    """One ``model_size`` claim per paper, for the paper's own model: the largest among claims whose
    subject the title names, else the largest of all. "Largest of all" alone picks baselines
    ("outperforms Llama 3.1 70B") as often as the paper's model."""
    sel = df.filter(pl.col("claim_type") == "model_size").with_columns(size=pl.coalesce("value_max", "value"))
    own = pl.Series([_names_title(s, t) for s, t in zip(sel["subject"].to_list(), sel["title"].to_list())], dtype=pl.Boolean)
    sel = sel.with_columns(own=own)
    return sel.sort(["own", "size"], descending=[True, True]).unique("paper_id", keep="first", maintain_order=True).drop("own")


def size_over_time(dataset, frontier: int = 10, bootstrap: bool = False) -> RecipeResult:
    """Model size (the paper's own model, see :func:`own_size_per_paper`) over publication date: all
    papers, and a frontier (papers whose size was in the top ``frontier`` at their release)."""
    df = _frame(dataset)
    dropped: Counter = Counter()
    sizes = own_size_per_paper(df)
    n_size_claims = df.filter(pl.col("claim_type") == "model_size").height
    dropped["other size claim of a paper (own model's kept)"] = n_size_claims - sizes.height
    undated = sizes.filter(pl.col("date").is_null())
    dropped["paper has no full date"] = undated.height
    sizes = sizes.filter(pl.col("date").is_not_null()).sort(["date", "paper_id"])
    vals = sizes["size"].to_list()
    is_frontier = []
    for i, v in enumerate(vals):
        earlier = sorted(vals[: i + 1], reverse=True)[:frontier]
        is_frontier.append(v >= earlier[-1])
    data = sizes.select(
        pl.col("date"), pl.col("size").alias("y"), "paper_id", "title", "claim_id", "sentence", "subject",
    ).with_columns(frontier=pl.Series(is_frontier, dtype=pl.Boolean))
    fits = {
        "all": fit_time_trend(data["date"].to_list(), data["y"].to_list(), groups=data["paper_id"].to_list(), bootstrap=bootstrap),
        "frontier": fit_time_trend(data.filter("frontier")["date"].to_list(), data.filter("frontier")["y"].to_list(),
                                   groups=data.filter("frontier")["paper_id"].to_list(), bootstrap=bootstrap),
    }
    return RecipeResult(
        recipe="size-over-time", description=f"the paper's own model size over publication date (frontier: top {frontier} at release)",
        data=data, fits=fits, used_claims=data.height, used_papers=data.height, dropped={k: v for k, v in dropped.items() if v},
        options={"frontier": frontier, "bootstrap": bootstrap}, x_label="publication date", y_label="model size (parameters)",
    )


def _distribution(dataset, types: tuple[str, ...], name: str, description: str, n_boot: int = 200) -> RecipeResult:
    df = _frame(dataset)
    sel = df.filter(pl.col("claim_type").is_in(list(types)))
    dropped: Counter = Counter()
    for unit, n in Counter(sel["unit"].to_list()).items():
        if unit != "x":
            dropped[f"unit {unit or 'none'} (not a factor)"] += n
    data = sel.filter(pl.col("unit") == "x").select(
        pl.col("value").alias("y"), "claim_type", "qualifier", "paper_id", "title", "claim_id", "sentence", "subject",
    )
    fit = fit_tail(data["y"].to_list(), n_boot=n_boot)
    return RecipeResult(
        recipe=name, description=description + " (factors; a range counts at its low end)", data=data,
        fits={"tail": fit}, used_claims=data.height, used_papers=data["paper_id"].n_unique(), dropped=dict(dropped),
        options={"types": list(types), "n_boot": n_boot}, x_label="claimed factor (x)", y_label="P(X ≥ x)",
    )


def speedup_distribution(dataset, n_boot: int = 200) -> RecipeResult:
    """The distribution of claimed speedup factors, with a Clauset–Shalizi–Newman tail fit."""
    return _distribution(dataset, ("speedup",), "speedup-distribution", "claimed speedups", n_boot)


def reduction_distribution(dataset, n_boot: int = 200) -> RecipeResult:
    """The distribution of claimed memory and compute reduction factors, with a tail fit."""
    return _distribution(dataset, ("memory_reduction", "compute_reduction"), "reduction-distribution",
                         "claimed memory and compute reductions", n_boot)


def tokens_vs_params(dataset, **fit_kw) -> RecipeResult:
    """Training tokens vs parameters: per paper, the largest token count against the largest model size."""
    df = _frame(dataset)
    dropped: Counter = Counter()
    tokens = _largest_per_paper(df, "dataset_size", "tokens")
    params = _largest_per_paper(df, "model_size")
    joined = tokens.join(params.select("paper_id", pl.col("size").alias("params"), pl.col("claim_id").alias("size_claim_id")),
                         on="paper_id", how="left")
    dropped["token count without a model size in the paper"] = joined.filter(pl.col("params").is_null()).height
    dropped["model size without a token count in the paper"] = params.filter(~pl.col("paper_id").is_in(tokens["paper_id"].implode())).height
    data = joined.filter(pl.col("params").is_not_null()).select(
        pl.col("params").alias("x"), pl.col("size").alias("y"), "paper_id", "title", "claim_id", "size_claim_id", "sentence", "subject",
    )
    fit = fit_power_law(data["x"].to_numpy(), data["y"].to_numpy(), groups=data["paper_id"].to_list(), **fit_kw)
    return RecipeResult(
        recipe="tokens-vs-params", description="training tokens vs parameters (largest of each per paper)", data=data,
        fits={"power_law": fit}, used_claims=data.height * 2, used_papers=data.height,
        dropped={k: v for k, v in dropped.items() if v}, options=fit_kw,
        x_label="parameters", y_label="training tokens",
    )


RECIPES: dict[str, Callable[..., RecipeResult]] = {
    "score-vs-size": score_vs_size,
    "size-over-time": size_over_time,
    "speedup-distribution": speedup_distribution,
    "reduction-distribution": reduction_distribution,
    "tokens-vs-params": tokens_vs_params,
}


def run_recipe(name: str, dataset, **options) -> RecipeResult:
    """Run a recipe by name (see ``RECIPES``) with only the options it takes."""
    import inspect

    if name not in RECIPES:
        raise ClaimsetError(f"unknown recipe {name!r} (one of: {', '.join(RECIPES)})")
    fn = RECIPES[name]
    accepted = inspect.signature(fn).parameters
    takes_fit_kw = any(p.kind is p.VAR_KEYWORD for p in accepted.values())
    fit_keys = {"loss", "n_boot", "seed", "level"}
    kwargs = {k: v for k, v in options.items() if v is not None and (k in accepted or (takes_fit_kw and k in fit_keys))}
    return fn(dataset, **kwargs)
