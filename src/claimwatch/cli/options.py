"""Options shared by several commands, so every command spells them the same way."""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import errno
import io
import math
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO, cast

import click

from .._http import redact
from .._signals import INTERRUPTED_EXIT, TERMINATED, TERMINATED_EXIT, Terminated
from .._startup import INTERRUPTED
from .._text import TerminalStream, json_for_stream, terminal_json
from ..errors import InputError, Problem
from ..files import LINKS_IN_A_LOOP, leads_round_in_a_loop
from ..project import find_root

ARGV_KEY = "claimwatch.argv"


class ExistingPath(click.Path):
    """A path that must be there (`click.Path(exists=True)`). A link on it that leads round in a
    loop (`ln -s c.yaml c.yaml` run in the wrong folder) is there, yet click said "Path 'c.yaml'
    does not exist", sending the analyst looking for a file they can see: it is said as the
    output guard and a folder's reader say it."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(exists=True, **kwargs)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str | os.PathLike) and leads_round_in_a_loop(Path(value)):
            raise InputError(Problem(os.fspath(value), 0, 0, LINKS_IN_A_LOOP))
        return super().convert(value, param, ctx)


@contextlib.contextmanager
def sanitised_terminal() -> Iterator[None]:
    """Every line a command prints, on stdout and stderr, passes through one sanitiser
    (`claimwatch._text.terminal_text`) while this is open: claim, list and manifest text and
    servers' answers reach the terminal as inert text, whichever command prints them and however
    (click.echo, print, a rich console without its own sanitiser). Opening it twice is harmless."""
    saved = sys.stdout, sys.stderr
    # A stream closed before Python started (`claimwatch ... >&-`) is None: every print failed
    # with AttributeError, a traceback. Printing to a closed stdout fails as on a full disk, one
    # line; with stderr closed that line has nowhere to go, but the exit code still tells it.
    closed = sys.stdout is None
    if closed:
        sys.stdout = cast(TextIO, ClosedStream())
    if sys.stderr is None:
        sys.stderr = cast(TextIO, ClosedStream(said_nowhere=True))
    if not isinstance(sys.stdout, TerminalStream):
        # Closed, it says so in its own words; open, a write failing names it (`> /dev/full`).
        sys.stdout = TerminalStream(sys.stdout, None if closed else "the standard output")
    if not isinstance(sys.stderr, TerminalStream):
        sys.stderr = TerminalStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


class ClosedStream(io.TextIOBase):
    """A standard stream closed before the command started. Standard output: each write fails,
    as a write to a closed file descriptor does (EBADF), saying so in words the error line can
    show. Standard error (`said_nowhere`): what is written is dropped, there being nowhere to say it."""

    encoding = "utf-8"

    def __init__(self, said_nowhere: bool = False):
        super().__init__()
        self.said_nowhere = said_nowhere

    def write(self, text: str) -> int:
        if not text or self.said_nowhere:
            return len(text)
        raise OSError(
            errno.EBADF, "standard output is closed, so nothing could be printed: give it a file or /dev/null"
        )

    def isatty(self) -> bool:
        return False


class OutputClosed(Exception):
    """The reader of standard output closed it before the command had written all it says
    (`claimwatch check ... | head -1`). Raised from the BrokenPipeError in place of it: click
    answers that error itself by exiting 1, which --fail-on's 1 could not be told from."""


class CommandLine(click.Group):
    """The `claimwatch` group. It keeps the arguments exactly as given, however it was called
    (the console script, `main([...])`, click's test runner), so that every command records the
    same command line: in reports' reproducibility footers and in snapshot manifests."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        given = list(args)  # parsing consumes `args`
        try:
            ctx = super().make_context(info_name, args, parent=parent, **extra)
        except BrokenPipeError as e:  # --help or --version, printed while parsing
            raise OutputClosed() from e
        ctx.meta[ARGV_KEY] = given
        return ctx

    def invoke(self, ctx: click.Context) -> Any:
        # `main()` opens it already; this covers a caller that runs the group itself (CliRunner).
        with sanitised_terminal():
            try:
                return super().invoke(ctx)
            except Terminated as e:  # answered here: click would print a blank line first, as for Ctrl-C's ^C
                raise click.exceptions.Exit(answer_stop(e)) from None
            except BrokenPipeError as e:
                raise OutputClosed() from e


def echo_json(text: str) -> None:
    """Print JSON text on standard output, inert on a terminal (`terminal_json`) and whole on a
    stream whose encoding lacks some of its characters (`json_for_stream`)."""
    click.echo(json_for_stream(terminal_json(text), getattr(sys.stdout, "encoding", None)))


def answer_stop(how: BaseException | None) -> int:
    """Ctrl-C, or SIGTERM (`Terminated`): one line, and the exit status a shell gives a process
    either ends."""
    if isinstance(how, Terminated):
        click.echo(TERMINATED, err=True)
        return TERMINATED_EXIT
    click.echo(INTERRUPTED, err=True)
    return INTERRUPTED_EXIT


def recorded_command() -> list[str]:
    """The running command line, from the program name on, as the user typed it, with any
    secret an argument carries (a URL's password, a key in a query) shown as `***`: it goes
    into manifests and reports."""
    return ["claimwatch", *(redact(arg) for arg in click.get_current_context().meta.get(ARGV_KEY, []))]


lists_option = click.option(
    "--lists",
    "lists_dirs",
    multiple=True,
    type=click.Path(file_okay=False),
    help="Another folder of list files (ID.yaml), searched after evidence/lists/. Repeatable.",
)


def _root(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    """--root as given; else the case found upward, relative to the working directory (".",
    "..", ...) so that the paths reports and errors show stay relative as today; else "."."""
    if value is not None:
        return value
    found = find_root()
    return os.path.relpath(found) if found else "."


root_option = click.option(
    "--root",
    type=click.Path(file_okay=False),
    default=None,
    callback=_root,
    help="Project root: where claims/topics/ and evidence/lists/ are found.  [default: the nearest folder "
    "holding claimwatch.toml, from the working directory upward; else the working directory]",
)


MAX_TIMEOUT = 3600.0  # an hour of silence from a server: any longer is no timeout at all
MAX_WAIT = 86400.0


class Day(click.DateTime):
    """A day written YYYY-MM-DD. One the calendar has not ("2024-02-30", "2025-13-01") is said
    so, where click said "'2024-02-30' does not match the format '%Y-%m-%d'", which it does, and
    the user looked for a typo in the form."""

    def __init__(self) -> None:
        super().__init__(["%Y-%m-%d"])

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and (written := _DAY_WRITTEN.fullmatch(value)):
            year, month, day = (int(part) for part in written.groups())
            if not 1 <= month <= 12:
                self.fail(f"{value!r} is no day: there is no month {month}", param, ctx)
            # The month's length worked out first: read inside the comparison, a day of 0 left it unset.
            days = calendar.monthrange(year, month)[1] if year >= dt.MINYEAR else 31
            if year >= dt.MINYEAR and not 1 <= day <= days:
                self.fail(f"{value!r} is no day: {calendar.month_name[month]} {year} has {days} days", param, ctx)
        return super().convert(value, param, ctx)


_DAY_WRITTEN = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


class Seconds(click.FloatRange):
    """A number of seconds within bounds; "inf" and "nan" are no number of seconds (one would
    overflow the clock, the other pass every comparison)."""

    name = "seconds"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        seconds = super().convert(value, param, ctx)
        if not math.isfinite(seconds):
            self.fail(f"{value!r} is not a number of seconds", param, ctx)
        return seconds
