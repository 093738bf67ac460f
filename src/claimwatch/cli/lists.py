"""claimwatch lists ...: reference lists from the command line."""

from __future__ import annotations

import datetime as dt
import json
import re

import click
from click.core import ParameterSource

from .. import countries
from .. import lists as lists_mod
from .._text import one_line
from ..documents import country_problem
from ..evaluate import fold, namesake_of
from ..files import refuse_unsafe_outputs
from ..validate import counted
from .options import MAX_TIMEOUT, MAX_WAIT, Day, Seconds, echo_json, lists_option, root_option


@click.group("lists")
def lists_group() -> None:
    """Show, import, fetch and compare reference lists."""


@lists_group.command("show")
@click.argument("list_id")
@lists_option
@root_option
def show_cmd(list_id: str, lists_dirs: tuple[str, ...], root: str) -> None:
    """Print a list: its sources and every entry with ids, listing date, citation and doubts, and
    the institutions the source names under it (an author at one is a doubt about the entry).

    LIST_ID is a list's id (found in evidence/lists/ and --lists folders) or a path to a list file.

    Example:

        claimwatch lists show us-entity-list
    """
    rl = lists_mod.find_list(list_id, root=root, dirs=lists_dirs)
    # A list file is untrusted: each of its values stays on the line it is printed on.
    click.echo(one_line(f"{rl.id}: {rl.name} ({len(rl.entries)} entries)  [{rl.path}]"))
    for s in rl.sources:
        click.echo(
            one_line(
                f"  source: {s.title}" + (f", {s.publisher}" if s.publisher else "") + (f" <{s.url}>" if s.url else "")
            )
        )
    read_on = rl.read_on
    for e in rl.entries:
        ids = ", ".join([*(f"openalex {i}" for i in e.openalex), *(f"ror {r}" for r in e.ror)]) or "no ids"
        listed = (
            f"listed {lists_mod.listed_from_said(e.listed_from, read_on)}" if e.listed_from else "listing date unknown"
        )
        if e.several_listings:  # each period, the last one's end said as for one listing
            last = e.listings[-1]
            again = lists_mod.periods_said([lists_mod.Listing(start=last.start, end=None)], read_on)
            listed = f"listed {lists_mod.periods_said(e.listings[:-1], read_on)}, and again {again}"
        if e.listed_from and e.listed_from_unread:
            listed += f" or perhaps earlier, on a day given as {e.listed_from_unread!r}"
        if e.listed_to:  # an end after the list was read (a denial order's expiry) has not come
            listed += f", {lists_mod.listed_to_said(e.listed_to, read_on)}"
        elif e.listed_to_unread:
            listed += f", taken off on a day given as {e.listed_to_unread!r}"
        cite = f", {e.citation}" if e.citation else ""
        doubt = "" if e.verified else "  [not confirmed]"
        click.echo(one_line(f"  - {e.name} ({ids}; {listed}{cite}){doubt}"))
        if e.aliases:
            click.echo(one_line(f"      aka {'; '.join(e.aliases)}"))
        # An alias a sourced file says another body bears: an author found by it alone is a doubt.
        for alias in e.aliases:
            if (other := namesake_of(alias)) and fold(alias) != fold(e.name):  # as the matcher reads it
                when = f"where the text names {' or '.join(other.places)}" if other.only_in_its_places else "alone"
                click.echo(
                    one_line(f"      {alias!r} is also another body's name (a doubt {when}): {other.described()}")
                )
        if e.may_be_a_person:  # a doubt on every author found at the entry, as `verified: false` is
            click.echo(one_line(f"      may name a person, not an organisation (a doubt): {e.may_be_a_person}"))
        # Named under the entry by the source, not the entry: an author at one is a doubt.
        for r in e.related:
            click.echo(one_line(f"      under it (a doubt, not the entry): {lists_mod.describe_related(r)}"))


out_option = click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False),
    help="List file to write (LIST.yaml), replaced atomically where an import wrote it (never a list written "
    "by hand); its name is the list's id.",
)
id_option = click.option(
    "--id", "list_id", metavar="ID", help="The list's id (default: the --out file's name without .yaml)."
)
name_option = click.option("--name", "list_name", metavar="TEXT", help="The list's name (default: from the source).")


def _retrieved(ctx: click.Context, param: click.Parameter, value: dt.datetime | None) -> dt.date | None:
    """The day a file was downloaded: never after today, which would say a listing period still
    running (a denial order's expiry in 2056, the day mistyped 2205) as ended."""
    if value is None:
        return None
    if value.date() > dt.date.today():
        raise click.BadParameter(
            f"{value.date()} is after today ({dt.date.today()}): give the day the file was downloaded"
        )
    return value.date()


