"""Two false accusations a review found (issue 18, eleventh part): an entry taken off its list
(`listed_to`, as the Consolidated Screening List's end_date gives it) still counted as listed
when a later work appeared, and a subject's acronym alone counted as the subject with no country
to check it against. Both engines give the same report on each case."""

from __future__ import annotations

import datetime as dt

import pytest

from claimwatch import claims as claims_mod
from claimwatch.evaluate._conditions import _listed_before
from claimwatch.evaluate.people._years import _listed_by
from claimwatch.lists import ListEntry
from claimwatch.reports import renderers
from claimwatch.reports.view import _relative
from claimwatch.works import PartialDate
from helpers import authorship, institution, work, write, write_jsonl
from test_columnar_engine import engines_agree

LAB = institution("I100", "Example Lab", country="US")
HEU = institution("I300", "Harbin Engineering University")

CLAIMS = """\
statement: {speaker: Example Corp, made_on: 2024-01-10, quote: q, sources: [{title: t}]}
subjects:
  lab: {name: Example Lab, openalex: [I100]}
  msra: {name: Microsoft Research Asia, openalex: [I4210113369], aliases: [Microsoft Research Asia, MSRA]}
claims:
  - {id: listed, says: s, subject: lab, from: 2015-01-01, expects: none,
     works: {coauthor_in: [delisted], listed_before_publication: true}}
  - {id: msra, says: s, subject: msra, from: 2024-01-10, expects: none, works: {coauthor_in: [delisted]}}
"""

LIST = """\
id: delisted
name: Listed for a while
sources: [{title: A source}]
entries:
  - id: heu
    name: Harbin Engineering University
    openalex: [I300]
    country: CN
    listed_from: 2015-01-01
    listed_to: 2020-12-31
    verified: true
  - id: bit
    name: Beijing Institute of Technology
    openalex: [I400]
    country: CN
    listed_from: 2015-01-01
    verified: true
"""
BIT = institution("I400", "Beijing Institute of Technology")


def entry(listed_from: str | None, listed_to: str | None) -> ListEntry:
    return ListEntry(
        id="e",
        name="An institution",
        listed_from=dt.date.fromisoformat(listed_from) if listed_from else None,
        listed_to=dt.date.fromisoformat(listed_to) if listed_to else None,
    )


@pytest.mark.parametrize(
    ("listed_to", "published", "listed"),
    [
        (None, "2024-06-15", True),
        ("2024-06-15", "2024-06-15", True),  # on the list that day
        ("2024-06-14", "2024-06-15", False),  # taken off the day before
        ("2020-12-31", "2024-06-15", False),
        ("2024-03-31", "2024", None),  # taken off within the year the work is dated by
        ("2023-12-31", "2024", False),
    ],
)
def test_a_work_counts_as_listed_only_while_its_entry_was_on_the_list(listed_to, published, listed):
    found, doubt = _listed_before(entry("2015-01-01", listed_to), PartialDate.parse(published))
    assert found is listed
    assert (doubt is not None) == (listed is None)
    if listed is None:
        assert "taken off the list on 2024-03-31, within the work's date 2024" in doubt


def test_a_listing_date_inside_the_work_s_date_is_still_a_doubt_whatever_the_removal():
    found, doubt = _listed_before(entry("2024-03-01", "2030-01-01"), PartialDate.parse("2024"))
    assert found is None and "was listed on 2024-03-01" in doubt


@pytest.mark.parametrize(
    ("listed_to", "year", "listed"),
    [(None, 2024, True), ("2020-12-31", 2024, False), ("2024-06-30", 2024, None), ("2024-12-31", 2024, True)],
)
def test_a_person_counts_as_at_a_listed_place_only_while_it_was_on_the_list(listed_to, year, listed):
    class Hit:
        pass

    hit = Hit()
    hit.entry = entry("2015-01-01", listed_to)
    found, doubt = _listed_by(hit, year)  # type: ignore[arg-type]
    assert found is listed and (doubt is not None) == (listed is None)


def _case(tmp_path, records):
    write(tmp_path / "claims/c.yaml", CLAIMS)
    write(tmp_path / "evidence/lists/delisted.yaml", LIST)
    claims = claims_mod.load_claims([tmp_path / "claims/c.yaml"], root=tmp_path)
    evidence = write_jsonl(tmp_path / "works.jsonl", records)
    results = engines_agree(claims, [evidence], tmp_path / "cache")
    return {r.claim: r for r in results.results}


def test_an_entry_taken_off_its_list_before_the_work_is_no_listed_coauthor(tmp_path):
    later = work("W1", "A paper", "2024-06-15", [authorship("A. Lab", [LAB]), authorship("B. Partner", [HEU])])
    earlier = work(
        "W2", "An earlier paper", "2019-06-15", [authorship("A. Lab", [LAB]), authorship("C. Partner", [HEU])]
    )
    result = _case(tmp_path, [later, earlier])["listed"]
    assert [f.work.id for f in result.findings] == ["W2"]  # listed then; W1 appeared after it was taken off
    assert not result.uncertain_findings


