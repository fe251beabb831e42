"""Fits with honest uncertainty, returning frozen result objects (never bare tuples).

* :func:`fit_power_law` — y = a·x^b by OLS in log-log space (or a Huber loss in log space via
  ``scipy.optimize.least_squares``), with a
  paper-level cluster bootstrap (resample papers, not points; vectorised; seedable) and the
  analytic t-interval beside it.
* :func:`fit_saturating` — y = E + A·x^(−α), Chinchilla "approach 3": Huber (δ = 1e-3) on log
  residuals, summed, L-BFGS from a grid of starts; cluster-bootstrap intervals.
* :func:`fit_time_trend` — log10(value) = c + g·t (decimal years): orders of magnitude per year,
  factor per year, doubling time in months, each with a 90% interval.
* :func:`fit_tail` — Clauset–Shalizi–Newman power-law tail: x_min by KS minimisation, MLE exponent
  and its standard error, bootstrap goodness-of-fit p-value, likelihood ratios against lognormal
  and exponential tails.

A poor or impossible fit is a result with ``success=False`` and a message, not an exception.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import numpy as np
from scipy import optimize, special, stats


def _json(v: Any) -> Any:
    if isinstance(v, (np.floating, float)):
        f = float(v)
        return f if math.isfinite(f) else None
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.ndarray, list, tuple)):
        return [_json(x) for x in v]
    if isinstance(v, dict):
        return {k: _json(x) for k, x in v.items()}
    return v


@dataclass(frozen=True)
class FitResult:
    """The outcome of a fit: estimates, intervals, sizes, diagnostics. Immutable."""

    model: str
    params: dict[str, float]
    ci: dict[str, tuple[float, float]]
    ci_level: float
    ci_method: str
    n_points: int
    n_groups: int
    success: bool
    message: str
    r2_log: float | None = None
    residuals: tuple[float, ...] = ()
    analytic_ci: dict[str, tuple[float, float]] = field(default_factory=dict)
    derived: dict[str, float] = field(default_factory=dict)
    derived_ci: dict[str, tuple[float, float]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    _predict: Callable[[np.ndarray], np.ndarray] | None = field(default=None, repr=False, compare=False)

    def predict(self, x: Sequence[float] | np.ndarray | float) -> np.ndarray:
        """Model values at ``x`` (for a time trend: decimal years)."""
        if self._predict is None or not self.success:
            raise ValueError(f"no prediction: {self.message}")
        return self._predict(np.asarray(x, dtype=float))

    def summary(self) -> dict[str, Any]:
        """A JSON-safe dict of everything but the prediction function."""
        return _json({
            "model": self.model, "success": self.success, "message": self.message,
            "params": self.params, "ci": {k: list(v) for k, v in self.ci.items()}, "ci_level": self.ci_level,
            "ci_method": self.ci_method, "analytic_ci": {k: list(v) for k, v in self.analytic_ci.items()},
            "derived": self.derived, "derived_ci": {k: list(v) for k, v in self.derived_ci.items()},
            "n_points": self.n_points, "n_groups": self.n_groups, "r2_log": self.r2_log,
            "residuals": list(self.residuals), **({"extra": self.extra} if self.extra else {}),
        })


def _failed(model: str, message: str, n: int = 0, g: int = 0, level: float = 0.95) -> FitResult:
    return FitResult(model=model, params={}, ci={}, ci_level=level, ci_method="none", n_points=n, n_groups=g,
                     success=False, message=message)


@dataclass(frozen=True)
class Support:
    """The least data a fit may be published on: papers, distinct x values (sizes, dates or values),
    and papers for a cluster bootstrap (below it the analytic interval is used, and the result says so)."""

    papers: int = 5
    distinct_x: int = 3
    boot_clusters: int = 10

    def missing(self, n_papers: int, n_distinct: int) -> str | None:
        """A message saying what is missing, or None when there is enough."""
        needs = []
        if n_papers < self.papers:
            needs.append(f"{n_papers} paper{'s' if n_papers != 1 else ''} (need {self.papers})")
        if n_distinct < self.distinct_x:
            needs.append(f"{n_distinct} distinct x value{'s' if n_distinct != 1 else ''} (need {self.distinct_x})")
        return "too little data to fit: " + ", ".join(needs) if needs else None

    def no_bootstrap(self, n_papers: int) -> str:
        return (f"analytic interval: {n_papers} papers are too few for a cluster bootstrap "
                f"(need {self.boot_clusters})")


def _groups(groups: Sequence[Any] | None, n: int) -> np.ndarray:
    """Integer group codes (each point its own group when none are given)."""
    if groups is None:
        return np.arange(n)
    _, codes = np.unique(np.asarray([str(g) for g in groups]), return_inverse=True)
    return codes


def _clean_xy(x, y, positive: bool = True):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    ok = np.isfinite(x) & np.isfinite(y)
    if positive:
        ok &= (x > 0) & (y > 0)
    return x, y, ok


def cluster_bootstrap_ols(lx: np.ndarray, ly: np.ndarray, codes: np.ndarray, n_boot: int,
                          rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """(intercepts, slopes) of OLS on ``n_boot`` paper-level resamples, fully vectorised.

    Papers are drawn with replacement; a paper drawn k times counts k times. Sufficient statistics
    are summed per paper once, so each resample costs O(papers), not O(points).
    """
    g = int(codes.max()) + 1
    per = np.zeros((g, 5))
    np.add.at(per, codes, np.column_stack([np.ones_like(lx), lx, ly, lx * lx, lx * ly]))
    counts = rng.multinomial(g, np.full(g, 1.0 / g), size=n_boot).astype(float)  # (B, G)
    s = counts @ per  # (B, 5): n, Σx, Σy, Σxx, Σxy
    n, sx, sy, sxx, sxy = s.T
    var = sxx - sx * sx / n
    with np.errstate(divide="ignore", invalid="ignore"):
        slope = (sxy - sx * sy / n) / var
    intercept = (sy - slope * sx) / n
    return intercept, slope


def _percentile_ci(samples: np.ndarray, level: float) -> tuple[float, float]:
    samples = samples[np.isfinite(samples)]
    if samples.size == 0:
        return (float("nan"), float("nan"))
    lo, hi = np.percentile(samples, [50 * (1 - level), 50 * (1 + level)])
    return float(lo), float(hi)


def _huber_fit(lx: np.ndarray, ly: np.ndarray, delta: float) -> tuple[float, float]:
    """Intercept and slope minimising a Huber loss on log-space residuals
    (``scipy.optimize.least_squares`` with ``loss="huber"``, started from the OLS solution)."""
    slope, intercept = np.polyfit(lx, ly, 1)
    res = optimize.least_squares(lambda p: ly - (p[0] + p[1] * lx), x0=[intercept, slope], loss="huber", f_scale=delta)
    return float(res.x[0]), float(res.x[1])


def fit_power_law(
    x: Sequence[float],
    y: Sequence[float],
    groups: Sequence[Any] | None = None,
    loss: str = "ols",
    n_boot: int = 2000,
    level: float = 0.95,
    seed: int | None = 0,
    huber_delta: float = 0.5,
    support: Support = Support(),
) -> FitResult:
    """y = a·x^b in log-log space. ``groups`` (e.g. paper ids) drive the cluster bootstrap, used
    only with ``support.boot_clusters`` papers or more. Below ``support`` the result is a failure
    saying what is missing."""
    model = "power_law"
    x, y, ok = _clean_xy(x, y)
    codes_all = _groups(groups, len(x))
    lx, ly, codes = np.log10(x[ok]), np.log10(y[ok]), codes_all[ok]
    n = lx.size
    _, codes = np.unique(codes, return_inverse=True)
    g = int(codes.max()) + 1 if n else 0
    short = support.missing(g, len(np.unique(lx)))
    if short or n < 3:
        return _failed(model, short or f"need at least 3 positive points, have {n}", n, g, level)
    fitter = (lambda a, b: _huber_fit(a, b, huber_delta)) if loss == "huber" else None
    if loss == "ols":
        slope, intercept = np.polyfit(lx, ly, 1)
    elif fitter is not None:
        intercept, slope = fitter(lx, ly)
    else:
        return _failed(model, f"unknown loss {loss!r} (ols, huber)", n, g, level)
    line = _Line(lx, ly, slope, intercept, level)
    analytic = {"b": line.slope_ci(), "log10_a": line.intercept_ci()}
    grid = np.linspace(lx.min(), lx.max(), 60)
    if n_boot and g >= support.boot_clusters:
        rng = np.random.default_rng(seed)
        ints, slopes = cluster_bootstrap_ols(lx, ly, codes, n_boot, rng) if fitter is None \
            else _bootstrap_refit(lx, ly, codes, n_boot, rng, fitter)
        ci = {"b": _percentile_ci(slopes, level), "log10_a": _percentile_ci(ints, level)}
        ci["a"] = (10 ** ci["log10_a"][0], 10 ** ci["log10_a"][1])
        method, message = f"paper-level cluster bootstrap ({n_boot} resamples, percentile)", "ok"
        lo, hi = _boot_band(ints, slopes, grid, level)
    else:
        message = support.no_bootstrap(g) if n_boot else "analytic interval (no bootstrap asked for)"
        ci, method = dict(analytic), "analytic t"
        lo, hi = line.band(grid)
    intercept, resid, r2 = line.intercept, line.resid, line.r2
    a = 10 ** intercept
    b = float(slope)
    band = {"x": (10 ** grid).tolist(), "lo": (10 ** lo).tolist(), "hi": (10 ** hi).tolist()}
    return FitResult(
        model=model, params={"a": float(a), "b": b, "log10_a": float(intercept)}, ci=ci, ci_level=level,
        ci_method=method, n_points=n, n_groups=g, success=True, message=message, r2_log=float(r2),
        residuals=tuple(float(r) for r in resid), analytic_ci=analytic,
        extra={"loss": loss, "seed": seed, "band": band},
        _predict=lambda xs, a=a, b=b: a * np.power(xs, b),
    )


class _Line:
    """A straight line fitted to (x, y), with what its analytic t-intervals need (the points treated
    as independent): residuals, R², the standard errors and the t quantile at ``level``."""

    def __init__(self, x: np.ndarray, y: np.ndarray, slope: Any, intercept: Any, level: float):
        self.x, self.slope, self.intercept = x, slope, intercept
        self.resid = y - (intercept + slope * x)
        ss_res = float((self.resid ** 2).sum())
        self.r2 = _r2(self.resid, y)
        self.n = n = x.size
        dof = n - 2
        self.sxx = float(((x - x.mean()) ** 2).sum())
        self.s2 = ss_res / dof if dof > 0 else float("nan")
        self.t = stats.t.ppf(0.5 + level / 2, dof) if dof > 0 else float("nan")
        self._dof = dof

    def slope_ci(self) -> tuple[float, float]:
        se = math.sqrt(self.s2 / self.sxx) if self._dof > 0 else float("nan")
        return (self.slope - self.t * se, self.slope + self.t * se)

    def intercept_ci(self) -> tuple[float, float]:
        se = math.sqrt(self.s2 * (1 / self.n + self.x.mean() ** 2 / self.sxx)) if self._dof > 0 else float("nan")
        return (self.intercept - self.t * se, self.intercept + self.t * se)

    def band(self, grid: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The line's confidence band over ``grid`` (x values)."""
        half = self.t * math.sqrt(self.s2) * np.sqrt(1 / self.n + (grid - self.x.mean()) ** 2 / self.sxx)
        return self.intercept + self.slope * grid - half, self.intercept + self.slope * grid + half


