"""Record answers of the real local server for the replay tests (``tests/llm/recorded.jsonl``).

    python -m tests.llm.record           # starts the packaged model's server, asks, writes the file

Each line is one abstract of the bundled seed corpus, the mode, and the raw answer the server gave
(as the answer cache stores it). ``test_replay.py`` runs them through grounding and validation
without a server.
"""

from __future__ import annotations

import json
import socket
import tempfile
from pathlib import Path

import polars as pl

from claimset.llm import LLMConfig, LLMExtractor
from claimset.llm.server import MODEL_ALIAS, start
from claimset.models import Paper

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def seed_papers(n: int) -> list[Paper]:
    """The first ``n`` bundled seed papers that hold a number."""
    papers = pl.read_parquet(ROOT / "datasets/claimset-seeds/papers.parquet")
    rows = [r for r in papers.iter_rows(named=True) if any(ch.isdigit() for ch in r["abstract"])]
    return [Paper(paper_id=r["paper_id"], title=r["title"], abstract=r["abstract"]) for r in rows[:n]]


def main(n: int = 4) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = start(port)
    lines = []
    try:
        for mode in ("hybrid", "llm"):
            with tempfile.TemporaryDirectory() as cache:
                cfg = LLMConfig(model=MODEL_ALIAS, base_url=f"http://127.0.0.1:{port}/v1", cache_dir=Path(cache),
                                concurrency=1)
                ex = LLMExtractor(cfg, mode)
                for paper in seed_papers(n):
                    records: list[dict] = []
                    put = ex.cache.put
                    ex.cache.put = lambda key, record: (records.append(record), put(key, record))
                    list(ex.extract_many([paper]))
                    ex.cache.put = put
                    for record in records:
                        lines.append({"mode": mode, "model": MODEL_ALIAS, "paper": paper.model_dump(mode="json"),
                                      "record": record})
    finally:
        proc.terminate()
    (HERE / "recorded.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")
    print(f"recorded {len(lines)} answers to {HERE / 'recorded.jsonl'}")


if __name__ == "__main__":
    main()
