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
from collections.abc import Callable
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
    examples: list[tuple[str, str]] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check(self) -> "TextRule":
        if (self.replace is None) == (self.function is None):
            raise ValueError("give exactly one of `replace` and `function`")
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
        new = FUNCTIONS[self.function](m) if self.function is not None else m.expand(self.replace)
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
    rules: list[TextRule]


@lru_cache(maxsize=1)
def _spec() -> TextSpec:
    return validated_spec(TextSpec, "text")


def rules() -> tuple[TextRule, ...]:
    return tuple(_spec().rules)


@lru_cache(maxsize=1)
def _passes() -> list[tuple[re.Pattern, list[TextRule]]]:
    out = []
    for n in (1, 1, 2):  # markup twice: "\\textbf{3$\\times$}" nests math in a command
        rs = [r for r in rules() if r.pass_ == n]
        # Rules' own groups are renumbered inside the alternation; each rule re-matches on a hit.
        combined = "|".join(f"(?P<r{i}>{_ungrouped(r.pattern)})" for i, r in enumerate(rs))
        out.append((re.compile(combined), rs))
    return out


def _ungrouped(pattern: str) -> str:
    """``pattern`` with its capturing groups made non-capturing (for the combined alternation)."""
    return re.sub(r"(?<!\\)\((?!\?)", "(?:", pattern)


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
        if number and self.original.count("$", s, e) % 2:  # "2.5$\\times" -> "2.5$\\times$": close the math
            nxt = self.starts[end] if end < len(self.starts) else len(self.original)
            if self.original[e:nxt].startswith("$"):
                e += 1
            elif s > 0 and self.original[s - 1] == "$":
                s -= 1
        return s, e


def _one_pass(text: str, pattern: re.Pattern, rs: list[TextRule]) -> tuple[str, list[int], list[int]] | None:
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    changed = False
    for m in pattern.finditer(text):
        rule = rs[int(m.lastgroup[1:])]
        new, origin = rule.apply(text, m.start())
        if new is None or new == m.group(0):
            continue
        changed = True
        pieces.append(text[pos : m.start()])
        starts.extend(range(pos, m.start()))
        ends.extend(range(pos + 1, m.start() + 1))
        pieces.append(new)
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
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    return "".join(pieces), starts, ends


def normalize(text: str) -> TextView:
    """The normalised view of ``text`` (itself, when nothing needs normalising)."""
    if not _trigger().search(text):
        return TextView(text, text)
    cur, starts, ends = text, None, None
    for pattern, rs in _passes():
        done = _one_pass(cur, pattern, rs)
        if done is None:
            continue
        new, s2, e2 = done
        if starts is None:
            starts, ends = s2, e2
        else:  # compose with the earlier pass
            starts = [starts[i] if i < len(starts) else len(text) for i in s2]
            ends = [ends[i - 1] if i > 0 else 0 for i in e2]
        cur = new
    if starts is None:
        return TextView(text, text)
    return TextView(text, cur, tuple(starts), tuple(ends))
