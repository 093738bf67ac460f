"""The author records of a collect (issue 21), against a real HTTP server on 127.0.0.1 that
answers /authors as OpenAlex does: every distinct author on the works, asked for 100 ids a
request (N authors: ceil(N/100) requests, plus retries), selected to the fields read, through
the same client, retries and accounting as the works."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import math
from pathlib import Path
from typing import Any

import pytest
import requests

from claimwatch import openalex as collector
from claimwatch.cli import main
from claimwatch.evidence import AUTHORS_FILE, MANIFEST, Snapshot
from openalex_server import FakeOpenAlex, Fault, author_record, institution, work_record

KEY = "ck-test-authors-secret"
LAB = institution("I900000001", "Example Lab", ror="0abcde165")
OTHER = institution("I900000009", "Other University")
START = dt.date(2024, 1, 10)


def works_by(n_authors: int, per_work: int = 5) -> list[dict[str, Any]]:
    """Works at the lab whose authors are `n_authors` distinct people, `per_work` a work."""
    n_works = math.ceil(n_authors / per_work)
    works = []
    for n in range(n_works):
        authors = min(per_work, n_authors - n * per_work)
        works.append(work_record(n, [LAB, OTHER], authors=authors, published="2024-05-01"))
    return works


def author_ids(works: list[dict[str, Any]]) -> set[str]:
    return {a["author"]["id"].rsplit("/", 1)[-1] for w in works for a in w["authorships"]}


def lab_query() -> collector.Query:
    return collector.Query("lab", "Example Lab", ("I900000001",), START, None)


def asked_ids(request: Any) -> list[str]:
    key, _, value = request.params["filter"].partition(":")
    assert key == collector.AUTHOR_ID_FILTER
    return value.split("|")


def authors_in(folder: Path) -> list[dict[str, Any]]:
    with gzip.open(folder / AUTHORS_FILE, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture()
def serve():
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
    made: list[collector.OpenAlexClient] = []

    def make(api: FakeOpenAlex, **kw: Any) -> collector.OpenAlexClient:
        options = {"api_key": KEY, "read_timeout": 2.0, "retries": 3, "backoff": 0.01, "sleep": sleeps.append, **kw}
        client = collector.OpenAlexClient(api.url, **options)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture(autouse=True)
def no_openalex_environment(monkeypatch):
    """Tests set what they need; nothing from the shell running them leaks in."""
    for name in ("OPENALEX_API_KEY", "OPENALEX_EMAIL", "CLAIMWATCH_OPENALEX_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("n", [1, 99, 100, 101, 250])
def test_n_distinct_authors_cost_ceil_n_over_100_requests(serve, connect, tmp_path, n):
    works = works_by(n)
    api = serve(works=works)
    result = collector.collect([lab_query()], tmp_path / "snap", client=connect(api))

    asked = api.list_requests("/authors")
    assert len(asked) == math.ceil(n / 100)
    assert all(len(asked_ids(r)) <= 100 for r in asked)
    assert sorted(i for r in asked for i in asked_ids(r)) == sorted(author_ids(works))  # each asked once
    assert all(r.params["select"] == ",".join(collector.AUTHOR_FIELDS) for r in asked)
    assert all(r.params["per-page"] == "100" and "cursor" not in r.params and "page" not in r.params for r in asked)
    assert all(r.headers.get("Authorization") == f"Bearer {KEY}" for r in asked)
    assert not [r for r in api.requests if r.path.startswith("/authors/")]  # none asked alone

    records = authors_in(tmp_path / "snap")
    assert sorted(r["id"].rsplit("/", 1)[-1] for r in records) == sorted(author_ids(works))
    assert all(set(r) <= set(collector.AUTHOR_FIELDS) for r in records)  # select was honoured
    section = result.manifest.model_dump()["authors"]
    assert (section["records"], section["wanted"], section["batches"]) == (n, n, math.ceil(n / 100))
    assert section["requests"] == {"made": math.ceil(n / 100), "retried": 0}
    coverage = result.manifest.authors.coverage
    assert (coverage.complete, coverage.institutions, coverage.from_, coverage.authors) == (
        True,
        ("I900000001",),
        START,
        n,
    )
    # The manifest's count of every request includes the authors' ones.
    assert result.manifest.model_dump()["requests"]["made"] == len(api.requests)


@pytest.mark.parametrize(
    ("fault", "waits"),
    [
        (Fault.http(429, retry_after="7", path="/authors", after=1), [7.0]),
        (Fault.http(500, path="/authors", after=2), [0.01]),
        (Fault.reset(path="/authors"), [0.01]),
    ],
    ids=["429 with Retry-After", "500", "reset"],
)
def test_a_failed_request_is_retried_once_more_and_nothing_else(serve, connect, sleeps, tmp_path, fault, waits):
    works = works_by(250)
    api = serve(works=works)
    api.inject(fault)
    result = collector.collect([lab_query()], tmp_path / "snap", client=connect(api))
    assert len(api.list_requests("/authors")) == 3 + 1
    assert sleeps == waits  # Retry-After honoured as the works' requests honour it
    assert result.manifest.model_dump()["authors"]["requests"] == {"made": 4, "retried": 1}
    assert len(authors_in(tmp_path / "snap")) == 250


def test_spent_retries_fail_the_run_and_leave_the_earlier_snapshot(serve, connect, tmp_path):
    api = serve(works=works_by(10))
    out = tmp_path / "snap"
    collector.collect([lab_query()], out, client=connect(api))
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    api.inject(Fault.http(503, path="/authors", times=None))
    with pytest.raises(collector.OpenAlexError) as e:
        collector.collect([lab_query()], out, client=connect(api))
    assert str(e.value).startswith("OpenAlex: HTTP 503 Service Unavailable after 4 attempts, GET ")
    assert "/authors?filter=openalex:" in str(e.value) and str(e.value).endswith(f"; {out} left unchanged")
    assert KEY not in str(e.value)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_merged_author_is_asked_for_alone_and_kept_once(serve, connect, tmp_path):
    works = works_by(3, per_work=3)
    old, survivor, third = sorted(author_ids(works))
    records = [
        author_record(survivor, "Zhang San", [(LAB, [2024])]),
        author_record(third, "Li Si", [(LAB, [2024])]),
    ]
    api = serve(works=works, authors=records, merged_authors={old: survivor})
    result = collector.collect([lab_query()], tmp_path / "snap", client=connect(api))
    assert len(api.list_requests("/authors")) == 1
    assert [r.path for r in api.requests if r.path.startswith("/authors/")] == [
        f"/authors/{old}",
        f"/authors/{survivor}",
    ]
    assert [r["id"].rsplit("/", 1)[-1] for r in authors_in(tmp_path / "snap")] == [survivor, third]
    section = result.manifest.model_dump()["authors"]
    assert section["merged_ids"] == {old: survivor} and section["fetched_alone"] == 1
    assert result.manifest.authors.coverage.complete
    people = {p.id: p for p in Snapshot.open(tmp_path / "snap").authors()}
    assert people[survivor].merged_ids == (old,) and f"author:{old}" in people[survivor].identity_keys()


def test_an_author_openalex_no_longer_has_leaves_the_coverage_incomplete(serve, connect, tmp_path):
    works = works_by(3, per_work=3)
    gone, *kept = sorted(author_ids(works))
    api = serve(works=works, authors=[author_record(a, a, [(LAB, [2024])]) for a in kept])
    result = collector.collect([lab_query()], tmp_path / "snap", client=connect(api))
    coverage = result.manifest.authors.coverage
    assert (coverage.complete, coverage.missing, coverage.authors) == (False, 1, 3)
    assert coverage.note == "OpenAlex gave no record of 1 of the 3 authors"
    assert result.manifest.model_dump()["authors"]["not_found"] == [gone]
    assert result.manifest.coverage.complete  # the works themselves are all there


def test_authorships_naming_no_author_leave_the_coverage_incomplete(serve, connect, tmp_path):
    works = works_by(4, per_work=4)
    works[0]["authorships"][1]["author"]["id"] = None
    api = serve(works=works)
    result = collector.collect([lab_query()], tmp_path / "snap", client=connect(api))
    coverage = result.manifest.authors.coverage
    assert (coverage.complete, coverage.authors, coverage.without_author_id) == (False, 3, 1)
    assert coverage.note == "1 authorship on the works name no OpenAlex author"


def test_a_work_with_more_than_100_authors_is_fetched_whole_and_all_its_authors_asked_for(serve, connect, tmp_path):
    works = [work_record(1, [LAB], authors=230, published="2024-05-01")]
    api = serve(works=works)
    result = collector.collect([lab_query()], tmp_path / "snap", client=connect(api))
    assert [r.path for r in api.requests if r.path.startswith("/works/")] == ["/works/W4000000001"]
    assert len(api.list_requests("/authors")) == 3 and result.manifest.authors.records == 230
    assert result.manifest.authors.coverage.complete


# A claim on a topic alone: it needs no author record.
TOPIC_CLAIM = (
    "statement: {speaker: Lab, made_on: 2024-01-10, quote: We do not., sources: [{title: A report}]}\n"
    "subjects: {lab: {name: Example Lab, openalex: [I900000001]}}\n"
    "claims:\n"
    "  - {id: c, says: The lab does not., subject: lab, from: 2024-01-10, expects: none,\n"
    "     works: {topic: t}}\n"
    "topics: {t: {name: T, rationale: r, phrases: [study]}}\n"
)


def test_no_authors_asks_for_none_and_writes_none(serve, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("OPENALEX_API_KEY", KEY)
    api = serve(works=works_by(20))
    claims = tmp_path / "claims.yaml"
    claims.write_text(TOPIC_CLAIM)
    out = tmp_path / "snap"
    argv = ["collect", str(claims), "--out", str(out), "--openalex-url", api.url, "--root", str(tmp_path)]
    assert main([*argv, "--no-authors"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith(f"wrote {out}: 4 works from 1 query (") and "author record" not in printed
    assert "\nauthors:" not in printed
    assert api.list_requests("/authors") == [] and sorted(p.name for p in out.iterdir()) == [
        MANIFEST,
        "works.jsonl.gz",
        "works.parquet",
    ]
    manifest = Snapshot.open(out).manifest
    assert manifest.authors is None and "--no-authors" in manifest.command
    assert main(argv) == 0
    assert capsys.readouterr().out.startswith(f"wrote {out}: 4 works and 20 author records from 1 query (")
    assert len(api.list_requests("/authors")) == 1


def test_an_update_asks_for_every_author_again_and_keeps_what_openalex_no_longer_gives(serve, connect, tmp_path):
    works = works_by(150)
    api = serve(works=works)
    out = tmp_path / "snap"
    first = collector.collect([lab_query()], out, client=connect(api))
    assert first.manifest.authors.records == 150

    now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat()
    added = work_record(500, [LAB], authors=2, published="2025-01-02", updated=now)
    everyone = sorted(author_ids(works))
    refreshed, gone = everyone[0], everyone[1]
    records = [
        author_record(a, "Renamed" if a == refreshed else a, [(LAB, [2024])], updated=now)
        for a in everyone + sorted(author_ids([added]))
        if a != gone
    ]
    api.replace_works([*works, added])
    api.replace_authors(records)
    seen = len(api.list_requests("/authors"))
    result = collector.update(out, client=connect(api))

    assert len(api.list_requests("/authors")) - seen == 2  # 152 authors: two requests, as a collect
    people = {r["id"].rsplit("/", 1)[-1]: r for r in authors_in(out)}
    assert len(people) == 152 and people[refreshed]["display_name"] == "Renamed"
    assert people[gone]["display_name"] == "Author 1"  # kept as it was, not dropped
    section = result.manifest.model_dump()["authors"]
    assert (section["kept_from_before"], section["not_found"]) == (1, [gone])
    assert result.manifest.authors.coverage.complete  # every author still has a record
    # --no-authors on an update: the snapshot then holds works only.
    collector.update(out, client=connect(api), authors=False)
    assert Snapshot.open(out).manifest.authors is None and not (out / AUTHORS_FILE).exists()


def test_the_same_answers_give_the_same_authors_file(serve, connect, tmp_path):
    api = serve(works=works_by(130))
    for name in ("a", "b"):
        collector.collect([lab_query()], tmp_path / name, client=connect(api))
    assert (tmp_path / "a" / AUTHORS_FILE).read_bytes() == (tmp_path / "b" / AUTHORS_FILE).read_bytes()


# --- the fake answers /authors as OpenAlex does ------------------------------------------------


def test_the_fake_lists_authors_in_the_apis_format_with_cursor_paging(serve):
    api = serve(works=works_by(45))
    cursor, seen = "*", []
    with requests.Session() as http:
        while cursor is not None:
            body = http.get(f"{api.url}/authors", params={"cursor": cursor, "per-page": "20"}, timeout=5).json()
            assert set(body) == {"meta", "results", "group_by"} and body["meta"]["count"] == 45
            seen += [r["id"] for r in body["results"]]
            cursor = body["meta"]["next_cursor"]
        assert len(seen) == len(set(seen)) == 45
        too_many = "|".join(f"A{k}" for k in range(101))
        answer = http.get(f"{api.url}/authors", params={"filter": f"openalex:{too_many}"}, timeout=5)
        assert answer.status_code == 400 and "Decrease values to 100 or below" in answer.json()["message"]
        answer = http.get(f"{api.url}/authors", params={"select": "id,last_known_institution"}, timeout=5)
        assert answer.status_code == 400 and "last_known_institution is not a valid select field" in answer.text
        one = sorted(author_ids(works_by(45)))[0]
        body = http.get(f"{api.url}/authors", params={"filter": f"ids.openalex:{one}"}, timeout=5).json()
        assert [r["id"] for r in body["results"]] == [f"https://openalex.org/{one}"]


def test_records_a_batch_answers_unasked_are_left_out_saying_so(serve, connect, tmp_path):
    works = works_by(3, per_work=3)
    stranger = author_record("A5999999999", "Not On Any Work", [(LAB, [2024])])
    api = serve(works=works, unasked_authors=[stranger])
    notes: list[str] = []

    class Notes(collector.Silent):
        def note(self, message: str) -> None:
            notes.append(message)

    result = collector.collect([lab_query()], tmp_path / "snap", client=connect(api), progress=Notes())
    kept = [r["id"].rsplit("/", 1)[-1] for r in authors_in(tmp_path / "snap")]
    assert kept == sorted(author_ids(works))  # was: A5999999999 among them, on no work
    section = result.manifest.model_dump()["authors"]
    assert (section["received"], section["unasked"], result.manifest.authors.records) == (3, ["A5999999999"], 3)
    assert notes == ["OpenAlex answered 1 author record not asked for (A5999999999): left out"]
    assert result.manifest.authors.coverage.complete


def test_a_survivor_answered_unasked_for_a_merged_id_is_kept_not_called_left_out(serve, connect, tmp_path):
    # The works name only the merged id; the batch answers its survivor (unasked), and the id asked
    # alone leads to the same record: kept once, and neither the note nor the manifest says it was
    # left out (they did, while the authors file held it).
    works = works_by(2, per_work=2)
    old, third = sorted(author_ids(works))
    survivor = "A5999999998"
    records = [author_record(survivor, "Zhang San", [(LAB, [2024])]), author_record(third, "Li Si", [(LAB, [2024])])]
    api = serve(works=works, authors=records, merged_authors={old: survivor}, unasked_authors=[records[0]])
    notes: list[str] = []

    class Notes(collector.Silent):
        def note(self, message: str) -> None:
            notes.append(message)

    result = collector.collect([lab_query()], tmp_path / "snap", client=connect(api), progress=Notes())
    assert [r["id"].rsplit("/", 1)[-1] for r in authors_in(tmp_path / "snap")] == [third, survivor]  # batch, then alone
    section = result.manifest.model_dump()["authors"]
    assert (section["merged_ids"], section["unasked"]) == ({old: survivor}, [])
    assert not any("not asked for" in n for n in notes)


@pytest.mark.parametrize(
    ("affiliations", "said"),
    [
        ({"institution": LAB, "years": [2024]}, "affiliations is dict, not a list"),
        ("Example Lab", "affiliations is str, not a list"),
        (["Example Lab"], "affiliations holds a value that is not an affiliation object"),
        # Found hunting the twenty-sixth part: kept, it stopped every check of the snapshot.
        (
            [{"institution": LAB, "years": [2024, 2021.5]}],
            "affiliations give 2021.5 among the years, not a whole number: no year a record can mean",
        ),
    ],
)
def test_an_author_record_whose_affiliations_are_misshapen_is_refused_not_read_as_none(
    serve, connect, tmp_path, affiliations, said
):
    """Found by the twenty-fourth part's hunt: an /authors answer whose `affiliations` was no list
    was kept, read as no affiliations, and the author records' coverage still said complete, so a
    listed place of the author's was lost in silence."""
    works = works_by(3, per_work=3)
    odd, *rest = sorted(author_ids(works))
    records = [{**author_record(odd, "Zhang San", []), "affiliations": affiliations}]
    api = serve(works=works, authors=records + [author_record(a, a, [(LAB, [2024])]) for a in rest])
    out = tmp_path / "snap"
    with pytest.raises(collector.OpenAlexError) as e:
        collector.collect([lab_query()], out, client=connect(api))
    message = str(e.value)
    assert message.startswith(f"OpenAlex: an answer not shaped like OpenAlex's (author {odd}'s {said}), GET ")
    assert "/authors?filter=openalex:" in message and KEY not in message and "\n" not in message
    assert not out.exists()


