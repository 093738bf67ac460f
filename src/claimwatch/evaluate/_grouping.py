"""Streaming and grouping: every work of the evidence read once for all claims, and the
subjects' records grouped into works.

A record is kept only where some claim's subject has an author on it (`_Record`, small: a
check may stream millions); versions of one work (an arXiv preprint and its journal article,
or the same DOI in two sources) share an identity key and are joined into one group by a
union-find (`_RecordUnionFind`). A version with no subject author is kept as a small record
with no subject: it may be the work's first appearance, and may link two of its versions.

Records of one OpenAlex id are no versions but copies of one record at different times (an old
snapshot beside a new one, two exports in one file): the newest by `updated_date` says what the
work is now, and an older copy is set aside before it is grouped (`_copies`). Where which is
newest cannot be told, every such copy is kept, and a claim they disagree on is left uncertain
(see _verdicts).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple, TypeAlias

import orjson

from ..claims import Condition
from ..columnar import (
    DUCKDB,
    MADE_FROM,
    TABLE_FORMAT,
    UNICODE,
    WORKS_TABLE,
    AllOf,
    AnyOf,
    Anything,
    ClaimPlan,
    Dialect,
    Listed,
    ListPlan,
    OnTopic,
    Plan,
    Screening,
    ScreeningParts,
    SubjectPlan,
    Table,
    TableChecks,
    Test,
    TopicPlan,
    cached_table,
    fetch_records_by_part,
    make_cached_table,
    newest_updated,
    screen_in_parts,
    screening_query,
    search_form,
    table_rows,
)
from ..errors import InputError, Problem, SourceError
from ..evidence import WORKS_FILE, Evidence, JsonlEvidence, Snapshot
from ..results import EvidenceCount
from ..reviews import identity_keys
from ..works import Origin, PartialDate, Work, work_from_openalex
from ._conditions import _FAILS, FALSE, TRUE, UNKNOWN, Truth, _CompiledClaim, _Outcome, _Test, _WorkContext
from ._copies import NO_COPIES, Copies, Unordered
from ._matchers import TopicMatcher, _SubjectHit
from ._names import (
    _ABBREVIATIONS,
    _OTHER_READINGS,
    _WRITTEN_OUT,
    _is_cjk,
    chinese_forms,
    fold,
    in_base_letters,
    is_acronym,
    name_words,
    with_visible_forms,
)
from ._phrases import PhraseSet
from ._provenance import _CountingEvidence
from ._provinces import one_word_places

_ClaimBits: TypeAlias = int
"""A set of claims as a bit mask: bit i stands for the i-th compiled claim of the run. A work's
mask holds the claims whose subject has an author on it; a plain int, built for every work
streamed, where `|` and `>> i & 1` are cheaper than any set."""


class _Record:
    """A subject's work as kept after streaming: enough to group and date it; and to cite it
    where some claim's test did not fail. Kept small: a check may stream millions."""

    __slots__ = (
        "abstract",
        "coauthors",
        "copies",
        "corrects",
        "doubted",
        "named",
        "outcomes",
        "published",
        "ref",
        "shows",
        "source",
        "subjects",
        "unaffiliated",
        "variants",
    )

    def __init__(
        self,
        work: Work,
        subjects: _ClaimBits,
        live: dict[int, tuple[_Outcome, list[_SubjectHit]]],
        coauthors: tuple[int, ...] = (),
        named: frozenset[str] | None = None,
        corrects: _Correction | None = None,
    ):
        self.published: PartialDate | None = work.published
        self.named = named  # the identities of the record that reviews name (see _review_names)
        self.source = work.origin.path  # where the record is, for a doubt naming its copies
        # Shared by the copies of one OpenAlex record of which the newest cannot be told (_copies).
        self.copies: Unordered | None = None
        self.corrects = corrects  # where it is a curated reading of an OpenAlex record (_corrects)
        self.subjects = subjects  # the claims whose subject has an author on the work
        # By subject (see _subject_slots): the work's authors who are not that subject's; and
        # how many authors the record gives no affiliation for (never a subject's author).
        self.coauthors = coauthors
        self.unaffiliated = sum(a.is_unaffiliated for a in work.authorships)
        # By claim index: the outcome of each claim whose test did not fail, the subject's authors first.
        self.outcomes: dict[int, _Outcome] | None = {
            i: _Outcome(o.status, [*hits, *o.reasons], o.doubts, o.listings) for i, (o, hits) in live.items()
        } or None
        self.ref: _LightRef | None = _LightRef.of(work) if live else None  # set wherever outcomes are
        # The run's negated topics (see _negated_topics) the record shows, as a bit mask, those
        # it may show (its phrases beside words of another sense: `topic_doubt`), and whether it
        # gives an abstract; by (claim, what each of the claim's negated topics is taken to be),
        # each live outcome again where the work's other versions say more of them.
        self.shows, self.doubted, self.abstract = 0, 0, False
        self.variants: dict[tuple[int, tuple[Truth, ...]], _Outcome | None] | None = None

    @classmethod
    def version_only(
        cls,
        published: PartialDate | None,
        named: frozenset[str] | None = None,
        copies: Unordered | None = None,
        source: str = "",
        corrects: _Correction | None = None,
    ) -> _Record:
        """A version of a subject's work with no subject author on it: it only dates the work,
        and gives the identities reviews may name the work by; where it is one of the standing
        copies of unknown order of a record (`copies`, at `source`), the verdicts weigh it
        beside the others; where it is a curated reading of an OpenAlex record (`corrects`),
        they weigh it against that record."""
        record = cls.__new__(cls)
        record.published, record.subjects, record.outcomes, record.ref = published, 0, None, None
        record.coauthors, record.unaffiliated, record.named = (), 0, named
        record.source, record.copies, record.corrects = source, copies, corrects
        record.shows, record.doubted, record.abstract, record.variants = 0, 0, False, None
        return record

    def negated_state(self, j: int) -> Truth:
        """What the record alone shows of the run's j-th negated topic (`_WorkContext.topic_state`)."""
        if self.shows >> j & 1:
            return TRUE
        return FALSE if self.abstract and not self.doubted >> j & 1 else UNKNOWN


