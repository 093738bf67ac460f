"""A person's finding, a claim's verdict and its coverage."""

from __future__ import annotations

import datetime as dt
import heapq
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from ..._text import printable
from ...claims import Claim, describe, describe_period
from ...evidence import Evidence
from ...people import NAME_SUFFIXES, PUBLICATION_YEARS, UNNAMED
from ...results import (
    DIRECT_METHODS,
    ClaimResult,
    CoverageReport,
    Expectation,
    InstitutionRef,
    Interpretation,
    Period,
    PersonFinding,
    Placement,
    Review,
    Verdict,
)
from ...reviews import ReviewEntry, Reviews, curated_file_names, person_keys
from ...works import READ_AS_HYPHENS, dotted_i, has_invisible, read_through_invisible
from .._conditions import TRUE
from .._matchers import _entry_ref
from .._names import in_base_letters
from .._reviewing import _apply_reviews, _Kind, _Reviewed
from .._verdicts import (
    _NO_AS_OF,
    Wording,
    _begins_after_as_of,
    _reviews_note,
    _unbegun_verdict,
    _with_empty_lists,
    verdict_reason,
)
from ._persons import _PeopleClaim, _Person, _Place
from ._works import _natural, _openalex_ids, _Wanted
from ._years import _basis, _Outcome, _years

WORKS_CITED = 3  # per placement: the earliest few; the rest are counted
PEOPLE_CITED = 3  # in a verdict's sentence


def _placement(p: _Place, outcome: _Outcome, wanted: _Wanted | None, own: set[int]) -> Placement:
    inst = p.affiliation.institution
    doubt = p.doubt
    if id(p.record) not in own:  # a namesake's (`_with_namesakes`): said, since it may not be theirs
        theirs = f"{_namesakes(p)}, which may not be theirs"
        doubt = f"{theirs}; {doubt}" if doubt else theirs
    works = (
        sorted(wanted.found.values(), key=lambda w: (w.publication_date or "9999", _natural(w.id))) if wanted else []
    )
    return Placement(
        institution=InstitutionRef(id=inst.id, name=inst.name or inst.id or "", ror=inst.ror),
        country=inst.country,
        years=p.years,
        years_unread=p.affiliation.unread,
        years_basis=p.record.years_basis,
        role=p.affiliation.role,
        method=p.method,
        matched_text=p.matched_text,
        matched_name=p.name.name if p.name else None,
        entry=_entry_ref(p.hit) if p.hit else None,
        listed_before=outcome.listed_before.get(id(p)),
        record=str(p.record.origin),
        doubt=doubt,
        works=tuple(works[:WORKS_CITED]),
        more_works=max(0, len(works) - WORKS_CITED),
    )


def _finding(person: _Person, outcome: _Outcome, pc: _PeopleClaim, wanted: dict[int, _Wanted]) -> PersonFinding:
    ids = _openalex_ids(person)
    lead = next((r for r in person.records if r.openalex_id == (ids[0] if ids else None)), person.records[0])
    orcids = sorted({r.orcid for r in person.records if r.orcid})
    cited = [*outcome.at_subject, *outcome.at_listed]
    own = {id(r) for r in person.records}
    return PersonFinding(
        id=ids[0] if ids else lead.id,
        openalex_id=ids[0] if ids else None,
        other_openalex_ids=tuple(ids[1:]),
        orcid=orcids[0] if orcids else None,
        name=lead.name,
        records=tuple(dict.fromkeys(str(r.origin) for r in person.records)),
        status="matched" if outcome.status == TRUE else "uncertain",
        strength="direct" if all(p.method in DIRECT_METHODS for p in cited) else "inferred",
        first_year_at_subject=outcome.first,
        shared_years=tuple(outcome.shared),
        shows=_shows(outcome, pc, own),
        at_subject=tuple(_placement(p, outcome, wanted.get(id(p)), own) for p in outcome.at_subject),
        at_listed=tuple(_placement(p, outcome, wanted.get(id(p)), own) for p in outcome.at_listed),
        uncertain_because=tuple(dict.fromkeys(outcome.doubts)) if outcome.status != TRUE else (),
    )


def _shows(outcome: _Outcome, pc: _PeopleClaim, own: set[int]) -> str:
    """What the records show, in one sentence: 'at Beihang University in 2019–2021, then first at
    Microsoft Research Asia in 2023, by publication years'; a placement by a namesake's record
    (`_with_namesakes`) said to be one: 'a namesake's record (A1) at Beihang University in ...'."""
    subject = pc.claim.subject.name

    def at(p: _Place, where: str) -> str:
        return f"at {where}" if id(p.record) in own else f"{_namesakes(p)} at {where}"

    bases = sorted({_basis(p.record) for p in (*outcome.at_subject, *outcome.at_listed)})
    # copies of a record in two snapshots: once
    listed = "; ".join(dict.fromkeys(at(p, _in_years(p)) for p in outcome.at_listed))
    if pc.cond.joined_from:
        first = f"first at {subject} in {outcome.first}" if outcome.first else f"at {subject} in no certain year"
        giving = [p for p in outcome.at_subject if outcome.first in p.years]
        if giving and all(id(p.record) not in own for p in giving):  # a namesake's year there, before the period
            first = f"{_namesakes(giving[0])} {first}"
        text = f"{listed}, {'then ' if outcome.status == TRUE else ''}{first}" if listed else first
    elif outcome.shared:
        places = " and ".join(dict.fromkeys(at(p, p.label) for p in outcome.at_listed))
        text = f"at {subject} and {places}, both in {_years(outcome.shared)}"
    else:  # a listed place only works show (`_both_in_works`) is in the doubts
        text = "; ".join(dict.fromkeys(at(p, _in_years(p)) for p in outcome.at_subject)) + (
            f"; {listed}" if listed else ""
        )
    return f"{text}, by {' and '.join(bases)}"


def _in_years(p: _Place) -> str:
    return f"{p.label} in {_years(p.years)}" if p.years else f"{p.label}, with no years"


def _namesakes(p: _Place) -> str:
    return f"a namesake's record ({p.record.id})"


# --- verdicts ---------------------------------------------------------------------------------


def _people_count(n: int) -> str:
    return "1 person" if n == 1 else f"{n} people" if n else "No one"


def _cite(findings: Sequence[PersonFinding], *, with_doubt: bool = False) -> str:
    parts = []
    for f in findings[:PEOPLE_CITED]:
        doubt = f"; {f.uncertain_because[0]}" if with_doubt and f.uncertain_because else ""
        parts.append(f"{f.name} ({f.id}: {f.shows}{doubt})")
    more = len(findings) - PEOPLE_CITED
    return "; ".join(parts) + (f"; and {more} more" if more > 0 else "")


def _years_note(findings: Sequence[PersonFinding]) -> str:
    """What the years cited are, once per sentence."""
    bases = {p.years_basis for f in findings for p in (*f.at_subject, *f.at_listed)}
    if bases == {PUBLICATION_YEARS}:
        return " The years are publication years (of works stating the institution), not employment dates."
    if PUBLICATION_YEARS in bases:
        return (
            " The years are publication years (of works stating the institution), not employment dates, except "
            "where a curated history gives the years its sources state."
        )
    return " The years are those the curated histories' sources state." if bases else ""


