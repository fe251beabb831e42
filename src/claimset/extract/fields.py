"""The descriptive fields of a claim: subject, baseline, benchmark and metric, found in its sentence.

Heuristics over the lexicons of ``extractors/fields.toml``: a metric is the nearest metric name; a
benchmark the nearest benchmark-like name introduced by "on"/"in" or followed by "benchmark";
a baseline the phrase after a comparison cue ("compared to", "over", "than"); a subject the
sentence's leading name, or the paper's method name where the sentence says only "we"/"our".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ..numbers import Mention
    from .rules import Decision

_NAME = r"[A-Z][\w\-.+/']*[\w+]|[A-Za-z]*[A-Z][\w\-.+/']*[\w+]|[A-Z]"
# A name-like token: has a capital after the first character, a digit, or is an acronym.
_NAMEY = re.compile(r"^(?:[A-Za-z0-9\-.+/']*[A-Z][A-Za-z0-9\-.+/']*[A-Z0-9+][A-Za-z0-9\-.+/']*|[A-Z][a-z]+[A-Z0-9][\w\-.+]*|[A-Z][\w\-]*\d[\w\-.]*|[A-Z]{2,}[\w\-+]*)$")
# Verbs that link a subject to the number it claims ("X achieves 3x", "X reduces memory by 50%").
_VERB = re.compile(
    r"\b(?:achiev|attain|reach|obtain|improv|outperform|yield|deliver|giv|reduc|cut|sav|bring|provid|"
    r"surpass|run|lead|enabl|maintain|boost|increas|decreas|accelerat|speed|requir|consum|match|"
    r"exceed|beat|get|lower|slash|offer|halv|doubl|tripl|push|compress|shrink|lift|rais|"
    r"need|fail|contain|compris|consist|cover|predict|is|are|was|were|has|have|scored|result(?=s?\s+in\b|ed\s+in\b|ing\s+in\b)|"
    r"sustain|retain|preserv|support|serv|ris|rose|jump|climb|grow|grew|keep)(?:e|es|ed|s|ing|ieve[sd]?|ves)?\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(
    r"[,;:(]\s|\b(?:that|where|which|while|whereas|when|because|although|thus|hence|so)\s|"
    r"\b(?:reveals?|shows?|finds?|found|demonstrates?|observes?|notes?|suggests?|indicates?|confirms?)\s(?:that\s)?",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"^(?:(?:for example|for instance|specifically|notably|moreover|furthermore|additionally|in addition|"
    r"in particular|overall|finally|importantly|remarkably|impressively|empirically|experimentally|"
    r"statistically|surprisingly|as a result|in contrast|however|e\.g\.|i\.e\.|in experiments|"
    r"in our experiments|on \S+(?: \S+)?|at \S+ scale|with \S+|by \S+ing|under \S+),?\s+)+",
    re.IGNORECASE,
)
# "we propose X", "which we call X", "dubbed X", "named X", "by introducing X" after an introducing verb.
# A name is a name-like token ("DaSLaM", "KV") with up to two capitalised words after it ("KV Prediction"),
# or one capitalised word before punctuation ("Medprompt,"), which counts less: it must recur to win.
_INTRO = re.compile(
    r"\b(?:[Ww]e (?:propose|introduce|present|develop|design|build|release|call|name|dub|term)|(?:called|named|dubbed|"
    r"termed|coined|introducing|presenting|proposing)|(?:proposed|introduced) method|refer to (?:\w+\s+){1,6}?as)\s+"
    r"(?:(?:a|an|the|new|novel|simple|two|our)\s+)*(?:[a-z\-]+\s+){0,6}?(?:\(|,\s)?"
    r"(?:(?P<n>[A-Za-z][\w\-+.]*[A-Z0-9+][\w\-+]*(?:\s[A-Z][a-z]+[\w\-]*){0,2})|(?P<w>[A-Z][a-z][\w\-]+(?:\s[A-Z][a-z][\w\-]+){0,2})(?=[,.:(]|\s\())"
    r"(?![\w\-])"
)
# "<noun phrase> [, which are expected to be] trained on|with [over] N": the model a data amount is for.
_TRAINED_ON = re.compile(
    r"(?P<np>(?:(?:a|an|the|our)\s)?(?:[\w\-]+\s){0,2}?[\w\-]+?),?\s(?:which (?:is|are|was|were) (?:\w+\s){0,3})?"
    r"(?:be\s)?(?:pre-?)?trained\s(?:only\s)?(?:on|with)\s(?:over|only|about|around|up to|more than|just|a mere)?\s?$"
)
_ACRONYM = re.compile(r"\s\((?P<a>[A-Z][\w\-+]*[A-Z][\w\-+]*)\)")
# Verbs that are also nouns before "of" ("an increase of", "a cut of").
_NOUN_VERB = re.compile(r"(?:increase|decrease|boost|lift|cut|drop|speedup|reduction|gain|rise)s?$", re.IGNORECASE)
_STOP_PHRASE = re.compile(
    r"\s(?:by|to|on|in|at|for|with|while|when|which|that|where|and|but|respectively|achiev\w*|across|using|under|"
    r"without|of|up|as|is|are|was|were|reach\w*|yield\w*|lead\w*|result\w*|demonstrat\w*|show\w*|improv\w*|"
    r"outperform\w*|reduc\w*|in terms)\b|[,;:.()]|\s\d"
)


class FieldFinder:
    def __init__(self, spec: dict[str, Any]):
        metrics = sorted(spec["metrics"], key=len, reverse=True)
        self._metric = re.compile(r"(?<![\w\-])(?:" + "|".join(f"(?:{m})" for m in metrics) + r")(?![\w])")
        self._metric_ci = re.compile(r"(?<![\w\-])(?:" + "|".join(_metric_case(m) for m in metrics) + r")(?![\w])")
        alt = "|".join(_metric_case(m) for m in metrics)
        # A bare number is a score right next to a metric's name: "(70.9 perplexity)", "22.13 PPL",
        # "a perplexity of 2.68", "FID 1.73", "an R² of 0.63", "test perplexities of 83 and 82".
        self._metric_after = re.compile(rf"^\s?(?:(?i:test|validation|dev|average|mean|median|relative|absolute)\s)?(?:{alt})(?![\w\-])")
        self._metric_before = re.compile(
            rf"(?<![\w\-])(?:{alt})(?:\s(?i:score|value|rate))?(?:\s?(?:of|=|:|was|is|were|reached)|\s?\()?"
            r"\s?(?:(?i:about|around|approximately|only|just|roughly|nearly)\s)?$")
        self._not_bench = set(spec["not_benchmarks"])
        before = "|".join(spec["benchmark_before"])
        after = "|".join(spec["benchmark_after"])
        bench_name = r"(?:[A-Z][\w\-.']*(?:\s(?:[A-Z0-9][\w\-.']*|\d[\w.]*))*|[a-z]+[A-Z][\w\-]*)"
        self._bench_intro = re.compile(rf"\b(?:{before})\s(?:the\s)?(?P<name>{bench_name})")
        self._bench_named = re.compile(rf"(?P<name>{bench_name})\s(?:{after})\b")
        self._baseline_cue = re.compile(
            r"\b(?:" + "|".join(f"(?:{c})" for c in spec["baseline_cues"] if c not in ("from", "of")) + r")\s+(?!\d)", re.IGNORECASE
        )
        # "Llama 3.1 8B's win rate ...": the possessor owns the metric
        self._possessive = re.compile(r"^(.+?)'s\s(?:[\w\-]+\s){0,2}?(?:performance|capabilit\w+|abilit\w+|"
                                      + self._metric.pattern + ")")
        self._pronouns = sorted(spec["subject_pronouns"], key=len, reverse=True)
        self._pronoun_set = {p.lower() for p in spec["subject_pronouns"]}
        self._generic = set(spec.get("generic_names", []))

    # ------------------------------------------------------------------------------ helpers

    def is_metric_word(self, left: str) -> bool:
        m = re.search(r"(\S+)\s$", left)
        return bool(m and self._metric.fullmatch(m.group(1).lstrip("(")))

    def metric_next_to(self, left: str, right: str) -> bool:
        """Is a metric named right after the number, or right before it?"""
        return bool(self._metric_after.match(right) or self._metric_before.search(left[-60:]))

    def metric_in(self, text: str) -> bool:
        return bool(self._metric_ci.search(text))

    def method_name(self, title: str, abstract: str) -> str | None:
        """The paper's own method: a name the title leads with, the abstract introduces ("we propose
        X", "which we call X", "... (X)") or repeats, scored together; generic acronyms excluded."""
        scores: dict[str, float] = {}
        order: dict[str, int] = {}

        def add(name: str, points: float) -> None:
            name = name.strip(".,;:'\"()")
            if not name or name in self._generic or name.lower() in _STOPWORDS or len(name) < 2:
                return
            order.setdefault(name, len(order))
            scores[name] = scores.get(name, 0.0) + points

        tm = re.match(r"^\s*([^:]{1,50}?)\s*:", title)
        if tm:
            prefix = re.sub(r"\s+(?:Technical Report|Report)$", "", tm.group(1).strip())
            words = prefix.split()
            # one word ("Flover", "1.5-Pints"), up to three with a real name among them ("Length-Controlled
            # AlpacaEval"), or a title-case phrase the abstract repeats ("Squeezed Attention", not "Beyond Memorization")
            if len(words) <= 3 and not any(w.lower() in _NOT_IN_NAME for w in words) and any(
                    (_NAMEY.match(w) and w not in self._generic) or w[0].isupper() and (len(words) == 1 or prefix.lower() in abstract.lower())
                    or re.match(r"\d[\d.]*-[A-Z]", w) for w in words):
                add(prefix, 3.0 if len(words) == 1 else 2.5)
        for m in _INTRO.finditer(abstract):
            if m.group("n"):
                add(m.group("n").rstrip("."), 2.0)
            else:  # a plain capitalised word must recur to be taken for a name
                again = abstract.count(m.group("w")) - 1
                add(m.group("w"), 1.5 + 0.5 * min(again + (m.group("w") in title), 2))
        for m in re.finditer(r"\((?P<n>[A-Z][\w\-+]*[A-Z][\w\-+]*)\)", abstract):
            add(m.group("n"), 1.0)
        for m in re.finditer(r"(?<![\w\-])([A-Za-z][\w\-+.]*[A-Z][\w\-+]*|[A-Z]{2,}[\w\-+]*)(?![\w\-])", abstract):
            tok = m.group(1).rstrip(".")
            if tok in scores or title.find(tok) >= 0 and _NAMEY.match(tok):
                add(tok, 0.5)
        if not scores:
            return None
        best = max(scores, key=lambda n: (scores[n], -order[n]))
        if scores[best] < 2.0:
            return None
        at = abstract.find(best + " (")  # "Compact Convolutional Transformers (CCT)": the acronym
        acr = _ACRONYM.match(abstract, at + len(best)) if at >= 0 else None
        return acr.group("a") if acr and acr.group("a") not in self._generic else best

    # ------------------------------------------------------------------------------ fields

    def find(self, text: str, m: "Mention", s0: int, s1: int, decision: "Decision", method: str | None) -> dict:
        sentence = text[s0:s1]
        a, b = m.start - s0, m.after - s0
        out: dict[str, str | None] = {"subject": None, "baseline": None, "benchmark": None, "metric": None}
        if decision.claim_type == "model_size":
            out["subject"] = decision.subject_hint or self._size_owner(sentence, a, b)
            if out["subject"] is None and re.search(r"\b(?:we|our(?: \w+)? models?|it)\b", sentence[:a].lower()):
                out["subject"] = method
            return out
        if decision.claim_type == "dataset_size":
            out["subject"] = _trained_owner(sentence[:a])
            if out["subject"]:
                return out
        if decision.claim_type == "benchmark_score":
            out["metric"] = self._nearest_metric(sentence, a, b)
            out["benchmark"] = self._nearest_benchmark(sentence, a, b, out["metric"])
        if decision.claim_type != "dataset_size":
            out["baseline"] = self._baseline(sentence, a, b)
        out["subject"] = self._subject(sentence, a, method, out)
        if m.role in ("from", "vs-right"):
            out["subject"], out["baseline"] = (out["baseline"] if m.role == "vs-right" else None), None
        return out

    def _nearest_metric(self, sentence: str, a: int, b: int) -> str | None:
        best, best_d = None, 10**9
        for mm in self._metric_ci.finditer(sentence):
            d = mm.start() - b if mm.start() >= b else (a - mm.end()) * 1.5
            if d < best_d:
                best, best_d = mm.group(0), d
        return best

    def _nearest_benchmark(self, sentence: str, a: int, b: int, metric: str | None) -> str | None:
        best, best_d = None, 10**9
        for rx in (self._bench_intro, self._bench_named):
            for mm in rx.finditer(sentence):
                name = mm.group("name").rstrip(".")
                first = name.split()[0]
                if first in self._not_bench or (metric and name.lower() == metric.lower()):
                    continue
                if self._metric.fullmatch(name):
                    continue
                if not _NAMEY.match(first) and len(name.split()) == 1 and not re.search(r"\d", name):
                    if not name.isupper() and rx is self._bench_intro:
                        continue
                s, e = mm.start("name"), mm.end("name")
                d = s - b if s >= b else (a - e) * 1.2
                if d < best_d:
                    best, best_d = name, d
        return best

    def _baseline(self, sentence: str, a: int, b: int) -> str | None:
        best, best_d = None, 10**9
        for mm in self._baseline_cue.finditer(sentence):
            rest = sentence[mm.end() :]
            stop = _STOP_PHRASE.search(" " + rest)
            phrase = (" " + rest)[: stop.start() if stop else len(rest) + 1].strip()
            words = phrase.split()
            if not words or len(words) > 9 or words[0].lower() in ("a", "an") and len(words) < 2:
                continue
            if re.match(r"^(?:the\s)?(?:same|state|previous|other|existing|prior)\b", phrase) and len(words) <= 1:
                continue
            s = mm.start()
            d = s - b if s >= b else (a - mm.end()) * 1.1
            if d < best_d and abs(d) < 200:
                best, best_d = phrase, d
        return best

    def _subject(self, sentence: str, a: int, method: str | None, found: dict) -> str | None:
        """The noun phrase before the main verb that precedes the number ("HEX even yields ..."),
        or the paper's method where that phrase is only "we"/"our method"/"it"."""
        head = sentence[:a]
        named = re.search(r"([A-Z][\w\-.+]*(?:\s[\w\-.+]+)?)\s?[(:]\s?[<>~]?$", head)
        if named and named.group(1).split()[0].lower() not in _STOPWORDS \
                and named.group(1) not in (found.get("benchmark"), found.get("metric")):
            return named.group(1)  # "Pixtral 12B (51.7%)", "Janus 7B: 0.84"
        # not "to reduce ..." (an infinitive) nor "an accuracy increase of ..." (a noun)
        verbs = [v for v in _VERB.finditer(head) if not _after_to(head, v.start())
                 and not (re.match(r"\s+of\b", head[v.end():]) and _NOUN_VERB.match(v.group(0)))]
        for i in range(len(verbs) - 1, -1, -1):
            vm = verbs[i]
            seg_start = verbs[i - 1].end() if i > 0 else 0
            phrase = self._clause_tail(head[seg_start : vm.start()])
            if phrase and self._is_pronoun(phrase):
                return method or (phrase if phrase.lower() not in _BARE_PRONOUNS else None)
            if not phrase or phrase.split()[-1].lower() in _FUNCTION_WORDS:
                continue
            phrase = re.sub(r"^(?:the\s)?(?:\S+\s)?(?:performance|results?|accuracy|speed|throughput|efficiency|"
                            r"output|outputs|images generated|completions)\s(?:of|by)\s", "", phrase, flags=re.IGNORECASE)
            owner = self._possessive.match(phrase)
            if owner and self._good_phrase(owner.group(1)):
                return owner.group(1)  # "Llama 3.1 8B's win rate against GPT-4 on AlpacaEval increases ..."
            words = phrase.split()
            last = re.sub(r"^[a-z]+-(?=[A-Z])", "", words[-1]) if words else ""
            if len(words) > 3 and _NAMEY.match(last) and last not in self._not_bench and words[-2].lower() not in _NOT_BEFORE_NAME:
                return last  # "... in its primary objective-Quiet-STaR achieving": the name before the verb
            phrase = re.split(r"\s(?:for|on|in|at|across|under|over)\s", phrase, maxsplit=1)[0]
            words = phrase.split()
            if not self._good_phrase(phrase):
                if re.search(r"\b(?:we|our|it|its)\b", phrase.lower()):
                    return method
                continue
            if len(words) <= 6:
                return phrase
            namey = [w for w in words if _NAMEY.match(w.strip(",.'")) and w not in self._not_bench]
            if namey:
                return " ".join(words[words.index(namey[0]) :][:6])
        if re.search(r"\b(?:we|our|it)\b", head.lower()) or (method and method in head):
            return method
        avoid = {found.get("benchmark"), found.get("baseline"), found.get("metric")}
        for tok in re.finditer(r"[\w\-.+/']+", head):
            word = re.sub(r"'s$", "", tok.group(0)).strip(".'")
            if word in self._not_bench or any(word and word in (x or "") for x in avoid):
                continue
            if _NAMEY.match(word):
                return word
        return None

    @staticmethod
    def _good_phrase(phrase: str) -> bool:
        """A plausible subject: not led by a preposition or modal, no numbers, not ending in a function word."""
        words = phrase.split()
        if not words:
            return False
        first, last = words[0].lower(), words[-1].lower()
        if first in _BAD_FIRST or last in _FUNCTION_WORDS or re.search(r"\d", phrase) and not re.search(r"[A-Za-z]-?\d|\d[A-Za-z]", phrase):
            return False
        if re.search(r"\b(?:can|could|may|might|will|would|largely|possible|not)\b", phrase.lower()):
            return False
        return not re.search(r"\d+(?:\.\d+)?\s?(?:%|x\b|times|sim)", phrase)

    def _is_pronoun(self, phrase: str) -> bool:
        low = phrase.lower().strip()
        nouns = r"(?:method|approach|framework|system|technique|algorithm|strategy|strategies|pipeline|solution)s?"
        return low in self._pronoun_set or bool(
            re.fullmatch(rf"(?:our|the proposed|our proposed)(?: [\w\-]+)? (?:{nouns}|models?)|(?:the|this) (?:{nouns}|model)", low))

    def _clause_tail(self, text: str) -> str:
        """The last clause-initial noun phrase of ``text`` (back to a comma, 'that', 'where', ...)."""
        cut = 0
        for m in _CLAUSE.finditer(text):
            cut = m.end()
        phrase = text[cut:].strip()
        phrase = _LEAD.sub("", phrase).strip()
        if re.match(r"(?:and|or)\s", phrase, re.IGNORECASE) and re.search(r"(?:^|,)\s*[\w\-]+(?:\s[\w\-]+)?,\s*$", text[:cut]):
            return ""  # the last item of a list ("Our Bangla, Hindi, and Sanskrit models"): no clause starts here
        phrase = re.sub(r"^(?:and|or|but|while|whereas|then)\s+", "", phrase, flags=re.IGNORECASE)
        phrase = re.sub(r"\s+(?:even|also|still|further|then|now|only|can|could|may|might|will|would|to|does|do|"
                        r"significantly|consistently|substantially|clearly|effectively|successfully|further)$", "", phrase)
        phrase = re.sub(r"\s+(?:even|also|still|further|can|could|significantly|consistently|\w{4,}ly)$", "", phrase)
        return phrase.strip(" ,")

    def _size_owner(self, sentence: str, a: int, b: int) -> str | None:
        """The model a bare size belongs to: 'GPT-3 (175B)', '175B GPT-3', 'Mistral 7B',
        'GPT-3.5 (ge 175B)', 'large models (larger than 100B)', '... which we call U-PaLM'."""
        left = re.sub(r"(?:\b(?:ge|le|up to|over|about|around|approximately|nearly|more than|less than|larger than|"
                      r"smaller than|at least|at most)|[<>~≤≥])\s*$", "", sentence[:a]).rstrip() + " "
        left = left if left.strip() else sentence[:a]
        right = sentence[b:]
        paren = re.search(r"((?:[\w\-]+\s){0,3}(?:models?|LLMs?|LMs?|variants?|transformers?))\s\((?:[^()]{0,40}\s)?$", left)
        named_left = re.search(r"[(,]\s?([A-Z][\w\-.+]*)\s$", left)  # "Janus models (Janus 7B: ...)": the name wins
        if paren and not named_left and not re.search(r"[A-Z]", paren.group(1).split()[-1][:1]):
            words = [w for w in paren.group(1).split() if w.lower() not in _FUNCTION_WORDS]
            if words:
                return " ".join(words)
        toks = left[-60:].split()
        while toks and not toks[-1].strip("(:"):
            toks.pop()  # "GPT-Neo (125M)": the bracket is not a name
        if toks and re.search(r"[\w.+]\s?[(:]?\s?$", left):
            last = toks[-1].strip("(:")
            prev = toks[-2] if len(toks) > 1 else ""
            if re.search(r"[,;)]$", prev):
                prev = ""  # "GPT-3.5-Turbo (ChatGPT), Bloom 7B": not one name
            last, prev = last.rstrip(".,;"), prev.strip("(\"'")
            def is_name(t: str) -> bool:
                return bool(t) and t.lower() not in _STOPWORDS and t not in self._not_bench and (
                    _NAMEY.match(t) is not None or t[0].isupper())
            if re.fullmatch(r"\d+(?:\.\d+)?", last) and is_name(prev):
                return f"{prev} {last}"  # "Llama 3.1 8B", "Gemma 2 (2B)"
            if is_name(last):
                return f"{prev} {last}" if is_name(prev) and prev[0].isupper() and not _NAMEY.match(last) else last
        m = re.search(r"((?:a|an|the|our)\s(?:(?!of\s|with\s)[\w\-]+\s){0,3}(?:model|LLM|LM|network|transformer|ViT)s?)\s"
                      r"(?:with|of|having|containing|at)\s(?:only\s|just\s|about\s|around\s|roughly\s)?$", left)
        if m:
            return m.group(1)
        m = re.match(r"^\s?(?:parameters?\s|param\s)?(?:for\s|of\s)?(?:LLMs?\s|LMs?\s|models?\s)?(\(?)"
                     r"([A-Za-z][\w\-.+]*[A-Z0-9][\w\-.+]*)", right)
        if m:
            name = m.group(2).rstrip(".")
            # in brackets a lower-case name with a digit is still a name: "(text-davinci-003)"
            if name not in self._not_bench and (_NAMEY.match(name) or m.group(1) and re.search(r"\d", name)):
                return name
        m = re.match(r"^\s?(LLMs|LMs|models|language models)\b", right)
        if m and not re.search(r"\b(?:a|an|the|this)\s+$", left):
            return m.group(1)
        m = re.search(r"\b(?:which we call|we call|called|named|dubbed|termed)\s+([A-Z][\w\-.+]*[\w+])", right)
        if m:
            return m.group(1)
        return None


