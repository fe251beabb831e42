"""A normalised view of an abstract, with an exact map back to the original offsets.

arXiv abstracts keep LaTeX (``3$\\times$``, ``85.3\\%``, ``$\\sim$2x``), HTML entities (``&gt;90%``),
Unicode digits and spaces, and hard line breaks. Extraction runs on :attr:`TextView.text`, where
these read as plain numbers; :meth:`TextView.span` maps a span of the view back to the original, so
every claim still satisfies ``abstract[start:end] == number`` on the text as written. The rules are
data (``extractors/text.toml``), validated when loaded.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .spec import validated_spec

_COMPARE = {"le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "pm": "±", "lt": "<", "gt": ">"}
_ARABIC_MARKS = {"\u066b": ".", "\u066c": ","}


def _math(m: re.Match) -> str:
    return re.sub(r"(?<![\w)])-(?=\s?\d)", "−", m.group(1))


def _sci(m: re.Match) -> str:
    return f"{m.group(1)}e{m.group(2).replace('−', '-')}"


def _pow10(m: re.Match) -> str:
    return f"1e{m.group(1).replace('−', '-')}"


def _compare(m: re.Match) -> str:
    return _COMPARE[m.group(0).strip().lstrip("\\")]


def _html(m: re.Match) -> str | None:
    out = html.unescape(m.group(0))
    return None if out == m.group(0) else out.replace("\u00a0", " ")


def _digit(m: re.Match) -> str | None:
    c = m.group(0)
    d = unicodedata.decimal(c, None)
    if d is not None:
        return str(d)
    if c in _ARABIC_MARKS:
        return _ARABIC_MARKS[c]
    if "\uff01" <= c <= "\uff5e":  # full-width ASCII forms
        return unicodedata.normalize("NFKC", c)
    return None


FUNCTIONS: dict[str, Callable[[re.Match], str | None]] = {
    "math": _math, "sci": _sci, "pow10": _pow10, "compare": _compare, "html": _html, "digit": _digit,
}


class TextRule(BaseModel):
    """One normalisation rule of ``extractors/text.toml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    pass_: int = Field(alias="pass", ge=1, le=2)
    pattern: str
    replace: str | None = None
    function: str | None = None
    # Strings one of which every match contains: a text with none of them is not scanned by the rule
    # (cheap "in" tests spare most abstracts a regex scan per rule). Empty: always scanned.
    needs: list[str] = Field(default_factory=list)
    examples: list[tuple[str, str]] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check(self) -> "TextRule":
        if (self.replace is None) == (self.function is None):
            raise ValueError("give exactly one of `replace` and `function`")
        for text, _ in self.examples:
            if self.needs and not any(n in text for n in self.needs):
                raise ValueError(f"example {text!r} contains none of `needs` {self.needs}")
        if self.function is not None and self.function not in FUNCTIONS:
            raise ValueError(f"unknown function {self.function!r} (one of {', '.join(FUNCTIONS)})")
        try:
            re.compile(self.pattern)
        except re.error as exc:
            raise ValueError(f"bad pattern ({exc})") from None
        return self

    @property
    def regex(self) -> re.Pattern:
        return _compiled(self.pattern)

    def apply(self, text: str, pos: int) -> tuple[str | None, int | None]:
        """The replacement of this rule's match at ``pos`` (None: leave it), and where in ``text``
        it comes from character for character when it is a group's content kept (else None)."""
        m = self.regex.match(text, pos)
        if m is None:  # pragma: no cover - the combined pattern matched here
            return None, None
        if self.function is not None:
            new = FUNCTIONS[self.function](m)
        else:  # (a template with no group reference is itself: no expansion, as for most line breaks)
            new = m.expand(self.replace) if "\\" in self.replace else self.replace
        if new is not None and m.re.groups and m.group(1) is not None and len(new) == len(m.group(1)) \
                and self.replace in (None, "\\1"):
            return new, m.start(1)  # unwrapped markup: the content keeps its own offsets
        return new, None


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)


