"""Listing dates that cannot be read as one listing (issue 18, twenty-fourth part): an end before
its own start (one of the two is wrong, and which is not known), and the records of one entity
whose listings leave a gap between them. Read as given, either made a work certain: a work after
both dates "off the list before it appeared" (a clearance of an entity that may be listed still),
or a work inside the gap "listed before publication" (an accusation). Each is now a doubt."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimwatch import claims as claims_mod
from claimwatch import lists
from claimwatch.cli import main
from claimwatch.evaluate._conditions import _listed_before
from claimwatch.lists import load_list
from claimwatch.works import PartialDate
from helpers import authorship, institution, one_entity_csl, work, write, write_jsonl
from test_columnar_engine import engines_agree

EL = "Entity List (EL) - Bureau of Industry and Security"
MEU = "Military End User (MEU) List - Bureau of Industry and Security"
RECORD_ID = "99ed1b052fdb4bd8a9d0c3b0f1e2d3c4b5a69788"  # one entity on two source lists shares its _id


def csl(tmp_path: Path, *records: tuple[str, str, str]) -> Path:
    """A CSV in today's 29-column layout (the fixture's header) holding the records of one entity:
    (source, start_date, end_date) each."""
    return one_entity_csl(
        tmp_path / "consolidated.csv",
        records,
        record_id=RECORD_ID,
        line_end="\r\n",
        name="Harbin Engineering University",
        addresses="Harbin, Heilongjiang, CN",
        federal_register_notice="85 FR 34495",
    )


def imported_entry(tmp_path: Path, source: Path) -> lists.ListEntry:
    out = tmp_path / "csl.yaml"
    assert main(["lists", "import", "csl", str(source), "--out", str(out)]) == 0
    (entry,) = load_list(out).entries
    return entry


def listed(entry: lists.ListEntry, published: str) -> bool | None:
    return _listed_before(entry, PartialDate.parse(published))[0]


def test_a_hand_written_end_before_its_start_is_refused_at_its_line(tmp_path, capsys):
    path = write(
        tmp_path / "back.yaml",
        """\
id: back
name: Backwards
sources: [{title: A source}]
entries:
  - id: heu
    name: Harbin Engineering University
    listed_from: 2021-01-01
    listed_to: 2020-01-01
""",
    )
    assert main(["lists", "show", str(path)]) == 2
    out, err = capsys.readouterr()
    assert not out
    assert err == (
        f"{path}:8:16: listed_to 2020-01-01 is before listed_from 2021-01-01: one of them is wrong; correct it, or"
        " give the end as listed_to_unread with listed_to left out\n"
    )


@pytest.mark.parametrize(
    ("dates", "end", "line"),
    [
        ("    listed_from: 2019-01-01\n    listed_to: 2030-01-01\n", "listed_to 2030-01-01", 9),
        (
            "    listings:\n      - {from: 2019-01-01, to: 2020-01-01}\n      - {from: 2021-01-01, to: 2030-01-01}\n",
            "the last period's end 2030-01-01",
            10,
        ),
    ],
)
def test_an_end_not_read_beside_a_dated_end_is_refused_at_its_line(tmp_path, capsys, dates, end, line):
    """A hand-written entry giving both an end not read and a dated one was read by the dated one
    alone, a work of 2025 "listed" though the entry may have been taken off on the day not read
    (the CSL import never writes both: an end not read leaves listed_to null)."""
    path = write(
        tmp_path / "twice.yaml",
        "id: twice\nname: Twice\nsources: [{title: A source}]\nentries:\n  - id: heu\n"
        "    name: Harbin Engineering University\n" + dates + '    listed_to_unread: "\\x1b[2J 8/11/2015"\n',
    )
    assert main(["lists", "show", str(path)]) == 2
    out, err = capsys.readouterr()
    assert not out
    assert err == (
        f"{path}:{line}:23: listed_to_unread \u201c\ufffd[2J 8/11/2015\u201d is given beside {end}: an end not read"
        " stands where the end is null; keep the one that is right\n"
    )


def test_an_imported_end_before_its_start_is_a_doubt_not_a_clearance(tmp_path):
    entry = imported_entry(tmp_path, csl(tmp_path, (EL, "2021-01-01", "2020-01-01")))
    assert (entry.listed_from, entry.listed_to) == (dt.date(2021, 1, 1), None)
    assert entry.listed_to_unread == "2020-01-01 (before its start_date 2021-01-01)"
    assert entry.notes == (
        "The list gives end_date 2020-01-01, before its start_date 2021-01-01: one of them is wrong, and which is"
        " not known; the end is not used as listed_to, and listed_to_unread keeps it."
    )
    assert listed(entry, "2022-06-15") is None  # was "off the list before the work appeared": cleared
    assert listed(entry, "2019-06-15") is False  # before the listing, whichever end is true


def _gap_entry(tmp_path: Path) -> lists.ListEntry:
    return imported_entry(tmp_path, csl(tmp_path, (MEU, "2019-01-01", "2021-06-30"), (EL, "2023-01-01", "")))


def test_the_records_of_one_entity_with_a_gap_do_not_read_as_listed_through_it(tmp_path):
    """Each listing is a period (twenty-fifth part: the earlier one was a doubt, kept as text)."""
    entry = _gap_entry(tmp_path)
    assert (entry.listed_from, entry.listed_to, entry.listed_from_unread) == (dt.date(2019, 1, 1), None, None)
    assert [(p.start, p.end) for p in entry.listings] == [
        (dt.date(2019, 1, 1), dt.date(2021, 6, 30)),
        (dt.date(2023, 1, 1), None),
    ]
    assert "a gap between them: '2019-01-01 to 2021-06-30' (MEU), '2023-01-01 to no end' (EL);" in (entry.notes or "")
    assert listed(entry, "2022-06-15") is False  # was True: listed since 2019 with no end; in the gap
    assert listed(entry, "2020-06-15") is True  # listed then, by the earlier record
    assert listed(entry, "2018-06-15") is False
    assert listed(entry, "2024-06-15") is True


@pytest.mark.parametrize(
    "records",
    [
        [(MEU, "2019-01-01", "2022-12-31"), (EL, "2023-01-01", "")],  # one day after the other: no gap
        [(MEU, "2019-01-01", "2024-01-01"), (EL, "2023-01-01", "")],  # overlapping
        [(MEU, "2019-01-01", ""), (EL, "2023-01-01", "2023-06-30")],  # the first still open
    ],
)
def test_records_whose_listings_join_read_as_one_listing(tmp_path, records):
    entry = imported_entry(tmp_path, csl(tmp_path, *records))
    assert entry.listed_from == dt.date(2019, 1, 1) and entry.listed_from_unread is None
    assert listed(entry, "2022-06-15") is True


CLAIMS = """\
statement: {speaker: Example Corp, made_on: 2024-01-10, quote: q, sources: [{title: t}]}
subjects:
  lab: {name: Example Lab, openalex: [I100]}