_SILENCE = (
    " A person shows in the records only through works that state the institution: one who published nothing "
    "there, or whose works OpenAlex did not resolve to it, does not; nor does a past OpenAlex filed under another "
    "author record (it splits some people who move), unless that record is in the evidence and bears the same "
    "name written out in full, in either order."
)


def _verdict(
    claim: Claim,
    matched: list[PersonFinding],
    uncertain: list[PersonFinding],
    considered: tuple[int, int, int, int],
    read: int,
    coverage: CoverageReport,
) -> tuple[Verdict, str]:
    """The works verdict (`verdict_reason`), counting persons; `considered` is how many the
    records place at the subject in the period, how many of those only at a time they do not
    say, how many are curated histories that may be another of them (`_bearing_a_name`), and how
    many OpenAlex records that may be another of them split off (`_split_alike`)."""
    if not read:
        return "insufficient_evidence", f"No one can be checked: {coverage.why}."
    subject = claim.subject.name
    placed, undated, alike, split = considered
    if placed:
        pool = f"the {_people_count(placed).lower()} whose records place them at {subject} in the period"
        said = []
        if undated:  # a year ahead of the record, or none: `_Place.when_unknown`
            said.append(f"{undated} of them only at a time the records do not say")
        if alike:
            said.append(
                f"{alike} of them a curated history with no OpenAlex author id nor ORCID iD bearing the name "
                "of another of them, who may be the same person"
            )
        if split:
            said.append(
                f"{split} of them an OpenAlex author record bearing the name of another of them with no two ORCID iDs "
                "to tell them apart, which may be the same person OpenAlex holds as two records"
            )
        pool += f" ({'; '.join(said)})" if said else ""
    else:
        pool = f"the evidence's author records, none of which places anyone at {subject} in the period"
    return verdict_reason(claim.expects.kind, claim.expects.count, matched, uncertain, coverage, pool, _PEOPLE)


_PEOPLE = Wording(
    one="person",
    many="people",
    none="No one",
    none_match="No one matches",
    nobody="No one",
    cite=lambda findings: _cite(findings),
    cite_doubted=lambda findings: _cite(findings, with_doubt=True),
    notes=lambda findings: _years_note(findings),
    after_dot=True,
    silence=_SILENCE,
)
"""A claim about people: each person cited by name, id and what the records show, and what their
years are, once."""


def _coverage(
    claim: Claim, evidence: Sequence[Evidence], end: dt.date | None, read: int, unrecorded: int = 0
) -> CoverageReport:
    """Whether the evidence holds the record of every author on the subject's works in the period,
    each record placing them where the works do (`unrecorded` counts those whose record does
    not): only then can finding no one count."""
    name, ids = claim.subject.name, claim.subject.openalex
    if not read:
        return CoverageReport(
            complete=False,
            why=(
                "the evidence holds no author records, which a claim about people is judged on "
                "(claimwatch collect gathers the record of every author on the subject's works)"
            ),
        )
    if not ids:
        return CoverageReport(
            complete=False, why=f"{name} has no OpenAlex id, so no evidence can hold the records of all its people"
        )
    if (late := _begins_after_as_of(claim, end)) is not None:
        return late
    declared = [e for e in evidence if e.author_coverage.complete]
    if not declared:
        notes = "; ".join(f"{e.path}: {e.author_coverage.note or 'no coverage declared'}" for e in evidence)
        return CoverageReport(complete=False, why=f"no evidence holds the record of every author at {name} ({notes})")
    if end is None:
        return _NO_AS_OF
    period = describe_period(claim.from_, end)
    covering = [e for e in declared if e.author_coverage.holds(ids, claim.from_, end, e.retrieved)]
    if covering and unrecorded:
        authors = "author" if unrecorded == 1 else "authors"
        return CoverageReport(
            complete=False,
            why=(
                f"{unrecorded} {authors} the works place at {name} {period} {'has' if unrecorded == 1 else 'have'} no author record that places "
                "them there (a record older than the works, or none), so the records cannot show whether they joined"
            ),
        )
    if covering:
        sources = tuple(e.path for e in covering)
        return CoverageReport(
            complete=True,
            sources=sources,
            why=(
                f"{', '.join(sources)} holds the record of every author on the works OpenAlex attributes to "
                f"{name} ({', '.join(ids)}) published {period}"
            ),
        )
    held = "; ".join(
        f"{e.path} holds the authors of the works of {', '.join(e.author_coverage.institutions)} "
        f"{describe_period(e.author_coverage.from_, e.author_coverage.to or e.retrieved)}"
        for e in declared
    )
    return CoverageReport(
        complete=False,
        why=f"no evidence holds the record of every author at {name} ({', '.join(ids)}) {period}: {held}",
    )


def _result(
    pc: _PeopleClaim,
    outcomes: list[tuple[_Person, _Outcome]],
    considered: tuple[int, int, int, int],
    read: int,
    wanted: dict[int, _Wanted],
    evidence: Sequence[Evidence],
    as_of: dt.date | None,
    reviews: Reviews | None,
    unrecorded: int = 0,
) -> ClaimResult:
    claim = pc.claim
    end = claim.to or as_of
    entries = reviews.of_claim(claim.id) if reviews else []
    raw = [(person, _finding(person, o, pc, wanted)) for person, o in outcomes]
    found, pairs = _maybe_one(raw, _counted_on_review(entries, raw, as_of))
    alike = _may_be_each(found, pairs) if any(e.distinct for e in entries) else {}
    reviewed, pairs = _confirmed_yet_maybe_one(_reviewed(entries, found, as_of), pairs, _persons(found), alike)
    matched = sorted(reviewed.matched, key=_finding_order)
    uncertain = sorted(reviewed.uncertain, key=_finding_order)
    dismissed = sorted(reviewed.dismissed, key=_finding_order)
    coverage = _with_empty_lists(_coverage(claim, evidence, end, read, unrecorded), claim, pc.file)
    verdict, why = _unbegun_verdict(claim, end, matched, uncertain, coverage) or _verdict(
        claim, matched, uncertain, considered, read, coverage
    )
    if verdict == "insufficient_evidence":  # open for the uncertain: counted as people who might match
        why += _maybe_one_note(pairs, matched, uncertain)
    why += _reviews_note(matched, uncertain, dismissed, reviewed.lapsed)
    return ClaimResult(
        claim=claim.id,
        says=claim.says,
        sentence=describe(claim, pc.file),
        claims_file=pc.file.path,
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
        works_considered=0,
        coverage=coverage,
        findings=(),
        lapsed_reviews=tuple(reviewed.lapsed),
        interpretation=Interpretation(note=claim.note, lists=tuple(pc.cond.list_ids())),
        people=tuple(matched),
        uncertain_people=tuple(uncertain),
        dismissed_people=tuple(dismissed),
        people_considered=considered[0],
    )


def _reviewed(
    entries: list[ReviewEntry], found: list[tuple[_Person, PersonFinding]], as_of: dt.date | None
) -> _Reviewed[PersonFinding]:
    """The findings found, matched and uncertain, as the claim's reviews leave them."""
    findings = [f for _, f in found]
    return _apply_reviews(
        entries,
        [f for f in findings if f.status == "matched"],
        [f for f in findings if f.status == "uncertain"],
        _persons(found),
        as_of,
    )


