"""The pytest plugin (entry point `pytest11`): `.feature` files run with claimwatch's steps.

With pytest-bdd installed (`pip install claimwatch[test]`), `pytest features/` collects every
`.feature` file and runs it with the step library. Without pytest-bdd, a `.feature` file fails
to collect with a message saying so; nothing else changes. `-p no:claimwatch` turns the plugin off.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

try:
    import pytest_bdd  # noqa: F401 - only whether it can be imported matters here
except ImportError:

    def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
        if file_path.suffix == ".feature":
            return FeatureNeedsPytestBdd.from_parent(parent, path=file_path)
        return None
else:
    pytest_plugins = ["claimwatch.bdd._features", "claimwatch.bdd.steps"]


class PytestBddMissing(Exception):
    """pytest-bdd is not installed, so a `.feature` file cannot run."""


class FeatureNeedsPytestBdd(pytest.File):
    """A `.feature` file where pytest-bdd is not installed: it cannot run, and says why."""

    def collect(self) -> list[pytest.Item]:
        raise PytestBddMissing(self.path)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        return (
            f"{self.path.name}: running .feature files needs pytest-bdd; "
            "install it with: pip install 'claimwatch[test]'"
        )
