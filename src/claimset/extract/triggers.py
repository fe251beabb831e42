"""Typing a factor or percentage by the trigger words of each claim type around it.

A trigger counts for less the further it is (``exp(-distance / 45)``), a quarter more after the
number than before it, and half as much for each clause boundary between them; a trigger right after
*another* factor belongs to that one. The type with the highest score wins (``None`` below 0.12: no
cue at all). Trigger spans are found once per abstract, and only those within :data:`REACH` of a
number are scored: one further away scores under the floor.
"""

from __future__ import annotations

import bisect
import math

from ..numbers import qualifier_start
from .context import Ctx, Decision
from .specs import Specs

REACH = 130  # 1.25 * exp(-105 / 45) < 0.12: a trigger beyond ~105 characters never decides
FLOOR = 0.12
DECAY = 45.0
AFTER_BONUS = 1.25
WEAK = 0.35
NAMED = 3.0  # a trigger after "in terms of" names the quantity outright
CONDITION = 0.1  # a trigger in a "with ..." phrase after the number is a condition, not its quantity
# words from the first thing a factor reduces to the second ("fewer parameters and total training compute
# costs": five): a coordinated noun phrase is short
PAIR_WORDS = 5
# a weak trigger this near after a multiplier word is its object ("doubling word speed")
WORD_OBJECT = 12


