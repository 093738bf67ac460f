"""The claim's conditions on one person, year by year: joined from a listed institution, or
held both places, by the years the records give."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..._text import printable
from ...people import PUBLICATION_YEARS, STATED_YEARS, AuthorRecord
from ...results import year_runs
from .._conditions import FALSE, TRUE, UNKNOWN, Truth, _taken_off_unread, listed_in_periods, listed_perhaps_earlier
from .._matchers import _EntryHit
from ._persons import _PeopleClaim, _Person, _Place


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
    if entry.listed_to is None and entry.listed_to_unread:
        return _taken_off_unread(entry)
    if entry.listed_to is None or entry.listed_to >= dt.date(year, 12, 31):
        return None
    when = "before" if entry.listed_to < dt.date(year, 1, 1) else "within"
    return (
        f"{entry.name} was taken off the list on {entry.listed_to}, {when} {year}: whether a former listing "
        "counts is for a reviewer (listed_before leaves such listings out)"
    )


def _listed_by(hit: _EntryHit, year: int, as_of: dt.date | None = None) -> tuple[bool | None, str | None]:
    """Was the entry on the list through the year: listed on or before it, and not taken off
    within or before it? None where a year cannot say (a listing or a removal inside it, or no
    listing date). An entry listed in several periods is listed where the year falls inside one;
    its doubt says a period ending after `as_of`, the run's as-of day, as not ended."""
    entry = hit.entry
    if entry.several_listings:
        within = f"within {year}, and a year cannot say which came first"
        return listed_in_periods(entry, dt.date(year, 1, 1), dt.date(year, 12, 31), within, as_of)
    if entry.listed_to is not None and entry.listed_to < dt.date(year, 1, 1):
        return False, None  # off the list before the year began
    if entry.listed_from is None:
        return None, f"the listing date of {entry.name} is not known"
    if entry.listed_from > dt.date(year, 1, 1) and entry.listed_from_unread:
        return None, listed_perhaps_earlier(entry)
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
    if entry.listed_to is None and entry.listed_to_unread:
        return None, _taken_off_unread(entry)
    return True, None


def _basis(record: AuthorRecord) -> str:
    return "publication years" if record.years_basis == PUBLICATION_YEARS else "the years its sources state"


def _years(years: Iterable[int]) -> str:
    """[2019, 2020, 2021, 2023] -> '2019–2021, 2023'; 'no year' for none."""
    return year_runs(years) or "no year"


def _undated(p: _Place) -> str:
    """How a record places someone at a time it does not say (`_Place.when_unknown`), for a
    sentence: 'with no years', or the years it gives ahead of itself."""
    if p.last_known:
        return "as their last known institution, which their affiliations do not give (with no years)"
    if p.affiliation.unread:
        given = ", ".join(printable(v) for v in p.affiliation.unread)
        read = f"in {_years(p.known_years)} and " if p.known_years else ""
        return f"{read}in a year it gives as {given}, which is no year it can read (so in any year)"
    if not p.ahead:
        return "with no years"
    return (
        f"in {_years(p.ahead)}, after {p.record.current_on}, the day its record was current (a work dated ahead "
        "of its record), which may stand for any year up to it"
    )


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
        return _back_from_a_listed_place(person, pc, start, end)
    status, first, doubts = first_side
    listed = _listed_earlier(_before_now(person.at_listed), first, pc, subject)
    silent = _silent_records(person, subject)
    if listed is None:
        if any(r.affiliations for r in person.records) and not silent:
            return None
        # Records with no affiliations (an older dump's, with its last known institution alone)
        # cannot show where the person was before: silence about it is no proof.
        why = f"their author records give no affiliations, only a last known institution, so where they were before {subject} is not known"
        return _Outcome(UNKNOWN, person.at_subject, [], [*doubts, *(silent or [why])], first)
    listed_status, cited, listed_doubts, listed_before = listed
    return _Outcome(
        UNKNOWN if silent else min(status, listed_status),
        person.at_subject,
        cited,
        doubts + listed_doubts + silent,
        first,
        listed_before=listed_before,
    )


