"""The typing of one number: an ordered list of named steps.

Each step looks at a number in its context and either passes (``None``), says it is not a claim
(``[]``: an exclusion), or types it (a list of :class:`Decision`, usually one). The first step that
does not pass decides, and its name is the decision's evidence (read by the confidence model).
Steps ask for claim types by role (``k.S.role("size")``), never by name, and read their patterns
and word lists from the specs (``k.P``, ``k.S.lists``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from .context import NEAR, Ctx, Decision
from .specs import Specs


@dataclass
class Kit:
    """What steps use besides the number: the specs, the field finder and the trigger scorer."""

    S: Specs
    fields: Any
    triggers: Callable[[Ctx, str], list[Decision] | None]

    @property
    def P(self) -> Any:  # noqa: N802 - the compiled patterns, read as k.P.<name>
        return self.S.P

    def decide(self, role: str, unit: str | None, evidence: str, hint: str | None = None) -> list[Decision]:
        return [Decision(self.S.role(role), unit, hint, evidence)]


Step = Callable[[Ctx, Kit], "list[Decision] | None"]


def _data_noun(c: Ctx, k: Kit):
    """The data noun right after the number (or None), matched once for all the steps that ask."""
    if "data_noun" not in c.memo:
        dm = k.P.data_noun.match(c.right)
        if dm is None and c.m.magnitude_kind is not None and c.right.startswith(" of "):
            dm = k.P.data_noun.match(c.right[3:])  # "540 billion of legal tokens"
        if dm is None and c.right[1:2].isupper():
            joined = k.P.coordinated_amount_after.match(c.right)  # ("300k Foo-Zero and 13k Foo-Hero trajectories")
            dm = k.P.data_noun.match(c.right[joined.end() :]) if joined else None
        c.memo["data_noun"] = dm
    return c.memo["data_noun"]

# No model name glued to a size is longer than this (the end-anchored name search reads no further back).
NAME_REACH = 80
# The longest setting cue before a number ("demonstration counts up to ") is under 30 characters:
# reading 60 keeps that end-anchored alternation cheap.
SETTING_CUE_REACH = 60
# "Up to" this many tokens, with no word of length near, is an amount of data (contexts stay far below).
MIN_CORPUS_TOKENS = 1e9
# a plain count of tokens below this is a length (no corpus in the gold or the corpus is this small)
FEW_TOKENS = 1e5
# No corpus is this small, and no context this long ("advancing to 16k tokens" is a length).
MAX_LENGTH_TOKENS = 1e6
# Fewer bare samples than this, with no data cue, are outputs drawn at inference ("best of 64 samples").
DRAWS = 1000
# A count a model is trained on is data from this many items ("trained on 60,000 crystals"; "on 8 nodes" is not).
TRAINED_ITEMS = 100
# A million words or more are a corpus, with or without a verb of training ("summaries of 200 words" are not).
CORPUS_WORDS = 1e6


# ------------------------------------------------------------------------- names and versions


def name_size(c: Ctx, k: Kit) -> list[Decision] | None:
    """A size glued to a name ("Llama-2-7B") is a model size; other numbers in names are not claims
    ("GPT-4", "ImageNet-1K"), nor are sizes of datasets named by them ("the Mol-5M dataset")."""
    m = c.m
    if m.suffix and k.P.active_after_total_before.search(c.left[-16:]):
        return k.decide("size", "params", "name_size")  # ("Kestrel (400B/A13B)": the active size, v4)
    glued = _glued_name(c, k) if m.sign is None and m.value_max is None else None
    if not glued:
        return None
    if m.suffix not in k.S.types[k.S.role("size")].size_suffixes or _not_a_model_size(c, k, glued):
        return []
    return k.decide("size", "params", "name_size", k.fields.rx.name_descriptor_suffix.sub("", _token_at(c.text, m.start, m.end)))


def _glued_name(c: Ctx, k: Kit):
    """The name a number is glued to, by a hyphen ("Llama-2-7B") or, for a size in billions, to a
    lower-case word ("Flamingo80B"); None if it is glued to none (most numbers: decided without a search)."""
    near = max(0, len(c.left) - NAME_REACH)  # (an end-anchored search reads only the name's reach)
    if "-" in c.left[-3:]:
        return k.P.glued_name.search(c.left, near)
    if c.m.suffix == "B" and c.left[-1:].islower() and not c.left.endswith("sim"):
        return k.P.glued_word.search(c.left, near)
    return None


def _not_a_model_size(c: Ctx, k: Kit, glued) -> bool:
    """A dataset's name ("ImageNet-1K", "the Mol-5M dataset"), a known model's version with a letter
    ("GPT-4b micro", guidelines v4) or millions after a name's billions ("Kestrel-13B-2M-enc": the data
    it was tuned on; "Kestrel-1B-7B" gives active and total sizes) carries no model size."""
    m, P = c.m, k.P
    if P.not_model.match(glued.group(1)) or P.data_name_part.search(glued.group(1)) \
            or _data_noun(c, k) and not P.param.match(c.right) \
            or m.suffix in ("M", "m") and P.size_then_amount_before.search(c.left[-8:]):
        return True
    if m.suffix == "b" and k.fields.is_generic_name(f"{glued.group(1)}-{m.text[:-1]}"):
        return True
    return bool(P.dataset_word_after.match(c.right) or P.dataset_content_after.match(c.right)
                or P.dataset_examples_before.search(c.left[: glued.start()]))


def glued_letters(c: Ctx, k: Kit) -> list[Decision] | None:
    """A number glued to letters is part of a name or a setting ("1080p", "3D"), unless the letters
    are points ("5pp": percentage points) or decibels ("1.5dB")."""
    if (c.m.suffix or c.bare) and k.P.glued_letter.match(c.glued_after or " ") \
            and not k.P.points_after.match(c.glued_after or "") and not k.P.decibels_glued.match(c.glued_after or "") \
            and not _reached_rate(c, k):
        return []  # (a rate reached is a measurement however written: "200FPS on a phone")
    if k.P.generation_name.match(c.m.text):
        return []  # ("5G and 6G systems": a generation of a standard, not 6 billion)
    return None


def out_of(c: Ctx, k: Kit) -> list[Decision] | None:
    """"X out of N items": X is a result counted in items and N the amount of items, unless the
    items are tasks or datasets, or the categories something held in ("in 17 out of 19 domains")."""
    if not c.bare:
        return None
    P = k.P
    after = P.out_of_after.match(c.right)
    noun = after and (after.group("noun") or after.group("pre"))
    if noun and _fewer_of_more(c.m.text, after.group("n"), after.group(0)):
        if P.out_of_not_items.match(noun) or P.in_before.search(c.left):
            return []
        return k.decide("measurement", noun, "out_of")
    before = P.out_of_before.search(c.left)
    if not before or not _fewer_of_more(before.group("x"), c.m.text, before.group(0)):
        return None
    nm = P.out_of_noun.match(c.right)
    noun = nm.group("noun") if nm else before.group("pre")  # ("22 instances out of 29.")
    if noun is None:
        return None
    if P.out_of_not_items.match(noun) or P.in_before.search(c.left[: before.start()]):
        return []
    return k.decide("items_out_of", noun, "out_of")


def solved_count(c: Ctx, k: Kit) -> list[Decision] | None:
    """A count of items a verb of solving takes ("D4C can repair 180 bugs", "proves 112 theorems", "by
    repairing at least 42 and 7 more bugs"): the system's result, counted in those items (as the X of
    "X out of N" is), never data."""
    if not c.bare:
        return None
    items = k.P.solved_items_after.match(c.right)
    if items is None or not k.P.solved_before.search(c.list_left if c.m.in_list else c.left):
        return None
    return k.decide("measurement", items.group("noun"), "solved_count")


def _fewer_of_more(x: str, n: str, phrase: str) -> bool:
    """"X out of N", or "X of N" with whole numbers X <= N ("18 of 32 targets"; not "1.5 of 10")."""
    if "out of" in phrase.lower():
        return True
    x, n = x.replace(",", ""), n.replace(",", "")
    return x.isdigit() and n.isdigit() and int(x) <= int(n)


def version_or_marker(c: Ctx, k: Kit) -> list[Decision] | None:
    """Versions ("Grok 3"), list markers ("(1)"), years and zero-padded labels ("the 01 loss") are
    not claims."""
    if not c.bare or c.m.sign is not None:
        return None
    if _version(c, k) or _list_marker(c, k) or _zero_padded(c.m.text) or _year(c.m) and not _data_noun(c, k):
        return []  # ("with 2000 instances": a count of data, not a year)
    return None


def _version(c: Ctx, k: Kit) -> bool:
    P, left = k.P, c.left
    return bool(P.version_before.search(left) and not k.fields.is_metric_word(left)
                and not P.bare_after.match(c.right) and not P.capitalised_preposition.search(left))


def _zero_padded(text: str) -> bool:
    """"01", "007": an integer written with a leading zero is a label, never an amount."""
    return len(text) > 1 and text[0] == "0" and text.isdigit()


def _list_marker(c: Ctx, k: Kit) -> bool:
    m, P, left, right = c.m, k.P, c.left, c.right
    small_int = m.value < 30 and float(m.value).is_integer() and "." not in m.text  # ("F1 = 1.00)" is a score)
    if P.list_marker_before.search(left) and P.closing_paren_after.match(right) and small_int \
            and not P.name_paren_before.search(left):
        return True
    return bool(P.blank.match(left) and P.immediately_closed.match(right))


def _year(m) -> bool:
    """A year is written as four digits: "2,000 pairs" is a count; so is each end of a span of years
    ("between 2024 and 2025", "2019-2021")."""
    if m.value_max is None:
        return m.text.isdigit() and 1900 <= m.value <= 2100
    ends = "".join(ch if ch.isdigit() else " " for ch in m.text).split()
    return m.unit is None and len(ends) == 2 and all(len(e) == 4 and 1900 <= int(e) <= 2100 for e in ends)


def modifier_decade_or_citation(c: Ctx, k: Kit) -> list[Decision] | None:
    """Compound modifiers ("4-bit", "double-check"), decades ("the 1990s"), citation years ("2024b")
    and the second factor of a product ("200×200") are not claims."""
    m, P = c.m, k.P
    after = c.text[m.end : m.end + 12]
    if m.magnitude_kind is None and (m.unit is None and P.compound_modifier.match(after)
                                     or m.is_word and P.word_compound.match(after)):
        return []
    if P.decade.match(m.text) or P.citation_year.match(m.text) \
            or m.magnitude_kind is None and (P.product_before.search(c.left[-4:]) or P.product_start.match(c.right)):
        return []
    return None


def size_before_model_noun(c: Ctx, k: Kit) -> list[Decision] | None:
    """A size before a model noun is a model size ("7B LLMs", "7B-13B LLMs")."""
    m = c.m
    if m.suffix in k.S.types[k.S.role("size")].size_suffixes and k.P.model_noun.match(c.right) and not m.unit:
        return k.decide("size", "params", "size_before_model_noun")
    return None


def size_after_family(c: Ctx, k: Kit) -> list[Decision] | None:
    """A size right after a model family's name is that model's size, whatever noun follows ("GPT-2
    124M shows", "on LLaMA 7B and 13B benchmarks")."""
    m = c.m
    if m.suffix in ("M", "B") and not m.unit and m.sign is None and k.fields.family_right_before(c.list_left if m.in_list else c.left):
        return k.decide("size", "params", "size_after_family")
    return None


# ------------------------------------------------------------------------------------ settings


def _factor_claim(c: Ctx, k: Kit) -> bool:
    """A factor escapes the setting nouns after it ("3x fewer GPUs" is a claim)."""
    return c.m.unit == "x" and not k.P.factor_setting.match(c.right)


def factor_of_setting(c: Ctx, k: Kit) -> list[Decision] | None:
    """A factor of a setting is not a claim: "8x A100 GPUs", "a 4x larger batch", "increase the data by 10x";
    but more data the paper's system beats is its data efficiency ("outperforming models trained on 100x
    more data", guidelines v4: as "outperform a 14x larger model" is a relative size)."""
    P = k.P
    if c.m.unit == "x" and (P.factor_setting.match(c.right) or P.factor_setting_before.search(c.list_left)):
        if P.more_data_after.match(c.right) and P.beaten_trained_before.search(c.left):
            return k.decide("compute_saved", "x", "data_efficiency")
        return []
    return None


def prior_example(c: Ctx, k: Kit) -> list[Decision] | None:
    """"(e.g. 104 GPU hours)": what earlier work costs, given as an example (sizes still count)."""
    if k.P.example_before.search(c.left) and not k.P.param.match(c.right) and not _own_result_example(c, k):
        return []
    return None


def cited_result(c: Ctx, k: Kit) -> list[Decision] | None:
    """"researchers reduced the training time from 29 hours to 2.2 minutes (Kestrel et al., 2018)": a
    result cited right after it, in a sentence with no word of the authors' own work, is earlier
    work's (guidelines: prior work's numbers only where the paper compares its own with them; sizes
    still count); so is one of a sentence that opens on a study by its authors' name ("The study by
    Wren reduces the error rate by 15%")."""
    P = k.P
    cited = P.cited_after.match(c.right) or _opens_clause(c) and P.prior_work_opens.match(c.text, c.s0)
    if cited and not P.first_person.search(c.text, c.s0, c.s1) and not P.param.match(c.right) \
            and c.m.suffix not in ("B", "T"):
        return []
    return None


def _opens_clause(c: Ctx) -> bool:
    """Does the number's window start where its sentence or a clause after a semicolon starts (not at
    a word a long sentence's window was cut at)?"""
    return c.text[: c.s0].rstrip()[-1:] in ("", ".", ";", "!", "?", ":")


def _own_result_example(c: Ctx, k: Kit) -> bool:
    """"Our models lead to the best results (e.g., 90.7% accuracy on X)": the paper's own result,
    with the metric it is measured by, given as an example; so is a gain ("(e.g., 9.8% improvement on X)",
    "(e.g., +9.8% on X)": a plus sign writes a change, never what earlier work costs; so does a before
    and after pair, "for example, 42.2% → 49.6%")."""
    return bool(k.P.own_result_example.search(c.left)) and k.fields.metric_next_to(c.left, c.right) \
        or k.P.gain_after_example.match(c.right) is not None or c.m.sign == "+" or c.m.role in ("from", "to")


def setting_noun(c: Ctx, k: Kit) -> list[Decision] | None:
    """Counts and settings named after the number ("12 datasets", "4-bit", "128k tokens long")."""
    P, right = k.P, c.right
    if P.physical_unit_after.match(right):
        return []  # ("1.5 T MRI brain images": tesla, however the images are counted)
    setting = P.settings_after.match(right)
    if not setting or _factor_claim(c, k) or P.rate_unit.match(right) \
            or c.m.unit and (P.byte_unit.match(c.m.unit) or c.m.unit in k.S.glued_data_units) or P.compute_noun.match(right):
        return None  # ("a 48GB GPU": byte_amount decides; "6 months of GPU time": compute used; "50h subset": data)
    data_noun = _data_noun(c, k)
    if not P.param.match(right) and not data_noun:
        return []
    if data_noun and (P.token_setting_after.match(right) or setting.end() > data_noun.end()):
        return []  # ("190 protein assays": the last noun names what is counted)
    return None


def setting_cue(c: Ctx, k: Kit) -> list[Decision] | None:
    """Settings named before the number ("batch size of 64"); a factor is never a length or count, nor
    is a billion or more items of data ("processing 50 trillion tokens": data processed, guidelines v4)."""
    if (k.P.settings_before.search(c.left[-SETTING_CUE_REACH:]) or c.m.in_list and c.bare
            and k.P.settings_before.search(c.list_left[-SETTING_CUE_REACH:])) and not _factor_claim(c, k) \
            and not (c.m.value >= MIN_CORPUS_TOKENS and _data_noun(c, k)):
        return []  # (a bare list item after the cue shares it: "with resolution 224 and 384")
    if k.P.produced_before.search(c.left[-SETTING_CUE_REACH:]) and not _factor_claim(c, k) and not _produced_data(c, k):
        return []
    return None


def _produced_data(c: Ctx, k: Kit) -> bool:
    """"we generate 6k songs": items a system produces are data (guidelines v4), and so are a billion
    or more tokens; a length it generates is a setting ("generating up to 512 tokens")."""
    dm = _data_noun(c, k)
    return bool(dm) and (k.S.data_unit(dm.group(1)) not in k.S.length_units or c.m.value >= MIN_CORPUS_TOKENS)


def collection_count(c: Ctx, k: Kit) -> list[Decision] | None:
    """A count right after a named collection is its size ("a benchmark of 24 curated motifs"); so is
    a count of hundreds or more that a model is trained on ("trained on ~60,000 crystals")."""
    P, m = k.P, c.m
    if m.unit is not None or m.is_word or m.sign is not None or m.value_max is not None or _data_noun(c, k) \
            or P.param.match(c.right):
        return None  # (a data noun after it: the data step reads it; parameters are a size)
    items = P.items_after.match(c.right)
    if not items or not _collection_cue(c, k) or (m.magnitude_kind is None and m.value < 10):
        return None
    if P.settings_after.match(items.group(1)):
        return []  # "a dataset containing 3755 character classes": classes, tasks ... are settings
    return k.decide("data", k.S.data_unit(items.group(1)), "collection_count")


def _collection_cue(c: Ctx, k: Kit) -> bool:
    """A named collection before the count, or a verb of processing or training before hundreds or
    more ("analyzing 80 unique approaches" counts no data)."""
    P, m = k.P, c.m
    bare_many = m.magnitude_kind is None and m.value >= TRAINED_ITEMS
    return bool(P.collection_cue.search(c.left)
                or (bare_many or m.magnitude_kind is not None) and P.processed_before.search(c.left)
                or bare_many and P.trained_on_before.search(c.left))


def generic_count(c: Ctx, k: Kit) -> list[Decision] | None:
    """A bare count after "for/in/of/with/using" is not a claim, unless a unit or metric says it is;
    nor is it one side of a "vs" pair (two measurements set side by side: "of 0.59 vs. 0.61")."""
    P, left, right = k.P, c.left, c.right
    if not c.bare or c.m.role == "vs-left" or not P.generic_before.search(left) or _data_noun(c, k):
        return None
    if c.m.value >= 1000 and P.param.match(right):
        return None  # "with 1,000,000 parameters": a model's size written in full ("of 3 parameters" is not)
    if P.bare_after.match(right) or P.points_after.match(right) or P.bare_before.search(left):
        return None
    if k.fields.metric_next_to(c.list_left, right) or _measured_noun(c, k) or _respective_scores(c, k):
        return None  # ("with 8.62 and 14.27 increases in A and B, respectively": scores)
    return []


def _measured_noun(c: Ctx, k: Kit) -> bool:
    """A unit noun that makes a bare count a measurement: compute, FLOPs, a rate, or a time taken (a
    frame rate only as a speed: "at a speed of 68.9 FPS", not "with a frame rate of 16 fps")."""
    P = k.P
    return bool(P.compute_noun.match(c.right) or P.flop.match(c.right) or _reached_rate(c, k)
                or P.time_noun.match(c.right) and P.time_taken_before.search(c.left))


def _reached_rate(c: Ctx, k: Kit) -> bool:
    """A rate unit after the number, a frame rate only as a speed reached ("at a speed of 68.9 FPS",
    "71 FPS on a FooGPU"; not the format "with a frame rate of 16 fps")."""
    P = k.P
    return bool(P.rate_unit.match(c.right) and (not P.frame_rate_after.match(c.right) or P.speed_of_before.search(c.left)
                                                or P.frame_rate_measured_after.match(c.right)))


# ---------------------------------------------------------------------------------- relatives


def example_factor(c: Ctx, k: Kit) -> list[Decision] | None:
    """A factor or percentage given as an example of what earlier work does ("(e.g., 5-10x)")."""
    m = c.m
    if (m.is_word or m.unit in ("x", "%")) and k.P.relative_before.search(c.left) and not _own_result_example(c, k):
        return []
    return None


def relative_size(c: Ctx, k: Kit) -> list[Decision] | None:
    """A factor of relative model size: a claim when the compared model is the larger ("models 5x
    larger", "twice its size"); not when a non-model or the paper's own model is larger."""
    m, P = c.m, k.P
    if not (m.is_word or m.unit == "x"):
        return None
    if P.rel_sized.match(c.right) or P.rel_larger.match(c.right) and P.rel_owner.search(c.left):
        return k.decide("relative_size", m.unit or "x", "relative_size")
    if P.rel_sized_of.match(c.right):
        smaller = m.value < 1 or m.reduction_only or P.rel_owner.search(c.left)
        return k.decide("relative_size", m.unit or "x", "relative_size") if smaller else []
    if P.rel_excluded.match(c.right):
        return []
    return None


def multiplier_word(c: Ctx, k: Kit) -> list[Decision] | None:
    """"twice", "an order of magnitude", "half": typed by trigger words; a noun after an article
    ("a triple"), before a noun ("double descent") or with no object ("relation triples across") is not
    a factor, and "half" is a claim only as a reduction (not as a share of the data used)."""
    m, P = c.m, k.P
    if not m.is_word:
        return None
    if P.article_before.search(c.left) and not P.factor_noun_after.match(c.right):
        return []
    if P.adjective_multiplier.match(c.text[m.start : m.start + 40]) or P.prescribed_before.search(c.left):
        return []  # ("double descent"; "should also be doubled": a prescription, not a result)
    if m.reduction_only and (not P.reduction_word_before.search(c.left) and not m.text.lower().startswith(("halv", "halves"))
                             and not P.reduction_word_after.match(c.right) or P.percent_after.match(c.right)):
        return []  # ("with only half of the complete data": a share of the data used is a setting, like "10% of it")
    return k.triggers(c, "triggers") or _UNDECIDED


def percentage(c: Ctx, k: Kit) -> list[Decision] | None:
    """A percentage: not a claim when it is a fraction of data (unless a verb says it is the share the
    system got right: "correctly classified 43.3% of the samples") or a setting that moves; else typed
    by trigger words; with none, still a result when it is in brackets after a name, moves from one
    value to another, or is a margin over a competitor."""
    m, P, left, right = c.m, k.P, c.left, c.right
    if m.unit != "%":
        return None
    before = P.percent_before.search(c.list_left if m.in_list else left)  # (a list's items share its cue)
    if P.percent_after.match(right) and not P.share_handled_before.search(left[-40:]) \
            or before and not P.comparative_after.match(right) or P.point_after.match(right) and P.at_before.search(left):
        return []
    clause = P.clause_break.split(left)[-1]
    if m.role in ("from", "to") and P.setting_that_moves.search(clause):
        return []
    if _level_reached(c, k):
        return k.decide("measurement", m.unit, "percent_level")
    typed = k.triggers(c, "triggers")
    if typed is None and _percent_result(c, k):
        return k.decide("measurement", m.unit, "percent_result")
    return typed or _UNDECIDED


def _level_reached(c: Ctx, k: Kit) -> bool:
    """"FooNet-C reaches 75.3% and is faster on GPU": what a system reaches, its phrase ending right
    after the percentage, is a level (the trigger words after it are another claim's)."""
    return not c.m.in_list and bool(k.P.result_verb_before.search(c.left[-40:]) and k.P.level_end_after.match(c.right))


def _percent_result(c: Ctx, k: Kit) -> bool:
    """A percentage no trigger word types is still a result in brackets after a name, as one end of
    a from->to pair, as a margin over a competitor, beside a metric's name ("Q3 = 79%"), as the
    change of a metric its clause names ("the RMSD is reduced ... by 62%"), written with a plus sign,
    a change ("including +14.7% on A"), what a system reaches ("the strongest model reaches 44%"), or an
    item of a list that "respectively" assigns to metrics ("the accuracy, sensitivity and specificity of
    the model are 95.7%, 95.2% and 93.2%, respectively")."""
    P, left, right = k.P, c.left, c.right
    return bool(c.m.sign == "+" or P.result_verb_before.search(left[-40:]) or _respective_scores(c, k)
                or P.name_bracket_before.search(left) and P.bracket_close_after.match(right)
                or c.m.role in ("from", "to") or P.beats_by_before.search(left)
                or k.fields.metric_next_to(left, right) or P.percent_on_named_after.match(right)
                or P.change_by_before.search(left) and k.fields.metric_in(P.clause_break.split(left)[-1]))


def factor(c: Ctx, k: Kit) -> list[Decision] | None:
    """A factor ("3x", "2.5 times"): typed by trigger words; "8times 8" is a product, not a factor."""
    if c.m.unit != "x":
        return None
    if k.P.product_after.match(c.glued_after):
        return []
    return k.triggers(c, "triggers") or _UNDECIDED


def byte_amount(c: Ctx, k: Kit) -> list[Decision] | None:
    """An amount of bytes: data when a corpus noun follows; hardware of the setup is not a claim;
    else memory a method needs."""
    m, P = c.m, k.P
    if not m.unit or not P.byte_unit.match(m.unit):
        return None
    if P.byte_noun.match(c.right) or P.byte_noun_before.search(c.left) or P.data_cue.search(c.left):
        return k.decide("data", "bytes", "byte_data")  # ("pre-trained on more than 2TB of imagery")
    if P.hardware_before.search(c.left) or P.hardware_after.match(c.right):
        # the hardware of a setting is not a claim, but the memory a method fits in is (guidelines
        # v4: "can be trained using LoRA on a 24GB VRAM GPU")
        return k.decide("memory_amount", m.unit, "byte_memory") if P.fits_on_before.search(c.left) else []
    return k.decide("memory_amount", m.unit, "byte_memory")


def glued_time(c: Ctx, k: Kit) -> list[Decision] | None:
    """A time unit glued to the number ("554.66s") is a measurement ("10s of seconds" is not), or a
    speedup where it is the time saved ("130ms latency reduction")."""
    if not c.m.unit:
        return None
    data_unit = k.S.glued_data_units.get(c.m.unit)
    if data_unit and _sizes_a_corpus(c, k):
        return k.decide("data", data_unit, "glued_data")
    if k.P.of_after.match(c.right) or k.P.setup_after.match(c.right) or k.P.name_before_glued.search(c.left) \
            or k.P.decade_mark_before.search(c.left) \
            or k.P.decade_the.match(c.m.text) and k.P.the_before.search(c.left):
        return []  # "10s of seconds", "SpeechNet 2s" (a name), "the '90s", "in the 80s" (decades)
    second = k.P.time_to_before.search(c.left)  # "cuts it from 10 minutes to 0.1s": the pair's second time
    if second:
        return _time_pair(c, k, c.m.unit, second)
    if k.P.time_saved_after.match(c.right):
        return k.decide("time_saved", c.m.unit, "time_saved")  # ("130ms 90-percentile latency reduction")
    return k.decide("measurement", c.m.unit, "glued_time")


def _sizes_a_corpus(c: Ctx, k: Kit) -> bool:
    """Does a glued time give the hours a corpus holds ("Librispeech (960h)", "the 10h and 100h subsets",
    "FooSpeech 480h", "on 270h FooTED talks")?"""
    P = k.P
    return bool(P.glued_data_after.match(c.right) or P.name_before_glued.search(c.left)
                or P.dataset_bracket_before.search(c.left) and P.bracket_close_after.match(c.right)
                or P.named_corpus_after.match(c.right) and P.corpus_list_before.search(c.left))


def _time_pair(c: Ctx, k: Kit, unit: str, second) -> list[Decision]:
    """A time of a from->to pair: saved where a reduction word comes before the pair ("cuts latency
    from 10 minutes to 0.1s"), else measured; ``second`` is the pair's "from N unit to", if this is its end."""
    saved = k.P.reduction_cue.search(c.left, 0, second.start() if second else len(c.left))
    return k.decide("time_saved" if saved else "measurement", unit, "time_pair")


# ------------------------------------------------------------------------------- by the noun


def param_noun(c: Ctx, k: Kit) -> list[Decision] | None:
    """Parameters after the number, or a count of them named right before it ("a number of
    parameters of 72K"; an amount, no factor or share): a model size."""
    m = c.m
    if k.P.param.match(c.right) or m.unit is None and (m.magnitude_kind is not None or m.value >= 1000) \
            and k.P.param_count_before.search(c.left):
        return k.decide("size", "params", "param_noun")
    return None


def flop_or_compute_noun(c: Ctx, k: Kit) -> list[Decision] | None:
    """FLOPs or GPU hours: compute saved when a reduction cue precedes, else a measured cost."""
    P = k.P
    fm = P.flop.match(c.right)
    if fm:
        word = fm.group(0).strip()
        unit = word if P.prefixed_flop.match(word) else "FLOPs"  # a prefixed rate keeps its unit as written
    else:
        cm = P.compute_noun.match(c.right)
        if not cm:
            return None
        unit = cm.group(1).strip()
    if P.matched_budget_before.search(c.left) or P.accuracy_at_before.search(c.left[-60:]):
        return []  # ("with the same 2e21 FLOPs": the budget both sides were given; "80% accuracy at 600 MFLOPs")
    # ("675 vs. 6,250 GPU days": two systems' compute set side by side is a saving, as a reduction cue says)
    saved = P.reduction_cue.search(c.left) or c.m.role in ("vs-left", "vs-right")
    return k.decide("compute_saved" if saved else "measurement", unit, "compute_noun")


def money(c: Ctx, k: Kit) -> list[Decision] | None:
    """An amount of dollars that a system costs: money saved when a reduction cue precedes or it is
    one end of a from->to pair ("cuts the cost from $40 to $12"), else a measured cost ("$0.06 per
    image", "trained for less than $50k"). Other money ("a deal worth $1 billion") is not a claim."""
    P = k.P
    if c.m.unit != "USD":
        return None
    if not (P.money_cue.search(c.left) or P.rate_after.match(c.right)):
        return []  # "a deal worth $625 million": money, but not what a system costs
    left = c.left[: q.start()] if (q := P.comparative_qualifier.search(c.left)) else c.left
    saved = P.reduction_cue.search(left) or c.m.role in ("from", "to")
    return k.decide("compute_saved" if saved else "measurement", "USD", "money")


def rate(c: Ctx, k: Kit) -> list[Decision] | None:
    """A rate is a measurement, before any data noun in it ("150 tokens per second")."""
    ru = k.P.rate_unit.match(c.right)
    return k.decide("measurement", ru.group(1), "rate") if ru else None


def data_noun(c: Ctx, k: Kit) -> list[Decision] | None:
    """A data noun after the number: a data amount, unless a length or context ("up to 128k
    tokens"), words that are not a corpus, or tasks that are not problems."""
    m, P = c.m, k.P
    dm = _data_noun(c, k) if m.sign is None else None
    if not dm:
        return None
    cue = bool(P.data_cue.search(c.left) or P.collection_opens.match(c.text, c.s0, c.m.start))
    unit = k.S.data_unit(dm.group(1))
    if m.magnitude_kind is None and m.value < 10 and float(m.value).is_integer() and not cue \
            and unit not in k.S.amount_units:
        return None  # "3 tasks": a small bare count needs a data cue ("1 hour of speech" is an amount)
    if P.per_item_after.match(c.right) and P.cost_per_item.search(c.left[-60:]):
        return k.decide("measurement", unit, "data_cost")  # ("an average cost of 270,000 tokens per bug")
    if _not_data(c, k, unit, dm, cue):
        return []
    return k.decide("data", unit, "data_noun")


def _not_data(c: Ctx, k: Kit, unit: str, dm, cue: bool) -> bool:
    m, P, left, right = c.m, k.P, c.left, c.right
    if _a_length_unit(c, k, unit, cue):
        return True
    if unit == "words" and not cue and _few_words(c, k, dm):
        return True
    if P.per_unit_after.match(right):
        return True  # "10 examples per class": shots
    if P.draws_after.match(right) and not cue and m.magnitude_kind is None and m.value < DRAWS:
        return True  # "with 16 samples": outputs drawn
    return unit == "problems" and "task" in dm.group(1).lower() and not cue and not P.collection_cue.search(left)


def _a_length_unit(c: Ctx, k: Kit, unit: str, cue: bool) -> bool:
    """Tokens (or residues) that are one input's length, or sequences counted in binary thousands."""
    if unit == "tokens" and not cue and c.m.magnitude_kind is None and c.m.value < FEW_TOKENS:
        return True  # ("using only 64 tokens", "requires 1,024 tokens": one input's length; a corpus counts millions)
    if unit in k.S.length_units:
        return _a_length(c, k, cue and unit == "tokens")
    return unit in k.S.binary_length_units and not cue and _binary_thousands(c.m)


def _binary_thousands(m) -> bool:
    """"32K", "256K": a power of two thousands, the way lengths are set."""
    n = m.value / 1000
    return m.suffix in ("K", "k") and n.is_integer() and n >= 2 and int(n) & (int(n) - 1) == 0


def _few_words(c: Ctx, k: Kit, dm) -> bool:
    """Words with no verb of collecting or training and no corpus noun are a text's length, unless
    there are millions of them ("and 197 million words": a corpus)."""
    return not k.P.corpus_word.search(dm.group(0)) and c.m.value < CORPUS_WORDS


def _a_length(c: Ctx, k: Kit, cue: bool) -> bool:
    """A count of tokens (or residues) that is a length: near "context", "input" ...; or "up to 128k
    tokens" with no data cue, "(proteins containing) up to 300 amino acids"."""
    P = k.P
    if c.m.value >= MIN_CORPUS_TOKENS and P.for_amount_before.search(c.left[-20:]):
        return False  # ("8K sequence length for up to 1.5T tokens": trained for that many tokens)
    near = c.left[-50:] + c.right[:40]
    if P.token_setting_near.search(near) and P.tokens_after.match(c.right) \
            and (c.m.value < MIN_CORPUS_TOKENS or P.token_length_near.search(near)):
        return True  # ("86 billion amino acids across 250 million protein sequences" is data; "processing
        # 50 trillion tokens" is data processed, but "sequence length to 1 billion tokens" a length)
    if c.m.value < MAX_LENGTH_TOKENS and (P.length_growth_before.search(c.left[-50:]) or P.length_growth_after.match(c.right)
                                          or P.items_with_before.search(c.left[-40:])):
        return True  # "before advancing to 16k tokens": a length grown in stages; "targets with >300 residues"
    if c.m.value >= MIN_CORPUS_TOKENS:
        return False  # "datasets of up to 3.5T tokens": "up to" a billion tokens is data, not a context
    return (c.m.qualifier == "upper" or bool(P.up_to_before.search(c.left))) and not cue


def time_taken(c: Ctx, k: Kit) -> list[Decision] | None:
    """A time taken ("in 24 hours", "trained for 5 days") is a measurement; a time a from->to pair
    brings down ("from 120 ms to 45 ms", "from 5 days to 3 hours"), or a time saved ("a 40 ms latency
    reduction"), is a speedup."""
    P, left = k.P, c.left
    tn = P.time_noun.match(c.right)
    if not tn:
        return None
    second = P.time_to_before.search(left)
    if second or P.from_before.search(left) and P.time_to_after.match(c.right):
        # (the time nouns stand between the numbers, so the parser made no from->to pair)
        return _time_pair(c, k, tn.group(1).strip(), second)
    if P.data_noun_bracket_before.search(left):
        return k.decide("data", tn.group(1).strip(), "data_duration")  # ("52 videos (207 minutes)": how long the data runs)
    if P.time_saved_after.match(c.right[tn.end() :]):
        return k.decide("time_saved", tn.group(1).strip(), "time_saved")  # ("a 40 ms latency reduction")
    if P.time_taken_before.search(left):
        return k.decide("measurement", tn.group(1).strip(), "time_taken")
    return None


def magnitude_size(c: Ctx, k: Kit) -> list[Decision] | None:
    """A number with a magnitude and no noun: a model size after a name or before a model noun
    ("Gopher 280B", "7 billion"), unless another noun follows ("660 million users")."""
    m, P, left, right = c.m, k.P, c.left, c.right
    if m.magnitude_kind is None:
        return None
    if (P.data_cue.search(left) or P.processed_before.search(left)) and not P.model_noun.match(right):
        return _data_items(c, k)
    if P.restated_before.search(left):
        return _UNDECIDED  # "1 trillion (1T) tokens": a restatement says what the number before it says
    bracketed = _bracketed_amount(c, k)
    if bracketed:
        return bracketed
    never = _never_a_size(c, k)
    if not never and _a_size(c, k):
        return k.decide("size", "params", "magnitude_size")
    if not m.in_list and k.P.data_items_after.match(right):
        return _data_items(c, k)  # "120 million Wikipedia mentions", "580k grasp attempts": items no lexicon knows are data
    # an item of a list ("3 billion, 7 billion and 12 billion") takes its siblings' type
    return _UNDECIDED if m.in_list and not never else []


def _never_a_size(c: Ctx, k: Kit) -> bool:
    """A magnitude that cannot be a parameter count: a suffix no size takes ("128K"), metres ("15m"),
    a dataset's name ("the 1B Word dataset"), or an item of a list with an item in thousands ("(128K,
    1M)" counts tokens, not parameters)."""
    m, P = c.m, k.P
    if m.suffix not in k.S.types[k.S.role("size")].size_suffixes and m.magnitude_kind != "word":
        return True
    if m.suffix == "m" and not P.lower_m_noun_after.match(c.right):
        return True  # "from 0.1m to 15m": metres
    if P.dataset_name_after.match(c.right):
        return True  # ("the 1B Word dataset": a dataset's name)
    return bool(m.in_list and m.group_start is not None and P.thousands_item.search(c.text, m.group_start, m.start))


def _bracketed_amount(c: Ctx, k: Kit) -> list[Decision] | None:
    """"400B text tokens (200B each for A and B)", "10% of their optimal tokens (0.8B and 2.2B)": a
    size in brackets after a data amount, or after a data noun, is data."""
    left = c.list_left if c.m.in_list else c.left
    if not left.rstrip().endswith("("):
        return None
    noun = k.P.data_noun_bracket_before.search(left)
    if noun:
        return k.decide("data", k.S.data_unit(noun.group(1)), "data_noun")
    amount = k.P.amount_bracket_before.search(left)
    noun = k.P.data_noun.match(amount.group("rest")) if amount else None
    if noun and noun.end() == len(amount.group("rest")):
        return k.decide("data", k.S.data_unit(noun.group(1)), "data_noun")
    return None


def _data_items(c: Ctx, k: Kit) -> list[Decision]:
    """"a dataset of 77M SMILES": an amount of data, in the unit its items are called."""
    items = k.P.data_items_after.match(c.right)
    if items and not k.P.settings_after.match(" " + items.group(1)):
        return k.decide("data", k.S.data_unit(items.group(1)), "collection_count")
    return []


def _a_size(c: Ctx, k: Kit) -> bool:
    """A size suffix ("280B") with no preposition after it, or a model around the number; a magnitude
    word ("7 billion") only with a model around it."""
    m = c.m
    model_ctx = _model_context(c, k)
    suffix_ok = m.suffix in ("B", "b") or m.magnitude_kind == "word" and m.magnitude >= 1e9
    return bool((suffix_ok and not k.P.preposition_after.match(c.right) or model_ctx)
                and (m.magnitude_kind != "word" or model_ctx))


def _model_context(c: Ctx, k: Kit) -> bool:
    P, right = k.P, c.right
    noun_after = P.word_after.match(right)
    other_after = bool(noun_after and noun_after.group(1).lower() not in k.S.lists["size_followers"]
                       or P.number_after.match(right) or P.active_other_after.match(right))
    after_word = bool(P.word_before.search(c.left)) and not other_after
    if c.m.magnitude_kind == "word" and P.ambiguous_model_noun.match(right):
        return False  # "36 million variants" of a genome: a magnitude word needs a noun that names a model
    return bool(P.model_noun.match(right) or after_word or P.closing_paren_after.match(right) or P.name_after.match(right)
                or P.size_of_size_after.match(right))  # "3B of its 30B parameters"


def points(c: Ctx, k: Kit) -> list[Decision] | None:
    """"3.1 points", "2 pp": a score difference."""
    return k.decide("measurement", "points", "points") if k.P.points_after.match(c.right) else None


def metric_pair(c: Ctx, k: Kit) -> list[Decision] | None:
    """A from->to or vs pair of bare numbers is a score when a metric is named just before it
    ("correlation ... from 0.94 to 0.98"), or earlier in its sentence when the pair is of measured
    decimals ("the RMSD of <a long noun phrase> is reduced from 5.65 to 0.71"; a count that grows
    "from 8 to 1,024" is no measurement)."""
    m = c.m
    if m.role not in ("from", "to", "vs-left", "vs-right"):
        return None
    pair_start = m.start if m.role in ("from", "vs-left") else c.text.rfind("from", 0, m.start)
    before = c.text[max(c.s0, pair_start - NEAR) if "." in m.text else max(0, pair_start - 70) : pair_start]
    if k.fields.metric_in(before) or m.sign == "+" or k.P.compared_pair_before.search(before):
        return k.decide("measurement", None, "metric_pair")
    named = k.P.benchmark_bracket_before.search(_pair_left(c, k)) if m.role in ("vs-left", "vs-right") else None
    if named:  # "MM-Vet (40.2 vs. 35.4)": two systems' scores on a named benchmark
        return [replace(d, benchmark_hint=named.group("name")) for d in k.decide("measurement", None, "metric_pair")]
    return []


def _pair_left(c: Ctx, k: Kit) -> str:
    """The words before a vs pair (before its left number, for the right one)."""
    if c.m.role == "vs-left":
        return c.left
    vs = k.P.vs_before.search(c.left)
    return c.left[: vs.start()] if vs else ""


def bare_score(c: Ctx, k: Kit) -> list[Decision] | None:
    """A bare number is a score next to score words or a metric's name ("FID 1.73", "22.13 perplexity",
    "Fairness (88.5)"), or with a plus sign ("+8.6"); a decimal right after "compared to" or "and" has
    no cue of its own (it takes its sentence's earlier number's type: a comparison's other side, a
    parallel value, the next item of "0.96 for A, 0.97 for B")."""
    m, P, left, right = c.m, k.P, c.left, c.right
    if m.sign == "+" or P.bare_after.match(right) or P.bare_before.search(left) or _paren_score(c, k) \
            or ("." in m.text and (P.level_before.search(left[-40:]) or P.measure_on_bench_after.match(right))) \
            or k.fields.metric_next_to(c.list_left, right) or _respective_scores(c, k) or P.on_tasks_after.match(right):
        return k.decide("measurement", "points" if m.sign == "+" else None, "bare_score")
    return _UNDECIDED if "." in m.text and (P.parallel_value_before.search(left[-16:])
                                             or P.parallel_item_before.search(left[-60:])) else []


def _respective_scores(c: Ctx, k: Kit) -> bool:
    """"the recall, precision and F1 of X are 0.91, 0.89 and 0.90, respectively": a list of bare
    numbers that "respectively" assigns to the metrics named before it or right after it ("an 8.62 and a
    14.27 increase in A and B, respectively"), or that a score's cue opens ("on A, B and C it reaches 56.1,
    61.3 and 30.2, respectively")."""
    if not c.m.in_list:
        return False
    if k.P.respectively_after.match(c.right):
        return k.fields.metric_in(c.list_left) or bool(k.P.bare_before.search(c.list_left))
    later = k.P.respectively_ahead.match(c.right)  # (the metrics named after the list: "... in A and B, respectively")
    return bool(later) and k.fields.metric_in(later.group(0))


def _paren_score(c: Ctx, k: Kit) -> bool:
    """'Fairness (88.5)', 'Heron 7B: 0.8123' — a decimal right after a name."""
    return bool(k.P.name_then_bracket_before.search(c.left) and k.P.bracket_close_after.match(c.right)
                and "." in c.m.text)


# ----------------------------------------------------------------------------------- the order

# A step that returns this decided "no cue of its own": the number may take a parallel sibling's type.
_UNDECIDED: list[Decision] = []


def is_undecided(decisions: list[Decision]) -> bool:
    return decisions is _UNDECIDED


STEPS: tuple[Step, ...] = (
    name_size, glued_letters, out_of, solved_count, version_or_marker, modifier_decade_or_citation, size_before_model_noun,
    size_after_family, factor_of_setting, prior_example, cited_result, money, setting_noun, setting_cue,
    collection_count, generic_count,
    example_factor, relative_size, multiplier_word, percentage, factor, byte_amount, glued_time,
    param_noun, flop_or_compute_noun, rate, data_noun, time_taken, magnitude_size, points, metric_pair, bare_score,
)


def classify(c: Ctx, k: Kit) -> list[Decision]:
    """The decisions of the first step that does not pass (see :data:`STEPS`)."""
    for step in STEPS:
        out = step(c, k)
        if out is not None:
            return out
    return []


def _version_then_size(token: str) -> bool:
    """"3.5-9B", "2-13B": a version number, a hyphen, then the size."""
    version, dash, rest = token.partition("-")
    return bool(dash) and version.replace(".", "", 1).isdigit() and rest[:1].isdigit()


def _token_at(text: str, start: int, end: int) -> str:
    """The whole whitespace-delimited name around a span ("Qwen2.5-Math-1.5B-Instruct")."""
    s = _token_start(text, start, end)
    e = end
    if e < len(text) and text[e].isdigit():  # footnote digits glued to the size ("Mistral-7B1") are not the name
        return text[s:e]
    while e < len(text) and not text[e].isspace() and text[e] not in ",;)\"'!?" \
            and not (text[e] in "./" and (text[e + 1 : e + 2].isupper() or text[e + 1 : e + 2].isdigit())):
        e += 1  # (stops at "...-13B.These", a lost space, and at "Qwen-7B/72B", the name of another size)
    return text[s:e].rstrip(".:")


def _token_start(text: str, start: int, end: int) -> int:
    s = _name_start(text, start)
    if s > 1 and text[s - 1] == " " and text[s - 2] == "-":  # "StarCoder2- 15B"
        return _name_start(text, s - 2)
    if s > 1 and text[s - 1] == " " and _version_then_size(text[s:end]):
        name = _name_start(text, s - 1)  # "Lumen 3.5-9B": the version's name comes with it
        return name if text[name].isupper() else s
    return s


def _name_start(text: str, s: int) -> int:
    while s > 0 and not text[s - 1].isspace() and text[s - 1] not in "(\"'":
        s -= 1
    return s