def _confirmed_yet_maybe_one(
    reviewed: _Reviewed[PersonFinding],
    pairs: list[tuple[str, str, bool]],
    persons: _Kind[PersonFinding],
    alike: Mapping[str, Sequence[str]] | None = None,
) -> tuple[_Reviewed[PersonFinding], list[tuple[str, str, bool]]]:
    """A finding confirmed on review that may be a person counted already (`_maybe_one`'s pairs:
    the doubted one's `_ident`, the other's) stays uncertain: a review names one person and says
    they joined, not that they are someone other than the one counted, so counting both may count
    one recruit twice (for an `at_most` claim, an extra recruit no record shows). The review stays
    beside it, and the doubt says so. A review that says so too (`distinct_from` naming the other,
    by any key `persons` gives them) counts both: the reviewer knows them for two people; but only
    where it names every other person counted it may be too (`alike`, `_may_be_each`): two records
    of no iD, each said not to be a third giving one, may still be one person split in two. Also
    the pairs, one so held paired with the one it may be, for the verdict's note (`_maybe_one_note`)."""
    counted = {_ident(f): f for f in reviewed.matched}
    doubted_ones = {doubted for doubted, _, _ in pairs}
    weighed: set[str] = set()
    held: dict[str, PersonFinding] = {}
    paired = list(pairs)
    for n, (doubted, other, curated) in enumerate(pairs):
        weighed.add(doubted)
        finding = counted.get(doubted)
        if finding is None or doubted in held or other not in counted or other in held:
            continue
        review = finding.review
        if review is None or review.decision != "confirmed":
            continue
        # Weighed in the pairs' order: one doubted too counts here once weighed and not held.
        same = next(
            (
                j
                for j in (other, *(alike or {}).get(doubted, ()))
                if j in counted and j not in held and (j == other or j not in doubted_ones or j in weighed)
                and not _said_two(finding, counted[j], persons)
            ),
            None,
        )  # fmt: skip
        if same is None:
            continue
        named, paired[n] = counted[same], (doubted, same, curated)
        besides = "" if same == other else f"says this person is not {counted[other].name} ({counted[other].id}), but "
        doubt = (
            f"confirmed on review by {review.by} ({review.date}), which {besides or 'says this person joined, '}not "
            f"that they are someone other than {named.name} ({named.id}), counted already: uncertain, so that one "
            "person is not counted twice"
        )
        held[doubted] = finding.model_copy(
            update={"status": "uncertain", "uncertain_because": (*finding.uncertain_because, doubt)}
        )
    if not held:
        return reviewed, paired
    return _Reviewed(
        [f for f in reviewed.matched if _ident(f) not in held],
        [*reviewed.uncertain, *held.values()],
        reviewed.dismissed,
        reviewed.lapsed,
    ), paired


def _may_be_each(
    found: list[tuple[_Person, PersonFinding]], pairs: list[tuple[str, str, bool]]
) -> dict[str, list[str]]:
    """For each finding `_maybe_one` doubts (by `_ident`), every other finding that may be the same
    person (`_may_be_one`), not only the one its pair names: what a review's `distinct_from` must
    name for the finding to count beside them all."""
    doubted = {d: curated for d, _, curated in pairs}
    who = [_Who.of(person) for person, _ in found]
    idents = [_ident(f) for _, f in found]
    everyone = _ByName([w.named for w in who], range(len(found)))
    return {
        idents[i]: [idents[j] for j in everyone.near(i) if _may_be_one(who[i], who[j], doubted[idents[i]])]
        for i in range(len(found))
        if idents[i] in doubted
    }


def _said_two(a: PersonFinding, b: PersonFinding, persons: _Kind[PersonFinding]) -> bool:
    """Whether a review of either says they are not the other (`distinct_from`, by any key of theirs)."""
    return any(
        x.review is not None and not _said_distinct(x.review).isdisjoint(persons.keys(y)) for x, y in ((a, b), (b, a))
    )


def _said_distinct(review: Review) -> frozenset[str]:
    """Every key of the people a review says its person is not (`Review.distinct_from`)."""
    return frozenset(k for named in review.distinct_from for k in person_keys(named))


def _counted_on_review(
    entries: list[ReviewEntry], found: list[tuple[_Person, PersonFinding]], as_of: dt.date | None
) -> dict[str, bool]:
    """Whether each finding a review decides is counted once it is applied (`_ident`: confirmed,
    counted; set aside or disputed, not), for `_maybe_one` to weigh: a record is uncertain for
    one it may be only while that one is counted, never beside one a reviewer set aside."""
    decided = _reviewed(entries, found, as_of)
    counted = {_ident(f): f.status == "matched" for f in (*decided.matched, *decided.uncertain) if f.review}
    return counted | {_ident(f): False for f in decided.dismissed}


def _maybe_one(
    found: list[tuple[_Person, PersonFinding]], on_review: Mapping[str, bool] | None = None
) -> tuple[list[tuple[_Person, PersonFinding]], list[tuple[str, str, bool]]]:
    """Findings that may be one person, said so: a curated history that gives no OpenAlex author
    id nor ORCID iD shares no identity with any record, so it is a person of its own, even beside
    that person's OpenAlex record; and OpenAlex splits some people between two author records
    (`_split_in_openalex`), which share no id until it merges them. A name is no identity, so the
    two are never joined; but where another finding may bear its name (or an alias:
    `_Named.may_be`), the finding says which, and it is uncertain where that one is a match: one
    person is never counted twice as two matches. Of two OpenAlex records both matched, the one
    giving an ORCID iD stays counted, else the one first by `_finding_order`: records giving two
    iDs are two people, so one giving none beside them is the doubt, never they. With the findings, each such pair (`_ident` of the
    doubted finding's, of the other's, and whether the doubted one is a curated history), for
    the verdict to say that an uncertain person it counts may be one it counts already
    (`_maybe_one_note`). A finding a review decides counts as the review leaves it (`on_review`,
    by `_ident`): beside one set aside or disputed, the other is no one counted twice."""
    out = list(found)
    pairs = []
    who = [_Who.of(person) for person, _ in out]
    idents = [_ident(f) for _, f in out]
    reviewed = on_review or {}

    def counts(j: int) -> bool:
        return reviewed.get(idents[j], out[j][1].status == "matched")

    # Those giving an ORCID iD first: two iDs are two people whoever a record giving none is (one
    # OpenAlex may hold several people under), so it, not they, is the doubt.
    order = sorted(range(len(out)), key=lambda i: (not who[i].orcid, _finding_order(out[i][1]), idents[i]))
    rank = {i: n for n, i in enumerate(order)}
    everyone = _ByName([w.named for w in who], order)
    matches = _ByName([w.named for w in who], [i for i in order if counts(i)])
    for i in order:
        person, finding = out[i]
        curated = _curated_only(person)
        if not (curated or who[i].held):
            continue
        # a curated history is counted after any other; of two OpenAlex records, the later
        after_any = curated or finding.status != "matched"
        counted = next(
            (
                j
                for j in matches.near(i)
                if (after_any or rank[j] < rank[i]) and counts(j) and _may_be_one(who[i], who[j], curated)
            ),
            None,
        )
        if counted is None and not after_any:
            continue  # the one of them counted
        k = (
            counted
            if counted is not None
            else next((j for j in everyone.near(i) if _may_be_one(who[i], who[j], curated)), None)
        )
        if k is None:
            continue
        other = out[k][1]
        pairs.append((_ident(finding), _ident(other), curated))
        turned = who[i].named.turned_only(who[k].named)
        why = (
            "this curated history gives no OpenAlex author id nor ORCID iD to tell"
            if curated
            else f"OpenAlex may hold one person as two author records ({finding.id} and {other.id}), which give "
            "no two ORCID iDs nor share a merged id to tell"
        )
        doubt = f"may be the same person as {other.name} ({other.id}), also found{_in_two_orders(turned)}: {why}, and a name is no identity"
        if counted is not None and finding.status == "matched":
            doubt += "; uncertain, so that one person is not counted twice"
            update: dict[str, object] = {"status": "uncertain"}
        else:
            update = {}
        update["uncertain_because"] = (*finding.uncertain_because, doubt)
        out[i] = (person, finding.model_copy(update=update))
    return out, pairs


