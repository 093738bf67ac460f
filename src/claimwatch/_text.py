"""Untrusted text (from evidence, claim files, list files, servers) made safe to show.

One rule for every place such text is shown: reports, the terminal, feature failures.
`printable()` is that rule; `terminal_text()` adds what only a terminal needs, and
`TerminalStream` applies it to every line the command line prints, and `one_line()` keeps an
item of a listing on its own line.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator, Sequence
from typing import IO, Any

# C0 controls but tab and newline (a lone carriage return can overwrite a terminal line), DEL,
# C1 controls (ESC-less terminal sequences), the bidi embeddings, overrides and isolates that
# reorder what a reader sees, and the tag characters, which show nothing but spell out ASCII a
# program reading the text sees: an instruction hidden from the reader.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\U000e0000-\U000e007f]")

# Invisible characters that can hide or disguise text on a terminal: zero-width space, word
# joiner and invisible operators, the byte order mark, and the line and paragraph separators
# some terminals break lines at. Zero-width (non-)joiners stay (Persian and Hindi need them),
# and so do the left-to-right, right-to-left and Arabic letter marks, which Arabic and Hebrew
# names carry and which reorder nothing beyond a neutral character next to them.
_INVISIBLE = re.compile(r"[\u200b\u2028\u2029\u2060-\u2064\ufeff]")

# The soft hyphen hides nothing, yet terminals draw it as a hyphen or as nothing, and rich counts
# it one cell either way. OpenAlex names carry it ("Insti\u00adtute"), so a U+FFFD would make them
# hard to read: it is dropped, and the name reads as the matching reads it (`works.INVISIBLE`).
_SOFT_HYPHEN = "\u00ad"


def listed_in_a_sentence(items: Sequence[str]) -> str:
    """Items as a sentence lists them: 'a', 'a, and b', 'a, b, and c'."""
    return ", ".join(items[:-1]) + f", and {items[-1]}" if len(items) > 1 else "".join(items)


def printable(text: str) -> str:
    """`text` with every control, bidi-override and tag character replaced by U+FFFD; Windows line
    ends (CRLF) are kept as plain newlines first, so only a stray carriage return is replaced."""
    return _CONTROL.sub("\ufffd", text.replace("\r\n", "\n"))


def terminal_text(text: str) -> str:
    """`text` as a terminal may show it: `printable()`, invisible characters replaced too, and
    soft hyphens dropped. Escape sequences (OSC 8 links, clear-screen, colours, the one-byte CSI)
    lose their ESC or CSI, so what is left is inert text a reader can see."""
    return _INVISIBLE.sub("\ufffd", printable(text)).replace(_SOFT_HYPHEN, "")


def one_line(text: str) -> str:
    """`terminal_text(text)` with its line breaks folded into spaces, for untrusted text put into
    a line the program prints (a finding, a review note, a list entry): the sanitiser must let
    line breaks through for the program's own lines, so a title holding one would otherwise print
    what looks like another finding. Every other line separator (\\r, \\v, \\f, \\x85, \\u2028,
    \\u2029) is already a visible U+FFFD."""
    return " ".join(terminal_text(text).splitlines())


def is_plain(text: str) -> bool:
    """Whether `terminal_text()` would leave `text` as it is: no control, bidi, tag or invisible
    character, and no soft hyphen (a URL holding one is not the address it shows)."""
    return _UNSAFE.search(text) is None


def terminal_json(text: str) -> str:
    """JSON text with every character `terminal_text()` would replace or drop written as its
    `\\uXXXX` escape instead (a pair of them beyond U+FFFF): the same data for a program reading
    it, inert on a terminal. (Outside its strings JSON holds only ASCII punctuation and
    whitespace, so only strings change.)"""
    return _UNSAFE.sub(lambda m: json.dumps(m.group())[1:-1], text)


def json_for_stream(text: str, encoding: str | None) -> str:
    """JSON text written for a stream of `encoding`: each character the encoding lacks as its
    `\\uXXXX` escape, where the stream would write "?" for it (`PYTHONIOENCODING=ascii`: "Zürich"
    came out "Z?rich", the data lost). The same data for a program reading it."""
    if not encoding:
        return text
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return "".join(c if _encodable(c, encoding) else json.dumps(c)[1:-1] for c in text)
    return text


def _encodable(c: str, encoding: str) -> bool:
    try:
        c.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


_UNSAFE = re.compile(f"{_CONTROL.pattern}|{_INVISIBLE.pattern}|{_SOFT_HYPHEN}")


class EncodableStream:
    """A text stream that writes each character its encoding lacks as that encoding's
    replacement ("?" in ASCII) rather than failing the whole write: a stream that cannot carry
    U+FFFD or the text (`PYTHONIOENCODING=ascii`) still prints every line."""

    def __init__(self, raw: IO[str], name: str | None = None):
        self.raw = raw
        self.said_as = name  # "the standard output": what a failing write names (a full disk's)

    def write(self, text: str) -> int:
        with self._named_failure():
            try:
                self.raw.write(text)
            except UnicodeEncodeError:  # a text stream encodes the whole string first: nothing was written
                encoding = getattr(self.raw, "encoding", None) or "ascii"
                self.raw.write(text.encode(encoding, "replace").decode(encoding))
        return len(text)

    def flush(self) -> None:
        with self._named_failure():
            self.raw.flush()

    @contextlib.contextmanager
    def _named_failure(self) -> Iterator[None]:
        """A write failing (`> /dev/full`, a full disk, a quota) named: the system's words alone,
        "No space left on device", name no file, and the output is none the user gave a name.
        A reader gone (BrokenPipeError) is left as it is: the command answers that in silence."""
        try:
            yield
        except BrokenPipeError:
            raise
        except OSError as e:
            if self.said_as is None or e.filename is not None:
                raise
            raise OSError(e.errno, f"cannot print to {self.said_as}: {e.strerror or e}") from e

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:  # flush, encoding, fileno, isatty, ... of the stream underneath
        return getattr(self.raw, name)


class TerminalStream(EncodableStream):
    """A text stream that passes everything written to it through `terminal_text()`.

    The command line writes through it (see `claimwatch.cli`), so no command can print an
    escape sequence from a claim, a list, a manifest or a server's answer. It says it is not a
    terminal: whatever draws on a terminal (colours, a progress bar) must write to the stream
    underneath itself (`raw_stream`) and make its own text safe.
    """

    def write(self, text: str) -> int:
        super().write(terminal_text(text))
        return len(text)

    def isatty(self) -> bool:
        return False

    # click writes bytes to a stream's `buffer`; there is none here, so it writes text.
    buffer = None


def raw_stream(stream: IO[str] | TerminalStream) -> IO[str]:
    """The stream underneath a `TerminalStream`, or `stream` itself."""
    return stream.raw if isinstance(stream, TerminalStream) else stream
