"""OpenAlex's bulk snapshot, read for a few subjects without parsing the rest in Python.

The layout, as OpenAlex publishes it (FACTS.md): a works folder, `data/works/`, holding one
folder a day of change, `updated_date=YYYY-MM-DD/`, of gzipped JSON Lines files,
`part_NNN.gz`, and a `manifest` (JSON, in Redshift's manifest format) that lists every part by
its URL with its size and record count; about 330 GB in all. From June 2026 the quarterly
snapshot has a Parquet copy as well: a folder of `.parquet` files, a record a row.

DuckDB reads the parts, a core each, and keeps only the records that may be by a subject: those
whose text holds the digits of one of the subjects' OpenAlex ids (every spelling of an id,
`https://openalex.org/I4210113369` or `i4210113369`, holds them), or any `\\u` escape (a record
could spell a digit so). The import then checks each record it is given exactly, as it checks
any file, so this filter only has to let through every work of the subjects, and does. Records
it drops are never parsed: a broken line among them goes unnoticed, which reading 1.6 TB of JSON
to find would not be worth. Each gzip part is read whole by ISA-L's inflate as well, beside
DuckDB: DuckDB checks neither a gzip file's end nor its CRC-32, so a part cut short or changed
would otherwise give fewer or other records without a word.
"""

from __future__ import annotations

import array
import contextlib
import datetime as dt
import gzip
import heapq
import itertools
import re
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import duckdb
import orjson

from .. import ids
from .._gzip import BadGzipFile, ChecksumMismatch, Inflated, open_inflated
from .._text import printable
from ..errors import InputError, Problem
from ..files import utf8_named
from ._duckdb import _threads, connect, file_literal, out_of_memory_said, parquet_of, quoted
from ._sql import NO_HIVE, reader_path

