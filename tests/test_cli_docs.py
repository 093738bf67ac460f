"""Every command has help with an example, and the README or docs/ mention it; the public API
is exactly what __all__ says."""

from __future__ import annotations

import inspect
import re

import click
import pytest

import claimwatch
from claimwatch.cli import cli


def _commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        path = (*prefix, name)
        if isinstance(command, click.Group):
            yield from _commands(command, path)
        else:
            yield " ".join(path), command


COMMANDS = list(_commands(cli))


@pytest.mark.parametrize("name, command", COMMANDS, ids=[n for n, _ in COMMANDS])
def test_every_command_has_help_with_an_example(name, command):
    text = command.help or ""
    assert text.strip(), f"claimwatch {name} has no help"
    example = text.split("Example:", 1)
    assert len(example) == 2 and f"claimwatch {name.split()[0]}" in example[1], f"claimwatch {name} has no example"
    # Each example is one command a line, or a line continued with a backslash: a docstring's lone
    # backslash joins two lines into one with a run of spaces inside (evidence import's third).
    for line in example[1].splitlines():
        assert not re.search(r"\S {4,}--", line), f"claimwatch {name}: an example's lines run together: {line}"


@pytest.mark.parametrize("name, command", COMMANDS, ids=[n for n, _ in COMMANDS])
def test_every_command_is_documented(name, command, project_root):
    docs = "\n".join(
        p.read_text(encoding="utf-8")
        for p in [project_root / "README.md", *sorted((project_root / "docs").glob("*.md"))]
    )
    assert f"claimwatch {name}" in docs, f"neither README.md nor docs/ mention `claimwatch {name}`"


def test_the_public_api_is_exactly_all():
    # Submodules are importable but not re-exported names; pytest's rewriting adds "@" names.
    public = {
        n for n in dir(claimwatch) if not n.startswith(("_", "@")) and not inspect.ismodule(getattr(claimwatch, n))
    }
    assert public | {"__version__"} == set(claimwatch.__all__)
    for name in claimwatch.__all__:
        assert getattr(claimwatch, name) is not None


def test_the_version_agrees_with_the_package_metadata():
    from importlib.metadata import version

    assert claimwatch.__version__ == version("claimwatch")


def test_the_cli_reference_is_the_generated_one(project_root):
    from claimwatch.cli._reference import cli_reference

    assert (project_root / "docs" / "cli.md").read_text(encoding="utf-8") == cli_reference(), "run: scripts/docs"


def test_the_cli_reference_has_every_command(project_root):
    from claimwatch.cli import cli
    from claimwatch.cli._reference import cli_reference

    reference = cli_reference()
    for name in cli.commands:
        assert f"## `claimwatch {name}`" in reference
