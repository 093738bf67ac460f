"""What real OpenAlex records cannot show, and how verdicts say so: 1 January dates that stand
for a year, coauthors with no affiliation at all (the `I-1` placeholder counted as none),
institutions Crossref put in the author list, and plain-text abstracts."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimwatch import claims as claims_mod
from claimwatch.evaluate import evaluate
from claimwatch.evidence import JsonlEvidence, import_jsonl, open_evidence
from claimwatch.reports.view import unaffiliated_words
from claimwatch.results import Unaffiliated
from claimwatch.works import Origin, PartialDate, work_from_openalex
from helpers import HIT, LAB, authorship, claim_file, institution, none_claim, project, work, write, write_jsonl

OUTSIDE = institution("I300", "Some University Elsewhere", country="DE")
PLACEHOLDER = {"id": "https://openalex.org/I-1", "display_name": None, "ror": None, "country_code": None}


def claim(works: str, *, period: str = "from: 2024-01-10", expects: str = "none", extra: str = "") -> str:
    return "claims:\n" + none_claim(works, period=period, expects=expects, extra=extra)


def check(root: Path, body: str, records: list[dict], *, complete: bool = True):
    path = write_jsonl(root / "works.jsonl", records)
    if complete:
        import_jsonl(path, root / "snap", institutions=["I100"], start=dt.date(2020, 1, 1), end=dt.date(2025, 12, 31))
        evidence = [open_evidence(root / "snap")]
    else:
        evidence = [JsonlEvidence.open(path)]
    files = claims_mod.load_claims([claim_file(root / "claims" / "c.yaml", body)], root=root)
    # The day the records were current (helpers' records: 2025-01-01): coverage declared to the
    # end of 2025 vouches no further than that.
    return evaluate(files, evidence, as_of=dt.date(2025, 1, 1)).results[0]


@pytest.fixture()
def root(tmp_path):
    return project(tmp_path)


def parsed(record: dict):
    return work_from_openalex(record, Origin("snapshot", "t.jsonl", 1))


# --- dates --------------------------------------------------------------------------------------


def test_an_openalex_first_of_january_is_read_as_the_year():
    w = parsed(work("W1", "T", date="2024-01-01"))
    assert w.published == PartialDate(2024)
    assert (w.published.earliest, w.published.latest) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert str(w.published) == "2024"
    assert w.published.describe() == "2024 (OpenAlex gives 2024-01-01, its way of writing a year alone)"
    assert parsed(work("W2", "T", date="2024-01-02")).published == PartialDate(2024, 1, 2)
    assert parsed(work("W3", "T", date="2024-03-01")).published == PartialDate(2024, 3, 1)


def test_a_year_straddling_the_claims_start_is_uncertain_not_dropped(root):
    r = check(root, claim("{coauthor_in: [mil]}"), [work("W1", "A paper", date="2024-01-01")])
    assert (r.verdict, r.matched, r.uncertain) == ("insufficient_evidence", 0, 1)
    (f,) = r.uncertain_findings
    assert f.work.publication_date == "2024"
    assert f.uncertain_because == (
        "its date 2024 (OpenAlex gives 2024-01-01, its way of writing a year alone) may fall before 2024-01-10",
    )


def test_a_year_wholly_inside_the_period_is_certain(root):
    r = check(root, claim("{coauthor_in: [mil]}", period="from: 2023-06-01"), [work("W1", "A", date="2024-01-01")])
    assert (r.verdict, r.matched) == ("contradicted", 1)


def test_a_year_wholly_before_the_period_is_outside(root):
    r = check(root, claim("{coauthor_in: [mil]}", period="from: 2025-01-10"), [work("W1", "A", date="2024-01-01")])
    assert (r.matched, r.uncertain, r.works_considered) == (0, 0, 0)


def test_curated_first_of_january_dates_are_read_as_written(root):
    from claimwatch.curated import CuratedEvidence

    (root / "evidence/curated").mkdir(parents=True)
    path = root / "evidence/curated/c.yaml"
    path.write_text(
        """\
description: A test selection.
works:
  - id: paper
    title: A paper
    versions:
      - label: the article
        published: 2024-01-01
        sources: [{title: The paper, url: "https://example.org/p"}]
        authors:
          - {name: A. Lab, affiliations: [{name: Example Lab, openalex: I100}]}