_NP_BREAK = {"that", "of", "on", "in", "with", "for", "by", "to", "from", "and", "or", "we", "demonstrate", "show",
             "find", "use", "using", "when", "while", "if", "is", "are", "was", "were", "be", "been"}
def _metric_case(pattern: str) -> str:
    """A metric name written in capitals matches only in capitals; any other, in any case."""
    return f"(?-i:{pattern})" if re.fullmatch(r"[A-Z0-9_\-²@\\d+^?]+", pattern) and re.search("[A-Z]", pattern) \
        else f"(?i:{pattern})"


def _after_to(text: str, pos: int) -> bool:
    """Is ``pos`` just after the word "to" and a space (an infinitive: "to reduce")? Reads only the
    few characters before ``pos``, so a long sentence costs no more than a short one."""
    pre = text[max(0, pos - 40) : pos]
    if not pre or not pre[-1].isspace():
        return False
    pre = pre.rstrip()
    return pre.endswith("to") and (len(pre) == 2 or not (pre[-3].isalnum() or pre[-3] == "_")) \
        and (len(pre) > 2 or pos - 40 <= 0)


def _trained_owner(head: str) -> str | None:
    """The noun phrase trained on the data amount that ends ``head``: "a vanilla baseline trained on"."""
    trained = _TRAINED_ON.search(head)
    if not trained:
        return None
    words = trained.group("np").split()
    cut = max((i + 1 for i, w in enumerate(words) if w.lower() in _NP_BREAK), default=0)
    phrase = " ".join(words[cut:])
    return phrase if phrase and re.sub(r"^(?:a|an|the|our)\s", "", phrase.lower()) not in _BARE_TRAINED else None