MANIFEST = "manifest"
MAX_LINE = (64 << 20) + 1  # the longest record claimwatch reads (MAX_RECORD_BYTES), with its newline
_PARTITION = re.compile(r"updated_date=\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class BulkPart:
    """A data file of the bulk snapshot: where it is, and what the manifest says it holds (None
    where no manifest says: a Parquet copy's files, or the parts of a folder without one)."""

    path: Path
    records: int | None
    bytes: int | None


@dataclass
class BulkImport:
    """What reading the bulk snapshot found: the parts read, the records in them, those kept,
    and where each kept record was (`origin`)."""

    parts: list[BulkPart]
    records: int = 0
    kept: int = 0
    # Fields of a work record the Parquet files hold as text where records hold JSON objects or
    # arrays (`fields_held_as_text`): what they hold is not read.
    text_fields: tuple[str, ...] = ()
    # Where parts no manifest counts were read: the other versions of the works kept that were
    # kept too, and the records whose work id DuckDB could not read to look for them.
    other_versions: int = 0
    ids_unread: int = 0
    # Records that name none of the subjects but the arXiv id of a record kept: the preprint of a
    # subject's article, or the article of its preprint, which the import reads as one work.
    preprint_versions: int = 0
    # The newest day among every record's updated_date, kept or not: when the records were
    # current, as the import of the whole file would find it (None where none gives one).
    newest_updated: str | None = None
    # The part (its place in `parts`) and the line of each kept record, in the order kept.
    _part_of: array.array = field(default_factory=lambda: array.array("l"), repr=False)
    _line_of: array.array = field(default_factory=lambda: array.array("q"), repr=False)

    def origin(self, n: int) -> tuple[str, int]:
        """The part and line (row, in a Parquet file) of the n-th record kept, from 1: where a
        problem the import finds in it is to be said."""
        return str(self.parts[self._part_of[n - 1]].path), self._line_of[n - 1]


class BulkRecord(NamedTuple):
    """A record of the bulk snapshot that may be a subject's: its part, its line there (its row,
    in a Parquet file; from 1) and its text."""

    part: BulkPart
    line: int
    text: bytes


class OtherVersion(BulkRecord):
    """Another version of a work kept, read after every part (`bulk_records`): its place in the
    parts' order may come before records given already."""

    __slots__ = ()


def bulk_parts(folder: str | Path) -> list[BulkPart]:
    """The works folder's data files, in the manifest's order, each checked present and of the
    size the manifest gives (a download cut short is refused, naming the part); or, where the
    folder has no manifest (a Parquet copy, or the JSON Lines parts without theirs), its
    `updated_date=*/*.gz` parts or its `.parquet` files in path order, which nothing checks
    (`unchecked_parts_said`). A claimwatch snapshot is never taken for OpenAlex's: given as the
    folder, it is refused, saying what to do with it; below the folder, its files are not parts."""
    folder = refuse_claimwatch_snapshot(folder)
    _refuse_another_entity(folder)
    manifest = folder / MANIFEST
    if manifest.is_file():
        return [_listed_part(folder, manifest, k, entry) for k, entry in enumerate(_manifest_entries(manifest), 1)]
    gzipped = _gzip_parts(folder)
    parquet = _parquet_files(folder)
    if parquet and (works := _works_folders_below(folder)):
        # The snapshot's root, or its data/parquet/: every entity's Parquet files lie below it.
        raise InputError(Problem(str(folder), 0, 0, _give_the_works_folder(works)))
    if gzipped and parquet:
        message = "holds both JSON Lines parts (.gz) and .parquet files: give the folder of one of them"
        raise InputError(Problem(str(folder), 0, 0, message))
    if not gzipped and not parquet:
        message = (
            f"not an OpenAlex works folder: no {MANIFEST}, no updated_date=YYYY-MM-DD/*.gz parts and no .parquet files"
        )
        if works := _works_folders_below(folder):
            message += f" ({_give_the_works_folder(works)})"
        elif _PARTITION.match(folder.name):
            message += (
                f" (it is one updated_date= folder of the works folder: give the works folder, {folder.parent}; "
                "a part alone may be imported as a file)"
            )
        elif any(_snapshots_below(folder)):
            message += (
                " (the claimwatch snapshots below it are not OpenAlex's: give one to `claimwatch check --evidence`)"
            )
        raise InputError(Problem(str(folder), 0, 0, message))
    return [BulkPart(p, None, None) for p in gzipped or parquet]


# OpenAlex's entity folders beside `works/` (FACTS.md; developers.openalex.org's snapshot format),
# and where a works folder lies below the folders a user may give instead of it: the snapshot's
# root, its `data/`, and since 2026 the format folders `data/jsonl/` and `data/parquet/`.
_OTHER_ENTITIES = frozenset(
    {
        "authors",
        "awards",
        "concepts",
        "continents",
        "countries",
        "domains",
        "fields",
        "funders",
        "institutions",
        "keywords",
        "languages",
        "licenses",
        "merged_ids",
        "publishers",
        "sdgs",
        "sources",
        "subfields",
        "topics",
        "work-types",
    }
)
_WORKS_BELOW = ("works", "data/works", "jsonl/works", "parquet/works", "data/jsonl/works", "data/parquet/works")


def _works_folders_below(folder: Path) -> list[Path]:
    """The works folders below `folder` where it is a level above one (the snapshot's root,
    `data/`, `data/parquet/`): read whole, it would take every entity's records for works."""
    return [folder / below for below in _WORKS_BELOW if (folder / below).is_dir()]


def _give_the_works_folder(works: list[Path]) -> str:
    which = " or ".join(str(w) for w in works)
    return (
        f"a level above OpenAlex's works folder, where other entities' records lie too: give the works folder, {which}"
    )


def _refuse_another_entity(folder: Path) -> None:
    """Refuse another entity's folder (`data/authors/`, say) given for the works folder: its
    records are no works, and a snapshot of them would hold no work of the subjects."""
    if folder.name in _OTHER_ENTITIES and (
        (folder / MANIFEST).is_file() or any(folder.glob("updated_date=*/*")) or any(folder.glob("*.parquet"))
    ):
        works = folder.parent / "works"
        message = f"OpenAlex's {folder.name} folder, not its works folder: give the works folder"
        message += f", {works}" if works.is_dir() else ""
        raise InputError(Problem(str(folder), 0, 0, message))


# The fields of a work record that claimwatch reads as JSON objects or arrays (works.py).
_OBJECT_FIELDS = (
    "abstract_inverted_index",
    "authorships",
    "ids",
    "keywords",
    "locations",
    "primary_location",
    "primary_topic",
    "topics",
)


def fields_held_as_text(parts: list[BulkPart]) -> tuple[str, ...]:
    """The work fields that some Parquet file among `parts` holds as text (VARCHAR) where
    OpenAlex's records hold a JSON object or array. Read as the record's JSON, such a field is a
    string, which claimwatch does not parse: what it holds (an abstract, the authors) is lost,
    and the caller must say so. How the published copy stores each field is not confirmed, so it
    is read from each file's schema, never assumed."""
    parquet = [part for part in parts if part.path.suffix == ".parquet"]
    if not parquet:
        return ()
    found: set[str] = set()
    with connect(_READER_MEMORY, threads=1) as con:
        for part in parquet:
            with _unreadable_said(part):
                schema = con.execute(f"DESCRIBE SELECT * FROM {parquet_of(part.path)}").fetchall()
            found |= {name for name, kind, *_ in schema if name in _OBJECT_FIELDS and kind == "VARCHAR"}
    return tuple(sorted(found))


def unchecked_parts_said(folder: str | Path, parts: list[BulkPart]) -> str | None:
    """Why the parts read may not be all of the snapshot's works, or None: parts whose records no
    manifest counts. A part missing from the download can then not be told, so silence from them
    is no proof. (A part cut short is still told: a Parquet file by its footer, a gzip part by
    its end, `_spool_part`.)"""
    unchecked = sum(p.records is None for p in parts)
    if not unchecked:
        return None
    which = "its parts" if unchecked == len(parts) else f"{unchecked:,} of its {len(parts):,} parts"
    return f"{folder}: no manifest counts the records of {which}, so a part missing from the download could not be told"


def _gzip_parts(folder: Path) -> list[Path]:
    """The folder's `updated_date=YYYY-MM-DD/*.gz` files, in path order."""
    found = (p for p in folder.glob("updated_date=*/*.gz") if _PARTITION.match(p.parent.name))
    return sorted(utf8_named(p) for p in found if not is_claimwatch_snapshot(p.parent))


def _parquet_files(folder: Path) -> list[Path]:
    """The `.parquet` files below the folder, in path order, but a claimwatch snapshot's table
    (`works.parquet`, flattened rows, not OpenAlex's records): a folder of evidence holding
    snapshots is no Parquet copy of OpenAlex's."""
    snapshot: dict[Path, bool] = {}
    found = []
    for path in folder.rglob("*.parquet"):
        if path.parent not in snapshot:
            snapshot[path.parent] = is_claimwatch_snapshot(path.parent)
        if not snapshot[path.parent]:
            found.append(utf8_named(path))
    return sorted(found)


def _snapshots_below(folder: Path) -> Iterator[Path]:
    return (m.parent for m in folder.rglob(SNAPSHOT_MARKS[0]) if is_claimwatch_snapshot(m.parent))


# A claimwatch snapshot's manifest and works file (evidence/_snapshot.py, a layer above this
# one, names them; a test holds the two to agree).
SNAPSHOT_MARKS = ("manifest.json", "works.jsonl.gz")
SNAPSHOT_GIVEN = (
    "a claimwatch snapshot, not OpenAlex's records: give it to `claimwatch check --evidence` as it is "
    "(`claimwatch collect --update` refreshes a collected one), or import its works.jsonl.gz to declare "
    "other coverage"
)
_MARK_BYTES = 256 << 20  # the most of a snapshot's manifest claimwatch reads (MAX_MANIFEST_BYTES)


def refuse_claimwatch_snapshot(folder: str | Path) -> Path:
    """`folder`, unless it is a claimwatch snapshot: then an InputError saying what to do with it."""
    folder = Path(folder)
    if is_claimwatch_snapshot(folder):
        raise InputError(Problem(str(folder), 0, 0, SNAPSHOT_GIVEN))
    return folder


def is_claimwatch_snapshot(folder: Path) -> bool:
    """Whether `folder` is a claimwatch snapshot: a manifest.json beside its works file, or one
    that says so (`claimwatch_snapshot`, which every claimwatch writes) where that file is gone."""
    manifest, works = (folder / name for name in SNAPSHOT_MARKS)
    if not manifest.is_file():
        return False
    if works.exists():
        return True
    try:
        with open(manifest, "rb") as f:
            return b'"claimwatch_snapshot"' in f.read(_MARK_BYTES)
    except OSError:
        return False


def unlisted_parts(folder: str | Path, parts: list[BulkPart]) -> list[Path]:
    """The `updated_date=*/*.gz` files of a folder with a manifest that it does not list, which are
    not read: the manifest says what the snapshot holds. Files left from an earlier download (a
    sync that deletes nothing) are such."""
    folder = Path(folder)
    if not (folder / MANIFEST).is_file():
        return []
    listed = {p.path for p in parts}
    return [p for p in _gzip_parts(folder) if p not in listed]


def unlisted_parts_said(folder: str | Path, unlisted: list[Path]) -> str | None:
    """What `unlisted_parts` found, said so that no file is left unread unsaid; or None."""
    folder = Path(folder)
    if not unlisted:
        return None
    which = f"{len(unlisted):,} .gz files" if len(unlisted) > 1 else "a .gz file"
    return (
        f"{folder}: {which} in updated_date= folders that its {MANIFEST} does not list "
        f"(the first: {unlisted[0].relative_to(folder).as_posix()}) were not read: left from an earlier download?"
    )


def _manifest_entries(manifest: Path) -> list[dict[str, Any]]:
    try:
        document = orjson.loads(manifest.read_bytes())
    except (OSError, orjson.JSONDecodeError) as e:
        raise InputError(Problem(str(manifest), 0, 0, f"not an OpenAlex manifest: {e}")) from None
    entries = document.get("entries") if isinstance(document, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("url"), str) for e in entries):
        raise InputError(Problem(str(manifest), 0, 0, "not an OpenAlex manifest: no 'entries' with a 'url' each"))
    if not entries:  # OpenAlex's always lists parts: none read is no evidence that a subject has no work
        raise InputError(Problem(str(manifest), 0, 0, "the manifest lists no parts: there is nothing to import"))
    return entries


