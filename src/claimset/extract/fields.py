"""The descriptive fields of a claim: subject, baseline, benchmark and metric, found in its sentence.

Heuristics over the lexicons and named patterns of ``extractors/fields.toml``: a metric is the
nearest metric name; a benchmark the nearest benchmark-like name introduced by "on"/"in" or followed
by "benchmark"; a baseline the phrase after a comparison cue ("compared to", "over", "than"); a
subject the sentence's leading name, or the paper's method name where the sentence says only
"we"/"our". Which fields a claim gets depends on its type's role (sizes, data, measurements).
"""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from ..fastre import Scanner
from .specs import FieldsSpec, load_fields_spec

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable

    from ..numbers import Mention
    from .context import Decision


def _metric_case(pattern: str) -> str:
    """A metric name written in capitals matches only in capitals; any other, in any case."""
    return f"(?-i:{pattern})" if re.fullmatch(r"[A-Z0-9_\-²@\\d+^?]+", pattern) and re.search("[A-Z]", pattern) \
        else f"(?i:{pattern})"


# Scans over a whole abstract or sentence: RE2 finds where a match can start, ``re`` matches there
# (claimset.fastre.Scanner; the same matches, 2-3x faster on these, measured by benchmarks/profile_extract.py);
# and long or end-anchored patterns searched before a number, where RE2 rules out most calls at once
# (1.5-4x on these, on the calls of the 1,473 Epoch abstracts; on short patterns RE2's call costs more)
SCANNED = frozenset({"verb", "intro", "name_verb", "clause", "named_before_value", "trained_on", "model_class_paren",
                     "own_size_before", "compared_performance", "slash_size_before", "collection_of", "name_with_size"})
_FIELDS = ("subject", "baseline", "benchmark", "metric")  # the descriptive fields a claim carries
_COMPARED_BEFORE = re.compile(r"\b(?:over|than|versus|vs\.?|compared (?:to|with|against))\s(?:[\w\-]+\s){0,3}$")
_BRACKETED_ACRONYM = re.compile(r"\((?P<n>[A-Z][\w\-+]*[A-Z][\w\-+]*)\)")  # "(SLT)", "(KV-Fold)"
_ABBREVIATION_END = re.compile(r"\s\(([^()\s]+)\)$")  # "mean absolute error (MAE)"
_TOKEN_NAME = Scanner(r"(?<![\w\-])([A-Za-z][\w\-+.]*[A-Z][\w\-+]*|[A-Z]{2,}[\w\-+]*)(?![\w\-])", python_matches=True)


def _named_whole(words: list[str], initials: str, letters: str) -> bool:
    """Do the words spell the acronym's letters, but for compound qualifiers before them
    ("Document-level relation extraction (RE)")?"""
    extra = words[: len(words) - len(letters)]
    parts = "".join(p[0].upper() for w in words for p in w.split("-") if p)  # ("Drug-Target Interaction (DTI)")
    return initials == letters or parts == letters \
        or initials.endswith(letters) and bool(extra) and all("-" in w for w in extra)


def _spelling_tail(words: list[str], letters: str) -> list[str]:
    """The last words that spell the acronym's letters, word for letter or hyphenated part for letter
    ("chest X-rays (CXRs)", "genome-scale language models (GenSLMs)"); [] where they do not."""
    for n in range(1, len(words) + 1):
        tail = words[-n:]
        parts = "".join(p[0].upper() for w in tail for p in w.split("-") if p)
        if "".join(w[0].upper() for w in tail) == letters or parts == letters:
            return tail
    return []


def _compound_word(word: str) -> bool:
    """A lower-case hyphenated word ("drug-target")."""
    return word.islower() and "-" in word and word.replace("-", "").isalpha()


def _abbreviates_word(abstract: str, at: int, acronym: str) -> bool:
    """"electrocardiogram (ECG)", "drug-target (DT)": an acronym (in brackets at ``at``) of the one
    lower-case word before it, not of as many words as it has letters, shortens a term of the field; a
    name the paper coins is the initials of its words ("dynamic token pruning (DTP)")."""
    letters = "".join(ch for ch in acronym if ch.isupper()).lower()
    words = abstract[max(0, at - 80) : at].split()[-len(letters) :]
    if len(letters) < 2 or not words:
        return False
    if _compound_word(words[-1]):
        return "".join(p[0] for p in words[-1].split("-") if p) == letters  # ("drug-target (DT)": a compound term)
    if len(words) < len(letters) or not words[-1].isalpha() or not words[-1].islower():
        return False
    word = iter(words[-1])  # (each letter found in order in the word itself: "e-c-g" in "electrocardiogram")
    return words[-1][0] == letters[0] and all(ch in word for ch in letters) and "".join(w[0] for w in words) != letters


def _rx(spec: FieldsSpec) -> Any:
    """The named patterns of fields.toml, compiled, by attribute (``rx.verb``, ``rx.clause`` ...)."""
    return SimpleNamespace(**{k: Scanner(v.pattern, v.compile().flags, python_matches=True) if k in SCANNED
                              else v.compile() for k, v in spec.patterns.items()})


# what lies between two members of one list of names: ", ", " and ", ", B, and "
_LIST_GAP = re.compile(r"(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)(?:[\w\-.]+(?:\s[\w\-.]+)?"
                       r"(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+))*")

_LIST_END = re.compile(r",?\s(?:and|or)\s")

# a bracketed aside opening with a number closes a subject phrase: its size or setting, no part of the name
_SIZE_ASIDE_END = re.compile(r"\s\((?:[~<>≈]\s?)?\d[^()]*\)$")


