"""Property tests (hypothesis) for the number parser, the text view and the whole extractor."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimset.extract import RuleExtractor
from claimset.models import Paper
from claimset.numbers import parse
from claimset.textview import normalize

from .fuzz import NUMBERS, WORDS

EX = RuleExtractor()
pieces = st.sampled_from(NUMBERS + WORDS)
sentences = st.lists(pieces, min_size=1, max_size=40).map(" ".join)
texts = st.one_of(st.text(max_size=300), sentences, st.builds(lambda a, b: a + b, sentences, st.text(max_size=40)))
adversarial = st.one_of(
    st.integers(1, 20_000).map(lambda n: "9" * n),
    st.tuples(st.sampled_from(["x", "%", " ", "-", "$", "\\", "~", ",", "."]), st.integers(1, 20_000))
    .map(lambda t: "5" + t[0] * t[1] + "6x"),
    st.integers(1, 3000).map(lambda n: "1 000 " * n),
)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.one_of(texts, adversarial))
def test_parser_never_raises_and_keeps_its_invariants(text):
    for m in parse(text):
        assert text[m.start : m.end] == m.text
        assert math.isfinite(m.value)
        assert m.value_max is None or (math.isfinite(m.value_max) and m.value_max >= m.value)


@SETTINGS
@given(texts)
def test_text_view_maps_every_span_back(text):
    view = normalize(text)
    n = len(view.text)
    for i in range(0, n, max(1, n // 20)):
        s, e = view.span(i, min(n, i + 3))
        assert 0 <= s <= e <= len(text)


@SETTINGS
@given(st.one_of(texts, adversarial))
def test_extractor_never_raises_and_every_claim_is_at_its_offsets(text):
    abstract = text.strip()
    if not abstract:
        return
    for c in EX.extract(Paper(paper_id="p", title="T", abstract=abstract)):
        assert abstract[c.start : c.end] == c.number
        assert c.number in c.sentence
        assert math.isfinite(c.value)
        assert c.value_max is None or c.value_max >= c.value


def test_a_number_the_parser_cannot_scale_is_skipped_alone():
    text = "a 2.5x speedup. Weight decay values 0.00001 and 3 million steps."
    claims = EX.extract(Paper(paper_id="p", title="T", abstract=text))
    assert [(c.claim_type, c.number) for c in claims if c.claim_type == "speedup"] == [("speedup", "2.5x")]
    assert all(math.isfinite(m.value) for m in parse("9999999999999999B " + "1" * 400 + "x 0.00001B"))


def test_entities_unicode_digits_and_minus_read_right():
    def one(text):
        (m,) = [m for m in parse(normalize(text).text)]
        return m

    assert one("&gt;90%").qualifier == "lower" and one("&lt;1%").qualifier == "upper"
    assert one("٣٫٥x").value == 3.5 and one("９８％").value == 98
    assert one("a −0.5 drop").value == -0.5
