"""Gathering evidence from OpenAlex with pyalex, in as few requests as the API allows.

    plan(claim_set)                 -> [Query]: one per subject, over the union of its claims' periods
    OpenAlexClient.from_env()       one requests session for everything pyalex sends: routed to
                                    --openalex-url, timeouts, retries that honour Retry-After
    collect(queries, out)           pages every query (cursor, 200 a page, no 10,000 cap) into a snapshot
    update(out)                     refreshes a snapshot with the works updated since it was taken
    resolve(name) / resolve_ror(id) institutions, so an analyst can fill in a subject's ids

Failures are `OpenAlexError` (a SourceError, exit 3): one line naming the HTTP status or network
cause and the URL, with the API key and e-mail removed. A failed or interrupted run writes
nothing: the snapshot it would have replaced stays as it was.

pyalex 0.21 builds every URL on https://api.openalex.org, makes a new requests session per call
or paginator and sends no timeout. While a collect runs, `OpenAlexClient.pyalex()` hands pyalex
the client's own session instead (through `pyalex.api._get_requests_session`), whose adapter
rewrites that host to the configured one. pyalex's config is process-wide, so pyalex calls are
serialised by a lock while a client holds it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Protocol, TypeVar
from urllib.parse import quote, quote_plus, urlsplit

import pyalex
import pyalex.api
import requests
from requests.adapters import HTTPAdapter

from . import ids
from .claims import ClaimSet, Subject, describe_period
from .errors import InputError, Problem, SourceError
from .evidence import (
    WORKS_FILE,
    Coverage,
    Manifest,
    Snapshot,
    SnapshotWriter,
    now_utc,
    parse_record,
    read_lines,
    tool_versions,
)

OPENALEX_API = "https://api.openalex.org"
LINEAGE = "authorships.institutions.lineage"
MAX_OR_VALUES = 100  # the API refuses an OR filter with more values
PER_PAGE = 200  # the API's largest page
AUTHORS_CAP = 100  # list responses cut authorships here
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_BACKOFF = 60.0

# Exactly the root fields works.work_from_openalex reads (a test holds the two together).
WORK_FIELDS = (
    "id",
    "doi",
    "title",
    "display_name",
    "publication_date",
    "publication_year",
    "ids",
    "authorships",
    "topics",
    "primary_topic",
    "keywords",
    "abstract_inverted_index",
    "is_retracted",
    "is_authors_truncated",
    "updated_date",
    "primary_location",
)
INSTITUTION_FIELDS = ("id", "ror", "display_name", "country_code", "type", "lineage", "works_count")

T = TypeVar("T")


class OpenAlexError(SourceError):
    """OpenAlex (or the network on the way) failed; `status` is the HTTP status when there was one."""

    def __init__(self, message: str, *, status: int | None = None, cause: str = ""):
        super().__init__(message)
        self.status = status
        self.cause = cause or message

    @property
    def refused(self) -> bool:
        """A 4xx other than 429: the API will not answer this request, however often it is asked."""
        return self.status is not None and 400 <= self.status < 500 and self.status != 429


# --- planning --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    """Every work with an author whose institution lineage holds one of `institutions`,
    published from `from_` to `to` (an open end is None)."""

    subject: str
    name: str
    institutions: tuple[str, ...]
    from_: dt.date | None = None
    to: dt.date | None = None

    @property
    def label(self) -> str:
        return f"{self.subject} {describe_period(self.from_, self.to)}"

    def filters(self, updated_since: dt.date | None = None) -> dict[str, str]:
        """The filter terms, as OpenAlex spells them."""
        terms = {LINEAGE: "|".join(self.institutions)}
        if self.from_:
            terms["from_publication_date"] = self.from_.isoformat()
        if self.to:
            terms["to_publication_date"] = self.to.isoformat()
        if updated_since:
            terms["from_updated_date"] = updated_since.isoformat()
        return terms

    def works(self, updated_since: dt.date | None = None) -> pyalex.Works:
        """The pyalex query. filter_or comes first: pyalex joins a list by `|` only inside an
        or_ filter, and by `+` (AND) in a plain one."""
        dates = {k: v for k, v in self.filters(updated_since).items() if k != LINEAGE}
        query = pyalex.Works().filter_or(**{LINEAGE: list(self.institutions)})
        if dates:
            query = query.filter(**dates)
        return query.select(list(WORK_FIELDS))

    def describe(self, updated_since: dt.date | None = None) -> dict[str, Any]:
        """What the manifest records: the query's terms and the exact URL pyalex builds."""
        url = self.works(updated_since).url
        return {
            "subject": self.subject,
            "name": self.name,
            "institutions": list(self.institutions),
            "from": self.from_.isoformat() if self.from_ else None,
            "to": self.to.isoformat() if self.to else None,
            "filter": _raw_param(url, "filter"),
            "select": ",".join(WORK_FIELDS),
            "per_page": PER_PAGE,
            "paging": "cursor",
            "url": url,
        }

    @classmethod
    def from_manifest(cls, entry: Any, where: str) -> Query:
        try:
            institutions = tuple(ids.openalex_id(i) or "" for i in entry["institutions"])
            if not institutions or not all(i.startswith("I") for i in institutions):
                raise ValueError("institutions")
            return cls(
                subject=str(entry["subject"]),
                name=str(entry.get("name") or entry["subject"]),
                institutions=institutions,
                from_=dt.date.fromisoformat(entry["from"]) if entry.get("from") else None,
                to=dt.date.fromisoformat(entry["to"]) if entry.get("to") else None,
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            raise InputError(
                Problem(
                    where,
                    0,
                    0,
                    "a query in the manifest is not one `claimwatch collect` wrote; collect the snapshot again",
                )
            ) from None


def _raw_param(url: str, name: str) -> str | None:
    """A query parameter exactly as sent (undecoded)."""
    for part in urlsplit(url).query.split("&"):
        key, _, value = part.partition("=")
        if key == name:
            return value
    return None


@dataclass
class _SubjectGroup:
    keys: set[str] = field(default_factory=set)
    names: dict[str, None] = field(default_factory=dict)
    starts: list[dt.date | None] = field(default_factory=list)
    ends: list[dt.date | None] = field(default_factory=list)


def plan(claim_set: ClaimSet) -> list[Query]:
    """One query per subject (subjects with the same OpenAlex ids are one subject), over the
    union of its claims' periods; a subject with more than 100 ids takes one query per 100."""
    groups: dict[tuple[str, ...], _SubjectGroup] = {}
    for claim in claim_set.claims:
        if not claim.subject.openalex:
            continue
        group = groups.setdefault(tuple(sorted(set(claim.subject.openalex))), _SubjectGroup())
        group.keys.add(claim.subject.id)
        group.names[claim.subject.name] = None
        group.starts.append(claim.from_)
        group.ends.append(claim.to)
    queries = []
    for institutions, group in sorted(groups.items(), key=lambda kv: (sorted(kv[1].keys), kv[0])):
        start = None if None in group.starts else min(d for d in group.starts if d)
        end = None if None in group.ends else max(d for d in group.ends if d)
        for i in range(0, len(institutions), MAX_OR_VALUES):
            queries.append(
                Query(
                    "+".join(sorted(group.keys)),
                    " / ".join(group.names),
                    institutions[i : i + MAX_OR_VALUES],
                    start,
                    end,
                )
            )
    return queries


def subjects_without_ids(claim_set: ClaimSet) -> list[Subject]:
    """Subjects some claim needs but no query can gather: they have no OpenAlex ids."""
    found: dict[str, Subject] = {}
    for claim in claim_set.claims:
        if not claim.subject.openalex:
            found.setdefault(claim.subject.id, claim.subject)
    return list(found.values())


def coverage_of(queries: Sequence[Query]) -> Coverage:
    """What a snapshot of these queries holds completely: all their institutions over the period
    every query covers (the same period unless subjects' claims differ)."""
    institutions = tuple(sorted({i for q in queries for i in q.institutions}))
    start = max((q.from_ for q in queries if q.from_), default=None) if queries else None
    end = min((q.to for q in queries if q.to), default=None) if queries else None
    if start and end and end < start:
        return Coverage(
            complete=False,
            institutions=institutions,
            declared_by="claimwatch collect",
            note="the subjects' periods do not overlap; collect each subject into its own snapshot",
        )
    differ = len({(q.from_, q.to) for q in queries}) > 1
    return Coverage(
        complete=bool(queries),
        institutions=institutions,
        from_=start,
        to=end,
        declared_by="claimwatch collect",
        note="the subjects' periods differ; this is the period all queries cover (see queries)" if differ else None,
    )


# --- transport -------------------------------------------------------------------------------

_SECRET_PARAMS = re.compile(r"(?i)([?&;](?:api[_-]?key|mailto|email|key|token)=)[^&#\s]*")
_USERINFO = re.compile(r"(?i)\b(https?://)[^/@\s]+@")
_PYALEX_LOCK = threading.RLock()


class OpenAlexClient:
    """One requests session for every request pyalex makes on claimwatch's behalf.

    base_url: where api.openalex.org requests go (a mirror or a test server); the API key and
    e-mail go into pyalex's config (pyalex sends them as `Authorization: Bearer` and `From`
    headers). connect_timeout/read_timeout in seconds; `retries` retries per request on
    429/5xx, a reset or a timeout, waiting `backoff` seconds doubled each time, or what
    Retry-After says when longer; `max_wait` bounds the seconds spent waiting over the client's
    life. `sleep` is injectable for tests.
    """

    def __init__(
        self,
        base_url: str | None = None,
        *,
        api_key: str | None = None,
        email: str | None = None,
        connect_timeout: float = 10.0,
        read_timeout: float = 60.0,
        retries: int = 5,
        backoff: float = 1.0,
        max_wait: float = 300.0,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.api_key, self.email = api_key or None, email or None
        self.base_url = self._checked(base_url or OPENALEX_API)
        self.timeout = (connect_timeout, read_timeout)
        self.retries, self.backoff, self.max_wait, self.sleep = retries, backoff, max_wait, sleep
        self.requests_made = self.retries_made = 0
        self.waited = 0.0
        self._last: tuple[str, requests.Response | None] = ("", None)
        self.session = requests.Session()
        adapter = _OpenAlexAdapter(self)
        self.session.mount("https://", adapter)
        self.session.mount("http://", adapter)

    @classmethod
    def from_env(
        cls, base_url: str | None = None, *, environ: Mapping[str, str] | None = None, **options: Any
    ) -> OpenAlexClient:
        """Key and e-mail from OPENALEX_API_KEY and OPENALEX_EMAIL; the host from `base_url`,
        else CLAIMWATCH_OPENALEX_URL, else api.openalex.org."""
        env = os.environ if environ is None else environ
        return cls(
            base_url or env.get("CLAIMWATCH_OPENALEX_URL") or None,
            api_key=env.get("OPENALEX_API_KEY"),
            email=env.get("OPENALEX_EMAIL"),
            **options,
        )

    def _checked(self, url: str) -> str:
        parts = urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError(Problem("--openalex-url", 0, 0, f"'{self.redact(url)}' is not an http(s) URL"))
        if parts.query or parts.fragment:
            raise InputError(
                Problem(
                    "--openalex-url",
                    0,
                    0,
                    f"'{self.redact(url)}': give the base URL only, "
                    "without ?parameters (the key goes in OPENALEX_API_KEY)",
                )
            )
        return url.strip().rstrip("/")

    # secrets

    def redact(self, text: str) -> str:
        """`text` without the key, the e-mail (plain or URL-encoded), URL passwords or key parameters."""
        for secret in (self.api_key, self.email):
            if secret:
                for form in {secret, quote_plus(secret), quote(secret, safe="")}:
                    text = text.replace(form, "***")
        return _USERINFO.sub(r"\1***@", _SECRET_PARAMS.sub(r"\1***", text))

    # routing

    def route(self, url: str) -> str:
        """api.openalex.org URLs moved to the configured host; anything else unchanged."""
        if self.base_url != OPENALEX_API and (url == OPENALEX_API or url.startswith(OPENALEX_API + "/")):
            return self.base_url + url[len(OPENALEX_API) :]
        return url

    @contextlib.contextmanager
    def pyalex(self) -> Iterator[None]:
        """pyalex configured with this client's key, e-mail and session, restored afterwards."""
        with _PYALEX_LOCK:
            saved_config = dict(pyalex.config)
            saved_factory = pyalex.api._get_requests_session
            pyalex.config.update(
                api_key=self.api_key,
                email=self.email,
                max_retries=0,
                user_agent=f"claimwatch/{tool_versions()['claimwatch']} pyalex/{pyalex.__version__}",
            )
            pyalex.api._get_requests_session = lambda: self.session
            try:
                yield
            finally:
                pyalex.api._get_requests_session = saved_factory
                pyalex.config.clear()
                pyalex.config.update(saved_config)

    def call(self, fn: Callable[[], T]) -> T:
        """Run one pyalex call; whatever goes wrong becomes one OpenAlexError line."""
        try:
            return fn()
        except SourceError:
            raise
        except (requests.RequestException, ValueError, KeyError, TypeError, AttributeError) as e:
            raise self._failure(e) from None

    def _failure(self, e: Exception) -> OpenAlexError:
        url, response = self._last
        if response is not None and response.status_code >= 400:
            cause = f"HTTP {response.status_code} {response.reason or ''}".rstrip() + self._detail(response)
            if response.status_code in (401, 403) and not self.api_key:
                cause += "; set OPENALEX_API_KEY"
            return self._error(cause, url, response.status_code)
        if isinstance(e, json.JSONDecodeError):
            return self._error(f"malformed JSON in the answer ({e.msg} at character {e.pos})", url, None)
        if isinstance(e, requests.RequestException):
            return self._error(f"request failed ({type(e).__name__}: {e})", url, None)
        return self._error(f"an answer not shaped like OpenAlex's ({type(e).__name__}: {e})", url, None)

    def _detail(self, response: requests.Response) -> str:
        try:
            body = response.json()
            text = body.get("message") or body.get("error") if isinstance(body, dict) else None
        except ValueError:
            text = None
        if not isinstance(text, str) or not text.strip():
            return ""
        text = " ".join(text.split())
        return f" ({text[:200]}{'...' if len(text) > 200 else ''})"

    def _error(self, cause: str, url: str, status: int | None) -> OpenAlexError:
        cause = self.redact(" ".join(cause.split()))
        return OpenAlexError(f"OpenAlex: {cause}, GET {self.redact(url)}", status=status, cause=cause)

    # retries (called by the adapter for every request)

    def send_with_retries(self, send: Callable[[], requests.Response], url: str) -> requests.Response:
        attempt = 0
        while True:
            self.requests_made += 1
            response: requests.Response | None = None
            try:
                response = send()
                response.content  # noqa: B018 - read now, so a connection dropped mid-body is retried too
            except (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError) as e:
                if response is not None:
                    response.close()
                self._last = (url, None)
                cause, status, asked = self._network_cause(e), None, None
            else:
                self._last = (url, response)
                if response.status_code not in RETRY_STATUSES:
                    return response
                cause = f"HTTP {response.status_code} {response.reason or ''}".rstrip()
                status, asked = response.status_code, retry_after_seconds(response.headers.get("Retry-After"))
                response.close()
            delay = self._delay(attempt, asked, cause, url, status)
            self.sleep(delay)
            self.waited += delay
            self.retries_made += 1
            attempt += 1

    def _delay(self, attempt: int, asked: float | None, cause: str, url: str, status: int | None) -> float:
        """Seconds to wait before the next attempt; raises when retries or the wait bound are spent."""
        if attempt >= self.retries:
            tries = f"{attempt + 1} attempts" if attempt else "1 attempt"
            raise self._error(f"{cause} after {tries}", url, status)
        delay = max(asked or 0.0, min(self.backoff * 2**attempt, MAX_BACKOFF))
        if self.waited + delay > self.max_wait:
            why = (
                f"Retry-After asks for {asked:g} s" if asked and asked >= delay else f"the next retry waits {delay:g} s"
            )
            raise self._error(f"{cause}; {why}, past the {self.max_wait:g} s bound on waiting", url, status)
        return delay

    def _network_cause(self, e: Exception) -> str:
        text = str(e)
        if isinstance(e, requests.ConnectTimeout):
            return f"could not connect within {self.timeout[0]:g} s"
        if isinstance(e, requests.ReadTimeout) or "timed out" in text.lower():
            return f"no answer within {self.timeout[1]:g} s (read timeout)"
        if isinstance(e, requests.exceptions.ChunkedEncodingError):
            return "the connection broke off mid-answer"
        if "reset" in text.lower():
            return "the connection was reset"
        if "RemoteDisconnected" in text or "aborted" in text.lower():
            return "the server closed the connection without answering"
        if "refused" in text.lower():
            return "the connection was refused"
        return "could not connect"

    # lifecycle

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> OpenAlexClient:
        return self

    def __exit__(self, *_: Any) -> None:
        self.close()


class _OpenAlexAdapter(HTTPAdapter):
    """Routes each request to the client's host with its timeouts and retries. The request and
    response keep the api.openalex.org URL pyalex asked for, so redirects resolve (and keep the
    Authorization header) as they would against the real API."""

    def __init__(self, client: OpenAlexClient):
        super().__init__()  # urllib3 retries stay off: the client retries, with Retry-After
        self.client = client

    def send(
        self,
        request: requests.PreparedRequest,
        stream: bool = False,
        timeout: Any = None,
        verify: Any = True,
        cert: Any = None,
        proxies: Any = None,
    ) -> requests.Response:
        asked = request.url or ""
        routed = self.client.route(asked)
        if routed != asked:  # proxies were chosen for api.openalex.org; choose again
            proxies = requests.utils.get_environ_proxies(routed) if self.client.session.trust_env else {}

        def once() -> requests.Response:
            request.url = routed
            try:
                return HTTPAdapter.send(
                    self,
                    request,
                    stream=stream,
                    timeout=timeout or self.client.timeout,
                    verify=verify,
                    cert=cert,
                    proxies=proxies,
                )
            finally:
                request.url = asked

        response = self.client.send_with_retries(once, routed)
        response.url = asked
        return response


def retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds from now: a number of seconds or an HTTP date; None if neither."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


@contextlib.contextmanager
def _client_for(client: OpenAlexClient | None) -> Iterator[OpenAlexClient]:
    """The caller's client, left open; or one from the environment, closed afterwards."""
    if client is not None:
        yield client
        return
    with OpenAlexClient.from_env() as own:
        yield own


# --- collecting ------------------------------------------------------------------------------


class Progress(Protocol):
    """What a collect reports as it goes (the CLI draws a progress bar from it)."""

    def query_started(self, query: Query, total: int | None) -> None: ...

    def advanced(self, query: Query, records: int) -> None: ...

    def note(self, message: str) -> None: ...


class Silent:
    """Progress that shows nothing."""

    def query_started(self, query: Query, total: int | None) -> None:
        pass

    def advanced(self, query: Query, records: int) -> None:
        pass

    def note(self, message: str) -> None:
        pass


@dataclass(frozen=True)
class CollectResult:
    out: str
    manifest: Manifest
    requests: int
    retries: int
    notes: tuple[str, ...] = ()  # why coverage fell short, if it did
    fallback: str | None = None  # why an update became a full collect, if it did

    @property
    def records(self) -> int:
        return self.manifest.records


@dataclass
class QueryOutcome:
    """How one query went: OpenAlex's count against what arrived."""

    count: int | None = None
    received: int = 0
    pages: int = 0
    full_author_lists: int = 0
    merged: dict[str, str] = field(default_factory=dict)
    still_truncated: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "received": self.received,
            "pages": self.pages,
            "full_author_lists": self.full_author_lists,
            "merged_ids": dict(self.merged),
            "authors_still_truncated": list(self.still_truncated),
        }


class _Harvest:
    """Records on their way into a snapshot: each work once, whichever query or page brought it."""

    def __init__(self, sink: Callable[[dict[str, Any]], None]):
        self.sink = sink
        self.seen: set[str] = set()
        self.duplicates = 0
        self.skipped: list[dict[str, Any]] = []

    def add(self, record: dict[str, Any]) -> None:
        wid = _work_id(record)
        if wid is None:
            self.skipped.append({"reason": "a result without an OpenAlex work id"})
        elif wid in self.seen:
            self.duplicates += 1
        else:
            self.seen.add(wid)
            self.sink(record)


def _work_id(record: Any) -> str | None:
    raw = record.get("id") if isinstance(record, dict) else None
    short = ids.openalex_id(raw) if isinstance(raw, str) else None
    return short if short and short.startswith("W") else None


def _authors_truncated(record: dict[str, Any]) -> bool:
    """Cut by the list response: flagged, or holding exactly the cap (that OpenAlex always
    returns `is_authors_truncated` under `select` is not confirmed, so the count decides too)."""
    people = record.get("authorships")
    return record.get("is_authors_truncated") is True or (isinstance(people, list) and len(people) >= AUTHORS_CAP)


def _run_query(
    api: OpenAlexClient, query: Query, harvest: _Harvest, progress: Progress, updated_since: dt.date | None = None
) -> QueryOutcome:
    """Page through one query and hand each record to the harvest."""
    outcome = QueryOutcome()
    pager = query.works(updated_since).paginate(method="cursor", per_page=PER_PAGE, n_max=None)
    listed: set[str] = set()
    while (page := api.call(lambda: next(pager, None))) is not None:
        outcome.pages += 1
        count = page.meta.get("count") if isinstance(page.meta, dict) else None
        if outcome.count is None or count != outcome.count:
            progress.query_started(query, count)
        outcome.count = count if isinstance(count, int) else outcome.count
        for record in page:
            wid = _work_id(record)
            if wid is not None:
                listed.add(wid)
                if _authors_truncated(record):
                    record = _full_work(api, wid, record, outcome, progress)
            harvest.add(record)
        progress.advanced(query, len(page))
    outcome.received = len(listed)
    return outcome


def _full_work(
    api: OpenAlexClient, wid: str, listed: dict[str, Any], outcome: QueryOutcome, progress: Progress
) -> dict[str, Any]:
    """The work fetched alone, for its full author list (a merged id answers 301 and is followed)."""
    try:
        full = api.call(lambda: pyalex.Works()[wid])
    except OpenAlexError as e:
        if e.status not in (404, 410):  # gone since it was listed: keep what the list gave
            raise
        progress.note(f"{wid}: the full author list could not be fetched ({e.cause}); kept the first {AUTHORS_CAP}")
        outcome.still_truncated.append(wid)
        return listed
    outcome.full_author_lists += 1
    got = _work_id(full)
    if got and got != wid:
        outcome.merged[wid] = got
    return full


def _coverage(
    queries: Sequence[Query], outcomes: Sequence[QueryOutcome], harvest: _Harvest
) -> tuple[Coverage, list[str]]:
    """Coverage of the queries, unless something shows the harvest fell short of OpenAlex's count."""
    coverage = coverage_of(queries)
    short = [
        f"{q.label}: {o.received} of the {o.count} works OpenAlex counted arrived"
        for q, o in zip(queries, outcomes, strict=True)
        if o.count is not None and o.received < o.count
    ]
    if harvest.skipped:
        short.append(f"{len(harvest.skipped)} results had no work id and were left out")
    if short and coverage.complete:
        coverage = coverage.model_copy(update={"complete": False, "note": "; ".join(short)})
    return coverage, short


def collect(
    queries: Sequence[Query],
    out: str | Path,
    *,
    client: OpenAlexClient | None = None,
    progress: Progress | None = None,
    command: Sequence[str] = (),
) -> CollectResult:
    """Gather every work of `queries` into a new snapshot at `out`, replacing any there only
    when the whole run succeeded. Coverage is complete for the queries' institutions and period."""
    queries = list(queries)
    if not queries:
        raise InputError(
            Problem(
                str(out), 0, 0, "nothing to collect: no subject has OpenAlex ids (`claimwatch resolve NAME` finds them)"
            )
        )
    with _client_for(client) as api:
        return _collect(queries, Path(out), api, progress or Silent(), command)


def _collect(
    queries: list[Query],
    out: Path,
    api: OpenAlexClient,
    progress: Progress,
    command: Sequence[str],
    fallback: str | None = None,
) -> CollectResult:
    created = now_utc()
    with _unchanged_on_failure(out), SnapshotWriter(out) as writer, api.pyalex():
        harvest = _Harvest(writer.write_record)
        outcomes = [_run_query(api, q, harvest, progress) for q in queries]
        coverage, shortfalls = _coverage(queries, outcomes, harvest)
        manifest = writer.commit(
            {
                "source": "openalex",
                "created": created,
                "tool": tool_versions(),
                "api": api.redact(api.base_url),
                "queries": [{**q.describe(), **o.as_json()} for q, o in zip(queries, outcomes, strict=True)],
                "command": [api.redact(c) for c in command],
                "duplicates_collapsed": harvest.duplicates,
                "skipped_lines": harvest.skipped,
                "coverage": coverage.as_json(),
                "requests": _request_counts(api),
                **({"update": {"fallback": fallback}} if fallback else {}),
            }
        )
    return CollectResult(str(out), manifest, api.requests_made, api.retries_made, tuple(shortfalls), fallback)


@contextlib.contextmanager
def _unchanged_on_failure(out: Path) -> Iterator[None]:
    """A failed run says, in its one line, that the snapshot at `out` was not touched."""
    try:
        yield
    except OpenAlexError as e:
        raise OpenAlexError(f"{e}; {out} left unchanged", status=e.status, cause=e.cause) from None


def _request_counts(api: OpenAlexClient) -> dict[str, Any]:
    return {"made": api.requests_made, "retried": api.retries_made, "waited_seconds": round(api.waited, 3)}


# --- updating --------------------------------------------------------------------------------


def update(
    out: str | Path,
    *,
    client: OpenAlexClient | None = None,
    progress: Progress | None = None,
    command: Sequence[str] = (),
) -> CollectResult:
    """Refresh the snapshot at `out`: ask only for works updated since it was taken (OpenAlex's
    from_updated_date, from the snapshot's retrieval day on) and merge them in by id, keeping
    the newer updated_date. If the API refuses that filter (a 4xx: it may need a key), say so and
    collect the same queries again in full."""
    out = Path(out)
    progress = progress or Silent()
    snapshot = Snapshot.open(out)
    manifest_path = str(out / "manifest.json")
    if snapshot.manifest.source != "openalex":
        raise InputError(
            Problem(
                manifest_path,
                0,
                0,
                f"source is '{snapshot.manifest.source}', not OpenAlex: "
                "only a snapshot `claimwatch collect` made can be updated",
            )
        )
    queries = [Query.from_manifest(q, manifest_path) for q in snapshot.manifest.queries]
    if not queries:
        raise InputError(Problem(manifest_path, 0, 0, "the manifest records no queries to update"))
    since = _retrieval_day(snapshot, manifest_path)
    with _client_for(client) as api:
        created = now_utc()
        fresh: dict[str, dict[str, Any]] = {}
        harvest = _Harvest(lambda r: fresh.__setitem__(_work_id(r), r))
        try:
            with _unchanged_on_failure(out), api.pyalex():
                outcomes = [_run_query(api, q, harvest, progress, updated_since=since) for q in queries]
        except OpenAlexError as e:
            if not e.refused:
                raise
            note = (
                f"OpenAlex refused the updated-date filter (from_updated_date: {e.cause}); "
                f"re-collecting the same {len(queries)} {'query' if len(queries) == 1 else 'queries'} in full"
            )
            progress.note(note)
            return _collect(queries, out, api, progress, command, fallback=note)
        return _merge(snapshot, fresh, queries, outcomes, harvest, since, created, api, command)


def _retrieval_day(snapshot: Snapshot, where: str) -> dt.date:
    try:
        return dt.datetime.fromisoformat(snapshot.manifest.created.replace("Z", "+00:00")).date()
    except ValueError:
        raise InputError(Problem(where, 0, 0, f"'created' is not a time: {snapshot.manifest.created!r}")) from None


def _updated(record: dict[str, Any]) -> str:
    value = record.get("updated_date")
    return value if isinstance(value, str) else ""


def _merge(
    snapshot: Snapshot,
    fresh: dict[str, dict[str, Any]],
    queries: list[Query],
    outcomes: list[QueryOutcome],
    harvest: _Harvest,
    since: dt.date,
    created: str,
    api: OpenAlexClient,
    command: Sequence[str],
) -> CollectResult:
    """The old records, each replaced in place by a fresh one with a newer-or-equal updated_date,
    then the works that are new."""
    out = Path(snapshot.path)
    data = out / WORKS_FILE
    expected = snapshot.manifest.files[WORKS_FILE].get("sha256")
    replaced = 0

    def check(digest: str) -> None:
        if expected and digest != expected:
            raise InputError(
                Problem(
                    str(data), 0, 0, "does not match the sha256 in its manifest: the snapshot was changed or damaged"
                )
            )

    with SnapshotWriter(out) as writer:
        for n, line in read_lines(data, check):
            record = parse_record(line, str(data), n)
            if record is None:
                continue
            newer = fresh.pop(ids.openalex_id(record["id"]) or "", None)
            if newer is not None and _updated(newer) >= _updated(record):
                writer.write_record(newer)
                replaced += 1
            else:
                writer.write_line(line)
        added = len(fresh)
        for record in fresh.values():
            writer.write_record(record)
        coverage, shortfalls = _coverage(queries, outcomes, harvest)
        if not snapshot.coverage.complete:
            coverage = snapshot.coverage
        old = snapshot.manifest
        manifest = writer.commit(
            {
                "source": "openalex",
                "created": created,
                "tool": tool_versions(),
                "api": api.redact(api.base_url),
                "queries": [q.describe() for q in queries],
                "command": [api.redact(c) for c in command],
                "duplicates_collapsed": harvest.duplicates,
                "skipped_lines": harvest.skipped,
                "coverage": coverage.as_json(),
                "requests": _request_counts(api),
                "update": {
                    "from_updated_date": since.isoformat(),
                    "replaced": replaced,
                    "added": added,
                    "queries": [{**q.describe(since), **o.as_json()} for q, o in zip(queries, outcomes, strict=True)],
                    "previous": {"created": old.created, "records": old.records, "manifest_sha256": snapshot.sha256},
                },
            }
        )
    return CollectResult(str(out), manifest, api.requests_made, api.retries_made, tuple(shortfalls))


# --- resolving institutions ------------------------------------------------------------------


@dataclass(frozen=True)
class InstitutionHit:
    """An OpenAlex institution, with what an analyst needs to fill in a subject or list entry."""

    id: str
    name: str
    ror: str | None
    country: str | None
    type: str | None
    lineage: tuple[str, ...]
    works_count: int | None

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> InstitutionHit:
        lineage = record.get("lineage") if isinstance(record.get("lineage"), list) else []
        count = record.get("works_count")
        return cls(
            id=ids.openalex_id(record.get("id")) or str(record.get("id")),
            name=str(record.get("display_name") or ""),
            ror=ids.ror_id(record.get("ror")),
            country=record.get("country_code") or None,
            type=record.get("type") or None,
            lineage=tuple(filter(None, (ids.openalex_id(v) for v in lineage if isinstance(v, str)))),
            works_count=count if isinstance(count, int) else None,
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "ror": self.ror,
            "country": self.country,
            "type": self.type,
            "lineage": list(self.lineage),
            "works_count": self.works_count,
        }


def resolve(name: str, *, client: OpenAlexClient | None = None, limit: int = 10) -> list[InstitutionHit]:
    """OpenAlex institutions whose names match `name`, best first (OpenAlex's search order)."""
    if not name.strip():
        raise InputError(Problem("NAME", 0, 0, "give a name to search for"))
    if not 1 <= limit <= PER_PAGE:
        raise InputError(Problem("--limit", 0, 0, f"must be between 1 and {PER_PAGE}"))
    with _client_for(client) as api, api.pyalex():
        found = api.call(
            lambda: pyalex.Institutions().search(name).select(list(INSTITUTION_FIELDS)).get(per_page=limit)
        )
    return [InstitutionHit.from_record(r) for r in found]


def resolve_ror(ror: str, *, client: OpenAlexClient | None = None) -> InstitutionHit | None:
    """The OpenAlex institution with this ROR id, or None when OpenAlex has none."""
    short = ids.ror_id(ror)
    if not short:
        raise InputError(
            Problem("--ror", 0, 0, f"'{ror}' is not a ROR id (e.g. 00d0nc645 or https://ror.org/00d0nc645)")
        )
    with _client_for(client) as api, api.pyalex():
        try:
            record = api.call(lambda: pyalex.Institutions()[f"ror:{short}"])
        except OpenAlexError as e:
            if e.status == 404:
                return None
            raise
    return InstitutionHit.from_record(record)


def describe_coverage(coverage: Coverage) -> str:
    """Coverage in a few words, for the command's summary line."""
    if not coverage.complete:
        return f"not complete ({coverage.note or 'none declared'})"
    period = f"{coverage.from_ or 'the start'} to {coverage.to or 'retrieval'}"
    return f"complete for {', '.join(coverage.institutions)}, {period}"