def _listed_part(folder: Path, manifest: Path, k: int, entry: dict[str, Any]) -> BulkPart:
    """The local file of the manifest's k-th entry (its URL's path after the works folder's name),
    which must lie in the works folder: a manifest is data, and a `..` in it could have any file
    on the machine read (and its records imported)."""
    url: str = entry["url"]
    pieces = url.split("/")
    at = next((i for i, p in enumerate(pieces) if _PARTITION.match(p)), None)
    if at is None:
        message = f"entry {k:,}'s url names no updated_date= folder: {printable(url[:200])}"
        raise InputError(Problem(str(manifest), 0, 0, message))
    if any(piece in ("", ".", "..") for piece in pieces[at:]):
        message = (
            f"entry {k:,}'s url leads outside the works folder (an empty, '.' or '..' step after its "
            f"updated_date= folder): {printable(url[:200])}; refused"
        )
        raise InputError(Problem(str(manifest), 0, 0, message))
    path = folder.joinpath(*pieces[at:])
    meta = entry.get("meta")
    meta = meta if isinstance(meta, dict) else {}
    size, records = meta.get("content_length"), meta.get("record_count")
    if not path.is_file():
        raise InputError(Problem(str(path), 0, 0, f"listed in {manifest} but not there: download it again"))
    if isinstance(size, int) and path.stat().st_size != size:
        message = (
            f"{path.stat().st_size:,} bytes where {manifest} says {size:,}: a download cut short? download it again"
        )
        raise InputError(Problem(str(path), 0, 0, message))
    return BulkPart(path, records if isinstance(records, int) else None, size if isinstance(size, int) else None)


