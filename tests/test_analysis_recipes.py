from __future__ import annotations

import json

import polars as pl
import pytest

from claimset.analysis.charts import chart_for, save_chart
from claimset.analysis.recipes import RECIPES, own_size_per_paper, run_recipe
from claimset.errors import ClaimsetError

from .conftest import BUNDLED_DATASET


@pytest.mark.parametrize("name", list(RECIPES))
def test_recipe_accounts_for_claims_and_summary_is_json(name):
    res = run_recipe(name, BUNDLED_DATASET)
    s = res.summary()
    json.dumps(s)
    assert s["used"]["claims"] >= res.data.height > 0
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
    r = cli("fit", "size-over-time", "--json")
    assert r.returncode == 0, r.stderr
    assert set(json.loads(r.stdout)["fits"]) == {"all", "frontier"}
    r = cli("fit", "speedup-distribution")
    assert r.returncode == 0 and "alpha" in r.stdout
    out = tmp_path / "chart.png"
    r = cli("plot", "score-vs-size", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert out.read_bytes()[:4] == b"\x89PNG"


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
