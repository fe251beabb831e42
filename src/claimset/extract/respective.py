"""Fields of the numbers of a "respectively" list: "on A, B and C it reaches x, y and z, respectively"
(and of slash pairs: "0.7/1.1 BLEU on En-De/En-Fr").

Each claim's fields are first found on their own (:mod:`.fields`), so every number of such a list
gets the name nearest to it, which is the same name for all. Here the list is read as a whole: when
a field's value for one of its numbers is a member of a coordination of as many names ("A, B and C",
or as many metric names in the sentence), the i-th number takes the i-th member. A number in
brackets after a member of the list ("81.8% (+5.9%)") belongs to that member. Which field the names
fill is whichever field already holds one of them, so the module never names a field's meaning.

The same holds for what the numbers measure: "cuts latency and energy by 3.2x and 41%,
respectively" types each factor or percentage by the trigger words of its own member of the list of
quantities before it (the types' own trigger words, from the specs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import Claim  # at run time: a compiled dataclass checks its fields' types

if TYPE_CHECKING:  # pragma: no cover
    from .fields import FieldFinder

FIELDS = ("benchmark", "baseline", "subject", "metric")


@dataclass(frozen=True)
class Placed:
    """A claim with where its number sits in the normalised text, and its sentence's bounds."""

    claim: "Claim"
    evidence: str
    start: int
    after: int
    s0: int
    s1: int