class FieldFinder:
    """Finds the subject, baseline, benchmark and metric of a claim in its sentence."""

    def __init__(self, roles: dict[str, str], spec: FieldsSpec | None = None):
        """``roles``: the claim type playing each of the roles "size", "data" and "measurement"."""
        spec = spec or load_fields_spec()
        self.rx = _rx(spec)
        self.words = {k: frozenset(v) for k, v in spec.words.items()}
        self.roles = roles
        self._compile_metrics(spec.metrics, spec.metric_prefixes)
        self._not_bench = set(spec.not_benchmarks)
        self._languages = frozenset(spec.words.get("languages", ()))  # (as written, unlike the other word sets)
        # a model's name is what is compared, never what a score is measured on ("the performance of T5-XXL")
        self._model_family = re.compile(r"(?:" + "|".join(spec.model_families or ["(?!)"]) + r")(?![A-Za-z])")
        # a family's name, maybe with its version, right before a size ("GPT-2 124M", "LLaMA 7B")
        self._family_before = re.compile(r"(?<![\w\-])(?:" + "|".join(spec.model_families or ["(?!)"])
                                         + r")(?:[\-\s]?\d[\d.]*)?\s$")
        # (a version after a space is part of the name: "LiveCodeBench v5")
        # (lower case with digits too: "enwik8", "text8")
        # (and the forms the spec lists, "test-clean", "CNN/DailyMail": tried first, so that one is not "CNN")
        forms = [rf"(?:{n})(?![\w\-])" for n in spec.benchmark_name_forms]
        lower = "".join(f"|{f}" for f in forms)
        bench_name = r"(?:" + "".join(f"{f}|" for f in forms) + r"[A-Z][\w\-.']*(?:\s(?:[A-Z0-9][\w\-.']*|\d[\w.]*|v\d[\w.]*" + lower + r"))*|[a-z]+[A-Z][\w\-]*|[a-z]{3,}\d+(?![\w\-.]))"
        # (the word before a benchmark may open the sentence: "On HumanEval, ...")
        # (a setting may stand between: "on zero-shot BarCOCO")
        # (and a word praising it: "on the standard FooGrasp Dataset", "on the public FooSet")
        self._bench_intro = Scanner(rf"\b(?i:{'|'.join(spec.benchmark_before)})\s(?:the\s)?(?:(?:standard|public|popular|well-known|widely[- ]used)\s)?(?:(?i:zero|few|one|\d+)-shot\s)?"
                                    rf"(?P<name>{bench_name})",
                                    python_matches=True)
        what = "|".join(spec.benchmark_after)  # the words saying a name is a benchmark ("datasets", "suite")
        self._bench_what = what
        # (an acronym in brackets may stand between: "the Android-in-the-Wild (AitW) dataset")
        # (a whole word: the "B" of "7B and 13B benchmarks" names nothing, nor the "VR" of "the IMG/VR database")
        self._bench_named = Scanner(rf"(?<![\w\-./])(?P<name>{bench_name}(?:\s\([A-Z][\w\-]*\))?)\s(?:{what})\b", python_matches=True)
        # ... or before it: "on our newly released benchmark FooQA", "on four datasets: FooSet, ..."
        self._bench_word_named = Scanner(rf"\b(?i:{what}):?\s(?P<name>{bench_name})", python_matches=True)
        # "83.9% top-1 ImageNet accuracy": a name between a number and its metric; "raising ImageNet-C
        # accuracy from 45.2%": a name right before the metric that precedes the number
        self._bench_then_metric = re.compile(rf"^\s?[^,;()]{{0,20}}?(?<![\w\-])(?P<name>{bench_name})\s$")
        self._bench_before_metric = re.compile(rf"(?<![\w\-])(?P<name>{bench_name})\s$")
        # "on FooSet by 23.3%, BarSet by 12.8% and BazSet by 19.6%": in a list "on" opens, the name right
        # before "by" is each number's benchmark
        self._bench_by_before = re.compile(rf"(?:\bon\s(?:the\s)?|,\s(?:and\s)?|\sand\s)(?P<name>{bench_name})\sby\s$")
        self._bench_by_opened = re.compile(rf"\bon\s(?:the\s)?{bench_name}\sby\s\d")
        # a name followed by one of them, at the end of a phrase ("Penn Treebank dataset", "ScienceQA benchmark")
        self.benchmark_word_end = re.compile(rf"\s(?:{what})$", re.IGNORECASE)
        # "on GSM8K (94.2%) and MATH (71.5%)": a score in brackets after a member of a benchmark list
        member = rf"{bench_name}\s?\([^()]*\)"
        self._bench_bracketed = re.compile(rf"(?:\b(?i:{'|'.join(spec.benchmark_before)})|"
                                           rf"(?i:{what})(?:,|:|\ssuch as|\sincluding))"
                                           rf"\s(?:the\s)?(?P<list>{member}"
                                           rf"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){member})*)")
        self._bracket_member = re.compile(rf"(?P<name>{bench_name})\s?\((?P<inside>[^()]*)\)")
        cues = "|".join(f"(?:{c})" for c in spec.baseline_cues if c not in ("from", "of"))
        # (not before a number, "than 3x"; a name that starts with one is a name, "than 3DGS", and so is a
        # count glued to a noun, "over 32-thread CPU", though not a factor's "than 3-fold")
        self._baseline_cue = Scanner(r"\b(?:" + cues + r")\s+(?!\$|(?!\d+-(?!fold\b|times\b|points?\b|percent)[a-z]{2,})"
                                     r"\d(?!\d*(?-i:[A-Z])[\w\-]*(?-i:[A-Z])))", re.IGNORECASE,
                                     python_matches=True)
        # "Kestrel 8B's win rate ...": the possessor owns the metric
        self._possessive = re.compile(r"^(.+?)'s\s(?:[\w\-]+\s){0,2}?(?:performance|capabilit\w+|abilit\w+|"
                                      + self._metric.pattern + ")")
        self._pronoun_set = {p.lower() for p in spec.subject_pronouns}
        self._compared_last: tuple[str | None, str | None] = (None, None)
        self._generic = set(spec.generic_names)
        nouns = self.rx.method_noun.pattern
        self._own_method = re.compile(rf"(?:our|the proposed|our proposed)(?: [\w\-]+)? (?:{nouns}|models?)|(?:the|this) (?:{nouns}|model)")

    def _compile_metrics(self, metrics: list[str], prefixes: list[str]) -> None:
        metrics = sorted(metrics, key=len, reverse=True)
        # a metric may carry a variant's prefix, glued with "." or "-" ("Im.AUROC", "P-AUROC", "si-RMSE")
        prefix = f"(?:(?-i:{'|'.join(prefixes)})[.\\-])?" if prefixes else ""
        self._metric = re.compile(r"(?<![\w\-])" + prefix + "(?:" + "|".join(f"(?:{m})" for m in metrics) + r")(?![\w])")
        alt = prefix + "(?:" + "|".join(_metric_case(m) for m in metrics) + ")"
        # (an abbreviation may take a plural "s": "FIDs of 5.1 and 3.2")
        self._metric_ci = Scanner(r"(?<![\w\-])(?:" + alt + r")(?:(?<=[A-Z])(?=s(?![\w]))|(?![\w]))", python_matches=True)
        # A bare number is a score right next to a metric's name: "(70.9 perplexity)", "22.13 PPL",
        # "a perplexity of 2.68", "FID 1.73", "an R² of 0.63", "test perplexities of 83 and 82".
        self._metric_after = re.compile(rf"^\s?(?:(?i:{self.rx.metric_after_qualifier.pattern}))?(?:{alt})(?![\w\-])")
        self._metric_before = re.compile(rf"(?<![\w\-])(?:{alt})s?{self.rx.metric_before_link.pattern}$")  # ("FIDs of")
        # a metric that ends where its link word starts ("success rates| of", "BLEU score| of")
        # (or its change: "a perplexity enhancement of 66%")
        # (its abbreviation in brackets may close it: "Dice Similarity Coefficient (DSC) scores of")
        self._metric_named_before = re.compile(rf"(?<![\w\-])(?P<m>{alt})s?\)?(?:\s(?i:scores?|values?|rates?|enhancements?|improvements?|gains?|reductions?|drops?|degradations?))?$")
        # a score named by its metric, then the size it was reached with ("72.2 mIoU with only")
        self._metric_result_with = re.compile(rf"(?<![\w.])\d[\d.,]*\s?%?\s(?:{alt})\s(?:even\s)?(?:with|using)\s(?:only\s|just\s)?$")

    # ------------------------------------------------------------------------------ helpers

    def is_metric_word(self, left: str) -> bool:
        m = re.search(r"(\S+)\s$", left)
        return bool(m and self._metric.fullmatch(m.group(1).lstrip("(")))

    def metric_next_to(self, left: str, right: str) -> bool:
        """Is a metric named right after the number, or right before it?"""
        return bool(self._metric_after.match(right) or self._metric_before.search(left[-60:]))

    def metric_spans(self, text: str) -> list[tuple[int, int]]:
        """Where metric names are in ``text``, in order."""
        return [mm.span() for mm in self._metric_ci.finditer(text)]

    def family_right_before(self, left: str) -> bool:
        """Does ``left`` end with a model family's name ("GPT-2 ", "LLaMA ")?"""
        return self._family_before.search(left[-24:]) is not None

    def is_generic_name(self, name: str) -> bool:
        """Is ``name`` a well-known model or tool name ("GPT-4", "BERT"; fields.toml: generic_names)?"""
        return name in self._generic

    def metric_in(self, text: str) -> bool:
        return bool(self._metric_ci.search(text))

    def _namey(self, token: str) -> bool:
        return self.rx.namey.match(token) is not None

    # ------------------------------------------------------------------------- method name

    def method_name(self, title: str, abstract: str) -> str | None:
        """The paper's own method: a name the title leads with, the abstract introduces ("we propose
        X", "which we call X", "... (X)") or repeats, scored together; generic acronyms excluded.
        Where none is found so, a name the abstract's results are said of, again and again ("Lion
        boosts ...", "Lion outperforms ...")."""
        scores: dict[str, float] = {}
        order: dict[str, int] = {}
        add = self._adder(scores, order)
        self._title_name(self.rx.title_opener.sub("", title), abstract, add)  # "Introducing Qwen1.5" names Qwen1.5
        self._introduced_names(title, abstract, add, self._adder(scores, order, generic_ok=True))
        for m in self.rx.own_framework_named.finditer(abstract):
            add(m.group("a"), 2.5)  # ("our novel Foo Distillation (FD) framework": the paper's own, by its short form)
        # an acronym is defined once; the same name in brackets again is a mention ("(COCO)" after each task)
        for name in dict.fromkeys(self._bracketed_names(abstract, title)):
            add(name, 1.0)
        fields = self._field_acronyms(abstract, title)  # (said again and again, never the method)
        self._drop_unfit(scores, fields, abstract)
        tokens = [t for m in _TOKEN_NAME.finditer(abstract) if (t := m.group(1).rstrip(".")) not in fields]
        best = self._best_name(scores, order, tokens, title, abstract)
        if best is None:
            for m in self.rx.name_leads_result.finditer(abstract):
                add(m.group("n"), 0.75)
            for name in {m.group("n") for m in self.rx.name_opens_sentence.finditer(abstract)} - fields:
                if (self._namey(name) or "-" in name) and abstract.count(name) >= 3:
                    add(name, 2.0)  # ("Kestrel-α incorporates ...", and Kestrel-α again and again)
            best = self._best_name(scores, order, tokens, title, abstract)
        return best

    def _bracketed_names(self, abstract: str, title: str = ""):
        """Names in brackets that may abbreviate the method: not a metric's or a task's ("a metric
        called Fooness Average (FA)", "(WERs)", "(ObjectNav) is an embodied task"), nor a score's label
        ("72% (CIFAR-10)"), nor a class of systems the title does not study ("large foo models (LFMs)")."""
        for m in _BRACKETED_ACRONYM.finditer(abstract):
            if self.rx.named_no_method_before.search(abstract, max(0, m.start() - 120), m.start()) \
                    or abstract[max(0, m.start() - 3) : m.start()].rstrip()[-1:] in _SCORE_ENDS \
                    or self._is_metric_name(m.group("n")) or self._names_field(abstract, m, title):
                continue
            yield m.group("n")

    def _field_acronyms(self, abstract: str, title: str) -> set[str]:
        """The acronyms in brackets that name a field, a class or a task ("Sign Foo Recognition (SFR) has
        been ...", "the Foo Translation (FT) problem"): though said again and again, never the method."""
        return {m.group("n") for m in _BRACKETED_ACRONYM.finditer(abstract) if self._names_field(abstract, m, title)}

    def _names_field(self, abstract: str, m: re.Match, title: str) -> bool:
        """Does the acronym in brackets at ``m`` name a task, a field or a class of systems?"""
        return bool(self.rx.defined_as_task_after.match(abstract, m.end())
                    or self._abbreviates_class(abstract, m.start(), m.group("n"), title)
                    or _abbreviates_word(abstract, m.start(), m.group("n"))
                    or self._abbreviates_task(abstract, m))

    def _abbreviates_task(self, abstract: str, m: re.Match) -> bool:
        """"to re-assess scene foo recognition (SFR)": an acronym of the lower-case words before it that end
        in a task's name, letter for word (or for the parts of a hyphenated word), names the task, unless
        the paper coins it ("we propose dense foo retrieval (DFR)"); a model or framework it qualifies is
        one for the task ("we propose a speech-emotion foo recognition (SEFR) model")."""
        tm = self.rx.task_before.search(abstract, max(0, m.start() - 80), m.start())
        if not tm:
            return False
        letters = "".join(ch for ch in m.group("n") if ch.isupper())
        words = tm.group("words").split()
        initials = "".join(w[0].upper() for w in words)
        parts = "".join(p[0].upper() for w in words for p in w.split("-") if p)
        if len(letters) < 2 or not (initials.endswith(letters) or parts.endswith(letters)):
            return False
        return bool(self.rx.method_noun_after.match(abstract, m.end())
                    or not self.rx.coined_before.search(abstract, max(0, tm.start() - 40), tm.start()))

    def _abbreviates_class(self, abstract: str, at: int, acronym: str, title: str) -> bool:
        """"large multimodal models (LMMs)": an acronym of the lower-case plural before it (at ``at``),
        letter for word, names a class of systems, not the paper's method ("... MLP layers (Foo-Hybrid)"
        names one), unless the title says the paper studies that class ("Scaling Foo Models"); so does
        one of a lower-case phrase that opens a sentence ("Neural foo translation (NFT) is") or of the
        capitalised words that open the abstract ("Sign Foo Translation (SFT) first uses"): a field."""
        plural = abstract.endswith("s ", 0, at)
        cm = self.rx.class_before.search(abstract[max(0, at - 80) : at]) if plural \
            else self.rx.field_before.search(abstract, max(0, at - 80), at)  # (Python's "^" is the text's start only)
        if not cm:
            return False
        letters = "".join(ch for ch in acronym.removesuffix("s") if ch.isupper())
        named = cm.group("words") or cm.group("lead")
        words = [w for w in named.split() if w.lower() not in self.words["function_words"] and w != "&"]
        initials = "".join(w[0].upper() for w in words)
        tail = _spelling_tail(words, letters) if plural else []
        if len(letters) < 2 or not (tail if plural else _named_whole(words, initials, letters)):
            return False  # (a class may be qualified, "large foo models"; a field is named whole)
        # (a field stays a field though the title names it: "Better Sign Foo Translation with X")
        return not plural or not self._studied_class(tail, title)

    def _studied_class(self, tail: list[str], title: str) -> bool:
        """Does the title say the paper studies the class of systems the words name ("Scaling Foo Models":
        its "foo models (FMs)" are its subject)? Never a class of things that are no systems ("chest
        X-rays (CXRs)" in a paper on chest X-rays)."""
        return bool(self.rx.system_noun.fullmatch(tail[-1])) and " ".join(tail).lower().rstrip("s") in title.lower()

    def _is_metric_name(self, name: str) -> bool:
        """A metric's name, also in the plural ("WER", "WERs")."""
        return bool(self._metric.fullmatch(name) or name.endswith("s") and self._metric.fullmatch(name[:-1]))

    def _adder(self, scores: dict[str, float], order: dict[str, int], generic_ok: bool = False):
        def add(name: str, points: float) -> None:
            name = name.strip(".,;:'\"()")
            if not name or name in self._generic and not generic_ok or name.lower() in self.words["stopwords"] or len(name) < 2 \
                    or self.rx.name_descriptor_suffix.search(name):
                return  # ("LLM-Based TTS": a description, never the method's name)
            order.setdefault(name, len(order))
            scores[name] = scores.get(name, 0.0) + points
        return add

    def _best_name(self, scores: dict[str, float], order: dict[str, int], tokens: list[str], title: str,
                   abstract: str) -> str | None:
        """The best-scored name, once each repetition of it (or of a name-like title word) adds a
        little; None below the bar."""
        scores, order = dict(scores), dict(order)
        add = self._adder(scores, order)
        for tok in tokens:
            if tok in scores or title.find(tok) >= 0 and self._namey(tok):
                add(tok, 0.5)
        if not scores:
            return None
        best = max(scores, key=lambda n: (scores[n], -order[n]))
        return self._acronym_of(best, abstract) if scores[best] >= 2.0 else None

    def _title_name(self, title: str, abstract: str, add) -> None:
        """A title's prefix before a colon: one word ("Tamarind"), up to three with a real name among
        them, or a title-case phrase the abstract repeats ("Folded Attention", not "Toward Robustness")."""
        tm = re.match(r"^\s*([^:]{1,50}?)\s*:", title)
        if not tm:
            acronym = self._acronym_of(title.strip(), abstract)
            if acronym != title.strip():
                add(acronym, 3.0)  # (the whole title introduced with its acronym: "Folded Attention Nets (FAN)")
            self._title_is_name(title, add)
            return
        prefix = self.rx.report_suffix.sub("", tm.group(1).strip())
        prefix = self._first_of_two(prefix, abstract)
        words = prefix.split()
        not_in_name = self.words["stopwords"] | self.words["bad_first"]
        if len(words) > 3 or any(w.lower() in not_in_name for w in words):
            return
        repeated = len(words) == 1 or prefix.lower() in abstract.lower()
        # (a lower-case token with a digit glued to a letter is a name too: "wav2vec 2.0")
        if any((self._namey(w) and w not in self._generic) or w[0].isupper() and repeated
               or re.match(r"\d[\d.]*-[A-Z]", w) or re.search(r"[a-z]\d|\d[a-z]", w) for w in words):
            add(prefix, 3.0 if len(words) == 1 else 2.5)

    @staticmethod
    def _first_of_two(prefix: str, abstract: str) -> str:
        """"Kestrel 2 and The Foo Corpus": the first of two things a title names leads; written as the
        abstract writes it ("Kestrel 2" written "Kestrel2" there)."""
        first, joined, _ = prefix.partition(" and ")
        if joined and len(first.split()) <= 2 and first not in abstract and first.replace(" ", "") in abstract:
            return first.replace(" ", "")
        return prefix

    def _title_is_name(self, title: str, add) -> None:
        """A title that is only a name ("Heron 7B", "Kestrel-2"): up to three words, one name-like; or one
        that opens with a name and its verb ("Kestrel-2 is an upgraded version of ...")."""
        said = self.rx.title_name_verb.match(title)
        if said and self._namey(said.group("n")) and said.group("n") not in self._generic:
            add(said.group("n"), 2.0)
        words = self.rx.report_suffix.sub("", title.strip()).split()
        if self.rx.leading_gerund.match(title.strip()):
            return  # ("Breaking FooCAPTCHA": an activity the paper does, not its system's name)
        if 0 < len(words) <= 3 and not any(w.lower() in self.words["stopwords"] for w in words) \
                and any(self._namey(w) and w not in self._generic or _SIZED.search(w) for w in words):
            add(" ".join(words), 3.0 if len(words) == 1 else 2.5)

    def _introduced_names(self, title: str, abstract: str, add, add_known) -> None:
        """Names the abstract introduces; a well-known name too where it is named outright ("a new
        language model called BERT": the paper's own, though a later paper's baseline)."""
        for m in self.rx.intro.finditer(abstract):
            if self._no_method_introduced(m, abstract):
                continue
            short = None if m.group("n") else self.rx.short_name_next.match(abstract, m.end())
            if m.group("n"):
                self._add_named(m, abstract, add, add_known)
            elif short and abstract.count(short.group("a")) > 1:
                add(short.group("a"), 2.0)  # "the Pathways Text-to-Image (Parti) model": the short form, used again
            elif (acronym := _ACRONYM_NEXT.match(abstract, m.end())) or m.group("named_by") \
                    or self.rx.described_after.match(abstract[m.end() : m.end() + 80]):
                add(m.group("w"), 2.0)  # "a Dual Attention Network (DAN)", "a Length Warmup method", "Kestrel 2, a model"
                if acronym:
                    add(acronym.group(0).strip(" ()"), 2.0)  # (the short form is introduced with it)
            else:  # a plain capitalised word must recur to be taken for a name
                again = abstract.count(m.group("w")) - 1
                add(m.group("w"), 1.5 + 0.5 * min(again + (m.group("w") in title), 2))

    def _no_method_introduced(self, m: re.Match, abstract: str) -> bool:
        """"a new evaluation metric called ...", "a dataset of webpages called ...", "we introduce the
        Sign Foo Translation (SFT) problem": what is introduced is not the method."""
        if self.rx.introduces_no_method.search(m.group(0)) or self.rx.participle_intro.match(m.group(0)) \
                and self.rx.called_no_method_before.search(abstract, max(0, m.start() - 60), m.start()):
            return True
        if m.group("n") and abstract.startswith("(", m.start("n") - 1):  # ("an effective electrocardiogram (ECG)")
            return _abbreviates_word(abstract, m.start("n") - 1, m.group("n"))
        acronym = None if m.group("n") else _ACRONYM_NEXT.match(abstract, m.end())
        return bool(acronym and self.rx.defined_as_task_after.match(abstract, acronym.end()))

    def _add_named(self, m: re.Match, abstract: str, add, add_known) -> None:
        """A name-like name the abstract introduces, and the short form in brackets right after a name
        of several words ("a Real-Time FOo DEtector (RT-FD)") or after one the abstract named before ("Foo-norm
        does ... we propose a trainable Foo-norm (TFoo-norm)": the new thing is the bracketed one)."""
        outright = self.rx.named_outright_before.search(abstract, max(0, m.start("n") - 10), m.start("n"))
        name = m.group("n").rstrip(".")
        (add_known if outright else add)(name, 2.0)
        named_before = abstract.find(name) < m.start("n")
        if (" " in name or named_before) and (acronym := _ACRONYM_NEXT.match(abstract, m.end("n"))):
            add(acronym.group(0).strip(" ()"), 3.0 if named_before else 2.0)

    def _drop_unfit(self, scores: dict[str, float], fields: set[str], abstract: str) -> None:
        """Names that cannot be the method, however often introduced: a field's or task's acronym ("a foo
        recognition (FR) model" is one for the task FR), a generic acronym written out ("Convolutional
        Neural Networks (CNN)")."""
        for name in [n for n in scores if n in fields or self._expands_generic(n, abstract)]:
            del scores[name]

    def _expands_generic(self, name: str, abstract: str) -> bool:
        """Is ``name`` written out before a generic acronym in brackets ("Convolutional Neural Networks
        (CNN)")? Then it is as generic as the acronym."""
        at = abstract.find(name + " (")
        acr = _BRACKETED_ACRONYM.match(abstract, at + len(name) + 1) if at >= 0 else None
        return bool(acr and acr.group("n") in self._generic)

    def _acronym_of(self, name: str, abstract: str) -> str:
        """"Sparse Gated Mixers (SGM)": the acronym stands for the name."""
        at = abstract.find(name + " (")
        acr = re.compile(r"\s\((?P<a>[A-Z][\w\-+]*[A-Z][\w\-+]*)\)").match(abstract, at + len(name)) if at >= 0 else None
        # (shorter than the name: "BERT with Kestrel (KestrelBERT)" names another model, not an acronym)
        return acr.group("a") if acr and acr.group("a") not in self._generic and len(acr.group("a")) < len(name) else name

    # ------------------------------------------------------------------------------ fields

    def find(self, text: str, m: "Mention", s0: int, s1: int, decision: "Decision", method: str | None,
             title: str = "") -> dict:
        """The fields of one claim; ``text[s0:s1]`` is the part of its sentence to read."""
        sentence = text[s0:s1]
        a, b = m.start - s0, m.after - s0
        out: dict[str, str | None] = dict.fromkeys(_FIELDS)
        kind = decision.claim_type
        if kind == self.roles["size"]:
            out["subject"] = self._size_subject(sentence, _size_span(m, s0), decision, method, title)
            return out
        if kind == self.roles["data"]:
            out["subject"] = self._collection(sentence[:a], sentence[b:]) or self._trained_owner(sentence[:a]) \
                or self._fronted_owner(sentence[:a], sentence[b:])
            if out["subject"]:
                return out
        if kind == self.roles["measurement"]:
            self._measured(text, sentence, m, s0, decision, out)
        if kind != self.roles["data"]:
            out["baseline"] = self._baseline(sentence, a, b, _list_start(m, s0, a)) or self._compared_performance(sentence)
        # a result stated without a subject in its sentence is the paper's own ("Using ten minutes of
        # labelled data still achieves 4.8 WER"): its method, when the abstract names one
        said = self._described(self._absolute_owner(sentence[:a]) or self._fronted_owner(sentence[:a], sentence[b:])
                               or self._subject(sentence, a, method, out), sentence, b)
        if self._prior_value(sentence, a):
            return self._whole_subject({**out, "subject": None}, method)  # ("over the previous best IS of 52.52")
        out["subject"] = self._not_measured_on(self._never_generic(said, method) or method, out, method,
                                               lambda: self._benchmarks_named(sentence, kind))
        return self._not_its_own_baseline(self._whole_subject(
            self._not_on_itself(self._finished(out, m, kind, sentence, a, method), sentence, text), method), method)

    def _measured(self, text: str, sentence: str, m: "Mention", s0: int, decision: "Decision", out: dict) -> None:
        """The metric and benchmark of a measured result, into ``out``."""
        a, b = m.start - s0, m.after - s0
        pa, pb = _from_number(sentence, a, b) if m.role == "to" else (a, b)  # (a pair's second number: the first's metric)
        out["metric"] = self._measure_metric(sentence, pa, pb, decision.unit, _list_start(m, s0, pa))
        out["benchmark"] = decision.benchmark_hint or self._bracketed_after(text, sentence, b) \
            or self._pair_benchmark(sentence, m, a, b, out["metric"])

    def _pair_benchmark(self, sentence: str, m: "Mention", a: int, b: int, metric: str | None) -> str | None:
        """The benchmark of a measured result; a from->to pair's first number reads it around the whole
        pair ("from 58.1% to 66.9% in FooQA")."""
        return self._benchmark(sentence, a, _to_number(sentence, a, b)[1] if m.role == "from" else b, metric)

    @staticmethod
    def _not_its_own_baseline(out: dict, method: str | None) -> dict:
        """A claim is not compared against its own subject: where both read the same, the subject is the
        paper's method ("competitive with FooLMs requiring 50x the compute"), or none."""
        subject, baseline = out["subject"], out["baseline"]
        if subject and baseline and subject.lower() == baseline.lower():
            out["subject"] = method if method and method.lower() != baseline.lower() else None
        return out

    def _described(self, said: str | None, sentence: str, b: int) -> str | None:
        """"We introduce FooTEB, a benchmark comprising ... with 2M examples": an indefinite description
        stands for the name it is set beside."""
        at = sentence.find(said) if said and self.rx.indefinite.match(said) else -1
        return self._named(said, sentence[:at], sentence[b:]) if at > 0 else said

    def _prior_value(self, sentence: str, a: int) -> bool:
        """Is the number at ``a`` a value of the best result before the paper's ("improving over the
        previous best IS of 52.52")? Then it is no result of the paper's system."""
        return sentence.endswith("of ", 0, a) and self.rx.prior_value_before.search(sentence, max(0, a - 60), a) is not None

    def _benchmark(self, sentence: str, a: int, b: int, metric: str | None) -> str | None:
        return (self._bracketed_benchmark(sentence, a) or self._benchmark_by(sentence, a, metric)
                or self._benchmark_before_metric(sentence, a, b, metric) or self._nearest_benchmark(sentence, a, b, metric))

    def _bracketed_after(self, text: str, sentence: str, b: int) -> str | None:
        """"Dice scores of 87.57% (Synapse), 93.00% (ACDC)": a name alone in brackets right after the
        value, which the abstract names a dataset or benchmark elsewhere (not a system: "71.2% (ours)")."""
        if not sentence.startswith(("(", " ("), b):
            return None  # (most numbers: no bracket after them)
        bm = self.rx.name_bracket_after_value.match(sentence, b)
        name = bm.group("name") if bm else None
        if name is None or name in self._generic or self._never_benchmark(name, name.split()[0], None):
            return None
        return name if any(self.rx.dataset_listed.search(text, max(0, mm.start() - 120), mm.start())
                           for mm in re.finditer(re.escape(name), text)) else None

    def _benchmark_by(self, sentence: str, a: int, metric: str | None) -> str | None:
        """"improves accuracy on FooSet by 23.3%, BarSet by 12.8% and BazSet by 19.6%": the member of a
        list that "on" opens, right before the number's "by"."""
        bm = self._bench_by_before.search(sentence[max(0, a - 60) : a])
        if not bm or not (bm.group(0).startswith("on") or self._bench_by_opened.search(sentence, 0, a)):
            return None
        name = bm.group("name")
        return name if self._benchmark_name(name, metric, None) else None

    def _trimmed(self, subject: str) -> str | None:
        """A subject without the clause it ran into ("DD-PPO exhibits near-linear scaling --" is "DD-PPO")
        and without trailing filler words ("a RegNetY with 1.3B parameters trained", "the HuBERT model either")."""
        if " " not in subject:
            return subject  # (one word: nothing to trim)
        subject = self.rx.leading_list_marker.sub("", subject)
        cut = self.rx.subject_verb.search(subject)
        if cut and cut.start() > 0:
            subject = subject[: cut.start()]
        subject = _SIZE_ASIDE_END.sub("", self.rx.subject_tail.sub("", subject).strip())  # ("our X model (110M parameters)")
        return self._bare_name(subject) or None

    def _bare_name(self, subject: str) -> str:
        """"the Kestrel-7B model" is "Kestrel-7B", "responses from Wren" is "Wren": a phrase around a
        name stands for it."""
        named = self.rx.definite_named.match(subject) or self.rx.phrase_ending_in_name.match(subject) \
            or self.rx.name_with_part.match(subject) or self.rx.owned_named_model.match(subject) \
            or self.rx.owner_of_measure.match(subject)  # ("Kestrel with the ViT backbone", "TNF's training time")
        if named and named.group("n") in self._generic and subject[:3].lower() == "our":
            return subject  # ("Our CIFAR-10 model": a model of the paper's, trained on CIFAR-10)
        return named.group("n") if named else subject

    def _whole_subject(self, out: dict, method: str | None) -> dict:
        """A subject is a whole name, never the metric it is measured by ("MOS", "mean absolute error
        (MAE)"), a unit ("GB"), a list marker ("(ii)"), a lone lower-case word ("significantly",
        "models"), a phrase cut inside a bracket ("an Inception Score (") nor an aside in one ("(all
        handwritten)"): the method's name stands in."""
        metric = (out["metric"] or "").lower()
        raw = self._without_expansion(out["subject"])
        subject = out["subject"] = self._trimmed(raw) if raw else raw
        if subject and (raw.count("(") > raw.count(")") or subject.startswith("(") or self._the_metric(subject, metric)
                        or self._not_a_name(subject)):
            out["subject"] = method if method and method.lower() != metric else None
        return out

    def _the_metric(self, subject: str, metric: str) -> bool:
        """Is the subject the claim's metric, or any metric written out before its abbreviation ("mean
        absolute error (MAE)")?"""
        low = subject.lower()
        if metric and low == metric:
            return True
        abbreviation = _ABBREVIATION_END.search(subject)
        return bool(abbreviation and self._is_metric_name(abbreviation.group(1)))

    def _without_expansion(self, raw: str | None) -> str | None:
        """"Our FOO (Fast Oblique ... Operator) model": the name before its expansion in brackets."""
        name, bracket, _ = (raw or "").partition(" (")
        if bracket and self._namey(name.split()[-1]) and (raw.count("(") > raw.count(")") or raw.endswith(")")):
            return name
        return raw

    def _not_a_name(self, subject: str) -> bool:
        """A metric ("Q3 = 79%, Q8 = 68%": the other's metric; "WERs"), a unit, a list marker, a lone
        lower-case word, a dash ("-Supports two modes, achieving"), an amount ("a 4.3×") or a kind of
        thing ("TPU-like") names no system."""
        return bool(self._is_metric_name(subject) or not any(ch.isalnum() for ch in subject)
                    or self.rx.unit_word.fullmatch(subject) or _AMOUNT_PHRASE.fullmatch(subject)
                    or self.rx.kind_of_thing.fullmatch(subject)
                    or self.rx.not_a_name.fullmatch(subject) and subject.lower() not in self.words["people"]
                    and not self._namey(subject))  # ("wrenembed-large": a name in lower case)

    def _finished(self, out: dict, m: "Mention", kind: str, sentence: str, a: int, method: str | None) -> dict:
        """The last touches: the method's name as written, the other side of a pair, a bracketed owner."""
        if method and out["subject"] == method:
            out["subject"] = self._as_written(method, sentence)
        other = "vs-left" if "baseline_first" in m.flags else "vs-right"  # (see numbers._gain_order)
        if m.role in ("from", other):
            out["subject"], out["baseline"] = (out["baseline"] if m.role == other else None), None
        elif kind == self.roles["measurement"]:
            self._bracketed_owner(sentence, a, out)
            self._compared_owner(sentence, a, out)
            self._by_agent(sentence[a + m.after - m.start :], out)
        return out

    def _by_agent(self, right: str, out: dict) -> None:
        """"higher than 30.6% by Kestrel on FooBench", "versus 141 for the Kneser-Ney baseline": a result
        followed by "by NAME" or "for the NAME baseline" is that system's (the other side of a
        comparison), and NAME is not what it is measured on."""
        name, system = self._agent_after(right)
        if system and (out["benchmark"] or "").lower() == name.lower():
            out["benchmark"] = None
        if name and self._namey(name.split()[0]) and name not in self._generic:
            self._owned_by(name, out)

    def _agent_after(self, right: str) -> tuple[str, bool]:
        """The system named right after a result, and whether a word says it is one ("baseline")."""
        if not right.startswith((" by ", " for ", " of ")) and " by " not in right[:30]:
            return "", False  # (cheap: most numbers have no agent)
        am = self.rx.by_agent_after.match(right)
        if am:
            return am.group("name"), False
        am = self.rx.for_system_after.match(right)
        return (am.group("name"), True) if am else ("", False)

    def _not_on_itself(self, out: dict, sentence: str, text: str) -> dict:
        """A benchmark that is the subject itself, or one of the models listed with it ("versions of
        Llama-3.1, Mistral-v0.3, and Gemma-2 reach 85-95%"), is not what the score is measured on,
        unless the abstract calls that name a benchmark (a paper that introduces one)."""
        bench, subject = out["benchmark"], out["subject"]
        if bench and subject and ((bench.lower() == subject.lower() or self._system_named(subject, bench))
                                  and not self._called_benchmark(bench, text)
                                  or self._listed_with(bench, subject, sentence)):
            out["benchmark"] = None
        return out

    def _system_named(self, subject: str, bench: str) -> bool:
        """Is ``subject`` the name ``bench`` with a system's head noun ("UNET model", "FooNet classifier")?"""
        return subject.startswith(bench) and self.rx.model_head_noun.fullmatch(subject, len(bench)) is not None

    def _called_benchmark(self, name: str, text: str) -> bool:
        """Does the abstract call ``name`` a benchmark ("the MBPP dataset", "(DC) test set", "on DC")?"""
        n = re.escape(name)
        return re.search(rf"{n}\)?\s(?:[\w\-]+\s)?(?:{self._bench_what})\b|\bon\s(?:the\s)?{n}\b", text, re.I) is not None

    @staticmethod
    def _listed_with(bench: str, subject: str, sentence: str) -> bool:
        """Are the two names members of one list ("A, B, and C")?"""
        i, j = sentence.find(bench), sentence.find(subject)
        if i < 0 or j < 0:
            return False
        (_, e1), (s2, e2) = sorted([(i, i + len(bench)), (j, j + len(subject))])
        gap = sentence[e1:s2]
        # a conjunction between them or right after ("On X, Y reaches" is not a list)
        return _LIST_GAP.fullmatch(gap) is not None and (re.search(r"\s(?:and|or)\s", gap) is not None
                                                        or _LIST_END.match(sentence, e2) is not None)

    @staticmethod
    def _as_written(method: str, sentence: str) -> str:
        """The method's name as the sentence writes it, when it writes a longer form ("Goat" written
        "Goat-7B", "SA" written "SA-1B"): the subject is the name in the same sentence (guidelines)."""
        # (a string scan: a pattern compiled per paper's name cost a tenth of the extraction time)
        at = sentence.find(method + "-")
        while at >= 0:
            if at == 0 or not _word_or_hyphen(sentence[at - 1]):
                start = end = at + len(method) + 1
                while end < len(sentence) and (_word_or_hyphen(sentence[end]) or sentence[end] == "."):
                    end += 1
                while end > start and not _word(sentence[end - 1]):
                    end -= 1  # the name ends in a letter or digit ("Goat-7B." is "Goat-7B")
                if end - start >= 2 and _word(sentence[start]):
                    return sentence[at:end]
            at = sentence.find(method + "-", at + 1)
        return method

    def _bracketed_owner(self, sentence: str, a: int, out: dict) -> None:
        """"..., surpassing o3-mini (67.4%)": a score in brackets right after a model's name is that
        model's (the other value of a comparison: its subject is the other system, guidelines)."""
        near = sentence[max(0, a - 60) : a]
        if "(" not in near[-40:]:
            return  # (both patterns end with the bracket the number is in)
        bm = self.rx.owner_with_bracket.search(near)
        if not (bm and self._namey(bm.group("name"))):  # ("AgentX with GPT-4V (8.3%)": AgentX's score)
            bm = self.rx.name_bracket_before.search(near)
        name = bm.group("name") if bm else None
        if name and self.rx.measured_on_before.search(sentence[max(0, a - 140) : a - len(near) + bm.start("name")]):
            self._measured_on(sentence, a, name, out)
            return
        if name and (any(self._namey(w) or self.rx.versioned_name.match(w) for w in name.split())
                     or self.rx.spaced_version_name.match(name)) and name not in self._generic:
            self._owned_by(name, out)

    @staticmethod
    def _measured_on(sentence: str, a: int, name: str, out: dict) -> None:
        """"both on FooSet (4.9% in mRec)": the numbers in the bracket after a name that follows "on" were
        measured on it (no system's result), unless the bracket names the part of it the number was
        measured on ("on Kinetics (90.0% on K400")."""
        close = sentence.find(")", a)
        if not (out["benchmark"] and out["benchmark"] in sentence[a : close if close >= 0 else len(sentence)]):
            out["benchmark"] = name
        out["subject"] = None if out["subject"] == name else out["subject"]

    @staticmethod
    def _owned_by(name: str, out: dict) -> None:
        """The other side of a comparison is ``name``'s result: its subject, with no baseline (unless
        the name is what it is measured on or by)."""
        low, bench = name.lower(), (out["benchmark"] or "\0").lower()
        # ("on FooTEB BarClustering (0.49 ...)": the benchmark, in part or whole, owns nothing)
        if low != (out["metric"] or "").lower() and bench not in low and low not in bench:
            out["subject"], out["baseline"] = name, None

    def _compared_owner(self, sentence: str, a: int, out: dict) -> None:
        """"outperforming Heron's 61.2%", "far below human performance of 89.4%": a result said of
        another system (or of people) in a comparison is theirs (guidelines: the other value's
        subject is the other system)."""
        name, possessive = self._compared_name(sentence[max(0, a - 60) : a])
        if name and self._can_own(name, possessive):
            self._owned_by(name, out)

    def _compared_name(self, near: str) -> tuple[str, bool]:
        """The system whose result ends ``near`` ("Heron's ", "human performance of "), and whether it
        is written as a possessive; "" where none is."""
        if "'s " in near[-20:]:
            owned = self.rx.owner_possessive_before.search(near)
            if owned:
                return owned.group("name"), True
        if " of" in near[-12:]:
            owned = self.rx.owner_measure_before.search(near)
            if owned and self._is_measure(owned.group("m")):
                return owned.group("name"), False
        return "", False

    def _can_own(self, name: str, possessive: bool) -> bool:
        """A name, or people ("human"); a possessive may be a plain capitalised word ("Heron's")."""
        if name.lower() in self.words["people"]:
            return True
        return name not in self._generic and (self._namey(name) or possessive and name[0].isupper())

    def _metric_right_before(self, sentence: str, a: int, b: int) -> str | None:
        """"improves BLEU by 1.2 and ROUGE-L by 0.8": a metric linked to the number right before it
        ("by", "of", "=", ":") is its own, however near the next number's metric is (unless one
        follows the number itself: "performance (9.38% accuracy")."""
        link = self.rx.metric_link.search(sentence, max(0, a - 30), a)  # (cheap: most numbers have none)
        if link is None or self._metric_after.match(sentence[b : b + 40]):
            return None
        mm = self._metric_named_before.search(sentence, max(0, link.start() - 40), link.start())
        return mm.group("m") if mm else None

    def _measure_metric(self, sentence: str, a: int, b: int, unit: str | None, first: int | None = None) -> str | None:
        """The metric of a measured result; a rate unit is its own ("114 FPS": FPS, never the AP named
        for another number), unless a metric is linked to the number ("a throughput of 502 petaFLOP/s").
        ``first``: where the number's list starts ("DSC scores of 97.3%, 97.7%, and 67.3% and NSD ...":
        the last item is the list's, DSC)."""
        if unit is not None and self.rx.rate_as_metric.match(unit):
            return self._metric_right_before(sentence, a, b) or unit
        # ("0.96 factuality on FooQA": words the metric lexicon does not know, between the number and its benchmark)
        named = self.rx.measure_words_on_bench.match(sentence, b)
        if named and not self._metric_ci.search(named.group("m")) and not self._metric_right_before(sentence, a, b):
            return named.group("m")  # (unless a metric is linked right before: "an FID of 1.48 without guidance on X")
        return self._metric_of(sentence, a, b, a if first is None else first)

    def _metric_of(self, sentence: str, a: int, b: int, first: int) -> str | None:
        """The number's metric: the nearest one, unless that one follows the number and another is
        linked to it, or to the list it ends, right before it ("improves BLEU by 1.2 and ROUGE-L by 0.8")."""
        nearest, after = self._nearest_metric(sentence, a, b)
        if nearest is None or after:
            return self._metric_right_before(sentence, a, b) or self._metric_right_before(sentence, first, b) or nearest
        return nearest

    def _nearest_metric(self, sentence: str, a: int, b: int) -> tuple[str | None, bool]:
        """The metric nearest to the number, and whether it comes after it."""
        best, before_best, after = None, None, False
        best_d = 1e9
        previous = None
        for mm in self._metric_ci.finditer(sentence):
            d = self._metric_distance(sentence, mm, a, b)
            if d is None:
                continue
            if d < best_d or d == best_d and mm.start() >= b:  # (a tie goes to the metric after: "1.9% A accuracy, 1.0% B mAP")
                best, best_d, after = mm.group(0), d, mm.start() >= b
                # "a BLEU score of", "pass@1 score": the named metric before "score" is the metric
                before_best = previous.group(0) if previous is not None and 0 <= mm.start() - previous.end() <= 1 else None
            previous = mm
        if before_best and best and best.lower() in ("score", "scores"):
            return before_best, after
        return best, after

    def _metric_distance(self, sentence: str, mm: re.Match, a: int, b: int) -> float | None:
        """How far a metric name is from the number at ``a:b`` (one before it counts 1.5x, one across a
        comma twice); None for a word that is no metric there."""
        if self.rx.metric_as_verb.match(sentence, mm.start()):
            return None  # ("models score only 23%": the verb)
        d = mm.start() - b if mm.start() >= b else (a - mm.end()) * 1.5
        if self._own_metric_after(sentence, mm, b):
            return 0.0
        if mm.start() >= b and self.rx.metric_linked_after.match(sentence, mm.end()) \
                and self.rx.clause_break.search(sentence, b, mm.start()):
            # ("0.62, and a CER of 0.126": the metric linked to a later number, past a break, is that one's;
            # "10.8 compared to a perplexity of 15.8" is one pair)
            return None
        if self._earlier_numbers_metric(sentence, mm, a) or self._past_own_bracket(sentence, mm, a, b):
            return None
        if d > VAGUE_REACH and mm.group(0).lower() in self.words["vague_metrics"]:
            return None  # ("state-of-the-art performance on Kinetics (90.0% ...": a word, not the metric)
        if "," in (sentence[mm.end() : a] if mm.start() < b else sentence[b : mm.start()]):
            d *= 2  # "84.1 PQ, 31.2 dB PSNR": a metric across a comma is another number's
        return d

    @staticmethod
    def _past_own_bracket(sentence: str, mm: re.Match, a: int, b: int) -> bool:
        """Is the metric at ``mm`` past the bracket that holds the number and a comma after it ("(MOS of 4.31
        compared to groundtruth 4.48), low latency": latency is none of the bracket's numbers' metric)?"""
        gap = sentence[b : mm.start()] if mm.start() >= b else ""
        closed = gap.find(")")
        if closed < 0 or "," not in gap[closed:] or "(" in gap:
            return False  # ("(77.4+4.2)% mAP": the metric right after the bracket is its numbers')
        opened = sentence.rfind("(", 0, a)
        return opened >= 0 and ")" not in sentence[opened:a]

    def _own_metric_after(self, sentence: str, mm: re.Match, b: int) -> bool:
        """Is the metric at ``mm``, after the number ending at ``b``, the number's own whatever else is near:
        only its points between ("+4-point mAP"), or a benchmark's name ("1.0% BarCOCO mAP")?"""
        if mm.start() <= b:
            return False
        return self.rx.points_before_metric_gap.fullmatch(sentence, b, mm.start()) is not None \
            or (self.rx.name_before_metric_gap.fullmatch(sentence, b, mm.start()) is not None
                and not self._metric_ci.fullmatch(sentence[b:mm.start()].strip()))

    def _earlier_numbers_metric(self, sentence: str, mm: re.Match, a: int) -> bool:
        """Is the metric at ``mm``, before the number at ``a``, one an earlier number's change names, with
        only a coordinator between ("a 16% reduction in WER and a 5.9% gain in BLEU": WER is the 16%'s)?"""
        return mm.end() <= a and self.rx.earlier_number_gap.fullmatch(sentence, mm.end(), a) is not None \
            and self.rx.metric_of_earlier_number.search(sentence[: mm.start()]) is not None

    def _without_owner(self, name: str) -> str:
        """"Acme's WidgetBench": the benchmark without its owner ("Humanity's Last Exam" is one name)."""
        owned = name.split("'s ", 1)[-1] if "'s " in name else ""
        return owned if owned and " " not in owned and self._namey(owned) else name

    def _nearest_benchmark(self, sentence: str, a: int, b: int, metric: str | None) -> str | None:
        best = None
        best_d = 1e9
        fronted = self._fronted_names(sentence)  # ("for Wren-L, we reach 52.4%": the system measured)
        own_task = self.rx.own_task_after.match(sentence, b) is not None  # ("... on one-shot summarization")
        for rx in (self._bench_intro, self._bench_named, self._bench_word_named):
            if rx is self._bench_word_named and best is not None:
                break  # ("on our newly released benchmark FooQA": read only where no other names a benchmark)
            for mm in rx.finditer(sentence):
                name = mm.group("name").rstrip(".")
                name = self._without_owner(name)
                cue = self._intro_cue(sentence, mm) if rx is self._bench_intro else None
                s, e = mm.start("name"), mm.end("name")
                if own_task and s < b or name.lower() in fronted or not self._bench_candidate(sentence, name, s, e, metric, cue):
                    continue
                d = s - b if s >= b else (a - e) * 1.2
                if rx is self._bench_intro and s >= b and self.rx.own_benchmark_gap.match(sentence[b : mm.start()]):
                    d = -1  # "68.2 on MMLU-Pro, 51.3 on GPQA": the benchmark right after the number is its own
                if d < best_d:
                    best, best_d = name, d
        return best

    def _intro_cue(self, sentence: str, mm: re.Match) -> str:
        """The word that introduces a benchmark's name ("on", "of", ...); "of" after a split reads as "on"
        ("the test set of FooCity": the dataset the split is of)."""
        cue = mm.group(0).split()[0]
        if cue == "of" and self.rx.split_before.search(sentence, max(0, mm.start() - 30), mm.start()):
            return "on"
        return cue

    def _bench_candidate(self, sentence: str, name: str, s: int, e: int, metric: str | None, cue: str | None) -> bool:
        """Can the name at ``s:e`` be a benchmark there? Not "in Janus models", "in the Qwen family"
        (models), nor "pre-trained on X" (training data)."""
        return self._benchmark_name(name, metric, cue) and not self.rx.models_after.match(sentence[e:]) \
            and not self.rx.pretraining_data_before.search(sentence, max(0, s - 30), s)

    def _benchmark_before_metric(self, sentence: str, a: int, b: int, metric: str | None) -> str | None:
        """"83.9% top-1 ImageNet accuracy", "raising ImageNet-C accuracy from 45.2%": the name right
        before the number's own metric, the metric after the number or right before it."""
        if not metric:
            return None
        at = sentence.find(metric, b, b + 40)
        if at > b:
            bm = self._bench_then_metric.match(sentence[b:at])
        else:
            at = sentence.rfind(metric, max(0, a - 40), a)
            bm = self._bench_before_metric.search(sentence, max(0, at - 40), at) if at > 0 else None
        name = self._without_owner(bm.group("name")) if bm else None  # ("Heron's MMLU accuracy")
        return name if name and self._namey(name.split()[0]) and self._benchmark_name(name, metric, None) else None

    def _bracketed_benchmark(self, sentence: str, a: int) -> str | None:
        """The member of a benchmark list whose brackets hold the number ("on GSM8K (94.2%) and MATH (71.5%)"),
        first in them or not ("FooSet (F1: 92.1%, IoU: 85.4%)")."""
        opened = sentence.rfind("(", max(0, a - 60), a)
        if opened < 0 or ")" in sentence[opened:a]:
            return None
        for lm in self._bench_bracketed.finditer(sentence):
            if not lm.start("list") <= a < lm.end("list"):
                continue
            for mm in self._bracket_member.finditer(sentence, lm.start("list"), lm.end("list")):
                name = mm.group("name")
                # (what is never a benchmark elsewhere is none here: "on Japanese (SIM = 0.68)", a language)
                if mm.start("inside") <= a < mm.end("inside") and not self._never_benchmark(name, name.split()[0], None):
                    # "Kinetics (90.0% on K400 ...)": a benchmark named inside the brackets is nearer
                    return None if self._bench_intro.search(mm.group("inside")) else name
        return None

    def _benchmark_name(self, name: str, metric: str | None, cue: str | None) -> bool:
        """Can ``name`` (after ``cue``, "on", "of" ..., or before "benchmark") be a benchmark? A single
        plain capitalised word only after "on"/"in"/"across" ("on Cityscapes"; "of Meena" is a model)."""
        first = name.split()[0]
        if self._never_benchmark(name, first, metric):
            return False
        if not self._namey(first) and len(name.split()) == 1 and not re.search(r"\d", name):
            return name.isupper() or cue is None or cue.lower() in ("on", "in", "across")
        return True

    def _never_benchmark(self, name: str, first: str, metric: str | None) -> bool:
        """A metric, a model family or sized model ("Heron-7B"), a unit, a possessive ("ChatBIT's
        BLEU": it owns the result) or a kind of model ("VoxelNet-based") is no benchmark."""
        return bool(first in self._not_bench or (metric and name.lower() == metric.lower()) or self._metric_ci.fullmatch(name)
                    or name in self._languages
                    or self._model_family.match(name) or self.rx.compute_unit_word.match(name.split()[-1])
                    or self.rx.compute_unit_word.match(first) or self.rx.unit_word.match(name) or name.endswith("'s")
                    or self.rx.sized_model_name.search(name) or self.rx.kind_of_thing.fullmatch(name))

    def _compared_performance(self, sentence: str) -> str | None:
        """"we keep 96.7% of the 11B model's performance", "tripling the performance of T5-XXL": the
        system the sentence's results are set against, where no cue word names it."""
        if self._compared_last[0] == sentence:  # (a sentence's claims come one after another)
            return self._compared_last[1]
        name = self._compared_in(sentence)
        self._compared_last = (sentence, name)
        return name

    def _compared_in(self, sentence: str) -> str | None:
        cm = self.rx.compared_performance.search(sentence)
        if cm is None:
            return None
        if cm.group("a"):
            name = cm.group("a")
        else:  # "the performance of T5-XXL on one-shot SuperGLUE": the name, up to where the phrase stops
            rest = " " + sentence[cm.start("b") :]
            stop = self.rx.stop_phrase.search(rest)
            name = rest[: stop.start() if stop else len(rest)].strip()
        name = name.rstrip(".")
        # a name or a sized model ("T5-XXL", "the 11B model"), not a bare word or count ("dense", "3")
        return name if re.search(r"[A-Z]|\d[A-Za-z]", name) else None

    def _margin_baseline(self, sentence: str, b: int) -> str | None:
        """"1.0% below Wren", "5 points above the base model": the side a margin lies on names its baseline."""
        margin = self.rx.margin_side_after.match(sentence, b)
        if margin is None:
            return None
        rest = " " + sentence[margin.end() :]
        stop = self.rx.stop_phrase.search(rest)
        phrase = rest[: stop.start() if stop else len(rest)].strip()
        return phrase if self._baseline_phrase(phrase) else None

    def _baseline(self, sentence: str, a: int, b: int, first: int | None = None) -> str | None:
        """What the number at ``a:b`` (in a list that starts at ``first``) is compared against."""
        margin = self._margin_baseline(sentence, b) or self._owner_baseline(sentence, a if first is None else first)
        if margin:
            return margin
        best = None
        best_key: tuple[bool, float] = (True, 1e9)
        for mm in self._baseline_cue.finditer(sentence):
            found = self._cued_baseline(sentence, mm, a, b)
            if found and found[1] < best_key and abs(found[1][1]) < 200:
                best, best_key = found
        return best

    def _cued_baseline(self, sentence: str, mm: re.Match, a: int, b: int) -> tuple[str, tuple[bool, float]] | None:
        """The phrase a baseline cue introduces, with how near it is to the number at ``a:b``: (in
        another clause?, distance); None where the cue is not this number's."""
        if self._inside_metric(sentence, mm.start()):
            return None  # ("Intersection over Union": a cue word inside a metric's name compares nothing)
        rest = " " + sentence[mm.end() :]
        stop = self.rx.stop_phrase.search(rest)
        phrase = rest[: stop.start() if stop else len(rest)].strip()
        if not self._baseline_phrase(phrase) or mm.end() <= a <= mm.end() + 1 or _another_numbers_cue(sentence, mm, a):
            return None  # (a cue right before the number is its qualifier: "less than half as many")
        if self.rx.data_over.match(mm.group(0)) and self.rx.dataset_head.search(phrase):
            return None  # ("layers over the FooMal malware dataset": where it was run, not what it beat)
        phrase = self._with_name_beside(self._with_example(phrase, rest, stop), rest, stop)
        s = mm.start()
        if s >= b and stop and self.rx.own_amount.match(rest, stop.start()):
            return None  # ("..., outperforming X by 2.0%": X is the baseline of the 2.0%)
        d = s - b if s >= b else (a - mm.end()) * 1.1
        # a cue in the number's own clause comes before one across a comma ("5.1% higher than A, 3.7%
        # higher than B": B is the 3.7%'s)
        return phrase, ("," in (sentence[b:s] if s >= b else sentence[mm.end() : a]), d)

    def _inside_metric(self, sentence: str, at: int) -> bool:
        """Is ``at`` inside a metric's name in ``sentence``?"""
        lo = max(0, at - 40)
        return any(lo + s < at < lo + e for s, e in self.metric_spans(sentence[lo : at + 40]))

    def _with_example(self, phrase: str, rest: str, stop: re.Match | None) -> str:
        """"models such as Kestrel-X": a phrase cut at "such" runs on to the example it names."""
        example = self.rx.such_as_name.match(rest, stop.start()) if stop and phrase.endswith("such") else None
        return f"{phrase} as {example.group('n').rstrip('.')}" if example else phrase

    def _possessed_baseline(self, sentence: str, a: int) -> str | None:
        """"reduces Wren's accuracy degradation by 10.8%": the system whose measure a change is of is
        what it is compared against."""
        if "'s " not in sentence[max(0, a - 70) : a] and "’s " not in sentence[max(0, a - 70) : a]:
            return None  # (cheap: most numbers have no possessive before them)
        owned = self.rx.possessed_measure_before.search(sentence, max(0, a - 70), a)
        return owned.group("name") if owned and self._is_name(owned.group("name")) else None

    def _owner_baseline(self, sentence: str, a: int) -> str | None:
        """The system whose own measure the number at ``a`` is set against: possessed or needed."""
        return self._possessed_baseline(sentence, a) or self._needier_baseline(sentence, a)

    def _needier_baseline(self, sentence: str, a: int) -> str | None:
        """"competitive with FooLMs requiring 50x the compute": the system that needs the multiple is
        what the paper's saving is measured against."""
        needy = self.rx.needier_baseline_before.search(sentence, max(0, a - 60), a)
        return needy.group("name") if needy and self._is_name(needy.group("name")) else None

    def _with_name_beside(self, phrase: str, rest: str, stop: re.Match | None) -> str:
        """"over the strongest baseline, Kestrel 2.0": a phrase that only describes a baseline stands for
        the name set beside it."""
        if not (stop and rest[stop.start()] == "," and self.rx.descriptive_baseline.search(phrase)):
            return phrase
        named = self.rx.baseline_appositive.match(rest, stop.start())
        return named.group("n") if named else phrase

    def _baseline_phrase(self, phrase: str) -> bool:
        """A phrase after a cue that can name a baseline: a few words, not "a", "the same" or "a day"."""
        words = phrase.split()
        if not words or len(words) > 9 or words[0].lower() in ("a", "an") and len(words) < 2:
            return False
        return not (self.rx.vague_baseline.match(phrase) and len(words) <= 1 or self.rx.time_span_baseline.match(phrase))

    # ----------------------------------------------------------------------------- subject

    def _subject(self, sentence: str, a: int, method: str | None, found: dict) -> str | None:
        """The noun phrase before the main verb that precedes the number ("Tamarind even yields ..."),
        or the paper's method where that phrase is only "we"/"our method"/"it"."""
        head = self.rx.relative_aside.sub(lambda r: " " * len(r.group(0)), sentence[:a])
        named = self._named_before_value(head, found)
        if named:
            return named  # "Heron 12B (48.2%)", "Heron 7B: 0.81"
        done, subject = self._clause_subject(head, method)
        if done:
            return subject
        introduced = self.rx.intro.search(head)  # "We introduce Kestrel, a model that achieves ..."
        if introduced and (introduced.group("n") or introduced.group("w")) not in self._generic:
            return introduced.group("n") or introduced.group("w")
        if self.rx.we_our_it.search(head.lower()) or (method and method in head):
            return method
        return self._first_name(head, found)

    def _named_before_value(self, head: str, found: dict) -> str | None:
        """The name right before a bracket or colon that opens the value; not a word, metric or generic
        name, nor the benchmark ("English→German translation (30.9 BLEU)") or what is measured ("FID
        scores: 1.20 on A")."""
        named = self.rx.named_before_value.search(head)
        name = named.group(1) if named else None
        bench = found.get("benchmark") or "\0"
        if name is None or name.split()[0].lower() in self.words["stopwords"] or name == found.get("metric") \
                or name in self._generic or name in bench or bench in name or self._is_measure(name) \
                or self._inside_metric(head, named.start(1)):
            return None  # (the end of a metric's name is no name: "Area Under ROC Curve (0.85)")
        return name

    def _clause_subject(self, head: str, method: str | None) -> tuple[bool, str | None]:
        """The noun phrase before the last verb of ``head`` that has one: (found?, subject)."""
        verbs = self._linking_verbs(head)
        for i in range(len(verbs) - 1, -1, -1):
            if i > 0 and self.rx.comma_participle.match(head[verbs[i].start() - 2 : verbs[i].end()]):
                continue  # ("X obtains ... results, achieving 17.1 ppl": the participle's subject is X's)
            seg_start, seg_end = verbs[i - 1].end() if i > 0 else 0, verbs[i].start()
            relative = self.rx.relative_before.search(head, max(0, verbs[i - 1].start() - 30), verbs[i - 1].start()) \
                if i > 0 and "," not in head[verbs[i - 1].end() : seg_end] else None
            if relative:  # "a model that retains two layers outperforms": the phrase before "that"
                seg_start, seg_end = verbs[i - 2].end() if i > 1 else 0, relative.start()
            named = self._named_antecedent(head, seg_start, seg_end) or self._named_model_before(head, seg_start, seg_end) \
                if relative else self._named_antecedent(head, seg_start, seg_end)
            if named:
                return True, named
            done, subject = self._subject_before(head[seg_start:seg_end], method)
            subject = self._owner_of_measure(subject)
            if done and not self._is_measure(subject):
                return True, subject  # (what is measured, "ROUGE scores were 3.2", is not the subject: look further back)
        return False, None

    def _named_antecedent(self, head: str, start: int, end: int) -> str | None:
        """"we design a family of nets, Kestrel-RS, which are 2x faster", "the FooNet model which has
        achieved": the name "which" stands for (an unnamed antecedent, "novel architectures that achieve", leaves the subject to the clause before)."""
        rel = self.rx.relative_before.search(head, max(start, end - 30), end)
        if rel is None:
            return self._whose_owner(head, start, end)
        name = self._clause_tail(head[start : rel.start()].rstrip(" ,"))
        if " " not in name:
            return name if self._namey(name) and name not in self._generic else None
        return self._named_model_before(head, start, rel.start())

    def _named_model_before(self, head: str, start: int, end: int) -> str | None:
        """A name with its head noun right before ``end``, where a relative clause opens ("the
        superiority of the FooNet model which has achieved")."""
        named = self.rx.named_model_before_relative.search(head, start, end)
        return named.group("n") if named and named.group("n").split()[0] not in self._generic else None

    def _whose_owner(self, head: str, start: int, end: int) -> str | None:
        """"on par with Kestrel (Wren et al., 2018), whose test error is 2.65%": the result is of the
        name "whose" stands for (its citation in brackets is no part of it)."""
        whose = self.rx.whose_before.search(head, max(start, end - 40), end) if "whose" in head[start:end] else None
        if whose is None:
            return None
        words = _CITATION_END.sub("", head[start : whose.start()]).split()
        name = words[-1] if words else ""
        return name if self._namey(name) and name not in self._generic else None

    def _owner_of_measure(self, phrase: str | None) -> str | None:
        """"the accuracy of Lumen", "the performance of the tuned model": what is measured is of the
        subject; "the translations produced by Kestrel": an output is its maker's."""
        made = self.rx.output_by.match(phrase) if phrase and " by " in phrase else None
        if made:
            return made.group("n")
        head, of, owner = (phrase or "").partition(" of ")
        return owner if of and owner and self._is_measure(head) else phrase

    def _is_measure(self, phrase: str | None) -> bool:
        """A phrase naming what is measured ("the BLEU scores", "average relative gains"), not a system."""
        last = phrase.split()[-1] if phrase and phrase.split() else ""
        return last.lower() in self.words["measure_nouns"] or bool(last and self._metric.fullmatch(last))

    def _benchmarks_named(self, sentence: str, kind: str) -> set[str]:
        """The benchmarks a sentence introduces ("on GPQA"), for a score, and for any claim but a data
        amount the data it names ("using the FooPajama-627B dataset") (lower case)."""
        if kind == self.roles["data"]:
            return set()
        data = {n.group("name").lower() for n in self._bench_named.finditer(sentence)}
        if kind != self.roles["measurement"]:
            return data
        return data | {n.group("name").lower() for n in self._bench_intro.finditer(sentence)} - self._fronted_names(sentence)

    def _fronted_names(self, sentence: str) -> set[str]:
        """The systems named by "For X, we ..." (lower case): what was measured, never a benchmark."""
        if "or " not in sentence:
            return set()  # (no "for"/"For": most sentences)
        return {f.group("n").lower() for f in self.rx.fronted_for_name.finditer(sentence)}

    def _not_measured_on(self, subject: str | None, found: dict, method: str | None,
                         benchmarks: "Callable[[], set[str]]") -> str | None:
        """What a score is measured on (its benchmark or metric, or a benchmark the sentence names) is
        never what it is about: the subject is the model, method or system (guidelines), so the
        method's name stands in. ``benchmarks`` gives the sentence's benchmarks, read only if needed."""
        bench = (found["benchmark"] or "").lower()
        if subject and (subject.lower() in {bench, (found["metric"] or "").lower()} or subject.lower() in benchmarks()
                        or bench and subject.lower().startswith(bench + " ")
                        and self._bench_named.match(subject) is not None):  # "ScienceQA benchmark", not "Janus 7B"
            return method
        return subject

    def _never_generic(self, subject: str | None, method: str | None) -> str | None:
        """The guidelines (v4): a subject is never a literal "our approach", "our training", "we":
        the method's name where the abstract gives one; else a phrase that describes the system
        ("Our best model") as written, and null for a generic one."""
        if subject and self.rx.own_phrase.match(subject):
            named = self._own_phrase_name(subject)
            if named:
                return named
            if method or not self.rx.own_described.match(subject):
                return method
            last = subject.split()[-1]  # "our program AlphaGo": the name it gives
            return last if self._namey(last) and last not in self._generic else subject
        return subject

    def _own_phrase_name(self, subject: str) -> str | None:
        """The name an own phrase gives: "Our Kestrel-L achieves" (the variant), "Our proposed Wren-Base
        model (110M parameters)"."""
        for named in (subject.split(maxsplit=1)[-1], self._trimmed(subject)):
            if named and " " not in named and named != subject and self._namey(named) and named not in self._generic:
                return named
        return None

    def _linking_verbs(self, head: str) -> list[re.Match]:
        """Verbs in ``head`` that may link a subject to the number: not "to reduce ..." (an
        infinitive), "an accuracy increase of ..." (a noun), "prior leading models" (an adjective) nor
        "compressed-domain attention" (part of a compound)."""
        verbs = [v for v in self.rx.verb.finditer(head) if not _after_to(head, v.start()) and not head.startswith("-", v.end())
                 and not (re.match(r"\s+of\b", head[v.end():]) and self.rx.noun_verb.match(v.group(0)))
                 and not (v.group(0).endswith("ing") and self.rx.determiner_before.search(head[max(0, v.start() - 12) : v.start()]))]
        verbs = [v for i, v in enumerate(verbs) if not (i and self._object_noun(head, verbs[i - 1], v))]
        named = [_WORD.match(head, m.start("v")) for m in self.rx.name_verb.finditer(head) if self._names_system(m.group("n"))]
        return sorted(verbs + named, key=lambda v: v.start()) if named else verbs

    def _object_noun(self, head: str, before: re.Match, v: re.Match) -> bool:
        """"Kestrel cuts API costs by 60%": a noun-verb right after the verb before it and a short
        object is that object's noun."""
        return bool(self.rx.noun_verb.match(v.group(0)) and self.rx.object_gap.fullmatch(head, before.end(), v.start()))

    def _names_system(self, token: str) -> bool:
        """A token that names a system: name-like ("Kestrel-2"), or a lower-case name with a version
        glued on ("o3", "phi-1"), and not a well-known benchmark or tool name."""
        return (self._namey(token) or self.rx.versioned_name.match(token) is not None) and token not in self._generic

    def _subject_before(self, segment: str, method: str | None) -> tuple[bool, str | None]:
        """The subject in the clause before one verb: (found?, subject)."""
        fronted = self._fronted_name(segment)
        if fronted:
            return True, fronted
        phrase = self._segment_phrase(segment)
        pointed = self._named_or_pointed(phrase, method)
        if pointed is not None:
            return pointed
        if not phrase or phrase.split()[-1].lower() in self.words["function_words"]:
            return False, None
        return self._subject_of_phrase(self.rx.result_of.sub("", self.rx.focus_adverb.sub("", phrase)), method)

    def _subject_of_phrase(self, phrase: str, method: str | None) -> tuple[bool, str | None]:
        """The subject a clause's noun phrase names: (found?, subject)."""
        if method and self.rx.applying_own_method.match(phrase):
            return True, method  # ("applying our proposed method to Kestrel-8B reduces ...")
        part = self.rx.name_with_part.match(phrase)  # ("our Kestrel with the ViT backbone")
        if part and part.group("n") not in self._generic:
            return True, part.group("n")
        owner = self._possessive.match(phrase)
        if owner and self._good_phrase(owner.group(1)):
            return True, owner.group(1)  # "Kestrel 8B's win rate against GPT-4 on AlpacaEval increases ..."
        name = self._name_before_verb(phrase.split())
        if name:
            return True, name
        phrase = self.rx.prepositional_tail.split(phrase, maxsplit=1)[0]
        pointed = self._named_or_pointed(phrase, method)  # ("Experiments using all data": what is left)
        if pointed is not None:
            return pointed
        gerund = self.rx.leading_gerund.match(phrase) if not (method and phrase.startswith(method)) else None
        if gerund:  # "Steering GPT-4 with Medprompt achieves": the system steered; "Applying pruning": none
            # (a method whose name opens with such a word, "Grounding Kestrel", is named whole)
            phrase = phrase[gerund.end() :].lstrip()
            if not phrase[:1].isupper():
                return False, None
        if not self._good_phrase(phrase):
            return (True, method) if self.rx.we_our_it_its.search(phrase.lower()) else (False, None)
        short = self._short_phrase(phrase.split())
        return short is not None, short

    def _fronted_name(self, segment: str) -> str | None:
        """"For Kestrel-S with 1M parameters, we": the system "we" measured, named up front."""
        fronted = self.rx.fronted_for_name.search(segment) if "or " in segment else None
        if fronted and not segment[fronted.end() :].strip() and self._namey(fronted.group("n")):
            return fronted.group("n") if fronted.group("n") not in self._generic else None
        return None

    def _segment_phrase(self, segment: str) -> str:
        """The noun phrase that ends ``segment``, past an aside ("Our best model, developed using X, ")."""
        phrase = self._clause_tail(segment)
        if not phrase and segment.rstrip().endswith(","):
            aside = self.rx.participle_aside.search(segment)
            phrase = self._clause_tail(segment[: aside.start()]) if aside else phrase
        return phrase

    def _named_or_pointed(self, phrase: str, method: str | None) -> tuple[bool, str | None] | None:
        """"our Kestrel-3B model" (a name), "it"/"our method" (the method), "these explorations"
        (nothing of its own); None for any other phrase."""
        named = self._own_named(phrase)
        if named:
            return True, named
        if phrase and self._is_pronoun(phrase):
            return True, method or (phrase if phrase.lower() not in self.words["bare_pronouns"] else None)
        if phrase.endswith((" it", " we")):
            return True, method  # ("On A, B and C it reaches": the opening phrase runs into "it")
        if self.rx.demonstrative.match(phrase):
            return True, None  # "These explorations are performed using ...": neither a name nor "we"/"it"
        return None

    def _own_named(self, phrase: str) -> str | None:
        """"our Kestrel-3B model", "our models (KestrelGANs)": the sentence names the paper's own model, so
        that name is the subject."""
        bracketed = self.rx.own_bracket_name.match(phrase) or self.rx.own_name_alone.match(phrase)
        if bracketed and bracketed.group("n") not in self._generic:
            return bracketed.group("n")
        # (at the start of a longer phrase too: "our Kestrel approach combines these techniques to")
        own = self._own_method.match(phrase.lower())
        own = own and re.match(r"\S+\s(\S+)\s\S+$", phrase[: own.end()])
        return own.group(1) if own and self._namey(own.group(1)) and own.group(1) not in self._generic else None

    def _name_before_verb(self, words: list[str]) -> str | None:
        """"... in its primary objective-Tamarind-X achieving": the name right before the verb."""
        last = re.sub(r"^[a-z]+-(?=[A-Z])", "", words[-1]) if words else ""
        not_before = self.words["function_words"] | self.words["bad_first"]
        if len(words) > 3 and self._namey(last) and last not in self._not_bench and last not in self._generic \
                and words[-2].lower() not in not_before and not self.rx.hardware_name.match(last):
            return last
        return None

    def _short_phrase(self, words: list[str]) -> str | None:
        if len(words) <= 6:
            return " ".join(words)
        namey = [w for w in words if self._namey(w.strip(",.'")) and w not in self._not_bench]
        return " ".join(words[words.index(namey[0]) :][:6]) if namey else None

    def _first_name(self, head: str, found: dict) -> str | None:
        avoid = {found.get("benchmark"), found.get("baseline"), found.get("metric")}
        for tok in re.finditer(r"[\w\-.+/']+", head):
            word = re.sub(r"'s$", "", tok.group(0)).strip(".'")
            if word in self._not_bench or any(word and word in (x or "") for x in avoid) \
                    or _COMPARED_BEFORE.search(head, max(0, tok.start() - 60), tok.start()):
                continue  # (a name compared against is no subject: "a 4.9x speedup over state-of-the-art FOO solvers")
            if self._namey(word):
                return word
        return None

    def _good_phrase(self, phrase: str) -> bool:
        """A plausible subject: not led by a preposition or modal, no numbers, not ending in a function word."""
        words = phrase.split()
        if not words:
            return False
        first, last = words[0].lower(), words[-1].lower()
        if first in self.words["bad_first"] or last in self.words["function_words"]:
            return False
        # numbers only inside names ("GPT-4", "7B") or as a name's version ("Kestrel 2.0", "Kestrel Small 3")
        if re.search(r"\d", phrase) and not re.search(r"[A-Za-z]-?\d|\d[A-Za-z]|[A-Za-z] \d+\.\d+(?!\S*%)|[A-Z][\w\-]* \d+$", phrase):
            return False
        return not self.rx.modal.search(phrase.lower()) and not self.rx.number_with_unit.search(phrase)

    def _is_pronoun(self, phrase: str) -> bool:
        low = phrase.lower().strip()
        # ("our proposed Wren-Base model" names its model: a name-like word is no pronoun's)
        return low in self._pronoun_set or bool(self._own_method.fullmatch(low)) \
            and not any(self._namey(w) for w in phrase.split()[1:])

    def _clause_tail(self, text: str) -> str:
        """The last clause-initial noun phrase of ``text`` (back to a comma, 'that', 'where', ...)."""
        cut = 0
        for m in self.rx.clause.finditer(text):
            cut = m.end()
        phrase = self.rx.lead.sub("", text[cut:].strip()).strip()
        if self.rx.list_joiner.match(phrase) and re.search(r"(?:^|,)\s*[\w\-]+(?:\s[\w\-]+)?,\s*$", text[:cut]):
            return ""  # the last item of a list ("Our Welsh, Basque, and Irish models"): no clause starts here
        phrase = self.rx.clause_joiner.sub("", phrase)
        phrase = self.rx.trailing_adverb.sub("", phrase)
        phrase = self.rx.trailing_ly.sub("", phrase)
        return phrase.strip(" ,")

    # ------------------------------------------------------------------------ size's owner

    def _size_owner(self, sentence: str, a: int, b: int, end: int) -> str | None:
        """The model a bare size belongs to: 'GPT-3 (175B)', '175B GPT-3', 'Mistral 7B',
        'GPT-3.5 (ge 175B)', 'large models (larger than 100B)', '... which we call Tamarind-L';
        read after ``end``, the end of the list the size is in ("Our 2B, 5B and 30B WFMs")."""
        left = self.rx.size_qualifier_before.sub("", sentence[:a]).rstrip() + " "
        left = left if left.strip() else sentence[:a]
        right = sentence[end:]
        sibling = self.rx.bracket_size_sibling.search(left[-80:])
        if sibling and sibling.group("name") not in self._generic:
            return sibling.group("name")  # ("Heron (671B total, 37B activated)")
        named = self.rx.named_model_bracket_before.search(left[-140:])
        if named and named.group("name") not in self._generic:
            return named.group("name")  # ("the Kestrel backbone (2 B encoder + 2 B decoder)")
        return (self._slash_sibling(left, sentence[a:b]) or self._class_in_brackets(left) or self._name_before(left)
                or self._name_with(left, sentence[a:b]) or self._model_with(left, right)
                or self._description_named(left, right) or self._name_after(right) or self._fronted_owner(left, right)
                or self._models_after(left, right) or self._named_later(right))

    def _size_subject(self, sentence: str, span: tuple[int, int, int, int], decision: "Decision", method: str | None,
                      title: str) -> str | None:
        """Whose size it is: a named owner, the paper's own sized model, or its method where the
        sentence says "we"/"our model"; a bare "the model" or "LMs" names nobody (guidelines).
        ``span`` is the size's start and end, and the end and start of its list (its own if in none:
        "the Wren 3.1 8B and 70B models" are both Wren 3.1's)."""
        a, b, end, first = span
        total = self._total_of_active(sentence, a, b)
        if total:  # (the active size is the same model's)
            n0, n1 = total.span("n")
            return self._size_subject(sentence, (n0, n1, n1, n0), decision, method, title)
        owner = self._variant(decision.subject_hint or (self._name_before(sentence[:first]) if first < a else None)
                              or self._size_owner(sentence, a, b, end) or self._own_sized(sentence, a, end), sentence, a, b)
        owner = self._titled(owner, sentence[a:b], title)
        owner = None if owner and self._is_metric_name(owner) else owner  # ("72.2 mIoU with 0.68M parameters")
        own = self.rx.own_size_before.search(sentence[max(0, a - 80) : a])  # "We trained 2B and 6B models", "This 2B model"
        done, subject = self._of_owner(owner, own is not None, method) if owner is not None else (False, None)
        return subject if done else self._unowned_size_subject(sentence, a, end, method, own is not None)

    def _unowned_size_subject(self, sentence: str, a: int, end: int, method: str | None, own: bool) -> str | None:
        """The subject of a size that no name owns: what the sentence says has it, the system of the
        result it was reached with, or the paper's method where the size is its own."""
        said = self._possessor(self._before_list(sentence[:a])) or self._own_sized(sentence, a, end, definite=True)
        if said:
            return self._bare_name(said)  # ("Kestrel-2 has 7B ...", or else "the 30B model" as written)
        head = self.rx.size_qualifier_before.sub("", sentence[:a]).rstrip() + " "
        if self.rx.result_with_size_before.search(head) or self._metric_result_with.search(head):
            # ("Kestrel reaches 78.4% accuracy with 6M parameters": the result's system, or the paper's)
            return self._never_generic(self._subject(sentence, a, method, dict.fromkeys(_FIELDS)), method) or method
        return method if own or self.rx.we_model_before.search(sentence[:a].lower()) else None

    def _total_of_active(self, sentence: str, a: int, b: int) -> re.Match | None:
        """The total size an active size at ``a:b`` belongs with: "Wren having 6B total parameters with
        1B activated", "Wren (400B/A13B)" (group "n": the total)."""
        total = self.rx.total_size_before.search(sentence, max(0, a - 60), a)
        if total and self.rx.active_size_after.match(sentence, b):
            return total
        return self.rx.total_slash_before.search(sentence, max(0, a - 16), a)

    def _of_owner(self, owner: str, own: bool, method: str | None) -> tuple[bool, str | None]:
        """Whom a size's owner phrase names, where it settles it: (settled?, subject). ``own``: the
        sentence says the paper made the sized models ("we trained ...")."""
        if owner.lower().startswith("our ") and self._is_pronoun(owner):
            return True, method  # ("Our models (1.5-7B)": the paper's own, by its name; never "our models", v4)
        if own and method and self.rx.indefinite.match(owner):
            return True, method  # ("we trained a video model with 13B parameters": the paper's, by its name)
        if owner.lower() not in self.words["bare_model_phrases"]:
            return True, self._bare_name(owner)
        if owner.lower().endswith("s") and not own:
            return True, None  # ("outperforming most existing 7B models": other models, never the paper's)
        return False, None

    def _possessor(self, head: str) -> str | None:
        """"Kestrel-2 has 7B ...", "Kestrel 3.0 models are offered in sizes: 7B, ...": a named subject
        given the size by a verb of having, with no comparison between."""
        head = head[-160:]  # (the subject, its verb and a few words: the end of the text is enough)
        verbs = self._linking_verbs(head)
        # the last verb, or the auxiliary right before a last participle ("are offered in": "offered" links nothing)
        passive = len(verbs) > 1 and not head[verbs[-2].end() : verbs[-1].start()].strip()
        i = next((j for j in (len(verbs) - 1, len(verbs) - 2 if passive else -1)
                  if j >= 0 and self.rx.size_link.match(head[verbs[j].start() :])), None)
        if i is None:
            return None
        segment = head[verbs[i - 1].end() if i > 0 else 0 : verbs[i].start()]
        beside = self.rx.appositive_name.search(segment)  # "Our largest model, Kestrel-XL, has"
        for said in (self._subject_before(segment, None)[1], beside.group(1) if beside else None):
            # (a name-like word, or a capitalised name and its version: "The Kestrel 3.5 language models")
            if said and said not in self._generic and (any(self._namey(w) for w in said.split()) or _NAME_VERSION.search(said)):
                return said
        return None

    def _own_sized(self, sentence: str, a: int, b: int, definite: bool = False) -> str | None:
        """"Our 9B parameter model", "our 3B dense and MoE models"; ``definite``: "the 30B model": a
        model described by its size, kept as written (guidelines: a phrase that describes the system,
        not "our model"; after "the", one model: "the 7B models" may be anyone's)."""
        before = self.rx.the_sized_before if definite else self.rx.own_before
        if not before.search(sentence[:a]):
            return None
        noun = self.rx.own_sized_noun.match(sentence, b)
        if noun is None or definite and noun.group(0).endswith("s"):
            return None
        return sentence[a - 4 : noun.end()]

    def _variant(self, owner: str | None, sentence: str, a: int, b: int) -> str | None:
        """"Kestrel 3.2 8B Instruct": a variant word after a named size makes the size part of the name."""
        if not owner or sentence[max(0, a - len(owner) - 1) : a] != owner + " ":
            return owner
        variant = self.rx.variant_after.match(sentence[b : b + 20])
        return f"{owner} {sentence[a : b + variant.end()]}" if variant else owner

    @staticmethod
    def _titled(owner: str | None, number: str, title: str) -> str | None:
        """"Mistral 7B" where the title names the model with its size: the size is part of the name
        (elsewhere "PaLM 540B" is the model PaLM at one of its sizes)."""
        if owner and title and f"{owner} {number}".lower() in title.lower():
            return f"{owner} {number}"
        return owner

    def _slash_sibling(self, left: str, number: str) -> str | None:
        """"Llama-3-8B/70B": the second size names its own model, "Llama-3-70B"."""
        sm = self.rx.slash_size_before.search(left.rstrip(" ") if left.endswith("/ ") else left)
        return sm.group("stem") + number if sm else None

    def _description_named(self, left: str, right: str) -> str | None:
        """A size that opens a description ("Poro-2, a 34 billion parameter model"): the name beside it."""
        article = self.rx.article_end.search(left) or (
            self.rx.description_of.search(left) if left.endswith(("of ", "with ")) else None)  # (end-anchored: only then)
        if not article or not self.rx.indefinite.match(left[article.start() :]) \
                or self.rx.description_then_verb.match(right):
            return None  # ("beats GPT-4o, a 3B LLM surpasses ...": the description opens a clause of its own)
        named = self._named(left[article.start() :], left[: article.start()], right)
        return None if self.rx.indefinite.match(named) else named

    def _named(self, description: str, before: str, after: str) -> str:
        """A description ("a sparse LLM") gives way to the name it stands for: the name beside it
        ("Pangu-X, a sparse LLM with ...", "Falcon 180B is a model with ...") or the one it is
        called after it ("a research model with 7B parameters called Seaweed"). The subject is the
        model's name where the sentence gives one (guidelines). A definite description stands for the
        name beside it too ("Kestrel 2.0, the largest dense model with 145B parameters, ...")."""
        indefinite = self.rx.indefinite.match(description)
        if not indefinite and not self.rx.definite.match(description):
            return description
        beside = self.rx.appositive_name.search(self.rx.lead.sub("", before))  # ("Consequently, a 7B model")
        words = beside.group(1).split() if beside else []
        if words and words[0] not in self._not_bench and words[0].lower() not in self.words["stopwords"] \
                and any(self._is_name(w) or self._namey(w) or self.rx.lower_numbered_name.match(w) for w in words):
            return beside.group("acr") or beside.group(1)
        return (self._named_later(after) or description) if indefinite else description

    def _class_in_brackets(self, left: str) -> str | None:
        paren = self.rx.model_class_paren.search(left) if "(" in left[-45:] else None
        named_left = re.search(r"[(,]\s?([A-Z][\w\-.+]*)\s$", left)  # "Heron models (Heron 7B: ...)": the name wins
        if paren and not named_left and not re.search(r"[A-Z]", paren.group(1).split()[-1][:1]):
            words = paren.group(1).split()
            cut = max((i + 1 for i, w in enumerate(words) if w.lower() in self.words["clause_words"]), default=0)
            words = words[cut:]  # "the hypothesis is that large models (...)": the noun phrase after the clause
            while len(words) > 1 and words[0].lower() in self.words["function_words"] \
                    and words[0].lower() not in ("a", "an", "the"):
                words = words[1:]  # "(...) to T5 variants": not the preposition; an article stays
            return " ".join(words) or None
        return None

    def _name_before(self, left: str) -> str | None:
        toks = left[-60:].split()
        while toks and not toks[-1].strip("(:"):
            toks.pop()  # "GPT-Neo (125M)": the bracket is not a name
        if not toks or not re.search(r"[\w.+]\s?[(:]?\s?$", left):
            return None
        last = toks[-1].strip("(:")
        prev = toks[-2] if len(toks) > 1 else ""
        if re.search(r"[,;:)]$", prev):
            prev = ""  # "GPT-3.5-Turbo (ChatGPT), Bloom 7B", "the Kestrels: Kestrel 3B": not one name
        name = self._name_of(toks, prev.strip("(\"'"), last.rstrip(".,;"))
        return name.removesuffix("'s").removesuffix("\u2019s") if name else None  # ("Kestrel's 7B and 12B")

    def _name_of(self, toks: list[str], prev: str, last: str) -> str | None:
        """The name that ``last`` (and maybe ``prev``, the token before it) ends, right before a size."""
        if re.fullmatch(r"\d+(?:\.\d+)?", last):
            return self._versioned(toks, prev, last)
        if self._is_name(last):  # "Falcon Mamba (7B)", "Megatron-Turing NLG (530B)": two words of one name
            two = self._is_name(prev) and prev[0].isupper() and (not self._namey(last) or self._namey(prev))
            return self._longer_name(toks[:-2], f"{prev} {last}") if two else last
        if last in self._generic and self._is_name(prev) and prev[0].isupper():
            return f"{prev} {last}"  # "Kestrel LLM 67B": a generic word closes the name it follows
        return None

    def _longer_name(self, toks: list[str], name: str) -> str:
        """"Japanese Kestrel Base Alpha 7B": capitalised name words before the last two, up to five in all."""
        words = name.split()
        while toks and len(words) < 5 and toks[-1][:1].isupper() and toks[-1][-1:].isalnum() \
                and self._is_name(toks[-1]) and toks[-1] not in self._generic and not toks[-1].endswith(("'s", "\u2019s")):
            words.insert(0, toks.pop())
        return " ".join(words)

    def _versioned(self, toks: list[str], prev: str, version: str) -> str | None:
        """A name and its version before a size: "Llama 3.1 8B", "Gemma 2 (2B)", "Stable LM 2 1.6B"."""
        if self._is_name(prev):  # ("Kestrel Embed 2.0 (568M)": the capitalised words before it too)
            return self._longer_name(toks[:-2], f"{prev} {version}")
        first = toks[-3].strip("(\"'") if len(toks) > 2 and prev[:1].isupper() else ""
        return f"{first} {prev} {version}" if self._is_name(first) and first[0].isupper() else None

    def _is_name(self, t: str) -> bool:
        return bool(t) and t.lower() not in self.words["stopwords"] and t not in self._not_bench and (
            self._namey(t) or t[0].isupper() and not self.rx.leading_gerund.match(t))

    def _name_with(self, left: str, number: str) -> str | None:
        """"Kestrel-X with 7B parameters": a name (not a description) right before "with"; not a
        name that carries another size ("following Kestrel-7B, containing 13 billion parameters")."""
        tail = left[-60:]  # (a name and "with": the end of the text is enough)
        m = self.rx.name_with_size.search(tail)
        if m is None:
            return None
        name = m.group(1) or m.group(2)
        if _NAMED_SIZE.search(name) and number not in name:
            return None
        word = "".join(tail[: m.start(1)].split()[-1:]) if m.group(1) else ""  # (the word before the name)
        if word.lower() in self.words["function_words"] - {"and", "or"}:
            return None  # "on CIFAR-10 with", "a RegNetY with": a benchmark, or a description's class
        if word and not self._namey(name) and self._title_pair(word, name):
            return f"{word} {name}"  # ("Wren Nano having 6B total parameters": a name of two title words)
        scaled = m.group(2) is not None  # ("we scale Kestrel to 7 billion": the verb says it is a model)
        return name if (self._namey(name) or scaled and self._is_name(name)) and name not in self._not_bench \
            and self._specific(name) else None

    def _title_pair(self, first: str, second: str) -> bool:
        """Two capitalised words that may name a model together ("Wren Nano"), neither generic."""
        return all(w[:1].isupper() and self._is_name(w) and w not in self._generic for w in (first, second))

    def _specific(self, name: str) -> bool:
        """A name that can own a size: not a generic acronym ("LLMs", "GPT"); a versioned one is a model
        ("GPT-3, with 175 billion parameters")."""
        return name not in self._generic or bool(re.search(r"\d", name))

    def _model_with(self, left: str, right: str) -> str | None:
        left = self._before_list(left)
        m = self.rx.model_with_size.search(left) or self.rx.family_ranging.search(left)
        if m is None:
            return None
        if m.groupdict().get("br") and m.group("br") not in self._generic:
            return m.group("br")  # ("a prototype LLM (Kestrel-0) with 33B parameters": the name in brackets)
        named = self._named(m.group(1), left[: m.start(1)], right)
        # ("a bilingual model with 11 billion parameters (Kestrel-2)": the name in brackets after the size)
        return (self._name_after(right) or named) if self.rx.indefinite.match(named) else named

    def _name_after(self, right: str) -> str | None:
        m = self.rx.name_after_size.match(right)
        if not m:
            return None
        name = m.group(2).rstrip(".")
        also = _ACRONYM_NEXT.match(right, m.end())
        if also and self._namey(also.group(0).strip(" ()")):
            return also.group(0).strip(" ()")  # "a 22B-parameter ViT (ViT-22B)": the name in brackets is fuller
        # in brackets a lower-case name with a digit is still a name: "(text-davinci-003)"
        if name not in self._not_bench and self._specific(name) and (
                self._namey(name) or m.group(1) and re.search(r"\d", name)
                or " " in name and any(self._namey(w) for w in name.split())):
            return name
        return None

    def _absolute_owner(self, left: str) -> str | None:
        """"..., with Kestrel requiring only 4.7% more time": the system an absolute "with" clause names."""
        if "ith " not in left[-60:]:
            return None  # (cheap: most numbers have no "with" before them)
        m = self.rx.absolute_owner_before.search(left, max(0, len(left) - 60))
        name = m.group("n") if m else None
        return name if name and name not in self._generic and name.split()[0] not in self._not_bench else None

    def _fronted_owner(self, left: str, right: str) -> str | None:
        """"At 9B parameters, Kestrel can ...", "Using a 2B parameter model, Kestrel shows ...", "Trained
        on 4M samples, Kestrel ...": a size or data amount in the phrase that opens the sentence is of
        the subject named right after its comma."""
        if not self.rx.fronted_size.match(self._before_list(left)):
            return None
        m = self.rx.fronted_size_close.match(right)
        name = m.group("n") if m else ""
        first = name.split()[0] if name else ""
        if not first or first.lower() in self.words["stopwords"] or first in self._not_bench or name in self._generic:
            return None
        return name

    def _before_list(self, left: str) -> str:
        """The words before a size's list, for a later item ("with versions at 2B, 8B, and " reads as
        "with versions at "); the text as it is for a size in no list (cheap: such text ends otherwise)."""
        return self.rx.list_items_end.sub("", left) if left.endswith((", ", "and ", "or ")) else left

    def _models_after(self, left: str, right: str) -> str | None:
        m = self.rx.models_after.match(right)
        return m.group(1) if m and not self.rx.article_end.search(left) else None

    def _named_later(self, right: str) -> str | None:
        """The name a description is given after it: "called Kestrel", "a 1.3B-parameter model, Kestrel, ..."."""
        m = self.rx.named_later.search(right)
        if m:
            return m.group("short") or m.group(1)
        beside = self.rx.description_then_name.match(right)
        return beside.group("n") if beside and beside.group("n") not in self._generic else None

    def _collection(self, head: str, right: str) -> str | None:
        """The collection a data amount measures ("a multi-task dataset containing 13 million samples";
        "KestrelQA, a dataset of 6,000 ..." names it; "the 770 billion token FooCorpus" too), or the model
        "we train ... on" it."""
        after = self.rx.collection_named_after.match(right) or self.rx.collection_named_before_noun.match(right)
        if after and after.group("n") not in self._generic:
            return after.group("n")
        if "rain" in head[-80:]:
            trained = self.rx.train_np_on.search(head)
            if trained:
                return self._named(trained.group("np"), head[: trained.start("np")], right)
        return self._collection_held(head, right)

    def _collection_held(self, head: str, right: str) -> str | None:
        """"a dataset containing 13 million samples": the collection that holds a data amount, by its
        name where it is given one."""
        held = self.rx.collection_of.search(head[-120:])
        if held is None:
            named = self.rx.named_collection.search(head[-60:])  # ("we built FOO-4B, which consists of")
            return named.group("n") if named and named.group("n") not in self._generic else None
        if held.group("named") and held.group("named") not in self._generic:
            # ("a large dataset, FooCLAP, with 441K pairs": the name it is given, by its acronym if any)
            return held.group("acr") or held.group("named")
        if self.rx.trained_before.search(head[-120:], 0, held.start("np")):
            return None  # ("Kestrel is pre-trained on a corpus of 3T tokens": the model trained on it)
        words = held.group("np").split()
        cut = self._np_start(words)
        cut = max((i for i, w in enumerate(words) if i >= cut and w.lower() in _ARTICLES), default=cut)
        words = words[cut:]  # ("our approach utilizes a small dataset of": from the noun phrase's article)
        if self._generic_collection(words):
            return None
        before = head[: len(head) - len(head[-120:]) + held.start("np")]
        return self._named(" ".join(words), before, right)

    def _generic_collection(self, words: list[str]) -> bool:
        """"Our dataset has ...", "This dataset, comprising ...": a generic phrase, never a subject (v4)."""
        return not words or len(words) == 2 and (words[0].lower() == "our" or self.rx.demonstrative.match(words[0] + " ") is not None)

    def _np_start(self, words: list[str]) -> int:
        """Where a noun phrase starts: after the last word that breaks one ("trained on the X": X)."""
        return max((i + 1 for i, w in enumerate(words) if w.lower() in self.words["np_break"]), default=0)

    def _trained_owner(self, head: str) -> str | None:
        """The noun phrase trained on the data amount that ends ``head``: "a vanilla baseline trained on"."""
        if "rained" not in head[-80:]:
            return None  # (the pattern ends with "trained on": most heads have no such words to read)
        trained = self.rx.trained_on.search(head)
        if not trained:
            return None
        words = trained.group("np").split()
        phrase = " ".join(words[self._np_start(words) :])
        if phrase.count("(") != phrase.count(")"):
            return None  # ("four models (BERT, Albert, T5) on data": the end of a list in brackets)
        before = head[: head.rfind(phrase)] if phrase in head else ""
        described = self.rx.description_open.search(before)
        if described and phrase:  # "Kestrel, a 15B-parameter large multilingual model trained on": the model named
            before, phrase = before[: described.end("cut")], "a " + phrase
        if re.search(r"\bparam|\d", phrase):  # "Poro, a 34 billion parameter model trained on": a description
            named = self._named("a " + phrase, re.sub(r"(?:\s(?:a|an|with)\s[\d.,]*\s*)+$", " ", before), "")
            return None if self.rx.indefinite.match(named) else named
        bare = re.sub(r"^(?:a|an|the|our)\s", "", phrase.lower())
        if phrase and bare not in self.words["bare_trained"] and bare.split()[0] not in self.words["bare_trained"]:
            return self._named(phrase, before, "")  # ("has been thoroughly trained on": no owner named)
        return None


