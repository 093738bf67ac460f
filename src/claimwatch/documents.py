"""Reading the analyst's YAML files safely, with the position of every node, and checking them
against the JSON Schemas shipped in the package.

YAML is composed here from libyaml's event stream rather than by PyYAML's recursive composer,
so that alias bombs, deep nesting, duplicate keys and huge files are refused early, in bounded
time and memory, with a line and column. Timestamps stay strings: dates are parsed later, where
an impossible one (month 13) can be reported with its position.
"""

from __future__ import annotations

import codecs
import difflib
import errno
import heapq
import json
import math
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO, NoReturn

import jsonschema
import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from . import countries, ids
from ._json import json_cut_short as json_cut_short  # the one rule, a server's answer's too
from .errors import (
    LINKS_IN_A_LOOP,
    TEXT_CUT_SHORT,
    InputError,
    Problem,
    cut_or_another_encoding,
    line_and_column,
    utf16_problem,
)
from .errors import NOT_UTF8 as NOT_UTF8  # the one wording, a claimwatch.toml's too
from .errors import ends_inside_a_character as ends_inside_a_character  # the one test, for every reader

# libyaml is much faster; PyYAML's pure-Python parser (where PyYAML was built without it) is
# the same grammar.
_EventLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_C_READER = _EventLoader is not yaml.SafeLoader

MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 1_000_000  # counts every alias expansion, so a billion-laughs file stops here
# A claim, topic or curated file is written by hand: a quarter of a million values (keys and
# aliases expanded included) is far past any real one, and reads in about two seconds. Lists,
# which importers write from whole sanctions lists, keep MAX_NODES.
MAX_VALUES = 250_000
# At most this many problems of one file are reported; the rest are counted in one last line,
# so a file wrong in every entry gives a screenful, not a million lines.
MAX_PROBLEMS = 100

Path_ = tuple[Any, ...]


class TooManyValues(InputError):
    """A YAML text past the values a file may hold (`max_values`, every alias expansion counted)."""


@dataclass
class Document:
    """A YAML file's data as plain Python, and where each value and key stands in the file."""

    path: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    sha256: str = ""
    # The text of each unquoted value YAML read as no text (`no` as false, `~` as empty), so a
    # value refused for not being text is told as the analyst wrote it, not as `False`; and of
    # each read as text that YAML 1.2 reads as a number (`028`), said where a number is wanted.
    plain_texts: dict[Path_, str] = field(default_factory=dict)

    def position(self, path: Path_) -> tuple[int, int]:
        """The position of the value at `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def key_position(self, path: Path_) -> tuple[int, int]:
        return self.key_positions.get(tuple(path)) or self.position(path)

    def problem(self, path: Path_, message: str, *, at_key: bool = False) -> Problem:
        line, column = self.key_position(path) if at_key else self.position(path)
        return Problem(self.path, line, column, message)


# The top-level keys only one kind of file has, in the order they are looked for, with the kind's
# name and where such a file goes (validate.py tells a file's kind by the same keys).
_KIND_KEYS = (
    ("entries", "a reference list", "a claim finds its lists by id in evidence/lists/ (or --lists DIR)"),
    ("works", "curated evidence", "give it with --evidence"),
    ("people", "curated evidence", "give it with --evidence"),
    ("reviews", "a reviews file", "check reads the case's reviews.yaml, or the one --reviews names"),
    ("statement", "a claim file", "give claim files as the command's arguments"),
    ("claims", "a claim file", "give claim files as the command's arguments"),
    ("phrases", "a topic", "a claim finds its topics by id in claims/topics/"),
    # A report `check --json` wrote, kept beside the case's files: its version key comes first.
    ("claimwatch", "a claimwatch JSON report", "claimwatch diff compares two of them"),
)


_TOP_LEVEL_KEY = re.compile(rb"^([a-z]+)[ \t]*:", re.MULTILINE)


def kind_by_its_keys(head: bytes) -> str | None:
    """The kind of case file ("a claim file", "a reference list", ...) the first top-level key of
    `head`, a file's first bytes, that only one kind has says, or None: read where the file is
    not parsed as YAML at all (a claim file given to `claimwatch diff` as a report)."""
    named = {key: kind for key, kind, _ in _KIND_KEYS if key not in ("phrases", "claimwatch")}
    keys = [m[1].decode() for m in _TOP_LEVEL_KEY.finditer(head)]
    if "phrases" in keys and "rationale" in keys:
        named["phrases"] = "a topic"
    return next((named[k] for k in keys if k in named), None)


def another_kind(doc: Document, kind: str, own_keys: tuple[str, ...]) -> Problem | None:
    """One line where a file read as `kind` (whose top-level keys are `own_keys`) holds none of
    them and a key only another kind of file has: a list or a claim file given as evidence,
    curated evidence given as claims. Every key the schema would refuse says less."""
    if not isinstance(doc.data, dict) or any(key in doc.data for key in own_keys):
        return None
    for key, named, goes in _KIND_KEYS:
        if key in doc.data and named != kind and (key != "phrases" or "rationale" in doc.data):
            line, column = doc.key_position((key,))
            return Problem(doc.path, line, column, f"{named} (its '{key}:' key), not {kind}: {goes}")
    return None


_NOT_REGULAR = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


def open_input(path: str | Path) -> BinaryIO:
    """A file the user gave, opened for reading; anything but a regular file is refused in one
    line naming it. A named pipe or a device given as a claim, list or evidence file would block
    for ever or never end, so it is opened without blocking and looked at before a byte is read
    (no window between a check and the open for it to be swapped in)."""
    where = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(Problem(where, 0, 0, "no such file")) from None
    except IsADirectoryError:
        raise InputError(Problem(where, 0, 0, "is a folder, not a file")) from None
    except PermissionError:
        raise InputError(Problem(where, 0, 0, "permission denied")) from None
    except OSError as e:
        if e.errno == errno.ELOOP:  # `diff`, `lists show`: "cannot read: Too many levels of symbolic links"
            raise InputError(Problem(where, 0, 0, LINKS_IN_A_LOOP)) from None
        raise InputError(Problem(where, 0, 0, f"cannot read: {e.strerror or e}")) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError(Problem(where, 0, 0, "is a folder, not a file"))
        if not stat.S_ISREG(mode):
            kind = _NOT_REGULAR.get(stat.S_IFMT(mode), "not a regular file")
            raise InputError(
                Problem(where, 0, 0, f"is {kind}, not a regular file: refused, as reading it may never end")
            )
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_text(path: str | Path, *, max_bytes: int = MAX_BYTES) -> tuple[str, str]:
    """The file's text and sha256, refusing what is too big, empty, not UTF-8 or not a regular file."""
    import hashlib

    try:
        with open_input(path) as f:
            size = os.fstat(f.fileno()).st_size
            if size > max_bytes:
                raise InputError(Problem(str(path), 0, 0, f"file is {size:,} bytes; the limit is {max_bytes:,}"))
            raw = f.read(max_bytes + 1)  # one byte past the limit: the file may grow as it is read
    except OSError as e:
        raise InputError(Problem(str(path), 0, 0, f"cannot read: {e.strerror or e}")) from None
    if len(raw) > max_bytes:
        raise InputError(Problem(str(path), 0, 0, f"more than {max_bytes:,} bytes; the limit is {max_bytes:,}"))
    if wide := utf16_problem(path, raw):
        raise InputError(wide)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        if ends_inside_a_character(e):
            raise InputError(_cut_short_or_another_encoding(path, raw, e.start)) from None
        if json_cut_inside_a_character_then_saved(raw):
            raise InputError(Problem(str(path), 0, 0, _CUT_SHORT_THEN_SAVED)) from None
        raise InputError(not_utf8(path, raw, e.start)) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError(Problem(str(path), 0, 0, "file is empty"))
    return text, hashlib.sha256(raw).hexdigest()


