"""claimset.fastre: RE2 where it finds what ``re`` finds, ``re`` everywhere else."""

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from claimset.extract.specs import specs
from claimset.fastre import _SPACE, Scanner, _for_re2, re2_reads_as_python

PIECES = ["fast", "faster", "speed", "speed-up", "FLOPs", " utilization", "x", " ", "\n", "\t", "\x0b", "\x1c",
          "é", "ß", "K", "ſ", "²", "×", "–", "’", "\u00a0", "\u2028", "\x85", "Speedup", "3", ".", "-", "tokens/s", "memory", "GPU hours", "_", "time"]


def test_spacing_is_spelled_out_as_python_reads_it():
    assert _for_re2(r"a\sb") == (r"a[\t-\r\x1c-\x1f\x85\p{Z}]b", False)
    assert _for_re2(r"[\s\-]x") == (r"[\t-\r\x1c-\x1f\x85\p{Z}\-]x", False)
    assert _for_re2(r"[^\s]") == (r"[^\t-\r\x1c-\x1f\x85\p{Z}]", False)
    assert _for_re2(r"[\S]") is None
    assert _for_re2(r"fast$") == ("fast$", True) and _for_re2(r"[$^]x") == ("[$^]x", False)


def test_anchors_at_the_ends_stay_with_python():
    s = Scanner(r"(?:batch size|size of)\s?$", re.IGNORECASE)
    assert s.fast is not None and s.anchored
    for text in ("a batch size ", "a batch size \n", "size of 3", "batch size x"):
        for pos, end in ((0, None), (2, None), (0, 8)):
            assert bool(s.search(text, pos, end)) == bool(s.py.search(text, pos, len(text) if end is None else end))


def test_lookaround_stays_with_python():
    s = Scanner(r"FLOPs?\b(?! utili)", re.IGNORECASE)
    assert s.fast is None
    assert [m.span() for m in s.finditer("FLOPs and FLOPs utilization")] == [(0, 5)]


def test_trigger_words_run_on_re2():
    # a list with look-arounds ("(?<!full )precision") is prefiltered by RE2 without them
    for t in specs().triggers:
        for scanner in (t.strong, t.weak):
            if scanner is not None:
                assert scanner.fast is not None or scanner._free is not None, t.name



def test_a_window_that_ends_inside_a_word_reads_as_the_text_end():
    # re reads endpos as the end of the text ("fast|er": a word boundary); RE2 read the bytes after it
    scanner = Scanner(r"\bfast(?:er)?\b")
    assert scanner.fast is not None
    assert scanner.spans(" faster", [(0, 5)]) == [(1, 5)]
    assert scanner.search(" faster", 0, 5).span() == (1, 5)


def test_scanned_phrase_lists_run_on_re2():
    # RE2 scans these, or at least rules out the calls that cannot match (the gate): a construct RE2
    # cannot read sends every call back to ``re`` (several times slower)
    from claimset.extract.specs import SCANNED

    for name in SCANNED:
        scanner = getattr(specs().P, name)
        assert scanner.fast is not None or scanner._gate is not None, name


GATE_PIECES = ["batch size", "batch", "size", " of", " ", "\n", "é", "×", "3", "tokens", "(", ")", "~", "trained on", "Foo",
               "-", "ſ"]
GATED = [(r"(?:batch size|size of)\s?$", re.IGNORECASE), (r"^\s?(?:tokens|batch)(?![\w\-])", re.IGNORECASE),
         (r"(?<![\w\-])(?:trained on|Foo)\s(?:~\s?)?$", 0), (r"\bof\s(?=\d)", 0), (r"(?:^|\()size$", 0), (r"(?<!\()size$", 0),
         (r"(?<![\w(])batch\b", 0)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(GATE_PIECES), max_size=12), st.integers(0, 30), st.integers(0, 40))
