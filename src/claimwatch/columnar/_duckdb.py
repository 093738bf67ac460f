"""DuckDB on one machine: the connection tables are written and screened with, the screening
query run (a part of the tables at a time, on a thread of its own), and the candidates' records
fetched in their tables' order."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import itertools
import os
import queue
import re
import secrets
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from ..errors import SourceError
from ._plan import Plan
from ._sql import NO_HIVE, linked_query, reader_path, screening_query

# DuckDB's own memory, beside Python's: the check's peak stays within bench's target (512 MiB
# for a million works) and DuckDB spills to disk beyond it rather than fail.
MEMORY_LIMIT = "256MB"
_FETCH = 2_048  # candidates fetched a query at a time: a few row groups' worth
# Rows of each table in the first part of the query (`screen_in_parts`; each next part twice
# the last): a million works' query in four parts, the first part's candidates judged while
# DuckDB screens the next.
_PART_ROWS = 131_072
_STOP_EVERY = 0.05  # seconds between interrupts of a query being stopped (`ScreeningParts.close`)


def _threads() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def connect(
    memory_limit: str = MEMORY_LIMIT, database: str = ":memory:", threads: int | None = None
) -> duckdb.DuckDBPyConnection:
    """A DuckDB (in memory unless a database file is named) using every core the process may,
    with no progress bar, and its spill files in a folder of its own in the system's temporary
    folder (never the working directory), made where it spills and removed as it closes."""
    con = duckdb.connect(
        database,
        config={"threads": threads or _threads(), "memory_limit": memory_limit, "temp_directory": _spill_folder()},
    )
    con.execute("SET enable_progress_bar = false")
    return con


_SPILL_PREFIX = "claimwatch-duckdb-"
_SPILL_FOLDER = re.compile(re.escape(_SPILL_PREFIX) + r"(\d{1,7})-[0-9a-f]{16}")
ABANDONED_AFTER = 86_400
"""Seconds a dead process's spill folder is left untouched before it is removed: a folder whose
process runs in another PID namespace (a container sharing /tmp) looks dead from here, but is
written while it spills, and read back, unwritten, for no more than a query's length."""


def _spill_folder() -> str:
    """A folder no other connection spills into: DuckDB names its spill files alike in every
    process (`duckdb_temp_storage_DEFAULT-0.tmp`), and two processes spilling into one folder
    at once (two checks of large evidence) both died of a segmentation fault."""
    root = tempfile.gettempdir()
    _remove_abandoned_spill_folders(root)
    return os.path.join(root, f"{_SPILL_PREFIX}{os.getpid()}-{secrets.token_hex(8)}")


@functools.cache
def _remove_abandoned_spill_folders(root: str) -> None:
    """Remove, once a process, the spill folders of processes that died without closing DuckDB
    (`kill -9` in a spill leaves gigabytes behind): a folder whose process is gone and in which
    nothing was written for a day. Another user's, or one in use, is left."""
    with contextlib.suppress(OSError), os.scandir(root) as entries:
        for entry in entries:
            named = _SPILL_FOLDER.fullmatch(entry.name)
            if named and entry.is_dir(follow_symlinks=False) and _abandoned(Path(entry.path), int(named[1])):
                shutil.rmtree(entry.path, ignore_errors=True)


def _abandoned(folder: Path, pid: int) -> bool:
    if pid == os.getpid() or _alive(pid):
        return False
    try:
        last_written = max([folder.lstat().st_mtime, *(f.lstat().st_mtime for f in folder.iterdir())])
    except OSError:
        return False
    return time.time() - last_written > ABANDONED_AFTER


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def quoted(value: str) -> str:
    """A string literal for DuckDB's SQL."""
    return "'" + value.replace("'", "''") + "'"


def file_literal(path: str | Path) -> str:
    """A file's path as a string literal for DuckDB's readers (`_sql.reader_path`)."""
    return quoted(reader_path(path))