# "performance" is the metric only right beside the number ("11% performance gains", "performance
# improvements of 15-20%"); further off it is the sentence's topic ("state-of-the-art performance on X (90.0%")
VAGUE_REACH = 30

_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
# the first number of a from->to pair, read back from its "to" ("from 132.31 to ", "from 24 GB to ")
_FROM_NUMBER = re.compile(r"\bfrom\s(?:[~∼≈]\s?)?(?P<n>[+\-−]?\d[\d,.]*)\S*(?:\s[A-Za-z%]+)?\sto\s?$")
_TO_NUMBER = re.compile(r"\S*(?:\s[A-Za-z%]+)?\sto\s(?:[~∼≈]\s?)?(?P<n>[+\-−]?\d[\d,.]*%?)")
_NAME_VERSION = re.compile(r"\b[A-Z][\w\-]*\s\d+(?:\.\d+)?\b")  # "Kestrel 3.5": a name and its version
_CITATION_END = re.compile(r"\s*\([^()]*\)\s*$")  # "Kestrel (Wren et al., 2018)": the bracket after a name
_SCORE_ENDS = frozenset("0123456789%")  # a number right before a bracket: "72% (CIFAR-10)" labels a score
_AMOUNT_PHRASE = re.compile(r"(?:an?\s)?[\d.,]+\s?(?:×|x|%|\\times)?")  # ("a 4.3× speed up ... and 1.5×")
_ARTICLES = frozenset({"a", "an", "the", "our", "this", "its"})
_ACRONYM_NEXT = re.compile(r"\s?\([A-Z][\w\-+]*[A-Z][\w\-+]*\)")
_NAMED_SIZE = re.compile(r"\d[\d.]*[KMBTkmbt]\b")  # a size written in a name ("Kestrel-7B")
_SIZED = re.compile(r"\d[\d.x]*[KMBT]$")  # a size that is part of a name ("Heron 7B", "Kestrel 8x22B")


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _word_or_hyphen(ch: str) -> bool:
    return ch.isalnum() or ch in "_-"


