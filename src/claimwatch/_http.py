"""HTTP for every download claimwatch makes (OpenAlex through pyalex, list files from their
publishers): one session, timeouts, one retry loop that honours Retry-After, one rule for hiding
secrets, and one vocabulary for what went wrong.

    session(user_agent, bounds)     a requests session that sends claimwatch's User-Agent, bounds
                                    every exchange (`Bounds`: bytes and seconds, redirects included)
                                    and sends no credential to another host on a redirect
    send(attempt, policy, tally)    one request, retried on 429 and 5xx (but 501 and 505), a dropped,
                                    reset or refused connection, a timeout or a truncated body;
                                    never on a host name that does not resolve (`unresolvable`)
    credential(environ, name)       a secret read from the environment: stripped, or refused in one line
    retry_after(value, sent)        a Retry-After header (seconds, or an HTTP date read against the
                                    answer's Date header) as seconds
    redact(text, secrets)           text fit for a message: secrets shown as ***
    shown(text, secrets, limit)     redact, then fold whitespace, then cut: for text from elsewhere
    redact_url(url, secrets)        a URL fit for a file: credentials dropped, secret values REDACTED
    describe_error(e, timeout)      a requests exception in our own words (theirs repeat the URL)

What is secret, the one rule: a URL's user name and password; the value of every query parameter
whose name holds key, token, secret, pass(word), auth, sig(nature), credential, session, mailto
or e-mail (`api_key`, `subscription-key`, `mailto`, `X-Amz-Signature`, ...); and every secret
value the caller names (an API key, an e-mail address), plain or URL-encoded, wherever it stands
whole (a word of a message, a query value, a path segment; never a part of a longer word, so the
rest of the text is left exactly as it was), if it has at least SHORTEST_HIDDEN characters; one of
at least DISTINCT_HIDDEN characters, or an e-mail address, wherever it stands.
Redaction comes before any cut, so no cut can leave a secret's beginning behind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any

import requests
import urllib3
from requests.adapters import HTTPAdapter

from ._json import json_cut_short as cut_short
from ._version import __version__
from .errors import InputError, Problem

# --- the rule for secrets ----------------------------------------------------------------------

SECRET_NAME = re.compile(r"key|token|secret|pass|auth|sig|credential|session|mailto|e-?mail", re.IGNORECASE)
"""A query parameter whose name matches holds a secret."""

MASK = "***"
URL_MASK = "REDACTED"  # in a URL kept in a file, where `***` would read as part of the value

_PARAM = re.compile(r"(?P<lead>[?&;])(?P<name>[^=&;#?\s]+)=(?P<value>[^&;#\s]*)")
# Up to the authority's last "@": a password may hold one unencoded ("user:p@ss@host"), which
# URL parsers, requests' too, read as the password's; stopping at the first would show "ss".
_USERINFO = re.compile(r"(?i)\b(?P<scheme>[a-z][a-z0-9+.-]*://)[^/?#\s]*@")


def is_secret_name(name: str) -> bool:
    """Whether a query parameter of this name holds a secret (the one rule, for every caller)."""
    return bool(SECRET_NAME.search(urllib.parse.unquote_plus(name)))


# A secret value is hidden where it stands whole, never inside a longer word, host name or value:
# a key "a" must not turn api.openalex.org into ***pi.open***lex.org. What continues a word: these
# characters, or a dot followed (or preceded) by one of them ("x.org"; "key abc." ends a sentence).
_WORD = r"A-Za-z0-9_~+%@\-"
_WHOLE = r"(?<![{w}])(?<![{w}]\.)(?:{value})(?![{w}])(?!\.[{w}])"
# A value this short (a letter, "id") cannot be told from ordinary text; hiding it would mangle
# every message, so it is hidden only by name (a secret-named parameter), never by value.
SHORTEST_HIDDEN = 3
# A value this long, or an e-mail address (it holds "@"), is no ordinary text: it is hidden wherever
# it stands, inside a longer word too, since a secret's own text beside a letter is still the
# secret ("key Zk3kd92jdkS.Please", a URL quoted inside another's query: "...%3Fmailto%3Dme%40x.org").
DISTINCT_HIDDEN = 8


def _hide_values(text: str, secrets: Iterable[str | None], mask: str) -> str:
    """Each secret value, as given and URL-encoded (either way), replaced by `mask`: where it
    stands whole (a word of a message, a whole query value or path segment) where it is short,
    wherever it stands where it is long or an e-mail address (`DISTINCT_HIDDEN`)."""
    for secret in secrets:
        if secret and len(secret) >= SHORTEST_HIDDEN:
            forms = {secret, urllib.parse.quote_plus(secret), urllib.parse.quote(secret, safe="")}
            alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
            if len(secret) >= DISTINCT_HIDDEN or "@" in secret:
                text = re.sub(alternatives, lambda _: mask, text)
            else:
                text = re.sub(_WHOLE.format(w=_WORD, value=alternatives), lambda _: mask, text)
    return text


def redact(text: str, secrets: Iterable[str | None] = ()) -> str:
    """`text` (a message, a URL, a command-line argument) with every secret shown as `***`:
    the given values, plain or URL-encoded; URL user names and passwords; secret-named parameters."""
    text = _hide_values(text, secrets, MASK)
    text = _USERINFO.sub(rf"\g<scheme>{MASK}@", text)
    return _PARAM.sub(
        lambda m: f"{m['lead']}{m['name']}={MASK}" if is_secret_name(m["name"]) else m.group(0),
        text,
    )


def redact_url(url: str, secrets: Iterable[str | None] = ()) -> str:
    """The URL fit for messages and files: no user name or password, no fragment, secret-named
    parameters' values and the given secret values replaced by REDACTED (the same rule as redact).
    A URL too malformed to take apart ("http://[::1") is redacted as text is."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return redact(url, secrets)
    netloc = parts.netloc.rsplit("@", 1)[-1]
    query = urllib.parse.urlencode(
        [
            (k, URL_MASK if is_secret_name(k) else v)
            for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
        ],
        safe="/:",
    )
    shown = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, query, ""))
    return _hide_values(shown, secrets, URL_MASK)


