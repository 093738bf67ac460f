"""The HTML report's timeline: matching works per month, by partner institution, as inline SVG.

Drawn with matplotlib's object API (no pyplot, no global figure state) from matplotlib's default
style, with a fixed font, a fixed SVG hash salt and no date in the metadata: the same results
give byte-identical SVG. Text stays text in the SVG (svg.fonttype "none") so it is searchable,
and matplotlib's SVG writer escapes it; labels are never parsed as mathtext.
"""

from __future__ import annotations

import io
import warnings
from collections import Counter
from dataclasses import dataclass
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
    undrawn: int  # matching works dated only to the year, which no month can hold
    by_partner: bool  # the claim names lists, so series are partner institutions

    @property
    def drawn(self) -> int:
        return sum(sum(counts) for _, counts in self.series)


def timeline(result: ClaimResult) -> Timeline | None:
    """The monthly counts for a claim's matching works; None when no matching work has a month."""
    by_partner = bool(result.interpretation and result.interpretation.lists)
    dated = [
        (f.work.publication_date[:7], _series_label(f, by_partner))
        for f in result.findings
        if f.work.publication_date and len(f.work.publication_date) >= 7
    ]
    undrawn = len(result.findings) - len(dated)
    if not dated:
        return None
    months = _month_range(min(m for m, _ in dated), max(m for m, _ in dated), result.period)
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
    return Timeline(
        months=months, series=tuple((lab, tuple(counts[lab])) for lab in kept), undrawn=undrawn, by_partner=by_partner
    )


def _series_label(f: Finding, by_partner: bool) -> str:
    """The partner institutions on the work (by their list entry's name), or one series for all."""
    partners = sorted({r.entry.name for r in f.reasons if isinstance(r, AffiliationReason) and r.entry is not None})
    if partners:
        return " + ".join(partners)
    return NO_PARTNER if by_partner else "matching works"


def _month_range(first: str, last: str, period: Period) -> tuple[str, ...]:
    """Every month from the claim's start (or the first work) to its end (or the last work)."""
    start = min(first, (period.from_ or first)[:7])
    end = max(last, (period.to or period.assessed_to or last)[:7])
    year, month = int(start[:4]), int(start[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= end:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(out)


def timeline_svg(result: ClaimResult) -> str | None:
    """The chart as an <svg> element ready to inline in HTML; None when there is nothing to draw."""
    data = timeline(result)
    return draw_timeline(data, result.claim) if data else None


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
        fig = Figure(figsize=(7.6, 2.4 + 0.2 * len(data.series)), layout="constrained")
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
        step = max(1, -(-n // 12))
        ax.set_xticks(
            range(0, n, step),
            [data.months[i] for i in range(0, n, step)],
            rotation=45 if n > 6 else 0,
            ha="right" if n > 6 else "center",
        )
        ax.set_xlim(-0.6, n - 0.4)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylim(0, max(bottom) * 1.15 + 0.5)
        ax.set_ylabel("matching works")
        if data.by_partner:
            # Explicit labels: matplotlib would drop a label starting with "_" if it collected them itself.
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
    return _inline(out.getvalue())


def _inline(svg: str) -> str:
    """The <svg> element alone: no XML prolog or DOCTYPE (invalid inside HTML), no RDF metadata."""
    svg = svg[svg.index("<svg") :]
    start, end = svg.find("<metadata>"), svg.find("</metadata>")
    if start != -1 and end != -1:
        svg = svg[:start] + svg[end + len("</metadata>") :].lstrip("\n")
    return svg.strip()


def _short(label: str) -> str:
    label = " ".join(printable(label).split())
    return label if len(label) <= LABEL_LIMIT else label[: LABEL_LIMIT - 1].rstrip() + "\u2026"
