"""The evaluator: claims and evidence in, one verdict per claim out, every decision explained.

Precision first. A work counts against a claim only when it certainly meets every condition:
where a date straddles the claim's period, a listing date is unknown, or an author list is
truncated, the work is reported as uncertain and never counted as a match. Silence is never
proof: `not_contradicted` needs evidence that covers the claim's subject and whole period.

Evidence is read as a stream, once for all claims. Cheap tests run first (subject, date, lists)
and topic phrases are only looked for in works that pass them. Versions of one work (an arXiv
preprint and its journal article, or the same DOI in two sources) collapse into one finding,
dated by its earliest version.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ._version import __version__
from .claims import Claim, ClaimFile, ClaimSet, Condition, Subject, Topic, describe, describe_condition, describe_period
from .evidence import Evidence
from .lists import ListEntry, ReferenceList
from .matching import NameMatcher, PhraseSet, plain_words
from .results import (
    DIRECT_METHODS,
    AbsenceReason,
    AffiliationReason,
    ClaimResult,
    CoverageReport,
    EntryRef,
    EvidenceCount,
    Finding,
    InputRef,
    Inputs,
    InstitutionRef,
    Interpretation,
    ListedInstitution,
    ListRef,
    PhraseReason,
    Results,
    SourceRef,
    StatementRef,
    TopicRef,
    WorkRef,
)
from .works import Authorship, Institution, PartialDate, Work

# Three-valued logic: a condition holds, fails, or cannot be decided from the record.
TRUE, UNKNOWN, FALSE = 2, 1, 0

_METHOD_RANK = {"openalex_id": 0, "lineage": 1, "ror": 2, "name_in_institution": 3, "alias_in_raw_affiliation": 4}


@dataclass
class _Outcome:
    """What one record showed for one claim."""

    status: int
    reasons: list[Any] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)
    # (entry name, listed_from) of each list entry counted as listed before publication, judged
    # against this record's own date: an earlier version of the work is judged again later.
    listings: list[tuple[str, dt.date]] = field(default_factory=list)


# --- subjects and lists ---------------------------------------------------------------------


class _SubjectHit(NamedTuple):
    """An author of the subject, kept light: most never reach a report."""

    authorship: Authorship
    institution: Institution | None
    method: str
    matched_text: str | None

    def reason(self) -> AffiliationReason:
        return _affiliation(
            "subject_author", self.authorship, self.institution, self.method, matched_text=self.matched_text
        )


class _ListedHit(NamedTuple):
    """An author at a list entry, kept light until it is cited in a finding."""

    authorship: Authorship
    hit: _EntryHit
    listed_before: bool | None

    def reason(self) -> AffiliationReason:
        h = self.hit
        note = None if h.entry.verified else "list entry not fully confirmed (see its notes)"
        return _affiliation(
            "listed_author",
            self.authorship,
            h.institution,
            h.method,
            matched_text=h.matched_text,
            entry=_entry_ref(h),
            listed_before=self.listed_before,
            note=note,
        )


def _cited(reason: Any) -> Any:
    """A reason as the report shows it: light hits become their pydantic model only here."""
    return reason.reason() if isinstance(reason, (_SubjectHit, _ListedHit)) else reason


class SubjectMatcher:
    """Which authors of a work are the subject's: by OpenAlex id or lineage, by ROR, or (inferred)
    by an alias in the affiliation text where no subject id is attached."""

    def __init__(self, subject: Subject):
        self.subject = subject
        self.ids = frozenset(subject.openalex)
        self.rors = frozenset(subject.ror)
        self.names = NameMatcher((subject.id, n) for n in subject.names)

    def hits(self, work: Work) -> list[_SubjectHit]:
        out = []
        for a in work.authorships:
            hit = self._match(a)
            if hit:
                out.append(hit)
        return out

    def _match(self, a: Authorship) -> _SubjectHit | None:
        ids = self.ids
        for inst in a.institutions:
            if inst.id in ids:
                return _SubjectHit(a, inst, "openalex_id", None)
        for inst in a.institutions:
            if not ids.isdisjoint(inst.lineage):
                return _SubjectHit(a, inst, "lineage", None)
        if self.rors:
            for inst in a.institutions:
                if inst.ror in self.rors:
                    return _SubjectHit(a, inst, "ror", None)
        for text in a.raw_affiliations:
            if self.names.find(text):
                return _SubjectHit(a, None, "alias_in_raw_affiliation", text)
        return None


@dataclass(frozen=True)
class _EntryHit:
    entry: ListEntry
    reference_list: ReferenceList
    method: str
    institution: Institution | None
    matched_text: str | None


class ListMatcher:
    """Which authors of a work are at an entry of a list, strongest evidence first."""

    def __init__(self, reference_list: ReferenceList):
        self.list = reference_list
        self.by_openalex: dict[str, list[ListEntry]] = defaultdict(list)
        self.by_ror: dict[str, list[ListEntry]] = defaultdict(list)
        for e in reference_list.entries:
            for i in e.openalex:
                self.by_openalex[i].append(e)
            for r in e.ror:
                self.by_ror[r].append(e)
        self.entries = {e.id: e for e in reference_list.entries}
        self.names = NameMatcher((e.id, n) for e in reference_list.entries for n in e.names)

    def hits(self, a: Authorship) -> list[_EntryHit]:
        best: dict[str, _EntryHit] = {}
        for inst in a.institutions:
            for e in self.by_openalex.get(inst.id or "", ()):
                self._offer(best, e, "openalex_id", inst, None)
            for lineage_id in inst.lineage:
                if lineage_id != inst.id:
                    for e in self.by_openalex.get(lineage_id, ()):
                        self._offer(best, e, "lineage", inst, None)
            if inst.ror:
                for e in self.by_ror.get(inst.ror, ()):
                    self._offer(best, e, "ror", inst, None)
            if inst.name:
                for h in self.names.find(inst.name):
                    self._offer(best, self.entries[h.key], "name_in_institution", inst, h.matched)
        for text in a.raw_affiliations:
            for h in self.names.find(text):
                self._offer(best, self.entries[h.key], "alias_in_raw_affiliation", None, text)
        return [best[k] for k in sorted(best)] if best else []

    def _offer(
        self, best: dict[str, _EntryHit], entry: ListEntry, method: str, inst: Institution | None, text: str | None
    ) -> None:
        """Keep the strongest way each entry matched."""
        current = best.get(entry.id)
        if current is None or _METHOD_RANK[method] < _METHOD_RANK[current.method]:
            best[entry.id] = _EntryHit(entry, self.list, method, inst, text)


def _affiliation(
    kind: str,
    a: Authorship,
    inst: Institution | None,
    method: str,
    *,
    matched_text: str | None = None,
    entry: EntryRef | None = None,
    listed_before: bool | None = None,
    note: str | None = None,
) -> AffiliationReason:
    return AffiliationReason(
        kind=kind,
        author=a.name,
        author_position=a.position + 1,
        institution=InstitutionRef(id=inst.id, name=inst.name, ror=inst.ror) if inst else None,
        method=method,
        matched_text=matched_text,
        entry=entry,
        listed_before_publication=listed_before,
        note=note,
    )


def _entry_ref(hit: _EntryHit) -> EntryRef:
    e = hit.entry
    return EntryRef(
        list=hit.reference_list.id,
        list_name=hit.reference_list.name,
        id=e.id,
        name=e.name,
        listed_from=str(e.listed_from) if e.listed_from else None,
        citation=e.citation,
        verified=e.verified,
        line=e.line,
    )


# --- topics ---------------------------------------------------------------------------------


class TopicMatcher:
    def __init__(self, topic: Topic):
        self.topic = topic
        self.phrases = PhraseSet(topic.phrases)
        self.excluded = PhraseSet(topic.exclude_phrases)
        self.topic_ids = frozenset(topic.openalex_topics)

    def reasons(self, work: Work, abstract_words: Callable[[], frozenset[str]]) -> list[PhraseReason]:
        out: list[PhraseReason] = []
        fields = [("title", work.title), *((f"keywords[{i}]", k) for i, k in enumerate(work.keywords))]
        for name, text in fields:
            out += self._in_text(name, text)
        # OpenAlex abstracts come as an inverted index: rebuild one only where its words could match.
        if work.abstract_text is not None or (work.abstract_index and self.phrases.may_be_among(abstract_words())):
            out += self._in_text("abstract", work.abstract)
        for tid in work.topic_ids:
            if tid in self.topic_ids:
                out.append(
                    PhraseReason(
                        topic=self.topic.id, method="openalex_topic", phrase=tid, field="openalex_topics", text=tid
                    )
                )
        return out

    def _in_text(self, field_name: str, text: str) -> list[PhraseReason]:
        hits = self.phrases.find(text)
        if not hits:
            return []
        excluded = self.excluded.find(text) if self.excluded.phrases else []
        out = []
        for h in hits:
            if any(x.start <= h.start and h.end <= x.end for x in excluded):
                continue
            before, after = _context(text, h.start, h.end)
            out.append(
                PhraseReason(
                    topic=self.topic.id,
                    method="phrase",
                    phrase=h.phrase,
                    field=field_name,
                    start=h.start,
                    end=h.end,
                    text=text[h.start : h.end],
                    context_before=before,
                    context_after=after,
                )
            )
        return out


def _context(text: str, start: int, end: int, width: int = 80) -> tuple[str, str]:
    """The words around a match, cut at a space and marked with an ellipsis where cut, so a
    report can show the phrase in place without carrying a whole abstract."""
    before, after = text[max(0, start - width) : start], text[end : end + width]
    if start > width and " " in before:
        before = "\u2026" + before[before.index(" ") + 1 :]
    if end + width < len(text) and " " in after:
        after = after[: after.rindex(" ")] + "\u2026"
    # Line breaks and runs of spaces fold to one space; the space next to the match is kept.
    gap_before = " " if before[-1:].isspace() else ""
    gap_after = " " if after[:1].isspace() else ""
    return " ".join(before.split()) + gap_before, gap_after + " ".join(after.split())


# --- conditions -----------------------------------------------------------------------------


class _WorkContext:
    """Per-work caches shared by every claim: subject authors, list hits, topic hits."""

    __slots__ = ("_abstract_words", "_lists", "_subjects", "_topics", "work")

    def __init__(self, work: Work):
        self.work = work
        self._subjects: dict[int, list[_SubjectHit]] = {}
        self._lists: dict[int, list[tuple[Authorship, _EntryHit]]] = {}
        self._topics: dict[int, list[PhraseReason]] = {}
        self._abstract_words: frozenset[str] | None = None

    def abstract_words(self) -> frozenset[str]:
        """The words of the abstract's inverted index, worked out once for every topic."""
        if self._abstract_words is None:
            self._abstract_words = plain_words(self.work.abstract_index or ())
        return self._abstract_words

    def subject_hits(self, matcher: SubjectMatcher) -> list[_SubjectHit]:
        key = id(matcher)  # one matcher per subject (see _Matchers)
        if key not in self._subjects:
            self._subjects[key] = matcher.hits(self.work)
        return self._subjects[key]

    def list_hits(self, matcher: ListMatcher) -> list[tuple[Authorship, _EntryHit]]:
        key = id(matcher)
        if key not in self._lists:
            self._lists[key] = [(a, h) for a in self.work.authorships for h in matcher.hits(a)]
        return self._lists[key]

    def topic_reasons(self, matcher: TopicMatcher) -> list[PhraseReason]:
        key = id(matcher)
        if key not in self._topics:
            self._topics[key] = matcher.reasons(self.work, self.abstract_words)
        return self._topics[key]


