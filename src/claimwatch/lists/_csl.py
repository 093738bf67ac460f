"""The trade.gov Consolidated Screening List (JSON, CSV or TSV): its records, read the same whichever
format they came in, and the list document of the organisations picked from them.

The whole list is taken as it really is: an entity on several source lists (the same `_id` on
each) is one entry naming all of them; a header row that some mirrors repeat inside the CSV is
skipped; the older CSV layout without `_id` is read by its column names. What the import noticed
and did is written in the list's `imported.notes`.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import itertools
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import countries, documents
from ..errors import InputError, Problem
from ..people import NAME_SUFFIXES
from ..results import no_start_given
from ._import import (
    IMPORT_MAX_BYTES,
    At,
    Draft,
    another_name_within,
    file_label,
    list_document,
    read_json,
    short_key,
    unique,
    with_ids,
)

CSL_JSON_URL = "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json"
"""Where trade.gov publishes the whole Consolidated Screening List as JSON (`{"results": [...]}`)."""
CSL_PAGE_URL = "https://www.trade.gov/consolidated-screening-list"
CSL_PUBLISHER = "International Trade Administration, US Department of Commerce"

# Columns the mapping reads; the published CSV has more (FACTS.md lists all 29).
CSL_REQUIRED_COLUMNS = (
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
# The record id: today's layout has it first; the older layout (28 columns) has none.
CSL_ID_COLUMN = "_id"
# Record types that are organisations. The BIS and State Department lists (the Entity List among
# them) leave `type` empty, so an untyped record counts as an organisation too.
CSL_ORGANISATION_TYPES = ("entity", "")
# Columns only a person's record fills (FACTS.md lists the CSV's 29): OFAC's individuals give them
# ("1955", "Izna, Hebron", "TR"); no organisation is born or a citizen. Read where the file has them.
CSL_PERSON_COLUMNS = ("dates_of_birth", "places_of_birth", "citizenships")


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
    # What the record gives that only a person's does (`CSL_PERSON_COLUMNS`): (column, value).
    personal: tuple[tuple[str, str], ...] = ()

    @property
    def countries(self) -> list[str]:
        return unique(c for _, c in self.addresses)

    @property
    def is_organisation(self) -> bool:
        return self.type.strip().casefold() in CSL_ORGANISATION_TYPES

    @property
    def entity_key(self) -> tuple[str, ...]:
        """What the records of one entity share: the CSL gives an entity on several source lists
        the same `_id` (and entity_number) on each; without either, only a repeat of the record."""
        if self.record_id:
            return ("_id", self.record_id, self.entity_number)
        if self.entity_number:
            return ("entity_number", self.entity_number)
        return ("record", self.source, self.name, *(a for a, _ in self.addresses))

    @property
    def id_key(self) -> str:
        """What tells the record from a namesake in its entry id: its entity_number, its record id,
        or (the older layout has no `_id`) a short hash of its source, name and addresses."""
        if self.entity_number or self.record_id:
            return self.entity_number or short_key(self.record_id)
        return hashlib.sha256("\x1f".join(self.entity_key).encode("utf-8")).hexdigest()[:10]


class CslRecords(list[CslRecord]):
    """The records of one file, with notes on what reading it noticed (the older layout, a header
    row repeated), which the list document's `imported.notes` carries on."""

    def __init__(self, records: Iterable[CslRecord] = (), notes: Iterable[str] = ()):
        super().__init__(records)
        self.notes = tuple(notes)


def read_csl_records(text: str, path: str) -> tuple[str, CslRecords]:
    """The file's format ('json', 'csv' or 'tsv', or 'csv-no-id' or 'tsv-no-id' for the older
    layout) and its records; a malformed file is an InputError."""
    text, mended = _c1_read_as_windows_1252(text)
    if text.lstrip()[:1] in ("{", "["):
        fmt, records = "json", _csl_json_records(read_json(text, path), path)
    else:
        fmt, records = _csl_csv_records(text, path)
    if mended:
        records.notes += (
            "C1 control characters (U+0080 to U+009F), which Windows-1252 text decoded as Latin-1 leaves, "
            f"read as Windows-1252 reads them, on {_lines(sorted(mended))} ("
            + ", ".join(sorted({f"U+{ord(c):04X} as {_CP1252_OF_C1[c]}" for c in mended.values()}))
            + ")",
        )
    if not records:
        # Written, an empty list would replace the one before it, and clear every author at an entity.
        raise InputError(
            Problem(
                path,
                0,
                0,
                f"holds no records ({_NO_RECORDS[fmt == 'json']}): the Consolidated Screening List is never empty, "
                "so this is no copy of it",
            )
        )
    return fmt, records


# The C1 control characters that Windows-1252 gives a character, as each reads there: a name
# decoded as Latin-1 from Windows-1252 keeps them ("XAIC Tech (Xi\x92an) Industrial Co., Ltd." in
# the CSL of 2023-11 for "Xi'an", its apostrophe U+2019 lost), and no name is matched through them.
# The five Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay as written.
_CP1252_OF_C1 = {
    chr(b): c for b in range(0x80, 0xA0) if (c := bytes([b]).decode("cp1252", errors="replace")) != "\ufffd"
}
_C1 = re.compile("[" + "".join(_CP1252_OF_C1) + "]")


def _c1_read_as_windows_1252(text: str) -> tuple[str, dict[int, str]]:
    """`text` with each C1 control Windows-1252 defines read as that character, and the lines
    (1-based) where one was, each with the first character found there."""
    if _C1.search(text) is None:
        return text, {}
    mended = {n: m.group() for n, line in enumerate(text.split("\n"), 1) if (m := _C1.search(line))}
    return _C1.sub(lambda m: _CP1252_OF_C1[m.group()], text), mended


_NO_RECORDS = {True: "'results' is empty: a search that found nothing?", False: "its header alone: cut short?"}


def _split(value: str | None) -> list[str]:
    """A CSV cell holding several values joined by ';', with or without a space after it."""
    # Some rows hold '[]' where the list was empty.
    return [] if not value or value.strip() == "[]" else unique(value.split(";"))


def _split_addresses(value: str | None) -> list[str]:
    """The CSV's addresses, joined by ';' like other values; but '; and' goes on within one address:
    the Entity List gives one address of several streets as '113 Hezuo Road, ...; and 21 Changsheng
    Street, ..., CN' (one address object in the JSON)."""
    return [] if not value or value.strip() == "[]" else unique(re.split(r";(?!\s*and\s)", value))


# What the lists write before an alias that is no part of it. The Entity List writes "X, a.k.a.,
# the following three aliases: -A; -B; and -C", and the CSL cuts that at each ";", so the last
# alias comes as "and C". "and" and "or" count in lower case only ("Or Yehuda Ltd" is a name), and
# so do "aka" and "fka" without stops (AKA is an acronym too).
_ALIAS_LEAD = re.compile(
    r"(?:and|or)(?:\s+|$)"
    r"|(?i:(?:also|formerly|previously)\s+known\s+as|formerly|a\.k\.a\.?|f\.k\.a\.?|a/k/a|f/k/a)(?:[\s:,]+|$)"
    r"|(?:aka|fka)(?:[\s:,]+|$)"
    r"|(?i:the\s+following(?:\s+\w+)?\s+alias(?:es)?\s*:)\s*"
    r"|[-\u2013\u2014\u2022,;:]\s*"  # a bullet or dash from the Federal Register's layout, stray punctuation
)
_ALIAS_TAIL = re.compile(r"[\s,;:]+$")
# A full stop that ends the sentence of aliases, not an abbreviation: after a word of five letters or
# more ("University."), not after "Ltd.", "Co." or "S.A.".
_ALIAS_FULL_STOP = re.compile(r"(\b[^\W\d_]{5,})\.$")


def clean_alias(alias: str) -> str:
    """An alias without the connectives and punctuation the list writes around it ('and X;' -> 'X');
    empty when nothing else was there."""
    text = alias.strip()
    while (m := _ALIAS_LEAD.match(text)) and m.end():
        text = text[m.end() :].lstrip()
    return _ALIAS_FULL_STOP.sub(r"\1", _ALIAS_TAIL.sub("", text))


def _aliases(values: Iterable[str], source: str = "", name: str = "") -> tuple[str, ...]:
    if source.startswith(COMMA_JOINED_SOURCE):
        person = _named_as_a_person_is(name)
        values = [alias for value in values for alias in _comma_joined(value, person)]
    return tuple(unique(clean_alias(v) for v in values))


COMMA_JOINED_SOURCE = "Nonproliferation Sanctions (ISN)"
"""The State Department's Nonproliferation list, which the CSL gives with its aliases joined by
commas in one value ("IRGC, The Iranian Revolutionary Guards, IRG, ..."), where every other source
joins them by ";": kept whole, no alias of its could be found in an affiliation."""


def _comma_joined(value: str, person: bool) -> list[str]:
    """The aliases a Nonproliferation value joins by commas, but, for a record named as a person
    is (`person`), a name written as OFAC writes a person's, a surname in capitals before the comma
    ("ZAMAN, Haydar" of Abdul Qadeer Khan): that comma is within the name. So is one before a
    company form or a country's name alone (`_within_a_name`). An organisation's acronym before a
    comma ("IRGC, The Iranian Revolutionary Guards") is an alias of its own. The list's "and any
    successor, sub-unit, or subsidiary thereof" after a name is no alias, and "or" between two
    names parts them ("Iran Saffron Company or Iransaffron Co")."""
    parts = [p.strip() for chunk in _SUCCESSORS.sub("", value).split(",") for p in _OR_BETWEEN_NAMES.split(chunk)]
    out: list[str] = []
    for part in parts:
        if out and out[-1] and (_within_a_name(part) or (person and _surname_first(out[-1], part))):
            out[-1] = f"{out[-1]}, {part}"
        else:
            out.append(part)
    return [p for p in out if p]