def subject_ids(values: Iterable[str]) -> list[str]:
    """Each subject's OpenAlex institution id in its short form (I...), sorted, once each; a
    value that is not one is refused, as `--subject`."""
    out = []
    for value in values:
        short = ids.openalex_id(value)
        if short is None or not short.startswith("I"):
            raise InputError(Problem("--subject", 0, 0, f"{value!r} is not an OpenAlex institution id (I...)"))
        out.append(short)
    return sorted(set(out))


def subject_needles(subjects: Iterable[str]) -> list[str]:
    """The digits of each subject's OpenAlex id: text every spelling of the id holds."""
    return sorted({short[1:] for short in subject_ids(subjects)})


def bulk_records(
    folder: str | Path,
    subjects: Iterable[str],
    *,
    on_part: Callable[[BulkPart, int, int], None] | None = None,
    readers: int | None = None,
    parts: list[BulkPart] | None = None,
    on_versions: Callable[[int, int], None] | None = None,
    on_preprints: Callable[[int], None] | None = None,
    on_newest: Callable[[str | None], None] | None = None,
) -> Iterator[BulkRecord]:
    """Each record of the works folder that may be by one of `subjects` (`BulkRecord`),
    part by part in the manifest's order, the records of a part in its order. `on_part` hears of
    each part read: the part, its records, those kept (for a progress bar). A part holding other
    than the records its manifest entry counts is refused, naming it (after its records: the
    import that takes them leaves its snapshot as it was).

    Where some part no manifest counts, the folder may hold files left from an earlier download,
    with outdated versions of works: then every other version of a work kept follows, part by
    part, once every part has been read, so that the import keeps the newest, as it would from
    the whole file (`_wanted_again`); `on_versions` hears how many there were, and how many
    records' ids DuckDB could not read to look for them.

    Every record that shares an arXiv id (new style, `2311.04496`) with a record kept follows
    too, in the same way: an article and its preprint are versions of one work, dated by the
    earlier, and a preprint names its authors' institutions far less often than the article does
    (`_wanted_again`); `on_preprints` hears how many there were. `on_newest` hears, once
    every part is read, the newest day any record's `updated_date` gives (`_UPDATED_DAY`).

    A gzip stream is read from its start by one thread, so parts are read side by side, one a
    reader (`readers`, one a core by default, at most `MAX_READERS`), each keeping its records in
    a spool file of the system's temporary folder until the parts before it have been given.
    `parts` are the folder's (`bulk_parts`) where the caller has listed them already."""
    parts = parts if parts is not None else bulk_parts(folder)
    needles = subject_needles(subjects)
    readers = max(1, min(readers or _threads(), MAX_READERS, len(parts)))
    versions = any(p.records is None for p in parts)
    stop = threading.Event()
    with (
        tempfile.TemporaryDirectory(prefix="claimwatch-bulk-") as spool,
        ThreadPoolExecutor(readers, thread_name_prefix="claimwatch-bulk") as pool,
    ):
        try:
            queued = (
                (part, pool.submit(_spool_part, part, needles, Path(spool) / f"{k:06d}", stop, versions))
                for k, part in enumerate(parts)
            )
            # Reading at most one part ahead of the readers: spool files on disk stay few.
            ahead = deque(itertools.islice(queued, readers + 1))
            kept_ids: set[int] = set()
            kept_arxiv: set[int] = set()
            newest: str | None = None
            others: list[tuple[BulkPart, _Spooled]] = []
            unread = 0
            while ahead:
                part, reading = ahead.popleft()
                spooled = reading.result()
                ahead.extend(itertools.islice(queued, 1))
                yield from (BulkRecord(part, line, text) for line, text in spooled.records())
                if part.records is not None and spooled.read != part.records:
                    message = (
                        f"holds {spooled.read:,} records where the manifest says {part.records:,}: download it again"
                    )
                    raise InputError(Problem(str(part.path), 0, 0, message))
                kept_arxiv.update(spooled.kept_arxiv)
                if spooled.newest is not None and (newest is None or spooled.newest > newest):
                    newest = spooled.newest
                others.append((part, spooled))
                if versions:
                    kept_ids.update(spooled.kept_ids)
                    unread += spooled.unread_ids
                if on_part is not None:
                    on_part(part, spooled.read, spooled.kept)
            if on_newest is not None:
                on_newest(newest)
            # Both kinds follow from one reading again of each part holding one, the parts read
            # side by side on the readers' threads as at first: one after another on this
            # thread, a part read again for each kind, they made the import of a folder whose
            # subject's works have preprints 2.3 times as long as before they were looked for.
            again = [
                pool.submit(_read_again, part, *wanted, stop)
                for part, spooled in others
                if any(wanted := _wanted_again(spooled, kept_ids if versions else None, kept_arxiv))
            ]
            read_again = [reading.result() for reading in again]
            found = 0
            for versions_found, _ in read_again:
                found += len(versions_found)
                yield from versions_found
            if versions and on_versions is not None:
                on_versions(found, unread)
            preprints = 0
            for _, preprints_found in read_again:
                preprints += len(preprints_found)
                yield from preprints_found
            if on_preprints is not None:
                on_preprints(preprints)
        finally:
            stop.set()  # readers still at work stop at their next batch of rows; the rest never start
            pool.shutdown(cancel_futures=True)


