"""Where a whole `claimset extract` run spends its time, parent and workers, sampled by py-spy.

    .venv/bin/python benchmarks/profile_process.py [--n 20000] [--jobs 2] [--top 20]

`benchmarks/profile_extract.py` profiles the engine alone (cProfile); this one samples the real
command, worker processes included (`py-spy record --subprocesses --idle` off, 200 Hz), on a JSON
Lines corpus made from Epoch AI's abstracts, and prints the share of samples per process role and
the innermost claimset / pyarrow / pydantic / re frames that hold them. py-spy is installed into the
project's venv on first use (it needs ptrace rights, which root or a same-user process has).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_throughput import BIN, make_corpus  # noqa: E402

KEEP = ("claimset", "pyarrow", "pydantic", "json", "re2", "multiprocessing", "re/")


def frame_key(frames: list[str]) -> str:
    for f in reversed(frames):
        if any(k in f for k in KEEP):
            name, _, where = f.partition(" (")
            return f"{name} ({where.rstrip(')').split('/')[-1]})"
    return frames[-1].split(" (")[0] if frames else "?"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--top", type=int, default=20)
    args = ap.parse_args(argv)
    spy = BIN / "py-spy"
    if not spy.exists():
        subprocess.run([str(BIN / "pip"), "install", "-q", "py-spy"], check=True)
    with tempfile.TemporaryDirectory(prefix="claimset-spy-") as tmp:
        return _profile(args, spy, Path(tmp))


def _profile(args: argparse.Namespace, spy: Path, work: Path) -> int:
    corpus = make_corpus(args.n, work)
    raw = work / "samples.txt"
    cmd = [str(spy), "record", "--subprocesses", "--format", "raw", "--rate", "200", "--output", str(raw), "--",
           str(BIN / "claimset"), "extract", str(corpus), "--out", str(work / "ds"), "--no-progress", "--jobs", str(args.jobs)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    by_role: Counter = Counter()
    by_frame: Counter = Counter()
    for line in raw.read_text().splitlines():
        stack, _, n = line.rpartition(" ")
        frames = stack.split(";")
        role = "worker" if any("_process_worker" in f for f in frames) else "parent"
        by_role[role] += int(n)
        by_frame[(role, frame_key(frames))] += int(n)
    total = sum(by_role.values())
    print(f"{args.n:,} abstracts, --jobs {args.jobs}: {total} samples at 200 Hz (busy time only)")
    for role, n in by_role.most_common():
        print(f"  {role:<7} {100 * n / total:5.1f}%")
    print(f"\ntop frames (innermost claimset/pyarrow/pydantic/re frame of each sample):")
    for (role, key), n in by_frame.most_common(args.top):
        print(f"  {100 * n / total:5.1f}%  {role:<7} {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
