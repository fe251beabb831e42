"""The prompts, as data (``extractors/prompts/claims.toml``): validated when loaded, rendered here."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..models import Claim, Paper
from ..spec import validated_spec


class Candidate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    number: str
    claim_type: str


class Example(BaseModel):
    """A few-shot example: an invented abstract, for hybrid its candidates, and the answer."""

    model_config = ConfigDict(extra="forbid")
    mode: Literal["llm", "hybrid"]
    abstract: str
    candidates: list[Candidate] = Field(default_factory=list)
    answer: str

    @model_validator(mode="after")
    def _answer_is_valid(self) -> Example:
        from .answers import ANSWERS

        texts = [self.abstract]
        context = {"texts": texts, "n_candidates": len(self.candidates) if self.mode == "hybrid" else None}
        ANSWERS[self.mode].model_validate(json.loads(self.answer), context=context)
        for c in self.candidates:
            if c.number not in self.abstract:
                raise ValueError(f"candidate {c.number!r} is not in the example abstract")
        return self


class PromptSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: str = Field(pattern=r"^[a-z0-9][a-z0-9.-]*$")
    system: str
    definitions: str
    llm_task: str
    hybrid_task: str
    examples: list[Example]
    confidence: dict[str, float]
    default_units: dict[str, str] = Field(default_factory=dict)


@lru_cache(maxsize=1)
def prompt_spec() -> PromptSpec:
    return validated_spec(PromptSpec, "prompts/claims")


def _candidates_block(candidates: list[tuple[str, str, str]]) -> str:
    lines = [f"{i}. number {num!r} (proposed type: {ctype}) in: {sentence}"
             for i, (num, ctype, sentence) in enumerate(candidates, start=1)]
    return "Candidates:\n" + "\n".join(lines)


def _user(mode: str, title: str, abstract: str, candidates: list[tuple[str, str, str]] | None) -> str:
    spec = prompt_spec()
    task = spec.llm_task if mode == "llm" else spec.hybrid_task
    parts = [spec.definitions.strip(), task.strip(), f"Title: {title}", f"Abstract: {abstract}"]
    if mode == "hybrid":
        parts.append(_candidates_block(candidates or []))
    return "\n\n".join(parts)


def messages(mode: str, paper: Paper, candidates: list[Claim] | None = None) -> list[dict[str, str]]:
    """The chat messages for one abstract: system, the few-shot examples of this mode, the task."""
    spec = prompt_spec()
    out = [{"role": "system", "content": spec.system}]
    for ex in spec.examples:
        if ex.mode != mode:
            continue
        cands = [(c.number, c.claim_type, _sentence_of(ex.abstract, c.number)) for c in ex.candidates]
        out.append({"role": "user", "content": _user(mode, "(example)", ex.abstract, cands)})
        out.append({"role": "assistant", "content": json.dumps(json.loads(ex.answer), ensure_ascii=False)})
    cands = [(c.number, c.claim_type, " ".join(c.sentence.split())) for c in candidates or []]
    out.append({"role": "user", "content": _user(mode, paper.title, paper.abstract, cands)})
    return out


def _sentence_of(abstract: str, number: str) -> str:
    from ..extract.sentences import sentence_at, split_sentences

    at = abstract.find(number)
    s, e = sentence_at(split_sentences(abstract), at)
    return abstract[s:e]


def prompt_digest() -> str:
    """The prompt version and 8 hex digits of SHA-256 over the whole spec (part of every cache key)."""
    import hashlib

    spec = prompt_spec()
    return f"{spec.version}.{hashlib.sha256(spec.model_dump_json().encode()).hexdigest()[:8]}"
