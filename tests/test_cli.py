"""The real CLI, in a subprocess: outputs, exit codes and one-line errors."""

from __future__ import annotations

import json

import polars as pl
import pytest

from .conftest import BUNDLED_DATASET, EPOCH, GOLD, needs


def test_extract_jsonl_keeps_ids_and_prints_summary(cli, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "p-1", "title": "Fast Thing", "abstract": "Our kernel is 2.5x faster than PyTorch on an A100."}) + "\n"
        + json.dumps({"id": "p-2", "title": "Big Thing", "abstract": "We train a 7B model on 2T tokens."}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "ds"
    r = cli("extract", str(src), "--out", str(out), "--no-progress")
    assert r.returncode == 0, r.stderr
    assert r.stdout == ""  # messages go to stderr
    assert "papers" in r.stderr and "claims" in r.stderr
    papers = pl.read_parquet(out / "papers.parquet")
    assert sorted(papers["paper_id"].to_list()) == ["p-1", "p-2"]
    claims = pl.read_parquet(out / "claims.parquet")
    assert set(zip(claims["claim_type"], claims["number"])) == {("speedup", "2.5x"), ("model_size", "7B"), ("dataset_size", "2T")}


@pytest.mark.parametrize("name, content, message, has_line", [
    ("bad.jsonl", b'{"title": "a", "abstract": "b"}\n{not json}\n', "malformed JSON", True),
    ("noabs.csv", b"title,body\nx,y\n", "no abstract column", False),
    ("empty.jsonl", b"", "empty file", False),
    ("latin1.jsonl", b'{"title": "caf\xe9", "abstract": "x"}\n', "not UTF-8", True),
])
def test_bad_input_one_line_error_and_nothing_written(cli, tmp_path, name, content, message, has_line):
    src = tmp_path / name
    src.write_bytes(content)
    out = tmp_path / "ds"
    r = cli("extract", str(src), "--out", str(out), "--no-progress")
    assert r.returncode != 0
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, r.stderr
    assert message in lines[0] and name in lines[0]
    if has_line:
        assert f"{name}:" in lines[0] and any(ch.isdigit() for ch in lines[0].split(name + ":")[1][:3])
    assert "Traceback" not in r.stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [src]


def test_verbose_shows_the_traceback(cli, tmp_path):
    src = tmp_path / "empty.jsonl"
    src.write_bytes(b"")
    r = cli("--verbose", "extract", str(src), "--out", str(tmp_path / "ds"), "--no-progress")
    assert r.returncode != 0 and "Traceback" in r.stderr


def test_failed_run_keeps_previous_dataset(cli, tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"title": "T", "abstract": "A 3x speedup over the baseline."}) + "\n")
    out = tmp_path / "ds"
    assert cli("extract", str(good), "--out", str(out), "--no-progress").returncode == 0
    before = (out / "claims.parquet").read_bytes()
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n")
    assert cli("extract", str(bad), "--out", str(out), "--no-progress").returncode != 0
    assert (out / "claims.parquet").read_bytes() == before


def test_show_filters(cli):
    r = cli("show", "--type", "model_size", "--min", "1e11", "-n", "0")
    assert r.returncode == 0, r.stderr
    assert "model_size" in r.stdout and "speedup" not in r.stdout
    r = cli("show", "--type", "nonsense")
    assert r.returncode == 1 and "unknown claim type" in r.stderr


def test_help_everywhere(cli):
    for args in ([], ["extract"], ["show"], ["evaluate"], ["schema"]):
        r = cli(*args, "--help")
        assert r.returncode == 0 and "Usage" in r.stdout


@needs(GOLD)
def test_evaluate_json(cli):
    r = cli("evaluate", "--gold", str(GOLD), "--json")
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert set(report["per_type"]) == {"speedup", "memory_reduction", "compute_reduction", "model_size",
                                       "dataset_size", "benchmark_score"}
    assert 0 <= report["micro"]["f1"] <= 1


@needs(EPOCH)
def test_extract_epoch_csv(cli, tmp_path):
    out = tmp_path / "epoch"
    r = cli("extract", str(EPOCH), "--out", str(out), "--no-progress")
    assert r.returncode == 0, r.stderr
    papers = pl.read_parquet(out / "papers.parquet")
    assert papers.height >= 1300
    claims = pl.read_parquet(out / "claims.parquet").join(papers, on="paper_id")
    assert all(a[s:e] == n for a, s, e, n in zip(claims["abstract"], claims["start"], claims["end"], claims["number"]))


def test_cite_search_roundtrip_on_random_bundled_claims(cli):
    """For claims picked at random: BibTeX parses, the Markdown quote holds the sentence verbatim,
    CSL-JSON is accepted by citeproc, and search finds the claim by words of its sentence."""
    import random

    import bibtexparser
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    from .conftest import BUNDLED_DATASET

    df = pl.read_parquet(BUNDLED_DATASET / "claims.parquet")
    rng = random.Random(7)
    for row in rng.sample(list(df.iter_rows(named=True)), 3):
        cid = row["claim_id"]
        bib = cli("cite", cid, "--format", "bibtex")
        assert bib.returncode == 0, bib.stderr
        lib = bibtexparser.parse_string(bib.stdout)
        assert len(lib.entries) == 1 and not lib.failed_blocks
        md = cli("cite", cid, "--format", "markdown").stdout
        assert row["sentence"] in md and cid in md
        items = json.loads(cli("cite", cid, "--format", "csl-json").stdout)
        style = CitationStylesStyle("harvard-cite-them-right", validate=False)
        biblio = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
        biblio.register(Citation([CitationItem(items[0]["id"])]))
        assert str(biblio.bibliography()[0])
        words = [w for w in row["sentence"].split() if len(w) > 4][:4]
        found = cli("search", " ".join(words), "--format", "json", "-n", "0")
        assert cid in {r["claim_id"] for r in json.loads(found.stdout)}


