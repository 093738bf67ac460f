"""Worker processes forked from this one, which leave Ctrl-C to it and die with it.

Ctrl-C reaches a terminal's whole foreground process group, workers too; a worker that took it
would print its own traceback beside the parent's one line, so a worker ignores SIGINT. It can
do so only once it runs, though, and a Ctrl-C between the fork and then printed "Exception
ignored in: ..." (CI saw it). So SIGINT is held while the pool forks: blocked in the forking
thread, which the workers inherit (each drops one held meanwhile once it ignores SIGINT), and
only noted by the parent, which answers it once the pool is made."""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
import threading
from typing import Any

__all__ = ["can_fork", "fork_pool"]

_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def fork_pool(processes: int) -> Any:
    """A `multiprocessing` pool of `processes` forked workers (they share this process's
    imported modules), which leave Ctrl-C to this process and die with it. A Ctrl-C while the
    pool is made is answered by SIGINT's handler once the pool is made, or once making it
    failed; where that raises (Python's own handler: KeyboardInterrupt), the workers are
    stopped first."""
    ctrl_c = _CtrlCHeld()
    try:
        pool = multiprocessing.get_context("fork").Pool(
            processes, initializer=_start_worker, initargs=(os.getpid(), ctrl_c.in_main_thread)
        )
    except BaseException:
        ctrl_c.release()  # a Ctrl-C held meanwhile is the user's answer, not the fork's failure
        raise
    try:
        ctrl_c.release()
    except BaseException:
        pool.terminate()
        raise
    return pool


class _CtrlCHeld:
    """SIGINT held from now until `release()`, which answers one held meanwhile with the handler
    it was for (Python's own: KeyboardInterrupt).

    Blocked in this thread, so in the workers it forks, which start with it blocked. In the main
    thread, also answered by a handler that only notes it: another thread (DuckDB's, gzip's) may
    take the signal, and Python raised KeyboardInterrupt in the main thread halfway through a
    fork. Where SIGINT is ignored (nohup) or left to the system, its handler is left alone."""

    def __init__(self) -> None:
        self.in_main_thread = threading.current_thread() is threading.main_thread()
        self._handler = signal.getsignal(signal.SIGINT)
        self._noting = callable(self._handler) and self.in_main_thread
        self._noted = False
        if self._noting:
            signal.signal(signal.SIGINT, self._note)
        self._mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})

    def _note(self, signum: int, frame: Any) -> None:
        self._noted = True

    def release(self) -> None:
        # Unblocking runs the handler of a signal blocked meanwhile (CPython checks signals
        # there): it is noted before the handler is put back.
        signal.pthread_sigmask(signal.SIG_SETMASK, self._mask)
        if self._noting:
            signal.signal(signal.SIGINT, self._handler)
        if self._noted and callable(self._handler):  # (noted only where it is)
            self._noted = False
            self._handler(signal.SIGINT, None)


def _start_worker(parent: int, forked_by_main_thread: bool) -> None:
    """Ctrl-C is the parent's to answer; and a worker dies with its parent: one left behind by
    a kill -9 would wait for work forever, holding what it inherited open (a snapshot's lock)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # drops a Ctrl-C held since the fork
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    # The kernel's "parent" is the thread that forked: a worker forked by a thread that ends
    # before the pool would be killed with its work (only the main thread lasts as the process).
    if forked_by_main_thread and sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