def _silent_records(person: _Person, subject: str) -> list[str]:
    """Where some of the person's author records give affiliations, why each that gives none but a
    last known institution (an older dump's, whose affiliations are missing, not empty: the last
    known institution is one its works state) leaves their years open: its works may place them at
    a listed institution, or at the subject, in any year. A record that gives neither states no
    place at all, and takes nothing away."""
    if not any(r.affiliations for r in person.records):
        return []  # every record silent: said once, as where they were before the subject (`_joined`)
    return [
        f"{r.origin} ({r.id}), one of their author records, gives no affiliations, only a last known institution, "
        f"so where its works place them, and when, is not known: they may have been at {subject} earlier, or at a "
        "listed institution before it"
        for r in person.missing_affiliations
    ]


def _back_from_a_listed_place(
    person: _Person, pc: _PeopleClaim, start: dt.date | None, end: dt.date | None
) -> _Outcome | None:
    """For a person the records place at the subject before the period, a return in it from a
    listed place: at the subject in some year, then at a listed entry in a later year with no
    year at the subject between, then at the subject again in a year that may fall in the period
    (an intern who went back to their university, and was hired from it). Publication years
    cannot say whether they stayed at the subject all along: a doubt, never a match, and never
    the silence of "they did not join in the period"."""
    subject = pc.claim.subject.name
    within = pc.cond.within_years
    for before, again in _gaps_before_a_return(person, start, end):
        between = [(y, p) for p in person.at_listed for y in p.known_years if _in_the_gap(y, before, again, within)]
        # A place the records give at no year, or in a year ahead of its record, may be in the gap.
        unknown = [p for p in _before_now(person.at_listed) if p.when_unknown] if again - before > 1 else []
        if pc.cond.listed_before:
            between = [(y, p) for y, p in between if p.hit is None or _listed_by(p.hit, again)[0] is not False]
            unknown = [p for p in unknown if p.hit is None or _listed_by(p.hit, again)[0] is not False]
        if not between and unknown:
            gap = _years(range(before + 1, again))
            return _Outcome(
                UNKNOWN,
                person.at_subject,
                unknown,
                [
                    f"their records place them at {subject} in {before} and again in {again}, with no year there in "
                    f"{gap}, and {p.record.origin} places them at {p.label} {_undated(p)}, so whether they were "
                    f"there in {gap}, and recruited again from it, is not known" + _name_doubt(p)
                    for p in unknown
                ],
                _years_at_subject(person)[0],
                listed_before={
                    id(p): _listed_by(p.hit, again)[0] for p in unknown if p.hit is not None and pc.cond.listed_before
                },
            )
        if not between:
            continue
        place = max(between, key=lambda x: x[0])[1]
        cited = list({id(p): p for _, p in between}.values())
        listed_before = {
            id(p): _listed_by(p.hit, again)[0] for p in cited if p.hit is not None and pc.cond.listed_before
        }
        why = (
            f"their records place them at {subject} in {before}, at {place.label} in "
            f"{_years(y for y, p in between if p is place)} with no year at {subject} in {_years(range(before + 1, again))}, "
            f"and at {subject} again in {again} ({_basis(place.record)}): they may have left and been recruited "
            f"again from {place.label}, which the years cannot tell from staying"
        )
        first = _years_at_subject(person)[0]
        return _Outcome(UNKNOWN, person.at_subject, cited, [why], first, listed_before=listed_before)
    return None


def _years_at_subject(person: _Person) -> list[int]:
    """The years the records place the person at the subject, in order, each once."""
    return sorted({y for p in person.at_subject for y in p.known_years})


