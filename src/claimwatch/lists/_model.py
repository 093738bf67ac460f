"""The list model and its loading: institutions a source names as sanctioned or
military-affiliated, with the date each was listed and the citation, and which facts are not
confirmed; a list found by id or by path.

A list file is YAML (`evidence/lists/ID.yaml`), checked against `list.schema.json`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .. import documents, ids
from .._text import listed_in_a_sentence, one_line
from ..errors import InputError, Problem
from ..files import file_of_id, not_yaml, yaml_names_in

DEFAULT_LISTS_DIR = Path("evidence/lists")
LIST_MAX_BYTES = 64 * 1024 * 1024  # an import of the whole Consolidated Screening List fits
LIST_MAX_VALUES = documents.MAX_NODES  # the whole CSL is some hundreds of thousands of values


class Source(BaseModel):
    """Where a statement, a list or its facts were read."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    url: str | None = None
    archived_url: str | None = None
    published: dt.date | None = None
    retrieved: dt.date | None = None
    note: str | None = None


def stripped_names(value: str | tuple[str, ...]) -> str | tuple[str, ...]:
    """A name, or names, without the white space around them: a YAML block scalar ends a name
    with a newline ("HIT\n"), which the name matchers and the query's needles would read
    differently. A name of white space alone becomes "", which, as before, matches nothing.
    (List entries' and subjects' names alike.)"""
    return value.strip() if isinstance(value, str) else tuple(v.strip() for v in value)


class Related(BaseModel):
    """An institution a source names under a list entry (the ASPI tracker's subsidiaries and
    major defence laboratories): not the entry, and not said to be part of it, so an author at
    one is a doubt about the entry, never a match. Some are companies abroad (`country`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    aliases: tuple[str, ...] = ()
    called: tuple[str, ...] = Field(
        ..., description="What the source calls it under the entry: 'subsidiary', 'major defence laboratory'."
    )
    country: str | None = Field(
        None,
        description="Its country, where the source says it; None where not (a name found is then a doubt anywhere).",
    )
    place: str | None = Field(
        None,
        description="A place the source gives in brackets after the name ('Austria', 'Hong Kong': a seat or a stock"
        " market, it does not say which).",
    )

    @field_validator("name", "aliases")
    @classmethod
    def _stripped(cls, value: str | tuple[str, ...]) -> str | tuple[str, ...]:
        return stripped_names(value)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.name, *self.aliases)))


class Listing(BaseModel):
    """One period an entry was on its list, where it was listed in several (the CSL gives an
    entity listed, taken off and listed again): from a day to a day, or still listed (`to` null)."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    start: dt.date = Field(alias="from")
    end: dt.date | None = Field(alias="to")

    def __str__(self) -> str:
        return f"{self.start} to {self.end}" if self.end else f"from {self.start}"


def periods_said(periods: Sequence[Listing], as_of: dt.date | None) -> str:
    """Several listings for a sentence: '2019-01-01 to 2021-06-30, and from 2023-01-01'. A period
    ending after `as_of` (the run's as-of day, or the day the list was read) has not ended: 'from
    2023-01-01 (listed until 2056-06-29)', as the list tables say a denial order's expiry decades
    ahead; with no such day, each period is said as given."""
    return listed_in_a_sentence([period_said(p, as_of) for p in periods])


def listed_from_said(start: dt.date, read_on: dt.date | None) -> str:
    """An entry's first listing day, said as not begun where it falls after the day the list was
    read (`period_said`)."""
    return f"{start} (not begun on {read_on})" if read_on is not None and start > read_on else str(start)


def listed_to_said(end: dt.date, read_on: dt.date | None) -> str:
    """An entry's last listed day as `lists show` and `lists diff` say it, against the day the list
    was read: taken off, where it is on or before that day; else (a denial order's expiry decades
    ahead, or no day read) listed until then, as the reports' list tables say it (`listing_end`)."""
    return f"taken off {end}" if read_on is not None and end <= read_on else f"listed until {end}"


def period_said(period: Listing, as_of: dt.date | None) -> str:
    """One listing period, its end said as not come where it falls after `as_of` (`periods_said`),
    and its start too: a list read (`--retrieved`) before a listing's start, which an order taking
    effect later gives, was said to list the entity "again from" it as if it had begun."""
    if as_of is not None and period.start > as_of:
        until = f"; listed until {period.end}" if period.end else ""
        return f"from {period.start} (not begun on {as_of}{until})"
    if period.end is not None and as_of is not None and period.end > as_of:
        return listed_until(period)
    return str(period)