# The Nonproliferation list's words after a name, commas within, with ";" before them ("Sinobright
# Import and Export Company; and any successor, sub-unit, or subsidiary thereof"), or with none or a
# comma, as the CSL of 2023-11 writes eleven of its names ("Ardis Group of Companies LLC and any
# successor, ...", "PFK Profpodshipnik, LLC and any successor, ...", "Poly Technologies
# Incorporated (PTI), and its sub-units and successors"). No affiliation writes a name so.
# "or" between two names in one Nonproliferation alias, as the CSL of 2023-11 writes one of Yasa
# Part's ("Iran Saffron Company or Iransaffron Co"): in lower case before a capital, as "or" leads
# an alias (`_ALIAS_LEAD`; "Or Yehuda Ltd" is a name). Whole, it was found in no affiliation.
_OR_BETWEEN_NAMES = re.compile(r"\s+or\s+(?=[A-Z])")
_SUCCESSORS = re.compile(
    r"\s*[;,]?\s*\band\s+(?:any|its)\s+(?:successors?|sub-units?|subsidiar(?:y|ies))\b.*$", re.IGNORECASE | re.DOTALL
)

# Company forms as the lists write them after a comma ("NEC Engineers Private, Ltd.", "PFK
# Profpodshipnik, LLC" among the Nonproliferation list's names; "Action Global Co., Limited" of the
# Entity List), their points left out: split from the name before, each would be an alias found in
# every company's affiliation.
_COMPANY_FORMS = frozenset(
    ["ltd", "limited", "inc", "incorporated", "llc", "llp", "lp", "co", "corp", "plc", "gmbh", "ag", "sa",
     "as", "ab", "jsc", "pjsc", "ojsc", "cjsc", "oao", "ooo", "zao", "pao", "ao", "pvt", "private", "pte",
     "bhd", "sdn", "fze", "fzco", "fzc", "kft", "srl", "spa", "bv", "nv", "oy", "sarl", "ltda"]
)  # fmt: skip


COMPANY_FORMS = _COMPANY_FORMS


def an_organisations_word(word: str) -> bool:
    """Whether a word is one an organisation's name holds and a person's does not
    (`_ORGANISATION_WORDS`: "Technology", "Elektronika", "Lojistik"), with its points or without."""
    return _an_organisations_word(word, (word,))


def _within_a_name(part: str) -> bool:
    """Whether what follows a comma is part of the name before it, no alias of its own: a company
    form alone ("Ltd.", "LLC", "Private Ltd.") or a country's name ("Iran" of "Ministry of Defence,
    Iran"), which, as an alias, every affiliation naming a company or that country would match."""
    words = [w.replace(".", "").casefold() for w in part.split()]
    country = " ".join(re.sub(r"[\W_]+", " ", part.casefold()).split())  # "People's" as BY_NAME folds it
    return bool(words) and (
        all(w in _COMPANY_FORMS for w in words) or country in countries.BY_NAME or _an_organisations_word_alone(part)
    )


def _an_organisations_word_alone(part: str) -> bool:
    """Whether a part is one organisation's word and nothing else ("Holdings", "Group",
    "International"): no name of its own, after a comma or "a.k.a." ("Tokai Rika, AKA Holdings"),
    it would be found in every affiliation of a company so named."""
    words = part.split()
    return len(words) == 1 and an_organisations_word(words[0].strip(".,;:"))


def _surname_first(before: str, after: str) -> bool:
    words = before.split()
    return bool(words) and all(_in_capitals(w) for w in words) and any(c.islower() for c in after)


def _csl_json_records(data: Any, path: str) -> CslRecords:
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise InputError(
            Problem(path, 0, 0, "not the Consolidated Screening List JSON: expected an object with a 'results' array")
        )
    _check_whole(data, path)
    return CslRecords(
        (_csl_json_record(row, At(path, pointer=f"results[{i}]")) for i, row in enumerate(data["results"])),
        _search_answer_notes(data),
    )


def _check_whole(data: dict[str, Any], path: str) -> None:
    """The search API (`/consolidated_screening_list/v1/search`) answers in the download's shape, with
    `total` beside `results`, one page of them (its `size`; the default is not on record here): read as the list, a page would drop
    the rest of the entities without a word, and an author at one would be cleared."""
    total, shown = data.get("total"), len(data["results"])
    if isinstance(total, int) and not isinstance(total, bool) and total > shown:
        raise InputError(
            Problem(
                path,
                0,
                0,
                f"results: {shown} of the {total} records the search found (one page of the Consolidated "
                "Screening List search API); import the whole list's download instead",
            )
        )


def _search_answer_notes(data: dict[str, Any]) -> list[str]:
    """A note where the file has `total`, as the search API's answers do: a search filtered by name,
    source or country (`?name=huawei`) answers with every record it found, `total` and `results` alike,
    and taken for the whole list it would clear an author at any entity the filter left out. Whether
    the whole list's download has `total` too is not on record, so it is said, not refused."""
    if "total" not in data:
        return []
    total = data["total"]
    given = f"{total}" if isinstance(total, int) and not isinstance(total, bool) else "given"
    return [
        f"the file has 'total' ({given}; {len(data['results'])} results), as the Consolidated Screening List "
        "search API's answers do: a search answer made with a filter (a name, a source, a country) leaves "
        "entities out, so the file is the whole list only if the search was unfiltered"
    ]


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
        aliases=_aliases(texts("alt_names"), text("source"), text("name")),
        addresses=tuple(_json_addresses(row.get("addresses"), at)),
        programs=tuple(texts("programs")),
        federal_register_notice=text("federal_register_notice") or None,
        start_date=text("start_date"),
        end_date=text("end_date"),
        personal=tuple((c, v) for c in CSL_PERSON_COLUMNS for v in _json_personal(row.get(c))),
    )


def _json_personal(value: Any) -> list[str]:
    """A person's column in the JSON, text or a list of text; any other form gives nothing, as the
    column was never read before it marked a record (`_may_be_a_person`): no file it took is refused."""
    if isinstance(value, str):
        return _split(value)
    return unique(v for v in value if isinstance(v, str) and v.strip()) if isinstance(value, list) else []


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


def _csl_csv_records(text: str, path: str) -> tuple[str, CslRecords]:
    kind = _delimited_kind(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_DELIMITERS[kind])
    try:
        header = [h.strip() for h in next(reader)]
        missing = [c for c in CSL_REQUIRED_COLUMNS if c not in header]
        if missing:
            raise InputError(
                Problem(
                    path,
                    1,
                    1,
                    f"not the Consolidated Screening List {kind.upper()}: missing column"
                    f"{'s' if len(missing) > 1 else ''} {', '.join(missing)}",
                )
            )
        has_ids = CSL_ID_COLUMN in header
        optional = (*((CSL_ID_COLUMN,) if has_ids else ()), *(c for c in CSL_PERSON_COLUMNS if c in header))
        column = {name: header.index(name) for name in (*CSL_REQUIRED_COLUMNS, *optional)}
        records = []
        repeated_header: list[int] = []
        start = reader.line_num + 1
        last = start
        for row in reader:
            at, start = At(path, line=start), reader.line_num + 1
            last = at.line
            cells = [cell.strip() for cell in row]
            if not any(cells):
                continue
            # Some mirrors keep the file as several pieces, each with its header (and its byte order mark).
            if [cells[0].lstrip("\ufeff"), *cells[1:]] == header:
                repeated_header.append(at.line)
                continue
            if len(row) != len(header):
                raise InputError(at.problem(f"the row has {len(row)} fields; the header has {len(header)}"))
            records.append(_csl_csv_record({k: row[i] for k, i in column.items()}, at))
    except csv.Error as e:
        raise InputError(Problem(path, reader.line_num, 1, f"not valid {kind.upper()}: {e}")) from None
    if _ends_inside_quotes(text, _DELIMITERS[kind], last):
        raise InputError(
            Problem(
                path, last, 1, "the file ends inside a quoted field: it was cut short, and the rows after are missing"
            )
        )
    notes = []
    if not has_ids:
        notes.append(
            f"read the older {kind.upper()} layout ({len(header)} columns, no {CSL_ID_COLUMN} column): records are "
            "merged and namesakes told apart by entity_number, or where a record has none, by its source, "
            "name and addresses"
        )
    if repeated_header:
        notes.append(f"the header row is repeated at {_lines(repeated_header)}; skipped, not read as a record")
    return (kind if has_ids else f"{kind}-no-id"), CslRecords(records, notes)


