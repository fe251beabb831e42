"""Citing claims: verbatim quotes with the number marked, BibTeX, CSL-JSON, review tables.

Citation keys are stable: derived only from the paper's first author, year, first significant
title word and ``paper_id`` (``vaswani2017attention_204e``), so re-extraction never changes them.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
import sys
import types
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import polars as pl

from .errors import ClaimsetError
from .query import filter_claims, format_value
from .store import load

FORMATS = ("markdown", "bibtex", "csl-json", "text")
EXPORT_FORMATS = ("md", "csv", "latex", "json", "jsonl")
_TITLE_STOP = {"a", "an", "the", "on", "of", "in", "for", "to", "and", "with", "towards", "toward", "is", "are",
               "can", "do", "does", "how", "what", "when", "why", "via", "from", "by", "at", "as", "not", "all", "we"}
_ARXIV = re.compile(r"arxiv\.org/(?:abs|pdf)/([\w.\-/]+?)(?:v\d+)?(?:\.pdf)?$|^(\d{4}\.\d{4,5})(?:v\d+)?$")


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _year(paper: dict) -> int | None:
    if paper.get("date") is not None:
        return paper["date"].year
    m = re.search(r"\b(19|20)\d{2}\b", paper.get("date_text") or "")
    return int(m.group(0)) if m else None


def _split_name(name: str) -> tuple[str, str]:
    """(family, given) from 'Given Family' or 'Family, Given'."""
    name = name.strip()
    if "," in name:
        family, given = name.split(",", 1)
        return family.strip(), given.strip()
    parts = name.split()
    if len(parts) == 1:
        return parts[0], ""
    particles = {"van", "von", "de", "der", "da", "di", "le", "la", "del"}
    i = len(parts) - 1
    while i > 1 and parts[i - 1].lower() in particles:
        i -= 1
    return " ".join(parts[i:]), " ".join(parts[:i])


_CORPORATE = re.compile(r"\b(team|lab|labs|inc|ltd|llc|corp|corporation|company|group|consortium|project|"
                        r"institute|university|collaboration|foundation|research|ai|deepmind|openai|google|meta|"
                        r"microsoft|nvidia|anthropic|alibaba|tencent|baidu|deepseek)\b", re.I)


def is_corporate(name: str) -> bool:
    """An organisation as author ("Gemini Team", "OpenAI", "Qwen Team"), not a person."""
    return bool(_CORPORATE.search(name)) or len(name.split()) == 1


def _family(name: str) -> str:
    if is_corporate(name):
        return name
    return _split_name(name)[0]


_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9._:/-]")


def citation_key(paper: dict) -> str:
    """A BibTeX key that is the same for one paper in every dataset: ``arXiv:2401.01234`` where the
    arXiv id is known, else ``doi:10.…`` where the DOI is, else first author's family name, year,
    first significant title word and 4 hex digits of the title's digest (``lovelace2024paged_3f2a``)."""
    ax = paper.get("arxiv_id") or arxiv_id(paper)
    if ax:
        return "arXiv:" + re.sub(r"v\d+$", "", ax)
    if paper.get("doi"):
        return "doi:" + _KEY_UNSAFE.sub("", paper["doi"].strip().lower().removeprefix("https://doi.org/"))
    authors = paper.get("authors") or []
    family = re.sub(r"[^a-z]", "", _ascii(_family(authors[0])).lower()) if authors else ""
    words = [w for w in re.findall(r"[a-z0-9]+", _ascii(paper["title"]).lower()) if w not in _TITLE_STOP]
    word = words[0] if words else "paper"
    year = _year(paper)
    import hashlib

    digest = hashlib.sha1(" ".join(paper["title"].lower().split()).encode("utf-8")).hexdigest()[:4]
    return f"{family}{year or ''}{word}_{digest}"


def arxiv_id(paper: dict) -> str | None:
    for candidate in (paper.get("url") or "", paper.get("paper_id") or ""):
        m = _ARXIV.search(candidate)
        if m:
            return m.group(1) or m.group(2)
    return None


def _bib_escape(text: str) -> str:
    text = re.sub(r"(?<!\\)([&%$#_])", r"\\\1", text)
    # Keep braces balanced: drop unmatched ones rather than emit a broken entry.
    depth, out = 0, []
    for ch in text:
        if ch == "{":
            depth += 1
        elif ch == "}":
            if depth == 0:
                continue
            depth -= 1
        out.append(ch)
    return "".join(out) + "}" * depth


