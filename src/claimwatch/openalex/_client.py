"""The one requests session pyalex sends through: routed to --openalex-url, with claimwatch's
timeouts and its one retry loop (`claimwatch._http`), secrets kept out of every message, and
every failure one `OpenAlexError` line.

pyalex 0.21 builds every URL on https://api.openalex.org, makes a new requests session per call
or paginator and sends no timeout. Every exchange is held to `_http.Bounds` (bytes, and seconds
from the request to the answer's last byte), and on a redirect to another host neither the key
nor the e-mail follows. While a collect runs, `OpenAlexClient.pyalex()` hands pyalex
the client's own session instead (through `pyalex.api._get_requests_session`), whose adapter
rewrites that host to the configured one. pyalex's config is process-wide, so pyalex calls are
serialised by a lock while a client holds it.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar
from urllib.parse import urlsplit

import pyalex
import pyalex.api
import requests

from .. import _http
from ..errors import InputError, Problem, SourceError
from ..evidence import tool_versions

OPENALEX_API = "https://api.openalex.org"
DETAIL_LIMIT = 200  # characters of a server's own message kept in an error line
NOT_JSON_SHOWN = 80  # characters of an answer that is no JSON kept in an error line
SET_A_KEY = "set OPENALEX_API_KEY"
NO_KEY_WARNING = (
    "OPENALEX_API_KEY is not set; OpenAlex has wanted a key since 2026-02-13, and without one "
    "a collect has only a small free daily allowance (HTTP 429 when it is spent)"
)

T = TypeVar("T")

_PYALEX_LOCK = threading.RLock()


class OpenAlexError(SourceError):
    """OpenAlex (or the network on the way) failed; `status` is the HTTP status when there was
    one, `url` the request's (secrets removed)."""

    def __init__(self, message: str, *, status: int | None = None, cause: str = "", url: str = ""):
        super().__init__(message)
        self.status = status
        self.cause = cause or message
        self.url = url

    @property
    def refused(self) -> bool:
        """A 4xx other than 429: the API will not answer this request, however often it is asked."""
        return self.status is not None and 400 <= self.status < 500 and self.status != 429