MAX_READERS = 4
"""Parts read at once. A reader holds DuckDB's reading buffers (twice the longest line, 128 MiB,
a buffer) and its 512 MB memory limit: about 300 MiB each, measured."""
_READER_MEMORY = "512MB"
_BATCH = 8_192


@dataclass(frozen=True)
class _Spooled:
    """A part read: its records that may be a subject's, a line each in `path`, and the line of
    each in the part (`lines`); how many records it holds (`read`) and how many were kept. Where
    other versions are looked for: the work ids of those kept, the line and work id of the
    others (`ids_path`, `others` of them), and how many records' ids could not be read."""

    path: Path
    lines: array.array
    read: int
    kept: int
    kept_ids: array.array = field(default_factory=lambda: array.array("q"))
    ids_path: Path | None = None
    others: int = 0
    unread_ids: int = 0
    kept_arxiv: array.array = field(default_factory=lambda: array.array("q"))
    arxiv_path: Path | None = None
    arxiv_others: int = 0
    newest: str | None = None

    def other_arxiv(self) -> tuple[array.array, array.array]:
        """The line and each arXiv id (`_arxiv_number`) of the records not kept that name one."""
        return _read_back(self.arxiv_path, self.arxiv_others)

    def other_ids(self) -> tuple[array.array, array.array]:
        """The line and the work id of each record not kept (read back from `ids_path`)."""
        return _read_back(self.ids_path, self.others)

    def records(self) -> Iterator[tuple[int, bytes]]:
        with open(self.path, "rb") as f:
            for at, line in zip(self.lines, f, strict=True):
                yield at, line[:-1]
        self.path.unlink()


def _spool_columns(path: Path, first: array.array, second: array.array) -> Path | None:
    """Two columns of numbers, one after the other, in a spool file (`_read_back` reads them);
    None, and no file, where they are empty."""
    if not first:
        return None
    with open(path, "wb") as f:
        first.tofile(f)
        second.tofile(f)
    return path


def _read_back(path: Path | None, count: int) -> tuple[array.array, array.array]:
    """Two columns of `count` numbers a spool file holds one after the other; the file removed."""
    first, second = array.array("q"), array.array("q")
    if path is not None:
        with open(path, "rb") as f:
            first.fromfile(f, count)
            second.fromfile(f, count)
        path.unlink()
    return first, second


def _spool_part(
    part: BulkPart, needles: list[str], spool: Path, stop: threading.Event, versions: bool = False
) -> _Spooled:
    """Read one part on a thread of its own: its records that may be a subject's into `spool`,
    in order (one DuckDB thread reads a gzip stream, or a Parquet file, from its start), while
    another thread checks that a gzip part is whole (`_GzipCheck`). With `versions`, the work id
    of every record as well (`_Spooled`)."""
    read = kept = row = unread = 0
    newest = ""
    lines, kept_ids, other_lines, other_ids = (array.array("q") for _ in range(4))
    kept_arxiv, arxiv_lines, arxiv_numbers = (array.array("q") for _ in range(3))
    if _empty_gzip_part(part):
        spool.touch()
        return _Spooled(spool, lines, 0, 0)
    doing = f"reading {part.path}"
    with (
        _GzipCheck(part.path, stop) as check,
        connect(_READER_MEMORY, threads=1) as con,
        _unreadable_said(part),
        out_of_memory_said(doing, _READER_MEMORY),
        open(spool, "wb") as out,
    ):
        cursor = con.execute(_filter_query(part, needles, versions))
        while not stop.is_set() and (rows := cursor.fetchmany(_BATCH)):
            for present, text, arxiv, updated, *work in rows:
                row += 1  # a row a line (a blank one too), in the part's order: one thread reads it
                read += present
                if updated > newest and _a_day(updated):
                    newest = updated
                numbers = [n for a in arxiv if (n := _arxiv_number(a)) is not None] if arxiv else ()
                if text is not None:
                    kept += 1
                    lines.append(row)
                    out.write(text.encode("utf-8") + b"\n")
                    kept_arxiv.extend(numbers)
                else:
                    for n in numbers:
                        arxiv_lines.append(row)
                        arxiv_numbers.append(n)
                if versions and present:
                    if work[0] is None:
                        unread += 1
                    elif text is not None:
                        kept_ids.append(work[0])
                    else:
                        other_lines.append(row)
                        other_ids.append(work[0])
    if check.why is not None and not stop.is_set():
        raise InputError(Problem(str(part.path), 0, 0, check.why))
    ids_path = _spool_columns(spool.with_suffix(".ids"), other_lines, other_ids)
    arxiv_path = _spool_columns(spool.with_suffix(".arxiv"), arxiv_lines, arxiv_numbers)
    return _Spooled(
        spool,
        lines,
        read,
        kept,
        kept_ids,
        ids_path,
        len(other_lines),
        unread,
        kept_arxiv,
        arxiv_path,
        len(arxiv_lines),
        newest or None,
    )


