"""The Spark engine (issue #19) against DuckDB: the same screening query, spelled by
`SparkDialect`, gives exactly the same screening (each table's candidates and counts, each
claim's tallies) on every corpus the columnar tests use, and the candidates' records come back
the same; the regular expressions `_sql` writes mean the same in Java as in RE2.

Each screening compared is the one the evaluator asked DuckDB for (its plan and tables caught
on the way), run again on Spark. Spark runs in local mode, one session for the module; the
tests skip, saying why, where PySpark or Java is missing (scripts/test installs both).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimwatch import claims as claims_mod
from claimwatch.columnar import regex_literal, screen, screening_query, write_works_table
from claimwatch.columnar._duckdb import fetch_records
from claimwatch.columnar._plan import ClaimPlan, Listed, Plan, SubjectPlan
from claimwatch.columnar._spark import (
    SPARK,
    SparkDialect,
    _reach_standalone_master,
    fetch_records_spark,
    java_found,
    prefix_factored,
    screen_spark,
    spark_session,
    table_location,
)
from claimwatch.columnar._sql import DUCKDB, Dialect, _Compiler, needle_pattern
from claimwatch.errors import ClaimwatchError, SourceError
from claimwatch.evaluate import _grouping, evaluate
from claimwatch.evidence import import_works, open_evidence_paths
from claimwatch.reports.jsonreport import render_json
from helpers import authorship, institution, named_topics, project, work, write, write_jsonl

pytest.importorskip("pyspark", reason="PySpark is not installed: the 'spark' extra brings it (scripts/test does)")
if java_found() is None:
    pytest.skip(
        "no Java for Spark (JAVA_HOME or java on PATH): scripts/test installs it as root", allow_module_level=True
    )

# The columnar tests' corpora and claims, built the same way here.
import test_columnar_engine as engine_corpora
import test_columnar_properties as random_corpora
import test_engine_differential as works_corpora
import test_engine_people_differential as people_corpora

PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    session = spark_session()
    yield session
    session.stop()


class Screenings:
    """Every screening the evaluator asks DuckDB for during a run: its plan and tables."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.asked: list[tuple[Any, list[str]]] = []
        screen_in_parts = _grouping.screen_in_parts

        def caught(plan: Any, sources: Any, *args: Any, **kwargs: Any) -> Any:
            self.asked.append((plan, list(sources)))
            return screen_in_parts(plan, sources, *args, **kwargs)

        monkeypatch.setattr(_grouping, "screen_in_parts", caught)

    def assert_spark_agrees(self, spark: Any) -> list[Any]:
        """Each screening run on both engines is the same; DuckDB's are returned for the test to
        check that they are not trivial."""
        assert self.asked, "the evaluator screened nothing: the test would compare nothing"
        found = []
        for plan, sources in self.asked:
            duck = screen(screening_query(plan, sources), len(sources), len(plan.claims))
            on_spark = screen_spark(screening_query(plan, sources, SPARK), len(sources), len(plan.claims), spark)
            assert on_spark == duck
            found.append(duck)
        return found


@pytest.fixture()
def screenings(monkeypatch: pytest.MonkeyPatch) -> Screenings:
    return Screenings(monkeypatch)


def _duckdb_run(claims: Any, paths: list[Path], cache: Path, **options: Any) -> None:
    evaluate(claims, open_evidence_paths(paths), engine="duckdb", cache=cache, **options)


# --- regular expressions and literals -------------------------------------------------------------

# What evidence text throws at a pattern and a literal: regex syntax, quotes and backslashes
# (Spark's escapes), supplementary code points (a surrogate pair in Java), combining marks,
# line breaks, look-alike hyphens, fullwidth and CJK letters, and ${...} (Spark's variables).
TRICKY = [
    "a",
    "A",
    "0",
    " ",
    ".",
    "*",
    "|",
    "(",
    "[",
    "]",
    "{",
    "}",
    "^",
    "$",
    "?",
    "+",
    "\\",
    "'",
    "''",
    '"',
    "`",
    "\n",
    "\r",
    "\t",
    "\\x{41}",
    "\\Q",
    "\\E",
    "$",
    "${",
    "${spark.app.name}",  # Spark's variable substitution, inside literals too
    "é",
    "e\u0301",
    "ß",
    "İ",
    "ı",
    "\u2010",
    "\u00ad",
    "Ｈ",
    "哈",
    "尔",
    "𠀀",
    "😀",
    "\U0010fffd",
    "\ufeff",
    "\u2028",
    "\x00",  # YAML writes it "\\0"; DuckDB's SQL spells it chr(0)
]


