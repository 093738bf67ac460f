"""The one HTTP layer (`claimwatch._http`) the OpenAlex collector and list downloads share: its
retry loop, its Retry-After reading, and its one rule for what is secret. The loop is driven by
made-up responses here; tests/test_collect.py and tests/test_lists_fetch.py drive it through real
servers on 127.0.0.1."""

from __future__ import annotations

import io
import json
import re
import socket
import urllib.parse
from collections.abc import Callable

import pytest
import requests
import urllib3
from hypothesis import assume, given
from hypothesis import strategies as st

from claimwatch import _http, documents
from claimwatch.errors import InputError


def response(status: int, body: bytes = b"{}", headers: dict[str, str] | None = None) -> requests.Response:
    r = requests.Response()
    r.status_code = status
    r.reason = {200: "OK", 404: "Not Found", 429: "Too Many Requests", 501: "Not Implemented"}.get(status, "Error")
    r.headers.update(headers or {})
    r.raw = io.BytesIO(body)
    return r


def scripted(*steps: requests.Response | Exception) -> tuple[Callable[[], requests.Response], list[int]]:
    """An attempt that answers with each step in turn (an exception is raised); and a call counter."""
    calls: list[int] = []

    def attempt() -> requests.Response:
        step = steps[min(len(calls), len(steps) - 1)]
        calls.append(1)
        if isinstance(step, Exception):
            raise step
        return step

    return attempt, calls


def policy(sleeps: list[float], **kw) -> _http.RetryPolicy:
    return _http.RetryPolicy(**{"retries": 3, "backoff": 1.0, "max_wait": 60.0, "sleep": sleeps.append, **kw})


# --- the retry loop ----------------------------------------------------------------------------


def test_server_errors_are_retried_with_doubling_waits():
    sleeps: list[float] = []
    attempt, calls = scripted(response(503), response(500), response(200, b"body"))
    tally = _http.Tally()
    r = _http.send(attempt, policy(sleeps), tally)
    assert (r.status_code, r.content) == (200, b"body")
    assert sleeps == [1.0, 2.0] and len(calls) == 3
    assert (tally.requests, tally.retries, tally.waited) == (3, 2, 3.0)


def test_a_longer_retry_after_wins_and_a_shorter_one_does_not_shorten_the_wait():
    sleeps: list[float] = []
    attempt, _ = scripted(
        response(429, headers={"Retry-After": "7"}), response(429, headers={"Retry-After": "0"}), response(200)
    )
    _http.send(attempt, policy(sleeps), _http.Tally())
    assert sleeps == [7.0, 2.0]


@pytest.mark.parametrize("status", [200, 404, 403, 501, 505])
def test_a_status_not_worth_retrying_is_returned_at_once(status):
    attempt, calls = scripted(response(status))
    assert _http.send(attempt, policy([]), _http.Tally()).status_code == status
    assert len(calls) == 1


def test_retries_spent():
    sleeps: list[float] = []
    attempt, calls = scripted(response(502))
    with pytest.raises(_http.Failure) as caught:
        _http.send(attempt, policy(sleeps, retries=2), _http.Tally())
    e = caught.value
    assert (e.spent, e.attempts, e.status, e.wait) == (True, 3, 502, None)
    assert str(e) == "HTTP 502 Error (gave up after 3 attempts)"
    assert len(calls) == 3 and sleeps == [1.0, 2.0]


def test_no_retries_is_one_attempt():
    attempt, calls = scripted(response(503))
    with pytest.raises(_http.Failure, match=r"\(gave up after 1 attempt\)$"):
        _http.send(attempt, policy([], retries=0), _http.Tally())
    assert len(calls) == 1


def test_a_wait_past_the_bound_is_not_made():
    sleeps: list[float] = []
    attempt, _ = scripted(response(429, headers={"Retry-After": "3600"}))
    with pytest.raises(_http.Failure) as caught:
        _http.send(attempt, policy(sleeps), _http.Tally())
    e = caught.value
    assert (e.wait, e.asked, e.max_wait, e.attempts) == (3600.0, 3600.0, 60.0, 1)
    assert str(e) == (
        "HTTP 429 Too Many Requests; waiting 3600 s more would pass the 60 s bound on waiting (after 1 attempt)"
    )
    assert sleeps == []