def _gaps_before_a_return(person: _Person, start: dt.date | None, end: dt.date | None) -> Iterator[tuple[int, int]]:
    """Each gap a return to the subject in the period may be across: two years the records place
    the person at the subject with none between, the later of which may fall in the period (the
    records' returns here, the works' in `_works._back_in_works`)."""
    for before, again in itertools.pairwise(_years_at_subject(person)):
        if _year_in(again, start, end)[0] != FALSE:
            yield before, again


def _in_the_gap(year: int, before: int, again: int, within: int | None) -> bool:
    """A year inside a gap, and within `within_years` of the return where the claim gives that."""
    return before < year < again and (within is None or again - year <= within)


def _first_at_subject(
    places: list[_Place], subject: str, start: dt.date | None, end: dt.date | None
) -> tuple[Truth, int | None, list[str]] | None:
    """The first year the records certainly place the person at the subject, whether it falls in
    the period, and what makes it uncertain; None where it certainly falls outside."""
    sure_years = sorted({y for p in places if p.sure for y in p.known_years})
    first = sure_years[0] if sure_years else None
    if first is not None and start is not None and dt.date(first, 12, 31) < start:
        return None  # at the subject before the period: they did not join in it
    yearless = [p for p in places if p.when_unknown]
    if any(p.sure and not p.may_reach(start) for p in yearless):
        return None  # likewise, in a year ahead of its record, so in some year up to it, before the period
    earlier = [p for p in places if not p.sure and p.known_years and (first is None or p.known_years[0] < first)]
    candidates = [y for y in (first, *(p.known_years[0] for p in earlier)) if y is not None]
    if not any(p.may_reach(start) for p in yearless) and all(_year_in(y, start, end)[0] == FALSE for y in candidates):
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
        doubts.append(f"{p.record.origin} places them at {p.label} {_undated(p)}, {when}" + _name_doubt(p))
    for p in earlier:
        status = UNKNOWN
        doubts.append(f"{p.record.origin} places them at {p.label} in {_years(p.known_years)}" + _name_doubt(p))
    return status, first, doubts


def _name_doubt(p: _Place) -> str:
    return f", and the name is uncertain: {p.doubt}" if p.doubt else ""


def _before_now(places: list[_Place]) -> list[_Place]:
    """The listed places that may show where someone was before joining: a last known
    institution the affiliations lack is where they are now, after the subject as likely as before."""
    return [p for p in places if not p.last_known]


def _listed_earlier(
    places: list[_Place], first: int | None, pc: _PeopleClaim, subject: str
) -> tuple[Truth, list[_Place], list[str], dict[int, bool | None]] | None:
    """Listed places before the first year at the subject: TRUE where one certainly is, UNKNOWN
    where one may be (the same year, no years, a doubtful name or listing), None where none can."""
    cond = pc.cond
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
        within = cond.within_years
        earlier = [y for y in p.known_years if y < first and (within is None or first - y <= within)]
        if not earlier and first not in p.known_years:
            if p.when_unknown:
                maybe.append(p)
                doubts.append(
                    f"{p.record.origin} places them at {p.label} {_undated(p)}, so whether they were there before "
                    f"{first} is not known" + _name_doubt(p)
                )
            continue
        if cond.listed_before:
            listed, listing_doubt = _listed_by(p.hit, first, pc.as_of)
        else:
            listed, listing_doubt = None, _taken_off_by(p.hit, first)
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
    sure_years = {y for p in person.at_subject if p.sure for y in p.known_years}
    any_years = {y for p in person.at_subject for y in p.known_years}
    # A year ahead of its record stands for none after it (`_Place.may_reach`): before the period, no time in it.
    yearless = [p for p in person.at_subject if p.when_unknown and p.may_reach(start)]
    in_period = sorted(y for y in any_years if _year_in(y, start, end)[0] != FALSE)
    support: list[_Place] = []
    maybe: list[_Place] = []
    doubts: list[str] = []
    shared: set[int] = set()
    listed_before: dict[int, bool | None] = {}
    for p in person.at_listed:
        assert p.hit is not None
        for year in p.known_years:
            where, period_doubt = _year_in(year, start, end)
            if where == FALSE or (year not in any_years and not yearless):
                continue
            if pc.cond.listed_before:
                listed, listing_doubt = _listed_by(p.hit, year, pc.as_of)
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
                    f"{s.record.origin} places them at {s.label} {_undated(s)}, so whether they were there in "
                    f"{year}, when they were at {p.label}, is not known"
                    for s in yearless
                ]
            elif year not in sure_years:
                doubts += [f"{s.label} in {year}: {s.doubt}" for s in person.at_subject if s.doubt and year in s.years]
            doubts += [d for d in (p.doubt and f"{p.label}: {p.doubt}", listing_doubt) if d]
        if (
            p.when_unknown
            and p.may_reach(start)
            and (in_period or yearless)
            and all(q is not p for q in (*support, *maybe))
        ):
            maybe.append(p)
            doubts.append(
                f"{p.record.origin} places them at {p.label} {_undated(p)}, so whether they were there in a "
                f"year they were at {subject} is not known" + _name_doubt(p)
            )
    if not support:
        for p, listed, doubt in _bracketed(person, pc, start, end):
            if all(q is not p for q in maybe):
                maybe.append(p)
                listed_before.setdefault(id(p), listed)
            doubts.append(doubt)
    if support:
        at_subject = [s for s in person.at_subject if s.sure and shared & set(s.years)]
        return _Outcome(TRUE, at_subject, _once(support), [], shared=sorted(shared), listed_before=listed_before)
    if maybe:
        return _Outcome(UNKNOWN, person.at_subject, _once(maybe), doubts, listed_before=listed_before)
    return None