def test_export_writes_table_and_bib(cli, tmp_path):
    out = tmp_path / "table.md"
    r = cli("export", "--type", "speedup", "--format", "md", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert out.read_text().splitlines()[1].startswith("| subject |")
    assert (tmp_path / "table.bib").read_text().count("@misc") >= 1
    again = cli("export", "--type", "speedup", "--format", "md", "--out", str(out))
    assert again.returncode == 0, again.stderr  # claimset's own files are replaced


def test_export_writes_only_what_was_asked(cli, tmp_path):
    mine = tmp_path / "references.bib"
    mine.write_text("@book{mine, title={Hand made}}\n")
    r = cli("export", "--type", "speedup", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "| subject |" in r.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["references.bib"]
    assert mine.read_text() == "@book{mine, title={Hand made}}\n"


def test_export_refuses_to_replace_a_users_file(cli, tmp_path):
    table, bib = tmp_path / "t.tex", tmp_path / "t.bib"
    bib.write_text("@book{mine, title={Hand made}}\n")
    r = cli("export", "--format", "latex", "--out", str(table))
    assert r.returncode == 1 and "t.bib" in r.stderr and "--force" in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert not table.exists() and bib.read_text().startswith("@book{mine")  # nothing written
    forced = cli("export", "--format", "latex", "--out", str(table), "--force")
    assert forced.returncode == 0, forced.stderr
    assert "@misc" in bib.read_text() and table.read_text().startswith("% written by claimset")


def test_min_confidence_filters_claims(cli):
    import polars as pl

    from .conftest import BUNDLED_DATASET

    df = pl.read_parquet(BUNDLED_DATASET / "claims.parquet")
    cut = sorted(df["confidence"].to_list())[len(df) // 2]
    r = cli("search", "--min-confidence", str(cut), "--format", "json", "-n", "0")
    assert r.returncode == 0, r.stderr
    ids = {row["claim_id"] for row in json.loads(r.stdout)}
    assert ids == set(df.filter(pl.col("confidence") >= cut)["claim_id"]) and 0 < len(ids) < df.height
    bad = cli("show", "--min-confidence", "1.5")
    assert bad.returncode != 0


def test_search_data_formats_have_typed_columns(cli):
    r = cli("search", "speedup", "--type", "speedup", "--format", "csv", "-n", "5")
    assert r.returncode == 0, r.stderr
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert rows and set(rows[0]) >= {"value", "unit", "qualifier", "confidence", "sentence", "cite_key", "year", "url"}
    assert all(float(row["value"]) > 0 for row in rows)  # a number, not "2.26x"
    js = [json.loads(line) for line in cli("search", "speedup", "--format", "jsonl", "-n", "3").stdout.splitlines()]
    assert js and isinstance(js[0]["value"], float) and js[0]["cite_key"]


def test_version(cli):
    from claimset import __version__

    r = cli("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"claimset {__version__}"


def test_unit_aware_filters(cli):
    import polars as pl

    from .conftest import BUNDLED_DATASET

    mixed = cli("show", "--type", "speedup", "--min", "10")
    assert mixed.returncode == 1 and "--unit" in mixed.stderr and "Traceback" not in mixed.stderr
    r = cli("search", "--type", "speedup", "--unit", "x", "--min", "10", "--format", "jsonl", "-n", "0")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows and all(row["unit"] == "x" and (row["value_max"] or row["value"]) >= 10 for row in rows)
    df = pl.read_parquet(BUNDLED_DATASET / "claims.parquet")
    expected = df.filter((pl.col("claim_type") == "speedup") & (pl.col("unit") == "x")
                         & (pl.coalesce("value_max", "value") >= 10)).height
    assert len(rows) == expected


def test_year_filters(cli):
    r = cli("search", "--since", "2024", "--until", "2024", "--format", "jsonl", "-n", "0")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows and {row["year"] for row in rows} == {2024}


def test_search_takes_a_dataset_first_and_words_unquoted(cli):
    """`claimset search DATASET word word` as `show DATASET` is written; the words need no quotes."""
    by_option = cli("search", "speedup", "faster", "-d", str(BUNDLED_DATASET), "--format", "jsonl", "-n", "0")
    by_position = cli("search", str(BUNDLED_DATASET), "speedup", "faster", "--format", "jsonl", "-n", "0")
    quoted = cli("search", "speedup faster", "--format", "jsonl", "-n", "0")
    assert by_option.returncode == by_position.returncode == quoted.returncode == 0
    assert by_option.stdout == by_position.stdout == quoted.stdout and by_position.stdout.strip()
    every = cli("search", str(BUNDLED_DATASET), "--format", "jsonl", "-n", "0")  # the folder alone: all its claims
    assert len(every.stdout.splitlines()) == pl.read_parquet(BUNDLED_DATASET / "claims.parquet").height
