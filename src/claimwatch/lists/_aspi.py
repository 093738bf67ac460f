"""The ASPI China Defence Universities Tracker, as the MISP galaxy project packages it, made a list."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .. import documents
from ..errors import InputError, Problem
from ._import import IMPORT_MAX_BYTES, At, Draft, file_label, list_document, read_json, unique, with_ids

ASPI_GALAXY_TYPE = "china-defence-universities"
ASPI_TRACKER_URL = "https://unitracker.aspi.org.au/"

_NAME_AND_NATIVE = re.compile(r"^(?P<name>.*\S)\s*\((?P<native>[^()]*)\)\s*$")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def split_aspi_value(value: str) -> tuple[str, str | None]:
    """'Beihang University (北京航空航天大学)' -> ('Beihang University', '北京航空航天大学').

    Only a last parenthesis in Chinese is split off: 'China University of Geosciences (Wuhan)
    (中国地质大学)' keeps '(Wuhan)' in the name.
    """
    m = _NAME_AND_NATIVE.match(value.strip())
    if m and _CJK.search(m["native"]):
        return m["name"].strip(), m["native"].strip()
    return value.strip(), None


def import_aspi(
    path: str | Path, *, list_id: str, name: str | None = None, categories: Sequence[str] = ()
) -> dict[str, Any]:
    """A list document from the tracker's MISP galaxy file, with the entries of `categories` (all by default)."""
    label = str(path)
    text, digest = documents.read_text(path, max_bytes=IMPORT_MAX_BYTES)
    galaxy = _aspi_galaxy(read_json(text, label), label)
    values = galaxy["values"]
    wanted = _aspi_categories(values, categories, label)
    kept = [
        (i, v)
        for i, v in enumerate(values)
        if not wanted or wanted & {c.casefold() for c in _meta(v).get("categories", [])}
    ]
    drafts = [_aspi_draft(v, At(label, pointer=f"values[{i}]")) for i, v in kept]
    entries = with_ids(drafts)
    title = str(galaxy.get("name") or "China Defence Universities Tracker")
    publisher = str(galaxy.get("source") or "ASPI International Cyber Policy Centre")
    picked = "; ".join(categories)
    in_categories = f" in the categor{'ies' if len(categories) > 1 else 'y'} {picked}" if categories else ""
    return list_document(
        list_id=list_id,
        name=name or (f"{title}: {picked}" if categories else title),
        description=(
            f"Institutions of the {title} ({publisher}){in_categories}, imported from the tracker as the "
            "MISP galaxy project packages it. The tracker gives no listing dates: listed_from is null "
            "for every entry."
        ),
        source={
            "title": title,
            "publisher": publisher,
            "url": ASPI_TRACKER_URL,
            "note": f"Read through the MISP galaxy package '{ASPI_GALAXY_TYPE}'"
            + (f", version {galaxy['version']}" if isinstance(galaxy.get("version"), int) else "")
            + ".",
        },
        imported={
            "format": f"misp-galaxy:{ASPI_GALAXY_TYPE}",
            "file": file_label(path),
            "sha256": digest,
            "options": {"category": list(categories)},
            "records_read": len(values),
            "entries_kept": len(entries),
            **({"notes": notes} if (notes := _not_kept([v for _, v in kept])) else {}),
        },
        entries=entries,
    )


# Institutions the tracker names under an entry that the list does not keep: never in silence, as
# a coauthor at one is not found under its entry (they include companies abroad, so they are no
# aliases).
_UNDER_AN_ENTRY = ("subsidiaries", "major defence laboratories")


def _not_kept(values: list[dict[str, Any]]) -> list[str]:
    """What the import says it left out of the entries kept: the institutions the tracker names
    under them (subsidiaries, laboratories), with an example."""
    notes = []
    for key in _UNDER_AN_ENTRY:
        giving = [v for v in values if isinstance(_meta(v).get(key), list) and _meta(v)[key]]
        if not giving:
            continue
        first = giving[0]
        example = f"{first['meta'][key][0]} under {split_aspi_value(str(first.get('value', '')))[0]}"
        notes.append(
            f"{len(giving)} of the entries kept name {key} (meta.{key}), which are not kept: an author at one "
            f"(such as {example}) is not found under its entry"
        )
    return notes


def _aspi_galaxy(data: Any, path: str) -> dict[str, Any]:
    """The galaxy, checked for the shape the importer reads; the first thing amiss is the error."""
    if not isinstance(data, dict) or not isinstance(data.get("values"), list):
        raise InputError(Problem(path, 0, 0, "not a MISP galaxy cluster: expected an object with a 'values' array"))
    if data.get("type") != ASPI_GALAXY_TYPE:
        raise InputError(
            Problem(
                path,
                0,
                0,
                f"a MISP galaxy of type '{data.get('type')}', not the ASPI China Defence "
                f"Universities Tracker ('{ASPI_GALAXY_TYPE}')",
            )
        )
    for i, value in enumerate(data["values"]):
        at = At(path, pointer=f"values[{i}]")
        if not isinstance(value, dict):
            raise InputError(at.problem("is not an object"))
        if not isinstance(value.get("value"), str) or not value["value"].strip():
            raise InputError(at.problem("has no 'value' (the institution's name)"))
        meta = value.get("meta", {})
        if not isinstance(meta, dict):
            raise InputError(at.problem("'meta' is not an object"))
        for key in ("aliases", "categories", "supervising agencies", "refs"):
            if key in meta and not (isinstance(meta[key], list) and all(isinstance(s, str) for s in meta[key])):
                raise InputError(at.problem(f"meta.{key} is not a list of text"))
        if "address" in meta and not isinstance(meta["address"], str):
            raise InputError(at.problem("meta.address is not text"))
    return data


def _meta(value: dict[str, Any]) -> dict[str, Any]:
    return value.get("meta") or {}


def _aspi_categories(values: list[dict[str, Any]], categories: Sequence[str], path: str) -> set[str]:
    """The categories asked for, folded for comparison; one that no entry has is an error that lists those that exist."""
    known = sorted({c for v in values for c in _meta(v).get("categories", [])})
    folded = {c.casefold() for c in known}
    for c in categories:
        if c.casefold() not in folded:
            raise InputError(
                Problem(
                    path,
                    0,
                    0,
                    f"no entry has the category '{c}'; categories in the file: {'; '.join(known) or '(none)'}",
                )
            )
    return {c.casefold() for c in categories}


def _aspi_draft(value: dict[str, Any], at: At) -> Draft:
    meta = _meta(value)
    name, native = split_aspi_value(value["value"])
    address = (meta.get("address") or "").strip()
    return Draft(
        fields={
            "name": name,
            "aliases": unique([native or "", *meta.get("aliases", [])], besides=[name]),
            # The tracker covers institutions of the People's Republic of China only (its own description).
            "country": "CN",
            "listed_from": None,
            "citation": None,
            "verified": True,
            "categories": unique(meta.get("categories", [])),
            "supervising_agencies": unique(meta.get("supervising agencies", [])),
            "addresses": [address] if address else [],
            "references": unique(meta.get("refs", [])),
        },
        at=at,
        keys=(str(value.get("uuid") or "")[:8],),
    )
