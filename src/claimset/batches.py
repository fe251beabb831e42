"""Extraction of batches of papers, in this process or in worker processes, in input order.

:func:`extract_batch` is the pure unit of work (a batch of paper records in, claims out): the same
function runs in ``--jobs 1``, in a pool of worker processes (``--jobs N``), and on a Dask cluster
(:mod:`claimset.dask`). Results come back in submission order and at most ``2 x jobs`` batches are
in flight, so memory stays flat and the output is byte-identical whatever the number of jobs.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .models import Claim, Paper

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa

_EXTRACTOR = None  # one per worker process, built once
PART = 250  # papers per task sent to a worker: small enough that the workers end a run together


@dataclass
class BatchResult:
    """What extracting one batch gave: Arrow tables of the papers (in order) and their claims, in
    the dataset's schemas (cheap to send between processes), and counters."""

    papers: "pa.Table"
    claims: "pa.Table"
    papers_with_claims: int
    truncated: int


def _extractor(name: str):
    global _EXTRACTOR
    if _EXTRACTOR is None or _EXTRACTOR.name != name:
        from .extract import get_extractor

        _EXTRACTOR = get_extractor(name)
    return _EXTRACTOR


def extract_batch(papers: list[Paper], extractor: str = "rules") -> BatchResult:
    """Claims of a batch of papers, in order (a pure function of its input)."""
    ex = _extractor(extractor)
    before = getattr(ex, "truncated", 0)
    claims: list[Claim] = []
    with_claims = 0
    for paper in papers:
        found = ex.extract(paper)
        claims.extend(found)
        with_claims += bool(found)
    from .schema import claims_schema, papers_schema
    from .store import to_table

    return BatchResult(to_table(papers, papers_schema()), to_table(claims, claims_schema()), with_claims,
                       getattr(ex, "truncated", 0) - before)


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _worker_init() -> None:
    """In a forked worker: let go of the writer's lock descriptor, and die with the parent (a
    `kill -9` of claimset must not leave workers behind holding the lock or burning CPU)."""
    from .fsio import Lock

    Lock.forget_in_child()
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if os.getppid() == 1:  # the parent died before prctl took effect
            os._exit(1)
    except (OSError, AttributeError):  # not Linux: the executor notices a dead parent itself
        pass
    # Ctrl-C reaches the whole process group: the parent handles it (one line, cleanup). A worker
    # told to stop on its own just stops, without the parent's handler and its message.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    if "pandas" not in sys.modules:  # (a parent that has it already passes it on)
        sys.meta_path.insert(0, _NoPandas())


class _NoPandas:
    """A worker only turns Python lists into Arrow tables, and pyarrow's first conversion imports pandas
    (when installed) just to ask whether a list is a pandas array: 0.2-0.5 s per process, for nothing
    here. Seen as not installed, pyarrow converts as it does without pandas (the same tables)."""

    @staticmethod
    def find_spec(name: str, path=None, target=None):
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("pandas is not imported in claimset's extraction workers")
        return None


def _warm(extractor: str) -> None:
    """Build what every worker needs once, before the fork: the compiled specs."""
    _extractor(extractor)


def run_batches(batches: Iterable[list[Paper]], extractor: str = "rules", jobs: int = 1) -> Iterator[BatchResult]:
    """Extract every batch and yield the results in input order, with ``jobs`` processes."""
    if jobs <= 1:
        for batch in batches:
            yield extract_batch(batch, extractor)
        return
    import multiprocessing

    ctx = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    if ctx is not None:
        _warm(extractor)  # forked workers inherit what the parent built
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_worker_init)
    try:
        pending: deque[list[Future]] = deque()
        for batch in batches:
            # a batch goes out in parts, so the workers finish together (a batch is written whole)
            pending.append([pool.submit(extract_batch, batch[i : i + PART], extractor) for i in range(0, len(batch), PART)])
            if len(pending) >= 2 * jobs:
                yield _joined([f.result() for f in pending.popleft()])
        while pending:
            yield _joined([f.result() for f in pending.popleft()])
    except (Exception, GeneratorExit):
        pool.shutdown(wait=True)  # an error, or a reader that stopped early: the workers finish, as in a with block
        raise
    except BaseException:
        _abandon(pool)  # a signal: claimset exits at once after it (os._exit), so nothing waits on the pool
        raise
    pool.shutdown(wait=True)


def _abandon(pool: ProcessPoolExecutor) -> None:
    """Stop a pool at once while a signal or an error unwinds the run: its workers are killed, and no
    error of a pool caught half-started (a signal between creating its manager thread and starting it:
    "cannot join thread before it is started") replaces the exception that stopped the run."""
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(Exception):
            proc.kill()
    with contextlib.suppress(Exception):
        pool.shutdown(wait=False, cancel_futures=True)


def _joined(parts: list[BatchResult]) -> BatchResult:
    """One batch's result from its parts' results, in order (the same tables as one call would give)."""
    if len(parts) == 1:
        return parts[0]
    import pyarrow as pa

    return BatchResult(pa.concat_tables([r.papers for r in parts]).combine_chunks(),
                       pa.concat_tables([r.claims for r in parts]).combine_chunks(),
                       sum(r.papers_with_claims for r in parts), sum(r.truncated for r in parts))
