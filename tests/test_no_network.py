"""Evaluation and reporting never touch the network: every socket is blocked while they run."""

from __future__ import annotations

import socket

import pytest

from claimwatch.cli import main
from claimwatch.reports import renderers


class NetworkUsed(AssertionError):
    pass


@pytest.fixture()
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise NetworkUsed(f"network use: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_validate_show_check_and_reports_run_offline(no_network, project_root, monkeypatch, tmp_path, capsys):
    monkeypatch.chdir(project_root)
    assert main(["validate", "claims/", "evidence/lists/", "evidence/curated/"]) == 0
    assert main(["show", "claims/"]) == 0
    assert main(["lists", "show", "us-entity-list"]) == 0
    assert main(["evidence", "show", "evidence/curated/msra-2024.yaml"]) == 0
    reports = {fmt: tmp_path / f"r.{fmt}" for fmt in renderers()}
    args = [arg for fmt, path in reports.items() for arg in (f"--{fmt}", str(path))]
    assert main(["check", "claims/", "--evidence", "evidence/curated/", *args]) == 0
    assert all(p.stat().st_size > 0 for p in reports.values())
    assert main(["lists", "diff", "evidence/lists/seven-sons.yaml", "evidence/lists/seven-sons.yaml"]) == 0
    capsys.readouterr()


def test_the_guard_itself_catches_a_connection(no_network):
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
