"""Claim extraction: the rule-based engine (default) and the extractor registry."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ..errors import ClaimsetError
from ..models import Claim, Paper
from .engine import RuleExtractor

EXTRACTORS: dict[str, Callable[[], object]] = {"rules": RuleExtractor}


def get_extractor(name: str = "rules"):
    """An extractor instance by name (``rules``)."""
    try:
        return EXTRACTORS[name]()
    except KeyError:
        raise ClaimsetError(f"unknown extractor {name!r} (one of: {', '.join(EXTRACTORS)})") from None


def extract_claims(papers: Iterable[Paper], extractor=None) -> Iterator[tuple[Paper, list[Claim]]]:
    """Claims of each paper, in input order."""
    ex = extractor or RuleExtractor()
    for paper in papers:
        yield paper, ex.extract(paper)
