"""Corpus readers: seed text dumps, JSON Lines, JSON, CSV and Parquet, to :class:`Paper` records.

Formats are detected from the file name (then its first bytes) and can be forced. Column names
are auto-detected from common spellings (our own, Epoch AI's, the arXiv metadata snapshot's) and
can be overridden. Every problem with the input raises :class:`ClaimsetError` naming the file and,
where there is one, the line.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ClaimsetError
from .ids import content_digest, paper_id_for_title
from .models import Paper

FORMATS = ("seeds", "jsonl", "json", "csv", "parquet")
_EXTENSIONS = {
    ".txt": "seeds",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}

# Candidate column names, most specific first; matched case-insensitively. A field with several
# candidates takes, row by row, the first non-empty one (Epoch rows without a `Reference` fall
# back to the system's name).
COLUMN_CANDIDATES: dict[str, tuple[str, ...]] = {
    "id": ("id", "paper_id", "arxiv_id"),
    "title": ("title", "reference", "paper_title", "model", "system"),
    "abstract": ("abstract", "summary", "paper_abstract"),
    "date": ("date", "publication date", "publication_date", "published", "update_date"),
    "url": ("url", "link", "pdf_url"),
    "authors": ("authors", "author"),
    "organization": ("organization", "organisation", "affiliation"),
    "categories": ("categories", "category"),
    "doi": ("doi",),
}
# arXiv metadata snapshot fields read when present: the first version's date (not update_date, the
# last change of the record) and the parsed author names.
ARXIV_FIELDS = ("versions", "authors_parsed", "update_date")


@dataclass(frozen=True)
class ColumnMap:
    """User overrides for column names (``None``: auto-detect)."""

    id: str | None = None
    title: str | None = None
    abstract: str | None = None
    date: str | None = None
    url: str | None = None
    authors: str | None = None


@dataclass
class CorpusRead:
    """What reading a corpus gave: the papers, and an account of every record not kept."""

    papers: list[Paper]
    files: list[str]
    n_papers: int = 0
    names: list[str] = field(default_factory=list)
    n_records: int = 0
    n_duplicates: int = 0
    n_id_conflicts: int = 0  # records sharing an id with a different paper (kept, id suffixed)
    skipped: Counter = field(default_factory=Counter)
    failed_files: list[tuple[str, str]] = field(default_factory=list)  # (file, why) not read to the end
    ignored_files: list[str] = field(default_factory=list)  # files in input folders that are not corpus files
    unparsed_dates: int = 0  # papers whose date could not be read as a full date (kept as date_text)


# --------------------------------------------------------------------------------------- dates

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_MONTH_DATE = re.compile(
    r"^(?P<mon>[A-Za-z]{3})[a-z]*\.?\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?(?:\s+(?P<votes>\d+))?$"
)


def parse_date(text: str | None) -> dt.date | None:
    """A full date from ISO (2023-05-01, 2023-05-01T..., 2023-05, 2023) or 'May 1, 2023'; else None.

    A date without a year ('May 3') is not a date: it stays only in ``date_text``.
    """
    if text is None:
        return None
    s = str(text).strip()
    if not s:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$", s)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
        except ValueError:
            return None
    m = _MONTH_DATE.match(s)
    if m and m.group("year") and m.group("mon").lower() in _MONTHS:
        try:
            return dt.date(int(m.group("year")), _MONTHS[m.group("mon").lower()], int(m.group("day")))
        except ValueError:
            return None
    return None


# ------------------------------------------------------------------------------- file helpers


_COMPRESSION = (".gz", ".bz2", ".zst", ".zstd")


def _inner_suffix(path: Path) -> str:
    """The format suffix under any compression suffix ("x.jsonl.gz" -> ".jsonl")."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in _COMPRESSION:
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


class _Progress:
    """Bytes of the input files read so far (compressed bytes for a compressed file), for a progress
    bar whose total is the inputs' size on disk."""

    def __init__(self) -> None:
        self.done_files = 0
        self._raw = None

    @property
    def bytes_read(self) -> int:
        try:
            return self.done_files + (self._raw.tell() if self._raw is not None and not self._raw.closed else 0)
        except (OSError, ValueError):
            return self.done_files

    def opened(self, raw) -> None:
        self._raw = raw

    def finished(self, size: int) -> None:
        self.done_files += size
        self._raw = None


