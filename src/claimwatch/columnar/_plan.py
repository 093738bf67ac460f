"""What the SQL query looks for: every claim's structural part and the text its names and
phrases need, as plain data. The evaluator builds a plan from its matchers (it alone knows how
names and phrases match); `_sql` turns it into the one query.

Everything here may only widen: a needle is something a text must hold for a name or a phrase
to match it, never proof that it does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class SubjectPlan:
    """An organisation's authors: by institution id or lineage (`ids`), by ROR (`rors`), and
    maybe by a name in the affiliation text (any of `needles` in an authorship's search form)."""

    ids: tuple[str, ...]
    rors: tuple[str, ...]
    needles: tuple[str, ...]


@dataclass(frozen=True)
class ListPlan:
    """A reference list's authors, as a subject's are found."""

    ids: tuple[str, ...]
    rors: tuple[str, ...]
    needles: tuple[str, ...]


@dataclass(frozen=True)
class TopicPlan:
    """A topic: any of `words` among a work's words, or any of `topic_ids` on it."""

    words: tuple[str, ...]
    topic_ids: tuple[str, ...]


@dataclass(frozen=True)
class Listed:
    """`coauthor_in` (any author) or `affiliated_author_in` (`subject`'s author) of these lists."""

    lists: tuple[int, ...]
    subject: int | None = None


@dataclass(frozen=True)
class OnTopic:
    topic: int


@dataclass(frozen=True)
class AllOf:
    parts: tuple[Test, ...]


@dataclass(frozen=True)
class AnyOf:
    parts: tuple[Test, ...]


@dataclass(frozen=True)
class Anything:
    """A test the query cannot rule out for any work (a `not:` holds where its inside fails)."""


Test = Listed | OnTopic | AllOf | AnyOf | Anything


@dataclass(frozen=True)
class ClaimPlan:
    subject: int
    start: dt.date | None
    end: dt.date | None  # the claim's `to`, or the as-of day an open claim runs to
    test: Test


@dataclass(frozen=True)
class Plan:
    """Every claim of a run. `outside_keys` are the identity keys of works the evaluator reads
    itself (curated evidence): a table's record sharing one is a version of such a work."""

    subjects: tuple[SubjectPlan, ...]
    lists: tuple[ListPlan, ...]
    topics: tuple[TopicPlan, ...]
    claims: tuple[ClaimPlan, ...]
    outside_keys: tuple[str, ...] = ()
