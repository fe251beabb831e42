"""The rule-based extractor: one engine reading the specs in ``extractors/``.

For each number the parser finds, the engine (1) drops what is not a claim — names and versions
("GPT-4", "Llama 3.1"), list markers, years, URLs, settings such as context lengths and bit
widths; (2) types it — by its unit and the noun after it (parameters, tokens, FLOPs, GB), or, for
factors and percentages, by the nearest trigger words of each claim type; (3) fills the
descriptive fields (subject, baseline, benchmark, metric). Every claim it makes passes the
:class:`~claimset.models.Claim` validators.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from functools import cached_property

from ..models import Claim, Paper
from ..numbers import Mention, parse, url_spans
from ..spec import load_spec, spec_names, specs_digest
from ..textview import normalize
from .fields import FieldFinder
from .sentences import sentence_at, split_sentences

NAME = "rules"
VERSION = "0.3.0"  # the engine's version; the label adds a digest of the specs


def _alt(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True))


@dataclass(frozen=True)
class _TypeTriggers:
    name: str
    strong: re.Pattern
    weak: re.Pattern | None


@dataclass(frozen=True)
class Decision:
    """What the engine decided for one mention."""

    claim_type: str
    unit: str | None
    subject_hint: str | None = None


_I = re.IGNORECASE


# Another factor or percentage: a trigger after it is that number's ("1.42x and a 1.49x memory reduction").
_OTHER_RELATIVE = re.compile(r"\d[\d.,]*\s?(?:%|\\%|x\b|×|times\b|-fold)")

# Quantities whose change from one percentage to another is a setting, not a result.
_SETTING_NEAR = re.compile(r"sparsity|prun\w*|mask\w*|dropout|learning rate|batch|fraction|ratio|"
                           r"probabilit\w*|temperature|proportion", re.IGNORECASE)

# "outperforms X on ... by [up to] N%": a margin over a competitor.
_BEATS_BY = re.compile(r"\b(?:outperform|exceed|surpass|beat)\w*\b[^,;.]*\bby\s+(?:up to |about |around |over |more than |"
                       r"nearly |approximately |roughly |~)?$", re.IGNORECASE)

# Words that may follow a model size without naming something else ("at 1 billion and 3 billion size").
_SIZE_FOLLOWERS = {"and", "or", "to", "in", "on", "at", "for", "with", "by", "from", "than", "size", "sizes", "scale",
                   "scales", "respectively", "versions", "version", "variants", "variant", "range", "total", "are",
                   "is", "were", "was", "activated", "active"}


# The words around a number that typing and fields may read: its sentence, cut to this many
# characters on each side. Real sentences fit; a 100 KB run-on "sentence" no longer costs
# quadratic time (every number re-scanning all of it).
WINDOW = 400
# Bounds on one abstract, so no input costs more than a fraction of a second. Real abstracts are far
# inside them (arXiv caps abstracts at 1,920 characters; the longest Epoch one has 2,624 characters
# and 35 numbers). An abstract beyond them is read up to the bound and counted as truncated.
MAX_CHARS = 20_000
MAX_NUMBERS = 64
NEAR = 120  # characters before a number that its setting/unit cues are read from
REACH = 130  # characters around a number that trigger words are scored in


def _window(text: str, s0: int, s1: int, start: int, after: int) -> tuple[int, int]:
    w0, w1 = max(s0, start - WINDOW), min(s1, after + WINDOW)
    if w0 > s0:  # begin at a word, not inside one
        space = text.find(" ", w0, start)
        w0 = space + 1 if space >= 0 else w0
    return w0, w1


@dataclass(frozen=True)
class _Span:
    """A trigger's span relative to the scored window (the two methods of a match that scoring reads)."""

    s: int
    e: int

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e


_UP_TO = re.compile(r"\bup to (?:at least |about |around |roughly )?$", re.IGNORECASE)
_TIME_TAKEN = re.compile(r"\b(?:in|within|takes?|took|only|requir\w*|runtime|time)\b[^.]{0,20}$", re.IGNORECASE)


