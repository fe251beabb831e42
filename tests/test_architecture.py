"""The extraction core's shape: small functions, no import cycles, knowledge in the specs, and a new
claim type added by a spec file alone."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest

from claimset.models import CLAIM_TYPES

from .conftest import ROOT

SRC = ROOT / "src" / "claimset"


def test_no_function_in_claimset_is_above_complexity_15():
    """The extraction core (extract/, the number parser, the text view) and the rest of the library
    and CLI alike: a function that cannot be read in one screen is two functions."""
    from radon.complexity import cc_visit

    too_complex = []
    paths = sorted(SRC.rglob("*.py"))
    assert SRC / "extract" / "engine.py" in paths and SRC / "numbers.py" in paths
    for path in paths:
        for block in cc_visit(path.read_text(encoding="utf-8")):
            if block.complexity > 15:
                too_complex.append(f"{path.relative_to(SRC)}:{block.name} ({block.complexity})")
    assert too_complex == []


def _imports(path: Path, package: str) -> set[str]:
    """claimset modules a module imports at import time (not inside functions or TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            mod = ".".join(base + ([node.module] if node.module else []))
            out.add(mod)
            out.update(f"{mod}.{a.name}" for a in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("claimset"):
            out.add(node.module)
    return out


def test_no_import_cycles():
    modules = {}
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC.parent).with_suffix("")
        name = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        package = name if rel.name == "__init__" else name.rpartition(".")[0]
        modules[name] = path, package
    graph = {name: {i for i in _imports(p, pkg) if i in modules and i != name} for name, (p, pkg) in modules.items()}
    seen, stack, cycles = set(), [], []

    def visit(node):
        if node in stack:
            cycles.append(stack[stack.index(node):] + [node])
            return
        if node in seen:
            return
        seen.add(node)
        stack.append(node)
        for nxt in graph[node]:
            visit(nxt)
        stack.pop()

    for name in graph:
        visit(name)
    assert [c for c in cycles if not all(m.startswith("claimset.__init__") for m in c)] == []


def test_the_engine_names_no_claim_type_and_holds_no_word_list():
    for path in sorted((SRC / "extract").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        for name in CLAIM_TYPES:
            assert f'"{name}"' not in text and f"'{name}'" not in text, f"{path.name} names {name}"
        # a phrase list in the engine would be an alternation of several plain words in one literal
        words = re.findall(r'r?"[^"\n]*\b(?:achiev|outperform|sparsity|accuracy|perplexity)\w*\|', text)
        assert words == [], f"{path.name} holds a phrase list: {words}"


@pytest.mark.parametrize("spec_name", ["patterns", "fields"])
def test_named_pattern_examples(spec_name):
    from claimset.extract.specs import NamedPattern
    from claimset.spec import load_spec

    for name, raw in load_spec(spec_name)["patterns"].items():
        pattern = NamedPattern.model_validate(raw)
        assert pattern.examples, f"{spec_name}.{name} has no examples"
        for text, expected in pattern.examples:
            assert bool(pattern.compile().search(text)) is expected, f"{spec_name}.{name} on {text!r}"


TOY = '''
name = "energy_use"
trigger_rank = 0
strong = ["joules?", "energy use"]
'''


def test_a_new_claim_type_is_one_spec_file(tmp_path, monkeypatch):
    """Copy the specs, add a toy type, and extract with it: no engine change."""
    specs_dir = tmp_path / "extractors"
    shutil.copytree(ROOT / "extractors", specs_dir)
    (specs_dir / "types" / "energy_use.toml").write_text(TOY, encoding="utf-8")

    import claimset.extract.confidence as confidence
    import claimset.extract.specs as specs_mod
    import claimset.spec as spec

    monkeypatch.setattr(spec, "extractors_dir", lambda: specs_dir)
    monkeypatch.setattr(specs_mod, "extractors_dir", lambda: specs_dir)
    for cached in (spec.load_spec, spec.specs_digest, specs_mod.specs, confidence.calibration):
        cached.cache_clear()
    monkeypatch.setattr("claimset.models.CLAIM_TYPES", CLAIM_TYPES + ("energy_use",))
    try:
        from claimset.extract.engine import RuleExtractor

        ex = RuleExtractor()
        assert "energy_use" in [t.name for t in ex.S.triggers]
        from claimset.extract.context import Ctx
        from claimset.extract.steps import classify
        from claimset.numbers import parse

        text = "Our chip needs 3x less energy use than the GPU baseline."
        m = parse(text)[0]
        decisions = classify(Ctx(text, m, 0, len(text)), ex.kit)
        assert [d.claim_type for d in decisions] == ["energy_use"]
    finally:
        for cached in (spec.load_spec, spec.specs_digest, specs_mod.specs, confidence.calibration):
            cached.cache_clear()
