"""The `claimwatch` command: a thin layer over the library.

Each command parses its options, calls one library function and prints. Errors a user can
cause (`ClaimwatchError`) are caught here, once, and printed one per line on stderr with the
error's exit code (2 bad input, 3 data source failure); an `OSError` the machine raises (a
full disk, no permission) is one line and 2 as well; anything else is a bug and stays a
traceback. Every line printed, on stdout or stderr, passes through one terminal sanitiser
(`options.sanitised_terminal`): no command prints an escape sequence from the text it shows.
"""

from __future__ import annotations

import sys
import traceback

import click

from .._signals import sigterm_raises
from ..errors import ClaimwatchError
from ..files import is_utf8_text, shown_path
from . import authoring, check, collect, diff, evidence, init, lists, review
from .options import CommandLine, answer_stop, sanitised_terminal

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=CommandLine, context_settings=CONTEXT)
@click.version_option(package_name="claimwatch", message="claimwatch %(version)s")
def cli() -> None:
    """Hold organisations' public assurances against the research record.

    Write a statement as claims (claims/*.yaml), gather evidence (OpenAlex snapshots,
    reference lists, curated records), and check which claims the data contradicts.

    Exit codes: 0 the command ran; 1 --fail-on matched; 2 bad input; 3 a data source failed; 130
    interrupted (Ctrl-C); 143 terminated (SIGTERM). A stopped command leaves nothing half-made.
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
            click.echo(f"claimwatch: {shown_path(unreadable)}: {NOT_UTF8_ARGUMENT}", err=True)
            return 2
        code = cli.main(args=args, prog_name="claimwatch", standalone_mode=False)
    except ClaimwatchError as e:
        for line in e.lines():
            click.echo(line, err=True)
        return e.exit_code
    except click.exceptions.Exit as e:
        return e.exit_code
    except click.UsageError as e:  # one line, as every other error: the command, what is wrong, where help is
        command = e.ctx.command_path if e.ctx else "claimwatch"
        click.echo(f"{command}: {e.format_message()} (see {command} --help)", err=True)
        return 2
    except click.ClickException as e:
        e.show()
        return 2
    except click.exceptions.Abort as e:  # click's word for a KeyboardInterrupt
        return answer_stop(e.__cause__)
    except KeyboardInterrupt as e:
        return answer_stop(e)
    except BrokenPipeError:  # e.g. `claimwatch show claims/ | head`
        sys.stderr.close()
        return 0
    except OSError as e:  # the machine, not claimwatch: a full disk, a vanished folder, no permission
        where = f"{e.filename}: " if e.filename else ""
        click.echo(f"claimwatch: {where}{e.strerror or e}", err=True)
        return 2
    except Exception as e:
        # A library that turns a Ctrl-C into an error of its own: DuckDB answers one during a
        # query with RuntimeError("Query interrupted"), raised from the KeyboardInterrupt.
        stop = _stop_behind(e)
        if stop is None:
            raise
        return answer_stop(stop)
    return code if isinstance(code, int) else 0


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
