"""A fake OpenAlex API on 127.0.0.1 for the collector's tests and benchmarks.

It answers the way api.openalex.org does (see FACTS.md): list responses carry
`meta` {count, db_response_time_ms, page, per_page, next_cursor, groups_count} and `results`;
cursor paging starts at `cursor=*` and ends at a null `next_cursor` (the last page of results
still has one; the empty page after it does not); filters are `key:value` joined by commas, OR
values joined by `|` (at most 100), AND values by `+`; `select` keeps root fields only; list
responses cut `authorships` at 100 and set `is_authors_truncated`, while `/works/W...` answers in
full; merged ids answer 301; bad parameters answer 400 in OpenAlex's error format.

`/authors` answers the same way (filter `openalex`, alias `ids.openalex`, OR up to 100 ids;
`select`; cursor paging) and `/authors/A...` alone, a merged author answering 301. Unless
`authors=` gives the author records, every author named on a work has one, made when asked
(`author_record_for`: its affiliations the work's institutions, in the work's year).

    with FakeOpenAlex(works=[work_record(1, [LAB])]) as api:
        api.url                       # "http://127.0.0.1:PORT"
        api.inject(Fault.http(503, times=2))
        api.list_requests()           # every GET /works it answered
        api.list_requests("/authors") # every GET /authors

Works are any sequence of records: a list, or `GeneratedWorks(n, tiny_work)`, which makes each
record when asked, so the bench can serve 100,000 works without holding them. Matching indices
are computed once per distinct filter and cached.
"""

from __future__ import annotations

import base64
import contextlib
import json
import socket
import struct
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

OPENALEX = "https://openalex.org/"
LINEAGE = "authorships.institutions.lineage"
AUTHORS_CAP = 100
MAX_PER_PAGE = 200
MAX_OR_VALUES = 100
MAX_PAGED_RESULTS = 10_000  # page= paging stops here; cursor paging does not

# Root fields of a work record (the real record in shared/data, plus is_authors_truncated, which
# list responses add when they cut the authors).
WORK_FIELDS = frozenset(
    {
        "id",
        "doi",
        "title",
        "display_name",
        "publication_year",
        "publication_date",
        "ids",
        "language",
        "primary_location",
        "type",
        "type_crossref",
        "indexed_in",
        "open_access",
        "authorships",
        "institution_assertions",
        "countries_distinct_count",
        "institutions_distinct_count",
        "corresponding_author_ids",
        "corresponding_institution_ids",
        "apc_list",
        "apc_paid",
        "fwci",
        "has_fulltext",
        "fulltext_origin",
        "cited_by_count",
        "citation_normalized_percentile",
        "cited_by_percentile_year",
        "biblio",
        "is_retracted",
        "is_paratext",
        "primary_topic",
        "topics",
        "keywords",
        "concepts",
        "mesh",
        "locations_count",
        "locations",
        "best_oa_location",
        "sustainable_development_goals",
        "grants",
        "datasets",
        "versions",
        "referenced_works_count",
        "referenced_works",
        "related_works",
        "abstract_inverted_index",
        "cited_by_api_url",
        "counts_by_year",
        "updated_date",
        "created_date",
        "is_authors_truncated",
    }
)
INSTITUTION_FIELDS = frozenset(
    {
        "id",
        "ror",
        "display_name",
        "country_code",
        "type",
        "type_id",
        "lineage",
        "homepage_url",
        "display_name_acronyms",
        "display_name_alternatives",
        "works_count",
        "cited_by_count",
        "ids",
        "geo",
        "associated_institutions",
        "updated_date",
        "created_date",
    }
)
# Root fields of an author record (the real A5023888391 in shared/data).
AUTHOR_FIELDS = frozenset(
    {
        "id",
        "orcid",
        "display_name",
        "display_name_alternatives",
        "works_count",
        "cited_by_count",
        "summary_stats",
        "ids",
        "affiliations",
        "last_known_institutions",
        "topics",
        "topic_share",
        "x_concepts",
        "counts_by_year",
        "works_api_url",
        "updated_date",
        "created_date",
    }
)
AUTHOR_FILTERS = frozenset({"openalex", "ids.openalex", "openalex_id"})
WORK_FILTERS = frozenset(
    {
        LINEAGE,
        "authorships.institutions.id",
        "from_publication_date",
        "to_publication_date",
        "from_updated_date",
        "openalex_id",
    }
)
LIST_PARAMS = frozenset(
    {"filter", "select", "per-page", "per_page", "cursor", "page", "search", "sort", "mailto", "api_key"}
)


