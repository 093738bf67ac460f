"""What a hostile or broken server does to the collector, `resolve` and `lists fetch`, acted out
by servers on 127.0.0.1 (issue 20): secrets from a CRLF .env file, a server message quoting the
key, a redirect to another host, answers that trickle or never end, cursors that never end, and
an answer shaped wrong. Caps and deadlines are made small through parameters, so nothing here
sends gigabytes or waits minutes."""

from __future__ import annotations

import datetime as dt
import json
import socket
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from claimwatch import lists
from claimwatch import openalex as collector
from claimwatch.cli import main
from claimwatch.errors import InputError, SourceError
from helpers import STUDIES_CLAIMS
from openalex_server import FakeOpenAlex, institution, tiny_work

KEY = "sk-live-7d1e9c0b4a2f-secret"
EMAIL = "watchdog.secret@example.org"
LAB = institution("I900000001", "Example Lab", ror="0abcde165")


@pytest.fixture(autouse=True)
def no_openalex_environment(monkeypatch):
    for name in ("OPENALEX_API_KEY", "OPENALEX_EMAIL", "CLAIMWATCH_OPENALEX_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")  # a proxy in the environment must not see these requests


# --- a server that misbehaves at the byte level ---------------------------------------------------


@dataclass
class Asked:
    """One request as the hostile server read it."""

    path: str
    headers: dict[str, str]


@dataclass
class Hostile:
    """A server on 127.0.0.1 that answers every request with `respond(asked, connection, stopping)`,
    writing whatever bytes, at whatever pace, it likes; each connection serves one request."""

    respond: Callable[[Asked, socket.socket, threading.Event], None]
    asked: list[Asked] = field(default_factory=list)

    def __enter__(self) -> Hostile:
        self.stopping = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.05)  # so the acceptor sees `stopping` soon
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.threads: list[threading.Thread] = []
        self.acceptor = threading.Thread(target=self._accept, daemon=True)
        self.acceptor.start()
        return self

    def __exit__(self, *_: Any) -> None:
        self.stopping.set()
        self.acceptor.join(timeout=5)
        self.listener.close()
        for thread in self.threads:
            thread.join(timeout=5)

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                connection, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(connection,), daemon=True)
            self.threads.append(thread)
            thread.start()

    def _serve(self, connection: socket.socket) -> None:
        with connection:
            connection.settimeout(5)
            head = b""
            try:
                while b"\r\n\r\n" not in head:
                    data = connection.recv(65536)
                    if not data:
                        return
                    head += data
                lines = head.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
                headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
                asked = Asked(lines[0].split(" ")[1], headers)
                self.asked.append(asked)
                self.respond(asked, connection, self.stopping)
            except OSError:
                pass  # the client cut the exchange off: that is what these tests want


def answer(connection: socket.socket, status: int, body: bytes, extra: str = "") -> None:
    connection.sendall(
        f"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        f"Connection: close\r\n{extra}\r\n".encode()
        + body
    )


def json_answer(connection: socket.socket, body: Any, status: int = 200) -> None:
    answer(connection, status, json.dumps(body).encode())


def trickle(connection: socket.socket, data: bytes, stopping: threading.Event, every: float = 0.05) -> None:
    """`data` one byte at a time: never silent for long, never done."""
    for byte in data:
        if stopping.wait(every):
            return
        connection.sendall(bytes([byte]))


def client(url: str, **options: Any) -> collector.OpenAlexClient:
    settings: dict[str, Any] = {
        "api_key": KEY,
        "email": EMAIL,
        "connect_timeout": 1.0,
        "read_timeout": 1.0,
        "retries": 0,
        "backoff": 0.01,
        "sleep": lambda _: None,
        **options,
    }
    return collector.OpenAlexClient(url, **settings)


def query() -> collector.Query:
    return collector.Query("lab", "Example Lab", ("I900000001",), dt.date(2024, 1, 1), None)