class RespectiveLists:
    """Aligns the fields of a "respectively" list of numbers with a list of names."""

    def __init__(self, fields: "FieldFinder", kind_of=None, measurement: str | None = None):
        rx = fields.rx
        self._cue, self._gap, self._link = rx.respectively, rx.list_gap, rx.metric_before_link
        self._quantities_after = rx.quantities_after_list
        self._names, self._fronted = rx.name_list, rx.fronted_before_list
        self._metrics = fields.metric_spans
        self._what = fields.benchmark_word_end
        self._kind_of = kind_of  # phrase -> the type its trigger words name (TriggerScorer.kind_of), or None
        self._measurement = measurement

    def align(self, text: str, placed: list[Placed]) -> list[Placed]:
        """The claims with the fields of each "respectively" list aligned (the others as they were)."""
        if len(placed) < 2 or "/" not in text and "espectively" not in text and not _shared_metric(placed):
            return placed  # (most abstracts: nothing to align)
        out = list(placed)
        by_sentence: dict[tuple[int, int], list[int]] = {}
        at = {id(p): i for i, p in enumerate(placed)}
        for i, p in enumerate(placed):
            by_sentence.setdefault((p.s0, p.s1), []).append(i)
        for (s0, s1), idx in by_sentence.items():
            if len(idx) < 2 or "/" not in text[s0:s1] and not self._cue.search(text, s0, s1) \
                    and not _shared_metric([placed[i] for i in idx]):
                continue  # (most sentences: no list to align)
            for groups, cued in self._number_lists(text, [placed[i] for i in idx], s0, s1):
                self._align_list(text, s0, s1, groups, cued, out, at)
        return out

    def _align_list(self, text: str, s0: int, s1: int, groups: list[list[Placed]], cued: bool,
                    out: list[Placed], at: dict[int, int]) -> None:
        """Give each group of one list its own member's fields (and, for a cued list, its type) in ``out``."""
        for field, members in self._members(text, s0, s1, groups):
            for group, member in zip(groups, members):
                for p in group:
                    out[at[id(p)]] = _with(out[at[id(p)]], field, member)
        for group, kind in zip(groups, self._member_types(text, s0, groups) if cued else ()):
            for p in group:
                out[at[id(p)]] = self._typed(out[at[id(p)]], kind)

    # ---------------------------------------------------------------------------- the types

    def _member_types(self, text: str, s0: int, groups: list[list[Placed]]) -> list[str | None]:
        """The type each group's member of the list of quantities before the numbers names ("latency
        and energy by 3.2x and 41%"), or None; all None where the members do not name two types."""
        k = len(groups)
        if self._kind_of is None:
            return [None] * k
        parts = _SEPARATOR.split(text[max(s0, groups[0][0].start - 160) : groups[0][0].start])
        kinds = [self._kind_of(part) for part in parts[-k:]] if len(parts) >= k + (0 if parts[0] else 1) else []
        if len({t for t in kinds if t}) >= 2:
            return kinds
        # ... or after them: "15.4x and 4.71x fewer parameters and FLOPs, respectively"
        after = self._quantities_after.match(text, groups[-1][-1].after)
        parts = _SEPARATOR.split(after.group("q")) if after else []
        kinds = [self._kind_of(f"{after.group('c')} {part}") for part in parts[:k]] if after and len(parts) == k else []
        return kinds if len({t for t in kinds if t}) >= 2 else [None] * k

    def _typed(self, p: Placed, kind: str | None) -> Placed:
        """The claim of a factor or percentage with its member's type (its other fields kept; a
        benchmark and metric only for a measured result)."""
        claim = p.claim
        if kind is None or kind == claim.claim_type or claim.unit not in ("x", "%"):
            return p
        scored = kind == self._measurement
        data = {**claim.model_dump(), "claim_type": kind, "claim_id": "",
                "benchmark": claim.benchmark if scored else None, "metric": claim.metric if scored else None}
        return Placed(type(claim).model_validate(data), p.evidence, p.start, p.after, p.s0, p.s1)

    # ---------------------------------------------------------------------------- the numbers

    def _number_lists(self, text: str, items: list[Placed], s0: int, s1: int) -> list[tuple[list[list[Placed]], bool]]:
        """The lists of numbers that a "respectively" cue of the sentence governs: the run of numbers
        right before it, or right after it ("were respectively x, y"), each marked as cued; the slash
        pairs, which need no cue ("0.7/1.1 BLEU on En-De/En-Fr"); and a run right after as many metric
        names ("the precision and recall are 0.91 and 0.89")."""
        groups = _groups(text, items)
        lists = [(pair, False) for pair in _slash_pairs(text, groups)]
        runs = self._runs(text, groups)
        for cue in self._cue.finditer(text, s0, s1):
            run = self._cued_run(text, runs, cue)
            if run is not None and len(run) >= 2 and all(run != other for other, _ in lists):
                lists.append((run, True))
        for run in runs:
            if len(run) >= 2 and all(run != other for other, _ in lists) and self._after_metric_list(text, s0, run):
                lists.append((run, False))
        return lists

    @staticmethod
    def _cued_run(text: str, runs: list[list[list[Placed]]], cue: re.Match) -> list[list[Placed]] | None:
        """The run of numbers a "respectively" cue governs: the one right before it, else right after it."""
        before = [r for r in runs if r[-1][-1].after <= cue.start()]
        after = [r for r in runs if r[0][0].start >= cue.end()]
        if before and _governed(text[before[-1][-1][-1].after : cue.start()], 80):
            return before[-1]
        if after and _governed(text[cue.end() : after[0][0][0].start], 30):
            return after[0]
        return None

    def _after_metric_list(self, text: str, s0: int, run: list[list[Placed]]) -> bool:
        """Does a list of as many metric names, then a word linking them to values, end right where the
        run of numbers starts?"""
        start = run[0][0].start
        spans = [(s0 + a, s0 + b) for a, b in self._metrics(text[s0:start])][-len(run) :]
        return len(spans) == len(run) and self._link.fullmatch(text, spans[-1][1], start) is not None \
            and all(_METRIC_SEPARATOR.fullmatch(text[e:s]) for (_, e), (s, _) in zip(spans, spans[1:]))

    def _runs(self, text: str, groups: list[list[Placed]]) -> list[list[list[Placed]]]:
        """Groups joined into lists: consecutive groups with only a list separator between them."""
        return _joined(text, groups, self._listed_gap)

    def _listed_gap(self, gap: str) -> bool:
        gap = re.sub(r"\([^()]*\)", " ", gap)
        return len(gap) <= 40 and bool(self._gap.search(" ".join(gap.split()) + " "))

    # ------------------------------------------------------------------------------ the names

    def _members(self, text: str, s0: int, s1: int, groups: list[list[Placed]]) -> list[tuple[str, list[str]]]:
        """(field, one name per group) for each field whose value is a member of a list of as many
        names in the sentence."""
        lists = self._name_lists(text, s0, s1, groups)
        out: list[tuple[str, list[str]]] = []
        for field in FIELDS:
            values = {(g[0].claim.__dict__.get(field) or "").lower() for g in groups} - {""}
            for fields, members, before in lists:
                if field in fields and all(members != taken for _, taken in out) \
                        and (any(_same(v, m) for v in values for m in members) or _exemplified(before, values)):
                    out.append((field, members))  # (one list fills one field: a benchmark is never the subject)
                    break
        return out

    def _name_lists(self, text: str, s0: int, s1: int, groups: list[list[Placed]]) -> list[tuple]:
        """(fields it may fill, k names, the text before the list) for each list of as many names as
        groups outside the numbers; a list of metric names first, for the metric field only."""
        k = len(groups)
        lo, hi = groups[0][0].start, groups[-1][-1].after
        opening = self._fronted.match(text, s0, s1)
        names = [(self._listed(part), text[max(s0, nl.start() - 120) : nl.start()])
                 for nl in self._names.finditer(text, s0, s1) if nl.end() <= lo or nl.start() >= hi
                 for part in (_fronted_parts(nl.group(0), opening.end() - nl.start())
                              if opening is not None and nl.start() <= opening.end() else [nl.group(0)])]
        lists = [(FIELDS, ml, before) for ml, before in names if len(ml) == k]
        metrics = self._metric_list(text, s0, s1, k)
        return [(("metric",), metrics, "")] + lists if metrics else lists

    def _listed(self, names: str) -> list[str]:
        """The members of a name list, without the word saying what each is ("datasets"); a list whose
        first members say it and whose last does not is no list ("A dataset and B achieves")."""
        seps = _SEPARATOR.findall(names)
        if len(seps) == 1 and seps[0].strip() == ",":
            return []  # two names and a comma alone are no coordination ("on A, B reaches")
        members = [re.sub(r"^the\s+", "", m, flags=re.IGNORECASE).rstrip(".") for m in _SEPARATOR.split(names)]
        what = [bool(self._what.search(m)) for m in members]
        if any(what[:-1]) and not all(what):
            return []
        return [self._what.sub("", m) for m in members]

    def _metric_list(self, text: str, s0: int, s1: int, k: int) -> list[str]:
        """k metric names joined as one list ("accuracy and F1", "precision, recall and F1")."""
        spans = [(s0 + a, s0 + b) for a, b in self._metrics(text[s0:s1])]
        for i in range(len(spans) - k + 1):
            run = spans[i : i + k]
            if all(_METRIC_SEPARATOR.fullmatch(text[e:s]) for (_, e), (s, _) in zip(run, run[1:])):
                return [text[a:b] for a, b in run]
        return []


