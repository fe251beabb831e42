"""The Dask engine against a real dask.distributed LocalCluster on localhost: the same claims as a
single-process run, as a partitioned dataset that claimset, pandas and DuckDB read as one table."""

from __future__ import annotations

import json

import pytest

import claimset

from .conftest import BUNDLED_CORPUS

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    from claimset.corpus import read_corpus

    folder = tmp_path_factory.mktemp("shards")
    papers = read_corpus([BUNDLED_CORPUS]).papers
    for i in range(3):
        with (folder / f"part{i}.jsonl").open("w") as fh:
            for p in papers[i::3]:
                fh.write(json.dumps({"id": p.paper_id, "title": p.title, "abstract": p.abstract}) + "\n")
    return folder


def test_dask_output_equals_the_single_process_output(tmp_path, shards):
    from distributed import LocalCluster

    from claimset.cluster import extract_on_dask
    from claimset.pipeline import extract_corpus

    local = extract_corpus([shards], tmp_path / "local")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        summary = extract_on_dask([shards], tmp_path / "dask", scheduler=cluster.scheduler_address)
    assert summary.n_claims == local.n_claims > 0 and summary.corpus.n_papers == local.corpus.n_papers
    a = claimset.load(tmp_path / "local").drop("source").sort("claim_id")
    b = claimset.load(tmp_path / "dask").drop("source").sort("claim_id")
    assert a.equals(b)
    parts = sorted(p.name for p in (tmp_path / "dask" / "claims.parquet").iterdir())
    assert parts == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]

    import duckdb
    import pandas as pd

    n = duckdb.sql(f"SELECT count(*) FROM '{tmp_path}/dask/claims.parquet/*.parquet'").fetchall()[0][0]
    assert n == len(pd.read_parquet(tmp_path / "dask" / "claims.parquet")) == a.height


def test_unreachable_scheduler_is_one_line(tmp_path, shards, cli):
    r = cli("extract", str(shards), "--out", str(tmp_path / "ds"), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9")
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "ds").exists()
