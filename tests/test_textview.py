"""LaTeX, entities and Unicode forms are read through the normalised view, and every claim points at
the text as written (abstract[start:end] == number)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimset.extract import RuleExtractor
from claimset.models import Paper
from claimset.textview import _trigger, needs_normalizing

EX = RuleExtractor()

CASES = [
    # (abstract, expected (type, number, value, value_max, qualifier) among the claims)
    (r"Our kernel runs 3$\times$ faster than the baseline.", ("speedup", r"3$\times$", 3.0, None, "exact")),
    (r"Decoding is 2--4$\times$ faster with our method.", ("speedup", r"2--4$\times$", 2.0, 4.0, "exact")),
    (r"It needs $\sim$2.5$\times$ less memory than the baseline.", ("memory_reduction", r"2.5$\times$", 2.5, None, "approx")),
    (r"It reaches 85.3\% accuracy on ImageNet.", ("benchmark_score", r"85.3\%", 85.3, None, "exact")),
    ("It reaches &gt;90% accuracy on GSM8K.", ("benchmark_score", "90%", 90.0, None, "lower")),
    ("Our model reaches ９８％ accuracy on MNIST.", ("benchmark_score", "９８％", 98.0, None, "exact")),
    ("We train a model\nwith 7\u202fbillion parameters.", ("model_size", "7\u202fbillion", 7e9, None, "exact")),
    (r"It is trained on 10^{9} tokens.", ("dataset_size", "10^{9}", 1e9, None, "exact")),
    (r"It improves BLEU by $+3.1$ points.", ("benchmark_score", "+3.1", 3.1, None, "exact")),
    # the markup a number's unit sits in is closed in its span; a factor before its number; text-mode times
    (r"Our kernel runs $2.5\mathrm{x}$ faster than the baseline.", ("speedup", r"2.5\mathrm{x}", 2.5, None, "exact")),
    (r"Our kernel is $\times 3$ faster than the baseline.", ("speedup", r"\times 3", 3.0, None, "exact")),
    (r"Our kernel is 2.5\texttimes{} faster than the baseline.", ("speedup", r"2.5\texttimes{}", 2.5, None, "exact")),
    ("Kestrel-Coder reaches pass@1=67.2% on HumanEval.", ("benchmark_score", "67.2%", 67.2, None, "exact")),
]


@pytest.mark.parametrize("abstract,expected", CASES, ids=[c[1][1] for c in CASES])
def test_forms_read_through_the_view_with_offsets_into_the_original(abstract, expected):
    claims = EX.extract(Paper(paper_id="p", title="T", abstract=abstract))
    for c in claims:
        assert abstract[c.start : c.end] == c.number and c.number in c.sentence
    got = {(c.claim_type, c.number, c.value, c.value_max, c.qualifier) for c in claims}
    assert expected in got, got


_ASCII_PIECES = st.sampled_from(["-", "--", "{", "\\", "$", "&", "~", "\r", "\n", "^", "a", " ", "3", "{\\", "x"])


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(alphabet=st.characters(max_codepoint=127), max_size=40),
                 st.lists(_ASCII_PIECES, max_size=12).map("".join)))
def test_ascii_trigger_strings_agree_with_the_trigger_pattern(text):
    """On ASCII text the cheap `in` test (text.toml ascii_trigger) says what the trigger scan says."""
    assert needs_normalizing(text) == (_trigger().search(text) is not None)
