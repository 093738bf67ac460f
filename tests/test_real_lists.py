"""The shipped lists against ROR's own records (issue 15): for each record in ../shared/data/ror
(ROR's v1 and v2 formats both), every shipped entry for that institution carries its ROR id and
its country, and no entry of another institution carries it. (The real ASPI file importing
159/159 is test_lists_import.py's.)"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from claimwatch.lists import ListEntry, load_list

LISTS = sorted((Path(__file__).resolve().parent.parent / "evidence" / "lists").glob("*.yaml"))
# A subject of the claims, not a listed institution: no shipped list names it.
ON_NO_LIST = {"0300m5276"}  # Microsoft Research Asia


@dataclass(frozen=True)
class RorRecord:
    id: str
    names: frozenset[str]  # its name, labels and aliases, casefolded; not acronyms, which name many
    countries: frozenset[str]


def read_ror(path: Path) -> RorRecord:
    data = json.loads(path.read_text(encoding="utf-8"))
    ror_id = data["id"].rstrip("/").rsplit("/", 1)[-1]
    if isinstance(data.get("names"), list):  # v2: typed names, locations with GeoNames details
        names = [n["value"] for n in data["names"] if "acronym" not in n["types"]]
        countries = [loc["geonames_details"]["country_code"] for loc in data["locations"]]
    else:  # v1: name, aliases and labels apart, one country
        names = [data["name"], *data.get("aliases", ()), *(label["label"] for label in data.get("labels", ()))]
        countries = [data["country"]["country_code"]]
    return RorRecord(ror_id, frozenset(n.casefold() for n in names), frozenset(countries))


def shipped_entries() -> list[tuple[str, ListEntry]]:
    return [(p.stem, e) for p in LISTS for e in load_list(p).entries]


def names_of(entry: ListEntry) -> set[str]:
    return {n.casefold() for n in entry.names}


def ror_records(shared_data: Path) -> list[RorRecord]:
    return [read_ror(p) for p in sorted((shared_data / "ror").glob("*.json"))]


def test_the_ror_records_are_of_both_formats(shared_data):
    paths = sorted((shared_data / "ror").glob("*.json"))
    assert len(paths) == 10
    assert {"v2" if isinstance(json.loads(p.read_text()).get("names"), list) else "v1" for p in paths} == {"v1", "v2"}
    assert all(r.countries == {"CN"} for r in ror_records(shared_data))


def test_every_entry_for_a_ror_institution_carries_its_id_and_country(shared_data):
    entries = shipped_entries()
    wrong = []
    for record in ror_records(shared_data):
        found = [(lst, e) for lst, e in entries if names_of(e) & record.names or record.id in e.ror]
        if record.id in ON_NO_LIST:
            wrong += [f"{lst}:{e.id} names {record.id}, which no list should" for lst, e in found]
            continue
        if not found:
            wrong.append(f"no shipped entry names ROR {record.id}")
        for lst, e in found:
            if e.ror != (record.id,) or e.country not in record.countries:
                wrong.append(
                    f"{lst}:{e.id}: ror {list(e.ror)}, country {e.country}; ROR {record.id} says {set(record.countries)}"
                )
            if not names_of(e) & record.names:  # it carries the id, so it must be that institution by name too
                wrong.append(f"{lst}:{e.id} carries ROR {record.id} but none of its names")
    assert wrong == []


def test_every_shipped_ror_id_is_one_of_rors_records(shared_data):
    records = {r.id for r in ror_records(shared_data)}
    carried = {r for _, e in shipped_entries() for r in e.ror}
    assert carried == records - ON_NO_LIST
    # Each of the four lists has ids for the institutions it names.
    assert {lst for lst, e in shipped_entries() if e.ror} == {p.stem for p in LISTS}


def tracker_aliases(shared_data: Path, category: str) -> dict[str, set[str]]:
    """The ASPI tracker's aliases of each institution in a category, by English name."""
    data = json.loads((shared_data / "aspi/misp-galaxy-china-defence-universities.json").read_text(encoding="utf-8"))
    return {
        v["value"].split(" (")[0]: set(v["meta"].get("aliases", ()))
        for v in data["values"]
        if category in v["meta"].get("categories", ())
    }


def test_seven_sons_keeps_every_alias_the_tracker_gives(shared_data):
    """seven-sons.yaml says it keeps the tracker's aliases; one it leaves out is named in the
    entry's notes with the reason (NUAA's "Nanhang University" was dropped without one)."""
    tracker = tracker_aliases(shared_data, "Seven sons of national defence")
    shipped = {e.name: e for e in load_list(LISTS[0].parent / "seven-sons.yaml").entries}
    assert set(shipped) == set(tracker)
    unexplained = {
        name: sorted(a for a in aliases - set(shipped[name].names) if f'"{a}"' not in (shipped[name].notes or ""))
        for name, aliases in tracker.items()
    }
    assert {name: left for name, left in unexplained.items() if left} == {}


def test_an_institution_has_the_same_names_in_every_shipped_list():
    """An entry id names one institution in every list: a name or alias one list matches and
    another does not gives one affiliation different list memberships (NPU's "Northwest
    Polytechnical University" was on the Seven Sons and DoD lists, not the Entity List's)."""
    names: dict[str, dict[str, frozenset[str]]] = {}
    for lst, e in shipped_entries():
        names.setdefault(e.id, {})[lst] = frozenset(e.names)
    differing = {
        eid: {lst: sorted(n) for lst, n in by_list.items()}
        for eid, by_list in names.items()
        if len(set(by_list.values())) > 1
    }
    assert differing == {}


def ror_labels(path: Path) -> tuple[str, set[str]]:
    """A ROR record's id and its labels: the institution's own name in each language."""
    data = json.loads(path.read_text(encoding="utf-8"))
    ror_id = data["id"].rstrip("/").rsplit("/", 1)[-1]
    if isinstance(data.get("names"), list):
        return ror_id, {n["value"] for n in data["names"] if "label" in n["types"]}
    return ror_id, {data["name"], *(label["label"] for label in data.get("labels", ()))}


def test_every_entry_carrying_a_ror_id_carries_its_labels(shared_data):
    """A label is the name the institution writes itself by (NUDT's Chinese label in ROR,
    中国人民解放军国防科学技术大学, was in no entry, so an affiliation written so matched no list by its name)."""
    labels = dict(ror_labels(p) for p in sorted((shared_data / "ror").glob("*.json")))
    missing = [
        (lst, e.id, sorted(labels[r] - set(e.names)))
        for lst, e in shipped_entries()
        for r in e.ror
        if labels[r] - set(e.names) and r not in ON_NO_LIST
    ]
    assert missing == []
