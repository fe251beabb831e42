"""The HTML report: built from the bundled and the Epoch datasets, opened in a real headless
Chromium with the network off (``make test`` installs Debian's chromium and chromium-driver)."""

import json

import polars as pl
import pytest

from claimset.analysis.browser import chromium_paths, offline_chromium, open_report
from claimset.errors import ClaimsetError
from claimset.report import build_report

from .conftest import BUNDLED_DATASET, ROOT

EPOCH_DATASET = ROOT / "datasets" / "claimset-epoch"
needs_browser = pytest.mark.skipif(chromium_paths() is None, reason="headless Chromium not installed (make test installs it)")


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    return {name: build_report(ds, out / f"{name}.html").out for name, ds in
            (("seeds", BUNDLED_DATASET), ("epoch", EPOCH_DATASET))}


@pytest.fixture(scope="module")
def browser():
    with offline_chromium() as driver:
        yield driver


def _count(driver) -> int:
    return int(driver.find_element("id", "count").get_attribute("data-count"))


def test_report_is_one_self_contained_file(reports):
    page = reports["seeds"].read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>\n<!-- claimset report -->")
    assert "<script src" not in page and "<link" not in page and "http://cdn" not in page and "https://cdn" not in page
    data = json.loads(page.split('<script id="data" type="application/json">', 1)[1].split("</script>", 1)[0])
    assert len(data["rows"]) == pl.read_parquet(BUNDLED_DATASET / "claims.parquet").height
    # the header names each input file (not the title every input shares) and the held-out figures
    assert data["card"]["sources"][0].startswith("corpus/000_") and "claimset input" not in data["card"]["sources"]
    assert data["card"]["quality"]["held_out_blind"]["papers"] > 1000


def test_report_refuses_to_replace_a_file_it_did_not_write(tmp_path):
    mine = tmp_path / "notes.html"
    mine.write_text("<p>mine</p>")
    with pytest.raises(ClaimsetError, match="not written by claimset"):
        build_report(BUNDLED_DATASET, mine, charts=False)
    assert mine.read_text() == "<p>mine</p>"


@needs_browser
@pytest.mark.parametrize("name,dataset", [("seeds", BUNDLED_DATASET), ("epoch", EPOCH_DATASET)])
def test_report_renders_offline_without_console_errors(browser, reports, name, dataset):
    open_report(browser, reports[name])
    claims = pl.read_parquet(dataset / "claims.parquet")
    assert _count(browser) == claims.height
    charts = browser.find_elements("css selector", ".chart")
    assert len(charts) == 8 and all(c.get_attribute("data-rendered") == "1" for c in charts)
    assert all(c.find_elements("css selector", "svg") for c in charts)
    severe = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == []


@needs_browser
def test_filter_by_type_gives_that_types_count(browser, reports):
    from selenium.webdriver.support.ui import Select

    open_report(browser, reports["epoch"])
    claims = pl.read_parquet(EPOCH_DATASET / "claims.parquet")
    for ctype in ("speedup", "model_size"):
        Select(browser.find_element("id", "f-type")).select_by_value(ctype)
        assert _count(browser) == claims.filter(pl.col("claim_type") == ctype).height
        rows = browser.find_elements("css selector", "#rows tr")
        assert rows and all(r.find_element("css selector", ".type").text == ctype for r in rows)
    Select(browser.find_element("id", "f-type")).select_by_value("")
    assert _count(browser) == claims.height


@needs_browser
def test_search_and_copy_buttons(browser, reports):
    open_report(browser, reports["epoch"])
    frame = pl.read_parquet(EPOCH_DATASET / "claims.parquet")
    box = browser.find_element("id", "f-search")
    box.send_keys("imagenet")
    expected = frame.filter(pl.concat_str([pl.col(c).fill_null("") for c in ("sentence", "subject", "baseline", "benchmark", "metric")],
                                          separator=" ").str.to_lowercase().str.contains("imagenet", literal=True))
    # the page also searches titles and ids: at least every claim whose text names ImageNet
    assert _count(browser) >= expected.height > 0
    first = browser.find_element("css selector", "#rows tr")
    claim_id = first.get_attribute("data-claim")
    assert first.find_element("css selector", "mark").text  # the number is marked in its sentence
    first.find_element("css selector", "button.copy-quote").click()
    quote = browser.execute_script("return window.__claimsetLastCopy")
    assert quote.startswith("> ") and f"`{claim_id}`" in quote
    assert "copied" in browser.find_element("id", "copied").text
    first.find_element("css selector", "button.copy-bib").click()
    assert browser.execute_script("return window.__claimsetLastCopy").startswith("@")


@needs_browser
def test_screenshot(browser, reports, tmp_path):
    open_report(browser, reports["seeds"])
    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot)) and shot.read_bytes()[:4] == b"\x89PNG"


def scaled_dataset(source, out, copies: int):
    """A dataset of ``copies`` copies of ``source`` (paper ids suffixed): a large real-text dataset."""
    import claimset
    from claimset.models import Claim, Paper

    papers = pl.read_parquet(source / "papers.parquet")
    claims = pl.read_parquet(source / "claims.parquet")
    ps, cs = [], []
    for k in range(copies):
        ps += [Paper(**{**r, "paper_id": f"{r['paper_id']}-{k}"}) for r in papers.iter_rows(named=True)]
        cs += [Claim(**{**r, "paper_id": f"{r['paper_id']}-{k}", "claim_id": ""}) for r in claims.iter_rows(named=True)]
    return claimset.write_dataset(out, ps, cs, extractor=claims["extractor"][0])


@needs_browser
def test_twenty_thousand_claims_filter_and_search(browser, tmp_path):
    """Only a page of rows is ever in the document; 20,000+ claims are filtered in memory
    (timings: benchmarks/bench_report.py)."""
    from selenium.webdriver.support.ui import Select

    big = scaled_dataset(EPOCH_DATASET, tmp_path / "big", 9)
    report = build_report(big, tmp_path / "big.html", charts=False).out
    open_report(browser, report)
    n = pl.read_parquet(big / "claims.parquet")
    assert _count(browser) == n.height >= 20_000
    assert len(browser.find_elements("css selector", "#rows tr")) == 50
    Select(browser.find_element("id", "f-type")).select_by_value("dataset_size")
    assert _count(browser) == n.filter(pl.col("claim_type") == "dataset_size").height
