"""What an evaluation produces: one verdict per claim, with findings and the reason for each.

These models are the JSON report's shape (validated by `report.schema.json`); the reporters and
the Gherkin steps read them and nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Verdict = Literal["contradicted", "supported", "not_contradicted", "insufficient_evidence"]
VERDICTS: tuple[str, ...] = ("contradicted", "supported", "not_contradicted", "insufficient_evidence")
VERDICT_WORDS = {
    "contradicted": "Contradicted",
    "supported": "Supported",
    "not_contradicted": "Not contradicted",
    "insufficient_evidence": "Insufficient evidence",
}

Method = Literal["openalex_id", "lineage", "ror", "name_in_institution", "alias_in_raw_affiliation"]
DIRECT_METHODS = frozenset({"openalex_id", "lineage", "ror"})


class _Model(BaseModel):
    # A field's docstring is its description in report.schema.json: the schema says what each holds.
    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)


class _ByKey(_Model):
    """A model also read by its JSON keys, `period["from"]`, as it was when it was a plain dict
    (and as the report templates read it)."""

    def __getitem__(self, key: str) -> Any:
        for name, info in type(self).model_fields.items():
            if (info.alias or name) == key:
                return getattr(self, name)
        raise KeyError(key)


class InstitutionRef(_Model):
    """An institution as a record names it."""

    id: str | None = None
    """The institution's OpenAlex id (I...), where the record gives one."""
    name: str
    """The institution's name, as the record gives it."""
    ror: str | None = None
    """The institution's ROR id (without https://ror.org/), where the record gives one."""


class ListingPeriod(_ByKey):
    """One period an entry was on its list, where it was listed in several (taken off and listed
    again), as the list file gives it."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    from_: str = Field(alias="from")
    """The period's first day (YYYY-MM-DD)."""
    to: str | None
    """The period's last day; null where the entry is listed still (the last period only)."""


class EntryRef(_Model):
    """The list entry a partner institution matched, with when and by whose word it was listed."""

    list: str
    """The list's id."""
    list_name: str
    """The list's name."""
    id: str
    """The entry's id in the list."""
    name: str
    """The entry's name, as the list gives it."""
    listed_from: str | None = None
    """The day the entry was listed (YYYY-MM-DD); null where the list does not know it."""
    listed_from_unread: str | None = Field(None, exclude_if=lambda v: v is None)
    """Where a record of the entity gives its listing's start in no form read, beside others read
    (`listed_from` is the earliest of those), that text as the list gives it, or each listing the CSL
    import found may have ended before a gap, its end not read ("2019-01-01 (a listing whose end is
    not known, ...)"): it may have been listed earlier. Left out where the list gives none."""
    listed_to: str | None = Field(None, exclude_if=lambda v: v is None)
    """The day it was taken off the list; left out where it was not."""
    listed_to_unread: str | None = Field(None, exclude_if=lambda v: v is None)
    """Where the list says the entry was taken off on a day in no form read (" 8/11/2015"), that
    text as the list gives it; left out where it does not."""
    listings: tuple[ListingPeriod, ...] | None = Field(None, exclude_if=lambda v: v is None)
    """Each period it was listed in, in order, where it was listed in several (`listed_from` the
    first one's start, `listed_to` the last one's end); left out where it was listed once."""
    citation: str | None = None
    """The listing's citation (a Federal Register notice, say), where the list gives one."""
    verified: bool
    """False where a fact in the entry is not confirmed (its notes, in the list, say which)."""
    line: int
    """The entry's line in its list file."""


class AffiliationReason(_Model):
    """An author's affiliation that satisfied a condition (the subject's or a list entry's)."""

    kind: Literal["subject_author", "listed_author"]
    """subject_author: an author the subject's; listed_author: an author at a list entry's
    institution."""
    author: str
    """The author's name, as the record gives it."""
    author_position: int
    """The author's place in the record's author list, counted from 1: the paper's order, except
    for a curated version with `authors_in_order: false`, whose source groups its authors (no
    verdict rests on an author's place)."""
    institution: InstitutionRef | None = None
    """The institution that matched, where the record names one; null where a name was found in
    the author's raw affiliation text."""
    method: Method
    """How the affiliation matched: openalex_id (the institution's OpenAlex id), lineage (an id
    in the institution's lineage: a parent's), ror (its ROR id), name_in_institution (a name or
    alias in the institution's name), alias_in_raw_affiliation (a name or alias in the raw
    affiliation text). The last two are inferred."""
    matched_text: str | None = Field(
        None,
        description="The text a name was found in: the institution's name as the record gives it, or a raw affiliation.",
    )
    matched_name: str | None = Field(None, description="The subject's or list entry's name or alias that was found.")
    start: int | None = Field(
        None, description="Where the name stands in matched_text: the offset of its first character."
    )
    end: int | None = Field(None, description="The offset just past the name's last character in matched_text.")
    entry: EntryRef | None = None
    """For a listed author, the list entry matched, with its listing date and citation."""
    listed_before_publication: bool | None = None
    """Where the claim asks for it (listed_before_publication): true where the entry was listed
    on or before the work's date; null where the claim does not ask, or the dates cannot tell
    (the finding is then uncertain)."""
    note: str | None = None
    """A note on the match: that the list entry is not fully confirmed."""
    doubt: str | None = Field(
        None,
        description="Why this affiliation cannot be trusted as a match (a name shared across countries, an acronym alone).",
    )


