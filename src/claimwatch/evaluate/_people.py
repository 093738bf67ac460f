"""Claims about people (`authors:`): judged on author records, not works.

A person is every author record that names them: records sharing an OpenAlex id (or one OpenAlex
merged into another), an ORCID, or a curated record, are one person. A person is the subject's
where a record places them at it, matched as a work's authorship is (ids, lineage, ROR; names
with the country rule, `_matchers`); list entries are matched the same way.

The years are what the records give: for OpenAlex, publication years (the years of the
person's works that state the institution), not employment dates; for a curated history, the
years its sources state. So precision comes first, as for works: a person counts only where the
years certainly show the condition. A first year at the subject that straddles the claim's
start, the same year at both places (which shows no move), a record giving no years for an
institution that matters, a name the record cannot place: each makes the person uncertain, said
why, never a match. Silence is never proof: `not_contradicted` needs evidence that declares it
holds the record of every author of the subject's works over the claim's period.

Where some person is a finding, the works are read once more, to cite the works by their
OpenAlex author id that state each institution in the years cited.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from .._text import printable
from ..claims import AuthorCondition, Claim, ClaimFile, ClaimSet, describe, describe_period
from ..evidence import Evidence, copy_stands, newest_day, updated_day
from ..people import PUBLICATION_YEARS, STATED_YEARS, Affiliation, AuthorRecord
from ..results import (
    DIRECT_METHODS,
    ClaimResult,
    CoverageReport,
    Expectation,
    InstitutionRef,
    Interpretation,
    Method,
    Period,
    PersonFinding,
    PersonWork,
    Placement,
    Verdict,
)
from ..reviews import Reviews
from ..works import Authorship, Institution, PartialDate, Work
from ._conditions import FALSE, TRUE, UNKNOWN, Truth
from ._copies import NO_COPIES, Copies
from ._matchers import ListMatcher, SubjectMatcher, _entry_ref, _EntryHit, _Matchers, _SubjectHit
from ._names import NameHit
from ._reviewing import _apply_reviews, _Kind
from ._verdicts import _reviews_note, _unassessed

WORKS_CITED = 3  # per placement: the earliest few; the rest are counted
PEOPLE_CITED = 3  # in a verdict's sentence


# --- where records place people ---------------------------------------------------------------


@dataclass(eq=False)
class _Place:
    """One affiliation of one author record that matched the subject or a list entry."""

    record: AuthorRecord
    affiliation: Affiliation
    method: Method
    matched_text: str | None
    name: NameHit | None
    doubt: str | None
    hit: _EntryHit | None = None  # the list entry, for a listed institution

    @property
    def years(self) -> tuple[int, ...]:
        return self.affiliation.years

    @property
    def sure(self) -> bool:
        return self.doubt is None

    @property
    def label(self) -> str:
        """The institution, and for a listed one its entry where the names differ."""
        name = self.affiliation.institution.name or self.affiliation.institution.id or "(unnamed institution)"
        if self.hit is not None and self.hit.entry.name != name:
            return f"{name} ({self.hit.entry.name})"
        return name


def _as_authorship(record: AuthorRecord, affiliation: Affiliation) -> Authorship:
    """An affiliation as the matchers read an authorship. A curated history's institution name is
    stated text, as a curated work's affiliation is; an OpenAlex record's is OpenAlex's display
    name, matched as `name_in_institution`."""
    inst = affiliation.institution
    stated = (inst.name,) if record.origin.kind == "curated" and inst.name else ()
    return Authorship(name=record.name, position=0, institutions=(inst,), raw_affiliations=stated)


_Hits = tuple[list[_SubjectHit | None], list[list[_EntryHit]]]


class _PlaceFinder:
    """Where an affiliation places a person, for every subject and list of the run's claims about
    people. Institutions repeat from record to record (every author at one university names it),
    so each distinct one is matched once."""

    def __init__(self, subjects: list[SubjectMatcher], lists: list[ListMatcher]):
        self.subjects = subjects
        self.lists = lists
        self._seen: dict[tuple, _Hits] = {}

    def places(self, kept: _Kept) -> None:
        """Fill `kept` with the places its record's affiliations give."""
        record = kept.record
        for affiliation in record.affiliations:
            subject_hits, list_hits = self._hits(record, affiliation)
            for sm, hit in zip(self.subjects, subject_hits, strict=True):
                if hit is not None:
                    place = _Place(record, affiliation, hit.method, hit.matched_text, hit.name, hit.doubt)
                    kept.subject.setdefault(id(sm), []).append(place)
            for lm, hits in zip(self.lists, list_hits, strict=True):
                for h in hits:
                    place = _Place(record, affiliation, h.method, h.matched_text, h.name, h.doubt, h)
                    kept.listed.setdefault(id(lm), []).append(place)
        # A last known institution the affiliations lack (they lag behind it, or an older dump
        # gives nothing else) places the person at the subject with no years: a doubt, never
        # silence. Only the subject's side: where they are now says nothing of where they were.
        for inst in record.last_known_institutions:
            affiliation = Affiliation(institution=inst)
            subject_hits, _ = self._hits(record, affiliation)
            for sm, hit in zip(self.subjects, subject_hits, strict=True):
                placed = any(p.record is record for p in kept.subject.get(id(sm), ()))
                if hit is not None and not placed:  # where the affiliations place them, it adds nothing
                    place = _Place(record, affiliation, hit.method, hit.matched_text, hit.name, hit.doubt)
                    kept.subject.setdefault(id(sm), []).append(place)

    def _hits(self, record: AuthorRecord, affiliation: Affiliation) -> _Hits:
        a = _as_authorship(record, affiliation)
        inst = affiliation.institution
        key = (inst.id, inst.name, inst.ror, inst.country, inst.lineage, a.raw_affiliations)
        found = self._seen.get(key)
        if found is None:
            # _match is the matcher's test of one authorship; SubjectMatcher.hits walks a whole work.
            subjects = [sm._match(a) or _named_only(sm, a) for sm in self.subjects]
            found = self._seen[key] = (subjects, [lm.hits(a) for lm in self.lists])
        return found


