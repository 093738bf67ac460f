"""Snapshots: a folder holding `manifest.json`, `works.jsonl.gz` and, where the snapshot holds
author records, `authors.jsonl.gz`: the records as the source returned them. A snapshot is
written in a temporary folder beside its destination and swapped in with one rename, so a failed
or killed write leaves an earlier snapshot exactly as it was."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import datetime as dt
import functools
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import orjson
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .._text import printable
from ..columnar import WORKS_TABLE, WorksTableWriter
from ..coverage import AuthorCoverage, Count, Coverage
from ..documents import open_input
from ..errors import InputError, Problem
from ..files import (
    NAME_MAX,
    a_file_above_said,
    a_hidden_name,
    default_mode,
    hidden_prefix,
    lock_exclusively,
    lock_not_taken,
    named_as_a_backup,
    only_its_owner_may_replace,
    open_lock_file,
    refuse_folder_over_inputs,
    release_lock,
    utf8_named,
    why_not_written,
    why_only_its_owner_may_replace,
    why_protected,
    write_protected,
)
from ..people import AuthorRecord, author_from_openalex, author_id
from ..project import case_config
from ..works import Origin, Work, work_from_openalex
from ._records import parse_author, parse_record, read_lines, where_cut_short

MANIFEST = "manifest.json"
MAX_MANIFEST_BYTES = 256 << 20  # a manifest lists skipped lines, at most a few per record
_SHA256 = re.compile(r"[0-9a-f]{64}")
WORKS_FILE = "works.jsonl.gz"
AUTHORS_FILE = "authors.jsonl.gz"
SNAPSHOT_FORMAT = 1
GZIP_LEVEL = 3  # a fast level: imports are bound by compression at higher ones


class AuthorsManifest(BaseModel):
    """What a snapshot says of its author records: how many, which authors they are
    (`coverage`), and the author ids OpenAlex merged into others (`merged_ids`, old -> new).
    A collect adds how it asked; an import, the ids on covered works with no record."""

    model_config = ConfigDict(extra="allow")

    records: Count
    coverage: AuthorCoverage
    merged_ids: dict[str, str] = {}


class Manifest(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)

    # Every claimwatch has written the number 1 here: 0, -1, true or "1" is no format of any, and
    # read as 1 (or "2" as 2) it took a manifest no claimwatch wrote for this build's own.
    format: int = Field(SNAPSHOT_FORMAT, alias="claimwatch_snapshot", ge=1, strict=True)
    source: str
    created: str
    tool: dict[str, str]
    queries: list[dict[str, Any]] = []
    command: list[str] = []
    records: Count
    duplicates_collapsed: Count = 0
    # Ids (works' or authors') kept with more than one record: copies of one day or of none, whose
    # order is not known and which a check weighs as it would the file's records
    # (evaluate/_copies.py, evaluate/_people.py). Left out at 0.
    unordered_copies: Count = Field(0, exclude_if=lambda v: v == 0)
    skipped_lines: list[dict[str, Any]] = []
    files: dict[str, dict[str, Any]]
    coverage: Coverage
    # When the records were current (the day an open-ended period runs to), and how that was
    # found. Manifests written before these existed have neither: see Snapshot.retrieved.
    as_of: dt.date | None = None
    as_of_basis: str | None = None
    # An import with subjects takes its as-of from their works alone; its records were current on
    # the newest updated_date of them all, which a date is held to (`Work.within_record`): a
    # record unchanged since the lab's older works is no older than the file. Left out where it
    # is the as-of.
    records_current_on: dt.date | None = Field(None, exclude_if=lambda v: v is None)
    # Author records (added later): None in a snapshot that holds none, older ones included.
    authors: AuthorsManifest | None = Field(None, exclude_if=lambda v: v is None)


DAMAGED = "does not match the sha256 in its manifest: the snapshot was changed or damaged"
NO_AUTHOR_RECORDS = AuthorCoverage(
    note="the snapshot holds no author records (made before claimwatch gathered them, or without them)"
)
LEGACY_IMPORT_AS_OF = (
    "unknown: imported by an earlier claimwatch, which kept only the time of the import, not when "
    "the records were current; import the file again to record it"
)


@dataclass
class Snapshot:
    """A snapshot folder, read as a stream; its data file is checked against the manifest as it is read."""

    path: str
    manifest: Manifest
    sha256: str
    kind: str = "snapshot"

    @property
    def coverage(self) -> Coverage:
        return self.manifest.coverage

    @property
    def records_current_on(self) -> dt.date | None:
        """The day its records were current, which a date after it is ahead of: the newest
        `updated_date` of them all where the as-of is its subjects' alone, else the as-of."""
        return self.manifest.records_current_on or self.retrieved

    @property
    def retrieved(self) -> dt.date | None:
        """The day the records were current: a collect's retrieval day, an import's newest
        updated_date; None where that is not known (never the day of an import)."""
        m = self.manifest
        if m.as_of_basis is not None:
            return m.as_of
        if m.source == "import":
            return None  # an earlier import manifest: its `created` is only the clock at import
        try:
            return dt.date.fromisoformat(m.created[:10])
        except ValueError:
            return None

    @property
    def merged_works(self) -> dict[str, str]:
        """The work ids OpenAlex merged into others, as the manifest records them (each query's
        `merged_ids`, its last update's queries' and the works that gave way in it): an old id
        and the work it was merged into."""
        m = self.manifest
        update = getattr(m, "update", None)
        update = update if isinstance(update, dict) else {}
        queries = update.get("queries")
        queries = queries if isinstance(queries, list) else []
        maps = [q.get("merged_ids") for q in (*m.queries, *queries) if isinstance(q, dict)] + [update.get("merged")]
        return {
            k: v
            for merged in maps
            if isinstance(merged, dict)
            for k, v in merged.items()
            if isinstance(k, str) and isinstance(v, str)
        }

    @property
    def as_of_basis(self) -> str:
        """Where `retrieved` comes from, in words."""
        m = self.manifest
        if m.as_of_basis is not None:
            return m.as_of_basis
        if m.source == "import":
            return LEGACY_IMPORT_AS_OF
        return "the time of retrieval" if self.retrieved else f"unknown: 'created' is not a time ({m.created!r})"

    @classmethod
    def open(cls, folder: str | Path) -> Snapshot:
        folder = Path(folder)
        mpath = folder / MANIFEST
        if not mpath.exists() and not mpath.is_symlink():
            raise InputError(Problem(str(folder), 0, 0, f"not a snapshot: no {MANIFEST}"))
        try:
            with open_input(mpath) as f:
                raw = f.read(MAX_MANIFEST_BYTES + 1)
        except OSError as e:
            raise InputError(Problem(str(mpath), 0, 0, f"cannot read: {e.strerror or e}")) from None
        if len(raw) > MAX_MANIFEST_BYTES:
            raise InputError(
                Problem(str(mpath), 0, 0, f"more than {MAX_MANIFEST_BYTES:,} bytes: not a claimwatch manifest")
            )
        manifest = _read_manifest(raw, mpath)
        if manifest.format > SNAPSHOT_FORMAT:  # its files may mean what this build cannot know: never misread
            message = (
                f"a snapshot of format {manifest.format}, written by a later claimwatch (this one reads format "
                f"{SNAPSHOT_FORMAT}): read it with the claimwatch that wrote it, or import or collect it again"
            )
            raise InputError(Problem(str(mpath), 0, 0, message))
        if WORKS_FILE not in manifest.files:
            raise InputError(Problem(str(mpath), 0, 0, f"manifest lists no {WORKS_FILE}"))
        if (manifest.authors is None) != (AUTHORS_FILE not in manifest.files):
            said, unsaid = ("authors", AUTHORS_FILE) if manifest.authors else (AUTHORS_FILE, "authors")
            message = f"gives '{said}' but no '{unsaid}': not a manifest claimwatch wrote"
            raise InputError(Problem(str(mpath), 0, 0, message))
        for name in (n for n in (WORKS_FILE, AUTHORS_FILE) if n in manifest.files):
            digest = manifest.files[name].get("sha256")
            if not (isinstance(digest, str) and _SHA256.fullmatch(digest)):
                # Precision first: data nothing can check may have been swapped; it is not read.
                raise InputError(
                    Problem(
                        str(mpath),
                        0,
                        0,
                        f"gives no sha256 of {name}, so its data cannot be checked: refused "
                        "(import or collect the snapshot again)",
                    )
                )
        return cls(str(folder), manifest, hashlib.sha256(raw).hexdigest())

    def works(self) -> Iterator[Work]:
        """The snapshot's works, each dated as a record current on the day its records were
        (`records_current_on`) can show it
        (`Work.within_record`)."""
        name, current_on = str(Path(self.path) / WORKS_FILE), self.records_current_on
        for n, record, _ in self._work_records(name):
            yield work_from_openalex(record, Origin("snapshot", name, n)).within_record(current_on)

    def work_texts(self) -> Iterator[tuple[int, bytes]]:
        """(line, JSON text) of each work record `works` reads, read and checked as it reads
        them: what a columnar copy of a snapshot made before tables existed is made of."""
        for n, _, text in self._work_records(str(Path(self.path) / WORKS_FILE)):
            yield n, text

    def _work_records(self, name: str) -> Iterator[tuple[int, dict[str, Any], bytes]]:
        """Each work record of the data file (`name`), checked, with its line and its text."""
        for n, line in self.lines(WORKS_FILE):
            record = parse_record(line, name, n)
            if record is not None:
                yield n, record, line.rstrip(b"\r\n")

    def authors(self) -> Iterator[AuthorRecord]:
        """The snapshot's author records (none where it holds none), each knowing the ids
        OpenAlex merged into it where the manifest records them, and the day it was current
        (`AuthorRecord.within_record`)."""
        if self.manifest.authors is None:
            return
        merged: dict[str, list[str]] = {}
        for old, new in self.manifest.authors.merged_ids.items():
            merged.setdefault(new, []).append(old)
        name, current_on = str(Path(self.path) / AUTHORS_FILE), self.records_current_on
        for n, line in self.lines(AUTHORS_FILE):
            record = parse_author(line, name, n)
            if record is not None:
                merged_into = merged.get(author_id(record.get("id")) or "", ())
                yield author_from_openalex(record, Origin("snapshot", name, n), merged_into).within_record(current_on)

    @property
    def one_record_an_id(self) -> bool:
        """Whether each work is given once: a collect's and most imports', but not an import of
        copies of one record whose order is not known (`unordered_copies`)."""
        return self.manifest.unordered_copies == 0

    @property
    def author_records(self) -> int:
        """How many author records the snapshot holds (0 where it holds none)."""
        return self.manifest.authors.records if self.manifest.authors else 0

    @property
    def author_coverage(self) -> AuthorCoverage:
        return self.manifest.authors.coverage if self.manifest.authors else NO_AUTHOR_RECORDS

    def lines(self, name: str) -> Iterator[tuple[int, bytes]]:
        """The numbered lines of one of the snapshot's data files, checked against the sha256
        its manifest gives as they are read."""
        data = Path(self.path) / name
        expected = self.manifest.files[name]["sha256"]

        def check(digest: str) -> None:
            if digest != expected:
                raise InputError(Problem(str(data), 0, 0, DAMAGED))

        yield from read_lines(data, check)

    def checked_file(self, name: str) -> tuple[Path, str, str]:
        """One of its data files, the sha256 its manifest gives, and what to say where they
        differ: for a reader that does not read the file through `lines` (the columnar engine
        reads the works table)."""
        return Path(self.path) / name, self.manifest.files[name]["sha256"], DAMAGED

    def describe(self) -> dict[str, Any]:
        m = self.manifest
        return {
            "path": self.path,
            "kind": self.kind,
            "sha256": self.sha256,
            "source": m.source,
            "created": m.created,
            "records": m.records,
            # The data files' own sha256: the manifest's changes with every collection, records or not.
            "record_files": {n: m.files[n]["sha256"] for n in (WORKS_FILE, AUTHORS_FILE) if n in m.files},
            "as_of": str(self.retrieved) if self.retrieved else None,
            "as_of_basis": self.as_of_basis,
            "coverage": m.coverage.as_json(),
        }


