"""The terminal: the verdict table, and the one rich console every command draws with.

Evidence text never reaches a terminal unescaped: rich markup is escaped and control characters
(terminal escape sequences) are replaced, in the text given to a console and again in every
piece of text the console draws.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterable
from typing import IO, Any, cast

from rich.console import Console, ConsoleOptions, RenderableType
from rich.markup import escape
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from .._text import EncodableStream, TerminalStream, one_line, raw_stream, terminal_text
from ..results import VERDICT_WORDS, ClaimResult, Results, Review
from .view import capped

_STYLE = {
    "contradicted": "bold red",
    "supported": "bold green",
    "not_contradicted": "green",
    "insufficient_evidence": "yellow",
}


def safe(text: str) -> str:
    """Untrusted text made inert for a terminal: no control or bidi characters, no rich markup,
    and no line break, since every use puts it into one of the program's lines."""
    return escape(one_line(text))


class TerminalConsole(Console):
    """A rich console whose drawn text passes through `terminal_text()`: its own styles and
    control codes (colours, a progress bar's cursor moves) reach the terminal, no text does
    that the same sanitiser as every other printed line would not let through."""

    def render_str(self, text: str, **kwargs: Any) -> Text:
        # Sanitised before it is laid out too: a character made U+FFFD (zero cells to one) after
        # layout would push a full line past the width, and rich would crop its end away.
        return super().render_str(terminal_text(text), **kwargs)

    def on_broken_pipe(self) -> None:
        # rich's own answer exits 1, the exit of --fail-on matched: the command line says it.
        self.quiet = True
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))

    def render(self, renderable: RenderableType, options: ConsoleOptions | None = None) -> Iterable[Segment]:
        for segment in super().render(renderable, options):
            if segment.control:
                yield segment
            else:
                yield Segment(terminal_text(segment.text), segment.style)


def terminal_console(*, stderr: bool = False, soft_wrap: bool = False, **options: Any) -> TerminalConsole:
    """A console for stdout (or stderr) that draws on the real terminal, under the command
    line's `TerminalStream`; a pipe gets a fixed width and no colour, so the text reads the same
    in a CI log as on a wide terminal. A character the stream cannot encode prints as "?", as on
    the `TerminalStream`, where rich would end the command with a traceback."""
    given = sys.stderr if stderr else sys.stdout
    stream = raw_stream(given)
    width = None if stream.isatty() else 120
    named = given.said_as if isinstance(given, TerminalStream) else None  # a failing write names it
    file = cast(IO[str], EncodableStream(stream, named))
    return TerminalConsole(file=file, highlight=False, soft_wrap=soft_wrap, width=width, **options)


_NARROWEST_CLAIM = 12
"""The fewest columns the claim's cell folds its id into; a line narrower than the table with it
gets the verdicts one a line instead."""


def print_verdicts(results: Results, *, console: Console | None = None) -> None:
    console = console or terminal_console()
    # "set aside" is shown only where a review set a finding aside: unreviewed runs print as they always did.
    set_aside = any(r.dismissed or r.dismissed_people for r in results.results)
    counts = ("matched", "uncertain", "considered", *(["set aside"] if set_aside else []))
    verdict_width = max(len(w) for w in VERDICT_WORDS.values())
    # A count's column is as wide as its heading or its widest cell ("1234 people" is wider than
    # "considered": sized by the heading alone, the table was cropped at its right edge).
    widths = [
        max([len(heading), *(len(_count_cells(r)[k]) for r in results.results)]) for k, heading in enumerate(counts)
    ]
    # Each cell's width, a space either side, and a rule before each cell and after the last.
    narrowest = sum(w + 3 for w in (_NARROWEST_CLAIM, verdict_width, *widths)) + 1
    if console.width < narrowest:
        for r in results.results:
            console.print(_verdict_line(r, counts), overflow="fold")
    else:
        console.print(_verdict_table(results, counts, verdict_width, widths))
    # Untrusted text goes in as Text, never into markup: escaped markup shows a text ending in a
    # backslash with two ("C:\\" for "C:\"), as rich.markup.escape doubles it for a tag after it.
    for r in results.results:
        console.print(text_line((r.claim, "bold"), ": ", r.why), overflow="fold")
        for named, review in [(f.work.id, f.review) for f in r.dismissed] + [
            (p.id, p.review) for p in r.dismissed_people
        ]:
            if review is not None:
                console.print(
                    text_line("  set aside: ", named, " (", review.by, ", ", review.date, "): ", review.note),
                    overflow="fold",
                )
        for lapsed in r.lapsed_reviews:
            console.print(
                text_line(
                    "  review not applied (",
                    f"{lapsed.review.path}:{lapsed.review.line}",
                    ", ",
                    lapsed.review.names,
                    not_the_same_person(lapsed.review),
                    "): ",
                    lapsed.why,
                ),
                overflow="fold",
            )


