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
from .fits import FitResult, Support, fit_power_law, fit_tail, fit_time_trend


# The least data each recipe's fit is published on (below it: success=False, points only, no line).
SUPPORT: dict[str, Support] = {
    "score-vs-size": Support(papers=5, distinct_x=3, boot_clusters=10),
    "size-over-time": Support(papers=8, distinct_x=4, boot_clusters=10),
    "speedup-distribution": Support(papers=10, distinct_x=10),
    "reduction-distribution": Support(papers=10, distinct_x=10),
    "tokens-vs-params": Support(papers=5, distinct_x=3, boot_clusters=10),
    "tokens-per-param-over-time": Support(papers=5, distinct_x=4, boot_clusters=10),
    "speedups-by-year": Support(papers=8, distinct_x=3, boot_clusters=10),
    "score-vs-size-all": Support(papers=5, distinct_x=3, boot_clusters=10),
}


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
    title: str = ""  # a human title naming what is plotted (benchmark, metric)
    table: pl.DataFrame | None = None  # a summary table, where the recipe has one (speedups by year)

    @property
    def fit(self) -> FitResult:
        return next(iter(self.fits.values()))

    @property
    def success(self) -> bool:
        """Every fit of the recipe met its minimum support and converged."""
        return all(f.success for f in self.fits.values())

    def summary(self) -> dict[str, Any]:
        return {
            "recipe": self.recipe, "description": self.description, "options": self.options,
            "used": {"claims": self.used_claims, "papers": self.used_papers},
            "dropped": dict(sorted(self.dropped.items(), key=lambda kv: -kv[1])),
            "fits": {k: f.summary() for k, f in self.fits.items()},
            **({"table": self.table.to_dicts()} if self.table is not None else {}),
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
        why = _score_left_out(r, benchmark, metric)
        size = _size_of_score(r, size_by_paper.get(r["paper_id"], [])) if why is None else None
        if why is None and size is None:
            why = "no model size for the same subject in the paper"
        if why is not None:
            dropped[why] += 1
            continue
        rows.append({"x": size["value"], "y": r["value"], "paper_id": r["paper_id"], "title": r["title"],
                     "claim_id": r["claim_id"], "size_claim_id": size["claim_id"], "sentence": r["sentence"],
                     "benchmark": r["benchmark"], "metric": r["metric"], "subject": r["subject"]})
    data = pl.DataFrame(rows, schema={"x": pl.Float64, "y": pl.Float64, "paper_id": pl.Utf8, "title": pl.Utf8,
                                      "claim_id": pl.Utf8, "size_claim_id": pl.Utf8, "sentence": pl.Utf8,
                                      "benchmark": pl.Utf8, "metric": pl.Utf8, "subject": pl.Utf8})
    chosen = benchmark
    if benchmark is None and data.height:
        data, chosen = _commonest_benchmark(data, dropped)
    fit = fit_power_law(data["x"].to_numpy(), data["y"].to_numpy(), groups=data["paper_id"].to_list(),
                        support=SUPPORT["score-vs-size"], **fit_kw)
    what = " ".join(x for x in (chosen, metric) if x) or "all benchmarks pooled"
    return RecipeResult(
        recipe="score-vs-size", description=f"benchmark score vs model size ({what})",
        data=data, fits={"power_law": fit}, used_claims=data.height * 2, used_papers=data["paper_id"].n_unique(),
        dropped=dict(dropped), options={"benchmark": chosen, "metric": metric, **fit_kw},
        x_label="model size (parameters)", y_label=f"{metric or 'score'} (%)",
        title=f"Score on {chosen} vs model size" if chosen else "Benchmark score vs model size (all benchmarks pooled)",
    )


def _score_left_out(r: dict, benchmark: str | None, metric: str | None) -> str | None:
    """Why a score claim is not a point of score-vs-size (None: it is one, if a size is found)."""
    if r["unit"] != "%":
        return "score not a percentage"
    if r["value_max"] is not None:
        return "score is a range"
    if benchmark and benchmark.lower() not in (r["benchmark"] or "").lower():
        return "other benchmark"
    if metric and metric.lower() not in (r["metric"] or "").lower():
        return "other metric"
    if not _is_absolute_score(r):
        return "relative improvement, not a score"
    return None


def _size_of_score(r: dict, sizes: list[dict]) -> dict | None:
    """The size claim of the paper a score goes with: one in the same sentence, else one for the same
    subject; the nearest of them. None where there is none."""
    same_sentence = [c for c in sizes if c["sentence"] == r["sentence"]]
    pick = same_sentence or [c for c in sizes if _tokens(c["subject"]) & _tokens(r["subject"])]
    return min(pick, key=lambda c: abs(c["start"] - r["start"])) if pick else None


def _commonest_benchmark(data: pl.DataFrame, dropped: Counter) -> tuple[pl.DataFrame, str | None]:
    """Only the points of the benchmark most of them are on (when it has 3 or more); the others counted
    in ``dropped``."""
    counts = data.filter(pl.col("benchmark").is_not_null()).group_by("benchmark").len().sort("len", descending=True)
    if not counts.height or counts["len"][0] < 3:
        return data, None
    chosen = counts["benchmark"][0]
    dropped["other benchmark"] += data.filter(pl.col("benchmark") != chosen).height + data.filter(pl.col("benchmark").is_null()).height
    return data.filter(pl.col("benchmark") == chosen), chosen


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
    sup = SUPPORT["size-over-time"]
    fits = {
        "all": fit_time_trend(data["date"].to_list(), data["y"].to_list(), groups=data["paper_id"].to_list(),
                              bootstrap=bootstrap, support=sup),
        "frontier": fit_time_trend(data.filter("frontier")["date"].to_list(), data.filter("frontier")["y"].to_list(),
                                   groups=data.filter("frontier")["paper_id"].to_list(), bootstrap=bootstrap, support=sup),
    }
    return RecipeResult(
        recipe="size-over-time", description=f"the paper's own model size over publication date (frontier: top {frontier} at release)",
        data=data, fits=fits, used_claims=data.height, used_papers=data.height, dropped={k: v for k, v in dropped.items() if v},
        options={"frontier": frontier, "bootstrap": bootstrap}, x_label="publication date", y_label="model size (parameters)",
        title="Model size over time (each paper's own model)",
    )


def _distribution(dataset, types: tuple[str, ...], name: str, description: str, n_boot: int = 200) -> RecipeResult:
    df = _frame(dataset)
    sel = df.filter(pl.col("claim_type").is_in(list(types)))
    dropped: Counter = Counter()
    for unit, n in Counter(sel["unit"].to_list()).items():
        if unit != "x":
            dropped[f"unit {unit or 'none'} (not a factor)"] += n
    factors = sel.filter(pl.col("unit") == "x")
    dropped["factor not above 0 (cannot go on a log axis)"] += factors.filter(pl.col("value") <= 0).height
    data = factors.filter(pl.col("value") > 0).select(
        pl.col("value").alias("y"), "claim_type", "qualifier", "paper_id", "title", "claim_id", "sentence", "subject",
    )
    fit = fit_tail(data["y"].to_list(), n_boot=n_boot, groups=data["paper_id"].to_list(), support=SUPPORT[name])
    return RecipeResult(
        recipe=name, description=description + " (factors; a range counts at its low end)", data=data,
        fits={"tail": fit}, used_claims=data.height, used_papers=data["paper_id"].n_unique(),
        dropped={k: v for k, v in dropped.items() if v},
        options={"types": list(types), "n_boot": n_boot}, x_label="claimed factor (x)", y_label="share of claims ≥ x",
        title=f"Distribution of {description}",
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
    params = own_size_per_paper(df)
    joined = tokens.join(params.select("paper_id", pl.col("size").alias("params"), pl.col("claim_id").alias("size_claim_id")),
                         on="paper_id", how="left")
    dropped["token count without a model size in the paper"] = joined.filter(pl.col("params").is_null()).height
    dropped["model size without a token count in the paper"] = params.filter(~pl.col("paper_id").is_in(tokens["paper_id"].implode())).height
    data = joined.filter(pl.col("params").is_not_null()).select(
        pl.col("params").alias("x"), pl.col("size").alias("y"), "paper_id", "title", "claim_id", "size_claim_id", "sentence", "subject",
    )
    fit = fit_power_law(data["x"].to_numpy(), data["y"].to_numpy(), groups=data["paper_id"].to_list(),
                        support=SUPPORT["tokens-vs-params"], **fit_kw)
    return RecipeResult(
        recipe="tokens-vs-params", description="training tokens vs parameters (per paper: its own model, its largest token count)",
        data=data, fits={"power_law": fit}, used_claims=data.height * 2, used_papers=data.height,
        dropped={k: v for k, v in dropped.items() if v}, options=fit_kw,
        x_label="parameters", y_label="training tokens", title="Training tokens vs parameters",
    )


def tokens_per_param_over_time(dataset, bootstrap: bool = False) -> RecipeResult:
    """Training tokens per parameter over publication date: how far models are past Chinchilla's
    ~20 tokens per parameter (the pairs of :func:`tokens_vs_params`, dated)."""
    pairs = tokens_vs_params(dataset, n_boot=0)
    df = _frame(dataset).select("paper_id", "date").unique("paper_id")
    data = pairs.data.join(df, on="paper_id", how="left")
    dropped = dict(pairs.dropped)
    dropped["paper has no full date"] = data.filter(pl.col("date").is_null()).height
    data = data.filter(pl.col("date").is_not_null()).with_columns(params=pl.col("x"), tokens=pl.col("y"),
                                                                y=pl.col("y") / pl.col("x")).sort("date")
    fit = fit_time_trend(data["date"].to_list(), data["y"].to_list(), groups=data["paper_id"].to_list(),
                         bootstrap=bootstrap, support=SUPPORT["tokens-per-param-over-time"])
    return RecipeResult(
        recipe="tokens-per-param-over-time", description="training tokens per parameter over publication date",
        data=data, fits={"trend": fit}, used_claims=data.height * 2, used_papers=data.height,
        dropped={k: v for k, v in dropped.items() if v}, options={"bootstrap": bootstrap},
        x_label="publication date", y_label="training tokens per parameter",
        title="Training tokens per parameter over time (Chinchilla: ~20)",
    )


def speedups_by_year(dataset) -> RecipeResult:
    """Claimed speedup factors by publication year: median and interquartile range per year, and
    the trend of the claimed factor over time."""
    df = _frame(dataset).filter(pl.col("claim_type") == "speedup")
    dropped: Counter = Counter()
    dropped["not a factor (x)"] = df.filter(pl.col("unit") != "x").height + df.filter(pl.col("unit").is_null()).height
    sel = df.filter(pl.col("unit") == "x")
    dropped["factor not above 0 (cannot go on a log axis)"] = sel.filter(pl.col("value") <= 0).height
    sel = sel.filter(pl.col("value") > 0)
    dropped["paper has no full date"] = sel.filter(pl.col("date").is_null()).height
    data = sel.filter(pl.col("date").is_not_null()).select(
        "date", pl.col("value").alias("y"), pl.col("date").dt.year().alias("year"), "paper_id", "title", "claim_id",
        "sentence", "subject").sort("date")
    table = data.group_by("year").agg(
        claims=pl.len(), papers=pl.col("paper_id").n_unique(), median=pl.col("y").median(),
        q25=pl.col("y").quantile(0.25, "linear"), q75=pl.col("y").quantile(0.75, "linear")).sort("year")
    fit = fit_time_trend(data["date"].to_list(), data["y"].to_list(), groups=data["paper_id"].to_list(),
                         support=SUPPORT["speedups-by-year"])
    return RecipeResult(
        recipe="speedups-by-year", description="claimed speedup factors by publication year (median, IQR)",
        data=data, fits={"trend": fit}, used_claims=data.height, used_papers=data["paper_id"].n_unique(),
        dropped={k: v for k, v in dropped.items() if v}, options={}, x_label="publication date",
        y_label="claimed speedup (x)", title="Claimed speedups by year", table=table,
    )


def score_vs_size_all(dataset, **fit_kw) -> RecipeResult:
    """:func:`score_vs_size` for every benchmark with enough papers (small multiples); one fit per
    benchmark, keyed by its name."""
    df = _frame(dataset)
    need = SUPPORT["score-vs-size"].papers
    scores = df.filter((pl.col("claim_type") == "benchmark_score") & pl.col("benchmark").is_not_null())
    counts = scores.group_by(pl.col("benchmark")).agg(papers=pl.col("paper_id").n_unique()).sort(["papers", "benchmark"], descending=[True, False])
    parts, fits, dropped, best = [], {}, Counter(), (0, "")
    for bench in counts.filter(pl.col("papers") >= need)["benchmark"].to_list():
        res = score_vs_size(df, benchmark=bench, **fit_kw)
        papers = res.data["paper_id"].n_unique()
        best = max(best, (papers, bench))
        if papers < need:  # named often, but too few papers also state a size for the scored model
            dropped["benchmark with too few score–size pairs"] += res.data.height
            continue
        fits[bench] = res.fit
        parts.append(res.data.with_columns(panel=pl.lit(bench)))
    dropped["benchmark named by too few papers"] = counts.filter(pl.col("papers") < need)["papers"].sum()
    data = pl.concat(parts) if parts else score_vs_size(df.head(0)).data.with_columns(panel=pl.lit(None, pl.Utf8))
    if not fits:
        from .fits import _failed

        fits = {"none": _failed("power_law", f"too little data to fit: no benchmark has score–size pairs from {need} papers"
                                + (f" (most: {best[1]}, {best[0]})" if best[0] else ""))}
    return RecipeResult(
        recipe="score-vs-size-all", description=f"score vs model size, every benchmark with score–size pairs from ≥ {need} papers",
        data=data, fits=fits, used_claims=data.height * 2,
        used_papers=data["paper_id"].n_unique(), dropped={k: v for k, v in dropped.items() if v}, options=fit_kw,
        x_label="model size (parameters)", y_label="score (%)", title="Benchmark score vs model size, per benchmark",
    )


RECIPES: dict[str, Callable[..., RecipeResult]] = {
    "score-vs-size": score_vs_size,
    "size-over-time": size_over_time,
    "speedup-distribution": speedup_distribution,
    "reduction-distribution": reduction_distribution,
    "tokens-vs-params": tokens_vs_params,
    "tokens-per-param-over-time": tokens_per_param_over_time,
    "speedups-by-year": speedups_by_year,
    "score-vs-size-all": score_vs_size_all,
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
