"""The number parser: finds numeric mentions in text, with their exact offsets, folded values,
glued units, ranges, shared-unit lists and qualifier cues.

It knows how numbers are *written*, not what they claim; the extraction engine decides that. The
vocabulary (magnitudes, units, multiplier words, qualifier cues) is data in
``extractors/numbers.toml``. :func:`parse` never raises on any string.
"""

from __future__ import annotations

import bisect
import math
import re
from decimal import Decimal, InvalidOperation
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import cast

from .fastre import Scanner
from .spec import load_spec


@dataclass(frozen=True)
class Mention:
    """One number as written. ``text == source[start:end]`` always holds."""

    start: int
    end: int
    text: str
    value: float
    value_max: float | None = None
    unit: str | None = None  # "x", "%", a byte or time unit, or None (nouns are found later)
    magnitude: float = 1.0  # the folded magnitude (1e9 for "7B"), 1.0 if none
    magnitude_kind: str | None = None  # "suffix" ("7B"), "word" ("7 billion") or None
    suffix: str | None = None  # the magnitude letter as written
    qualifier: str = "exact"
    is_word: bool = False  # a multiplier word ("twice", "an order of magnitude")
    reduction_only: bool = False  # "half": a claim only as a reduction
    sign: str | None = None
    unit_end: int | None = None  # end offset of a unit written after a space ("1.4 times", "59.6 percent")
    role: str | None = None  # "from" / "to" in a from->to pair, "vs-left"/"vs-right"
    in_list: bool = False
    group_after: int | None = None  # for list items: end of the whole list ("7, 13, and 70 billion")
    group_start: int | None = None  # for list items: start of the list's first item
    flags: frozenset[str] = field(default_factory=frozenset)

    @property
    def after(self) -> int:
        """Offset just past the number and any spaced unit."""
        return self.unit_end if self.unit_end is not None else self.end


@dataclass(frozen=True)
class _Vocab:
    atom: re.Pattern
    words: tuple[re.Pattern, list[tuple[float, str, bool]]]
    suffixes: dict[str, float]
    mag_words: dict[str, float]
    factor_glued: tuple[str, ...]
    percent_glued: tuple[str, ...]
    spaced_unit: re.Pattern
    factor_before: re.Pattern
    upper_before: tuple[str, ...]
    lower_before: tuple[str, ...]
    approx_before: tuple[str, ...]
    upper_after: tuple[str, ...]
    lower_after: tuple[str, ...]
    after_initials: frozenset[str]  # first characters of the cues after a number
    word_stems: Scanner
    upper_re: re.Pattern
    lower_re: re.Pattern
    approx_re: re.Pattern
    money_after: re.Pattern
    fraction: re.Pattern
    uncertainty_marks: tuple[str, ...]
    error_bar: re.Pattern  # an uncertainty mark and its number at the start of a gap ("± 0.006 vs.")
    gains_from_before: re.Pattern  # a comparison word, then "from": "outperforms (from "
    difference_unit_after: re.Pattern  # points after a number ("2.48 BLEU points")


_BYTE_UNITS = r"(?:[KMGTP]i?B|bytes?)"

_TIME_UNITS = r"(?:ms|s|sec|µs|us|ns|min|h|°)"  # and degrees: a glued measurement unit ("19°")

# A hedge that may stand between a cue and its number ("by about 4%", "a factor of up to 3").
_HEDGE = r"(?:(?:about|around|approximately|up to|over|nearly|roughly)\s)?"