class RuleExtractor:
    """Rule-based claim extractor (no network). ``extract(paper)`` gives validated claims."""

    name = NAME
    version = VERSION
    max_numbers = MAX_NUMBERS
    max_chars = MAX_CHARS

    def __init__(self) -> None:
        self.types = {load_spec(n)["name"]: load_spec(n) for n in spec_names("types")}
        self.lex = load_spec("lexicon")
        self.settings = load_spec("settings")
        self.fields = FieldFinder(load_spec("fields"))
        self._size_suffixes = frozenset(self.types["model_size"]["size_suffixes"])
        # the type whose spec declares relative model size (memory_reduction, per the guidelines)
        self._relative_size_type = next(n for n, t in self.types.items() if "relative_size" in t)
        self._out_of_type = next(n for n, t in self.types.items() if t.get("counts_items_out_of"))
        self._trig_text: str | None = None
        self._trig_found: dict[tuple[str, float], list[tuple[int, int]]] = {}
        self.truncated = 0  # abstracts with more than MAX_NUMBERS numbers (only the first were read)

    @property
    def label(self) -> str:
        """``rules/<engine version>+<spec digest>``: a changed rule or engine gives a new label."""
        return f"{self.name}/{self.version}+{specs_digest()}"

    # ----------------------------------------------------------------------- compiled patterns

    @cached_property
    def _triggers(self) -> list[_TypeTriggers]:
        out = []
        for name in ("speedup", "memory_reduction", "compute_reduction", "benchmark_score"):
            spec = self.types[name]
            weak = spec.get("weak") or []
            out.append(_TypeTriggers(name, re.compile(_alt(spec["strong"]), _I),
                                     re.compile(_alt(weak), _I) if weak else None))
        return out

    @cached_property
    def _re(self) -> dict[str, re.Pattern]:
        ms = self.types["model_size"]
        ds = self.types["dataset_size"]
        bs = self.types["benchmark_score"]
        st = self.settings
        rel = self.types[self._relative_size_type]["relative_size"]
        generic = set(st["generic_before"])
        return {
            "param": re.compile(
                r"^\s?(?:-|\s)?(?:(?:trainable|training|total|active|activated|activation|learnable|non-embedding|model|sparse|dense)[ -])*"
                rf"(?:{_alt(ms['param_nouns'])})\b", _I),
            "model_noun": re.compile(
                r"^[\s\-]?(?:(?:parameter|param|size|sized|scale|open|open-weights?|open-source|base|dense|sparse|pretrained|pre-trained|"
                r"instruction-tuned|chat|[A-Z][\w\-.]*)[ -])*"
                rf"(?:{_alt(ms['model_nouns'])})\b"),
            "data_noun": re.compile(
                r"^[\s\-]?(?:(?!(?:LLMs?|models?|LMs?|model|on|in|of|for|with|to|from|by|at|or|the|a|an|per)\b)"
                # a noun, not a compound modifier ("instruction-finetuned" is not "instructions")
                r"(?:[a-z\-]+|[A-Z]{2,}) ){0,3}?(" + "|".join(f"(?:{k})" for k in ds["nouns"]) + r")(?![\w\-])", _I),
            "byte_noun": re.compile(r"^\s?(?:" + _alt(ds["byte_nouns"]) + r")\b", _I),
            "data_cue": re.compile(r"(?:" + _alt(ds["data_cues"]) + r")\s+(?:over |about |around |only |up to |nearly |approximately |more than |a total of )?$", _I),
            "flop": re.compile(r"^\s?(?:" + _alt(self.lex["flop_nouns"]) + r")", 0),
            "compute_noun": re.compile(r"^\s?(" + _alt(self.lex["compute_nouns"]) + r")\b", 0),
            "time_noun": re.compile(r"^\s?(" + _alt(self.lex["time_nouns"]) + r")\b", 0),
            "rate_unit": re.compile(r"^\s?(" + _alt(self.lex["rate_units"]) + r")", 0),
            "reduction_cue": re.compile(r"\b(?:" + _alt(self.lex["reduction_cues"]) + r")\b[^.;]{0,40}$", _I),
            "settings_after": re.compile(r"^\s?(?:" + _alt(st["after"]) + r")", _I),
            "factor_setting": re.compile(r"^\s?(?:" + _alt(st["factor_after"]) + r")", _I),
            "factor_setting_before": re.compile(r"(?:" + _alt(st["factor_before"]) + r")$", _I),
            "example_before": re.compile(r"(?:" + _alt(st["example_before"]) + r")$", _I),
            "settings_before": re.compile(r"(?:" + _alt([b for b in st["before"] if b not in generic]) + r")\s?$", _I),
            "generic_before": re.compile(r"(?:^|\s)(?:" + _alt(sorted(generic)) + r")$", _I),
            "percent_after": re.compile(r"^\s?(?:" + _alt(st["percent_after"]) + r")", _I),
            "percent_before": re.compile(r"(?:" + _alt(st["percent_before"]) + r")\s?$", _I),
            "relative_before": re.compile(r"(?:" + _alt(st["relative_before"]) + r")$", _I),
            "bare_before": re.compile(r"(?:" + _alt(bs["bare_before"]) + r")\s*$", 0),
            "bare_after": re.compile(r"^\s*(?:" + _alt(bs["bare_after"]) + r")", 0),
            "points": re.compile(r"^\s?(?:(?:average |absolute |accuracy |performance |F1 |BLEU )*(?:percentage )?(?:points?|pp|pts)\b)", _I),
            "rel_sized": re.compile(r"^\s?(?:" + _alt(rel["sized"]) + r")", _I),
            "rel_larger": re.compile(r"^\s?(?:" + _alt(rel["larger"]) + r")", _I),
            "rel_excluded": re.compile(r"^\s?(?:" + _alt(rel["excluded"]) + r")", _I),
            "rel_owner": re.compile(r"(?:" + _alt(rel["owner_before"]) + r")$", _I),
            "out_of_after": re.compile(r"^\s?out of \d[\d,]*\s(?:[\w\-]+\s){0,3}?(?P<noun>[a-z]+s)\b", _I),
            "out_of_before": re.compile(r"(?<![\d,])\d[\d,]*\s(?:of )?out of\s$", _I),
            "out_of_noun": re.compile(r"^\s(?:[\w\-]+\s){0,3}?(?P<noun>[a-z]+s)\b", _I),
            "out_of_not_items": re.compile(r"^(?:" + _alt(st["out_of_not_items"]) + r")$", _I),
            "not_model": re.compile(r"^(?:" + _alt([re.escape(n) for n in self.lex["not_model_names"]]) + r")(?:[-_ ]|$)", _I),
        }

    # -------------------------------------------------------------------------------- public

    def extract(self, paper: Paper) -> list[Claim]:
        """Claims of one paper. Extraction reads the normalised view of the abstract (LaTeX, entities,
        Unicode digits); offsets, numbers and sentences are mapped back to the abstract as written."""
        abstract = paper.abstract
        if len(abstract) > MAX_CHARS:
            self.truncated += 1
            cut = abstract.rfind(" ", 0, MAX_CHARS)
            abstract = abstract[: cut if cut > 0 else MAX_CHARS]
        view = normalize(abstract)
        text = view.text
        spans = split_sentences(text)
        if not spans:
            return []
        urls = url_spans(text)
        method = self.fields.method_name(paper.title, text)
        claims: list[Claim] = []
        siblings: dict[tuple[int, str | None], list[Decision]] = {}
        sentences: dict[int, str] = {}
        mentions = parse(text, limit=MAX_NUMBERS + 1)
        if len(mentions) > MAX_NUMBERS:
            self.truncated += len(abstract) == len(paper.abstract)  # not counted twice
            mentions = mentions[:MAX_NUMBERS]
        self._trig_upto = mentions[-1].after + REACH + 1 if mentions else 0  # no trigger beyond is read
        for m in mentions:
            if any(us <= m.start < ue for us, ue in urls):
                continue
            s0, s1 = sentence_at(spans, m.start)
            w0, w1 = _window(text, s0, s1, m.start, m.after)
            decisions = self.classify(text, m, w0, w1)
            head = self._head_word(text, m)
            key = (s0, m.unit)
            if decisions is None or (head and (s0, m.unit, head) in siblings):
                # "up to 51% for A and up to 34% for B", "a 3x reduction in X ... up to an 8x reduction":
                # a number with no cue, or the same head word, takes its parallel sibling's type.
                decisions = siblings.get((s0, m.unit, head)) or siblings.get(key) or decisions or []
            if decisions:
                siblings[key] = decisions
                if head:
                    siblings[(s0, m.unit, head)] = decisions
            start, end = view.span(m.start, m.end, number=True)
            if s0 not in sentences:
                sentences[s0] = view.span(s0, s1)
            ss, se = sentences[s0]
            sentence = abstract[min(ss, start) : max(se, end)]
            for decision in decisions:
                fields = self.fields.find(text, m, w0, w1, decision, method)
                claims.append(
                    Claim.model_validate(
                        {
                            "paper_id": paper.paper_id,
                            "claim_type": decision.claim_type,
                            "value": m.value,
                            "value_max": m.value_max,
                            "unit": decision.unit,
                            "qualifier": m.qualifier,
                            "number": paper.abstract[start:end],
                            "start": start,
                            "end": end,
                            "sentence": sentence,
                            "extractor": self.label,
                            **fields,
                        },
                        context={"abstract": paper.abstract},
                    )
                )
        return claims

    # ------------------------------------------------------------------------ classification

    def classify(self, text: str, m: Mention, s0: int, s1: int) -> list[Decision] | None:
        """The claim types (usually one, sometimes none or two) of one mention; ``None`` for a
        factor or percentage with no cue of its own (it may take a parallel sibling's type)."""
        rx = self._re
        # Cues before a number are short: reading only the last NEAR characters keeps every
        # end-anchored pattern cheap (a search re-tries each start position of its text).
        left = text[max(s0, m.start - NEAR) : m.start]
        tail_from = m.group_after if m.in_list and m.group_after else m.after
        right = text[tail_from:s1]
        bare = m.unit is None and m.magnitude_kind is None and not m.is_word

        # 1. Numbers inside names: "Llama-2-7B" is a size, "GPT-4" and "ImageNet-1K" are names.
        glued = re.search(r"([A-Za-z0-9][A-Za-z0-9.\-_]*)-A?\s?$", left) if m.sign is None else None
        if glued and m.value_max is None:
            if m.suffix in self._size_suffixes:
                name = glued.group(1)
                if rx["not_model"].match(name) or rx["data_noun"].match(right) and not rx["param"].match(right):
                    return []
                if re.match(r"^\s?(?:data(?:set)?s?|corpus|corpora|benchmarks?)\b", right, _I) or re.search(
                        r"\b(?:data(?:sets?)?|corpora|benchmarks?)\s(?:such as|like|including|e\.g\.,?)\s(?:[\w\-]+,?\s(?:and\s)?){0,3}$",
                        left[: glued.start()], _I):
                    return []  # a dataset named by its size: "the OC-2M dataset", "datasets such as OC-2M"
                return [Decision("model_size", "params", self._token_at(text, m.start, m.end))]
            return []
        if (m.suffix or bare) and re.match(r"^[A-Za-z]", text[m.end : m.end + 1] or " "):
            return []  # glued to letters: a name or a setting ("1080p", "3D"), not an amount
        out_of = self._out_of(text, m, left, right) if bare else None
        if out_of is not None:
            return out_of
        # 2. Versions ("Llama 3.1 8B", "Grok 3"), list markers "(1)", years, compound modifiers ("4-bit").
        if bare and m.sign is None:
            # (Latin-1 capitals too: "TÜLU 3 model weights" is a version, not 3 parameters)
            if re.search(r"(?:^|[\s(])(?:[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ]*[A-ZÀ-ÖØ-Þ0-9][\w.\-]*|[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+[\w\-]*|v)\s$", left) \
                    and not self.fields.is_metric_word(left) and not rx["bare_after"].match(right) \
                    and not re.search(r"(?:^|\s)(?:In|On|At|For|Of|To|By|From|With|Across|Using|Over|Up|Only|About|Around)\s$", left):
                return []
            if re.search(r"(?:^|[(\s:;])\(?\s*$", left) and re.match(r"^\s?\)", right) and m.value < 30 \
                    and float(m.value).is_integer() and not re.search(r"\w\s?\($", left):
                return []
            if re.match(r"^\s*$", left) and re.match(r"^\)", right):
                return []
            if float(m.value).is_integer() and 1900 <= m.value <= 2100 and m.value_max is None:
                return []
        if re.match(r"^-[A-Za-z]", text[m.end : m.end + 2]) and m.magnitude_kind is None and (m.unit is None or m.is_word):
            return []  # compound modifiers: "4-bit", "double-check"
        if re.fullmatch(r"(?:1[89]|20)\d0'?s", m.text):
            return []  # a decade ("the 1990s"), not seconds
        if re.fullmatch(r"(?:1[89]|20)\d\d[a-z]", m.text):
            return []  # a citation's year ("Smith, 2024b"), not 2024 billion
        # 3. Settings and counts ("12 datasets", "4-bit"); a size before a model noun is a size ("7B LLMs").
        if m.suffix in self._size_suffixes and m.value_max is None \
                and rx["model_noun"].match(right) and not m.unit:
            return [Decision("model_size", "params")]
        # A factor escapes the setting nouns after it ("3x fewer GPUs" is a claim) unless it scales a
        # setting itself ("6.4times larger batch size").
        factor_claim = m.unit == "x" and not rx["factor_setting"].match(right)
        if m.unit == "x" and (rx["factor_setting"].match(right) or rx["factor_setting_before"].search(self._list_left(text, m))):
            return []  # a factor of a setting: "8x A100 GPUs", "a 4x larger batch", "increase the data by 10x"
        if rx["example_before"].search(left) and not rx["param"].match(right):
            return []  # "(e.g. 104 GPU hours)": what earlier work costs, an example (sizes still count)
        data_noun = rx["data_noun"].match(right)
        if rx["settings_after"].match(right) and not factor_claim and not rx["rate_unit"].match(right):
            if not rx["param"].match(right) and not data_noun:
                return []
            if data_noun and re.match(r"^\s?tokens? (?:long|context|window|length)", right, _I):
                return []
        if rx["settings_before"].search(left) and not factor_claim:
            return []  # a factor is never a length or a count ("generation 60x faster" is a speedup)
        if bare and rx["generic_before"].search(left) and not data_noun \
                and not rx["bare_after"].match(right) and not rx["points"].match(right) \
                and not rx["bare_before"].search(left) and not self.fields.metric_next_to(self._list_left(text, m), right) \
                and not self._measured_noun(left, right):
            return []

        # 4. By unit.
        if (m.is_word or m.unit in ("x", "%")) and rx["relative_before"].search(left):
            return []
        if m.is_word or m.unit == "x":
            sized = self._relative_size(left, right, m.unit)
            if sized is not None:
                return sized
        if m.is_word:
            if re.search(r"\b(?:a|an)\s+$", left, _I) and not re.match(
                    r"^\s?(?:speed\w*|increase|reduction|gain|improvement|boost|throughput|acceleration)", right, _I):
                return []  # a noun ("a triple is said to be ..."), not a factor
            if m.reduction_only and not re.search(r"(?:by|in|around|about|nearly|approximately|roughly|only|just)\s+$", left, _I) \
                    and not m.text.lower().startswith(("halv", "halves")):
                return []
            return self._relative(text, m, s0, s1, left, right)
        if m.unit == "%":
            if rx["percent_after"].match(right) or rx["percent_before"].search(left):
                return []
            clause = re.split(r"[,;]\s|\b(?:while|whereas|but)\s", left)[-1]
            if m.role in ("from", "to") and _SETTING_NEAR.search(clause):
                return []  # "sparsity rises from 50% to 75%": a setting that changes
            typed = self._relative(text, m, s0, s1, left, right)
            # No cue, yet plainly a measured value: "CosmosQA (91.8%)" (a score in brackets after a
            # name), a percentage that moves "from 80% up to 85.4%", a margin ("exceeds X ... by 27%").
            if typed is None and (re.search(r"[A-Za-z][\w\-.]*\s?\([<>~≤≥]?$", left) and re.match(r"^\s?[),;]", right)
                                  or m.role in ("from", "to")
                                  or _BEATS_BY.search(left)):
                return [Decision("benchmark_score", m.unit)]
            return typed
        if m.unit == "x":
            if re.match(r"^\s?\d", text[m.end : m.end + 3]):
                return []  # "8times 8": a product (a resolution), the LaTeX \times lost
            return self._relative(text, m, s0, s1, left, right)
        if m.unit and re.fullmatch(r"[KMGTP]i?B|bytes?", m.unit):
            if rx["byte_noun"].match(right):
                return [Decision("dataset_size", "bytes")]
            if re.search(r"(?:GPU|A100|H100|V100|RTX|card|device|memory of)\s*(?:with\s*)?$", left, _I) or \
                    re.match(r"^\s?(?:GPUs?|cards?|devices?|VRAM GPU|of (?:GPU )?memory each)", right, _I):
                return []
            return [Decision("memory_reduction", m.unit)]
        if m.unit:  # a time unit glued: "554.66s" (but "10s of seconds" is not a measurement)
            if re.match(r"^\s?of\b", right):
                return []
            return [Decision("benchmark_score", m.unit)]
        return self._by_noun(text, m, left, right)

    def _by_noun(self, text: str, m: Mention, left: str, right: str) -> list[Decision]:
        """Type a number by the noun after it (parameters, tokens, FLOPs, GPU hours), else as a bare score."""
        rx = self._re
        if rx["param"].match(right):
            return [Decision("model_size", "params")]
        if rx["flop"].match(right):
            unit = "FLOPs"
            if rx["reduction_cue"].search(left):
                return [Decision("compute_reduction", unit)]
            return [Decision("benchmark_score", unit)]
        cm = rx["compute_noun"].match(right)
        if cm:  # saved compute is a reduction; an amount used is an absolute cost (a measured result)
            kind = "compute_reduction" if rx["reduction_cue"].search(left) else "benchmark_score"
            return [Decision(kind, cm.group(1).strip())]
        ru = rx["rate_unit"].match(right)
        if ru:  # a rate is a measurement, before any data noun in it ("150 tokens per second")
            return [Decision("benchmark_score", ru.group(1))]
        dm = rx["data_noun"].match(right) if m.sign is None else None
        if dm and not (m.magnitude_kind is None and m.value < 10 and float(m.value).is_integer()
                       and not rx["data_cue"].search(left)):
            unit = self._data_unit(dm.group(1))
            if unit == "tokens" and re.search(r"context|window|length|long|sequence|input|output|prompt", (left[-50:] + right[:40]), _I):
                return []
            if unit == "tokens" and (m.qualifier == "upper" or _UP_TO.search(left)) and not rx["data_cue"].search(left):
                return []  # "supporting up to 128k tokens": a context length, a setting
            if unit in ("words",) and not rx["data_cue"].search(left) and not re.search(r"corpus|corpora|dataset", dm.group(0), _I):
                return []
            if unit == "problems" and "task" in dm.group(1).lower() and not rx["data_cue"].search(left):
                return []
            return [Decision("dataset_size", unit)]
        tn = rx["time_noun"].match(right)
        if tn and _TIME_TAKEN.search(left):
            return [Decision("benchmark_score", tn.group(1).strip())]
        if m.magnitude_kind is not None:
            suffix_ok = m.suffix in ("B", "b") or m.magnitude_kind == "word" and m.magnitude >= 1e9
            # a size after a word ("Gopher 280B", "parameters of 3 billion, 7 billion") unless a noun that is
            # not a model's, or another number, follows ("over 660 million users", "14M methods")
            noun_after = re.match(r"^[\s\-]?([A-Za-z][\w\-]*)", right)
            other_after = bool(noun_after and noun_after.group(1).lower() not in _SIZE_FOLLOWERS or re.match(r"^\s?\d", right))
            after_word = bool(re.search(r"[A-Za-z][\w\-.]*\s\(?$", left)) and not other_after
            model_ctx = rx["model_noun"].match(right) or after_word \
                or re.match(r"^\s?\)", right) or re.match(r"^\s?[A-Z][\w\-.]*", right)
            if rx["data_cue"].search(left) and not rx["model_noun"].match(right):
                return []  # "a dataset of 77M SMILES": an amount of data in a unit we do not know
            if m.suffix in self._size_suffixes or m.magnitude_kind == "word":
                if suffix_ok and not re.match(r"^\s?(?:of|in|for)\b", right) or model_ctx:
                    if m.magnitude_kind == "word" and not model_ctx:
                        return []
                    return [Decision("model_size", "params")]
            return []
        # A bare number: a score only next to score words, or in a from->to / vs pair about a metric.
        pm = rx["points"].match(right)
        if pm:
            return [Decision("benchmark_score", "points")]
        if m.role in ("from", "to", "vs-left", "vs-right"):
            # The metric must be named just before the pair ("correlation ... from 0.94 to 0.98").
            pair_start = m.start if m.role in ("from", "vs-left") else text.rfind("from", 0, m.start)
            if self.fields.metric_in(text[max(0, pair_start - 70) : pair_start]) or m.sign == "+":
                return [Decision("benchmark_score", None)]
            return []
        if m.sign == "+" or rx["bare_after"].match(right) or rx["bare_before"].search(left) \
                or self._paren_score(m, left, right) or self.fields.metric_next_to(self._list_left(text, m), right):
            return [Decision("benchmark_score", "points" if m.sign == "+" else None)]
        return []

    def _out_of(self, text: str, m: Mention, left: str, right: str) -> list[Decision] | None:
        """"X out of N items": X is a result counted in items, N the amount of items (a data amount
        when each item is one problem); neither when the items are tasks or datasets."""
        rx = self._re
        after = rx["out_of_after"].match(right)
        if after:
            noun = after.group("noun")
            # "improves in 17 out of 19 domains": the categories something held in, not items solved
            if rx["out_of_not_items"].match(noun) or re.search(r"\bin\s$", left):
                return []
            return [Decision("benchmark_score", noun)]
        before = rx["out_of_before"].search(left)
        if before:
            nm = rx["out_of_noun"].match(right)
            if nm is None:
                return None
            if rx["out_of_not_items"].match(nm.group("noun")) or re.search(r"\bin\s$", left[: before.start()]):
                return []
            return [Decision(self._out_of_type, nm.group("noun"))]
        return None

    def _relative_size(self, left: str, right: str, unit: str | None) -> list[Decision] | None:
        """A factor of relative model size: the claim when the compared model is the larger one,
        nothing when a non-model or the paper's own model is the larger one, None if not a size."""
        rx = self._re
        if rx["rel_sized"].match(right) or rx["rel_larger"].match(right) and rx["rel_owner"].search(left):
            return [Decision(self._relative_size_type, unit or "x")]
        if rx["rel_excluded"].match(right):
            return []
        return None

    def _measured_noun(self, left: str, right: str) -> bool:
        """A unit noun that makes a bare count a measurement: compute ("665,000 GPU hours"), FLOPs,
        or a time taken ("in 24 hours")."""
        rx = self._re
        return bool(rx["compute_noun"].match(right) or rx["flop"].match(right)
                    or rx["time_noun"].match(right) and _TIME_TAKEN.search(left))

    @staticmethod
    def _list_left(text: str, m: Mention) -> str:
        """The words before a number, or before its list ("perplexities of 83 and 82": both items)."""
        start = m.group_start if m.in_list and m.group_start is not None else m.start
        return text[max(0, start - NEAR) : start]

    @staticmethod
    def _paren_score(m: Mention, left: str, right: str) -> bool:
        """'Safety (91.0)', 'Janus 7B: 0.8392' — a decimal right after a name, in a sentence about scores."""
        if not re.search(r"[\w)]\s?[(:]\s?$", left) or not re.match(r"^\s?[),;]", right):
            return False
        if "." not in m.text:
            return False
        return True

    def _data_unit(self, noun: str) -> str:
        for pattern, unit in self.types["dataset_size"]["nouns"].items():
            if re.fullmatch(pattern, noun, _I):
                return unit
        return noun.lower()

    def _relative(self, text: str, m: Mention, s0: int, s1: int, left: str, right: str) -> list[Decision] | None:
        """Type a factor or percentage by the nearest trigger words of each type.

        A trigger counts for less the further it is, and half as much for each clause boundary
        (comma, semicolon, closing bracket) between it and the number. ``None``: no cue at all.
        """
        # A trigger further than REACH characters scores below the 0.12 floor (1.25 * exp(-105/45)),
        # so only that reach around the number is scanned.
        s0, s1 = max(s0, m.start - REACH), min(s1, m.after + REACH)
        sentence = text[s0:s1]
        a, b = m.start - s0, m.after - s0
        best: dict[str, float] = {}
        near_right: dict[str, int] = {}
        found = self._trigger_matches(text)
        for trig in self._triggers:
            score = 0.0
            for weight, pattern in ((1.0, trig.strong), (0.35, trig.weak)):
                if pattern is None:
                    continue
                if m.is_word and weight < 1.0:
                    continue  # a multiplier word needs a trigger that names the quantity
                spans = found[(trig.name, weight)]
                lo = bisect.bisect_left(spans, (s0, s0))
                for t in (_Span(ts - s0, te - s0) for ts, te in spans[lo:bisect.bisect_left(spans, (s1, s1))] if te <= s1):
                    if t.start() < b and t.end() > a:
                        continue
                    if t.start() >= b:
                        dist = t.start() - b
                        between = sentence[b : t.start()]
                        w = weight * 1.25
                        if _OTHER_RELATIVE.search(between):
                            w *= 0.3  # "1.42x and a 1.49x memory reduction": that trigger is the next number's
                        if weight == 1.0 and dist <= 60 and not re.search(r"[,.;()]", between):
                            near_right[trig.name] = min(near_right.get(trig.name, 999), dist)
                    else:
                        dist = a - t.end()
                        between = sentence[t.end() : a]
                        w = weight
                    w *= 0.5 ** len(re.findall(r"[,;)]|\s-\s|\swhile\s|\swhereas\s", between))
                    score = max(score, w * math.exp(-dist / 45.0))
            best[trig.name] = score
        ranked = sorted(best.items(), key=lambda kv: -kv[1])
        top, top_score = ranked[0]
        if top_score < 0.12:
            return None
        unit = m.unit
        if unit is None and self._re["points"].match(right):
            unit = "points"
        # One factor reducing two things: "4x reduction in computation and memory costs".
        if len(near_right) >= 2:
            kinds = sorted(near_right, key=near_right.get)
            first, second = kinds[0], kinds[1]
            between = sentence[b + near_right[first] : b + near_right[second]]
            # Only a coordinated noun phrase: "in computation and memory costs", not "faster than X and cuts memory".
            if " and " in between and len(between.split()) <= 4 and not re.search(r"\bthan\b", between) \
                    and "benchmark_score" not in (first, second):
                return [Decision(first, unit), Decision(second, unit)]
        return [Decision(top, unit)]

    def _trigger_matches(self, text: str) -> dict[tuple[str, float], list[tuple[int, int]]]:
        """Every trigger word's spans in ``text``, found once per abstract (not once per number)."""
        if self._trig_text is not text:
            self._trig_text = text
            self._trig_found = {}
            upto = min(len(text), getattr(self, "_trig_upto", len(text)) or len(text))
            for trig in self._triggers:
                for weight, pattern in ((1.0, trig.strong), (0.35, trig.weak)):
                    if pattern is not None:
                        self._trig_found[(trig.name, weight)] = [t.span() for t in pattern.finditer(text, 0, upto)]
        return self._trig_found

    @staticmethod
    def _head_word(text: str, m: Mention) -> str | None:
        """The word a factor or percentage modifies ("3x reduction" -> "reduction")."""
        if m.unit not in ("x", "%"):
            return None
        # a comparative is not the head: "40 times less labelled data" / "40 times less training time"
        hm = re.match(r"\s?(?:(?:less|more|fewer|lower|higher|smaller|larger)\s)?([a-z][a-z\-]+)", text[m.after : m.after + 40])
        return hm.group(1) if hm and hm.group(1) not in ("and", "or", "of", "the", "on", "in", "to", "for", "with") else None

    @staticmethod
    def _token_at(text: str, start: int, end: int) -> str:
        """The whole whitespace-delimited name around a span ("Qwen2.5-Math-1.5B-Instruct")."""
        s = start
        while s > 0 and not text[s - 1].isspace() and text[s - 1] not in "(\"'":
            s -= 1
        if s > 1 and text[s - 1] == " " and text[s - 2] == "-":  # "StarCoder2- 15B"
            s -= 2
            while s > 0 and not text[s - 1].isspace() and text[s - 1] not in "(\"'":
                s -= 1
        e = end
        while e < len(text) and not text[e].isspace() and text[e] not in ",;)\"'":
            e += 1
        return text[s:e].rstrip(".:")
