"""The one way the evaluator reads any evidence (snapshot, curated file or JSONL) as a stream."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ..coverage import Coverage
from ..curated import CuratedEvidence
from ..errors import InputError, Problem
from ..works import Origin, Work, work_from_openalex
from ._records import _file_sha256, parse_record, read_lines
from ._snapshot import MANIFEST, Snapshot


class Evidence(Protocol):
    """Anything the evaluator can read works from."""

    @property
    def path(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def sha256(self) -> str: ...

    @property
    def coverage(self) -> Coverage: ...

    @property
    def retrieved(self) -> dt.date | None:
        """When the records were current, where the evidence knows it."""

    def works(self) -> Iterator[Work]: ...

    def describe(self) -> dict[str, Any]: ...


JSONL_COVERAGE = Coverage(declared_by="nobody", note="JSONL read directly; no coverage declared")


@dataclass
class JsonlEvidence:
    """OpenAlex work records in a JSONL file read directly: coverage is never complete."""

    path: str
    sha256: str
    kind: str = "jsonl"
    coverage: Coverage = JSONL_COVERAGE
    retrieved: dt.date | None = None  # a bare file does not say when its records were current

    @classmethod
    def open(cls, path: str | Path) -> JsonlEvidence:
        return cls(str(path), _file_sha256(Path(path)))

    def works(self) -> Iterator[Work]:
        for n, line in read_lines(Path(self.path)):
            record = parse_record(line, self.path, n)
            if record is not None:
                yield work_from_openalex(record, Origin("snapshot", self.path, n))

    def describe(self) -> dict[str, Any]:
        return {"path": self.path, "kind": self.kind, "sha256": self.sha256, "coverage": self.coverage.as_json()}


def open_evidence(path: str | Path) -> Evidence:
    """A snapshot folder, a curated YAML file, or an OpenAlex JSONL(.gz) file."""

    p = Path(path)
    if p.is_dir():
        return Snapshot.open(p)
    if not p.exists():
        raise InputError(Problem(str(p), 0, 0, "no such file or folder"))
    if p.suffix in (".yaml", ".yml"):
        return CuratedEvidence.open(p)
    if p.name.endswith((".jsonl", ".jsonl.gz", ".json.gz", ".ndjson")):
        return JsonlEvidence.open(p)
    raise InputError(
        Problem(str(p), 0, 0, "not evidence: expected a snapshot folder, a curated .yaml file or a .jsonl[.gz] file")
    )


def summarise(evidence: Evidence) -> dict[str, Any]:
    """Counts, date range and the share of authorships with no institution id."""
    works = authorships = without_id = retracted = 0
    earliest = latest = None
    for w in evidence.works():
        works += 1
        retracted += w.is_retracted
        for a in w.authorships:
            authorships += 1
            without_id += not any(i.id for i in a.institutions)
        if w.published:
            earliest = min(earliest or w.published, w.published)
            latest = max(latest or w.published, w.published)
    info = evidence.describe()
    info.update(
        {
            "works": works,
            "retracted": retracted,
            "authorships": authorships,
            "authorships_without_institution_id": without_id,
            "share_without_institution_id": round(without_id / authorships, 4) if authorships else None,
            "earliest": str(earliest) if earliest else None,
            "latest": str(latest) if latest else None,
        }
    )
    return info


def open_evidence_paths(paths: Iterable[str | Path]) -> list[Evidence]:
    """Evidence from each path; a folder that is not a snapshot gives every snapshot, curated
    file and JSONL file directly inside it, in name order."""
    out: list[Evidence] = []
    for p in map(Path, paths):
        if p.is_dir() and not (p / MANIFEST).exists():
            inside = sorted(
                c
                for c in p.iterdir()
                if not c.name.startswith(".")
                and (
                    (c.is_dir() and (c / MANIFEST).exists())
                    or c.suffix in (".yaml", ".yml")
                    or c.name.endswith((".jsonl", ".jsonl.gz"))
                )
            )
            if not inside:
                raise InputError(Problem(str(p), 0, 0, "holds no evidence (snapshots, curated .yaml or .jsonl files)"))
            out.extend(open_evidence(c) for c in inside)
        else:
            out.append(open_evidence(p))
    return out