class PhraseReason(_Model):
    """A topic phrase found in a field of the work, or an OpenAlex topic id it carries."""

    kind: Literal["topic"] = "topic"
    """topic."""
    topic: str
    """The topic's id."""
    method: Literal["phrase", "openalex_topic"]
    """phrase: one of the topic's phrases found in a field of the work; openalex_topic: the work
    carries one of the topic's OpenAlex topic ids."""
    phrase: str
    """The topic's phrase that matched, as the topic writes it; the OpenAlex topic id, for
    openalex_topic."""
    field: str
    """The field it was found in: title, abstract, keywords[N] (the keyword at that place), or
    openalex_topics."""
    start: int | None = None
    """Where the match begins in the field's text, as a character offset; null for
    openalex_topic."""
    end: int | None = None
    """The offset just past the match's last character; null for openalex_topic."""
    text: str
    """The text matched, as it stands in the field (inflected or hyphenated as written); the
    OpenAlex topic id, for openalex_topic."""
    context_before: str = Field(
        "", description="Up to about 80 characters of the field before the match, for showing it in context."
    )
    context_after: str = Field("", description="Up to about 80 characters of the field after the match.")


class AbsenceReason(_Model):
    """A `not:` condition held: what was looked for and not found."""

    kind: Literal["absent"] = "absent"
    """absent."""
    condition: str
    """The condition a not: ruled out, in words: what was looked for and not found."""


Reason = Annotated[AffiliationReason | PhraseReason | AbsenceReason, Field(discriminator="kind")]


def year_runs(years: Iterable[int]) -> str:
    """(2019, 2020, 2021, 2023) -> '2019–2021, 2023'; '' for no years (each reader says so in
    its own words). The evaluator's sentences and the reports write a person's years alike."""
    runs: list[list[int]] = []
    for year in sorted(set(years)):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}\u2013{r[-1]}" for r in runs)


def publication_order(date: str | None) -> str:
    """A work's `publication_date` as findings are ordered by it: by its first day, or the day
    it appeared by ('by DAY'); undated last."""
    return date.removeprefix("by ") if date else "9999"


class WorkRef(_Model):
    """A work as a finding cites it: its ids, title and date, and where its records stand in the
    evidence."""

    id: str
    """The work's id in the evidence: the OpenAlex work id (W...) of its lead record (the
    smallest, where several records are one work), or a curated work's id."""
    doi: str | None = None
    """The DOI, without https://doi.org/; null where no record gives one."""
    arxiv: str | None = None
    """The arXiv id; null where no record gives one."""
    title: str
    """The title, as the lead record gives it."""
    publication_date: str | None = None
    """When the work first appeared, the earliest of its records' dates, as precise as they give
    it: YYYY-MM-DD, YYYY-MM or YYYY (an OpenAlex YYYY-01-01 that stands for a year is YYYY),
    'YYYY-MM-DD to YYYY-MM-DD' where its records bound it only to a span, or 'by YYYY-MM-DD' where
    a record dated after the day it was current leaves its first day open; null where no record
    gives a date. Findings are ordered by it (`publication_order`)."""
    url: str | None = None
    """The landing page URL a record gives, as it gives it (not checked: the reports link only
    http and https)."""
    is_retracted: bool = False
    """Whether a record of the work says it was retracted."""
    versions: tuple[str, ...] = ()
    """For curated evidence, the labels of the versions cited (e.g. 'arXiv v1', 'journal')."""
    records: tuple[str, ...] = Field((), description="Where each record of the work stands: path:line.")
    also: tuple[str, ...] = Field(
        (),
        description=(
            "The other DOIs and arXiv ids the records the finding cites give the work "
            "(doi:..., arxiv:...), beside `doi` and `arxiv`: a preprint's and its article's."
        ),
        exclude_if=lambda v: not v,
    )


Decision = Literal["not_a_match", "confirmed", "disputed"]
# The CSL import keeps a listing before a gap in listed_from_unread as "2019-01-01 (a listing whose
# end is not known, perhaps before the one from 2023-01-01)", or, before its listings were periods,
# "2019-01-01 (a listing that ended 2021-06-30, ...)": a day read, and why it is not listed_from.
_LISTING_BEFORE_GAP = re.compile(r"\d{4}-\d{2}-\d{2} \(a listing ")