class _Correction(NamedTuple):
    """A curated version that names its OpenAlex record (`openalex: W…`): the analyst's reading
    of that very record's sources, where (`origin`) it is written, and the names of the authors it
    gives (paired with the record's by name: `_pairing`); and the claims its authors' affiliations
    do not meet, its topics taken as each claim needs them (`_CompiledClaim.by_affiliations`), of
    those whose subject has an author on it."""

    openalex_id: str
    origin: str
    authors: tuple[str, ...]
    unmet: _ClaimBits = 0


def _corrects(work: Work) -> _Correction | None:
    """The version as a reading that may dispute its record: only where it says where every
    author it gives was. One with no affiliation stated (a table of contents, a bibliography)
    says nothing of where that author was, so it disputes nothing: silence is no disagreement."""
    if work.origin.kind != "curated" or not work.openalex_id:
        return None
    if any(a.is_unaffiliated for a in work.authorships):
        return None
    return _Correction(work.openalex_id, str(work.origin), _author_names(work))


def _fails(outcome: _Outcome | None) -> bool:
    return outcome is _FAILS or outcome.status == FALSE


def _review_names(work: Work, reviewed: frozenset[str], *, by_id_only: bool = False) -> frozenset[str] | None:
    """Which of the identities reviews name (`reviews.work_key`'s spelling) name this record: a
    review matches a finding where it names any record of the finding's work. An older copy set
    aside names it by its id alone: the DOI it gave may be another work's now. A curated version
    that names its OpenAlex record (`openalex: W…`) is that record, so the record's id names it
    too, as a review kept with the record it was made on does (`ReviewEntry.record`)."""
    if not reviewed:
        return None
    if by_id_only:
        return reviewed.intersection(identity_keys(work.group or work.id, None, None)) or None
    keys = identity_keys(work.group or work.id, work.doi, work.arxiv)
    if work.openalex_id:
        keys.add(work.openalex_id)
    return reviewed.intersection(keys) or None


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
    authors: tuple[str, ...]  # their names, which a curated reading of it pairs with its own (_curated_disagrees)

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
            _author_names(work),
        )


def _author_names(work: Work) -> tuple[str, ...]:
    return tuple(a.name for a in work.authorships)


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
        if self._is_shown_date:
            return str(self.shown)
        return f"by {self.latest}" if self.earliest == dt.date.min else f"{self.earliest} to {self.latest}"

    def describe(self) -> str:
        """For a sentence: the shown date says how its source wrote it (see PartialDate.describe);
        a first day no version bounds says which version's date leaves it open."""
        if self._is_shown_date:
            return self.shown.describe()
        if self.earliest == dt.date.min and self.shown.ahead_of is not None:
            return (
                f"{self} (a version's date {self.shown} is after {self.shown.ahead_of}, {self.shown.ahead_basis}: "
                "it may have appeared on any day before)"
            )
        return str(self)

    @property
    def _is_shown_date(self) -> bool:
        return (self.shown.earliest, self.shown.latest) == (self.earliest, self.latest)


class _RecordUnionFind:
    """The subjects' records, grouped into works as they arrive: records that share an identity
    key (an OpenAlex id, a DOI, an arXiv id, a curated work) are versions of one work.

    A union-find (disjoint-set forest): `_parent[i]` leads from record i towards its group's
    root, a key's first record owns it, and a record with a key already owned joins the owner's
    group. Paths are halved as they are walked, which keeps the trees shallow. A record with no
    subject author is in it too (`_Record.version_only`): it dates the work and may link two of its
    versions (an article and its preprint through a record that has both ids), whichever comes
    first; a group of such records alone is no work of a subject's, and the verdicts pass it by.
    """

    def __init__(self) -> None:
        self.records: list[_Record] = []
        self._parent: list[int] = []
        # hash() is stable within a process, which is all grouping needs; ids stay in the refs.
        self._owner: dict[int, int] = {}

    def add(self, record: _Record, keys: Iterable[str]) -> None:
        i = self._append(record)
        for key in map(hash, keys):
            other = self._owner.setdefault(key, i)
            if other != i:
                self._parent[self._root(i)] = self._root(other)

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
        """Each work's records, once: each is let go of as it is handed on, so that a large
        check does not hold every record beside the findings made of them. Most works have one
        record, and those are not gathered into lists first."""
        self._owner.clear()
        parent = self._parent
        with_versions: set[int] = set()
        for i in range(len(parent)):
            root = self._root(i)
            if root != i:
                parent[i] = root
                with_versions.add(root)
        records: list[_Record | None]
        records, self.records = self.records, []  # type: ignore[assignment]
        merged: dict[int, list[_Record]] = defaultdict(list)
        for i, record in enumerate(records):
            assert record is not None
            records[i] = None
            if parent[i] == i and i not in with_versions:
                yield [record]
            else:
                merged[parent[i]].append(record)
            del record
        for root in list(merged):
            yield merged.pop(root)


