"""Checking any of the analyst's files (claims, topics, lists, curated evidence) in one call.

The kind of a file follows from the folder it is in: `topics/` holds topics, `lists/` lists,
`curated/` curated evidence. Elsewhere its top-level keys say (`entries:` a list, `works:`
curated evidence (or `people:`, histories), `reviews:` a reviews file, `claims:` or `statement:` claims, `phrases:` with
`rationale:` a topic), and a file they do not place is a claim file. Reviews validated with the
claim files they review must name claims those files hold. Where the folder and the content disagree, the folder
wins and a hint says so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from . import claims as claims_mod
from . import curated, documents, lists, reviews
from .errors import InputError, Problem
from .evaluate import exclusion_problems
from .files import not_yaml, yaml_files


@dataclass(frozen=True)
class Checked:
    path: str
    kind: str
    summary: str


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """`n` and the noun, singular for exactly one: "1 claim", "2 claims", "0 entries"."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


_FOLDERS = {"topics": "topic", "lists": "list", "curated": "curated"}
_NAMES = {
    "topic": "a topic",
    "list": "a reference list",
    "curated": "curated evidence",
    "reviews": "a reviews file",
    "claims": "a claim file",
}
# The top-level keys that only one kind of file has, in the order they are looked for.
_TELLING = (
    ("entries", "list"),
    ("works", "curated"),
    ("people", "curated"),
    ("reviews", "reviews"),
    ("statement", "claims"),
    ("claims", "claims"),
)
_TOP_KEY = re.compile(r"^([A-Za-z_]+)[ \t]*:", re.MULTILINE)


def folder_kind(path: Path) -> str | None:
    """The kind the file's folder gives (topics/, lists/, curated/), if any."""
    return next((_FOLDERS[part] for part in reversed(path.parent.parts) if part in _FOLDERS), None)


def content_kind(path: Path) -> tuple[str, tuple[int, int]] | None:
    """The kind the file's top-level keys clearly give, and where the telling key is; None for
    a file that cannot be read (its loader says why) or whose keys do not say."""
    try:
        text, _ = documents.read_text(path)
    except InputError:
        return None
    keys: dict[str, tuple[int, int]] = {}
    for m in _TOP_KEY.finditer(text):
        keys.setdefault(m.group(1), (text.count("\n", 0, m.start()) + 1, 1))
    for key, kind in _TELLING:
        if key in keys:
            return kind, keys[key]
    if "phrases" in keys and "rationale" in keys:
        return "topic", keys["phrases"]
    return None


def kind_of(path: Path) -> str:
    """The folder's kind; where the folder does not say, the content's; else a claim file."""
    folder = folder_kind(path)
    if folder:
        return folder
    content = content_kind(path)
    return content[0] if content else "claims"


def _mismatch_hint(path: Path, kind: str) -> list[Problem]:
    """One line where the folder gives one kind and the content clearly another."""
    content = content_kind(path)
    if content is None or content[0] == kind:
        return []
    (line, column), named = content[1], _NAMES[content[0]]
    return [
        Problem(
            str(path),
            line,
            column,
            f"hint: this reads as {named}, but its folder makes it {_NAMES[kind]}; "
            f"move it out of {path.parent.name}/ to check it as {named}",
        )
    ]


def _said_as_another_kind(problems: list[Problem], path: Path) -> bool:
    """Whether the loader's one problem is that the file is of the kind its content gives (a list
    in curated/): the hint, which names the folder, says it better, so it alone is shown."""
    content = content_kind(path)
    return content is not None and len(problems) == 1 and problems[0].message.startswith(f"{_NAMES[content[0]]} (its ")


def _unknown_reviewed_claims(loaded: list[reviews.Reviews], known: set[str]) -> list[Problem]:
    """A review of a claim none of the claim files holds: a typo, or a claim renamed since."""
    return [
        Problem(
            e.review.path,
            e.review.line,
            1,
            f"a review of claim '{e.review.claim}', which no claim file given holds (known: {', '.join(sorted(known))})",
        )
        for r in loaded
        for e in r.entries
        if e.review.claim not in known
    ]


def _reviews_of_the_other_kind(loaded: list[reviews.Reviews], about_people: dict[str, bool]) -> list[Problem]:
    """A review naming a work for a claim about people, or a person for a claim about works: it
    names none of the claim's findings, and `check` would report it as not applied."""
    problems = []
    for e in (e for r in loaded for e in r.entries if e.review.claim in about_people):
        if e.about_a_person == about_people[e.review.claim]:
            continue
        kind, names = ("people", "a work") if about_people[e.review.claim] else ("works", "a person")
        problems.append(
            Problem(
                e.review.path,
                e.review.line,
                1,
                f"a review naming {names} for claim '{e.review.claim}', which is about {kind}: "
                f"give {'person' if kind == 'people' else 'work'}: instead",
            )
        )
    return problems


