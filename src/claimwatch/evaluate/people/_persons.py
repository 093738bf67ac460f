"""Who the author records say a claim's people are: the places each record gives them at the
subject or a listed institution, copies of one record weighed, and the records of one person
joined."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..._text import printable
from ...claims import AuthorCondition, Claim, ClaimFile
from ...evidence import Evidence, copy_stands, newest_day, updated_day
from ...people import Affiliation, AuthorRecord
from ...results import Method
from ...works import Authorship, Institution
from .._copies import NO_COPIES, Copies
from .._matchers import ListMatcher, SubjectMatcher, _EntryHit, _SubjectHit
from .._names import NameHit


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
    last_known: bool = False  # a last known institution the affiliations lack: where they are now, at no year

    @property
    def years(self) -> tuple[int, ...]:
        """The years as the record gives them (those a finding cites)."""
        return self.affiliation.years

    @functools.cached_property
    def ahead(self) -> tuple[int, ...]:
        """The years given wholly after the day the record was current (`AuthorRecord.ahead`):
        each stands for some year up to it, not known which."""
        return self.record.ahead(self.affiliation.years)

    def may_reach(self, start: dt.date | None) -> bool:
        """Whether the time the record does not say (`when_unknown`) may be on or after `start`:
        with no years, any time may; a year ahead of the record stands for any year up to it, as
        a work's date ahead of its record does (`PartialDate.within_record`), never a later one;
        a year the record gives as no year (`Affiliation.unread`) may be any."""
        if start is None or self.affiliation.unread or not self.ahead:
            return True
        return dt.date(max(self.ahead), 12, 31) >= start

    @functools.cached_property
    def known_years(self) -> tuple[int, ...]:
        """The years that say when the person was there: those given, less those ahead."""
        return tuple(y for y in self.years if y not in self.ahead) if self.ahead else self.years

    @property
    def when_unknown(self) -> bool:
        """Whether the record places the person here at a time it does not say: with no years,
        in a year ahead of the record, or in one it gives as no year ("2020", null)."""
        return not self.years or bool(self.ahead) or bool(self.affiliation.unread)

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
        # gives nothing else) places the person there with no years: a doubt, never silence. At
        # the subject for every claim; at a list entry only for `holds_both` (`_Place.last_known`):
        # where they are now says nothing of where they were before joining.
        for inst in record.last_known_institutions:
            affiliation = Affiliation(institution=inst)
            subject_hits, list_hits = self._hits(record, affiliation)
            for sm, hit in zip(self.subjects, subject_hits, strict=True):
                placed = any(p.record is record for p in kept.subject.get(id(sm), ()))
                if hit is not None and not placed:  # where the affiliations place them, it adds nothing
                    place = _Place(record, affiliation, hit.method, hit.matched_text, hit.name, hit.doubt)
                    kept.subject.setdefault(id(sm), []).append(place)
            for lm, hits in zip(self.lists, list_hits, strict=True):
                given = {p.hit.entry.id for p in kept.listed.get(id(lm), ()) if p.record is record and p.hit}
                for h in hits:
                    if h.entry.id not in given:
                        place = _Place(
                            record, affiliation, h.method, h.matched_text, h.name, h.doubt, h, last_known=True
                        )
                        kept.listed.setdefault(id(lm), []).append(place)

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
    as_of: dt.date | None = None  # the run's: a listing period ending after it has not ended


def _read_records(
    compiled: list[_PeopleClaim], evidence: Sequence[Evidence], copies: Copies = NO_COPIES
) -> tuple[list[_Kept], int, dict[str, set[str]], dict[str, list[AuthorRecord]], dict[str, list[AuthorRecord]]]:
    """Every author record of the evidence, read once; kept where it places the person at some
    claim's subject or at an entry of its lists. Also how many records were read, and the
    OpenAlex ids of every record that gives an ORCID iD, by ORCID: works may name a person by the
    id of a record the claims would not keep; by ORCID, the records whose affiliations are
    missing (`_affiliations_missing`), kept or not: they leave the person's years open; and the
    records that give an ORCID iD, kept or not, by each OpenAlex id of theirs (own and merged):
    works under that id are that iD's (`_Person.unplaced`)."""
    finder = _PlaceFinder(
        list({id(pc.subject): pc.subject for pc in compiled}.values()),
        list({id(m): m for pc in compiled for m in pc.lists}.values()),
    )
    kept: list[_Kept] = []
    by_orcid: dict[str, set[str]] = {}
    missing: dict[str, list[AuthorRecord]] = {}
    giving: dict[str, list[AuthorRecord]] = {}
    read = _dated_by_the_latest([record for source in evidence for record in source.authors()])
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
            for i in dict.fromkeys((record.openalex_id, *record.merged_ids)):
                giving.setdefault(i, []).append(record)
        if record.orcid and _affiliations_missing(record):
            missing.setdefault(record.orcid, []).append(record)
    return kept, len(read), by_orcid, missing, giving


def _affiliations_missing(record: AuthorRecord) -> bool:
    """An OpenAlex record that gives no affiliations but a last known institution (an older
    dump's): its works state some institution, so its affiliations are missing, not empty. One
    that gives neither states no place at all."""
    return record.origin.kind != "curated" and not record.affiliations and bool(record.last_known_institutions)