def json_cut_inside_a_character_then_saved(raw: bytes) -> bool:
    """Whether JSON `raw` is cut inside a character (a UTF-8 sequence begun and not finished), then
    saved by an editor that ends a file with a line break (vim, nano), as `json_cut_short` passes
    over one: a JSON document ends in a bracket or a scalar, never in a letter past ASCII, so the
    bytes are cut, not another encoding's, which they were said to be ("not UTF-8 text")."""
    before = raw.removesuffix(b"\n").removesuffix(b"\r")
    if before == raw or not raw.removeprefix(codecs.BOM_UTF8).lstrip().startswith((b"{", b"[")):
        return False
    try:
        before.decode("utf-8")
    except UnicodeDecodeError as e:
        return ends_inside_a_character(e)
    return False


def _cut_short_or_another_encoding(path: str | Path, raw: bytes, start: int) -> Problem:
    """`raw` ending in a character begun at byte `start` and not finished: cut short where it is
    a JSON document (which cannot end there whole), else as `cut_or_another_encoding` tells."""
    if raw[:start].lstrip().startswith((b"{", b"[")):
        return Problem(str(path), 0, 0, TEXT_CUT_SHORT)
    return cut_or_another_encoding(path, raw, start)


_CUT_SHORT_THEN_SAVED = (
    "the file ends in the middle of a character, but for a line break after it: it is cut short (a copy or "
    "download stopped part way?)"
)


def not_utf8(path: str | Path, raw: bytes, start: int) -> Problem:
    """The problem for `raw` (a file's bytes) failing to decode at byte `start`, with its place;
    a compressed file is said to be one (saving it "as UTF-8" would not help)."""
    if raw.startswith(b"\x1f\x8b"):
        return Problem(str(path), 0, 0, "a gzip file, not text: unpack it first (gunzip)")
    if raw.startswith(b"PK\x03\x04"):
        return Problem(str(path), 0, 0, "a zip archive, not text: unpack it first")
    line, column = line_and_column(raw, start)
    return Problem(str(path), line, column, NOT_UTF8)


def load_yaml(path: str | Path, *, max_bytes: int = MAX_BYTES, max_values: int | None = None) -> Document:
    """A YAML file the user gave, within `max_bytes` and `max_values` (MAX_VALUES by default)."""
    text, digest = read_text(path, max_bytes=max_bytes)
    doc = parse_yaml(text, str(path), max_values=MAX_VALUES if max_values is None else max_values)
    doc.sha256 = digest
    return doc


def parse_yaml(text: str, path: str = "<string>", *, max_values: int | None = None) -> Document:
    """Compose one YAML document from events, with positions; every limit is a Problem.
    `max_values` (MAX_NODES by default) bounds the values, every alias expansion counted."""
    composer = _Composer(path, MAX_NODES if max_values is None else max_values, text)
    try:
        for event in yaml.parse(text, Loader=_EventLoader):
            composer.feed(event)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        composer.check_depth_scanned_ahead(text, mark.index if mark else len(text))
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        msg = e.problem or e.context or "invalid YAML"
        raise InputError(Problem(path, line, column, f"not valid YAML: {msg}")) from None
    except yaml.reader.ReaderError as e:  # a character YAML does not allow: said at its place
        # libyaml counts the UTF-8 bytes before it; PyYAML's own reader, the characters.
        before = text.encode("utf-8")[: e.position].decode("utf-8", "ignore") if _C_READER else text[: e.position]
        line, column = line_and_column(before, len(before))
        raise InputError(
            Problem(path, line, column, f"not valid YAML: character U+{e.character:04X} is not allowed in YAML")
        ) from None
    except yaml.YAMLError as e:
        raise InputError(Problem(path, 0, 0, f"not valid YAML: {_one_line(str(e))}")) from None
    if composer.documents == 0 or composer.result is None:
        raise InputError(Problem(path, 0, 0, "file holds no YAML data"))
    return Document(path, composer.result, composer.positions, composer.key_positions, plain_texts=composer.plain_texts)


