"""The verdict table on the terminal. Evidence text never reaches it unescaped: rich markup is
escaped and control characters (terminal escape sequences) are replaced."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .._text import printable
from ..results import VERDICT_WORDS, Results

_STYLE = {
    "contradicted": "bold red",
    "supported": "bold green",
    "not_contradicted": "green",
    "insufficient_evidence": "yellow",
}


def safe(text: str) -> str:
    """Untrusted text made inert for a terminal: no control or bidi characters, no rich markup."""
    return escape(printable(text))


def print_verdicts(results: Results, *, console: Console | None = None) -> None:
    # A pipe gets a fixed width, so the table reads the same in a log as on a wide terminal.
    console = console or Console(
        file=sys.stdout, highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 120
    )
    table = Table(title="claimwatch verdicts", title_justify="left", show_lines=False)
    table.add_column("claim", no_wrap=True)
    table.add_column("verdict", no_wrap=True)
    table.add_column("matched", justify="right")
    table.add_column("uncertain", justify="right")
    table.add_column("considered", justify="right")
    for r in results.results:
        table.add_row(
            safe(r.claim),
            f"[{_STYLE[r.verdict]}]{VERDICT_WORDS[r.verdict]}[/]",
            str(r.matched),
            str(r.uncertain),
            str(r.works_considered),
        )
    console.print(table)
    for r in results.results:
        console.print(f"[bold]{safe(r.claim)}[/]: {safe(r.why)}", overflow="fold")