def _cases(seed: int, n: int) -> list[tuple[list[str], str]]:
    """(needles, text) pairs: one to twelve needles sharing prefixes (a few are tested with LIKE,
    more with a regular expression, which the dialect factors), and a text holding one of them or
    only nearly."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        stem = "".join(rng.choice(TRICKY) for _ in range(rng.randint(0, 2)))
        needles = [
            stem + "".join(rng.choice(TRICKY) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(1, 12))
        ]
        picked = rng.choice(needles)
        near = picked[:-1] + rng.choice(TRICKY)
        noise = ["".join(rng.choice(TRICKY) for _ in range(rng.randint(0, 6))) for _ in range(2)]
        out.append((needles, noise[0] + (picked if rng.random() < 0.5 else near) + noise[1]))
    return out


def _holds(dialect: Dialect, column: str, needles: list[str]) -> str:
    """The query's test that a text holds one of `needles`, exactly as `_sql` writes it."""
    return _Compiler(Plan((), (), (), ()), dialect)._alternatives(column, needles)


def _needles(dialect: Dialect, column: str, needles: list[str]) -> str:
    """The query's test that a text holds one of a name's needles, either sigma at a sigma."""
    return _Compiler(Plan((), (), (), ()), dialect)._needles(column, needles)


def _found_by_spark(spark: Any, cases: list[tuple[list[str], str]], test: Any = _holds) -> list[bool]:
    """Each case's test (`_holds`, or `_needles`) run by Spark, the text given as the dialect's literal."""
    rows = ",\n".join(
        f"({k}, {SPARK.string(text)}, {test(SPARK, SPARK.string(text), needles)})"
        for k, (needles, text) in enumerate(cases)
    )
    found = spark.sql(f"SELECT * FROM VALUES {rows} AS t(k, text, found) ORDER BY k").collect()
    assert [r.text for r in found] == [text for _, text in cases]  # every literal read back as written
    return [r.found for r in found]


def test_literals_and_text_tests_mean_the_same_in_spark_as_in_duckdb(spark):
    cases = _cases(19, 600) + [([c], c) for c in TRICKY] + [([c], "x" + c + "x") for c in TRICKY]
    duck = duckdb.connect()
    found = _found_by_spark(spark, cases)
    for (needles, text), on_spark in zip(cases, found, strict=True):
        (on_duckdb,) = duck.execute(
            f"SELECT {_holds(DUCKDB, 'text', needles)} FROM (SELECT ? AS text)", [text]
        ).fetchone()
        assert on_spark == on_duckdb == any(n in text for n in needles), (needles, text)
    # Both ways, often; and both spellings, LIKE and regular expressions.
    assert 200 < sum(found[:600]) < 500
    assert {len(needles) > 6 for needles, _ in cases[:600]} == {True, False}


def test_either_sigma_at_a_needles_sigma_means_the_same_in_spark_as_in_duckdb(spark):
    """Lower-cased apart, a name's needle and an affiliation may differ at a sigma (ς, σ): at a
    needle's sigma the query takes either, one class in RE2 and Java alike, factored by prefix
    for Spark; everything else as it is."""
    pieces = ["σ", "ς", "Σ", "α", "δημοκριτ", "ο", ".", "\u00ad", "x", "'", "\\", *TRICKY[:12]]
    rng = random.Random(23)
    cases = []
    for _ in range(400):
        needles = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 12))]
        picked = rng.choice(needles).translate(rng.choice([{}, {0x3C2: 0x3C3}, {0x3C3: 0x3C2}]))
        noise = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 4))) for _ in range(2)]
        cases.append((needles, noise[0] + (picked if rng.random() < 0.6 else picked[:-1]) + noise[1]))
    # More needles than one regular expression holds, plain and Greek.
    cases.append(([f"x{k}" for k in range(300)] + ["δημοκριτος"], "εκεφε δημοκριτοσ.αθηνα"))
    cases.append(([f"ς{k}" for k in range(300)], "a σ299 b"))
    duck = duckdb.connect()
    found = _found_by_spark(spark, cases, _needles)
    blind = {0x3C2: 0x3C3}
    for (needles, text), on_spark in zip(cases, found, strict=True):
        (on_duckdb,) = duck.execute(
            f"SELECT {_needles(DUCKDB, 'text', needles)} FROM (SELECT ? AS text)", [text]
        ).fetchone()
        expected = any(n.translate(blind) in text.translate(blind) for n in needles)
        assert on_spark == on_duckdb == expected, (needles, text)
    assert 100 < sum(found) < 350 and found[-2:] == [True, True]


