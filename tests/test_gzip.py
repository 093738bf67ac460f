"""claimwatch._gzip: gzip files read with ISA-L's inflate, held to what the standard library's
gzip module reads and refuses: the same bytes, or the same kind of failure."""

from __future__ import annotations

import gzip
import io
import struct
import zlib

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from claimwatch._gzip import BadGzipFile, ChecksumMismatch, Inflated, open_inflated


def by_gzip(data: bytes) -> tuple[str, bytes]:
    try:
        return "ok", gzip.GzipFile(fileobj=io.BytesIO(data), mode="rb").read()
    except EOFError:
        return "cut short", b""
    except (gzip.BadGzipFile, zlib.error):
        return "bad", b""


class Trickle(io.RawIOBase):
    """A file that gives at most `n` bytes a read: every header, deflate stream and trailer is
    cut between reads somewhere."""

    def __init__(self, data: bytes, n: int):
        self.data, self.n = io.BytesIO(data), n

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:  # as a file on disk is: a member ending early is read again
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        return self.data.seek(offset, whence)

    def tell(self) -> int:
        return self.data.tell()

    def readinto(self, buffer) -> int:
        got = self.data.read(min(len(buffer), self.n))
        buffer[: len(got)] = got
        return len(got)

    def read(self, size: int = -1) -> bytes:
        return self.data.read(self.n if size < 0 else min(size, self.n))


def by_inflated(data: bytes, chunk: int = 1 << 16, trickle: int | None = None) -> tuple[str, bytes]:
    raw = Trickle(data, trickle) if trickle else io.BytesIO(data)
    stream = open_inflated(raw, buffer_size=chunk)  # type: ignore[arg-type]
    try:
        return "ok", b"".join(iter(lambda: stream.read(chunk), b""))
    except EOFError:
        return "cut short", b""
    except BadGzipFile:
        return "bad", b""


def member(data: bytes, level: int = 6, name: bool = False) -> bytes:
    out = io.BytesIO()
    # A file name in the header, as `gzip file` writes it: the header is longer and flagged.
    with gzip.GzipFile(
        filename="part.jsonl" if name else "", mode="wb", fileobj=out, compresslevel=level, mtime=0
    ) as f:
        f.write(data)
    return out.getvalue()


def flagged(data: bytes, *, extra: bytes = b"", name: bytes = b"", comment: bytes = b"", hcrc: str = "") -> bytes:
    """A member with the optional header fields `gzip` reads and never writes: an extra field, a
    comment, a header CRC (`hcrc`: "right" or "wrong"; Python 3.11's gzip skips it unchecked)."""
    flags = (4 if extra else 0) | (8 if name else 0) | (16 if comment else 0) | (2 if hcrc else 0)
    header = b"\x1f\x8b\x08" + bytes([flags]) + b"\x00" * 4 + b"\x00\x03"
    if extra:
        header += struct.pack("<H", len(extra)) + extra
    if name:
        header += name + b"\x00"
    if comment:
        header += comment + b"\x00"
    if hcrc:
        crc16 = zlib.crc32(header) & 0xFFFF
        header += struct.pack("<H", crc16 if hcrc == "right" else crc16 ^ 1)
    deflated = zlib.compressobj(6, zlib.DEFLATED, -15)
    body = deflated.compress(data) + deflated.flush()
    return header + body + struct.pack("<II", zlib.crc32(data), len(data) & 0xFFFFFFFF)


RECORDS = b"".join(b'{"id": "https://openalex.org/W%d", "title": "t %d"}\n' % (i, i * i) for i in range(3000))


@pytest.mark.parametrize(
    "data",
    [
        member(RECORDS),
        member(RECORDS[:1000]) + member(RECORDS[1000:], name=True),  # members one after another
        member(RECORDS) + b"\x00" * 700,  # zero padding after the last member, which gzip ignores
        member(RECORDS[:10]) + b"\x00\x00" + member(RECORDS[10:]),  # and between members
        member(b""),  # a member of nothing
        b"",  # an empty file: no member at all
    ],
    ids=["one member", "two members", "padded", "padding between", "empty member", "empty file"],
)
def test_whole_files_give_what_gzip_gives(data):
    assert by_inflated(data) == by_gzip(data)
    assert by_inflated(data, chunk=7) == by_gzip(data)  # read out in tiny pieces
    assert by_inflated(data, trickle=3) == by_gzip(data)  # read in tiny pieces: members cut anywhere


@pytest.mark.parametrize(
    "data",
    [
        flagged(RECORDS, name=b"part_000.jsonl"),
        flagged(RECORDS, extra=b"ab" * 300, comment=b"made by hand"),
        flagged(RECORDS, name=b"x" * 3000, hcrc="right"),
        flagged(RECORDS, hcrc="wrong"),  # gzip skips the header CRC; so does this
        member(RECORDS[:100]) + flagged(RECORDS[100:], extra=b"e", name=b"n", comment=b"c", hcrc="right"),
    ],
    ids=["name", "extra and comment", "long name and header CRC", "header CRC wrong", "all, second member"],
)
@pytest.mark.parametrize("trickle", [None, 1, 2, 5, 11, 13, 4096])
def test_every_header_gzip_reads_is_read_cut_anywhere(data, trickle):
    """ISA-L checks a header CRC wrongly when the header comes in two reads (isal 1.9.1 refused
    such a member as corrupt), so headers are read here, as gzip reads them."""
    assert by_gzip(data)[0] == "ok"
    assert by_inflated(data, trickle=trickle) == by_gzip(data)