def in_bytes(value: float | None, unit: str | None) -> float | None:
    """``value`` of a byte ``unit`` ("TB", "GiB", "bytes") as a number of bytes ("2.6", "TB" -> 2.6e12)."""
    if value is None:
        return None
    factors = load_spec("numbers")["byte_units"]
    factor = 1.0 if unit in ("byte", "bytes") else float(factors.get(unit or "", 1.0))
    power = math.log10(factor)
    return _scaled(value, factor) if power == round(power) else value * factor  # (KiB, GiB: not powers of ten)


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    spec = load_spec("numbers")
    suffixes = dict(spec["magnitude_suffixes"])
    mag_words = dict(spec["magnitude_words"])
    factor = spec["factor_units"]
    percent = spec["percent_units"]
    glued_units = sorted(
        [re.escape(u) for u in factor["glued"] + percent["glued"]], key=len, reverse=True
    )
    suffix_class = "".join(sorted(suffixes))
    words_alt = "|".join(sorted(mag_words, key=len, reverse=True))
    glued_words = dict(spec["glued_magnitude_words"])
    glued_alt = "|".join(sorted(glued_words, key=len, reverse=True))
    mag_words.update(glued_words)
    # After "=", a score of a metric written as its symbol ("ρ=0.39", "AUC=0.91").
    metric_eq = "".join(rf"|(?<=(?<![A-Za-z\\]){re.escape(s)}=)(?=\d*\.\d)" for s in spec["metric_symbols"])
    atom = re.compile(
        # Not glued to a preceding word, decimal, path or URL ("GSM8K", "A100"); a hyphen is allowed
        # ("Llama-2-7B", "6-10x") and judged later; "0.13sim2.41" is a range.
        # A slash is allowed only inside a list of sizes, percentages or factors ("1.5B/7B/72B", "485k/542k",
        # "1.7%/3.4%"); a decimal pair is a slash list too ("1.8/3.3 WER", "0.701/0.595"), so is an integer pair whose second is a
        # percentage ("16/7% error"); any other integer one is a fraction or a date.
        # "-A22B" after a size is the active parameter count of a mixture of experts ("Qwen3-235B-A22B",
        # "(400B/A13B)").
        # After "=", only a percentage named by a metric with a digit ("Q3=81%", "pass@1=67%"; "k=5" and
        # "ratio=75%" are settings).
        # Glued to a lower-case word, only a size in billions ("Flamingo80B"; "GSM8K" is no size).
        # A factor may be written before its number ("x6 faster", "×3"): after a lone "x" too.
        r"(?:(?:(?<![\w.@#=:])|(?:(?<=[A-Za-z@]\d=)|(?<=[A-Za-z@]\d\d=))(?=\d+(?:\.\d+)?%)" + metric_eq + r"|(?<=\d[BM]-A)|(?<=\d[BM]/A)|(?<=(?<![\w.])x)(?=\d)"
        r"|(?<=[a-z]{3})(?=\d{1,3}(?:\.\d)?B(?![\w.\-])))(?:(?<!/)|(?<=\d[BbMmKk%x×]/)|(?<=\.\d/)|(?<=\.\d\d/)|(?<=\.\d\d\d/)|(?<=\d/)(?=\d+(?:\.\d+)?%))"
        r"(?P<sim>sim|\\sim\s?|\$\\sim\$\s?)?(?=[+±−]?[\d.]|-\d)|(?<=\dsim))"
        # An ASCII hyphen is a minus only alone before the digits, after a space or a bracket and not
        # after another number or a list's colon, before plain digits ("reached -0.8652", "(-3.2 dB)"; "5
        # -10" stays a range, "GPT-2" and "Llama -7B" names, "include: -83.3% success" a bullet).
        r"(?P<sign>[+±−]|(?<![\d%×x:;.]\s)(?<=[ (\[])-(?=\d+(?:\.\d+)?(?![\w.]|,\d)))?"
        # A mixture-of-experts size "8x22B" (or "16 x 3.8B") is one number, the product (the "8x" is not
        # a factor). "−" above is U+2212 MINUS; a hyphen is otherwise a dash or a name's joint.
        r"(?:(?P<experts>\d{1,3})(?:[x×]| [x×] )(?=\d+(?:\.\d+)?[KMBT](?![A-Za-z0-9])))?"
        # Thousands groups are bounded ({1,5}), so a run of "1 000 000 ..." is read in linear time.
        r"(?P<num>\d{1,3}(?:,\d{3}){1,5}(?:\.\d+)?(?!\d|,\d)"
        r"|\d{1,3}(?:[ \u00a0\u202f]\d{3}){1,5}(?=\s?(?:times|x\b|×|%|\\%|[a-z]))"
        r"|\d{1,3}(?:, \d{3}){1,5}(?=\s?(?:times|x\b|×|%))"  # "15, 000×": a stray space after the comma
        r"|\d{1,3}(?:\.\d{1,6})?e[+-]?\d{1,3}(?![\w.])"  # scientific (the text view writes 10^{9} as 1e9)
        r"|\d+(?:\.\d+)?|\.\d+)"
        r"(?P<plus>\+)?"
        # A suffix may carry one footnote digit ("Mistral-7B1": the size is "7B"); a magnitude word may
        # be capitalised ("7 Billion parameters", in titles and model cards).
        # A suffix after a space counts only before parameters or tokens ("6.7 B parameters", "46.8 k trainable
        # parameters"), or
        # as the low end of a range of them ("0.5 B to 8 B parameters"), or before a model's part ("2 B encoder").
        rf"(?:(?P<suf>[{suffix_class}])(?:(?![A-Za-z0-9])|(?=\d(?![\w.])))|[ \-](?P<word>(?i:{words_alt}))\b"
        rf"|(?P<gword>{glued_alt})(?![A-Za-z0-9])"  # "13bn": a magnitude word abbreviated and glued
        r"| (?P<ssuf>[KkMBT])(?=(?:\s(?:to|-|–)\s\d[\d.]*\s[KkMBT])?\s(?:(?:trainable|learnable)\s)?(?:[Pp]arameter|[Pp]arams?\b|[Tt]okens?\b|(?:encoder|decoder|backbone|model)s?\b)))?"
        r"(?P<plus_after>\+(?![\d+]))?"  # "6K+ episodes"
        rf"(?P<bytes>\s?{_BYTE_UNITS}(?![A-Za-z0-9]))?"
        rf"(?P<time>{_TIME_UNITS}(?![A-Za-z0-9]))?"
        rf"(?P<unit>{'|'.join(glued_units)})?"
    )
    # All multiplier words in one pattern (one scan of the text), each its own named group.
    words_table = [(float(w["value"]), w["qualifier"], bool(w.get("reduction_only", False)))
                   for w in spec["multiplier_words"]]
    words = (re.compile("|".join(rf"(?P<w{i}>\b(?:{w['pattern']})\b)" for i, w in enumerate(spec["multiplier_words"])),
                        re.IGNORECASE), words_table)
    spaced = sorted(
        set(factor["spaced"]) | set(percent["spaced"]), key=len, reverse=True
    )
    spaced_unit = re.compile(r"[ \u00a0](" + "|".join(re.escape(u) for u in spaced) + r")(?![A-Za-z0-9])")
    q = spec["qualifiers"]
    by_len = lambda xs: tuple(sorted(xs, key=len, reverse=True))  # noqa: E731
    return _Vocab(
        atom=atom,
        words=words,
        suffixes=suffixes,
        mag_words=mag_words,
        factor_glued=tuple(factor["glued"]),
        percent_glued=tuple(percent["glued"]),
        spaced_unit=spaced_unit,
        factor_before=re.compile(r"\b(?:" + "|".join(re.escape(b) for b in factor.get("before", [])) + r")"
                                 r"\s" + _HEDGE + "$", re.IGNORECASE),
        upper_before=by_len(q["upper_before"]),
        lower_before=by_len(q["lower_before"]),
        approx_before=by_len(q["approx_before"]),
        upper_after=by_len(q["upper_after"]),
        lower_after=by_len(q["lower_after"]),
        after_initials=frozenset(c[:1] for c in (*q["upper_after"], *q["lower_after"]) if c and c != "+"),
        word_stems=Scanner("|".join(re.escape(w) for w in spec["multiplier_stems"]), re.IGNORECASE),
        upper_re=_cue_regex(by_len(q["upper_before"])),
        lower_re=_cue_regex(by_len(q["lower_before"])),
        approx_re=_cue_regex(by_len(q["approx_before"])),
        money_after=re.compile(r"\s(?:" + "|".join(spec["money_after"]) + r")\b"),
        fraction=re.compile(spec["fraction"]),
        uncertainty_marks=tuple(spec["uncertainty_marks"]),
        error_bar=re.compile(r"^\s*(?:" + "|".join(re.escape(u) for u in spec["uncertainty_marks"])
                             + r")\s?\d*\.?\d+\s?%?"),
        gains_from_before=re.compile(r"\b(?:" + "|".join(spec["gain_words"]) + r")\s\(?from\s+$", re.IGNORECASE),
        difference_unit_after=re.compile(r"\s?(?:[A-Z][\w\-]*\s)?(?:" + "|".join(by_len(percent["points"])) + r")\b"),
    )


