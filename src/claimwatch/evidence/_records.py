"""Reading OpenAlex work and author records from the files users have, hashing the bytes as
they pass.

Three shapes are read, plain or gzipped, and each record keeps the line it starts on:

- JSON Lines: one record a line (the bulk snapshot, `claimwatch` snapshots, most dumps);
- a JSON document: an API list response `{"meta": ..., "results": [...]}`, a JSON array of
  records, or one record, pretty-printed or not;
- several such documents one after another (API pages saved a line each).

Works and authors are told apart by their ids (W..., A...), and may share a file. JSON documents
are read as a stream: a tokenising pass (strings, brackets and colons, found by one regular
expression) cuts out each record and counts the newlines before it, so memory holds one record
at a time whatever the file's size, and the line a record starts on is exact.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import hashlib
import io
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Literal

import orjson

from .. import ids
from .._gzip import open_inflated
from ..documents import NOT_UTF8, ends_inside_a_character, open_input
from ..errors import InputError, Problem
from ..works import LIST_AUTHORS_CAP, openalex_date, updated_on, year_with_a_fraction

EXPECTED_SHAPES = (
    "expected JSON Lines of work or author records, an API list response {meta, results}, "
    "a JSON array of such records or one record"
)
_NOT_WORKS = "not OpenAlex works or authors: " + EXPECTED_SHAPES
# What an OpenAlex id's letter says a record is, for a message that names what was given instead.
ENTITY_NAMES = {
    "A": "author",
    "I": "institution",
    "T": "topic",
    "S": "source",
    "P": "publisher",
    "F": "funder",
    "C": "concept",
}

# The records a file of OpenAlex records may hold, by their id's letter.
RECORD_KINDS = {"W": "work", "A": "author"}
WORKS_ONLY = "W"
WORKS_AND_AUTHORS = "WA"

Layout = Literal["jsonl", "json"]

# The largest OpenAlex work records (thousands of authors, long abstracts) are a few MiB. A line
# or a record beyond this is refused, naming its line, before it is held whole: a gzip bomb of
# one gigabyte-long line, or a single record of hundreds of megabytes, stops here.
MAX_RECORD_BYTES = 64 << 20


def _size(n: int) -> str:
    return f"{n >> 20:,} MiB" if n >= 1 << 20 and not n % (1 << 20) else f"{n:,} bytes"


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


@contextlib.contextmanager
def _decompressed(path: Path, hasher: Callable[[str], None] | None = None) -> Iterator[BinaryIO]:
    """The file's bytes, gunzipped where it is gzip (by name or by its magic bytes); the digest
    handed to `hasher` covers the whole file as stored."""
    raw_file = open_input(path)  # a regular file only: a FIFO or a device could block for ever
    with raw_file:
        reader = _HashingReader(raw_file)
        buffered = io.BufferedReader(reader, buffer_size=1 << 20)
        is_gzip = path.name.endswith(".gz") or raw_file.read(2) == b"\x1f\x8b"
        raw_file.seek(0)
        stream: BinaryIO = open_inflated(buffered) if is_gzip else buffered
        yield stream
        if hasher:
            while buffered.read(1 << 20):  # drain what gzip did not need, so the digest covers the whole file
                pass
            hasher(reader.digest.hexdigest())


def _gzip_problem(path: Path, line: int, e: BaseException) -> InputError:
    what = "truncated gzip (the file ends before its end marker)" if isinstance(e, EOFError) else f"corrupt gzip: {e}"
    return InputError(Problem(str(path), line, 0, what))


_GZIP_ERRORS = (EOFError, gzip.BadGzipFile, OSError)


def read_lines(path: Path, hasher: Callable[[str], None] | None = None) -> Iterator[tuple[int, bytes]]:
    """Numbered lines of a .jsonl or .jsonl.gz file, the last without its line break; a truncated
    or corrupt gzip, or a line longer than MAX_RECORD_BYTES, is an InputError naming the line."""
    limit = MAX_RECORD_BYTES
    with _decompressed(path, hasher) as stream:
        n = blank = 0
        held: tuple[int, bytes] | None = None  # each line is given once the next is read
        try:
            for n, line in enumerate(iter(lambda: stream.readline(limit + 1), b""), 1):
                if held is not None:
                    yield held
                    held = None
                if n == 1:
                    line = line.removeprefix(_BOM)  # a byte order mark is no part of the first record
                if len(line) > limit:
                    raise InputError(Problem(str(path), n, 0, _too_long(limit)))
                # A gzip of nothing but line breaks inflates a thousandfold and would take minutes
                # to read line by line: a long run of blank lines is no file of records.
                blank = blank + 1 if not line.strip() else 0
                if blank > MAX_BLANK_LINES:
                    raise InputError(Problem(str(path), n, 0, _too_blank()))
                held = (n, line)
        except _GZIP_ERRORS as e:
            if held is not None:
                yield held
            raise _gzip_problem(path, n + 1, e) from None
        if held is not None:
            # The last line without its line break, which only it may lack: a file cut inside its
            # last record and saved by an editor (vim, nano) that ends a file with one is cut short.
            yield held[0], held[1].removesuffix(b"\n").removesuffix(b"\r")


_BLANK_READ = 1 << 16
"""The most bytes of a file looked at for text: a file of blank lines past it is read as records."""


def holds_nothing(path: Path) -> bool:
    """Whether `path` holds nothing, once gunzipped and past a byte order mark: 0 bytes or blank
    lines alone. No API's answer (an empty one is `{"meta": ..., "results": []}` or `[]`), but
    what a download or an export that failed leaves: `curl ... | gzip > works.jsonl.gz` with no
    network writes a gzip of nothing, PowerShell's `Out-File -Encoding utf8` a mark alone. A
    corrupt gzip is not said here: reading the records says where it breaks."""
    head = opening(path, _BLANK_READ + 1)
    return head is not None and len(head) <= _BLANK_READ and not head.removeprefix(_BOM).strip()


def opening(path: Path, size: int) -> bytes | None:
    """The first `size` bytes of `path`'s text, gunzipped where it is gzip (a page saved in
    UTF-16 and gzipped is told by them as the page is); None where the gzip breaks before
    them: reading the records says where."""
    try:
        with _decompressed(path) as stream:
            return stream.read(size)
    except _GZIP_ERRORS:
        return None


MAX_BLANK_LINES = 100_000  # blank lines in a row: far more than any real file holds


def _too_blank() -> str:
    return f"more than {MAX_BLANK_LINES:,} blank lines in a row: not a file of records (a gzip bomb?)"


def _too_long(limit: int) -> str:
    return f"longer than {_size(limit)}, the limit for one record: refused before it is read whole"


SNIFF_LIMIT = MAX_RECORD_BYTES  # a first line longer than any record is read as a document, which streams


# A claimwatch JSON report begins with its "claimwatch" key: given as evidence, its "results"
# would be read as an API page's and fail on the first claim with a puzzling "'id' is None".
_A_REPORT = re.compile(rb'\A(?:\xef\xbb\xbf)?\s*\{\s*"claimwatch"\s*:')
_A_REPORT_MESSAGE = "a claimwatch report, not OpenAlex works: give the evidence it was made from (its inputs name it)"


def sniff_layout(path: Path) -> Layout:
    """'jsonl' where the first non-blank line is a work or author record, or is broken (or
    another value) in a way only a line of JSON Lines can be, so that its error names that line
    and --skip-invalid may skip it; 'json' for a document: a first line that is not a whole
    value (pretty-printed), or is a page or an array (documents a line each may follow)."""
    try:
        with _decompressed(path) as stream:
            if _A_REPORT.match(stream.peek(4096)[:4096] if hasattr(stream, "peek") else b""):
                raise InputError(Problem(str(path), 1, 1, _A_REPORT_MESSAGE))
            lines = _sniffed_lines(stream)
            first = next(lines, None)
            if first is None:
                return "jsonl"
            if first is _TOO_LONG:
                return "json"
            value = _value_of(first)
            if value is _BROKEN or _is_record(value):
                return "jsonl"
            if isinstance(value, list) or (isinstance(value, dict) and "results" in value):
                return "json"
            if not _is_record(_value_of(next(lines, b""))):
                return "json"  # a pretty-printed document, or one value that is no record
            return "json" if value is _CUT_SHORT and _an_object_may_follow(first) else "jsonl"
    except _GZIP_ERRORS as e:
        raise _gzip_problem(path, 1, e) from None


_TOO_LONG = b"(longer than any record)"
_CUT_SHORT, _BROKEN = object(), object()


def _sniffed_lines(stream: BinaryIO) -> Iterator[bytes]:
    """The non-blank lines at the file's start, the first without a byte order mark; one longer
    than any record is `_TOO_LONG`."""
    first, blank = True, 0
    for line in iter(lambda: stream.readline(SNIFF_LIMIT), b""):
        if first:
            line, first = line.removeprefix(_BOM), False
        if not line.endswith(b"\n") and len(line) >= SNIFF_LIMIT:
            yield _TOO_LONG
            return
        if line.strip():
            yield line
            blank = 0
        elif (blank := blank + 1) > MAX_BLANK_LINES:
            return  # read as JSON Lines, which refuses such a run, naming its line


def _value_of(line: bytes) -> Any:
    """The JSON value a line holds; `_CUT_SHORT` where it ends before its value does (a line of
    a pretty-printed document may), `_BROKEN` where it is broken otherwise."""
    try:
        return orjson.loads(line)
    except orjson.JSONDecodeError as e:
        return _CUT_SHORT if e.msg == "unexpected end of data" else _BROKEN


def _is_record(value: Any) -> bool:
    return isinstance(value, dict) and record_letter(value) in RECORD_KINDS


# A whole string, with what JSON allows in one: no line break.
_WHOLE_STRING = re.compile(rb'"(?:[^"\\\n]|\\.)*"')
_BRACKETS = re.compile(rb"[\[\]{}]")


def _an_object_may_follow(line: bytes) -> bool:
    """Whether JSON cut short at the end of `line` may go on with an object on the next line, as
    a document would: where a value is due (after a key's colon, an array's opening bracket or
    comma). Elsewhere (after a value, in an object awaiting a key, inside a string, which holds
    no line break) the next line's record can be no part of it: the file is no document, and
    reading it as JSON Lines names the broken line."""
    rest = _WHOLE_STRING.sub(b"0", line)  # each whole string a value that holds no quote
    if b'"' in rest:
        return False  # a string open at the line's end
    open_brackets: list[bytes] = []
    for bracket in _BRACKETS.findall(rest):
        if bracket in b"[{":
            open_brackets.append(bracket)
        elif open_brackets:
            open_brackets.pop()
    last = rest.rstrip()[-1:]
    return last in (b":", b"[") or (last == b"," and open_brackets[-1:] == [b"["])


def json_type(value: object) -> str:
    """What JSON calls a parsed value's type: 'an array', not Python's 'list'."""
    if value is None or isinstance(value, bool):
        return "null" if value is None else str(value).lower()
    names = {dict: "an object", list: "an array", str: "a string", int: "a number", float: "a number"}
    return names.get(type(value), type(value).__name__)


def record_letter(record: dict[str, Any]) -> str | None:
    """What the record's OpenAlex id says it is: 'W' a work, 'A' an author, ...; None: no id."""
    short = ids.openalex_id(record.get("id"))
    return short[0] if short else None