def test_the_bound_counts_every_wait_of_a_tally():
    sleeps: list[float] = []
    tally = _http.Tally()
    first, _ = scripted(response(503), response(200))
    _http.send(first, policy(sleeps, backoff=4.0, max_wait=6.0), tally)
    second, _ = scripted(response(503), response(200))
    with pytest.raises(_http.Failure, match="waiting 4 s more would pass the 6 s bound"):
        _http.send(second, policy(sleeps, backoff=4.0, max_wait=6.0), tally)
    assert sleeps == [4.0]


@pytest.mark.parametrize(
    ("error", "cause"),
    [
        (requests.ConnectionError("('Connection aborted.', ConnectionResetError(104, 'reset by peer'))"), "reset"),
        (requests.ConnectionError("[Errno 111] Connection refused"), "refused"),
        (requests.exceptions.ReadTimeout("Read timed out."), "no answer within 2 s (read timeout)"),
        (requests.exceptions.ConnectTimeout("timed out"), "could not connect within 1 s"),
        (requests.exceptions.ChunkedEncodingError("IncompleteRead"), "broke off during the download (truncated)"),
    ],
)
def test_network_failures_are_retried_and_named_in_our_words(error, cause):
    sleeps: list[float] = []
    attempt, _ = scripted(error, response(200))
    assert _http.send(attempt, policy(sleeps), _http.Tally(), timeout=(1.0, 2.0)).status_code == 200
    assert sleeps == [1.0]
    attempt, _ = scripted(error)
    with pytest.raises(_http.Failure) as caught:
        _http.send(attempt, policy([], retries=1), _http.Tally(), timeout=(1.0, 2.0))
    assert cause in str(caught.value) and "(gave up after 2 attempts)" in str(caught.value)


def test_a_request_that_cannot_succeed_fails_at_once():
    attempt, calls = scripted(requests.exceptions.InvalidURL("http://[::1/ is no URL"))
    with pytest.raises(_http.Failure) as caught:
        _http.send(attempt, policy([]), _http.Tally())
    assert str(caught.value) == "the request failed (InvalidURL)" and len(calls) == 1


@pytest.fixture()
def lookups(monkeypatch) -> list[str]:
    """Every name looked up; names under .invalid (RFC 2606) fail at once, never asking a resolver."""
    asked: list[str] = []
    real = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        asked.append(host)
        if str(host).endswith(".invalid"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


def test_a_host_name_that_does_not_resolve_fails_at_once_without_retrying(lookups):
    sleeps: list[float] = []
    s = _http.session()

    def attempt() -> requests.Response:
        return s.get("http://openalex.invalid/works?api_key=sk-secret", timeout=(1.0, 1.0))

    with pytest.raises(_http.Failure) as caught:
        _http.send(attempt, policy(sleeps), _http.Tally(), timeout=(1.0, 1.0))
    s.close()
    assert str(caught.value) == _http.UNRESOLVABLE and caught.value.attempts == 1
    assert sleeps == [] and lookups == ["openalex.invalid"]


def test_unresolvable_is_read_from_the_chain_of_causes():
    wrapped = requests.ConnectionError(
        urllib3.exceptions.NameResolutionError("openalex.invalid", None, socket.gaierror())
    )
    caused = requests.ConnectionError("could not connect")
    caused.__cause__ = socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")  # offline
    for error in (wrapped, caused):
        assert _http.unresolvable(error) and _http.describe_error(error) == _http.UNRESOLVABLE
    assert not _http.unresolvable(requests.ConnectionError("[Errno 111] Connection refused"))


def test_a_body_past_max_bytes_is_refused_and_not_retried():
    big = response(200, b"x" * 5000)
    with pytest.raises(_http.AnswerTooLarge, match="larger than 1,000 bytes"):
        _http.read_capped(big, 1000)
    said = response(200, b"x" * 10, headers={"Content-Length": "2000000000"})
    with pytest.raises(_http.AnswerTooLarge, match=r"larger than 1,000 bytes \(it says 2,000,000,000 bytes\)"):
        _http.read_capped(said, 1000)
    exact = response(200, b"x" * 1000)
    _http.read_capped(exact, 1000)
    assert exact.content == b"x" * 1000
    attempt, calls = scripted(_http.AnswerTooLarge("the download is larger than 1,000 bytes"))
    with pytest.raises(_http.Failure, match=r"larger than 1,000 bytes$"):
        _http.send(attempt, policy([]), _http.Tally())
    assert len(calls) == 1


def test_an_answer_past_its_deadline_is_retried_as_a_timeout():
    sleeps: list[float] = []
    attempt, _ = scripted(_http.AnswerTooSlow("no complete answer within 2 s"), response(200))
    assert _http.send(attempt, policy(sleeps), _http.Tally()).status_code == 200 and sleeps == [1.0]
    attempt, _ = scripted(_http.AnswerTooSlow("no complete answer within 2 s"))
    with pytest.raises(_http.Failure, match=r"^no complete answer within 2 s \(gave up after 2 attempts\)$"):
        _http.send(attempt, policy([], retries=1), _http.Tally())


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("12", 12.0), (" 3 ", 3.0), ("1.5", 1.5), ("", None), ("-1", None), ("inf", None), ("nan", None), ("1e3", None)],
)
def test_retry_after_reads_seconds_and_nothing_else(value, seconds):
    assert _http.retry_after(value) == seconds


