"""Altair charts of recipe results. Charts read the fitted result objects; they never refit.

Conventions: a human title naming what is plotted; log axes ticked at powers of ten (and at the
steps within a decade where they span one or two), labelled in SI for counts (1M, 1B, 1T) and as 10ⁿ otherwise; only positive values on a log axis (the rest counted in
the caption); dates with years; one colour per claim type in every chart; a caption under each chart
(source, claims and papers, the fit and its interval); a reference line where the field has one; a
failed fit shows its points and says what is missing, never a line.

HTML is written with the Vega JavaScript inlined, so it opens offline; PNG and SVG by vl-convert.
"""

from __future__ import annotations

import math
from pathlib import Path

import altair as alt
import numpy as np
import polars as pl

from ..errors import ClaimsetError
from ..models import CLAIM_TYPES
from .fits import FitResult
from .recipes import RecipeResult

TOOLTIP = [alt.Tooltip("title:N", title="paper"), alt.Tooltip("sentence:N", title="sentence"),
           alt.Tooltip("claim_id:N", title="claim_id")]
# One colour per claim type, the same in every chart (Tableau 10).
TYPE_COLORS = alt.Scale(domain=list(CLAIM_TYPES), range=["#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b", "#b279a2"])
POINT, FIT, BAND, REF = "#4c78a8", "#e45756", "#4c78a8", "#888888"
COUNT_AXES = ("parameters", "tokens", "model size", "training tokens")
WIDTH, HEIGHT = 560, 360
SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


# ------------------------------------------------------------------------------ axes and labels


def si(value: float) -> str:
    """1e6 -> '1M', 1.5e9 -> '1.5B', 2e12 -> '2T' (parameter and token counts); 10ⁿ beyond 1000T."""
    if abs(value) >= 1e15:
        return power_label(value)
    for scale, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= scale:
            return f"{value / scale:g}{suffix}"
    return f"{value:g}"


def power_label(value: float) -> str:
    """10 -> '10', 1000 -> '10³', 0.01 -> '10⁻²' (plain numbers from 0.1 to 100)."""
    if 0.1 <= value <= 100:
        return f"{value:g}"
    return "10" + str(int(round(math.log10(value)))).translate(SUPERSCRIPT)


# Ticks within each decade of a log axis, by how many decades it spans: a narrow axis (scores of
# 55-85%) is read by its steps (50, 60, ... 100), a wide one by its powers of ten alone.
_DECADE_STEPS = ((1, (1, 2, 3, 4, 5, 6, 7, 8, 9)), (2, (1, 2, 5)))


def log_ticks(values) -> list[float]:
    """The ticks of a log axis for ``values`` (positive ones): powers of ten spanning them, or, on an
    axis of one or two decades, the steps within each decade; the first and last ticks are the
    axis's domain (the nearest ticks at or beyond the values)."""
    vals = [v for v in values if v is not None and v > 0 and math.isfinite(v)]
    lo, hi = (math.floor(math.log10(min(vals))), math.ceil(math.log10(max(vals)))) if vals else (0, 1)
    hi = max(hi, lo + 1)
    steps = next((st for span, st in _DECADE_STEPS if hi - lo <= span), (1,))
    ladder = [float(f"{m}e{k}") for k in range(lo, hi) for m in steps] + [float(f"1e{hi}")]
    return _around(ladder, min(vals), max(vals)) if vals and len(steps) > 1 else ladder


def _around(ladder: list[float], low: float, high: float) -> list[float]:
    """The run of ``ladder`` from its last tick at or below ``low`` to its first at or above ``high``
    (two ticks at least: one value on a tick still gives the axis a length)."""
    start = max((t for t in ladder if t <= low), default=ladder[0])
    end = min((t for t in ladder if t >= high), default=ladder[-1])
    if start == end:
        end = ladder[min(ladder.index(end) + 1, len(ladder) - 1)]
    return [t for t in ladder if start <= t <= end]


def tick_label(value: float, counts: bool, stepped: bool = False) -> str:
    """A log axis tick's label: SI for counts ("20B"); else, on an axis ticked at powers of ten only,
    as :func:`power_label` ("10³"), and on a stepped axis plain from 0.001 to 9999 ("0.05", "2000"),
    "2×10⁻⁴" beyond."""
    if counts:
        return si(value)
    if not stepped:
        return power_label(value)
    if 1e-3 <= value < 1e4:
        return f"{value:g}"
    exponent = math.floor(math.log10(value) + 1e-9)
    mantissa = round(value / 10.0 ** exponent, 6)
    return power_label(10.0 ** exponent) if mantissa == 1 else f"{mantissa:g}×" + power_label(10.0 ** exponent)