def _norm_unit(raw: str | None, vocab: _Vocab) -> str | None:
    if not raw:
        return None
    if raw in vocab.percent_glued or raw in ("per cent",):
        return "%"
    if raw in vocab.factor_glued or raw in ("times", "x", "×", "fold"):
        return "x"
    return raw


# A URL starts with a scheme or "www.", or holds a known domain followed by "/". The domain form is
# found by its ".com/" and widened to the whitespace around it, so the scan is linear on any input
# (a pattern starting with \S+ backtracks quadratically on long runs without spaces).
_URL = Scanner(r"(?:https?://|www\.)\S+|\.(?:com|org|io|ai|net)/", re.IGNORECASE)


def url_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of URLs: nothing inside one is a claim."""
    spans: list[tuple[int, int]] = []
    for m in _URL.finditer(text):
        s, e = m.span()
        if m.group(0).startswith("."):
            if spans and spans[-1][1] > s:
                continue
            while s > 0 and not text[s - 1].isspace():
                s -= 1
            while e < len(text) and not text[e].isspace():
                e += 1
            if s == m.start():  # no host before the dot
                continue
        spans.append((s, e))
    return spans


_NUM_SEPARATORS = re.compile(r"[,\s]")  # thousands separators: "12,000", "1 000"


def _atom_mention(m: re.Match, vocab: _Vocab) -> Mention | None:
    num = m.group("num")
    try:
        value = float(_NUM_SEPARATORS.sub("", num) if _NUM_SEPARATORS.search(num) else num)
    except ValueError:
        return None
    if m.group("sign") in ("−", "-"):
        value = -value
    magnitude, kind, suffix = _atom_magnitude(m, vocab)
    start = m.start("sign") if m.group("sign") else m.start("experts") if m.group("experts") else m.start("num")
    end = m.end()
    # Trailing "-fold"/"times" are in the match; a bare trailing "-" is not part of the number.
    value = _scaled(value, magnitude)
    if m.group("experts"):
        value = _scaled(value * int(m.group("experts")), 1.0)
    if not math.isfinite(value):
        return None  # "1e400", 309 digits: not representable, skipped alone
    return Mention(
        start=start,
        end=end,
        text=m.string[start:end],
        value=value,
        unit=_atom_unit(m, vocab),
        magnitude=magnitude,
        magnitude_kind=kind,
        suffix=suffix,
        qualifier=_atom_qualifier(m),
        sign="−" if m.group("sign") == "-" else m.group("sign"),  # (an ASCII minus is read as the math one)
    )


def _atom_magnitude(m: re.Match, vocab: _Vocab) -> tuple[float, str | None, str | None]:
    """An atom's magnitude, how it is written ("suffix": "7B", "word": "7 billion") and its suffix."""
    suffix = m.group("suf") or m.group("ssuf")
    if suffix:
        return vocab.suffixes[suffix], "suffix", suffix
    word = m.group("word") or m.group("gword")
    if word:
        return vocab.mag_words[word.lower()], "word", None
    return 1.0, None, None


def _atom_unit(m: re.Match, vocab: _Vocab) -> str | None:
    """The unit glued to an atom: bytes and time as written, the others normalised ("×" is "x")."""
    if m.group("bytes"):
        return m.group("bytes").strip()
    if m.group("time"):
        return m.group("time")
    return _norm_unit(m.group("unit"), vocab)


def _atom_qualifier(m: re.Match) -> str:
    """"~3x", "sim 2" are approximate; "7B+", "+" after the number is a lower bound."""
    if m.group("plus") or m.group("plus_after"):
        return "lower"
    return "approx" if m.group("sim") else "exact"


def _scaled(value: float, magnitude: float) -> float:
    """value x magnitude without binary noise (4.1T -> 4.1e12, not 4099999999999.9995).

    Exact for any finite value (1e-05 and 1e+16 included); inf when the product overflows.
    """
    if magnitude == 1.0 or not math.isfinite(value):
        return value
    try:
        return float(Decimal(repr(value)).scaleb(round(math.log10(magnitude))))
    except (InvalidOperation, OverflowError):  # pragma: no cover - Decimal covers floats' range
        return math.inf


def _cue_regex(cues: tuple[str, ...]) -> re.Pattern:
    """One pattern for a cue list, *matched at the start of the reversed* lower-cased window (so a
    cue that ends the window is found in the time of its length, not of the window's): a cue that
    starts with a letter must start a word ("under", not "thunder"), and a sign is no arrow's head
    ("0.61 -> 0.74": no "more than")."""
    alts = [re.escape(c.lower()[::-1]) + (r"(?![^\W_])" if c[0].isalpha() else r"(?!-)") for c in cues]
    return re.compile("(?:" + "|".join(alts) + ")")