class OpenAlexClient:
    """One requests session for every request pyalex makes on claimwatch's behalf.

    base_url: where api.openalex.org requests go (a mirror or a test server); the API key and
    e-mail go into pyalex's config (pyalex sends them as `Authorization: Bearer` and `From`
    headers). connect_timeout/read_timeout in seconds; `retries` retries per request on 429 and
    5xx (but 501 and 505), a dropped connection or a timeout, waiting `backoff` seconds doubled
    each time, or what Retry-After says when longer; `max_wait` bounds the seconds spent waiting
    over the client's life. `sleep` is injectable for tests.
    """

    def __init__(
        self,
        base_url: str | None = None,
        *,
        api_key: str | None = None,
        email: str | None = None,
        connect_timeout: float = 10.0,
        read_timeout: float = 60.0,
        max_seconds: float | None = None,
        max_bytes: int = _http.MAX_ANSWER_BYTES,
        retries: int = 5,
        backoff: float = 1.0,
        max_wait: float = 300.0,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.api_key, self.email = api_key or None, email or None
        self.base_url = self._checked(base_url or OPENALEX_API)
        self.timeout = (connect_timeout, read_timeout)
        self.policy = _http.RetryPolicy(retries=retries, backoff=backoff, max_wait=max_wait, sleep=sleep)
        self.tally = _http.Tally()  # over the client's life: the bound on waiting counts every wait
        self._last: tuple[str, requests.Response | None] = ("", None)
        # Answers that came from another host than base_url, a redirect having led there (each
        # origin, scheme://host:port, and how many): where the snapshot's records came from.
        self.elsewhere: Counter[str] = Counter()
        self.bounds = _http.Bounds(max_bytes=max_bytes, max_seconds=max_seconds or connect_timeout + read_timeout)
        self.session = _OpenAlexSession(self)

    @classmethod
    def from_env(
        cls, base_url: str | None = None, *, environ: Mapping[str, str] | None = None, **options: Any
    ) -> OpenAlexClient:
        """Key and e-mail from OPENALEX_API_KEY and OPENALEX_EMAIL (stripped; refused in one line
        if they hold a control character); the host from `base_url`, else CLAIMWATCH_OPENALEX_URL,
        else api.openalex.org."""
        env = os.environ if environ is None else environ
        return cls(
            base_url or env.get("CLAIMWATCH_OPENALEX_URL") or None,
            api_key=_http.credential(env, "OPENALEX_API_KEY"),
            email=_http.credential(env, "OPENALEX_EMAIL"),
            **options,
        )

    def _checked(self, url: str) -> str:
        try:
            parts = urlsplit(url.strip())
            host = parts.hostname
        except ValueError:  # "http://[::1": no URL at all
            host = None
        if host is None or parts.scheme not in ("http", "https"):
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

    # what was done, for the manifest and the summary line

    @property
    def requests_made(self) -> int:
        return self.tally.requests

    @property
    def retries_made(self) -> int:
        return self.tally.retries

    @property
    def waited(self) -> float:
        return self.tally.waited

    # secrets

    @property
    def secrets(self) -> tuple[str | None, str | None]:
        return (self.api_key, self.email)

    def redact(self, text: str) -> str:
        """`text` without the key, the e-mail (plain or URL-encoded), URL passwords or secret
        parameters: claimwatch's one rule (`_http.redact`)."""
        return _http.redact(text, self.secrets)

    def redacted(self, value: T) -> T:
        """Every string in `value` (a manifest: JSON-like dicts and lists) redacted by `redact`."""
        if isinstance(value, str):
            return self.redact(value)  # type: ignore[return-value]
        if isinstance(value, dict):
            return {k: self.redacted(v) for k, v in value.items()}  # type: ignore[return-value]
        if isinstance(value, list | tuple):
            return type(value)(self.redacted(v) for v in value)
        return value

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
        except (requests.RequestException, ValueError, KeyError, TypeError, AttributeError, RecursionError) as e:
            raise self._failure(e) from None

    @property
    def last_url(self) -> str:
        """The URL of the last request sent (routed; shown only through `redact`)."""
        return self._last[0]

    def unexpected(self, what: str, url: str | None = None) -> OpenAlexError:
        """An answer (the last, or the one from `url`) not shaped as the call needs, in one line."""
        return self.failure(f"an answer not shaped like OpenAlex's ({what})", url)

    def failure(self, cause: str, url: str | None = None) -> OpenAlexError:
        """A failure found in what OpenAlex answered (at `url`, else the last request), in one line."""
        return self._error(cause, self.last_url if url is None else url, None)

    def _failure(self, e: Exception) -> OpenAlexError:
        url, response = self._last
        if response is not None and response.status_code >= 400:
            cause = _http.status_text(response) + self._detail(response)
            if response.status_code in (401, 403) and not self.api_key:
                cause += f"; {SET_A_KEY}"
            return self._error(cause, url, response.status_code)
        if isinstance(e, json.JSONDecodeError):
            return self._error(self._not_json(response, e), url, None)
        if isinstance(e, RecursionError):  # JSON nested deeper than Python's parser recurses: no record is
            return self._error("an answer nested too deeply to read, not OpenAlex's JSON", url, None)
        if isinstance(e, requests.RequestException):
            return self._error(_http.describe_error(e, self.timeout), url, None)
        if response is not None and self._is_error_body(response):  # an error said with a 200: say it
            said = f"an error, answered with {_http.status_text(response)}: {self._said(response) or 'no message'}"
            return self._error(f"an answer not shaped like OpenAlex's ({said})", url, None)
        said = _http.shown(str(e), self.secrets, DETAIL_LIMIT)
        return self._error(f"an answer not shaped like OpenAlex's ({type(e).__name__}: {said})", url, None)

    def _not_json(self, response: requests.Response | None, e: json.JSONDecodeError) -> str:
        """Why the answer could not be read: JSON cut or broken, or no JSON at all (a proxy's or
        a login page's HTML, a CDN's message), then said with its type and how it begins."""
        if response is None:
            return f"malformed JSON in the answer ({e.msg} at character {e.pos})"
        # its start only: the answer may be megabytes, and guessing a whole one's encoding is slow
        try:
            body = response.content[:4096].decode(response.encoding or "utf-8", errors="replace")
        except LookupError:  # a charset no codec is named
            body = response.content[:4096].decode("utf-8", errors="replace")
        if not body.strip():
            return "an empty answer, where JSON was expected"
        if body.lstrip()[:1] in ("{", "[", '"'):
            return f"malformed JSON in the answer ({e.msg} at character {e.pos})"
        kind = _http.shown(response.headers.get("Content-Type") or "no Content-Type", self.secrets, 60)
        said = _http.shown(body, self.secrets, NOT_JSON_SHOWN)
        return f"the answer is not JSON ({kind}; it begins '{said}'): a proxy or a login page in the way?"

    @staticmethod
    def _is_error_body(response: requests.Response) -> bool:
        """Whether the answer is OpenAlex's error form (`error`, `message`), results or record none."""
        body = _json_or_none(response)
        return isinstance(body, dict) and "error" in body and not {"results", "id"} & body.keys()

    def _detail(self, response: requests.Response) -> str:
        said = self._said(response)
        return f" ({said})" if said else ""

    def _said(self, response: requests.Response) -> str:
        """The server's own message (or error), secrets removed, cut to DETAIL_LIMIT; "" if none."""
        body = _json_or_none(response)
        text = body.get("message") or body.get("error") if isinstance(body, dict) else None
        if not isinstance(text, str) or not text.strip():
            return ""
        return _http.shown(text, self.secrets, DETAIL_LIMIT)

    def _error(self, cause: str, url: str, status: int | None) -> OpenAlexError:
        cause = _http.shown(cause, self.secrets)
        shown = self.redact(url)
        return OpenAlexError(f"OpenAlex: {cause}, GET {shown}", status=status, cause=cause, url=shown)

    # retries (called by the adapter for every request)

    def send_with_retries(self, send: Callable[[], requests.Response], url: str) -> requests.Response:
        """`send`, retried by claimwatch's one retry loop; a failure for good is an OpenAlexError."""
        self._last = (url, None)
        try:
            response = _http.send(send, self.policy, self.tally, timeout=self.timeout)
        except _http.Failure as e:
            cause = self._gave_up(e)
            if e.status == 429 and not self.api_key:  # the keyless daily allowance is spent
                cause += f"; {SET_A_KEY}"
            raise self._error(cause, url, e.status) from None
        self._last = (url, response)
        return response

    def _gave_up(self, e: _http.Failure) -> str:
        """The cause and how retrying ended, as OpenAlex failures say it."""
        if e.wait is not None:
            why = (
                f"Retry-After asks for {_http.seconds_said(e.asked)}"
                if e.asked and e.asked >= e.wait
                else f"the next retry waits {_http.seconds_said(e.wait)}"
            )
            return f"{e.cause}; {why}, past the {self.policy.max_wait:g} s bound on waiting"
        if e.spent:
            return f"{e.cause} after {e.attempts} attempt{'s' if e.attempts > 1 else ''}"
        return e.cause

    # lifecycle

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> OpenAlexClient:
        return self

    def __exit__(self, *_: Any) -> None:
        self.close()


def _json_or_none(response: requests.Response) -> Any:
    """The answer's JSON, or None where it has none (broken, or nested too deeply to read)."""
    try:
        return response.json()
    except (ValueError, RecursionError):
        return None


class _OpenAlexSession(_http.Session):
    """claimwatch's session, mounted with the routing adapter. Whether a redirect leaves the host
    is judged on the routed URLs: a mirror's absolute redirect to itself keeps the key; a
    redirect anywhere else drops it and the e-mail."""

    def __init__(self, client: OpenAlexClient):
        super().__init__()
        self.client = client
        self.headers["User-Agent"] = _http.user_agent()
        adapter = _OpenAlexAdapter(client)
        self.mount("https://", adapter)
        self.mount("http://", adapter)

    def should_strip_auth(self, old_url: str, new_url: str) -> bool:
        return bool(super().should_strip_auth(self.client.route(old_url), self.client.route(new_url)))


class _OpenAlexAdapter(_http.BoundedAdapter):
    """Routes each request to the client's host with its timeouts, bounds and retries. The
    request and response keep the api.openalex.org URL pyalex asked for, so redirects resolve as
    they would against the real API."""

    def __init__(self, client: OpenAlexClient):
        super().__init__(client.bounds)  # urllib3 retries stay off: the client retries, with Retry-After
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
                return _http.BoundedAdapter.send(
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
        if not response.is_redirect and self.client.session.should_strip_auth(self.client.base_url, routed):
            self.client.elsewhere[_origin(routed)] += 1  # a redirect led off the host: provenance says so
        response.url = asked
        return response


def _origin(url: str) -> str:
    """scheme://host[:port] of a URL, without a user name or password."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rsplit('@', 1)[-1]}"


@contextlib.contextmanager
def client_for(client: OpenAlexClient | None) -> Iterator[OpenAlexClient]:
    """The caller's client, left open; or one from the environment, closed afterwards."""
    if client is not None:
        yield client
        return
    with OpenAlexClient.from_env() as own:
        yield own
