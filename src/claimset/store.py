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


def _papers_table(papers: list[Paper], meta: dict[str, str]) -> pa.Table:
    schema = papers_schema(meta)
    cols = {f.name: [getattr(p, f.name) for p in papers] for f in schema}
    return pa.Table.from_pydict(cols, schema=schema)


def _claims_table(claims: list[Claim], meta: dict[str, str]) -> pa.Table:
    schema = claims_schema(meta)
    cols = {f.name: [getattr(c, f.name) for c in claims] for f in schema}
    return pa.Table.from_pydict(cols, schema=schema)


def _card(name: str, papers: list[Paper], claims: list[Claim], provenance: dict[str, Any]) -> dict[str, Any]:
    counts = Counter(c.claim_type for c in claims)
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
            "counts": {"papers": len(papers), "claims": len(claims),
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


def write_dataset(
    out_dir: str | Path,
    papers: list[Paper],
    claims: list[Claim],
    extractor: str,
    inputs: list[str | Path] = (),
    sources: list[dict[str, str]] | None = None,
    name: str | None = None,
) -> Path:
    """Write a dataset directory atomically; returns its path."""
    out = Path(out_dir)
    parent = out.parent if str(out.parent) else Path(".")
    parent.mkdir(parents=True, exist_ok=True)
    if out.exists() and not out.is_dir():
        raise ClaimsetError("output exists and is not a folder", out)
    provenance = {
        "extractor": extractor,
        "inputs": [{"path": str(p), "sha256": _sha256(Path(p))} for p in inputs if Path(p).is_file()],
        "sources": sources or [],
    }
    meta = {"claimset.version": __version__, "claimset.extractor": extractor}
    card = _card(name or out.name, papers, claims, provenance)
    tmp = Path(tempfile.mkdtemp(prefix=f"{out.name}.tmp-", dir=parent))
    try:
        pq.write_table(_papers_table(papers, meta), tmp / PAPERS_FILE, compression="zstd")
        pq.write_table(_claims_table(claims, meta), tmp / CLAIMS_FILE, compression="zstd")
        (tmp / CARD_FILE).write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        (tmp / README_FILE).write_text(_readme(card), encoding="utf-8")
        os.chmod(tmp, 0o755)
        old = None
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f"{out.name}.old-", dir=parent))
            old.rmdir()
            out.rename(old)
        tmp.rename(out)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out


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
