"""Golden sentences written from the guidelines' rules (not from the gold files)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimset.extract import RuleExtractor
from claimset.ids import paper_id_for_title
from claimset.models import Paper

CASES = [json.loads(line) for line in (Path(__file__).parent / "golden" / "tricky.jsonl").open(encoding="utf-8")]
EXTRACTOR = RuleExtractor()


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_golden_sentence(case):
    text = case["text"]
    paper = Paper(paper_id=paper_id_for_title(text), title="Untitled", abstract=text)
    got = EXTRACTOR.extract(paper)
    assert sorted((c.claim_type, c.number) for c in got) == sorted((e["type"], e["number"]) for e in case["claims"])
    by_key = {(c.claim_type, c.number): c for c in got}
    for e in case["claims"]:
        c = by_key[(e["type"], e["number"])]
        assert text[c.start : c.end] == c.number
        for field in ("value", "value_max", "unit", "qualifier", "metric", "benchmark"):
            if field in e:
                want = e[field]
                assert getattr(c, field) == (pytest.approx(want) if isinstance(want, float | int) else want), field
