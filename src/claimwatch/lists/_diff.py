"""What changed between two versions of a list: entries added, removed and changed."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._text import listed_in_a_sentence, one_line
from ._aspi import ASPI_GALAXY_TYPE, aspi_options_as_read
from ._csl import csl_options_as_read
from ._model import (
    ListEntry,
    Listing,
    ReferenceList,
    Related,
    listed_from_said,
    listed_to_said,
    listed_until,
    load_list,
    periods_said,
)


def load_list_version(path: str | Path) -> ReferenceList:
    """A list file as load_list reads it, except that its name need not match its id, so an old
    copy kept beside the current one (`us-entity-list.old.yaml`) can be compared."""
    return load_list(path, check_file_name=False)


# What decides a verdict is compared: names and ids, dates, and where the entry is (its country
# rules names out or in, its addresses' provinces tell namesakes apart), on which source lists,
# whether it is confirmed, and whether it may name a person.
_COMPARED_FIELDS = (
    "id",
    "name",
    "country",
    "listed_from",
    "listed_from_unread",
    "listed_to",
    "listed_to_unread",
    "listings",
    "citation",
    "verified",
    "may_be_a_person",  # a doubt wherever an author is found at the entry, or none
    # What the import noticed about the entry (records merged, a date not read, a name it may be a
    # person's): a report gives an entry's notes beside each finding at it.
    "notes",
)
# The supervising agencies too: they decide whether a unit named under one is the entry's ("Institute
# of Cadre Management, Ministry of State Security" is Jiangnan Social University's), so a tracker
# dropping one turns such matches into doubts, which a diff silent on it would hide.
_COMPARED_SETS = ("aliases", "openalex", "ror", "addresses", "source_lists", "supervising_agencies",
                  # And what a user comparing two imports looks for, whose order is no change (OFAC's
                  # SDN gives TNK Trading International S.A.'s "UKRAINE-EO13662; VENEZUELA-EO13850"
                  # in either order): the CSL's sanctions programs, the tracker's categories (an
                  # import by `--category` keeps an entry or not by them).
                  "programs", "categories")  # fmt: skip
# The institutions named under an entry (`related`), by name: one whose names, what the source
# calls it or its country changed is `changed`. Each makes an author at it a doubt.
_RELATED = "related"


@dataclass(frozen=True)
class EntryChange:
    """How one entry differs between two versions: fields (old, new) and names or ids added or removed."""

    entry: ListEntry  # as the new version has it
    old_id: str
    matched_by: str  # "id", "name" or "former name" (either's name is among the other's aliases)
    fields: dict[str, tuple[Any, Any]]
    added: dict[str, tuple[str, ...]]
    removed: dict[str, tuple[str, ...]]
    related_changed: tuple[Related, ...] = ()  # as the new version has them


@dataclass(frozen=True)
class ListDiff:
    """What changed from `old` to `new`: entries added and removed (matched by id, then by name, then by a
    former name), and changed."""

    old: ReferenceList
    new: ReferenceList
    added: tuple[ListEntry, ...]
    removed: tuple[ListEntry, ...]
    changed: tuple[EntryChange, ...]
    # The removed entries each added entry (by id) names, or that name it, left unpaired: it keeps
    # neither's listing date nor citation, or several name each other (a merge or a split).
    namesakes: dict[str, tuple[ListEntry, ...]] = field(default_factory=dict)

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    @property
    def of_two_lists(self) -> bool:
        """Whether the files look like two lists, not two versions of one: their ids differ, and
        they are not imports of one screening list with the same options (named by date, as
        `lists import --out csl-2025-06.yaml` names them, two versions of one list differ in id
        alone)."""
        return self.old.id != self.new.id and not _one_import(self.old, self.new)

    def to_json(self) -> dict[str, Any]:
        removed = {e.id: e for e in self.removed}
        return {
            "old": _version_json(self.old),
            "new": _version_json(self.new),
            "has_changes": self.has_changes,
            "summary": {"added": len(self.added), "removed": len(self.removed), "changed": len(self.changed)},
            "added": [_added_json(e, self.namesakes.get(e.id, ()), removed.get(e.id)) for e in self.added],
            "removed": [_entry_json(e) for e in self.removed],
            "changed": [_change_json(c) for c in self.changed],
        }


def _one_import(old: ReferenceList, new: ReferenceList) -> bool:
    """Whether both were imported from one kind of source with the same options (the source
    list and country read from the CSL, the tracker's categories)."""
    return (
        old.imported is not None and new.imported is not None and _read_from(old.imported) == _read_from(new.imported)
    )


def _read_from(imported: dict[str, Any]) -> tuple[str, Any]:
    """The source an import read and its options: the CSL whichever of its downloads was read
    (trade.gov gives it as CSV, TSV and JSON: formats `csl-csv`, `csl-tsv`, `csl-json`), the
    tracker's galaxy."""
    fmt = str(imported.get("format", ""))
    source = "csl" if fmt.startswith("csl-") else fmt
    return source, _options_as_read(source, imported.get("options"))


# Each importer says how it read its own options: the diff knows none of their names.
_OPTIONS_AS_READ: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "csl": csl_options_as_read,
    f"misp-galaxy:{ASPI_GALAXY_TYPE}": aspi_options_as_read,
}


