"""Imports: records a user already has (an API dump, saved API pages, the bulk snapshot) made
into a snapshot, with the coverage the user declares, checked against what the records hold.
Work and author records may come in one file: they are told apart by their ids (W..., A...),
and author records go to the snapshot's authors file."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from .. import ids
from .._workers import can_fork, deaths_said, fork_pool, stop
from ..columnar import (
    BulkPart,
    bulk_parts,
    refuse_claimwatch_snapshot,
    subject_ids,
    unchecked_parts_said,
    unlisted_parts,
    unlisted_parts_said,
    write_bulk_subset,
)
from ..coverage import AuthorCoverage, Coverage
from ..errors import InputError, Problem, utf16_problem
from ..works import names_an_author
from ._records import (
    LIST_AUTHORS_CAP,
    NO_AUTHORS,
    Layout,
    WorkAuthors,
    authors_of,
    copy_stands,
    document_records,
    holds_nothing,
    newest_day,
    opening,
    read_lines,
    routes_to,
    sniff_layout,
    subjects_in_period,
    updated_day,
)
from ._records import parse_any_record as parse_record  # an import reads works and authors alike
from ._snapshot import Manifest, SnapshotWriter, check_destination, now_utc, tool_versions

AS_OF_FROM_RECORDS = "the newest updated_date among the records"
AS_OF_UNKNOWN = (
    "unknown: no record has an updated_date, and the time of the import says nothing of when they were current"
)
AS_OF_FROM_SUBJECTS = "the newest updated_date among the declared subjects' works"
AS_OF_NO_RECORDS = "unknown: the file holds no record to tell"
AS_OF_NO_SUBJECT_DATE = (
    "unknown: no work of the declared subjects in the period has an updated_date, and the other records' "
    "say nothing of when the subjects' were current"
)


@dataclass(frozen=True)
class ImportSummary:
    out: str
    records: int  # works
    duplicates_collapsed: int
    skipped: int
    manifest: Manifest
    warnings: tuple[str, ...] = ()  # what the user must hear: a declared subject the file holds no work of
    authors: int = 0  # author records


def import_works(
    source: str | Path,
    out: str | Path,
    *,
    institutions: Iterable[str] = (),
    start: dt.date | None = None,
    end: dt.date | None = None,
    skip_invalid: bool = False,
    subjects_may_be_empty: bool = False,
    command: list[str] | None = None,
    read_from: dict[str, Any] | None = None,
    incomplete: str | None = None,
    origin_of: Callable[[int], tuple[str, int]] | None = None,
    layout: Layout | None = None,
    newest_unread: str | None = None,
    coverage_limit: str | None = None,
) -> ImportSummary:
    """Make a snapshot from a file of OpenAlex work and author records: JSON Lines, an API list
    response (`{"meta": ..., "results": [...]}`), a JSON array of records or one record; plain
    or gzipped. Author records (ids A...) go to the snapshot's authors file.

    Duplicate records (same id) collapse to the one with the latest `updated_date`. Coverage is
    what the caller declares (complete for `institutions` over start..end, else none), except
    that an institution the file holds no work of in that period is left out of it, with a
    warning, unless `subjects_may_be_empty` confirms it may have none. The author records'
    coverage is checked, not declared: complete only where the works' is and the file holds the
    record of every author on the covered works. The snapshot's as-of (the day an open-ended
    period runs to) is the newest `updated_date` among the works (among the authors in a file of
    authors only): never the day of the import. `read_from` says in the manifest where `source`
    came from when it is an intermediate file (the records a bulk snapshot's folder held), and
    `incomplete` why those may not be all of its records (parts no manifest counts): coverage is
    then not recorded as complete, whatever is declared; `origin_of` gives the file and line a
    line of `source` was read from (a bulk part's), which its errors and skipped lines then name.
    `layout` is what the file is, where the caller knows ("jsonl" for a file it wrote a record a
    line): otherwise it is read from the first line, which a broken record there would mislead.
    `newest_unread` is the newest `updated_date` among records of the source not in `source`
    (those of a bulk snapshot the filter left out), which date the records as they would whole.
    `coverage_limit` is what the records given leave out of the subjects' works however complete
    the coverage (a bulk snapshot's filter keeps records by the subjects' ids): the coverage's
    note says it, and so every sentence that rests on the coverage.
    """
    with _said_at_origin(str(source), origin_of):
        source = Path(source)
        check_destination(out, [source])  # before a byte is read: never over the input
        # A missing file, a folder, a FIFO or a device: refused at once. A page saved by PowerShell
        # 5.1's `>`, which writes UTF-16, gzipped or not.
        if wide := utf16_problem(source, opening(source, _HEAD_READ) or b""):
            raise InputError(wide)
        subjects = subject_ids(institutions)
        if subjects and subjects_may_be_empty and read_from is None and holds_nothing(source):
            raise InputError(Problem(str(source), 0, 0, _NOTHING_TO_CONFIRM))
        _checked_period(start, end)
        layout = layout or sniff_layout(source)
        created = now_utc()
        wanted = frozenset(subjects)
        if layout == "jsonl":
            scan = _choose_records(source, skip_invalid, wanted, start, end)
        else:
            scan = _scan_document(source, skip_invalid, wanted, start, end)
        chosen = scan.chosen()
        works = {k: c for k, c in chosen.items() if k[0] == "W"}
        people = {k: c for k, c in chosen.items() if k[0] == "A"}
        kept = [c for copies in works.values() for c in copies]  # copies of unknown order all stand
        held = {s: sum(any(s in c.hits for c in copies) for copies in works.values()) for s in subjects}
        coverage, warnings = declared_coverage(
            str(source), subjects, start, end, held, subjects_may_be_empty, _through_one(subjects, kept)
        )
        # Held against the works alone: pages of authors saved beside them must not fill the gap.
        # Whatever --subject declares, silence is no proof from saved API pages that are not all of
        # the query's pages, from parts of a source nothing counts (`incomplete`, which names it),
        # or where a record too broken to read, and skipped, may be a subject's work.
        shortfall = scan.pages.shortfall()
        unread = skipped_said(len(scan.skipped)) if scan.skipped else None
        for why, said in (
            (shortfall, f"{source}: {shortfall}"),
            (incomplete, incomplete),
            (unread, f"{source}: {unread}"),
        ):
            if why and coverage.complete:
                warnings.append(f"{said}; coverage NOT recorded as complete")
                coverage = coverage.model_copy(update={"complete": False, "institutions": (), "note": why})
        if coverage_limit and subjects:
            coverage = coverage.model_copy(update={"note": "; ".join(filter(None, [coverage.note, coverage_limit]))})
        imported_on = dt.date.fromisoformat(created[:10])
        dating = _dating_subjects(coverage, held)
        # The records of the source not given here (a bulk snapshot's that may be no subject's)
        # were current when the newest of them was, as the whole of it imported would say.
        also_dated = (newest_unread,) if newest_unread else ()
        if dating:
            # The subjects' works say when the file was current for them; an unrelated record
            # updated later does not (beside the lab's 2022 works it covered the lab to 2025),
            # nor does a subject left out of the coverage. (Where no subject has a work in it,
            # and the user confirmed that may be, the file's records are all there is.)
            subject_dates = (c.updated for c in kept if c.hits & dating)
            as_of, basis = records_as_of(subject_dates, imported_on, AS_OF_FROM_SUBJECTS, AS_OF_NO_SUBJECT_DATE)
            # Yet every record was current when the newest of them was: a date is ahead only of that.
            newest, _ = records_as_of((*(c.updated for c in kept), *also_dated), imported_on)
            records_day = newest if newest and (as_of is None or newest > as_of) else None
        elif works or people or also_dated:
            dated = kept or [c for copies in people.values() for c in copies]  # authors alone: current as they are
            as_of, basis = records_as_of((*(c.updated for c in dated), *also_dated), imported_on)
            records_day = None
        else:
            as_of, basis, records_day = None, AS_OF_NO_RECORDS, None
        if coverage.complete and as_of is None and coverage.to and coverage.to > imported_on:
            # No record says when it was current, but none can be after the import: a later
            # declared end would vouch for works no one could have read yet.
            warnings.append(
                f"{source}: coverage is declared to {coverage.to}, after the import ({imported_on}), and no record "
                f"says when it was current: coverage recorded to {imported_on}"
            )
            coverage = coverage.model_copy(update={"to": imported_on})
        if coverage.complete and end and as_of and end > as_of:
            warnings.append(
                f"{source}: coverage is declared to {end}, but the newest record was updated on {as_of}: "
                "works published or attributed since may be missing from it"
            )
        chosen_works = {c.n for c in kept}
        unordered = {c.n: k for k, copies in chosen.items() if len(copies) > 1 for c in copies}
        chosen_authors = {c.n for copies in people.values() for c in copies}
        authors_section = _authors_section(coverage, kept, set(people)) if people else None
        with SnapshotWriter(out, inputs=[source]) as writer:
            copied, same, with_copies = _copy_chosen(
                source, layout, chosen_works, chosen_authors, skip_invalid, writer, unordered
            )
            if copied != scan.digest:  # the snapshot holds only the bytes whose digest it records
                raise InputError(Problem(str(source), 0, 0, CHANGED_WHILE_READ))
            manifest = writer.commit(
                {
                    "source": "import",
                    "created": created,
                    "tool": tool_versions(),
                    "queries": [
                        {
                            "import": str(source),
                            "sha256": scan.digest,
                            "layout": _LAYOUT_NAMES[layout],
                            **(read_from or {}),
                        }
                    ],
                    "command": command or [],
                    "duplicates_collapsed": scan.total - len(chosen_works) - len(chosen_authors) + same,
                    "unordered_copies": with_copies,
                    "skipped_lines": [_skipped_at_origin(x, origin_of) for x in scan.skipped],
                    "coverage": coverage.as_json(),
                    "as_of": as_of,
                    "as_of_basis": basis,
                    "records_current_on": records_day,
                    "authors": authors_section,
                }
            )
        return ImportSummary(
            str(out),
            manifest.records,
            manifest.duplicates_collapsed,
            len(scan.skipped),
            manifest,
            tuple(warnings),
            manifest.authors.records if manifest.authors else 0,
        )


BY_SUBJECT_IDS = (
    "kept from the bulk snapshot by the subjects' ids: works naming a subject only in an affiliation's "
    "text, with no institution id, were not searched for"
)
"""What a bulk import keeps, and so leaves out: a work OpenAlex gives no id of the subject's is
no work it attributes to it, yet the same records imported as one file would be matched by the
subject's names; the snapshot's coverage and the import's line say so."""


def import_bulk(
    folder: str | Path,
    out: str | Path,
    *,
    institutions: Iterable[str],
    on_part: Callable[[BulkPart, int, int], None] | None = None,
    parts: list[BulkPart] | None = None,
    **options: Any,
) -> ImportSummary:
    """A snapshot of the subjects' works in OpenAlex's bulk snapshot (`data/works/` with its
    manifest, or the Parquet copy): the records that may be theirs gathered by DuckDB into a file
    in the system's temporary folder (never beside an input or the snapshot), then imported as any
    file is (`import_works`, whose `options` it takes). What the import finds wrong with a record
    is said at its part and line; its warnings name the folder. Parts no manifest counts leave
    the coverage incomplete (`unchecked_parts_said`). `on_part` hears of each part read; `parts`
    are the folder's (`bulk_parts`) where the caller has listed them already."""
    folder = refuse_claimwatch_snapshot(folder)
    check_destination(out, [folder])  # before a part is listed or read: never over the download
    subjects = list(institutions)
    if not subjects:
        raise InputError(Problem(str(folder), 0, 0, "a bulk snapshot folder is filtered by subject: give at least one"))
    # Checked before the parts are read (hours, for the whole snapshot), not after.
    _checked_period(options.get("start"), options.get("end"))
    subjects = subject_ids(subjects)
    parts = parts if parts is not None else bulk_parts(folder)
    check_destination(out, [p.path for p in parts])  # a part may be a link to a file elsewhere
    not_listed = unlisted_parts(folder, parts)
    with tempfile.TemporaryDirectory(prefix="claimwatch-bulk-") as tmp:
        subset = Path(tmp) / "subset.jsonl.gz"
        read = write_bulk_subset(folder, subjects, subset, on_part=on_part, parts=parts)
        note = {
            # The folder, not the temporary file the kept records were gathered in (gone once
            # this returns), whose bytes the query's sha256 is of.
            "import": str(folder),
            "sha256_of": "the records kept from the parts, a line each, in the parts' order",
            "bulk": str(folder),
            "parts": len(parts),
            "parts_counted_by_manifest": sum(p.records is not None for p in parts),
            "kept": BY_SUBJECT_IDS,
            "records_read": read.records,
            "records_kept": read.kept,
            **({"other_versions_kept": read.other_versions} if read.other_versions else {}),
            **({"preprint_versions_kept": read.preprint_versions} if read.preprint_versions else {}),
            **({"work_ids_unread": read.ids_unread} if read.ids_unread else {}),
            **({"parts_not_listed": len(not_listed)} if not_listed else {}),
            **({"fields_held_as_text": list(read.text_fields)} if read.text_fields else {}),
        }
        summary = import_works(
            subset,
            out,
            institutions=subjects,
            read_from=note,
            incomplete=unchecked_parts_said(folder, parts),
            origin_of=read.origin,
            layout="jsonl",  # a record a line, as gathered: a broken first one is a broken line
            newest_unread=read.newest_updated,
            coverage_limit=BY_SUBJECT_IDS,
            **options,
        )
    # The file the records were gathered in is gone: the folder is what the user gave.
    warnings = [w.replace(str(subset), str(folder)) for w in summary.warnings]
    if unlisted := unlisted_parts_said(folder, not_listed):
        warnings.insert(0, unlisted)
    if read.other_versions:
        warnings.insert(
            0,
            f"{folder}: {read.other_versions:,} other version(s) of works of the subjects, in records that no "
            "longer name them, were read as well, and the newest version of each was kept (files left "
            "from an earlier download?)",
        )
    if read.ids_unread:
        warnings.insert(
            0,
            f"{folder}: {read.ids_unread:,} record(s) whose work id DuckDB could not read were not looked at "
            "for other versions of the works kept (an outdated version left in the folder would go unseen)",
        )
    if read.text_fields:
        warnings.insert(
            0,
            f"{folder}: its Parquet files hold {', '.join(read.text_fields)} as text, where OpenAlex's "
            "records hold JSON objects and arrays; claimwatch does not parse that text, so what it "
            "holds (an abstract, the authors, the topics) was not read",
        )
    return dataclasses.replace(summary, warnings=tuple(warnings))


@contextlib.contextmanager
def _said_at_origin(source: str, origin_of: Callable[[int], tuple[str, int]] | None) -> Iterator[None]:
    """Problems at a line of `source` said at the file and line it was read from, where the
    caller knows them (the records of a bulk snapshot's parts, gathered in a temporary file)."""
    try:
        yield
    except InputError as e:
        if origin_of is None or not any(p.path == source and p.line for p in e.problems):
            raise
        placed = [
            Problem(*origin_of(p.line), p.column, p.message) if p.path == source and p.line else p for p in e.problems
        ]
        raise InputError(placed) from None


def _skipped_at_origin(skipped: dict[str, Any], origin_of: Callable[[int], tuple[str, int]] | None) -> dict[str, Any]:
    if origin_of is None or not skipped.get("line"):
        return skipped
    file, line = origin_of(skipped["line"])
    return {**skipped, "file": file, "line": line}


def _authors_section(coverage: Coverage, works: list[_Chosen], held: set[str]) -> dict[str, Any]:
    """What the manifest says of an import's author records: their coverage, checked against
    the covered works' authors, and which of those authors have no record in the file."""
    author_coverage, missing = imported_author_coverage(coverage, works, held)
    return {"coverage": author_coverage.as_json(), "missing_ids": missing}


def imported_author_coverage(
    coverage: Coverage, works: Iterable[_Chosen], held: set[str]
) -> tuple[AuthorCoverage, list[str]]:
    """The author records' coverage: complete where the works' coverage is, and every author on
    the works it covers (an authorship's institution is a covered subject, in the period) has a
    record among `held` and is named by an OpenAlex id, and no such work's author list was cut
    at 100 (its other authors are named nowhere in the file), as a collect's coverage is; and the
    ids without a record."""
    if not coverage.complete:
        note = "the works' coverage is not complete, so neither can their authors' be"
        return AuthorCoverage(declared_by=coverage.declared_by, note=note), []
    covered = set(coverage.institutions)
    wanted: set[str] = set()
    unnamed = cut = 0
    for chosen in works:
        if covered & chosen.hits:
            wanted |= chosen.authors.ids
            unnamed += chosen.authors.unnamed
            cut += chosen.authors.truncated
    missing = sorted(wanted - held)
    short = [
        f"{len(missing)} of the {len(wanted)} authors on the covered works have no record in the file"
        if missing
        else None,
        f"{unnamed} authorship{'s' if unnamed != 1 else ''} on them name no OpenAlex author" if unnamed else None,
        _cut_said(cut) if cut else None,
    ]
    return (
        AuthorCoverage(
            complete=not any(short),
            institutions=coverage.institutions,
            from_=coverage.from_,
            to=coverage.to,
            declared_by=f"{coverage.declared_by}, checked against the records",
            note="; ".join(filter(None, short)) or None,
            authors=len(wanted),
            missing=len(missing),
            without_author_id=unnamed,
        ),
        missing,
    )


def _cut_said(cut: int) -> str:
    """How many covered works have an author list cut as API list pages cut it."""
    if cut == 1:
        return (
            f"1 covered work has its author list cut at {LIST_AUTHORS_CAP}, as API list pages give it "
            "(is_authors_truncated), so its other authors are not in the file"
        )
    return (
        f"{cut:,} covered works have their author lists cut at {LIST_AUTHORS_CAP}, as API list pages give "
        "them (is_authors_truncated), so their other authors are not in the file"
    )


import_jsonl = import_works  # its name from when it read JSON Lines only

_NOTHING_TO_CONFIRM = (
    "the file holds nothing (0 bytes, or blank lines alone), no search's answer: --subject-may-be-empty "
    "records a subject's coverage complete from the records searched, and none were (a download or "
    "export that wrote nothing?); import the records, or leave the option off"
)
_HEAD_READ = 64
"""The bytes of a file looked at for UTF-16 before it is read as records."""
_LAYOUT_NAMES = {"jsonl": "JSON Lines", "json": "JSON document"}


def _checked_period(start: dt.date | None, end: dt.date | None) -> None:
    if start and end and end < start:
        raise InputError(Problem("--to", 0, 0, f"{end} is before --from {start}"))


def skipped_said(n: int) -> str:
    """Why records skipped as malformed leave coverage incomplete."""
    records = "1 record was" if n == 1 else f"{n:,} records were"
    return f"{records} skipped as malformed (--skip-invalid), and a work of the subjects may be among them"


@dataclass
class SavedPages:
    """The API pages a file holds, grouped by their `meta.count`: the pages of one cursor-paged
    query share it, so each group is a query's pages (or, where queries happen to match as
    many records, several queries', held together), with the distinct works and authors on them.
    """

    # count -> the ids (their digits) of the works and of the authors on the pages with that count
    groups: dict[int, tuple[set[int], set[int]]] = field(default_factory=dict)
    # the records of the page being read, which come before its meta
    _reading: dict[int, list[str]] = field(default_factory=dict, repr=False)

    def result(self, page: int, key: str) -> None:
        """A record (by its short id, W... or A...) read from page number `page`."""
        self._reading.setdefault(page, []).append(key)

    def page(self, meta: dict[str, Any], page: int) -> None:
        """Page number `page` read whole: its meta, and the records read from it, go to its group.
        A page with no count (not an API page as OpenAlex gives them) joins none."""
        keys = self._reading.pop(page, [])
        count = meta.get("count")
        if not isinstance(count, int) or isinstance(count, bool):
            return
        works, authors = self.groups.setdefault(count, (set(), set()))
        for key in keys:
            (works if key[0] == "W" else authors).add(int(key[1:]))

    def shortfall(self) -> str | None:
        """Why the pages cannot be all of their queries' records, or None: a group's pages hold
        fewer distinct works than its count (an authors query's pages, which hold no works, fewer
        authors). So one query's records never fill another's gap, nor a page saved twice a page
        missing. (A next_cursor on the last page proves nothing: OpenAlex gives one on the last
        page of results too, and ends a cursor with an empty page.)"""
        short = []
        for count, (works, authors) in self.groups.items():
            what, held = ("works", len(works)) if works or not authors else ("authors", len(authors))
            if held < count:
                short.append((count, what, held))
        if not short:
            return None
        count, what, held = short[0]
        if len(self.groups) == 1:
            return f"its API pages say the query matched {count:,} {what}, and the file holds {held:,}"
        others = len(short) - 1
        more = f"; {others:,} other{'s fall' if others > 1 else ' falls'} short too" if others else ""
        return (
            f"its API pages are of {len(self.groups):,} queries (told apart by their meta.count): one matched "
            f"{count:,} {what}, and the file holds {held:,} of them on its pages{more}"
        )


def _dating_subjects(coverage: Coverage, held: dict[str, int]) -> frozenset[str]:
    """The subjects whose works tell when the file was current: those it covers, where it covers
    any with works in it; else every subject with works in it."""
    covered = frozenset(s for s in coverage.institutions if held.get(s)) if coverage.complete else frozenset()
    return covered or frozenset(s for s, n in held.items() if n)


def _through_one(subjects: list[str], works: list[_Chosen]) -> dict[str, str]:
    """The declared subjects every work of which in the file (of any date) reaches them through
    one and the same institution below them (in its lineage; an institution with an id, so that
    it can be named and declared): that institution, by subject. A parent's works are never all
    one child's, so such a file is that child's works, whatever else is on them (a coauthor at
    another of the parent's labs, or at the parent itself)."""
    common: dict[str, set[str] | None] = {s: None for s in subjects}
    for c in works:
        ways: dict[str, set[str]] = {}
        for route in c.routes:
            subject, way = route.split(" ", 1)
            ways.setdefault(subject, set()).add(way)
        for subject, here in ways.items():
            before = common[subject]
            common[subject] = here if before is None else before & here
    return {
        s: min(named)
        for s, through in common.items()
        if through is not None and (named := {w for w in through if w not in (s, "-")})
    }


def declared_coverage(
    source: str,
    subjects: list[str],
    start: dt.date | None,
    end: dt.date | None,
    held: dict[str, int],
    may_be_empty: bool,
    through_one: dict[str, str] | None = None,
) -> tuple[Coverage, list[str]]:
    """The coverage a user declares for an import, and the warnings it calls for.

    A subject the records hold no work of is far more often a wrong id, a wrong file or a
    filter gone wrong than a silent institution: its coverage would let nothing found pass for
    "not contradicted". So it is complete only where the user confirmed it may be empty.

    Likewise a subject every work of which in the file reaches it through one institution below
    it (`through_one`: Microsoft Research Asia's works declared for Microsoft): the file is that
    institution's works, not all of the subject's, and it is not complete for the subject.
    """
    if not subjects:
        return Coverage(declared_by="nobody", note="no --subject declared: the import holds no complete coverage"), []
    through_one = through_one or {}
    empty = [s for s in subjects if not held.get(s) and s not in through_one]  # a child's file: see below
    warnings = [_empty_subject_warning(source, s, start, end, may_be_empty) for s in empty]
    warnings += [_one_child_warning(source, s, child, child in subjects) for s, child in through_one.items()]
    covered = [
        s for s in (subjects if may_be_empty else [s for s in subjects if s not in empty]) if s not in through_one
    ]
    notes = []
    if empty and not may_be_empty:
        notes.append(
            f"declared for {', '.join(empty)}, but the file holds no work of "
            f"{'it' if len(empty) == 1 else 'them'} in the period, so not recorded as complete; "
            "--subject-may-be-empty confirms a subject may have none"
        )
    notes += [
        f"declared for {s}, but every work of it in the file is by {child} (in its lineage): the file holds "
        f"{child}'s works, not all of {s}'s, so not recorded as complete for {s}"
        for s, child in through_one.items()
    ]
    note = "; ".join(notes) or None
    coverage = Coverage(
        complete=bool(covered),
        institutions=tuple(covered),
        from_=start,
        to=end,
        declared_by="user",
        note=note,
        subject_works=dict(sorted(held.items())),
        confirmed_empty=tuple(empty) if may_be_empty else (),
    )
    return coverage, warnings


def _one_child_warning(source: str, subject: str, child: str, declared: bool) -> str:
    advice = f"{child} is declared too, and covered" if declared else f"declare --subject {child} for what it holds"
    return (
        f"{source}: every work of {subject} in it is by {child}, an institution in its lineage: it holds "
        f"{child}'s works, not all of {subject}'s; coverage NOT recorded as complete for {subject} ({advice})"
    )


def _empty_subject_warning(
    source: str, subject: str, start: dt.date | None, end: dt.date | None, may_be_empty: bool
) -> str:
    period = f" published {start or 'any time'} to {end or 'its newest record'}" if start or end else ""
    found = f"{source} holds no work of {subject}{period} (no authorship's institution is {subject} or has it in its lineage)"
    if may_be_empty:
        return f"{found}; recorded as complete for {subject} all the same, as --subject-may-be-empty confirms"
    return (
        f"{found}; coverage NOT recorded as complete for {subject}: check the id and the file, "
        "or confirm with --subject-may-be-empty that it may have none"
    )


def records_as_of(
    updated_dates: Iterable[str],
    today: dt.date,
    found: str = AS_OF_FROM_RECORDS,
    none: str = AS_OF_UNKNOWN,
) -> tuple[dt.date | None, str]:
    """The day the records were current: the newest updated_date among them (its date part),
    and how it was found (`found`, or `none` where none has one). A date after the import
    itself is impossible, so it gives none."""
    newest: dt.date | None = None
    for value in updated_dates:
        if value and (newest is None or value[:10] > newest.isoformat()):
            try:
                newest = dt.date.fromisoformat(value[:10])
            except ValueError:
                continue  # not a date: it says nothing of when the record was current
    if newest is None:
        return None, none
    if newest > today:
        return None, f"unknown: the newest updated_date ({newest}) is later than the import ({today})"
    return newest, found


CHANGED_WHILE_READ = (
    "changed while it was imported (the second reading's sha256 differs from the first's): "
    "nothing written; import it again once it is complete"
)


def _copy_chosen(
    source: Path,
    layout: Layout,
    works: set[int],
    authors: set[int],
    skip_invalid: bool,
    writer: SnapshotWriter,
    unordered: dict[int, str],
) -> tuple[str, int, int]:
    """Second pass: each chosen record into the snapshot, works to its works file and authors to
    its authors file, as the file gives them (a record that spans lines, pretty-printed, on one
    line); of the standing copies of one id (`unordered`: by line, the id), one of each text.
    Returns the sha256 of the bytes it read, which must be those the first pass chose from, how
    many copies were the same bytes as one kept, and how many ids kept more than one."""
    digest: list[str] = []
    texts: dict[str, set[bytes]] = {}
    same = 0

    def copy(n: int, text: bytes) -> None:
        nonlocal same
        if n in unordered:
            seen = texts.setdefault(unordered[n], set())
            # Of what the record says, not how it is written (line endings, spaces, key order).
            said = orjson.dumps(orjson.loads(text), option=orjson.OPT_SORT_KEYS)
            fingerprint = hashlib.blake2b(said, digest_size=16).digest()
            if fingerprint in seen:  # one export joined twice: nothing to weigh
                same += 1
                return
            seen.add(fingerprint)
        if n in works:
            writer.write_line(text)
        elif n in authors:
            writer.write_author_line(text)

    try:
        if layout == "jsonl":
            for n, line in read_lines(source, digest.append):
                copy(n, line)
        else:
            for record in document_records(
                source, digest.append, on_invalid=(lambda _: None) if skip_invalid else None
            ):
                copy(record.n, record.text)
    except InputError as e:
        if e.problems[0].path != str(source):
            raise  # not the file's fault: the snapshot could not be written
        # The first pass read this file whole without a fault: it has changed since.
        raise InputError(Problem(str(source), 0, 0, CHANGED_WHILE_READ)) from None
    return (digest[0] if digest else ""), same, sum(len(t) > 1 for t in texts.values())


PARALLEL_IMPORT_BYTES = 32 << 20  # smaller files: a second process would cost more than it saves


@dataclass(frozen=True, slots=True)
class _Chosen:
    """A record that may be the newest of its id: the day of its updated_date (None where it
    gives no real day) and the whole value (the as-of's), whether it names an author, its place
    in the file, and, for a work, which subjects it is by and (where it is by one) who wrote it."""

    day: str | None
    updated: str
    authored: bool
    n: int
    hits: frozenset[str]
    authors: WorkAuthors = NO_AUTHORS
    routes: frozenset[str] = frozenset()  # how it reaches each subject (`routes_to`)


def standing(copies: list[_Chosen]) -> tuple[_Chosen, ...]:
    """The copies of one id a check of them all would weigh, in file order: the newest by the
    day of its updated_date, and beside it every copy of the same day or of no day, which might
    be the work now as well (evidence/_records.py, `copy_stands`). A check of the snapshot then
    weighs them as it would the file's records."""
    if len(copies) == 1:
        return (copies[0],)
    newest = newest_day((c.day, c.authored) for c in copies)
    return tuple(sorted((c for c in copies if copy_stands(c.day, c.authored, newest)), key=lambda c: c.n))


@dataclass
class _Scan:
    """What the first pass found in one share of a file's records: for each id (W... or A...),
    its first record (`best`) and, for ids given more than once, every record (`copies`), each
    kept only while it may stand (`standing`)."""

    best: dict[str, _Chosen]
    skipped: list[dict[str, Any]]
    total: int
    digest: str
    error: InputError | None = None
    pages: SavedPages = field(default_factory=SavedPages)  # what a JSON document's API pages hold
    copies: dict[str, list[_Chosen]] = field(default_factory=dict)
    # Equal subject sets (and author counts with no ids) of the records kept, one object each: a
    # million works share a handful, and a set each was a third of the import's memory.
    _shared: dict[Any, Any] = field(default_factory=dict, repr=False)

    def offer(
        self, record: dict[str, Any], n: int, subjects: frozenset[str], start: dt.date | None, end: dt.date | None
    ) -> str:
        """Keep the record where it may be the newest of its id; its id (W... or A...)."""
        self.total += 1
        key = ids.checked(ids.openalex_id(record["id"]), record["id"])
        updated = record["updated_date"] if isinstance(record.get("updated_date"), str) else ""
        routes = routes_to(record, subjects)  # whatever the work's date: how the file reaches each subject
        hits = subjects_in_period(record, routes, start, end)
        # Who wrote it matters only for a work of a subject: its authors are the ones covered.
        authors = authors_of(record) if hits else NO_AUTHORS
        share = self._shared.setdefault
        if not authors.ids:
            authors = share(authors, authors)
        authored = names_an_author(record) if key[0] == "W" else True
        chosen = _Chosen(updated_day(updated), updated, authored, n, share(hits, hits), authors, routes)
        first = self.best.setdefault(key, chosen)
        if first is not chosen:
            # Rare (joined exports): every copy is held until the file is read, then weighed.
            copies = self.copies.setdefault(key, [first])
            copies.append(chosen)
            n = len(copies)
            if n >= _WEIGHED_AT and n & (n - 1) == 0 and any(c.authored and c.day for c in copies):
                # At each doubling (a file of one id repeated: linear, not quadratic). The newest
                # day can then only grow: a copy that does not stand now never will.
                copies[:] = standing(copies)
        return key

    def chosen(self) -> dict[str, tuple[_Chosen, ...]]:
        """By id, the records kept: the standing copies of a work or an author record (a check
        weighs author records' copies as it weighs works')."""
        return {key: standing(self.copies[key]) if key in self.copies else (first,) for key, first in self.best.items()}


_WEIGHED_AT = 64  # copies of one id held before the older are first let go: a file of one id repeated


def _choose_records(
    source: Path, skip_invalid: bool, subjects: frozenset[str], start: dt.date | None, end: dt.date | None
) -> _Scan:
    """First pass over JSON Lines: which lines hold the records of each id that stand (`standing`).

    Checking every record is the dear part, so a large file's lines are shared out among one
    process a core; the result is the same as one process reading them all.
    """
    parts = min(os.cpu_count() or 1, 4) if source.stat().st_size >= PARALLEL_IMPORT_BYTES else 1
    args = (source, skip_invalid, subjects, start, end)
    if parts > 1 and can_fork():
        # Ctrl-C is the parent's to answer (one line, exit 130); on it, or on an error, the
        # workers are stopped at once.
        with deaths_said(f"reading {source}"):
            pool = fork_pool(parts)
            try:
                shares = [pool.submit(_scan, *args, k, parts) for k in range(parts)]
                scans = [share.result() for share in shares]
            finally:
                stop(pool)
    else:
        scans = [_scan(*args, 0, 1)]
    errors = [s.error for s in scans if s.error]
    if errors:
        raise min(errors, key=lambda e: e.problems[0].line)  # the first bad line, as one reader would
    if len({s.digest for s in scans}) > 1:  # the shares read different bytes: the file changed
        raise InputError(Problem(str(source), 0, 0, CHANGED_WHILE_READ))
    merged = _Scan({}, sorted((x for s in scans for x in s.skipped), key=lambda x: x["line"]), 0, scans[0].digest)
    merged.total = sum(s.total for s in scans)
    for scan in scans:
        for key, first in scan.best.items():
            here, mine = scan.copies.get(key), merged.best.get(key)
            if mine is None and here is None:
                merged.best[key] = first
                continue
            copies = merged.copies.setdefault(key, [mine] if mine is not None else [])
            copies.extend(here or [first])
            merged.best[key] = min(copies, key=lambda c: c.n)
    return merged


def _scan(
    source: Path,
    skip_invalid: bool,
    subjects: frozenset[str],
    start: dt.date | None,
    end: dt.date | None,
    part: int,
    parts: int,
) -> _Scan:
    """Check the lines n with n % parts == part; every share reads (and hashes) the whole file."""
    scan = _Scan({}, [], 0, "")
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
                scan.skipped.append({"line": n, "reason": e.problems[0].message})
                continue
            if record is not None:
                scan.offer(record, n, subjects, start, end)
    except InputError as e:
        return _Scan({}, [], 0, "", e)
    scan.digest = digest[0] if digest else ""
    return scan


def _scan_document(
    source: Path, skip_invalid: bool, subjects: frozenset[str], start: dt.date | None, end: dt.date | None
) -> _Scan:
    """First pass over a JSON document: as `_scan`, records numbered in file order (a page on
    one line holds many records on the same line)."""
    scan = _Scan({}, [], 0, "")
    digest: list[str] = []

    def skip(e: InputError) -> None:
        problem = e.problems[0]
        scan.skipped.append({"line": problem.line, "column": problem.column, "reason": problem.message})

    for r in document_records(
        source, digest.append, on_invalid=skip if skip_invalid else None, on_page=scan.pages.page
    ):
        key = scan.offer(r.record, r.n, subjects, start, end)
        if r.page:
            scan.pages.result(r.page, key)
    scan.digest = digest[0] if digest else ""
    return scan
