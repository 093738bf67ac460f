"""Verdicts: for each claim, which grouped works fall in its period and match (its findings),
and what they, the uncertain ones and the evidence's coverage make of the claim.

Precision first: a work is a match only where every condition and its date are certain
(TRUE); where any is UNKNOWN it is an uncertain finding, never counted as a match. Silence is
never proof: `not_contradicted` needs evidence that covers the claim's subject and whole period.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .._memo import Memo
from .._text import printable
from ..claims import Claim, ClaimFile, describe, describe_period, not_begun
from ..evidence import Evidence, Snapshot
from ..lists import ListEntry, listed_within, periods_said
from ..results import (
    DIRECT_METHODS,
    AffiliationReason,
    ClaimResult,
    CoverageReport,
    Expectation,
    Finding,
    Period,
    PersonFinding,
    PhraseReason,
    Unaffiliated,
    Verdict,
    WorkRef,
    publication_order,
)
from ..reviews import Reviews
from ..works import PartialDate
from ._conditions import FALSE, TRUE, UNKNOWN, Truth, _CompiledClaim, _Outcome
from ._copies import Unordered
from ._grouping import (
    MOST_NEGATED_TOPICS,
    _ClaimBits,
    _FirstPublished,
    _LightRef,
    _negated_topics,
    _Record,
    _subject_slots,
)
from ._matchers import _ListedHit, _SubjectHit
from ._pairing import Pairing, pair_authors
from ._provenance import _interpretation
from ._reviewing import _apply_reviews, _Kind


@dataclass
class _Tallies:
    """What the groups showed for one claim."""

    matched: list[Finding] = field(default_factory=list)
    uncertain: list[Finding] = field(default_factory=list)
    # By finding's work id: the identities reviews name any record of its work by (ids, DOIs, arXiv ids).
    identities: dict[str, set[str]] = field(default_factory=dict)
    considered: int = 0
    # Among the works considered: coauthorships, those with no affiliation, works holding one.
    coauthorships: int = 0
    unaffiliated: int = 0
    works_with_unaffiliated: int = 0
    # For reviewed claims, by finding's work id: the affiliations of each work whose date may
    # fall outside the period, counted as considered only where a review confirms it.
    date_uncertain: dict[str, _Affiliations | None] = field(default_factory=dict)

    def consider(self, affiliations: _Affiliations | None) -> None:
        """One more work of the subject in the period, with its coauthors."""
        self.considered += 1
        if affiliations is not None:
            self.coauthorships += affiliations.coauthorships
            self.unaffiliated += affiliations.unaffiliated
            self.works_with_unaffiliated += affiliations.unaffiliated > 0

    def consider_confirmed(self, matched: Iterable[Finding]) -> None:
        """A work an analyst confirmed is in the period: considered, as every match is."""
        for f in matched:
            if f.review is not None and f.review.decision == "confirmed" and f.work.id in self.date_uncertain:
                self.consider(self.date_uncertain.pop(f.work.id))


class _Affiliations(NamedTuple):
    coauthorships: int
    unaffiliated: int


def _affiliations(group: list[_Record], claim: int, slot: int) -> _Affiliations | None:
    """A work's coauthors as its fullest version gives them: the one naming the most coauthors
    (a preprint may list fewer), then the fewest of them without an affiliation (a preprint may
    lack the affiliations its journal version has)."""
    if len(group) == 1:  # most works: their one record has the claim's subject (see _sort_groups)
        best = group[0] if group[0].coauthors else None
    else:
        best = min(
            (r for r in group if r.subjects >> claim & 1 and r.coauthors),
            key=lambda r: (-r.coauthors[slot], r.unaffiliated),
            default=None,
        )
    return _Affiliations(best.coauthors[slot], best.unaffiliated) if best is not None else None


def _sort_groups(
    compiled: list[_CompiledClaim],
    groups: Iterable[list[_Record]],
    as_of: dt.date | None,
    reviewed: Set[str],
) -> list[_Tallies]:
    """One pass over the works for every claim: which are in its period, which match. For the
    claims in `reviewed`, each finding keeps the identities reviews name any record of its work
    by: every version in the evidence, not only the records the finding cites (a review of the
    record another claim cites, or that matched before an update, still finds the work)."""
    tallies = [_Tallies() for _ in compiled]
    periods = [(cc.claim.from_, cc.claim.to or as_of) for cc in compiled]
    slots = _subject_slots(compiled)
    by_claim = _negated_topics(compiled)[1]
    for group in groups:
        cite = _Citations()  # a work's hits are its own: what one group cites, no other does
        subjects: _ClaimBits = 0
        for r in group:
            subjects |= r.subjects
        published: _FirstPublished | PartialDate | None
        copies: list[list[_Record]] = []
        undated_copy, last_day = False, None  # copies of unknown order, one of them undated: see below
        if len(group) == 1:  # most works: one record, whose own date is the work's
            published = group[0].published
        elif not any(r.copies for r in group):
            published = _FirstPublished.of([r.published for r in group if r.published])
        else:
            copies = _copy_sets(group)
            published, undated_copy, last_day = _dated_by_copies(group, copies)
        for i, tally in enumerate(tallies):
            if not subjects >> i & 1:
                continue
            date_status: Truth
            date_doubt: str | None
            if undated_copy:
                date_status, date_doubt = _undated_copy_status(last_day, *periods[i])
            else:
                date_status, date_doubt = _date_status(published, *periods[i])
            if date_status == FALSE:
                continue
            if date_status == TRUE:
                tally.consider(_affiliations(group, i, slots[i]))
            states = _negated_states(group, by_claim[i]) if len(group) > 1 and by_claim[i] else ()
            live = [
                (r, _relisted(o, published, as_of))
                for r in group
                if r.outcomes and i in r.outcomes and (o := _of_the_work(r, i, by_claim[i], states)) is not None
            ]
            if not live:
                continue
            best = max(o.status for _, o in live)
            # In the records' order, not the evidence's: the order evidence is given in changes nothing.
            chosen = sorted(((r, o) for r, o in live if o.status == best), key=_cited_order)
            doubts = [date_doubt] if date_status == UNKNOWN and date_doubt else []
            doubts += [d for _, o in chosen for d in o.doubts]
            status = TRUE if min(best, date_status) == TRUE else UNKNOWN
            if copies and (disputed := _copies_disagree(copies, [r for r, _ in chosen], i, periods[i])):
                status, doubts = UNKNOWN, [*doubts, *disputed]
            if disputed := _curated_disagrees(group, chosen, i, compiled[i]):
                status, doubts = UNKNOWN, [*doubts, *disputed]
            finding = _finding(chosen, published, status, doubts, cite)
            if compiled[i].claim.id in reviewed:
                tally.identities[finding.work.id] = {key for r in group if r.named for key in r.named}
                if date_status != TRUE:
                    tally.date_uncertain[finding.work.id] = _affiliations(group, i, slots[i])
            (tally.matched if finding.status == "matched" else tally.uncertain).append(finding)
    return tallies


# --- topics under a `not:`, judged on every version of a work ----------------------------------
#
# A topic is the work's, not one record's: a journal version OpenAlex gives no abstract is about
# what its preprint's abstract says. Each record's test took its own reading of the claim's
# negated topics; where the work's versions together say more, the record's outcome for what
# they say is taken instead (kept by the stream: `_Record.variants`).

# Copies of unknown order of one record disagree on whether it shows the topic, or a version holds
# its words beside words of another sense: the work may or may not be about it, whatever others say.
_DISPUTED = 3


def _negated_states(group: list[_Record], indexes: tuple[int, ...]) -> tuple[int, ...]:
    """What the work's versions together show of each of the claim's negated topics: TRUE where
    one shows it; else _DISPUTED where copies of unknown order of one record differ on it, or
    one may show it (its phrases beside words of another sense); else FALSE where one gives an
    abstract without it; else UNKNOWN. A set of copies of unknown order counts as one version,
    showing the topic or giving an abstract only where every copy does."""
    singles = [r for r in group if not r.copies]
    sets = _copy_sets(group)
    out: list[int] = []
    for j in indexes:
        shown = any(r.shows >> j & 1 for r in singles)
        disputed = any(r.doubted >> j & 1 for r in group)
        absent = any(r.abstract for r in singles)
        for c in sets:
            flags = [r.shows >> j & 1 for r in c]
            if all(flags):
                shown = True
            elif any(flags):
                disputed = True
            elif all(r.abstract for r in c):
                absent = True
        out.append(TRUE if shown else _DISPUTED if disputed else FALSE if absent else UNKNOWN)
    return tuple(out)


def _of_the_work(r: _Record, claim: int, indexes: tuple[int, ...], states: tuple[int, ...]) -> _Outcome | None:
    """The record's outcome for the claim, its negated topics taken as the work's versions
    together show them (`states`); None where it then fails."""
    assert r.outcomes is not None
    base = r.outcomes[claim]
    if not states:
        return base
    own = tuple(r.negated_state(j) for j in indexes)
    wanted = tuple(_together(mine, theirs) for mine, theirs in zip(own, states, strict=True))
    if wanted == own:
        return base
    if r.variants is None or (claim, wanted) not in r.variants:
        doubt = (
            f"other versions of the work say more than this record of the topics the claim must not be about, "
            f"and claimwatch weighs at most {MOST_NEGATED_TOPICS} such topics"
        )
        return _Outcome(UNKNOWN, base.reasons, [*base.doubts, doubt], base.listings)
    return r.variants[(claim, wanted)]


def _together(mine: Truth, theirs: int) -> Truth:
    if TRUE in (mine, theirs):
        return TRUE
    if theirs == _DISPUTED:
        return UNKNOWN
    return FALSE if FALSE in (mine, theirs) else UNKNOWN


class _Citations:
    """What the claims that find one work cite of it, made once and shared: each light hit's
    reason (the list claims share their hits), and the work's reference where two findings give
    it alike. The findings hold frozen models, so sharing them changes no report."""

    def __init__(self) -> None:
        self._made: dict[int, Any] = {}  # reasons, by id(hit): the group's records keep the hits alive
        self._works: list[WorkRef] = []
        self._by_refs: dict[tuple[int, ...], WorkRef] = {}  # by the cited refs' ids, alive as the hits are

    def __call__(self, reason: Any) -> Any:
        if not isinstance(reason, (_SubjectHit, _ListedHit)):
            return reason
        made = self._made.get(id(reason))
        if made is None:
            made = self._made[id(reason)] = reason.reason()
        return made

    def work(self, refs: list[_LightRef], published: _FirstPublished | PartialDate | None) -> WorkRef:
        """The work's reference as findings citing these records give it: made once for them
        (a group has one date, so the records alone decide it), and shared with any other
        finding's equal to it."""
        key = tuple(map(id, refs))
        made = self._by_refs.get(key)
        if made is None:
            made = self._by_refs[key] = self._shared(_work_ref(refs, published))
        return made

    def _shared(self, ref: WorkRef) -> WorkRef:
        for made in self._works:
            if made == ref:
                return made
        self._works.append(ref)
        return ref


