"""The extraction job: read a corpus, extract claims, write the dataset (atomically)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .corpus import ColumnMap, CorpusRead, CorpusReader, merge_metadata
from .errors import ClaimsetError
from .extract import get_extractor
from .models import CLAIM_TYPES, Paper
from .store import INPUT_SOURCE, DatasetWriter, check_output

if TYPE_CHECKING:  # pragma: no cover
    from .llm import LLMConfig

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
    seconds: float = 0.0
    jobs: int = 1
    llm: dict | None = None  # what the model did (llm and hybrid extractors): tokens, cost, cache, drops

    @property
    def rate(self) -> float:
        """Papers per second, reading and writing included."""
        return self.corpus.n_papers / self.seconds if self.seconds else 0.0


def extract_corpus(
    inputs: Iterable[str | Path],
    out: str | Path,
    format: str | None = None,
    columns: ColumnMap | None = None,
    extractor: str = "rules",
    progress: Callable[[Progress], None] | None = None,
    batch_size: int = 2000,
    jobs: int = 1,
    categories: Iterable[str] | None = None,
    llm: "LLMConfig | None" = None,
    append: bool = False,
    strict: bool = True,
) -> ExtractSummary:
    """Read ``inputs``, extract claims from every abstract and write the dataset to ``out``.

    Streams: papers are read, extracted (by ``jobs`` processes) and written ``batch_size`` at a time,
    in input order, so memory stays flat on large corpora and the output does not depend on ``jobs``.
    ``progress(p)`` is called after each batch with the papers done and the input bytes read of the
    total. Nothing is written unless the whole run succeeds. A repeat listing of a paper fills its
    missing metadata while that paper is still in the current batch; later repeats are only counted.
    ``categories`` keeps only papers in those (arXiv) categories or archives. The ``llm`` and
    ``hybrid`` extractors need ``llm`` (the endpoint and model); when their token budget runs out the
    papers done so far are written and the summary says how far the run got. With ``append`` the
    dataset at ``out`` keeps every paper and claim it has (claim ids unchanged) and only papers it
    does not hold are extracted. With ``strict=False`` an input file that cannot be read is listed
    in the summary and the others are read; with ``strict`` it stops the run, and nothing is written.
    """
    import time

    from .batches import run_batches

    inputs = list(inputs)
    check_output(out, inputs)  # refuse before any work is done
    reader = CorpusReader(inputs, format=format, columns=columns, categories=categories, strict=strict)
    existing = _existing(out) if append else None
    stream = existing.new_only(reader) if existing else reader
    model_ex = _llm_extractor(extractor, llm)
    label = model_ex.label if model_ex else get_extractor(extractor).label
    results = (_model_batches(_batches(stream, 16), model_ex) if model_ex
               else run_batches(_batches(stream, batch_size), extractor, jobs))
    started = time.perf_counter()
    with DatasetWriter(out, extractor=label) as writer:
        if existing is not None:
            writer.write(existing.papers, existing.claims)
        tally = _write_all(writer, results, reader, progress)
        corpus = reader.stats
        sources = [{"title": INPUT_SOURCE, "path": n} for n in corpus.names]
        if any("all_ml_systems" in n for n in corpus.names):
            sources.append(EPOCH_SOURCE)
        written = writer.commit(inputs=[Path(f) for f in corpus.files], sources=sources, renames=reader.id_renames())
        per_type = {t: writer.per_type.get(t, 0) for t in CLAIM_TYPES}
    corpus.n_papers = tally["done"]
    return ExtractSummary(
        out=written,
        corpus=corpus,
        n_claims=tally["claims"],
        per_type=per_type,
        extractor=label,
        papers_with_claims=tally["with_claims"],
        notes=_notes(writer, existing, corpus, tally),
        seconds=time.perf_counter() - started,
        jobs=1 if model_ex else jobs,
        llm=model_ex.stats.as_dict() if model_ex else None,
    )


def _write_all(writer: DatasetWriter, results: Iterable, reader: CorpusReader,
               progress: Callable[[Progress], None] | None) -> dict[str, int]:
    """Write every batch's result, reporting progress after each; the counts of what was written."""
    tally = {"done": 0, "with_claims": 0, "claims": 0, "truncated": 0}
    for result in results:
        writer.write(result.papers, result.claims)
        tally["done"] += result.papers.num_rows
        tally["with_claims"] += result.papers_with_claims
        tally["claims"] += result.claims.num_rows
        tally["truncated"] += result.truncated
        if progress is not None:
            progress(Progress(tally["done"], reader.bytes_read, reader.total_bytes))
    return tally


