"""The floor under issue 18's import target: what reading every record of a corpus costs at the
least on this machine, before claimwatch does anything with it, and what each piece of the
import as claimwatch makes it costs on its own.

An import (`claimwatch evidence import FILE`) must read every record of the file: to check it,
to keep the newest version of each work, and to flatten it into the works table. This measures,
on bench's gzipped corpus, three readings that do less than any import can:

  duckdb-ids      DuckDB (all cores) reading each record's `id` and nothing else;
  duckdb-columns  DuckDB (all cores) reading the columns a works table is made from (ids, title,
                  dates, keywords, topics, authorships with their institutions, the abstract's
                  words) and writing them as Parquet, without the record's text;
  python-parse    one Python process inflating the file with ISA-L and parsing each record with
                  orjson, then dropping it;

and, with `--pieces`, three that price the import's own work, each in one process on one core
(the inflating and parsing above included where they are needed):

  python-reading  each record read as every engine reads it (`work_from_openalex`);
  python-row      each record made into its works-table row (`openalex_row`: that reading, the
                  search forms and the words of its texts), not written;
  gzip-records    the records compressed as the snapshot's data file is (4 MiB blocks at
                  GZIP_LEVEL), not written;
  duckdb-records  DuckDB (all cores) writing each record's text, as a line, to Parquet as the
                  works table holds it (its `record` column: zstd, the table's row groups).

Each runs in a process of its own, one after another. Works a second are records over seconds;
CPU a record is the process's CPU time (user and system, its threads included) over records:
what 2 cores' worth of import has is 40 µs a record at the target of 50,000 works a second.

    .venv/bin/python bench/floor.py                  # bench's sparse million (made if missing)
    .venv/bin/python bench/floor.py --size 100000 --pieces
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from claimwatch.columnar._duckdb import file_literal, quoted

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

# The record's parts a works table is flattened from, as OpenAlex writes them.
_COLUMNS = {
    "id": "VARCHAR",
    "doi": "VARCHAR",
    "title": "VARCHAR",
    "publication_date": "VARCHAR",
    "is_retracted": "BOOLEAN",
    "keywords": "STRUCT(id VARCHAR, display_name VARCHAR, score DOUBLE)[]",
    "topics": "STRUCT(id VARCHAR, display_name VARCHAR)[]",
    "authorships": (
        "STRUCT(author_position VARCHAR, author STRUCT(id VARCHAR, display_name VARCHAR), "
        "institutions STRUCT(id VARCHAR, display_name VARCHAR, ror VARCHAR, country_code VARCHAR, "
        "lineage VARCHAR[])[], raw_affiliation_strings VARCHAR[])[]"
    ),
    "abstract_inverted_index": "MAP(VARCHAR, INTEGER[])",
}


def _read_json(corpus: str, columns: dict[str, str]) -> str:
    spec = ", ".join(f"'{k}': '{v}'" for k, v in columns.items())
    return (
        f"read_json({file_literal(corpus)}, format = 'newline_delimited', columns = {{{spec}}}, "
        "maximum_object_size = 100000000)"
    )


def duckdb_ids(corpus: str) -> int:
    import duckdb

    with duckdb.connect() as con:
        return con.execute(f"SELECT count(id) FROM {_read_json(corpus, {'id': 'VARCHAR'})}").fetchone()[0]


def duckdb_columns(corpus: str) -> int:
    import duckdb

    with tempfile.TemporaryDirectory() as tmp, duckdb.connect() as con:
        columns = ", ".join(k for k in _COLUMNS if k != "abstract_inverted_index")
        con.execute(
            f"COPY (SELECT {columns}, map_keys(abstract_inverted_index) AS words FROM {_read_json(corpus, _COLUMNS)}) "
            f"TO {quoted(tmp + '/works.parquet')} (FORMAT parquet, COMPRESSION zstd)"
        )
        return con.execute(f"SELECT count(*) FROM read_parquet({file_literal(tmp + '/works.parquet')})").fetchone()[0]


def _lines(corpus: str) -> Iterator[bytes]:
    """The corpus's records, inflated with ISA-L, without their line ends."""
    from claimwatch._gzip import open_inflated

    with open(corpus, "rb") as raw:
        for line in open_inflated(raw):
            if line.strip():  # a blank line is no record, as the import reads it
                yield line.rstrip(b"\r\n")