_WITH_ARTICLE = {"W": "a work", "A": "an author"}


def checked_record(
    record: Any, path: str, line: int, column: int = 1, kinds: str = WORKS_AND_AUTHORS
) -> dict[str, Any]:
    """`record` if it is an OpenAlex record of one of `kinds` (letters of RECORD_KINDS); else an
    InputError saying what it is."""
    if not isinstance(record, dict):
        raise InputError(Problem(path, line, column, f"expected a JSON object, found {json_type(record)}"))
    letter = record_letter(record)
    short = ids.openalex_id(record.get("id"))
    named = " or ".join(RECORD_KINDS[k] for k in kinds)
    if short and len(short) > ids.MAX_OPENALEX_DIGITS + 1:
        what = RECORD_KINDS.get(short[0], named)
        message = f"not an OpenAlex {what} record: its id has {len(short) - 1:,} digits (OpenAlex ids have at most {ids.MAX_OPENALEX_DIGITS})"
        raise InputError(Problem(path, line, column, message))
    if letter and letter in kinds:
        if letter == "W" and (fraction := year_with_a_fraction(record)):
            raise InputError(Problem(path, line, column, f"work {short} gives {fraction}"))
        return record
    if letter in ENTITY_NAMES:
        message = (
            f"an OpenAlex {ENTITY_NAMES[letter]} record ({short}), not {' or '.join(_WITH_ARTICLE[k] for k in kinds)}"
        )
        raise InputError(Problem(path, line, column, message))
    raise InputError(Problem(path, line, column, f"not an OpenAlex {named} record: 'id' is {_shown(record.get('id'))}"))