# Beside records whose starts are read, the CSL import keeps records that give no start_date (as
# most of the CSL's source lists give none) in listed_from_unread as "none (the UVL record gives no
# start_date)": such a listing may be older than every start read.
_NO_START_GIVEN = re.compile(r"none \(the [^;]+ records? gives? no start_date\)")


def no_start_given(labels: Sequence[str]) -> str:
    """What listed_from_unread keeps for records (by their labels, 'UVL') that give no start_date."""
    if len(labels) == 1:
        return f"none (the {labels[0]} record gives no start_date)"
    return f"none (the {', '.join(labels[:-1])} and {labels[-1]} records give no start_date)"


def only_no_start_given(text: str) -> bool:
    """Does `listed_from_unread` hold nothing but records giving no start_date (`no_start_given`)?"""
    return _NO_START_GIVEN.fullmatch(text.strip()) is not None


def start_unread_said(text: str) -> str:
    """What a record gives in `listed_from_unread`, for a doubt: a start in no form read, or an
    earlier listing the import kept there, which is a date read and must not be called none."""
    if _LISTING_BEFORE_GAP.match(text.strip()):
        return f"a record gives an earlier listing, \u201c{text}\u201d, apart from the one read"
    if only_no_start_given(text):
        return f"the list gives another start as \u201c{text}\u201d"
    return f"a record gives its start as \u201c{text}\u201d, not a date claimwatch reads"


DECISION_WORDS = {"not_a_match": "Not a match", "confirmed": "Confirmed", "disputed": "Disputed"}


class Review(_Model):
    """An analyst's decision on one finding of one claim, as the case's reviews file records it."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", json_schema_extra={"oneOf": [{"required": ["work"]}, {"required": ["person"]}]}
    )

    claim: str
    """The claim's id."""
    work: str | None = Field(
        None,
        description="The work as the review names it: an OpenAlex work id, a DOI, an arXiv id or a curated work id.",
        exclude_if=lambda v: v is None,
    )
    person: str | None = Field(
        None,
        description=(
            "For a claim about people, the person as the review names them instead of a work: an OpenAlex "
            "author id, an ORCID iD or a curated person's id."
        ),
        exclude_if=lambda v: v is None,
    )
    openalex: str | None = Field(
        None,
        description=(
            "For a work named by a DOI, an arXiv id or a curated id, the OpenAlex work id (W…) of the record "
            "reviewed: the review applies only to a finding that record is among, never to another work the "
            "DOI or arXiv id leads to now."
        ),
        exclude_if=lambda v: v is None,
    )
    decision: Decision = Field(
        description=(
            "not_a_match: the finding is set aside, out of the verdict; confirmed: it counts as a match, "
            "its doubts resolved by the reviewer (a person who may be one counted already stays uncertain, but "
            "where distinct_from names that one); "
            "disputed: it counts only as uncertain."
        )
    )
    by: str
    """Who decided, as the reviews file names them."""
    date: str = Field(description="The day of the decision, YYYY-MM-DD.")
    note: str = Field(description="Why, in the reviewer's words.")
    expires: str | None = Field(
        None, description="The last day the review holds: evidence current after it makes the review lapse."
    )
    distinct_from: tuple[str, ...] = Field(
        (),
        description=(
            "For a person confirmed: the people the reviewer says they are not, as the review names them (an "
            "OpenAlex author id, an ORCID iD or a curated person's id). A person confirmed who may be one of them, "
            "counted already, is counted too, as someone else, where every person counted they may be is named "
            "(here or in that person's own review); else they stay uncertain."
        ),
        exclude_if=lambda v: not v,
    )
    path: str = Field(description="The reviews file.")
    line: int
    """The review's line in the reviews file."""

    @model_validator(mode="after")
    def _names_one(self) -> Review:
        if (self.work is None) == (self.person is None):
            raise ValueError("a review names a work or a person, and only one")
        return self

    @property
    def names(self) -> str:
        """The work, or the person, as the review names them."""
        return self.work or self.person or ""


class LapsedReview(_Model):
    """A review that was not applied, and why: its work (or person) is no longer among the claim's
    findings, it has expired, whether it has expired cannot be told, another review of the same
    work (or person) applies, or it names more than one finding."""

    review: Review
    """The review, as the reviews file gives it."""
    reason: Literal["not_found", "expired", "expiry_unknown", "overlaps", "ambiguous"]
    """not_found: its work (or person) is no longer among the claim's findings; expired: the
    evidence is current after its last day; expiry_unknown: whether it has expired cannot be
    told; overlaps: another review of the same finding applies; ambiguous: it names more than one
    finding."""
    why: str
    """Why it was not applied, in words."""


