"""Reading gzip files with ISA-L's inflate (`isal_zlib`: zlib's interface, about three times
zlib's speed on records, and it lets go of the GIL).

An import inflates its file three times (two first-pass readers and the copy) and the reference
engine inflates every snapshot it reads: with the standard library's `gzip`, inflating was a
fifth of an import's time. `Inflated` reads as `gzip` does: members one after another as one
stream, each held to its end marker, CRC-32 and size, and zero bytes after the last member
ignored; and it fails as `gzip` does, with `EOFError` for a file cut short and `BadGzipFile`
for anything else (`ChecksumMismatch` where a member's bytes do not match its CRC-32 and size).
"""

from __future__ import annotations

import io
from gzip import BadGzipFile
from typing import Any, BinaryIO

from isal import isal_zlib

__all__ = ["BadGzipFile", "ChecksumMismatch", "Inflated", "open_inflated"]

_GZIP_MAGIC = b"\x1f\x8b"
_READ_AT_ONCE = 1 << 20
_GZIP = 31  # wbits: a gzip header and trailer around the deflate stream
# What isal_zlib raises for bytes that do not inflate (its stubs call the class an instance).
_INFLATE_ERROR: type[Exception] = isal_zlib.error  # type: ignore[assignment]
CUT_SHORT = "Compressed file ended before the end-of-stream marker was reached"


class Inflated(io.RawIOBase):
    """The inflated bytes of the gzip stream `raw` (a binary file open for reading); wrap it in
    `io.BufferedReader` to read lines."""

    def __init__(self, raw: BinaryIO):
        self._raw = raw
        self._member: Any = None  # the member being inflated; None between members
        self._input = b""  # bytes read from `raw` and not yet inflated
        self._members = 0
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        while not self._done:
            if self._member is None and not self._next_member():
                break
            if not self._input:
                self._input = self._raw.read(_READ_AT_ONCE)
                if not self._input:
                    raise EOFError(CUT_SHORT)
            try:
                out = self._member.decompress(self._input, len(view))
            except _INFLATE_ERROR as e:
                raise _said(e) from None
            if self._member.eof:  # the next member, if any, starts in what this one left
                self._input, self._member = self._member.unused_data, None
            else:
                self._input = self._member.unconsumed_tail
            if out:
                view[: len(out)] = out
                return len(out)
        return 0

    def _next_member(self) -> bool:
        """Start the next member; False at the end of the stream."""
        if self._members:  # as gzip does, zero bytes after a member are skipped (tape padding)
            self._input = self._input.lstrip(b"\x00")
            while not self._input and (more := self._raw.read(_READ_AT_ONCE)):
                self._input = more.lstrip(b"\x00")
        while len(self._input) < len(_GZIP_MAGIC) and (more := self._raw.read(_READ_AT_ONCE)):
            self._input += more
        if not self._input:
            self._done = True
            return False
        if not self._input.startswith(_GZIP_MAGIC):
            raise BadGzipFile(f"Not a gzipped file ({self._input[:2]!r})")
        self._member = isal_zlib.decompressobj(wbits=_GZIP)
        self._members += 1
        return True


class ChecksumMismatch(BadGzipFile):
    """A member whose bytes do not match its CRC-32 and size: changed since it was written."""


def _said(e: Exception) -> BadGzipFile:
    if "checksum" in str(e).lower():  # ISA-L's word for a CRC-32 or a size that does not match
        return ChecksumMismatch("CRC check failed: what the member holds does not match its CRC-32 and size")
    return BadGzipFile(str(e))


def open_inflated(raw: BinaryIO, buffer_size: int = _READ_AT_ONCE) -> BinaryIO:
    """`raw`'s gzip stream inflated, buffered (for `readline`)."""
    return io.BufferedReader(Inflated(raw), buffer_size=buffer_size)