def checked_work(record: Any, path: str, line: int, column: int = 1) -> dict[str, Any]:
    """`record` if it is an OpenAlex work record; else an InputError saying what it is."""
    return checked_record(record, path, line, column, WORKS_ONLY)


def _shown(value: object, limit: int = 80) -> str:
    """A value from the file for a message: its repr, cut to `limit` characters."""
    text = repr(value) if not isinstance(value, (dict, list)) else json_type(value)
    return text if len(text) <= limit else f"{text[: limit - 1]}… ({len(text):,} characters)"


def parse_record(line: bytes, path: str, n: int, kinds: str = WORKS_ONLY) -> dict[str, Any] | None:
    """One JSONL line as an OpenAlex record of one of `kinds` (a work, by default); None for a
    blank line."""
    if not line.strip():
        return None
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError as e:
        if _cut_at_the_end(line, e):
            raise InputError(
                Problem(path, n, 1, "the record begun here is not closed at the end of the file: the file is cut short")
            ) from None
        message = NOT_UTF8 if "UTF-8" in e.msg else f"not a JSON object: {e.msg}"
        # A line cut short fails past its line break: the column is where it ends.
        column = e.colno if e.lineno == 1 else len(e.doc.split("\n", 1)[0].rstrip("\r")) + 1
        raise InputError(Problem(path, n, column, message)) from None
    return checked_record(record, path, n, 1, kinds)