def _maybe_one_note(
    pairs: list[tuple[str, str, bool]], matched: Sequence[PersonFinding], uncertain: Sequence[PersonFinding]
) -> str:
    """Said after a verdict left open by uncertain people (so counting them): those of the
    people it counts that may be one person (`_maybe_one`), where one of the two is uncertain.
    "1 more might" read as another person, where it may be one already found."""
    counted = {_ident(f): f for f in (*matched, *uncertain)}
    doubted = {_ident(f) for f in uncertain}
    said: dict[frozenset[str], tuple[PersonFinding, PersonFinding, bool]] = {}
    for a, b, curated in pairs:
        if a in counted and b in counted and {a, b} & doubted:
            said.setdefault(frozenset((a, b)), (counted[a], counted[b], curated))
    if not said:
        return ""
    shown = list(said.values())
    named = "; ".join(f"{h.name} ({h.id}) and {o.name} ({o.id})" for h, o, _ in shown[:PEOPLE_CITED])
    more = len(shown) - PEOPLE_CITED
    named += f"; and {more} more pairs" if more > 0 else ""
    one = len(shown) == 1
    kinds = {curated for _, _, curated in shown}
    reasons = []
    if True in kinds:
        reasons.append(
            f"{'a' if one else 'each a'} curated history with no OpenAlex author id nor ORCID iD bearing the other's name"
        )
    if False in kinds:
        reasons.append(
            f"{'two' if one else 'each two'} OpenAlex author records bearing one name, with no two ORCID iDs to tell "
            "them apart (OpenAlex splits some people between two records)"
        )
    return (
        f" Of the people counted, {named} may be one person: {' or '.join(reasons)}, so "
        f"{'one person' if one else 'people'} may be counted twice."
    )


def _bearing_a_name(people: Sequence[_Person]) -> int:
    """How many of `people` are curated histories with no OpenAlex author id nor ORCID iD
    whose name (or an alias) another of them may bear (`_Named.may_be`): each may be that person
    (`_maybe_one`)."""
    names = [_Named.of(p) for p in people]
    by_name = _ByName(names, range(len(people)))
    return sum(
        1 for i, p in enumerate(people) if _curated_only(p) and any(names[i].may_be(names[j]) for j in by_name.near(i))
    )


def _split_alike(people: Sequence[_Person]) -> int:
    """How many of `people` OpenAlex holds under an author record that may be another of theirs
    split off (`_may_be_split`), each after the first of them by OpenAlex author id: a group of
    records that may be one person counts all but one, those giving an ORCID iD first, as
    `_maybe_one` counts them: two iDs are two people, whoever a record giving none is."""
    held = sorted(
        (p for p in people if _split_in_openalex(p)),
        key=lambda p: (not any(r.orcid for r in p.records), _natural(_openalex_ids(p)[0])),
    )
    who = [_Who.of(p) for p in held]
    by_name = _ByName([w.named for w in who], range(len(held)))
    return sum(1 for i in range(len(held)) if any(j < i and _may_be_split(who[i], who[j]) for j in by_name.near(i)))


def _split_in_openalex(person: _Person) -> bool:
    """Whether OpenAlex holds the person under an author record (some record gives its id)."""
    return any(r.openalex_id for r in person.records)


@dataclass(frozen=True)
class _Who:
    """What telling whether two people may be one reads of a person, read once: their names,
    whether OpenAlex holds them under an author record, and whether they give an ORCID iD."""

    named: _Named
    held: bool
    orcid: bool

    @classmethod
    def of(cls, person: _Person) -> _Who:
        return cls(_Named.of(person), _split_in_openalex(person), any(r.orcid for r in person.records))


def _may_be_one(a: _Who, b: _Who, curated: bool) -> bool:
    """Whether b may be the person a is (`_maybe_one`): for a curated history, b may bear its name;
    for an OpenAlex record, b may be one split off from it (`_may_be_split`)."""
    return a.named.may_be(b.named) if curated else _may_be_split(a, b)


def _may_be_split(a: _Who, b: _Who) -> bool:
    """Whether two people OpenAlex holds under two author records (never joined: no id, merged
    id nor ORCID iD shared) may be one split in two: their names may be one (`_Named.may_be`),
    and not both give an ORCID iD, since two iDs are two people."""
    return a.held and b.held and not (a.orcid and b.orcid) and a.named.may_be(b.named)


class _ByName:
    """People's names (`_Named`) by every form `_Named.may_be` may pair them under, each form's
    people in the order given: a person is weighed only against those sharing a form, never
    against every other, as a lab's thousands of people would be, two by two."""

    def __init__(self, names: Sequence[_Named], order: Iterable[int]) -> None:
        self._names, self._order = names, list(order)
        self._at: dict[str, list[int]] = {}
        for n, i in enumerate(self._order):
            for form in names[i].paired_under():
                self._at.setdefault(form, []).append(n)

    def near(self, i: int) -> Iterator[int]:
        """Those of them whose names may be the i-th's (none else can: `_Named.paired_under`),
        each once, in the order given, lazily: a search for the first stops there."""
        last = -1
        for n in heapq.merge(*(self._at.get(form, ()) for form in self._names[i].every)):
            if n != last and self._order[n] != i:
                yield self._order[n]
            last = n


def _curated_only(person: _Person) -> bool:
    return all(r.origin.kind == "curated" and not r.openalex_id and not r.orcid for r in person.records)


@dataclass(frozen=True)
class _Named:
    """What a person is named: every name and alias read alike, and those written out in full,
    each with the spelling it reads (`_spellings_alike`); and each of those in its other order
    (`_turned`)."""

    every: dict[str, str]
    full: dict[str, str]
    every_turned: dict[str, str]
    full_turned: dict[str, str]

    @classmethod
    def of(cls, person: _Person) -> _Named:
        every, full = _names(person), _full_names(person)
        return cls(every, full, _turned(every), _turned(full))

    def may_be(self, other: _Named) -> bool:
        """Whether the names say two people may be one: a name in full they share, as namesakes
        pair (`_full_names`: "W. Li" is every Wei, Wen and Wu Li, so a Wei Li beside a Wen Li is
        no doubt, though both give it); or, for one that gives no name in full, any name, since
        its initials form is all that names it. In either order (`_turned`): a doubt more."""
        mine, theirs, _ = self._compared(other)
        return bool(mine.keys() & theirs.keys()) or self.turned_only(other) is not None

    def paired_under(self) -> set[str]:
        """Every form `may_be` may pair another's names with: one of this person's names, or one
        in its other order. Another's name pairs with this only if it is one of them."""
        return self.every.keys() | self.every_turned.keys() | self.full_turned.keys()

    def turned_only(self, other: _Named) -> tuple[str, str] | None:
        """Where the names pair only with one read in its other order ("Wang Xiaoming" and
        "Xiaoming Wang"), those two as written, this one's first; else None."""
        mine, theirs, turned = self._compared(other)
        if mine.keys() & theirs.keys():
            return None
        shared = min(mine.keys() & turned.keys(), default=None)
        return None if shared is None else (mine[shared], theirs[turned[shared]])

    def _compared(self, other: _Named) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
        if self.full and other.full:
            return self.full, other.full, other.full_turned
        return self.every, other.every, other.every_turned


