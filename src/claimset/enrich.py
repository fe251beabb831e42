"""Fill a dataset's paper metadata (authors, dates, DOIs, arXiv ids) from another file the user
has: arXiv snapshot lines, JSON Lines, CSV, BibTeX, or CSL-JSON (a Zotero export). Papers are matched
by normalised title; a title that matches records disagreeing on the metadata is ambiguous and left
alone. Only missing fields are filled; claims are untouched.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ClaimsetError

FIELDS = ("authors", "date", "doi", "arxiv_id")


def normalise_title(title: str) -> str:
    """Lower case, letters and digits only, single spaces (LaTeX braces and accents dropped)."""
    import unicodedata

    t = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    return " ".join(re.findall(r"[a-z0-9]+", t))


@dataclass(frozen=True)
class Meta:
    """What one record says about a paper."""

    title: str
    authors: tuple[str, ...] | None = None
    date: dt.date | None = None
    doi: str | None = None
    arxiv_id: str | None = None

    def known(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in FIELDS if getattr(self, k)}


# ----------------------------------------------------------------------------- readers


def _from_record(rec: dict[str, Any]) -> Meta | None:
    """A record of the arXiv snapshot, a JSON Lines/CSV row, or a CSL-JSON item."""
    from .corpus import _arxiv_fields

    lower = {str(k).lower(): v for k, v in rec.items()}
    title = lower.get("title") or lower.get("reference")
    if not isinstance(title, str) or not title.strip():
        return None
    arx = _arxiv_fields(rec) if ("versions" in rec or "authors_parsed" in rec) else {}
    authors = _record_authors(lower, arx)
    doi = lower.get("doi")
    return Meta(title=" ".join(title.split()), authors=tuple(authors) if authors else None,
                date=_record_date(lower, arx), doi=str(doi).strip() if doi else None, arxiv_id=_record_arxiv(lower, arx))


def _record_authors(lower: dict[str, Any], arx: dict[str, Any]) -> list[str] | None:
    from .corpus import _authors

    return arx.get("authors") or _csl_authors(lower.get("author")) or _authors(lower.get("authors"))


def _record_date(lower: dict[str, Any], arx: dict[str, Any]) -> dt.date | None:
    from .corpus import parse_date

    if arx.get("date") or _csl_date(lower.get("issued")):
        return arx.get("date") or _csl_date(lower.get("issued"))
    written = next((lower[k] for k in ("date", "published", "publication date") if lower.get(k)), None)
    return parse_date(str(written)) if written else None


def _record_arxiv(lower: dict[str, Any], arx: dict[str, Any]) -> str | None:
    from .corpus import _ARXIV_ID

    ident = lower.get("arxiv_id") or lower.get("eprint") or arx.get("arxiv_id") or lower.get("id")
    ident = str(ident).strip() if ident else ""
    return re.sub(r"v\d+$", "", ident) if ident and _ARXIV_ID.fullmatch(ident) else None


def _csl_authors(value: Any) -> list[str] | None:
    if not isinstance(value, list):
        return None
    names = []
    for a in value:
        if isinstance(a, dict):
            name = a.get("literal") or " ".join(x for x in (a.get("given"), a.get("family")) if x)
            if name:
                names.append(name)
    return names or None


def _csl_date(value: Any) -> dt.date | None:
    try:
        parts = value["date-parts"][0]
        return dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (TypeError, KeyError, IndexError, ValueError):
        return None


_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


def _bib_date(year: str | None, month: str | None) -> str | None:
    if not year or not year.strip().isdigit():
        return None
    m = (month or "1").strip().lower()
    number = _MONTHS.get(m[:3]) or (int(m) if m.isdigit() and 1 <= int(m) <= 12 else 1)
    return dt.date(int(year), number, 1).isoformat()


def _bib_names(field: str) -> list[str]:
    """BibTeX "Family, Given and {Org}" as display names ("Given Family", "Org")."""
    names = [re.sub(r"[{}]", "", a).strip() for a in re.split(r"\s+and\s+", field) if a.strip()]
    return [" ".join(reversed([p.strip() for p in a.split(",", 1)])) if "," in a else a for a in names]


def _bibtex(path: Path) -> Iterator[dict[str, Any]]:
    try:
        import bibtexparser
    except ImportError:
        raise ClaimsetError("reading BibTeX needs bibtexparser: pip install 'bibtexparser>=2.0.0b7'", path) from None
    for entry in bibtexparser.parse_string(path.read_text("utf-8")).entries:
        f = {k.lower(): v.value for k, v in entry.fields_dict.items()}
        authors = _bib_names(f.get("author", ""))
        yield {"title": re.sub(r"[{}]", "", f.get("title", "")), "author": [{"literal": a} for a in authors] or None,
               "date": _bib_date(f.get("year"), f.get("month")), "doi": f.get("doi"), "eprint": f.get("eprint")}


def read_metadata(path: str | Path) -> list[Meta]:
    """Every record of a metadata file, whatever its format (by suffix, then by content)."""
    path = Path(path)
    if not path.is_file():
        raise ClaimsetError("no such file", path)
    name = path.name.lower().removesuffix(".gz").removesuffix(".bz2").removesuffix(".zst")
    if name.endswith(".bib"):
        records: Iterator[dict[str, Any]] = _bibtex(path)
    elif name.endswith(".csv") or name.endswith(".tsv"):
        with _open_text(path) as fh:
            records = iter(list(csv.DictReader(fh, delimiter="\t" if name.endswith(".tsv") else ",")))
    else:
        with _open_text(path) as fh:
            text = fh.read()
        records = iter(_json_records(text, path))
    return [m for m in map(_from_record, records) if m is not None]


def _open_text(path: Path):
    import io

    from .corpus import _open

    return io.TextIOWrapper(_open(path), encoding="utf-8", newline="")


def _json_records(text: str, path: Path) -> list[dict[str, Any]]:
    stripped = text.lstrip()
    if stripped.startswith("["):  # CSL-JSON (Zotero) or a JSON list
        try:
            data = json.loads(stripped)
        except ValueError as exc:
            raise ClaimsetError(f"not valid JSON ({exc})", path) from None
        return [r for r in data if isinstance(r, dict)]
    out = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                rec = json.loads(line)
            except ValueError:
                raise ClaimsetError("not JSON Lines", path, lineno) from None
            if isinstance(rec, dict):
                out.append(rec)
    return out


# ----------------------------------------------------------------------------- matching


@dataclass
class EnrichSummary:
    out: Path
    records: int
    papers: int
    matched: int = 0
    ambiguous: list[str] = field(default_factory=list)  # titles
    filled: dict[str, int] = field(default_factory=lambda: {k: 0 for k in FIELDS})


def _index(metas: list[Meta]) -> dict[str, list[Meta]]:
    idx: dict[str, list[Meta]] = {}
    for m in metas:
        key = normalise_title(m.title)
        if key and m not in idx.setdefault(key, []):
            idx[key].append(m)
    return idx


def _agreed(candidates: list[Meta]) -> dict[str, Any] | None:
    """The metadata the records for one title agree on, or None when they contradict each other."""
    merged: dict[str, Any] = {}
    for m in candidates:
        for k, v in m.known().items():
            if k in merged and merged[k] != v:
                return None
            merged[k] = v
    return merged


def enrich(dataset: str | Path, source: str | Path) -> EnrichSummary:
    """Fill missing authors, dates, DOIs and arXiv ids of ``dataset``'s papers from ``source``, and
    write the dataset again (a new version; claims and their ids unchanged)."""
    from .grow import Existing
    from .schema import papers_schema
    from .store import DatasetWriter, load_card

    metas = read_metadata(source)
    index = _index(metas)
    ds = Existing.load(dataset)
    rows = ds.papers.to_pylist()
    summary = EnrichSummary(out=Path(dataset), records=len(metas), papers=len(rows))
    for row in rows:
        candidates = index.get(normalise_title(row["title"]))
        if not candidates:
            continue
        agreed = _agreed(candidates)
        if agreed is None:
            summary.ambiguous.append(row["title"])
            continue
        summary.matched += 1
        _fill(row, agreed, summary.filled)
    import pyarrow as pa

    card = load_card(dataset)
    sources = card.get("sources", []) + [{"title": "metadata filled by claimset enrich", "path": Path(source).name}]
    label = card.get("claimset", {}).get("extractor") or "unknown"
    with DatasetWriter(dataset, extractor=label, name=card.get("name")) as writer:
        writer.write(pa.Table.from_pylist(rows, schema=papers_schema()), ds.claims)
        writer.commit(inputs=card.get("claimset", {}).get("inputs", []) + [Path(source)], sources=sources)
    return summary


def _fill(row: dict[str, Any], agreed: dict[str, Any], filled: dict[str, int]) -> None:
    for k, v in agreed.items():
        if row.get(k):
            continue
        row[k] = list(v) if k == "authors" else v
        filled[k] += 1
        if k == "authors":
            row["n_authors"] = len(v)
        if k == "date":
            row["date_text"] = row.get("date_text") or v.isoformat()
        if k == "arxiv_id" and not row.get("url"):
            row["url"] = f"https://arxiv.org/abs/{v}"
