"""Spark: the same screening query where the evidence outgrows one machine (issue #19).

The query `_sql` compiles is run as it is but for the few spellings `SparkDialect` holds; the
workers get only its text and the tables' paths, and send back a row per candidate and a row
per table. The candidates' records are then fetched, a batch at a time, for the exact matchers,
which run here, on the driver, exactly as they run after DuckDB.

Regular expressions: `_sql` writes every pattern as literals joined by `|`, each literal as
ASCII letters and digits and `\\x{HEX}` for any other character (`regex_literal`). RE2 (DuckDB)
and java.util.regex (Spark's RLIKE) read these alike: a letter or digit with no flags is itself,
case and all; `\\x{HEX}` is the code point HEX (in Java a supplementary one is its surrogate
pair, as Java holds the text); `|` alternates; both search anywhere in the text (DuckDB's
regexp_matches and Java's find()); the one class written, `[\\x{3c2}\\x{3c3}]` (either sigma, at a
name's sigma: `needle_pattern`), is one of those two code points in both. The dialect gives
Spark the same literals factored by their prefixes (`prefix_factored`: the same set of strings,
only `(?:...)` and `?` added, read alike too), which Java's backtracking matcher needs to be
fast. Nothing whose meaning differs between the two (`.`, `^`, `$`, other classes, flags) is
ever written; tests/test_spark.py holds the engines to it on hostile text.

PySpark is an optional extra (`claimwatch[spark]`) and needs Java: this module imports it only
when a session is made or used, and says what is missing as one line.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from ..errors import ClaimwatchError, SourceError
from ._duckdb import _FETCH, Screening, gather_screening
from ._sql import EITHER_SIGMA, Dialect

if TYPE_CHECKING:
    from pyspark.sql import SparkSession  # type: ignore[import-not-found, unused-ignore]

LOCAL_MASTER = "local[2]"
# Spark reads escapes in string literals (hence `string` doubles backslashes) unless a session
# sets this, and then it would read the query's patterns and values otherwise.
_RAW_LITERALS = "spark.sql.parser.escapedStringLiterals"
# How Spark reads a Parquet date before 1582-10-15 in a file no Spark wrote: as written in the
# proleptic Gregorian calendar (CORRECTED), as DuckDB writes and reads it. Spark 3.x's default,
# and a session that kept it, refuse the whole query for one such date (EXCEPTION: OpenAlex
# dates a few works so) or shift it by days (LEGACY).
_REBASE_READ = "spark.sql.parquet.datetimeRebaseModeInRead"
# Hadoop reads these in a path as a glob; a table's path names exactly one file.
_GLOB = str.maketrans({c: "\\" + c for c in "\\{}[]*?"})
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:/")  # s3a://, hdfs://, file:///, dbfs:/


class SparkDialect(Dialect):
    """Spark SQL's spelling (3.5 and 4.x) of the non-standard parts."""

    def string(self, value: str) -> str:
        # A backslash starts an escape in Spark's literals; a quote is escaped the one way every
        # version reads (before 4.0, '' was two literals run together, not a quote); and Spark
        # replaces ${NAME} anywhere in a query's text, literals too, by a setting's value, so
        # no $ is written as itself.
        escaped = value.replace("\\", "\\\\").replace("'", "\\'").replace("$", "\\u0024")
        return "'" + escaped + "'"

    def table(self, source: str) -> str:
        # A local path's braces are escaped as glob characters, so no ${NAME} is left to replace.
        return "parquet.`" + table_location(source).replace("`", "``") + "`"

    def unnest(self, array: str, alias: str, element: str) -> str:
        # Like DuckDB's UNNEST, explode gives no row for an empty or null array.
        return f"LATERAL VIEW explode({array}) {alias} AS {element}"

    def overlaps(self, array: str, values: Sequence[str]) -> str:
        return f"arrays_overlap({array}, array({', '.join(map(self.string, values))}))"

    def matches(self, column: str, pattern: str) -> str:
        return f"({column} RLIKE {self.string(prefix_factored(pattern))})"

    def holds(self, column: str, literal: str) -> str:
        # LIKE with its own characters escaped by '!', as Spark has read it since 3.x.
        return f"{column} LIKE {self.string(like_pattern(literal))} ESCAPE '!'"

    def count_where(self, array: str, element: str, predicate: str) -> str:
        # filter keeps the elements whose predicate is true, as DuckDB's list_filter does; a null
        # array counts as null, as there (size would give -1 where ANSI mode is off).
        return f"(CASE WHEN {array} IS NOT NULL THEN size(filter({array}, {element} -> {predicate})) END)"

    def any_where(self, array: str, element: str, predicate: str) -> str:
        # Not exists(): it is null where no element's predicate is true and one's is null.
        return f"({self.count_where(array, element, predicate)} > 0)"

    def key_hash(self, text: str) -> str:
        return f"xxhash64({text})"