def _doubted(outcome: _Outcome, hits: list[_SubjectHit]) -> _Outcome:
    """A work whose every subject author rests on an alias the record cannot place in the
    subject's country may not be the subject's: what it shows is uncertain."""
    if outcome.status != TRUE or not all(h.doubt for h in hits):
        return outcome
    doubts = [f"author {h.authorship.position + 1} ({h.authorship.name}): {h.doubt}" for h in hits if h.doubt]
    return _Outcome(UNKNOWN, outcome.reasons, [*outcome.doubts, *doubts], outcome.listings)


def _subject_slots(compiled: list[_CompiledClaim]) -> list[int]:
    """For each claim, the slot of its subject among the run's distinct subjects (usually one)."""
    slots: dict[int, int] = {}
    return [slots.setdefault(id(cc.subject), len(slots)) for cc in compiled]


def _coauthorships(work: Work, hits: list[_SubjectHit]) -> int:
    """The work's authors who are not the subject's. Where the subject's only sign is an
    institution Crossref put among the authors (`interleaved_institutions`), no author is the
    subject's: that "author" is no authorship, and takes none away."""
    if not work.interleaved_institutions:
        return len(work.authorships) - len(hits)
    interleaved = {id(a) for a in work.interleaved_institutions}
    return len(work.authorships) - sum(id(h.authorship) not in interleaved for h in hits)


_EVERY_TEST = -1  # a bit mask with every claim's bit set


def _stream(
    compiled: list[_CompiledClaim],
    sources: Iterable[Iterable[tuple[Work, _ClaimBits]]],
    reviewed: frozenset[str] = frozenset(),
    copies: Copies = NO_COPIES,
) -> _RecordUnionFind:
    """Every work of every source through the claims' tests, once; the subjects' records grouped.
    Each work comes with the claims whose tests it is run through (`_EVERY_TEST`, or those the
    columnar engine's query could not rule out: a test it rules out fails on the work). Each
    record keeps which of the identities in `reviewed` (the works reviews name) name it.

    An older copy of a record given newer (`copies`) is set aside first: it adds nothing, not
    even the keys that would join other records to it, but a review naming it still names the
    work (by the id its newer copy has too)."""
    works = _RecordUnionFind()
    plan = [(1 << i, i, cc.subject, cc.claim.from_, cc.test) for i, cc in enumerate(compiled)]
    by_affiliations = [cc.by_affiliations for cc in compiled]
    negated, by_claim = _negated_topics(compiled)
    slots = _subject_slots(compiled)
    n_slots = max(slots, default=-1) + 1
    for source in sources:
        for work, tests in source:
            if not copies.stands(work):
                copies.set_aside[work.origin.path] += 1  # a review still names the work by its id
                named_by_id = _review_names(work, reviewed, by_id_only=True)
                works.add(_Record.version_only(None, named_by_id), work.identity_keys()[:1])
                continue
            work = copies.dated(work)
            ctx = _WorkContext(work)
            subjects: _ClaimBits = 0
            live: dict[int, tuple[_Outcome, list[_SubjectHit]]] = {}
            coauthors: list[int] | None = None
            published = work.published
            variants: dict[tuple[int, tuple[Truth, ...]], _Outcome | None] = {}
            correction = _corrects(work)
            unmet: _ClaimBits = 0
            for bit, i, subject, start, test in plan:
                hits = ctx.subject_hits(subject)
                if not hits:
                    continue
                subjects |= bit
                if coauthors is None:
                    coauthors = [0] * n_slots
                coauthors[slots[i]] = _coauthorships(work, hits)
                if correction is not None and _fails(by_affiliations[i](ctx, hits)):
                    unmet |= bit
                # A version published before the period keeps its whole work out of it: no tests.
                if start and published and published.latest < start:
                    continue
                if not tests & bit:
                    continue
                outcome = test(ctx, hits)
                if outcome is not _FAILS and outcome.status != FALSE:
                    live[i] = (_doubted(outcome, hits), hits)
                    if by_claim[i]:
                        variants.update(_variants(ctx, test, hits, i, [negated[j] for j in by_claim[i]]))
            named = _review_names(work, reviewed)
            unordered = copies.unordered(work)
            # Copies that differ in their DOI or arXiv id join no record but by their id.
            keys = work.identity_keys()[:1] if unordered and unordered.keys_differ else work.identity_keys()
            if correction is not None:
                correction = correction._replace(unmet=unmet)
            if subjects:
                record = _Record(work, subjects, live, tuple(coauthors or ()), named, correction)
                record.copies = unordered
                record.variants = variants or None
            else:
                record = _Record.version_only(work.published, named, unordered, work.origin.path, correction)
            if negated:  # every version's, the subject's or not: a topic is the work's
                states = [ctx.topic_state(m) if ctx.topic_reasons(m) or ctx.topic_doubt(m) else FALSE for m in negated]
                record.shows = sum(1 << j for j, s in enumerate(states) if s == TRUE)
                record.doubted = sum(1 << j for j, s in enumerate(states) if s == UNKNOWN)
                record.abstract = ctx.has_abstract()
            works.add(record, keys)
    return works