def parquet_of(*paths: str | Path, options: str = "") -> str:
    """DuckDB's reader of these Parquet files, each read as it holds (`NO_HIVE`: a `key=value`
    folder on the path gives no column), with DuckDB's `options` after."""
    files = file_literal(paths[0]) if len(paths) == 1 else f"[{', '.join(map(file_literal, paths))}]"
    return f"read_parquet({files}, {NO_HIVE}{', ' + options if options else ''})"


def quoted_name(name: str) -> str:
    """A column name for DuckDB's SQL."""
    return '"' + name.replace('"', '""') + '"'


@dataclass
class Screening:
    """What the query found: per table, its candidates (ordinal, and the claims whose tests the
    matchers must run on it as a bit mask, bit i for claim i), in ascending order, and its counts
    of records, authorships and authorships with no institution id; per claim, the tallies of
    the works that are not candidates (considered, coauthorships, unaffiliated, works with one)."""

    candidates: list[list[tuple[int, int]]]
    counts: list[list[int]]
    tallies: list[list[int]] = field(default_factory=list)


def screen(query: str, tables: int, claims: int) -> Screening:
    """Run the screening query (see `_sql`) and gather its rows."""
    with connect() as con, out_of_memory_said("the screening query over the works tables"):
        return gather_screening(con.execute(query).fetchall(), tables, claims)


class ScreeningParts:
    """A screening gathered a part of the tables at a time, on a thread of its own
    (`screen_in_parts`): each table's candidates can be read, in order, as their parts come, by
    several readers at once (the thread fetching their records, the one judging them); a reader
    ahead of the query waits for its next part. A failure of the query is raised in every
    reader's thread, and by `result`; `close` stops the query where it is not done."""

    def __init__(self, tables: int, claims: int):
        self._tables, self._claims = tables, claims
        self._parts: list[Screening] = []
        self._ended = False
        self._error: BaseException | None = None
        self._changed = threading.Condition()
        self._stopped = threading.Event()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._thread: threading.Thread | None = None

    @classmethod
    def whole(cls, screening: Screening) -> ScreeningParts:
        """A screening run in one query (Spark's), as one part."""
        parts = cls(len(screening.counts), len(screening.tallies))
        parts._add(screening)
        parts._end()
        return parts

    def _add(self, part: Screening) -> None:
        with self._changed:
            self._parts.append(part)
            self._changed.notify_all()

    def _end(self, error: BaseException | None = None) -> None:
        with self._changed:
            if not self._ended:
                self._ended, self._error = True, error
            self._changed.notify_all()

    def _part(self, k: int) -> Screening | None:
        """Part k, once it is there; None where the query ended with fewer."""
        with self._changed:
            while k >= len(self._parts) and not self._ended:
                self._changed.wait()
            if k < len(self._parts):
                return self._parts[k]
            if self._error is not None:
                raise self._error
            return None

    def _each_part(self) -> Iterator[Screening]:
        for k in itertools.count():
            part = self._part(k)
            if part is None:
                return
            yield part

    def candidates(self, table: int) -> Iterator[tuple[int, int]]:
        """The table's candidates (ordinal, tests) in ascending order, each part's as it comes."""
        for part in self._each_part():
            yield from part.candidates[table]

    def ordinals(self, table: int) -> Iterator[list[int]]:
        """The ordinals of the table's candidates, a part's at a time as it comes (what
        `fetch_records_by_part` reads, a part's whole before it waits for the next)."""
        for part in self._each_part():
            yield [ordinal for ordinal, _ in part.candidates[table]]

    def result(self) -> Screening:
        """The whole screening, once every part is in: each table's candidates, its counts and
        the claims' tallies summed over the parts."""
        whole = Screening(
            [[] for _ in range(self._tables)],
            [[0, 0, 0] for _ in range(self._tables)],
            [[0] * 4 for _ in range(self._claims)],
        )
        for part in self._each_part():
            for found, more in zip(whole.candidates, part.candidates, strict=True):
                found.extend(more)
            for sums, adds in (
                *zip(whole.counts, part.counts, strict=True),
                *zip(whole.tallies, part.tallies, strict=True),
            ):
                sums[:] = [a + b for a, b in zip(sums, adds, strict=True)]
        return whole

    def close(self) -> None:
        """The run is over, or ended early (an error, Ctrl-C): a query still running is stopped
        and its thread joined, so that no DuckDB work outlives the run."""
        self._stopped.set()
        self._end(SourceError("the screening query was stopped"))
        # DuckDB forgets an interrupt that lands between two statements (the part's query being
        # compiled or its rows gathered), and would run the next statement, a large part's
        # query, to its end: interrupted again until the thread is done.
        while self._thread is not None and self._thread.is_alive():
            self._interrupt()
            self._thread.join(_STOP_EVERY)

    def _interrupt(self) -> None:
        with self._changed, contextlib.suppress(duckdb.Error):
            if self._con is not None:  # open while it is set (`_screen`)
                self._con.interrupt()

    def _screen(self, plan: Plan, sources: Sequence[str], current_on: Sequence[dt.date | None]) -> None:
        with connect() as con, out_of_memory_said("the screening query over the works tables"):
            with self._changed:
                self._con = con
            try:
                self._screen_on(con, plan, sources, current_on)
            finally:
                with self._changed:
                    self._con = None

    def _screen_on(
        self, con: duckdb.DuckDBPyConnection, plan: Plan, sources: Sequence[str], current_on: Sequence[dt.date | None]
    ) -> None:
        # Each part's query reads the tables' footers, which this connection parses once.
        con.execute("SET parquet_metadata_cache = true")
        counted = [con.execute(f"SELECT count(*) FROM {parquet_of(s)}").fetchone() or (0,) for s in sources]
        rows = [int(n) for (n,) in counted]
        if self._stopped.is_set():
            return
        con.execute(f"CREATE TEMP TABLE linked AS {linked_query(plan, sources)}")
        screened = [0] * len(sources)
        for part in _parts(rows):
            if self._stopped.is_set():
                return
            query = screening_query(plan, sources, current_on=current_on, part=part)
            found = gather_screening(con.execute(query).fetchall(), self._tables, self._claims)
            screened = [n + records for n, (records, _, _) in zip(screened, found.counts, strict=True)]
            self._add(found)
        # Every row in exactly one part, or a work left out would clear a claim in silence.
        if screened != rows:
            raise AssertionError(f"the screening query's parts read {screened} rows of tables of {rows}")