_FAILS = None  # a test that failed: most do, so they share this rather than build an _Outcome
_Test = Callable[[_WorkContext, list[_SubjectHit]], "_Outcome | None"]


class _CompiledClaim:
    """A claim with its matchers built once and its condition compiled to one test function."""

    def __init__(self, claim: Claim, claim_file: ClaimFile, matchers: _Matchers):
        self.claim = claim
        self.file = claim_file
        self.subject = matchers.subject(claim.subject)
        self.lists = {lid: matchers.list(claim_file.lists[lid]) for lid in claim.works.list_ids()}
        self.topics = {tid: matchers.topic(claim_file.topics[tid]) for tid in claim.works.topics()}
        self.test: _Test = self._compile(claim.works)

    def _compile(self, cond: Condition) -> _Test:
        """The condition's parts, cheap ones first: lists, then combinations, then topics."""
        parts: list[_Test] = []
        for list_ids, same_author in ((cond.coauthor_in, False), (cond.affiliated_author_in, True)):
            if list_ids:
                parts.append(
                    self._listed_test([self.lists[i] for i in list_ids], same_author, cond.listed_before_publication)
                )
        parts += [self._compile(c) for c in cond.all]
        if cond.any:
            parts.append(_any_of([self._compile(c) for c in cond.any]))
        if cond.not_:
            parts.append(_negation(self._compile(cond.not_), describe_condition(cond.not_, self.file)))
        if cond.topic:
            parts.append(self._topic_test(self.topics[cond.topic]))
        return parts[0] if len(parts) == 1 else _all_of(parts)

    @staticmethod
    def _listed_test(matchers: list[ListMatcher], same_author: bool, before_publication: bool) -> _Test:
        def test(ctx: _WorkContext, subject_hits: list[_SubjectHit]) -> _Outcome | None:
            work = ctx.work
            positions = {h.authorship.position for h in subject_hits} if same_author else None
            reasons, doubts, listings = [], [], []
            status = FALSE
            for matcher in matchers:
                for a, hit in ctx.list_hits(matcher):
                    if positions is not None and a.position not in positions:
                        continue
                    listed, doubt = _listed_before(hit.entry, work.published) if before_publication else (None, None)
                    if listed is False:
                        continue
                    reasons.append(_ListedHit(a, hit, listed))
                    if listed:
                        listings.append((hit.entry.name, hit.entry.listed_from))
                    if doubt:
                        doubts.append(doubt)
                    status = max(status, TRUE if not before_publication or listed else UNKNOWN)
            if status == FALSE:
                if work.authors_truncated:
                    return _Outcome(
                        UNKNOWN, [], ["the record's author list is truncated, so a listed coauthor may be missing"]
                    )
                return _FAILS
            return _Outcome(status, reasons, sorted(set(doubts)) if status == UNKNOWN else [], listings)

        return test

    @staticmethod
    def _topic_test(matcher: TopicMatcher) -> _Test:
        def test(ctx: _WorkContext, subject_hits: list[_SubjectHit]) -> _Outcome | None:
            reasons = ctx.topic_reasons(matcher)
            return _Outcome(TRUE, list(reasons)) if reasons else _FAILS

        return test


