"""The Markdown report: the HTML report's content, without the chart, for an issue tracker or a wiki.

Escaping is the default, as autoescaping is in HTML: every value the template prints passes
through `escape_markdown` unless it is `MarkdownText` this module made (a link, a code span).
Values lose their line breaks, so none can start a heading, a list or a quote; Markdown
metacharacters and `<` are backslash-escaped, so no raw HTML, emphasis or link syntax passes
through. Only http(s) URLs become links.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..results import Results
from .view import printable, report_view, safe_url


class MarkdownText(str):
    """Markdown this module wrote; the template prints it as it is."""


# Characters that start inline markup anywhere (emphasis, links, HTML, entities, tables, math,
# mentions) and, at the start of a value, block markup (headings, lists, quotes, setext rules).
_INLINE = re.compile(r"[\\`*_{}\[\]<>|~$&@!]")
_BLOCK_START = re.compile(r"^(?:[#+=-]|\d{1,9}(?=[.)](?:\s|$)))")
_SPACE = re.compile(r"\s+")  # line breaks fold to spaces; a space beside a highlight stays
_URL_KEEP = ":/?#@!$&*+,;=%-._~"


def escape_markdown(value: object) -> MarkdownText:
    if isinstance(value, MarkdownText):
        return value
    text = _SPACE.sub(" ", printable(str(value)))
    text = _INLINE.sub(lambda m: "\\" + m.group(0), text)
    # "#", "-", "+", "=" are escaped before themselves; a list number "1." before its dot.
    text = _BLOCK_START.sub(lambda m: m.group(0) + "\\" if m.group(0).isdigit() else "\\" + m.group(0), text)
    return MarkdownText(text)


def markdown_link(text: object, url: str | None) -> MarkdownText:
    """A link where the URL is http(s), else the text alone."""
    label = escape_markdown(text)
    target = safe_url(url)
    if not target:
        return label
    # Percent-encode what could end the destination early or open a title: ( ) < > ' and spaces.
    destination = quote(target, safe=_URL_KEEP)
    return MarkdownText(f"[{label}]({destination})")


def code_span(value: object) -> MarkdownText:
    """Inline code (paths, hashes, commands): shown literally, fenced by more backticks than it holds."""
    text = " ".join(printable(str(value)).split()).replace("|", "\\|")  # a pipe would split a table cell even here
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return MarkdownText(f"{fence}{pad}{text}{pad}{fence}")


def render_markdown(results: Results) -> str:
    return _environment().get_template("report.md.j2").render(view=report_view(results))


@functools.cache
def _environment() -> Environment:
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
    return env
