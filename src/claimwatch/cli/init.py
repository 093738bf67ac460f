"""claimwatch init: scaffold a new case from the files shipped in claimwatch/templates/case/."""

from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import click

from .._signals import stops_held
from .._text import one_line
from ..errors import InputError
from ..files import default_mode, hidden_prefix
from ..project import CONFIG_NAME

# Shipped without the dot: a `.gitignore` inside the package would apply to the template folder
# itself, and setuptools' package-data globs skip dotfiles.
_RENAMED = {"gitignore": ".gitignore"}


@click.command()
@click.argument("directory", metavar="DIR", type=click.Path(file_okay=False))
def init(directory: str) -> None:
    """Start a new case in DIR: claimwatch.toml, an example claim file with its topic, a reference
    list, curated evidence, a feature, an empty reviews.yaml, and a .gitignore for reports and
    snapshot temporaries.

    DIR must be new or empty (a repository's own folder, .git, aside: `git init` first is fine).
    The case validates and checks as created; replace the invented
    example (Example Lab) with your own statement. Commands run anywhere inside DIR find its
    root by claimwatch.toml.

    Example:

    \b
        claimwatch init my-case
        cd my-case && claimwatch check claims/ --evidence evidence/
    """
    target = Path(directory)
    _refuse_used(target)
    written = _made_whole(target)
    click.echo(f"created {one_line(directory)}: {len(written)} files ({', '.join(sorted(map(str, written)))})")


def _made_whole(target: Path) -> list[Path]:
    """The case written in a temporary folder, then moved into place: a full disk or a Ctrl-C
    leaves no half-made case that a second `init` would refuse. A new folder is the temporary
    one renamed; an empty folder that exists (`.`, a link to one) stays the folder it is, and
    the case's files and folders are moved into it."""
    exists = target.is_dir()
    home = target if exists else target.absolute().parent
    try:
        home.mkdir(parents=True, exist_ok=True)
        # mkdtemp adds 8 characters: a folder named near the file system's limit is still a case's
        hidden = hidden_prefix(target.absolute().name or "case", len(".tmp-") + 8)
        tmp = Path(tempfile.mkdtemp(prefix=f"{hidden}.tmp-", dir=home))
    except OSError as e:
        raise InputError(f"cannot make the case here: {e.strerror or e}", path=target) from None
    moved: list[Path] = []
    try:
        written = [_write(tmp, target, relative, source) for relative, source in _template_files()]
        if exists:
            for entry in sorted(tmp.iterdir()):
                _refuse_appeared(target / entry.name)
                moved.append(target / entry.name)  # first: a Ctrl-C between the two leaves none behind
                _move_in(entry, target / entry.name)
        else:
            os.chmod(tmp, default_mode(directory=True))  # mkdtemp's 0700 is no case folder's mode
            _put_in_place(tmp, target)
    except BaseException as e:  # a full disk, or Ctrl-C: the folder is left as empty as it was
        with stops_held():  # through a second Ctrl-C, which left half the case in it
            _remove_moved(moved, tmp)
        if not isinstance(e, OSError):
            raise
        where = str(e.filename or target).replace(str(tmp), str(target))
        raise InputError(f"cannot make the case: {e.strerror or e}", path=where) from None
    finally:
        with stops_held():
            shutil.rmtree(tmp, ignore_errors=True)
    return written


def _remove_moved(moved: list[Path], tmp: Path) -> None:
    """What was moved into the case's folder from `tmp` taken out again."""
    for path in moved:
        if _never_moved(tmp / path.name, path):  # its move failed: what is there is not ours to remove
            continue
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _move_in(entry: Path, to: Path) -> None:
    """Move a file or folder of the case made in the temporary folder into the case's folder,
    never over one that appeared there after `_refuse_appeared` looked (another init in the same
    folder at the same time): a rename replaces a file in silence, so a file is linked in, which
    fails where one is there, and a folder renamed, which fails over a folder holding anything."""
    try:
        if entry.is_dir() and not entry.is_symlink():
            os.rename(entry, to)
            return
        try:
            os.link(entry, to, follow_symlinks=False)
        except FileExistsError:
            raise
        except OSError:  # no hard links here (FAT: EPERM; some shares: EOPNOTSUPP): copied in
            # Ctrl-C held from the copy to its source's removal: between the two, the copy (not
            # the same file as its source, as a link is) was taken for one that appeared, and left
            with stops_held():
                _copy_in(entry, to)
                os.unlink(entry)
            return
        os.unlink(entry)
    except OSError as e:
        if e.errno in (errno.EEXIST, errno.ENOTEMPTY):
            _refuse_appeared(to)
        raise


