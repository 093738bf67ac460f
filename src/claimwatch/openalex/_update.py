"""Updating: a snapshot refreshed with the works updated since it was taken, merged in by id."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .. import ids
from ..errors import InputError, Problem
from ..evidence import WORKS_FILE, Snapshot, SnapshotWriter, now_utc, parse_record, read_lines
from ._client import OpenAlexClient, OpenAlexError, client_for
from ._harvest import (
    CollectResult,
    Harvest,
    Progress,
    QueryOutcome,
    Silent,
    SubjectWorks,
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
) -> CollectResult:
    """Refresh the snapshot at `out`: ask only for works updated since it was taken (OpenAlex's
    from_updated_date, from the snapshot's retrieval day on) and merge them in by id, keeping
    the newer updated_date. If the API refuses that filter (a 4xx: it may need a key), say so and
    collect the same queries again in full. A subject confirmed empty before stays confirmed.
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
                outcomes = [run_query(api, q, harvest, progress, updated_since=since) for q in queries]
        except OpenAlexError as e:
            if not e.refused:
                raise
            note = (
                f"OpenAlex refused the updated-date filter (from_updated_date: {e.cause}); "
                f"re-collecting the same {len(queries)} {'query' if len(queries) == 1 else 'queries'} in full"
            )
            progress.note(note)
            return collect_into(queries, out, api, progress, command, fallback=note, may_be_empty=may_be_empty)
        return _merge(snapshot, fresh, queries, outcomes, harvest, since, created, api, command, may_be_empty)


def _retrieval_day(snapshot: Snapshot, where: str) -> dt.date:
    try:
        return dt.datetime.fromisoformat(snapshot.manifest.created.replace("Z", "+00:00")).date()
    except ValueError:
        raise InputError(Problem(where, 0, 0, f"'created' is not a time: {snapshot.manifest.created!r}")) from None


def _updated(record: dict[str, Any]) -> str:
    value = record.get("updated_date")
    return value if isinstance(value, str) else ""


def _merge(
    snapshot: Snapshot,
    fresh: dict[str, dict[str, Any]],
    queries: list[Query],
    outcomes: list[QueryOutcome],
    harvest: Harvest,
    since: dt.date,
    created: str,
    api: OpenAlexClient,
    command: Sequence[str],
    may_be_empty: set[str] | bool,
) -> CollectResult:
    """The old records, each replaced in place by a fresh one with a newer-or-equal updated_date,
    then the works that are new; the subjects' works counted over all of them."""
    out = Path(snapshot.path)
    data = out / WORKS_FILE
    expected = snapshot.manifest.files[WORKS_FILE].get("sha256")
    replaced = 0
    held = SubjectWorks(coverage_of(queries))

    def check(digest: str) -> None:
        if expected and digest != expected:
            raise InputError(
                Problem(
                    str(data), 0, 0, "does not match the sha256 in its manifest: the snapshot was changed or damaged"
                )
            )

    with SnapshotWriter(out) as writer:
        for n, line in read_lines(data, check):
            record = parse_record(line, str(data), n)
            if record is None:
                continue
            newer = fresh.pop(ids.openalex_id(record["id"]) or "", None)
            if newer is not None and _updated(newer) >= _updated(record):
                writer.write_record(newer)
                held.add(newer)
                replaced += 1
            else:
                writer.write_line(line)
                held.add(record)
        added = len(fresh)
        for record in fresh.values():
            writer.write_record(record)
            held.add(record)
        coverage, shortfalls, warnings = harvest_coverage(queries, outcomes, harvest, held.counts, may_be_empty)
        if not snapshot.coverage.complete:
            coverage = snapshot.coverage
        old = snapshot.manifest
        update = {
            "from_updated_date": since.isoformat(),
            "replaced": replaced,
            "added": added,
            "queries": [{**q.describe(since), **o.as_json()} for q, o in zip(queries, outcomes, strict=True)],
            "previous": {"created": old.created, "records": old.records, "manifest_sha256": snapshot.sha256},
        }
        queried = [q.describe() for q in queries]
        manifest = writer.commit(
            collect_manifest(api, created, queried, command, harvest, coverage, {"update": update})
        )
    return CollectResult(
        str(out), manifest, api.requests_made, api.retries_made, tuple(shortfalls), warnings=tuple(warnings)
    )