def _negated_topics(compiled: list[_CompiledClaim]) -> tuple[list[TopicMatcher], list[tuple[int, ...]]]:
    """The topics some claim tests under a `not:`, each once; and each claim's, by their index."""
    index: dict[int, int] = {}
    matchers: list[TopicMatcher] = []
    by_claim = []
    for cc in compiled:
        for m in cc.negated:
            if id(m) not in index:
                index[id(m)] = len(matchers)
                matchers.append(m)
        by_claim.append(tuple(index[id(m)] for m in cc.negated))
    return matchers, by_claim


# A claim testing more negated topics than this keeps no outcomes for their other values (3 ** 4
# a live record at most): where the work's other versions say more of them, it is uncertain.
MOST_NEGATED_TOPICS = 4


def _variants(
    ctx: _WorkContext, test: _Test, hits: list[_SubjectHit], claim: int, matchers: list[TopicMatcher]
) -> dict[tuple[int, tuple[Truth, ...]], _Outcome | None]:
    """A live outcome again for every value the work's other versions may give the claim's
    negated topics (`_verdicts._negated_states`): TRUE where one shows the topic, FALSE where one
    gives an abstract without it, UNKNOWN where copies of unknown order disagree on it. A topic
    the record shows holds whatever the others show. None where the outcome then fails."""
    if len(matchers) > MOST_NEGATED_TOPICS:
        return {}
    own = tuple(ctx.topic_state(m) for m in matchers)
    out: dict[tuple[int, tuple[Truth, ...]], _Outcome | None] = {}
    for states in itertools.product(*(((TRUE,) if s == TRUE else (UNKNOWN, FALSE, TRUE)) for s in own)):
        if states == own:
            continue
        ctx.forced = {id(m): s for m, s in zip(matchers, states, strict=True)}
        try:
            o = test(ctx, hits)
        finally:
            ctx.forced = None
        if o is _FAILS or o.status == FALSE:
            out[(claim, states)] = None
        else:
            o = _doubted(o, hits)
            out[(claim, states)] = _Outcome(o.status, [*hits, *o.reasons], o.doubts, o.listings)
    return out


# --- the columnar engine -------------------------------------------------------------------------
#
# The same stream over far fewer works. One SQL query (columnar/_sql.py) screens every work of
# the evidence's tables for every claim; only its candidates are read here, through the same
# reading of records and the same tests as above, and grouped with the works of evidence that has
# no table (curated files). For the works it rules out, the query sums what they add to the
# tallies and the evidence counts, which `evaluate` adds to what the stream gives.
#
# The plan it runs holds the claims' identifiers as they are, and their names and phrases as
# needles: text a record must hold for the matchers to find the name or phrase in it. Each
# needle follows from how the matchers read text (see _name_needles, _topic_words), so the query
# can only let through more than the matchers find, never less.

ENGINES = ("auto", "python", "duckdb", "spark")


class _Columnar(NamedTuple):
    """The columnar stream and what the query counted beside it: per claim, the tallies of the
    works it ruled out (considered, coauthorships, unaffiliated, works with one unaffiliated);
    per piece of evidence, its counts (a table's from the query, other evidence's as read)."""

    works: _RecordUnionFind
    tallies: list[list[int]]
    counts: list[Callable[[], EvidenceCount]]


