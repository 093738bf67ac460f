"""The OpenAlex collector against a real HTTP server on 127.0.0.1 that answers like OpenAlex.

pyalex and requests run for real; only the host differs (routed by the client's adapter).
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
import logging
import math
import socket
import time
import unicodedata
from pathlib import Path
from typing import Any, ClassVar

import pyalex
import pyalex.api
import pytest
from rich.console import Console

from claimwatch import _http
from claimwatch import openalex as collector
from claimwatch._signals import Terminated
from claimwatch.claims import load_claims
from claimwatch.cli import main
from claimwatch.cli.collect import ProgressBar
from claimwatch.errors import InputError
from claimwatch.evidence import Snapshot, SnapshotWriter, import_jsonl
from claimwatch.works import NOT_OPENALEX_FIELDS, Origin, work_from_openalex
from openalex_server import LINEAGE, FakeOpenAlex, Fault, GeneratedWorks, institution, tiny_work, work_record

KEY = "ck-test-9f3a1c7e-0d4b-secret"
EMAIL = "analyst.secret+cw@example.org"
LAB = institution(
    "I900000001",
    "Example Lab",
    ror="0abcde165",
    lineage=["I900000002"],
    country="CN",
    alternatives=["The Example Laboratory"],
    acronyms=["EXL"],
    works_count=12345,
)
BRANCH = institution("I900000003", "Example Lab Beijing", lineage=["I900000001", "I900000002"])
PARENT = institution("I900000002", "Example Corp", ror="0fedcba33", country="US", kind="company")
OTHER = institution("I900000009", "Other University", ror="0zzzzzz02")
PERIOD_START = dt.date(2024, 1, 10)


def corpus() -> list[dict[str, Any]]:
    """450 works: the lab's, its branch's (found through lineage), others', across 2023-2025;
    work 7 has 250 authors, so list responses cut it at 100."""
    works = []
    for n in range(450):
        places = [[LAB, OTHER], [BRANCH], [OTHER]][n % 3]
        published = (dt.date(2023, 6, 1) + dt.timedelta(days=n * 2)).isoformat()
        works.append(work_record(n, places, published=published, authors=250 if n == 7 else 3))
    return works


def expected_ids(works: list[dict[str, Any]], institution_id: str, start: dt.date | None) -> set[str]:
    """The test's own reading of the query: an author's lineage holds the id, published on or after
    1 January of start's year (OpenAlex dates a year-only work YYYY-01-01, so the collect asks
    from there)."""
    wanted = f"https://openalex.org/{institution_id}"
    return {
        w["id"].rsplit("/", 1)[-1]
        for w in works
        if any(wanted in i["lineage"] for a in w["authorships"][:100] for i in a["institutions"])
        and (start is None or w["publication_date"] >= start.replace(month=1, day=1).isoformat())
    }


def snapshot_records(folder: Path) -> list[dict[str, Any]]:
    with gzip.open(folder / "works.jsonl.gz", "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def short(record: dict[str, Any]) -> str:
    return record["id"].rsplit("/", 1)[-1]


@pytest.fixture()
def serve():
    """Start fake OpenAlex servers; all are stopped (threads joined) after the test."""
    started: list[FakeOpenAlex] = []

    def start(**kw: Any) -> FakeOpenAlex:
        api = FakeOpenAlex(**kw).start()
        started.append(api)
        return api

    yield start
    for api in started:
        api.stop()


@pytest.fixture()
def sleeps() -> list[float]:
    return []


@pytest.fixture()
def connect(sleeps):
    """Clients on a fake server with short timeouts; waits are recorded, not slept."""
    made: list[collector.OpenAlexClient] = []

    def make(api: FakeOpenAlex, **kw: Any) -> collector.OpenAlexClient:
        options = {
            "api_key": KEY,
            "email": EMAIL,
            "connect_timeout": 1.0,
            "read_timeout": 2.0,
            "retries": 3,
            "backoff": 0.01,
            "max_wait": 30.0,
            "sleep": sleeps.append,
            **kw,
        }
        client = collector.OpenAlexClient(api.url, **options)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


def lab_query(start: dt.date | None = PERIOD_START) -> collector.Query:
    return collector.Query("lab", "Example Lab", ("I900000001",), start, None)


def claim_file(
    folder: Path,
    openalex: str = "[I900000001]",
    start: str = "2024-01-10",
    end: str | None = None,
    subjects: str = "",
    claims: str = "",
) -> Path:
    """A claim file about Example Lab (I900000001), with more subjects and claims if given."""
    path = folder / "claims.yaml"
    path.write_text(
        "statement:\n"
        "  speaker: Example Corp\n"
        "  made_on: 2024-01-10\n"
        "  quote: Example Lab does no such work.\n"
        "  sources: [{title: A report}]\n"
        f"subjects:\n  lab:\n    name: Example Lab\n    openalex: {openalex}\n{subjects}"
        "topics:\n  studies:\n    name: Studies\n    rationale: Every work in the fake is a study.\n"
        "    phrases: [study]\n"
        "claims:\n"
        "  - id: lab-no-studies\n    says: Example Lab publishes no studies.\n    subject: lab\n"
        f"    from: {start}\n"
        + (f"    to: {end}\n" if end else "")
        + f"    expects: none\n    works: {{topic: studies}}\n{claims}",
        encoding="utf-8",
    )
    return path


@pytest.fixture(autouse=True)
def no_openalex_environment(monkeypatch):
    """Tests set what they need; nothing from the shell running them leaks in."""
    for name in ("OPENALEX_API_KEY", "OPENALEX_EMAIL", "CLAIMWATCH_OPENALEX_URL"):
        monkeypatch.delenv(name, raising=False)


# --- planning --------------------------------------------------------------------------------


def test_plan_makes_one_query_per_subject_over_the_union_of_its_claims_periods(project_root):
    claim_set = load_claims([project_root / "claims"], root=project_root)
    assert len(claim_set.claims) > 3  # three files, all about MSRA
    queries = collector.plan(claim_set)
    assert queries == [collector.Query("msra", "Microsoft Research Asia", ("I4210113369",), dt.date(2022, 4, 8), None)]


def test_plan_closes_the_period_only_when_every_claim_does(tmp_path):
    later = (
        "  - id: lab-later\n    says: Later.\n    subject: lab\n    from: 2024-03-01\n"
        "    to: 2025-01-31\n    expects: none\n    works: {topic: studies}\n"
    )
    (open_ended,) = collector.plan(load_claims([claim_file(tmp_path, claims=later)], root=tmp_path))
    assert (open_ended.from_, open_ended.to) == (dt.date(2024, 1, 10), None)
    path = claim_file(tmp_path, start="2024-01-10", end="2024-06-30", claims=later)
    (query,) = collector.plan(load_claims([path], root=tmp_path))
    assert (query.from_, query.to) == (dt.date(2024, 1, 10), dt.date(2025, 1, 31))
    assert query.filters() == {
        LINEAGE: "I900000001",
        "from_publication_date": "2024-01-01",
        "to_publication_date": "2025-01-31",
    }


def test_plan_splits_a_subject_with_more_than_100_ids(tmp_path):
    many = [f"I{910_000_000 + k}" for k in range(150)]
    queries = collector.plan(load_claims([claim_file(tmp_path, openalex=json.dumps(many))], root=tmp_path))
    assert [len(q.institutions) for q in queries] == [100, 50]
    assert sorted(i for q in queries for i in q.institutions) == sorted(many)


def test_plan_skips_subjects_without_openalex_ids(tmp_path):
    claim_set = load_claims([claim_file(tmp_path, openalex="[]")], root=tmp_path)
    assert collector.plan(claim_set) == []
    assert [s.id for s in collector.subjects_without_ids(claim_set)] == ["lab"]


def test_the_query_is_an_or_filter_on_lineage_with_dates_and_select(tmp_path):
    url = collector.Query("s", "S", ("I1", "I2"), dt.date(2024, 1, 10), dt.date(2025, 6, 27)).works().url
    params = dict(part.split("=", 1) for part in url.split("?", 1)[1].split("&"))
    assert params["filter"] == f"{LINEAGE}:I1|I2,from_publication_date:2024-01-01,to_publication_date:2025-06-27"
    assert params["select"] == ",".join(collector.WORK_FIELDS)
    assert url.startswith("https://api.openalex.org/works?")


def test_select_asks_for_exactly_the_fields_the_evaluator_reads():
    class Spy(dict):
        asked: ClassVar[set[str]] = set()

        def get(self, key: str, default: Any = None) -> Any:
            self.asked.add(key)
            return super().get(key, default)

        def __getitem__(self, key: str) -> Any:
            self.asked.add(key)
            return super().__getitem__(key)

    record = Spy()
    work_from_openalex(record, Origin("snapshot", "spy", 1))
    assert record.asked - NOT_OPENALEX_FIELDS == set(collector.WORK_FIELDS)


def test_coverage_is_the_period_every_query_covers():
    a = collector.Query("a", "A", ("I1",), dt.date(2022, 1, 1), None)
    b = collector.Query("b", "B", ("I2",), dt.date(2024, 1, 1), dt.date(2025, 1, 1))
    cov = collector.coverage_of([a, b])
    assert (cov.complete, cov.institutions, cov.from_, cov.to) == (
        True,
        ("I1", "I2"),
        dt.date(2024, 1, 1),
        dt.date(2025, 1, 1),
    )
    assert "differ" in cov.note
    apart = collector.coverage_of([collector.Query("a", "A", ("I1",), None, dt.date(2020, 1, 1)), b])
    assert not apart.complete


# --- collecting ------------------------------------------------------------------------------


def test_collect_gathers_every_matching_work_exactly_once(serve, connect, tmp_path):
    works = corpus()
    api = serve(works=works)
    out = tmp_path / "snap"
    result = collector.collect([lab_query()], out, client=connect(api))

    records = snapshot_records(out)
    got = [short(r) for r in records]
    want = expected_ids(works, "I900000001", PERIOD_START)
    assert len(want) > 200 and sorted(got) == sorted(want) and len(got) == len(set(got))
    assert all(set(r) <= set(collector.WORK_FIELDS) for r in records)  # select was honoured

    pages = api.list_requests("/works")
    assert len(pages) <= math.ceil(len(want) / 200) + 2
    assert all(p.params["per-page"] == "200" and "cursor" in p.params for p in pages)
    assert pages[0].params["cursor"] == "*"
    assert pages[0].params["filter"] == f"{LINEAGE}:I900000001,from_publication_date:2024-01-01"
    assert all(p.headers.get("Authorization") == f"Bearer {KEY}" and p.headers.get("From") == EMAIL for p in pages)

    snapshot = Snapshot.open(out)
    assert sum(1 for _ in snapshot.works()) == len(want) == result.records
    cov = snapshot.coverage
    assert (cov.complete, cov.institutions, cov.from_, cov.to) == (True, ("I900000001",), PERIOD_START, None)
    (entry,) = snapshot.manifest.queries
    assert entry["count"] == entry["received"] == len(want)
    assert entry["filter"] == pages[0].params["filter"] and entry["per_page"] == 200


def test_a_truncated_author_list_is_fetched_alone(serve, connect, tmp_path):
    works = corpus()
    api = serve(works=works)
    collector.collect([lab_query(None)], tmp_path / "snap", client=connect(api))
    (big,) = [r for r in snapshot_records(tmp_path / "snap") if short(r) == "W4000000007"]
    assert len(big["authorships"]) == 250
    assert [r.path for r in api.requests if r.path.startswith("/works/")] == ["/works/W4000000007"]
    # the analyst's evidence: the 101st author onwards is there and readable
    work = work_from_openalex(big, Origin("snapshot", "t", 1))
    assert not work.authors_truncated and work.authorships[249].name == "Author 7249"


def test_a_merged_id_answers_301_and_the_surviving_work_arrives_once(serve, connect, tmp_path):
    old = work_record(1, [LAB], authors=150, title="Old record")
    new = work_record(2, [LAB], authors=150, title="Surviving record")
    api = serve(works=[old, new], merged={short(old): short(new)})
    result = collector.collect([lab_query(None)], tmp_path / "snap", client=connect(api))

    records = snapshot_records(tmp_path / "snap")
    assert [short(r) for r in records] == [short(new)]
    assert len(records[0]["authorships"]) == 150
    assert result.manifest.duplicates_collapsed == 1
    assert result.manifest.queries[0]["merged_ids"] == {short(old): short(new)}
    followed = [r for r in api.requests if r.path == f"/works/{short(new)}"]
    assert followed and all(r.headers.get("Authorization") == f"Bearer {KEY}" for r in followed)


def test_a_work_gone_since_it_was_listed_keeps_its_listed_authors(serve, connect, tmp_path):
    api = serve(works=[work_record(1, [LAB], authors=150)])
    api.inject(Fault.http(404, path="/works/", times=None))
    result = collector.collect([lab_query(None)], tmp_path / "snap", client=connect(api))
    (record,) = snapshot_records(tmp_path / "snap")
    assert len(record["authorships"]) == 100 and record["is_authors_truncated"] is True
    assert result.manifest.queries[0]["authors_still_truncated"] == ["W4000000001"]


def test_more_than_10000_works_all_arrive(serve, connect, tmp_path):
    n = 10_250  # pyalex's paginate() stops at 10,000 unless n_max=None
    api = serve(works=GeneratedWorks(n, tiny_work))
    result = collector.collect([lab_query(None)], tmp_path / "snap", client=connect(api))
    ids = [short(r) for r in snapshot_records(tmp_path / "snap")]
    assert len(ids) == len(set(ids)) == n == result.records
    pages = len(api.list_requests("/works"))
    assert pages <= math.ceil(n / 200) + 2


def test_subject_with_more_than_100_ids_pages_each_part_and_collapses_overlaps(serve, connect, tmp_path):
    ids = [f"I{910_000_000 + k}" for k in range(150)]
    places = [institution(i, f"Unit {i}") for i in ids]
    works = [work_record(k, [places[k % 150], places[(k + 120) % 150]]) for k in range(300)]
    api = serve(works=works)  # it answers 400 to an OR filter with more than 100 values
    queries = [collector.Query("big", "Big", tuple(ids[:100])), collector.Query("big", "Big", tuple(ids[100:]))]
    result = collector.collect(queries, tmp_path / "snap", client=connect(api))
    got = [short(r) for r in snapshot_records(tmp_path / "snap")]
    assert sorted(got) == sorted(short(w) for w in works)
    assert result.manifest.duplicates_collapsed > 0
    assert result.manifest.coverage.institutions == tuple(sorted(ids))


def test_the_real_work_record_passes_through_as_selected(serve, connect, tmp_path, shared_data):
    real = json.loads((shared_data / "openalex" / "W2741809807.json").read_text())
    lineage = real["authorships"][0]["institutions"][0]["lineage"][0].rsplit("/", 1)[-1]
    api = serve(works=[real])
    collector.collect([collector.Query("x", "X", (lineage,))], tmp_path / "snap", client=connect(api))
    (record,) = snapshot_records(tmp_path / "snap")
    assert record == {k: real[k] for k in collector.WORK_FIELDS if k in real}
    (work,) = Snapshot.open(tmp_path / "snap").works()
    assert work.id == "W2741809807" and work.doi == "10.7717/peerj.4375"


def test_fewer_works_than_openalex_counted_make_coverage_incomplete(serve, connect, tmp_path):
    api = serve(works=corpus())
    original = api._list_works

    def fewer(params: dict[str, str]) -> dict[str, Any]:  # OpenAlex counts five more than it gives
        body = original(params)
        body["meta"]["count"] += 5
        return body

    api._list_works = fewer  # type: ignore[method-assign]
    result = collector.collect([lab_query()], tmp_path / "snap", client=connect(api))
    assert not result.manifest.coverage.complete
    assert "arrived" in result.manifest.coverage.note and result.notes


def test_progress_bar_counts_records_out_of_openalex_count(serve, connect, tmp_path):
    works = corpus()
    api = serve(works=works)
    screen = io.StringIO()
    with ProgressBar(enabled=True, console=Console(file=screen, force_terminal=True, width=120)) as bar:
        collector.collect([lab_query()], tmp_path / "snap", client=connect(api), progress=bar)
    n = len(expected_ids(works, "I900000001", PERIOD_START))
    assert f"{n}/{n}" in screen.getvalue()


# --- failures --------------------------------------------------------------------------------


def test_429_waits_as_retry_after_says(serve, connect, sleeps, tmp_path):
    api = serve(works=corpus())
    api.inject(Fault.http(429, retry_after="7", times=2, after=1))
    client = connect(api)
    result = collector.collect([lab_query()], tmp_path / "snap", client=client)
    assert sleeps == [7.0, 7.0] and result.retries == 2
    assert sorted(short(r) for r in snapshot_records(tmp_path / "snap")) == sorted(
        expected_ids(corpus(), "I900000001", PERIOD_START)
    )


def test_retry_after_is_honoured_in_real_time(serve, tmp_path):
    import time

    api = serve(works=corpus())
    api.inject(Fault.http(503, retry_after="1", times=1))
    with collector.OpenAlexClient(api.url, backoff=0.01, read_timeout=2) as client:
        began = time.monotonic()
        collector.collect([lab_query()], tmp_path / "snap", client=client)
        assert time.monotonic() - began >= 1.0


def test_retry_after_as_an_http_date():
    later = (dt.datetime.now(dt.UTC) + dt.timedelta(seconds=30)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert 25 <= _http.retry_after(later) <= 30
    assert _http.retry_after("2") == 2.0
    assert _http.retry_after("soon") is None


def test_500s_are_retried_with_backoff(serve, connect, sleeps, tmp_path):
    api = serve(works=corpus())
    api.inject(Fault.http(500, after=1), Fault.http(502, after=2), Fault.http(504, after=3))
    collector.collect([lab_query()], tmp_path / "snap", client=connect(api))
    assert sleeps == [0.01, 0.02, 0.04]
    ids = [short(r) for r in snapshot_records(tmp_path / "snap")]
    assert sorted(ids) == sorted(expected_ids(corpus(), "I900000001", PERIOD_START)) and len(ids) == len(set(ids))


def test_a_wait_past_the_bound_fails_at_once(serve, connect, sleeps, tmp_path):
    api = serve(works=corpus())
    api.inject(Fault.http(429, retry_after="3600", times=None))
    with pytest.raises(collector.OpenAlexError) as caught:
        collector.collect([lab_query()], tmp_path / "snap", client=connect(api, max_wait=60))
    assert sleeps == []
    assert "HTTP 429" in str(caught.value) and "Retry-After asks for 3600 s" in str(caught.value)
    assert not (tmp_path / "snap").exists()


def test_a_slow_answer_times_out_and_is_retried(serve, connect, tmp_path):
    api = serve(works=corpus())
    api.inject(Fault.slow(3.0, times=1, after=1))
    result = collector.collect([lab_query()], tmp_path / "snap", client=connect(api, read_timeout=0.5))
    assert result.retries == 1
    ids = [short(r) for r in snapshot_records(tmp_path / "snap")]
    assert sorted(ids) == sorted(expected_ids(corpus(), "I900000001", PERIOD_START))


def test_an_answer_that_never_comes_fails_naming_the_timeout(serve, connect, tmp_path):
    api = serve(works=corpus())
    api.inject(Fault.slow(1.5, times=None))
    with pytest.raises(collector.OpenAlexError) as caught:
        collector.collect([lab_query()], tmp_path / "snap", client=connect(api, read_timeout=0.2, retries=1))
    assert "no answer within 0.2 s" in str(caught.value) and "after 2 attempts" in str(caught.value)


def test_connection_resets_are_retried(serve, connect, tmp_path):
    api = serve(works=corpus())
    api.inject(Fault.reset(times=2, after=1))
    result = collector.collect([lab_query()], tmp_path / "snap", client=connect(api))
    assert result.retries == 2
    ids = [short(r) for r in snapshot_records(tmp_path / "snap")]
    assert sorted(ids) == sorted(expected_ids(corpus(), "I900000001", PERIOD_START))


def test_a_reset_every_time_fails_in_one_line(serve, connect, tmp_path):
    api = serve(works=corpus())
    api.inject(Fault.reset(times=None))
    with pytest.raises(collector.OpenAlexError) as caught:
        collector.collect([lab_query()], tmp_path / "snap", client=connect(api, retries=2))
    message = str(caught.value)
    assert "\n" not in message and "after 3 attempts" in message and f"GET {api.url}/works?" in message


def test_a_failure_part_way_leaves_the_earlier_snapshot_intact(serve, connect, tmp_path):
    api = serve(works=corpus())
    out = tmp_path / "snap"
    collector.collect([lab_query(None)], out, client=connect(api))
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    api.inject(Fault.http(503, times=None, after=1))  # the second page never comes
    with pytest.raises(collector.OpenAlexError) as caught:
        collector.collect([lab_query(None)], out, client=connect(api))
    assert "HTTP 503" in str(caught.value) and f"{out} left unchanged" in str(caught.value)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".snap.lock", "snap"]  # no temporary folder left


@pytest.mark.parametrize(
    "fault, cause",
    [
        (Fault.malformed(times=None), "malformed JSON"),
        (Fault.http(503, times=None), "HTTP 503 Service Unavailable after 3 attempts"),
        (Fault.http(404, times=None), "HTTP 404 Not Found"),
    ],
)
def test_cli_failures_exit_3_with_one_line_and_keep_the_snapshot(serve, tmp_path, monkeypatch, capsys, fault, cause):
    monkeypatch.setenv("OPENALEX_API_KEY", KEY)
    monkeypatch.setenv("OPENALEX_EMAIL", EMAIL)
    api = serve(works=corpus())
    claims, out = claim_file(tmp_path), tmp_path / "snap"
    argv = [
        "collect",
        str(claims),
        "--out",
        str(out),
        "--openalex-url",
        api.url,
        "--root",
        str(tmp_path),
        "--timeout",
        "2",
        "--retries",
        "2",
        "--backoff",
        "0.01",
    ]
    assert main(argv) == 0
    before = (out / "works.jsonl.gz").read_bytes()
    capsys.readouterr()
    api.inject(fault)
    assert main(argv) == 3
    captured = capsys.readouterr()
    (line,) = captured.err.splitlines()
    assert cause in line and f"GET {api.url}/works?" in line and line.endswith(f"{out} left unchanged")
    assert captured.out == "" and (out / "works.jsonl.gz").read_bytes() == before


@pytest.mark.parametrize(
    ("stop", "said", "code"),
    [(KeyboardInterrupt, "interrupted (Ctrl-C)", 130), (Terminated, "terminated (SIGTERM)", 143)],
)
def test_ctrl_c_exits_130_and_writes_nothing(serve, tmp_path, monkeypatch, capsys, stop, said, code):
    """A SIGTERM (a job's stop) raises `Terminated` where Ctrl-C raises KeyboardInterrupt. Was:
    exit 3, a data source's failure, where every other command exits 130 or 143."""
    monkeypatch.setenv("OPENALEX_API_KEY", KEY)
    api = serve(works=corpus())
    claims, out = claim_file(tmp_path), tmp_path / "snap"
    argv = ["collect", str(claims), "--out", str(out), "--openalex-url", api.url, "--root", str(tmp_path)]
    assert main(argv) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    capsys.readouterr()
    written = []

    def interrupted(self: SnapshotWriter, record: dict[str, Any]) -> None:
        written.append(record)
        if len(written) == 150:
            raise stop

    monkeypatch.setattr(SnapshotWriter, "write_record", interrupted)
    assert main(argv) == code
    assert capsys.readouterr().err.splitlines() == [f"{said}; {out} left unchanged"]
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not list(tmp_path.glob(".snap.tmp-*"))
    assert pyalex.config.api_key is None and pyalex.api._get_requests_session.__module__ == "pyalex.api"


def test_ctrl_c_names_an_out_holding_a_line_break_in_one_line(serve, tmp_path, monkeypatch, capsys):
    """`collect --out "snap<line break>shot"` stopped by Ctrl-C said "interrupted (Ctrl-C); snap"
    and, on a line of its own, "shot left unchanged". One line, as its "wrote" line is."""
    monkeypatch.setenv("OPENALEX_API_KEY", KEY)
    api = serve(works=corpus())
    claims, out = claim_file(tmp_path), tmp_path / "snap\nshot"
    argv = ["collect", str(claims), "--out", str(out), "--openalex-url", api.url, "--root", str(tmp_path)]

    def interrupted(self: SnapshotWriter, record: dict[str, Any]) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(SnapshotWriter, "write_record", interrupted)
    assert main(argv) == 130
    assert capsys.readouterr().err.splitlines() == [f"interrupted (Ctrl-C); {tmp_path}/snap shot left unchanged"]


def test_secrets_never_reach_a_file_an_output_line_or_a_log(serve, tmp_path, monkeypatch, capsys, caplog):
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("OPENALEX_API_KEY", KEY)
    monkeypatch.setenv("OPENALEX_EMAIL", EMAIL)
    api = serve(works=corpus())
    claims, out = claim_file(tmp_path), tmp_path / "snap"
    base = ["collect", str(claims), "--out", str(out), "--root", str(tmp_path), "--retries", "1", "--backoff", "0.01"]
    assert main([*base, "--openalex-url", api.url]) == 0
    assert main(["collect", "--update", str(out), "--openalex-url", api.url]) == 0
    api.inject(Fault.http(503, times=None))
    # a mirror URL carrying the key as a password, or as a parameter, must not leak it either
    assert main([*base, "--openalex-url", api.url.replace("http://", f"http://user:{KEY}@")]) == 3
    assert main(["resolve", "Example", "--openalex-url", f"{api.url}/?api_key={KEY}&mailto={EMAIL}"]) == 2

    # the key was sent (as a header), so its absence below means something
    assert any(r.headers.get("Authorization") == f"Bearer {KEY}" for r in api.requests)
    captured = capsys.readouterr()
    written = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    written += b"".join(gzip.decompress(p.read_bytes()) for p in tmp_path.rglob("*.gz"))
    for secret in (KEY, EMAIL, EMAIL.replace("@", "%40"), EMAIL.replace("+", "%2B")):
        assert secret not in captured.out and secret not in captured.err
        assert secret.encode() not in written
        assert secret not in caplog.text
    assert "***" in captured.err  # the redacted URL was shown
    assert pyalex.config.api_key is None and pyalex.config.email is None


def test_a_mirror_password_holding_an_at_sign_is_hidden_whole(serve, tmp_path, capsys):
    """A password written into --openalex-url with an "@" unencoded, as people write them:
    requests reads "open@sesame-42" as the password, and so must every place that hides it."""
    api = serve(works=corpus())
    claims, out = claim_file(tmp_path), tmp_path / "snap"
    mirror = api.url.replace("http://", "http://watchdog:open@sesame-42@")
    argv = ["collect", str(claims), "--out", str(out), "--root", str(tmp_path), "--no-authors", "-q"]
    assert main([*argv, "--openalex-url", mirror]) == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    api.inject(Fault.http(404, times=None))
    assert main([*argv, "--openalex-url", mirror]) == 3
    err = capsys.readouterr().err
    # was: "http://***@sesame-42@127.0.0.1:...", in the manifest's api and command and in the line
    assert manifest["api"] == api.url.replace("http://", "http://***@")
    assert "sesame" not in json.dumps(manifest) and "sesame" not in err
    assert f"GET {api.url.replace('http://', 'http://***@')}/works?" in err


def test_a_refusal_without_a_key_says_to_set_one(serve, tmp_path):
    api = serve(works=corpus())
    api.inject(Fault.http(401, times=None))
    with collector.OpenAlexClient(api.url) as client, pytest.raises(collector.OpenAlexError) as caught:
        collector.collect([lab_query()], tmp_path / "snap", client=client)
    assert caught.value.status == 401 and "HTTP 401 Unauthorized (injected fault); set OPENALEX_API_KEY" in str(
        caught.value
    )


def test_redact_removes_keys_emails_and_passwords():
    client = collector.OpenAlexClient(api_key="k3y", email="a@b.org")
    try:
        text = client.redact("https://u:pw@host/works?api_key=zz&mailto=a%40b.org&x=1 k3y a@b.org")
        assert text == "https://***@host/works?api_key=***&mailto=***&x=1 *** ***"
    finally:
        client.close()


def test_a_one_character_key_leaves_the_manifest_and_the_error_line_as_they_were(serve, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("OPENALEX_API_KEY", "a")
    monkeypatch.setenv("OPENALEX_EMAIL", "e")
    api = serve(works=corpus())
    claims, out = claim_file(tmp_path), tmp_path / "snap"
    assert main(["collect", str(claims), "--out", str(out), "--openalex-url", api.url, "--root", str(tmp_path)]) == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert "***" not in json.dumps(manifest)  # was: https://***pi.open***lex.org, "cl***imw***tch collect", ...
    assert manifest["queries"][0]["url"].startswith("https://api.openalex.org/works?filter=authorships.")
    api.inject(Fault.http(503, path="/works", times=None))
    capsys.readouterr()
    assert main(["collect", "--update", str(out), "--openalex-url", api.url, "--retries", "0"]) == 3
    (line,) = capsys.readouterr().err.splitlines()
    assert "***" not in line and f"GET {api.url}/works?filter=authorships.institutions.lineage:I900000001" in line


def test_the_base_url_must_be_http(tmp_path):
    with pytest.raises(InputError, match="--openalex-url"):
        collector.OpenAlexClient("ftp://mirror.example.org")


# --- updating --------------------------------------------------------------------------------


def test_update_asks_only_for_works_updated_since_and_merges_them(serve, connect, tmp_path):
    works = corpus()
    api = serve(works=works)
    out = tmp_path / "snap"
    first = collector.collect([lab_query()], out, client=connect(api))
    before = {short(r): r for r in snapshot_records(out)}

    now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat()
    changed = sorted(before)[:3]
    fresh = [dict(w, title=f"Revised {short(w)}", updated_date=now) if short(w) in changed else w for w in works]
    fresh += [work_record(1000 + k, [LAB], published=f"2025-01-0{k + 1}", updated=now) for k in range(2)]
    api.replace_works(fresh)
    seen = len(api.requests)
    result = collector.update(out, client=connect(api))

    asked = [r for r in api.requests[seen:] if r.path == "/works"]
    since = dt.datetime.fromisoformat(first.manifest.created.replace("Z", "+00:00")).date().isoformat()
    assert [r.params["filter"] for r in asked] == [
        f"{LINEAGE}:I900000001,from_publication_date:2024-01-01,from_updated_date:{since}"
    ] * 2  # one page, then the end
    after = {short(r): r for r in snapshot_records(out)}
    assert set(after) == set(before) | {"W4000001000", "W4000001001"}
    assert {k for k in after if after[k]["title"].startswith("Revised")} == set(changed)
    assert all(after[k] == before[k] for k in before if k not in changed)
    update = result.manifest.model_dump()["update"]
    assert (update["replaced"], update["added"], update["from_updated_date"]) == (3, 2, since)
    # The same coverage, its count of the subject's works grown by the two new ones.
    assert result.manifest.coverage.subject_works == {
        "I900000001": first.manifest.coverage.subject_works["I900000001"] + 2
    }
    assert result.manifest.coverage.model_copy(update={"subject_works": None}) == first.manifest.coverage.model_copy(
        update={"subject_works": None}
    )
    assert result.manifest.queries == [lab_query().describe()]  # so the next update asks the same


def test_an_update_from_another_host_names_the_host_the_kept_records_came_from(serve, connect, tmp_path):
    """was: the updated manifest's `api` named the update's host alone, the records it kept
    from the first credited to it, and the first collect's command gone with its manifest."""
    first_host, mirror = serve(works=corpus()), serve(works=corpus())
    out = tmp_path / "snap"
    first = collector.collect([lab_query()], out, client=connect(first_host), command=["claimwatch", "collect", "x"])
    digest = hashlib.sha256((out / "manifest.json").read_bytes()).hexdigest()
    result = collector.update(out, client=connect(mirror))
    said = result.manifest.model_dump()
    assert said["api"] == mirror.url
    assert said["update"]["previous"] == {
        "created": first.manifest.created,
        "records": first.manifest.records,
        "manifest_sha256": digest,
        "api": first_host.url,
        "command": ["claimwatch", "collect", "x"],
    }


def test_a_second_update_still_names_the_host_of_the_first_collect(serve, connect, tmp_path):
    """was: `update.previous` copied only the last manifest's api, so after collect (a), update
    (b), update (c) the records kept since the collect were credited to no host: a.url was gone."""
    a, b, c = serve(works=corpus()), serve(works=corpus()), serve(works=corpus())
    out = tmp_path / "snap"
    first = collector.collect([lab_query()], out, client=connect(a), command=["claimwatch", "collect", "a"])
    collector.update(out, client=connect(b), command=["claimwatch", "collect", "--update", "b"])
    collector.update(out, client=connect(b), command=["claimwatch", "collect", "--update", "b"])
    result = collector.update(out, client=connect(c))
    assert a.url in (out / "manifest.json").read_text(encoding="utf-8")
    update = result.manifest.model_dump()["update"]
    assert update["previous"]["api"] == b.url
    # Flat and bounded: one entry an origin, the oldest first, however many updates came from it.
    assert update["earlier"] == [
        {"created": first.manifest.created, "api": a.url, "command": ["claimwatch", "collect", "a"]},
        {
            "created": update["earlier"][1]["created"],
            "api": b.url,
            "command": ["claimwatch", "collect", "--update", "b"],
        },
    ]


def test_an_update_reads_the_one_level_previous_of_an_older_manifest(serve, connect, tmp_path):
    """A manifest an older build updated holds `update.previous` alone, no `update.earlier`:
    its origin is carried on as the first of the earlier ones."""
    a, b = serve(works=corpus()), serve(works=corpus())
    out = tmp_path / "snap"
    collector.collect([lab_query()], out, client=connect(a))
    path = out / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["update"] = {
        "previous": {
            "created": "2020-01-01T00:00:00Z",
            "records": 1,
            "api": "https://old.example",
            "api_redirected_to": {"https://cdn.example:443": 2},
            "command": [],
        }
    }
    path.write_text(json.dumps(manifest), encoding="utf-8")
    result = collector.update(out, client=connect(b))
    update = result.manifest.model_dump()["update"]
    assert update["earlier"] == [
        {
            "created": "2020-01-01T00:00:00Z",
            "api": "https://old.example",
            "api_redirected_to": {"https://cdn.example:443": 2},
            "command": [],
        }
    ]
    assert update["previous"]["api"] == a.url


class Notes(collector.Silent):
    """Progress that keeps the lines a run says."""

    def __init__(self) -> None:
        self.said: list[str] = []

    def note(self, message: str) -> None:
        self.said.append(message)


def test_an_update_keeps_a_work_merged_since_once_under_its_surviving_id(serve, connect, tmp_path):
    old = work_record(1, [LAB], authors=150, title="Old record")
    api = serve(works=[old, work_record(3, [LAB])])
    out = tmp_path / "snap"
    collector.collect([lab_query(None)], out, client=connect(api))
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat()
    new = work_record(2, [LAB], authors=150, title="Surviving record", updated=now)
    # OpenAlex merged the old work into the new: the list still names the old id, cut at 100;
    # fetched alone, it answers 301 to the surviving record.
    api.replace_works([dict(old, updated_date=now), new, work_record(3, [LAB])])
    api.merged = {short(old): short(new)}
    notes = Notes()
    result = collector.update(out, client=connect(api), progress=notes)

    records = snapshot_records(out)
    assert sorted(short(r) for r in records) == ["W4000000002", "W4000000003"]  # was W...1 beside W...2
    assert [r["title"] for r in records if short(r) == "W4000000002"] == ["Surviving record"]
    update = result.manifest.model_dump()["update"]
    assert update["merged"] == {"W4000000001": "W4000000002"}
    assert (update["replaced"], update["added"], result.manifest.records) == (0, 1, 2)
    assert notes.said == [
        "W4000000001: OpenAlex merged it into W4000000002; the snapshot keeps the work once, as W4000000002"
    ]


def test_an_update_mends_a_snapshot_holding_a_merged_work_beside_its_survivor(serve, connect, tmp_path):
    old, new, other = (work_record(n, [LAB], authors=3) for n in (1, 2, 3))
    api = serve(works=[old, new, other])
    out = tmp_path / "snap"
    collector.collect([lab_query(None)], out, client=connect(api))
    # As an earlier update left it: the merge recorded, the old work kept beside the survivor.
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    manifest["update"] = {"queries": [{"merged_ids": {short(old): short(new)}}]}
    with gzip.open(out / "authors.jsonl.gz", "rt", encoding="utf-8") as f:
        authors = [json.loads(line) for line in f]
    with SnapshotWriter(out) as writer:
        for record in snapshot_records(out):
            writer.write_record(record)
        for record in authors:
            writer.write_author_record(record)
        writer.commit({k: v for k, v in manifest.items() if k not in ("records", "files")})
    assert sorted(short(r) for r in snapshot_records(out)) == ["W4000000001", "W4000000002", "W4000000003"]

    notes = Notes()
    result = collector.update(out, client=connect(api), progress=notes)  # nothing updated since
    assert sorted(short(r) for r in snapshot_records(out)) == ["W4000000002", "W4000000003"]
    assert result.manifest.model_dump()["update"]["merged"] == {"W4000000001": "W4000000002"}
    assert notes.said == [
        "W4000000001: OpenAlex merged it into W4000000002; the snapshot keeps the work once, as W4000000002"
    ]


def test_update_falls_back_to_a_full_collect_when_the_filter_is_refused(serve, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("OPENALEX_API_KEY", KEY)
    works = corpus()
    api = serve(works=works)
    claims, out = claim_file(tmp_path), tmp_path / "snap"
    assert main(["collect", str(claims), "--out", str(out), "--openalex-url", api.url, "--root", str(tmp_path)]) == 0
    api.refuse_updated_filter = 403
    api.replace_works([*works, work_record(2000, [LAB], published="2025-02-01")])
    capsys.readouterr()
    assert main(["collect", "--update", str(out), "--openalex-url", api.url]) == 0
    captured = capsys.readouterr()
    (said,) = captured.err.splitlines()
    assert said.startswith("OpenAlex refused the updated-date filter (from_updated_date: HTTP 403")
    assert said.endswith("re-collecting the same 1 query in full")
    got = {short(r) for r in snapshot_records(out)}
    assert got == expected_ids([*works, work_record(2000, [LAB], published="2025-02-01")], "I900000001", PERIOD_START)
    assert Snapshot.open(out).manifest.model_dump()["update"] == {"fallback": said}


def test_update_fails_cleanly_and_keeps_the_snapshot(serve, connect, tmp_path):
    api = serve(works=corpus())
    out = tmp_path / "snap"
    collector.collect([lab_query()], out, client=connect(api))
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    api.inject(Fault.http(500, times=None))
    with pytest.raises(collector.OpenAlexError, match="HTTP 500"):
        collector.update(out, client=connect(api))
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_snapshot_named_as_a_backup_is_updated_where_it_is(serve, connect, tmp_path):
    """A snapshot collected as `msra~` before such names were refused as an --out (or renamed so
    by hand), updated by name as a daily job does: the update asked OpenAlex for every query
    and, its requests spent, was refused at the write as "named as a backup (NAME~) ... give the
    snapshot a name of its own" (found by review). An update rewrites the snapshot it was given
    under the name it has, which a scan passed over before as after: it is written."""
    api = serve(works=corpus())
    made = tmp_path / "snap"
    collector.collect([lab_query()], made, client=connect(api))
    out = made.rename(tmp_path / "snap~")
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat()
    api.replace_works([*corpus(), work_record(1000, [LAB], published="2025-01-01", updated=now)])
    result = collector.update(out, client=connect(api))
    assert result.manifest.model_dump()["update"]["added"] == 1
    assert "W4000001000" in {short(r) for r in snapshot_records(out)}
    api.refuse_updated_filter = 403  # the update collecting its queries again in full: the same
    api.replace_works([*corpus(), work_record(2000, [LAB], published="2025-02-01")])
    result = collector.update(out, client=connect(api))
    assert result.manifest.model_dump()["update"]["fallback"].startswith("OpenAlex refused the updated-date filter")
    assert "W4000002000" in {short(r) for r in snapshot_records(out)}
    with pytest.raises(InputError, match="named as a backup"):  # a new snapshot under such a name: refused
        collector.collect([lab_query()], tmp_path / "new~", client=connect(api))


def test_update_refuses_a_snapshot_collect_did_not_make(tmp_path, capsys):
    source = tmp_path / "w.jsonl"
    source.write_text(json.dumps(tiny_work(1)) + "\n")
    import_jsonl(source, tmp_path / "snap")
    assert main(["collect", "--update", str(tmp_path / "snap"), "--openalex-url", "http://127.0.0.1:9"]) == 2
    assert "not OpenAlex" in capsys.readouterr().err


# --- the command line ------------------------------------------------------------------------


def test_cli_collect_writes_the_snapshot_and_says_so(serve, tmp_path, monkeypatch, capsys):
    api = serve(works=corpus())
    monkeypatch.setenv("OPENALEX_API_KEY", KEY)
    monkeypatch.setenv("CLAIMWATCH_OPENALEX_URL", api.url)  # no --openalex-url: the environment routes it
    claims, out = claim_file(tmp_path), tmp_path / "snap"
    assert main(["collect", str(claims), "--out", str(out), "--root", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    n = len(expected_ids(corpus(), "I900000001", PERIOD_START))
    assert captured.out.startswith(f"wrote {out}: {n} works and {3 * n} author records from 1 query (")
    assert (
        f"authors: complete for the authors of the works of I900000001, 2024-01-10 to retrieval (declared by claimwatch collect; {3 * n} authors)"
        in captured.out
    )
    assert "coverage complete for I900000001, 2024-01-10 to retrieval" in captured.out
    assert captured.err == ""  # not a terminal: no progress bar
    manifest = Snapshot.open(out).manifest
    assert manifest.command == ["claimwatch", "collect", str(claims), "--out", str(out)]
    assert manifest.api == api.url


def test_cli_collect_warns_before_it_starts_when_no_key_is_set(serve, tmp_path, capsys):
    api = serve(works=corpus())
    claims, out = claim_file(tmp_path), tmp_path / "snap"
    argv = ["collect", str(claims), "--out", str(out), "--openalex-url", api.url, "--root", str(tmp_path)]
    assert main(argv) == 0
    (warning,) = capsys.readouterr().err.splitlines()
    assert warning == f"warning: {collector._client.NO_KEY_WARNING}"
    assert "small free daily allowance" in warning
    assert main([*argv, "--quiet"]) == 0  # a script that knows says so once, in its flags
    assert capsys.readouterr().err == ""


@pytest.fixture()
def unresolvable(monkeypatch) -> list[str]:
    """Names under .invalid (RFC 2606) fail to resolve at once, never asking a resolver."""
    asked: list[str] = []
    real = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        asked.append(host)
        if str(host).endswith(".invalid"):
            raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


def test_cli_collect_fails_at_once_in_one_line_when_the_host_does_not_resolve(unresolvable, tmp_path, capsys):
    claims, out = claim_file(tmp_path), tmp_path / "snap"
    url = "http://analyst:pw-secret@openalex.invalid"
    started = time.monotonic()
    code = main(["collect", str(claims), "--out", str(out), "--openalex-url", url, "--root", str(tmp_path)])
    took = time.monotonic() - started
    warning, line = capsys.readouterr().err.splitlines()
    assert code == 3 and took < 5.0 and unresolvable == ["openalex.invalid"]  # the default 5 retries: 31 s
    assert warning.startswith("warning: OPENALEX_API_KEY is not set")
    assert line.startswith(f"OpenAlex: {_http.UNRESOLVABLE}, GET http://***@openalex.invalid/works?")
    assert line.endswith(f"{out} left unchanged") and "pw-secret" not in line and not out.exists()


def test_a_429_without_a_key_says_to_set_one(serve, connect, tmp_path):
    api = serve(works=corpus())
    api.inject(Fault.http(429, times=None))
    keyless, keyed = connect(api, api_key=None, retries=0), connect(api, retries=0)
    with pytest.raises(collector.OpenAlexError, match=r"HTTP 429 .* after 1 attempt; set OPENALEX_API_KEY, GET "):
        collector.collect([lab_query()], tmp_path / "snap", client=keyless)
    with pytest.raises(collector.OpenAlexError) as caught:
        collector.collect([lab_query()], tmp_path / "snap", client=keyed)
    assert "HTTP 429" in str(caught.value) and "set OPENALEX_API_KEY" not in str(caught.value)


def test_cli_says_which_subjects_have_no_ids(serve, tmp_path, capsys):
    api = serve(works=corpus())
    claims = claim_file(
        tmp_path,
        subjects="  unknown:\n    name: Somewhere Unresolved\n    openalex: []\n",
        claims="  - id: unknown-none\n    says: None.\n    subject: unknown\n"
        "    expects: none\n    works: {topic: studies}\n",
    )
    assert (
        main(
            [
                "collect",
                str(claims),
                "--out",
                str(tmp_path / "snap"),
                "--openalex-url",
                api.url,
                "--root",
                str(tmp_path),
            ]
        )
        == 0
    )
    err = capsys.readouterr().err
    assert "subject 'unknown' (Somewhere Unresolved) has no OpenAlex ids: not collected" in err


def test_cli_collect_needs_out_or_update(tmp_path, capsys):
    assert main(["collect", str(claim_file(tmp_path))]) == 2
    assert main(["collect", str(claim_file(tmp_path)), "--update", str(tmp_path)]) == 2
    assert "give --out DIR (and CLAIMS, else the case's claims/ folder), or --update DIR" in capsys.readouterr().err


def test_cli_collect_without_claims_collects_the_cases_claims_folder(serve, tmp_path, monkeypatch, capsys):
    """As `check` does: the usage shows CLAIMS optional, and `collect --out DIR` alone was refused
    ("give CLAIMS and --out DIR")."""
    api = serve(works=corpus())
    claims = tmp_path / "case" / "claims"
    claims.mkdir(parents=True)
    claim_file(claims)
    (tmp_path / "case" / "claimwatch.toml").write_text("")
    monkeypatch.chdir(tmp_path / "case")
    assert main(["collect", "--out", "snap", "--openalex-url", api.url, "-q"]) == 0, capsys.readouterr().err
    manifest = json.loads((tmp_path / "case" / "snap" / "manifest.json").read_text())
    assert [q["subject"] for q in manifest["queries"]] == ["lab"]
    assert manifest["command"][:4] == ["claimwatch", "collect", "--out", "snap"]
    # From elsewhere, naming the case: the command it records names it too, so it runs again alike.
    monkeypatch.chdir(tmp_path)
    assert main(["collect", "--out", "snap2", "--root", "case", "--openalex-url", api.url, "-q"]) == 0
    again = json.loads((tmp_path / "snap2" / "manifest.json").read_text())
    assert again["command"] == ["claimwatch", "collect", "--out", "snap2", "--openalex-url", api.url, "--root", "case"]
    assert again["queries"] == manifest["queries"]
    # elsewhere, without a case: its claims/ folder is not there
    assert main(["collect", "--out", "snap", "--openalex-url", api.url, "-q"]) == 2
    assert capsys.readouterr().err.splitlines() == ["claims: no such file"]
    assert not (tmp_path / "snap").exists()


def test_cli_resolve_prints_id_ror_country_works_and_lineage(serve, tmp_path, capsys):
    api = serve(institutions=[LAB, BRANCH, PARENT, OTHER])
    assert main(["resolve", "example lab", "--openalex-url", api.url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["id", "ror", "country", "works", "name", "[lineage]"]
    assert lines[1].split() == [
        "I900000001",
        "0abcde165",
        "CN",
        "12,345",
        "Example",
        "Lab",
        "[I900000001",
        ">",
        "I900000002]",
    ]
    assert lines[2].split()[:3] == ["I900000003", "-", "CN"] and len(lines) == 3
    (asked,) = api.list_requests("/institutions")
    assert asked.params["search"] == "example lab" and asked.params["per-page"] == "10"
    assert asked.params["select"] == ",".join(collector.INSTITUTION_FIELDS)

    assert main(["resolve", "--ror", "https://ror.org/0fedcba33", "--json", "--openalex-url", api.url]) == 0
    (hit,) = json.loads(capsys.readouterr().out)
    assert hit == {
        "id": "I900000002",
        "name": "Example Corp",
        "ror": "0fedcba33",
        "country": "US",
        "type": "company",
        "lineage": ["I900000002"],
        "works_count": 1000,
    }

    assert main(["resolve", "--ror", "0aaaaaa42", "--openalex-url", api.url]) == 2
    # was: the line named no address, so a mistyped --openalex-url read as a ROR OpenAlex lacks
    assert capsys.readouterr().err.splitlines() == [
        f"--ror: OpenAlex has no institution with ROR 0aaaaaa42 (404 for GET {api.url}/institutions/ror%3A0aaaaaa42)"
    ]
    assert main(["resolve", "--openalex-url", api.url]) == 2


@pytest.mark.parametrize("pasted", ["ror.org/0fedcba33", "https://ror.org/0fedcba33/", "https://www.ror.org/0fedcba33"])
def test_resolve_takes_a_ror_id_as_pasted_from_ror_org(serve, capsys, pasted):
    api = serve(institutions=[LAB, BRANCH, PARENT, OTHER])
    # was: "--ror: 'ror.org/0fedcba33' is not a ROR id", exit 2
    assert main(["resolve", "--ror", pasted, "--json", "--openalex-url", api.url]) == 0
    (hit,) = json.loads(capsys.readouterr().out)
    assert hit["id"] == "I900000002" and hit["ror"] == "0fedcba33"


@pytest.mark.parametrize(
    "typed",
    ["Universita\u0308t Zu\u0308rich", "Universi\u00adt\u00e4t Z\u00fc\u200brich", "\u5317\u4eac\u822a\u200b\u7a7a"],
    ids=["combining-marks", "soft-hyphen-and-zero-width-space", "chinese-with-zero-width-space"],
)
def test_resolve_finds_a_name_typed_with_combining_marks_or_invisible_characters(serve, capsys, typed):
    zurich = institution("I900000021", "Universit\u00e4t Z\u00fcrich", ror="02crff812", country="CH")
    beihang = institution("I900000022", "\u5317\u4eac\u822a\u7a7a\u822a\u5929\u5927\u5b66", ror="00wk2mp56")
    api = serve(institutions=[zurich, beihang])
    assert main(["resolve", typed, "--json", "--openalex-url", api.url]) == 0
    # was: "[]", the name sent as typed, which no name OpenAlex holds spells
    (hit,) = json.loads(capsys.readouterr().out)
    assert hit["id"] in ("I900000021", "I900000022")
    (asked,) = api.list_requests("/institutions")
    assert asked.params["search"] == unicodedata.normalize("NFC", typed).replace("\u00ad", "").replace("\u200b", "")


def test_resolve_the_real_institution_record(serve, connect, shared_data):
    real = json.loads((shared_data / "openalex" / "I27837315.json").read_text())
    api = serve(institutions=[real])
    (hit,) = collector.resolve("michigan", client=connect(api))
    assert (hit.id, hit.ror, hit.country, hit.lineage) == ("I27837315", "00jmfr291", "US", ("I27837315",))
    assert hit.works_count == real["works_count"]


@pytest.mark.parametrize("command", ["collect", "resolve"])
def test_commands_document_themselves_with_an_example(command, capsys):
    assert main([command, "--help"]) == 0
    text = capsys.readouterr().out
    assert "Example:" in text and f"claimwatch {command}" in text.split("Example:")[1]


# --- volume ----------------------------------------------------------------------------------


@pytest.mark.slow
def test_100000_works_in_few_requests(serve, connect, tmp_path):
    n = 100_000
    api = serve(works=GeneratedWorks(n, tiny_work))
    # Requests are counted, so none may be a retry: on a busy machine the server (a thread of
    # this process) sometimes took longer than the 2 s the other tests allow (CI saw 503).
    client = connect(api, connect_timeout=30.0, read_timeout=120.0)
    result = collector.collect([lab_query(None)], tmp_path / "snap", client=client)
    assert result.records == n
    assert len(api.list_requests("/works")) <= math.ceil(n / 200) + 2
    assert len(api.list_requests("/authors")) == math.ceil(n / 100)  # one author a work here
    assert result.manifest.authors is not None and result.manifest.authors.records == n


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--timeout", "inf"], "Invalid value for '--timeout'"),
        (["--timeout", "nan"], "'nan' is not a number of seconds"),
        (["--max-wait", "1e400"], "Invalid value for '--max-wait'"),
        (["--openalex-url", "http://[::1"], "--openalex-url: 'http://[::1' is not an http(s) URL"),
    ],
)
def test_a_malformed_openalex_url_or_number_of_seconds_is_one_line(capsys, args, said):
    """Found by the sixteenth part's hunt: each was a traceback once a server answered."""
    assert main(["resolve", "Example", *args]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert said in line


# --- found by the sixteenth part's hunt -------------------------------------------------------------


def test_a_count_that_falls_while_paging_never_passes_for_every_work(serve, connect, tmp_path):
    """The first page counted 500 works, the closing page 0; 200 arrived. Coverage was recorded
    complete against the last count, and a check cleared a claim on the works never served."""
    api = serve(
        works=GeneratedWorks(500, tiny_work), serve_only=200, count_said=lambda start, n: n if start == 0 else 0
    )
    result = collector.collect([lab_query(None)], tmp_path / "snap", client=connect(api))
    assert result.records == 200 and not result.manifest.coverage.complete
    assert "200 of the 500 works OpenAlex counted arrived" in (result.manifest.coverage.note or "")


def test_pages_shorter_than_asked_for_still_run_to_the_end(serve, connect, tmp_path):
    """A server giving 150 works a page for 200 asked: the collect was stopped as endless."""
    api = serve(works=GeneratedWorks(1_000, tiny_work), page_cap=150)
    result = collector.collect([lab_query(None)], tmp_path / "snap", client=connect(api))
    assert result.records == 1_000 and result.manifest.coverage.complete


def test_a_work_still_cut_when_fetched_alone_leaves_author_coverage_incomplete(serve, connect, tmp_path):
    big = work_record(1, [LAB], authors=150) | {"is_authors_truncated": True}
    api = serve(works=[big])
    result = collector.collect([lab_query(None)], tmp_path / "snap", client=connect(api))
    assert result.manifest.queries[0]["authors_still_truncated"] == ["W4000000001"]
    assert result.manifest.authors is not None and not result.manifest.authors.coverage.complete


# --- found by the eighteenth part's hunt of the collector -------------------------------------------


def test_an_update_still_counts_a_work_kept_with_its_author_list_cut(serve, connect, tmp_path):
    """A work still cut at 100 when fetched alone left the collect's author coverage incomplete;
    an update that did not bring the work again counted only what it fetched, and declared the
    author records complete while the work's other authors were still named nowhere."""
    big = work_record(1, [LAB], authors=150) | {"is_authors_truncated": True}
    api = serve(works=[big])
    out = tmp_path / "snap"
    collector.collect([lab_query(None)], out, client=connect(api))
    result = collector.update(out, client=connect(api))
    assert result.manifest.update["replaced"] + result.manifest.update["added"] == 0  # nothing new came
    authors = result.manifest.authors
    assert authors is not None and not authors.coverage.complete
    assert "1 work kept with only their first 100 authors" in (authors.coverage.note or "")
    assert result.manifest.model_dump()["authors"]["works_cut"] == ["W4000000001"]
    # Brought again whole, it no longer stands in the way.
    api.replace_works([work_record(1, [LAB], authors=150, updated=dt.datetime.now(dt.UTC).isoformat()[:26])])
    result = collector.update(out, client=connect(api))
    assert result.manifest.update["replaced"] == 1 and result.manifest.authors.coverage.complete


def test_a_work_of_exactly_100_authors_fetched_whole_leaves_author_coverage_complete(serve, connect, tmp_path):
    """Fetched alone, the answer giving no flag: its list is whole (a single work is never cut),
    in the collect and in an update that keeps it."""
    api = serve(works=[work_record(1, [LAB], authors=100)])
    out = tmp_path / "snap"
    first = collector.collect([lab_query(None)], out, client=connect(api))
    assert first.manifest.queries[0]["full_author_lists"] == 1 and first.manifest.authors.coverage.complete
    assert collector.update(out, client=connect(api)).manifest.authors.coverage.complete


@pytest.mark.parametrize("status", [401, 404])
def test_an_update_refused_for_its_key_or_address_says_so_in_one_line(serve, tmp_path, monkeypatch, capsys, status):
    """A wrong key (401) or a wrong address (404) was taken for a refusal of the updated-date
    filter: a line saying so, a full collect asked for, then the error, in two lines."""
    monkeypatch.setenv("OPENALEX_API_KEY", KEY)
    api = serve(works=corpus())
    claims, out = claim_file(tmp_path), tmp_path / "snap"
    assert main(["collect", str(claims), "--out", str(out), "--openalex-url", api.url, "-q"]) == 0
    api.inject(Fault.http(status, times=None))
    asked = len(api.list_requests())
    capsys.readouterr()
    assert main(["collect", "--update", str(out), "--openalex-url", api.url, "-q"]) == 3
    (said,) = capsys.readouterr().err.splitlines()
    assert said.startswith(f"OpenAlex: HTTP {status}") and "from_updated_date" in said
    assert len(api.list_requests()) - asked == 1


def test_a_refusal_of_a_work_fetched_alone_during_an_update_is_no_refusal_of_the_filter(serve, connect, tmp_path):
    """A 403 for a work fetched alone (its author list cut) was taken for a refusal of the filter."""
    big = work_record(1, [LAB], authors=150, updated=dt.datetime.now(dt.UTC).isoformat()[:26])
    api = serve(works=[work_record(2, [LAB])])
    out = tmp_path / "snap"
    collector.collect([lab_query(None)], out, client=connect(api))
    api.replace_works([work_record(2, [LAB]), big])
    api.inject(Fault.http(403, path="/works/W4000000001", times=None))
    with pytest.raises(collector.OpenAlexError, match="HTTP 403") as e:
        collector.update(out, client=connect(api))
    assert "/works/W4000000001" in str(e.value)
    update_filters = [r.params["filter"] for r in api.list_requests()[2:]]  # after the collect's two pages
    assert update_filters and all("from_updated_date" in f for f in update_filters)  # no full collect followed


def dated_ahead_corpus(today: dt.date) -> list[dict[str, Any]]:
    """The lab's works about a claim of 2024: one in the period that is no study, one certainly
    after the period, and a study dated ahead of the day of retrieval (an issue dated ahead of
    its articles), whose record was current before it: it may have appeared in 2024."""
    quiet = work_record(1, [LAB], published="2024-05-01", title="Notes on things") | {"abstract_inverted_index": None}
    later = work_record(2, [LAB], published="2025-03-01")
    ahead = work_record(
        3,
        [LAB],
        published=(today + dt.timedelta(days=90)).isoformat(),
        updated=f"{today - dt.timedelta(days=10)}T00:00:00",
    )
    return [quiet, later, ahead]


def test_a_closed_period_is_collected_with_the_works_dated_ahead_of_the_retrieval(serve, tmp_path, monkeypatch, capsys):
    """A claim of 2024, collected later: the query asked to_publication_date 2024-12-31, so a
    study of the lab dated after the day of retrieval (which the evaluator reads as any day up
    to it, 2024 included) was never asked for, and the claim was "not contradicted" on complete
    coverage, where an import of the same records found the work that may contradict it."""
    from claimwatch.evaluate import evaluate
    from claimwatch.evidence import open_evidence

    today = dt.datetime.now(dt.UTC).date()
    api = serve(works=dated_ahead_corpus(today))
    monkeypatch.setenv("OPENALEX_API_KEY", KEY)
    claims = claim_file(tmp_path, start="2024-01-10", end="2024-12-31")
    out = tmp_path / "snap"
    assert main(["collect", str(claims), "--out", str(out), "--openalex-url", api.url, "-q"]) == 0
    assert sorted(short(r) for r in snapshot_records(out)) == ["W4000000001", "W4000000003"]
    manifest = Snapshot.open(out).manifest
    assert manifest.coverage.complete
    ahead_from = (today + dt.timedelta(days=1)).isoformat()
    assert manifest.queries[0]["dated_ahead"]["from_publication_date"] == ahead_from
    assert (manifest.queries[0]["count"], manifest.queries[0]["received"]) == (2, 2)
    filters = [r.params["filter"] for r in api.list_requests()]
    assert filters[-1] == f"{LINEAGE}:I900000001,from_publication_date:{ahead_from}"  # no end: any day after
    result = evaluate(load_claims([claims], root=tmp_path), [open_evidence(out)]).results[0]
    assert result.verdict != "not_contradicted"
    assert "may have appeared on any day before" in result.why


def test_an_update_asks_for_the_works_dated_ahead_in_full(serve, connect, tmp_path):
    """The works dated ahead are asked for whatever their updated date: a snapshot collected
    before they were asked for at all gains them on its next update."""
    today = dt.datetime.now(dt.UTC).date()
    works = dated_ahead_corpus(today)
    api = serve(works=works[:2])
    out = tmp_path / "snap"
    query = collector.Query("lab", "Example Lab", ("I900000001",), dt.date(2024, 1, 10), dt.date(2024, 12, 31))
    assert collector.collect([query], out, client=connect(api)).records == 1
    api.replace_works(works)  # updated ten days ago: from_updated_date alone would never bring it
    result = collector.update(out, client=connect(api))
    assert sorted(short(r) for r in snapshot_records(out)) == ["W4000000001", "W4000000003"]
    assert result.manifest.update["added"] == 1 and result.manifest.coverage.complete


def test_a_wait_of_years_is_said_in_whole_seconds(serve, connect, sleeps, tmp_path):
    """Found by the twenty-first part's hunt: a Retry-After of years (a server's clock or bug)
    was said "Retry-After asks for 2.29973e+09 s". Said in whole seconds now."""
    api = serve(works=corpus())
    api.inject(Fault.http(429, retry_after="2299730000", times=None))
    with pytest.raises(collector.OpenAlexError) as caught:
        collector.collect([lab_query()], tmp_path / "snap", client=connect(api, max_wait=60))
    assert sleeps == []
    assert "Retry-After asks for 2,299,730,000 s, past the 60 s bound on waiting" in str(caught.value)


def test_silence_under_a_collects_coverage_says_the_limit_of_openalexs_filters(serve, tmp_path, monkeypatch):
    """Found by the twenty-first part's hunt: a claim cleared on a collected snapshot said the
    snapshot "holds every work OpenAlex attributes to" the subject, where the collect's own
    coverage records that OpenAlex's filters see only a work's first 100 authorships (shown only
    in the Methods table). The reason now says the limits its coverage records."""
    from claimwatch.evaluate import evaluate
    from claimwatch.evidence import open_evidence

    quiet = work_record(1, [LAB], published="2024-05-01", title="Notes on things") | {"abstract_inverted_index": None}
    api = serve(works=[quiet])
    monkeypatch.setenv("OPENALEX_API_KEY", KEY)
    claims = claim_file(tmp_path, start="2024-01-10", end="2024-12-31")
    out = tmp_path / "snap"
    assert main(["collect", str(claims), "--out", str(out), "--openalex-url", api.url, "-q"]) == 0
    result = evaluate(load_claims([claims], root=tmp_path), [open_evidence(out)]).results[0]
    assert result.verdict == "not_contradicted"
    assert "holds every work OpenAlex attributes to Example Lab (I900000001)" in result.why
    assert "within the limits its coverage records: OpenAlex's filters see only a work's first 100 authorships" in (
        result.why
    )


def test_a_work_whose_publication_year_has_a_fraction_stops_the_collect_naming_the_answer(serve, connect, tmp_path):
    """Found hunting the twenty-sixth part: a work giving `publication_year: 2024.5` was kept in
    the snapshot, every check of which it then stopped; one giving 2024.0 is a year, kept."""
    works = [work_record(1, [LAB]), {**work_record(2, [LAB]), "publication_year": 2024.5}]
    api = serve(works=works)
    out = tmp_path / "snap"
    with pytest.raises(collector.OpenAlexError) as e:
        collector.collect([lab_query(None)], out, client=connect(api))
    message = str(e.value)
    assert message.startswith(
        "OpenAlex: an answer not shaped like OpenAlex's (work W4000000002 gives publication_year 2024.5, "
        "not a whole number: no year a work can have), GET "
    )
    assert "/works?" in message and KEY not in message and "\n" not in message
    assert not out.exists()
    whole = serve(works=[{**work_record(2, [LAB]), "publication_year": 2024.0}])
    collector.collect([lab_query(None)], out, client=connect(whole))
    assert [short(r) for r in snapshot_records(out)] == ["W4000000002"]