def _notes(writer: DatasetWriter, existing, corpus: CorpusRead, tally: dict[str, int]) -> list[str]:
    """What the end summary says beside the counts: clean-ups, an append, files not read, abstracts cut."""
    notes = [f"removed {len(writer.cleaned)} temporary folder(s) left by interrupted runs"] if writer.cleaned else []
    if existing is not None:
        notes.append(f"appended {tally['done']:,} new paper(s) to the {existing.papers.num_rows:,} already in the dataset "
                     f"(kept with their {existing.claims.num_rows:,} claims and ids); {existing.already:,} input paper(s) "
                     "were already there and not extracted again")
    notes += [f"file not read to the end: {name}: {why}" for name, why in corpus.failed_files]
    if corpus.ignored_files:
        shown = ", ".join(corpus.ignored_files[:5]) + (" ..." if len(corpus.ignored_files) > 5 else "")
        notes.append(f"{len(corpus.ignored_files)} file(s) in the input folders are not corpus files and were not read: {shown}")
    if tally["truncated"]:
        from .extract.engine import MAX_CHARS, MAX_NUMBERS

        notes.append(f"{tally['truncated']} abstract(s) longer than {MAX_CHARS:,} characters or holding more than "
                     f"{MAX_NUMBERS} numbers: only that much of each was read")
    return notes


def _existing(out: str | Path):
    """The dataset to append to (None where there is none yet: the run makes it)."""
    from .grow import Existing
    from .store import is_dataset

    return Existing.load(out) if Path(out).is_dir() and is_dataset(Path(out)) else None


def _llm_extractor(name: str, config: "LLMConfig | None"):
    """The model-backed extractor for ``llm``/``hybrid`` (None for the rules)."""
    if name not in ("llm", "hybrid"):
        return None
    if config is None:
        raise ClaimsetError(f"the {name} extractor needs a model: give --model (and --base-url for a local server)")
    from .llm import LLMExtractor

    return LLMExtractor(config, name)


def _model_batches(batches: Iterator[list[Paper]], ex) -> Iterator:
    """Batches of results from a model-backed extractor, as the writer takes them (16 papers each,
    so the progress bar moves)."""
    def flat() -> Iterator[Paper]:
        for batch in batches:
            yield from batch

    done: list[tuple[Paper, list]] = []
    for pair in ex.extract_many(flat()):
        done.append(pair)
        if len(done) >= 16:
            yield _result(done)
            done = []
    if done:
        yield _result(done)


def _result(done: list[tuple[Paper, list]]):
    from .batches import BatchResult
    from .schema import claims_schema, papers_schema
    from .store import to_table

    claims = [c for _, cs in done for c in cs]
    return BatchResult(to_table([p for p, _ in done], papers_schema()), to_table(claims, claims_schema()),
                       sum(bool(cs) for _, cs in done), 0)
@dataclass(frozen=True)
class Progress:
    """How far a run is: papers extracted, and input bytes read of the total (for a percentage and ETA)."""

    papers: int
    bytes_read: int
    total_bytes: int


def _batches(reader: CorpusReader, batch_size: int) -> Iterator[list[Paper]]:
    """New papers in batches; a repeat listing still in the current batch fills its metadata."""
    batch: dict[str, Paper] = {}
    for paper, first in reader:
        if first is None:
            batch[paper.paper_id] = paper
            if len(batch) >= batch_size:
                yield list(batch.values())
                batch = {}
        elif first in batch:
            batch[first] = merge_metadata(batch[first], paper)
    if batch:
        yield list(batch.values())