# --- records shaped after the real ones in shared/data/openalex ---------------------------------


def institution(
    short_id: str,
    name: str,
    *,
    ror: str | None = None,
    country: str | None = "CN",
    kind: str = "education",
    lineage: Sequence[str] = (),
    works_count: int = 1000,
    alternatives: Sequence[str] = (),
    acronyms: Sequence[str] = (),
) -> dict[str, Any]:
    """An institution record shaped after I27837315 (lineage: itself first, then its parents)."""
    own = OPENALEX + short_id
    return {
        "id": own,
        "ror": f"https://ror.org/{ror}" if ror else None,
        "display_name": name,
        "country_code": country,
        "type": kind,
        "type_id": f"https://openalex.org/institution-types/{kind}",
        "lineage": [own, *(OPENALEX + p for p in lineage)],
        "homepage_url": None,
        "image_url": None,
        "image_thumbnail_url": None,
        "display_name_acronyms": list(acronyms),
        "display_name_alternatives": list(alternatives),
        "repositories": [],
        "works_count": works_count,
        "cited_by_count": works_count * 12,
        "summary_stats": {"2yr_mean_citedness": 1.5, "h_index": 40, "i10_index": 300},
        "ids": {"openalex": own, **({"ror": f"https://ror.org/{ror}"} if ror else {})},
        "geo": {"city": None, "country_code": country, "country": None},
        "international": {"display_name": {}},
        "associated_institutions": [],
        "counts_by_year": [],
        "roles": [],
        "topics": [],
        "topic_share": [],
        "x_concepts": [],
        "is_super_system": False,
        "works_api_url": f"https://api.openalex.org/works?filter=institutions.id:{short_id}",
        "updated_date": "2025-06-17T03:32:42.076287",
        "created_date": "2016-06-24",
    }


def dehydrated(inst: dict[str, Any]) -> dict[str, Any]:
    """An institution as it appears inside a work's authorship."""
    return {
        "id": inst["id"],
        "display_name": inst["display_name"],
        "ror": inst["ror"],
        "country_code": inst["country_code"],
        "type": inst["type"],
        "lineage": list(inst["lineage"]),
    }


def authorship(
    n: int, position: str, institutions: Sequence[dict[str, Any]], raw_affiliation: str | None = None
) -> dict[str, Any]:
    """One authorship shaped after W2741809807's: author, institutions, raw strings, affiliations."""
    name = f"Author {n}"
    raw = raw_affiliation or "; ".join(i["display_name"] for i in institutions) or "Unknown affiliation"
    return {
        "author_position": position,
        "author": {"id": f"{OPENALEX}A{5_000_000_000 + n}", "display_name": name, "orcid": None},
        "institutions": [dehydrated(i) for i in institutions],
        "countries": sorted({i["country_code"] for i in institutions if i["country_code"]}),
        "is_corresponding": position == "first",
        "raw_author_name": name,
        "raw_affiliation_strings": [raw],
        "affiliations": [{"raw_affiliation_string": raw, "institution_ids": [i["id"] for i in institutions]}],
    }