claims:
  - {id: listed, says: s, subject: lab, from: 2015-01-01, expects: none,
     works: {coauthor_in: [csl], listed_before_publication: true}}
"""


def test_both_engines_report_a_work_of_such_a_listing_as_a_doubt(tmp_path):
    """(A work in a gap between listings is judged by their periods since the twenty-fifth part:
    test_several_listings.py.)"""
    source = csl(tmp_path, (EL, "2021-01-01", "2020-01-01"))
    lists_dir = tmp_path / "evidence/lists"
    lists_dir.mkdir(parents=True)
    assert main(["lists", "import", "csl", str(source), "--out", str(lists_dir / "csl.yaml")]) == 0
    write(tmp_path / "claims/c.yaml", CLAIMS)
    claims = claims_mod.load_claims([tmp_path / "claims/c.yaml"], root=tmp_path)
    lab = institution("I100", "Example Lab", country="US")
    heu = institution("I300", "Harbin Engineering University", country="CN")
    records_ = [work("W1", "A paper", "2022-06-15", [authorship("A. Lab", [lab]), authorship("B. Partner", [heu])])]
    results = engines_agree(claims, [write_jsonl(tmp_path / "works.jsonl", records_)], tmp_path / "cache")
    (result,) = results.results
    assert not result.findings
    assert [f.work.id for f in result.uncertain_findings] == ["W1"]


@pytest.mark.parametrize(
    ("first_end", "kept"),
    [
        (" 6/30/2021", "2019-01-01 (a listing whose end is not known, perhaps before the one from 2023-01-01)"),
        ("2018-06-30", "2019-01-01 (a listing whose end is not known, perhaps before the one from 2023-01-01)"),
    ],
    ids=["end-unread", "end-backwards"],
)
def test_a_listing_whose_end_is_not_known_may_leave_a_gap_before_a_later_one(tmp_path, first_end, kept):
    """An end in no form read (" 6/30/2021", as real rows give dates), or one before its own start,
    is no known day: read as open, the entity was listed through 2019 to 2023, and a 2022 work was
    certainly "listed before publication" while the listing may have ended in 2021."""
    entry = imported_entry(tmp_path, csl(tmp_path, (MEU, "2019-01-01", first_end), (EL, "2023-01-01", "")))
    assert (entry.listed_from, entry.listed_from_unread) == (dt.date(2023, 1, 1), kept)
    assert "a gap, or perhaps one, between them" in (entry.notes or "")
    assert listed(entry, "2022-06-15") is None  # was True
    assert listed(entry, "2024-06-15") is True


def test_a_listing_whose_end_is_not_known_leaves_no_gap_before_one_from_the_same_day(tmp_path):
    entry = imported_entry(tmp_path, csl(tmp_path, (MEU, "2019-01-01", " 6/30/2021"), (EL, "2019-01-01", "")))
    assert (entry.listed_from, entry.listed_from_unread) == (dt.date(2019, 1, 1), None)
    assert listed(entry, "2022-06-15") is True


def test_a_doubt_from_a_listing_before_a_gap_does_not_call_its_dates_unread(tmp_path):
    """The earlier listing the import keeps in listed_from_unread is dates read: the doubt and the
    reports called it "not a date claimwatch reads", sending a reviewer to look for a typo. (A gap
    whose every end is read is periods since the twenty-fifth part: one after an end not read
    keeps the earlier listing as text.)"""
    from claimwatch.reports.view import listed_from_unread

    entry = lists.ListEntry(
        id="heu",
        name="Harbin Engineering University",
        listed_from=dt.date(2023, 1, 1),
        listed_from_unread="2019-01-01 (a listing that ended 2021-06-30, before the one from 2023-01-01)",
    )
    why = _listed_before(entry, PartialDate.parse("2020-06-15"))[1] or ""
    kept = "\u201c2019-01-01 (a listing that ended 2021-06-30, before the one from 2023-01-01)\u201d"
    assert f"a record gives an earlier listing, {kept}, apart from the one read" in why
    assert "not a date claimwatch reads" not in why
    assert "not a date claimwatch reads" not in listed_from_unread(entry.listed_from_unread or "")
    unread = lists.ListEntry(id="x", name="X", listed_from=dt.date(2023, 1, 1), listed_from_unread=" 6/1/2016")
    assert "gives its start as \u201c 6/1/2016\u201d, not a date claimwatch reads" in (
        _listed_before(unread, PartialDate.parse("2020-06-15"))[1] or ""
    )