def _all_of(parts: list[_Test]) -> _Test:
    def test(ctx: _WorkContext, subject_hits: list[_SubjectHit]) -> _Outcome | None:
        reasons, doubts, listings = [], [], []
        status = TRUE
        for part in parts:
            o = part(ctx, subject_hits)
            if o is _FAILS:
                return _FAILS
            status = min(status, o.status)
            reasons += o.reasons
            doubts += o.doubts
            listings += o.listings
        return _Outcome(status, reasons, doubts, listings)

    return test


def _any_of(parts: list[_Test]) -> _Test:
    def test(ctx: _WorkContext, subject_hits: list[_SubjectHit]) -> _Outcome | None:
        outcomes = [o for o in (part(ctx, subject_hits) for part in parts) if o is not _FAILS]
        if not outcomes:
            return _FAILS
        status = max(o.status for o in outcomes)
        chosen = [o for o in outcomes if o.status == status]
        return _Outcome(
            status,
            [r for o in chosen for r in o.reasons],
            [d for o in chosen for d in o.doubts] if status == UNKNOWN else [],
            [x for o in chosen for x in o.listings],
        )

    return test


def _negation(inner: _Test, text: str) -> _Test:
    def test(ctx: _WorkContext, subject_hits: list[_SubjectHit]) -> _Outcome | None:
        o = inner(ctx, subject_hits)
        if o is _FAILS:
            return _Outcome(TRUE, [AbsenceReason(condition=text)])
        if o.status == TRUE:
            return _FAILS
        return _Outcome(UNKNOWN, [], o.doubts)

    return test


