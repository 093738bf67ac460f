"""The evidence store: snapshots of OpenAlex records, imports of records a user already has,
and the one way the evaluator reads any evidence (snapshot, curated file or JSONL) as a stream.

A snapshot is a folder holding `manifest.json` and `works.jsonl.gz`, the records as the source
returned them. It is written in a temporary folder beside its destination and swapped in with
one rename, so a failed or killed write leaves an earlier snapshot exactly as it was.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import datetime as dt
import fcntl
import glob
import gzip
import hashlib
import io
import json
import multiprocessing
import os
import shutil
import tempfile
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Protocol

import orjson
from pydantic import BaseModel, ConfigDict, Field

from . import ids
from .errors import InputError, Problem
from .files import default_mode
from .works import Origin, Work, work_from_openalex

MANIFEST = "manifest.json"
WORKS_FILE = "works.jsonl.gz"
SNAPSHOT_FORMAT = 1
GZIP_LEVEL = 3  # a fast level: imports are bound by compression at higher ones


class Coverage(BaseModel):
    """What evidence holds completely: every work of these institutions (through OpenAlex
    lineage) published in this period, as the source attributes them. Curated evidence is
    never complete."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    complete: bool = False
    institutions: tuple[str, ...] = ()
    from_: dt.date | None = Field(None, alias="from")
    to: dt.date | None = None
    declared_by: str = "nobody"
    note: str | None = None

    def holds(
        self, institutions: Iterable[str], start: dt.date | None, end: dt.date, retrieved: dt.date | None = None
    ) -> bool:
        """True when every one of `institutions` is covered for the whole of start..end.

        An open `to` runs to the day the evidence was retrieved, where that is known.
        """
        wanted = set(institutions)
        if not (self.complete and wanted and wanted <= set(self.institutions)):
            return False
        if self.from_ and (start is None or start < self.from_):
            return False
        last = self.to or retrieved
        return not (last and end > last)

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.model_dump_json(by_alias=True))
        return data