def _named_only(sm: SubjectMatcher, a: Authorship) -> _SubjectHit | None:
    """An institution OpenAlex kept by its name alone (no id, no ROR) that bears one of the
    subject's names: a doubt, never a place, since the name may be another's. Ignored, it would
    let a record's earlier year at the subject go unseen, and a move be counted."""
    (inst,) = a.institutions
    if inst.id or inst.ror or not inst.name or a.raw_affiliations:
        return None
    country = sm.subject.country
    if country and inst.country and inst.country != country:
        return None  # the record places it in another country: not the subject, by the country rule
    hit = sm._match(dataclasses.replace(a, raw_affiliations=(inst.name,)))
    if hit is None:
        return None
    why = f"the record gives {printable(inst.name)} with no OpenAlex id, so it may or may not be {sm.subject.name}"
    return hit._replace(institution=inst, doubt=why)


@dataclass(eq=False)
class _Kept:
    """An author record some claim about people may need: its places, by matcher."""

    record: AuthorRecord
    subject: dict[int, list[_Place]] = field(default_factory=dict)
    listed: dict[int, list[_Place]] = field(default_factory=dict)
    doubt: str | None = None  # copies of the record of unknown order place the person differently
    copies: tuple[AuthorRecord, ...] = ()  # those copies, this one among them, kept or not


@dataclass(eq=False)
class _PeopleClaim:
    claim: Claim
    cond: AuthorCondition
    file: ClaimFile
    subject: SubjectMatcher
    lists: list[ListMatcher]


def _read_records(
    compiled: list[_PeopleClaim], evidence: Sequence[Evidence], copies: Copies = NO_COPIES
) -> tuple[list[_Kept], int, dict[str, set[str]]]:
    """Every author record of the evidence, read once; kept where it places the person at some
    claim's subject or at an entry of its lists. Also how many records were read, and the
    OpenAlex ids of every record that gives an ORCID iD, by ORCID: works may name a person by the
    id of a record the claims would not keep."""
    finder = _PlaceFinder(
        list({id(pc.subject): pc.subject for pc in compiled}.values()),
        list({id(m): m for pc in compiled for m in pc.lists}.values()),
    )
    kept: list[_Kept] = []
    by_orcid: dict[str, set[str]] = {}
    read = [record for source in evidence for record in source.authors()]
    standing, differing = _author_copies(read)
    # An older copy of a record (OpenAlex has corrected it since) places no one, nor says a lineage.
    records = _with_lineage([r for r in read if id(r) in standing], evidence, copies)
    for record in records:
        doubt, copies_of_it = differing.get(id(record), (None, ()))
        k = _Kept(record, doubt=doubt, copies=copies_of_it)
        finder.places(k)
        if k.subject or k.listed:
            kept.append(k)
        if record.orcid and record.openalex_id:  # kept or not: another claim may keep it
            by_orcid.setdefault(record.orcid, set()).update((record.openalex_id, *record.merged_ids))
    return kept, len(read), by_orcid


def _with_lineage(
    records: list[AuthorRecord], evidence: Sequence[Evidence], copies: Copies = NO_COPIES
) -> list[AuthorRecord]:
    """Curated histories with the institutions they name by OpenAlex id placed in OpenAlex's
    lineage, as the evidence's OpenAlex records give it (author records, else works): a history
    naming a lab (Microsoft Research Asia) places the person at its parent (Microsoft) too. A
    curated file gives an id alone, and the lab's years there were read as no place at the parent:
    a move "joined Microsoft in 2023" of a person the history places at the lab since 2015."""
    wanted = {
        a.institution.id for r in records if r.origin.kind == "curated" for a in r.affiliations if a.institution.id
    }
    if not wanted:
        return records
    lineage: dict[str, set[str]] = {}

    def seen(inst: Institution) -> None:
        if inst.id in wanted and len(inst.lineage) > 1:
            lineage.setdefault(inst.id, set()).update(inst.lineage)

    for r in records:
        if r.origin.kind != "curated":
            for inst in (*(a.institution for a in r.affiliations), *r.last_known_institutions):
                seen(inst)
    if wanted - lineage.keys():
        for source in evidence:
            for work in source.works():
                if copies.stands(work):  # an older copy of a work says no lineage either
                    for authorship in work.authorships:
                        for inst in authorship.institutions:
                            seen(inst)
    if not lineage:
        return records
    return [_placed_in_lineage(r, lineage) if r.origin.kind == "curated" else r for r in records]


def _placed_in_lineage(record: AuthorRecord, lineage: dict[str, set[str]]) -> AuthorRecord:
    def completed(a: Affiliation) -> Affiliation:
        inst = a.institution
        if inst.id not in lineage:
            return a
        parents = (inst.id, *sorted(lineage[inst.id] - {inst.id}))
        return dataclasses.replace(a, institution=Institution(inst.name, inst.id, inst.ror, parents, inst.country))

    return dataclasses.replace(record, affiliations=tuple(completed(a) for a in record.affiliations))


def _placements(r: AuthorRecord) -> tuple:
    """Who a record says the person is and where it places them, whatever the order it lists
    them in: its ORCID iD, the institutions (id, name, country, ROR and lineage, all of which the
    matchers read) with their years, and the last known ones. Copies that differ only so that no
    verdict changes are told apart by `_test`."""

    def where(i: Institution) -> tuple:
        return (i.id or "", i.name, i.country or "", i.ror or "", tuple(i.lineage))  # what the matchers read

    places = sorted((where(a.institution), a.years) for a in r.affiliations)
    return r.orcid or "", tuple(places), tuple(sorted(where(i) for i in r.last_known_institutions))


