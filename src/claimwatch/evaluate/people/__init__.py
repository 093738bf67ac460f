"""Claims about people (`authors:`): judged on author records, not works.

A person is every author record that names them: records sharing an OpenAlex id (or one OpenAlex
merged into another), an ORCID, or a curated record, are one person. A person is the subject's
where a record places them at it, matched as a work's authorship is (ids, lineage, ROR; names
with the country rule, `_matchers`); list entries are matched the same way. A name joins no
records, but a namesake's record at a listed entry may be the person's own, split off by OpenAlex:
a doubt where it would decide the claim (`_with_namesakes`). So are two records of one name that
both match, which may be one person OpenAlex holds as two: one is counted (`_findings._maybe_one`).

The years are what the records give: for OpenAlex, publication years (the years of the
person's works that state the institution), not employment dates; for a curated history, the
years its sources state. So precision comes first, as for works: a person counts only where the
years certainly show the condition. A first year at the subject that straddles the claim's
start, the same year at both places (which shows no move), a record giving no years for an
institution that matters, a name the record cannot place: each makes the person uncertain, said
why, never a match. Silence is never proof: `not_contradicted` needs evidence that declares it
holds the record of every author of the subject's works over the claim's period.

Where some person is a finding, the works are read once more, to cite the works by their
OpenAlex author id (a namesake's, for a namesake's record, said so) that state each institution
in the years cited.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import TypeVar

from ..._text import printable
from ...claims import ClaimSet
from ...evidence import Evidence
from ...people import AuthorRecord
from ...results import ClaimResult
from ...reviews import Reviews
from ...works import names_an_institution
from .._conditions import TRUE, UNKNOWN
from .._copies import NO_COPIES, Copies
from .._matchers import _Matchers
from ._findings import TWO_ORDERS, _bearing_a_name, _full_names, _result, _split_alike, _turned
from ._persons import _origin_order, _people, _PeopleClaim, _Person, _Place, _read_records
from ._works import (
    _both_in_works,
    _cite_works,
    _earlier_in_works,
    _InWorks,
    _listed_in_works,
    _openalex_ids,
    _read_works,
    _unrecorded,
    _Wanted,
    _work_ids,
)
from ._years import _considered, _holds_both, _joined, _Outcome, _placed_in_a_year, _years

_T = TypeVar("_T")


def _judge_people(
    claims: ClaimSet,
    evidence: Sequence[Evidence],
    as_of: dt.date | None,
    reviews: Reviews | None = None,
    matchers: _Matchers | None = None,
    copies: Copies = NO_COPIES,
) -> dict[str, ClaimResult]:
    """A result for every claim about people, by claim id."""
    matchers = matchers or _Matchers()
    compiled = [
        _PeopleClaim(
            c,
            c.authors,
            f,
            matchers.subject(c.subject),
            [matchers.list(f.lists[i]) for i in c.authors.list_ids()],
            as_of,
        )
        for f in claims.files
        for c in f.claims
        if c.authors is not None
    ]
    if not compiled:
        return {}
    kept, read, by_orcid, missing, giving = _read_records(compiled, evidence, copies)
    people_of = [_people(pc, kept, by_orcid, missing, giving) for pc in compiled]
    asked = {i for people, _ in people_of for person in people for i in _work_ids(person)}
    in_works = _read_works(compiled, evidence, asked, copies) if read else _InWorks({}, {})
    judged = []
    wanted: dict[int, _Wanted] = {}
    by_author: dict[str, list[_Wanted]] = {}
    for pc, (people, elsewhere) in zip(compiled, people_of, strict=True):
        start, end = pc.claim.from_, pc.claim.to or as_of
        at_subject = in_works.at_subject.get(id(pc.subject), {})
        outcomes, cite_as = _outcomes(pc, people, elsewhere, start, end, in_works)
        considered = _people_considered(people, outcomes, start, end)
        undated = sum(not _placed_in_a_year(p, start, end) for p in considered)
        alike = _bearing_a_name(considered)  # curated histories that may be another of them
        split = _split_alike(considered)  # OpenAlex records that may be another of them split off
        counts = (len(considered), undated, alike, split)
        judged.append((pc, outcomes, counts, _unrecorded(people, at_subject, start, end)))
        for person, o in outcomes:
            _want(cite_as.get(id(person), person), o, pc, wanted, by_author)
    _cite_works(by_author, evidence, copies)
    return {
        pc.claim.id: _result(pc, outcomes, considered, read, wanted, evidence, as_of, reviews, unrecorded)
        for pc, outcomes, considered, unrecorded in judged
    }


def _people_considered(
    people: Sequence[_Person], outcomes: Sequence[tuple[_Person, _Outcome]], start: dt.date | None, end: dt.date | None
) -> list[_Person]:
    """The people the claim was weighed on: those the records place at the subject in the
    period (`_considered`), and every person found, whom some reading of their records may
    (copies of a record of unknown order, a work placing them): a finding among no one
    considered would understate the count the reports give."""
    found = {id(p) for p, _ in outcomes}
    return [p for p in people if id(p) in found or _considered(p, start, end)]


def _outcomes(
    pc: _PeopleClaim,
    people: Sequence[_Person],
    elsewhere: Sequence[_Person],
    start: dt.date | None,
    end: dt.date | None,
    in_works: _InWorks,
) -> tuple[list[tuple[_Person, _Outcome]], dict[int, _Person]]:
    """The claim's test of each person the records place at the subject, with their namesakes'
    records where it passes over them (`_with_namesakes`); and, by person, the person with
    those records, whose works to cite. A namesake's record weighed with several people is
    said to be the record of at most one of them."""
    cite_as: dict[int, _Person] = {}
    # A namesake placed at the subject too, but never in the period (an intern there in 2018, at
    # a listed university in 2020), is as much a record OpenAlex may have split off as one at a
    # listed entry alone: weighed with the person, their years there may show a return.
    by_name = _by_name([*elsewhere, *(p for p in people if p.at_listed and not _considered(p, start, end))])
    found: list[tuple[_Person, _Outcome, list[_Namesake]]] = []
    for person in people:
        o = _test(person, pc, start, end, in_works)
        theirs: list[_Namesake] = []
        if o is None and by_name and _considered(person, start, end):
            o, cite_as[id(person)], theirs = _with_namesakes(person, by_name, pc, start, end, in_works)
        if o is not None:
            found.append((person, o, theirs))
    weighed = Counter(id(n.places[0].record) for _, _, theirs in found for n in theirs)
    outcomes = []
    subject = pc.claim.subject.name
    for person, o, theirs in found:
        in_openalex = any(r.origin.kind != "curated" for r in person.records)
        doubts = [_namesake_doubt(n, in_openalex, weighed[id(n.places[0].record)], subject) for n in theirs]
        outcomes.append((person, dataclasses.replace(o, doubts=[*doubts, *o.doubts]) if doubts else o))
    return outcomes, cite_as


def _test(
    person: _Person, pc: _PeopleClaim, start: dt.date | None, end: dt.date | None, in_works: _InWorks
) -> _Outcome | None:
    """The claim's test of one person, on their records, then weighed against the works; in
    doubt where copies of a record of unknown order place them differently, or where the records
    may be an institution's, not a person's."""
    outcome = _by_one_orcid(person, _test_copies(person, pc, start, end, in_works), pc, start, end, in_works)
    if outcome is None:
        return None
    for why in (_two_orcids(outcome), _an_institution_as_person(person)):
        if why is not None:
            outcome = dataclasses.replace(outcome, status=min(outcome.status, UNKNOWN), doubts=[*outcome.doubts, why])
    return outcome


def _by_one_orcid(
    person: _Person,
    outcome: _Outcome | None,
    pc: _PeopleClaim,
    start: dt.date | None,
    end: dt.date | None,
    in_works: _InWorks,
) -> _Outcome | None:
    """Of a person whose records give two ORCID iDs (joined by a merged OpenAlex id), what the
    records of one iD alone show, where all of them certainly show it too: the other's records
    then make it no doubt (`_two_orcids`). Two iDs may be two people, or one person's two (a
    duplicate ORCID record OpenAlex's merge joins), so a finding certain by one reading alone is
    a doubt: at the subject for years before the period in the other iD's records, the person
    joined as OpenAlex holds them made no move. Else what all of them show, and where they show
    nothing, what one iD's show, a doubt (`_another_orcid`). An iD known only from a record that
    places no one (`_Person.unplaced`) counts too: a finding certain together but by no one iD's
    records alone rests on works under that record's id, which may be that iD's (`_works_of`)."""
    orcids = sorted({r.orcid for r in (*person.records, *person.unplaced) if r.orcid})
    if len(orcids) < 2 or person.copies_differ:  # copies that differ are a doubt already
        return outcome
    placed = sorted({r.orcid for r in person.records if r.orcid})  # an iD of no record here shows nothing alone
    alone = [(orcid, _test_copies(_of_one_orcid(person, orcid), pc, start, end, in_works)) for orcid in placed]
    certain = next((o for _, o in alone if o is not None and o.status == TRUE), None)
    if certain is not None and outcome is not None and outcome.status == TRUE:
        return certain
    if (
        outcome is not None
        and outcome.status == TRUE
        and _two_orcids(outcome) is None
        and (why := _works_of(person, outcome, pc, start, end, in_works)) is not None
    ):
        return dataclasses.replace(outcome, status=UNKNOWN, doubts=[*outcome.doubts, why])
    if outcome is not None:
        return outcome
    orcid, shown = next(((orcid, o) for orcid, o in alone if o is not None and o.status == TRUE), (None, None))
    if shown is None:
        orcid, shown = next(((orcid, o) for orcid, o in alone if o is not None), (None, None))
    if shown is None or orcid is None:
        return None
    why = _another_orcid(person, orcid)
    return dataclasses.replace(shown, status=min(shown.status, UNKNOWN), doubts=[*shown.doubts, why])


def _of_one_orcid(person: _Person, orcid: str) -> _Person:
    """The person as the records giving one ORCID iD have them; works are read by every id of
    theirs (`_work_ids`) but those of the records giving another iD, whose works are that iD's
    (one under a merged id showing them at both places at once is no proof of this one)."""
    mine = {id(r) for r in person.records if r.orcid == orcid}
    given = (*person.records, *person.unplaced)
    others = frozenset(r.openalex_id for r in given if r.orcid not in (orcid, None) and r.openalex_id)
    return _Person(
        [r for r in person.records if id(r) in mine],
        [p for p in person.at_subject if id(p.record) in mine],
        [p for p in person.at_listed if id(p.record) in mine],
        person.orcid_ids,
        missing_affiliations=[r for r in person.missing_affiliations if r.orcid in (orcid, None)],
        not_theirs=others,
    )


def _another_orcid(person: _Person, orcid: str) -> str:
    """Why what the records of one ORCID iD show is a doubt where all the person's records show
    otherwise: the others give another iD."""
    others = _records_giving_other_orcids(person, {orcid})
    return (
        f"joined as one person by a merged OpenAlex author id or a shared ORCID iD with records giving another "
        f"ORCID iD ({others}), which together show otherwise: two iDs are two people unless one person holds "
        "both, so which records are this person's is not known"
    )


def _works_of(
    person: _Person,
    outcome: _Outcome,
    pc: _PeopleClaim,
    start: dt.date | None,
    end: dt.date | None,
    in_works: _InWorks,
) -> str | None:
    """Why a finding certain by all the person's records together, by no one iD's alone, and
    resting on the records of one iD is a doubt, if it is: it rests on works under the OpenAlex id
    of a record giving another iD (a merged id of theirs), which may be that iD's, another
    person's. Without those works, it would not be certain."""
    resting = {p.record.orcid for p in (*outcome.at_subject, *outcome.at_listed) if p.record.orcid}
    given = (*person.records, *person.unplaced)
    ids = frozenset(r.openalex_id for r in given if r.orcid and r.orcid not in resting and r.openalex_id)
    if not ids:
        return None
    apart = _test_copies(dataclasses.replace(person, not_theirs=person.not_theirs | ids), pc, start, end, in_works)
    if apart is not None and apart.status == TRUE:
        return None
    others = _records_giving_other_orcids(person, resting)
    return (
        f"it rests on works under the OpenAlex author id of a record giving another ORCID iD ({others}), joined "
        "with the person's records by a merged OpenAlex author id: two iDs are two people unless one person holds "
        "both, so those works may be another person's"
    )


