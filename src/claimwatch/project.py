"""A case: the folder a `claimwatch.toml` marks, found upward from where a command runs (as git
and pytest find theirs), and the settings it holds for every run (report metadata, the reviewer).
"""

from __future__ import annotations

import codecs
import os
import re
import tomllib
from pathlib import Path
from typing import Any

from ._text import printable
from .errors import (
    NOT_UTF8,
    InputError,
    Problem,
    cut_or_another_encoding,
    ends_inside_a_character,
    line_and_column,
    utf16_problem,
)

__all__ = ["CONFIG_KEYS", "CONFIG_NAME", "case_config", "case_settings", "find_root", "setting_problem"]

CONFIG_NAME = "claimwatch.toml"


def find_root(start: Path | None = None) -> Path | None:
    """The nearest folder holding claimwatch.toml, from `start` (default: the working directory)
    upward, as git and pytest find theirs; None when there is none. A claimwatch.toml that is not
    valid TOML is an InputError naming its line."""
    config = case_config(start or Path.cwd())
    if config is None:
        return None
    _check_config(config)
    return config.parent


def case_config(start: str | Path) -> Path | None:
    """The claimwatch.toml of the case `start` (a folder or a file) lies in: the nearest one from
    there upward, not read; None when there is none."""
    here = Path(start).resolve()
    for folder in (here, *here.parents):
        config = folder / CONFIG_NAME
        if config.is_file():
            return config
        if os.path.lexists(config):
            raise InputError(_no_file_to_read(config), path=config)
    return None


def _no_file_to_read(config: Path) -> str:
    """Why a claimwatch.toml that is there is no file to read. Passed over, the case's root
    would be sought further up (another case's, or none) and its [report] and [review]
    settings dropped from every report in silence."""
    if config.is_symlink() and not config.exists():
        return f"a link to {printable(os.readlink(config))}, which is not there: restore it, or remove the link"
    return "is a folder or another kind of file, not a regular file: the case's settings cannot be read"


CONFIG_MAX_BYTES = 8 * 1024 * 1024
"""The most of a claimwatch.toml claimwatch reads: a file written by hand, as a claim file is,
so the same limit (`documents.MAX_BYTES`, a layer this one may not import)."""


def _check_config(config: Path) -> dict[str, Any]:
    text = _config_text(config)
    data = _parsed_config(config, text)
    _check_settings(config, text, data)
    return data


def _config_text(config: Path) -> str:
    raw = _config_bytes(config)
    if wide := utf16_problem(config, raw):
        raise InputError(wide)
    try:
        # utf-8-sig reads past a byte order mark, as Windows PowerShell 5.1's `Out-File -Encoding
        # utf8` writes one, as every other file of a case is read.
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(_undecodable(config, raw, e)) from None


