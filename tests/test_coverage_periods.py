"""Coverage vouches only for days the records could show: a claim whose period begins after the
evidence was current, or a declared end after an import whose records say nothing of when they
were current, is no clearance (found by a hunt for false verdicts, issue 18, fourteenth part)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimwatch import claims as claims_mod
from claimwatch.evaluate import evaluate
from claimwatch.evidence import JsonlEvidence, import_works, open_evidence
from claimwatch.reports import renderers
from claimwatch.reports.view import cut_off
from helpers import HIT, LAB, authorship, claim_file, institution, none_claim, project, work, write, write_jsonl

OTHER = institution("I300", "Elsewhere University", country="DE")


def check(root: Path, snapshot: Path, *, expects: str = "none", period: str = "from: 2024-01-10"):
    text = "claims:\n" + none_claim("{coauthor_in: [mil]}", period=period, expects=expects)
    claims = claims_mod.load_claims([claim_file(root / "claims/c.yaml", text)], root=root)
    runs = [evaluate(claims, [open_evidence(snapshot)], engine=e, cache=root / "cache") for e in ("python", "duckdb")]
    assert runs[0].results[0].why == runs[1].results[0].why
    assert runs[0].results[0].works_considered == runs[1].results[0].works_considered
    return runs[0].results[0]


def lab_work(updated: str | None, date: str = "2023-03-01") -> dict:
    record = work("W1", "A paper", date=date, authorships=[authorship("A", [LAB]), authorship("B", [OTHER])])
    if updated is None:
        record.pop("updated_date", None)
    else:
        record["updated_date"] = updated
    return record


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    return project(tmp_path)


@pytest.mark.parametrize("expects", ["none", "{at_least: 1}"])
def test_a_claim_that_begins_after_the_evidence_was_current_cannot_be_checked(root, expects):
    """Records current on 2023-06-01, a claim from 2024-01-10 on: it was cleared ("holds every
    work ... published between 2024-01-10 and 2023-06-01"), or an at_least claim refuted."""
    source = write_jsonl(root / "w.jsonl", [lab_work("2023-06-01T00:00:00")])
    import_works(source, root / "snap", institutions=["I100"], start=dt.date(2023, 1, 1))
    r = check(root, root / "snap", expects=expects)
    assert r.verdict == "insufficient_evidence"
    # Said alone: not first "no work matches among the evidence, which holds none in the period",
    # as if a period never searched had been (issue 18, twenty-third part).
    assert (
        r.why
        == "The claim's period begins on 2024-01-10, after the run's as-of day (2023-06-01): none of it can be checked."
    )


def test_an_as_of_day_before_the_claim_begins_is_the_reason_given_first(root):
    """`--as-of 2023-01-01` for a claim from 2024-01-10, over records read directly (no complete
    coverage): the reason was only that no evidence covers the lab completely, and that the
    evidence "holds no work by Example Lab in the period", as if the period had been searched
    (issue 18, twentieth part). That the period begins after the as-of day is said first."""
    source = write_jsonl(root / "w.jsonl", [lab_work("2025-06-01T00:00:00", date="2024-03-01")])
    text = "claims:\n" + none_claim("{coauthor_in: [mil]}", period="from: 2024-01-10")
    claims = claims_mod.load_claims([claim_file(root / "claims/c.yaml", text)], root=root)
    _the_period_begins_after_the_as_of_day(claims, source, root)


def test_an_as_of_day_before_the_claim_begins_is_the_reason_for_a_subject_with_no_openalex_id(root):
    """The same run for a subject known only by its names (`claimwatch init`'s example): the
    reason was that it "has no OpenAlex id", and that the evidence "holds no work by Example Lab
    in the period", as if the period had been searched; the period beginning after the as-of day
    is the reason, as for a subject with ids."""
    source = write_jsonl(root / "w.jsonl", [lab_work("2025-06-01T00:00:00", date="2024-03-01")])
    text = "claims:\n" + none_claim("{coauthor_in: [mil]}", period="from: 2024-01-10")
    path = claim_file(root / "claims/c.yaml", text)
    path.write_text(path.read_text().replace("    openalex: [I100]\n", ""))
    claims = claims_mod.load_claims([path], root=root)
    assert claims.claims[0].subject.openalex == ()
    _the_period_begins_after_the_as_of_day(claims, source, root)


def test_a_declared_end_after_an_import_of_records_with_no_dates_is_cut_to_the_import(root, capsys):
    """No record has an updated_date, and coverage is declared to 2030: it vouched for years no one
    could have read. It is recorded to the day of the import, and said."""
    source = write_jsonl(root / "w.jsonl", [lab_work(None, date="2024-03-01")])
    summary = import_works(
        source, root / "snap", institutions=["I100"], start=dt.date(2024, 1, 1), end=dt.date(2030, 12, 31)
    )
    today = dt.date.today()
    assert any(f"coverage recorded to {today}" in w for w in summary.warnings)
    assert open_evidence(root / "snap").coverage.to == today
    r = check(root, root / "snap", period="from: 2024-01-10\n    to: 2029-12-31")
    assert r.verdict == "insufficient_evidence"


def test_the_as_of_of_an_import_with_subjects_comes_from_their_works(root):
    """The lab's works last updated in 2023, beside one unrelated record updated in 2025: the file
    covered the lab "to 2025", so an open-ended claim was cleared for two years no record of the
    lab could show. The subjects' works alone say when the file was current for them."""
    unrelated = work("W9", "Not the lab's", date="2024-05-01", authorships=[authorship("Z", [OTHER])])
    unrelated["updated_date"] = "2025-06-01T00:00:00"
    source = write_jsonl(root / "w.jsonl", [lab_work("2023-06-01T00:00:00"), unrelated])
    summary = import_works(source, root / "snap", institutions=["I100"], start=dt.date(2023, 1, 1))
    assert (summary.manifest.as_of, summary.manifest.as_of_basis) == (
        dt.date(2023, 6, 1),
        "the newest updated_date among the declared subjects' works",
    )
    r = check(root, root / "snap", period="from: 2023-01-01")
    assert r.period.assessed_to == "2023-06-01"
    only_unrelated = write_jsonl(root / "u.jsonl", [lab_work(None), unrelated])
    summary = import_works(only_unrelated, root / "snap2", institutions=["I100"], start=dt.date(2023, 1, 1))
    assert summary.manifest.as_of is None
    assert summary.manifest.as_of_basis.startswith("unknown: no work of the declared subjects in the period")


def test_the_lab_s_work_is_dated_by_the_day_the_whole_file_was_current_read_or_imported(root):
    """The lab's paper with a HIT coauthor, dated 2024-05-01 in a record updated 2024-01-01, in a
    file with another institution's record updated 2025-01-01: read directly, the file was current
    on 2025-01-01 and the paper certainly in the period; imported with the lab as subject, the
    as-of is the lab's works' day (2024-01-01), and the paper was held to it: ahead of its record,
    uncertain. The import and the file gave other findings (found by review). The snapshot keeps
    the day its records were current beside its as-of, and dates its works by it."""
    paper = lab_work_with_hit("2024-05-01", updated="2024-01-01T00:00:00")
    unrelated = work("W9", "Not the lab's", date="2024-05-01", authorships=[authorship("Z", [OTHER])])
    unrelated["updated_date"] = "2025-01-01T00:00:00"
    source = write_jsonl(root / "w.jsonl", [paper, unrelated])
    summary = import_works(source, root / "snap", institutions=["I100"], start=dt.date(2024, 1, 1))
    assert (summary.manifest.as_of, summary.manifest.records_current_on) == (dt.date(2024, 1, 1), dt.date(2025, 1, 1))
    period = "from: 2024-01-10\n    to: 2024-12-31"
    imported, direct = check(root, root / "snap", period=period), check(root, source, period=period)
    assert (imported.verdict, imported.matched, imported.uncertain) == ("contradicted", 1, 0), imported.why
    assert (direct.verdict, direct.matched, direct.why) == (imported.verdict, imported.matched, imported.why)
    assert imported.works_considered == direct.works_considered == 1
    # Where the lab's works are the newest, the as-of says it all: nothing more is written.
    alone = import_works(write_jsonl(root / "p.jsonl", [paper]), root / "snap2", institutions=["I100"])
    assert alone.manifest.records_current_on is None
    assert "records_current_on" not in (root / "snap2" / "manifest.json").read_text()


def test_a_subject_left_out_of_the_coverage_does_not_date_it(root):
    """The lab's work updated 2023-06-01, Microsoft declared too but its file holding only MSRA's
    works, updated 2025: the lab's coverage ran to 2025 (found by review)."""
    msra = institution("I4210113369", "Microsoft Research Asia (China)", lineage=["I4210113369", "I1290206253"])
    others = [
        work(f"W{k}", "MSRA", date="2024-06-01", authorships=[authorship("M", [msra])], updated_date="2025-01-01")
        for k in (7, 8)
    ]
    source = write_jsonl(root / "w.jsonl", [lab_work("2023-06-01T00:00:00"), *others])
    summary = import_works(source, root / "snap", institutions=["I100", "I1290206253"], start=dt.date(2023, 1, 1))
    assert summary.manifest.coverage.institutions == ("I100",)
    assert summary.manifest.as_of == dt.date(2023, 6, 1)
    assert check(root, root / "snap").verdict == "insufficient_evidence"


def test_an_import_that_keeps_no_record_says_so(root):
    # An API's answer of no record: a file holding nothing is refused with --subject-may-be-empty.
    source = root / "empty.json"
    source.write_text("[]\n", encoding="utf-8")
    summary = import_works(source, root / "snap", institutions=["I100"], subjects_may_be_empty=True)
    assert (summary.manifest.as_of, summary.manifest.as_of_basis) == (None, "unknown: the file holds no record to tell")


@pytest.mark.parametrize("later_as", ["jsonl", "curated"])
def test_a_later_work_in_a_file_read_directly_still_falls_in_an_open_ended_period(root, later_as):
    """Found by the sixteenth part's hunt: a snapshot current on 2024-06-30, given beside a file
    holding a 2025 work with a listed coauthor, ran the open-ended claim to 2024-06-30: the 2025
    work was dropped, and the snapshot's complete coverage cleared the claim (it was contradicted
    by the file alone). A file read directly was current no earlier than its newest work."""
    from helpers import HIT, write

    snapshot_records = [lab_work("2024-06-30T00:00:00", date="2024-03-05")]
    import_works(
        write_jsonl(root / "snap.jsonl", snapshot_records),
        root / "snap",
        institutions=["I100"],
        start=dt.date(2024, 1, 1),
    )
    if later_as == "jsonl":
        later = work(
            "W2", "A later paper", date="2025-02-03", authorships=[authorship("A", [LAB]), authorship("B", [HIT])]
        )
        later["updated_date"] = "2025-03-01T00:00:00"  # after its date: a record of a paper out by then
        other = write_jsonl(root / "later.jsonl", [later])
    else:
        other = write(
            root / "later.yaml",
            """\
            description: d
            works:
              - id: later
                title: A later paper
                versions:
                  - label: v
                    published: 2025-02-03
                    authors:
                      - {name: A, affiliations: [{name: Example Lab, openalex: I100}]}
                      - {name: B, affiliations: [{name: Harbin Institute of Technology, openalex: I200}]}
                    sources: [{title: s}]
            """,
        )
    text = "claims:\n" + none_claim("{coauthor_in: [mil]}")
    claims = claims_mod.load_claims([claim_file(root / "claims/c.yaml", text)], root=root)
    for order in ([root / "snap", other], [other, root / "snap"]):
        runs = [
            evaluate(claims, [open_evidence(p) for p in order], engine=e, cache=root / "cache")
            for e in ("python", "duckdb")
        ]
        (result,) = runs[0].results
        # The file's record was updated on 2025-03-01: it was current then (as its import's as-of).
        assert runs[0].as_of == runs[1].as_of == ("2025-03-01" if later_as == "jsonl" else "2025-02-03")
        assert (result.verdict, result.matched) == ("contradicted", 1), result.why


@pytest.mark.parametrize(("published", "as_of"), [("2025-02", "2025-02-28"), ("2025", "2025-12-31")])
def test_a_curated_work_dated_by_its_month_or_year_is_not_cut_off_by_its_own_first_day(root, published, as_of):
    """Found by the twenty-third part's hunt: beside a snapshot current on 2024-06-30, a curated
    paper of the lab with a coauthor at HIT, dated "2025-02" (its arXiv identifier's month), set
    the open-ended claim's cut-off to 2025-02-01, its first day, and so "may fall after" it: the
    claim it contradicts was left insufficient, by the paper the analyst certainly recorded.
    The period runs to the last day its date stands for, on both engines."""
    import_works(
        write_jsonl(root / "snap.jsonl", [lab_work("2024-06-30T00:00:00", date="2024-03-05")]),
        root / "snap",
        institutions=["I100"],
        start=dt.date(2024, 1, 1),
    )
    curated = write(
        root / "later.yaml",
        f"""\
        description: d
        works:
          - id: later
            title: A later paper
            versions:
              - label: arXiv v1
                published: "{published}"
                authors:
                  - {{name: A, affiliations: [{{name: Example Lab, openalex: I100}}]}}
                  - {{name: B, affiliations: [{{name: Harbin Institute of Technology, openalex: I200}}]}}
                sources: [{{title: s}}]
        """,
    )
    text = "claims:\n" + none_claim("{coauthor_in: [mil]}")
    claims = claims_mod.load_claims([claim_file(root / "claims/c.yaml", text)], root=root)
    for engine in ("python", "duckdb"):
        run = evaluate(claims, [open_evidence(root / "snap"), open_evidence(curated)], engine=engine, cache=root / "c")
        (result,) = run.results
        assert run.as_of == as_of
        assert (result.verdict, result.matched, result.uncertain) == ("contradicted", 1, 0), result.why


@pytest.mark.parametrize("later_as", ["curated", "jsonl"])
def test_a_work_whose_year_holds_the_snapshots_day_does_not_run_the_period_past_it(root, later_as):
    """Found by review (issue 18, twenty-third part): beside a snapshot current on 2025-03-10, a
    paper of the lab with no listed coauthor dated "2025" (a curated year, or OpenAlex's
    2025-01-01 in a file read directly whose records give no updated_date) set the cut-off to
    2025-12-31, past every snapshot: the claim the snapshot clears to 2025-03-10 was left
    insufficient. A work that may have appeared by the snapshot's day moves no cut-off."""
    import_works(
        write_jsonl(root / "snap.jsonl", [lab_work("2025-03-10T00:00:00", date="2024-03-05")]),
        root / "snap",
        institutions=["I100"],
        start=dt.date(2024, 1, 1),
    )
    if later_as == "jsonl":
        later = write_jsonl(
            root / "later.jsonl", [{**lab_work(None, date="2025-01-01"), "id": "https://openalex.org/W2"}]
        )
    else:
        later = write(
            root / "later.yaml",
            """\
            description: d
            works:
              - id: later
                title: A later paper
                versions:
                  - label: v
                    published: "2025"
                    authors:
                      - {name: A, affiliations: [{name: Example Lab, openalex: I100}]}
                      - {name: B, affiliations: [{name: Elsewhere University, openalex: I300}]}
                    sources: [{title: s}]
            """,
        )
    text = "claims:\n" + none_claim("{coauthor_in: [mil]}")
    claims = claims_mod.load_claims([claim_file(root / "claims/c.yaml", text)], root=root)
    for engine in ("python", "duckdb"):
        run = evaluate(claims, [open_evidence(root / "snap"), open_evidence(later)], engine=engine, cache=root / "c")
        (result,) = run.results
        assert run.as_of == "2025-03-10", engine
        assert result.verdict == "not_contradicted", result.why


@pytest.mark.parametrize("later_as", ["jsonl", "curated", None])
def test_the_reports_say_where_a_cut_off_worked_out_from_the_evidence_comes_from(root, later_as):
    """A snapshot current on 2024-06-30 beside a file whose newest record was updated on
    2025-03-01 (or curated evidence holding a work of 2025-02-03): the run took that day as the
    cut-off, and the reports said it was "given by the caller", who gave none."""
    import_works(
        write_jsonl(root / "snap.jsonl", [lab_work("2024-06-30T00:00:00", date="2024-03-05")]),
        root / "snap",
        institutions=["I100"],
        start=dt.date(2024, 1, 1),
    )
    evidence = [root / "snap"]
    if later_as == "jsonl":
        later = work("W2", "A later paper", date="2025-02-03", authorships=[authorship("A", [LAB])])
        later["updated_date"] = "2025-03-01T00:00:00"
        evidence.append(write_jsonl(root / "later.jsonl", [later]))
    elif later_as == "curated":
        evidence.append(
            write(
                root / "later.yaml",
                """\
                description: d
                works:
                  - id: later
                    title: A later paper
                    versions:
                      - label: v
                        published: 2025-02-03
                        authors: [{name: A, affiliations: [{name: Example Lab, openalex: I100}]}]
                        sources: [{title: s}]
                """,
            )
        )
    text = "claims:\n" + none_claim("{coauthor_in: [mil]}")
    claims = claims_mod.load_claims([claim_file(root / "claims/c.yaml", text)], root=root)
    results = evaluate(claims, [open_evidence(p) for p in evidence])
    said = {
        "jsonl": (
            "open-ended claims assessed to 2025-03-01 (cut-off: the newest updated_date the records of "
            f"{root / 'later.jsonl'}, a file read directly, give)"
        ),
        "curated": (
            "open-ended claims assessed to 2025-02-03 (cut-off: the last day the date of the newest work in "
            "evidence that does not say when its records were current stands for)"
        ),
        None: "open-ended claims assessed to 2024-06-30 (cut-off: the day the newest evidence's records were current)",
    }[later_as]
    assert cut_off(results) == said
    for fmt in ("md", "html"):
        assert "given by the caller" not in renderers()[fmt](results)
    given = evaluate(claims, [open_evidence(p) for p in evidence], as_of=dt.date(2025, 6, 1))
    assert given.as_of_basis is None
    assert cut_off(given) == "open-ended claims assessed to 2025-06-01 (cut-off given by the caller)"


@pytest.mark.parametrize("beside_a_snapshot", [True, False])
def test_a_file_read_directly_says_when_its_records_were_current(root, beside_a_snapshot):
    """Found by the nineteenth part's hunt: a file whose newest record was updated on 2025-03-01
    set the run's cut-off, and the reports' evidence table said its records were current as of
    "not recorded". It says what the records say, alone or beside a snapshot; a file whose
    records give no updated_date still says "not recorded"."""
    evidence = []
    if beside_a_snapshot:
        import_works(
            write_jsonl(root / "snap.jsonl", [lab_work("2024-06-30T00:00:00", date="2024-03-05")]),
            root / "snap",
            institutions=["I100"],
            start=dt.date(2024, 1, 1),
        )
        evidence.append(root / "snap")
    later = work("W2", "A later paper", date="2025-02-03", authorships=[authorship("A", [LAB])])
    later["updated_date"] = "2025-03-01T00:00:00"
    undated = work("W3", "An undated paper", date="2025-01-03", authorships=[authorship("A", [LAB])])
    del undated["updated_date"]
    evidence += [write_jsonl(root / "later.jsonl", [later]), write_jsonl(root / "undated.jsonl", [undated])]
    text = "claims:\n" + none_claim("{coauthor_in: [mil]}")
    claims = claims_mod.load_claims([claim_file(root / "claims/c.yaml", text)], root=root)
    results = evaluate(claims, [open_evidence(p) for p in evidence])
    assert results.as_of == ("2025-03-01" if beside_a_snapshot else None)
    columnar = evaluate(claims, [open_evidence(p) for p in evidence], engine="duckdb", cache=root / "cache")
    assert columnar.evidence == results.evidence  # the engines read the same day
    said = "2025-03-01 (the newest updated_date its records give)"
    markdown, html = renderers()["md"](results), renderers()["html"](results)
    escaped = said.replace("_", "\\_")  # Markdown escapes the underscore
    assert f"| `{root / 'later.jsonl'}` | jsonl | {escaped} |" in markdown
    assert f"| `{root / 'undated.jsonl'}` | jsonl | not recorded |" in markdown
    assert f'<td>jsonl</td>\n<td class="small">{said}</td>' in html


# --- a date after the day its record was current (seventeenth part) -----------------------------


def lab_work_with_hit(date: str, updated: str = "2025-05-01T00:00:00") -> dict:
    record = work("W1", "A paper", date=date, authorships=[authorship("A", [LAB]), authorship("B", [HIT])])
    record["updated_date"] = updated
    return record


def test_a_work_dated_after_its_record_was_current_is_never_dropped_from_an_open_period(root):
    """The lab's paper with a coauthor at HIT, dated 2026-03-01 (an issue dated ahead of its
    articles) in records current on 2025-05-01: an open-ended claim ran to 2025-05-01, the paper
    fell "after the period", and the claim was cleared: "not contradicted", with the paper that
    contradicts it in the evidence. Its date cannot say when it appeared (by then, or earlier):
    uncertain, said why, on both engines."""
    source = write_jsonl(root / "w.jsonl", [lab_work_with_hit("2026-03-01")])
    import_works(source, root / "snap", institutions=["I100"], start=dt.date(2024, 1, 1))
    r = check(root, root / "snap")
    assert r.verdict == "insufficient_evidence"
    assert [f.work.id for f in r.uncertain_findings] == ["W1"]
    assert r.uncertain_findings[0].work.publication_date == "2026-03-01"
    assert (
        "its date 2026-03-01 (after 2025-05-01, the day its record was current: the work may have appeared on any "
        "day before) may fall before 2024-01-10"
    ) in r.uncertain_findings[0].uncertain_because


def test_a_date_after_its_record_was_current_is_no_certain_match_in_a_period_it_seems_to_lie_in(root):
    """The same paper under a claim from 2024-01-10 to 2026-12-31: its date lies in the period,
    but the work may have appeared on any day before 2025-05-01, before 2024-01-10 too."""
    source = write_jsonl(root / "w.jsonl", [lab_work_with_hit("2026-03-01")])
    import_works(source, root / "snap", institutions=["I100"], start=dt.date(2024, 1, 1))
    r = check(root, root / "snap", period="from: 2024-01-10\n    to: 2026-12-31")
    assert (r.verdict, [f.work.id for f in r.findings], [f.work.id for f in r.uncertain_findings]) == (
        "insufficient_evidence",
        [],
        ["W1"],
    )


def test_a_date_up_to_the_day_its_record_was_current_is_read_as_written(root):
    """A paper dated on the day the records were current, or before it, is dated as before."""
    source = write_jsonl(root / "w.jsonl", [lab_work_with_hit("2025-05-01")])
    import_works(source, root / "snap", institutions=["I100"], start=dt.date(2024, 1, 1))
    r = check(root, root / "snap")
    assert (r.verdict, [f.work.id for f in r.findings]) == ("contradicted", ["W1"])


def test_a_date_after_its_record_was_current_still_bounds_the_work_from_above(root):
    """A paper dated 2020-03-01 in records current on 2019-06-01 may have appeared on any day up
    to its date, none of them in a period from 2021 on: outside it, as before."""
    source = write_jsonl(root / "w.jsonl", [lab_work_with_hit("2020-03-01", updated="2019-06-01T00:00:00")])
    import_works(source, root / "snap", institutions=["I100"], start=dt.date(2019, 1, 1))
    r = check(root, root / "snap", period="from: 2021-01-01\n    to: 2022-12-31")
    assert (r.matched, r.uncertain) == (0, 0)


def test_a_record_updated_after_its_snapshot_s_as_of_is_dated_up_to_its_own_day(root):
    """An import with the lab as subject, its works in 2024 last updated on 2025-01-15 (the
    snapshot's as-of, the subjects' works alone), and the lab's paper with a coauthor at HIT
    dated 2025-06-01, after the period, in a record updated on 2025-07-01: that record was current
    after its date, which it therefore certainly shows. It was read as "after 2025-01-15, the
    day its record was current", may be any day before: the claim about 2024 went from "not
    contradicted" to uncertain, on both engines. A record updated after the as-of but still
    before its date is dated up to its own day, and says that day."""
    in_period = lab_work("2025-01-15T00:00:00", date="2024-03-01")
    later = lab_work_with_hit("2025-06-01", updated="2025-07-01T00:00:00")
    later["id"] = later["ids"]["openalex"] = "https://openalex.org/W5"
    no_partner = lab_work("2025-07-01T00:00:00", date="2025-06-01")  # counted by the query alone
    no_partner["id"] = no_partner["ids"]["openalex"] = "https://openalex.org/W6"
    source = write_jsonl(root / "w.jsonl", [in_period, later, no_partner])
    import_works(source, root / "snap", institutions=["I100"], start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31))
    assert open_evidence(root / "snap").retrieved == dt.date(2025, 1, 15)
    r = check(root, root / "snap", period="from: 2024-01-10\n    to: 2024-12-31")
    assert (r.verdict, r.uncertain) == ("not_contradicted", 0), r.why
    r = check(root, root / "snap", period="from: 2024-01-10\n    to: 2025-12-31")  # the query counts it too
    assert (r.verdict, r.matched, r.uncertain, r.works_considered) == ("contradicted", 1, 0, 3), r.why

    later["updated_date"] = "2025-03-01T00:00:00"
    source = write_jsonl(root / "w2.jsonl", [in_period, later])
    import_works(source, root / "snap2", institutions=["I100"], start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31))
    r = check(root, root / "snap2", period="from: 2024-01-10\n    to: 2024-12-31")
    assert r.verdict == "insufficient_evidence"
    assert "its date 2025-06-01 (after 2025-03-01, the day its record was current" in r.why


