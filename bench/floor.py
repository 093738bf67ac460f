"""The floor under issue 18's import target: what reading every record of a corpus costs at the
least on this machine, before claimwatch does anything with it.

An import (`claimwatch evidence import FILE`) must read every record of the file: to check it,
to keep the newest version of each work, and to flatten it into the works table. This measures,
on bench's gzipped corpus, three readings that do less than any import can:

  duckdb-ids      DuckDB (all cores) reading each record's `id` and nothing else;
  duckdb-columns  DuckDB (all cores) reading the columns a works table is made from (ids, title,
                  dates, keywords, topics, authorships with their institutions, the abstract's
                  words) and writing them as Parquet, without the record's text;
  python-parse    one Python process inflating the file with ISA-L and parsing each record with
                  orjson, then dropping it.

Each runs in a process of its own, one after another. Works a second are records over seconds.

    .venv/bin/python bench/floor.py                  # bench's sparse million (made if missing)
    .venv/bin/python bench/floor.py --size 100000
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
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


def python_parse(corpus: str) -> int:
    import orjson

    from claimwatch._gzip import open_inflated

    n = 0
    with open(corpus, "rb") as raw:
        for line in open_inflated(raw):
            if line.strip():  # a blank line is no record, as the import reads it
                orjson.loads(line)
                n += 1
    return n


READINGS = {"duckdb-ids": duckdb_ids, "duckdb-columns": duckdb_columns, "python-parse": python_parse}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=1_000_000, help="bench's sparse corpus of this many works")
    parser.add_argument("--reading", choices=READINGS, help=argparse.SUPPRESS)  # one, in this process
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.reading:
        started = time.perf_counter()
        records = READINGS[args.reading](args.corpus)
        print(json.dumps({"records": records, "seconds": time.perf_counter() - started}))
        return
    from run import corpus_for

    corpus, _ = corpus_for(args.size, "sparse")
    print(f"{corpus} ({corpus.stat().st_size / 1e6:,.0f} MB gzipped)")
    for reading in READINGS:
        out = subprocess.run(
            [sys.executable, __file__, "--reading", reading, "--corpus", str(corpus)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        result = json.loads(out)
        rate = result["records"] / result["seconds"]
        print(f"{reading:15s} {result['records']:>10,} records  {result['seconds']:6.1f} s  {rate:>8,.0f} works/s")


if __name__ == "__main__":
    main()