def _flow_opening_past(text: str, start: int, stop: int, depth: int) -> int | None:
    """The index of the '[' or '{' in text[start:stop] that nests deeper than MAX_DEPTH, if any.

    `depth` is the nesting at `start`. Brackets count only where YAML reads them as flow
    indicators: inside a flow collection, or where a block value begins; never in quotes, in a
    comment, or inside a plain scalar of block context.
    """
    flow = 0  # open flow collections seen in this stretch
    value_may_start = True  # in block context: only blanks since the line, ':', '-' or '?'
    quote = ""
    i = start
    while i < stop:
        ch = text[i]
        if quote:
            if ch == "\\" and quote == '"':
                i += 1
            elif ch == quote:
                if quote == "'" and text[i + 1 : i + 2] == "'":
                    i += 1
                else:
                    quote = ""
        elif ch == "#" and (i == 0 or text[i - 1] in " \t\n"):
            end = text.find("\n", i, stop)
            i = stop if end < 0 else end
            continue
        elif ch in "\"'" and (flow or value_may_start):
            quote = ch
        elif ch in "[{" and (flow or value_may_start):
            flow += 1
            depth += 1
            if depth > MAX_DEPTH:
                return i
        elif ch in "]}" and flow:
            flow -= 1
            depth -= 1
        elif not flow:
            value_may_start = ch in " \t\n:-?"
        i += 1
    return None


def _mark(event: yaml.Event, *, end: bool = False) -> Any:
    """Where an event starts (or ends): the parser gives every event both marks."""
    mark = event.end_mark if end else event.start_mark
    assert mark is not None
    return mark


def _one_line(text: str) -> str:
    return " ".join(text.split())


# Numbers YAML 1.1 (PyYAML, this reader) and YAML 1.2 (editors' YAML servers, most other
# tools) read apart: 012 is 10 here and 12 there; 1_0, 1:30 and 0b11 are numbers here and text
# there. `at_most: 012` was checked as at most 10 while the analyst, and their editor, read 12.
_YAML11_OCTAL = re.compile(r"^[-+]?0[0-7_]+$")
_YAML11_ONLY = re.compile(r"^[-+]?(?:0b[01_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|[0-9._]*_[0-9._]*)$")


def _yaml11_number(text: str, value: object) -> str | None:
    """Why the unquoted `text`, read as the number `value`, is refused: YAML 1.2 reads it
    otherwise, so what it means depends on the reader. None where both read it alike."""
    quoted = f"or '{text}' in quotes for text"
    if _YAML11_OCTAL.match(text) and value != int(text.replace("_", "")):
        return f"{text} is read by YAML 1.1 as the octal number {value} and by YAML 1.2 as {int(text)}: write the number meant without its leading 0, {quoted}"
    if _YAML11_ONLY.match(text):
        return f"{text} is read by YAML 1.1 as the number {value} and by YAML 1.2 as text: write {value} if that is meant, {quoted}"
    return None


# What YAML 1.2's core schema reads as a number and YAML 1.1 (this reader) as text: a leading 0
# before an 8 or 9 (028), 0o octal, an exponent without a dot or a sign (1e3, 1.0e3), a dot after a
# sign (-.5). Kept as text where text is wanted (a postal code 02139, as claimwatch's own list
# files write it); said where a number is: `at_most: 028` was "expects must be ..." where the
# analyst's editor read 28.
_YAML12_NUMBER = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$")


# Python's default limit on the digits int() converts to or from text: no count, year or id a
# file of a case holds comes near it, and a number past it could be neither read nor shown.
MAX_NUMBER_DIGITS = 4300
_TOO_BIG = 10**MAX_NUMBER_DIGITS
TOO_MANY_DIGITS = f"a number of more than {MAX_NUMBER_DIGITS:,} digits, more than claimwatch reads"


# A JSON string, skipped whole (digits in it are text), or an integer of more digits than Python
# converts: json.loads refuses it with a bare ValueError, which says no place.
_JSON_STRING_OR_LONG_INTEGER = re.compile(
    r'"[^"\\]*(?:\\.[^"\\]*)*"|(?<![0-9.eE+-])(?P<integer>-?[0-9]{' + str(MAX_NUMBER_DIGITS + 1) + r",}+)(?![.eE])"
)


JSON_CUT_SHORT = "the file ends before the JSON in it does: it is cut short (a copy or download stopped part way?)"


def long_json_integer_at(text: str) -> tuple[int, int]:
    """The line and column (from 1) of the first integer in the JSON `text` of more digits than
    Python converts, outside strings, as json.loads's errors count them; (0, 0) where none is."""
    for match in _JSON_STRING_OR_LONG_INTEGER.finditer(text):
        if match["integer"] is not None:
            at = match.start()
            return line_and_column(text, at)
    return 0, 0


def _too_many_digits(text: str) -> bool:
    return len(text) > MAX_NUMBER_DIGITS and sum(c.isdigit() for c in text) > MAX_NUMBER_DIGITS


