"""Disk full, read-only file system and permission denied: one line naming the path and the cause,
a non-zero exit, and the previous dataset intact. A small tmpfs is mounted where the machine allows
(root with mount rights); otherwise the failing write is simulated (a file-size limit for a full
disk, an injected OSError for the others), and the output says which."""

from __future__ import annotations

import errno
import os
import resource
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

import claimset
from claimset.errors import ClaimsetError

from .conftest import dataset_files, leftovers, start_cli


def _mount(point: Path, size: str) -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    point.mkdir(parents=True, exist_ok=True)
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)], capture_output=True)
    return r.returncode == 0


def _umount(point: Path) -> None:
    subprocess.run(["umount", "-l", str(point)], capture_output=True)


@pytest.fixture
def small_fs(tmp_path):
    point = tmp_path / f"fs-{uuid.uuid4().hex[:6]}"
    if not _mount(point, "640k"):
        yield None
        return
    try:
        yield point
    finally:
        _umount(point)


def _existing(folder: Path, corpus: Path) -> Path:
    ds = folder / "ds"
    p = start_cli("extract", str(corpus), "--out", str(ds), "--no-progress")
    assert p.wait(120) == 0, p.stderr.read()
    return ds


def _limit_file_size(nbytes: int):
    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (nbytes, nbytes))
    return limit


def test_disk_full_is_one_line_and_keeps_the_previous_dataset(tmp_path, small_fs, small_corpus, incompressible_corpus,
                                                             capsys):
    big_corpus = incompressible_corpus
    folder = small_fs or tmp_path
    ds = _existing(folder, small_corpus)
    before = dataset_files(ds)
    if small_fs is not None:
        p = start_cli("extract", str(big_corpus), "--out", str(ds), "--no-progress")
        cause = "No space left on device"
    else:  # simulated: the kernel refuses writes past a file-size limit (EFBIG)
        p = start_cli("extract", str(big_corpus), "--out", str(ds), "--no-progress",
                      preexec_fn=_limit_file_size(200_000))
        cause = "File too large"
    with capsys.disabled():
        print(f"\n[disk full: {'real tmpfs of 640 KB' if small_fs else 'simulated with RLIMIT_FSIZE'}]")
    _, err = p.communicate(timeout=300)
    assert p.returncode == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and cause in lines[0], err
    assert str(ds) in lines[0]  # where
    assert dataset_files(ds) == before and claimset.load(ds).height > 0
    assert leftovers(ds) == []


def test_read_only_file_system_is_one_line(tmp_path, small_fs, small_corpus, capsys):
    if small_fs is None:
        pytest.skip("no mount rights here: covered by the simulated test below")
    ds = _existing(small_fs, small_corpus)
    before = dataset_files(ds)
    subprocess.run(["mount", "-o", "remount,ro", str(small_fs)], check=True)
    with capsys.disabled():
        print("\n[read-only: a real tmpfs remounted read-only]")
    p = start_cli("extract", str(small_corpus), "--out", str(ds), "--no-progress")
    _, err = p.communicate(timeout=120)
    assert p.returncode == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Read-only file system" in lines[0] and str(ds) in lines[0], err
    assert dataset_files(ds) == before


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES, errno.ENOSPC])
def test_an_os_error_while_writing_names_the_path_and_cause(tmp_path, monkeypatch, small_corpus, code):
    """Simulated in the library (root ignores permissions, so chmod cannot make this fail here)."""
    from claimset.corpus import read_corpus
    from claimset.extract import RuleExtractor
    from claimset.store import write_dataset

    papers = read_corpus([small_corpus]).papers[:20]
    claims = [c for p in papers for c in RuleExtractor().extract(p)]
    ds = tmp_path / "ds"
    write_dataset(ds, papers, claims, extractor="rules/test")
    before = dataset_files(ds)

    import claimset.store as store

    def failing_rename(src, dst):
        raise OSError(code, os.strerror(code), str(dst))

    monkeypatch.setattr(store.os, "rename", failing_rename)
    with pytest.raises(ClaimsetError) as info:
        write_dataset(ds, papers[:5], claims[:5], extractor="rules/test2")
    msg = str(info.value)
    assert os.strerror(code) in msg and str(ds) in msg and "\n" not in msg
    assert dataset_files(ds) == before and leftovers(ds) == []