# --- secrets from the environment, and text from elsewhere ------------------------------------------


@pytest.mark.parametrize("raw", ["sk-abc123\r", " sk-abc123 ", "sk-abc123\r\n", "\tsk-abc123"])
def test_a_credential_is_stripped_of_what_a_crlf_env_file_leaves(raw):
    assert _http.credential({"OPENALEX_API_KEY": raw}, "OPENALEX_API_KEY") == "sk-abc123"


@pytest.mark.parametrize("raw", [None, "", "  \r\n"])
def test_a_blank_credential_is_none(raw):
    assert _http.credential({} if raw is None else {"K": raw}, "K") is None


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("sk-abc\r123", "control character"),
        ("sk-abc\n123", "control character"),
        ("sk-abc\x1b[2J123", "control character"),
        ("sk-abc\u2028123", "control character"),
        ("sk-\u043a\u043b\u044e\u0447", "cannot carry"),
    ],
)
def test_a_credential_holding_a_control_character_is_refused_without_being_shown(raw, why):
    with pytest.raises(InputError) as caught:
        _http.credential({"OPENALEX_API_KEY": raw}, "OPENALEX_API_KEY")
    (line,) = caught.value.lines()
    assert line.startswith("OPENALEX_API_KEY: ") and why in line
    assert "sk-" not in line and "123" not in line


def test_shown_redacts_before_it_cuts():
    key = "sk-live-0123456789abcdef"
    message = "x" * 180 + f" your key {key} is not valid"
    text = _http.shown(message, (key,), 200)
    assert "sk-" not in text and "0123" not in text
    assert len(text) <= 203 and text.endswith("...")
    assert _http.shown("a\n  b\t c", ()) == "a b c"


# --- the one rule for secrets --------------------------------------------------------------------

SECRET_NAMES = [
    "api_key",
    "apikey",
    "api-key",
    "key",
    "subscription-key",
    "token",
    "access_token",
    "mailto",
    "email",
    "e-mail",
    "pass",
    "password",
    "sig",
    "signature",
    "X-Amz-Signature",
    "secret",
    "client_secret",
    "auth",
    "credential",
    "session",
]


@pytest.mark.parametrize("name", SECRET_NAMES)
def test_both_renderings_hide_every_secret_parameter(name):
    url = f"https://example.org/a?page=2&{name}=s3cr3t-v4lue&format=json"
    for shown in (_http.redact(url), _http.redact_url(url)):
        assert "s3cr3t-v4lue" not in shown
        assert "page=2" in shown and "format=json" in shown


@pytest.mark.parametrize("name", ["page", "filter", "select", "per-page", "cursor", "search", "format"])
def test_ordinary_parameters_stay(name):
    url = f"https://example.org/a?{name}=visible"
    assert _http.redact(url) == url
    assert _http.redact_url(url) == url


def test_user_names_and_passwords_are_hidden_by_both():
    url = "https://analyst:hunter2@example.org/a"
    assert _http.redact(url) == "https://***@example.org/a"
    assert _http.redact_url(url) == "https://example.org/a"
    assert _http.redact(f"GET {url} failed") == "GET https://***@example.org/a failed"


def test_secret_values_are_hidden_plain_and_url_encoded_wherever_they_stand():
    key, email = "k3y-9f3a", "analyst.secret+cw@example.org"
    text = f"x {key} y {email} z https://h/p?q={email.replace('@', '%40').replace('+', '%2B')} w"
    shown = _http.redact(text, (key, email, None, ""))
    assert key not in shown and email not in shown and "%40example" not in shown
    assert shown == "x *** y *** z https://h/p?q=*** w"
    assert "k3y-9f3a" not in _http.redact_url(f"https://h/{key}?q=1", (key,))