def _cut(text: str, limit: int = 80) -> str:
    """`text` as a message shows it: at most `limit` characters, a cut marked."""
    return text if len(text) <= limit else f"{text[:limit]}…"


def _yaml12_number(text: str) -> int | float | None:
    """The number YAML 1.2 reads the unquoted `text` as, where YAML 1.1 reads text; else None,
    and None for a number of more digits than a number here may have (it stays text)."""
    if not text or text[0] not in "0123456789+-." or not _YAML12_NUMBER.match(text):
        return None
    if _too_many_digits(text):
        return None
    if text.startswith("0o"):
        return int(text, 0)
    if text.lstrip("+-").isdigit():  # whole, read exactly: 09007199254740993 is no float's
        return int(text)
    number = float(text)
    if not math.isfinite(number):  # 1e400: YAML 1.2 reads infinity, which no count is
        return None
    return int(number) if number.is_integer() else number


# The line breaks YAML 1.1 reads (libyaml and PyYAML alike), for marks' line numbers.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
# After an unquoted value: white space, then '#' against a character other than a space or '#'.
_CUT_BY_COMMENT = re.compile(r"[ \t]+(#[^\s#])")

_SCALAR_CONSTRUCTOR = yaml.SafeLoader("")
_RESOLVER = yaml.resolver.Resolver()
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_INT = "tag:yaml.org,2002:int"