def log_axis(values, title: str, counts: bool | None = None) -> alt.Axis:
    """A log axis ticked at :func:`log_ticks`, labelled by :func:`si` (counts) or as powers of ten."""
    ticks = log_ticks(values)
    counts = any(w in title for w in COUNT_AXES) if counts is None else counts
    stepped = any(round(math.log10(t), 9) % 1 for t in ticks)
    expr = "''"
    for t in reversed(ticks):
        expr = f"abs(datum.value - {t!r}) < {t * 1e-6!r} ? '{tick_label(t, counts, stepped)}' : {expr}"
    return alt.Axis(title=title, values=ticks, labelExpr=expr, grid=True)


def log_scale(values) -> alt.Scale:
    vals = [v for v in values if v is not None and v > 0 and math.isfinite(v)]
    if not vals:
        return alt.Scale(type="log")
    ticks = log_ticks(vals)
    return alt.Scale(type="log", domain=[ticks[0], ticks[-1]], nice=False)  # (a layer without the domain would round it out)


def _points(data: pl.DataFrame) -> list[dict]:
    out = []
    for r in data.iter_rows(named=True):
        r = dict(r)
        for k in ("date",):
            if r.get(k) is not None:
                r[k] = r[k].isoformat()
        out.append(r)
    return out


def _positive(data: pl.DataFrame, *cols: str) -> tuple[pl.DataFrame, int]:
    """Rows that can go on log axes, and how many cannot."""
    keep = data
    for c in cols:
        keep = keep.filter(pl.col(c).is_not_null() & (pl.col(c) > 0))
    return keep, data.height - keep.height


# ------------------------------------------------------------------------------ captions


def doubling(months: float | None) -> str:
    return "n/a (not growing)" if months is None or not math.isfinite(months) or months <= 0 else f"{months:.1f} months"


def fit_text(fit: FitResult) -> str:
    """One line: the fitted law or trend with its interval, or why there is none."""
    if not fit.success:
        return fit.message
    lvl = f"{int(round(fit.ci_level * 100))}%"
    if fit.model == "power_law":
        lo, hi = fit.ci.get("b", (float("nan"),) * 2)
        return f"y = {fit.params['a']:.3g}·x^{fit.params['b']:.3f}; exponent {lvl} CI [{lo:.3f}, {hi:.3f}] ({_method(fit)})"
    if fit.model == "time_trend":
        lo, hi = fit.ci["oom_per_year"]
        return (f"{fit.params['oom_per_year']:+.3f} orders of magnitude per year ({lvl} CI [{lo:.3f}, {hi:.3f}], {_method(fit)}); "
                f"doubling time {doubling(fit.derived.get('doubling_time_months'))}")
    if fit.model == "power_law_tail":
        lo, hi = fit.ci["alpha"]
        return f"tail exponent α = {fit.params['alpha']:.2f} ({lvl} CI [{lo:.2f}, {hi:.2f}]) for x ≥ {fit.params['xmin']:.3g}"
    return fit.message


def _method(fit: FitResult) -> str:
    return "cluster bootstrap over papers" if fit.ci_method.startswith("paper-level") else "analytic"


def caption(res: RecipeResult, source: str, off_axis: int = 0) -> list[str]:
    """The lines under a chart: source, what was used and dropped, each fit."""
    lines = [f"Source: {source}. {res.used_claims:,} claims from {res.used_papers:,} paper{'' if res.used_papers == 1 else 's'}; "
             f"{sum(res.dropped.values()):,} claims not used (see `claimset fit {res.recipe}`)."]
    if off_axis:
        lines.append(f"{off_axis} value(s) at or below 0 left off the log axis.")
    if res.table is not None:
        lines.append("Diamonds: median claim per year; bars: interquartile range; dots: single claims.")
    for name, fit in res.fits.items():
        prefix = "" if len(res.fits) == 1 else f"{name}: "
        lines.append(prefix + fit_text(fit))
    return lines


