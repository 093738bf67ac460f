"""Reviews: an analyst's decisions on findings, kept in the case's `reviews.yaml`.

A finding is named by its claim and by an identity of its work that survives re-collection (an
OpenAlex work id, a DOI, an arXiv id, a curated work id), never by a position in a report; a
finding of a claim about people, by an identity of the person (an OpenAlex author id, an ORCID
iD, a curated person's id). The
evaluator applies reviews after matching (`claimwatch.evaluate`); the evidence is never edited
to silence a finding, and a dismissed finding stays in view, with the reviewer's note.

Recording a review appends it to the file as written, comments and all, and checks that the
result reads back as the old reviews plus the new one before it replaces the file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import yaml

from . import documents, ids
from ._text import printable
from .errors import InputError, Problem
from .files import (
    LINKS_IN_A_LOOP,
    a_link_leading_nowhere,
    hidden_prefix,
    leads_round_in_a_loop,
    lock_exclusively,
    lock_not_taken,
    open_lock_file,
    release_lock,
    write_atomic,
)
from .people import ORCID_BLOCKS_SAID, an_isni_not_an_orcid, orcid_check_digit_holds, orcid_form, orcid_id
from .results import Decision, Finding, PersonFinding, Results, Review

REVIEWS_FILE = "reviews.yaml"
DECISIONS: tuple[Decision, ...] = ("not_a_match", "confirmed", "disputed")

# arXiv's new-style (2404.10667) and old-style (hep-th/9901001, math.AG/0309136) ids, with or
# without a version, alone or as the address of their abstract or PDF page as a browser shows it.
_ARXIV = re.compile(
    r"^(?:arxiv:|https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/)?"
    r"(\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z-]+)?/\d{7})(?:v\d+)?(?:(?<=\d)\.pdf)?/?$",
    re.IGNORECASE,
)
# An old-style id's subject class ("math.AG/0309136"): the archive alone names the paper, as
# records and DOIs write it (math/0309136).
_OLD_STYLE_CLASS = re.compile(r"^([a-z-]+)\.[a-z-]+/(?=\d{7}$)")
_CURATED_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_IN_FILE = re.compile(r"^curated:(.+)#([^#]+)$")

_HEADER = (
    "# Reviews of this case's findings: one item per claim and work, or person (claimwatch schema reviews).\n"
    "# Written by `claimwatch review CLAIM WORK_OR_PERSON --decision ... --note ...`; edit by hand as you like.\n"
)


# An OpenAlex or ORCID address as an analyst may paste it into a review: without its scheme
# ("openalex.org/A1", "orcid.org/0000-…"), with a trailing slash, or with the query or fragment
# the address bar gives ("api.openalex.org/authors/A1?mailto=...", as the API's polite pool asks
# for one; "orcid.org/0000-…?lang=en"), which names nothing more. Read here only: records spell
# their ids in full.
_PASTED_ADDRESS = re.compile(
    r"^(https?://)?((?:www\.|api\.)?(?:openalex|orcid)\.org/[^?#]*?)/?(?:[?#].*)?$", re.IGNORECASE
)


def _as_typed(text: str) -> str:
    """A review's id as the id readers take it: a pasted address given its scheme and no
    trailing slash."""
    text = text.strip()
    m = _PASTED_ADDRESS.match(text)
    return f"{m.group(1) or 'https://'}{m.group(2)}" if m else text


def work_key(text: str) -> str | None:
    """The one spelling a work identity is compared in: 'W123', 'doi:10.1/x', 'arxiv:2404.10667',
    or a curated work id as written; None for what names no work. A DOI of accented letters is
    compared composed (NFC), as records give it, whichever form it was pasted in."""
    text = unicodedata.normalize("NFC", _as_typed(text))
    openalex = ids.openalex_id(text)
    if openalex:
        return openalex if openalex.startswith("W") else None
    arxiv = _ARXIV.match(text)
    if arxiv:  # before DOIs and curated ids: '2404.10667' is an arXiv id, not a curated one
        return "arxiv:" + _OLD_STYLE_CLASS.sub(r"\1/", arxiv.group(1).lower())
    doi = ids.doi(text)
    if doi:
        arxiv_doi = ids.ARXIV_DOI.match(doi)
        return f"arxiv:{arxiv_doi.group(1)}" if arxiv_doi else f"doi:{doi}"
    return text if _CURATED_ID.match(text) else None


def person_keys(text: str) -> frozenset[str]:
    """The keys a person review's text may name a person by, each spelt as the evaluator spells a
    person's identities: 'A123' (an OpenAlex author id), 'orcid:0000-0002-1825-0097', and
    'curated:ID' (a curated person's id, which is lower case: 'a2' is both A2 and the curated
    a2, and a review naming both is reported as ambiguous where both are findings; 'curated:a2'
    names the curated one alone), and 'curated:FILE#ID' (the person of that id in the curated
    file FILE names: its name, or the folders before it too, as `curated_file_names` gives them,
    where two files may give two people one id). Empty for what names no person, an ORCID iD
    whose check digit is wrong among them (a typo)."""
    text = _as_typed(text)
    in_file = _IN_FILE.match(text)
    if in_file:  # one file's curated person, where two files give two people one id
        name, pid = _as_file_name(in_file.group(1)), in_file.group(2)
        return frozenset({f"curated:{name}#{pid}"}) if name and _CURATED_ID.match(pid) else frozenset()
    if text.startswith("curated:"):  # a curated id alone, where it is also an OpenAlex id's form
        curated = text.removeprefix("curated:")
        return frozenset({text}) if _CURATED_ID.match(curated) else frozenset()
    labelled = _orcid_after_its_label(text)
    if labelled is not None:  # an ORCID iD, said to be one
        orcid = orcid_id(labelled)
        return frozenset({f"orcid:{orcid}"} if orcid else ())
    keys = set()
    openalex = ids.openalex_id(text)
    if openalex and openalex.startswith("A"):
        keys.add(openalex)
    if orcid_form(text):
        orcid = orcid_id(text)
        if orcid is None:
            return frozenset()
        keys.add(f"orcid:{orcid}")
    if _CURATED_ID.match(text):
        keys.add(f"curated:{text}")
    return frozenset(keys)


def review_identity(review: Review) -> str:
    """What a review names, in the one spelling reviews are compared in (`work_key`,
    `person_keys`, the record's OpenAlex id): `claimwatch diff` takes a review respelled between
    runs ("W9", "https://openalex.org/w9") for the same review, as the evaluator does. What
    names nothing stays as written."""
    if review.person is not None:
        keys = person_keys(review.person)
        named = " ".join(sorted(keys)) if keys else review.person
        return f"person\n{named}\n"
    record = ids.openalex_id(_as_typed(review.openalex)) if review.openalex else None
    return f"work\n{work_key(review.names) or review.names}\n{record or review.openalex or ''}"


def curated_file_names(path: str) -> list[str]:
    """Each name a review may give a curated file by, shortest first: the file's own name, then
    with one more of the folders its resolved path runs through before it at a time, up to that
    whole path. Two files of one name in two folders are each named by a run of folders."""
    resolved = Path(path).resolve()
    parts = resolved.parts
    return [PurePosixPath(*parts[k:]).as_posix() for k in range(len(parts) - 1, 0, -1)] + [resolved.as_posix()]


def _as_file_name(text: str) -> str:
    """A curated file as a review names it, in the form `curated_file_names` gives: a whole path
    resolved, a run of folders and a name as written, without "./" or doubled slashes."""
    if Path(text).is_absolute():
        return Path(text).resolve().as_posix()
    return PurePosixPath(text).as_posix() if text.strip() else ""


def person_named(person_id: str, curated_file: str | None = None) -> str:
    """What a review writes to name the person finding of this id, and no one else: a curated
    id that an OpenAlex author id or an ORCID iD could also be read as ('a2'), or that alone names
    nothing (an ORCID iD's form with a wrong check digit), is written 'curated:a2'. Where two
    curated files give two people the id, `curated_file` (a name of the person's file, from
    `curated_file_names`) names theirs: 'curated:people.yaml#a2', 'curated:2025/people.yaml#a2'."""
    if curated_file is not None:
        return f"curated:{curated_file}#{person_id}"
    curated = f"curated:{person_id}"
    is_curated = _CURATED_ID.match(person_id) is not None  # OpenAlex ids are in capitals
    return curated if is_curated and person_keys(person_id) != {curated} else person_id


# "ORCID" before an iD, as the reports write one beside a person ("ORCID 0000-0002-1825-0097"), a
# CV ("ORCID iD: ...", its colon a full-width one where typed on a Chinese keyboard) or a key
# ("orcid:..."), and an analyst copies it: no curated id has a space or a colon, so the word names
# nothing else.
_AN_ORCID_LABEL = re.compile(r"^orcid(?:\s*id)?(?:\s*[:\uff1a]\s*|\s+)", re.IGNORECASE)


def _orcid_after_its_label(text: str) -> str | None:
    """The ORCID iD a review names after the word "ORCID"; None where it names none so."""
    rest = _after_an_orcid_label(text)
    return rest if rest and orcid_form(rest) else None


def _after_an_orcid_label(text: str) -> str | None:
    label = _AN_ORCID_LABEL.match(text)
    return _as_typed(text[label.end() :]) if label else None


def _names_none(field_: str, named: str) -> str:
    """Why a review's work or person names none: an ORCID iD whose check digit is wrong is said to
    be one, since the hint alone would send the analyst looking for another form; and an ISNI
    from outside ORCID's blocks is said to be no ORCID iD, its check digit holding as well."""
    typed = _as_typed(named)
    written = (_after_an_orcid_label(typed) or typed) if field_ == "person" else None
    if isni := an_isni_not_an_orcid(written):
        return (
            f"{named!r} names no person: {isni} is an ISNI from outside the blocks ORCID gives its iDs from "
            f"({ORCID_BLOCKS_SAID}), an organisation's or one a library gave, not an ORCID iD; give the person's "
            "ORCID iD (0000-0002-1825-0097) or OpenAlex author id (A…)"
        )
    shape = orcid_form(written)
    if shape and not orcid_check_digit_holds(shape):
        return (
            f"{named!r} names no person: {shape} is written as an ORCID iD, but its last character is not the check "
            "digit of the others (ISO 7064 11-2), so some digit is mistyped; copy the iD from the person's ORCID record"
        )
    return f"{named!r} names no {field_}: {_HINTS[field_]}"


def identity_keys(work_id: str, doi: str | None, arxiv: str | None) -> set[str]:
    """The keys a review may name one record of a finding's work by."""
    keys = {work_id}
    if doi:
        doi = unicodedata.normalize("NFC", doi)
        keys.add(f"doi:{doi}")
        arxiv_doi = ids.ARXIV_DOI.match(doi)
        if arxiv_doi:
            keys.add(f"arxiv:{arxiv_doi.group(1)}")
    if arxiv:
        keys.add(f"arxiv:{arxiv.lower()}")
    return keys


@dataclass(frozen=True)
class ReviewEntry:
    """A review with the key its work is compared by; for a person, every key the review's text
    may name them by (`keys`), and those keys in one string (`key`)."""

    review: Review
    key: str
    keys: frozenset[str] = frozenset()
    # The OpenAlex work id of the record reviewed, where the review names the work otherwise (a
    # DOI): it applies only to the finding that record is among, never to another work the DOI
    # leads to once OpenAlex moves it.
    record: str | None = None
    # For a person confirmed, every key of the people the review says they are not (`distinct_from`).
    distinct: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if not self.keys:
            object.__setattr__(self, "keys", frozenset({self.key}))

    @property
    def about_a_person(self) -> bool:
        return self.review.person is not None

    def expired(self, as_of: dt.date | None) -> bool | None:
        """Has it lapsed for evidence current on `as_of`? None where that day is not known."""
        if self.review.expires is None:
            return False
        if as_of is None:
            return None
        return as_of > dt.date.fromisoformat(self.review.expires)


@dataclass
class Reviews:
    """The reviews of a case, by claim."""

    path: str
    sha256: str
    entries: list[ReviewEntry] = field(default_factory=list)

    def of_claim(self, claim_id: str) -> list[ReviewEntry]:
        return [e for e in self.entries if e.review.claim == claim_id]

    def claims(self) -> set[str]:
        return {e.review.claim for e in self.entries}

    def of_other_claims(self, checked: AbstractSet[str]) -> list[Review]:
        """The reviews naming a claim not among `checked` (renamed since, a typo, or a claim file
        not given): they apply to nothing, and every report lists them."""
        return [e.review for e in self.entries if e.review.claim not in checked]


def find_reviews(root: str | Path, *, without: str = "check with --no-reviews") -> Path | None:
    """The case's reviews file, where it has one. A reviews.yaml that is there but is no file to
    read (a link to a shared file gone, an unmounted share; a folder; a pipe) is the case's too,
    refused when read or here: skipped, a run would drop every review it holds in silence, and a
    finding confirmed or set aside would count again as it did before review. `without` is what
    the command finding it can do without it (`reviews_there`)."""
    return reviews_there(Path(root) / REVIEWS_FILE, without=without)


def reviews_there(path: Path, *, without: str = "check with --no-reviews") -> Path | None:
    """`path` where something is there by that name, to be read (or refused when read); None
    where nothing is (a reviews file `claimwatch review` has yet to make). A link that leads
    nowhere is refused here, in one line saying where it led, and what the command can do
    `without` it: check and list have --no-reviews, validate has not."""
    if not os.path.lexists(path):
        return None
    if nowhere := a_link_leading_nowhere(path):
        raise InputError(Problem(str(path), 0, 0, f"{nowhere}: restore it, or {without}"))
    return path


def load_reviews(path: str | Path) -> Reviews:
    """A reviews file, every problem in it at once (InputError)."""
    doc = documents.load_yaml(path)
    if wrong := documents.another_kind(doc, "a reviews file", ("reviews",)):
        raise InputError(wrong)
    problems = documents.schema_problems(doc, "reviews")
    if problems:
        raise InputError(problems)
    reviews = Reviews(doc.path, doc.sha256)
    seen: dict[tuple[str, str, str], int] = {}
    for i, raw in enumerate(doc.data["reviews"] or ()):  # `reviews:` alone: none yet
        at = ("reviews", i)
        line = doc.position(at)[0]
        field_, keys = _keys(raw)
        key = " ".join(sorted(keys)) or None
        if key is None:
            problems.append(doc.problem((*at, field_), _names_none(field_, raw[field_])))
            continue
        first = seen.setdefault((raw["claim"], field_, key), line)
        if first != line:
            problems.append(
                doc.problem(at, f"a second review of {raw[field_]} for claim '{raw['claim']}' (first at line {first})")
            )
            continue
        problems.extend(_date_problems(doc, at, raw))
        problems.extend(_blank_problems(doc, at, raw))
        record, refused = _record(raw, field_)
        if refused:
            problems.append(doc.problem((*at, "openalex"), refused))
            continue
        distinct, misnamed = _distinct(raw, field_, keys)
        if misnamed:
            problems.append(doc.problem((*at, "distinct_from"), misnamed))
            continue
        reviews.entries.append(ReviewEntry(_review(raw, doc.path, line), key, keys, record, distinct))
    if problems:
        raise InputError(documents.capped(problems))
    return reviews


_WORK_HINT = "give an OpenAlex work id (W…), a DOI, an arXiv id (arXiv:2404.10667) or a curated work id"
_PERSON_HINT = (
    "give an OpenAlex author id (A…), an ORCID iD (0000-0002-1825-0097) or a curated person's id (curated:ID where "
    "it could be read as another)"
)
_HINTS = {"work": _WORK_HINT, "person": _PERSON_HINT}


def _keys(raw: dict) -> tuple[str, frozenset[str]]:
    """Which the review names (the schema lets it name one of a work and a person), and its
    keys: a work's one, a person's every one; none for what names nothing."""
    if "person" in raw:
        return "person", person_keys(raw["person"])
    key = work_key(raw["work"])
    return "work", frozenset({key}) if key else frozenset()


def _record(raw: dict, field_: str) -> tuple[str | None, str | None]:
    """The OpenAlex work id a review gives as the record reviewed (`openalex:`), or what is wrong
    with it."""
    if "openalex" not in raw:
        return None, None
    if field_ == "person":
        return None, "openalex names the record of a work reviewed; a review of a person has none"
    openalex = ids.openalex_id(_as_typed(raw["openalex"]))
    if openalex is None or not openalex.startswith("W"):
        return None, f"{raw['openalex']!r} is no OpenAlex work id: give the id of the record reviewed (W…)"
    return openalex, None


def _distinct(raw: dict, field_: str, keys: frozenset[str]) -> tuple[frozenset[str], str | None]:
    """Every key of the people a review says its person is not (`distinct_from`), or what is
    wrong with it: it belongs to a person confirmed, and each entry names a person other than
    the one reviewed."""
    if "distinct_from" not in raw:
        return frozenset(), None
    if field_ != "person" or raw.get("decision") != "confirmed":
        return frozenset(), (
            "distinct_from names the people a person confirmed is not: it belongs to a review of a person "
            "with the decision confirmed"
        )
    out: set[str] = set()
    for named in raw["distinct_from"]:
        named_keys = person_keys(named)
        if not named_keys:
            return frozenset(), _names_none("person", named)
        if not named_keys.isdisjoint(keys):
            return frozenset(), f"{named!r} names the person reviewed: a person is never someone other than themselves"
        out |= named_keys
    return frozenset(out), None


def _date_problems(doc: documents.Document, at: tuple, raw: dict) -> Iterator[Problem]:
    if raw.get("expires") and raw["expires"] < raw["date"]:
        yield doc.problem((*at, "expires"), f"expires {raw['expires']}, before the review was made ({raw['date']})")


_SAY_WHY = "say why the finding is decided so"
_SAY_WHO = "name who decided"


def _blank_problems(doc: documents.Document, at: tuple, raw: dict) -> Iterator[Problem]:
    """A note or a reviewer of spaces alone: a decision with no reason a reader can weigh, or
    by no one, shown beside the finding in every report as if it had one (the schema holds
    the text only to a character)."""
    for key, what in (("note", _SAY_WHY), ("by", _SAY_WHO)):
        if not raw[key].strip():
            yield doc.problem((*at, key), f"{key} is blank: {what}")


def _review(raw: dict, path: str, line: int) -> Review:
    return Review(
        claim=raw["claim"],
        work=raw.get("work"),
        person=raw.get("person"),
        openalex=raw.get("openalex"),
        decision=raw["decision"],
        by=raw["by"],
        date=raw["date"],
        note=raw["note"],
        expires=raw.get("expires"),
        distinct_from=tuple(raw.get("distinct_from", ())),
        path=path,
        line=line,
    )


def record_review(
    path: str | Path,
    *,
    claim: str,
    decision: Decision,
    note: str,
    by: str,
    date: dt.date,
    work: str | None = None,
    person: str | None = None,
    expires: dt.date | None = None,
    known_claims: Iterable[str] | None = None,
    openalex: str | None = None,
    distinct_from: Sequence[str] = (),
) -> Review:
    """Append one review, of a `work` or (for a claim about people) of a `person`, to the reviews
    file (made where missing); the file is replaced whole, or not at all. Refused: an unknown
    claim, an id that names no work (or person), a second review of the same finding (edit the
    first), an expiry before the review, an `openalex` (the OpenAlex work id of the record
    reviewed, kept beside a work named otherwise) that is no work id, or given for a person, and a
    `distinct_from` (the people a person confirmed is not) given otherwise or naming no one else."""
    path = Path(path)
    if (work is None) == (person is None):
        raise ValueError("record_review: give a work or a person, and only one")
    field_, named = ("person", person) if person is not None else ("work", work)
    assert named is not None
    where = f"{path}"
    known = set(known_claims) if known_claims is not None else None
    if known is not None and claim not in known:
        raise InputError(
            [Problem(where, 0, 0, f"no claim '{claim}' in the case (known: {', '.join(sorted(known)) or 'none'})")]
        )
    _, keys = _keys({field_: named})
    if not keys:
        raise InputError([Problem(where, 0, 0, _names_none(field_, named))])
    if expires is not None and expires < date:
        raise InputError([Problem(where, 0, 0, f"--expires {expires} is before the review's day ({date})")])
    for option, text, what in (("--note", note, _SAY_WHY), ("--by", by, _SAY_WHO)):
        if not text.strip():  # refused before the file is written: read back, it would stop every check
            raise InputError([Problem(where, 0, 0, f"{option} is blank: {what}")])
    extra: dict[str, object] = {}
    if openalex is not None:
        _, wrong = _record({field_: named, "openalex": openalex}, field_)
        if wrong:
            raise InputError([Problem(where, 0, 0, f"--openalex: {wrong}")])
        extra["openalex"] = openalex
    if distinct_from:
        _, wrong = _distinct({"distinct_from": list(distinct_from), "decision": decision}, field_, keys)
        if wrong:
            raise InputError([Problem(where, 0, 0, f"--distinct-from: {wrong}")])
        extra["distinct_from"] = list(distinct_from)
    # A reviews file kept elsewhere and linked into the case (one file for several cases) is
    # written where it is: replacing the link with a file would leave the shared one without the
    # review, and the cases apart, in silence. Its lock is beside it, for every case's runs.
    if leads_round_in_a_loop(path):  # realpath gives a loop back as it is: the link was replaced by a file
        raise InputError([Problem(where, 0, 0, f"cannot record a review: {LINKS_IN_A_LOOP}")])
    target = Path(os.path.realpath(path))
    with _one_writer(target):  # two runs at once would each append to the same old text: one review lost
        return _append_review(path, target, claim, field_, named, keys, decision, note, by, date, expires, extra)


@contextlib.contextmanager
def _one_writer(path: Path) -> Iterator[None]:
    """An exclusive lock on `.NAME.lock` beside the reviews file while it is read and replaced;
    another run waits its turn."""
    where = path.with_name(f"{hidden_prefix(path.name, len('.lock'))}.lock")
    try:
        fd = lock_exclusively(open_lock_file(where), busy=lambda: None)
    except FileNotFoundError:  # a --reviews path mistyped: its folder is made by no review
        said = f"cannot record a review: its folder {printable(str(path.parent))} is not there; give the reviews file's path"
        raise InputError([Problem(str(path), 0, 0, said)]) from None
    except OSError as e:  # the file's folder not writable, a file in the way, the lock another user's
        raise InputError([Problem(str(path), 0, 0, lock_not_taken("cannot record a review", where, e))]) from None
    try:
        yield
    finally:
        release_lock(fd)


def _append_review(
    path: Path,
    target: Path,
    claim: str,
    field_: str,
    named: str,
    keys: frozenset[str],
    decision: Decision,
    note: str,
    by: str,
    date: dt.date,
    expires: dt.date | None,
    extra: dict[str, object],
) -> Review:
    existing = load_reviews(path) if path.exists() else None
    if existing is not None:
        for e in existing.of_claim(claim):
            if not e.keys.isdisjoint(keys) and e.about_a_person == (field_ == "person"):
                raise InputError(
                    [
                        Problem(
                            existing.path,
                            e.review.line,
                            1,
                            f"{named} is already reviewed for claim '{claim}' ({e.review.decision}): edit that review",
                        )
                    ]
                )
    item: dict[str, object] = {
        "claim": claim,
        field_: named,
        **extra,
        "decision": decision,
        "by": by,
        "date": date,
        "note": note,
    }
    if expires is not None:
        item["expires"] = expires
    # Read as bytes decoded, not as text: a file edited on Windows keeps its CRLF line endings,
    # and the review is added in them (read_text would turn every one into LF).
    old_text = path.read_bytes().decode("utf-8") if existing is not None else _HEADER + "reviews:\n"
    new_text = _appended(old_text, item)
    _check_appended(path, old_text, new_text, item)
    write_atomic(target, new_text)
    return load_reviews(path).entries[-1].review


def _appended(text: str, item: dict[str, object]) -> str:
    """The file's text with one more block item at the end of its `reviews:` list."""
    # An empty list written in flow style or as YAML's null (`[]`, `~`, `null`), which reads as no
    # reviews yet: a block list begins in its place.
    empty = r"^reviews:[ \t]*(?:\[[ \t]*\]|~|null|Null|NULL)(?=[ \t]*(?:#.*)?$)"
    if re.search(empty, text, re.MULTILINE):
        text = re.sub(empty, "reviews:", text, count=1, flags=re.MULTILINE)
    indent = _item_indent(text)
    block = _dumped(item)
    # Split at line feeds alone: str.splitlines also splits at U+2028, U+0085 and other characters
    # a note may hold, which YAML writes inside a scalar.
    lines = [indent + line if line else line for line in block.split("\n")[:-1]]
    newline = "\r\n" if "\r\n" in text else "\n"  # the file's own line endings
    # The file's last lines are kept as they are: blank lines may belong to the last review's
    # note (`note: |+` keeps them), so only a missing final line break is added.
    if text and not text.endswith("\n"):
        text += newline
    return text + newline.join(lines) + newline


def _dumped(item: dict[str, object]) -> str:
    """The item as a YAML block list of one, its text as written where that reads back as it
    is; else escaped (PyYAML writes a note's NEL, U+0085, raw in quotes and reads it back as a
    space)."""
    block = yaml.safe_dump([item], sort_keys=False, allow_unicode=True, width=1_000_000, default_flow_style=False)
    if yaml.safe_load(block) != [item]:
        block = yaml.safe_dump([item], sort_keys=False, allow_unicode=False, width=1_000_000, default_flow_style=False)
    return block


def _item_indent(text: str) -> str:
    m = re.search(r"^([ \t]*)- ", text, re.MULTILINE)
    return m.group(1) if m else "  "


def _check_appended(path: Path, old_text: str, new_text: str, item: dict[str, object]) -> None:
    """The appended text must read back as the reviews before, every one exactly as it was, plus
    the new one, or nothing is written."""
    before = _listed(path, old_text)
    if _listed(path, new_text, room_for_it=True) != [
        *before,
        {k: v if isinstance(v, list) else str(v) for k, v in item.items()},
    ]:
        raise InputError(
            [
                Problem(
                    str(path),
                    0,
                    0,
                    "cannot add the review at the end of its 'reviews:' list (the list is not the file's last "
                    "block, or an earlier review would read differently): add it by hand",
                )
            ]
        )


def _listed(path: Path, text: str, *, room_for_it: bool = False) -> list[object]:
    """The items of the text's `reviews:` list, as read. With `room_for_it` (the text with the
    new review), within what `load_reviews` reads: written past it, the file would stop every
    later check and review, the new review and every other with it."""
    size = len(text.encode("utf-8"))
    if room_for_it and size > documents.MAX_BYTES:
        raise _no_room(path, f"{size:,} bytes, more than the {documents.MAX_BYTES:,} claimwatch reads")
    try:
        items = documents.parse_yaml(text, str(path), max_values=documents.MAX_VALUES).data["reviews"] or []
    except documents.TooManyValues:
        raise _no_room(path, f"more than the {documents.MAX_VALUES:,} values claimwatch reads in one file") from None
    except (InputError, KeyError, TypeError) as e:
        raise InputError(
            [Problem(str(path), 0, 0, f"cannot add the review at the end of its 'reviews:' list ({e}): add it by hand")]
        ) from None
    return list(items)


def _no_room(path: Path, past: str) -> InputError:
    message = (
        f"cannot record the review: the file would hold {past}; nothing recorded (remove reviews that no longer apply)"
    )
    return InputError([Problem(str(path), 0, 0, message)])


def unreviewed(results: Results) -> list[tuple[str, Finding | PersonFinding]]:
    """The findings, matched and uncertain, works and persons, that no review has decided yet, by
    claim in order."""
    pending: list[tuple[str, Finding | PersonFinding]] = []
    for r in results.results:
        pending += [(r.claim, f) for f in (*r.findings, *r.uncertain_findings) if f.review is None]
        pending += [(r.claim, p) for p in (*r.people, *r.uncertain_people) if p.review is None]
    return pending