# Words that may stand between a qualifier and its number ("up to a score of 90"; case as written).
_FILLERS = frozenset({"a", "an", "the", "of", "score", "average", "total", "by"})


def _without_fillers(text: str) -> str:
    """``text`` without the filler words that end it, each a whole word followed by white space
    (what ``re.sub(r"(?:\\b(?:FILLER)\\s+)*$", "", text + " ")`` leaves, read from the end)."""
    end = len(text)
    while True:
        j = end
        while j > 0 and text[j - 1].isspace():
            j -= 1
        if j == end and end != len(text):
            break  # the word before was not followed by white space: it does not end in a filler
        i = j
        while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_"):
            i -= 1
        if i == j or text[i:j] not in _FILLERS:
            break
        end = i
    return text[:end].rstrip()


def _text_before(text: str, pos: int) -> tuple[int, str]:
    """Where the text a qualifier cue is looked for in starts, and that text: the 60 characters before
    ``pos``, without the spaces or a currency sign that stand between a cue and its number ("less than $50k")."""
    base = max(0, pos - 60)
    raw = text[base:pos].rstrip()
    if raw.endswith("$"):
        raw = raw[:-1].rstrip()
    return base, raw


def _cue_at_end(vocab: _Vocab, *texts: str) -> tuple[str, int] | None:
    """The qualifier cue one of ``texts`` ends with (upper cues first, then lower, then approx), and its length."""
    backwards = [t.lower()[::-1] for t in texts]
    for name, cues in (("upper", vocab.upper_re), ("lower", vocab.lower_re), ("approx", vocab.approx_re)):
        for text in backwards:
            cue = cues.match(text)
            if cue:
                return name, cue.end()
    return None


def qualifier_before(text: str, pos: int, vocab: _Vocab | None = None) -> str | None:
    """"up to", "more than", "about" ... just before ``pos`` (an article or "a score of" may come between)."""
    vocab = vocab or _vocab()
    _, raw = _text_before(text, pos)
    cue = _cue_at_end(vocab, raw, _without_fillers(raw))
    return cue[0] if cue else None


def qualifier_start(text: str, pos: int, vocab: _Vocab | None = None) -> int:
    """Where a qualifier cue written right before ``pos`` starts ("by more than 12x": at "more");
    ``pos`` where there is none."""
    base, raw = _text_before(text, pos)
    cue = _cue_at_end(vocab or _vocab(), raw)
    return base + len(raw) - cue[1] if cue else pos


_AFTER_WORD = re.compile(r"\s*[A-Za-z\-]+")


def qualifier_after(text: str, pos: int, vocab: _Vocab | None = None) -> str | None:
    """A cue after the number, skipping up to three words ("1 billion parameters or fewer")."""
    vocab = vocab or _vocab()
    tail = text[pos : pos + 60]
    at = 0
    for skip in range(0, 4):
        if skip:
            mm = _AFTER_WORD.match(tail, at)
            if not mm:
                break
            at = mm.end()
        rest = tail[at:].lstrip().lower()
        if rest[:1] not in vocab.after_initials:
            continue  # no cue starts with this character (most words)
        for cue in vocab.upper_after:
            if rest.startswith(cue) and (not cue[-1].isalpha() or not rest[len(cue) : len(cue) + 1].isalpha()):
                return "upper"
        for cue in vocab.lower_after:
            if cue == "+":
                continue
            if rest.startswith(cue) and not rest[len(cue) : len(cue) + 1].isalpha():
                return "lower"
    return None


_RANGE_DASH = re.compile(r"^\s?[-–—~−]\s?$|^ - $|^sim$|^\s?\\sim\s?$|^\s?\$\\sim\$\s?$")
_RANGE_TO = re.compile(r"^-? to $|^-? to approx(?:imately)? $")  # ("3- to 300-fold": a hanging hyphen)
_RANGE_AND = re.compile(r"^ and (?:approx(?:imately)? )?$")
_LIST_SEP = re.compile(r"^(?:,\s?(?:and |or )?| and | or | & | / |/)$")
_FAMILY_CUE = re.compile(
    r"(rang(?:e|es|ing)|span(?:s|ning)?|scal(?:e|es|ed|ing)|sizes?|vary(?:ing)?|varies),?\s+(?:in (?:size|scale)\s+)?(?:from\s+)?$",
    re.IGNORECASE,
)


def _name_version(text: str, m: Mention) -> bool:
    """A bare number glued to a name by a hyphen ("Llama-2 and 175B GPT-3"), or a year after a
    capitalised name ("FooVOC 2012 and 22.4%"): part of the name, never a list item that takes the
    next item's magnitude or unit."""
    if m.magnitude_kind is not None or m.unit is not None or m.start < 2:
        return False
    return text[m.start - 1] == "-" and text[m.start - 2].isalpha() \
        or _YEAR.fullmatch(m.text) is not None and _NAME_BEFORE.search(text, max(0, m.start - 40), m.start) is not None


_YEAR = re.compile(r"(?:19|20)\d\d")


# a capitalised name and a space right before a number: "Lumen 3.5-9B" is version 3.5 of Lumen, 9B params
_NAME_BEFORE = re.compile(r"(?<![\w-])[A-Z][\w-]* $")


def _version_then_size(a: Mention, b: Mention, before: str) -> bool:
    """"Lumen 3.5-9B", "Kestrel 2-13B": a bare version glued to a parameter size, not a range."""
    return a.magnitude_kind is None and a.unit is None and b.magnitude_kind is not None \
        and (b.suffix or "").upper() in ("M", "B", "T") and _NAME_BEFORE.search(before) is not None


