"""Growing datasets: --append keeps every old claim id and extracts only new papers; merge
de-duplicates papers and keeps provenance; folder inputs read subfolders and report bad files."""

import json

import polars as pl
import pytest

import claimset
from claimset.errors import ClaimsetError
from claimset.grow import merge
from claimset.pipeline import extract_corpus

from .conftest import BUNDLED_DATASET


def _jsonl(path, rows):
    path.write_text("".join(json.dumps({"id": r["paper_id"], "title": r["title"], "abstract": r["abstract"]}) + "\n"
                            for r in rows))
    return path


@pytest.fixture(scope="module")
def rows():
    return pl.read_parquet(BUNDLED_DATASET / "papers.parquet").select("paper_id", "title", "abstract").to_dicts()


def test_append_keeps_every_old_claim_id_and_extracts_only_new_papers(tmp_path, rows):
    ds = tmp_path / "ds"
    extract_corpus([_jsonl(tmp_path / "a.jsonl", rows[:60])], ds)
    old = pl.read_parquet(ds / "claims.parquet")
    summary = extract_corpus([_jsonl(tmp_path / "b.jsonl", rows[40:120])], ds, append=True)
    new = pl.read_parquet(ds / "claims.parquet")
    assert set(old["claim_id"]) <= set(new["claim_id"])
    assert pl.read_parquet(ds / "papers.parquet").height == 120
    assert summary.corpus.n_papers == 60 and any("20 input paper(s) were already there" in n for n in summary.notes)
    # the same as extracting everything at once
    whole = tmp_path / "whole"
    extract_corpus([_jsonl(tmp_path / "all.jsonl", rows[:120])], whole)
    assert set(pl.read_parquet(whole / "claims.parquet")["claim_id"]) == set(new["claim_id"])


def test_append_gives_a_new_paper_with_a_taken_id_its_own_id(tmp_path, rows):
    ds = tmp_path / "ds"
    extract_corpus([_jsonl(tmp_path / "a.jsonl", rows[:5])], ds)
    clash = [{**rows[10], "paper_id": rows[0]["paper_id"]}]
    extract_corpus([_jsonl(tmp_path / "b.jsonl", clash)], ds, append=True)
    ids = pl.read_parquet(ds / "papers.parquet")["paper_id"].to_list()
    assert len(ids) == 6 == len(set(ids)) and any(i.startswith(rows[0]["paper_id"] + "-") for i in ids)


def test_merge_deduplicates_and_records_both_sources(tmp_path, rows):
    a, b = tmp_path / "a", tmp_path / "b"
    extract_corpus([_jsonl(tmp_path / "a.jsonl", rows[:50])], a)
    extract_corpus([_jsonl(tmp_path / "b.jsonl", rows[30:90])], b)
    s = merge(a, b, tmp_path / "m")
    m = pl.read_parquet(tmp_path / "m" / "claims.parquet")
    assert s.papers == 90 and s.duplicates == 20
    assert set(pl.read_parquet(a / "claims.parquet")["claim_id"]) <= set(m["claim_id"])
    assert m["claim_id"].n_unique() == m.height
    titles = [src["title"] for src in claimset.load_card(tmp_path / "m")["sources"]]
    assert sum("(merged)" in t for t in titles) == 2
    with pytest.raises(ClaimsetError, match="not into one of its inputs"):
        merge(a, b, a)


def test_folder_input_reads_subfolders_and_reports_files_it_cannot_read(tmp_path, rows):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    _jsonl(corpus / "a.jsonl", rows[:10])
    _jsonl(corpus / "sub" / "b.jsonl", rows[10:20])
    (corpus / "sub" / "other.csv").write_text("name,text\nx,y\n")  # no title/abstract columns
    (corpus / "notes.pdf").write_bytes(b"%PDF-1.4")
    s = extract_corpus([corpus], tmp_path / "ds", strict=False)
    assert s.corpus.n_papers == 20
    assert any(n.startswith("file not read to the end: corpus/sub/other.csv: no abstract column") for n in s.notes)
    assert any("corpus/notes.pdf" in n for n in s.notes)
    with pytest.raises(ClaimsetError, match="no abstract column"):
        extract_corpus([corpus], tmp_path / "strict", strict=True)
    assert not (tmp_path / "strict" / "claims.parquet").exists()
