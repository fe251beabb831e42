"""show/search at 80 columns: two lines a claim, never wider than the terminal, with the number
inside the window of its sentence; show --format gives data like search."""

import json

import polars as pl

from claimset.display import compact, window

from .conftest import BUNDLED_DATASET


def test_window_keeps_the_number_whole_and_fits_the_width():
    row = {"sentence": "A" * 300 + " it runs 3.2x faster\nthan the baseline " + "B" * 300, "number": "3.2x"}
    text = window(row, 60).plain
    assert "3.2x" in text and len(text) <= 62 and "\n" not in text


def test_compact_layout_fits_80_columns(tmp_path):
    import claimset

    df = claimset.load(BUNDLED_DATASET).head(40)
    lines = compact(df, 80).plain.splitlines()
    assert len(lines) == 80 and all(len(line) <= 82 for line in lines)
    numbers = df["number"].to_list()
    assert all(n.replace("\n", " ") in line for n, line in zip(numbers, lines[1::2]))


def test_cli_at_80_columns_and_show_format(cli):
    import os
    import subprocess

    from .conftest import ROOT, claimset_exe

    r = subprocess.run([*claimset_exe(), "show", "-n", "5"], capture_output=True, text=True, cwd=ROOT,
                       env=dict(os.environ, COLUMNS="80", NO_COLOR="1"))
    assert r.returncode == 0 and len(r.stdout.splitlines()) == 10
    assert max(len(line) for line in r.stdout.splitlines()) <= 82
    r = cli("show", "-n", "3", "--type", "speedup", "--format", "json")
    rows = json.loads(r.stdout)
    assert len(rows) == 3 and all(isinstance(x["value"], float) and x["claim_type"] == "speedup" for x in rows)
    total = pl.read_parquet(BUNDLED_DATASET / "claims.parquet").filter(pl.col("claim_type") == "speedup").height
    assert f"3 of {total} matching claims shown" in r.stderr