def _records_giving_other_orcids(person: _Person, orcids: set[str]) -> str:
    """The records of the person (and those under their ids placing no one) giving an ORCID iD
    other than these, each as its iD, where it is and its OpenAlex id."""
    given = {id(r): r for r in (*person.records, *person.unplaced)}.values()
    return "; ".join(
        f"{r.orcid} in {r.origin} ({r.id})"
        for r in sorted(given, key=lambda r: (r.orcid or "", _origin_order(r)))
        if r.orcid and r.orcid not in orcids
    )


def _two_orcids(outcome: _Outcome) -> str | None:
    """Why placements from records giving two ORCID iDs are no certain finding: records are joined
    as one person by an OpenAlex id merged into another (or an ORCID iD shared along a chain of
    them), and a merge may join two people, as two iDs say they are. What the records show
    together (at a listed university in one, at the subject in the other) may be two people's."""
    records: dict[str, dict[int, AuthorRecord]] = {}
    for p in (*outcome.at_subject, *outcome.at_listed):
        if p.record.orcid:
            records.setdefault(p.record.orcid, {})[id(p.record)] = p.record
    given = {
        orcid: list(dict.fromkeys(f"{r.origin} ({r.id})" for r in sorted(rs.values(), key=_origin_order)))
        for orcid, rs in records.items()
    }
    # Copies of one record giving two iDs are weighed as copies (`_author_copies`), said there.
    if len(given) < 2 or len({p.record.id for p in (*outcome.at_subject, *outcome.at_listed) if p.record.orcid}) < 2:
        return None
    said = "; ".join(f"{orcid} in {', '.join(where)}" for orcid, where in sorted(given.items()))
    return (
        f"the records it rests on give {len(given)} ORCID iDs ({said}), though joined as one person by a merged "
        "OpenAlex author id or a shared ORCID iD: two iDs are two people, so what they show together may be two "
        "people's"
    )