def _combine(a: Mention, b: Mention, text: str) -> Mention:
    """One range mention from two atoms: units and magnitudes shared where only one side has them."""
    unit = b.unit or a.unit
    a_val = a.value
    if a.magnitude_kind is None and b.magnitude_kind is not None:
        a_val = _scaled(a.value, b.magnitude)
    lo, hi = sorted((a_val, b.value))
    qualifier = a.qualifier if a.qualifier != "exact" else b.qualifier
    return Mention(
        start=a.start,
        end=b.end,
        text=text[a.start : b.end],
        value=lo,
        value_max=hi,
        unit=unit,
        magnitude=b.magnitude,
        magnitude_kind=b.magnitude_kind or a.magnitude_kind,
        suffix=b.suffix or a.suffix,
        qualifier=qualifier,
        sign=a.sign,
        unit_end=b.unit_end,
    )


def _spaced_unit(text: str, m: Mention, vocab: _Vocab) -> Mention:
    """A number with the unit written around it: a factor or currency sign, "a factor of", or a unit
    after a space ("1.4 times", "59.6 percent"); as it is when none."""
    if m.unit is not None:
        return m
    marked = _marked_unit(text, m, vocab)
    if marked is not None:
        return marked
    sm = vocab.spaced_unit.match(text, m.end)
    if sm:
        unit = _norm_unit(sm.group(1), vocab)
        if unit == "x" and sm.group(1) in ("x", "X", "×") and _DIGIT_AHEAD.match(text[sm.end() : sm.end() + 3]):
            return m  # "3 x 3", "1 × 1": a product, not a factor
        return replace(m, unit=unit, unit_end=sm.end())
    return m


_DIGIT_AHEAD = re.compile(r"\s*\d")


def _marked_unit(text: str, m: Mention, vocab: _Vocab) -> Mention | None:
    """A unit-less number made a factor or an amount of dollars by a sign or words around it."""
    if m.magnitude_kind is None and m.sign is None and _FACTOR_PREFIX.search(text, max(0, m.start - 2), m.start):
        return replace(m, start=m.start - 1, text=text[m.start - 1 : m.end], unit="x")  # "(x6 faster", "×3 speedup"
    if m.start > 0 and text[m.start - 1] == "$":
        return replace(m, unit="USD")  # "$0.06 per image", "$4.6 million" (LaTeX's $ is gone from the view)
    if text.startswith("$", m.end) and not text[m.end + 1 : m.end + 2].isalnum():
        return replace(m, unit="USD")  # "cheap to reproduce (<600$)": a dollar sign written after the number
    if vocab.money_after.match(text, m.end):
        return replace(m, unit="USD")  # "100K US dollars"
    if m.magnitude_kind is None and vocab.factor_before.search(text, max(0, m.start - 40), m.start):
        return replace(m, unit="x")  # "by a factor of 1.65"
    return None


def parse(text: str, limit: int | None = None, urls: list[tuple[int, int]] | None = None) -> list[Mention]:
    """All numeric mentions in ``text``, in order, with ranges merged and list units shared; with
    ``limit``, only the first ``limit`` of them (the rest of a very long text is not read).

    Never raises: a number that cannot be read is skipped alone.
    """
    vocab = _vocab()  # a broken spec is an error at once, never a silent "no numbers"
    try:
        return _parse(text, limit, vocab, urls)
    except Exception:  # the last guard: no single text may take a whole extraction down  # pragma: no cover
        return []


# A factor sign written before its number, alone ("x6 faster", not "16x16" nor "Max7").
_FACTOR_PREFIX = re.compile(r"(?:^|(?<![\w.]))[x×]$")


# Where a number can start: a digit, a point before a digit, a sign, "sim" or LaTeX "\\sim"/"$\\sim$".
# The atom pattern opens with look-behinds, which keep Python's regex engine from skipping ahead by
# itself: trying it only at these positions gives the same matches as finditer, three times faster
# (a point starts a number only as ".5": the full stops that end sentences are not tried; a hyphen only
# as an ASCII minus, alone before digits).
_ATOM_START = re.compile(r"[\d+±−\\$]|\.(?=\d)|sim|(?<=[ (\[])-(?=\d)")


def _atoms(text: str, atom: re.Pattern):
    """The atom pattern's matches in ``text``, in order, as ``atom.finditer(text)`` gives them."""
    pos, n = 0, len(text)
    while pos < n:
        c = _ATOM_START.search(text, pos)
        if c is None:
            return
        m = atom.match(text, c.start())
        if m is None or m.end() == m.start():
            pos = c.start() + 1
            continue
        yield m
        pos = m.end()


# "(77.4+4.2)% mAP": a result and its gain over the previous best, both in percent
_GAIN_IN_BRACKETS = re.compile(r"\((\d+(?:\.\d+)?)\+(\d+(?:\.\d+)?)\)%")


def _gain_order(text: str, gain: Mention | None, a: Mention, b: Mention) -> frozenset[str]:
    """"by +0.9% (90.2% vs. 91.1%)": a gain just before a pair, equal to the right one minus the left,
    says the left is the baseline's ("(ours vs. theirs)" is the usual order otherwise)."""
    if gain is None or a.start - gain.after > 3 or not re.fullmatch(r"\s*\(?\s*", text[gain.after : a.start]):
        return frozenset()
    return frozenset({"baseline_first"}) if abs(b.value - a.value - abs(gain.value)) < 0.051 < b.value - a.value \
        else frozenset()


def _with_fractions(text: str, atoms: list[Mention], vocab: _Vocab, in_url) -> list[Mention]:
    """"1/7th the carbon footprint", "1/4 of their compute": a fraction of a quantity is one number, a
    factor below one (as "0.35 times the parameters" is), in place of the digits it is written with."""
    for m in vocab.fraction.finditer(text):
        if in_url(m.start(), m.end()):
            continue
        atoms = [a for a in atoms if not m.start() <= a.start < m.end()]
        atoms.append(Mention(start=m.start(), end=m.end(), text=m.group(0),
                             value=int(m.group("n")) / int(m.group("d")), unit="x"))
    return atoms


