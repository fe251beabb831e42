"""The dataset directory: ``papers.parquet``, ``claims.parquet``, ``datapackage.json`` and a card.

Writes are atomic and never touch the user's files: see :class:`DatasetWriter` for the layout (an
immutable version folder behind a ``current`` pointer switched by one rename) and
:func:`check_output` for what ``--out`` may be.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq

if TYPE_CHECKING:  # pragma: no cover
    import polars as pl

from . import __version__
from .errors import ClaimsetError
from .fsio import Lock, fsync_dir, os_error, replace_symlink, signals_deferred, write_atomic
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
INPUT_SOURCE = "claimset input"  # the title of each input file in a card's sources


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _card(name: str, n_papers: int, counts: Counter, provenance: dict[str, Any]) -> dict[str, Any]:
    from .spec import measured_quality

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
            # the extractor's measured quality (dev sets and blind held-out papers), where it was
            # measured for this extractor label; null otherwise
            "measured_quality": measured_quality(provenance.get("extractor")),
        },
        "resources": [
            {"name": "papers", "path": PAPERS_FILE, "format": "parquet", "mediatype": "application/vnd.apache.parquet",
             # Frictionless reads a Parquet null in an integer column as the float NaN: declare it missing
             "schema": {"fields": frictionless_fields(PAPER_FIELDS), "primaryKey": ["paper_id"],
                        "missingValues": ["", "nan"]}},
            {"name": "claims", "path": CLAIMS_FILE, "format": "parquet", "mediatype": "application/vnd.apache.parquet",
             "schema": {"fields": frictionless_fields(CLAIM_FIELDS), "primaryKey": ["claim_id"], "missingValues": ["", "nan"],
                        "foreignKeys": [{"fields": ["paper_id"], "reference": {"resource": "papers", "fields": ["paper_id"]}}]}},
        ],
    }


def _size_category(n: int) -> str:
    """Hugging Face's size category for ``n`` rows."""
    for bound, label in ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M"),
                         (10_000_000, "1M<n<10M")):
        if n < bound:
            return label
    return "10M<n<100M"


def _front_matter(card: dict[str, Any], partitioned: bool) -> str:
    """Hugging Face dataset card metadata: ``datasets.load_dataset(folder, "claims")`` reads it."""
    files = {name: f"{name}.parquet/*.parquet" if partitioned else f"{name}.parquet" for name in ("claims", "papers")}
    lic = (card["licenses"][0]["name"] if card["licenses"] else "other").lower()
    return f"""---
license: {lic}
pretty_name: "{card['title']}"
language:
- en
size_categories:
- {_size_category(card['claimset']['counts']['claims'])}
tags:
- claimset
- scientific-claims
- machine-learning
configs:
- config_name: claims
  data_files: {files['claims']}
  default: true
- config_name: papers
  data_files: {files['papers']}
---

"""


def _held_out_line(h: dict[str, Any] | None) -> str:
    """The blind figures on papers nobody tuned the rules on, where they were recorded."""
    if not h:
        return ""
    return (f"\n\nOn papers the rules were not tuned on ({h['samples']} random samples of seed and Epoch AI papers "
            f"outside both sets, {h['papers']:,} papers, {h['claims']:,} claims, each annotated in full before its "
            f"first scoring; `{h['how']}`): micro P {h['precision']:.3f}, R {h['recall']:.3f}, "
            f"**F1 {h['f1']:.3f}** blind; subject overlap {h['subject']:.2f}.")


def _quality_section(extractor: str | None) -> str:
    """Limitations, and the extractor's measured quality when it was measured for this label."""
    from .spec import measured_quality

    q = measured_quality(extractor)
    if q:
        rows = "\n".join(f"| {name} | {m['papers']} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | "
                         f"{m['field_overlap']['subject']:.2f} / {m['field_overlap']['benchmark']:.2f} / {m['field_overlap']['metric']:.2f} |"
                         for name, m in q["measured_on"].items())
        measured = ("Measured on the hand-checked gold development sets (`" + q["how"] + "`):\n\n"
                    "| gold set | papers | micro P | micro R | micro F1 | field overlap subject / benchmark / metric |\n"
                    "| --- | --- | --- | --- | --- | --- |\n" + rows + _held_out_line(q.get("held_out_blind")))
    else:
        measured = (f"The extractor `{extractor}` has no recorded measurement: score it with "
                    "`claimset evaluate --gold FILE` (for llm/hybrid: `--extractor hybrid --model ...`).")
    return f"""## Limitations and measured quality

{measured}

- Claims are read from abstracts only: numbers in the body, tables and figures are not seen.
- Papers the rules were not tuned on score lower than the development sets; recall is the weaker side.
- `subject`, `baseline`, `benchmark` and `metric` are the weakest fields (token overlap above).
- `confidence` is calibrated on the development sets; read it as a ranking on other corpora.
- A value is the number as written (no unit conversion); compare values within one `unit`.
"""