""",
        encoding="utf-8",
    )
    works = list(CuratedEvidence.open(path).works())
    assert works[0].published == PartialDate(2024, 1, 1)


ONLINE_FIRST = """\
description: One paper of the lab, recorded by hand from its publisher's page.
works:
  - id: online-first
    title: A paper
    versions:
      - label: journal
        published: {published}
        authors:
          - {{name: A. Lab, affiliations: [{{name: Example Lab, openalex: I100}}]}}
          - {{name: B. Hit, affiliations: [{{name: Harbin Institute of Technology, openalex: I200}}]}}
        sources: [{{title: "The publisher's page (online first)", retrieved: {retrieved}}}]
"""


@pytest.mark.parametrize("engine", ["python", "duckdb"])
def test_a_curated_date_after_its_sources_were_read_is_no_certain_match_in_the_period(root, engine):
    """Found by the twenty-third part's hunt: a journal version with a coauthor at HIT dated by its
    issue, 2024-03, from a publisher's page read on 2023-12-01 (online first): the page showed the
    paper before the claim of 2024-01-10, yet it counted as a work of the period, `contradicted`.
    A date wholly after the day its sources were read stands for any day up to it, as a record's
    date ahead of its record does: uncertain, said why. (The twenty-fourth part ended the date on
    that day, dropping the paper from the claim with no doubt: its issue, 2024-03, is a
    publication date as much as the day it went online; undone in that part's review.)"""
    from claimwatch.curated import CuratedEvidence

    path = write(root / "online-first.yaml", ONLINE_FIRST.format(published="2024-03", retrieved="2023-12-01"))
    (version,) = CuratedEvidence.open(path).works()
    assert (str(version.published), version.published.ahead_of) == ("2024-03", dt.date(2023, 12, 1))
    files = claims_mod.load_claims([claim_file(root / "claims/c.yaml", claim("{coauthor_in: [mil]}"))], root=root)
    (r,) = evaluate(files, [open_evidence(path)], engine=engine, cache=root / "cache").results
    assert (r.verdict, r.matched, r.uncertain) == ("insufficient_evidence", 0, 1)
    assert r.uncertain_findings[0].uncertain_because == (
        "its date 2024-03 (after 2023-12-01, the day its sources were read: the work may have appeared on any "
        "day before) may fall before 2024-01-10",
    )
    # Read on a day its date had come, the date is as written: the work is in the period.
    read_later = write(root / "read-later.yaml", ONLINE_FIRST.format(published="2024-03", retrieved="2024-04-02"))
    (r,) = evaluate(files, [open_evidence(read_later)], engine=engine, cache=root / "cache").results
    assert (r.verdict, r.matched) == ("contradicted", 1)


@pytest.mark.parametrize("engine", ["python", "duckdb"])
def test_a_curated_date_holding_the_day_its_sources_were_read_keeps_its_written_span(root, engine):
    """Found reviewing the twenty-fourth part: a version dated "2024" from a page read on
    2024-06-01 was made to end on that day, so a claim about the first half of 2024 was
    `contradicted` by it. But "2024" may be the issue of an article online since December 2023
    whose issue is 2024-09, published in neither half-year's first: claims are about
    publication dates, and the sources showing the version by 2024-06-01 does not say its
    publication date is not later. The date keeps its written span, as a date holding the day
    of its OpenAlex record does: uncertain, said why, in both halves."""
    path = write(root / "year.yaml", ONLINE_FIRST.format(published="2024", retrieved="2024-06-01"))
    cases = [
        ("from: 2024-01-01\n    to: 2024-06-30", "its date 2024 may fall after 2024-06-30"),
        ("from: 2024-07-01\n    to: 2024-12-31", "its date 2024 may fall before 2024-07-01"),
    ]
    for k, (period, because) in enumerate(cases):
        body = claim("{coauthor_in: [mil]}", period=period)
        files = claims_mod.load_claims([claim_file(root / f"claims/c{k}.yaml", body)], root=root)
        (r,) = evaluate(files, [open_evidence(path)], engine=engine, cache=root / "cache").results
        assert (r.verdict, r.matched, r.uncertain) == ("insufficient_evidence", 0, 1), (period, r.why)
        assert r.uncertain_findings[0].uncertain_because == (because,)


# --- coauthors with no affiliation ------------------------------------------------------------


def blank(name: str, *, placeholder: bool = False) -> dict:
    return authorship(name, [PLACEHOLDER] if placeholder else [], raw=[])


def test_the_placeholder_institution_is_no_affiliation():
    (a,) = parsed(work("W1", "T", authorships=[blank("C. Nobody", placeholder=True)])).authorships
    assert a.institutions == () and a.is_unaffiliated


def papers(n: int, blanks: int) -> list[dict]:
    """n works by the lab with one coauthor elsewhere each; `blanks` of them have a second
    coauthor with no affiliation at all (every other one the I-1 placeholder)."""
    out = []
    for i in range(n):
        people = [authorship("A. Lab", [LAB]), authorship("D. Out", [OUTSIDE])]
        if i < blanks:
            people.append(blank("C. Nobody", placeholder=i % 2 == 0))
        out.append(work(f"W{i + 1}", f"Paper {i + 1}", authorships=people))
    return out


def test_too_many_blank_coauthors_withhold_not_contradicted(root):
    r = check(root, claim("{coauthor_in: [mil]}"), papers(10, 2))
    assert r.verdict == "insufficient_evidence"
    assert (r.unaffiliated.works, r.unaffiliated.coauthorships, r.unaffiliated.unaffiliated) == (10, 12, 2)
    assert r.unaffiliated.works_with_unaffiliated == 2 and r.unaffiliated.tolerated == 0.05
    assert (
        "2 of the 12 coauthorships on Example Lab's works in the period (16.67%, on 2 works) carry no affiliation at all"
        in r.why
    )
    assert "more than the 5% the claim tolerates (max_unaffiliated), so the record cannot show where they are" in r.why
    assert r.coverage.complete  # the evidence's coverage itself is unchanged


def test_a_claim_may_tolerate_more_and_the_share_is_stated(root):
    body = claim("{coauthor_in: [mil]}", extra="    max_unaffiliated: 0.2\n")
    r = check(root, body, papers(10, 2))
    assert r.verdict == "not_contradicted"
    assert r.why.endswith(
        "2 of the 12 coauthorships on Example Lab's works in the period (16.67%, on 2 works) carry no affiliation"
        " at all, within the 20% tolerated."
    )


def test_a_share_just_over_the_tolerance_is_not_written_as_the_tolerance(root):
    """Found by the twenty-third part's hunt: both were written to two decimals, so a share just
    over the tolerance read as equal to it: "(16.67%, ...) ..., more than the 16.67% the claim
    tolerates" (2,001 of 40,000 coauthorships against 5% alike). Both take the digits that tell
    them apart, in the reason and in the reports."""
    body = claim("{coauthor_in: [mil]}", extra="    max_unaffiliated: 0.16666\n")
    r = check(root, body, papers(10, 2))
    assert r.verdict == "insufficient_evidence"
    assert "(16.667%, on 2 works) carry no affiliation at all, more than the 16.666% the claim tolerates" in r.why
    assert "2 of 12 coauthorships (16.667%)" in unaffiliated_words(r.unaffiliated)
    assert "more than the 16.666% the claim tolerates" in unaffiliated_words(r.unaffiliated)


@settings(max_examples=300, deadline=None)
@given(
    coauthorships=st.integers(1, 10**6),
    unaffiliated=st.integers(0, 10**6),
    # As a claim writes it: a decimal of up to six places.
    tolerated=st.sampled_from([0.0, 0.025, 0.05, 0.1, 0.16666, 0.2, 1.0])
    | st.integers(0, 10**6).map(lambda n: n / 10**6),
)
def test_the_share_and_the_tolerance_read_in_the_order_they_stand(coauthorships, unaffiliated, tolerated):
    u = Unaffiliated(
        works=1,
        works_with_unaffiliated=1,
        coauthorships=coauthorships,
        unaffiliated=min(unaffiliated, coauthorships),
        tolerated=tolerated,
    )
    share, tolerance = (Decimal(p.removesuffix("%")) for p in (u.share_percent, u.tolerated_percent))
    assert (share > tolerance) == (not u.within_tolerance)
    assert (share == tolerance) == (u.share == u.tolerated)


def test_no_blank_coauthor_states_a_zero_share(root):
    r = check(root, claim("{coauthor_in: [mil]}"), papers(3, 0))
    assert r.verdict == "not_contradicted"
    assert (
        "0 of the 3 coauthorships on Example Lab's works in the period (0%, on no works) carry no affiliation" in r.why
    )


def test_a_tolerance_is_never_rounded_in_the_sentence(root):
    body = claim("{coauthor_in: [mil]}", extra="    max_unaffiliated: 0.025\n")
    r = check(root, body, papers(40, 1))  # 1 of 41: 2.44%
    assert r.verdict == "not_contradicted" and "(2.44%, on 1 work)" in r.why and "within the 2.5% tolerated" in r.why


def test_topic_claims_are_not_about_coauthors(root):
    r = check(root, claim("{topic: face}"), papers(3, 3))
    assert r.unaffiliated is None and r.verdict == "not_contradicted"


def test_the_best_recorded_version_of_a_work_counts(root):
    """A preprint without affiliations and its journal version with them share a DOI: the
    journal version's coauthors are the ones counted."""
    doi = "https://doi.org/10.1234/x"
    preprint = work("W1", "P", authorships=[authorship("A. Lab", [LAB]), blank("D. Out")], doi=doi)
    article = work("W2", "P", authorships=[authorship("A. Lab", [LAB]), authorship("D. Out", [OUTSIDE])], doi=doi)
    r = check(root, claim("{coauthor_in: [mil]}"), [preprint, article])
    assert (r.unaffiliated.works, r.unaffiliated.unaffiliated) == (1, 0) and r.verdict == "not_contradicted"


def test_the_version_naming_the_most_coauthors_counts(root):
    """A preprint naming one affiliated coauthor, its journal version nine blank ones: the
    journal version's nine are the ones the record cannot place."""
    doi = "https://doi.org/10.1234/abcd"
    preprint = work("W1", "P", authorships=[authorship("A. Lab", [LAB]), authorship("D. Out", [OUTSIDE])], doi=doi)
    article = work("W2", "P", authorships=[authorship("A. Lab", [LAB]), *(blank(f"C{i}") for i in range(9))], doi=doi)
    r = check(root, claim("{coauthor_in: [mil]}"), [preprint, article])
    assert (r.unaffiliated.coauthorships, r.unaffiliated.unaffiliated) == (9, 9)
    assert r.verdict == "insufficient_evidence"


def test_a_blank_raw_string_is_no_affiliation():
    (a,) = parsed(work("W1", "T", authorships=[authorship("C. Nobody", [], raw=["  ", ""])])).authorships
    assert a.raw_affiliations == () and a.is_unaffiliated


def test_a_matching_work_still_contradicts_whatever_the_share(root):
    records = [*papers(5, 5), work("W9", "Partnered")]
    r = check(root, claim("{coauthor_in: [mil]}"), records)
    assert r.verdict == "contradicted" and r.matched == 1


def test_max_unaffiliated_is_checked_by_the_schema(root):
    from claimwatch.errors import InputError

    body = claim("{coauthor_in: [mil]}", extra="    max_unaffiliated: 5\n")
    with pytest.raises(InputError) as e:
        claims_mod.load_claims([claim_file(root / "claims" / "c.yaml", body)], root=root)
    assert "max_unaffiliated" in str(e.value.problems[0]) or "5" in e.value.problems[0].message


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n=st.integers(1, 12), blanks=st.integers(0, 12), tolerated=st.sampled_from([0, 0.05, 0.1, 0.5, 1]))
def test_not_contradicted_exactly_when_the_blank_share_is_tolerated(tmp_path_factory, n, blanks, tolerated):
    root = project(tmp_path_factory.mktemp("p"))
    blanks = min(blanks, n)
    body = claim("{coauthor_in: [mil]}", extra=f"    max_unaffiliated: {tolerated}\n")
    r = check(root, body, papers(n, blanks))
    share = blanks / (n + blanks)
    assert (r.verdict == "not_contradicted") == (share <= tolerated)
    assert r.verdict in ("not_contradicted", "insufficient_evidence")


