"""Works tables for evidence that has none of its own (plain JSON Lines files, snapshots made
before tables existed): made on first use into a cache folder, never inside an input's folder,
keyed by the sha256 of the data they were made from (and the format and reading that made
them), and checked against their own sha256 each time they are read."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
import tempfile
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import orjson

from .._text import printable
from ..errors import InputError, Problem
from ..files import lock_exclusively, lock_not_taken, open_lock_file, release_lock, write_atomic
from ._table import TABLE_FORMAT, UNICODE, TableInfo, WorksTableWriter, file_sha256

CACHE_ENV = "CLAIMWATCH_CACHE"


def cache_folder(explicit: str | Path | None = None) -> Path:
    """Where tables made on first use are kept: `explicit` (`--cache`), else $CLAIMWATCH_CACHE,
    else claimwatch's folder under $XDG_CACHE_HOME (~/.cache by default). A leading `~` is the
    home folder, as a shell would read it: given in quotes (`--cache=~/cache`, a service's
    environment), it made a folder named `~` in the working directory."""
    if explicit:
        return _from_home(Path(explicit))
    if os.environ.get(CACHE_ENV):
        return _from_home(Path(os.environ[CACHE_ENV]))
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home to find (a service account): the system's temporary folder
            base = tempfile.gettempdir()
    return Path(base) / "claimwatch"


def _from_home(path: Path) -> Path:
    try:
        return path.expanduser()
    except RuntimeError:  # no home to find (or no such user): the path as given
        return path


@dataclass(frozen=True)
class Table:
    """A works table and the sha256 its bytes must have; `cached`: a copy made into the cache,
    not a snapshot's own."""

    path: Path
    sha256: str
    cached: bool = False


# How a cached table's rows are read from its data, beside the table's format: bumped when that
# reading changes, so that a copy an older reading made is made again, never read. 2: a bare
# file's author records are left out (the first reading made rows of an API page's).
CACHE_READING = 2


def _names(cache: Path, data_sha256: str) -> tuple[Path, Path]:
    stem = f"works-{data_sha256}-t{TABLE_FORMAT}-r{CACHE_READING}-u{UNICODE}"
    return cache / f"{stem}.parquet", cache / f"{stem}.json"


