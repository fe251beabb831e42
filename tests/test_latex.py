"""The LaTeX export compiles with pdflatex (``make test`` installs a small TeX Live from Debian):
every character is escaped or mapped, what pdflatex cannot set is dropped and said, and the table
is a longtable with booktabs rules."""

import shutil
import subprocess
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimset.cite import export_table, write_export
from claimset.latex import latex_text

from .conftest import BUNDLED_DATASET, ROOT

EPOCH_DATASET = ROOT / "datasets" / "claimset-epoch"
needs_tex = pytest.mark.skipif(shutil.which("pdflatex") is None or shutil.which("bibtex") is None,
                               reason="pdflatex/bibtex not installed (make test installs TeX Live from Debian)")

DOCUMENT = r"""\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage{lmodern}
\usepackage{booktabs,longtable,array}
\usepackage[margin=1.5cm,landscape]{geometry}
\begin{document}
\input{table}
\bibliographystyle{plain}
\bibliography{table}
\end{document}
"""


def test_symbols_greek_and_accents_map_to_latex():
    dropped = Counter()
    assert latex_text("≥95% of α-β & ∼2×", dropped) == r"$\geq$95\% of $\alpha$-$\beta$ \& $\sim$2$\times$"
    assert latex_text("Léonard Blier, Ångström, naïve", dropped) == r"L\'{e}onard Blier, \AA{}ngstr\"{o}m, na\"{\i}ve"
    assert latex_text("−3 dB, 5 µs, Ω", dropped) == r"$-$3 dB, 5 $\mu$s, $\Omega$"
    assert not dropped
    assert latex_text("模型 GPT", dropped) == " GPT" and dropped == Counter({"CJK": 2})


@given(st.text())
def test_any_text_becomes_characters_pdflatex_reads(text):
    out = latex_text(text, Counter())
    assert out.isascii()
    # every brace LaTeX sees is balanced: specials are escaped, mappings add balanced groups
    depth = 0
    i = 0
    while i < len(out):
        if out[i] == "\\":
            i += 2
            continue
        depth += {"{": 1, "}": -1}.get(out[i], 0)
        assert depth >= 0
        i += 1
    assert depth == 0


def test_latex_table_is_a_longtable_with_booktabs_and_says_what_it_dropped():
    notes = []
    table, bib = export_table(EPOCH_DATASET, format="latex", notes=notes)
    assert r"\begin{longtable}" in table and r"\toprule" in table and r"\endhead" in table and r"\bottomrule" in table
    assert table.isascii() and bib.isascii()
    assert notes and "left out of the LaTeX" in notes[0] and "CJK" in notes[0]


@needs_tex
@pytest.mark.parametrize("dataset", [BUNDLED_DATASET, EPOCH_DATASET], ids=["seeds", "epoch"])
def test_export_compiles_with_pdflatex_and_bibtex(dataset, tmp_path):
    write_export(dataset, tmp_path / "table.tex", format="latex")
    (tmp_path / "doc.tex").write_text(DOCUMENT)

    def run(*cmd):
        return subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=600)

    first = run("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex")
    assert first.returncode == 0, first.stdout[-2000:]
    assert run("bibtex", "doc").returncode == 0
    for _ in range(2):
        again = run("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex")
        assert again.returncode == 0, again.stdout[-2000:]
    log = (tmp_path / "doc.log").read_text(errors="replace")
    assert "Missing character" not in log and "There were undefined citations" not in log
    assert (tmp_path / "doc.pdf").stat().st_size > 10_000
