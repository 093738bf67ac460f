"""SIGTERM ends the `claimwatch` command as Ctrl-C does.

A job scheduler stopping a job, `timeout`, a plain `kill`: SIGTERM, left to the system, ended
the command on the spot, saying nothing, and left what it was writing behind. That could be a
snapshot's temporary folder, or a columnar copy's in the cache (hundreds of megabytes for a
million works), which nothing removes. While `cli.main` runs, SIGTERM raises `Terminated`, a
KeyboardInterrupt, so every clean-up that answers Ctrl-C answers it too; the command then says
`claimwatch: terminated` and exits 143, as a shell reports a process SIGTERM ended.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

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
