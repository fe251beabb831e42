"""The committed dataset under datasets/ must be what a fresh extraction of the bundled corpus gives."""

from __future__ import annotations

import polars as pl
from polars.testing import assert_frame_equal

from claimset.pipeline import extract_corpus
from claimset.store import load_card

from .conftest import BUNDLED_CORPUS, BUNDLED_DATASET


def test_fresh_extraction_matches_committed_dataset(tmp_path):
    fresh = tmp_path / "claimset-seeds"
    extract_corpus([BUNDLED_CORPUS], fresh)
    for name in ("papers.parquet", "claims.parquet"):
        assert_frame_equal(pl.read_parquet(fresh / name), pl.read_parquet(BUNDLED_DATASET / name))
    assert load_card(fresh) == load_card(BUNDLED_DATASET)
    assert (fresh / "README.md").read_text() == (BUNDLED_DATASET / "README.md").read_text()


def test_bundled_dataset_has_284_papers():
    assert pl.read_parquet(BUNDLED_DATASET / "papers.parquet").height == 284
