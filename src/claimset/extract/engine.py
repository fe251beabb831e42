"""The rule-based extractor: one visible flow, one module per stage.

1. **text** (:mod:`claimset.textview`): the normalised view of the abstract, with an offset map;
2. **candidates** (:mod:`claimset.numbers`): numbers, ranges, lists and pairs, with qualifiers;
3. **exclusions and typing** (:mod:`.steps`): named steps, in order, each passing, excluding or typing
   a number; factors and percentages are typed by trigger words (:mod:`.triggers`);
4. **fields** (:mod:`.fields`): subject, baseline, benchmark, metric; the numbers of a
   "respectively" list take their own members of a name list (:mod:`.respective`);
5. **confidence** (:mod:`.confidence`): the probability the claim is right, from its evidence;
6. **validation**: every claim passes the :class:`~claimset.models.Claim` validators, offsets mapped
   back to the abstract as written.

All knowledge is in the specs under ``extractors/`` (:mod:`.specs`).
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from ..models import Claim, Paper
from ..numbers import Mention, in_bytes, parse, url_spans
from ..spec import specs_digest
from ..textview import TextView, normalize
from .confidence import confidence, evidence_key
from .context import Ctx, Decision, window
from .fields import FieldFinder
from .respective import Placed, RespectiveLists
from .sentences import sentence_at, split_sentences
from .specs import specs
from .steps import Kit, classify, is_undecided
from .triggers import REACH, TriggerScorer

NAME = "rules"
VERSION = "0.3.129"  # the engine's version (bumped with any change of behaviour); the label adds a digest of the specs

# Bounds on one abstract, so no input costs more than a fraction of a second. Real abstracts are far
# inside them (arXiv caps abstracts at 1,920 characters; the longest Epoch one has 2,624 characters
# and 35 numbers). An abstract beyond them is read up to the bound and counted as truncated.
MAX_CHARS = 20_000
MAX_NUMBERS = 64


# A line under this share of the abstract's longest line, with no full stop, ends a heading or list item.
HEADING_SHARE = 0.6


class RuleExtractor:
    """Rule-based claim extractor (no network). ``extract(paper)`` gives validated claims."""

    name = NAME
    version = VERSION
    max_numbers = MAX_NUMBERS
    max_chars = MAX_CHARS

    def __init__(self) -> None:
        self.S = specs()
        self.fields = FieldFinder(roles={r: self.S.role(r) for r in ("size", "data", "measurement")})
        self.scorer = TriggerScorer(self.S)
        self.kit = Kit(self.S, self.fields, self.scorer)
        self.respective = RespectiveLists(self.fields, self.scorer.kind_of, self.S.role("measurement"))
        self.truncated = 0  # abstracts beyond MAX_CHARS or MAX_NUMBERS (only that much was read)

    @property
    def label(self) -> str:
        """``rules/<engine version>+<spec digest>``: a changed rule or engine gives a new label."""
        return f"{self.name}/{self.version}+{specs_digest()}"

    def extract(self, paper: Paper) -> list[Claim]:
        """Claims of one paper (see the module docstring for the stages)."""
        return [claim for claim, _ in self.extract_with_evidence(paper)]

    def extract_with_evidence(self, paper: Paper) -> list[tuple[Claim, str]]:
        """Claims of one paper, each with the evidence key its confidence was read from."""
        abstract = self._bounded(paper.abstract)
        view = normalize(abstract)
        text = view.text
        spans = split_sentences(text, self._heading_ends(view) if "\n" in abstract else ())
        if not spans:
            return []
        urls = url_spans(text)
        mentions = self._mentions(text, urls, len(abstract) == len(paper.abstract))
        method: str | None = None
        method_found = False  # the paper's method name is looked for once, and only if a claim needs it
        siblings: dict[tuple, list[Decision]] = {}
        claims: list[Placed] = []
        for i, m in enumerate(mentions):
            if any(us <= m.start < ue for us, ue in urls):
                continue
            s0, s1 = sentence_at(spans, m.start)
            w0, w1 = window(text, s0, s1, m.start, m.after)
            decisions = self._with_siblings(Ctx(text, m, w0, w1), s0, siblings) or self._left_of_pair(text, spans, mentions, i)
            if decisions and not method_found:
                method, method_found = self.fields.method_name(paper.title, text), True
            for decision in decisions:
                key = evidence_key(decision, m)
                claims.append(Placed(self._claim(paper, view, m, (s0, s1), (w0, w1), decision, key, method), key,
                                     m.start, m.after, s0, s1))
        return [(p.claim, p.evidence) for p in self.respective.align(text, claims)]

    def _heading_ends(self, view: TextView) -> list[int]:
        """View offsets of the line breaks that end a short line with no full stop before a capital
        (a heading or list item: "License: Apache 2.0" / "Pixtral is trained ..."), where the view
        reads a space. A hard-wrapped abstract has no such lines: each of its lines is near the
        longest one, so a heading must also be under 60% of the longest line."""
        cuts = []
        longest = max(len(line) for line in view.original.split("\n"))
        for hm in self.S.P.heading_line_end.finditer(view.original):
            at = hm.start("nl")
            if at - hm.start() >= HEADING_SHARE * longest:
                continue
            cuts.append(bisect.bisect_left(view.starts, at) if view.starts is not None else at)
        return cuts

    def _bounded(self, abstract: str) -> str:
        if len(abstract) <= MAX_CHARS:
            return abstract
        self.truncated += 1
        cut = abstract.rfind(" ", 0, MAX_CHARS)
        return abstract[: cut if cut > 0 else MAX_CHARS]

    def _mentions(self, text: str, urls: list[tuple[int, int]], count_truncation: bool) -> list[Mention]:
        mentions = parse(text, limit=MAX_NUMBERS + 1, urls=urls)
        if len(mentions) > MAX_NUMBERS:
            self.truncated += count_truncation  # an abstract cut by length is counted once
            mentions = mentions[:MAX_NUMBERS]
        # trigger words are read only around factors and percentages (the numbers they type)
        self.scorer.reset(text, [(max(0, m.start - REACH - 1), min(len(text), m.after + REACH + 1))
                                 for m in mentions if m.is_word or m.unit in ("x", "%")])
        return mentions

    def _with_siblings(self, c: Ctx, s0: int, siblings: dict[tuple, list[Decision]]) -> list[Decision]:
        """A number with no cue of its own, with the same head word as an earlier factor of its sentence,
        or in brackets as another reading of the one before, takes that sibling's type ("up to 51% for
        A and up to 34% for B", "a 3x reduction in X ... up to an 8x reduction", "10% (6%) more")."""
        decisions = classify(c, self.kit)
        m = c.m
        head = self._head_word(c)
        key, head_key = (s0, m.unit), (s0, m.unit, head)
        if self._takes_sibling(c, decisions, head, key in siblings, head_key in siblings):
            inherited = siblings.get(head_key) or siblings.get(key)
            decisions = [replace(d, evidence="sibling") for d in inherited] if inherited else decisions
        if m.role is not None:
            decisions = self._paired(m, s0, decisions, siblings)
        if decisions:
            siblings[key] = decisions
            if head:
                siblings[head_key] = decisions
        return list(decisions)

    def _left_of_pair(self, text: str, spans: list[tuple[int, int]], mentions: list[Mention], i: int) -> list[Decision]:
        """"(675 vs. 6,250 GPU days)": the bare left number of a vs pair measures what the right one
        does, whose unit or noun comes after it (guidelines: a pair gives a claim per number, each
        with the pair's type)."""
        m = mentions[i]
        if m.role != "vs-left" or m.unit is not None or m.is_word or i + 1 == len(mentions):
            return []
        right = mentions[i + 1]
        s0, s1 = sentence_at(spans, right.start)
        w0, w1 = window(text, s0, s1, right.start, right.after)
        return [replace(d, evidence="pair") for d in classify(Ctx(text, right, w0, w1), self.kit)]

    @staticmethod
    def _paired(m: Mention, s0: int, decisions: list[Decision], siblings: dict) -> list[Decision]:
        """The second number of a from->to or vs pair has the pair's type, the first's (guidelines:
        "from 36.2% to 40.7% with only 40% of the budget" is one measured quantity, before and after)."""
        pair = siblings.get(("pair", s0))
        if m.role in ("from", "vs-left"):
            siblings[("pair", s0)] = (m.unit, decisions)
        elif m.role in ("to", "vs-right") and pair and pair[1] and pair[0] == m.unit:
            return [replace(d, evidence="pair") for d in pair[1]]
        return decisions

    def _coordinated(self, c: Ctx) -> bool:
        """A factor with no noun of its own joined to the one before it ("11x speedup on A and 16x on
        B"): it says the same of something else, so it is the same kind of claim; not one that scales a
        setting of its own ("... that has 4.1x power budget and 3.4x HBM bandwidth")."""
        return c.m.unit in ("x", "%") and self.S.P.coordinated_factor.search(c.left) is not None \
            and not (c.m.unit == "x" and self.S.P.factor_setting.match(c.right)) \
            and not self.fields.metric_next_to("", c.right)  # ("..., and up to 93.5% Rouge-L": its own metric)

    def _takes_sibling(self, c: Ctx, decisions: list[Decision], head: str | None, has_key: bool, has_head: bool) -> bool:
        """Does the number take an earlier sibling's type: undecided, or sharing a head word with it (unless
        excluded as a setting), or coordinated with it, or in brackets as another reading of it?"""
        return is_undecided(decisions) or bool(head and has_head and decisions != []) \
            or (head is None and has_key and self._coordinated(c)) or has_key and self._alternative(c)

    def _alternative(self, c: Ctx) -> bool:
        """"more than 10% (6%) more correlated": a number alone in brackets right after another of the same
        unit is that one read another way (per target, not per residue), the same kind of claim."""
        return c.right.startswith(")") and self.S.P.alternative_value.search(c.left) is not None

    def _head_word(self, c: Ctx) -> str | None:
        """The word a factor or percentage modifies ("3x reduction" -> "reduction")."""
        if c.m.unit not in ("x", "%"):
            return None
        hm = self.S.P.head_word.match(c.text[c.m.after : c.m.after + 40])
        return hm.group(1) if hm and hm.group(1) not in self.S.lists["not_head_words"] else None

    def _claim(self, paper: Paper, view: TextView, m: Mention, sentence: tuple[int, int], win: tuple[int, int],
               decision: Decision, evidence: str, method: str | None) -> Claim:
        # a percentage written with a space keeps the space and the sign ("82 %", guidelines v4)
        end = m.end
        if m.unit == "%" and m.unit_end is not None and view.text[m.end : m.unit_end].strip() == "%":
            end = m.unit_end
        start, end = view.span(m.start, end, number=True)
        ss, se = view.span(*sentence)
        fields = self.fields.find(view.text, m, win[0], win[1], decision, method, paper.title)
        value: float | None = m.value
        value_max = m.value_max
        if decision.unit == "bytes" and m.unit != decision.unit:  # a data amount in bytes folds to bytes
            value, value_max = in_bytes(value, m.unit), in_bytes(value_max, m.unit)
        return Claim.model_validate(
            {
                "paper_id": paper.paper_id,
                "claim_type": decision.claim_type,
                "value": value,
                "value_max": value_max,
                "unit": decision.unit,
                "qualifier": m.qualifier,
                "number": paper.abstract[start:end],
                "start": start,
                "end": end,
                "sentence": paper.abstract[min(ss, start) : max(se, end)],
                "confidence": confidence(evidence),
                "extractor": self.label,
                **fields,
            },
            context={"abstract": paper.abstract},
        )