PROGRESS = _Progress()


def _open(path: Path):
    """A binary stream of ``path``, decompressed as its suffix says (.gz, .bz2, .zst)."""
    suffix = path.suffix.lower()
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise ClaimsetError(f"cannot read ({exc.strerror})", path) from None
    PROGRESS.opened(raw)
    if suffix == ".gz":
        import gzip

        return gzip.GzipFile(fileobj=raw, mode="rb")
    if suffix == ".bz2":
        import bz2

        return bz2.BZ2File(raw, "rb")
    if suffix in (".zst", ".zstd"):
        try:
            import zstandard
        except ImportError:
            raise ClaimsetError("reading .zst needs the zstandard package (pip install zstandard)", path) from None
        return zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True)
    return raw


def _binary_lines(stream):
    """Lines of a binary stream (zstandard's reader has no line iteration)."""
    if hasattr(stream, "readline") and not type(stream).__module__.startswith("zstandard"):
        yield from stream
        return

    yield from io.BufferedReader(stream)


def _decode_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text) for each line, decoding UTF-8 strictly, one line at a time (streamed,
    decompressed on the fly)."""
    with _open(path) as fh:
        try:
            for lineno, raw in enumerate(_binary_lines(fh), start=1):
                if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                try:
                    yield lineno, raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise ClaimsetError(
                        f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})", path, lineno
                    ) from None
        except (OSError, EOFError) as exc:  # a truncated or corrupt compressed file
            raise ClaimsetError(f"cannot read ({exc})", path) from None


def _read_text(path: Path) -> str:
    with _open(path) as fh:
        try:
            data = fh.read()
        except (OSError, EOFError) as exc:
            raise ClaimsetError(f"cannot read ({exc})", path) from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ClaimsetError(f"not UTF-8 text (byte 0x{data[exc.start]:02x})", path, line) from None


def detect_format(path: Path) -> str:
    """The format of a file, from its extension (under any compression suffix), else from its first
    bytes. A ``.json`` file holding one JSON object per line (the arXiv metadata snapshot) is JSON Lines."""
    fmt = _EXTENSIONS.get(_inner_suffix(path))
    if fmt not in (None, "json"):
        return fmt
    with _open(path) as fh:
        head = fh.read(1 << 16)
    if head.startswith(b"PAR1"):
        return "parquet"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"["):
        return "json"
    if stripped.startswith(b"{"):
        return "jsonl" if _one_object_per_line(stripped) else "json"
    return fmt or "seeds"


def _one_object_per_line(head: bytes) -> bool:
    """Does the text open with a whole JSON object on its first line, followed by another line?"""
    first, _, rest = head.partition(b"\n")
    try:
        obj = json.loads(first)
    except ValueError:
        return False
    return isinstance(obj, dict) and (bool(rest.strip()) or any(k.lower() in ("abstract", "title") for k in obj))


def _expand(inputs: Iterable[str | Path], ignored: list[str] | None = None) -> list[tuple[Path, str]]:
    """Files to read, each with the name it is cited by in ``source``: relative to the folder the
    input was given in ("corpus/sub/000_x.txt"), so sources do not depend on the working directory.
    Folders are read with their subfolders (hidden ones left out); other files found there are
    listed in ``ignored``."""
    paths: list[tuple[Path, str]] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            files = sorted(q for q in p.rglob("*") if q.is_file()
                           and not any(part.startswith(".") for part in q.relative_to(p).parts))
            found = [q for q in files if _inner_suffix(q) in _EXTENSIONS]
            if not found:
                raise ClaimsetError("folder holds no corpus files (.txt .jsonl .json .csv .parquet)", p)
            base = p.resolve().name
            paths.extend((q, f"{base}/{q.relative_to(p).as_posix()}") for q in found)
            if ignored is not None:
                ignored.extend(f"{base}/{q.relative_to(p).as_posix()}" for q in files if q not in set(found))
        elif p.is_file():
            paths.append((p, p.name))
        else:
            raise ClaimsetError("no such file or folder", p)
    return paths


# ------------------------------------------------------------------------------ seed text dumps

# Boilerplate of the listing pages the dumps were copied from.
_SEED_BOILERPLATE = {
    "new",
    "get trending papers in your email inbox!",
    "subscribe",
    "daily papers",
    "byak and the research community",
}
_AUTHORS_LINE = re.compile(r"^[•·*\-]?\s*(\d+)\s+authors?$")
_DOT_LINE = re.compile(r"^[·•]$")
_MIN_ABSTRACT = 80  # characters; a "title" line must be followed by something abstract-sized


def _seed_meta(line: str) -> tuple[str, Any] | None:
    if _DOT_LINE.match(line):
        return ("sep", None)
    m = _AUTHORS_LINE.match(line)
    if m:
        return ("n_authors", int(m.group(1)))
    m = _MONTH_DATE.match(line)
    if m and m.group("mon").lower() in _MONTHS:
        return ("date", line if m.group("votes") is None else line[: m.start("votes")].strip())
    return None


def _opens_paper(lines: list[tuple[int, str]], i: int) -> bool:
    """Line ``i`` is a title: the next line is longer, long enough for an abstract, and no metadata."""
    nxt = lines[i + 1][1] if i + 1 < len(lines) else ""
    return bool(nxt) and _seed_meta(nxt) is None and len(nxt) >= _MIN_ABSTRACT and len(nxt) > len(lines[i][1])


def read_seed_text(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Records of a seed dump: a title line, then its abstract line; metadata lines below belong to
    the paper above (author count, date, organisation); listing boilerplate is skipped."""
    lines = [(n, t.strip()) for n, t in _decode_lines(path)]
    lines = [(n, t) for n, t in lines if t]
    if not lines:
        raise ClaimsetError("empty file", path)
    current: dict[str, Any] | None = None
    current_line = 0
    i = 0
    while i < len(lines):
        lineno, text = lines[i]
        meta = _seed_meta(text)
        if meta is not None:
            if current is not None and meta[0] != "sep":
                current.setdefault(meta[0], meta[1])
            i += 1
            continue
        if text.lower() in _SEED_BOILERPLATE:
            i += 1
            continue
        if _opens_paper(lines, i):
            if current is not None:
                yield current_line, current
            current = {"title": text, "abstract": lines[i + 1][1]}
            current_line = lineno
            i += 2
            continue
        # Any other short line after an abstract is the paper's organisation (e.g. "openbmb OpenBMB").
        if current is not None and len(text) < _MIN_ABSTRACT:
            current.setdefault("organization", text)
            i += 1
            continue
        raise ClaimsetError(f"cannot tell a title and abstract here: {text[:60]!r}", path, lineno)
    if current is None:
        raise ClaimsetError("no title/abstract pairs found (is this a seed text dump?)", path)
    yield current_line, current


