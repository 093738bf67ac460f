"""`claimwatch diff OLD.json NEW.json`: what changed between two runs of a check."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch import claims as claims_mod
from claimwatch.cli import main
from claimwatch.documents import json_cut_short
from claimwatch.errors import InputError
from claimwatch.evaluate import evaluate
from claimwatch.evidence import JsonlEvidence, Snapshot, import_works
from claimwatch.reports.diff import ClaimChange, diff_reports, read_report, render_diff
from claimwatch.reports.jsonreport import render_json
from claimwatch.reviews import load_reviews, review_identity
from helpers import HIT, LAB, authorship, institution, project, work, write, write_jsonl

CLAIMS = """\
statement:
  speaker: Example Corp
  made_on: 2024-01-10
  quote: No face recognition, no military partners.
  sources: [{title: An interview}]
subjects:
  lab: {name: Example Lab, openalex: [I100]}
claims:
  - id: no-face
    says: No face recognition work.
    subject: lab
    from: 2024-01-10
    expects: none
    works: {topic: face}
  - id: no-partners
    says: No military partners.
    subject: lab
    from: 2024-01-10
    expects: none
    works: {coauthor_in: [mil]}
"""


def run(root: Path, records: list[dict], name: str, reviews: str | None = None) -> Path:
    """A check of the claims against these records (and reviews, a reviews file's text), its JSON
    report written to NAME.json."""
    evidence = JsonlEvidence.open(write_jsonl(root / "works.jsonl", records))
    reviewed = load_reviews(write(root / "reviews.yaml", reviews)) if reviews is not None else None
    results = evaluate(claims_mod.load_claims([root / "claims/c.yaml"], root=root), [evidence], reviews=reviewed)
    out = root / f"{name}.json"
    out.write_text(render_json(results), encoding="utf-8")
    return out


@pytest.fixture()
def root(tmp_path):
    root = project(tmp_path)
    write(root / "claims/c.yaml", CLAIMS)
    return root


def test_a_new_matching_work_changes_a_verdict_and_the_evidence_hash(root):
    old = run(root, [work("W1", "Graph networks")], "old")
    new = run(root, [work("W1", "Graph networks"), work("W2", "Face recognition at scale", date="2024-07-01")], "new")
    diff = diff_reports(read_report(old), read_report(new))
    assert diff.changed
    (evidence,) = diff.inputs
    assert (evidence.kind, evidence.path, evidence.change) == ("evidence", str(root / "works.jsonl"), "changed")
    assert evidence.old_sha256 != evidence.new_sha256
    by_claim = {c.claim: c for c in diff.claims}
    face = by_claim["no-face"]
    assert (face.change, face.old_verdict, face.new_verdict, face.old_matched, face.new_matched) == (
        "changed",
        "insufficient_evidence",
        "contradicted",
        0,
        1,
    )
    assert [(f.work, f.change, f.title) for f in face.findings] == [("W2", "added", "Face recognition at scale")]
    partners = by_claim["no-partners"]  # W1 and W2 both have a partner at HIT
    assert partners.verdict_changed is False and [f.work for f in partners.findings] == ["W2"]


def test_a_removed_work_and_a_removed_claim_are_reported(root):
    old = run(root, [work("W1", "Face recognition"), work("W2", "Face verification")], "old")
    write(root / "claims/c.yaml", CLAIMS.split("  - id: no-partners")[0])
    new = run(root, [work("W1", "Face recognition")], "new")
    diff = diff_reports(read_report(old), read_report(new))
    by_claim = {c.claim: c for c in diff.claims}
    assert [(f.work, f.change) for f in by_claim["no-face"].findings] == [("W2", "removed")]
    assert by_claim["no-face"].verdict_changed is False
    assert (by_claim["no-partners"].change, by_claim["no-partners"].old_verdict) == ("removed", "contradicted")
    # The list only the removed claim used is no longer an input.
    assert {(i.kind, i.change) for i in diff.inputs} == {
        ("claims", "changed"),
        ("evidence", "changed"),
        ("lists", "removed"),
    }


def test_a_finding_that_becomes_uncertain_is_reported(root):
    old = run(root, [work("W1", "Face recognition", date="2024-02-01")], "old")
    new = run(root, [work("W1", "Face recognition", date="2024")], "new")  # now straddles 2024-01-10
    (face,) = [c for c in diff_reports(read_report(old), read_report(new)).claims if c.claim == "no-face"]
    assert [(f.work, f.change) for f in face.findings] == [("W1", "now_uncertain")]
    assert (face.old_verdict, face.new_verdict) == ("contradicted", "insufficient_evidence")


def test_a_finding_added_or_removed_says_whether_it_was_uncertain(root):
    """Found by the sixteenth part's hunt: a new uncertain finding read as a new match ("+ W2")."""
    old = run(root, [work("W1", "Face recognition", date="2024-02-01")], "old")
    new = run(
        root, [work("W1", "Face recognition", date="2024-02-01"), work("W2", "Face recognition", date="2024")], "new"
    )
    diff = diff_reports(read_report(old), read_report(new))
    (face,) = [c for c in diff.claims if c.claim == "no-face"]
    assert [(f.work, f.change, f.status) for f in face.findings] == [("W2", "added", "uncertain")]
    assert "      + W2 \u201cFace recognition\u201d (2024) (uncertain)" in [line.plain for line in render_diff(diff)]
    (back,) = [c for c in diff_reports(read_report(new), read_report(old)).claims if c.claim == "no-face"]
    assert [(f.work, f.change, f.status) for f in back.findings] == [("W2", "removed", "uncertain")]


def review_of_w1(decision: str, expires: str | None = None) -> str:
    until = f", expires: {expires}" if expires else ""
    return (
        "reviews:\n"
        f"  - {{claim: no-face, work: W1, decision: {decision}, by: A, date: 2025-02-01{until}, note: checked}}\n"
    )


FACE_WORKS = [work("W1", "Face recognition"), work("W2", "Face verification")]


def test_a_review_added_is_an_input_change_and_says_what_it_decided(root, capsys):
    old = run(root, FACE_WORKS, "old")
    new = run(root, FACE_WORKS, "new", reviews=review_of_w1("confirmed"))
    diff = diff_reports(read_report(old), read_report(new))
    assert [(i.kind, i.path, i.change) for i in diff.inputs] == [("reviews", str(root / "reviews.yaml"), "added")]
    (face,) = [c for c in diff.claims if c.claim == "no-face"]
    assert [(f.work, f.change, f.old_review, f.review) for f in face.findings] == [
        ("W1", "reviewed", None, "confirmed")
    ]
    assert main(["diff", str(old), str(new), "--exit-code"]) == 1
    out = capsys.readouterr().out
    assert f"added    reviews   {root / 'reviews.yaml'}" in out
    assert "~ W1 \u201cFace recognition\u201d (2024-06-01) (review none \u2192 confirmed)" in " ".join(out.split())


def test_a_finding_set_aside_on_review_has_not_left_the_evidence(root):
    old = run(root, FACE_WORKS, "old")
    new = run(root, FACE_WORKS, "new", reviews=review_of_w1("not_a_match"))
    (face,) = [c for c in diff_reports(read_report(old), read_report(new)).claims if c.claim == "no-face"]
    assert [(f.work, f.change, f.status, f.review) for f in face.findings] == [
        ("W1", "set_aside", "dismissed", "not_a_match")
    ]
    lines = [line.plain for line in render_diff(diff_reports(read_report(old), read_report(new)))]
    assert (
        "      ~ W1 \u201cFace recognition\u201d (2024-06-01) (set aside on review as not a match; still in the evidence)"
        in lines
    )
    assert not any(line.lstrip().startswith("- W1") for line in lines)


def test_a_finding_no_longer_set_aside_has_not_entered_the_evidence(root):
    old = run(root, FACE_WORKS, "old", reviews=review_of_w1("not_a_match"))
    new = run(root, FACE_WORKS, "new", reviews=review_of_w1("not_a_match", expires="2025-02-02"))
    diff = diff_reports(read_report(old), read_report(new))
    assert [(i.kind, i.change) for i in diff.inputs] == [("reviews", "changed")]
    (face,) = [c for c in diff.claims if c.claim == "no-face"]
    assert [(f.work, f.change, f.status) for f in face.findings] == [("W1", "restored", "matched")]
    assert "      ~ W1 \u201cFace recognition\u201d (2024-06-01) (no longer set aside on review; now matched)" in [
        line.plain for line in render_diff(diff)
    ]


def test_a_work_set_aside_that_leaves_the_evidence_is_removed(root):
    old = run(root, FACE_WORKS, "old", reviews=review_of_w1("not_a_match"))
    new = run(root, FACE_WORKS[1:], "new", reviews=review_of_w1("not_a_match"))
    (face,) = [c for c in diff_reports(read_report(old), read_report(new)).claims if c.claim == "no-face"]
    assert [(f.work, f.change) for f in face.findings] == [("W1", "removed")]


def checked_as_of(root: Path, records: list[dict], name: str, reviews: str, as_of: dt.date) -> Path:
    """As `run`, with the evidence current on `as_of`."""
    evidence = JsonlEvidence.open(write_jsonl(root / "works.jsonl", records))
    reviewed = load_reviews(write(root / "reviews.yaml", reviews))
    results = evaluate(
        claims_mod.load_claims([root / "claims/c.yaml"], root=root), [evidence], as_of=as_of, reviews=reviewed
    )
    out = root / f"{name}.json"
    out.write_text(render_json(results), encoding="utf-8")
    return out


def test_a_review_that_expired_between_two_runs_says_it_no_longer_applies_and_why(root, capsys):
    """The finding came back ("no longer set aside") and the reviews file had not changed: the
    review had expired, which diff did not say (issue 18, twenty-second part)."""
    review = review_of_w1("not_a_match", expires="2025-03-01")
    old = checked_as_of(root, FACE_WORKS, "old", review, dt.date(2025, 2, 15))
    new = checked_as_of(root, FACE_WORKS, "new", review, dt.date(2025, 4, 1))
    diff = diff_reports(read_report(old), read_report(new))
    assert not diff.inputs
    (face,) = [c for c in diff.claims if c.claim == "no-face"]
    (lapsed,) = face.reviews
    assert (lapsed.review, lapsed.decision, lapsed.line, lapsed.change) == ("W1", "not_a_match", 2, "no_longer_applied")
    assert lapsed.why == "it held until 2025-03-01; the evidence is current to 2025-04-01"
    assert main(["diff", str(old), str(new), "--json"]) == 0
    said = json.loads(capsys.readouterr().out)["claims"][0]["reviews"]
    assert said == [lapsed.model_dump(mode="json")] and "old_why" not in said[0]
    assert main(["diff", str(old), str(new)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert (
        f"~ review of W1 (not a match, {root / 'reviews.yaml'}:2): no longer applied: it held until 2025-03-01; "
        "the evidence is current to 2025-04-01" in out
    )
    # Back the other way, it applies again, and the line says why it had not.
    (back,) = [c for c in diff_reports(read_report(new), read_report(old)).claims if c.claim == "no-face"]
    assert [(r.change, r.why, r.old_why) for r in back.reviews] == [
        ("now_applied", None, "it held until 2025-03-01; the evidence is current to 2025-04-01")
    ]


def test_a_review_added_that_applies_to_no_finding_is_said_so(root, capsys):
    """A review naming a work the claim has no finding of (a typo, or it left the evidence) is
    not applied: diff said only that the reviews file changed."""
    old = run(root, FACE_WORKS, "old", reviews="reviews: []\n")
    typo = "reviews:\n  - {claim: no-face, work: W9, decision: not_a_match, by: A, date: 2025-02-01, note: n}\n"
    new = run(root, FACE_WORKS, "new", reviews=typo)
    diff = diff_reports(read_report(old), read_report(new))
    (face,) = diff.claims
    assert (face.claim, face.findings, face.verdict_changed) == ("no-face", (), False)
    assert [(r.review, r.change) for r in face.reviews] == [("W9", "not_applied")]
    lines = [line.plain for line in render_diff(diff)]
    assert "  no-face: still Contradicted; reviews changed (matched 2 → 2)" in lines
    assert any("~ review of W9 (not a match, " in line and ": not applied: no finding of" in line for line in lines)
    # Not applied in both runs, for the same reason: no change.
    assert not diff_reports(read_report(new), read_report(new)).claims


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("W9", "https://openalex.org/W9"),
        ("W9", "w9"),
        ("W9", "' W9 '"),
        ("doi:10.1234/ABC", "https://doi.org/10.1234/abc"),
        ("arXiv:2404.10667v2", "'2404.10667'"),
        ("A9", "https://openalex.org/a9"),
    ],
)
def test_a_review_respelled_between_runs_is_the_same_review(root, before, after, capsys):
    """Found by the twenty-fourth part's hunt: a review not applied in either run, for the same
    reason, but written another way in the new reviews file (a pasted address, another case)
    was said to be new to the reviews: diff compared reviews by their text as written, where the
    evaluator compares them by the identity they name."""
    field = "person" if before.startswith("A") else "work"

    def reviews(named: str) -> str:
        return f"reviews:\n  - {{claim: no-face, {field}: {named}, decision: not_a_match, by: A, date: 2025-02-01, note: n}}\n"

    old = run(root, FACE_WORKS, "old", reviews=reviews(before))
    new = run(root, FACE_WORKS, "new", reviews=reviews(after))
    (lapsed,) = json.loads(new.read_text(encoding="utf-8"))["results"][0]["lapsed_reviews"]
    assert lapsed["reason"] == "not_found"
    assert diff_reports(read_report(old), read_report(new)).claims  # as written, two reviews
    assert not diff_reports(read_report(old), read_report(new), review_identity=review_identity).claims
    assert main(["diff", str(old), str(new)]) == 0
    assert "review of" not in capsys.readouterr().out


def test_a_claim_given_a_new_id_is_the_same_claim_renamed(root, capsys):
    """An analyst renamed a claim's id, nothing else: diff read it as one claim no longer checked
    and a new one with every finding added (issue 18, twenty-second part)."""
    old = run(root, FACE_WORKS, "old")
    write(root / "claims/c.yaml", CLAIMS.replace("id: no-face", "id: no-face-recognition"))
    new = run(root, FACE_WORKS, "new")
    diff = diff_reports(read_report(old), read_report(new))
    (face,) = diff.claims
    assert (face.claim, face.old_claim, face.change, face.findings, face.verdict_changed) == (
        "no-face-recognition",
        "no-face",
        "renamed",
        (),
        False,
    )
    assert (
        "  no-face-recognition (was no-face, the same claim): still Contradicted; nothing else changed (matched 2 \u2192 2)"
        in [line.plain for line in render_diff(diff)]
    )
    assert main(["diff", str(old), str(new), "--json", "--exit-code"]) == 1
    assert json.loads(capsys.readouterr().out)["claims"][0]["old_claim"] == "no-face"


def test_a_claim_renamed_says_its_reviews_under_the_old_id_no_longer_apply(root):
    """Reviews name a claim by its id: renamed, the claim's set-aside finding comes back, and the
    review that set it aside is said to name the old id."""
    old = run(root, FACE_WORKS, "old", reviews=review_of_w1("not_a_match"))
    write(root / "claims/c.yaml", CLAIMS.replace("id: no-face", "id: no-face-recognition"))
    new = run(root, FACE_WORKS, "new", reviews=review_of_w1("not_a_match"))
    diff = diff_reports(read_report(old), read_report(new))
    (face,) = diff.claims
    assert (face.change, [(f.work, f.change) for f in face.findings]) == ("renamed", [("W1", "restored")])
    assert [(r.review, r.change, r.why) for r in face.reviews] == [
        (
            "W1",
            "no_longer_applied",
            "it names the claim 'no-face', which this run calls 'no-face-recognition': give it the new id",
        )
    ]
    # The new report lists the review among those of claims not checked too ("no-face" is not):
    # said under the renamed claim, it is not said again there (the thirtieth part said it twice).
    assert [(r.claim, r.work) for r in read_report(new).reviews_of_other_claims] == [("no-face", "W1")]
    assert diff.reviews_of_other_claims == ()
    # Back the other way, the claim renamed back: the review applies again, said once, as before.
    back = diff_reports(read_report(new), read_report(old))
    assert [(o.review, o.claim, o.change) for o in back.reviews_of_other_claims] == [("W1", "no-face", "removed")]
    # A review of the old id that applied to nothing before the rename either (its work no
    # finding) is said among the reviews of claims not checked, as no claim names it.
    gone = review_of_w1("not_a_match").replace("W1", "W9")
    write(root / "claims/c.yaml", CLAIMS)
    old_gone = run(root, FACE_WORKS, "old-gone", reviews=gone)
    write(root / "claims/c.yaml", CLAIMS.replace("id: no-face", "id: no-face-recognition"))
    new_gone = run(root, FACE_WORKS, "new-gone", reviews=gone)
    diff = diff_reports(read_report(old_gone), read_report(new_gone))
    assert [(r.review, r.change) for r in diff.claims[0].reviews] == []
    assert [(o.review, o.claim, o.change) for o in diff.reviews_of_other_claims] == [("W9", "no-face", "added")]
    # The review given the new id too: applied in both, no word of it.
    moved = run(
        root, FACE_WORKS, "moved", reviews=review_of_w1("not_a_match").replace("no-face", "no-face-recognition")
    )
    (face,) = diff_reports(read_report(old), read_report(moved)).claims
    assert (face.change, face.findings, face.reviews) == ("renamed", (), ())


def test_a_diff_pairs_renamed_claims_once_for_both_of_its_sections(root, monkeypatch):
    """The claims' changes and the reviews of claims not checked both need the renamed claims'
    pairing, which compares every claim gone with every claim come: it was worked out once for
    each section. Once now, and the diff says the same."""
    from claimwatch.reports import diff as diff_mod

    old = run(root, FACE_WORKS, "old", reviews=review_of_w1("not_a_match"))
    write(root / "claims/c.yaml", CLAIMS.replace("id: no-face", "id: no-face-recognition"))
    new = run(root, FACE_WORKS, "new", reviews=review_of_w1("not_a_match"))
    before = diff_reports(read_report(old), read_report(new))
    calls = []
    pair = diff_mod._renamed_claims
    monkeypatch.setattr(diff_mod, "_renamed_claims", lambda a, b: calls.append(1) or pair(a, b))
    assert diff_reports(read_report(old), read_report(new)) == before
    assert len(calls) == 1 and before.claims[0].change == "renamed"


def test_a_claim_renamed_and_its_old_review_deleted_is_not_told_to_give_the_review_the_new_id(root):
    """A claim renamed and its review deleted with it (to be made again under the new id): the
    diff said "it names the claim 'no-face', ...: give it the new id" of a review the new reviews
    file no longer holds. Where the new report lists other reviews of claims not checked, not it,
    the review is said gone; where it lists none, as a report from before that list, it may be
    either; where the reviews file is the same bytes in both runs, it is still there."""
    old = run(root, FACE_WORKS, "old", reviews=review_of_w1("not_a_match"))
    write(root / "claims/c.yaml", CLAIMS.replace("id: no-face", "id: no-face-recognition"))
    other = "reviews:\n  - {claim: no-fase, work: W2, decision: confirmed, by: A, date: 2025-02-01, note: typo}\n"
    gone = run(root, FACE_WORKS, "gone", reviews=other)
    assert [(r.claim, r.work) for r in read_report(gone).reviews_of_other_claims] == [("no-fase", "W2")]
    said = "it named the claim 'no-face', which this run calls 'no-face-recognition'"
    (face,) = diff_reports(read_report(old), read_report(gone)).claims
    assert [(r.review, r.change, r.why) for r in face.reviews] == [
        (
            "W1",
            "no_longer_applied",
            f"{said}, and is not in the new run's reviews file as it was: gone, or naming another claim or finding now",
        )
    ]
    none_listed = run(root, FACE_WORKS, "none-listed", reviews="reviews: []\n")
    diff = diff_reports(read_report(old), read_report(none_listed))
    assert [r.why for r in diff.claims[0].reviews] == [
        f"{said}, and the new report lists it nowhere: gone from the reviews file, or, in a report from before the "
        "reviews of claims not checked were listed, still there: then give it the new id"
    ]
    assert diff.reviews_of_other_claims == ()
    # The same reviews file in both runs: the review is there under the old id, whatever the new
    # report lists (here nothing, as a claimwatch from before that list wrote).
    kept = run(root, FACE_WORKS, "kept", reviews=review_of_w1("not_a_match"))
    unlisted = read_report(kept).model_copy(update={"reviews_of_other_claims": ()})
    (face,) = diff_reports(read_report(old), unlisted).claims
    assert [r.why for r in face.reviews] == [
        "it names the claim 'no-face', which this run calls 'no-face-recognition': give it the new id"
    ]


@pytest.mark.parametrize(
    "edit",
    [
        ("No face recognition work.", "No facial recognition work."),  # its words
        (
            "from: 2024-01-10\n    expects: none\n    works: {topic",
            "from: 2024-01-11\n    expects: none\n    works: {topic",
        ),
        ("expects: none\n    works: {topic: face}", "expects: {at_most: 1}\n    works: {topic: face}"),
    ],
    ids=["says", "period", "expects"],
)
def test_a_claim_renamed_and_changed_in_substance_is_removed_and_added(root, edit):
    old = run(root, FACE_WORKS, "old")
    changed = CLAIMS.replace("id: no-face", "id: no-face-2")
    assert edit[0] in changed
    write(root / "claims/c.yaml", changed.replace(edit[0], edit[1], 1))
    new = run(root, FACE_WORKS, "new")
    changes = {(c.claim, c.change, c.old_claim) for c in diff_reports(read_report(old), read_report(new)).claims}
    assert changes == {("no-face-2", "added", None), ("no-face", "removed", None)}


def test_two_claims_alike_renamed_are_not_guessed_between(root):
    twice = CLAIMS + CLAIMS.split("claims:\n")[1].split("  - id: no-partners")[0].replace("id: no-face", "id: face-b")
    write(root / "claims/c.yaml", twice)
    old = run(root, FACE_WORKS, "old")
    write(root / "claims/c.yaml", twice.replace("id: no-face", "id: face-x").replace("id: face-b", "id: face-y"))
    new = run(root, FACE_WORKS, "new")
    changes = sorted((c.claim, c.change) for c in diff_reports(read_report(old), read_report(new)).claims)
    assert changes == [("face-b", "removed"), ("face-x", "added"), ("face-y", "added"), ("no-face", "removed")]


def test_a_work_set_aside_that_the_record_now_shows_certainly_is_said_so(root, capsys):
    """An analyst set aside an uncertain finding (a year-only date that may fall before the
    claim's period); the record now gives the day, and the work certainly matches. Set aside in
    both runs, the diff said nothing: the review, made on a doubt that is gone, hid it."""
    review = review_of_w1("not_a_match")
    old = run(root, [work("W1", "Face recognition", date="2024")], "old", reviews=review)
    new = run(root, [work("W1", "Face recognition", date="2024-06-01")], "new", reviews=review)
    diff = diff_reports(read_report(old), read_report(new))
    (face,) = [c for c in diff.claims if c.claim == "no-face"]
    assert [(f.work, f.change, f.match_was, f.match_now, f.review) for f in face.findings] == [
        ("W1", "changed_under_review", "uncertain", "matched", "not_a_match")
    ]
    assert main(["diff", str(old), str(new), "--exit-code"]) == 1
    assert (
        "! W1 \u201cFace recognition\u201d (2024-06-01) (set aside on review as not a match, and what it decided "
        "on changed: now a certain match, was uncertain: the review may not have weighed it; now dated 2024-06-01, "
        "was 2024)"
    ) in " ".join(capsys.readouterr().out.split())


def test_a_work_set_aside_that_now_matches_through_another_author_is_said_so(root):
    """OpenAlex adds an author at a listed institution to a work an analyst set aside (the one
    listed coauthor was a namesake): the review still applies, and the diff says what it now
    stands over."""
    review = "reviews:\n  - {claim: no-partners, work: W1, decision: not_a_match, by: A, date: 2025-02-01, note: n}\n"
    authors = [authorship("A. Lab", [LAB]), authorship("B. Partner", [HIT])]
    old = run(root, [work("W1", "Graph networks", authorships=authors)], "old", reviews=review)
    more = [*authors, authorship("C. Other", [HIT])]
    new = run(root, [work("W1", "Graph networks", authorships=more)], "new", reviews=review)
    diff = diff_reports(read_report(old), read_report(new))
    (partners,) = [c for c in diff.claims if c.claim == "no-partners"]
    assert [(f.work, f.change, f.new_grounds) for f in partners.findings] == [
        ("W1", "changed_under_review", ("C. Other at Harbin Institute of Technology (I200; Military universities)",))
    ]
    assert "now also through C. Other at Harbin Institute of Technology" in render_diff(diff)[-1].plain


def test_a_work_set_aside_at_a_namesake_that_now_matches_at_the_listed_record_is_said_so(root):
    """An analyst set a work aside because its partner's institution record was a namesake of the
    listed one (another record of the same name); OpenAlex later gives the listed record. The
    same name is not the same ground: the diff says what the review now stands over."""
    review = "reviews:\n  - {claim: no-partners, work: W1, decision: not_a_match, by: A, date: 2025-02-01, note: n}\n"
    namesake = institution("I999", "Harbin Institute of Technology")
    old_authors = [authorship("A. Lab", [LAB]), authorship("B. Partner", [namesake])]
    old = run(root, [work("W1", "Graph networks", authorships=old_authors)], "old", reviews=review)
    new_authors = [authorship("A. Lab", [LAB]), authorship("B. Partner", [HIT])]
    new = run(root, [work("W1", "Graph networks", authorships=new_authors)], "new", reviews=review)
    diff = diff_reports(read_report(old), read_report(new))
    (partners,) = [c for c in diff.claims if c.claim == "no-partners"]
    ((change, grounds),) = [(f.change, f.new_grounds) for f in partners.findings]
    assert change == "changed_under_review"
    assert grounds == ("B. Partner at Harbin Institute of Technology (I200; Military universities)",)


def test_a_confirmed_work_with_a_doubt_it_did_not_have_is_said_so(root):
    """A confirmation resolves the doubts the evaluation had; one the record raises later (here
    its day is gone, only the year left) is not among them."""
    review = review_of_w1("confirmed")
    old = run(root, [work("W1", "Face recognition", date="2024-06-01")], "old", reviews=review)
    new = run(root, [work("W1", "Face recognition", date="2024")], "new", reviews=review)
    (face,) = [c for c in diff_reports(read_report(old), read_report(new)).claims if c.claim == "no-face"]
    ((change, doubts),) = [(f.change, f.new_doubts) for f in face.findings]
    assert change == "changed_under_review" and len(doubts) == 1 and "may fall before 2024-01-10" in doubts[0]


def test_a_confirmed_works_doubt_naming_its_snapshot_is_the_same_doubt_in_another_snapshot(root, tmp_path):
    """Two copies of W1 that differ leave a doubt naming the file they are in: collected again
    into a snapshot of another name, the doubt is the one the review resolved, not a new one."""
    review = load_reviews(write(root / "reviews.yaml", review_of_w1("confirmed")))
    claims = claims_mod.load_claims([root / "claims/c.yaml"], root=root)
    copies = [work("W1", "Face recognition"), work("W1", "Face recognition", date="2023-06-01")]
    reports = []
    for name in ("snapshot-2025-05", "snapshot-2025-06"):
        evidence = JsonlEvidence.open(write_jsonl(tmp_path / name / "works.jsonl", copies))
        results = evaluate(claims, [evidence], reviews=review)
        (face,) = [r for r in results.results if r.claim == "no-face"]
        assert any(name in d for d in face.findings[0].uncertain_because)
        reports.append(results)
    diff = diff_reports(*reports)
    assert not [f for c in diff.claims if c.claim == "no-face" for f in c.findings]


def test_a_snapshot_named_as_a_word_of_a_doubt_leaves_the_doubt_as_it_is(root, tmp_path, monkeypatch):
    """Found by the twenty-third part's hunt: snapshots named 2024 and 2025, given as such, made
    the old doubt "its date 2024 may fall before 2024-01-10" read "its date … may fall before
    …-01-10" (every "2024" taken for the folder), so the diff said the confirmed work had a new
    doubt the review may not have weighed. A folder is a place only where a path goes on from it."""
    review = load_reviews(write(root / "reviews.yaml", review_of_w1("confirmed")))
    claims = claims_mod.load_claims([root / "claims/c.yaml"], root=root)
    monkeypatch.chdir(tmp_path)
    reports = []
    for name in ("2024", "2025"):
        evidence = JsonlEvidence.open(
            write_jsonl(Path(name) / "works.jsonl", [work("W1", "Face recognition", date="2024")])
        )
        results = evaluate(claims, [evidence], reviews=review)
        (face,) = [r for r in results.results if r.claim == "no-face"]
        assert face.findings[0].work.records == (f"{name}/works.jsonl:1",)
        assert face.findings[0].uncertain_because == ("its date 2024 may fall before 2024-01-10",)
        reports.append(results)
    diff = diff_reports(*reports)
    assert not [f for c in diff.claims if c.claim == "no-face" for f in c.findings]
    assert "new doubt" not in render_diff(diff)[-1].plain


def test_an_evidence_file_named_as_a_year_leaves_the_doubt_its_year_names(root, tmp_path, monkeypatch):
    """Found by the twenty-fourth part's hunt: evidence files literally named 2024 and 2025 (a
    year's export, given as such: records `2024:1`) made the doubt "its date 2024 may fall before
    2024-01-10" read "its date … may fall before 2024-01-10" in one run and not the other, and
    the diff said the confirmed work had a new doubt the review may not have weighed."""
    review = load_reviews(write(root / "reviews.yaml", review_of_w1("confirmed")))
    claims = claims_mod.load_claims([root / "claims/c.yaml"], root=root)
    monkeypatch.chdir(tmp_path)
    reports = []
    for name in ("2024", "2025"):
        evidence = JsonlEvidence.open(write_jsonl(Path(name), [work("W1", "Face recognition", date="2024")]))
        results = evaluate(claims, [evidence], reviews=review)
        (face,) = [r for r in results.results if r.claim == "no-face"]
        assert face.findings[0].work.records == (f"{name}:1",)
        assert face.findings[0].uncertain_because == ("its date 2024 may fall before 2024-01-10",)
        reports.append(results)
    diff = diff_reports(*reports)
    assert not [f for c in diff.claims if c.claim == "no-face" for f in c.findings]
    assert "new doubt" not in render_diff(diff)[-1].plain


def test_copies_in_a_file_named_as_a_year_are_the_same_doubt_in_a_file_of_another_year(root, tmp_path, monkeypatch):
    """The doubt naming the file a record's copies are in still leaves the file out, when the
    file's name is a bare word."""
    review = load_reviews(write(root / "reviews.yaml", review_of_w1("confirmed")))
    claims = claims_mod.load_claims([root / "claims/c.yaml"], root=root)
    monkeypatch.chdir(tmp_path)
    copies = [work("W1", "Face recognition"), work("W1", "Face recognition", date="2023-06-01")]
    reports = []
    for name in ("2024", "2025"):
        results = evaluate(claims, [JsonlEvidence.open(write_jsonl(Path(name), copies))], reviews=review)
        (face,) = [r for r in results.results if r.claim == "no-face"]
        assert any(f"({name})" in d for d in face.findings[0].uncertain_because)
        reports.append(results)
    diff = diff_reports(*reports)
    assert not [f for c in diff.claims if c.claim == "no-face" for f in c.findings]


def test_nothing_changed_under_a_review_is_no_change(root):
    """A review over the same record, collected again, or over a record that changed in nothing
    it decided on (another coauthor outside every list), is no change."""
    for decision in ("not_a_match", "confirmed", "disputed"):
        review = review_of_w1(decision)
        old = run(root, [work("W1", "Face recognition", date="2024")], "old", reviews=review)
        authors = [authorship("A. Lab", [LAB]), authorship("B. Partner", [HIT]), authorship("D. Elsewhere", [])]
        new = run(root, [work("W1", "Face recognition", date="2024", authorships=authors)], "new", reviews=review)
        diff = diff_reports(read_report(old), read_report(new))
        assert not [f for c in diff.claims if c.claim == "no-face" for f in c.findings], decision


def checked(root: Path, claims: str, evidence: Path, name: str) -> Path:
    write(root / "claims/c.yaml", claims)
    results = evaluate(claims_mod.load_claims([root / "claims/c.yaml"], root=root), [Snapshot.open(evidence)])
    out = root / f"{name}.json"
    out.write_text(render_json(results), encoding="utf-8")
    return out


def test_a_snapshot_written_again_over_the_same_records_is_said_so_and_no_change(root, tmp_path, capsys):
    """`collect --update` finding nothing new writes a new manifest (its time, its update) over
    the same data files: diff said "changed evidence", and --exit-code exited 1, though not a
    record moved (issue 18, twenty-second part). Each data file's sha256, from the manifest, is
    in the report, and a snapshot whose are the same is said to be written again."""
    source = write_jsonl(tmp_path / "w.jsonl", [work("W1", "Face recognition", date="2024-06-01")])
    snap = tmp_path / "snap"
    import_works(source, snap, institutions=["I100"], start=dt.date(2024, 1, 1), command=["first"])
    old = checked(root, CLAIMS, snap, "old")
    import_works(source, snap, institutions=["I100"], start=dt.date(2024, 1, 1), command=["again"])
    new = checked(root, CLAIMS, snap, "new")
    (ref,) = read_report(new).evidence
    assert ref.kind == "snapshot" and set(ref.record_files) == {"works.jsonl.gz"}  # type: ignore[union-attr]
    diff = diff_reports(read_report(old), read_report(new))
    (evidence,) = diff.inputs
    assert (evidence.change, evidence.same_records) == ("changed", True)
    assert evidence.old_sha256 != evidence.new_sha256
    assert not diff.changed and not diff.claims
    assert main(["diff", str(old), str(new), "--exit-code"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-2].endswith("(its manifest alone: the same records, written again by another collect or update)")
    assert lines[-1] == "No changes: the same records (some snapshots written again), verdicts and findings."
    # A record that did change is a change, as before.
    changed = write_jsonl(tmp_path / "w.jsonl", [work("W1", "Face recognition at scale", date="2024-06-01")])
    import_works(changed, snap, institutions=["I100"], start=dt.date(2024, 1, 1), command=["later"])
    later = diff_reports(read_report(new), read_report(checked(root, CLAIMS, snap, "later")))
    (evidence,) = later.inputs
    assert (evidence.change, evidence.same_records, later.changed) == ("changed", None, True)


def test_coverage_that_is_no_longer_complete_is_said_with_the_same_findings(root, tmp_path, capsys):
    """The same work contradicts the claim in both runs, but the evidence covered the lab's works
    completely in one and not in the other (imported for a later period): the verdict's grounds
    changed, and the diff said nothing of the claim (issue 18, nineteenth part)."""
    source = write_jsonl(tmp_path / "w.jsonl", [work("W1", "Face recognition", date="2024-06-01")])
    import_works(source, tmp_path / "then", institutions=["I100"], start=dt.date(2024, 1, 1))
    import_works(source, tmp_path / "now", institutions=["I100"], start=dt.date(2025, 1, 1))
    old, new = checked(root, CLAIMS, tmp_path / "then", "old"), checked(root, CLAIMS, tmp_path / "now", "new")
    diff = diff_reports(read_report(old), read_report(new))
    (face,) = [c for c in diff.claims if c.claim == "no-face"]
    assert (face.old_verdict, face.new_verdict, face.findings) == ("contradicted", "contradicted", ())
    assert (face.coverage_was_complete, face.coverage_complete) == (True, False)
    assert face.coverage_why and "no evidence covers Example Lab completely" in face.coverage_why
    assert main(["diff", str(new), str(old), "--exit-code"]) == 1
    out = " ".join(capsys.readouterr().out.split())
    assert "no-face: still Contradicted; coverage changed (matched 1 → 1)" in out
    assert "coverage: not complete → complete: " in out
    assert main(["diff", str(old), str(new), "--json"]) == 0
    (face_json,) = [c for c in json.loads(capsys.readouterr().out)["claims"] if c["claim"] == "no-face"]
    assert (face_json["coverage_was_complete"], face_json["coverage_complete"]) == (True, False)


def test_coauthors_with_no_affiliation_past_the_tolerance_are_a_coverage_change(root, tmp_path):
    """Complete coverage in both runs, but the new record leaves more coauthors unaffiliated than
    the claim tolerates: the record can no longer show where they are, which the diff says."""
    claims = CLAIMS.replace("works: {coauthor_in: [mil]}", "works: {coauthor_in: [mil]}\n    max_unaffiliated: 0.25")
    authors = [authorship("A. Lab", [LAB]), authorship("B. Partner", [HIT])]
    unplaced = [*authors, authorship("C. Nowhere", []), authorship("D. Nowhere", [])]
    for name, records in (("then", authors), ("now", unplaced)):
        source = write_jsonl(tmp_path / f"{name}.jsonl", [work("W1", "Graph networks", authorships=records)])
        import_works(source, tmp_path / name, institutions=["I100"], start=dt.date(2024, 1, 1))
    old, new = checked(root, claims, tmp_path / "then", "old"), checked(root, claims, tmp_path / "now", "new")
    (partners,) = [c for c in diff_reports(read_report(old), read_report(new)).claims if c.claim == "no-partners"]
    assert (partners.old_verdict, partners.new_verdict, partners.findings) == ("contradicted", "contradicted", ())
    assert (partners.coverage_was_complete, partners.coverage_complete) == (True, False)
    assert "2 of the 3 coauthorships carry no affiliation at all, more than the 25%" in (partners.coverage_why or "")


def test_the_same_report_twice_shows_no_change(root, capsys):
    report = run(root, [work("W1", "Face recognition")], "r")
    assert main(["diff", str(report), str(report), "--exit-code"]) == 0
    assert "No changes" in capsys.readouterr().out


def test_the_command_prints_changes_and_exits_1_with_exit_code(root, capsys):
    old = run(root, [work("W1", "Graph networks")], "old")
    new = run(root, [work("W1", "Graph networks"), work("W2", "Face recognition", date="2024-07-01")], "new")
    assert main(["diff", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert "no-face: Insufficient evidence \u2192 Contradicted (matched 0 \u2192 1)" in out
    assert "+ W2 \u201cFace recognition\u201d (2024-07-01)" in out
    assert f"changed  evidence  {root / 'works.jsonl'}" in out
    assert main(["diff", str(old), str(new), "--exit-code"]) == 1


def test_the_command_prints_json(root, capsys):
    old = run(root, [work("W1", "Graph networks")], "old")
    new = run(root, [work("W2", "Face recognition", date="2024-07-01")], "new")
    assert main(["diff", str(old), str(new), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["old"] == str(old) and data["new"] == str(new)
    face = next(c for c in data["claims"] if c["claim"] == "no-face")
    assert [(f["work"], f["change"]) for f in face["findings"]] == [("W2", "added")]
    partners = next(c for c in data["claims"] if c["claim"] == "no-partners")
    assert sorted((f["work"], f["change"]) for f in partners["findings"]) == [("W1", "removed"), ("W2", "added")]


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json", "not a JSON report: Expecting property name enclosed in double quotes"),
        ('{"results": []}', "not a claimwatch JSON report: at claimwatch: Field required"),
        ("[1, 2]", "not a claimwatch JSON report"),
    ],
)
def test_a_file_that_is_not_a_report_is_one_line_and_exit_2(tmp_path, capsys, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_report(bad)
    assert message in str(e.value)
    assert main(["diff", str(bad), str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(str(bad)) and message in err and len(err.splitlines()) == 1


def test_a_missing_report_is_exit_2(tmp_path, capsys):
    assert main(["diff", str(tmp_path / "none.json"), str(tmp_path / "none.json")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_a_pipe_or_a_deeply_nested_file_is_one_line_not_a_hang_or_a_crash(tmp_path, capsys):
    import os

    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    for bad, words in ((fifo, "named pipe"), (deep, "nested too deeply")):
        assert main(["diff", str(bad), str(bad)]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith(str(bad)) and words in err[0]


def test_a_number_of_more_digits_than_python_reads_is_one_line(root, capsys):
    # Python's json refuses an integer of more than 4,300 digits with a ValueError, not a
    # JSONDecodeError: `diff` ended in a traceback.
    old = run(root, [work("W1", "Graph networks")], "old")
    new = root / "new.json"
    # On its third line, after a string of digits that is no number: the line names the number.
    text = old.read_text(encoding="utf-8").replace("{", '{"s": "' + "2" * 5000 + '",\n\n  "x": ' + "1" * 5000 + ", ", 1)
    new.write_text(text, encoding="utf-8")
    assert main(["diff", str(old), str(new)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert (
        len(err) == 1
        and err[0] == f"{new}:3:8: not a JSON report: a number of more than 4,300 digits, more than claimwatch reads"
    )


def test_markup_in_a_reports_hashes_reaches_the_terminal_inert(root, capsys):
    old = run(root, [work("W1", "Graph networks")], "old")
    new = run(root, [work("W1", "Graph networks"), work("W2", "More graphs")], "new")
    for name, hostile in ((old, "[link=https://ev.il]x"), (new, "[/x]")):
        data = json.loads(name.read_text(encoding="utf-8"))
        data["inputs"]["evidence"][0]["sha256"] = hostile
        name.write_text(json.dumps(data), encoding="utf-8")
    assert main(["diff", str(old), str(new)]) in (0, 1)
    out = capsys.readouterr().out
    assert "\x1b]8" not in out and "[link=https://ev.il]x"[:12] in out


def _located(url: str) -> list[dict]:
    return [{"landing_page_url": url, "pdf_url": None, "source": {"display_name": "arXiv (Cornell University)"}}]


def _a_preprint_joins_an_article(root: Path) -> tuple[Path, Path, ClaimChange]:
    """Two runs: a journal article (W20, 2024-06-01) alone, then a preprint record with a smaller
    id (W10, 2024-02-01) beside it, sharing its arXiv id; and the change of the claim they match."""
    article = work(
        "W20", "Face recognition", date="2024-06-01", doi="https://doi.org/10.1000/j.1",
        locations=_located("https://arxiv.org/abs/2402.00001"),
    )  # fmt: skip
    preprint = work(
        "W10", "Face recognition (preprint)", date="2024-02-01", doi="https://doi.org/10.48550/arxiv.2402.00001"
    )
    old = run(root, [article], "old")
    new = run(root, [article, preprint], "new")
    (face,) = [c for c in diff_reports(read_report(old), read_report(new)).claims if c.claim == "no-face"]
    return old, new, face


def test_a_work_led_by_another_record_is_the_same_work_renamed(root, capsys):
    """A preprint record with a smaller id joins a journal article (they share its arXiv id):
    the new report leads the work by the preprint. It was shown as one work removed and another
    added; it is the same work, renamed (issue 18, twelfth part)."""
    old, new, face = _a_preprint_joins_an_article(root)
    assert [(f.work, f.old_work, f.change) for f in face.findings] == [("W10", "W20", "renamed")]
    assert main(["diff", str(old), str(new)]) == 0
    assert "~ W10 (was W20) “Face recognition (preprint)” (2024-02-01) (the same work" in capsys.readouterr().out


def test_a_work_whose_leading_record_left_says_so_not_that_another_leads_it(root, capsys):
    """The preprint record (W10) that led the work leaves the evidence; the article (W20) keeps
    its arXiv id. The line said "now led by another of its records", as if W10 were still one of
    them; a new lead of a larger id means the old one is not cited now (issue 18,
    twenty-second part)."""
    old, new, _ = _a_preprint_joins_an_article(root)
    (face,) = [c for c in diff_reports(read_report(new), read_report(old)).claims if c.claim == "no-face"]
    assert [(f.work, f.old_work, f.change) for f in face.findings] == [("W20", "W10", "renamed")]
    assert main(["diff", str(new), str(old)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert (
        "~ W20 (was W10) \u201cFace recognition\u201d (2024-06-01) (the same work, shared DOI or arXiv id: W10, the "
        "record that led it, is no longer among the records it cites; now dated 2024-06-01, was 2024-02-01)"
    ) in out
    assert "now led by another" not in out


def test_works_sharing_nothing_are_removed_and_added(root):
    old = run(root, [work("W20", "Face recognition", doi="https://doi.org/10.1000/j.1")], "old")
    new = run(root, [work("W10", "Face recognition", doi="https://doi.org/10.1000/j.2")], "new")
    (face,) = [c for c in diff_reports(read_report(old), read_report(new)).claims if c.claim == "no-face"]
    assert sorted((f.work, f.change) for f in face.findings) == [("W10", "added"), ("W20", "removed")]
    assert all(f.old_work is None for f in face.findings)


def test_two_old_works_each_sharing_an_identity_with_one_new_work_are_both_its_versions(root):
    """By claimwatch's own rule, records sharing a DOI or an arXiv id are one work: two old works
    that each share one with a new work are both of it, neither removed, nor it added."""
    old = run(
        root,
        [
            work("W20", "Face recognition", doi="https://doi.org/10.1000/j.1"),
            work(
                "W30", "Face recognition", doi="https://doi.org/10.1000/j.2",
                locations=_located("https://arxiv.org/abs/2402.00001"),
            ),
        ],
        "old",
    )  # fmt: skip
    both = work(
        "W10",
        "Face recognition",
        doi="https://doi.org/10.1000/j.1",
        locations=_located("https://arxiv.org/abs/2402.00001"),
    )
    new = run(root, [both], "new")
    (face,) = [c for c in diff_reports(read_report(old), read_report(new)).claims if c.claim == "no-face"]
    assert sorted((f.work, f.old_work, f.change) for f in face.findings) == [
        ("W10", "W20", "joined"),
        ("W10", "W30", "joined"),
    ]


def test_a_finding_joined_into_another_did_not_leave_the_evidence(root, capsys):
    """Read apart before `locations` were read (or collected), a journal article and its preprint
    were two findings; the new run holds the article as a version of the preprint's work. Shown
    as removed, it read as a work leaving the evidence (found by a review of this part)."""
    article_then = work("W20", "Face recognition", date="2024-06-01", doi="https://doi.org/10.1000/j.1")
    article_now = dict(article_then, locations=_located("https://arxiv.org/abs/2402.00001"))
    preprint = work(
        "W10", "Face recognition (preprint)", date="2024-02-01", doi="https://doi.org/10.48550/arxiv.2402.00001"
    )
    old = run(root, [article_then, preprint], "old")
    new = run(root, [article_now, preprint], "new")
    (face,) = [c for c in diff_reports(read_report(old), read_report(new)).claims if c.claim == "no-face"]
    assert [(f.work, f.old_work, f.change) for f in face.findings] == [("W10", "W20", "joined")]
    assert main(["diff", str(old), str(new)]) == 0
    assert "~ W10 (was W20) “Face recognition” (2024-06-01) (now a version of this work" in capsys.readouterr().out


def test_a_joined_finding_says_the_status_its_work_has_now(root, capsys):
    """The preprint was set aside on review; the article, a finding of its own before, is now a
    version of it, set aside with it: the matched count drops, and the joined line says why (a
    second review found it saying only "still in the evidence")."""
    article_then = work("W20", "Face recognition", date="2024-06-01", doi="https://doi.org/10.1000/j.1")
    article_now = dict(article_then, locations=_located("https://arxiv.org/abs/2402.00001"))
    preprint = work(
        "W10", "Face recognition (preprint)", date="2024-02-01", doi="https://doi.org/10.48550/arxiv.2402.00001"
    )
    review = "reviews:\n  - {claim: no-face, work: W10, decision: not_a_match, by: A, date: 2025-02-01, note: n}\n"
    old = run(root, [article_then, preprint], "old", reviews=review)
    new = run(root, [article_now, preprint], "new", reviews=review)
    (face,) = [c for c in diff_reports(read_report(old), read_report(new)).claims if c.claim == "no-face"]
    (joined,) = [f for f in face.findings if f.change == "joined"]
    assert (joined.work, joined.old_work, joined.status) == ("W10", "W20", "dismissed")
    assert (face.old_matched, face.new_matched) == (1, 0)
    assert main(["diff", str(old), str(new)]) == 0
    assert "still in the evidence; now set aside on review as not a match" in capsys.readouterr().out


def test_a_joined_finding_whose_work_changed_under_its_review_is_said_so(root, capsys):
    """An analyst set the article aside by its DOI (its listed coauthor a namesake); the new run
    holds it as a version of a preprint with another coauthor at a listed institution. The
    review applies in both runs, now over a work it was not made on: said only "joined", the
    new ground went unsaid (found by reading `_joined_change`)."""
    article_then = work("W20", "Graph networks", date="2024-06-01", doi="https://doi.org/10.1000/j.1")
    article_now = dict(article_then, locations=_located("https://arxiv.org/abs/2402.00001"))
    more = [authorship("A. Lab", [LAB]), authorship("B. Partner", [HIT]), authorship("C. Other", [HIT])]
    preprint = work(
        "W10", "Graph networks (preprint)", date="2024-02-01", doi="https://doi.org/10.48550/arxiv.2402.00001",
        authorships=more,
    )  # fmt: skip
    review = "reviews:\n  - {claim: no-partners, work: 10.1000/j.1, decision: not_a_match, by: A, date: 2025-02-01, note: n}\n"
    old = run(root, [article_then, preprint], "old", reviews=review)
    new = run(root, [article_now, preprint], "new", reviews=review)
    (partners,) = [c for c in diff_reports(read_report(old), read_report(new)).claims if c.claim == "no-partners"]
    (was_w20,) = [f for f in partners.findings if f.old_work == "W20"]
    assert (was_w20.work, was_w20.change, was_w20.review, was_w20.new_grounds) == (
        "W10",
        "changed_under_review",
        "not_a_match",
        ("C. Other at Harbin Institute of Technology (I200; Military universities)",),
    )
    assert main(["diff", str(old), str(new)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert (
        "! W10 (was W20) \u201cGraph networks\u201d (2024-06-01) (set aside on review as not a match, and what it"
        in out
    )


def test_another_report_of_the_run_given_to_diff_is_named_in_one_line(project_root, tmp_path, monkeypatch, capsys):
    """A run's reports sit side by side: diff given its CSV said "Unexpected UTF-8 BOM (decode
    using utf-8-sig)", given its ClaimReview "at claimwatch: Field required"."""
    monkeypatch.chdir(project_root)
    out = {fmt: tmp_path / f"r.{fmt}" for fmt in ("json", "csv", "html", "md", "claimreview")}
    argv = ["check", "claims/microsoft-msra-2024.yaml", "--evidence", "evidence/curated/"]
    assert main([*argv, *(x for fmt, path in out.items() for x in (f"--{fmt}", str(path)))]) == 0
    capsys.readouterr()
    said = {"csv": "a CSV report (--csv)", "html": "an HTML report (--html)", "md": "a Markdown report (--md)"}
    said["claimreview"] = "a ClaimReview report (--claimreview)"
    for fmt, what in said.items():
        assert main(["diff", str(out[fmt]), str(out["json"])]) == 2
        (line,) = capsys.readouterr().err.splitlines()
        assert (
            line
            == f"{out[fmt]}: {what}, not a JSON report: compare the reports two runs of `claimwatch check` wrote with --json"
        )
    assert main(["diff", str(out["json"]), str(out["json"])]) == 0


def test_a_diff_saved_as_json_given_to_diff_is_named_in_one_line(root, capsys):
    """Found by the twenty-fourth part's hunt: `diff --json` saved beside the reports, then given
    to diff, said "not a claimwatch JSON report: at claimwatch: Field required"."""
    old, new = run(root, FACE_WORKS, "old"), run(root, FACE_WORKS[:1], "new")
    assert main(["diff", str(old), str(new), "--json"]) == 0
    saved = root / "diff.json"
    saved.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["diff", str(saved), str(new)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line == (
        f"{saved}: the output of `claimwatch diff --json`, not a report: "
        "compare the reports two runs of `claimwatch check` wrote with --json"
    )


def test_a_snapshot_s_manifest_given_to_diff_is_named_in_one_line(root, capsys):
    """`diff evidence/snapshots/2024/manifest.json evidence/snapshots/2025/manifest.json`, two
    snapshots compared as the runs' inputs: "not a claimwatch JSON report: at claimwatch: Field
    required", as if a report were damaged. Said what it is now, as the other files are."""
    new = run(root, FACE_WORKS, "new")
    snap = root / "evidence" / "snapshots" / "2024"
    import_works(write_jsonl(root / "in.jsonl", FACE_WORKS), snap)
    assert main(["diff", str(snap / "manifest.json"), str(new)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line == (
        f"{snap / 'manifest.json'}: a snapshot's manifest, not a JSON report: "
        "compare the reports two runs of `claimwatch check` wrote with --json"
    )
    # A manifest written before its format's key was (`claimwatch_snapshot`): "Field required".
    manifest = json.loads((snap / "manifest.json").read_text(encoding="utf-8"))
    del manifest["claimwatch_snapshot"]
    older = root / "older-manifest.json"
    older.write_text(json.dumps(manifest), encoding="utf-8")
    assert main(["diff", str(older), str(new)]) == 2
    assert capsys.readouterr().err.splitlines() == [line.replace(str(snap / "manifest.json"), str(older))]


def test_a_title_ending_in_a_backslash_shows_as_it_is_written(root, capsys):
    """Found by the nineteenth part's hunt: titles were escaped into rich markup, and
    rich.markup.escape doubles a trailing backslash (for a tag that may follow), so a finding
    titled "A title ending in \\" printed "A title ending in \\\\". The lines hold the text as
    written, and markup in it stays text."""
    old = run(root, [work("W0", "Graph networks")], "old")
    titles = ["Face recognition ending in \\", "[red]Face recognition[/]\\"]
    new = run(root, [work("W0", "Graph networks"), *(work(f"W{n}", t) for n, t in enumerate(titles, 1))], "new")
    assert main(["diff", str(old), str(new)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "      + W1 \u201cFace recognition ending in \\\u201d (2024-06-01)" in lines
    assert "      + W2 \u201c[red]Face recognition[/]\\\u201d (2024-06-01)" in lines
    assert any(line.startswith("      why: ") and line.endswith("ending in \\\u201d (2024-06-01).") for line in lines)


def test_a_report_holding_one_claim_twice_is_refused_in_one_line(root, capsys):
    """Found by the twenty-first part's hunt: check refuses two claims of one id, but a report
    merged or edited by hand can hold one twice, and diff kept the last in silence, "No
    changes" beside a report whose first copy said Contradicted."""
    report = run(root, [work("W1", "Face recognition")], "one")
    data = json.loads(report.read_text(encoding="utf-8"))
    first = data["results"][0]
    data["results"].append(dict(first, verdict="not_contradicted"))
    twice = root / "twice.json"
    twice.write_text(json.dumps(data, indent=2), encoding="utf-8")
    assert main(["diff", str(report), str(twice)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line == (
        f"{twice}: the claim {first['claim']} is in the report twice (results 1 and 3), which `claimwatch check` "
        "never writes: the report was merged or edited by hand; compare the reports two runs wrote with --json"
    )


def test_a_report_holding_one_work_twice_in_a_claim_is_refused_in_one_line(root, capsys):
    """A work once among the matched and again among the set aside (by hand) kept one of the two."""
    report = run(root, [work("W1", "Face recognition")], "one")
    data = json.loads(report.read_text(encoding="utf-8"))
    face = next(r for r in data["results"] if r["claim"] == "no-face")
    face["uncertain_findings"] = [face["findings"][0]]
    twice = root / "twice.json"
    twice.write_text(json.dumps(data, indent=2), encoding="utf-8")
    assert main(["diff", str(twice), str(report)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"{twice}: the work W1 is a finding of the claim no-face twice, which `claimwatch check`")


def test_a_report_of_another_claimwatch_version_names_both_versions(root, capsys):
    """A report written by a later claimwatch, with a field this one does not know, was "not a
    claimwatch JSON report: at new_field: Extra inputs are not permitted"; it is one, of another
    version, and the line says so. Between versions with nothing else changed, the versions are
    still said beside "No changes"."""
    report = run(root, [work("W1", "Face recognition")], "one")
    data = json.loads(report.read_text(encoding="utf-8"))
    later = root / "later.json"
    later.write_text(json.dumps(dict(data, claimwatch="99.0.0", new_field=1)), encoding="utf-8")
    assert main(["diff", str(report), str(later)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line == (
        f"{later}: a JSON report of claimwatch 99.0.0, which this claimwatch ({data['claimwatch']}) cannot read: "
        "at new_field: Extra inputs are not permitted; compare it with claimwatch 99.0.0 or later"
    )
    # Of this version, a field it does not read is a later build's (or a hand's): not "not a
    # claimwatch JSON report" (issue 18, twenty-second part).
    built = root / "built.json"
    built.write_text(json.dumps(dict(data, new_field=1)), encoding="utf-8")
    assert main(["diff", str(report), str(built)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line == (
        f"{built}: a JSON report of claimwatch {data['claimwatch']} with a field this build of it does not read: "
        "at new_field: Extra inputs are not permitted; written by a later build or edited by hand: compare it "
        "with the claimwatch that wrote it"
    )
    same = root / "same.json"
    same.write_text(json.dumps(dict(data, claimwatch="99.0.0")), encoding="utf-8")
    assert main(["diff", str(report), str(same)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:] == [
        f"claimwatch {data['claimwatch']} \u2192 99.0.0",
        "No changes: the same inputs, verdicts and findings.",
    ]


def test_the_same_inputs_named_from_another_folder_are_moved_not_changed(project_root, tmp_path, monkeypatch, capsys):
    """Found by the twenty-first part's hunt: one case checked from its folder and again by
    absolute paths (a scheduled job started elsewhere) gave sixteen lines of inputs "added" and
    "removed", byte for byte the same files, and --exit-code exited 1 with nothing changed.
    Each is one input moved, said with both paths, and no change for --exit-code."""
    monkeypatch.chdir(project_root)
    relative, absolute = tmp_path / "rel.json", tmp_path / "abs.json"
    assert main(["check", "claims/microsoft-msra-2024.yaml", "--evidence", "evidence/curated/", "--no-reviews",
                 "--json", str(relative)]) == 0  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert main(["check", str(project_root / "claims/microsoft-msra-2024.yaml"), "--evidence",
                 str(project_root / "evidence/curated/"), "--root", str(project_root), "--no-reviews",
                 "--json", str(absolute)]) == 0  # fmt: skip
    capsys.readouterr()
    diff = diff_reports(read_report(relative), read_report(absolute))
    assert not diff.changed and diff.claims == ()
    moved = {(i.kind, i.old_path, i.path) for i in diff.inputs}
    assert ("claims", "claims/microsoft-msra-2024.yaml", str(project_root / "claims/microsoft-msra-2024.yaml")) in moved
    assert {i.change for i in diff.inputs} == {"moved"}
    assert all(i.old_sha256 == i.new_sha256 for i in diff.inputs)
    assert main(["diff", str(relative), str(absolute), "--exit-code"]) == 0
    lines = capsys.readouterr().out.splitlines()
    evidence = str(project_root / "evidence/curated/msra-2024.yaml")
    assert f"  moved    evidence  evidence/curated/msra-2024.yaml \u2192 {evidence} (the same sha256)" in lines
    assert lines[-1] == "No changes: the same inputs (some named by other paths), verdicts and findings."


def test_an_input_moved_and_changed_or_two_alike_are_removed_and_added(root):
    """Only a file of one sha256 gone from one path and come at one other is moved: two files of
    the same bytes leave it unknown which went where."""
    from claimwatch.reports.diff import _input_changes
    from claimwatch.results import InputRef, Inputs

    def inputs(*claims: tuple[str, str]) -> Inputs:
        return Inputs(claims=tuple(InputRef(path=p, sha256=s) for p, s in claims), evidence=())

    changes = _input_changes(inputs(("a.yaml", "1"), ("b.yaml", "2")), inputs(("c/a.yaml", "1"), ("c/b.yaml", "3")))
    assert [(i.change, i.old_path, i.path) for i in changes] == [
        ("removed", None, "b.yaml"),
        ("moved", "a.yaml", "c/a.yaml"),
        ("added", None, "c/b.yaml"),
    ]
    twins = _input_changes(inputs(("a.yaml", "1"), ("b.yaml", "1")), inputs(("c/a.yaml", "1"), ("c/b.yaml", "1")))
    assert sorted(i.change for i in twins) == ["added", "added", "removed", "removed"]


def test_a_version_that_moves_a_works_date_is_said_beside_its_new_lead(root, capsys):
    """Found by the twenty-first part's hunt (the left-over of the last: a joined version read as
    a rename): a preprint joining a journal article leads it, and the work, dated 2024-06-01 by
    the article, is now dated 2024-02-01 by the preprint, four months nearer the statement. The
    line said "the same work ... now led by another of its records" alone, which docs/reports.md
    says is where nothing else changed."""
    old, new, face = _a_preprint_joins_an_article(root)
    (renamed,) = face.findings
    assert (renamed.change, renamed.old_publication_date, renamed.new_publication_date) == (
        "renamed",
        "2024-06-01",
        "2024-02-01",
    )
    assert main(["diff", str(old), str(new)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert (
        "~ W10 (was W20) “Face recognition (preprint)” (2024-02-01) (the same work, shared DOI or arXiv id: now led "
        "by another of its records; now dated 2024-02-01, was 2024-06-01)"
    ) in out


def test_a_finding_joined_into_a_work_of_another_date_says_the_date_the_work_has_now(root, capsys):
    """The preprint's record left the evidence and the article, now carrying its arXiv id, stands
    for the work: the old finding "joined" it, dated 2024-02-01 as the preprint was; the work
    is dated 2024-06-01 now, and the line says so."""
    article_then = work("W20", "Face recognition", date="2024-06-01", doi="https://doi.org/10.1000/j.1")
    article_now = dict(article_then, locations=_located("https://arxiv.org/abs/2402.00001"))
    preprint = work(
        "W10", "Face recognition (preprint)", date="2024-02-01", doi="https://doi.org/10.48550/arxiv.2402.00001"
    )
    old = run(root, [article_then, preprint], "old")
    new = run(root, [article_now], "new")
    (face,) = [c for c in diff_reports(read_report(old), read_report(new)).claims if c.claim == "no-face"]
    (joined,) = face.findings
    assert (joined.change, joined.old_work, joined.old_publication_date, joined.new_publication_date) == (
        "joined",
        "W10",
        "2024-02-01",
        "2024-06-01",
    )
    assert main(["diff", str(old), str(new)]) == 0
    assert "still in the evidence; now dated 2024-06-01, was 2024-02-01)" in " ".join(capsys.readouterr().out.split())
    same = run(root, [article_now, preprint], "same")
    (face,) = [c for c in diff_reports(read_report(old), read_report(same)).claims if c.claim == "no-face"]
    # The article, a finding of its own, joined the preprint's work, dated by the preprint now.
    assert [(f.change, f.old_work, f.old_publication_date, f.new_publication_date) for f in face.findings] == [
        ("joined", "W20", "2024-06-01", "2024-02-01")
    ]


def test_a_report_saved_with_a_bom_reads_and_a_packed_one_says_what_it_is(root, capsys):
    """Found by the twenty-first part's hunt: a JSON report saved again by an editor that writes a
    byte order mark was "Unexpected UTF-8 BOM (decode using utf-8-sig)", Python's words; a report
    archived with gzip was "the file is not UTF-8 text", as was one with a Latin-1 byte, with no
    place. A BOM is passed over (as RFC 8259 allows and every YAML file of a case is read); the
    others say what they are as a claim file does (`not_utf8`)."""
    import gzip

    report = run(root, [work("W1", "Face recognition")], "one")
    data = report.read_bytes()
    bom = root / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + data)
    assert main(["diff", str(bom), str(report), "--exit-code"]) == 0
    packed = root / "r.json.gz"
    packed.write_bytes(gzip.compress(data, mtime=0))
    latin = root / "latin.json"
    latin.write_bytes(data.replace(b"Face recognition", b"Face recogni\xe7ion", 1))
    capsys.readouterr()
    for bad, said in (
        (packed, f"{packed}: a gzip file, not text: unpack it first (gunzip)"),
        (latin, f"{latin}:"),
    ):
        assert main(["diff", str(bad), str(report)]) == 2
        (line,) = capsys.readouterr().err.splitlines()
        assert line.startswith(said)
    assert ": not UTF-8 text; save the file as UTF-8" in line and line.split(":")[1].isdigit()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"], ids=["with-its-mark", "without-it"])
def test_a_report_redirected_by_windows_powershell_is_said_to_be_utf16(root, capsys, encoding):
    """`claimwatch check --json > old.json` in Windows PowerShell 5.1, whose `>` writes UTF-16:
    `diff old.json new.json` said "old.json:1:1: not UTF-8 text" (with its byte order mark) or
    "old.json:1:2: not a JSON report: Expecting property name enclosed in double quotes" (without),
    naming no encoding; said to be UTF-16 now, as a claim file is."""
    report = run(root, [work("W1", "Face recognition")], "one")
    wide = root / "wide.json"
    wide.write_bytes(report.read_text(encoding="utf-8").encode(encoding))
    capsys.readouterr()
    assert main(["diff", str(wide), str(report)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"{wide}: ") and "UTF-16" in line and "save the file as UTF-8" in line


def test_a_work_whose_doi_an_older_report_gave_decomposed_is_the_same_work_renamed(root):
    """Found reviewing the twenty-fifth part: DOIs are read composed (NFC) now, but a report an
    earlier release wrote gives one as its record did, the é decomposed (e + U+0301). The work,
    led by another record since, shared no DOI with itself: removed and added, not renamed."""
    composed, decomposed = "10.1000/caf\u00e9.1", "10.1000/cafe\u0301.1"
    old = run(root, [work("W20", "Face recognition", doi=f"https://doi.org/{composed}")], "old")
    old.write_text(old.read_text(encoding="utf-8").replace(composed, decomposed), encoding="utf-8")
    assert decomposed in old.read_text(encoding="utf-8")  # as the earlier release wrote it
    new = run(root, [work("W10", "Face recognition", doi=f"https://doi.org/{decomposed}")], "new")
    (face,) = [c for c in diff_reports(read_report(old), read_report(new)).claims if c.claim == "no-face"]
    assert [(f.work, f.old_work, f.change) for f in face.findings] == [("W10", "W20", "renamed")]


def shipped_review(claim: str, named: str, note: str = "The abstract says the method does not address faces.") -> str:
    """One review in the shipped reviews.yaml's shape (templates/case/reviews.yaml): a block item."""
    return (
        f"  - claim: {claim}\n    work: {named}\n    decision: not_a_match\n    by: A. Analyst\n"
        f"    date: 2026-01-15\n    note: {note}\n"
    )


def test_a_review_of_a_claim_not_checked_that_comes_or_goes_is_said(root, capsys):
    """Left by the thirtieth part: the JSON report lists the reviews naming a claim the run does not
    check (`reviews_of_other_claims`), but diff did not compare them: a reviewer's typo
    ("no-facez" for "no-face") added between two runs, a decision in the reviews file that
    applies to nothing, was said only as "changed reviews". It is said now, in the text and in
    --json, and --exit-code exits 1; the same review moved down a line or respelled is none."""
    old = run(root, FACE_WORKS, "old", reviews="reviews:\n" + shipped_review("no-face", "W2"))
    typo = "reviews:\n" + shipped_review("no-face", "W2") + shipped_review("no-facez", "W1")
    new = run(root, FACE_WORKS, "new", reviews=typo)
    diff = diff_reports(read_report(old), read_report(new), review_identity=review_identity)
    assert diff.changed and not diff.claims
    (said,) = diff.reviews_of_other_claims
    assert (said.review, said.claim, said.decision, said.line, said.change, said.why) == (
        "W1",
        "no-facez",
        "not_a_match",
        8,
        "added",
        "no claim of that id in the new run",
    )
    assert main(["diff", str(old), str(new), "--exit-code"]) == 1
    lines = capsys.readouterr().out.splitlines()
    at = lines.index("Reviews of claims not checked")
    assert lines[at + 1] == (
        f"  + review of W1 on no-facez (not a match, {root / 'reviews.yaml'}:8): no claim of that id in the new run"
    )
    assert main(["diff", str(old), str(new), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["reviews_of_other_claims"] == [said.model_dump(mode="json")]
    # Back the other way, the typo put right: gone, and why.
    (gone,) = diff_reports(read_report(new), read_report(old)).reviews_of_other_claims
    assert (gone.change, gone.line, gone.why) == (
        "removed",
        8,
        "not in the new run's reviews file as it was: gone, or naming another claim or finding now",
    )
    # The same review a line further down, its work respelled: no change to say.
    moved = (
        "reviews:\n"
        + shipped_review("no-face", "W2")
        + shipped_review("other", "W5")
        + shipped_review("no-facez", "https://openalex.org/w1", note="Moved down.")
    )
    again = run(root, FACE_WORKS, "again", reviews=moved)
    later = diff_reports(read_report(new), read_report(again), review_identity=review_identity)
    assert [(o.review, o.claim, o.change) for o in later.reviews_of_other_claims] == [("W5", "other", "added")]


def test_a_review_whose_claim_one_run_does_not_check_says_so(root, capsys):
    """A run over a claims file without the claim "no-partners" (dropped, or another file given)
    lists the review of it among the reviews of claims not checked: diff says it with the old run
    having checked it, and back the other way that the new run checks it."""
    reviews = "reviews:\n" + shipped_review("no-partners", "W2")
    both = run(root, FACE_WORKS, "both", reviews=reviews)
    write(root / "claims/c.yaml", CLAIMS.split("  - id: no-partners")[0])
    face_only = run(root, FACE_WORKS, "face-only", reviews=reviews)
    (said,) = diff_reports(read_report(both), read_report(face_only)).reviews_of_other_claims
    assert (said.claim, said.change, said.why) == (
        "no-partners",
        "added",
        "no claim of that id in the new run; the old run checked it",
    )
    (back,) = diff_reports(read_report(face_only), read_report(both)).reviews_of_other_claims
    assert (back.claim, back.change, back.line, back.why) == (
        "no-partners",
        "removed",
        2,
        "the new run checks that claim",
    )
    assert main(["diff", str(face_only), str(both)]) == 0
    out = capsys.readouterr().out
    assert (
        f"  - review of W2 on no-partners (not a match, {root / 'reviews.yaml'}:2): the new run checks that claim"
        in out
    )


def test_a_report_from_before_the_reviews_of_other_claims_diffs_as_before(root, capsys):
    """A report of a claimwatch from before `reviews_of_other_claims` lists none of them: against a
    report of the same claims and reviews file that lists one, nothing changed, as diff said
    before; the diff's JSON has no `reviews_of_other_claims` where none changed."""
    typo = "reviews:\n" + shipped_review("no-facez", "W1")
    new = run(root, FACE_WORKS, "new", reviews=typo)
    data = json.loads(new.read_text(encoding="utf-8"))
    assert [r["claim"] for r in data.pop("reviews_of_other_claims")] == ["no-facez"]
    older = root / "older.json"
    older.write_text(json.dumps(data), encoding="utf-8")
    for a, b in ((older, new), (new, older)):
        diff = diff_reports(read_report(a), read_report(b))
        assert not diff.changed and not diff.reviews_of_other_claims
        assert main(["diff", str(a), str(b), "--exit-code", "--json"]) == 0
        assert "reviews_of_other_claims" not in json.loads(capsys.readouterr().out)


def test_the_reviews_of_other_claims_said_are_those_one_report_lists_and_the_other_does_not(tmp_path_factory):
    """A property over which of five reviews of claims not checked (as a run lists them from a
    reviews file of the shipped shape) each report lists, the reviews file changed between the
    runs: added are those only the new lists, removed those only the old, each once, and diffing
    the other way swaps them."""
    root = project(tmp_path_factory.mktemp("other"))
    write(root / "claims/c.yaml", CLAIMS)
    listed = "reviews:\n" + "".join(shipped_review(f"gone-{n}", f"W{n}") for n in range(5))
    base = read_report(run(root, FACE_WORKS, "base", reviews=listed))
    every = base.reviews_of_other_claims
    assert len(every) == 5
    (ref,) = base.inputs.reviews
    other_file = base.inputs.model_copy(update={"reviews": (ref.model_copy(update={"sha256": "0" * 64}),)})
    subsets = st.sets(st.sampled_from(range(5)))

    @settings(max_examples=60, deadline=None)
    @given(subsets, subsets)
    def check(before: set[int], after: set[int]) -> None:
        old = base.model_copy(
            update={"inputs": other_file, "reviews_of_other_claims": tuple(every[i] for i in sorted(before))}
        )
        new = base.model_copy(update={"reviews_of_other_claims": tuple(every[i] for i in sorted(after))})
        said = diff_reports(old, new, review_identity=review_identity).reviews_of_other_claims
        assert sorted(o.claim for o in said if o.change == "added") == [f"gone-{n}" for n in sorted(after - before)]
        assert sorted(o.claim for o in said if o.change == "removed") == [f"gone-{n}" for n in sorted(before - after)]
        back = diff_reports(new, old, review_identity=review_identity).reviews_of_other_claims
        swapped = {"added": "removed", "removed": "added"}
        assert sorted((o.claim, swapped[o.change]) for o in back) == sorted((o.claim, o.change) for o in said)

    check()


@pytest.mark.parametrize(
    ("path", "what"),
    [
        ("evidence/lists/seven-sons.yaml", "a reference list"),
        ("claims/microsoft-msra-2024.yaml", "a claim file"),
        ("claims/topics/facial-recognition.yaml", "a topic"),
        ("evidence/curated/msra-2024.yaml", "curated evidence"),
    ],
)
def test_a_case_file_given_to_diff_is_named_not_called_a_markdown_report(
    project_root, tmp_path, monkeypatch, capsys, path, what
):
    """`claimwatch diff old.json evidence/lists/seven-sons.yaml` (or a claim file, a topic):
    "a Markdown report (--md), not a JSON report", the file's first line a comment ("# yaml-
    language-server: $schema=../../src/claimwatch/schemas/list.schema.json") naming claimwatch,
    as every shipped list and claim file's does. Now it is named as what it is; a Markdown report
    with its own title ([report] title) is still one."""
    monkeypatch.chdir(project_root)
    report, md = tmp_path / "r.json", tmp_path / "r.md"
    argv = ["check", "claims/microsoft-msra-2024.yaml", "--evidence", "evidence/curated/", "--json", str(report)]
    assert main([*argv, "--md", str(md)]) == 0
    capsys.readouterr()
    assert main(["diff", str(report), path]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{path}: {what}, not a JSON report: compare the reports two runs of `claimwatch check` wrote with --json"
    ]
    titled = md.read_text(encoding="utf-8").replace("# claimwatch report: ", "# Our watch: ", 1)
    md.write_text(titled.replace("claimwatch", "the tool"), encoding="utf-8")  # no word of claimwatch's own
    assert main(["diff", str(md), str(report)]) == 2
    assert capsys.readouterr().err.startswith(f"{md}: a Markdown report (--md), not a JSON report")


@pytest.mark.parametrize("saved", [b"", b"\n"], ids=["as cut", "saved by vim"])
@pytest.mark.parametrize("cut", ["in a value", "in a string", "in a character", "in a word", "in a number"])
def test_a_report_cut_short_is_said_cut_short(root, capsys, cut, saved):
    """A report whose copy or download stopped part way (a CI artifact fetched while still being
    uploaded, a disk full while copying): "r.json:100:7: not a JSON report: Expecting value",
    Python's words for its last byte, or, cut inside a character of a title ("é"), "not UTF-8
    text", sending the analyst to their editor's encoding. Said cut short now; a report broken
    elsewhere is said as before. Saved after by an editor that ends a file with a line break (vim,
    nano), cut inside the "é" was "not UTF-8 text" still (found by review)."""
    old = run(root, [work("W0", "Réseaux de neurones pour la reconnaissance faciale")], "old")
    whole = old.read_bytes()
    at = {
        "in a value": whole.index(b'"title"') + len(b'"title": '),
        "in a string": whole.index("Réseaux".encode()) + 1,
        "in a character": whole.index("é".encode()) + 1,
        # Cut inside `false` or `0.05` (found by review): Python's "Expecting value" at the word's
        # start, "Expecting ',' delimiter" at the number's dot, not at the text's end.
        "in a word": whole.index(b'"complete": false') + len(b'"complete": fal'),
        "in a number": whole.index(b": 0.05") + len(b": 0."),
    }[cut]
    cut_short = root / "cut.json"
    cut_short.write_bytes(whole[:at] + saved)
    assert main(["diff", str(old), str(cut_short)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"{cut_short}:") and line.endswith(
        "the file ends before the JSON in it does: a report cut short (a copy or download stopped part way?); "
        "compare the whole report its run wrote"
    )
    cut_short.write_bytes(whole.replace(b'"title"', b'"title",,', 1))  # broken in the middle: as before
    assert main(["diff", str(old), str(cut_short)]) == 2
    assert "not a JSON report: " in capsys.readouterr().err


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_JSON_VALUES, max_size=4) | st.dictionaries(st.text(max_size=5), _JSON_VALUES, max_size=4),
    st.booleans(),
    st.booleans(),
)
def test_json_cut_anywhere_is_said_cut_short(document, indented, ascii_only):
    """A report, a CSL JSON or the tracker (`documents.json_cut_short`, the rule of all three) cut
    at any character is said cut short, wherever Python's error points: inside `fals`, `nul`, `-`,
    `1500.`, `1e` or an escape `\\u00` it pointed at the value's start, which read as a file broken
    there, "not valid JSON: Expecting value" (found by review). A file broken before its end
    (its last character doubled, its first dropped), or a whole document with more after it
    (`fals`, `-`: "Extra data"), is not. A cut the line break an editor or `echo` adds follows
    is cut short too (a cut right after an escape's backslash was "Invalid \\escape")."""
    text = json.dumps(document, indent=1 if indented else None, ensure_ascii=ascii_only)
    for at in range(1, len(text)):
        with pytest.raises(json.JSONDecodeError) as cut:
            json.loads(text[:at])
        assert json_cut_short(text[:at], cut.value), text[:at]
        with pytest.raises(json.JSONDecodeError) as saved:  # the line break an editor adds on saving it
            json.loads(text[:at] + "\n")
        assert json_cut_short(text[:at] + "\n", saved.value), text[:at]
    for broken in (text + text[-1], text[1:], text + " fals", text + "\n-"):
        with pytest.raises(json.JSONDecodeError) as e:
            json.loads(broken)
        assert not json_cut_short(broken, e.value), broken


@pytest.mark.parametrize(
    "written",
    ['{"a": fals ', '{"a": 1500. ', '{"a": -\t', '{"a": "Universit\\u00e ', '{"a": "Universit\t', '{"a": tru \n'],
)
def test_json_unfinished_before_whitespace_of_its_own_is_not_cut_short(written):
    """A cut ends where the bytes do; an editor or `echo` may add a line break after it, nothing
    else. `fals ` (a space after the word), an escape with a space in it, or a tab in a string at
    the end were said cut short, the whitespace at the end stripped before judging: written so, and
    broken where Python points ("Expecting value" at `fals`)."""
    with pytest.raises(json.JSONDecodeError) as e:
        json.loads(written)
    assert not json_cut_short(written, e.value)
