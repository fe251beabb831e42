from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from claimset.cite import cite, citation_key, export_table
from claimset.errors import ClaimsetError
from claimset.extract import RuleExtractor
from claimset.models import Paper
from claimset.store import load, write_dataset

GOLDEN = Path(__file__).parent / "golden" / "cite"
UPDATE = os.environ.get("CLAIMSET_UPDATE_GOLDEN") == "1"

PAPER = Paper(
    paper_id="2401.01234",
    title="Paged Kernels: Fast & Frugal Attention for 100% of Models",
    abstract=("We present Paged Kernels, an attention implementation. On an A100 GPU, Paged Kernels runs up to "
              "3.2x faster than FlashAttention-2 and cuts KV cache memory by 45%. A 7B model reaches 71.3% "
              "accuracy on GSM8K."),
    date=dt.date(2024, 1, 5),
    url="https://arxiv.org/abs/2401.01234",
    authors=["Ada Lovelace", "Alan M. Turing", "Grace van Hopper"],
    n_authors=3,
)


@pytest.fixture(scope="module")
def ds(tmp_path_factory):
    claims = RuleExtractor().extract(PAPER)
    out = tmp_path_factory.mktemp("cite") / "ds"
    write_dataset(out, [PAPER], claims, extractor="rules/test")
    return out


def _ids(ds):
    df = load(ds).sort("start")
    return {r["number"]: r["claim_id"] for r in df.iter_rows(named=True)}


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:  # CLAIMSET_UPDATE_GOLDEN=1 rewrites the golden files; review the diff before committing
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden file {path} (run with CLAIMSET_UPDATE_GOLDEN=1)"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt, ext", [("markdown", "md"), ("text", "txt"), ("bibtex", "bib"), ("csl-json", "json")])
def test_cite_golden(ds, fmt, ext):
    ids = _ids(ds)
    _golden(f"speedup.{ext}", cite(ds, [ids["3.2x"]], fmt))


def test_markdown_quote_holds_the_sentence_verbatim_and_marks_the_number(ds):
    row = load(ds).filter(load(ds)["number"] == "45%").row(0, named=True)
    md = cite(ds, [row["claim_id"]], "markdown")
    assert f"> {row['sentence']}\n" in md
    assert "**45%**" in md and row["claim_id"] in md


def test_bibtex_parses(ds):
    import bibtexparser

    lib = bibtexparser.parse_string(cite(ds, list(_ids(ds).values()), "bibtex"))
    assert not lib.failed_blocks
    (entry,) = lib.entries  # one paper, however many claims
    assert entry.key == citation_key(load(ds).row(0, named=True))
    assert entry["eprint"] == "2401.01234" and entry["year"] == "2024"
    assert "Lovelace" in entry["author"]


def test_csl_json_is_accepted_by_citeproc(ds):
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads(cite(ds, [_ids(ds)["3.2x"]], "csl-json"))
    source = CiteProcJSON(items)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bib = CitationStylesBibliography(style, source, formatter.plain)
    bib.register(Citation([CitationItem(items[0]["id"])]))
    rendered = str(bib.bibliography()[0])
    assert "Lovelace" in rendered and "2024" in rendered and "Paged Kernels" in rendered


def test_unknown_id_lists_nearest(ds):
    known = _ids(ds)["3.2x"]
    with pytest.raises(ClaimsetError, match="nearest: " + known):
        cite(ds, [known[:-1] + ("0" if known[-1] != "0" else "1")], "text")


@pytest.mark.parametrize("fmt", ["md", "csv", "latex"])
def test_export_golden(ds, fmt):
    table, bib = export_table(ds, format=fmt)
    _golden(f"export.{fmt}", table)
    assert bib.count("@misc") == 1


def test_citation_key_is_stable_and_readable():
    assert citation_key(PAPER.model_dump()) == "arXiv:2401.01234"  # on arXiv: the arXiv id
    row = {**PAPER.model_dump(), "paper_id": "p1", "url": None}
    key = citation_key(row)
    assert key.startswith("lovelace2024paged_") and key == citation_key(dict(row))
    # the same paper under another id (another dataset) keeps its key
    assert citation_key({**row, "paper_id": "other-id"}) == key


def test_citation_key_prefers_arxiv_id_then_doi_and_braces_organisations():
    from claimset.cite import bibtex_entry

    row = {**PAPER.model_dump(), "paper_id": "p1", "url": None}
    assert citation_key({**row, "arxiv_id": "2401.01234v2"}) == "arXiv:2401.01234"
    assert citation_key({**row, "doi": "https://doi.org/10.1000/XYZ 12"}) == "doi:10.1000/xyz12"
    bib = bibtex_entry({**row, "authors": ["Gemini Team", "Ada Lovelace"]})
    assert "author = {{Gemini Team} and Ada Lovelace}" in bib
    assert citation_key({**row, "authors": ["Gemini Team"]}).startswith("geminiteam2024")


def test_prose_in_an_author_cell_is_not_an_author_list():
    from claimset.corpus import _authors

    assert _authors("Ada Lovelace, Charles Babbage and Gemini Team") == ["Ada Lovelace", "Charles Babbage", "Gemini Team"]
    assert _authors("Albert Q. Jiang; Ludwig van Beethoven") == ["Albert Q. Jiang", "Ludwig van Beethoven"]
    assert _authors("Markus Kliegl et al. (100 additional authors not shown)") == ["Markus Kliegl"]
    assert _authors("The paper was written by the team at Acme, see the appendix") is None
    assert _authors("Research leads Ananya Kumar, Core contributors: Adam Goucher") is None


def test_unique_prefixes_and_nearest_ids(ds):
    known = _ids(ds)["3.2x"]
    assert cite(ds, [known[:7]], "text") == cite(ds, [known], "text")
    with pytest.raises(ClaimsetError, match="unknown claim id 'zzz'; nearest: c"):
        cite(ds, ["zzz"], "text")


def test_top_level_api(ds):
    import claimset

    known = _ids(ds)["3.2x"]
    assert claimset.cite(ds, [known]) == cite(ds, [known], "markdown")
    assert claimset.search(ds, "KV cache").height >= 1
    table, bib = claimset.export(ds, format="jsonl")
    assert table.count("\n") == load(ds).height and "@misc" in bib


def test_line_breaks_are_shown_as_spaces_and_the_caret_still_points_at_the_number():
    from claimset.cite import cite_text

    row = {"sentence": "It runs\n3.2x faster.", "number": "3.2x", "start": 8, "end": 12, "claim_id": "c1",
           "claim_type": "speedup", "value": 3.2, "value_max": None, "unit": "x", "qualifier": "exact",
           "subject": None, "baseline": None, "benchmark": None, "metric": None, "title": "T", "paper_id": "p",
           "authors": None, "date": None, "url": None, "abstract": "It runs\n3.2x faster."}
    quote, caret = cite_text(row).splitlines()[:2]
    assert "\n" not in quote and quote[caret.index("^"):caret.index("^") + 4] == "3.2x"
