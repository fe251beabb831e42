"""Claims for people at a terminal: a table on a wide terminal, and at 80 columns a compact layout
(two lines a claim) that shows a window of the sentence around the number, with the number marked.
Line breaks in sentences are shown as spaces; the number is never cut off."""

from __future__ import annotations

import os
import sys

import polars as pl
from rich.table import Table
from rich.text import Text

from .cite import _one_line, _sentence_offset
from .query import format_value, shorten

WIDE = 120  # columns from which the table layout is used


def terminal_width(console_width: int | None = None) -> int:
    """The width to lay out for: the terminal's; when piped, $COLUMNS if set, else wide."""
    if sys.stdout.isatty() and console_width:
        return console_width
    try:
        return int(os.environ.get("COLUMNS", ""))
    except ValueError:
        return 220


def window(row: dict, width: int) -> Text:
    """The sentence cut to ``width`` characters around the number, the number in bold reverse."""
    sentence, number = _one_line(row["sentence"]), _one_line(row["number"])
    off = _sentence_offset(row) if "abstract" in row else max(0, sentence.find(number))
    room = max(width - len(number) - 2, 10)  # two for the ellipses
    start = max(0, off - room // 3)
    end = min(len(sentence), start + len(number) + room)
    start = max(0, min(start, end - len(number) - room))
    text = Text()
    text.append(("…" if start > 0 else "") + sentence[start:off])
    text.append(number, style="bold reverse")
    text.append(sentence[off + len(number):end] + ("…" if end < len(sentence) else ""))
    return text


def compact(df: pl.DataFrame, width: int, paper_col: bool = False) -> Text:
    """Two lines a claim: id, type, value, subject (and paper); then the sentence window."""
    out = Text()
    for r in df.iter_rows(named=True):
        head = f"{r['claim_id']}  {r['claim_type']}  {format_value(r)}"
        if r.get("subject"):
            head += f"  · {r['subject']}"
        if paper_col:
            head += f"  — {r['title']}"
        out.append(shorten(head, width) + "\n", style="bold")
        out.append("  ")
        out.append_text(window(r, width - 2))
        out.append("\n")
    out.rstrip()
    return out


def table(df: pl.DataFrame, width: int, paper_col: bool = False) -> Table:
    """One row a claim; the sentence is a window around the marked number."""
    t = Table(show_lines=False)
    cols = ["claim_id", "type", "value", "subject", "sentence"] + (["paper"] if paper_col else [])
    for col in cols:
        t.add_column(col, overflow="fold")
    room = max(60, width - 90 - (40 if paper_col else 0))
    for r in df.iter_rows(named=True):
        cells = [r["claim_id"], r["claim_type"], format_value(r), r["subject"] or "", window(r, room)]
        if paper_col:
            cells.append(shorten(r["title"], 40))
        t.add_row(*cells)
    return t


def render(df: pl.DataFrame, width: int, paper_col: bool = False):
    """The layout for ``width``: a table from :data:`WIDE` columns, else the compact lines."""
    return table(df, width, paper_col) if width >= WIDE else compact(df, width, paper_col)
