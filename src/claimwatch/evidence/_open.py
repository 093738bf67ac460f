"""The one way the evaluator reads any evidence (snapshot, curated file, or a file of OpenAlex
work and author records) as a stream: its works, and its author records."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ..coverage import AuthorCoverage, Coverage
from ..curated import CuratedEvidence
from ..errors import InputError, Problem
from ..files import a_hidden_name, a_link_leading_nowhere, an_editors_leftover, named_as_a_backup, utf8_named
from ..people import AuthorRecord, author_from_openalex
from ..works import Authorship, Origin, PartialDate, Work, updated_on, work_from_openalex
from ._records import (
    EXPECTED_SHAPES,
    Layout,
    _file_sha256,
    document_records,
    parse_any_record,
    read_lines,
    record_letter,
    sniff_layout,
)
from ._snapshot import MANIFEST, Snapshot


class Evidence(Protocol):
    """Anything the evaluator can read works and author records from."""

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

    def authors(self) -> Iterator[AuthorRecord]:
        """Its author records, OpenAlex's or curated histories; none where it holds none."""

    @property
    def author_records(self) -> int | None:
        """How many author records it holds, where that is known before reading them (a
        snapshot's manifest, a curated file); None for a file read directly."""

    @property
    def author_coverage(self) -> AuthorCoverage:
        """Which authors' records it holds completely (see `AuthorCoverage`)."""

    def describe(self) -> dict[str, Any]: ...


JSONL_COVERAGE = Coverage(declared_by="nobody", note="JSONL read directly; no coverage declared")
JSON_COVERAGE = Coverage(declared_by="nobody", note="OpenAlex JSON read directly; no coverage declared")
JSONL_AUTHOR_COVERAGE = AuthorCoverage(note="author records read directly; no coverage declared")
CHANGED_SINCE_OPENED = "changed while it was read (its sha256 is not the one taken when it was opened): read it again"
# Names a file of OpenAlex works may have; anything else given as evidence is refused by name.
WORKS_FILE_NAMES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json", ".json.gz")


@dataclass
class JsonlEvidence:
    """OpenAlex work and author records in a file read directly: kind "jsonl" for a .jsonl or
    .ndjson file, "json" for a .json one (a saved API page, an array, one record). Its coverage
    is never complete, and when its records were current is not known."""

    path: str
    sha256: str
    kind: str = "jsonl"
    coverage: Coverage = JSONL_COVERAGE
    retrieved: dt.date | None = None  # a bare file does not say when its records were current
    layout: Layout = "jsonl"  # how it is read, from its first line (a one-line .json is JSON Lines too)
    author_coverage: AuthorCoverage = JSONL_AUTHOR_COVERAGE
    author_records: int | None = None  # not known until the file is read

    @classmethod
    def open(cls, path: str | Path) -> JsonlEvidence:
        sha256 = _file_sha256(Path(path))
        layout = sniff_layout(Path(path))
        if Path(path).name.endswith((".json", ".json.gz")):
            return cls(str(path), sha256, "json", JSON_COVERAGE, layout=layout)
        return cls(str(path), sha256, layout=layout)

    def works(self) -> Iterator[Work]:
        """The file's works, each dated as a record current on `records_current_on` can show
        it (`Work.within_record`); its bytes are hashed as they are read, and a file that is not
        the one whose sha256 `open` took (changed since) is refused, so a report never cites a
        digest of bytes other than those it read."""
        current_on = self.records_current_on
        for record, line, _ in self._records("W"):
            yield work_from_openalex(record, Origin("snapshot", self.path, line)).within_record(current_on)

    @functools.cached_property
    def records_current_on(self) -> dt.date | None:
        """The newest day its work records give as their `updated_date`: the file was current
        no earlier, as an import of it says in its as-of. Read once, on first use (a reading of
        the file of its own: its dates cannot be read before it is known)."""
        days = (
            updated_on(u if isinstance(u := r.get("updated_date"), str) else None) for r, _, _ in self._records("W")
        )
        return max((d for d in days if d is not None), default=None)

    def work_texts(self) -> Iterator[tuple[int, bytes]]:
        """(line, JSON text on one line) of each work record `works` reads, read and checked
        as it reads them: what a columnar copy of the file is made of (author records left out)."""
        for _, line, text in self._records("W"):
            yield line, text

    def authors(self) -> Iterator[AuthorRecord]:
        """The file's author records, read and checked as `works` reads its works, each knowing
        the day it was current (`AuthorRecord.within_record`)."""
        current_on = self.authors_current_on
        for record, line, _ in self._records("A"):
            yield author_from_openalex(record, Origin("snapshot", self.path, line)).within_record(current_on)

    @functools.cached_property
    def authors_current_on(self) -> dt.date | None:
        """The day the file's author records were current: its works' (`records_current_on`),
        or, in a file of authors alone, the newest day they give as their `updated_date`, as an
        import of it says in its as-of."""
        if (works_day := self.records_current_on) is not None or any(True for _ in self._records("W")):
            return works_day  # works give no day: neither does the file, as its import says
        days = (
            updated_on(u if isinstance(u := r.get("updated_date"), str) else None) for r, _, _ in self._records("A")
        )
        return max((d for d in days if d is not None), default=None)

    def _records(self, letter: str) -> Iterator[tuple[dict[str, Any], int, bytes]]:
        """Each record of one kind (W works, A authors) with the line it starts on and its text;
        every record of the file is checked, whichever kind is asked for."""

        def check(digest: str) -> None:
            if digest != self.sha256:
                raise InputError(Problem(self.path, 0, 0, CHANGED_SINCE_OPENED))

        if self.layout == "json":
            for r in document_records(Path(self.path), check):
                if record_letter(r.record) == letter:
                    yield r.record, r.line, r.text
            return
        for n, line in read_lines(Path(self.path), check):
            record = parse_any_record(line, self.path, n)
            if record is not None and record_letter(record) == letter:
                yield record, n, line.rstrip(b"\r\n")

    def describe(self) -> dict[str, Any]:
        return {"path": self.path, "kind": self.kind, "sha256": self.sha256, "coverage": self.coverage.as_json()}