def shown(text: str, secrets: Iterable[str | None] = (), limit: int | None = None) -> str:
    """Text from elsewhere (a server's message) fit for one line: secrets hidden first, then
    whitespace folded, then cut to `limit` characters; cutting first could leave a key's start."""
    text = " ".join(redact(text, secrets).split())
    if limit is not None and len(text) > limit:
        return text[:limit] + "..."
    return text


def credential(environ: Mapping[str, str], name: str) -> str | None:
    """The secret in environment variable `name`, stripped of the whitespace a `.env` file saved
    with Windows line endings leaves (a trailing \\r); None when unset or blank. A value that
    still holds a control character, or a character an HTTP header cannot carry, is refused in
    one line that does not show it."""
    value = (environ.get(name) or "").strip()
    if not value:
        return None
    if not value.isprintable():
        raise InputError(Problem(name, 0, 0, "holds a control character (a line break or tab inside it?); not used"))
    try:
        value.encode("latin-1")
    except UnicodeEncodeError:
        raise InputError(Problem(name, 0, 0, "holds characters an HTTP header cannot carry; not used")) from None
    return value


# --- what went wrong, in words ------------------------------------------------------------------


def status_text(response: requests.Response) -> str:
    """'HTTP 503 Service Unavailable'."""
    return f"HTTP {response.status_code} {response.reason or ''}".rstrip()


