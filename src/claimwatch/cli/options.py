"""Options shared by several commands, so every command spells them the same way."""

from __future__ import annotations

from typing import Any

import click

ARGV_KEY = "claimwatch.argv"


class CommandLine(click.Group):
    """The `claimwatch` group. It keeps the arguments exactly as given, however it was called
    (the console script, `main([...])`, click's test runner), so that every command records the
    same command line: in reports' reproducibility footers and in snapshot manifests."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        given = list(args)  # parsing consumes `args`
        ctx = super().make_context(info_name, args, parent=parent, **extra)
        ctx.meta[ARGV_KEY] = given
        return ctx


def recorded_command() -> list[str]:
    """The running command line, from the program name on, as the user typed it."""
    return ["claimwatch", *click.get_current_context().meta.get(ARGV_KEY, [])]


lists_option = click.option(
    "--lists",
    "lists_dirs",
    multiple=True,
    type=click.Path(file_okay=False),
    help="Another folder of list files (ID.yaml), searched after evidence/lists/. Repeatable.",
)

root_option = click.option(
    "--root",
    type=click.Path(file_okay=False),
    default=".",
    show_default=True,
    help="Project root: where claims/topics/ and evidence/lists/ are found.",
)