class Finding(_Model):
    """A work that matches a claim, or might: the work with its records, and every reason it
    matched."""

    work: WorkRef
    """The work, as its records in the evidence give it."""
    status: Literal["matched", "uncertain"]
    """matched: the work certainly meets the claim's conditions; uncertain: it might, and
    uncertain_because says why not certainly. A finding a review set aside (in dismissed) keeps
    the status it had."""
    strength: Literal["direct", "inferred"]
    """direct where every reason rests on an identifier (an OpenAlex id, a lineage, a ROR id);
    inferred where one rests on a name found in text."""
    reasons: tuple[Reason, ...]
    """Every reason the work matched: each author the subject's or at a list entry's institution
    (AffiliationReason), each topic phrase or OpenAlex topic found (PhraseReason), each not:
    condition that held (AbsenceReason)."""
    uncertain_because: tuple[str, ...] = ()
    """Why the finding is uncertain, one doubt each; empty for a certain match."""
    dual_affiliation_only: bool = Field(
        False,
        description=(
            "Every listed author the finding rests on is also one of the subject's authors: one person "
            "holding both affiliations (an intern, a joint appointment), not a partner elsewhere."
        ),
    )
    review: Review | None = Field(
        None,
        description="The analyst's decision on this finding, where one applies.",
        exclude_if=lambda v: v is None,  # left out unless reviewed: unreviewed reports stay byte-identical
    )


class PersonWork(_Model):
    """A work in the evidence by the person (their OpenAlex author id on an authorship) that
    states the institution, published in one of the years cited."""

    id: str
    """The work's id in the evidence (an OpenAlex work id)."""
    title: str
    """The work's title."""
    publication_date: str | None = None
    """The work's date, as precise as its record gives it."""
    doi: str | None = None
    """The DOI, where the record gives one."""
    record: str = Field(description="Where the work's record stands: path:line.")


class Placement(_Model):
    """Where one author record places a person: an institution, the years it gives, and how the
    institution matched the subject or a list entry."""

    institution: InstitutionRef
    """The institution the author record names."""
    country: str | None = None
    """The institution's country code (ISO 3166-1 alpha-2), as the record gives it."""
    years: tuple[int, ...] = Field(
        description="The years the record gives for the institution, in order; empty where it gives none."
    )
    years_unread: tuple[str, ...] = Field(
        (),
        description=(
            'What the record gives among the years that is no year ("2020", null, 20200), as written: a year '
            "it does not say, which may be any; left out where every year was read."
        ),
        exclude_if=lambda v: not v,  # left out where none: reports of records giving none stay byte-identical
    )
    years_basis: str = Field(
        description=(
            "What the years are: publication years (OpenAlex: the years of the author's works that state the "
            "institution, not employment dates), or the years a curated history's sources state."
        )
    )
    role: str | None = None
    """The role a curated history gives the person there, as its source states it (intern, PhD
    student): shown, never matched."""
    method: Method
    """How the institution matched the subject or the list entry (as in AffiliationReason)."""
    matched_text: str | None = Field(None, description="The text a name was found in, where a name matched.")
    matched_name: str | None = Field(None, description="The subject's or list entry's name or alias that was found.")
    entry: EntryRef | None = Field(None, description="The list entry, for a listed institution; none for the subject.")
    listed_before: bool | None = Field(
        None,
        description=(
            "Where the claim asks for it (listed_before): whether the entry was listed on or before the year that "
            "matters; null where the record cannot say."
        ),
    )
    record: str = Field(description="The author record that gives this placement: path:line.")
    doubt: str | None = Field(None, description="Why this placement cannot be trusted as a match.")
    works: tuple[PersonWork, ...] = Field(
        (),
        description=(
            "Works in the evidence that show the placement: by the person's OpenAlex author id (or, for a "
            "namesake's record, said in the doubt, the namesake's), stating the institution, in one of the years; "
            "the earliest few."
        ),
    )
    more_works: int = Field(0, description="How many more such works the evidence holds than are cited.")


class PersonFinding(_Model):
    """A person whose records show what a claim about people tests, or might."""

    id: str = Field(
        description="The person's OpenAlex author id (A...), or the curated record's id where none is known."
    )
    openalex_id: str | None = None
    """The person's OpenAlex author id, where one is known."""
    other_openalex_ids: tuple[str, ...] = Field(
        (),
        description="Other OpenAlex author ids of the same person: ids OpenAlex merged into it, or records sharing its ORCID.",
    )
    orcid: str | None = None
    """The person's ORCID iD, where a record gives one."""
    name: str
    """The person's name, as the lead record gives it."""
    records: tuple[str, ...] = Field(description="Every author record the finding rests on: path:line.")
    status: Literal["matched", "uncertain"]
    """matched: the records certainly show what the claim tests; uncertain: they might, and
    uncertain_because says why not certainly."""
    strength: Literal["direct", "inferred"] = Field(
        description="direct where every placement cited rests on an identifier, inferred where one rests on a name."
    )
    first_year_at_subject: int | None = Field(
        None, description="The earliest year a record certainly places the person at the subject; null where none does."
    )
    shared_years: tuple[int, ...] = Field(
        (), description="For holds_both: the years in the period a record places the person at both."
    )
    shows: str = Field(description="What the records show, in one sentence.")
    at_subject: tuple[Placement, ...]
    """The placements at the subject the finding rests on."""
    at_listed: tuple[Placement, ...] = Field(
        description="The placements at listed institutions the finding rests on, each with its list entry."
    )
    uncertain_because: tuple[str, ...] = ()
    """Why the person is uncertain, one doubt each; empty for a certain match."""
    review: Review | None = Field(
        None,
        description="The analyst's decision on this person, where one applies.",
        exclude_if=lambda v: v is None,  # left out unless reviewed: unreviewed reports stay byte-identical
    )


