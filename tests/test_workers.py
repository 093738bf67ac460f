"""Forked workers leave Ctrl-C to the parent, and making them leaves the parent as it was."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from claimwatch._workers import can_fork, fork_pool

pytestmark = pytest.mark.skipif(not can_fork(), reason="no fork on this platform: one process does it all")


def _signal_state() -> tuple[object, bool]:
    """This process's SIGINT handler, and whether its thread blocks SIGINT."""
    return signal.getsignal(signal.SIGINT), signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, [])


def test_workers_ignore_ctrl_c_unblocked_and_the_parent_is_left_as_it_was():
    before = _signal_state()
    with fork_pool(2) as pool:
        assert _signal_state() == before
        assert pool.apply(_signal_state) == (signal.SIG_IGN, False)


_POOL_MADE_BY_A_THREAD = """
import threading, time
from claimwatch._workers import fork_pool
made = {}
def make():
    made["pool"] = fork_pool(2)
    made["workers"] = sorted(p.pid for p in made["pool"]._pool)
    made["job"] = made["pool"].apply_async(time.sleep, (1,))
thread = threading.Thread(target=make)
thread.start()
thread.join()
made["job"].get(timeout=20)  # held by a worker while the thread ended
assert sorted(p.pid for p in made["pool"]._pool) == made["workers"], "workers replaced"
made["pool"].terminate()
"""


def test_a_pool_made_by_a_thread_that_has_ended_keeps_its_workers_and_their_work():
    """The kernel's parent of a worker is the thread that forked it: workers told to die with
    that thread were killed once it ended, the work they held lost (and the pool, stopped, could
    hang: hence a process of its own)."""
    done = subprocess.run([sys.executable, "-c", _POOL_MADE_BY_A_THREAD], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stderr) == (0, "")


_CTRL_C_WHILE_THE_TABLE_WRITER_FORKS = """
import os, signal, sys
from claimwatch.columnar._table import WorksTableWriter
parent = os.getpid()
os.register_at_fork(before=lambda: os.getpid() == parent and os.kill(parent, signal.SIGINT))
try:
    WorksTableWriter(sys.argv[1], processes=2)
except KeyboardInterrupt:
    sys.exit(130)
"""


def test_a_ctrl_c_while_the_works_table_writer_forks_leaves_nothing_behind(tmp_path):
    """As a columnar copy made into the cache is (no snapshot's folder around it to remove)."""
    done = subprocess.run(
        [sys.executable, "-c", _CTRL_C_WHILE_THE_TABLE_WRITER_FORKS, str(tmp_path / "works.parquet")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (done.returncode, done.stderr) == (130, "")
    assert list(tmp_path.iterdir()) == []


_CTRL_C_AND_THEN = """
import multiprocessing, os, signal, sys
from claimwatch import _workers
case = sys.argv[1]
real = multiprocessing.get_context
class Failing:
    def Pool(self, *args, **kwargs):
        os.kill(os.getpid(), signal.SIGINT)
        raise BlockingIOError(11, "Resource temporarily unavailable")
if case == "the fork fails":
    _workers.multiprocessing.get_context = lambda method: Failing()
else:  # a handler of the caller's own that lets the run go on
    os.register_at_fork(before=lambda: os.kill(os.getpid(), signal.SIGINT))
    signal.signal(signal.SIGINT, lambda *_: print("noted by the caller's handler"))
try:
    with _workers.fork_pool(2) as pool:
        print(pool.apply(sum, ([1, 2],)))
except KeyboardInterrupt:
    print("KeyboardInterrupt")
"""


@pytest.mark.parametrize(
    ("case", "printed"),
    [
        ("the fork fails", "KeyboardInterrupt"),  # the user's Ctrl-C, not the fork's error
        ("the caller's handler goes on", "noted by the caller's handler\n3"),  # answered once, pool usable
    ],
)
def test_a_ctrl_c_held_while_forking_is_answered_by_the_callers_handler(case, printed):
    done = subprocess.run([sys.executable, "-c", _CTRL_C_AND_THEN, case], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout.strip(), done.stderr) == (0, printed, "")
