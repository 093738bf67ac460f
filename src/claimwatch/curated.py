"""Curated evidence: works and people's histories an analyst recorded by hand
(`evidence/curated/*.yaml`).

Each work has one or more versions (an arXiv preprint, a journal article), each with its date,
its authors in order with their stated affiliations, and the sources it was read from. Every
version becomes a Work; versions of one work share a `group`, so the evaluator counts the work
once. Each person under `people:` (a CV, a lab page) becomes an `AuthorRecord` whose
affiliations carry the years the sources state. Curated evidence can contradict or support a
claim, never show that nothing contradicts one: its coverage is never complete.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import documents, ids
from .coverage import AuthorCoverage, Coverage
from .errors import InputError, Problem
from .people import (
    ORCID_BLOCKS_SAID,
    ORCID_FORMS,
    AuthorRecord,
    an_isni_not_an_orcid,
    author_from_curated,
    orcid_check_digit_holds,
    orcid_form,
)
from .works import Authorship, Institution, Origin, PartialDate, Work

CURATED_COVERAGE = Coverage(
    complete=False,
    declared_by="curated",
    note="curated evidence is a selection of works; it never covers a period completely",
)
NOTHING_CURATED = "records nothing: curated evidence has 'works:', 'people:' or both"
CURATED_AUTHOR_COVERAGE = AuthorCoverage(
    declared_by="curated",
    note="curated histories are a selection of people; they never cover a subject's authors completely",
)


def read_curated(path: str | Path) -> Iterator[Work]:
    """Every version of every work in a curated file, as Works; InputError lists every problem."""
    yield from _load_curated(path).works


def read_people(path: str | Path) -> Iterator[AuthorRecord]:
    """Every person's history in a curated file, as AuthorRecords; InputError lists every problem."""
    yield from _load_curated(path).people


@dataclass(frozen=True)
class _Curated:
    works: list[Work]
    people: list[AuthorRecord]
    sha256: str


def _load_curated(path: str | Path) -> _Curated:
    """The works and people of a curated file and the file's sha256, from one read of it."""
    doc = documents.load_yaml(path)
    if wrong := documents.another_kind(doc, "curated evidence", ("works", "people")):
        raise InputError(wrong)
    problems = documents.schema_problems(doc, "curated")
    if problems:
        raise InputError(problems)
    if "works" not in doc.data and "people" not in doc.data:
        raise InputError(Problem(doc.path, 1, 1, NOTHING_CURATED))
    works = _works(doc, problems)
    people = _people(doc, problems)
    if problems:
        raise InputError(documents.capped(problems))
    return _Curated(works, people, doc.sha256)


def _works(doc: documents.Document, problems: list[Problem]) -> list[Work]:
    seen: dict[str, int] = {}
    works: list[Work] = []
    for i, raw in enumerate(doc.data.get("works", ())):
        at = ("works", i)
        if raw["id"] in seen:
            problems.append(
                doc.problem((*at, "id"), f"duplicate work id '{raw['id']}' (first at line {seen[raw['id']]})")
            )
            continue
        seen[raw["id"]] = doc.position(at)[0]
        for j, version in enumerate(raw["versions"]):
            vat = (*at, "versions", j)
            published = PartialDate.parse(version["published"])
            if published is None:
                problems.append(doc.problem((*vat, "published"), f"'{version['published']}' is not a real date"))
                continue
            authors = [((*vat, "authors", k), a) for k, a in enumerate(version["authors"])]
            unstated = _unstated_affiliations(doc, version["sources"], authors)
            if unstated:
                problems += unstated
                continue
            published = published.within_sources(_read_on(version["sources"]))
            works.append(_version_work(raw, version, published, Origin("curated", doc.path, doc.position(vat)[0])))
    return works


def _read_on(sources: list[dict[str, Any]]) -> dt.date | None:
    """The last day a version's sources were read (`retrieved`), where they say. A date wholly
    after it (an online-first article's issue date) cannot say when the version appeared, which
    was by then: it stands for any day up to it, as a record's date ahead of its record does."""
    days = [_day(source.get("retrieved")) for source in sources]
    return max((d for d in days if d is not None), default=None)