def _ends_inside_quotes(text: str, delimiter: str, line: int) -> bool:
    """Whether the record from `line` on (the file's last) ends inside a quoted field, as a download
    cut short does: read leniently, as the rest of the file is, such a field ends quietly at the
    end of the file, and a list cut after "...,\"Passport, 83" would be taken for the whole one."""
    tail = "".join(itertools.islice(io.StringIO(text, newline=""), line - 1, None))
    try:
        for _ in csv.reader(io.StringIO(tail, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as e:
        return "unexpected end of data" in str(e)  # the one error the end of the file inside quotes gives
    return False


# trade.gov publishes the list as TSV too: the same columns, separated by tabs. Both are read with the
# CSV's quoting (a field in double quotes may hold the delimiter, a line break or "" for a quote);
# whether trade.gov quotes its TSV so is not on record.
_DELIMITERS = {"csv": ",", "tsv": "\t"}


def _delimited_kind(text: str) -> str:
    """'tsv' where the header split at tabs holds more of the required columns than split at commas,
    'csv' otherwise: a tab in the first line is no sign of TSV (a CSV's quoted header field may hold
    one), and a file that is neither is refused as a CSV lacking its columns."""
    found = {kind: sum(c in _header(text, d) for c in CSL_REQUIRED_COLUMNS) for kind, d in _DELIMITERS.items()}
    return "tsv" if found["tsv"] > found["csv"] else "csv"


def _header(text: str, delimiter: str) -> list[str]:
    """The first record's fields split at `delimiter`; none where it cannot be read so (read again, it
    is refused with its line)."""
    try:
        return [h.strip() for h in next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])]
    except csv.Error:
        return []


def _lines(lines: Sequence[int], most: int = 10) -> str:
    """'line 8', 'lines 8 and 15', 'lines 8, 15, 22 and 3 more'."""
    shown = [str(n) for n in lines[:most]]
    if len(lines) > most:
        return f"lines {', '.join(shown)} and {len(lines) - most} more"
    if len(shown) == 1:
        return f"line {shown[0]}"
    return f"lines {', '.join(shown[:-1])} and {shown[-1]}"


def _csl_csv_record(row: dict[str, str], at: At) -> CslRecord:
    return CslRecord(
        at=at,
        record_id=row.get(CSL_ID_COLUMN, "").strip(),
        source=_required(row["source"], "source", at),
        entity_number=row["entity_number"].strip(),
        type=row["type"],
        name=_required(row["name"], "name", at),
        aliases=_aliases(_split(row["alt_names"]), row["source"], row["name"]),
        addresses=tuple((a, _csv_address_country(a)) for a in _split_addresses(row["addresses"])),
        programs=tuple(_split(row["programs"])),
        federal_register_notice=row["federal_register_notice"] or None,
        start_date=row["start_date"],
        end_date=row["end_date"],
        personal=tuple((c, v) for c in CSL_PERSON_COLUMNS for v in _split(row.get(c))),
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
    path: str | Path,
    *,
    list_id: str,
    name: str | None = None,
    source: str | None = None,
    country: str | None = None,
    retrieved: dt.date | None = None,
) -> dict[str, Any]:
    """A list document from a Consolidated Screening List file (JSON, CSV or TSV): the organisations of
    every source, or of `source` (full name or abbreviation, e.g. 'EL'), with an address in `country`.
    `retrieved`: the day the file was downloaded, where the user gives it (the file says none)."""
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
        retrieved=retrieved,
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
    picked = [r for r in records if r.is_organisation and (not sources or r.source in sources)]
    # Merged first, so that an entity is kept for a country any of its records gives.
    entities = [e for e in _entities(picked) if code is None or code in _countries(e)]
    what = "; ".join(sources) if sources else "every source"
    where = f" with an address in {code}" if code else ""
    if not entities:
        # Written, a list of no entries would replace the one before it and clear every author.
        message = (
            f"none of its {len(records)} records is an organisation of {what}{where}: no list written "
            "(a list of no entries clears every author; check --source and --country)"
        )
        raise InputError(Problem(origin, 0, 0, message))
    entries = with_ids([_entity_draft(e) for e in entities])
    notes = [
        *(records.notes if isinstance(records, CslRecords) else ()),
        *_merge_notes(entities),
        *_people_notes(entities),
        *_begun_after_read(entities, retrieved),
    ]
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
            "kept; individuals, vessels and aircraft are not. An entity on several source lists is one "
            "entry naming each. Dates and Federal Register citations are as the list gives them."
        ),
        source=list_source,
        imported={
            "format": f"csl-{fmt}",
            "file": file,
            "sha256": sha256,
            "options": {"source": source, "country": code},
            "records_read": len(records),
            "entries_kept": len(entries),
            **({"notes": notes} if notes else {}),
        },
        entries=entries,
    )


def source_as_read(source: str) -> str:
    """A `--source` as the import reads it: a source list by its abbreviation or by its full name,
    in any case ("el", "Entity List (EL) - Bureau of Industry and Security": "el")."""
    return source_abbreviation(source.strip()).strip().casefold()


def csl_options_as_read(options: dict[str, Any]) -> dict[str, Any]:
    """An import's recorded options (`imported.options`) as it read them: two imports whose
    options read alike kept the same records (`lists diff` takes them for two versions of one)."""
    read = dict(options)
    if isinstance(source := read.get("source"), str):
        read["source"] = source_as_read(source)
    return read


def _matching_sources(records: Sequence[CslRecord], source: str, origin: str) -> list[str]:
    known = sorted({r.source for r in records})
    found = [s for s in known if source_as_read(s) == source_as_read(source)]
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


def _entities(records: Sequence[CslRecord]) -> list[list[CslRecord]]:
    """The records grouped by entity (`CslRecord.entity_key`), in the order each entity first appears."""
    groups: dict[tuple[str, ...], list[CslRecord]] = {}
    for r in records:
        groups.setdefault(r.entity_key, []).append(r)
    return list(groups.values())


def _countries(entity: Sequence[CslRecord]) -> list[str]:
    """The country codes the entity's addresses give; what is no ISO 3166-1 code (a list file
    refuses it) gives none, so a name alone stays a doubt."""
    return unique(c for r in entity for c in r.countries if c in countries.CODES)


_MOST_NOTED = 20  # a file repeated whole would otherwise give a note per record


def _first_few(said: Sequence[str]) -> str:
    """The first `_MOST_NOTED` of what a note names, joined by "; ", and how many more there are."""
    more = f"; and {len(said) - _MOST_NOTED} more" if len(said) > _MOST_NOTED else ""
    return "; ".join(said[:_MOST_NOTED]) + more


def _merge_notes(entities: Sequence[Sequence[CslRecord]]) -> list[str]:
    merged = [e for e in entities if len(e) > 1]
    notes = [_merge_note(e) for e in merged[:_MOST_NOTED]]
    if len(merged) > _MOST_NOTED:
        notes.append(f"{len(merged) - _MOST_NOTED} more entities were merged from several records the same way")
    return notes


def _begun_after_read(entities: Sequence[Sequence[CslRecord]], retrieved: dt.date | None) -> list[str]:
    """The records whose listing begins after the day the file was read (`--retrieved`): an order
    may take effect after it is published, so a file may give such a start, but one years ahead is
    more likely a mistyped day; said plainly, as `lists show` and `lists diff` say each such
    listing as not begun on that day."""
    if retrieved is None:
        return []
    later = [
        (r, start)
        for e in entities
        for r in e
        if (start := _csl_date(r.start_date)[0]) is not None and start > retrieved
    ]
    if not later:
        return []
    shown = _first_few([f"{r.name!r} from {start} ({r.at})" for r, start in later])
    return [
        f"{len(later)} {'record gives' if len(later) == 1 else 'records give'} a start_date after {retrieved}, the "
        f"day given as the one the file was read (--retrieved): {shown}; an order may take effect after it "
        "is published, so each such listing is said as not begun on that day; if the day is mistyped, import again "
        "with the right one"
    ]


def _people_notes(entities: Sequence[Sequence[CslRecord]]) -> list[str]:
    """Which entities kept may be people (`_may_be_a_person`): kept, since the list does not say,
    and each marked so, a doubt wherever an author is found at it. Those giving a date or place of
    birth or a citizenship are said apart from those only named as a person is."""
    people = [e for e in entities if _may_be_a_person(e)]
    born = [e for e in people if _personal_facts(e)]
    named_so = [e for e in people if not _personal_facts(e)]
    kept = (
        "kept, since the list does not say which they are, each marked may_be_a_person, so an author found at one "
        "is a doubt, never a match"
    )
    notes = []
    if named_so:
        notes.append(
            f"{len(named_so)} untyped {'entity is' if len(named_so) == 1 else 'entities are'} named as a person is, "
            f"with no word an organisation's name has: {_entities_named(named_so)}; {kept}"
        )
    if born:
        notes.append(
            f"{len(born)} untyped {'entity gives' if len(born) == 1 else 'entities give'} a date or place of birth or "
            f"a citizenship, which only a person's record gives: {_entities_named(born)}; {kept}"
        )
    return notes


def _entities_named(entities: Sequence[Sequence[CslRecord]]) -> str:
    return _first_few([f"{e[0].name!r} ({_places([r.at for r in e])})" for e in entities])


def _merge_note(entity: Sequence[CslRecord]) -> str:
    first = entity[0]
    shared = {
        "_id": f"share the _id {first.record_id}",
        "entity_number": f"share the entity_number {first.entity_number}",
        "record": "are the same record (source, name and addresses)",
    }[first.entity_key[0]]
    sources = unique(source_abbreviation(r.source) for r in entity)
    on = f"on {len(sources)} source lists ({', '.join(sources)})" if len(sources) > 1 else f"repeated on {sources[0]}"
    return f"the records at {_places([r.at for r in entity])} {shared}: one entity {on}, one entry"