def _an_institution_as_person(person: _Person) -> str | None:
    """Why a person may be no person: every record of theirs is OpenAlex's and bears an
    institution's name ("Harbin Institute of Technology", "School of Computer Science"), as the
    author records OpenAlex made of the institutions Crossref put among a work's authors do (their
    affiliations are the works'), and none gives an ORCID iD, which only a person holds."""
    records = person.records
    if any(r.origin.kind == "curated" or r.orcid or not names_an_institution(r.name) for r in records):
        return None
    names = ", ".join(dict.fromkeys(f"\u201c{printable(r.name)}\u201d" for r in records))
    return (
        f"the author record is named {names}, an institution's name, not a person's: OpenAlex makes such "
        "records of institutions Crossref put among a work's authors, so this may be no person at all"
    )


def _by_name(people: Sequence[_Person]) -> dict[str, list[_Person]]:
    """People by each of their full names, read alike (`_full_names`)."""
    out: dict[str, list[_Person]] = {}
    for person in people:
        for name in _full_names(person):
            out.setdefault(name, []).append(person)
    return out


def _with_namesakes(
    person: _Person,
    by_name: dict[str, list[_Person]],
    pc: _PeopleClaim,
    start: dt.date | None,
    end: dt.date | None,
    in_works: _InWorks,
) -> tuple[_Outcome | None, _Person, list[_Namesake]]:
    """For a person the claim's test passes over, the test with the records of their namesakes
    the records place at a listed entry and at the subject in no year of the period (at the entry
    alone, or at the subject before it, whose years there are joined to the person's): OpenAlex
    splits one person's works between author records, a move between institutions among the
    commonest causes, so the record of their years at a listed university may bear another id. A name is no identity: what the
    records would show together is a doubt, never a match, said why. Two people who give two
    ORCID iDs are two. Names pair written out in full, never by an initials form alone ("W. Li" is
    every Wei and Wen Li). Also the person with those records, whose works to cite, and the
    namesakes' records the finding turns on, for their doubts (`_namesake_doubt`)."""
    own_orcid = any(r.orcid for r in person.records)
    names = _full_names(person)
    # A name in its other order too ("Wang Xiaoming" beside "Xiaoming Wang"): a doubt, said so.
    found = {id(n): n for name in sorted({*names, *_turned(names)}) for n in by_name.get(name, ())}
    namesakes = [n for n in found.values() if not (own_orcid and any(r.orcid for r in n.records))]
    if not namesakes:
        return None, person, []
    together = _Person(
        [*person.records, *(r for n in namesakes for r in n.records)],
        [*person.at_subject, *(p for n in namesakes for p in n.at_subject)],
        [*person.at_listed, *(p for n in namesakes for p in n.at_listed)],
        sorted({*person.orcid_ids, *(i for n in namesakes for i in n.orcid_ids)}),
        sorted({*person.copies_differ, *(d for n in namesakes for d in n.copies_differ)}),
        [*person.copy_groups, *(g for n in namesakes for g in n.copy_groups)],
    )
    joined = {id(r) for r in together.records}
    together.unplaced = list(
        {
            id(r): r for r in (*person.unplaced, *(r for n in namesakes for r in n.unplaced)) if id(r) not in joined
        }.values()
    )
    outcome = _test(together, pc, start, end, in_works)
    if outcome is None:
        return None, person, []
    own = {id(r) for r in person.records}
    theirs: dict[int, list[_Place]] = {}
    for p in (*outcome.at_subject, *outcome.at_listed):  # a namesake's years at the subject, before the period
        if id(p.record) not in own:
            theirs.setdefault(id(p.record), []).append(p)
    shared = {id(r): _shared_name(names, n) for n in namesakes for r in n.records}
    used = [_Namesake(places, *shared[key]) for key, places in theirs.items()]
    return dataclasses.replace(outcome, status=min(outcome.status, UNKNOWN)), together, used


