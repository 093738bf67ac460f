"""The ASPI China Defence Universities Tracker, as the MISP galaxy project packages it, made a list."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .. import countries, documents
from ..errors import InputError, Problem
from ._import import (
    IMPORT_MAX_BYTES,
    At,
    Draft,
    another_name_within,
    file_label,
    list_document,
    read_json,
    unique,
    with_ids,
)

ASPI_GALAXY_TYPE = "china-defence-universities"
ASPI_TRACKER_URL = "https://unitracker.aspi.org.au/"

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# The tracker brackets a Chinese form in ASCII or full-width parentheses, at times one of each
# ("Center （北京计算科学研究中心)"), at times with a bracket inside ("(...实验室(B类))").
_OPENING, _CLOSING = "(\uff08", ")\uff09"


def split_aspi_value(value: str) -> tuple[str, str | None]:
    """'Beihang University (北京航空航天大学)' -> ('Beihang University', '北京航空航天大学').

    Only a last parenthesis in Chinese is split off: 'China University of Geosciences (Wuhan)
    (中国地质大学)' keeps '(Wuhan)' in the name. Left in, the Chinese form would make a name no
    affiliation writes, so the bracket is found as the tracker writes it: in either width, with
    brackets inside it, or never closed ('Artificial Intelligence Research Center (人工智能研究中心').
    """
    text = value.strip()
    start = _last_bracket(text)
    if start is not None:
        name, native = text[:start].strip(), text[start + 1 :].strip()
        if native[-1:] in _CLOSING:
            native = native[:-1].strip()
        if name and _CJK.search(native):
            return name, native
    return text, None


def _last_bracket(text: str) -> int | None:
    """Where the bracket that ends `text` opens (brackets inside it matched, either width counting
    alike), or the last one opened and never closed; None where `text` ends in no bracket."""
    if text[-1:] in _CLOSING:
        depth = 0
        for i in range(len(text) - 1, -1, -1):
            if text[i] in _CLOSING:
                depth += 1
            elif text[i] in _OPENING:
                depth -= 1
                if depth == 0:
                    return i
        return None
    opened = max(text.rfind(c) for c in _OPENING)
    return opened if opened >= 0 and not any(c in text[opened:] for c in _CLOSING) else None


def import_aspi(
    path: str | Path,
    *,
    list_id: str,
    name: str | None = None,
    categories: Sequence[str] = (),
    retrieved: dt.date | None = None,
) -> dict[str, Any]:
    """A list document from the tracker's MISP galaxy file, with the entries of `categories` (all by
    default). `retrieved`: the day the file was downloaded, where the user gives it."""
    label = str(path)
    text, digest = documents.read_text(path, max_bytes=IMPORT_MAX_BYTES)
    galaxy = _aspi_galaxy(read_json(text, label), label)
    values = galaxy["values"]
    wanted = _aspi_categories(values, categories, label)
    kept = [
        (i, v)
        for i, v in enumerate(values)
        if not wanted or wanted & {c.casefold() for c in _meta(v).get("categories", [])}
    ]
    drafts = [_aspi_draft(v, At(label, pointer=f"values[{i}]")) for i, v in kept]
    entries = with_ids(drafts)
    title = str(galaxy.get("name") or "China Defence Universities Tracker")
    publisher = str(galaxy.get("source") or "ASPI International Cyber Policy Centre")
    picked = "; ".join(categories)
    in_categories = f" in the categor{'ies' if len(categories) > 1 else 'y'} {picked}" if categories else ""
    return list_document(
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
            **({"retrieved": retrieved} if retrieved else {}),
        },
        imported={
            "format": f"misp-galaxy:{ASPI_GALAXY_TYPE}",
            "file": file_label(path),
            "sha256": digest,
            "options": {"category": list(categories)},
            "records_read": len(values),
            "entries_kept": len(entries),
            **({"notes": notes} if (notes := _kept_related([v for _, v in kept])) else {}),
        },
        entries=entries,
    )


# Institutions the tracker names under an entry, and what it calls them there. They are kept as
# the entry's `related`, never as its aliases: some are companies abroad, and none is said to be
# the entry, so an author at one is a doubt about the entry, never a match.
_UNDER_AN_ENTRY = (("subsidiaries", "subsidiary"), ("major defence laboratories", "major defence laboratory"))
_IN_A_COUNTRY = re.compile(r"^(?P<name>.*\S)\s*[(（](?P<place>[^()（）]+)[)）]\s*$")


def _related(meta: dict[str, Any], entry_names: Sequence[str]) -> list[dict[str, Any]]:
    """The institutions the tracker names under an entry (`meta.subsidiaries`, `meta["major
    defence laboratories"]`), in file order, each once by its name (the Academy of Military
    Medical Sciences is both under the Academy of Military Science): the name and its Chinese
    form as an entry's are split. Their country is the entry's (CN), but where a last bracket
    names a country or region ("FACC AG (Austria)", "Nexteer Automotive (Hong Kong)"): that is
    kept as `place`, out of the name, and the country is null (but for China), as the tracker
    does not say whether it gives the company's seat or its stock market. A name of the entry's own is left out."""
    out: dict[str, dict[str, Any]] = {}
    for key, called in _UNDER_AN_ENTRY:
        for text in meta.get(key) or []:
            name, native = split_aspi_value(text)
            country: str | None = "CN"
            place = None
            if (m := _IN_A_COUNTRY.match(name)) and (
                code := countries.BY_NAME.get(" ".join(m["place"].lower().split()))
            ):
                name, country, place = m["name"].strip(), "CN" if code == "CN" else None, m["place"].strip()
            if not name or name in entry_names:
                continue
            found = out.setdefault(name, {"name": name, "aliases": [], "called": [], "country": country})
            found["aliases"] = unique(
                [*found["aliases"], *chinese_names(native or ""), *_names_within(name)], besides=[name]
            )
            found["called"] = unique([*found["called"], called])
            if place:
                found["place"] = place
            if found["country"] != country:
                found["country"] = None
    return [{k: v for k, v in r.items() if v != [] and (v is not None or k == "country")} for r in out.values()]


# The names after "a.k.a." within an institution's name the tracker gives under an entry, joined
# by commas or "or" ("Xi'an Aisheng Technology Group (...), aka Northwestern Polytechnical
# University 365th Research Institute or Xi'an ASN Technology Group"), "the" before one left out
# ("..., also known as the Zhejiang Second People's Police School"), as affiliations write them.
_NAMES_JOINED = re.compile(r"\s*,\s*|\s+or\s+(?=[A-Z])")
_THE_AND_QUOTES = re.compile(r"^(?:the\s+)?[\s'\u2018\u2019\u201c\u201d\"]*|[\s'\u2018\u2019\u201c\u201d\"]+$")


# A remark the tracker writes in place of a laboratory's name, naming what it may be: "May be another
# name for the State Key Laboratory for Underwater Information and Control", "May also be known as
# the Science and Technology on Underwater Vehicle Laboratory (...), literally the '...'", "Also
# known as the 'Radiochemistry and Radiation Chemistry GF Key Discipline Laboratory'", "This may be
# known as the Critical Applied Technologies and Materials Technology Development Research Base",
# "Aka Wuhan Radar Institute Key Research Lab". Not "May be part of the ..." (a part is not the
# whole) nor "Jointly run with ..." (another institution).
_MAY_BE = re.compile(
    r"^(?:(?:(?:This|It)\s+may|May)\s+(?:also\s+)?(?:be\s+)?(?:known\s+as|another\s+name\s+for|the\s+same\s+as)"
    r"|May\s+be(?=\s+the\s)|Also\s+(?:known|referred\s+to)\s+as|Possibly\s+the\s+same\s+as|Aka|A\.k\.a\.?)"
    r"\s+(?:the\s+)?"
)
_LITERALLY = re.compile(r"\s*,\s*literally\b.*$", re.DOTALL)
# A remark before a name that another follows after "a.k.a.": "Based in NORINCO Group No. 55
# Institute (...) aka Changchun Equipment Technology Institute", "Jointly established with Norinco
# Group's 212 Research Institute, also known as the Xi'an Mechanical & Electric Institute", as the
# tracker writes three of its laboratories. The remark is no part of the name: no affiliation
# writes "Based in ...", so the institute is its alias without it, its Chinese form apart, as an
# institution's under an entry is (`chinese_names`): "西安爱生技术集团公司" of "Xi'an Aisheng Technology
# Group (西安爱生技术集团公司), aka ...", which left in the bracket no affiliation writes.
_REMARK_BEFORE = re.compile(r"^(?:Based\s+in|Jointly\s+(?:established|run)\s+with)\s+(?:the\s+)?")


def _names_within(name: str) -> list[str]:
    """The names an institution's name under an entry gives within it (`another_name_within`): the
    tracker's "CASC 1st Academy, a.k.a China Academy of Launch Vehicle Technology (CALT)" gives
    "CASC 1st Academy" and "China Academy of Launch Vehicle Technology (CALT)"; and the name a
    remark says it may be (`_MAY_BE`). As the name alone, an author at CALT, a doubt about CASC,
    named nothing."""
    if m := _MAY_BE.match(name):
        named, _ = split_aspi_value(_LITERALLY.sub("", name[m.end() :]))
        return [n] if len((n := _THE_AND_QUOTES.sub("", named)).split()) > 1 else []
    found = another_name_within(name)
    if found is None:
        return []
    before, rest = found
    english, native = split_aspi_value(_REMARK_BEFORE.sub("", before))
    others = (_THE_AND_QUOTES.sub("", n) for n in _NAMES_JOINED.split(rest))
    return unique([english, *chinese_names(native or ""), *others])


# The tracker writes a laboratory's Chinese form with its class ("信息融合技术教育部重点实验室(B类)"),
# a grading most affiliations leave out, and at times two names in one ("...实验室 (B类)/
# ...国防重点实验室", "... or ..."; a slash between two whole names only: "微米/纳米加工技术..." is
# one). Each is kept as an affiliation would write it. A form naming only a kind of institution
# ("教育部重点实验室(b类)", under Fudan University as "Probably a Ministry of Education b-category
# laboratory"; "第一附属医院", any medical university's first affiliated hospital) names none
# and is left out: an author at any Ministry of Education laboratory would be a doubt about Fudan.
_CLASS_MARK = re.compile(r"\s*[(\uff08]\s*[A-Za-z]\s*类\s*[)\uff09]?\s*$")
_OR = re.compile(r"\s+or\s+")
# "卫星导航电子信息技术”教育部重点实验室": a quotation's end left in; where they pair, kept as well.
_STRAY_QUOTES = re.compile(r"[\u201c\u201d\"]")
_SLASH = re.compile(r"\s*[/\uff0f]\s*")
_WHOLE_NAME_END = re.compile(r"(?:实验室|医院|中心|研究所|研究院|大学|学院|公司)$")
_A_KIND_OF_INSTITUTION = re.compile(
    r"^(?:(?:教育部|国防|国家|科技|重点|实验室|工程|技术|研究|中心)+|第[一二三四五六七八九十]+附属医院)$"
)


def chinese_names(native: str) -> list[str]:
    """The names a Chinese form the tracker gives under an entry holds, as affiliations write them."""
    names: list[str] = []
    for said in _OR.split(native.strip()):
        parts = [p.strip() for p in _SLASH.split(said)]
        whole = all(_WHOLE_NAME_END.search(_CLASS_MARK.sub("", _STRAY_QUOTES.sub("", p))) for p in parts)
        for written in parts if whole else [said.strip()]:
            unquoted = _STRAY_QUOTES.sub("", written)
            name = _CLASS_MARK.sub("", unquoted).strip()
            if name and not _A_KIND_OF_INSTITUTION.match(name):
                # With its class too, as some affiliations write it: found whole, it runs on into
                # nothing; and with its quotation marks where they pair ("激光陀螺国家“863”高技术重点实验室").
                quoted = [written] if written.count("\u201c") == written.count("\u201d") else []
                names.extend(dict.fromkeys([name, unquoted, *quoted]))
    return names


def _kept_related(values: list[dict[str, Any]]) -> list[str]:
    """What the import says of the institutions the tracker names under the entries kept
    (subsidiaries, laboratories): how many entries name them, with an example, and how they count."""
    notes = []
    for key, called in _UNDER_AN_ENTRY:
        giving = [v for v in values if isinstance(_meta(v).get(key), list) and _meta(v)[key]]
        if not giving:
            continue
        first = giving[0]
        example = (
            f"{split_aspi_value(first['meta'][key][0])[0]} under {split_aspi_value(str(first.get('value', '')))[0]}"
        )
        notes.append(
            f"{len(giving)} of the entries kept name {key} (meta.{key}): each is kept under its entry (related),"
            f" called a {called}; an author at one (such as {example}) makes a work uncertain about the entry,"
            " never a match"
        )
    return notes


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
        at = At(path, pointer=f"values[{i}]")
        if not isinstance(value, dict):
            raise InputError(at.problem("is not an object"))
        if not isinstance(value.get("value"), str) or not value["value"].strip():
            raise InputError(at.problem("has no 'value' (the institution's name)"))
        meta = value.get("meta", {})
        if not isinstance(meta, dict):
            raise InputError(at.problem("'meta' is not an object"))
        for key in ("aliases", "categories", "supervising agencies", "refs", *(k for k, _ in _UNDER_AN_ENTRY)):
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
    return set(categories_as_read(categories))


def categories_as_read(categories: Sequence[Any]) -> list[str]:
    """`--category` values as the import reads them: in any case and order."""
    return sorted({str(c).casefold() for c in categories})


def aspi_options_as_read(options: dict[str, Any]) -> dict[str, Any]:
    """An import's recorded options (`imported.options`) as it read them (`csl_options_as_read`)."""
    read = dict(options)
    if isinstance(categories := read.get("category"), list):
        read["category"] = categories_as_read(categories)
    return read


def _aspi_draft(value: dict[str, Any], at: At) -> Draft:
    meta = _meta(value)
    name, native = split_aspi_value(value["value"])
    address = (meta.get("address") or "").strip()
    return Draft(
        fields={
            "name": name,
            "aliases": unique([native or "", *meta.get("aliases", [])], besides=[name]),
            # The tracker covers institutions of the People's Republic of China only (its own description).
            "country": "CN",
            "listed_from": None,
            "citation": None,
            "verified": True,
            "categories": unique(meta.get("categories", [])),
            "supervising_agencies": unique(meta.get("supervising agencies", [])),
            "addresses": [address] if address else [],
            "references": unique(meta.get("refs", [])),
            "related": _related(meta, [name, native or ""]),
        },
        at=at,
        keys=(str(value.get("uuid") or "")[:8],),
    )
