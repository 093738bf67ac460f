"""What evidence holds completely, and the one way claimwatch words it: its works (`Coverage`,
`describe`) and its author records (`AuthorCoverage`, `describe_authors`).

A leaf: the evidence store, curated evidence, the collector, the evaluator and the reports all
read coverage, and none of them is needed to describe it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

# Added after the first format: left out of the JSON where empty, so evidence that never
# counted its subjects' works reads (and reports) exactly as before.
_OPTIONAL_KEYS = ("subject_works", "confirmed_empty")


Count = Annotated[int, Field(ge=0, strict=True)]
"""A count a manifest records: a whole number, never below 0 (not "2", not true)."""


def in_order(start: dt.date | None, end: dt.date | None) -> None:
    """A declared period runs forward: one that ends before it starts holds nothing it names."""
    if start is not None and end is not None and start > end:
        raise ValueError(f"the period from {start} ends before it starts ({end})")


class Coverage(BaseModel):
    """What evidence holds completely: every work of these institutions (through OpenAlex
    lineage) published in this period, as the source attributes them. Curated evidence is
    never complete.

    `subject_works` counts the works the evidence holds for each institution declared (an
    authorship whose institution is it or has it in its lineage); an institution with none is
    complete only where someone confirmed it may have none (`confirmed_empty`).
    """

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    complete: bool = False
    institutions: tuple[str, ...] = ()
    from_: dt.date | None = Field(None, alias="from")
    to: dt.date | None = None
    declared_by: str = "nobody"
    note: str | None = None
    subject_works: dict[str, Count] | None = None
    confirmed_empty: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _runs_forward(self) -> Coverage:
        in_order(self.from_, self.to)
        return self

    def holds(
        self, institutions: Iterable[str], start: dt.date | None, end: dt.date, retrieved: dt.date | None = None
    ) -> bool:
        """True when every one of `institutions` is covered for the whole of start..end.

        An open `to` runs to the day the evidence's records were current (`retrieved`); where
        that is not known, an open `to` covers nothing after `from` can be vouched for, so it
        holds for no period at all.
        """
        return _holds(self, institutions, start, end, retrieved)

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.model_dump_json(by_alias=True))
        for key in _OPTIONAL_KEYS:
            if data.get(key) in (None, []):
                data.pop(key, None)
        return data


def _holds(
    coverage: Coverage | AuthorCoverage,
    institutions: Iterable[str],
    start: dt.date | None,
    end: dt.date,
    retrieved: dt.date | None,
) -> bool:
    wanted = set(institutions)
    if not (coverage.complete and wanted and wanted <= set(coverage.institutions)):
        return False
    if coverage.from_ and (start is None or start < coverage.from_):
        return False
    if start is not None and start > end:  # a period that begins after the records were current
        return False
    # Declared to a day after the records were current, coverage vouches only to that day: a
    # work published or attributed since may be missing, and silence about it is no proof.
    last = min(coverage.to, retrieved) if coverage.to and retrieved else coverage.to or retrieved
    return last is not None and end <= last


class AuthorCoverage(BaseModel):
    """Which author records evidence holds completely: the record of every author on the works
    of these institutions (through OpenAlex lineage) published in this period, as OpenAlex
    identifies authors. It can be complete only where the works' coverage is, every author on
    those works has a record (`missing` is 0), and every authorship names its author
    (`without_author_id` is 0). Curated histories are never complete.

    `authors` counts the distinct authors on those works, where the evidence counted them.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    complete: bool = False
    institutions: tuple[str, ...] = ()
    from_: dt.date | None = Field(None, alias="from")
    to: dt.date | None = None
    declared_by: str = "nobody"
    note: str | None = None
    authors: Count | None = None
    missing: Count = 0
    without_author_id: Count = 0

    @model_validator(mode="after")
    def _runs_forward(self) -> AuthorCoverage:
        in_order(self.from_, self.to)
        return self

    def holds(
        self, institutions: Iterable[str], start: dt.date | None, end: dt.date, retrieved: dt.date | None = None
    ) -> bool:
        """True when the records of every author on the works of every one of `institutions`
        over the whole of start..end are held; an open `to` as for `Coverage.holds`."""
        return _holds(self, institutions, start, end, retrieved)

    def as_json(self) -> dict[str, Any]:
        return dict(json.loads(self.model_dump_json(by_alias=True)))


NO_AUTHORS = AuthorCoverage(note="the evidence holds no author records")


def describe_authors(coverage: AuthorCoverage, open_end: str = "retrieval") -> str:
    """Author coverage in a few words, the same in every command and report: 'complete for the
    authors of the works of I4210113369, 2024-01-10 to retrieval (declared by claimwatch
    collect; 812 authors)' or 'not complete (the evidence holds no author records)'."""
    return _worded(coverage, "the authors of the works of ", _authors_held(coverage), open_end)


def _authors_held(coverage: AuthorCoverage) -> str | None:
    """'812 authors, 3 without a record, 2 authorships naming no author', where counted."""
    if coverage.authors is None:
        return None
    parts = [f"{coverage.authors} author{'s' if coverage.authors != 1 else ''}"]
    if coverage.missing:
        parts.append(f"{coverage.missing} without a record")
    if coverage.without_author_id:
        n = coverage.without_author_id
        parts.append(f"{n} authorship{'s' if n != 1 else ''} naming no OpenAlex author")
    return ", ".join(parts)


def describe(coverage: Coverage, open_end: str = "retrieval") -> str:
    """Coverage in a few words, the same in every command and report.

    'complete for I4210113369, 2024-01-10 to retrieval (declared by collect; 212 works of
    I4210113369)' or 'not complete (JSONL read directly; no coverage declared)'. `open_end`
    names where an open `to` ends, where the caller knows the evidence's as-of.
    """
    return _worded(coverage, "", _works_held(coverage), open_end)


def _worded(coverage: Coverage | AuthorCoverage, whose: str, held: str | None, open_end: str) -> str:
    """The one wording of works' and authors' coverage: what is held, for whom, over what period."""
    if not coverage.complete:
        return f"not complete ({'; '.join(filter(None, [coverage.note or 'none declared', held]))})"
    period = f"{coverage.from_ or 'the start'} to {coverage.to or open_end}"
    details = "; ".join(filter(None, [f"declared by {coverage.declared_by}", held, coverage.note]))
    return f"complete for {whose}{', '.join(coverage.institutions)}, {period} ({details})"


def _works_held(coverage: Coverage) -> str | None:
    """'212 works of I1, none of I2 (confirmed empty)', where the works were counted."""
    if coverage.subject_works is None:
        return None
    parts = []
    for institution, count in sorted(coverage.subject_works.items()):
        if count:
            parts.append(f"{count} work{'s' if count != 1 else ''} of {institution}")
        else:
            confirmed = " (confirmed empty)" if institution in coverage.confirmed_empty else ""
            parts.append(f"no work of {institution}{confirmed}")
    return ", ".join(parts) or None