@pytest.fixture()
def claims(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "claims.yaml"
    path.write_text(STUDIES_CLAIMS)
    return path


# --- secrets -------------------------------------------------------------------------------------


def test_a_key_and_email_from_a_crlf_env_file_are_sent_clean_and_shown_nowhere(claims, monkeypatch, capsys):
    monkeypatch.setenv("OPENALEX_API_KEY", KEY + "\r")
    monkeypatch.setenv("OPENALEX_EMAIL", EMAIL + "\r")
    with FakeOpenAlex(works=[tiny_work(1)], institutions=[LAB]) as api:
        assert main(["collect", str(claims), "--out", "snap", "--openalex-url", api.url, "--quiet"]) == 0
        assert main(["resolve", "Example", "--openalex-url", api.url]) == 0
    assert {r.headers.get("Authorization") for r in api.requests} == {f"Bearer {KEY}"}
    assert {r.headers.get("From") for r in api.requests} == {EMAIL}
    out = capsys.readouterr()
    for secret in (KEY, EMAIL):
        assert secret not in out.out + out.err
        assert secret.encode() not in (claims.parent / "snap" / "manifest.json").read_bytes()


@pytest.mark.parametrize("name", ["OPENALEX_API_KEY", "OPENALEX_EMAIL"])
def test_a_credential_that_still_holds_a_control_character_is_refused_in_one_line(claims, monkeypatch, capsys, name):
    monkeypatch.setenv(name, "sk-live-7d1e\r9c0b")
    with FakeOpenAlex(works=[tiny_work(1)]) as api:
        assert main(["collect", str(claims), "--out", "snap", "--openalex-url", api.url, "--quiet"]) == 2
        assert api.requests == []  # refused before anything was sent
    err = capsys.readouterr().err
    assert err.splitlines() == [f"{name}: holds a control character (a line break or tab inside it?); not used"]
    assert "sk-live" not in err and "9c0b" not in err


@pytest.mark.parametrize("status", [400, 403, 503])
def test_a_server_message_quoting_the_key_late_is_redacted_before_it_is_cut(status):
    message = "x" * 165 + f" the key {KEY} is not valid for this plan, nor is {EMAIL}"

    def respond(asked: Asked, connection: socket.socket, _: threading.Event) -> None:
        json_answer(connection, {"error": "refused", "message": message}, status)

    with Hostile(respond) as server, client(server.url) as api, pytest.raises(collector.OpenAlexError) as caught:
        collector.resolve_ror("0abcde165", client=api)
    line = str(caught.value)
    assert f"GET {server.url}/institutions/" in line and "\n" not in line
    for secret in (KEY, EMAIL):
        assert secret[:6] not in line  # not even the start a cut at 200 characters would leave


def test_a_redirect_to_another_host_carries_neither_the_key_nor_the_email():
    with FakeOpenAlex(institutions=[LAB]) as elsewhere:

        def respond(asked: Asked, connection: socket.socket, _: threading.Event) -> None:
            answer(connection, 302, b"{}", f"Location: {elsewhere.url}{asked.path}\r\n")

        with Hostile(respond) as server, client(server.url) as api:
            hit = collector.resolve_ror("0abcde165", client=api)
    assert hit is not None and hit.id == "I900000001"
    assert server.asked[0].headers.get("Authorization") == f"Bearer {KEY}"  # the configured host got them
    assert server.asked[0].headers.get("From") == EMAIL
    (followed,) = elsewhere.requests
    assert "Authorization" not in followed.headers and "From" not in followed.headers


def test_a_collect_redirected_to_another_host_names_that_host_in_its_manifest(claims, capsys):
    """was: the manifest's `api` named the first host alone, though every record came from the
    other (and without the key): the record of where the data came from was wrong."""
    with FakeOpenAlex(works=[tiny_work(1), tiny_work(2)]) as elsewhere:

        def respond(asked: Asked, connection: socket.socket, _: threading.Event) -> None:
            answer(connection, 302, b"{}", f"Location: {elsewhere.url}{asked.path}\r\n")

        with Hostile(respond) as server:
            argv = ["collect", str(claims), "--out", "snap", "--openalex-url", server.url, "-q"]
            assert main(argv) == 0, capsys.readouterr().err
        other = elsewhere.url
    manifest = json.loads((claims.parent / "snap" / "manifest.json").read_text())
    answered = len(elsewhere.requests)
    assert manifest["api"] == server.url and answered == len(server.asked) > 0
    assert manifest["api_redirected_to"] == {other: answered}
    assert (
        f"warning: {answered} answers came from {other}, where {server.url} redirected (sent no key or "
        "e-mail); the manifest's api_redirected_to says so"
    ) in capsys.readouterr().err.splitlines()


def test_a_collect_answered_by_its_own_host_records_no_other(claims, capsys):
    with FakeOpenAlex(works=[tiny_work(1)]) as api:
        assert main(["collect", str(claims), "--out", "snap", "--openalex-url", api.url, "-q"]) == 0
    manifest = json.loads((claims.parent / "snap" / "manifest.json").read_text())
    assert "api_redirected_to" not in manifest and "redirected" not in capsys.readouterr().err


def until_close(connection: socket.socket, body: bytes) -> None:
    """An answer whose end is where the server closes: no Content-Length, no chunking (HTTP/1.0 style)."""
    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n" + body)


def test_a_json_answer_cut_short_by_an_early_close_is_retried():
    """was: "malformed JSON in the answer (Expecting ',' delimiter at character 518)", exit 3,
    never asked again: a body with nothing to say its length looks whole when cut."""
    whole = json.dumps(LAB).encode()

    def respond(asked: Asked, connection: socket.socket, _: threading.Event) -> None:
        until_close(connection, whole[: len(whole) // 2] if len(server.asked) == 1 else whole)

    with Hostile(respond) as server, client(server.url, retries=2) as api:
        hit = collector.resolve_ror("0abcde165", client=api)
    assert hit is not None and hit.id == "I900000001" and len(server.asked) == 2 and api.retries_made == 1


def test_a_json_answer_always_cut_short_fails_in_one_line_after_its_retries():
    whole = json.dumps(LAB).encode()

    def respond(asked: Asked, connection: socket.socket, _: threading.Event) -> None:
        until_close(connection, whole[:-1])

    with Hostile(respond) as server, client(server.url, retries=2) as api, pytest.raises(collector.OpenAlexError) as e:
        collector.resolve_ror("0abcde165", client=api)
    assert str(e.value) == (
        "OpenAlex: the answer ended mid-document, the connection closed before its JSON was whole (truncated) "
        f"after 3 attempts, GET {server.url}/institutions/ror%3A0abcde165"
    )


def test_a_malformed_json_answer_ended_by_a_close_is_not_asked_again():
    def respond(asked: Asked, connection: socket.socket, _: threading.Event) -> None:
        until_close(connection, b'{"id": x, "display_name": "Example Lab"}')

    with Hostile(respond) as server, client(server.url, retries=2) as api, pytest.raises(collector.OpenAlexError) as e:
        collector.resolve_ror("0abcde165", client=api)
    assert "malformed JSON in the answer" in str(e.value) and len(server.asked) == 1


@pytest.mark.parametrize(
    "body", [b'{"id": "https://openalex.org/I1" x', b'{"id": "https://openalex.org/I1", "n": 1x', b'{"n": nul_']
)
def test_json_broken_at_its_very_end_ended_by_a_close_is_malformed_and_asked_once(body):
    """was: "... (truncated) after 3 attempts": a last token no cut could leave (no prefix of a
    number or a literal) read as the document cut short there."""

    def respond(asked: Asked, connection: socket.socket, _: threading.Event) -> None:
        until_close(connection, body)

    with Hostile(respond) as server, client(server.url, retries=2) as api, pytest.raises(collector.OpenAlexError) as e:
        collector.resolve_ror("0abcde165", client=api)
    assert "malformed JSON in the answer" in str(e.value) and len(server.asked) == 1


def test_an_empty_json_answer_ended_by_a_close_is_retried_as_cut_short():
    """was: "an empty answer, where JSON was expected" after one request: a connection dropped
    right after the headers is as much a cut as one dropped mid-document."""
    whole = json.dumps(LAB).encode()

    def respond(asked: Asked, connection: socket.socket, _: threading.Event) -> None:
        until_close(connection, b"" if len(server.asked) == 1 else whole)

    with Hostile(respond) as server, client(server.url, retries=2) as api:
        hit = collector.resolve_ror("0abcde165", client=api)
    assert hit is not None and hit.id == "I900000001" and len(server.asked) == 2 and api.retries_made == 1


def test_an_empty_json_answer_always_ended_by_a_close_fails_as_truncated_after_its_retries():
    def respond(asked: Asked, connection: socket.socket, _: threading.Event) -> None:
        until_close(connection, b"")

    with Hostile(respond) as server, client(server.url, retries=2) as api, pytest.raises(collector.OpenAlexError) as e:
        collector.resolve_ror("0abcde165", client=api)
    assert str(e.value) == (
        "OpenAlex: the answer was empty, the connection closed right after its headers (truncated) "
        f"after 3 attempts, GET {server.url}/institutions/ror%3A0abcde165"
    )
    assert len(server.asked) == 3


@pytest.mark.parametrize("country", [{"code": "CN"}, ["CN"], 5])
def test_resolve_answered_with_a_country_of_another_type_prints_a_dash_not_a_traceback(capsys, country):
    """was: "TypeError: unsupported format string passed to dict.__format__", a traceback, exit 1."""
    hostile = dict(LAB, country_code=country, display_name={"en": "Example Lab"})

    def respond(asked: Asked, connection: socket.socket, _: threading.Event) -> None:
        json_answer(connection, {"meta": {"count": 1}, "results": [hostile]} if "search" in asked.path else hostile)

    with Hostile(respond) as server:
        for argv in (["resolve", "lab"], ["resolve", "--ror", "0abcde165"]):
            assert main([*argv, "--openalex-url", server.url, "--retries", "0"]) == 0
            assert capsys.readouterr().out.splitlines()[1].split() == [
                "I900000001",
                "0abcde165",
                "-",
                "1,000",
                "[I900000001]",
            ]


@pytest.mark.parametrize("own", [None, "https://openalex.org/W4000000001", "I-1"])
def test_resolve_answered_with_no_institution_id_says_so_in_one_line(capsys, own):
    """was: the hit printed as "None" or "W4000000001", an id the analyst would copy under `openalex:`."""
    hostile = dict(LAB, id=own)

    def respond(asked: Asked, connection: socket.socket, _: threading.Event) -> None:
        json_answer(connection, {"meta": {"count": 1}, "results": [hostile]} if "search" in asked.path else hostile)

    with Hostile(respond) as server:
        for argv, asked in (
            (["resolve", "lab"], "/institutions?search=lab"),
            (["resolve", "--ror", "0abcde165"], "/institutions/ror%3A0abcde165"),
        ):
            assert main([*argv, "--openalex-url", server.url, "--retries", "0"]) == 3
            (line,) = capsys.readouterr().err.splitlines()
            assert line.startswith(
                "OpenAlex: an answer not shaped like OpenAlex's (an institution without an OpenAlex institution id), "
                f"GET {server.url}{asked}"
            )


def test_resolve_skips_a_result_without_an_institution_id_and_shows_the_others(capsys):
    """was: exit 3, "an institution without an OpenAlex institution id", the valid hits hidden."""
    other = dict(LAB, id="https://openalex.org/I900000002", display_name="Example Lab Annex")
    results = [dict(LAB, id=None), LAB, other]

    def respond(asked: Asked, connection: socket.socket, _: threading.Event) -> None:
        json_answer(connection, {"meta": {"count": 3}, "results": results})

    with Hostile(respond) as server:
        assert main(["resolve", "lab", "--openalex-url", server.url, "--retries", "0"]) == 0
    said = capsys.readouterr()
    assert [line.split()[0] for line in said.out.splitlines()[1:]] == ["I900000001", "I900000002"]
    assert said.err.splitlines() == [
        "OpenAlex: 1 of 3 results skipped, without an OpenAlex institution id (none, or another entity's)"
    ]


def test_resolve_called_from_python_without_a_note_warns_of_a_result_it_skips():
    """Found in review: a library caller that gave no `note` had such a result dropped without a
    word; it is a Python warning then, the other hits returned."""
    results = [dict(LAB, id=None), LAB]

    def respond(asked: Asked, connection: socket.socket, _: threading.Event) -> None:
        json_answer(connection, {"meta": {"count": 2}, "results": results})

    skipped = "1 of 2 results skipped, without an OpenAlex institution id"
    with Hostile(respond) as server, client(server.url) as api, pytest.warns(UserWarning, match=skipped):
        hits = collector.resolve("lab", client=api)
    assert [h.id for h in hits] == ["I900000001"]


def test_a_mirror_redirecting_to_itself_keeps_the_key_and_email():
    def respond(asked: Asked, connection: socket.socket, _: threading.Event) -> None:
        if asked.path.startswith("/institutions/ror"):  # an absolute URL on the mirror itself
            answer(connection, 301, b"{}", f"Location: {server.url}/institutions/I900000001\r\n")
        else:
            json_answer(connection, LAB)

    with Hostile(respond) as server, client(server.url) as api:
        hit = collector.resolve_ror("0abcde165", client=api)
    assert hit is not None and hit.id == "I900000001" and len(server.asked) == 2
    assert all(a.headers.get("Authorization") == f"Bearer {KEY}" for a in server.asked)
    assert all(a.headers.get("From") == EMAIL for a in server.asked)


# --- bounds on one exchange ----------------------------------------------------------------------


def test_an_answer_that_trickles_is_cut_off_at_its_deadline():
    def respond(asked: Asked, connection: socket.socket, stopping: threading.Event) -> None:
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n")
        trickle(connection, b"{" + b" " * 1_999_999, stopping)  # a byte every 0.05 s: never silent for 0.3 s

    with Hostile(respond) as server, client(server.url, read_timeout=0.3, max_seconds=0.6, retries=1) as api:
        started = time.monotonic()
        with pytest.raises(collector.OpenAlexError) as caught:
            collector.resolve("Example", client=api)
        took = time.monotonic() - started
    assert "no complete answer within 0.6 s after 2 attempts" in str(caught.value)
    # Loose on purpose (a loaded CI machine): unbounded, the trickle would run for 100,000 s.
    assert 1.1 < took < 15.0 and len(server.asked) == 2


def test_headers_that_trickle_are_cut_off_at_the_deadline_too():
    def respond(asked: Asked, connection: socket.socket, stopping: threading.Event) -> None:
        trickle(connection, b"HTTP/1.1 200 OK\r\n" + b"X-Padding: " + b"a" * 60000 + b"\r\n\r\n{}", stopping)

    with Hostile(respond) as server, client(server.url, read_timeout=0.3, max_seconds=0.5) as api:
        started = time.monotonic()
        with pytest.raises(collector.OpenAlexError, match=r"no complete answer within 0\.5 s"):
            collector.resolve("Example", client=api)
        assert time.monotonic() - started < 15.0  # unbounded: about an hour of trickle


def test_the_cli_stops_a_trickle_within_timeout_and_connecting_time(claims, capsys):
    def respond(asked: Asked, connection: socket.socket, stopping: threading.Event) -> None:
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2000000000\r\n\r\n")
        trickle(connection, b"{" * 1000, stopping)

    with Hostile(respond) as server:
        started = time.monotonic()
        code = main(["collect", str(claims), "--out", "snap", "--openalex-url", server.url, "--quiet"])
        took = time.monotonic() - started
    err = capsys.readouterr().err.splitlines()
    assert code == 3 and len(err) == 1
    assert "the download is larger than 67,108,864 bytes (it says 2,000,000,000 bytes)" in err[0]
    assert f"GET {server.url}/works?" in err[0] and err[0].endswith("snap left unchanged")
    assert took < 15.0 and len(server.asked) == 1  # refused at once, not retried
    assert not (claims.parent / "snap").exists()


def test_the_cli_timeout_bounds_a_steady_trickle(claims, capsys):
    def respond(asked: Asked, connection: socket.socket, stopping: threading.Event) -> None:
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n")
        trickle(connection, b" " * 1_000_000, stopping)

    with Hostile(respond) as server:
        started = time.monotonic()
        bounds = ["--timeout", "0.3", "--retries", "1", "--backoff", "0", "--max-wait", "0"]
        code = main(["collect", str(claims), "--out", "snap", "--openalex-url", server.url, "--quiet", *bounds])
        took = time.monotonic() - started
    err = capsys.readouterr().err.splitlines()
    assert code == 3 and len(err) == 1 and "no complete answer within 0.6 s after 2 attempts" in err[0]
    assert took < 15.0  # unbounded: a megabyte at a byte each 0.05 s


def test_an_answer_past_the_size_cap_is_refused_while_it_streams_in_bounded_memory():
    chunk = b" " * 65536

    def respond(asked: Asked, connection: socket.socket, stopping: threading.Event) -> None:
        connection.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
        for _ in range(8000):  # 500 MiB if anyone read it all
            if stopping.is_set():
                return
            connection.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))

    tracemalloc.start()
    try:
        with (
            Hostile(respond) as server,
            client(server.url, max_bytes=1 << 20) as api,
            pytest.raises(collector.OpenAlexError, match=r"larger than 1,048,576 bytes, GET"),
        ):
            collector.resolve("Example", client=api)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 << 20


@pytest.mark.parametrize("first", [b"", b'{"results": [{"na'], ids=["empty", "cut-json"])
def test_a_list_download_ended_by_a_close_before_its_json_is_whole_is_asked_again(first):
    """The collector's rule holds for `lists fetch` too: an answer with nothing to say its length,
    empty or its JSON cut by the close, is a cut, asked again, never taken for the list."""
    whole = json.dumps({"results": [{"name": "Example University"}]}).encode()

    def respond(asked: Asked, connection: socket.socket, _: threading.Event) -> None:
        until_close(connection, first if len(server.asked) == 1 else whole)

    with Hostile(respond) as server:
        assert lists.download(server.url + "/csl.json", lists.FetchPolicy(attempts=3, sleep=lambda _: None)) == whole
    assert len(server.asked) == 2


def test_a_list_download_is_held_to_the_same_bounds(tmp_path):
    def respond(asked: Asked, connection: socket.socket, stopping: threading.Event) -> None:
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n")
        trickle(connection, b'{"results": []}' + b" " * 4985, stopping)

    policy = lists.FetchPolicy(attempts=1, read_timeout=0.3, max_seconds=0.5, sleep=lambda _: None)
    with Hostile(respond) as server:
        started = time.monotonic()
        with pytest.raises(SourceError, match=r"no complete answer within 0\.5 s"):
            lists.download(server.url + "/csl.json", policy)
        assert time.monotonic() - started < 15.0  # unbounded: about an hour of trickle
        with pytest.raises(SourceError, match=r"larger than 1,000 bytes \(it says 5,000 bytes\)"):
            lists.download(server.url + "/csl.json", lists.FetchPolicy(attempts=3, max_bytes=1000))
    assert len(server.asked) == 2  # the one too large was not asked again


# --- a cursor that never ends --------------------------------------------------------------------


def endless(count: Any, *, new_works: bool | None, same_cursor: bool = False, per_page: int = 5) -> Hostile:
    """An OpenAlex that always gives a next cursor: with new works on every page, or the same ones,
    or none; `count` as meta.count (None: left out)."""
    pages = iter(range(1_000_000))

    def respond(asked: Asked, connection: socket.socket, _: threading.Event) -> None:
        n = next(pages)
        first = n * per_page if new_works else 0
        results = [tiny_work(first + k) for k in range(per_page)] if new_works is not None else []
        meta = {"per_page": 200, "next_cursor": "same" if same_cursor else f"c{n}"}
        if count is not None:
            meta["count"] = count
        json_answer(connection, {"meta": meta, "results": results, "group_by": []})

    return Hostile(respond)


@pytest.mark.parametrize(
    ("server", "pages", "why"),
    [
        (lambda: endless(5, new_works=True), 3, "the cursor had not ended after 3 pages, while meta.count 5"),
        (lambda: endless(10**6, new_works=None), 2, "after 2 pages running that brought no new work"),
        (lambda: endless(10**6, new_works=False), 3, "after 2 pages running that brought no new work"),
        (lambda: endless(10**6, new_works=True, same_cursor=True), 2, "the cursor repeated one it had given"),
        (lambda: endless(None, new_works=True), 1, "the answer gives no meta.count"),
    ],
    ids=["new-works-past-count", "empty-pages", "the-same-works", "the-same-cursor", "no-count"],
)
def test_a_cursor_that_never_ends_stops_with_one_line(tmp_path, server, pages, why):
    with server() as hostile, client(hostile.url) as api, pytest.raises(collector.OpenAlexError) as caught:
        collector.collect([query()], tmp_path / "snap", client=api)
    line = str(caught.value)
    assert why in line and f"GET {hostile.url}/works?" in line and "\n" not in line
    assert line.endswith("snap left unchanged") and not (tmp_path / "snap").exists()
    assert len(hostile.asked) == pages


def test_a_cursor_that_ends_within_the_count_is_not_stopped(tmp_path):
    with FakeOpenAlex(works=[tiny_work(n) for n in range(450)]) as api, client(api.url) as connected:
        result = collector.collect([query()], tmp_path / "snap", client=connected)
    assert result.records == 450 and len(api.list_requests()) == 4  # 200, 200, 50, then the empty page


# --- resolve answered with the wrong shape ---------------------------------------------------------


LIST_RESPONSE = {"meta": {"count": 1}, "results": [{"id": "https://openalex.org/I1"}]}
ONE_INSTITUTION = {"id": "https://openalex.org/I1", "display_name": "One"}


@pytest.mark.parametrize(
    ("how", "body"),
    [
        (["--ror", "0abcde165"], LIST_RESPONSE),
        (["--ror", "0abcde165"], [ONE_INSTITUTION]),
        (["--ror", "0abcde165"], {"meta": {}, "results": [1, 2]}),
        (["Example"], ONE_INSTITUTION),
        (["Example"], [ONE_INSTITUTION]),
        (["Example"], {"meta": {}, "results": [1, 2]}),
    ],
    ids=["ror-list-response", "ror-bare-list", "ror-numbers", "name-one-object", "name-bare-list", "name-numbers"],
)
def test_resolve_answered_with_the_wrong_shape_is_one_line(capsys, how, body):
    def respond(asked: Asked, connection: socket.socket, _: threading.Event) -> None:
        json_answer(connection, body)

    with Hostile(respond) as server:
        code = main(["resolve", *how, "--openalex-url", server.url])
    err = capsys.readouterr().err.splitlines()
    assert code == 3 and len(err) == 1
    assert err[0].startswith("OpenAlex: an answer not shaped like OpenAlex's") and f"GET {server.url}/" in err[0]


def test_a_credential_check_is_one_input_error_per_variable():
    with pytest.raises(InputError) as caught:
        collector.OpenAlexClient.from_env(environ={"OPENALEX_API_KEY": "a\x1b]8;;http://x\x07b"})
    assert caught.value.lines() == [
        "OPENALEX_API_KEY: holds a control character (a line break or tab inside it?); not used"
    ]


@pytest.fixture(autouse=True)
def sockets_elsewhere_refused(monkeypatch) -> Iterator[None]:
    """Nothing in this file may reach an address other than 127.0.0.1."""
    real = socket.socket.connect

    def connect(self: socket.socket, address: Any) -> Any:
        assert address[0] == "127.0.0.1", f"a test tried to reach {address}"
        return real(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    yield


def test_a_count_that_grows_with_every_page_never_widens_the_bound_for_good():
    """The review's server: 200 new works and a fresh cursor a page, meta.count always 400 ahead.
    The bound follows the first page's count (plus a tenth or a page), never the latest."""
    from claimwatch.openalex._harvest import PagingGuard

    guard = PagingGuard(200)
    stopped_at = None
    for page in range(1, 10_000):
        why = guard.check(page, 200 * page + 400, f"cursor-{page}", new_works=200)
        if why:
            stopped_at = page
            break
    assert stopped_at is not None and stopped_at <= 6, stopped_at


# --- a work fetched alone, answered with something else --------------------------------------------


def cut_work() -> dict[str, Any]:
    """A work as a list gives it, its author list cut at 100: it is fetched alone."""
    authors = [{"author": {"id": f"https://openalex.org/A{5_000_000_000 + k}"}, "institutions": []} for k in range(100)]
    return dict(tiny_work(7), authorships=authors, is_authors_truncated=True)


@pytest.mark.parametrize(
    "body",
    [
        {"meta": {"count": 1}, "results": [tiny_work(7)], "group_by": []},
        {"id": "https://openalex.org/A5000000001", "display_name": "An author"},
    ],
    ids=["a-list", "an-author"],
)
def test_a_work_fetched_alone_answered_with_no_work_is_one_line(tmp_path, capsys, body):
    def respond(asked: Asked, connection: socket.socket, _: threading.Event) -> None:
        if asked.path.startswith("/works/"):
            json_answer(connection, body)
        else:
            last = "cursor=%2A" not in asked.path
            meta = {"count": 1, "per_page": 200, "next_cursor": None if last else "c1"}
            json_answer(connection, {"meta": meta, "results": [] if last else [cut_work()], "group_by": []})

    (tmp_path / "claims.yaml").write_text(STUDIES_CLAIMS)
    out = tmp_path / "snap"
    with Hostile(respond) as server:
        code = main(["collect", str(tmp_path / "claims.yaml"), "--out", str(out), "--openalex-url", server.url, "-q"])
    err = capsys.readouterr().err.splitlines()
    # was: a traceback (a list), or the author's record kept in the work's place, coverage short
    assert code == 3 and len(err) == 1 and not out.exists()
    assert err[0] == (
        "OpenAlex: an answer not shaped like OpenAlex's (the answer for work W4000000007 is not a work record), "
        f"GET {server.url}/works/W4000000007; {out} left unchanged"
    )


def test_a_result_with_no_work_id_is_left_out_naming_where_it_stood(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("OPENALEX_API_KEY", KEY)
    nameless = {k: v for k, v in tiny_work(2).items() if k != "id"}

    def respond(asked: Asked, connection: socket.socket, _: threading.Event) -> None:
        last = "cursor=%2A" not in asked.path
        meta = {"count": 3, "per_page": 200, "next_cursor": None if last else "c1"}
        results = [] if last else [tiny_work(1), nameless, tiny_work(3)]
        json_answer(connection, {"meta": meta, "results": results, "group_by": []})

    (tmp_path / "claims.yaml").write_text(STUDIES_CLAIMS)
    out = tmp_path / "snap"
    with Hostile(respond) as server:
        argv = ["collect", str(tmp_path / "claims.yaml"), "--out", str(out), "--no-authors"]
        code = main([*argv, "--openalex-url", server.url])
    err = capsys.readouterr().err.splitlines()
    page = f"GET {server.url}/works?filter=authorships.institutions.lineage:I900000001,"
    # was: "1 results had no work id and were left out", saying neither which nor where
    (said,) = [line for line in err if "no work id" in line]
    assert said.startswith("note: 1 result had no work id and was left out (the first, result 2 of " + page)
    assert code == 0 and KEY not in "\n".join(err)
    (skipped,) = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["skipped_lines"]
    assert skipped["result"] == 2 and skipped["url"].startswith(f"{server.url}/works?filter=")
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["coverage"]["complete"] is False


@pytest.mark.parametrize("path", ["/works?", "/works/W4000000007"], ids=["a-list", "a-work-fetched-alone"])
def test_an_error_answered_with_200_is_one_line_quoting_it_without_the_key(tmp_path, path):
    def respond(asked: Asked, connection: socket.socket, _: threading.Event) -> None:
        if asked.path.startswith(path):
            json_answer(connection, {"error": "Invalid query", "message": f"the key {KEY} may not filter so"})
        else:
            last = "cursor=%2A" not in asked.path
            meta = {"count": 1, "per_page": 200, "next_cursor": None if last else "c1"}
            json_answer(connection, {"meta": meta, "results": [] if last else [cut_work()], "group_by": []})

    with Hostile(respond) as server, client(server.url) as api, pytest.raises(collector.OpenAlexError) as caught:
        collector.collect([query()], tmp_path / "snap", client=api, authors=False)
    line = str(caught.value)
    # was: "(ValueError: Unknown response format)", pyalex's words, the server's own left out
    assert line.startswith(
        "OpenAlex: an answer not shaped like OpenAlex's (an error, answered with HTTP 200 X: "
        "the key *** may not filter so), GET "
    )
    assert f"GET {server.url}{path}" in line and KEY not in line and not (tmp_path / "snap").exists()


@pytest.mark.parametrize(
    ("count", "shown"),
    [(True, "true"), (False, "false"), (-1, "-1"), ("3", '"3"'), (3.0, "3.0"), ("5" * 60, f'"{"5" * 36}...')],
    ids=["true", "false", "negative", "text", "float", "long-text"],
)
def test_a_meta_count_that_is_no_count_is_refused(tmp_path, count, shown):
    def respond(asked: Asked, connection: socket.socket, _: threading.Event) -> None:
        meta = {"count": count, "per_page": 200, "next_cursor": None}
        json_answer(connection, {"meta": meta, "results": [tiny_work(k) for k in range(3)], "group_by": []})

    with Hostile(respond) as server, client(server.url) as api, pytest.raises(collector.OpenAlexError) as caught:
        collector.collect([query()], tmp_path / "snap", client=api, authors=False)
    # was, for true and false: read as 1 and 0, and three works passed for all there are; then
    # "gives no meta.count", where the answer gave one that counts nothing
    said = f"the answer gives meta.count {shown}, not a count of works, so its paging has no bound"
    assert said in str(caught.value)
    assert f"GET {server.url}/works?" in str(caught.value) and not (tmp_path / "snap").exists()


# --- Retry-After as a date, read on the server's clock ---------------------------------------------


@pytest.mark.parametrize("server_year", [2001, 2099], ids=["client-clock-ahead", "client-clock-behind"])
def test_a_retry_after_date_is_read_against_the_answers_own_date(tmp_path, server_year):
    """A 429 saying, on the server's clock, 'come back in 7 s': waited 7 s, whatever the
    machine's clock says the time is."""
    now = dt.datetime(server_year, 3, 1, 12, 0, 0, tzinfo=dt.UTC)

    def http_date(when: dt.datetime) -> str:
        return when.strftime("%a, %d %b %Y %H:%M:%S GMT")

    def respond(asked: Asked, connection: socket.socket, _: threading.Event) -> None:
        if len(server.asked) == 1:
            later = http_date(now + dt.timedelta(seconds=7))
            answer(
                connection,
                429,
                b'{"error": "Rate limit exceeded"}',
                f"Date: {http_date(now)}\r\nRetry-After: {later}\r\n",
            )
        else:
            meta = {"count": 1, "per_page": 200, "next_cursor": None}
            json_answer(connection, {"meta": meta, "results": [tiny_work(1)], "group_by": []})

    waits: list[float] = []
    with Hostile(respond) as server, client(server.url, retries=1, sleep=waits.append) as api:
        result = collector.collect([query()], tmp_path / "snap", client=api, authors=False)
    # was: 0 s (the date long past by this machine's clock: the backoff, 0.01 s, asked again at
    # once) or some 2.3e9 s (long ahead: past the bound on waiting, the run failed at once)
    assert waits == [7.0] and result.records == 1


# --- an answer that is no JSON at all --------------------------------------------------------------

LOGIN_PAGE = (
    b"<!DOCTYPE html>\n<html><head><title>Login "
    + KEY.encode()
    + b"</title></head>\n<body>Sign in to continue <form action=/login></form>"
    + b" " * 5000
    + b"</body></html>"
)


@pytest.mark.parametrize(
    ("body", "content_type", "said"),
    [
        (
            LOGIN_PAGE,
            "text/html; charset=no-such-codec",
            "the answer is not JSON (text/html; charset=no-such-codec; it begins '<!DOCTYPE html> <html><head>"
            "<title>Login ***</title></head> <body>Sign in to con...'): a proxy or a login page "
            "in the way?",
        ),
        (b"", "application/json", "an empty answer, where JSON was expected"),
        (b'{"meta": {"count": 3, "next_cursor": "', "application/json", "malformed JSON in the answer (Unterminated"),
    ],
    ids=["a-login-page", "nothing", "json-cut-short"],
)
def test_an_answer_that_is_no_json_says_what_it_is_in_one_line(claims, capsys, monkeypatch, body, content_type, said):
    monkeypatch.setenv("OPENALEX_API_KEY", KEY)

    def respond(asked: Asked, connection: socket.socket, _: threading.Event) -> None:
        connection.sendall(
            f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
            "Connection: close\r\n\r\n".encode()
            + body
        )

    with Hostile(respond) as server:
        code = main(["collect", str(claims), "--out", "snap", "--openalex-url", server.url, "--no-authors"])
    (line,) = capsys.readouterr().err.splitlines()
    # was, for the login page: "malformed JSON in the answer (Expecting value at character 0)"
    assert code == 3 and line.startswith(f"OpenAlex: {said}") and KEY not in line
    assert f"GET {server.url}/works?" in line and line.endswith("snap left unchanged")


# --- redirects that lead nowhere a client can go -------------------------------------------------


@pytest.mark.parametrize(
    ("location", "said"),
    [
        (None, "redirected again and again (more than 30 times): a redirect loop"),
        ("file:///etc/passwd", "redirected to a file: address, which is not http(s)"),
    ],
    ids=["a-loop", "to-a-file"],
)
def test_a_redirect_that_leads_nowhere_is_one_line_saying_so(claims, capsys, location, said):
    def respond(asked: Asked, connection: socket.socket, _: threading.Event) -> None:
        to = location or asked.path  # the same address again: a loop
        connection.sendall(
            f"HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".encode()
        )

    with Hostile(respond) as server:
        code = main(["collect", str(claims), "--out", "snap", "--openalex-url", server.url, "--no-authors", "-q"])
    (line,) = capsys.readouterr().err.splitlines()
    # was: "the request failed (TooManyRedirects)", "the request failed (InvalidSchema)"
    assert code == 3 and line.startswith(f"OpenAlex: {said}, GET {server.url}/works?")
    assert line.endswith("snap left unchanged") and not (claims.parent / "snap").exists()


# --- JSON nested past what Python's parser reads ---------------------------------------------------

DEEP = b'{"meta": {"count": 1}, "results": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"


@pytest.mark.parametrize(
    ("command", "status", "said"),
    [
        (["collect", "claims.yaml", "--out", "snap", "--no-authors", "-q"], 200, "an answer nested too deeply to read"),
        (["resolve", "Example Lab"], 200, "an answer nested too deeply to read"),
        (["resolve", "Example Lab"], 400, "HTTP 400 X"),
    ],
    ids=["collect", "resolve", "resolve-refused"],
)
def test_an_answer_nested_too_deeply_is_one_line_not_a_traceback(claims, capsys, command, status, said):
    def respond(asked: Asked, connection: socket.socket, _: threading.Event) -> None:
        answer(connection, status, DEEP)

    with Hostile(respond) as server:
        code = main([*command, "--openalex-url", server.url, "--retries", "0"])
    (line,) = capsys.readouterr().err.splitlines()
    # was: a RecursionError's traceback, exit 1
    assert code == 3 and line.startswith(f"OpenAlex: {said}") and f"GET {server.url}/" in line
    assert not (claims.parent / "snap").exists()
