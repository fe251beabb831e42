"""What the model must answer (pydantic response models), and the grounding check.

The check is a validator that gets the abstract as validation context: a number the model gives
must be in the abstract verbatim (or in its normalised view, where LaTeX and entities are read). On
the first answer an invented number is an error, so instructor re-asks once with the error. The
answer that survives its retries is read leniently (``context["lenient"]``): invented numbers are
dropped and counted in ``context["dropped"]``, never kept.
"""

from __future__ import annotations

from enum import Enum
from functools import lru_cache
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    create_model,
    field_validator,
    model_validator,
)

from ..models import ClaimType


class UnitKind(str, Enum):
    """The unit the model may name. The stored unit is the parser's where the text glues one on
    (x, %, GB, s ...); else this one (``other`` and ``none`` store null)."""

    x = "x"
    percent = "%"
    params = "params"
    tokens = "tokens"
    examples = "examples"
    images = "images"
    hours = "hours"
    bytes = "bytes"
    points = "points"
    seconds = "s"
    FLOPs = "FLOPs"
    other = "other"
    none = "none"


_FIELD = dict(default=None, max_length=160)


class Fields(BaseModel):
    """The fields of a claim; each must be copied from the abstract (else it is stored as null)."""

    model_config = ConfigDict(extra="ignore")

    subject: str | None = Field(**_FIELD, description="Model, method or system the claim is about, copied from the abstract.")
    baseline: str | None = Field(**_FIELD, description="What it is compared against, copied from the abstract.")
    benchmark: str | None = Field(**_FIELD, description="Benchmark or dataset named (benchmark_score only).")
    metric: str | None = Field(**_FIELD, description="Metric named (benchmark_score only).")


class Found(Fields):
    """One claim the model read: a number quoted from the abstract, its type and fields."""

    number: str = Field(min_length=1, max_length=40, description="The number exactly as written in the abstract.")
    anchor: str = Field("", max_length=200, description="A few words around the number, copied exactly, occurring once.")
    claim_type: ClaimType
    unit: UnitKind = UnitKind.none

    @field_validator("number")
    @classmethod
    def _grounded(cls, number: str, info: ValidationInfo) -> str:
        ctx = info.context or {}
        if "texts" in ctx and not any(number in t for t in ctx["texts"]):
            raise ValueError(f"the number {number!r} is not in the abstract: copy numbers exactly as written")
        return number


def _drop_invented(items: Any, ctx: dict[str, Any]) -> Any:
    """In lenient reading: remove items whose number is not in the abstract, counting them."""
    if not isinstance(items, list) or "texts" not in ctx:
        return items
    kept = []
    for item in items:
        number = item.get("number") if isinstance(item, dict) else None
        if isinstance(number, str) and number and not any(number in t for t in ctx["texts"]):
            ctx.setdefault("dropped", []).append(number)
            continue
        kept.append(item)
    return kept


class _Answer(BaseModel):
    """An answer that, read leniently (``context["lenient"]``), first removes what cannot be kept."""

    @model_validator(mode="before")
    @classmethod
    def _lenient(cls, data: Any, info: ValidationInfo) -> Any:
        ctx = info.context or {}
        return cls._clean(data, ctx) if ctx.get("lenient") and isinstance(data, dict) else data

    @classmethod
    def _clean(cls, data: dict[str, Any], ctx: dict[str, Any]) -> dict[str, Any]:  # pragma: no cover
        return data


class LLMAnswer(_Answer):
    """The answer of the LLM extractor: every claim of the abstract."""

    claims: list[Found] = Field(default_factory=list, max_length=64)

    @classmethod
    def _clean(cls, data: dict[str, Any], ctx: dict[str, Any]) -> dict[str, Any]:
        return {**data, "claims": _drop_invented(data.get("claims"), ctx)}


class Verdict(Fields):
    """The model's verdict on one candidate the rules proposed."""

    id: int = Field(ge=1, description="The candidate's number in the list.")
    keep: bool = Field(description="true: a claim by the definitions; false: not a claim.")
    claim_type: ClaimType

    @field_validator("id")
    @classmethod
    def _known(cls, value: int, info: ValidationInfo) -> int:
        n = (info.context or {}).get("n_candidates")
        if n is not None and value > n:
            raise ValueError(f"there is no candidate {value} (candidates are 1 to {n})")
        return value


class HybridAnswer(_Answer):
    """The answer of the hybrid extractor: a verdict per candidate, and claims the rules missed."""

    verdicts: list[Verdict] = Field(default_factory=list, max_length=64)
    added: list[Found] = Field(default_factory=list, max_length=32)

    @classmethod
    def _clean(cls, data: dict[str, Any], ctx: dict[str, Any]) -> dict[str, Any]:
        n, verdicts = ctx.get("n_candidates"), data.get("verdicts")
        if isinstance(verdicts, list) and n is not None:  # verdicts on candidates that do not exist
            verdicts = [v for v in verdicts if not (isinstance(v, dict) and isinstance(v.get("id"), int)
                                                    and not 1 <= v["id"] <= n)]
        return {**data, "verdicts": verdicts, "added": _drop_invented(data.get("added"), ctx)}


ANSWERS: dict[str, type[BaseModel]] = {"llm": LLMAnswer, "hybrid": HybridAnswer}


@lru_cache(maxsize=256)
def bounded(mode: str, n: int) -> type[BaseModel]:
    """The answer model for one abstract, its lists bounded by what the abstract holds: at most one
    verdict per candidate (ids 1..n) for hybrid, at most one claim per parsed number for llm. A
    schema-constrained server then cannot loop past them, and answers stay short."""
    if mode == "llm":
        return create_model("LLMAnswer", __base__=LLMAnswer,
                            claims=(list[Found], Field(default_factory=list, max_length=max(n, 1))))
    verdict = create_model("Verdict", __base__=Verdict, id=(int, Field(ge=1, le=max(n, 1), description="The candidate's number in the list.")))
    return create_model("HybridAnswer", __base__=HybridAnswer,
                        verdicts=(list[verdict], Field(default_factory=list, max_length=n)))


def schema_digest(model: type[BaseModel]) -> str:
    """12 hex digits of SHA-256 over the response model's JSON Schema (part of every cache key)."""
    import hashlib
    import json

    return hashlib.sha256(json.dumps(model.model_json_schema(), sort_keys=True).encode()).hexdigest()[:12]