class SourceRef(_Model):
    """A publication a statement or a list was read from."""

    title: str
    """The publication's title."""
    publisher: str | None = None
    """Who published it."""
    authors: tuple[str, ...] = ()
    """Its authors."""
    published: str | None = None
    """When it was published (YYYY-MM-DD), where known."""
    url: str | None = None
    """Where it is, as given (the reports link only http and https)."""
    archived_url: str | None = Field(
        None,
        description="An archived copy of the source (e.g. the Wayback Machine).",
        exclude_if=lambda v: v is None,  # left out unless given: older reports stay byte-identical
    )
    retrieved: str | None = None
    """When it was read (YYYY-MM-DD), where known."""
    note: str | None = None
    """The analyst's note on the source."""


class StatementRef(_Model):
    """The public statement a claims file writes down, with its sources."""

    path: str = Field(description="The claims file; each ClaimResult's claims_file names one of these.")
    speaker: str
    """Who made the statement."""
    made_on: str
    """The day it was made (YYYY-MM-DD)."""
    quote: str
    """The statement's words, as its sources quote them."""
    confirmed: bool
    """False where others reported the statement and the speaker did not confirm it."""
    note: str | None = None
    """The analyst's note on the statement."""
    sources: tuple[SourceRef, ...]
    """Where the statement was read."""


class TopicRef(_Model):
    """A topic as the claim used it: the analyst's phrases and the reason for them."""

    id: str
    """The topic's id."""
    name: str
    """The topic's name."""
    rationale: str
    """Why these phrases stand for the topic, in the analyst's words: what is in and what is out."""
    phrases: tuple[str, ...] = ()
    """The phrases that count, in their base form: matched as whole words, case-insensitively,
    across inflection and hyphenation."""
    exclude_phrases: tuple[str, ...] = ()
    """Phrases a match inside which does not count."""
    doubt_phrases: tuple[str, ...] = Field(
        (), exclude_if=lambda v: not v
    )  # reports of topics without stay byte-identical
    """Words of another sense of the topic's words: a phrase match in a work whose text also holds
    one is uncertain."""
    openalex_topics: tuple[str, ...] = ()
    """OpenAlex topic ids (T...) whose works count."""
    path: str = ""
    """The topic file, or the claims file that defines the topic inline."""


class ListedInstitution(_Model):
    """One entry of a reference list: when it was listed, on whose word, and what is unconfirmed."""

    id: str
    """The entry's id in the list."""
    name: str
    """The entry's name."""
    listed_from: str | None = None
    """The day it was listed (YYYY-MM-DD); null where not known."""
    listed_from_unread: str | None = Field(None, exclude_if=lambda v: v is None)
    """Where a record of the entity gives its listing's start in no form read, beside others read
    (`listed_from` is the earliest of those), that text as the list gives it, or each listing the CSL
    import found may have ended before a gap, its end not read ("2019-01-01 (a listing whose end is
    not known, ...)"): it may have been listed earlier. Left out where the list gives none."""
    listed_to: str | None = Field(None, exclude_if=lambda v: v is None)
    """The day it was taken off the list; left out where it was not."""
    listed_to_unread: str | None = Field(None, exclude_if=lambda v: v is None)
    """Where the list says it was taken off on a day in no form read (" 8/11/2015"), that text
    as the list gives it; left out where it does not."""
    listings: tuple[ListingPeriod, ...] | None = Field(None, exclude_if=lambda v: v is None)
    """Each period it was listed in, in order, where it was listed in several (`listed_from` the
    first one's start, `listed_to` the last one's end); left out where it was listed once."""
    citation: str | None = None
    """The listing's citation, where the list gives one."""
    verified: bool
    """False where a fact in the entry is not confirmed."""
    notes: str | None = None
    """The analyst's notes on the entry: what is not confirmed, and why."""