def _choose_engine(engine: str, evidence: Sequence[Evidence], cache: Path) -> list[Table | None] | None:
    """The tables the columnar engine reads (None for evidence read here), or None where the
    check runs on the Python engine: asked for, or "auto" where some evidence has no table yet
    (making one takes longer than reading the records once)."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: one of {', '.join(ENGINES)}")
    if engine == "python":
        return None
    tables = [_table_of(e, cache, make=engine in ("duckdb", "spark"), evidence=evidence) for e in evidence]
    if engine == "auto" and (
        not any(tables) or any(t is None and _data_sha256(e) for e, t in zip(evidence, tables, strict=True))
    ):
        return None
    return tables


def _data_sha256(e: Evidence) -> str | None:
    """The sha256 of the records a table would be made from; None for evidence read as it is."""
    if isinstance(e, Snapshot):
        digest: str = e.manifest.files[WORKS_FILE]["sha256"]
        return digest
    if isinstance(e, JsonlEvidence):
        return e.sha256
    return None


def own_table_unread(e: Snapshot) -> str | None:
    """Why the works table a snapshot's manifest lists is not read, in words; None where it is
    read, or where the manifest lists none (a snapshot made before tables). Such a snapshot is
    read as one without a table: its records, or a copy made into the cache."""
    entry = e.manifest.files.get(WORKS_TABLE)
    if not isinstance(entry, dict):
        return None
    if entry.get("table_format") != TABLE_FORMAT or entry.get("unicode") != UNICODE:
        # Search forms made under another Unicode version are as another format's columns.
        return "its works table was made by an earlier claimwatch (another table format)"
    if not isinstance(entry.get("sha256"), str) or entry.get(MADE_FROM) is None:
        return "its works table does not say which works file it was made from (made by an earlier claimwatch)"
    if entry.get(MADE_FROM) != _data_sha256(e):
        # A works file edited by hand and given its new sha256 in the manifest leaves the table
        # holding the old records.
        return "its works table was made from another works file than the one its manifest lists"
    if not (Path(e.path) / WORKS_TABLE).is_file():
        # A copy of the snapshot without it (left out as derived, too large to share): the
        # records are whole and checked.
        return "its works table is not there"
    return None


def tables_unread(evidence: Sequence[Evidence]) -> list[str]:
    """One line for each snapshot whose own works table is not read, naming it and why: the
    DuckDB engine reads its records instead (auto), or a copy it makes into the cache."""
    return [
        f"{e.path}: {why}: read from its records"
        for e in evidence
        if isinstance(e, Snapshot) and (why := own_table_unread(e))
    ]


def _table_of(e: Evidence, cache: Path, *, make: bool, evidence: Sequence[Evidence]) -> Table | None:
    """The snapshot's own table where its manifest lists one of this format, made from the works
    file it lists, and it is there; else one made earlier into the cache; else, where `make`, one
    made now."""
    entry = e.manifest.files.get(WORKS_TABLE) if isinstance(e, Snapshot) else None
    if isinstance(e, Snapshot) and isinstance(entry, dict) and own_table_unread(e) is None:
        return Table(Path(e.path) / WORKS_TABLE, entry["sha256"])
    digest = _data_sha256(e)
    if digest is None:
        return None
    found = cached_table(cache, digest)
    if found is not None or not make:
        return found
    _refuse_cache_in_inputs(cache, evidence)
    return make_cached_table(cache, digest, _records_of(e), e.path)


def _refuse_cache_in_inputs(cache: Path, evidence: Sequence[Evidence]) -> None:
    """Inputs are never written to: the cache may not be a snapshot's folder, or inside one."""
    where = cache.resolve()
    for e in evidence:
        folder = Path(e.path).resolve()
        if folder.is_dir() and (where == folder or folder in where.parents):
            message = f"is inside the snapshot {e.path}: nothing is ever written into evidence (choose another cache)"
            raise InputError(Problem(str(cache), 0, 0, message))


def _records_of(e: Evidence) -> Iterator[tuple[int, bytes]]:
    """(line, JSON text) of each work record, read and checked as the Python engine reads them
    (of a file that holds author records too, its works and no more)."""
    assert isinstance(e, (Snapshot, JsonlEvidence))  # the evidence `_data_sha256` gives a digest for
    return e.work_texts()


def _origin_path(e: Evidence) -> str:
    """The path a record of the evidence is cited by, as the Python engine cites it."""
    return str(Path(e.path) / WORKS_FILE) if isinstance(e, Snapshot) else e.path


class _Runner(NamedTuple):
    """Where the screening query runs: its dialect, running it (the plan, the tables, the day
    each one's records were current, how many claims, and what to call as the query ends), and
    fetching candidates."""

    dialect: Dialect
    screen: Callable[[Plan, Sequence[str], Sequence[dt.date | None], int, Callable[[], None]], ScreeningParts]
    fetch: Callable[[str, Iterable[Sequence[int]], Callable[[], None]], Iterator[tuple[int, str]]]


def _runner(engine: str, spark_master: str | None, tables: Sequence[Table | None] = ()) -> _Runner:
    """DuckDB on this machine, the query run a part of the tables at a time while the candidates
    of the parts done are judged; or Spark (`--engine spark`), local or on a cluster, the same
    query in its dialect, whole, and the same exact matchers here on the candidates it returns."""
    if engine != "spark":
        return _Runner(DUCKDB, screen_in_parts, fetch_records_by_part)
    from ..columnar._spark import SPARK, fetch_records_spark, screen_spark, spark_session, table_location

    for t in tables:  # a path Spark cannot read is said before its session takes 10 to 20 s to start
        if t is not None:
            table_location(str(t.path))
    session = spark_session(spark_master)
    return _Runner(
        SPARK,
        functools.partial(_screen_on, screen_spark, session, SPARK),
        functools.partial(_fetch_on, fetch_records_spark, session),
    )