def test_a_work_whose_first_day_a_version_ahead_of_its_record_leaves_open_says_which(root):
    """The lab's preprint of 2024-03-01 and its journal version, one DOI, dated 2026-03-01 in
    records current on 2025-05-01: the journal version may have appeared on any day before, so
    the work by 2024-03-01, perhaps before the period. Its doubt said "its date by 2024-03-01 may
    fall before 2024-01-10", and not why: it names the version's date and the record's day."""
    preprint = lab_work_with_hit("2024-03-01")
    journal = lab_work_with_hit("2026-03-01")
    journal["id"] = journal["ids"]["openalex"] = "https://openalex.org/W2"
    preprint["doi"] = journal["doi"] = "https://doi.org/10.1234/abc"
    source = write_jsonl(root / "w.jsonl", [preprint, journal])
    import_works(source, root / "snap", institutions=["I100"], start=dt.date(2024, 1, 1))
    r = check(root, root / "snap")
    assert (r.verdict, r.matched, r.uncertain) == ("insufficient_evidence", 0, 1)
    (finding,) = r.uncertain_findings
    assert finding.work.publication_date == "by 2024-03-01"
    assert finding.uncertain_because == (
        "its date by 2024-03-01 (a version's date 2026-03-01 is after 2025-05-01, the day its record was current: "
        "it may have appeared on any day before) may fall before 2024-01-10",
    )