def _places(ats: Sequence[At]) -> str:
    if all(at.line for at in ats):
        return _lines([at.line for at in ats])
    named = [str(at) for at in ats]
    return f"{', '.join(named[:-1])} and {named[-1]}"


def _labels(entity: Sequence[CslRecord]) -> list[str]:
    """What a note calls each record: its source list ('SSI'), and its place where a source repeats."""
    labels = [source_abbreviation(r.source) for r in entity]
    return [f"{label} at {r.at}" if labels.count(label) > 1 else label for label, r in zip(labels, entity, strict=True)]


def _entity_draft(entity: Sequence[CslRecord]) -> Draft:
    """One entry for the records of one entity: every source list, name, alias, address and program
    they give; where they differ in a single value, the first (or the earliest date) is kept and the
    notes say so."""
    first, labels = entity[0], _labels(entity)
    notes = []
    names = unique(r.name for r in entity)
    if len(names) > 1:
        notes.append(
            f"The records give different names: {_each(labels, [r.name for r in entity])}; the first is the "
            "name here, the others are aliases."
        )
    countries = _countries(entity)
    if len(countries) > 1:
        notes.append(f"Addresses in {len(countries)} countries: {', '.join(countries)}.")
    dates, date_notes = _listed_dates(entity, labels)
    notes += date_notes
    # Kept exactly as given: the list mixes '85 FR 34495' and '82 F.R. 48792 10/01/2017'.
    notices = [r.federal_register_notice or "" for r in entity]
    citations = list(dict.fromkeys(n for n in notices if n.strip()))
    if len(citations) > 1:
        notes.append(
            f"The records give different Federal Register citations: {_each(labels, notices)}; the first is "
            "the citation here."
        )
    person = _may_be_a_person(entity)
    if person:
        notes.append("It may name a person, not an organisation (may_be_a_person says why).")
    aliases, places = _besides_its_places(entity)
    if places:
        notes.append(
            f"The list gives {'the alias' if len(places) == 1 else 'aliases'} {', '.join(repr(p) for p in places)}, "
            "the name of a place its own addresses give: found alone it names every institution there, so it "
            "is no alias here (the entry's other names are)."
        )
    forms = unique(f for n in names for f in name_forms(n))
    forms += unique((f for a in aliases for f in other_names_within(a)), besides=[*aliases, *forms])
    if forms:
        notes.append(
            f"Aliases {', '.join(repr(f) for f in forms)} are the name as affiliations write it, without the "
            "list's wording around it or in the order papers give it (added on import)."
        )
    return Draft(
        fields={
            "name": names[0],
            "aliases": unique([*names[1:], *forms, *aliases], besides=names[:1]),
            "country": countries[0] if len(countries) == 1 else None,
            **dates,
            "citation": citations[0] if citations else None,
            "verified": True,
            "addresses": unique(a for r in entity for a, _ in r.addresses),
            "programs": unique(p for r in entity for p in r.programs),
            "source_lists": unique(r.source for r in entity),
            "notes": " ".join(notes),
            **({"may_be_a_person": person} if person else {}),
        },
        at=first.at,
        keys=(first.id_key,),
    )


def _besides_its_places(entity: Sequence[CslRecord]) -> tuple[list[str], list[str]]:
    """The entity's aliases, less those that are wholly a place its own addresses give (a part
    between commas with no digit, `_address_places`) and hold no organisation's word; and those.
    The Entity List gives Dolgoprudny Research Production Enterprise (79 FR 55608), addressed "1
    Pl. Sobina, Dolgoprudny, Moskovskaya obl., 141700, RU", the alias "Dolgoprudny": the town's
    name, which placed itself in Russia, so every author at the Moscow Institute of Physics and
    Technology, "..., Dolgoprudny, Russia", was certainly at the listed enterprise."""
    aliases = unique(a for r in entity for a in r.aliases)
    own_places = _address_places(entity)
    places = [
        a
        for a in aliases
        if tuple(a.casefold().split()) in own_places
        and not any(_an_organisations_word(w, a.split()) for w in a.split())
    ]
    return [a for a in aliases if a not in places], places


# Words an organisation's name holds and a person's does not, in the languages the CSL's names
# are written in (its Persian, Russian, Turkish and Chinese names are transliterated): a name
# with one of them names an organisation. A name without any may still be one's ("Atlas Sanatgaran"
# is a company; "sanatgaran", "industrialists", is here so), so this tells organisations only.
_ORGANISATION_WORDS = frozenset(
    [
        "academy",
        "administration",
        "aerospace",
        "agency",
        "airlines",
        "airport",
        "aviation",
        "ag",
        "association",
        "authority",
        "b.v.",
        "base",
        "brigade",
        "bureau",
        "business",
        "capital",
        "center",
        "centre",
        "chemical",
        "chemicals",
        "club",
        "co.",
        "college",
        "commission",
        "committee",
        "communications",
        "company",
        "components",
        "construction",
        "consulting",
        "corp",
        "corp.",
        "corporation",
        "council",
        "defence",
        "defense",
        "department",
        "design",
        "development",
        "devices",
        "division",
        "electronic",
        "electronics",
        "energy",
        "engineering",
        "enterprise",
        "enterprises",
        "equipment",
        "establishment",
        "export",
        "exports",
        "factory",
        "finance",
        "firm",
        "force",
        "forces",
        "foundation",
        "front",
        "fund",
        "gmbh",
        "group",
        "guard",
        "holding",
        "holdings",
        "hospital",
        "import",
        "imports",
        "inc",
        "inc.",
        "industrial",
        "industries",
        "industry",
        "institute",
        "instruments",
        "insurance",
        "international",
        "investment",
        "jsc",
        "kg",
        "lab",
        "laboratories",
        "laboratory",
        "limited",
        "llc",
        "llp",
        "logistics",
        "ltd",
        "ltd.",
        "machinery",
        "management",
        "manufacturing",
        "maritime",
        "materials",
        "media",
        "metals",
        "military",
        "mining",
        "ministry",
        "movement",
        "navy",
        "network",
        "nuclear",
        "office",
        "oil",
        "ooo",
        "organisation",
        "organization",
        "partners",
        "petroleum",
        "pharmaceutical",
        "pjsc",
        "plc",
        "port",
        "precision",
        "products",
        "pte",
        "pvt",
        "research",
        "s.a.",
        "s.a.s.",
        "sarl",
        "school",
        "science",
        "sciences",
        "scientific",
        "semiconductor",
        "services",
        "shipping",
        "society",
        "software",
        "solutions",
        "station",
        "store",
        "supply",
        "systems",
        "tech",
        "technical",
        "technologies",
        "technology",
        "telecom",
        "trade",
        "trading",
        "transport",
        "trust",
        "union",
        "university",
        "works",
        "gongsi",
        "jituan",
        "keji",
        "youxian",
        "sanat",
        "sanatgaran",
        "sanaye",
        "sanayi",
        "sherkat",
        "tejarat",
        "ticaret",
        "bazargani",
        "mohandesi",
        "muhandisi",
        "gesellschaft",
        "societe",
        "société",
        "sociedad",
        "compania",
        "compañía",
        # Later (twenty-ninth part): airlines and carriers ("Mahan Air", which BIS's denial orders
        # leave untyped), company forms of other countries, and institution words as Spanish,
        # Portuguese, French, Russian, Turkish, Persian and Chinese names transliterate them.
        "air",
        "airways",
        "cargo",
        "freight",
        "express",
        "motors",
        "optics",
        "photonics",
        "labs",
        "srl",
        "s.r.l.",
        "spa",
        "s.p.a.",
        "bv",
        "nv",
        "fze",
        "fzco",
        "ltda",
        "sdn",
        "bhd",
        "oao",
        "ojsc",
        "cjsc",  # "pao", "bank", "co" and the like: `_SURNAMES_TOO`
        "kft",
        "banco",
        "banque",
        "banca",
        "compagnie",
        "empresa",
        "industrias",
        "instituto",
        "universidad",
        "universidade",
        "grupo",
        "fabrica",
        "fábrica",
        "sociedade",
        "institut",
        "zavod",
        "kombinat",
        "akademiya",
        "universitet",
        "kontsern",
        "korporatsiya",
        "obshchestvo",
        "sirketi",
        "şirketi",
        "daneshgah",
        "sazman",
        "daxue",
        # Not "xueyuan" (college): it is a given name too (Xueyuan Zhao, an author of "Flash Boys
        # 2.0", arXiv 1904.05234); a word that names people as well may not unmark a person.
        "yanjiusuo",
        "yanjiuyuan",
        # Thirtieth part: institution words as Spanish and Portuguese names write them ("Centro de
        # Investigacion y Desarrollo"), and as Arabic ones transliterate them ("Dar al Handasah",
        # an engineering firm: handasah is engineering; not "dar", house, a surname too). Each
        # names no person: a person's name between the particles was read as two or three names.
        "centro",
        "investigacion",
        "investigación",
        "investigaciones",
        "desarrollo",
        "laboratorio",
        "laboratorios",
        "laboratório",
        "ministerio",
        "ministério",
        "servicios",
        "serviços",
        "corporacion",
        "corporación",
        "asociacion",
        "asociación",
        "associação",
        "fundacion",
        "fundación",
        "fundação",
        "comercial",
        "comercio",
        "comércio",
        "tecnologia",
        "tecnología",
        "tecnologias",
        "tecnologías",
        "ingenieria",
        "ingeniería",
        "engenharia",
        "sistemas",
        "industria",
        "indústria",
        "pesquisa",
        "pesquisas",
        "consorcio",
        "cooperativa",
        "handasah",
        "handasa",
        "sharikat",
        "sharikah",
        "shirkat",
        "muassasat",
        "mu'assasat",
        "markaz",
        "wizarat",
        # Thirty-first part: words of organisations' names the untyped rows of the CSL of 2023-11
        # hold that were read as a person's ("Aelcomp OY", "Aero King FZC", "Wheels Incorporated",
        # "Andleeb Associates", "Metafor Lojistik", "Neva Elektronika", "NPC Granat"): company
        # forms (Finnish Oy, the Emirates' FZC, Russia's NPO, NPP, NPC and OKB), trades, and their
        # Turkish, German and Russian forms. None is a person's name.
        "oy",
        "fzc",
        "incorporated",
        "associates",
        "contracting",
        "computer",
        "computers",
        "stores",
        "shop",
        "hardware",
        "engineers",
        "production",
        "automation",
        "drones",
        "service",
        "system",
        "solution",
        "display",
        "kiosk",
        "lojistik",
        "motorlari",
        "technik",
        "electronica",
        "elektronika",
        "systema",
        "npo",
        "npp",
        "npc",
        "okb",
        "sro",
        "sl",
        "sanaat",
        # Thirty-third part: company forms of other countries that are no one's name or initials
        # (Estonia's OÜ, Lithuania's UAB, Denmark's ApS, the Balkans' d.o.o. and Bulgaria's EOOD,
        # Hungary's Zrt. and Nyrt., Finland's Oyj, Iceland's ehf., France's SASU and EURL). Those
        # that are ("OU", "SA", "AS", "AB", "SIA") count where the record's country writes them:
        # `_COUNTRIES_COMPANY_FORMS`.
        "oü",
        "uab",
        "aps",
        "d.o.o.",
        "eood",
        "zrt",
        "nyrt",
        "oyj",
        "ehf",
        "sasu",
        "eurl",
    ]
)
# Organisations' words that are so only as written, in capitals: "IT", information technology, of
# the Unverified List's "Kassem IT" (Jebel Ali, AE) and "Iqra IT solutions" of the CSL of 2023-11;
# "it" and "It" are no one's name either, but an English word a name's bracket may hold.
_ORGANISATION_WORDS_IN_CAPITALS = frozenset(["IT"])
# A word of a person's name as the lists write one: a capitalised word or one in capitals (accents,
# hyphens and apostrophes within: "QAR'AWI", "Jean-Luc"), or an initial ("I.") or two or three
# run together ("Mohd A.M. Anwahi", as the ITAR Debarred list writes one).
_NAME_WORD = re.compile(r"^(?:[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*|(?:[^\W\d_]\.){1,3})$")