def _screen_on(
    run: Callable[..., Screening],
    session: object,
    dialect: Dialect,
    plan: Plan,
    sources: Sequence[str],
    current_on: Sequence[dt.date | None],
    claims: int,
    on_done: Callable[[], None],
) -> ScreeningParts:
    """The whole query run at once on `session`, every row of each table checked screened."""
    screening = run(screening_query(plan, sources, dialect, current_on), len(sources), claims, session)
    _every_row_screened(sources, screening)
    on_done()
    return ScreeningParts.whole(screening)


def _fetch_on(
    run: Callable[..., Iterator[tuple[int, str]]],
    session: object,
    table: str,
    parts: Iterable[Sequence[int]],
    wake: Callable[[], None],
) -> Iterator[tuple[int, str]]:
    # The whole screening is in (one part): nothing waits to wake.
    return run(table, [ordinal for part in parts for ordinal in part], session)


def _stream_columnar(
    compiled: list[_CompiledClaim],
    evidence: Sequence[Evidence],
    tables: list[Table | None],
    as_of: dt.date | None,
    runner: _Runner | None = None,
    checks: TableChecks | None = None,
    reviewed: frozenset[str] = frozenset(),
    copies: Copies = NO_COPIES,
    current_on: Sequence[dt.date | None] | None = None,
) -> _Columnar:
    """The query's candidates and the evidence without a table through `_stream`, with what the
    query counted for the rest. Every table is checked against its sha256 first (by `checks`,
    where the caller started them earlier: `start_table_checks`). `current_on`: the day each
    evidence's records were current (`records_current_on`), where the caller has them."""
    runner = runner or _runner("duckdb", None)
    outside = [e for e, t in zip(evidence, tables, strict=True) if t is None]
    outside_keys = sorted({k for e in outside for w in e.works() for k in w.identity_keys()})
    plan = _plan(compiled, as_of, tuple(outside_keys))
    present = [t for t in tables if t is not None]
    days = current_on if current_on is not None else records_current_on_each(evidence, tables)
    tables_days = [day for day, t in zip(days, tables, strict=True) if t is not None]
    checks = checks or start_table_checks(evidence, tables)
    checks.wait()
    # The works files are hashed once the query is done, while the candidates are judged.
    parts = (
        runner.screen(plan, [str(t.path) for t in present], tables_days, len(compiled), checks.query_done)
        if present
        else ScreeningParts.whole(Screening([], [], [[0] * 4 for _ in compiled]))
    )
    streams: list[Iterable[tuple[Work, _ClaimBits]]] = []
    counted: list[_CountingEvidence | None] = []  # the evidence without a table, read and counted
    try:
        k = 0
        for e, t in zip(evidence, tables, strict=True):
            if t is None:
                read = _CountingEvidence(e)
                counted.append(read)
                streams.append(_every_test(read.works()))
                continue
            counted.append(None)
            streams.append(_candidate_works(e, t, parts, k, runner.fetch, tables_days[k]))
            k += 1
        # Every version of a work is a candidate (it shares a key), so reviews see all its records.
        works = _stream(compiled, streams, reviewed, copies)
        screening = parts.result()
    finally:
        for stream in streams:  # on an error, each table's fetching thread ended now (see below)
            if isinstance(stream, Generator):
                stream.close()
        parts.close()
    counts: list[Callable[[], EvidenceCount]] = []
    k = 0
    for e, c in zip(evidence, counted, strict=True):
        if c is not None:
            counts.append(c.count)
            continue
        records, authorships, without_id = screening.counts[k]
        count = EvidenceCount(
            path=e.path, records=records, authorships=authorships, authorships_without_institution_id=without_id
        )
        counts.append(functools.partial(_same, count))
        k += 1
    return _Columnar(works, screening.tallies, counts)


def _every_row_screened(tables: Sequence[str], screening: Screening) -> None:
    """Each table screened whole, as this machine checked it. Spark's workers read the tables
    themselves: a session that skips a file it cannot read (spark.sql.files.ignoreMissingFiles or
    ignoreCorruptFiles, as data-lake jobs often set) screened none of a table its workers did not
    find at this machine's path, and one reading another file there (an older copy on a worker's
    own disk) other works; either way the check counted what it was not given, in silence."""
    for k, table in enumerate(tables):
        screened, rows = screening.counts[k][0], table_rows(table)
        if screened != rows:
            raise SourceError(
                f"{table}: the Spark query read {screened} of its {rows} rows: every worker must read this same "
                "file at this path (a file system they share), and the session must not skip files it cannot "
                "read (spark.sql.files.ignoreMissingFiles, ignoreCorruptFiles)"
            )


def records_current_on_each(
    evidence: Sequence[Evidence], tables: Sequence[Table | None] | None
) -> list[dt.date | None]:
    """`records_current_on` of each piece of evidence, asked once a run: the default as-of, the
    copies and the query all read it."""
    return [records_current_on(e, tables[k] if tables is not None else None) for k, e in enumerate(evidence)]


