"""The claim language: a public statement written down as machine-checkable claims.

`load_claims(paths)` reads claim files (YAML), checks them against the shipped JSON Schema,
builds pydantic models and resolves every reference (topics inline first, then
`claims/topics/ID.yaml`, or `ID.yml`; lists from `evidence/lists/` and any extra folders). Every problem in
every file is raised at once as an InputError, each with `path:line:column`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, field_validator

from . import documents, ids
from .errors import InputError, Problem
from .files import file_of_id, not_yaml, yaml_files, yaml_names_in
from .lists import ListLibrary, ReferenceList, Source, default_dirs, stripped_names
from .project import case_config

DEFAULT_TOPICS_DIR = Path("claims/topics")
DEFAULT_MAX_UNAFFILIATED = 0.05
"""The share of coauthorships with no affiliation at all a claim about listed coauthors tolerates
before finding none stops counting as `not_contradicted` (docs/evaluation.md says why 5%)."""


class Statement(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    speaker: str
    made_on: dt.date
    quote: str
    confirmed: bool = True
    note: str | None = None
    sources: tuple[Source, ...]


class Subject(BaseModel):
    """The organisation a claim is about: OpenAlex and ROR ids, and aliases for raw text."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    name: str
    openalex: tuple[str, ...] = ()
    ror: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    country: str | None = None

    @field_validator("name", "aliases")
    @classmethod
    def _stripped(cls, value: str | tuple[str, ...]) -> str | tuple[str, ...]:
        return stripped_names(value)  # as a list entry's: "MSRA\n" from a YAML block scalar is "MSRA"

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.name, *self.aliases)))


