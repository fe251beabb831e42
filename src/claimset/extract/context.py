"""What a step sees of one number (:class:`Ctx`) and what it decides (:class:`Decision`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..numbers import Mention

# The words around a number that typing and fields may read: its sentence, cut to WINDOW characters
# on each side (a 100 KB run-on "sentence" must not cost quadratic time). Cues before a number are
# short: the steps read only the last NEAR characters before it, so an end-anchored pattern stays
# cheap (a search re-tries each start position of its text).
WINDOW = 400
NEAR = 120


@dataclass(frozen=True)
class Decision:
    """A claim type for one number, the unit to store, and the evidence for it: the step that
    decided (``evidence``) and, for trigger words, their score and the margin over the runner-up."""

    claim_type: str
    unit: str | None
    subject_hint: str | None = None
    evidence: str = ""
    score: float | None = None
    margin: float | None = None
    benchmark_hint: str | None = None  # the benchmark the step read the number on ("MM-Vet (40.2 vs. 35.4)")


@dataclass
class Ctx:
    """One number in its sentence window ``text[s0:s1]``: the words just before it (``left``) and
    after it (``right``; after the whole list for a list item); whether it is ``bare`` (no unit, no
    magnitude, not a multiplier word: a plain count or score); and ``list_left``, the words before
    the number or before its list ("perplexities of 83 and 82"). Computed once: every step reads them."""

    text: str
    m: Mention
    s0: int
    s1: int
    left: str = field(init=False)
    right: str = field(init=False)
    bare: bool = field(init=False)
    list_left: str = field(init=False)
    memo: dict = field(init=False, default_factory=dict)  # what several steps read once (see steps._data_noun)

    def __post_init__(self) -> None:
        m = self.m
        self.left = self.text[max(self.s0, m.start - NEAR) : m.start]
        tail_from = m.group_after if m.in_list and m.group_after else m.after
        self.right = self.text[tail_from : self.s1]
        self.bare = m.unit is None and m.magnitude_kind is None and not m.is_word
        start = m.group_start if m.in_list and m.group_start is not None else m.start
        self.list_left = self.text[max(0, start - NEAR) : start]

    @property
    def glued_after(self) -> str:
        """The characters right after the number (a glued letter, hyphen or digit)."""
        return self.text[self.m.end : self.m.end + 3]


def window(text: str, s0: int, s1: int, start: int, after: int) -> tuple[int, int]:
    """The part of the sentence ``[s0, s1)`` a number's steps and fields read, starting at a word."""
    w0, w1 = max(s0, start - WINDOW), min(s1, after + WINDOW)
    # a semicolon ends a clause that says its own thing ("for A, we get 25%; for B, 47%")
    semi = text.rfind("; ", w0, start)
    if semi >= 0:
        w0 = s0 = semi + 2
    semi = text.find("; ", after, w1)
    if semi >= 0:
        w1 = semi
    if w0 > s0:
        space = text.find(" ", w0, start)
        w0 = space + 1 if space >= 0 else w0
    return w0, w1
