"""Reviews: the file, recording one, and what they do to findings and verdicts in every report."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch.bdd.case import Case, SessionStore
from claimwatch.bdd.failures import ExpectationNotMet, ScenarioProblem
from claimwatch.bdd.steps import then_review_lapsed, then_reviewed_as, then_set_aside
from claimwatch.claims import load_claims
from claimwatch.cli import main
from claimwatch.errors import InputError
from claimwatch.evaluate import evaluate
from claimwatch.evidence import import_works, open_evidence_paths
from claimwatch.reports import write_reports
from claimwatch.reports.claimreview import render_claimreview
from claimwatch.reports.csvreport import render_csv
from claimwatch.reports.jsonreport import render_json
from claimwatch.reports.markdown import render_markdown
from claimwatch.results import Results
from claimwatch.reviews import load_reviews, record_review, work_key

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "features" / "data"
DAY = dt.date(2025, 2, 1)


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic lab's works, declared complete for 2024; records current as of 2025-01-15."""
    out = tmp_path_factory.mktemp("snap") / "snapshot"
    import_works(
        DATA / "synthetic-works.jsonl",
        out,
        institutions=("I9990000001",),
        start=dt.date(2024, 1, 1),
        end=dt.date(2024, 12, 31),
    )
    return out


def _evaluate(snapshot: Path, reviews: Path | None = None, as_of: dt.date | None = None) -> Results:
    claims = load_claims([str(DATA / "synthetic-claims.yaml")], lists=[str(DATA / "lists")])
    return evaluate(
        claims, open_evidence_paths([snapshot]), as_of=as_of, reviews=load_reviews(reviews) if reviews else None
    )


def _review(path: Path, claim: str, work: str, decision: str = "not_a_match", **more: object) -> None:
    more.setdefault("date", DAY)
    record_review(path, claim=claim, work=work, decision=decision, note="checked by hand", by="Tester", **more)  # type: ignore[arg-type]


# --- identities ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("W9990000001", "W9990000001"),
        ("https://openalex.org/W9990000001", "W9990000001"),
        ("w9990000001", "W9990000001"),
        ("10.5555/Kestrel.2024.0001", "doi:10.5555/kestrel.2024.0001"),
        ("https://doi.org/10.5555/kestrel.2024.0001", "doi:10.5555/kestrel.2024.0001"),
        ("doi:10.5555/kestrel.2024.0001", "doi:10.5555/kestrel.2024.0001"),
        ("arXiv:2404.10667v1", "arxiv:2404.10667"),
        ("2404.10667", "arxiv:2404.10667"),
        ("https://arxiv.org/abs/2404.10667", "arxiv:2404.10667"),
        ("10.48550/arXiv.2404.10667", "arxiv:2404.10667"),
        ("hep-th/9901001v2", "arxiv:hep-th/9901001"),
        ("naturalspeech-3", "naturalspeech-3"),
        ("openalex.org/W9990000001", "W9990000001"),  # pasted without its scheme
        # The API's address with the query its polite pool asks for, as an analyst copies it (36th part)
        ("https://api.openalex.org/works/W9990000001?mailto=analyst@example.org", "W9990000001"),
        # An old-style id with its subject class names the paper as its DOI does; a page's address
        # as a browser shows it (PDF, mirror, trailing slash) names it too.
        ("arXiv:math.AG/0309136", "arxiv:math/0309136"),
        ("https://arxiv.org/abs/cond-mat.str-el/0309136v2", "arxiv:cond-mat/0309136"),
        ("https://arxiv.org/pdf/2404.10667v1", "arxiv:2404.10667"),
        ("https://arxiv.org/pdf/2404.10667v1.pdf", "arxiv:2404.10667"),
        ("http://export.arxiv.org/abs/2404.10667", "arxiv:2404.10667"),
        ("https://arxiv.org/abs/2404.10667/", "arxiv:2404.10667"),
        ("https://openalex.org/works/W9990000001/", "W9990000001"),  # with a trailing slash
        # A DOI of accented letters pasted decomposed (NFD, as from a PDF on a Mac): the record's
        # composed form, else the review applied to nothing and diff took it for another review.
        ("doi:10.5555/cafe\u0301.2024", "doi:10.5555/caf\u00e9.2024"),
        ("https://doi.org/10.5555/CAFE\u0301.2024", "doi:10.5555/caf\u00e9.2024"),
        ("I4210113369", None),  # an institution is no work
        ("not a work", None),
        ("", None),
    ],
)
def test_a_work_is_named_by_any_stable_identity(written: str, key: str | None) -> None:
    assert work_key(written) == key


def test_a_record_s_decomposed_doi_is_named_by_the_composed_one() -> None:
    from claimwatch.reviews import identity_keys

    assert work_key("10.5555/caf\u00e9.2024") in identity_keys("W1", "10.5555/cafe\u0301.2024", None)


# --- the file ------------------------------------------------------------------------------------