def _options_as_read(fmt: str, options: Any) -> Any:
    """An import's options as its importer reads them (`--source el` and `--source "Entity List
    (EL) - Bureau of Industry and Security"` alike; the tracker's categories in any case and
    order); another format's, or options that are no mapping, as written."""
    read = _OPTIONS_AS_READ.get(fmt)
    return read(options) if read is not None and isinstance(options, dict) else options


def two_lists_said(diff: ListDiff) -> str | None:
    """One line where the two files look like two lists, not two versions of one: compared all
    the same (a list given a new id is one), but every entry of one may read as removed and every
    entry of the other as added."""
    if not diff.of_two_lists:
        return None
    return one_line(
        f"note: {diff.old.path} is list '{diff.old.id}' and {diff.new.path} list '{diff.new.id}': "
        "two lists, perhaps, not two versions of one; compared entry by entry all the same"
    )


def diff_lists(old: ReferenceList, new: ReferenceList) -> ListDiff:
    """Compare two versions of a list. Entries pair up by id, then the rest by name (case and spacing
    aside), then by a former name (`_renamed`); an entry left without a partner was added or removed."""
    pairs, removed, added, related = _pair_entries(old.entries, new.entries)
    changes = [c for o, n, how in pairs if (c := _entry_change(o, n, how)) is not None]
    position = {e.id: i for i, e in enumerate(new.entries)}
    changes.sort(key=lambda c: position[c.entry.id])
    return ListDiff(old, new, tuple(added), tuple(removed), tuple(changes), _namesakes(related, removed, added))


def _folded(name: str) -> str:
    return " ".join(name.casefold().split())


def _pair_entries(
    old: Sequence[ListEntry], new: Sequence[ListEntry]
) -> tuple[list[tuple[ListEntry, ListEntry, str]], list[ListEntry], list[ListEntry], list[tuple[ListEntry, ListEntry]]]:
    """(old, new, matched_by) pairs, the old entries left without a partner, the new ones left, and the
    (old, new) entries left after pairing by name that name each other (`_renamed`)."""
    old_by_id = {e.id: e for e in old}
    generic = _given_by_several(old) | _given_by_several(new)
    pairs = [(old_by_id[e.id], e, "id") for e in new if e.id in old_by_id and same_entity(old_by_id[e.id], e, generic)]
    paired_old = {o.id for o, _, _ in pairs}
    left_new = [e for e in new if e.id not in paired_old]
    pairs += _paired_by_name([e for e in old if e.id not in paired_old], left_new)
    paired_new = {n.id for _, n, _ in pairs}
    added = [e for e in left_new if e.id not in paired_new]
    renamed, related = _renamed(old, added, {o.id for o, _, _ in pairs})
    pairs += renamed
    paired_old = {o.id for o, _, _ in pairs}
    paired_new = {n.id for _, n, _ in pairs}
    removed = [e for e in old if e.id not in paired_old]
    return pairs, removed, [e for e in added if e.id not in paired_new], related