# The small words within a person's name, in lower case ("Juan de la Cruz", "Ludwig van der Berg",
# "Ortega y Gasset", "Ahmad bin Ali", "Muhammad Nasim ud Din", "Habib ur Rahman"), and the prefix
# some write joined to a surname ("al-Hassan").
_NAME_PARTICLES = frozenset(
    ["de", "la", "del", "della", "der", "den", "van", "von", "zu", "ter", "ten", "da", "das", "do", "dos", "di",
     "du", "le", "y", "e", "bin", "binti", "bint", "ibn", "ben", "al", "el", "ud", "ul", "ur"]
)  # fmt: skip
_JOINED_PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|at|az|bin|ibn)-(?=[^\W\d_])")

# Words of organisations' names that are people's names too: "PAO" (Russia's PJSC; the Wade-Giles
# surname 鮑, Ellen Pao's), "zao" (Russia's CJSC; Zao Wou-Ki), "co" (Zaldy Co; "Co." with its point
# is always a company's), "xueyuan" (a college in pinyin; a given name), "bank", "steel", "plant",
# "power", "marine" (Melissa Bank, Danielle Steel, Robert Plant, Samantha Power, Marine Le Pen).
# Each is an organisation's word unless the name is written as the lists write a person's, a
# surname in capitals beside names that are not (`_written_with_a_surname`): "Samantha POWER" may
# be a person, but the Entity List's "Tula Arms Plant", "Bank Sepah" or "ZAO Elektronstandart-
# Pribor" stay organisations, whose every match a doubt would otherwise hide.
_SURNAMES_TOO = frozenset(["pao", "zao", "co", "xueyuan", "bank", "steel", "plant", "power", "marine"])

# Words of firms' names that are no organisation's word (an affiliation may hold them anywhere) and
# no one's name either, in any language the lists write: the untyped rows of the CSL of 2023-11
# "Nouvelle Option" (UVL, Montreal; French "new"), "Video Logic" (EL, Zelenograd), "Sahab Phase"
# (EL, Tehran), "Source Com" (EL, Sharjah), "KZ RESULTS" (DPL, Houston) and "Tarh O Palayesh"
# (ISN; Persian "design and refining"), each read as a person's name. Only whether a name may be
# a person's reads them (`_names_as_a_person_is`), not what an organisation's word tells elsewhere.
# Not "nouveau", French "new" too, but a surname (the poet Germain Nouveau, 1851-1920:
# en.wikipedia.org/wiki/Germain_Nouveau), which no firm's row of the file needs. So the Entity List's
# "Sputnik E" (Montreal, 77 FR 61249, beside "Video Logic"), "New Intelcom" (Beirut) and "Cybernet
# MEA" (Dubai): firms' coined words, which no name of the file's 1,124 typed individuals holds.
_NO_ONES_NAME = frozenset(
    ["nouvelle", "option", "video", "logic", "phase", "com", "results", "palayesh", "sputnik", "intelcom", "cybernet"]
)


def _in_capitals(word: str) -> bool:
    """A word written in capitals, as OFAC writes a surname ("POWER", "QAR'AWI"), not an initial."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _written_with_a_surname(words: Sequence[str]) -> bool:
    """Whether a name is written as the lists write a person's: its surname in capitals last
    ("Samantha POWER", "Marine LE PEN"), or first with a comma ("POWER, Samantha"), and a name not
    in capitals beside it. "SME BANK" (all in capitals) and "ZAO Kaspersky Lab" are not."""
    lower = any(any(c.islower() for c in w) for w in words)
    last_first = bool(words) and words[0].endswith(",") and _in_capitals(words[0])
    return lower and (_in_capitals(words[-1]) or last_first)


_MOST_NAMES = 7
"""The most names a person's is read as having, particles and suffixes not counted."""


# What the Denied Persons and ITAR Debarred lists write within a person's name beside the names
# (the CSL of 2023-11): a title first ("MR. JULIO CESAR VEGA-AMARAL"), a nickname in quotes
# ('SHAOHUA "ERIC" WANG') or another name in brackets ("SAMMY (IHSAN MEDHAT) ELASHI"), a suffix
# between ("Ramon Jr. Andrade"), and a second name after "A/K/A" ("FUYI SUN A/K/A FRANK SUN").
_TITLES = frozenset(["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."])
_ALSO_KNOWN_AS = re.compile(r"\s+(?:a/k/a|a\.k\.a\.?)\s+", re.IGNORECASE)
_ASIDE = re.compile(r"\"[^\"]*\"|\([^()]*\)")


def _named_as_a_person_is(name: str) -> bool:
    """Whether a name may be a person's (`_names_as_a_person_is`), each name of it where "A/K/A"
    joins two; a title, a nickname in quotes or a name in brackets set aside, though a word of an
    organisation's there still says whose the name is ("Li Ming (Holdings)")."""
    named = _ALSO_KNOWN_AS.split(name)
    if len(named) > 1:
        return all(_named_as_a_person_is(n) for n in named)
    written = name.split()
    if any(_an_organisations_word(w.strip('"()'), written) for w in written):
        return False
    words = _ASIDE.sub(_set_aside, name).split()
    if words and words[0].casefold() in _TITLES:
        words = words[1:]
    return _names_as_a_person_is(" ".join(words))


def _set_aside(aside: re.Match[str]) -> str:
    """A nickname in quotes, or a bracket that says a person is meant ("(PRC individual)") or
    gives another name of one ("(IHSAN MEDHAT)", "(A.K.A. NEI-CHIEN CHU)", "(Sergi)"), as a space;
    any other bracket as written: an acronym ("(GRU)") or a place is no part of a person's name."""
    text = aside.group(0)
    if text.startswith('"'):
        return " "
    inner = _AKA_FIRST.sub("", text[1:-1].strip())
    words = inner.split()
    if "individual" in (w.casefold() for w in words) or _names_as_a_person_is(inner):
        return " "
    one_name = len(words) == 1 and bool(_NAME_WORD.match(words[0])) and not _in_capitals(words[0])
    return " " if one_name and words[0][0].isupper() else text


_AKA_FIRST = re.compile(r"^(?:a/k/a|a\.?k\.?a\.?)\s+", re.IGNORECASE)