@settings(max_examples=5, deadline=None)
@given(
    st.lists(
        st.tuples(st.lists(st.text(min_size=1, max_size=6), min_size=1, max_size=10), st.text(max_size=30)),
        min_size=1,
        max_size=60,
    )
)
def test_any_needles_in_any_text_mean_the_same_in_java(spark, cases):
    for (needles, text), found in zip(cases, _found_by_spark(spark, cases), strict=True):
        assert found == any(n in text for n in needles), (needles, text)


def test_patterns_are_factored_by_prefix():
    pattern = "|".join(map(regex_literal, [" face ", " faces ", " facial ", "ab", "abc", "é"]))
    assert prefix_factored(pattern) == r"(?:\x{20}fac(?:e(?:\x{20}|s\x{20})|ial\x{20})|\x{e9}|ab(?:c)?)"
    greek = "|".join(map(needle_pattern, ["ας", "αβ", "ασα"]))  # either sigma: one piece, as a letter is
    assert prefix_factored(greek) == r"\x{3b1}(?:[\x{3c2}\x{3c3}](?:\x{3b1})?|\x{3b2})"
    with pytest.raises(ValueError, match="not an alternation of literals"):
        prefix_factored("a.b")
    with pytest.raises(ValueError, match="not an alternation of literals"):
        prefix_factored("[ab]")


# --- the screening, corpus by corpus --------------------------------------------------------------


def test_the_seeded_corpus_screens_the_same(spark, screenings, tmp_path):
    """The columnar tests' seeded corpus: two files of records, a snapshot and curated versions
    (their identity keys go into the query), with every claim at once and one at a time."""
    claims, paths = _seeded(tmp_path)
    _duckdb_run(claims, paths, tmp_path / "cache")
    file = claims.files[0]
    for c in (file.claims[4], file.claims[10]):  # the same author on a list; a topic and a not:
        one = claims.model_copy(update={"files": (file.model_copy(update={"claims": (c,)}),)})
        _duckdb_run(one, paths, tmp_path / "cache", as_of=dt.date(2024, 9, 30))
    (whole, *_) = screenings.assert_spark_agrees(spark)
    assert all(len(c) > 20 for c in whole.candidates) and any(any(t) for t in whole.tallies)


def _seeded(tmp_path: Path) -> tuple[Any, list[Path]]:
    """test_columnar_engine's `seeded` corpus, built by its own builders."""
    root = project(tmp_path)
    write(root / "evidence/lists/cn.yaml", engine_corpora.CN_LIST)
    text = engine_corpora.CLAIMS.replace("coauthor_in: [mil]}", "coauthor_in: [mil, cn]}")
    claims = claims_mod.load_claims([write(root / "claims/c.yaml", text)], root=root)
    records, copies = engine_corpora.corpus(700)
    first = write_jsonl(tmp_path / "first.jsonl", records[:250])
    second = write_jsonl(tmp_path / "second.jsonl.gz", records[250:500] + copies, gz=True)
    source = write_jsonl(tmp_path / "for-snapshot.jsonl", records[500:])
    snapshot = tmp_path / "snapshot"
    import_works(source, snapshot, institutions=["I100"], start=dt.date(2023, 1, 1), end=dt.date(2025, 12, 31))
    curated = write(root / "evidence/curated/versions.yaml", engine_corpora._curated_versions(records))
    return claims, [first, second, snapshot, curated]


