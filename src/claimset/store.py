"""The dataset directory: ``papers.parquet``, ``claims.parquet``, ``datapackage.json`` and a card.

Writes are atomic: everything is written to a sibling temporary directory, then swapped in with
renames, so a failed or interrupted run leaves the previous dataset whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from . import __version__
from .errors import ClaimsetError
from .models import CLAIM_TYPES, Claim, Paper
from .schema import (
    CLAIM_FIELDS,
    PAPER_FIELDS,
    SCHEMA_VERSION,
    claims_schema,
    frictionless_fields,
    markdown_table,
    papers_schema,
)

PAPERS_FILE = "papers.parquet"
CLAIMS_FILE = "claims.parquet"
CARD_FILE = "datapackage.json"
README_FILE = "README.md"


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _card(name: str, n_papers: int, counts: Counter, provenance: dict[str, Any]) -> dict[str, Any]:
    return {
        "profile": "data-package",
        "name": name,
        "title": f"claimset dataset: {name}",
        "description": "Typed numeric claims extracted from ML paper abstracts, each tied to the exact "
                       "characters of the abstract it was read from (abstract[start:end] == number).",
        "version": __version__,
        "schema_version": SCHEMA_VERSION,
        "licenses": provenance.get("licenses") or [
            {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
             "title": "Claims and metadata: Creative Commons Attribution 4.0; abstracts remain their authors'."}
        ],
        "sources": provenance.get("sources", []),
        "claimset": {
            "version": __version__,
            "extractor": provenance.get("extractor"),
            "inputs": provenance.get("inputs", []),
            "counts": {"papers": n_papers, "claims": sum(counts.values()),
                       "claims_per_type": {t: counts.get(t, 0) for t in CLAIM_TYPES}},
            "claim_id": "'c' + first 12 hex digits of SHA-1 over paper_id, claim_type, start, end and number "
                        "(joined by U+001F): stable across re-runs and machines.",
        },
        "resources": [
            {"name": "papers", "path": PAPERS_FILE, "format": "parquet", "mediatype": "application/vnd.apache.parquet",
             "schema": {"fields": frictionless_fields(PAPER_FIELDS), "primaryKey": ["paper_id"]}},
            {"name": "claims", "path": CLAIMS_FILE, "format": "parquet", "mediatype": "application/vnd.apache.parquet",
             "schema": {"fields": frictionless_fields(CLAIM_FIELDS), "primaryKey": ["claim_id"],
                        "foreignKeys": [{"fields": ["paper_id"], "reference": {"resource": "papers", "fields": ["paper_id"]}}]}},
        ],
    }


def _readme(card: dict[str, Any]) -> str:
    cs = card["claimset"]
    per_type = "\n".join(f"| {t} | {n} |" for t, n in cs["counts"]["claims_per_type"].items())
    inputs = "\n".join(f"- `{i['path']}` (sha256 `{i['sha256'][:16]}…`)" for i in cs["inputs"]) or "- (none recorded)"
    return f"""# {card['title']}

{card['description']}

- claimset {cs['version']}, extractor `{cs['extractor']}`, schema version {card['schema_version']}
- {cs['counts']['papers']} papers, {cs['counts']['claims']} claims
- Licence: {card['licenses'][0]['name']} — {card['licenses'][0].get('title', '')}

## Claims per type

| type | claims |
| --- | --- |
{per_type}

## Inputs

{inputs}

## Files

- `papers.parquet` — one row per paper
- `claims.parquet` — one row per claim; join on `paper_id`
- `datapackage.json` — this card for machines (Frictionless Data Package)

Load with `claimset.load("<this folder>")` (polars), `pandas.read_parquet`, or DuckDB
(`SELECT * FROM 'claims.parquet' JOIN 'papers.parquet' USING (paper_id)`).

`claim_id`: {cs['claim_id']}

## papers.parquet

{markdown_table(PAPER_FIELDS)}

## claims.parquet

