"""A Ctrl-C while the command is still importing its libraries is one line, as after."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

# Ctrl-C arrives while `import claimwatch` is under way (as its first heavy import starts), in a
# process that is the console script or a Python user's own program.
_CTRL_C_WHILE_IMPORTING = """
import os, signal, sys
sys.argv[0] = sys.argv[1]

class CtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == "claimwatch.claims":
            os.kill(os.getpid(), signal.SIGINT)
        return None

sys.meta_path.insert(0, CtrlC())
from claimwatch.cli import main
"""


@pytest.mark.parametrize("argv0", ["/usr/local/bin/claimwatch", "claimwatch"])
def test_ctrl_c_while_the_command_starts_is_one_line(argv0):
    done = subprocess.run(
        [sys.executable, "-c", _CTRL_C_WHILE_IMPORTING, argv0], capture_output=True, text=True, timeout=60
    )
    assert done.stderr == "claimwatch: interrupted\n"
    assert done.returncode == -signal.SIGINT  # Python ends the process as Ctrl-C ends it: 130 in a shell


def test_a_python_program_that_imports_claimwatch_keeps_its_own_ctrl_c():
    done = subprocess.run(
        [sys.executable, "-c", _CTRL_C_WHILE_IMPORTING, "screen.py"], capture_output=True, text=True, timeout=60
    )
    assert done.stderr.startswith("Traceback") and done.stderr.endswith("KeyboardInterrupt\n")