def _cut_at_the_end(line: bytes, e: orjson.JSONDecodeError) -> bool:
    """Whether `line`, failing with `e`, is the file's last line cut inside its record (a download
    or copy stopped part way): only the last line lacks a line break, and it fails at its end, in
    its JSON or in the middle of a character (a UTF-8 sequence begun and not finished)."""
    return not line.endswith(b"\n") and where_cut_short(line, e) is not None


def where_cut_short(raw: bytes, e: orjson.JSONDecodeError) -> orjson.JSONDecodeError | None:
    """The error saying where JSON `raw`, failing with `e`, ends before its value does, as a copy
    or download stopped part way leaves it: `e` itself where orjson read to the end, or where the
    whole characters end where it is cut inside one (`_cut_inside_a_character`); None for JSON
    written wrong."""
    return e if e.msg == "unexpected end of data" else _cut_inside_a_character(raw)


def _cut_inside_a_character(raw: bytes) -> orjson.JSONDecodeError | None:
    """Where JSON `raw` ends in the middle of a character (a UTF-8 sequence begun and not
    finished) and its whole characters end before their value does, as a copy or download
    stopped there leaves it: the error those characters give, which says where they end. None
    for anything else (orjson says only "str is not valid UTF-8", at 1:1, of both)."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as bad:
        if ends_inside_a_character(bad):
            return _short_of_its_value(raw[: bad.start])
    return None


def _short_of_its_value(text: bytes) -> orjson.JSONDecodeError | None:
    """The error of JSON `text` that ends before its value does; None for any other text."""
    try:
        orjson.loads(text)
    except orjson.JSONDecodeError as e:
        return e if e.msg == "unexpected end of data" else None
    return None


def parse_any_record(line: bytes, path: str, n: int) -> dict[str, Any] | None:
    """One JSONL line of a file users have, as an OpenAlex work or author record; None for a
    blank line."""
    return parse_record(line, path, n, WORKS_AND_AUTHORS)


def parse_author(line: bytes, path: str, n: int) -> dict[str, Any] | None:
    """One line of a snapshot's authors file, as an OpenAlex author record; None for a blank line."""
    return parse_record(line, path, n, "A")