def listed_until(period: Listing) -> str:
    """A period whose end has not come, or is not known to have: 'from 2023-01-01 (listed until
    2056-06-29)'; one still open, 'from 2023-01-01'."""
    return f"from {period.start} (listed until {period.end})" if period.end else str(period)


def unbroken(periods: Sequence[Listing]) -> list[Listing]:
    """The periods with each run of periods back to back (the next beginning the day after one
    ends) joined into one, in order."""
    out: list[Listing] = []
    for p in periods:
        last = out[-1] if out else None
        if last is not None and last.end is not None and p.start == last.end + dt.timedelta(days=1):
            out[-1] = Listing(start=last.start, end=p.end)
        else:
            out.append(p)
    return out


def listed_within(periods: Sequence[Listing], earliest: dt.date, latest: dt.date) -> tuple[bool | None, str | None]:
    """Was an entry listed on every day from `earliest` to `latest` (a work's date, a year), by its
    periods: True where one period holds them all; False where none holds any (before the first,
    in a gap, after the last); None where a period's edge falls among them, with that edge
    ("listed on D" or "taken off the list on D"). Periods back to back (one ending the day before
    the next begins, as a hand-written list may give a move from one list to another) are one
    listing here: no day falls between them, so neither edge is a doubt."""
    periods = unbroken(periods)
    for p in periods:
        if p.start <= earliest and (p.end is None or latest <= p.end):
            return True, None
    for p in periods:
        if p.start > latest or (p.end is not None and p.end < earliest):
            continue
        return None, f"listed on {p.start}" if p.start > earliest else f"taken off the list on {p.end}"
    return False, None


class ListEntry(BaseModel):
    """One listed institution. `verified` is false unless the file says the entry's facts were confirmed."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    openalex: tuple[str, ...] = ()
    ror: tuple[str, ...] = ()
    country: str | None = None
    listed_from: dt.date | None = None
    listed_from_unread: str | None = Field(
        None,
        description="A start of the listing as a record of the entity gives it where that is no date claimwatch"
        " reads, beside others that are read (listed_from is the earliest of those), or each listing the CSL"
        " import found may have ended before a gap, its end not read or another record giving no start_date"
        " (listed_from is the start of the last listing known unbroken), or 'none (the UVL record gives no"
        " start_date)' for records giving no start beside one that does: the entity may have been listed earlier.",
    )
    listed_to: dt.date | None = None
    listed_to_unread: str | None = Field(
        None,
        description="The end of the listing as the list gives it where that is no date claimwatch reads"
        " (' 8/11/2015'): the entry was taken off on a day not known, and listed_to is null.",
    )
    listings: tuple[Listing, ...] = Field(
        (),
        description="Each period the entry was listed in, in order, where it was listed in several (taken off"
        " and listed again); listed_from is the first one's start and listed_to the last one's end. Empty for"
        " an entry listed once.",
    )
    citation: str | None = None
    verified: bool = False
    notes: str | None = None
    may_be_a_person: str | None = Field(
        None,
        description="Why the entry may name a person, not an organisation (a CSL record its source list does not"
        " type, named as a person is): an author found at it by name is a doubt, never a match.",
    )
    categories: tuple[str, ...] = ()
    supervising_agencies: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()
    programs: tuple[str, ...] = ()
    source_lists: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    related: tuple[Related, ...] = Field(
        (), description="Institutions the source names under the entry: each a doubt where an author is at one."
    )
    line: int = Field(0, description="Line of the entry in its list file.")

    @model_validator(mode="before")
    @classmethod
    def _one_source_list(cls, data: Any) -> Any:
        # Files written before source_lists (claimwatch 0.1.0) give one `source_list`.
        if isinstance(data, dict) and "source_list" in data:
            data = dict(data)
            older = data.pop("source_list")
            data["source_lists"] = tuple(dict.fromkeys((older, *data.get("source_lists", ()))))
        return data

    @model_validator(mode="before")
    @classmethod
    def _dates_of_listings(cls, data: Any) -> Any:
        # An entry giving its periods alone is listed from the first one's start to the last
        # one's end (`listing_problems` refuses a file whose listed_from or listed_to says otherwise).
        if isinstance(data, dict) and data.get("listings"):
            periods = [p if isinstance(p, Listing) else Listing.model_validate(p) for p in data["listings"]]
            data = {"listed_from": periods[0].start, "listed_to": periods[-1].end, **data, "listings": tuple(periods)}
        return data

    @field_validator("name", "aliases")
    @classmethod
    def _stripped(cls, value: str | tuple[str, ...]) -> str | tuple[str, ...]:
        return stripped_names(value)

    @property
    def names(self) -> tuple[str, ...]:
        """The name and every alias, in file order, without repeats."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))

    @property
    def several_listings(self) -> bool:
        """Was the entry listed in more than one period (`listings`)? Where not, listed_from and
        listed_to say all there is."""
        return len(self.listings) > 1

    @property
    def source_list(self) -> str | None:
        """The first of `source_lists` (the one source list an entry had before an entity on
        several could be one entry)."""
        return self.source_lists[0] if self.source_lists else None


