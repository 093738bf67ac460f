"""What an evaluation produces: one verdict per claim, with findings and the reason for each.

These models are the JSON report's shape (validated by `report.schema.json`); the reporters and
the Gherkin steps read them and nothing else.
"""

from __future__ import annotations

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
    model_config = ConfigDict(frozen=True, extra="forbid")


class _ByKey(_Model):
    """A model also read by its JSON keys, `period["from"]`, as it was when it was a plain dict
    (and as the report templates read it)."""

    def __getitem__(self, key: str) -> Any:
        for name, info in type(self).model_fields.items():
            if (info.alias or name) == key:
                return getattr(self, name)
        raise KeyError(key)


class InstitutionRef(_Model):
    id: str | None = None
    name: str
    ror: str | None = None


class EntryRef(_Model):
    """The list entry a partner institution matched, with when and by whose word it was listed."""

    list: str
    list_name: str
    id: str
    name: str
    listed_from: str | None = None
    # The day it was taken off the list, where it was (left out where it was not).
    listed_to: str | None = Field(None, exclude_if=lambda v: v is None)
    citation: str | None = None
    verified: bool
    line: int


class AffiliationReason(_Model):
    """An author's affiliation that satisfied a condition (the subject's or a list entry's)."""

    kind: Literal["subject_author", "listed_author"]
    author: str
    author_position: int
    institution: InstitutionRef | None = None
    method: Method
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
    listed_before_publication: bool | None = None
    note: str | None = None
    doubt: str | None = Field(
        None,
        description="Why this affiliation cannot be trusted as a match (a name shared across countries, an acronym alone).",
    )


class PhraseReason(_Model):
    """A topic phrase found in a field of the work, or an OpenAlex topic id it carries."""

    kind: Literal["topic"] = "topic"
    topic: str
    method: Literal["phrase", "openalex_topic"]
    phrase: str
    field: str
    start: int | None = None
    end: int | None = None
    text: str
    context_before: str = Field(
        "", description="Up to about 80 characters of the field before the match, for showing it in context."
    )
    context_after: str = Field("", description="Up to about 80 characters of the field after the match.")


class AbsenceReason(_Model):
    """A `not:` condition held: what was looked for and not found."""

    kind: Literal["absent"] = "absent"
    condition: str


Reason = Annotated[AffiliationReason | PhraseReason | AbsenceReason, Field(discriminator="kind")]


class WorkRef(_Model):
    id: str
    doi: str | None = None
    arxiv: str | None = None
    title: str
    publication_date: str | None = None
    url: str | None = None
    is_retracted: bool = False
    versions: tuple[str, ...] = ()
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
DECISION_WORDS = {"not_a_match": "Not a match", "confirmed": "Confirmed", "disputed": "Disputed"}


