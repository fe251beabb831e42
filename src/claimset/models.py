"""The data contract: :class:`Paper` and :class:`Claim` (pydantic v2).

Guardrails live in validators so every extractor obeys the same checks: a claim's ``number`` must
be found verbatim at ``abstract[start:end]`` (checked when the abstract is passed as validation
context), ``value_max`` must not be below ``value``, and types and qualifiers are closed sets.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

from .ids import claim_id as make_claim_id


class ClaimType(str, Enum):
    speedup = "speedup"
    memory_reduction = "memory_reduction"
    compute_reduction = "compute_reduction"
    model_size = "model_size"
    dataset_size = "dataset_size"
    benchmark_score = "benchmark_score"


class Qualifier(str, Enum):
    exact = "exact"
    approx = "approx"
    upper = "upper"
    lower = "lower"


class FoundBy(str, Enum):
    rules = "rules"
    llm = "llm"
    both = "both"


CLAIM_TYPES: tuple[str, ...] = tuple(t.value for t in ClaimType)
QUALIFIERS: tuple[str, ...] = tuple(q.value for q in Qualifier)


class Paper(BaseModel):
    """One paper: its verbatim abstract and whatever metadata the input gives."""

    model_config = ConfigDict(frozen=True)

    paper_id: str = Field(description="Input id, else first 10 hex digits of SHA-1 of the UTF-8 title.")
    title: str = Field(description="Paper title.")
    abstract: str = Field(description="Abstract, verbatim; every claim offset indexes into it.")
    date: dt.date | None = Field(None, description="Publication date, when the input gives a full date.")
    date_text: str | None = Field(None, description="The date as written in the input (may lack a year).")
    url: str | None = Field(None, description="Link to the paper.")
    authors: list[str] | None = Field(None, description="Author names, when the input lists them.")
    n_authors: int | None = Field(None, description="Number of authors, when known.")
    organization: str | None = Field(None, description="Organisation, when the input says.")
    source: str | None = Field(None, description="Where the record was read: file:line.")
    update_date: dt.date | None = Field(None, description="When the input's record was last updated (arXiv update_date).")
    categories: str | None = Field(None, description="Subject categories, space-separated (arXiv: 'cs.LG stat.ML').")
    doi: str | None = Field(None, description="DOI, when the input gives one.")
    arxiv_id: str | None = Field(None, description="arXiv identifier, when known.")


class Claim(BaseModel):
    """One typed numeric claim, tied to the exact characters of the abstract it was read from."""

    model_config = ConfigDict(frozen=True, use_enum_values=True)

    claim_id: str = Field("", description="Stable id from paper, type, span and number text.")
    paper_id: str
    claim_type: ClaimType
    value: float = Field(description="The number as written, magnitudes folded (540B -> 5.4e11).")
    value_max: float | None = Field(None, description="High end of a range, else null.")
    unit: str | None = Field(None, description="x, %, params, tokens, a data unit, a metric unit, or null.")
    qualifier: Qualifier = Qualifier.exact
    number: str = Field(description="The numeric text exactly as written.")
    start: int = Field(ge=0, description="Character offset of number in the abstract.")
    end: int = Field(ge=0, description="End offset (exclusive) of number in the abstract.")
    sentence: str = Field(description="The sentence the number is in, verbatim.")
    subject: str | None = None
    baseline: str | None = None
    benchmark: str | None = None
    metric: str | None = None
    confidence: float = Field(0.5, ge=0.0, le=1.0, description="Calibrated probability that the claim "
                              "(type, span and value) is right.")
    extractor: str = Field("", description="name/version of the extractor that produced the claim.")
    found_by: FoundBy = Field(FoundBy.rules, description="Who found the claim: rules, llm, or both (hybrid: "
                              "proposed by the rules and confirmed by the model).")
    type_agree: bool | None = Field(None, description="For found_by 'both': did the model keep the rules' type?")

    @model_validator(mode="before")
    @classmethod
    def _fill_id(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("claim_id"):
            ctype = data.get("claim_type")
            ctype = getattr(ctype, "value", ctype)
            data = dict(data)
            data["claim_id"] = make_claim_id(
                data["paper_id"], str(ctype), int(data["start"]), int(data["end"]), data["number"]
            )
        return data

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> "Claim":
        if self.end <= self.start:
            raise ValueError(f"empty span [{self.start}, {self.end})")
        if self.value_max is not None and self.value_max < self.value:
            raise ValueError(f"value_max {self.value_max} is below value {self.value}")
        if not self.number or self.number not in self.sentence:
            raise ValueError(f"number {self.number!r} is not in its sentence")
        abstract = (info.context or {}).get("abstract") if info is not None else None
        if abstract is not None and abstract[self.start : self.end] != self.number:
            raise ValueError(
                f"number {self.number!r} is not at [{self.start}, {self.end}) "
                f"(found {abstract[self.start:self.end]!r})"
            )
        return self


def claim_json_schema() -> dict[str, Any]:
    """The JSON Schema of a claim, for users validating exports."""
    schema = Claim.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