def open_evidence(path: str | Path) -> Evidence:
    """A snapshot folder, a curated YAML file, or a file of OpenAlex work and author records
    (JSON Lines, an API list response, a JSON array of records or one record; plain or gzipped)."""

    p = Path(path)
    if p.is_dir():
        return Snapshot.open(p)
    if not p.exists():
        raise InputError(Problem(str(p), 0, 0, "no such file or folder"))
    if p.suffix.lower() in (".yaml", ".yml"):
        return CuratedEvidence.open(p)
    if p.name.endswith(WORKS_FILE_NAMES):
        return JsonlEvidence.open(p)
    raise InputError(
        Problem(
            str(p),
            0,
            0,
            "not evidence: expected a snapshot folder, a curated .yaml file or a file of OpenAlex records "
            f"(.jsonl or .json, optionally .gz: {EXPECTED_SHAPES})",
        )
    )


def _as_written(date: PartialDate) -> tuple[dt.date, dt.date]:
    return date.as_written


def summarise(evidence: Evidence) -> dict[str, Any]:
    """Counts, date range, the authorships with no institution id and with no affiliation at
    all, when the records were current, how many works of each covered subject it holds, and
    its author records: how many, their affiliations, those with no years, their coverage."""
    works = authorships = without_id = unaffiliated = retracted = 0
    earliest = latest = None
    for w in evidence.works():
        works += 1
        retracted += w.is_retracted
        for a in w.authorships:
            authorships += 1
            without_id += not any(i.id for i in a.institutions)
            unaffiliated += _unaffiliated(a)
        if w.published:  # the dates as the records give them (one after its record's day too)
            earliest = min(earliest or w.published, w.published, key=_as_written)
            latest = max(latest or w.published, w.published, key=_as_written)
    info = evidence.describe()
    retrieved = evidence.retrieved
    info.update(
        {
            "works": works,
            "retracted": retracted,
            "authorships": authorships,
            "authorships_without_institution_id": without_id,
            "share_without_institution_id": round(without_id / authorships, 4) if authorships else None,
            "authorships_without_affiliation": unaffiliated,
            "share_without_affiliation": round(unaffiliated / authorships, 4) if authorships else None,
            "earliest": str(earliest) if earliest else None,
            "latest": str(latest) if latest else None,
            "as_of": str(retrieved) if retrieved else None,
            "as_of_basis": _as_of_basis(evidence),
            "subject_works": evidence.coverage.subject_works,
            **_authors_summary(evidence),
        }
    )
    return info


def _authors_summary(evidence: Evidence) -> dict[str, Any]:
    records = affiliations = without_years = 0
    for person in evidence.authors():
        records += 1
        affiliations += len(person.affiliations)
        without_years += sum(not a.years for a in person.affiliations)
    return {
        "author_records": records,
        "author_affiliations": affiliations,
        "author_affiliations_without_years": without_years,
        "author_coverage": evidence.author_coverage.as_json(),
    }


def _unaffiliated(a: Authorship) -> bool:
    """No affiliation at all: no institution with an id or a name (OpenAlex's placeholder
    `I-1` is no id), and no raw affiliation string."""
    return not a.raw_affiliations and not any(i.id or i.name for i in a.institutions)


