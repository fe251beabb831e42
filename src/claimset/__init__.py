"""claimset: typed numeric claims from ML paper abstracts, as a Parquet dataset with provenance.

>>> import claimset
>>> df = claimset.load("datasets/claimset-seeds")        # claims joined to papers (polars)

Names are imported lazily, so ``import claimset`` (and the CLI's start-up) stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

# public name -> module that defines it
_LAZY = {
    "ColumnMap": "corpus", "read_corpus": "corpus",
    "ClaimsetError": "errors",
    "Claim": "models", "ClaimType": "models", "Paper": "models", "Qualifier": "models",
    "claim_json_schema": "models",
    "load": "store", "load_card": "store", "load_claims": "store", "load_papers": "store",
    "write_dataset": "store",
    "LLMConfig": "llm", "LLMExtractor": "llm",
}

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import ColumnMap, read_corpus
    from .errors import ClaimsetError
    from .models import Claim, ClaimType, Paper, Qualifier, claim_json_schema
    from .llm import LLMConfig, LLMExtractor
    from .store import load, load_card, load_claims, load_papers, write_dataset


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'claimset' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def extract(paper, extractor: str = "rules"):
    """Claims of one paper (a list of :class:`Claim`)."""
    from .extract import get_extractor

    return get_extractor(extractor).extract(paper)


def extract_corpus(*args, **kwargs):
    """Read a corpus, extract and write a dataset: see :func:`claimset.pipeline.extract_corpus`."""
    from .pipeline import extract_corpus as _run

    return _run(*args, **kwargs)


def cite(dataset, claim_ids: list[str], format: str = "markdown") -> str:
    """Quote claims verbatim and cite their papers: markdown, bibtex, csl-json or text (a string).
    See :func:`claimset.cite.cite`."""
    from .cite import cite as _cite

    return _cite(dataset, claim_ids, format)


def search(dataset, query: str | None = None, **filters):
    """Claims whose text holds every word of ``query``, best first (a polars DataFrame, claims joined
    to papers); filters: types, units, min_value, max_value, benchmark, subject, min_confidence,
    since, until. See :func:`claimset.query.search_claims`."""
    from .query import search_claims

    return search_claims(dataset, query, **filters)


def export(dataset, format: str = "md", **filters) -> tuple[str, str]:
    """A table of claims (md, latex, csv, json or jsonl) and the BibTeX of its papers, as two strings.
    See :func:`claimset.cite.export_table`."""
    from .cite import export_table

    return export_table(dataset, format=format, **filters)


def evaluate(gold, dataset=None, extractor: str = "rules"):
    """Score against gold annotations: see :func:`claimset.scoring.evaluate`."""
    from .scoring import evaluate as _evaluate

    return _evaluate(gold, dataset, extractor)


__all__ = [
    "Claim", "ClaimType", "ClaimsetError", "ColumnMap", "LLMConfig", "LLMExtractor", "Paper", "Qualifier", "__version__",
    "cite", "claim_json_schema", "evaluate", "export", "extract", "extract_corpus", "load", "load_card",
    "load_claims", "load_papers", "read_corpus", "search", "write_dataset",
]
