"""The HTML report's timeline: matching works per month, by partner institution, as inline SVG,
with the statement's date, the claim's period and, for "at least" and "at most" claims, the
number the claim names against a running total.

Drawn with matplotlib's object API (no pyplot, no global figure state) from matplotlib's default
style, with a fixed font, a fixed SVG hash salt and no date in the metadata: the same results
give byte-identical SVG. Text stays text in the SVG (svg.fonttype "none") so it is searchable,
and matplotlib's SVG writer escapes it; labels are never parsed as mathtext. `describe_timeline`
says in words what the chart shows, for readers who cannot see it.
"""

from __future__ import annotations

import calendar
import io
import re
import warnings
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, cast

from ..results import AffiliationReason, ClaimResult, Finding, Period
from .view import printable

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#8C6D31", "#999999")
"""Okabe-Ito colours, readable by colour-blind readers and in greyscale print; the last is 'other'."""

MAX_SERIES = len(PALETTE) - 1
LABEL_LIMIT = 70
NO_PARTNER = "no listed partner"


@dataclass(frozen=True)
class Timeline:
    """Counts per month (YYYY-MM) per series; a work counts once, under the set of its partners."""

    months: tuple[str, ...]
    series: tuple[tuple[str, tuple[int, ...]], ...]
    undrawn: int  # matching works dated to no month (a year alone, "by" a day, none), which no month can hold
    by_partner: bool  # the claim names lists, so series are partner institutions
    made_on: str | None = None  # the day the statement was made
    period_from: str | None = None
    period_to: str | None = None  # the period's end, or the day an open-ended one was assessed to
    open_ended: bool = False  # the claim states no end: period_to, if any, is the report's cut-off
    threshold: tuple[str, int] | None = None  # ("at_least", 10): the number an at_least/at_most claim names

    @property
    def drawn(self) -> int:
        return sum(sum(counts) for _, counts in self.series)

    @property
    def running_total(self) -> tuple[int, ...]:
        """Drawn works up to and including each month."""
        return tuple(accumulate(sum(month) for month in zip(*(counts for _, counts in self.series), strict=True)))


def timeline(result: ClaimResult, made_on: str | None = None) -> Timeline | None:
    """The monthly counts for a claim's matching works, with the statement's date (`made_on`), the
    claim's period and its threshold; None when no matching work has a month."""
    by_partner = bool(result.interpretation and result.interpretation.lists)
    dated = [
        (f.work.publication_date[:7], _series_label(f, by_partner))
        for f in result.findings
        if f.work.publication_date and _MONTH.match(f.work.publication_date)
    ]
    undrawn = len(result.findings) - len(dated)
    if not dated:
        return None
    months = _month_range(min(m for m, _ in dated), max(m for m, _ in dated), result.period, made_on)
    per_label = Counter(label for _, label in dated)
    # Largest series first (ties by name), so colours and legend order are stable.
    ranked = sorted(per_label, key=lambda lab: (-per_label[lab], lab))
    kept, rest = ranked[:MAX_SERIES], set(ranked[MAX_SERIES:])
    if rest:
        kept.append(f"{len(rest)} other combinations")
    counts = {label: [0] * len(months) for label in kept}
    index = {m: i for i, m in enumerate(months)}
    for month, label in dated:
        counts[kept[-1] if label in rest else label][index[month]] += 1
    expects = result.expects
    return Timeline(
        months=months,
        series=tuple((lab, tuple(counts[lab])) for lab in kept),
        undrawn=undrawn,
        by_partner=by_partner,
        made_on=made_on,
        period_from=result.period.from_,
        period_to=result.period.to or result.period.assessed_to,
        open_ended=result.period.to is None,
        threshold=(expects.kind, expects.count) if expects.kind in ("at_least", "at_most") else None,
    )


# A date that gives its month first: "2024-03-14", "2024-03", "2024-01-01 to 2024-01-05". Not
# "by 2025-04-01" (a version dated after its record was current: any day up to it), nor a year.
_MONTH = re.compile(r"\d{4}-\d{2}(?!\d)")


