"""claimwatch evidence import | show: the evidence store from the command line."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from .. import evidence as store
from .._text import one_line, printable
from ..columnar import BulkPart, bulk_parts, refuse_claimwatch_snapshot
from ..coverage import describe as describe_coverage
from ..coverage import describe_authors
from ..errors import InputError, Problem
from ..reports.terminal import terminal_console
from ..validate import counted
from .options import Day, ExistingPath, echo_json, recorded_command


@click.group("evidence")
def evidence_group() -> None:
    """Make and inspect evidence snapshots."""


@evidence_group.command("import")
@click.argument("file", type=ExistingPath())
@click.option("--out", required=True, type=click.Path(), help="Snapshot folder to write (replaced atomically).")
@click.option(
    "--subject",
    "subjects",
    multiple=True,
    metavar="ID",
    help="OpenAlex institution id (I...) whose works the file holds completely, through "
    "lineage. Repeatable. Without it the snapshot declares no complete coverage.",
)
@click.option("--from", "start", type=Day(), help="First publication date covered.")
@click.option("--to", "end", type=Day(), help="Last publication date covered.")
@click.option(
    "--skip-invalid",
    is_flag=True,
    help="Skip malformed records (listed in the manifest) instead of refusing the file; a "
    "--subject's coverage is then not recorded as complete.",
)
@click.option(
    "--subject-may-be-empty",
    is_flag=True,
    help="Record complete coverage for a --subject even where the file holds none of its works in "
    "the period. Without it such a subject is left out of the coverage, with a warning: no works "
    "is more often a wrong id or a wrong file than a silent institution.",
)
def import_cmd(
    file: str,
    out: str,
    subjects: tuple[str, ...],
    start: dt.datetime | None,
    end: dt.datetime | None,
    skip_invalid: bool,
    subject_may_be_empty: bool,
) -> None:
    """Make a snapshot from OpenAlex work and author records you already have.

    FILE is JSON Lines of records (an API dump, the bulk snapshot's files), a saved API list
    response ({"meta": ..., "results": [...]}), a JSON array of records or one record;
    pretty-printed or not, optionally gzipped. FILE may also be the OpenAlex bulk snapshot's
    works folder (data/works/, its manifest and updated_date=.../part_NNN.gz files) or its
    published Parquet copy (a folder of .parquet files): each part is checked against the
    manifest, and each gzip part checked whole (its end and CRC-32), and filtered by --subject
    inside DuckDB (at least one is needed), a progress bar a part, and only the records that
    may be the subjects' are imported and checked. Parts no manifest counts (a Parquet copy, a
    folder without its manifest) are read, but a part missing could not be told, so coverage is
    then not recorded as complete; and another version of a work kept, which no longer names
    the subjects, is read too, so that the newest is kept. Work records (ids W...) and author records (ids
    A...) may share the file; authors go to the snapshot's authors file. Records are kept as
    given (one a line); duplicates (same id) collapse to the newest updated_date. A malformed
    record is refused with file:line and no snapshot is written, unless --skip-invalid.

    The snapshot's as-of, the day an open-ended claim is assessed to, is the newest
    updated_date among the records (among the works of the --subject institutions it covers,
    where the file holds any; unknown where none has one), never the day of the import.
    A --subject the file holds no work of in the period is not recorded as complete unless
    --subject-may-be-empty says it may have none; nor is one every work of which reaches it
    through the same one institution in its lineage (a lab's works declared for its parent).
    The author records are complete only where the works are and the file holds the record of
    every author on the covered works.

    Example:

    \b
        claimwatch evidence import msra-works.jsonl.gz --out evidence/snapshots/msra \\
            --subject I4210113369 --from 2024-01-10 --to 2025-06-30
        claimwatch evidence import api-page.json --out evidence/snapshots/page
        claimwatch evidence import openalex-snapshot/data/works --out evidence/snapshots/msra \\
            --subject I4210113369 --from 2024-01-10 --to 2025-06-30
    """
    options = {
        "institutions": subjects,
        "start": start.date() if start else None,
        "end": end.date() if end else None,
        "skip_invalid": skip_invalid,
        "subjects_may_be_empty": subject_may_be_empty,
        "command": recorded_command(),
    }
    store.check_destination(out, [file])  # before a byte is read: the input is never replaced
    if Path(file).is_dir():
        summary = _import_bulk(Path(file), out, subjects, options)
    else:
        summary = store.import_works(file, out, **options)  # type: ignore[arg-type]
    for warning in summary.warnings:
        click.echo(f"warning: {one_line(warning)}", err=True)
    m = summary.manifest
    if m.as_of is None:
        click.echo(f"note: as-of {m.as_of_basis}", err=True)
    # With author records beside them, the works are named as works.
    held = (
        f"{counted(summary.records, 'work')}, {counted(summary.authors, 'author record')}"
        if m.authors
        else counted(summary.records, "record")
    )
    click.echo(
        f"wrote {one_line(str(summary.out))}: {held}, "
        f"{counted(summary.duplicates_collapsed, 'duplicate')} collapsed, "
        f"{counted(summary.skipped, 'record')} skipped; as of {m.as_of or 'unknown'}; "
        f"coverage {printable(describe_coverage(m.coverage, _open_end(m.as_of)))}"
    )
    if m.authors:
        click.echo(f"authors: {printable(describe_authors(m.authors.coverage, _open_end(m.as_of)))}")
    if m.unordered_copies:
        click.echo(
            f"note: {counted(m.unordered_copies, 'work or author', 'works or authors')} kept as more than one "
            "record: copies of one day, or without an updated_date, whose order is unknown; a check weighs them all",
            err=True,
        )


def _import_bulk(folder: Path, out: str, subjects: tuple[str, ...], options: dict[str, Any]) -> store.ImportSummary:
    """The bulk snapshot's works folder, filtered by the subjects, with a progress bar a part."""
    refuse_claimwatch_snapshot(folder)  # what to do with a snapshot, before what a bulk folder needs
    # Listed once, before asking for a subject: a folder that is no bulk snapshot (saved pages,
    # ROR records) is said to be none, not told what a bulk folder needs.
    parts = bulk_parts(folder)  # the manifest read and every part's size checked
    if not subjects:
        raise click.UsageError(
            "a bulk snapshot folder is filtered by --subject: give at least one", ctx=click.get_current_context()
        )
    with _parts_progress(len(parts)) as advance:
        return store.import_bulk(folder, out, on_part=advance, parts=parts, **options)


@contextlib.contextmanager
def _parts_progress(total: int) -> Iterator[Callable[[BulkPart, int, int], None]]:
    """A progress bar on stderr, a part at a time, saying how many records each kept."""
    progress = Progress(
        TextColumn("{task.description}", markup=False),  # a part's file name is the download's: untrusted
        BarColumn(),
        MofNCompleteColumn(),
        console=terminal_console(stderr=True),
        transient=False,
    )
    task = progress.add_task("bulk parts", total=total)

    def advance(part: BulkPart, records: int, kept: int) -> None:
        progress.update(task, advance=1, description=f"{part.path.name}: {kept:,} of {records:,} kept")

    with progress:
        yield advance


def _open_end(as_of: dt.date | None) -> str:
    """Where an open `to` ends, in the words of a command that knows the evidence's as-of."""
    return f"the as-of day, {as_of}" if as_of else "an unknown as-of day, so no open-ended period"


@evidence_group.command("show")
@click.argument("path", type=ExistingPath())
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def show_cmd(path: str, as_json: bool) -> None:
    """Summarise evidence: source, as-of, coverage, counts, date range, affiliations missing,
    author records.

    PATH is a snapshot folder, a curated YAML file or a file of OpenAlex works and authors
    (JSON Lines or JSON, as evidence import reads them).

    Example:

    \b
        claimwatch evidence show evidence/snapshots/msra
    """
    _refuse_a_folder_of_evidence(Path(path))
    evidence = store.open_evidence(path)
    info = store.summarise(evidence)
    if as_json:
        echo_json(json.dumps(info, indent=2, ensure_ascii=False, sort_keys=True))
        return
    coverage = describe_coverage(evidence.coverage, _open_end(evidence.retrieved))
    rows = [
        ("evidence", f"{info['path']} ({info['kind']}{', ' + info['source'] if info.get('source') else ''})"),
        ("created", info.get("created") or "-"),
        ("as of", f"{info['as_of']} ({info['as_of_basis']})" if info["as_of"] else info["as_of_basis"]),
        ("coverage", coverage),
        ("works", f"{info['works']} ({info['retracted']} retracted)"),
        ("dates", f"{info['earliest'] or '-'} to {info['latest'] or '-'}"),
        (
            "authorships",
            f"{info['authorships']}, {info['authorships_without_institution_id']} without an institution id"
            + _share(info["share_without_institution_id"])
            + f", {info['authorships_without_affiliation']} with no affiliation at all"
            + _share(info["share_without_affiliation"]),
        ),
        (
            "authors",
            f"{counted(info['author_records'], 'record')}, {counted(info['author_affiliations'], 'affiliation')}, "
            f"{info['author_affiliations_without_years']} without years; coverage "
            + describe_authors(evidence.author_coverage, _open_end(evidence.retrieved)),
        ),
        ("sha256", f"{info['sha256']} ({_digest_of(info['kind'])})"),
    ]
    for key, value in rows:
        click.echo(f"{key:<12} {one_line(str(value))}")  # a manifest is untrusted: a value holds its row


def _refuse_a_folder_of_evidence(folder: Path) -> None:
    """A folder that is no snapshot (the case's evidence/, which `check --evidence` reads) is
    answered with the evidence in it to give instead, not "not a snapshot" alone."""
    if not folder.is_dir() or (folder / store.MANIFEST).exists() or (folder / store.MANIFEST).is_symlink():
        return
    found = store.evidence_in_folder(folder)  # says so where it holds none
    shown = ", ".join(one_line(str(p)) for p in found[:3]) + (f" and {len(found) - 3} more" if len(found) > 3 else "")
    raise InputError(
        Problem(
            str(folder),
            0,
            0,
            f"not a snapshot (no {store.MANIFEST}): evidence show summarises one snapshot folder or one file, and "
            f"this folder holds {counted(len(found), 'such', 'such')}; give one: {shown}",
        )
    )


def _digest_of(kind: str) -> str:
    """Whose sha256 `show` prints: a snapshot's is its manifest's (which holds each data file's),
    the digest a report cites for it; any other evidence's is the file's own."""
    return f"of its {store.MANIFEST}, which gives each data file's" if kind == "snapshot" else "of the file"


def _share(share: float | None) -> str:
    return f" ({share:.1%})" if share is not None else ""


def register(cli: click.Group) -> None:
    cli.add_command(evidence_group)
