"""The trade.gov Consolidated Screening List (JSON or CSV): its records, read the same whichever
format they came in, and the list document of the organisations picked from them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import documents
from ..errors import InputError, Problem
from ._import import IMPORT_MAX_BYTES, At, Draft, file_label, list_document, read_json, short_key, unique, with_ids

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


@dataclass(frozen=True)
class CslRecord:
    """One record of the Consolidated Screening List, the same whichever format it came in."""

    at: At
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
        return unique(c for _, c in self.addresses)

    @property
    def is_organisation(self) -> bool:
        return self.type.strip().casefold() in CSL_ORGANISATION_TYPES


def read_csl_records(text: str, path: str) -> tuple[str, list[CslRecord]]:
    """The file's format ('json' or 'csv') and its records; a malformed file is an InputError."""
    if text.lstrip()[:1] in ("{", "["):
        return "json", _csl_json_records(read_json(text, path), path)
    return "csv", _csl_csv_records(text, path)


def _split(value: str | None) -> list[str]:
    """A CSV cell holding several values joined by '; '."""
    # Some rows hold '[]' where the list was empty.
    return [] if not value or value.strip() == "[]" else unique(value.split("; "))


def _csl_json_records(data: Any, path: str) -> list[CslRecord]:
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise InputError(
            Problem(path, 0, 0, "not the Consolidated Screening List JSON: expected an object with a 'results' array")
        )
    return [_csl_json_record(row, At(path, pointer=f"results[{i}]")) for i, row in enumerate(data["results"])]


def _csl_json_record(row: Any, at: At) -> CslRecord:
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
        return unique(value or [])

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


def _required(value: str, key: str, at: At) -> str:
    if not value.strip():
        raise InputError(at.problem(f"'{key}' is empty"))
    return value.strip()


_ADDRESS_PARTS = ("address", "city", "state", "postal_code", "country")


def _json_addresses(value: Any, at: At) -> list[tuple[str, str]]:
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
            at, start = At(path, line=start), reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise InputError(at.problem(f"the row has {len(row)} fields; the header has {len(header)}"))
            records.append(_csl_csv_record({k: row[i] for k, i in column.items()}, at))
        return records
    except csv.Error as e:
        raise InputError(Problem(path, reader.line_num, 1, f"not valid CSV: {e}")) from None


def _csl_csv_record(row: dict[str, str], at: At) -> CslRecord:
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
        file=file_label(path),
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
    entries = with_ids([_csl_draft(r) for r in kept])
    what = "; ".join(sources) if sources else "every source"
    where = f" with an address in {code}" if code else ""
    list_source: dict[str, Any] = {"title": "Consolidated Screening List", "publisher": CSL_PUBLISHER, "url": url}
    if retrieved:
        list_source["retrieved"] = retrieved
    return list_document(
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


def _csl_draft(r: CslRecord) -> Draft:
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
    return Draft(
        fields={
            "name": r.name,
            "aliases": unique(r.aliases, besides=[r.name]),
            "country": countries[0] if len(countries) == 1 else None,
            **dates,
            # Kept exactly as given: the list mixes '85 FR 34495' and '82 F.R. 48792 10/01/2017'.
            "citation": r.federal_register_notice if (r.federal_register_notice or "").strip() else None,
            "verified": True,
            "addresses": unique(a for a, _ in r.addresses),
            "programs": list(r.programs),
            "source_list": r.source,
            "notes": " ".join(notes),
        },
        at=r.at,
        keys=(r.entity_number, short_key(r.record_id)),
    )
