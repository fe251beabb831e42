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
}

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import ColumnMap, read_corpus
    from .errors import ClaimsetError
    from .models import Claim, ClaimType, Paper, Qualifier, claim_json_schema
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


def evaluate(gold, dataset=None, extractor: str = "rules"):
    """Score against gold annotations: see :func:`claimset.scoring.evaluate`."""
    from .scoring import evaluate as _evaluate

    return _evaluate(gold, dataset, extractor)


__all__ = [
    "Claim", "ClaimType", "ClaimsetError", "ColumnMap", "Paper", "Qualifier", "__version__",
    "claim_json_schema", "evaluate", "extract", "extract_corpus", "load", "load_card", "load_claims",
    "load_papers", "read_corpus", "write_dataset",
]