# ---------------------------------------------------------------------------- tabular readers


def _resolve_columns(available: list[str], overrides: ColumnMap, path: Path) -> dict[str, list[str]]:
    """Map our fields to the input's columns: overrides first, then candidates, case-insensitively."""
    by_lower = {c.lower().strip(): c for c in available}
    out: dict[str, list[str]] = {}
    for key, candidates in COLUMN_CANDIDATES.items():
        forced = getattr(overrides, key, None)
        if forced is not None:
            if forced not in available and forced.lower() not in by_lower:
                raise ClaimsetError(f"no column {forced!r} (columns: {', '.join(available)})", path)
            out[key] = [by_lower.get(forced.lower(), forced)]
            continue
        out[key] = [by_lower[c] for c in candidates if c in by_lower]
    for needed in ("abstract", "title"):
        if not out[needed]:
            flag = f"--{needed}-col"
            raise ClaimsetError(
                f"no {needed} column (looked for {', '.join(COLUMN_CANDIDATES[needed])}; "
                f"columns are: {', '.join(available)}); name it with {flag}",
                path,
            )
    return out


def _pick(record: dict[str, Any], names: list[str]) -> Any:
    for name in names:
        value = record.get(name)
        if value is None:
            continue
        if isinstance(value, str) and not value.strip():
            continue
        return value
    return None


def _map_record(record: dict[str, Any], cols: dict[str, list[str]]) -> dict[str, Any]:
    out = {key: _pick(record, names) for key, names in cols.items()}
    if "versions" in record or "authors_parsed" in record:
        out.update(_arxiv_fields(record))
    return out