retrieved_option = click.option(
    "--retrieved",
    type=Day(),
    metavar="YYYY-MM-DD",
    callback=_retrieved,
    help="The day the file was downloaded from its publisher (not after today), kept as the list "
    "source's retrieved: a listing period ending after it is said as not ended, and one starting "
    "after it as not begun (without it, a last period's end is said as not known to have come).",
)
source_option = click.option(
    "--source",
    metavar="LIST",
    help='Keep one source list: its full name or the abbreviation in parentheses (e.g. "EL" for '
    '"Entity List (EL) - Bureau of Industry and Security").',
)


def _country(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"[A-Za-z]{2}", value.strip()):
        raise click.BadParameter(f"'{value}' is not a two-letter ISO country code (e.g. CN)")
    if value is not None and value.strip().upper() not in countries.CODES:  # UK for GB: no entry has it
        raise click.BadParameter(country_problem(value.strip().upper()))
    return value.strip().upper() if value else None


country_option = click.option(
    "--country",
    metavar="CC",
    callback=_country,
    help="Keep entries with an address in this country (ISO code, e.g. CN).",
)


def _records(imported: dict) -> str:
    read = imported.get("records_read")
    return counted(read, "record") if isinstance(read, int) else "? records"


def _wrote(rl: lists_mod.ReferenceList, out: str) -> None:
    imported = rl.imported or {}
    click.echo(
        f"wrote {one_line(out)}: list '{rl.id}', {counted(len(rl.entries), 'entry', 'entries')} kept of {_records(imported)}"
    )
    # What the import noticed (a repeated header, merged records, an older layout) is in the
    # list file; say it here too, so no one has to open the file to learn of it.
    source = imported.get("file", out)
    for note in imported.get("notes", ()):
        click.echo(one_line(f"note: {source}: {note}"), err=True)


@lists_group.group("import")
def import_group() -> None:
    """Make a list file from a source's own file (ASPI tracker, Consolidated Screening List)."""


@import_group.command("aspi")
@click.argument("file", type=click.Path(dir_okay=False))
@out_option
@click.option(
    "--category",
    "categories",
    multiple=True,
    metavar="NAME",
    help='Keep entries in this category (e.g. "Seven sons of national defence"). Repeatable.',
)
@id_option
@name_option
@retrieved_option
def import_aspi_cmd(
    file: str,
    out: str,
    categories: tuple[str, ...],
    list_id: str | None,
    list_name: str | None,
    retrieved: dt.date | None,
) -> None:
    """Import the ASPI China Defence Universities Tracker (its MISP galaxy file) as a list.

    Keeps each entry's name (the English part of the MISP value), aliases (the Chinese name
    too), categories, supervising agencies, address and reference URLs. The tracker gives no
    listing dates, so listed_from is null.

    Example:

    \b
        claimwatch lists import aspi china-defence-universities.json \\
            --out evidence/lists/seven-sons-aspi.yaml --category "Seven sons of national defence"
    """
    refuse_unsafe_outputs({"--out": out}, [("source file", file)])
    lists_mod.check_list_destination(out)
    document = lists_mod.import_aspi(
        file,
        list_id=list_id or lists_mod.list_id_for(out),
        name=list_name,
        categories=categories,
        retrieved=retrieved,
    )
    _wrote(lists_mod.write_list_yaml(document, out), out)


@import_group.command("csl")
@click.argument("file", type=click.Path(dir_okay=False))
@out_option
@source_option
@country_option
@id_option
@name_option
@retrieved_option
def import_csl_cmd(
    file: str,
    out: str,
    source: str | None,
    country: str | None,
    list_id: str | None,
    list_name: str | None,
    retrieved: dt.date | None,
) -> None:
    """Import the trade.gov Consolidated Screening List (JSON, CSV or TSV) as a list.

    Keeps organisations (records typed Entity, and the untyped records of the BIS and State
    Department lists) from every source unless --source picks one. alt_names become aliases,
    start_date listed_from, end_date listed_to, federal_register_notice the citation (as given).
    An entity on several source lists (the same _id) is one entry naming them all; a repeated
    header row is skipped and the older layout without _id is read; each is noted. An untyped
    entity giving a date or place of birth or a citizenship, or whose every name is written as
    a person's name would be, is kept and marked may_be_a_person (an author found at it is a
    doubt, never a match); the notes name each, and each record starting after --retrieved.

    Example:

    \b
        claimwatch lists import csl consolidated.json --out evidence/lists/csl-entity-list-cn.yaml \\
            --source EL --country CN
    """
    refuse_unsafe_outputs({"--out": out}, [("source file", file)])
    lists_mod.check_list_destination(out)
    document = lists_mod.import_csl(
        file,
        list_id=list_id or lists_mod.list_id_for(out),
        name=list_name,
        source=source,
        country=country,
        retrieved=retrieved,
    )
    _wrote(lists_mod.write_list_yaml(document, out), out)


