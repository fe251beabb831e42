"""Loading the extractors' specs: TOML data under ``extractors/`` (shipped in the wheel as
``claimset/_extractors``)."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import ClaimsetError


def extractors_dir() -> Path:
    """The folder holding the specs: inside the installed package, else the source checkout's."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_extractors", here.parents[1] / "extractors"):
        if (candidate / "numbers.toml").is_file():
            return candidate
    raise ClaimsetError("extractor specs not found (expected claimset/_extractors or ./extractors)")


@lru_cache(maxsize=None)
def load_spec(name: str) -> dict[str, Any]:
    """One spec file by relative name, e.g. ``numbers`` or ``types/speedup``."""
    path = extractors_dir() / f"{name}.toml"
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ClaimsetError("extractor spec missing", path) from None
    except tomllib.TOMLDecodeError as exc:
        raise ClaimsetError(f"invalid TOML ({exc})", path) from None


def spec_names(folder: str) -> list[str]:
    """Spec names in a sub-folder, sorted (``types/benchmark_score`` ...)."""
    base = extractors_dir() / folder
    return sorted(f"{folder}/{p.stem}" for p in base.glob("*.toml"))


@lru_cache(maxsize=1)
def specs_digest() -> str:
    """8 hex digits of SHA-256 over every rule spec file (name and bytes): changing any rule changes
    it, and so the extractor label a dataset records. The LLM prompts carry their own version."""
    import hashlib

    base = extractors_dir()
    h = hashlib.sha256()
    for path in sorted(base.rglob("*.toml")):
        if path.relative_to(base).parts[0] == "prompts":  # the LLM prompts are versioned on their own
            continue
        h.update(str(path.relative_to(base)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:8]


def measured_quality(label: str | None) -> dict[str, Any] | None:
    """The extractor's figures on the gold development sets (``quality.json``, written by
    ``benchmarks/measure_quality.py``), when they were measured for this extractor ``label``."""
    import json

    try:
        q = json.loads((extractors_dir() / "quality.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return q if q.get("extractor") == label else None


def validated_spec(model, name: str):
    """Spec ``name`` loaded into the pydantic ``model``; a bad spec is a one-line error naming the
    file, the key and the problem (never a silent miss at extraction time)."""
    from pydantic import ValidationError

    try:
        return model.model_validate(load_spec(name))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise ClaimsetError(f"invalid spec: {where}: {first['msg']}", extractors_dir() / f"{name}.toml") from None