def _bracketed(
    person: _Person, pc: _PeopleClaim, start: dt.date | None, end: dt.date | None
) -> Iterator[tuple[_Place, bool | None, str]]:
    """For `holds_both`, each listed place where the records give the person at one of the two
    places in years that may fall in the period, and at the other in years on both sides of
    them but not in them: they may have been at the other all along, and so at both (a student of
    a listed university interning at the subject, whose works there name the subject alone; a
    post at the subject kept through a year of works from the listed place). The years cannot
    tell that from leaving and coming back: a doubt, never a match, and never the silence of "no
    year at both". With each, whether the entry was listed by the first such year."""
    subject = pc.claim.subject.name
    at_subject = _years_at_subject(person)
    bases = {_basis(s.record) for s in person.at_subject}
    for p in person.at_listed:
        assert p.hit is not None
        listed_years = p.known_years
        basis = " and ".join(sorted({*bases, _basis(p.record)}))
        for here, there, years, around, note in (
            (subject, p.label, at_subject, listed_years, f" (an intern's works may name {subject} alone)"),
            (p.label, subject, listed_years, at_subject, ""),
        ):
            inside = [
                y
                for y in years
                if y not in around
                and _year_in(y, start, end)[0] != FALSE
                and any(a < y for a in around)
                and any(b > y for b in around)
                and not (pc.cond.listed_before and _listed_by(p.hit, y)[0] is False)
            ]
            if not inside:
                continue
            when = _years(inside)
            listed = _listed_by(p.hit, inside[0])[0] if pc.cond.listed_before else None
            yield (
                p,
                listed,
                f"{when}: the records place them at {here} in {when} and at {there} in {_years(around)} but not "
                f"in {when} ({basis}): they may have been at {there} all along, and so at both in {when}{note}, "
                "which the years cannot tell from having left it" + _name_doubt(p),
            )


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
    """Placed at the subject in a year that may fall in the period, or at a time not known that
    may (`_Place.may_reach`)."""
    return any(p.when_unknown and p.may_reach(start) for p in person.at_subject) or _placed_in_a_year(
        person, start, end
    )


def _placed_in_a_year(person: _Person, start: dt.date | None, end: dt.date | None) -> bool:
    """Placed at the subject in a year the records give that may fall in the period."""
    return any(_year_in(y, start, end)[0] != FALSE for p in person.at_subject for y in p.known_years)