def _r2(resid: np.ndarray, y: np.ndarray) -> float:
    """The share of ``y``'s variance a line with residuals ``resid`` explains (NaN for a constant ``y``)."""
    ss_tot = float(((y - y.mean()) ** 2).sum())
    return 1 - float((resid ** 2).sum()) / ss_tot if ss_tot > 0 else float("nan")


def _boot_band(ints: np.ndarray, slopes: np.ndarray, at: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    """The percentile band of the bootstrap's lines over ``at`` (resamples with no line left out)."""
    with np.errstate(invalid="ignore"):
        preds = ints[:, None] + slopes[:, None] * at[None, :]
    preds = preds[np.all(np.isfinite(preds), axis=1)]
    lo, hi = np.percentile(preds, [50 * (1 - level), 50 * (1 + level)], axis=0)
    return lo, hi


def _bootstrap_refit(lx, ly, codes, n_boot, rng, fit) -> tuple[np.ndarray, np.ndarray]:
    g = int(codes.max()) + 1
    members = [np.flatnonzero(codes == k) for k in range(g)]
    ints, slopes = np.empty(n_boot), np.empty(n_boot)
    for i in range(n_boot):
        pick = np.concatenate([members[k] for k in rng.integers(0, g, size=g)])
        if np.ptp(lx[pick]) == 0:
            ints[i] = slopes[i] = np.nan
            continue
        ints[i], slopes[i] = fit(lx[pick], ly[pick])
    return ints, slopes


# ------------------------------------------------------------------------------- saturating


def _huber(r: np.ndarray, delta: float) -> np.ndarray:
    a = np.abs(r)
    return np.where(a <= delta, 0.5 * r * r, delta * (a - 0.5 * delta))


def _sat_fit(lnx: np.ndarray, lny: np.ndarray, delta: float, starts: list[tuple[float, float, float]]):
    """Best (a, alpha, e) over the grid of starts, where A = exp(a), E = exp(e)."""

    def loss(p):
        a, alpha, e = p
        pred = np.logaddexp(a - alpha * lnx, e)
        r = pred - lny
        h = _huber(r, delta)
        # gradient of Σ huber(r) wrt (a, alpha, e)
        dh = np.clip(r, -delta, delta)
        wa = np.exp(a - alpha * lnx - pred)
        we = np.exp(e - pred)
        grad = np.array([(dh * wa).sum(), (dh * wa * -lnx).sum(), (dh * we).sum()])
        return h.sum(), grad

    best = None
    for s in starts:
        res = optimize.minimize(loss, np.array(s, dtype=float), jac=True, method="L-BFGS-B")
        if best is None or res.fun < best.fun:
            best = res
    return best


def fit_saturating(
    x: Sequence[float],
    y: Sequence[float],
    groups: Sequence[Any] | None = None,
    delta: float = 1e-3,
    n_boot: int = 300,
    level: float = 0.95,
    seed: int | None = 0,
) -> FitResult:
    """y = E + A·x^(−α), Chinchilla approach 3 (Huber δ=1e-3 on log residuals, summed; L-BFGS
    from a grid of starts). Intervals from a paper-level cluster bootstrap refitting from the best
    start (fewer resamples by default than the power law: each is an L-BFGS fit)."""
    model = "saturating"
    x, y, ok = _clean_xy(x, y)
    codes = _groups(groups, len(x))[ok]
    lnx, lny = np.log(x[ok]), np.log(y[ok])
    n = lnx.size
    _, codes = np.unique(codes, return_inverse=True)
    g = int(codes.max()) + 1 if n else 0
    if n < 4:
        return _failed(model, f"need at least 4 positive points, have {n}", n, g, level)
    e0 = float(np.log(max(y[ok].min() * 0.5, 1e-12)))
    starts = [(a, al, e) for a in np.linspace(0, 25, 6) for al in (0.1, 0.3, 0.6, 1.0, 2.0) for e in (e0, e0 + 0.5, e0 - 1.0)]
    best = _sat_fit(lnx, lny, delta, starts)
    a, alpha, e = best.x
    pred = np.logaddexp(a - alpha * lnx, e)
    resid = lny - pred
    ss_tot = float(((lny - lny.mean()) ** 2).sum())
    r2 = 1 - float((resid ** 2).sum()) / ss_tot if ss_tot > 0 else float("nan")
    ci: dict[str, tuple[float, float]] = {}
    method = "none"
    message = "ok" if best.success else f"optimizer: {best.message}"
    if n_boot and g >= 3:
        rng = np.random.default_rng(seed)
        members = [np.flatnonzero(codes == k) for k in range(g)]
        samples = np.full((n_boot, 3), np.nan)
        for i in range(n_boot):
            pick = np.concatenate([members[k] for k in rng.integers(0, g, size=g)])
            r = _sat_fit(lnx[pick], lny[pick], delta, [tuple(best.x)])
            samples[i] = r.x
        ci = {"A": tuple(np.exp(_percentile_ci(samples[:, 0], level))), "alpha": _percentile_ci(samples[:, 1], level),
              "E": tuple(np.exp(_percentile_ci(samples[:, 2], level)))}
        method = f"paper-level cluster bootstrap ({n_boot} resamples, percentile)"
    A, E = float(np.exp(a)), float(np.exp(e))
    return FitResult(
        model=model, params={"A": A, "alpha": float(alpha), "E": E}, ci=ci, ci_level=level, ci_method=method,
        n_points=n, n_groups=g, success=bool(best.success), message=message, r2_log=r2,
        residuals=tuple(float(v) for v in resid), extra={"delta": delta, "loss": float(best.fun), "starts": len(starts)},
        _predict=lambda xs, A=A, E=E, al=float(alpha): E + A * np.power(xs, -al),
    )


# ------------------------------------------------------------------------------- time trend


def _doubling(gr: float) -> float:
    """The doubling time in months of a growth of ``gr`` orders of magnitude per year (infinite for none)."""
    return 12 * math.log10(2) / gr if gr > 0 else float("inf")


def _growth(slope: float, lo: float, hi: float) -> tuple[dict[str, float], dict[str, tuple[float, float]]]:
    """Factor per year and doubling time of a slope in orders of magnitude per year, and their
    intervals from the slope's (``lo``, ``hi``)."""
    derived = {"factor_per_year": 10 ** slope, "doubling_time_months": _doubling(slope)}
    derived_ci = {"factor_per_year": (10 ** lo, 10 ** hi),
                  "doubling_time_months": (_doubling(hi), _doubling(lo)) if lo > 0 else (_doubling(hi), float("inf"))}
    return derived, derived_ci


def decimal_year(d: dt.date | dt.datetime | str | float) -> float:
    """2023-07-02 -> 2023.5 (days since 1 Jan over days in the year)."""
    if isinstance(d, (int, float, np.floating)):
        return float(d)
    if isinstance(d, str):
        d = dt.date.fromisoformat(d[:10])
    if isinstance(d, dt.datetime):
        d = d.date()
    start = dt.date(d.year, 1, 1)
    days = (dt.date(d.year + 1, 1, 1) - start).days
    return d.year + (d - start).days / days


def fit_time_trend(
    dates: Sequence[Any],
    values: Sequence[float],
    groups: Sequence[Any] | None = None,
    level: float = 0.90,
    bootstrap: bool = False,
    n_boot: int = 2000,
    seed: int | None = 0,
    support: Support = Support(),
) -> FitResult:
    """log10(value) = c + g·t: growth in orders of magnitude per year, factor per year and doubling
    time (months), with 90% intervals (analytic t; percentile cluster bootstrap if ``bootstrap`` and
    there are ``support.boot_clusters`` papers). Below ``support`` the result is a failure."""
    model = "time_trend"
    t = np.array([decimal_year(d) if d is not None else np.nan for d in dates], dtype=float)
    v = np.asarray(values, dtype=float)
    ok = np.isfinite(t) & np.isfinite(v) & (v > 0)
    codes = _groups(groups, len(t))[ok]
    _, codes = np.unique(codes, return_inverse=True)
    t, lv = t[ok], np.log10(v[ok])
    n = t.size
    g = int(codes.max()) + 1 if n else 0
    short = support.missing(g, len(np.unique(t)))
    if short or n < 3:
        return _failed(model, short or f"need at least 3 dated positive values, have {n}", n, g, level)
    t0 = float(np.floor(t.min()))
    slope, intercept = np.polyfit(t - t0, lv, 1)
    resid = lv - (intercept + slope * (t - t0))
    dof = n - 2
    sxx = float(((t - t.mean()) ** 2).sum())
    s2 = float((resid ** 2).sum()) / dof if dof > 0 else float("nan")
    se = math.sqrt(s2 / sxx) if dof > 0 else float("nan")
    q = stats.t.ppf(0.5 + level / 2, dof) if dof > 0 else float("nan")
    analytic = {"oom_per_year": (slope - q * se, slope + q * se)}
    r2 = _r2(resid, lv)
    ci = dict(analytic)
    method = f"analytic t ({int(level * 100)}%)"
    grid = np.linspace(t.min(), t.max(), 60)
    half = q * math.sqrt(s2) * np.sqrt(1 / n + (grid - t.mean()) ** 2 / sxx)
    center = intercept + slope * (grid - t0)
    band_lo, band_hi = center - half, center + half
    message = "ok" if not bootstrap or g >= support.boot_clusters else support.no_bootstrap(g)
    if bootstrap and g >= support.boot_clusters:
        ints, slopes = cluster_bootstrap_ols(t - t0, lv, codes, n_boot, np.random.default_rng(seed))
        ci = {"oom_per_year": _percentile_ci(slopes, level)}
        method = f"paper-level cluster bootstrap ({n_boot} resamples, percentile, {int(level * 100)}%)"
        band_lo, band_hi = _boot_band(ints, slopes, grid - t0, level)
    band = {"x": grid.tolist(), "lo": (10 ** band_lo).tolist(), "hi": (10 ** band_hi).tolist()}
    derived, derived_ci = _growth(slope, *ci["oom_per_year"])
    c = float(intercept - slope * t0)
    return FitResult(
        model=model, params={"oom_per_year": float(slope), "intercept": c}, ci=ci, ci_level=level, ci_method=method,
        n_points=n, n_groups=g, success=True, message=message, r2_log=r2, residuals=tuple(float(r) for r in resid),
        analytic_ci=analytic, derived=derived, derived_ci=derived_ci,
        extra={"years": [float(t.min()), float(t.max())], "band": band},
        _predict=lambda ts, c=c, s=float(slope): np.power(10.0, c + s * ts),
    )


# -------------------------------------------------------------------------------------- tail


def _alpha_mle(tail: np.ndarray, xmin: float) -> float:
    return 1.0 + tail.size / np.log(tail / xmin).sum()


def _ks(tail_sorted: np.ndarray, xmin: float, alpha: float) -> float:
    n = tail_sorted.size
    model_cdf = 1.0 - (tail_sorted / xmin) ** (1.0 - alpha)
    emp = np.arange(n) / n  # CDF just below each point, as the powerlaw package computes it
    return float(np.max(np.abs(emp - model_cdf)))


def _best_xmin(data: np.ndarray) -> tuple[float, float, float]:
    """(x_min, alpha, D) minimising the KS distance over candidate x_min (the unique data values)."""
    xs = np.sort(data)
    best = (float("nan"), float("nan"), float("inf"))
    for xmin in np.unique(xs)[:-1]:
        tail = xs[xs >= xmin]
        if tail.size < 2:
            continue
        logs = np.log(tail / xmin).sum()
        if logs <= 0:
            continue
        alpha = 1.0 + tail.size / logs
        d = _ks(tail, xmin, alpha)
        if d < best[2]:
            best = (float(xmin), float(alpha), d)
    return best


def _loglik_powerlaw(x: np.ndarray, xmin: float, alpha: float) -> np.ndarray:
    return np.log(alpha - 1) - np.log(xmin) - alpha * np.log(x / xmin)


def _loglik_exponential(x: np.ndarray, xmin: float) -> np.ndarray:
    lam = 1.0 / max(np.mean(x - xmin), 1e-300)
    return np.log(lam) - lam * (x - xmin)


def _loglik_lognormal(x: np.ndarray, xmin: float) -> np.ndarray:
    lx = np.log(x)

    def nll(p):
        mu, log_sigma = p
        sigma = math.exp(log_sigma)
        tail_mass = stats.norm.sf((math.log(xmin) - mu) / sigma)
        if tail_mass <= 0:
            return 1e300
        ll = -lx - math.log(sigma) - 0.5 * math.log(2 * math.pi) - (lx - mu) ** 2 / (2 * sigma ** 2) - math.log(tail_mass)
        return -float(ll.sum())

    start = np.array([lx.mean(), math.log(max(lx.std(), 1e-3))])
    res = optimize.minimize(nll, start, method="Nelder-Mead", options={"xatol": 1e-8, "fatol": 1e-10, "maxiter": 4000})
    mu, sigma = res.x[0], math.exp(res.x[1])
    tail_mass = stats.norm.sf((math.log(xmin) - mu) / sigma)
    return -lx - math.log(sigma) - 0.5 * math.log(2 * math.pi) - (lx - mu) ** 2 / (2 * sigma ** 2) - math.log(tail_mass)


def _vuong(l1: np.ndarray, l2: np.ndarray) -> tuple[float, float]:
    """(log-likelihood ratio R, two-sided p) — Vuong's test, as Clauset et al. use it."""
    diff = l1 - l2
    r = float(diff.sum())
    sd = float(diff.std())
    if sd == 0:
        return r, 1.0
    z = r / (math.sqrt(diff.size) * sd)
    return r, float(special.erfc(abs(z) / math.sqrt(2)))


def fit_tail(values: Sequence[float], n_boot: int = 200, seed: int | None = 0, level: float = 0.95,
             groups: Sequence[Any] | None = None, support: Support = Support(papers=10, distinct_x=10)) -> FitResult:
    """Clauset–Shalizi–Newman fit of a continuous power-law tail p(x) ∝ x^(−α) for x ≥ x_min.
    ``groups`` (paper ids) count the papers for ``support``; below it the result is a failure."""
    model = "power_law_tail"
    raw = np.asarray([np.nan if v is None else v for v in values], dtype=float)
    keep = np.isfinite(raw) & (raw > 0)
    data = raw[keep]
    n_all = data.size
    papers = len(np.unique(_groups(groups, raw.size)[keep])) if n_all else 0
    short = support.missing(papers, int(np.unique(data).size))
    if short or n_all < 5:
        return _failed(model, short or f"need at least 5 positive values, have {n_all}", n_all, papers, level)
    xmin, alpha, d = _best_xmin(data)
    if not math.isfinite(alpha):
        return _failed(model, "no x_min gives a finite exponent", n_all, n_all, level)
    tail = np.sort(data[data >= xmin])
    n_tail = tail.size
    se = (alpha - 1) / math.sqrt(n_tail)
    z = stats.norm.ppf(0.5 + level / 2)
    lp = _loglik_powerlaw(tail, xmin, alpha)
    r_ln, p_ln = _vuong(lp, _loglik_lognormal(tail, xmin))
    r_ex, p_ex = _vuong(lp, _loglik_exponential(tail, xmin))
    # Semi-parametric bootstrap goodness of fit (CSN §4.1).
    rng = np.random.default_rng(seed)
    body = data[data < xmin]
    p_tail = n_tail / n_all
    worse = 0
    done = 0
    for _ in range(n_boot):
        k = rng.binomial(n_all, p_tail)
        synth_tail = xmin * (1 - rng.random(k)) ** (-1.0 / (alpha - 1))
        synth_body = rng.choice(body, size=n_all - k, replace=True) if body.size and n_all - k > 0 else np.empty(0)
        synth = np.concatenate([synth_tail, synth_body])
        if np.unique(synth).size < 3:
            continue
        _, _, d_s = _best_xmin(synth)
        done += 1
        worse += d_s >= d
    p_gof = worse / done if done else float("nan")
    msg = "ok"
    if n_tail < 50:
        msg = f"only {n_tail} values in the tail: exponent and tests are rough"
    return FitResult(
        model=model, params={"alpha": float(alpha), "xmin": float(xmin)},
        ci={"alpha": (alpha - z * se, alpha + z * se)}, ci_level=level, ci_method="asymptotic MLE standard error",
        n_points=n_all, n_groups=n_all, success=True, message=msg,
        derived={"alpha_se": se, "ks_distance": d, "n_tail": n_tail, "gof_p": p_gof,
                 "lr_lognormal": r_ln, "lr_lognormal_p": p_ln, "lr_exponential": r_ex, "lr_exponential_p": p_ex},
        extra={"gof_resamples": done, "note": "positive likelihood ratio favours the power law"},
        _predict=lambda xs, a=float(alpha), m=float(xmin), f=p_tail: np.where(xs >= m, f * (xs / m) ** (1 - a), np.nan),
    )
