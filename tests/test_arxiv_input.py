"""The arXiv metadata snapshot (JSON Lines in a .json file), compressed inputs, categories, jobs."""

from __future__ import annotations

import bz2
import datetime as dt
import gzip
import json

import polars as pl
import pytest

from claimset.corpus import detect_format, read_corpus

RECORDS = [
    {"id": "1706.03762", "submitter": "A. Author", "authors": "Ashish Vaswani, Noam Shazeer and others",
     "title": "Attention Is All You Need", "comments": "15 pages", "journal-ref": None, "doi": None,
     "categories": "cs.CL cs.LG", "license": None,
     "abstract": "  A new network architecture. It achieves 28.4 BLEU on the WMT 2014 English-to-German task,\n"
                 "improving over the best results by over 2 BLEU, and trains 3.5x faster.\n",
     "versions": [{"version": "v1", "created": "Mon, 12 Jun 2017 17:57:34 GMT"},
                  {"version": "v7", "created": "Wed, 2 Aug 2023 00:41:18 GMT"}],
     "update_date": "2023-08-03", "authors_parsed": [["Vaswani", "Ashish", ""], ["Shazeer", "Noam", ""]]},
    {"id": "2001.00001", "title": "A physics paper", "abstract": "We measure 3.2 times more flux than before.",
     "categories": "astro-ph.GA", "doi": "10.1000/xyz", "authors": "J. Doe",
     "versions": [{"version": "v1", "created": "Wed, 1 Jan 2020 00:00:00 GMT"}], "update_date": "2020-01-02",
     "authors_parsed": [["Doe", "J.", ""]]},
]


def _write(path, opener=open):
    with opener(path, "wt", encoding="utf-8") as fh:
        for r in RECORDS:
            fh.write(json.dumps(r) + "\n")
    return path


@pytest.mark.parametrize("name,opener", [("snap.json", open), ("snap.json.gz", gzip.open), ("snap.jsonl.bz2", bz2.open)])
def test_snapshot_lines_read_without_format_with_first_version_dates(tmp_path, name, opener):
    path = _write(tmp_path / name, opener)
    assert detect_format(path) == "jsonl"
    papers = {p.paper_id: p for p in read_corpus([path]).papers}
    p = papers["1706.03762"]
    assert p.date == dt.date(2017, 6, 12) and p.update_date == dt.date(2023, 8, 3)
    assert p.authors == ["Ashish Vaswani", "Noam Shazeer"] and p.categories == "cs.CL cs.LG"
    assert p.arxiv_id == "1706.03762" and p.url == "https://arxiv.org/abs/1706.03762"
    assert papers["2001.00001"].doi == "10.1000/xyz"


def test_a_json_list_is_still_json(tmp_path):
    path = tmp_path / "list.json"
    path.write_text(json.dumps(RECORDS))
    assert detect_format(path) == "json"


def test_category_filter_and_cli_summary(tmp_path, cli):
    path = _write(tmp_path / "snap.json")
    r = cli("extract", str(path), "--out", str(tmp_path / "ds"), "--category", "cs.LG", "--no-progress")
    assert r.returncode == 0, r.stderr
    papers = pl.read_parquet(tmp_path / "ds" / "papers.parquet")
    assert papers["paper_id"].to_list() == ["1706.03762"]
    assert "records skipped (not in the --category list)" in r.stderr
    assert "papers/s" in r.stderr  # the summary states the rate
    r = cli("extract", str(path), "--out", str(tmp_path / "ds2"), "--category", "astro-ph", "--no-progress")
    assert pl.read_parquet(tmp_path / "ds2" / "papers.parquet")["paper_id"].to_list() == ["2001.00001"]


def test_jobs_2_output_is_byte_identical_to_jobs_1(tmp_path, cli):
    from .conftest import BUNDLED_CORPUS

    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"j{jobs}" / "ds"  # the same dataset name: the card names it
        r = cli("extract", str(BUNDLED_CORPUS), "--out", str(out), "--jobs", jobs, "--no-progress")
        assert r.returncode == 0, r.stderr
        outs.append(out)
    for name in ("claims.parquet", "papers.parquet", "datapackage.json"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_jobs_with_small_batches_keep_order(tmp_path):
    """Many batches in flight across two workers still come back in input order."""
    from claimset.pipeline import extract_corpus

    from .conftest import BUNDLED_CORPUS

    a = extract_corpus([BUNDLED_CORPUS], tmp_path / "a", batch_size=17, jobs=1)
    b = extract_corpus([BUNDLED_CORPUS], tmp_path / "b", batch_size=17, jobs=2)
    assert a.n_claims == b.n_claims
    assert (tmp_path / "a" / "claims.parquet").read_bytes() == (tmp_path / "b" / "claims.parquet").read_bytes()