def _day(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:  # the schema refuses it first
        return None


def _unstated_affiliations(
    doc: documents.Document, sources: list[dict[str, Any]], people: list[tuple[documents.Path_, dict[str, Any]]]
) -> list[Problem]:
    """Each affiliation an author (or a person) carries that none of the affiliation texts its
    sources state holds (the same text, or a part of it), where any source states them: a typo,
    or an affiliation read from somewhere the sources do not say."""
    stated = [text for source in sources for text in source.get("affiliations", ())]
    if not stated:
        return []
    return [
        doc.problem(
            (*at, "affiliations", m, "name"),
            f"affiliation '{aff['name']}' is not among the affiliations its sources state "
            f"({'; '.join(dict.fromkeys(stated))}): write it as a source states it, or a part of it",
        )
        for at, person in people
        for m, aff in enumerate(person.get("affiliations", ()))
        if not any(aff["name"] in text for text in stated)
    ]


def _orcid_wrong(written: str) -> str | None:
    """What is wrong with a person's ORCID iD as a curated file writes it; None where it is one.
    Its forms are those a review reads (`orcid_form`: spaced as an ISNI, typeset hyphens), as
    an analyst copies an iD from a CV."""
    if isni := an_isni_not_an_orcid(written):
        return (
            f"is not an ORCID iD: {isni} is an ISNI from outside the blocks ORCID gives its iDs from "
            f"({ORCID_BLOCKS_SAID}), an organisation's or one a library gave"
        )
    short = orcid_form(written)
    if short is None:
        return f"is not an ORCID iD: {ORCID_FORMS}"
    return None if orcid_check_digit_holds(short) else "is not an ORCID iD: its check digit is wrong"


def _people(doc: documents.Document, problems: list[Problem]) -> list[AuthorRecord]:
    """Each person's history, its origin the line the person starts on."""
    seen: dict[str, int] = {}
    people: list[AuthorRecord] = []
    for i, raw in enumerate(doc.data.get("people", ())):
        at = ("people", i)
        line = doc.position(at)[0]
        if raw["id"] in seen:
            problems.append(
                doc.problem((*at, "id"), f"duplicate person id '{raw['id']}' (first at line {seen[raw['id']]})")
            )
            continue
        seen[raw["id"]] = line
        if "orcid" in raw and (wrong := _orcid_wrong(raw["orcid"])):
            said = f"{documents._describe_path((*at, 'orcid'))}{documents._shown(raw['orcid'])} {wrong}"
            problems.append(doc.problem((*at, "orcid"), said))
            continue
        if unstated := _unstated_affiliations(doc, raw["sources"], [(at, raw)]):
            problems += unstated
            continue
        people.append(author_from_curated(raw, Origin("curated", doc.path, line)))
    return people


def _version_work(raw: dict[str, Any], version: dict[str, Any], published: PartialDate, origin: Origin) -> Work:
    label = version["label"]
    doi = ids.doi(version.get("doi"))
    arxiv = version.get("arxiv")
    url = ids.doi_url(doi) or (f"https://arxiv.org/abs/{arxiv}" if arxiv else None)
    return Work(
        id=f"{raw['id']}@{ids.slug(label)}",
        title=raw["title"],
        published=published,
        authorships=tuple(_author(a, k) for k, a in enumerate(version["authors"])),
        origin=origin,
        doi=doi,
        arxiv=arxiv.split("v")[0] if arxiv else None,
        url=url,
        keywords=tuple(raw.get("keywords", ())),
        topic_ids=tuple(ids.checked(ids.openalex_id(t), t) for t in raw.get("openalex_topics", ())),
        version=label,
        group=raw["id"],
        openalex_id=ids.openalex_id(version.get("openalex")),
        sources=tuple(version["sources"]),
        abstract_text=raw.get("abstract", ""),
    )


def _author(raw: dict[str, Any], position: int) -> Authorship:
    institutions = []
    for aff in raw.get("affiliations", ()):
        own = ids.openalex_id(aff.get("openalex"))
        institutions.append(
            Institution(
                name=aff["name"],
                id=own,
                ror=ids.ror_id(aff.get("ror")),
                lineage=(own,) if own else (),
                country=aff.get("country"),
            )
        )
    return Authorship(
        name=raw["name"],
        position=position,
        institutions=tuple(institutions),
        # A stated affiliation is raw text as much as an OpenAlex raw string is.
        raw_affiliations=tuple(a["name"] for a in raw.get("affiliations", ())),
        author_id=ids.openalex_id(raw.get("openalex")),
    )


@dataclass
class CuratedEvidence:
    path: str
    sha256: str
    kind: str = "curated"
    coverage: Coverage = CURATED_COVERAGE
    retrieved: dt.date | None = None  # each version carries its own sources' dates instead
    author_coverage: AuthorCoverage = CURATED_AUTHOR_COVERAGE
    _works: list[Work] = field(default_factory=list, repr=False)
    _people: list[AuthorRecord] = field(default_factory=list, repr=False)

    @classmethod
    def open(cls, path: str | Path) -> CuratedEvidence:
        loaded = _load_curated(path)
        return cls(str(path), loaded.sha256, _works=loaded.works, _people=loaded.people)

    def works(self) -> Iterator[Work]:
        yield from self._works

    def authors(self) -> Iterator[AuthorRecord]:
        """The people's histories the file records, each with its sources."""
        yield from self._people

    @property
    def author_records(self) -> int:
        return len(self._people)

    def describe(self) -> dict[str, Any]:
        return {"path": self.path, "kind": self.kind, "sha256": self.sha256, "coverage": self.coverage.as_json()}


def shared_work_ids(sources: Iterable[CuratedEvidence]) -> list[Problem]:
    """A work id two curated files give: the evaluator reads records of one id as versions of one
    work, so two papers written under one id in two files were one work, the second's title lost
    and the two counted once. Each such id is refused at the later file's first version of it.
    The same file given twice (or a copy of it: the same sha256) is one file."""
    first: dict[str, tuple[str, Origin]] = {}  # by work id: the file's sha256, the first version's origin
    problems: list[Problem] = []
    said: set[tuple[str, str]] = set()
    owners: dict[
        str, tuple[str, Origin]
    ] = {}  # by record key (an OpenAlex id, DOI, arXiv id): its work and first version
    for source in sources:
        for work in source.works():
            group = work.group or work.id
            problems += _keys_of_another_work(work, group, owners)
            if group not in first:
                first[group] = (source.sha256, work.origin)
                continue
            sha, there = first[group]
            if sha == source.sha256 or (group, source.path) in said:
                continue
            said.add((group, source.path))
            problems.append(
                Problem(
                    work.origin.path,
                    work.origin.line,
                    1,
                    f"work id '{group}' is also given in {there}: records of one id are versions of one work, "
                    "so versions of one work go under its id in one file; give this work an id of its own",
                )
            )
    return problems


def _keys_of_another_work(work: Work, group: str, owners: dict[str, tuple[str, Origin]]) -> list[Problem]:
    """The version's OpenAlex id, DOI or arXiv id where a version of another work (another id, in
    this file or another) gave it first: records sharing one are versions of one work, so the two
    works were counted as one, the second's title lost. Refused at the later version."""
    problems = []
    for key in work.identity_keys():
        if key.startswith("group:") or key == f"id:{work.id}":
            continue
        owner, there = owners.setdefault(key, (group, work.origin))
        if owner != group:
            kind, _, value = key.partition(":")
            what = {"id": "OpenAlex record", "doi": "DOI", "arxiv": "arXiv id"}[kind]
            problems.append(
                Problem(
                    work.origin.path,
                    work.origin.line,
                    1,
                    f"{what} {value} is also given by work '{owner}' at {there}: records sharing it are versions "
                    "of one work, so one of the two is mistaken or they are one work under one id",
                )
            )
    return problems