# --- copies of one OpenAlex record whose newest cannot be told ----------------------------------
#
# Older copies were set aside before the stream (_copies.py); the copies left together here are
# of unknown order: any may be what the work is now. A claim they answer alike is answered; one
# they differ on is left uncertain, and the work is dated by all of them.

_UNDATED_COPY_DOUBT = "its date is not known: one of its records, any of which may be current, gives none"


def _copy_sets(group: list[_Record]) -> list[list[_Record]]:
    """The group's copies of one record, of unknown order, a list a record."""
    sets: dict[Unordered, list[_Record]] = {}
    for r in group:
        if r.copies:
            sets.setdefault(r.copies, []).append(r)
    return list(sets.values())


def _dated_by_copies(
    group: list[_Record], copies: list[list[_Record]]
) -> tuple[_FirstPublished | None, bool, dt.date | None]:
    """When the work first appeared, where some of its records are copies of unknown order: each
    set of copies stands for one version whose date is any of theirs (from the earliest day of
    any to the latest of any). Where a copy gives no date and another does (the second value),
    the work's first day is not known, only a last one where the other versions give it (the
    third, None where nothing bounds it)."""
    in_sets = {id(r) for c in copies for r in c}
    spans = [(d.earliest, d.latest) for r in group if id(r) not in in_sets and (d := r.published)]
    shown = [r.published for r in group if r.published]
    undated = False
    for c in copies:
        dates = [r.published for r in c]
        known = [d for d in dates if d is not None]
        if not known:
            continue
        if len(known) < len(dates):
            undated = True
            continue
        spans.append((min(d.earliest for d in known), max(d.latest for d in known)))
    published = _FirstPublished(min(e for e, _ in spans), min(last for _, last in spans), min(shown)) if spans else None
    return published, undated, min((last for _, last in spans), default=None) if undated else None


