"""Time the HTML report: build, load in headless Chromium (network off), filter and search, on the
Epoch dataset and on 9 copies of it (over 20,000 claims).

    python benchmarks/bench_report.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claimset.analysis.browser import offline_chromium, open_report
from claimset.report import build_report
from tests.test_report import EPOCH_DATASET, scaled_dataset

TIME_ACTION = """
const t0 = performance.now();
const el = document.getElementById(arguments[0]);
if (el.tagName === 'SELECT') { el.value = arguments[1]; el.dispatchEvent(new Event('change')); }
else { el.value = arguments[1]; el.dispatchEvent(new Event('input')); }
return performance.now() - t0;
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, offline_chromium() as driver:
        tmp = Path(tmp)
        for label, ds in (("epoch", EPOCH_DATASET), ("epoch x9", scaled_dataset(EPOCH_DATASET, tmp / "big", 9))):
            t = time.perf_counter()
            report = build_report(ds, tmp / "r.html", charts=label == "epoch", force=True)
            built = time.perf_counter() - t
            t = time.perf_counter()
            open_report(driver, report.out)
            loaded = time.perf_counter() - t
            f = driver.execute_script(TIME_ACTION, "f-type", "speedup")
            driver.execute_script(TIME_ACTION, "f-type", "")
            s = driver.execute_script(TIME_ACTION, "f-search", "memory")
            size = report.out.stat().st_size / 1e6
            print(f"{label}: {report.claims:,} claims, {report.charts} charts, {size:.1f} MB; build {built:.1f} s, "
                  f"load and render {loaded:.1f} s, filter by type {f:.0f} ms, search {s:.0f} ms")


if __name__ == "__main__":
    main()
