"""Scoring extracted claims against gold annotations, exactly as ``GUIDELINES.md`` defines it.

* A predicted claim matches a gold claim when it is for the same paper, has the same type, and its
  number's span overlaps the gold span. Matching is one-to-one (each gold and each predicted claim
  is used once; the largest overlap is taken first).
* Precision, recall and F1 are micro-averaged over claims, overall and per type.
* A match whose ``value`` (or ``value_max``) differs by more than 0.1% is a value error.
* ``subject``, ``baseline``, ``benchmark`` and ``metric`` are scored on matches by normalised token
  overlap: the token-level F1 of the two strings after lower-casing and splitting on anything not
  a letter or digit; two nulls score 1, a null against a string scores 0.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ClaimsetError
from .models import CLAIM_TYPES, Paper

FIELDS = ("subject", "baseline", "benchmark", "metric")
VALUE_TOLERANCE = 1e-3


@dataclass(frozen=True)
class GoldClaim:
    paper_id: str
    claim_type: str
    start: int
    end: int
    number: str
    value: float
    value_max: float | None
    unit: str | None
    qualifier: str
    subject: str | None = None
    baseline: str | None = None
    benchmark: str | None = None
    metric: str | None = None


def read_gold(path: str | Path) -> tuple[list[Paper], list[GoldClaim]]:
    """Papers and claims of a gold JSON Lines file (``{"id","title","abstract","claims"}`` a line)."""
    path = Path(path)
    papers: list[Paper] = []
    claims: list[GoldClaim] = []
    if not path.is_file():
        raise ClaimsetError("no such gold file", path)
    with path.open("rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw.decode("utf-8"))
                pid = rec["id"]
                papers.append(Paper(paper_id=pid, title=rec["title"], abstract=rec["abstract"], source=f"{path}:{lineno}"))
                for c in rec.get("claims", []):
                    claims.append(GoldClaim(
                        paper_id=pid, claim_type=c["type"], start=int(c["start"]), end=int(c["end"]),
                        number=c["number"], value=float(c["value"]),
                        value_max=None if c.get("value_max") is None else float(c["value_max"]),
                        unit=c.get("unit"), qualifier=c.get("qualifier", "exact"),
                        subject=c.get("subject"), baseline=c.get("baseline"),
                        benchmark=c.get("benchmark"), metric=c.get("metric"),
                    ))
            except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise ClaimsetError(f"bad gold record ({type(exc).__name__}: {exc})", path, lineno) from None
    if not papers:
        raise ClaimsetError("empty gold file", path)
    return papers, claims


def tokens(text: str | None) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower()) if text else []


def field_overlap(pred: str | None, gold: str | None) -> float:
    """Token-level F1 of two strings; 1.0 for two nulls, 0.0 for a null against a string."""
    if pred is None and gold is None:
        return 1.0
    p, g = Counter(tokens(pred)), Counter(tokens(gold))
    if not p and not g:
        return 1.0
    common = sum((p & g).values())
    if common == 0:
        return 0.0
    prec, rec = common / sum(p.values()), common / sum(g.values())
    return 2 * prec * rec / (prec + rec)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if a == b:
        return True
    return abs(a - b) <= VALUE_TOLERANCE * max(abs(a), abs(b))


@dataclass(frozen=True)
class PRF:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class EvalReport:
    """The scores of one evaluation; ``summary()`` is a JSON-safe dict."""

    micro: PRF
    per_type: dict[str, PRF]
    n_matches: int
    value_errors: list[dict[str, Any]]
    field_overlap: dict[str, float]
    confusion: dict[str, dict[str, int]]
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    n_papers: int = 0
    right: list[bool] = field(default_factory=list)  # per prediction, in input order: matched with the right value
    confidences: list[float | None] = field(default_factory=list)  # per prediction, in input order

    @property
    def calibration(self) -> dict[str, Any] | None:
        """Reliability table and ECE, when the predictions carry a confidence."""
        pairs = [(c, ok) for c, ok in zip(self.confidences, self.right) if c is not None]
        return reliability(pairs) if pairs else None

    @property
    def value_error_rate(self) -> float:
        return len(self.value_errors) / self.n_matches if self.n_matches else 0.0

    def summary(self, errors: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "papers": self.n_papers,
            "micro": self.micro.as_dict(),
            "per_type": {t: s.as_dict() for t, s in self.per_type.items()},
            "matches": self.n_matches,
            "value_errors": len(self.value_errors),
            "value_error_rate": round(self.value_error_rate, 4),
            "field_overlap": {k: round(v, 4) for k, v in self.field_overlap.items()},
            "type_confusion": self.confusion,
            "calibration": self.calibration,
        }
        if errors:
            out["misses"] = self.misses
            out["false_positives"] = self.false_positives
            out["value_error_list"] = self.value_errors
        return out


def _sentence_of(abstract: str, start: int, end: int) -> str:
    from .extract.sentences import sentence_at, split_sentences

    s, e = sentence_at(split_sentences(abstract), start)
    return abstract[s:e]


def _get(obj: Any, key: str) -> Any:
    return obj[key] if isinstance(obj, dict) else getattr(obj, key)


def _overlap(g: GoldClaim, p: Any) -> int:
    return min(g.end, _get(p, "end")) - max(g.start, _get(p, "start"))


def _pairs(golds: list[GoldClaim], preds: list[Any]) -> list[tuple[int, int]]:
    """One paper's matches (gold index, predicted index): same type, overlapping spans, one-to-one,
    the largest overlap first."""
    pairs = sorted((-ov, gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(preds)
                   if _get(p, "claim_type") == g.claim_type and (ov := _overlap(g, p)) > 0)
    g_used: set[int] = set()
    p_used: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi not in g_used and pi not in p_used:
            g_used.add(gi)
            p_used.add(pi)
            out.append((gi, pi))
    return out


@dataclass
class _Tally:
    """The counts and lists :func:`score` reports, paper by paper."""

    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    overlaps: dict[str, list[float]] = field(default_factory=lambda: {f: [] for f in FIELDS})
    value_errors: list[dict[str, Any]] = field(default_factory=list)
    confusion: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_pos: list[dict[str, Any]] = field(default_factory=list)
    n_matches: int = 0
    right: dict[int, bool] = field(default_factory=dict)  # id(prediction) -> matched with the right value

    def paper(self, pid: str, golds: list[GoldClaim], preds: list[Any], text: str) -> None:
        pairs = _pairs(golds, preds)
        for gi, pi in pairs:
            self._match(pid, golds[gi], preds[pi])
        g_used, p_used = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
        for g in (g for gi, g in enumerate(golds) if gi not in g_used):
            self._miss(pid, g, preds, text)
        for p in (p for pi, p in enumerate(preds) if pi not in p_used):
            self.fp[_get(p, "claim_type")] += 1
            self.false_pos.append({"paper_id": pid, "type": _get(p, "claim_type"), "number": _get(p, "number"),
                                   "start": _get(p, "start"), "sentence": _get(p, "sentence")})

    def _match(self, pid: str, g: GoldClaim, p: Any) -> None:
        self.tp[g.claim_type] += 1
        self.n_matches += 1
        self.right[id(p)] = _close(_get(p, "value"), g.value) and _close(_get(p, "value_max"), g.value_max)
        if not self.right[id(p)]:
            self.value_errors.append({"paper_id": pid, "type": g.claim_type, "number": g.number,
                                      "gold": [g.value, g.value_max],
                                      "predicted": [_get(p, "value"), _get(p, "value_max")]})
        for f in FIELDS:
            self.overlaps[f].append(field_overlap(_get(p, f), getattr(g, f)))

    def _miss(self, pid: str, g: GoldClaim, preds: list[Any], text: str) -> None:
        self.fn[g.claim_type] += 1
        other = next((_get(p, "claim_type") for p in preds if _overlap(g, p) > 0), None)
        self.confusion[g.claim_type][other or "(none)"] += 1
        self.misses.append({"paper_id": pid, "type": g.claim_type, "number": g.number, "start": g.start,
                            "predicted_type": other,
                            "sentence": _sentence_of(text, g.start, g.end) if text else None})


def score(gold: list[GoldClaim], predicted: list[Any], abstracts: dict[str, str] | None = None) -> EvalReport:
    """Score predicted claims (objects or dicts with paper_id, claim_type, start, end, value, ...)."""
    abstracts = abstracts or {}
    preds_by_paper: dict[str, list[Any]] = defaultdict(list)
    for p in predicted:
        preds_by_paper[_get(p, "paper_id")].append(p)
    gold_by_paper: dict[str, list[GoldClaim]] = defaultdict(list)
    for g in gold:
        gold_by_paper[g.paper_id].append(g)
    t = _Tally()
    for pid in sorted(set(preds_by_paper) | set(gold_by_paper)):
        t.paper(pid, gold_by_paper.get(pid, []), preds_by_paper.get(pid, []), abstracts.get(pid, ""))
    per_type = {ct: PRF(t.tp[ct], t.fp[ct], t.fn[ct]) for ct in CLAIM_TYPES}
    micro = PRF(sum(t.tp.values()), sum(t.fp.values()), sum(t.fn.values()))
    mean = {f: (sum(v) / len(v) if v else 0.0) for f, v in t.overlaps.items()}
    return EvalReport(
        micro=micro, per_type=per_type, n_matches=t.n_matches, value_errors=t.value_errors,
        field_overlap=mean, confusion={k: dict(v) for k, v in t.confusion.items()},
        misses=t.misses, false_positives=t.false_pos, n_papers=len(set(gold_by_paper) | set(preds_by_paper)),
        right=[t.right.get(id(p), False) for p in predicted],
        confidences=[_confidence(p) for p in predicted],
    )


def _confidence(p: Any) -> float | None:
    c = p.get("confidence") if isinstance(p, dict) else getattr(p, "confidence", None)
    return None if c is None else float(c)


def right_predictions(gold: list[GoldClaim], predicted: list[Any]) -> list[bool]:
    """For each prediction: does it match a gold claim (scored as :func:`score` does) with the right value?"""
    report = score(gold, predicted)
    return report.right


CONFIDENCE_BINS = (0.0, 0.5, 0.7, 0.8, 0.9, 1.0001)


def reliability(pairs: list[tuple[float, bool]]) -> dict[str, Any]:
    """A reliability table (confidence bins vs observed precision) and the expected calibration
    error; with the precision and share of claims at confidence >= 0.8."""
    rows = []
    ece = 0.0
    n = len(pairs)
    for lo, hi in zip(CONFIDENCE_BINS, CONFIDENCE_BINS[1:]):
        inside = [(c, ok) for c, ok in pairs if lo <= c < hi]
        if not inside:
            continue
        mean_conf = sum(c for c, _ in inside) / len(inside)
        precision = sum(ok for _, ok in inside) / len(inside)
        ece += len(inside) / n * abs(mean_conf - precision)
        rows.append({"bin": f"{lo:.1f}-{min(hi, 1.0):.1f}", "claims": len(inside), "mean_confidence": round(mean_conf, 3),
                     "precision": round(precision, 3)})
    high = [ok for c, ok in pairs if c >= 0.8]
    return {"bins": rows, "ece": round(ece, 4), "precision_at_0.8": round(sum(high) / len(high), 4) if high else 0.0,
            "share_at_0.8": round(len(high) / n, 4) if n else 0.0}


def evaluate(gold_path: str | Path, dataset: str | Path | None = None, extractor: str = "rules") -> EvalReport:
    """Score a dataset (or, with none, a fresh extraction of the gold file's abstracts) against gold."""
    papers, gold = read_gold(gold_path)
    abstracts = {p.paper_id: p.abstract for p in papers}
    if dataset is None:
        from .extract import get_extractor

        ex = get_extractor(extractor)
        predicted = [c for p in papers for c in ex.extract(p)]
    else:
        from .store import load_claims

        ids = set(abstracts)
        predicted = [c for c in load_claims(dataset).to_dicts() if c["paper_id"] in ids]
    report = score(gold, predicted, abstracts)
    report.n_papers = len(papers)
    return report


def format_report(report: EvalReport) -> str:
    """A plain-text table of the scores (what ``claimset evaluate`` prints)."""
    lines = [f"{'type':<20}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for t, s in report.per_type.items():
        lines.append(f"{t:<20}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}")
    s = report.micro
    lines.append(f"{'micro':<20}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}")
    lines.append(f"value errors: {len(report.value_errors)} of {report.n_matches} matches "
                 f"({100 * report.value_error_rate:.1f}%)")
    lines.append("field overlap: " + ", ".join(f"{k} {v:.3f}" for k, v in report.field_overlap.items()))
    cal = report.calibration
    if cal:
        lines.append("calibration (right = matched with the right value):")
        lines.append(f"  {'confidence':<12}{'claims':>8}{'mean conf':>11}{'precision':>11}")
        for row in cal["bins"]:
            lines.append(f"  {row['bin']:<12}{row['claims']:>8}{row['mean_confidence']:>11.3f}{row['precision']:>11.3f}")
        lines.append(f"  expected calibration error {cal['ece']:.3f}; confidence >= 0.8: precision "
                     f"{cal['precision_at_0.8']:.3f} on {100 * cal['share_at_0.8']:.0f}% of claims")
    return "\n".join(lines)