def _undated_copy_status(last: dt.date | None, start: dt.date | None, end: dt.date | None) -> tuple[Truth, str | None]:
    """Where one standing copy gives no date: out of the period only where another version's
    last possible day is before it; else uncertain, unless the claim has no period at all."""
    if start and last is not None and last < start:
        return FALSE, None
    if not start and not end:
        return TRUE, None
    return UNKNOWN, _UNDATED_COPY_DOUBT


def _copies_disagree(
    copies: list[list[_Record]], chosen: list[_Record], claim: int, period: tuple[dt.date | None, dt.date | None]
) -> list[str]:
    """Where the finding rests only on copies of unknown order that the other copies of their id
    contradict for the claim (one is not the subject's, or is dated elsewhere against the period,
    or its outcome differs), why it is uncertain. A record of another id that shows the finding
    itself (a version) keeps it whichever copy is current."""
    disagreeing = {id(r) for c in copies if _differ(c, claim, period) for r in c}
    if not chosen or any(id(r) not in disagreeing for r in chosen):
        return []
    out = []
    for c in copies:
        marker = c[0].copies
        if marker is None or id(c[0]) not in disagreeing or not any(r.copies is marker for r in chosen):
            continue
        where = ", ".join(sorted({r.source for r in c}))
        how = " (in the DOI or arXiv id that would make other records versions of it)" if marker.keys_differ else ""
        out.append(
            f"{marker.id} is given by {marker.standing} records that differ{how} ({where}), and which of them "
            "is current is not known: not every one gives an updated_date, or they were updated the same day"
        )
    return sorted(out)


def _curated_disagrees(
    group: list[_Record], chosen_outcomes: list[tuple[_Record, _Outcome]], claim: int, cc: _CompiledClaim
) -> list[str]:
    """Where the finding rests only on OpenAlex records that a curated version of the work names
    (`openalex: W…`) and reads otherwise, why it is uncertain: the analyst's reading of that
    record's sources and OpenAlex's machine-made affiliations disagree, and which is right is not
    known. The version reads otherwise where it gives no author of the claim's subject; or where
    its authors' affiliations do not meet the claim, its topics taken as the claim needs them
    (the version may lack the abstract that shows one: `_CompiledClaim.by_affiliations`).

    Its authors are paired with the record's by name (`_pairing`), never by place or count: where
    it leaves some of the record's out and names none the record does not (an "et al."), it says
    nothing of them, so nothing against a finding resting on one of them; but it does of those it
    names, and where it names every author the finding rests on (`_rests_on`), it disputes the
    finding as a version naming all the record's authors would, and of those its names may be
    (`_certainly_left_out`); where each names authors the other does not, which is which is not
    known, and that is the doubt. (A curated version that shows what OpenAlex's record does not is a finding
    itself, cited as such: curated evidence contradicts.)"""
    chosen = [r for r, _ in chosen_outcomes]
    if not chosen or any(r.ref is None or r.corrects is not None for r in chosen):
        return []
    if all(c.corrects is None for c in group):
        return []
    shown = {r.ref.id for r in chosen if r.ref is not None}
    record = max((r.ref.authors for r in chosen if r.ref is not None), key=len)
    out = []
    for c in group:
        if c.corrects is None or shown != {c.corrects.openalex_id}:
            continue
        if c.subjects >> claim & 1 and not c.corrects.unmet >> claim & 1:
            continue  # it shows what the record does: nothing disputed, its authors never paired
        pairing = pair_authors(record, c.corrects.authors)
        if pairing.only_in_record and pairing.only_in_version:
            # Not the same authors by name: which of one is which of the other is not known.
            out.append(
                f"{c.corrects.origin} records {c.corrects.openalex_id} as its sources state it, naming "
                f"{_names(pairing.only_in_version)} where OpenAlex's record of it names {_names(pairing.only_in_record)}"
                ": who wrote it, and where they were, is not known"
            )
        elif pairing.only_in_record and not _names_all(_certainly_left_out(pairing), [o for _, o in chosen_outcomes]):
            continue  # a reading that leaves authors of the record out (an "et al.") says nothing of them
        elif not c.subjects >> claim & 1:
            out.append(
                f"{c.corrects.origin} records {c.corrects.openalex_id} as its sources state it, with no author of "
                f"{cc.subject.subject.name}, where OpenAlex's record of it has one: which is right is not known"
            )
        elif c.corrects.unmet >> claim & 1:
            out.append(
                f"{c.corrects.origin} records {c.corrects.openalex_id} as its sources state it, and its authors' "
                "affiliations there do not show what OpenAlex's record of it shows: which is right is not known"
            )
    return sorted(out)


