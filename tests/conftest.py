from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "dev.jsonl"
EPOCH = SHARED / "external" / "epoch-ai-models" / "all_ml_systems.csv"
BUNDLED_CORPUS = ROOT / "datasets" / "corpus"
BUNDLED_DATASET = ROOT / "datasets" / "claimset-seeds"


def claimset_exe() -> list[str]:
    exe = Path(sys.executable).with_name("claimset")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("claimset")
    return [found] if found else [sys.executable, "-m", "claimset.cli"]


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real CLI in a subprocess (stdout and stderr kept apart)."""
    env = dict(os.environ, COLUMNS="200", NO_COLOR="1")
    return subprocess.run([*claimset_exe(), *args], capture_output=True, text=True, cwd=cwd or ROOT, env=env)


@pytest.fixture
def cli():
    return run_cli


def needs(path: Path):
    return pytest.mark.skipif(not path.exists(), reason=f"{path} not available")


def snapshot(folder: Path) -> dict[str, object]:
    """Every file's bytes and every link's target under ``folder`` (the writer lock excluded)."""
    out: dict[str, object] = {}
    for p in sorted(folder.rglob("*")):
        rel = str(p.relative_to(folder))
        if p.is_symlink():
            out[rel] = ("link", os.readlink(p))
        elif p.is_file() and p.name != "lock":
            out[rel] = p.read_bytes()
    return out
