from __future__ import annotations

import pytest
from pydantic import ValidationError

from claimset.ids import claim_id, paper_id_for_title
from claimset.models import Claim, claim_json_schema

ABSTRACT = "Our kernel is 2.5x faster than the baseline."


def _claim(**kw):
    data = dict(paper_id="p1", claim_type="speedup", value=2.5, number="2.5x", start=14, end=18,
                sentence=ABSTRACT, extractor="test/0")
    data.update(kw)
    return Claim.model_validate(data, context={"abstract": ABSTRACT})


def test_number_must_be_at_its_offsets():
    assert _claim().number == ABSTRACT[14:18]
    with pytest.raises(ValidationError, match="not at"):
        _claim(start=13, end=17)


def test_value_max_not_below_value_and_types_closed():
    with pytest.raises(ValidationError, match="below"):
        _claim(value_max=1.0)
    with pytest.raises(ValidationError):
        _claim(claim_type="vibes")
    with pytest.raises(ValidationError):
        _claim(qualifier="maybe")


def test_claim_id_is_deterministic_and_depends_on_span_and_type():
    a = _claim()
    assert a.claim_id == claim_id("p1", "speedup", 14, 18, "2.5x")
    assert a.claim_id == _claim().claim_id
    assert a.claim_id != _claim(claim_type="benchmark_score").claim_id
    assert len(a.claim_id) == 13 and a.claim_id.startswith("c")


def test_paper_id_is_sha1_prefix_of_title():
    import hashlib

    assert paper_id_for_title("T") == hashlib.sha1(b"T").hexdigest()[:10]


def test_json_schema_is_exported():
    schema = claim_json_schema()
    assert schema["properties"]["claim_type"]
    assert "number" in schema["required"]