def work_record(
    n: int,
    institutions: Sequence[dict[str, Any]],
    *,
    authors: int = 3,
    published: str = "2024-05-01",
    updated: str = "2025-06-11T00:03:37.532706",
    title: str | None = None,
    retracted: bool = False,
) -> dict[str, Any]:
    """A work shaped after W2741809807: every root field, authors spread over `institutions`."""
    wid = f"W{4_000_000_000 + n}"
    title = title or f"A study numbered {n}"
    doi = f"https://doi.org/10.5555/claimwatch.{n}"
    people = [
        authorship(
            n * 1000 + k,
            "first" if k == 0 else "last" if k == authors - 1 else "middle",
            [institutions[k % len(institutions)]] if institutions else [],
        )
        for k in range(authors)
    ]
    topic = {
        "id": "https://openalex.org/T10102",
        "display_name": "scientometrics and bibliometrics research",
        "score": 0.99,
        "subfield": {"id": "https://openalex.org/subfields/1804", "display_name": "Statistics"},
        "field": {"id": "https://openalex.org/fields/18", "display_name": "Decision Sciences"},
        "domain": {"id": "https://openalex.org/domains/2", "display_name": "Social Sciences"},
    }
    source = {
        "id": "https://openalex.org/S1983995261",
        "display_name": "PeerJ",
        "issn_l": "2167-8359",
        "issn": ["2167-8359"],
        "is_oa": True,
        "type": "journal",
    }
    location = {
        "is_oa": True,
        "landing_page_url": doi,
        "pdf_url": None,
        "source": source,
        "license": "cc-by",
        "version": "publishedVersion",
        "is_accepted": True,
        "is_published": True,
    }
    return {
        "id": OPENALEX + wid,
        "doi": doi,
        "title": title,
        "display_name": title,
        "publication_year": int(published[:4]),
        "publication_date": published,
        "ids": {"openalex": OPENALEX + wid, "doi": doi, "mag": str(n)},
        "language": "en",
        "primary_location": location,
        "type": "article",
        "type_crossref": "journal-article",
        "indexed_in": ["crossref"],
        "open_access": {"is_oa": True, "oa_status": "gold", "oa_url": doi},
        "authorships": people,
        "institution_assertions": [],
        "countries_distinct_count": 1,
        "institutions_distinct_count": len(institutions),
        "corresponding_author_ids": [people[0]["author"]["id"]] if people else [],
        "corresponding_institution_ids": [],
        "apc_list": None,
        "apc_paid": None,
        "fwci": 1.2,
        "has_fulltext": False,
        "fulltext_origin": None,
        "cited_by_count": n % 97,
        "citation_normalized_percentile": None,
        "cited_by_percentile_year": None,
        "biblio": {"volume": "6", "issue": None, "first_page": str(n), "last_page": None},
        "is_retracted": retracted,
        "is_paratext": False,
        "primary_topic": topic,
        "topics": [topic],
        "keywords": [
            {"id": "https://openalex.org/keywords/open-science", "display_name": "Open Science", "score": 0.48}
        ],
        "concepts": [],
        "mesh": [],
        "locations_count": 1,
        "locations": [location],
        "best_oa_location": location,
        "sustainable_development_goals": [],
        "grants": [],
        "datasets": [],
        "versions": [],
        "referenced_works_count": 2,
        "referenced_works": [OPENALEX + "W1", OPENALEX + "W2"],
        "related_works": [],
        "abstract_inverted_index": {"We": [0], "study": [1], "things": [2]},
        "cited_by_api_url": f"https://api.openalex.org/works?filter=cites:{wid}",
        "counts_by_year": [],
        "updated_date": updated,
        "created_date": "2024-05-02",
    }


def tiny_work(
    n: int,
    institution_id: str = "I900000001",
    *,
    published: str | None = None,
    updated: str = "2025-06-11T00:03:37.532706",
) -> dict[str, Any]:
    """A minimal work for volume tests: the fields the filters and the evaluator read, little else."""
    inst = OPENALEX + institution_id
    return {
        "id": f"{OPENALEX}W{4_000_000_000 + n}",
        "display_name": f"Work {n}",
        "title": f"Work {n}",
        "publication_date": published or f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}",
        "authorships": [
            {
                "author": {"id": f"{OPENALEX}A{n}", "display_name": f"Author {n}"},
                "institutions": [{"id": inst, "display_name": "Lab", "lineage": [inst]}],
                "raw_affiliation_strings": ["Lab"],
            }
        ],
        "updated_date": updated,
    }


def author_record(
    short_id: str,
    name: str,
    affiliations: Sequence[tuple[dict[str, Any] | None, Sequence[int]]],
    *,
    orcid: str | None = None,
    alternatives: Sequence[str] = (),
    updated: str = "2025-06-08T21:53:07.725446",
) -> dict[str, Any]:
    """An author record shaped after A5023888391: `affiliations` pairs an institution (as
    `institution()` makes it, or None for OpenAlex's placeholder with no id) with its years, which
    OpenAlex lists newest first."""
    own = OPENALEX + short_id
    orcid_url = f"https://orcid.org/{orcid}" if orcid else None
    places = [
        {
            "institution": {**dehydrated(i), "lineage": list(i["lineage"])}
            if i is not None
            else {"id": None, "ror": None, "display_name": None, "country_code": None, "type": None, "lineage": []},
            "years": sorted(years, reverse=True),
        }
        for i, years in affiliations
    ]
    return {
        "id": own,
        "orcid": orcid_url,
        "display_name": name,
        "display_name_alternatives": list(alternatives) or [name],
        "works_count": 12,
        "cited_by_count": 340,
        "summary_stats": {"2yr_mean_citedness": 2.0, "h_index": 7, "i10_index": 5},
        "ids": {"openalex": own, **({"orcid": orcid_url} if orcid_url else {})},
        "affiliations": places,
        "last_known_institutions": [p["institution"] for p in places[:1] if p["institution"]["id"]],
        "topics": [],
        "topic_share": [],
        "x_concepts": [],
        "counts_by_year": [],
        "works_api_url": f"https://api.openalex.org/works?filter=author.id:{short_id}",
        "updated_date": updated,
        "created_date": "2023-07-21",
    }


