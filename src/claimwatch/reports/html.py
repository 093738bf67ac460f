"""The HTML report: one self-contained page for an editor, on screen or printed to PDF.

Inline CSS, an inline SVG chart per claim, no script and nothing fetched: a Content Security
Policy in the page forbids every load, so even a link that slipped through could not pull
anything in. Jinja2 autoescapes every value; only URLs `safe_url` accepts become links.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from ..results import ClaimResult, Results
from .chart import describe_timeline, draw_timeline, timeline
from .view import listed_from_unread, listing_end, listings_said, printable, report_view, safe_url, taken_off_unread

if TYPE_CHECKING:  # Jinja2 is imported where a report is rendered: a check writing none starts sooner
    from jinja2 import Environment


def render_html(results: Results) -> str:
    view = report_view(results)
    charts = {c.result.claim: _chart(results, c.result) for c in view.claims}
    return _environment().get_template("report.html.j2").render(view=view, charts=charts)


@dataclass(frozen=True)
class _Chart:
    svg: Markup | None
    note: str | None
    text: str | None  # the chart in words, its text alternative
    text_id: str


def _chart(results: Results, result: ClaimResult) -> _Chart:
    statement = results.statement_of(result)
    data = timeline(result, statement.made_on if statement else None)
    text_id = f"chart-{result.claim}-text"
    # matplotlib wrote this SVG and escaped every label in it: it is markup, not untrusted text.
    svg = Markup(_labelled(draw_timeline(data, result.claim), text_id)) if data else None
    undrawn = data.undrawn if data else len(result.findings)
    note = None
    if undrawn and result.findings:
        note = (
            f"{undrawn} matching {'work is' if undrawn == 1 else 'works are'} dated to no month (only to the "
            f"year, only by a day, or not at all) and {'is' if undrawn == 1 else 'are'} not drawn."
        )
    return _Chart(svg, note, describe_timeline(data) if data else None, text_id)


def _labelled(svg: str, text_id: str) -> str:
    """The SVG as one image whose accessible name is the chart's text alternative (by its id)."""
    return svg.replace("<svg ", f'<svg role="img" aria-labelledby="{escape(text_id)}" ', 1)


@functools.cache
def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("claimwatch", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_printable,
    )
    env.tests["web_url"] = lambda url: safe_url(url) is not None
    env.globals["taken_off_unread"] = taken_off_unread
    env.globals["listing_end"] = listing_end
    env.globals["listed_from_unread"] = listed_from_unread
    env.globals["listings_said"] = listings_said
    return env


def _printable(value: object) -> object:
    """Runs on every value the template prints, before autoescaping; markup made here passes as is."""
    return printable(value) if isinstance(value, str) and not isinstance(value, Markup) else value
