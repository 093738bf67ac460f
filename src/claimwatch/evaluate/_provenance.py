"""The provenance records the reports show beside the verdicts: the inputs and their hashes,
each piece of evidence and what it held, the statements, the lists and the topics the claims
read the statements by.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import TypeAdapter

from ..claims import ClaimFile, ClaimSet
from ..evidence import Evidence, JsonlEvidence
from ..lists import ReferenceList
from ..results import (
    EvidenceCount,
    EvidenceRef,
    InputRef,
    Inputs,
    Interpretation,
    ListedInstitution,
    ListRef,
    SnapshotRef,
    SourceRef,
    StatementRef,
    TopicRef,
)
from ..works import Work
from ._conditions import _CompiledClaim
from ._matchers import listing_periods


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
        archived_url=src.archived_url,
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
            doubt_phrases=t.doubt_phrases,
            openalex_topics=t.openalex_topics,
            path=t.path,
        )
        for t in (cc.file.topics[tid] for tid in cc.claim.works.topics())
    )
    return Interpretation(note=cc.claim.note, topics=topics, lists=tuple(cc.claim.list_ids()))


def _lists_used(claims: ClaimSet) -> tuple[ListRef, ...]:
    """Every list some claim uses, once, by id (one id names one list within a run)."""
    used: dict[str, ReferenceList] = {}
    for f in claims.files:
        for c in f.claims:
            for lid in c.list_ids():
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
                    listed_from_unread=e.listed_from_unread or None,
                    listed_to=str(e.listed_to) if e.listed_to else None,
                    listed_to_unread=(e.listed_to_unread or None) if e.listed_to is None else None,
                    listings=listing_periods(e),
                    notes=e.notes,
                )
                for e in rl.entries
            ),
            import_notes=_import_notes(rl),
        )
        for _, rl in sorted(used.items())
    )


def _import_notes(rl: ReferenceList) -> tuple[str, ...]:
    """The notes an importer wrote into the list (`imported.notes`), as the list file gives them."""
    notes = (rl.imported or {}).get("notes")
    return tuple(n for n in notes if isinstance(n, str)) if isinstance(notes, list) else ()


def _inputs(claims: ClaimSet, evidence: Sequence[Evidence]) -> Inputs:
    lists = {rl.path: rl.sha256 for f in claims.files for rl in f.lists.values()}
    topics = {t.path: t.sha256 for f in claims.files for t in f.topics.values() if t.sha256}
    return Inputs(
        claims=tuple(InputRef(path=f.path, sha256=f.sha256) for f in claims.files),
        evidence=tuple(InputRef(path=e.path, sha256=e.sha256, kind=e.kind) for e in evidence),
        lists=tuple(InputRef(path=p, sha256=h) for p, h in sorted(lists.items())),
        topics=tuple(InputRef(path=p, sha256=h) for p, h in sorted(topics.items())),
    )


def _evidence_ref(evidence: Evidence, current_on: dt.date | None) -> SnapshotRef | EvidenceRef:
    """A piece of evidence as its `describe()` gives it (a snapshot's names its manifest's source,
    creation time and record count too); the coverage is the evidence's own where it gives none.
    A file read directly gives the day its records were current where they say (`current_on`,
    its works' newest updated_date, or its authors' where no work gives one), as the cut-off
    worked out from it does."""
    described = {"coverage": evidence.coverage.as_json(), **evidence.describe()}
    if isinstance(evidence, JsonlEvidence) and (day := current_on or evidence.authors_current_on) is not None:
        described["as_of"] = day.isoformat()
    return _EVIDENCE_REF.validate_python(described)


_EVIDENCE_REF: TypeAdapter[SnapshotRef | EvidenceRef] = TypeAdapter(SnapshotRef | EvidenceRef)