def _from_number(sentence: str, a: int, b: int) -> tuple[int, int]:
    """The span of the first number of the from->to pair whose second number is at ``a:b`` ("FID
    from 132.3 to 95.5": 132.3), or the second's own where none is found."""
    fm = _FROM_NUMBER.search(sentence, max(0, a - 40), a)
    return fm.span("n") if fm else (a, b)


def _to_number(sentence: str, a: int, b: int) -> tuple[int, int]:
    """The span of the second number of the from->to pair whose first number is at ``a:b`` ("from
    58.1% to 66.9% in FooQA": 66.9%), or the first's own."""
    tm = _TO_NUMBER.match(sentence, b)
    return tm.span("n") if tm else (a, b)


def _list_start(m: "Mention", s0: int, a: int) -> int:
    """Where the list a number is in starts, in its sentence (``a``, its own start, if in none)."""
    return m.group_start - s0 if m.in_list and m.group_start is not None and m.group_start >= s0 else a


def _another_numbers_cue(sentence: str, cue: re.Match, a: int) -> bool:
    """Does a baseline cue belong to another number: one that holds a number ("within 2 pp of X"), or
    one in brackets the number is outside ("49.6% on A (+21.8 over X), 0.96 on B")?"""
    if not cue.start() <= a < cue.end() and _DIGIT.search(cue.group(0)):
        return True
    return _bracketed_apart(sentence, cue.start(), a)


