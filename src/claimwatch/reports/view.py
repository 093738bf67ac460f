"""What the HTML and Markdown reports show, worked out once from Results.

The two reporters differ only in markup: this module groups claims under the statement they
come from, turns each finding's reasons into rows an editor can read (subject authors, partner
authors with their list entries, phrases in context), caps long finding lists, and decides which
links may be live. Text stays untrusted here; each reporter escapes it for its own format.
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import quote, urlsplit

from .. import _text, coverage
from ..results import (
    DECISION_WORDS,
    VERDICT_WORDS,
    AbsenceReason,
    AffiliationReason,
    ClaimResult,
    EntryRef,
    EvidenceRef,
    Finding,
    InstitutionRef,
    LapsedReview,
    ListedInstitution,
    ListingPeriod,
    ListRef,
    PersonFinding,
    PersonWork,
    PhraseReason,
    Placement,
    Publication,
    Results,
    Review,
    SnapshotRef,
    SourceRef,
    StatementRef,
    TopicRef,
    Unaffiliated,
    WorkRef,
    start_unread_said,
    year_runs,
)

FINDINGS_SHOWN = 20
"""Findings listed per claim in HTML and Markdown; the JSON report holds them all."""

ITEMS_SHOWN = 20
"""What HTML and Markdown show of one finding, of each kind: its records, the subject's authors,
the partner authors, the topic phrases matched, the doubts. A work with thousands of authors (a
physics collaboration's) would otherwise make one row of a megabyte; the rest are counted, and
the JSON report holds them all."""

METHOD_WORDS = {
    "openalex_id": "OpenAlex institution id",
    "lineage": "OpenAlex lineage (a parent institution's id)",
    "ror": "ROR id",
    "name_in_institution": "name in the institution's name (inferred)",
    "alias_in_raw_affiliation": "name in the raw affiliation text (inferred)",
}

VERDICT_MEANINGS = {
    "contradicted": "The evidence holds works the claim rules out (or, for \u201cat least\u201d, complete "
    "evidence holds too few).",
    "supported": "At least the number of works the claim says were found.",
    "not_contradicted": "Nothing in the evidence contradicts the claim, and the evidence covers the claim's "
    "subject and period completely. This is not proof that the claim is true.",
    "insufficient_evidence": "The evidence cannot settle the claim either way; the reason says what is missing.",
}


# The same meanings where some claim counts people: its findings are persons, not works.
VERDICT_MEANINGS_WITH_PEOPLE = {
    **VERDICT_MEANINGS,
    "contradicted": "The evidence holds works (or, for a claim about people, persons) the claim rules out (or, "
    "for \u201cat least\u201d, complete evidence holds too few).",
    "supported": "At least the number of works (or people) the claim says were found.",
}


printable = _text.printable  # the templates' filter, the one rule for untrusted text


def safe_url(url: str | None) -> str | None:
    """The URL if it may become a live link: http or https, with a host, and nothing that could
    break out of an attribute or a Markdown link, nor a character that hides or reorders what a
    reader sees (a control, bidi, tag or invisible character): the address must be the one it
    shows. Anything else (javascript:, data:, a bare path) is shown as text, never linked."""
    # is_plain refuses every control character but tab and newline, which are spaces.
    if not url or not _text.is_plain(url) or any(c.isspace() or c in "<>\"'`\\" for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


@dataclass(frozen=True)
class Link:
    label: str
    url: str


def work_links(work: WorkRef) -> list[Link]:
    """Where a reader can open the work: its DOI, arXiv page, OpenAlex record and landing page."""
    links = []
    if work.doi:
        links.append(Link(f"doi:{work.doi}", "https://doi.org/" + quote(work.doi, safe="/:;._-")))
    if work.arxiv:
        links.append(Link(f"arXiv:{work.arxiv}", "https://arxiv.org/abs/" + quote(work.arxiv, safe="/._-")))
    if work.id[:1] == "W" and work.id[1:].isdigit():
        links.append(Link(work.id, f"https://openalex.org/{work.id}"))
    landing = safe_url(work.url)
    if landing and all(link.url != landing for link in links):
        links.append(Link("landing page", landing))
    return links


def unsafe_work_url(work: WorkRef) -> str | None:
    """A URL the record gives that may not be linked; reports show it as text so nothing is hidden."""
    return work.url if work.url and not safe_url(work.url) else None


# --- findings -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ListedAs:
    """One list entry a partner's institution matched, with what the list says about it."""

    entry: EntryRef
    relative: str | None  # "before this work" / "after this work" / "in the month of this work"
    as_of: str | None = None  # the run's as-of day: a period ending after it has not ended

    @property
    def listed(self) -> str:
        if not self.entry.listed_from:
            return "listing date not known"
        cite = f", {self.entry.citation}" if self.entry.citation else ""
        if self.entry.listings:
            return f"listed {listings_said(self.entry.listings, self.as_of)}{cite}"
        return f"listed {self.entry.listed_from}{cite}"


@dataclass(frozen=True)
class Partner:
    """An author at a listed institution, and every list entry that institution matched."""

    author: str
    position: int
    institution: str | None
    institution_id: str | None
    method: str
    matched_text: str | None
    listed_as: tuple[ListedAs, ...]
    matched: str | None = None  # the name as it stands in matched_text
    matched_name: str | None = None  # the list's name or alias it was taken for
    start: int | None = None
    end: int | None = None
    doubt: str | None = None


@dataclass(frozen=True)
class PhraseInContext:
    topic: str
    phrase: str
    where: str
    before: str
    text: str
    after: str


class _ReviewShown:
    """What the reports show beside a finding, a work's or a person's alike, of its review."""

    @property
    def reviewed(self) -> Finding | PersonFinding:
        raise NotImplementedError

    @property
    def review(self) -> ReviewView | None:
        return ReviewView(self.reviewed.review) if self.reviewed.review else None

    @property
    def doubts(self) -> tuple[str, ...]:
        return capped(shown_doubts(self.reviewed), "doubts")

    @property
    def resolved_doubts(self) -> tuple[str, ...]:
        return capped(resolved_doubts(self.reviewed), "doubts")


def capped(items: tuple[str, ...], what: str) -> tuple[str, ...]:
    """The first `ITEMS_SHOWN` items, and in place of the rest one that counts them."""
    if len(items) <= ITEMS_SHOWN:
        return items
    return (*items[:ITEMS_SHOWN], f"and {len(items) - ITEMS_SHOWN} more {what} (the JSON report lists them all)")


@dataclass(frozen=True)
class FindingView(_ReviewShown):
    finding: Finding
    links: tuple[Link, ...]
    unsafe_url: str | None
    subject_authors: tuple[str, ...]
    partners: tuple[Partner, ...]
    phrases: tuple[PhraseInContext, ...]
    absences: tuple[str, ...]
    partners_hidden: int = 0
    phrases_hidden: int = 0

    @property
    def work(self) -> WorkRef:
        return self.finding.work

    @property
    def records(self) -> tuple[str, ...]:
        """Where the work's records stand, `path:line`: what the finding can be traced to (the
        first `ITEMS_SHOWN`)."""
        return self.finding.work.records[:ITEMS_SHOWN]

    @property
    def records_hidden(self) -> int:
        return max(0, len(self.finding.work.records) - ITEMS_SHOWN)

    @property
    def date(self) -> str:
        return self.finding.work.publication_date or "undated"

    @property
    def reviewed(self) -> Finding:
        return self.finding


def shown_doubts(finding: Finding | PersonFinding) -> tuple[str, ...]:
    """Why a finding (a work or a person) is uncertain, as the report shows it: a confirmed
    finding's doubts are resolved (see `resolved_doubts`), and a dispute is named briefly, as the
    review beside it gives the reviewer's words."""
    review = finding.review
    if _resolved_on_review(finding):
        return ()
    dispute = _dispute_doubt(review) if review is not None else None
    return tuple("disputed on review (see the review)" if d == dispute else d for d in finding.uncertain_because)


def resolved_doubts(finding: Finding | PersonFinding) -> tuple[str, ...]:
    """The doubts a reviewer resolved by confirming the finding."""
    return finding.uncertain_because if _resolved_on_review(finding) else ()


def _resolved_on_review(finding: Finding | PersonFinding) -> bool:
    """Confirmed on review and counted as a match: a person confirmed who may be one counted
    already stays uncertain, their doubts standing (evaluate.people's `_confirmed_yet_maybe_one`)."""
    review = finding.review
    return review is not None and review.decision == "confirmed" and finding.status == "matched"


def _dispute_doubt(review: Review) -> str:
    """The doubt the evaluator adds to a matched finding a reviewer disputed (evaluate._reviewing)."""
    return f"disputed on review by {review.by} ({review.date}): {review.note}"


@dataclass(frozen=True)
class ReviewView:
    """An analyst's decision on a finding, as the reports show it beside the finding."""

    review: Review

    @property
    def decision_words(self) -> str:
        return DECISION_WORDS[self.review.decision]

    @property
    def where(self) -> str:
        return f"{self.review.path}, line {self.review.line}"

    @property
    def distinct_from(self) -> tuple[str, ...]:
        """The people the reviewer says a person confirmed is not, as the review names them (the
        first `ITEMS_SHOWN`): what lets that person count beside one they may be."""
        return capped(tuple(self.review.distinct_from), "people")


LAPSE_WORDS = {
    "not_found": "its work is no longer a finding",
    "expired": "expired",
    "expiry_unknown": "expiry cannot be checked",
    "overlaps": "another review of the work applies",
    "ambiguous": "names more than one work",
}
"""Why a review was not applied, in a few words; the review's `why` says more."""
PERSON_LAPSE_WORDS = {
    **LAPSE_WORDS,
    "not_found": "its person is no longer a finding",
    "overlaps": "another review of the person applies",
    "ambiguous": "names more than one person",
}
"""The same, for a review naming a person."""


@dataclass(frozen=True)
class LapsedView:
    lapsed: LapsedReview

    @property
    def review(self) -> ReviewView:
        return ReviewView(self.lapsed.review)

    @property
    def reason_words(self) -> str:
        words = PERSON_LAPSE_WORDS if self.lapsed.review.person is not None else LAPSE_WORDS
        return words[self.lapsed.reason]


def finding_view(finding: Finding, as_of: str | None = None) -> FindingView:
    """A finding as the reports show it; `as_of` (the run's) tells a listing period ending after
    it (a denial order's expiry, decades ahead) from one ended."""
    subject, partners, phrases, absences = [], [], [], []
    for r in finding.reasons:
        if isinstance(r, AffiliationReason) and r.kind == "subject_author":
            how = "" if r.method in ("openalex_id", "lineage") else f" [{METHOD_WORDS[r.method]}]"
            subject.append(f"{r.author} ({r.author_position}){how}")
        elif isinstance(r, AffiliationReason):
            partners.append(r)
        elif isinstance(r, PhraseReason):
            phrases.append(_phrase(r))
        elif isinstance(r, AbsenceReason):
            absences.append(r.condition)
    shown_partners = _partners(partners, finding.work.publication_date, as_of)
    shown_phrases = tuple(dict.fromkeys(phrases))
    return FindingView(
        finding=finding,
        links=tuple(work_links(finding.work)),
        unsafe_url=unsafe_work_url(finding.work),
        subject_authors=capped(tuple(subject), "of the subject's authors"),
        partners=shown_partners[:ITEMS_SHOWN],
        phrases=shown_phrases[:ITEMS_SHOWN],
        absences=tuple(absences),
        partners_hidden=max(0, len(shown_partners) - ITEMS_SHOWN),
        phrases_hidden=max(0, len(shown_phrases) - ITEMS_SHOWN),
    )


def _partners(reasons: list[AffiliationReason], published: str | None, as_of: str | None) -> tuple[Partner, ...]:
    """One row per author and place matched, however many lists name that place: a place is an
    institution record (its id, not only its name: OpenAlex holds records of one name under
    several ids, and a list may name either) or a name at one span of the text it stands in (two
    names in one raw affiliation are two citations)."""
    rows: dict[tuple, list[AffiliationReason]] = {}
    for r in reasons:
        rows.setdefault(_partner_key(r), []).append(r)
    out = []
    for group in rows.values():
        first = group[0]
        inst = first.institution
        out.append(
            Partner(
                author=first.author,
                position=first.author_position,
                institution=inst.name if inst else None,
                institution_id=institution_id(inst),
                method=METHOD_WORDS[first.method],
                matched_text=first.matched_text,
                listed_as=tuple(
                    ListedAs(r.entry, _relative(r.entry, published, as_of), as_of) for r in group if r.entry
                ),
                matched=_span(first),
                matched_name=first.matched_name,
                start=first.start,
                end=first.end,
                doubt="; ".join(dict.fromkeys(r.doubt for r in group if r.doubt)) or None,
            )
        )
    return tuple(sorted(out, key=lambda p: (p.position, p.author)))


def _partner_key(r: AffiliationReason) -> tuple:
    """What makes two reasons one partner row: the same author, institution record, method and
    name at the same place in the same text; only the list entry differs."""
    inst = r.institution
    where = (inst.id, inst.ror, inst.name) if inst else None
    return (r.author_position, r.author, where, r.method, r.matched_text, r.start, r.end, r.matched_name)


def institution_id(inst: InstitutionRef | None) -> str | None:
    """The id a row cites its institution by: its OpenAlex id, else its ROR id."""
    if inst is None:
        return None
    return inst.id or (f"ror:{inst.ror}" if inst.ror else None)


def _span(r: AffiliationReason) -> str | None:
    """The name as it stands in the text it was found in, where the reason gives its place."""
    if r.matched_text is None or r.start is None or r.end is None:
        return None
    return r.matched_text[r.start : r.end] or None


def _relative(entry: EntryRef, published: str | None, as_of: str | None = None) -> str | None:
    """Where the listing date, and the day it was taken off the list, fall against the work's
    date, which may be known only to the month or year. An entry listed in several periods says
    which of them the work's date falls in, or where between them."""
    if entry.listings:
        said = [_among_periods(entry.listings, published, as_of)]
        if entry.listed_from_unread:
            said.append(listed_from_unread(entry.listed_from_unread))
        if entry.listed_to_unread:
            said.append(taken_off_unread(entry.listed_to_unread))
        return "; ".join(s for s in said if s) or None
    said = [_against(entry.listed_from, published, "listed")]
    if entry.listed_from_unread:
        said.append(listed_from_unread(entry.listed_from_unread))
    if entry.listed_to:
        # Taken off before or within the work's date is past; a day after it (a denial order's
        # expiry, decades ahead) is said without a tense, as is a day with no work to weigh it by.
        against = _against(entry.listed_to, published, f"taken off the list on {entry.listed_to}")
        if against is not None and not against.endswith(" after this work's date"):
            said.append(against)
        else:
            said.append(f"listed until {entry.listed_to}" + (", after this work's date" if against else ""))
    elif entry.listed_to_unread:
        said.append(taken_off_unread(entry.listed_to_unread))
    return "; ".join(s for s in said if s) or None


_A_DAY = dt.timedelta(days=1)


def listings_said(periods: Sequence[ListingPeriod], as_of: str | None = None) -> str:
    """An entry's periods (`listings`), as the reports say them: '2019-01-01 to 2021-06-30, and
    from 2023-01-01'. A period whose end is after the run's as-of day (a denial order's expiry,
    decades ahead) has not ended: 'from 2023-01-01 (listed until 2056-06-29)', as `listing_end`
    says a single listing's."""
    return _text.listed_in_a_sentence([_period_said(p, as_of) for p in periods])


def _period_said(p: ListingPeriod, as_of: str | None) -> str:
    if not p.to:
        return f"from {p.from_}"
    if as_of and p.to > as_of:
        return f"from {p.from_} (listed until {p.to})"
    return f"{p.from_} to {p.to}"


def _among_periods(periods: Sequence[ListingPeriod], published: str | None, as_of: str | None) -> str | None:
    """Where a work's date (perhaps a month or a year) falls among an entry's periods: inside one,
    on or within one's start or end, before the first, between two (not listed then), or after
    the last. Periods back to back (the next beginning the day after one ends) are one listing
    here, as the judgement reads them: no day falls between them, so neither edge is one."""
    if not published:
        return None
    for run in _back_to_back(periods):
        start, end = run[0].from_[: len(published)], run[-1].to[: len(published)] if run[-1].to else None
        said = (
            f"listing {listings_said(run, as_of)}"
            if len(run) == 1
            else f"listings back to back {listings_said(run, as_of)}"
        )
        if published in (start, end):
            edge = "start" if published == start else "end"
            return f"the {edge} of its {said} on or within this work's date"
        if start < published and (end is None or published < end):
            return f"this work's date within its {said}"
    if published < periods[0].from_[: len(published)]:
        return "listed after this work's date"
    last = periods[-1].to
    if last and last[: len(published)] < published:
        return f"taken off the list on {last}, before this work's date"
    return "this work's date between two of its listings, when it was not listed"


def _back_to_back(periods: Sequence[ListingPeriod]) -> list[list[ListingPeriod]]:
    """The periods in runs, each next one in a run beginning the day after the one before ends
    (as `lists.unbroken` joins them for the judgement)."""
    runs: list[list[ListingPeriod]] = []
    for p in periods:
        last = runs[-1][-1] if runs else None
        if last is not None and last.to and dt.date.fromisoformat(p.from_) == dt.date.fromisoformat(last.to) + _A_DAY:
            runs[-1].append(p)
        else:
            runs.append([p])
    return runs


def listed_from_unread(text: str) -> str:
    """A start of a listing a record of the entity gives in no form read, beside the starts read
    (`listed_from` the earliest of those), as the reports say it."""
    return f"perhaps listed earlier: {start_unread_said(text)}"


def listing_end(day: str, as_of: str | None) -> str:
    """The end of an entry's listing in a list's table (and `lists show`, against the day the list
    was read): taken off, where the day is on or before the run's as-of day; else (a 50-year
    denial order's expiry, 2056-06-29 in the real list) listed until then, which "taken off" said
    as if it had passed."""
    return f"taken off {day}" if as_of and day <= as_of else f"listed until {day}"


def taken_off_unread(text: str) -> str:
    """An end of a listing the list gives in no form read, as the reports say it."""
    return f"taken off the list on a day it gives as \u201c{text}\u201d, not a date claimwatch reads"


def _against(day: str | None, published: str | None, what: str) -> str | None:
    if not day or not published:
        return None
    cut = day[: len(published)]
    if cut < published:
        return f"{what} before this work's date"
    if cut > published:
        return f"{what} after this work's date"
    return f"{what} on or within this work's date"


def _phrase(r: PhraseReason) -> PhraseInContext:
    if r.method == "openalex_topic":
        return PhraseInContext(r.topic, r.phrase, "OpenAlex topic", "", r.text, "")
    return PhraseInContext(r.topic, r.phrase, r.field, r.context_before, r.text, r.context_after)


# --- people ---------------------------------------------------------------------------------

# An id links only in the form OpenAlex and ORCID give it; anything else a record holds is text.
_OPENALEX_AUTHOR = re.compile(r"A\d{1,20}")
_ORCID = re.compile(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]")


def person_links(person: PersonFinding) -> list[Link]:
    """Where a reader can look the person up: each OpenAlex author record, then the ORCID record."""
    links = [
        Link(i, f"https://openalex.org/{i}")
        for i in dict.fromkeys(filter(None, (person.openalex_id, *person.other_openalex_ids)))
        if _OPENALEX_AUTHOR.fullmatch(i)
    ]
    if person.orcid and _ORCID.fullmatch(person.orcid):
        links.append(Link(f"ORCID {person.orcid}", f"https://orcid.org/{person.orcid}"))
    return links


def unlinked_person_ids(person: PersonFinding) -> tuple[str, ...]:
    """The person's ids no link stands for: a curated record's id, or an id in no known form."""
    linked = {link.label for link in person_links(person)}
    ids = dict.fromkeys(filter(None, (person.id, person.openalex_id, *person.other_openalex_ids)))
    shown = [i for i in ids if i not in linked]
    if person.orcid and f"ORCID {person.orcid}" not in linked:
        shown.append(f"ORCID {person.orcid}")
    return tuple(shown)


def years_words(years: Iterable[int]) -> str:
    """(2019, 2020, 2021, 2023) -> '2019–2021, 2023'; 'no years' where the record gives none."""
    return year_runs(years) or "no years"


def years_of_placement(placement: Placement) -> str:
    """A placement's years (`years_words`), and those the record gives as no year, as written:
    '2024, and a year given as "2020", not read'."""
    read = year_runs(placement.years)
    if not placement.years_unread:
        return read or "no years"
    given = ", ".join(printable(v) for v in placement.years_unread)
    unread = f"a year given as {given}, not read"
    return f"{read}, and {unread}" if read else unread


def basis_words(basis: str) -> str:
    """What a placement's years are, in the few words the reports put beside them. OpenAlex's are
    the years of works stating the institution: never to be read as employment dates."""
    if basis.startswith("publication years"):
        return "publication years, not employment dates"
    return basis


def placement_basis(placement: Placement) -> str:
    """What a placement's years are (`basis_words`), and the role there a curated history gives."""
    basis = basis_words(placement.years_basis)
    return f"{basis}; as {placement.role}" if placement.role else basis


LISTED_BEFORE_WORDS = {
    True: "listed on or before the year that matters",
    False: "not yet listed in the year that matters",
}


@dataclass(frozen=True)
class PersonWorkView:
    """A work that shows a placement: by the person, stating the institution, in a year cited."""

    work: PersonWork
    links: tuple[Link, ...]

    @property
    def date(self) -> str:
        return self.work.publication_date or "undated"


@dataclass(frozen=True)
class PlacementView:
    """Where one author record places the person: the institution, the years and what they are,
    how it matched, the list entry (for a listed one), and the works that show it."""

    placement: Placement
    years: str
    basis: str
    method: str
    listed_as: ListedAs | None
    works: tuple[PersonWorkView, ...]

    @property
    def listed_before(self) -> str | None:
        flag = self.placement.listed_before
        return None if flag is None else LISTED_BEFORE_WORDS[flag]

    @property
    def institution(self) -> str:
        inst = self.placement.institution
        return inst.name or inst.id or "(unnamed institution)"


@dataclass(frozen=True)
class PersonView(_ReviewShown):
    person: PersonFinding
    links: tuple[Link, ...]
    unlinked_ids: tuple[str, ...]
    at_subject: tuple[PlacementView, ...]
    at_listed: tuple[PlacementView, ...]

    @property
    def shared_years(self) -> str | None:
        """For `holds_both`: the years at both places, with what they are (as the subject's record gives them)."""
        if not self.person.shared_years:
            return None
        basis = f" ({self.at_subject[0].basis})" if self.at_subject else ""
        return years_words(self.person.shared_years) + basis

    @property
    def reviewed(self) -> PersonFinding:
        return self.person


def person_view(person: PersonFinding, as_of: str | None = None) -> PersonView:
    return PersonView(
        person=person,
        links=tuple(person_links(person)),
        unlinked_ids=unlinked_person_ids(person),
        at_subject=tuple(placement_view(p, as_of) for p in person.at_subject),
        at_listed=tuple(placement_view(p, as_of) for p in person.at_listed),
    )


def placement_view(placement: Placement, as_of: str | None = None) -> PlacementView:
    entry = placement.entry
    return PlacementView(
        placement=placement,
        years=years_of_placement(placement),
        basis=placement_basis(placement),
        method=METHOD_WORDS[placement.method],
        listed_as=ListedAs(entry, _relative(entry, None, as_of), as_of) if entry else None,
        works=tuple(PersonWorkView(w, tuple(person_work_links(w))) for w in placement.works),
    )


def person_work_links(work: PersonWork) -> list[Link]:
    """A cited work's DOI and OpenAlex record, linked as a finding's work is."""
    return work_links(WorkRef(id=work.id, doi=work.doi, title=work.title))


# --- evidence, coverage and dates -----------------------------------------------------------


@dataclass(frozen=True)
class EvidenceRow:
    """A piece of evidence as the Methods section describes it, once, for every claim to link to."""

    number: int
    path: str
    kind: str
    source: str | None
    records_current: str  # when its records were current, and on what ground
    records: int | None
    coverage: str
    without_institution_id: str | None
    older_copies: str | None = None  # set aside: a newer record of the same work is given

    @property
    def anchor(self) -> str:
        return f"evidence-{self.number}"


def _evidence_rows(results: Results) -> tuple[EvidenceRow, ...]:
    counts = {c.path: c for c in results.evidence_counts}
    rows = []
    for number, e in enumerate(results.evidence, 1):
        c = counts.get(e.path)
        snapshot = e if isinstance(e, SnapshotRef) else None  # only a snapshot has a manifest
        share = None
        if c and c.authorships:
            share = (
                f"{c.authorships_without_institution_id} of {c.authorships} "
                f"({c.authorships_without_institution_id / c.authorships:.1%})"
            )
        rows.append(
            EvidenceRow(
                number=number,
                path=e.path,
                kind=e.kind,
                source=snapshot.source if snapshot else None,
                records_current=_records_current(e),
                records=c.records if c else snapshot.records if snapshot else None,
                coverage=coverage.describe(coverage.Coverage.model_validate(e.coverage), _open_end(e)),
                without_institution_id=share,
                older_copies=_older_copies(c.superseded) if c and c.superseded else None,
            )
        )
    return tuple(rows)


def _older_copies(n: int) -> str:
    copies = "an older copy" if n == 1 else f"{n:,} older copies"
    return f"{copies} set aside: a newer record of the same work is given"


def _records_current(e: SnapshotRef | EvidenceRef) -> str:
    """When the evidence's records were current, and on what ground; never when a snapshot was made."""
    if isinstance(e, SnapshotRef):
        if e.as_of:
            return f"{e.as_of} ({e.as_of_basis})" if e.as_of_basis else e.as_of
        return f"not recorded ({e.as_of_basis})" if e.as_of_basis else "not recorded"
    if e.kind == "curated":
        return "not recorded (curated evidence: each record carries its own sources' dates)"
    if e.as_of:
        return f"{e.as_of} (the newest updated_date its records give)"
    return "not recorded"


def _open_end(e: SnapshotRef | EvidenceRef) -> str:
    """Where a declared coverage with no end stops: the day the records were current, not a retrieval."""
    if isinstance(e, SnapshotRef) and e.as_of:
        return f"{e.as_of}, when its records were current"
    return "a day not recorded (so it covers no open-ended claim)"


def cut_off(results: Results) -> str:
    """`Results.as_of` named for what it is: the day open-ended claims are assessed to, and whose it is."""
    if not results.as_of:
        return (
            "open-ended claims assessed to: not recorded (no --as-of was given, and no evidence records "
            "when its records were current)"
        )
    return f"open-ended claims assessed to {results.as_of} ({_cut_off_basis(results)})"


def _cut_off_basis(results: Results) -> str:
    if results.as_of_basis:
        return f"cut-off: {results.as_of_basis}"
    if any(arg == "--as-of" or arg.startswith("--as-of=") for arg in results.command):
        return "cut-off given with --as-of"
    # Results made without the basis (by hand, or read from an older report): a snapshot's day.
    if any(isinstance(e, SnapshotRef) and e.as_of == results.as_of for e in results.evidence):
        return "cut-off: the day the newest evidence's records were current"
    return "cut-off given by the caller"


def period_words(result: ClaimResult) -> str:
    """The claim's period as it states it, and the day an open-ended one was assessed to."""
    p = result.period
    if p.from_ and p.to:
        words = f"{p.from_} to {p.to}"
    elif p.to:
        words = f"up to {p.to}"
    else:
        start = f"from {p.from_}, open-ended" if p.from_ else "any time, open-ended"
        end = (
            f"assessed to {p.assessed_to}, the cut-off"
            if p.assessed_to
            else "no cut-off recorded, so every later work counts"
        )
        words = f"{start}; {end}"
    return f"{words} (publication dates)"


@dataclass(frozen=True)
class CoverageNote:
    """A coverage reason several claims share: said once in the report, linked from each claim."""

    number: int
    complete: bool
    why: str
    claims: tuple[str, ...]
    evidence: tuple[EvidenceRow, ...]

    @property
    def anchor(self) -> str:
        return f"coverage-{self.number}"


def _coverage_evidence(result: ClaimResult, rows: tuple[EvidenceRow, ...]) -> tuple[EvidenceRow, ...]:
    """The evidence a claim's coverage rests on: the pieces that cover it, else every piece read."""
    sources = set(result.coverage.sources)
    return tuple(r for r in rows if r.path in sources) if sources else rows


def _coverage_notes(results: Results, rows: tuple[EvidenceRow, ...]) -> tuple[CoverageNote, ...]:
    """One note per coverage reason that two or more claims share, in the order claims first give it."""
    grouped: dict[tuple, list[str]] = {}
    for r in results.results:
        key = (r.coverage.complete, r.coverage.why, r.coverage.sources)
        grouped.setdefault(key, []).append(r.claim)
    shared = [(key, claims) for key, claims in grouped.items() if len(claims) > 1]
    return tuple(
        CoverageNote(
            number=i,
            complete=complete,
            why=why,
            claims=tuple(claims),
            evidence=_coverage_evidence(results.result(claims[0]), rows),
        )
        for i, ((complete, why, _), claims) in enumerate(shared, 1)
    )


def unaffiliated_words(u: Unaffiliated | None) -> str | None:
    """What the record cannot show about a claim's coauthors, as a reader checks it; None where
    the claim is not about coauthors."""
    if u is None:
        return None
    if not u.coauthorships:
        return f"no coauthorship to check on the subject's {_works(u.works)} in the period"
    tolerance = (
        f"within the {u.tolerated_percent} the claim tolerates"
        if u.within_tolerance
        else f"more than the {u.tolerated_percent} the claim tolerates, so the record cannot show where they are"
    )
    return (
        f"{u.unaffiliated} of {u.coauthorships} coauthorships ({u.share_percent}), on "
        f"{u.works_with_unaffiliated} of the subject's {_works(u.works)} in the period, carry no affiliation "
        f"at all: {tolerance}"
    )


def _works(n: int) -> str:
    return f"{n} work" if n == 1 else f"{n} works"


def _people(n: int) -> str:
    return f"{n} person" if n == 1 else f"{n} people"


# --- topics and lists -----------------------------------------------------------------------


# What qualifies an id in an anchor of something of its own (a list's note, a second topic of
# one id): no id holds it (claim, topic and list ids are [a-z0-9._-], as the schemas require),
# so "list-mil~note-1" is no list's anchor, where "list-mil-note-1" was that of a list of id
# "mil-note-1" too. "~" needs no escaping in a URL's fragment.
QUALIFIED = "~"


@dataclass(frozen=True)
class TopicView:
    """A topic described once in the report, with the claims that use it."""

    topic: TopicRef
    anchor: str
    claims: tuple[str, ...]


def _topic_views(results: Results) -> tuple[TopicView, ...]:
    """Each distinct topic once, in the order claims first use it; two topics with one id (inline
    in two claim files) get anchors of their own."""
    used: dict[TopicRef, list[str]] = {}
    for r in results.results:
        for t in r.interpretation.topics if r.interpretation else ():
            used.setdefault(t, []).append(r.claim)
    views, seen = [], Counter[str]()
    for topic, claims in used.items():
        seen[topic.id] += 1
        n = seen[topic.id]
        anchor = f"topic-{topic.id}" if n == 1 else f"topic-{topic.id}{QUALIFIED}{n}"
        views.append(TopicView(topic=topic, anchor=anchor, claims=tuple(dict.fromkeys(claims))))
    return tuple(views)


@dataclass(frozen=True)
class ListNote:
    """A note several entries of one list share: said once in the list's section."""

    anchor: str
    number: int
    text: str
    entries: int


@dataclass(frozen=True)
class ListView:
    """A reference list as the report shows it: every entry of a short list; of a long one, the
    entries the rows shown cite and, up to `LIST_ENTRIES_SHOWN`, others some finding matched, and
    a count of the rest. A note shared by several entries
    shown is said once, in `notes`."""

    list: ListRef
    entries: tuple[ListedInstitution, ...]
    hidden: int
    notes: tuple[ListNote, ...] = ()
    hidden_matched: int = 0  # of the hidden, those some finding matched (one the report does not show)

    @property
    def import_notes(self) -> tuple[str, ...]:
        """What the list's import noticed and did (institutions it does not keep, say): the first
        `ITEMS_SHOWN`, and a count of the rest."""
        return capped(self.list.import_notes, "import notes")

    @property
    def undated(self) -> int:
        return sum(1 for e in self.list.entries if not e.listed_from)

    @property
    def unconfirmed(self) -> int:
        return sum(1 for e in self.list.entries if not e.verified)

    @property
    def anchor(self) -> str:
        return "list-" + self.list.id

    @property
    def hidden_words(self) -> str:
        """What the entries not shown are: "38 other entries matched no finding and are not shown; ..."."""
        end = "the list file holds them all."
        if not self.hidden_matched:
            return f"{self.hidden} other entries matched no finding and are not shown; {end}"
        unmatched = self.hidden - self.hidden_matched
        if not unmatched:
            return f"{self.hidden} other entries some finding matched are not shown (the JSON report holds every finding); {end}"
        return (
            f"{self.hidden} other entries are not shown: {self.hidden_matched} that some finding matched (the JSON "
            f"report holds every finding) and {unmatched} that none did; {end}"
        )

    def shared_note(self, entry: ListedInstitution) -> ListNote | None:
        """The shared note this entry links to; None where its note (if any) is its own."""
        return next((n for n in self.notes if n.text == entry.notes), None)


LIST_ENTRIES_SHOWN = 40
"""Entries shown of a list: a list of more shows those the findings and people shown cite, and
others some finding matched while there is room; the rest are counted (the list file holds them
all). So a list's table grows with the rows the report shows, not with the findings."""


def _list_views(results: Results, claims: tuple[ClaimView, ...]) -> tuple[ListView, ...]:
    cited = {(la.entry.list, la.entry.id) for c in claims for la in _listed_as_shown(c)}
    matched = {
        (r.entry.list, r.entry.id)
        for c in results.results
        for f in (*c.findings, *c.uncertain_findings, *c.dismissed)
        for r in f.reasons
        if isinstance(r, AffiliationReason) and r.entry
    } | {
        (p.entry.list, p.entry.id)
        for c in results.results
        for person in (*c.people, *c.uncertain_people, *c.dismissed_people)
        for p in person.at_listed
        if p.entry
    }
    out = []
    for rl in results.lists:
        if len(rl.entries) <= LIST_ENTRIES_SHOWN:
            shown = rl.entries
        else:
            keys = {e.id for e in rl.entries if (rl.id, e.id) in cited}
            room = LIST_ENTRIES_SHOWN - len(keys)
            for e in rl.entries:
                if room <= 0:
                    break
                if e.id not in keys and (rl.id, e.id) in matched:
                    keys.add(e.id)
                    room -= 1
            shown = tuple(e for e in rl.entries if e.id in keys)
        hidden_matched = sum(1 for e in rl.entries if (rl.id, e.id) in matched) - sum(
            1 for e in shown if (rl.id, e.id) in matched
        )
        out.append(
            ListView(
                list=rl,
                entries=shown,
                hidden=len(rl.entries) - len(shown),
                hidden_matched=hidden_matched,
                notes=_list_notes(rl, shown),
            )
        )
    return tuple(out)


def _listed_as_shown(claim: ClaimView) -> Iterator[ListedAs]:
    """The list entries the rows of a claim shown in the report cite: its findings' partners and
    its people's listed placements."""
    for f in (*claim.findings, *claim.uncertain, *claim.dismissed):
        for partner in f.partners:
            yield from partner.listed_as
    for p in (*claim.people, *claim.uncertain_people, *claim.dismissed_people):
        for placement in p.at_listed:
            if placement.listed_as:
                yield placement.listed_as


def _list_notes(rl: ListRef, shown: tuple[ListedInstitution, ...]) -> tuple[ListNote, ...]:
    counts: dict[str, int] = {}
    for e in shown:
        if e.notes:
            counts[e.notes] = counts.get(e.notes, 0) + 1
    shared = [(text, n) for text, n in counts.items() if n > 1]
    return tuple(
        ListNote(anchor=f"list-{rl.id}{QUALIFIED}note-{i}", number=i, text=text, entries=n)
        for i, (text, n) in enumerate(shared, 1)
    )


# --- claims, statements and the report ------------------------------------------------------


@dataclass(frozen=True)
class ClaimView:
    result: ClaimResult
    topics: tuple[TopicView, ...]
    lists: tuple[ListRef, ...]
    findings: tuple[FindingView, ...]
    findings_hidden: int
    uncertain: tuple[FindingView, ...]
    uncertain_hidden: int
    dismissed: tuple[FindingView, ...]
    dismissed_hidden: int
    lapsed: tuple[LapsedView, ...]
    lapsed_hidden: int
    people: tuple[PersonView, ...]
    people_hidden: int
    uncertain_people: tuple[PersonView, ...]
    uncertain_people_hidden: int
    dismissed_people: tuple[PersonView, ...]
    dismissed_people_hidden: int
    period: str
    coverage_note: CoverageNote | None  # the shared coverage reason this claim links to, if any
    coverage_evidence: tuple[EvidenceRow, ...]
    unaffiliated: str | None

    @property
    def verdict_words(self) -> str:
        return VERDICT_WORDS[self.result.verdict]

    @property
    def note(self) -> str | None:
        return self.result.interpretation.note if self.result.interpretation else None

    @property
    def anchor(self) -> str:
        return "claim-" + self.result.claim

    @property
    def about_people(self) -> bool:
        """A claim about people: its findings are persons, counted among the people considered."""
        return self.result.people_considered is not None

    @property
    def considered(self) -> int:
        """How many works, or for a claim about people how many persons, the claim was checked on."""
        r = self.result
        return r.people_considered if r.people_considered is not None else r.works_considered

    @property
    def considered_words(self) -> str:
        """'4 works', '1 person': the count with what it counts."""
        n = self.considered
        if self.about_people:
            return _people(n)
        return _works(n)

    @property
    def reviews(self) -> str:
        """What reviews did to this claim, in a few words; empty where no review applied or lapsed."""
        r = self.result
        decisions = [f.review.decision for f in (*r.findings, *r.uncertain_findings) if f.review]
        decisions += [p.review.decision for p in (*r.people, *r.uncertain_people) if p.review]
        parts = (
            (len(r.dismissed) + len(r.dismissed_people), "set aside"),
            (decisions.count("confirmed"), "confirmed"),
            (decisions.count("disputed"), "disputed"),
            (len(r.lapsed_reviews), "not applied"),
        )
        return ", ".join(f"{n} {words}" for n, words in parts if n)


@dataclass(frozen=True)
class StatementView:
    statement: StatementRef | None
    path: str
    claims: tuple[ClaimView, ...]

    @property
    def heading(self) -> str:
        s = self.statement
        return f"{s.speaker}, {s.made_on}" if s else f"Claims in {self.path}"


@dataclass(frozen=True)
class InputRow:
    kind: str
    path: str
    sha256: str


@dataclass(frozen=True)
class BylinePart:
    """One piece of the byline: words before it, its text, and where it links (the template decides
    whether the URL may be live)."""

    before: str
    text: str
    url: str | None = None


def byline(publication: Publication | None) -> tuple[BylinePart, ...]:
    """Who wrote and published the report, when and where, in that order; empty without them."""
    if publication is None:
        return ()
    p = publication
    parts = (
        BylinePart("By ", p.author) if p.author else None,
        BylinePart("Published by ", p.publisher, p.publisher_url) if p.publisher else None,
        BylinePart("", p.date_published) if p.date_published else None,
        BylinePart("Online at ", p.url, p.url) if p.url else None,
    )
    return tuple(part for part in parts if part)


@dataclass(frozen=True)
class ReportView:
    results: Results
    statements: tuple[StatementView, ...]
    claims: tuple[ClaimView, ...]
    topics: tuple[TopicView, ...]
    lists: tuple[ListView, ...]
    evidence: tuple[EvidenceRow, ...]
    coverage_notes: tuple[CoverageNote, ...]
    inputs: tuple[InputRow, ...]
    command: str
    command_given: bool
    tally: tuple[tuple[str, str, int], ...]
    cut_off: str
    byline: tuple[BylinePart, ...] = ()
    findings_shown: int = FINDINGS_SHOWN

    @property
    def title(self) -> str | None:
        """The report's own title, where the caller gave one."""
        pub = self.results.publication
        return pub.title if pub else None

    @property
    def verdict_meanings(self) -> list[tuple[str, str]]:
        meanings = VERDICT_MEANINGS_WITH_PEOPLE if self.about_people else VERDICT_MEANINGS
        return [(VERDICT_WORDS[v], m) for v, m in meanings.items()]

    @property
    def reviewed(self) -> bool:
        """A reviews file was read, or some review applied or lapsed: the report explains reviews."""
        return bool(self.results.inputs.reviews) or any(c.reviews for c in self.claims)

    @property
    def other_reviews(self) -> tuple[ReviewView, ...]:
        """The reviews naming a claim the run does not check (the first `FINDINGS_SHOWN`): they
        apply to nothing, and the report lists them, as `check` says them on stderr."""
        return tuple(ReviewView(r) for r in self.results.reviews_of_other_claims[:FINDINGS_SHOWN])

    @property
    def other_reviews_hidden(self) -> int:
        return max(0, len(self.results.reviews_of_other_claims) - FINDINGS_SHOWN)

    @property
    def about_people(self) -> bool:
        """Some claim is about people: the summary says what each count counts, and the report
        explains what a person's years are."""
        return any(c.about_people for c in self.claims)

    @property
    def dual_affiliation(self) -> bool:
        """Some finding rests only on people holding both affiliations: the report explains the mark."""
        return any(
            f.dual_affiliation_only
            for r in self.results.results
            for f in (*r.findings, *r.uncertain_findings, *r.dismissed)
        )


def report_view(results: Results) -> ReportView:
    evidence = _evidence_rows(results)
    notes = _coverage_notes(results, evidence)
    topics = _topic_views(results)
    claims = tuple(_claim_view(results, r, evidence, notes, topics) for r in results.results)
    return ReportView(
        results=results,
        statements=_by_statement(results, claims),
        claims=claims,
        topics=topics,
        lists=_list_views(results, claims),
        evidence=evidence,
        coverage_notes=notes,
        inputs=tuple(_input_rows(results)),
        command=shlex.join(results.command) if results.command else _equivalent_command(results),
        command_given=bool(results.command),
        tally=_tally(results),
        cut_off=cut_off(results),
        byline=byline(results.publication),
    )


def _claim_view(
    results: Results,
    r: ClaimResult,
    evidence: tuple[EvidenceRow, ...],
    notes: tuple[CoverageNote, ...],
    topics: tuple[TopicView, ...],
) -> ClaimView:
    interp = r.interpretation
    lists = tuple(filter(None, (results.reference_list(i) for i in (interp.lists if interp else ()))))
    by_topic = {t.topic: t for t in topics}
    as_of = results.as_of
    shown, shown_uncertain, shown_dismissed = (
        _capped(r.findings, as_of),
        _capped(r.uncertain_findings, as_of),
        _capped(r.dismissed, as_of),
    )
    return ClaimView(
        result=r,
        topics=tuple(dict.fromkeys(by_topic[t] for t in (interp.topics if interp else ()))),
        lists=lists,
        findings=shown,
        findings_hidden=len(r.findings) - len(shown),
        uncertain=shown_uncertain,
        uncertain_hidden=len(r.uncertain_findings) - len(shown_uncertain),
        dismissed=shown_dismissed,
        dismissed_hidden=len(r.dismissed) - len(shown_dismissed),
        lapsed=tuple(LapsedView(lapsed) for lapsed in r.lapsed_reviews[:FINDINGS_SHOWN]),
        lapsed_hidden=max(0, len(r.lapsed_reviews) - FINDINGS_SHOWN),
        people=tuple(person_view(p, as_of) for p in r.people[:FINDINGS_SHOWN]),
        people_hidden=max(0, len(r.people) - FINDINGS_SHOWN),
        uncertain_people=tuple(person_view(p, as_of) for p in r.uncertain_people[:FINDINGS_SHOWN]),
        uncertain_people_hidden=max(0, len(r.uncertain_people) - FINDINGS_SHOWN),
        dismissed_people=tuple(person_view(p, as_of) for p in r.dismissed_people[:FINDINGS_SHOWN]),
        dismissed_people_hidden=max(0, len(r.dismissed_people) - FINDINGS_SHOWN),
        period=period_words(r),
        coverage_note=next((n for n in notes if r.claim in n.claims), None),
        coverage_evidence=_coverage_evidence(r, evidence),
        unaffiliated=unaffiliated_words(r.unaffiliated),
    )


def _capped(findings: tuple[Finding, ...], as_of: str | None) -> tuple[FindingView, ...]:
    return tuple(finding_view(f, as_of) for f in findings[:FINDINGS_SHOWN])


def _by_statement(results: Results, claims: Iterable[ClaimView]) -> tuple[StatementView, ...]:
    """Claims under the statement (claims file) they write down, in the order they were checked."""
    grouped: dict[str, list[ClaimView]] = {}
    for c in claims:
        grouped.setdefault(c.result.claims_file, []).append(c)
    return tuple(
        StatementView(
            statement=next((s for s in results.statements if s.path == path), None), path=path, claims=tuple(cs)
        )
        for path, cs in grouped.items()
    )


def _tally(results: Results) -> tuple[tuple[str, str, int], ...]:
    """(verdict, its words, how many claims got it), for the verdicts that occur."""
    counts = {v: 0 for v in VERDICT_WORDS}
    for r in results.results:
        counts[r.verdict] += 1
    return tuple((v, VERDICT_WORDS[v], n) for v, n in counts.items() if n)


def _input_rows(results: Results) -> Iterable[InputRow]:
    inputs = results.inputs
    for kind, refs in (
        ("claims", inputs.claims),
        ("topic", inputs.topics),
        ("list", inputs.lists),
        ("evidence", inputs.evidence),
        ("reviews", inputs.reviews),
    ):
        for ref in refs:
            yield InputRow(kind=kind, path=ref.path, sha256=ref.sha256)


def _equivalent_command(results: Results) -> str:
    """A command that re-runs this check, rebuilt from the inputs when the caller gave none."""
    args = ["claimwatch", "check", *(i.path for i in results.inputs.claims)]
    for e in results.inputs.evidence:
        args += ["--evidence", e.path]
    for r in results.inputs.reviews:
        args += ["--reviews", r.path]
    if results.as_of:
        args += ["--as-of", results.as_of]
    return shlex.join(args + _where_topics_and_lists_lie(results))


def _where_topics_and_lists_lie(results: Results) -> list[str]:
    """--root, where the case's topics and lists lie under another folder than the working one
    (`ROOT/claims/topics/`, `ROOT/evidence/lists/`), and --lists for each other folder of lists:
    without them the command rebuilt could not find what the claims name."""
    roots: dict[str, None] = {}
    others: dict[str, None] = {}
    for ref, home in (
        *((t, ("claims", "topics")) for t in results.inputs.topics),
        *((x, ("evidence", "lists")) for x in results.inputs.lists),
    ):
        folder = PurePosixPath(ref.path).parent
        if folder.parts[-2:] == home:
            roots[str(folder.parent.parent)] = None
        elif home == ("evidence", "lists"):
            others[str(folder)] = None
    args = ["--root", next(iter(roots))] if len(roots) == 1 and next(iter(roots)) != "." else []
    for other in others:
        args += ["--lists", other]
    return args


def source_line(src: SourceRef) -> str:
    """A source as one line of text: publisher, title, authors, dates (no URL; reporters link it)."""
    parts = [p for p in (src.publisher, f"\u201c{src.title}\u201d") if p]
    if src.authors:
        parts.append(", ".join(src.authors))
    if src.published:
        parts.append(f"published {src.published}")
    if src.retrieved:
        parts.append(f"retrieved {src.retrieved}")
    return ", ".join(parts)