def test_the_shipped_case_screens_the_same(spark, screenings, tmp_path):
    claims = claims_mod.load_claims(sorted((PROJECT / "claims").glob("*.yaml")), root=PROJECT)
    records = [
        engine_corpora._openalex_version(arxiv, k, date)
        for k, (arxiv, date) in enumerate([("2403.03100", "2024-03-05"), ("2404.10667", "2024-01-01"), ("x", None)])
    ]
    jsonl = write_jsonl(tmp_path / "openalex.jsonl", records)
    _duckdb_run(claims, [PROJECT / "evidence/curated/msra-2024.yaml", jsonl], tmp_path / "cache")
    (found,) = screenings.assert_spark_agrees(spark)
    assert [ordinal for ordinal, _ in found.candidates[0]] == [0, 1, 2]


def test_the_real_openalex_records_screen_the_same(spark, screenings, shared_data, tmp_path):
    root = project(tmp_path)
    write(root / "evidence/lists/partners.yaml", engine_corpora.PARTNERS_LIST)
    claims = claims_mod.load_claims([write(root / "claims/c.yaml", engine_corpora.REAL_CLAIMS)], root=root)
    page, one = shared_data / "openalex/api-page-works.json", shared_data / "openalex/W2741809807.json"
    snapshot = tmp_path / "snapshot"
    import_works(page, snapshot, institutions=["I18014758"], subjects_may_be_empty=True)
    _duckdb_run(claims, [page, one, snapshot], tmp_path / "cache")
    (found,) = screenings.assert_spark_agrees(spark)
    assert sum(map(len, found.candidates)) >= 2


def test_the_bench_corpora_screen_the_same(spark, screenings, monkeypatch, tmp_path):
    """bench's generator, sparse and dense, at a small size, with bench's five claims."""
    monkeypatch.syspath_prepend(str(PROJECT / "bench"))
    from generate import generate

    bench = PROJECT / "bench/project"
    claims = claims_mod.load_claims([bench / "claims/bench.yaml"], root=bench)
    for density in ("sparse", "dense"):
        corpus = tmp_path / f"{density}.jsonl.gz"
        generate(2000, corpus, density=density)
        _duckdb_run(claims, [corpus], tmp_path / "cache")
    sparse, dense = screenings.assert_spark_agrees(spark)
    assert len(dense.candidates[0]) > len(sparse.candidates[0]) > 50


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(random_corpora.records(), max_size=12),
    st.lists(random_corpora.records(), max_size=4),
    st.lists(random_corpora.claim, min_size=1, max_size=3),
)
def test_random_records_and_claims_screen_the_same(spark, tmp_path_factory, monkeypatch, first, second, claims):
    """The columnar property tests' random records and claims."""
    tmp = tmp_path_factory.mktemp("random")
    root = project(tmp)
    write(root / "evidence/lists/cn.yaml", random_corpora.CN_LIST)
    document = {
        "statement": {"speaker": "S", "made_on": "2024-01-10", "quote": "q", "sources": [{"title": "t"}]},
        "subjects": random_corpora.SUBJECTS,
        "topics": named_topics(random_corpora.TOPICS, claims),
        "claims": [{"id": f"c{i}", "says": "s", **c} for i, c in enumerate(claims)],
    }
    loaded = claims_mod.load_claims(
        [write(root / "claims/c.yaml", json.dumps(document, ensure_ascii=False))], root=root
    )
    paths = [write_jsonl(tmp / "a.jsonl", first), write_jsonl(tmp / "b.jsonl", second)]
    with monkeypatch.context() as patched:
        screenings = Screenings(patched)
        _duckdb_run(loaded, paths, tmp / "cache", as_of=dt.date(2025, 1, 1))
        screenings.assert_spark_agrees(spark)


# --- tables: paths, no rows, the records fetched ---------------------------------------------------


RECORDS = [
    work(f"W{k}", "Face recognition at scale", "2024-06-01" if k % 3 else "2024-01-01", [authorship("A", [lab])])
    for k, lab in enumerate([institution("I100", "Example Lab", country="US")] * 9 + [institution("I9", "Other")], 1)
]