def _empty_gzip_part(part: BulkPart) -> bool:
    """Whether the part is a gzip part of no bytes: no records, as gzip (and the import of a
    single file) reads it, where DuckDB refuses it as no gzip stream. (The manifest's count, where
    it gives one, is then held to 0 as any part's is.)"""
    if part.path.suffix == ".parquet":
        return False
    try:
        return part.path.stat().st_size == 0
    except OSError:
        return False  # said as DuckDB finds it, naming the part


def _wanted_again(
    spooled: _Spooled, kept_ids: set[int] | None, kept_arxiv: set[int]
) -> tuple[dict[int, int], set[int], set[int]]:
    """The lines of a part to read again. Each other version of a work kept (the same work id,
    in a record that does not name a subject: a newer version may not, where an older one left
    in the folder did), with its work id; none where `kept_ids` is None. Each record not kept
    that names the arXiv id of one kept (its own DOI, 10.48550/arXiv.ID, or a location on
    arxiv.org), and the arXiv ids those name that a record kept names."""
    versions: dict[int, int] = {}
    if kept_ids is not None:
        lines, ids = spooled.other_ids()
        versions = {line: work for line, work in zip(lines, ids, strict=True) if work in kept_ids}
    lines, numbers = spooled.other_arxiv()
    named = [(line, n) for line, n in zip(lines, numbers, strict=True) if n in kept_arxiv and line not in versions]
    return versions, {line for line, _ in named}, {n for _, n in named}


def _read_again(
    part: BulkPart, versions: dict[int, int], preprints: set[int], arxiv: set[int], stop: threading.Event
) -> tuple[list[OtherVersion], list[OtherVersion]]:
    """Read a part again, on a thread of its own, for the lines `_wanted_again` gives (`arxiv`:
    the ids its preprints name): the other versions among them, then the preprints, each in the
    part's order. The import reads them as it reads any record: it keeps the newest version of a
    work, and groups a preprint with its work by the arXiv id."""
    found: tuple[list[OtherVersion], list[OtherVersion]] = ([], [])
    if stop.is_set():
        return found
    # Only the lines sought come back from DuckDB, not every line naming arXiv.
    sought = []
    if versions:
        sought.append(f"{_work_id('line')} IN ({', '.join(map(str, sorted(set(versions.values()))))})")
    if preprints:
        ids = ", ".join(quoted(_arxiv_text(n)) for n in sorted(arxiv))
        sought.append(f"({_NAMES_ARXIV} AND list_has_any(regexp_extract_all(line, {quoted(_ARXIV_ID)}, 1), [{ids}]))")
    row = 0
    with (
        connect(_READER_MEMORY, threads=1) as con,
        _unreadable_said(part),
        out_of_memory_said(f"reading {part.path} again", _READER_MEMORY),
    ):
        cursor = con.execute(f"SELECT CASE WHEN {' OR '.join(sought)} THEN line END FROM {_lines_of(part)}")
        while not stop.is_set() and (rows := cursor.fetchmany(_BATCH)):
            for (text,) in rows:
                row += 1
                if text is not None and (row in versions or row in preprints):
                    found[row in preprints].append(OtherVersion(part, row, text.encode("utf-8")))
    return found


class _GzipCheck:
    """A gzip part read to its end with ISA-L's inflate (`_gzip.Inflated`), on a thread of its
    own (it lets go of the GIL), while DuckDB reads it: DuckDB checks neither a gzip file's end
    nor its CRC-32, so a part cut short, or whose bytes changed, would give fewer or other records
    without a word. `why`, once the block is left, says what is wrong with it (None: whole, or
    not a gzip part)."""

    def __init__(self, path: Path, stop: threading.Event):
        self.path, self.stop = path, stop
        self.why: str | None = None
        self._given_up = threading.Event()  # the part's reading failed: its check is moot
        self._thread = threading.Thread(target=self._run, name="claimwatch-bulk-gzip", daemon=True)

    def __enter__(self) -> _GzipCheck:
        if self.path.suffix != ".parquet":  # a Parquet file's footer is DuckDB's to check
            self._thread.start()
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        if exc_type is not None:
            self._given_up.set()  # the error is said now, not once the whole part is read
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        try:
            self.why = _gzip_not_whole(self.path, lambda: self.stop.is_set() or self._given_up.is_set())
        except OSError as e:
            self.why = f"cannot be read: {e.strerror or e}"


_INFLATED_AT_ONCE = 1 << 20


