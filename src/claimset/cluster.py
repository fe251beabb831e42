"""Extraction beyond one machine, on a Dask cluster.

Each input shard (a JSON Lines, CSV or Parquet file, plain or compressed) is one task:
:func:`extract_shard` reads it, extracts its papers with :func:`claimset.batches.extract_batch`, and
returns Arrow tables. The client writes them, in shard order, as a *partitioned* dataset
(``claims.parquet/part-00000.parquet`` ...) through the same atomic, locked writer as a local run;
``claimset.load``, pandas, polars and DuckDB (``'ds/claims.parquet/*.parquet'``) read it as one table.

    claimset extract shards/*.jsonl.gz --out arxiv-claims --engine dask --scheduler tcp://head:8786
    claimset extract shards/ --out arxiv-claims --engine dask        # a LocalCluster on this machine

A paper listed in several shards (same title and abstract) is kept once, from the first shard; paper
ids must be unique across shards (a later shard's paper with a taken id gets ``-<8 hex of its
digest>``, as a local run does).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from .corpus import ColumnMap, CorpusReader, _expand
from .errors import ClaimsetError
from .models import CLAIM_TYPES
from .pipeline import ExtractSummary, check_output
from .store import INPUT_SOURCE, DatasetWriter


def extract_shard(path: str, format: str | None = None, columns: ColumnMap | None = None,
                  extractor: str = "rules") -> dict[str, Any]:
    """Read one shard and extract it: Arrow tables of its papers and claims, the papers' content
    digests, and what reading it counted. A pure function of the file (it runs on a worker)."""
    from .batches import extract_batch

    reader = CorpusReader([path], format=format, columns=columns)
    papers = [p for p, first in reader if first is None]
    result = extract_batch(papers, extractor)
    digests = [hashlib.sha1(f"{p.title}\x00{p.abstract}".encode()).hexdigest() for p in papers]
    stats = reader.stats
    return {"papers": result.papers, "claims": result.claims,
            "digests": digests, "records": stats.n_records, "duplicates": stats.n_duplicates,
            "skipped": dict(stats.skipped), "with_claims": result.papers_with_claims, "truncated": result.truncated}


def extract_on_dask(inputs: list[str | Path], out: str | Path, scheduler: str | None = None,
                    format: str | None = None, columns: ColumnMap | None = None, extractor: str = "rules",
                    n_workers: int = 2) -> ExtractSummary:
    """Extract every shard on a Dask cluster (``scheduler`` address, else a LocalCluster of
    ``n_workers`` processes) and write a partitioned dataset to ``out``."""
    import time

    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClaimsetError("the dask engine needs dask.distributed: pip install 'claimset[dask]'") from None
    from .extract import get_extractor

    inputs = list(inputs)
    check_output(out, inputs)
    shards = [str(p) for p, _ in _expand(inputs)]
    started = time.perf_counter()
    cluster = None if scheduler else LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                                  dashboard_address=None)
    try:
        client = Client(scheduler or cluster)
    except OSError as exc:
        raise ClaimsetError(f"cannot reach the Dask scheduler ({exc})", scheduler) from None
    try:
        futures = client.map(extract_shard, shards, format=format, columns=columns, extractor=extractor, pure=False)
        summary = _write(futures, out, get_extractor(extractor).label, shards)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _write(futures, out, label: str, shards: list[str]) -> ExtractSummary:
    import pyarrow.compute as pc

    from .corpus import CorpusRead

    seen: set[str] = set()
    stats = CorpusRead(papers=[], files=shards, names=[Path(s).name for s in shards])
    with_claims = n_claims = 0
    with DatasetWriter(out, extractor=label, partitioned=True) as writer:
        for fut in futures:  # in shard order
            part = fut.result()
            keep = [d not in seen for d in part["digests"]]
            seen.update(part["digests"])
            papers = part["papers"].filter(keep)
            claims = part["claims"].filter(pc.is_in(part["claims"].column("paper_id"), papers.column("paper_id")))
            writer.write_part(papers, claims)
            stats.n_records += part["records"]
            stats.n_duplicates += part["duplicates"] + keep.count(False)
            stats.skipped.update(part["skipped"])
            with_claims += part["with_claims"]
            n_claims += claims.num_rows
        stats.n_papers = writer.n_papers
        written = writer.commit(inputs=[Path(s) for s in shards],
                                sources=[{"title": INPUT_SOURCE, "path": n} for n in stats.names])
        per_type = {t: writer.per_type.get(t, 0) for t in CLAIM_TYPES}
    return ExtractSummary(out=written, corpus=stats, n_claims=n_claims, per_type=per_type, extractor=label,
                          papers_with_claims=with_claims, jobs=0)