def _parsed_config(config: Path, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise InputError(_toml_problem(config, text, str(e))) from None
    except RecursionError:  # tomllib recurses into each nested array or inline table
        raise InputError(_nested_too_deeply(config, text)) from None
    except ValueError:  # Python's limit on the digits of an int, which tomllib does not catch
        raise InputError(_number_too_long(config, text)) from None


_TOML_PLACE = re.compile(r" \(at line (\d+), column (\d+)\)$")
_TOML_END = " (at end of document)"


def _toml_problem(config: Path, text: str, said: str) -> Problem:
    """tomllib's error `said` at its place in the form every other file's problem takes
    ("claimwatch.toml:2:8: ..."), where its own "(at line 2, column 8)" trailed the message.
    Python 3.11's TOMLDecodeError holds the place only in its text; its line and column count
    characters, as a claim file's do."""
    if match := _TOML_PLACE.search(said):
        line, column = int(match[1]), int(match[2])
        return Problem(str(config), line, column, f"not valid TOML: {said[: match.start()]}")
    if said.endswith(_TOML_END):
        # The end of the last line: a file ending in a line break (as editors save one, "\r\n" too) was
        # placed at a line past its last, which no editor's jump reaches.
        line, column = line_and_column(text, len(text.removesuffix("\n").removesuffix("\r")))
        return Problem(
            str(config), line, column, f"not valid TOML: {said.removesuffix(_TOML_END)}, at the end of the file"
        )
    return Problem(str(config), 0, 0, f"not valid TOML: {said}")


def _undecodable(config: Path, raw: bytes, e: UnicodeDecodeError) -> Problem:
    """The file's bytes failing to decode at byte `e.start` (past a byte order mark), said at its
    line and column in the words every other file is (`NOT_UTF8`), where "not UTF-8; save it as
    UTF-8", naming no place, sent the analyst through the whole file for an "é" in Windows-1252.
    Bytes ending inside a character are said cut short (or another encoding's last letter) by
    the rule a claim file's are, where "not UTF-8 text" sent the analyst to re-save the file."""
    start = e.start + (len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0)
    if ends_inside_a_character(e):
        return cut_or_another_encoding(config, raw, start)
    return Problem(str(config), *line_and_column(raw, start), NOT_UTF8)


def _config_bytes(config: Path) -> bytes:
    """The file's bytes, refusing one past CONFIG_MAX_BYTES before reading it (tomllib took
    three seconds over 100 MB, and every command reads the file), in the words every other
    input's limit is told in."""
    try:
        with config.open("rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > CONFIG_MAX_BYTES:
                raise InputError(f"file is {size:,} bytes; the limit is {CONFIG_MAX_BYTES:,}", path=config)
            raw = f.read(CONFIG_MAX_BYTES + 1)  # one byte past the limit: the file may grow as it is read
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", path=config) from None
    if len(raw) > CONFIG_MAX_BYTES:
        raise InputError(f"more than {CONFIG_MAX_BYTES:,} bytes; the limit is {CONFIG_MAX_BYTES:,}", path=config)
    return raw


def _number_too_long(config: Path, text: str) -> Problem:
    """Where a number of more digits than Python converts is, and why it is refused, at its line
    and column as every other problem of the file (it was "... (at line 6)", in a form of its
    own): the number's first digit before where tomllib stops on it (`_where_tomllib_stops`)."""
    line, end, cut = _where_tomllib_stops(text, ValueError)
    start = end
    while start > 0 and (cut[start - 1].isdigit() or cut[start - 1] == "_"):
        start -= 1
    return Problem(str(config), line, start + 1, "not valid TOML: a number of more digits than claimwatch reads")


def _nested_too_deeply(config: Path, text: str) -> Problem:
    """Where tomllib, recursing into each nested array or inline table, goes deeper than Python
    lets it: said at the line and column of the run of brackets it stops in (it was the file
    alone, no place, in a file of up to 8 MiB)."""
    line, end, cut = _where_tomllib_stops(text, RecursionError)
    # The run of brackets it stops in, from its first: where it stops hangs on Python's stack
    # (in a nest of inline tables, "{a = {a = ...", keys part the run: said where it stops).
    start = end
    while start > 0 and cut[start - 1] in "[{":
        start -= 1
    return Problem(str(config), line, start + 1, "not valid TOML: nested too deeply")


def _where_tomllib_stops(text: str, error: type[Exception]) -> tuple[int, int, str]:
    """The line where tomllib, reading `text`, first stops with `error` (a ValueError of a long
    number, a RecursionError), the characters of that line it reads to stop so, and the line.
    The line is the first whose text up to it tomllib stops on so: a search of the text for a
    run of digits or brackets would find one in a string (an id, a title) first, or none. Cut
    before that place, the text parses or ends inside a value: a TOMLDecodeError."""
    lines = text.split("\n")  # tomllib counts lines by "\n" alone
    low, high = 1, len(lines)
    while low < high:
        middle = (low + high) // 2
        if _stops_with(error, "\n".join(lines[:middle])):
            high = middle
        else:
            low = middle + 1
    before, line = "".join(f"{kept}\n" for kept in lines[: low - 1]), lines[low - 1]
    end, high = 1, len(line)
    while end < high:
        middle = (end + high) // 2
        if _stops_with(error, before + line[:middle]):
            high = middle
        else:
            end = middle + 1
    return low, end, line


def _stops_with(error: type[Exception], text: str) -> bool:
    """Whether tomllib, reading `text`, stops with `error` (and not a TOMLDecodeError, itself a
    ValueError)."""
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return False
    except (RecursionError, ValueError) as e:
        return isinstance(e, error)
    return False


# What a case's claimwatch.toml may set once for every run, by table: the key, and what it is.
CONFIG_KEYS = {
    "case": {"name": "the case's name"},
    "report": {
        "title": "the report's title",
        "author": "who writes the reports",
        "publisher": "who publishes them",
        "publisher_url": "the publisher's home page",
        "url": "where the report is published",
    },
    "review": {"by": "the name reviews are recorded under"},
}


def case_settings(root: str | Path, table: str) -> dict[str, str]:
    """One table of the case's claimwatch.toml (`report`, `review`), where the case has one:
    every key known and every value text, or an InputError naming the file, the key and its
    place (tomllib gives the place of no key: `_place_of` finds it)."""
    config = Path(root) / CONFIG_NAME
    if not config.is_file():
        return {}
    return dict(_check_config(config).get(table, {}))


def _check_settings(config: Path, text: str, data: dict[str, Any]) -> None:
    """Every table and key of the file known and every value text, whichever table the command
    reads: a key misspelt in a table another command reads ("nmae" in [case], "bby" in [review]
    met by `check`) was passed over in silence, the setting lost, until that command ran."""
    for name, value in data.items():
        if name not in CONFIG_KEYS or not isinstance(value, dict):
            known = ", ".join(f"[{t}]" for t in CONFIG_KEYS)
            raise InputError(
                _config_problem(config, text, (name,), f"unknown setting '{name}' (known tables: {known})")
            )
        for key, setting in value.items():
            if key not in CONFIG_KEYS[name]:
                known = ", ".join(CONFIG_KEYS[name])
                raise InputError(
                    _config_problem(config, text, (name, key), f"unknown key '{key}' in [{name}] (known: {known})")
                )
            if not isinstance(setting, str) or not setting.strip():
                raise InputError(
                    _config_problem(config, text, (name, key), f"[{name}] {key} must be a non-empty string")
                )


def setting_problem(root: str | Path, table: str, key: str, message: str) -> Problem:
    """What is wrong (`message`) with the setting `key` of `table` in the case's claimwatch.toml,
    at its line and column, as every other file's problem is said."""
    config = Path(root) / CONFIG_NAME
    return _config_problem(config, _config_text(config), (table, key), message)


def _config_problem(config: Path, text: str, keys: tuple[str, ...], message: str) -> Problem:
    return Problem(str(config), *_place_of(text, keys), message)


_TABLE_HEADER = re.compile(r"\[\s*([A-Za-z0-9_-]+)\s*[.\]]")
_KEY_BEGUN = re.compile(r"([A-Za-z0-9_-]+)\s*[=.]")


def _place_of(text: str, keys: tuple[str, ...]) -> tuple[int, int]:
    """The line and column where the setting `keys` (a table's name, or a table's and a key's)
    is written: its table's header, or a line beginning with its key under the table's header
    (`table.key = ...` too); (0, 0) where it is written no way read here (quoted, in
    an inline table). A line is taken only where the text before it parses without the setting
    and the text through it sets it (or goes on in its value): a line of a string of several
    lines that looks like a key is not one, nor, after a string holding a line like "[report]",
    the next table's key. Which table a line is under is left to that test too: a header read
    from a line of a string ("[report]") would hide the key of the table it lies in."""
    lines = text.split("\n")  # tomllib counts lines by "\n" alone
    for number, line in enumerate(lines, 1):
        stripped = line.lstrip()
        column = len(line) - len(stripped) + 1
        if header := _TABLE_HEADER.match(stripped):
            found = (header[1],) == keys
        elif key := _KEY_BEGUN.match(stripped):
            found = key[1] == keys[-1] or (len(keys) == 2 and _dotted(stripped, keys))
        else:
            continue
        if found and not _set_in(lines[: number - 1], keys) and _set_in(lines[:number], keys):
            return number, column
    return 0, 0


def _dotted(line: str, keys: tuple[str, ...]) -> bool:
    return re.match(rf"{re.escape(keys[0])}\s*\.\s*{re.escape(keys[1])}\s*=", line) is not None


def _set_in(lines: list[str], keys: tuple[str, ...]) -> bool:
    """Whether the text of `lines` sets `keys`, or is not TOML that ends there (cut inside a
    value): either way the line after it does not begin the setting. Each line is given its
    "\n" back: the last line of a file saved with CRLF (Notepad's) ends in "\r", alone not TOML."""
    try:
        data: Any = tomllib.loads("".join(f"{line}\n" for line in lines))
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        return True
    for key in keys:
        if not isinstance(data, dict) or key not in data:
            return False
        data = data[key]
    return True
