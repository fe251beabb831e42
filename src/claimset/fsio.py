"""Safe file-system writes: atomic replacement, a writer lock, and refusals that protect user files.

Rules claimset keeps (see the README's "Safety" section):

- a file is replaced only by ``os.replace`` of a finished temporary sibling, so a reader sees the old
  file or the new one, never half of one;
- an existing file is replaced only if claimset wrote it (it starts with claimset's marker) or the
  caller passes ``force``;
- OS errors become one-line :class:`ClaimsetError` naming the path and the cause.
"""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import ClaimsetError

# Signals deferred while a dataset switch is in progress (a switch is three renames: all or none).
_DEFERRED = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


def os_error(exc: OSError, path: str | Path, doing: str = "cannot write") -> ClaimsetError:
    """A one-line error for an OS failure: the path and the cause (disk full, read-only, ...)."""
    where = exc.filename or path
    cause = exc.strerror or str(exc)
    return ClaimsetError(f"{doing} ({cause})", where)


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold SIGINT/SIGTERM/SIGHUP until the block ends (they are delivered right after)."""
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, _DEFERRED)
    except (AttributeError, ValueError, OSError):  # not the main thread, or no pthread_sigmask
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def starts_with(path: Path, marker: bytes) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(marker)) == marker
    except OSError:
        return False


def check_replaceable(path: Path, marker: str | None = None, force: bool = False) -> None:
    """Refuse to replace ``path`` if it exists and claimset did not write it (unless ``force``)."""
    if force or not (path.exists() or path.is_symlink()):
        return
    if path.is_dir():
        raise ClaimsetError("is a folder; give a file name", path)
    if marker is not None and starts_with(path, marker.encode("utf-8")):
        return
    raise ClaimsetError("exists and was not written by claimset; pass --force to replace it", path)


def write_atomic(path: str | Path, data: str | bytes, marker: str | None = None, force: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically (temporary sibling, fsync, rename).

    ``marker`` is the text claimset's own files of this kind start with: an existing file without it
    is not replaced unless ``force``. A symlink is followed, so the link stays a link.
    """
    path = Path(path)
    target = path.resolve() if path.is_symlink() else path
    check_replaceable(target, marker, force)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    parent = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.claimset-tmp-", dir=parent)
    except OSError as exc:
        raise os_error(exc, parent) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise os_error(exc, target) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(parent)
    return path


def replace_symlink(link: Path, target: str) -> None:
    """Point ``link`` at ``target`` with one atomic rename (replacing a file or link there)."""
    if link.is_symlink() and os.readlink(link) == target:
        return
    tmp = link.with_name(f".{link.name}.claimset-new-{os.getpid()}")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    os.symlink(target, tmp)
    os.replace(tmp, link)


class Lock:
    """An exclusive, non-blocking writer lock on a file (``flock``): released when the process ends,
    however it ends, so a crashed writer never blocks the next run. A forked worker process must
    call :meth:`forget_in_child` (the pool's initializer does), or its inherited copy of the file
    descriptor would keep the lock alive after the writer is killed."""

    held_fds: set[int] = set()  # descriptors of the locks this process holds

    @classmethod
    def forget_in_child(cls) -> None:
        for fd in list(cls.held_fds):
            try:
                os.close(fd)  # the parent's own descriptor keeps the lock
            except OSError:
                pass
        cls.held_fds.clear()

    def __init__(self, path: Path, what: str | Path):
        self.path = path
        self.what = what  # what the lock guards, named in the error
        self._fd: int | None = None

    def acquire(self) -> "Lock":
        import fcntl

        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise os_error(exc, self.path, "cannot create the lock") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            os.close(fd)
            raise ClaimsetError(f"is being written by {holder}; wait for it to finish", self.what) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"claimset process {os.getpid()}\n".encode(), 0)
        self._fd = fd
        Lock.held_fds.add(fd)
        return self

    def release(self) -> None:
        if self._fd is not None:
            Lock.held_fds.discard(self._fd)
            os.close(self._fd)  # closing drops the flock
            self._fd = None