def _bracketed_apart(sentence: str, at: int, a: int) -> bool:
    """Is ``at`` inside brackets that do not hold the number at ``a``?"""
    opened = sentence.rfind("(", 0, at)
    if opened < 0 or sentence.rfind(")", opened, at) >= 0:
        return False  # (not inside brackets)
    closed = sentence.find(")", at)
    return not opened < a < (closed if closed >= 0 else len(sentence))


def _size_span(m: "Mention", s0: int) -> tuple[int, int, int, int]:
    """A size's start and end in its sentence, and the end and start of its list (its own if in none):
    a list's items share what follows it and the name before it."""
    a, b = m.start - s0, m.after - s0
    end = m.group_after - s0 if m.in_list and m.group_after else b
    first = m.group_start - s0 if m.in_list and m.group_start is not None else a
    return a, b, end, first


def _after_to(text: str, pos: int) -> bool:
    """Is ``pos`` just after the word "to" and a space (an infinitive: "to reduce")? Reads only the
    few characters before ``pos``, so a long sentence costs no more than a short one."""
    pre = text[max(0, pos - 40) : pos]
    if not pre or not pre[-1].isspace():
        return False
    pre = pre.rstrip()
    return pre.endswith("to") and (len(pre) == 2 or not (pre[-3].isalnum() or pre[-3] == "_")) \
        and (len(pre) > 2 or pos - 40 <= 0)
