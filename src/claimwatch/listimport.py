"""Reference lists made from the sources' own files, the Consolidated Screening List fetched from
trade.gov, and what changed between two versions of a list.

    import_aspi(path, ...)      the ASPI China Defence Universities Tracker, as the MISP galaxy packages it
    import_csl(path, ...)       the trade.gov Consolidated Screening List, JSON or CSV
    fetch_csl(out, ...)         download the Consolidated Screening List, import it and write the list
    write_list_yaml(doc, out)   check a list document by the loader's own rules, then write it atomically
    load_list_version(path)     a list file for comparison (its name need not match its id)
    diff_lists(old, new)        entries added, removed and changed between two versions

An import returns a list document: plain data in the list file format (list.schema.json), the
same for the same input and options. Nothing is written until the whole file has been read, the
entries picked and the result checked; a malformed input is an InputError (exit 2) naming the
file and, where it can be known, the line. A failed download is a SourceError (exit 3) naming the
URL without its credentials.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
import time
import urllib.parse
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import requests
import yaml

from . import documents, ids, lists
from .errors import InputError, Problem, SourceError
from .files import write_atomic

ASPI_GALAXY_TYPE = "china-defence-universities"
ASPI_TRACKER_URL = "https://unitracker.aspi.org.au/"

CSL_JSON_URL = "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json"
"""Where trade.gov publishes the whole Consolidated Screening List as JSON (`{"results": [...]}`)."""
CSL_PAGE_URL = "https://www.trade.gov/consolidated-screening-list"
CSL_PUBLISHER = "International Trade Administration, US Department of Commerce"

# Columns the mapping reads; the published CSV has more (FACTS.md lists all 29).
CSL_REQUIRED_COLUMNS = (
    "_id",
    "source",
    "entity_number",
    "type",
    "programs",
    "name",
    "addresses",
    "federal_register_notice",
    "start_date",
    "end_date",
    "alt_names",
)
# Record types that are organisations. The BIS and State Department lists (the Entity List among
# them) leave `type` empty, so an untyped record counts as an organisation too.
CSL_ORGANISATION_TYPES = ("entity", "")

IMPORT_MAX_BYTES = 512 * 1024 * 1024  # the whole CSL is tens of megabytes


# --- where a record stands, and the entries on their way into a list -------------------------


@dataclass(frozen=True)
class _At:
    """A record's place in its file: a line (CSV) or a JSON path (the JSON parser keeps no positions)."""

    path: str
    line: int = 0
    pointer: str = ""

    def problem(self, message: str) -> Problem:
        text = f"{self.pointer}: {message}" if self.pointer else message
        return Problem(self.path, self.line, 1 if self.line else 0, text)

    def __str__(self) -> str:
        return f"line {self.line}" if self.line else self.pointer


@dataclass
class _Draft:
    """An entry without its id yet, where its record stood, and keys that tell it from a namesake."""

    fields: dict[str, Any]
    at: _At
    keys: tuple[str, ...] = ()


_ENTRY_ORDER = (
    "id",
    "name",
    "aliases",
    "openalex",
    "ror",
    "country",
    "listed_from",
    "listed_to",
    "citation",
    "verified",
    "categories",
    "supervising_agencies",
    "addresses",
    "programs",
    "source_list",
    "references",
    "notes",
)
_ALWAYS_WRITTEN = ("listed_from", "citation")  # null says "not known", which is worth saying


def _entry(fields: dict[str, Any]) -> dict[str, Any]:
    """The entry's fields in the order list files use, without empty values."""
    return {
        k: fields[k]
        for k in _ENTRY_ORDER
        if k in fields and (k in _ALWAYS_WRITTEN or fields[k] not in (None, "", [], ()))
    }


def _unique(values: Iterable[str], *, besides: Sequence[str] = ()) -> list[str]:
    """Stripped, non-empty values in order, each once, leaving out those in `besides`."""
    out: list[str] = []
    for v in values:
        v = v.strip()
        if v and v not in out and v not in besides:
            out.append(v)
    return out


def _with_ids(drafts: Sequence[_Draft]) -> list[dict[str, Any]]:
    """Entries with ids: the slug of the name, and where names collide, the slug and the record's own key."""
    bases = [ids.slug(d.fields["name"]) for d in drafts]
    shared = {b for b, n in Counter(bases).items() if n > 1}
    taken: dict[str, _At] = {}
    entries = []
    for draft, base in zip(drafts, bases, strict=True):
        entry_id = base
        key = next((k for k in draft.keys if k), None)
        if base in shared and key:
            entry_id = _suffixed(base, ids.slug(key))
        if entry_id in taken:
            why = (
                "has the same name and key"
                if base in shared and key
                else "has the same name and no key to tell them apart"
                if base in shared
                else "has it too"
            )
            raise InputError(
                draft.at.problem(f"duplicate entry id '{entry_id}': the record at {taken[entry_id]} {why}")
            )
        taken[entry_id] = draft.at
        entries.append(_entry({"id": entry_id, **draft.fields}))
    return entries


