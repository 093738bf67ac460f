"""Writing a list file: the same bytes for the same document, checked by the loader's own rules first."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import yaml

from .. import documents
from ..errors import InputError, Problem
from ..files import a_file_above_said, named_as_no_yaml, why_not_written, write_atomic
from ._model import LIST_MAX_BYTES, ReferenceList, list_from_document, load_list

try:  # libyaml writes a large list several times faster; both emit the same block style
    _BaseDumper: type[yaml.SafeDumper] = yaml.CSafeDumper  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseDumper = yaml.SafeDumper


class _ListDumper(_BaseDumper):  # type: ignore[misc, valid-type]
    """Block style, no anchors: an entry that repeats another's values is still written out."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def render_list_yaml(document: dict[str, Any]) -> str:
    """The list file's text: the same bytes for the same document."""
    fmt = (document.get("imported") or {}).get("format", "")
    header = f"# Written by claimwatch from {fmt}; re-run the import rather than editing by hand.\n" if fmt else ""
    body = yaml.dump(
        document, Dumper=_ListDumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100, indent=2
    )
    return header + body


def check_list_destination(out: str | Path) -> None:
    """Refuse, before anything is read or fetched, to replace a file that is not a list (an
    import's --out mistyped as a claim file, curated evidence or `claimwatch.toml` would lose it)
    or a list written by hand, or to write one by a name that says another kind of file
    (`out.csv`), read as that ever after. A list an import wrote is replaced."""
    out = Path(out)
    if kind := named_as_no_yaml(out):
        # Written, the list would be refused by its name ever after: by lists show, lists diff,
        # validate, and by the next import to the same --out, as not a list to replace.
        what = kind.split(",")[0]
        raise InputError(Problem(str(out), 0, 0, f"a list file is YAML, and this name says {what}; give a .yaml path"))
    if (said := a_file_above_said(out)) is not None:  # the write would say so after the whole download
        raise InputError(Problem(str(out), 0, 0, f"cannot write: {said}"))
    if not _a_file_there(out):
        return  # nothing there (a folder or a device: the output guard says so)
    try:
        there = load_list(out, check_file_name=False)
    except InputError as e:
        why = e.problems[0].message if e.problems else "not a list"
        raise InputError(
            Problem(
                str(out),
                0,
                0,
                f"exists and is not a list file ({why}); refusing to replace it: choose another path, or remove "
                "the file first",
            )
        ) from None
    if there.imported is None:
        # Written by hand: its confirmed dates, ids and aliases are no import's to replace (an
        # --out naming evidence/lists/us-entity-list.yaml where an Entity List import was meant).
        raise InputError(
            Problem(
                str(out),
                0,
                0,
                f"exists and is list '{there.id}', written by hand (no 'imported:' key); an import would replace "
                "it with its records: choose another path, or remove the file first",
            )
        )


def _a_file_there(out: Path) -> bool:
    """Whether a file is at `out`. A path the system cannot look at (a name longer than the file
    system takes, a folder above it this user may not read) is refused in one line, as a write to
    it would be: `Path.is_file` lets such an error out whole, a traceback to a caller from Python
    (the command line's own guard says so before)."""
    try:
        return out.is_file()
    except OSError as e:
        raise InputError(Problem(str(out), 0, 0, f"cannot write: {why_not_written(out, e)}")) from None


def write_list_yaml(document: dict[str, Any], out: str | Path) -> ReferenceList:
    """Check the document as `load_list` will read it back, then write it atomically, never over
    a file that is not a list (`check_list_destination`); returns the list."""
    out = Path(out)
    check_list_destination(out)
    text = render_list_yaml(document)
    data = text.encode("utf-8")
    if len(data) > LIST_MAX_BYTES:
        raise InputError(
            Problem(
                str(out),
                0,
                0,
                f"the list would be {len(data):,} bytes, more than a list file may hold "
                f"({LIST_MAX_BYTES:,}); narrow it (e.g. --source, --country)",
            )
        )
    doc = documents.parse_yaml(text, str(out))
    problems = documents.schema_problems(doc, "list")
    if problems:
        raise InputError(problems)
    checked = list_from_document(doc).model_copy(update={"sha256": hashlib.sha256(data).hexdigest()})
    write_atomic(out, data)
    return checked
