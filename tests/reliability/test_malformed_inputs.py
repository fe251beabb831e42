"""A corpus of malformed inputs through the real CLI: each is a clean run (with counted skips) or one
line naming the file (and line) and the cause; never a traceback, never a half-written dataset."""

from __future__ import annotations

import json
import subprocess

import pytest

from ..conftest import run_cli

GOOD = {"id": "g1", "title": "Good paper", "abstract": "Our method gives a 2.5x speedup over the baseline."}


def jl(*records) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in records).encode()


# name -> (file name, bytes, expected exit code, what the one line or the summary must say)
CASES = {
    "truncated-json-lines": ("a.jsonl", b'{"title": "A", "abs', 1, "a.jsonl:1: malformed JSON"),
    "truncated-json": ("a.json", b'[{"title": "A", "abstract": "x"', 1, "a.json:1: malformed JSON"),
    "not-an-object": ("a.jsonl", b"[1, 2]\n", 1, "a.jsonl:1: expected a JSON object"),
    "abstract-is-a-number": ("a.jsonl", jl({"title": "A", "abstract": 12345}), 1, "no papers"),
    "abstract-is-a-list-beside-a-good-one": ("a.jsonl", jl({"title": "A", "abstract": ["2x faster"]}, GOOD), 0,
                                             "records skipped (abstract is not text (list))"),
    "abstract-is-a-dict": ("a.jsonl", jl({"title": "A", "abstract": {"x": "3x"}}, GOOD), 0, "not text (dict)"),
    "abstract-is-a-bool": ("a.jsonl", jl({"title": "A", "abstract": True}, GOOD), 0, "not text (bool)"),
    "missing-columns-csv": ("a.csv", b"name,text\nA,B\n", 1, "a.csv: no abstract column"),
    "missing-columns-jsonl": ("a.jsonl", jl({"name": "A", "text": "B"}), 1, "a.jsonl: no abstract column"),
    "columns-differ-per-record": ("a.jsonl", jl({"title": "A", "abstract": "7B model"}, dict(GOOD, extra=1)), 0, "papers"),
    "latin-1-csv": ("a.csv", "title,abstract\nCafé,Un modèle 2x plus rapide\n".encode("latin-1"), 1,
                    "a.csv:2: not UTF-8"),
    "nul-in-abstract": ("a.jsonl", jl({"title": "A", "abstract": "2x\u0000 faster"}, GOOD), 0, "NUL"),
    "nul-bytes-in-file": ("a.jsonl", b'{"title": "A", "abstract": "2x"}\x00\n', 1, "a.jsonl:1: malformed JSON"),
    "bom-csv": ("a.csv", b"\xef\xbb\xbftitle,abstract\nA,A 2.5x speedup over B.\n", 0, "papers"),
    "bom-jsonl": ("a.jsonl", b"\xef\xbb\xbf" + jl(GOOD), 0, "papers"),
    "crlf-csv": ("a.csv", b"title,abstract\r\nA,A 2.5x speedup over B.\r\n", 0, "papers"),
    "unterminated-quote-csv": ("a.csv", b'title,abstract\nA,"A 2x speedup\nB,C 3x faster\n', 1,
                               "a.csv:2: malformed CSV (a quoted field is never closed"),
    "huge-field-csv": ("a.csv", b'title,abstract\nA,"' + b"x" * (17 << 20) + b'"\n', 1, "a.csv:2: malformed CSV"),
    "deep-nesting-json": ("a.json", b"[" * 100_000 + b"]" * 100_000, 1, "a.json: malformed JSON (nested too deeply)"),
    "deep-nesting-jsonl": ("a.jsonl", b"[" * 100_000 + b"]" * 100_000 + b"\n", 1, "a.jsonl:1: malformed JSON"),
    "lone-surrogate": ("a.jsonl", b'{"title": "A", "abstract": "\\ud800 2x faster"}\n' + jl(GOOD), 0,
                       "not valid Unicode"),
    "empty-jsonl": ("a.jsonl", b"", 1, "a.jsonl: empty file"),
    "empty-csv": ("a.csv", b"", 1, "a.csv: empty file"),
    "header-only-csv": ("a.csv", b"title,abstract\n", 1, "no papers"),
    "blank-lines-jsonl": ("a.jsonl", b"\n\n\n", 1, "a.jsonl: empty file"),
    "garbage-parquet": ("a.parquet", b"PAR1 this is not parquet", 1, "a.parquet: not a readable Parquet file"),
    "binary-as-seeds": ("a.txt", bytes(range(256)) * 10, 1, "a.txt"),
    "json-object-without-list": ("a.json", b'{"a": 1}', 1, "a.json: expected a list of records"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_malformed_input(tmp_path, name):
    fname, data, code, says = CASES[name]
    src = tmp_path / "in"
    src.mkdir()
    (src / fname).write_bytes(data)
    r = run_cli("extract", str(src / fname), "--out", str(tmp_path / "ds"), "--no-progress")
    assert "Traceback" not in r.stderr
    assert r.returncode == code, r.stderr
    assert says in r.stderr, r.stderr
    if code:
        lines = [line for line in r.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("error: "), r.stderr
        assert not (tmp_path / "ds").exists()  # nothing written


def test_an_unreadable_input_is_one_line(tmp_path):
    folder = tmp_path / "not-a-file.jsonl"
    folder.mkdir()
    r = run_cli("extract", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "ds"))
    assert r.returncode == 1 and r.stderr.strip().splitlines() == [f"error: {tmp_path / 'missing.jsonl'}: no such file or folder"]


def test_an_empty_folder_is_one_line(tmp_path):
    (tmp_path / "empty").mkdir()
    r = run_cli("extract", str(tmp_path / "empty"), "--out", str(tmp_path / "ds"))
    assert r.returncode == 1 and "folder holds no corpus files" in r.stderr and "Traceback" not in r.stderr


@pytest.fixture
def dataset(tmp_path):
    r = run_cli("extract", "--out", str(tmp_path / "ds"), "--no-progress")  # the bundled corpus
    assert r.returncode == 0, r.stderr
    return tmp_path / "ds"


def test_a_corrupt_claims_file_is_one_line_naming_it(dataset):
    target = (dataset / "claims.parquet").resolve()
    target.chmod(0o644)
    target.write_bytes(b"PAR1 garbage")
    r = run_cli("show", str(dataset))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert r.stderr.startswith("error: ") and "claims.parquet: not a readable Parquet file" in r.stderr


def test_a_missing_column_is_one_line_naming_the_file(dataset):
    import pyarrow.parquet as pq

    target = (dataset / "claims.parquet").resolve()
    table = pq.read_table(target).drop_columns(["sentence"])
    pq.write_table(table, target)
    r = run_cli("search", "speedup", "--dataset", str(dataset))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "claims.parquet: not a claimset table: missing column(s) sentence" in r.stderr


def test_show_piped_into_head_ends_quietly(dataset):
    p = subprocess.run(f"'{run_cli.__globals__['claimset_exe']()[0]}' show '{dataset}' -n 0 | head -2",
                       shell=True, capture_output=True, text=True)
    assert "Traceback" not in p.stderr and "BrokenPipe" not in p.stderr
