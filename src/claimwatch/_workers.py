"""Worker processes forked from this one, which leave Ctrl-C to it and die with it.

Ctrl-C reaches a terminal's whole foreground process group, workers too; a worker that took it
would print its own traceback beside the parent's one line, so a worker ignores SIGINT. It can
do so only once it runs, though, and a Ctrl-C between the fork and then printed "Exception
ignored in: ..." (CI saw it). So SIGINT is held while the pool forks: blocked in the forking
thread, which the workers inherit (each drops one held meanwhile once it ignores SIGINT), and
only noted by the parent, which answers it once the pool is made."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Iterator
from typing import Any

__all__ = ["can_fork", "fork_pool"]

_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def fork_pool(processes: int) -> Any:
    """A `multiprocessing` pool of `processes` forked workers (they share this process's
    imported modules), which leave Ctrl-C to this process and die with it. A Ctrl-C while the
    pool is made is answered once it is made, its workers stopped."""
    with _ctrl_c_held() as held:
        pool = multiprocessing.get_context("fork").Pool(processes, initializer=_start_worker, initargs=(os.getpid(),))
    if held:
        pool.terminate()
        held.answer()
    return pool


class _Held:
    """A Ctrl-C held while workers are forked, answered afterwards by the handler it was for."""

    def __init__(self, handler: Any):
        self.handler = handler
        self.signals: list[int] = []

    def __bool__(self) -> bool:
        return bool(self.signals)

    def hold(self, signum: int, frame: Any) -> None:
        self.signals.append(signum)

    def answer(self) -> None:
        self.handler(signal.SIGINT, None)  # Python's own handler: KeyboardInterrupt


@contextlib.contextmanager
def _ctrl_c_held() -> Iterator[_Held]:
    """SIGINT blocked in this thread (so in the workers it forks, which start with it blocked)
    and, in the main thread, answered by a handler that only notes it: another thread (DuckDB's,
    gzip's) may take the signal, and Python would raise KeyboardInterrupt in the main thread's
    fork, halfway through."""
    previous = signal.getsignal(signal.SIGINT)
    held = _Held(previous)
    noting = callable(previous) and threading.current_thread() is threading.main_thread()
    if noting:
        signal.signal(signal.SIGINT, held.hold)
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield held
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # a signal blocked meanwhile is noted now
        if noting:
            signal.signal(signal.SIGINT, previous)


def _start_worker(parent: int) -> None:
    """Ctrl-C is the parent's to answer; and a worker dies with its parent: one left behind by
    a kill -9 would wait for work forever, holding what it inherited open (a snapshot's lock)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # drops a Ctrl-C held since the fork
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
