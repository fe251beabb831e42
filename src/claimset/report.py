"""One self-contained HTML page to browse a dataset offline: its card, every claim (filters, search,
pagination), each sentence with its number marked, a copy button for the Markdown quote and the
BibTeX entry, and every chart with its figures. JavaScript, data and charts are inlined: the page
makes no request.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from .cite import (
    _one_line,
    _sentence_offset,
    _year,
    bibtex_entry,
    citation_key,
    cite_markdown,
)
from .errors import ClaimsetError
from .fsio import write_atomic
from .spec import measured_quality

MARKER = "<!DOCTYPE html>\n<!-- claimset report -->"  # how a report claimset wrote begins
ASSETS = Path(__file__).with_name("report_assets")


@dataclass(frozen=True)
class ReportSummary:
    out: Path
    claims: int
    papers: int
    charts: int
    failed_fits: int


def _card(dataset: Path, papers: pl.DataFrame, claims: pl.DataFrame) -> dict[str, Any]:
    from .store import load_card

    card = load_card(dataset)
    meta = card.get("claimset", {})
    label = meta.get("extractor") or (claims["extractor"][0] if claims.height else "")
    return {"name": card.get("name") or dataset.name, "title": card.get("title"), "version": meta.get("version"),
            "schema_version": card.get("schema_version"), "extractor": label,
            "sources": [_source_label(s) for s in card.get("sources", [])],
            "licenses": [lic.get("name") or lic.get("title") for lic in card.get("licenses", [])],
            "papers": papers.height, "claims": claims.height,
            "per_type": dict(claims.group_by("claim_type").len().sort("claim_type").iter_rows()),
            "quality": measured_quality(label)}


def _source_label(source: dict[str, Any]) -> str:
    """A source as the page names it: an input file by its path (every input has the same title), any
    other source by its title."""
    from .store import INPUT_SOURCE

    title = source.get("title")
    return (source.get("path") or title or "") if title in (None, INPUT_SOURCE) else title


def _rows(frame: pl.DataFrame) -> tuple[list[list[Any]], dict[str, str]]:
    """Compact rows for the page (one list per claim; column order in ``COLUMNS``) and a BibTeX entry
    per paper."""
    from .query import format_value

    rows, bib = [], {}
    for r in frame.iter_rows(named=True):
        key = citation_key(r)
        bib.setdefault(key, bibtex_entry(r))
        off = _sentence_offset(r)
        rows.append([r["claim_id"], r["claim_type"], format_value(r), r["value"], r["unit"], r["qualifier"],
                     _one_line(r["sentence"]), off, len(r["number"]),
                     r["subject"], r["baseline"], r["benchmark"], r["metric"], round(r["confidence"], 3),
                     r["title"], _year(r), r["url"], key, cite_markdown(r)])
    return rows, bib


COLUMNS = ["id", "type", "shown", "value", "unit", "qualifier", "sentence", "off", "len", "subject", "baseline",
           "benchmark", "metric", "confidence", "title", "year", "url", "key", "quote"]


def _charts(dataset: Path) -> list[dict[str, Any]]:
    """Every recipe's chart spec and figures (failed fits included, with their message)."""
    from .analysis.charts import chart_for
    from .analysis.recipes import RECIPES, run_recipe
    from .analysis.report import format_recipe

    out = []
    for name in RECIPES:
        res = run_recipe(name, dataset)
        out.append({"recipe": name, "title": res.title or res.description, "ok": res.success,
                    "spec": chart_for(res, source=dataset.resolve().name).to_dict(), "figures": format_recipe(res)})
    return out


def build_report(dataset: str | Path, out: str | Path, charts: bool = True, force: bool = False) -> ReportSummary:
    """Write the report of ``dataset`` to ``out`` (one HTML file). An existing file that claimset did
    not write is refused unless ``force``."""
    from .store import load, load_papers

    dataset = Path(dataset)
    frame = load(dataset)
    papers = load_papers(dataset)
    out = Path(out)
    if out.suffix.lower() not in (".html", ".htm"):
        raise ClaimsetError("the report is one HTML file: give a name ending in .html", out)
    rows, bib = _rows(frame)
    chart_list = _charts(dataset) if charts else []
    data = {"card": _card(dataset, papers, frame), "columns": COLUMNS, "rows": rows, "bib": bib,
            "charts": chart_list}
    page = _page(data)
    write_atomic(out, page, marker=MARKER, force=force)
    return ReportSummary(out=out, claims=len(rows), papers=papers.height, charts=len(chart_list),
                         failed_fits=sum(not c["ok"] for c in chart_list))


def _script_json(value: Any) -> str:
    """JSON safe inside a <script> element."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/").replace("<!--", "<\\!--")


def _page(data: dict[str, Any]) -> str:
    import vl_convert as vlc

    template = (ASSETS / "report.html").read_text("utf-8")
    name = html.escape(data["card"]["name"])
    return (template.replace("{{MARKER}}", MARKER).replace("{{TITLE}}", name)
            .replace("{{CSS}}", (ASSETS / "report.css").read_text("utf-8"))
            .replace("{{VEGA}}", vlc.javascript_bundle().replace("</script", "<\\/script"))
            .replace("{{DATA}}", _script_json(data))
            .replace("{{APP}}", (ASSETS / "report.js").read_text("utf-8")))
