"""HTTP for every download claimwatch makes (OpenAlex through pyalex, list files from their
publishers): one session, timeouts, one retry loop that honours Retry-After, one rule for hiding
secrets, and one vocabulary for what went wrong.

    session(user_agent)             a requests session that sends claimwatch's User-Agent
    send(attempt, policy, tally)    one request, retried on 429 and 5xx (but 501 and 505), a dropped,
                                    reset or refused connection, a timeout or a truncated body
    retry_after(value)              a Retry-After header (seconds or an HTTP date) as seconds
    redact(text, secrets)           text fit for a message: secrets shown as ***
    redact_url(url, secrets)        a URL fit for a file: credentials dropped, secret values REDACTED
    describe_error(e, timeout)      a requests exception in our own words (theirs repeat the URL)

What is secret, the one rule: a URL's user name and password; the value of every query parameter
whose name holds key, token, secret, pass(word), auth, sig(nature), credential, session, mailto
or e-mail (`api_key`, `subscription-key`, `mailto`, `X-Amz-Signature`, ...); and every secret
value the caller names (an API key, an e-mail address), plain or URL-encoded, wherever it stands.
"""

from __future__ import annotations

import datetime as dt
import re
import time
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime

import requests

from ._version import __version__

# --- the rule for secrets ----------------------------------------------------------------------

SECRET_NAME = re.compile(r"key|token|secret|pass|auth|sig|credential|session|mailto|e-?mail", re.IGNORECASE)
"""A query parameter whose name matches holds a secret."""

MASK = "***"
URL_MASK = "REDACTED"  # in a URL kept in a file, where `***` would read as part of the value

_PARAM = re.compile(r"(?P<lead>[?&;])(?P<name>[^=&;#?\s]+)=(?P<value>[^&;#\s]*)")
_USERINFO = re.compile(r"(?i)\b(?P<scheme>[a-z][a-z0-9+.-]*://)[^/?#@\s]+@")


def is_secret_name(name: str) -> bool:
    """Whether a query parameter of this name holds a secret (the one rule, for every caller)."""
    return bool(SECRET_NAME.search(urllib.parse.unquote_plus(name)))


def _hide_values(text: str, secrets: Iterable[str | None], mask: str) -> str:
    """Each secret value replaced by `mask`, as given and URL-encoded (either way)."""
    for secret in secrets:
        if secret:
            forms = {secret, urllib.parse.quote_plus(secret), urllib.parse.quote(secret, safe="")}
            for form in sorted(forms, key=len, reverse=True):
                text = text.replace(form, mask)
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
    parameters' values and the given secret values replaced by REDACTED (the same rule as redact)."""
    parts = urllib.parse.urlsplit(url)
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
    if isinstance(e, requests.exceptions.ConnectTimeout):
        return f"could not connect within {connect:g} s" if connect is not None else "the connection timed out"
    if isinstance(e, requests.exceptions.ReadTimeout) or "timed out" in lower:
        return (
            f"no answer within {read:g} s (read timeout)"
            if read is not None
            else "the server sent nothing for longer than the read timeout"
        )
    if isinstance(e, requests.exceptions.ChunkedEncodingError):
        return "the connection broke off during the download (truncated)"
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
                f"{self.cause}; waiting {self.wait:g} s more would pass the {self.max_wait:g} s "
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
    max_bytes: int | None = None,
) -> requests.Response:
    """Make the request `attempt` makes, again as `policy` allows while it fails in a way that may
    pass. Returns the first response with a status not worth retrying, its body read (at most
    `max_bytes`); raises Failure when retries or the bound on waiting are spent, or at once for a
    body too large or a request that cannot succeed."""
    made = 0
    while True:
        tally.requests += 1
        made += 1
        response: requests.Response | None = None
        asked: float | None = None
        status: int | None = None
        try:
            response = attempt()
            if not _read_body(response, max_bytes):
                raise Failure(f"the download is larger than {max_bytes:,} bytes", attempts=made)
        except RETRYABLE_ERRORS as e:
            if response is not None:
                response.close()
            cause = describe_error(e, timeout)
        except requests.RequestException as e:
            if response is not None:
                response.close()
            raise Failure(describe_error(e, timeout), attempts=made) from None
        except BaseException:
            if response is not None:
                response.close()
            raise
        else:
            if not worth_retrying(response.status_code):
                return response
            cause, status = status_text(response), response.status_code
            asked = retry_after(response.headers.get("Retry-After"))
            response.close()
        if made > policy.retries:
            raise Failure(cause, attempts=made, status=status, spent=True)
        wait = policy.delay(made - 1, asked)
        if tally.waited + wait > policy.max_wait:
            raise Failure(cause, attempts=made, status=status, wait=wait, asked=asked, max_wait=policy.max_wait)
        policy.sleep(wait)
        tally.waited += wait
        tally.retries += 1


def _read_body(response: requests.Response, max_bytes: int | None) -> bool:
    """Read the body now, so a connection dropped mid-body is retried too; False when it is
    larger than `max_bytes` (reading stops there)."""
    if max_bytes is None:
        response.content  # noqa: B018 - read for its effect
        return True
    chunks, size = [], 0
    for chunk in response.iter_content(chunk_size=1 << 20):
        size += len(chunk)
        if size > max_bytes:
            return False
        chunks.append(chunk)
    response._content = b"".join(chunks)  # what `response.content` returns from now on
    return True


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date, never negative);
    None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


# --- sessions -----------------------------------------------------------------------------------


def user_agent(purpose: str = "") -> str:
    return f"claimwatch/{__version__}" + (f" ({purpose})" if purpose else "")


def session(agent: str | None = None) -> requests.Session:
    """A requests session sending `agent` (default: claimwatch's own) as its User-Agent."""
    s = requests.Session()
    s.headers["User-Agent"] = agent or user_agent()
    return s
