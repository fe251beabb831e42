"""Fuzzing the number parser and the whole extractor: ``make fuzz`` (100,000 inputs) or
``python -m tests.reliability.fuzz -n N``.

Each input is checked for the extractor's invariants: it never raises, every claim satisfies
``abstract[start:end] == number``, values are finite, ``value_max >= value``, and the parser agrees.
The time of each input is measured (a report, not a test assertion): inputs over 100 ms are counted.
Prints the counts; exits 1 on any crash or invariant violation, or on a slow input unless
``--no-fail-slow`` (CI runs a smaller number of inputs on a shared machine).
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
import traceback

NUMBERS = ["2.5x", "3$\\times$", "$\\sim$2.5$\\times$", "2--4$\\times$", "85.3\\%", "$+3.1$", "10^{9}", "7B",
           "1.5 billion", "540B", "12, 000×", "١٢٣", "٣٫٥x", "９８％", "&gt;90%", "&lt;1%", "−0.5", "0.00001",
           "9999999999999999B", "1e400", "3 million", "4-16x", "5 to 12 times", "8x22B", "Qwen3-235B-A22B",
           "up to 2.12x", "1.7%/3.4%", "(48.2 test perplexity)", "6.31 PPL", "twice", "an order of magnitude",
           "1 000 000", "2.3e21", "40GB", "24 out of 43", "15%", "half", "$\\textbf{3}\\times$", "\\textbf{85.3\\%}",
           "1,024", "0.7/1.1 BLEU", "from 24 GB to 1 MB", "between 244M and 137B", "~33.5%", "1M~60M"]
WORDS = ["we", "our", "model", "achieves", "speedup", "faster", "parameters", "tokens", "accuracy", "on", "MMLU",
         "reduction", "memory", "KV", "cache", "FLOPs", "than", "compared", "to", "baseline", "the", "and", ",",
         "(", ")", ".", ";", "respectively", "with", "trained", "GPU", "hours", "by", "up", "over", "vs", "from",
         "https://x.com/a1", "\\cite{a}", "[1]", "e.g.,", "\n", "\u00a0", "\u202f", "$", "\\", "{", "}", "~", "&amp;"]
ADVERSARIAL = [
    lambda r: "9" * r.randint(1000, 50_000),
    lambda r: "5" + "x" * r.randint(1000, 50_000),
    lambda r: "5" + "%" * r.randint(1000, 50_000),
    lambda r: "5" + " " * r.randint(1000, 50_000) + "x",
    lambda r: "5" + "-" * r.randint(1000, 50_000) + "6x",
    lambda r: "1 000 " * r.randint(100, 8000),
    lambda r: "85.3% accuracy on X and " * r.randint(10, 2000),
    lambda r: "a" * r.randint(1000, 100_000),
    lambda r: "a.com/" * r.randint(100, 16_000),
    lambda r: "3$\\times$ " * r.randint(100, 10_000),
    lambda r: "We get 2x. " * r.randint(100, 9000),
    lambda r: "$" * r.randint(100, 30_000),
    lambda r: "\\textbf{" * r.randint(100, 10_000),
    lambda r: "&#" + "9" * r.randint(10, 20_000) + ";",
    lambda r: "".join(r.choice("0123456789.,x% -~") for _ in range(r.randint(1000, 30_000))),
]


def generate(rng: random.Random) -> str:
    """One input: mostly sentences mixing claim-like numbers and words, sometimes an adversarial form,
    sometimes random characters (any Unicode plane)."""
    kind = rng.random()
    if kind < 0.06:
        return rng.choice(ADVERSARIAL)(rng)
    if kind < 0.16:
        return "".join(chr(rng.randint(1, 0x2FFFF)) for _ in range(rng.randint(0, 300)))
    parts = []
    for _ in range(rng.randint(1, 80)):
        parts.append(rng.choice(NUMBERS) if rng.random() < 0.3 else rng.choice(WORDS))
    text = " ".join(parts)
    if rng.random() < 0.2:  # mutate: delete, duplicate or replace a few characters
        chars = list(text)
        for _ in range(rng.randint(1, 10)):
            if not chars:
                break
            i = rng.randrange(len(chars))
            op = rng.random()
            if op < 0.33:
                del chars[i]
            elif op < 0.66:
                chars.insert(i, chars[i])
            else:
                chars[i] = chr(rng.randint(32, 0x3000))
        text = "".join(chars)
    return text


def check_parser(text: str) -> list[str]:
    """The parser's invariants on one input."""
    from claimset.numbers import parse

    problems = []
    for m in parse(text):
        problems += _span_value_problems("parser", text, m.start, m.end, m.text, m.value, m.value_max)
    return problems