# --- institutions in the author list ----------------------------------------------------------


def test_an_institution_in_the_author_list_is_not_an_author():
    record = work(
        "W1",
        "T",
        authorships=[
            authorship("A. Lab", [LAB]),
            authorship("Kazan University", [], raw=[]),
            authorship("School of Computer Science and Engineering", [], raw=[]),
            authorship("Ann College", [OUTSIDE]),
        ],
    )
    w = parsed(record)
    assert [a.name for a in w.authorships] == ["A. Lab", "Ann College"]
    assert [a.position for a in w.authorships] == [0, 3]  # positions stay the record's
    assert [a.name for a in w.interleaved_institutions] == [
        "Kazan University",
        "School of Computer Science and Engineering",
    ]


def test_a_person_whose_name_holds_an_institution_word_keeps_their_affiliation():
    w = parsed(work("W1", "T", authorships=[authorship("Lee Hospital", [LAB]), authorship("Institute Zhang", [HIT])]))
    assert [a.name for a in w.authorships] == ["Lee Hospital", "Institute Zhang"] and not w.interleaved_institutions


def test_a_work_whose_only_sign_of_the_subject_is_interleaved_is_uncertain(root):
    """Crossref put the subject in the author list: the work may be the subject's, never silently dropped."""
    record = work(
        "W1", "T", authorships=[authorship("Example Lab University", [], raw=[]), authorship("B. Partner", [HIT])]
    )
    r = check(root, claim("{coauthor_in: [mil]}"), [record])
    assert (r.verdict, r.matched, r.uncertain) == ("insufficient_evidence", 0, 1)
    assert any("the only sign of Example Lab" in d for d in r.uncertain_findings[0].uncertain_because)