def _arxiv_fields(record: dict[str, Any]) -> dict[str, Any]:
    """The arXiv snapshot's first-version date, update date, parsed authors and arXiv id."""
    out: dict[str, Any] = {}
    first = _first_version_date(record.get("versions"))
    if first is not None:
        out["date"] = first
    if record.get("update_date"):
        out["update_date"] = record["update_date"]
    parsed = record.get("authors_parsed")
    if isinstance(parsed, list) and parsed:
        out["authors"] = _parsed_authors(parsed)
    if isinstance(record.get("id"), str):
        out["arxiv_id"] = record["id"]
    return out


def _first_version_date(versions: Any) -> dt.date | None:
    """The date of an arXiv record's first version ("v1"): when the paper appeared."""
    if isinstance(versions, list) and versions and isinstance(versions[0], dict):
        return _rfc2822_date(versions[0].get("created"))
    return None


def _parsed_authors(parsed: list) -> list[str] | None:
    """Names from arXiv's ``authors_parsed`` ([last, first, suffix] each): "first last suffix"."""
    names = [" ".join(x for x in (p[1] if len(p) > 1 else "", p[0], p[2] if len(p) > 2 else "") if x).strip()
             for p in parsed if isinstance(p, list) and p]
    return [n for n in names if n] or None


def _rfc2822_date(text: Any) -> dt.date | None:
    """"Mon, 2 Apr 2007 19:18:42 GMT" (arXiv version dates) -> 2007-04-02."""
    if not isinstance(text, str):
        return None
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError):
        return None


class _Columns:
    """Column resolution per distinct set of keys (JSON records need not share their keys)."""

    def __init__(self, overrides: ColumnMap, path: Path):
        self.overrides, self.path = overrides, path
        self._cache: dict[tuple[str, ...], dict[str, list[str]] | ClaimsetError] = {}
        self.error: ClaimsetError | None = None

    def of(self, keys: list[str]) -> dict[str, list[str]] | None:
        key = tuple(keys)
        if key not in self._cache:
            try:
                self._cache[key] = _resolve_columns(keys, self.overrides, self.path)
            except ClaimsetError as exc:
                self._cache[key] = exc
        got = self._cache[key]
        if isinstance(got, ClaimsetError):
            self.error = self.error or got
            return None
        return got


def _loads(text: str, path: Path, lineno: int) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ClaimsetError(f"malformed JSON ({exc.msg} at column {exc.colno})", path, lineno) from None
    except RecursionError:
        raise ClaimsetError("malformed JSON (nested too deeply)", path, lineno) from None


def read_jsonl(path: Path, overrides: ColumnMap) -> Iterator[tuple[int, dict[str, Any]]]:
    """Records of a JSON Lines file. Columns are found per record: records need not share keys. A
    record without a title or abstract field is a counted skip; a file where none has them is an error."""
    cols = _Columns(overrides, path)
    seen_any = kept = False
    for lineno, text in _decode_lines(path):
        if not text.strip():
            continue
        seen_any = True
        record = _loads(text, path, lineno)
        if not isinstance(record, dict):
            raise ClaimsetError(f"expected a JSON object, found {type(record).__name__}", path, lineno)
        mapping = cols.of(list(record.keys()))
        if mapping is None:
            yield lineno, {}
            continue
        kept = True
        yield lineno, _map_record(record, mapping)
    if not seen_any:
        raise ClaimsetError("empty file", path)
    if not kept and cols.error is not None:
        raise cols.error


def read_json(path: Path, overrides: ColumnMap) -> Iterator[tuple[int, dict[str, Any]]]:
    text = _read_text(path)
    if not text.strip():
        raise ClaimsetError("empty file", path)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ClaimsetError(f"malformed JSON ({exc.msg})", path, exc.lineno) from None
    except RecursionError:
        raise ClaimsetError("malformed JSON (nested too deeply)", path) from None
    doc = _record_list(doc, path)
    keys: list[str] = []
    for rec in doc:
        if isinstance(rec, dict):
            keys.extend(k for k in rec if k not in keys)
    cols = _resolve_columns(keys, overrides, path)
    for i, rec in enumerate(doc, start=1):
        if not isinstance(rec, dict):
            raise ClaimsetError(f"record {i} is not a JSON object", path)
        yield i, _map_record(rec, cols)


def _record_list(doc: Any, path: Path) -> list:
    """The records of a JSON document: a list, or the one list an object holds."""
    if isinstance(doc, dict):
        lists = [v for v in doc.values() if isinstance(v, list)]
        if len(lists) != 1:
            raise ClaimsetError("expected a list of records, or an object holding one list of them", path)
        doc = lists[0]
    if not isinstance(doc, list) or not doc:
        raise ClaimsetError("expected a non-empty list of records", path)
    return doc