# --- JSON documents ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """One record (a work or an author) cut out of a JSON document: where it starts, and its
    bytes on one line."""

    n: int  # its place among the document's records, from 1
    line: int
    column: int
    text: bytes
    record: dict[str, Any]
    page: int = 0  # the API page it is a result of (the file's n-th top-level value), or 0: none


def document_records(
    path: Path,
    hasher: Callable[[str], None] | None = None,
    on_invalid: Callable[[InputError], None] | None = None,
    on_page: Callable[[dict[str, Any], int], None] | None = None,
) -> Iterator[DocumentRecord]:
    """The work and author records of a JSON document (or of documents one after another), in
    file order; each API page's `meta` goes to `on_page` where given, with the page's number,
    which its records carry (`DocumentRecord.page`): they all come before it.

    A record that is neither is an InputError naming its line, or goes to `on_invalid` where
    given (the caller skips it); a broken document (unbalanced, cut short) is always an error.
    """
    name = str(path)
    n = 0
    try:
        with _decompressed(path, hasher) as stream:
            scanner = _DocumentScanner(stream, name)
            for item in scanner.items():
                try:
                    record = _record_of(item, name)
                except InputError as e:
                    if on_invalid is None or item.kind == "page":
                        raise
                    scanner.refused()
                    on_invalid(e)
                    continue
                if record is None:
                    if on_page is not None and item.kind == "page":
                        meta = orjson.loads(item.text).get("meta")  # the shell: small, and checked above
                        on_page(meta if isinstance(meta, dict) else {}, item.page)
                    continue
                n += 1
                text = item.text if b"\n" not in item.text and b"\r" not in item.text else orjson.dumps(record)
                yield DocumentRecord(n, item.line, item.column, text, record, item.page)
    except _GZIP_ERRORS as e:
        raise _gzip_problem(path, 0, e) from None


def _record_of(item: _Item, path: str) -> dict[str, Any] | None:
    """The record an item holds; None for an API page's shell, once it has been checked."""
    try:
        value = orjson.loads(item.text)
    except orjson.JSONDecodeError as e:
        line = item.line + e.lineno - 1
        column = item.column + e.colno - 1 if e.lineno == 1 else e.colno
        raise InputError(Problem(path, line, column, f"not JSON: {e.msg}")) from None
    if item.kind == "element":
        return checked_record(value, path, item.line, item.column)
    if item.kind == "page":
        return None
    # A whole top-level object with no results list: one record, or not works at all.
    if isinstance(value, dict) and "results" in value:
        found = json_type(value["results"])
        message = f"'results' is {found}, not a list: not an OpenAlex API list response"
        raise InputError(Problem(path, item.line, item.column, message))
    if isinstance(value, dict) and "id" in value:
        return checked_record(value, path, item.line, item.column)
    raise InputError(Problem(path, item.line, item.column, _NOT_WORKS))


@dataclass(frozen=True, slots=True)
class _Item:
    # "element": an object in a top-level array or in a page's results; "page": a top-level
    # object whose results were streamed out (its shell, with "results": []); "document": any
    # other top-level object, whole.
    kind: Literal["element", "page", "document"]
    line: int
    column: int
    text: bytes
    page: int = 0  # a page, and each of its results: the number of the top-level value; else 0


# A whole string, or one structural byte; a lone quote is a string the buffer cuts short.
_TOKEN = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"|[{}\[\]:"]', re.DOTALL)
_BLANK = b" \t\r\n"
_SEPARATORS = b" \t\r\n,"
_STRING_BODY = re.compile(rb'(?:[^"\\]+|\\.)*', re.DOTALL)  # a string's bytes up to its closing quote
_CHUNK = 1 << 20
_BOM = b"\xef\xbb\xbf"
_UNCLOSED_STRING = (
    "a string begun here runs past the end of its line: a quote is missing here "
    "(a line break in a string is written \\n)"
)
_NOT_AN_OBJECT = "expected a JSON object (a work or author record), found {found}"
_QUOTE, _COLON, _OPEN_OBJECT, _OPEN_ARRAY = b'":{['