def bibtex_entry(paper: dict, tex_safe: Counter | None = None) -> str:
    """One BibTeX entry (``@misc``, with arXiv fields where the paper is on arXiv). With
    ``tex_safe`` (a counter of dropped characters) titles and names are written as pdflatex sets
    them (see :mod:`claimset.latex`)."""
    if tex_safe is not None:
        from .latex import latex_text

        def clean(text: str) -> str:
            return latex_text(text, tex_safe)
    else:
        clean = _bib_escape
    fields: list[tuple[str, str]] = [("title", "{" + clean(paper["title"]) + "}")]
    if paper.get("authors"):  # an organisation is braced, so BibTeX does not read "Team" as a surname
        fields.append(("author", " and ".join("{" + clean(a) + "}" if is_corporate(a) else clean(a)
                                              for a in paper["authors"])))
    year = _year(paper)
    if year:
        fields.append(("year", str(year)))
    if paper.get("date") is not None:
        fields.append(("month", paper["date"].strftime("%b").lower()))
    ax = arxiv_id(paper)
    if ax:
        fields += [("eprint", ax), ("archiveprefix", "arXiv")]
    if paper.get("url"):
        fields.append(("url", paper["url"]))
    fields.append(("note", f"claimset paper {_bib_escape(paper['paper_id'])}"))
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
    return f"@misc{{{citation_key(paper)},\n{body}\n}}\n"


def csl_item(paper: dict, claim: dict | None = None) -> dict[str, Any]:
    """A CSL-JSON item (what Zotero and pandoc/citeproc read)."""
    item: dict[str, Any] = {"id": citation_key(paper), "type": "article", "title": paper["title"]}
    if paper.get("authors"):
        authors = []
        for a in paper["authors"]:
            family, given = _split_name(a)
            authors.append({"family": family, "given": given} if given else {"literal": family})
        item["author"] = authors
    if paper.get("date") is not None:
        d = paper["date"]
        item["issued"] = {"date-parts": [[d.year, d.month, d.day]]}
    elif _year(paper):
        item["issued"] = {"date-parts": [[_year(paper)]]}
    if paper.get("url"):
        item["URL"] = paper["url"]
    ax = arxiv_id(paper)
    if ax:
        item["publisher"] = "arXiv"
        item["number"] = ax
    if claim is not None:
        item["note"] = f"claimset claim {claim['claim_id']}: \u201c{claim['sentence']}\u201d"
    return item


def _sentence_offset(row: dict) -> int:
    """Where the number sits inside its sentence."""
    abstract, sentence, start = row["abstract"], row["sentence"], row["start"]
    pos = abstract.find(sentence)
    while pos != -1 and not (pos <= start < pos + len(sentence)):
        pos = abstract.find(sentence, pos + 1)
    return start - pos if pos != -1 else max(0, sentence.find(row["number"]))


def _byline(row: dict) -> str:
    parts = [f"\u201c{row['title']}\u201d"]
    authors = row.get("authors") or []
    if authors:
        parts.append(", ".join(authors[:3]) + (" et al." if len(authors) > 3 else ""))
    if row.get("date") is not None:
        parts.append(row["date"].isoformat())
    elif row.get("date_text"):
        parts.append(row["date_text"])
    if row.get("url"):
        parts.append(row["url"])
    return ". ".join(parts)


def _claim_line(row: dict) -> str:
    bits = [f"{row['claim_type']} {format_value(row)}"]
    for f in ("subject", "baseline", "benchmark", "metric"):
        if row.get(f):
            bits.append(f"{f}: {row[f]}")
    return "; ".join(bits)


def _one_line(text: str) -> str:
    """Line breaks kept from the abstract shown as spaces (same length: offsets still hold)."""
    return text.replace("\r\n", " \n").replace("\r", " ").replace("\n", " ")


def cite_markdown(row: dict) -> str:
    off = _sentence_offset(row)
    s, n = _one_line(row["sentence"]), _one_line(row["number"])
    marked = s[:off] + "**" + n + "**" + s[off + len(n):]
    return (
        f"> {s}\n\n"
        f"Number marked: {marked}\n\n"
        f"\u2014 {_byline(row)} [@{citation_key(row)}]. Claim `{row['claim_id']}`: {_claim_line(row)}.\n"
    )


def cite_text(row: dict) -> str:
    off = _sentence_offset(row)
    caret = " " * (off + 1) + "^" * len(row["number"])
    return (
        f"\"{_one_line(row['sentence'])}\"\n{caret}\n"
        f"{_byline(row)}\n"
        f"claim {row['claim_id']}: {_claim_line(row)}\n"
    )


def get_claims(dataset: str | Path | pl.DataFrame, claim_ids: list[str]) -> list[dict]:
    """Rows (claim joined to paper) for these ids, in the order given. A unique prefix of an id is
    enough ("c0cd72"); an unknown or ambiguous one raises an error listing the nearest known ids."""
    df = dataset if isinstance(dataset, pl.DataFrame) else load(dataset)
    known = df["claim_id"].to_list()
    full = [_resolve_id(c, known) for c in claim_ids]
    by_id = {r["claim_id"]: r for r in df.filter(pl.col("claim_id").is_in(full)).iter_rows(named=True)}
    return [by_id[c] for c in full]


