from __future__ import annotations

import pytest

from claimset.scoring import GoldClaim, evaluate, field_overlap, score

from .conftest import GOLD, needs


def g(pid, t, s, e, v, **kw):
    return GoldClaim(paper_id=pid, claim_type=t, start=s, end=e, number="n", value=v, value_max=kw.pop("vmax", None),
                     unit=None, qualifier="exact", **kw)


def p(pid, t, s, e, v, **kw):
    d = dict(paper_id=pid, claim_type=t, start=s, end=e, value=v, value_max=None, number="n", sentence="",
             subject=None, baseline=None, benchmark=None, metric=None)
    d.update(kw)
    return d


def test_match_needs_same_paper_type_and_overlap():
    gold = [g("a", "speedup", 10, 14, 2.0), g("a", "model_size", 20, 23, 7e9), g("b", "speedup", 0, 3, 3.0)]
    pred = [p("a", "speedup", 12, 16, 2.0), p("a", "speedup", 20, 23, 7e9), p("b", "speedup", 5, 8, 3.0)]
    r = score(gold, pred)
    assert (r.micro.tp, r.micro.fp, r.micro.fn) == (1, 2, 2)
    assert r.per_type["speedup"].tp == 1 and r.per_type["model_size"].fn == 1
    assert r.confusion["model_size"] == {"speedup": 1}


def test_one_to_one_and_value_errors():
    gold = [g("a", "speedup", 0, 4, 2.0), g("a", "speedup", 10, 14, 5.0, vmax=6.0)]
    pred = [p("a", "speedup", 0, 12, 2.001), p("a", "speedup", 10, 14, 5.0, value_max=7.0)]
    r = score(gold, pred)
    assert r.micro.tp == 2
    assert len(r.value_errors) == 1 and r.value_errors[0]["gold"] == [5.0, 6.0]


def test_field_overlap():
    assert field_overlap(None, None) == 1.0
    assert field_overlap("GPT-4", None) == 0.0
    assert field_overlap("the GSM8K benchmark", "GSM8K") == pytest.approx(0.5)
    assert field_overlap("Top-1 Accuracy", "top-1 accuracy") == 1.0


@needs(GOLD)
def test_evaluate_on_dev_runs_and_reports_every_type():
    r = evaluate(GOLD)
    assert r.n_papers == 139
    assert r.micro.tp + r.micro.fn == 275
    s = r.summary(errors=True)
    assert set(s["field_overlap"]) == {"subject", "baseline", "benchmark", "metric"}
    assert isinstance(s["misses"], list)


def test_claims_carry_a_calibrated_confidence_and_evaluate_reports_calibration():
    from claimset.extract.confidence import calibration
    from claimset.scoring import evaluate, format_report

    from .conftest import GOLD

    cal = calibration()
    assert cal.evidence and 0 < cal.default <= 1  # the fitted table ships with the specs
    report = evaluate(GOLD)
    assert report.confidences and all(c is not None and 0.0 <= c <= 1.0 for c in report.confidences)
    summary = report.summary()["calibration"]
    assert summary["bins"] and 0.0 <= summary["ece"] <= 1.0
    assert sum(row["claims"] for row in summary["bins"]) == len(report.confidences)
    text = format_report(report)
    assert "expected calibration error" in text and "confidence >= 0.8" in text


def test_reliability_table_from_known_pairs():
    from claimset.scoring import reliability

    pairs = [(0.95, True)] * 9 + [(0.95, False)] + [(0.6, True), (0.6, False)]
    rel = reliability(pairs)
    top = next(r for r in rel["bins"] if r["bin"] == "0.9-1.0")
    assert top == {"bin": "0.9-1.0", "claims": 10, "mean_confidence": 0.95, "precision": 0.9}
    assert rel["ece"] == round((10 / 12) * 0.05 + (2 / 12) * 0.1, 4)
    assert rel["precision_at_0.8"] == 0.9 and rel["share_at_0.8"] == round(10 / 12, 4)
