"""`claimwatch lists fetch csl`: downloading from a real HTTP server on 127.0.0.1 that serves the
Consolidated Screening List, with faults: 5xx then success, 429 with Retry-After, malformed JSON,
connection resets, truncated bodies, stalls. A failure exits 3 with one line naming the URL and
leaves an earlier list file as it was."""

from __future__ import annotations

import datetime as dt
import json
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from claimwatch import _http, lists
from claimwatch.cli import main
from claimwatch.errors import InputError, SourceError
from claimwatch.lists import load_list

pytestmark = pytest.mark.network_server

FIXTURES = Path(__file__).parent / "fixtures" / "csl"
CSL_BODY = (FIXTURES / "consolidated.json").read_bytes()
TODAY = dt.date(2026, 1, 2)

Step = Callable[[BaseHTTPRequestHandler], None]


def ok(body: bytes = CSL_BODY, content_type: str = "application/json") -> Step:
    def step(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    return step


def status(code: int, headers: dict[str, str] | None = None) -> Step:
    def step(h: BaseHTTPRequestHandler) -> None:
        body = b"error"
        h.send_response(code)
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    return step


def reset(h: BaseHTTPRequestHandler) -> None:
    """Drop the connection with a TCP reset before answering."""
    h.close_connection = True
    h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    h.rfile.close()
    h.wfile.close()
    h.connection.close()


def truncated(h: BaseHTTPRequestHandler) -> None:
    """Promise the whole body, send half, hang up."""
    h.close_connection = True
    h.send_response(200)
    h.send_header("Content-Type", "application/json")
    h.send_header("Content-Length", str(len(CSL_BODY)))
    h.end_headers()
    h.wfile.write(CSL_BODY[: len(CSL_BODY) // 2])


def stall(seconds: float) -> Step:
    def step(h: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        h.close_connection = True

    return step


@dataclass
class Server:
    """Serves `steps` in turn, one per request; the last step repeats."""

    base: str
    steps: list[Step] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)

    def url(self, path: str = "/consolidated.json") -> str:
        return self.base + path

    def serve(self, *steps: Step) -> None:
        self.steps[:] = steps


@pytest.fixture()
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")  # a proxy in the environment must not see these requests
    state = Server("")

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            state.paths.append(self.path)
            step = state.steps.pop(0) if len(state.steps) > 1 else state.steps[0]
            step(self)

        def log_message(self, format: str, *args: object) -> None:
            pass

    class Quiet(ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request, client_address) -> None:
            pass  # resets and stalls break connections on purpose

    httpd = Quiet(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


class Sleeps(list):
    """Records the waits a fetch asks for instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def policy(sleeps: Sleeps, **overrides) -> lists.FetchPolicy:
    settings = {"attempts": 3, "backoff": 1.0, "max_wait": 60.0, "read_timeout": 5.0, "sleep": sleeps, **overrides}
    return lists.FetchPolicy(**settings)


def earlier_file(tmp_path: Path) -> tuple[Path, bytes]:
    out = tmp_path / "csl.yaml"
    lists.write_list_yaml(lists.import_csl(FIXTURES / "consolidated.csv", list_id="csl"), out)
    return out, out.read_bytes()


# --- success, and what the list records -------------------------------------------------------------


def test_fetch_writes_the_list_with_url_and_retrieval_date(tmp_path, server):
    server.serve(ok())
    out = tmp_path / "csl.yaml"
    rl = lists.fetch_csl(out, url=server.url(), policy=policy(Sleeps()), today=TODAY)
    assert len(rl.entries) == 9
    loaded = load_list(out)
    assert loaded.entries == rl.entries
    (source,) = loaded.sources
    assert (source.url, source.retrieved) == (server.url(), TODAY)
    assert loaded.imported["file"] == server.url() and loaded.imported["format"] == "csl-json"
    assert server.paths == ["/consolidated.json"]


def test_fetch_takes_the_import_options(tmp_path, server):
    server.serve(ok())
    rl = lists.fetch_csl(
        tmp_path / "el-cn.yaml", url=server.url(), source="EL", country="CN", policy=policy(Sleeps()), today=TODAY
    )
    assert len(rl.entries) == 5 and all(any(a.endswith(", CN") for a in e.addresses) for e in rl.entries)


def test_fetch_reads_the_csv_download_too(tmp_path, server):
    server.serve(ok((FIXTURES / "consolidated.csv").read_bytes(), "text/csv"))
    rl = lists.fetch_csl(
        tmp_path / "csl.yaml", url=server.url("/consolidated.csv"), policy=policy(Sleeps()), today=TODAY
    )
    assert rl.imported["format"] == "csl-csv" and len(rl.entries) == 9


def test_fetch_is_deterministic_but_for_the_retrieval_date(tmp_path, server):
    server.serve(ok())
    outs = [tmp_path / d / "csl.yaml" for d in ("a", "b", "c")]
    for out, today in zip(outs, (TODAY, TODAY, TODAY + dt.timedelta(days=1)), strict=True):
        lists.fetch_csl(out, url=server.url(), policy=policy(Sleeps()), today=today)
    a, b, c = (o.read_bytes() for o in outs)
    assert a == b
    assert a != c and a.replace(b"retrieved: 2026-01-02", b"retrieved: 2026-01-03") == c


# --- retries ---------------------------------------------------------------------------------------


def test_server_error_then_success_backs_off_and_retries(tmp_path, server):
    server.serve(status(500), status(503), ok())
    sleeps = Sleeps()
    rl = lists.fetch_csl(tmp_path / "csl.yaml", url=server.url(), policy=policy(sleeps), today=TODAY)
    assert len(rl.entries) == 9
    assert sleeps == [1.0, 2.0]  # the back-off doubles
    assert len(server.paths) == 3


def test_429_waits_as_long_as_retry_after_says(tmp_path, server):
    server.serve(status(429, {"Retry-After": "7"}), ok())
    sleeps = Sleeps()
    lists.fetch_csl(tmp_path / "csl.yaml", url=server.url(), policy=policy(sleeps), today=TODAY)
    assert sleeps == [7.0]


def test_retry_after_beyond_the_bound_on_waiting_fails_at_once(tmp_path, server):
    out, before = earlier_file(tmp_path)
    server.serve(status(429, {"Retry-After": "3600"}), ok())
    sleeps = Sleeps()
    with pytest.raises(SourceError) as e:
        lists.fetch_csl(out, url=server.url(), policy=policy(sleeps, max_wait=60.0), today=TODAY)
    assert str(e.value) == (
        f"{server.url()}: HTTP 429 Too Many Requests; waiting 3600 s more would pass the 60 s "
        "bound on waiting (after 1 attempt)"
    )
    assert sleeps == [] and out.read_bytes() == before


def test_the_bound_counts_every_wait(tmp_path, server):
    server.serve(status(502))
    sleeps = Sleeps()
    with pytest.raises(SourceError, match=r"waiting 4 s more would pass the 5 s bound on waiting \(after 3 attempts\)"):
        lists.fetch_csl(
            tmp_path / "csl.yaml", url=server.url(), policy=policy(sleeps, attempts=10, max_wait=5.0), today=TODAY
        )
    assert sleeps == [1.0, 2.0]


def test_persistent_server_errors_give_up_and_keep_the_earlier_file(tmp_path, server):
    out, before = earlier_file(tmp_path)
    server.serve(status(500))
    sleeps = Sleeps()
    with pytest.raises(SourceError) as e:
        lists.fetch_csl(out, url=server.url(), policy=policy(sleeps), today=TODAY)
    assert str(e.value) == f"{server.url()}: HTTP 500 Internal Server Error (gave up after 3 attempts)"
    assert len(server.paths) == 3 and sleeps == [1.0, 2.0]
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["csl.yaml"]


@pytest.mark.parametrize(("code", "reason"), [(404, "Not Found"), (403, "Forbidden"), (501, "Not Implemented")])
def test_errors_that_will_not_pass_are_not_retried(tmp_path, server, code, reason):
    server.serve(status(code))
    sleeps = Sleeps()
    with pytest.raises(SourceError) as e:
        lists.fetch_csl(tmp_path / "csl.yaml", url=server.url(), policy=policy(sleeps), today=TODAY)
    assert str(e.value) == f"{server.url()}: HTTP {code} {reason}"
    assert sleeps == [] and len(server.paths) == 1


def test_connection_reset_then_success(tmp_path, server):
    server.serve(reset, ok())
    sleeps = Sleeps()
    rl = lists.fetch_csl(tmp_path / "csl.yaml", url=server.url(), policy=policy(sleeps), today=TODAY)
    assert len(rl.entries) == 9 and sleeps == [1.0]


def test_persistent_connection_resets_fail_and_keep_the_earlier_file(tmp_path, server):
    out, before = earlier_file(tmp_path)
    server.serve(reset)
    with pytest.raises(SourceError) as e:
        lists.fetch_csl(out, url=server.url(), policy=policy(Sleeps(), attempts=2), today=TODAY)
    assert str(e.value) == f"{server.url()}: the server reset the connection (gave up after 2 attempts)"
    assert out.read_bytes() == before


def test_truncated_download_is_retried(tmp_path, server):
    server.serve(truncated, ok())
    sleeps = Sleeps()
    rl = lists.fetch_csl(tmp_path / "csl.yaml", url=server.url(), policy=policy(sleeps), today=TODAY)
    assert len(rl.entries) == 9 and sleeps == [1.0]


def test_truncated_every_time_says_so(tmp_path, server):
    server.serve(truncated)
    with pytest.raises(
        SourceError,
        match=r"the connection broke off during the download \(truncated\) "
        r"\(gave up after 2 attempts\)",
    ):
        lists.fetch_csl(tmp_path / "csl.yaml", url=server.url(), policy=policy(Sleeps(), attempts=2), today=TODAY)


def test_a_stalled_server_hits_the_read_timeout_and_is_retried(tmp_path, server):
    server.serve(stall(1.0), ok())
    sleeps = Sleeps()
    rl = lists.fetch_csl(tmp_path / "csl.yaml", url=server.url(), policy=policy(sleeps, read_timeout=0.2), today=TODAY)
    assert len(rl.entries) == 9 and sleeps == [1.0]


# --- what comes back is not the list -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'{"results": [', "1:14: the file ends before the JSON in it does: it is cut short"),
        (b'{"results": [}', "1:14: not valid JSON: Expecting value"),
        (b'{"total": 3}', "not the Consolidated Screening List JSON: expected an object with a 'results' array"),
        (
            b"<html>maintenance</html>",
            ": an HTML page (a web page, a sign-in or a maintenance notice answered with 200)",
        ),
        (b"\n<!DOCTYPE html>\n<title>Sign in</title>", ": an HTML page"),
        (b"<!-- down -->", ": an HTML page"),
        # A body in UTF-16 (a list exported on Windows and served): said so, as a file is (it was
        # "1:1: not UTF-8 text" with its byte order mark, "1:2: not valid JSON" without it).
        (b"\xff\xfe", ": UTF-16 text (its byte order mark says so), not UTF-8 ("),
        (
            '\ufeff{"results": []}'.encode("utf-16-le"),
            ": UTF-16 text (its byte order mark says so), not UTF-8 (",
        ),
        (
            '{"results": []}'.encode("utf-16-le"),
            ": looks like UTF-16LE text without its byte order mark (a zero byte beside each letter), not UTF-8 (",
        ),
        (b"\xff\xfd", "1:1: not UTF-8 text"),
        # a list saved in Windows-1252 and served: its first "é" said at its own column, not at 1
        (b'{"results": [\n  {"name": "Soci\xe9t\xe9 G\xe9n\xe9rale"}]}', "2:17: not UTF-8 text"),
        (b"  \n", "the download is empty"),
    ],
)
def test_a_download_that_is_not_the_list_fails_and_keeps_the_earlier_file(tmp_path, server, body, message):
    out, before = earlier_file(tmp_path)
    server.serve(ok(body))
    with pytest.raises(SourceError) as e:
        lists.fetch_csl(out, url=server.url(), policy=policy(Sleeps()), today=TODAY)
    assert str(e.value).startswith(f"{server.url()}")
    assert message in str(e.value)
    assert str(e.value).endswith("(the download is not a usable Consolidated Screening List)")
    assert out.read_bytes() == before and len(server.paths) == 1


def test_a_page_of_the_search_api_is_not_taken_for_the_whole_list(tmp_path, server):
    """Found by the twenty-first part's hunt: `--url` at the CSL search API wrote a list of its first
    page (10 entities of 25) as if it were the whole list."""
    page = {
        "total": 25,
        "sources_used": [{"source": "Entity List (EL) - Bureau of Industry and Security"}],
        "results": [{"id": f"r{i}", "source": "Entity List (EL)", "name": f"Example Org {i}"} for i in range(10)],
    }
    out, before = earlier_file(tmp_path)
    server.serve(ok(json.dumps(page).encode()))
    with pytest.raises(SourceError) as e:
        lists.fetch_csl(out, url=server.url("/search?sources=EL"), policy=policy(Sleeps()), today=TODAY)
    assert "results: 10 of the 25 records the search found" in str(e.value)
    assert out.read_bytes() == before


def test_a_search_answer_fetched_is_noted_as_one(tmp_path, server):
    """A search filtered by name answers with all it found (`total` 2, 2 results): written, with a note
    that a filter leaves entities out (the whole list's download may or may not have `total`)."""
    page = {
        "total": 2,
        "results": [{"id": f"r{i}", "source": "Entity List (EL)", "name": f"Huawei Org {i}"} for i in range(2)],
    }
    server.serve(ok(json.dumps(page).encode()))
    rl = lists.fetch_csl(
        tmp_path / "csl.yaml", url=server.url("/search?name=huawei"), policy=policy(Sleeps()), today=TODAY
    )
    assert len(rl.entries) == 2
    assert [
        n for n in rl.imported["notes"] if n.startswith("the file has 'total' (2; 2 results)") and "unfiltered" in n
    ]


def test_a_download_larger_than_the_bound_is_refused(tmp_path, server):
    server.serve(ok())
    with pytest.raises(SourceError, match="larger than 1,000 bytes"):
        lists.fetch_csl(tmp_path / "csl.yaml", url=server.url(), policy=policy(Sleeps(), max_bytes=1000), today=TODAY)


# --- secrets, and addresses that are no URL -----------------------------------------------------------


def test_credentials_never_reach_messages_or_the_list(tmp_path, server):
    port = server.base.rsplit(":", 1)[1]
    url = f"http://analyst:hunter2@127.0.0.1:{port}/consolidated.json?subscription-key=s3cr3t&format=json"
    shown = f"http://127.0.0.1:{port}/consolidated.json?subscription-key=REDACTED&format=json"
    server.serve(status(500), ok())
    with pytest.raises(SourceError) as e:
        lists.fetch_csl(tmp_path / "csl.yaml", url=url, policy=policy(Sleeps(), attempts=1), today=TODAY)
    assert str(e.value) == f"{shown}: HTTP 500 Internal Server Error (gave up after 1 attempt)"
    rl = lists.fetch_csl(tmp_path / "csl.yaml", url=url, policy=policy(Sleeps()), today=TODAY)
    text = (tmp_path / "csl.yaml").read_text(encoding="utf-8")
    assert rl.sources[0].url == shown
    assert "hunter2" not in text and "s3cr3t" not in text and "analyst" not in text


def test_redact_url():
    assert (
        lists.redact_url("https://u:p@example.org/a?token=x&page=2&api_key=y")
        == "https://example.org/a?token=REDACTED&page=2&api_key=REDACTED"
    )


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("12", 12.0), ("0", 0.0), (None, None), ("soon", None), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)],
)
def test_retry_after_values(value, seconds):
    assert _http.retry_after(value) == seconds


def test_retry_after_as_a_future_date():
    when = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=90)
    assert 80 < _http.retry_after(when.strftime("%a, %d %b %Y %H:%M:%S GMT")) <= 90


def test_a_url_that_is_not_http_is_bad_input(tmp_path):
    with pytest.raises(InputError, match="not an http or https URL"):
        lists.fetch_csl(tmp_path / "csl.yaml", url="file:///etc/passwd", policy=policy(Sleeps()))


def test_connection_refused(tmp_path):
    with socket.socket() as s:  # a port on 127.0.0.1 that nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(SourceError, match=r"the connection was refused \(gave up after 1 attempt\)"):
        lists.fetch_csl(
            tmp_path / "csl.yaml", url=f"http://127.0.0.1:{port}/c.json", policy=policy(Sleeps(), attempts=1)
        )


# --- the command line ------------------------------------------------------------------------------


def test_cli_fetch(tmp_path, server, capsys):
    server.serve(ok())
    out = tmp_path / "el.yaml"
    code = main(["lists", "fetch", "csl", "--out", str(out), "--url", server.url(), "--source", "EL"])
    stdout, err = capsys.readouterr()
    # The fixture has `total`, as the search API answers; that it has is all stderr says.
    assert (code, err.startswith(f"note: {server.url()}: the file has 'total' (11; 11 results)")) == (0, True)
    assert len(err.splitlines()) == 1
    assert stdout == f"wrote {out}: list 'el', 7 entries kept of 11 records\n"
    assert load_list(out).sources[0].retrieved == dt.datetime.now(dt.UTC).date()


@pytest.mark.parametrize(
    ("steps", "options"),
    [
        ([ok(b'{"results": [')], []),
        ([reset], ["--attempts", "1"]),
        ([status(429, {"Retry-After": "120"})], ["--max-wait", "1"]),
    ],
)
def test_cli_failures_exit_3_with_one_line_naming_the_url(tmp_path, server, capsys, steps, options):
    out, before = earlier_file(tmp_path)
    server.serve(*steps)
    code = main(["lists", "fetch", "csl", "--out", str(out), "--url", server.url(), *options])
    stdout, err = capsys.readouterr()
    assert code == 3 and stdout == ""
    assert err.count("\n") == 1 and err.startswith(server.url())
    assert out.read_bytes() == before


def test_cli_default_url_is_the_documented_constant():
    from claimwatch.cli import cli

    url_option = next(p for p in cli.commands["lists"].commands["fetch"].commands["csl"].params if p.name == "url")
    assert url_option.default == lists.CSL_JSON_URL
    assert lists.CSL_JSON_URL.startswith("https://data.trade.gov/")


# --- found by the sixteenth part's hunt -----------------------------------------------------------


def test_fetch_never_replaces_a_file_that_is_not_a_list_and_asks_for_nothing(tmp_path, server, capsys):
    server.serve(ok())
    claims = tmp_path / "claims.yaml"
    claims.write_text("claims:\n  - id: c\n")
    assert main(["lists", "fetch", "csl", "--url", server.url(), "--out", str(claims)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"{claims}: exists and is not a list file") and "refusing to replace it" in line
    assert claims.read_text() == "claims:\n  - id: c\n" and server.paths == []


def test_fetch_to_a_path_under_a_file_asks_for_nothing(tmp_path, server, capsys):
    """`lists fetch csl --out notes.txt/csl.yaml`, notes.txt a file: the whole list downloaded,
    then "cannot write: notes.txt is a file, not a folder". Said before anything is asked now."""
    server.serve(ok())
    (tmp_path / "notes.txt").write_text("a note\n")
    out = tmp_path / "notes.txt" / "csl.yaml"
    assert main(["lists", "fetch", "csl", "--url", server.url(), "--out", str(out)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{out}: cannot write: {tmp_path}/notes.txt is a file, not a folder"
    ]
    assert server.paths == [] and (tmp_path / "notes.txt").read_text() == "a note\n"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--url", "http://[::1"], "http://[::1: not an http or https URL"),
        (["--timeout", "nan"], "Invalid value for '--timeout': 'nan' is not a number of seconds"),
        (["--timeout", "inf"], "Invalid value for '--timeout': inf is not in the range"),
        (["--max-wait", "1e300"], "Invalid value for '--max-wait'"),
    ],
)
def test_a_malformed_url_or_number_of_seconds_is_one_line(tmp_path, capsys, args, said):
    assert main(["lists", "fetch", "csl", "--out", str(tmp_path / "x.yaml"), *args]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert said in line and "Traceback" not in line


def close_delimited(body: bytes, content_type: str = "text/csv") -> Step:
    """Answer with no Content-Length and no chunks: the body ends where the connection does."""

    def step(h: BaseHTTPRequestHandler) -> None:
        h.close_connection = True
        h.send_response(200)
        h.send_header("Content-Type", content_type)
        h.send_header("Connection", "close")
        h.end_headers()
        h.wfile.write(body)

    return step


def test_a_csv_cut_inside_a_quoted_field_is_not_taken_for_the_whole_list(tmp_path, server):
    """Found by the twenty-second part's hunt: a mirror answering without a Content-Length, cut
    inside the last field of a row ('...,"https://...","'), was written as the whole list, the rows
    after the cut dropped without a word: the lenient CSV reader ends a quoted field at the end of
    the file."""
    whole = (FIXTURES / "consolidated.csv").read_bytes()
    cut = whole[: whole.index(b'\n"', 2000)][:-1]  # a row's last field: its opening quote, no closing one
    assert cut.endswith(b',"')
    out, before = earlier_file(tmp_path)
    server.serve(close_delimited(cut))
    with pytest.raises(SourceError) as e:
        lists.fetch_csl(out, url=server.url("/consolidated.csv"), policy=policy(Sleeps()), today=TODAY)
    assert "the file ends inside a quoted field: it was cut short, and the rows after are missing" in str(e.value)
    assert out.read_bytes() == before


def test_a_csv_without_a_content_length_whole_is_read(tmp_path, server):
    server.serve(close_delimited((FIXTURES / "consolidated.csv").read_bytes()))
    rl = lists.fetch_csl(
        tmp_path / "csl.yaml", url=server.url("/consolidated.csv"), policy=policy(Sleeps()), today=TODAY
    )
    assert len(rl.entries) == 9


@pytest.mark.parametrize(
    ("body", "said"),
    [
        (
            b"\n".join((FIXTURES / "consolidated.csv").read_bytes().splitlines()[:1]) + b"\n",
            "its header alone: cut short?",
        ),
        (b'{"results": []}', "'results' is empty: a search that found nothing?"),
        (b'{"total": 0, "sources_used": [], "results": []}', "'results' is empty: a search that found nothing?"),
    ],
)
def test_a_download_holding_no_records_never_replaces_the_list(tmp_path, server, body, said):
    """Found by the twenty-second part's hunt: a download cut after its header (or a search that
    found nothing) was written as a list of no entries over the one before it, exit 0: every
    entity read as taken off, every author at one cleared."""
    out, before = earlier_file(tmp_path)
    server.serve(close_delimited(body))
    with pytest.raises(SourceError) as e:
        lists.fetch_csl(out, url=server.url("/consolidated.csv"), policy=policy(Sleeps()), today=TODAY)
    assert f"holds no records ({said}): the Consolidated Screening List is never empty" in str(e.value)
    assert out.read_bytes() == before
