"""Every rule that carries examples in the specs is checked against them (one test for all)."""

from __future__ import annotations

import pytest

from claimset.extract import RuleExtractor
from claimset.ids import paper_id_for_title
from claimset.models import Paper
from claimset.spec import load_spec, spec_names
from claimset.textview import normalize, rules

EX = RuleExtractor()


def _type_examples():
    for name in spec_names("types"):
        spec = load_spec(name)
        for key, table in spec.items():
            if isinstance(table, dict) and "examples" in table:
                for sentence, number in table["examples"]:
                    yield pytest.param(spec["name"], sentence, number, id=f"{spec['name']}.{key}:{number}")


@pytest.mark.parametrize("claim_type,sentence,number", list(_type_examples()))
def test_type_spec_examples(claim_type, sentence, number):
    claims = EX.extract(Paper(paper_id=paper_id_for_title(sentence), title="Untitled", abstract=sentence))
    assert (claim_type, number) in {(c.claim_type, c.number) for c in claims}


@pytest.mark.parametrize("rule", rules(), ids=lambda r: r.name)
def test_text_rule_examples(rule):
    assert rule.examples, f"rule {rule.name} has no examples"
    for written, normalised in rule.examples:
        view = normalize(written)
        assert view.text == normalised
        for i in range(len(view.text)):  # every character of the view maps into the text as written
            start, end = view.span(i, i + 1)
            assert 0 <= start < end <= len(written)


def test_a_bad_text_rule_is_a_clear_error():
    from pydantic import ValidationError

    from claimset.textview import TextRule

    with pytest.raises(ValidationError, match="exactly one of"):
        TextRule.model_validate({"name": "x", "pass": 2, "pattern": "a", "replace": "b", "function": "html"})
    with pytest.raises(ValidationError, match="bad pattern"):
        TextRule.model_validate({"name": "x", "pass": 2, "pattern": "(", "replace": "b"})