def test_without_the_flag_an_entry_taken_off_before_the_work_is_a_doubt(tmp_path):
    """Found by the sixteenth part's hunt: a claim that counts any listing counted an entity taken
    off the list five years before the work as certain, and no report said it had been taken off."""
    msra = authorship("L. Wang", [], raw=["Microsoft Research Asia, Beijing, China"])
    records = [work("W1", "A paper", "2024-06-15", [msra, authorship("B. Partner", [HEU])])]
    result = _case(tmp_path, records)["msra"]
    assert not result.findings
    (finding,) = result.uncertain_findings
    assert (
        "Harbin Engineering University was taken off the list on 2020-12-31, before this work appeared (2024-06-15)"
        in finding.uncertain_because[0]
    )
    (listed,) = [r for r in finding.reasons if r.kind == "listed_author"]
    assert (listed.entry.listed_from, listed.entry.listed_to) == ("2015-01-01", "2020-12-31")
    assert _relative(listed.entry, "2024-06-15") == (
        "listed before this work's date; taken off the list on 2020-12-31 before this work's date"
    )


def test_a_subject_s_acronym_alone_is_a_doubt_where_the_subject_gives_no_country(tmp_path):
    tehran = authorship("M. Rezaei", [], raw=["Medical Signal Research Academy (MSRA), Tehran, Iran"])
    full = authorship("L. Wang", [], raw=["Microsoft Research Asia, Beijing, China"])
    partner = authorship("B. Partner", [BIT])
    results = _case(
        tmp_path,
        [
            work("W1", "Speech in Persian", "2024-06-15", [tehran, partner]),
            work("W2", "A paper", "2024-06-15", [full, partner]),
        ],
    )["msra"]
    assert [f.work.id for f in results.findings] == ["W2"]  # the full name stands
    assert [f.work.id for f in results.uncertain_findings] == ["W1"]
    (doubt,) = {d for f in results.uncertain_findings for d in f.uncertain_because if "MSRA" in d}
    assert "the acronym “MSRA” alone matched Microsoft Research Asia" in doubt


def _hundred_authors(flag):
    people = [authorship("A. Lab", [LAB])] + [authorship(f"P. Person {n}", []) for n in range(99)]
    record = work("W1", "A big collaboration", "2024-06-15", people)
    del record["is_authors_truncated"]  # as the real W2741809807 and the real API page give none
    if flag is not None:
        record["is_authors_truncated"] = flag
    return record


@pytest.mark.parametrize(("flag", "doubted"), [(None, True), (False, False), (True, True)])
def test_exactly_a_list_page_s_hundred_authors_without_the_flag_may_hide_a_listed_coauthor(tmp_path, flag, doubted):
    """API list pages cut author lists at 100 (FACTS.md); a record that does not say whether
    its list was cut, and holds exactly 100, may miss a listed coauthor, as the import's
    coverage already says. A record that says `false` is taken at its word."""
    result = _case(tmp_path, [_hundred_authors(flag)])["listed"]
    assert not result.findings
    assert bool(result.uncertain_findings) == doubted


UNREAD_LIST = (
    LIST
    + """\
  - id: cetc
    name: CETC 13
    openalex: [I500]
    country: CN
    listed_from: 2015-01-01
    listed_to_unread: " 8/11/2015"
    verified: true
"""
)


