"""Runs are byte-identical across hash seeds, and the same claims come out however the input is split."""

from __future__ import annotations

import json
import os
import subprocess

import polars as pl

from ..conftest import BUNDLED_CORPUS, claimset_exe


def _extract(inputs, out, seed: str) -> None:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    r = subprocess.run([*claimset_exe(), "extract", *map(str, inputs), "--out", str(out), "--no-progress"],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr


def test_byte_identical_across_hash_seeds(tmp_path):
    outs = []
    for seed in ("0", "1", "12345", "random"):
        out = tmp_path / f"s{seed}" / "ds"
        _extract([BUNDLED_CORPUS], out, seed)
        outs.append(out)
    for name in ("claims.parquet", "papers.parquet", "datapackage.json"):
        first = (outs[0] / name).read_bytes()
        assert all((o / name).read_bytes() == first for o in outs[1:]), name


def test_same_claims_however_the_input_is_split(tmp_path):
    from claimset.corpus import read_corpus

    papers = read_corpus([BUNDLED_CORPUS]).papers
    records = [json.dumps({"id": p.paper_id, "title": p.title, "abstract": p.abstract}) + "\n" for p in papers]
    whole = tmp_path / "whole.jsonl"
    whole.write_text("".join(records))
    parts = tmp_path / "parts"
    parts.mkdir()
    for i, chunk in enumerate((records[:50], records[50:51], records[51:200], records[200:])):
        (parts / f"part{i}.jsonl").write_text("".join(chunk))
    _extract([whole], tmp_path / "a", "0")
    _extract([parts], tmp_path / "b", "0")
    a = pl.read_parquet(tmp_path / "a" / "claims.parquet")
    b = pl.read_parquet(tmp_path / "b" / "claims.parquet")
    assert a.height == b.height > 0
    assert a.equals(b)


def test_ids_do_not_depend_on_the_order_of_records_sharing_an_id(tmp_path):
    recs = [{"id": "p1", "title": "Alpha", "abstract": "We get a 2.5x speedup on 3 million tokens."},
            {"id": "p1", "title": "Beta", "abstract": "Our 7B model reaches 85% accuracy on MMLU."},
            {"id": "p2", "title": "Gamma", "abstract": "A 3x smaller KV cache."}]
    ids = []
    for order in ([0, 1, 2], [1, 0, 2], [2, 1, 0]):
        src = tmp_path / f"in{''.join(map(str, order))}.jsonl"
        src.write_text("".join(json.dumps(recs[i]) + "\n" for i in order))
        out = tmp_path / f"out{''.join(map(str, order))}"
        _extract([src], out, "0")
        df = pl.read_parquet(out / "claims.parquet").join(pl.read_parquet(out / "papers.parquet"), on="paper_id")
        ids.append(sorted(zip(df["claim_id"], df["paper_id"], df["title"])))
    assert ids[0] == ids[1] == ids[2]
    assert {t for _, p, t in ids[0] if p == "p1"} == {"Beta"} or {t for _, p, t in ids[0] if p == "p1"} == {"Alpha"}
