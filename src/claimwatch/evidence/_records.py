"""Reading OpenAlex records from .jsonl and .jsonl.gz files, hashing the bytes as they pass."""

from __future__ import annotations

import gzip
import hashlib
import io
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from .. import ids
from ..errors import InputError, Problem


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


def _file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    except FileNotFoundError:
        raise InputError(Problem(str(path), 0, 0, "no such file")) from None
    return h.hexdigest()