@lists_group.group("fetch")
def fetch_group() -> None:
    """Download a list from its publisher and import it."""


@fetch_group.command("csl")
@out_option
@click.option(
    "--url",
    default=lists_mod.CSL_JSON_URL,
    show_default=True,
    help="Where to download the Consolidated Screening List (JSON, CSV or TSV).",
)
@source_option
@country_option
@id_option
@name_option
@click.option(
    "--retries",
    type=click.IntRange(0, 19),
    default=lists_mod.FetchPolicy.attempts - 1,
    show_default=True,
    help="Retries after the first try, on HTTP 429 and 5xx (but 501 and 505), a dropped, reset or "
    "refused connection, a timeout or a truncated download.",
)
@click.option(
    "--attempts",
    type=click.IntRange(1, 20),
    hidden=True,
    help="The first try and its retries (the older spelling: --attempts N is --retries N-1).",
)
@click.option(
    "--max-wait",
    type=Seconds(0, MAX_WAIT),
    default=lists_mod.FetchPolicy.max_wait,
    show_default=True,
    metavar="SECONDS",
    help="Most time to spend waiting between tries, Retry-After included.",
)
@click.option(
    "--timeout",
    type=Seconds(0.1, MAX_TIMEOUT),
    default=lists_mod.FetchPolicy.read_timeout,
    show_default=True,
    metavar="SECONDS",
    help="Longest silence from the server while reading.",
)
def fetch_csl_cmd(
    out: str,
    url: str,
    source: str | None,
    country: str | None,
    list_id: str | None,
    list_name: str | None,
    retries: int,
    attempts: int | None,
    max_wait: float,
    timeout: float,
) -> None:
    """Download the current Consolidated Screening List and import it as `lists import csl` does.

    The list's source records the URL and today's date. A failed download exits 3 with one
    line naming the URL and leaves an earlier --out file as it was.

    Example:

    \b
        claimwatch lists fetch csl --out evidence/lists/csl-entity-list-cn.yaml --source EL --country CN
    """
    if attempts is not None:
        if click.get_current_context().get_parameter_source("retries") == ParameterSource.COMMANDLINE:
            raise click.UsageError("give --retries or --attempts (the older spelling), not both")
        retries = attempts - 1
    policy = lists_mod.FetchPolicy(attempts=retries + 1, max_wait=max_wait, read_timeout=timeout)
    rl = lists_mod.fetch_csl(
        out, url=url, list_id=list_id, name=list_name, source=source, country=country, policy=policy
    )
    _wrote(rl, out)


@lists_group.command("diff")
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the differences as JSON.")
@click.option("--exit-code", is_flag=True, help="Exit 1 when anything changed (0 otherwise).")
def diff_cmd(old: str, new: str, as_json: bool, exit_code: bool) -> None:
    """Show what changed between two versions of a list file.

    Entries are matched by id (where the two share a name, an alias other than an acronym that
    no other entry gives, or the listing: an id given to another entity matches nothing, and the
    added entry says whose id it has), then by name, then by a former name (an entry renamed
    keeps its old name as an alias, and its listing date or the notice that listed it; an entry
    added under a removed one's name without either is said to carry it, and not paired); the
    report lists entries added and removed, and for the others changed dates (listed_from,
    listed_to, listings), citations, names and ids, country, confirmation, may_be_a_person and
    notes, aliases, OpenAlex or ROR ids, addresses, source lists, supervising agencies, programs
    or categories added or removed, and institutions named under it added, removed or changed. The files may have any
    names; two files of different list ids (but for two imports of one screening list with the
    same options) are compared all the same, with a note on stderr that they may be two lists.

    Example:

    \b
        claimwatch lists diff us-entity-list.old.yaml evidence/lists/us-entity-list.yaml --exit-code
    """
    diff = lists_mod.diff_lists(lists_mod.load_list_version(old), lists_mod.load_list_version(new))
    if said := lists_mod.two_lists_said(diff):
        click.echo(said, err=True)
    if as_json:
        echo_json(json.dumps(diff.to_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(lists_mod.format_diff(diff))
    if exit_code and diff.has_changes:
        raise click.exceptions.Exit(1)  # the comparison ran; the caller asked to hear of changes


def register(cli: click.Group) -> None:
    cli.add_command(lists_group)