def author_record_for(work: dict[str, Any], position: int) -> dict[str, Any]:
    """The record of the author at `position` on `work`: placed at that authorship's
    institutions in the work's publication year."""
    a = work["authorships"][position]
    author = a["author"]
    year = int((work.get("publication_date") or "2024")[:4])
    institutions = [
        {**i, "ror": i.get("ror"), "country_code": i.get("country_code"), "type": i.get("type")}
        for i in a.get("institutions") or ()
    ]
    return author_record(author["id"].rsplit("/", 1)[-1], author["display_name"], [(i, [year]) for i in institutions])


class GeneratedWorks(Sequence[dict[str, Any]]):
    """`n` works made on demand by `make(i)`: a corpus of any size that costs no memory."""

    def __init__(self, n: int, make: Callable[[int], dict[str, Any]] = tiny_work):
        self.n, self.make = n, make

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self.make(k) for k in range(*i.indices(self.n))]
        if not -self.n <= i < self.n:
            raise IndexError(i)
        return self.make(i % self.n)


# --- faults ----------------------------------------------------------------------------------


@dataclass
class Fault:
    """Something going wrong with matching requests: the first `after` of them pass, then `times`
    of them (None: all) get the fault. Every fault counts every matching request, so
    `Fault.http(500, after=1), Fault.http(502, after=2)` fails the 2nd request with 500 and the
    3rd with 502. `path` matches exactly, or as a prefix when it ends in /."""

    kind: str  # status | slow | malformed | reset
    path: str = "/works"
    times: int | None = 1
    after: int = 0
    status: int = 500
    retry_after: str | None = None
    delay: float = 0.0
    seen: int = 0
    hits: int = 0

    @classmethod
    def http(cls, status: int, *, retry_after: str | None = None, **kw: Any) -> Fault:
        return cls("status", status=status, retry_after=retry_after, **kw)

    @classmethod
    def slow(cls, delay: float, **kw: Any) -> Fault:
        return cls("slow", delay=delay, **kw)

    @classmethod
    def malformed(cls, **kw: Any) -> Fault:
        return cls("malformed", **kw)

    @classmethod
    def reset(cls, **kw: Any) -> Fault:
        return cls("reset", **kw)

    def matches(self, path: str) -> bool:
        return path.startswith(self.path) if self.path.endswith("/") else path == self.path

    def take(self, path: str) -> bool:
        """Whether this request gets the fault (counts it either way); called under the lock."""
        if not self.matches(path):
            return False
        self.seen += 1
        if self.seen <= self.after or (self.times is not None and self.hits >= self.times):
            return False
        self.hits += 1
        return True


@dataclass(frozen=True)
class Request:
    """One request the fake answered (or failed on purpose)."""

    path: str
    params: dict[str, str]
    headers: dict[str, str]


class BadRequest(Exception):
    """Answered as OpenAlex answers a bad parameter: 400 with error and message."""


# --- the server ------------------------------------------------------------------------------