def test_every_problem_in_a_reviews_file_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "reviews.yaml"
    path.write_text(
        "reviews:\n"
        "  - {claim: c, work: W1, decision: not_a_match, by: me, date: 2025-01-01, note: n}\n"
        "  - {claim: c, work: https://openalex.org/W1, decision: confirmed, by: me, date: 2025-01-01, note: n}\n"
        "  - {claim: c, work: I5, decision: confirmed, by: me, date: 2025-01-01, note: n}\n"
        "  - {claim: c, work: W2, decision: confirmed, by: me, date: 2025-01-01, note: n, expires: 2024-01-01}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as e:
        load_reviews(path)
    lines = e.value.lines()
    assert any(
        ":3:" in x and "a second review of https://openalex.org/W1 for claim 'c' (first at line 2)" in x for x in lines
    )
    assert any(":4:" in x and "'I5' names no work" in x for x in lines)
    assert any(":5:" in x and "expires 2024-01-01, before the review was made (2025-01-01)" in x for x in lines)


def test_a_blank_note_or_reviewer_is_refused(
    case: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`review CLAIM W --decision not_a_match --note "   "` (or `--by " "`) recorded the decision
    with a note of spaces, shown beside the finding in every report as its reason, and validate
    passed it: the schema holds a note to one character. Refused before anything is written now,
    and a reviews file holding one (written by hand, or before) is refused at its place."""
    monkeypatch.chdir(case)
    args = ["review", "kestrel-no-drone-swarms", "W9990000001", "--decision", "not_a_match"]
    assert main([*args, "--note", "   "]) == 2
    assert main([*args, "--note", "simulated", "--by", " "]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "reviews.yaml: --note is blank: say why the finding is decided so",
        "reviews.yaml: --by is blank: name who decided",
    ]
    assert not (case / "reviews.yaml").exists()
    (case / "reviews.yaml").write_text(
        "reviews:\n"
        "  - {claim: kestrel-no-drone-swarms, work: W9990000001, decision: not_a_match, by: me, date: 2025-01-01,\n"
        "     note: '  '}\n",
        encoding="utf-8",
    )
    assert main(["validate", "reviews.yaml"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "reviews.yaml:3:12: note is blank: say why the finding is decided so"
    ]


def test_the_schema_names_a_wrong_decision(tmp_path: Path) -> None:
    path = tmp_path / "reviews.yaml"
    path.write_text("reviews:\n  - {claim: c, work: W1, decision: dismissed, by: me, date: 2025-01-01, note: n}\n")
    with pytest.raises(InputError, match=r"reviews.yaml:2:.*dismissed"):
        load_reviews(path)


def test_an_empty_list_holds_no_reviews(tmp_path: Path) -> None:
    path = tmp_path / "reviews.yaml"
    path.write_text("reviews:\n")
    assert load_reviews(path).entries == []


def test_recording_appends_and_keeps_the_analysts_comments(tmp_path: Path) -> None:
    path = tmp_path / "reviews.yaml"
    path.write_text(
        "# our reviews\nreviews:  # kept\n- claim: a\n  work: W1\n  decision: confirmed\n  by: x\n  date: 2025-01-01\n  note: n\n"
    )
    _review(path, "b", "10.5555/x", "disputed", expires=dt.date(2025, 6, 30))
    text = path.read_text()
    assert text.startswith("# our reviews\nreviews:  # kept\n- claim: a\n")
    entries = load_reviews(path).entries
    assert [(e.review.claim, e.key, e.review.decision, e.review.expires) for e in entries] == [
        ("a", "W1", "confirmed", None),
        ("b", "doi:10.5555/x", "disputed", "2025-06-30"),
    ]
    assert entries[1].review.line == 9


def test_recording_keeps_the_files_windows_line_endings_and_byte_order_mark(tmp_path: Path) -> None:
    """A reviews file edited on Windows (CRLF, a byte order mark) gets the new review in its own
    line endings, every earlier byte as it was: it was rewritten whole with LF line endings, so
    that git showed every line of the analyst's file changed."""
    path = tmp_path / "reviews.yaml"
    old = "\ufeff# ours\r\nreviews:\r\n  - claim: a\r\n    work: W1\r\n    decision: confirmed\r\n    by: x\r\n"
    old += "    date: 2025-01-01\r\n    note: 'two\r\n\r\n      paragraphs'\r\n"
    path.write_bytes(old.encode("utf-8"))
    _review(path, "a", "W2", "disputed")
    raw = path.read_bytes()
    assert raw.startswith(old.encode("utf-8"))
    assert raw.count(b"\n") == raw.count(b"\r\n") and raw.endswith(b"\r\n")
    first, second = load_reviews(path).entries
    assert (first.review.note, second.key, second.review.decision) == ("two\nparagraphs", "W2", "disputed")


def test_recording_through_a_link_to_a_shared_reviews_file_writes_the_shared_file(tmp_path: Path) -> None:
    """Two cases keep one reviews file, each linking it in as its reviews.yaml: a review recorded
    in one case replaced its link with a file of its own, the shared file left without it and the
    other case never seeing it, in silence."""
    shared = tmp_path / "team" / "reviews.yaml"
    shared.parent.mkdir()
    shared.write_text("reviews:\n  - {claim: a, work: W1, decision: confirmed, by: x, date: 2025-01-01, note: n}\n")
    cases = [tmp_path / "case-1", tmp_path / "case-2"]
    for case in cases:
        case.mkdir()
        (case / "reviews.yaml").symlink_to(Path("..") / "team" / "reviews.yaml")
    _review(cases[0] / "reviews.yaml", "a", "W2")
    assert (cases[0] / "reviews.yaml").is_symlink()
    assert [e.key for e in load_reviews(shared).entries] == ["W1", "W2"]
    assert [e.key for e in load_reviews(cases[1] / "reviews.yaml").entries] == ["W1", "W2"]
    assert (shared.parent / ".reviews.yaml.lock").exists()  # one lock for every case's runs


def test_recording_through_a_link_that_leads_round_in_a_loop_replaces_nothing(tmp_path: Path) -> None:
    """A case's reviews.yaml linked to the team's file the wrong way round (`ln -s reviews.yaml
    reviews.yaml` in the case, a link to itself): the review was recorded, exit 0, the link
    replaced by a file of one review, the team's file without it, in silence. Refused now,
    the link as it was."""
    link = tmp_path / "reviews.yaml"
    link.symlink_to("reviews.yaml")
    with pytest.raises(InputError) as e:
        _review(link, "a", "W2")
    assert e.value.lines() == [
        f"{link}: cannot record a review: a link on this path leads round in a loop (to itself, or to links "
        "that lead back to it): remove it, or give another path"
    ]
    assert os.readlink(link) == "reviews.yaml"


def _reviews_text(count: int, note: str = "n") -> str:
    return "reviews:\n" + "".join(
        f"  - {{claim: a, work: W{1000 + n}, decision: not_a_match, by: x, date: 2025-01-01, note: {note}}}\n"
        for n in range(count)
    )


@pytest.mark.parametrize("past", ["values", "bytes"])
def test_a_review_that_would_make_the_file_unreadable_is_not_recorded(tmp_path, monkeypatch, past):
    """A reviews.yaml of 19,230 reviews (2.6 MB, as years of a team's reviews of a large check
    make), the most the 250,000 values of a file allow: `review` appended one more, then failed
    reading its own file back, "more than 250,000 values (an alias bomb?)", exit 2, the file
    written all the same, and every later check and review stopped on it. So with reviews
    carrying long notes, past 8 MiB. Now nothing is written, and the line says why."""
    from claimwatch import documents

    path = tmp_path / "reviews.yaml"
    if past == "values":
        monkeypatch.setattr(documents, "MAX_VALUES", 3 + 3 * 13)  # the list, and 3 reviews of 6 keys
        path.write_text(_reviews_text(3), encoding="utf-8")
        said = f"more than the {documents.MAX_VALUES:,} values claimwatch reads in one file"
    else:
        path.write_text(_reviews_text(79, note="x" * 100_000), encoding="utf-8")
        said = "bytes, more than the 8,388,608 claimwatch reads"
    before = path.read_bytes()
    assert len(load_reviews(path).entries) in (3, 79)
    with pytest.raises(InputError) as caught:
        record_review(path, claim="a", work="W9", decision="confirmed", note="x" * 600_000, by="x", date=DAY)
    (line,) = caught.value.lines()
    assert line.startswith(f"{path}: cannot record the review: the file would hold ") and said in line
    assert path.read_bytes() == before
    load_reviews(path)


@pytest.mark.parametrize("odd", ["\u2028", "\u2029", "\x85", "\x1c", "\v", "\f"])
def test_a_note_holding_a_line_break_of_another_kind_is_recorded_as_given(tmp_path: Path, odd: str) -> None:
    """A note pasted with a Unicode line separator (or NEL, or a form feed) was refused, saying the
    file's list was not its last block or an earlier review would read differently: the new
    review's own lines were cut at that character and indented."""
    path = tmp_path / "reviews.yaml"
    path.write_text("reviews:\n  - {claim: a, work: W1, decision: confirmed, by: x, date: 2025-01-01, note: n}\n")
    record_review(path, claim="a", work="W2", decision="confirmed", note=f"北京{odd}next", by=f"A{odd}B", date=DAY)
    review = load_reviews(path).entries[-1].review
    assert (review.note, review.by) == (f"北京{odd}next", f"A{odd}B")


@settings(max_examples=200, deadline=None)
# Any but text of spaces alone, refused: test_a_blank_note_or_reviewer_is_refused.
@given(note=st.text(min_size=1, max_size=20).filter(str.strip), by=st.text(min_size=1, max_size=8).filter(str.strip))
def test_any_note_and_reviewer_are_recorded_as_given(
    tmp_path_factory: pytest.TempPathFactory, note: str, by: str
) -> None:
    path = tmp_path_factory.mktemp("r") / "reviews.yaml"
    path.write_text("reviews:\n  - {claim: a, work: W1, decision: confirmed, by: x, date: 2025-01-01, note: n}\n")
    record_review(path, claim="a", work="W2", decision="confirmed", note=note, by=by, date=DAY)
    review = load_reviews(path).entries[-1].review
    assert (review.note, review.by) == (note, by)


def test_recording_into_a_flow_empty_list_and_a_new_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("reviews: []\n")
    _review(empty, "a", "W1")
    assert [e.key for e in load_reviews(empty).entries] == ["W1"]
    new = tmp_path / "new.yaml"
    _review(new, "a", "naturalspeech-3")
    assert load_reviews(new).entries[0].review.note == "checked by hand"


def test_a_note_that_looks_like_yaml_is_kept_as_written(tmp_path: Path) -> None:
    path = tmp_path / "reviews.yaml"
    note = "no: it's 'gait' - see #3, [x]: {y}\nsecond line"
    record_review(path, claim="a", work="W1", decision="not_a_match", note=note, by="O'Brien: lead", date=DAY)
    review = load_reviews(path).entries[0].review
    assert (review.note, review.by) == (note, "O'Brien: lead")


def test_recording_keeps_the_blank_lines_an_earlier_note_holds(tmp_path: Path) -> None:
    """`note: |+` keeps its trailing blank lines: appending after them leaves them in the note."""
    path = tmp_path / "reviews.yaml"
    old = (
        "reviews:\n  - claim: a\n    work: W1\n    decision: disputed\n    by: A\n    date: 2025-01-01\n"
        "    note: |+\n      first line\n\n\n"
    )
    path.write_text(old, encoding="utf-8")
    _review(path, "a", "W2", "confirmed")
    assert path.read_text(encoding="utf-8").startswith(old)
    first, second = load_reviews(path).entries
    assert first.review.note == "first line\n\n\n"
    assert (second.key, second.review.note) == ("W2", "checked by hand")


def test_recording_that_would_change_an_earlier_review_is_refused(tmp_path: Path) -> None:
    """With no line break at the end of the file, a kept note ends without one: any line after
    it would add one to that note, so the review is not written, and the file is left as it was."""
    path = tmp_path / "reviews.yaml"
    path.write_text(
        "reviews:\n  - claim: a\n    work: W1\n    decision: disputed\n    by: A\n    date: 2025-01-01\n"
        "    note: |+\n      first line",
        encoding="utf-8",
    )
    before = path.read_bytes()
    with pytest.raises(InputError, match="an earlier review would read differently"):
        _review(path, "a", "W2", "confirmed")
    assert path.read_bytes() == before


def test_a_second_review_of_a_finding_is_refused_at_the_first(tmp_path: Path) -> None:
    path = tmp_path / "reviews.yaml"
    _review(path, "a", "W1")
    before = path.read_bytes()
    with pytest.raises(
        InputError, match=r"reviews.yaml:4:1: https://openalex.org/W1 is already reviewed for claim 'a'"
    ):
        _review(path, "a", "https://openalex.org/W1", "confirmed")
    assert path.read_bytes() == before


def test_a_file_written_in_flow_style_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "reviews.yaml"
    path.write_text("reviews: [{claim: a, work: W1, decision: confirmed, by: x, date: 2025-01-01, note: n}]\n")
    before = path.read_bytes()
    with pytest.raises(InputError, match="add it by hand"):
        _review(path, "b", "W2")
    assert path.read_bytes() == before


def test_unknown_claims_are_refused_naming_the_known(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"no claim 'nope' in the case \(known: a, b\)"):
        record_review(
            tmp_path / "r.yaml",
            claim="nope",
            work="W1",
            decision="confirmed",
            note="n",
            by="x",
            date=DAY,
            known_claims=["b", "a"],
        )
    assert not (tmp_path / "r.yaml").exists()


# --- what reviews do -----------------------------------------------------------------------------


def test_without_reviews_nothing_changes(snapshot: Path) -> None:
    plain = _evaluate(snapshot)
    dumped = plain.model_dump_json()
    assert '"dismissed"' not in dumped and '"review"' not in dumped and '"lapsed_reviews"' not in dumped


def test_not_a_match_leaves_the_verdict_and_stays_in_view(snapshot: Path, tmp_path: Path) -> None:
    reviews = tmp_path / "reviews.yaml"
    _review(reviews, "kestrel-no-drone-swarms", "10.5555/kestrel.2024.0001")
    _review(reviews, "kestrel-no-drone-swarms", "W9990000007")
    result = _evaluate(snapshot, reviews).result("kestrel-no-drone-swarms")
    # Both swarm papers set aside, the snapshot complete: nothing is left to contradict the claim.
    assert result.verdict == "not_contradicted"
    assert result.matched == 0 and result.findings == ()
    assert [f.work.id for f in result.dismissed] == ["W9990000007", "W9990000001"]  # 2024 before 2024-03-14
    assert all(f.review is not None and f.review.decision == "not_a_match" for f in result.dismissed)
    assert "2 findings set aside on review as not a match" in result.why
    assert "by Tester on 2025-02-01: checked by hand" in result.why


def test_confirmed_resolves_a_doubt_and_disputed_makes_one(snapshot: Path, tmp_path: Path) -> None:
    reviews = tmp_path / "reviews.yaml"
    _review(reviews, "kestrel-no-drone-swarms-since-june", "W9990000007", "confirmed")
    _review(reviews, "kestrel-no-watchlist-partners", "W9990000004", "disputed")
    results = _evaluate(snapshot, reviews)
    june = results.result("kestrel-no-drone-swarms-since-june")
    assert june.verdict == "contradicted"
    (confirmed,) = june.findings
    assert confirmed.status == "matched" and confirmed.uncertain_because == (
        "its date 2024 may fall before 2024-06-01",
    )
    partners = results.result("kestrel-no-watchlist-partners")
    assert [f.work.id for f in partners.findings] == ["W9990000001"]
    (disputed,) = partners.uncertain_findings
    assert disputed.status == "uncertain"
    assert disputed.uncertain_because[-1] == "disputed on review by Tester (2025-02-01): checked by hand"


@pytest.mark.parametrize("engine", ["python", "duckdb"])
def test_a_work_confirmed_into_the_period_is_considered(snapshot: Path, tmp_path: Path, engine: str) -> None:
    """A year-only work confirmed for a claim from June counts as a match, so among the works
    considered too: never more matched than considered, in the results or any report."""
    reviews = tmp_path / "reviews.yaml"
    _review(reviews, "kestrel-no-drone-swarms-since-june", "W9990000007", "confirmed")
    claims = load_claims([str(DATA / "synthetic-claims.yaml")], lists=[str(DATA / "lists")])
    evidence = open_evidence_paths([snapshot])
    options = {"reviews": load_reviews(reviews), "cache": tmp_path / "cache"}
    plain = evaluate(claims, evidence, engine=engine, cache=tmp_path / "cache").result(
        "kestrel-no-drone-swarms-since-june"
    )
    results = evaluate(claims, evidence, engine=engine, **options)  # type: ignore[arg-type]
    june = results.result("kestrel-no-drone-swarms-since-june")
    assert (plain.matched, plain.works_considered) == (0, 2)
    assert (june.matched, june.works_considered) == (1, 3)
    report = json.loads(render_json(results))
    (row,) = [r for r in report["results"] if r["claim"] == "kestrel-no-drone-swarms-since-june"]
    assert (row["matched"], row["works_considered"]) == (1, 3)
    assert "1 matched, 0 uncertain, 3 works by Kestrel Research Lab in the period considered" in render_markdown(
        results
    )


def test_reviews_that_cannot_apply_are_reported_not_applied(snapshot: Path, tmp_path: Path) -> None:
    reviews = tmp_path / "reviews.yaml"
    _review(
        reviews, "kestrel-no-watchlist-partners", "W9990000001", date=dt.date(2025, 1, 2), expires=dt.date(2025, 1, 10)
    )
    _review(reviews, "kestrel-no-watchlist-partners", "W9990000004")
    _review(reviews, "kestrel-no-watchlist-partners", "10.5555/kestrel.2024.0004")
    _review(reviews, "kestrel-no-quantum-sensing", "W9990000003")
    results = _evaluate(snapshot, reviews)
    partners = results.result("kestrel-no-watchlist-partners")
    assert [f.work.id for f in partners.findings] == ["W9990000001"]  # the expired review is not applied
    assert [(x.reason, x.review.work) for x in partners.lapsed_reviews] == [
        ("expired", "W9990000001"),
        ("overlaps", "10.5555/kestrel.2024.0004"),
    ]
    assert "the evidence is current to 2025-01-15" in partners.lapsed_reviews[0].why
    quantum = results.result("kestrel-no-quantum-sensing")
    assert quantum.verdict == "not_contradicted"
    assert [x.reason for x in quantum.lapsed_reviews] == ["not_found"]
    # A cut-off before the expiry: the same review applies.
    earlier = _evaluate(snapshot, reviews, as_of=dt.date(2025, 1, 10)).result("kestrel-no-watchlist-partners")
    assert [f.work.id for f in earlier.dismissed] == ["W9990000001", "W9990000004"]


@pytest.mark.parametrize("engine", ["python", "duckdb"])
def test_a_review_of_a_work_openalex_merged_away_says_so_and_is_not_carried_over(
    snapshot: Path, tmp_path: Path, engine: str
) -> None:
    """A review names W9990000099, which OpenAlex merged into W9990000001 (the snapshot's manifest
    records it, as `collect` and `--update` write it): the review was not applied, said "the work
    no longer matches, or is no longer in the evidence", though it is there under the id that
    survived (issue 18, twenty-second part). It says so, and is still not applied: the decision
    was made on another record."""
    merged = tmp_path / "snapshot"
    shutil.copytree(snapshot, merged)
    manifest = json.loads((merged / "manifest.json").read_text(encoding="utf-8"))
    manifest["queries"] = [{"merged_ids": {"W9990000099": "W9990000098"}}]
    manifest["update"] = {"merged": {"W9990000098": "W9990000001"}, "queries": []}
    (merged / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    reviews = tmp_path / "reviews.yaml"
    _review(reviews, "kestrel-no-watchlist-partners", "W9990000099")
    _review(reviews, "kestrel-no-quantum-sensing", "W9990000099")
    claims = load_claims([str(DATA / "synthetic-claims.yaml")], lists=[str(DATA / "lists")])
    results = evaluate(
        claims, open_evidence_paths([merged]), reviews=load_reviews(reviews), engine=engine, cache=tmp_path / "cache"
    )
    partners = results.result("kestrel-no-watchlist-partners")
    assert "W9990000001" in [f.work.id for f in partners.findings]  # not set aside
    (lapsed,) = partners.lapsed_reviews
    assert lapsed.reason == "not_found"
    assert lapsed.why.endswith(
        "any more: OpenAlex merged W9990000099 into W9990000001 (as the evidence records), a finding of the claim "
        "as W9990000001, Cooperative path planning for UAV swarms under intermittent communication: the review "
        "is not carried over to another record; review W9990000001 if its decision holds"
    )
    (quantum,) = results.result("kestrel-no-quantum-sensing").lapsed_reviews
    assert "into W9990000001 (as the evidence records), which leads none of its findings" in quantum.why


def test_an_expiry_is_not_guessed_where_the_evidence_has_no_date(tmp_path: Path) -> None:
    reviews = tmp_path / "reviews.yaml"
    _review(reviews, "msra-no-synthetic-media", "vasa-1", expires=dt.date(2030, 1, 1))
    claims = load_claims([str(PROJECT / "claims" / "microsoft-msra-2024.yaml")], root=PROJECT)
    evidence = open_evidence_paths([PROJECT / "evidence" / "curated" / "msra-2024.yaml"])
    result = evaluate(claims, evidence, reviews=load_reviews(reviews)).result("msra-no-synthetic-media")
    assert result.matched == 3 and not result.dismissed
    assert [x.reason for x in result.lapsed_reviews] == ["expiry_unknown"]


def test_a_review_survives_recollection_under_another_openalex_id(snapshot: Path, tmp_path: Path) -> None:
    """OpenAlex merges and renumbers works; a review naming the DOI still finds its work."""
    renumbered = tmp_path / "works.jsonl"
    lines = (DATA / "synthetic-works.jsonl").read_text().splitlines()
    renumbered.write_text("\n".join(x.replace("W9990000001", "W9990000101") for x in lines) + "\n")
    again = tmp_path / "snapshot"
    import_works(renumbered, again, institutions=("I9990000001",), start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31))
    reviews = tmp_path / "reviews.yaml"
    _review(reviews, "kestrel-no-drone-swarms", "https://doi.org/10.5555/kestrel.2024.0001")
    result = _evaluate(again, reviews).result("kestrel-no-drone-swarms")
    assert [f.work.id for f in result.dismissed] == ["W9990000101"]


DOI = "10.5555/kestrel.2024.0001"


def _doi_moved(path: Path) -> Path:
    """The synthetic works, where OpenAlex has moved the swarm paper's DOI (W9990000001's) to
    another paper, W9990000050 on swarm formation, and left W9990000001 without one."""
    records = [json.loads(x) for x in (DATA / "synthetic-works.jsonl").read_text().splitlines() if x.strip()]
    other = json.loads(json.dumps(records[0]))
    other["id"] = other["ids"]["openalex"] = "https://openalex.org/W9990000050"
    other["title"] = other["display_name"] = "Formation control for drone swarms"
    records[0]["doi"] = records[0]["ids"]["doi"] = records[0]["primary_location"]["landing_page_url"] = None
    path.write_text("".join(json.dumps(r) + "\n" for r in [*records, other]), encoding="utf-8")
    return path


@pytest.mark.parametrize("engine", ["python", "duckdb"])
def test_a_review_by_doi_keeping_its_record_does_not_follow_the_doi_to_another_work(
    tmp_path: Path, engine: str
) -> None:
    """An analyst set the swarm paper aside by its DOI; OpenAlex then gave that DOI to another
    paper. The review set the other paper aside in silence, on a note written of the first
    (issue 18, nineteenth part). Kept with the record it was made on (`openalex:`), it applies to
    neither: it is reported not applied, saying the DOI names another work now."""
    works = _doi_moved(tmp_path / "works.jsonl")
    claims = load_claims([str(DATA / "synthetic-claims.yaml")], lists=[str(DATA / "lists")])

    def swarms(reviews: Path) -> object:
        return evaluate(
            claims,
            open_evidence_paths([works]),
            as_of=dt.date(2025, 1, 15),
            reviews=load_reviews(reviews),
            engine=engine,
            cache=tmp_path / "cache",
        ).result("kestrel-no-drone-swarms")

    kept = tmp_path / "kept.yaml"
    _review(kept, "kestrel-no-drone-swarms", DOI, openalex="W9990000001")
    result = swarms(kept)
    assert result.dismissed == ()
    assert {"W9990000001", "W9990000050"} <= {f.work.id for f in (*result.findings, *result.uncertain_findings)}
    ((lapsed),) = result.lapsed_reviews
    assert lapsed.reason == "not_found" and lapsed.review.openalex == "W9990000001"
    assert f"{DOI} now names W9990000050, Formation control for drone swarms, which is not W9990000001" in lapsed.why
    # Where the DOI still leads to the record reviewed, the review applies as before.
    assert [f.work.id for f in _evaluate_with(kept, engine, tmp_path).dismissed] == ["W9990000001"]


def _evaluate_with(reviews: Path, engine: str, tmp_path: Path) -> Any:
    claims = load_claims([str(DATA / "synthetic-claims.yaml")], lists=[str(DATA / "lists")])
    works = open_evidence_paths([DATA / "synthetic-works.jsonl"])
    return evaluate(
        claims, works, as_of=dt.date(2025, 1, 15), reviews=load_reviews(reviews), engine=engine,
        cache=tmp_path / "cache2",
    ).result("kestrel-no-drone-swarms")  # fmt: skip


def test_the_record_reviewed_is_recorded_and_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reviews = tmp_path / "reviews.yaml"
    _review(reviews, "kestrel-no-drone-swarms", DOI, openalex="https://openalex.org/W9990000001")
    (entry,) = load_reviews(reviews).entries
    assert (entry.key, entry.record) == (f"doi:{DOI}", "W9990000001")
    with pytest.raises(InputError, match="--openalex: 'A9990000001' is no OpenAlex work id"):
        _review(reviews, "kestrel-no-watchlist-partners", DOI, openalex="A9990000001")
    reviews.write_text(
        "reviews:\n  - {claim: c, person: A1, openalex: W1, decision: confirmed, by: T, date: 2025-02-01, note: n}\n"
    )
    with pytest.raises(InputError, match=r"2:.*a review of a person has none"):
        load_reviews(reviews)


def _versions_of_the_swarm_paper(path: Path, *, coauthor_on: str) -> Path:
    """The synthetic works with a second OpenAlex record of W9990000001 (W9990000000, the same
    DOI); the watch-listed coauthor is on the record `coauthor_on` only."""
    records = [json.loads(x) for x in (DATA / "synthetic-works.jsonl").read_text().splitlines() if x.strip()]
    other = json.loads(json.dumps(records[0]))
    other["id"] = other["ids"]["openalex"] = "https://openalex.org/W9990000000"
    for record in (records[0], other):
        if not record["id"].endswith(coauthor_on):
            record["authorships"] = [a for a in record["authorships"] if a["author"]["display_name"] != "Bayo Okafor"]
    path.write_text("".join(json.dumps(r) + "\n" for r in [*records, other]), encoding="utf-8")
    return path


@pytest.mark.parametrize("engine", ["python", "duckdb"])
@pytest.mark.parametrize(("named", "coauthor_on"), [("W9990000000", "W9990000001"), ("W9990000001", "W9990000000")])
def test_a_review_naming_any_record_of_the_work_applies(
    tmp_path: Path, engine: str, named: str, coauthor_on: str
) -> None:
    """A review names a work by any of its records: the one another claim cites, or the one that
    matched before an update moved the match to another record of the work."""
    works = _versions_of_the_swarm_paper(tmp_path / "works.jsonl", coauthor_on=coauthor_on)
    reviews = tmp_path / "reviews.yaml"
    _review(reviews, "kestrel-no-watchlist-partners", named)
    claims = load_claims([str(DATA / "synthetic-claims.yaml")], lists=[str(DATA / "lists")])
    results = evaluate(
        claims,
        open_evidence_paths([works]),
        as_of=dt.date(2025, 1, 15),
        reviews=load_reviews(reviews),
        engine=engine,
        cache=tmp_path / "cache",
    )
    partners = results.result("kestrel-no-watchlist-partners")
    assert partners.lapsed_reviews == ()
    assert [(f.work.id, f.review.work if f.review else None) for f in partners.dismissed] == [(coauthor_on, named)]
    assert coauthor_on not in [f.work.id for f in (*partners.findings, *partners.uncertain_findings)]


@pytest.mark.parametrize("named", ["arXiv:math.AG/0309136", "https://arxiv.org/abs/math.AG/0309136v1"])
def test_a_review_naming_an_old_arxiv_id_with_its_subject_class_applies(tmp_path: Path, named: str) -> None:
    """A paper of 2003 on arXiv, as its record's DOI writes it (math/0309136); the analyst names
    it as its citation does, with the subject class: the review lapsed as naming no finding."""
    records = [json.loads(x) for x in (DATA / "synthetic-works.jsonl").read_text().splitlines() if x.strip()]
    swarm = records[0]
    swarm["doi"] = swarm["ids"]["doi"] = "https://doi.org/10.48550/arXiv.math/0309136"
    works = tmp_path / "works.jsonl"
    works.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    reviews = tmp_path / "reviews.yaml"
    _review(reviews, "kestrel-no-watchlist-partners", named)
    claims = load_claims([str(DATA / "synthetic-claims.yaml")], lists=[str(DATA / "lists")])
    evidence = open_evidence_paths([works])
    partners = evaluate(claims, evidence, as_of=dt.date(2025, 1, 15), reviews=load_reviews(reviews)).result(
        "kestrel-no-watchlist-partners"
    )
    assert partners.lapsed_reviews == ()
    assert [f.work.id for f in partners.dismissed] == ["W9990000001"]


@pytest.mark.parametrize("engine", ["python", "duckdb"])
@pytest.mark.parametrize("first", [True, False])
def test_a_review_naming_a_version_with_no_subject_author_applies(tmp_path: Path, engine: str, first: bool) -> None:
    """A version of the work whose record gives no author of the subject (a preprint without
    affiliations), read before or after the record that matches, is still a record of the work."""
    records = [json.loads(x) for x in (DATA / "synthetic-works.jsonl").read_text().splitlines() if x.strip()]
    preprint = json.loads(json.dumps(records[0]))
    preprint["id"] = preprint["ids"]["openalex"] = "https://openalex.org/W9990000000"
    preprint["authorships"] = []
    works = tmp_path / "works.jsonl"
    ordered = [preprint, *records] if first else [*records, preprint]
    works.write_text("".join(json.dumps(r) + "\n" for r in ordered), encoding="utf-8")
    reviews = tmp_path / "reviews.yaml"
    _review(reviews, "kestrel-no-watchlist-partners", "W9990000000")
    claims = load_claims([str(DATA / "synthetic-claims.yaml")], lists=[str(DATA / "lists")])
    evidence = open_evidence_paths([works])
    options = {"as_of": dt.date(2025, 1, 15), "reviews": load_reviews(reviews), "cache": tmp_path / "cache"}
    partners = evaluate(claims, evidence, engine=engine, **options).result("kestrel-no-watchlist-partners")  # type: ignore[arg-type]
    assert partners.lapsed_reviews == ()
    assert [f.work.id for f in partners.dismissed] == ["W9990000001"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["not_a_match", "confirmed", "disputed", None]), min_size=7, max_size=7))