def records_current_on(e: Evidence, table: Table | None) -> dt.date | None:
    """The day a piece of evidence's records were current, by which a date after it is read
    (`Work.within_record`): a snapshot's as-of; a file read directly, its records' newest
    `updated_date` (asked of its table where it has one, as `JsonlEvidence` reads it);
    curated evidence, none."""
    if isinstance(e, JsonlEvidence):
        return newest_updated(str(table.path)) if table is not None else e.records_current_on
    if isinstance(e, Snapshot):
        return e.records_current_on  # its as-of, or where that is its subjects' alone, its records' day
    return None  # curated evidence states its dates: none is ahead of anything


def start_table_checks(evidence: Sequence[Evidence], tables: list[Table | None]) -> TableChecks:
    """Each table checked against its sha256, on a thread of its own from now on; then the works
    file of each snapshot whose table is read in its place, which the engine reads no byte of,
    so that a damaged snapshot is refused by every engine alike."""
    read = [(e, t) for e, t in zip(evidence, tables, strict=True) if t is not None]
    return TableChecks(
        [(t, f"made from {e.path}") for e, t in read],
        [e.checked_file(WORKS_FILE) for e, _ in read if isinstance(e, Snapshot)],
    )


def with_set_aside(
    counts: Iterable[EvidenceCount], evidence: Sequence[Evidence], copies: Copies
) -> tuple[EvidenceCount, ...]:
    """Each piece of evidence's count with the older copies of records set aside from it."""
    left = Counter(copies.set_aside)
    return tuple(
        c.model_copy(update={"superseded": n}) if (n := left.pop(_origin_path(e), 0)) else c
        for c, e in zip(counts, evidence, strict=True)
    )


def _same(count: EvidenceCount) -> EvidenceCount:
    return count


def _every_test(works: Iterable[Work]) -> Iterator[tuple[Work, _ClaimBits]]:
    return ((work, _EVERY_TEST) for work in works)


def _candidate_works(
    e: Evidence,
    table: Table,
    parts: ScreeningParts,
    k: int,
    fetch: Callable[[str, Iterable[Sequence[int]], Callable[[], None]], Iterator[tuple[int, str]]] = (
        fetch_records_by_part
    ),
    current_on: dt.date | None = None,
) -> Iterator[tuple[Work, int]]:
    """The candidates of table `k` of the screening, as works with their tests, as its parts come
    (their ordinals read by the thread fetching their records, their tests here)."""
    path = _origin_path(e)
    fetched = fetch(str(table.path), parts.ordinals(k), parts.close)
    try:
        for (line, text), (_, tests) in zip(fetched, parts.candidates(k), strict=True):
            work = work_from_openalex(orjson.loads(text), Origin("snapshot", path, line))
            yield work.within_record(current_on), tests  # dated as the query dated it
    finally:
        # Its reader thread ended now, on an error too: the error's traceback keeps this frame.
        if isinstance(fetched, Generator):
            fetched.close()


# --- the plan ------------------------------------------------------------------------------------


def _plan(compiled: list[_CompiledClaim], as_of: dt.date | None, outside_keys: tuple[str, ...]) -> Plan:
    """The run's claims as the query's plan: subjects by their slot, lists and topics by matcher."""
    slots = _subject_slots(compiled)
    subjects: dict[int, SubjectPlan] = {}
    lists: dict[int, int] = {}
    topics: dict[int, int] = {}
    list_plans: list[ListPlan] = []
    topic_plans: list[TopicPlan] = []
    for cc, slot in zip(compiled, slots, strict=True):
        s = cc.subject
        subjects.setdefault(slot, SubjectPlan(_sorted(s.ids), _sorted(s.rors), _name_needles(s.subject.names)))
        for m in cc.lists.values():
            if id(m) not in lists:
                lists[id(m)] = len(list_plans)
                names = (n for _, n in (*m.registered, *m.related_registered))
                list_plans.append(ListPlan(_sorted(m.by_openalex), _sorted(m.by_ror), _name_needles(names)))
        for t in cc.topics.values():
            if id(t) not in topics:
                topics[id(t)] = len(topic_plans)
                topic_plans.append(TopicPlan(_topic_words(t.phrases), _sorted(t.topic_ids)))
    claims = tuple(
        ClaimPlan(slot, cc.claim.from_, cc.claim.to or as_of, _test_plan(cc, cc.claim.works, slot, lists, topics))
        for cc, slot in zip(compiled, slots, strict=True)
    )
    return Plan(
        tuple(subjects[n] for n in range(len(subjects))), tuple(list_plans), tuple(topic_plans), claims, outside_keys
    )


def _sorted(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(values))


def _test_plan(cc: _CompiledClaim, cond: Condition, slot: int, lists: dict[int, int], topics: dict[int, int]) -> Test:
    """The condition as `_CompiledClaim._compile` compiles it, each part reduced to what the query
    can test: list and topic tests widened (listing dates, exclusions and places left to the
    matchers), a `not:` never ruled out, an empty condition (a claim about people) never met."""
    parts: list[Test] = []
    for list_ids, same_author in ((cond.coauthor_in, False), (cond.affiliated_author_in, True)):
        if list_ids:
            indexes = tuple(lists[id(cc.lists[i])] for i in list_ids)
            parts.append(Listed(indexes, slot if same_author else None))
    parts += [_test_plan(cc, c, slot, lists, topics) for c in cond.all]
    if cond.any:
        parts.append(AnyOf(tuple(_test_plan(cc, c, slot, lists, topics) for c in cond.any)))
    if cond.not_:
        parts.append(Anything())
    if cond.topic:
        parts.append(OnTopic(topics[id(cc.topics[cond.topic])]))
    if not parts:
        return AnyOf(())
    return parts[0] if len(parts) == 1 else AllOf(tuple(parts))