def test_an_interleaved_listed_institution_makes_the_work_uncertain(root):
    record = work(
        "W1",
        "T",
        authorships=[authorship("A. Lab", [LAB]), authorship("Harbin Institute of Technology", [], raw=[])],
    )
    r = check(root, claim("{coauthor_in: [mil]}"), [record])
    assert (r.verdict, r.matched, r.uncertain) == ("insufficient_evidence", 0, 1)
    (doubt,) = r.uncertain_findings[0].uncertain_because
    assert "\u201cHarbin Institute of Technology\u201d among the authors" in doubt
    assert "names Harbin Institute of Technology" in doubt
    assert r.unaffiliated.coauthorships == 0  # the "author" is no coauthor


def test_a_real_author_at_the_entry_still_matches_beside_an_interleaved_one(root):
    record = work(
        "W1",
        "T",
        authorships=[
            authorship("A. Lab", [LAB]),
            authorship("Harbin Institute of Technology", [], raw=[]),
            authorship("B. Partner", [HIT]),
        ],
    )
    r = check(root, claim("{coauthor_in: [mil]}"), [record])
    assert (r.verdict, r.matched) == ("contradicted", 1)


# --- plain abstracts ------------------------------------------------------------------------------


def test_a_plain_text_abstract_is_read_like_a_rebuilt_one(root):
    record = work("W1", "A paper", abstract="We study face recognition in crowds.")
    assert parsed(record).abstract == "We study face recognition in crowds."
    r = check(root, claim("{topic: face}"), [record])
    assert r.verdict == "contradicted"
    (reason,) = [x for x in r.findings[0].reasons if x.kind == "topic"]
    assert (reason.field, reason.text) == ("abstract", "face recognition")