@example(["size", "\n"], 0, 5)  # re's "$" also matches before a final line break
@example(["batch", "size", " x"], 0, 9)  # a window's end is the text's end: "$" matches there
@example(["batch", "size"], 0, 5)  # ... and so does "\b"
@example(["é", "batch", "size"], 1, 6)
def test_the_gate_rules_out_only_what_re_does_not_match(pieces, pos, end):
    """match and search give ``re``'s answer whatever the gate says: anchors, look-arounds, a final
    line break, letters outside ASCII, a window's end (the text ends there, as ``re`` reads it)."""
    text = "".join(pieces)
    for pattern, flags in GATED:
        s = Scanner(pattern, flags)
        assert s._gate is not None
        for args in ((pos,), (pos, end)):
            for ours, python in ((s.match, s.py.match), (s.search, s.py.search)):
                got, want = ours(text, *args), python(text, *args)
                assert (got and got.span()) == (want and want.span()), (pattern, text, args)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30), st.integers(0, 40), st.integers(0, 60))
def test_same_spans_as_re(pieces, pos, end):
    text = "".join(pieces)
    for trig in specs().triggers:
        for scanner in (trig.strong, trig.weak):
            if scanner is None:
                continue
            windows = [(min(pos, len(text)), min(max(pos, end), len(text)))]
            assert scanner.spans(text, windows) == [m.span() for w0, w1 in windows
                                                   for m in scanner.py.finditer(text, w0, w1)]
            ours, python = scanner.search(text, *windows[0]), scanner.py.search(text, *windows[0])
            assert (ours and ours.span()) == (python and python.span())


def test_a_window_ends_the_text_also_outside_ascii():
    # RE2 reads the characters past endpos for \b; re reads endpos as the text's end (a case
    # hypothesis found: a non-ASCII text whose window ends inside a word)
    s = Scanner(r"\bfast\b")
    text = "speed\u00d7fastfast"
    assert s.spans(text, [(0, 10)]) == [(6, 10)] == [m.span() for m in s.py.finditer(text, 0, 10)]
    assert [m.span() for m in s.finditer(text, 0, 10)] == [(6, 10)]
    assert s.search(text, 0, 10).span() == (6, 10)


@pytest.mark.parametrize("pattern", [r"\bfast(?:er)?\b", r"speed[\s-]?ups?", r"\w+ hours", r"\d+\s?x\b"])
def test_windows_see_the_text_around_them(pattern):
    s = Scanner(pattern, re.IGNORECASE)
    assert s.fast is not None
    text = "xfast faster, 3 x speed-up GPU hours 12x"
    for w in [(1, 5), (0, 12), (6, 12), (14, 26), (27, 40), (33, 40)]:
        assert s.spans(text, [w]) == [m.span() for m in s.py.finditer(text, *w)]


def test_spaces_read_as_python_reads_them_on_every_code_point():
    import re2

    ours = re2.compile(f"[{_SPACE}]")
    python = re.compile(r"\s")
    differ = [hex(i) for i in range(0x110000) if not 0xD800 <= i <= 0xDFFF
              and bool(python.match(chr(i))) != bool(ours.match(chr(i)))]
    assert differ == []


def test_texts_with_letters_outside_ascii_stay_with_python():
    assert re2_reads_as_python("a 3× speed-up – “fast”")
    assert not re2_reads_as_python("café 3x") and not re2_reads_as_python("x² 3x")


def test_lookarounds_are_left_out_for_the_start_scan():
    from claimset.fastre import _without_lookarounds as relaxed

    assert relaxed(r"(?<![\w\-])(A|B)(?![\w\-])") == "(A|B)"
    assert relaxed(r"a(?=(b|c))d") == "ad"
    assert relaxed(r"[(?=]x(?!y)") == "[(?=]x"  # a class and an escape are not groups
    assert relaxed(r"\(?=x") == r"\(?=x"
    assert relaxed(r"x(?=[)])y") == "xy"


def test_a_pattern_matching_the_empty_string_is_not_prefiltered():
    assert Scanner(r"a*", python_matches=True).starts is None
    assert Scanner(r"^ab", python_matches=True).starts is None  # anchored
    assert Scanner(r"(?<!x)ab", python_matches=True).starts is not None


