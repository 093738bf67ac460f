"""The Markdown report: the HTML report's content, without the chart, for an issue tracker or a wiki.

Escaping is the default, as autoescaping is in HTML: every value the template prints passes
through `escape_markdown` unless it is `MarkdownText` this module made (a link, a code span).
Values lose their line breaks, so none can start a heading, a list or a quote; Markdown
metacharacters and `<` are backslash-escaped, so no raw HTML, emphasis or link syntax passes
through. GitHub-flavoured Markdown also links bare addresses (`www.x`, `https://x`, `x@y.z`,
`mailto:x@y.z`); `_break_autolinks` splits each so its rule cannot fire, and the text reads the
same. Only http(s) URLs this module writes become links.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING
from urllib.parse import quote

from ..results import Results
from .view import listed_from_unread, listing_end, listings_said, printable, report_view, safe_url, taken_off_unread

if TYPE_CHECKING:  # Jinja2 is imported where a report is rendered: a check writing none starts sooner
    from jinja2 import Environment


class MarkdownText(str):
    """Markdown this module wrote; the template prints it as it is."""


# Characters that start inline markup anywhere (emphasis, links, HTML, entities, tables, math,
# mentions) and, at the start of a value, block markup (headings, lists, quotes, setext rules).
# CommonMark lets a block marker stand after up to three spaces, and a value keeps its leading
# space (a highlight's context reads " after"), so the marker is looked for after them too.
_INLINE = re.compile(r"[\\`*_{}\[\]<>|~$&@!]")
_BLOCK_START = re.compile(r"^( {0,3})([#+=-]|\d{1,9}(?=[.)](?:\s|$)))")
_SPACE = re.compile(r"\s+")  # line breaks fold to spaces; a space beside a highlight stays
_URL_KEEP = ":/?#@!$&*+,;=%-._~"
# GFM's autolink extension links `www.` and `http(s)://`/`ftp://` where the parser meets them in
# the source, so an escaped "." or ":" stops it; it finds e-mail addresses (with `mailto:` or
# `xmpp:` before them) in the rendered text, where `\@` and `&#64;` are plain "@" again, so only
# a character that no address holds stops it: an invisible word joiner before the "@".
_WWW_DOT = re.compile(r"(?i)(www)\.")
_SCHEME_COLON = re.compile(r":(?=/)")
_WORD_JOINER = "&#8288;"
# A pipe in a code span is escaped in a table cell (or it would split the cell) and not elsewhere
# (a code span shows the backslash); which a span is in is known once its line is written, so
# `code_span` writes this stand-in (a private-use character, made U+FFFD in any value that holds
# one) and `render_markdown` settles it.
_CODE_PIPE = "\ue000"


def escape_markdown(value: object) -> MarkdownText:
    if isinstance(value, MarkdownText):
        return value
    return MarkdownText(_break_autolinks(_escape_markup(value)))


def _escape_markup(value: object) -> str:
    """The value with no Markdown syntax left in it but GFM's bare-address autolinks."""
    text = _SPACE.sub(" ", _printable(value))
    text = _INLINE.sub(lambda m: "\\" + m.group(0), text)
    return _BLOCK_START.sub(_escape_block_marker, text)


def _escape_block_marker(match: re.Match[str]) -> str:
    """The marker made text: "#", "-", "+", "=" escaped before themselves, a list number before its dot."""
    indent, marker = match.groups()
    return indent + (marker + "\\" if marker.isdigit() else "\\" + marker)


def _break_autolinks(escaped: str) -> str:
    """Escaped text in which no bare address (www., scheme://, e-mail) can become a link."""
    text = _WWW_DOT.sub(r"\1\\.", escaped)
    text = _SCHEME_COLON.sub(r"\\:", text)
    return text.replace("\\@", _WORD_JOINER + "\\@")  # every "@" is "\@" by now


def markdown_link(text: object, url: str | None) -> MarkdownText:
    """A link where the URL is http(s), else the text alone."""
    target = safe_url(url)
    if not target:
        return escape_markdown(text)
    # No autolink forms inside a link's text, so a label such as the report's URL stays as it is.
    label = text if isinstance(text, MarkdownText) else _escape_markup(text)
    # Percent-encode what could end the destination early or open a title: ( ) < > ' and spaces.
    destination = quote(target, safe=_URL_KEEP)
    return MarkdownText(f"[{label}]({destination})")


def code_span(value: object) -> MarkdownText:
    """Inline code (paths, hashes, commands): shown literally, fenced by more backticks than it
    holds; a pipe in it written as `_CODE_PIPE`, which `render_markdown` settles line by line."""
    # Runs of spaces kept (a code span shows them as written: a command re-run from it must get
    # its arguments back); a line break, which would end a table row, is one space.
    text = _LINE_BREAKS.sub(" ", _printable(value)).replace("|", _CODE_PIPE)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    # CommonMark strips one space from each end where both have one: a space for each end then.
    edged = text.startswith(("`", " ")) or text.endswith(("`", " "))
    pad = " " if edged and text.strip(" ") else ""
    return MarkdownText(f"{fence}{pad}{text}{pad}{fence}")


_LINE_BREAKS = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
"""What `str.splitlines` breaks a line at."""


def _printable(value: object) -> str:
    """`printable()`, and no `_CODE_PIPE` of the value's own: only `code_span` writes one."""
    return printable(str(value)).replace(_CODE_PIPE, "\ufffd")


def render_markdown(results: Results) -> str:
    text = _environment().get_template("report.md.j2").render(view=report_view(results))
    if _CODE_PIPE not in text:
        return text
    return "".join(_settle_pipes(line) for line in text.splitlines(keepends=True))


def _settle_pipes(line: str) -> str:
    """A code span's pipes in a line of the report: escaped in a table row, where GFM splits the
    cells before it reads code spans (and reads `\\|` as a pipe of the cell's text), and as
    written elsewhere, where a code span shows a backslash as it is. Every table row the
    template writes starts with a pipe, and no other line does (a value's is escaped)."""
    return line.replace(_CODE_PIPE, "\\|" if line.startswith("|") else "|")


@functools.cache
def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("claimwatch", "templates"),
        autoescape=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=lambda v: "" if v is None else escape_markdown(v),
    )
    env.filters["link"] = markdown_link
    env.filters["code"] = code_span
    # A macro's output was escaped piece by piece inside the macro; this marks it as Markdown.
    env.filters["rendered"] = MarkdownText
    env.tests["web_url"] = lambda url: safe_url(url) is not None
    env.globals["taken_off_unread"] = taken_off_unread
    env.globals["listing_end"] = listing_end
    env.globals["listed_from_unread"] = listed_from_unread
    env.globals["listings_said"] = listings_said
    return env