def describe_error(e: BaseException, timeout: tuple[float, float] | None = None) -> str:
    """What went wrong, in words of our own: the library's messages repeat the URL, query string and all.
    `timeout` (connect, read), when given, is named in the words for a timeout."""
    text = str(e)
    lower = text.lower()
    connect, read = timeout or (None, None)
    if isinstance(e, (AnswerTooSlow, AnswerTooLarge)):
        return str(e)
    if unresolvable(e):
        return UNRESOLVABLE
    if isinstance(e, requests.exceptions.ConnectTimeout):
        return f"could not connect within {connect:g} s" if connect is not None else "the connection timed out"
    if isinstance(e, requests.exceptions.ReadTimeout) or "timed out" in lower:
        return (
            f"no answer within {read:g} s (read timeout)"
            if read is not None
            else "the server sent nothing for longer than the read timeout"
        )
    if isinstance(e, CutShort):
        return str(e)
    if isinstance(e, requests.exceptions.ChunkedEncodingError):
        return "the connection broke off during the download (truncated)"
    if isinstance(e, requests.TooManyRedirects):  # the checked URL is http(s): a redirect led on
        return "redirected again and again (more than 30 times): a redirect loop"
    if isinstance(e, requests.exceptions.InvalidSchema):
        scheme = re.search(r"for '([A-Za-z][A-Za-z0-9+.-]{0,20}):", text)
        return f"redirected to a{' ' + scheme[1] + ':' if scheme else 'n'} address, which is not http(s)"
    if isinstance(e, requests.exceptions.ContentDecodingError):
        return "the response could not be decompressed"
    for marker, meaning in (
        ("reset", "the server reset the connection"),
        ("refused", "the connection was refused"),
        ("without response", "the server closed the connection without a response"),
        ("RemoteDisconnected", "the server closed the connection without a response"),
        ("aborted", "the server closed the connection without a response"),
        ("NameResolution", "the host name could not be resolved"),
        ("SSL", "the TLS handshake failed"),
    ):
        if marker in (text if marker[0].isupper() else lower):
            return meaning
    if isinstance(e, requests.ConnectionError):
        return "could not connect"
    return f"the request failed ({type(e).__name__})"


UNRESOLVABLE = "the host name could not be resolved: no network, or a mistyped host? (not retried)"


def unresolvable(e: BaseException) -> bool:
    """Whether the host name did not resolve: a socket.gaierror (urllib3's NameResolutionError
    wraps one) anywhere among `e`'s causes, its arguments and urllib3's `reason`."""
    pending, seen = [e], set()
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, (socket.gaierror, urllib3.exceptions.NameResolutionError)):
            return True
        linked = [current.__cause__, current.__context__, getattr(current, "reason", None), *current.args]
        pending.extend(x for x in linked if isinstance(x, BaseException))
    return False


def _plural(n: int) -> str:
    return f"{n} attempt{'s' if n != 1 else ''}"


class Failure(Exception):
    """A request that failed for good. `cause` in words (an HTTP status or a network cause);
    `attempts` made; `wait`, when retrying stopped because waiting that long would pass the
    `max_wait` bound (`asked` is what Retry-After asked for); `spent` when every retry was used."""

    def __init__(
        self,
        cause: str,
        *,
        attempts: int,
        status: int | None = None,
        spent: bool = False,
        wait: float | None = None,
        asked: float | None = None,
        max_wait: float | None = None,
    ):
        self.cause, self.attempts, self.status, self.spent = cause, attempts, status, spent
        self.wait, self.asked, self.max_wait = wait, asked, max_wait
        super().__init__(self.describe())

    def describe(self) -> str:
        """The cause and how the retrying ended, in one line."""
        if self.wait is not None:
            return (
                f"{self.cause}; waiting {seconds_said(self.wait)} more would pass the {self.max_wait:g} s "
                f"bound on waiting (after {_plural(self.attempts)})"
            )
        if self.spent:
            return f"{self.cause} (gave up after {_plural(self.attempts)})"
        return self.cause


# --- the retry loop -----------------------------------------------------------------------------

RETRYABLE_ERRORS: tuple[type[requests.RequestException], ...] = (
    requests.ConnectionError,  # refused, reset, dropped; a read timeout while streaming the body
    requests.Timeout,
    requests.exceptions.ChunkedEncodingError,  # the body broke off
    requests.exceptions.ContentDecodingError,
)


def worth_retrying(status: int) -> bool:
    """Too many requests, or a server error that may pass (not 501 Not Implemented or 505)."""
    return status == 429 or (500 <= status < 600 and status not in (501, 505))


@dataclass(frozen=True)
class RetryPolicy:
    """`retries` after the first attempt; waits of `backoff` seconds doubled each time (at most
    `max_backoff`), or what Retry-After asks when longer; `max_wait` bounds the seconds spent
    waiting in all (over one Tally). `sleep` is injectable for tests."""

    retries: int = 5
    backoff: float = 1.0
    max_backoff: float = 60.0
    max_wait: float = 300.0
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)

    def delay(self, retry: int, asked: float | None) -> float:
        """Seconds before retry number `retry` (0 for the first)."""
        return max(asked or 0.0, min(self.backoff * 2.0**retry, self.max_backoff))