def tool_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in ("claimwatch", "pyalex"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:  # pragma: no cover - an uninstalled checkout
            out[name] = "unknown"
    return out


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class _DataFile:
    """One data file of a snapshot being written: gzipped JSON Lines, hashed as written."""

    def __init__(self, path: Path):
        self.path = path
        # Held open across writes; finish() or discard() closes it.
        self.raw = open(path, "wb")  # noqa: SIM115
        self.hash = hashlib.sha256()
        self.gzip = _GzipBlocks(_HashingWriter(self.raw, self.hash))
        self.records = 0

    def write(self, line: bytes) -> None:
        self.gzip.write(line.rstrip(b"\r\n") + b"\n")
        self.records += 1

    def finish(self) -> dict[str, Any]:
        """Close the file, on disk for good; what the manifest records of it."""
        self.gzip.close()
        self.raw.flush()
        os.fsync(self.raw.fileno())
        self.raw.close()
        return {"sha256": self.hash.hexdigest(), "records": self.records, "bytes": self.path.stat().st_size}

    def discard(self) -> None:
        self.gzip.discard()
        with contextlib.suppress(Exception):
            self.raw.close()


class SnapshotWriter:
    """Writes a snapshot into a temporary folder beside `out`; `commit()` swaps it in.

    Works go to `works.jsonl.gz` (`write_line`, `write_record`), and, flattened for the columnar
    engine, to `works.parquet` beside them (unless `table=False`); author records, where the
    snapshot holds them, to `authors.jsonl.gz` (`write_author_line`, `write_author_record`).
    The manifest lists each file with its sha256. Use as a context manager: leaving the block
    by an exception removes the temporary folder and leaves `out` as it was. `out` must be a
    destination `check_destination` allows (apart from `inputs`, the files the run reads); it
    is checked again just before the swap, which replaces it. `in_place` for an update, which
    rewrites the snapshot at `out` under the name it has, whatever that is.
    """

    def __init__(
        self, out: str | Path, *, table: bool = True, inputs: Iterable[str | Path] = (), in_place: bool = False
    ):
        self.out = check_destination(out, inputs, in_place=in_place)
        try:
            self.out.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise _cannot_write(self.out, e) from None
        self._lock: int | None = _lock(self.out)
        try:
            _remove_stale_temporaries(self.out)
            self.tmp = Path(tempfile.mkdtemp(prefix=_temporary_prefix(self.out, "tmp"), dir=self.out.parent))
        except OSError as e:
            self._release()
            raise _cannot_write(self.out, e) from None
        self._table: WorksTableWriter | None = None
        try:
            os.chmod(self.tmp, default_mode(directory=True))
            # The table's writer forks its workers when made: before the gzip threads start.
            self._table = WorksTableWriter(self.tmp / WORKS_TABLE, named=str(self.out / WORKS_TABLE)) if table else None
            self._works = _DataFile(self.tmp / WORKS_FILE)
        except BaseException as e:  # a Ctrl-C while the table's writer forks too: nothing left behind
            if self._table is not None:
                self._table.abort()
            shutil.rmtree(self.tmp, ignore_errors=True)
            self._release()
            if isinstance(e, OSError):
                raise _cannot_write(self.out, e) from None
            raise
        self._authors: _DataFile | None = None

    @property
    def records(self) -> int:
        """Works written so far."""
        return self._works.records

    @property
    def author_records(self) -> int:
        """Author records written so far."""
        return self._authors.records if self._authors else 0

    def write_line(self, line: bytes) -> None:
        """One work record exactly as the source gave it (a JSON object, without its newline)."""
        self._write(self._works, line)
        if self._table is not None:
            self._table.add(self._works.records, line)  # its line in works.jsonl.gz, 1-based

    def write_record(self, record: dict[str, Any]) -> None:
        self.write_line(_one_line(record))

    def write_author_line(self, line: bytes) -> None:
        """One author record exactly as the source gave it (a JSON object, without its newline)."""
        self._write(self.open_authors(), line)

    def write_author_record(self, record: dict[str, Any]) -> None:
        self.write_author_line(_one_line(record))

    def open_authors(self) -> _DataFile:
        """The authors file, begun where it was not: a snapshot that gathered author records
        holds the file even where there were none to gather."""
        if self._authors is None:
            try:
                self._authors = _DataFile(self.tmp / AUTHORS_FILE)
            except OSError as e:
                raise _cannot_write(self.out, e) from None
        return self._authors

    def _write(self, data: _DataFile, line: bytes) -> None:
        try:
            data.write(line)
        except OSError as e:  # disk full, a read-only or vanished file system: one line, exit 2
            raise _cannot_write(self.out, e) from None

    def commit(self, manifest: dict[str, Any]) -> Manifest:
        """Finish the data file, write the manifest and swap the snapshot in; a failure to write
        (a full disk, a read-only file system) is an InputError, and `out` stays as it was."""
        try:
            return self._commit(manifest)
        except OSError as e:
            raise _cannot_write(self.out, e) from None

    def _commit(self, manifest: dict[str, Any]) -> Manifest:
        manifest = dict(manifest)
        if manifest.get("authors") is not None:
            self.open_authors()
        elif self._authors is not None:
            raise ValueError("author records were written, but the manifest gives no 'authors' section")
        manifest.setdefault("claimwatch_snapshot", SNAPSHOT_FORMAT)
        manifest["records"] = self.records
        manifest["files"] = {WORKS_FILE: self._works.finish()}
        if self._table is not None:
            made_from = manifest["files"][WORKS_FILE]["sha256"]
            manifest["files"][WORKS_TABLE] = self._table.close().as_manifest(made_from)
            self._table = None
        if self._authors is not None:
            manifest["files"][AUTHORS_FILE] = self._authors.finish()
            manifest["authors"] = {**manifest["authors"], "records": self._authors.records}
        model = Manifest.model_validate(manifest)
        text = json.dumps(
            json.loads(model.model_dump_json(by_alias=True)), indent=2, ensure_ascii=False, sort_keys=True
        )
        with open(self.tmp / MANIFEST, "w", encoding="utf-8") as f:
            f.write(text + "\n")
            f.flush()
            os.fsync(f.fileno())
        _check_destination(self.out)  # still one to replace, after what may have been hours
        _swap_in(self.tmp, self.out)
        self._release()
        return model

    def _release(self) -> None:
        if self._lock is not None:
            release_lock(self._lock)
            self._lock = None

    def abort(self) -> None:
        if self._table is not None:
            self._table.abort()
            self._table = None
        for data in (self._works, self._authors):
            if data is not None:
                data.discard()
        shutil.rmtree(self.tmp, ignore_errors=True)
        self._release()

    def __enter__(self) -> SnapshotWriter:
        return self

    def __exit__(self, exc_type: Any, *_: Any) -> None:
        if exc_type is not None or self.tmp.exists():
            self.abort()


def _one_line(record: dict[str, Any]) -> bytes:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class _GzipBlocks:
    """A gzip file written as a series of members, compressed on other threads (one a core)
    while the caller reads and checks the next records (zlib lets go of the GIL). Members are cut at
    record boundaries once a block is full, so the same records give the same bytes; any gzip
    reader reads the members as one stream."""

    BLOCK = 4 << 20

    def __init__(self, raw: Any):
        self.raw = raw
        self._block: list[bytes] = []
        self._size = 0
        # One thread a usable core, at most four: blocks in flight are bounded by 2 x threads x 4 MiB.
        self._threads = max(
            1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
        )
        self._pool = ThreadPoolExecutor(max_workers=self._threads, thread_name_prefix="claimwatch-gzip")
        self._pending: deque[Future[bytes]] = deque()
        self._members = 0

    def write(self, data: bytes) -> None:
        self._block.append(data)
        self._size += len(data)
        if self._size >= self.BLOCK:
            self._submit()

    def _submit(self) -> None:
        block, self._block, self._size = b"".join(self._block), [], 0
        self._pending.append(self._pool.submit(gzip.compress, block, GZIP_LEVEL, mtime=0))
        self._members += 1
        while len(self._pending) > 2 * self._threads:  # bound the memory held by blocks in flight
            self.raw.write(self._pending.popleft().result())

    def close(self) -> None:
        if self._block or not self._members:  # an empty snapshot is still a valid gzip file
            self._submit()
        try:
            while self._pending:
                self.raw.write(self._pending.popleft().result())
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def discard(self) -> None:
        """Stop without writing what is left (the snapshot is being abandoned)."""
        self._pending.clear()
        self._pool.shutdown(wait=True, cancel_futures=True)


class _HashingWriter(io.RawIOBase):
    def __init__(self, raw: BinaryIO, digest: Any):
        self.raw, self.digest = raw, digest

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.digest.update(data)
        return self.raw.write(data)


def _cannot_write(out: Path, e: OSError) -> InputError:
    return InputError(Problem(str(out), 0, 0, f"cannot write the snapshot: {why_not_written(out, e)}"))


def _snapshot_path(out: str | Path, *, in_place: bool = False) -> Path:
    """`out` as a folder with a name: `.` or `..` (or a path ending so) is refused, as a snapshot
    is swapped in beside its folder, under that folder's own name. A name a folder scan passes
    over (`_PASSED_OVER`), or a folder so named, is refused but `in_place`: an update rewrites the
    snapshot it was given, which a scan passed over before as after, and was refused only once its
    requests were spent."""
    path = Path(out)
    if path.name in ("", ".", "..") or Path(os.path.normpath(path)).name in ("", ".", ".."):
        message = "give the snapshot folder by its name (e.g. --out evidence/snapshots/NAME), not '.' or '..'"
        raise InputError(Problem(str(out), 0, 0, message))
    if not in_place:
        for passed_over, named, folder_named, outside_a_case in _PASSED_OVER:
            if passed_over(path):
                message = (
                    f"{named}, which a check given the folder it is in passes over: give the snapshot a name of its own"
                )
                raise InputError(Problem(str(out), 0, 0, message))
            if (folder := _inside_a_folder_passed_over(path, passed_over, outside_a_case)) is not None:
                message = (
                    f"inside {printable(folder.name)}, {folder_named}, which a check given the folder it is in "
                    "passes over with all it holds: give the snapshot a folder of its own"
                )
                raise InputError(Problem(str(out), 0, 0, message))
    return path


# The names a search of an evidence folder passes over, with all a folder so named holds: a snapshot written under
# one, or inside a folder so named, would be left out of every check given the folder it is in, in silence. Each
# with its words in the line, for the snapshot and for a folder, and whether a folder so named outside any case is
# refused: a backup's (the earlier copy of another, `mv -b`) is; a hidden one (`.git`, a writer's temporaries) is
# not, outside a case being where users keep files (`~/.local/share/...`, `/tmp/.x`), which no folder a check is
# given holds unless given its parent.
_PASSED_OVER = (
    (named_as_a_backup, "named as a backup (NAME~)", "a folder named as a backup (NAME~)", True),
    (a_hidden_name, "a hidden name (.NAME)", "a folder with a hidden name (.NAME)", False),
)


def _inside_a_folder_passed_over(path: Path, passed_over: Callable[[Path], bool], outside_a_case: bool) -> Path | None:
    """The folder `path` lands in that a folder scan passes over whole (`snapshots~`,
    `evidence/.old`), if any. In a case, only a folder inside the case, the working directory's
    too (`cd evidence/.old`, `--out msra`): one above its root (a case kept in `/mnt/backup~/` or
    `~/.cases/`) is inside no folder of the case a check is given, which reads the snapshot as any
    other. Outside a case, where `outside_a_case`, any folder so named of the path as written."""
    absolute = Path(os.path.abspath(path))
    written = [p for p in reversed(path.parents) if p.name not in ("", ".", "..") and passed_over(p)]
    landed = [p for p in reversed(absolute.parents) if passed_over(p)]
    if not written and not landed:
        return None
    config = case_config(next(p for p in absolute.parents if p.is_dir()))
    if config is None:
        return written[0] if written and outside_a_case else None
    return next((p for p in landed if config.parent in Path(os.path.realpath(p)).parents), None)


def check_destination(out: str | Path, inputs: Iterable[str | Path] = (), *, in_place: bool = False) -> Path:
    """`out` checked as the folder a snapshot is written to, before anything is read: named (not
    `.`, and in UTF-8 text, as `out` and `inputs` go into its manifest), none of `inputs` nor
    holding one nor inside an input folder, and, where it exists, an empty folder or a snapshot
    claimwatch may replace (`_check_destination`). Its path."""
    path = utf8_named(_snapshot_path(out, in_place=in_place))
    refuse_folder_over_inputs(path, [utf8_named(Path(i)) for i in inputs])
    if (said := a_file_above_said(path)) is not None:  # the write said so after the whole input was read
        raise InputError(Problem(str(path), 0, 0, f"cannot write the snapshot: {said}"))
    try:
        _check_destination(path)
    except OSError as e:
        raise _cannot_write(path, e) from None
    return path


# What a snapshot folder holds: replacing one deletes these and nothing else.
SNAPSHOT_FILES = frozenset({MANIFEST, WORKS_FILE, WORKS_TABLE, AUTHORS_FILE})


def _check_destination(out: Path) -> None:
    """Only an empty folder, or a claimwatch snapshot holding nothing but a snapshot's own files,
    may be replaced: the swap deletes the whole folder, and a folder of the user's that happens
    to hold a manifest.json (OpenAlex's data/jsonl/ does) must never go with it."""
    if not out.exists() and not out.is_symlink():
        return
    why = _not_a_snapshot_to_replace(out)
    if why:
        raise InputError(Problem(str(out), 0, 0, f"exists and is not a snapshot ({why}); refusing to replace it"))
    # The folder or its manifest: either says the snapshot is kept as it is, and by whom.
    protected = next((p for p in (out, out / MANIFEST) if (p == out or p.is_file()) and write_protected(p)), None)
    if protected is not None:
        raise InputError(Problem(str(out), 0, 0, why_protected(protected, "the snapshot")))
    if only_its_owner_may_replace(out):
        # Opened to all, it passes the check above and its lock, then the swap's rename fails
        # ("Operation not permitted") after the whole import, however long it took.
        raise InputError(Problem(str(out), 0, 0, why_only_its_owner_may_replace("the snapshot")))


def _not_a_snapshot_to_replace(out: Path) -> str | None:
    """Why the existing `out` is no snapshot a write may replace, or None."""
    if out.is_symlink():
        return "a symbolic link: give the snapshot folder itself"
    if not out.is_dir():
        return "not a folder"
    entries = sorted(os.scandir(out), key=lambda e: e.name)
    if not entries:
        return None
    foreign = [e.name for e in entries if e.name not in SNAPSHOT_FILES]
    if foreign:
        more = f" and {len(foreign) - 1:,} more" if len(foreign) > 1 else ""
        return f"it holds {printable(foreign[0])!r}{more}, which no snapshot holds"
    folders = [e.name for e in entries if e.is_dir(follow_symlinks=False)]
    if folders:
        return f"its {folders[0]} is a folder"
    if not any(e.name == MANIFEST for e in entries):
        return f"no {MANIFEST}"
    return _not_a_snapshot_manifest(out / MANIFEST)


def _not_a_snapshot_manifest(path: Path) -> str | None:
    """Why the manifest at `path` is not one claimwatch wrote, or None. It is where it says so
    (`claimwatch_snapshot`, which every claimwatch has written) or, without that key, where it
    reads as a snapshot's manifest listing its works file, as `Snapshot.open` accepts it."""
    if path.is_symlink() or not path.is_file():
        return f"its {MANIFEST} is not a file"
    with open(path, "rb") as f:
        raw = f.read(MAX_MANIFEST_BYTES + 1)
    try:
        document = json.loads(raw)
    except (ValueError, RecursionError):  # RecursionError: nested deeper than Python recurses
        return f"its {MANIFEST} is not JSON"
    if not isinstance(document, dict):
        return f"its {MANIFEST} is not a claimwatch manifest"
    if "claimwatch_snapshot" in document:
        marked = document["claimwatch_snapshot"]
        is_format = isinstance(marked, int) and not isinstance(marked, bool)
        return None if is_format else f"its {MANIFEST} gives no format number in 'claimwatch_snapshot'"
    try:
        manifest = Manifest.model_validate(document)
    except ValueError:
        return f"its {MANIFEST} is not a claimwatch manifest"
    return None if WORKS_FILE in manifest.files else f"its {MANIFEST} lists no {WORKS_FILE}"


def _read_manifest(raw: bytes, path: Path) -> Manifest:
    """The manifest's bytes read, or one line saying where they go wrong: JSON by line and column,
    a field by its place in the manifest (never the bytes themselves)."""
    try:
        document = orjson.loads(raw)
    except orjson.JSONDecodeError as e:
        # A manifest copied or synced part way, in its JSON or inside a character of a name in it
        # (the file imported, an institution): said so, as a file of records cut short is.
        short = where_cut_short(raw, e)
        if short is not None and raw.lstrip().startswith(b"{"):
            message = "the file ends before the JSON in it does: the manifest is cut short (a copy stopped part way?)"
            raise InputError(Problem(str(path), short.lineno, short.colno, message)) from None
        raise InputError(Problem(str(path), e.lineno, e.colno, f"not JSON: {e.msg}")) from None
    try:
        return Manifest.model_validate(document)
    except ValidationError as e:
        error = e.errors()[0]
        where = ".".join(map(str, error["loc"]))
        said = f"{where}: {error['msg']}" if where else error["msg"]
        raise InputError(Problem(str(path), 0, 0, f"not a claimwatch manifest: {printable(said)[:200]}")) from None


def _lock(out: Path) -> int:
    """An exclusive lock on `.NAME.lock` beside the snapshot: one writer per snapshot at a time."""
    where = out.with_name(f".{_named_beside(out)}.lock")
    try:
        return lock_exclusively(open_lock_file(where), busy=functools.partial(_written_by_another_run, out))
    except OSError as e:
        raise InputError(Problem(str(out), 0, 0, lock_not_taken("cannot write the snapshot", where, e))) from None


def _written_by_another_run(out: Path) -> None:
    raise InputError(Problem(str(out), 0, 0, "another claimwatch run is writing this snapshot")) from None


# A writer's temporary names: `.NAME.tmp-XXXXXXXX` (mkdtemp's letters, digits and underscores)
# and `.NAME.old-PID`. Their suffix never holds a dot, so each belongs to exactly one snapshot
# name: `.msra.old-2024.tmp-ab12` is snapshot "msra.old-2024"'s, never a stale one of "msra".
_TEMPORARY = re.compile(r"\.(?P<name>.+)\.(?P<kind>tmp|old)-[A-Za-z0-9_]+")
# The bytes the names beside a snapshot add to NAME: its temporary's ".", ".tmp-" and mkdtemp's 8
# characters, the longest (`.old-PID`: Linux's pids have 7 digits at most; `.lock`).
_ROOM_BESIDE = len(".") + len(".tmp-") + 8
_HASH_HEX = 8


def _named_beside(out: Path) -> str:
    """NAME as the lock and the temporaries beside the snapshot give it: as it is, or, where that
    would make them longer than a file name may be (a snapshot named near 255 bytes, 80 Chinese
    characters), cut at a character with a hash of the whole name after it. The hash keeps it
    one snapshot's alone: two long names alike in their first 230 bytes lock and clean up apart."""
    name = out.name
    if len(name.encode()) + _ROOM_BESIDE <= NAME_MAX:
        return name
    digest = hashlib.sha256(name.encode()).hexdigest()[:_HASH_HEX]
    kept = hidden_prefix(name, _ROOM_BESIDE + len("~") + _HASH_HEX)[1:]
    return f"{kept}~{digest}"


def _temporary_prefix(out: Path, kind: str) -> str:
    return f".{_named_beside(out)}.{kind}-"


def _own_temporaries(out: Path, kind: str) -> list[Path]:
    """The temporaries of kind `tmp` or `old` beside `out` that are its own, by exact name."""
    found, named = [], _named_beside(out)
    with os.scandir(out.parent) as entries:
        for entry in entries:
            m = _TEMPORARY.fullmatch(entry.name)
            if m and m["name"] == named and m["kind"] == kind and entry.is_dir(follow_symlinks=False):
                found.append(Path(entry.path))
    return sorted(found)


def _remove_stale_temporaries(out: Path) -> None:
    """Temporary folders a killed run left beside `out` (never inside it); called under the lock.

    Only `out`'s own temporaries are touched, matched by their whole name: another snapshot's
    (one whose name starts like this one's, being written at the same time) are left alone.
    Where a run was killed between the two renames of the fallback swap, the earlier snapshot
    waits as `.NAME.old-PID` and `out` is missing: it is put back, not removed."""
    for stale in _own_temporaries(out, "old"):
        if not out.exists() and (stale / MANIFEST).is_file():
            os.rename(stale, out)
        else:
            shutil.rmtree(stale, ignore_errors=True)
    for stale in _own_temporaries(out, "tmp"):
        shutil.rmtree(stale, ignore_errors=True)


_RENAME_EXCHANGE = 2


def _swap_in(tmp: Path, out: Path) -> None:
    """Put `tmp` at `out` in one step; the old snapshot, if any, goes with the temporary name."""
    if not out.exists():
        os.rename(tmp, out)
        return
    if _renameat2(tmp, out):
        shutil.rmtree(tmp, ignore_errors=True)  # tmp now holds the old snapshot
        return
    # No atomic exchange on this system: two renames, the old one kept until the new is in place.
    old = out.with_name(f"{_temporary_prefix(out, 'old')}{os.getpid()}")
    os.rename(out, old)
    os.rename(tmp, out)
    shutil.rmtree(old, ignore_errors=True)


def _renameat2(a: Path, b: Path) -> bool:
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    fn = getattr(libc, "renameat2", None)
    if fn is None:
        return False
    at_fdcwd = -100
    rc: int = fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    return rc == 0
