"""Forked workers leave Ctrl-C to the parent, and making them leaves the parent as it was."""

from __future__ import annotations

import signal
import threading

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


def test_a_pool_made_from_another_thread_works_the_same():
    made: list[object] = []

    def make() -> None:
        with fork_pool(2) as pool:
            made.append(pool.apply(_signal_state))

    thread = threading.Thread(target=make)
    thread.start()
    thread.join(timeout=60)
    assert made == [(signal.SIG_IGN, False)]