def _certainly_left_out(pairing: Pairing) -> list[str]:
    """The record's authors a curated version certainly does not name: none of its names may be
    theirs (`Pairing.maybe_named`: its "B. Partner", paired with the record's "Bo Partner", may be
    the record's "Bob Partner" the finding rests on)."""
    return [n for n in pairing.only_in_record if n not in pairing.maybe_named]


def _names_all(left_out: Sequence[str], outcomes: list[_Outcome]) -> bool:
    """Whether a curated version leaving `left_out` of the record's authors names every author
    the record's finding rests on (`_rests_on`), so that it speaks of them."""
    rests_on = [_rests_on(o) for o in outcomes]
    return all(names is not None and names.isdisjoint(left_out) for names in rests_on)


def _rests_on(outcome: _Outcome) -> frozenset[str] | None:
    """The names of the authors whose affiliations make a record's finding: the subject's, and
    those at a listed place; its topics aside (a curated version is weighed with them granted).
    None where it rests on more (an absence rests on every author, named or left out)."""
    names: set[str] = set()
    for reason in outcome.reasons:
        if isinstance(reason, (_SubjectHit, _ListedHit)):
            names.add(reason.authorship.name)
        elif not isinstance(reason, PhraseReason):
            return None
    return frozenset(names) if names else None


