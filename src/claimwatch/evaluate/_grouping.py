"""Streaming and grouping: every work of the evidence read once for all claims, and the
subjects' records grouped into works.

A record is kept only where some claim's subject has an author on it (`_Record`, small: a
check may stream millions); versions of one work (an arXiv preprint and its journal article,
or the same DOI in two sources) share an identity key and are joined into one group by a
union-find (`_RecordUnionFind`). A version with no subject author is kept only as a date, since
it may be the work's first appearance.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple, TypeAlias

from ..works import PartialDate, Work
from ._conditions import _FAILS, FALSE, TRUE, UNKNOWN, _CompiledClaim, _Outcome, _WorkContext
from ._matchers import _SubjectHit
from ._provenance import _CountingEvidence

_ClaimBits: TypeAlias = int
"""A set of claims as a bit mask: bit i stands for the i-th compiled claim of the run. A work's
mask holds the claims whose subject has an author on it; a plain int, built for every work
streamed, where `|` and `>> i & 1` are cheaper than any set."""


class _Record:
    """A subject's work as kept after streaming: enough to group and date it; and to cite it
    where some claim's test did not fail. Kept small: a check may stream millions."""

    __slots__ = ("coauthors", "outcomes", "published", "ref", "subjects", "unaffiliated")

    def __init__(
        self,
        work: Work,
        subjects: _ClaimBits,
        live: dict[int, tuple[_Outcome, list[_SubjectHit]]],
        coauthors: tuple[int, ...] = (),
    ):
        self.published = work.published
        self.subjects = subjects  # the claims whose subject has an author on the work
        # By subject (see _subject_slots): the work's authors who are not that subject's; and
        # how many authors the record gives no affiliation for (never a subject's author).
        self.coauthors = coauthors
        self.unaffiliated = sum(a.is_unaffiliated for a in work.authorships)
        # By claim index: the outcome of each claim whose test did not fail, the subject's authors first.
        self.outcomes: dict[int, _Outcome] | None = {
            i: _Outcome(o.status, [*hits, *o.reasons], o.doubts, o.listings) for i, (o, hits) in live.items()
        } or None
        self.ref: _LightRef | None = _LightRef.of(work) if live else None  # set wherever outcomes are

    @classmethod
    def version_only(cls, published: PartialDate) -> _Record:
        """A version of a subject's work with no subject author on it: it only dates the work."""
        record = cls.__new__(cls)
        record.published, record.subjects, record.outcomes, record.ref = published, 0, None, None
        record.coauthors, record.unaffiliated = (), 0
        return record


class _LightRef(NamedTuple):
    """What a finding cites of a record, without keeping the record."""

    id: str
    doi: str | None
    arxiv: str | None
    title: str
    url: str | None
    is_retracted: bool
    version: str | None
    origin: str

    @classmethod
    def of(cls, work: Work) -> _LightRef:
        return cls(
            work.group or work.id,
            work.doi,
            work.arxiv,
            work.title,
            work.url,
            work.is_retracted,
            work.version,
            str(work.origin),
        )


class _FirstPublished(NamedTuple):
    """When a work first appeared: its earliest version lies between the earliest possible day
    of any version and the earliest last-possible day of any (2024 and 2024-01-05 give
    2024-01-01..2024-01-05)."""

    earliest: dt.date
    latest: dt.date
    shown: PartialDate  # the version date a reader is shown

    @classmethod
    def of(cls, dates: list[PartialDate]) -> _FirstPublished | None:
        if not dates:
            return None
        return cls(min(d.earliest for d in dates), min(d.latest for d in dates), min(dates))

    def __str__(self) -> str:
        return str(self.shown) if self._is_shown_date else f"{self.earliest} to {self.latest}"

    def describe(self) -> str:
        """For a sentence: the shown date says how its source wrote it (see PartialDate.describe)."""
        return self.shown.describe() if self._is_shown_date else str(self)

    @property
    def _is_shown_date(self) -> bool:
        return (self.shown.earliest, self.shown.latest) == (self.earliest, self.latest)


