"""A scenario's case: the claims, evidence and lists its Given steps name, and the evaluation.

Paths are relative to the project root (the feature's case, found by its claimwatch.toml; else
pytest's rootdir) unless absolute, and so are the default topic and list folders
(`claims/topics/`, `evidence/lists/`). Evaluating the shipped
claims costs about a second (spaCy starts once per process), so results are kept for the
session, keyed by exactly what was evaluated: many scenarios over the same inputs evaluate once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import documents
from ..claims import DEFAULT_TOPICS_DIR, Claim, ClaimFile, ClaimSet, claim_file_from_document, claim_paths, load_claims
from ..errors import InputError, Problem
from ..lists import ListLibrary, default_dirs
from ..results import ClaimResult, Results
from .failures import ScenarioProblem


@dataclass(frozen=True)
class ClaimPath:
    """Claim files named by `Given the claims in "PATH"` (a file or a folder of them)."""

    path: Path


@dataclass(frozen=True)
class InlineClaim:
    """A claim written in a feature, in a docstring that starts at `line` and `column` of `path`."""

    text: str
    path: str
    line: int
    column: int


ClaimSource = ClaimPath | InlineClaim


@dataclass(frozen=True)
class CaseKey:
    """Everything an evaluation depends on; equal keys give equal results within a session."""

    claims: tuple[ClaimSource, ...]
    evidence: tuple[Path, ...]
    lists: tuple[Path, ...]
    as_of: dt.date | None = None
    reviews: Path | None = None


@dataclass
class SessionStore:
    """What a test session keeps between scenarios: evaluations and imported snapshots."""

    results: dict[CaseKey, Results] = field(default_factory=dict)
    snapshots: dict[tuple[Any, ...], Path] = field(default_factory=dict)

    def results_for(self, key: CaseKey, evaluate: Callable[[], Results]) -> Results:
        if key not in self.results:
            self.results[key] = evaluate()
        return self.results[key]


@dataclass
class Case:
    """The state one scenario builds up, step by step."""

    root: Path
    store: SessionStore
    claims: list[ClaimSource] = field(default_factory=list)
    evidence: list[Path] = field(default_factory=list)
    lists: list[Path] = field(default_factory=list)
    reviews: Path | None = None
    results: Results | None = None
    claim_id: str | None = None

    # --- Given ---------------------------------------------------------------------------------

    def existing(self, given: str, what: str) -> Path:
        """`given` resolved against the project root; a ScenarioProblem when nothing is there."""
        path = Path(given)
        path = path if path.is_absolute() else self.root / path
        if not path.exists():
            raise ScenarioProblem(f'{what} "{given}" not found (paths are relative to the project root, {self.root})')
        return path

    def add_claims(self, given: str) -> None:
        self.claims.append(ClaimPath(self.existing(given, "claims")))
        self._changed()

    def add_inline_claim(self, claim: InlineClaim) -> None:
        self.claims.append(claim)
        self._changed()

    def add_evidence(self, path: Path) -> None:
        self.evidence.append(path)
        self._changed()

    def add_lists(self, given: str) -> None:
        folder = self.existing(given, "lists folder")
        if not folder.is_dir():
            raise ScenarioProblem(f'lists "{given}" is not a folder: name the folder that holds the list files')
        self.lists.append(folder)
        self._changed()

    def add_reviews(self, given: str) -> None:
        path = self.existing(given, "reviews")
        if self.reviews is not None and self.reviews != path:
            raise ScenarioProblem(f'reviews given twice ("{self.reviews}" and "{given}"): a case has one reviews file')
        self.reviews = path
        self._changed()

    def _changed(self) -> None:
        """New inputs make an earlier evaluation stale: Then steps wait for the next When."""
        self.results = None
        self.claim_id = None

    def import_snapshot(
        self, source: Path, institutions: tuple[str, ...], start: dt.date, end: dt.date, into: Callable[[], Path]
    ) -> Path:
        """A snapshot of the records in `source` declaring complete coverage, made once per session."""
        from ..evidence import import_works

        key = (source, institutions, start, end)
        if key not in self.store.snapshots:
            out = into() / "snapshot"
            import_works(source, out, institutions=institutions, start=start, end=end)
            self.store.snapshots[key] = out
        return self.store.snapshots[key]

    # --- When ----------------------------------------------------------------------------------

    def evaluate(self, claim_id: str | None = None, as_of: dt.date | None = None) -> Results:
        """Evaluate every claim given (once per session for the same inputs); focus on `claim_id`.

        `as_of` is the day open-ended claims run to; without it, the day the newest evidence's
        records were current (for a snapshot imported by a step, the newest `updated_date` among
        its records)."""
        if not self.claims:
            raise ScenarioProblem(
                'no claims to evaluate: give them first, with Given the claims in "PATH" '
                "or Given the claim: and a YAML docstring"
            )
        if not self.evidence:
            raise ScenarioProblem('no evidence to evaluate against: give it first, with Given the evidence in "PATH"')
        key = CaseKey(tuple(self.claims), tuple(self.evidence), tuple(self.lists), as_of, self.reviews)
        self.results = self.store.results_for(key, lambda: self._evaluate(as_of))
        if claim_id is not None:
            self.result_of(claim_id)
        self.claim_id = claim_id
        return self.results

    def _evaluate(self, as_of: dt.date | None) -> Results:
        from ..evaluate import evaluate
        from ..evidence import open_evidence_paths
        from ..reviews import load_reviews

        reviews = load_reviews(self.reviews) if self.reviews else None
        return evaluate(self.claim_set(), open_evidence_paths(self.evidence), as_of=as_of, reviews=reviews)

    def claim_set(self) -> ClaimSet:
        """The claim files given, in order, with the claims written in the feature after them."""
        paths = [s.path for s in self.claims if isinstance(s, ClaimPath)]
        files = list(load_claims(paths, root=self.root, lists=self.lists).files) if paths else []
        library = ListLibrary(default_dirs(self.root, self.lists))
        before: Path | None = None
        for source in self.claims:
            if isinstance(source, ClaimPath):
                before = source.path
            else:
                files.append(inline_claim_file(source, before, self.root / DEFAULT_TOPICS_DIR, library))
        _refuse_duplicate_ids(files)
        return ClaimSet(files=tuple(files))

    # --- Then ----------------------------------------------------------------------------------

    def evaluated(self) -> Results:
        if self.results is None:
            raise ScenarioProblem(
                'nothing has been evaluated yet: add When the claim "ID" is evaluated '
                "(or When all claims are evaluated) before this step"
            )
        return self.results

    def result_of(self, claim_id: str) -> ClaimResult:
        results = self.evaluated()
        try:
            return results.result(claim_id)
        except KeyError:
            known = ", ".join(r.claim for r in results.results)
            raise ScenarioProblem(f'no claim "{claim_id}" among the claims given; they are: {known}') from None

    def focus(self) -> ClaimResult:
        """The claim a Then step is about: the one named in When, or the only one given."""
        results = self.evaluated()
        if self.claim_id is not None:
            return self.result_of(self.claim_id)
        if len(results.results) == 1:
            return results.results[0]
        known = ", ".join(r.claim for r in results.results)
        raise ScenarioProblem(
            f"{len(results.results)} claims were evaluated ({known}): name one with "
            'When the claim "ID" is evaluated, or check them all with Then the verdicts are:'
        )


# --- claims written in a feature ----------------------------------------------------------------


def inline_claim_file(source: InlineClaim, before: Path | None, topics_dir: Path, library: ListLibrary) -> ClaimFile:
    """A claim file from a feature's docstring, with problems placed at the feature's lines.

    The docstring is either a whole claim file (with `statement:`), or a claim file's content:
    one claim, a list of claims, or `claims:` with optional `subjects:` and `topics:`. Content
    adds to the claim file given just before it, whose statement, subjects and topics it uses.
    """
    try:
        doc = documents.parse_yaml(source.text, source.path)
    except InputError as e:
        raise InputError([_placed(p, source) for p in e.problems]) from None
    data = doc.data
    inherited: set[str] = set()  # the topics of the file it adds to, which its own claims need not name
    if isinstance(data, dict) and "statement" in data:
        prefix: tuple[Any, ...] = ()
    else:
        base = _claim_file_data(before, source)
        data, prefix = _as_content(data)
        if isinstance(base.get("topics"), dict):
            inherited = set(base["topics"]) - set(data["topics"] if isinstance(data.get("topics"), dict) else ())
        data = {
            "statement": base["statement"],
            "subjects": _merged(base.get("subjects"), data.get("subjects")),
            **(
                {"topics": _merged(base.get("topics"), data.get("topics"))}
                if "topics" in base or "topics" in data
                else {}
            ),
            **{k: v for k, v in data.items() if k not in ("subjects", "topics")},
        }
    placed = documents.Document(
        path=source.path,
        data=data,
        positions=_rekeyed(doc.positions, prefix, source),
        key_positions=_rekeyed(doc.key_positions, prefix, source),
        plain_texts={prefix + k: v for k, v in doc.plain_texts.items()},
        sha256=hashlib.sha256(source.text.encode("utf-8")).hexdigest(),
    )
    return claim_file_from_document(placed, topics_dir=topics_dir, library=library, inherited_topics=inherited)


def _claim_file_data(before: Path | None, source: InlineClaim) -> dict[str, Any]:
    if before is None:
        raise InputError(
            Problem(
                source.path,
                source.line,
                source.column + 1,
                "this claim has no statement: write a whole claim file (statement:, subjects:, "
                'claims:), or give the claim file it adds to first, with Given the claims in "PATH"',
            )
        )
    files = claim_paths([before])
    if len(files) != 1:
        raise InputError(
            Problem(
                source.path,
                source.line,
                source.column + 1,
                f"this claim adds to the claim file given before it, but {before} holds "
                f"{len(files)} claim files: name one file",
            )
        )
    data = documents.load_yaml(files[0]).data
    if not isinstance(data, dict):
        raise InputError(Problem(str(files[0]), 1, 1, "not a claim file"))
    return data


def _as_content(data: Any) -> tuple[dict[str, Any], tuple[Any, ...]]:
    """A claim file's content from one claim, a list of claims or a mapping with `claims:`."""
    if isinstance(data, list):
        return {"claims": data}, ("claims",)
    if isinstance(data, dict) and "claims" not in data and ("id" in data or "says" in data):
        return {"claims": [data]}, ("claims", 0)
    if isinstance(data, dict):
        return data, ()
    return {"claims": [data]}, ("claims", 0)


