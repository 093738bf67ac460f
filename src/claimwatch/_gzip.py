"""Reading gzip files with ISA-L's inflate (`isal_zlib`: zlib's interface, about three times
zlib's speed on records, and it lets go of the GIL).

An import inflates its file three times (two first-pass readers and the copy) and the reference
engine inflates every snapshot it reads: with the standard library's `gzip`, inflating was a
fifth of an import's time. `Inflated` reads as Python 3.11's `gzip` does: members one after
another as one stream, each header read here (its header CRC skipped, as `gzip` skips it: ISA-L
checks it wrongly when a header arrives in two reads), the deflate stream inflated by ISA-L, and
each member's CRC-32 and size held to its trailer; zero bytes after a member are skipped. It
fails as `gzip` does: `EOFError` for a file cut short, `BadGzipFile` for anything else
(`ChecksumMismatch` where a member's bytes do not match its CRC-32 or size). Where ISA-L and
zlib part ways on broken bytes, zlib reads the member again to say which (`_as_zlib_judges`).
"""

from __future__ import annotations

import io
import struct
import zlib
from gzip import BadGzipFile
from typing import Any, BinaryIO

from isal import isal_zlib

__all__ = ["BadGzipFile", "ChecksumMismatch", "Inflated", "open_inflated"]

_GZIP_MAGIC = b"\x1f\x8b"
_DEFLATE = 8  # the one compression method gzip defines
_FHCRC, _FEXTRA, _FNAME, _FCOMMENT = 2, 4, 8, 16
_FIXED_HEADER = 10  # magic, method, flags, mtime (4), extra flags, OS
_TRAILER = 8  # CRC-32 and size (mod 2**32), little-endian
_READ_AT_ONCE = 1 << 20
_RAW_DEFLATE = -15  # wbits: the deflate stream alone, its header and trailer read here
# What isal_zlib raises for bytes that do not inflate (its stubs call the class an instance).
_INFLATE_ERROR: type[Exception] = isal_zlib.error  # type: ignore[assignment]
CUT_SHORT = "Compressed file ended before the end-of-stream marker was reached"


class ChecksumMismatch(BadGzipFile):
    """A member whose bytes do not match its CRC-32 or size: changed since it was written."""


class Inflated(io.RawIOBase):
    """The inflated bytes of the gzip stream `raw` (a binary file open for reading); wrap it in
    `io.BufferedReader` to read lines (`open_inflated`)."""

    def __init__(self, raw: BinaryIO):
        self._raw = raw
        self._input = b""  # bytes read from `raw` and not yet used
        self._member: Any = None  # the deflate stream being inflated; None between members
        self._crc = self._size = 0  # of what the member has given so far
        self._members = 0
        self._deflate_at: int | None = None  # where the member's deflate stream begins in `raw`
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if not len(view):
            return 0  # max_length 0 would mean no limit to isal_zlib
        while not self._done:
            if self._member is None and not self._next_member():
                break
            if not self._input and not self._more():
                raise self._as_zlib_judges(EOFError(CUT_SHORT))
            try:
                out = self._member.decompress(self._input, len(view))
            except _INFLATE_ERROR as e:
                raise self._as_zlib_judges(BadGzipFile(str(e))) from None
            if self._member.eof:  # the trailer, then the next member if any, follow in what is left
                self._input = self._member.unused_data
                self._member = None
            else:
                self._input = self._member.unconsumed_tail
            if out:
                self._crc = isal_zlib.crc32(out, self._crc)
                self._size += len(out)
            if self._member is None:
                self._check_trailer()
            if out:
                view[: len(out)] = out
                return len(out)
        return 0

    def _as_zlib_judges(self, failure: Exception) -> Exception:
        """A member's deflate stream that ISA-L cannot finish, judged as gzip judges it. The two
        part ways on broken bytes: ISA-L waits for more input where zlib sees bad bytes at once
        (a set of code lengths no Huffman code has), and refuses a block zlib would read on into
        the file's end. So, on this failing path only and where the file can be read again, zlib
        reads the member again: bytes it refuses are corrupt (`BadGzipFile`), bytes that run out
        first a file cut short (`EOFError`); else ISA-L's `failure` stands."""
        at = self._deflate_at
        if at is None:
            return failure
        check = zlib.decompressobj(_RAW_DEFLATE)
        try:
            self._raw.seek(at)
            while (data := self._raw.read(_READ_AT_ONCE)) and not check.eof:
                while data and not check.eof:  # inflated a bounded piece at a time, and let go
                    check.decompress(data, _READ_AT_ONCE)
                    data = check.unconsumed_tail
        except zlib.error as e:
            return BadGzipFile(str(e))
        except OSError:
            return failure
        return failure if check.eof else EOFError(CUT_SHORT)

    def _more(self) -> bool:
        """Read on from `raw` into the input; False at its end."""
        more = self._raw.read(_READ_AT_ONCE)
        self._input += more
        return bool(more)

    def _take(self, n: int) -> bytes:
        """The next `n` bytes of input; the file ending first is a file cut short."""
        while len(self._input) < n:
            if not self._more():
                raise EOFError(CUT_SHORT)
        taken, self._input = self._input[:n], self._input[n:]
        return taken

    def _skip_through_zero(self) -> None:
        """Skip a zero-terminated header field (a name, a comment), however long."""
        while (end := self._input.find(b"\x00")) < 0:
            self._input = b""
            if not self._more():
                raise EOFError(CUT_SHORT)
        self._input = self._input[end + 1 :]

    def _next_member(self) -> bool:
        """Read the next member's header and start inflating it; False at the end of the stream."""
        if self._members:  # as gzip does, zero bytes after a member are skipped (tape padding)
            self._input = self._input.lstrip(b"\x00")
            while not self._input and self._more():
                self._input = self._input.lstrip(b"\x00")
        while len(self._input) < len(_GZIP_MAGIC) and self._more():
            pass
        if not self._input:
            self._done = True
            return False
        if not self._input.startswith(_GZIP_MAGIC):
            raise BadGzipFile(f"Not a gzipped file ({self._input[:2]!r})")
        header = self._take(_FIXED_HEADER)
        method, flags = header[2], header[3]
        if method != _DEFLATE:
            raise BadGzipFile("Unknown compression method")
        if flags & _FEXTRA:
            (extra,) = struct.unpack("<H", self._take(2))
            self._take(extra)
        if flags & _FNAME:
            self._skip_through_zero()
        if flags & _FCOMMENT:
            self._skip_through_zero()
        if flags & _FHCRC:
            self._take(2)
        self._member = isal_zlib.decompressobj(wbits=_RAW_DEFLATE)
        self._deflate_at = self._position()
        self._crc = self._size = 0
        self._members += 1
        return True

    def _position(self) -> int | None:
        """Where in `raw` the input not yet used begins, if `raw` can seek back there."""
        try:
            return self._raw.tell() - len(self._input) if self._raw.seekable() else None
        except (OSError, AttributeError):
            return None

    def _check_trailer(self) -> None:
        crc, size = struct.unpack("<II", self._take(_TRAILER))
        if crc != self._crc:
            raise ChecksumMismatch(f"CRC check failed {hex(crc)} != {hex(self._crc)}")
        if size != self._size & 0xFFFFFFFF:
            raise ChecksumMismatch("Incorrect length of data produced")


def open_inflated(raw: BinaryIO, buffer_size: int = _READ_AT_ONCE) -> BinaryIO:
    """`raw`'s gzip stream inflated, buffered (for `readline`)."""
    return io.BufferedReader(Inflated(raw), buffer_size=buffer_size)
