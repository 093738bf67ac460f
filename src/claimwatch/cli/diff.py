"""claimwatch diff: what changed between two runs' JSON reports."""

from __future__ import annotations

import json

import click

from ..reports.diff import diff_reports, read_report, render_diff
from ..reports.terminal import terminal_console
from ..reviews import review_identity
from .options import echo_json


@click.command()
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the differences as JSON.")
@click.option("--exit-code", is_flag=True, help="Exit 1 when anything changed (as `git diff --exit-code` does).")
def diff(old: str, new: str, as_json: bool, exit_code: bool) -> None:
    """Compare two JSON reports (from `claimwatch check --json`): verdicts that changed, findings
    added or removed, reviews that apply in one run and not the other (and why), reviews of a
    claim not checked that one report lists and the other does not, and inputs that changed.

    Run it between two checks of the same claims to see what new evidence did. Exit 0 (or 1 with
    --exit-code when anything changed); 2 when a file is not a claimwatch JSON report this claimwatch
    can read (one of a later claimwatch, or one holding a claim twice, is named so).

    Example:

        claimwatch diff reports/2025-05.json reports/2025-06.json --exit-code
    """
    result = diff_reports(
        read_report(old), read_report(new), old_name=old, new_name=new, review_identity=review_identity
    )
    if as_json:
        echo_json(json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False))
    else:
        console = terminal_console(soft_wrap=True)
        for line in render_diff(result):
            console.print(line)
    if exit_code and result.changed:
        raise click.exceptions.Exit(1)


def register(cli: click.Group) -> None:
    cli.add_command(diff)