class _RecordUnionFind:
    """The subjects' records, grouped into works as they arrive: records that share an identity
    key (an OpenAlex id, a DOI, an arXiv id, a curated work) are versions of one work.

    A union-find (disjoint-set forest): `_parent[i]` leads from record i towards its group's
    root, a key's first record owns it, and a record with a key already owned joins the owner's
    group. Paths are halved as they are walked, which keeps the trees shallow.
    """

    def __init__(self) -> None:
        self.records: list[_Record] = []
        self._parent: list[int] = []
        # hash() is stable within a process, which is all grouping needs; ids stay in the refs.
        self._owner: dict[int, int] = {}
        # The earliest date of records with no subject author, by key: a preprint whose
        # affiliations are missing still dates the work its journal version belongs to.
        self._undated_links: dict[int, PartialDate] = {}

    def add(self, record: _Record, keys: Iterable[str]) -> None:
        i = self._append(record)
        for key in map(hash, keys):
            other = self._owner.setdefault(key, i)
            if other != i:
                self._parent[self._root(i)] = self._root(other)
            earlier = self._undated_links.pop(key, None)
            if earlier is not None:
                self._parent[self._append(_Record.version_only(earlier))] = self._root(i)

    def add_version(self, published: PartialDate | None, keys: Iterable[str]) -> None:
        """A record with no subject author: it counts only as a date for the work it is a version of."""
        if published is None:
            return
        for key in map(hash, keys):
            owner = self._owner.get(key)
            if owner is not None:
                self._parent[self._append(_Record.version_only(published))] = self._root(owner)
                return
        for key in map(hash, keys):
            known = self._undated_links.get(key)
            if known is None or published < known:
                self._undated_links[key] = published

    def _append(self, record: _Record) -> int:
        i = len(self.records)
        self.records.append(record)
        self._parent.append(i)
        return i

    def _root(self, i: int) -> int:
        parent = self._parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def groups(self) -> Iterator[list[_Record]]:
        """Each work's records; most works have one, and those are not gathered into lists first."""
        self._owner.clear()
        self._undated_links.clear()
        parent = self._parent
        with_versions: set[int] = set()
        for i in range(len(parent)):
            root = self._root(i)
            if root != i:
                parent[i] = root
                with_versions.add(root)
        merged: dict[int, list[_Record]] = defaultdict(list)
        for i, record in enumerate(self.records):
            if parent[i] == i and i not in with_versions:
                yield [record]
            else:
                merged[parent[i]].append(record)
        yield from merged.values()


def _doubted(outcome: _Outcome, hits: list[_SubjectHit]) -> _Outcome:
    """A work whose every subject author rests on an alias the record cannot place in the
    subject's country may not be the subject's: what it shows is uncertain."""
    if outcome.status != TRUE or not all(h.doubt for h in hits):
        return outcome
    doubts = [f"author {h.authorship.position + 1} ({h.authorship.name}): {h.doubt}" for h in hits if h.doubt]
    return _Outcome(UNKNOWN, outcome.reasons, [*outcome.doubts, *doubts], outcome.listings)


def _subject_slots(compiled: list[_CompiledClaim]) -> list[int]:
    """For each claim, the slot of its subject among the run's distinct subjects (usually one)."""
    slots: dict[int, int] = {}
    return [slots.setdefault(id(cc.subject), len(slots)) for cc in compiled]


def _stream(compiled: list[_CompiledClaim], evidence: Sequence[_CountingEvidence]) -> _RecordUnionFind:
    """Every work of the evidence through every claim's test, once; the subjects' records grouped."""
    works = _RecordUnionFind()
    plan = [(1 << i, i, cc.subject, cc.claim.from_, cc.test) for i, cc in enumerate(compiled)]
    slots = _subject_slots(compiled)
    n_slots = max(slots, default=-1) + 1
    for source in evidence:
        for work in source.works():
            ctx = _WorkContext(work)
            subjects: _ClaimBits = 0
            live: dict[int, tuple[_Outcome, list[_SubjectHit]]] = {}
            coauthors: list[int] | None = None
            published = work.published
            for bit, i, subject, start, test in plan:
                hits = ctx.subject_hits(subject)
                if not hits:
                    continue
                subjects |= bit
                if coauthors is None:
                    coauthors = [0] * n_slots
                coauthors[slots[i]] = len(work.authorships) - len(hits)
                # A version published before the period keeps its whole work out of it: no tests.
                if start and published and published.latest < start:
                    continue
                outcome = test(ctx, hits)
                if outcome is not _FAILS and outcome.status != FALSE:
                    live[i] = (_doubted(outcome, hits), hits)
            if subjects:
                works.add(_Record(work, subjects, live, tuple(coauthors or ())), work.identity_keys())
            else:
                works.add_version(work.published, work.identity_keys())
    return works