class _Composer:
    """Builds Python values from parser events with explicit stacks (no recursion)."""

    def __init__(self, path: str, max_values: int = MAX_NODES, text: str = ""):
        self.path = path
        self.text = text
        self.has_hash = "#" in text  # once: a test per value would scan a large list's text each time
        self._lines: list[str] | None = None  # the text's lines, split when a '#' needs them
        self.max_values = max_values
        self.stack: list[dict[str, Any]] = []
        self.anchors: dict[str, tuple[Any, int, int]] = {}  # value, values in it, its depth
        self.positions: dict[Path_, tuple[int, int]] = {}
        self.key_positions: dict[Path_, tuple[int, int]] = {}
        self.plain_texts: dict[Path_, str] = {}
        self.nodes = 0
        self.documents = 0
        self.result: Any = None
        self.last_event: yaml.Event | None = None

    def check_depth_scanned_ahead(self, text: str, stop: int) -> None:
        """Our depth limit, over what libyaml read ahead of its last event before it failed.

        libyaml scans up to a line (at most 1,024 characters) ahead of the events it gives, and
        has a nesting limit of its own in some releases: a line of 1,000 '[' fails inside
        libyaml before this composer sees the 65th. The project's limit comes first whatever
        libyaml's is, so the flow collections opened in that stretch are counted here.
        """
        start = _mark(self.last_event, end=True).index if self.last_event is not None else 0
        where = _flow_opening_past(text, start, min(stop + 1, len(text)), len(self.stack))
        if where is not None:
            line, column = line_and_column(text, where)
            raise InputError(Problem(self.path, line, column, f"nested more than {MAX_DEPTH} levels deep"))

    def fail(self, event: yaml.Event, message: str) -> NoReturn:
        m = _mark(event)
        raise InputError(Problem(self.path, m.line + 1, m.column + 1, message))

    def feed(self, event: yaml.Event) -> None:
        self.last_event = event
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.fail(event, "a file holds one YAML document; found a second '---'")
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(self.stack) >= MAX_DEPTH:
                self.fail(event, f"nested more than {MAX_DEPTH} levels deep")
            plain = "tag:yaml.org,2002:map" if isinstance(event, yaml.MappingStartEvent) else "tag:yaml.org,2002:seq"
            if event.tag not in (None, "!", plain):
                self.fail(event, f"unsupported YAML tag {event.tag}")
            container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
            path = self._place(event, container)
            self.stack.append(
                {
                    "value": container,
                    "path": path,
                    "key": None,
                    "anchor": event.anchor,
                    "nodes_at_start": self.nodes,
                    "depth": 1,
                }
            )
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            frame = self.stack.pop()
            self._deepen(frame["depth"])
            if frame["anchor"]:
                self.anchors[frame["anchor"]] = (
                    frame["value"],
                    self.nodes - frame["nodes_at_start"] + 1,
                    frame["depth"],
                )
        elif isinstance(event, yaml.ScalarEvent):
            value = self._scalar(event)
            is_key = bool(self.stack) and isinstance(self.stack[-1]["value"], dict) and self.stack[-1]["key"] is None
            if not is_key and not event.style and self.has_hash:  # plain: None or "" by the parser
                self._check_cut_by_comment(event)
            if is_key and event.implicit[0] and not isinstance(value, str):
                self._key_not_text(event, value)
            at = self._place(event, value)
            if (
                not is_key
                and event.implicit[0]
                and (not isinstance(value, str) or _yaml12_number(event.value) is not None)
            ):
                self.plain_texts[at] = event.value
            if event.anchor:
                self.anchors[event.anchor] = (value, 1, 0)
        elif isinstance(event, yaml.AliasEvent):
            if event.anchor is None or event.anchor not in self.anchors:
                self.fail(event, f"unknown alias *{event.anchor}")
            value, size, depth = self.anchors[event.anchor]
            # The alias stands for its whole subtree: its values count, and so do its levels.
            if len(self.stack) + depth > MAX_DEPTH:
                self.fail(event, f"nested more than {MAX_DEPTH} levels deep (through the alias *{event.anchor})")
            self.nodes += size - 1
            self._place(event, value)
            self._deepen(depth)

    def _check_cut_by_comment(self, event: yaml.ScalarEvent) -> None:
        """An unquoted value followed on its line by ' #' and a word (`quote: We are the #1 lab`):
        YAML ends the value at ' #' and reads the rest as a comment, so the quote or a name lost
        its end in silence. A comment is written '# ' (a space after the mark), as every shipped
        file writes one; '#' against a word is taken for part of the value, and refused."""
        if self._lines is None:
            self._lines = _LINE_BREAK.split(self.text)
        end = _mark(event, end=True)
        line = self._lines[end.line] if end.line < len(self._lines) else ""
        cut = _CUT_BY_COMMENT.match(line, end.column)
        if cut is None:
            return
        column = cut.start(1)
        raise InputError(
            Problem(
                self.path,
                end.line + 1,
                column + 1,
                f"'{_short(line[column:].strip())}' is read as a comment (a ' #' ends an unquoted value), so the value"
                f" is only '{_short(event.value)}': put the whole value in quotes to keep it, or write '# ' for a comment",
            )
        )

    def _key_not_text(self, event: yaml.ScalarEvent, value: Any) -> NoReturn:
        """Every key in claimwatch's files is text (a field's name, or an id): a subject keyed `no:`
        was read as the boolean false, and "unknown subject 'no'; known: false" followed. A key with
        nothing written (`: x`, `? `) has no text to quote: it is said so, not "write it in quotes, ''"."""
        if not event.value.strip():
            self.fail(
                event, "a key with nothing written before its ':' has no name: write the field's name or id there"
            )
        read = _yaml_reading(value)
        self.fail(
            event, f"{event.value} as a key is read by YAML as {read}, not as text: write it in quotes, '{event.value}'"
        )

    def _deepen(self, child_depth: int) -> None:
        """The parent's depth: its own level over its deepest child."""
        if self.stack:
            self.stack[-1]["depth"] = max(self.stack[-1]["depth"], child_depth + 1)

    def _scalar(self, event: yaml.ScalarEvent) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _TIMESTAMP or tag == "tag:yaml.org,2002:str":
            return event.value
        if tag.startswith("tag:yaml.org,2002:") and tag.rsplit(":", 1)[1] in {"int", "float", "bool", "null"}:
            if tag == _INT and _too_many_digits(event.value):  # 0777... (YAML 1.1's octal), 0b111..., 1:59:...
                # Refused as written: read, such a number may be below 10**4,300 and yet the
                # message for its YAML 1.1 reading would convert or print all its digits.
                self.fail(event, TOO_MANY_DIGITS)
            node = yaml.ScalarNode(tag, event.value, None, None)
            try:
                value = _SCALAR_CONSTRUCTOR.construct_object(node)
            except (ValueError, yaml.YAMLError):
                if _too_many_digits(event.value):  # int() refused it: Python's limit on digits
                    self.fail(event, TOO_MANY_DIGITS)
                self.fail(event, f"not a valid {tag.rsplit(':', 1)[1]}: {_cut(event.value)!r}")
            if isinstance(value, int) and abs(value) >= _TOO_BIG:  # 0x..., 0b..., 0..., 1:59:...
                self.fail(event, TOO_MANY_DIGITS)
            if event.implicit[0] and (said := _yaml11_number(event.value, value)):
                self.fail(event, said)
            return value
        if tag == "tag:yaml.org,2002:merge":  # `<<: *base`, which "unsupported YAML tag ...merge" did not say
            self.fail(
                event,
                "a merge key (<<) is not read here (YAML 1.2 has none): write the keys out in full where it stands",
            )
        self.fail(event, f"unsupported YAML tag {tag}")

    def _place(self, event: yaml.Event, value: Any) -> Path_:
        """Attach a value to its parent (or as the document) and record its position."""
        self.nodes += 1
        if self.nodes > self.max_values:
            m = _mark(event)
            message = f"more than {self.max_values:,} values (an alias bomb?)"
            raise TooManyValues(Problem(self.path, m.line + 1, m.column + 1, message))
        mark = _mark(event)
        position = (mark.line + 1, mark.column + 1)
        if not self.stack:
            self.result = value
            self.positions[()] = position
            return ()
        frame = self.stack[-1]
        parent = frame["value"]
        path: Path_
        if isinstance(parent, list):
            path = frame["path"] + (len(parent),)
            parent.append(value)
        elif frame["key"] is None:  # this value is a key
            if not isinstance(value, (str, int, float, bool)) and value is not None:
                self.fail(event, "a mapping key must be a plain value")
            key = value if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else str(value)
            if key in parent:
                self.fail(event, f"duplicate key '{key}'")
            frame["key"] = key
            parent_path: Path_ = frame["path"]
            self.key_positions[(*parent_path, key)] = position
            return parent_path
        else:
            key = frame["key"]
            path = frame["path"] + (key,)
            parent[key] = value
            frame["key"] = None
        self.positions[path] = position
        return path


# --- schemas ---------------------------------------------------------------------------------


