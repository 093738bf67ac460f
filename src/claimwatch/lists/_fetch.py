"""Downloading the Consolidated Screening List from trade.gov and writing it as a list, through
the one HTTP layer (`claimwatch._http`: its retries, its rule for secrets, its words for failures)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import _http
from .._http import redact_url
from ..errors import InputError, Problem, SourceError, line_and_column, utf16_problem
from ._csl import CSL_JSON_URL, csl_list_document, read_csl_records
from ._import import IMPORT_MAX_BYTES, list_id_for
from ._model import ReferenceList
from ._write import check_list_destination, write_list_yaml

__all__ = ["FetchPolicy", "download", "fetch_csl", "redact_url"]


@dataclass(frozen=True)
class FetchPolicy:
    """How patiently to download: timeouts, attempts (the first try and its retries), back-off, a
    bound on the total time spent waiting, and bounds on one download's size and duration."""

    connect_timeout: float = 10.0
    read_timeout: float = 120.0
    attempts: int = 5
    backoff: float = 2.0  # the first wait; it doubles after each failed attempt
    max_backoff: float = 60.0
    max_wait: float = 300.0  # seconds of waiting between attempts, Retry-After included
    max_bytes: int = IMPORT_MAX_BYTES
    max_seconds: float = 900.0  # one download, from the request to its last byte, however steadily it comes
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)

    @property
    def retries(self) -> int:
        """Tries after the first: `attempts` less one (there is always one attempt)."""
        return max(self.attempts, 1) - 1

    def retry_policy(self) -> _http.RetryPolicy:
        return _http.RetryPolicy(
            retries=self.retries,
            backoff=self.backoff,
            max_backoff=self.max_backoff,
            max_wait=self.max_wait,
            sleep=self.sleep,
        )

    def bounds(self) -> _http.Bounds:
        return _http.Bounds(max_bytes=self.max_bytes, max_seconds=self.max_seconds)


def download(url: str, policy: FetchPolicy = FetchPolicy()) -> bytes:
    """The body at `url`, retrying on 429 and 5xx (honouring Retry-After) and on dropped connections."""
    shown = redact_url(url)
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname
    except ValueError:  # "http://[::1": no URL at all
        host = None
    if host is None or parts.scheme not in ("http", "https"):
        raise InputError(Problem(shown, 0, 0, "not an http or https URL"))
    timeout = (policy.connect_timeout, policy.read_timeout)
    with _http.session(_http.user_agent("lists fetch"), policy.bounds()) as session:
        try:
            response = _http.send(
                lambda: session.get(
                    url, stream=True, timeout=timeout, headers={"Accept": "application/json, text/csv"}
                ),
                policy.retry_policy(),
                _http.Tally(),
                timeout=timeout,
            )
        except _http.Failure as e:
            raise SourceError(f"{shown}: {e}") from None
        with response:
            if response.status_code != 200:
                raise SourceError(f"{shown}: {_http.status_text(response)}")
            return response.content


# How an HTML page begins: read as a CSV it was refused as "missing columns", naming all ten, which
# did not say that the server answered a page instead of the list.
_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html|head|body|!--)[\s>]", re.IGNORECASE)


def _decode(raw: bytes, label: str) -> str:
    if wide := utf16_problem(label, raw):
        # A body in UTF-16 said so, as a file is, where "not UTF-8 text" named no encoding; the
        # advice to save the file as UTF-8 left off: a server's answer is no file of the user's.
        raise InputError(replace(wide, message=wide.message.partition("; ")[0]))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(Problem(label, *line_and_column(raw, e.start), "not UTF-8 text")) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise InputError(Problem(label, 0, 0, "the download is empty"))
    return text


def fetch_csl(
    out: str | Path,
    *,
    url: str = CSL_JSON_URL,
    list_id: str | None = None,
    name: str | None = None,
    source: str | None = None,
    country: str | None = None,
    policy: FetchPolicy = FetchPolicy(),
    today: dt.date | None = None,
) -> ReferenceList:
    """Download the Consolidated Screening List, import it as import_csl does, and write the list to `out`.

    A failed download, or one that is not the list's JSON, CSV or TSV, is a SourceError naming the URL;
    the file at `out` is left as it was.
    """
    shown = redact_url(url)
    list_id = list_id or list_id_for(out)
    check_list_destination(out)  # before the download, not after it
    raw = download(url, policy)
    try:
        text = _decode(raw, shown)
        if _HTML_START.match(text):
            raise SourceError(
                f"{shown}: an HTML page (a web page, a sign-in or a maintenance notice answered with 200), not the"
                " list's JSON, CSV or TSV (the download is not a usable Consolidated Screening List)"
            )
        fmt, records = read_csl_records(text, shown)
    except InputError as e:
        raise SourceError(f"{e.problems[0]} (the download is not a usable Consolidated Screening List)") from None
    document = csl_list_document(
        records,
        origin=shown,
        fmt=fmt,
        file=shown,
        sha256=hashlib.sha256(raw).hexdigest(),
        list_id=list_id,
        name=name,
        source=source,
        country=country,
        url=shown,
        retrieved=today or dt.datetime.now(dt.UTC).date(),
    )
    return write_list_yaml(document, out)