def python_parse(corpus: str) -> int:
    import orjson

    n = 0
    for line in _lines(corpus):
        orjson.loads(line)
        n += 1
    return n


def python_reading(corpus: str) -> int:
    import orjson

    from claimwatch.works import Origin, work_from_openalex

    n = 0
    for n, line in enumerate(_lines(corpus), 1):
        work_from_openalex(orjson.loads(line), Origin("snapshot", corpus, n))
    return n


def python_row(corpus: str) -> int:
    from claimwatch.columnar._table import openalex_row

    n = 0
    for n, line in enumerate(_lines(corpus), 1):
        openalex_row(n - 1, n, line)
    return n


def gzip_records(corpus: str) -> int:
    import gzip

    from claimwatch.evidence._snapshot import GZIP_LEVEL, _GzipBlocks

    block: list[bytes] = []
    size = n = 0
    for line in _lines(corpus):
        n += 1
        block.append(line + b"\n")
        size += len(line) + 1
        if size >= _GzipBlocks.BLOCK:  # the blocks the snapshot's writer cuts, on this thread
            gzip.compress(b"".join(block), GZIP_LEVEL, mtime=0)
            block, size = [], 0
    gzip.compress(b"".join(block), GZIP_LEVEL, mtime=0)
    return n


def duckdb_records(corpus: str) -> int:
    import duckdb

    from claimwatch.columnar._table import _PARQUET

    # Each line one text: no character of a JSON record is a control character, so none cuts it.
    # Bench's corpora hold no blank line (a filter on the text would cost more than the rest).
    lines = (
        f"read_csv({file_literal(corpus)}, columns = {{'record': 'VARCHAR'}}, delim = '\x01', quote = '', "
        "escape = '', header = false, auto_detect = false, new_line = '\\n', max_line_size = 67108880)"
    )
    with tempfile.TemporaryDirectory() as tmp, duckdb.connect() as con:
        con.execute(f"COPY (SELECT record FROM {lines}) TO {quoted(tmp + '/r.parquet')} {_PARQUET}")
        return con.execute(f"SELECT count(*) FROM read_parquet({file_literal(tmp + '/r.parquet')})").fetchone()[0]


READINGS = {"duckdb-ids": duckdb_ids, "duckdb-columns": duckdb_columns, "python-parse": python_parse}
PIECES = {
    "python-reading": python_reading,
    "python-row": python_row,
    "gzip-records": gzip_records,
    "duckdb-records": duckdb_records,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=1_000_000, help="bench's sparse corpus of this many works")
    parser.add_argument("--pieces", action="store_true", help="also price the import's own pieces, one core each")
    parser.add_argument("--reading", choices={**READINGS, **PIECES}, help=argparse.SUPPRESS)  # one, here
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.reading:
        started, cpu = time.perf_counter(), _cpu_seconds()
        records = {**READINGS, **PIECES}[args.reading](args.corpus)
        seconds = time.perf_counter() - started
        print(json.dumps({"records": records, "seconds": seconds, "cpu_seconds": _cpu_seconds() - cpu}))
        return
    from run import corpus_for

    corpus, _ = corpus_for(args.size, "sparse")
    print(f"{corpus} ({corpus.stat().st_size / 1e6:,.0f} MB gzipped)")
    for reading in [*READINGS, *(PIECES if args.pieces else ())]:
        out = subprocess.run(
            [sys.executable, __file__, "--reading", reading, "--corpus", str(corpus)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        result = json.loads(out)
        records = result["records"]
        rate = records / result["seconds"]
        per_record = result["cpu_seconds"] / records * 1e6
        print(
            f"{reading:15s} {records:>10,} records  {result['seconds']:6.1f} s  {rate:>8,.0f} works/s  "
            f"{per_record:6.1f} µs CPU a record"
        )


def _cpu_seconds() -> float:
    """This process's CPU time so far, user and system, every thread's."""
    times = os.times()
    return times.user + times.system


if __name__ == "__main__":
    main()
