"""The works that show a placement: read once more where some person is a finding, to weigh what
one authorship shows at once and to cite the works that state each institution."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from ...evidence import Evidence
from ...results import PersonWork
from ...works import Authorship, PartialDate, Work
from .._conditions import FALSE, UNKNOWN
from .._copies import NO_COPIES, Copies
from .._matchers import ListMatcher, SubjectMatcher, _EntryHit
from ._persons import _PeopleClaim, _Person, _Place
from ._years import (
    _considered,
    _first_at_subject,
    _gaps_before_a_return,
    _in_the_gap,
    _listed_by,
    _Outcome,
    _year_in,
    _years,
    _years_at_subject,
)


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


class _Listed(NamedTuple):
    """A work placing a person at a list entry: the year its date shows (None for a date ahead of
    its record, which may stand for any year up to it: `_year_shown`, or for no date), the entry,
    and the year the date gives, the latest it may stand for (None for a work of no date, which
    may stand for any year)."""

    year: int | None
    hit: _EntryHit
    latest: int | None


@dataclass
class _InWorks:
    """What the works in the evidence show of the people, by OpenAlex author id: each work placing
    them at a subject (its date, and whether the match is certain), by subject matcher; and the
    years a work certainly places a person at a list entry, by list matcher, for the people
    asked about. Author records and works fall out of step (a record older than the works, a
    year the record leaves out): what the works show is weighed beside the records."""

    at_subject: dict[int, dict[str, list[tuple[PartialDate | None, bool]]]]
    # The year is None for a work dated ahead of its record: it shows no year (`_year_shown`).
    at_listed: dict[int, dict[str, list[_Listed]]]
    # For `holds_both`, by (subject matcher, list matcher): the years, and list entries, in which
    # one authorship of a work certainly gives a person both: at once, as records' years cannot say.
    at_once: dict[tuple[int, int], dict[str, set[tuple[int, str]]]] = field(default_factory=dict)
    # Likewise, for a work whose date shows no year (none, or one ahead of its record): its date
    # and the list entry. Which year is not known, so a doubt, from any copy that shows it.
    at_once_unshown: dict[tuple[int, int], dict[str, list[tuple[PartialDate | None, _EntryHit]]]] = field(
        default_factory=dict
    )


def _read_works(
    compiled: list[_PeopleClaim], evidence: Sequence[Evidence], asked: set[str], copies: Copies = NO_COPIES
) -> _InWorks:
    """One pass over the works: each subject matched once, however many claims share it; list
    entries looked for only on the authorships of the people in `asked`. An older copy of a work
    record given newer places no one (`copies`, as for claims about works); copies of unknown
    order all place whom they place."""
    subjects = {id(pc.subject): pc.subject for pc in compiled}
    lists = {id(lm): lm for pc in compiled for lm in pc.lists}
    pairs = {(id(pc.subject), id(lm)): lm for pc in compiled if pc.cond.holds_both for lm in pc.lists}
    found = _InWorks({k: {} for k in subjects}, {k: {} for k in lists}, {k: {} for k in pairs}, {k: {} for k in pairs})
    pending: dict[str, tuple[int, list[set[tuple[tuple[int, int], str, tuple[int, str]]]]]] = {}
    for source in evidence:
        for work in source.works():
            if not copies.stands(work):
                continue
            what = _what_a_work_shows(copies.dated(work), subjects, lists, asked, pairs)
            for k, author, placed in what.at_subject:
                found.at_subject[k].setdefault(author, []).append(placed)
            for k, author, listed in what.at_listed:
                found.at_listed[k].setdefault(author, []).append(listed)
            for pair, author, unshown in what.at_once_unshown:
                found.at_once_unshown[pair].setdefault(author, []).append(unshown)
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
    at_listed: list[tuple[int, str, _Listed]]
    at_once: list[tuple[tuple[int, int], str, tuple[int, str]]]
    at_once_unshown: list[tuple[tuple[int, int], str, tuple[PartialDate | None, _EntryHit]]]


def _what_a_work_shows(
    work: Work,
    subjects: dict[int, SubjectMatcher],
    lists: dict[int, ListMatcher],
    asked: set[str],
    pairs: dict[tuple[int, int], ListMatcher],
) -> _Shown:
    """Where the work places its authors: at each subject, and, for the people in `asked`, at
    each list's entries (certain hits only), and at a subject and a list entry on one authorship
    (certain hits only, for `pairs`; apart, where the work's date shows no year)."""
    shown = _Shown([], [], [], [])
    for a in work.authorships:
        if not a.author_id:
            continue
        sure_at: set[int] = set()
        for k, sm in subjects.items():
            if (hit := sm._match(a)) is not None:
                shown.at_subject.append((k, a.author_id, (work.published, hit.doubt is None)))
                if hit.doubt is None:
                    sure_at.add(k)
        at_once = [pair for pair in pairs if pair[0] in sure_at]
        if a.author_id not in asked:
            continue
        # Each list's certain hits, found once for what the authorship shows at an entry and at once.
        sure = {k: [h for h in lm.hits(a) if h.doubt is None] for k, lm in lists.items()}
        year = None if work.published is None else _year_shown(work.published)
        latest = None if work.published is None else work.published.year  # None: a work of no date
        for k, hits in sure.items():
            shown.at_listed.extend((k, a.author_id, _Listed(year, h, latest)) for h in hits)
        for pair in at_once:  # `pairs` are keyed by the list matcher's key in `lists`
            if year is None:  # at both at once, in a year not known: a doubt (`_both_in_works`)
                shown.at_once_unshown.extend((pair, a.author_id, (work.published, h)) for h in sure[pair[1]])
            else:
                shown.at_once.extend((pair, a.author_id, (year, h.entry.id)) for h in sure[pair[1]])
    return shown


def _year_shown(date: PartialDate) -> int | None:
    """The year a work's date shows; None for a date ahead of its record
    (`PartialDate.within_record`), which may stand for any earlier year."""
    return date.year if date.ahead_of is None else None


def _when(date: PartialDate) -> str:
    """A work's year for a sentence, and, for a date ahead of its record, what that means."""
    if date.ahead_of is None:
        return str(date.year)
    return f"{date.year}, after {date.ahead_of}, {date.ahead_basis} (so in any year up to it)"


def _earlier_in_works(
    person: _Person, outcome: _Outcome, works: list[tuple[PartialDate | None, bool]], subject: str
) -> _Outcome:
    """`outcome`, uncertain where a work places (or may place) the person at the subject before
    the first year their records give: they may not have joined in the period at all."""
    if outcome.first is None:
        return outcome
    # A date ahead of its record reaches back to the beginning of time: it may be earlier. Of two
    # so dated, the one whose record was current first is named, whatever the evidence's order.
    earlier = sorted(
        ((d.year, d.ahead_of is not None, d.ahead_of or dt.date.min), sure, d)
        for d, sure in works
        if d is not None and d.earliest.year < outcome.first
    )
    if earlier:
        _, sure, date = next((e for e in earlier if e[1]), earlier[0])
        places = "places" if sure else "may place (the name is uncertain)"
        before = "before" if date.ahead_of is None else "perhaps before"
        doubt = (
            f"a work in the evidence {places} them at {subject} in {_when(date)}, {before} the first year their "
            f"author records give ({outcome.first})"
        )
    elif any(d is None and sure for d, sure in works):
        doubt = f"a work in the evidence with no date places them at {subject}, so they may have been there before {outcome.first}"
    else:
        return outcome
    return dataclasses.replace(outcome, status=min(outcome.status, UNKNOWN), doubts=[*outcome.doubts, doubt])


def _listed_in_works(
    person: _Person,
    pc: _PeopleClaim,
    listed: list[_Listed],
    start: dt.date | None,
    end: dt.date | None,
) -> _Outcome | None:
    """For a person the records place at the subject with no listed past, a work that certainly
    places them at a list entry their records do not give, in a year before their first at the
    subject (any year, where that is not known) and, under `listed_before`, not before the entry
    was listed: the records leave it out, so the move is uncertain, never silence."""
    subject = pc.claim.subject.name
    decided = _decided_by_the_records(person)
    first_side = _first_at_subject(person.at_subject, subject, start, end)
    if first_side is None:
        return _back_in_works(person, pc, listed, decided, start, end)
    _, first, doubts = first_side
    reference = first if first is not None else min((y for p in person.at_subject for y in p.known_years), default=None)

    within = pc.cond.within_years

    def may_be_earlier(year: int | None) -> bool:  # a year not shown may be any
        if reference is None or year is None:
            return True
        return year < reference and (within is None or reference - year <= within)

    def not_yet_listed(hit: _EntryHit, year: int | None) -> bool:
        when = reference or year
        return pc.cond.listed_before and when is not None and _listed_by(hit, when)[0] is False

    earlier = sorted(
        ((year is None, year or 0, latest is None), hit.entry.name)
        for year, hit, latest in listed
        if not decided(hit, year) and may_be_earlier(year) and not not_yet_listed(hit, year)
    )
    if not earlier:
        return None
    (unshown, year, no_date), entry = earlier[0]
    before = f"before their first year at {subject} ({reference})" if reference is not None else f"while at {subject}"
    shows = f"places them at {entry} in {year}"
    if unshown:
        before, shows = f"perhaps {before}", _placed_unshown(entry, no_date)
    why = f"a work in the evidence {shows}, which their author records leave out, {before}"
    return _Outcome(UNKNOWN, person.at_subject, [], [*doubts, why], first)


def _both_in_works(
    person: _Person,
    pc: _PeopleClaim,
    listed: list[_Listed],
    at_once: set[tuple[int, str]],
    at_subject: list[tuple[PartialDate | None, bool]],
    start: dt.date | None,
    end: dt.date | None,
    unshown: Sequence[tuple[PartialDate | None, _EntryHit]] = (),
) -> _Outcome | None:
    """For `holds_both`, where the records show no year at both: a work that certainly places the
    person at a list entry in a year of the period their records do not give there, in which they
    were at the subject (by their records, or a work certainly placing them there that year), or
    on one authorship with the subject. The records leave it out: a doubt, never silence. A year
    a work's date does not show may be a year of the period: on one authorship with the subject
    (`unshown`), a doubt too, as for `joined_from`; apart (a date ahead of its record), where the
    records give the entry at no time and the date reaches a year they were at the subject, as a
    record's year ahead of it is (a work of no date places no one at an entry)."""
    subject = pc.claim.subject.name
    decided = _decided_by_the_records(person)
    there = {y for p in person.at_subject for y in p.known_years} | {
        d.year for d, sure in at_subject if d is not None and sure and d.ahead_of is None
    }
    anywhen = any(p.when_unknown and p.may_reach(start) for p in person.at_subject)
    in_period = [y for y in there if _year_in(y, start, end)[0] != FALSE]
    unshown = [(d, h) for d, h in unshown if _may_fall_in(d, start, end) and not _listed_after(pc, h, end)]
    at_once_unshown = {h.entry.id for _, h in unshown}
    doubts: dict[str, None] = {}
    for year, hit, latest in sorted(listed, key=lambda x: (x.year or 0, x.latest is None, x.hit.entry.name)):
        if year is None:
            # A date ahead of its record may stand for any year up to it, a year at the subject in
            # the period among them, as a record's year so given does (`_years._holds_both`), and
            # a work of no date for any year: where the records give the entry at no time, the
            # work alone shows it, and is a doubt.
            reaches = (
                anywhen or bool(in_period)
                if latest is None
                else (start is None or dt.date(latest, 12, 31) >= start)
                and (anywhen or any(y <= latest for y in in_period))
            )
            said = hit.entry.id in at_once_unshown  # with the subject on one authorship: said below
            if reaches and not said and not decided(hit, None) and not _listed_after(pc, hit, end):
                doubts[
                    f"a work in the evidence {_placed_unshown(hit.entry.name, latest is None)}, which their author records leave out, perhaps a year they were "
                    f"at {subject}: at both, or a move within it, the years cannot tell"
                ] = None
            continue
        if decided(hit, year) or _year_in(year, start, end)[0] == FALSE:
            continue
        if pc.cond.listed_before and _listed_by(hit, year)[0] is False:
            continue
        if (year, hit.entry.id) in at_once:
            doubts[
                f"a work in the evidence gives them at {subject} and at {hit.entry.name} on one authorship in {year}, "
                "which their author records leave out"
            ] = None
        elif year in there or anywhen:
            # A placement at a time the records do not say may be that year: said so, not as known.
            when = f"a year they were at {subject}" if year in there else f"perhaps a year they were at {subject}"
            doubts[
                f"a work in the evidence places them at {hit.entry.name} in {year}, which their author records leave "
                f"out, {when}: at both, or a move within it, the years cannot tell"
            ] = None
    for date, hit in sorted(unshown, key=lambda x: (x[0] is None, x[0].year if x[0] else 0, x[1].entry.name)):
        when = "with no date" if date is None else f"in a year its date does not show ({_when(date)})"
        doubts[
            f"a work in the evidence gives them at {subject} and at {hit.entry.name} on one authorship, {when}, "
            "which their author records leave out and which may be in the period"
        ] = None
    return _Outcome(UNKNOWN, person.at_subject, [], list(doubts)) if doubts else None


def _listed_after(pc: _PeopleClaim, hit: _EntryHit, end: dt.date | None) -> bool:
    """Under `listed_before`, an entry listed only after the period: a year not shown cannot count."""
    return pc.cond.listed_before and end is not None and _listed_by(hit, end.year)[0] is False


def _placed_unshown(entry: str, no_date: bool) -> str:
    """How a work whose date shows no year places someone at a list entry, for a doubt."""
    if no_date:
        return f"with no date places them at {entry}"
    return f"places them at {entry} in a year its date, ahead of its record, does not show"


def _decided_by_the_records(person: _Person) -> Callable[[_EntryHit, int | None], bool]:
    """Whether the person's records decide a year at a list entry: the years they give there,
    and no other (a record placing them at HIT in 2024 only, after joining, says nothing of a
    work placing them there in 2020); a year not shown, where they give the entry at all."""
    given = {(p.hit.entry.id, y) for p in person.at_listed if p.hit is not None for y in p.known_years}
    given_at_all = {entry for entry, _ in given} | {
        p.hit.entry.id for p in person.at_listed if p.hit and p.when_unknown and not p.last_known
    }

    def decided(hit: _EntryHit, year: int | None) -> bool:
        return (hit.entry.id, year) in given if year is not None else hit.entry.id in given_at_all

    return decided


def _back_in_works(
    person: _Person,
    pc: _PeopleClaim,
    listed: list[_Listed],
    decided: Callable[[_EntryHit, int | None], bool],
    start: dt.date | None,
    end: dt.date | None,
) -> _Outcome | None:
    """For a person the records place at the subject before the period, a return in it that only
    works show (`_years._back_from_a_listed_place` reads the records): at the subject in some
    year, a work placing them at a list entry their records leave out in a later year (or in a
    year its date does not show) with no year at the subject between, and at the subject again in
    a year that may fall in the period. A doubt, never a match, never silence."""
    subject = pc.claim.subject.name
    within = pc.cond.within_years
    for before, again in _gaps_before_a_return(person, start, end):
        between = [
            (year, hit.entry.name, latest is None)
            for year, hit, latest in listed
            if not decided(hit, year)
            and (_in_the_gap(year, before, again, within) if year is not None else again - before > 1)
            and not (pc.cond.listed_before and _listed_by(hit, again)[0] is False)
        ]
        if not between:
            continue
        # The latest year the work gives, where one does (the nearest to the return); of entries
        # in one year, the first by name.
        year, entry, no_date = min(between, key=lambda x: (x[0] is None, -(x[0] or 0), x[2], x[1]))
        when = str(year)
        if year is None:
            when = (
                "a year its date does not show (it has none)"
                if no_date
                else "a year its date, ahead of its record, does not show"
            )
        gap = _years(range(before + 1, again))
        why = (
            f"their records place them at {subject} in {before} and again in {again}, with no year there in {gap}, "
            f"and a work in the evidence places them at {entry} in {when}, which their author records leave out: "
            f"they may have left and been recruited again from {entry}, which the years cannot tell from staying"
        )
        return _Outcome(UNKNOWN, person.at_subject, [], [why], _years_at_subject(person)[0])
    return None


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
            work = copies.dated(work)
            for a in work.authorships:
                for w in wanted.get(a.author_id or "", ()):
                    w.offer(work, a)


def _work_ids(person: _Person) -> list[str]:
    """Every OpenAlex author id works may name the person by: their records' and those of other
    records sharing their ORCID; but, taken as one iD's records alone, not another iD's records'."""
    return [i for i in dict.fromkeys([*_openalex_ids(person), *person.orcid_ids]) if i not in person.not_theirs]


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