@cache
def schema(name: str) -> dict[str, Any]:
    """A JSON Schema shipped in the package (claims, topic, list, curated, reviews, report)."""
    text = resources.files("claimwatch").joinpath(f"schemas/{name}.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


SCHEMA_NAMES = ("claims", "topic", "list", "curated", "reviews", "report")

_OTHER_SCHEMA = re.compile(r"^(\w+)\.schema\.json#(/\$defs/.*)$")


def standalone_schema(name: str) -> dict[str, Any]:
    """The schema `name` as one file: a definition it takes from another shipped schema
    (`topic` refers to `claims.schema.json#/$defs/topic`) is copied into its own `$defs` with the
    other's, so `claimwatch schema topic > topic.schema.json` checks a file by itself, with no
    claims schema beside it under the one name the reference expects."""
    whole = json.loads(json.dumps(schema(name)))  # a copy: schema() is cached
    defs: dict[str, Any] = whole.setdefault("$defs", {})

    def inlined(node: Any) -> Any:
        if isinstance(node, list):
            return [inlined(n) for n in node]
        if not isinstance(node, dict):
            return node
        out = {key: inlined(value) for key, value in node.items()}
        if isinstance(ref := out.get("$ref"), str) and (other := _OTHER_SCHEMA.match(ref)):
            for key, definition in schema(other.group(1)).get("$defs", {}).items():
                if defs.setdefault(key, definition) != definition:
                    raise AssertionError(f"$defs/{key} differs in {name} and {other.group(1)}")
            out["$ref"] = f"#{other.group(2)}"
        return out

    inlined_whole: dict[str, Any] = inlined(whole)
    inlined_whole["$defs"] = defs
    return inlined_whole


@cache
def _registry() -> Registry:
    """Every shipped schema under its file name, so relative $refs resolve as they do in an editor."""
    return Registry().with_resources(
        (f"{name}.schema.json", Resource.from_contents(schema(name), default_specification=DRAFT202012))
        for name in SCHEMA_NAMES
        if resources.files("claimwatch").joinpath(f"schemas/{name}.schema.json").is_file()
    )


@cache
def _validator(name: str) -> jsonschema.protocols.Validator:
    s = schema(name)
    cls = jsonschema.validators.validator_for(s)
    return cls(s, format_checker=_FORMATS, registry=_registry())


_FORMATS = jsonschema.FormatChecker()


@_FORMATS.checks("ror")
def _is_ror(value: object) -> bool:
    """A ROR id's checksum holds; a value not in a ROR id's form is the pattern's to refuse."""
    short = ids.ror_id(value) if isinstance(value, str) else None
    return short is None or ids.ror_checksum_ok(short)


@_FORMATS.checks("date", raises=ValueError)
def _is_date(value: object) -> bool:
    import datetime as dt

    if isinstance(value, str):
        dt.date.fromisoformat(value)
    return True


def schema_problems(doc: Document, name: str) -> list[Problem]:
    """The schema violations in the document, as positioned, readable problems: the first
    MAX_PROBLEMS in file order, and one last line counting the rest (see `capped`).

    Only the errors that will be shown are explained (the dear part); the rest are counted."""
    limit = MAX_PROBLEMS
    kept: list[tuple[tuple[int, int], int, jsonschema.ValidationError]] = []  # a heap of the earliest
    hidden, hidden_from = 0, (0, 0)
    for k, error in enumerate(_validator(name).iter_errors(doc.data)):
        entry = (doc.position(tuple(error.absolute_path)), k, error)
        if len(kept) < limit:
            heapq.heappush(kept, (_negated(entry[0]), k, error))
            continue
        latest = _negated(kept[0][0])
        if entry[0] < latest:  # earlier than the latest kept: it is kept, that one is hidden
            _, _, out = heapq.heapreplace(kept, (_negated(entry[0]), k, error))
            where = latest
        else:
            out, where = error, entry[0]
        hidden += _problem_count(out)
        hidden_from = where if hidden_from == (0, 0) else min(hidden_from, where)
    problems = [p for _, _, error in sorted(kept, key=lambda x: (_negated(x[0]), x[1])) for p in _explain(doc, error)]
    if hidden:
        problems.append(_more(doc.path, hidden_from, hidden, limit))
    return capped(problems)


def schema_error_paths(doc: Document, name: str) -> set[Path_]:
    """Where the schema finds something wrong: the path of each error's value. A part of the
    document with no error at or below it is well-formed, and can be checked further."""
    return {tuple(error.absolute_path) for error in _validator(name).iter_errors(doc.data)}


def _negated(position: tuple[int, int]) -> tuple[int, int]:
    """heapq keeps the smallest on top; the kept errors' latest must be, to be replaced first."""
    return (-position[0], -position[1])


def _problem_count(error: jsonschema.ValidationError) -> int:
    """How many problems `_explain` would make of an error, without explaining it."""
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = _schema_of(error).get("properties", {})
        return max(1, sum(key not in allowed for key in error.instance))
    return 1


_MORE = "\u2026 and {count:,} more problems from here on, not shown (only the first {limit} are)"


def _more(path: str, position: tuple[int, int], count: int, limit: int) -> Problem:
    # The ellipsis sorts after every message's first letter: this line comes last at its place.
    return Problem(path, position[0], position[1], _MORE.format(count=count, limit=limit))


def capped(problems: list[Problem], limit: int | None = None) -> list[Problem]:
    """At most `limit` (MAX_PROBLEMS) problems of each file, in file order, and for a file with
    more, one last line where the first one not shown is: "… and N more problems from here on"."""
    limit = MAX_PROBLEMS if limit is None else limit
    by_file: dict[str, list[Problem]] = {}
    for p in sorted(set(problems)):
        by_file.setdefault(p.path, []).append(p)
    out: list[Problem] = []
    for path, mine in by_file.items():
        more = [p for p in mine if p.message.startswith("\u2026 and ")]
        mine = [p for p in mine if p not in more]
        hidden = sum(int(p.message.split()[2].replace(",", "")) for p in more)
        if len(mine) <= limit and not hidden:
            out.extend(mine)
            continue
        shown, rest = mine[:limit], mine[limit:]
        first_hidden = min([(p.line, p.column) for p in (*rest, *more)])
        out.extend(shown)
        out.append(_more(path, first_hidden, len(rest) + hidden, limit))
    return out


# What each pattern of the shipped schemas asks for, in the analyst's words: a value that does
# not match is told this, never the regular expression (tests/test_id_forms.py holds every
# pattern of every schema to having words here).
PATTERN_WORDS = {
    r"\S": "text: it holds spaces alone",  # a curated work's title, an author's name
    r"^[a-z0-9][a-z0-9._-]*$": (
        "an id: lower-case letters, digits, '.', '_' and '-', beginning with a letter or digit"
        " (such as lab-no-drone-swarms)"
    ),
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "a date written YYYY-MM-DD (2024-01-10)",
    r"^[0-9]{4}(-(0[1-9]|1[0-2])(-[0-9]{2})?)?$": "a date as far as it is known: YYYY, YYYY-MM or YYYY-MM-DD",
    r"^https?://": "a web address beginning with http:// or https://",
    r"^(https?://(api\.)?openalex\.org/(institutions/)?)?[Ii][0-9]{1,20}$": (
        "an OpenAlex institution id: I4210113369, or https://openalex.org/I4210113369"
    ),
    r"^(https?://(api\.)?openalex\.org/(authors/)?)?[Aa][0-9]{1,20}$": (
        "an OpenAlex author id: A5023888391, or https://openalex.org/A5023888391"
    ),
    r"^(https?://(api\.)?openalex\.org/(works/)?)?[Ww][0-9]{1,20}$": (
        "an OpenAlex work id: W4392385286, or https://openalex.org/W4392385286"
    ),
    r"^(https?://(api\.)?openalex\.org/(topics/)?)?[Tt][0-9]{1,20}$": (
        "an OpenAlex topic id: T10775, or https://openalex.org/T10775"
    ),
    # The host in any case, as ids.ror_id reads it (JSON Schema's patterns have no flag for it).
    r"^(([Hh][Tt][Tt][Pp][Ss]?://)?([Ww][Ww][Ww]\.)?[Rr][Oo][Rr]\.[Oo][Rr][Gg]/)?0[a-zA-Z0-9]{6}[0-9]{2}/?$": (
        f"a ROR id: {ids.ROR_FORMS}"
    ),
    r"^(https?://(dx\.)?doi\.org/|[Dd][Oo][Ii]:)?10\.[0-9]{4,9}/\S+$": (
        "a DOI: 10.1109/TMM.2024.3405649, https://doi.org/10.1109/TMM.2024.3405649 or doi:10.1109/TMM.2024.3405649"
    ),
    r"^[0-9]{4}\.[0-9]{4,5}(v[0-9]+)?$": "an arXiv id: 2403.03100 or 2403.03100v2, without 'arXiv:'",
}


_WHOLE_FILE_AS = {str: "one text value", list: "a list", bool: "a yes or no", int: "a number", float: "a number"}


def _explain(doc: Document, error: jsonschema.ValidationError) -> list[Problem]:
    path = tuple(error.absolute_path)
    if not path and error.validator == "type":
        # A file that is no YAML mapping (a .netrc, a .env, a key given by mistake) reads as one
        # value, whose text is never shown: it may be a password.
        held = next((said for kind, said in _WHOLE_FILE_AS.items() if type(error.instance) is kind), "one value")
        return [doc.problem(path, f"not keys and values, as every claimwatch file is: the whole file reads as {held}")]
    words = PATTERN_WORDS.get(_schema_of(error).get("pattern", ""))
    if words and error.validator in ("pattern", "type"):  # "2024/01/10", or 2024 where a date was asked for
        return [doc.problem(path, f"{_describe_path(path)}{_shown(error.instance)} is not {words}")]
    if said := _not_read_as_text(doc, path, error):
        return [doc.problem(path, f"{_describe_path(path)}{said}")]
    if read_as_text := _number_read_as_text(doc, error):
        at, said = read_as_text
        return [doc.problem(at, f"{_describe_path(at)}{said}")]
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = sorted(_schema_of(error).get("properties", {}))
        out = []
        for key in error.instance:
            if key in allowed:
                continue
            hint = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            suggestion = f"; did you mean '{hint[0]}'?" if hint else f"; expected one of: {', '.join(allowed)}"
            suggestion = _comma_hint(doc, path, error.instance, key) or suggestion
            out.append(doc.problem((*path, key), f"unknown key '{key}'{suggestion}", at_key=True))
        return out
    if error.validator == "required":
        where = _describe_path(path)
        return [doc.problem(path, f"{where}{error.message.replace(' is a required property', '')} is missing")]
    if error.validator == "format" and error.validator_value == "ror":
        short = ids.ror_id(error.instance) if isinstance(error.instance, str) else None
        said = f"'{error.instance}' is not a ROR id: {ids.ror_problem(short or '')}"
        return [doc.problem(path, f"{_describe_path(path)}{said}")]
    if error.validator == "format" and error.validator_value == "date":
        return [doc.problem(path, f"{_describe_path(path)}'{error.instance}' is not a real date (YYYY-MM-DD)")]
    if error.validator == "enum" and _schema_of(error).get("title") == "country code":
        return [doc.problem(path, f"{_describe_path(path)}{country_problem(error.instance)}")]
    if error.validator in ("anyOf", "oneOf") and error.context:
        # Explain the branch the author most likely meant: the one that got furthest, and never
        # a mere type mismatch where another branch says what is actually wrong.
        telling = [e for e in error.context if e.validator not in ("type", "const")] or list(error.context)
        best = max(telling, key=lambda e: (len(e.absolute_path), e.validator == "format", -len(e.message)))
        if (
            len(best.absolute_path) > len(error.absolute_path)
            or best.validator == "format"
            or _schema_of(best).get("title") == "country code"
        ):
            return _explain(doc, best)
        description = _schema_of(error).get("description")
        return [doc.problem(path, f"{_describe_path(path)}{description or _short(error.message)}")]
    if error.validator == "oneOf" and _schema_of(error).get("description"):  # more than one branch held
        return [doc.problem(path, f"{_describe_path(path)}{_schema_of(error)['description']}")]
    return [doc.problem(path, f"{_describe_path(path)}{_short(error.message)}")]


def _not_read_as_text(doc: Document, path: Path_, error: jsonschema.ValidationError) -> str | None:
    """Where text was wanted and YAML read the unquoted value as something else (`quote: no`,
    `country: NO`, `says: 2024`): what it was written as, what YAML read, and the quotes that
    keep it text. "False is not of type 'string'" named a value the analyst never wrote."""
    written = doc.plain_texts.get(path)
    if written is None or isinstance(error.instance, (str, dict, list)):
        return None
    wanted = error.validator_value
    wants_text = "string" in _types_wanted(error) or (
        error.validator == "enum" and isinstance(wanted, list) and all(isinstance(v, str) for v in wanted)
    )
    if not wants_text:
        return None
    value = error.instance
    if written == "":
        return "left empty, where text is wanted"
    return f"{written} is read by YAML as {_yaml_reading(value)}, not as text: write it in quotes, '{written}'"


def _types_wanted(error: jsonschema.ValidationError) -> set[str]:
    """The JSON types a `type` error asked for ("string", or ["integer", "null"]); none for another error."""
    if error.validator != "type":
        return set()
    wanted = error.validator_value
    return {str(t) for t in wanted} if isinstance(wanted, list) else {str(wanted)}


def _yaml_reading(value: object) -> str:
    """What YAML read an unquoted value as, where it is not text: 'the boolean false'."""
    if value is None:
        return "an empty value"
    return f"the boolean {str(value).lower()}" if isinstance(value, bool) else f"the number {value}"


def _number_read_as_text(doc: Document, error: jsonschema.ValidationError) -> tuple[Path_, str] | None:
    """Where a number was wanted (here or in a branch of anyOf/oneOf, as `expects: {at_most: N}`)
    and the unquoted value is text to YAML 1.1 but a number to YAML 1.2 (028, 1e3): what each
    reads. "expects must be 'none', {at_least: N} or {at_most: N}" named no fault the analyst saw."""
    for e in (error, *(error.context or ())):
        at = tuple(e.absolute_path)
        written = doc.plain_texts.get(at)
        if {"integer", "number"} & _types_wanted(e) and isinstance(e.instance, str) and written is not None:
            number = _yaml12_number(written)
            return at, (
                f"{written} is read by YAML 1.1 as text and by YAML 1.2 as the number {number}: write {number} "
                f"if that is meant, without quotes"
            )
    return None


# Two letters a writer may take for a code that ISO 3166-1 gives otherwise.
_NOT_ISO = {"UK": "GB"}


def country_problem(value: object) -> str:
    """Why `value` is no country code, and the code meant where it can be told: a country's name
    ("United Kingdom"), a code in lower case, UK. The matchers compare codes as written: a name
    there never equalled the code a place in the text gives, and silently undid a match."""
    shown = "an empty value" if value is None else f"'{value}'" if isinstance(value, str) else repr(value)
    text = value.strip() if isinstance(value, str) else ""
    code = text.upper() if text.upper() in countries.CODES else None
    if code:  # 'gb', ' CN'
        return f"{shown}: a country code is two capital letters alone: write {code}"
    if text.upper() in _NOT_ISO:
        return f"{shown} is not the ISO 3166-1 code: write {_NOT_ISO[text.upper()]}"
    name = " ".join(re.sub(r"[^a-z]+", " ", text.lower()).split())
    meant = countries.BY_NAME.get(name) or countries.BY_NAME.get(name.removeprefix("the "))
    if meant:
        return f"{shown} is a country's name: write its two-letter code, {meant}"
    return f"{shown} is not a country code: write the two-letter ISO 3166-1 code, such as CN, GB or US"


def _comma_hint(doc: Document, path: Path_, mapping: dict[str, Any], key: str) -> str | None:
    """The fix for `{name: Hikvision Co., Ltd.}`, where YAML reads the comma as ending the value:
    an unknown key with no value, on the line of a key before it whose value is text."""
    if mapping[key] is not None:
        return None
    at = doc.key_position((*path, key))
    before = [
        (place, k)
        for k, v in mapping.items()
        if isinstance(v, str) and (place := doc.key_position((*path, k)))[0] == at[0] and place < at
    ]
    if not before:
        return None
    previous = max(before)[1]
    return f'; a value holding a comma must be quoted: {previous}: "{mapping[previous]}, {key}"'


def _schema_of(error: jsonschema.ValidationError) -> Mapping[str, Any]:
    return error.schema if isinstance(error.schema, Mapping) else {}


def _describe_path(path: Path_) -> str:
    if not path:
        return ""
    text = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
    return f"{text}: "


def _shown(value: object) -> str:
    """A value as the analyst wrote it: text quoted, a number as it is, a value left empty said so."""
    if value is None:
        return "an empty value"
    if isinstance(value, str):
        return _short(f"'{value}'")
    return _short(json.dumps(value, ensure_ascii=False, default=str))


def _short(message: str) -> str:
    return message if len(message) <= 200 else message[:197] + "..."