class Review(_Model):
    """An analyst's decision on one finding of one claim, as the case's reviews file records it."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", json_schema_extra={"oneOf": [{"required": ["work"]}, {"required": ["person"]}]}
    )

    claim: str
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
    decision: Decision = Field(
        description=(
            "not_a_match: the finding is set aside, out of the verdict; confirmed: it counts as a match, "
            "its doubts resolved by the reviewer; disputed: it counts only as uncertain."
        )
    )
    by: str
    date: str = Field(description="The day of the decision, YYYY-MM-DD.")
    note: str = Field(description="Why, in the reviewer's words.")
    expires: str | None = Field(
        None, description="The last day the review holds: evidence current after it makes the review lapse."
    )
    path: str = Field(description="The reviews file.")
    line: int

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
    reason: Literal["not_found", "expired", "expiry_unknown", "overlaps", "ambiguous"]
    why: str


class Finding(_Model):
    work: WorkRef
    status: Literal["matched", "uncertain"]
    strength: Literal["direct", "inferred"]
    reasons: tuple[Reason, ...]
    uncertain_because: tuple[str, ...] = ()
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
    title: str
    publication_date: str | None = None
    doi: str | None = None
    record: str = Field(description="Where the work's record stands: path:line.")


class Placement(_Model):
    """Where one author record places a person: an institution, the years it gives, and how the
    institution matched the subject or a list entry."""

    institution: InstitutionRef
    country: str | None = None
    years: tuple[int, ...] = Field(
        description="The years the record gives for the institution, in order; empty where it gives none."
    )
    years_basis: str = Field(
        description=(
            "What the years are: publication years (OpenAlex: the years of the author's works that state the "
            "institution, not employment dates), or the years a curated history's sources state."
        )
    )
    method: Method
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
            "Works in the evidence that show the placement: by the person's OpenAlex author id, stating the "
            "institution, in one of the years; the earliest few."
        ),
    )
    more_works: int = Field(0, description="How many more such works the evidence holds than are cited.")


class PersonFinding(_Model):
    """A person whose records show what a claim about people tests, or might."""

    id: str = Field(
        description="The person's OpenAlex author id (A...), or the curated record's id where none is known."
    )
    openalex_id: str | None = None
    other_openalex_ids: tuple[str, ...] = Field(
        (),
        description="Other OpenAlex author ids of the same person: ids OpenAlex merged into it, or records sharing its ORCID.",
    )
    orcid: str | None = None
    name: str
    records: tuple[str, ...] = Field(description="Every author record the finding rests on: path:line.")
    status: Literal["matched", "uncertain"]
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
    at_listed: tuple[Placement, ...] = Field(
        description="The placements at listed institutions the finding rests on, each with its list entry."
    )
    uncertain_because: tuple[str, ...] = ()
    review: Review | None = Field(
        None,
        description="The analyst's decision on this person, where one applies.",
        exclude_if=lambda v: v is None,  # left out unless reviewed: unreviewed reports stay byte-identical
    )


class SourceRef(_Model):
    """A publication a statement or a list was read from."""

    title: str
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    url: str | None = None
    archived_url: str | None = Field(
        None,
        description="An archived copy of the source (e.g. the Wayback Machine).",
        exclude_if=lambda v: v is None,  # left out unless given: older reports stay byte-identical
    )
    retrieved: str | None = None
    note: str | None = None


class StatementRef(_Model):
    """The public statement a claims file writes down, with its sources."""

    path: str = Field(description="The claims file; each ClaimResult's claims_file names one of these.")
    speaker: str
    made_on: str
    quote: str
    confirmed: bool
    note: str | None = None
    sources: tuple[SourceRef, ...]


class TopicRef(_Model):
    """A topic as the claim used it: the analyst's phrases and the reason for them."""

    id: str
    name: str
    rationale: str
    phrases: tuple[str, ...] = ()
    exclude_phrases: tuple[str, ...] = ()
    openalex_topics: tuple[str, ...] = ()
    path: str = ""


class ListedInstitution(_Model):
    """One entry of a reference list: when it was listed, on whose word, and what is unconfirmed."""

    id: str
    name: str
    listed_from: str | None = None
    citation: str | None = None
    verified: bool
    notes: str | None = None


class ListRef(_Model):
    """A reference list a claim used, with its sources and every entry."""

    id: str
    name: str
    description: str | None = None
    sources: tuple[SourceRef, ...]
    entries: tuple[ListedInstitution, ...]
    path: str = ""


class Interpretation(_Model):
    """How a claim reads the statement: the analyst's note, the topics and the lists it stands on."""

    note: str | None = None
    topics: tuple[TopicRef, ...] = ()
    lists: tuple[str, ...] = Field((), description="Ids of the lists used; each is described once in Results.lists.")


class EvidenceCount(_Model):
    """What one piece of evidence held, counted as the evaluator read it."""

    path: str
    records: int
    authorships: int
    authorships_without_institution_id: int
    superseded: int = Field(
        0,
        description=(
            "Records set aside as older copies: a record of the same OpenAlex work with a later "
            "updated_date is given, here or in other evidence, and says what the work is now."
        ),
        exclude_if=lambda v: not v,  # left out where none is: reports without copies stay byte-identical
    )


