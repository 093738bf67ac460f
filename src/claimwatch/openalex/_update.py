"""Updating: a snapshot refreshed with the works updated since it was taken, merged in by id,
and the author records of all its works asked for again."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .. import ids
from ..coverage import Coverage
from ..errors import InputError, Problem
from ..evidence import AUTHORS_FILE, WORKS_FILE, Snapshot, SnapshotWriter, now_utc, parse_author, parse_record
from ..people import author_id
from ._authors import WantedAuthors, fetch_authors
from ._client import OpenAlexClient, OpenAlexError, client_for
from ._harvest import (
    CollectResult,
    Harvest,
    Progress,
    QueryOutcome,
    Silent,
    SubjectWorks,
    authors_section,
    collect_into,
    collect_manifest,
    harvest_coverage,
    run_query,
    unchanged_on_failure,
)
from ._plan import Query, coverage_of


def update(
    out: str | Path,
    *,
    client: OpenAlexClient | None = None,
    progress: Progress | None = None,
    command: Sequence[str] = (),
    subjects_may_be_empty: bool = False,
    authors: bool = True,
) -> CollectResult:
    """Refresh the snapshot at `out`: ask only for works updated since it was taken (OpenAlex's
    from_updated_date, from the snapshot's retrieval day on) and merge them in by id, keeping
    the newer updated_date. If the API refuses that filter (a 4xx: it may need a key), say so and
    collect the same queries again in full. A subject confirmed empty before stays confirmed.

    Unless `authors` is False, the record of every author on the updated snapshot's works is
    asked for again (100 ids a request, as a collect does: a filter on the updated date would
    save no request), replacing the one held where it is as new or newer; a record OpenAlex no
    longer gives is kept as it was.
    """
    out = Path(out)
    progress = progress or Silent()
    snapshot = Snapshot.open(out)
    manifest_path = str(out / "manifest.json")
    if snapshot.manifest.source != "openalex":
        raise InputError(
            Problem(
                manifest_path,
                0,
                0,
                f"source is '{snapshot.manifest.source}', not OpenAlex: "
                "only a snapshot `claimwatch collect` made can be updated",
            )
        )
    queries = [Query.from_manifest(q, manifest_path) for q in snapshot.manifest.queries]
    if not queries:
        raise InputError(Problem(manifest_path, 0, 0, "the manifest records no queries to update"))
    since = _retrieval_day(snapshot, manifest_path)
    may_be_empty: set[str] | bool = subjects_may_be_empty or set(snapshot.coverage.confirmed_empty)
    with client_for(client) as api:
        created = now_utc()
        fresh: dict[str, dict[str, Any]] = {}
        harvest = Harvest(fresh.__setitem__)
        try:
            with unchanged_on_failure(out), api.pyalex():
                retrieved = dt.date.fromisoformat(created[:10])
                outcomes = [run_query(api, q, harvest, progress, since, retrieved) for q in queries]
        except OpenAlexError as e:
            if not _refuses_the_filter(e):
                raise
            note = (
                f"OpenAlex refused the updated-date filter (from_updated_date: {e.cause}); "
                f"re-collecting the same {len(queries)} {'query' if len(queries) == 1 else 'queries'} in full"
            )
            progress.note(note)
            return collect_into(
                queries,
                out,
                api,
                progress,
                command,
                fallback=note,
                may_be_empty=may_be_empty,
                authors=authors,
                in_place=True,
            )
        merge = _Merge(snapshot, api, progress, authors)
        return merge.run(fresh, queries, outcomes, harvest, since, created, command, may_be_empty)


# Refusals that are not of the filter: the key (401: missing, wrong or expired) or the address
# (404, 410: a mistyped --openalex-url). Collecting in full would fail the same way, after a
# line saying the filter was refused.
NOT_THE_FILTER = frozenset({401, 404, 410})


def _refuses_the_filter(e: OpenAlexError) -> bool:
    """Whether OpenAlex refused `from_updated_date`: a 4xx (but 429, and those of the key or the
    address) to a request that asked for it, not to a work fetched alone."""
    return e.refused and e.status not in NOT_THE_FILTER and "from_updated_date" in e.url


def _retrieval_day(snapshot: Snapshot, where: str) -> dt.date:
    try:
        return dt.datetime.fromisoformat(snapshot.manifest.created.replace("Z", "+00:00")).date()
    except ValueError:
        raise InputError(Problem(where, 0, 0, f"'created' is not a time: {snapshot.manifest.created!r}")) from None


def _previous(snapshot: Snapshot) -> dict[str, Any]:
    """The snapshot an update started from, as its manifest said it: when and how it was made and
    where its answers came from (its `api`, and where a redirect led off it). Its works that no
    fresher record replaces are kept, and its manifest is replaced: without this, an update sent
    elsewhere (another --openalex-url) would leave them credited to the new host."""
    old = snapshot.manifest
    said = old.model_extra or {}
    return {
        "created": old.created,
        "records": old.records,
        "manifest_sha256": snapshot.sha256,
        "api": said.get("api"),
        **({"api_redirected_to": said["api_redirected_to"]} if said.get("api_redirected_to") else {}),
        "command": list(old.command),
    }


def _origin(said: Any) -> dict[str, Any] | None:
    """When, where from and by what command a snapshot was made, as a manifest's `previous` or
    `earlier` entry says it; None for an entry that is not one."""
    if not isinstance(said, dict) or not isinstance(said.get("created"), str):
        return None
    command, api, redirected = said.get("command"), said.get("api"), said.get("api_redirected_to")
    return {
        "created": said["created"],
        "api": api if isinstance(api, str) else None,
        **({"api_redirected_to": redirected} if isinstance(redirected, dict) and redirected else {}),
        "command": [c for c in command if isinstance(c, str)] if isinstance(command, list) else [],
    }


def _earlier(snapshot: Snapshot) -> list[dict[str, Any]]:
    """Every origin of the snapshots before the one an update started from: the `earlier` its
    manifest carried, then its own `previous` (an older build's manifest holds that alone). Flat
    and bounded: one entry a host and command, the first snapshot they made, oldest first, so a
    daily update from one host adds nothing; records kept since any of them stay credited."""
    update = (snapshot.manifest.model_extra or {}).get("update")
    if not isinstance(update, dict):
        return []
    said = update.get("earlier")
    carried: list[Any] = said if isinstance(said, list) else []
    entries: dict[str, dict[str, Any]] = {}
    for said in [*carried, update.get("previous")]:
        origin = _origin(said)
        if origin is not None:
            key = json.dumps({k: v for k, v in origin.items() if k != "created"}, sort_keys=True)
            entries.setdefault(key, origin)
    return list(entries.values())


def _updated(record: dict[str, Any]) -> str:
    value = record.get("updated_date")
    return value if isinstance(value, str) else ""


class _Merge:
    """A snapshot rewritten with what an update brought: its works, then its author records."""

    def __init__(self, snapshot: Snapshot, api: OpenAlexClient, progress: Progress, authors: bool):
        self.snapshot, self.api, self.progress, self.authors = snapshot, api, progress, authors
        self.out = Path(snapshot.path)

    def run(
        self,
        fresh: dict[str, dict[str, Any]],
        queries: list[Query],
        outcomes: list[QueryOutcome],
        harvest: Harvest,
        since: dt.date,
        created: str,
        command: Sequence[str],
        may_be_empty: set[str] | bool,
    ) -> CollectResult:
        snapshot, api = self.snapshot, self.api
        retrieved = dt.date.fromisoformat(created[:10])
        held = SubjectWorks(coverage_of(queries))
        wanted = WantedAuthors()
        with SnapshotWriter(self.out, in_place=True) as writer:  # under its own name, a backup's too
            cut = {w for o in outcomes for w in o.still_truncated}
            merged = {old: new for o in outcomes for old, new in o.merged.items()}
            replaced, added, merged_away = self._works(writer, fresh, held, wanted, cut, merged)
            coverage, shortfalls, warnings = harvest_coverage(queries, outcomes, harvest, held.counts, may_be_empty)
            if not snapshot.coverage.complete:
                coverage = snapshot.coverage
            update: dict[str, Any] = {
                "from_updated_date": since.isoformat(),
                "replaced": replaced,
                "added": added,
                "merged": merged_away,
                "queries": [
                    {**q.describe(since, retrieved), **o.as_json()} for q, o in zip(queries, outcomes, strict=True)
                ],
                "previous": _previous(snapshot),
            }
            if earlier := _earlier(snapshot):
                update["earlier"] = earlier
            extra: dict[str, Any] = {"update": update}
            if self.authors:
                extra["authors"] = self._authors(writer, coverage, wanted, cut)
            queried = [q.describe(retrieved=retrieved) for q in queries]
            manifest = writer.commit(collect_manifest(api, created, queried, command, harvest, coverage, extra))
        return CollectResult(
            str(self.out), manifest, api.requests_made, api.retries_made, tuple(shortfalls), warnings=tuple(warnings)
        )

    def _works(
        self,
        writer: SnapshotWriter,
        fresh: dict[str, dict[str, Any]],
        held: SubjectWorks,
        wanted: WantedAuthors,
        cut: set[str],
        merged: dict[str, str],
    ) -> tuple[int, int, dict[str, str]]:
        """The old works, each replaced in place by a fresh one with a newer-or-equal
        updated_date, then the works that are new; the subjects' works and the authors counted
        over all of them, and an old work kept with its author list still cut added to `cut`.
        An old work OpenAlex merged into another (`merged`: its id, fetched alone, gave the
        other's record; or a merge an earlier collect or update recorded) gives way to the
        record that survives, where the snapshot holds it or the update brought it: the snapshot
        holds the work once, under the id that survives. Returns how many were replaced and
        added, and the old works that gave way, each with the id it was merged into."""
        data = str(self.out / WORKS_FILE)
        replaced = 0
        was_cut = self._cut_before()
        recorded = self._merged_before()
        merged_away: dict[str, str] = {}
        brought = set(fresh)  # the surviving records of `merged`, all of which the update brought
        written: set[str] = set()
        aside: list[tuple[str, dict[str, Any], bytes]] = []  # merged before: kept if the survivor is not

        def keep(record: dict[str, Any], line: bytes | None = None) -> None:
            if line is None:
                writer.write_record(record)
            else:
                writer.write_line(line)
            written.add(ids.openalex_id(record["id"]) or "")
            held.add(record)
            wanted.add(record)

        def gives_way(wid: str, survivor: str) -> None:
            merged_away[wid] = survivor
            self.progress.note(
                f"{wid}: OpenAlex merged it into {survivor}; the snapshot keeps the work once, as {survivor}"
            )

        def place(wid: str, record: dict[str, Any], line: bytes) -> None:
            nonlocal replaced
            newer = fresh.pop(wid, None)
            if newer is not None and _updated(newer) >= _updated(record):
                keep(newer)
                replaced += 1
            else:
                keep(record, line)
                if wid in was_cut or record.get("is_authors_truncated") is True:
                    cut.add(wid)

        for n, line in self.snapshot.lines(WORKS_FILE):
            record = parse_record(line, data, n)
            if record is None:
                continue
            wid = ids.openalex_id(record["id"]) or ""
            survivor = merged.get(wid)
            if survivor is not None and survivor != wid and survivor in brought:
                gives_way(wid, survivor)
            elif recorded.get(wid, wid) != wid and wid not in fresh:
                aside.append((wid, record, line))
            else:
                place(wid, record, line)
        for wid, record, line in aside:
            survivor = recorded[wid]
            if survivor in written or survivor in fresh:
                gives_way(wid, survivor)
            else:
                place(wid, record, line)
        for record in fresh.values():
            keep(record)
        return replaced, len(fresh), dict(sorted(merged_away.items()))

    def _merged_before(self) -> dict[str, str]:
        """The merges the snapshot's manifest records: an old id and the work it was merged into."""
        return self.snapshot.merged_works

    def _cut_before(self) -> set[str]:
        """The works the snapshot held with their author list still cut at 100, as its manifest
        names them (`authors.works_cut`; before that, each query's `authors_still_truncated`)."""
        old = self.snapshot.manifest
        named = old.authors.model_dump().get("works_cut") if old.authors is not None else None
        if isinstance(named, list):
            return {w for w in named if isinstance(w, str)}
        update = getattr(old, "update", None)
        entries = [*old.queries, *(update.get("queries") or [] if isinstance(update, dict) else [])]
        return {
            w
            for q in entries
            if isinstance(q, dict)
            for w in q.get("authors_still_truncated") or ()
            if isinstance(w, str)
        }

    def _authors(
        self, writer: SnapshotWriter, coverage: Coverage, wanted: WantedAuthors, cut: set[str]
    ) -> dict[str, Any]:
        """Every author of the works asked for again: a fresh record replaces the one held where
        its updated_date is the same or newer; a held record OpenAlex gave no fresher one of is
        kept as it was."""
        held = self._held_authors()
        written: set[str] = set()

        def keep(record: dict[str, Any]) -> None:
            own = author_id(record.get("id")) or ""
            if _updated(record) >= held.get(own, ""):
                writer.write_author_record(record)
                written.add(own)

        with unchanged_on_failure(self.out), self.api.pyalex():
            fetched = fetch_authors(self.api, wanted.ids, keep, self.progress)
        # Kept as they were: held records no fresher one replaced, but not one OpenAlex has
        # since merged into another (its record now stands for the person).
        kept = 0
        name = str(self.out / AUTHORS_FILE)
        for n, line in self.snapshot.lines(AUTHORS_FILE) if held else ():
            record = parse_author(line, name, n)
            own = author_id(record.get("id")) if record is not None else None
            if record is not None and own not in written and own not in fetched.merged:
                writer.write_author_line(line)
                kept += 1
        missing = [a for a in fetched.not_found if a not in held]
        merged = dict(self.snapshot.manifest.authors.merged_ids) if self.snapshot.manifest.authors else {}
        fetched.merged = {**merged, **fetched.merged}
        return authors_section(coverage, wanted, fetched, cut, missing, {"kept_from_before": kept})

    def _held_authors(self) -> dict[str, str]:
        """The snapshot's author records so far: each id and its updated_date."""
        if self.snapshot.manifest.authors is None:
            return {}
        name = str(self.out / AUTHORS_FILE)
        held = {}
        for n, line in self.snapshot.lines(AUTHORS_FILE):
            record = parse_author(line, name, n)
            if record is not None:
                held[author_id(record.get("id")) or ""] = _updated(record)
        return held
