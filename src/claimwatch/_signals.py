"""SIGTERM ends the `claimwatch` command as Ctrl-C does.

A job scheduler stopping a job, `timeout`, a plain `kill`: SIGTERM, left to the system, ended
the command on the spot, saying nothing, and left what it was writing behind. That could be a
snapshot's temporary folder, or a columnar copy's in the cache (hundreds of megabytes for a
million works), which nothing removes. While `cli.main` runs, SIGTERM raises `Terminated`, a
KeyboardInterrupt, so every clean-up that answers Ctrl-C answers it too; the command then says
`claimwatch: terminated` and exits 143, as a shell reports a process SIGTERM ended.

A clean-up answering one (temporaries removed, earlier files put back) holds both until it has
run (`stops_held`): a second Ctrl-C pressed meanwhile broke into it, and left its work half done.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType
from typing import Any

TERMINATED = "claimwatch: terminated"
TERMINATED_EXIT = 128 + signal.SIGTERM
INTERRUPTED_EXIT = 128 + signal.SIGINT  # as a shell reports a process Ctrl-C ended


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Ctrl-C raises KeyboardInterrupt."""


@contextlib.contextmanager
def sigterm_raises() -> Iterator[None]:
    """While the block runs, SIGTERM raises `Terminated` in the main thread; where a caller has
    a SIGTERM handler of its own (or ignores SIGTERM), or this is not the main thread, SIGTERM
    is left as it is."""
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGTERM) != signal.SIG_DFL:
        yield
        return
    signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated


@contextlib.contextmanager
def stops_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM held while the block runs, and answered once it has: a clean-up
    answering a first Ctrl-C (workers stopped, a temporary folder of parts removed) runs to its
    end through a second one pressed meanwhile, which left the folder behind."""
    held = StopsHeld()
    try:
        yield
    finally:
        held.release()


STOPS = (signal.SIGINT, signal.SIGTERM)  # Ctrl-C, and a job's stop (`Terminated`)


class StopsHeld:
    """Ctrl-C and SIGTERM held from now until `release()`, which answers one held meanwhile with
    the handler it was for (Python's own for Ctrl-C: KeyboardInterrupt; the command's for
    SIGTERM: `Terminated`).

    Blocked in this thread, so in the workers it forks, which start with them blocked. In the
    main thread, also answered by a handler that only notes them: another thread (DuckDB's,
    gzip's) may take a signal, and Python raised KeyboardInterrupt in the main thread halfway
    through a fork. Where a signal is ignored (nohup) or left to the system, its handler is left
    alone (SIGTERM left to the system ends the process once unblocked, as it would have)."""

    def __init__(self) -> None:
        self.in_main_thread = threading.current_thread() is threading.main_thread()
        self._handlers = {s: signal.getsignal(s) for s in STOPS}
        self._noting = [s for s, h in self._handlers.items() if callable(h) and self.in_main_thread]
        self._noted: list[int] = []
        for s in self._noting:
            signal.signal(s, self._note)
        self._mask = signal.pthread_sigmask(signal.SIG_BLOCK, set(STOPS))

    def _note(self, signum: int, frame: Any) -> None:
        if signum not in self._noted:
            self._noted.append(signum)

    def release(self) -> None:
        # Unblocking runs the handler of a signal blocked meanwhile (CPython checks signals
        # there): it is noted before the handler is put back.
        signal.pthread_sigmask(signal.SIG_SETMASK, self._mask)
        for s in self._noting:
            signal.signal(s, self._handlers[s])
        noted, self._noted = self._noted, []
        for signum in noted:  # (noted only where the handler is callable)
            handler = self._handlers[signal.Signals(signum)]
            if callable(handler):
                handler(signum, None)