def _parts(rows: Sequence[int], first: int | None = None) -> list[list[tuple[int, int] | None]]:
    """The tables' ordinals (0 to rows - 1 each) cut into parts, the first of `first` rows, each
    next twice the last: part k holds each table's k-th range, None where it has no k-th. The
    judging waits for the first part alone, and every part's query costs CPU of its own (its
    plan, its patterns compiled): the later parts, larger, stay ahead of the judging, which
    reads about twice as fast as the query's thread screens."""
    first = first or _PART_ROWS
    starts = [0]
    while starts[-1] < max(rows, default=0):
        starts.append(starts[-1] + first * 2 ** (len(starts) - 1))
    return [
        [(start, min(n, end) - 1) if start < n else None for n in rows] for start, end in itertools.pairwise(starts)
    ]


def screen_in_parts(
    plan: Plan,
    sources: Sequence[str],
    current_on: Sequence[dt.date | None],
    claims: int,
    on_done: Callable[[], None] = lambda: None,
) -> ScreeningParts:
    """The screening query (see `_sql`) over the tables at `sources`, run a part of their rows
    at a time on a thread of its own from now on: the records linked by shared keys worked out
    once, for every part, then each part screened and handed over as it is done, so that its
    candidates are fetched and judged while DuckDB screens the next part (the judging is Python,
    on one core; DuckDB lets go of the GIL). `on_done` is called as the query ends, however."""
    parts = ScreeningParts(len(sources), claims)

    def run() -> None:
        try:
            parts._screen(plan, sources, current_on)
            parts._end()
        except BaseException as e:  # raised in the readers' threads, and by result()
            parts._end(e)
        finally:
            on_done()

    parts._thread = threading.Thread(target=run, name="claimwatch-screen", daemon=True)
    parts._thread.start()
    return parts