SPARK = SparkDialect()


def like_pattern(text: str) -> str:
    """A LIKE pattern that matches any text holding `text` ('!' escapes LIKE's own characters)."""
    return "%" + re.sub(r"([%_!])", r"!\1", text) + "%"


# The pieces of `regex_literal`'s and `needle_pattern`'s patterns: either sigma, a character by
# its code point, an ASCII letter or digit.
_PIECE = re.escape(EITHER_SIGMA) + r"|\\x\{[0-9a-fA-F]+\}|[A-Za-z0-9]"
_TOKEN = re.compile(_PIECE)
_LITERAL = re.compile(f"(?:{_PIECE})*")
_Trie: TypeAlias = dict[str, "_Trie"]


def prefix_factored(pattern: str) -> str:
    """An alternation of `regex_literal`s (or `needle_pattern`s), rewritten to share their
    prefixes (`ab|ac` as `a(?:b|c)`). It matches the same strings, the same finite set; but where
    java.util.regex tries a flat alternation's literals one after another at every place in the
    text, it follows the factored one down a single branch (four to six times faster on bench's
    topic words). Anything but such an alternation is a bug in the query, not input."""
    trie: _Trie = {}
    for alternative in pattern.split("|"):
        if not _LITERAL.fullmatch(alternative):
            raise ValueError(f"not an alternation of literals as regex_literal writes them: {pattern[:200]!r}")
        node = trie
        for token in _TOKEN.findall(alternative):
            node = node.setdefault(token, {})
        node[""] = {}  # a literal ends here
    return _alternation(trie)


def _alternation(node: _Trie) -> str:
    chain = ""
    while len(node) == 1 and "" not in node:  # one way on: no group needed
        (token, node), *_ = node.items()
        chain += token
    branches = [token + _alternation(child) for token, child in sorted(node.items()) if token]
    if not branches:
        return chain
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a literal ends here, others go on: the rest is optional
        return chain + (f"(?:{body})?" if len(branches) == 1 else f"{body}?")
    return chain + body


def table_location(source: str) -> str:
    """Where Spark finds a table: a URL as it is; a local path as a file: URL (a cluster whose
    default file system is HDFS would otherwise look for it there), its glob characters escaped.
    The driver checks the table's sha256 at that path, so the workers must read the same file:
    on a cluster, a file system they share (NFS, a mounted bucket)."""
    if _URL.match(source):
        return source
    path = os.path.abspath(source)
    if ":" in path and path != path.translate(_GLOB):
        # Hadoop reads a path with a glob character (escaped or not) part by part, and a part
        # holding ':' as a URL of its own: Spark fails with no word of the file (DuckDB reads it).
        raise SourceError(
            f"{path}: the Spark engine cannot read a table whose path holds ':' beside any of "
            "\\ { } [ ] * ? (Hadoop reads such a path as a pattern and its ':' as a URL's): "
            "move it to a folder whose path holds none of them, or check with --engine duckdb"
        )
    return "file://" + path.translate(_GLOB)


