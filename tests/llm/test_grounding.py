"""Grounding and the answer models, without a server: a number the model gives must be in the
abstract, and the code (not the model) finds where."""

import json

import pytest
from pydantic import ValidationError

from claimset.llm.answers import HybridAnswer, LLMAnswer
from claimset.llm.grounding import Grounder
from claimset.models import Paper

ABSTRACT = ("We train Orca-Lite, a 2.7B model, on 300 billion tokens. It reaches 64.2% accuracy on BoolQ "
            "and runs 3$\\times$ faster than its baseline; with 8 GPUs, it is 3$\\times$ cheaper too.")
PAPER = Paper(paper_id="p1", title="Orca-Lite", abstract=ABSTRACT)


def _claim(number, anchor="", ctype="benchmark_score", **fields):
    return {"number": number, "anchor": anchor, "claim_type": ctype, "unit": "none", **fields}


def test_strict_answer_rejects_a_number_not_in_the_abstract():
    g = Grounder(PAPER)
    with pytest.raises(ValidationError, match="not in the abstract"):
        LLMAnswer.model_validate({"claims": [_claim("71.9%")]}, context={"texts": g.texts})


def test_lenient_answer_drops_and_counts_invented_numbers():
    g = Grounder(PAPER)
    ctx = {"texts": g.texts, "lenient": True}
    answer = LLMAnswer.model_validate({"claims": [_claim("71.9%"), _claim("64.2%")]}, context=ctx)
    assert [c.number for c in answer.claims] == ["64.2%"]
    assert ctx["dropped"] == ["71.9%"]


def test_hybrid_verdict_for_an_unknown_candidate_is_an_error_then_dropped():
    bad = {"verdicts": [{"id": 3, "keep": True, "claim_type": "speedup"}], "added": []}
    with pytest.raises(ValidationError, match="no candidate 3"):
        HybridAnswer.model_validate(bad, context={"texts": [ABSTRACT], "n_candidates": 2})
    lenient = HybridAnswer.model_validate(bad, context={"texts": [ABSTRACT], "n_candidates": 2, "lenient": True})
    assert lenient.verdicts == []


def test_latex_number_quoted_as_read_maps_to_the_text_as_written():
    g = Grounder(PAPER)
    loc = g.locate("3×", "3× faster")
    assert ABSTRACT[loc.start:loc.end] == "3$\\times$"
    assert loc.mention.value == 3 and loc.mention.unit == "x"
    # the anchor picks the second "3x", and a taken offset is skipped without an anchor
    second = g.locate("3$\\times$", "3$\\times$ cheaper")
    assert second.start > loc.start
    assert g.locate("3×", "", taken={loc.start}).start == second.start


def test_quote_with_words_around_the_number_grounds_to_the_parsed_number():
    g = Grounder(PAPER)
    loc = g.locate("300 billion tokens")
    assert ABSTRACT[loc.start:loc.end] == "300 billion" and loc.mention.value == 3e11
    assert g.locate("BoolQ") is None  # not a number: nothing to ground


def test_fields_are_kept_only_when_the_abstract_has_them():
    g = Grounder(PAPER)
    assert g.grounded_field("orca-lite") == "orca-lite"
    assert g.grounded_field("GPT-4") is None
    loc = g.locate("64.2%")
    claim = g.claim(loc, "benchmark_score", "%", {"subject": "Orca-Lite", "benchmark": "BoolQ", "metric": "F1"},
                    found_by="llm", confidence=0.5, extractor="llm/test")
    assert (claim.subject, claim.benchmark, claim.metric) == ("Orca-Lite", "BoolQ", None)
    assert ABSTRACT[claim.start:claim.end] == claim.number == "64.2%"


def test_prompt_examples_are_valid_answers():
    from claimset.llm.prompts import messages, prompt_spec

    spec = prompt_spec()
    assert {e.mode for e in spec.examples} == {"llm", "hybrid"}
    msgs = messages("llm", PAPER)
    assert msgs[0]["role"] == "system" and msgs[-1]["content"].endswith(ABSTRACT)
    assert json.loads(msgs[2]["content"])["claims"]