def test_every_finding_ends_in_exactly_one_place(
    snapshot: Path, tmp_path_factory: pytest.TempPathFactory, decisions: list[str | None]
) -> None:
    """Whatever the decisions, no finding is lost or doubled, and each sits where its decision puts it."""
    plain = _evaluate(snapshot).result("kestrel-no-watchlist-partners")
    reviews = tmp_path_factory.mktemp("r") / "reviews.yaml"
    reviews.write_text("reviews:\n")
    chosen = {}
    for n, decision in enumerate(decisions, start=1):
        if decision:
            _review(reviews, "kestrel-no-watchlist-partners", f"W999000000{n}", decision)
            chosen[f"W999000000{n}"] = decision
    result = _evaluate(snapshot, reviews).result("kestrel-no-watchlist-partners")
    before = sorted(f.work.id for f in (*plain.findings, *plain.uncertain_findings))
    after = sorted(f.work.id for f in (*result.findings, *result.uncertain_findings, *result.dismissed))
    assert before == after
    for f in result.dismissed:
        assert chosen[f.work.id] == "not_a_match"
    for f in result.findings:
        assert chosen.get(f.work.id) in (None, "confirmed")
    for f in result.uncertain_findings:
        assert chosen.get(f.work.id) in (None, "disputed")
    assert len(result.lapsed_reviews) == sum(1 for w in chosen if w not in before)
    if result.matched == 0 and not result.uncertain_findings:
        assert result.verdict == "not_contradicted"  # the snapshot covers 2024 completely