@pytest.mark.parametrize(
    ("index", "abstract"),
    [
        # a float places nothing, and the word it does not place is a gap no phrase runs across
        ({"face": [0], "recognition": [1.0], "study": [2]}, "face \u00b6 study"),
        ({"face": [0.0]}, ""),
        ({"face": [2], "of": [1.5], "a": [0]}, "a \u00b6 face"),
        ({"face": [True, 2]}, "face"),  # true is no position
        ({"face": [0], "recognition": [1], "x": [None]}, "face recognition"),  # one bad word hid them all
        ({"face": [0], "recognition": [1], "x": ["2"], "y": [[3]], "z": 7}, "face recognition"),
        ({"face": [0], "recognition": [1], "x": [-1, 200_000]}, "face recognition"),
    ],
)
def test_an_abstract_index_with_positions_that_are_no_whole_numbers_is_read_not_refused(tmp_path, index, abstract):
    """A broken export's float positions (1.0) stopped an import with a traceback; one position
    that was no number emptied the whole abstract, so a topic it named was missed."""
    record = work("W1", "T", abstract_inverted_index=index)
    assert parsed(record).abstract == abstract
    source = write_jsonl(tmp_path / "w.jsonl", [record])
    import_jsonl(source, tmp_path / "snap", subjects_may_be_empty=True)