def _author_copies(records: list[AuthorRecord]) -> tuple[set[int], dict[int, tuple[str, tuple[AuthorRecord, ...]]]]:
    """Copies of one OpenAlex author record (an old snapshot beside a new one, two exports in one
    file) weighed as a work record's are: the newest by the day of its `updated_date` is the
    person now, and older copies are set aside. Returns the records that stand (by `id()`), and,
    for copies of unknown order that place the person differently, why that is a doubt and every
    such copy (each is weighed alone: `_variants`)."""
    by_author: dict[str, list[AuthorRecord]] = {}
    for r in records:
        if r.openalex_id and r.origin.kind != "curated":
            by_author.setdefault(r.openalex_id, []).append(r)
    standing = {id(r) for r in records}
    differing: dict[int, tuple[str, tuple[AuthorRecord, ...]]] = {}
    for author, copies in by_author.items():
        if len(copies) < 2:
            continue
        newest = newest_day((updated_day(r.updated), True) for r in copies)
        stand = [r for r in copies if copy_stands(updated_day(r.updated), True, newest)]
        standing -= {id(r) for r in copies} - {id(r) for r in stand}
        placed = [_placements(r) for r in stand]
        if any(p != placed[0] for p in placed[1:]):
            origins = sorted({str(r.origin) for r in stand})
            where = ", ".join(origins[:5]) + (f" and {len(origins) - 5:,} more" if len(origins) > 5 else "")
            doubt = (
                f"{author} is given by {len(stand)} author records that place them differently ({where}), and "
                "which of them is current is not known: not every one gives an updated_date, or they were "
                "updated the same day"
            )
            together = (doubt, tuple(stand))  # one tuple shared by every copy
            differing.update((id(r), together) for r in stand)
    return standing, differing


# --- people -----------------------------------------------------------------------------------


@dataclass(eq=False)
class _Person:
    records: list[AuthorRecord]
    at_subject: list[_Place]
    at_listed: list[_Place]
    # The OpenAlex ids of every record sharing the person's ORCID iD, kept or not (one that places
    # them nowhere the claim looks is not among their records): works may name them by any.
    orcid_ids: list[str] = field(default_factory=list)
    copies_differ: list[str] = field(default_factory=list)  # `_author_copies`' doubts
    copy_groups: list[list[AuthorRecord]] = field(default_factory=list)  # the copies that differ, by record

    @property
    def identity_differs(self) -> bool:
        """Whether copies of one of their records give different ORCID iDs (or one gives none)."""
        return any(len({r.orcid for r in g}) > 1 for g in self.copy_groups)


