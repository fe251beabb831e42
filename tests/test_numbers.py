from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimset.numbers import parse


@given(st.text(max_size=300))
@settings(max_examples=400, deadline=None)
def test_parse_never_raises_and_offsets_point_at_the_text(text):
    for m in parse(text):
        assert text[m.start : m.end] == m.text
        assert m.end > m.start
        if m.value_max is not None:
            assert m.value_max >= m.value


_MAGNITUDES = {"K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}


@given(
    st.decimals(min_value="0.1", max_value="999", places=1, allow_nan=False, allow_infinity=False),
    st.sampled_from(sorted(_MAGNITUDES)),
    st.sampled_from(["", " tokens", " parameters", " examples"]),
)
@settings(max_examples=200, deadline=None)
def test_generated_magnitudes_fold(num, suffix, noun):
    text = f"we use {num}{suffix}{noun} here"
    found = parse(text)
    assert len(found) == 1
    m = found[0]
    assert m.text == f"{num}{suffix}"
    assert m.value == pytest.approx(float(num) * _MAGNITUDES[suffix], rel=1e-12)


@given(
    st.integers(min_value=1, max_value=99),
    st.integers(min_value=1, max_value=99),
    st.sampled_from(["x", "%", "×"]),
)
@settings(max_examples=200, deadline=None)
def test_generated_ranges(a, b, unit):
    lo, hi = min(a, b), max(a, b)
    text = f"it is {lo}-{hi}{unit} better"
    (m,) = parse(text)
    assert (m.value, m.value_max) == (lo, hi)
    assert m.text == f"{lo}-{hi}{unit}"
    assert m.unit == ("%" if unit == "%" else "x")


@pytest.mark.parametrize("text, number, value, value_max, unit, qualifier", [
    ("a 3.5x gain", "3.5x", 3.5, None, "x", "exact"),
    ("a 1.2B model", "1.2B", 1.2e9, None, None, "exact"),
    ("6-10x faster", "6-10x", 6, 10, "x", "exact"),
    ("4.1T tokens", "4.1T", 4.1e12, None, None, "exact"),
    ("up to 2.12x", "2.12x", 2.12, None, "x", "upper"),
    ("more than 4x", "4x", 4, None, "x", "lower"),
    ("around 50%", "50%", 50, None, "%", "approx"),
    ("saving sim4.4 million hours", "4.4 million", 4.4e6, None, None, "approx"),
    ("~33.5% higher", "33.5%", 33.5, None, "%", "approx"),
    ("a $\\sim$3x gain", "3x", 3, None, "x", "approx"),
    ("reaches 87\\% accuracy", "87\\%", 87, None, "%", "exact"),
    ("a 0.13sim2.41 lower CER", "0.13sim2.41", 0.13, 2.41, None, "exact"),
    ("(<1,000 annotated examples)", "1,000", 1000, None, None, "upper"),
    ("(100+ billion parameters)", "100+ billion", 1e11, None, None, "lower"),
    ("up to 230times speedup", "230times", 230, None, "x", "upper"),
    ("a 5 700times speedup", "5 700times", 5700, None, "x", "exact"),
    ("1 billion parameters or fewer", "1 billion", 1e9, None, None, "upper"),
    ("from 24 GB to 1 MB", "24 GB", 24, None, "GB", "exact"),
    ("an order of magnitude fewer", "an order of magnitude", 10, None, "x", "approx"),
    ("two orders of magnitude faster", "two orders of magnitude", 100, None, "x", "approx"),
    ("between 244M and 137B parameters", "244M and 137B", 2.44e8, 1.37e11, None, "exact"),
    ("3x to 6x more", "3x to 6x", 3, 6, "x", "exact"),
    ("the 15%-50% range", "15%-50%", 15, 50, "%", "exact"),
    ("it improves by +8.6 points", "+8.6", 8.6, None, None, "exact"),
    ("1.4 times faster", "1.4", 1.4, None, "x", "exact"),
])
def test_written_forms(text, number, value, value_max, unit, qualifier):
    m = parse(text)[0]
    assert m.text == number
    assert m.value == pytest.approx(value)
    assert m.value_max == (None if value_max is None else pytest.approx(value_max))
    assert m.unit == unit
    assert m.qualifier == qualifier


def test_lists_share_the_last_items_magnitude():
    ms = parse("7, 13, and 70 billion parameters (7B, 13B, and 70B)")
    assert [m.text for m in ms] == ["7", "13", "70 billion", "7B", "13B", "70B"]
    assert [m.value for m in ms] == [7e9, 1.3e10, 7e10, 7e9, 1.3e10, 7e10]


def test_from_to_pairs_are_two_mentions_but_size_families_are_ranges():
    pair = parse("accuracy rises from 24.7% to 88.1%")
    assert [(m.text, m.role) for m in pair] == [("24.7%", "from"), ("88.1%", "to")]
    family = parse("it scales from 124M to 1.4B parameters")
    assert [(m.text, m.value, m.value_max) for m in family] == [("124M to 1.4B", 1.24e8, 1.4e9)]


def test_nothing_inside_urls():
    assert parse("see https://github.com/a99/model-7B and www.x.org/v2") == []


def test_a_version_glued_to_a_name_is_not_a_list_item():
    """"13B Llama-2 and 175B GPT-3": the "2" of Llama-2 never takes the next item's magnitude
    (guidelines v4: a size inside a name needs its own suffix)."""
    from claimset.numbers import parse

    values = [(m.text, m.value) for m in parse("larger models, such as 13B Llama-2 and 175B GPT-3.")]
    assert ("2", 2.0) in values and all(v != 2e9 for _, v in values)
    shared = [(m.text, m.value) for m in parse("models of 7, 13, and 70 billion parameters")]
    assert [v for _, v in shared] == [7e9, 13e9, 70e9]


def test_in_bytes_folds_byte_units():
    from claimset.numbers import in_bytes

    assert in_bytes(2.6, "TB") == 2.6e12
    assert in_bytes(3, "GiB") == 3 * 2**30
    assert in_bytes(570, "GB") == 5.7e11
    assert in_bytes(12, "bytes") == 12
    assert in_bytes(None, "TB") is None