def _dated_by_the_latest(records: list[AuthorRecord]) -> list[AuthorRecord]:
    """Copies of one OpenAlex author record of one day (an old snapshot beside a new one) each
    knowing the latest day any of them was current: the record was still current then, so a year
    the older snapshot's day left ahead of it is what the newer one shows (`Copies.dated`, for
    works)."""
    latest: dict[tuple[str, str], dt.date] = {}
    for r in records:
        if r.openalex_id and (day := updated_day(r.updated)) and r.current_on:
            key = (r.openalex_id, day)
            latest[key] = max(latest.get(key, r.current_on), r.current_on)
    if not latest:
        return records
    return [
        r.within_record(latest[key])
        if r.openalex_id
        and (key := (r.openalex_id, updated_day(r.updated) or "")) in latest
        and r.current_on != latest[key]
        else r
        for r in records
    ]


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

    places = sorted((where(a.institution), a.years, a.unread) for a in r.affiliations)
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
            origins = [str(r.origin) for r in sorted(stand, key=_origin_order)]
            origins = list(dict.fromkeys(origins))
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
    # Their records, and those sharing their ORCID iD, whose affiliations are missing
    # (`_affiliations_missing`): where they were, and when, those records do not say.
    missing_affiliations: list[AuthorRecord] = field(default_factory=list)
    # Taken as one ORCID iD's records alone (`_of_one_orcid`), the OpenAlex ids of the records
    # giving another iD: their works are that iD's, not the person's.
    not_theirs: frozenset[str] = frozenset()
    # Records giving an ORCID iD under an OpenAlex id works may name the person by (one merged
    # into theirs), not among their records (it places no one where the claim looks): a work
    # under that id may be that iD's, so its iD is the person's second (`_by_one_orcid`).
    unplaced: list[AuthorRecord] = field(default_factory=list)
    # Whether an ORCID iD that copies of one of their records differ in is given by a record of
    # another OpenAlex id too, kept or not (`_joined_by_copies`).
    copies_join_others: bool = False

    @property
    def identity_differs(self) -> bool:
        """Whether copies of one of their records give different ORCID iDs (or one gives none)."""
        return any(len({r.orcid for r in g}) > 1 for g in self.copy_groups)


def _people(
    pc: _PeopleClaim,
    kept: list[_Kept],
    by_orcid: dict[str, set[str]],
    missing: dict[str, list[AuthorRecord]] | None = None,
    giving: dict[str, list[AuthorRecord]] | None = None,
) -> tuple[list[_Person], list[_Person]]:
    """The claim's persons: records that share an identity key joined (a union-find over the
    keys), those a record places at the subject; and apart, those the records place at a listed
    entry alone (each may be a namesake's record of one of them: `_with_namesakes`)."""
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
    people: list[_Person] = []
    elsewhere: list[_Person] = []
    # In the order of the files and lines the records come from, whatever order they were read
    # in: a finding's records and placements are listed so, and its doubts name them so.
    for group in sorted(
        (sorted(g, key=lambda k: _origin_order(k.record)) for g in groups.values()),
        key=lambda g: _origin_order(g[0].record),
    ):
        at_subject = [p for k in group for p in k.subject.get(id(pc.subject), ())]
        at_listed = [p for k in group for m in pc.lists for p in k.listed.get(id(m), ())]
        records = [k.record for k in group]
        orcid_ids = sorted({i for r in records if r.orcid for i in by_orcid.get(r.orcid, ())})
        differ = sorted({k.doubt for k in group if k.doubt})
        # Every copy of unknown order, those placing the person nowhere the claim looks too.
        groups_of_copies: dict[str | None, list[AuthorRecord]] = {}
        for k in group:  # once an id: a record copied 16,000 times is 16,000 kept records
            if k.copies and k.record.openalex_id not in groups_of_copies:
                groups_of_copies[k.record.openalex_id] = list(k.copies)
        person = _Person(records, at_subject, at_listed, orcid_ids, differ, list(groups_of_copies.values()))
        shared = [m for orcid in sorted({r.orcid for r in records if r.orcid}) for m in (missing or {}).get(orcid, ())]
        unique = {id(r): r for r in [*(r for r in records if _affiliations_missing(r)), *shared]}
        person.missing_affiliations = sorted(unique.values(), key=_origin_order)
        person.unplaced = _unplaced(records, orcid_ids, giving or {})
        person.copies_join_others = _joined_by_copies(person.copy_groups, by_orcid)
        if at_subject:
            people.append(person)
        elif at_listed:
            elsewhere.append(person)
    return people, elsewhere


def _joined_by_copies(groups: list[list[AuthorRecord]], by_orcid: dict[str, set[str]]) -> bool:
    """Whether an ORCID iD that copies of one record differ in (one gives it, another another or
    none) is given by a record of an OpenAlex id other than the copies' own and merged ones, kept
    or not: the copy giving it, were it current, would join the person to that record."""
    for group in groups:
        if len({r.orcid for r in group}) < 2:
            continue
        own = {i for r in group for i in (r.openalex_id, *r.merged_ids) if i}
        if any(not by_orcid.get(r.orcid, set()) <= own for r in group if r.orcid):
            return True
    return False


def _unplaced(
    records: list[AuthorRecord], orcid_ids: list[str], giving: dict[str, list[AuthorRecord]]
) -> list[AuthorRecord]:
    """The records giving an ORCID iD under an OpenAlex id of these records (own or merged) or of
    their iD's, that are not among them: a record giving no place (no affiliations) is kept by no
    claim, yet the works under its id, merged into the person's, are its iD's."""
    ids = dict.fromkeys([*(i for r in records for i in (r.openalex_id, *r.merged_ids) if i), *orcid_ids])
    own = {id(r) for r in records}
    found = {id(g): g for i in ids for g in giving.get(i, ()) if id(g) not in own}
    return sorted(found.values(), key=_origin_order)


def _origin_order(r: AuthorRecord) -> tuple[str, int, str]:
    """A record's place in the order of files, then lines (people.jsonl:2 before people.jsonl:10)."""
    return (r.origin.path, r.origin.line, r.origin.kind)