class TriggerScorer:
    """Scores the trigger words around a number; one per extractor, reset per abstract."""

    def __init__(self, specs: Specs):
        self.S = specs
        self._text: str | None = None
        self._windows: list[tuple[int, int]] = []
        self._found: dict[tuple[str, float], list[tuple[int, int]]] | None = None
        self._cue = 0  # where the scored number's qualifier starts, in its sentence window
        self._factor = False  # is the scored number a factor ("2.45x", "a speedup of 2.45")

    def reset(self, text: str, windows: list[tuple[int, int]]) -> None:
        """A new abstract: trigger words will be read only inside ``windows`` (the REACH around each
        factor or percentage; an abstract with none costs nothing here)."""
        self._text, self._windows, self._found = text, _merged(windows), None

    def _spans(self, text: str) -> dict[tuple[str, float], list[tuple[int, int]]]:
        if self._text is not text:
            self.reset(text, [(0, len(text))])
        if self._found is None:
            self._found = {}
            for trig in self.S.triggers:
                for weight, pattern in ((1.0, trig.strong), (WEAK, trig.weak)):
                    if pattern is not None:
                        self._found[(trig.name, weight)] = pattern.spans(text, self._windows)
        return self._found

    def __call__(self, c: Ctx, evidence: str) -> list[Decision] | None:
        m = c.m
        # a list's items share what follows the list ("4.31x and 4.15x faster", "0.46 and 0.13 times
        # the parameters"): triggers after a list item are read from the list's end
        end = m.group_after if m.in_list and m.group_after else m.after
        s0, s1 = max(c.s0, m.start - REACH), min(c.s1, end + REACH)
        sentence = c.text[s0:s1]
        a, b = m.start - s0, end - s0
        # a qualifier is part of the number's phrase: "reduces time by more than 12x" is as near as "by 12x"
        self._cue = qualifier_start(c.text, m.start) - s0 if m.qualifier != "exact" else a
        self._factor = m.unit == "x"
        found = self._spans(c.text)
        best: dict[str, float] = {}
        near_right: dict[str, int] = {}
        for trig in self.S.triggers:
            score = 0.0
            for weight in (1.0, WEAK):
                if (trig.name, weight) not in found or m.is_word and weight < 1.0 and not _verb_form(m.text):
                    continue
                # a multiplier word needs a trigger that names the quantity, or, as a verb, a weak one as its
                # object right after it ("doubling word speed", "doubles the gains")
                lo_at, hi_at = (end, end + WORD_OBJECT) if m.is_word and weight < 1.0 else (s0, s1)
                spans = found[(trig.name, weight)]
                lo, hi = bisect.bisect_left(spans, (lo_at, lo_at)), bisect.bisect_left(spans, (hi_at, hi_at))
                for ts, te in spans[lo:hi]:
                    if te <= s1:
                        score = max(score, self._one(sentence, trig.name, weight, ts - s0, te - s0, a, b, near_right))
            best[trig.name] = score
        return self._decide(c, sentence, a, b, best, near_right, evidence)

    def _one(self, sentence: str, name: str, weight: float, ts: int, te: int, a: int, b: int,
             near_right: dict[str, int]) -> float:
        """The score of one trigger span ``[ts, te)`` for the number at ``[a, b)``."""
        P = self.S.P
        if ts < b and te > a:
            return 0.0
        if ts >= b:
            dist, between = ts - b, sentence[b:ts]
            others, share = self._after_share(sentence, between, te)
            w = weight * AFTER_BONUS * share
            between = _past_aside(P, between)
            if weight == 1.0 and dist <= 60 and not others and not P.punctuation.search(between):
                near_right[name] = min(near_right.get(name, 999), dist)
        else:
            near = self._cue if te <= self._cue else a
            dist, between, w = near - te, sentence[te:near], weight
            if self._after_other(sentence, ts, a):
                w *= 0.3  # ("28x faster ... and only 30% of the parameters": "faster" is the 28x's)
            elif self._named_outright(sentence, ts, te, near, a):
                w *= NAMED
        if "terms of" in sentence and P.in_terms_of.search(sentence, max(0, ts - 40), ts):
            w *= NAMED  # "8 times faster in terms of total compute"
        w *= 0.5 ** len(P.trigger_boundary.findall(between))
        return w * math.exp(-dist / DECAY)

    def _after_share(self, sentence: str, between: str, te: int) -> tuple[bool, float]:
        """For a trigger after the number: is it another number's, and the share of its weight."""
        P = self.S.P
        # "1.42x and a 1.49x memory reduction", "2.1x and reduces memory by 35%": that trigger is the next number's
        by_next = P.next_number_by.match(sentence, te, min(len(sentence), te + 30))
        others = bool(P.other_relative.search(between) or by_next)
        share = 0.3 if others else 1.0
        if by_next and P.change_verb_before.search(between):
            share = 0.0  # ("by 10% and reduces the sampling number by 90%": the object of a verb of the next number)
        if P.condition_after.match(between) or P.bracket_aside_open.match(between):
            share *= CONDITION  # (and "6.0x (only 4 GPU hours) faster": the aside's trigger, not the number's)
        return others, share

    def _named_outright(self, sentence: str, ts: int, te: int, near: int, a: int) -> bool:
        """Does the trigger before the number name its quantity outright: what a verb of change takes ("reduce
        the memory ... by 60.7x") or has as its subject ("the training time was reduced by 79%"), or what a
        factor is "of" ("a speedup of 2.45", not "a throughput of 52%")?"""
        P = self.S.P
        return self._object_of_change(sentence, ts, near) or self._factor and P.names_of_before.match(sentence, te, a) \
            or P.passive_change_gap.fullmatch(sentence, te, near) is not None

    def _object_of_change(self, sentence: str, ts: int, near: int) -> bool:
        """Is the trigger at ``ts`` what a verb of change before it takes, and the number whose phrase
        (qualifier included) starts at ``near`` what it changes by ("reduce the memory required to train
        X on Y by up to 60.7x")?"""
        P = self.S.P
        return bool(P.by_before_number.search(sentence, max(0, near - 4), near)
                    and P.change_verb_before.search(sentence, max(0, ts - 40), ts)
                    and not P.by_number.search(sentence, ts, near))

    def _after_other(self, sentence: str, ts: int, a: int) -> bool:
        """Is the trigger at ``ts`` (before the number at ``a``) in the phrase of another factor or
        percentage written right before it ("28x faster inference")?"""
        others = list(self.S.P.other_relative.finditer(sentence, max(0, ts - 40), ts))
        # (a number in brackets after that phrase restates its quantity: "2.26x speedup (9.4% improvement)")
        if not others or others[-1].end() >= a or "(" in sentence[ts:a]:
            return False
        gap = sentence[others[-1].end() : ts]
        return len(gap.split()) <= 2 and self.S.P.factor_phrase_break.search(gap) is None

    def _decide(self, c: Ctx, sentence: str, a: int, b: int, best: dict[str, float], near_right: dict[str, int],
                evidence: str) -> list[Decision] | None:
        ranked = sorted(best.items(), key=lambda kv: -kv[1])
        top, top_score = ranked[0]
        if top_score < FLOOR:
            return None
        margin = top_score - (ranked[1][1] if len(ranked) > 1 else 0.0)
        unit = c.m.unit
        if unit is None and self.S.P.points_after.match(c.right):
            unit = "points"
        # (a list's items are paired with a list of things by "respectively", not each with both)
        # ("3x and 5x less memory and compute, respectively": each factor is paired with one)
        paired = c.m.in_list and self.S.P.respectively_later.search(sentence, b) is not None
        both = (None if paired else self._two_things(sentence, b, near_right)) \
            or (None if c.m.in_list else self._two_before(sentence[:a]))
        if both:
            return [Decision(t, unit, None, "triggers_two", top_score, margin) for t in both]
        return [Decision(top, unit, None, evidence, top_score, margin)]

    def _two_things(self, sentence: str, b: int, near_right: dict[str, int]) -> tuple[str, str] | None:
        """One factor reducing two things: "4x reduction in computation and memory costs" (a
        coordinated noun phrase, not "faster than X and cuts memory")."""
        if len(near_right) < 2:
            return None
        first, second = sorted(near_right, key=lambda kind: near_right[kind])[:2]
        between = sentence[b + near_right[first] : b + near_right[second]]
        measurement = self.S.role("measurement")
        if " and " in between and len(between.split()) <= PAIR_WORDS and not self.S.P.than.search(between) \
                and measurement not in (first, second) \
                and not self.S.P.comparative_word.match(sentence, b + near_right[second]):
            return first, second  # (not "10x less memory and faster training": a comparative of its own)
        return None


    def _two_before(self, head: str) -> tuple[str, str] | None:
        """One factor reducing two things named before it: "trims latency and energy by 35%"
        (guidelines), not "improves accuracy and reduces memory by 35%" (a verb starts a new thing)."""
        pair = self.S.P.pair_by_before.search(head[-80:]) if " and " in head[-80:] else None
        if not pair:
            return None
        first, second = self.kind_of(pair.group(1)), self.kind_of(pair.group(2))
        measurement = self.S.role("measurement")
        if first is None or second is None or first == second or measurement in (first, second):
            return None
        return first, second

    def kind_of(self, phrase: str) -> str | None:
        """The type whose strong trigger word ends last in ``phrase`` (None: no trigger word)."""
        best, best_end = None, -1
        for trig in self.S.triggers:
            for m in trig.strong.finditer(phrase) if trig.strong is not None else ():
                if m.end() > best_end:
                    best, best_end = trig.name, m.end()
        return best


def _verb_form(word: str) -> bool:
    """"doubles", "doubling", "halved": a multiplier word used as a verb (it takes an object)."""
    return word.lower().endswith(("es", "ing", "ed")) and word[:1].isalpha()


def _past_aside(P, between: str) -> str:
    """The words between a number and a trigger after it, past a closed aside right after the number
    (no clause boundary: "28.5% (maybe even 18.2%) of computations")."""
    aside = P.bracket_aside.match(between)
    return between[aside.end() :] if aside else between


def _merged(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for w0, w1 in sorted(windows):
        if out and w0 <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], w1))
        else:
            out.append((w0, w1))
    return out