def _gzip_not_whole(path: Path, stopped: Callable[[], bool]) -> str | None:
    """Why the gzip file at `path` is not whole, or None: its members, one after another, each
    read to its end marker and held to its CRC-32 and size (what they hold is thrown away as it
    comes). Stops early, saying nothing, once `stopped()`."""
    thrown_away = bytearray(_INFLATED_AT_ONCE)
    with open(path, "rb") as f:
        inflated = Inflated(f)
        try:
            while inflated.readinto(thrown_away):
                if stopped():
                    return None
        except EOFError:
            return "cut short: the gzip file ends before its end marker (a download cut short?): download it again"
        except ChecksumMismatch:
            return "corrupt: what it holds does not match its gzip check (CRC-32 and size): download it again"
        except BadGzipFile as e:
            return f"corrupt gzip ({printable(str(e))}): download it again"
    return None


# A work record's own id, as records spell it (`https://openalex.org/W123`, escaped slashes, or
# `W123`): the first `"id"` holding a work id (nested objects' ids are of authors, institutions,
# sources, topics). Only ever used to find more records, so a record it misreads is only missed.
_WORK_ID = r'"id"\s*:\s*"(?:https?:(?:\\?/){2}openalex\.org(?:\\?/))?[Ww]([0-9]{1,18})"'


def _filter_query(part: BulkPart, needles: list[str], versions: bool = False) -> str:
    """A row for each line of the part, in order: whether it is a record (a blank line, or one
    of spaces and tabs, is not), and its text where it may be a subject's: it holds the digits of
    one of their ids, or a `\\u` escape (a record could spell a digit so)."""
    source = _lines_of(part)
    may = " OR ".join([*(f"contains(line, {quoted(n)})" for n in needles), "contains(line, '\\u')"])
    work = f", {_work_id('line')}" if versions else ""
    arxiv = f"CASE WHEN {_NAMES_ARXIV} THEN regexp_extract_all(line, {quoted(_ARXIV_ID)}, 1) END"
    # A line of spaces or tabs is blank, as the import reads it, and no record the manifest counts.
    # Only a line starting with a space or a tab is trimmed: ltrim of every line copied each
    # record, and raised the bulk import's peak from 644 MB to 934-988 MB.
    record = (
        "CASE WHEN line IS NULL OR line = '' THEN false WHEN left(line, 1) NOT IN (' ', '\t') THEN true "
        "ELSE ltrim(line, ' \t') <> '' END"
    )
    updated = f"coalesce(regexp_extract(line, {quoted(_UPDATED_DAY)}, 1), '')"
    return f"SELECT {record}, CASE WHEN {may} THEN line END, {arxiv}, {updated}{work} FROM {source}"


# A new-style arXiv id where a record names one (works.py reads them, in any case): its DOI,
# `10.48550/arXiv.2311.04496`, or a location's `https://arxiv.org/abs/2311.04496v1` (slashes
# escaped or not). Widened: any `arxiv.` or `arxiv.org/abs|pdf/` before the digits; the import
# reads each record it is given exactly.
_ARXIV_ID = r"(?i)arxiv(?:\.org(?:\\?/)+(?:abs|pdf)(?:\\?/)+|\.)([0-9]{4}\.[0-9]{4,5})(?:[^0-9]|$)"
_NAMES_ARXIV = "regexp_matches(line, '(?i)arxiv')"


# The day of a record's updated_date (`"updated_date": "2025-05-23T13:27:52.471633"`): the first
# one, which is the work's own (nested objects have none).
_UPDATED_DAY = r'"updated_date"\s*:\s*"([0-9]{4}-[0-9]{2}-[0-9]{2})'