def check(text: str, extractor) -> list[str]:
    """The extractor's invariants on one input (an empty list when all hold)."""
    from claimset.models import Paper

    problems = []
    abstract = text.strip()
    if not abstract:
        return problems
    paper = Paper(paper_id="fuzz", title="Fuzz", abstract=abstract)
    for c in extractor.extract(paper):
        problems += _span_value_problems("claim", abstract, c.start, c.end, c.number, c.value, c.value_max)
    return problems


def _span_value_problems(kind: str, text: str, start: int, end: int, number: str, value: float,
                         value_max: float | None) -> list[str]:
    """The text at the offsets is the number; values are finite; a range's high end is not below its low."""
    out = []
    if text[start:end] != number:
        out.append(f"{kind} span {start}:{end} != {number!r}")
    if not math.isfinite(value) or (value_max is not None and not math.isfinite(value_max)):
        out.append(f"{kind} non-finite value {value!r}/{value_max!r}")
    if value_max is not None and value_max < value:
        out.append(f"{kind} value_max {value_max} < value {value}")
    return out


def run(n: int, seed: int, slow_ms: float = 100.0, show: int = 5) -> dict[str, int]:
    from claimset.extract import RuleExtractor

    rng = random.Random(seed)
    ex = RuleExtractor()
    counts = {"inputs": 0, "crashes": 0, "violations": 0, f"over_{slow_ms:g}ms": 0}
    worst = (0.0, "")
    shown = 0
    for i in range(n):
        text = generate(rng)
        try:
            problems = check_parser(text)
            t0 = time.perf_counter()  # the time of the extractor, what a user's run pays per abstract
            problems += check(text, ex)
        except Exception:
            t0 = time.perf_counter()
            counts["crashes"] += 1
            if shown < show:
                shown += 1
                print(f"CRASH on input {i} ({len(text)} chars): {text[:120]!r}\n{traceback.format_exc()}", file=sys.stderr)
            continue
        finally:
            counts["inputs"] += 1
        dt = (time.perf_counter() - t0) * 1000
        if dt > worst[0]:
            worst = (dt, text[:60])
        if dt > slow_ms:
            counts[f"over_{slow_ms:g}ms"] += 1
            if shown < show:
                shown += 1
                print(f"SLOW input {i}: {dt:.0f} ms, {len(text)} chars: {text[:80]!r}", file=sys.stderr)
        if problems:
            counts["violations"] += 1
            if shown < show:
                shown += 1
                print(f"VIOLATION on input {i}: {problems[:3]} in {text[:120]!r}", file=sys.stderr)
    counts["slowest_ms"] = round(worst[0], 1)
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=100_000, help="number of generated inputs")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--no-fail-slow", action="store_true", help="report slow inputs without failing")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    counts = run(args.n, args.seed)
    elapsed = time.perf_counter() - t0
    print(f"fuzz: {counts['inputs']} inputs in {elapsed:.0f} s (seed {args.seed}): "
          f"{counts['crashes']} crashes, {counts['violations']} invariant violations, "
          f"{counts['over_100ms']} inputs over 100 ms (slowest {counts['slowest_ms']} ms)")
    bad = counts["crashes"] or counts["violations"] or (counts["over_100ms"] and not args.no_fail_slow)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