def _bracketed_gains(text: str, atoms: list[Mention]) -> list[Mention]:
    """Read "(77.4+4.2)%" as 77.4% and +4.2% (the parser saw "77.4+", at least 77.4, and a bare 4.2)."""
    by_start = {a.start: i for i, a in enumerate(atoms)}
    for g in _GAIN_IN_BRACKETS.finditer(text):
        i, j = by_start.get(g.start(1)), by_start.get(g.start(2))
        if i is None or j is None:
            continue
        atoms[i] = replace(atoms[i], end=g.end(1), text=g.group(1), unit="%", qualifier="exact", unit_end=None)
        atoms[j] = replace(atoms[j], start=g.start(2) - 1, text="+" + g.group(2), sign="+", unit="%", unit_end=None)
    return atoms


def _without_error_bars(text: str, atoms: list[Mention], marks: tuple[str, ...]) -> list[Mention]:
    """Drop the error bar after an uncertainty mark ("0.583 ± 0.007"): it is never a claim; the value
    before it takes its unit where it has none ("85.2 ± 0.3%" is 85.2%)."""
    out: list[Mention] = []
    for a in atoms:
        bar = a.sign == "±" or text[max(0, a.start - 4) : a.start].rstrip().endswith(marks)
        if not bar:
            out.append(a)
            continue
        prev = out[-1] if out else None
        if prev is not None and prev.unit is None and a.unit is not None and not a.is_word \
                and text[prev.end : a.start].strip() in marks:
            out[-1] = replace(prev, unit=a.unit)
    return out


def _change_then_level(a: Mention, b: Mention, before: str) -> bool:
    """"improves accuracy by 4.1% to 78.3%": a change and the level it reaches, not a range. Read so
    when the second is a high level far above the first and one of them is written with decimals
    (range ends are round: "by 10% to 60%")."""
    if a.unit != "%" or b.unit != "%" or not _BY_BEFORE.search(before):
        return False
    exact = not (float(a.value).is_integer() and float(b.value).is_integer())
    return exact and b.value >= 50 and a.value > 0 and b.value / a.value >= 5


def _descending(a: Mention, b: Mention) -> bool:
    """Two percentages written high to low ("41.3% to 35.7%"): a range runs low to high."""
    return a.unit == b.unit == "%" and a.magnitude == b.magnitude and a.value > b.value


_BY_BEFORE = re.compile(r"\bby\s" + _HEDGE + "$", re.IGNORECASE)


def _overlaps(atoms: list[Mention], starts: list[int], s: int, e: int) -> bool:
    """Does [s, e) overlap one of ``atoms`` (sorted by start, ``starts`` their starts)?"""
    i = bisect.bisect_left(starts, e)
    return any(atoms[j].end > s for j in range(max(0, i - 3), i))


def _parse(text: str, limit: int | None, vocab: _Vocab, urls: list[tuple[int, int]] | None = None) -> list[Mention]:
    """The stages of :func:`parse`: atoms (numbers, multiplier words, fractions), pairs (ranges,
    from->to, descending), shared-unit lists, qualifier cues, and "A vs B" pairs."""
    if not isinstance(text, str) or not text:
        return []
    in_url = _url_test(url_spans(text) if urls is None else urls)
    mentions = _shared_units(text, _paired(text, _all_atoms(text, limit, vocab, in_url)))
    if limit is not None:
        mentions = mentions[:limit]
    mentions = _vs_pairs(text, _qualified(text, mentions, vocab), vocab)
    # No infinite or NaN value is ever returned (a range or list can scale a value out of range).
    return [m for m in mentions if math.isfinite(m.value) and (m.value_max is None or math.isfinite(m.value_max))]


def _url_test(urls: list[tuple[int, int]]):
    """A test of whether the span [s, e) starts inside one of ``urls`` (sorted spans)."""
    url_starts = [u[0] for u in urls]

    def in_url(s: int, e: int) -> bool:
        i = bisect.bisect_right(url_starts, s) - 1
        return i >= 0 and s < urls[i][1]

    return in_url


def _all_atoms(text: str, limit: int | None, vocab: _Vocab, in_url) -> list[Mention]:
    """Every single number in ``text``, in order: digits (with their units), multiplier words and
    fractions; bracketed gains split and error bars dropped. With ``limit``, about the first 2 x limit."""
    atoms = _number_atoms(text, limit, vocab, in_url)
    cut = limit is not None and len(atoms) > 2 * limit
    atoms += _word_atoms(text, atoms, atoms[-1].end if cut else len(text), vocab, in_url)
    if "/" in text:
        atoms = _with_fractions(text, atoms, vocab, in_url)
    atoms.sort(key=lambda a: a.start)
    if limit is not None:
        atoms = atoms[: 2 * limit]
    if ")%" in text:
        atoms = _bracketed_gains(text, atoms)
    if any(mark in text for mark in vocab.uncertainty_marks):
        atoms = _without_error_bars(text, atoms, vocab.uncertainty_marks)
    return atoms


def _number_atoms(text: str, limit: int | None, vocab: _Vocab, in_url) -> list[Mention]:
    """The numbers written with digits, outside URLs, with the unit written after them; with
    ``limit``, reading stops after 2 x limit + 1 of them."""
    atoms: list[Mention] = []
    for m in _atoms(text, vocab.atom):
        if in_url(m.start(), m.end()):
            continue
        try:
            mention = _atom_mention(m, vocab)
        except (ValueError, ArithmeticError):  # one unreadable number is skipped alone
            continue
        if mention is None:
            continue
        atoms.append(_spaced_unit(text, mention, vocab))
        if limit is not None and len(atoms) > 2 * limit:
            break
    return atoms