def _resolve_id(given: str, known: list[str]) -> str:
    given = given.strip()
    if given in known:
        return given
    matches = [k for k in known if k.startswith(given)] if len(given) >= 4 else []
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise ClaimsetError(f"claim id prefix {given!r} is ambiguous: {', '.join(sorted(matches)[:5])}")
    near = difflib.get_close_matches(given, known, n=5, cutoff=0.5) or sorted(
        known, key=lambda k: -len(_common_prefix(k, given)))[:3]
    hint = f"; nearest: {', '.join(near)}" if near else ""
    raise ClaimsetError(f"unknown claim id {given!r}{hint}")


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def cite(dataset: str | Path | pl.DataFrame, claim_ids: list[str], format: str = "markdown") -> str:
    """Citations of claims in one of ``markdown``, ``bibtex``, ``csl-json``, ``text``."""
    if format not in FORMATS:
        raise ClaimsetError(f"unknown format {format!r} (one of: {', '.join(FORMATS)})")
    rows = get_claims(dataset, claim_ids)
    if format == "markdown":
        return "\n".join(cite_markdown(r) for r in rows)
    if format == "text":
        return "\n".join(cite_text(r) for r in rows)
    if format == "bibtex":
        seen: dict[str, str] = {}
        for r in rows:
            seen.setdefault(citation_key(r), bibtex_entry(r))
        return "\n".join(seen.values())
    items: dict[str, dict] = {}
    for r in rows:
        items.setdefault(citation_key(r), csl_item(r, r if len(rows) == 1 else None))
    return json.dumps(list(items.values()), indent=2, ensure_ascii=False) + "\n"


EXPORT_COLUMNS = ("subject", "value", "baseline", "benchmark", "metric", "claim_type", "claim_id", "cite")

# The columns of the machine-readable exports (csv, json, jsonl): typed values, the full sentence,
# and what a reviewer needs to cite the claim.
DATA_COLUMNS = ("claim_id", "claim_type", "value", "value_max", "unit", "qualifier", "confidence", "number",
                "sentence", "subject", "baseline", "benchmark", "metric", "paper_id", "title", "year", "url",
                "cite_key")


def data_rows(df: pl.DataFrame) -> list[dict[str, Any]]:
    """One dict per claim with the :data:`DATA_COLUMNS`: numbers stay numbers (``value`` 2.26, not
    "2.26x"), the sentence is whole, and ``cite_key`` is the BibTeX key of its paper."""
    return [{**{c: r.get(c) for c in DATA_COLUMNS if c not in ("year", "cite_key")},
             "year": _year(r), "cite_key": citation_key(r)} for r in df.iter_rows(named=True)]


def render_data(rows: list[dict[str, Any]], format: str) -> str:
    """Rows as CSV (a header, one line per claim), a JSON list, or JSON Lines."""
    if format == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if format == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(DATA_COLUMNS), lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def export_table(
    dataset: str | Path | pl.DataFrame,
    types: list[str] | None = None,
    format: str = "md",
    grep: str | None = None,
    min_confidence: float | None = None,
    units: list[str] | None = None,
    since: int | None = None,
    until: int | None = None,
    notes: list[str] | None = None,
) -> tuple[str, str]:
    """A review-ready table (one row per claim) and the BibTeX of the cited papers. Anything the
    user should know (characters LaTeX cannot set) is appended to ``notes``."""
    if format not in EXPORT_FORMATS:
        raise ClaimsetError(f"unknown format {format!r} (one of: {', '.join(EXPORT_FORMATS)})")
    df = filter_claims(dataset, types=types, grep=grep, min_confidence=min_confidence, units=units, since=since,
                       until=until).sort(["claim_type", "paper_id", "start"])
    rows = list(df.iter_rows(named=True))
    if format in ("csv", "json", "jsonl"):
        bib = {}
        for r in rows:
            bib.setdefault(citation_key(r), bibtex_entry(r))
        return render_data(data_rows(df), format), "\n".join(bib.values())
    if format == "latex":
        return _latex_table(rows, notes)
    table_rows = []
    bib: dict[str, str] = {}
    for r in rows:
        key = citation_key(r)
        bib.setdefault(key, bibtex_entry(r))
        table_rows.append({"subject": r["subject"] or "", "value": format_value(r), "baseline": r["baseline"] or "",
                           "benchmark": r["benchmark"] or "", "metric": r["metric"] or "",
                           "claim_type": r["claim_type"], "claim_id": r["claim_id"], "cite": key})
    head = "| subject | value | baseline | benchmark | metric | type | claim | cite |"
    lines = [head, "|" + " --- |" * 8]
    for t in table_rows:
        cells = [t["subject"], t["value"], t["baseline"], t["benchmark"], t["metric"], t["claim_type"],
                 f"`{t['claim_id']}`", f"[@{t['cite']}]"]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n", "\n".join(bib.values())