@contextlib.contextmanager
def out_of_memory_said(doing: str, limit: str = MEMORY_LIMIT) -> Iterator[None]:
    """DuckDB running out of the memory it may use (`limit`, as the connection was given it),
    said in one line (exit 3), not a traceback: the machine's limit, not a bug and not the
    user's files."""
    try:
        yield
    except duckdb.OutOfMemoryException as e:
        first = str(e).splitlines()[0] if str(e) else "out of memory"
        raise SourceError(
            f"DuckDB ran out of memory ({limit} allowed) in {doing}: {first}; "
            "free memory on this machine, or check fewer claims or less evidence at a time"
        ) from None


def gather_screening(rows: Iterable[Sequence[Any]], tables: int, claims: int) -> Screening:
    """The screening query's rows, from any engine, as a `Screening`: a row per candidate
    (candidate, evidence, ordinal, tests: '1' for each claim to test, then its counts) and a row
    per table for the rest (its counts, and the claims' tallies)."""
    out = Screening([[] for _ in range(tables)], [[0, 0, 0] for _ in range(tables)], [[0] * 4 for _ in range(claims)])
    for candidate, evidence, ordinal, tests, *counts in rows:
        if candidate:
            # The flags read backwards are the mask's binary digits: claim i's flag is bit i.
            out.candidates[evidence].append((ordinal, int(tests[::-1], 2) if tests else 0))
        table = out.counts[evidence]
        for k in range(3):
            table[k] += counts[k]
        if not any(counts[3:]):
            continue  # a candidate's row: the tallies count only the works ruled out
        for i in range(claims):
            tally = out.tallies[i]
            for k in range(4):
                tally[k] += counts[3 + 4 * i + k]
    for found in out.candidates:
        found.sort()
    return out


def table_rows(table: str) -> int:
    """How many rows a works table holds (its Parquet metadata says: no row is read)."""
    with connect() as con:
        (rows,) = con.execute(f"SELECT count(*) FROM {parquet_of(table)}").fetchone() or (0,)
    return int(rows)


def repeated_ids(tables: Sequence[str], more: Iterable[str] = ()) -> set[str]:
    """The work ids that more than one row of the tables (and of `more`, ids read elsewhere)
    holds: records of one id in two snapshots, or twice in one file."""
    sources = " UNION ALL ".join(f"SELECT id FROM {parquet_of(t)}" for t in tables)
    with connect() as con, out_of_memory_said("looking for records of one work id in several tables"):
        con.execute("CREATE TEMP TABLE more_ids AS SELECT unnest(?::VARCHAR[]) AS id", [list(more)])
        rows = con.execute(
            f"SELECT id FROM ({sources} UNION ALL SELECT id FROM more_ids) GROUP BY id HAVING count(*) > 1"
        ).fetchall()
    return {wid for (wid,) in rows}


def latest_day(table: str, current_on: dt.date | None = None, *, after: dt.date | None = None) -> dt.date | None:
    """The last day the date of the table's newest work stands for (None where no work has a
    date), none later than `current_on`, the day its records were current; of the works dated
    wholly after `after`, where it is given."""
    with connect() as con:
        (day,) = con.execute(
            f"SELECT max(CASE WHEN ?::DATE IS NULL THEN latest ELSE least(latest, ?::DATE) END) "
            f"FILTER (WHERE ?::DATE IS NULL OR earliest > ?::DATE) FROM {parquet_of(table)}",
            [current_on, current_on, after, after],
        ).fetchone() or (None,)
    return day if isinstance(day, dt.date) else None


def newest_updated(table: str) -> dt.date | None:
    """The newest day the table's records give as their `updated_date` (None where none does)."""
    with connect() as con:
        (day,) = con.execute(f"SELECT max(updated) FROM {parquet_of(table)}").fetchone() or (None,)
    return day if isinstance(day, dt.date) else None


