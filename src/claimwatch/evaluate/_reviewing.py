"""Reviews applied to one claim's findings, after matching: works, or for a claim about people,
persons.

`not_a_match` sets a finding aside (out of the verdict, kept in view with the note); `confirmed`
counts it as a match, its doubts resolved by the reviewer (a person who may be one counted
already stays uncertain: people `_confirmed_yet_maybe_one`); `disputed` counts it only as
uncertain, the dispute its reason. A review that cannot apply (its work or person is no longer a
finding, it names a person where the claim's findings are works or the other way round, it has
expired for evidence this recent, or whether it has cannot be told) is not applied and is
reported as lapsed: a stale review never silences a finding.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar, cast

from ..results import Finding, LapsedReview, PersonFinding
from ..reviews import ReviewEntry

F = TypeVar("F", bound=Finding | PersonFinding)


@dataclass
class _Reviewed(Generic[F]):
    matched: list[F]
    uncertain: list[F]
    dismissed: list[F] = field(default_factory=list)
    lapsed: list[LapsedReview] = field(default_factory=list)


@dataclass(frozen=True)
class _Kind(Generic[F]):
    """What a claim's findings are, for its reviews: how a finding is told apart (`ident`), the
    keys a review may name it by, and the words for it."""

    about_people: bool
    ident: Callable[[F], str]
    keys: Callable[[F], Iterable[str]]
    label: Callable[[F], str]

    @property
    def noun(self) -> str:
        return "person" if self.about_people else "work"


def _apply_reviews(
    entries: list[ReviewEntry],
    matched: list[F],
    uncertain: list[F],
    kind: _Kind[F],
    as_of: dt.date | None,
    merged: Mapping[str, str] | None = None,
) -> _Reviewed[F]:
    """`merged`: work ids OpenAlex merged into others, as the evidence records them, to say why
    a review naming an old id finds nothing (it is never applied to the survivor: the decision
    was made on another record)."""
    out: _Reviewed[F] = _Reviewed(list(matched), list(uncertain))
    applied: dict[str, int] = {}  # a finding's id -> the line of the review applied to it
    for entry in entries:
        review = entry.review
        lapse = _other_kind(entry, kind) or _lapse(entry, as_of)
        if lapse is not None:
            out.lapsed.append(lapse)
            continue
        named = [f for f in (*out.matched, *out.uncertain, *out.dismissed) if not entry.keys.isdisjoint(kind.keys(f))]
        if len({kind.ident(f) for f in named}) > 1:
            out.lapsed.append(_ambiguous(entry, named, kind))
            continue
        finding = named[0] if named else None
        if finding is None:
            gone = (
                "the person no longer matches, or their records are no longer in the evidence"
                if kind.about_people
                else _merged_away(entry.key, merged or {}, out, kind)
                or "the work no longer matches, or is no longer in the evidence"
            )
            out.lapsed.append(
                LapsedReview(
                    review=review,
                    reason="not_found",
                    why=f"no finding of claim '{review.claim}' is {review.names} any more: {gone}",
                )
            )
            continue
        if entry.record is not None and entry.record not in kind.keys(finding):
            out.lapsed.append(_moved(entry, finding, kind))
            continue
        if kind.ident(finding) in applied:
            out.lapsed.append(
                LapsedReview(
                    review=review,
                    reason="overlaps",
                    why=f"the review at line {applied[kind.ident(finding)]} already applies to this {kind.noun}",
                )
            )
            continue
        applied[kind.ident(finding)] = review.line
        _decide(out, finding, entry)
    return out


def _merged_away(key: str, merged: Mapping[str, str], out: _Reviewed[F], kind: _Kind[F]) -> str | None:
    """Why a review naming a work id finds no finding, where OpenAlex merged that id into
    another: the work is in the evidence under the id that survives (followed through merges of
    merges), a finding of the claim or not. None where the id was not merged."""
    survivor, seen = key, {key}
    while survivor in merged and merged[survivor] not in seen:
        survivor = merged[survivor]
        seen.add(survivor)
    if survivor == key:
        return None
    # By the id a finding is led by: a finding's other identities are gathered only where a
    # review names them, and the survivor may be a version another record leads.
    findings = (*out.matched, *out.uncertain, *out.dismissed)
    found = next((f for f in findings if kind.ident(f) == survivor or survivor in kind.keys(f)), None)
    where = (
        f"a finding of the claim as {kind.label(found)}" if found is not None else "which leads none of its findings"
    )
    return (
        f"OpenAlex merged {key} into {survivor} (as the evidence records), {where}: the review is not carried over "
        f"to another record; review {survivor} if its decision holds"
    )


def _moved(entry: ReviewEntry, finding: F, kind: _Kind[F]) -> LapsedReview:
    """A review naming a work by DOI (or arXiv or curated id) and the record it reviewed, whose
    DOI now leads to a finding that record is not among: OpenAlex moved the DOI to another work,
    and the decision was made on the other. Not applied, never applied in silence to a work no
    one reviewed."""
    review = entry.review
    return LapsedReview(
        review=review,
        reason="not_found",
        why=f"{review.names} now names {kind.label(finding)}, which is not {entry.record}, the record reviewed "
        f"(the identity moved to another work): review this work, or name {entry.record} alone if its decision holds",
    )


def _ambiguous(entry: ReviewEntry, named: list[F], kind: _Kind[F]) -> LapsedReview:
    """A review whose text names more than one finding (a curated person's id 'a2' and the
    OpenAlex author A2; one curated id in two files): applied to none, never to the first."""
    review = entry.review
    which = "; ".join(dict.fromkeys(kind.label(f) for f in named))
    return LapsedReview(
        review=review,
        reason="ambiguous",
        why=f"{review.names} names more than one finding of claim '{review.claim}' ({which}): "
        f"name the {kind.noun} by an id only one of them has{_HOW[kind.about_people]}",
    )


_HOW = {
    False: "",
    True: " (an OpenAlex author id in capitals, A2; a curated person's id as curated:a2, or with their file's "
    "name where two files give one id, curated:people.yaml#a2, and its folders where two such files share a "
    "name, curated:2025/people.yaml#a2)",
}


def _other_kind(entry: ReviewEntry, kind: _Kind) -> LapsedReview | None:
    """A review of a work on a claim about people, or of a person on a claim about works: it
    names none of the claim's findings."""
    if entry.about_a_person == kind.about_people:
        return None
    review = entry.review
    about, names = ("people", "a work") if kind.about_people else ("works", "a person")
    return LapsedReview(
        review=review,
        reason="not_found",
        why=f"claim '{review.claim}' is about {about}, and the review names {names}: it applies to none of its findings",
    )


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


def _decide(out: _Reviewed[F], finding: F, entry: ReviewEntry) -> None:
    review = entry.review
    in_matched = finding in out.matched
    (out.matched if in_matched else out.uncertain).remove(finding)
    if review.decision == "not_a_match":
        out.dismissed.append(_copied(finding, review=review))
    elif review.decision == "confirmed":
        out.matched.append(_copied(finding, review=review, status="matched"))
    elif in_matched:  # disputed: a reviewer's doubt is a doubt like any other
        doubt = f"disputed on review by {review.by} ({review.date}): {review.note}"
        out.uncertain.append(
            _copied(finding, review=review, status="uncertain", uncertain_because=(*finding.uncertain_because, doubt))
        )
    else:
        out.uncertain.append(_copied(finding, review=review))


def _copied(finding: F, **update: object) -> F:
    # model_copy gives the finding's own class; mypy reads its Self as the bound's union.
    return cast(F, finding.model_copy(update=update))
