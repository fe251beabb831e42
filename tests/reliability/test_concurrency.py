"""One writer at a time, and readers that never see a mix of two runs or an error during a swap."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import claimset

from .conftest import start_cli, wait_for, writing


def test_a_second_writer_fails_fast_and_the_first_completes(tmp_path, big_corpus, small_corpus):
    ds = tmp_path / "ds"
    first = start_cli("extract", str(big_corpus), "--out", str(ds), "--no-progress")
    assert wait_for(lambda: writing(ds), timeout=30)
    t0 = time.monotonic()
    second = start_cli("extract", str(small_corpus), "--out", str(ds), "--no-progress")
    _, err = second.communicate(timeout=60)
    assert second.returncode == 1
    assert f"is being written by claimset process {first.pid}" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert first.poll() is None or time.monotonic() - t0 < 5  # it failed fast, while the first still ran
    _, err1 = first.communicate(timeout=120)
    assert first.returncode == 0, err1
    df = claimset.load(ds)
    assert df.height > 0 and df["title"].null_count() == 0


WRITER = r"""
import sys
from claimset.corpus import read_corpus
from claimset.extract import RuleExtractor
from claimset.store import write_dataset
ex = RuleExtractor()
runs = []
for path in sys.argv[2:4]:
    papers = read_corpus([path]).papers
    runs.append((papers, [c for p in papers for c in ex.extract(p)]))
for i in range(int(sys.argv[4])):
    papers, claims = runs[i % 2]
    write_dataset(sys.argv[1], papers, claims, extractor="rules/test")
"""


def test_readers_during_back_to_back_swaps_see_one_whole_run(tmp_path, small_corpus):
    from .conftest import write_corpus

    other = write_corpus(tmp_path / "other.jsonl", copies=2, start=300)
    ds = tmp_path / "ds"
    expected = {}
    for path in (small_corpus, other):
        p = start_cli("extract", str(path), "--out", str(tmp_path / path.stem), "--no-progress")
        assert p.wait(120) == 0
        df = claimset.load(tmp_path / path.stem)
        expected[df.height] = df["paper_id"].n_unique()
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(ds), str(small_corpus), str(other), "60"],
                              stderr=subprocess.PIPE, text=True)
    assert wait_for(lambda: (ds / "claims.parquet").exists(), timeout=60)
    reads, problems = 0, []
    while writer.poll() is None:
        try:
            df = claimset.load(ds)
            card = claimset.load_card(ds)
        except Exception as exc:  # noqa: BLE001 - any failure is what this test counts
            problems.append(f"{type(exc).__name__}: {exc}")
            continue
        reads += 1
        if df.height not in expected or df["title"].null_count() or expected[df.height] != df["paper_id"].n_unique():
            problems.append(f"mixed read: {df.height} claims, {df['title'].null_count()} without a paper")
        if card["claimset"]["counts"]["claims"] not in expected:
            problems.append(f"card of another run: {json.dumps(card['claimset']['counts'])}")
    assert writer.returncode == 0, writer.stderr.read()
    assert reads >= 20
    assert problems == []
