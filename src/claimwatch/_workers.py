"""Worker processes forked from this one, which leave Ctrl-C to it and die with it.

Ctrl-C reaches a terminal's whole foreground process group, workers too; a worker that took it
would print its own traceback beside the parent's one line, so a worker ignores SIGINT. It can
do so only once it runs, though, and a Ctrl-C between the fork and then printed "Exception
ignored in: ..." (CI saw it). So SIGINT is held while the pool forks: blocked in the forking
thread, which the workers inherit (each drops one held meanwhile once it ignores SIGINT), and
only noted by the parent, which answers it once the pool is made. SIGTERM, which the command
answers as it answers Ctrl-C (`_signals`), is held alike; a worker leaves it to the system.

A worker that dies (the system's out-of-memory killer, a kill -9) breaks its pool: what it was
doing is lost, and `multiprocessing.Pool` would wait for it forever (an import hung, saying
nothing). The pools are `concurrent.futures` process pools, which notice: waiting on a lost
result is one line (`SourceError`, exit 3), and every other worker is stopped."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ._signals import STOPS, StopsHeld
from .errors import SourceError

__all__ = ["can_fork", "deaths_said", "fork_pool", "stop"]

_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def fork_pool(processes: int) -> ProcessPoolExecutor:
    """A process pool of `processes` workers forked now (they share this process's imported
    modules), which leave Ctrl-C to this process and die with it. A Ctrl-C while the pool is
    made is answered by SIGINT's handler once the pool is made, or once making it failed; where
    that raises (Python's own handler: KeyboardInterrupt), the workers are stopped first. End
    it with `stop` (leaving a `with` block would wait for the work in hand)."""
    held = StopsHeld()
    try:
        pool = ProcessPoolExecutor(
            processes,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_start_worker,
            initargs=(os.getpid(), held.in_main_thread),
        )
        try:
            # With fork, the pool forks every worker at its first task: here, while Ctrl-C is
            # held and before the caller starts threads of its own, not where it hands one work.
            pool.submit(_started).result()
        except BaseException:
            stop(pool)
            raise
    except BaseException:
        held.release()  # a Ctrl-C (or SIGTERM) held meanwhile is the answer, not the fork's failure
        raise
    try:
        held.release()
    except BaseException:
        stop(pool)
        raise
    return pool


def stop(pool: ProcessPoolExecutor) -> None:
    """The pool's workers stopped now, whatever they are doing (an error or a Ctrl-C does not
    wait for a worker to read a whole file), and the pool shut."""
    terminate_workers = getattr(pool, "terminate_workers", None)  # Python 3.14
    if terminate_workers is not None:
        terminate_workers()
        return
    # Before 3.14: the pool's own table of its processes (CPython's), read before shutting it.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)  # its thread sees the workers gone, and ends
    for process in processes:
        process.join()


@contextlib.contextmanager
def deaths_said(doing: str) -> Iterator[None]:
    """Work handed to a pool's workers, or waited for: where a worker died (killed by the system
    for want of memory, or by hand), one line saying so and what the workers were `doing`."""
    try:
        yield
    except BrokenProcessPool:
        raise SourceError(
            f"a worker process {doing} stopped abruptly (killed, by the system for want of memory or by hand): "
            "nothing was written; free memory on this machine and run the command again"
        ) from None


def _started() -> None:
    """The first task of a pool's workers: it makes the pool fork them."""


def _start_worker(parent: int, forked_by_main_thread: bool) -> None:
    """Ctrl-C is the parent's to answer, SIGTERM ends a worker (`stop` sends it), and a worker
    dies with its parent: one left behind by a kill -9 would wait for work forever, holding
    what it inherited open (a snapshot's lock)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # drops a Ctrl-C held since the fork
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the command's handler, inherited
    signal.pthread_sigmask(signal.SIG_UNBLOCK, set(STOPS))
    # The kernel's "parent" is the thread that forked: a worker forked by a thread that ends
    # before the pool would be killed with its work (only the main thread lasts as the process).
    if forked_by_main_thread and sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