@dataclass
class FakeOpenAlex:
    works: Sequence[dict[str, Any]] = ()
    institutions: Sequence[dict[str, Any]] = ()
    merged: dict[str, str] = field(default_factory=dict)  # W1 -> W2: /works/W1 answers 301
    authors: Sequence[dict[str, Any]] | None = None  # None: each author on a work has a record
    merged_authors: dict[str, str] = field(default_factory=dict)  # A1 -> A2: /authors/A1 answers 301
    # Records every filtered /authors list also answers with, asked for or not (a mirror that
    # reads the filter loosely, a search index's near matches).
    unasked_authors: Sequence[dict[str, Any]] = ()
    refuse_updated_filter: int | None = None  # status for from_updated_date
    # A server that misbehaves as real ones may: pages shorter than asked for; a meta.count that
    # changes while paging ((start, works matching) -> count said); only the first works served.
    page_cap: int | None = None
    count_said: Callable[[int, int], int] | None = None
    serve_only: int | None = None
    faults: list[Fault] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._matching: dict[str, list[int]] = {}
        self._by_id: dict[str, int] | None = None
        self._authors_by_id: dict[str, Callable[[], dict[str, Any]]] | None = None
        self._author_places: dict[str, int] | None = None
        self._stopping = threading.Event()
        self._connections: set[socket.socket] = set()
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    # lifecycle

    def start(self) -> FakeOpenAlex:
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.api = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-openalex", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is None:
            return
        self._stopping.set()
        self._httpd.shutdown()
        with self._lock:
            open_now = list(self._connections)
        for conn in open_now:  # wake handlers waiting on idle keep-alive connections
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        self._httpd.server_close()  # joins the handler threads
        assert self._thread is not None
        self._thread.join()
        self._httpd = None

    def __enter__(self) -> FakeOpenAlex:
        return self.start()

    def __exit__(self, *_: Any) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self._httpd is not None, "start the server first"
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    # test controls

    def inject(self, *faults: Fault) -> None:
        with self._lock:
            self.faults.extend(faults)

    def replace_works(self, works: Sequence[dict[str, Any]]) -> None:
        """Swap the corpus (e.g. works updated since a snapshot); caches are dropped."""
        with self._lock:
            self.works = works
            self._matching.clear()
            self._by_id = None
            self._authors_by_id = self._author_places = None

    def replace_authors(self, authors: Sequence[dict[str, Any]] | None) -> None:
        """Swap the author records (None: each author on a work has one)."""
        with self._lock:
            self.authors = authors
            self._authors_by_id = self._author_places = None

    def list_requests(self, path: str = "/works") -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    # answering

    def answer(self, handler: _Handler) -> None:
        parts = urlsplit(handler.path)
        path = unquote(parts.path)
        params = dict(parse_qsl(parts.query, keep_blank_values=True))
        headers = {k: v for k, v in handler.headers.items() if k.lower() in ("authorization", "from", "user-agent")}
        with self._lock:
            self.requests.append(Request(path, params, headers))
            firing = [f for f in self.faults if f.take(path)]  # every fault counts every request
        fault = firing[0] if firing else None
        if fault is not None and self._misbehave(handler, fault):
            return
        try:
            status, body, extra = self._route(path, params, parts.query)
        except _Refused as e:
            status, body, extra = e.status, {"error": "Forbidden", "message": str(e)}, {}
        except BadRequest as e:
            status, body, extra = 400, {"error": "Invalid query parameters error.", "message": str(e)}, {}
        handler.send_json(status, body, extra)

    def _misbehave(self, handler: _Handler, fault: Fault) -> bool:
        """Act out a fault; True when the request is finished with."""
        if fault.kind == "status":
            extra = {"Retry-After": fault.retry_after} if fault.retry_after is not None else {}
            handler.send_json(fault.status, {"error": f"HTTP {fault.status}", "message": "injected fault"}, extra)
            return True
        if fault.kind == "malformed":
            handler.send_raw(200, b'{"meta": {"count": 3, "next_cursor": "', "application/json")
            return True
        if fault.kind == "reset":
            handler.reset()
            return True
        self._stopping.wait(fault.delay)  # slow: answer late (and normally), unless stopping
        return False

    def _route(self, path: str, params: dict[str, str], raw_query: str) -> tuple[int, Any, dict[str, str]]:
        segments = [s for s in path.split("/") if s]
        if segments[:1] == ["works"] and len(segments) == 1:
            return 200, self._list_works(params), {}
        if segments[:1] == ["works"] and len(segments) == 2:
            return self._single_work(segments[1], params, raw_query)
        if segments[:1] == ["authors"] and len(segments) == 1:
            return 200, self._list_authors(params), {}
        if segments[:1] == ["authors"] and len(segments) == 2:
            return self._single_author(segments[1], params, raw_query)
        if segments[:1] == ["institutions"] and len(segments) == 1:
            return 200, self._list_institutions(params), {}
        if segments[:1] == ["institutions"] and len(segments) >= 2:
            return self._single_institution("/".join(segments[1:]), params)
        return 404, {"error": "404 Not Found", "message": f"no such endpoint: {path}"}, {}

    # works

    def _list_works(self, params: dict[str, str]) -> dict[str, Any]:
        unknown = set(params) - LIST_PARAMS
        if unknown:
            raise BadRequest(f"{sorted(unknown)[0]} is not a valid parameter")
        per_page = min(_per_page(params), self.page_cap or MAX_PER_PAGE)
        select = _select(params.get("select"), WORK_FIELDS)
        filters = params.get("filter", "")
        matching = self._matching_works(filters)
        start, cursor_paging = _start(params, per_page)
        with self._lock:
            works = self.works
        served = matching[: self.serve_only] if self.serve_only is not None else matching
        results = [_list_view(works[i], select) for i in served[start : start + per_page]]
        next_cursor = _cursor(start + per_page) if cursor_paging and results else None
        count = self.count_said(start, len(matching)) if self.count_said else len(matching)
        return _list_body(count, per_page, results, next_cursor, None if cursor_paging else start // per_page + 1)

    def _matching_works(self, filters: str) -> list[int]:
        with self._lock:
            cached = self._matching.get(filters)
            works = self.works
        if cached is not None:
            return cached
        test = self._work_filter(filters)
        found = [i for i, w in enumerate(works) if test(w)]
        with self._lock:
            self._matching[filters] = found
        return found

    def _work_filter(self, filters: str) -> Callable[[dict[str, Any]], bool]:
        tests: list[Callable[[dict[str, Any]], bool]] = []
        for key, value in _filter_terms(filters):
            if key not in WORK_FILTERS:
                raise BadRequest(
                    f"{key} is not a valid field. Valid fields are underscore or hyphenated versions of: "
                    + ", ".join(sorted(WORK_FILTERS))
                )
            if key == "from_updated_date" and self.refuse_updated_filter:
                raise _Refused(self.refuse_updated_filter, "from_updated_date needs an API key with that feature")
            tests.append(_work_test(key, value))
        return lambda w: all(t(w) for t in tests)

    def _single_work(self, key: str, params: dict[str, str], raw_query: str) -> tuple[int, Any, dict[str, str]]:
        wid = key.rsplit("/", 1)[-1].upper()
        if wid in self.merged:
            target = f"/works/{self.merged[wid]}" + (f"?{raw_query}" if raw_query else "")
            return 301, {"message": "moved"}, {"Location": target}
        index = self._work_index().get(wid)
        if index is None:
            return 404, {"error": "404 Not Found", "message": f"no work {wid}"}, {}
        with self._lock:
            record = self.works[index]
        return 200, _selected(record, _select(params.get("select"), WORK_FIELDS)), {}

    def _work_index(self) -> dict[str, int]:
        with self._lock:
            if self._by_id is None:
                self._by_id = {w["id"].rsplit("/", 1)[-1]: i for i, w in enumerate(self.works)}
            return self._by_id

    # authors

    def _list_authors(self, params: dict[str, str]) -> dict[str, Any]:
        unknown = set(params) - LIST_PARAMS
        if unknown:
            raise BadRequest(f"{sorted(unknown)[0]} is not a valid parameter")
        per_page = _per_page(params)
        select = _select(params.get("select"), AUTHOR_FIELDS)
        index = self._author_index()
        wanted = _author_filter(params.get("filter", ""))
        if wanted is None:
            matching = list(index)
        else:  # looked up, not scanned for: a collect of 100,000 authors asks 1,000 times
            order = self._author_order()
            matching = sorted((a for a in wanted if a in index), key=order.__getitem__)
        start, cursor_paging = _start(params, per_page)
        results = [_selected(index[aid](), select) for aid in matching[start : start + per_page]]
        if wanted is not None and start == 0:
            results += [_selected(dict(r), select) for r in self.unasked_authors]
        next_cursor = _cursor(start + per_page) if cursor_paging and results else None
        return _list_body(
            len(matching) + (len(self.unasked_authors) if wanted is not None else 0),
            per_page,
            results,
            next_cursor,
            None if cursor_paging else start // per_page + 1,
        )

    def _single_author(self, key: str, params: dict[str, str], raw_query: str) -> tuple[int, Any, dict[str, str]]:
        aid = key.rsplit("/", 1)[-1].upper()
        if aid in self.merged_authors:
            target = f"/authors/{self.merged_authors[aid]}" + (f"?{raw_query}" if raw_query else "")
            return 301, {"message": "moved"}, {"Location": target}
        make = self._author_index().get(aid)
        if make is None:
            return 404, {"error": "404 Not Found", "message": f"no author {aid}"}, {}
        return 200, _selected(make(), _select(params.get("select"), AUTHOR_FIELDS)), {}

    def _author_order(self) -> dict[str, int]:
        index = self._author_index()
        with self._lock:
            if self._author_places is None or len(self._author_places) != len(index):
                self._author_places = {aid: k for k, aid in enumerate(index)}
            return self._author_places

    def _author_index(self) -> dict[str, Callable[[], dict[str, Any]]]:
        """Each author id the fake knows, in a stable order, and how to make its record: the
        given records, or one for each author named on a work (merged ones are no longer
        entities of their own)."""
        with self._lock:
            if self._authors_by_id is not None:
                return self._authors_by_id
            works, authors = self.works, self.authors
        index: dict[str, Callable[[], dict[str, Any]]] = {}
        if authors is not None:
            for record in authors:
                index.setdefault(record["id"].rsplit("/", 1)[-1], lambda r=record: dict(r))
        else:
            for w, work in enumerate(works):
                for k, a in enumerate(work.get("authorships") or ()):
                    raw = (a.get("author") or {}).get("id")
                    aid = raw.rsplit("/", 1)[-1] if raw else None
                    if aid and aid not in self.merged_authors and aid not in index:
                        index[aid] = lambda w=w, k=k: author_record_for(self.works[w], k)
        with self._lock:
            self._authors_by_id = index
        return index

    # institutions

    def _list_institutions(self, params: dict[str, str]) -> dict[str, Any]:
        per_page = _per_page(params)
        select = _select(params.get("select"), INSTITUTION_FIELDS)
        wanted = params.get("search", "").casefold()
        hits = [
            i
            for i in self.institutions
            if wanted
            in " ".join([i["display_name"], *i["display_name_alternatives"], *i["display_name_acronyms"]]).casefold()
        ]
        start, _ = _start(params, per_page)
        return _list_body(
            len(hits),
            per_page,
            [_selected(i, select) for i in hits[start : start + per_page]],
            None,
            start // per_page + 1,
        )

    def _single_institution(self, key: str, params: dict[str, str]) -> tuple[int, Any, dict[str, str]]:
        select = _select(params.get("select"), INSTITUTION_FIELDS)
        wanted = key.lower()
        for inst in self.institutions:
            own = inst["id"].rsplit("/", 1)[-1].lower()
            ror = (inst["ror"] or "").rsplit("/", 1)[-1].lower()
            if wanted == own or (ror and wanted == f"ror:{ror}"):
                return 200, _selected(inst, select), {}
        return 404, {"error": "404 Not Found", "message": f"no institution {key}"}, {}


class _Refused(BadRequest):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def _filter_terms(filters: str) -> Iterator[tuple[str, str]]:
    for term in filter(None, filters.split(",")):
        key, sep, value = term.partition(":")
        if not sep or not value:
            raise BadRequest(f"invalid filter term '{term}': expected key:value")
        yield key, value


def _author_filter(filters: str) -> set[str] | None:
    """The author ids a filter asks for (None: no filter); a bad one answers 400 as OpenAlex does."""
    wanted: set[str] | None = None
    for key, value in _filter_terms(filters):
        if key not in AUTHOR_FILTERS:
            raise BadRequest(
                f"{key} is not a valid field. Valid fields are underscore or hyphenated versions of: "
                + ", ".join(sorted(AUTHOR_FILTERS))
            )
        if "+" in value:
            raise BadRequest("an author has one id: + (AND) can match nothing")
        values = value.split("|")
        if len(values) > MAX_OR_VALUES:
            raise BadRequest(f"Maximum number of values exceeded for {key}. Decrease values to 100 or below.")
        ids = {v.rsplit("/", 1)[-1].upper() for v in values}
        wanted = ids if wanted is None else wanted & ids
    return wanted


def _work_test(key: str, value: str) -> Callable[[dict[str, Any]], bool]:
    if key in (LINEAGE, "authorships.institutions.id"):
        if "|" in value and "+" in value:
            raise BadRequest("a filter cannot mix | and +")
        values = value.split("|") if "|" in value else value.split("+")
        if len(values) > MAX_OR_VALUES:
            raise BadRequest(f"Maximum number of values exceeded for {key}. Decrease values to 100 or below.")
        wanted = {v.rsplit("/", 1)[-1].upper() for v in values}
        field_name = "lineage" if key == LINEAGE else "id"
        combine = any if "|" in value or len(values) == 1 else all

        def held(w: dict[str, Any]) -> set[str]:
            out: set[str] = set()
            for a in (w.get("authorships") or [])[:AUTHORS_CAP]:  # filters see only the first 100 authors
                for inst in a.get("institutions") or ():
                    got = inst.get(field_name)
                    out.update(v.rsplit("/", 1)[-1] for v in (got if isinstance(got, list) else [got]) if v)
            return out

        def test(w: dict[str, Any]) -> bool:
            found = held(w)
            return combine(v in found for v in wanted)

        return test
    if key == "openalex_id":
        wanted = {v.rsplit("/", 1)[-1].upper() for v in value.split("|")}
        return lambda w: w["id"].rsplit("/", 1)[-1] in wanted
    field_name = {
        "from_publication_date": "publication_date",
        "to_publication_date": "publication_date",
        "from_updated_date": "updated_date",
    }[key]
    if key.startswith("to_"):
        return lambda w: (w.get(field_name) or "")[: len(value)] <= value
    return lambda w: (w.get(field_name) or "") >= value


def _per_page(params: dict[str, str]) -> int:
    raw = params.get("per-page", params.get("per_page", "25"))
    try:
        n = int(raw)
    except ValueError:
        raise BadRequest(f"per-page must be an integer, not '{raw}'") from None
    if not 1 <= n <= MAX_PER_PAGE:
        raise BadRequest("per-page parameter must be between 1 and 200")
    return n


def _start(params: dict[str, str], per_page: int) -> tuple[int, bool]:
    """Offset of the first result asked for, and whether cursor paging is in use."""
    if "cursor" in params and "page" in params:
        raise BadRequest("cannot use page and cursor together")
    if "cursor" in params:
        if params["cursor"] == "*":
            return 0, True
        try:
            return int(json.loads(base64.urlsafe_b64decode(params["cursor"].encode()))["offset"]), True
        except (ValueError, KeyError, TypeError):
            raise BadRequest(f"invalid cursor '{params['cursor']}'") from None
    try:
        page = int(params.get("page", "1"))
    except ValueError:
        raise BadRequest("page must be an integer") from None
    if page < 1 or page * per_page > MAX_PAGED_RESULTS:
        raise BadRequest(
            "Maximum results size of 10,000 records is exceeded. Cursor pagination is required for records beyond 10,000."
        )
    return (page - 1) * per_page, False


def _cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"offset": offset}).encode()).decode()