def _copy_in(entry: Path, to: Path) -> None:
    """A template file copied to `to`, made only where nothing is ("x": a rename would replace
    a file that appeared there in silence); a copy stopped part way (a full disk: Ctrl-C waits
    for it, `_move_in`) is removed, being this init's alone. Its closing is part of it: a template
    file is smaller than the write buffer, so a full disk is met only as the copy is closed."""
    with open(entry, "rb") as source:
        try:
            with open(to, "xb") as copy:
                shutil.copyfileobj(source, copy)
        except FileExistsError:  # theirs, never removed
            raise
        except BaseException:
            to.unlink(missing_ok=True)  # (none where the copy could not even be made)
            raise


def _put_in_place(tmp: Path, target: Path) -> None:
    """The case made in `tmp` renamed to the new folder `target`, which a rename refuses where a
    folder holding anything appeared there since init began (another init of it)."""
    try:
        os.replace(tmp, target)
    except OSError as e:
        if e.errno in (errno.EEXIST, errno.ENOTEMPTY):
            raise InputError(
                "appeared while the case was being made; nothing was replaced: give a new folder for the case",
                path=target,
            ) from None
        raise


def _never_moved(made: Path, path: Path) -> bool:
    """Whether `path`'s move from `made` never happened (it failed, or it is linked in and not yet
    removed from the temporary folder): what is at `path` is then another's, or ours still in `made`."""
    if not os.path.lexists(made):
        return False
    try:
        return not os.path.samestat(os.lstat(made), os.lstat(path))
    except OSError:
        return True


def _refuse_appeared(path: Path) -> None:
    """The folder was empty when init began; something made in it since (by the analyst, a sync
    client, another init) is theirs: a move onto it would replace a file, or fail on a folder."""
    if os.path.lexists(path):
        raise InputError(
            "appeared in the folder while the case was being made; nothing was replaced: "
            "run init again in an empty folder",
            path=path,
        )


def _refuse_used(target: Path) -> None:
    if target.is_symlink() and not target.exists():  # else "Not a directory" from the rename onto it
        raise InputError(f"is {_not_a_folder(target)}; give a new folder for the case", path=target)
    if target.exists() and not (target.is_dir() and _holds_nothing_of_a_case(target)):
        raise InputError("exists and is not an empty folder; give a new folder for the case", path=target)
    # Something other than a folder where one above DIR should be: mkdir said "File exists" of DIR.
    above = next((p for p in target.parents if p.exists() or p.is_symlink()), None)
    if above is not None and not above.is_dir():
        raise InputError(f"{above} is {_not_a_folder(above)}; give a folder the case can go in", path=target)


# What version control keeps in a folder it tracks: an analyst who runs `git init` before
# `claimwatch init` has an empty case folder still. Nothing of the case's has these names.
_REPOSITORY_FOLDERS = frozenset({".git", ".hg", ".jj", ".svn"})


def _holds_nothing_of_a_case(folder: Path) -> bool:
    return all(entry.name in _REPOSITORY_FOLDERS for entry in folder.iterdir())


def _not_a_folder(path: Path) -> str:
    if path.is_symlink():
        return f"a link to {os.readlink(path)}, which leads to no folder"
    return "a file, not a folder" if path.is_file() else "not a folder"


def _template_files(folder: Traversable | None = None, prefix: Path = Path()) -> Iterator[tuple[Path, Traversable]]:
    """Every file of the case template, with its path in the new case."""
    folder = folder or resources.files("claimwatch").joinpath("templates/case")
    for item in sorted(folder.iterdir(), key=lambda t: t.name):
        relative = prefix / _RENAMED.get(item.name, item.name)
        if item.is_dir():
            yield from _template_files(item, relative)
        elif item.name != "__pycache__":
            yield relative, item


def _write(folder: Path, target: Path, relative: Path, source: Traversable) -> Path:
    text = source.read_text(encoding="utf-8")
    if relative == Path(CONFIG_NAME):  # the case is named after its folder
        text = text.replace("{name}", _toml_string(target.resolve().name))
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return relative


def _toml_string(text: str) -> str:
    """`text` as a TOML basic string, written as the analyst would (微软亚洲研究院, not
    \\u5fae...): JSON's quoting of quotes, backslashes and C0 controls is TOML's, and DEL, which
    TOML wants escaped too, JSON leaves as it is."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def register(cli: click.Group) -> None:
    cli.add_command(init)
