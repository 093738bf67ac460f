"""bench/floor.py's readings read every record of a corpus: each counts the records the import
would read (the figures it reports are records over seconds, so a reading that skipped some
would look faster than it is)."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def floor():
    sys.path.insert(0, str(PROJECT / "bench"))
    import floor

    return floor


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    sys.path.insert(0, str(PROJECT / "bench"))
    from generate import generate

    path = tmp_path_factory.mktemp("floor") / "corpus.jsonl.gz"
    generate(300, path)
    return path


@pytest.mark.parametrize("reading", ["duckdb-ids", "duckdb-columns", "python-parse"])
def test_each_reading_counts_every_record(floor, corpus, reading):
    with gzip.open(corpus) as lines:
        records = sum(1 for line in lines if line.strip())
    assert floor.READINGS[reading](str(corpus)) == records


@pytest.mark.parametrize("piece", ["python-reading", "python-row", "gzip-records", "duckdb-records"])
def test_each_piece_counts_every_record(floor, corpus, piece):
    with gzip.open(corpus) as lines:
        records = sum(1 for line in lines if line.strip())
    assert floor.PIECES[piece](str(corpus)) == records


def test_the_records_reading_takes_each_line_as_one_record(floor, tmp_path):
    """Records holding what a CSV reader would cut at or join lines over: an odd number of
    quotes, commas, tabs between tokens, backslashes, escaped line breaks, non-ASCII text."""
    lines = [
        b'{"id": "https://openalex.org/W1", "title": "a, \\"quoted title"}',
        b'{"id":\t"https://openalex.org/W2", "title": "back\\\\slash \\r\\n escaped"}',
        '{"id": "https://openalex.org/W3", "title": "Université de Montréal, 北京大学"}'.encode(),
    ]
    corpus = tmp_path / "odd.jsonl.gz"
    corpus.write_bytes(gzip.compress(b"\n".join(lines) + b"\n"))
    assert floor.PIECES["duckdb-records"](str(corpus)) == 3
    assert floor.READINGS["python-parse"](str(corpus)) == 3
