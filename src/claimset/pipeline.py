"""The extraction job: read a corpus, extract claims, write the dataset (atomically)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import ColumnMap, CorpusRead, read_corpus
from .errors import ClaimsetError
from .extract import get_extractor
from .models import CLAIM_TYPES, Claim
from .store import write_dataset

EPOCH_SOURCE = {
    "title": "Epoch AI, Data on AI Models",
    "path": "https://epoch.ai/data/ai-models",
    "license": "CC-BY-4.0",
}


def repo_root() -> Path | None:
    """The source checkout this package runs from, if any (for the bundled corpus and dataset)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "datasets" / "corpus").is_dir() and (parent / "pyproject.toml").is_file():
            return parent
    return None


def bundled_corpus() -> Path:
    root = repo_root()
    if root is None:
        raise ClaimsetError("no bundled corpus here (it ships with the source checkout); give INPUT files")
    return root / "datasets" / "corpus"


def bundled_dataset() -> Path:
    root = repo_root()
    if root is None:
        raise ClaimsetError("no bundled dataset here (it ships with the source checkout); give --out")
    return root / "datasets" / "claimset-seeds"


@dataclass
class ExtractSummary:
    """What an extraction run did."""

    out: Path
    corpus: CorpusRead
    n_claims: int
    per_type: dict[str, int]
    extractor: str
    papers_with_claims: int = 0
    notes: list[str] = field(default_factory=list)


def extract_corpus(
    inputs: Iterable[str | Path],
    out: str | Path,
    format: str | None = None,
    columns: ColumnMap | None = None,
    extractor: str = "rules",
    progress: Callable[[int, int], None] | None = None,
) -> ExtractSummary:
    """Read ``inputs``, extract claims from every abstract and write the dataset to ``out``.

    ``progress(done, total)`` is called as papers are processed. Nothing is written unless the
    whole run succeeds.
    """
    inputs = list(inputs)
    corpus = read_corpus(inputs, format=format, columns=columns)
    ex = get_extractor(extractor)
    claims: list[Claim] = []
    with_claims = 0
    total = len(corpus.papers)
    for i, paper in enumerate(corpus.papers, start=1):
        found = ex.extract(paper)
        claims.extend(found)
        with_claims += bool(found)
        if progress is not None:
            progress(i, total)
    sources = [{"title": "claimset input", "path": n} for n in corpus.names]
    if any("all_ml_systems" in n for n in corpus.names):
        sources.append(EPOCH_SOURCE)
    files = [Path(f) for f in corpus.files]
    written = write_dataset(out, corpus.papers, claims, extractor=ex.label, inputs=files, sources=sources)
    counts = Counter(c.claim_type for c in claims)
    return ExtractSummary(
        out=written,
        corpus=corpus,
        n_claims=len(claims),
        per_type={t: counts.get(t, 0) for t in CLAIM_TYPES},
        extractor=ex.label,
        papers_with_claims=with_claims,
    )
