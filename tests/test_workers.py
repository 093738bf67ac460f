"""Forked workers leave Ctrl-C to the parent, making them leaves the parent as it was, and a
worker that dies is one line, never a wait for ever."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from claimwatch._signals import sigterm_raises
from claimwatch._workers import can_fork, deaths_said, fork_pool, stop
from claimwatch.errors import SourceError

pytestmark = pytest.mark.skipif(not can_fork(), reason="no fork on this platform: one process does it all")


def _signal_state() -> tuple[object, ...]:
    """This process's SIGINT and SIGTERM handlers, and whether its thread blocks either."""
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, [])
    return (
        signal.getsignal(signal.SIGINT),
        signal.SIGINT in blocked,
        signal.getsignal(signal.SIGTERM),
        signal.SIGTERM in blocked,
    )


def test_workers_ignore_ctrl_c_leave_sigterm_to_the_system_and_the_parent_is_left_as_it_was():
    """A worker inherits the command's SIGTERM handler (`_signals`) with the fork; it must not
    keep it: `stop` ends workers with SIGTERM."""
    with sigterm_raises():
        before = _signal_state()
        pool = fork_pool(2)
        try:
            assert _signal_state() == before
            assert pool.submit(_signal_state).result() == (signal.SIG_IGN, False, signal.SIG_DFL, False)
        finally:
            stop(pool)


_POOL_MADE_BY_A_THREAD = """
import threading, time
from claimwatch._workers import fork_pool, stop
made = {}
def make():
    made["pool"] = fork_pool(2)
    made["workers"] = sorted(made["pool"]._processes)
    made["job"] = made["pool"].submit(time.sleep, 1)
thread = threading.Thread(target=make)
thread.start()
thread.join()
made["job"].result(timeout=20)  # held by a worker while the thread ended
assert sorted(made["pool"]._processes) == made["workers"], "workers replaced"
stop(made["pool"])
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
import os, signal, sys
from claimwatch import _workers
case = sys.argv[1]
def failing(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGINT)
    raise BlockingIOError(11, "Resource temporarily unavailable")
if case == "the fork fails":
    _workers.ProcessPoolExecutor = failing
else:  # a handler of the caller's own that lets the run go on
    os.register_at_fork(before=lambda: os.kill(os.getpid(), signal.SIGINT))
    signal.signal(signal.SIGINT, lambda *_: print("noted by the caller's handler"))
try:
    pool = _workers.fork_pool(2)
    print(pool.submit(sum, [1, 2]).result())
    _workers.stop(pool)
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


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)  # as the system's out-of-memory killer does


def test_a_worker_that_dies_is_one_line_and_its_fellows_are_stopped():
    """`multiprocessing.Pool` waited for a dead worker's result for ever: an import whose
    worker the system killed hung, saying nothing."""
    pool = fork_pool(2)
    workers = list(pool._processes.values())
    try:
        with pytest.raises(SourceError) as e, deaths_said("reading in.jsonl"):
            busy = pool.submit(time.sleep, 60)
            pool.submit(_die).result(timeout=30)
    finally:
        stop(pool)
    assert e.value.lines() == [
        "a worker process reading in.jsonl stopped abruptly (killed, by the system for want of memory or by hand): "
        "nothing was written; free memory on this machine and run the command again"
    ]
    assert busy.done() and all(not w.is_alive() for w in workers)


def test_stopping_a_pool_does_not_wait_for_the_work_in_hand():
    """An error or a Ctrl-C stops the workers at once (a worker may be reading a whole file)."""
    pool = fork_pool(2)
    workers = list(pool._processes.values())
    jobs = [pool.submit(time.sleep, 60) for _ in range(3)]
    started = time.monotonic()
    stop(pool)
    assert time.monotonic() - started < 20
    assert all(not w.is_alive() for w in workers) and all(j.done() for j in jobs)


_A_SECOND_CTRL_C_WHILE_THE_TABLE_WRITER_CLEANS_UP = """
import os, signal, sys
from pathlib import Path
import claimwatch.columnar._table as table
real_stop = table.stop
def stop_after_a_second_ctrl_c(pool):
    os.kill(os.getpid(), signal.SIGINT)  # pressed again while the first is answered
    real_stop(pool)
table.stop = stop_after_a_second_ctrl_c
folder = Path(sys.argv[1])
try:
    with table.WorksTableWriter(folder / "works.parquet", processes=2):  # its parts' folder made
        raise KeyboardInterrupt  # the first Ctrl-C
except KeyboardInterrupt:
    print("KeyboardInterrupt")
print(sorted(p.name for p in folder.iterdir()))
"""


def test_a_second_ctrl_c_while_the_first_is_answered_leaves_no_parts_behind(tmp_path):
    """`check --engine duckdb` making a snapshot's columnar copy, Ctrl-C pressed twice (the
    second 10 ms after the first, as an impatient hand does): the second broke into the first's
    clean-up while it stopped the workers, and the temporary folder of parts was left in the
    cache (5 of 5 runs at 0.8 to 2.5 s into the copy of 8,000 real records), where one Ctrl-C
    leaves nothing. The clean-up holds Ctrl-C until it has run; the command still ends as
    interrupted."""
    done = subprocess.run(
        [sys.executable, "-c", _A_SECOND_CTRL_C_WHILE_THE_TABLE_WRITER_CLEANS_UP, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert done.stdout.splitlines() == ["KeyboardInterrupt", "[]"]
