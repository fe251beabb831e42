"""The extraction job: read a corpus, extract claims, write the dataset (atomically)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import ColumnMap, CorpusRead, CorpusReader, merge_metadata
from .errors import ClaimsetError
from .extract import get_extractor
from .models import CLAIM_TYPES, Claim, Paper
from .store import DatasetWriter, check_output

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
    progress: Callable[[int, int | None], None] | None = None,
    batch_size: int = 5000,
) -> ExtractSummary:
    """Read ``inputs``, extract claims from every abstract and write the dataset to ``out``.

    Streams: papers are read, extracted and written ``batch_size`` at a time, so memory stays flat
    on large corpora. ``progress(done, total)`` is called as papers are processed (``total`` is
    None: a stream's length is not known in advance). Nothing is written unless the whole run
    succeeds. A repeat listing of a paper fills its missing metadata while that paper is still in
    the current batch; later repeats are only counted.
    """
    inputs = list(inputs)
    check_output(out, inputs)  # refuse before any work is done
    reader = CorpusReader(inputs, format=format, columns=columns)
    ex = get_extractor(extractor)
    done = 0
    with_claims = 0
    n_claims = 0
    with DatasetWriter(out, extractor=ex.label) as writer:
        batch: dict[str, Paper] = {}

        def flush() -> None:
            nonlocal done, with_claims, n_claims
            papers = list(batch.values())
            claims: list[Claim] = []
            for paper in papers:
                found = ex.extract(paper)
                claims.extend(found)
                with_claims += bool(found)
                done += 1
                if progress is not None and done % 50 == 0:
                    progress(done, None)
            n_claims += len(claims)
            writer.write(papers, claims)
            batch.clear()

        for paper, first in reader:
            if first is None:
                batch[paper.paper_id] = paper
                if len(batch) >= batch_size:
                    flush()
            elif first in batch:
                batch[first] = merge_metadata(batch[first], paper)
        flush()
        if progress is not None:
            progress(done, done)
        corpus = reader.stats
        sources = [{"title": "claimset input", "path": n} for n in corpus.names]
        if any("all_ml_systems" in n for n in corpus.names):
            sources.append(EPOCH_SOURCE)
        written = writer.commit(inputs=[Path(f) for f in corpus.files], sources=sources, renames=reader.id_renames())
        per_type = {t: writer.per_type.get(t, 0) for t in CLAIM_TYPES}
    corpus.n_papers = done
    notes = [f"removed {len(writer.cleaned)} temporary folder(s) left by interrupted runs"] if writer.cleaned else []
    if getattr(ex, "truncated", 0):
        notes.append(f"{ex.truncated} abstract(s) longer than {ex.max_chars:,} characters or holding more than "
                     f"{ex.max_numbers} numbers: only that much of each was read")
    return ExtractSummary(
        out=written,
        corpus=corpus,
        n_claims=n_claims,
        per_type=per_type,
        extractor=ex.label,
        papers_with_claims=with_claims,
        notes=notes,
    )
