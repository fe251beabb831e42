"""Long alternations scanned by RE2 where RE2 finds exactly what Python's ``re`` finds.

The trigger words of a claim type are one alternation of hundreds of phrases. Python's backtracking
engine tries every phrase at every position; RE2 runs one automaton over the text and scans the same
windows about 15x faster (measured by ``benchmarks/profile_extract.py``). The ``regex`` module was
measured too: no faster than ``re`` on these patterns.

RE2 reads ``\\w``, ``\\d`` and ``\\b`` as ASCII, Python as Unicode, and RE2 has no lookaround. The two
agree on a text whose non-ASCII characters are none of them word characters (curly quotes, dashes,
"×" and the like, as in most abstracts), once ``\\s`` is spelled out as Python reads it. So a
:class:`Scanner` hands RE2 only such a text, and only a pattern that compiles under RE2; any other
text or pattern is scanned by ``re``. The matches are the same either way; only the time differs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

try:  # an optional accelerator: without it every scan is done by ``re``
    import re2
except ImportError:  # pragma: no cover - google-re2 is a dependency; kept optional for odd platforms
    re2 = None
_UNANCHORED = getattr(getattr(re2, "_Anchor", None), "UNANCHORED", None)

# Python's \s: \t \n \v \f \r, the separators \x1c-\x1f, NEL and Unicode's separators (RE2's \s is
# [\t\n\f\r ]); checked against every code point by tests/test_fastre.py
_SPACE = r"\t-\r\x1c-\x1f\x85\p{Z}"
_SPACE_CLASS = {"\\s": f"[{_SPACE}]", "\\S": f"[^{_SPACE}]"}
# a word character outside ASCII: where RE2's \w and \b would read the text differently
_NON_ASCII_WORD = re.compile(r"[^\W\x00-\x7f]")


_last: list = [None, True]  # the last non-ASCII text asked about, and the answer (asked once per scan)


def re2_reads_as_python(text: str) -> bool:
    """Does RE2 read ``text`` as Python's ``re`` does (no word character outside ASCII)?"""
    if text.isascii():
        return True
    if _last[0] is not text:
        _last[0], _last[1] = text, _NON_ASCII_WORD.search(text) is None
    return _last[1]


_TOKEN = re.compile(r"\\.|\[\^?\]?|.", re.DOTALL)  # an escape, a class opening (with "^" or a first "]"), one character


def _for_re2(pattern: str) -> tuple[str, bool] | None:
    """``pattern`` with ``\\s`` spelled out as Python reads it, and whether it has an
    anchor (``^``, ``$``); None if it has a construct RE2 reads differently (``\\S`` in a class)."""
    out: list[str] = []
    in_class = anchored = False
    for tok in _TOKEN.findall(pattern):
        if tok in ("\\s", "\\S"):
            if in_class and tok == "\\S":
                return None
            tok = _SPACE if in_class else _SPACE_CLASS[tok]
        elif tok[0] == "[" and not in_class:
            in_class = True
        elif tok == "]" and in_class:
            in_class = False
        elif tok in ("^", "$") and not in_class:
            anchored = True
        out.append(tok)
    return "".join(out), anchored


class Scanner:
    """A compiled pattern whose scans (``finditer``, ``search``) run on RE2 when that gives the same
    matches; ``match`` and ``fullmatch`` (anchored, no scan to speed up) stay with ``re``."""

    def __init__(self, pattern: str, flags: int = 0):
        self.py = re.compile(pattern, flags)
        self.fast, self.anchored = _compile_re2(pattern, flags)
        self._raw = getattr(self.fast, "_regexp", None)  # RE2's own matcher: spans without match objects
        self.match, self.fullmatch = self.py.match, self.py.fullmatch
        self.findall, self.split, self.sub = self.py.findall, self.py.split, self.py.sub

    @property
    def pattern(self) -> str:
        return self.py.pattern

    def _engine(self, text: str, pos: int, end: int):
        if self.fast is None or not re2_reads_as_python(text):
            return self.py
        # RE2 reads "^"/"$" at pos/endpos differently, and Python's "$" also matches before a final "\n"
        if self.anchored and (pos or end != len(text) or text.endswith("\n")):
            return self.py
        return self.fast

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator:
        end = len(text) if endpos is None else endpos
        return self._engine(text, pos, end).finditer(text, pos, end)

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        engine = self._engine(text, pos, end)
        if engine is self.fast and self._raw is not None and text.isascii() and 0 <= pos <= end <= len(text):
            spans = self._raw.Match(_UNANCHORED, text.encode("ascii"), pos, end)
            return re2._Match(self.fast, text, pos, end, spans) if spans[0][0] >= 0 else None
        return engine.search(text, pos, end)

    def spans(self, text: str, windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The match spans inside each of ``windows`` (sorted, non-overlapping), in order."""
        raw = self._raw
        if raw is None or self.anchored or not text.isascii():  # (RE2's offsets are in UTF-8 bytes)
            return [m.span() for w0, w1 in windows for m in self.finditer(text, w0, w1)]
        # ASCII: byte offsets are character offsets, so RE2's own spans are ours (no match objects)
        data, out = text.encode("ascii"), []
        for pos, end in windows:
            while pos <= end:
                span = raw.Match(_UNANCHORED, data, pos, end)[0]
                if span[0] < 0:
                    break
                out.append(span)
                pos = span[1] if span[1] > span[0] else span[1] + 1
        return out


def _compile_re2(pattern: str, flags: int):
    if re2 is None or flags & ~(re.IGNORECASE | re.UNICODE):
        return None, False
    translated = _for_re2(pattern)
    if translated is None:
        return None, False
    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = not flags & re.IGNORECASE
    try:
        return re2.compile(translated[0], options), translated[1]
    except re2.error:  # lookaround, backreferences: Python's engine keeps this one
        return None, False


class Prefiltered:
    """A pattern tried only where its start is found (``starts``, scanned by a :class:`Scanner`):
    ``finditer`` gives the same matches as the pattern's own, when every match begins with ``starts``."""

    def __init__(self, pattern: re.Pattern, starts: Scanner):
        self.py, self.starts = pattern, starts
        self.pattern, self.match, self.search = pattern.pattern, pattern.match, pattern.search

    def finditer(self, text: str) -> Iterator[re.Match]:
        pos, n = 0, len(text)
        while pos <= n:
            hit = self.starts.search(text, pos)
            if hit is None:
                return
            m = self.py.match(text, hit.start())
            if m is None:
                pos = hit.start() + 1
                continue
            yield m
            pos = m.end() if m.end() > m.start() else m.start() + 1
