"""Entries listed in several periods (issue 18, twenty-fifth part): an entity on the Consolidated
Screening List taken off and listed again kept its earlier listing as text (`listed_from_unread`)
and its last start as listed_from, so a work of a period it was listed in, and one from before any
listing, were both uncertain where the record is certain. `listings` gives each period."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
from hypothesis import given
from hypothesis import strategies as st

import claimwatch
from claimwatch import claims as claims_mod
from claimwatch.cli import main
from claimwatch.evaluate._conditions import _listed_before
from claimwatch.evaluate.people._years import _listed_by
from claimwatch.lists import ListEntry, Listing, diff_lists, format_diff, load_list
from claimwatch.reports import render_json, renderers
from claimwatch.reports.view import listings_said
from claimwatch.works import PartialDate
from helpers import authorship, claim_file, institution, one_entity_csl, work, write, write_jsonl
from test_columnar_engine import engines_agree

EL = "Entity List (EL) - Bureau of Industry and Security"
MEU = "Military End User (MEU) List - Bureau of Industry and Security"
# One entity on two source lists shares its _id (as the five Russian banks on NS-MBS and SSI do).
RECORD_ID = "99ed1b052fdb09695fae1ba87516d8a0882b0df04652e07aeb5ce7b0"


def csl_rows(tmp_path: Path, *records: tuple[str, str, str]) -> Path:
    """The records of one entity, (source, start_date, end_date) each, as the real CSV writes
    them: today's 29 columns, every field quoted, lines ending in a bare newline."""
    return one_entity_csl(
        tmp_path / "consolidated.csv",
        records,
        record_id=RECORD_ID,
        line_end="\n",
        name="Harbin Engineering University",
        addresses="No. 145 Nantong Street, Harbin, Heilongjiang, CN",
        federal_register_notice="85 FR 34495",
        source_list_url="https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern",
    )


def gapped(**dates: dt.date | None) -> ListEntry:
    return ListEntry(
        id="heu",
        name="Harbin Engineering University",
        listings=(
            Listing(start=dt.date(2019, 1, 1), end=dt.date(2021, 6, 30)),
            Listing(start=dt.date(2023, 1, 1), end=None),
        ),
        **dates,
    )


def listed(entry: ListEntry, published: str) -> bool | None:
    return _listed_before(entry, PartialDate.parse(published))[0]


# --- the judgement ----------------------------------------------------------------------------