def _people(pc: _PeopleClaim, kept: list[_Kept], by_orcid: dict[str, set[str]]) -> list[_Person]:
    """The claim's persons: records that share an identity key joined (a union-find over the
    keys), and only those a record places at the subject."""
    relevant = [k for k in kept if id(pc.subject) in k.subject or any(id(m) in k.listed for m in pc.lists)]
    parent = list(range(len(relevant)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for i, k in enumerate(relevant):
        for key in k.record.identity_keys() or [f"record:{k.record.origin}"]:
            j = owner.setdefault(key, i)
            if j != i:
                parent[root(i)] = root(j)
    groups: dict[int, list[_Kept]] = {}
    for i, k in enumerate(relevant):
        groups.setdefault(root(i), []).append(k)
    people = []
    for group in groups.values():
        at_subject = [p for k in group for p in k.subject.get(id(pc.subject), ())]
        if at_subject:
            at_listed = [p for k in group for m in pc.lists for p in k.listed.get(id(m), ())]
            records = [k.record for k in group]
            orcid_ids = sorted({i for r in records if r.orcid for i in by_orcid.get(r.orcid, ())})
            differ = sorted({k.doubt for k in group if k.doubt})
            # Every copy of unknown order, those placing the person nowhere the claim looks too.
            groups_of_copies: dict[str | None, list[AuthorRecord]] = {}
            for k in group:  # once an id: a record copied 16,000 times is 16,000 kept records
                if k.copies and k.record.openalex_id not in groups_of_copies:
                    groups_of_copies[k.record.openalex_id] = list(k.copies)
            people.append(_Person(records, at_subject, at_listed, orcid_ids, differ, list(groups_of_copies.values())))
    return people


# --- years ------------------------------------------------------------------------------------


def _year_in(year: int, start: dt.date | None, end: dt.date | None) -> tuple[Truth, str | None]:
    """A year inside the claim's period (TRUE), outside it (FALSE), or across one of its bounds
    (UNKNOWN, with the doubt): a year in a record is no day."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if (start and last < start) or (end and first > end):
        return FALSE, None
    if start and first < start:
        return UNKNOWN, f"may fall before {start}"
    if end and last > end:
        return UNKNOWN, f"may fall after {end}"
    return TRUE, None


def _taken_off_by(hit: _EntryHit, year: int) -> str | None:
    """Where a claim counts any listing (no `listed_before`), why an entry taken off the list
    before the end of `year` may not count for it, as for a work (`_taken_off`)."""
    entry = hit.entry
    if entry.listed_to is None or entry.listed_to >= dt.date(year, 12, 31):
        return None
    when = "before" if entry.listed_to < dt.date(year, 1, 1) else "within"
    return (
        f"{entry.name} was taken off the list on {entry.listed_to}, {when} {year}: whether a former listing "
        "counts is for a reviewer (listed_before leaves such listings out)"
    )


def _listed_by(hit: _EntryHit, year: int) -> tuple[bool | None, str | None]:
    """Was the entry on the list through the year: listed on or before it, and not taken off
    within or before it? None where a year cannot say (a listing or a removal inside it, or no
    listing date)."""
    entry = hit.entry
    if entry.listed_to is not None and entry.listed_to < dt.date(year, 1, 1):
        return False, None  # off the list before the year began
    if entry.listed_from is None:
        return None, f"the listing date of {entry.name} is not known"
    if entry.listed_from > dt.date(year, 12, 31):
        return False, None
    if entry.listed_from > dt.date(year, 1, 1):
        return (
            None,
            f"{entry.name} was listed on {entry.listed_from}, within {year}, and a year cannot say which came first",
        )
    if entry.listed_to is not None and entry.listed_to < dt.date(year, 12, 31):
        return (
            None,
            f"{entry.name} was taken off the list on {entry.listed_to}, within {year}, and a year cannot say "
            "which came first",
        )
    return True, None


def _basis(record: AuthorRecord) -> str:
    return "publication years" if record.years_basis == PUBLICATION_YEARS else "the years its sources state"


def _years(years: Iterable[int]) -> str:
    """[2019, 2020, 2021, 2023] -> '2019–2021, 2023'."""
    runs: list[list[int]] = []
    for y in sorted(set(years)):
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}\u2013{r[-1]}" for r in runs) or "no year"


# --- the conditions ---------------------------------------------------------------------------


@dataclass
class _Outcome:
    """What one person's records show for one claim."""

    status: Truth
    at_subject: list[_Place]
    at_listed: list[_Place]
    doubts: list[str]
    first: int | None = None
    shared: list[int] = field(default_factory=list)
    listed_before: dict[int, bool | None] = field(default_factory=dict)  # by id() of a listed place


def _joined(person: _Person, pc: _PeopleClaim, start: dt.date | None, end: dt.date | None) -> _Outcome | None:
    """`joined_from`: first at the subject in the period, at a listed institution in an earlier
    year. None where the records certainly show it does not hold."""
    subject = pc.claim.subject.name
    first_side = _first_at_subject(person.at_subject, subject, start, end)
    if first_side is None:
        return None
    status, first, doubts = first_side
    listed = _listed_earlier(person.at_listed, first, pc.cond, subject)
    if listed is None:
        if any(r.affiliations for r in person.records):
            return None
        # Records with no affiliations (an older dump's, with its last known institution alone)
        # cannot show where the person was before: silence about it is no proof.
        why = f"their author records give no affiliations, only a last known institution, so where they were before {subject} is not known"
        return _Outcome(UNKNOWN, person.at_subject, [], [*doubts, why], first)
    listed_status, cited, listed_doubts, listed_before = listed
    return _Outcome(
        min(status, listed_status),
        person.at_subject,
        cited,
        doubts + listed_doubts,
        first,
        listed_before=listed_before,
    )


def _first_at_subject(
    places: list[_Place], subject: str, start: dt.date | None, end: dt.date | None
) -> tuple[Truth, int | None, list[str]] | None:
    """The first year the records certainly place the person at the subject, whether it falls in
    the period, and what makes it uncertain; None where it certainly falls outside."""
    sure_years = sorted({y for p in places if p.sure for y in p.years})
    first = sure_years[0] if sure_years else None
    if first is not None and start is not None and dt.date(first, 12, 31) < start:
        return None  # at the subject before the period: they did not join in it
    yearless = [p for p in places if not p.years]
    earlier = [p for p in places if not p.sure and p.years and (first is None or p.years[0] < first)]
    candidates = [y for y in (first, *(p.years[0] for p in earlier)) if y is not None]
    if not yearless and all(_year_in(y, start, end)[0] == FALSE for y in candidates):
        return None
    doubts = []
    status = TRUE
    if first is not None:
        where, doubt = _year_in(first, start, end)
        if where != TRUE:
            status = UNKNOWN
        if doubt:
            doubts.append(f"their first year at {subject}, {first}, {doubt}")
    for p in yearless:
        status = UNKNOWN
        when = (
            "so when they were first there is not known"
            if first is None
            else f"so they may have been there before {first}"
        )
        doubts.append(f"{p.record.origin} places them at {p.label} with no years, {when}" + _name_doubt(p))
    for p in earlier:
        status = UNKNOWN
        doubts.append(f"{p.record.origin} places them at {p.label} in {_years(p.years)}" + _name_doubt(p))
    return status, first, doubts


def _name_doubt(p: _Place) -> str:
    return f", and the name is uncertain: {p.doubt}" if p.doubt else ""


def _listed_earlier(
    places: list[_Place], first: int | None, cond: AuthorCondition, subject: str
) -> tuple[Truth, list[_Place], list[str], dict[int, bool | None]] | None:
    """Listed places before the first year at the subject: TRUE where one certainly is, UNKNOWN
    where one may be (the same year, no years, a doubtful name or listing), None where none can."""
    support: list[_Place] = []
    maybe: list[_Place] = []
    doubts: list[str] = []
    listed_before: dict[int, bool | None] = {}
    for p in places:
        assert p.hit is not None  # every listed place has its entry
        if first is None:
            maybe.append(p)
            if p.doubt:
                doubts.append(f"{p.label}: {p.doubt}")
            continue
        if not p.years:
            maybe.append(p)
            doubts.append(
                f"{p.record.origin} places them at {p.label} with no years, so whether they were there before "
                f"{first} is not known" + _name_doubt(p)
            )
            continue
        within = cond.within_years
        earlier = [y for y in p.years if y < first and (within is None or first - y <= within)]
        if not earlier and first not in p.years:
            continue
        listed, listing_doubt = _listed_by(p.hit, first) if cond.listed_before else (None, _taken_off_by(p.hit, first))
        if listed is False:
            continue
        listed_before[id(p)] = listed
        if not earlier:
            maybe.append(p)
            doubts.append(
                f"in {first} the records place them both at {p.label} and at {subject}: the same year "
                f"({_basis(p.record)}), which does not show that they moved from one to the other"
            )
        elif p.sure and (listed or not cond.listed_before) and listing_doubt is None:
            support.append(p)
        else:
            maybe.append(p)
            doubts += [d for d in (p.doubt and f"{p.label}: {p.doubt}", listing_doubt) if d]
    if support:
        return TRUE, support, [], listed_before
    if maybe:
        return UNKNOWN, maybe, doubts, listed_before
    return None


def _holds_both(
    person: _Person, pc: _PeopleClaim, start: dt.date | None, end: dt.date | None, at_once: set[tuple[int, str]]
) -> _Outcome | None:
    """`holds_both`: placed at the subject and at a listed institution in one year of the period.
    None where the records certainly show no such year. Matched only where something shows both
    at once (`_at_once`): the same year at two places is also a move within it."""
    subject = pc.claim.subject.name
    sure_years = {y for p in person.at_subject if p.sure for y in p.years}
    any_years = {y for p in person.at_subject for y in p.years}
    yearless = [p for p in person.at_subject if not p.years]
    in_period = sorted(y for y in any_years if _year_in(y, start, end)[0] != FALSE)
    support: list[_Place] = []
    maybe: list[_Place] = []
    doubts: list[str] = []
    shared: set[int] = set()
    listed_before: dict[int, bool | None] = {}
    for p in person.at_listed:
        assert p.hit is not None
        if not p.years:
            if in_period or yearless:
                maybe.append(p)
                doubts.append(
                    f"{p.record.origin} places them at {p.label} with no years, so whether they were there in a "
                    f"year they were at {subject} is not known" + _name_doubt(p)
                )
            continue
        for year in p.years:
            where, period_doubt = _year_in(year, start, end)
            if where == FALSE or (year not in any_years and not yearless):
                continue
            if pc.cond.listed_before:
                listed, listing_doubt = _listed_by(p.hit, year)
            else:
                listed, listing_doubt = None, _taken_off_by(p.hit, year)
            if listed is False:
                continue
            on_list = (listed or not pc.cond.listed_before) and listing_doubt is None
            sure = where == TRUE and p.sure and year in sure_years and on_list
            if sure and not _at_once(p, year, person.at_subject, at_once):
                sure = False
                doubts.append(
                    f"{year}: the records place them at {p.label} and at {subject} in the same year "
                    f"({_basis(p.record)}), which a move within it gives too; no work in the evidence certainly "
                    "gives them both on one authorship"
                )
            if sure:
                listed_before[id(p)] = listed  # the year the finding rests on
                support.append(p)
                shared.add(year)
                continue
            listed_before.setdefault(id(p), listed)
            maybe.append(p)
            if period_doubt:
                doubts.append(f"{year}, the year they were at both {p.label} and {subject}, {period_doubt}")
            if year not in any_years:
                doubts += [
                    f"{s.record.origin} places them at {s.label} with no years, so whether they were there in "
                    f"{year}, when they were at {p.label}, is not known"
                    for s in yearless
                ]
            elif year not in sure_years:
                doubts += [f"{s.label} in {year}: {s.doubt}" for s in person.at_subject if s.doubt and year in s.years]
            doubts += [d for d in (p.doubt and f"{p.label}: {p.doubt}", listing_doubt) if d]
    if support:
        at_subject = [s for s in person.at_subject if s.sure and shared & set(s.years)]
        return _Outcome(TRUE, at_subject, _once(support), [], shared=sorted(shared), listed_before=listed_before)
    if maybe:
        return _Outcome(UNKNOWN, person.at_subject, _once(maybe), doubts, listed_before=listed_before)
    return None


def _at_once(p: _Place, year: int, at_subject: list[_Place], at_once: set[tuple[int, str]]) -> bool:
    """Whether the person was at the listed place `p` and at the subject at once in `year`: a work
    gives both on one authorship that year, or a source states one of the two for the years on
    either side of it (there all year)."""
    assert p.hit is not None
    if (year, p.hit.entry.id) in at_once:
        return True
    sure_there = [s for s in at_subject if s.sure and year in s.years]
    return any(_all_year(q, year) for q in (p, *sure_there))


def _all_year(p: _Place, year: int) -> bool:
    """A placement a source states for the year before and the year after `year` as well. Not
    publication years: a paper may come out a year after its author left."""
    return p.record.years_basis == STATED_YEARS and {year - 1, year + 1} <= set(p.years)


def _once(places: list[_Place]) -> list[_Place]:
    """Each place once, in order (a place can count for several years)."""
    return list({id(p): p for p in places}.values())


def _considered(person: _Person, start: dt.date | None, end: dt.date | None) -> bool:
    """Placed at the subject in a year that may fall in the period, or with no years."""
    return any(not p.years or any(_year_in(y, start, end)[0] != FALSE for y in p.years) for p in person.at_subject)


# --- the works that show a placement ----------------------------------------------------------


@dataclass(eq=False)
class _Wanted:
    """A placement whose works are looked for: an author at an institution in some years."""

    place: _Place
    years: frozenset[int]
    shows: SubjectMatcher | ListMatcher
    found: dict[str, PersonWork] = field(default_factory=dict)

    def offer(self, work: Work, authorship: Authorship) -> None:
        if work.published is None or work.published.year not in self.years:
            return
        if isinstance(self.shows, SubjectMatcher):
            hit = self.shows._match(authorship)
            if hit is None or hit.doubt is not None:
                return
        else:
            entry = self.place.hit.entry.id if self.place.hit else None
            if not any(h.entry.id == entry and h.doubt is None for h in self.shows.hits(authorship)):
                return
        wid = work.group or work.id
        if wid not in self.found:
            self.found[wid] = PersonWork(
                id=wid,
                title=work.title,
                publication_date=str(work.published),
                doi=work.doi,
                record=str(work.origin),
            )


@dataclass
class _InWorks:
    """What the works in the evidence show of the people, by OpenAlex author id: each work placing
    them at a subject (its date, and whether the match is certain), by subject matcher; and the
    years a work certainly places a person at a list entry, by list matcher, for the people
    asked about. Author records and works fall out of step (a record older than the works, a
    year the record leaves out): what the works show is weighed beside the records."""

    at_subject: dict[int, dict[str, list[tuple[PartialDate | None, bool]]]]
    at_listed: dict[int, dict[str, list[tuple[int, _EntryHit]]]]
    # For `holds_both`, by (subject matcher, list matcher): the years, and list entries, in which
    # one authorship of a work certainly gives a person both: at once, as records' years cannot say.
    at_once: dict[tuple[int, int], dict[str, set[tuple[int, str]]]] = field(default_factory=dict)


def _read_works(
    compiled: list[_PeopleClaim], evidence: Sequence[Evidence], asked: set[str], copies: Copies = NO_COPIES
) -> _InWorks:
    """One pass over the works: each subject matched once, however many claims share it; list
    entries looked for only on the authorships of the people in `asked`. An older copy of a work
    record given newer places no one (`copies`, as for claims about works); copies of unknown
    order all place whom they place."""
    subjects = {id(pc.subject): pc.subject for pc in compiled}
    lists = {id(lm): lm for pc in compiled if pc.cond.joined_from for lm in pc.lists}
    pairs = {(id(pc.subject), id(lm)): lm for pc in compiled if pc.cond.holds_both for lm in pc.lists}
    found = _InWorks({k: {} for k in subjects}, {k: {} for k in lists}, {k: {} for k in pairs})
    pending: dict[str, tuple[int, list[set[tuple[tuple[int, int], str, tuple[int, str]]]]]] = {}
    for source in evidence:
        for work in source.works():
            if not copies.stands(work):
                continue
            what = _what_a_work_shows(work, subjects, lists, asked, pairs)
            for k, author, placed in what.at_subject:
                found.at_subject[k].setdefault(author, []).append(placed)
            for k, author, listed in what.at_listed:
                found.at_listed[k].setdefault(author, []).append(listed)
            if (unordered := copies.unordered(work)) is not None:
                # A copy of unknown order may not be the work now: what it shows at once counts
                # only where every standing copy shows it.
                pending.setdefault(work.id, (unordered.standing, []))[1].append(set(what.at_once))
                continue
            for pair, author, both in what.at_once:
                found.at_once[pair].setdefault(author, set()).add(both)
    for standing, shown in pending.values():
        agreed = set.intersection(*shown) if len(shown) == standing else set()
        for pair, author, both in agreed:
            found.at_once[pair].setdefault(author, set()).add(both)
    return found


class _Shown(NamedTuple):
    """Where one work places its authors, by matcher and author id: at a subject (its date, and
    whether the match is certain); at a list entry (its year, the hit)."""

    at_subject: list[tuple[int, str, tuple[PartialDate | None, bool]]]
    at_listed: list[tuple[int, str, tuple[int, _EntryHit]]]
    at_once: list[tuple[tuple[int, int], str, tuple[int, str]]]


def _what_a_work_shows(
    work: Work,
    subjects: dict[int, SubjectMatcher],
    lists: dict[int, ListMatcher],
    asked: set[str],
    pairs: dict[tuple[int, int], ListMatcher],
) -> _Shown:
    """Where the work places its authors: at each subject, and, for the people in `asked`, at
    each list's entries (certain hits only), and at a subject and a list entry on one authorship
    (certain hits only, for `pairs`)."""
    shown = _Shown([], [], [])
    for a in work.authorships:
        if not a.author_id:
            continue
        sure_at: set[int] = set()
        for k, sm in subjects.items():
            if (hit := sm._match(a)) is not None:
                shown.at_subject.append((k, a.author_id, (work.published, hit.doubt is None)))
                if hit.doubt is None:
                    sure_at.add(k)
        if a.author_id not in asked or work.published is None:
            continue
        year = work.published.year
        for k, lm in lists.items():
            for h in lm.hits(a):
                if h.doubt is None:
                    shown.at_listed.append((k, a.author_id, (year, h)))
        for pair, lm in pairs.items():
            if pair[0] in sure_at:
                shown.at_once.extend((pair, a.author_id, (year, h.entry.id)) for h in lm.hits(a) if h.doubt is None)
    return shown


def _earlier_in_works(
    person: _Person, outcome: _Outcome, works: list[tuple[PartialDate | None, bool]], subject: str
) -> _Outcome:
    """`outcome`, uncertain where a work places (or may place) the person at the subject before
    the first year their records give: they may not have joined in the period at all."""
    if outcome.first is None:
        return outcome
    earlier = sorted((d.year, sure) for d, sure in works if d is not None and d.year < outcome.first)
    if earlier:
        year, sure = next((e for e in earlier if e[1]), earlier[0])
        places = "places" if sure else "may place (the name is uncertain)"
        doubt = (
            f"a work in the evidence {places} them at {subject} in {year}, before the first year their "
            f"author records give ({outcome.first})"
        )
    elif any(d is None and sure for d, sure in works):
        doubt = f"a work in the evidence with no date places them at {subject}, so they may have been there before {outcome.first}"
    else:
        return outcome
    return dataclasses.replace(outcome, status=min(outcome.status, UNKNOWN), doubts=[*outcome.doubts, doubt])


def _listed_in_works(
    person: _Person, pc: _PeopleClaim, listed: list[tuple[int, _EntryHit]], start: dt.date | None, end: dt.date | None
) -> _Outcome | None:
    """For a person the records place at the subject with no listed past, a work that certainly
    places them at a list entry their records do not give, in a year before their first at the
    subject (any year, where that is not known) and, under `listed_before`, not before the entry
    was listed: the records leave it out, so the move is uncertain, never silence."""
    subject = pc.claim.subject.name
    first_side = _first_at_subject(person.at_subject, subject, start, end)
    if first_side is None:
        return None
    _, first, doubts = first_side
    reference = first if first is not None else min((y for p in person.at_subject for y in p.years), default=None)
    given = {p.hit.entry.id for p in person.at_listed if p.hit is not None}  # the records decide these
    within = pc.cond.within_years
    earlier = sorted(
        (year, hit.entry.name)
        for year, hit in listed
        if hit.entry.id not in given
        and (reference is None or (year < reference and (within is None or reference - year <= within)))
        and not (pc.cond.listed_before and _listed_by(hit, reference or year)[0] is False)
    )
    if not earlier:
        return None
    year, entry = earlier[0]
    before = f"before their first year at {subject} ({reference})" if reference is not None else f"while at {subject}"
    why = f"a work in the evidence places them at {entry} in {year}, which their author records leave out, {before}"
    return _Outcome(UNKNOWN, person.at_subject, [], [*doubts, why], first)


def _unrecorded(
    people: list[_Person],
    works: dict[str, list[tuple[PartialDate | None, bool]]],
    start: dt.date | None,
    end: dt.date | None,
) -> int:
    """How many authors the works certainly place at the subject in the period (or on a work of
    no date) whom no author record places there (a record older than the works, or none): the
    records cannot show whether they joined."""
    considered = {i for p in people if _considered(p, start, end) for i in _work_ids(p)}
    return sum(
        1
        for author, placed in works.items()
        if author not in considered and any(sure and _may_fall_in(d, start, end) for d, sure in placed)
    )


def _may_fall_in(date: PartialDate | None, start: dt.date | None, end: dt.date | None) -> bool:
    """Whether a work of this date may be in the period: a work of no date may."""
    if date is None:
        return True
    return not ((start is not None and date.latest < start) or (end is not None and date.earliest > end))


def _cite_works(wanted: dict[str, list[_Wanted]], evidence: Sequence[Evidence], copies: Copies) -> None:
    """One more pass over the works, for those by the wanted authors (by OpenAlex author id)."""
    if not wanted:
        return
    for source in evidence:
        for work in source.works():
            if not copies.stands(work):
                continue
            for a in work.authorships:
                for w in wanted.get(a.author_id or "", ()):
                    w.offer(work, a)


def _work_ids(person: _Person) -> list[str]:
    """Every OpenAlex author id works may name the person by: their records' and those of other
    records sharing their ORCID."""
    return list(dict.fromkeys([*_openalex_ids(person), *person.orcid_ids]))


def _openalex_ids(person: _Person) -> list[str]:
    """The person's OpenAlex author ids, the one to name them by first: a record's own id that
    OpenAlex has not merged into another (the lowest, where records sharing an ORCID give two)."""
    own = {r.openalex_id for r in person.records if r.openalex_id}
    merged = {m for r in person.records for m in r.merged_ids}
    current = sorted(own - merged, key=_natural) or sorted(own, key=_natural)
    return current + sorted((own | merged) - set(current), key=_natural)


def _natural(identifier: str) -> tuple[int, str]:
    digits = identifier[1:]
    return (int(digits), identifier) if digits.isdigit() and len(digits) < 30 else (0, identifier)


# --- findings ---------------------------------------------------------------------------------


def _placement(p: _Place, outcome: _Outcome, wanted: _Wanted | None) -> Placement:
    inst = p.affiliation.institution
    works = (
        sorted(wanted.found.values(), key=lambda w: (w.publication_date or "9999", _natural(w.id))) if wanted else []
    )
    return Placement(
        institution=InstitutionRef(id=inst.id, name=inst.name or inst.id or "", ror=inst.ror),
        country=inst.country,
        years=p.years,
        years_basis=p.record.years_basis,
        method=p.method,
        matched_text=p.matched_text,
        matched_name=p.name.name if p.name else None,
        entry=_entry_ref(p.hit) if p.hit else None,
        listed_before=outcome.listed_before.get(id(p)),
        record=str(p.record.origin),
        doubt=p.doubt,
        works=tuple(works[:WORKS_CITED]),
        more_works=max(0, len(works) - WORKS_CITED),
    )


def _finding(person: _Person, outcome: _Outcome, pc: _PeopleClaim, wanted: dict[int, _Wanted]) -> PersonFinding:
    ids = _openalex_ids(person)
    lead = next((r for r in person.records if r.openalex_id == (ids[0] if ids else None)), person.records[0])
    orcids = sorted({r.orcid for r in person.records if r.orcid})
    cited = [*outcome.at_subject, *outcome.at_listed]
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
        shows=_shows(outcome, pc),
        at_subject=tuple(_placement(p, outcome, wanted.get(id(p))) for p in outcome.at_subject),
        at_listed=tuple(_placement(p, outcome, wanted.get(id(p))) for p in outcome.at_listed),
        uncertain_because=tuple(dict.fromkeys(outcome.doubts)) if outcome.status != TRUE else (),
    )


def _shows(outcome: _Outcome, pc: _PeopleClaim) -> str:
    """What the records show, in one sentence: 'at Beihang University in 2019–2021, then first at
    Microsoft Research Asia in 2023, by publication years'."""
    subject = pc.claim.subject.name
    bases = sorted({_basis(p.record) for p in (*outcome.at_subject, *outcome.at_listed)})
    listed = "; ".join(map(_at, outcome.at_listed))
    if pc.cond.joined_from:
        first = f"first at {subject} in {outcome.first}" if outcome.first else f"at {subject} in no certain year"
        text = f"at {listed}, {'then ' if outcome.status == TRUE else ''}{first}" if listed else first
    elif outcome.shared:
        places = " and ".join(dict.fromkeys(p.label for p in outcome.at_listed))
        text = f"at {subject} and at {places}, both in {_years(outcome.shared)}"
    else:
        text = f"at {'; '.join(map(_at, outcome.at_subject))}; at {listed}"
    return f"{text}, by {' and '.join(bases)}"


def _at(p: _Place) -> str:
    return f"{p.label} in {_years(p.years)}" if p.years else f"{p.label}, with no years"


# --- verdicts ---------------------------------------------------------------------------------


def _people_count(n: int) -> str:
    return "1 person" if n == 1 else f"{n} people" if n else "No one"


def _cite(findings: list[PersonFinding], *, with_doubt: bool = False) -> str:
    parts = []
    for f in findings[:PEOPLE_CITED]:
        doubt = f"; {f.uncertain_because[0]}" if with_doubt and f.uncertain_because else ""
        parts.append(f"{f.name} ({f.id}: {f.shows}{doubt})")
    more = len(findings) - PEOPLE_CITED
    return "; ".join(parts) + (f"; and {more} more" if more > 0 else "")


def _years_note(findings: list[PersonFinding]) -> str:
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
    "there, or whose works OpenAlex did not resolve to it, does not."
)


