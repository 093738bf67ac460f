"""A Ctrl-C while the `claimwatch` command is still importing its libraries is one line too.

Python spends a second or two importing claimwatch and what it uses (pydantic, spaCy, DuckDB)
before `cli.main` runs and can answer Ctrl-C; one pressed meanwhile ended in the interpreter's
own traceback. The package's first import installs an `excepthook` that answers it in one line
instead, in the command's process alone: a Python program that imports claimwatch keeps its
own. Python still ends the process as Ctrl-C ends it (exit status 130 in a shell)."""

from __future__ import annotations

import os
import sys
from types import TracebackType

INTERRUPTED = "claimwatch: interrupted"


def is_the_command() -> bool:
    """Whether this process is the `claimwatch` command (its console script, however the
    installer named it: claimwatch, claimwatch.exe, claimwatch-script.py)."""
    argv: list[str] = getattr(sys, "argv", None) or [""]
    name = os.path.basename(argv[0]).split(".")[0].removesuffix("-script")
    return name == "claimwatch"


def answer_ctrl_c_in_one_line() -> None:
    if not is_the_command():
        return
    previous = sys.excepthook

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.stderr.write(INTERRUPTED + "\n")
        else:
            previous(kind, value, tb)

    sys.excepthook = hook