@st.composite
def periods_and_day(draw):
    """Non-overlapping periods in order (the last one perhaps open) and a day near them."""
    base = dt.date(2000, 1, 1)
    cuts = sorted(draw(st.sets(st.integers(0, 4000), min_size=4, max_size=10)))
    cuts = cuts[: len(cuts) // 2 * 2]
    periods = [
        Listing(start=base + dt.timedelta(cuts[k]), end=base + dt.timedelta(cuts[k + 1]))
        for k in range(0, len(cuts), 2)
    ]
    if draw(st.booleans()):
        periods[-1] = Listing(start=periods[-1].start, end=None)
    day = base + dt.timedelta(draw(st.integers(-10, 4010)))
    return tuple(periods), day


def _inside(periods: tuple[Listing, ...], day: dt.date) -> bool:
    return any(p.start <= day and (p.end is None or day <= p.end) for p in periods)


@given(periods_and_day())
def test_a_work_of_a_day_is_listed_exactly_when_the_day_is_inside_a_period(case):
    periods, day = case
    entry = ListEntry(id="e", name="E", listings=periods)
    found, doubt = _listed_before(entry, PartialDate.parse(day.isoformat()))
    assert found is _inside(periods, day) and doubt is None


@given(periods_and_day())
def test_a_year_is_listed_when_inside_a_period_not_when_outside_all_and_else_a_doubt(case):
    periods, day = case
    entry = ListEntry(id="e", name="E", listings=periods)
    first, last = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    days = [first + dt.timedelta(n) for n in range((last - first).days + 1)]
    inside = [_inside(periods, d) for d in days]
    hit = type("Hit", (), {"entry": entry})()
    found, doubt = _listed_by(hit, day.year)  # type: ignore[arg-type]
    if all(inside):  # (in one period, or in several back to back)
        assert found is True
    elif not any(inside):
        assert found is False
    else:
        assert found is None and "a year cannot say which came first" in (doubt or "")


@given(periods_and_day())
def test_a_work_of_a_month_is_listed_when_every_day_of_it_is_inside_a_period_and_not_when_none_is(case):
    """Periods back to back (one ending the day before the next begins) leave no day unlisted: a
    work of a month across them was a doubt, "taken off the list on D", though listed all through."""
    periods, day = case
    entry = ListEntry(id="e", name="E", listings=periods)
    published = PartialDate.parse(day.isoformat()[:7])
    days = [published.earliest + dt.timedelta(n) for n in range((published.latest - published.earliest).days + 1)]
    inside = [_inside(periods, d) for d in days]
    found, doubt = _listed_before(entry, published)
    if all(inside):
        assert (found, doubt) == (True, None)
    elif not any(inside):
        assert (found, doubt) == (False, None)
    else:
        assert found is None and doubt


def test_periods_back_to_back_are_one_listing_to_the_judgement():
    """A hand-written entry moved from one list to another the next day: a work of June 2020 and
    the year 2020 were doubts, "taken off the list on 2020-06-15"; they are listed. An end not read
    of the last period still leaves a work after its start a doubt."""
    periods = (
        Listing(start=dt.date(2020, 1, 1), end=dt.date(2020, 6, 15)),
        Listing(start=dt.date(2020, 6, 16), end=None),
    )
    entry = ListEntry(id="e", name="E", listings=periods)
    assert _listed_before(entry, PartialDate.parse("2020-06")) == (True, None)
    assert _listed_by(type("Hit", (), {"entry": entry})(), 2020) == (True, None)  # type: ignore[arg-type]
    assert _listed_before(entry, PartialDate.parse("2019-12")) == (False, None)
    ended = ListEntry(id="e", name="E", listings=periods, listed_to_unread=" 8/11/2021")
    assert _listed_before(ended, PartialDate.parse("2020-05")) == (True, None)
    found, doubt = _listed_before(ended, PartialDate.parse("2020-06"))
    assert found is None and "“ 8/11/2021”, not a date claimwatch reads" in (doubt or "")


def test_a_work_in_a_period_is_listed_before_the_first_and_in_the_gap_not():
    entry = gapped()
    assert (entry.listed_from, entry.listed_to) == (dt.date(2019, 1, 1), None)
    assert listed(entry, "2020-06-15") is True  # was uncertain: the earlier listing was text
    assert listed(entry, "2018-06-15") is False  # was uncertain
    assert listed(entry, "2022-06-15") is False  # in the gap
    assert listed(entry, "2024-06-15") is True
    assert listed(entry, "2021-06") is True and listed(entry, "2022") is False


def test_a_partial_date_across_a_period_s_edge_is_a_doubt_that_says_which_edge():
    found, doubt = _listed_before(gapped(), PartialDate.parse("2021"))
    assert found is None
    assert doubt == (
        "Harbin Engineering University was taken off the list on 2021-06-30, within the work's date 2021"
        " (listed 2019-01-01 to 2021-06-30, and from 2023-01-01)"
    )
    again = ListEntry(id="e", name="E", listings=(*gapped().listings[:1], Listing(start=dt.date(2023, 3, 1), end=None)))
    found, doubt = _listed_before(again, PartialDate.parse("2023"))
    assert found is None and doubt == (
        "E was listed on 2023-03-01, within the work's date 2023 (listed 2019-01-01 to 2021-06-30, and from 2023-03-01)"
    )


def test_a_year_across_a_period_s_edge_is_a_doubt_for_a_person():
    hit = type("Hit", (), {"entry": gapped()})()
    assert _listed_by(hit, 2020) == (True, None)  # type: ignore[arg-type]
    assert _listed_by(hit, 2022) == (False, None)  # type: ignore[arg-type]
    found, doubt = _listed_by(hit, 2021)  # type: ignore[arg-type]
    assert found is None and doubt == (
        "Harbin Engineering University was taken off the list on 2021-06-30, within 2021, and a year cannot say"
        " which came first (listed 2019-01-01 to 2021-06-30, and from 2023-01-01)"
    )


def test_a_start_not_read_beside_periods_leaves_a_day_outside_them_a_doubt():
    entry = gapped(listed_from_unread=" 6/1/2016")
    assert listed(entry, "2020-06-15") is True
    found, doubt = _listed_before(entry, PartialDate.parse("2022-06-15"))
    assert found is None and "gives its start as \u201c 6/1/2016\u201d" in (doubt or "")


def test_the_last_period_ended_on_a_day_not_read_is_a_doubt_inside_it_only():
    entry = gapped(listed_to_unread=" 8/11/2025")
    assert listed(entry, "2020-06-15") is True
    assert listed(entry, "2024-06-15") is None


# --- the CSL import ---------------------------------------------------------------------------


def test_the_csl_import_writes_each_listing_of_an_entity_taken_off_and_listed_again(tmp_path):
    source = csl_rows(tmp_path, (MEU, "2019-01-01", "2021-06-30"), (EL, "2023-01-01", ""))
    out = tmp_path / "csl.yaml"
    assert main(["lists", "import", "csl", str(source), "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert (
        "  listed_from: 2019-01-01\n  listings:\n  - from: 2019-01-01\n    to: 2021-06-30\n"
        "  - from: 2023-01-01\n    to: null\n"
    ) in text
    assert "listed_from_unread" not in text
    (entry,) = load_list(out).entries
    assert [(p.start, p.end) for p in entry.listings] == [
        (dt.date(2019, 1, 1), dt.date(2021, 6, 30)),
        (dt.date(2023, 1, 1), None),
    ]
    assert (entry.listed_from, entry.listed_to) == (dt.date(2019, 1, 1), None)
    assert "listings gives each unbroken listing, and listed_from is the first one's start" in (entry.notes or "")


def test_the_csl_import_ends_the_last_listing_where_the_entity_was_taken_off(tmp_path):
    source = csl_rows(tmp_path, (EL, "2023-01-01", "2024-12-31"), (MEU, "2019-01-01", "2021-06-30"))
    out = tmp_path / "csl.yaml"
    assert main(["lists", "import", "csl", str(source), "--out", str(out)]) == 0
    (entry,) = load_list(out).entries
    assert [str(p) for p in entry.listings] == ["2019-01-01 to 2021-06-30", "2023-01-01 to 2024-12-31"]
    assert entry.listed_to == dt.date(2024, 12, 31)


def test_the_csl_import_writes_no_listings_for_an_entity_listed_once(tmp_path):
    source = csl_rows(tmp_path, (MEU, "2019-01-01", "2022-12-31"), (EL, "2023-01-01", ""))
    out = tmp_path / "csl.yaml"
    assert main(["lists", "import", "csl", str(source), "--out", str(out)]) == 0
    assert "listings" not in out.read_text(encoding="utf-8")


UVL = "Unverified List (UVL) - Bureau of Industry and Security"


def test_a_record_giving_no_start_date_leaves_a_gap_between_listings_a_doubt(tmp_path):
    """An entity on the MEU and Entity lists with a gap between them, and on the Unverified List
    with no dates (as the CSL gives UVL records): that listing's start is not given, so it may
    fill the gap. The periods read the gap as a time it was off every list, and cleared a 2022
    work; the gap is kept as one that may not be, as for an end not read."""
    source = csl_rows(tmp_path, (MEU, "2019-01-01", "2021-06-30"), (EL, "2023-01-01", ""), (UVL, "", ""))
    out = tmp_path / "csl.yaml"
    assert main(["lists", "import", "csl", str(source), "--out", str(out)]) == 0
    (entry,) = load_list(out).entries
    assert not entry.listings
    assert listed(entry, "2022-06-15") is None and listed(entry, "2018-06-15") is None
    assert listed(entry, "2024-06-15") is True
    assert entry.listed_from_unread == (
        "2019-01-01 (a listing that ended 2021-06-30, before the one from 2023-01-01; a record giving no"
        " start_date may have been listed between)"
    )
    assert "The UVL record gives no start_date: it may have been listed in the gap." in (entry.notes or "")


def test_a_record_giving_no_start_date_that_ended_before_the_gap_leaves_the_periods(tmp_path):
    source = csl_rows(tmp_path, (MEU, "2019-01-01", "2021-06-30"), (EL, "2023-01-01", ""), (UVL, "", "2020-03-01"))
    out = tmp_path / "csl.yaml"
    assert main(["lists", "import", "csl", str(source), "--out", str(out)]) == 0
    (entry,) = load_list(out).entries
    assert [str(p) for p in entry.listings] == ["2019-01-01 to 2021-06-30", "from 2023-01-01"]
    assert listed(entry, "2022-06-15") is False
    # Its listing, of a start not given, may be older than the first period.
    assert entry.listed_from_unread == "none (the UVL record gives no start_date)"
    assert listed(entry, "2018-06-15") is None


# --- a hand-written list ----------------------------------------------------------------------

LIST = """\
id: periods
name: Listed in periods
sources: [{{title: A source}}]
entries:
  - id: heu
    name: Harbin Engineering University
    openalex: [I300]
    country: CN
{dates}    verified: true
"""


def _list(tmp_path: Path, dates: str) -> Path:
    return write(tmp_path / "periods.yaml", LIST.format(dates=dates))


def test_a_hand_written_entry_may_give_its_periods_alone(tmp_path):
    path = _list(
        tmp_path, "    listings:\n      - {from: 2019-01-01, to: 2021-06-30}\n      - {from: 2023-01-01, to: null}\n"
    )
    (entry,) = load_list(path).entries
    assert (entry.listed_from, entry.listed_to, len(entry.listings)) == (dt.date(2019, 1, 1), None, 2)


def _refused(tmp_path, capsys, dates: str) -> str:
    path = _list(tmp_path, dates)
    assert main(["lists", "show", str(path)]) == 2
    out, err = capsys.readouterr()
    assert not out
    return err.replace(str(path), "{path}")


def test_periods_out_of_order_are_refused_at_their_line(tmp_path, capsys):
    err = _refused(
        tmp_path,
        capsys,
        "    listings:\n      - {from: 2023-01-01, to: null}\n      - {from: 2019-01-01, to: 2021-06-30}\n",
    )
    assert err == (
        "{path}:11:16: period 2 begins on 2019-01-01, but period 1 (from 2023-01-01) is still open (to: null):"
        " give the periods in order, each after the one before it\n"
    )


def test_overlapping_periods_are_refused_at_their_line(tmp_path, capsys):
    err = _refused(
        tmp_path,
        capsys,
        "    listings:\n      - {from: 2019-01-01, to: 2021-06-30}\n      - {from: 2021-06-30, to: null}\n",
    )
    assert err.startswith("{path}:11:16: period 2 begins on 2021-06-30, but period 1 (2019-01-01 to 2021-06-30) runs")


def test_a_period_ending_before_it_begins_is_refused_at_its_line(tmp_path, capsys):
    err = _refused(tmp_path, capsys, "    listings:\n      - {from: 2021-06-30, to: 2019-01-01}\n")
    assert err == "{path}:10:32: period 1 ends on 2019-01-01, before it begins on 2021-06-30\n"


def test_a_listed_from_the_periods_do_not_give_is_refused_at_its_line(tmp_path, capsys):
    err = _refused(
        tmp_path,
        capsys,
        "    listed_from: 2023-01-01\n    listings:\n      - {from: 2019-01-01, to: 2021-06-30}\n"
        "      - {from: 2023-01-01, to: null}\n",
    )
    assert err == "{path}:9:18: listed_from 2023-01-01 is not the first period's start 2019-01-01\n"


def test_a_listed_to_given_as_null_beside_an_ended_last_period_is_refused_saying_null(tmp_path, capsys):
    """The file says null: the refusal said "None", a word the file does not hold."""
    err = _refused(
        tmp_path,
        capsys,
        "    listed_to: null\n    listings:\n      - {from: 2019-01-01, to: 2021-06-30}\n"
        "      - {from: 2023-01-01, to: 2023-12-31}\n",
    )
    assert err == "{path}:9:16: listed_to null is not the last period's end 2023-12-31\n"


def test_a_period_without_its_end_is_refused_by_the_schema(tmp_path, capsys):
    err = _refused(tmp_path, capsys, "    listings:\n      - {from: 2019-01-01}\n")
    assert err.startswith("{path}:10:9: ") and "entries[0].listings[0]: 'to' is missing" in err


# --- lists diff -------------------------------------------------------------------------------


def test_a_change_of_periods_is_a_change_in_lists_diff(tmp_path):
    old = load_list(_list(tmp_path, "    listed_from: 2019-01-01\n    listed_to: null\n"), check_file_name=False)
    (tmp_path / "new").mkdir()
    new = load_list(
        write(
            tmp_path / "new/periods.yaml",
            LIST.format(
                dates="    listings:\n      - {from: 2019-01-01, to: 2021-06-30}\n      - {from: 2023-01-01, to: null}\n"
            ),
        )
    )
    diff = diff_lists(old, new)
    (change,) = diff.changed
    assert set(change.fields) == {"listings"}
    assert "    listings: none (listed once) -> 2019-01-01 to 2021-06-30, and from 2023-01-01" in format_diff(diff)


def test_one_period_given_as_listings_is_no_change_from_listed_from_and_listed_to(tmp_path):
    """An entry may give its one period as `listings` or as listed_from and listed_to: the same
    listing, judged the same. lists diff reported the one written the other way as changed."""
    old = load_list(_list(tmp_path, "    listed_from: 2019-01-01\n    listed_to: 2021-06-30\n"), check_file_name=False)
    (tmp_path / "new").mkdir()
    new = load_list(
        write(
            tmp_path / "new/periods.yaml",
            LIST.format(dates="    listings:\n      - {from: 2019-01-01, to: 2021-06-30}\n"),
        )
    )
    assert not diff_lists(old, new).changed


# --- end to end, both engines -----------------------------------------------------------------

CLAIMS = """\
statement: {speaker: Example Corp, made_on: 2025-01-10, quote: q, sources: [{title: t}]}
subjects:
  lab: {name: Example Lab, openalex: [I100]}
claims:
  - {id: listed, says: s, subject: lab, from: 2015-01-01, expects: none,
     works: {coauthor_in: [csl], listed_before_publication: true}}
"""


def _judged_works(
    tmp_path,
    *csl: tuple[str, str, str],
    dated: tuple[tuple[str, str], ...] = (
        ("W1", "2018-06-15"),
        ("W2", "2020-06-15"),
        ("W3", "2022-06-15"),
        ("W4", "2024-06-15"),
    ),
    **options,
):
    """Coauthored works (by default W1 2018, W2 2020, W3 2022, W4 2024; a date of a year alone is
    given as OpenAlex gives it, by publication_year) judged by both engines against an entity of
    these CSL records."""
    source = csl_rows(tmp_path, *csl)
    lists_dir = tmp_path / "evidence/lists"
    lists_dir.mkdir(parents=True)
    assert main(["lists", "import", "csl", str(source), "--out", str(lists_dir / "csl.yaml")]) == 0
    write(tmp_path / "claims/c.yaml", CLAIMS)
    claims = claims_mod.load_claims([tmp_path / "claims/c.yaml"], root=tmp_path)
    lab = institution("I100", "Example Lab", country="US")
    heu = institution("I300", "Harbin Engineering University", country="CN")
    coauthors = [authorship("A. Lab", [lab]), authorship("B. Partner", [heu])]
    records = [
        work(wid, f"Paper {wid}", day, coauthors)
        if len(day) > 4
        else work(wid, f"Paper {wid}", None, coauthors, publication_year=int(day))
        for wid, day in dated
    ]
    return engines_agree(claims, [write_jsonl(tmp_path / "works.jsonl", records)], tmp_path / "cache", **options)


def _judged(tmp_path):
    results = _judged_works(tmp_path, (MEU, "2019-01-01", "2021-06-30"), (EL, "2023-01-01", ""))
    (result,) = results.results
    assert sorted(f.work.id for f in result.findings) == ["W2", "W4"]  # W2 was uncertain
    assert not result.uncertain_findings  # W1 (before any listing) and W3 (in the gap) were uncertain
    return results


def test_both_engines_judge_each_work_by_the_period_it_falls_in(tmp_path):
    _judged(tmp_path)


def test_the_reports_give_each_listing_where_they_gave_the_listing_date(tmp_path):
    results = _judged(tmp_path)
    periods = "2019-01-01 to 2021-06-30, and from 2023-01-01"
    md, html = renderers()["md"](results), renderers()["html"](results)
    assert f"| Harbin Engineering University | {periods} |" in md
    assert f"Harbin Engineering University, listed {periods}, 85 FR 34495 (this work's date within its listing" in md
    assert f'<td class="mono">{periods}</td>' in html
    data = json.loads(render_json(results))
    (entry,) = data["lists"][0]["entries"]
    assert entry["listings"] == [{"from": "2019-01-01", "to": "2021-06-30"}, {"from": "2023-01-01", "to": None}]
    refs = [r["entry"] for f in data["results"][0]["findings"] for r in f["reasons"] if r.get("entry")]
    assert refs and all(r["listings"] == entry["listings"] for r in refs)
    # A report validates against the schema that describes listings.
    jsonschema.validate(data, json.loads((Path(claimwatch.__file__).parent / "schemas/report.schema.json").read_text()))


def _uncertain_said(results) -> dict[str, str]:
    (result,) = results.results
    return {f.work.id: " ".join(f.uncertain_because) for f in result.uncertain_findings}


def test_a_record_giving_no_start_date_beside_one_dated_leaves_a_work_before_it_a_doubt(tmp_path):
    """An entity on the Entity List from 2019-01-01 and on the Unverified List with no dates (the
    CSL gives UVL records none): the UVL listing may be older, so a 2018 work was cleared as
    "not listed then" on the EL date alone. It is uncertain, saying why, in both engines."""
    results = _judged_works(tmp_path, (EL, "2019-01-01", ""), (UVL, "", ""))
    (result,) = results.results
    assert sorted(f.work.id for f in result.findings) == ["W2", "W3", "W4"]
    assert _uncertain_said(results) == {
        "W1": AnyStringWith(
            "Harbin Engineering University was listed on 2019-01-01 by the dates read, and the list gives another"
            " start as \u201cnone (the UVL record gives no start_date)\u201d: it may have been listed earlier"
        )
    }
    md = renderers()["md"](results)
    assert "| Harbin Engineering University | 2019-01-01; perhaps listed earlier: the list gives another start as" in md


def test_a_record_giving_no_start_date_that_ended_before_a_gap_leaves_only_before_the_first_period_a_doubt(
    tmp_path,
):
    """The UVL record, no start, ended before the gap: a 2018 work may fall in its listing, a 2022
    one (in the gap) cannot, and stays cleared by the periods."""
    results = _judged_works(
        tmp_path, (MEU, "2019-01-01", "2021-06-30"), (EL, "2023-01-01", ""), (UVL, "", "2020-03-01")
    )
    (result,) = results.results
    assert sorted(f.work.id for f in result.findings) == ["W2", "W4"]
    assert _uncertain_said(results) == {
        "W1": AnyStringWith(
            "was listed 2019-01-01 to 2021-06-30, and from 2023-01-01 by the dates read, and the list gives another"
            " start as \u201cnone (the UVL record gives no start_date)\u201d: it may have been listed then too"
        )
    }


class AnyStringWith(str):
    """Equal to any string holding this one."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, str) and str(self) in other

    __hash__ = str.__hash__


def test_a_last_listing_ending_after_the_as_of_day_is_said_listed_until_not_ended(tmp_path):
    """A denial order's expiry decades ahead ended the last period: the list tables said it as
    "2023-01-01 to 2056-06-29", as if it had ended, where a single listing says "listed until"."""
    csl = ((MEU, "2019-01-01", "2021-06-30"), (EL, "2023-01-01", "2056-06-29"))
    results = _judged_works(tmp_path, *csl, as_of=dt.date(2025, 6, 30))
    periods = "2019-01-01 to 2021-06-30, and from 2023-01-01 (listed until 2056-06-29)"
    md, html = renderers()["md"](results), renderers()["html"](results)
    assert f"| Harbin Engineering University | {periods} |" in md
    assert f'<td class="mono">{periods}</td>' in html
    # An end on or before the as-of day has come, and with no as-of day none is weighed (as listing_end).
    (entry,) = results.lists[0].entries
    assert listings_said(entry.listings, "2056-06-29") == "2019-01-01 to 2021-06-30, and 2023-01-01 to 2056-06-29"
    assert listings_said(entry.listings, None) == "2019-01-01 to 2021-06-30, and 2023-01-01 to 2056-06-29"


def test_a_finding_says_a_listing_ending_after_the_as_of_day_as_the_list_table_does(tmp_path):
    """The list table said the last period "from 2023-01-01 (listed until 2056-06-29)" while the
    finding citing the entry said "2023-01-01 to 2056-06-29" twice, an end not come as of the
    check given as passed. Both reports' findings say it as the table does."""
    csl = ((MEU, "2019-01-01", "2021-06-30"), (EL, "2023-01-01", "2056-06-29"))
    results = _judged_works(tmp_path, *csl, as_of=dt.date(2025, 6, 30))
    md, html = renderers()["md"](results), renderers()["html"](results)
    last = "from 2023-01-01 (listed until 2056-06-29)"
    said = f"listed 2019-01-01 to 2021-06-30, and {last}, 85 FR 34495 (this work's date within its listing {last})"
    assert f"Harbin Engineering University, {said}" in md
    assert said.replace("'", "&#39;") in html
    assert "and 2023-01-01 to 2056-06-29" not in md + html  # (the import's notes quote the records as given)
    # On the day it ends, or with no as-of day to weigh it by, the period is said as given.
    (tmp_path / "later").mkdir()
    results = _judged_works(tmp_path / "later", *csl, as_of=dt.date(2056, 6, 29))
    assert "this work's date within its listing 2023-01-01 to 2056-06-29" in renderers()["md"](results)


def test_an_uncertain_work_s_reason_says_a_listing_ending_after_the_as_of_day_as_not_ended(tmp_path):
    """A work of 2023 alone, an entity listed 2019-01-01 to 2021-06-30 and again from 2023-03-01
    until 2056-06-29: the evaluator's reason said "(listed 2019-01-01 to 2021-06-30, and
    2023-03-01 to 2056-06-29)", an end not come as of 2025-06-30 given as passed, where the list
    table and the finding's view say it not ended. On both engines alike (`engines_agree`)."""
    csl = ((MEU, "2019-01-01", "2021-06-30"), (EL, "2023-03-01", "2056-06-29"))
    results = _judged_works(tmp_path, *csl, dated=(("W5", "2023"),), as_of=dt.date(2025, 6, 30))
    (finding,) = results.results[0].uncertain_findings
    assert finding.uncertain_because == (
        "Harbin Engineering University was listed on 2023-03-01, within the work's date 2023 (listed"
        " 2019-01-01 to 2021-06-30, and from 2023-03-01 (listed until 2056-06-29))",
    )
    # On the day it ends the period has ended, and is said as given.
    (tmp_path / "later").mkdir()
    results = _judged_works(tmp_path / "later", *csl, dated=(("W5", "2023"),), as_of=dt.date(2056, 6, 29))
    (finding,) = results.results[0].uncertain_findings
    assert finding.uncertain_because[0].endswith("(listed 2019-01-01 to 2021-06-30, and 2023-03-01 to 2056-06-29)")


def test_a_doubt_about_an_earlier_version_says_a_listing_ending_after_the_as_of_day_as_not_ended():
    from claimwatch.evaluate._conditions import TRUE, _Outcome
    from claimwatch.evaluate._verdicts import _relisted

    entry = gapped(listed_to=dt.date(2056, 6, 29)).model_copy(
        update={
            "listings": (
                Listing(start=dt.date(2019, 1, 1), end=dt.date(2021, 6, 30)),
                Listing(start=dt.date(2023, 1, 1), end=dt.date(2056, 6, 29)),
            )
        }
    )
    outcome = _Outcome(TRUE, [], [], [entry])
    (doubt,) = _relisted(outcome, PartialDate.parse("2022-06-15"), dt.date(2025, 6, 30)).doubts
    assert doubt == (
        "Harbin Engineering University was listed 2019-01-01 to 2021-06-30, and from 2023-01-01 (listed until"
        " 2056-06-29), and an earlier version of the work appeared 2022-06-15"
    )
    (doubt,) = _relisted(outcome, PartialDate.parse("2022-06-15"), dt.date(2056, 6, 29)).doubts
    assert "and 2023-01-01 to 2056-06-29, and an earlier version" in doubt


PERSON_LIST = """\
id: mil
name: Military universities
sources: [{title: A source}]
entries:
  - id: heu
    name: Harbin Engineering University
    openalex: [I300]
    country: CN
    listings:
      - {from: 2019-01-01, to: 2021-06-30}
      - {from: 2023-03-01, to: 2056-06-29}
    verified: true
"""


def test_a_person_s_doubt_says_a_listing_ending_after_the_as_of_day_as_not_ended(tmp_path):
    """A person at the entity in 2022 and first at the lab in 2023: whether it was listed by then is
    a doubt, which said the last period "2023-03-01 to 2056-06-29", as if ended by 2025-06-30."""
    from test_people import author

    write(tmp_path / "evidence/lists/mil.yaml", PERSON_LIST)
    body = """\
  - id: c
    says: A claim about people.
    subject: lab
    from: 2023-01-01
    expects: none
    authors: {joined_from: [mil], listed_before: true}
"""
    claims = claims_mod.load_claims([claim_file(tmp_path / "claims/c.yaml", "claims:\n" + body)], root=tmp_path)
    lab = institution("I100", "Example Lab", country="US")
    heu = institution("I300", "Harbin Engineering University", country="CN")
    records = [author("A1", "Li Wei", (heu, [2022]), (lab, [2023]))]
    results = engines_agree(
        claims, [write_jsonl(tmp_path / "records.jsonl", records)], tmp_path / "cache", as_of=dt.date(2025, 6, 30)
    )
    (person,) = results.results[0].uncertain_people
    assert (
        "Harbin Engineering University was listed on 2023-03-01, within 2023, and a year cannot say which came"
        " first (listed 2019-01-01 to 2021-06-30, and from 2023-03-01 (listed until 2056-06-29))"
    ) in person.uncertain_because


BACK_TO_BACK = """\
id: csl
name: Moved from one list to another
sources: [{title: A source}]
entries:
  - id: heu
    name: Harbin Engineering University
    openalex: [I300]
    country: CN
    listings:
      - {from: 2020-01-01, to: 2020-06-15}
      - {from: 2020-06-16, to: null}
    verified: true
"""


def test_a_finding_s_note_reads_periods_back_to_back_as_the_judgement_does(tmp_path):
    """An entry moved from one list to another the next day: a coauthor's work of June 2020 was
    matched (listed all through: the periods are judged as one), while its note said "the end of
    its listing 2020-01-01 to 2020-06-15 on or within this work's date", as if it might have been
    taken off then. The note reads the periods as one listing too; a gap of a day is still an end."""
    write(tmp_path / "evidence/lists/csl.yaml", BACK_TO_BACK)
    write(tmp_path / "claims/c.yaml", CLAIMS)
    claims = claims_mod.load_claims([tmp_path / "claims/c.yaml"], root=tmp_path)
    lab = institution("I100", "Example Lab", country="US")
    heu = institution("I300", "Harbin Engineering University", country="CN")
    records = [work("W1", "Paper W1", "2020-06", [authorship("A. Lab", [lab]), authorship("B. Partner", [heu])])]
    paths = [write_jsonl(tmp_path / "works.jsonl", records)]
    results = engines_agree(claims, paths, tmp_path / "cache", as_of=dt.date(2025, 6, 30))
    assert [f.work.id for f in results.results[0].findings] == ["W1"]  # listed all through
    md = renderers()["md"](results)
    assert "(this work's date within its listings back to back 2020-01-01 to 2020-06-15, and from 2020-06-16)" in md
    assert "the end of its listing" not in md
    # A day between the two: the work of June 2020 may fall in it, and the note says the end.
    write(tmp_path / "evidence/lists/csl.yaml", BACK_TO_BACK.replace("from: 2020-06-16", "from: 2020-06-17"))
    claims = claims_mod.load_claims([tmp_path / "claims/c.yaml"], root=tmp_path)
    results = engines_agree(claims, paths, tmp_path / "cache", as_of=dt.date(2025, 6, 30))
    assert not results.results[0].findings
    md = renderers()["md"](results)
    assert "(the end of its listing 2020-01-01 to 2020-06-15 on or within this work's date)" in md


def test_an_entry_listed_once_reports_no_listings(tmp_path):
    records = [(MEU, "2019-01-01", "2022-12-31"), (EL, "2023-01-01", "")]
    source = csl_rows(tmp_path, *records)
    lists_dir = tmp_path / "evidence/lists"
    lists_dir.mkdir(parents=True)
    assert main(["lists", "import", "csl", str(source), "--out", str(lists_dir / "csl.yaml")]) == 0
    write(tmp_path / "claims/c.yaml", CLAIMS)
    claims = claims_mod.load_claims([tmp_path / "claims/c.yaml"], root=tmp_path)
    results = engines_agree(claims, [write_jsonl(tmp_path / "works.jsonl", [])], tmp_path / "cache")
    assert '"listings"' not in render_json(results)
    assert "| Harbin Engineering University | 2019-01-01 |" in renderers()["md"](results)


def test_lists_show_gives_each_listing(tmp_path, capsys):
    source = csl_rows(tmp_path, (MEU, "2019-01-01", "2021-06-30"), (EL, "2023-01-01", "2024-12-31"))
    out = tmp_path / "csl.yaml"
    assert main(["lists", "import", "csl", str(source), "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["lists", "show", str(out)]) == 0
    assert "listed 2019-01-01 to 2021-06-30, and again from 2023-01-01, listed until 2024-12-31, 85 FR 34495" in (
        capsys.readouterr().out
    )


def test_a_work_first_out_in_a_gap_is_a_doubt_though_a_later_version_falls_in_a_period():
    """A version inside a listing counts as listed before publication; the work's first
    publication, in the gap before it, makes it uncertain, as a first version before a single
    listing does (`_relisted`)."""
    from claimwatch.evaluate._conditions import TRUE, UNKNOWN, _Outcome
    from claimwatch.evaluate._verdicts import _relisted

    entry = gapped()
    outcome = _Outcome(TRUE, [], [], [entry])
    late = _relisted(outcome, PartialDate.parse("2022-06-15"))
    assert late.status == UNKNOWN
    assert late.doubts == [
        "Harbin Engineering University was listed 2019-01-01 to 2021-06-30, and from 2023-01-01, and an earlier"
        " version of the work appeared 2022-06-15"
    ]
    assert _relisted(outcome, PartialDate.parse("2020-06-15")).status == TRUE