class _DocumentScanner:
    """Cuts top-level JSON values, and the objects inside a top-level array or a page's
    `results`, out of a byte stream, with the line and column each starts at.

    It checks structure (brackets balance, nothing but separators between elements) and leaves
    the rest of JSON's grammar to orjson, which parses each piece it cuts out.
    """

    def __init__(self, stream: BinaryIO, path: str):
        self.stream, self.path = stream, path
        self.buf = b""
        self.base, self.line, self.col = 0, 1, 0  # buf[base] is at this line and (0-based) column
        self.stack: list[int] = []  # the open brackets, as byte values ({ or [)
        self.gap = 0  # where the bytes since the last value (to be only separators) began
        self.element_depth = 0  # depth whose objects are cut out: 1 in a top array, 2 in results
        self.element: tuple[int, int, int] | None = None  # start, line, column of the one being read
        self.top = (0, 0)  # line, column of the top-level value being read
        self.tops = 0  # top-level values begun: the one being read is the tops-th
        self.shell: list[bytes] = []  # a top-level object's bytes, its results left out
        self.shell_from = -1  # where the part of the shell not yet in `shell` starts
        self.paged = False  # the top-level object's results were cut out
        self.key: bytes | None = None  # a key at depth 1 just followed by ':'
        self.last_string: bytes | None = None
        self.open_string: int | None = None  # how far a string cut short is known to run
        self.suspect: tuple[int, int] | None = None  # where a string holding a line break began
        self.closed_suspect: tuple[int, int] | None = None  # the suspect of the value last given

    def where(self, pos: int) -> tuple[int, int]:
        """Line and 1-based column of buf[pos]; positions are asked for in increasing order."""
        newlines = self.buf.count(b"\n", self.base, pos)
        if newlines:
            self.line += newlines
            self.col = pos - self.buf.rfind(b"\n", self.base, pos) - 1
        else:
            self.col += pos - self.base
        self.base = pos
        return self.line, self.col + 1

    def fail(self, pos: int, message: str) -> InputError:
        if self.suspect is not None:
            return self._blame_suspect()
        line, column = self.where(max(pos, self.base))
        return InputError(Problem(self.path, line, column, message))

    def _blame_suspect(self) -> InputError:
        assert self.suspect is not None
        return InputError(Problem(self.path, *self.suspect, _UNCLOSED_STRING))

    def check_gap(self, end: int, allowed: bytes, message: str) -> None:
        """Only `allowed` bytes between the last value and `end`; else `message` where one is not."""
        gap = self.buf[self.gap : end]
        junk = len(gap) - len(gap.lstrip(allowed))
        if junk < len(gap):
            found = gap[junk:].split(b",")[0].strip()[:20].decode("utf-8", "replace")
            raise self.fail(self.gap + junk, message.replace("{found}", found))

    def items(self) -> Iterator[_Item]:
        pos, eof, first = 0, False, True
        stop = 0
        while not eof:
            chunk = self.stream.read(_CHUNK)
            eof = not chunk
            if first and chunk.startswith(_BOM):
                chunk = chunk[len(_BOM) :]
            first = False
            self.buf += chunk
            if len(self.buf) + sum(map(len, self.shell)) > MAX_RECORD_BYTES + _CHUNK:
                raise self._outgrown()
            if self.open_string is not None and not eof:
                # A long string cut short: look for its end in the new bytes only, not again
                # from its start (which made a string of hundreds of megabytes quadratic).
                body = _STRING_BODY.match(self.buf, self.open_string)
                assert body is not None  # the pattern matches the empty string, so always
                self.open_string = body.end()
                if self.open_string == len(self.buf) or self.buf[self.open_string] != _QUOTE:
                    continue
                self.open_string = None
            stop = len(self.buf)
            for m in _TOKEN.finditer(self.buf, pos):
                start, end = m.span()
                c = self.buf[start]
                if c == _QUOTE:
                    if end - start == 1:
                        stop = start  # a string the buffer cuts short: read on
                        self.open_string = start + 1
                        break
                    self._string(m.group(), start)
                elif c == _COLON:
                    if self.last_string is not None and len(self.stack) == 1:
                        self.key, self.last_string = self.last_string, None
                elif c in (_OPEN_OBJECT, _OPEN_ARRAY):
                    self._open(c, start, len(self.stack))
                elif (item := self._close(c, start, end)) is not None:
                    yield item
            if not eof:
                pos = self._trim(stop)
        if stop < len(self.buf):
            # A line break at the end is passed over, as `json_cut_short` passes it over: an editor
            # (vim, nano) that saved the file cut short ended it with one.
            if b"\n" in self.buf[stop:].removesuffix(b"\n").removesuffix(b"\r"):
                raise self.fail(stop, _UNCLOSED_STRING)
            raise self.fail(stop, "a string runs to the end of the file: the file is cut short")
        if self.stack:
            if self.suspect is not None:
                raise self._blame_suspect()
            message = "the JSON value begun here is not closed at the end of the file: the file is cut short"
            raise InputError(Problem(self.path, self.top[0], self.top[1], message))
        self.check_gap(len(self.buf), _BLANK, _NOT_WORKS)

    def _outgrown(self) -> InputError:
        """The record (or the run of bytes between records) being read outgrew the limit."""
        if self.suspect is not None:
            return self._blame_suspect()  # a quote missing made one string of the records after it
        if self.element is not None:
            line, column = self.element[1], self.element[2]
        elif self.stack:
            line, column = self.top
        else:
            line, column = self.where(max(self.gap, self.base))
        return InputError(Problem(self.path, line, column, _too_long(MAX_RECORD_BYTES)))

    def _string(self, tok: bytes, start: int) -> None:
        if b"\n" in tok and self.suspect is None:
            # A line break in a string: written raw in a record (orjson refuses that record, and
            # --skip-invalid skips it), or a quote missing, after which every quote pairs up
            # wrongly and the structure fails lines below. Such a failure blames this string.
            self.suspect = self.where(start)
        depth = len(self.stack)
        if depth == 0:
            raise self.fail(start, _NOT_WORKS)
        if self.element is None and depth == self.element_depth:
            raise self.fail(start, "expected a JSON object (a work or author record), found a string")
        if depth == 1:
            self.key, self.last_string = None, tok

    def _open(self, c: int, start: int, depth: int) -> None:
        if depth == 0:
            self.check_gap(start, _BLANK, _NOT_WORKS)
            self.top = self.where(start)
            self.tops += 1
            is_object = c == ord("{")
            self.shell, self.shell_from, self.paged = [], start if is_object else -1, False
            self.element_depth = 0 if is_object else 1
            self.gap = start + 1
        elif depth == self.element_depth and self.element is None:
            self.check_gap(start, _SEPARATORS, _NOT_AN_OBJECT)
            if c == ord("["):
                raise self.fail(start, "expected a JSON object (a work or author record), found an array")
            line, column = self.where(start)
            self.element = (start, line, column)
        elif depth == 1 and c == ord("[") and self.key == b'"results"' and self.stack[0] == ord("{"):
            self.shell.append(self.buf[self.shell_from : start + 1])  # the shell keeps "results": [
            self.shell_from, self.paged = -1, True
            self.element_depth, self.gap = 2, start + 1
        if depth == 1:
            self.key = self.last_string = None
        self.stack.append(c)

    def _close(self, c: int, start: int, end: int) -> _Item | None:
        if not self.stack or self.stack[-1] != (ord("{") if c == ord("}") else ord("[")):
            raise self.fail(start, f"unexpected '{chr(c)}'")
        self.stack.pop()
        depth = len(self.stack)
        item = None
        if self.element is not None and depth == self.element_depth:
            first, line, column = self.element
            page = self.tops if self.element_depth == 2 else 0  # a result of the page being read
            item = _Item("element", line, column, self.buf[first:end], page)
            self.element, self.gap = None, end
        elif self.element_depth and depth == self.element_depth - 1:
            self.check_gap(start, _SEPARATORS, _NOT_AN_OBJECT)
            if self.element_depth == 2:
                self.shell_from = start  # after the results, the rest of the page is shell again
            self.element_depth = 0
        if depth == 1:
            self.key = self.last_string = None
        elif depth == 0:
            if c == ord("}"):
                self.shell.append(self.buf[self.shell_from : end])
                kind: Literal["page", "document"] = "page" if self.paged else "document"
                item = _Item(kind, *self.top, b"".join(self.shell), self.tops if self.paged else 0)
            self.shell, self.shell_from, self.gap = [], -1, end
        if item is not None:  # the value closed: orjson judges its strings
            self.closed_suspect, self.suspect = self.suspect, None
        return item

    def refused(self) -> None:
        """The value last given was not a record: a string in it that held a line break may be
        where a quote is missing, whose wrong pairing closed it (found in review)."""
        if self.suspect is None:
            self.suspect = self.closed_suspect

    def _trim(self, stop: int) -> int:
        """Drop the bytes nothing will look at again; where to read on, in the shortened buffer."""
        if self.shell_from >= 0:  # the shell so far leaves the buffer for its list
            self.shell.append(self.buf[self.shell_from : stop])
            self.shell_from = stop
        awaiting = self.element is None and len(self.stack) in (0, self.element_depth)
        keep = min(stop, self.element[0] if self.element else stop, self.gap if awaiting else stop)
        if keep > self.base:
            self.where(keep)
        self.buf = self.buf[keep:]
        self.base -= keep
        self.gap = max(self.gap - keep, 0)
        if self.shell_from >= 0:
            self.shell_from -= keep
        if self.element is not None:
            self.element = (self.element[0] - keep, self.element[1], self.element[2])
        if self.open_string is not None:
            self.open_string -= keep
        return stop - keep


