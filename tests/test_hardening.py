"""Hard faults: a collect killed with SIGKILL part-way, and secrets kept out of every output of
every command that can see them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from claimwatch.cli import main
from helpers import STUDIES_CLAIMS
from openalex_server import FakeOpenAlex, Fault, GeneratedWorks, tiny_work

KEY, EMAIL = "sk-hardening-4242", "watchdog@example.org"


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_kill_9_in_the_middle_of_a_collect_leaves_the_earlier_snapshot_intact(tmp_path, monkeypatch):
    claims = tmp_path / "claims.yaml"
    claims.write_text(STUDIES_CLAIMS)
    snap = tmp_path / "snap"
    with FakeOpenAlex(works=GeneratedWorks(3000, tiny_work)) as api:
        monkeypatch.chdir(tmp_path)
        assert main(["collect", str(claims), "--out", str(snap), "--openalex-url", api.url, "--quiet"]) == 0
        before = _tree(snap)
        served = len(api.list_requests("/works"))
        api.inject(Fault.slow(60.0, times=None, after=served + 5))  # the second run hangs part-way
        env = {**os.environ, "OPENALEX_API_KEY": KEY, "OPENALEX_EMAIL": EMAIL}
        proc = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import sys; from claimwatch.cli import main; sys.exit(main())",
                "collect",
                str(claims),
                "--out",
                str(snap),
                "--openalex-url",
                api.url,
                "--quiet",
            ],
            env=env,
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 60
            while len(api.list_requests("/works")) < served + 6 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert len(api.list_requests("/works")) >= served + 6, "the second collect never got going"
            os.kill(proc.pid, signal.SIGKILL)
        finally:
            proc.wait(timeout=30)
    assert _tree(snap) == before
    litter = [p.name for p in tmp_path.iterdir() if p.name.startswith(".snap.tmp")]
    assert len(litter) <= 1  # beside the snapshot, never inside it; the next write removes it
    assert sorted(before) == ["authors.jsonl.gz", "manifest.json", "works.jsonl.gz", "works.parquet"]
    for leftover in litter:
        assert KEY.encode() not in b"".join(p.read_bytes() for p in (tmp_path / leftover).rglob("*") if p.is_file())


def test_secrets_in_the_environment_reach_no_output_of_any_command(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("OPENALEX_API_KEY", KEY)
    monkeypatch.setenv("OPENALEX_EMAIL", EMAIL)
    monkeypatch.chdir(tmp_path)
    claims = tmp_path / "claims.yaml"
    claims.write_text(STUDIES_CLAIMS)
    with FakeOpenAlex(works=GeneratedWorks(500, tiny_work)) as api:
        monkeypatch.setenv("CLAIMWATCH_OPENALEX_URL", api.url)
        codes = [
            main(["collect", str(claims), "--out", "snap", "--quiet"]),
            main(["collect", "--update", "snap", "--quiet"]),
            main(["resolve", "Example"]),
            main(["evidence", "show", "snap"]),
            main(
                [
                    "check",
                    str(claims),
                    "--evidence",
                    "snap",
                    "--json",
                    "r.json",
                    "--md",
                    "r.md",
                    "--html",
                    "r.html",
                    "--claimreview",
                    "r.jsonld",
                ]
            ),
        ]
        api.inject(Fault.http(500, times=None))
        codes.append(main(["collect", str(claims), "--out", "snap2", "--quiet", "--retries", "0"]))
    assert codes[:5] == [0, 0, 0, 0, 0] and codes[5] == 3
    out = capsys.readouterr()
    written = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    for secret in (KEY, EMAIL):
        assert secret not in out.out and secret not in out.err
        assert secret.encode() not in written
    assert b"works.jsonl.gz" in (tmp_path / "snap" / "manifest.json").read_bytes()  # the check looked at real files


def test_a_secret_in_an_argument_never_reaches_the_recorded_command(tmp_path):
    """The command line is recorded in manifests and reports: a password or key an argument
    carries (a URL's user:password, an api_key parameter) is shown there as ***."""
    from click.testing import CliRunner

    from claimwatch.cli import cli
    from helpers import work, write_jsonl

    source = write_jsonl(tmp_path / "works?api_key=sekrit.jsonl", [work("W1", "A paper")])
    result = CliRunner().invoke(cli, ["evidence", "import", str(source), "--out", str(tmp_path / "snap")])
    assert result.exit_code == 0, result.output
    manifest = (tmp_path / "snap/manifest.json").read_text(encoding="utf-8")
    assert "sekrit" not in manifest.split('"queries"')[0] and "api_key=***" in manifest


def test_an_os_error_anywhere_is_one_line_exit_2(monkeypatch, capsys):
    """A full disk or a missing permission the commands did not foresee: one line naming the
    file, exit 2, never a traceback."""
    import errno

    from claimwatch import cli as cli_mod

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", "reports/msra.json")

    monkeypatch.setattr(cli_mod.cli, "main", full)
    assert main(["check"]) == 2
    assert capsys.readouterr().err.splitlines() == ["claimwatch: reports/msra.json: No space left on device"]
