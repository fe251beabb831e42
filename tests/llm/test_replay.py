"""Answers recorded from a real local server (``python -m tests.llm.record``), replayed through the
cache with no server: grounding, validation and provenance on what a real small model says."""

import json
from pathlib import Path

import pytest

from claimset.llm import LLMConfig, LLMExtractor
from claimset.models import Paper

RECORDED = [json.loads(line) for line in (Path(__file__).parent / "recorded.jsonl").read_text("utf-8").splitlines()]
NO_SERVER = "http://127.0.0.1:9/v1"  # nothing listens: any request would fail the test


def _replay(mode: str, tmp_path: Path):
    """An extractor whose cache holds the recorded answers, stored under the keys it will look up."""
    ex = LLMExtractor(LLMConfig(model=RECORDED[0]["model"], base_url=NO_SERVER, cache_dir=tmp_path), mode)
    papers = []
    for r in (r for r in RECORDED if r["mode"] == mode):
        paper = Paper(**r["paper"])
        candidates = ex.rules.extract(paper) if mode == "hybrid" else []
        ex.cache.put(ex.cache_key(paper, candidates), r["record"])
        papers.append(paper)
    return ex, papers


@pytest.mark.parametrize("mode", ["hybrid", "llm"])
def test_recorded_answers_give_only_grounded_valid_claims(mode, tmp_path):
    ex, papers = _replay(mode, tmp_path)
    out = list(ex.extract_many(papers))
    assert [p.paper_id for p, _ in out] == [p.paper_id for p in papers]
    assert ex.stats.requests == 0 and ex.stats.prompt_tokens == 0
    for paper, claims in out:
        for c in claims:
            assert paper.abstract[c.start:c.end] == c.number and c.number in c.sentence
            assert c.found_by in (("rules", "both", "llm") if mode == "hybrid" else ("llm",))
            assert c.extractor == ex.label
            if c.found_by == "llm":  # a field the model gave is in the abstract, or null
                for f in ("subject", "baseline", "benchmark", "metric"):
                    v = getattr(c, f)
                    assert v is None or " ".join(v.split()).casefold() in " ".join(paper.abstract.split()).casefold()


def test_the_small_model_copies_example_numbers_and_grounding_drops_them(tmp_path):
    """The 270M model repeats the few-shot example's "1.3B" and "400 billion"; none is in these
    abstracts, so every one is dropped and counted, none stored."""
    ex, papers = _replay("llm", tmp_path)
    out = list(ex.extract_many(papers))
    assert ex.stats.invented_dropped > 0
    for paper, claims in out:
        if "1.3B" not in paper.abstract:
            assert all(c.number != "1.3B" for c in claims)


def test_replay_is_deterministic(tmp_path):
    a_ex, papers = _replay("hybrid", tmp_path / "a")
    b_ex, _ = _replay("hybrid", tmp_path / "b")
    a = [c.model_dump() for _, cs in a_ex.extract_many(papers) for c in cs]
    b = [c.model_dump() for _, cs in b_ex.extract_many(papers) for c in cs]
    assert a == b and a
