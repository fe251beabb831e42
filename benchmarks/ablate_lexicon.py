"""Which lexicon entries earn their place? Remove each list entry of the specs in turn and count the
claims that change, on every corpus at hand: the bundled seed corpus and Epoch AI's 1,473 abstracts
(the gold development abstracts are among them).

An entry whose removal changes claims in a single sentence, anywhere, serves that sentence, not the
language: a candidate for removal (issue: honest tuning). Entries that change nothing at all are
listed too (dead, or kept for a guideline example). Prints the table; writes nothing.

    python benchmarks/ablate_lexicon.py [--only types/speedup]
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from pathlib import Path

import claimset.extract.confidence as confidence
import claimset.extract.specs as specs_mod
import claimset.spec as spec
from claimset.corpus import read_corpus
from claimset.extract.engine import RuleExtractor

ROOT = Path(__file__).resolve().parents[1]
CORPORA = [ROOT / "datasets" / "corpus", ROOT.parent / "shared" / "external" / "epoch-ai-models" / "all_ml_systems.csv"]
SPECS = ["types/speedup", "types/memory_reduction", "types/compute_reduction", "types/model_size",
         "types/dataset_size", "types/benchmark_score", "settings", "lexicon", "fields"]


def claims_of(ex: RuleExtractor, papers) -> dict[str, set]:
    out = {}
    for p in papers:
        out[p.paper_id] = {(c.claim_type, c.start, c.end, c.value, c.subject, c.benchmark, c.metric) for c in ex.extract(p)}
    return out


def entries(data: dict, prefix: str = ""):
    """(path, index or key, text) of every list entry and table key in a spec."""
    for k, v in data.items():
        if k == "roles":
            continue  # structure, not vocabulary
        if isinstance(v, list) and v and all(isinstance(x, str) for x in v):
            for i, x in enumerate(v):
                yield (prefix + k, i, x)
        elif isinstance(v, dict) and k == "nouns":
            for x in v:
                yield (prefix + k, x, x)


def without(data: dict, path: str, key) -> dict:
    d = copy.deepcopy(data)
    v = d[path]
    if isinstance(v, list):
        del v[key]
    else:
        del v[key]
    return d


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", action="append", help="spec name(s) to ablate (default: all lexicon specs)")
    args = ap.parse_args(argv)
    papers = [p for c in CORPORA if c.exists() for p in read_corpus([c]).papers]
    base_ex = RuleExtractor()
    base = claims_of(base_ex, papers)
    original = spec.load_spec
    rows = []
    for name in args.only or SPECS:
        data = original(name)
        for path, key, text in entries(data):
            try:
                rx = re.compile(text, re.IGNORECASE)
            except re.error:
                continue
            probe = rx.pattern.replace("\\b", "")
            affected = [p for p in papers if rx.search(p.abstract) or probe.lower() in p.abstract.lower()]
            if not affected:
                rows.append((name, path, text, 0, 0))
                continue
            patched = without(data, path, key)

            def fake(n, _name=name, _patched=patched):
                return _patched if n == _name else original(n)

            spec.load_spec = fake
            specs_mod.load_spec = fake
            for c in (specs_mod.specs, confidence.calibration):
                c.cache_clear()
            try:
                ex = RuleExtractor()
                now = claims_of(ex, affected)
            finally:
                spec.load_spec = original
                specs_mod.load_spec = original
                for c in (specs_mod.specs, confidence.calibration):
                    c.cache_clear()
            changed_papers = [p.paper_id for p in affected if now[p.paper_id] != base[p.paper_id]]
            n_claims = sum(len(now[pid] ^ base[pid]) for pid in changed_papers)
            rows.append((name, path, text, len(changed_papers), n_claims))
    print(f"{'spec':<24}{'list':<18}{'papers':>7}{'claims':>7}  entry")
    for name, path, text, n_papers, n_claims in sorted(rows, key=lambda r: (r[3], r[0], r[1])):
        if n_papers <= 1:
            print(f"{name:<24}{path:<18}{n_papers:>7}{n_claims:>7}  {text}")
    single = sum(1 for r in rows if r[3] == 1)
    dead = sum(1 for r in rows if r[3] == 0)
    print(f"{len(rows)} entries: {dead} change nothing on these corpora, {single} change one paper only")
    return 0


if __name__ == "__main__":
    sys.exit(main())