def test_a_read_of_nothing_inflates_nothing():
    """`max_length` 0 means no limit to isal_zlib: a read of no bytes must not inflate the member."""
    stream = Inflated(io.BytesIO(member(b"z" * (1 << 20))))
    assert stream.read(0) == b""
    assert len(stream.read()) == 1 << 20


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (member(RECORDS)[:-6], "cut short"),  # its trailer cut
        (member(RECORDS)[:300], "cut short"),  # mid-stream
        (member(RECORDS)[:5], "cut short"),  # mid-header
        (member(RECORDS) + b"junk", "bad"),  # bytes after the last member that are not one
        (member(RECORDS) + b"\x00\x00ab", "bad"),  # padding, then bytes
        (b"\x00\x00" + member(RECORDS), "bad"),  # padding before any member: not gzip
        (RECORDS, "bad"),  # a plain file
    ],
)
def test_broken_files_fail_as_gzip_fails(data, kind):
    assert by_gzip(data)[0] == kind
    assert by_inflated(data)[0] == kind


def test_a_changed_byte_is_a_checksum_mismatch_where_its_trailer_tells():
    data = bytearray(member(RECORDS))
    data[-6] ^= 1  # the CRC-32
    with pytest.raises(ChecksumMismatch):
        Inflated(io.BytesIO(bytes(data))).read()
    data = bytearray(member(RECORDS))
    data[-2] ^= 1  # the size
    with pytest.raises(ChecksumMismatch):
        Inflated(io.BytesIO(bytes(data))).read()


@settings(max_examples=150, deadline=None)
@given(
    pieces=st.lists(st.binary(max_size=3000), min_size=1, max_size=4),
    cut=st.integers(min_value=0, max_value=10_000),
    flip=st.integers(min_value=0, max_value=10_000),
    tail=st.sampled_from([b"", b"\x00", b"\x00" * 9, b"x", b"\x1f", b"\x1f\x8b"]),
    how=st.sampled_from(["whole", "cut", "flip"]),
)
# Found by this test: see test_where_isa_l_and_zlib_part_ways_gzip_s_word_holds.
@example(pieces=[b"\x00" * 4, b"\x9a\x1a\xc3\xc1"], cut=0, flip=9283, tail=b"\x00", how="flip")
def test_any_file_is_read_or_refused_as_gzip_does(pieces, cut, flip, tail, how):
    """Random members (incompressible and repetitive bytes alike), then cut short, or one bit
    flipped, or followed by padding or stray bytes: whatever gzip reads, the same bytes; whatever
    it refuses, refused the same way."""
    data = bytearray(b"".join(member(p * (1 + i % 3), level=1 + i % 9) for i, p in enumerate(pieces)) + tail)
    if how == "cut":
        data = data[: cut % (len(data) + 1)]
    elif how == "flip":
        data[flip % len(data)] ^= 1 << (flip % 8)
    expected = by_gzip(bytes(data))
    assert by_inflated(bytes(data)) == expected
    assert by_inflated(bytes(data), chunk=5, trickle=1 + flip % 13)[0] == expected[0]


def test_a_read_never_gives_more_than_asked():
    """Inflating is bounded by the reader's buffer: a gzip bomb is read a buffer at a time."""
    bomb = member(b"\n" * (8 << 20), level=9)
    stream = Inflated(io.BytesIO(bomb))
    buffer = bytearray(4096)
    sizes = {stream.readinto(buffer) for _ in range(50)}
    assert max(sizes) <= 4096


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        # A flipped bit gives the second member a name: its deflate stream starts at bytes zlib
        # refuses at once and ISA-L waits on past the file's end. Corrupt, not cut short.
        (
            "1f8b08000000000004ff6360606000001cdf4421040000001f8b08080000000000ff9b2575f8e02c2006006c483d940800000000",
            "bad",
        ),
        # One gives a member a header CRC: its deflate stream starts two bytes late, at a block
        # ISA-L refuses and zlib reads on into the file's end. Cut short, not corrupt.
        ("1f8b08020000000004ff6364a43a00009144ee7e5300000078", "cut short"),
    ],
)
@pytest.mark.parametrize("trickle", [None, 1, 7])
def test_where_isa_l_and_zlib_part_ways_gzip_s_word_holds(data, kind, trickle):
    assert by_gzip(bytes.fromhex(data))[0] == kind
    assert by_inflated(bytes.fromhex(data), trickle=trickle)[0] == kind


def test_a_stream_that_cannot_be_read_again_keeps_isa_ls_word():
    """Where the file cannot seek (a pipe), zlib cannot read the member again: a member whose
    bytes ISA-L waits on past the end is a file cut short, the one thing such a reader can say."""
    data = bytes.fromhex(
        "1f8b08000000000004ff6360606000001cdf4421040000001f8b08080000000000ff9b2575f8e02c2006006c483d940800000000"
    )

    class Pipe(Trickle):
        def seekable(self) -> bool:
            return False

    assert by_gzip(data)[0] == "bad"
    assert by_inflated(data)[0] == "bad"
    with pytest.raises(EOFError):
        Inflated(Pipe(data, 1 << 16)).read()