def rows_of_ids(table: str, wanted: set[str]) -> list[tuple[int, str, list[str], bool]]:
    """(ordinal, id, identity keys, whether it gives an author) of the table's rows whose id is
    one of `wanted`, in the table's order."""
    if not wanted:
        return []
    with connect() as con:
        rows = con.execute(
            f"SELECT ordinal, id, keys, n_authorships > 0 FROM {parquet_of(table)} "
            "WHERE list_contains(?, id) ORDER BY ordinal",
            [sorted(wanted)],
        ).fetchall()
    return [(int(ordinal), str(wid), list(keys), bool(authors)) for ordinal, wid, keys, authors in rows]


def fetch_records(table: str, ordinals: Sequence[int]) -> Iterator[tuple[int, str]]:
    """(line, record) of the rows at `ordinals` (ascending), in that order, a batch at a time so
    that memory holds a few row groups' records, never every candidate's. The next batch is read
    in a thread while the caller works through this one (DuckDB lets go of the GIL as it reads)."""
    return fetch_records_by_part(table, [ordinals])


def fetch_records_by_part(
    table: str, parts: Iterable[Sequence[int]], wake: Callable[[], None] = lambda: None
) -> Iterator[tuple[int, str]]:
    """`fetch_records` of the ordinals of each of `parts` in turn (ascending throughout), read in
    that thread as they come (`ScreeningParts.ordinals`): a batch never waits for the next part,
    so that a part's last candidates are judged while the query screens the next. `wake` is
    called where the caller stops before the end (an error, Ctrl-C), before that thread is
    joined: what ends a wait of `parts` for more (`ScreeningParts.close`)."""
    batches: queue.Queue[list[Any] | BaseException | None] = queue.Queue(maxsize=_AHEAD)
    stop = threading.Event()

    def hand_over(item: list[Any] | BaseException | None) -> bool:
        while not stop.is_set():
            try:
                batches.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def read_ahead() -> None:
        try:
            with _fetch_connection() as con, out_of_memory_said(f"reading the candidates' records from {table}"):
                for ordinals in parts:
                    for start in range(0, len(ordinals), _FETCH):
                        if not hand_over(_fetch_batch(con, table, ordinals[start : start + _FETCH])):
                            return
            hand_over(None)
        except BaseException as e:  # handed to the reader, which raises it in its own thread
            hand_over(e)

    reader = threading.Thread(target=read_ahead, name="claimwatch-fetch", daemon=True)
    reader.start()
    try:
        while (batch := batches.get()) is not None:
            if isinstance(batch, BaseException):
                raise batch
            for _, line, record in batch:
                yield line, record
    finally:
        stop.set()
        wake()
        reader.join()


_AHEAD = 2  # batches read ahead of the one being worked through


def _fetch_connection() -> duckdb.DuckDBPyConnection:
    """The connection a table's candidates are fetched over, a batch a query: one that keeps the
    file's Parquet footer once read. DuckDB otherwise parses it again for every query, and a
    table's footer is large (3.5 MB for bench's million, the statistics of 538 row groups): 21 ms
    a batch, about half a second of the million's 23 batches, every one of them parsing the
    same bytes. DuckDB reads the footer anew where the file's modification time changes."""
    con = connect()
    con.execute("SET parquet_metadata_cache = true")
    return con


def _fetch_batch(con: duckdb.DuckDBPyConnection, table: str, batch: Sequence[int]) -> list[Any]:
    wanted = ", ".join(map(str, batch))
    rows: list[Any] = con.execute(
        f"SELECT ordinal, line, record FROM {parquet_of(table)} "
        f"WHERE ordinal BETWEEN {batch[0]} AND {batch[-1]} AND ordinal IN ({wanted})"
    ).fetchall()
    rows.sort()
    if [r[0] for r in rows] != list(batch):  # a table is checked against its sha256 first
        raise AssertionError(f"{table}: the rows fetched are not the candidates asked for")
    return rows