class ReferenceList(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    name: str
    description: str | None = None
    sources: tuple[Source, ...]
    entries: tuple[ListEntry, ...]
    imported: dict[str, Any] | None = None
    path: str = ""
    sha256: str = ""

    def entry(self, entry_id: str) -> ListEntry:
        return next(e for e in self.entries if e.id == entry_id)

    @property
    def read_on(self) -> dt.date | None:
        """The day the list was last read from its sources (their latest `retrieved`), or None: an
        end after it (a denial order's expiry, decades ahead) had not come when it was read."""
        return max((s.retrieved for s in self.sources if s.retrieved), default=None)


def load_list(path: str | Path, *, check_file_name: bool = True) -> ReferenceList:
    """Read and check one list file; every problem in it is raised at once.

    `check_file_name=False` reads a copy kept under another name (`us-entity-list.old.yaml`).
    """
    if said := not_yaml(Path(path)):  # a screening list's CSV given to `lists show` or `lists diff`
        raise InputError(said)
    doc = documents.load_yaml(path, max_bytes=LIST_MAX_BYTES, max_values=LIST_MAX_VALUES)
    # A claim file or the reviews given to `lists show`/`lists diff` is said as what it is, in one
    # line, not as every key the list schema misses or refuses.
    if wrong := documents.another_kind(doc, "a reference list", ("entries",)):
        raise InputError(wrong)
    problems = documents.schema_problems(doc, "list")
    if problems:
        raise InputError(problems)
    return list_from_document(doc, check_file_name=check_file_name)


def list_from_document(doc: documents.Document, *, check_file_name: bool = True) -> ReferenceList:
    data = doc.data
    problems: list[Problem] = []
    entries = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(data["entries"]):
        entry = _entry(raw, doc.position(("entries", i))[0])
        if entry.id in seen:
            problems.append(
                doc.problem(("entries", i), f"duplicate entry id '{entry.id}' (first at line {seen[entry.id]})")
            )
        seen.setdefault(entry.id, entry.line)
        if not entry.listings and (backwards := ended_before_listed(entry)):
            problems.append(doc.problem(("entries", i, "listed_to"), backwards))
        problems += [doc.problem(("entries", i, *where), why) for where, why in listing_problems(raw, entry)]
        if two_ends := ended_twice(entry):
            problems.append(doc.problem(("entries", i, "listed_to_unread"), two_ends))
        entries.append(entry)
    stem = Path(doc.path).stem
    if check_file_name and stem != data["id"] and not doc.path.startswith("<"):
        problems.append(doc.problem(("id",), f"list id '{data['id']}' does not match the file name '{stem}.yaml'"))
    if problems:
        raise InputError(documents.capped(problems))
    return ReferenceList(
        id=data["id"],
        name=data["name"],
        description=data.get("description"),
        sources=tuple(Source(**s) for s in data["sources"]),
        entries=tuple(entries),
        imported=data.get("imported"),
        path=doc.path,
        sha256=doc.sha256,
    )


def ended_before_listed(entry: ListEntry) -> str | None:
    """Why an entry taken off its list before it was listed cannot be read: one of the two dates
    is wrong, and which is not known. Read as given, a work after both would be cleared as "off the
    list before the work appeared" while the entry may be listed still."""
    if entry.listed_from is None or entry.listed_to is None or entry.listed_to >= entry.listed_from:
        return None
    return (
        f"listed_to {entry.listed_to} is before listed_from {entry.listed_from}: one of them is wrong;"
        " correct it, or give the end as listed_to_unread with listed_to left out"
    )


def ended_twice(entry: ListEntry) -> str | None:
    """Why an entry giving an end not read (`listed_to_unread`) beside a dated one cannot be read:
    the end not read stands for the day listed_to would give, and which of the two is right is not
    known. Read as given, the dated end alone was judged and the other passed over in silence."""
    if entry.listed_to_unread is None or entry.listed_to is None:
        return None
    dated = f"the last period's end {entry.listed_to}" if entry.listings else f"listed_to {entry.listed_to}"
    return (
        f"listed_to_unread \u201c{one_line(entry.listed_to_unread)}\u201d is given beside {dated}: an end not read"
        " stands where the end is null; keep the one that is right"
    )


def listing_problems(raw: dict[str, Any], entry: ListEntry) -> list[tuple[tuple[str | int, ...], str]]:
    """Why an entry's periods (`listings`) cannot be read, each with the key it is at: a period
    ending before it begins, one not after the one before it (out of order, or overlapping, or
    after one still open), or listed_from or listed_to given otherwise than the periods say. Read
    as given, a work in a gap or before the first period could be judged by the wrong period."""
    out: list[tuple[tuple[str | int, ...], str]] = []
    periods = entry.listings
    for k, p in enumerate(periods):
        if p.end is not None and p.end < p.start:
            out.append((("listings", k, "to"), f"period {k + 1} ends on {p.end}, before it begins on {p.start}"))
        before = periods[k - 1] if k else None
        if before is not None and (before.end is None or p.start <= before.end):
            why = "is still open (to: null)" if before.end is None else f"runs to {before.end}"
            out.append(
                (
                    ("listings", k, "from"),
                    f"period {k + 1} begins on {p.start}, but period {k} ({before}) {why}: give the periods in"
                    " order, each after the one before it",
                )
            )
    if periods and "listed_from" in raw and entry.listed_from != periods[0].start:
        out.append(
            (
                ("listed_from",),
                f"listed_from {entry.listed_from or 'null'} is not the first period's start {periods[0].start}",
            )
        )
    if periods and "listed_to" in raw and entry.listed_to != periods[-1].end:
        out.append(
            (
                ("listed_to",),
                f"listed_to {entry.listed_to or 'null'} is not the last period's end {periods[-1].end or 'null (still listed)'}",
            )
        )
    return out


def _entry(raw: dict[str, Any], line: int) -> ListEntry:
    fields = dict(raw)
    fields["id"] = raw.get("id") or ids.slug(raw["name"])
    fields["openalex"] = tuple(ids.openalex_id(v) for v in raw.get("openalex", ()))
    fields["ror"] = tuple(ids.ror_id(v) for v in raw.get("ror", ()))
    for key in ("aliases", "categories", "supervising_agencies", "addresses", "programs", "source_lists", "references"):
        if key in raw:
            fields[key] = tuple(raw[key])
    if "related" in raw:
        fields["related"] = tuple(Related(**r) for r in raw["related"])
    if "listings" in raw:
        fields["listings"] = tuple(Listing.model_validate(p) for p in raw["listings"])
    return ListEntry(**fields, line=line)


class ListLibrary:
    """Finds list files by id in `evidence/lists/` and in any extra folders, and loads each once."""

    def __init__(self, dirs: Sequence[str | Path] = ()):
        self.dirs = [Path(d) for d in dirs]
        self._loaded: dict[str, ReferenceList] = {}

    def available(self) -> list[str]:
        found = {Path(name).stem for d in self.dirs for name in yaml_names_in(d)}
        return sorted(found)

    def path_of(self, list_id: str) -> Path | None:
        """The file of list `list_id`: `ID.yaml`, or `ID.yml` (as editors save YAML, in any case,
        read by `validate` as by the claims), the last folder's where several have one. Two in
        one folder (a list updated and saved as `ID.yml` beside the old `ID.yaml`) are refused:
        either chosen, the other's entries would be left out in silence."""
        # Later folders win, so `--lists DIR` can stand in for a shipped list of the same id.
        return next((p for d in reversed(self.dirs) if (p := file_of_id(d, list_id, "list"))), None)

    def get(self, list_id: str) -> ReferenceList:
        if list_id not in self._loaded:
            path = self.path_of(list_id)
            if path is None:
                raise KeyError(list_id)
            self._loaded[list_id] = load_list(path)
        return self._loaded[list_id]


def default_dirs(root: str | Path = ".", extra: Iterable[str | Path] = ()) -> list[Path]:
    return [Path(root) / DEFAULT_LISTS_DIR, *(Path(d) for d in extra)]


def find_list(ref: str | Path, *, root: str | Path = ".", dirs: Iterable[str | Path] = ()) -> ReferenceList:
    """A list by its id, found in `root`/evidence/lists/ and the folders `dirs` (later folders win),
    or by the path of its file (a name ending .yaml or .yml, or holding a '/').

    An unknown id is an InputError that names the lists there are.
    """
    if isinstance(ref, Path) or ref.endswith((".yaml", ".yml")) or "/" in ref:
        return load_list(ref)
    library = ListLibrary(default_dirs(root, dirs))
    try:
        return library.get(ref)
    except KeyError:
        known = ", ".join(library.available()) or "(none)"
        raise InputError(
            Problem(str(Path(root) / DEFAULT_LISTS_DIR), 0, 0, f"unknown list '{ref}'; known: {known}")
        ) from None
