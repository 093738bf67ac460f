"""claimwatch._gzip: gzip files read with ISA-L's inflate, held to what the standard library's
gzip module reads and refuses: the same bytes, or the same kind of failure."""

from __future__ import annotations

import gzip
import io
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch._gzip import BadGzipFile, ChecksumMismatch, Inflated, open_inflated


def by_gzip(data: bytes) -> tuple[str, bytes]:
    try:
        return "ok", gzip.GzipFile(fileobj=io.BytesIO(data), mode="rb").read()
    except EOFError:
        return "cut short", b""
    except (gzip.BadGzipFile, zlib.error):
        return "bad", b""


def by_inflated(data: bytes, chunk: int = 1 << 16) -> tuple[str, bytes]:
    stream = open_inflated(io.BytesIO(data), buffer_size=chunk)
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
    assert by_inflated(data, chunk=7) == by_gzip(data)  # read in tiny pieces, members cut anywhere


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
    assert by_inflated(bytes(data), chunk=5)[0] == expected[0]


def test_a_read_never_gives_more_than_asked():
    """Inflating is bounded by the reader's buffer: a gzip bomb is read a buffer at a time."""
    bomb = member(b"\n" * (8 << 20), level=9)
    stream = Inflated(io.BytesIO(bomb))
    buffer = bytearray(4096)
    sizes = {stream.readinto(buffer) for _ in range(50)}
    assert max(sizes) <= 4096