# Words of institution names that say little about which one a string names: the needle of a
# name is another of its words where it has one (any word would do; a telling one lets fewer
# strings through).
_COMMON_NAME_WORDS = frozenset(_ABBREVIATIONS.values()) | frozenset(
    {"of", "for", "the", "research", "center", "centre", "college", "school", "laboratory", "key", "state"}
)
# Places (countries, regions, China's provinces and larger cities): affiliations write addresses,
# so "beijing" or "china" is in a great many texts of other institutions; a word of the name's
# own, where it has one, is a better needle ("Electronics" of "China Electronics Corporation").
_PLACE_WORDS = one_word_places()
# A needle shorter than this is inside countless words: "se", which reads as "southeast" ("SE
# Univ"), is in every "research", and the real ASPI tracker's "Southeast University" let through
# nearly every work; "nw", "ne", "xi" (of "Xi'an") alike.
_SHORTEST_TELLING_NEEDLE = 4


def _needle_word_rank(word: str) -> tuple[bool, bool, bool, int]:
    """How telling a name word is as a needle, higher better: its every spelling long enough to
    be rare inside other words, then not a common word of names, not a place, then its shortest
    spelling's length."""
    shortest = min(map(len, _spellings(word)))
    return shortest >= _SHORTEST_TELLING_NEEDLE, word not in _COMMON_NAME_WORDS, word not in _PLACE_WORDS, shortest


def _name_needles(names: Iterable[str]) -> tuple[str, ...]:
    """For each name, what an affiliation's search form must hold for `NameMatcher` to find it:

    - a Chinese name is found as a substring of the text's NFKC form, in either script
      (`chinese_forms`), so the search form of one of its forms is a substring of the text's
      (of a line of it: one holding a zero-width space or a soft hyphen has two);
    - an acronym is found as a word of the text as written, so in lower case it is a substring
      of the search form;
    - any other name is found where each of its words (`name_words(fold(name))`) is a word of
      the folded text, and a word of the folded text is a substring of the search form
      (`fold` lower-cases and decomposes as `search_form` does, then cuts at punctuation); a
      text word reads as a name word where it is that word or an abbreviation of it, so one
      word of the name, in each of its spellings, is a needle; never an "of" or a "for" inside
      the name, which Web of Science's forms leave out ("Harbin Inst Technol" is found too), nor
      a "the", which a name is found without (`_names._folded_forms`); and the word with the
      letters folding keeps as their base letters (`in_base_letters`: "łodz" and "lodz"), as the
      name is sought so too.

    But for a Greek sigma: lower-cased apart from the text, a needle may hold ς where the text's
    search form holds σ, or the other way round, and the query takes either there
    (`needle_pattern` in columnar/_sql.py).
    """
    out: set[str] = set()
    for _, name in with_visible_forms(("", n) for n in names):  # as `NameMatcher` registers them
        if _is_cjk(name):
            # A form holding a character that shows nothing ("军事\u00ad医学") has a search form of
            # two lines, as written and read through it: each is a needle, never the two joined.
            forms = chinese_forms(unicodedata.normalize("NFKC", name))
            out.update(line for form, _ in forms for line in search_form(form).split("\n"))
        elif is_acronym(name):
            out.add(name.lower())
        elif words := [w for w in name_words(fold(name)) if w not in ("of", "for", "the")] or name_words(fold(name)):
            word = max(words, key=_needle_word_rank)
            # A name beginning with "PLA" is sought with the army's name written out too
            # (`_names._with_the_army_written_out`), which holds no "pla".
            out.update(_spellings("liberation" if word == "pla" else word))
            out.update(_spellings(in_base_letters(word)))  # as a name is found too (`_folded_forms`)
    return tuple(sorted(out))


def _spellings(word: str) -> set[str]:
    """A name word and the abbreviations that read as it ("university", "univ"; "technological",
    "technol", `_names._OTHER_READINGS`)."""
    return {
        word,
        *(short for short, full in _WRITTEN_OUT.items() if full == word),
        *(short for short, others in _OTHER_READINGS.items() if word in others),
    }


_PLAIN = re.compile(r"[^\W_]+")


def _topic_words(phrases: PhraseSet) -> tuple[str, ...]:
    """The words one of which a text must hold for `PhraseSet.might_match` to let it through
    (its candidate words; the table's words include the joined short words it tries too); the
    matchers look for a phrase only where it does. Candidates that are no single plain word
    can equal none of a text's words."""
    if not phrases.phrases:
        return ()
    return tuple(sorted(w for w in phrases._candidates if _PLAIN.fullmatch(w)))
