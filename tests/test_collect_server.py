"""The fake OpenAlex answers the way the real API does (FACTS.md), so tests and the bench can trust it."""

from __future__ import annotations

import pytest
import requests

from openalex_server import LINEAGE, FakeOpenAlex, Fault, GeneratedWorks, institution, tiny_work, work_record

LAB = institution("I900000001", "Example Lab")


@pytest.fixture()
def api():
    with FakeOpenAlex(
        works=[work_record(n, [LAB], authors=120 if n == 3 else 2) for n in range(5)],
        institutions=[LAB],
        merged={"W4000000009": "W4000000003"},
    ) as fake:
        yield fake


@pytest.fixture()
def http():
    with requests.Session() as session:
        yield session


def get(http: requests.Session, api: FakeOpenAlex, path: str, **params: str) -> requests.Response:
    return http.get(api.url + path, params=params, allow_redirects=False, timeout=5)


@pytest.mark.parametrize(
    "params, message",
    [
        ({"per-page": "201"}, "per-page parameter must be between 1 and 200"),
        ({"filter": f"{LINEAGE}:" + "|".join(f"I{k}" for k in range(101))}, "Decrease values to 100 or below"),
        ({"filter": "nonsense:1"}, "nonsense is not a valid field"),
        ({"select": "id,authorships.author"}, "is not a valid select field"),
        ({"page": "51", "per-page": "200"}, "Cursor pagination is required"),
        ({"cursor": "not-a-cursor"}, "invalid cursor"),
    ],
)
def test_bad_parameters_answer_400_as_openalex_does(api, http, params, message):
    answer = get(http, api, "/works", **params)
    assert answer.status_code == 400
    assert answer.json()["error"] == "Invalid query parameters error." and message in answer.json()["message"]


def test_cursor_paging_runs_to_a_null_cursor_after_the_last_results():
    with FakeOpenAlex(works=GeneratedWorks(450, tiny_work)) as fake, requests.Session() as http:
        cursor, seen, pages = "*", [], 0
        while cursor is not None:
            body = get(http, fake, "/works", cursor=cursor, **{"per-page": "200"}).json()
            assert body["meta"]["count"] == 450 and body["meta"]["per_page"] == 200
            seen += [w["id"] for w in body["results"]]
            cursor, pages = body["meta"]["next_cursor"], pages + 1
    assert len(seen) == len(set(seen)) == 450 and pages == 4  # 200, 200, 50, then an empty page


def test_or_and_and_filters_on_lineage():
    other = institution("I900000009", "Other")
    works = [work_record(1, [LAB]), work_record(2, [LAB, other]), work_record(3, [other])]
    with FakeOpenAlex(works=works) as fake, requests.Session() as http:

        def count(value: str) -> int:
            return get(http, fake, "/works", filter=f"{LINEAGE}:{value}").json()["meta"]["count"]

        assert (count("I900000001|I900000009"), count("I900000001+I900000009"), count("I900000001")) == (3, 1, 2)


def test_list_responses_cut_authors_at_100_and_the_single_work_does_not(api, http):
    listed = {w["id"]: w for w in get(http, api, "/works").json()["results"]}
    big = listed["https://openalex.org/W4000000003"]
    assert len(big["authorships"]) == 100 and big["is_authors_truncated"] is True
    assert "is_authors_truncated" not in listed["https://openalex.org/W4000000001"]
    alone = get(http, api, "/works/W4000000003").json()
    assert len(alone["authorships"]) == 120


def test_a_merged_id_answers_301(api, http):
    answer = get(http, api, "/works/W4000000009", select="id")
    assert answer.status_code == 301 and answer.headers["Location"] == "/works/W4000000003?select=id"


def test_faults_fire_after_and_for_as_many_requests_as_asked(api, http):
    api.inject(Fault.http(429, retry_after="3", after=1, times=2))
    statuses = [get(http, api, "/works").status_code for _ in range(4)]
    assert statuses == [200, 429, 429, 200]
    assert len(api.list_requests("/works")) == 4


def test_a_refused_updated_date_filter_answers_the_status_asked_for(api, http):
    api.refuse_updated_filter = 403
    assert get(http, api, "/works", filter="from_updated_date:2025-01-01").status_code == 403


def test_institutions_by_search_and_by_ror():
    lab = institution("I900000001", "Example Lab", ror="0abcde165", alternatives=["Laboratoire Exemple"])
    with FakeOpenAlex(institutions=[lab]) as fake, requests.Session() as http:
        assert get(http, fake, "/institutions", search="exemple").json()["meta"]["count"] == 1
        assert get(http, fake, "/institutions/ror%3A0abcde165").json()["id"] == lab["id"]
        assert get(http, fake, "/institutions/ror:0aaaaaa42").status_code == 404
