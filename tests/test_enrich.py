"""claimset enrich: metadata from arXiv snapshot lines, BibTeX and CSL-JSON, matched by title."""

import json

import polars as pl

from claimset.cite import cite
from claimset.enrich import enrich, normalise_title
from claimset.pipeline import extract_corpus

from .conftest import BUNDLED_DATASET


def _dataset(tmp_path, n=8):
    rows = pl.read_parquet(BUNDLED_DATASET / "papers.parquet").select("paper_id", "title", "abstract").head(n).to_dicts()
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": r["paper_id"], "title": r["title"], "abstract": r["abstract"]}) + "\n" for r in rows))
    extract_corpus([src], tmp_path / "ds")
    with_claims = set(pl.read_parquet(tmp_path / "ds" / "claims.parquet")["paper_id"])
    return tmp_path / "ds", sorted(rows, key=lambda r: r["paper_id"] not in with_claims)  # papers with claims first


def test_title_normalisation_ignores_case_braces_and_accents():
    assert normalise_title("{GPT}-4: A Réport!") == normalise_title("gpt 4 a report")


def test_enrich_from_arxiv_lines_bibtex_and_csl_fills_what_is_missing(tmp_path, cli):
    ds, rows = _dataset(tmp_path)
    claims_before = pl.read_parquet(ds / "claims.parquet")
    arxiv = tmp_path / "arxiv.json"
    arxiv.write_text(json.dumps({"id": "2401.01234", "title": rows[0]["title"].upper(), "doi": "10.1000/xyz",
                                 "authors_parsed": [["Lovelace", "Ada", ""], ["Babbage", "Charles", ""]],
                                 "versions": [{"version": "v1", "created": "Mon, 8 Jan 2024 10:00:00 GMT"}]}) + "\n")
    s = enrich(ds, arxiv)
    assert s.matched == 1 and s.filled["authors"] == 1 and s.filled["arxiv_id"] == 1
    bib = tmp_path / "refs.bib"
    bib.write_text("@article{x,\n  title = {" + rows[1]["title"] + "},\n  author = {Hopper, Grace and {Gemini Team}},\n"
                   "  year = {2023},\n  month = {mar}\n}\n")
    assert enrich(ds, bib).filled["authors"] == 1
    csl = tmp_path / "zotero.json"
    csl.write_text(json.dumps([
        {"title": rows[2]["title"], "author": [{"family": "Turing", "given": "Alan"}], "issued": {"date-parts": [[2022, 5, 1]]}},
        {"title": rows[3]["title"], "author": [{"family": "A", "given": "X"}]},
        {"title": rows[3]["title"], "author": [{"family": "B", "given": "Y"}]},  # disagree: ambiguous
    ]))
    s = enrich(ds, csl)
    assert s.matched == 1 and s.ambiguous == [rows[3]["title"]]
    papers = pl.read_parquet(ds / "papers.parquet")
    by_id = {r["paper_id"]: r for r in papers.iter_rows(named=True)}
    assert by_id[rows[0]["paper_id"]]["authors"] == ["Ada Lovelace", "Charles Babbage"]
    assert str(by_id[rows[0]["paper_id"]]["date"]) == "2024-01-08"
    assert by_id[rows[1]["paper_id"]]["authors"] == ["Grace Hopper", "Gemini Team"]
    assert by_id[rows[3]["paper_id"]]["authors"] is None
    # claims and their ids unchanged; the citation now has an author and a year
    assert pl.read_parquet(ds / "claims.parquet")["claim_id"].to_list() == claims_before["claim_id"].to_list()
    claim = pl.read_parquet(ds / "claims.parquet").filter(pl.col("paper_id") == rows[2]["paper_id"])
    text = cite(ds, [claim["claim_id"][0]], "bibtex")
    assert "author = {Alan Turing}" in text and "year = {2022}" in text
    r = cli("enrich", str(ds), "--from", str(arxiv))
    assert r.returncode == 0 and "1 of 8 papers matched" in r.stderr
