"""What the importers share: where a record stands in its file, entries on their way into a list
(ids from names, fields in file order), the list document, and reading JSON with positions."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import ids
from ..documents import JSON_CUT_SHORT, TOO_MANY_DIGITS, json_cut_short, long_json_integer_at
from ..errors import InputError, Problem

IMPORT_MAX_BYTES = 512 * 1024 * 1024  # the whole CSL is tens of megabytes


@dataclass(frozen=True)
class At:
    """A record's place in its file: a line (CSV) or a JSON path (the JSON parser keeps no positions)."""

    path: str
    line: int = 0
    pointer: str = ""

    def problem(self, message: str) -> Problem:
        text = f"{self.pointer}: {message}" if self.pointer else message
        return Problem(self.path, self.line, 1 if self.line else 0, text)

    def __str__(self) -> str:
        return f"line {self.line}" if self.line else self.pointer


@dataclass
class Draft:
    """An entry without its id yet, where its record stood, and keys that tell it from a namesake."""

    fields: dict[str, Any]
    at: At
    keys: tuple[str, ...] = ()


_ENTRY_ORDER = (
    "id",
    "name",
    "aliases",
    "openalex",
    "ror",
    "country",
    "listed_from",
    "listed_from_unread",
    "listed_to",
    "listed_to_unread",
    "listings",
    "citation",
    "verified",
    "may_be_a_person",
    "categories",
    "supervising_agencies",
    "addresses",
    "programs",
    "source_lists",
    "references",
    "related",
    "notes",
)
_ALWAYS_WRITTEN = ("listed_from", "citation")  # null says "not known", which is worth saying


def _entry(fields: dict[str, Any]) -> dict[str, Any]:
    """The entry's fields in the order list files use, without empty values."""
    return {
        k: fields[k]
        for k in _ENTRY_ORDER
        if k in fields and (k in _ALWAYS_WRITTEN or fields[k] not in (None, "", [], ()))
    }


# Another name a list gives within a name, after "a.k.a.", "aka", "f.k.a.", "formerly", "also
# known as" or "now known as": in a bracket that ends it, round or square, which may hold a bracket
# of its own, after a comma, or after a space in lower case. The CSL of 2023-11 writes the Entity List's alias of
# CAEP "Southwest Institute of Nuclear Physics and Chemistry (a.k.a., China Academy of Engineering
# Physics (CAEP)?s 902 Institute)", the Nonproliferation name "Astronautics Research Institute [aka
# Astronautics Systems Research Center, Aerospace Research Institute]", and "JSC NIIP, f.k.a.,
# Otkrytoe ..."; the ASPI tracker names institutions under its entries "CASC 1st Academy, a.k.a
# China Academy of Launch Vehicle Technology (CALT)" and "NORINCO Group No. 204 Institute (...) aka
# Xi'an Modern Chemistry Institute", and a hospital under the Army Medical University "Third
# Affiliated Hospital/Daping Hospital (...), now known as the Army Characteristic Medical Center".
# No affiliation writes a name so.
_OTHER_NAME = re.compile(
    r"\s*(?:(?P<open>[(\[])|,|\s(?=aka\b|a\.k\.a\b|also known as\b))\s*"
    r"(?i:a\.?k\.?a\b\.?|f\.?k\.?a\b\.?|(?:also|now)\s+known\s+as\b|formerly(?:\s+known\s+as)?\b)[\s,:]*"
)
_CLOSING = {"(": ")", "[": "]"}


def another_name_within(name: str) -> tuple[str, str] | None:
    """The name before another name given within it (`_OTHER_NAME`) and what follows, the other
    name or names; None where there is none, where the bracket does not end the name or its
    brackets do not pair ("PEARL (A.K.A. NEI-CHIEN CHU) LI" is one name), or where one word alone
    stands before it ("May also known as the ...", as the tracker writes a laboratory's remark)."""
    for m in _OTHER_NAME.finditer(name):
        before, rest = name[: m.start()].strip(), name[m.end() :].strip()
        if m.group("open"):
            if not rest.endswith(_CLOSING[m.group("open")]):
                continue
            rest = rest[:-1].strip()
        if _brackets_pair(rest) and len(before.split()) > 1 and rest:
            return before, rest
    return None