def _word_atoms(text: str, atoms: list[Mention], horizon: int, vocab: _Vocab, in_url) -> list[Mention]:
    """Multiplier words before ``horizon`` ("twice", "an order of magnitude"), none inside a URL or
    overlapping a number of ``atoms`` (sorted by start)."""
    if vocab.word_stems.search(text, 0, horizon) is None:
        return []  # most texts have none: no scan
    word_pattern, word_table = vocab.words
    atom_starts = [a.start for a in atoms]
    words: list[Mention] = []
    for m in word_pattern.finditer(text, 0, horizon):
        if in_url(m.start(), m.end()) or _overlaps(atoms, atom_starts, m.start(), m.end()):
            continue
        value, qual, reduction = word_table[int(cast(str, m.lastgroup)[1:])]  # each alternative is a named group
        words.append(Mention(start=m.start(), end=m.end(), text=m.group(0), value=value, unit="x", qualifier=qual,
                             is_word=True, reduction_only=reduction))
    return words


def _paired(text: str, atoms: list[Mention]) -> list[Mention]:
    """Two neighbouring numbers read together: a range merged into one mention ("4-16x", "between 2
    and 5"), a from->to pair or two results side by side marked by their roles."""
    merged: list[Mention] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        pair = _pair(text, a, atoms[i + 1]) if i + 1 < len(atoms) and not a.is_word and not atoms[i + 1].is_word \
            else None
        if pair:
            merged.extend(pair)
            i += 2
        else:
            merged.append(a)
            i += 1
    return merged


_NAME_DASH_BEFORE = re.compile(r"[A-Za-z]-?$|\d-$")  # "GLM-Z1-9B-0414": inside a name, no range
_LETTER_DASH_BEFORE = re.compile(r"[A-Za-z]-$")
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_FROM_PAIR_BEFORE = re.compile(r"\bfrom\s+(?:approx\w*\s+|about\s+|~)?$", re.IGNORECASE)
# "from 0.25 for the standard process to 0.28": a short phrase saying whose the first number is
_ASIDE_TO = re.compile(r"^ (?:for|with|of|by|under) (?:(?:the|a|an|our|its) )?(?:[\w\-]+ ){0,3}[\w\-]+ to $")
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:approx\w*\s+|about\s+)?$", re.IGNORECASE)
# "42.2% → 49.6%", "0.61->0.74": an arrow between two numbers is a from->to change (the text view
# writes LaTeX's arrows as "→")
_ARROW_GAP = re.compile(r"\s*(?:→|⟶|->)\s*")


def _pair(text: str, a: Mention, b: Mention) -> list[Mention] | None:
    """What ``a`` and the next number ``b`` are together (one range, or both with a pair's roles);
    None when they are two numbers of their own."""
    gap = text[a.after : b.start]
    before = text[max(0, a.start - 40) : a.start]
    if a.unit == b.unit == "USD":  # ("from $0.12 to $0.03": the dollar signs stand outside the numbers)
        gap, before = gap.removesuffix("$"), before.removesuffix("$")
    b, gap = _glued_minus_to_gap(a, b, gap)
    b_sim = b.qualifier == "approx" and text[b.start - 3 : b.start] == "sim"
    if _RANGE_DASH.match(gap) or (gap == "" and b_sim):
        # not inside a name: "GLM-Z1-9B-0414" is a size and a date code, not a range
        is_range = not _NAME_DASH_BEFORE.search(before) and a.sign is None and not _version_then_size(a, b, before)
    elif _RANGE_TO.match(gap) or gap in (" up to ", " down to ") and _FROM_BEFORE.search(before):
        return _to_pair(text, a, b, before, b_sim)
    elif _RANGE_AND.match(gap):
        is_range = bool(_BETWEEN_BEFORE.search(before))
    elif _arrow_or_aside(gap, before):
        return _from_to(a, b)
    else:
        return None
    return [_range(text, a, b, b_sim)] if is_range else None


def _arrow_or_aside(gap: str, before: str) -> bool:
    """A from->to change written with an arrow ("42.2% → 49.6%") or with a short phrase after its first
    number ("from 0.25 for the standard process to 0.28")."""
    return bool(_ARROW_GAP.fullmatch(gap) or _ASIDE_TO.match(gap) and _FROM_PAIR_BEFORE.search(before))


def _glued_minus_to_gap(a: Mention, b: Mention, gap: str) -> tuple[Mention, str]:
    """"26%−41%", "$0.25\\%-4\\%$": a minus glued between two numbers is a dash between them, not the
    second one's sign; it moves into the gap, where the range rules read it as "1.5−2x" already is."""
    if gap or b.sign != "−" or a.sign is not None:
        return b, gap
    return replace(b, start=b.start + 1, text=b.text[1:], value=-b.value, sign=None), "−"


def _from_to(a: Mention, b: Mention) -> list[Mention]:
    """A before and an after value, a from->to pair: "from 17.7 to 67.2% success rate" (the first end
    shares the second's percent sign)."""
    from_unit = "%" if a.unit is None and b.unit == "%" and a.magnitude_kind is None else a.unit
    return [replace(a, role="from", unit=from_unit), replace(b, role="to")]


def _to_pair(text: str, a: Mention, b: Mention, before: str, b_sim: bool) -> list[Mention] | None:
    """"A to B": a range ("7B to 70B", "sizes from 1B to 8B"), a from->to change ("from 17.7 to
    67.2%"), or two results written high to low ("by 41.3% to 35.7%")."""
    from_pair = _FROM_PAIR_BEFORE.search(before)
    # ("WikiText-2 to 47.69": a number inside a name does not open a range)
    is_range = (not from_pair or _size_family(a, b, before) or _gains_span(text, b, before)) \
        and not _change_then_level(a, b, before) and not _LETTER_DASH_BEFORE.search(before)
    if not from_pair and is_range and _descending(a, b):
        # "outperforming B on X by 41.3% to 35.7%": two results set side by side, not a range
        return [replace(a, role="vs-left"), replace(b, role="vs-right")]
    if from_pair and not is_range:
        return _from_to(a, b)
    return [_range(text, a, b, b_sim)] if is_range else None


