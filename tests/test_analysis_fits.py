from __future__ import annotations

import dataclasses
import datetime as dt
import json
import warnings

import numpy as np
import pytest

from claimset.analysis.fits import Support, decimal_year, fit_power_law, fit_saturating, fit_tail, fit_time_trend


def test_power_law_interval_covers_true_exponent_in_at_least_90_percent_of_200_datasets():
    covered = 0
    for seed in range(200):
        rng = np.random.default_rng(seed)
        x = 10 ** rng.uniform(0, 4, 40)
        y = 3 * x ** 0.5 * rng.lognormal(0, 0.4, 40)
        fit = fit_power_law(x, y, groups=np.arange(40), seed=seed)
        lo, hi = fit.ci["b"]
        covered += lo <= 0.5 <= hi
    assert covered >= 180, covered


def test_power_law_recovers_parameters_and_reports_analytic_interval():
    rng = np.random.default_rng(3)
    x = 10 ** rng.uniform(0, 5, 400)
    y = 3 * x ** 0.5 * rng.lognormal(0, 0.1, 400)
    fit = fit_power_law(x, y)
    assert fit.params["b"] == pytest.approx(0.5, abs=0.01)
    assert fit.params["a"] == pytest.approx(3, rel=0.05)
    assert fit.analytic_ci["b"][0] < 0.5 < fit.analytic_ci["b"][1]
    assert fit.r2_log > 0.95 and len(fit.residuals) == 400
    assert fit.predict([100.0])[0] == pytest.approx(30, rel=0.05)
    json.dumps(fit.summary())


def test_cluster_bootstrap_is_wider_than_naive_on_clustered_data():
    rng = np.random.default_rng(11)
    papers = np.repeat(np.arange(15), 20)
    x = 10 ** rng.uniform(0, 4, papers.size)
    paper_effect = rng.normal(0, 0.5, 15)[papers]  # points of a paper share an offset
    slope_effect = rng.normal(0, 0.3, 15)[papers] * np.log10(x)  # and a slope of their own
    y = 10 ** (0.5 + 0.4 * np.log10(x) + paper_effect + slope_effect)
    clustered = fit_power_law(x, y, groups=papers)
    naive = fit_power_law(x, y, groups=None)
    width = lambda f: f.ci["b"][1] - f.ci["b"][0]  # noqa: E731
    assert clustered.n_groups == 15 and naive.n_groups == papers.size
    assert width(clustered) > 1.5 * width(naive)


def test_bootstrap_is_seedable():
    rng = np.random.default_rng(0)
    x = 10 ** rng.uniform(0, 3, 60)
    y = x ** 0.7 * rng.lognormal(0, 0.3, 60)
    g = np.arange(60) // 3
    assert fit_power_law(x, y, groups=g, seed=5).ci == fit_power_law(x, y, groups=g, seed=5).ci
    assert fit_power_law(x, y, groups=g, seed=5).ci != fit_power_law(x, y, groups=g, seed=6).ci


def test_huber_loss_resists_outliers():
    rng = np.random.default_rng(2)
    x = 10 ** rng.uniform(0, 4, 100)
    y = 2 * x ** 0.3 * rng.lognormal(0, 0.05, 100)
    y[:8] *= 1000  # gross outliers
    assert abs(fit_power_law(x, y, loss="huber", n_boot=200).params["b"] - 0.3) < 0.03
    assert abs(fit_power_law(x, y, loss="ols", n_boot=0).params["b"] - 0.3) > abs(
        fit_power_law(x, y, loss="huber", n_boot=0).params["b"] - 0.3)


def test_poor_fits_are_results_not_exceptions():
    f = fit_power_law([1, 2], [3, 4])
    assert not f.success and f.message == "too little data to fit: 2 papers (need 5), 2 distinct x values (need 3)"
    assert not fit_power_law([5, 5, 5], [1, 2, 3]).success
    assert not fit_time_trend([None, None], [1, 2]).success
    assert not fit_tail([1, 1, 1]).success
    with pytest.raises(ValueError):
        f.predict([1.0])


def test_results_are_frozen():
    f = fit_power_law([1, 10, 100, 1000], [1, 3, 10, 31])
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.success = False  # type: ignore[misc]