def _verdict(
    claim: Claim,
    matched: list[PersonFinding],
    uncertain: list[PersonFinding],
    considered: int,
    read: int,
    coverage: CoverageReport,
) -> tuple[Verdict, str]:
    """The works verdict table (docs/evaluation.md), counting persons."""
    n, u = len(matched), len(uncertain)
    kind, count = claim.expects.kind, claim.expects.count
    subject = claim.subject.name
    people = _people_count(n)
    verb = "matches" if n == 1 else "match"
    cited = f"{_cite(matched)}.{_years_note(matched)}"
    maybe = f"; {u} more might ({_cite(uncertain, with_doubt=True)})" if u else ""
    if not read:
        return "insufficient_evidence", f"No one can be checked: {coverage.why}."
    if considered:
        pool = f"the {_people_count(considered).lower()} whose records place them at {subject} in the period"
    else:
        pool = f"the evidence's author records, none of which places anyone at {subject} in the period"
    if kind == "none":
        if n:
            return (
                "contradicted",
                f"{people} {verb} although the claim expects none: {cited}",
            )
        if u:
            return "insufficient_evidence", (
                f"No one certainly matches, but {_people_count(u).lower()} might: "
                f"{_cite(uncertain, with_doubt=True)}.{_years_note(uncertain)}"
            )
        if coverage.complete:
            return "not_contradicted", f"No one matches among {pool}, and {coverage.why}.{_SILENCE}"
        return "insufficient_evidence", f"No one matches among {pool}, but {coverage.why}."
    if kind == "at_most":
        if n > count:
            return "contradicted", f"{people} {verb}; the claim allows at most {count}: {cited}"
        if n + u > count:
            return "insufficient_evidence", f"{people} {verb}, within the {count} allowed{maybe}."
        if coverage.complete:
            return "not_contradicted", f"{people} {verb}, within the {count} allowed, and {coverage.why}.{_SILENCE}"
        return "insufficient_evidence", f"{people} {verb}, within the {count} allowed, but {coverage.why}."
    if n >= count:
        return "supported", f"{people} {verb}; the claim says at least {count}: {cited}"
    if coverage.complete and n + u < count:
        few = f"Only {people.lower()} {verb}" if n else "No one matches"
        return "contradicted", f"{few}, fewer than the {count} the claim says, and {coverage.why}.{_SILENCE}"
    if coverage.complete:
        return "insufficient_evidence", f"{people} of the {count} the claim says were found{maybe}."
    return "insufficient_evidence", f"{people} of the {count} the claim says were found{maybe}, but {coverage.why}."


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
    declared = [e for e in evidence if e.author_coverage.complete]
    if not declared:
        notes = "; ".join(f"{e.path}: {e.author_coverage.note or 'no coverage declared'}" for e in evidence)
        return CoverageReport(complete=False, why=f"no evidence holds the record of every author at {name} ({notes})")
    unassessed = _unassessed(claim, end)
    if unassessed is not None:
        return unassessed
    assert end is not None
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
    considered: int,
    read: int,
    wanted: dict[int, _Wanted],
    evidence: Sequence[Evidence],
    as_of: dt.date | None,
    reviews: Reviews | None,
    unrecorded: int = 0,
) -> ClaimResult:
    claim = pc.claim
    end = claim.to or as_of
    found = [(person, _finding(person, o, pc, wanted)) for person, o in outcomes]
    findings = [f for _, f in found]
    reviewed = _apply_reviews(
        reviews.of_claim(claim.id) if reviews else [],
        [f for f in findings if f.status == "matched"],
        [f for f in findings if f.status == "uncertain"],
        _persons(found),
        as_of,
    )
    matched = sorted(reviewed.matched, key=_finding_order)
    uncertain = sorted(reviewed.uncertain, key=_finding_order)
    dismissed = sorted(reviewed.dismissed, key=_finding_order)
    coverage = _coverage(claim, evidence, end, read, unrecorded)
    verdict, why = _verdict(claim, matched, uncertain, considered, read, coverage)
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
        people_considered=considered,
    )


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
    return frozenset(keys)