def _names_as_a_person_is(name: str) -> bool:
    """Whether a name may be a person's: two to seven names, each a name's word or an initial, the
    first letter of each a capital, with lower-case particles between ("Juan de la Cruz", not
    counted) and a suffix after ("Jr.", "III"), no word an organisation's (`_ORGANISATION_WORDS`):
    "I. ASH", "Cesareo Estanislao Benitez", "Mohammed Ahmed Mahmoud Abd al Rahman ABU JHEISHEH"
    (OFAC writes Arabic names of six names and more: with five at most, such a name was read as an
    organisation's), not "SME BANK JSC" nor "Academy of ...", whose "of" no name has."""
    written = name.split()
    words = [w.removesuffix(",") for w in written]  # "RIM, Ryong Nam", as OFAC writes a surname first
    # A suffix after the names ("Jr.", "III.") or between them, as the ITAR Debarred list writes
    # "Ramon Jr. Andrade".
    suffixes = [i for i, w in enumerate(words) if i > 0 and w.casefold().rstrip(".") in NAME_SUFFIXES]
    if len(words) - len(suffixes) >= 2:
        words = [w for i, w in enumerate(words) if i not in suffixes]
    names = [
        _JOINED_PARTICLE.sub("", w)
        for i, w in enumerate(words)
        if not (0 < i < len(words) - 1 and w in _NAME_PARTICLES)
    ]
    return (
        2 <= len(names) <= _MOST_NAMES
        and all(_NAME_WORD.match(w) and w[0].isupper() for w in names)
        # The names too: a word with its particle joined ("al-Handasah") is the word.
        and not any(_an_organisations_word(w, written) for w in (*words, *names))
        and not any(w.casefold() in _NO_ONES_NAME for w in words)
        and not _led_by_an_acronym(written)
    )


def _led_by_an_acronym(written: Sequence[str]) -> bool:
    """Whether a name begins with an acronym, a word in capitals, and goes on in words that are
    not, with no comma: "ZTE Parsian", "NPC Granat", "GE Plan", "DM Link", as the Entity List
    names companies after their groups. The lists write a person's surname in capitals first only
    before a comma ("RIM, Ryong Nam", "BIN LADIN, Usama"): of the 868 names and aliases of
    individuals in the CSL of 2023-11, none is written so, and 244 names of organisations are."""
    return (
        len(written) > 1
        and not any("," in w for w in written)
        and _in_capitals(written[0])
        and "." not in written[0]  # initials run together ("Q.C. Chen", "A.H. Shamnad"): a person's
        and any(any(c.islower() for c in w) for w in written[1:])
    )


def _an_organisations_word(word: str, name: Sequence[str]) -> bool:
    """Whether a word of a name is an organisation's: one of `_ORGANISATION_WORDS`, or one of
    `_SURNAMES_TOO` where the name is not written with a surname (`_written_with_a_surname`)."""
    folded = word.casefold()
    # A word joined by hyphens is its parts too: "Import-Export" holds two organisations' words;
    # and a company form is one with its points or without ("S.R.O.", "F.Z.E.", "A.G.").
    if folded in _ORGANISATION_WORDS or not _ORGANISATION_WORDS.isdisjoint(folded.split("-")):
        return True
    if "." in folded and folded.replace(".", "") in _ORGANISATION_WORDS:
        return True
    if word in _ORGANISATION_WORDS_IN_CAPITALS:
        return True
    return folded in _SURNAMES_TOO and not _written_with_a_surname(name)


_PERSON_FACTS = {
    "dates_of_birth": "a date of birth",
    "places_of_birth": "a place of birth",
    "citizenships": "a citizenship",
}


def _may_be_a_person(entity: Sequence[CslRecord]) -> str | None:
    """Why an entity kept may be a person, not an organisation: its source lists type none of its
    records (the BIS and State Department lists type none, and the Denied Persons and ITAR
    Debarred lists name people beside companies), and a record gives what only a person's does
    (`_personal_facts`), or its name, and each alias, is named as a person's is. None where a
    record is typed "Entity", or no record gives such a fact and a name holds an organisation's word."""
    if any(r.type.strip() for r in entity):
        return None
    sources = ", ".join(unique(source_abbreviation(r.source) for r in entity))
    untyped = (
        f"the {sources} record does not say whether it names a person or an organisation (its type is empty, as "
        "the BIS and State Department lists leave it)"
    )
    if facts := _personal_facts(entity):
        return f"{untyped}, and it gives {facts}, which only a person's record gives: it may be a person"
    own = unique(r.name for r in entity)
    names = unique([*own, *(a for r in entity for a in r.aliases)])
    names = _besides_a_name_of_its_own(names)
    if not names or not all(_named_as_a_person_is(n) or (n not in own and _of_no_kind(n)) for n in names):
        return None
    places = _address_places(entity)
    codes = {c for r in entity for _, c in r.addresses if c}
    if any(_ends_with_its_place(n, places) or _ends_in_its_countrys_company_form(n, codes) for n in names):
        return None
    if any(_begins_with_its_chinese_city(n, entity) for n in names):
        return None
    return (
        f"{untyped}, and its name, {names[0]!r}, is written as a person's is, with no word an organisation's name "
        "has: it may be a person"
    )


def _of_no_kind(alias: str) -> bool:
    """Whether an alias says nothing of whether its entity is a person or not: it holds no
    organisation's word (`_an_organisations_word`) and no word in capitals (an acronym, "GRU"), as
    the lists give a person's nickname ("Luo Jie", alias "Cherry"), given name alone ("Habib ur
    Rahman", alias "Hanif"), or a name in another transliteration, of apostrophes ("Pak To'-Ch'un"),
    hyphens ("Vaqar-A-Jaffery") or a "?" for a letter not read ("Ahmad Assad Fa?ur"), none written
    as `_named_as_a_person_is` reads a name."""
    written = alias.split()
    words = [w.strip("\"'()?,.") for w in written]
    return not any(_in_capitals(w) or _an_organisations_word(w, written) for w in words if w)


def _besides_a_name_of_its_own(names: Sequence[str]) -> list[str]:
    """The names, less an alias of one word that is a word of another of them: a surname or a
    given name alone ("Fakhrizdeh" beside "Mohsen Fakhrizdeh", "Farid" beside "Fazal Rahim Farid",
    as the lists give a person's), which no more says the entity is not a person than the full
    name does. A word of no other name ("Huawei", "Mekom") still counts: one word is no person's
    name as the lists write one."""
    words = [{w.casefold().strip(",") for w in n.split()} for n in names]
    return [
        n
        for i, n in enumerate(names)
        if len(n.split()) != 1 or not any(n.casefold() in other for j, other in enumerate(words) if j != i)
    ]


def _address_places(entity: Sequence[CslRecord]) -> set[tuple[str, ...]]:
    """The places an entity's records address it in, each as its folded words: every part of an
    address between commas that holds no digit ("Beijing" of "Beijing, CN"; "Mexico City"; not
    "113 Hezuo Road"), and the names of the countries the addresses give ("France" for FR)."""
    parts = {
        tuple(part.casefold().split())
        for r in entity
        for address, _ in r.addresses
        for part in address.split(",")
        if part.strip() and not any(c.isdigit() for c in part)
    }
    codes = {c for r in entity for _, c in r.addresses if c}
    return parts | {tuple(name.split()) for name, code in countries.BY_NAME.items() if code in codes}


def _ends_with_its_place(name: str, places: set[tuple[str, ...]]) -> bool:
    """Whether a name ends in a place its own record addresses it in, after a name of its own: a
    branch named after its city, as the Entity List names Huawei's ("Huawei Cloud Beijing" at
    "Beijing, CN", 85 FR 51603), which no person's name is. A name written as the lists write a
    person's, its surname in capitals (`_written_with_a_surname`), or all in capitals, as the
    Denied Persons List writes people ("I. ASH"), is left as it is: a surname may be a town's."""
    words = name.casefold().split()
    if _written_with_a_surname(name.split()) or not any(c.islower() for c in name):
        return False
    return any(1 <= len(place) < len(words) and tuple(words[-len(place) :]) == place for place in places)


# Where Chinese firms are: they are named after their city first, as 61 of the 392 records of the
# CSL of 2023-11 addressed in China or Hong Kong are ("Hangzhou Hikvision Digital Technology Co.,
# Ltd." at Hangzhou, "Nanjing Panda Electronics Company Limited"), and no one's name begins with a
# city (the surname comes first, or last in the Western order: "Fang Yu", "Yin Zhao").
_CHINESE_ADDRESSES = frozenset(["CN", "HK", "MO", "TW"])


def _begins_with_its_chinese_city(name: str, entity: Sequence[CslRecord]) -> bool:
    """Whether a name begins with a city its own record gives in a Chinese address, two names or
    more after it: the Unverified List's "Harbin Xinguang Feitian" (1717 Chuangxin Yi Road, Harbin,
    Heilongjiang Province, CN), read as a person's. One name after a city may be a person's given
    name beside a surname that is a city too; a name all in capitals, or written with a surname in
    capitals, is left as `_ends_with_its_place` leaves one."""
    words = name.casefold().split()
    if len(words) < 3 or _written_with_a_surname(name.split()) or not any(c.islower() for c in name):
        return False
    cities = {
        tuple(part.casefold().split())
        for r in entity
        for address, code in r.addresses
        if code in _CHINESE_ADDRESSES
        for part in address.split(",")[:-1]
        if part.strip() and not any(c.isdigit() for c in part)
    }
    return any(
        1 <= len(city) <= len(words) - 2 and tuple(words[: len(city)]) == city and city not in _COUNTRY_NAMES_WORDS
        for city in cities
    )


# Each name of a country, word by word: a city first in a name is never one of them.
_COUNTRY_NAMES_WORDS = frozenset(tuple(n.split()) for n in countries.BY_NAME)