def _turned(names: dict[str, str]) -> dict[str, str]:
    """Names read alike (as `_names` and `_full_names` key them) of two words or more, each read
    in its other order, the family name moved from the front to the end and from the end to the
    front ("wang xiaoming" and "xiaoming wang"), with the form it turns: Chinese, Korean, Japanese
    and Hungarian names are written either way, with no comma to say which. Only ever a doubt:
    "Li Wei" and "Wei Li" may be two people as well as one."""
    out: dict[str, str] = {}
    for form in sorted(names):
        words = form.split()
        if len(words) > 1:
            for turned in (" ".join([*words[1:], words[0]]), " ".join([words[-1], *words[:-1]])):
                if turned not in names:
                    out.setdefault(turned, form)
    return out


# Why two names may be one written in two orders, said wherever they pair only so (`_turned`).
TWO_ORDERS = "family name first in one, as Chinese, Korean, Japanese and Hungarian names often are"


def _in_two_orders(turned: tuple[str, str] | None) -> str:
    """Said where two names pair only in two orders (`_Named.turned_only`)."""
    if turned is None:
        return ""
    mine, theirs = (printable(n) for n in turned)
    return f", \u201c{mine}\u201d and \u201c{theirs}\u201d may be one name written in two orders ({TWO_ORDERS})"


def _names(person: _Person) -> dict[str, str]:
    """A person's names and aliases, read alike (case, width and spacing aside), in each of their
    spellings (`_spellings_alike`), each with its first spelling."""
    out: dict[str, str] = {}
    for r in person.records:
        for n in (r.name, *r.alternative_names):
            if n != UNNAMED:
                for form in _spellings_alike(n):
                    out.setdefault(form, n)
    return out


def _full_names(person: _Person) -> dict[str, str]:
    """A person's names and aliases read alike (`_names`), each with its first spelling, less
    initials forms ("W. Li", "Li W", "Li WL"): OpenAlex gives one to every Wei, Wen and Wu Li alike, so
    sharing one says nothing of being one person. So a spelling that is one: "W. Li (李伟)" is
    written out in full with its brackets, and "李伟" so, but "W. Li" alone is every W. Li's."""
    out: dict[str, str] = {}
    for r in person.records:
        for n in (r.name, *r.alternative_names):
            if n != UNNAMED and not _an_initials_form(n):
                for form in _spellings_alike(n):
                    if not _an_initials_form(form):
                        out.setdefault(form, n)
    return out


# The hyphens a name's word is joined by: the hyphen-minus, and the characters a title's text reads
# as one (`READ_AS_HYPHENS`: Unicode's hyphens, the dashes and minus signs a record converted from a
# typeset text or typed on a phone writes in their place, "Jean\u2013Pierre", "Jean\u2212Pierre"; a
# full-width one, as a Chinese keyboard types it), and an em dash.
_HYPHENS = "-\u2014" + READ_AS_HYPHENS
_HYPHEN_IN_A_CLASS = re.escape(_HYPHENS)
# A hyphen or apostrophe inside a name's word, which one record writes and another leaves out
# ("Xiao-Ming" and "Xiaoming", "O'Brien" and "OBrien") or writes as a space ("Xiao Ming").
_INSIDE_A_WORD = re.compile(f"(?<=[^\\W_])[{_HYPHEN_IN_A_CLASS}'\u2019\u02bc\u02b9](?=[^\\W_])")  # U+02BC: "Kovalʼ"
# A soft sign's apostrophe ending a word, which many transliterations leave out ("Koval'" of
# Коваль is "Koval": it "may be omitted (it most often is, in titles and bibliographies)", says
# Ukrainian: A Comprehensive Grammar); U+02B9, the prime, is the Library of Congress's ("Kubanʹ").
_A_SOFT_SIGN_LAST = re.compile("(?<=[^\\W_])['\u2019\u02bc\u02b9](?![^\\W_])")
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"})
# Danish and Norwegian letters as their traditional spelling writes them out: "Søren Jørgensen" is
# "Soeren Joergensen" as well as the "Soren Jorgensen" records strip it to, "Kåre" is "Kaare".
_SCANDINAVIAN = str.maketrans({"ø": "oe", "Ø": "Oe", "å": "aa", "Å": "Aa"})


# The characters that show nothing and part a word: a soft hyphen (a name copied from a typeset
# page keeps it, "Wei\u00adLi"), a zero-width space, and Persian's zero-width non-joiner, its
# "half-space" ("محمد\u200cرضا", Mohammadreza), which one record writes, another leaves out and
# another writes as a space (rfpit.org/persianword/zwnj; virascience.com: "people incorrectly use
# space character instead of half-space character").
_PARTS_A_WORD = re.compile("[\u00ad\u200b\u200c]")


def _spellings_alike(name: str) -> tuple[str, ...]:
    """A name read alike (`_read_alike`) as written, and as each other spelling of it reads: each
    form of a name written with its form in another script in brackets (`_in_and_out_of_its_brackets`),
    a hyphen or apostrophe inside a word left out or a space ("Xiao-Ming Wang" is "Xiaoming Wang" and
    "Xiao Ming Wang"), German letters written out ("Jürgen Müller" is "Juergen Mueller" as well as
    the "Jurgen Muller" records strip it to), and so Danish and Norwegian ones ("Søren" is
    "Soeren", "Kåre" is "Kaare"). Only ever a doubt, as any reading alike is. The letters are
    sought composed: some records write "ü" as "u" and a combining diaeresis (U+0308), as the GND
    returns umlauts (github.com/gbv/cocoda/issues/403), and "Lü" so was never "Lyu". A character
    that shows nothing (`works.INVISIBLE`) is read through: the name a reader sees; one that parts
    a word (`_PARTS_A_WORD`) as a space too."""
    name = unicodedata.normalize("NFC", name)
    spellings = [name, *_in_and_out_of_its_brackets(name)]
    if has_invisible(name):
        parted = [_PARTS_A_WORD.sub(" ", s) for s in spellings]
        spellings = [read_through_invisible(s) for s in (*spellings, *parted)]
    if _INSIDE_A_WORD.search(name):
        spellings += [_INSIDE_A_WORD.sub(joined, s) for s in spellings for joined in ("", " ")]
    if any(c in name for c in "äöüÄÖÜßẞ"):
        spellings += [s.translate(_GERMAN) for s in spellings]
    if any(c in name for c in "øØåÅ"):
        spellings += [s.translate(_SCANDINAVIAN) for s in spellings]
    if _PINYIN_U_UMLAUT.search(name):
        spellings += [_PINYIN_U_UMLAUT.sub(_as_passports_write_it, s) for s in spellings]
    if _JUNIOR_IN_FULL.search(name):
        spellings += [_JUNIOR_IN_FULL.sub("Jr", s) for s in spellings]
    if _A_SOFT_SIGN_LAST.search(name):
        spellings += [_A_SOFT_SIGN_LAST.sub("", s) for s in spellings]
    if _an_initials_form(name):
        spellings.append(_bare_initials(name))
    elif apart := _initials_written_apart(name):
        spellings.append(apart)
    return tuple(dict.fromkeys(map(_read_alike, spellings)))


