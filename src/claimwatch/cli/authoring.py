"""validate, show, schema: the commands that read the analyst's files and nothing else."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .. import claims as claims_mod
from .. import documents
from .._text import one_line
from ..lists import DEFAULT_LISTS_DIR
from ..reviews import find_reviews
from ..validate import validate_paths
from .options import ExistingPath, echo_json, lists_option, root_option


@click.command()
@click.argument("paths", nargs=-1, type=ExistingPath())
@lists_option
@root_option
def validate(paths: tuple[str, ...], lists_dirs: tuple[str, ...], root: str) -> None:
    """Check claim, topic, list, curated and reviews files (or folders of them; default: the
    case's own: its claims/, evidence/lists/, evidence/curated/ and reviews.yaml, those it has).

    Every problem in every file is printed as path:line:column: message, schema and
    reference problems together; the exit code is 2 when there is any. A file's kind follows
    from its folder (topics/, lists/, curated/); elsewhere from its top-level keys (entries: a
    list, works: curated, reviews: a reviews file, statement: or claims: a claim file, phrases:
    and rationale: a topic). A reviews file given with claim files has its claim ids checked
    against theirs.

    Example:

    \b
        claimwatch validate claims/ evidence/lists/ evidence/curated/
    """
    for checked in validate_paths(paths or _case_files(root), root=root, lists_dirs=lists_dirs):
        click.echo(f"ok  {one_line(str(checked.path))}  ({checked.summary})")


@click.command()
@click.argument("paths", nargs=-1, type=ExistingPath())
@lists_option
@root_option
def show(paths: tuple[str, ...], lists_dirs: tuple[str, ...], root: str) -> None:
    """Print each claim of PATHS (files or folders; default: the case's claims/ folder) as one
    plain-English sentence.

    The sentence names the subject, the period, the condition a work must meet and what the
    claim expects; the reports use the same sentence.

    Example:

    \b
        claimwatch show claims/microsoft-msra-2024.yaml
    """
    # With no paths, the case's own claims, wherever the command runs from (as `check` reads them).
    claim_set = claims_mod.load_claims(paths or (str(Path(root) / "claims"),), root=root, lists=lists_dirs)
    for f in claim_set.files:
        s = f.statement
        reported = "" if s.confirmed else " (reported, not confirmed)"
        # Claim text is untrusted: a line break in it must not print a line of its own.
        click.echo(one_line(f"{f.path}: {s.speaker}, {s.made_on}{reported}"))
        for claim in f.claims:
            click.echo(one_line(f"  {claim.id}: {claims_mod.describe(claim, f)}"))


def _case_files(root: str) -> tuple[str, ...]:
    """What `validate` checks when given nothing: the case's claims, lists, curated evidence and
    reviews, those it has; a case with none of them is one line saying where it looked."""
    case = Path(root)
    # validate has no --no-reviews: check's advice sent a user to an option it does not have.
    reviews = find_reviews(case, without="validate the other files by naming them")
    files = (case / "claims", case / DEFAULT_LISTS_DIR, case / "evidence" / "curated", reviews)
    found = tuple(str(p) for p in files if p is not None and p.exists())
    if not found:
        raise click.UsageError(
            f"the case at {case} has no claims/, evidence/lists/, evidence/curated/ nor reviews.yaml: "
            "give the files to check",
            ctx=click.get_current_context(),
        )
    return found


@click.command()
@click.argument("name", required=False, metavar="[NAME]", type=click.Choice(documents.SCHEMA_NAMES))
@click.option(
    "--kind",
    type=click.Choice(documents.SCHEMA_NAMES),
    default=None,
    help="Which schema to print (same as NAME).  [default: claims]",
)
@click.option("--report", "kind", flag_value="report", help="Print the JSON report's schema (same as --kind report).")
def schema(name: str | None, kind: str | None) -> None:
    """Print a JSON Schema shipped with claimwatch (draft 2020-12), whole in itself: NAME is
    claims (the default), topic, list, curated, reviews or report.

    Editors that speak yaml-language-server check claim files against it when the file starts
    with `# yaml-language-server: $schema=PATH`.

    Example:

    \b
        claimwatch schema > claims.schema.json
        claimwatch schema list > list.schema.json
    """
    if name and kind and name != kind:
        raise click.UsageError(f"NAME '{name}' and --kind '{kind}' name different schemas; give one")
    echo_json(json.dumps(documents.standalone_schema(name or kind or "claims"), indent=2, ensure_ascii=False))


def register(cli: click.Group) -> None:
    for command in (validate, show, schema):
        cli.add_command(command)
