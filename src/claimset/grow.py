"""Growing datasets: add new papers to a dataset without re-extracting the old ones
(``extract --append``), and merge two datasets into a third (``merge``). Every existing claim keeps
its ``claim_id``; a paper is the same paper when its title and abstract are.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from .errors import ClaimsetError
from .ids import content_digest
from .models import Paper
from .schema import claims_schema, papers_schema


@dataclass
class Existing:
    """A dataset's tables (in the current schema) and the identities of its papers."""

    path: Path
    papers: pa.Table
    claims: pa.Table
    ids: set[str] = field(default_factory=set)
    digests: dict[bytes, str] = field(default_factory=dict)
    already: int = 0  # papers offered again (skipped)

    @classmethod
    def load(cls, path: str | Path) -> Existing:
        from .store import load_claims, load_papers

        path = Path(path)
        papers = load_papers(path).to_arrow()
        claims = load_claims(path).to_arrow()
        papers = papers.select([f.name for f in papers_schema()]).cast(papers_schema())
        claims = claims.select([f.name for f in claims_schema()]).cast(claims_schema())
        ids = set(papers.column("paper_id").to_pylist())
        digests = {content_digest(t, a): pid for pid, t, a in zip(papers.column("paper_id").to_pylist(),
                                                           papers.column("title").to_pylist(),
                                                           papers.column("abstract").to_pylist())}
        return cls(path, papers, claims, ids, digests)

    def new_only(self, stream: Iterable[tuple[Paper, str | None]]) -> Iterator[tuple[Paper, str | None]]:
        """The reader's stream without the papers this dataset already holds; a new paper whose id is
        taken by a different paper here gets ``id-<8 hex of its content digest>``."""
        for paper, first in stream:
            key = content_digest(paper.title, paper.abstract)
            if key in self.digests:
                self.already += first is None
                continue
            if first is None and paper.paper_id in self.ids:
                paper = paper.model_copy(update={"paper_id": f"{paper.paper_id}-{key.hex()[:8]}"})
            yield paper, first


def _renamed_claims(claims: pa.Table, renames: dict[str, str]) -> pa.Table:
    """Claims of renamed papers, with their paper id and claim id recomputed."""
    if not renames:
        return claims
    from .ids import claim_id

    rows = claims.to_pylist()
    for r in rows:
        if r["paper_id"] in renames:
            r["paper_id"] = renames[r["paper_id"]]
            r["claim_id"] = claim_id(r["paper_id"], r["claim_type"], r["start"], r["end"], r["number"])
    return pa.Table.from_pylist(rows, schema=claims.schema)


@dataclass(frozen=True)
class MergeSummary:
    out: Path
    papers: int
    claims: int
    duplicates: int  # papers of the second dataset already in the first
    renamed: int  # papers of the second dataset whose id a different paper held in the first


def merge(a: str | Path, b: str | Path, out: str | Path) -> MergeSummary:
    """A new dataset at ``out`` holding the papers and claims of ``a``, then those of ``b`` that are not
    in ``a`` (same title and abstract). A paper of ``b`` whose id ``a`` uses for another paper gets
    ``id-<8 hex>`` (its claims' ids follow). The card records both datasets as sources."""
    from .store import DatasetWriter, check_output, load_card

    first, second = Existing.load(a), Existing.load(b)
    out = Path(out)
    if out.resolve() in (first.path.resolve(), second.path.resolve()):
        raise ClaimsetError("merge into a new folder, not into one of its inputs", out)
    check_output(out, [])
    keep, renames = [], {}
    for i, (pid, t, ab) in enumerate(zip(second.papers.column("paper_id").to_pylist(),
                                         second.papers.column("title").to_pylist(),
                                         second.papers.column("abstract").to_pylist())):
        key = content_digest(t, ab)
        if key in first.digests:
            continue
        keep.append(i)
        if pid in first.ids:
            renames[pid] = f"{pid}-{key.hex()[:8]}"
    kept_ids = {second.papers.column("paper_id")[i].as_py() for i in keep}
    papers_b = second.papers.take(keep)
    if renames:
        ids = [renames.get(p, p) for p in papers_b.column("paper_id").to_pylist()]
        papers_b = papers_b.set_column(0, "paper_id", pa.array(ids, pa.string()))
    claims_b = second.claims.filter(pc.is_in(second.claims.column("paper_id"), value_set=pa.array(sorted(kept_ids), pa.string())))
    claims_b = _renamed_claims(claims_b, renames)
    labels = sorted(set(first.claims.column("extractor").to_pylist()) | set(second.claims.column("extractor").to_pylist()))
    sources, inputs = [], []
    for ds in (first, second):
        card = load_card(ds.path)
        sources.append({"title": f"claimset dataset {card.get('name', ds.path.name)} (merged)", "path": ds.path.resolve().name})
        sources.extend(card.get("sources", []))
        inputs.extend(card.get("claimset", {}).get("inputs", []))
    with DatasetWriter(out, extractor=" + ".join(labels) or "none") as writer:
        writer.write(first.papers, first.claims)
        writer.write(papers_b, claims_b)
        writer.commit(inputs=inputs, sources=sources)
    return MergeSummary(out=out, papers=first.papers.num_rows + papers_b.num_rows,
                        claims=first.claims.num_rows + claims_b.num_rows,
                        duplicates=second.papers.num_rows - len(keep), renamed=len(renames))
