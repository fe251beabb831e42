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
from typing import Any

try:  # an optional accelerator: without it every scan is done by ``re``
    import re2
except ImportError:  # pragma: no cover - google-re2 is a dependency; kept optional for odd platforms
    re2 = None
_UNANCHORED = getattr(getattr(re2, "_Anchor", None), "UNANCHORED", None)
_ANCHOR_START = getattr(getattr(re2, "_Anchor", None), "ANCHOR_START", None)

# Python's \s: \t \n \v \f \r, the separators \x1c-\x1f, NEL and Unicode's separators (RE2's \s is
# [\t\n\f\r ]); checked against every code point by tests/test_fastre.py
_SPACE = r"\t-\r\x1c-\x1f\x85\p{Z}"
_SPACE_CLASS = {"\\s": f"[{_SPACE}]", "\\S": f"[^{_SPACE}]"}
# a word character outside ASCII: where RE2's \w and \b would read the text differently
_NON_ASCII_WORD = re.compile(r"[^\W\x00-\x7f]")


# The last non-ASCII text asked about and the answer (asked once per scan of it), as one tuple:
# replaced whole, so threads that scan different texts never pair one text with another's answer.
_last: tuple[str | None, bool] = (None, True)


def re2_reads_as_python(text: str) -> bool:
    """Does RE2 read ``text`` as Python's ``re`` does (no word character outside ASCII)?"""
    global _last
    if text.isascii():
        return True
    seen, answer = _last
    if seen is not text:
        answer = _NON_ASCII_WORD.search(text) is None
        _last = (text, answer)
    return answer


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
    matches; ``match`` and ``fullmatch`` (anchored, no scan to speed up) stay with ``re``.

    With ``python_matches`` (or when RE2 cannot read the pattern: look-arounds), RE2 only finds
    where a match can start, scanning the pattern without its look-arounds (which matches wherever
    the pattern does), and ``re`` matches there: the matches are ``re``'s own, found faster."""

    def __init__(self, pattern: str, flags: int = 0, python_matches: bool = False):
        self.py = re.compile(pattern, flags)
        self.fast: Any = None
        self.anchored = False
        if not python_matches:
            self.fast, self.anchored = _compile_re2(pattern, flags)
        self._raw = getattr(self.fast, "_regexp", None)  # RE2's own matcher: spans without match objects
        # RE2's matchers below are read for the whole match's span only: each runs its pattern with
        # every group non-capturing (the same matches), so RE2 finds the span with its DFA alone,
        # without working out where each group matched (up to 2x on a long alternation with groups;
        # about 1% of the extraction's instructions in all, measured under callgrind).
        self._span: Any = _raw(pattern, flags) if self.fast is not None else None
        self.starts: Any = _starts(pattern, flags) if self.fast is None else None
        # for scans that end inside the text (windows): the pattern with no assertion at all
        self._free: Any = _starts(pattern, flags, assertions=False) if self.fast is None else None
        # The gate: RE2 on the pattern without its look-arounds (it matches wherever the pattern does)
        # tells at once where there is no match at all, the common case, before ``re`` backtracks
        # through a long alternation; used by ``match`` and by searches RE2 cannot run exactly.
        # (a pattern with no look-around that RE2 runs exactly is its own gate)
        self._gate: Any = self._span or _raw(_without_lookarounds(pattern), flags, anchors_ok=True)
        self.match = self._gated_match if self._gate is not None else self.py.match
        self.fullmatch = self.py.fullmatch
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

    def _may_match(self, text: str, pos: int, endpos: int | None, anchor: Any) -> bool:
        """False only where the pattern has no match in ``text[pos:endpos]`` (read as ``re`` reads
        it: the text ends at endpos), starting at ``pos`` with ``anchor``; True when unsure."""
        end = len(text) if endpos is None else min(endpos, len(text))
        if not 0 <= pos <= end or not re2_reads_as_python(text) or text.endswith("\n", 0, end):
            return True  # (Python's "$" also matches before a final line break, RE2's does not)
        if text.isascii():
            return self._gate.Match(anchor, text[:end].encode("ascii"), pos, end)[0][0] >= 0
        head = text[:end]
        data = head.encode("utf-8")
        return self._gate.Match(anchor, data, len(head[:pos].encode("utf-8")), len(data))[0][0] >= 0

    def _gated_match(self, text: str, pos: int = 0, endpos: int | None = None):
        if not self._may_match(text, pos, endpos, _ANCHOR_START):
            return None
        return self.py.match(text, pos) if endpos is None else self.py.match(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator:
        end = len(text) if endpos is None else endpos
        if self.starts is not None and end == len(text) and re2_reads_as_python(text):
            return self._at_starts(text, pos)
        engine = self._engine(text, pos, end)
        if engine is self.fast and end < len(text):
            return engine.finditer(text[:end], pos)  # (RE2 reads past endpos for \b; re reads endpos as the end)
        return engine.finditer(text, pos, end)

    def _at_starts(self, text: str, pos: int) -> Iterator[re.Match]:
        """``re``'s matches, tried only where RE2 finds that one can start (as ``finditer`` would
        find them: the pattern never matches the empty string, see :func:`_starts`)."""
        data = text.encode("utf-8")  # once: RE2 reads bytes; offsets are mapped as the scan moves on
        offsets = _Offsets(text, data)
        n = len(data)
        while pos <= len(text):
            start = self.starts.Match(_UNANCHORED, data, offsets.byte(pos), n)[0][0]
            if start < 0:
                return
            start = offsets.char(start)
            m = self.py.match(text, start)
            if m is None:
                pos = start + 1
                continue
            yield m
            pos = m.end()

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        if self.starts is not None and end == len(text) and re2_reads_as_python(text):
            return next(self._at_starts(text, pos), None)
        engine = self._engine(text, pos, end)
        if engine is self.fast and self._raw is not None and text.isascii() and 0 <= pos <= end <= len(text):
            spans = self._raw.Match(_UNANCHORED, text[:end].encode("ascii"), pos, end)  # (text ends at endpos, as in re)
            return re2._Match(self.fast, text, pos, end, spans) if spans[0][0] >= 0 else None
        if engine is self.fast and end < len(text):
            return engine.search(text[:end], pos)  # (as in finditer: the text ends at endpos)
        if engine is self.py and self._gate is not None and not self._may_match(text, pos, end, _UNANCHORED):
            return None
        return engine.search(text, pos, end)

    def spans(self, text: str, windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The match spans inside each of ``windows`` (sorted, non-overlapping), in order."""
        raw = self._span
        if raw is None and self._free is not None and re2_reads_as_python(text):
            return self._window_spans(text, windows)
        if raw is None or self.anchored or not text.isascii():  # (RE2's offsets are in UTF-8 bytes)
            return [m.span() for w0, w1 in windows for m in self.finditer(text, w0, w1)]
        # ASCII: byte offsets are character offsets, so RE2's own spans are ours (no match objects)
        data, out = text.encode("ascii"), []
        for pos, end in windows:
            chunk = data[:end]  # (RE2 reads the bytes past endpos for \b; re reads the window's end as the text's)
            while pos <= end:
                span = raw.Match(_UNANCHORED, chunk, pos, end)[0]
                if span[0] < 0:
                    break
                out.append(span)
                pos = span[1] if span[1] > span[0] else span[1] + 1
        return out

    def _window_spans(self, text: str, windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """``re``'s matches inside each window (the text read as ending at the window's end), tried
        only where RE2 finds the pattern *without any assertion* can start: what the pattern consumes
        does not depend on where the text is cut, so no match of the cut text is missed."""
        data = text.encode("utf-8")
        offsets, n = _Offsets(text, data), len(data)
        out: list[tuple[int, int]] = []
        for pos, end in windows:
            # a match of the cut text lies inside the window, and so does a match of the free pattern
            # there: RE2 need not read past the window's end
            stop = min(offsets.ahead(end), n)
            while pos < end:
                start = self._free.Match(_UNANCHORED, data, offsets.byte(pos), stop)[0][0]
                if start < 0:
                    break
                start = offsets.char(start)
                if start >= end:
                    break
                m = self.py.match(text, start, end)
                if m is None:
                    pos = start + 1
                    continue
                out.append(m.span())
                pos = m.end()
        return out


class _Offsets:
    """Character offsets of ``text`` and byte offsets of its UTF-8 ``data``, mapped in one pass as a
    scan moves forward (ASCII text: the same numbers)."""

    def __init__(self, text: str, data: bytes):
        self.text, self.data = text, data
        self.same = len(text) == len(data)
        self.c = self.b = 0

    def byte(self, c: int) -> int:
        if self.same:
            return c
        if c < self.c:  # pragma: no cover - a scan only moves forward
            self.c = self.b = 0
        self.b += len(self.text[self.c : c].encode("utf-8"))
        self.c = c
        return self.b

    def ahead(self, c: int) -> int:
        """The byte offset of ``c`` (at or after the last offset mapped), leaving the scan where it is."""
        if self.same or c < self.c:
            return c if self.same else len(self.text[:c].encode("utf-8"))
        return self.b + len(self.text[self.c : c].encode("utf-8"))

    def char(self, b: int) -> int:
        if self.same:
            return b
        if b < self.b:  # pragma: no cover
            self.c = self.b = 0
        self.c += len(self.data[self.b : b].decode("utf-8"))
        self.b = b
        return self.c


def _without_lookarounds(pattern: str) -> str:
    """``pattern`` with its look-around groups left out: it matches wherever ``pattern`` does."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        if pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
            i = _quantifier_end(pattern, _group_end(pattern, i))  # "(?=x)?" leaves no stray "?"
            continue
        j = _atom_end(pattern, i)
        out.append(pattern[i:j])
        i = j
    return "".join(out)


def _atom_end(pattern: str, i: int) -> int:
    """The end of the escape, character class or single character at ``i``."""
    if pattern[i] == "\\":
        return i + 2
    if pattern[i] != "[":
        return i + 1
    j = i + 1
    j += pattern[j : j + 1] == "^"
    j += pattern[j : j + 1] == "]"  # a "]" first in a class is a literal
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


_QUANTIFIER = re.compile(r"(?:[?*+]|\{\d*(?:,\d*)?\})[?+]?")


def _quantifier_end(pattern: str, i: int) -> int:
    """After a left-out assertion, its quantifier goes too (it must not fall on the atom before)."""
    m = _QUANTIFIER.match(pattern, i)
    return m.end() if m else i


def _group_end(pattern: str, i: int) -> int:
    """The index after the ")" that closes the group opened at ``i``."""
    depth = 0
    while i < len(pattern):
        c = pattern[i]
        if c in "()":
            depth += 1 if c == "(" else -1
            if depth == 0:
                return i + 1
            i += 1
        else:
            i = _atom_end(pattern, i)
    return len(pattern)


def _starts(pattern: str, flags: int, assertions: bool = True) -> Any:
    """RE2 for where ``pattern`` can start a match (None where that cannot be had exactly: an anchor,
    or a pattern that matches the empty string, whose matches ``finditer`` steps over its own way).
    Without ``assertions``, word boundaries and anchors are left out too."""
    if re.compile(pattern, flags).match("") is not None or _min_width(pattern, flags) == 0:
        return None
    free = _without_lookarounds(pattern)
    return _raw(free if assertions else _without_assertions(free), flags)


def _without_assertions(pattern: str) -> str:
    """``pattern`` (with no look-arounds) without ``\\b``, ``\\B``, ``\\A``, ``\\Z``, ``^`` and ``$``."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        j = _atom_end(pattern, i)
        atom = pattern[i:j]
        if atom in ("\\b", "\\B", "\\A", "\\Z", "^", "$"):
            j = _quantifier_end(pattern, j)
        else:
            out.append(atom)
        i = j
    return "".join(out)


def _min_width(pattern: str, flags: int) -> int:
    try:
        from re import _parser as parser  # type: ignore[attr-defined]  # Python 3.11+
    except ImportError:  # pragma: no cover
        import sre_parse as parser
    return parser.parse(pattern, flags).getwidth()[0]


def _raw(pattern: str, flags: int, anchors_ok: bool = False) -> Any:
    """RE2's own matcher (read for spans) for ``pattern`` with every group non-capturing; None
    where RE2 cannot read it, or (unless ``anchors_ok``) where it has an anchor."""
    compiled, anchored = _compile_re2(_without_groups(pattern), flags)
    return None if anchored and not anchors_ok else getattr(compiled, "_regexp", None)


def _without_groups(pattern: str) -> str:
    """``pattern`` with each capturing group, named or not, made non-capturing."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("(?P<", i):
            out.append("(?:")
            i = pattern.index(">", i) + 1
        elif pattern[i] == "(" and not pattern.startswith("(?", i):
            out.append("(?:")
            i += 1
        else:
            j = _atom_end(pattern, i)
            out.append(pattern[i:j])
            i = j
    return "".join(out)


def _compile_re2(pattern: str, flags: int) -> tuple[Any, bool]:
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

