"""The rule-based extractor (kept as a module name for imports written before the engine was split
into stages: see :mod:`claimset.extract.engine`)."""

from __future__ import annotations

from .engine import MAX_CHARS, MAX_NUMBERS, NAME, VERSION, RuleExtractor

__all__ = ["MAX_CHARS", "MAX_NUMBERS", "NAME", "VERSION", "RuleExtractor"]