def _readme(card: dict[str, Any], partitioned: bool = False) -> str:
    cs = card["claimset"]
    per_type = "\n".join(f"| {t} | {n} |" for t, n in cs["counts"]["claims_per_type"].items())
    inputs = "\n".join(f"- `{i['path']}` (sha256 `{i['sha256'][:16]}…`)" for i in cs["inputs"]) or "- (none recorded)"
    return _front_matter(card, partitioned) + f"""# {card['title']}

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

Load with `claimset.load("<this folder>")` (polars), `pandas.read_parquet`, DuckDB
(`SELECT * FROM 'claims.parquet' JOIN 'papers.parquet' USING (paper_id)`), or Hugging Face
`datasets.load_dataset("<this folder>", "claims")`.

`claim_id`: {cs['claim_id']}

{_quality_section(cs['extractor'])}
## papers.parquet

{markdown_table(PAPER_FIELDS)}

## claims.parquet

{markdown_table(CLAIM_FIELDS)}
"""


STATE_DIR = ".claimset"  # inside a dataset: immutable versions, the `current` pointer, the lock
CURRENT = "current"
DATA_FILES = (PAPERS_FILE, CLAIMS_FILE, CARD_FILE)  # top-level links into the current version
OWNED = frozenset(DATA_FILES + (README_FILE, STATE_DIR))  # everything else in a dataset folder is the user's