class Evidence(Protocol):
    """Anything the evaluator can read works from."""

    @property
    def path(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def sha256(self) -> str: ...

    @property
    def coverage(self) -> Coverage: ...

    @property
    def retrieved(self) -> dt.date | None:
        """When the records were current, where the evidence knows it."""

    def works(self) -> Iterator[Work]: ...

    def describe(self) -> dict[str, Any]: ...


# --- reading ---------------------------------------------------------------------------------


class _HashingReader(io.RawIOBase):
    """Passes bytes through while hashing them, so a snapshot is checked as it is read."""

    def __init__(self, raw: BinaryIO):
        self.raw = raw
        self.digest = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.raw.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.digest.update(data)
        return n


def read_lines(path: Path, hasher: Callable[[str], None] | None = None) -> Iterator[tuple[int, bytes]]:
    """Numbered lines of a .jsonl or .jsonl.gz file; a truncated or corrupt gzip is an InputError."""
    with open(path, "rb") as raw_file:
        reader = _HashingReader(raw_file)
        buffered = io.BufferedReader(reader, buffer_size=1 << 20)
        is_gzip = path.name.endswith(".gz") or raw_file.read(2) == b"\x1f\x8b"
        raw_file.seek(0)
        stream: BinaryIO = gzip.GzipFile(fileobj=buffered, mode="rb") if is_gzip else buffered  # type: ignore[assignment]
        n = 0
        try:
            for n, line in enumerate(stream, 1):
                yield n, line
        except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as e:
            what = (
                "truncated gzip (the file ends before its end marker)"
                if isinstance(e, EOFError)
                else f"corrupt gzip: {e}"
            )
            raise InputError(Problem(str(path), n + 1, 0, what)) from None
        if hasher:
            buffered.read()  # drain what gzip did not need, so the digest covers the whole file
            hasher(reader.digest.hexdigest())


def parse_record(line: bytes, path: str, n: int) -> dict[str, Any] | None:
    """One JSONL line as an OpenAlex work record; None for a blank line."""
    if not line.strip():
        return None
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError as e:
        raise InputError(Problem(path, n, e.colno, f"not a JSON object: {e.msg}")) from None
    if not isinstance(record, dict):
        raise InputError(Problem(path, n, 1, f"expected a JSON object, found {type(record).__name__}"))
    wid = ids.openalex_id(record.get("id"))
    if not wid or wid[0] != "W":
        raise InputError(Problem(path, n, 1, f"not an OpenAlex work record: 'id' is {record.get('id')!r}"))
    return record


class Manifest(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)

    format: int = Field(SNAPSHOT_FORMAT, alias="claimwatch_snapshot")
    source: str
    created: str
    tool: dict[str, str]
    queries: list[dict[str, Any]] = []
    command: list[str] = []
    records: int
    duplicates_collapsed: int = 0
    skipped_lines: list[dict[str, Any]] = []
    files: dict[str, dict[str, Any]]
    coverage: Coverage


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
    def retrieved(self) -> dt.date | None:
        """The day the records were retrieved (or imported), from the manifest."""
        try:
            return dt.date.fromisoformat(self.manifest.created[:10])
        except ValueError:
            return None

    @classmethod
    def open(cls, folder: str | Path) -> Snapshot:
        folder = Path(folder)
        mpath = folder / MANIFEST
        try:
            raw = mpath.read_bytes()
        except FileNotFoundError:
            raise InputError(Problem(str(folder), 0, 0, f"not a snapshot: no {MANIFEST}")) from None
        try:
            manifest = Manifest.model_validate_json(raw)
        except ValueError as e:
            first = str(e).splitlines()[1:2] or [str(e)]
            raise InputError(Problem(str(mpath), 0, 0, f"not a claimwatch manifest: {first[0].strip()}")) from None
        if WORKS_FILE not in manifest.files:
            raise InputError(Problem(str(mpath), 0, 0, f"manifest lists no {WORKS_FILE}"))
        return cls(str(folder), manifest, hashlib.sha256(raw).hexdigest())

    def works(self) -> Iterator[Work]:
        data = Path(self.path) / WORKS_FILE
        expected = self.manifest.files[WORKS_FILE].get("sha256")

        def check(digest: str) -> None:
            if expected and digest != expected:
                raise InputError(
                    Problem(
                        str(data),
                        0,
                        0,
                        "does not match the sha256 in its manifest: the snapshot was changed or damaged",
                    )
                )

        name = str(data)
        for n, line in read_lines(data, check):
            record = parse_record(line, name, n)
            if record is not None:
                yield work_from_openalex(record, Origin("snapshot", name, n))

    def describe(self) -> dict[str, Any]:
        m = self.manifest
        return {
            "path": self.path,
            "kind": self.kind,
            "sha256": self.sha256,
            "source": m.source,
            "created": m.created,
            "records": m.records,
            "coverage": m.coverage.as_json(),
        }


@dataclass
class JsonlEvidence:
    """OpenAlex work records in a JSONL file read directly: coverage is never complete."""

    path: str
    sha256: str
    kind: str = "jsonl"
    coverage: Coverage = field(
        default_factory=lambda: Coverage(declared_by="nobody", note="JSONL read directly; no coverage declared")
    )
    retrieved: dt.date | None = None  # a bare file does not say when its records were current

    @classmethod
    def open(cls, path: str | Path) -> JsonlEvidence:
        return cls(str(path), _file_sha256(Path(path)))

    def works(self) -> Iterator[Work]:
        for n, line in read_lines(Path(self.path)):
            record = parse_record(line, self.path, n)
            if record is not None:
                yield work_from_openalex(record, Origin("snapshot", self.path, n))

    def describe(self) -> dict[str, Any]:
        return {"path": self.path, "kind": self.kind, "sha256": self.sha256, "coverage": self.coverage.as_json()}


def _file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    except FileNotFoundError:
        raise InputError(Problem(str(path), 0, 0, "no such file")) from None
    return h.hexdigest()


def open_evidence(path: str | Path) -> Evidence:
    """A snapshot folder, a curated YAML file, or an OpenAlex JSONL(.gz) file."""
    from .curated import CuratedEvidence

    p = Path(path)
    if p.is_dir():
        return Snapshot.open(p)
    if not p.exists():
        raise InputError(Problem(str(p), 0, 0, "no such file or folder"))
    if p.suffix in (".yaml", ".yml"):
        return CuratedEvidence.open(p)
    if p.name.endswith((".jsonl", ".jsonl.gz", ".json.gz", ".ndjson")):
        return JsonlEvidence.open(p)
    raise InputError(
        Problem(str(p), 0, 0, "not evidence: expected a snapshot folder, a curated .yaml file or a .jsonl[.gz] file")
    )


# --- writing ---------------------------------------------------------------------------------


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


class SnapshotWriter:
    """Writes a snapshot into a temporary folder beside `out`; `commit()` swaps it in.

    Use as a context manager: leaving the block by an exception removes the temporary folder
    and leaves `out` as it was.
    """

    def __init__(self, out: str | Path):
        self.out = Path(out)
        if self.out.exists() and not (
            self.out.is_dir() and ((self.out / MANIFEST).exists() or not any(self.out.iterdir()))
        ):
            raise InputError(Problem(str(self.out), 0, 0, "exists and is not a snapshot; refusing to replace it"))
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self._lock: int | None = _lock(self.out)
        try:
            _remove_stale_temporaries(self.out)
            self.tmp = Path(tempfile.mkdtemp(prefix=f".{self.out.name}.tmp-", dir=self.out.parent))
        except OSError as e:
            self._release()
            raise InputError(Problem(str(self.out), 0, 0, f"cannot write: {e.strerror or e}")) from None
        os.chmod(self.tmp, default_mode(directory=True))
        # Held open across write_line calls; close() or abort() releases it.
        self._raw = open(self.tmp / WORKS_FILE, "wb")  # noqa: SIM115
        self._hash = hashlib.sha256()
        self._gzip = _GzipBlocks(_HashingWriter(self._raw, self._hash))
        self.records = 0

    def write_line(self, line: bytes) -> None:
        """One record exactly as the source gave it (a JSON object, without its newline)."""
        self._gzip.write(line.rstrip(b"\r\n") + b"\n")
        self.records += 1

    def write_record(self, record: dict[str, Any]) -> None:
        self.write_line(json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))

    def commit(self, manifest: dict[str, Any]) -> Manifest:
        self._gzip.close()
        self._raw.flush()
        os.fsync(self._raw.fileno())
        self._raw.close()
        manifest = dict(manifest)
        manifest.setdefault("claimwatch_snapshot", SNAPSHOT_FORMAT)
        manifest["records"] = self.records
        manifest["files"] = {
            WORKS_FILE: {
                "sha256": self._hash.hexdigest(),
                "records": self.records,
                "bytes": (self.tmp / WORKS_FILE).stat().st_size,
            }
        }
        model = Manifest.model_validate(manifest)
        text = json.dumps(
            json.loads(model.model_dump_json(by_alias=True)), indent=2, ensure_ascii=False, sort_keys=True
        )
        with open(self.tmp / MANIFEST, "w", encoding="utf-8") as f:
            f.write(text + "\n")
            f.flush()
            os.fsync(f.fileno())
        _swap_in(self.tmp, self.out)
        self._release()
        return model

    def _release(self) -> None:
        if self._lock is not None:
            os.close(self._lock)  # closing the descriptor releases the flock
            self._lock = None

    def abort(self) -> None:
        self._gzip.discard()
        with contextlib.suppress(Exception):
            self._raw.close()
        shutil.rmtree(self.tmp, ignore_errors=True)
        self._release()

    def __enter__(self) -> SnapshotWriter:
        return self

    def __exit__(self, exc_type: Any, *_: Any) -> None:
        if exc_type is not None or self.tmp.exists():
            self.abort()


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


