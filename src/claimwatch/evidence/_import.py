"""Imports: records a user already has (an API dump, the bulk snapshot) made into a snapshot."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import ids
from ..coverage import Coverage
from ..errors import InputError, Problem
from ._records import parse_record, read_lines
from ._snapshot import Manifest, SnapshotWriter, now_utc, tool_versions


@dataclass(frozen=True)
class ImportSummary:
    out: str
    records: int
    duplicates_collapsed: int
    skipped: int
    manifest: Manifest


def import_jsonl(
    source: str | Path,
    out: str | Path,
    *,
    institutions: Iterable[str] = (),
    start: dt.date | None = None,
    end: dt.date | None = None,
    skip_invalid: bool = False,
    command: list[str] | None = None,
) -> ImportSummary:
    """Make a snapshot from OpenAlex work records in a JSONL(.gz) file.

    Duplicate records (same id) collapse to the one with the latest `updated_date`. Coverage is
    exactly what the caller declares: complete for `institutions` over start..end, else none.
    """
    source = Path(source)
    if not source.is_file():
        raise InputError(Problem(str(source), 0, 0, "no such file"))
    subjects = []
    for value in institutions:
        short = ids.openalex_id(value)
        if not short or not short.startswith("I"):
            raise InputError(Problem("--subject", 0, 0, f"'{value}' is not an OpenAlex institution id (I...)"))
        subjects.append(short)
    if start and end and end < start:
        raise InputError(Problem("--to", 0, 0, f"{end} is before --from {start}"))
    chosen, skipped, total, digest = _choose_records(source, skip_invalid)
    coverage = Coverage(
        complete=bool(subjects),
        institutions=tuple(sorted(set(subjects))),
        from_=start,
        to=end,
        declared_by="user" if subjects else "nobody",
        note=None if subjects else "no --subject declared: the import holds no complete coverage",
    )
    with SnapshotWriter(out) as writer:
        for n, line in read_lines(source):
            if n in chosen:
                writer.write_line(line)
        manifest = writer.commit(
            {
                "source": "import",
                "created": now_utc(),
                "tool": tool_versions(),
                "queries": [{"import": str(source), "sha256": digest}],
                "command": command or [],
                "duplicates_collapsed": total - len(chosen),
                "skipped_lines": skipped,
                "coverage": coverage.as_json(),
            }
        )
    return ImportSummary(str(out), manifest.records, manifest.duplicates_collapsed, len(skipped), manifest)


PARALLEL_IMPORT_BYTES = 32 << 20  # smaller files: a second process would cost more than it saves


@dataclass
class _Scan:
    """What the first pass found in one share of a file's lines."""

    best: dict[str, tuple[str, int]]
    skipped: list[dict[str, Any]]
    total: int
    digest: str
    error: InputError | None = None


def _choose_records(source: Path, skip_invalid: bool) -> tuple[set[int], list[dict[str, Any]], int, str]:
    """First pass: which line holds the newest record of each id (ties keep the first line).

    Checking every record is the dear part, so a large file's lines are shared out among one
    process a core; the result is the same as one process reading them all.
    """
    parts = min(os.cpu_count() or 1, 4) if source.stat().st_size >= PARALLEL_IMPORT_BYTES else 1
    if parts > 1 and "fork" in multiprocessing.get_all_start_methods():
        with multiprocessing.get_context("fork").Pool(parts) as pool:
            scans = pool.starmap(_scan, [(source, skip_invalid, k, parts) for k in range(parts)])
    else:
        scans = [_scan(source, skip_invalid, 0, 1)]
    errors = [s.error for s in scans if s.error]
    if errors:
        raise min(errors, key=lambda e: e.problems[0].line)  # the first bad line, as one reader would
    best: dict[str, tuple[str, int]] = {}
    for scan in scans:
        for wid, (updated, n) in scan.best.items():
            mine = best.get(wid)
            if mine is None or (updated, -n) > (mine[0], -mine[1]):
                best[wid] = (updated, n)
    skipped = sorted((x for s in scans for x in s.skipped), key=lambda x: x["line"])
    return {n for _, n in best.values()}, skipped, sum(s.total for s in scans), scans[0].digest


def _scan(source: Path, skip_invalid: bool, part: int, parts: int) -> _Scan:
    """Check the lines n with n % parts == part; every share reads (and hashes) the whole file."""
    best: dict[str, tuple[str, int]] = {}
    skipped: list[dict[str, Any]] = []
    total = 0
    digest: list[str] = []
    try:
        for n, line in read_lines(source, digest.append):
            if n % parts != part:
                continue
            try:
                record = parse_record(line, str(source), n)
            except InputError as e:
                if not skip_invalid:
                    raise
                skipped.append({"line": n, "reason": e.problems[0].message})
                continue
            if record is None:
                continue
            total += 1
            wid = ids.checked(ids.openalex_id(record["id"]), record["id"])
            updated = record["updated_date"] if isinstance(record.get("updated_date"), str) else ""
            if wid not in best or updated > best[wid][0]:
                best[wid] = (updated, n)
    except InputError as e:
        return _Scan({}, [], 0, "", e)
    return _Scan(best, skipped, total, digest[0] if digest else "")