def _listed_before(entry: ListEntry, published: PartialDate | None) -> tuple[bool | None, str | None]:
    """Was the entry listed on or before the work's publication? None where the record can't say."""
    if entry.listed_from is None:
        return None, f"the listing date of {entry.name} is not known"
    if published is None:
        return None, "the work has no publication date"
    if entry.listed_from <= published.earliest:
        return True, None
    if entry.listed_from > published.latest:
        return False, None
    return None, f"{entry.name} was listed on {entry.listed_from}, within the work's date {published}"


class _Matchers:
    """Builds each subject, list and topic matcher once, however many claims share it."""

    def __init__(self) -> None:
        self._subjects: dict[Subject, SubjectMatcher] = {}
        self._lists: dict[tuple[str, str], ListMatcher] = {}
        self._topics: dict[Topic, TopicMatcher] = {}

    def subject(self, s: Subject) -> SubjectMatcher:
        if s not in self._subjects:
            self._subjects[s] = SubjectMatcher(s)
        return self._subjects[s]

    def list(self, rl: ReferenceList) -> ListMatcher:
        key = (rl.id, rl.sha256 or rl.path)
        if key not in self._lists:
            self._lists[key] = ListMatcher(rl)
        return self._lists[key]

    def topic(self, t: Topic) -> TopicMatcher:
        if t not in self._topics:
            self._topics[t] = TopicMatcher(t)
        return self._topics[t]


# --- reading the evidence -------------------------------------------------------------------


class _Record:
    """A subject's work as kept after streaming: enough to group and date it; and to cite it
    where some claim's test did not fail. Kept small: a check may stream millions."""

    __slots__ = ("outcomes", "published", "ref", "subjects")

    def __init__(self, work: Work, subjects: int, live: dict[int, tuple[_Outcome, list[_SubjectHit]]]):
        self.published = work.published
        self.subjects = subjects  # a bit per claim whose subject has an author on the work
        self.outcomes = {
            i: _Outcome(o.status, [*hits, *o.reasons], o.doubts, o.listings) for i, (o, hits) in live.items()
        } or None
        self.ref = _LightRef.of(work) if live else None

    @classmethod
    def version_only(cls, published: PartialDate) -> _Record:
        """A version of a subject's work with no subject author on it: it only dates the work."""
        record = cls.__new__(cls)
        record.published, record.subjects, record.outcomes, record.ref = published, 0, None, None
        return record


