"""The timeline chart: counts per month by partner institution, and SVG that is the same bytes
for the same results, whatever the labels hold."""

from __future__ import annotations

from claimwatch.reports.chart import MAX_SERIES, draw_timeline, timeline, timeline_svg
from claimwatch.results import (
    AffiliationReason,
    ClaimResult,
    CoverageReport,
    EntryRef,
    Finding,
    Interpretation,
    PhraseReason,
    WorkRef,
)


def _entry(name: str) -> EntryRef:
    return EntryRef(
        list="l", list_name="A list", id=name.lower().replace(" ", "-")[:40] or "x", name=name, verified=True, line=1
    )


def _finding(wid: str, date: str | None, partners: tuple[str, ...] = ()) -> Finding:
    reasons = [
        AffiliationReason(
            kind="listed_author", author=f"P{i}", author_position=i + 2, method="openalex_id", entry=_entry(p)
        )
        for i, p in enumerate(partners)
    ]
    reasons.append(PhraseReason(topic="t", method="phrase", phrase="p", field="title", text="p"))
    return Finding(
        work=WorkRef(id=wid, title=wid, publication_date=date),
        status="matched",
        strength="direct",
        reasons=tuple(reasons),
    )


def _result(
    findings: list[Finding],
    *,
    lists: tuple[str, ...] = ("l",),
    start: str | None = "2024-01-10",
    end: str | None = None,
    claim: str = "c",
) -> ClaimResult:
    return ClaimResult(
        claim=claim,
        says="s",
        sentence="s",
        claims_file="c.yaml",
        subject="Lab",
        period={"from": start, "to": end},
        expects={"kind": "none", "count": 0},
        verdict="contradicted",
        why="w",
        matched=len(findings),
        uncertain=0,
        works_considered=len(findings),
        coverage=CoverageReport(complete=False, why="w"),
        findings=tuple(findings),
        interpretation=Interpretation(lists=lists),
    )


def test_a_work_counts_once_under_all_its_partners_and_months_run_from_the_claim_start():
    data = timeline(
        _result(
            [
                _finding("W1", "2024-03-05", ("HIT", "USTC")),
                _finding("W2", "2024-03-20", ("USTC",)),
                _finding("W3", "2024-05", ("USTC",)),
                _finding("W4", "2024", ("HIT",)),
            ]
        )
    )
    assert data.months == ("2024-01", "2024-02", "2024-03", "2024-04", "2024-05")
    assert data.series == (("USTC", (0, 0, 1, 0, 1)), ("HIT + USTC", (0, 0, 1, 0, 0)))
    assert data.drawn == 3 and data.undrawn == 1  # W4 is dated only to the year


def test_a_claim_without_lists_has_one_series_and_no_partner_legend():
    result = _result([_finding("W1", "2024-02-01")], lists=())
    data = timeline(result)
    assert data.series == (("matching works", (0, 1)),) and not data.by_partner
    assert "partner institutions" not in timeline_svg(result)


def test_many_partner_combinations_fold_into_other():
    findings = [_finding(f"W{i}", "2024-02-01", (f"Uni {i}",)) for i in range(MAX_SERIES + 3)]
    data = timeline(_result(findings))
    assert len(data.series) == MAX_SERIES + 1
    assert data.series[-1] == ("3 other combinations", (0, 3))


def test_nothing_to_draw_without_a_month():
    assert timeline(_result([_finding("W1", "2024")])) is None
    assert timeline(_result([])) is None


def test_the_same_results_give_the_same_svg_and_two_charts_share_no_ids():
    findings = [_finding("W1", "2024-03-05", ("HIT",)), _finding("W2", "2024-06-01", ("USTC",))]
    one, two = _result(findings, claim="one"), _result(findings, claim="two")
    assert timeline_svg(one) == timeline_svg(one)
    ids_one = {part.split('"')[0] for part in timeline_svg(one).split(' id="')[1:]}
    ids_two = {part.split('"')[0] for part in timeline_svg(two).split(' id="')[1:]}
    generated = {
        i
        for i in ids_one
        if not i.startswith(
            (
                "figure_",
                "axes_",
                "patch_",
                "matplotlib",
                "xtick",
                "ytick",
                "text_",
                "legend",
                "line2d",
                "PathCollection",
            )
        )
    }
    assert generated and not generated & ids_two


def test_hostile_labels_stay_text_in_the_svg_and_raise_no_warning():
    # Warnings are errors in this suite: a missing glyph, a mathtext parse or a dropped label would fail here.
    labels = (
        '<script>alert(1)</script> "q" & co',
        "$x^2$ \\frac{1}{2}",
        "_hidden label",
        "北京航空航天大学",
        "\x1b[31mred\x1b[0m",
    )
    svg = timeline_svg(_result([_finding(f"W{i}", "2024-02-01", (label,)) for i, label in enumerate(labels)]))
    assert "<script" not in svg and "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    assert "$x^2$ \\frac{1}{2}" in svg  # shown as written, not typeset
    assert "_hidden label" in svg and "北京航空航天大学" in svg
    assert "\x1b" not in svg


def test_draw_timeline_is_deterministic_across_calls_with_other_charts_between():
    result = _result([_finding("W1", "2024-03-05", ("HIT",))])
    first = draw_timeline(timeline(result), "c")
    timeline_svg(_result([_finding("W9", "2025-01-05", ("Other",))], claim="other"))
    assert draw_timeline(timeline(result), "c") == first