def with_caption(chart: alt.Chart, lines: list[str], width: int = WIDTH) -> alt.VConcatChart:
    text = alt.Chart(alt.Data(values=[{"i": i, "line": s} for i, s in enumerate(lines)])).mark_text(
        align="left", baseline="top", fontSize=11, color="#444", limit=width + 140,
    ).encode(x=alt.value(0), y=alt.Y("i:O", axis=None), text="line:N").properties(
        width=width, height=16 * len(lines), view=alt.ViewConfig(strokeWidth=0))
    return alt.vconcat(chart, text, spacing=6).resolve_scale(y="independent")


# ------------------------------------------------------------------------------ chart kinds


def _band_layers(fit: FitResult, x_field: str, to_x=lambda v: v, color: str = FIT, label: str | None = None) -> list[alt.Chart]:
    """The fitted line, its interval band, and (with ``label``) the line's name at its end."""
    band = fit.extra["band"]
    grid = np.asarray(band["x"])
    rows = [{x_field: to_x(float(x)), "fit": float(v), "lo": float(lo), "hi": float(hi)}
            for x, v, lo, hi in zip(grid, fit.predict(grid), band["lo"], band["hi"])]
    d = alt.Data(values=rows)
    enc_x = alt.X(f"{x_field}:{'T' if x_field == 'date' else 'Q'}")
    out = [alt.Chart(d).mark_area(opacity=0.15, color=color, clip=True).encode(x=enc_x, y="lo:Q", y2="hi:Q"),
           alt.Chart(d).mark_line(color=color, strokeWidth=2, clip=True).encode(x=enc_x, y="fit:Q")]
    if label:
        end = alt.Data(values=[dict(rows[-1], t=label)])
        out.append(alt.Chart(end).mark_text(align="left", dx=5, color=color, fontSize=11, fontWeight="bold").encode(
            x=enc_x, y="fit:Q", text="t:N"))
    return out


def _reference(kind: str, xs: list[float]) -> list[alt.Chart]:
    """Chinchilla's ~20 training tokens per parameter, where the chart has that axis."""
    if kind == "tokens-vs-params" and xs:
        lo, hi = min(xs), max(xs)
        d = alt.Data(values=[{"x": lo, "y": 20 * lo}, {"x": hi, "y": 20 * hi}])
        line = alt.Chart(d).mark_line(color=REF, strokeDash=[6, 4]).encode(x="x:Q", y="y:Q")
        label = alt.Chart(alt.Data(values=[{"x": hi, "y": 20 * hi, "t": "20 tokens per parameter (Chinchilla)"}])).mark_text(
            align="right", dy=-8, color=REF, fontSize=11).encode(x="x:Q", y="y:Q", text="t:N")
        return [line, label]
    if kind == "tokens-per-param-over-time":
        rule = alt.Chart(alt.Data(values=[{"y": 20.0}])).mark_rule(color=REF, strokeDash=[6, 4]).encode(y="y:Q")
        label = alt.Chart(alt.Data(values=[{"y": 20.0, "t": "Chinchilla: 20 tokens per parameter"}])).mark_text(
            align="left", x=4, dy=-7, color=REF, fontSize=11).encode(y="y:Q", text="t:N")
        return [rule, label]
    return []


def loglog_chart(res: RecipeResult, source: str = "claimset dataset") -> alt.VConcatChart:
    """Log-log scatter with the fitted power law and its band (none when the fit failed)."""
    data, off = _positive(res.data, "x", "y")
    xs, ys = data["x"].to_list(), data["y"].to_list()
    fit = res.fit
    x_enc = alt.X("x:Q", scale=log_scale(xs), axis=log_axis(xs, res.x_label))
    y_all = ys + ([20 * min(xs), 20 * max(xs)] if res.recipe == "tokens-vs-params" and xs else [])
    y_enc = alt.Y("y:Q", scale=log_scale(y_all), axis=log_axis(y_all, res.y_label))
    pts = alt.Chart(alt.Data(values=_points(data))).mark_circle(size=60, opacity=0.8, color=POINT).encode(
        x=x_enc, y=y_enc, tooltip=TOOLTIP + [alt.Tooltip("x:Q", title=res.x_label, format=".3~s"),
                                             alt.Tooltip("y:Q", title=res.y_label, format=".3~g")])
    layers = (_band_layers(fit, "x") if fit.success and "band" in fit.extra else []) + _reference(res.recipe, xs)
    chart = alt.layer(pts, *layers).properties(title=_title(res), width=WIDTH, height=HEIGHT)
    return with_caption(chart, caption(res, source, off))


