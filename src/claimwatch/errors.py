"""Errors a user can cause, caught once at the command-line edge and printed as one line each.

    ClaimwatchError                 exit 2 unless said otherwise
    ├── InputError                  a file the user gave is wrong; holds one or more Problems
    └── SourceError                 a data source failed (HTTP, network, a truncated download): exit 3

Bugs are not ClaimwatchErrors: they stay tracebacks.
"""

from __future__ import annotations

import codecs
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

TEXT_CUT_SHORT = "the file ends in the middle of a character: it is cut short (a copy or download stopped part way?)"
"""The one wording for a user's file that ends inside a character (a claimwatch.toml's too)."""

ROUND_IN_A_LOOP = "leads round in a loop (to itself, or to links that lead back to it)"
"""What a link that never reaches a file does, in one wording: of a link in a folder read, an
output's path or an input's (`LINKS_IN_A_LOOP`)."""

LINKS_IN_A_LOOP = f"a link on this path {ROUND_IN_A_LOOP}: remove it, or give another path"
"""The one wording for a path through such a link, whatever reads or writes it."""


def line_and_column(text: str | bytes, at: int) -> tuple[int, int]:
    """The 1-based line and column of `text`'s character (or, in bytes, the character at byte
    `at`): where a file's problem is said, a claimwatch.toml's, a claim file's or a downloaded
    list's. Of bytes, the column counts the characters before `at` on its line, as an editor
    does: counted in bytes, "Montréal" put a byte that does not decode after it a column past."""
    if isinstance(text, bytes):
        begins = text.rfind(b"\n", 0, at) + 1
        # A byte order mark opening the file is no column; the bytes before `at` decode (the
        # first that does not is `at`), "replace" only for a caller placing a later byte.
        before = text[begins:at].decode("utf-8-sig" if begins == 0 else "utf-8", "replace")
        return text.count(b"\n", 0, at) + 1, len(before) + 1
    return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)


def ends_inside_a_character(e: UnicodeDecodeError) -> bool:
    """Whether UTF-8 failed (`e`) only for a character begun in the last bytes and not finished,
    as a copy or download stopped part way leaves a file: the one test of it, for every reader."""
    return e.reason == "unexpected end of data"


def cut_or_another_encoding(path: str | Path, raw: bytes, start: int) -> Problem:
    """The problem for `raw` (a file's bytes) ending in a character begun at byte `start` and not
    finished. Where it is the file's first byte past ASCII, a file of another encoding ending in
    one of its letters (Windows-1252's "é" is UTF-8's first byte of three) looks the same: it is
    said to be either, with the letters it would be. A Windows-1252 file cannot end in a byte it
    never writes ("東" cut after two bytes, E6 9D). For a claim file, a list, a claimwatch.toml."""
    if not raw[:start].isascii():
        return Problem(str(path), 0, 0, TEXT_CUT_SHORT)
    try:
        letters = raw[start:].decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90 or 0x9D: no Windows-1252 letter
        return Problem(str(path), 0, 0, TEXT_CUT_SHORT)
    line, column = line_and_column(raw, start)
    past = "its one character past ASCII" if len(letters) == 1 else "its only characters past ASCII"
    return Problem(
        str(path),
        line,
        column,
        f"not UTF-8 text: it ends in “{letters}” as Windows-1252 writes it, {past}; "
        f"{NOT_UTF8.partition('; ')[2]}, or, if it is UTF-8, it is cut short in the middle of a character "
        "(a copy or download stopped part way?)",
    )


def utf16_problem(path: str | Path, raw: bytes) -> Problem | None:
    """The problem for `raw` (a file's bytes) written in UTF-16 or UTF-32, where the file opens
    with its byte order mark or, without one, with letters of ASCII each beside a zero byte:
    None for any other bytes. Windows PowerShell 5.1's `>` and Notepad's "Unicode" save a file
    so; read as UTF-8, it was "not valid YAML: character U+0000 is not allowed in YAML" (the mark
    left off) or "not UTF-8 text", which named no encoding to look for in the editor's menu."""
    save = NOT_UTF8.partition("; ")[2]
    for mark, encoding in _WIDE_MARKS:
        if raw.startswith(mark):
            return Problem(str(path), 0, 0, f"{encoding} text (its byte order mark says so), not UTF-8; {save}")
    head = raw[:_WIDE_HEAD]
    for zeros, letters, encoding in ((head[1::2], head[0::2], "UTF-16LE"), (head[0::2], head[1::2], "UTF-16BE")):
        if len(head) >= 4 and not zeros.strip(b"\0") and b"\0" not in letters and letters.isascii():
            return Problem(
                str(path),
                0,
                0,
                f"looks like {encoding} text without its byte order mark (a zero byte beside each "
                f"letter), not UTF-8; {save}",
            )
    return None


# UTF-32's marks first: UTF-32LE's begins with UTF-16LE's.
_WIDE_MARKS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
_WIDE_HEAD = 64
"""The bytes looked at for UTF-16 without its mark: 32 letters of ASCII, each beside a zero."""


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