class Topic(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    name: str
    rationale: str
    phrases: tuple[str, ...] = ()
    exclude_phrases: tuple[str, ...] = ()
    doubt_phrases: tuple[str, ...] = ()  # another sense of its words: a phrase match beside one is uncertain
    openalex_topics: tuple[str, ...] = ()
    path: str = ""
    sha256: str = ""


class Expectation(BaseModel):
    """How many matching works the claim allows: none, at least N, or at most N."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["none", "at_least", "at_most"]
    count: int = 0

    def describe(self, one: str = "work", many: str = "works") -> str:
        """'no works', 'at least 2 works'; a claim about people counts persons ("person", "people")."""
        if self.kind == "none":
            return f"no {many}"
        word = one if self.count == 1 else many
        return f"{self.kind.replace('_', ' ')} {self.count} {word}"


class Condition(BaseModel):
    """What a work must show; every key set in one condition must hold."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    topic: str | None = None
    coauthor_in: tuple[str, ...] = ()
    affiliated_author_in: tuple[str, ...] = ()
    listed_before_publication: bool = False
    all: tuple[Condition, ...] = ()
    any: tuple[Condition, ...] = ()
    not_: Condition | None = None

    def walk(self) -> Iterator[Condition]:
        yield self
        for child in (*self.all, *self.any, *((self.not_,) if self.not_ else ())):
            yield from child.walk()

    def topics(self) -> list[str]:
        return list(dict.fromkeys(c.topic for c in self.walk() if c.topic))

    def list_ids(self) -> list[str]:
        return list(dict.fromkeys(i for c in self.walk() for i in (*c.coauthor_in, *c.affiliated_author_in)))


class AuthorCondition(BaseModel):
    """What a person placed at the subject must show, read from their records' years (publication
    years for OpenAlex, not employment dates); one of `joined_from` and `holds_both` is set.

    - `joined_from`: the person's first year at the subject falls in the claim's period, and a
      record places them at an entry of one of the lists in an earlier year (within
      `within_years` years of it, where given).
    - `holds_both`: a record places the person at the subject and at a listed entry in one and
      the same year within the period.
    - `listed_before`: an entry counts only where it was listed on or before the year that
      matters: the first year at the subject (`joined_from`), the shared year (`holds_both`).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    joined_from: tuple[str, ...] = ()
    holds_both: tuple[str, ...] = ()
    listed_before: bool = False
    within_years: int | None = None

    def list_ids(self) -> list[str]:
        return list(dict.fromkeys((*self.joined_from, *self.holds_both)))


class Claim(BaseModel):
    """One reading of a statement: what the subject's works (`works:`) or the people placed at it
    (`authors:`) must show in a period. A claim about people has `authors` set and an empty
    `works` condition, which no work is tested against."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    id: str
    says: str
    subject: Subject
    from_: dt.date | None = None
    to: dt.date | None = None
    expects: Expectation
    works: Condition = Condition()
    authors: AuthorCondition | None = None
    max_unaffiliated: float = DEFAULT_MAX_UNAFFILIATED
    note: str | None = None
    path: str = ""
    line: int = 0

    @property
    def is_about_coauthors(self) -> bool:
        """Whether the claim asks where authors are: only then can an unaffiliated one hide a match."""
        return bool(self.works.list_ids())

    @property
    def is_about_people(self) -> bool:
        """Whether the claim tests people's histories (`authors:`) rather than works."""
        return self.authors is not None

    def list_ids(self) -> list[str]:
        """Every list the claim uses, whether it is about works or about people."""
        return self.authors.list_ids() if self.authors is not None else self.works.list_ids()


class ClaimFile(BaseModel):
    """One claim file with everything it refers to resolved."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    sha256: str
    statement: Statement
    subjects: dict[str, Subject]
    topics: dict[str, Topic]
    lists: dict[str, ReferenceList]
    claims: tuple[Claim, ...]


class ClaimSet(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    files: tuple[ClaimFile, ...]

    @property
    def claims(self) -> list[Claim]:
        return [c for f in self.files for c in f.claims]

    def file_of(self, claim: Claim) -> ClaimFile:
        return next(f for f in self.files if claim in f.claims)

    def claim(self, claim_id: str) -> Claim:
        for c in self.claims:
            if c.id == claim_id:
                return c
        raise KeyError(claim_id)


# --- loading ---------------------------------------------------------------------------------


# Folders below a claims folder that hold files of the other kinds, as `validate` tells them.
_OTHER_KINDS_FOLDERS = frozenset({"topics", "lists", "curated"})


def claim_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; folders give their *.yaml files at every depth, as `validate` finds them
    (claims/2024/x.yaml was validated and then left out of every check, in silence), except in
    `topics/` (and `lists/`, `curated/`) and in folders whose names start with '.'; each file once."""
    out = yaml_files(paths, lambda folder: folder in _OTHER_KINDS_FOLDERS or folder.startswith("."))
    # A file named twice (`claims/ claims/x.yaml`, or by a link) is read once, as evidence is: it
    # was every claim of it a "duplicate claim id" of itself.
    seen: set[Path] = set()
    once: list[Path] = []
    for f in out:
        try:
            real = f.resolve()
        except (OSError, RuntimeError):  # a link that loops: reading it says so
            real = f.absolute()
        if real not in seen:
            seen.add(real)
            once.append(f)
    return once


def load_claims(paths: Iterable[str | Path], *, root: str | Path = ".", lists: Sequence[str | Path] = ()) -> ClaimSet:
    """Load and resolve claim files; raises InputError with every problem in every file."""
    library = ListLibrary(default_dirs(root, lists))
    topics_dir = Path(root) / DEFAULT_TOPICS_DIR
    problems: list[Problem] = []
    files: list[ClaimFile] = []
    seen: dict[str, tuple[str, int]] = {}
    found = claim_paths(paths)
    if others := [said for f in found if (said := not_yaml(f))]:
        raise InputError(others)
    for path in found:
        try:
            f = load_claim_file(path, topics_dir=topics_dir, library=library)
        except InputError as e:
            problems.extend(e.problems)
            continue
        for claim in f.claims:
            if claim.id in seen:
                where = seen[claim.id]
                problems.append(
                    Problem(f.path, claim.line, 5, f"duplicate claim id '{claim.id}' (also at {where[0]}:{where[1]})")
                )
            else:
                seen[claim.id] = (f.path, claim.line)
        files.append(f)
    if problems:
        raise InputError(documents.capped(problems))
    if not files:
        raise InputError(Problem(", ".join(map(str, paths)) or ".", 0, 0, "no claim files found"))
    return ClaimSet(files=tuple(files))


def load_claim_file(
    path: str | Path, *, topics_dir: Path = DEFAULT_TOPICS_DIR, library: ListLibrary | None = None
) -> ClaimFile:
    doc = documents.load_yaml(path)
    return claim_file_from_document(doc, topics_dir=topics_dir, library=library or ListLibrary(default_dirs()))


def claim_file_from_document(
    doc: documents.Document, *, topics_dir: Path, library: ListLibrary, inherited_topics: Iterable[str] = ()
) -> ClaimFile:
    """A claim file from its document, every reference resolved; InputError lists every problem.
    A topic the file defines must be one a claim of it names (a misspelt key is read by no claim,
    which finds the shipped topic of the right name instead), unless it is among
    `inherited_topics`: those a feature's claim takes from the claim file it adds to."""
    if wrong := documents.another_kind(doc, "a claim file", ("statement", "subjects", "claims", "topics")):
        raise InputError(wrong)
    problems = documents.schema_problems(doc, "claims") + _blank_problems(doc)
    # The checks below read well-formed data. Where the schema found problems, they still run
    # on every topic and claim it found none in, so one run shows every problem of the file.
    broken = documents.schema_error_paths(doc, "claims") if problems else set()
    if not isinstance(doc.data, dict):
        raise InputError(problems)
    data = doc.data
    raw_subjects = data.get("subjects")
    raw_topics: dict[str, Any] = data["topics"] if isinstance(data.get("topics"), dict) else {}
    sound_topics = [key for key in raw_topics if _sound(("topics", key), broken)]
    # A topic the schema refused is still known by its id: a claim naming it is not told "unknown".
    inline: dict[str, Topic | None] = dict.fromkeys(raw_topics)
    for key in sound_topics:
        raw = raw_topics[key]
        problems += _phrase_problems(doc, raw, ("topics", key))
        if raw.get("id", key) != key:
            problems.append(doc.problem(("topics", key, "id"), f"topic id '{raw['id']}' differs from its key '{key}'"))
        elif not problems:
            inline[key] = _topic(key, raw, doc.path)

    topics: dict[str, Topic] = {}
    lists: dict[str, ReferenceList] = {}
    checked: list[tuple[dict[str, Any], int]] = []
    seen: dict[str, int] = {}
    raw_claims: list[Any] = data["claims"] if isinstance(data.get("claims"), list) else []
    for i, raw in enumerate(raw_claims):
        at = ("claims", i)
        if not _sound(at, broken):
            continue
        line = doc.position(at)[0]
        if raw["id"] in seen:
            problems.append(
                doc.problem((*at, "id"), f"duplicate claim id '{raw['id']}' (first at line {seen[raw['id']]})")
            )
        seen.setdefault(raw["id"], line)
        if isinstance(raw_subjects, dict) and raw["subject"] not in raw_subjects:
            problems.append(doc.problem((*at, "subject"), _unknown("subject", raw["subject"], raw_subjects)))
        start, end = raw.get("from"), raw.get("to")
        if start and end and end < start:
            problems.append(doc.problem((*at, "to"), f"'to' ({end}) is before 'from' ({start})"))
        if "works" in raw and "authors" in raw:
            problems.append(
                doc.problem((*at, "authors"), "a claim tests works: or authors:, not both; write two claims")
            )
        elif "works" in raw:
            problems += _resolve(doc, raw["works"], (*at, "works"), inline, topics_dir, library, topics, lists)
        else:
            problems += _author_problems(doc, raw, at, library, lists)
        checked.append((raw, line))
    if len(checked) == len(raw_claims):  # a claim the schema refused may name any topic
        problems += _unnamed_topics(doc, raw_topics, inherited_topics, [raw for raw, _ in checked])
    if problems:
        raise InputError(documents.capped(_with_case_hint(problems, doc.path, topics_dir)))
    subjects = {key: _subject(key, raw) for key, raw in data["subjects"].items()}
    return ClaimFile(
        path=doc.path,
        sha256=doc.sha256,
        statement=Statement(**data["statement"]),
        subjects=subjects,
        topics=topics,
        lists=lists,
        claims=tuple(_claim(raw, subjects, doc.path, line) for raw, line in checked),
    )


def _sound(at: tuple, broken: set[tuple]) -> bool:
    """Whether the schema found nothing wrong at `at` or anywhere below it."""
    return not any(path[: len(at)] == at for path in broken)


def _claim(raw: dict[str, Any], subjects: dict[str, Subject], path: str, line: int) -> Claim:
    """A claim the schema and every check passed, as the model."""
    return Claim(
        id=raw["id"],
        says=raw["says"],
        subject=subjects[raw["subject"]],
        from_=raw.get("from"),
        to=raw.get("to"),
        expects=_expectation(raw["expects"]),
        works=_condition(raw["works"]) if "works" in raw else Condition(),
        authors=_author_condition(raw["authors"]) if "authors" in raw else None,
        max_unaffiliated=raw.get("max_unaffiliated", DEFAULT_MAX_UNAFFILIATED),
        note=raw.get("note"),
        path=path,
        line=line,
    )


# A letter or digit: the phrase matcher reads words and drops punctuation and space, so a
# phrase without one has no word to look for and can never match.
_WORD = re.compile(r"[^\W_]")


def _blank_problems(doc: documents.Document) -> list[Problem]:
    """Texts the schema's one character let through empty: a subject's name or alias with no
    letter or digit (`name: ' '`), which the name matchers drop, so it can never match and every
    sentence read "no works by  in the period"; and a speaker, quote or `says` of white space
    or invisible characters alone, shown as nothing. (A quote of punctuation is still a quote.)"""
    data = doc.data if isinstance(doc.data, dict) else {}
    names: list[tuple[Any, tuple]] = []
    texts: list[tuple[Any, tuple]] = []
    statement = data.get("statement")
    if isinstance(statement, dict):
        texts += [(statement.get(key), ("statement", key)) for key in ("speaker", "quote")]
    subjects = data.get("subjects")
    for key, raw in subjects.items() if isinstance(subjects, dict) else ():
        if isinstance(raw, dict):
            names.append((raw.get("name"), ("subjects", key, "name")))
            aliases = raw.get("aliases")
            names += (
                [(a, ("subjects", key, "aliases", i)) for i, a in enumerate(aliases)]
                if isinstance(aliases, list)
                else []
            )
    claims = data.get("claims")
    for i, raw in enumerate(claims) if isinstance(claims, list) else ():
        if isinstance(raw, dict):
            texts.append((raw.get("says"), ("claims", i, "says")))
    found = [
        (at, value, "holds no letter or digit") for value, at in names if _given(value) and not _WORD.search(value)
    ]
    found += [
        (at, value, "holds nothing to read") for value, at in texts if _given(value) and not _VISIBLE.search(value)
    ]
    return [
        doc.problem(
            at, f"{documents._describe_path(at)}{documents._shown(value)} {said}: write the words it stands for"
        )
        for at, value, said in found
    ]


def _given(value: object) -> bool:
    return isinstance(value, str) and bool(value)


# A character a reader sees: not white space, a control or a format character (a zero-width
# space, a direction mark).
_VISIBLE = re.compile(r"[^\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")


def _phrase_problems(doc: documents.Document, raw: Any, at: tuple) -> list[Problem]:
    """Each phrase of a topic that can never match, at its place."""
    if not isinstance(raw, dict):
        return []
    return [
        doc.problem(
            (*at, key, i),
            f"{key}[{i}] '{phrase}' has no letter or digit, so it can never match; write the words it stands for",
        )
        for key in ("phrases", "exclude_phrases", "doubt_phrases")
        if isinstance(raw.get(key), list)
        for i, phrase in enumerate(raw[key])
        if isinstance(phrase, str) and not _WORD.search(phrase)
    ]


def _with_case_hint(problems: list[Problem], path: str, topics_dir: Path) -> list[Problem]:
    """Topics and lists are found from the case's root, which comes from the working directory:
    run from outside the case a claim file lies in, every topic and list it names is unknown. Say
    so on those problems, naming the case, rather than leave "known: (none)" to explain it."""
    unknown = ("unknown topic '", "unknown list '")
    if not any(p.message.startswith(unknown) for p in problems) or not Path(path).is_file():
        return problems
    config = case_config(Path(path).parent)
    if config is None or config.parent.resolve() == topics_dir.parent.parent.resolve():
        return problems
    hint = f"; the file lies in the case {config.parent}: run from there, or give --root {config.parent}"
    return [dataclasses.replace(p, message=p.message + hint) if p.message.startswith(unknown) else p for p in problems]


def _unnamed_topics(
    doc: documents.Document, raw_topics: dict[str, Any], inherited: Iterable[str], raw_claims: list[dict[str, Any]]
) -> list[Problem]:
    """Each topic the file defines that none of its claims names: it is never read, and a
    claim meant to read it reads another (the shipped topic of the name it gives) or none."""
    named = {tid for raw in raw_claims if "works" in raw for tid in _condition_topics(raw["works"])}
    problems = []
    for key in raw_topics:
        if key in named or key in inherited:
            continue
        near = difflib.get_close_matches(key, sorted(named), n=1)
        said = (
            f" (a claim names '{near[0]}': is one of the two misspelt?)"
            if near
            else f" (the claims name: {', '.join(sorted(named))})"
            if named
            else ""
        )
        problems.append(
            doc.problem(
                ("topics", key),
                f"topic '{key}' is defined here but no claim of this file names it, so nothing reads it{said}",
                at_key=True,
            )
        )
    return problems


def _condition_topics(raw: dict[str, Any]) -> Iterator[str]:
    """The topic ids a condition names, its nested conditions' included."""
    if "topic" in raw:
        yield raw["topic"]
    for key in ("all", "any"):
        for child in raw.get(key, ()):
            yield from _condition_topics(child)
    if "not" in raw:
        yield from _condition_topics(raw["not"])


def _unknown(kind: str, name: str, known: Iterable[str]) -> str:
    known = sorted(known)
    return f"unknown {kind} '{name}'; known: {', '.join(known) if known else '(none)'}"


_TESTS = ("topic", "coauthor_in", "affiliated_author_in", "all", "any", "not")


def _topic_file(topics_dir: Path, tid: str, problems: list[Problem]) -> Path | None:
    """The file of topic `tid` in claims/topics/, or None; two of that id are a problem added."""
    try:
        return file_of_id(topics_dir, tid, "topic")
    except InputError as e:
        problems += e.problems
        return None


def _resolve(
    doc: documents.Document,
    raw: dict[str, Any],
    at: tuple,
    inline: dict[str, Topic | None],
    topics_dir: Path,
    library: ListLibrary,
    topics: dict[str, Topic],
    lists: dict[str, ReferenceList],
) -> list[Problem]:
    """Resolve the topic and list ids a condition names, collecting what is unknown or broken."""
    problems: list[Problem] = []
    if "topic" in raw:
        tid = raw["topic"]
        if tid in inline:
            found = inline[tid]
            if found is not None:  # None: the topic is broken, and said so where it is defined
                topics[tid] = found
        elif topic_file := _topic_file(topics_dir, tid, problems):
            try:
                topics[tid] = load_topic(topic_file)
            except InputError as e:
                problems += e.problems
        elif not problems:
            known = set(inline) | {Path(n).stem for n in yaml_names_in(topics_dir)}
            problems.append(
                doc.problem((*at, "topic"), _unknown("topic", tid, known) + f" (looked in this file and {topics_dir}/)")
            )
    for key in ("coauthor_in", "affiliated_author_in"):
        problems += _resolve_lists(doc, raw, at, key, library, lists)
    if not any(key in raw for key in _TESTS):  # else the condition would hold for every work
        problems.append(doc.problem(at, f"a condition needs one of: {', '.join(_TESTS)}"))
    elif raw.get("listed_before_publication") and not (raw.get("coauthor_in") or raw.get("affiliated_author_in")):
        problems.append(
            doc.problem(
                (*at, "listed_before_publication"),
                "listed_before_publication needs coauthor_in or affiliated_author_in beside it",
            )
        )
    for key in ("all", "any"):
        for j, child in enumerate(raw.get(key, ())):
            problems += _resolve(doc, child, (*at, key, j), inline, topics_dir, library, topics, lists)
    if "not" in raw:
        problems += _resolve(doc, raw["not"], (*at, "not"), inline, topics_dir, library, topics, lists)
    return problems


def _resolve_lists(
    doc: documents.Document,
    raw: dict[str, Any],
    at: tuple,
    key: str,
    library: ListLibrary,
    lists: dict[str, ReferenceList],
) -> list[Problem]:
    """Resolve the list ids under `key`, collecting those that are unknown or broken."""
    problems: list[Problem] = []
    for j, lid in enumerate(raw.get(key, ())):
        try:
            lists[lid] = library.get(lid)
        except KeyError:
            where = ", ".join(f"{d}/" for d in library.dirs)
            problems.append(
                doc.problem((*at, key, j), _unknown("list", lid, library.available()) + f" (looked in {where})")
            )
        except InputError as e:
            problems += e.problems
    return problems


_PERSON_TESTS = ("joined_from", "holds_both")


def _author_problems(
    doc: documents.Document,
    claim: dict[str, Any],
    at: tuple,
    library: ListLibrary,
    lists: dict[str, ReferenceList],
) -> list[Problem]:
    """What is wrong with a claim about people: its lists, and keys that cannot go together."""
    raw = claim["authors"]
    where = (*at, "authors")
    problems: list[Problem] = []
    for key in _PERSON_TESTS:
        problems += _resolve_lists(doc, raw, where, key, library, lists)
    tests = [key for key in _PERSON_TESTS if key in raw]
    if not tests:
        problems.append(doc.problem(where, f"an authors: condition needs one of: {', '.join(_PERSON_TESTS)}"))
    elif len(tests) > 1:
        problems.append(
            doc.problem(
                (*where, tests[1]),
                f"an authors: condition takes one of {', '.join(_PERSON_TESTS)}, not both; write two claims",
            )
        )
    if "within_years" in raw and "joined_from" not in raw:
        problems.append(
            doc.problem(
                (*where, "within_years"),
                "within_years needs joined_from beside it (how many years before the first year at the subject)",
            )
        )
    if "max_unaffiliated" in claim:
        problems.append(
            doc.problem(
                (*at, "max_unaffiliated"),
                "max_unaffiliated is for claims about coauthors on works; a claim about authors has none",
            )
        )
    return problems


def load_topic(path: str | Path) -> Topic:
    doc = documents.load_yaml(path)
    problems = documents.schema_problems(doc, "topic") + _phrase_problems(doc, doc.data, ())
    stem = Path(path).stem
    named = doc.data.get("id", stem) if isinstance(doc.data, dict) else stem
    if isinstance(named, str) and named != stem:
        problems.append(doc.problem(("id",), f"topic id '{named}' does not match the file name '{stem}.yaml'"))
    if problems:
        raise InputError(problems)
    return _topic(stem, doc.data, str(path)).model_copy(update={"sha256": doc.sha256})


def _subject(key: str, raw: dict[str, Any]) -> Subject:
    return Subject(
        id=key,
        name=raw["name"],
        aliases=tuple(raw.get("aliases", ())),
        openalex=tuple(ids.checked(ids.openalex_id(v), v) for v in raw.get("openalex", ())),
        ror=tuple(ids.checked(ids.ror_id(v), v) for v in raw.get("ror", ())),
        country=raw.get("country"),
    )


def _topic(key: str, raw: dict[str, Any], path: str) -> Topic:
    return Topic(
        id=key,
        name=raw["name"],
        rationale=raw["rationale"],
        path=path,
        phrases=tuple(raw.get("phrases", ())),
        exclude_phrases=tuple(raw.get("exclude_phrases", ())),
        doubt_phrases=tuple(raw.get("doubt_phrases", ())),
        openalex_topics=tuple(ids.checked(ids.openalex_id(v), v) for v in raw.get("openalex_topics", ())),
    )


def _expectation(raw: Any) -> Expectation:
    if raw == "none":
        return Expectation(kind="none")
    ((kind, count),) = raw.items()
    return Expectation(kind=kind, count=count)


def _author_condition(raw: dict[str, Any]) -> AuthorCondition:
    return AuthorCondition(
        joined_from=tuple(raw.get("joined_from", ())),
        holds_both=tuple(raw.get("holds_both", ())),
        listed_before=raw.get("listed_before", False),
        within_years=raw.get("within_years"),
    )


def _condition(raw: dict[str, Any]) -> Condition:
    return Condition(
        topic=raw.get("topic"),
        coauthor_in=tuple(raw.get("coauthor_in", ())),
        affiliated_author_in=tuple(raw.get("affiliated_author_in", ())),
        listed_before_publication=raw.get("listed_before_publication", False),
        all=tuple(_condition(c) for c in raw.get("all", ())),
        any=tuple(_condition(c) for c in raw.get("any", ())),
        not_=_condition(raw["not"]) if "not" in raw else None,
    )


# --- plain English ---------------------------------------------------------------------------


def describe(claim: Claim, claim_file: ClaimFile) -> str:
    """The claim as one sentence: expectation, subject, period and condition.

    >>> describe(claim, f)  # doctest: +SKIP
    'Expects no works by Microsoft Research Asia published on or after 2024-01-10 about Synthetic media.'
    """
    if claim.authors is not None:
        return describe_people(claim, claim.authors, claim_file)
    return (
        f"Expects {claim.expects.describe()} by {claim.subject.name} published "
        f"{describe_period(claim.from_, claim.to)} {describe_condition(claim.works, claim_file)}."
    )


def describe_people(claim: Claim, cond: AuthorCondition, claim_file: ClaimFile) -> str:
    """A claim about people as one sentence.

    >>> describe_people(claim, claim.authors, f)  # doctest: +SKIP
    'Expects no people whose records first place them at Microsoft Research Asia on or after
    2022-04-08 and place them at an institution listed in Seven Sons of National Defence in an
    earlier year.'
    """
    expects = claim.expects.describe("person", "people")
    subject, period = claim.subject.name, describe_period(claim.from_, claim.to)
    if cond.joined_from:
        if cond.within_years is None:
            earlier = "in an earlier year"
        elif cond.within_years == 1:
            earlier = "in the year before"
        else:
            earlier = f"in the {cond.within_years} years before"
        # `listed_before` counts an entry on the list all through the year (a later listing, or a
        # removal before the year ends, does not count): "listed before they joined" said less.
        when = ", on the list all through their first year there" if cond.listed_before else ""
        return (
            f"Expects {expects} whose records first place them at {subject} {period} and place them at an "
            f"institution listed in {_list_names(cond.joined_from, claim_file)} {earlier}{when}."
        )
    when = ", on the list all through that year" if cond.listed_before else ""
    return (
        f"Expects {expects} whose records place them at {subject} and at an institution listed in "
        f"{_list_names(cond.holds_both, claim_file)} in the same year, {period}{when}."
    )


def describe_period(start: dt.date | None, end: dt.date | None) -> str:
    if start and end:
        return f"between {start} and {end}"
    if start:
        return f"on or after {start}"
    if end:
        return f"on or before {end}"
    return "at any time"


def not_begun(start: dt.date, current: dt.date) -> str:
    """Why an open-ended claim beginning after the run's as-of day (the day the evidence was
    current, or the one --as-of gives) cannot be checked."""
    return f"the claim's period begins on {start}, after the run's as-of day ({current}): none of it can be checked"


def describe_condition(cond: Condition, claim_file: ClaimFile) -> str:
    parts = []
    if cond.topic:
        parts.append(f"about {_lower_first(claim_file.topics[cond.topic].name)}")
    # Listed on or before the work's date and not taken off before it: on the list that day.
    when = " on the work's publication date" if cond.listed_before_publication else ""
    if cond.coauthor_in:
        parts.append(f"with a coauthor at an institution listed in {_list_names(cond.coauthor_in, claim_file)}{when}")
    if cond.affiliated_author_in:
        parts.append(
            f"with an author who is also at an institution listed in {_list_names(cond.affiliated_author_in, claim_file)}{when}"
        )
    if cond.all:
        parts.append(" and ".join(_grouped(c, claim_file) for c in cond.all))
    if cond.any:
        alternatives = [_grouped(c, claim_file) for c in cond.any]
        # "either" needs two: `any:` of one condition is that condition.
        parts.append(alternatives[0] if len(alternatives) == 1 else "either " + " or ".join(alternatives))
    if cond.not_:
        parts.append(f"not {_grouped(cond.not_, claim_file)}")
    return " and ".join(parts)


def _grouped(cond: Condition, claim_file: ClaimFile) -> str:
    text = describe_condition(cond, claim_file)
    return (
        f"({text})"
        if (" and " in text or " or " in text)
        and (
            cond.all or cond.any or len([k for k in (cond.topic, cond.coauthor_in, cond.affiliated_author_in) if k]) > 1
        )
        else text
    )


def _list_names(list_ids: Sequence[str], claim_file: ClaimFile) -> str:
    names = list(dict.fromkeys(claim_file.lists[i].name for i in list_ids))  # `[mil, mil]` is one list
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _lower_first(name: str) -> str:
    """'Facial recognition' -> 'facial recognition'; a first word in capitals ('GAN research',
    'C compilers') or with a capital past its first letter ('ImageNet models', 'LiDAR mapping',
    which lowered would read 'imageNet', 'liDAR') stays as written."""
    first = name.split(" ", 1)[0]
    return name if not name or first.isupper() or any(c.isupper() for c in first[1:]) else name[0].lower() + name[1:]