def _a_day(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False  # "2025-13-45" says nothing of when the record was current
    return True


def _arxiv_text(number: int) -> str:
    """The arXiv id an `_arxiv_number` stands for."""
    yymm, digits = divmod(number // 100_000, 10)
    return f"{yymm:04d}.{number % 100_000:0{digits}d}"


def _arxiv_number(arxiv_id: str) -> int | None:
    """A new-style arXiv id (YYMM.NNNNN) as one number, its digits' count kept apart: 2311.0449
    and 2311.04490 are other papers."""
    yymm, _, number = arxiv_id.partition(".")
    if not (yymm.isdigit() and number.isdigit() and len(yymm) == 4 and len(number) in (4, 5)):
        return None
    return (int(yymm) * 10 + len(number)) * 100_000 + int(number)


def _lines_of(part: BulkPart) -> str:
    """The part as a table of its lines (`line`, null for a blank one), a Parquet row's as JSON."""
    if part.path.suffix == ".parquet":
        return f"(SELECT CAST(to_json(w) AS VARCHAR) AS line FROM {parquet_of(part.path)} AS w)"
    return (
        # The compression named: DuckDB reads it from the path, which a `?` would cut short.
        f"read_csv({file_literal(part.path)}, {NO_HIVE}, compression = 'gzip', columns = {{'line': 'VARCHAR'}}, "
        f"delim = '\x01', quote = '', escape = '', header = false, auto_detect = false, new_line = '\\n', "
        f"max_line_size = {MAX_LINE}, buffer_size = {2 * MAX_LINE})"
    )


def _work_id(line: str) -> str:
    return f"TRY_CAST(regexp_extract({line}, {quoted(_WORK_ID)}, 1) AS BIGINT)"


_CSV_LINE = re.compile(r"CSV Error on Line: (\d+)")


@contextlib.contextmanager
def _unreadable_said(part: BulkPart) -> Iterator[None]:
    """A part DuckDB cannot read (not gzip, not UTF-8, a line longer than any record claimwatch
    reads), said in one line naming it and the line where DuckDB says so. DuckDB's message quotes
    the line itself, which is never shown: only what is wrong with it."""
    try:
        yield
    except duckdb.OutOfMemoryException:
        raise
    except duckdb.Error as e:
        text = str(e)
        at = _CSV_LINE.search(text)
        if "Invalid unicode" in text:
            reason = "not UTF-8 text: download it again"
        elif "Maximum line size" in text:
            reason = f"a line longer than {MAX_LINE - 1:,} bytes, the longest record claimwatch reads"
        elif "state machine reached an invalid state" in text:
            # What DuckDB says of a carriage return, with lines cut at line feeds only.
            reason = (
                "cannot be read as JSON Lines: it holds a carriage return (\\r), as a file with Windows "
                "line breaks does, which OpenAlex's parts never hold"
            )
        elif at:
            reason = "cannot be read as JSON Lines"
        else:
            # The part is named once, in front: DuckDB's own naming of it is taken out.
            # DuckDB names it as it was given to read: absolute (`file_literal`), its glob
            # characters escaped.
            first = text.splitlines()[0] if text else type(e).__name__
            for named in dict.fromkeys((reader_path(part.path), str(part.path))):
                first = first.removesuffix(f": {named}").replace(f" '{named}'", "")
            reason = f"cannot be read: {printable(first.split(': ', 1)[-1])}"
        raise InputError(Problem(str(part.path), int(at.group(1)) if at else 0, 0, reason)) from None


def write_bulk_subset(
    folder: str | Path,
    subjects: Iterable[str],
    out: str | Path,
    *,
    on_part: Callable[[BulkPart, int, int], None] | None = None,
    parts: list[BulkPart] | None = None,
) -> BulkImport:
    """The records of the works folder that may be by one of `subjects`, written to `out` as
    gzipped JSON Lines in the snapshot's order: a file `evidence import` takes as it takes any
    (and checks every record of). `parts` as for `bulk_records`."""
    summary = BulkImport(parts if parts is not None else bulk_parts(folder))
    summary.text_fields = fields_held_as_text(summary.parts)
    places = {part.path: k for k, part in enumerate(summary.parts)}

    def counted(part: BulkPart, records: int, kept: int) -> None:
        summary.records += records
        summary.kept += kept
        if on_part is not None:
            on_part(part, records, kept)

    def versions(found: int, unread: int) -> None:
        summary.kept += found
        summary.other_versions, summary.ids_unread = found, unread

    def newest(day: str | None) -> None:
        summary.newest_updated = day

    def preprints(found: int) -> None:
        summary.kept += found
        summary.preprint_versions = found

    later: list[tuple[int, int, bytes]] = []  # other versions, read after every part
    try:
        with _subset_file(out) as f:
            records = bulk_records(
                folder,
                subjects,
                on_part=counted,
                parts=summary.parts,
                on_versions=versions,
                on_preprints=preprints,
                on_newest=newest,
            )
            for record in records:
                if isinstance(record, OtherVersion):
                    later.append((places[record.part.path], record.line, record.text))
                    continue
                f.write(record.text.rstrip(b"\r\n") + b"\n")
                summary._part_of.append(places[record.part.path])
                summary._line_of.append(record.line)
        if later:
            _put_in_place(out, summary, later)
    except OSError as e:
        raise InputError(Problem(str(out), 0, 0, f"cannot write: {e.strerror or e}")) from None
    return summary


@contextlib.contextmanager
def _subset_file(out: str | Path) -> Iterator[gzip.GzipFile]:
    # Neither a clock nor a file name in the header (gzip.open writes both): the same parts give
    # the same bytes, whose sha256 the manifest records.
    with open(out, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=3, mtime=0) as f:
        yield f


def _put_in_place(out: str | Path, summary: BulkImport, later: list[tuple[int, int, bytes]]) -> None:
    """The subset written again with the other versions each at its place in the parts' order:
    where two versions tie, the import keeps the first, as it would reading the parts whole."""
    out = Path(out)
    gathered = out.with_name(out.name + ".gathered")
    out.replace(gathered)
    places = list(zip(summary._part_of, summary._line_of, strict=True))
    summary._part_of, summary._line_of = array.array("l"), array.array("q")
    with open(gathered, "rb") as raw, _subset_file(out) as f:
        kept = open_inflated(raw)
        merged = heapq.merge(((*at, line) for at, line in zip(places, kept, strict=True)), later)
        for part, line, text in merged:
            f.write(text.rstrip(b"\r\n") + b"\n")
            summary._part_of.append(part)
            summary._line_of.append(line)
    gathered.unlink()