class ListRef(_Model):
    """A reference list a claim used, with its sources and every entry."""

    id: str
    """The list's id."""
    name: str
    """The list's name."""
    description: str | None = None
    """What the list is and what it holds, in the analyst's words."""
    sources: tuple[SourceRef, ...]
    """Where the list was read from."""
    entries: tuple[ListedInstitution, ...]
    """Every entry of the list, in its order."""
    import_notes: tuple[str, ...] = Field(
        (),
        description=(
            "What the import of the list noticed in its source and did about it (imported.notes): rows skipped, "
            "records merged, institutions the source names under an entry that the list does not keep."
        ),
        exclude_if=lambda v: not v,  # left out where none: reports of lists without stay byte-identical
    )
    path: str = ""
    """The list file."""


class Interpretation(_Model):
    """How a claim reads the statement: the analyst's note, the topics and the lists it stands on."""

    note: str | None = None
    """The claim's note: how the analyst reads the statement."""
    topics: tuple[TopicRef, ...] = ()
    """The topics the claim uses, each with its phrases and the reason for them."""
    lists: tuple[str, ...] = Field((), description="Ids of the lists used; each is described once in Results.lists.")


class EvidenceCount(_Model):
    """What one piece of evidence held, counted as the evaluator read it."""

    path: str
    """The evidence, as the run was given it."""
    records: int
    """The records read from it."""
    authorships: int
    """The authorships on its works."""
    authorships_without_institution_id: int
    """Of those, the authorships that carry no institution id: where only a name in the
    affiliation text can place the author, or nothing can."""
    superseded: int = Field(
        0,
        description=(
            "Records set aside as older copies: a record of the same OpenAlex work with a later "
            "updated_date is given, here or in other evidence, and says what the work is now."
        ),
        exclude_if=lambda v: not v,  # left out where none is: reports without copies stay byte-identical
    )


class CoverageReport(_Model):
    """Whether the evidence covers a claim completely: only then can nothing found count
    (not_contradicted), or too few found contradict an at_least claim."""

    complete: bool
    """Whether some evidence declares every work (for a claim about people, every author record)
    of the subject over the claim's whole period."""
    why: str
    """Why the evidence does or does not cover the claim, in words."""
    sources: tuple[str, ...] = ()
    """The evidence (paths) that covers the claim completely; empty where none does."""


class Unaffiliated(_Model):
    """What the record cannot show for a claim about coauthors: among the subject's works in the
    period, the coauthorships (authors not the subject's) with no affiliation at all."""

    works: int = Field(description="The subject's works in the period.")
    works_with_unaffiliated: int = Field(description="Of those, works with a coauthor who has no affiliation.")
    coauthorships: int = Field(description="Authorships on those works that are not the subject's.")
    unaffiliated: int = Field(description="Of those, authorships with no institution and no raw affiliation string.")
    tolerated: float = Field(description="The largest share of unaffiliated coauthorships the claim tolerates.")

    @property
    def share(self) -> float:
        return self.unaffiliated / self.coauthorships if self.coauthorships else 0.0

    @property
    def within_tolerance(self) -> bool:
        return self.share <= self.tolerated

    @property
    def share_percent(self) -> str:
        """The share as the reasons and reports write it beside the tolerance (`tolerated_percent`)."""
        return _percent(self.share, self._percent_digits())

    @property
    def tolerated_percent(self) -> str:
        return _percent(self.tolerated, self._percent_digits())

    def _percent_digits(self) -> int:
        """Two decimals, or as many more as tell the share from the tolerance: 2,001 of 40,000
        (5.0025%) is more than a 5% tolerance, where a rounded "5%" read as no more than it."""
        digits = 2
        while (
            self.share != self.tolerated
            and digits < _MOST_PERCENT_DIGITS
            and _percent(self.share, digits) == _percent(self.tolerated, digits)
        ):
            digits += 1
        return digits


_MOST_PERCENT_DIGITS = 12


def _percent(share: float, digits: int) -> str:
    """A share as a reader checks it against another: 0.025 is 2.5%, never a rounded 2% or 3%."""
    return f"{share * 100:.{digits}f}".rstrip("0").rstrip(".") + "%"


class Period(_ByKey):
    """The claim's period as it states it (dates as YYYY-MM-DD), and the day it was assessed to."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    from_: str | None = Field(None, alias="from")
    """The period's first day (YYYY-MM-DD), as the claim states it; null where it states none."""
    to: str | None = None
    """The period's last day, as the claim states it; null for an open-ended claim."""
    assessed_to: str | None = None
    """The last day the claim was assessed to: to, or for an open-ended claim the results' as_of;
    null where neither is known (an open-ended claim then counts every later work)."""


class Expectation(_ByKey):
    """How many matching works the claim allows: none, at least `count` or at most `count`."""

    kind: Literal["none", "at_least", "at_most"]
    """none: the claim rules out any matching work; at_least: it says count or more exist;
    at_most: it allows count at most."""
    count: int
    """The number the claim names; 0 for none."""