def _brackets_pair(text: str) -> bool:
    """Whether every bracket a text opens it closes, in order."""
    depth = {"(": 0, "[": 0}
    for c in text:
        if c in depth:
            depth[c] += 1
        elif c in (")", "]"):
            opening = "(" if c == ")" else "["
            if not depth[opening]:
                return False
            depth[opening] -= 1
    return not any(depth.values())


def unique(values: Iterable[str], *, besides: Sequence[str] = ()) -> list[str]:
    """Stripped, non-empty values in order, each once, leaving out those in `besides`."""
    out: list[str] = []
    for v in values:
        v = v.strip()
        if v and v not in out and v not in besides:
            out.append(v)
    return out


def with_ids(drafts: Sequence[Draft]) -> list[dict[str, Any]]:
    """Entries with ids: the slug of the name, and where names collide, the slug and the record's own key."""
    bases = [ids.slug(d.fields["name"]) for d in drafts]
    shared = {b for b, n in Counter(bases).items() if n > 1}
    taken: dict[str, At] = {}
    entries = []
    for draft, base in zip(drafts, bases, strict=True):
        entry_id = base
        key = next((k for k in draft.keys if k), None)
        if base in shared and key:
            entry_id = _suffixed(base, ids.slug(key))
        if entry_id in taken:
            why = (
                "has the same name and key"
                if base in shared and key
                else "has the same name and no key to tell them apart"
                if base in shared
                else "has it too"
            )
            raise InputError(
                draft.at.problem(f"duplicate entry id '{entry_id}': the record at {taken[entry_id]} {why}")
            )
        taken[entry_id] = draft.at
        entries.append(_entry({"id": entry_id, **draft.fields}))
    return entries


def _suffixed(base: str, suffix: str) -> str:
    room = 120 - len(suffix) - 1  # the schema's limit on an id
    return f"{base[:room].rstrip('-')}-{suffix}"


def short_key(key: str | None) -> str:
    """A record key short enough for an id: a long hash (the CSL's _id) keeps its first 10 characters."""
    key = (key or "").strip()
    return key[:10] if re.fullmatch(r"[0-9a-fA-F]{32,}", key) else key


def list_id_for(out: str | Path) -> str:
    """The list id a file name gives (`evidence/lists/seven-sons.yaml` -> `seven-sons`)."""
    stem = Path(out).stem
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", stem) or len(stem) > 120:
        raise InputError(
            Problem(
                str(out),
                0,
                0,
                f"'{stem}' is not a list id (lower-case letters, digits, '.', '_', "
                "'-'); name the file after the list's id",
            )
        )
    return stem


def list_document(
    *,
    list_id: str,
    name: str,
    description: str,
    source: dict[str, Any],
    imported: dict[str, Any],
    entries: list[dict[str, Any]],
) -> dict[str, Any]:
    return {
        "id": list_id,
        "name": name,
        "description": description,
        "sources": [source],
        "imported": imported,
        "entries": entries,
    }


def read_json(text: str, path: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        said = JSON_CUT_SHORT if json_cut_short(text, e) else f"not valid JSON: {e.msg}"
        raise InputError(Problem(path, e.lineno, e.colno, said)) from None
    except RecursionError:
        raise InputError(Problem(path, 0, 0, "not valid JSON: nested too deeply")) from None
    except ValueError:
        # The standard library refuses an integer of more digits than Python converts (4,300).
        line, column = long_json_integer_at(text)
        raise InputError(Problem(path, line, column, f"not valid JSON: {TOO_MANY_DIGITS}")) from None


def file_label(path: str | Path) -> str:
    # The file name only: the same file imported from another folder gives the same list.
    return Path(path).name
