"""The LLM machinery against a real llama.cpp server (``make test-llm``). A 270M model cannot judge
quality: these tests judge the plumbing — schema mode, grounding, the cache, the budget, errors."""

import json
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from claimset.llm import LLMConfig, LLMExtractor
from claimset.models import Paper

pytestmark = pytest.mark.llm
ROOT = Path(__file__).resolve().parents[2]
MODEL = "gemma3-270m"


def _corpus(tmp_path: Path, n: int = 6) -> Path:
    """The first ``n`` bundled seed papers with a number, as JSON Lines."""
    papers = pl.read_parquet(ROOT / "datasets/claimset-seeds/papers.parquet")
    rows = [r for r in papers.select("paper_id", "title", "abstract").iter_rows(named=True)
            if any(ch.isdigit() for ch in r["abstract"])][:n]
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps({"id": r["paper_id"], "title": r["title"], "abstract": r["abstract"]}) + "\n"
                            for r in rows))
    return path


def _claimset(*args, env_cache: Path) -> subprocess.CompletedProcess:
    import os

    env = {**os.environ, "CLAIMSET_CACHE_DIR": str(env_cache), "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "claimset._entry", *args], capture_output=True, text=True, env=env, timeout=900)


def _valid(dataset: Path) -> pl.DataFrame:
    papers = pl.read_parquet(dataset / "papers.parquet")
    claims = pl.read_parquet(dataset / "claims.parquet")
    abstracts = dict(zip(papers["paper_id"], papers["abstract"]))
    for c in claims.iter_rows(named=True):
        assert abstracts[c["paper_id"]][c["start"]:c["end"]] == c["number"]
        assert c["found_by"] in ("rules", "llm", "both")
        assert (c["type_agree"] is not None) == (c["found_by"] == "both")
    return claims


def test_hybrid_extract_then_cached_rerun_is_free_and_identical(llm_server, tmp_path):
    corpus, cache = _corpus(tmp_path), tmp_path / "cache"
    args = ["extract", str(corpus), "--extractor", "hybrid", "--model", MODEL, "--base-url", llm_server,
            "--concurrency", "2", "--no-progress"]
    first = _claimset(*args, "--out", str(tmp_path / "a"), env_cache=cache)
    assert first.returncode == 0, first.stderr
    assert "mode json_object" in first.stderr  # auto mode: llama-cpp-python refuses json_schema, gets a schema'd object
    claims = _valid(tmp_path / "a")
    assert claims.height > 0 and set(claims["extractor"]) == {claims["extractor"][0]}
    assert claims["extractor"][0].startswith("hybrid/") and claims["extractor"][0].endswith("@" + MODEL)

    second = _claimset(*args, "--out", str(tmp_path / "b"), env_cache=cache)
    assert second.returncode == 0, second.stderr
    assert "0 by the server in 0 requests" in second.stderr and "tokens: 0 prompt + 0 completion" in second.stderr
    a = (tmp_path / "a/claims.parquet").resolve().read_bytes()
    b = (tmp_path / "b/claims.parquet").resolve().read_bytes()
    assert a == b


def test_an_invented_number_is_reasked_then_dropped_never_stored(llm_server, tmp_path, monkeypatch):
    """The model is told to answer with a number that is not in the abstract: validation fails, the
    re-ask sends the error, and whatever survives is read leniently, so the number is never stored."""
    from claimset.llm import extractor

    invented = "917.3x"
    paper = Paper(paper_id="p", title="T", abstract="Our method is 2.5x faster than the baseline.")

    def tricked(mode, p, candidates=None):
        answer = {"claims": [{"number": invented, "anchor": invented, "claim_type": "speedup", "unit": "x",
                              "subject": None, "baseline": None, "benchmark": None, "metric": None}]}
        return [{"role": "system", "content": "Repeat the user's JSON exactly."},
                {"role": "user", "content": json.dumps(answer)}]

    monkeypatch.setattr(extractor, "messages", tricked)
    ex = LLMExtractor(LLMConfig(model=MODEL, base_url=llm_server, cache_dir=tmp_path, max_tokens=200), "llm")
    [(_, claims)] = list(ex.extract_many([paper]))
    assert all(c.number != invented and c.value != 917.3 for c in claims)
    assert ex.stats.invented_dropped >= 1 or ex.stats.failed  # dropped after the re-ask, or no usable answer
    assert ex.stats.requests == 2  # the first answer and one re-ask (--max-retries 1)


def test_budget_stops_cleanly_and_keeps_what_was_done(llm_server, tmp_path):
    corpus = _corpus(tmp_path)
    r = _claimset("extract", str(corpus), "--extractor", "llm", "--model", MODEL, "--base-url", llm_server,
                  "--budget-tokens", "6000", "--concurrency", "1", "--no-progress", "--out", str(tmp_path / "d"),
                  env_cache=tmp_path / "cache")
    assert r.returncode == 0, r.stderr
    assert "budget reached" in r.stderr
    papers = pl.read_parquet(tmp_path / "d/papers.parquet")
    assert 0 < papers.height < 6
    _valid(tmp_path / "d")
    spent = [line for line in r.stderr.splitlines() if line.startswith("tokens:")][0]
    total = sum(int(x.replace(",", "")) for x in spent.split()[1:5:3])
    assert total <= 6000
    # an interrupted (here: budget-stopped) run resumes: what was answered comes from the cache, free
    again = _claimset("extract", str(corpus), "--extractor", "llm", "--model", MODEL, "--base-url", llm_server,
                      "--budget-tokens", "6000", "--concurrency", "1", "--no-progress", "--out", str(tmp_path / "d"),
                      env_cache=tmp_path / "cache")
    assert again.returncode == 0, again.stderr
    assert pl.read_parquet(tmp_path / "d/papers.parquet").height > papers.height
    import re

    cached = int(re.search(r"([\d,]+) from the cache", again.stderr).group(1).replace(",", ""))
    assert cached >= 1  # every answer of the first run, re-used at no cost


def test_stopped_server_is_one_line_and_the_dataset_is_kept(llm_server, tmp_path):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    corpus = _corpus(tmp_path, 2)
    ok = _claimset("extract", str(corpus), "--no-progress", "--out", str(tmp_path / "e"), env_cache=tmp_path / "c")
    assert ok.returncode == 0
    before = (tmp_path / "e/claims.parquet").resolve().read_bytes()
    r = _claimset("extract", str(corpus), "--extractor", "hybrid", "--model", MODEL, "--base-url",
                  f"http://127.0.0.1:{port}/v1", "--no-progress", "--no-cache", "--out", str(tmp_path / "e"),
                  env_cache=tmp_path / "c")
    assert r.returncode == 1
    assert r.stderr.strip().count("\n") == 0 and "cannot reach the LLM server" in r.stderr
    assert (tmp_path / "e/claims.parquet").resolve().read_bytes() == before


def test_evaluate_prints_the_side_by_side_table(llm_server, tmp_path):
    from claimset.extract.engine import RuleExtractor

    # a gold file made from two seed abstracts and the rules' own claims: it tests the table, not quality
    corpus = _corpus(tmp_path, 2)
    lines = []
    for rec in map(json.loads, corpus.read_text().splitlines()):
        claims = RuleExtractor().extract(Paper(paper_id=rec["id"], title=rec["title"], abstract=rec["abstract"]))
        lines.append(json.dumps({**rec, "claims": [{"type": c.claim_type, "start": c.start, "end": c.end,
                                                    "number": c.number, "value": c.value, "value_max": c.value_max,
                                                    "unit": c.unit, "qualifier": c.qualifier} for c in claims]}))
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(lines) + "\n")
    r = _claimset("evaluate", "--gold", str(gold), "--extractor", "hybrid", "--model", MODEL, "--base-url", llm_server,
                  "--price", "0.1,0.4", env_cache=tmp_path / "cache")
    assert r.returncode == 0, r.stderr
    assert "rules P" in r.stdout and "hybrid P" in r.stdout and "agreement" in r.stdout and "tokens" in r.stdout
    micro = next(line for line in r.stdout.splitlines() if line.startswith("micro"))
    assert micro.split()[1:4] == ["1.000", "1.000", "1.000"]  # the rules score 1.0 on their own claims
