"""Reviews applied to one claim's findings, after matching.

`not_a_match` sets a finding aside (out of the verdict, kept in view with the note); `confirmed`
counts it as a match, its doubts resolved by the reviewer; `disputed` counts it only as
uncertain, the dispute its reason. A review that cannot apply (its work is no longer a finding,
it has expired for evidence this recent, or whether it has cannot be told) is not applied and is
reported as lapsed: a stale review never silences a finding.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..results import Finding, LapsedReview
from ..reviews import ReviewEntry


@dataclass
class _Reviewed:
    matched: list[Finding]
    uncertain: list[Finding]
    dismissed: list[Finding] = field(default_factory=list)
    lapsed: list[LapsedReview] = field(default_factory=list)


def _apply_reviews(
    entries: list[ReviewEntry],
    matched: list[Finding],
    uncertain: list[Finding],
    identities: dict[str, set[str]],
    as_of: dt.date | None,
) -> _Reviewed:
    out = _Reviewed(list(matched), list(uncertain))
    applied: dict[str, int] = {}  # finding's work id -> the line of the review applied to it
    for entry in entries:
        review = entry.review
        lapse = _lapse(entry, as_of)
        if lapse is not None:
            out.lapsed.append(lapse)
            continue
        finding = next(
            (f for f in (*out.matched, *out.uncertain, *out.dismissed) if entry.key in identities.get(f.work.id, ())),
            None,
        )
        if finding is None:
            out.lapsed.append(
                LapsedReview(
                    review=review,
                    reason="not_found",
                    why=f"no finding of claim '{review.claim}' is {review.work} any more: the work no longer "
                    "matches, or is no longer in the evidence",
                )
            )
            continue
        if finding.work.id in applied:
            out.lapsed.append(
                LapsedReview(
                    review=review,
                    reason="overlaps",
                    why=f"the review at line {applied[finding.work.id]} already applies to this work",
                )
            )
            continue
        applied[finding.work.id] = review.line
        _decide(out, finding, entry)
    return out


def _lapse(entry: ReviewEntry, as_of: dt.date | None) -> LapsedReview | None:
    expired = entry.expired(as_of)
    review = entry.review
    if expired is None:
        return LapsedReview(
            review=review,
            reason="expiry_unknown",
            why=f"it holds until {review.expires}, and the evidence does not say when it was current "
            "(give --as-of to say)",
        )
    if expired:
        return LapsedReview(
            review=review,
            reason="expired",
            why=f"it held until {review.expires}; the evidence is current to {as_of}",
        )
    return None


def _decide(out: _Reviewed, finding: Finding, entry: ReviewEntry) -> None:
    review = entry.review
    in_matched = finding in out.matched
    (out.matched if in_matched else out.uncertain).remove(finding)
    if review.decision == "not_a_match":
        out.dismissed.append(finding.model_copy(update={"review": review}))
    elif review.decision == "confirmed":
        out.matched.append(finding.model_copy(update={"review": review, "status": "matched"}))
    elif in_matched:  # disputed: a reviewer's doubt is a doubt like any other
        doubt = f"disputed on review by {review.by} ({review.date}): {review.note}"
        out.uncertain.append(
            finding.model_copy(
                update={
                    "review": review,
                    "status": "uncertain",
                    "uncertain_because": (*finding.uncertain_because, doubt),
                }
            )
        )
    else:
        out.uncertain.append(finding.model_copy(update={"review": review}))
