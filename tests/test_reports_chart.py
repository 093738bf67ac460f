"""The timeline chart: counts per month by partner institution, and SVG that is the same bytes
for the same results, whatever the labels hold."""

from __future__ import annotations

import re
import signal

from claimwatch.reports.chart import MAX_SERIES, describe_timeline, draw_timeline, timeline, timeline_svg
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
    assessed_to: str | None = None,
    expects: tuple[str, int] = ("none", 0),
    claim: str = "c",
) -> ClaimResult:
    return ClaimResult(
        claim=claim,
        says="s",
        sentence="s",
        claims_file="c.yaml",
        subject="Lab",
        period={"from": start, "to": end, "assessed_to": assessed_to or end},
        expects={"kind": expects[0], "count": expects[1]},
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


def test_a_work_dated_only_by_a_day_is_not_drawn_and_the_chart_ends():
    """A work whose versions give "by 2025-04-01" (one dated after its record was current: any
    day up to it) has no month: its "by 2025" was taken for one, and the months were counted up
    to it for ever (every "YYYY-MM" sorts before "b"): the HTML report never came."""

    def hung(*_):
        raise AssertionError("the months are counted for ever")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    try:
        data = timeline(_result([_finding("W1", "2024-03-05", ("HIT",)), _finding("W2", "by 2025-04-01", ("HIT",))]))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert data.months == ("2024-01", "2024-02", "2024-03")
    assert data.drawn == 1 and data.undrawn == 1
    assert "1 more work dated to no month (only to the year, only by a day, or not at all)" in describe_timeline(data)
    assert timeline(_result([_finding("W2", "by 2025-04-01", ("HIT",))])) is None


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
    """Every id of a chart is its own, matplotlib's numbered ones ("figure_1", "patch_1") too:
    four charts on one page gave 87 ids four times over (issue 18, twelfth part). Every
    reference to an id (a clip path's url(#...), a <use>'s href) finds it in the same chart."""
    findings = [_finding("W1", "2024-03-05", ("HIT",)), _finding("W2", "2024-06-01", ("USTC",))]
    one, two = _result(findings, claim="one"), _result(findings, claim="two")
    assert timeline_svg(one) == timeline_svg(one)
    svgs = [timeline_svg(one), timeline_svg(two)]
    ids = [re.findall(r'\bid="([^"]+)"', svg) for svg in svgs]
    assert all(len(i) == len(set(i)) > 20 for i in ids)
    assert not set(ids[0]) & set(ids[1])
    assert all(i.startswith(f"chart-{claim}-") for own, claim in zip(ids, ("one", "two"), strict=True) for i in own)
    for svg, own in zip(svgs, ids, strict=True):
        references = re.findall(r'(?:url\(#|href="#)([^")]+)', svg)
        assert references and set(references) <= set(own)


def test_a_legend_name_that_looks_like_ids_is_shown_as_written():
    """Only the tags' ids and references are the chart's own: a name in the legend keeps every
    word, though it reads like one (a review found `Uni id="patch_1"` shown `id="chart-c-patch_1"`)."""
    name = 'Uni id="patch_1" url(#patch_2) href="#text_1"'
    svg = timeline_svg(_result([_finding("W1", "2024-03-05", (name,))]))
    shown = re.findall(r"<text\b[^>]*>([^<]*)</text>", svg)
    assert name in shown and "chart-c-patch_1" in re.findall(r'\bid="([^"]+)"', svg)  # the ids are still owned


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


# --- the statement's date, the claim's period and its threshold (#17) -------------------------


def _mark_ids(svg: str) -> set[str]:
    return set(re.findall(r' id="(chart-[^"]*-(?:period|statement|threshold|running-total))"', svg))


def test_the_chart_marks_the_statement_date_and_the_claim_s_period():
    result = _result([_finding("W1", "2024-03-05", ("HIT",))], start="2024-02-01", end="2024-06-30")
    data = timeline(result, made_on="2023-12-20")
    assert data.months[0] == "2023-12" and data.months[-1] == "2024-06"  # widened to the statement's month
    assert (data.made_on, data.period_from, data.period_to, data.open_ended) == (
        "2023-12-20",
        "2024-02-01",
        "2024-06-30",
        False,
    )
    svg = timeline_svg(result, made_on="2023-12-20")
    assert _mark_ids(svg) == {"chart-c-period", "chart-c-statement"}
    assert "statement, 2023-12-20" in svg and "claim's period" in svg
    assert "the claim:" not in svg  # a claim that expects none names no number


def test_an_at_least_claim_draws_its_number_against_the_running_total():
    findings = [_finding("W1", "2024-03-05", ("HIT",)), _finding("W2", "2024-05-01", ("USTC",))]
    result = _result(findings, start="2024-03-01", end="2025-06-27", expects=("at_least", 10))
    data = timeline(result, made_on="2025-06-27")
    assert data.threshold == ("at_least", 10)
    assert data.running_total[:4] == (1, 1, 2, 2) and data.running_total[-1] == 2
    svg = timeline_svg(result, made_on="2025-06-27")
    assert _mark_ids(svg) == {"chart-c-period", "chart-c-statement", "chart-c-threshold", "chart-c-running-total"}
    assert "the claim: at least 10" in svg and "running total" in svg
    # The y axis reaches the threshold, though no month holds more than one work.
    assert "10" in re.findall(r">([^<>]+)</text>", svg)


def test_an_at_most_claim_names_its_limit():
    result = _result([_finding("W1", "2024-03-05")], expects=("at_most", 3), lists=())
    assert "the claim: at most 3" in timeline_svg(result)


def test_an_open_ended_claim_is_shaded_to_the_cut_off_and_says_so():
    result = _result([_finding("W1", "2024-03-05")], lists=(), assessed_to="2024-08-31")
    data = timeline(result)
    assert data.open_ended and data.period_to == "2024-08-31" and data.months[-1] == "2024-08"
    assert "claim's period (open-ended, to the cut-off)" in timeline_svg(result)
    assert "claim's period (open-ended)" in timeline_svg(_result([_finding("W1", "2024-03-05")], lists=()))


def test_the_text_alternative_says_what_the_chart_shows():
    findings = [
        _finding("W1", "2024-03-05", ("HIT", "USTC")),
        _finding("W2", "2024-03-20", ("USTC",)),
        _finding("W3", "2024"),
    ]
    result = _result(findings, start="2024-03-01", end="2025-06-27", expects=("at_least", 10))
    assert describe_timeline(timeline(result, made_on="2025-06-27")) == (
        "Matching works per month, 2024-03 to 2025-06: 2024-03: 2 (HIT + USTC 1, USTC 1). "
        "The statement was made on 2025-06-27. The claim's period: 2024-03-01 to 2025-06-27. "
        "The claim says at least 10 works; the running total of the works drawn reaches 2. "
        "1 more work dated to no month (only to the year, only by a day, or not at all), not drawn."
    )
    open_ended = _result([_finding("W1", "2024-02-01")], lists=(), assessed_to="2024-04-30")
    assert "The claim's period: from 2024-01-10, open-ended, assessed to 2024-04-30 (the cut-off)." in (
        describe_timeline(timeline(open_ended))
    )


def test_the_marked_chart_is_the_same_svg_every_time():
    result = _result([_finding("W1", "2024-03-05", ("HIT",))], end="2025-06-27", expects=("at_least", 9))
    assert timeline_svg(result, made_on="2024-01-10") == timeline_svg(result, made_on="2024-01-10")


def test_a_period_begun_centuries_before_its_works_runs_off_the_chart_s_edge_and_says_so():
    """`from: 0001-01-10` (a typo for 2024 that validate cannot tell from a claim about old works)
    drew every month from year 1: 24,000 bars, a 6 MB report that took 36 s to write. The axis
    widens at most ten years past the works; the period and the statement beyond say where they lie."""
    result = _result([_finding("W1", "2024-03-05", ("HIT",))], start="0001-01-10")
    data = timeline(result, made_on="1990-05-01")
    assert (data.months[0], data.months[-1], len(data.months)) == ("2014-03", "2024-03", 121)
    svg = timeline_svg(result, made_on="1990-05-01")
    assert "claim's period (open-ended; from 0001-01-10, past the chart's edge)" in svg
    assert "statement, 1990-05-01 (off the chart)" in svg
    assert _mark_ids(svg) == {"chart-c-period"}  # no line for a statement the axis does not reach
    assert len(svg) < 200_000
    assert "The claim's period: from 0001-01-10, open-ended" in describe_timeline(data)


def test_a_period_within_ten_years_of_its_works_is_drawn_whole():
    result = _result([_finding("W1", "2024-03-05")], start="2015-01-01", end="2034-12-31", lists=())
    data = timeline(result, made_on="2014-12-01")
    assert (data.months[0], data.months[-1]) == ("2014-12", "2034-03")
    svg = timeline_svg(result, made_on="2014-12-01")
    assert "claim's period (to 2034-12-31, past the chart's edge)" in svg and "statement, 2014-12-01<" in svg
