"""Options shared by several commands, so every command spells them the same way."""

from __future__ import annotations

import click

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