def cached_table(cache: Path, data_sha256: str) -> Table | None:
    """The table made earlier from data with this sha256, where there is one."""
    table, sidecar = _names(cache, data_sha256)
    try:
        info = orjson.loads(sidecar.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    if not (isinstance(info, dict) and isinstance(info.get("sha256"), str) and table.is_file()):
        return None
    return Table(table, info["sha256"], cached=True)


def make_cached_table(cache: Path, data_sha256: str, records: Iterable[tuple[int, bytes]], label: str) -> Table:
    """A table from `records` ((line, JSON text), in the data's order),
    put in the cache under `data_sha256`; says so in one line on stderr.

    One run at a time makes a table: another waits for it, and reads the table it made. The
    one making it first removes what a killed run left of its making (`_remove_stale_making`)."""
    table, sidecar = _names(cache, data_sha256)
    try:
        cache.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InputError(Problem(str(cache), 0, 0, f"cannot make the cache folder: {e.strerror or e}")) from None
    lock = _lock(table)
    try:
        made = cached_table(cache, data_sha256)  # by the run this one waited for
        if made is not None:
            return made
        _remove_stale_making(table)
        sys.stderr.write(
            f"claimwatch: making a columnar copy of {printable(label)} in {printable(str(cache))} "
            "(once: later checks read it)\n"
        )
        with WorksTableWriter(table) as writer:
            for line, text in records:
                writer.add(line, text)
            info: TableInfo = writer.close()
        write_atomic(
            sidecar,
            orjson.dumps({"sha256": info.sha256, "rows": info.rows, "table_format": TABLE_FORMAT, "unicode": UNICODE}),
        )
    finally:
        release_lock(lock)
    return Table(table, info.sha256, cached=True)


def _lock(table: Path) -> int:
    """An exclusive lock on `.NAME.lock` beside the table (NAME its name without `.parquet`),
    waited for where another run holds it."""
    where = table.with_name(f".{table.stem}.lock")
    try:
        return lock_exclusively(open_lock_file(where), busy=_say_waiting)
    except OSError as e:
        raise InputError(Problem(str(table), 0, 0, lock_not_taken("cannot make the columnar copy", where, e))) from None


def _say_waiting() -> None:
    sys.stderr.write("claimwatch: another claimwatch run is making the same columnar copy: waiting for it\n")


def _remove_stale_making(table: Path) -> None:
    """The temporary folders (`WorksTableWriter`'s, `.NAME.tmp-XXXXXXXX`) a killed run left while
    making `table`; called under its lock, so that none is a live run's. Other tables' are left
    to the runs that make them."""
    own = re.compile(re.escape(f".{table.name}.tmp-") + r"[A-Za-z0-9_]+")
    with os.scandir(table.parent) as entries:
        stale = [e.path for e in entries if own.fullmatch(e.name) and e.is_dir(follow_symlinks=False)]
    for path in stale:
        shutil.rmtree(path, ignore_errors=True)


def check_table(table: Table, label: str) -> None:
    """Refuse a table whose bytes are not the ones recorded for it, before DuckDB reads it (one
    pass at disk speed: hashing it beside the query, on another thread, slowed the query more
    than it saved; `TableChecks` runs it before the query instead)."""
    if file_sha256(table.path) == table.sha256:
        return
    message = f"does not match the sha256 recorded for it ({label}): the table was changed or damaged"
    if table.cached:
        # Not the evidence: claimwatch's copy of it, which every later check would refuse alike.
        _set_aside(table)
        message = (
            f"does not match the sha256 recorded for it ({label}): the copy in the cache was changed or "
            "damaged, not the evidence; it is set aside: check again, and the evidence is read anew"
        )
    raise InputError(Problem(str(table.path), 0, 0, message))


def _set_aside(table: Table) -> None:
    """A damaged cached table forgotten: its record (the `.json` beside it) removed, so that the
    next check reads the evidence or makes the copy again (over the damaged one)."""
    with contextlib.suppress(OSError):
        table.path.with_suffix(".json").unlink()


class TableChecks:
    """`check_table` for each (table, label), on a thread of its own started at once, so that
    the hashing (which lets go of the GIL) runs on a free core while this one does other work,
    as compiling the claims (spaCy's start-up); `wait` joins the tables' checks and raises, in
    the caller's thread, the first refusal. Then, once the query is done (`query_done`, so as
    not to slow it), each of `files` (path, sha256, what to say where it differs) is checked the
    same way while the query's candidates are judged (Python, on one core); `wait_all` joins
    that too."""

    def __init__(self, tables: Sequence[tuple[Table, str]], files: Sequence[tuple[Path, str, str]] = ()):
        self._error: BaseException | None = None
        self._tables_done = threading.Event()
        self._query_done = threading.Event()
        self._cancelled = False
        self._thread = threading.Thread(
            target=self._check, args=(list(tables), list(files)), name="claimwatch-table-check", daemon=True
        )
        self._thread.start()

    def _check(self, tables: list[tuple[Table, str]], files: list[tuple[Path, str, str]]) -> None:
        try:
            for table, label in tables:
                check_table(table, label)
            self._tables_done.set()
            if files:
                self._query_done.wait()
            for path, sha256, message in files:
                if self._cancelled:
                    return
                if file_sha256(path) != sha256:
                    raise InputError(Problem(str(path), 0, 0, message))
        except BaseException as e:  # raised in the caller's thread by wait() or wait_all()
            self._error = e
        finally:
            self._tables_done.set()

    def wait(self) -> None:
        self._tables_done.wait()
        if self._error is not None:
            raise self._error

    def query_done(self) -> None:
        self._query_done.set()

    def cancel(self) -> None:
        """The run ended before its results (an error, Ctrl-C): the thread stops waiting."""
        self._cancelled = True
        self._query_done.set()

    def wait_all(self) -> None:
        self._query_done.set()
        self._thread.join()
        if self._error is not None:
            raise self._error