@dataclasses.dataclass(frozen=True)
class _Namesake:
    """A namesake's record a finding turns on: its placements at listed entries, and the name
    the person shares with it."""

    places: Sequence[_Place]
    name: str
    turned: str | None = None  # the namesake's spelling, where it is the name in the other order


def _shared_name(names: dict[str, str], namesake: _Person) -> tuple[str, str | None]:
    """The full name a person and their namesake share, as the person's records spell it; where
    they share one only in its other order (`_turned`), it and the namesake's spelling too."""
    theirs = _full_names(namesake)
    if shared := names.keys() & theirs.keys():
        return names[min(shared)], None
    turned = _turned(theirs)
    first = min(names.keys() & turned.keys())
    return names[first], theirs[turned[first]]


def _namesake_doubt(namesake: _Namesake, in_openalex: bool, weighed: int, subject: str) -> str:
    """Why a namesake's record is a doubt, naming the name shared (first, since it is what the
    finding turns on): for two OpenAlex records, a split is common. One record weighed with
    several people (`weighed`) is at most one of them: said, so that they are not read as that
    many people at the listed entry."""
    places, name = namesake.places, namesake.name
    record = places[0].record
    where = "; ".join(
        dict.fromkeys(f"{p.label} in {_years(p.years)}" if p.years else f"{p.label}, with no years" for p in places)
    )
    why = (
        "OpenAlex may have split one person's works between two author records (a move between institutions often does)"
        if in_openalex and record.origin.kind != "curated"
        else "the two records share no OpenAlex author id nor ORCID iD to tell"
    )
    return (
        f"{record.origin} ({record.id}, \u201c{printable(record.name)}\u201d) {_bearing(name, namesake.turned)} "
        "and places them at "
        f"{where}: {why}, and a name is no identity, so whether it is theirs is not known"
        + (
            f"; it may be the record of at most one of the {weighed} people at {subject} who share a name with it"
            if weighed > 1
            else ""
        )
    )