def _suffixed(base: str, suffix: str) -> str:
    room = 120 - len(suffix) - 1  # the schema's limit on an id
    return f"{base[:room].rstrip('-')}-{suffix}"


def _short_key(key: str | None) -> str:
    """A record key short enough for an id: a long hash (the CSL's _id) keeps its first 10 characters."""
    key = (key or "").strip()
    return key[:10] if re.fullmatch(r"[0-9a-fA-F]{32,}", key) else key


def list_id_for(out: str | Path) -> str:
    """The list id a file name gives (`evidence/lists/seven-sons.yaml` -> `seven-sons`)."""
    stem = Path(out).stem
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", stem) or len(stem) > 120:
        raise InputError(
            Problem(
                str(out),
                0,
                0,
                f"'{stem}' is not a list id (lower-case letters, digits, '.', '_', "
                "'-'); name the file after the list's id",
            )
        )
    return stem


def _list_document(
    *,
    list_id: str,
    name: str,
    description: str,
    source: dict[str, Any],
    imported: dict[str, Any],
    entries: list[dict[str, Any]],
) -> dict[str, Any]:
    return {
        "id": list_id,
        "name": name,
        "description": description,
        "sources": [source],
        "imported": imported,
        "entries": entries,
    }


def _read_json(text: str, path: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(Problem(path, e.lineno, e.colno, f"not valid JSON: {e.msg}")) from None
    except RecursionError:
        raise InputError(Problem(path, 0, 0, "not valid JSON: nested too deeply")) from None


def _file_label(path: str | Path) -> str:
    # The file name only: the same file imported from another folder gives the same list.
    return Path(path).name


# --- ASPI China Defence Universities Tracker (MISP galaxy) -----------------------------------

_NAME_AND_NATIVE = re.compile(r"^(?P<name>.*\S)\s*\((?P<native>[^()]*)\)\s*$")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def split_aspi_value(value: str) -> tuple[str, str | None]:
    """'Beihang University (北京航空航天大学)' -> ('Beihang University', '北京航空航天大学').

    Only a last parenthesis in Chinese is split off: 'China University of Geosciences (Wuhan)
    (中国地质大学)' keeps '(Wuhan)' in the name.
    """
    m = _NAME_AND_NATIVE.match(value.strip())
    if m and _CJK.search(m["native"]):
        return m["name"].strip(), m["native"].strip()
    return value.strip(), None


def import_aspi(
    path: str | Path, *, list_id: str, name: str | None = None, categories: Sequence[str] = ()
) -> dict[str, Any]:
    """A list document from the tracker's MISP galaxy file, with the entries of `categories` (all by default)."""
    label = str(path)
    text, digest = documents.read_text(path, max_bytes=IMPORT_MAX_BYTES)
    galaxy = _aspi_galaxy(_read_json(text, label), label)
    values = galaxy["values"]
    wanted = _aspi_categories(values, categories, label)
    drafts = [
        _aspi_draft(v, _At(label, pointer=f"values[{i}]"))
        for i, v in enumerate(values)
        if not wanted or wanted & {c.casefold() for c in _meta(v).get("categories", [])}
    ]
    entries = _with_ids(drafts)
    title = str(galaxy.get("name") or "China Defence Universities Tracker")
    publisher = str(galaxy.get("source") or "ASPI International Cyber Policy Centre")
    picked = "; ".join(categories)
    in_categories = f" in the categor{'ies' if len(categories) > 1 else 'y'} {picked}" if categories else ""
    return _list_document(
        list_id=list_id,
        name=name or (f"{title}: {picked}" if categories else title),
        description=(
            f"Institutions of the {title} ({publisher}){in_categories}, imported from the tracker as the "
            "MISP galaxy project packages it. The tracker gives no listing dates: listed_from is null "
            "for every entry."
        ),
        source={
            "title": title,
            "publisher": publisher,
            "url": ASPI_TRACKER_URL,
            "note": f"Read through the MISP galaxy package '{ASPI_GALAXY_TYPE}'"
            + (f", version {galaxy['version']}" if isinstance(galaxy.get("version"), int) else "")
            + ".",
        },
        imported={
            "format": f"misp-galaxy:{ASPI_GALAXY_TYPE}",
            "file": _file_label(path),
            "sha256": digest,
            "options": {"category": list(categories)},
            "records_read": len(values),
            "entries_kept": len(entries),
        },
        entries=entries,
    )


def _aspi_galaxy(data: Any, path: str) -> dict[str, Any]:
    """The galaxy, checked for the shape the importer reads; the first thing amiss is the error."""
    if not isinstance(data, dict) or not isinstance(data.get("values"), list):
        raise InputError(Problem(path, 0, 0, "not a MISP galaxy cluster: expected an object with a 'values' array"))
    if data.get("type") != ASPI_GALAXY_TYPE:
        raise InputError(
            Problem(
                path,
                0,
                0,
                f"a MISP galaxy of type '{data.get('type')}', not the ASPI China Defence "
                f"Universities Tracker ('{ASPI_GALAXY_TYPE}')",
            )
        )
    for i, value in enumerate(data["values"]):
        at = _At(path, pointer=f"values[{i}]")
        if not isinstance(value, dict):
            raise InputError(at.problem("is not an object"))
        if not isinstance(value.get("value"), str) or not value["value"].strip():
            raise InputError(at.problem("has no 'value' (the institution's name)"))
        meta = value.get("meta", {})
        if not isinstance(meta, dict):
            raise InputError(at.problem("'meta' is not an object"))
        for key in ("aliases", "categories", "supervising agencies", "refs"):
            if key in meta and not (isinstance(meta[key], list) and all(isinstance(s, str) for s in meta[key])):
                raise InputError(at.problem(f"meta.{key} is not a list of text"))
        if "address" in meta and not isinstance(meta["address"], str):
            raise InputError(at.problem("meta.address is not text"))
    return data


def _meta(value: dict[str, Any]) -> dict[str, Any]:
    return value.get("meta") or {}


def _aspi_categories(values: list[dict[str, Any]], categories: Sequence[str], path: str) -> set[str]:
    """The categories asked for, folded for comparison; one that no entry has is an error that lists those that exist."""
    known = sorted({c for v in values for c in _meta(v).get("categories", [])})
    folded = {c.casefold() for c in known}
    for c in categories:
        if c.casefold() not in folded:
            raise InputError(
                Problem(
                    path,
                    0,
                    0,
                    f"no entry has the category '{c}'; categories in the file: {'; '.join(known) or '(none)'}",
                )
            )
    return {c.casefold() for c in categories}


def _aspi_draft(value: dict[str, Any], at: _At) -> _Draft:
    meta = _meta(value)
    name, native = split_aspi_value(value["value"])
    address = (meta.get("address") or "").strip()
    return _Draft(
        fields={
            "name": name,
            "aliases": _unique([native or "", *meta.get("aliases", [])], besides=[name]),
            # The tracker covers institutions of the People's Republic of China only (its own description).
            "country": "CN",
            "listed_from": None,
            "citation": None,
            "verified": True,
            "categories": _unique(meta.get("categories", [])),
            "supervising_agencies": _unique(meta.get("supervising agencies", [])),
            "addresses": [address] if address else [],
            "references": _unique(meta.get("refs", [])),
        },
        at=at,
        keys=(str(value.get("uuid") or "")[:8],),
    )


# --- the Consolidated Screening List ----------------------------------------------------------


@dataclass(frozen=True)
class CslRecord:
    """One record of the Consolidated Screening List, the same whichever format it came in."""

    at: _At
    record_id: str
    source: str
    entity_number: str
    type: str
    name: str
    aliases: tuple[str, ...]
    addresses: tuple[tuple[str, str], ...]  # (the address as one string, its country code)
    programs: tuple[str, ...]
    federal_register_notice: str | None
    start_date: str
    end_date: str

    @property
    def countries(self) -> list[str]:
        return _unique(c for _, c in self.addresses)

    @property
    def is_organisation(self) -> bool:
        return self.type.strip().casefold() in CSL_ORGANISATION_TYPES


def read_csl_records(text: str, path: str) -> tuple[str, list[CslRecord]]:
    """The file's format ('json' or 'csv') and its records; a malformed file is an InputError."""
    if text.lstrip()[:1] in ("{", "["):
        return "json", _csl_json_records(_read_json(text, path), path)
    return "csv", _csl_csv_records(text, path)


def _split(value: str | None) -> list[str]:
    """A CSV cell holding several values joined by '; '."""
    # Some rows hold '[]' where the list was empty.
    return [] if not value or value.strip() == "[]" else _unique(value.split("; "))


def _csl_json_records(data: Any, path: str) -> list[CslRecord]:
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise InputError(
            Problem(path, 0, 0, "not the Consolidated Screening List JSON: expected an object with a 'results' array")
        )
    return [_csl_json_record(row, _At(path, pointer=f"results[{i}]")) for i, row in enumerate(data["results"])]


def _csl_json_record(row: Any, at: _At) -> CslRecord:
    if not isinstance(row, dict):
        raise InputError(at.problem("is not an object"))

    def text(key: str) -> str:
        value = row.get(key)
        if value is None:
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise InputError(at.problem(f"'{key}' is not text"))
        return str(value)

    def texts(key: str) -> list[str]:
        value = row.get(key)
        if isinstance(value, str):
            return _split(value)
        if value is not None and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise InputError(at.problem(f"'{key}' is not a list of text"))
        return _unique(value or [])

    return CslRecord(
        at=at,
        record_id=text("id") or text("_id"),
        source=_required(text("source"), "source", at),
        entity_number=text("entity_number"),
        type=text("type"),
        name=_required(text("name"), "name", at),
        aliases=tuple(texts("alt_names")),
        addresses=tuple(_json_addresses(row.get("addresses"), at)),
        programs=tuple(texts("programs")),
        federal_register_notice=text("federal_register_notice") or None,
        start_date=text("start_date"),
        end_date=text("end_date"),
    )


def _required(value: str, key: str, at: _At) -> str:
    if not value.strip():
        raise InputError(at.problem(f"'{key}' is empty"))
    return value.strip()


_ADDRESS_PARTS = ("address", "city", "state", "postal_code", "country")


def _json_addresses(value: Any, at: _At) -> list[tuple[str, str]]:
    """Each address object as one string, in the order and form the CSV uses ('street, city, state, postcode, CC')."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise InputError(at.problem("'addresses' is not a list"))
    out = []
    for i, address in enumerate(value):
        if not isinstance(address, dict) or not all(
            isinstance(address.get(k), (str, type(None))) for k in _ADDRESS_PARTS
        ):
            raise InputError(at.problem(f"addresses[{i}] is not an address object"))
        parts = [address[k].strip() for k in _ADDRESS_PARTS if (address.get(k) or "").strip()]
        if parts:
            out.append((", ".join(parts), (address.get("country") or "").strip().upper()))
    return out


def _csl_csv_records(text: str, path: str) -> list[CslRecord]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
        missing = [c for c in CSL_REQUIRED_COLUMNS if c not in header]
        if missing:
            raise InputError(
                Problem(
                    path,
                    1,
                    1,
                    f"not the Consolidated Screening List CSV: missing column"
                    f"{'s' if len(missing) > 1 else ''} {', '.join(missing)}",
                )
            )
        column = {name: header.index(name) for name in CSL_REQUIRED_COLUMNS}
        records = []
        start = reader.line_num + 1
        for row in reader:
            at, start = _At(path, line=start), reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise InputError(at.problem(f"the row has {len(row)} fields; the header has {len(header)}"))
            records.append(_csl_csv_record({k: row[i] for k, i in column.items()}, at))
        return records
    except csv.Error as e:
        raise InputError(Problem(path, reader.line_num, 1, f"not valid CSV: {e}")) from None


def _csl_csv_record(row: dict[str, str], at: _At) -> CslRecord:
    return CslRecord(
        at=at,
        record_id=row["_id"].strip(),
        source=_required(row["source"], "source", at),
        entity_number=row["entity_number"].strip(),
        type=row["type"],
        name=_required(row["name"], "name", at),
        aliases=tuple(_split(row["alt_names"])),
        addresses=tuple((a, _csv_address_country(a)) for a in _split(row["addresses"])),
        programs=tuple(_split(row["programs"])),
        federal_register_notice=row["federal_register_notice"] or None,
        start_date=row["start_date"],
        end_date=row["end_date"],
    )


def _csv_address_country(address: str) -> str:
    """The CSV writes the country code last: 'No. 92 West Dazhi Street, Harbin, Heilongjiang, CN'."""
    last = address.rsplit(", ", 1)[-1].strip()
    return last.upper() if re.fullmatch(r"[A-Za-z]{2}", last) else ""


def source_abbreviation(source: str) -> str:
    """'Entity List (EL) - Bureau of Industry and Security' -> 'EL'."""
    m = re.search(r"\(([^()]+)\)", source)
    return m.group(1).strip() if m else source


def import_csl(
    path: str | Path, *, list_id: str, name: str | None = None, source: str | None = None, country: str | None = None
) -> dict[str, Any]:
    """A list document from a Consolidated Screening List file (JSON or CSV): the organisations of
    every source, or of `source` (full name or abbreviation, e.g. 'EL'), with an address in `country`."""
    label = str(path)
    text, digest = documents.read_text(path, max_bytes=IMPORT_MAX_BYTES)
    fmt, records = read_csl_records(text, label)
    return csl_list_document(
        records,
        origin=label,
        fmt=fmt,
        file=_file_label(path),
        sha256=digest,
        list_id=list_id,
        name=name,
        source=source,
        country=country,
    )


def csl_list_document(
    records: Sequence[CslRecord],
    *,
    origin: str,
    fmt: str,
    file: str,
    sha256: str,
    list_id: str,
    name: str | None = None,
    source: str | None = None,
    country: str | None = None,
    url: str = CSL_PAGE_URL,
    retrieved: dt.date | None = None,
) -> dict[str, Any]:
    """The list document for the records picked by `source` and `country` (see import_csl)."""
    sources = _matching_sources(records, source, origin) if source else []
    code = country.strip().upper() if country else None
    if code is not None and not re.fullmatch(r"[A-Z]{2}", code):
        raise ValueError(f"country must be a two-letter ISO code, not {country!r}")
    kept = [
        r
        for r in records
        if r.is_organisation and (not sources or r.source in sources) and (code is None or code in r.countries)
    ]
    entries = _with_ids([_csl_draft(r) for r in kept])
    what = "; ".join(sources) if sources else "every source"
    where = f" with an address in {code}" if code else ""
    list_source: dict[str, Any] = {"title": "Consolidated Screening List", "publisher": CSL_PUBLISHER, "url": url}
    if retrieved:
        list_source["retrieved"] = retrieved
    return _list_document(
        list_id=list_id,
        name=name
        or f"Consolidated Screening List: {'; '.join(sources) or 'organisations'}{f' ({code})' if code else ''}",
        description=(
            f"Organisations from {what} of the trade.gov Consolidated Screening List{where}. Records typed "
            "'Entity', and untyped records (the BIS and State Department lists do not type theirs), are "
            "kept; individuals, vessels and aircraft are not. Dates and Federal Register citations are "
            "as the list gives them."
        ),
        source=list_source,
        imported={
            "format": f"csl-{fmt}",
            "file": file,
            "sha256": sha256,
            "options": {"source": source, "country": code},
            "records_read": len(records),
            "entries_kept": len(entries),
        },
        entries=entries,
    )


def _matching_sources(records: Sequence[CslRecord], source: str, origin: str) -> list[str]:
    known = sorted({r.source for r in records})
    wanted = source.strip().casefold()
    found = [s for s in known if wanted in (s.casefold(), source_abbreviation(s).casefold())]
    if not found:
        listed = "; ".join(f"{source_abbreviation(s)} ({s})" for s in known) or "(none)"
        raise InputError(Problem(origin, 0, 0, f"no records from the source '{source}'; sources in the file: {listed}"))
    return found


def _csl_date(raw: str) -> tuple[dt.date | None, bool]:
    """A CSL date and whether it could be read; some rows hold other forms (' 8/11/2015')."""
    text = raw.strip()
    if not text:
        return None, True
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:T[0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?", text)
    try:
        return (dt.date.fromisoformat(m.group(1)), True) if m else (None, False)
    except ValueError:
        return None, False


def _csl_draft(r: CslRecord) -> _Draft:
    notes = []
    countries = r.countries
    if len(countries) > 1:
        notes.append(f"Addresses in {len(countries)} countries: {', '.join(countries)}.")
    dates = {}
    for key, raw in (("listed_from", r.start_date), ("listed_to", r.end_date)):
        dates[key], readable = _csl_date(raw)
        if not readable:
            field_name = "start_date" if key == "listed_from" else "end_date"
            notes.append(
                f"The list gives {field_name} as {raw.strip()!r}, not a date (YYYY-MM-DD); {key} is left null."
            )
    return _Draft(
        fields={
            "name": r.name,
            "aliases": _unique(r.aliases, besides=[r.name]),
            "country": countries[0] if len(countries) == 1 else None,
            **dates,
            # Kept exactly as given: the list mixes '85 FR 34495' and '82 F.R. 48792 10/01/2017'.
            "citation": r.federal_register_notice if (r.federal_register_notice or "").strip() else None,
            "verified": True,
            "addresses": _unique(a for a, _ in r.addresses),
            "programs": list(r.programs),
            "source_list": r.source,
            "notes": " ".join(notes),
        },
        at=r.at,
        keys=(r.entity_number, _short_key(r.record_id)),
    )


# --- writing a list file ----------------------------------------------------------------------

try:  # libyaml writes a large list several times faster; both emit the same block style
    _BaseDumper: type[yaml.SafeDumper] = yaml.CSafeDumper  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseDumper = yaml.SafeDumper


class _ListDumper(_BaseDumper):  # type: ignore[misc, valid-type]
    """Block style, no anchors: an entry that repeats another's values is still written out."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def render_list_yaml(document: dict[str, Any]) -> str:
    """The list file's text: the same bytes for the same document."""
    fmt = (document.get("imported") or {}).get("format", "")
    header = f"# Written by claimwatch from {fmt}; re-run the import rather than editing by hand.\n" if fmt else ""
    body = yaml.dump(
        document, Dumper=_ListDumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100, indent=2
    )
    return header + body


def write_list_yaml(document: dict[str, Any], out: str | Path) -> lists.ReferenceList:
    """Check the document as `load_list` will read it back, then write it atomically; returns the list."""
    out = Path(out)
    text = render_list_yaml(document)
    data = text.encode("utf-8")
    if len(data) > lists.LIST_MAX_BYTES:
        raise InputError(
            Problem(
                str(out),
                0,
                0,
                f"the list would be {len(data):,} bytes, more than a list file may hold "
                f"({lists.LIST_MAX_BYTES:,}); narrow it (e.g. --source, --country)",
            )
        )
    doc = documents.parse_yaml(text, str(out))
    problems = documents.schema_problems(doc, "list")
    if problems:
        raise InputError(problems)
    checked = lists.list_from_document(doc).model_copy(update={"sha256": hashlib.sha256(data).hexdigest()})
    write_atomic(out, data)
    return checked


# --- fetching the Consolidated Screening List -----------------------------------------------


def _worth_retrying(status: int) -> bool:
    """Too many requests, or a server error that may pass (not 501 Not Implemented or 505)."""
    return status == 429 or (500 <= status < 600 and status not in (501, 505))


@dataclass(frozen=True)
class FetchPolicy:
    """How patiently to download: timeouts, attempts, back-off, and a bound on the total time spent waiting."""

    connect_timeout: float = 10.0
    read_timeout: float = 120.0
    attempts: int = 5
    backoff: float = 2.0  # the first wait; it doubles after each failed attempt
    max_backoff: float = 60.0
    max_wait: float = 300.0  # seconds of waiting between attempts, Retry-After included
    max_bytes: int = IMPORT_MAX_BYTES
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)


