"""Extraction of batches in worker processes: what a stopped run leaves behind."""

from __future__ import annotations

from concurrent.futures import process

import pytest

from claimset.batches import run_batches
from claimset.models import Paper


def _papers(n: int) -> list[Paper]:
    return [Paper(paper_id=f"p{i}", title=f"Paper {i}", abstract="Kestrel runs 3x faster than Wren.") for i in range(n)]


def test_a_signal_in_a_half_started_pool_is_the_exception_that_stops_the_run(monkeypatch):
    """A signal that lands between the pool creating its manager thread and starting it must stop the
    run as that signal, not as the pool's "cannot join thread before it is started" (which hid it and
    left the process waiting on its workers)."""

    def half_started(self):
        self._executor_manager_thread = process._ExecutorManagerThread(self)  # created, never started
        raise KeyboardInterrupt  # (what claimset's handler raises for a signal)

    monkeypatch.setattr(process.ProcessPoolExecutor, "_start_executor_manager_thread", half_started)
    with pytest.raises(KeyboardInterrupt):
        list(run_batches([_papers(3)], jobs=2))


def test_pool_results_come_back_in_order():
    got = list(run_batches([_papers(3), _papers(2)], jobs=2))
    assert [r.papers.num_rows for r in got] == [3, 2]
    assert [r.claims.num_rows for r in got] == [3, 2]