def same_entity(old: ListEntry, new: ListEntry, generic: AbstractSet[str] = frozenset()) -> bool:
    """Whether two entries of one id are taken for one entity: of one name (case and spacing
    aside), one naming the other among its aliases, or the new one keeping the old one's listing
    (`_keeps_listing`: a name corrected by hand). An id given again to another entity (a
    hand-written list's "e1", the slug "entry" of two names in another script) is not: paired, the
    entity taken off would read as renamed, and listed still. Two sharing an alias, an acronym
    aside, are (`_full_aliases`), unless another entry of a version gives it too (`generic`,
    folded: `_given_by_several`): "Seven Sons of National Defence" names a group, not the one."""
    if _folded(old.name) == _folded(new.name):
        return True
    if _folded(old.name) in {_folded(a) for a in new.aliases} or _folded(new.name) in {_folded(a) for a in old.aliases}:
        return True
    return bool((_full_aliases(old) & _full_aliases(new)) - generic) or _keeps_listing(old, new)


def _given_by_several(entries: Sequence[ListEntry]) -> set[str]:
    """The names and aliases (folded) that two entries of one version give: they name no one entity."""
    seen: dict[str, int] = {}
    for e in entries:
        for name in {_folded(n) for n in (e.name, *e.aliases)}:
            seen[name] = seen.get(name, 0) + 1
    return {name for name, n in seen.items() if n > 1}


def _full_aliases(entry: ListEntry) -> set[str]:
    """An entry's aliases other than acronyms, folded: one both give (天津工业大学 of Tianjin
    Polytechnic University renamed Tiangong University) names one entity; an acronym two
    institutions may share ("USC") does not."""
    return {_folded(a) for a in entry.aliases if not _ACRONYM.fullmatch(a.strip())}


# An acronym as the name matchers read one (`evaluate._names.is_acronym`; that package imports this one).
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}")


def _paired_by_name(old: Sequence[ListEntry], new: Sequence[ListEntry]) -> list[tuple[ListEntry, ListEntry, str]]:
    """(old, new, "name") pairs of entries of one name (case and spacing aside). One of a name on each
    side pair up. Namesakes do not pair in file order: the Entity List names one entity per country
    under one name, and their ids carry each record's key only while the name is shared, so when one
    is taken off the other's id changes; paired by order, the one that stays could read as removed
    and the one taken off as moved. Among namesakes an old entry pairs with the new one that keeps
    its listing (`_keeps_listing`) or its addresses, the likest first, and with none where none does."""
    old_by_name: dict[str, list[ListEntry]] = {}
    for e in old:
        old_by_name.setdefault(_folded(e.name), []).append(e)
    new_by_name: dict[str, list[ListEntry]] = {}
    for e in new:
        new_by_name.setdefault(_folded(e.name), []).append(e)
    pairs = []
    for name, news in new_by_name.items():
        olds = old_by_name.get(name, [])
        if len(olds) == len(news) == 1:
            pairs.append((olds[0], news[0], "name"))
        elif olds:
            pairs += _namesakes_paired(olds, news)
    return pairs