class _LightRef(NamedTuple):
    """What a finding cites of a record, without keeping the record."""

    id: str
    doi: str | None
    arxiv: str | None
    title: str
    url: str | None
    is_retracted: bool
    version: str | None
    origin: str

    @classmethod
    def of(cls, work: Work) -> _LightRef:
        return cls(
            work.group or work.id,
            work.doi,
            work.arxiv,
            work.title,
            work.url,
            work.is_retracted,
            work.version,
            str(work.origin),
        )


class _FirstPublished(NamedTuple):
    """When a work first appeared: its earliest version lies between the earliest possible day
    of any version and the earliest last-possible day of any (2024 and 2024-01-05 give
    2024-01-01..2024-01-05)."""

    earliest: dt.date
    latest: dt.date
    shown: PartialDate  # the version date a reader is shown

    @classmethod
    def of(cls, dates: list[PartialDate]) -> _FirstPublished | None:
        if not dates:
            return None
        return cls(min(d.earliest for d in dates), min(d.latest for d in dates), min(dates))

    def __str__(self) -> str:
        return (
            str(self.shown)
            if (self.shown.earliest, self.shown.latest) == (self.earliest, self.latest)
            else f"{self.earliest} to {self.latest}"
        )


def _date_status(
    published: _FirstPublished | PartialDate | None, start: dt.date | None, end: dt.date | None
) -> tuple[int, str | None]:
    """Inside the claim's period (TRUE), outside (FALSE), or straddling a boundary (UNKNOWN)."""
    if published is None:
        return UNKNOWN, "the work has no publication date"
    if (start and published.latest < start) or (end and published.earliest > end):
        return FALSE, None
    if start and published.earliest < start:
        return UNKNOWN, f"its date {published} may fall before {start}"
    if end and published.latest > end:
        return UNKNOWN, f"its date {published} may fall after {end}"
    return TRUE, None


def _relisted(outcome: _Outcome, published: _FirstPublished | PartialDate | None) -> _Outcome:
    """An outcome judged `listed before publication` against one version's date, judged again
    against the work's first publication: where an entry may have been listed after it, the
    work is uncertain (never a match that rests on the wrong version's date)."""
    if published is None or not outcome.listings:
        return outcome
    late = [(name, day) for name, day in outcome.listings if day > published.earliest]
    if not late or outcome.status != TRUE:
        return outcome
    doubts = [
        f"{name} was listed on {day}, and an earlier version of the work appeared {published}" for name, day in late
    ]
    return _Outcome(UNKNOWN, outcome.reasons, [*outcome.doubts, *doubts], outcome.listings)


class _Works:
    """The subject's records, grouped as they arrive: records that share an identity key (an
    OpenAlex id, a DOI, an arXiv id, a curated work) are versions of one work."""

    def __init__(self) -> None:
        self.records: list[_Record] = []
        self._parent: list[int] = []
        # hash() is stable within a process, which is all grouping needs; ids stay in the refs.
        self._owner: dict[int, int] = {}
        # The earliest date of records with no subject author, by key: a preprint whose
        # affiliations are missing still dates the work its journal version belongs to.
        self._undated_links: dict[int, PartialDate] = {}

    def add(self, record: _Record, keys: Iterable[str]) -> None:
        i = self._append(record)
        for key in map(hash, keys):
            other = self._owner.setdefault(key, i)
            if other != i:
                self._parent[self._root(i)] = self._root(other)
            earlier = self._undated_links.pop(key, None)
            if earlier is not None:
                self._parent[self._append(_Record.version_only(earlier))] = self._root(i)

    def add_version(self, published: PartialDate | None, keys: Iterable[str]) -> None:
        """A record with no subject author: it counts only as a date for the work it is a version of."""
        if published is None:
            return
        for key in map(hash, keys):
            owner = self._owner.get(key)
            if owner is not None:
                self._parent[self._append(_Record.version_only(published))] = self._root(owner)
                return
        for key in map(hash, keys):
            known = self._undated_links.get(key)
            if known is None or published < known:
                self._undated_links[key] = published

    def _append(self, record: _Record) -> int:
        i = len(self.records)
        self.records.append(record)
        self._parent.append(i)
        return i

    def _root(self, i: int) -> int:
        parent = self._parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def groups(self) -> Iterator[list[_Record]]:
        """Each work's records; most works have one, and those are not gathered into lists first."""
        self._owner.clear()
        self._undated_links.clear()
        parent = self._parent
        with_versions: set[int] = set()
        for i in range(len(parent)):
            root = self._root(i)
            if root != i:
                parent[i] = root
                with_versions.add(root)
        merged: dict[int, list[_Record]] = defaultdict(list)
        for i, record in enumerate(self.records):
            if parent[i] == i and i not in with_versions:
                yield [record]
            else:
                merged[parent[i]].append(record)
        yield from merged.values()