LATEX_HEAD = r"""% Needs \usepackage{booktabs,longtable,array} (and \usepackage[T1]{fontenc} for accents).
\begin{longtable}{@{}>{\raggedright}p{0.19\linewidth}>{\raggedright}p{0.11\linewidth}>{\raggedright}p{0.17\linewidth}>{\raggedright}p{0.15\linewidth}>{\raggedright}p{0.12\linewidth}>{\raggedright\arraybackslash}p{0.14\linewidth}@{}}
\toprule
Subject & Value & Baseline & Benchmark & Metric & Source \\
\midrule
\endfirsthead
\toprule
Subject & Value & Baseline & Benchmark & Metric & Source \\
\midrule
\endhead
\bottomrule
\endlastfoot
"""


def _latex_table(rows: list[dict], notes: list[str] | None) -> tuple[str, str]:
    """A ``longtable`` with ``booktabs`` rules (breaks across pages; header repeated), every cell
    as pdflatex can set it, and the BibTeX written the same way."""
    from .latex import dropped_note, latex_text

    dropped: Counter = Counter()
    bib: dict[str, str] = {}
    lines = [LATEX_HEAD.rstrip("\n")]
    for r in rows:
        key = citation_key(r)
        bib.setdefault(key, bibtex_entry(r, tex_safe=dropped))
        cells = [latex_text(v or "", dropped) for v in (r["subject"], format_value(r), r["baseline"], r["benchmark"], r["metric"])]
        lines.append(" & ".join(cells) + f" & \\cite{{{key}}} \\\\")
    lines.append(r"\end{longtable}")
    note = dropped_note(dropped)
    if note and notes is not None:
        notes.append(note)
    return "\n".join(lines) + "\n", "\n".join(bib.values())


# First line of the files `export` writes: an existing file is replaced only if it starts with its
# format's marker (claimset wrote it) or with --force. CSV has no comment syntax, so no marker.
EXPORT_MARKERS = {"md": "<!-- written by claimset export -->\n", "latex": "% written by claimset export\n",
                  "bib": "% written by claimset export: BibTeX of the cited papers\n"}


def write_export(
    dataset: str | Path | pl.DataFrame,
    out: str | Path | None = None,
    bib: str | Path | None = None,
    types: list[str] | None = None,
    format: str = "md",
    grep: str | None = None,
    force: bool = False,
    min_confidence: float | None = None,
    units: list[str] | None = None,
    since: int | None = None,
    until: int | None = None,
    notes: list[str] | None = None,
) -> tuple[str | None, list[Path]]:
    """Export a table and write only the files asked for.

    The table goes to ``out`` (or is returned, for stdout, when ``out`` is None). BibTeX is written
    only to ``bib``, or beside ``out`` with the ``.bib`` suffix; never when the table goes to
    stdout without ``bib``. Nothing is written unless every target is free to write (new, written
    by claimset, or ``force``). Returns the table if it was not written, and the paths written.
    """
    from .fsio import check_replaceable, write_atomic

    table, bibtex = export_table(dataset, types=types, format=format, grep=grep, min_confidence=min_confidence,
                                 units=units, since=since, until=until, notes=notes)
    out = Path(out) if out is not None else None
    bib_path = Path(bib) if bib is not None else (out.with_suffix(".bib") if out is not None else None)
    if out is not None and bib_path is not None and out.resolve() == bib_path.resolve():
        raise ClaimsetError("the table and the BibTeX would be the same file; give --bib another name", out)
    targets = [(out, EXPORT_MARKERS.get(format), table), (bib_path, EXPORT_MARKERS["bib"], bibtex)]
    targets = [(p, m, t) for p, m, t in targets if p is not None]
    for path, marker, _ in targets:  # check all before writing any
        check_replaceable(path, marker, force)
    written = []
    for path, marker, text in targets:
        written.append(write_atomic(path, (marker or "") + text, marker, force))
    return (None if out is not None else table), written


class _CallableModule(types.ModuleType):
    """``claimset.cite(dataset, ids)`` works even once this module is imported: importing a submodule
    sets the package attribute ``claimset.cite`` to the module, so the module itself is callable."""

    def __call__(self, dataset, claim_ids: list[str], format: str = "markdown") -> str:
        return cite(dataset, claim_ids, format)


sys.modules[__name__].__class__ = _CallableModule