def test_the_renderings_agree_with_the_collector_and_list_download():
    # the two rules that went before disagreed: one kept mailto/email, the other pass/sig
    url = "https://u:p@h/w?api_key=a&mailto=b&email=c&pass=d&password=e&sig=f&signature=g&x=1"
    assert _http.redact(url) == (
        "https://***@h/w?api_key=***&mailto=***&email=***&pass=***&password=***&sig=***&signature=***&x=1"
    )
    assert _http.redact_url(url) == (
        "https://h/w?api_key=REDACTED&mailto=REDACTED&email=REDACTED&pass=REDACTED"
        "&password=REDACTED&sig=REDACTED&signature=REDACTED&x=1"
    )


# A key or an e-mail address: any length, from one character on.
SECRETS = st.text("abcdefghijklmnopqrstuvwxyz0123456789-_.~+@", min_size=1, max_size=24)
# The parts of a URL that are no secret: host labels, path segments, parameter names and values.
PARTS = st.text("abcdefghijklmnopqrstuvwxyz0123456789-.", min_size=1, max_size=12)


@given(
    key=SECRETS,
    email=SECRETS,
    labels=st.lists(PARTS, min_size=1, max_size=3),
    segments=st.lists(PARTS, max_size=3),
    params=st.lists(st.tuples(PARTS, PARTS), max_size=3),
)
def test_secrets_are_removed_and_nothing_else_is_touched(key, email, labels, segments, params):
    params = [(k, v) for k, v in params if not _http.is_secret_name(k)]
    parts = [*labels, *segments, *(p for kv in params for p in kv)]
    host, path = ".".join(labels), "".join(f"/{s}" for s in segments)
    ordinary = "".join(f"&{k}={v}" for k, v in params)
    secret = f"api_key={urllib.parse.quote(key, safe='')}&mailto={urllib.parse.quote(email, safe='')}"
    url = f"https://{host}{path}?{secret}{ordinary}"
    line = f"OpenAlex: HTTP 503 Service Unavailable after 6 attempts, GET {url}; out left unchanged"
    # No other word of the line is the secret itself (it would be hidden there too, rightly).
    words = {w for w in re.split(r"[\s/?&=:;,.]+", line.replace(secret, ""))} | set(parts)
    assume(not {key, email} & words)
    # Nor, where a secret is hidden wherever it stands (long, or an e-mail address), any part of it.
    distinct = [s for s in (key, email) if len(s) >= _http.DISTINCT_HIDDEN or "@" in s]
    forms = {f for s in distinct for f in (s, urllib.parse.quote_plus(s), urllib.parse.quote(s, safe=""))}
    assume(not any(f in line.replace(secret, "") for f in forms))

    assert _http.redact(line, (key, email)) == line.replace(secret, "api_key=***&mailto=***")
    assert _http.redact_url(url, (key, email)) == url.replace(secret, "api_key=REDACTED&mailto=REDACTED")


@given(key=SECRETS, before=st.sampled_from([" ", "key ", "'", '"', "(", "=", ": ", "/"]))
def test_a_secret_standing_whole_in_a_message_is_hidden(key, before):
    assume(len(key) >= _http.SHORTEST_HIDDEN and not key.startswith((".", "-")) and not key.endswith("."))
    for after in ("", " is not valid", ".", "'", '"', ")", "&x=1", ", retry", "/"):
        shown = _http.shown(f"the server said {before}{key}{after}", (key,), 200)
        assert key not in shown.replace("***", " ")


def test_a_one_character_key_leaves_the_url_and_the_message_as_they_were():
    url = "https://api.openalex.org/works?filter=authorships.institutions.lineage:I1&per-page=1"
    line = f"OpenAlex: a malformed answer, GET {url}; a/snap left unchanged"
    assert _http.redact(line, ("a", "1")) == line  # was: ***pi.open***lex.org, ***uthorships, ...
    assert _http.redact_url(url, ("a", "1")) == url
    assert _http.redact(f"{url}&api_key=a&mailto=1", ("a", "1")) == f"{url}&api_key=***&mailto=***"