def test_an_inverted_index_wins_over_a_plain_abstract():
    record = work("W1", "T", abstract="plain", abstract_inverted_index={"indexed": [0]})
    assert parsed(record).abstract == "indexed"


# --- the real records ------------------------------------------------------------------------------


def test_real_records_dates(shared_data):
    page = json.loads((shared_data / "openalex/api-page-works.json").read_text(encoding="utf-8"))
    by_date = {r["publication_date"]: parsed(r).published for r in page["results"]}
    for written, date in by_date.items():
        if written.endswith("-01-01"):
            assert date == PartialDate(int(written[:4])) and date.written == written
        else:
            assert str(date) == written
    single = json.loads((shared_data / "openalex/W2741809807.json").read_text(encoding="utf-8"))
    w = parsed(single)
    assert w.published is not None and str(w.published) in (single["publication_date"], single["publication_date"][:4])
    assert all(not a.is_unaffiliated or not a.institutions for a in w.authorships)


def test_a_snapshot_made_before_subjects_were_counted_never_clears_by_silence(root):
    """A manifest written before imports counted the subject's works (no `subject_works`),
    declared complete for a subject it holds nothing of: silence from it is no proof."""
    elsewhere = institution("I300", "Some University Elsewhere", country="DE")
    path = write_jsonl(root / "other.jsonl", [work("W9", "Not the lab's", authorships=[authorship("X", [elsewhere])])])
    import_jsonl(
        path,
        root / "snap",
        institutions=["I100"],
        start=dt.date(2020, 1, 1),
        end=dt.date(2025, 12, 31),
        subjects_may_be_empty=True,
    )
    manifest_path = root / "snap/manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    for key in ("subject_works", "confirmed_empty"):
        manifest["coverage"].pop(key, None)
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    files = claims_mod.load_claims([claim_file(root / "claims/c.yaml", claim("{coauthor_in: [mil]}"))], root=root)
    r = evaluate(files, [open_evidence(root / "snap")], as_of=dt.date(2025, 1, 1)).results[0]
    assert r.verdict == "insufficient_evidence"
    assert "was made before claimwatch checked that a declared subject's works are there" in r.why


def _legacy_snapshot(root: Path, records: list[dict]) -> Path:
    """A snapshot declared complete for the lab, its manifest as written before imports counted
    the subject's works (no `subject_works`)."""
    import_jsonl(
        write_jsonl(root / "records.jsonl", records),
        root / "snap",
        institutions=["I100"],
        start=dt.date(2020, 1, 1),
        end=dt.date(2025, 12, 31),
        subjects_may_be_empty=True,
    )
    manifest_path = root / "snap/manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    for key in ("subject_works", "confirmed_empty"):
        manifest["coverage"].pop(key, None)
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    return root / "snap"


LAB_PAPER_CURATED = """\
description: One paper of the lab, recorded by hand.
works:
  - id: gardens
    title: A study of gardens
    versions:
      - label: journal
        published: 2024-05-01
        authors: [{name: A B, affiliations: [{name: Example Lab, openalex: I100}]}]
        sources: [{title: The journal's page}]
"""


