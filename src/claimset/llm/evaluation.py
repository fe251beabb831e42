"""The LLM or hybrid extractor against the rules, on the same gold file: what ``claimset evaluate
--extractor llm|hybrid`` prints."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..models import CLAIM_TYPES
from ..scoring import EvalReport, GoldClaim, read_gold, score
from .config import LLMConfig


@dataclass(frozen=True)
class Comparison:
    """Scores of the rules and of the model-backed extractor on one gold file, their agreement, and
    what the model cost."""

    rules: EvalReport
    model: EvalReport
    name: str
    label: str
    agreement: dict[str, float]  # model claims the rules also made; rule claims the model also made
    stats: dict[str, Any]
    n_papers: int
    not_reached: int

    def summary(self) -> dict[str, Any]:
        return {"extractor": self.label, "papers": self.n_papers, "rules": self.rules.summary(),
                self.name: self.model.summary(), "agreement": self.agreement, "model_stats": self.stats}

    def format(self) -> str:
        r, m = self.rules, self.model
        head = f"{'':<20}{'rules P':>9}{'R':>7}{'F1':>7}   {self.name + ' P':>9}{'R':>7}{'F1':>7}"
        lines = [head]
        for t in (*CLAIM_TYPES, "micro"):
            a = r.micro if t == "micro" else r.per_type[t]
            b = m.micro if t == "micro" else m.per_type[t]
            lines.append(f"{t:<20}{a.precision:>9.3f}{a.recall:>7.3f}{a.f1:>7.3f}   {b.precision:>9.3f}{b.recall:>7.3f}{b.f1:>7.3f}")
        lines.append("field overlap        " + "  ".join(f"{k} {r.field_overlap[k]:.3f} -> {m.field_overlap[k]:.3f}"
                                                      for k in r.field_overlap))
        lines.append(f"value errors         rules {len(r.value_errors)}, {self.name} {len(m.value_errors)}")
        a = self.agreement
        lines.append(f"agreement            {a['model_in_rules']:.3f} of {self.name} claims are rule claims; "
                     f"{a['rules_in_model']:.3f} of rule claims are {self.name} claims")
        s = self.stats
        lines.append(f"tokens               {s['prompt_tokens']:,} prompt + {s['completion_tokens']:,} completion in "
                     f"{s['requests']:,} requests ({s['papers_cached']:,} abstracts from the cache); "
                     f"{s['tokens_per_abstract']:,.0f} per abstract sent; cost ${s['cost']:.4f}")
        lines.append(f"dropped              {s['invented_dropped']} invented numbers, {s['unparsed_dropped']} non-numbers; "
                     f"failed abstracts {sum(s['failed'].values())}")
        if self.not_reached:
            lines.append(f"budget reached: {self.not_reached} papers not scored by the model (counted as misses)")
        lines.append(f"extractor {self.label}")
        return "\n".join(lines)


def _as_gold(claims: list[Any]) -> list[GoldClaim]:
    return [GoldClaim(paper_id=c.paper_id, claim_type=c.claim_type, start=c.start, end=c.end, number=c.number,
                      value=c.value, value_max=c.value_max, unit=c.unit, qualifier=c.qualifier) for c in claims]


def compare(gold_path: str | Path, name: str, config: LLMConfig, limit: int | None = None) -> Comparison:
    """Run the rules and the ``name`` extractor (llm or hybrid) on the gold file's abstracts (the
    first ``limit`` papers, if given), and score both."""
    from ..extract.engine import RuleExtractor
    from .extractor import LLMExtractor

    papers, gold = read_gold(gold_path)
    if limit:
        papers = papers[:limit]
        kept = {p.paper_id for p in papers}
        gold = [g for g in gold if g.paper_id in kept]
    abstracts = {p.paper_id: p.abstract for p in papers}
    rules = [c for p in papers for c in RuleExtractor().extract(p)]
    ex = LLMExtractor(config, name)
    model = [c for _, cs in ex.extract_many(papers) for c in cs]
    r_report, m_report = score(gold, rules, abstracts), score(gold, model, abstracts)
    r_report.n_papers = m_report.n_papers = len(papers)
    vs = score(_as_gold(rules), model).micro  # precision: model claims that are rule claims
    return Comparison(rules=r_report, model=m_report, name=name, label=ex.label,
                      agreement={"model_in_rules": round(vs.precision, 4), "rules_in_model": round(vs.recall, 4)},
                      stats=ex.stats.as_dict(), n_papers=len(papers), not_reached=ex.stats.papers_not_reached)