def test_a_file_read_directly_dates_its_works_as_an_import_of_it_does(root):
    """Found by the import property of the sixteenth part (test_record_copies.py): a file read
    directly dated its works as written, while its import, current on its records' newest
    `updated_date`, read a date after that day as any day before; the two gave other findings.
    A file read directly was current no earlier than the same day: both engines date it so."""
    records = [lab_work_with_hit("2024-05-01", updated="2024-01-01T00:00:00")]
    records[0].pop("updated_date")
    records.append(work("W2", "Another paper", date="2023-05-01", authorships=[authorship("A", [LAB])]))
    records[1]["updated_date"] = "2024-01-01T00:00:00"
    source = write_jsonl(root / "w.jsonl", records)
    import_works(source, root / "snap", institutions=["I100"], start=dt.date(2023, 1, 1))
    direct, imported = check(root, source), check(root, root / "snap")
    assert [f.work.id for f in direct.uncertain_findings] == [f.work.id for f in imported.uncertain_findings] == ["W1"]
    assert direct.uncertain_findings[0].uncertain_because == imported.uncertain_findings[0].uncertain_because
    assert "after 2024-01-01, the day its record was current" in direct.uncertain_findings[0].uncertain_because[0]


def test_a_work_dated_by_a_day_is_ordered_by_that_day_not_after_the_undated():
    """Found by the review of the dates ahead of their records: "by 2024-03-01" sorted as text,
    after every date and after the undated works (the reports and `diff` order findings by date)."""
    from claimwatch.results import publication_order

    dates = ["2024-06-01", None, "by 2024-03-01", "2024", "2024-01-01 to 2024-02-01"]
    assert sorted(dates, key=publication_order) == [
        "2024",
        "2024-01-01 to 2024-02-01",
        "by 2024-03-01",
        "2024-06-01",
        None,
    ]