def _series_label(f: Finding, by_partner: bool) -> str:
    """The partner institutions on the work (by their list entry's name), or one series for all."""
    partners = sorted({r.entry.name for r in f.reasons if isinstance(r, AffiliationReason) and r.entry is not None})
    if partners:
        return " + ".join(partners)
    return NO_PARTNER if by_partner else "matching works"


# How far past its works the axis widens to the claim's period and the statement's month: a
# period from 0001-01-10 (a typo that no rule can tell from a claim about old works) drew 24,000
# months, a 6 MB report that took 36 s. Beyond it, the period runs off the chart's edge and says so.
MAX_WIDENING = 120  # months


def _month_range(first: str, last: str, period: Period, made_on: str | None = None) -> tuple[str, ...]:
    """Every month from the claim's start (or the first work) to its end (or the last work),
    widened to the statement's month, at most MAX_WIDENING months past the works either way."""
    start = min(first, (period.from_ or first)[:7], (made_on or first)[:7])
    end = max(last, (period.to or period.assessed_to or last)[:7], (made_on or last)[:7])
    start, end = max(start, _shifted(first, -MAX_WIDENING)), min(end, _shifted(last, MAX_WIDENING))
    year, month = int(start[:4]), int(start[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= end:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(out)


def _shifted(month: str, by: int) -> str:
    """The month (YYYY-MM) `by` months later (earlier where negative), within years 1 to 9999."""
    n = min(max(int(month[:4]) * 12 + int(month[5:7]) - 1 + by, 12), 9999 * 12 + 11)
    return f"{n // 12:04d}-{n % 12 + 1:02d}"


def _on_chart(day: str | None, months: tuple[str, ...]) -> bool:
    return day is not None and months[0] <= day[:7] <= months[-1]


def timeline_svg(result: ClaimResult, made_on: str | None = None) -> str | None:
    """The chart as an <svg> element ready to inline in HTML; None when there is nothing to draw."""
    data = timeline(result, made_on)
    return draw_timeline(data, result.claim) if data else None


THRESHOLD_WORDS = {"at_least": "at least", "at_most": "at most"}


def describe_timeline(data: Timeline) -> str:
    """What the chart shows, in words: its text alternative."""
    busy = [
        (month, [(label, counts[i]) for label, counts in data.series if counts[i]])
        for i, month in enumerate(data.months)
    ]
    per_month = "; ".join(
        f"{month}: {sum(n for _, n in parts)}"
        + (f" ({', '.join(f'{_short(label)} {n}' for label, n in parts)})" if data.by_partner else "")
        for month, parts in busy
        if parts
    )
    sentences = [f"Matching works per month, {data.months[0]} to {data.months[-1]}: {per_month}."]
    if data.made_on:
        sentences.append(f"The statement was made on {data.made_on}.")
    sentences.append(f"The claim's period: {_period_words(data)}.")
    if data.threshold:
        kind, count = data.threshold
        sentences.append(
            f"The claim says {THRESHOLD_WORDS[kind]} {count} {_works(count)}; "
            f"the running total of the works drawn reaches {data.drawn}."
        )
    if data.undrawn:
        sentences.append(
            f"{data.undrawn} more {_works(data.undrawn)} dated to no month (only to the year, only by a day, "
            "or not at all), not drawn."
        )
    return " ".join(sentences)


def _period_words(data: Timeline) -> str:
    start = f"from {data.period_from}" if data.period_from else "from any time"
    if not data.open_ended:
        return f"{data.period_from} to {data.period_to}" if data.period_from else f"up to {data.period_to}"
    if data.period_to:
        return f"{start}, open-ended, assessed to {data.period_to} (the cut-off)"
    return f"{start}, open-ended (no cut-off recorded)"


def _works(n: int) -> str:
    return "work" if n == 1 else "works"


def _x(day: str, months: tuple[str, ...], *, end: bool = False) -> float:
    """Where a day falls on the month axis: month i spans i - 0.5 to i + 0.5; `end` puts it at
    the day's end, for the last day of a period."""
    if day[:7] < months[0]:  # before the chart (`MAX_WIDENING`): at its left edge
        return -0.6
    if day[:7] > months[-1]:
        return len(months) - 0.4
    i = months.index(day[:7])
    if len(day) < 10:
        return i + (0.5 if end else -0.5)
    length = calendar.monthrange(int(day[:4]), int(day[5:7]))[1]
    return i - 0.5 + (int(day[8:10]) - (0 if end else 1)) / length


def draw_timeline(data: Timeline, claim_id: str) -> str:
    """Stacked monthly bars, one colour per series; the claim id salts the SVG's internal ids."""
    salt = f"claimwatch:{claim_id}"
    import matplotlib.style
    from matplotlib import rc_context
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    rc = {
        "svg.hashsalt": salt,  # fixed ids; per chart, so two charts on one page never share one
        "svg.fonttype": "none",
        "font.family": "DejaVu Sans",  # ships with matplotlib, so layout is the same everywhere
        "font.size": 8.5,
        "text.parse_math": False,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.edgecolor": "#666666",
        "xtick.color": "#444444",
        "ytick.color": "#444444",
        "axes.grid": True,
        "axes.grid.axis": "y",
        "grid.color": "#dddddd",
        "grid.linewidth": 0.6,
    }
    with matplotlib.style.context("default"), rc_context(cast(Any, rc)), warnings.catch_warnings():
        # A name in a script DejaVu Sans lacks (e.g. Chinese) only changes the measured width;
        # the browser draws the text with its own fonts.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font", category=UserWarning)
        n = len(data.months)
        fig = Figure(figsize=(7.6, 2.7 + 0.2 * len(data.series)), layout="constrained")
        ax = fig.add_subplot()
        ax.set_axisbelow(True)
        bottom = [0] * n
        handles, labels = [], []
        for i, (label, counts) in enumerate(data.series):
            colour = PALETTE[i]  # "other", when present, is series MAX_SERIES: the palette's grey
            ax.bar(range(n), counts, bottom=bottom, color=colour, width=0.8, linewidth=0)
            bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
            handles.append(Patch(facecolor=colour))
            labels.append(_short(label))
        marks, mark_labels = _draw_marks(ax, data, f"chart-{claim_id}")
        top = max(
            [*bottom, *(data.running_total if data.threshold else ()), data.threshold[1] if data.threshold else 0]
        )
        step = max(1, -(-n // 12))
        ax.set_xticks(
            range(0, n, step),
            [data.months[i] for i in range(0, n, step)],
            rotation=45 if n > 6 else 0,
            ha="right" if n > 6 else "center",
        )
        ax.set_xlim(-0.6, n - 0.4)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylim(0, top * 1.15 + 0.5)
        ax.set_ylabel("matching works" + (" (bars: per month)" if data.threshold else ""))
        # Explicit labels: matplotlib would drop a label starting with "_" if it collected them itself.
        fig.legend(marks, mark_labels, loc="outside upper left", frameon=False, ncols=len(marks))
        if data.by_partner:
            fig.legend(
                handles,
                labels,
                loc="outside lower left",
                frameon=False,
                ncols=1,
                title="partner institutions on the work",
                alignment="left",
            )
        out = io.StringIO()
        fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    return _inline(out.getvalue(), f"chart-{claim_id}-")


INK = "#1c2330"
PERIOD_COLOUR = "#0072B2"
THRESHOLD_COLOUR = "#B42318"


def _draw_marks(ax: Any, data: Timeline, gid: str) -> tuple[list[Any], list[str]]:
    """The claim's period (shaded), the statement's date (a dashed line) and, for a claim that
    names a number, that number (a dotted line) against the running total of works (a step
    line). Each mark has an id of its own (`gid`, unique per chart) and a legend entry."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    n = len(data.months)
    start = _x(data.period_from, data.months) if data.period_from else -0.6
    end = _x(data.period_to, data.months, end=True) if data.period_to else n - 0.4
    ax.axvspan(start, end, color=PERIOD_COLOUR, alpha=0.08, linewidth=0, zorder=0, gid=f"{gid}-period")
    handles: list[Any] = [Patch(facecolor=PERIOD_COLOUR, alpha=0.15)]
    notes = [("open-ended, to the cut-off" if data.period_to else "open-ended")] if data.open_ended else []
    beyond = [
        f"{what} {day}"
        for what, day in (("from", data.period_from), ("to", data.period_to))
        if day and not _on_chart(day, data.months)
    ]
    if beyond:  # past MAX_WIDENING: shaded to the chart's edge, and said
        notes.append(f"{', '.join(beyond)}, past the chart's edge")
    labels = ["claim's period" + (f" ({'; '.join(notes)})" if notes else "")]
    if data.made_on and not _on_chart(data.made_on, data.months):
        handles.append(Line2D([], [], color=INK, linestyle="--", linewidth=1.2))
        labels.append(f"statement, {data.made_on} (off the chart)")
    elif data.made_on:
        ax.axvline(_x(data.made_on, data.months), color=INK, linestyle="--", linewidth=1.2, gid=f"{gid}-statement")
        handles.append(Line2D([], [], color=INK, linestyle="--", linewidth=1.2))
        labels.append(f"statement, {data.made_on}")
    if data.threshold:
        kind, count = data.threshold
        ax.step(range(n), data.running_total, where="mid", color=INK, linewidth=1.3, gid=f"{gid}-running-total")
        ax.axhline(count, color=THRESHOLD_COLOUR, linestyle=":", linewidth=1.8, gid=f"{gid}-threshold")
        handles += [
            Line2D([], [], color=INK, linewidth=1.3),
            Line2D([], [], color=THRESHOLD_COLOUR, linestyle=":", linewidth=1.8),
        ]
        labels += ["running total", f"the claim: {THRESHOLD_WORDS[kind]} {count}"]
    return handles, labels


def _inline(svg: str, prefix: str) -> str:
    """The <svg> element alone: no XML prolog or DOCTYPE (invalid inside HTML), no RDF metadata,
    and its ids the chart's own (`_own_ids`)."""
    svg = svg[svg.index("<svg") :]
    start, end = svg.find("<metadata>"), svg.find("</metadata>")
    if start != -1 and end != -1:
        svg = svg[:start] + svg[end + len("</metadata>") :].lstrip("\n")
    return _own_ids(svg.strip(), prefix)


# An id an SVG element has, and the references to one: url(#id) in styles and clip paths, and
# href="#id" (xlink:href too) in <use>.
_ID_OR_REFERENCE = re.compile(r'(\bid="|url\(#|href="#)([^")]+)')
# A tag, where ids and references are; never the text between tags (a label, the legend's names),
# in which matplotlib escapes "<" and ">" but not quotes. Its attribute values escape ">" too.
_TAG = re.compile(r"<[^>]*>")


def _own_ids(svg: str, prefix: str) -> str:
    """matplotlib numbers the elements of every figure alike ("figure_1", "patch_1"): inlined
    in one page, four charts gave 87 ids four times over. Each id, and each reference to one,
    is the chart's own: `prefix` (the chart's, unique on the page) before it, where it has not
    got it yet (the marks' own ids). Text is left as it is, however much it looks like an id."""
    tags = [m.group() for m in _TAG.finditer(svg)]
    defined = {id_ for tag in tags for id_ in re.findall(r'\bid="([^"]+)"', tag)}

    def own(m: re.Match[str]) -> str:
        name = m.group(2)
        return m.group(1) + (name if name.startswith(prefix) or name not in defined else prefix + name)

    return _TAG.sub(lambda tag: _ID_OR_REFERENCE.sub(own, tag.group()), svg)


def _short(label: str) -> str:
    label = " ".join(printable(label).split())
    return label if len(label) <= LABEL_LIMIT else label[: LABEL_LIMIT - 1].rstrip() + "\u2026"