def _title(res: RecipeResult) -> alt.TitleParams:
    failed = [f for f in res.fits.values() if not f.success]
    sub = None
    if failed and len(failed) == len(res.fits):
        sub = "too little data to fit: points only" if res.data.height else "no data to plot in this dataset"
    return alt.TitleParams(res.title or res.description, subtitle=sub or alt.Undefined, anchor="start",
                           subtitleColor="#b22222")


def time_chart(res: RecipeResult, source: str = "claimset dataset") -> alt.VConcatChart:
    """Values over publication date on a log axis, with the fitted trend(s) and their bands."""
    data, off = _positive(res.data, "y")
    ys = data["y"].to_list()
    color = (alt.Color("frontier:N", title="frontier at release", scale=alt.Scale(domain=[True, False], range=[FIT, "#9ecae9"]))
             if "frontier" in data.columns else alt.value(POINT))
    y_all = ys + ([20.0] if res.recipe == "tokens-per-param-over-time" else [])
    y_enc = alt.Y("y:Q", scale=log_scale(y_all), axis=log_axis(y_all, res.y_label))
    pts = alt.Chart(alt.Data(values=_points(data))).mark_circle(size=50, opacity=0.75).encode(
        x=alt.X("date:T", title=res.x_label, axis=alt.Axis(format="%Y", tickCount="year")),
        y=y_enc, color=color, tooltip=TOOLTIP + [alt.Tooltip("date:T", format="%d %b %Y"), alt.Tooltip("y:Q", format=".3~s")])
    layers = [pts]
    line_colors = {"all": "#1f4e79", "frontier": FIT}
    for name, fit in res.fits.items():
        if fit.success:
            layers += _band_layers(fit, "date", to_x=_year_to_iso, color=line_colors.get(name, FIT),
                                   label=f"{name} fit" if len(res.fits) > 1 else None)
    layers += _reference(res.recipe, [])
    if res.table is not None:
        layers += _year_summary(res.table)
    chart = alt.layer(*layers).properties(title=_title(res), width=WIDTH + 60, height=HEIGHT)
    return with_caption(chart, caption(res, source, off), WIDTH + 60)


def _year_summary(table: pl.DataFrame) -> list[alt.Chart]:
    """Median per year (diamond) and interquartile range (bar), at mid-year."""
    rows = [{"date": f"{int(r['year'])}-07-01", "median": r["median"], "q25": r["q25"], "q75": r["q75"], "n": r["claims"]}
            for r in table.iter_rows(named=True)]
    d = alt.Data(values=rows)
    tip = [alt.Tooltip("date:T", format="%Y", title="year"), alt.Tooltip("median:Q", format=".3~g"),
           alt.Tooltip("q25:Q", format=".3~g"), alt.Tooltip("q75:Q", format=".3~g"), alt.Tooltip("n:Q", title="claims")]
    return [alt.Chart(d).mark_rule(color="#222", strokeWidth=2).encode(x="date:T", y="q25:Q", y2="q75:Q", tooltip=tip),
            alt.Chart(d).mark_point(shape="diamond", size=110, filled=True, color="#222").encode(x="date:T", y="median:Q", tooltip=tip)]


def _year_to_iso(t: float) -> str:
    import datetime as dt

    year = int(np.floor(t))
    start = dt.date(year, 1, 1)
    days = (dt.date(year + 1, 1, 1) - start).days
    return (start + dt.timedelta(days=float((t - year) * days))).isoformat()