@dataclass
class Tally:
    """Requests made, retries made and seconds waited; the bound on waiting counts against it."""

    requests: int = 0
    retries: int = 0
    waited: float = 0.0


def send(
    attempt: Callable[[], requests.Response],
    policy: RetryPolicy,
    tally: Tally,
    *,
    timeout: tuple[float, float] | None = None,
) -> requests.Response:
    """Make the request `attempt` makes, again as `policy` allows while it fails in a way that may
    pass. Returns the first response with a status not worth retrying (a session from `session()`
    has read its body, within its `Bounds`); raises Failure when retries or the bound on waiting
    are spent, or at once for an answer too large or a request that cannot succeed."""
    made = 0
    while True:
        tally.requests += 1
        made += 1
        response: requests.Response | None = None
        asked: float | None = None
        status: int | None = None
        try:
            response = attempt()
            response.content  # noqa: B018 - read now (if not yet), so a body that breaks off is retried too
        except AnswerTooLarge as e:
            _close(response)
            raise Failure(str(e), attempts=made) from None
        except RETRYABLE_ERRORS as e:
            _close(response)
            if unresolvable(e):  # offline or a mistyped host: asking again only spends the backoff
                raise Failure(describe_error(e, timeout), attempts=made) from None
            cause = describe_error(e, timeout)
        except requests.RequestException as e:
            _close(response)
            raise Failure(describe_error(e, timeout), attempts=made) from None
        except BaseException:
            _close(response)
            raise
        else:
            if not worth_retrying(response.status_code):
                return response
            cause, status = status_text(response), response.status_code
            asked = retry_after(response.headers.get("Retry-After"), response.headers.get("Date"))
            response.close()
        if made > policy.retries:
            raise Failure(cause, attempts=made, status=status, spent=True)
        wait = policy.delay(made - 1, asked)
        if tally.waited + wait > policy.max_wait:
            raise Failure(cause, attempts=made, status=status, wait=wait, asked=asked, max_wait=policy.max_wait)
        policy.sleep(wait)
        tally.waited += wait
        tally.retries += 1


def _close(response: requests.Response | None) -> None:
    if response is not None:
        response.close()


def retry_after(value: str | None, sent: str | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date, never negative);
    None when absent or unreadable. An HTTP date is read against the answer's own `Date`
    header (`sent`) where it has a readable one: both are the server's clock, so a client
    clock minutes or hours off (a VM, a container) neither skips the wait nor makes it hours."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    when = _http_date(value)
    if when is None:
        return None
    now = _http_date(sent) or dt.datetime.now(dt.UTC)
    return max(0.0, (when - now).total_seconds())


def _http_date(value: str | None) -> dt.datetime | None:
    """An HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT") as an aware time; None when unreadable."""
    if not value:
        return None
    try:
        when = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when


# --- bounds on every exchange --------------------------------------------------------------------
#
# A read timeout bounds silence, not time: a server sending a byte a second is never silent for
# long, and one promising 2 GB would be read whole. So every exchange (one request and its answer,
# each hop of a redirect on its own) has a byte cap and a wall-clock deadline. The deadline is
# kept the way urllib3's documentation advises, by a watcher thread: it shuts the exchange's
# socket down, which wakes whatever read is blocked on it.

MAX_ANSWER_BYTES = 64 * 1024 * 1024
MAX_ANSWER_SECONDS = 300.0
_READ_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Bounds:
    """The most one exchange may bring (`max_bytes`, decoded) and take (`max_seconds`, from
    sending the request to the answer's last byte)."""

    max_bytes: int = MAX_ANSWER_BYTES
    max_seconds: float = MAX_ANSWER_SECONDS


class AnswerTooLarge(requests.RequestException):
    """The answer is larger than the bound: refused at once (asking again brings the same)."""


class AnswerTooSlow(requests.Timeout):
    """The answer took longer than the bound, however steadily it came: retried as a timeout."""


class CutShort(requests.exceptions.ChunkedEncodingError):
    """A JSON answer that ends mid-document, its length said nowhere: the server closed the
    connection early (HTTP/1.0 style), which the transport cannot tell from the end. Retried as
    a body that broke off is."""


