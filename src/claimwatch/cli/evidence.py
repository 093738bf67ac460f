"""claimwatch evidence import | show: the evidence store from the command line."""

from __future__ import annotations

import datetime as dt
import json

import click

from .. import evidence as store
from ..coverage import describe as describe_coverage
from .options import recorded_command


@click.group("evidence")
def evidence_group() -> None:
    """Make and inspect evidence snapshots."""


@evidence_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--out", required=True, type=click.Path(), help="Snapshot folder to write (replaced atomically).")
@click.option(
    "--subject",
    "subjects",
    multiple=True,
    metavar="ID",
    help="OpenAlex institution id (I...) whose works the file holds completely, through "
    "lineage. Repeatable. Without it the snapshot declares no complete coverage.",
)
@click.option("--from", "start", type=click.DateTime(["%Y-%m-%d"]), help="First publication date covered.")
@click.option("--to", "end", type=click.DateTime(["%Y-%m-%d"]), help="Last publication date covered.")
@click.option(
    "--skip-invalid", is_flag=True, help="Skip malformed lines (listed in the manifest) instead of refusing the file."
)
def import_cmd(
    file: str,
    out: str,
    subjects: tuple[str, ...],
    start: dt.datetime | None,
    end: dt.datetime | None,
    skip_invalid: bool,
) -> None:
    """Make a snapshot from OpenAlex work records you already have (JSONL, optionally gzipped).

    Records are kept as given; duplicates (same id) collapse to the newest updated_date. A
    malformed line is refused with file:line and no snapshot is written, unless --skip-invalid.

    Example:

    \b
        claimwatch evidence import msra-works.jsonl.gz --out evidence/snapshots/msra \\
            --subject I4210113369 --from 2024-01-10 --to 2025-06-30
    """
    summary = store.import_jsonl(
        file,
        out,
        institutions=subjects,
        start=start.date() if start else None,
        end=end.date() if end else None,
        skip_invalid=skip_invalid,
        command=recorded_command(),
    )
    cov = summary.manifest.coverage
    click.echo(
        f"wrote {summary.out}: {summary.records} records, {summary.duplicates_collapsed} duplicates collapsed, "
        f"{summary.skipped} lines skipped; coverage {describe_coverage(cov)}"
    )


@evidence_group.command("show")
@click.argument("path", type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def show_cmd(path: str, as_json: bool) -> None:
    """Summarise evidence: source, coverage, counts, date range, authorships without institution ids.

    PATH is a snapshot folder, a curated YAML file or an OpenAlex JSONL file.

    Example:

    \b
        claimwatch evidence show evidence/snapshots/msra
    """
    evidence = store.open_evidence(path)
    info = store.summarise(evidence)
    if as_json:
        click.echo(json.dumps(info, indent=2, ensure_ascii=False, sort_keys=True))
        return
    coverage = describe_coverage(evidence.coverage)
    share = info["share_without_institution_id"]
    rows = [
        ("evidence", f"{info['path']} ({info['kind']}{', ' + info['source'] if info.get('source') else ''})"),
        ("created", info.get("created") or "-"),
        ("coverage", coverage),
        ("works", f"{info['works']} ({info['retracted']} retracted)"),
        ("dates", f"{info['earliest'] or '-'} to {info['latest'] or '-'}"),
        (
            "authorships",
            f"{info['authorships']}, {info['authorships_without_institution_id']} without an institution id"
            + (f" ({share:.1%})" if share is not None else ""),
        ),
        ("sha256", info["sha256"]),
    ]
    for key, value in rows:
        click.echo(f"{key:<12} {value}")


def register(cli: click.Group) -> None:
    cli.add_command(evidence_group)