def _stream(compiled: list[_CompiledClaim], evidence: Sequence[Any]) -> _Works:
    works = _Works()
    plan = [(1 << i, i, cc.subject, cc.claim.from_, cc.test) for i, cc in enumerate(compiled)]
    for source in evidence:
        for work in source.works():
            ctx = _WorkContext(work)
            subjects = 0
            live: dict[int, tuple[_Outcome, list[_SubjectHit]]] = {}
            published = work.published
            for bit, i, subject, start, test in plan:
                hits = ctx.subject_hits(subject)
                if not hits:
                    continue
                subjects |= bit
                # A version published before the period keeps its whole work out of it: no tests.
                if start and published and published.latest < start:
                    continue
                outcome = test(ctx, hits)
                if outcome is not _FAILS and outcome.status != FALSE:
                    live[i] = (outcome, hits)
            if subjects:
                works.add(_Record(work, subjects, live), work.identity_keys())
            else:
                works.add_version(work.published, work.identity_keys())
    return works


# --- verdicts -------------------------------------------------------------------------------


def evaluate(claims: ClaimSet, evidence: Sequence[Evidence], *, as_of: dt.date | None = None) -> Results:
    """One verdict per claim, with findings and reasons, from every piece of evidence.

    `as_of` is the day an open-ended claim runs to; by default the day the newest evidence was
    retrieved, so that the same inputs always give the same results.
    """
    matchers = _Matchers()
    compiled = [_CompiledClaim(c, f, matchers) for f in claims.files for c in f.claims]
    as_of = as_of or max(filter(None, (getattr(e, "retrieved", None) for e in evidence)), default=None)
    counted = [_CountingEvidence(e) for e in evidence]
    # The stream keeps a small record per subject work and makes no reference cycles; the
    # cyclic collector would rescan millions of them again and again for nothing.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        works = _stream(compiled, counted)
        tallies = _sort_groups(compiled, works.groups(), as_of)
    finally:
        if gc_was_enabled:
            gc.enable()
    results = tuple(_judge(cc, tally, evidence, as_of) for cc, tally in zip(compiled, tallies, strict=True))
    return Results(
        claimwatch=__version__,
        as_of=str(as_of) if as_of else None,
        inputs=_inputs(claims, evidence),
        evidence=tuple(e.describe() for e in evidence),
        results=results,
        statements=tuple(_statement(f) for f in claims.files),
        lists=_lists_used(claims),
        evidence_counts=tuple(t.count() for t in counted),
    )


@dataclass
class _Tallies:
    """What the groups showed for one claim."""

    matched: list[Finding] = field(default_factory=list)
    uncertain: list[Finding] = field(default_factory=list)
    considered: int = 0


def _sort_groups(
    compiled: list[_CompiledClaim], groups: Iterable[list[_Record]], as_of: dt.date | None
) -> list[_Tallies]:
    """One pass over the works for every claim: which are in its period, which match."""
    tallies = [_Tallies() for _ in compiled]
    periods = [(cc.claim.from_, cc.claim.to or as_of) for cc in compiled]
    for group in groups:
        subjects = 0
        for r in group:
            subjects |= r.subjects
        if len(group) == 1:  # most works: one record, whose own date is the work's
            published = group[0].published
        else:
            published = _FirstPublished.of([r.published for r in group if r.published])
        for i, tally in enumerate(tallies):
            if not subjects >> i & 1:
                continue
            date_status, date_doubt = _date_status(published, *periods[i])
            if date_status == FALSE:
                continue
            tally.considered += date_status == TRUE
            live = [(r, _relisted(r.outcomes[i], published)) for r in group if r.outcomes and i in r.outcomes]
            if not live:
                continue
            best = max(o.status for _, o in live)
            chosen = [(r, o) for r, o in live if o.status == best]
            doubts = [date_doubt] if date_status == UNKNOWN else []
            doubts += [d for _, o in chosen for d in o.doubts]
            finding = _finding(chosen, published, TRUE if min(best, date_status) == TRUE else UNKNOWN, doubts)
            (tally.matched if finding.status == "matched" else tally.uncertain).append(finding)
    return tallies


def _judge(cc: _CompiledClaim, tally: _Tallies, evidence: Sequence[Evidence], as_of: dt.date | None) -> ClaimResult:
    claim = cc.claim
    end = claim.to or as_of
    matched = sorted(tally.matched, key=_finding_order)
    uncertain = sorted(tally.uncertain, key=_finding_order)
    coverage = _coverage(claim, evidence, end)
    verdict, why = _verdict(claim, len(matched), len(uncertain), tally.considered, coverage, matched, uncertain)
    return ClaimResult(
        claim=claim.id,
        says=claim.says,
        sentence=describe(claim, cc.file),
        claims_file=cc.file.path,
        subject=claim.subject.name,
        period={
            "from": str(claim.from_) if claim.from_ else None,
            "to": str(claim.to) if claim.to else None,
            "assessed_to": str(end) if end else None,
        },
        expects={"kind": claim.expects.kind, "count": claim.expects.count},
        verdict=verdict,
        why=why,
        matched=len(matched),
        uncertain=len(uncertain),
        works_considered=tally.considered,
        coverage=coverage,
        findings=tuple(matched),
        uncertain_findings=tuple(uncertain),
        interpretation=_interpretation(cc),
    )