CUT_SHORT = "the answer ended mid-document, the connection closed before its JSON was whole (truncated)"
CUT_AT_ONCE = "the answer was empty, the connection closed right after its headers (truncated)"


class _Deadline:
    """One exchange's wall-clock bound: when it passes, the socket the exchange uses is shut down."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.passed = False
        self._connection: Any = None
        self._done = False
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._cut)
        self._timer.daemon = True

    def watch(self, connection: Any) -> None:
        """The connection the exchange now uses (a redirect's next hop may use another)."""
        with self._lock:
            self._connection = connection
            if self.passed:
                _shut(connection)

    def _cut(self) -> None:
        with self._lock:
            if not self._done:
                self.passed = True
                _shut(self._connection)

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *_: Any) -> None:
        with self._lock:
            self._done = True
        self._timer.cancel()


def _shut(connection: Any) -> None:
    sock = getattr(connection, "sock", None)
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


_exchange = threading.local()  # the deadline of the exchange this thread is making, if any


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[_Deadline]:
    outer = getattr(_exchange, "deadline", None)
    with _Deadline(seconds) as deadline:
        _exchange.deadline = deadline
        try:
            yield deadline
        finally:
            _exchange.deadline = outer


class _WatchedHTTPConnection(urllib3.connection.HTTPConnection):
    def request(self, *args: Any, **kwargs: Any) -> None:
        if (deadline := getattr(_exchange, "deadline", None)) is not None:
            deadline.watch(self)  # before the request goes out: a server may trickle its headers too
        super().request(*args, **kwargs)


class _WatchedHTTPSConnection(urllib3.connection.HTTPSConnection):
    def request(self, *args: Any, **kwargs: Any) -> None:
        if (deadline := getattr(_exchange, "deadline", None)) is not None:
            deadline.watch(self)
        super().request(*args, **kwargs)


