"""Helpers for the reliability suite: generated corpora, real CLI processes, file snapshots."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ..conftest import BUNDLED_CORPUS, ROOT, claimset_exe, snapshot  # noqa: F401


def write_corpus(path: Path, copies: int, start: int = 0) -> Path:
    """A JSON Lines corpus of ``copies`` x the bundled papers, each copy with unique ids and titles."""
    from claimset.corpus import read_corpus

    papers = read_corpus([BUNDLED_CORPUS]).papers
    with path.open("w", encoding="utf-8") as fh:
        for k in range(start, start + copies):
            for p in papers:
                fh.write(json.dumps({"id": f"{p.paper_id}-{k}", "title": f"{p.title} [{k}]",
                                     "abstract": p.abstract}) + "\n")
    return path


def start_cli(*args: str, cwd: Path | None = None, **kw) -> subprocess.Popen:
    env = dict(os.environ, COLUMNS="200", NO_COLOR="1")
    return subprocess.Popen([*claimset_exe(), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=cwd or ROOT, env=env, **kw)


def catches(pid: int, sig: int) -> bool:
    """Whether process ``pid`` has a handler installed for ``sig`` (Linux: SigCgt in /proc/<pid>/status)."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            caught = next(int(line.split()[1], 16) for line in fh if line.startswith("SigCgt:"))
    except (OSError, StopIteration):
        return False
    return bool(caught >> (sig - 1) & 1)


def wait_for(predicate, timeout: float = 30.0, step: float = 0.02) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(step)
    return False


def writing(ds: Path) -> bool:
    """Has a writer started its temporary version inside ``ds``?"""
    return any((ds / ".claimset").glob("tmp-*"))


def leftovers(ds: Path) -> list[str]:
    """Temporary or old folders a run left behind (inside the dataset or beside it)."""
    inside = [str(p) for p in (ds / ".claimset").glob("tmp-*")] if (ds / ".claimset").is_dir() else []
    beside = [str(p) for p in ds.parent.glob(f"{ds.name}.tmp-*")] + [str(p) for p in ds.parent.glob(f"{ds.name}.old-*")]
    return inside + beside


@pytest.fixture(scope="session")
def big_corpus(tmp_path_factory) -> Path:
    """About 11,000 papers: a run long enough (several seconds) to be interrupted at several points,
    even when the machine runs faster during a test than it did while its timing was measured."""
    return write_corpus(tmp_path_factory.mktemp("corpus") / "big.jsonl", copies=40)


@pytest.fixture(scope="session")
def big_run_seconds(big_corpus, tmp_path_factory) -> float:
    """How long the writing phase of a run on the big corpus takes here, from the moment its temporary
    version appears to the end (to interrupt it at fractions of that; start-up is not part of it)."""
    ds = tmp_path_factory.mktemp("timing") / "ds"
    p = start_cli("extract", str(big_corpus), "--out", str(ds), "--no-progress")
    assert wait_for(lambda: writing(ds) or p.poll() is not None, timeout=60)
    t0 = time.monotonic()
    assert p.wait(300) == 0
    return time.monotonic() - t0


def dataset_files(ds: Path) -> dict[str, object]:
    """A dataset's own files (versions, pointer, links, card): what a reader can see."""
    return {k: v for k, v in snapshot(ds).items() if not k.startswith(".claimset/tmp-")}


@pytest.fixture(scope="session")
def incompressible_corpus(tmp_path_factory) -> Path:
    """2,000 papers of random text (about 2 MB that compression cannot shrink much)."""
    import random

    rng = random.Random(7)
    path = tmp_path_factory.mktemp("corpus") / "random.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(2000):
            words = " ".join("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9)))
                             for _ in range(150))
            fh.write(json.dumps({"id": f"r{i}", "title": f"Random {i}", "abstract": f"A {i % 9 + 2}x speedup. {words}"}) + "\n")
    return path


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "small.jsonl", copies=1, start=100)


SIGNALS = {"INT": signal.SIGINT, "TERM": signal.SIGTERM, "HUP": signal.SIGHUP}
PY = sys.executable
