"""Grounding: the code, never the model, finds where a quoted number is in the abstract.

A number the model quotes is matched to a number the parser reads (the same parser the rules use),
so its offsets, value, range and qualifier come from the text, not from the model. A quote that no
parsed number overlaps is dropped and counted.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..extract.engine import MAX_CHARS, MAX_NUMBERS
from ..extract.sentences import sentence_at, split_sentences
from ..models import Claim, Paper
from ..numbers import Mention, parse, url_spans
from ..textview import normalize


@dataclass(frozen=True)
class Located:
    """A parsed number with its span in the abstract as written."""

    mention: Mention
    start: int
    end: int


class Grounder:
    """The numbers of one abstract, and the means to tie a quote to one of them."""

    def __init__(self, paper: Paper) -> None:
        self.paper = paper
        abstract = paper.abstract[:MAX_CHARS]
        self.view = normalize(abstract)
        text = self.view.text
        urls = url_spans(text)
        mentions = [m for m in parse(text, limit=MAX_NUMBERS, urls=urls)
                    if not any(us <= m.start < ue for us, ue in urls)]
        self.numbers = [Located(m, *self.view.span(m.start, m.end, number=True)) for m in mentions]
        self._sentences = split_sentences(text)

    @property
    def texts(self) -> list[str]:
        """Where a quoted number may be found: the abstract as written and its normalised view."""
        return [self.paper.abstract, self.view.text]

    def _raw_spans(self, needle: str) -> list[tuple[int, int]]:
        """Spans of ``needle`` in the abstract as written, found there or in the view."""
        out: list[tuple[int, int]] = []
        for haystack, mapped in ((self.paper.abstract, False), (self.view.text, True)):
            at = haystack.find(needle)
            while at >= 0 and needle:
                out.append(self.view.span(at, at + len(needle)) if mapped else (at, at + len(needle)))
                at = haystack.find(needle, at + 1)
        return out

    def locate(self, number: str, anchor: str = "", taken: frozenset[int] | set[int] = frozenset()) -> Located | None:
        """The parsed number that ``number`` quotes (inside ``anchor`` where that is found), preferring
        one not ``taken`` (by start offset); None when no parsed number overlaps the quote."""
        quotes = self._raw_spans(number.strip())
        hits = [n for n in self.numbers if any(min(n.end, e) > max(n.start, s) for s, e in quotes)]
        if anchor.strip():
            inside = [n for n in hits if any(s <= n.start and n.end <= e for s, e in self._raw_spans(anchor.strip()))]
            hits = inside or hits
        free = [n for n in hits if n.start not in taken]
        return (free or hits or [None])[0]

    def at(self, start: int, end: int) -> Located | None:
        """The parsed number at exactly ``[start, end)`` of the abstract."""
        return next((n for n in self.numbers if (n.start, n.end) == (start, end)), None)

    def sentence(self, loc: Located) -> str:
        s0, s1 = sentence_at(self._sentences, loc.mention.start)
        ss, se = self.view.span(s0, s1)
        return self.paper.abstract[min(ss, loc.start) : max(se, loc.end)]

    def grounded_field(self, value: str | None) -> str | None:
        """A field the model gave, kept only when the abstract contains it (case aside)."""
        if not value or not value.strip():
            return None
        v = " ".join(value.split()).casefold()
        return value.strip() if any(v in " ".join(t.split()).casefold() for t in self.texts) else None

    def claim(self, loc: Located, claim_type: str, unit: str | None, fields: dict, **extra) -> Claim:
        """A claim at ``loc``, validated like every claim (offsets checked against the abstract)."""
        m = loc.mention
        return Claim.model_validate(
            {
                "paper_id": self.paper.paper_id,
                "claim_type": claim_type,
                "value": m.value,
                "value_max": m.value_max,
                "unit": unit,
                "qualifier": m.qualifier,
                "number": self.paper.abstract[loc.start : loc.end],
                "start": loc.start,
                "end": loc.end,
                "sentence": self.sentence(loc),
                **{k: self.grounded_field(fields.get(k)) for k in ("subject", "baseline", "benchmark", "metric")},
                **extra,
            },
            context={"abstract": self.paper.abstract},
        )