_SECRET_PARAM = re.compile(r"key|token|secret|pass|auth|sig|credential|session", re.IGNORECASE)


def redact_url(url: str) -> str:
    """The URL without a user name, password or secret-looking query values, fit for messages and files."""
    parts = urllib.parse.urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)[-1]
    query = urllib.parse.urlencode(
        [
            (k, "REDACTED" if _SECRET_PARAM.search(k) else v)
            for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
        ],
        safe="/:",
    )
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, query, ""))


def download(url: str, policy: FetchPolicy = FetchPolicy()) -> bytes:
    """The body at `url`, retrying on 429 and 5xx (honouring Retry-After) and on dropped connections."""
    shown = redact_url(url)
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise InputError(Problem(shown, 0, 0, "not an http or https URL"))
    waited = 0.0
    failure = "no attempt made"
    with requests.Session() as session:
        for attempt in range(1, max(policy.attempts, 1) + 1):
            retry_after: float | None = None
            try:
                with session.get(
                    url,
                    stream=True,
                    timeout=(policy.connect_timeout, policy.read_timeout),
                    headers={"User-Agent": _user_agent(), "Accept": "application/json, text/csv"},
                ) as response:
                    if response.status_code == 200:
                        return _read_body(response, policy.max_bytes, shown)
                    failure = f"HTTP {response.status_code} {response.reason or ''}".strip()
                    if not _worth_retrying(response.status_code):
                        raise SourceError(f"{shown}: {failure}")
                    retry_after = _retry_after(response.headers.get("Retry-After"))
            except (
                requests.ConnectionError,
                requests.Timeout,
                requests.exceptions.ChunkedEncodingError,
                requests.exceptions.ContentDecodingError,
            ) as e:
                failure = _describe_network_error(e)
            except requests.RequestException as e:
                raise SourceError(f"{shown}: {_describe_network_error(e)}") from None
            if attempt >= policy.attempts:
                break
            wait = (
                retry_after if retry_after is not None else min(policy.backoff * 2 ** (attempt - 1), policy.max_backoff)
            )
            if waited + wait > policy.max_wait:
                raise SourceError(
                    f"{shown}: {failure}; waiting {wait:g} s more would pass the {policy.max_wait:g} s "
                    f"bound on waiting (after {attempt} attempt{'s' if attempt > 1 else ''})"
                )
            policy.sleep(wait)
            waited += wait
    tries = max(policy.attempts, 1)
    raise SourceError(f"{shown}: {failure} (gave up after {tries} attempt{'s' if tries > 1 else ''})")