def test_an_old_snapshot_is_read_for_the_subjects_works_once_for_claims_that_share_a_period(root, monkeypatch):
    """Found by review (issue 18, twenty-third part): whether an old snapshot holds a work of the
    subject was asked by every claim, twice, each a reading of the snapshot in Python, on duckdb
    too: 100,000 works and 8 claims about a subject whose works came last took 48 s, 2 s before.
    Claims about one subject in one period read it once."""
    from claimwatch.evidence import Snapshot

    lab_record = work("W1", "A lab paper", date="2024-06-01", authorships=[authorship("A", [LAB])])
    other = work("W2", "Not the lab's", date="2024-06-01", authorships=[authorship("X", [OUTSIDE])])
    snap = _legacy_snapshot(root, [other, lab_record])
    reads = []
    works = Snapshot.works
    monkeypatch.setattr(Snapshot, "works", lambda self: (reads.append(self.path), *works(self))[1:])
    body = "claims:\n" + "".join(none_claim("{coauthor_in: [mil]}").replace("id: c", f"id: c{n}") for n in range(4))
    files = claims_mod.load_claims([claim_file(root / "claims/c.yaml", body)], root=root)
    run = evaluate(files, [open_evidence(snap)], as_of=dt.date(2025, 1, 1), engine="duckdb", cache=root / "cache")
    assert [r.verdict for r in run.results] == ["not_contradicted"] * 4
    assert len(reads) == 1


@pytest.mark.parametrize("engine", ["python", "duckdb"])
def test_a_curated_work_of_the_subject_does_not_vouch_for_an_old_snapshot_that_holds_none(root, engine):
    """Found by the twenty-third part's hunt: a snapshot from before subjects were counted, holding
    none of the lab's works, cleared nothing alone; with a curated paper of the lab beside it (no
    listed coauthor), the claim was `not_contradicted`, "SNAP holds every work OpenAlex attributes
    to Example Lab": the works considered were the curated file's, and the snapshot's silence was
    taken for proof. Whether the snapshot itself holds a work of the lab in the period decides."""
    elsewhere = institution("I300", "Some University Elsewhere", country="DE")
    snap = _legacy_snapshot(root, [work("W9", "Not the lab's", authorships=[authorship("X", [elsewhere])])])
    curated = write(root / "gardens.yaml", LAB_PAPER_CURATED)
    files = claims_mod.load_claims([claim_file(root / "claims/c.yaml", claim("{coauthor_in: [mil]}"))], root=root)
    run = evaluate(
        files,
        [open_evidence(snap), open_evidence(curated)],
        as_of=dt.date(2025, 1, 1),
        engine=engine,
        cache=root / "cache",
    )
    (r,) = run.results
    assert (r.verdict, r.works_considered) == ("insufficient_evidence", 1)
    assert "was made before claimwatch checked that a declared subject's works are there" in r.why
    # An old snapshot that holds a work of the lab in the period still covers it, as before.
    lab_record = work("W1", "A lab paper", date="2024-06-01", authorships=[authorship("A", [LAB])])
    (root / "snap").rename(root / "empty-snap")
    holding = _legacy_snapshot(root, [lab_record])
    run = evaluate(
        files,
        [open_evidence(holding), open_evidence(curated)],
        as_of=dt.date(2025, 1, 1),
        engine=engine,
        cache=root / "cache",
    )
    assert run.results[0].verdict == "not_contradicted"


# --- one person with both affiliations ----------------------------------------------------------


def test_a_finding_resting_on_one_dual_affiliated_author_is_marked(root):
    """An MSRA author who also lists USTC: the work contradicts a no-listed-coauthor claim, and
    says it rests on one person holding both affiliations."""
    dual = work("W1", "Dual", authorships=[authorship("A. Lab", [LAB]), authorship("B. Both", [LAB, HIT])])
    r = check(root, claim("{coauthor_in: [mil]}"), [dual])
    assert r.verdict == "contradicted" and r.findings[0].dual_affiliation_only
    assert "it rests only on an author who holds both the subject's and a listed affiliation" in r.why


def test_a_finding_with_a_partner_elsewhere_is_not_marked(root):
    r = check(root, claim("{coauthor_in: [mil]}"), [work("W1", "Partnered")])
    assert r.verdict == "contradicted" and not r.findings[0].dual_affiliation_only
    assert "holds both" not in r.why


def test_a_verdict_resting_on_a_retracted_work_says_so(root):
    """The finding carried the flag, the reason did not: a reader of the verdict alone (ClaimReview,
    the terminal) was not told that the work it rests on is retracted."""
    record = work("W1", "Face recognition in crowds", is_retracted=True, authorships=[authorship("A", [LAB])])
    r = check(root, claim("{topic: face}"), [record])
    assert r.verdict == "contradicted"
    assert "\u201cFace recognition in crowds\u201d (2024-06-01, retracted)" in r.why
