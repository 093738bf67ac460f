"""claimwatch lists ...: reference lists from the command line."""

from __future__ import annotations

import click

from .. import lists as lists_mod
from .options import lists_option, root_option


@click.group("lists")
def lists_group() -> None:
    """Show, import, fetch and compare reference lists."""


@lists_group.command("show")
@click.argument("list_id")
@lists_option
@root_option
def show_cmd(list_id: str, lists_dirs: tuple[str, ...], root: str) -> None:
    """Print a list: its sources and every entry with ids, listing date, citation and doubts.

    LIST_ID is a list's id (found in evidence/lists/ and --lists folders) or a path to a list file.

    Example:

        claimwatch lists show us-entity-list
    """
    rl = _open(list_id, lists_dirs, root)
    click.echo(f"{rl.id}: {rl.name} ({len(rl.entries)} entries)  [{rl.path}]")
    for s in rl.sources:
        click.echo(f"  source: {s.title}" + (f", {s.publisher}" if s.publisher else "") + (f" <{s.url}>" if s.url else ""))
    for e in rl.entries:
        ids = ", ".join([*(f"openalex {i}" for i in e.openalex), *(f"ror {r}" for r in e.ror)]) or "no ids"
        listed = f"listed {e.listed_from}" if e.listed_from else "listing date unknown"
        cite = f", {e.citation}" if e.citation else ""
        doubt = "" if e.verified else "  [not confirmed]"
        click.echo(f"  - {e.name} ({ids}; {listed}{cite}){doubt}")
        if e.aliases:
            click.echo(f"      aka {'; '.join(e.aliases)}")


def _open(list_id: str, lists_dirs: tuple[str, ...], root: str) -> lists_mod.ReferenceList:
    from pathlib import Path

    from ..errors import InputError, Problem

    if list_id.endswith((".yaml", ".yml")) or "/" in list_id:
        return lists_mod.load_list(list_id)
    library = lists_mod.ListLibrary(lists_mod.default_dirs(root, lists_dirs))
    try:
        return library.get(list_id)
    except KeyError:
        known = ", ".join(library.available()) or "(none)"
        raise InputError(Problem(str(Path(root) / lists_mod.DEFAULT_LISTS_DIR), 0, 0,
                                 f"unknown list '{list_id}'; known: {known}")) from None


def register(cli: click.Group) -> None:
    cli.add_command(lists_group)