def not_the_same_person(review: Review) -> str:
    """ ", not the same person as X, Y" for a review that says its person is not those people
    (`distinct_from`, the first `ITEMS_SHOWN`, as the other reports cap them); else "". Untrusted
    text: the caller makes it safe for its line (`text_line`, `one_line`)."""
    named = capped(tuple(review.distinct_from), "people")
    return f", not the same person as {', '.join(named)}" if named else ""


def _verdict_table(results: Results, counts: tuple[str, ...], verdict_width: int, widths: list[int]) -> Table:
    table = Table(title="claimwatch verdicts", title_justify="left", show_lines=False)
    # A claim id too long for the line folds onto the next: cropped, it left the verdict and the
    # counts no room, and rich drew them as empty cells (an 85-character id in a CI log's 120
    # columns; the shipped case's ids in a 70-column pane). The verdict and the counts keep the
    # width of their words and headings whatever the line's width.
    table.add_column("claim", overflow="fold", min_width=_NARROWEST_CLAIM)
    table.add_column("verdict", no_wrap=True, min_width=verdict_width)
    for heading, width in zip(counts, widths, strict=True):
        table.add_column(heading, justify="right", no_wrap=True, min_width=width)
    for r in results.results:
        table.add_row(
            safe(r.claim),
            f"[{_STYLE[r.verdict]}]{VERDICT_WORDS[r.verdict]}[/]",
            *_count_cells(r)[: len(counts)],
        )
    return table


def _count_cells(r: ClaimResult) -> tuple[str, str, str, str]:
    """Matched, uncertain, considered and set aside, as the table's cells say them."""
    return str(r.matched), str(r.uncertain), considered(r), str(len(r.dismissed) + len(r.dismissed_people))


def _verdict_line(r: ClaimResult, counts: tuple[str, ...]) -> Text:
    """A claim's row of the table as one line, for a terminal too narrow for the table."""
    said = "; ".join(f"{heading} {cell}" for heading, cell in zip(counts, _count_cells(r), strict=False))
    return text_line((r.claim, "bold"), ": ", (VERDICT_WORDS[r.verdict], _STYLE[r.verdict]), f" ({said})")


def text_line(*parts: str | tuple[str, str]) -> Text:
    """A line of untrusted text and styles, each piece on one line and sanitised (`one_line`)
    before rich lays it out, as `TerminalConsole.render_str` sanitises markup."""
    return Text.assemble(*((one_line(p[0]), p[1]) if isinstance(p, tuple) else one_line(p) for p in parts))


def considered(result: ClaimResult) -> str:
    """The "considered" cell: the works a claim about works was checked on, as a bare number as it
    always was; for a claim about people the persons, named as such, since its matched and
    uncertain counts are persons too."""
    n = result.people_considered
    if n is None:
        return str(result.works_considered)
    return "1 person" if n == 1 else f"{n} people"
