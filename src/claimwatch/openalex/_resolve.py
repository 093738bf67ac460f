"""Resolving institutions: OpenAlex institutions by name or ROR id, so an analyst can fill in a
subject's or a list entry's ids."""

from __future__ import annotations

import unicodedata
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pyalex

from .. import ids
from ..errors import InputError, Problem
from ..works import read_through_invisible
from ._client import OpenAlexClient, OpenAlexError, client_for
from ._plan import PER_PAGE

INSTITUTION_FIELDS = ("id", "ror", "display_name", "country_code", "type", "lineage", "works_count")


@dataclass(frozen=True)
class InstitutionHit:
    """An OpenAlex institution, with what an analyst needs to fill in a subject or list entry."""

    id: str
    name: str
    ror: str | None
    country: str | None
    type: str | None
    lineage: tuple[str, ...]
    works_count: int | None

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> InstitutionHit | None:
        """The hit a record gives; None where it has no OpenAlex institution id (None, a work's):
        an analyst would copy it under `openalex:`. A field of another type than OpenAlex gives
        is read as absent, never printed as Python writes it."""
        own = ids.openalex_id(record.get("id"))
        if own is None or not own.startswith("I"):
            return None
        raw = record.get("lineage")
        lineage = raw if isinstance(raw, list) else []
        count = record.get("works_count")
        return cls(
            id=own,
            name=_text(record.get("display_name")) or "",
            ror=ids.ror_id(record.get("ror")),
            country=_text(record.get("country_code")),
            type=_text(record.get("type")),
            lineage=tuple(filter(None, (ids.openalex_id(v) for v in lineage if isinstance(v, str)))),
            works_count=count if isinstance(count, int) and not isinstance(count, bool) else None,
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "ror": self.ror,
            "country": self.country,
            "type": self.type,
            "lineage": list(self.lineage),
            "works_count": self.works_count,
        }


def resolve(
    name: str, *, client: OpenAlexClient | None = None, limit: int = 10, note: Callable[[str], None] | None = None
) -> list[InstitutionHit]:
    """OpenAlex institutions whose names match `name`, best first (OpenAlex's search order);
    `name` is sent as `searched_name` gives it. A result without an OpenAlex institution id is
    skipped, `note` told how many (a Python warning where no `note` is given), so one such
    result hides none of the others and none is dropped in silence; an answer of none but such
    results is no answer OpenAlex gives, and fails."""
    name = searched_name(name)
    if not name:
        raise InputError(Problem("NAME", 0, 0, "give a name to search for"))
    if not 1 <= limit <= PER_PAGE:
        raise InputError(Problem("--limit", 0, 0, f"must be between 1 and {PER_PAGE}"))
    with client_for(client) as api, api.pyalex():
        found = api.call(
            lambda: pyalex.Institutions().search(name).select(list(INSTITUTION_FIELDS)).get(per_page=limit)
        )
        if not isinstance(found, list) or not all(isinstance(r, Mapping) for r in found):
            raise api.unexpected("a list of institutions was expected")
        hits = [h for h in map(InstitutionHit.from_record, found) if h is not None]
        if found and not hits:
            raise api.unexpected("an institution without an OpenAlex institution id")
        if len(hits) < len(found):
            skipped = len(found) - len(hits)
            said = (
                f"OpenAlex: {skipped} of {len(found)} results skipped, "
                "without an OpenAlex institution id (none, or another entity's)"
            )
            if note is not None:
                note(said)
            else:
                warnings.warn(said, stacklevel=2)
        return hits


def _hit(api: OpenAlexClient, record: Mapping[str, Any]) -> InstitutionHit:
    hit = InstitutionHit.from_record(record)
    if hit is None:
        raise api.unexpected("an institution without an OpenAlex institution id")
    return hit


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def searched_name(name: str) -> str:
    """`name` as OpenAlex's names are written: composed (NFC: "a" and a combining diaeresis as
    "ä", as a name typed on macOS or copied from a PDF may give it) and without the characters
    that show nothing (a soft hyphen, a zero-width space pasted from a web page). A search index
    compares the characters sent: "Universita\u0308t" is no word of "Universität"."""
    return unicodedata.normalize("NFC", read_through_invisible(name)).strip()


def resolve_ror(ror: str, *, client: OpenAlexClient | None = None) -> InstitutionHit | None:
    """The OpenAlex institution with this ROR id, or None when OpenAlex has none."""
    short = ids.ror_id(ror)
    if not short:
        raise InputError(Problem("--ror", 0, 0, f"'{ror}' is not a ROR id: {ids.ROR_FORMS}"))
    if not ids.ror_checksum_ok(short):  # asking would only bring a 404
        raise InputError(Problem("--ror", 0, 0, f"'{ror}' is not a ROR id: {ids.ror_problem(short)}"))
    with client_for(client) as api, api.pyalex():
        try:
            record = api.call(lambda: pyalex.Institutions()[f"ror:{short}"])
        except OpenAlexError as e:
            if e.status == 404:
                return None
            raise
        if not isinstance(record, Mapping):  # e.g. a list of results, where one institution belongs
            raise api.unexpected("one institution was expected")
        return _hit(api, record)
