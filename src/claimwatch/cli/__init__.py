"""The `claimwatch` command: a thin layer over the library.

Each command parses its options, calls one library function and prints. Errors a user can
cause (`ClaimwatchError`) are caught here, once, and printed one per line on stderr with the
error's exit code (2 bad input, 3 data source failure); an `OSError` the machine raises (a
full disk, no permission) is one line and 2 as well; anything else is a bug and stays a
traceback. Every line printed, on stdout or stderr, passes through one terminal sanitiser
(`options.sanitised_terminal`): no command prints an escape sequence from the text it shows.
"""

from __future__ import annotations

import contextlib
import os
import sys
import traceback

import click

from .._signals import sigterm_raises
from ..errors import ClaimwatchError
from ..files import is_utf8_text, shown_path
from . import authoring, check, collect, diff, evidence, init, lists, review
from .options import CommandLine, OutputClosed, answer_stop, sanitised_terminal

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=CommandLine, context_settings=CONTEXT)
@click.version_option(package_name="claimwatch", message="claimwatch %(version)s")
def cli() -> None:
    """Hold organisations' public assurances against the research record.

    Write a statement as claims (claims/*.yaml), gather evidence (OpenAlex snapshots,
    reference lists, curated records), and check which claims the data contradicts.

    Exit codes: 0 the command ran; 1 --fail-on matched; 2 bad input; 3 a data source failed; 130
    interrupted (Ctrl-C); 141 its output closed before it was all written (a reader such as
    `head` stopped reading), in place of 0 or 1 (check writes its reports before its summary); 143
    terminated (SIGTERM). A stopped command leaves nothing half-made.
    """


for module in (authoring, check, collect, diff, evidence, init, lists, review):
    module.register(cli)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code instead of raising SystemExit. Everything it
    prints, error lines included, passes through the one terminal sanitiser. SIGTERM ends it as
    Ctrl-C does (`claimwatch._signals`): what it was writing is removed, and it says so."""
    with sanitised_terminal(), sigterm_raises():
        try:
            return _run(argv)
        except Exception:  # a bug: its traceback is printed, through the sanitiser like every line
            traceback.print_exc()
            return 1


def _run(argv: list[str] | None) -> int:
    try:
        # Without standalone mode click returns an Exit's code (e.g. check --fail-on) instead of exiting.
        args = list(sys.argv[1:] if argv is None else argv)
        if unreadable := _not_utf8(args):
            _tell(f"claimwatch: {shown_path(unreadable)}: {NOT_UTF8_ARGUMENT}")
            return 2
        code = cli.main(args=args, prog_name="claimwatch", standalone_mode=False)
    except OutputClosed:
        return _output_closed()
    except ClaimwatchError as e:
        _tell(*e.lines())
        return e.exit_code
    except click.exceptions.Exit as e:
        return e.exit_code
    except click.UsageError as e:  # one line, as every other error: the command, what is wrong, where help is
        command = e.ctx.command_path if e.ctx else "claimwatch"
        _tell(f"{command}: {e.format_message()} (see {command} --help)")
        return 2
    except click.ClickException as e:
        with contextlib.suppress(BrokenPipeError):
            e.show()
        return 2
    except click.exceptions.Abort as e:  # click's word for a KeyboardInterrupt
        return answer_stop(e.__cause__)
    except KeyboardInterrupt as e:
        return answer_stop(e)
    except BrokenPipeError:  # e.g. `claimwatch show claims/ | head`, where click did not see it
        return _output_closed()
    except OSError as e:  # the machine, not claimwatch: a full disk, a vanished folder, no permission
        where = f"{e.filename}: " if e.filename else ""
        _tell(f"claimwatch: {where}{e.strerror or e}")
        return 2
    except Exception as e:
        # A library that turns a Ctrl-C into an error of its own: DuckDB answers one during a
        # query with RuntimeError("Query interrupted"), raised from the KeyboardInterrupt.
        stop = _stop_behind(e)
        if stop is None:
            raise
        return answer_stop(stop)
    return code if isinstance(code, int) else 0


def _tell(*lines: str) -> None:
    """An error's lines on standard error; where its reader has closed it (`2>&1 | head -1`),
    they have nowhere to go, and the exit code alone tells the error."""
    with contextlib.suppress(BrokenPipeError):
        for line in lines:
            click.echo(line, err=True)


OUTPUT_CLOSED = 141
"""The exit of a command whose output a reader closed before it was all written: 128 + SIGPIPE,
as a shell gives a command that signal ended. Never 0: a check whose summary `head -1` cut may
have failed (--fail-on) or not have written its reports, and the pipeline's own exit cannot say."""


def _output_closed() -> int:
    """The command's answer to its reader closing the output: nothing more is said (the reader
    is gone, and the exit tells it) and, so that Python's last flush at exit fails on nothing,
    what is left unwritten goes to the null device, as the signal module's note on SIGPIPE does."""
    with contextlib.suppress(OSError, ValueError, AttributeError):  # not a real file (a test's capture)
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    return OUTPUT_CLOSED


NOT_UTF8_ARGUMENT = (
    "not UTF-8 text (a name written in another encoding?): claimwatch writes the paths it is given "
    "into UTF-8 manifests and reports, so rename it"
)


def _not_utf8(args: list[str]) -> str | None:
    """The first argument Python could read only with lone surrogates (bytes that are not
    UTF-8: a file name in another encoding), if any."""
    return next((arg for arg in args if not is_utf8_text(arg)), None)


def _stop_behind(error: BaseException) -> KeyboardInterrupt | None:
    """The Ctrl-C (or SIGTERM) an error was raised from, if any."""
    seen: set[int] = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return cause
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return None