def _finding_order(f: PersonFinding) -> tuple[int, tuple[int, str]]:
    """By the year the finding turns on, then by id."""
    year = f.first_year_at_subject or (f.shared_years[0] if f.shared_years else 9999)
    return (year, _natural(f.id))


# --- the run ----------------------------------------------------------------------------------


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
            c, c.authors, f, matchers.subject(c.subject), [matchers.list(f.lists[i]) for i in c.authors.list_ids()]
        )
        for f in claims.files
        for c in f.claims
        if c.authors is not None
    ]
    if not compiled:
        return {}
    kept, read, by_orcid = _read_records(compiled, evidence, copies)
    people_of = [_people(pc, kept, by_orcid) for pc in compiled]
    asked = {i for people in people_of for person in people for i in _work_ids(person)}
    in_works = _read_works(compiled, evidence, asked, copies) if read else _InWorks({}, {})
    judged = []
    wanted: dict[int, _Wanted] = {}
    by_author: dict[str, list[_Wanted]] = {}
    for pc, people in zip(compiled, people_of, strict=True):
        start, end = pc.claim.from_, pc.claim.to or as_of
        at_subject = in_works.at_subject.get(id(pc.subject), {})
        outcomes = [(person, o) for person in people if (o := _test(person, pc, start, end, in_works)) is not None]
        considered = sum(_considered(p, start, end) for p in people)
        judged.append((pc, outcomes, considered, _unrecorded(people, at_subject, start, end)))
        for person, o in outcomes:
            _want(person, o, pc, wanted, by_author)
    _cite_works(by_author, evidence, copies)
    return {
        pc.claim.id: _result(pc, outcomes, considered, read, wanted, evidence, as_of, reviews, unrecorded)
        for pc, outcomes, considered, unrecorded in judged
    }


def _test(
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
    # the person's records otherwise, which no choice here shows: always a doubt. So is a choice
    # among too many.
    variants = None if person.identity_differs else _variants(person)
    if variants is not None:
        answers = [outcome, *(_test_records(v, pc, start, end, in_works) if v.at_subject else None for v in variants)]
        if len({None if o is None else o.status for o in answers}) == 1:
            return outcome
        outcome = outcome or next(o for o in answers if o is not None)
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
    if not pc.cond.joined_from:
        pairs = [in_works.at_once.get((id(pc.subject), id(lm)), {}) for lm in pc.lists]
        return _holds_both(person, pc, start, end, {x for found in pairs for i in ids for x in found.get(i, ())})
    outcome = _joined(person, pc, start, end)
    if outcome is None:
        listed = [x for lm in pc.lists for i in ids for x in in_works.at_listed.get(id(lm), {}).get(i, ())]
        return _listed_in_works(person, pc, listed, start, end) if listed else None
    at_subject = in_works.at_subject.get(id(pc.subject), {})
    works = [w for i in ids for w in at_subject.get(i, ())]
    return _earlier_in_works(person, outcome, works, pc.claim.subject.name)


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