def _finding(
    chosen: list[tuple[_Record, _Outcome]],
    published: _FirstPublished | PartialDate | None,
    status: int,
    doubts: list[str],
) -> Finding:
    refs = [r.ref for r, _ in chosen]
    openalex = [x for x in refs if x.id.startswith("W")]
    lead = min(openalex or refs, key=lambda x: _natural(x.id))
    reasons = list(dict.fromkeys(_cited(reason) for _, o in chosen for reason in o.reasons))
    inferred = any(isinstance(x, AffiliationReason) and x.method not in DIRECT_METHODS for x in reasons)
    work = WorkRef(
        id=lead.id,
        title=lead.title,
        doi=lead.doi or next((x.doi for x in refs if x.doi), None),
        arxiv=lead.arxiv or next((x.arxiv for x in refs if x.arxiv), None),
        url=lead.url or next((x.url for x in refs if x.url), None),
        publication_date=str(published) if published else None,
        is_retracted=any(x.is_retracted for x in refs),
        versions=tuple(dict.fromkeys(x.version for x in refs if x.version)),
        records=tuple(dict.fromkeys(x.origin for x in refs)),
    )
    return Finding(
        work=work,
        status="matched" if status == TRUE else "uncertain",
        strength="inferred" if inferred else "direct",
        reasons=tuple(reasons),
        uncertain_because=tuple(dict.fromkeys(doubts)),
    )


def _finding_order(f: Finding) -> tuple[str, tuple]:
    return (f.work.publication_date or "9999", _natural(f.work.id))