def _table(folder: Path, records: list[dict[str, Any]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines = [(n, json.dumps(r).encode()) for n, r in enumerate(records, 1)]
    write_works_table(lines, folder / "works.parquet")
    return folder / "works.parquet"


def test_a_table_path_is_read_as_it_is_named(spark, tmp_path):
    """Quotes, spaces, backticks, glob characters and ${...} in a folder's name are not Spark's
    to read."""
    odd = _table(tmp_path / "it's a [1] {b} * `x`? ${spark.app.name}", RECORDS)
    _table(tmp_path / "it's a 1 b  `x`x claimwatch", RECORDS[:1])  # what globs and ${} would read
    empty = _table(tmp_path / "empty", [])
    assert table_location(str(odd)).startswith("file:///")
    assert table_location("s3a://bucket/works.parquet") == "s3a://bucket/works.parquet"
    plan = _plan_of(tmp_path, [odd, empty])
    sources = [str(odd), str(empty)]
    on_spark = screen_spark(screening_query(plan, sources, SPARK), 2, len(plan.claims), spark)
    assert on_spark == screen(screening_query(plan, sources), 2, len(plan.claims))
    assert on_spark.counts == [[10, 10, 0], [0, 0, 0]] and on_spark.candidates[0]


def _a_face_claim_over_a_snapshot_spark_cannot_read(tmp_path: Path) -> tuple[Any, Path]:
    """A face claim, and a snapshot of RECORDS in a folder named with a time and a bracket."""
    records = write_jsonl(tmp_path / "records.jsonl", RECORDS)
    snapshot = tmp_path / "at 10:00 [v1]" / "snap"
    import_works(records, snapshot, subjects_may_be_empty=True)
    root = project(tmp_path / "case")
    path = write(
        root / "claims/c.yaml",
        "statement: {speaker: S, made_on: 2024-01-10, quote: q, sources: [{title: t}]}\n"
        "subjects: {lab: {name: Example Lab, openalex: [I100]}}\n"
        "claims:\n  - {id: c, says: s, subject: lab, from: 2024-01-10, expects: none, works: {topic: face}}\n",
    )
    return claims_mod.load_claims([path], root=root), snapshot


def test_a_table_spark_cannot_read_by_its_path_is_named_in_one_line(spark, tmp_path):
    """A folder named with a time and a bracket ('at 10:00 [v1]'): Hadoop reads a path holding a
    glob character part by part, a part with ':' as a URL, and Spark failed saying only
    FAILED_TO_CREATE_PLAN_FOR_DIRECT_QUERY; the check says which table and why before asking."""
    claims, snapshot = _a_face_claim_over_a_snapshot_spark_cannot_read(tmp_path)
    evidence = open_evidence_paths([snapshot])
    with pytest.raises(SourceError) as raised:
        evaluate(claims, evidence, engine="spark", cache=tmp_path / "cache")
    said = str(raised.value)
    assert said.startswith(f"{snapshot / 'works.parquet'}: the Spark engine cannot read") and "\n" not in said
    assert render_json(evaluate(claims, evidence, engine="duckdb", cache=tmp_path / "cache"))  # DuckDB reads it


def test_a_table_spark_cannot_read_is_named_before_the_session_starts(tmp_path, monkeypatch):
    """The path is checked before Spark's session is asked for, which takes 10 to 20 s to start:
    the analyst waited that long for a line the path alone decides."""
    from claimwatch.columnar import _spark

    claims, snapshot = _a_face_claim_over_a_snapshot_spark_cannot_read(tmp_path)
    started: list[object] = []
    monkeypatch.setattr(_spark, "spark_session", lambda master=None: started.append(master))
    with pytest.raises(SourceError, match="the Spark engine cannot read"):
        evaluate(claims, open_evidence_paths([snapshot]), engine="spark", cache=tmp_path / "cache")
    assert started == []


def _plan_of(tmp_path: Path, tables: list[Path]) -> Any:
    """The plan the evaluator makes for one face claim over records like RECORDS."""
    root = project(tmp_path / "case")
    text = (
        "statement: {speaker: S, made_on: 2024-01-10, quote: q, sources: [{title: t}]}\n"
        "subjects: {lab: {name: Example Lab, openalex: [I100]}}\n"
        "claims:\n"
        "  - {id: c, says: s, subject: lab, from: 2024-01-10, expects: none, works: {topic: face}}\n"
    )
    claims = claims_mod.load_claims([write(root / "claims/c.yaml", text)], root=root)
    with pytest.MonkeyPatch.context() as patched:
        screenings = Screenings(patched)
        _duckdb_run(claims, [write_jsonl(tmp_path / "r.jsonl", RECORDS)], tmp_path / "cache")
    return screenings.asked[0][0]


def test_the_candidates_records_come_back_the_same(spark, tmp_path):
    table = _table(tmp_path / "t", RECORDS * 300)  # 3,000 rows: two batches and more row groups
    wanted = [0, 1, 2047, 2048, 2049, 2999]
    assert list(fetch_records_spark(str(table), wanted, spark)) == list(fetch_records(str(table), wanted))
    assert list(fetch_records_spark(str(table), [], spark)) == []


def test_a_table_the_workers_read_otherwise_is_refused_in_one_line(spark, tmp_path, monkeypatch):
    """The workers read the tables themselves, at the path this machine checked: one that finds
    another file there (an older copy on its own disk), or none where the session skips files it
    cannot read (spark.sql.files.ignoreMissingFiles), screened other works, and the check
    counted them in silence. Here the query is pointed at a copy of three of the ten works."""
    claims, _ = _a_face_claim_over_a_snapshot_spark_cannot_read(tmp_path)
    snapshot = tmp_path / "snap"
    import_works(write_jsonl(tmp_path / "all.jsonl", RECORDS), snapshot, subjects_may_be_empty=True)
    stale = _table(tmp_path / "a worker's disk", RECORDS[:3])
    checked = str(snapshot / "works.parquet")
    reads = SparkDialect.table
    monkeypatch.setattr(
        SparkDialect, "table", lambda self, source: reads(self, str(stale) if source == checked else source)
    )
    with pytest.raises(SourceError) as raised:
        evaluate(claims, open_evidence_paths([snapshot]), engine="spark", cache=tmp_path / "cache")
    (line,) = str(raised.value).splitlines()
    assert line.startswith(f"{checked}: the Spark query read 3 of its 10 rows: every worker must read")


# --- what a user is told --------------------------------------------------------------------------


def test_a_session_reading_literals_raw_is_refused(spark, tmp_path):
    spark.conf.set("spark.sql.parser.escapedStringLiterals", "true")
    try:
        with pytest.raises(ClaimwatchError, match="escapedStringLiterals"):
            screen_spark("SELECT 1", 0, 0, spark)
    finally:
        spark.conf.set("spark.sql.parser.escapedStringLiterals", "false")


def test_missing_pyspark_and_java_are_one_line_each(monkeypatch, tmp_path):
    from pyspark.sql import SparkSession

    monkeypatch.setenv("JAVA_HOME", str(tmp_path))  # no bin/java there
    assert java_found() is None
    monkeypatch.setattr(SparkSession, "getActiveSession", classmethod(lambda cls: None))  # none to reuse
    with pytest.raises(ClaimwatchError, match="needs Java 17 or newer"):
        spark_session()
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)  # as if the extra were not installed
    with pytest.raises(ClaimwatchError, match=r"claimwatch\[spark\]"):
        spark_session()


# --- end to end --------------------------------------------------------------------------------------


def test_three_engines_write_the_same_report(spark, tmp_path):
    """python (the reference), duckdb and spark: the same JSON report, byte for byte, on the
    seeded corpus and on the shipped case."""
    if "spark" not in _grouping.ENGINES:
        pytest.skip(f"the evaluator has no spark engine yet (ENGINES = {_grouping.ENGINES}): issue #19's wiring")
    shipped = claims_mod.load_claims(sorted((PROJECT / "claims").glob("*.yaml")), root=PROJECT)
    records = [engine_corpora._openalex_version("2403.03100", 0, "2024-03-05")]
    cases = [
        _seeded(tmp_path / "seeded"),
        (shipped, [PROJECT / "evidence/curated/msra-2024.yaml", write_jsonl(tmp_path / "openalex.jsonl", records)]),
    ]
    for claims, paths in cases:
        evidence = open_evidence_paths(paths)
        reports = [
            render_json(evaluate(claims, evidence, engine=engine, cache=tmp_path / "cache"))
            for engine in ("python", "duckdb", "spark")
        ]
        assert reports[1] == reports[0] and reports[2] == reports[0]
    assert '"verdict": "contradicted"' in reports[0]  # the shipped case finds something


def _check_on_spark(tmp_path: Path, *options: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`claimwatch check --engine spark` in a process of its own: a session started in this one
    (the module's) would be reused, never started."""
    root = project(tmp_path / "case")
    write(root / "claimwatch.toml", "[case]\nname = 'c'\n")
    write(
        root / "claims/c.yaml",
        "statement: {speaker: S, made_on: 2024-01-10, quote: q, sources: [{title: t}]}\n"
        "subjects: {lab: {name: Example Lab, openalex: [I100]}}\n"
        "claims:\n  - {id: c, says: s, subject: lab, from: 2024-01-10, expects: none, works: {topic: face}}\n",
    )
    works = write_jsonl(tmp_path / "works.jsonl", RECORDS[:2])
    script = "import sys; from claimwatch.cli import main; sys.exit(main(sys.argv[1:]))"
    command = [sys.executable, "-c", script, "check", "--root", str(root), str(root / "claims"), "--evidence"]
    command += [str(works), "--engine", "spark", "--cache", str(tmp_path / "cache"), *options]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, env={**os.environ, **(env or {})})


def _ours(stderr: str) -> list[str]:
    """The lines claimwatch wrote (not the JVM's, nor Spark's log)."""
    return [
        line for line in stderr.splitlines() if line.startswith(("Spark did not start", "Traceback", "claimwatch:"))
    ]


def test_a_java_that_does_not_start_is_one_line(tmp_path):
    """Java 11 (PySpark 4 wants 17) or a broken one: PySpark's gateway exits before it starts,
    which was a traceback of 50 lines and exit 1 (the code --fail-on gives a verdict)."""
    java = write(
        tmp_path / "jdk/bin/java",
        "#!/bin/sh\necho 'UnsupportedClassVersionError: class file version 61.0' >&2\nexit 1\n",
    )
    java.chmod(0o755)
    done = _check_on_spark(tmp_path, env={"JAVA_HOME": str(tmp_path / "jdk")})
    assert done.returncode == 3, done.stderr
    assert [line for line in _ours(done.stderr) if not line.startswith("claimwatch: making")] == [
        "Spark did not start on local[2]: [JAVA_GATEWAY_EXITED] Java gateway process exited before sending its port "
        "number. (it needs Java 17 or newer, at $JAVA_HOME or on PATH, and a master it can reach; Spark's own "
        "messages above say more)"
    ]


def test_a_master_spark_cannot_use_is_one_line(tmp_path):
    done = _check_on_spark(tmp_path, "--spark-master", "nosuch://host:7077")
    assert done.returncode == 3, done.stderr
    (line,) = [line for line in _ours(done.stderr) if not line.startswith("claimwatch: making")]
    assert line.startswith("Spark did not start on nosuch://host:7077: ")


def _refused_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then closed)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_standalone_master_no_one_answers_is_one_line_at_once(tmp_path):
    """A spark:// master that is not running: Spark's client tried to register for about 60 s,
    printing some 200 warnings, before the one line. No connection reaching it now ends the run
    before Java starts."""
    port = _refused_port()
    started = time.monotonic()
    done = _check_on_spark(tmp_path, "--spark-master", f"spark://127.0.0.1:{port}")
    assert time.monotonic() - started < 30  # a bound far above a refused connection, far below 60 s
    assert done.returncode == 3, done.stderr
    assert "WARN" not in done.stderr
    (line,) = [line for line in _ours(done.stderr) if not line.startswith("claimwatch: making")]
    assert line.startswith(f"Spark did not start on spark://127.0.0.1:{port}: no master answered (127.0.0.1:{port}: ")
    assert line.endswith("it needs a master it can reach (is the master running, at that host and port?)")


def test_a_master_that_answers_or_one_of_several_that_does_is_left_to_spark():
    """High availability names several masters: one that answers is enough; masters other than
    spark:// (yarn, k8s) and URLs Spark itself must judge are not tried here."""
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        port = listening.getsockname()[1]
        _reach_standalone_master(f"spark://127.0.0.1:{_refused_port()},127.0.0.1:{port}")
        _reach_standalone_master(f"spark://127.0.0.1:{port}")
    for master in ["yarn", "k8s://https://127.0.0.1:1", "local[2]", "spark://no-port-here"]:
        _reach_standalone_master(master)
    with pytest.raises(SourceError, match=r"no master answered \(127\.0\.0\.1:\d+: .+; \[::1\]:\d+: "):
        _reach_standalone_master(f"spark://127.0.0.1:{_refused_port()},[::1]:{_refused_port()}")


@pytest.mark.parametrize("mode", ["EXCEPTION", "LEGACY"])
def test_a_date_before_the_gregorian_reform_is_read_as_duckdb_reads_it(spark, tmp_path, mode):
    """OpenAlex dates a few works before 1582-10-15 (old books, a wrong year). Spark 3.x's default
    for Parquet dates no Spark wrote, kept by a notebook's or a cluster's session, refused the
    whole screening for one such date (EXCEPTION) or moved it by days (LEGACY); the query reads
    it as written, and the session keeps its own setting."""
    lab = institution("I100", "Example Lab", country="US")
    old = [
        work(f"W{k}", "Face recognition", date, [authorship("A", [lab])])
        for k, date in enumerate(["1500-03-01", "1582-10-04", "1582-10-15", "2024-06-01"], 1)
    ]
    table = _table(tmp_path / "t", old)
    plan = Plan(
        (SubjectPlan(("I100",), (), ()),),
        (),
        (),
        (ClaimPlan(0, dt.date(1500, 3, 1), dt.date(1500, 3, 1), Listed((), None)),),
    )
    duck = screen(screening_query(plan, [str(table)]), 1, 1)
    spark.conf.set("spark.sql.parquet.datetimeRebaseModeInRead", mode)
    try:
        assert screen_spark(screening_query(plan, [str(table)], SPARK), 1, 1, spark) == duck
        assert spark.conf.get("spark.sql.parquet.datetimeRebaseModeInRead") == mode
    finally:
        spark.conf.set("spark.sql.parquet.datetimeRebaseModeInRead", "CORRECTED")
    assert duck.tallies[0][0] == 1  # 1500-03-01 alone is in the period of that one day


def test_a_query_spark_cannot_run_is_one_line(spark, tmp_path):
    """A query that fails once it runs (a cluster's workers that cannot read the table where this
    machine wrote it) was PySpark's traceback; it is one line naming the master, as a session that
    does not start is. Two real failures: one raised as the query runs, a table not there."""
    with pytest.raises(SourceError) as failed:
        screen_spark("SELECT raise_error('the workers cannot read it')", 0, 0, spark)
    (line,) = str(failed.value).splitlines()
    assert line.startswith(f"the Spark query failed on {spark.sparkContext.master}: ")
    assert "the workers cannot read it" in line and "every worker must read the works tables" in line
    with pytest.raises(SourceError, match="the Spark query failed on") as failed:
        list(fetch_records_spark(str(tmp_path / "gone.parquet"), [0], spark))
    assert len(str(failed.value).splitlines()) == 1


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    people_corpora.PIECES,
    people_corpora.CLAIMS,
    people_corpora.CURATED_KINDS,
    people_corpora.REVIEWED,
    people_corpora.AS_OF,
)
def test_claims_about_people_give_the_same_report_on_all_three_engines(
    spark, tmp_path_factory, pieces, claims, curated, reviewed, as_of
):
    """test_engine_people_differential.py's generated namesakes, works, layouts (a snapshot
    without its table, under key=value folders), curated evidence, reviews and as-of, on Spark."""
    tmp = tmp_path_factory.mktemp("people")
    got = people_corpora.reports(tmp, pieces, claims, curated, reviewed, as_of, ("python", "duckdb", "spark"))
    assert got["duckdb"] == got["python"] and got["spark"] == got["python"]


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(st.lists(works_corpora.record(), max_size=10), min_size=1, max_size=3),
    st.lists(works_corpora.claim, min_size=1, max_size=4),
    st.sampled_from([None, "10.1234/a", "10.1234/o'brien\\x%_$"]),
    st.sampled_from([None, dt.date(2025, 1, 1), dt.date(2024, 6, 30)]),
)
def test_real_shaped_records_give_the_same_report_on_spark(spark, tmp_path_factory, files, claims, curated_doi, as_of):
    """test_engine_differential.py's real-shaped records and claims of every kind, on Spark."""
    tmp = tmp_path_factory.mktemp("diff")
    reports = works_corpora.check(tmp, files, claims, curated_doi, as_of, ("python", "duckdb", "spark"))
    assert reports["duckdb"] == reports["python"] and reports["spark"] == reports["python"]
