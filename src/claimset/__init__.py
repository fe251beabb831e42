"""claimset: typed numeric claims from ML paper abstracts, as a Parquet dataset with provenance.

>>> import claimset
>>> df = claimset.load("datasets/claimset-seeds")        # claims joined to papers (polars)
"""

from __future__ import annotations

__version__ = "0.1.0"

from .corpus import ColumnMap, read_corpus  # noqa: E402
from .errors import ClaimsetError  # noqa: E402
from .models import Claim, ClaimType, Paper, Qualifier, claim_json_schema  # noqa: E402
from .store import load, load_card, load_claims, load_papers, write_dataset  # noqa: E402


def extract(paper: Paper, extractor: str = "rules") -> list[Claim]:
    """Claims of one paper."""
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