{markdown_table(CLAIM_FIELDS)}
"""


class DatasetWriter:
    """Writes a dataset in batches into a temporary sibling folder; ``commit()`` swaps it in.

    Use as a context manager: leaving the block with an exception (or without ``commit()``)
    removes the temporary folder and leaves any previous dataset at ``out_dir`` untouched.
    """

    def __init__(self, out_dir: str | Path, extractor: str, name: str | None = None):
        self.out = Path(out_dir)
        self.parent = self.out.parent if str(self.out.parent) else Path(".")
        if self.out.exists() and not self.out.is_dir():
            raise ClaimsetError("output exists and is not a folder", self.out)
        self.parent.mkdir(parents=True, exist_ok=True)
        self.extractor = extractor
        self.name = name or self.out.name
        meta = {"claimset.version": __version__, "claimset.extractor": extractor}
        self._pschema, self._cschema = papers_schema(meta), claims_schema(meta)
        self.tmp = Path(tempfile.mkdtemp(prefix=f"{self.out.name}.tmp-", dir=self.parent))
        self._pw = pq.ParquetWriter(self.tmp / PAPERS_FILE, self._pschema, compression="zstd")
        self._cw = pq.ParquetWriter(self.tmp / CLAIMS_FILE, self._cschema, compression="zstd")
        self.n_papers = 0
        self.per_type: Counter = Counter()

    def write(self, papers: list[Paper], claims: list[Claim]) -> None:
        if papers:
            cols = {f.name: [getattr(p, f.name) for p in papers] for f in self._pschema}
            self._pw.write_table(pa.Table.from_pydict(cols, schema=self._pschema))
            self.n_papers += len(papers)
        if claims:
            cols = {f.name: [getattr(c, f.name) for c in claims] for f in self._cschema}
            self._cw.write_table(pa.Table.from_pydict(cols, schema=self._cschema))
            self.per_type.update(c.claim_type for c in claims)

    def commit(self, inputs: list[str | Path] = (), sources: list[dict[str, str]] | None = None) -> Path:
        self._pw.close()
        self._cw.close()
        provenance = {
            "extractor": self.extractor,
            "inputs": [{"path": _cited(p), "sha256": _sha256(Path(p))} for p in inputs if Path(p).is_file()],
            "sources": sources or [],
        }
        card = _card(self.name, self.n_papers, self.per_type, provenance)
        (self.tmp / CARD_FILE).write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        (self.tmp / README_FILE).write_text(_readme(card), encoding="utf-8")
        os.chmod(self.tmp, 0o755)
        old = None
        if self.out.exists():
            old = Path(tempfile.mkdtemp(prefix=f"{self.out.name}.old-", dir=self.parent))
            old.rmdir()
            self.out.rename(old)
        self.tmp.rename(self.out)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        self._done = True
        return self.out

    def abort(self) -> None:
        for w in (self._pw, self._cw):
            try:
                w.close()
            except Exception:  # already closed or broken: the folder goes anyway
                pass
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self) -> "DatasetWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if not getattr(self, "_done", False):
            self.abort()


def _cited(path: str | Path) -> str:
    """An input as the card names it: its folder and file name, not a machine-specific absolute path."""
    p = Path(path).resolve()
    return f"{p.parent.name}/{p.name}"


def write_dataset(
    out_dir: str | Path,
    papers: list[Paper],
    claims: list[Claim],
    extractor: str,
    inputs: list[str | Path] = (),
    sources: list[dict[str, str]] | None = None,
    name: str | None = None,
) -> Path:
    """Write a dataset directory atomically from in-memory papers and claims; returns its path."""
    with DatasetWriter(out_dir, extractor, name) as writer:
        writer.write(papers, claims)
        return writer.commit(inputs, sources)


def _require(path: Path, name: str) -> Path:
    f = path / name
    if not f.is_file():
        raise ClaimsetError(f"not a claimset dataset (no {name})", path)
    return f


def load_papers(path: str | Path) -> pl.DataFrame:
    """The papers table of a dataset directory."""
    return pl.read_parquet(_require(Path(path), PAPERS_FILE))


def load_claims(path: str | Path) -> pl.DataFrame:
    """The claims table of a dataset directory."""
    return pl.read_parquet(_require(Path(path), CLAIMS_FILE))


def load(path: str | Path) -> pl.DataFrame:
    """Claims joined to their papers (one row per claim) as a polars DataFrame."""
    claims = load_claims(path)
    papers = load_papers(path)
    return claims.join(papers, on="paper_id", how="left")


def load_card(path: str | Path) -> dict[str, Any]:
    return json.loads(_require(Path(path), CARD_FILE).read_text(encoding="utf-8"))