_CSV_FIELD_LIMIT = 16 << 20  # characters: no abstract is this long; a runaway quoted field is


def read_csv(path: Path, overrides: ColumnMap) -> Iterator[tuple[int, dict[str, Any]]]:
    """Records of a CSV/TSV file, streamed (memory does not grow with the file). A quote left open
    is an error naming the line where its record starts."""
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    lines = (text for _, text in _decode_lines(path))  # strict UTF-8, line by line: errors name their line
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    start_line = 1
    try:
        header = next(reader, None)
        if header is None:
            raise ClaimsetError("empty file", path)
        cols = _resolve_columns([h for h in header if h], overrides, path)
        start_line = reader.line_num + 1
        for row in reader:
            if row:
                yield start_line, _map_record(dict(zip(header, row)), cols)
            start_line = reader.line_num + 1
    except csv.Error as exc:
        msg = str(exc)
        if "unexpected end of data" in msg:
            msg = "a quoted field is never closed (unterminated quote)"
        elif "field larger than field limit" in msg:
            msg = f"a field longer than {_CSV_FIELD_LIMIT >> 20} MB: an unterminated quote?"
        raise ClaimsetError(f"malformed CSV ({msg})", path, start_line) from None


def read_parquet(path: Path, overrides: ColumnMap) -> Iterator[tuple[int, dict[str, Any]]]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a bad file
        raise ClaimsetError(f"not a readable Parquet file ({exc})", path) from None
    names = pf.schema_arrow.names
    cols = _resolve_columns(names, overrides, path)
    wanted = sorted({c for cs in cols.values() for c in cs})
    row = 0
    for batch in pf.iter_batches(columns=wanted, batch_size=10_000):
        for rec in batch.to_pylist():
            row += 1
            yield row, _map_record(rec, cols)
    if row == 0:
        raise ClaimsetError("empty file (no rows)", path)


# --------------------------------------------------------------------------------- assembling


_NAME_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "le", "la", "del", "della", "dos", "das",
                   "bin", "ibn", "al", "el", "ter", "zu", "y", "e"}


def _is_name(name: str) -> bool:
    """A person's or an organisation's name, not prose: at most 6 words, no sentence punctuation,
    no lower-case word but a name particle ("van", "de", ...)."""
    words = name.split()
    if not words or len(words) > 6 or re.search(r"[!?:;•–()\[\]]|\d|https?:|\s{2}", name):
        return False
    return all(not w[0].islower() or w.lower() in _NAME_PARTICLES for w in words if w[0].isalpha())


def _authors(value: Any) -> list[str] | None:
    """Author names from a list or a cell ("A, B and C"; "A; B"). A cell that is prose ("The paper
    was written by the team at ...") is not an author list: None."""
    if value is None:
        return None
    if isinstance(value, list):
        names = [str(v).strip() for v in value if str(v).strip()]
    else:
        s = str(value).replace("\n", " ")
        names = [n.strip() for n in re.split(r",\s*|\s+and\s+|;\s*", s) if n.strip()]
    names = [re.sub(r"\s+et al\b.*$", "", n) for n in names if n.lower() not in ("et al", "et al.", "others")]
    if not names or not all(_is_name(n) for n in names):
        return None
    return names


_ARXIV_ID = re.compile(r"\d{4}\.\d{4,5}(v\d+)?|[a-z\-]+(\.[A-Z]{2})?/\d{7}(v\d+)?")


def _url(value: Any, record_id: str | None) -> str | None:
    if value:
        return str(value).strip()
    if record_id and _ARXIV_ID.fullmatch(record_id):
        return f"https://arxiv.org/abs/{record_id}"
    return None


def _text(value: Any, name: str) -> str:
    """A text field, or :class:`_Skip` naming the reason: a number, list, dict, bool or bytes is
    never turned into text (claims would be read from its Python spelling)."""
    if value is None:
        raise _Skip(f"no {name}")
    if not isinstance(value, str):
        raise _Skip(f"{name} is not text ({type(value).__name__})")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _Skip(f"{name} is not valid Unicode (lone surrogate)") from None
    if "\x00" in value:
        raise _Skip(f"{name} holds NUL characters")
    return value