class TextSpec(BaseModel):
    """``extractors/text.toml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    trigger: str
    ascii_trigger: list[str] = Field(min_length=1)
    rules: list[TextRule]


@lru_cache(maxsize=1)
def _spec() -> TextSpec:
    return validated_spec(TextSpec, "text")


def rules() -> tuple[TextRule, ...]:
    return tuple(_spec().rules)


@lru_cache(maxsize=1)
def _passes() -> list[list[TextRule]]:
    # markup twice: "\\textbf{3$\\times$}" nests math in a command
    return [[r for r in rules() if r.pass_ == n] for n in (1, 1, 2)]


def _matches(text: str, rs: list[TextRule]) -> Iterator[tuple[int, re.Match]]:
    """The matches of ``rs`` as one alternation would find them (leftmost first; at one position the
    rule listed first), each rule scanning on its own: a rule's literal prefix lets the regex engine
    skip ahead, which one alternation of all rules cannot do (measured 2x faster)."""
    nxt = [r.regex.search(text) for r in rs]
    cur = 0
    while True:
        best, at = None, -1
        for i, m in enumerate(nxt):
            if m is not None and m.start() < cur:  # overtaken by an earlier rule's match
                m = nxt[i] = rs[i].regex.search(text, cur)
            if m is not None and (best is None or m.start() < best.start()):
                best, at = m, i
        if best is None:
            return
        yield at, best
        cur = max(best.end(), best.start() + 1)


@lru_cache(maxsize=1)
def _trigger() -> re.Pattern:
    """Text that matches none of this is its own view (the common case costs one scan)."""
    return re.compile(_spec().trigger)


@dataclass(frozen=True)
class TextView:
    """``text`` is the normalised view of ``original``; ``span`` maps view offsets back."""

    original: str
    text: str
    starts: tuple[int, ...] | None = None  # original start of each view character (None: identity)
    ends: tuple[int, ...] | None = None  # original end of each view character

    def span(self, start: int, end: int, number: bool = False) -> tuple[int, int]:
        """The original span of the view span ``[start, end)``; for a ``number``, an inline-math
        ``$`` left open by the span is taken in too ("2.5$\\times$", not "2.5$\\times")."""
        if self.starts is None:
            return start, end
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        s, e = self.starts[start], self.ends[end - 1]
        if number:  # "2.5\\mathrm{x" -> "2.5\\mathrm{x}": close the markup the span opened
            while self.original.count("{", s, e) > self.original.count("}", s, e) and self.original.startswith("}", e):
                e += 1
        if number and self.original.count("$", s, e) % 2:  # "2.5$\\times" -> "2.5$\\times$": close the math
            nxt = self.starts[end] if end < len(self.starts) else len(self.original)
            if self.original[e:nxt].startswith("$"):
                e += 1
            elif s > 0 and self.original[s - 1] == "$":
                s -= 1
        return s, e


def _one_pass(text: str, rs: list[TextRule]) -> tuple[str, list[int] | None, list[int] | None] | None:
    """One pass of the rules over ``text``: the new text and its maps back to ``text``, or None when
    nothing changed. The maps are None while every change is one character for one character (a line
    break or a full-width digit), since then each view offset is its own original offset."""
    pieces: list[str] = []
    starts: list[int] | None = None
    ends: list[int] | None = None
    pos = 0
    changed = False
    for i, m in _matches(text, rs):
        rule = rs[i]
        new, origin = rule.apply(text, m.start())
        if new is None or new == m.group(0):
            continue
        changed = True
        pieces.append(text[pos : m.start()])
        pieces.append(new)
        if starts is None and len(new) == 1 and m.end() == m.start() + 1:
            pos = m.end()
            continue  # still aligned: no map needed yet
        if starts is None:  # the first change that moves offsets: everything before it is aligned
            starts, ends = list(range(m.start())), list(range(1, m.start() + 1))
        else:
            starts.extend(range(pos, m.start()))
            ends.extend(range(pos + 1, m.start() + 1))
        if origin is not None:
            starts.extend(range(origin, origin + len(new)))
            ends.extend(range(origin + 1, origin + len(new) + 1))
        else:
            starts.extend([m.start()] * len(new))
            ends.extend([m.end()] * len(new))
        pos = m.end()
    if not changed:
        return None
    pieces.append(text[pos:])
    if starts is not None:
        starts.extend(range(pos, len(text)))
        ends.extend(range(pos + 1, len(text) + 1))
    return "".join(pieces), starts, ends


def _composed(starts: list[int] | None, ends: list[int] | None, s2: list[int], e2: list[int],
              n: int) -> tuple[list[int], list[int]]:
    """The offset maps of two passes in a row: the new pass's maps (into the previous view) read
    through the earlier maps (into the original text of length ``n``)."""
    if starts is None or ends is None:
        return s2, e2
    return [starts[i] if i < len(starts) else n for i in s2], [ends[i - 1] if i > 0 else 0 for i in e2]


def needs_normalizing(text: str) -> bool:
    """Does any rule have work in ``text``? (A cheap test: most abstracts are ASCII.)"""
    if text.isascii():
        return any(s in text for s in _spec().ascii_trigger)
    return _trigger().search(text) is not None


def normalize(text: str) -> TextView:
    """The normalised view of ``text`` (itself, when nothing needs normalising)."""
    if not needs_normalizing(text):
        return TextView(text, text)
    cur, starts, ends = text, None, None
    for rs in _passes():
        rs = [r for r in rs if not r.needs or any(n in cur for n in r.needs)]
        done = _one_pass(cur, rs) if rs else None
        if done is None:
            continue
        cur, s2, e2 = done
        if s2 is not None:  # (None: aligned with the previous view, whose maps still hold)
            starts, ends = _composed(starts, ends, s2, e2, len(text))
    if starts is None:  # unchanged, or changed one character for one character
        return TextView(text, cur)
    return TextView(text, cur, tuple(starts), tuple(ends))