_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+|\s*/\s*(?=[A-Za-z])", re.IGNORECASE)
# between two metric names of one list: a separator, after a word saying the first is a score
_METRIC_SEPARATOR = re.compile(r"(?:[\s\-](?:scores?|values?|rates?))?(?:" + _SEPARATOR.pattern + ")", re.IGNORECASE)


def _fronted_parts(names: str, opening: int) -> list[str]:
    """A name list that runs on from the phrase opening its sentence ("On A, B and C score ...", where
    ``names[:opening]`` is "On "): the phrase's names (up to the comma that closes it: the first one
    after an "and", else the first one), the names after that comma, and the list whole."""
    whole = names[opening:]
    cut, joined = None, False
    for sep in _SEPARATOR.finditer(whole):
        if sep.group(0).strip() == ",":
            if joined:
                cut = sep
                break
            cut = cut or sep
        joined = joined or sep.group(0).strip(" ,") in ("and", "&")
    return [whole[: cut.start()], whole[cut.end() :], whole] if cut else [whole]


_EXAMPLES_CUE = re.compile(r",?\s+(?:such as|including|like|e\.g\.,?)\s*$", re.IGNORECASE)


def _exemplified(before: str, values: set[str]) -> bool:
    """"surpasses state-of-the-art frameworks, such as A, B and C, by x, y and z, respectively": the
    list gives the members of a field's value, one for each number."""
    cue = _EXAMPLES_CUE.search(before)
    head = before[: cue.start()].rstrip().lower() if cue else ""
    # (a value may have run on into the cue: "popular engines such")
    return bool(cue) and any(head.endswith(v.removesuffix(" such")) for v in values)


def _shared_metric(placed: list[Placed]) -> bool:
    """Do two numbers in a row of one sentence carry the same metric (each took the nearest name, which
    a list of metric names before them may share out)?"""
    return any(p.claim.metric and p.claim.metric == q.claim.metric and p.s0 == q.s0 for p, q in zip(placed, placed[1:]))


def _with(p: Placed, field: str, value: str) -> Placed:
    if getattr(p.claim, field) == value:
        return p
    return Placed(p.claim.model_copy(update={field: value}), p.evidence, p.start, p.after, p.s0, p.s1)


_WORD_SPLIT = re.compile(r"[\s/]+")  # a field's value holds a slash list whole ("baselines A/B")


def _same(value: str, member: str) -> bool:
    member = member.lower()
    return value == member or len(member) >= 3 and (member in _WORD_SPLIT.split(value) or value in member.split())


def _groups(text: str, items: list[Placed]) -> list[list[Placed]]:
    """Each number with the numbers in brackets right after it ("81.8% (+5.9%)")."""
    groups: list[list[Placed]] = []
    for p in sorted(items, key=lambda p: p.start):
        if groups and _in_brackets(text[groups[-1][-1].after : p.start]):
            groups[-1].append(p)
        else:
            groups.append([p])
    return groups


def _joined(text: str, groups: list[list[Placed]], joins) -> list[list[list[Placed]]]:
    """Consecutive groups whose gap ``joins(gap)`` accepts, as runs (a run of one group included)."""
    runs: list[list[list[Placed]]] = []
    for g in groups:
        if runs and joins(text[runs[-1][-1][-1].after : g[0].start]):
            runs[-1].append(g)
        else:
            runs.append([g])
    return runs


def _slash_pairs(text: str, groups: list[list[Placed]]) -> list[list[list[Placed]]]:
    """Runs of numbers joined by slashes ("0.7/1.1", "4%/2%")."""
    return [r for r in _joined(text, groups, lambda gap: gap.strip() == "/") if len(r) >= 2]


def _in_brackets(gap: str) -> bool:
    """A number right after an opening bracket that follows the previous number: "81.8% (+5.9%)"."""
    return gap.count("(") > gap.count(")") and len(gap) <= 30


def _governed(gap: str, reach: int) -> bool:
    """Text between a list of numbers and its cue: short, within one clause."""
    return len(gap) <= reach and not re.search(r"[;:]|\.\s", gap)
