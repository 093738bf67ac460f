"""claimwatch collect | resolve: gathering evidence from OpenAlex (being written)."""

from __future__ import annotations

import click


def register(cli: click.Group) -> None:
    """Adds the collect and resolve commands."""