def _merged(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        return {**base, **extra}
    return extra if extra is not None else base


def _rekeyed(
    positions: dict[tuple[Any, ...], tuple[int, int]], prefix: tuple[Any, ...], source: InlineClaim
) -> dict[tuple[Any, ...], tuple[int, int]]:
    """Positions in the docstring as positions in the feature file, under the content's place."""
    out = {prefix + k: _shift(v, source) for k, v in positions.items()}
    for n in range(len(prefix) + 1):
        out.setdefault(prefix[:n], _shift((1, 1), source))
    return out


def _shift(position: tuple[int, int], source: InlineClaim) -> tuple[int, int]:
    line, column = position
    return line + source.line - 1, column + source.column


def _placed(problem: Problem, source: InlineClaim) -> Problem:
    line, column = _shift((problem.line or 1, problem.column or 1), source)
    return Problem(source.path, line, column, problem.message)


def _refuse_duplicate_ids(files: Iterable[ClaimFile]) -> None:
    seen: dict[str, Claim] = {}
    problems = []
    for f in files:
        for claim in f.claims:
            if claim.id in seen:
                first = seen[claim.id]
                problems.append(
                    Problem(
                        claim.path,
                        claim.line,
                        1,
                        f"duplicate claim id '{claim.id}' (also at {first.path}:{first.line})",
                    )
                )
            seen.setdefault(claim.id, claim)
    if problems:
        raise InputError(problems)