@given(
    key=st.text("abcdefghijklmnopqrstuvwxyz0123456789-_.~+", min_size=_http.DISTINCT_HIDDEN, max_size=24),
    email=st.from_regex(r"[a-z0-9._+-]{1,10}@[a-z0-9-]{1,10}\.[a-z]{2,4}", fullmatch=True),
    before=st.sampled_from(["", "x", "user.", "%3D", "key_", "3"]),
    after=st.sampled_from(["", "x", ".Please", "%26x", "_1", "9"]),
)
def test_a_long_key_or_an_e_mail_address_is_hidden_wherever_it_stands(key, email, before, after):
    """Found where the fixes meet (issue 18, nineteenth part): hidden only where it stood whole, a
    key before ".Please" or an e-mail address in a URL quoted inside another's query
    ("%3Fmailto%3Dme%40example.org") was shown as it is."""
    nested = "https://api.openalex.org/works?mailto=" + urllib.parse.quote(email, safe="") + "&api_key=" + key
    for text in (
        f"HTTP 403: the server said {before}{key}{after} and {before}{email}{after}",
        "next=" + urllib.parse.quote(nested, safe=""),
    ):
        shown = _http.shown(text, (key, email), 400)
        for secret in (key, email):
            for form in {secret, urllib.parse.quote_plus(secret), urllib.parse.quote(secret, safe="")}:
                assert form not in shown, (text, shown)


# --- a JSON answer cut short where only the closing connection says where it ends -----------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@given(
    value=st.dictionaries(st.text(max_size=8), JSON_VALUES, max_size=4),
    ascii_only=st.booleans(),
    layout=st.sampled_from([{}, {"separators": (",", ":")}, {"indent": 2}]),
    data=st.data(),
)
def test_every_cut_of_a_json_answer_is_cut_short_and_the_whole_is_not(value, ascii_only, layout, data):
    whole = json.dumps(value, ensure_ascii=ascii_only, **layout).encode()
    assert not _http.json_cut_short(whole)
    cut = data.draw(st.integers(1, len(whole) - 1))
    assert _http.json_cut_short(whole[:cut]), whole[:cut]


@pytest.mark.parametrize(
    "malformed",
    [
        b'{"a": x, "b": 1',
        b'{"a": 1}}',
        b"<html><body>login",
        b'{"a": 1,, "b": 2',
        b'{"a" 1, "b": "x',
        b"",
        b"{}",
        b'{"a": "b" x',
        b'{"a": 1x',
        b'{"a": nulx',
        b'["a", tx',
        # was: cut short, asked again and again: a value where a ':' or ',' was due, at the end
        b'{"a" 1',
        b"[1 2",
        b"[1, 2 3",
        b'{"a" "b',
        b'["a" "b',
    ],
)
def test_json_wrong_before_its_end_is_malformed_not_cut_short(malformed):
    assert not _http.json_cut_short(malformed)


def test_a_json_answer_cut_inside_a_long_string_is_judged_at_once():
    """A string's characters are scanned run by run: one of 20 MB took 18 s character by character."""
    import time

    started = time.monotonic()
    assert _http.json_cut_short(b'{"a": "' + b'x\\"' * 5_000_000)
    assert time.monotonic() - started < 8.0  # 0.6 s unloaded


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (2.5, "2.5 s"),
        (2299730000.0, "2,299,730,000 s"),
        (99999999999999999999.0, "more than 10,000,000,000 s (over 300 years)"),  # was 21 digits
        (1e308, "more than 10,000,000,000 s (over 300 years)"),
    ],
)
def test_a_wait_is_said_in_words_a_reader_takes_in(value, said):
    assert _http.seconds_said(value) == said


@given(st.floats(min_value=0, allow_nan=False, allow_infinity=False))
def test_no_wait_is_said_in_more_than_a_few_words(value):
    assert len(_http.seconds_said(value)) <= len("more than 10,000,000,000 s (over 300 years)")


@pytest.mark.parametrize(
    "malformed",
    [
        # an escape no cut leaves (`\u00s`), and a line break inside a string, before the end
        b'{"display_name": "Universit\\u00se',
        b'{"display_name": "Universit\n\\u00e9',
    ],
)
def test_an_answer_wrong_inside_its_last_string_is_malformed_as_a_users_file_is(malformed):
    """An answer and a user's file are judged cut short by one rule (`_json.json_cut_short`): the
    answer's own, a second copy, took any open string at the end for a cut, whatever it held."""
    assert not _http.json_cut_short(malformed)
    with pytest.raises(json.JSONDecodeError) as e:
        json.loads(malformed.decode())
    assert not documents.json_cut_short(malformed.decode(), e.value)
