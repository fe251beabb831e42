"""Altair charts of recipe results. Charts read the fitted result objects; they never refit.

HTML is written with the Vega JavaScript inlined, so it opens offline; PNG and SVG are rendered by
vl-convert.
"""

from __future__ import annotations

from pathlib import Path

import altair as alt
import numpy as np
import polars as pl

from ..errors import ClaimsetError
from .fits import FitResult
from .recipes import RecipeResult

TOOLTIP = [alt.Tooltip("title:N", title="paper"), alt.Tooltip("sentence:N", title="sentence"),
           alt.Tooltip("claim_id:N", title="claim_id")]


def _points(data: pl.DataFrame) -> list[dict]:
    out = []
    for r in data.iter_rows(named=True):
        r = dict(r)
        if "date" in r and r["date"] is not None:
            r["date"] = r["date"].isoformat()
        out.append(r)
    return out


def _fit_title(res: RecipeResult, fit: FitResult) -> str:
    if not fit.success:
        return f"{res.description}: no fit ({fit.message})"
    if fit.model == "power_law":
        lo, hi = fit.ci.get("b", (float("nan"), float("nan")))
        return f"y = {fit.params['a']:.3g}·x^{fit.params['b']:.3f}  (b {int(fit.ci_level*100)}% CI [{lo:.3f}, {hi:.3f}], n={fit.n_points}, papers={fit.n_groups})"
    if fit.model == "time_trend":
        lo, hi = fit.ci["oom_per_year"]
        return f"{fit.params['oom_per_year']:.3f} OOM/yr [{lo:.3f}, {hi:.3f}] ({int(fit.ci_level*100)}%), doubling {fit.derived['doubling_time_months']:.1f} months"
    if fit.model == "power_law_tail":
        lo, hi = fit.ci["alpha"]
        return f"tail α = {fit.params['alpha']:.2f} [{lo:.2f}, {hi:.2f}] for x ≥ {fit.params['xmin']:.3g} (n_tail={int(fit.derived['n_tail'])})"
    return res.description


def loglog_chart(res: RecipeResult) -> alt.Chart:
    """Log-log scatter with the fitted power law and its confidence band."""
    fit = res.fit
    base = alt.Data(values=_points(res.data))
    pts = alt.Chart(base).mark_circle(size=60, opacity=0.8).encode(
        x=alt.X("x:Q", scale=alt.Scale(type="log"), title=res.x_label),
        y=alt.Y("y:Q", scale=alt.Scale(type="log"), title=res.y_label),
        tooltip=TOOLTIP + [alt.Tooltip("x:Q", format=".3g"), alt.Tooltip("y:Q", format=".3g")],
    )
    layers = []
    if fit.success and "band" in fit.extra:
        band = fit.extra["band"]
        grid = np.asarray(band["x"])
        line_vals = [{"x": float(x), "fit": float(v), "lo": float(lo), "hi": float(hi)}
                     for x, v, lo, hi in zip(grid, fit.predict(grid), band["lo"], band["hi"])]
        ld = alt.Data(values=line_vals)
        layers.append(alt.Chart(ld).mark_area(opacity=0.2, color="#4c78a8").encode(
            x=alt.X("x:Q", scale=alt.Scale(type="log")), y=alt.Y("lo:Q", scale=alt.Scale(type="log")), y2="hi:Q"))
        layers.append(alt.Chart(ld).mark_line(color="#e45756").encode(
            x=alt.X("x:Q", scale=alt.Scale(type="log")), y=alt.Y("fit:Q", scale=alt.Scale(type="log"))))
    return alt.layer(*layers, pts).properties(title=[res.recipe, _fit_title(res, fit)], width=560, height=380)


def time_chart(res: RecipeResult) -> alt.Chart:
    """Values over publication date (log scale) with the fitted trend(s) and bands."""
    base = alt.Data(values=_points(res.data))
    color = alt.Color("frontier:N", title="frontier") if "frontier" in res.data.columns else alt.value("#4c78a8")
    pts = alt.Chart(base).mark_circle(size=50, opacity=0.75).encode(
        x=alt.X("date:T", title=res.x_label),
        y=alt.Y("y:Q", scale=alt.Scale(type="log"), title=res.y_label),
        color=color, tooltip=TOOLTIP + [alt.Tooltip("date:T"), alt.Tooltip("y:Q", format=".3g")],
    )
    layers = []
    titles = [res.recipe]
    for name, fit in res.fits.items():
        titles.append(f"{name}: {_fit_title(res, fit)}")
        if not fit.success:
            continue
        band = fit.extra["band"]
        years = np.asarray(band["x"])
        vals = [{"date": _year_to_iso(t), "fit": float(v), "lo": float(lo), "hi": float(hi), "series": name}
                for t, v, lo, hi in zip(years, fit.predict(years), band["lo"], band["hi"])]
        ld = alt.Data(values=vals)
        layers.append(alt.Chart(ld).mark_area(opacity=0.15).encode(
            x="date:T", y=alt.Y("lo:Q", scale=alt.Scale(type="log")), y2="hi:Q", color=alt.value("#999999")))
        layers.append(alt.Chart(ld).mark_line().encode(
            x="date:T", y=alt.Y("fit:Q", scale=alt.Scale(type="log")), strokeDash=alt.StrokeDash("series:N", title="fit")))
    return alt.layer(*layers, pts).properties(title=titles, width=620, height=380)


def _year_to_iso(t: float) -> str:
    import datetime as dt

    year = int(np.floor(t))
    start = dt.date(year, 1, 1)
    days = (dt.date(year + 1, 1, 1) - start).days
    return (start + dt.timedelta(days=float((t - year) * days))).isoformat()


def ccdf_chart(res: RecipeResult) -> alt.Chart:
    """Empirical CCDF, P(X ≥ x), on log-log axes, with the fitted power-law tail from x_min."""
    fit = res.fit
    d = res.data.sort("y")
    n = d.height
    pts = _points(d.with_columns(ccdf=pl.Series([(n - i) / n for i in range(n)])))
    base = alt.Data(values=pts)
    chart = alt.Chart(base).mark_circle(size=45, opacity=0.8).encode(
        x=alt.X("y:Q", scale=alt.Scale(type="log"), title=res.x_label),
        y=alt.Y("ccdf:Q", scale=alt.Scale(type="log"), title=res.y_label),
        color=alt.Color("claim_type:N", title="type") if "claim_type" in d.columns else alt.value("#4c78a8"),
        tooltip=TOOLTIP + [alt.Tooltip("y:Q", title="factor", format=".3g")],
    )
    layers = [chart]
    if fit.success and n:
        xmin = fit.params["xmin"]
        grid = np.geomspace(xmin, max(float(d["y"].max()), xmin * 1.01), 50)
        vals = [{"y": float(x), "ccdf": float(v)} for x, v in zip(grid, fit.predict(grid))]
        layers.insert(0, alt.Chart(alt.Data(values=vals)).mark_line(color="#e45756").encode(
            x=alt.X("y:Q", scale=alt.Scale(type="log")), y=alt.Y("ccdf:Q", scale=alt.Scale(type="log"))))
    return alt.layer(*layers).properties(title=[res.recipe, _fit_title(res, fit)], width=560, height=380)


def chart_for(res: RecipeResult) -> alt.Chart:
    if res.recipe == "size-over-time":
        return time_chart(res)
    if res.recipe.endswith("distribution"):
        return ccdf_chart(res)
    return loglog_chart(res)


def save_chart(chart: alt.Chart, path: str | Path, replace: bool = True) -> Path:
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