def _bearing(name: str, turned: str | None) -> str:
    """What of the person's name a namesake's record bears: the name, or one that may be it
    written in the other order (`_turned`)."""
    if turned is None:
        return f"bears their name \u201c{printable(name)}\u201d"
    return (
        f"bears what may be their name \u201c{printable(name)}\u201d written in the other order, "
        f"\u201c{printable(turned)}\u201d ({TWO_ORDERS}),"
    )


def _test_copies(
    person: _Person, pc: _PeopleClaim, start: dt.date | None, end: dt.date | None, in_works: _InWorks
) -> _Outcome | None:
    """The claim's test of one person, on their records, then weighed against the works; in
    doubt where copies of a record of unknown order place them differently."""
    outcome = _test_records(person, pc, start, end, in_works)
    if not person.copies_differ:
        return outcome
    # The person as each choice of one copy of every such record would have them: where one
    # answers otherwise than all together (a move the earliest year of another copy hides), which
    # is current is not known. Copies that differ in who they are (an ORCID iD one gives) join
    # the person's records otherwise, which no choice here shows: always a doubt, but where the
    # iD joins no record beyond the copies (`_Person.copies_join_others`) and no choice makes them
    # a finding: where one does, the iD still weighs in telling them from a namesake.
    # So is a choice among too many.
    joins = person.identity_differs and person.copies_join_others
    variants = None if joins else _variants(person)
    if variants is not None:
        answers = [outcome, *(_test_records(v, pc, start, end, in_works) if v.at_subject else None for v in variants)]
        if len({None if o is None else o.status for o in answers}) == 1 and (
            outcome is None or not person.identity_differs
        ):
            return outcome
        outcome = outcome or next((o for o in answers if o is not None), None)
    base = outcome or _Outcome(UNKNOWN, person.at_subject, [], [])
    return dataclasses.replace(base, status=min(base.status, UNKNOWN), doubts=[*base.doubts, *person.copies_differ])


