"""Checking any of the analyst's files (claims, topics, lists, curated evidence) in one call.

The kind of a file follows from the folder it is in: `topics/` holds topics, `lists/` lists,
`curated/` curated evidence; anything else is a claim file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import claims as claims_mod
from . import curated, lists
from .errors import InputError, Problem


@dataclass(frozen=True)
class Checked:
    path: str
    kind: str
    summary: str


def kind_of(path: Path) -> str:
    parts = set(path.parent.parts)
    if "topics" in parts:
        return "topic"
    if "lists" in parts:
        return "list"
    if "curated" in parts:
        return "curated"
    return "claims"


def yaml_files(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.suffix in (".yaml", ".yml") and f.is_file()))
        else:
            out.append(p)
    return out


def validate_paths(
    paths: Sequence[str | Path], *, root: str | Path = ".", lists_dirs: Sequence[str | Path] = ()
) -> list[Checked]:
    """Check every file; returns what each holds, or raises InputError with every problem found."""
    files = yaml_files(paths)
    if not files:
        raise InputError(Problem(", ".join(map(str, paths)), 0, 0, "no YAML files found"))
    problems: list[Problem] = []
    checked: list[Checked] = []
    claim_files = [f for f in files if kind_of(f) == "claims"]
    for f in files:
        kind = kind_of(f)
        try:
            if kind == "topic":
                t = claims_mod.load_topic(f)
                checked.append(Checked(str(f), kind, f"topic '{t.id}': {len(t.phrases)} phrases"))
            elif kind == "list":
                rl = lists.load_list(f)
                checked.append(Checked(str(f), kind, f"list '{rl.id}': {len(rl.entries)} entries"))
            elif kind == "curated":
                works = list(curated.read_curated(f))
                checked.append(Checked(str(f), kind, f"curated evidence: {len(works)} records"))
        except InputError as e:
            problems.extend(e.problems)
    if claim_files:
        try:
            cs = claims_mod.load_claims(claim_files, root=root, lists=lists_dirs)
            for cf in cs.files:
                checked.append(Checked(cf.path, "claims", f"{len(cf.claims)} claims"))
        except InputError as e:
            problems.extend(e.problems)
    if problems:
        raise InputError(problems)
    return sorted(checked, key=lambda c: c.path)