_BARE_TRAINED = {"we", "it", "model", "models", "they", "which", "that", "been", "being", "is", "are", "was", "were"}
_BARE_PRONOUNS = {"we", "it", "this", "they", "these", "our", "results", "our results", "experiments"}
_BAD_FIRST = {"we", "its", "their", "with", "in", "on", "for", "by", "to", "at", "from", "of", "as", "into", "via", "through", "after",
              "before", "during", "under", "over", "across", "among", "and", "or", "but", "not", "possible",
              "all", "only", "also", "then", "there", "here", "such", "more", "most", "less", "up"}
_FUNCTION_WORDS = {"the", "a", "an", "this", "these", "that", "in", "on", "at", "of", "for", "with", "to", "from",
                   "by", "and", "or", "as", "up", "over", "than", "into", "via", "its", "their", "such", "each"}
_STOPWORDS = {"the", "a", "an", "this", "these", "that", "our", "we", "in", "on", "at", "of", "for", "with",
              "to", "from", "by", "and", "or", "as", "is", "are", "up", "over", "than", "using", "use", "only",
              "each", "both", "all", "its", "their", "his", "her", "it", "between", "about", "around", "nearly",
              "more", "less", "under", "below", "above", "into", "via", "scale", "size", "sizes", "model", "models",
              "parameters", "parameter", "billion", "million", "like", "such", "including", "e.g.", "i.e."}
_NOT_IN_NAME = _STOPWORDS | _BAD_FIRST
_NOT_BEFORE_NAME = _FUNCTION_WORDS | _BAD_FIRST
