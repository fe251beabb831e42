"""Headless Chromium for the report's tests and screenshots (Debian's ``chromium`` and
``chromium-driver``, driven by selenium), with the network switched off."""

from __future__ import annotations

import shutil
import time
from contextlib import contextmanager
from pathlib import Path

from ..errors import ClaimsetError

FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000"]


def chromium_paths() -> tuple[str, str] | None:
    """The browser and its driver, when installed."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


@contextmanager
def offline_chromium():
    """A headless Chromium with the network off, logging the page's console."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    paths = chromium_paths()
    if paths is None:
        raise ClaimsetError("headless Chromium not found: install Debian's chromium and chromium-driver (make test does)")
    options = webdriver.ChromeOptions()
    options.binary_location = paths[0]
    for flag in FLAGS:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(paths[1]), options=options)
    try:
        driver.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
        yield driver
    finally:
        driver.quit()


def open_report(driver, path: str | Path, timeout: float = 60.0) -> None:
    """Load a report and wait until its table and every chart have rendered."""
    from selenium.webdriver.common.by import By

    driver.get(Path(path).resolve().as_uri())
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready = driver.execute_script("return document.body.dataset.ready") == "1"
        charts = driver.find_elements(By.CSS_SELECTOR, ".chart")
        if ready and all(c.get_attribute("data-rendered") for c in charts):
            return
        time.sleep(0.2)
    raise ClaimsetError(f"the report did not render within {timeout:.0f} s", path)


def screenshot(report: str | Path, png: str | Path) -> Path:
    """A screenshot of a report's first screen (for the published analysis)."""
    with offline_chromium() as driver:
        open_report(driver, report)
        driver.save_screenshot(str(png))
    return Path(png)