def _gains_span(text: str, b: Mention, before: str) -> bool:
    """"outperforms (from 1.71 to 2.48 BLEU points)": gains in points that run from one to another
    are a range of differences, not a before and an after."""
    vocab = _vocab()
    return bool(vocab.gains_from_before.search(before) and vocab.difference_unit_after.match(text, b.after))


def _size_family(a: Mention, b: Mention, before: str) -> bool:
    """"sizes ranging from 1B to 8B", "from 125M to 1.3B": the sizes of a family, a range (where
    "from 17.7 to 67.2" is a change)."""
    return bool(_FAMILY_CUE.search(before)) or (
        a.magnitude_kind is not None and b.magnitude_kind is not None and a.unit is None
        and (a.suffix or "").upper() in ("M", "B", "T") and (b.suffix or "").upper() in ("M", "B", "T")
    )


def _range(text: str, a: Mention, b: Mention, b_sim: bool) -> Mention:
    """One range from its two ends, with the qualifier cue written before it ("up to 4-16x")."""
    if b_sim:
        b = replace(b, qualifier="exact")
    r = _combine(a, b, text)
    q = qualifier_before(text, r.start) if r.qualifier == "exact" else r.qualifier
    return replace(r, qualifier=q or "exact")


def _shared_units(text: str, mentions: list[Mention]) -> list[Mention]:
    """Lists with a shared unit: "7, 13, and 70 billion parameters" (each item takes the last one's
    magnitude and unit); "2.26x ... and 2.23x" keep their own."""
    out: list[Mention] = []
    j = 0
    while j < len(mentions):
        k = _list_end(text, mentions, j)
        group = mentions[j : k + 1]
        out.extend(_shared_list(group) if len(group) > 1 else group)
        j = k + 1
    return out


def _list_end(text: str, mentions: list[Mention], j: int) -> int:
    """The index of the last item of the list that starts at ``mentions[j]`` (``j`` if in none)."""
    k = j
    while k + 1 < len(mentions) and _LIST_SEP.match(text[mentions[k].after : mentions[k + 1].start]) \
            and not mentions[k].is_word and not mentions[k + 1].is_word and not _name_version(text, mentions[k]):
        k += 1
    return k


def _shared_list(group: list[Mention]) -> list[Mention]:
    """The items of one list, marked as such, each bare item taking the last item's magnitude and unit."""
    last = group[-1]
    shared: list[Mention] = []
    for g in group[:-1]:
        if g.magnitude_kind is None and g.unit is None and last.magnitude_kind is not None:
            g = replace(g, value=_scaled(g.value, last.magnitude), magnitude=last.magnitude,
                        magnitude_kind=last.magnitude_kind, suffix=last.suffix, unit=last.unit)
        elif g.unit is None and g.magnitude_kind is None and last.unit is not None:
            g = replace(g, unit=last.unit)
        shared.append(replace(g, in_list=True, group_after=last.after, group_start=group[0].start))
    return shared + [replace(last, in_list=True, group_after=last.after, group_start=group[0].start)]


def _qualified(text: str, mentions: list[Mention], vocab: _Vocab) -> list[Mention]:
    """Each mention with the qualifier cue written around it ("up to", "more than", "or fewer")."""
    final: list[Mention] = []
    for idx, m in enumerate(mentions):
        q = m.qualifier
        if q == "exact":
            q = qualifier_before(text, m.start, vocab) or "exact"
        if q == "exact" and m.in_list and idx > 0 and mentions[idx - 1].in_list:
            prev = final[-1] if final else None
            if prev is not None and prev.qualifier != "exact" and prev.in_list:
                q = prev.qualifier  # "up to 7.2% and 15.5%": the cue covers the list
        if q == "exact":
            q = qualifier_after(text, m.after, vocab) or "exact"
        final.append(replace(m, qualifier=q) if q != m.qualifier else m)
    return final


# (a metric's or unit's word may stand between the left number and "vs": "(0.49 V-measure vs. 0.44)";
# the other system's name between "vs" and its number: "(SIM = 0.68 vs. Kestrel v2 0.62)"; a one-word
# name after "compared to": "(MOS of 4.31 compared to groundtruth 4.48)"; the best result passed: "an F1-score
# of 90.17 beyond 84.72")
_VS_GAP = re.compile(r"\s*(?:vs\.?|v\.s\.?|versus|compared to|against|beyond)\s*|\s[A-Za-z][\w\-@]*\s+(?:vs\.?|v\.s\.?|versus)\s*"
                     r"|\s*(?:vs\.?|versus)\s+[A-Z][\w\-.]*(?:\s(?:v\d[\d.]*|[A-Z][\w\-.]*)){0,2}\s+"
                     r"|\s*compared (?:to|with)\s+(?:the\s)?[A-Za-z][\w\-]*\s+")


def _vs_pairs(text: str, mentions: list[Mention], vocab: _Vocab) -> list[Mention]:
    """"A vs B" and "(A vs B)" pairs marked by their roles (in place)."""
    for idx in range(len(mentions) - 1):
        gap = vocab.error_bar.sub("", text[mentions[idx].after : mentions[idx + 1].start], count=1)
        if _VS_GAP.fullmatch(gap):
            order = _gain_order(text, mentions[idx - 1] if idx else None, mentions[idx], mentions[idx + 1])
            mentions[idx] = replace(mentions[idx], role="vs-left", flags=mentions[idx].flags | order)
            mentions[idx + 1] = replace(mentions[idx + 1], role="vs-right", flags=mentions[idx + 1].flags | order)
    return mentions