def ccdf_chart(res: RecipeResult, source: str = "claimset dataset") -> alt.VConcatChart:
    """Empirical CCDF, P(X ≥ x), on log-log axes, with the fitted power-law tail from x_min."""
    fit = res.fit
    d, off = _positive(res.data.sort("y"), "y")
    n = d.height
    pts = _points(d.with_columns(ccdf=pl.Series([(n - i) / n for i in range(n)], dtype=pl.Float64)))
    xs = d["y"].to_list()
    ccdf = [p["ccdf"] for p in pts]
    x_enc = alt.X("y:Q", scale=log_scale(xs), axis=log_axis(xs, res.x_label, counts=False))
    y_enc = alt.Y("ccdf:Q", scale=log_scale(ccdf), axis=log_axis(ccdf, res.y_label, counts=False))
    chart = alt.Chart(alt.Data(values=pts)).mark_circle(size=45, opacity=0.8).encode(
        x=x_enc, y=y_enc,
        color=(alt.Color("claim_type:N", title="claim type", scale=TYPE_COLORS,
                         legend=alt.Legend(values=[t for t in CLAIM_TYPES if t in set(d["claim_type"].to_list())]))
               if "claim_type" in d.columns else alt.value(POINT)),
        tooltip=TOOLTIP + [alt.Tooltip("y:Q", title="factor", format=".3~g")],
    )
    layers = [chart]
    if fit.success and n:
        xmin = fit.params["xmin"]
        grid = np.geomspace(xmin, max(float(d["y"].max()), xmin * 1.01), 50)
        vals = [{"y": float(x), "ccdf": float(v)} for x, v in zip(grid, fit.predict(grid))]
        layers.append(alt.Chart(alt.Data(values=vals)).mark_line(color=FIT, strokeWidth=2, clip=True).encode(x="y:Q", y="ccdf:Q"))
    body = alt.layer(*layers).properties(title=_title(res), width=WIDTH, height=HEIGHT)
    return with_caption(body, caption(res, source, off))


def panels_chart(res: RecipeResult, source: str = "claimset dataset") -> alt.ConcatChart:
    """Small multiples: one log-log panel per benchmark, each with its own fit (or its own note)."""
    panels = []
    if "panel" not in res.data.columns or res.data.height == 0:
        note = alt.Chart(alt.Data(values=[{"t": res.fit.message}])).mark_text(fontSize=13, color="#b22222").encode(
            text="t:N").properties(width=WIDTH, height=60, view=alt.ViewConfig(strokeWidth=0))
        return alt.concat(note, columns=1).properties(title=alt.TitleParams(res.title, subtitle=f"Source: {source}.", anchor="start"))
    for name, fit in res.fits.items():
        sub = res.data.filter(pl.col("panel") == name) if "panel" in res.data.columns else res.data.head(0)
        one = RecipeResult(recipe="score-vs-size", description=name, data=sub, fits={"power_law": fit},
                           used_claims=sub.height * 2, used_papers=sub["paper_id"].n_unique(), dropped={},
                           x_label=res.x_label, y_label=res.y_label, title=f"{name}")
        panels.append(loglog_chart(one, source))
    return alt.concat(*panels, columns=2).properties(
        title=alt.TitleParams(res.title, subtitle=f"Source: {source}. Each panel: its own power-law fit, or a note when too few papers.",
                              anchor="start"))


def chart_for(res: RecipeResult, source: str = "claimset dataset"):
    """The chart of a recipe result (its kind follows the recipe)."""
    if res.recipe == "score-vs-size-all":
        return panels_chart(res, source)
    if res.recipe in ("size-over-time", "tokens-per-param-over-time", "speedups-by-year"):
        return time_chart(res, source)
    if res.recipe.endswith("distribution"):
        return ccdf_chart(res, source)
    return loglog_chart(res, source)


def page(charts: list, title: str) -> alt.VConcatChart:
    """Several charts on one page, each keeping its own legend and scales."""
    return alt.vconcat(*charts, spacing=40).properties(title=title).resolve_legend(color="independent").resolve_scale(
        color="independent", x="independent", y="independent")


def save_chart(chart, path: str | Path, replace: bool = True) -> Path:
    """Write ``.html`` (JavaScript inlined: opens offline), ``.png`` or ``.svg`` atomically.

    With ``replace=False`` an existing file is refused (the CLI replaces one only with --force).
    """
    path = Path(path)
    if not replace and (path.exists() or path.is_symlink()):
        raise ClaimsetError("exists; pass --force to replace it", path)
    suffix = path.suffix.lower()
    if suffix not in (".html", ".png", ".svg", ".json"):
        raise ClaimsetError(f"unsupported chart format {suffix or '(none)'} (use .html, .png, .svg or .json)", path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.claimset-tmp{suffix}")
    try:
        if suffix == ".html":
            chart.save(str(tmp), format="html", inline=True)
        elif suffix == ".png":
            chart.save(str(tmp), format="png", scale_factor=2)
        elif suffix == ".svg":
            chart.save(str(tmp), format="svg")
        else:
            chart.save(str(tmp), format="json")
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