class EvidenceRef(_ByKey):
    """A piece of evidence the results were read from: a curated file or a JSONL file."""

    path: str
    """The evidence file, as the run was given it."""
    kind: str
    """What it is: curated (works an analyst recorded by hand, with their sources) or jsonl
    (OpenAlex works as JSON Lines, a saved API page or one record)."""
    sha256: str
    """The file's sha256."""
    coverage: dict[str, Any] = Field(description="The coverage the evidence declares.")
    as_of: str | None = Field(
        None,
        exclude_if=lambda v: v is None,
        description=(
            "When a file read directly was current: the newest updated_date its work records give (its author "
            "records', where it holds no work); left out where none gives one, and for curated evidence."
        ),
    )


class SnapshotRef(_ByKey):
    """A snapshot the results were read from, with its manifest's source, creation time and record count."""

    path: str
    """The snapshot's folder."""
    kind: str
    """snapshot."""
    sha256: str
    """The sha256 of its manifest, which holds the sha256 of each data file."""
    source: str
    """Where its records came from, as its manifest says (e.g. openalex for a collect, import for
    an import)."""
    created: str
    """When the snapshot was made, as its manifest says (not when its records were current: see
    as_of)."""
    records: int
    """The records it holds, as its manifest counts them."""
    record_files: dict[str, str] = Field(
        default_factory=dict,
        description=(
            "The sha256 of each of its files of records (works.jsonl.gz, and authors.jsonl.gz where it holds "
            "author records), as its manifest gives them: two snapshots with the same hold the same records, "
            "whenever they were written (an update that found nothing new writes another manifest alone)."
        ),
        exclude_if=lambda v: not v,
    )
    as_of: str | None = Field(
        None, description="When the snapshot's records were current (null where not known); not when it was made."
    )
    as_of_basis: str | None = Field(None, description="Where as_of comes from, in words.")
    coverage: dict[str, Any] = Field(description="The coverage the manifest declares.")


class ClaimResult(_Model):
    """The verdict on one claim, why, and every finding it rests on."""

    claim: str
    """The claim's id."""
    says: str
    """What the claim says, in the analyst's words."""
    sentence: str
    """What claimwatch checked, in one plain-English sentence: the subject, the period, the
    conditions and what the claim expects."""
    claims_file: str
    """The claims file the claim is in; the statement whose path this is (in statements) is the
    one it writes down."""
    subject: str
    """The subject's name: the organisation the claim is about."""
    period: Period = Field(
        description=(
            "from and to as the claim states them; assessed_to: the day the period was assessed to (to, or for "
            "an open-ended claim the results' as_of: --as-of, or the day the newest evidence's records were current)"
        )
    )
    expects: Expectation
    """How many matching works (or people) the claim allows, or says exist."""
    verdict: Verdict
    """contradicted: the record shows what the claim rules out (for at_least, complete evidence
    holds fewer than it names); supported: at least the number an at_least claim names match;
    not_contradicted: nothing contradicts the claim and the evidence covers its subject and
    period completely, which is not proof; insufficient_evidence: anything else, why says what is
    missing."""
    why: str
    """Why the verdict, in words: what matches (the first few titles, with their dates) or what
    the evidence lacks."""
    matched: int
    """How many works certainly match (the findings); for a claim about people, how many people
    (people)."""
    uncertain: int
    """How many works might match but not certainly (uncertain_findings); for a claim about
    people, how many people (uncertain_people)."""
    works_considered: int
    """The subject's works in the claim's period that the evidence holds: those the claim's
    conditions were tested on (0 for a claim about people, see people_considered)."""
    coverage: CoverageReport
    """Whether the evidence covers the claim's subject and period completely, and why or why not:
    only complete evidence lets nothing found count (not_contradicted)."""
    unaffiliated: Unaffiliated | None = Field(
        None, description="For claims about coauthors: how many of them the record gives no affiliation for."
    )
    findings: tuple[Finding, ...]
    """The works that certainly match, each with every reason it matched; matched counts them."""
    uncertain_findings: tuple[Finding, ...] = ()
    """The works that might match, each with why not certainly (uncertain_because); uncertain
    counts them."""
    dismissed: tuple[Finding, ...] = Field(
        (),
        description="Findings a review set aside as not a match, each with its review: out of the verdict, kept in view.",
        exclude_if=lambda v: not v,
    )
    lapsed_reviews: tuple[LapsedReview, ...] = Field(
        (),
        description="Reviews of this claim that were not applied, each with the reason.",
        exclude_if=lambda v: not v,
    )
    interpretation: Interpretation | None = None
    """How the claim reads the statement: the analyst's note, the topics and the lists it uses."""
    people: tuple[PersonFinding, ...] = Field(
        (),
        description="For a claim about people (authors:): the persons who certainly match. matched counts them.",
        exclude_if=lambda v: not v,
    )
    uncertain_people: tuple[PersonFinding, ...] = Field(
        (),
        description="For a claim about people: the persons who might match, each with why not certainly. uncertain counts them.",
        exclude_if=lambda v: not v,
    )
    dismissed_people: tuple[PersonFinding, ...] = Field(
        (),
        description=(
            "For a claim about people: the persons a review set aside as not a match, each with its review: "
            "out of the verdict, kept in view."
        ),
        exclude_if=lambda v: not v,
    )
    people_considered: int | None = Field(
        None,
        description=(
            "Set exactly for claims about people: the persons whose records place them at the subject in the "
            "period, or with no years, and every person found, matched, uncertain or set aside (works_considered is "
            "then 0, and findings empty)."
        ),
        exclude_if=lambda v: v is None,  # left out for claims about works: their reports stay byte-identical
    )