# --- the session ---------------------------------------------------------------------------------


def java_found() -> str | None:
    """The java PySpark would start: $JAVA_HOME's, else the one on PATH."""
    home = os.environ.get("JAVA_HOME")
    if home:
        java = Path(home) / "bin" / "java"
        return str(java) if java.is_file() else None
    return shutil.which("java")


def spark_session(master: str | None = None) -> SparkSession:
    """A Spark session: local mode on two cores unless `master` names a cluster (a
    `--spark-master` URL: spark://, yarn, k8s://...) or spark-submit was given one. No UI,
    Spark's logs only for errors, its files under the system's temporary folder, never the
    working directory. Where a session is running already (a notebook's, a test's), that one
    is returned as it is."""
    try:
        from pyspark.sql import SparkSession  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        raise ClaimwatchError(
            "the Spark engine needs PySpark: install claimwatch with its 'spark' extra (pip install 'claimwatch[spark]')"
        ) from None
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    if java_found() is None:
        raise ClaimwatchError(
            "the Spark engine needs Java 17 or newer: none found on PATH or in $JAVA_HOME "
            "(on Debian: apt-get install openjdk-17-jre-headless)"
        )
    if master is not None:
        _reach_standalone_master(master)
    scratch = Path(tempfile.gettempdir()) / "claimwatch-spark"
    scratch.mkdir(parents=True, exist_ok=True)
    # Under spark-submit (which hands its JVM over through this variable) the master is the one
    # it was given; elsewhere, two cores of this machine unless a master is named.
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ
    master = master or (None if submitted else LOCAL_MASTER)
    builder = SparkSession.builder if master is None else SparkSession.builder.master(master)
    builder = (
        builder.appName("claimwatch")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.warehouse.dir", str(scratch / "warehouse"))
        .config("spark.sql.session.timeZone", "UTC")
        .config(_RAW_LITERALS, "false")
        .config(_REBASE_READ, "CORRECTED")
    )
    if master is not None and master.startswith("local"):
        # One machine: nothing to reach from elsewhere; scratch files and the driver's logging
        # are ours to set (a cluster's own settings for them stay as they are); a few shuffle
        # partitions a core rather than Spark's 200.
        builder = (
            builder.config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.local.dir", str(scratch))
            .config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile={_quiet_logging(scratch).as_uri()}")
            .config("spark.sql.shuffle.partitions", "8")
        )
    try:
        session = builder.getOrCreate()
    except Exception as e:  # a Java that does not start (too old, broken), a master unreachable or unknown
        where = f"on {master}" if master else "under spark-submit"
        raise SourceError(
            f"Spark did not start {where}: {_first_line(e)} (it needs Java 17 or newer, at $JAVA_HOME or on "
            "PATH, and a master it can reach; Spark's own messages above say more)"
        ) from None
    session.sparkContext.setLogLevel("ERROR")
    return session


# How long a standalone master is waited for before the session: a master that answers at all
# answers at once.
_MASTER_CONNECT_SECONDS = 5.0


def _reach_standalone_master(master: str) -> None:
    """A standalone master (`spark://host:port`, or several for high availability) that no
    connection reaches is one line before the JVM starts: Spark's own client would try to register
    three times, 20 s each, printing some 200 warnings before claimwatch could say a thing.
    Other masters (yarn, k8s://, local) are left to Spark, whose clients fail in their own time."""
    if not master.startswith("spark://"):
        return
    failures = []
    for address in master.removeprefix("spark://").split(","):
        host, _, port = address.rpartition(":")
        host = host.strip("[]")  # an IPv6 address is written in brackets
        if not host or not port.isdigit():
            return  # Spark's own message says what it cannot read in a master's URL
        try:
            with socket.create_connection((host, int(port)), timeout=_MASTER_CONNECT_SECONDS):
                return
        except OSError as e:
            failures.append(f"{address}: {e.strerror or e or type(e).__name__}")
    raise SourceError(
        f"Spark did not start on {master}: no master answered ({'; '.join(failures)}); it needs a master it can "
        "reach (is the master running, at that host and port?)"
    )


