"""The LLM and hybrid extractors.

* ``llm``: the model reads each abstract with a number and lists its claims, quoting each number.
* ``hybrid`` (recommended): the rules propose candidates with spans; the model confirms or rejects
  each, sets its type and fields, and may add a claim only by quoting a number the rules did not
  propose. Each claim records who found it (``found_by``: ``rules``, ``llm``, ``both``) and, for ``both``,
  whether the two agreed on the type (``type_agree``).

Either way the code grounds every quoted number in the abstract (:mod:`.grounding`), values come
from the rules' number parser, and every claim passes the :class:`~claimset.models.Claim`
validators. Answers are cached on disk (:mod:`.cache`); requests run ``concurrency`` at a time.
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from ..models import Claim, Paper
from .answers import ANSWERS, Found, UnitKind, bounded, schema_digest
from .cache import AnswerCache, cache_key
from .config import LLMConfig
from .endpoint import AbstractFailed, BudgetReached, Endpoint
from .grounding import Grounder, Located
from .prompts import messages, prompt_digest, prompt_spec

VERSION = "0.1.0"


@dataclass
class LLMStats:
    """What the model did in a run (for the summary and for ``evaluate``)."""

    papers_seen: int = 0
    papers_no_number: int = 0  # never sent
    papers_asked: int = 0  # answered by the server in this run
    papers_cached: int = 0  # answered from the cache
    papers_not_reached: int = 0  # left out when the budget ran out
    budget_stopped: bool = False
    failed: Counter = field(default_factory=Counter)  # reason -> abstracts (hybrid keeps their rule claims)
    invented_dropped: int = 0  # quoted numbers not in the abstract, after the re-ask
    unparsed_dropped: int = 0  # quoted text the number parser does not read as a number
    rejected: int = 0  # hybrid: candidates the model rejected
    sources: Counter = field(default_factory=Counter)  # rules / llm / both
    type_agree: Counter = field(default_factory=Counter)  # True / False, over "both" claims
    prompt_tokens: int = 0
    completion_tokens: int = 0
    requests: int = 0
    estimated: bool = False
    cost: float = 0.0
    mode: str = ""

    def as_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if not isinstance(v, Counter)}
        out.update(failed=dict(self.failed), sources=dict(self.sources),
                   type_agree={str(k).lower(): v for k, v in self.type_agree.items()})
        sent = self.papers_asked + self.papers_cached
        out["tokens_per_abstract"] = round((self.prompt_tokens + self.completion_tokens) / self.papers_asked, 1) if self.papers_asked else 0.0
        out["abstracts_sent"] = sent
        return out


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class LLMExtractor:
    """``extract_many(papers)`` yields ``(paper, claims)`` in input order (see the module docstring)."""

    def __init__(self, config: LLMConfig, mode: str = "hybrid") -> None:
        from ..extract.engine import RuleExtractor

        if mode not in ANSWERS:
            raise ValueError(f"mode must be one of {sorted(ANSWERS)}")
        self.config, self.name = config, mode
        self.answer: type[BaseModel] = ANSWERS[mode]
        self.endpoint = Endpoint(config)
        self.cache = AnswerCache(config.cache_dir, config.use_cache)
        self.rules = RuleExtractor()
        self.stats = LLMStats()
        self._lock = threading.Lock()
        spec = prompt_spec()
        self._prior = spec.confidence["llm"]
        self._default_units = spec.default_units
        self.truncated = 0

    @property
    def label(self) -> str:
        """``hybrid/0.1.0+<prompt version.digest>@<model>``."""
        return f"{self.name}/{VERSION}+{prompt_digest()}@{self.config.model}"

    # ------------------------------------------------------------------ the run

    def extract_many(self, papers: Iterable[Paper]) -> Iterator[tuple[Paper, list[Claim]]]:
        """Claims of each paper, in input order; papers not reached before the budget ran out are
        left out (and counted)."""
        width = self.config.concurrency
        pool = ThreadPoolExecutor(max_workers=width, thread_name_prefix="claimset-llm")
        try:
            pending: deque[tuple[Paper, Future]] = deque()
            for paper in papers:
                self.stats.papers_seen += 1
                if self.stats.budget_stopped:
                    self.stats.papers_not_reached += 1
                    continue
                candidates = self.rules.extract_with_evidence(paper) if self.name == "hybrid" else []
                pending.append((paper, pool.submit(self._one, paper, candidates)))
                while len(pending) > 2 * width or (pending and pending[0][1].done()):
                    yield from self._finish(*pending.popleft())
            while pending:
                yield from self._finish(*pending.popleft())
        finally:  # on an error or a signal, do not wait for requests still in flight
            pool.shutdown(wait=False, cancel_futures=True)
        tally = self.endpoint.tally
        self.stats.prompt_tokens, self.stats.completion_tokens = tally.prompt_tokens, tally.completion_tokens
        self.stats.requests, self.stats.estimated = tally.requests, tally.estimated > 0
        self.stats.cost = self.config.cost(tally.prompt_tokens, tally.completion_tokens)
        self.stats.mode = self.endpoint.mode

    def _finish(self, paper: Paper, future: Future) -> Iterator[tuple[Paper, list[Claim]]]:
        try:
            claims = future.result()
        except BudgetReached:
            self.stats.budget_stopped = True
            self.stats.papers_not_reached += 1
            return
        for c in claims:
            self.stats.sources[c.found_by] += 1
            if c.type_agree is not None:
                self.stats.type_agree[c.type_agree] += 1
        yield paper, claims

    def extract(self, paper: Paper) -> list[Claim]:
        """Claims of one paper (a run of one; raises :class:`BudgetReached` past the budget)."""
        for _, claims in self.extract_many([paper]):
            return claims
        raise BudgetReached()

    # ------------------------------------------------------------------ one abstract

    def _one(self, paper: Paper, candidates: list[tuple[Claim, str]]) -> list[Claim]:
        g = Grounder(paper)
        if not g.numbers:
            with self._lock:
                self.stats.papers_no_number += 1
            return []
        rule_claims = [c for c, _ in candidates]
        record = self._answer(paper, g, rule_claims)
        if "failed" in record:
            with self._lock:
                self.stats.failed[record["failed"]] += 1
            return self._unjudged(rule_claims)
        context: dict[str, Any] = {"texts": g.texts, "n_candidates": len(rule_claims), "lenient": True}
        try:
            parsed = self.answer.model_validate_json(record["text"], context=context, strict=False)
        except (ValidationError, ValueError):
            with self._lock:
                self.stats.failed["malformed answer after retries"] += 1
            return self._unjudged(rule_claims)
        with self._lock:
            self.stats.invented_dropped += len(context.get("dropped", []))
        if self.name == "llm":
            return self._sorted(self._found(g, parsed.claims, set()))
        return self._sorted(self._judged(g, rule_claims, parsed))

    def cache_key(self, paper: Paper, rule_claims: list[Claim]) -> str:
        """The answer cache's key for one abstract (and, for hybrid, its candidates)."""
        return cache_key(model=self.config.model, mode=self.config.mode, prompt=prompt_digest(),
                         schema=schema_digest(self.answer), extractor=self.name, title=_sha(paper.title),
                         abstract=_sha(paper.abstract), candidates=[[c.start, c.end, c.claim_type] for c in rule_claims])

    def _answer(self, paper: Paper, g: Grounder, rule_claims: list[Claim]) -> dict[str, Any]:
        """The cached answer, else the model's (cached once received)."""
        key = self.cache_key(paper, rule_claims)
        record = self.cache.get(key)
        if record is not None:
            with self._lock:
                self.stats.papers_cached += 1
            return record
        strict = {"texts": g.texts, "n_candidates": len(rule_claims)}
        try:
            reply = self.endpoint.ask(messages(self.name, paper, rule_claims), self._bounded(g, rule_claims), strict)
            record = {"text": reply.text, "strict_ok": reply.strict_ok, "attempts": reply.attempts,
                      "prompt_tokens": reply.prompt_tokens, "completion_tokens": reply.completion_tokens}
        except AbstractFailed as exc:
            record = {"failed": exc.reason}
        with self._lock:
            self.stats.papers_asked += 1
        self.cache.put(key, record)
        return record

    def _bounded(self, g: Grounder, rule_claims: list[Claim]) -> type[BaseModel]:
        return bounded(self.name, len(rule_claims) if self.name == "hybrid" else len(g.numbers))

    # ------------------------------------------------------------------ claims

    def _unit(self, loc: Located, claim_type: str, unit: UnitKind | None) -> str | None:
        if loc.mention.unit:
            return loc.mention.unit
        if unit is not None and unit not in (UnitKind.other, UnitKind.none):
            return unit.value
        return self._default_units.get(claim_type)

    def _found(self, g: Grounder, found: list[Found], taken: set[int], skip: set[int] | None = None) -> list[Claim]:
        """Claims from numbers the model quoted: grounded, parsed, deduplicated."""
        out: list[Claim] = []
        seen: set[tuple[int, str]] = set()
        for f in found:
            loc = g.locate(f.number, f.anchor, taken)
            ctype = f.claim_type.value
            if loc is None:
                with self._lock:
                    self.stats.unparsed_dropped += 1
                continue
            if (skip and loc.start in skip) or (loc.start, ctype) in seen:
                continue  # a candidate quoted again, or a repeat
            seen.add((loc.start, ctype))
            taken.add(loc.start)
            out.append(g.claim(loc, ctype, self._unit(loc, ctype, f.unit), f.model_dump(), found_by="llm",
                               confidence=self._prior, extractor=self.label))
        return out

    def _judged(self, g: Grounder, rule_claims: list[Claim], parsed) -> list[Claim]:
        verdicts: dict[int, Any] = {}
        for v in parsed.verdicts:
            verdicts.setdefault(v.id, v)
        out: list[Claim] = []
        for i, rc in enumerate(rule_claims, start=1):
            v = verdicts.get(i)
            if v is None:
                out.extend(self._unjudged([rc]))
            elif not v.keep:
                with self._lock:
                    self.stats.rejected += 1
            else:
                out.append(self._confirmed(g, rc, v))
        proposed = {c.start for c in rule_claims}
        out.extend(self._found(g, parsed.added, set(proposed), skip=proposed))
        return out

    def _confirmed(self, g: Grounder, rc: Claim, v) -> Claim:
        ctype = v.claim_type.value
        agree = ctype == rc.claim_type
        data = rc.model_dump()
        loc = g.at(rc.start, rc.end)
        unit = rc.unit if agree or loc is None else self._unit(loc, ctype, None)
        fields = {k: g.grounded_field(getattr(v, k)) or data[k] for k in ("subject", "baseline", "benchmark", "metric")}
        conf = 1 - (1 - rc.confidence) * (1 - self._prior) if agree else self._prior
        data.update(claim_id="", claim_type=ctype, unit=unit, found_by="both", type_agree=agree,
                    confidence=round(conf, 4), extractor=self.label, **fields)
        return Claim.model_validate(data, context={"abstract": g.paper.abstract})

    def _unjudged(self, rule_claims: list[Claim]) -> list[Claim]:
        """Rule claims the model gave no verdict on keep the rules' type and confidence."""
        return [c.model_copy(update={"extractor": self.label, "found_by": "rules"}) for c in rule_claims]

    @staticmethod
    def _sorted(claims: list[Claim]) -> list[Claim]:
        return sorted(claims, key=lambda c: (c.start, c.end, c.claim_type))
