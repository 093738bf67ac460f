"""claimwatch collect | resolve: gathering evidence from OpenAlex."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from click.core import ParameterSource
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .. import claims as claims_mod
from .. import openalex
from .._signals import INTERRUPTED_EXIT, TERMINATED_EXIT, Terminated
from .._text import one_line, printable, raw_stream
from ..coverage import describe as describe_coverage
from ..coverage import describe_authors
from ..errors import InputError, Problem
from ..openalex._client import NO_KEY_WARNING
from ..reports.terminal import terminal_console
from ..validate import counted
from .options import MAX_TIMEOUT, MAX_WAIT, ExistingPath, Seconds, echo_json, lists_option, root_option

F = TypeVar("F", bound=Callable[..., Any])


def openalex_options(fn: F) -> F:
    """Where OpenAlex is and how patiently to ask it; the same flags on every OpenAlex command."""
    options = [
        click.option(
            "--openalex-url",
            envvar="CLAIMWATCH_OPENALEX_URL",
            metavar="URL",
            help="Send every request here instead of https://api.openalex.org (a mirror or a "
            "test server). Also read from CLAIMWATCH_OPENALEX_URL.",
        ),
        click.option(
            "--timeout",
            type=Seconds(0.01, MAX_TIMEOUT),
            default=60.0,
            show_default=True,
            help="Seconds to wait for an answer (connecting: at most 10). One answer, however "
            "steadily it comes, is cut off after this plus the connecting time, and refused past 64 MiB.",
        ),
        click.option(
            "--retries",
            type=click.IntRange(min=0),
            default=5,
            show_default=True,
            help="Retries per request, after the first try, on HTTP 429 and 5xx (but 501 and 505), "
            "a dropped, reset or refused connection, a timeout or a truncated answer; never when "
            "the host name does not resolve.",
        ),
        click.option(
            "--backoff",
            type=Seconds(0, MAX_WAIT),
            default=1.0,
            show_default=True,
            help="Seconds before the first retry, doubled each time; a longer Retry-After wins.",
        ),
        click.option(
            "--max-wait",
            type=Seconds(0, MAX_WAIT),
            default=300.0,
            show_default=True,
            help="Give up when retrying would take the total time spent waiting past this many seconds.",
        ),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _client(
    openalex_url: str | None, timeout: float, retries: int, backoff: float, max_wait: float
) -> openalex.OpenAlexClient:
    return openalex.OpenAlexClient.from_env(
        openalex_url,
        connect_timeout=min(10.0, timeout),
        read_timeout=timeout,
        retries=retries,
        backoff=backoff,
        max_wait=max_wait,
    )


Task = openalex.Query | openalex.AuthorsTask


class ProgressBar:
    """Records so far out of OpenAlex's count, one bar per query and one for the author
    records, drawn by rich on stderr."""

    def __init__(self, enabled: bool, console: Console | None = None):
        self.enabled = enabled
        self._bar = Progress(
            TextColumn("{task.description}", markup=False),  # a label is text, never markup
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("records"),
            TimeElapsedColumn(),
            console=console or terminal_console(stderr=True),  # draws on the terminal, text sanitised
            disable=not enabled,
        )
        self._tasks: dict[Task, Any] = {}

    def __enter__(self) -> ProgressBar:
        self._bar.start()
        return self

    def __exit__(self, *_: Any) -> None:
        self._bar.stop()

    def query_started(self, query: Task, total: int | None) -> None:
        if query in self._tasks:
            self._bar.update(self._tasks[query], total=total)
        else:
            self._tasks[query] = self._bar.add_task(query.label, total=total)

    def advanced(self, query: Task, records: int) -> None:
        self._bar.advance(self._tasks[query], records)

    def note(self, message: str) -> None:
        if self.enabled:  # above the bar, unwrapped
            self._bar.console.print(message, markup=False, highlight=False, soft_wrap=True)
        else:
            click.echo(message, err=True)


@click.command("collect")
@click.argument("claim_paths", metavar="[CLAIMS]...", nargs=-1, type=ExistingPath())
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    help="Snapshot folder to write; an earlier snapshot there is replaced only when the run succeeds.",
)
@click.option(
    "--update",
    "update_dir",
    type=ExistingPath(file_okay=False),
    metavar="DIR",
    help="Refresh this snapshot with the works updated since it was taken (no CLAIMS, no --out).",
)
@openalex_options
@click.option(
    "--subject-may-be-empty",
    is_flag=True,
    help="Record complete coverage for a subject even where OpenAlex gives no work of it in the "
    "period. Without it such a subject is left out of the coverage, with a warning: no works is "
    "more often a wrong id than a silent institution.",
)
@click.option(
    "--no-authors",
    is_flag=True,
    help="Gather no author records: the snapshot then holds works only, and claims about people "
    "(authors:) find no evidence in it. Saves ceil(N/100) requests for N distinct authors.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, and no warning that OPENALEX_API_KEY is not set.")
@lists_option
@root_option
def collect_cmd(
    claim_paths: tuple[str, ...],
    out: str | None,
    update_dir: str | None,
    openalex_url: str | None,
    timeout: float,
    retries: int,
    backoff: float,
    max_wait: float,
    subject_may_be_empty: bool,
    no_authors: bool,
    quiet: bool,
    lists_dirs: tuple[str, ...],
    root: str,
) -> None:
    """Gather from OpenAlex the works CLAIMS need (files or folders; default: the case's claims/
    folder), and their authors' records, into a snapshot.

    One query per subject (its OpenAlex ids, through institution lineage) over the union of its
    claims' periods; cursor paging at 200 a page, with no 10,000 cap; works whose author list
    OpenAlex cut at 100 are fetched alone. The snapshot's coverage is complete for those
    subjects and that period, as of the time of retrieval, with two limits: a subject OpenAlex
    gives no work of is left out of it (with a warning) unless --subject-may-be-empty, and
    OpenAlex's filters see only a work's first 100 authorships, so a work whose authors from
    the subject all stand further down is not found (the coverage note says so).

    Then the author record of every distinct author on those works (their affiliations with
    publication years, which are not employment dates): 100 ids a request, so N authors cost
    ceil(N/100) requests; --no-authors skips them. An update asks for all of them again.

    A cursor that does not end within the pages OpenAlex's count allows (or repeats, or brings
    no new work) stops the run with one line.

    OPENALEX_API_KEY and OPENALEX_EMAIL are read from the environment (surrounding whitespace
    dropped, such as the carriage return a .env file with Windows line endings leaves) and never
    written anywhere, nor sent to another host on a redirect. A failure exits 3 with one line and writes
    nothing; a stop writes nothing either, and exits 130 (Ctrl-C) or 143 (SIGTERM) as every command does.

    Example:

    \b
        OPENALEX_API_KEY=... claimwatch collect claims/microsoft-msra-2024.yaml --out evidence/snapshots/msra
        claimwatch collect --update evidence/snapshots/msra
    """
    if update_dir and (claim_paths or out):
        raise click.UsageError("--update refreshes DIR with its own queries: give no CLAIMS and no --out")
    if not update_dir and not out:
        raise click.UsageError("give --out DIR (and CLAIMS, else the case's claims/ folder), or --update DIR")
    target = update_dir or out
    assert target is not None
    command = ["claimwatch", "collect", *(["--update", update_dir] if update_dir else [*claim_paths, "--out", out])]
    if subject_may_be_empty:
        command.append("--subject-may-be-empty")
    if no_authors:
        command.append("--no-authors")
    given = click.get_current_context().get_parameter_source
    if given("openalex_url") == ParameterSource.COMMANDLINE:
        command += ["--openalex-url", openalex_url]  # as typed; the manifest's `api` says where it went
    if not update_dir and not claim_paths and given("root") == ParameterSource.COMMANDLINE:
        command += ["--root", root]  # the case whose claims/ folder was read, where no CLAIMS were given
    client = _client(openalex_url, timeout, retries, backoff, max_wait)
    if client.api_key is None and not quiet:  # said before any request, not after the allowance is spent
        click.echo(f"warning: {NO_KEY_WARNING}", err=True)
    # stderr is the command line's sanitising stream; whether to draw a bar is the terminal's call.
    bar = ProgressBar(enabled=not quiet and raw_stream(sys.stderr).isatty())
    try:
        with client, bar:
            if update_dir:
                result = openalex.update(
                    update_dir,
                    client=client,
                    progress=bar,
                    command=command,
                    subjects_may_be_empty=subject_may_be_empty,
                    authors=not no_authors,
                )
            else:
                # With no claim files given, the case's own, as `check` reads: <root>/claims.
                claim_set = claims_mod.load_claims(
                    claim_paths or (str(Path(root) / "claims"),), root=root, lists=lists_dirs
                )
                for subject in openalex.subjects_without_ids(claim_set):
                    bar.note(
                        f"subject '{subject.id}' ({subject.name}) has no OpenAlex ids: not collected "
                        f'(`claimwatch resolve "{subject.name}"` finds them)'
                    )
                result = openalex.collect(
                    openalex.plan(claim_set),
                    target,
                    client=client,
                    progress=bar,
                    command=command,
                    subjects_may_be_empty=subject_may_be_empty,
                    authors=not no_authors,
                )
    except KeyboardInterrupt as e:  # a stop, not a failure of the source: the exit every command gives it
        terminated = isinstance(e, Terminated)
        how = "terminated (SIGTERM)" if terminated else "interrupted (Ctrl-C)"
        click.echo(f"{how}; {one_line(str(target))} left unchanged", err=True)
        raise click.exceptions.Exit(TERMINATED_EXIT if terminated else INTERRUPTED_EXIT) from None
    for note in result.notes:  # a fallback was said as it happened; these come at the end
        click.echo(f"note: {one_line(note)}", err=True)
    for warning in result.warnings:
        click.echo(f"warning: {one_line(warning)}", err=True)
    for origin, answers in sorted(client.elsewhere.items()):
        click.echo(
            f"warning: {answers} answer{'s' if answers != 1 else ''} came from {one_line(origin)}, where "
            f"{client.redact(client.base_url)} redirected (sent no key or e-mail); the manifest's "
            "api_redirected_to says so",
            err=True,
        )
    m = result.manifest
    authors = f" and {m.authors.records} author records" if m.authors else ""
    click.echo(
        f"wrote {one_line(str(result.out))}: {m.records} works{authors} from {len(m.queries)} "
        f"{'query' if len(m.queries) == 1 else 'queries'} ({counted(result.requests, 'request')}, {counted(result.retries, 'retry', 'retries')}); "
        f"coverage {printable(describe_coverage(m.coverage))}"
    )
    if m.authors:
        click.echo(f"authors: {printable(describe_authors(m.authors.coverage))}")


@click.command("resolve")
@click.argument("name", required=False)
@click.option("--ror", metavar="ID", help="Look up the institution with this ROR id instead of searching by name.")
@click.option("--limit", type=click.IntRange(1, 200), default=10, show_default=True, help="Most hits to show.")
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON.")
@openalex_options
def resolve_cmd(
    name: str | None,
    ror: str | None,
    limit: int,
    as_json: bool,
    openalex_url: str | None,
    timeout: float,
    retries: int,
    backoff: float,
    max_wait: float,
) -> None:
    """Find OpenAlex institutions by name, or by ROR id, to fill in a subject's or a list entry's ids.

    Each hit prints its OpenAlex id, ROR, country, works count, name and lineage (itself, then
    the institutions it belongs to: a works query on an id also finds the works of everything
    whose lineage holds it).

    Example:

    \b
        claimwatch resolve "Microsoft Research Asia"
        claimwatch resolve --ror 00d0nc645
    """
    if bool(name) == bool(ror):
        raise click.UsageError("give a NAME to search for, or --ror ID")
    with _client(openalex_url, timeout, retries, backoff, max_wait) as client:
        if ror:
            hit = openalex.resolve_ror(ror, client=client)
            if hit is None:  # named with the address asked: a mistyped --openalex-url answers 404 too
                asked = client.redact(client.last_url)
                raise InputError(
                    Problem("--ror", 0, 0, f"OpenAlex has no institution with ROR {ror} (404 for GET {asked})")
                )
            hits = [hit]
        else:
            hits = openalex.resolve(name or "", client=client, limit=limit, note=lambda s: click.echo(s, err=True))
    if as_json:
        echo_json(json.dumps([h.as_json() for h in hits], indent=2, ensure_ascii=False))
        return
    if not hits:
        click.echo(f"no OpenAlex institution matches '{name}'", err=True)
        return
    click.echo(f"{'id':<12} {'ror':<10} {'country':<7} {'works':>10}  name  [lineage]")
    for h in hits:
        works = f"{h.works_count:,}" if h.works_count is not None else "-"
        line = f"{h.id:<12} {h.ror or '-':<10} {h.country or '-':<7} {works:>10}  {h.name}  [{' > '.join(h.lineage)}]"
        click.echo(one_line(line))  # a server's answer: one institution a line, whatever its name holds


def register(cli: click.Group) -> None:
    """Adds the collect and resolve commands."""
    cli.add_command(collect_cmd)
    cli.add_command(resolve_cmd)