def test_saturating_recovers_chinchilla_like_curve():
    rng = np.random.default_rng(4)
    x = 10 ** rng.uniform(6, 11, 80)
    y = 1.7 + 400 * x ** -0.34 * rng.lognormal(0, 0.01, 80)
    f = fit_saturating(x, y, n_boot=40, groups=np.arange(80) // 4)
    assert f.success
    assert f.params["alpha"] == pytest.approx(0.34, abs=0.03)
    assert f.params["E"] == pytest.approx(1.7, rel=0.1)
    assert f.ci["alpha"][0] <= f.params["alpha"] <= f.ci["alpha"][1]


def test_time_trend_growth_doubling_and_90_percent_interval():
    rng = np.random.default_rng(5)
    dates = [dt.date(2018, 1, 1) + dt.timedelta(days=int(d)) for d in rng.uniform(0, 2500, 150)]
    values = [10 ** (9 + 0.5 * (decimal_year(d) - 2018) + rng.normal(0, 0.2)) for d in dates]
    f = fit_time_trend(dates, values)
    assert f.ci_level == 0.90
    assert f.params["oom_per_year"] == pytest.approx(0.5, abs=0.03)
    assert f.derived["factor_per_year"] == pytest.approx(10 ** f.params["oom_per_year"])
    assert f.derived["doubling_time_months"] == pytest.approx(12 * np.log10(2) / f.params["oom_per_year"])
    lo, hi = f.derived_ci["doubling_time_months"]
    assert lo < f.derived["doubling_time_months"] < hi
    fb = fit_time_trend(dates, values, bootstrap=True, n_boot=500)
    assert fb.ci_method.startswith("paper-level")


def test_decimal_year():
    assert decimal_year(dt.date(2020, 1, 1)) == 2020.0
    assert decimal_year("2021-07-02") == pytest.approx(2021.5, abs=0.01)


@pytest.mark.parametrize("seed, kind", [(0, "pareto"), (1, "pareto"), (2, "lognormal")])
def test_tail_fit_agrees_with_powerlaw_package(seed, kind):
    import powerlaw

    rng = np.random.default_rng(seed)
    if kind == "pareto":
        data = 2 * (1 - rng.random(400)) ** (-1 / 1.6)
    else:
        data = rng.lognormal(1, 1, 400)
    ours = fit_tail(data, n_boot=20)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = powerlaw.Fit(data, verbose=False)
        r_ln, _ = ref.distribution_compare("power_law", "lognormal")
        r_ex, _ = ref.distribution_compare("power_law", "exponential")
    assert ours.params["xmin"] == pytest.approx(ref.xmin)
    assert ours.params["alpha"] == pytest.approx(ref.alpha, rel=1e-6)
    assert np.sign(ours.derived["lr_exponential"]) == np.sign(r_ex)
    assert np.sign(ours.derived["lr_lognormal"]) == np.sign(r_ln) or abs(r_ln) < 1e-3
    assert 0 <= ours.derived["gof_p"] <= 1


# ------------------------------------------------------------------ guards: minimum support


def test_power_law_says_which_support_is_missing():
    x, y = [1, 10, 100, 1000, 1e4, 1e5], [1, 2, 4, 8, 16, 32]
    three_papers = fit_power_law(x, y, groups=["a", "a", "b", "b", "c", "c"])
    assert not three_papers.success and three_papers.message == "too little data to fit: 3 papers (need 5)"
    two_sizes = fit_power_law([1, 1, 1, 10, 10, 10], y)
    assert not two_sizes.success and "2 distinct x values (need 3)" in two_sizes.message
    assert fit_power_law(x, y, groups=list("abcdef"), support=Support(papers=6)).success


def test_bootstrap_only_with_enough_clusters_else_analytic_and_said():
    rng = np.random.default_rng(9)
    x = 10 ** rng.uniform(0, 4, 60)
    y = 3 * x ** 0.4 * rng.lognormal(0, 0.1, 60)
    few = fit_power_law(x, y, groups=np.arange(60) % 6)
    assert few.success and few.ci_method == "analytic t" and few.ci == few.analytic_ci
    assert few.message == "analytic interval: 6 papers are too few for a cluster bootstrap (need 10)"
    many = fit_power_law(x, y, groups=np.arange(60) % 20)
    assert many.ci_method.startswith("paper-level cluster bootstrap") and many.message == "ok"
    trend = fit_time_trend([2018 + i / 10 for i in range(60)], y, groups=np.arange(60) % 6, bootstrap=True)
    assert trend.ci_method.startswith("analytic") and "too few for a cluster bootstrap" in trend.message


def test_time_trend_and_tail_refuse_too_little_support():
    dates = [2019.0, 2019.5, 2020.0, 2020.5, 2021.0]
    t = fit_time_trend(dates, [1, 2, 4, 8, 16], groups=["a", "a", "b", "b", "c"])
    assert not t.success and t.message == "too little data to fit: 3 papers (need 5)"
    tail = fit_tail(list(range(1, 41)), groups=[i % 4 for i in range(40)])
    assert not tail.success and tail.message == "too little data to fit: 4 papers (need 10)"
