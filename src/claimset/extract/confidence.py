"""Calibrated confidence: the probability that a claim is right (type, span and value).

The engine records for each decision its *evidence*: the step that decided it and, for trigger
words, their score and their margin over the next type. The probability of each kind of evidence is
measured on the gold development sets (``benchmarks/calibrate_confidence.py`` writes
``extractors/confidence.toml``; a kind seen fewer than a few times is pooled with its family), so
the number means what it says: of the claims at 0.9, about 90% are right on those sets.
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from ..numbers import Mention
from ..spec import extractors_dir, load_spec
from .context import Decision


class Calibration(BaseModel):
    """``extractors/confidence.toml``: measured precision per evidence key."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    default: float = Field(ge=0, le=1)
    evidence: dict[str, float] = Field(default_factory=dict)
    measured_on: list[str] = Field(default_factory=list)


@lru_cache(maxsize=1)
def calibration() -> Calibration:
    if not (extractors_dir() / "confidence.toml").is_file():
        return Calibration(default=0.5)
    return Calibration.model_validate(load_spec("confidence"))


def evidence_key(decision: Decision, m: Mention) -> str:
    """The evidence a decision rests on, as a calibration key: the step, and for trigger words how
    strong they were ("triggers:strong", "triggers:weak") and whether another type came close."""
    ev = decision.evidence or "rule"
    if decision.score is not None:
        strength = "strong" if decision.score >= 0.6 else "mid" if decision.score >= 0.3 else "weak"
        close = "close" if (decision.margin or 0.0) < 0.15 else "clear"
        ev = f"{ev}:{strength}:{close}"
    if m.in_list:
        ev += ":list"
    return ev


def confidence(key: str) -> float:
    """The calibrated probability for an evidence key (the most specific key measured, else its family)."""
    table = calibration()
    while key:
        if key in table.evidence:
            return table.evidence[key]
        key = key.rpartition(":")[0]
    return table.default