def _lock(out: Path) -> int:
    """An exclusive lock on `.NAME.lock` beside the snapshot: one writer per snapshot at a time."""
    fd = os.open(out.with_name(f".{out.name}.lock"), os.O_CREAT | os.O_RDWR, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise InputError(Problem(str(out), 0, 0, "another claimwatch run is writing this snapshot")) from None
    return fd


def _remove_stale_temporaries(out: Path) -> None:
    """Temporary folders a killed run left beside `out` (never inside it); called under the lock.

    Where a run was killed between the two renames of the fallback swap, the earlier snapshot
    waits as `.NAME.old-PID` and `out` is missing: it is put back, not removed."""
    name = glob.escape(out.name)  # a snapshot named "snap[1]" must not match "snap1"'s folders
    for stale in sorted(out.parent.glob(f".{name}.old-*")):
        if stale.is_dir() and not out.exists() and (stale / MANIFEST).exists():
            os.rename(stale, out)
        elif stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)
    for stale in out.parent.glob(f".{name}.tmp-*"):
        if stale.is_dir():
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
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
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


# --- importing -------------------------------------------------------------------------------


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


# --- summary ---------------------------------------------------------------------------------


def summarise(evidence: Evidence) -> dict[str, Any]:
    """Counts, date range and the share of authorships with no institution id."""
    works = authorships = without_id = retracted = 0
    earliest = latest = None
    for w in evidence.works():
        works += 1
        retracted += w.is_retracted
        for a in w.authorships:
            authorships += 1
            without_id += not any(i.id for i in a.institutions)
        if w.published:
            earliest = min(earliest or w.published, w.published)
            latest = max(latest or w.published, w.published)
    info = evidence.describe()
    info.update(
        {
            "works": works,
            "retracted": retracted,
            "authorships": authorships,
            "authorships_without_institution_id": without_id,
            "share_without_institution_id": round(without_id / authorships, 4) if authorships else None,
            "earliest": str(earliest) if earliest else None,
            "latest": str(latest) if latest else None,
        }
    )
    return info


def open_evidence_paths(paths: Iterable[str | Path]) -> list[Evidence]:
    """Evidence from each path; a folder that is not a snapshot gives every snapshot, curated
    file and JSONL file directly inside it, in name order."""
    out: list[Evidence] = []
    for p in map(Path, paths):
        if p.is_dir() and not (p / MANIFEST).exists():
            inside = sorted(
                c
                for c in p.iterdir()
                if not c.name.startswith(".")
                and (
                    (c.is_dir() and (c / MANIFEST).exists())
                    or c.suffix in (".yaml", ".yml")
                    or c.name.endswith((".jsonl", ".jsonl.gz"))
                )
            )
            if not inside:
                raise InputError(Problem(str(p), 0, 0, "holds no evidence (snapshots, curated .yaml or .jsonl files)"))
            out.extend(open_evidence(c) for c in inside)
        else:
            out.append(open_evidence(p))
    return out
