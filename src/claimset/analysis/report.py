"""Plain-text reports of recipe results (what ``claimset fit`` prints)."""

from __future__ import annotations

from .fits import FitResult
from .recipes import RecipeResult


def _ci(pair) -> str:
    return f"[{pair[0]:.4g}, {pair[1]:.4g}]"


def format_fit(name: str, fit: FitResult) -> list[str]:
    lines = [f"fit {name}: {fit.model} — {'ok' if fit.success else 'FAILED'}: {fit.message}"]
    if not fit.success:
        return lines
    for k, v in fit.params.items():
        ci = f" {int(fit.ci_level * 100)}% CI {_ci(fit.ci[k])}" if k in fit.ci else ""
        an = f" (analytic {_ci(fit.analytic_ci[k])})" if k in fit.analytic_ci and fit.ci_method.startswith("paper") else ""
        lines.append(f"  {k} = {v:.4g}{ci}{an}")
    for k, v in fit.derived.items():
        if k == "doubling_time_months" and not (0 < v < float("inf")):
            lines.append(f"  {k} = n/a (not growing)")
            continue
        ci = f" {int(fit.ci_level * 100)}% CI {_ci(fit.derived_ci[k])}" if k in fit.derived_ci else ""
        lines.append(f"  {k} = {v:.4g}{ci}")
    lines.append(f"  interval: {fit.ci_method}")
    groups = "" if fit.model == "power_law_tail" else f", papers {fit.n_groups}"
    lines.append(f"  points {fit.n_points}{groups}" + (f", R² (log) {fit.r2_log:.3f}" if fit.r2_log is not None else ""))
    return lines


def format_recipe(res: RecipeResult) -> str:
    lines = [f"{res.recipe}: {res.description}",
             f"used {res.used_claims} claims from {res.used_papers} papers"]
    if res.dropped:
        lines.append("dropped: " + "; ".join(f"{n} {why}" for why, n in sorted(res.dropped.items(), key=lambda kv: -kv[1])))
    for name, fit in res.fits.items():
        lines.extend(format_fit(name, fit))
    if res.table is not None:
        lines.append(res.table.__repr__() if res.table.height > 20 else _table(res.table))
    return "\n".join(lines)


def _table(table) -> str:
    cols = table.columns
    rows = [" ".join(f"{c:>8}" for c in cols)]
    for r in table.iter_rows():
        rows.append(" ".join(f"{v:>8.3g}" if isinstance(v, float) else f"{v!s:>8}" for v in r))
    return "\n".join(rows)