# Company forms that are people's names or initials too, each with the countries that write it
# (their points left out): "OU" (Estonia's OÜ; the Chinese surname Ou), "SA" (a société or
# sociedad anónima; Portugal's surname Sá, so not there), "AS", "AB", "SIA", "AD", "DD" (Asa, Sia
# are given names). Written last in a name whose record is addressed in such a country, the name
# is a company's: the Entity List's "Yaxart OU" (Tallinn, EE), "Maples SA" (Luxembourg, LU),
# "Aerotechnic France SAS" (FR), rows of the CSL of 2023-11 marked as perhaps people. Elsewhere the
# word may be a surname written in capitals, as OFAC writes one ("Ning OU"), and is left so.
_COUNTRIES_COMPANY_FORMS = {
    ("ou",): {"EE"},
    ("as",): {"EE", "LV", "NO", "TR", "CZ", "SK"},
    ("asa",): {"NO"},
    ("ab",): {"SE", "LT", "FI"},
    ("sia",): {"LV"},
    ("sa",): {"FR", "BE", "LU", "CH", "ES", "PL", "RO", "GR", "AR", "MX", "CO", "CL", "PE", "UY", "PY", "EC", "VE",
              "GT", "PA", "MA", "TN", "DZ", "SN", "CI", "CM", "LB"},
    ("sas",): {"FR", "CO"},
    ("ad",): {"BG", "RS", "MK", "ME", "BA"},
    ("dd",): {"HR", "SI", "BA"},
    ("doo",): {"HR", "SI", "RS", "BA", "ME", "MK"},
    ("sp", "z", "oo"): {"PL"},
}  # fmt: skip


def _ends_in_its_countrys_company_form(name: str, codes: set[str]) -> bool:
    """Whether a name ends, after a name of its own, in a company form of a country its own record
    addresses it in (`_COUNTRIES_COMPANY_FORMS`), as the list's own address says the form is one,
    written as a form is: in capitals or with its points ("OU", "SA", "A.S.", "Sp. z o.o."). A
    word only capitalised is a surname as lists write one in a person's name ("Joao Sa", Sá
    without its accent, at Luxembourg; "Ning Ou" at Tallinn; "Peter Sas" in FR), never a form;
    and in a name all in capitals, as the Denied Persons List writes people and companies alike
    ("JOSE SA"), only a form with its points tells ("ROSALES S.A."), as a town's name does not
    (`_ends_with_its_place`)."""
    written = [w for w in name.replace(",", " ").split() if w.replace(".", "")]
    if not written or not (_in_capitals(written[-1]) or "." in written[-1]):
        return False
    if not any(c.islower() for c in name) and "." not in written[-1]:
        return False
    words = tuple(w.replace(".", "").casefold() for w in written)
    return any(
        len(words) > len(form) and words[-len(form) :] == form and not countries_of.isdisjoint(codes)
        for form, countries_of in _COUNTRIES_COMPANY_FORMS.items()
    )


def _personal_facts(entity: Sequence[CslRecord]) -> str:
    """What the entity's records give that only a person's does: "a date of birth ('1955')"; empty
    where none does. Whatever its name, no organisation has one ("Mohammed ABU JHEISHEH",
    "1955", "Izna, Hebron", as OFAC types its individuals' rows)."""
    given: dict[str, list[str]] = {}
    for r in entity:
        for column, value in r.personal:
            given.setdefault(column, []).append(value)
    return ", ".join(
        f"{_PERSON_FACTS[c]} ({'; '.join(repr(v) for v in unique(given[c]))})" for c in CSL_PERSON_COLUMNS if c in given
    )


# "X; and any successor, sub-unit, or subsidiary thereof" (the Nonproliferation lists' wording,
# `_SUCCESSORS`) and a trailing "(ACRONYM)": no affiliation writes a name so, so as given it would never be found. An
# acronym is one word of capitals and digits, a number after it at most ("AASPT", "CETC 13"): a
# bracket holding a place ("(Chengdu)", "(HONG KONG)") or a word ("(Huawei)") is no acronym, and as
# an alias of its own it would be found in every affiliation naming that place.
_TRAILING_ACRONYM = re.compile(r"^(?P<name>.+?)\s*\((?P<acronym>[A-Z][A-Z0-9&\-]{1,11}(?: [0-9]{1,4})?)\)$")


# A company form in a bracket last, after the acronym's: the Entity List's "Managed Systems and
# Services (MSAS)(FZC)" (81 FR 14953). Read as the acronym, "FZC" made every Emirates free-zone
# company a doubt about the entry, and "MSAS" was never found.
_TRAILING_COMPANY_FORM = re.compile(r"^(?P<name>.+?)\s*\((?P<form>[^()]+)\)$")


def _a_bracketed_form_last(name: str) -> tuple[str, str]:
    """The name less a company form in a bracket last ("(FZC)", "(Limited)"), and that form; the
    name as it is and "" where none is last ("COMOIL (PVT) LTD", "Acme (Sharjah)")."""
    m = _TRAILING_COMPANY_FORM.match(name)
    if m is None:
        return name, ""
    form = m.group("form").strip()
    words = form.replace(".", " ").casefold().split()
    return (m.group("name").strip(), form) if words and all(w in _COMPANY_FORMS for w in words) else (name, "")


# A group's numbered institute as the list writes it, the group first ("China Electronics
# Technology Group Corporation 13th Research Institute"), where papers write the institute first:
# "The 13th Research Institute of China Electronics Technology Group Corporation".
_GROUP_THEN_INSTITUTE = re.compile(
    r"^(?P<group>.+?\b(?:Group|Corporation|Corp\.?|Company|Co\.|Academy)(?: of [^()]+?)?)\s+"
    r"(?P<institute>(?:No\.\s*)?\d{1,4}(?:st|nd|rd|th)?\s+(?:Research\s+)?Institute)$",
    re.IGNORECASE,
)


def other_names_within(name: str) -> list[str]:
    """The names a listed name gives within it (`another_name_within`): the name before "a.k.a."
    and each after it ("Astronautics Research Institute", "Astronautics Systems Research Center",
    "Aerospace Research Institute"), split at commas as the Nonproliferation list joins its
    aliases (a company form or a country after a comma stays with the name before it)."""
    found = another_name_within(name)
    if found is None:
        return []
    before, rest = found
    others = (clean_alias(o) for o in _comma_joined(rest, person=False))
    return unique([before, *(o for o in others if not _an_organisations_word_alone(o))])


def name_forms(name: str) -> list[str]:
    """The forms of a listed name an affiliation may write: 'Academy of Aerospace Solid Propulsion
    Technology (AASPT)' gives the name without its acronym, and the acronym; a group's numbered
    institute, written group first, gives the institute first ('13th Research Institute of China
    Electronics Technology Group Corporation'), as papers write it; a name giving another within
    it (`other_names_within`) gives each."""
    forms = []
    bare, form = _a_bracketed_form_last(_SUCCESSORS.sub("", name).strip())
    if bare != name.strip():
        forms.append(bare)
    forms += other_names_within(bare)
    m = _TRAILING_ACRONYM.match(bare)
    acronym = m.group("acronym").strip() if m else None
    if m:
        forms += [m.group("name").strip(), m.group("acronym").strip()]
    for written in [bare, *forms]:
        if g := _GROUP_THEN_INSTITUTE.match(written):
            forms.append(f"{g.group('institute')} of {g.group('group')}")
    if form:
        # The form a bracket held, written after each name as papers write it ("Managed Systems
        # and Services FZC"): a name without it is the list's name less its form, which counts
        # as `without_company_form` says (a common name so is a doubt), not as a name of its own.
        forms = [f if f == acronym else f"{f} {form}" for f in forms if f == acronym or not _TRAILING_ACRONYM.match(f)]
    return list(dict.fromkeys(f for f in forms if f and f != name))


def _each(labels: Sequence[str], values: Sequence[str]) -> str:
    """Each record's value, where it gives one, with its label: "'A' (SSI), 'B' (NS-MBS List)"."""
    return ", ".join(f"{v.strip()!r} ({label})" for label, v in zip(labels, values, strict=True) if v.strip())


