"""Curated evidence: works an analyst recorded by hand (`evidence/curated/*.yaml`).

Each work has one or more versions (an arXiv preprint, a journal article), each with its date,
its authors in order with their stated affiliations, and the sources it was read from. Every
version becomes a Work; versions of one work share a `group`, so the evaluator counts the work
once. Curated evidence can contradict or support a claim, never show that nothing contradicts
one: its coverage is never complete.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import documents, ids
from .coverage import Coverage
from .errors import InputError
from .works import Authorship, Institution, Origin, PartialDate, Work

CURATED_COVERAGE = Coverage(
    complete=False,
    declared_by="curated",
    note="curated evidence is a selection of works; it never covers a period completely",
)


def read_curated(path: str | Path) -> Iterator[Work]:
    """Every version of every work in a curated file, as Works; InputError lists every problem."""
    yield from _load_curated(path)[0]


def _load_curated(path: str | Path) -> tuple[list[Work], str]:
    """The works of a curated file and the file's sha256, from one read of it."""
    doc = documents.load_yaml(path)
    problems = documents.schema_problems(doc, "curated")
    if problems:
        raise InputError(problems)
    seen: dict[str, int] = {}
    works: list[Work] = []
    for i, raw in enumerate(doc.data["works"]):
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
            works.append(_version_work(raw, version, published, Origin("curated", doc.path, doc.position(vat)[0])))
    if problems:
        raise InputError(documents.capped(problems))
    return works, doc.sha256


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
    _works: list[Work] = field(default_factory=list, repr=False)

    @classmethod
    def open(cls, path: str | Path) -> CuratedEvidence:
        works, digest = _load_curated(path)
        return cls(str(path), digest, _works=works)

    def works(self) -> Iterator[Work]:
        yield from self._works

    def describe(self) -> dict[str, Any]:
        return {"path": self.path, "kind": self.kind, "sha256": self.sha256, "coverage": self.coverage.as_json()}