def _file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open_input(path) as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def subjects_of(
    record: dict[str, Any], subjects: frozenset[str], start: dt.date | None = None, end: dt.date | None = None
) -> frozenset[str]:
    """Which of `subjects` (OpenAlex institution ids) the work is by: an authorship's institution
    is one, or has one in its lineage, as a works filter on lineage finds them. Only a work that
    may be published within start..end counts (one with no date may be, so it counts)."""
    return subjects_in_period(record, routes_to(record, subjects), start, end)


def routes_to(record: dict[str, Any], subjects: frozenset[str]) -> frozenset[str]:
    """How the work reaches each of `subjects` it is by, whatever its date, as "SUBJECT INSTITUTION":
    the authorship's institution whose id or lineage holds the subject (the subject itself where
    it is named; "-" for an institution with no id). A file whose works reach a parent through
    one child alone is that child's works, not all of the parent's."""
    if not subjects:
        return _NONE
    found: set[str] = set()
    people = record.get("authorships")
    for a in people if isinstance(people, list) else ():
        places = a.get("institutions") if isinstance(a, dict) else None
        for place in places if isinstance(places, list) else ():
            if not isinstance(place, dict):
                continue
            own = place.get("id")
            lineage = place.get("lineage")
            for raw in (own, *(lineage if isinstance(lineage, list) else ())):
                short = ids.openalex_id(raw) if isinstance(raw, str) else None
                if short in subjects:
                    named = ids.openalex_id(own) if isinstance(own, str) else None
                    found.add(f"{short} {named or '-'}")
    if not found:
        return _NONE
    routes = frozenset(found)
    return _SHARED.setdefault(routes, routes)  # an import keeps one per work: millions, of a few kinds


