from __future__ import annotations

import json

import pytest

from claimset.corpus import ColumnMap, detect_format, parse_date, read_corpus
from claimset.errors import ClaimsetError
from claimset.ids import paper_id_for_title

from .conftest import BUNDLED_CORPUS, EPOCH, GOLD, needs


def test_bundled_seed_corpus_gives_284_papers():
    r = read_corpus([BUNDLED_CORPUS])
    assert len(r.papers) == 284
    assert r.n_duplicates == r.n_records - 284  # listings repeated across dumps are merged
    assert len({p.paper_id for p in r.papers}) == 284
    assert all(p.paper_id == paper_id_for_title(p.title) for p in r.papers)


@needs(GOLD)
def test_seed_abstracts_are_verbatim_and_keyed_like_gold():
    abstracts = {p.paper_id: p.abstract for p in read_corpus([BUNDLED_CORPUS]).papers}
    gold = [json.loads(line) for line in GOLD.open()]
    assert all(abstracts[g["id"]] == g["abstract"] for g in gold)


def test_seed_metadata_lines_belong_to_the_paper_above(tmp_path):
    f = tmp_path / "dump.txt"
    f.write_text(
        "new\n\nSubscribe\n\nMar 12\n\nA Paper Title\n\n" + "An abstract that is long enough. " * 4 + "\n\n"
        "  • 4 authors\n·\nMay 23, 2023 7\n\nSecond Title\n\n" + "Another abstract, also long enough. " * 4 + "\n"
        "\nsome-org Some Org\n·\nMay 3\n",
        encoding="utf-8",
    )
    papers = read_corpus([f]).papers
    assert [p.title for p in papers] == ["A Paper Title", "Second Title"]
    assert papers[0].n_authors == 4
    assert str(papers[0].date) == "2023-05-23"
    assert papers[1].date is None and papers[1].date_text == "May 3"
    assert papers[1].organization == "some-org Some Org"
    assert papers[0].source == "dump.txt:7"


def test_jsonl_keeps_ids_and_merges_duplicates(tmp_path):
    f = tmp_path / "in.jsonl"
    rows = [{"id": "2401.00001", "title": "T one", "abstract": "A one."},
            {"id": "x2", "title": "T two", "abstract": "A two."},
            {"id": "x3", "title": "T two", "abstract": "A two."}]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    r = read_corpus([f])
    assert [p.paper_id for p in r.papers] == ["2401.00001", "x2"]
    assert r.papers[0].url == "https://arxiv.org/abs/2401.00001"
    assert r.n_duplicates == 1


def test_arxiv_snapshot_columns(tmp_path):
    f = tmp_path / "arxiv.json"
    f.write_text(json.dumps([{"id": "1706.03762", "title": "Attention\n Is All You Need", "abstract": "  We propose.  ",
                              "update_date": "2023-08-02", "authors": "A. Vaswani, N. Shazeer and N. Parmar"}]))
    p = read_corpus([f]).papers[0]
    assert p.title == "Attention Is All You Need" and p.abstract == "We propose."
    assert str(p.date) == "2023-08-02" and p.authors == ["A. Vaswani", "N. Shazeer", "N. Parmar"]


def test_column_overrides(tmp_path):
    f = tmp_path / "in.csv"
    f.write_text("key,name,text\nk1,My title,My abstract\n", encoding="utf-8")
    with pytest.raises(ClaimsetError, match="no abstract column"):
        read_corpus([f])
    p = read_corpus([f], columns=ColumnMap(id="key", title="name", abstract="text")).papers[0]
    assert (p.paper_id, p.title, p.abstract) == ("k1", "My title", "My abstract")


def test_parquet_input(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    f = tmp_path / "in.parquet"
    pq.write_table(pa.table({"title": ["T"], "abstract": ["A b c."], "date": ["2020-01-02"]}), f)
    p = read_corpus([f]).papers[0]
    assert p.paper_id == paper_id_for_title("T") and str(p.date) == "2020-01-02"


@needs(EPOCH)
def test_epoch_csv_gives_at_least_1300_papers():
    r = read_corpus([EPOCH])
    assert len(r.papers) >= 1300
    assert r.skipped["no abstract"] > 0
    assert sum(p.date is not None for p in r.papers) > 1200


@pytest.mark.parametrize("content, fmt, message, line", [
    (b'{"title": "a", "abstract": "b"}\n{"title": oops}\n', "in.jsonl", "malformed JSON", 2),
    (b"title,text\nx,y\n", "in.csv", "no abstract column", None),
    (b"", "in.jsonl", "empty file", None),
    (b"", "in.txt", "empty file", None),
    (b'{"title": "a", "abstract": "caf\xe9"}\n', "in.jsonl", "not UTF-8", 1),
    (b"Title\n\nAbstract line \xff that is not utf-8 " + b"x" * 100 + b"\n", "in.txt", "not UTF-8", 3),
])
def test_bad_input_errors_name_file_and_line(tmp_path, content, fmt, message, line):
    f = tmp_path / fmt
    f.write_bytes(content)
    with pytest.raises(ClaimsetError) as info:
        read_corpus([f])
    err = info.value
    assert message in err.message
    assert err.path == str(f)
    assert err.line == line


def test_format_detection_by_content(tmp_path):
    f = tmp_path / "noext"
    f.write_text('{"title": "a", "abstract": "b"}\n')
    assert detect_format(f) == "jsonl"
    assert detect_format(next(iter(sorted(BUNDLED_CORPUS.iterdir())))) == "seeds"


@pytest.mark.parametrize("text, iso", [
    ("2023-05-01", "2023-05-01"), ("2023", "2023-01-01"), ("Oct 24, 2024", "2024-10-24"),
    ("May 3", None), ("", None), ("garbage", None), ("2023-02-30", None),
])
def test_parse_date(text, iso):
    d = parse_date(text)
    assert (None if d is None else d.isoformat()) == iso
