"""Text that pdflatex can set: LaTeX specials escaped, common Unicode mapped to LaTeX (≥ to
``$\\geq$``, Greek letters to math, accented Latin letters to accent commands), and what pdflatex
cannot set at all (CJK, emoji) dropped and counted, so the caller can say so."""

from __future__ import annotations

import unicodedata
from collections import Counter

_SPECIALS = {"&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}",
             "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}",
             "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}"}

_SYMBOLS = {
    "≥": r"$\geq$", "≤": r"$\leq$", "≈": r"$\approx$", "∼": r"$\sim$", "〜": r"$\sim$", "～": r"$\sim$",
    "×": r"$\times$", "−": r"$-$", "±": r"$\pm$", "→": r"$\rightarrow$", "←": r"$\leftarrow$",
    "↑": r"$\uparrow$", "↓": r"$\downarrow$", "∞": r"$\infty$", "°": r"$^{\circ}$", "·": r"$\cdot$",
    "•": r"$\bullet$", "≠": r"$\neq$", "∈": r"$\in$", "√": r"$\surd$", "′": r"$'$", "µ": r"$\mu$",
    "–": "--", "—": "---", "‘": "`", "’": "'", "“": "``", "”": "''", "…": r"\ldots{}", "\u00a0": "~",
    "\u2009": r"\,", "\u202f": r"\,", "©": r"\textcopyright{}", "®": r"\textregistered{}", "™": r"\texttrademark{}",
    "€": "EUR", "£": r"\pounds{}", "²": r"$^2$", "³": r"$^3$", "¹": r"$^1$", "½": r"$\frac12$",
    "ß": r"\ss{}", "æ": r"\ae{}", "Æ": r"\AE{}", "ø": r"\o{}", "Ø": r"\O{}", "å": r"\aa{}", "Å": r"\AA{}",
    "ł": r"\l{}", "Ł": r"\L{}", "œ": r"\oe{}", "Œ": r"\OE{}", "ı": r"\i{}",
    "\u2010": "-", "\u2011": "-", "\u2012": "--", "†": r"\dag{}", "‡": r"\ddag{}", "∗": "*", "§": r"\S{}",
    "¶": r"\P{}", "′′": "''", "″": "''", "‰": r"\textperthousand{}", "№": "No.", "✓": "yes",
}

# Greek: lower case and the capitals LaTeX has macros for; the other capitals look like Latin letters.
_GREEK_CAPITALS = {"GAMMA", "DELTA", "THETA", "LAMDA", "XI", "PI", "SIGMA", "UPSILON", "PHI", "PSI", "OMEGA"}
_LATIN_LOOKALIKE = {"ALPHA": "A", "BETA": "B", "EPSILON": "E", "ZETA": "Z", "ETA": "H", "IOTA": "I", "KAPPA": "K",
                    "MU": "M", "NU": "N", "OMICRON": "O", "RHO": "P", "TAU": "T", "CHI": "X"}

_ACCENTS = {"\u0301": "'", "\u0300": "`", "\u0302": "^", "\u0308": '"', "\u0303": "~", "\u0327": "c",
            "\u030c": "v", "\u0304": "=", "\u0306": "u", "\u030a": "r", "\u030b": "H", "\u0328": "k", "\u0307": "."}


def _greek(ch: str) -> str | None:
    name = unicodedata.name(ch, "")
    if not name.startswith("GREEK"):
        return None
    letter = name.split()[-1].replace("LAMBDA", "LAMDA")
    if "SMALL LETTER" in name:
        if letter == "OMICRON":
            return "o"
        macro = "lambda" if letter == "LAMDA" else letter.lower()
        if "FINAL" in name:
            macro = "varsigma"
        return f"$\\{macro}$"
    if "CAPITAL LETTER" in name:
        if letter in _GREEK_CAPITALS:
            return "$\\" + ("Lambda" if letter == "LAMDA" else letter.capitalize()) + "$"
        return _LATIN_LOOKALIKE.get(letter)
    return None


def _accented(ch: str) -> str | None:
    """An accented Latin letter as an accent command ("é" -> "\\'{e}")."""
    parts = unicodedata.normalize("NFD", ch)
    base, marks = parts[0], parts[1:]
    if not base.isascii() or not base.isalpha() or not marks or any(m not in _ACCENTS for m in marks):
        return None
    out = "\\i" if base == "i" else base
    for m in marks:
        out = f"\\{_ACCENTS[m]}{{{out}}}"
    return out


def latex_text(text: str, dropped: Counter | None = None) -> str:
    """``text`` as pdflatex can set it; characters it cannot set are left out and counted in
    ``dropped`` (by Unicode block name: "CJK", "emoji", or the character's own name)."""
    out = []
    for ch in text:
        if ch in _SPECIALS:
            out.append(_SPECIALS[ch])
        elif ch.isascii():
            out.append(ch if ch.isprintable() or ch == " " else " ")
        elif ch in _SYMBOLS:
            out.append(_SYMBOLS[ch])
        elif (mapped := _greek(ch) or _accented(ch)) is not None:
            out.append(mapped)
        elif unicodedata.category(ch) in ("Zs", "Cc", "Cf"):
            out.append(" " if unicodedata.category(ch) == "Zs" else "")
        elif dropped is not None:
            dropped[_script(ch)] += 1
    return "".join(out)


def _script(ch: str) -> str:
    """How a character pdflatex cannot set is counted: "CJK" for Chinese, Japanese and Korean
    scripts, else its Unicode name."""
    name = unicodedata.name(ch, "UNKNOWN")
    return "CJK" if any(script in name for script in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL")) else name


def dropped_note(dropped: Counter) -> str | None:
    """One line saying what was left out, or None."""
    if not dropped:
        return None
    total = sum(dropped.values())
    kinds = ", ".join(f"{k} ×{n}" for k, n in dropped.most_common(4))
    return (f"{total} character(s) pdflatex cannot set were left out of the LaTeX ({kinds}); "
            "use xelatex or lualatex with the csv/json export to keep them")
