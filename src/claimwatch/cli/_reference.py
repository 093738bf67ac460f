"""docs/cli.md, the command-line reference, generated from the commands' own --help.

`python -m claimwatch.cli._reference docs/cli.md` rewrites it (scripts/docs does); a test
compares the file with what this module makes, so a command or option changed without its
reference fails the suite.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import click

WIDTH = 100  # the help as a 100-column terminal shows it, whatever the terminal running this

HEADER = """# Command-line reference

Generated from `claimwatch --help` and each command's `--help` by
`python -m claimwatch.cli._reference docs/cli.md` (or `scripts/docs`); do not edit by hand.
The guides in this folder say when to use which command.
"""


def _commands(command: click.Command, ctx: click.Context) -> Iterator[tuple[click.Context, click.Command]]:
    yield ctx, command
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is None or sub.hidden:
                continue
            child = click.Context(sub, info_name=name, parent=ctx, terminal_width=WIDTH, max_content_width=WIDTH)
            yield from _commands(sub, child)


def cli_reference() -> str:
    """Every command's help, in the order `--help` lists them, as one Markdown page."""
    from . import cli

    # The group's own settings (-h as well as --help), as when the command line runs it: click
    # remembers a command's help option the first time it is asked, so both ways must agree.
    settings = {**cli.context_settings, "terminal_width": WIDTH, "max_content_width": WIDTH}
    root = click.Context(cli, info_name="claimwatch", **settings)
    parts = [HEADER]
    for ctx, command in _commands(cli, root):
        parts.append(f"## `{ctx.command_path}`\n\n```text\n{command.get_help(ctx).rstrip()}\n```\n")
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    text = cli_reference()
    if not argv:
        sys.stdout.write(text)
        return 0
    for name in argv:
        path = Path(name)
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            path.write_text(text, encoding="utf-8")
        print(f"{name}: {'already current' if current == text else 'updated'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
