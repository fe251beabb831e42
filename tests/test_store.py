from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

import claimset
from claimset.corpus import read_corpus
from claimset.extract import RuleExtractor
from claimset.schema import CLAIM_FIELDS, PAPER_FIELDS, SCHEMA_VERSION
from claimset.store import load, load_card, load_claims, write_dataset

from .conftest import BUNDLED_CORPUS, snapshot


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    papers = read_corpus([BUNDLED_CORPUS]).papers[:40]
    ex = RuleExtractor()
    claims = [c for p in papers for c in ex.extract(p)]
    out = tmp_path_factory.mktemp("ds") / "small"
    write_dataset(out, papers, claims, extractor=ex.label, inputs=sorted(BUNDLED_CORPUS.iterdir()))
    return out, papers, claims


def test_schema_is_explicit_with_versions_in_metadata(small):
    out, _, _ = small
    schema = pq.read_schema(out / "claims.parquet")
    assert schema.names == [f[0] for f in CLAIM_FIELDS]
    meta = {k.decode(): v.decode() for k, v in schema.metadata.items()}
    assert meta["claimset.schema_version"] == SCHEMA_VERSION
    assert meta["claimset.extractor"].startswith("rules/")
    assert schema.field("start").type == "int32"
    assert pq.read_schema(out / "papers.parquet").names == [f[0] for f in PAPER_FIELDS]


def test_every_claim_number_is_at_its_offsets(small):
    out, papers, claims = small
    df = load(out)
    assert df.height == len(claims) > 0
    for r in df.iter_rows(named=True):
        assert r["abstract"][r["start"] : r["end"]] == r["number"]


def test_card_describes_fields_licence_and_counts(small):
    out, papers, claims = small
    card = load_card(out)
    assert card["version"] == claimset.__version__
    assert card["licenses"][0]["name"]
    assert card["claimset"]["counts"]["claims"] == len(claims)
    assert {f["name"] for f in card["resources"][1]["schema"]["fields"]} == {f[0] for f in CLAIM_FIELDS}
    assert all(i["sha256"] for i in card["claimset"]["inputs"])
    assert (out / "README.md").read_text().count("|") > 20


def test_opens_in_pandas_duckdb_and_pyarrow(small):
    out, _, claims = small
    import duckdb
    import pandas as pd

    assert len(pd.read_parquet(out / "claims.parquet")) == len(claims)
    n = duckdb.sql(f"SELECT count(*) FROM '{out}/claims.parquet' c JOIN '{out}/papers.parquet' p USING (paper_id)").fetchall()[0][0]
    assert n == len(claims)
    assert pq.read_table(out / "claims.parquet").num_rows == len(claims)


def test_failed_write_leaves_previous_dataset_intact(small, tmp_path, monkeypatch):
    out, papers, claims = small
    target = tmp_path / "ds"
    write_dataset(target, papers, claims, extractor="rules/x")
    before = snapshot(target)

    import claimset.store as store

    def boom(*a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "_readme", boom)
    with pytest.raises(RuntimeError):
        write_dataset(target, papers[:1], claims[:1], extractor="rules/y")
    assert snapshot(target) == before  # no temporary folder left behind either
    assert [p.name for p in tmp_path.iterdir()] == ["ds"]


def test_load_errors_on_a_folder_that_is_not_a_dataset(tmp_path):
    with pytest.raises(claimset.ClaimsetError, match="not a claimset dataset"):
        load_claims(tmp_path)


def test_claim_ids_unique(small):
    out, _, _ = small
    ids = load_claims(out)["claim_id"].to_list()
    assert len(ids) == len(set(ids))
    assert json.dumps(ids)  # plain strings


def test_readme_schema_tables_match_the_code():
    from claimset.schema import markdown_table

    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert markdown_table(CLAIM_FIELDS) in readme
    assert markdown_table(PAPER_FIELDS) in readme