def _initials_written_apart(name: str) -> str | None:
    """A name not an initials form whose given part is initials written together, with them written
    apart ("D R Kumar Singh", "M S da Silva"); None for any other. Web of Science writes M. S. da
    Silva "da Silva, MS", which reads "ms da silva", and the "M. S. da Silva" of his other record
    "m s da silva": his two records paired no one. Initials in capitals first (`_initials_first`),
    or "MA" and "MS" after a family name led by its particles (`_led_by_particles`), no degree there."""
    given_first = _given_first(name)
    family, _, given = name.partition(",")
    if _initials_first(given_first) or (
        _A_MASTERS_DEGREE.fullmatch(given.strip()) and _led_by_particles([family.strip()])
    ):
        initials, _, rest = given_first.partition(" ")
        return " ".join([*(c for c in initials if c.isalpha()), rest])
    return None


# A part of a name in brackets, round or full-width, which is the name in another script ("Wei Li
# (李伟)", "Hai-Jun Liao (廖海军)", as Google Scholar profiles give them, which a curated history
# copies). Any other part in brackets stays: an analyst's "Li Wei (Harbin)" beside "Li Wei
# (Beijing)" tells two people apart.
_BRACKETED = re.compile(r"\s*[(\uff08]([^()\uff08\uff09]*)[)\uff09]\s*")
# The Chinese, Japanese and Korean scripts: Han (with its extension A and the compatibility
# ideographs), hiragana and katakana, and Hangul syllables.
_A_CJK_LETTER = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _in_and_out_of_its_brackets(name: str) -> list[str]:
    """A name written with its form in another script in brackets, each form alone: the one a
    Chinese, Japanese or Korean script writes alone and its romanisation, either in the brackets."""
    inside = [m.group(1).strip() for m in _BRACKETED.finditer(name)]
    if len(inside) != 1 or not inside[0]:
        return []
    outside = " ".join(_BRACKETED.sub(" ", name).split())
    in_two_scripts = any(
        _in_cjk_alone(cjk) and not _A_CJK_LETTER.search(latin)
        for cjk, latin in ((inside[0], outside), (outside, inside[0]))
    )
    return [outside, inside[0]] if in_two_scripts else []