def _select(raw: str | None, allowed: frozenset[str]) -> list[str] | None:
    if raw is None:
        return None
    fields = [f for f in raw.split(",") if f]
    bad = [f for f in fields if f not in allowed]
    if bad:
        raise BadRequest(
            f"{bad[0]} is not a valid select field. Valid fields for select are: {', '.join(sorted(allowed))}."
        )
    return fields


def _selected(record: dict[str, Any], select: list[str] | None) -> dict[str, Any]:
    return dict(record) if select is None else {k: record[k] for k in select if k in record}


def _list_view(record: dict[str, Any], select: list[str] | None) -> dict[str, Any]:
    """A work as list responses give it: authorships cut at 100, flagged."""
    view = dict(record)
    people = view.get("authorships") or []
    if len(people) > AUTHORS_CAP:
        view["authorships"] = people[:AUTHORS_CAP]
        view["is_authors_truncated"] = True
    return _selected(view, select)


def _list_body(
    count: int, per_page: int, results: list[Any], next_cursor: str | None, page: int | None
) -> dict[str, Any]:
    return {
        "meta": {
            "count": count,
            "db_response_time_ms": 3,
            "page": page,
            "per_page": per_page,
            "next_cursor": next_cursor,
            "groups_count": None,
        },
        "results": results,
        "group_by": [],
    }


class _Server(ThreadingHTTPServer):
    daemon_threads = False
    block_on_close = True  # server_close() waits for handlers, so nothing outlives a test
    api: FakeOpenAlex

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that time out or go away are part of the tests


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the real API
    timeout = 30
    server: _Server

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes: without this, Nagle's algorithm holds the body
        # until the client's delayed ACK (40 ms) of the headers, for every small answer.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self.server.api._lock:
            self.server.api._connections.add(self.connection)

    def finish(self) -> None:
        with self.server.api._lock:
            self.server.api._connections.discard(self.connection)
        with contextlib.suppress(OSError):
            super().finish()

    def do_GET(self) -> None:
        self.server.api.answer(self)

    def send_json(self, status: int, body: Any, extra: dict[str, str]) -> None:
        self.send_raw(status, json.dumps(body).encode(), "application/json", extra)

    def send_raw(self, status: int, payload: bytes, content_type: str, extra: dict[str, str] | None = None) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            for key, value in (extra or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(payload)
        except OSError:  # the client gave up waiting (a timeout test)
            self.close_connection = True

    def reset(self) -> None:
        """Drop the connection with a TCP reset and no answer."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def log_message(self, *_: Any) -> None:
        pass