def test_an_author_record_giving_a_year_as_a_whole_float_is_kept(serve, connect, tmp_path):
    works = works_by(3, per_work=3)
    odd, *rest = sorted(author_ids(works))
    records = [author_record(odd, "Zhang San", [(LAB, [2024.0])])]
    api = serve(works=works, authors=records + [author_record(a, a, [(LAB, [2024])]) for a in rest])
    result = collector.collect([lab_query()], tmp_path / "snap", client=connect(api))
    assert len(authors_in(tmp_path / "snap")) == 3 and result.manifest.authors.coverage.complete


def test_an_author_record_with_null_affiliations_is_kept_as_having_none(serve, connect, tmp_path):
    works = works_by(3, per_work=3)
    odd, *rest = sorted(author_ids(works))
    records = [{**author_record(odd, "Zhang San", []), "affiliations": None}]
    api = serve(works=works, authors=records + [author_record(a, a, [(LAB, [2024])]) for a in rest])
    result = collector.collect([lab_query()], tmp_path / "snap", client=connect(api))
    assert len(authors_in(tmp_path / "snap")) == 3 and result.manifest.authors.coverage.complete


def test_one_request_is_said_as_one(serve, tmp_path, monkeypatch, capsys):
    """Found by the twenty-fourth part's hunt: a collect of one request said "(1 requests, 0 retries)"."""
    monkeypatch.setenv("OPENALEX_API_KEY", KEY)
    api = serve(works=[])
    claims = tmp_path / "claims.yaml"
    claims.write_text(TOPIC_CLAIM)
    out = tmp_path / "snap"
    argv = ["collect", str(claims), "--out", str(out), "--openalex-url", api.url, "--root", str(tmp_path)]
    assert main([*argv, "--no-authors"]) == 0
    assert len(api.requests) == 1
    assert f"wrote {out}: 0 works from 1 query (1 request, 0 retries); " in capsys.readouterr().out