def test_a_file_read_directly_beside_an_older_snapshot_runs_the_period_to_its_newest_updated_date(root):
    """Found by the review of the eighteenth part: the lab's paper with a coauthor at HIT, dated
    2025 (OpenAlex's 2025-01-01), in a file whose records were current on 2026-01-15, beside a
    snapshot current on 2024-12-15. The open-ended claim ran to the file's newest work's first
    day, 2025-01-01, and the paper "may fall after" it: uncertain, where the file alone, or its
    import beside the snapshot (as-of 2026-01-15), contradicts the claim. A file read directly
    was current no earlier than its newest `updated_date`, as its import says: on both engines."""
    import_works(
        write_jsonl(root / "old.jsonl", [lab_work("2024-12-15T00:00:00", date="2024-03-05")]),
        root / "old",
        institutions=["I100"],
        start=dt.date(2020, 1, 1),
    )
    paper = write_jsonl(root / "paper.jsonl", [lab_work_with_hit("2025-01-01", "2026-01-15T00:00:00")])
    import_works(paper, root / "imported")
    text = "claims:\n" + none_claim("{coauthor_in: [mil]}")
    claims = claims_mod.load_claims([claim_file(root / "claims/c.yaml", text)], root=root)
    for other in (JsonlEvidence.open(paper), open_evidence(root / "imported")):
        for evidence in ([open_evidence(root / "old"), other], [other, open_evidence(root / "old")]):
            for engine in ("python", "duckdb"):
                run = evaluate(claims, evidence, engine=engine, cache=root / "cache")
                (result,) = run.results
                assert run.as_of == "2026-01-15", (engine, other.path)
                assert (result.verdict, result.matched) == ("contradicted", 1), result.why


def _the_period_begins_after_the_as_of_day(claims, source: Path, root: Path) -> None:
    """Checked as of 2023-01-01, on both engines, the claim from 2024-01-10 says so as its reason."""
    for engine in ("python", "duckdb"):
        r = evaluate(claims, [open_evidence(source)], as_of=dt.date(2023, 1, 1), engine=engine, cache=root / "c")
        (result,) = r.results
        assert result.verdict == "insufficient_evidence"
        assert result.coverage.why == (
            "the claim's period begins on 2024-01-10, after the run's as-of day (2023-01-01): none of it can be checked"
        )
        assert result.why == f"{result.coverage.why[:1].upper()}{result.coverage.why[1:]}."
