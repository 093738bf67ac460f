"""The works table: one Parquet row a work, written with DuckDB.

Each row holds the record exactly as the source gave it (`record`, with its `line`), so that
the exact matchers see, for the works the SQL query returns, what they would see reading the
records themselves; and beside it the record flattened by `work_from_openalex` (the one reading
of OpenAlex records every engine shares) into what the query tests:

- the work: `id`, `doi`, `title`, `publication_date` (as claimwatch reads it: a 1 January date
  is its year), `earliest` and `latest` (the days that date stands for), `updated` (the day
  of its updated_date, where it gives a real one), `keywords`,
  `topic_ids`, `is_retracted`, `authors_truncated`, `keys` (the identities that make records
  versions of one work);
- each authorship (`authorships`): its name, position, author id, institutions (id, name, ROR,
  country, lineage) and raw affiliation strings; and, for the query, in a narrow column of its
  own (`affiliations`, in the same order), every institution and lineage id (`ids`), every ROR
  (`rors`) and the search form of its affiliation text (`affiliation_text`);
- the same for the whole work, for tests that ask whether any author has it (one array or
  string a work instead of a list of them: several times faster to test): every authorship's
  ids (`institution_ids`) and RORs (`institution_rors`), and their affiliation texts, a line
  each (`affiliation_texts`);
- the institutions Crossref put among the authors (`interleaved`, their names' search form);
- what the reports count: `n_authorships`, `n_without_id`, `n_unaffiliated`;
- `words`: the plain words of the title, keywords and abstract, as the topic prefilter reads
  them (`text_words`).

Search forms are case-folded and decomposed (`search_form`), the same steps `fold` takes before
it cuts a name into words, so a name the matchers find is always a substring of its text's
search form (a Greek sigma aside: the query reads either σ or ς at a name's sigma). Rows are
written in the order the evidence yields its works (`ordinal`), and the same records always
give the same bytes.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import shutil
import tempfile
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import orjson

from .._memo import Memo
from .._signals import stops_held
from .._workers import can_fork, deaths_said, fork_pool, stop
from ..errors import InputError, Problem
from ..files import default_mode
from ..works import (
    BLOCK_END,
    INNER_APOSTROPHE,
    INNER_HYPHEN,
    INVISIBLE,
    Authorship,
    Institution,
    Origin,
    Work,
    ascii_but_block_ends,
    dotted_i,
    may_read_two_ways,
    one_sigma,
    topic_reading,
    updated_on,
    work_from_openalex,
)
from ._duckdb import _threads, connect, file_literal, out_of_memory_said, parquet_of, quoted, quoted_name
from ._sql import NO_HIVE

TABLE_FORMAT = 19
"""Bumped whenever a column changes meaning: tables of another format are made again. (4: the
words of a text with zero-width characters include its words read through them; 6: tag
characters are read through as zero-width characters are; 7: and soft hyphens, which topic
phrases now read through: "sur\u00adface" is "surface"; and the words of a text as topic phrases
read it, `works.topic_reading`: "ﬁ" as "fi", fullwidth letters as letters, an "İ" as "I"; 8:
`updated`, the day of the record's updated_date, which dates a record ahead of its snapshot's
as-of; 9: the search form of a text holding a word with an apostrophe inside it has a line with
the apostrophes left out, as names read it: "Xi'an" is "Xian"; 10: and the words of a text
holding markup as rendered, `works.without_markup`: "<b>Sur</b>face" gives "surface"; 11: and
of more markup's names, "<inf>Sur</inf>face" gives "surface"; 12: a DOI's identity key composed
(NFC), as `ids.doi` gives it; a search form reads a Turkish dotless ı as i, as names do
("Teknık" is "teknik"), and has a line with the hyphens inside words left out, as names read it
("North\u2010western" is "Northwestern"); an entity is read only where it is one, whole
("&notface;" gives no "face"); the words of a text that reads two ways include its reading with
a bare tag no closing tag follows (or one escaped, "Sur&lt;b&gt;face") as written: "Sur<b>face"
gives "face"; and LaTeX as rendered: "Sur\\textit{face}" gives "surface"; 13: a bare tag half
escaped, as XML need not escape a ">" ("face&lt;b>recognition"), reads two ways too, its words
those of both readings; BibTeX's braces inside a word are read as LaTeX sets them: "{F}acial"
gives "facial"; an abstract index giving two words one position gives both; and a work's date is
read from a `publication_year` written as a whole float, 2021.0, where it gives no
publication_date; 14: and BibTeX's braces around a word ("{Face}", "{{Face}}") are read so too,
LaTeX's accents as the letters they set ("computaci\\'on" gives "computación"), a tie between
letters as a space ("face~recognition" gives "face" and "recognition") and a discretionary
hyphen as nothing; 15: the spaces after a dotless i's command are read as LaTeX skips them,
"na\\"\\i ve" gives "naïve"; and a bare escaped quote opening a word before "i", "e" or "y" as
the quote, "\\"image" gives "image"; and a bare escaped apostrophe in an English possessive or
contraction, or in a text escaping one before no letter, as the apostrophe: "People\\'s" gives
"people", not "peopleś"; and the words of a text setting letters as a script touching a word
("fa$_{ce}$", "fa<sub>ce</sub>") include its reading with the script set apart, which reads two
ways; and the words of a text read through the marks setting its direction, "\u202aface" gives
"face"; and with a superscript or a footnote mark after a word read apart, "recognition\u00b9"
gives "recognition"; and LaTeX's italic correction and "\\@" as nothing, "Sur\\/face" gives
"surface"; and LaTeX's letter commands as their letters, "Wroc\\l aw" gives "wrocław"; 16: the words of a
text read through the other characters Unicode says show nothing, "fa\u2063ce" gives "face";
and of a text setting letters as a MathML script, both readings, as of "fa$_{ce}$"; and LaTeX's
spaces and line breaks as a space, "face\\,recognition" gives "face" and "recognition", and its
quotation marks by command as the characters, "People\\textquoteright s" gives "people"; 17:
MathML's space with a width more than none, or breaking the line, read as a space:
"x<mml:mspace width=\"1em\"/>face" gives "x" and "face"; 18: a bare escaped quote opening a word
before "a", "o" or "u" as the quote in a text writing LaTeX's accents nowhere else,
"\\"automatic" gives "automatic", not "äutomatic"; 19: a chemical formula's count as a
variable, a subscript x, y, z, n or delta after two or more element symbols (not three
capitals alone, an acronym's: "CNN$_n$" reads two ways), read as the formula's own in both
readings: "NO$_x$" gives "nox" alone, not also "no" and "x"; and of a
text with MathML's tokens side by side, the words of both readings, joined and apart:
"<mml:mi>x</mml:mi><mml:mtext>face</mml:mtext>" gives "xface", "x" and "face".)"""
UNICODE = unicodedata.unidata_version
"""The Unicode version the search forms and words were made under (Python's: 14.0.0 in 3.11,
15.0.0 in 3.12): a character a later version decomposes or cases otherwise makes other search
forms, which the query would hold against needles made under this one. A table of another (or of
no recorded) version is made again, as one of another format is."""
WORKS_TABLE = "works.parquet"
MADE_FROM = "made_from_sha256"
"""The key of a snapshot's table entry giving the sha256 of the works file it was made from."""
# Small row groups: DuckDB decompresses a column of a row group at once, and the records of
# 2,048 works are a few MiB where 16,384 would be a hundred.
ROW_GROUP_SIZE = 2_048
# The largest row DuckDB accepts: a record of up to 64 MiB (MAX_RECORD_BYTES), escaped, and its
# flattened columns.
_LARGEST_ROW = 150_000_000
WRITER_MEMORY_LIMIT = "512MB"

# The path a table's works are read with is the evidence's, known only when it is read: rows
# are flattened with this one, and a work whose identity came out of it cannot be stored.
_NO_PATH = "\x00claimwatch-table\x00"

COLUMNS = {
    "ordinal": "BIGINT",
    "line": "BIGINT",
    "id": "VARCHAR",
    "doi": "VARCHAR",
    "title": "VARCHAR",
    "publication_date": "VARCHAR",
    "earliest": "DATE",
    "latest": "DATE",
    "updated": "DATE",
    "is_retracted": "BOOLEAN",
    "authors_truncated": "BOOLEAN",
    "keywords": "VARCHAR[]",
    "topic_ids": "VARCHAR[]",
    "keys": "VARCHAR[]",
    "authorships": (
        "STRUCT(name VARCHAR, position INTEGER, author_id VARCHAR, "
        "institutions STRUCT(id VARCHAR, name VARCHAR, ror VARCHAR, country VARCHAR, lineage VARCHAR[])[], "
        "raw_affiliations VARCHAR[])[]"
    ),
    "affiliations": "STRUCT(ids VARCHAR[], rors VARCHAR[], affiliation_text VARCHAR)[]",
    "institution_ids": "VARCHAR[]",
    "institution_rors": "VARCHAR[]",
    "affiliation_texts": "VARCHAR",
    "interleaved": "VARCHAR",
    "n_authorships": "INTEGER",
    "n_without_id": "INTEGER",
    "n_unaffiliated": "INTEGER",
    "words": "VARCHAR",
    "record": "VARCHAR",
}


@dataclass(frozen=True)
class TableInfo:
    """A written table: its sha256 (for a manifest), its rows and its size in bytes."""

    sha256: str
    rows: int
    bytes: int

    def as_manifest(self, made_from: str) -> dict[str, Any]:
        """The entry a snapshot manifest gives it under `files`, beside works.jsonl.gz, whose
        sha256 (`made_from`) it names: a works file edited and given a new sha256 in the manifest
        is not the one the table was made from (`MADE_FROM`)."""
        return {
            "sha256": self.sha256,
            "records": self.rows,
            "bytes": self.bytes,
            "table_format": TABLE_FORMAT,
            "unicode": UNICODE,
            MADE_FROM: made_from,
        }


# --- search forms and words ---------------------------------------------------------------------


def search_form(text: str) -> str:
    """`text` decomposed (NFKD), its combining marks dropped, lower-cased, a dotless ı read as i
    (`works.dotted_i`): the steps `fold` takes before it cuts a name into words, so every word of
    a folded name, an acronym in lower case and a Chinese name so treated are substrings of the
    search form of any text they are in;
    but that lower() writes a capital sigma as σ or ς by what surrounds it, which the query
    allows for (`needle_pattern` in _sql.py)."""
    readings = [text]
    if not text.isascii() and INVISIBLE.search(text):
        # The matchers read such a text both ways (a soft hyphen joins a word, a zero-width
        # space may part two): a line for each, and no needle holds a line break.
        readings.append(INVISIBLE.sub("", text))
    # And words a hyphen joins as one word ("North\u2010western" as "Northwestern"), and a word
    # holding an apostrophe as one word without it ("Xi'an" as "Xian"), as they read its composed
    # form.
    readings += [
        joined
        for reading in list(readings)
        if INNER_HYPHEN.search(composed := unicodedata.normalize("NFC", reading))
        and (joined := INNER_HYPHEN.sub("", composed)) != reading
    ]
    readings += [
        joined
        for reading in list(readings)
        if INNER_APOSTROPHE.search(composed := unicodedata.normalize("NFC", reading))
        and (joined := INNER_APOSTROPHE.sub("", composed)) != reading
    ]
    return "\n".join(r.lower() if r.isascii() else _folded_form(r) for r in readings)


def _folded_form(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return dotted_i("".join(c for c in decomposed if not unicodedata.combining(c)).lower())


# The topic prefilter's words (evaluate/_phrases.py, PhraseSet.might_match): runs of letters and
# digits of the lower-cased text as topic phrases read it (`works.topic_reading`), and, wider, of
# the text as given, Unicode and soft hyphens read as '-'.
_PLAIN_WORD = re.compile(r"[^\W_]+")
_AS_HYPHEN = str.maketrans({"\u2010": "-", "\u2011": "-", "\u00ad": "-"})


# In ASCII text the plain words are the runs of letters and digits: every other character cuts.
_ASCII_CUTS = {c: " " for c in range(128) if not chr(c).isalnum()}


def text_words(text: str) -> set[str]:
    """The words `PhraseSet.might_match` compares with a phrase's candidate words, and each
    word shorter than three letters joined to the words after it up to three letters, as it
    joins them (a phrase written as one word that the text splits: "re identification"): those
    of the text as topic phrases read it (through characters that show nothing, in its
    compatibility form), and, only ever more, of the text as given."""
    read = topic_reading(text)
    words = _text_words(text) if read == text else _text_words(text) | _text_words(read)
    if may_read_two_ways(text) and (literal := topic_reading(text, literal=True)) not in (text, read):
        words |= _text_words(literal)  # a text that reads two ways (`works.reads_two_ways`)
    return words


def _text_words(text: str) -> set[str]:
    words = _cut_words(text)
    out = set(words)
    if min(map(len, out), default=3) < 3:  # told in C: most texts' words, a title's, are longer
        for i in [i for i, n in enumerate(map(len, words)) if n < 3]:
            joined, j = words[i], i
            while len(joined) < 3 and j + 1 < len(words):
                j += 1
                joined += words[j]
            out.add(joined)
    return out


def _cut_words(text: str) -> list[str]:
    """The plain words of `text`, in order."""
    if not text.isascii() and ascii_but_block_ends(text):  # a block's end cuts words as a space does
        text = text.replace(BLOCK_END, " ")
    if text.isascii():  # the same words, cut by translate() and split() instead of a regex
        return text.lower().translate(_ASCII_CUTS).split()
    return _PLAIN_WORD.findall(one_sigma(text.translate(_AS_HYPHEN).lower()))


# Keywords repeat from record to record (a few thousand distinct in OpenAlex): each read once.
_keyword_words = functools.lru_cache(maxsize=1 << 16)(lambda text: frozenset(text_words(text)))


def _work_words(work: Work) -> str:
    words = text_words(work.title)
    for keyword in work.keywords:
        words |= _keyword_words(keyword)
    if work.abstract_text is not None or work.abstract_index:
        words |= text_words(work.abstract)  # an inverted index is rebuilt as the matchers rebuild it
    return " " + " ".join(sorted(words)) + " "


# --- rows -----------------------------------------------------------------------------------------


def flatten(ordinal: int, line: int, work: Work, record_text: str) -> dict[str, Any]:
    """One table row: `work` as `work_from_openalex` read it from `record_text`."""
    published = work.published
    stated = [_stated(a) for a in work.authorships]
    affiliations = [s.affiliation for s in stated]
    return {
        "ordinal": ordinal,
        "line": line,
        "id": work.id,
        "doi": work.doi,
        "title": work.title,
        "publication_date": str(published) if published else None,
        "earliest": published.earliest.isoformat() if published else None,
        "latest": published.latest.isoformat() if published else None,
        "updated": day.isoformat() if (day := updated_on(work.updated)) else None,
        "is_retracted": work.is_retracted,
        "authors_truncated": work.authors_truncated,
        "keywords": list(work.keywords),
        "topic_ids": list(work.topic_ids),
        "keys": list(dict.fromkeys(work.identity_keys())),
        "authorships": [
            {
                "name": a.name,
                "position": a.position,
                "author_id": a.author_id,
                "institutions": s.institutions,
                "raw_affiliations": s.raw_affiliations,
            }
            for a, s in zip(work.authorships, stated, strict=True)
        ],
        "affiliations": affiliations,
        "institution_ids": sorted({i for a in affiliations for i in a["ids"]}),
        "institution_rors": sorted({r for a in affiliations for r in a["rors"]}),
        "affiliation_texts": "\n".join(a["affiliation_text"] for a in affiliations),
        "interleaved": "\n".join(_search_form(a.name) for a in work.interleaved_institutions),
        "n_authorships": len(work.authorships),
        "n_without_id": sum(not s.has_id for s in stated),
        "n_unaffiliated": sum(s.unaffiliated for s in stated),
        "words": _work_words(work),
        "record": record_text,
    }


@dataclass(frozen=True, slots=True)
class _Stated:
    """What an authorship's affiliations give its row, but for who the author is: its
    institutions and raw strings as the row lists them, what the query tests of them
    (`affiliation`: its institution and lineage ids, RORs, and affiliation text, narrow, since
    a column of its own reads five times faster than the authorships' fields), whether any
    institution has an id, and whether it states none at all. Rows share these: nothing changes
    a row once made but its writing out."""

    held: tuple[Institution, ...]  # the institutions it is of, kept alive: see `_stated`
    institutions: list[dict[str, Any]]
    raw_affiliations: list[str]
    affiliation: dict[str, Any]
    has_id: bool
    unaffiliated: bool


def _stated(a: Authorship) -> _Stated:
    """`a`'s affiliations as its row states them, made once for each set of them: a group's
    records give the same few, and flattening them was most of a record's cost. The
    institutions are known by identity (works.py builds each distinct one once), which stands
    for them only while they live: an entry holds its own (`held`), so no other object can
    take one's place while the entry is there."""
    key = (a.raw_affiliations, tuple(map(id, a.institutions)))
    found = _STATED.get(key)
    if found is None:
        found = _STATED.keep(key, _new_stated(a))
    return found


# Full at 65,536 it held about 143 MiB a worker; a group repeats far fewer.
_STATED: Memo[tuple[tuple[str, ...], tuple[int, ...]], _Stated] = Memo(1 << 13)


def _new_stated(a: Authorship) -> _Stated:
    return _Stated(
        held=a.institutions,
        institutions=[
            {"id": i.id, "name": i.name, "ror": i.ror, "country": i.country, "lineage": list(i.lineage)}
            for i in a.institutions
        ],
        raw_affiliations=list(a.raw_affiliations),
        affiliation={
            "ids": sorted(a.institution_ids),
            "rors": sorted({i.ror for i in a.institutions if i.ror}),
            "affiliation_text": "\n".join(
                _search_form(t) for t in (*a.raw_affiliations, *(i.name for i in a.institutions if i.name))
            ),
        },
        has_id=any(i.id for i in a.institutions),
        unaffiliated=a.is_unaffiliated,
    )


# Institution names and raw affiliation strings repeat across a group's records: each folded once.
_search_form = functools.lru_cache(maxsize=1 << 16)(search_form)


def openalex_row(ordinal: int, line: int, text: bytes, record: dict[str, Any] | None = None) -> dict[str, Any]:
    """The row of one OpenAlex work record (its JSON text, and the record parsed where the caller
    has it), read as every engine reads it."""
    parsed = record if record is not None else orjson.loads(text)
    work = work_from_openalex(parsed, Origin("snapshot", _NO_PATH, line))
    if _NO_PATH in work.id:
        # Only a record without an OpenAlex id is named by its place, which the table cannot
        # hold; evidence checks every record's id first, so this is a bug, not bad input.
        raise ValueError(f"line {line}: a work record without an OpenAlex id cannot be put in a table")
    return flatten(ordinal, line, work, text.decode("utf-8"))


# --- writing --------------------------------------------------------------------------------------


class WorksTableWriter:
    """Writes a works table at `path`, one record at a time (`add`), then `close()` gives its
    sha256; a failed or abandoned write (`abort`) leaves nothing at `path`.

    Flattening records is the dear part: chunks of records go to one process a core
    (`processes`, forked when the writer is made: make it before starting threads of your
    own), each flattening its chunk and writing it as a Parquet part with DuckDB in a temporary
    folder beside `path`, while this process reads on. `close` joins the parts, in order, into
    the table and renames it into place last. A worker's death or a failed write is one line
    naming the table as `named` (where it goes in the end, if `path` is a temporary place), and
    leaves nothing."""

    def __init__(self, path: str | Path, *, processes: int | None = None, named: str | None = None):
        self.path = Path(path)
        self._named = Path(named) if named else self.path  # where it goes in the end, to name it by
        try:
            self._tmp = Path(tempfile.mkdtemp(prefix=f".{self.path.name}.tmp-", dir=self.path.parent))
        except OSError as e:
            raise _cannot_write(self._named, e) from None
        self.rows = 0
        self._doing = f"writing the works table {self._named}"
        processes = processes if processes is not None else min(_threads(), 4)
        # Forked now, before the caller's threads (gzip's, DuckDB's) start: a fork copies only
        # the thread that makes it.
        try:
            with deaths_said(self._doing):
                self._pool: Any = _fork_pool(processes) if processes > 1 else _InProcess()
        except BaseException:  # Ctrl-C while forking, or no fork to be had: nothing left behind
            shutil.rmtree(self._tmp, ignore_errors=True)
            raise
        self._in_flight = 2 * processes
        self._chunk: list[tuple[int, bytes]] = []
        self._chunk_bytes = 0
        self._writing: deque[Any] = deque()
        self._parts: list[Path] = []

    def add(self, line: int, text: bytes) -> None:
        """One OpenAlex work record: its line in the data file and its JSON text. A part holds
        at most `_CHUNK` records and `_CHUNK_BYTES` of their text (a larger record alone)."""
        if self._chunk and self._chunk_bytes + len(text) > _CHUNK_BYTES:
            self._submit()
        self._chunk.append((line, text))
        self._chunk_bytes += len(text)
        self.rows += 1
        if len(self._chunk) >= _CHUNK:
            self._submit()

    def _submit(self) -> None:
        part = self._tmp / f"part-{len(self._parts) + len(self._writing):06d}.parquet"
        first = self.rows - len(self._chunk)
        with deaths_said(self._doing), self._writes_said():  # written at once, where in this process
            self._writing.append(self._pool.submit(_write_part, first, self._chunk, part))
        self._chunk, self._chunk_bytes = [], 0
        while len(self._writing) > self._in_flight:  # bounds the chunks held in memory
            self._collect()

    def _collect(self) -> None:
        with self._writes_said(), deaths_said(self._doing), out_of_memory_said(self._doing, WRITER_MEMORY_LIMIT):
            self._parts.append(self._writing.popleft().result())

    @contextlib.contextmanager
    def _writes_said(self) -> Iterator[None]:
        """A write that failed (a full disk, a file size limit, a read-only file system), by
        Python or by DuckDB, said in one line naming the table."""
        try:
            yield
        except OSError as e:
            raise _cannot_write(self._named, e) from None
        except duckdb.IOException as e:
            raise _cannot_write(self._named, _duckdb_io_reason(e)) from None

    def close(self) -> TableInfo:
        """Write the Parquet file at `path` and give its sha256."""
        try:
            if self._chunk:
                self._submit()
            while self._writing:
                self._collect()
            written = self._tmp / WORKS_TABLE
            source = parquet_of(*self._parts) if self._parts else _NO_ROWS
            with (
                self._writes_said(),
                connect(WRITER_MEMORY_LIMIT) as con,
                out_of_memory_said(self._doing, WRITER_MEMORY_LIMIT),
            ):
                con.execute(f"COPY (SELECT * FROM {source}) TO {_copy_target(written)} {_PARQUET}")
                _check_order(con, written, self.rows)
            with self._writes_said():
                os.chmod(written, default_mode())
                info = TableInfo(_synced_sha256(written), self.rows, written.stat().st_size)
                os.replace(written, self.path)
        finally:
            self.abort()
        return info

    def abort(self) -> None:
        with stops_held():  # a second Ctrl-C while the first is answered waits for the clean-up
            if self._pool is not None:
                if not isinstance(self._pool, _InProcess):
                    stop(self._pool)
                self._pool = None
            shutil.rmtree(self._tmp, ignore_errors=True)

    def __enter__(self) -> WorksTableWriter:
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        if exc_type is not None:
            self.abort()


_CHUNK = 5_000  # records a part holds: a worker flattens and writes one at a time
# And the most of their text a part holds: DuckDB reads a part's rows (about twice the records'
# text, flattened) beside a buffer as large as the largest row (`_LARGEST_ROW`), in the writer's
# memory. 5,000 full OpenAlex records (30 KB each, a few authors) ran out of it; bench's records
# are a tenth of that size.
_CHUNK_BYTES = 16 << 20


def _write_part(first: int, chunk: list[tuple[int, bytes]], part: Path) -> Path:
    """`chunk`'s records (the first at ordinal `first`) flattened and written as a Parquet part,
    through JSON Lines beside it (quickly compressed: the table is compressed when joined)."""
    rows = part.with_suffix(".jsonl")
    with open(rows, "wb") as out:  # a row at a time: no copy of the whole part held, nor joined
        for k, (n, t) in enumerate(chunk):
            out.write(orjson.dumps(openalex_row(first + k, n, t), option=orjson.OPT_APPEND_NEWLINE))
    # One thread: DuckDB reads JSON Lines in a buffer as large as the largest row, a thread.
    with connect(WRITER_MEMORY_LIMIT, threads=1) as con:
        con.execute(f"COPY ({_read_rows(rows)}) TO {_copy_target(part)} {_PART}")
    rows.unlink()
    return part


def _copy_target(path: Path) -> str:
    """A file COPY ... TO writes, as a literal: absolute, since DuckDB reads a leading `~/` as the
    home folder (a cache given as "~/cache" in quotes, a folder of that name: the parts went to
    the home folder's, or failed where it had none)."""
    return quoted(os.path.abspath(path))


def _fork_pool(processes: int) -> Any:
    """Worker processes forked from this one; where fork is not available, one process does
    it all."""
    return fork_pool(processes) if can_fork() else _InProcess()


class _InProcess:
    """No pool (one core, or no fork): each chunk is written when it is handed over."""

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        done: Future[Any] = Future()
        done.set_result(fn(*args))
        return done


_PARQUET = f"(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE {ROW_GROUP_SIZE})"
_PART = f"(FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE {ROW_GROUP_SIZE})"
# A table of no rows still has every column.
_NO_ROWS = (
    "(SELECT "
    + ", ".join(f"CAST(NULL AS {kind}) AS {quoted_name(name)}" for name, kind in COLUMNS.items())
    + " LIMIT 0)"
)


def _read_rows(batch: Path) -> str:
    columns = ", ".join(f"{quoted(name)}: {quoted(kind)}" for name, kind in COLUMNS.items())
    return (
        f"SELECT * FROM read_json({file_literal(batch)}, {NO_HIVE}, format = 'newline_delimited', "
        f"columns = {{{columns}}}, maximum_object_size = {_LARGEST_ROW})"
    )


def _check_order(con: Any, table: Path, rows: int) -> None:
    """Every row where it belongs: the query's candidates are fetched by their ordinal."""
    (misplaced,) = con.execute(
        f"SELECT count(*) FILTER (WHERE ordinal <> file_row_number) + abs(count(*) - ?) "
        f"FROM {parquet_of(table, options='file_row_number = true')}",
        [rows],
    ).fetchone()
    if misplaced:
        raise AssertionError(f"{table}: {misplaced} rows out of order")  # a bug, never bad input


def write_works_table(lines: Iterable[tuple[int, bytes]], path: str | Path) -> TableInfo:
    """A works table at `path` from OpenAlex work records given as (line number, JSON text)
    pairs, in the data file's order; its sha256 goes into the snapshot's manifest."""
    with WorksTableWriter(path) as writer:
        for line, text in lines:
            writer.add(line, text)
        return writer.close()


# Large reads: hashing lets go of the GIL only inside a read or an update, and a check run
# beside Python work (TableChecks) waits for the GIL between them.
_HASHED_AT_ONCE = 16 << 20


def _sha256(path: Path, synced: bool = False) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        if synced:
            os.fsync(f.fileno())
        for chunk in iter(lambda: f.read(_HASHED_AT_ONCE), b""):
            h.update(chunk)
    return h.hexdigest()


def _synced_sha256(path: Path) -> str:
    """The sha256 of a table just written, once its bytes are on disk: the manifest or the cache's
    record of it, written next and synced, must not outlive them (a power cut leaving a recorded
    table empty, refused as damaged by every later check)."""
    return _sha256(path, synced=True)


def file_sha256(path: str | Path) -> str:
    """The sha256 of a table file, to check it against the one recorded when it was written."""
    try:
        return _sha256(Path(path))
    except OSError as e:
        raise InputError(Problem(str(path), 0, 0, f"cannot read the works table: {e.strerror or e}")) from None


def _cannot_write(path: Path, e: OSError | str) -> InputError:
    reason = e if isinstance(e, str) else e.strerror or e
    return InputError(Problem(str(path), 0, 0, f"cannot write the works table: {reason}"))


def _duckdb_io_reason(e: duckdb.IOException) -> str:
    """Why DuckDB could not write, as the system said it: 'IO Error: Could not write file
    "...part-000000.parquet": No space left on device' is "No space left on device" (the part,
    a temporary file, is no name for the user)."""
    first = str(e).splitlines()[0] if str(e) else "input/output error"
    return first.rpartition('": ')[2] or first
