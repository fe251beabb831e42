"""The extractor's specs as validated models, compiled once into the patterns the steps read.

Every spec file under ``extractors/`` is loaded into a pydantic model (unknown keys and bad regular
expressions are errors naming the file), so a typo in a rule fails at load time, not as a silent
miss. The engine never names a claim type: it asks for the type that plays a *role* ("size",
"data", "measurement", ...), and every type spec with trigger words takes part in trigger scoring.
A new claim type is one new spec file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..errors import ClaimsetError
from ..fastre import Scanner
from ..spec import extractors_dir, spec_names, validated_spec

_I = re.IGNORECASE
ROLES = ("size", "data", "items_out_of", "measurement", "relative_size", "memory_amount", "compute_saved",
         "time_saved")


def _check_patterns(values: list[str]) -> list[str]:
    for v in values:
        try:
            re.compile(v)
        except re.error as exc:
            raise ValueError(f"bad regular expression {v!r} ({exc})") from None
    return values


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RelativeSize(_Spec):
    sized: list[str]
    sized_of: list[str] = Field(default_factory=list)
    larger: list[str]
    excluded: list[str]
    owner_before: list[str]
    examples: list[tuple[str, str]] = Field(default_factory=list)

    _patterns = field_validator("sized", "sized_of", "larger", "excluded", "owner_before")(_check_patterns)


class TypeSpec(_Spec):
    """One claim type (``extractors/types/*.toml``)."""

    name: str
    roles: list[str] = Field(default_factory=list)
    trigger_rank: int = Field(99, description="breaks ties between types whose triggers score the same")
    strong: list[str] = Field(default_factory=list, description="trigger words that name the quantity")
    weak: list[str] = Field(default_factory=list, description="trigger words that only lean to it")
    # model sizes
    param_nouns: list[str] = Field(default_factory=list)
    param_modifiers: list[str] = Field(default_factory=list)
    model_nouns: list[str] = Field(default_factory=list)
    ambiguous_model_nouns: list[str] = Field(default_factory=list)
    model_modifiers: list[str] = Field(default_factory=list)
    size_suffixes: list[str] = Field(default_factory=list)
    # data amounts
    byte_nouns: list[str] = Field(default_factory=list)
    byte_nouns_before: list[str] = Field(default_factory=list)
    data_cues: list[str] = Field(default_factory=list)
    collection_cues: list[str] = Field(default_factory=list)
    cue_fillers: list[str] = Field(default_factory=list)
    not_modifiers: list[str] = Field(default_factory=list)
    not_heads: list[str] = Field(default_factory=list)
    nouns: dict[str, str] = Field(default_factory=dict)
    amount_units: list[str] = Field(default_factory=list, description="data units that measure, not count: one is data")
    length_units: list[str] = Field(default_factory=list, description="data units that also measure one input's length")
    binary_length_units: list[str] = Field(default_factory=list,
                                           description="data units that are a length when counted in binary thousands (32K)")
    glued_time_units: dict[str, str] = Field(default_factory=dict, description="a glued time unit -> its data unit")
    # measurements
    bare_before: list[str] = Field(default_factory=list)
    bare_after: list[str] = Field(default_factory=list)
    level_before: list[str] = Field(default_factory=list, description="a bare decimal after these is a score")
    relative_size: RelativeSize | None = None
    examples: list[tuple[str, str]] = Field(default_factory=list)

    _patterns = field_validator("strong", "weak", "param_nouns", "model_nouns", "byte_nouns", "byte_nouns_before", "data_cues",
                                "collection_cues", "bare_before", "bare_after", "level_before")(_check_patterns)

    @field_validator("roles")
    @classmethod
    def _known_roles(cls, roles: list[str]) -> list[str]:
        unknown = [r for r in roles if r not in ROLES]
        if unknown:
            raise ValueError(f"unknown role(s) {unknown} (known: {', '.join(ROLES)})")
        return roles


class NamedPattern(_Spec):
    pattern: str
    ignore_case: bool = False
    examples: list[tuple[str, bool]] = Field(default_factory=list)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, v: str) -> str:
        return _check_patterns([v])[0]

    def compile(self) -> re.Pattern:
        return re.compile(self.pattern, _I if self.ignore_case else 0)


class PatternsSpec(_Spec):
    patterns: dict[str, NamedPattern]
    lists: dict[str, list[str]]


class SettingsSpec(_Spec):
    after: list[str]
    factor_after: list[str]
    factor_before: list[str]
    before: list[str]
    generic_before: list[str]
    percent_after: list[str]
    relative_before: list[str]
    example_before: list[str]
    percent_before: list[str]
    point_after: list[str] = Field(default_factory=list)
    produced_before: list[str] = Field(default_factory=list)
    out_of_not_items: list[str]

    _patterns = field_validator("after", "factor_after", "factor_before", "before", "percent_after",
                                "relative_before", "example_before", "percent_before",
                                "point_after", "produced_before")(_check_patterns)


class LexiconSpec(_Spec):
    flop_nouns: list[str]
    reduction_cues: list[str]
    compute_nouns: list[str]
    time_nouns: list[str]
    rate_units: list[str]
    not_model_names: list[str]


def _not_head(data) -> str:
    """A data noun that only modifies the head after it is not the unit ("12 image classification tasks")."""
    if not data.not_heads:
        return ""
    words = r"(?:(?!(?:" + "|".join(data.not_modifiers) + r")\b)[a-z\-]+\s){0,2}"
    return r"(?!\s" + words + "(?:" + "|".join(data.not_heads) + r")\b)"


def _alt(patterns: list[str]) -> str:
    """One alternation, longest alternatives first (so "GPU hours" wins over "GPU")."""
    return "|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True))


def _as_written(pattern: str) -> str:
    """A trigger that is an abbreviation ("IS", "EM", "mAP", "KID") matches only as written, so the
    words "is", "em", "map" and "kid" are never one; a pattern that sets its own case (``(?i``, or
    ``(?-i:`` on its parts: "on NAME" reads "On" at a sentence's start) is left alone."""
    letters = re.sub(r"\\[a-zA-Z]|\(\?[a-zA-Z\-]+[:)]|\[[^\]]*\]", "", pattern)
    if pattern.startswith("(?i") or "(?-i:" in pattern or not re.search(r"[A-Z][^a-z\s]*[A-Z]|[a-z][A-Z]|^[A-Z]{2}", letters):
        return pattern
    return f"(?-i:{pattern})"


def _triggers(patterns: list[str]) -> str:
    return _alt([_as_written(p) for p in patterns])


class FieldsSpec(BaseModel):
    """``extractors/fields.toml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    metrics: list[str]
    metric_prefixes: list[str] = Field(default_factory=list)
    benchmark_before: list[str]
    benchmark_after: list[str]
    not_benchmarks: list[str]
    baseline_cues: list[str]
    subject_pronouns: list[str]
    generic_names: list[str] = Field(default_factory=list)
    model_families: list[str] = Field(default_factory=list)
    benchmark_name_forms: list[str] = Field(default_factory=list)
    words: dict[str, list[str]]
    patterns: dict[str, NamedPattern]


def load_fields_spec() -> FieldsSpec:
    return validated_spec(FieldsSpec, "fields")


@dataclass(frozen=True)
class Trigger:
    """The trigger words of one claim type, compiled."""

    name: str
    strong: Scanner
    weak: Scanner | None


class Specs:
    """All specs, validated and compiled. ``P.<name>`` is a compiled pattern; ``role(r)`` the type
    playing role ``r``; ``triggers`` the types scored by trigger words."""

    def __init__(self) -> None:
        self.types: dict[str, TypeSpec] = {}
        self._units: dict[str, str] = {}  # data nouns already looked up (see data_unit)
        for name in spec_names("types"):
            spec = validated_spec(TypeSpec, name)
            self.types[spec.name] = spec
        self.settings: SettingsSpec = validated_spec(SettingsSpec, "settings")
        self.lexicon: LexiconSpec = validated_spec(LexiconSpec, "lexicon")
        self.named: PatternsSpec = validated_spec(PatternsSpec, "patterns")
        self._roles = {r: t.name for t in self.types.values() for r in t.roles}
        missing = [r for r in ROLES if r not in self._roles]
        if missing:
            raise ClaimsetError(f"no type spec declares the role(s) {', '.join(missing)}", extractors_dir() / "types")
        self.triggers = [Trigger(t.name, Scanner(_triggers(t.strong), _I), Scanner(_triggers(t.weak), _I) if t.weak else None)
                         for t in sorted(self.types.values(), key=lambda t: (t.trigger_rank, t.name)) if t.strong]
        self.lists = {k: frozenset(v) for k, v in self.named.lists.items()}
        self.amount_units = frozenset(self.types[self.role("data")].amount_units)
        self.length_units = frozenset(self.types[self.role("data")].length_units)
        self.binary_length_units = frozenset(self.types[self.role("data")].binary_length_units)
        self.glued_data_units = dict(self.types[self.role("data")].glued_time_units)
        self.P = _compiled({**{k: v.compile() for k, v in self.named.patterns.items()}, **self._from_types()})

    def role(self, role: str) -> str:
        """The claim type that plays ``role``."""
        return self._roles[role]

    def data_unit(self, noun: str) -> str:
        """The unit a data noun stands for ("instruction pairs" -> "pairs"), else the noun itself."""
        unit = self._units.get(noun)
        if unit is None:  # (the same few nouns come back: each is matched against the table once)
            unit = next((u for pattern, u in self.types[self.role("data")].nouns.items()
                         if re.fullmatch(pattern, noun, _I)), noun.lower())
            if len(self._units) < 10_000:
                self._units[noun] = unit
        return unit

    def _from_types(self) -> dict[str, re.Pattern]:
        size, data, score = (self.types[self.role(r)] for r in ("size", "data", "measurement"))
        rel = self.types[self.role("relative_size")].relative_size
        st, lex = self.settings, self.lexicon
        generic = set(st.generic_before)
        return {
            "param": re.compile(r"^\s?(?:-|\s)?(?:(?:" + "|".join(size.param_modifiers) + r")[ -])*"
                                rf"(?:{_alt(size.param_nouns)})\b", _I),
            "model_noun": re.compile(r"^[\s\-]?(?:(?:" + "|".join(size.model_modifiers) + r")[ -])*"
                                     rf"(?:{_alt(size.model_nouns)})\b"),
            "ambiguous_model_noun": re.compile(r"^[\s\-]?(?:" + _alt(size.ambiguous_model_nouns or ["(?!)"]) + r")\b"),
            # a noun, not a compound modifier ("instruction-finetuned" is not "instructions")
            # (a bracketed modifier may come first: "400M (image, text) pairs"; a comma may part two
            # adjectives before a compound one: "700 structured, content-rich prompts"; a collection's
            # camel-case name may say whose items they are: "2.8K FooNotes documents")
            "data_noun": re.compile(r"^[\s\-]?(?:\([^()]{1,30}\)\s)?(?:(?!(?:" + "|".join(data.not_modifiers) + r")\b)"
                                    r"(?:[a-z\-]+(?:,(?=\s[a-z]+-[a-z]))?|[A-Z]{2,}|[A-Z][a-z]+[A-Z][\w\-]*|\d+\s?[×x]\s?\d+) ){0,4}?(" + "|".join(f"(?:{k})" for k in data.nouns)
                                    + r")(?![\w\-])" + _not_head(data), _I),
            "byte_noun": re.compile(r"^\s?(?:" + _alt(data.byte_nouns) + r")\b", _I),
            "byte_noun_before": re.compile(r"\b(?:" + _alt(data.byte_nouns_before or ["(?!)"])
                                           + r")\s(?:\(\s?)?[<>~≤≥]?$", _I),
            # (an approximation sign may stand before the number: "pre-trained on ~700B tokens")
            # (and across a count coordinated before it: "consists of 26K identities and 128K sequences")
            "data_cue": re.compile(r"(?:" + _alt(data.data_cues) + r")\s+(?:"
                                   + "|".join(f"{f} " for f in data.cue_fillers) + r")?(?:\d[\d.,]*[KMB]?\s(?:[A-Za-z\-]+\s){1,2}?"
                                   r"(?:and|,(?:\sand)?)\s)?(?:[~∼≈]\s?)?$", _I),
            "collection_cue": re.compile(r"\b(?:" + _alt(data.collection_cues or ["(?!)"]) + r")\s+(?:"
                                         + "|".join(f"{f} " for f in data.cue_fillers) + r")?(?:[~∼≈]\s?)?$", _I),
            "flop": re.compile(r"^\s?(?:" + _alt(lex.flop_nouns) + r")", 0),
            "compute_noun": re.compile(r"^\s?(" + _alt(lex.compute_nouns) + r")\b", 0),
            "time_noun": re.compile(r"^\s?(" + _alt(lex.time_nouns) + r")\b", 0),
            "rate_unit": re.compile(r"^\s?(" + _alt(lex.rate_units) + r")", 0),
            "reduction_cue": re.compile(r"\b(?:" + _alt(lex.reduction_cues) + r")\b[^.;]{0,40}$", _I),
            "not_model": re.compile(r"^(?:" + _alt([re.escape(n) for n in lex.not_model_names]) + r")(?:[-_ ]|$)", _I),
            "settings_after": re.compile(r"^\s?(?:" + _alt(st.after) + r")", _I),
            "factor_setting": re.compile(r"^\s?(?:" + _alt(st.factor_after) + r")", _I),
            "factor_setting_before": re.compile(r"(?:" + _alt(st.factor_before) + r")$", _I),
            "example_before": re.compile(r"(?:" + _alt(st.example_before) + r")$", _I),
            "settings_before": re.compile(r"(?:" + _alt([b for b in st.before if b not in generic]) + r")\s?$", _I),
            "generic_before": re.compile(r"(?:^|\s)(?:" + _alt(sorted(generic)) + r")$", _I),
            "produced_before": re.compile(r"(?:" + _alt(st.produced_before or ["(?!)"]) + r")\s?$", _I),
            # "(<10%) of the budget": a closing bracket may stand between the percentage and its noun
            "percent_after": re.compile(r"^\)?\s?(?:" + _alt(st.percent_after) + r")\b", _I),  # ("of Web" is not "of WebArena")
            "percent_before": re.compile(r"(?:" + _alt(st.percent_before) + r")\s?$", _I),
            "point_after": re.compile(r"^\s?(?:" + _alt(st.point_after or ["(?!)"]) + r")", _I),
            "relative_before": re.compile(r"(?:" + _alt(st.relative_before) + r")$", _I),
            "out_of_not_items": re.compile(r"^(?:" + _alt(st.out_of_not_items) + r")$", _I),
            "bare_before": re.compile(r"(?:" + _alt(score.bare_before) + r")\s*$", 0),
            "bare_after": re.compile(r"^\s*(?:" + _alt(score.bare_after) + r")", 0),
            "level_before": re.compile(r"(?:" + _alt(score.level_before or ["(?!)"]) + r")\s*$", 0),
            "rel_sized": re.compile(r"^\s?(?:" + _alt(rel.sized) + r")", _I),
            "rel_sized_of": re.compile(r"^\s?(?:" + _alt(rel.sized_of or ["(?!)"]) + r")", _I),
            "rel_larger": re.compile(r"^\s?(?:" + _alt(rel.larger) + r")", _I),
            "rel_excluded": re.compile(r"^\s?(?:" + _alt(rel.excluded) + r")", _I),
            "rel_owner": re.compile(r"(?:" + _alt(rel.owner_before) + r")$", _I),
        }


# Long alternations of spec phrases searched for at the end of a left context, or matched right after a
# number: RE2 scans these faster, or rules out most calls at once (claimset.fastre.Scanner's gate);
# on short patterns its per-call cost outweighs the gain (measured on the calls of the 1,473 Epoch abstracts)
SCANNED = frozenset({"settings_before", "percent_before", "bare_before", "data_cue", "data_noun", "settings_after",
                     "collection_cue", "version_before", "factor_setting_before", "processed_before", "out_of_before",
                     "word_before", "generic_before", "list_marker_before", "pair_by_before"})


def _compiled(patterns: dict[str, re.Pattern]) -> Any:
    """Compiled patterns by attribute (``P.glued_name``); an unknown name is an error at once."""
    return SimpleNamespace(**{k: Scanner(v.pattern, v.flags) if k in SCANNED else v for k, v in patterns.items()})


@lru_cache(maxsize=1)
def specs() -> Specs:
    """The specs, loaded and compiled once per process."""
    return Specs()