def subjects_in_period(
    record: dict[str, Any], routes: frozenset[str], start: dt.date | None, end: dt.date | None
) -> frozenset[str]:
    """The subjects the work reaches (`routes_to`), where it may be published within start..end."""
    if not routes:
        return _NONE
    if start or end:
        published = openalex_date(record)  # a 1 January date is its year, as the evaluator reads it
        if published and ((start and published.latest < start) or (end and published.earliest > end)):
            return _NONE
    hits = frozenset(route.split(" ", 1)[0] for route in routes)
    return _SHARED.setdefault(hits, hits)


_NONE: frozenset[str] = frozenset()
_SHARED: dict[frozenset[str], frozenset[str]] = {}


@dataclass(frozen=True, slots=True)
class WorkAuthors:
    """Who wrote a work, as far as OpenAlex names them: the distinct author ids (A...) of its
    authorships, how many authorships name no author (no record can be asked for those), and
    whether its author list was cut (`truncated`, as `authors_cut` tells): the authors past the
    cut are named nowhere."""

    ids: frozenset[str] = frozenset()
    unnamed: int = 0
    truncated: bool = False


NO_AUTHORS = WorkAuthors()


def authors_cut(record: dict[str, Any]) -> bool:
    """Whether the record's author list was cut, as API list responses cut it at 100: flagged
    (`is_authors_truncated`), or, where the record does not say (a `select` may leave the flag
    out), holding exactly the cap. A record that says `false` is taken at its word: the bulk
    snapshot gives works their whole author lists."""
    flag = record.get("is_authors_truncated")
    if isinstance(flag, bool):
        return flag
    people = record.get("authorships")
    return isinstance(people, list) and len(people) == LIST_AUTHORS_CAP


def authors_of(record: dict[str, Any]) -> WorkAuthors:
    """The authors a work record's authorships name."""
    found: set[str] = set()
    unnamed = 0
    people = record.get("authorships")
    for a in people if isinstance(people, list) else ():
        author = a.get("author") if isinstance(a, dict) else None
        raw = author.get("id") if isinstance(author, dict) else None
        short = ids.openalex_id(raw) if isinstance(raw, str) else None
        if short and short[0] == "A" and len(short) <= ids.MAX_OPENALEX_DIGITS + 1:
            found.add(short)
        else:
            unnamed += 1
    return WorkAuthors(frozenset(found), unnamed, authors_cut(record))


# --- copies of one record -------------------------------------------------------------------------
# One id given by more than one record (two exports joined, an old snapshot beside a new one):
# which of them is the work now. The import keeps what a check of the same records weighs
# (evaluate/_copies.py), so that importing them first changes no verdict.


def updated_day(updated: str | None) -> str | None:
    """The day of an `updated_date` (interned: a few days stand for millions of records), or None
    where it gives no real day ("2025-13-45" is none: it cannot outrank a real one). A day, not the
    time: two copies of one day are of one age, weighed as of unknown order. The day
    `works.updated_on` reads, as text."""
    return sys.intern(updated[:10]) if updated and updated_on(updated) else None


def newest_day(copies: Iterable[tuple[str | None, bool]]) -> str | None:
    """Of copies given as (day, whether it names an author): the day the newest copy that names
    an author was updated; where none names one with a day, the newest copy's. A copy that lost
    its authors cannot show who wrote the work, so it is never the newest that sets the others
    aside."""
    days = list(copies)
    authored = [d for d, authors in days if authors and d is not None]
    return max(authored) if authored else max((d for d, _ in days if d is not None), default=None)


def copy_stands(day: str | None, authors: bool, newest: str | None) -> bool:
    """A copy of unknown age stands; so does the newest, and a copy with no author that is no
    older than it (of unknown order beside it: it may be what the work is now)."""
    if day is None or newest is None:
        return True
    return day == newest if authors else day >= newest
