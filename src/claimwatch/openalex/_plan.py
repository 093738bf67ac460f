"""Planning: the fewest queries that gather what the claims need, and the coverage they give.
One query per subject (subjects with the same OpenAlex ids are one), over the union of its
claims' periods; a subject with more than 100 ids takes one query per 100."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pyalex

from .. import ids
from ..claims import ClaimSet, Subject, describe_period
from ..coverage import Coverage
from ..errors import InputError, Problem
from ..works import LIST_AUTHORS_CAP

LINEAGE = "authorships.institutions.lineage"
MAX_OR_VALUES = 100  # the API refuses an OR filter with more values
PER_PAGE = 200  # the API's largest page
AUTHORS_CAP = LIST_AUTHORS_CAP  # list responses cut authorships here

# Exactly the root fields works.work_from_openalex reads (a test holds the two together).
WORK_FIELDS = (
    "id",
    "doi",
    "title",
    "display_name",
    "publication_date",
    "publication_year",
    "ids",
    "authorships",
    "topics",
    "primary_topic",
    "keywords",
    "abstract_inverted_index",
    "is_retracted",
    "is_authors_truncated",
    "updated_date",
    "primary_location",
    "locations",  # an article's arXiv version, which makes it one work with the preprint's record
)


@dataclass(frozen=True)
class Query:
    """Every work with an author whose institution lineage holds one of `institutions`,
    published from `from_` to `to` (an open end is None)."""

    subject: str
    name: str
    institutions: tuple[str, ...]
    from_: dt.date | None = None
    to: dt.date | None = None

    @property
    def label(self) -> str:
        return f"{self.subject} {describe_period(self.from_, self.to)}"

    def ahead_from(self, retrieved: dt.date) -> dt.date | None:
        """For a closed period, the first day of the works dated ahead of both its end and
        `retrieved`, the day the records are current: such a date (an issue dated ahead of its
        articles, a record made before publication) does not say when the work appeared, which
        may be any day up to it, in the period too (the evaluator reads it so), yet
        `to_publication_date` leaves the work out. None for an open period, which asks for them."""
        if self.to is None:
            return None
        return max(self.to, retrieved) + dt.timedelta(days=1)

    def filters(self, updated_since: dt.date | None = None, dated_from: dt.date | None = None) -> dict[str, str]:
        """The filter terms, as OpenAlex spells them; with `dated_from`, those of the works dated
        from that day on (`ahead_from`) instead of the period."""
        terms = {LINEAGE: "|".join(self.institutions)}
        if dated_from:
            terms["from_publication_date"] = dated_from.isoformat()
        elif self.from_:
            # From 1 January of the first year: OpenAlex dates a work known only to its year
            # YYYY-01-01, and such a work may fall inside the period (the evaluator calls it
            # uncertain); asked from the day itself, OpenAlex would leave it out unseen.
            terms["from_publication_date"] = self.from_.replace(month=1, day=1).isoformat()
        if self.to and not dated_from:
            terms["to_publication_date"] = self.to.isoformat()
        if updated_since:
            terms["from_updated_date"] = updated_since.isoformat()
        return terms

    def works(self, updated_since: dt.date | None = None, dated_from: dt.date | None = None) -> pyalex.Works:
        """The pyalex query. filter_or comes first: pyalex joins a list by `|` only inside an
        or_ filter, and by `+` (AND) in a plain one."""
        dates = {k: v for k, v in self.filters(updated_since, dated_from).items() if k != LINEAGE}
        query = pyalex.Works().filter_or(**{LINEAGE: list(self.institutions)})
        if dates:
            query = query.filter(**dates)
        return query.select(list(WORK_FIELDS))

    def describe(self, updated_since: dt.date | None = None, retrieved: dt.date | None = None) -> dict[str, Any]:
        """What the manifest records: the query's terms and the exact URL pyalex builds; for a
        closed period retrieved on `retrieved`, the query of the works dated ahead (`dated_ahead`,
        asked in full by an update too)."""
        url = self.works(updated_since).url
        ahead = self.ahead_from(retrieved) if retrieved is not None else None
        ahead_url = self.works(dated_from=ahead).url if ahead is not None else None
        return {
            "subject": self.subject,
            "name": self.name,
            "institutions": list(self.institutions),
            "from": self.from_.isoformat() if self.from_ else None,
            "to": self.to.isoformat() if self.to else None,
            "filter": _raw_param(url, "filter"),
            "select": ",".join(WORK_FIELDS),
            "per_page": PER_PAGE,
            "paging": "cursor",
            "url": url,
            "dated_ahead": None
            if ahead_url is None
            else {"from_publication_date": str(ahead), "filter": _raw_param(ahead_url, "filter"), "url": ahead_url},
        }

    @classmethod
    def from_manifest(cls, entry: Any, where: str) -> Query:
        try:
            institutions = tuple(ids.openalex_id(i) or "" for i in entry["institutions"])
            if not institutions or not all(i.startswith("I") for i in institutions):
                raise ValueError("institutions")
            return cls(
                subject=str(entry["subject"]),
                name=str(entry.get("name") or entry["subject"]),
                institutions=institutions,
                from_=dt.date.fromisoformat(entry["from"]) if entry.get("from") else None,
                to=dt.date.fromisoformat(entry["to"]) if entry.get("to") else None,
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            raise InputError(
                Problem(
                    where,
                    0,
                    0,
                    "a query in the manifest is not one `claimwatch collect` wrote; collect the snapshot again",
                )
            ) from None


def _raw_param(url: str, name: str) -> str | None:
    """A query parameter exactly as sent (undecoded)."""
    for part in urlsplit(url).query.split("&"):
        key, _, value = part.partition("=")
        if key == name:
            return value
    return None


@dataclass
class _SubjectGroup:
    keys: set[str] = field(default_factory=set)
    names: dict[str, None] = field(default_factory=dict)
    starts: list[dt.date | None] = field(default_factory=list)
    ends: list[dt.date | None] = field(default_factory=list)


def plan(claim_set: ClaimSet) -> list[Query]:
    """One query per subject (subjects with the same OpenAlex ids are one subject), over the
    union of its claims' periods; a subject with more than 100 ids takes one query per 100."""
    groups: dict[tuple[str, ...], _SubjectGroup] = {}
    for claim in claim_set.claims:
        if not claim.subject.openalex:
            continue
        group = groups.setdefault(tuple(sorted(set(claim.subject.openalex))), _SubjectGroup())
        group.keys.add(claim.subject.id)
        group.names[claim.subject.name] = None
        group.starts.append(claim.from_)
        group.ends.append(claim.to)
    queries = []
    for institutions, group in sorted(groups.items(), key=lambda kv: (sorted(kv[1].keys), kv[0])):
        start = None if None in group.starts else min(d for d in group.starts if d)
        end = None if None in group.ends else max(d for d in group.ends if d)
        for i in range(0, len(institutions), MAX_OR_VALUES):
            queries.append(
                Query(
                    "+".join(sorted(group.keys)),
                    " / ".join(group.names),
                    institutions[i : i + MAX_OR_VALUES],
                    start,
                    end,
                )
            )
    return queries


def subjects_without_ids(claim_set: ClaimSet) -> list[Subject]:
    """Subjects some claim needs but no query can gather: they have no OpenAlex ids."""
    found: dict[str, Subject] = {}
    for claim in claim_set.claims:
        if not claim.subject.openalex:
            found.setdefault(claim.subject.id, claim.subject)
    return list(found.values())


def coverage_of(queries: Sequence[Query]) -> Coverage:
    """What a snapshot of these queries holds completely: all their institutions over the period
    every query covers (the same period unless subjects' claims differ)."""
    institutions = tuple(sorted({i for q in queries for i in q.institutions}))
    start = max((q.from_ for q in queries if q.from_), default=None) if queries else None
    end = min((q.to for q in queries if q.to), default=None) if queries else None
    if start and end and end < start:
        return Coverage(
            complete=False,
            institutions=institutions,
            declared_by="claimwatch collect",
            note="the subjects' periods do not overlap; collect each subject into its own snapshot",
        )
    differ = len({(q.from_, q.to) for q in queries}) > 1
    return Coverage(
        complete=bool(queries),
        institutions=institutions,
        from_=start,
        to=end,
        declared_by="claimwatch collect",
        note="the subjects' periods differ; this is the period all queries cover (see queries)" if differ else None,
    )