def _natural(identifier: str) -> tuple:
    """W9 before W10: ids compare by their numbers, not their spelling."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", identifier))


def _coverage(claim: Claim, evidence: Sequence[Evidence], end: dt.date | None) -> CoverageReport:
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
        return CoverageReport(
            complete=False, why="the claim's period is open-ended and no evidence says when it was retrieved"
        )
    sources = tuple(e.path for e in evidence if e.coverage.holds(ids, claim.from_, end, getattr(e, "retrieved", None)))
    period = describe_period(claim.from_, end)
    if sources:
        return CoverageReport(
            complete=True,
            sources=sources,
            why=(
                f"{', '.join(sources)} holds every work OpenAlex attributes to {claim.subject.name} "
                f"({', '.join(ids)}) published {period}"
            ),
        )
    declared = [e for e in evidence if e.coverage.complete]
    held = "; ".join(
        f"{e.path} covers {', '.join(e.coverage.institutions)} "
        f"{describe_period(e.coverage.from_, e.coverage.to or getattr(e, 'retrieved', None))}"
        for e in declared
    )
    return CoverageReport(
        complete=False, why=f"no evidence covers {claim.subject.name} ({', '.join(ids)}) {period}: {held}"
    )


def _verdict(
    claim: Claim,
    n: int,
    u: int,
    considered: int,
    coverage: CoverageReport,
    matched: list[Finding],
    uncertain: list[Finding],
) -> tuple[str, str]:
    kind, count = claim.expects.kind, claim.expects.count
    works = _count(n)
    cited = _cite(matched)
    pool = (
        f"the {_count(considered)} by {claim.subject.name} in the period"
        if considered
        else f"the evidence, which holds no work by {claim.subject.name} in the period"
    )
    maybe = f"; {u} more might ({_cite(uncertain, with_doubt=True)})" if u else ""
    if kind == "none":
        if n:
            return (
                "contradicted",
                f"{works} {'matches' if n == 1 else 'match'} although the claim expects none: {cited}.",
            )
        if u:
            return "insufficient_evidence", (
                f"No work certainly matches, but {_count(u)} might: {_cite(uncertain, with_doubt=True)}."
            )
        if coverage.complete:
            return "not_contradicted", f"No work matches among {pool}, and {coverage.why}."
        return "insufficient_evidence", f"No work matches among {pool}, but {coverage.why}."
    if kind == "at_most":
        if n > count:
            return "contradicted", f"{works} match; the claim allows at most {count}: {cited}."
        if n + u > count:
            return "insufficient_evidence", f"{works} match, within the {count} allowed{maybe}."
        if coverage.complete:
            return "not_contradicted", f"{works} match, within the {count} allowed, and {coverage.why}."
        return "insufficient_evidence", f"{works} match, within the {count} allowed, but {coverage.why}."
    # at_least
    if n >= count:
        return "supported", f"{works} match; the claim says at least {count}: {cited}."
    if coverage.complete and n + u < count:
        return "contradicted", f"Only {works.lower()} match, fewer than the {count} the claim says, and {coverage.why}."
    if coverage.complete:
        return "insufficient_evidence", f"{works} of the {count} the claim says were found{maybe}."
    return "insufficient_evidence", f"{works} of the {count} the claim says were found{maybe}, but {coverage.why}."


def _count(n: int) -> str:
    return f"{n} work" if n == 1 else f"{n} works" if n else "No works"


def _cite(findings: list[Finding], *, limit: int = 3, with_doubt: bool = False) -> str:
    parts = []
    for f in findings[:limit]:
        doubt = f", {f.uncertain_because[0]}" if with_doubt and f.uncertain_because else ""
        parts.append(f"\u201c{_short_title(f.work.title)}\u201d ({f.work.publication_date or 'undated'}{doubt})")
    more = len(findings) - limit
    return "; ".join(parts) + (f"; and {more} more" if more > 0 else "")


def _short_title(title: str, limit: int = 90) -> str:
    title = " ".join(title.split())
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "\u2026"


def _inputs(claims: ClaimSet, evidence: Sequence[Evidence]) -> Inputs:
    lists = {rl.path: rl.sha256 for f in claims.files for rl in f.lists.values()}
    topics = {t.path: t.sha256 for f in claims.files for t in f.topics.values() if t.sha256}
    return Inputs(
        claims=tuple(InputRef(path=f.path, sha256=f.sha256) for f in claims.files),
        evidence=tuple(InputRef(path=e.path, sha256=e.sha256, kind=e.kind) for e in evidence),
        lists=tuple(InputRef(path=p, sha256=h) for p, h in sorted(lists.items())),
        topics=tuple(InputRef(path=p, sha256=h) for p, h in sorted(topics.items())),
    )


# --- what the reports show beside the verdicts ------------------------------------------------


class _CountingEvidence:
    """Evidence read through a counter: the reports give the share of authorships that carry no
    institution id, the affiliations only a name in text can place."""

    def __init__(self, evidence: Evidence):
        self.evidence = evidence
        self.records = self.authorships = self.without_id = 0

    def works(self) -> Iterable[Work]:
        for work in self.evidence.works():
            self.records += 1
            self.authorships += len(work.authorships)
            for a in work.authorships:
                for inst in a.institutions:
                    if inst.id:
                        break
                else:
                    self.without_id += 1
            yield work

    def count(self) -> EvidenceCount:
        return EvidenceCount(
            path=self.evidence.path,
            records=self.records,
            authorships=self.authorships,
            authorships_without_institution_id=self.without_id,
        )


def _statement(f: ClaimFile) -> StatementRef:
    s = f.statement
    return StatementRef(
        path=f.path,
        speaker=s.speaker,
        made_on=str(s.made_on),
        quote=s.quote,
        confirmed=s.confirmed,
        note=s.note,
        sources=tuple(_source(x) for x in s.sources),
    )


def _source(src: Any) -> SourceRef:
    """A statement's or a list's source; both models share these fields."""
    return SourceRef(
        title=src.title,
        publisher=src.publisher,
        authors=tuple(getattr(src, "authors", ())),
        published=str(src.published) if src.published else None,
        url=src.url,
        retrieved=str(src.retrieved) if src.retrieved else None,
        note=src.note,
    )


def _interpretation(cc: _CompiledClaim) -> Interpretation:
    topics = tuple(
        TopicRef(
            id=t.id,
            name=t.name,
            rationale=t.rationale,
            phrases=t.phrases,
            exclude_phrases=t.exclude_phrases,
            openalex_topics=t.openalex_topics,
            path=t.path,
        )
        for t in (cc.file.topics[tid] for tid in cc.claim.works.topics())
    )
    return Interpretation(note=cc.claim.note, topics=topics, lists=tuple(cc.claim.works.list_ids()))


def _lists_used(claims: ClaimSet) -> tuple[ListRef, ...]:
    """Every list some claim uses, once, by id (one id names one list within a run)."""
    used: dict[str, ReferenceList] = {}
    for f in claims.files:
        for c in f.claims:
            for lid in c.works.list_ids():
                used.setdefault(lid, f.lists[lid])
    return tuple(
        ListRef(
            id=rl.id,
            name=rl.name,
            description=rl.description,
            path=rl.path,
            sources=tuple(_source(x) for x in rl.sources),
            entries=tuple(
                ListedInstitution(
                    id=e.id,
                    name=e.name,
                    citation=e.citation,
                    verified=e.verified,
                    listed_from=str(e.listed_from) if e.listed_from else None,
                    notes=e.notes,
                )
                for e in rl.entries
            ),
        )
        for _, rl in sorted(used.items())
    )