class _Skip(Exception):
    """A record that is counted and left out, with the reason."""


def _to_paper(rec: dict[str, Any], source: str) -> Paper:
    title = " ".join(_text(rec.get("title"), "title").split())
    abstract = _text(rec.get("abstract"), "abstract").strip()
    if not title:
        raise _Skip("no title")
    if not abstract:
        raise _Skip("no abstract")
    raw_id = rec.get("id")
    record_id = str(raw_id).strip() if raw_id is not None and str(raw_id).strip() else None
    date, date_text = _record_date(rec.get("date"))
    authors = _authors(rec.get("authors"))
    n_authors = rec.get("n_authors")
    return Paper(
        paper_id=record_id or paper_id_for_title(title),
        title=title,
        abstract=abstract,
        date=date,
        date_text=date_text,
        url=_url(rec.get("url"), record_id),
        authors=authors,
        n_authors=n_authors if n_authors is not None else (len(authors) if authors else None),
        organization=_field_text(rec, "organization"),
        source=source,
        update_date=parse_date(str(rec["update_date"])) if rec.get("update_date") else None,
        categories=_field_text(rec, "categories", squeeze=True),
        doi=_field_text(rec, "doi"),
        arxiv_id=rec.get("arxiv_id") or (record_id if record_id and _ARXIV_ID.fullmatch(record_id) else None),
    )


def _record_date(value: Any) -> tuple[dt.date | None, str | None]:
    """A record's date (a date, a datetime or text to parse) and the text it was given as."""
    if isinstance(value, dt.datetime):
        value = value.date()
    text = None if value is None else str(value)
    return (value if isinstance(value, dt.date) else parse_date(text)), text


def _field_text(rec: dict[str, Any], key: str, squeeze: bool = False) -> str | None:
    """A metadata field as text, stripped (``squeeze``: its inner white space too); None when empty."""
    value = rec.get(key)
    if not value:
        return None
    return (" ".join(str(value).split()) if squeeze else str(value).strip()) or None


def _records(path: Path, fmt: str, overrides: ColumnMap) -> Iterator[tuple[int, dict[str, Any]]]:
    if path.stat().st_size == 0:
        raise ClaimsetError("empty file", path)
    if fmt == "seeds":
        return read_seed_text(path)
    if fmt == "jsonl":
        return read_jsonl(path, overrides)
    if fmt == "json":
        return read_json(path, overrides)
    if fmt == "csv":
        return read_csv(path, overrides)
    if fmt == "parquet":
        return read_parquet(path, overrides)
    raise ClaimsetError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})", path)