def test_the_reports_say_when_an_entry_was_taken_off_its_list_in_every_place_they_show_it(tmp_path):
    """The reference list's table gave an entry's listing date alone, so one taken off (or taken
    off on a day the list gives in no form read) read as listed still; a finding's partner row
    said nothing of an end so given."""
    write(tmp_path / "claims/c.yaml", CLAIMS)
    write(tmp_path / "evidence/lists/delisted.yaml", UNREAD_LIST)
    claims = claims_mod.load_claims([tmp_path / "claims/c.yaml"], root=tmp_path)
    cetc = institution("I500", "CETC 13")
    msra = authorship("L. Wang", [], raw=["Microsoft Research Asia, Beijing, China"])
    records = [
        work("W1", "An earlier paper", "2019-06-15", [authorship("A. Lab", [LAB]), authorship("B. Partner", [HEU])]),
        work("W2", "A paper", "2024-06-15", [msra, authorship("C. Partner", [cetc])]),
    ]
    results = engines_agree(claims, [write_jsonl(tmp_path / "works.jsonl", records)], tmp_path / "cache")
    unread = "taken off the list on a day it gives as \u201c 8/11/2015\u201d, not a date claimwatch reads"
    md, html = renderers()["md"](results), renderers()["html"](results)
    assert results.as_of is None  # no day the records were current: an end is said without a tense
    assert "| Harbin Engineering University | 2015-01-01; listed until 2020-12-31 |" in md
    assert "| Beijing Institute of Technology | 2015-01-01 |" in md
    assert f"| CETC 13 | 2015-01-01; {unread} |" in md
    assert f"CETC 13, listed 2015-01-01 (listed before this work's date; {unread})" in md
    assert '2015-01-01<br><span class="small">listed until 2020-12-31</span>' in html
    assert f'2015-01-01<br><span class="small">{unread}</span>' in html
    assert f"listed 2015-01-01 (listed before this work&#39;s date; {unread})" in html
    # The JSON report carries them too.
    (listed,) = [r for r in results.results[1].uncertain_findings[0].reasons if r.kind == "listed_author"]
    assert (listed.entry.listed_to, listed.entry.listed_to_unread) == (None, " 8/11/2015")
    (rl,) = results.lists
    assert [(e.listed_to, e.listed_to_unread) for e in rl.entries] == [
        ("2020-12-31", None),
        (None, None),
        (None, " 8/11/2015"),
    ]


EARLIER_LIST = (
    LIST
    + """\
  - id: cetc
    name: CETC 13
    openalex: [I500]
    country: CN
    listed_from: 2024-03-01
    listed_from_unread: "1/15/2023"
    verified: true
"""
)


def test_the_reports_say_an_entry_may_have_been_listed_earlier_in_every_place_they_show_it(tmp_path):
    """An entry whose records give a start in no form read beside one read (`listed_from_unread`)
    made a work before `listed_from` uncertain, but the reports gave the date read alone: the
    reference list's table "2024-03-01", the finding's partner row "listed after this work's
    date", and the JSON report dropped the text the list gave."""
    write(tmp_path / "claims/c.yaml", CLAIMS)
    write(tmp_path / "evidence/lists/delisted.yaml", EARLIER_LIST)
    claims = claims_mod.load_claims([tmp_path / "claims/c.yaml"], root=tmp_path)
    cetc = institution("I500", "CETC 13")
    records = [work("W1", "A paper", "2024-01-15", [authorship("A. Lab", [LAB]), authorship("C. Partner", [cetc])])]
    results = engines_agree(claims, [write_jsonl(tmp_path / "works.jsonl", records)], tmp_path / "cache")
    (finding,) = results.results[0].uncertain_findings
    assert "it may have been listed earlier" in finding.uncertain_because[0]
    earlier = "perhaps listed earlier: a record gives its start as \u201c1/15/2023\u201d, not a date claimwatch reads"
    md, html = renderers()["md"](results), renderers()["html"](results)
    assert f"| CETC 13 | 2024-03-01; {earlier} |" in md
    assert f"CETC 13, listed 2024-03-01 (listed after this work's date; {earlier})" in md
    assert f'2024-03-01<br><span class="small">{earlier}</span>' in html
    assert f"listed 2024-03-01 (listed after this work&#39;s date; {earlier})" in html
    (listed,) = [r for r in finding.reasons if r.kind == "listed_author"]
    assert listed.entry.listed_from_unread == "1/15/2023"
    (rl,) = results.lists
    assert [e.listed_from_unread for e in rl.entries] == [None, None, "1/15/2023"]


def test_an_end_of_listing_is_past_only_on_or_before_the_day_the_record_was_current():
    """A listing's end after the run's as-of day (a denial order's expiry, decades ahead) read
    "taken off 2056-06-29" in the list tables, and "taken off the list on 2056-06-29 after this
    work's date" beside a finding."""
    from claimwatch.reports.view import _relative, listing_end
    from claimwatch.results import EntryRef

    assert listing_end("2020-12-31", "2024-06-30") == "taken off 2020-12-31"
    assert listing_end("2024-06-30", "2024-06-30") == "taken off 2024-06-30"
    assert listing_end("2056-06-29", "2024-06-30") == "listed until 2056-06-29"
    assert listing_end("2020-12-31", None) == "listed until 2020-12-31"
    entry = EntryRef(list="l", list_name="L", id="ash", name="I. ASH", verified=True, line=1, listed_from="2002-03-04")
    ahead = entry.model_copy(update={"listed_to": "2056-06-29"})
    assert (
        _relative(ahead, "2024-05") == "listed before this work's date; listed until 2056-06-29, after this work's date"
    )
    assert _relative(ahead, None) == "listed until 2056-06-29"
    past = entry.model_copy(update={"listed_to": "2020-12-31"})
    assert (
        _relative(past, "2024-05")
        == "listed before this work's date; taken off the list on 2020-12-31 before this work's date"
    )