def is_dataset(path: Path) -> bool:
    """A claimset dataset folder: a ``.claimset/current`` pointer, or (0.1 layout) a claimset card."""
    if (path / STATE_DIR / CURRENT).exists():
        return True
    card = path / CARD_FILE
    if not card.is_file():
        return False
    try:
        return "claimset" in json.loads(card.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False


def check_output(out: str | Path, inputs: list[str | Path] = ()) -> Path:
    """The folder a dataset may be written to, or a one-line refusal.

    A new path, an empty folder, or an existing claimset dataset are fine. A non-empty folder that is
    not a dataset, the current directory, and a folder holding the inputs are refused, so a run can
    never replace the user's files. A symlink is followed: the link stays, its target is updated.
    """
    out = Path(out)
    if out.is_symlink():
        if not out.exists():
            raise ClaimsetError("is a broken symlink", out)
        out = out.resolve()
    if out.exists() and not out.is_dir():
        raise ClaimsetError("exists and is not a folder; give a new folder or a claimset dataset to --out", out)
    resolved = out.resolve()
    if resolved == Path.cwd().resolve():
        raise ClaimsetError("is the current folder; write the dataset to a folder of its own (--out NAME)", out)
    for item in inputs:
        p = Path(item).resolve()
        if resolved == (p if p.is_dir() else p.parent):
            raise ClaimsetError("holds the input files; write the dataset to a folder of its own", out)
    # A folder holding only `.claimset` is a dataset being made (or whose first run was killed): ours.
    if out.is_dir() and not is_dataset(out) and any(p.name != STATE_DIR for p in out.iterdir()):
        n = sum(1 for _ in out.iterdir())
        raise ClaimsetError(
            f"folder exists, is not a claimset dataset and holds {n} entries; choose a new or empty folder", out
        )
    return out


def _ours_only(folder: Path) -> bool:
    """Does a folder hold nothing but files claimset writes (a left-over 0.1 temporary folder)?"""
    try:
        return all(p.name in OWNED for p in folder.iterdir())
    except OSError:
        return False


class DatasetWriter:
    """Writes a dataset in batches into a temporary folder; ``commit()`` switches it in atomically.

    Layout: the data lives in an immutable version folder ``.claimset/v-<hash>/`` named by its
    content; ``.claimset/current`` points at it, and ``papers.parquet``, ``claims.parquet`` and
    ``datapackage.json`` at the top are links through ``current``. A commit moves ``current`` with one
    rename, so a reader sees the old dataset or the new one, never a mix and never nothing. One
    writer at a time holds ``.claimset/lock``. Use as a context manager: leaving the block with an
    exception (or without ``commit()``) removes the temporary folder and leaves any previous dataset
    untouched.
    """

    def __init__(self, out_dir: str | Path, extractor: str, name: str | None = None, partitioned: bool = False):
        self.out = check_output(out_dir)
        self.partitioned = partitioned  # tables as folders of part files, one per write_part()
        self._parts = 0
        self.extractor = extractor
        self.name = name or Path(out_dir).name or self.out.name
        self.cleaned: list[str] = []
        self._created = not self.out.exists()
        self.state = self.out / STATE_DIR
        try:
            self.state.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise os_error(exc, self.out, "cannot create the dataset folder") from None
        self._lock = Lock(self.state / "lock", self.out)
        try:
            self._lock.acquire()
            self._clean_stale()
            meta = {"claimset.version": __version__, "claimset.extractor": extractor}
            self._pschema, self._cschema = papers_schema(meta), claims_schema(meta)
            self.tmp = Path(tempfile.mkdtemp(prefix=f"tmp-{os.getpid()}-", dir=self.state))
            if partitioned:
                (self.tmp / PAPERS_FILE).mkdir()
                (self.tmp / CLAIMS_FILE).mkdir()
                self._pw = self._cw = None
            else:
                self._pw = pq.ParquetWriter(self.tmp / PAPERS_FILE, self._pschema, compression="zstd")
                self._cw = pq.ParquetWriter(self.tmp / CLAIMS_FILE, self._cschema, compression="zstd")
        except OSError as exc:
            self._release(remove_new=True)
            raise os_error(exc, self.state) from None
        except BaseException:
            self._release(remove_new=True)
            raise
        self.n_papers = 0
        self.per_type: Counter = Counter()

    def _clean_stale(self) -> None:
        """Remove what interrupted runs left (we hold the lock, so no other writer owns any of it)."""
        for p in self.state.glob("tmp-*"):
            shutil.rmtree(p, ignore_errors=True)
            self.cleaned.append(str(p))
        parent = self.out.parent
        for p in list(parent.glob(f"{self.out.name}.tmp-*")) + list(parent.glob(f"{self.out.name}.old-*")):
            if p.is_dir() and _ours_only(p):  # claimset 0.1 left these beside the dataset
                shutil.rmtree(p, ignore_errors=True)
                self.cleaned.append(str(p))

    def write_part(self, papers: pa.Table, claims: pa.Table) -> None:
        """Write one part of a partitioned dataset (``claims.parquet/part-00000.parquet`` ...)."""
        name = f"part-{self._parts:05d}.parquet"
        try:
            pq.write_table(papers.cast(self._pschema), self.tmp / PAPERS_FILE / name, compression="zstd")
            pq.write_table(claims.cast(self._cschema), self.tmp / CLAIMS_FILE / name, compression="zstd")
        except OSError as exc:
            raise os_error(exc, self.tmp) from None
        self._parts += 1
        self.n_papers += papers.num_rows
        self.per_type.update(claims.column("claim_type").to_pylist())

    def write(self, papers: list[Paper] | pa.Table, claims: list[Claim] | pa.Table) -> None:
        """Append papers and their claims (objects, or Arrow tables in the dataset's schemas)."""
        papers = papers if isinstance(papers, pa.Table) else to_table(papers, self._pschema)
        claims = claims if isinstance(claims, pa.Table) else to_table(claims, self._cschema)
        try:
            if papers.num_rows:
                self._pw.write_table(papers.replace_schema_metadata(self._pschema.metadata))
                self.n_papers += papers.num_rows
            if claims.num_rows:
                self._cw.write_table(claims.replace_schema_metadata(self._cschema.metadata))
                self.per_type.update(claims.column("claim_type").to_pylist())
        except OSError as exc:
            raise os_error(exc, self.tmp) from None

    def commit(self, inputs: list[str | Path] = (), sources: list[dict[str, str]] | None = None,
               renames: dict[str, str] | None = None) -> Path:
        """Seal and switch in the dataset. ``renames`` ({paper id as written: final id}) swaps the
        ids of papers whose id another record shared (see ``CorpusReader.id_renames``)."""
        try:
            for w in (self._pw, self._cw):
                if w is not None:
                    w.close()
            if renames:
                self._rename_papers(renames)
            provenance = {
                "extractor": self.extractor,
                # an input already recorded (a dict, from an earlier card) is kept as it was
                "inputs": [p if isinstance(p, dict) else {"path": _cited(p), "sha256": _sha256(Path(p))}
                           for p in inputs if isinstance(p, dict) or Path(p).is_file()],
                "sources": sources or [],
            }
            card = _card(self.name, self.n_papers, self.per_type, provenance)
            (self.tmp / CARD_FILE).write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            readme = _readme(card, self.partitioned)
            version = self._seal()
            with signals_deferred():
                replace_symlink(self.state / CURRENT, version)
                for name in DATA_FILES:
                    replace_symlink(self.out / name, f"{STATE_DIR}/{CURRENT}/{name}")
                fsync_dir(self.out)
                self._done = True
            write_atomic(self.out / README_FILE, readme, force=True)
        except OSError as exc:
            raise os_error(exc, self.out) from None
        self._prune(keep={version, self._previous})
        self._release()
        return self.out

    def _rename_papers(self, renames: dict[str, str]) -> None:
        """Rewrite both tables batch by batch with paper ids renamed (and those claims' ids remade)."""
        from .ids import claim_id

        def papers(t: pa.Table) -> pa.Table:
            ids = [renames.get(i, i) for i in t.column("paper_id").to_pylist()]
            return t.set_column(t.schema.get_field_index("paper_id"), t.schema.field("paper_id"), pa.array(ids, pa.string()))

        def claims(t: pa.Table) -> pa.Table:
            rows = t.select(["claim_id", "paper_id", "claim_type", "start", "end", "number"]).to_pylist()
            pids = [renames.get(r["paper_id"], r["paper_id"]) for r in rows]
            cids = [claim_id(p, r["claim_type"], r["start"], r["end"], r["number"]) if p != r["paper_id"] else r["claim_id"]
                    for p, r in zip(pids, rows)]
            t = t.set_column(t.schema.get_field_index("paper_id"), t.schema.field("paper_id"), pa.array(pids, pa.string()))
            return t.set_column(t.schema.get_field_index("claim_id"), t.schema.field("claim_id"), pa.array(cids, pa.string()))

        for name, fix, schema in ((PAPERS_FILE, papers, self._pschema), (CLAIMS_FILE, claims, self._cschema)):
            src, dst = self.tmp / name, self.tmp / f"{name}.renamed"
            with pq.ParquetWriter(dst, schema, compression="zstd") as w:
                for batch in pq.ParquetFile(src).iter_batches(batch_size=5000):
                    w.write_table(fix(pa.Table.from_batches([batch], schema=schema)))
            os.replace(dst, src)

    def _seal(self) -> str:
        """Make the temporary folder an immutable version named by its content; returns its name."""
        h = hashlib.sha256()
        for name in DATA_FILES:
            target = self.tmp / name
            for f in sorted(target.iterdir()) if target.is_dir() else [target]:
                with f.open("rb") as fh:
                    os.fsync(fh.fileno())
                h.update(f"{name}/{f.name}".encode() + b"\0" + _sha256(f).encode())
        version = f"v-{h.hexdigest()[:16]}"
        current = self.state / CURRENT
        self._previous = os.readlink(current) if current.is_symlink() else None
        final = self.state / version
        if final.is_dir():  # the same content is already there: keep it as it is
            shutil.rmtree(self.tmp, ignore_errors=True)
        else:
            os.chmod(self.tmp, 0o755)
            os.rename(self.tmp, final)
        fsync_dir(self.state)
        return version

    def _prune(self, keep: set[str | None]) -> None:
        """Drop versions other than the new and the previous one (a reader may still hold that)."""
        for p in self.state.glob("v-*"):
            if p.name not in keep and p.is_dir():
                shutil.rmtree(p, ignore_errors=True)

    def _release(self, remove_new: bool = False) -> None:
        if remove_new and self._created:
            shutil.rmtree(self.out, ignore_errors=True)  # we made it, and it holds no dataset
        self._lock.release()

    def abort(self) -> None:
        for w in (getattr(self, "_pw", None), getattr(self, "_cw", None)):
            try:
                if w is not None:
                    w.close()
            except Exception:  # already closed or broken: the folder goes anyway
                pass
        if hasattr(self, "tmp"):
            shutil.rmtree(self.tmp, ignore_errors=True)
        self._release(remove_new=not is_dataset(self.out))

    def __enter__(self) -> "DatasetWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if not getattr(self, "_done", False):
            self.abort()


def to_table(rows: list[Paper] | list[Claim], schema: pa.Schema) -> pa.Table:
    """Papers or claims as an Arrow table of the dataset's explicit schema."""
    # (the names read once: a pyarrow Field's .name builds a new string at each call, ~0.3 us a row and column)
    return pa.Table.from_pydict({name: [getattr(r, name) for r in rows] for name in schema.names}, schema=schema)


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


def version_dir(path: str | Path) -> Path:
    """The folder holding the dataset's current files (its version folder; the top level for 0.1)."""
    path = Path(path)
    current = path / STATE_DIR / CURRENT
    if current.is_symlink():
        return path / STATE_DIR / os.readlink(current)
    return path


def _require(path: Path, name: str) -> Path:
    f = path / name
    if not f.is_file() and not f.is_dir():  # a folder of part files: a partitioned dataset
        if not Path(path).exists():
            raise ClaimsetError("no such dataset folder", path)
        raise ClaimsetError(f"not a claimset dataset (no {name})", path)
    return f


def _read(path: Path, name: str, columns: list[str] | None = None) -> pl.DataFrame:
    import polars as pl  # imported when a dataset is read (writing one does not need it: start-up time)

    f = _require(path, name)
    try:
        df = pl.read_parquet(f / "*.parquet" if f.is_dir() else f)
    except (OSError, pl.exceptions.PolarsError) as exc:
        if isinstance(exc, FileNotFoundError):
            raise
        raise ClaimsetError(f"not a readable Parquet file ({str(exc).splitlines()[0][:120]})", f) from None
    missing = [c for c in (columns or []) if c not in df.columns]
    if missing:
        raise ClaimsetError(f"not a claimset table: missing column(s) {', '.join(missing)}", f)
    fields = PAPER_FIELDS if name == PAPERS_FILE else CLAIM_FIELDS
    # a dataset written by an earlier schema version lacks the columns added since: they read as null
    added = [pl.lit(None, dtype=pl.from_arrow(pa.array([], typ)).dtype).alias(n) for n, typ, _, _ in fields if n not in df.columns]
    return df.with_columns(added) if added else df


def _consistent(path: str | Path, read):
    """Read from one version: re-resolve if a concurrent writer pruned it mid-read."""
    for attempt in range(5):
        vdir = version_dir(path)
        try:
            return read(vdir)
        except (FileNotFoundError, ClaimsetError) as exc:
            if attempt < 4 and version_dir(path) != vdir:
                continue  # a writer switched versions under us: read the new one whole
            if isinstance(exc, FileNotFoundError):
                raise ClaimsetError("dataset files vanished while reading", path) from None
            raise
    raise AssertionError("unreachable")  # pragma: no cover


# Columns every claimset dataset has had since schema 1.0; later columns may be missing (read as null).
REQUIRED_PAPER_COLUMNS = ["paper_id", "title", "abstract"]
REQUIRED_CLAIM_COLUMNS = ["claim_id", "paper_id", "claim_type", "value", "number", "start", "end", "sentence"]


def load_papers(path: str | Path) -> pl.DataFrame:
    """The papers table of a dataset directory."""
    return _consistent(path, lambda v: _read(v, PAPERS_FILE, REQUIRED_PAPER_COLUMNS))


def load_claims(path: str | Path) -> pl.DataFrame:
    """The claims table of a dataset directory."""
    return _consistent(path, lambda v: _read(v, CLAIMS_FILE, REQUIRED_CLAIM_COLUMNS))


def load(path: str | Path) -> pl.DataFrame:
    """Claims joined to their papers (one row per claim) as a polars DataFrame.

    Both tables come from the same version of the dataset, even while another run replaces it.
    """

    def both(v: Path) -> pl.DataFrame:
        claims = _read(v, CLAIMS_FILE, REQUIRED_CLAIM_COLUMNS)
        papers = _read(v, PAPERS_FILE, REQUIRED_PAPER_COLUMNS)
        return claims.join(papers, on="paper_id", how="left")

    return _consistent(path, both)


def load_card(path: str | Path) -> dict[str, Any]:
    def card(v: Path) -> dict[str, Any]:
        f = _require(v, CARD_FILE)
        try:
            return json.loads(f.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise ClaimsetError(f"not a readable card ({exc})", f) from None

    return _consistent(path, card)