def _listed_dates(
    entity: Sequence[CslRecord], labels: Sequence[str]
) -> tuple[dict[str, dt.date | str | None], list[str]]:
    """listed_from and listed_to, and notes on dates that could not be read or that differ. Over several
    records listed_from is the earliest start (the entity is listed since the first of its lists named
    it) and listed_to the latest end, or null while any record gives none (it is still listed there).
    An end that cannot be read is still an end: where every record gives one, listed_to is null and
    listed_to_unread keeps what the list gave, so that the entry never reads as listed still. A start
    that cannot be read beside starts that are is kept as listed_from_unread: it may be the earliest.
    An end before its own record's start is no end that can be used (`_backwards_ends`); a listing
    that ended before another record's began leaves a gap (`_after_gap`)."""
    notes: list[str] = []
    starts = [r.start_date for r in entity]
    ends, backwards = _backwards_ends(entity, labels, notes)
    known_starts = sorted(d for d in _readable(starts, "start_date", "listed_from", labels, notes) if d)
    # A start that cannot be read beside starts that are may be the earliest: kept, as an unread
    # end is, so that the entry never reads as listed only since the earliest start read.
    unread_starts = unique(s.strip() for s in starts if s.strip() and not _csl_date(s)[1])
    listed_from, earlier, periods = _after_gap(entity, backwards, labels, notes)
    unread_starts += earlier
    # A listing before a gap kept as text already leaves every day before listed_from a doubt.
    undated = [label for label, s in zip(labels, starts, strict=True) if not s.strip()] if not earlier else []
    kept = [*unread_starts, *([no_start_given(undated)] if undated else [])]
    from_unread = {"listed_from_unread": "; ".join(kept)} if known_starts and kept else {}
    if periods:  # each listing read: a work in a gap is judged by it, the first start is listed_from
        listed_from = periods[0][0]
    read_ends = _readable(ends, "end_date", "listed_to", labels, notes, explained=backwards)
    if not earlier and not periods and (len(set(known_starts)) > 1 or (known_starts and unread_starts)):
        earliest = "listed_from is the earliest" + (
            " read, and listed_from_unread keeps what the list gave: the entity may have been listed earlier."
            if unread_starts
            else "."
        )
        notes.append(f"The records give different start_dates: {_each(labels, starts)}; {earliest}")
    if known_starts and undated:
        notes.append(_no_start_note(undated, known_starts[0]))
    known_ends = sorted(d for d in read_ends if d)
    unread_ends = [e.strip() for e in ends if e.strip() and not _csl_date(e)[1]]
    if unread_ends and all(e.strip() for e in ends):
        if len(entity) > 1:
            notes.append(
                "Every record gives an end_date, and not every one is a date: the entity was taken off the list on"
                " a day not known; listed_to is null and listed_to_unread keeps what the list gave."
            )
        return {
            "listed_from": listed_from or (known_starts[0] if known_starts else None),
            **from_unread,
            "listed_to": None,
            "listed_to_unread": "; ".join(unique(unread_ends)),
            **_listings(periods, None),
        }, notes
    if known_ends and len(known_ends) < len(read_ends):
        notes.append(
            f"Only some records give an end_date ({_each(labels, ends)}); listed_to is null, as the others give none."
        )
    elif len(set(known_ends)) > 1:
        notes.append(f"The records give different end_dates: {_each(labels, ends)}; listed_to is the latest.")
    listed_to = known_ends[-1] if known_ends and len(known_ends) == len(read_ends) else None
    return {
        "listed_from": listed_from or (known_starts[0] if known_starts else None),
        **from_unread,
        "listed_to": listed_to,
        **_listings(periods, listed_to),
    }, notes


def _no_start_note(undated: Sequence[str], earliest: dt.date) -> str:
    """Why records giving no start_date beside one whose start is read leave listed_from_unread: the
    list does not say when they were listed, perhaps long before the earliest start read, so a work
    before it is no certain "not listed then"."""
    which = f"The {undated[0]} record gives" if len(undated) == 1 else f"The {', '.join(undated)} records give"
    return (
        f"{which} no start_date: the entity may have been listed there before {earliest}, the earliest start read;"
        " listed_from_unread says so, and whether it was listed on a day before it is for a reviewer."
    )


def _listings(periods: Sequence[tuple[dt.date, dt.date]], listed_to: dt.date | None) -> dict[str, Any]:
    """The periods `_after_gap` found, as `listings`: the last one ends where the entry does
    (listed_to, null while any of its records gives no end). Nothing for an entity listed once."""
    if not periods:
        return {}
    return {
        "listings": [
            *({"from": start, "to": end} for start, end in periods[:-1]),
            {"from": periods[-1][0], "to": listed_to},
        ]
    }


def _backwards_ends(entity: Sequence[CslRecord], labels: Sequence[str], notes: list[str]) -> tuple[list[str], set[int]]:
    """Each record's end_date, where one before the record's own start_date is given as text no date
    is read from ("2020-01-01 (before its start_date 2021-01-01)"), and which records those are. One
    of the two dates is wrong, and which is not known: read as an end, a work after it would be
    cleared as "off the list before it appeared" while the entity may be listed still; kept as an
    end not read, the entry is a doubt for a reviewer wherever the end matters."""
    ends, backwards = [], set()
    for i, (label, r) in enumerate(zip(labels, entity, strict=True)):
        start, end = _csl_date(r.start_date)[0], _csl_date(r.end_date)[0]
        if start is not None and end is not None and end < start:
            backwards.add(i)
            ends.append(f"{end} (before its start_date {start})")
            record = "The list" if len(entity) == 1 else f"The {label} record"
            notes.append(
                f"{record} gives end_date {end}, before its start_date {start}: one of them is wrong, and which is not"
                " known; the end is not used as listed_to, and listed_to_unread keeps it."
            )
        else:
            ends.append(r.end_date)
    return ends, backwards


def _after_gap(
    entity: Sequence[CslRecord], backwards: set[int], labels: Sequence[str], notes: list[str]
) -> tuple[dt.date | None, list[str], list[tuple[dt.date, dt.date]]]:
    """Where a record's listing ended before another record's began, each unbroken listing: where
    every end before a gap is read, as periods (the last one's end is the entry's, see
    `_listings`), so that a work in a gap is judged not listed and one inside a listing listed;
    where one may not be (an end not read, or one before its own start, is no known day: that
    listing may have ended the day it began, so a later record's start may follow a gap), the
    start of the last listing known unbroken (listed_from) and each listing before it as text for
    listed_from_unread, a doubt, not lost: the earliest start as listed_from would have read the
    entity as listed through the gap, and a work of that time as certainly "listed before
    publication"."""
    periods = []
    for i, r in enumerate(entity):
        start, end = _csl_date(r.start_date)[0], _csl_date(r.end_date)[0]
        if start is not None:
            unknown = i in backwards or not _csl_date(r.end_date)[1]
            periods.append((start, start if unknown else end, unknown))
    periods.sort(key=lambda p: p[0])
    last_start, reach, perhaps = None, None, False  # the unbroken listing that ends the record so far
    earlier: list[tuple[dt.date, dt.date, bool]] = []
    for start, end, unknown in periods:
        if last_start is not None and reach is not None and start > reach + dt.timedelta(days=1):
            earlier.append((last_start, reach, perhaps))
            last_start, reach, perhaps = start, end, unknown
        elif last_start is None:
            last_start, reach, perhaps = start, end, unknown
        else:
            reach = None if reach is None or end is None else max(reach, end)
            perhaps = perhaps or unknown
    if not earlier or last_start is None:
        return None, [], []
    each = [f"{r.start_date.strip() or '?'} to {r.end_date.strip() or 'no end'}" for r in entity]
    undated = _undated_in_gap(entity, earlier[0][1], labels)
    if not any(perhaps for _, _, perhaps in earlier) and not undated:
        notes.append(
            f"The records give listings with a gap between them: {_each(labels, each)}; listings gives each"
            " unbroken listing, and listed_from is the first one's start."
        )
        return None, [], [*((s, e) for s, e, _ in earlier), (last_start, last_start)]
    notes.append(
        f"The records give listings with a gap, or perhaps one, between them: {_each(labels, each)}; listed_from is"
        f" {last_start}, the start of the last listing known unbroken, and listed_from_unread keeps the listings"
        " before it: whether the entity was listed on a day before it is for a reviewer."
        + "".join(f" The {label} record gives no start_date: it may have been listed in the gap." for label in undated)
    )
    return last_start, [_listing_before(s, e, perhaps, last_start, bool(undated)) for s, e, perhaps in earlier], []


def _undated_in_gap(entity: Sequence[CslRecord], gap_after: dt.date, labels: Sequence[str]) -> list[str]:
    """The labels of records that give no start_date and may have been listed in a gap (the first
    begins the day after `gap_after`): no end, or one not read or after it. The list does not say
    when such a listing began, so the entity may have been listed all through the gap, and the
    periods the dated records give would clear a work of it: silence is no proof it was off."""
    out = []
    for label, r in zip(labels, entity, strict=True):
        if r.start_date.strip():
            continue
        end, readable = _csl_date(r.end_date)
        if end is None or not readable or end > gap_after:
            out.append(label)
    return out


def _listing_before(start: dt.date, end: dt.date, perhaps: bool, last_start: dt.date, undated: bool = False) -> str:
    """A listing before a gap, as listed_from_unread keeps it."""
    if perhaps:
        return f"{start} (a listing whose end is not known, perhaps before the one from {last_start})"
    if undated:
        return (
            f"{start} (a listing that ended {end}, before the one from {last_start}; a record giving no start_date"
            " may have been listed between)"
        )
    return f"{start} (a listing that ended {end}, before the one from {last_start})"


def _readable(
    raws: Sequence[str],
    field_name: str,
    key: str,
    labels: Sequence[str],
    notes: list[str],
    *,
    explained: Collection[int] = (),
) -> list[dt.date | None]:
    """The dates that could be read (None where a record gives none); a note for each that could not,
    but those whose note is given already (`explained`, by their place in `raws`)."""
    read = []
    for i, (label, raw) in enumerate(zip(labels, raws, strict=True)):
        date, readable = _csl_date(raw)
        if readable:
            read.append(date)
        elif i in explained:
            continue
        elif len(raws) == 1:
            notes.append(
                f"The list gives {field_name} as {raw.strip()!r}, not a date (YYYY-MM-DD); {key} is left null"
                + (", and the date as given is kept as listed_to_unread." if key == "listed_to" else ".")
            )
        else:
            notes.append(
                f"The {label} record gives {field_name} as {raw.strip()!r}, not a date (YYYY-MM-DD); it is not used."
            )
    return read