class _WatchedHTTPPool(urllib3.HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


_WATCHED_POOLS = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


class BoundedAdapter(HTTPAdapter):
    """An adapter that holds every exchange to its `Bounds` and reads the answer's body itself,
    so requests' own reading (after a redirect, or for `.content`) finds it read. urllib3's
    retries stay off: `send` retries, honouring Retry-After."""

    def __init__(self, bounds: Bounds = Bounds()):
        super().__init__()
        self.bounds = bounds

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _WATCHED_POOLS

    def proxy_manager_for(self, proxy: str, **kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **kwargs)
        if not proxy.lower().startswith("socks"):  # SOCKS brings its own pools; the body is still watched
            manager.pool_classes_by_scheme = _WATCHED_POOLS
        return manager

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        seconds = self.bounds.max_seconds
        with _deadline(seconds) as deadline:
            response: requests.Response | None = None
            try:
                response = super().send(request, *args, **kwargs)
                if (connection := getattr(response.raw, "connection", None)) is not None:
                    deadline.watch(connection)
                read_capped(response, self.bounds.max_bytes)
                if ended_by_close(response) and _looks_json(response) and _cut_or_empty(request, response):
                    said = CUT_SHORT if response.content else CUT_AT_ONCE
                    raise CutShort(said, request=request, response=response)
            except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as e:
                _close(response)
                if deadline.passed:
                    raise AnswerTooSlow(f"no complete answer within {seconds:g} s", request=request) from None
                if not isinstance(e, requests.RequestException):
                    raise requests.ConnectionError(e, request=request) from None
                raise
        if deadline.passed:  # cut at the deadline: what arrived may look whole and not be
            response.close()
            raise AnswerTooSlow(f"no complete answer within {seconds:g} s", request=request)
        return response


def read_capped(response: requests.Response, max_bytes: int) -> None:
    """Read the body into the response (what `.content` returns), refusing one larger than
    `max_bytes`: at once when it says so, else as soon as it grows past it."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise AnswerTooLarge(_too_large(max_bytes, f"it says {int(declared):,} bytes"), response=response)
    body = bytearray()
    for chunk in response.iter_content(chunk_size=_READ_CHUNK):
        body += chunk
        if len(body) > max_bytes:
            raise AnswerTooLarge(_too_large(max_bytes), response=response)
    response._content = bytes(body)  # what `response.content` returns from now on
    response._content_consumed = True  # type: ignore[attr-defined]


def ended_by_close(response: requests.Response) -> bool:
    """Whether the answer's end is only where the server closed the connection: neither a
    Content-Length nor chunking says where it ends, so a body cut short looks whole."""
    coding = response.headers.get("Transfer-Encoding", "").lower()
    return "Content-Length" not in response.headers and "chunked" not in coding


def _cut_or_empty(request: requests.PreparedRequest, response: requests.Response) -> bool:
    """Whether a JSON answer the close ended is cut short: mid-document, or at once after its
    headers (a success that carries a body, to a request that asks for one, came empty)."""
    if response.content:
        return json_cut_short(response.content)
    return request.method != "HEAD" and 200 <= response.status_code < 300 and response.status_code not in (204, 205)


def _looks_json(response: requests.Response) -> bool:
    kind = response.headers.get("Content-Type", "").lower()
    return "json" in kind or response.content[:64].lstrip()[:1] in (b"{", b"[")


def json_cut_short(body: bytes) -> bool:
    """Whether `body` is JSON cut short: not a whole document, but a beginning of one, as opposed
    to malformed (`{"a" 1`: no document begins so), by the rule a user's file is read with."""
    text = body.decode("utf-8", errors="replace")  # a character cut in two: a string left open
    try:
        json.loads(text)
    except json.JSONDecodeError as e:
        return cut_short(text, e)
    except (ValueError, RecursionError):
        return False
    return False


def _too_large(max_bytes: int, said: str = "") -> str:
    return f"the download is larger than {max_bytes:,} bytes" + (f" ({said})" if said else "")


# --- sessions -----------------------------------------------------------------------------------


def user_agent(purpose: str = "") -> str:
    return f"claimwatch/{__version__}" + (f" ({purpose})" if purpose else "")


CREDENTIAL_HEADERS = ("Authorization", "From")
"""Headers that say who is asking: none goes to another host on a redirect."""


class Session(requests.Session):
    """A requests session that, on a redirect to another host (or port, or from https to http),
    drops every header that says who is asking and every secret-named query parameter: requests
    drops only Authorization, and the e-mail pyalex sends as `From` would follow."""

    def rebuild_auth(self, prepared_request: requests.PreparedRequest, response: requests.Response) -> None:
        if self.should_strip_auth(response.request.url or "", prepared_request.url or ""):
            for name in CREDENTIAL_HEADERS:
                prepared_request.headers.pop(name, None)
            prepared_request.url = without_secret_parameters(prepared_request.url or "")
        super().rebuild_auth(prepared_request, response)


def without_secret_parameters(url: str) -> str:
    """The URL without its user name, password and secret-named query parameters (unchanged,
    byte for byte, when it has none)."""
    parts = urllib.parse.urlsplit(url)
    pairs = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    if "@" not in parts.netloc and not any(is_secret_name(k) for k, _ in pairs):
        return url
    query = urllib.parse.urlencode([(k, v) for k, v in pairs if not is_secret_name(k)], safe="/:,|*")
    netloc = parts.netloc.rsplit("@", 1)[-1]
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def session(agent: str | None = None, bounds: Bounds = Bounds(), adapter: HTTPAdapter | None = None) -> Session:
    """A session sending `agent` (default: claimwatch's own) as its User-Agent, every exchange
    held to `bounds` (or made through `adapter`, which should be a BoundedAdapter)."""
    s = Session()
    s.headers["User-Agent"] = agent or user_agent()
    mounted = adapter or BoundedAdapter(bounds)
    s.mount("https://", mounted)
    s.mount("http://", mounted)
    return s


def seconds_said(value: float) -> str:
    """A wait as a reader takes it in: "3600 s", "2.5 s", and a long one (a server's clock or bug
    asking for years) in whole seconds with its thousands marked, not "2.29973e+09 s"; past
    centuries, said so, not in 21 digits ("Retry-After: 99999999999999999999")."""
    if value >= SECONDS_SAID_AT_MOST:
        return f"more than {SECONDS_SAID_AT_MOST:,.0f} s (over 300 years)"
    return f"{value:,.0f} s" if value >= 1e5 else f"{value:g} s"


SECONDS_SAID_AT_MOST = 1e10  # about 317 years: any wait past it is as good as forever
