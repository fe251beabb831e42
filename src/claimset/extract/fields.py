"""The descriptive fields of a claim: subject, baseline, benchmark and metric, found in its sentence.

Heuristics over the lexicons of ``extractors/fields.toml``: a metric is the nearest metric name; a
benchmark the nearest benchmark-like name introduced by "on"/"in" or followed by "benchmark";
a baseline the phrase after a comparison cue ("compared to", "over", "than"); a subject the
sentence's leading name, or the paper's method name where the sentence says only "we"/"our".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ..numbers import Mention
    from .rules import Decision

_NAME = r"[A-Z][\w\-.+/']*[\w+]|[A-Za-z]*[A-Z][\w\-.+/']*[\w+]|[A-Z]"
# A name-like token: has a capital after the first character, a digit, or is an acronym.
_NAMEY = re.compile(r"^(?:[A-Za-z0-9\-.+/']*[A-Z][A-Za-z0-9\-.+/']*[A-Z0-9+][A-Za-z0-9\-.+/']*|[A-Z][a-z]+[A-Z0-9][\w\-.+]*|[A-Z][\w\-]*\d[\w\-.]*|[A-Z]{2,}[\w\-+]*)$")
_STOP_PHRASE = re.compile(
    r"\s(?:by|to|on|in|at|for|with|while|when|which|that|where|and|but|respectively|achiev\w*|across|using|under|"
    r"without|of|up|as|is|are|was|were|reach\w*|yield\w*|lead\w*|result\w*|demonstrat\w*|show\w*|improv\w*|"
    r"outperform\w*|reduc\w*|in terms)\b|[,;:.()]|\s\d"
)


class FieldFinder:
    def __init__(self, spec: dict[str, Any]):
        metrics = sorted(spec["metrics"], key=len, reverse=True)
        self._metric = re.compile(r"(?<![\w\-])(?:" + "|".join(f"(?:{m})" for m in metrics) + r")(?![\w])")
        self._metric_ci = re.compile(self._metric.pattern, re.IGNORECASE)
        self._not_bench = set(spec["not_benchmarks"])
        before = "|".join(spec["benchmark_before"])
        after = "|".join(spec["benchmark_after"])
        bench_name = r"(?:[A-Z][\w\-.']*(?:\s(?:[A-Z0-9][\w\-.']*|\d[\w.]*))*|[a-z]+[A-Z][\w\-]*)"
        self._bench_intro = re.compile(rf"\b(?:{before})\s(?:the\s)?(?P<name>{bench_name})")
        self._bench_named = re.compile(rf"(?P<name>{bench_name})\s(?:{after})\b")
        self._baseline_cue = re.compile(
            r"\b(?:" + "|".join(f"(?:{c})" for c in spec["baseline_cues"] if c not in ("from", "of")) + r")\s+(?!\d)", re.IGNORECASE
        )
        self._pronouns = sorted(spec["subject_pronouns"], key=len, reverse=True)

    # ------------------------------------------------------------------------------ helpers

    def is_metric_word(self, left: str) -> bool:
        m = re.search(r"(\S+)\s$", left)
        return bool(m and self._metric.fullmatch(m.group(1)))

    def metric_in(self, text: str) -> bool:
        return bool(self._metric_ci.search(text))

    def method_name(self, title: str, abstract: str) -> str | None:
        """The paper's own method: the title's 'Name:' prefix, else a name the abstract introduces."""
        m = re.match(r"^\s*([^:]{1,40}?)\s*:", title)
        if m and len(m.group(1).split()) <= 4:
            return m.group(1).strip()
        m = re.search(
            r"\b(?:propose|introduce|present|develop|call|dub|name|term)\w*\s+(?:\w+\s+){0,10}?"
            r"(?:\(|called\s+|named\s+|dubbed\s+|termed\s+)?(?P<n>[A-Z][\w\-+]*[A-Z0-9+][\w\-+]*)\)?",
            abstract,
        )
        if m and _NAMEY.match(m.group("n")):
            return m.group("n")
        m = re.search(r"\((?P<n>[A-Z][\w\-+]*[A-Z][\w\-+]*)\)", abstract)
        return m.group("n") if m else None

    # ------------------------------------------------------------------------------ fields

    def find(self, text: str, m: "Mention", s0: int, s1: int, decision: "Decision", method: str | None) -> dict:
        sentence = text[s0:s1]
        a, b = m.start - s0, m.after - s0
        out: dict[str, str | None] = {"subject": None, "baseline": None, "benchmark": None, "metric": None}
        if decision.claim_type == "model_size":
            out["subject"] = decision.subject_hint or self._size_owner(sentence, a, b)
            return out
        if decision.claim_type == "benchmark_score":
            out["metric"] = self._nearest_metric(sentence, a, b)
            out["benchmark"] = self._nearest_benchmark(sentence, a, b, out["metric"])
        if decision.claim_type != "dataset_size":
            out["baseline"] = self._baseline(sentence, a, b)
        out["subject"] = self._subject(sentence, a, method, out)
        if m.role in ("from", "vs-right"):
            out["subject"], out["baseline"] = (out["baseline"] if m.role == "vs-right" else None), None
        return out

    def _nearest_metric(self, sentence: str, a: int, b: int) -> str | None:
        best, best_d = None, 10**9
        for mm in self._metric_ci.finditer(sentence):
            d = mm.start() - b if mm.start() >= b else (a - mm.end()) * 1.5
            if d < best_d:
                best, best_d = mm.group(0), d
        return best

    def _nearest_benchmark(self, sentence: str, a: int, b: int, metric: str | None) -> str | None:
        best, best_d = None, 10**9
        for rx in (self._bench_intro, self._bench_named):
            for mm in rx.finditer(sentence):
                name = mm.group("name").rstrip(".")
                first = name.split()[0]
                if first in self._not_bench or (metric and name.lower() == metric.lower()):
                    continue
                if self._metric.fullmatch(name):
                    continue
                if not _NAMEY.match(first) and len(name.split()) == 1 and not re.search(r"\d", name):
                    if not name.isupper() and rx is self._bench_intro:
                        continue
                s, e = mm.start("name"), mm.end("name")
                d = s - b if s >= b else (a - e) * 1.2
                if d < best_d:
                    best, best_d = name, d
        return best

    def _baseline(self, sentence: str, a: int, b: int) -> str | None:
        best, best_d = None, 10**9
        for mm in self._baseline_cue.finditer(sentence):
            rest = sentence[mm.end() :]
            stop = _STOP_PHRASE.search(" " + rest)
            phrase = (" " + rest)[: stop.start() if stop else len(rest) + 1].strip()
            words = phrase.split()
            if not words or len(words) > 9 or words[0].lower() in ("a", "an") and len(words) < 2:
                continue
            if re.match(r"^(?:the\s)?(?:same|state|previous|other|existing|prior)\b", phrase) and len(words) <= 1:
                continue
            s = mm.start()
            d = s - b if s >= b else (a - mm.end()) * 1.1
            if d < best_d and abs(d) < 200:
                best, best_d = phrase, d
        return best

    def _subject(self, sentence: str, a: int, method: str | None, found: dict) -> str | None:
        head = sentence[:a]
        low = head.lower().lstrip()
        for pron in self._pronouns:
            if re.match(rf"^(?:[\w,\- ]{{0,30}}?,\s)?{re.escape(pron)}\b", low):
                return method
        avoid = {found.get("benchmark"), found.get("baseline"), found.get("metric")}
        for tok in re.finditer(r"[\w\-.+/']+", head):
            word = tok.group(0).strip(".'")
            if word in self._not_bench or word in avoid or any(word and word in (x or "") for x in avoid):
                continue
            if _NAMEY.match(word):
                return word
        return method

    def _size_owner(self, sentence: str, a: int, b: int) -> str | None:
        """The model a bare size belongs to: 'GPT-3 (175B)', '175B GPT-3', 'Mistral 7B'."""
        left = sentence[:a]
        right = sentence[b:]
        m = re.search(r"([A-Z][\w\-.+]*(?:\s[A-Z0-9][\w\-.+]*)?)\s?[(:]?\s?$", left)
        if m and _NAMEY.match(m.group(1).split()[-1]) or (m and re.search(r"[A-Z]", m.group(1)[1:] or "")):
            return m.group(1)
        m = re.match(r"^\s?(?:parameters?\s)?\(?([A-Z][\w\-.+]*[A-Z0-9][\w\-.+]*)", right)
        if m:
            return m.group(1)
        return None
