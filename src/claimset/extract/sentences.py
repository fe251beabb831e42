"""Sentence spans of an abstract (offsets into the verbatim text)."""

from __future__ import annotations

import bisect
import re

# A sentence ends at . ! ? followed by space and a capital, digit, bracket or quote — unless the
# period closes a known abbreviation or a single capital initial.
# Dumps sometimes lose the space after a period ("... and Microsoft's Phi.This is achieved"): a period
# between two lower-case letters and a capitalised word is an end too.
# (the mark first, the look-behind after it: the regex engine then skips ahead to the marks)
_END = re.compile(r"[.!?](?:(?=\s+[\"'(\[A-Z0-9\\$])|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z]+\s))")
_ABBREV = re.compile(
    r"(?:\b(?:e\.g|i\.e|et al|etc|vs|v\.s|cf|Fig|Figs|Eq|Eqs|Sec|Tab|No|approx|resp|Dr|Mr|Ms|Prof|Inc|Ltd|Jr|St|al|viz|ca|w\.r\.t)"
    r"|\b[A-Z])\.$"
)


def split_sentences(text: str, cuts: list[int] | tuple[int, ...] = ()) -> list[tuple[int, int]]:
    """[start, end) spans covering every sentence; whitespace between sentences is left out.
    ``cuts`` are further offsets where a sentence ends (the line break after a heading or a list
    item with no full stop: "License: Apache 2.0" then "Pixtral is trained ...")."""
    spans = _by_marks(text)
    return _cut(text, spans, cuts) if cuts else spans


def _cut(text: str, spans: list[tuple[int, int]], cuts: list[int] | tuple[int, ...]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in spans:
        for c in cuts:
            if s < c < e:
                out.append((s, len(text[s:c].rstrip()) + s))
                s = c
                while s < e and text[s].isspace():
                    s += 1
        out.append((s, e))
    return [(s, e) for s, e in out if e > s]


def _by_marks(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        if _ABBREV.search(text[max(start, end - 8) : end]):
            continue
        spans.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spans.append((start, len(text.rstrip())))
    return [(s, e) for s, e in spans if e > s]


def sentence_at(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The span holding ``pos`` (the last one starting at or before it)."""
    if not spans:
        return (0, 0)
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return spans[max(i, 0)]