def _in_cjk_alone(text: str) -> bool:
    """Whether every letter of a text is of the Chinese, Japanese or Korean scripts: a name in
    them, not an analyst's words beside one ("李伟, Harbin", which tells a namesake apart)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(_A_CJK_LETTER.match(c) for c in letters)


# The pinyin syllables lü and nü as a name's word (吕, the surname Lü; 女), written three ways:
# "Lü", "Lv" as keyboards type it, and "Lyu" as China's passports have since 2012 (the National
# Immigration Administration: "the letter Ü in LÜ ... and NÜ ... shall be converted to YU",
# en.nia.gov.cn/n147418/n147468/c157943/content.html). One person's records give any of them;
# "Lu" is other surnames too (陆, 卢, 鲁), so it pairs no "Lv" nor "Lyu" (a "Lü" pairs it, as
# any name stripped of its accents pairs the name written without them).
_PINYIN_U_UMLAUT = re.compile(r"(?<![^\W_])([LlNn])(?:[üÜ]|[vV]|[yY][uU])(?![^\W_])")


# "Júnior" (or "Junior") ending a name or its family part, as Brazilian names give it ("Carvalho
# Júnior, Osmar Abílio de", INPE's rule for names, and "Palmer Jr, John" beside it), which records
# in English abbreviate "Jr." as Brazilians often do themselves (mdbf.com.br/blog/significado-de-jr):
# one person's records give either. Only added as a spelling: a surname Junior stays as written too.
# After a word of the name: a given name "Junior" ("Silva, Junior", "Junior Silva") is no suffix.
_JUNIOR_IN_FULL = re.compile(r"(?<=[^\W_] )J[úu]nior(?=\s*(?:,|$))", re.IGNORECASE)


def _as_passports_write_it(syllable: re.Match[str]) -> str:
    return f"{syllable.group(1)}yu"


def _bare_initials(name: str) -> str:
    """An initials form with each initial a bare letter ("W. Li", "Li W", "W.-L. Li", "Li WL" as
    "W Li", "Li W", "W L Li", "Li W L"): PubMed and Web of Science write "Li W" where OpenAlex's
    alternative names give "W. Li", and the two named no one alike, so a history of "Li W" beside
    a record giving "W. Li" was two people counted."""
    words = unicodedata.normalize("NFKC", name).split()
    bare: list[str] = []
    for w in words:
        if _INITIAL.fullmatch(w):
            bare.extend(c for c in w if c != "." and c not in _HYPHENS)
        elif _packed_initials(w):
            bare.extend(w)
        else:
            bare.append(w)
    return " ".join(bare)


# The apostrophes a transliteration writes for a soft sign ("Kovalʼ", "Koval’", the Library of
# Congress's "Kovalʹ"), read as the plain one ("Koval'").
_SOFT_SIGNS = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u02b9": "'"})


def _read_alike(name: str) -> str:
    """A name as namesakes are paired by: case, width, spacing and accents aside ("Jürgen" is the
    "Jurgen" records strip it to; a kana's voicing mark is no accent, `_an_accent`), the point ending a word ("Md.", `_A_WORDS_POINT`), titles
    before it and degrees after it (`_TITLES_FIRST`, `_A_DEGREE`: "Prof. Wei Li", "Xiang Li, PhD"),
    and "Family, Given" as "Given Family" ("Li, Wei" is "Wei Li"). Only ever a doubt
    (`_with_namesakes`, `_Named.may_be`): a respelling accuses no one."""
    name = _FOOTNOTE_MARKS.sub("", name)  # before NFKC, which reads a superscript "ᵃ" as a letter of the name
    name = name.translate(_VOICING_MARKS_TYPED_APART)  # before NFKC, which reads each as a space and the mark
    name = name.replace(_TATWEEL, "").translate(_PERSIAN_LETTERS)
    if not name.islower():  # a name written all in lower case may end in a word of one letter
        name = _FOOTNOTE_LETTERS.sub("", name)
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name))
    bare = _given_first("".join(c for c in decomposed if not _an_accent(c)).translate(_SOFT_SIGNS))
    # Letters Unicode gives no decomposition, which stripping accents leaves ("Łukasz" is no
    # "Lukasz", "Søren" no "Soren", "Đorđe" no "Dorde", "Yıldız" no "Yildiz"), read as the base
    # letters records written without them write, as institution names are (`in_base_letters`).
    lower = in_base_letters(dotted_i(unicodedata.normalize("NFC", bare).casefold()))
    read = " ".join(_A_WORDS_POINT.sub("", lower).split())
    return read if _initials_first(bare) else _TITLES_FIRST.sub("", read)


# Footnote marks ending a name, as a paper's author list writes them and a raw author name or a
# curated history copies them: an asterisk or a dagger for the corresponding author, digits (on the
# line or superscript) or superscript letters for the affiliations, one or several joined by commas
# ("Wei Li*", "Wei Li†", "Wei Li¹,²", "Wei Li1,2", "Wei Liᵃ"). No name's word has them; a
# soft sign's apostrophe ("Koval'") is none. Digits on the line after a space only as a list of
# marks ("Wei Li 1,2", "Wei Li 1,*"): a number alone there is DBLP's telling namesakes apart ("Wei
# Li 0001", "Wei Li 0002"), or an analyst's ("Wei Li #2", "Wei Li 2"), kept.
_A_MARK_APART = "[*\u2020\u2021\u00a7\u00b6\u2016#\u00b9\u00b2\u00b3\u2070-\u2079\u1d43-\u1d5b\u2071\u207f]"
_A_MARK = f"(?:{_A_MARK_APART}|[0-9])"
_MARKS_ON = rf"{_A_MARK}+(?:\s*,\s*{_A_MARK}+)*\s*$"
_FOOTNOTE_MARKS = re.compile(
    rf"(?<=[^\W\d_]|\.)(?:{_MARKS_ON}|\s+(?!#\d+\s*$)(?={_A_MARK_APART}){_MARKS_ON}|\s+{_A_MARK}+(?:\s*,\s*{_A_MARK}+)+\s*$)"
)
# And letters on the line after a space, as Elsevier's author lists write them ("Wei Li a,b",
# "Wei Li a,*"): lower case, one each, which no word of a name written with capitals is.
_FOOTNOTE_LETTERS = re.compile(rf"(?<=[^\W\d_]|\.)\s+[a-z]{_A_MARK}*(?:\s*,\s*(?:[a-z]|{_A_MARK})+)*\s*$")


# Arabic's tatweel (kashida, U+0640), a stroke that stretches a word to justify a line ("محمـد"
# is "محمد", Muhammad, set wider): no letter, which a name copied from a typeset page keeps and its
# other records do not; transliteration drops it (epitran's normalisation: "ـ -> 0").
_TATWEEL = "\u0640"


# The Arabic yeh and kaf (U+064A, U+0643) for the Persian ones (U+06CC, U+06A9): one letter each, which
# an Arabic keyboard types where a Persian one types the other ("علي" and "علی", Ali), so Iranian
# records write a name either way (Unicode's Arabic block notes U+06CC as the Persian form of yeh).
_PERSIAN_LETTERS = str.maketrans({"\u064a": "\u06cc", "\u0643": "\u06a9"})


# The kana voicing marks (dakuten and handakuten), which Unicode decomposes as it does an accent:
# no accent, but another sound, and another name: "ダイスケ" (Daisuke) is no "タイスケ" (Taisuke), nor
# "パク" (Park, a Korean name in katakana) "ハク" or "バク".
_KANA_VOICING_MARKS = "\u3099\u309a"
# And the marks as characters of their own (U+309B, U+309C), typed after a kana by an input method
# or a font without the voiced kana ("タ゛" for "ダ"): the same marks, which NFKC reads as a space
# and the mark, "タ ゙", a word apart. Read as the combining ones, which NFC joins to the kana.
_VOICING_MARKS_TYPED_APART = str.maketrans({"\u309b": "\u3099", "\u309c": "\u309a"})


# The Thai and Lao scripts, whose marks above and below a letter are its spelling, written in every
# record: tone marks (Thai's mai ek, mai tho, ...) and the vowels u and uu. Unicode gives them a
# combining class as it does an accent, and stripping read "ปุ้ย" and "ปุย" (two nicknames, Pui) both
# as "ปย", and "ปู" (Pu) as "ป", one letter, an initial.
_THAI_AND_LAO = ("\u0e00", "\u0eff")


def _an_accent(c: str) -> bool:
    """Whether a character of a decomposed name is an accent records write or leave out."""
    if unicodedata.combining(c) == 0 or c in _KANA_VOICING_MARKS:
        return False
    return not _THAI_AND_LAO[0] <= c <= _THAI_AND_LAO[1]


# Titles before a name of two words or more, as a conference's or a lab's page writes its people
# ("Prof. Wei Li, Harbin Engineering University", "Assoc. Prof. Wei Li", "Dr. Wei Li"), German ones
# two ("Prof. Dr. Mueller": abmeia.blogspot.com/2016/04/etiquette-why-are-german-professors.html),
# and a curated history copies them, and the record of the same person writes none: no name of theirs.
_TITLES_FIRST = re.compile(r"^(?:(?:(?:assoc|associate|asst|assistant) )?(?:prof|professor|dr) )+(?=\S+ \S)")


def _initials_first(name: str) -> bool:
    """Whether a name not all in capitals begins with initials written together in capitals
    (`_packed_initials`): "DR Kumar Singh" is D. R. Kumar Singh, as "Singh DR" is, no doctor."""
    words = name.split()
    return bool(words) and _packed_initials(words[0]) and not name.isupper()


# A suffix after a comma, as author lists, ORCID and the lists write one ("John Smith, Jr.",
# "Smith, John, Jr.", the Denied Persons List's "ABEL HERNANDEZ, JR."): the name's, not its given
# part's. Its point is one record's and not another's ("Jr." and "Jr").
_A_SUFFIX = re.compile(f"(?:{'|'.join(sorted(NAME_SUFFIXES))})\\.?", re.IGNORECASE)


def _given_first(name: str) -> str:
    """ "Family, Given" as "Given Family" ("Li, Wei" is "Wei Li"), a suffix after a comma kept last
    ("Smith, John, Jr." and "John Smith, Jr." are "John Smith Jr."): read as a given name, the
    suffix put "Jr. John Smith" first and paired no one. So between the family and the given
    name, as BibTeX writes one ("von Last, Jr, First": "Smith, Jr., John"), or ending the given
    name ("Smith, John Jr."). A degree after a comma is read away (`_A_DEGREE`). Three parts or
    more, with no suffix, stay as written."""
    parts = [p.strip() for p in name.split(",")]
    degrees = 0
    while len(parts) > 1 and _a_degree_ending(parts, degrees):
        parts.pop()
        degrees += 1
    suffixes: list[str] = []
    while len(parts) > 1 and _A_SUFFIX.fullmatch(parts[-1]) and not _a_family_name_alone(parts[:-1]):
        suffixes.insert(0, parts.pop())
    if not suffixes and len(parts) == 3 and _A_SUFFIX.fullmatch(parts[1]):
        suffixes.append(parts.pop(1))
    # And ending the given part, as NLM and AMA place one after the initials ("Coe RT Jr"):
    # "Coe, Robert T. Jr." is "Robert T. Coe Jr.".
    given = parts[1].split() if len(parts) == 2 else []
    if not suffixes and len(given) > 1 and _A_SUFFIX.fullmatch(given[-1]):
        suffixes.append(given.pop())
        parts[1] = " ".join(given)
    if len(parts) == 2 and all(parts):
        parts = [f"{parts[1]} {parts[0]}"]
    elif not suffixes and not degrees:
        return name
    return " ".join([", ".join(parts), *suffixes])


# A degree after a comma, as a lab's page and a CV write one after a name ("Wei Li, PhD", "Jane Doe,
# MD, PhD") and a curated history copies it, and the record of the same person writes none: no name
# of theirs; and so a title put there, as a directory sorted by family name writes one ("Li, Wei,
# Dr."). "MA" and "MS" only in capitals or with their points ("Wei Li, MA", "M.S."): "Ma" is a
# surname. Only after a whole name: "Rahman, Md" is Md Rahman, "Li, MA" Ma Li (`_a_family_name_alone`).
_A_DEGREE = re.compile(
    r"(?:ph\.?\s?d|m\.?d|d\.?phil|m\.?phil|m\.?sc|b\.?sc|sc\.?d|d\.?sc|mba|mph|mpp|mha|dr|prof|professor)\.?"
    r"|(?-i:MA|MS)|(?-i:M\.A|M\.S)\.?",
    re.IGNORECASE,
)


def _a_degree_ending(parts: list[str], degrees: int) -> bool:
    """Whether the last of a name's parts after a comma is a degree or a title (`_A_DEGREE`): not
    after a family name alone (`_a_family_name_alone`), nor "DR" in capitals ending a name of two
    parts, which is initials written together, as Web of Science writes them after a family name of
    two words ("Kumar Singh, DR" is D. R. Kumar Singh, as "DR Kumar Singh" is, `_initials_first`).
    A title there is written "Dr." or "Dr", or in capitals as a third part ("Li, Wei, DR") or
    beside a degree ("Wei Li, PhD, DR")."""
    if not _A_DEGREE.fullmatch(parts[-1]) or _a_family_name_alone(parts[:-1]):
        return False
    if _A_MASTERS_DEGREE.fullmatch(parts[-1]) and _led_by_particles(parts[:-1]):
        return False
    return not (parts[-1] == "DR" and len(parts) == 2 and not degrees)


# The particles a family name begins with, in lower case as Web of Science and a reference list
# write them before the initials ("da Silva, MS" is M. S. da Silva, "van der Berg, MA", "de Souza,
# MS"), Arabic's article ("al Hassan, MS", "el Amrani, MA") and German's ("zu Guttenberg, MS",
# "zur Hausen, MA", as Harald zur Hausen's name is written). Capitalised they may be a given name
# ("Di Wang, MS", "Du Wei, MA": a Chinese name and a degree; "Al Smith, MA"), so only in lower
# case. Unlike the lists' particles (`lists._csl`), none that stands between given names ("bin", "y").
_A_MASTERS_DEGREE = re.compile(r"MA|MS|M\.A\.?|M\.S\.?")
_FAMILY_NAME_PARTICLES = frozenset(
    ["da", "das", "de", "del", "della", "der", "den", "di", "do", "dos", "du", "la", "le", "van", "von", "ter", "ten",
     "al", "el", "zu", "zur"]
)  # fmt: skip


def _led_by_particles(before: list[str]) -> bool:
    """Whether what comes before "MA" or "MS" after a comma is a family name led by its particles
    in lower case (`_FAMILY_NAME_PARTICLES`): the form is initials, no degree."""
    words = before[0].split() if len(before) == 1 else []
    return len(words) > 1 and all(w in _FAMILY_NAME_PARTICLES for w in words[:-1])


def _a_family_name_alone(before: list[str]) -> bool:
    """Whether what comes before a suffix's form after a comma is one word alone: a family name,
    whose given part that is ("Petrov, Iv.", two letters of Ivan as some references abbreviate
    it, not the fourth Petrov), since a suffix follows a whole name ("John Smith, IV")."""
    return len(before) == 1 and len(before[0].split()) == 1


# The point ending an abbreviated word of a name, which one record writes and another leaves out:
# a middle initial's ("John A. Smith", "John A Smith"), a suffix's ("Jr."), "Md." (Muhammad, as
# Bangladeshi names abbreviate it: "Md. Abdur Rahman" and "Md Abdur Rahman" alike on arXiv) and a
# given name's first letters ("Iv. Petrov"): one name.
_A_WORDS_POINT = re.compile(r"(?<=[^\W\d_])\.(?=\s|$)")


_INITIAL = re.compile(
    f"[^\\W\\d_](?:[.{_HYPHEN_IN_A_CLASS}]+[^\\W\\d_])*[.{_HYPHEN_IN_A_CLASS}]*"
)  # "W", "W.", "W.-L."
# Initials written together in capitals, as PubMed writes them and OpenAlex's alternative names
# keep them ("Li WL", "Zhang XY"). A vowel among them may be a family name in capitals ("Wei LI",
# "LI Wei"), which stays a name; so do the family names that have none (Lv, as pinyin writes Lü;
# Ng and Hng, Cantonese and Hokkien; Vietnamese Ly). Initials read as a name ("Smith JA", "Li
# NG") only pair namesakes: a doubt more, never a clearance.
_PACKED_INITIALS = re.compile(r"[B-DF-HJ-NP-TV-Z]{2,3}")
_FAMILY_NAMES_WITHOUT_A_VOWEL = frozenset({"LV", "NG", "HNG", "LY"})


def _packed_initials(word: str) -> bool:
    return _PACKED_INITIALS.fullmatch(word) is not None and word not in _FAMILY_NAMES_WITHOUT_A_VOWEL


def _an_initials_form(name: str) -> bool:
    """Whether a name's given part is only initials: one initial or more, and at most one word
    written out (the family name, at either end), as "W. Li", "Li W", "J. R. R. Tolkien", "Li WL"."""
    words = unicodedata.normalize("NFKC", name).split()
    initials = sum(1 for w in words if _INITIAL.fullmatch(w) or _packed_initials(w))
    return initials > 0 and len(words) - initials <= 1


def _persons(findings: list[tuple[_Person, PersonFinding]]) -> _Kind[PersonFinding]:
    """What a review may name the claim's person findings by: every OpenAlex author id of
    their records (merged ones too), every ORCID iD, every curated record's id, each spelt as
    `reviews.person_keys` spells a review's. A finding is told apart by its id and first
    record, since two curated files may give two people one id."""
    keys = {_ident(f): _person_keys(person) for person, f in findings}
    return _Kind[PersonFinding](True, _ident, lambda f: keys[_ident(f)], lambda f: f"{f.id}, {f.name}")


def _ident(f: PersonFinding) -> str:
    return f"{f.id}\n{f.records[0] if f.records else ''}"


def _person_keys(person: _Person) -> frozenset[str]:
    keys: set[str] = set()
    for r in person.records:
        keys.update(i for i in (r.openalex_id, *r.merged_ids) if i)
        if r.orcid:
            keys.add(f"orcid:{r.orcid}")
        if r.origin.kind == "curated":
            keys.add(f"curated:{r.id}")
            # one file's, where two give one id: by its name, or folders and name
            keys.update(f"curated:{name}#{r.id}" for name in curated_file_names(r.origin.path))
    return frozenset(keys)


def _finding_order(f: PersonFinding) -> tuple[int, tuple[int, str]]:
    """By the year the finding turns on, then by id."""
    year = f.first_year_at_subject or (f.shared_years[0] if f.shared_years else 9999)
    return (year, _natural(f.id))
