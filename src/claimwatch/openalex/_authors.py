"""Author records: the record of every distinct author on the harvested works, asked for by id,
100 ids a request, so N authors cost ceil(N/100) requests (plus retries) through the same client,
retries and accounting as the works.

An id the batch did not answer is asked for alone (`/authors/A...`): a merged author answers 301
and the record it was merged into is kept once; one that is gone (404, 410) is reported missing,
and the coverage of the author records says so. A record a batch answers that it did not ask for
is left out, and said so: it is no author of the works.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pyalex

from ..coverage import AuthorCoverage, Coverage
from ..evidence import authors_of
from ..people import author_id
from ._client import OpenAlexClient, OpenAlexError
from ._plan import MAX_OR_VALUES

if TYPE_CHECKING:
    from ._harvest import Progress

# Authors are filtered by their OpenAlex id with `openalex` (the documented alias of
# `ids.openalex`, https://docs.openalex.org/api-entities/authors/filter-authors), the ids ORed
# with `|` (https://docs.openalex.org/how-to-use-the-api/get-lists-of-entities/filter-entity-lists;
# that page has given both 50 and 100 as the most values one filter takes; FACTS.md and the
# collector's works queries hold 100).
AUTHOR_ID_FILTER = "openalex"
AUTHORS_PER_REQUEST = MAX_OR_VALUES
# One page holds every answer to a batch: no second (empty) page, no cursor.
AUTHORS_PER_PAGE = AUTHORS_PER_REQUEST
# How many ids of records answered unasked the line saying so names (the manifest names all).
UNASKED_SHOWN = 5

# Exactly the root fields people.author_from_openalex reads, less those OpenAlex no longer gives
# (a test holds the two together).
AUTHOR_FIELDS = (
    "id",
    "ids",
    "orcid",
    "display_name",
    "display_name_alternatives",
    "affiliations",
    "last_known_institutions",
    "updated_date",
)


@dataclass(frozen=True)
class AuthorsTask:
    """The author records of a snapshot's works, as a progress bar shows the task."""

    authors: int

    @property
    def label(self) -> str:
        return "authors of the works"