def _namesakes_paired(olds: Sequence[ListEntry], news: Sequence[ListEntry]) -> list[tuple[ListEntry, ListEntry, str]]:
    """Namesakes paired likest first (in file order where equally alike), each at most once."""
    ranked = sorted(
        ((_likeness(o, n), i, j) for i, o in enumerate(olds) for j, n in enumerate(news)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs = []
    for likeness, i, j in ranked:
        if likeness and i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((olds[i], news[j], "name"))
    return pairs


def _likeness(old: ListEntry, new: ListEntry) -> int:
    """How many of what tells namesakes apart `new` keeps of `old`: its listing, its addresses. A
    country alone is none: namesakes in one country are the Entity List's usual case too."""
    same_addresses = bool(old.addresses) and set(old.addresses) == set(new.addresses)
    return int(_keeps_listing(old, new)) + int(same_addresses)


def _renamed(
    old: Sequence[ListEntry], left_new: Sequence[ListEntry], paired_old: set[str]
) -> tuple[list[tuple[ListEntry, ListEntry, str]], list[tuple[ListEntry, ListEntry]]]:
    """Entries renamed, and every (old, new) left that name each other. The Entity List revises an
    entry to a new name "a.k.a." the old one, and the id (the slug of the name) moves with it; shown
    as removed, the entity would read as taken off the list. An old entry pairs with a new one when
    either's name is among the other's aliases and the new one keeps the old one's listing date or
    citation (a revision keeps both, adding its own notice), and only where neither has another such
    partner (two entries merged into one, or one split, pair nothing). An entity newly listed under
    an alias of one taken off is another entity: paired, the one taken off would read as listed."""
    left_old = [e for e in old if e.id not in paired_old]
    related = _naming_each_other(left_old, left_new)
    candidates = [(o, n) for o, n in related if _keeps_listing(o, n)]
    partners_of_old = Counter(o.id for o, _ in candidates)
    partners_of_new = Counter(n.id for _, n in candidates)
    renamed = [(o, n, "former name") for o, n in candidates if partners_of_old[o.id] == partners_of_new[n.id] == 1]
    return renamed, related


def _keeps_listing(old: ListEntry, new: ListEntry) -> bool:
    """Whether `new` keeps the listing of `old`: the same listing date, or the notice that listed
    it (the old citation's earliest, `_listing_notice`) among the new one's notices."""
    if old.listed_from is not None and old.listed_from == new.listed_from:
        return True
    listing = _listing_notice(old.citation)
    return listing is not None and listing in _notices(new.citation)


# "84 FR 22961", "82 F.R. 48792 10/01/2017": a notice is its volume and first page.
_NOTICE = re.compile(r"(\d+)\s*F\.?\s*R\.?\s*(\d+)", re.IGNORECASE)


def _notices(citation: str | None) -> list[str]:
    """The notices a citation gives, as '84 FR 22961', every one: lists join several with ';', and
    the CSL writes some in one run ('67 F.R. 56530 9/4/02 67 F.R. 10890 3/11/02', I. ASH's); a part
    that reads as no notice is kept as written, case and spacing aside."""
    notices = []
    for part in (citation or "").split(";"):
        found = [f"{m.group(1)} FR {m.group(2)}" for m in _NOTICE.finditer(part)]
        notices.extend(found or [_folded(part)])
    return [n for n in notices if n]


def _listing_notice(citation: str | None) -> str | None:
    """The notice that listed the entity: the earliest the citation gives (the lowest volume, a
    year's, then page), in whatever order it gives them (I. ASH's gives a later notice first);
    where none reads as a notice, the citation's first part as written."""
    notices = _notices(citation)
    numbered = [n for n in notices if _NOTICE.fullmatch(n)]
    if numbered:
        return min(numbered, key=_volume_and_page)
    return notices[0] if notices else None


def _volume_and_page(notice: str) -> tuple[int, int]:
    """'67 FR 10890' as (67, 10890): the order notices were published in."""
    volume, _, page = notice.split()
    return int(volume), int(page)


def _namesakes(
    related: Sequence[tuple[ListEntry, ListEntry]], removed: Sequence[ListEntry], added: Sequence[ListEntry]
) -> dict[str, tuple[ListEntry, ...]]:
    """For each added entry, the removed entries it names or that name it (see ListDiff.namesakes)."""
    removed_ids, added_ids = {e.id for e in removed}, {e.id for e in added}
    out: dict[str, list[ListEntry]] = {}
    for o, n in related:
        if o.id in removed_ids and n.id in added_ids:
            out.setdefault(n.id, []).append(o)
    return {k: tuple(v) for k, v in out.items()}


def _naming_each_other(old: Sequence[ListEntry], new: Sequence[ListEntry]) -> list[tuple[ListEntry, ListEntry]]:
    """The (old, new) pairs where either's name is among the other's aliases, in the order of `old`
    and then of `new`. Each name and alias is folded once and looked up, not compared with every
    other entry's: two lists of thousands of entries compare in a blink, not in minutes."""
    new_by_name: dict[str, list[int]] = {}
    new_by_alias: dict[str, list[int]] = {}
    for i, n in enumerate(new):
        new_by_name.setdefault(_folded(n.name), []).append(i)
        for a in {_folded(a) for a in n.aliases}:
            new_by_alias.setdefault(a, []).append(i)
    pairs = []
    for o in old:
        found = set(new_by_alias.get(_folded(o.name), ()))
        for a in {_folded(a) for a in o.aliases}:
            found.update(new_by_name.get(a, ()))
        pairs += [(o, new[i]) for i in sorted(found)]
    return pairs


def _compared(e: ListEntry, field: str) -> Any:
    """A field as the comparison reads it: one period given as `listings` is the listing its
    listed_from and listed_to give (the same entry, judged the same), so no periods."""
    if field == "listings" and not e.several_listings:
        return ()
    return getattr(e, field)


def _entry_change(old: ListEntry, new: ListEntry, matched_by: str) -> EntryChange | None:
    fields = {
        f: (_compared(old, f), _compared(new, f)) for f in _COMPARED_FIELDS if _compared(old, f) != _compared(new, f)
    }
    added = {f: tuple(v for v in getattr(new, f) if v not in getattr(old, f)) for f in _COMPARED_SETS}
    removed = {f: tuple(v for v in getattr(old, f) if v not in getattr(new, f)) for f in _COMPARED_SETS}
    old_related, new_related = {r.name: r for r in old.related}, {r.name: r for r in new.related}
    added[_RELATED] = tuple(n for n in new_related if n not in old_related)
    removed[_RELATED] = tuple(n for n in old_related if n not in new_related)
    changed = tuple(r for n, r in new_related.items() if n in old_related and old_related[n] != r)
    added = {f: v for f, v in added.items() if v}
    removed = {f: v for f, v in removed.items() if v}
    if not (fields or added or removed or changed):
        return None
    return EntryChange(new, old.id, matched_by, fields, added, removed, changed)


def _version_json(rl: ReferenceList) -> dict[str, Any]:
    return {"path": rl.path, "id": rl.id, "sha256": rl.sha256, "entries": len(rl.entries)}


def _plain(value: Any) -> Any:
    if isinstance(value, tuple) and all(isinstance(p, Listing) for p in value):  # listings: as the file gives them
        return [{"from": p.start.isoformat(), "to": _plain(p.end)} for p in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def _entry_json(e: ListEntry) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "listed_from": _plain(e.listed_from),
        **({"listed_from_unread": e.listed_from_unread} if e.listed_from_unread else {}),
        "listed_to": _plain(e.listed_to),
        **({"listed_to_unread": e.listed_to_unread} if e.listed_to_unread else {}),
        **({"listings": _plain(e.listings)} if e.several_listings else {}),
        "citation": e.citation,
    }


def _added_json(e: ListEntry, namesakes: Sequence[ListEntry], id_of: ListEntry | None) -> dict[str, Any]:
    shown = _entry_json(e)
    if id_of is not None:
        shown["id_of_removed"] = id_of.name
    if namesakes:
        shown["names_removed"] = [
            {"id": o.id, "name": o.name, **({"same_source_lists_and_addresses": True} if same_place(o, e) else {})}
            for o in namesakes
        ]
    return shown


def _change_json(c: EntryChange) -> dict[str, Any]:
    changes: dict[str, Any] = {f: {"old": _plain(o), "new": _plain(n)} for f, (o, n) in c.fields.items()}
    for f in _COMPARED_SETS:
        if f in c.added or f in c.removed:
            changes[f] = {"added": list(c.added.get(f, ())), "removed": list(c.removed.get(f, ()))}
    if _RELATED in c.added or _RELATED in c.removed or c.related_changed:
        changes[_RELATED] = {
            "added": list(c.added.get(_RELATED, ())),
            "removed": list(c.removed.get(_RELATED, ())),
            **({"changed": [describe_related(r) for r in c.related_changed]} if c.related_changed else {}),
        }
    return {"id": c.entry.id, "old_id": c.old_id, "name": c.entry.name, "matched_by": c.matched_by, "changes": changes}


def format_diff(diff: ListDiff) -> str:
    """The diff for a reader: a summary line, then '+' added, '-' removed and '~' changed entries.
    Each version's listing periods are said against the day it was read (`_periods_said`)."""
    old_read, new_read = diff.old.read_on, diff.new.read_on
    lines = [
        f"{diff.old.path} ({diff.old.id}, {len(diff.old.entries)} entries) -> "
        f"{diff.new.path} ({diff.new.id}, {len(diff.new.entries)} entries): "
        + (
            f"{len(diff.added)} added, {len(diff.removed)} removed, {len(diff.changed)} changed"
            if diff.has_changes
            else "no changes"
        )
    ]
    removed_ids = {e.id: e for e in diff.removed}
    lines += [
        f"+ {_describe_entry(e, new_read)}{_namesakes_said(e, diff.namesakes.get(e.id, ()))}{_id_reused_said(removed_ids.get(e.id))}"
        for e in diff.added
    ]
    lines += [f"- {_describe_entry(e, old_read)}" for e in diff.removed]
    for c in diff.changed:
        how = f", matched by {c.matched_by} to '{c.old_id}'" if c.matched_by != "id" else ""
        lines.append(f"~ {c.entry.name} [{c.entry.id}{how}]")
        lines += [f"    {f}: {_shown(o, old_read, f)} -> {_shown(n, new_read, f)}" for f, (o, n) in c.fields.items()]
        for f in (*_COMPARED_SETS, _RELATED):
            if f in c.added:
                lines.append(f"    {f} added: {'; '.join(c.added[f])}")
            if f in c.removed:
                lines.append(f"    {f} removed: {'; '.join(c.removed[f])}")
        lines += [f"    related changed: {describe_related(r)}" for r in c.related_changed]
    # List files are untrusted: each line keeps what it says on that line.
    return "\n".join(one_line(line) for line in lines)


def describe_related(r: Related) -> str:
    """'Name (subsidiary; aka 名; CN)': an institution named under an entry, as the list gives it."""
    parts = [", ".join(r.called)]
    if r.aliases:
        parts.append(f"aka {'; '.join(r.aliases)}")
    parts.append(r.country or "no country")
    if r.place:
        parts.append(f"given with ({r.place})")
    return f"{r.name} ({'; '.join(parts)})"


def _namesakes_said(new: ListEntry, namesakes: Sequence[ListEntry]) -> str:
    """'; carries the name of removed 'Foo' [foo]': an added entry named as a removed one but not
    taken for it (see ListDiff.namesakes); a reader judges whether it is."""
    said = []
    for o in namesakes:
        carried = _folded(o.name) in {_folded(a) for a in new.aliases}
        where = ", on the same source lists at the same addresses" if same_place(o, new) else ""
        said.append(
            f"{'carries the name of' if carried else 'its name is an alias of'} removed '{o.name}' [{o.id}]{where}"
        )
    return f"; {'; '.join(said)}" if said else ""


def _id_reused_said(old: ListEntry | None) -> str:
    """'; the id of removed 'Foo' in the old version': an added entry under the id a removed one
    had, not taken for it (`same_entity`); a reader judges whether it is."""
    if old is None:
        return ""
    return f"; the id of removed '{old.name}' in the old version, not taken for it (no name, alias or listing shared)"


def same_place(old: ListEntry, new: ListEntry) -> bool:
    """Whether two entries are on the same source lists at the same addresses (some given): what a
    reader weighs where an added entry carries a removed one's name but keeps neither its listing
    date nor its notice (OFAC's lists give neither: a rename there shows so). Not enough to pair
    them: an entity newly listed at the address of one taken off, under its name, is another."""
    return (
        bool(old.addresses)
        and set(old.addresses) == set(new.addresses)
        and set(old.source_lists) == set(new.source_lists)
    )


def _describe_entry(e: ListEntry, read_on: dt.date | None) -> str:
    listed = f"listed {listed_from_said(e.listed_from, read_on)}" if e.listed_from else "listing date unknown"
    if e.several_listings:
        listed = f"listed {_periods_said(e.listings, read_on)}"
    elif e.listed_to:  # as `lists show` gives it; several listings say their ends already
        listed += f", {listed_to_said(e.listed_to, read_on)}"
    return f"{e.name} [{e.id}] ({listed}{', ' + e.citation if e.citation else ''})"


def _shown(value: Any, read_on: dt.date | None, field: str) -> str:
    """A field's value as the version gives it; a listing's first or last day against the day the
    version was read, in `lists show`'s words: a start after it not begun, an end "taken off" on or
    before it and "listed until" after it (or with no day read)."""
    if isinstance(value, dt.date) and field == "listed_to":
        return listed_to_said(value, read_on)
    if isinstance(value, dt.date) and read_on is not None and value > read_on and field == "listed_from":
        return listed_from_said(value, read_on)
    if isinstance(value, bool):
        return "true" if value else "false"  # as the list file writes it
    if isinstance(value, tuple) and all(isinstance(p, Listing) for p in value):
        return _periods_said(value, read_on) if value else "none (listed once)"
    return "null" if value is None else str(value)


def _periods_said(periods: Sequence[Listing], read_on: dt.date | None) -> str:
    """A version's periods as `lists show` says them: against the day it was read (its sources'
    latest `retrieved`), a period ending after that day not ended ('from 2023-01-01 (listed until
    2056-06-29)', a denial order's expiry); where the list gives no such day (a file imported by
    hand), the last period's end, not known to have come, likewise. The periods before it ended
    before it began."""
    if read_on is not None:
        return periods_said(periods, read_on)
    return listed_in_a_sentence([*(str(p) for p in periods[:-1]), listed_until(periods[-1])])