class InputRef(_Model):
    """A file the run read, and its sha256."""

    path: str
    """The file, as the run was given or found it."""
    sha256: str
    """The file's sha256."""
    kind: str | None = None
    """For evidence, what it is (snapshot, curated, jsonl); null for other inputs."""


class Inputs(_Model):
    """Every file the run read: change one, and the report may change."""

    claims: tuple[InputRef, ...]
    """The claim files."""
    evidence: tuple[InputRef, ...]
    """The evidence: snapshots and files."""
    lists: tuple[InputRef, ...] = ()
    """The list files the claims use."""
    topics: tuple[InputRef, ...] = ()
    """The topic files the claims use (a topic defined in a claim file has none)."""
    reviews: tuple[InputRef, ...] = Field((), exclude_if=lambda v: not v)
    """The reviews file applied, where one was; left out where none was."""


class Publication(_Model):
    """Who publishes the report, where and when: given by the caller, never read from the clock."""

    title: str | None = None
    """The report's title, its heading."""
    author: str | None = Field(None, description="The fact-checker or organisation that wrote the report.")
    publisher: str | None = None
    """Who publishes the report."""
    publisher_url: str | None = None
    """The publisher's home page (http or https)."""
    url: str | None = Field(None, description="Where the report is published.")
    date_published: str | None = Field(None, description="YYYY-MM-DD.")


class Results(_Model):
    """A claimwatch report: the verdict on every claim checked, each with its findings and their
    reasons, the files the run read (with their sha256), and the statements, lists and evidence
    the claims stand on. The same inputs give the same report, byte for byte. Text from claims
    and evidence is untrusted and given as it is: a program showing it must escape it (the JSON
    file writes control, bidi and invisible characters as \\u escapes)."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    claimwatch: str
    """The claimwatch version that wrote the report."""
    as_of: str | None = Field(
        None, description="The date open-ended periods run to; from the evidence, never the clock."
    )
    as_of_basis: str | None = Field(
        None,
        description=(
            "Where as_of comes from, in words, where the run worked it out from the evidence (the day the newest "
            "evidence's records were current); left out where the caller gave it (check --as-of)."
        ),
        exclude_if=lambda v: v is None,
    )
    inputs: Inputs
    """Every file the run read, with its sha256: the same files give the same report, byte for
    byte."""
    evidence: tuple[SnapshotRef | EvidenceRef, ...] = ()
    """Each piece of evidence read: a snapshot, with its manifest's source, creation time and
    record count, or a curated or JSON Lines file; each with the coverage it declares."""
    results: tuple[ClaimResult, ...]
    """One result per claim: the claim files in order, and the claims in each in the order they
    are written."""
    statements: tuple[StatementRef, ...] = ()
    """The public statements the claim files write down (one per claims file that has one), each
    with its sources."""
    lists: tuple[ListRef, ...] = ()
    """Each reference list a claim used, once, with its sources and every entry."""
    evidence_counts: tuple[EvidenceCount, ...] = ()
    """What each piece of evidence held, as the evaluation read it."""
    command: tuple[str, ...] = Field(
        (), description="The command line that produced the report, where the caller gave it."
    )
    publication: Publication | None = Field(
        None,
        description="The report's title, author, publisher, URL and date, where the caller gave them.",
        exclude_if=lambda v: v is None,  # left out unless given: reports without it stay byte-identical
    )
    reviews_of_other_claims: tuple[Review, ...] = Field(
        (),
        description=(
            "The reviews in the reviews file naming a claim this run does not check (renamed since, a typo, or a "
            "claim file not given): they apply to nothing, and are listed so that none is passed over in silence."
        ),
        exclude_if=lambda v: not v,  # left out where there are none: reports without them stay byte-identical
    )

    def result(self, claim_id: str) -> ClaimResult:
        for r in self.results:
            if r.claim == claim_id:
                return r
        raise KeyError(claim_id)

    def statement_of(self, result: ClaimResult) -> StatementRef | None:
        return next((s for s in self.statements if s.path == result.claims_file), None)

    def reference_list(self, list_id: str) -> ListRef | None:
        return next((rl for rl in self.lists if rl.id == list_id), None)