class WantedAuthors:
    """Who wrote the harvested works: the distinct author ids, and how many authorships name
    no author (no record can be asked for those)."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.unnamed = 0

    def add(self, record: dict[str, Any]) -> None:
        found = authors_of(record)
        self.ids |= found.ids
        self.unnamed += found.unnamed


@dataclass
class AuthorsOutcome:
    """How asking for the author records went."""

    wanted: int = 0
    requests: int = 0  # every request made for them, retries included
    retries: int = 0
    batches: int = 0
    received: int = 0
    fetched_alone: int = 0
    merged: dict[str, str] = field(default_factory=dict)
    not_found: list[str] = field(default_factory=list)
    unasked: set[str] = field(default_factory=set)  # ids of records a batch answered unasked, left out

    def as_json(self) -> dict[str, Any]:
        return {
            "wanted": self.wanted,
            "received": self.received,
            "batches": self.batches,
            "fetched_alone": self.fetched_alone,
            "requests": {"made": self.requests, "retried": self.retries},
            "not_found": list(self.not_found),
            "unasked": sorted(self.unasked),
        }


def author_query(batch: Iterable[str]) -> pyalex.Authors:
    """The authors with these ids (at most AUTHORS_PER_REQUEST), selected to the fields read."""
    return pyalex.Authors().filter_or(**{AUTHOR_ID_FILTER: list(batch)}).select(list(AUTHOR_FIELDS))


def describe_query() -> dict[str, Any]:
    """How the author records are asked for, for the manifest."""
    return {
        "endpoint": "authors",
        "filter": f"{AUTHOR_ID_FILTER}:ID|ID|... (at most {AUTHORS_PER_REQUEST} ids a request)",
        "select": ",".join(AUTHOR_FIELDS),
        "per_page": AUTHORS_PER_PAGE,
        "alone": "an id a batch did not answer: /authors/ID (a merged id answers 301)",
    }


def fetch_authors(
    api: OpenAlexClient, wanted: Iterable[str], keep: Callable[[dict[str, Any]], None], progress: Progress
) -> AuthorsOutcome:
    """Ask for the record of each author in `wanted`, AUTHORS_PER_REQUEST ids a request in sorted
    order, and hand each record to `keep` once, in a stable order (a batch's records sorted by id).
    Runs inside `api.pyalex()`."""
    ordered = sorted(set(wanted))
    outcome = AuthorsOutcome(wanted=len(ordered))
    made, retried = api.requests_made, api.retries_made
    task = AuthorsTask(len(ordered))
    progress.query_started(task, len(ordered))
    got: set[str] = set()
    asked = set(ordered)

    def once(record: dict[str, Any]) -> None:
        own = author_id(record.get("id"))
        if own is not None and (misshapen := _misshapen_affiliations(record)):
            raise api.unexpected(f"author {own}'s {misshapen}")
        if own is not None and own not in got:
            got.add(own)
            outcome.received += 1
            keep(record)

    for start in range(0, len(ordered), AUTHORS_PER_REQUEST):
        batch = ordered[start : start + AUTHORS_PER_REQUEST]
        outcome.batches += 1
        for record in _batch(api, batch):
            own = author_id(record.get("id"))
            if own in asked:
                once(record)
            elif own is not None:
                outcome.unasked.add(own)
        progress.advanced(task, len(batch))
    for missing in [a for a in ordered if a not in got]:
        alone = _alone(api, missing, outcome, progress)
        if alone is not None:
            once(alone)
    # A record answered unasked may be the one a merged id asked alone leads to: kept then, so
    # neither the note nor the manifest may call it left out.
    outcome.unasked -= got
    _say_unasked(outcome.unasked, progress)
    outcome.requests, outcome.retries = api.requests_made - made, api.retries_made - retried
    return outcome


def _misshapen_affiliations(record: dict[str, Any]) -> str | None:
    """What is wrong with a record's `affiliations` where it is no list of objects: read as it
    is, the author would have no affiliations, and the author records' coverage would still say
    complete, so a listed place of the author's would be lost in silence. A null or missing field
    is what real records give for none."""
    affiliations = record.get("affiliations")
    if affiliations is None:
        return None
    if not isinstance(affiliations, list):
        return f"affiliations is {type(affiliations).__name__}, not a list"
    if any(not isinstance(a, dict) for a in affiliations):
        return "affiliations holds a value that is not an affiliation object"
    # A year with a fraction stops every check of the snapshot (`people._years`): said here, at
    # the answer that gave it. A whole float (2021.0) is read as the year.
    for a in affiliations:
        years = a.get("years")
        for y in years if isinstance(years, list) else ():
            if isinstance(y, float) and not y.is_integer():
                return f"affiliations give {y!r} among the years, not a whole number: no year a record can mean"
    return None


def _say_unasked(unasked: set[str], progress: Progress) -> None:
    if unasked:
        shown = sorted(unasked)
        listed = ", ".join(shown[:UNASKED_SHOWN]) + (", ..." if len(shown) > UNASKED_SHOWN else "")
        n = len(shown)
        progress.note(f"OpenAlex answered {n} author record{'s' if n != 1 else ''} not asked for ({listed}): left out")


def _batch(api: OpenAlexClient, batch: list[str]) -> list[dict[str, Any]]:
    """One request's answer: the author records it holds, sorted by id."""
    page = api.call(lambda: author_query(batch).get(per_page=AUTHORS_PER_PAGE))
    if not isinstance(page, list) or not isinstance(getattr(page, "meta", None), dict):
        raise api.unexpected("an authors list without meta and results")
    records = [dict(r) for r in page if isinstance(r, dict)]
    return sorted(records, key=lambda r: author_id(r.get("id")) or "")


def _alone(api: OpenAlexClient, wanted: str, outcome: AuthorsOutcome, progress: Progress) -> dict[str, Any] | None:
    """The author asked for alone: the record it was merged into where it was, None where it is gone."""
    try:
        record = api.call(lambda: pyalex.Authors()[wanted])
    except OpenAlexError as e:
        if e.status not in (404, 410):
            raise
        progress.note(f"{wanted}: OpenAlex has no author record of it ({e.cause})")
        outcome.not_found.append(wanted)
        return None
    own = author_id(record.get("id")) if isinstance(record, dict) else None
    if own is None:
        raise api.unexpected(f"the answer for author {wanted} is not an author record")
    outcome.fetched_alone += 1
    if own != wanted:
        outcome.merged[wanted] = own
    return dict(record)


def collected_author_coverage(
    coverage: Coverage, wanted: WantedAuthors, missing: Iterable[str], works_still_truncated: int
) -> AuthorCoverage:
    """The author records' coverage: complete where the works' is, every author on the works has
    a record, every authorship names its author, and no work's author list stayed cut at 100."""
    missing = list(missing)
    if not coverage.complete:
        note = "the works' coverage is not complete, so neither can their authors' be"
        return AuthorCoverage(
            declared_by="claimwatch collect", note=note, authors=len(wanted.ids), missing=len(missing)
        )
    unnamed = wanted.unnamed
    short = [
        f"OpenAlex gave no record of {len(missing)} of the {len(wanted.ids)} authors" if missing else None,
        f"{unnamed} authorship{'s' if unnamed != 1 else ''} on the works name no OpenAlex author" if unnamed else None,
        f"{works_still_truncated} work{'s' if works_still_truncated != 1 else ''} kept with only "
        "their first 100 authors, so their other authors were not asked for"
        if works_still_truncated
        else None,
    ]
    return AuthorCoverage(
        complete=not any(short),
        institutions=coverage.institutions,
        from_=coverage.from_,
        to=coverage.to,
        declared_by="claimwatch collect",
        note="; ".join(filter(None, short)) or None,
        authors=len(wanted.ids),
        missing=len(missing),
        without_author_id=unnamed,
    )