# --- the command line and the reports ------------------------------------------------------------


@pytest.fixture()
def case(tmp_path: Path, snapshot: Path) -> Path:
    """A case folder with the synthetic claims and lists, and the snapshot inside it."""
    root = tmp_path / "case"
    (root / "claims").mkdir(parents=True)
    shutil.copy(DATA / "synthetic-claims.yaml", root / "claims")
    shutil.copytree(DATA / "lists", root / "evidence" / "lists")
    shutil.copytree(snapshot, root / "evidence" / "snapshot")
    (root / "claimwatch.toml").write_text('[case]\nname = "k"\n\n[review]\nby = "Desk Editor"\n')
    return root


def test_review_by_doi_keeps_the_record_given_and_says_how_where_none_is(
    case: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(case)
    args = ["review", "kestrel-no-drone-swarms", DOI, "--decision", "not_a_match", "--note", "simulated"]
    assert main(args) == 0
    assert "to tie the review to the record reviewed, add `openalex: W…`" in capsys.readouterr().err
    args[1] = "kestrel-no-watchlist-partners"
    assert main([*args, "--openalex", "W9990000001"]) == 0
    assert "openalex" not in capsys.readouterr().err
    assert [e.record for e in load_reviews(case / "reviews.yaml").entries] == [None, "W9990000001"]
    assert "    openalex: W9990000001\n    decision: not_a_match" in (case / "reviews.yaml").read_text()


def test_review_lists_then_records_then_check_applies_it_from_any_folder(
    case: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(case / "claims")
    assert main(["review", "--evidence", "../evidence/snapshot"]) == 0
    listed = capsys.readouterr().out
    assert "kestrel-no-drone-swarms  W9990000001  matched  2024-03-14  Cooperative path planning" in listed
    assert "7 findings to review, 0 reviewed" in listed
    args = ["review", "kestrel-no-drone-swarms", "W9990000001", "--decision", "not_a_match", "--note", "simulated"]
    assert main([*args, "--date", "2025-02-01"]) == 0
    assert (
        "recorded not_a_match for W9990000001 on claim kestrel-no-drone-swarms at ../reviews.yaml:4"
        in capsys.readouterr().out
    )
    review = load_reviews(case / "reviews.yaml").entries[0].review
    assert (review.by, review.date) == ("Desk Editor", "2025-02-01")
    assert main(["review", "--evidence", "../evidence/snapshot"]) == 0
    assert "6 findings to review, 1 reviewed" in capsys.readouterr().out
    out = case / "out"
    assert (
        main(
            ["check", "--evidence", "../evidence/snapshot", "--json", str(out / "r.json"), "--csv", str(out / "r.csv")]
        )
        == 0
    )
    shown = capsys.readouterr().out
    assert "set aside" in shown and "W9990000001 (Desk Editor, 2025-02-01): simulated" in shown
    report = json.loads((out / "r.json").read_text())
    drone = next(r for r in report["results"] if r["claim"] == "kestrel-no-drone-swarms")
    assert [f["work"]["id"] for f in drone["dismissed"]] == ["W9990000001"]
    assert report["inputs"]["reviews"][0]["path"] == "../reviews.yaml"
    rows = list(csv.DictReader(io.StringIO((out / "r.csv").read_text(encoding="utf-8-sig"))))
    (dismissed,) = [r for r in rows if r["status"] == "dismissed"]
    assert (dismissed["work_id"], dismissed["review_decision"], dismissed["review_note"]) == (
        "W9990000001",
        "not_a_match",
        "simulated",
    )
    assert main(["check", "--evidence", "../evidence/snapshot", "--no-reviews", "--json", str(out / "plain.json")]) == 0
    assert "dismissed" not in (out / "plain.json").read_text()


@pytest.mark.parametrize("gone", ["a link whose file is gone", "a folder", "a named pipe"])
def test_a_case_s_reviews_yaml_that_cannot_be_read_stops_the_run(
    case: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], gone: str
) -> None:
    """A case whose reviews.yaml links a team's shared file (as `ln -s ../team/reviews.yaml`)
    that has moved, or is on a share not mounted today: `check` and `review`'s listing ran as
    though the case had no reviews, so the finding set aside counted again, in silence, and the
    report said nothing of the reviews. A folder or a pipe by that name was skipped the same
    way. Now each is one line naming reviews.yaml, exit 2; --no-reviews still runs."""
    team = case.parent / "team"
    team.mkdir()
    _review(team / "reviews.yaml", "kestrel-no-drone-swarms", "W9990000001")
    (case / "reviews.yaml").symlink_to(Path("..") / "team" / "reviews.yaml")
    monkeypatch.chdir(case)
    checked = ["check", "--evidence", "evidence/snapshot", "--json", "r.json"]
    assert main(checked) == 0
    drone = next(
        r for r in json.loads((case / "r.json").read_text())["results"] if r["claim"] == "kestrel-no-drone-swarms"
    )
    assert [f["work"]["id"] for f in drone["dismissed"]] == ["W9990000001"]  # set aside by the shared review
    if gone == "a link whose file is gone":
        team.rename(case.parent / "team-moved")
        said = (
            "reviews.yaml: a link to ../team/reviews.yaml, which is not there: restore it, or check with --no-reviews"
        )
    elif gone == "a folder":
        (case / "reviews.yaml").unlink()
        (case / "reviews.yaml").mkdir()
        said = "reviews.yaml: is a folder, not a file"
    else:
        (case / "reviews.yaml").unlink()
        os.mkfifo(case / "reviews.yaml")
        said = "reviews.yaml: is a named pipe (FIFO), not a regular file: refused, as reading it may never end"
    capsys.readouterr()
    for args, run in ((checked, "check"), (["review", "--evidence", "evidence/snapshot"], "list")):
        assert main(args) == 2, args
        # A listing is told to list without the reviews, where check's words sent it to check.
        assert capsys.readouterr().err.splitlines() == [said.replace("check with", f"{run} with")]
    if gone == "a link whose file is gone":
        # validate, given nothing, reads the case's reviews.yaml too, and has no --no-reviews.
        assert main(["validate"]) == 2
        assert capsys.readouterr().err.splitlines() == [
            said.replace("check with --no-reviews", "validate the other files by naming them")
        ]
    assert main([*checked, "--no-reviews"]) == 0


def test_a_reviews_file_given_that_links_nowhere_stops_the_listing_as_check(
    case: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`review --evidence ... --reviews shared.yaml`, shared.yaml a link to a team's file on a
    share not mounted (`ln -s /mnt/team/reviews.yaml`): `check --reviews` refused it ("does not
    exist"), but review's listing took it for a file yet to make, listed the finding set aside as
    still to review, "0 reviewed", exit 0. Now it is the line the case's own reviews.yaml gives;
    a --reviews file not there at all is refused too (thirty-third part)."""
    team = case.parent / "team"
    team.mkdir()
    _review(team / "reviews.yaml", "kestrel-no-drone-swarms", "W9990000001")
    (case / "shared.yaml").symlink_to(team / "reviews.yaml")
    monkeypatch.chdir(case)
    listing = ["review", "--evidence", "evidence/snapshot", "--reviews", "shared.yaml"]
    assert main(listing) == 0
    drone = ["kestrel-no-drone-swarms", "W9990000001"]
    assert drone not in [line.split()[:2] for line in capsys.readouterr().out.splitlines()]  # the shared review's
    team.rename(case.parent / "team-moved")
    assert main(listing) == 2
    said = f"shared.yaml: a link to {team / 'reviews.yaml'}, which is not there: restore it, or list with --no-reviews"
    assert capsys.readouterr().err.splitlines() == [said]
    assert main([*listing[:-2], "--no-reviews"]) == 0  # the listing without reviews, as check's
    assert drone in [line.split()[:2] for line in capsys.readouterr().out.splitlines()]
    # A link to itself (`ln -s self.yaml self.yaml`), told to list without it, not to check.
    (case / "self.yaml").symlink_to("self.yaml")
    assert main([*listing[:-1], "self.yaml"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "self.yaml: a link to self.yaml, which leads round in a loop (to itself, or to links that lead back to it): "
        "restore it, or list with --no-reviews"
    ]


def test_a_reviews_file_given_that_is_not_there_stops_the_listing_as_check(
    case: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`review --evidence ... --reviews review.yaml`, a typo of the team's reviews.yaml: taken
    for a file yet to make, every finding reviewed in the real file listed as still to review,
    "0 reviewed", exit 0, where `check --reviews review.yaml` refuses it. Now one line, exit 2;
    the case's own reviews.yaml not there yet is still none, and the first review recorded with
    the new name makes it."""
    _review(case / "reviews.yaml", "kestrel-no-drone-swarms", "W9990000001")
    monkeypatch.chdir(case)
    assert main(["review", "--evidence", "evidence/snapshot", "--reviews", "review.yaml"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "review.yaml: no such file: give the reviews file there is, or list with --no-reviews "
        "(the first review recorded with this --reviews makes it)"
    ]
    assert main(["check", "--evidence", "evidence/snapshot", "--reviews", "review.yaml"]) == 2
    capsys.readouterr()
    assert main(["review", "--evidence", "evidence/snapshot", "--reviews", "reviews.yaml", "--no-reviews"]) == 2
    assert "--reviews and --no-reviews contradict each other" in capsys.readouterr().err
    record = ["review", "kestrel-no-drone-swarms", "W9990000002", "--decision", "confirmed", "--note", "n"]
    assert main([*record, "--reviews", "review.yaml"]) == 0
    assert (case / "review.yaml").is_file()
    (case / "reviews.yaml").unlink()
    assert main(["review", "--evidence", "evidence/snapshot"]) == 0  # the case's, none yet
    drone = ["kestrel-no-drone-swarms", "W9990000001"]
    assert drone in [line.split()[:2] for line in capsys.readouterr().out.splitlines()]


def test_the_reviews_file_is_an_input_no_report_may_replace(
    case: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(case)
    assert main(["review", "kestrel-no-drone-swarms", "W9990000001", "--decision", "confirmed", "--note", "n"]) == 0
    before = (case / "reviews.yaml").read_bytes()
    assert main(["check", "--evidence", "evidence/snapshot", "--csv", "reviews.yaml"]) == 2
    assert "reviews file" in capsys.readouterr().err
    assert (case / "reviews.yaml").read_bytes() == before


def test_the_library_guards_the_reviews_file_too(snapshot: Path, tmp_path: Path) -> None:
    reviews = tmp_path / "reviews.yaml"
    _review(reviews, "kestrel-no-drone-swarms", "W9990000001")
    before = reviews.read_bytes()
    results = _evaluate(snapshot, reviews)
    with pytest.raises(InputError, match="would overwrite the reviews file"):
        write_reports(results, {"md": reviews})
    assert reviews.read_bytes() == before


def test_a_review_of_a_claim_the_run_does_not_check_is_said(
    case: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(case)
    (case / "reviews.yaml").write_text(
        "reviews:\n  - {claim: kestrel-no-drone-swarmz, work: W1, decision: confirmed, by: x, date: 2025-01-01, note: n}\n"
    )
    out = {fmt: case / f"out/r.{fmt}" for fmt in ("json", "md", "html")}
    argv = ["check", "--evidence", "evidence/snapshot", *(a for f, p in out.items() for a in (f"--{f}", str(p)))]
    assert main(argv) == 0
    assert (
        "note: 1 review names a claim this run does not check, in reviews.yaml (line 2: kestrel-no-drone-swarmz)"
        in capsys.readouterr().err
    )
    # Left by earlier parts: said on stderr alone, a reader of the reports never saw it. Every
    # report lists it now (the JSON under `reviews_of_other_claims`), the note escaped as any text.
    (other,) = json.loads(out["json"].read_text())["reviews_of_other_claims"]
    assert (other["claim"], other["work"], other["line"]) == ("kestrel-no-drone-swarmz", "W1", 2)
    md = out["md"].read_text()
    assert "## Reviews of claims not checked: 1" in md
    assert "- `kestrel-no-drone-swarmz`: Confirmed of `W1` by x, 2025-01-01. Reviewer's note: “n”" in md
    html = out["html"].read_text()
    assert "<h2>Reviews of claims not checked: 1</h2>" in html and "<code>kestrel-no-drone-swarmz</code>" in html


def test_the_reports_of_a_run_whose_reviews_all_name_its_claims_list_no_other_claims_reviews(
    snapshot: Path, tmp_path: Path
) -> None:
    reviews = tmp_path / "reviews.yaml"
    _review(reviews, "kestrel-no-drone-swarms", "W9990000001")
    results = _evaluate(snapshot, reviews)
    assert results.reviews_of_other_claims == ()
    assert "reviews_of_other_claims" not in render_json(results)
    assert "Reviews of claims not checked" not in render_markdown(results)


def test_the_reports_cap_the_reviews_of_claims_not_checked(snapshot: Path, tmp_path: Path) -> None:
    reviews = tmp_path / "reviews.yaml"
    reviews.write_text(
        "reviews:\n"
        + "".join(
            f"  - {{claim: gone-{n:02d}, work: W1, decision: confirmed, by: x, date: 2025-01-01, note: '<b>*n*</b>'}}\n"
            for n in range(23)
        )
    )
    results = _evaluate(snapshot, reviews)
    assert [r.claim for r in results.reviews_of_other_claims] == [f"gone-{n:02d}" for n in range(23)]
    md = render_markdown(results)
    assert "`gone-19`" in md and "`gone-20`" not in md and "… and 3 more, not shown here" in md
    assert "<b>" not in md and "“\\<b\\>\\*n\\*\\</b\\>”" in md


def test_review_refuses_half_a_decision_in_one_line(
    case: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(case)
    assert main(["review", "kestrel-no-drone-swarms", "W1", "--decision", "confirmed"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "needs CLAIM_ID, WORK_OR_PERSON, --decision and --note" in err
    assert main(["review"]) == 2
    assert "listing findings needs --evidence" in capsys.readouterr().err
    assert main(["review", "kestrel-no-drone-swarms", "I42", "--decision", "confirmed", "--note", "n"]) == 2
    assert "'I42' names no work" in capsys.readouterr().err
    assert not (case / "reviews.yaml").exists()


def test_claimreview_states_what_was_set_aside(snapshot: Path, tmp_path: Path) -> None:
    reviews = tmp_path / "reviews.yaml"
    _review(reviews, "kestrel-no-drone-swarms", "W9990000001")
    graph = json.loads(render_claimreview(_evaluate(snapshot, reviews)))["@graph"]
    drone = next(g for g in graph if g["identifier"] == "kestrel-no-drone-swarms")
    assert "set aside on review as not a match" in drone["reviewRating"]["ratingExplanation"]


def test_csv_marks_findings_that_rest_on_one_person_with_both_affiliations(snapshot: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(_evaluate(snapshot)).removeprefix("\ufeff"))))
    assert {r["dual_affiliation_only"] for r in rows} <= {"", "yes"}
    assert all(r["review_decision"] == "" for r in rows)


# --- Gherkin steps -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def reviewed_case(snapshot: Path) -> Case:
    case = Case(root=PROJECT, store=SessionStore())
    case.add_claims("features/data/synthetic-claims.yaml")
    case.add_lists("features/data/lists")
    case.add_evidence(snapshot)
    case.add_reviews("features/data/synthetic-reviews.yaml")
    case.evaluate("kestrel-no-watchlist-partners")
    return case


def test_a_failed_review_step_says_what_the_reviews_did(reviewed_case: Case) -> None:
    with pytest.raises(ExpectationNotMet) as e:
        then_set_aside(reviewed_case, "W9990000004")
    message = str(e.value)
    assert "Expected W9990000004 to be set aside on review for kestrel-no-watchlist-partners." in message
    assert "W9990000004: disputed" in message and "W9990000001: not applied, it held until 2024-12-31" in message
    with pytest.raises(ExpectationNotMet, match='Expected a review "confirmed" on W9990000004'):
        then_reviewed_as(reviewed_case, "W9990000004", "confirmed")
    with pytest.raises(ScenarioProblem, match='"dismissed" is not a decision; write one of'):
        then_reviewed_as(reviewed_case, "W9990000004", "dismissed")
    with pytest.raises(ExpectationNotMet, match=r"Expected the review of W9990000004 .* not to be applied"):
        then_review_lapsed(reviewed_case, "W9990000004")


def test_a_case_has_one_reviews_file(reviewed_case: Case) -> None:
    with pytest.raises(ScenarioProblem, match="reviews given twice"):
        reviewed_case.add_reviews("tests/test_reviews.py")


def test_review_lists_as_of_the_day_check_is_given(
    case: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A review that expires before the evidence is current has lapsed; listed --as-of a day
    before it expires, it holds, as it does for `check --as-of` that day (issue 18, twelfth part:
    the listing had no --as-of, so it disagreed with such a check)."""
    monkeypatch.chdir(case)
    args = ["review", "kestrel-no-drone-swarms", "W9990000001", "--decision", "not_a_match", "--note", "n"]
    assert main([*args, "--date", "2025-01-02", "--expires", "2025-01-10"]) == 0
    capsys.readouterr()
    assert main(["review", "--evidence", "evidence/snapshot"]) == 0
    assert "7 findings to review, 0 reviewed, 1 review not applied" in capsys.readouterr().out
    assert main(["review", "--evidence", "evidence/snapshot", "--as-of", "2025-01-05"]) == 0
    assert "6 findings to review, 1 reviewed" in capsys.readouterr().out
    assert main(["check", "--evidence", "evidence/snapshot", "--as-of", "2025-01-05", "--json", "r.json"]) == 0
    report = json.loads((case / "r.json").read_text())
    drone = next(r for r in report["results"] if r["claim"] == "kestrel-no-drone-swarms")
    assert [f["work"]["id"] for f in drone["dismissed"]] == ["W9990000001"]


def test_the_listing_names_a_review_of_a_claim_the_case_does_not_hold(
    case: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(case)
    (case / "reviews.yaml").write_text(
        "reviews:\n  - {claim: kestrel-no-drone-swarmz, work: W1, decision: confirmed, by: x, date: 2025-01-01, note: n}\n"
    )
    assert main(["review", "--evidence", "evidence/snapshot"]) == 0
    out = capsys.readouterr().out
    assert "not applied: reviews.yaml:2: kestrel-no-drone-swarmz W1: no claim of that id in the case" in out
    assert "7 findings to review, 0 reviewed, 1 review not applied" in out


@pytest.mark.parametrize("extra", [["--evidence", "evidence/snapshot"], ["--as-of", "2025-01-05"], ["--no-reviews"]])
def test_a_decision_refuses_the_listings_options(
    case: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], extra: list[str]
) -> None:
    monkeypatch.chdir(case)
    args = ["review", "kestrel-no-drone-swarms", "W9990000001", "--decision", "confirmed", "--note", "n"]
    assert main([*args, *extra]) == 2
    assert "--evidence, --as-of and --no-reviews list findings; a decision takes none of them" in (
        capsys.readouterr().err
    )
    assert not (case / "reviews.yaml").exists()


def test_a_listing_given_some_claim_files_calls_the_others_reviews_not_unknown(
    case: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Given --claims, the listing holds only those claims: a review of another file's claim is
    not applied here, which says so, never that the case has no such claim."""
    monkeypatch.chdir(case)
    text = (case / "claims/synthetic-claims.yaml").read_text()
    (case / "claims/more.yaml").write_text(text.replace("- id: kestrel-", "- id: more-kestrel-"))
    (case / "reviews.yaml").write_text(
        "reviews:\n  - {claim: more-kestrel-no-drone-swarms, work: W9990000001, decision: confirmed, by: x,"
        " date: 2025-01-01, note: n}\n"
    )
    assert main(["review", "--evidence", "evidence/snapshot", "--claims", "claims/synthetic-claims.yaml"]) == 0
    out = capsys.readouterr().out
    assert "more-kestrel-no-drone-swarms W9990000001: no claim of that id among the claims given" in out
    assert "in the case" not in out


def _review_in_a_process(path: str, n: int) -> None:
    record_review(path, claim="c", work=f"W{n}", decision="confirmed", note=f"n{n}", by="T", date=dt.date(2025, 1, 1))


def test_reviews_recorded_at_once_are_all_kept(tmp_path):
    """Found by the sixteenth part's hunt: ten `claimwatch review` runs at once each said the
    review was recorded, and the file held seven: each had appended to the same old text."""
    import multiprocessing

    path = tmp_path / "reviews.yaml"
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_review_in_a_process, args=(str(path), n)) for n in range(1, 9)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    assert [w.exitcode for w in workers] == [0] * 8
    assert sorted(e.review.work for e in load_reviews(path).entries) == sorted(f"W{n}" for n in range(1, 9))


@pytest.mark.parametrize("empty", ["~", "null", "[]  # none yet", "NULL"])
def test_recording_into_a_list_written_as_null(tmp_path: Path, empty: str) -> None:
    """`reviews: ~` reads as no reviews yet, but recording into it was refused ("add it by hand")."""
    path = tmp_path / "reviews.yaml"
    path.write_text(f"# the team's reviews\nreviews: {empty}\n")
    _review(path, "a", "W1")
    assert [e.key for e in load_reviews(path).entries] == ["W1"]
    comment = "  # none yet" if "#" in empty else ""
    assert path.read_text().startswith(f"# the team's reviews\nreviews:{comment}\n  - claim: a\n")


def test_a_reviews_file_in_no_folder_is_named_not_its_lock(tmp_path: Path) -> None:
    """`review ... --reviews team/reviews.yaml`, team/ mistyped: "cannot record a review: its
    lock beside it (.reviews.yaml.lock): No such file or directory", a file the analyst never
    named and that is not the trouble (thirty-third part). Now the folder missing is said."""
    path = tmp_path / "no-such-folder" / "reviews.yaml"
    with pytest.raises(InputError) as failed:
        _review(path, "a", "W1")
    (line,) = str(failed.value).splitlines()
    assert line == (
        f"{path}: cannot record a review: its folder {path.parent} is not there; give the reviews file's path"
    )
    assert not path.parent.exists()