class CorpusReader:
    """Streams papers from files or folders, de-duplicating as it goes.

    Iterating yields ``(paper, None)`` for a new paper, and ``(paper, first_id)`` for a repeat
    listing (same title and abstract) of the paper first seen as ``first_id``, so a caller still
    holding that paper can fill its missing metadata. Only a 20-byte digest per paper is kept, so
    memory does not grow with the abstracts read. ``stats`` counts records, repeats and skips.
    """

    def __init__(self, inputs: Iterable[str | Path], format: str | None = None, columns: ColumnMap | None = None,
                 categories: Iterable[str] | None = None, strict: bool = True):
        self.overrides = columns or ColumnMap()
        self._format = format
        self.strict = strict  # False: a file that cannot be read is reported and the others are read
        self.categories = [c.strip() for c in categories or () if c.strip()]
        ignored: list[str] = []
        self.paths = _expand(inputs, ignored)
        self.total_bytes = sum(p.stat().st_size for p, _ in self.paths)
        if not self.paths:
            raise ClaimsetError("no input given")
        self.stats = CorpusRead(papers=[], files=[str(p) for p, _ in self.paths], names=[n for _, n in self.paths],
                                ignored_files=ignored)
        self._variants: dict[str, tuple[bytes, bytes]] = {}  # id -> (first holder's digest, lowest digest)
        self._suffixed: dict[tuple[str, bytes], str] = {}

    def __iter__(self) -> Iterator[tuple[Paper, str | None]]:
        seen: dict[bytes, str] = {}
        ids: dict[str, bytes] = {}  # paper id -> content digest of the paper holding it
        stats = self.stats
        PROGRESS.done_files = 0
        for path, cited in self.paths:
            try:
                yield from self._file(path, cited, seen, ids)
            except ClaimsetError as exc:
                if self.strict or len(self.paths) == 1:
                    raise
                stats.failed_files.append((cited, str(exc).replace(f"{path}: ", "").replace(str(path), "").strip(": ")))
            PROGRESS.finished(path.stat().st_size)
        if not seen:
            raise ClaimsetError("no papers with both a title and an abstract", self.paths[0][0])

    def _file(self, path: Path, cited: str, seen: dict[bytes, str], ids: dict[str, bytes]) -> Iterator[tuple[Paper, str | None]]:
        stats = self.stats
        fmt = self._format or detect_format(path)
        for lineno, rec in _records(path, fmt, self.overrides):
            stats.n_records += 1
            try:
                paper = _to_paper(rec, f"{cited}:{lineno}")
                self._check_category(paper)
            except _Skip as why:
                stats.skipped[str(why)] += 1
                continue
            key = content_digest(paper.title, paper.abstract)
            if key in seen:
                stats.n_duplicates += 1
                yield paper, seen[key]
                continue
            if paper.paper_id in ids:
                paper = paper.model_copy(update={"paper_id": self._conflict(paper.paper_id, ids, key)})
            else:
                ids[paper.paper_id] = key
            seen[key] = paper.paper_id
            stats.unparsed_dates += paper.date is None and paper.date_text is not None
            yield paper, None

    @property
    def bytes_read(self) -> int:
        """Bytes of the inputs read so far (of ``total_bytes``)."""
        return PROGRESS.bytes_read

    def _check_category(self, paper: Paper) -> None:
        """Skip a paper outside ``categories`` ("cs.LG" or a whole archive, "cs")."""
        if not self.categories:
            return
        have = (paper.categories or "").split()
        if not any(h == c or h.startswith(c + ".") for h in have for c in self.categories):
            raise _Skip("not in the --category list")

    def _conflict(self, base: str, ids: dict[str, bytes], key: bytes) -> str:
        """Same id, different text: both are kept. The variant with the smallest content digest
        holds the plain id and every other one ``id-<8 hex of its digest>``, whatever the input
        order. The first record was already handed out with the plain id, so where a later one wins,
        :meth:`id_renames` says which two ids to swap once the run is over."""
        self.stats.n_id_conflicts += 1
        if base not in self._variants:  # reserve the id the first holder may move to
            ids.setdefault(f"{base}-{ids[base].hex()[:8]}", ids[base])
        first, low = self._variants.get(base, (ids[base], ids[base]))
        self._variants[base] = (first, min(low, key))
        mine = f"{base}-{key.hex()[:8]}"
        n = 8
        while mine in ids:  # a prefix clash (or an input id spelled the same): lengthen it
            n += 4
            mine = f"{base}-{key.hex()[:n]}"
        ids[mine] = key
        self._suffixed[(base, key)] = mine
        return mine

    def id_renames(self) -> dict[str, str]:
        """``{id as written: final id}`` for the ids to swap after the run (usually empty)."""
        out: dict[str, str] = {}
        for base, (first, low) in self._variants.items():
            if low != first:
                out[base] = f"{base}-{first.hex()[:8]}"
                out[self._suffixed[(base, low)]] = base
        return out


def merge_metadata(first: Paper, repeat: Paper) -> Paper:
    """``first`` with the fields it lacks taken from a repeat listing of the same paper."""
    fill = {k: v for k, v in repeat.model_dump().items() if getattr(first, k) is None and v is not None}
    return first.model_copy(update=fill) if fill else first


def read_corpus(
    inputs: Iterable[str | Path],
    format: str | None = None,
    columns: ColumnMap | None = None,
) -> CorpusRead:
    """Read all papers into memory; a paper listed twice (same title and abstract) is kept once,
    its missing metadata filled from the later listing."""
    reader = CorpusReader(inputs, format=format, columns=columns)
    papers: dict[str, Paper] = {}
    for paper, first in reader:
        if first is None:
            papers[paper.paper_id] = paper
        else:
            papers[first] = merge_metadata(papers[first], paper)
    result = reader.stats
    renames = reader.id_renames()
    result.papers = [p.model_copy(update={"paper_id": renames[p.paper_id]}) if p.paper_id in renames else p
                     for p in papers.values()]
    result.n_papers = len(result.papers)
    return result