def _first_line(e: Exception) -> str:
    """What went wrong, from PySpark's error or the Java one behind it (py4j gives that on a line
    of its own starting with ': ')."""
    lines = [line.strip() for line in str(e).splitlines() if line.strip()]
    java = [line.removeprefix(":").strip() for line in lines if line.startswith(":")]
    return (java or lines or [type(e).__name__])[0]


_LOG4J2 = """\
# claimwatch's Spark driver: errors only, on stderr.
rootLogger.level = error
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = spark: %p %c{1}: %m%n
# PySpark's gateway: at the root's level, Spark does not announce a level of its own for it.
logger.pyspark.name = org.apache.spark.api.python.PythonGatewayServer
logger.pyspark.level = error
"""


def _quiet_logging(scratch: Path) -> Path:
    path = scratch / "log4j2.properties"
    if not path.is_file() or path.read_text(encoding="utf-8") != _LOG4J2:
        path.write_text(_LOG4J2, encoding="utf-8")
    return path


# --- the query and the candidates ----------------------------------------------------------------


def screen_spark(query: str, tables: int, claims: int, session: SparkSession) -> Screening:
    """Run the screening query written with `SPARK` (see `_sql`) on `session`; its rows are
    gathered as DuckDB's are."""
    if str(session.conf.get(_RAW_LITERALS, "false")).lower() == "true":
        raise ClaimwatchError(f"the Spark session sets {_RAW_LITERALS}: the screening query needs it false")
    # A session claimwatch did not make (a notebook's, spark-submit's) keeps its own setting,
    # but for this query.
    rebase = session.conf.get(_REBASE_READ, None)
    if rebase == "CORRECTED":
        return gather_screening(_rows(session, query), tables, claims)
    session.conf.set(_REBASE_READ, "CORRECTED")
    try:
        return gather_screening(_rows(session, query), tables, claims)
    finally:
        if rebase is None:
            session.conf.unset(_REBASE_READ)
        else:
            session.conf.set(_REBASE_READ, rebase)


def _rows(session: SparkSession, query: str) -> list[Any]:
    """The query's rows; a query Spark cannot run (a cluster's workers that cannot read the
    tables where this machine wrote them, an executor lost) is one line, as a session that does
    not start is, never PySpark's traceback."""
    try:
        return list(session.sql(query).collect())
    except Exception as e:  # PySpark's errors, and py4j's for the Java ones behind them
        master = session.sparkContext.master
        raise SourceError(
            f"the Spark query failed on {master}: {_first_line(e)} (on a cluster, every worker must read the "
            "works tables at the path this machine wrote them, under --cache; Spark's own messages above say more)"
        ) from None


def fetch_records_spark(table: str, ordinals: Sequence[int], session: SparkSession) -> Iterator[tuple[int, str]]:
    """(line, record) of the rows at `ordinals` (ascending), in that order, a batch at a time, as
    `fetch_records` gives them from DuckDB; the range in each batch's query lets Spark skip the
    row groups outside it (a table's rows are in ordinal order)."""
    source = SPARK.table(table)
    for start in range(0, len(ordinals), _FETCH):
        batch = ordinals[start : start + _FETCH]
        wanted = ", ".join(map(str, batch))
        rows = _rows(
            session,
            f"SELECT ordinal, line, record FROM {source} "
            f"WHERE ordinal BETWEEN {batch[0]} AND {batch[-1]} AND ordinal IN ({wanted})",
        )
        rows.sort(key=lambda r: r[0])
        if [r[0] for r in rows] != list(batch):  # a table is checked against its sha256 first
            raise AssertionError(f"{table}: the rows fetched are not the candidates asked for")
        for _, line, record in rows:
            yield line, record