_MOST_VARIANTS = 64


def _variants(person: _Person) -> list[_Person] | None:
    """The person as each choice of one copy of unknown order of each of their records would
    have them, the other copies left out; None where there are more than `_MOST_VARIANTS`."""
    groups = person.copy_groups
    if math.prod(len(g) for g in groups) > _MOST_VARIANTS:
        return None
    out = []
    for choice in itertools.product(*groups):
        others = {id(r) for g, kept in zip(groups, choice, strict=True) for r in g if r is not kept}
        out.append(
            _Person(
                [r for r in person.records if id(r) not in others],
                [p for p in person.at_subject if id(p.record) not in others],
                [p for p in person.at_listed if id(p.record) not in others],
                person.orcid_ids,
            )
        )
    return out


def _test_records(
    person: _Person, pc: _PeopleClaim, start: dt.date | None, end: dt.date | None, in_works: _InWorks
) -> _Outcome | None:
    ids = _work_ids(person)
    listed = [x for lm in pc.lists for x in _by_ids(in_works.at_listed.get(id(lm), {}), ids)]
    works = _by_ids(in_works.at_subject.get(id(pc.subject), {}), ids)
    if not pc.cond.joined_from:
        pairs = [(id(pc.subject), id(lm)) for lm in pc.lists]
        at_once = {x for pair in pairs for x in _by_ids(in_works.at_once.get(pair, {}), ids)}
        unshown = [x for pair in pairs for x in _by_ids(in_works.at_once_unshown.get(pair, {}), ids)]
        outcome = _holds_both(person, pc, start, end, at_once)
        if outcome is not None or not (listed or unshown):
            return outcome
        return _both_in_works(person, pc, listed, at_once, works, start, end, unshown)
    outcome = _joined(person, pc, start, end)
    if outcome is None:
        return _listed_in_works(person, pc, listed, start, end) if listed else None
    return _earlier_in_works(person, outcome, works, pc.claim.subject.name)


def _by_ids(found: Mapping[str, Iterable[_T]], ids: Sequence[str]) -> list[_T]:
    """What the works showed of any of these author ids, id by id."""
    return [x for i in ids for x in found.get(i, ())]


def _want(
    person: _Person,
    outcome: _Outcome,
    pc: _PeopleClaim,
    wanted: dict[int, _Wanted],
    by_author: dict[str, list[_Wanted]],
) -> None:
    """Ask for the works that show each placement a finding cites, by the person's author ids."""
    ids = _openalex_ids(person)
    if not ids:
        return
    years = set(outcome.shared)
    for p in (*outcome.at_subject, *outcome.at_listed):
        if id(p) in wanted or not p.years:
            continue
        shows = pc.subject if p.hit is None else next(m for m in pc.lists if m.list is p.hit.reference_list)
        w = wanted[id(p)] = _Wanted(p, frozenset(years & set(p.years) if years else p.years), shows)
        for i in ids:
            by_author.setdefault(i, []).append(w)


def _with_people(
    claims: ClaimSet,
    results: Iterable[ClaimResult],
    evidence: Sequence[Evidence],
    as_of: dt.date | None,
    reviews: Reviews | None = None,
    matchers: _Matchers | None = None,
    copies: Copies = NO_COPIES,
) -> tuple[ClaimResult, ...]:
    """The run's results in claim order, each claim about people judged on author records in
    place of the empty result its works pass gave it; of the copies of one work record, only
    those that stand (`copies`) place or are cited."""
    people = _judge_people(claims, evidence, as_of, reviews, matchers, copies)
    return tuple(people.get(r.claim, r) for r in results)