def _user_agent() -> str:
    from . import __version__

    return f"claimwatch/{__version__} (lists fetch)"


def _read_body(response: requests.Response, max_bytes: int, shown: str) -> bytes:
    chunks, size = [], 0
    for chunk in response.iter_content(chunk_size=1 << 20):
        size += len(chunk)
        if size > max_bytes:
            raise SourceError(f"{shown}: the download is larger than {max_bytes:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date); None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


def _describe_network_error(e: requests.RequestException) -> str:
    """What went wrong, in words of our own: the library's messages repeat the URL, query string and all."""
    text = str(e)
    if isinstance(e, requests.exceptions.ConnectTimeout):
        return "the connection timed out"
    if isinstance(e, requests.exceptions.ReadTimeout):
        return "the server sent nothing for longer than the read timeout"
    if isinstance(e, requests.exceptions.ChunkedEncodingError):
        return "the connection broke off during the download (truncated)"
    if isinstance(e, requests.exceptions.ContentDecodingError):
        return "the response could not be decompressed"
    for marker, meaning in (
        ("reset by peer", "the server reset the connection"),
        ("refused", "the connection was refused"),
        ("without response", "the server closed the connection without a response"),
        ("NameResolution", "the host name could not be resolved"),
        ("SSL", "the TLS handshake failed"),
    ):
        if marker in text:
            return meaning
    return f"the request failed ({type(e).__name__})"


def _decode(raw: bytes, label: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise InputError(Problem(label, line, 1, "not UTF-8 text")) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise InputError(Problem(label, 0, 0, "the download is empty"))
    return text


def fetch_csl(
    out: str | Path,
    *,
    url: str = CSL_JSON_URL,
    list_id: str | None = None,
    name: str | None = None,
    source: str | None = None,
    country: str | None = None,
    policy: FetchPolicy = FetchPolicy(),
    today: dt.date | None = None,
) -> lists.ReferenceList:
    """Download the Consolidated Screening List, import it as import_csl does, and write the list to `out`.

    A failed download, or one that is not the list's JSON or CSV, is a SourceError naming the URL;
    the file at `out` is left as it was.
    """
    shown = redact_url(url)
    list_id = list_id or list_id_for(out)
    raw = download(url, policy)
    try:
        fmt, records = read_csl_records(_decode(raw, shown), shown)
    except InputError as e:
        raise SourceError(f"{e.problems[0]} (the download is not a usable Consolidated Screening List)") from None
    document = csl_list_document(
        records,
        origin=shown,
        fmt=fmt,
        file=shown,
        sha256=hashlib.sha256(raw).hexdigest(),
        list_id=list_id,
        name=name,
        source=source,
        country=country,
        url=shown,
        retrieved=today or dt.datetime.now(dt.UTC).date(),
    )
    return write_list_yaml(document, out)


# --- comparing two versions of a list ---------------------------------------------------------


def load_list_version(path: str | Path) -> lists.ReferenceList:
    """A list file as load_list reads it, except that its name need not match its id, so an old
    copy kept beside the current one (`us-entity-list.old.yaml`) can be compared."""
    return lists.load_list(path, check_file_name=False)


_COMPARED_FIELDS = ("id", "name", "listed_from", "listed_to", "citation")
_COMPARED_SETS = ("aliases", "openalex", "ror")


@dataclass(frozen=True)
class EntryChange:
    """How one entry differs between two versions: fields (old, new) and names or ids added or removed."""

    entry: lists.ListEntry  # as the new version has it
    old_id: str
    matched_by: str  # "id" or "name"
    fields: dict[str, tuple[Any, Any]]
    added: dict[str, tuple[str, ...]]
    removed: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class ListDiff:
    """What changed from `old` to `new`: entries added and removed (matched by id, then by name), and changed."""

    old: lists.ReferenceList
    new: lists.ReferenceList
    added: tuple[lists.ListEntry, ...]
    removed: tuple[lists.ListEntry, ...]
    changed: tuple[EntryChange, ...]

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    def to_json(self) -> dict[str, Any]:
        return {
            "old": _version_json(self.old),
            "new": _version_json(self.new),
            "has_changes": self.has_changes,
            "summary": {"added": len(self.added), "removed": len(self.removed), "changed": len(self.changed)},
            "added": [_entry_json(e) for e in self.added],
            "removed": [_entry_json(e) for e in self.removed],
            "changed": [_change_json(c) for c in self.changed],
        }


def diff_lists(old: lists.ReferenceList, new: lists.ReferenceList) -> ListDiff:
    """Compare two versions of a list. Entries pair up by id, then the rest by name (case and spacing
    aside); an entry left without a partner was added or removed."""
    pairs, removed, added = _pair_entries(old.entries, new.entries)
    changes = [c for o, n, how in pairs if (c := _entry_change(o, n, how)) is not None]
    position = {e.id: i for i, e in enumerate(new.entries)}
    changes.sort(key=lambda c: position[c.entry.id])
    return ListDiff(old, new, tuple(added), tuple(removed), tuple(changes))


def _folded(name: str) -> str:
    return " ".join(name.casefold().split())


def _pair_entries(
    old: Sequence[lists.ListEntry], new: Sequence[lists.ListEntry]
) -> tuple[list[tuple[lists.ListEntry, lists.ListEntry, str]], list[lists.ListEntry], list[lists.ListEntry]]:
    """(old, new, matched_by) pairs, the old entries left without a partner, and the new ones left."""
    old_by_id = {e.id: e for e in old}
    pairs = [(old_by_id[e.id], e, "id") for e in new if e.id in old_by_id]
    paired_old = {o.id for o, _, _ in pairs}
    by_name: dict[str, list[lists.ListEntry]] = {}
    for e in old:
        if e.id not in paired_old:
            by_name.setdefault(_folded(e.name), []).append(e)
    added = []
    for e in new:
        if e.id in old_by_id:
            continue
        candidates = by_name.get(_folded(e.name))
        if candidates:
            pairs.append((candidates.pop(0), e, "name"))
        else:
            added.append(e)
    paired_old = {o.id for o, _, _ in pairs}
    removed = [e for e in old if e.id not in paired_old]
    return pairs, removed, added


def _entry_change(old: lists.ListEntry, new: lists.ListEntry, matched_by: str) -> EntryChange | None:
    fields = {f: (getattr(old, f), getattr(new, f)) for f in _COMPARED_FIELDS if getattr(old, f) != getattr(new, f)}
    added = {f: tuple(v for v in getattr(new, f) if v not in getattr(old, f)) for f in _COMPARED_SETS}
    removed = {f: tuple(v for v in getattr(old, f) if v not in getattr(new, f)) for f in _COMPARED_SETS}
    added = {f: v for f, v in added.items() if v}
    removed = {f: v for f, v in removed.items() if v}
    if not (fields or added or removed):
        return None
    return EntryChange(new, old.id, matched_by, fields, added, removed)


def _version_json(rl: lists.ReferenceList) -> dict[str, Any]:
    return {"path": rl.path, "id": rl.id, "sha256": rl.sha256, "entries": len(rl.entries)}


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _entry_json(e: lists.ListEntry) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "listed_from": _plain(e.listed_from),
        "listed_to": _plain(e.listed_to),
        "citation": e.citation,
    }


def _change_json(c: EntryChange) -> dict[str, Any]:
    changes: dict[str, Any] = {f: {"old": _plain(o), "new": _plain(n)} for f, (o, n) in c.fields.items()}
    for f in _COMPARED_SETS:
        if f in c.added or f in c.removed:
            changes[f] = {"added": list(c.added.get(f, ())), "removed": list(c.removed.get(f, ()))}
    return {"id": c.entry.id, "old_id": c.old_id, "name": c.entry.name, "matched_by": c.matched_by, "changes": changes}


def format_diff(diff: ListDiff) -> str:
    """The diff for a reader: a summary line, then '+' added, '-' removed and '~' changed entries."""
    lines = [
        f"{diff.old.path} ({diff.old.id}, {len(diff.old.entries)} entries) -> "
        f"{diff.new.path} ({diff.new.id}, {len(diff.new.entries)} entries): "
        + (
            f"{len(diff.added)} added, {len(diff.removed)} removed, {len(diff.changed)} changed"
            if diff.has_changes
            else "no changes"
        )
    ]
    lines += [f"+ {_describe_entry(e)}" for e in diff.added]
    lines += [f"- {_describe_entry(e)}" for e in diff.removed]
    for c in diff.changed:
        how = f", matched by name to '{c.old_id}'" if c.matched_by == "name" else ""
        lines.append(f"~ {c.entry.name} [{c.entry.id}{how}]")
        lines += [f"    {f}: {_shown(o)} -> {_shown(n)}" for f, (o, n) in c.fields.items()]
        for f in _COMPARED_SETS:
            if f in c.added:
                lines.append(f"    {f} added: {'; '.join(c.added[f])}")
            if f in c.removed:
                lines.append(f"    {f} removed: {'; '.join(c.removed[f])}")
    return "\n".join(lines)


def _describe_entry(e: lists.ListEntry) -> str:
    listed = f"listed {e.listed_from}" if e.listed_from else "listing date unknown"
    return f"{e.name} [{e.id}] ({listed}{', ' + e.citation if e.citation else ''})"


def _shown(value: Any) -> str:
    return "null" if value is None else str(value)
