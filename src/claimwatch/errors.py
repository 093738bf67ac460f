"""Errors a user can cause, caught once at the command-line edge and printed as one line each.

    ClaimwatchError                 exit 2 unless said otherwise
    ├── InputError                  a file the user gave is wrong; holds one or more Problems
    └── SourceError                 a data source failed (HTTP, network, a truncated download): exit 3

Bugs are not ClaimwatchErrors: they stay tracebacks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def _one_line(text: str) -> str:
    """`text` with its line breaks (every kind str.splitlines knows) folded into spaces."""
    return " ".join(text.splitlines())


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong at one place in one file (line and column are 1-based; 0 = unknown)."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        # One line, whatever the path or the message quotes: a hostile file name or value cannot
        # forge a second problem under this one. (The command line's terminal sanitiser makes
        # the line's characters inert; _text sits beside this module, not below it.)
        if self.line:
            return _one_line(f"{self.path}:{self.line}:{self.column}: {self.message}")
        return _one_line(f"{self.path}: {self.message}")


class ClaimwatchError(Exception):
    exit_code = 2

    def lines(self) -> list[str]:
        return [_one_line(str(self))]


NOT_UTF8 = "not UTF-8 text; save the file as UTF-8 (in most editors: Save As, encoding UTF-8)"
"""The one wording for a user's file that does not decode, whatever kind of file it is."""


def line_and_column(text: str | bytes, at: int) -> tuple[int, int]:
    """The 1-based line and column of `text`'s character (or, in bytes, byte) `at`: where a
    file's problem is said, a claimwatch.toml's, a claim file's or a downloaded list's."""
    if isinstance(text, bytes):
        return text.count(b"\n", 0, at) + 1, at - text.rfind(b"\n", 0, at)
    return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)


class InputError(ClaimwatchError):
    """Bad input: every problem found in the files, reported at once."""

    def __init__(self, problems: list[Problem] | Problem | str, path: str | Path | None = None):
        if isinstance(problems, str):
            problems = [Problem(str(path or "<input>"), 0, 0, problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]

    def __reduce__(self) -> tuple:  # crosses process boundaries (parallel imports) intact
        return (InputError, (self.problems,))


class SourceError(ClaimwatchError):
    """A data source failed: the message names the cause and the URL, secrets removed."""

    exit_code = 3


def problem_at(path: str | Path, position: tuple[int, int] | None, message: str) -> Problem:
    line, column = position or (0, 0)
    return Problem(str(path), line, column, message)
