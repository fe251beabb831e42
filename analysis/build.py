"""Rebuild the published charts and figures under analysis/ (run by `make analysis`).

For each dataset (the bundled seeds dataset, and the dataset extracted from Epoch AI's CSV) and
each recipe: a PNG per chart, one offline HTML page per dataset holding all its charts, and the
fitted figures in analysis/figures.json; then the Epoch validation (model-size slope from
extracted sizes vs Epoch's curated parameter counts) and analysis/README.md.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from claimset.analysis.charts import chart_for, page, save_chart
from claimset.analysis.browser import chromium_paths, screenshot
from claimset.analysis.epoch import compare_size_trends
from claimset.analysis.recipes import RECIPES, run_recipe
from claimset.analysis.report import format_recipe
from claimset.pipeline import extract_corpus
from claimset.report import build_report

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EPOCH_CSV = ROOT.parent / "shared" / "external" / "epoch-ai-models" / "all_ml_systems.csv"
DATASETS = {"seeds": ROOT / "datasets" / "claimset-seeds", "epoch": ROOT / "datasets" / "claimset-epoch"}


def main() -> int:
    if EPOCH_CSV.is_file():
        extract_corpus([EPOCH_CSV], DATASETS["epoch"])
    figures: dict = {}
    for name, ds in DATASETS.items():
        if not ds.is_dir():
            print(f"skipping {name}: {ds} missing", file=sys.stderr)
            continue
        charts = []
        figures[name] = {}
        for recipe in RECIPES:
            res = run_recipe(recipe, ds)
            chart = chart_for(res, source=f"{ds.name} (claimset)")
            save_chart(chart, HERE / f"{name}-{recipe}.png")
            charts.append(chart)
            figures[name][recipe] = res.summary()
            figures[name][recipe]["report"] = format_recipe(res)
            for fit in figures[name][recipe]["fits"].values():
                fit.pop("residuals", None)
        save_chart(page(charts, f"claimset analysis: {name} dataset"), HERE / f"{name}.html")
        report = build_report(ds, HERE / f"{name}-report.html", force=True).out
        if chromium_paths():
            screenshot(report, HERE / f"{name}-report.png")
    if EPOCH_CSV.is_file() and DATASETS["epoch"].is_dir():
        figures["epoch_validation"] = compare_size_trends(EPOCH_CSV, DATASETS["epoch"])
        for k in ("extracted", "curated_same_rows", "curated_all_rows"):
            figures["epoch_validation"][k].pop("residuals", None)
    (HERE / "figures.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    (HERE / "README.md").write_text(readme(figures), encoding="utf-8")
    print(f"wrote charts, figures.json and README.md to {HERE}")
    return 0


def _fit_line(fit: dict) -> str:
    if not fit["success"]:
        return f"no fit: {fit['message']}"
    p, ci = fit["params"], fit["ci"]
    if fit["model"] == "power_law":
        b = ci.get("b", [float("nan")] * 2)
        an = fit["analytic_ci"].get("b", [float("nan")] * 2)
        return (f"y = {p['a']:.3g}·x^{p['b']:.3f}; b 95% CI [{b[0]:.3f}, {b[1]:.3f}] ({fit['ci_method']}; analytic "
                f"[{an[0]:.3f}, {an[1]:.3f}]); {fit['n_points']} points, {fit['n_groups']} papers; R² (log) {fit['r2_log']:.3f}")
    if fit["model"] == "time_trend":
        lo, hi = ci["oom_per_year"]
        d = fit["derived"]
        return (f"{p['oom_per_year']:.3f} OOM/year (90% CI [{lo:.3f}, {hi:.3f}]), ×{d['factor_per_year']:.2f}/year, "
                f"doubling {_months(d['doubling_time_months'])}; {fit['n_points']} papers")
    d = fit["derived"]
    lo, hi = ci["alpha"]
    return (f"α = {p['alpha']:.2f} (95% CI [{lo:.2f}, {hi:.2f}]) for x ≥ {p['xmin']:.3g}, n_tail = {int(d['n_tail'])}; "
            f"GoF p = {d['gof_p']:.2f}; LR vs lognormal {d['lr_lognormal']:.2f} (p {d['lr_lognormal_p']:.2f}), "
            f"vs exponential {d['lr_exponential']:.2f} (p {d['lr_exponential_p']:.3f})")


def _months(v) -> str:
    return "n/a (not growing)" if v is None or v <= 0 else f"{v:.1f} months"


def readme(fig: dict) -> str:
    out = ["# Analysis", "",
           "Charts and figures rebuilt by `make analysis` (`analysis/build.py`) from the datasets under `datasets/`.",
           "Every fit is computed in Python (`claimset.analysis.fits`) and the charts only draw the result objects.",
           "Open `seeds.html` or `epoch.html` in a browser (JavaScript inlined: no network needed); tooltips show",
           "each point's paper, sentence and `claim_id` (cite it with `claimset cite CLAIM_ID`).", "",
           "Browse a whole dataset offline in `seeds-report.html` and `epoch-report.html` (`claimset report DATASET",
           "--out FILE.html`): the card, every claim with filters by type, unit, benchmark, year and confidence, full-text",
           "search, each sentence with its number marked, copy buttons for the Markdown quote and BibTeX, and every",
           "chart with its figures. Screenshots (headless Chromium, network off):", "",
           "![seeds report](seeds-report.png)", "", "![Epoch report](epoch-report.png)", "",
           "Reproduce one figure: `claimset fit RECIPE --dataset DIR [--json]`; one chart:",
           "`claimset plot RECIPE --dataset DIR --out FILE.html|.png|.svg`.", ""]
    v = fig.get("epoch_validation")
    if v:
        e, c, a = v["extracted"], v["curated_same_rows"], v["curated_all_rows"]
        out += ["## Validation on Epoch AI's curated data", "",
                "Model size over time, rows of Epoch AI's `all_ml_systems.csv` whose `Domain` includes Language, dated",
                f"2018 or later ({v['rows']} rows; {v['rows_with_curated']} with a curated `Parameters`). The same fit",
                "(log10 parameters on decimal year, OLS, 90% analytic interval) on claimset's extracted sizes (the",
                "paper's own model: the largest `model_size` claim whose subject the title names, else the largest)",
                f"and on Epoch's `Parameters`, over the {v['rows_compared']} rows that have both:", "",
                "| sizes | rows | OOM / year | 90% CI | doubling time |", "| --- | --- | --- | --- | --- |"]
        for label, f in (("claimset extracted", e), ("Epoch curated, same rows", c), ("Epoch curated, all rows", a)):
            lo, hi = f["ci"]["oom_per_year"]
            out.append(f"| {label} | {f['n_points']} | {f['params']['oom_per_year']:.3f} | [{lo:.3f}, {hi:.3f}] | "
                       f"{_months(f['derived']['doubling_time_months'])} |")
        out += ["", f"Difference (extracted − curated, same rows): **{v['slope_difference_oom_per_year']:+.3f} OOM/year** "
                f"({'within' if v['within_0.05'] else 'outside'} the 0.05 goal). On {v['rows_where_values_agree_2pct']} of the "
                f"{v['rows_compared']} rows the extracted size equals the curated one within 2%; where they differ, the",
                "size chosen is often another model's (a baseline or a family member), since one paper can introduce",
                "several systems that Epoch lists as separate rows. The rows with a stated size are a biased sample:",
                "their curated slope is far below the all-rows slope. Sensitivity (not a substitute for the figure",
                f"above): without the {v['rows_off_by_over_3_oom']} row(s) whose extracted size is off by more than 3 orders of",
                f"magnitude, the difference is {v['slope_difference_without_those_rows']:+.3f} OOM/year.", "",
                "Data: Epoch AI, “Data on AI Models”, https://epoch.ai/data/ai-models (CC BY 4.0).", ""]
    for name in ("seeds", "epoch"):
        if name not in fig:
            continue
        out += [f"## {name} dataset", ""]
        for recipe, r in fig[name].items():
            out += [f"### {recipe}", "", f"![{recipe}]({name}-{recipe}.png)", "",
                    f"{r['description']}: used {r['used']['claims']} claims from {r['used']['papers']} papers."]
            if r["dropped"]:
                out.append("Dropped: " + "; ".join(f"{n} {why}" for why, n in r["dropped"].items()) + ".")
            out.append("")
            for fname, f in r["fits"].items():
                out.append(f"- **{fname}**: {_fit_line(f)}")
            out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
