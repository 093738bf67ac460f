"""Shared test set-up: where the real sample data lives, the opt-in heavy tests, Ctrl-C as a
terminal gives it, and property tests with no time limit."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest
from hypothesis import settings

from claimwatch import lists
from claimwatch.lists import ReferenceList

# Hypothesis fails an example that takes over 200 ms unless a test says otherwise: a timed test,
# which this suite has none of (speed is bench's). One property test without its own settings
# failed so on a suite's first run here, and passed again with the same seed.
settings.register_profile("claimwatch", deadline=None)
settings.load_profile("claimwatch")

PROJECT = Path(__file__).resolve().parent.parent
SHARED_DATA = PROJECT.parent / "shared" / "data"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--run-slow", action="store_true", default=False, help="also run the heavy load tests marked 'slow' (CI does)"
    )


def pytest_configure(config: pytest.Config) -> None:
    """A suite started in the background of a shell inherits SIGINT ignored, and so would every
    process its tests start (Python leaves an inherited SIG_IGN alone, rightly): the tests that
    send Ctrl-C need it as a terminal gives it. A handler of Python's own is reset on exec, so the
    processes the tests start then take Ctrl-C as a command started in a terminal does."""
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="heavy load test: run with --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real records in ../shared/data; tests that need them skip, saying why, without it."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real sample data not found at {SHARED_DATA} (the shared/ folder beside the project)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def real_tracker(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> ReferenceList:
    """The real ASPI tracker, imported whole and read back as `claimwatch lists import aspi`
    leaves it, once for the session (tests only read it)."""
    out = tmp_path_factory.mktemp("aspi") / "aspi.yaml"
    lists.write_list_yaml(
        lists.import_aspi(shared_data / "aspi/misp-galaxy-china-defence-universities.json", list_id="aspi"), out
    )
    return lists.load_list(out)


@pytest.fixture()
def project_root() -> Path:
    return PROJECT


@pytest.fixture()
def made_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    """A case `claimwatch init` made, the working directory in it."""
    from claimwatch.cli import main

    assert main(["init", str(tmp_path / "case")]) == 0
    capsys.readouterr()
    monkeypatch.chdir(tmp_path / "case")
    return tmp_path / "case"