def _names(names: Sequence[str], most: int = 3) -> str:
    """Authors' names for a doubt, quoted as written (escaped where shown, as any text from evidence is)."""
    shown = ", ".join(f"“{printable(n)}”" for n in names[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")


def _differ(c: list[_Record], claim: int, period: tuple[dt.date | None, dt.date | None]) -> bool:
    """Do the standing copies of one id answer the claim differently? (Every one is in the group:
    each joins it by its id, with or without a subject author.)"""
    marker = c[0].copies
    assert marker is not None
    if marker.keys_differ:
        return True
    seen = {(r.subjects >> claim & 1, _date_status(r.published, *period)[0], _status(r, claim)) for r in c}
    return len(seen) > 1


def _status(r: _Record, claim: int) -> Truth | None:
    outcome = r.outcomes.get(claim) if r.outcomes else None
    return outcome.status if outcome else None


def _date_status(
    published: _FirstPublished | PartialDate | None, start: dt.date | None, end: dt.date | None
) -> tuple[Truth, str | None]:
    """Inside the claim's period (TRUE), outside (FALSE), or straddling a boundary (UNKNOWN, with
    the doubt a finding reports)."""
    if published is None:
        return UNKNOWN, "the work has no publication date"
    if (start and published.latest < start) or (end and published.earliest > end):
        return FALSE, None
    if start and published.earliest < start:
        return UNKNOWN, f"its date {published.describe()} may fall before {start}"
    if end and published.latest > end:
        return UNKNOWN, f"its date {published.describe()} may fall after {end}"
    return TRUE, None


def _listed_then(entry: ListEntry, published: _FirstPublished | PartialDate) -> bool:
    """Was an entry counted as listed before one version's date listed all through the work's
    first publication: listed on or before its first possible day, or, listed in several
    periods, inside one of them."""
    if entry.several_listings:
        return listed_within(entry.listings, published.earliest, published.latest)[0] is True
    return entry.listed_from is not None and entry.listed_from <= published.earliest


def _relisted(
    outcome: _Outcome, published: _FirstPublished | PartialDate | None, as_of: dt.date | None = None
) -> _Outcome:
    """An outcome judged `listed before publication` against one version's date, judged again
    against the work's first publication: where an entry may have been listed after it, the
    work is uncertain (never a match that rests on the wrong version's date). The entry's periods
    are said against `as_of`, the run's as-of day (`periods_said`)."""
    if published is None or not outcome.listings:
        return outcome
    late = [e for e in outcome.listings if not _listed_then(e, published)]
    if not late or outcome.status != TRUE:
        return outcome
    doubts = [
        f"{e.name} was listed {periods_said(e.listings, as_of)}, and an earlier version of the work appeared {published}"
        if e.several_listings
        else f"{e.name} was listed on {e.listed_from}, and an earlier version of the work appeared {published}"
        for e in late
    ]
    return _Outcome(UNKNOWN, outcome.reasons, [*outcome.doubts, *doubts], outcome.listings)


def _judge(
    cc: _CompiledClaim,
    tally: _Tallies,
    evidence: Sequence[Evidence],
    as_of: dt.date | None,
    reviews: Reviews | None = None,
) -> ClaimResult:
    claim = cc.claim
    end = claim.to or as_of
    identities = tally.identities
    works = _Kind[Finding](
        False, lambda f: f.work.id, lambda f: identities.get(f.work.id, ()), lambda f: f"{f.work.id}, {f.work.title}"
    )
    reviewed = _apply_reviews(
        reviews.of_claim(claim.id) if reviews else [],
        tally.matched,
        tally.uncertain,
        works,
        as_of,
        merged_works(evidence) if reviews else None,
    )
    tally.consider_confirmed(reviewed.matched)
    matched = sorted(reviewed.matched, key=_finding_order)
    uncertain = sorted(reviewed.uncertain, key=_finding_order)
    dismissed = sorted(reviewed.dismissed, key=_finding_order)
    coverage = _with_empty_lists(_coverage(claim, evidence, end, tally.considered), claim, cc.file)
    unaffiliated = _unaffiliated(claim, tally)
    verdict, why = _unbegun_verdict(claim, end, matched, uncertain, coverage) or _verdict(
        claim, tally.considered, coverage, unaffiliated, matched, uncertain
    )
    why += _reviews_note(matched, uncertain, dismissed, reviewed.lapsed)
    return ClaimResult(
        claim=claim.id,
        says=claim.says,
        sentence=describe(claim, cc.file),
        claims_file=cc.file.path,
        subject=claim.subject.name,
        period=Period(
            from_=str(claim.from_) if claim.from_ else None,
            to=str(claim.to) if claim.to else None,
            assessed_to=str(end) if end else None,
        ),
        expects=Expectation(kind=claim.expects.kind, count=claim.expects.count),
        verdict=verdict,
        why=why,
        matched=len(matched),
        uncertain=len(uncertain),
        works_considered=tally.considered,
        coverage=coverage,
        unaffiliated=unaffiliated,
        findings=tuple(matched),
        uncertain_findings=tuple(uncertain),
        dismissed=tuple(dismissed),
        lapsed_reviews=tuple(reviewed.lapsed),
        interpretation=_interpretation(cc),
    )


def merged_works(evidence: Sequence[Evidence]) -> dict[str, str]:
    """The work ids OpenAlex merged into others, as the snapshots among the evidence record them."""
    return {k: v for e in evidence if isinstance(e, Snapshot) for k, v in e.merged_works.items()}


def _begins_after_as_of(claim: Claim, end: dt.date | None) -> CoverageReport | None:
    """Where the claim's period begins after the run's as-of day (claims about works and about
    people alike): no evidence can cover it, whatever it declares, and that is the first reason."""
    if end is not None and claim.from_ and end < claim.from_:
        return CoverageReport(complete=False, why=not_begun(claim.from_, end))
    return None


def _unbegun_verdict(
    claim: Claim, end: dt.date | None, matched: Sequence[object], uncertain: Sequence[object], coverage: CoverageReport
) -> tuple[Verdict, str] | None:
    """A period that begins after the as-of day was never searched: its reason is the coverage's
    alone, not "no work matches among the evidence, which holds none in the period" first."""
    if matched or uncertain or _begins_after_as_of(claim, end) is None:
        return None
    return "insufficient_evidence", f"{coverage.why[:1].upper()}{coverage.why[1:]}."


# An open-ended period with no day the evidence was current: no evidence can cover it either.
_NO_AS_OF = CoverageReport(
    complete=False, why="the claim's period is open-ended and no evidence says when it was retrieved"
)


def _reviews_note(
    matched: Sequence[Finding | PersonFinding],
    uncertain: Sequence[Finding | PersonFinding],
    dismissed: Sequence[Finding | PersonFinding],
    lapsed: Sequence[object],
) -> str:
    """What reviews did to the verdict, in a sentence after its reason; empty where none applied.
    A claim about people counts persons."""
    about_people = any(isinstance(f, PersonFinding) for f in (*matched, *uncertain, *dismissed))
    _findings = _people_count if about_people else _findings_count
    parts = []
    if dismissed:
        parts.append(f"{_findings(len(dismissed))} set aside on review as not a match ({_cite_reviewed(dismissed)})")
    # Who was confirmed or disputed, by whom and why, as for those set aside: a verdict that
    # turns on a review says so wherever only its reason is shown (ClaimReview, the terminal).
    confirmed = [f for f in matched if f.review is not None and f.review.decision == "confirmed"]
    if confirmed:
        parts.append(f"{_findings(len(confirmed))} confirmed on review ({_cite_reviewed(confirmed)})")
    # A person confirmed who may be one counted already stays uncertain (people `_confirmed_yet_maybe_one`).
    held = [f for f in uncertain if f.review is not None and f.review.decision == "confirmed"]
    if held:
        parts.append(
            f"{_findings(len(held))} confirmed on review, counted as uncertain as one that may be a person counted "
            f"already ({_cite_reviewed(held)})"
        )
    disputed = [f for f in (*matched, *uncertain) if f.review is not None and f.review.decision == "disputed"]
    if disputed:
        parts.append(
            f"{_findings(len(disputed))} disputed on review, counted as uncertain ({_cite_reviewed(disputed)})"
        )
    if lapsed:
        parts.append(f"{len(lapsed)} {'review' if len(lapsed) == 1 else 'reviews'} not applied (see the reviews)")
    return f" Reviews: {'; '.join(parts)}." if parts else ""


def _cite_reviewed(findings: Sequence[Finding | PersonFinding], limit: int = 3) -> str:
    parts = [
        f"{_named(f)}, by {_short_title(f.review.by, 80)} on {f.review.date}: {_short_title(f.review.note, 200)}"
        for f in findings[:limit]
        if f.review is not None
    ]
    more = len(findings) - limit
    return "; ".join(parts) + (f"; and {more} more" if more > 0 else "")


def _named(f: Finding | PersonFinding) -> str:
    """A work by its title in quotes; a person by their name and id."""
    if isinstance(f, PersonFinding):
        return f"{_short_title(f.name)} ({f.id})"
    return f"\u201c{_short_title(f.work.title)}\u201d"


def _findings_count(n: int) -> str:
    return f"{n} finding" if n == 1 else f"{n} findings"


def _people_count(n: int) -> str:
    return f"{n} person" if n == 1 else f"{n} people"


def _other_identities(refs: list[Any], doi: str | None, arxiv: str | None) -> tuple[str, ...]:
    """The DOIs and arXiv ids of the cited records beside the ones the work is shown by, so
    that a later run's report can be matched to this one's (`claimwatch diff`)."""
    shown = {f"doi:{doi}", f"arxiv:{arxiv}"}
    found = {f"doi:{x.doi}" for x in refs if x.doi} | {f"arxiv:{x.arxiv}" for x in refs if x.arxiv}
    return tuple(sorted(found - shown))


def _finding(
    chosen: list[tuple[_Record, _Outcome]],
    published: _FirstPublished | PartialDate | None,
    status: Truth,
    doubts: list[str],
    cite: _Citations,
) -> Finding:
    refs = [r.ref for r, _ in chosen if r.ref is not None]  # every record with an outcome has one
    reasons = list(dict.fromkeys(cite(reason) for _, o in chosen for reason in o.reasons))
    inferred = any(isinstance(x, AffiliationReason) and x.method not in DIRECT_METHODS for x in reasons)
    return Finding(
        work=cite.work(refs, published),
        status="matched" if status == TRUE else "uncertain",
        strength="inferred" if inferred else "direct",
        reasons=tuple(reasons),
        uncertain_because=tuple(dict.fromkeys(doubts)),
        dual_affiliation_only=_dual_affiliation_only(reasons),
    )


def _work_ref(refs: list[_LightRef], published: _FirstPublished | PartialDate | None) -> WorkRef:
    """The work as findings citing these records show it: by its lead record (the smallest
    OpenAlex id), with what the others add."""
    openalex = [x for x in refs if x.id.startswith("W")]
    lead = min(openalex or refs, key=lambda x: _natural(x.id))
    doi = lead.doi or next((x.doi for x in refs if x.doi), None)
    arxiv = lead.arxiv or next((x.arxiv for x in refs if x.arxiv), None)
    return WorkRef(
        id=lead.id,
        title=lead.title,
        doi=doi,
        arxiv=arxiv,
        url=lead.url or next((x.url for x in refs if x.url), None),
        publication_date=str(published) if published else None,
        is_retracted=any(x.is_retracted for x in refs),
        versions=tuple(dict.fromkeys(x.version for x in refs if x.version)),
        records=tuple(dict.fromkeys(x.origin for x in refs)),
        also=_other_identities(refs, doi, arxiv),
    )


def _dual_affiliation_only(reasons: list) -> bool:
    """Does the finding rest only on authors who are the subject's as well as at a listed
    institution? Such a work shows one person with two affiliations, which a reader weighs
    differently from a coauthor at the listed institution."""
    affiliations = [r for r in reasons if isinstance(r, AffiliationReason)]
    listed = {r.author_position for r in affiliations if r.kind == "listed_author"}
    subject = {r.author_position for r in affiliations if r.kind == "subject_author"}
    return bool(listed) and listed <= subject


def _cited_order(chosen: tuple[_Record, _Outcome]) -> tuple[str, int]:
    """A cited record's place: its file, then its line (`path:line`; every cited record has one)."""
    ref = chosen[0].ref
    assert ref is not None
    path, _, line = ref.origin.rpartition(":")
    return (path, int(line)) if line.isdigit() else (ref.origin, 0)


def _finding_order(f: Finding) -> tuple[str, tuple]:
    return (publication_order(f.work.publication_date), _natural(f.work.id))


@functools.lru_cache(maxsize=1 << 16)
def _natural(identifier: str) -> tuple:
    """W9 before W10: ids compare by their numbers, not their spelling."""
    simple = _LETTERS_DIGITS.fullmatch(identifier)
    if simple:  # an OpenAlex id: what the split below gives it, without splitting
        return (simple[1], int(simple[2]), "")
    # A run of digits too long to be an id's number stays text: int() of thousands of digits is slow.
    return tuple(int(p) if p.isdigit() and len(p) < 100 else p for p in re.split(r"(\d+)", identifier))


_LETTERS_DIGITS = re.compile(r"([^\W\d_]+)([0-9]{1,99})")


def _with_empty_lists(coverage: CoverageReport, claim: Claim, file: ClaimFile) -> CoverageReport:
    """A list with no entries (an import whose --source or --country kept none) can place no one
    at a listed institution, so finding no one there shows nothing: a claim naming one is never
    covered completely, whatever the evidence, and its reason says which list is empty."""
    empty = [i for i in claim.list_ids() if i in file.lists and not file.lists[i].entries]
    if not empty:
        return coverage
    named = ", ".join(f"'{i}'" for i in empty)
    said = (
        f"the list {named} holds no entries, so it can show no listed institution"
        if len(empty) == 1
        else f"the lists {named} hold no entries, so they can show no listed institution"
    )
    why = said if coverage.complete else f"{coverage.why}; and {said}"
    return CoverageReport(complete=False, why=why, sources=coverage.sources)


def _coverage(claim: Claim, evidence: Sequence[Evidence], end: dt.date | None, considered: int) -> CoverageReport:
    if (late := _begins_after_as_of(claim, end)) is not None:  # before all else, a subject with no id too
        return late
    ids = claim.subject.openalex
    if not ids:
        return CoverageReport(
            complete=False, why=f"{claim.subject.name} has no OpenAlex id, so no snapshot can cover it"
        )
    if not any(e.coverage.complete for e in evidence):
        kinds = sorted({e.kind for e in evidence})
        return CoverageReport(
            complete=False,
            why=(
                f"no evidence covers {claim.subject.name} completely (the evidence is {', '.join(kinds)}"
                + (
                    ", a selection of works, never complete"
                    if kinds == ["curated"]
                    else ", with no complete coverage declared"
                )
                + ")"
            ),
        )
    if end is None:
        return _NO_AS_OF
    covering = [e for e in evidence if e.coverage.holds(ids, claim.from_, end, e.retrieved)]
    sources = tuple(e.path for e in covering)
    period = describe_period(claim.from_, end)
    if (
        covering
        and all(e.coverage.subject_works is None for e in covering)
        and not _any_holds(covering, ids, considered, claim.from_, end)
    ):
        # Made before claimwatch counted the subject's works: an import declared complete for a
        # subject it holds nothing of would certify absence. Silence from such evidence is no proof.
        return CoverageReport(
            complete=False,
            why=(
                f"{', '.join(sources)} declares every work of {claim.subject.name} ({', '.join(ids)}) but holds "
                f"none published {period}, and was made before claimwatch checked that a declared subject's "
                "works are there: import or collect it again (with --subject-may-be-empty where the subject "
                "truly has none)"
            ),
        )
    if covering and considered and all(_holds_none(e, ids, claim.from_, end) for e in covering):
        # Confirmed to hold none of the subject's works (--subject-may-be-empty), while the run
        # considered some (from other evidence, or placed by the subject's name where OpenAlex
        # gave no id): the confirmation does not stand, nor the silence.
        return CoverageReport(
            complete=False,
            why=(
                f"{', '.join(sources)} declares every work of {claim.subject.name} ({', '.join(ids)}) and holds "
                f"none, confirmed as empty, yet the evidence holds {_count(considered).lower()} by "
                f"{claim.subject.name} published {period}: that the subject has none does not stand, so silence "
                "from it is no proof"
            ),
        )
    if sources:
        return CoverageReport(
            complete=True,
            sources=sources,
            why=(
                f"{', '.join(sources)} holds every work OpenAlex attributes to {claim.subject.name} "
                f"({', '.join(ids)}) published {period}{_within_limits(covering)}"
            ),
        )
    declared = [e for e in evidence if e.coverage.complete]
    held = "; ".join(f"{e.path} covers {', '.join(e.coverage.institutions)} {_held_period(e)}" for e in declared)
    return CoverageReport(
        complete=False, why=f"no evidence covers {claim.subject.name} ({', '.join(ids)}) {period}: {held}"
    )


def _any_holds(
    covering: list[Evidence], ids: Sequence[str], considered: int, start: dt.date | None, end: dt.date
) -> bool:
    """Does any of the covering evidence hold a work of the subject published in the period? The
    works considered may all be another's (a curated paper of the subject beside a snapshot that
    holds none of its works), so each covering piece is asked itself, up to its first such work."""
    return bool(considered) and any(_holds_a_work_of(e, set(ids), start, end) for e in covering)


def _holds_none(evidence: Evidence, ids: Sequence[str], start: dt.date | None, end: dt.date) -> bool:
    """Does the evidence hold no work of the subject (of none of `ids`)? Its counts say where it
    has them (`subject_works`, over its declared period, which holds the claim's); one made
    before subjects were counted is read for a work in the period."""
    held = evidence.coverage.subject_works
    if held is None:
        return not _holds_a_work_of(evidence, set(ids), start, end)
    return not any(held.get(i) for i in ids)


def _holds_a_work_of(evidence: Evidence, ids: set[str], start: dt.date | None, end: dt.date) -> bool:
    """Does the evidence hold a work of the subject certainly in the period? Read up to the first
    such work, once for each subject and period (`_HELD`)."""
    key = (evidence.kind, evidence.path, evidence.sha256, frozenset(ids), start, end)
    if (held := _HELD.get(key)) is None:
        held = any(
            _date_status(w.published, start, end)[0] == TRUE and any(a.institution_ids & ids for a in w.authorships)
            for w in evidence.works()
        )
        _HELD.keep(key, held)
    return held


# What `_holds_a_work_of` found, by the evidence's kind, path and sha256 (which fixes its
# records), the subject's ids and the period. An old snapshot is asked by every claim about its
# subjects, twice (made before subjects were counted, and confirmed empty): reading it each time,
# a run on a snapshot of 100,000 works whose subject's works come last took 48 s for 8 claims,
# where it took 2 s before it was asked.
_HELD: Memo[tuple[str, str, str, frozenset[str], dt.date | None, dt.date], bool] = Memo(1024)


def _within_limits(covering: list[Evidence]) -> str:
    """The limits the covering evidence's coverage records, as a clause: a collect's coverage says
    OpenAlex's filters see only a work's first 100 authorships, which "every work" alone would
    leave out (found by the twenty-first part's hunt)."""
    limits = sorted({e.coverage.note for e in covering if e.coverage.note})
    return f", within the limits its coverage records: {'; '.join(limits)}" if limits else ""


def _unaffiliated(claim: Claim, tally: _Tallies) -> Unaffiliated | None:
    if not claim.is_about_coauthors:
        return None
    return Unaffiliated(
        works=tally.considered,
        works_with_unaffiliated=tally.works_with_unaffiliated,
        coauthorships=tally.coauthorships,
        unaffiliated=tally.unaffiliated,
        tolerated=claim.max_unaffiliated,
    )


def _blind_spot(claim: Claim, unaffiliated: Unaffiliated | None) -> str:
    """What the record cannot show, as a clause; empty where the claim is not about coauthors."""
    if unaffiliated is None or not unaffiliated.coauthorships:
        return ""
    u = unaffiliated
    return (
        f"{u.unaffiliated} of the {u.coauthorships} coauthorships on {claim.subject.name}'s works in the period "
        f"({u.share_percent}, on {_count(u.works_with_unaffiliated).lower()}) carry no affiliation at all"
    )


def _held_period(e: Evidence) -> str:
    """The period evidence covers; an open end with no known as-of covers no open-ended claim."""
    if e.coverage.to is None and e.retrieved is None:
        start = f"from {e.coverage.from_} " if e.coverage.from_ else ""
        return f"{start}up to a day it does not record (when its records were current is not known)"
    if e.coverage.to and e.retrieved and e.retrieved < e.coverage.to:
        return (
            f"{describe_period(e.coverage.from_, e.retrieved)} (declared to {e.coverage.to}, but its records "
            f"were current on {e.retrieved}: works published or attributed since may be missing)"
        )
    return describe_period(e.coverage.from_, e.coverage.to or e.retrieved)


def _verdict(
    claim: Claim,
    considered: int,
    coverage: CoverageReport,
    unaffiliated: Unaffiliated | None,
    matched: list[Finding],
    uncertain: list[Finding],
) -> tuple[Verdict, str]:
    # A coauthor with no affiliation could be at a listed institution: absence is shown only
    # where few enough are (the claim's max_unaffiliated), and the share is always stated.
    blind = _blind_spot(claim, unaffiliated)
    if unaffiliated is not None and not unaffiliated.within_tolerance:
        hidden = (
            f"{blind}, more than the {unaffiliated.tolerated_percent} the claim tolerates (max_unaffiliated), "
            "so the record cannot show where they are"
        )
        why = hidden if coverage.complete else f"{coverage.why}; and {hidden}"
        coverage = CoverageReport(complete=False, why=why, sources=coverage.sources)
    elif blind:
        coverage = coverage.model_copy(
            update={"why": f"{coverage.why}; {blind}, within the {unaffiliated.tolerated_percent} tolerated"}  # type: ignore[union-attr]
        )
    pool = (
        f"the {_count(considered)} by {claim.subject.name} in the period"
        if considered
        else f"the evidence, which holds no work by {claim.subject.name} in the period"
    )
    return verdict_reason(claim.expects.kind, claim.expects.count, matched, uncertain, coverage, pool, _WORKS)


@dataclass(frozen=True)
class Wording:
    """How a verdict's reason names what a claim counts (works, or people) and cites them: the
    one thing in which the works' and the people's reasons differ. `verdict_reason` gives both."""

    one: str  # "work"
    many: str  # "works"
    none: str  # "No works": the count 0 ("No works of the 2 the claim says were found")
    none_match: str  # "No works match", "No one matches"
    nobody: str  # "No work", before a singular verb ("No work matches among ...")
    cite: Callable[[Sequence[Any]], str]  # the findings, as a clause
    cite_doubted: Callable[[Sequence[Any]], str]  # the uncertain ones, each with its first doubt
    notes: Callable[[Sequence[Any]], str]  # what is said of the findings cited after them, or ""
    after_dot: bool = False  # the notes are sentences of their own, after the full stop
    silence: str = ""  # said after a clearance: what finding nothing cannot show

    def count(self, n: int) -> str:
        """'1 work', '2 works', 'No works'."""
        return f"1 {self.one}" if n == 1 else f"{n} {self.many}" if n else self.none

    def matching(self, n: int) -> str:
        """'1 work matches', '2 people match', 'No works match', 'No one matches'."""
        if not n:
            return self.none_match
        return f"{self.count(n)} {'matches' if n == 1 else 'match'}"

    def cited(self, findings: Sequence[Any], *, doubted: bool = False) -> str:
        """The findings cited, ending the sentence: '“Title” (2024-06-01).' with the notes."""
        text = self.cite_doubted(findings) if doubted else self.cite(findings)
        notes = self.notes(findings)
        return f"{text}.{notes}" if self.after_dot else f"{text}{notes}."


def verdict_reason(
    kind: str,
    count: int,
    matched: Sequence[Any],
    uncertain: Sequence[Any],
    coverage: CoverageReport,
    pool: str,
    words: Wording,
) -> tuple[Verdict, str]:
    """The verdict on `matched` certain and `uncertain` possible findings against what the claim
    expects (docs/evaluation.md's table), and why, in one sentence: the one rule for claims about
    works and about people, so the two never decide or say one verdict differently. `pool` is
    what nothing was found among ("the 4 works by Example Lab in the period")."""
    n, u = len(matched), len(uncertain)
    matching = words.matching(n)
    maybe = f"; {u} more might ({words.cite_doubted(uncertain)})" if u else ""
    if kind == "none":
        if n:
            return "contradicted", f"{matching} although the claim expects none: {words.cited(matched)}"
        if u:
            return "insufficient_evidence", (
                f"{words.nobody} certainly matches, but {words.count(u).lower()} might: "
                f"{words.cited(uncertain, doubted=True)}"
            )
        if coverage.complete:
            return "not_contradicted", f"{words.nobody} matches among {pool}, and {coverage.why}.{words.silence}"
        return "insufficient_evidence", f"{words.nobody} matches among {pool}, but {coverage.why}."
    if kind == "at_most":
        if n > count:
            return "contradicted", f"{matching}; the claim allows at most {count}: {words.cited(matched)}"
        if n + u > count:
            return "insufficient_evidence", f"{matching}, within the {count} allowed{maybe}."
        if coverage.complete:
            return "not_contradicted", f"{matching}, within the {count} allowed, and {coverage.why}.{words.silence}"
        return "insufficient_evidence", f"{matching}, within the {count} allowed, but {coverage.why}."
    # at_least
    if n >= count:
        return "supported", f"{matching}; the claim says at least {count}: {words.cited(matched)}"
    if coverage.complete and n + u < count:
        few = f"Only {matching.lower()}" if n else f"{words.nobody} matches"
        return "contradicted", f"{few}, fewer than the {count} the claim says, and {coverage.why}.{words.silence}"
    found = words.count(n)
    if coverage.complete:
        return "insufficient_evidence", f"{found} of the {count} the claim says were found{maybe}."
    return "insufficient_evidence", f"{found} of the {count} the claim says were found{maybe}, but {coverage.why}."


def _dual_note(findings: Sequence[Finding]) -> str:
    """Said where every finding rests on people who hold the subject's and a listed affiliation."""
    if findings and all(f.dual_affiliation_only for f in findings):
        one = len(findings) == 1
        return (
            f" ({'it rests' if one else 'each rests'} only on an author who holds both the subject's and a listed "
            "affiliation, not on a coauthor elsewhere)"
        )
    return ""


def _count(n: int) -> str:
    return f"{n} work" if n == 1 else f"{n} works" if n else "No works"


def _cite(findings: Sequence[Finding], *, limit: int = 3, with_doubt: bool = False) -> str:
    parts = []
    for f in findings[:limit]:
        doubt = f", {f.uncertain_because[0]}" if with_doubt and f.uncertain_because else ""
        retracted = ", retracted" if f.work.is_retracted else ""  # still the record; the reader should know
        parts.append(
            f"\u201c{_short_title(f.work.title)}\u201d ({f.work.publication_date or 'undated'}{retracted}{doubt})"
        )
    more = len(findings) - limit
    return "; ".join(parts) + (f"; and {more} more" if more > 0 else "")


def _short_title(title: str, limit: int = 90) -> str:
    title = " ".join(title.split())
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "\u2026"


_WORKS = Wording(
    one="work",
    many="works",
    none="No works",
    none_match="No works match",
    nobody="No work",
    cite=lambda findings: _cite(findings),
    cite_doubted=lambda findings: _cite(findings, with_doubt=True),
    notes=lambda findings: _dual_note(findings),
)
"""A claim about works: its findings cited by title and date, marked where each rests only on
an author holding both affiliations."""
