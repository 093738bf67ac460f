"""Copies of one OpenAlex record: its records in two pieces of evidence (an old snapshot beside a
new one), or twice in one JSON Lines file (two exports joined).

They are not versions of a work (a preprint and its article, which have ids of their own) but one
record at different times, and OpenAlex corrects dates, affiliations and authors between them. So
the newest, by the day of its `updated_date`, is what the work is now, and each older copy is set
aside before anything is judged: it adds nothing to the work, not its date, not its authors, not
the keys that would make other records its versions. Where the newest cannot be told (a copy
gives no `updated_date`, or two are of one day) every such copy stands, and they share a marker
by which the verdicts tell whether they disagree.

It is all worked out before the stream, from every record's id and `updated_date`, so that the
outcome does not depend on the order of the evidence or of its records. A snapshot holds one
record an id (its import or collect keeps the newest) unless its import kept copies of unknown
order (`unordered_copies`), so a check of one snapshot of one record an id reads nothing more;
with several pieces of evidence, a JSON Lines file or such copies, the ids are read first (from
the columnar tables where there are some).

A copy of one day in evidence current later (a newer snapshot holding the record unchanged) shows
that the record was still current then: every copy of that day is dated by the latest such day
(`Copies.dated`), so a date the older snapshot's day left ahead of its record is read as the
newer one reads it, and adding the older snapshot never weakens a verdict.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import orjson

from ..columnar import Table, fetch_records, repeated_ids, rows_of_ids
from ..evidence import Evidence, JsonlEvidence, Snapshot, copy_stands, newest_day, updated_day
from ..works import Work


@dataclass(frozen=True)
class Unordered:
    """What the standing copies of one id, of unknown order, share: the id, how many they are, and
    whether they give different identity keys (a DOI or arXiv id one gives and another not:
    whether the records sharing it are versions of the work is then not known, so the copies
    join no record but by their id, and differ)."""

    id: str
    standing: int
    keys_differ: bool = False


class Copies:
    """The ids given by more than one record, with the day of the newest copy of each (None where
    no copy gives a day) and, where more than one copy stands, what they share (`Unordered`);
    `set_aside` counts the older copies the stream set aside, by the path their records are
    cited by."""

    def __init__(self, seen: dict[str, list[tuple[str | None, int, bool, dt.date | None]]] | None = None):
        """`seen`: by id, the day, a hash of the identity keys, whether it gives an author, and
        the day its evidence was current, of each of its records."""
        self._newest: dict[str, str | None] = {}
        self._unordered: dict[str, Unordered] = {}
        self._current: dict[tuple[str, str], dt.date] = {}  # by id and updated day: the latest day seen current
        for wid, copies in (seen or {}).items():
            if len(copies) < 2:
                continue
            newest = newest_day((d, authors) for d, _, authors, _ in copies)
            self._newest[wid] = newest
            standing = [keys for d, keys, authors, _ in copies if copy_stands(d, authors, newest)]
            if len(standing) > 1:
                self._unordered[wid] = Unordered(wid, len(standing), len(set(standing)) > 1)
            for d, _, _, current in copies:
                if d is not None and current is not None and current > self._current.get((wid, d), dt.date.min):
                    self._current[(wid, d)] = current
        self.set_aside: Counter[str] = Counter()

    def stands(self, work: Work) -> bool:
        """Is the record the newest copy of its id, or of unknown order beside it (or no copy)?"""
        if work.origin.kind != "snapshot" or work.id not in self._newest:
            return True
        return copy_stands(updated_day(work.updated), bool(work.authorships), self._newest[work.id])

    def dated(self, work: Work) -> Work:
        """The work dated as a record current on the latest day evidence holding a copy of it (of
        its `updated_date`'s day) was current (`Work.within_record`)."""
        if work.origin.kind != "snapshot" or work.id not in self._newest or (day := updated_day(work.updated)) is None:
            return work
        latest = self._current.get((work.id, day))
        return work.within_record(latest) if latest is not None else work

    def unordered(self, work: Work) -> Unordered | None:
        """What the record shares with the other standing copies of its id, where their order is
        not known (the record stands: `stands`)."""
        return self._unordered.get(work.id) if work.origin.kind == "snapshot" else None


NO_COPIES = Copies()


def find_copies(
    evidence: Sequence[Evidence],
    tables: Sequence[Table | None] | None = None,
    current_on: Sequence[dt.date | None] | None = None,
) -> Copies:
    """The copies among the evidence's OpenAlex records (`tables`: the columnar copies the check
    reads, where it reads some, whose ids are read from them; `current_on`: the day each piece of
    evidence's records were current, where known)."""
    openalex = [k for k, e in enumerate(evidence) if isinstance(e, (Snapshot, JsonlEvidence))]
    if len(openalex) < 2 and all(_one_record_an_id(evidence[k]) for k in openalex):
        return NO_COPIES  # one snapshot, of one record an id
    seen: dict[str, list[tuple[str | None, int, bool, dt.date | None]]] = {}
    with_tables: list[tuple[Table, dt.date | None]] = []
    for k in openalex:
        table = tables[k] if tables is not None else None
        current = current_on[k] if current_on is not None else None
        if table is not None:
            with_tables.append((table, current))
            continue
        for work in evidence[k].works():
            copy = (updated_day(work.updated), keys_hash(work.identity_keys()), bool(work.authorships), current)
            seen.setdefault(work.id, []).append(copy)
    if with_tables:
        read_here = (wid for wid, copies in seen.items() for _ in copies)
        repeated = repeated_ids([str(t.path) for t, _ in with_tables], read_here)
        for table, current in with_tables:
            for wid, day, keys, authors in _table_copies(table, repeated):
                seen.setdefault(wid, []).append((day, keys, authors, current))
    return Copies(seen)


def _one_record_an_id(evidence: Evidence) -> bool:
    return isinstance(evidence, Snapshot) and evidence.one_record_an_id


def keys_hash(keys: Sequence[str]) -> int:
    """The identity keys of a record as one number, the same whatever their order or repeats."""
    return hash(tuple(sorted(set(keys))))


def _table_copies(table: Table, repeated: set[str]) -> list[tuple[str, str | None, int, bool]]:
    """The id, updated day, identity keys and whether it gives an author, of each row of the
    table whose id is repeated (the day read from its record)."""
    rows = rows_of_ids(str(table.path), repeated)
    if not rows:
        return []
    texts = fetch_records(str(table.path), [ordinal for ordinal, _, _, _ in rows])
    return [
        (wid, _record_day(text), keys_hash(keys), authors)
        for (_, wid, keys, authors), (_, text) in zip(rows, texts, strict=True)
    ]


def _record_day(text: str) -> str | None:
    updated = orjson.loads(text).get("updated_date")
    return updated_day(updated) if isinstance(updated, str) else None