class CoverageReport(_Model):
    complete: bool
    why: str
    sources: tuple[str, ...] = ()


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


class Period(_ByKey):
    """The claim's period as it states it (dates as YYYY-MM-DD), and the day it was assessed to."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    from_: str | None = Field(None, alias="from")
    to: str | None = None
    assessed_to: str | None = None


class Expectation(_ByKey):
    """How many matching works the claim allows: none, at least `count` or at most `count`."""

    kind: Literal["none", "at_least", "at_most"]
    count: int


class EvidenceRef(_ByKey):
    """A piece of evidence the results were read from: a curated file or a JSONL file."""

    path: str
    kind: str
    sha256: str
    coverage: dict[str, Any] = Field(description="The coverage the evidence declares.")


class SnapshotRef(_ByKey):
    """A snapshot the results were read from, with its manifest's source, creation time and record count."""

    path: str
    kind: str
    sha256: str
    source: str
    created: str
    records: int
    as_of: str | None = Field(
        None, description="When the snapshot's records were current (null where not known); not when it was made."
    )
    as_of_basis: str | None = Field(None, description="Where as_of comes from, in words.")
    coverage: dict[str, Any] = Field(description="The coverage the manifest declares.")


class ClaimResult(_Model):
    claim: str
    says: str
    sentence: str
    claims_file: str
    subject: str
    period: Period = Field(
        description=(
            "from and to as the claim states them; assessed_to: where an open-ended claim was assessed to "
            "(the evidence's retrieval day, or --as-of)"
        )
    )
    expects: Expectation
    verdict: Verdict
    why: str
    matched: int
    uncertain: int
    works_considered: int
    coverage: CoverageReport
    unaffiliated: Unaffiliated | None = Field(
        None, description="For claims about coauthors: how many of them the record gives no affiliation for."
    )
    findings: tuple[Finding, ...]
    uncertain_findings: tuple[Finding, ...] = ()
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
            "period, or with no years (works_considered is then 0, and findings empty)."
        ),
        exclude_if=lambda v: v is None,  # left out for claims about works: their reports stay byte-identical
    )


class InputRef(_Model):
    path: str
    sha256: str
    kind: str | None = None


class Inputs(_Model):
    claims: tuple[InputRef, ...]
    evidence: tuple[InputRef, ...]
    lists: tuple[InputRef, ...] = ()
    topics: tuple[InputRef, ...] = ()
    reviews: tuple[InputRef, ...] = Field((), exclude_if=lambda v: not v)


class Publication(_Model):
    """Who publishes the report, where and when: given by the caller, never read from the clock."""

    title: str | None = None
    author: str | None = Field(None, description="The fact-checker or organisation that wrote the report.")
    publisher: str | None = None
    publisher_url: str | None = None
    url: str | None = Field(None, description="Where the report is published.")
    date_published: str | None = Field(None, description="YYYY-MM-DD.")


class Results(_Model):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    claimwatch: str
    as_of: str | None = Field(
        None, description="The date open-ended periods run to; from the evidence, never the clock."
    )
    inputs: Inputs
    evidence: tuple[SnapshotRef | EvidenceRef, ...] = ()
    results: tuple[ClaimResult, ...]
    statements: tuple[StatementRef, ...] = ()
    lists: tuple[ListRef, ...] = ()
    evidence_counts: tuple[EvidenceCount, ...] = ()
    command: tuple[str, ...] = Field(
        (), description="The command line that produced the report, where the caller gave it."
    )
    publication: Publication | None = Field(
        None,
        description="The report's title, author, publisher, URL and date, where the caller gave them.",
        exclude_if=lambda v: v is None,  # left out unless given: reports without it stay byte-identical
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