FIELD_PIECES = ["We ", "we ", "propose ", "called ", "ZaPRoM", "Net-2", ", a ", "model ", "achieves ", "is ", "results in ",
                "BLEU ", "accuracy ", "(", ")", "x-", "compared to ", "PyTorch ", "on ", "GSM8K ", "benchmark ", "é", "ß",
                "×", "—", "3", ".", " ", "\n", "Ab", "ÉCOLE ", "top-1 accuracy ", "over "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(FIELD_PIECES), max_size=25), st.integers(0, 30))
def test_prefiltered_scans_find_what_re_finds(pieces, pos):
    from claimset.extract import RuleExtractor

    fields = RuleExtractor().fields
    text = "".join(pieces)
    pos = min(pos, len(text))
    for scanner in (fields.rx.verb, fields.rx.intro, fields._metric_ci, fields._baseline_cue, fields._bench_named,
                    fields._bench_intro):
        assert scanner.starts is not None
        assert [m.span() for m in scanner.finditer(text, pos)] == [m.span() for m in scanner.py.finditer(text, pos)]
        ours, python = scanner.search(text, pos), scanner.py.search(text, pos)
        assert (ours and ours.span()) == (python and python.span())


def test_prefiltered_scans_map_offsets_on_long_texts_with_symbols():
    """RE2 reads UTF-8 bytes: the text is encoded once per scan and byte offsets are mapped back to
    characters as the scan moves on (a "×" before each match shifts every later offset)."""
    from claimset.extract import RuleExtractor

    fields = RuleExtractor().fields
    for scanner, text in ((fields.rx.verb, "it is 3× faster and is “sure” — "), (fields._metric_ci, "× BLEU — accuracy ")):
        text = text * 500
        spans = [m.span() for m in scanner.finditer(text)]
        assert spans == [m.span() for m in scanner.py.finditer(text)] and len(spans) >= 500


def test_a_left_out_assertion_takes_its_quantifier_with_it():
    from claimset.fastre import _without_assertions, _without_lookarounds

    assert _without_lookarounds(r"ab(?=c){2}d") == "abd"  # not "ab{2}d", which would need "abb"
    assert _without_lookarounds(r"ab(?!c)?d") == "abd"
    assert _without_assertions(r"a\b?c^*") == "ac"


def test_the_non_ascii_answer_is_never_paired_with_another_text_across_threads():
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"café {i} 3x" if i % 2 else f"a 3× — {i}" for i in range(400)]

    def ask(t):
        return re2_reads_as_python(t) == (not any(c.isalpha() and not c.isascii() for c in t))

    with ThreadPoolExecutor(4) as pool:
        assert all(pool.map(ask, texts * 5))


def test_groups_are_made_non_capturing_for_span_scans():
    from claimset.fastre import _without_groups as bare

    assert bare(r"(?P<n>a|b)(c)(?:d)(?i:e)") == "(?:a|b)(?:c)(?:d)(?i:e)"
    assert bare(r"\((x)[(]\)") == r"\((?:x)[(]\)"  # an escaped bracket and one in a class open no group
    assert bare(r"(?<!x)(?=y)(z)") == "(?<!x)(?=y)(?:z)"


GROUPED = [r"(?P<a>\d+)\s?(x|times)\b", r"(on|in) (?P<b>[A-Z]\w+)", r"((?:a|ab)(c|bcd))(d*)"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["3", "12", " ", "x", "times", "on", "in", "Foo", "a", "b", "c", "d", "é"]), max_size=20),
       st.integers(0, 30))
def test_span_scans_without_groups_find_re_s_spans(pieces, pos):
    """Leaving the groups out changes no match: the spans are ``re``'s (RE2 picks the same
    alternative, leftmost-first, with or without groups)."""
    text = "".join(pieces)
    end = len(text)
    for pattern in GROUPED:
        s = Scanner(pattern)
        assert s._span is not None
        assert s.spans(text, [(min(pos, end), end)]) == [m.span() for m in s.py.finditer(text, min(pos, end), end)]
