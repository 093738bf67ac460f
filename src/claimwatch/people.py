"""People as their records show them: OpenAlex author records, and the histories an analyst
recorded by hand in curated evidence, as one model, `AuthorRecord`.

An OpenAlex author record lists `affiliations`, each an institution with `years`. Those years
are **publication years**: the years of the author's works that state the institution. They are
not employment dates: a person may have joined long before their first paper there, left long
after their last, or published from a place they only visited. A curated history's years are
what its sources (a CV, a lab page) state, which may be employment years; `years_basis` says
which a record's years are. Where a record gives no years for an institution, the affiliation is
kept with none: a year is never invented.

Institutions are `works.Institution`s, built from OpenAlex's institution objects as a work's
are, so an author's affiliations match lists exactly as a work's authorships do.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from . import ids
from .errors import InputError, Problem
from .works import HYPHENS_AS_READ, Institution, Origin, updated_on

PUBLICATION_YEARS = (
    "publication years: the years of the author's works that state the institution, not employment dates"
)
STATED_YEARS = "the years the sources state"

LEGACY_AUTHOR_FIELDS = frozenset({"last_known_institution"})
"""Fields read from author records that OpenAlex no longer gives (older dumps and snapshots
have them): never asked of the API."""

UNNAMED = "(unnamed author)"
NAME_SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv"])
"""What follows a person's name, not a name of their own ("John Smith Jr.", "Henry Ford II"), in
lower case and without its point: a record's names (`evaluate.people`) and a list's (`lists`)."""
YEARS_READ = range(1000, 10_000)  # a year outside this is no year a record can mean


@dataclass(frozen=True, slots=True)
class Affiliation:
    """An institution a person is placed at, and the years the record places them there:
    sorted, each once; empty where the record gives none. `unread`: what the record gives among
    the years that is no year (a string, a null, 20200), as written: a year it does not say."""

    institution: Institution
    years: tuple[int, ...] = ()
    role: str | None = None  # curated: as the source states it ("intern"); OpenAlex gives none
    unread: tuple[str, ...] = ()

    @property
    def first_year(self) -> int | None:
        return self.years[0] if self.years else None

    @property
    def last_year(self) -> int | None:
        return self.years[-1] if self.years else None


@dataclass(frozen=True, slots=True)
class AuthorRecord:
    """One person as one record shows them.

    `id` is the OpenAlex author id (A...) of an OpenAlex record, or the curated record's own id;
    `openalex_id` is the OpenAlex id wherever one is known. `years_basis` says what the years of
    its affiliations are (`PUBLICATION_YEARS` for OpenAlex, `STATED_YEARS` for curated).
    """

    id: str
    name: str
    origin: Origin
    openalex_id: str | None = None
    orcid: str | None = None
    alternative_names: tuple[str, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    last_known_institutions: tuple[Institution, ...] = ()
    updated: str | None = None
    merged_ids: tuple[str, ...] = ()  # author ids OpenAlex merged into this one, where the evidence knows
    sources: tuple[dict[str, Any], ...] = ()  # curated: where the history was read
    years_basis: str = PUBLICATION_YEARS
    current_on: dt.date | None = None  # the day the record was current, where its evidence knows

    def within_record(self, current_on: dt.date | None) -> AuthorRecord:
        """The record, knowing the day it was current: `current_on` (its evidence's), or its own
        `updated_date` where that is later, as a work's record (`Work.within_record`). Only
        publication years can be ahead of it: a curated history's are what its sources state."""
        if current_on is None or self.years_basis != PUBLICATION_YEARS:
            return self
        own = updated_on(self.updated)
        return dataclasses.replace(self, current_on=max(current_on, own) if own else current_on)

    def ahead(self, years: Iterable[int]) -> tuple[int, ...]:
        """The years wholly after the day the record was current. A publication year there is a
        work's date ahead of its record (an issue dated ahead of its articles): it does not say
        when the person published there, which may be any year up to that day."""
        if self.current_on is None:
            return ()
        return tuple(y for y in years if dt.date(y, 1, 1) > self.current_on)

    def identity_keys(self) -> list[str]:
        """Keys that name the same person across records: the OpenAlex id (and any merged into
        it), the ORCID, and for curated records the record itself."""
        keys = [f"author:{i}" for i in (self.openalex_id, *self.merged_ids) if i]
        if self.orcid:
            keys.append(f"orcid:{self.orcid}")
        if self.origin.kind == "curated":
            keys.append(f"curated:{self.origin.path}#{self.id}")
        return keys


# --- identifiers -----------------------------------------------------------------------------

# An ORCID iD as people write one: bare or as ORCID's address, with a query or a fragment after it
# as a browser's address bar copies one ("?lang=en"), its four groups joined by hyphens (or by any
# character a text reads as one, `READ_AS_HYPHENS`: a typeset CV's "0000\u20100002\u2010...") or by
# spaces, as the ISNI it is a part of writes them ("0000 0002 1825 0097").
_ORCID = re.compile(
    r"^(?:https?://(?:www\.)?orcid\.org/)?(\d{4})([-\s])(\d{4})([-\s])(\d{4})([-\s])(\d{3}[\dX])/?(?:[?#]\S*)?$",
    re.IGNORECASE | re.ASCII,
)


ORCID_FORMS = "0000-0002-1825-0097, or https://orcid.org/0000-0002-1825-0097"


def orcid_id(value: object) -> str | None:
    """'https://orcid.org/0000-0001-6187-6610' -> '0000-0001-6187-6610'; None where it is not an
    ORCID iD (`orcid_form`), its check digit (ISO 7064 11-2) included."""
    short = orcid_form(value)
    return short if short and orcid_check_digit_holds(short) else None


def orcid_form(value: object) -> str | None:
    """What is written as an ORCID iD (`_ORCID`), in its one spelling ('0000-0001-6187-6610'),
    whether or not its check digit holds; None for anything else, an ISNI that is none
    (`an_isni_not_an_orcid`) among them. Full-width digits, as a Chinese or Japanese keyboard types
    them, are the digits."""
    written = _written_as_an_orcid(value)
    return written[0] if written and not an_isni_not_an_orcid(value) else None


def an_isni_not_an_orcid(value: object) -> str | None:
    """An ISNI written as the ISNI writes one, its groups spaced apart ("0000 0004 1936 754X"),
    from outside the blocks ORCID gives its iDs from (`_ORCID_BLOCKS`): an organisation's, or a
    person's given by a library, never an ORCID iD. In the one spelling of `orcid_form`."""
    written = _written_as_an_orcid(value)
    return written[0] if written and written[1] and not _in_orcids_blocks(written[0]) else None


def _written_as_an_orcid(value: object) -> tuple[str, bool] | None:
    """An iD of `_ORCID`'s forms in its one spelling, and whether a space parts its groups."""
    if not isinstance(value, str):
        return None
    m = _ORCID.match(unicodedata.normalize("NFKC", value).translate(HYPHENS_AS_READ).strip())
    if not m:
        return None
    groups = m.groups()
    return "-".join(groups[0::2]).upper(), any(sep.isspace() for sep in groups[1::2])


# The blocks of the ISNI's numbers reserved for ORCID, from which ORCID gives every iD: "between
# 0000-0001-5000-0007 and 0000-0003-5000-0001" and, since 2023, "between 0009-0000-0000-0000 and
# 0009-0010-0000-0000" (ORCID's FAQ, "What is the relationship between ISNI and ORCID?", published
# 2023-02-22, as quoted in github.com/openaire/guidelines-cris-managers/issues/146, read at
# https://githubissues.com/openaire/guidelines-cris-managers/146). Only the
# ISNI's spaced grouping is held to them: an ISNI of a university ("0000 0004 1936 754X") has a
# check digit that holds too, and a form written as ORCID writes one is meant as an iD.
_ORCID_BLOCKS = (("0000-0001-5000-0007", "0000-0003-5000-0001"), ("0009-0000-0000-0000", "0009-0010-0000-0000"))
ORCID_BLOCKS_SAID = ", ".join(f"{low} to {high}" for low, high in _ORCID_BLOCKS)


def _in_orcids_blocks(short: str) -> bool:
    return any(low <= short <= high for low, high in _ORCID_BLOCKS)


def orcid_check_digit_holds(short: str) -> bool:
    """Whether the last character of an iD in its one spelling (`orcid_form`) is the check digit
    of the others: a typo of one digit, or two swapped, is no one's iD."""
    return _orcid_check_digit(short[:-1]) == short[-1]


def _orcid_check_digit(base: str) -> str:
    total = 0
    for digit in base.replace("-", ""):
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def author_id(value: object) -> str | None:
    """An OpenAlex author id (A...) in its short form, of a sensible length; None otherwise."""
    short = ids.openalex_id(value) if isinstance(value, str) else None
    return short if short and short[0] == "A" and len(short) <= ids.MAX_OPENALEX_DIGITS + 1 else None


# --- OpenAlex author records -----------------------------------------------------------------


def author_from_openalex(record: dict[str, Any], origin: Origin, merged_ids: Iterable[str] = ()) -> AuthorRecord:
    """An AuthorRecord from an OpenAlex author record, tolerating what real records do: nulls
    and missing fields, an affiliation with no years (kept, with none), an institution with no
    id (kept by its name) or with neither id nor name (OpenAlex's placeholder: it places no one,
    and is left out), the same institution twice (one affiliation, its years joined), and the
    older single `last_known_institution` where `last_known_institutions` is missing."""
    record_ids = _dict(record.get("ids"))
    own = author_id(record.get("id")) or author_id(record_ids.get("openalex"))
    name = _str(record.get("display_name"))
    last_known = record.get("last_known_institutions")
    if not isinstance(last_known, list):
        older = record.get("last_known_institution")
        last_known = [older] if isinstance(older, dict) else []
    return AuthorRecord(
        id=own or _short_str(record.get("id")) or str(origin),
        name=name or UNNAMED,
        origin=origin,
        openalex_id=own,
        orcid=orcid_id(record.get("orcid")) or orcid_id(record_ids.get("orcid")),
        alternative_names=_alternative_names(record.get("display_name_alternatives"), name),
        affiliations=_openalex_affiliations(record.get("affiliations"), origin, own or str(record.get("id"))),
        last_known_institutions=tuple(_institutions(last_known)),
        updated=_str(record.get("updated_date")),
        merged_ids=tuple(sorted({m for m in merged_ids if m and m != own})),
    )


def _openalex_affiliations(value: object, origin: Origin, author: str) -> tuple[Affiliation, ...]:
    """Each institution once, in the record's order, with the years of all its entries."""
    order: list[tuple[str, Institution]] = []
    years: dict[str, set[int]] = {}
    unread: dict[str, list[str]] = {}
    for entry in _list(value):
        entry = _dict(entry)
        institution = institution_from_openalex(_dict(entry.get("institution")))
        if institution is None:
            continue
        # An institution kept by its name alone is one place only where the rest of what the
        # matchers read agrees: two "Northeastern University" entries, one in the US and one in
        # China, are two places, and joining them gave the one in China the other's years.
        key = institution.id or f"name:{institution.name}\n{institution.country or ''}\n{institution.ror or ''}"
        if key not in years:
            order.append((key, institution))
            years[key], unread[key] = set(), []
        for y in _years(entry.get("years"), origin, author):
            if isinstance(y, int):
                years[key].add(y)
            elif y not in unread[key]:
                unread[key].append(y)
    return tuple(
        Affiliation(institution, tuple(sorted(years[key])), unread=tuple(unread[key])) for key, institution in order
    )


def _years(value: object, origin: Origin, author: str) -> Iterable[int | str]:
    """The whole-number years of a list, one written as a whole float (2021.0, as a tool that
    writes every number as a float gives it) read as the year, as a curated history's is; a
    number with a fraction is refused, naming the record: passed over, it would take the years
    it stands among with it in silence. Anything else is no year, never guessed ("2020", null,
    20200): given as written, a year the record does not say (`Affiliation.unread`), since
    passed over it would hide a year at a listed institution."""
    for y in _list(value):
        if isinstance(y, float) and y.is_integer():
            y = int(y)
        elif isinstance(y, float):
            message = f"author {author} gives {y!r} among its years, not a whole number: no year a record can mean"
            raise InputError(Problem(origin.path, origin.line, 1, message))
        if isinstance(y, int) and not isinstance(y, bool) and y in YEARS_READ:
            yield y
        else:
            yield _as_written(y)


def _as_written(value: object) -> str:
    """A JSON value as the record writes it, cut short: for a sentence."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 40 else text[:39] + "\u2026"


def _institutions(values: Iterable[object]) -> Iterable[Institution]:
    for value in values:
        institution = institution_from_openalex(_dict(value))
        if institution is not None:
            yield institution


def institution_from_openalex(i: dict[str, Any]) -> Institution | None:
    """An institution object as OpenAlex gives it (id, display_name, ror, country_code, lineage);
    None where it has neither an id nor a name (the placeholder `I-1` has no id)."""
    own = ids.openalex_id(i.get("id")) if isinstance(i.get("id"), str) else None
    own = own if own and own[0] == "I" else None
    name = _str(i.get("display_name")) or ""
    if not own and not name:
        return None
    lineage = tuple(x for x in (ids.openalex_id(v) for v in _list(i.get("lineage")) if isinstance(v, str)) if x)
    ror = i.get("ror")
    return Institution(
        name=name,
        id=own,
        ror=ids.ror_id(ror) if isinstance(ror, str) else None,
        lineage=lineage or ((own,) if own else ()),
        country=_str(i.get("country_code")),
    )


def _alternative_names(value: object, name: str | None) -> tuple[str, ...]:
    seen = {name} if name else set()
    out = []
    for alt in _list(value):
        if isinstance(alt, str) and alt.strip() and alt not in seen:
            seen.add(alt)
            out.append(alt)
    return tuple(out)


# --- curated histories -----------------------------------------------------------------------


def author_from_curated(raw: dict[str, Any], origin: Origin) -> AuthorRecord:
    """A person's history as an analyst recorded it (a `people:` entry of a curated file, already
    checked against its schema): each affiliation with the years its sources state."""
    openalex = author_id(raw.get("openalex"))
    return AuthorRecord(
        id=raw["id"],
        name=raw["name"],
        origin=origin,
        openalex_id=openalex,
        orcid=orcid_id(raw.get("orcid")),
        alternative_names=tuple(raw.get("aliases", ())),
        affiliations=tuple(_curated_affiliation(a) for a in raw["affiliations"]),
        sources=tuple(raw["sources"]),
        years_basis=STATED_YEARS,
    )


def _curated_affiliation(raw: dict[str, Any]) -> Affiliation:
    own = ids.openalex_id(raw.get("openalex"))
    institution = Institution(
        name=raw["name"],
        id=own,
        ror=ids.ror_id(raw.get("ror")),
        lineage=(own,) if own else (),
        country=raw.get("country"),
    )
    # The schema's "integer" admits a whole number written with a fraction (2020.0, as a
    # spreadsheet exports a year): read it as the year, which dates are built of.
    return Affiliation(institution, tuple(sorted({int(y) for y in raw.get("years", ())})), raw.get("role"))


# --- tolerant reading ------------------------------------------------------------------------


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _short_str(value: object) -> str | None:
    """A record's own id where it is no OpenAlex author id, if short enough to cite."""
    return value if isinstance(value, str) and 0 < len(value) <= 200 else None


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}
