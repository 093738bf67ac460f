"""What changed between two runs: a watchdog's monitoring view of two JSON reports.

`diff_reports(old, new)` compares verdicts claim by claim, the findings of each claim (a work,
or for a claim about people a person, added, removed, or moved between matched and uncertain;
a work set aside by a review, or no longer set aside, or whose review changed, is said so: it
did not leave or enter the evidence; a work the new run names by another id, sharing its DOI or
arXiv id, is the same work, and a person sharing an OpenAlex author id or ORCID iD the same
person), the reviews of each claim that apply in one run and not the other (expired, their
work no longer a finding), and why, the reviews naming a claim a run does not check that one
report lists and the other does not, whether the evidence covers each claim completely where that changed, and the inputs,
the reviews file among them (files added,
removed, or with a new sha256). `render_diff` writes it for a terminal, as rich Text: untrusted text
is never read as markup, and is made inert.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from rich.text import Text

from .._version import __version__
from ..documents import (
    TOO_MANY_DIGITS,
    ends_inside_a_character,
    json_cut_inside_a_character_then_saved,
    json_cut_short,
    kind_by_its_keys,
    long_json_integer_at,
    not_utf8,
    open_input,
)
from ..errors import InputError, Problem, utf16_problem
from ..results import (
    VERDICT_WORDS,
    AbsenceReason,
    AffiliationReason,
    ClaimResult,
    EntryRef,
    Finding,
    Inputs,
    PersonFinding,
    PhraseReason,
    Results,
    Review,
    SnapshotRef,
    Verdict,
    publication_order,
)
from .terminal import text_line


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class InputChange(_Model):
    """An input added, removed or changed (by sha256); or `moved`: the same bytes named by another
    path (`old_path`), as a run from another folder names every input, which is no change."""

    kind: Literal["claims", "evidence", "lists", "topics", "reviews"]
    path: str
    change: Literal["added", "removed", "changed", "moved"]
    old_sha256: str | None = None
    new_sha256: str | None = None
    old_path: str | None = Field(None, exclude_if=lambda v: v is None)
    # A snapshot whose manifest changed and whose records did not (the sha256 of each data file
    # its manifest gives is the same in both runs): an update that found nothing new. True only
    # where both reports give those (reports of older claimwatches do not).
    same_records: bool | None = Field(None, exclude_if=lambda v: v is None)


FindingChangeKind = Literal[
    "added",
    "removed",
    "now_matched",
    "now_uncertain",
    "set_aside",
    "restored",
    "reviewed",
    "renamed",
    "joined",
    "changed_under_review",
]


class FindingChange(_Model):
    """A finding that changed: a work (`work` its id, `title` its title), or for a claim about
    people a person (`work` the person's id, `title` their name, `kind` "person").

    `set_aside`: a review set the work aside as not a match (it is still in the evidence);
    `restored`: it is no longer set aside, and counts again as `status` says; `reviewed`: only
    its review changed (`old_review` → `review`, a decision or none); `renamed`: only the id the
    reports give it changed (`old_work` → `work`); `joined`: the old run's finding `old_work` is
    now a version of the finding `work`, or one person with them (`title` and date are the old
    finding's; `status` where the work's is not the old finding's, and the reviews where they
    differ; `changed_under_review`, with `old_work`, where the same review applies to both and
    the work changed under it); `added` and
    `removed`: a finding the new run has and the old did not, or the other way, with its
    `status` (matched, uncertain, or set aside on review) in the run that has it;
    `changed_under_review`: the same review applies in both runs, and what it decided on
    changed: a work set aside that the record now shows certainly (`match_was` → `match_now`),
    or through authors, institutions or phrases it did not before (`new_grounds`), a set-aside
    or disputed one; doubts a confirmed one did not have (`new_doubts`). The review may not
    have weighed them."""

    work: str
    title: str
    publication_date: str | None = None
    change: FindingChangeKind
    # The id the old report gave the work, where the two runs lead it by different records (a
    # version with a smaller id joined it) and the two share a DOI or an arXiv id.
    old_work: str | None = Field(None, exclude_if=lambda v: v is None)
    status: Literal["matched", "uncertain", "dismissed"] | None = Field(None, exclude_if=lambda v: v is None)
    old_review: str | None = Field(None, exclude_if=lambda v: v is None)
    review: str | None = Field(None, exclude_if=lambda v: v is None)
    kind: Literal["work", "person"] = Field(
        "work",
        exclude_if=lambda v: v == "work",  # left out for works: a diff of works claims reads as it did
    )
    match_was: Literal["matched", "uncertain"] | None = Field(None, exclude_if=lambda v: v is None)
    match_now: Literal["matched", "uncertain"] | None = Field(None, exclude_if=lambda v: v is None)
    new_grounds: tuple[str, ...] = Field((), exclude_if=lambda v: not v)
    new_doubts: tuple[str, ...] = Field((), exclude_if=lambda v: not v)
    # Where the work's date moved (a version joining it dates it earlier, or the one that did left):
    # the date the old run gave it and the one the new run gives it.
    old_publication_date: str | None = Field(None, exclude_if=lambda v: v is None)
    new_publication_date: str | None = Field(None, exclude_if=lambda v: v is None)


class ReviewChange(_Model):
    """A review of the claim that applies in one run and not in the other, or that is not
    applied in either, for another reason: `no_longer_applied` (it applied in the old run; `why`
    it does not now), `not_applied` (new to the reviews, or not applied before for another
    reason, `old_why`), `now_applied` (it was not applied in the old run, `old_why`). A review
    is followed by its claim and what it names, as written: its line may move."""

    review: str
    decision: Literal["not_a_match", "confirmed", "disputed"]
    path: str
    line: int
    change: Literal["no_longer_applied", "not_applied", "now_applied"]
    why: str | None = Field(None, exclude_if=lambda v: v is None)
    old_why: str | None = Field(None, exclude_if=lambda v: v is None)


class OtherClaimReviewChange(_Model):
    """A review naming a claim a run does not check (the report's `reviews_of_other_claims`),
    listed by one run's report and not the other's: `added` (the new report lists it; the
    old run checked its claim, or the review is new, or names another claim or finding now) or
    `removed` (the old report listed it; the new run checks its claim, or the review is gone or
    changed), `why` in words. Its place is the report's that lists it. A review is followed by
    its claim and what it names, never by its line."""

    review: str
    claim: str
    decision: Literal["not_a_match", "confirmed", "disputed"]
    path: str
    line: int
    change: Literal["added", "removed"]
    why: str


class ClaimChange(_Model):
    """A claim added, removed or changed; `renamed`: the claim the old run named `old_claim`,
    the same in all but its id (its words, subject, period, expectation, conditions, topics,
    lists and claims file), with whatever else changed."""

    claim: str
    change: Literal["added", "removed", "changed", "renamed"]
    old_claim: str | None = Field(None, exclude_if=lambda v: v is None)
    old_verdict: Verdict | None = None
    new_verdict: Verdict | None = None
    why: str | None = None
    old_matched: int | None = None
    new_matched: int | None = None
    findings: tuple[FindingChange, ...] = ()
    # Where the evidence's coverage of the claim turned complete or not (its declared coverage,
    # or the share of coauthors with no affiliation past what the claim tolerates): the grounds
    # of the verdict changed, whether the verdict did or not. `coverage_why` is the new run's.
    coverage_was_complete: bool | None = Field(None, exclude_if=lambda v: v is None)
    coverage_complete: bool | None = Field(None, exclude_if=lambda v: v is None)
    coverage_why: str | None = Field(None, exclude_if=lambda v: v is None)
    # Reviews that stopped or started applying (an expiry passed, their work left the findings):
    # a finding restored says only that its review no longer sets it aside; this says why.
    reviews: tuple[ReviewChange, ...] = Field((), exclude_if=lambda v: not v)

    @property
    def verdict_changed(self) -> bool:
        return self.old_verdict != self.new_verdict


class ReportDiff(_Model):
    old: str
    new: str
    old_version: str
    new_version: str
    old_as_of: str | None = None
    new_as_of: str | None = None
    inputs: tuple[InputChange, ...] = ()
    claims: tuple[ClaimChange, ...] = ()
    # Left out where none changed: a diff of reports with no review of a claim not checked reads as it did.
    reviews_of_other_claims: tuple[OtherClaimReviewChange, ...] = Field((), exclude_if=lambda v: not v)

    @property
    def changed(self) -> bool:
        """Anything a watchdog would want to know about: inputs, dates, verdicts, findings or
        reviews (a claim's, or one of a claim not checked). An input moved (the same bytes at
        another path), or a snapshot written again over the same records (its as-of and coverage,
        where they changed, are said as such), is none of these."""
        changed_inputs = any(i.change != "moved" and not i.same_records for i in self.inputs)
        return bool(changed_inputs or self.claims or self.reviews_of_other_claims or self.old_as_of != self.new_as_of)


REPORT_MAX_BYTES = 1 << 30  # a report of a check over millions of works; past this it is no report


_COMPARE = "compare the reports two runs of `claimwatch check` wrote with --json"
_DIFF_FIELDS = frozenset({"old", "new", "old_version", "new_version", "claims"})
"""The fields of `claimwatch diff --json`'s output (`ReportDiff`) that no report has."""
_MANIFEST_FIELDS = frozenset({"source", "created", "tool", "records", "files", "coverage"})
"""The fields every snapshot's manifest has held (`evidence.Manifest`), its format's key
(`claimwatch_snapshot`) among them only since it was added."""


def _another_report(raw: bytes) -> str | None:
    """What a report of another format given to diff is (a run's reports sit side by side, and a
    CSV was "Unexpected UTF-8 BOM (decode using utf-8-sig)"), or None."""
    head = raw[:512].removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b'"claim","verdict"'):
        return "a CSV report (--csv)"
    if head[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "an HTML report (--html)"
    # Its title (which [report] title may replace), then the table of claims after the byline.
    if head.startswith(b"# ") and b"\n| Claim | Says | Verdict |" in raw[:_MARKDOWN_HEAD]:
        return "a Markdown report (--md)"
    if not head.startswith((b"{", b"[")) and (kind := kind_by_its_keys(raw[:_MARKDOWN_HEAD])):
        return kind  # a claim or list file, which a comment first ("# yaml-language-server: ...") led here
    return None


_MARKDOWN_HEAD = 1 << 16


REPORT_CUT_SHORT = (
    "the file ends before the JSON in it does: a report cut short (a copy or download stopped part "
    "way?); compare the whole report its run wrote"
)


def read_report(path: str | Path) -> Results:
    """A JSON report written by `claimwatch check --json`; anything else is an InputError."""
    path = Path(path)
    # Through the one guarded opener: a pipe or a device is refused before a byte is read.
    with open_input(path) as f:
        raw = f.read(REPORT_MAX_BYTES + 1)
    if len(raw) > REPORT_MAX_BYTES:
        raise InputError(Problem(str(path), 0, 0, f"more than {REPORT_MAX_BYTES:,} bytes; not a report to compare"))
    if wide := utf16_problem(path, raw):  # `check --json > r.json` in Windows PowerShell 5.1 writes UTF-16
        raise InputError(wide)
    other = _another_report(raw)
    if other:
        raise InputError(Problem(str(path), 0, 0, f"{other}, not a JSON report: {_COMPARE}"))
    try:
        # A byte order mark an editor saved it with is passed over, as RFC 8259 allows.
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as e:
        if ends_inside_a_character(e) or json_cut_inside_a_character_then_saved(raw):
            raise InputError(Problem(str(path), 0, 0, REPORT_CUT_SHORT)) from None
        raise InputError(not_utf8(path, raw, e.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0))) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        if json_cut_short(text, e):
            raise InputError(Problem(str(path), e.lineno, e.colno, REPORT_CUT_SHORT)) from None
        raise InputError(Problem(str(path), e.lineno, e.colno, f"not a JSON report: {e.msg}")) from None
    except RecursionError:
        raise InputError(Problem(str(path), 0, 0, "not a JSON report: nested too deeply")) from None
    except ValueError:
        # The standard library refuses an integer of more digits than Python converts (4,300).
        line, column = long_json_integer_at(text)
        raise InputError(Problem(str(path), line, column, f"not a JSON report: {TOO_MANY_DIGITS}")) from None
    if isinstance(data, dict) and "@context" in data and "claimwatch" not in data:
        raise InputError(
            Problem(str(path), 0, 0, f"a ClaimReview report (--claimreview), not a JSON report: {_COMPARE}")
        )
    if isinstance(data, dict) and _a_manifest(data) and "claimwatch" not in data:
        # Two snapshots' manifests, compared as the runs' inputs: "at claimwatch: Field required".
        raise InputError(Problem(str(path), 0, 0, f"a snapshot's manifest, not a JSON report: {_COMPARE}"))
    if isinstance(data, dict) and data.keys() >= _DIFF_FIELDS and "claimwatch" not in data:
        # A diff saved beside the reports it compared (`diff --json > d.json`) said only
        # "at claimwatch: Field required".
        raise InputError(Problem(str(path), 0, 0, f"the output of `claimwatch diff --json`, not a report: {_COMPARE}"))
    try:
        results = Results.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "the top level"
        raise InputError(
            Problem(str(path), 0, 0, _unread(data, f"at {where}: {first['msg']}", first["type"] == "extra_forbidden"))
        ) from None
    twice = _held_twice(results)
    if twice:
        raise InputError(
            Problem(
                str(path),
                0,
                0,
                f"{twice}, which `claimwatch check` never writes: the report was merged or edited by hand; "
                "compare the reports two runs wrote with --json",
            )
        )
    return results


def _unread(data: object, why: str, unknown_field: bool = False) -> str:
    """Why a report could not be read: where it is another claimwatch's (a later one writes a
    field this one does not know), said so with both versions, so it never reads as no report;
    where the versions are the same, a field this one does not know is a later build's (a
    field added before the version number moved) or a hand's."""
    version = data.get("claimwatch") if isinstance(data, dict) else None
    if isinstance(version, str) and version and version != __version__:
        return (
            f"a JSON report of claimwatch {version}, which this claimwatch ({__version__}) cannot read: {why}; "
            f"compare it with claimwatch {version} or later"
        )
    if isinstance(version, str) and version and unknown_field:
        return (
            f"a JSON report of claimwatch {version} with a field this build of it does not read: {why}; written by "
            "a later build or edited by hand: compare it with the claimwatch that wrote it"
        )
    return f"not a claimwatch JSON report: {why}"


def _a_manifest(data: dict[str, object]) -> bool:
    """Whether `data` is a snapshot's manifest: marked so, or, written before the mark, holding
    every field a manifest holds (one without the mark was "at claimwatch: Field required")."""
    return "claimwatch_snapshot" in data or data.keys() >= _MANIFEST_FIELDS


def _held_twice(results: Results) -> str | None:
    """A claim the report holds twice, or a work one claim holds as two findings, in words; None
    where there is none. Compared by id, one copy would stand for the other in silence."""
    where: dict[str, int] = {}
    for n, result in enumerate(results.results, 1):
        if result.claim in where:
            return f"the claim {result.claim} is in the report twice (results {where[result.claim]} and {n})"
        where[result.claim] = n
        works = Counter(f.work.id for f in (*result.findings, *result.uncertain_findings, *result.dismissed))
        again = next((w for w, count in works.items() if count > 1), None)
        if again is not None:
            return f"the work {again} is a finding of the claim {result.claim} twice"
    return None


def diff_reports(
    old: Results,
    new: Results,
    *,
    old_name: str = "old",
    new_name: str = "new",
    review_identity: ReviewIdentity | None = None,
) -> ReportDiff:
    """What changed from `old` to `new`. `review_identity` gives what a review names in the one
    spelling reviews are compared in (`claimwatch.reviews.review_identity`, which `claimwatch diff`
    passes): a review respelled between runs (a pasted address, another case) is the same
    review. Without it, reviews are compared as written."""
    inputs = _with_same_records(_input_changes(old.inputs, new.inputs), old, new)
    identity = review_identity or _as_written
    before, after = {r.claim: r for r in old.results}, {r.claim: r for r in new.results}
    renamed = _renamed_claims(before, after)  # new id -> old id: paired once, for both sections
    return ReportDiff(
        old=old_name,
        new=new_name,
        old_version=old.claimwatch,
        new_version=new.claimwatch,
        old_as_of=old.as_of,
        new_as_of=new.as_of,
        inputs=inputs,
        claims=_claim_changes(before, after, renamed, identity, _still_written(new, inputs, identity)),
        reviews_of_other_claims=_other_claims_review_changes(
            old, new, inputs, identity, _said_under_renamed(before, after, renamed, identity)
        ),
    )


def _input_changes(old: Inputs, new: Inputs) -> tuple[InputChange, ...]:
    out = []
    for kind in ("claims", "evidence", "lists", "topics", "reviews"):
        before = {i.path: i.sha256 for i in getattr(old, kind)}
        after = {i.path: i.sha256 for i in getattr(new, kind)}
        moved = _moved(before, after)
        for path in sorted(before.keys() | after.keys()):
            a, b = before.get(path), after.get(path)
            if a == b or path in moved.values():
                continue
            if path in moved:
                out.append(
                    InputChange(kind=kind, path=path, change="moved", old_sha256=b, new_sha256=b, old_path=moved[path])
                )
                continue
            change: Literal["added", "removed", "changed"] = (
                "added" if a is None else "removed" if b is None else "changed"
            )
            out.append(InputChange(kind=kind, path=path, change=change, old_sha256=a, new_sha256=b))
    return tuple(out)


def _with_same_records(changes: tuple[InputChange, ...], old: Results, new: Results) -> tuple[InputChange, ...]:
    """Snapshots changed by sha256 (their manifest's) whose data files are the same in both runs,
    said so: `collect --update` finding nothing new writes a new manifest (its time, its update)
    over the same records."""
    before, after = _record_files(old), _record_files(new)
    return tuple(
        c.model_copy(update={"same_records": True})
        if c.kind == "evidence"
        and c.change == "changed"
        and before.get(c.path)
        and before.get(c.path) == after.get(c.path)
        else c
        for c in changes
    )


def _record_files(results: Results) -> dict[str, dict[str, str]]:
    """Each snapshot's data files' sha256, by its path."""
    return {e.path: e.record_files for e in results.evidence if isinstance(e, SnapshotRef) and e.record_files}


def _moved(before: dict[str, str], after: dict[str, str]) -> dict[str, str]:
    """New paths of inputs whose bytes the old run read at another path, each with that path: a
    run started from another folder names every input otherwise. Only one file of a sha256 gone
    and one come are paired; of two alike, which went where is not known."""
    gone = Counter(sha for path, sha in before.items() if path not in after)
    came = Counter(sha for path, sha in after.items() if path not in before)
    alone = {sha for sha in gone if gone[sha] == 1 and came[sha] == 1}
    old_path = {sha: path for path, sha in before.items() if path not in after and sha in alone}
    return {path: old_path[sha] for path, sha in after.items() if path not in before and sha in alone}


def _still_written(new: Results, inputs: tuple[InputChange, ...], identity: ReviewIdentity) -> StillWritten:
    """Whether the new run's reviews file still holds a review of a claim it does not check (its
    claim id, what it names): True where the new report lists it among such reviews, or where the
    reviews file is the same bytes in both runs; False where the report lists others, not it;
    None where it lists none, since a report of a claimwatch from before that list lists none
    either."""
    listed = {(r.claim, identity(r)) for r in new.reviews_of_other_claims}
    reviews_alike = not any(i.kind == "reviews" and i.change != "moved" for i in inputs)

    def still_written(claim: str, key: str) -> bool | None:
        if reviews_alike or (claim, key) in listed:
            return True
        return False if listed else None

    return still_written


StillWritten = Callable[[str, str], "bool | None"]


def _claim_changes(
    before: dict[str, ClaimResult],
    after: dict[str, ClaimResult],
    renamed: dict[str, str],
    identity: ReviewIdentity,
    still_written: StillWritten,
) -> tuple[ClaimChange, ...]:
    """Each claim's change, the old run's and the new one's by id, a renamed claim (`renamed`, new
    id -> old id) paired with its old id."""
    was_renamed = set(renamed.values())
    out = []
    # New-run order first, then claims the new run no longer has, in the old order.
    for claim_id in [*after, *(c for c in before if c not in after and c not in was_renamed)]:
        a, b = before.get(renamed.get(claim_id, claim_id)), after.get(claim_id)
        if a is None:
            assert b is not None  # the id came from one run or the other
            out.append(
                ClaimChange(
                    claim=claim_id,
                    change="added",
                    new_verdict=b.verdict,
                    why=b.why,
                    new_matched=b.matched,
                    findings=_finding_changes(None, b),
                    reviews=_review_changes(None, b, identity, still_written),
                )
            )
        elif b is None:
            out.append(ClaimChange(claim=claim_id, change="removed", old_verdict=a.verdict, old_matched=a.matched))
        else:
            findings = _finding_changes(a, b)
            (was_complete, _), (complete, why) = _coverage(a), _coverage(b)
            coverage = (
                {"coverage_was_complete": was_complete, "coverage_complete": complete, "coverage_why": why}
                if was_complete != complete
                else {}
            )
            reviews = _review_changes(a, b, identity, still_written)
            if findings or a.verdict != b.verdict or coverage or reviews or a.claim != b.claim:
                out.append(
                    ClaimChange(
                        claim=claim_id,
                        change="changed" if a.claim == b.claim else "renamed",
                        old_claim=None if a.claim == b.claim else a.claim,
                        old_verdict=a.verdict,
                        new_verdict=b.verdict,
                        why=b.why,
                        old_matched=a.matched,
                        new_matched=b.matched,
                        findings=findings,
                        reviews=reviews,
                        **coverage,  # type: ignore[arg-type]
                    )
                )
    return tuple(out)


ReviewIdentity = Callable[[Review], str]
"""What a review names, spelt so that two spellings of one identity are one string."""


def _as_written(review: Review) -> str:
    """A review of one claim across two runs: by what it names, as written, never by its line
    (nor by the claim's id, which a claim renamed changes)."""
    return "\n".join(("person" if review.person is not None else "work", review.names, review.openalex or ""))


def _applied(result: ClaimResult, identity: ReviewIdentity) -> dict[str, Review]:
    """The reviews applied to the claim's findings, works and persons."""
    works = [f.review for f in (*result.findings, *result.uncertain_findings, *result.dismissed)]
    people = [p.review for p in (*result.people, *result.uncertain_people, *result.dismissed_people)]
    return {identity(r): r for r in (*works, *people) if r is not None}


def _review_changes(
    old: ClaimResult | None,
    new: ClaimResult,
    identity: ReviewIdentity,
    still_written: StillWritten,
) -> tuple[ReviewChange, ...]:
    """Reviews of the claim applied in one run and not the other, or not applied in both for
    different reasons. One applied in neither for the same reason, or in both, is no change;
    one applied in one run and absent from the other shows in its finding's review. A review of
    a renamed claim's old id the new run's reviews file no longer holds (`still_written`) is said
    gone, not to be given the new id."""
    applied_before = _applied(old, identity) if old else {}
    lapsed_before = {identity(x.review): x for x in old.lapsed_reviews} if old else {}
    out = []
    for lapsed in new.lapsed_reviews:
        key = identity(lapsed.review)
        was = lapsed_before.get(key)
        if was is not None and was.reason == lapsed.reason:
            continue
        change: Literal["no_longer_applied", "not_applied"] = (
            "no_longer_applied" if key in applied_before else "not_applied"
        )
        out.append(_review_change(lapsed.review, change, lapsed.why, was.why if was else None))
    applied_now = _applied(new, identity)
    for key, review in applied_now.items():
        if key in lapsed_before:
            out.append(_review_change(review, "now_applied", None, lapsed_before[key].why))
    if old is not None:
        for key, review in _left_by_rename(old, new, identity).items():
            out.append(
                _review_change(review, "no_longer_applied", _renamed_why(old, new, still_written(old.claim, key)), None)
            )
    return tuple(out)


def _renamed_why(old: ClaimResult, new: ClaimResult, written: bool | None) -> str:
    """Why a review of a renamed claim's old id applies no more, by whether the new run's reviews
    file still holds it (`_still_written`)."""
    renamed = f"the claim '{old.claim}', which this run calls '{new.claim}'"
    if written:
        return f"it names {renamed}: give it the new id"
    if written is False:
        return f"it named {renamed}, and is not in the new run's reviews file as it was: gone, or naming another claim or finding now"
    return (
        f"it named {renamed}, and the new report lists it nowhere: gone from the reviews file, or, in a report "
        "from before the reviews of claims not checked were listed, still there: then give it the new id"
    )


def _left_by_rename(old: ClaimResult, new: ClaimResult, identity: ReviewIdentity) -> dict[str, Review]:
    """The reviews of a renamed claim's old id that applied in the old run and, naming no claim
    now, apply to nothing in the new one: said under the renamed claim, by what they name."""
    if old.claim == new.claim:
        return {}
    applied_now = _applied(new, identity)
    lapsed_now = {identity(x.review) for x in new.lapsed_reviews}
    applied_before = _applied(old, identity)
    return {k: r for k, r in applied_before.items() if k not in applied_now and k not in lapsed_now}


def _review_change(review: Review, change: str, why: str | None, old_why: str | None) -> ReviewChange:
    return ReviewChange(
        review=review.names,
        decision=review.decision,
        path=review.path,
        line=review.line,
        change=change,  # type: ignore[arg-type]  # one of ReviewChange.change's
        why=why,
        old_why=old_why,
    )


def _said_under_renamed(
    before: dict[str, ClaimResult], after: dict[str, ClaimResult], renamed: dict[str, str], identity: ReviewIdentity
) -> set[tuple[str, str]]:
    """The reviews (old claim id, what they name) said under a renamed claim as naming its old id
    (`_left_by_rename`): the new report lists them among the reviews of claims not checked too,
    where they are said no more."""
    return {
        (old_id, key)
        for new_id, old_id in renamed.items()
        for key in _left_by_rename(before[old_id], after[new_id], identity)
    }


def _other_claims_review_changes(
    old: Results,
    new: Results,
    inputs: tuple[InputChange, ...],
    identity: ReviewIdentity,
    said_under_renamed: set[tuple[str, str]],
) -> tuple[OtherClaimReviewChange, ...]:
    """Reviews of a claim not checked that one report lists and the other does not, by their
    claim and what they name. Which reviews those are follows from the claims and the reviews
    file alone: where neither changed (moved is no change) and one report lists none, that
    report is of a claimwatch from before the list (it wrote none), and nothing is said. A
    review of a renamed claim's old id said under that claim (`said_under_renamed`) is not said
    again here."""
    before = {(r.claim, identity(r)): r for r in old.reviews_of_other_claims}
    after = {(r.claim, identity(r)): r for r in new.reviews_of_other_claims}
    decided_alike = not any(i.kind in ("claims", "reviews") and i.change != "moved" for i in inputs)
    if decided_alike and not (before and after):
        return ()
    checked_before, checked_now = {r.claim for r in old.results}, {r.claim for r in new.results}
    out = []
    for key, review in after.items():
        if key not in before and key not in said_under_renamed:
            why = "no claim of that id in the new run" + (
                "; the old run checked it" if review.claim in checked_before else ""
            )
            out.append(_other_claims_review_change(review, "added", why))
    for key, review in before.items():
        if key not in after:
            why = (
                "the new run checks that claim"
                if review.claim in checked_now
                else "not in the new run's reviews file as it was: gone, or naming another claim or finding now"
            )
            out.append(_other_claims_review_change(review, "removed", why))
    return tuple(out)


def _other_claims_review_change(review: Review, change: str, why: str) -> OtherClaimReviewChange:
    return OtherClaimReviewChange(
        review=review.names,
        claim=review.claim,
        decision=review.decision,
        path=review.path,
        line=review.line,
        change=change,  # type: ignore[arg-type]  # one of OtherClaimReviewChange.change's
        why=why,
    )


def _renamed_claims(before: dict[str, ClaimResult], after: dict[str, ClaimResult]) -> dict[str, str]:
    """New ids of claims the old run held under another id, each with that id: a claim gone and
    one come that are the same in all but their id. Only a pair one to one counts; claims alike
    in more than one pair are removed and added, never guessed between."""
    gone = [r for claim, r in before.items() if claim not in after]
    came = [r for claim, r in after.items() if claim not in before]
    pairs = [(a.claim, b.claim) for a in gone for b in came if _same_but_id(a, b)]
    olds, news = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    return {b: a for a, b in pairs if olds[a] == 1 and news[b] == 1}


def _same_but_id(a: ClaimResult, b: ClaimResult) -> bool:
    """Two claims alike in everything the report says of what they check and where they are
    written: their words, sentence (subject, period, expectation, conditions), topics and lists,
    claims file, and the share of unaffiliated coauthors they tolerate. The period's
    assessed_to follows the evidence, and is left out."""

    def substance(r: ClaimResult) -> tuple[object, ...]:
        return (r.says, r.sentence, r.subject, r.claims_file, r.period.from_, r.period.to, r.expects, r.interpretation)

    tolerated = (
        a.unaffiliated.tolerated if a.unaffiliated else None,
        b.unaffiliated.tolerated if b.unaffiliated else None,
    )
    return substance(a) == substance(b) and (None in tolerated or tolerated[0] == tolerated[1])


def _coverage(result: ClaimResult) -> tuple[bool, str]:
    """Whether the evidence covers the claim completely, as its verdict took it, and why: the
    coverage declared, unless more coauthors have no affiliation than the claim tolerates."""
    hidden = result.unaffiliated is not None and not result.unaffiliated.within_tolerance
    if hidden and result.unaffiliated is not None:
        u = result.unaffiliated
        tolerated = f"{u.tolerated * 100:.2f}".rstrip("0").rstrip(".")  # 2.5%, never a rounded 3%
        said = (
            f"{u.unaffiliated} of the {u.coauthorships} coauthorships carry no affiliation at all, more than the "
            f"{tolerated}% the claim tolerates (max_unaffiliated)"
        )
        return False, said if result.coverage.complete else f"{result.coverage.why}; and {said}"
    return result.coverage.complete, result.coverage.why


def _finding_changes(old: ClaimResult | None, new: ClaimResult) -> tuple[FindingChange, ...]:
    shared = _shared_person_ids(new) | (_shared_person_ids(old) if old else set())
    before = _statuses(old, shared) if old else {}
    after = _statuses(new, shared)
    renamed = _renamed(before, after)
    before = {renamed.get(k, k): v for k, v in before.items()}
    joined = _joined(before, after)
    absorbing = set(joined.values())  # not added: the joined were it
    out = []
    first_seen, latest = after | before, before | after
    for key in sorted(first_seen, key=lambda k: _order(first_seen[k].named)):
        a, b = before.get(key), after.get(key)
        if a is None and key in absorbing:
            continue
        if a is not None and key in joined:  # its records are another finding's versions now: it did not leave
            out.append(_joined_change(a, after[joined[key]]))
            continue
        change = _finding_change(a, b)
        under_review = _under_review(a, b) if change is None and a is not None and b is not None else {}
        if under_review:
            change = "changed_under_review"
        if change is None and a is not None and b is not None and a.named.work != b.named.work:
            change = "renamed"  # nothing else changed, but the reports name it otherwise
        if change is None:
            continue
        update: dict[str, object] = {"change": change}
        if change in ("set_aside", "restored", "reviewed", "added"):
            assert b is not None  # each of these is a finding the new run has
            update["status"] = b.status  # an added finding may be uncertain only: said so
        elif change == "removed":
            assert a is not None
            update["status"] = a.status  # what the old run had
        if b is not None and (a.review if a else None) != b.review:
            update |= {"old_review": a.review if a else None, "review": b.review}
        if a is not None and b is not None and a.named.work != b.named.work:
            update["old_work"] = a.named.work
        if under_review:
            update |= under_review | {"review": b.review if b else None, "status": b.status if b else None}
        if a is not None and b is not None:
            update |= _dated(a, b)
        out.append(latest[key].named.model_copy(update=update))
    return tuple(out)


def _under_review(a: _Seen, b: _Seen) -> dict[str, object]:
    """What changed beneath a review that applies in both runs, where it bears on the decision:
    a work (or person) set aside that is now a certain match, or now matches on grounds it did
    not, and a disputed one on new grounds; a confirmed one with doubts it did not have. The
    review was made on what the record showed then (OpenAlex resolves an affiliation, adds an
    author), so such a change is said, never hidden behind it. Empty where none."""
    if a.review is None or a.review != b.review:
        return {}
    out: dict[str, object] = {}
    if a.review == "not_a_match" and a.beneath != b.beneath:
        out |= {"match_was": a.beneath, "match_now": b.beneath}
    if a.review in ("not_a_match", "disputed"):
        grounds = tuple(g for g in b.grounds if g not in a.grounds)
        if grounds:
            out["new_grounds"] = grounds
    if a.review == "confirmed":
        doubts = tuple(d for d in b.doubts if d not in a.doubts)
        if doubts:
            out["new_doubts"] = doubts
    return out


def _joined_change(a: _Seen, into: _Seen) -> FindingChange:
    """The old finding `a`, now a version of the new run's `into`: said so, with the status the
    work has now where it is not the old one (set aside on review, uncertain), and its review
    where that changed. Where the same review applies to both and the work it now stands over
    changed in what it decided on (a version matching through another coauthor), that is said
    as for any finding (`changed_under_review`, with `old_work`): the review was made on the
    old finding alone."""
    update: dict[str, object] = {"change": "joined", "work": into.named.work, "old_work": a.named.work}
    if into.status != a.status:
        update["status"] = into.status
    if into.review != a.review:
        update |= {"old_review": a.review, "review": into.review}
    under_review = _under_review(a, into)
    if under_review:
        update |= under_review | {"change": "changed_under_review", "review": into.review, "status": into.status}
    return a.named.model_copy(update=update | _dated(a, into))


def _dated(a: _Seen, b: _Seen) -> dict[str, object]:
    """The old and new dates of a finding both runs hold, where they differ: a version joining a
    work (or leaving it) moves its date, which a period is judged by."""
    was, now = a.named.publication_date, b.named.publication_date
    if was == now:
        return {}
    return {"old_publication_date": was, "new_publication_date": now}


def _joined(before: dict[tuple[str, str], _Seen], after: dict[tuple[str, str], _Seen]) -> dict:
    """Old keys of works gone from the new run whose DOI or arXiv id one work of the new run
    shares: the new run holds them as versions of that work (an article and its preprint once
    read apart), the key of which each maps to. People alike, by an OpenAlex author id or an
    ORCID iD: two records of one person once read apart."""
    out = {}
    for key, seen in before.items():
        if key in after or not seen.identities:
            continue
        into = [k for k, v in after.items() if k[0] == key[0] and seen.identities & v.identities]
        if len(into) == 1:
            out[key] = into[0]
    return out


def _renamed(before: dict[tuple[str, str], _Seen], after: dict[tuple[str, str], _Seen]) -> dict:
    """Old keys of works the new run gives another id, by the DOI or arXiv id the two share:
    a work is led by its smallest OpenAlex id, so a version joining it may change the id a
    report gives it; a person, by an OpenAlex author id or an ORCID iD, is led by their smallest
    author id, so a record of theirs joining them may change theirs. Only a match one to one
    both ways counts; the rest are removed and added."""
    gone = [k for k in before if k not in after]
    came = [k for k in after if k not in before]
    if not gone or not came:
        return {}
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for old_key in gone:
        found[old_key] = [k for k in came if k[0] == old_key[0] and before[old_key].identities & after[k].identities]
    taken = [k for ks in found.values() for k in ks]
    return {old_key: ks[0] for old_key, ks in found.items() if len(ks) == 1 and taken.count(ks[0]) == 1}


def _finding_change(a: _Seen | None, b: _Seen | None) -> FindingChangeKind | None:
    """How one finding changed between two runs; None where it did not."""
    if b is None:
        return "removed"
    if b.status == "dismissed":
        return None if a is not None and a.status == "dismissed" else "set_aside"
    if a is None:
        return "added"
    if a.status == "dismissed":
        return "restored"
    if a.status != b.status:
        return "now_matched" if b.status == "matched" else "now_uncertain"
    return "reviewed" if a.review != b.review else None


@dataclass(frozen=True)
class _Seen:
    """A finding as one run has it: its status, and the change entry that names it (whose
    `change` is set once the two runs are compared)."""

    status: Literal["matched", "uncertain", "dismissed"]
    named: FindingChange
    review: str | None = None
    # What a review decided on: the status the evaluation gave it, beneath any review; the
    # authors, institutions and phrases it matched through; its doubts.
    beneath: Literal["matched", "uncertain"] = "matched"
    grounds: tuple[str, ...] = ()
    doubts: tuple[str, ...] = ()
    # A work's DOI and arXiv id, a person's OpenAlex author ids and ORCID iD, to follow it by.
    identities: frozenset[str] = frozenset()


def _statuses(result: ClaimResult, shared: set[str]) -> dict[tuple[str, str], _Seen]:
    """Each finding by its kind and id: a work's, or for a claim about people a person's (by
    their name too where two people share the id, `shared`). A work or a person a review set
    aside is still one of the claim's findings, with the status "dismissed"."""
    works = {("work", f.work.id): _seen_work(f, f.status) for f in (*result.findings, *result.uncertain_findings)}
    dismissed = {("work", f.work.id): _seen_work(f, "dismissed") for f in result.dismissed}
    people = {_person_key(p, shared): _seen_person(p, p.status) for p in (*result.people, *result.uncertain_people)}
    people |= {_person_key(p, shared): _seen_person(p, "dismissed") for p in result.dismissed_people}
    return works | dismissed | people


def _shared_person_ids(result: ClaimResult) -> set[str]:
    """Ids two people of the claim share (one curated id, given by two files)."""
    everyone = Counter(p.id for p in (*result.people, *result.uncertain_people, *result.dismissed_people))
    return {i for i, n in everyone.items() if n > 1}


def _person_key(p: PersonFinding, shared: set[str]) -> tuple[str, str]:
    """A person by their id, and by their name too where two people share the id in either run,
    so that neither hides the other."""
    return ("person", f"{p.id}\n{p.name}" if p.id in shared else p.id)


def _seen_person(p: PersonFinding, status: Literal["matched", "uncertain", "dismissed"]) -> _Seen:
    named = FindingChange(work=p.id, title=p.name, change="added", kind="person")
    # Never a curated id: two files may give two people one.
    authors = {f"author:{a}" for a in (p.openalex_id, *p.other_openalex_ids) if a}
    identities = frozenset(authors | ({f"orcid:{p.orcid}"} if p.orcid else set()))
    # By institution and entry, not years: a person's records gain a year with each new paper.
    grounds = tuple(dict.fromkeys(_placed(pl.institution.name, pl.entry, pl.institution.id) for pl in p.at_listed))
    review = p.review.decision if p.review else None
    return _Seen(status, named, review, p.status, grounds, _without_records(p.uncertain_because, p.records), identities)


def _without_records(doubts: tuple[str, ...], records: tuple[str, ...]) -> tuple[str, ...]:
    """Doubts with the files and folders of the records they cite left out: a doubt naming a
    snapshot (copies that differ) is the same doubt when the record is collected again into a
    snapshot of another name."""
    files = {r.rpartition(":")[0] or r for r in records}
    folders = {str(Path(f).parent) for f in files} - {".", *files}
    if not files:
        return doubts
    # A place stands whole, never as part of a word or a longer name; a folder only where a path
    # or a record's line goes on from it ("2025/works.jsonl:3"): a snapshot named "2024" is a
    # word of "its date 2024 may fall before 2024-01-10" too, and that doubt was a new one to
    # every diff against a snapshot of another name. So is a file named "2024" (a year's export,
    # given as such): a name with no folder and no extension is a place only as doubts cite one,
    # before a record's line ("2024:3") or in the parenthesised list of a record's copies.
    named, bare = _paths_and_words(files)
    parts = []
    if named:
        parts.append(rf"(?<![\w.-])(?:{_alternatives(named)})(?![\w-]|\.\w)")
    if bare:
        words = _alternatives(bare)
        parts.append(rf"(?<![\w.-])(?:{words})(?=:\d)|(?:(?<=\()|(?<=, ))(?:{words})(?=[,)])")
    pattern = "|".join(parts)
    if folders:
        pattern += rf"|(?<![\w.-])(?:{_alternatives(folders)})(?=[/:])"
    place = re.compile(pattern)
    return tuple(place.sub("\u2026", doubt) for doubt in doubts)


def _paths_and_words(files: set[str]) -> tuple[set[str], set[str]]:
    """Record files by how they can stand in a doubt's words: a path (a folder or an extension
    in it) is never a word of prose; a bare name ("2024", "works") may be."""
    bare = {f for f in files if not re.search(r"[/\\.]", f)}
    return files - bare, bare


def _alternatives(names: set[str]) -> str:
    """A regular expression matching any of the names, the longest first."""
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


def _placed(where: str, entry: EntryRef | None, record: str | None = None) -> str:
    """An institution, with its record's id where it has one and the list entry it matched where
    it did. By id as well as name: namesakes ("Northeastern University" in Boston and in
    Shenyang) are two grounds, and a work set aside at one is not the same decision at the other."""
    said = [record] if record else []
    if entry is not None:
        said.append(entry.list_name if entry.name == where else f"{entry.list_name}: {entry.name}")
    return f"{where} ({'; '.join(said)})" if said else where


def _ground(reason: AffiliationReason | PhraseReason | AbsenceReason) -> str:
    """One reason a work matched, in a few words."""
    if isinstance(reason, AffiliationReason):
        if reason.institution:
            return f"{reason.author} at {_placed(reason.institution.name, reason.entry, reason.institution.id)}"
        return f"{reason.author} at {_placed(reason.matched_name or reason.matched_text or '', reason.entry)}"
    if isinstance(reason, PhraseReason):
        return f"\u201c{reason.phrase}\u201d in its {reason.field}"
    return reason.condition


def _seen_work(f: Finding, status: Literal["matched", "uncertain", "dismissed"]) -> _Seen:
    named = FindingChange(work=f.work.id, title=f.work.title, publication_date=f.work.publication_date, change="added")
    work = f.work
    also = [(k.partition(":")[0], k.partition(":")[2]) for k in work.also]
    dois = [work.doi, *(v for kind, v in also if kind == "doi")]
    arxivs = [work.arxiv, *(v for kind, v in also if kind == "arxiv")]
    grounds = tuple(dict.fromkeys(_ground(r) for r in f.reasons))
    review = f.review.decision if f.review else None
    doubts = _without_records(f.uncertain_because, f.work.records)
    return _Seen(status, named, review, f.status, grounds, doubts, _identities(dois, arxivs))


def _identities(dois: list[str | None], arxivs: list[str | None]) -> frozenset[str]:
    """A work's DOIs and arXiv ids as keys (an arXiv DOI names its arXiv id too), case folded; a
    DOI composed (NFC) as `ids.doi` reads it, since a report of an earlier release gives one as its
    record did (an é decomposed, e + U+0301)."""
    keys = set()
    for given in filter(None, dois):
        # Lower-casing may decompose a letter ("İ"): composed before and after, as `ids.doi` does.
        doi = unicodedata.normalize("NFC", unicodedata.normalize("NFC", given).lower())
        keys.add(f"doi:{doi}")
        if doi.startswith(_ARXIV_DOI):
            arxivs = [*arxivs, doi[len(_ARXIV_DOI) :]]
    for arxiv in filter(None, arxivs):
        keys.add(f"arxiv:{_ARXIV_VERSION.sub('', arxiv.lower())}")
    return frozenset(keys)


_ARXIV_DOI = "10.48550/arxiv."
_ARXIV_VERSION = re.compile(r"v[0-9]+$")


def _order(f: FindingChange) -> tuple[str, str, str]:
    return (f.kind, publication_order(f.publication_date), f.work)


# --- for the terminal -----------------------------------------------------------------------

_FINDING_MARK = {
    "added": "+",
    "removed": "-",
    "now_matched": "+",
    "now_uncertain": "~",
    "set_aside": "~",
    "restored": "~",
    "reviewed": "~",
    "renamed": "~",
    "joined": "~",
    "changed_under_review": "!",
}
_FINDING_WORDS = {"added": "", "removed": "", "now_matched": " (was uncertain)", "now_uncertain": " (now uncertain)"}
_STATUS_WORDS = {"matched": "matched", "uncertain": "uncertain", "dismissed": "set aside on review as not a match"}
_DECISION_WORDS = {"not_a_match": "not a match", "confirmed": "confirmed", "disputed": "disputed", None: "none"}


def render_diff(diff: ReportDiff) -> list[Text]:
    """Lines for a terminal, as rich Text: a value from a report is never read as markup, so it
    shows as written (escaped markup showed a title ending in a backslash with two, as
    rich.markup.escape doubles it for a tag that may follow), each piece on one line and
    sanitised (`text_line`)."""
    lines = [text_line(("claimwatch diff", "bold"), " ", diff.old, " \u2192 ", diff.new)]
    if diff.old_version != diff.new_version:  # said even where nothing else changed: the runs' rules may differ
        lines.append(text_line("claimwatch ", diff.old_version, " \u2192 ", diff.new_version))
    if not diff.changed and not diff.inputs:
        return [*lines, text_line("No changes: the same inputs, verdicts and findings.")]
    if diff.old_as_of != diff.new_as_of:
        old_as_of, new_as_of = diff.old_as_of or "not recorded", diff.new_as_of or "not recorded"
        lines.append(text_line("evidence as of ", old_as_of, " \u2192 ", new_as_of))
    if diff.inputs:
        lines.append(text_line(("Inputs", "bold")))
        for i in diff.inputs:
            hashes = (
                f"  {i.old_sha256[:12]}\u2026 \u2192 {i.new_sha256[:12]}\u2026"
                if i.change == "changed" and i.old_sha256 and i.new_sha256
                else ""
            )
            if i.change == "moved":
                lines.append(
                    text_line(
                        f"  {i.change:<8} {i.kind:<9} ", i.old_path or "", " \u2192 ", i.path, " (the same sha256)"
                    )
                )
            else:
                same = " (its manifest alone: the same records, written again by another collect or update)"
                lines.append(text_line(f"  {i.change:<8} {i.kind:<9} ", i.path, hashes, same if i.same_records else ""))
    if not diff.changed:
        return [*lines, text_line(f"No changes: the same {_alike(diff.inputs)}, verdicts and findings.")]
    if diff.claims:
        lines.append(text_line(("Claims", "bold")))
    for c in diff.claims:
        lines.append(text_line("  ", *_claim_line(c)))
        if c.why and (c.change == "added" or c.verdict_changed):
            lines.append(text_line("      why: ", c.why))
        if c.coverage_complete is not None:
            turned = f"{_complete(c.coverage_was_complete)} \u2192 {_complete(c.coverage_complete)}"
            lines.append(text_line(f"      coverage: {turned}: ", c.coverage_why or ""))
        for f in c.findings:
            date = f" ({f.publication_date})" if f.publication_date else ""
            named = f"{f.title} (person)" if f.kind == "person" else f"\u201c{f.title}\u201d{date}"
            was = f" (was {f.old_work})" if f.old_work else ""
            lines.append(text_line(f"      {_FINDING_MARK[f.change]} ", f.work, was, " ", named, _finding_words(f)))
        for r in c.reviews:
            lines.append(text_line(*_review_line(r)))
    if diff.reviews_of_other_claims:
        lines.append(text_line(("Reviews of claims not checked", "bold")))
    for o in diff.reviews_of_other_claims:
        mark = "+" if o.change == "added" else "-"
        where = f" ({_DECISION_WORDS[o.decision]}, {o.path}:{o.line}): "
        lines.append(text_line(f"  {mark} review of ", o.review, " on ", o.claim, where, o.why))
    return lines


def _review_line(r: ReviewChange) -> tuple[str, ...]:
    """A review that stopped or started applying, with where it is and why."""
    review = ("      ~ review of ", r.review, f" ({_DECISION_WORDS[r.decision]}, ", f"{r.path}:{r.line}", ")")
    if r.change == "now_applied":
        return (*review, ": now applied; it was not: ", r.old_why or "")
    said = "no longer applied" if r.change == "no_longer_applied" else "not applied"
    before = ("; before: ", r.old_why) if r.old_why else ()
    return (*review, f": {said}: ", r.why or "", *before)


def _alike(inputs: tuple[InputChange, ...]) -> str:
    """What was the same where the inputs listed changed nothing: bytes at other paths, or
    snapshots' records under another manifest."""
    moved, rewritten = any(i.change == "moved" for i in inputs), any(i.same_records for i in inputs)
    if moved and rewritten:
        return "inputs (some named by other paths) and records (some snapshots written again)"
    return "inputs (some named by other paths)" if moved else "records (some snapshots written again)"


def _finding_words(f: FindingChange) -> str:
    words = _change_words(f)
    if f.old_publication_date == f.new_publication_date:  # neither set: the date did not move
        return words
    dated = f"now dated {f.new_publication_date or 'to no day'}, was {f.old_publication_date or 'undated'}"
    return f"{words[:-1]}; {dated})" if words.endswith(")") else f"{words} ({dated})"


def _change_words(f: FindingChange) -> str:
    review = f"review {_DECISION_WORDS.get(f.old_review, 'none')} \u2192 {_DECISION_WORDS.get(f.review, 'none')}"
    if f.change == "set_aside":
        return " (set aside on review as not a match; still in the evidence)"
    if f.change == "restored":
        return f" (no longer set aside on review; now {f.status})"
    if f.change == "reviewed":
        return f" ({review})"
    if f.change == "changed_under_review":
        return _under_review_words(f)
    if f.change == "renamed" and f.kind == "person" and _lead_left(f):
        return (
            f" (the same person, shared OpenAlex author id or ORCID iD: {f.old_work}, the author record that led "
            "them, is no longer among their records)"
        )
    if f.change == "renamed" and f.kind == "person":
        return " (the same person, shared OpenAlex author id or ORCID iD: now led by another of their records)"
    if f.change == "renamed" and _lead_left(f):
        return (
            f" (the same work, shared DOI or arXiv id: {f.old_work}, the record that led it, is no longer among "
            "the records it cites)"
        )
    if f.change == "renamed":
        return " (the same work, shared DOI or arXiv id: now led by another of its records)"
    if f.change == "joined":
        now = f"; now {_STATUS_WORDS[f.status]}" if f.status else ""
        reviewed = f"; {review}" if f.old_review != f.review else ""
        joined = (
            "now one person with this one, sharing an OpenAlex author id or ORCID iD"
            if f.kind == "person"
            else "now a version of this work, sharing its DOI or arXiv id"
        )
        return f" ({joined}: still in the evidence{now}{reviewed})"
    if f.change in ("added", "removed") and f.status and f.status != "matched":
        return f" ({'' if f.change == 'added' else 'was '}{_STATUS_WORDS[f.status]})"
    if f.change in ("now_matched", "now_uncertain") and f.old_review != f.review:
        return f"{_FINDING_WORDS[f.change][:-1]}; {review})"
    return _FINDING_WORDS[f.change]


_UNDER = {
    "not_a_match": "set aside on review as not a match",
    "confirmed": "confirmed on review",
    "disputed": "disputed on review",
}


_OPENALEX_ID = {"work": re.compile(r"W([0-9]{1,30})"), "person": re.compile(r"A([0-9]{1,30})")}


def _lead_left(f: FindingChange) -> bool:
    """Whether the record that led the old run's finding is not among the new run's records of
    it: a work is led by the smallest OpenAlex id among the records it cites (a person by their
    smallest author id), so a new lead of a larger id means the old one is not among them now (a
    preprint record that left), where a smaller one joined otherwise."""
    was = _OPENALEX_ID[f.kind].fullmatch(f.old_work or "")
    now = _OPENALEX_ID[f.kind].fullmatch(f.work)
    return bool(was and now and int(now[1]) > int(was[1]))


def _under_review_words(f: FindingChange) -> str:
    said = []
    if f.match_was and f.match_now:
        said.append(f"now {'a certain match' if f.match_now == 'matched' else 'uncertain'}, was {f.match_was}")
    if f.new_grounds:
        said.append(f"now also through {_some(f.new_grounds)}")
    if f.new_doubts:
        said.append(f"{'a new doubt' if len(f.new_doubts) == 1 else 'new doubts'}: {_some(f.new_doubts)}")
    changed = "; ".join(said)
    return f" ({_UNDER.get(f.review or '', 'reviewed')}, and what it decided on changed: {changed}: the review may not have weighed it)"


def _some(items: tuple[str, ...], limit: int = 3) -> str:
    shown = "; ".join(items[:limit])
    return shown + (f"; and {len(items) - limit} more" if len(items) > limit else "")


def _complete(complete: bool | None) -> str:
    return "complete" if complete else "not complete"


def _word(verdict: Verdict | None) -> str:
    return VERDICT_WORDS[verdict] if verdict else "no verdict"


def _claim_line(c: ClaimChange) -> tuple[str | tuple[str, str], ...]:
    """A claim's line, in pieces for `text_line`: its id and a new verdict in bold."""
    name = (c.claim, "bold")
    if c.change == "added":
        return name, f": new claim, {_word(c.new_verdict)} ({c.new_matched} matched)"
    if c.change == "removed":
        return name, f": no longer checked (was {_word(c.old_verdict)})"
    if c.change == "renamed":  # the claim's id alone changed: the id the old run gave it
        name = (f"{c.claim} (was {c.old_claim}, the same claim)", "bold")
    counts = f"matched {c.old_matched} \u2192 {c.new_matched}"
    if c.verdict_changed:
        return name, f": {_word(c.old_verdict)} \u2192 ", (_word(c.new_verdict), "bold"), f" ({counts})"
    changed = (
        "findings changed"
        if c.findings
        else "coverage changed"
        if c.coverage_complete is not None
        else "reviews changed"
        if c.reviews
        else "nothing else changed"
    )
    return name, f": still {_word(c.new_verdict)}; {changed} ({counts})"