def _named_as_a_file(path: str | Path) -> bool:
    """A folder named as a YAML file is (`reviews.yaml/`, made by a copy gone wrong or a
    `mkdir -p` of a file's path): the name says a file was meant."""
    return Path(path).is_dir() and Path(path).suffix.lower() in (".yaml", ".yml")


def _empty_folder(path: str | Path) -> str:
    """What a folder given that holds no YAML file is: "no YAML files found" read of a
    `reviews.yaml` would send the analyst looking for files in it."""
    return "is a folder, not a file, and holds no YAML files" if _named_as_a_file(path) else "no YAML files found"


def validate_paths(
    paths: Sequence[str | Path], *, root: str | Path = ".", lists_dirs: Sequence[str | Path] = ()
) -> list[Checked]:
    """Check every file; returns what each holds, or raises InputError with every problem found."""
    each = [yaml_files([p]) for p in paths]  # each folder searched once
    files = [f for found in each for f in found]
    if not files and not any(_named_as_a_file(p) for p in paths):
        raise InputError(Problem(", ".join(map(str, paths)), 0, 0, "no YAML files found"))
    # A folder holding none among others that do was passed over without a word: said as alone.
    if empty := [
        Problem(str(p), 0, 0, _empty_folder(p))
        for p, found in zip(paths, each, strict=True)
        if not found and Path(p).is_dir()
    ]:
        raise InputError(empty)
    if others := [said for f in files if (said := not_yaml(f))]:
        raise InputError(others)
    problems: list[Problem] = []
    checked: list[Checked] = []
    kinds = {f: kind_of(f) for f in files}
    claim_files = [f for f, kind in kinds.items() if kind == "claims"]
    loaded_reviews: list[reviews.Reviews] = []
    opened_curated: list[curated.CuratedEvidence] = []
    for f, kind in kinds.items():
        try:
            if kind == "topic":
                t = claims_mod.load_topic(f)
                if excluding := exclusion_problems([t]):
                    raise InputError(excluding)
                checked.append(Checked(str(f), kind, f"topic '{t.id}': {counted(len(t.phrases), 'phrase')}"))
            elif kind == "list":
                rl = lists.load_list(f)
                checked.append(Checked(str(f), kind, f"list '{rl.id}': {counted(len(rl.entries), 'entry', 'entries')}"))
            elif kind == "curated":
                opened = curated.CuratedEvidence.open(f)
                opened_curated.append(opened)
                held = [counted(sum(1 for _ in opened.works()), "record")]
                people = sum(1 for _ in opened.authors())
                if people:
                    held.append(counted(people, "person's history", "people's histories"))
                checked.append(Checked(str(f), kind, f"curated evidence: {', '.join(held)}"))
            elif kind == "reviews":
                loaded_reviews.append(reviews.load_reviews(f))
                checked.append(Checked(str(f), kind, counted(len(loaded_reviews[-1].entries), "review")))
        except InputError as e:
            hint = _mismatch_hint(f, kind)
            problems.extend(hint if _said_as_another_kind(e.problems, f) else e.problems + hint)
    problems.extend(curated.shared_work_ids(opened_curated))  # one work id in two files
    if claim_files:
        try:
            cs = claims_mod.load_claims(claim_files, root=root, lists=lists_dirs)
            given = {f.resolve() for f, kind in kinds.items() if kind == "topic"}
            topics = (t for cf in cs.files for t in cf.topics.values() if Path(t.path).resolve() not in given)
            if excluding := exclusion_problems(topics):  # a topic file given is said above, once
                raise InputError(excluding)
            for cf in cs.files:
                checked.append(Checked(cf.path, "claims", counted(len(cf.claims), "claim")))
            problems.extend(_unknown_reviewed_claims(loaded_reviews, {c.id for cf in cs.files for c in cf.claims}))
            about_people = {c.id: c.authors is not None for cf in cs.files for c in cf.claims}
            problems.extend(_reviews_of_the_other_kind(loaded_reviews, about_people))
        except InputError as e:
            problems.extend(e.problems)
    if problems:
        raise InputError(problems)
    return sorted(checked, key=lambda c: c.path)
