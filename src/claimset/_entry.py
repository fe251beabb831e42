"""The console entry point. It installs signal handling before anything heavy is imported, so
Ctrl-C (or SIGTERM/SIGHUP) at any moment, imports included, prints one line and exits 128+N, and a
closed pipe (``claimset show | head``) ends quietly."""

from __future__ import annotations

import os
import signal
import sys

_NAMES = {signal.SIGINT: "interrupted", signal.SIGTERM: "terminated", signal.SIGHUP: "hung up"}


class Interrupted(BaseException):
    """A signal asked claimset to stop; cleanup (``with`` blocks, ``finally``) runs as it unwinds.

    Not a KeyboardInterrupt, so no library layer (click's "Aborted!") swallows or rewords it."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _raise(signum: int, frame) -> None:
    raise Interrupted(signum)


# Python ignores an exception raised where nothing can catch it (a weakref callback run by an import,
# a ``__del__``): a signal whose handler ran there would be lost and the run would go on. The hook sees
# such an ``Interrupted`` and raises it again a moment later, from whatever code then runs.
_AGAIN_AFTER = 0.01  # seconds


def _unraisable(info) -> None:
    if isinstance(info.exc_value, Interrupted):
        signal.signal(signal.SIGALRM, lambda _n, _f, signum=info.exc_value.signum: _raise(signum, None))
        signal.setitimer(signal.ITIMER_REAL, _AGAIN_AFTER)
    else:
        sys.__unraisablehook__(info)


def _stop(signum: int) -> None:
    try:
        sys.stderr.write(f"claimset: {_NAMES.get(signum, 'stopped')}; the previous dataset, if any, is unchanged\n")
        sys.stderr.flush()
    except Exception:
        pass
    os._exit(128 + signum)


def main() -> None:
    guarded(_cli)


def _cli() -> None:
    from .cli import app

    app(standalone_mode=True)


def guarded(body) -> None:
    """Run ``body`` with claimset's handling of signals and of a closed stdout."""
    for sig in _NAMES:
        signal.signal(sig, _raise)
    sys.unraisablehook = _unraisable
    try:
        body()
    except Interrupted as exc:
        _stop(exc.signum)
    except KeyboardInterrupt:
        _stop(signal.SIGINT)
    except BrokenPipeError:
        quiet_pipe_exit()


def quiet_pipe_exit() -> None:
    """Stdout was closed by the reader (`claimset show | head`): stop quietly, exit 0."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
    sys.exit(0)


if __name__ == "__main__":  # pragma: no cover
    main()
