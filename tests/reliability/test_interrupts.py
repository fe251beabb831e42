"""kill -9 and signals at several points of a real run: the previous dataset survives whole, nothing
half-written stays, and the next run cleans up what a killed run left."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest

import claimset

from .conftest import SIGNALS, catches, dataset_files, leftovers, start_cli, wait_for, writing


@pytest.fixture
def existing(tmp_path, small_corpus):
    ds = tmp_path / "ds"
    p = start_cli("extract", str(small_corpus), "--out", str(ds), "--no-progress")
    assert p.wait(60) == 0, p.stderr.read()
    return ds, dataset_files(ds), claimset.load(ds).height


@pytest.mark.parametrize("fraction", [0.05, 0.3, 0.55])  # (of a writing phase timed once: not near its end)
def test_kill9_mid_run_keeps_the_old_dataset_and_the_next_run_cleans_up(existing, big_corpus, big_run_seconds, fraction):
    ds, before, n_claims = existing
    duration = big_run_seconds

    p = start_cli("extract", str(big_corpus), "--out", str(ds), "--no-progress")
    assert wait_for(lambda: writing(ds), timeout=30)
    time.sleep(duration * fraction)  # a fraction of the writing phase
    p.send_signal(signal.SIGKILL)
    p.wait(30)
    assert p.returncode == -signal.SIGKILL
    assert dataset_files(ds) == before  # the old dataset, byte for byte
    assert claimset.load(ds).height == n_claims
    assert leftovers(ds)  # the killed run's temporary version is still there ...

    again = start_cli("extract", str(big_corpus), "--out", str(ds), "--no-progress")
    _, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    assert "removed 1 temporary folder(s) left by interrupted runs" in err
    assert leftovers(ds) == []  # ... and the next run removed it
    assert claimset.load(ds).height > n_claims


@pytest.mark.parametrize("name", sorted(SIGNALS))
@pytest.mark.parametrize("when", ["imports", "mid-run"])
def test_signals_print_one_line_and_exit_128_plus_n(existing, big_corpus, name, when):
    ds, before, _ = existing
    sig = SIGNALS[name]
    p = start_cli("extract", str(big_corpus), "--out", str(ds), "--no-progress")
    if when == "imports":
        # the moment claimset's handlers are in place, before the heavy imports they precede: on a
        # busy machine a fixed delay can land before Python has started at all. Python catches SIGINT
        # itself from start-up; SIGHUP, claimset's last, says all of claimset's are installed
        assert wait_for(lambda: catches(p.pid, signal.SIGHUP), timeout=30, step=0.002)
        assert p.poll() is None
    else:
        assert wait_for(lambda: writing(ds), timeout=30)
        time.sleep(0.5)
    p.send_signal(sig)
    out, err = p.communicate(timeout=60)
    assert p.returncode == 128 + sig, err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("claimset: "), err
    assert dataset_files(ds) == before
    assert leftovers(ds) == []  # cleaned on the way out, not left for the next run


def test_ctrl_c_at_0_3_s_prints_no_traceback(tmp_path, big_corpus):
    p = start_cli("extract", str(big_corpus), "--out", str(tmp_path / "new"), "--no-progress")
    time.sleep(0.3)
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=60)
    assert p.returncode == 130 and "Traceback" not in err
    assert not (tmp_path / "new").exists()  # a new dataset is not left half-made


_SWALLOWED = """
import os, signal, sys, time, weakref
from claimset._entry import guarded

class Thing:
    pass

def body():
    thing = Thing()
    # the handler runs inside a weakref callback, where Python ignores what it raises
    keep = weakref.ref(thing, lambda ref: os.kill(os.getpid(), signal.SIGHUP))
    del thing
    time.sleep(5)
    print("went on")

guarded(body)
"""


def test_a_signal_handled_where_python_ignores_exceptions_still_stops_the_run():
    p = subprocess.run([sys.executable, "-c", _SWALLOWED], capture_output=True, text=True, timeout=60)
    assert p.returncode == 128 + signal.SIGHUP, p.stderr
    assert "went on" not in p.stdout
    assert p.stderr.splitlines() == ["claimset: hung up; the previous dataset, if any, is unchanged"]