def _as_of_basis(evidence: Evidence) -> str:
    """Where the evidence's as-of comes from, in words."""
    if isinstance(evidence, Snapshot):
        return evidence.as_of_basis
    if evidence.kind == "curated":
        return "none: each curated version carries its own sources' dates"
    return "unknown: a file read directly does not say when its records were current"


def open_evidence_paths(paths: Iterable[str | Path]) -> list[Evidence]:
    """Evidence from each path, each file or snapshot read once (by its real path); a folder
    that is not a snapshot gives what `evidence_in_folder` finds in it."""
    out: list[Evidence] = []
    seen: set[Path] = set()
    for p in map(Path, paths):
        found = evidence_in_folder(p) if p.is_dir() and not (p / MANIFEST).exists() else [p]
        for item in found:
            if (real := item.resolve()) not in seen:
                seen.add(real)
                out.append(open_evidence(item))
    return out


# In a folder scan, JSON Lines are works by their name; a .json file is left out, since a report
# or any other JSON could sit there: name it on its own to read it.
FOLDER_WORKS_FILE_NAMES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
FOLDER_HOLDS_NONE = (
    "holds no evidence (snapshot folders, curated .yaml files with a 'works:' or 'people:' key, .jsonl or .ndjson "
    "files, at any depth; a .json file is read only when named on its own)"
)
_TOP_LEVEL_CURATED = re.compile(rb"(?:works|people)\s*:")


def evidence_in_folder(folder: Path) -> list[Path]:
    """The snapshot folders, curated YAML files and JSON Lines files of records in `folder` and
    below, in sorted path order. A snapshot (a folder with manifest.json) is not descended into;
    names starting with '.' (a writer's lock and temporaries) are passed over; a symbolic link
    to a folder is followed once, so no loop of links can recur. YAML files that are not curated
    evidence (claims, topics, lists) are passed over too, and so are editors' backups and swap
    files, links that lead nowhere among them; any other such link is refused. A folder named as
    a backup (`msra~`, `msra.~1~`: `mv -b`, `cp -b`, or by hand) is passed over as a backup file
    is: the earlier copy of a snapshot beside it, whose superseded records would count too."""
    found: list[Path] = []
    backups: list[Path] = []
    _scan(folder, found, backups, {folder.resolve()})
    if not found:
        raise InputError(Problem(str(folder), 0, 0, FOLDER_HOLDS_NONE + _passed_over(folder, backups)))
    return found


def _passed_over(folder: Path, backups: list[Path]) -> str:
    """The backups a scan finding nothing passed over, named: "holds no evidence" alone would
    hide a snapshot kept under a backup's name."""
    if not backups:
        return ""
    names = ", ".join(str(b.relative_to(folder)) for b in backups[:3]) + (", ..." if len(backups) > 3 else "")
    return f"; passed over as backups by their names: {names} (give one on its own to read it)"


def _scan(folder: Path, found: list[Path], backups: list[Path], visited: set[Path]) -> None:
    try:
        children = sorted(folder.iterdir())
    except OSError as e:
        raise InputError(Problem(str(folder), 0, 0, f"cannot read the folder: {e.strerror or e}")) from None
    for child in children:
        if a_hidden_name(child):
            continue
        if child.is_dir():
            if named_as_a_backup(child):
                backups.append(child)
            elif (child / MANIFEST).exists():
                found.append(utf8_named(child))
            elif (real := child.resolve()) not in visited:
                visited.add(real)
                _scan(child, found, backups, visited)
        elif child.is_file() and _is_evidence_file(child):
            found.append(utf8_named(child))
        elif (nowhere := a_link_leading_nowhere(child)) and not an_editors_leftover(child):
            # It may be a snapshot or a file of records kept elsewhere: passed over, its works
            # would be missing from the check in silence. Named as an editor's backup or swap
            # file, it is passed over as that file would be, there or not.
            raise InputError(
                Problem(
                    str(child), 0, 0, f"{nowhere}: it may be evidence kept elsewhere; restore it, or remove the link"
                )
            )


def _is_evidence_file(path: Path) -> bool:
    if path.name.endswith(FOLDER_WORKS_FILE_NAMES):
        return True
    return path.suffix.lower() in (".yaml", ".yml") and _is_curated(path)


def _is_curated(path: Path) -> bool:
    """Whether a YAML file has a top-level `works:` or `people:` key, as curated evidence has and
    claims, topics and lists do not: read line by line, so a large list is never held whole."""
    try:
        with path.open("rb") as f:
            return any(_TOP_LEVEL_CURATED.match(line) for line in f)
    except OSError as e:
        raise InputError(Problem(str(path), 0, 0, f"cannot be read: {e.strerror or e}")) from None
