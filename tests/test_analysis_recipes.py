from __future__ import annotations

import json

import polars as pl
import pytest

from claimset.analysis.charts import chart_for, save_chart
from claimset.analysis.recipes import RECIPES, own_size_per_paper, run_recipe
from claimset.errors import ClaimsetError

from .conftest import BUNDLED_DATASET, ROOT

EPOCH_DATASET = ROOT / "datasets" / "claimset-epoch"


@pytest.mark.parametrize("name", list(RECIPES))
def test_recipe_accounts_for_claims_and_summary_is_json(name):
    res = run_recipe(name, EPOCH_DATASET)
    s = res.summary()
    json.dumps(s)
    assert s["used"]["claims"] >= res.data.height
    assert res.data.height > 0 or not res.success  # no points only where the recipe says it cannot fit
    assert all(n > 0 for n in res.dropped.values())
    assert {"title", "sentence", "claim_id"} <= set(res.data.columns)


@pytest.mark.parametrize("name", list(RECIPES))
def test_chart_spec_validates_against_altair_schema(name):
    chart = chart_for(run_recipe(name, BUNDLED_DATASET))
    spec = chart.to_dict(validate=True)  # raises if the spec does not match Vega-Lite's schema
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")


def test_png_svg_and_offline_html(tmp_path):
    chart = chart_for(run_recipe("speedup-distribution", BUNDLED_DATASET))
    png = save_chart(chart, tmp_path / "c.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    svg = save_chart(chart, tmp_path / "c.svg")
    assert "<svg" in svg.read_text()[:500]
    html = save_chart(chart, tmp_path / "c.html").read_text()
    assert "vega-embed" in html or "vegaEmbed" in html
    assert 'src="http' not in html and "cdn.jsdelivr" not in html  # everything inlined
    with pytest.raises(ClaimsetError, match="unsupported chart format"):
        save_chart(chart, tmp_path / "c.pdf")


def test_size_over_time_frontier_is_subset_and_tokens_pairs_same_paper():
    res = run_recipe("size-over-time", BUNDLED_DATASET)
    assert set(res.fits) == {"all", "frontier"}
    assert res.data.filter("frontier").height <= res.data.height
    tp = run_recipe("tokens-vs-params", BUNDLED_DATASET)
    assert tp.data["paper_id"].n_unique() == tp.data.height


def test_unknown_recipe():
    with pytest.raises(ClaimsetError, match="unknown recipe"):
        run_recipe("nope", BUNDLED_DATASET)


def test_cli_fit_and_plot(cli, tmp_path):
    r = cli("fit", "size-over-time", "--json", "-d", str(EPOCH_DATASET))
    assert r.returncode == 0, r.stderr
    assert set(json.loads(r.stdout)["fits"]) == {"all", "frontier"}
    r = cli("fit", "speedup-distribution")
    assert r.returncode == 0 and "alpha" in r.stdout
    out = tmp_path / "chart.png"
    r = cli("plot", "score-vs-size", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert "no fit drawn" in r.stderr and "too little data to fit" in r.stderr
    assert out.read_bytes()[:4] == b"\x89PNG"


def test_cli_fit_with_too_little_support_says_what_is_missing_and_fails(cli):
    r = cli("fit", "score-vs-size")
    assert r.returncode == 1
    assert "too little data to fit: 3 papers (need 5), 2 distinct x values (need 3)" in r.stderr
    assert "FAILED" in r.stdout


def test_failed_fit_chart_has_points_and_a_note_never_a_line():
    res = run_recipe("score-vs-size", BUNDLED_DATASET)
    assert not res.success
    spec = json.dumps(chart_for(res).to_dict())
    assert "too little data to fit" in spec and "circle" in spec
    assert '"type": "line"' not in spec and '"type": "area"' not in spec


def test_log_axes_hold_only_positive_values_and_the_rest_are_counted():
    frame = run_recipe("speedup-distribution", EPOCH_DATASET)
    assert (frame.data["y"] > 0).all()
    from claimset.analysis.charts import caption, power_label, si

    assert [si(v) for v in (1e6, 1.5e9, 2e12, 500)] == ["1M", "1.5B", "2T", "500"]
    assert [power_label(v) for v in (1, 10, 1000, 0.01)] == ["1", "10", "10³", "10⁻²"]
    assert "2 value(s) at or below 0 left off the log axis." in caption(frame, "src", off_axis=2)


def test_a_narrow_log_axis_is_ticked_at_steps_and_its_domain_hugs_the_data():
    from claimset.analysis.charts import log_axis, log_scale, log_ticks

    # scores of 55-85%: one decade, read by its steps; the domain is the nearest steps around the data
    assert log_ticks([55, 62, 70, 85]) == [50, 60, 70, 80, 90]
    assert log_scale([55, 85]).to_dict()["domain"] == [50, 90]
    assert log_ticks([4.1e8, 9.6e9]) == [2e8, 5e8, 1e9, 2e9, 5e9, 1e10]  # two decades: 1-2-5
    assert log_ticks([1.1, 1000]) == [1, 10, 100, 1000]  # wider: powers of ten alone, as before
    assert log_ticks([70]) == [70, 80]  # one value still gives an axis a length
    labels = log_axis([0.011, 1], "share of claims", counts=False).to_dict()["labelExpr"]
    assert "'0.05'" in labels and "'0.01'" in labels and "×" not in labels
    assert "'20B'" in log_axis([7e9, 70e9], "model size (parameters)").to_dict()["labelExpr"]


def test_every_chart_has_a_human_title_and_a_caption():
    for name in RECIPES:
        res = run_recipe(name, EPOCH_DATASET)
        spec = json.dumps(chart_for(res, source="claimset-epoch").to_dict())
        assert "Source: claimset-epoch" in spec
        assert name not in (res.title or "") and res.title


def test_own_size_prefers_the_model_the_title_names():
    frame = pl.DataFrame({
        "paper_id": ["p1", "p1", "p2", "p2"],
        "title": ["Zephyrus: Small Models That Reason", "Zephyrus: Small Models That Reason",
                  "Scaling Study of Transformers", "Scaling Study of Transformers"],
        "claim_type": ["model_size"] * 4,
        "value": [7e9, 7e10, 1e9, 1.3e10],
        "value_max": [None, None, None, None],
        # p1: its own 7B beats a 70B baseline; p2: no subject named by the title, so the largest
        "subject": ["Zephyrus-7B", "Llama 3.1", None, "GPT-3"],
    }, schema_overrides={"value_max": pl.Float64})
    own = {r["paper_id"]: r["size"] for r in own_size_per_paper(frame).iter_rows(named=True)}
    assert own == {"p1": 7e9, "p2": 1.3e10}
