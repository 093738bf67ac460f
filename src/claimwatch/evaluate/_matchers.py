"""Matchers: which authors of a work are the subject's, which are at an entry of a list, and
where a topic's phrases stand in a work's text.

Each matcher is built once per subject, list or topic (`_Matchers`), however many claims share
it. What they find is kept light (`_SubjectHit`, `_ListedHit`) and becomes the report's
pydantic reason only when a finding cites it (`reason()`, made once a hit by the verdicts).

A list entry's name found in text counts only where the record does not place the author in
another country than the entry's (`_placed`): names are shared across countries (Northeastern
University is in Shenyang and in Boston; CSIC is a Spanish council and a Chinese shipbuilder),
and some within China, where the text's province tells them apart (`_another_province`).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence, Set
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Literal, NamedTuple, TypeVar

from .._memo import Memo
from .._text import printable
from ..claims import Subject, Topic
from ..countries import BY_NAME, CODES
from ..errors import InputError, Problem
from ..lists import (
    NAMESAKES_FILE,
    ListEntry,
    Namesake,
    ReferenceList,
    Related,
    an_organisations_word,
    clean_alias,
    known_namesakes,
)
from ..results import AffiliationReason, EntryRef, InstitutionRef, ListingPeriod, Method, PhraseReason
from ..works import (
    APOSTROPHES,
    BARE_TAG_WRITTEN,
    INVISIBLE,
    READ_AS_HYPHENS,
    Authorship,
    Institution,
    Work,
    letter_script_spans,
    mathml_tokens_side_by_side,
    reads_two_ways,
    topic_reading,
    without_markup,
    without_markup_spans,
)
from ._companies import (
    a_firm_s_name_after,
    a_group_and_form_after,
    a_place_alone,
    a_seat_and_form_after,
    a_unit_after,
    a_unit_before,
    another_company_form_after,
    company_core,
    company_form_after,
    company_form_before,
    distinctive_word,
    form_in_full,
    one_word_and_its_form,
    with_its_leading_form_last,
    without_company_form,
)
from ._names import (
    _AFFILIATIONS_PART,
    LINE_BREAKS,
    SPACES,
    NameHit,
    NameMatcher,
    _is_cjk,
    a_school_of_a_field,
    a_unit_of_a_field_in_chinese,
    after_its_own_country,
    chinese_forms,
    cjk_run_on,
    fold,
    holds_a_whole_name_s_end,
    in_its_army_s_other_forms,
    is_acronym,
    name_words,
    names_its_owner,
    visible,
    without_its_army,
    word_spans,
)
from ._phrases import LOOK_ALIKES, PhraseHit, PhraseSet, completed_readings, word_key
from ._places import (
    _A_WORD,
    Place,
    a_town_before_its_state,
    countries,
    country_name,
    names_crimea,
    of_the_country,
    part_of,
    places_in,
    places_itself,
)
from ._provinces import (
    _AFTER_A_WORD,
    ProvincePlace,
    certain_provinces,
    chinese_namesakes,
    in_english,
    named_provinces,
    own_places_in_chinese,
    own_provinces_in_chinese,
    provinces_in,
    shared_by_provinces,
)

# The ways an author can be placed at an institution, strongest first.
_METHOD_RANK = {"openalex_id": 0, "lineage": 1, "ror": 2, "name_in_institution": 3, "alias_in_raw_affiliation": 4}


# --- subjects and lists ---------------------------------------------------------------------


class _SubjectHit(NamedTuple):
    """An author of the subject, kept light: most never reach a report."""

    authorship: Authorship
    institution: Institution | None
    method: Method
    matched_text: str | None
    name: NameHit | None = None
    doubt: str | None = None  # an alias the record cannot place in the subject's country

    def reason(self) -> AffiliationReason:
        return _affiliation(
            "subject_author",
            self.authorship,
            self.institution,
            self.method,
            matched_text=self.matched_text,
            name=self.name,
            doubt=self.doubt,
        )


class _ListedHit(NamedTuple):
    """An author at a list entry, kept light until it is cited in a finding."""

    authorship: Authorship
    hit: _EntryHit
    listed_before: bool | None

    def reason(self) -> AffiliationReason:
        h = self.hit
        note = None if h.entry.verified else "list entry not fully confirmed (see its notes)"
        return _affiliation(
            "listed_author",
            self.authorship,
            h.institution,
            h.method,
            matched_text=h.matched_text,
            name=h.name,
            entry=_entry_ref(h),
            listed_before=self.listed_before,
            note=note,
            doubt=h.doubt,
        )


# A text's answer not yet worked out, and one naming the subject otherwise than as before.
_UNREAD = "\x00unread"
_NAMED_OTHERWISE = "\x00named otherwise"


class SubjectMatcher:
    """Which authors of a work are the subject's: by OpenAlex id or lineage, by ROR, or (inferred)
    by an alias in the affiliation text where no subject id is attached."""

    def __init__(self, subject: Subject):
        self.subject = subject
        self.ids = frozenset(subject.openalex)
        self.rors = frozenset(subject.ror)
        own = _own_places((), subject.names)
        self.names = NameMatcher(
            ((subject.id, n) for n in subject.names),
            lambda _, text, start: _own_chinese_places_before(text, start, own, frozenset()),
            lambda _, text, start: chinese_places_before(text, start),
        )
        # The subject as a list entry, whose names the entries' rule for a longer name reads.
        self._as_entry = ListEntry(id=subject.id, name=subject.name, aliases=subject.aliases, country=subject.country)
        # Each text's answer for `_named_only_otherwise`, read once: strings repeat across authors.
        self._as_before: Memo[str, str | None] = Memo(100_000)
        # Each alias found in a text, how it places the author (`_placed`); bounded as the list
        # side's placings are.
        self._placings: Memo[tuple[NameHit, str], str | _Elsewhere | None] = Memo(ListMatcher._PLACINGS_SIZE)

    def hits(self, work: Work) -> list[_SubjectHit]:
        out = []
        for a in work.authorships:
            hit = self._match(a)
            if hit:
                out.append(hit)
        if not out:
            out = [h for a in work.interleaved_institutions if (h := self._interleaved(a))]
        return out

    def _interleaved(self, a: Authorship) -> _SubjectHit | None:
        """An institution Crossref put in the author list that names the subject: the work may be
        the subject's, but no author is shown to be at it, so it is only a doubt."""
        found = self.names.find(a.name)
        if not found:
            return None
        doubt = (
            f"the only sign of {self.subject.name} on the work is \u201c{printable(a.name)}\u201d in the author list,"
            " an institution Crossref put there, not an author"
        )
        return _SubjectHit(a, None, "alias_in_raw_affiliation", a.name, found[0], doubt)

    def _match(self, a: Authorship) -> _SubjectHit | None:
        ids = self.ids
        for inst in a.institutions:
            if inst.id in ids:
                return self._resolved(a, inst, "openalex_id", None)
        for inst in a.institutions:
            if not ids.isdisjoint(inst.lineage):
                return self._resolved(a, inst, "lineage", None)
        if self.rors:
            for inst in a.institutions:
                if inst.ror in self.rors:
                    return self._resolved(a, inst, "ror", self._ids_disagree(inst))
        # An alias in raw text: where the subject gives its country, with the list entries' rule
        # (an alias placed in another country is not the subject; one the record cannot place is
        # a doubt); a certain alias wins over a doubtful one.
        doubtful = None
        for text in a.raw_affiliations:
            for h in self.names.find(text):
                placed = self._placed(h, text)
                if placed is None:
                    return _SubjectHit(a, None, "alias_in_raw_affiliation", text, h)
                if not isinstance(placed, _Elsewhere) and doubtful is None:
                    doubtful = _SubjectHit(a, None, "alias_in_raw_affiliation", text, h, placed)
        return doubtful

    def _placed(self, h: NameHit, text: str) -> str | _Elsewhere | None:
        """Why an alias found in a text may not be the subject (`_Elsewhere`: it is not), worked
        out once per name found in a text, as the list side's `_placed` is: the subject's texts
        repeat across most of a check's works ("Microsoft Research Asia, Beijing, China")."""
        key = (h, text)
        try:
            return self._placings[key]
        except KeyError:  # None is an answer: told from a key not yet kept by the lookup
            return self._placings.keep(key, self._place(h, text))

    def _place(self, h: NameHit, text: str) -> str | _Elsewhere | None:
        if h.place_before is not None:
            return self._after_another_place(h)
        placed = _with_doubts_of_its_writing(
            (
                _placed_in(self.subject.country, self.subject.name, h, text, set())
                if self.subject.country
                else _acronym_unplaced(self.subject, h, text)
            )
            or _a_longer_name(self._as_entry, h, text, subject=True),
            h,
        )
        if not isinstance(placed, _Elsewhere) and (former := _named_as_before(self.subject.name, h, text)):
            placed = former if placed is None else f"{former}; and {placed}"  # as for a list entry
        return placed

    def _after_another_place(self, h: NameHit) -> str:
        """A doubt where the subject's Chinese name follows places its names do not hold, with no
        space between (北京微软亚洲研究院): the subject gives no address, so whether they are its own
        or begin another institution's name cannot be told, as for "Beijing Microsoft Research
        Asia". Not said to undo an OpenAlex id (`_text_names_only_otherwise`): such a text is as
        often the subject's own city before its name."""
        label = printable(self.subject.name)
        return (
            f"the place \u201c{printable(h.place_before or '')}\u201d comes right before"
            f" \u201c{printable(h.matched)}\u201d: the text may name another institution, named by its"
            f" place, whose name ends with {label}'s{_no_place_to_tell(self._as_entry, label, subject=True)}"
        )

    def _resolved(self, a: Authorship, inst: Institution, method: Method, doubt: str | None) -> _SubjectHit:
        """An author OpenAlex resolved to the subject's institution, which it does from the author's
        text by name, and errs: where that text names the subject only as where the author was
        before ("...; formerly at Microsoft Research Asia"), the author is the subject's only in
        doubt, as a list entry's is (`_resolved_from_another_name`)."""
        if doubt is None and (before := self._named_only_otherwise(a)):
            doubt = (
                f"OpenAlex resolves the author to \u201c{printable(inst.name or inst.id or '')}\u201d, but the"
                f" author's own text names {printable(self.subject.name)} only so: {before}"
            )
        return _SubjectHit(a, inst, method, None, doubt=doubt)

    def _named_only_otherwise(self, a: Authorship) -> str | None:
        """Why the author's texts may name the subject only as where they were before, or only as
        part of a longer name (`_a_longer_name`: "Microsoft Research Asia Foundation"), as a list
        entry's texts undo OpenAlex's match (`_resolved_from_another_name`); None where a text
        names it otherwise too, or none names it (nothing then to say OpenAlex erred)."""
        first = None
        for text in a.raw_affiliations:
            said = self._as_before.get(text, _UNREAD)
            if said is _UNREAD:
                said = self._as_before.keep(text, self._text_names_only_otherwise(text))
            if said is _NAMED_OTHERWISE:
                return None
            first = first or said
        return first

    def _text_names_only_otherwise(self, text: str) -> str | None:
        """Why one text names the subject only as where the author was before or in a longer name;
        `_NAMED_OTHERWISE` where it names it as itself too, None where it names it not at all."""
        first = None
        for h in self.names.find(text):
            otherwise = _named_as_before(self.subject.name, h, text) or _a_longer_name(
                self._as_entry, h, text, subject=True
            )
            if otherwise is None:
                return _NAMED_OTHERWISE
            first = first or otherwise
        return first

    def _ids_disagree(self, inst: Institution) -> str | None:
        """Why an institution found by the subject's ROR id alone may not be the subject: its
        OpenAlex id is none the subject gives (nor under one). A subject written with the ROR id of
        another institution (a mistyped or neighbouring record) counted that one's works as the
        subject's, though the OpenAlex ids beside it said otherwise. None where no id disagrees."""
        if not self.ids or not inst.id:
            return None
        return (
            f"{printable(inst.name or inst.id)} has the subject's ROR id {inst.ror} but the OpenAlex id {inst.id},"
            f" which {self.subject.name} does not give: the subject's ids disagree, so it may not be"
            f" {self.subject.name}"
        )


def _acronym_unplaced(subject: Subject, hit: NameHit, text: str) -> str | None:
    """A subject that gives no country: its names stand as they are found, but an acronym alone
    is a doubt, as a list entry's is (acronyms are shared across countries: the "MSRA" of
    "Medical Signal Research Academy (MSRA), Tehran" is not Microsoft Research Asia)."""
    if hit.traditional:
        around = _places_around(text, hit, *part_of(text, places_in(text), hit.start, hit.end))
        if _on_the_mainland(hit, named_provinces(around)):
            return None  # a mainland province named, as for a list entry
        return (
            f"\u201c{printable(hit.matched)}\u201d matched {subject.name} in traditional characters, as Taiwan, Hong"
            " Kong and Macao write, whose institutions bear names of mainland ones, and the affiliation names no"
            " province of mainland China; the claim file gives the subject no country to check it against"
        )
    if not hit.is_acronym:
        return None
    return (
        f"the acronym \u201c{printable(hit.matched)}\u201d alone matched {subject.name}, whose claim file gives "
        "the subject no country to check it against"
    )


@dataclass(frozen=True)
class _EntryHit:
    """A list entry an author is at, and the strongest way it matched.

    `doubt` says why a name match cannot be trusted (a name shared across countries with no
    country in the record, an acronym alone, places in two countries): a hit with a doubt makes
    a work uncertain, never a match."""

    entry: ListEntry
    reference_list: ReferenceList
    method: Method
    institution: Institution | None
    matched_text: str | None
    name: NameHit | None = None  # the name or alias found, and where in matched_text
    doubt: str | None = None


# A street's word right after a name, as addresses write one ("Pasdaran Ave.", "Sepah Street");
# "St." only where no word follows it, as "Saint" has one ("Rosatom St. Petersburg").
_A_STREETS_WORD = re.compile(
    r"\s+(?:(?:avenue|ave|street|road|rd|boulevard|blvd|alley|lane|square|highway|hwy|expressway)\b"
    r"|st\b(?!\.?\s*[^\W\d_]))",
    re.IGNORECASE,
)


# The word after a street's word ("Construction" of "Sepah Road Construction Co."), its point aside.
_THE_NEXT_WORD = re.compile(r"\.?\s+([^\s,;:()]+)")


def _a_streets_name(hit: NameHit, text: str) -> bool:
    """Whether a name of one word is found as a street's, a street's word right after it: the
    Nonproliferation list gives the Islamic Revolutionary Guard Corps the aliases "Sepah" and
    "Pasdaran", and Tehran's "Pasdaran Ave." (or "Avenue") is in the address of many a coauthor.
    There the text names a street, certainly no body; a one-word name in any other longer name
    ("Bank Sepah", "Martin Luther University") may yet be the entry's and stays found, and so
    does one whose street's word an organisation's word follows: "Sepah Road Construction Co."
    or "Martin Road Ltd" names a company (as "Silk Road Fund" does), which may be the entry's."""
    if " " in hit.name.strip() or (street := _A_STREETS_WORD.match(text, hit.end)) is None:
        return False
    after = _THE_NEXT_WORD.match(text, street.end())
    return after is None or not an_organisations_word(after.group(1))


class ListMatcher:
    """Which authors of a work are at an entry of a list, strongest evidence first."""

    def __init__(self, reference_list: ReferenceList):
        self.list = reference_list
        self.by_openalex: dict[str, list[ListEntry]] = defaultdict(list)
        self.by_ror: dict[str, list[ListEntry]] = defaultdict(list)
        for e in reference_list.entries:
            for i in e.openalex:
                self.by_openalex[i].append(e)
            for r in e.ror:
                self.by_ror[r].append(e)
        self.entries = {e.id: e for e in reference_list.entries}
        # What the matcher looks for, and the query's needles with it (`_grouping`).
        self.registered = tuple(dict.fromkeys((e.id, n) for e in reference_list.entries for n in _sought(e)))
        self.names = NameMatcher(
            self.registered, self._own_place_before, self._unaddressed_place_before, self._of_its_owner
        )
        # Names' first words sought alone (`company_core`): found, kept only before a company form
        # (`_names_found`); by entry, and never where the entry names itself so too (the CSL's
        # Netposa Technologies Limited, whose alias "NetPosa" is also the core of its other alias
        # "NetPosa Technologies, Ltd.").
        self._cores = frozenset(
            (e.id, core)
            for e in reference_list.entries
            for n in e.names
            if (company := without_company_form(n)) and (core := company_core(company[0]))
        ) - frozenset((e.id, n) for e in reference_list.entries for n in _sought(e, cores=False))
        # The institutions the list names under its entries (`related`), each sought as an entry
        # of its own is (`_sought`), under a key of its own: a name found is a doubt about the
        # entry, never a match. Their names are the query's needles too (`_grouping`).
        self.related: dict[str, tuple[ListEntry, Related, ListEntry]] = {}
        for e in reference_list.entries:
            for k, rel in enumerate(e.related):
                as_entry = ListEntry(id=e.id, name=rel.name, aliases=rel.aliases, country=rel.country)
                self.related[f"{e.id}\x1f{k}"] = (e, rel, as_entry)
        self.related_registered = tuple(
            dict.fromkeys(
                (key, n) for key, (_, _, as_entry) in self.related.items() for n in _sought(as_entry, cores=False)
            )
        )
        self.related_names = NameMatcher(self.related_registered) if self.related else None
        self._placings: Memo[tuple[NameHit, str, frozenset[str]], str | _Elsewhere | None] = Memo(self._PLACINGS_SIZE)
        self._by_a_place = _named_by_a_place(reference_list.entries)
        # By the author's institutions (by identity) and affiliation strings: `hits`.
        self._by_affiliations: Memo[tuple[tuple[int, ...], tuple[str, ...]], tuple[tuple, tuple[_EntryHit, ...]]] = (
            Memo(self._BY_AFFILIATIONS_SIZE)
        )

    def _names_found(self, text: str) -> list[NameHit]:
        """The entries' names in `text`, and a name's first words found alone (`company_core`) only
        where a company form follows them ("Megvii Inc.") and one of them is rare after all
        (`distinctive_word`, which reads the word probabilities `company_core` does not): alone,
        "Petersburg" of "Petersburg ... LLC" is in every "St. Petersburg", "Hudson" in "Hudson
        Institute"."""
        found = [h for h in self.names.find(text) if not _a_streets_name(h, text)]
        if self._cores.isdisjoint((h.key, h.name) for h in found):
            return found
        return [
            h
            for h in found
            if (h.key, h.name) not in self._cores
            or (
                (
                    company_form_after(text, h.end) is not None
                    or _with_a_unit(h, text) is not None
                    or (a_firm_s_name_after(text, h.start, h.end) is not None and not _within_a_longer_hit(h, found))
                )
                and distinctive_word(h.name, self.entries[h.key].country, self.entries[h.key].addresses) is not None
            )
        ]

    def _of_its_owner(self, key: str, words: list[str]) -> bool:
        """Do the words after a name's "of" name a body the list says supervises the entry
        (`NameMatcher`)?"""
        return names_its_owner(words, self.entries[key].supervising_agencies)

    def _own_place_before(self, key: str, text: str, start: int) -> bool:
        """Are the Chinese places right before a name at `start` the entry's own (`NameMatcher`)?"""
        entry = self.entries[key]
        own, provinces = _own_places(entry.addresses, entry.names), _entry_provinces(entry.addresses, entry.names)
        if _own_chinese_places_before(text, start, own, provinces):
            return True
        # The district its own address writes in Chinese, with or without 区 (重庆沙坪坝陆军军医大学,
        # 沙坪坝区陆军军医大学: the tracker's 重庆市沙坪坝区...), alone or after its own places.
        district = next((d for d in _own_districts(entry.addresses) if text.startswith(d, start - len(d))), None)
        if district is None:
            return False
        begin = start - len(district)
        return (
            begin == 0
            or not _A_CHINESE_CHARACTER.match(text[begin - 1])
            or after_its_own_country(text, begin)
            or _own_chinese_places_before(text, begin, own, provinces)
        )

    def _unaddressed_place_before(self, key: str, text: str, start: int) -> str | None:
        """The Chinese places before an entry's whole Chinese name at `start`, not its own, where
        the list gives the entry no address and the text may yet name it (`NameMatcher`): places
        written as an address (陕西省西安市, 北京市海淀区: a city with 市, a district, a street and
        number), which no name written by its place holds, or a city the list's own record ties to
        the entry under another name (西安, of NPU's subsidiary "Xi'an Aisheng Technology Group"), or
        any city before a name the namesakes file says only its places tell apart
        (`_a_name_its_place_tells_apart`: 北京国际关系学院, 南京国际关系学院). Found, such a name is a
        doubt (`_after_places_unaddressed`); a bare city's name before it otherwise names another
        institution (南京信息工程大学, not IEU), and is not found."""
        entry = self.entries[key]
        if entry.addresses:
            return None  # its own places are known: another's before its name make another name
        places = chinese_places_before(text, start)
        if places is None:
            return None
        if (
            places.endswith(_WRITTEN_AS_AN_ADDRESS)
            or self._tied_by_its_record(entry, text, start)
            or _a_name_its_place_tells_apart(entry, text, start)
        ):
            return places
        return None

    def _tied_by_its_record(self, entry: ListEntry, text: str, start: int) -> bool:
        """Is the place right before `start` one the list's record names under the entry, in the
        names of the bodies it gives under it (`related`)?"""
        nearest = next(iter(_places_right_before(text, start)), None)
        if nearest is None:
            return False
        english = in_english(text[nearest.start : nearest.end])
        if english is None:
            return False
        return any(
            _place_key(english) in _own_places((), names) and _its_chinese_city_is(names, english, nearest.provinces)
            for names in ((r.name, *r.aliases) for r in entry.related)
        )

    # Bounded small: a full cache of 100,000 answers held about 93 MiB a list (rev-perf's measure,
    # 100-character strings), against a million's check's 512 MiB; a group's works repeat a few
    # thousand affiliations at most, so a small cache keeps nearly every hit.
    _PLACINGS_SIZE = 16_384

    def _placed(self, entry: ListEntry, hit: NameHit, text: str, resolved: Set[str]) -> str | _Elsewhere | None:
        """`_placed`, worked out once per name found in a text and the countries it is read with:
        affiliation strings repeat across works, and reading where a name places an author is
        the dearest part of matching them (the hit's key is its entry's id, so it names the entry)."""
        key = (hit, text, frozenset(resolved))
        try:
            return self._placings[key]
        except KeyError:  # None is an answer: told from a key not yet kept by the lookup
            placed = _placed(entry, hit, text, resolved)
            if placed is None:
                placed = self._another_entry_by_its_place(entry, hit, text)
            return self._placings.keep(key, self._with_its_namesake(entry, hit, text, placed, resolved))

    def _with_its_namesake(
        self, entry: ListEntry, hit: NameHit, text: str, placed: str | _Elsewhere | None, resolved: Set[str]
    ) -> str | _Elsewhere | None:
        """`_with_its_namesake`, where a namesake of another country is told apart by the text's own
        country only: OpenAlex, resolving the Fremont school's "Northwestern Polytechnic University"
        by its name, may give it NWPU and China, which then places nothing."""
        # Asked only of a name on the file: most names found are none, and it reads the text again.
        by_itself = (
            placed is None and namesake_of(hit.name) is not None and self._places_by_itself(entry, hit, text, resolved)
        )
        return _with_its_namesake(entry, hit, text, placed, placed_by_itself=by_itself)

    def _another_entry_by_its_place(self, entry: ListEntry, hit: NameHit, text: str) -> _LongerName | None:
        """A doubt where the text places a name in a place, not the entry's own, by which the list
        names another entry of that name: "Naval Academy, Dalian" (the Western order) is the
        tracker's Dalian Naval Academy as "Dalian Naval Academy" is (`_place_before`), not its
        Naval Research Academy (alias "Naval Academy", in Beijing). So named, the list shows
        institutions of more than one place bearing the name: placed elsewhere ("Naval Academy,
        Qingdao") or nowhere, it is a doubt too; only the entry's own place makes it certain."""
        others = self._by_a_place.get((entry.id, fold(hit.name)))
        if not others:
            return None
        places = places_in(text)
        begin, finish = part_of(text, places, hit.start, hit.end)
        said = {
            _place_key(text[p.start : p.end]): text[p.start : p.end]
            for p in places
            if not p.is_country and begin <= p.start and p.end <= finish and not hit.start <= p.start < hit.end
        }
        own = _own_places(entry.addresses, entry.names)
        for place, other in others:
            if place in said and place not in own:
                return _LongerName(
                    f"the affiliation places \u201c{printable(hit.matched)}\u201d in {printable(said[place])}, by"
                    f" which the list names another entry of the name, {printable(other.name)}: the text may"
                    f" name it, not {printable(entry.name)}"
                )
        if own & said.keys():
            return None
        # The list itself shows the name borne by institutions of more than one place: only the
        # entry's own place tells its own ("Naval Academy, Qingdao" is no Naval Research Academy).
        label, found = printable(entry.name), printable(hit.matched)
        placing = (
            f"places \u201c{found}\u201d in {', '.join(map(printable, said.values()))}, not in {label}'s own place"
            if said
            else f"names no place of {label}'s own beside \u201c{found}\u201d"
        )
        return _LongerName(
            f"the list names another entry, {printable(others[0][1].name)}, by a place and"
            f" \u201c{printable(hit.name)}\u201d, so institutions of more than one place bear the name, and the"
            f" affiliation {placing}: the text may name another of them, not {label}"
        )

    def _places_by_itself(self, entry: ListEntry, hit: NameHit, text: str, resolved: Set[str]) -> bool:
        """Does `text` place the entry certainly without the countries OpenAlex resolved its names to
        ("Northeastern University, Shenyang, China", "东北大学"), not only with them ("Department of
        Electrical and Computer Engineering, Northeastern University", beside OpenAlex's Chinese
        record of a Boston author)?"""
        return not resolved or self._placed(entry, hit, text, _NO_COUNTRIES) is None

    _BY_AFFILIATIONS_SIZE = 8_192  # bounded small, as `_PLACINGS_SIZE`

    def hits(self, a: Authorship) -> list[_EntryHit]:
        """The entries the author is at, strongest evidence first. What the author's institutions
        and affiliation strings say is read once: authors of many works state them alike, and
        records that state an institution alike share one Institution object (`works._institution`),
        which the key names by identity and the value keeps alive, so no other takes its id."""
        key = (tuple(map(id, a.institutions)), a.raw_affiliations)
        found = self._by_affiliations.get(key)
        if found is None:
            found = self._by_affiliations.keep(key, (a.institutions, tuple(self._hits(a))))
        return list(found[1])

    def _hits(self, a: Authorship) -> list[_EntryHit]:
        best: dict[str, _EntryHit] = {}
        # Countries of the institutions whose names matched an entry: what a raw string naming
        # the entry without a country is taken to mean.
        resolved: dict[str, set[str]] = {}  # most authorships match no name: nothing to fill
        for inst in a.institutions:
            for e in self.by_openalex.get(inst.id or "", ()):
                self._offer(best, e, "openalex_id", inst, None)
            for lineage_id in inst.lineage:
                if lineage_id != inst.id:
                    for e in self.by_openalex.get(lineage_id, ()):
                        self._offer(best, e, "lineage", inst, None, None, self._a_college_of_its_own(e, inst))
            if inst.ror:
                for e in self.by_ror.get(inst.ror, ()):
                    self._offer(best, e, "ror", inst, None, None, _entry_ids_disagree(e, inst))
            if inst.name:
                for h in self._names_found(inst.name):
                    entry = self.entries[h.key]
                    if inst.country:
                        resolved.setdefault(entry.id, set()).add(inst.country.upper())
                    placed = self._placed(
                        entry, h, inst.name, {inst.country.upper()} if inst.country else _NO_COUNTRIES
                    )
                    if not isinstance(placed, _Elsewhere):
                        self._offer(best, entry, "name_in_institution", inst, inst.name, h, placed)
        abroad: list[str] = []
        other_province: dict[str, str] = {}
        longer: dict[str, str] = {}  # entries the text names only as part of another name
        named: set[str] = set()  # and those it names otherwise
        sure: dict[str, _EntryHit] = {}  # entries a text itself names certainly (in its country, as itself)
        for text in a.raw_affiliations:
            seen = _underscores_as_spaces(text)
            for h in _as_written(self._names_found(seen), text):
                entry = self.entries[h.key]
                placed = self._placed(entry, h, seen, resolved.get(entry.id, _NO_COUNTRIES))
                if isinstance(placed, _LongerName):
                    longer.setdefault(entry.id, str(placed))
                else:
                    named.add(entry.id)
                if isinstance(placed, _Elsewhere):
                    abroad.append(entry.id)
                    continue
                if isinstance(placed, _ProvinceDoubt):
                    other_province.setdefault(entry.id, str(placed))
                if placed is None and self._places_by_itself(entry, h, seen, resolved.get(entry.id, _NO_COUNTRIES)):
                    sure.setdefault(entry.id, _EntryHit(entry, self.list, "alias_in_raw_affiliation", None, text, h))
                self._offer(best, entry, "alias_in_raw_affiliation", None, text, h, placed)
        for entry_id in abroad:
            if entry_id in best:
                best[entry_id] = _misresolved(best[entry_id])
        for entry_id, doubt in other_province.items():
            best[entry_id] = _in_another_province(best[entry_id], doubt)
        for entry_id, doubt in longer.items():
            if entry_id not in named:
                best[entry_id] = _resolved_from_another_name(best[entry_id], doubt)
        # An author of two affiliations, one text naming the entry abroad or in another province
        # (Northeastern University, Boston) and another certainly (Northeastern University,
        # Shenyang, China): that text shows the author at the entry, whatever OpenAlex resolved;
        # never one placed by OpenAlex's country alone, the record the other text puts in doubt.
        for entry_id, hit in sure.items():
            if best[entry_id].doubt is not None:
                best[entry_id] = hit
        if self.related_names is not None:
            self._related_hits(a, best)
        return [_as_perhaps_a_person(best[k]) for k in sorted(best)] if best else []

    def _related_hits(self, a: Authorship, best: dict[str, _EntryHit]) -> None:
        """An author at an institution the list names under an entry (`related`), where nothing
        else places the author at that entry: a doubt about the entry, never a match, since the
        source does not say whether it counts as the entry. Its name is read by the entries'
        rules: found in another country than its own, it does not count; a name the record
        cannot place, or that may be part of another's, says so too."""
        assert self.related_names is not None
        found: dict[str, _EntryHit] = {}
        resolved: dict[str, set[str]] = {}
        for inst in a.institutions:
            if inst.name:
                for h in self.related_names.find(inst.name):
                    if inst.country:
                        resolved.setdefault(h.key, set()).add(inst.country.upper())
                    countries_ = {inst.country.upper()} if inst.country else set()
                    self._offer_related(found, h, inst, inst.name, countries_, "name_in_institution")
        for text in a.raw_affiliations:
            seen = _underscores_as_spaces(text)
            for h in _as_written(self.related_names.find(seen), text):
                self._offer_related(
                    found, h, None, seen, resolved.get(h.key, _NO_COUNTRIES), "alias_in_raw_affiliation", text
                )
        for entry_id, hit in found.items():
            best.setdefault(entry_id, hit)

    def _offer_related(
        self,
        found: dict[str, _EntryHit],
        h: NameHit,
        inst: Institution | None,
        text: str,
        resolved: Set[str],
        method: Method,
        written: str | None = None,
    ) -> None:
        """`text` as read (`_underscores_as_spaces`), `written` as given where they differ."""
        entry, related, as_entry = self.related[h.key]
        if _names_nothing_alone(related.name) and not any(n.key == entry.id for n in self.names.find(text)):
            return  # "Xianlin Campus", "Political Department": another institution's as much as this one's
        placed = _placed_in(as_entry.country, related.name, h, text, resolved, as_entry.names)
        if isinstance(placed, _Elsewhere):
            return
        if placed is None:
            placed = _a_longer_name(as_entry, h, text) or _its_place_unnamed(as_entry, h, text)
        doubt = related_doubt(self.list, entry, related, h) + (f"; and {placed}" if placed else "")
        self._offer(found, entry, method, inst, written or text, h, doubt)

    def _a_college_of_its_own(self, entry: ListEntry, inst: Institution) -> str | None:
        """Why an institution under a listed entry in OpenAlex's lineage may not be the entry's
        own: its name is the entry's run on into another, as an independent college's is (ROR
        gives "Nanjing University of Science and Technology ZiJin College" as a child of NJUST). Only a
        name holding a college's word: OpenAlex's own children named by the entry and a school,
        a press or a hospital ("… Medical School", "… Press") are the entry's."""
        name = inst.name or ""
        for h in self.names.find(name):
            if h.key != entry.id or not _A_COLLEGE_WORD.search(name[: h.start] + " " + name[h.end :]):
                continue
            if isinstance(doubt := _a_longer_name(entry, h, name), _LongerName):
                return (
                    f"OpenAlex places \u201c{printable(inst.name or '')}\u201d under {printable(entry.name)}, and"
                    f" its name says why it may be an institution of its own: {doubt}"
                )
        return None

    def _offer(
        self,
        best: dict[str, _EntryHit],
        entry: ListEntry,
        method: Method,
        inst: Institution | None,
        text: str | None,
        name: NameHit | None = None,
        doubt: str | None = None,
    ) -> None:
        """Keep the strongest way each entry matched: a certain one before a doubtful one. The
        doubt is kept as a plain `str`, never the matcher's `_ProvinceDoubt`."""
        current = best.get(entry.id)
        if current is None or (doubt is not None, _METHOD_RANK[method]) < (
            current.doubt is not None,
            _METHOD_RANK[current.method],
        ):
            best[entry.id] = _EntryHit(entry, self.list, method, inst, text, name, str(doubt) if doubt else doubt)


def _as_perhaps_a_person(hit: _EntryHit) -> _EntryHit:
    """A hit on an entry that may name a person, not an organisation (`may_be_a_person`, the CSL
    import's), is a doubt however the author was found at it: whether the entry is an institution
    at all the list does not say."""
    why = hit.entry.may_be_a_person
    if not why:
        return hit
    person = f"the list entry {printable(hit.entry.name)} may name a person, not an organisation: {printable(why)}"
    doubt = f"{hit.doubt}; and {person}" if hit.doubt else person
    return dataclasses.replace(hit, doubt=doubt)


def _entry_ids_disagree(entry: ListEntry, inst: Institution) -> str | None:
    """Why an institution found by an entry's ROR id alone may not be the entry: its OpenAlex id,
    and every id of its lineage, are none the entry gives. An entry written with the ROR id of
    another institution (a mistyped or neighbouring record) counted that one's authors as the
    entry's, though the OpenAlex ids beside it said otherwise. None where no id disagrees."""
    if not entry.openalex or not inst.id or {inst.id, *inst.lineage} & set(entry.openalex):
        return None
    name = printable(entry.name)
    return (
        f"{printable(inst.name or inst.id)} has the ROR id {inst.ror} of the list entry {name} but the OpenAlex"
        f" id {inst.id}, which the entry does not give: the entry's ids disagree, so it may not be {name}"
    )


# Words any institution's part may be named by: a related name made of these and places alone
# ("Graduate Academy", "Qingdao Research Institute") names nothing by itself.
_GENERIC_NAMING = (
    "academy advanced and basic branch center centre college defence defense department education engineering "
    "for graduate high in information institute key laboratory lab national of political research s science "
    "sciences school state t teaching technology technologies the training warfare"
)
_GENERIC_WORDS = frozenset(_GENERIC_NAMING.split())


@lru_cache(maxsize=4_096)
def _names_nothing_alone(name: str) -> bool:
    """Whether a name a list gives under an entry may be any institution's part: a campus (a
    place's name: Nanjing University's Xianlin campus is also Nanjing Normal University's), or
    words any institution's department, school or institute is named by, and places. Such a name
    counts only beside its entry's own name."""
    words = re.findall(r"[^\W_]+", fold(name))
    if not words:
        return False
    if words[-1] == "campus":
        return True
    return all(w in _GENERIC_WORDS or places_in(w) for w in words)


def related_doubt(reference_list: ReferenceList, entry: ListEntry, related: Related, hit: NameHit) -> str:
    """Why an author at an institution a list names under an entry is a doubt about the entry."""
    source = reference_list.sources[0].title if reference_list.sources else f"the list {reference_list.name}"
    called = " and a ".join(related.called) or "related institution"
    said = printable(hit.matched)
    named = printable(related.name)
    found = f"\u201c{said}\u201d" + ("" if fold(hit.matched) == fold(related.name) else f" ({named})")
    if hit.reordered:  # "Institute of International Relations" for "International Relations Institute"
        found = f"\u201c{said}\u201d ({named}, its words in another order)"
    return (
        f"{found} is named by {printable(source)} under {printable(entry.name)} as a {called}; whether it counts"
        f" as {printable(entry.name)} is not said"
    )


def _resolved_from_another_name(hit: _EntryHit, doubt: str) -> _EntryHit:
    """OpenAlex resolves strings to institutions by their names, and errs: where the author's own
    text names the entry only as part of another institution's name ("Zijin College of Nanjing
    University of Science and Technology", an independent college), a match by OpenAlex's
    institution (its id, lineage, ROR or name) is only a doubt."""
    if hit.method == "alias_in_raw_affiliation" or hit.doubt is not None:
        return hit
    inst = hit.institution
    resolved = (inst.name or inst.id or "") if inst else ""
    said = (
        f"OpenAlex resolves the author to \u201c{printable(resolved)}\u201d, but the author's own"
        f" text names {printable(hit.entry.name)} only so: {doubt}"
    )
    return _EntryHit(hit.entry, hit.reference_list, hit.method, hit.institution, hit.matched_text, hit.name, said)


def _misresolved(hit: _EntryHit) -> _EntryHit:
    """OpenAlex resolves strings to institutions by their names, and errs (FACTS: a raw
    "Northeastern University" resolved to a Mexican university): where the author's own text
    places the name in another country, a match on the institution's name is only a doubt."""
    if hit.method != "name_in_institution" or hit.doubt is not None:
        return hit
    inst = hit.institution
    where = country_name(inst.country.upper()) if inst and inst.country else "the entry's country"
    doubt = (
        f"OpenAlex places \u201c{printable(inst.name if inst else '')}\u201d in {where}, but the author's"
        " affiliation text names it with another country: OpenAlex may have resolved the text to the"
        " wrong institution"
    )
    return _EntryHit(hit.entry, hit.reference_list, hit.method, hit.institution, hit.matched_text, hit.name, doubt)


def _in_another_province(hit: _EntryHit, doubt: str) -> _EntryHit:
    """A certain match on OpenAlex's institution name ("Suzhou University") where the author's own
    text places that name in another province than the entry's: only a doubt, the text's."""
    if hit.method != "name_in_institution" or hit.doubt is not None:
        return hit
    return _EntryHit(hit.entry, hit.reference_list, hit.method, hit.institution, hit.matched_text, hit.name, doubt)


def namesake_of(name: str) -> Namesake | None:
    """The other body the package's namesakes file (`lists.known_namesakes`) says bears `name`,
    the name read as the matcher reads names: "Luoyang Univ.", "LUOYANG UNIVERSITY" and
    "Luoyang-University" as "Luoyang University", and a Chinese name in either script (洛陽大學 for
    洛阳大学; OpenCC loaded only for a Chinese name)."""
    by_reading = _namesakes_by_reading()
    if not _is_cjk(name):
        return by_reading.get(_namesake_reading(name))
    forms = chinese_forms(unicodedata.normalize("NFKC", name))
    return next((found for form, _ in forms if (found := by_reading.get(_namesake_reading(form)))), None)


def _namesake_reading(name: str) -> str:
    return " ".join(name_words(fold(name)))


@cache
def _namesakes_by_reading() -> dict[str, Namesake]:
    """The namesakes file by each name as the matcher reads it; two rows read alike are an
    `InputError` naming both, since one would hide the other."""
    out: dict[str, Namesake] = {}
    problems = []
    for n in known_namesakes():
        key = _namesake_reading(n.name)
        if (before := out.get(key)) is not None:
            said = f"{n.name!r} reads as {before.name!r} (line {before.line}) does: one row a name"
            problems.append(Problem(NAMESAKES_FILE, n.line, 0, said))
        out.setdefault(key, n)
    if problems:
        raise InputError(problems)
    return out


def _with_its_namesake(
    entry: ListEntry, hit: NameHit, text: str, placed: str | _Elsewhere | None, *, placed_by_itself: bool
) -> str | _Elsewhere | None:
    """`placed`, and a doubt where the alias found is, by the package's sourced namesakes file, also
    another body's name (`namesake_of`): the tracker gives the PLA's Information Engineering
    University the alias "Luoyang University", a civilian university's name until 2007. Found so
    alone, the author may be at that body: a doubt naming it, never a match. The entry's own name
    is no alias (the list may list that very body); a text placing the name where the other body
    never stood tells them apart: another country (the country rule's, so no doubt is added to a
    certain placing, `placed_by_itself` the text's own), or a place of the entry's own that is none of
    the other body's. A row that holds only in its places (`Namesake.only_in_its_places`) is a doubt
    where the text names one, the entry's own name too, and nowhere else: "University of
    International Relations, Nanjing" may be the PLA's namesake, "..., Beijing" is the tracker's
    MSS university. Of a longer name's kind (`_LongerName`), as a numbered unit's: OpenAlex,
    resolving such a text by its name, may give it the entry's id, then no more certain than the text."""
    other = namesake_of(hit.name)
    if other is None or isinstance(placed, _Elsewhere):
        return placed
    may_name = ": the text may name it"
    if other.only_in_its_places:  # the entry the commoner bearer: only the other's place is a doubt
        its, not_its = _the_namesake_s_places_said(hit, text, other)
        if not its and (cities := _cities_of_the_namesake_s_province(hit, text, other)):
            # "..., Suzhou, China": no place of the namesake's, but a city in its province.
            may_name = (
                f"; the affiliation names {', '.join(map(printable, cities))}, a city in"
                f" {', '.join(sorted(_the_namesake_s_provinces(other)))} (a province of its), not its city: the text"
                f" may name a campus of it there or another body of the name"
            )
        elif not its:
            return placed
        elif not_its:  # "..., Suzhou, Jiangsu": its province, and a city of it not the namesake's
            may_name = (
                f"; the affiliation names {', '.join(map(printable, its))}, a place of its, but"
                f" {', '.join(map(printable, not_its))}, not its city: the text may name a campus of it there"
                f" or another body of the name"
            )
    elif fold(hit.name) == fold(entry.name):
        return placed
    elif entry.country and other.country != entry.country.upper():
        if placed_by_itself:  # the text places the name in the entry's country, not the other's
            return placed
    elif _an_own_place_not_the_namesake_s(entry, hit, text, other):
        return placed
    doubt = (
        f"\u201c{printable(hit.matched)}\u201d is also the name of another body, {printable(other.described())}"
        f"{may_name}, not {printable(entry.name)}"
    )
    if placed is None:
        return _LongerName(doubt)
    if isinstance(placed, _ProvinceDoubt):
        return _ProvinceAndLongerName(f"{placed}; and {doubt}")
    return (type(placed) if isinstance(placed, _LongerName) else _LongerName)(f"{placed}; and {doubt}")


def _the_namesake_s_places_said(hit: NameHit, text: str, other: Namesake) -> tuple[list[str], list[str]]:
    """The cities and provinces of the namesake's that the name's part of `text` names, in either
    script ("University of International Relations, Nanjing 210039", "国际关系学院，江苏南京"), and
    the Chinese cities it names that are none of the namesake's ("Suzhou" in "..., Suzhou,
    Jiangsu") where it names no city of the namesake's, each as written."""
    theirs = {_place_key(p) for p in other.places}
    its_places: list[ProvincePlace] = []
    not_its: list[str] = []
    for p in _beside_it_in_its_part(hit, text, provinces_in(text)):
        said = text[p.start : p.end]
        if _place_key(in_english(said) or said) in theirs:
            its_places.append(p)
        elif not p.is_province:
            not_its.append(said)
    its = [text[p.start : p.end] for p in its_places]
    return its, not_its if all(p.is_province for p in its_places) else []


def _the_namesake_s_provinces(other: Namesake) -> frozenset[str]:
    """The Chinese provinces the namesake's places lie in (Jiangsu, of "Nanjing; Jiangsu")."""
    return frozenset(p for place in other.places for found in provinces_in(place) for p in found.provinces)


def _cities_of_the_namesake_s_province(hit: NameHit, text: str, other: Namesake) -> list[str]:
    """The Chinese cities the name's part of `text` names that may lie in the namesake's province
    and are not its city, where the part names no province ("Suzhou" of "University of
    International Relations, Suzhou, China", Suzhou in Jiangsu or in Anhui), each as written; none
    where it names a province, which says whose city it is ("..., Suzhou, Anhui")."""
    beside = _beside_it_in_its_part(hit, text, provinces_in(text))
    if any(p.is_province for p in beside):
        return []
    theirs = {_place_key(p) for p in other.places}
    provinces = _the_namesake_s_provinces(other)
    said = [text[p.start : p.end] for p in beside if p.provinces & provinces]
    return [] if any(_place_key(in_english(s) or s) in theirs for s in said) else said


def _an_own_place_not_the_namesake_s(entry: ListEntry, hit: NameHit, text: str, other: Namesake) -> bool:
    """Does the name's part of `text` name a place of the entry's own (its addresses' or names'
    cities and provinces) where the namesake never stood ("Luoyang University, Zhengzhou")?"""
    said = {
        _place_key(text[p.start : p.end])
        for p in _beside_it_in_its_part(hit, text, places_in(text))
        if not p.is_country
    }
    theirs = {_place_key(p) for p in other.places}
    return bool((said - theirs) & _own_places(entry.addresses, entry.names))


_Found = TypeVar("_Found", Place, ProvincePlace)


def _beside_it_in_its_part(hit: NameHit, text: str, found: Iterable[_Found]) -> list[_Found]:
    """The places `found` in `text` that lie in the name's part of it (`part_of`, as its places
    cut it) and outside the name itself."""
    begin, finish = part_of(text, places_in(text), hit.start, hit.end)
    return [p for p in found if begin <= p.start and p.end <= finish and not hit.start <= p.start < hit.end]


def _underscores_as_spaces(text: str) -> str:
    """`text` with each underscore read as a space, as a URL or an identifier writes one
    ("https://en.wikipedia.org/wiki/Nanjing_University_Jinling_College", ROR's links): the rules
    around a name (a word it runs on into, a direction or a place before it, an "of" after it)
    read spaces. Of the same length, so a name's offsets are the text's as given."""
    return text.replace("_", " ") if "_" in text else text


def _as_written(hits: list[NameHit], text: str) -> list[NameHit]:
    """The hits found in `text` read otherwise (`_underscores_as_spaces`), quoting it as given."""
    return [h if h.matched == text[h.start : h.end] else replace(h, matched=text[h.start : h.end]) for h in hits]


_NO_COUNTRIES: frozenset[str] = frozenset()


class _Elsewhere:
    """The record places the author in another country than the entry's: the name does not count."""


_ELSEWHERE = _Elsewhere()


def _placed(entry: ListEntry, hit: NameHit, text: str, resolved: Set[str]) -> str | _Elsewhere | None:
    placed = _placed_in(
        entry.country,
        entry.name,
        hit,
        _own_college_unread(entry, hit, text),
        resolved,
        entry.names,
        _own_regions(entry.country, entry.addresses) | _russia_where_its_crimea_is_named(entry, hit, text),
    )
    if isinstance(placed, _Elsewhere) and _in_russia_its_crimea_unnamed(entry, hit, text):
        placed = (
            f"the affiliation places \u201c{printable(hit.matched)}\u201d in Russia, and the list addresses"
            f" {printable(entry.name)} in Crimea, which Russia holds, but the affiliation names neither Crimea"
            " nor the entry's city there: a firm elsewhere in Russia may bear the name"
        )
    if placed is None:
        placed = _with_places_unaddressed(
            entry,
            hit,
            _a_longer_name(entry, _over_its_own_form(entry, hit, text), text)
            or _another_province(entry, hit, text)
            or _its_place_unnamed(entry, hit, text)
            or _a_firm_of_its_seat(entry, hit, text)
            or _its_company_form_unwritten(entry, hit, text)
            or _a_firm_s_word_before(entry, hit, text)
            or _compass_letter_after_a_word(entry, hit, text)
            or _a_numbered_unit(entry, hit)
            or _a_unit_under_another(entry, hit, text)
            or _an_army_not_its_own(entry, hit, text),
        )
    if not isinstance(placed, _Elsewhere) and (former := _named_as_before(entry.name, hit, text)):
        placed = _NamedAsBefore(former if placed is None else f"{former}; and {placed}")
    return _with_doubts_of_its_writing(placed, hit)


def _a_name_its_place_tells_apart(entry: ListEntry, text: str, start: int) -> bool:
    """Does a Chinese name of the entry at `start` stand on the namesakes file as one that only its
    places tell from another body's (`Namesake.only_in_its_places`)? A city before it, as
    北京国际关系学院 and 南京国际关系学院 tell the MSS's university from the PLA's institute, then
    places the name rather than beginning another's (南京信息工程大学 is not the tracker's IEU)."""
    return any(
        (other := namesake_of(name)) is not None
        and other.only_in_its_places
        and any(text.startswith(form, start) for form, _ in chinese_forms(name))
        for name in entry.names
        if _is_cjk(name)
    )


def _its_chinese_city_is(names: tuple[str, ...], english: str, provinces: frozenset[str]) -> bool:
    """Is the city `english` that a related body's `names` give in the provinces a text's Chinese
    city is in, where they write it in Chinese characters too? Pinyin's Fuzhou is 福州 (Fujian) and
    抚州 (Jiangxi): the tracker's "Fuzhou Sub-Academy (福州分院)" of IEU ties 福州 to it, not 抚州.
    True where the names give the city in pinyin alone, which cannot tell them."""
    written = [p for name in names for p in provinces_in(name) if in_english(name[p.start : p.end]) == english]
    return not written or any(p.provinces & provinces for p in written)


def _after_places_unaddressed(entry: ListEntry, hit: NameHit) -> str | None:
    """A doubt where an entry's Chinese name follows Chinese places not its own and the list gives
    it no address (`ListMatcher._unaddressed_place_before`), as the subject's is: whether they are
    its own or begin another institution's name cannot be told. Not of a longer name's kind: such a
    text is as often the entry's own city before its name, so it undoes no OpenAlex id."""
    if hit.place_before is None:
        return None
    label = printable(entry.name)
    return (
        f"the place \u201c{printable(hit.place_before)}\u201d comes right before \u201c{printable(hit.matched)}\u201d:"
        f" the text may name another institution, named by its place, whose name ends with {label}'s"
        f"{_no_place_to_tell(entry, label)}"
    )


def _with_places_unaddressed(
    entry: ListEntry, hit: NameHit, placed: str | _Elsewhere | None
) -> str | _Elsewhere | None:
    """`placed`, and the doubt of places not its own before an unaddressed entry's name
    (`_after_places_unaddressed`) joined to it, of `placed`'s kind: the places' doubt undoes no
    OpenAlex id, but a longer name's found with it still does ("陕西省西安市西北工业大学明德学院",
    NPU's Mingde College, an independent college, was certain by NPU's id once the places' doubt
    alone was said)."""
    doubt = _after_places_unaddressed(entry, hit)
    if doubt is None or isinstance(placed, _Elsewhere):
        return placed
    return doubt if placed is None else type(placed)(f"{doubt}; and {placed}")


# What ends Chinese places written as an address, not as a name's place: a city's 市, a district's
# or a county's 区 or 县, a street address's number (号).
_WRITTEN_AS_AN_ADDRESS = ("\u5e02", "\u533a", "\u53bf", "\u53f7")


def _with_doubts_of_its_writing(placed: str | _Elsewhere | None, hit: NameHit) -> str | _Elsewhere | None:
    """`placed`, and the doubts the way the name was written in the text leaves: found only with
    an apostrophe of the text's left out (`NameHit.apostrophe_left_out`: "The Queen's College"
    (Oxford) is not "Queens College" (New York), nor "King's College London" a "Kings College"),
    or across what ends a part of an affiliation (`NameHit.crosses`: "Xi'an, University of
    Electronic Science and Technology of China" is a city and another university), or only with a
    hyphen inside a word joined (`NameHit.hyphen_left_out`), or only with its words reordered
    (`NameHit.reordered`: "PLA University of Foreign Languages"), or without
    its "the" after an "&", an "and" or a full stop (`NameHit.joined_to`). A doubt of
    the matcher's own kind (`_LongerName`, `_ProvinceDoubt`) stays of its kind."""
    if isinstance(placed, _Elsewhere):
        return placed
    said = printable(hit.matched)
    doubts = []
    if hit.apostrophe_left_out:
        doubts.append(
            f"\u201c{said}\u201d writes an apostrophe that \u201c{printable(hit.name)}\u201d does not, and names"
            " spelt with and without one may be two institutions' (The Queen's College, Oxford, is not Queens"
            " College, New York)"
        )
    if hit.hyphen_left_out:
        doubts.append(
            f"\u201c{said}\u201d and \u201c{printable(hit.name)}\u201d differ by a hyphen inside a word, and"
            " names spelt with and without one may be two institutions' (North-West University, South Africa,"
            " is not Northwest University, Xi'an)"
        )
    if hit.reordered:
        doubts.append(
            f"\u201c{said}\u201d writes the words of \u201c{printable(hit.name)}\u201d in another order, and"
            " a name so ordered may be another body's (an institute of a university's is named so)"
        )
    if hit.crosses in LINE_BREAKS:
        doubts.append(
            f"\u201c{said}\u201d runs across a line break, which may end one affiliation of the text or only a"
            f" line of one: the words before it may end another part, not begin {printable(hit.name)}"
        )
    elif hit.crosses is not None:
        doubts.append(
            f"\u201c{said}\u201d runs across a \u201c{printable(hit.crosses)}\u201d, which ends one part of an"
            f" affiliation: the words before it may end another part, not begin {printable(hit.name)}"
        )
    if hit.joined_to is not None:
        doubts.append(
            f"\u201c{said}\u201d follows {'an' if hit.joined_to.lower() == 'and' else 'a'}"
            f" \u201c{printable(hit.joined_to)}\u201d, which may join it to the words"
            f" before into a longer name than {printable(hit.name)} (as \u201cThe Chinese University of Hong"
            " Kong\u201d is not \u201cThe University of Hong Kong\u201d)"
        )
    if not doubts:
        return placed
    said_so = "; and ".join(doubts)
    return said_so if placed is None else type(placed)(f"{placed}; and {said_so}")


# A word an independent college is called by in English (a research institute is a part's).
_A_COLLEGE_WORD = re.compile(r"(?<!research )\b(?:college|institute|polytechnic)\b", re.IGNORECASE)


class _LongerName(str):
    """A doubt that the text names the entry as part of another institution's name
    (`_a_longer_name`): an independent college's, say; or by a name other institutions bear
    (`_a_numbered_unit`, `_another_entry_by_its_place`). It undoes a match on the institution
    OpenAlex resolved the text to, where no text names the entry otherwise."""


class _NamedAsBefore(_LongerName):
    """A doubt that the text names the entry as where the author was before ("formerly at ..."):
    as a longer name's, it undoes a match on the institution OpenAlex resolved the text to."""


# A word saying that what follows is where the author was before, at the start of a part of the
# text ("...; formerly at ...", "(previously with ...", "Former address: ...") or right before
# the name ("..., formerly Harbin Institute of Technology"). It is searched up to the name's first
# letter, which the full stop's lookahead must see: "Beijing. Harbin Institute" begins anew too.
_BEFORE_WORDS = r"(?:formerly|previously|former\s+(?:address|affiliation)|previous\s+(?:address|affiliation))"
# A word saying that what follows is where the author is now ("Formerly at Tsinghua University,
# now at ..."), which ends the reach of one saying where the author was before.
_NOW_WORDS = r"\b(?:now|currently|presently|(?:present|current)\s+(?:address|affiliation))\b"
_AS_BEFORE = re.compile(
    rf"(?:^|[;|(\[\uff1b\uff08]|\.{SPACES})\s*{_BEFORE_WORDS}\b"
    rf"(?:(?!{_NOW_WORDS})(?:[^;|()\[\]\uff1b\uff08\uff09.]|\.(?!{SPACES}+(?-i:[A-Z]))))*(?=.\Z)"  # "Dept. of" goes on; ". School" begins anew
    rf"|\b{_BEFORE_WORDS}\b\s*(?:(?:at|with|of|in|from)\s+)?(?:the\s+)?[:,]?\s*(?=.\Z)"
    rf"|(?<![\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])\u539f(?=.\Z)",  # Chinese "formerly": 原国防科学技术大学
    re.IGNORECASE | re.DOTALL,
)


def _named_as_before(name: str, hit: NameHit, text: str) -> str | None:
    """A doubt where the text may say the name is where the author was before, not where the work
    was done: affiliations add "formerly at ..." or "Previous address: ...", and a coauthor formerly
    at a listed institution is not shown at it (the word may give the institution's former name
    too: a reviewer tells). `name` is the entry's or the subject's, whose author it may not show."""
    found = _AS_BEFORE.search(text, 0, hit.start + 1)
    if not found:
        return None
    said = " ".join(text[found.start() : hit.start].strip(" ;|([\uff1b\uff08.").split())
    return (
        f"\u201c{printable(said)}\u201d comes before \u201c{printable(hit.matched)}\u201d: the text may say where"
        f" the author was before, or a former name, so not that the author was at {printable(name)} when"
        " the work was done"
    )


class _ProvinceDoubt(str):
    """A doubt from another province the text names (`_another_province`): it undoes a certain
    match on OpenAlex's institution name too (`_in_another_province`)."""


class _ProvinceAndLongerName(_ProvinceDoubt, _LongerName):
    """Another province's doubt and a longer name's at once (`_with_its_namesake`): each undoes
    what it undoes."""


def _another_province(entry: ListEntry, hit: NameHit, text: str) -> str | _Elsewhere | None:
    """A doubt where the text may name another Chinese institution of the same name:

    - a name whose own place is a city of several provinces ("Suzhou University": Suzhou is in
      Jiangsu and Anhui) where the text names one of the others ("Suzhou, Anhui", 宿州学院's
      English name), or, for an alias of the entry (Soochow University's), where it does not name
      the entry's province; the entry's own name ("Fuzhou University, Fuzhou") matches as the list
      says unless the text names the other province;
    - the entry's name without the place the list names it by (中国地质大学 for China University of
      Geosciences (Wuhan)), unless the text names that province or that city, and no other
      province (中国地质大学，北京 is the other university).

    Provinces count by their own names; another named beside the entry's ("北京 ... 湖北省地质局")
    leaves the doubt."""
    if (entry.country or "").upper() != "CN" or hit.is_acronym:
        return None
    listed = _entry_provinces(entry.addresses, entry.names)
    shared = shared_by_provinces(hit.name)
    unqualified = _by_its_place(entry.names) and not _by_its_place((hit.name,))
    if not listed or not (shared or unqualified):
        return None
    if unqualified and (named := _place_right_after(text, hit)) and not named & listed:
        return _ELSEWHERE  # "China University of Geosciences (Beijing)": the other university, named outright
    around = _places_around(text, hit, *part_of(text, places_in(text), hit.start, hit.end))
    found = named_provinces(around)
    other = found - listed
    said, label = printable(hit.matched), printable(entry.name)
    there, where = " and ".join(sorted(listed)), " and ".join(sorted(found))
    if unqualified:
        confirmed = (found | certain_provinces(around)) & listed
        if other:
            return _ProvinceDoubt(
                f"the list names {label} by its place, in {there}, and the affiliation places \u201c{said}\u201d"
                f" in {where}: another institution there may bear the name"
            )
        if not confirmed:
            return (  # a doubt of its own, not the text's word against OpenAlex's (`_ProvinceDoubt`)
                f"the list names {label} by its place, in {there}, and the affiliation names neither it nor its"
                f" province beside \u201c{said}\u201d: another institution of the name may be meant"
            )
        return None
    if other & shared:
        return _ProvinceDoubt(
            f"the affiliation places \u201c{said}\u201d in {where}, which has a city of its name too, and the list"
            f" places {label} in {there}: another institution there may bear the name"
        )
    if hit.name != entry.name and not found & listed:
        cities = " and ".join(sorted(shared))
        return (
            f"\u201c{said}\u201d is an alias of {label}, whose place names cities in {cities}, and the"
            f" affiliation does not name {there}: another institution there may bear the name"
        )
    return None


def _sought(entry: ListEntry, *, cores: bool = True) -> Iterator[str]:
    """An entry's names, and each the list gives with a bracket of its own without it too:
    - a place ("China University of Geosciences" for "China University of Geosciences (Wuhan)"):
      found, such a name counts only beside that place or its province (`_another_province`);
    - an acronym ("China Academy of Space Technology" for "... (CAST)"), which an affiliation
      seldom writes after the name;
    - another name ("... Research Institute (a.k.a. AVIC Institute 625)", as the ASPI tracker
      gives some aliases): each name alone, since no affiliation writes them so;
    - what an acronym in the name stands for ("SMF (Strategic Missile Force) Command College"):
      the name with the acronym, and with the words it stands for, each alone;
    - a company form at its end ("Megvii Technology" of "Megvii Technology Limited"), and with
      `cores` its rare first words alone ("Megvii", kept only before a company form:
      `ListMatcher._names_found`, which the institutions under an entry are not read through)."""
    for name in entry.names:
        yield name
        if _is_cjk(name) and (without := without_its_army(name)):
            yield without
        if _is_cjk(name):  # 解放军外国语学院 of 中国人民解放军外国语学院
            yield from in_its_army_s_other_forms(name)
        if (_by_its_place((name,)) or _acronym_bracket(name)) and (bare := " ".join(_BRACKETED.sub(" ", name).split())):
            yield bare
        yield from _other_names_in_brackets(name)
        if company := without_company_form(name):  # "Megvii Technology" of "... Limited"
            yield company[0]
            # "Megvii" (Inc.): a doubt (`_its_company_form_unwritten`); one common after all ("Russian" of
            # "JSC RUSSIAN BANK ...") never counts (`ListMatcher._names_found`), and is not sought.
            if (
                cores
                and (core := company_core(company[0]))
                and distinctive_word(core, entry.country, entry.addresses) is not None
            ):
                yield core
        if reordered := with_its_leading_form_last(name):  # "RUSELECTRONICS JSC" of "JSC RUSELECTRONICS"
            yield reordered
        if address := name_and_its_place(name):
            yield address[0]
            yield _place_first(*address)


# A name the list writes as an address is, a comma and its city or province ("The Institute of
# Applied Physics and Computational Mathematics, Beijing", as the Entity List names institutes).
_NAME_COMMA_PLACE = re.compile(r"^(?P<name>.+?)\s*[,\uff0c]\s*(?P<place>[^,\uff0c]+?)\s*$", re.DOTALL)


@lru_cache(maxsize=10_000)
def name_and_its_place(name: str) -> tuple[str, str] | None:
    """A name written "NAME, PLACE", PLACE a city or province the place lists know (no country):
    NAME and PLACE. Affiliations write the two apart ("Institute of Applied Physics and
    Computational Mathematics, P.O. Box 8009, Beijing 100088", "Beijing Inst Appl Phys & Computat
    Math"), so NAME is sought alone, and counts only where the text names PLACE too
    (`_its_place_unnamed`), and after PLACE (`_place_first`). None for any other name ("Sichuan Dingcheng Material Trade Co., Ltd.")."""
    found = _NAME_COMMA_PLACE.match(name)
    if found is None or _is_cjk(name):
        return None
    bare, place = found.group("name"), found.group("place")
    return (bare, place) if not is_acronym(bare) and a_place_alone(place) else None


def _place_first(bare: str, place: str) -> str:
    """NAME written after its PLACE, as Web of Science and English names write it ("Beijing Inst
    Appl Phys & Computat Math"), without a leading "the": a name of its own, which names the place."""
    return f"{place} {_LEADING_THE.sub('', bare)}"


_LEADING_THE = re.compile(r"^the\s+(?=\S+\s+\S)", re.IGNORECASE)


def _its_place_unnamed(entry: ListEntry, hit: NameHit, text: str) -> str | None:
    """A doubt where the text names an entry's name the list gives only with its place
    (`name_and_its_place`) and the affiliation around it names not that place: "High Power Laser
    Laboratory" alone may be any institution's. None where the name is the entry's own in its
    own right, or the place is named before or after it in the same affiliation."""
    if hit.name in entry.names:
        return None
    addresses = [(n, s[1]) for n in entry.names if (s := name_and_its_place(n)) and s[0] == hit.name]
    if not addresses or any(_names_the_place(text, hit, place) for _, place in addresses):
        return None
    alias, place = addresses[0]
    return (
        f"the list gives {printable(entry.name)} the name \u201c{printable(alias)}\u201d with its place, and the"
        f" affiliation names \u201c{printable(hit.matched)}\u201d but not {printable(place)}: another"
        " institution may bear the name"
    )


def _its_company_form_unwritten(entry: ListEntry, hit: NameHit, text: str) -> str | None:
    """A doubt where the text names an entry's name without the company form the list gives it
    (`without_company_form`: "Megvii Technology" of "Megvii Technology Limited") and neither the
    name tells the company from another firm of the name: no word of the name is rare enough
    (`distinctive_word`: "Aero Systems" is not, "Megvii" is), whether or not the text names one of
    the entry's own places beside it (another firm of that city may bear it). Another company
    form written after it ("Megvii Technology Inc.", "Beijing Megvii Technology Co., Ltd.") is a
    doubt whatever the name: the same company's, or another's of the name (a subsidiary, one of
    another country)."""
    if hit.name in entry.names:
        return _a_common_alias_of_its_name_without_form(entry, hit, text)
    forms = _its_forms(entry, hit.name)
    label, said = printable(entry.name), printable(hit.matched)
    if not forms:
        return _its_core_alone(entry, hit, company_form_after(text, hit.end), _with_a_unit(hit, text))
    form = next(iter(forms.values()))
    # Its own city beside it does not settle a name of common words alone: "Allied Trading,
    # Karachi" or "High Technology, Islamabad" may be any firm of that city with that name.
    return _unless_with_its_form_or_rare(
        entry,
        hit,
        text,
        forms,
        lambda: (
            f"the list names {label} with its company form \u201c{printable(form)}\u201d, and the affiliation"
            f" writes \u201c{said}\u201d without it, {_beside_an_own_place(entry, hit, text)}: no word of the name is"
            " rare enough to tell the company from another firm that bears it"
        ),
    )


def _unless_with_its_form_or_rare(
    entry: ListEntry, hit: NameHit, text: str, forms: dict[str, str], doubt: Callable[[], str]
) -> str | None:
    """What a name found that the entry's names `forms` give with a company form comes to, for
    the bare name and an alias that is one alike: with a form written beside it, that form's
    doubt unless it is one of theirs (`_unless_one_of_its_forms`); without, nothing where a word
    of it is rare (`distinctive_word`), else `doubt`."""
    if (beside := _a_form_beside(hit, text)) is not None:
        return _unless_one_of_its_forms(entry, hit, beside, list(forms.values()))
    if distinctive_word(hit.name, entry.country, entry.addresses) is not None:
        return None
    return doubt()


def _beside_an_own_place(entry: ListEntry, hit: NameHit, text: str) -> str:
    label = printable(entry.name)
    return (
        f"beside a place of {label}'s own"
        if _an_own_place_beside(entry, hit, text)
        else f"beside no place of {label}'s own"
    )


def _a_common_alias_of_its_name_without_form(entry: ListEntry, hit: NameHit, text: str) -> str | None:
    """The doubt of a name the list gives an entry that is another of its names without that
    one's company form, written without a form, where no word of it is rare: the CSL gives
    "OTKRYTOE AKTSIONERNOE OBSHCHESTVO TEKHNOLOGII BEZOPASNOSTI" the aliases "JOINT STOCK COMPANY
    SECURITY TECHNOLOGIES" and "SECURITY TECHNOLOGIES", and "Information Security Technologies,
    Moscow" may be any firm's, as the name without its form is (`_its_company_form_unwritten`).
    None where the name holds a rare word, no other name of the entry is it with a form (a name
    of its own, "CHINA SATCOM"), or it is the entry's name, as the list names it first ("SME
    BANK", alias "JSC SME BANK": left as it was). A form written after or before it counts only
    where it is one of those names' own, as beside the bare name: "OJSC VTB Bank" for the CSL's
    "VTB BANK OPEN JOINT STOCK COMPANY", but "CJSC VTB Bank" or "Security Technologies, LLC" may
    be another firm of the name, whatever its words (`_unless_one_of_its_forms`)."""
    formed = _its_forms(entry, hit.name)
    if not formed or hit.name == entry.name:
        return None
    return _unless_with_its_form_or_rare(
        entry,
        hit,
        text,
        formed,
        lambda: (
            f"the list gives {printable(entry.name)} the name \u201c{printable(hit.name)}\u201d, the words of"
            f" its \u201c{printable(next(iter(formed)))}\u201d without the company form, and the affiliation writes"
            f" \u201c{printable(hit.matched)}\u201d so, {_beside_an_own_place(entry, hit, text)}: no word of the"
            " name is rare enough to tell the company from another firm that bears it"
        ),
    )


def _its_forms(entry: ListEntry, bare: str) -> dict[str, str]:
    """The entry's names that are `bare` with a company form, each with that form as written
    ("HUAWEI TECHNOLOGIES CO., LTD.": "CO., LTD." for "HUAWEI TECHNOLOGIES"), in the list's order."""
    return {name: company[1] for name in entry.names if (company := without_company_form(name)) and company[0] == bare}


def _one_of_its_forms(written: str, forms: Iterable[str]) -> bool:
    """Is the form `written` one of `forms`, however either is written ("Co. Ltd" for "CO., LTD.",
    "OJSC" for "Open Joint-Stock Company")?"""
    said = form_in_full(written)
    return any(said == form_in_full(form) for form in forms)


def _a_form_beside(hit: NameHit, text: str) -> tuple[str, bool] | None:
    """The company form written right after the name ("Megvii Technology Inc.", "Security
    Technologies, LLC") or, where none is, right before it ("OJSC Russian Electronics"), and
    whether before; None where neither is."""
    if (after := company_form_after(text, hit.end)) is not None:
        return after, False
    before = company_form_before(text, hit.start)
    return None if before is None else (before, True)


def _unless_one_of_its_forms(entry: ListEntry, hit: NameHit, beside: tuple[str, bool], forms: list[str]) -> str | None:
    """None where the form written beside the name (`_a_form_beside`) is one of `forms`, the forms
    the list gives the name, however written ("Co. Ltd" for "CO., LTD.", "Company Limited",
    "OJSC"); else the doubt of another company form (`_another_company_form`), whatever the name."""
    written, before = beside
    if _one_of_its_forms(written, forms):
        return None
    return _another_company_form(entry, hit, written, before=before)


def _another_company_form(
    entry: ListEntry, hit: NameHit, written: str, *, before: bool = False, subject: bool = False
) -> str:
    """The doubt of a name run on into a company form not the list's ("China Satellite
    Communications Inc." of "... CO., LTD.", `before` it: "PJSC Russian Electronics" of "OPEN
    JOINT STOCK COMPANY ..."): said as that, not as a longer name's first words; the first words
    of the list's form alone ("Huawei Technologies Co." of "CO., LTD.") as part of it. A name the
    list gives with no form ("CHINA SATCOM", a university's) is said as that: the entry's other
    names may carry the very form written ("China Satcom Co., Ltd."); a claim's subject
    (`subject`) is named by the claim, not a list."""
    words = (written, hit.matched) if before else (hit.matched, written)  # "OJSC Russian Electronics"
    said = " ".join(printable(w) for w in words)
    forms = _its_forms(entry, hit.name)
    if not forms:
        return (
            f"the affiliation writes \u201c{said}\u201d, "
            + (
                f"a company form the claim's subject \u201c{printable(hit.name)}\u201d is not named with"
                if subject
                else f"the list's name \u201c{printable(hit.name)}\u201d with a company form, where the list gives"
                " that name without one"
            )
            + f": it may be {printable(entry.name)} or a firm of it, or another firm of the name"
        )
    what = (
        "only the first words of the company form of"
        if _part_of_its_form(written, forms.values())
        else "another company form than"
    )
    return (
        f"the affiliation writes \u201c{said}\u201d, {what} the list's \u201c{printable(next(iter(forms)))}\u201d: it may be"
        " the same company, or another of the name (a subsidiary, a firm of another country)"
    )


def _part_of_its_form(written: str, forms: Iterable[str]) -> bool:
    """Is a form written the first words of one of the `forms` the list gives the name ("Co." or
    "Company" of "CO., LTD."), read in full?"""
    said = form_in_full(written)
    for form in forms:
        full = form_in_full(form)
        if len(said) < len(full) and full[: len(said)] == said:
            return True
    return False


def _over_its_own_form(entry: ListEntry, hit: NameHit, text: str) -> NameHit:
    """A name found without its company form, run on over the form the list gives it where the
    text writes that form otherwise ("Huawei Technologies Company Limited" for "CO., LTD."): the
    words after the form may make a longer name (`_a_longer_name`), the form itself does not."""
    if hit.name in entry.names:
        return hit
    forms = _its_forms(entry, hit.name).values()
    written = company_form_after(text, hit.end) if forms else None
    if written is None or not _one_of_its_forms(written, forms):
        return hit
    end = text.index(written, hit.end) + len(written)
    return replace(hit, end=end, matched=text[hit.start : end])


def _its_core_alone(entry: ListEntry, hit: NameHit, written: str | None, with_unit: str | None = None) -> str | None:
    """The doubt of a name's rare first words found without the rest before a company form
    (`company_core`, `ListMatcher._names_found`: "Megvii Inc." of "Megvii Technology Limited",
    "Huawei Co., Ltd." of "HUAWEI TECHNOLOGIES CO., LTD.") or beside a unit's name, `with_unit`
    the two as written (`_with_a_unit`: "Huawei Noah's Ark Lab", "Noah's Ark Lab, Huawei"): the
    company under another form or a unit of it, or another firm of the word; never a match."""
    forms = {
        n: company[1]
        for n in entry.names
        if (company := without_company_form(n)) and company_core(company[0]) == hit.name
    }
    if not forms:
        return None
    names, label = list(forms), printable(entry.name)
    if with_unit is not None and written is None:
        others = (
            ", of another firm whose name holds it, or a laboratory named after a person of the name"
            if _a_lab_named_by_one_word(hit, with_unit)
            else ", or of another firm whose name holds them"
        )
        return (
            f"the affiliation writes \u201c{printable(with_unit)}\u201d, the first words of the"
            f" list's \u201c{printable(names[0])}\u201d beside a unit's name: it may be a unit of {label}{others}"
        )
    said = printable(hit.matched) + (f" {printable(written)}" if written else "")
    rest = "without the rest of the name"
    if written is not None:  # "Dolgoprudny OAO" of "... Enterprise, OAO,": the list's own form, not another
        own = _one_of_its_forms(written, forms.values())
        rest = "with its company form but without the rest of the name" if own else "under another company form"
    return (
        f"the affiliation writes \u201c{said}\u201d, the first words of the list's \u201c{printable(names[0])}\u201d"
        f" {rest}: it may be {label}, a part of it, or another firm whose name holds them"
    )


# A laboratory's words right after one word, as laboratories named after the scientist who leads
# them are written ("Spector Lab, Department of Chemistry, Yale University"): a surname of the
# same letters as a company's rare first word ("SPECTOR INTERNATIONAL, INC", "Kalinin Machine
# Plant, JSC") names no firm there.
_A_LAB = frozenset({"lab", "labs", "laboratory", "laboratories"})


def _a_lab_named_by_one_word(hit: NameHit, with_unit: str) -> bool:
    """Is `with_unit` the one word found and a laboratory's word right after it ("Spector Lab")?"""
    word, _, unit = with_unit.partition(" ")
    return word == hit.matched and unit.rstrip(".").casefold() in _A_LAB


def _within_a_longer_hit(hit: NameHit, found: list[NameHit]) -> bool:
    """Does another name found hold `hit` and more ("GAZPROM DOBYCHA KRASNODAR, OOO", itself
    listed, holding the core "GAZPROM DOBYCHA" of its sibling's name): that name, not a firm the
    core begins, is what the text names."""
    return any(h.start <= hit.start and hit.end < h.end for h in found)


def _with_a_unit(hit: NameHit, text: str) -> str | None:
    """A word found with a unit's name right after it ("Huawei Noah's Ark Lab", `a_unit_after`) or
    alone in its part after one ("Noah's Ark Lab, Huawei", `a_unit_before`): the two as written."""
    if unit := a_unit_after(text, hit.end):
        return f"{hit.matched} {unit}"
    if unit := a_unit_before(text, hit.start, hit.end):
        return f"{unit}, {hit.matched}"
    return None


def _an_own_place_beside(entry: ListEntry, hit: NameHit, text: str) -> bool:
    """Does the text name, outside the name found, a city or province of the entry's own
    (`_own_places`), or a Chinese city all of whose provinces are the entry's (Shenzhen of
    Huawei's "Guangdong, Shenzhen")?"""
    outside = [(p.start, p.end) for p in places_in(text) if not p.is_country and not hit.start <= p.start < hit.end]
    own = _own_places(entry.addresses, entry.names)
    if any(_place_key(text[start:end]) in own for start, end in outside):
        return True
    provinces = _entry_provinces(entry.addresses, entry.names)
    return any(
        p.provinces and p.provinces <= provinces for p in provinces_in(text) if not hit.start <= p.start < hit.end
    )


# A unit named by its number alone: "Ninth Academy", "2nd Research Institute", "No. 5 Institute",
# 九院, 第二研究所. Groups number their units (the ASPI tracker itself names CASC's "9th Academy" and
# "5th Academy" and CASIC's "Second Academy" and "Third Academy"), so such a name, which the
# tracker gives CAEP (its name of old, "the Ninth Academy"), may be any group's.
_ORDINAL = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|\d{1,3}(?:st|nd|rd|th)|no\.?\s*\d{1,3})"
)
_UNIT = r"(?:research\s+)?(?:academy|institute|department|base|bureau|division|laboratory)"
_NUMBERED_UNIT = re.compile(
    rf"(?:the\s+)?(?:{_ORDINAL}|\d{{2,4}})\s+{_UNIT}"
    # A unit's code before or after it as its name ("901 Institute", the tracker's alias of one of
    # CAEP's; "Institute 901"): a number says which of a group's units, not which group.
    rf"|{_UNIT}\s+(?:no\.?\s*)?\d{{1,4}}"
    r"|第?[一二三四五六七八九十百零〇两0-9]+(?:研究)?[院所部局]",
    re.IGNORECASE,
)


def _a_firm_of_its_seat(entry: ListEntry, hit: NameHit, text: str) -> str | None:
    """A doubt where the text names an entry's name without the company form the list gives it,
    then a place in brackets and a form (`a_seat_and_form_after`: "Huawei Technologies (Chengdu)
    Co., Ltd." of "HUAWEI TECHNOLOGIES CO., LTD."): a firm registered there under the company's
    name, a subsidiary, or the company itself; certain before, the bracket read past as a place.
    Or "(Group)" and a form (`a_group_and_form_after`), the group's parent company or itself."""
    if hit.is_acronym or hit.is_cjk or not _its_forms(entry, hit.name):
        return None
    if (grouped := a_group_and_form_after(text, hit.end)) is not None:
        return (
            f"the affiliation writes \u201c{printable(hit.matched)} {printable(grouped)}\u201d, the list's name with"
            f" \u201c(Group)\u201d before a company form, as a group's parent company is named: it may be the"
            f" group over {printable(entry.name)} (another company) or the company itself"
        )
    if (written := a_seat_and_form_after(text, hit.end)) is None:
        return None
    return (
        f"the affiliation writes \u201c{printable(hit.matched)} {printable(written)}\u201d, the list's name with a"
        f" place in brackets before a company form, as a firm registered there is named: it may be a firm of"
        f" {printable(entry.name)} (a subsidiary) or the company itself"
    )


def _a_firm_s_word_before(entry: ListEntry, hit: NameHit, text: str) -> str | None:
    """A doubt where a name of one word and a company form (`one_word_and_its_form`: "SIRIUS JSC"
    of the CSL's "JSC SIRIUS", "RUST ZAO") comes right after a capitalised word of its part that is
    no place alone, no form and no word of the entry's own names ("Avangard Sirius JSC", "Anti
    Rust ZAO"): the text may name another firm whose name ends with the list's. "Moscow Sirius
    JSC", "Kontsern Sirius JSC" (the entry's "KONTSERN SIRIUS OAO") stay the entry's, and so does
    its city of two words ("St. Petersburg Rust ZAO"), which `_place_before` has judged already:
    its last word alone, "Petersburg", is no place."""
    if hit.is_acronym or hit.is_cjk or not one_word_and_its_form(hit.name) or _a_place_right_before(hit, text):
        return None
    found = _WORD_BEFORE.search(text, 0, hit.start)
    if found is None or not found.group(1)[:1].isupper():
        return None
    word = found.group(1)
    own = {fold(w) for name in entry.names for w in name.split()}
    if fold(word) in own or a_place_alone(word) or company_form_before(text, hit.start) is not None:
        return None
    return (
        f"\u201c{printable(word)}\u201d comes right before \u201c{printable(hit.matched)}\u201d, a name of one word"
        f" and a company form: the text may name another firm whose name ends with {printable(entry.name)}'s"
    )


def _a_numbered_unit(entry: ListEntry, hit: NameHit) -> _LongerName | None:
    """A doubt where the name found is a unit's number alone (`_NUMBERED_UNIT`): "CASIC Ninth
    Academy, Wuhan" or 航天九院's 九院 is another group's ninth academy, not CAEP. Of a longer
    name's kind: OpenAlex, resolving such a text by its name, may give it CAEP's id, which is then
    no more certain than the text."""
    if not _NUMBERED_UNIT.fullmatch(hit.name.strip()):
        return None
    return _LongerName(
        f"\u201c{printable(hit.matched)}\u201d names a unit by its number alone, as groups number theirs (CASC and"
        f" CASIC each have a ninth academy): the text may name another group's, not {printable(entry.name)}"
    )


# A unit named by its field alone ("Institute of International Politics", the tracker's former name
# of the University of International Relations; "Institute of Cadre Management"), and what names
# an institution such a unit may belong to.
_UNIT_OF_A_FIELD = re.compile(
    r"(?:the\s+)?(?:key\s+laboratory|laboratory|institute|school|department|faculty|college|cent(?:er|re)"
    r"|division|office)\s+(?:of|for)\s",
    re.IGNORECASE,
)
_AN_INSTITUTION = re.compile(
    r"\b(?:university|academy|institute|college|corporation|group)\b"
    r"|\u5927\u5b66|\u5927\u5b78|\u5b66\u9662|\u5b78\u9662|\u7814\u7a76\u9662|\u7814\u7a76\u6240|\u96c6\u56e2|\u96c6\u5718",  # 大学 学院 研究院 研究所 集团
    re.IGNORECASE,
)
# A word that places a unit under what follows it ("... at Renmin University"); a bracketed acronym
# or note, which names no institution of its own ("(IIP)"), is `_BRACKETED`'s, below. (A second
# `_BRACKETED` here, ASCII brackets only, was replaced by that one as the module loaded: never read.)
_PLACED_UNDER = re.compile(r"^\s*(?:of|at)\s+", re.IGNORECASE)
_A_COMMA = re.compile("[,\uff0c\u3001]")  # , ， 、


def _a_unit_under_another(entry: ListEntry, hit: NameHit, text: str) -> str | None:
    """A doubt where the name found is a unit's named by its field and the text places it under
    another institution, as a department is written before its university: "Institute of
    International Politics, Peking University" may be Peking University's own institute of the
    name, not the list's University of International Relations."""
    if not (_UNIT_OF_A_FIELD.match(hit.name.strip()) or a_unit_of_a_field_in_chinese(hit.name)):
        return None
    parent = _institution_over(text, hit)
    if parent is None or _its_own_parent(entry, fold(parent)):
        return None
    return (
        f"\u201c{printable(hit.matched)}\u201d names a unit by its field, and the text places it under"
        f" \u201c{printable(parent)}\u201d: it may be that institution's own, not {printable(entry.name)}"
    )


# The PLA written right before a name, in Chinese (中国人民解放军国际关系学院) or English ("PLA
# University of International Relations"); a supervisor or a name of the army's, as the tracker
# writes them ("PLA Navy", "Central Military Commission", 陆军军医大学).
_THE_ARMY_BEFORE = re.compile(
    r"(?:\u89e3\u653e\u519b|\u89e3\u653e\u8ecd|\bPLA|People[\u2019']?s Liberation Army)\s*$", re.IGNORECASE
)  # 解放军 解放軍
_THE_ARMY_S = re.compile(
    r"\b(?:PLA|Military|Army|Navy|Naval|Air Force|Rocket Force|Armed Police|Strategic Support Force)\b"
    r"|\u519b|\u8ecd",  # 军 軍
    re.IGNORECASE,
)


def _an_army_not_its_own(entry: ListEntry, hit: NameHit, text: str) -> str | None:
    """A doubt where the PLA stands right before the name of an entry the list says a civilian
    body supervises (the tracker's University of International Relations, under the Ministry of
    State Security): 中国人民解放军国际关系学院 is the PLA's own University of International
    Relations in Nanjing, not the entry, though the army before a PLA entry's name leaves it the
    entry (解放军国防大学). An entry the list gives no supervisor, or one of the army's, is read as
    before."""
    if not entry.supervising_agencies or not _THE_ARMY_BEFORE.search(text, 0, hit.start):
        return None
    if any(_THE_ARMY_S.search(n) for n in (*entry.supervising_agencies, *entry.names)):
        return None
    return (
        f"the PLA comes right before \u201c{printable(hit.matched)}\u201d, and the list names no army over"
        f" {printable(entry.name)}: the text may name the army's own institution of the name"
    )


def _institution_over(text: str, hit: NameHit) -> str | None:
    """The institution the affiliation holding `hit` (a string may hold several, parted by
    semicolons) places the unit under: the nearest part after it naming one, past a school or a
    centre between ("Institute of International Politics, School of International Studies, Peking
    University", as OpenAlex's "OST, CIRST, Universit\u00e9 du Qu\u00e9bec \u00e0 Montr\u00e9al" writes a
    unit's levels), else the nearest before it ("Peking University, Institute of ..."), a unit of
    a field before it being one of its own levels ("College of Chemistry, Institute of ...").
    A Chinese name is written before its own units (国际关系学院信息科技学院), so what runs on from
    it up to a comma is its unit, not the institution over it, and a Chinese unit of a field
    after it is a level of either, past which the institution is sought."""
    start = max(text.rfind(";", 0, hit.start), text.rfind("\uff1b", 0, hit.start)) + 1
    end = min((i for i in (text.find(";", hit.end), text.find("\uff1b", hit.end)) if i >= 0), default=-1)
    rest = text[hit.end : len(text) if end < 0 else end]
    if _is_cjk(hit.name):
        rest = "".join(_A_COMMA.split(rest, maxsplit=1)[1:])
    after = [p for p in _parts(rest) if not a_unit_of_a_field_in_chinese(p)]
    before = [p for p in _parts(text[start : hit.start])[::-1] if not _a_level_of_a_unit(p)]
    return next((p for p in (*after, *before) if _AN_INSTITUTION.search(p)), None)


def _a_level_of_a_unit(part: str) -> bool:
    """Is a part written before a unit's name one of the unit's own levels, a unit of a field
    ("College of Chemistry", 信息科技学院), rather than an institution over it?"""
    return bool(_UNIT_OF_A_FIELD.match(part)) or a_unit_of_a_field_in_chinese(part)


def _parts(text: str) -> list[str]:
    """The comma-parted parts of `text` (a Chinese comma too), each without its brackets or a
    leading "of" or "at"."""
    parts = (_PLACED_UNDER.sub("", _BRACKETED.sub(" ", p)).strip() for p in _A_COMMA.split(text))
    return [p for p in parts if p]


def _its_own_parent(entry: ListEntry, parent: str) -> bool:
    """Whether the institution a unit's name is placed under (folded) is the entry itself or one
    the list says supervises it (the tracker's `supervising agencies`)."""
    return any(fold(n) in parent for n in entry.names) or any(
        fold(a) in parent or parent in fold(a) for a in entry.supervising_agencies
    )


def _names_the_place(text: str, hit: NameHit, place: str) -> bool:
    """Does the affiliation holding `hit` (a string may hold several, parted by semicolons) name
    `place` outside the name, by the same words or, for a province, in Chinese characters too?"""
    start = max((text.rfind(c, 0, hit.start) for c in _AFFILIATIONS_PART), default=-1) + 1
    ends = [i for c in _AFFILIATIONS_PART if (i := text.find(c, hit.end)) >= 0]
    end = min(ends, default=len(text))
    wanted, province = fold(place), named_provinces(provinces_in(place))
    places = places_in(text)
    spans = [(p.start, p.end, False) for p in places]
    spans += [
        (p.start, p.end, bool(province) and p.is_province and p.provinces == province) for p in provinces_in(text)
    ]
    countries = {p.start for p in places if p.is_country}
    return any(
        start <= p_start
        and p_end <= end
        and not (p_start < hit.end and hit.start < p_end)
        and (the_province or fold(text[p_start:p_end]) == wanted)
        and (_is_cjk(text[p_start:p_end]) or _ends_an_address_part(text, p_end, countries))
        for p_start, p_end, the_province in spans
    )


def _ends_an_address_part(text: str, end: int, countries: Set[int]) -> bool:
    """Whether a place found ends a part of an address, as "Beijing" in "..., Beijing 100088,
    China" does (a comma, a postcode, a country or the text's end after it): a word after it
    ("Shanghai Institute of Optics", "Beijing Normal University") makes it part of another
    institution's name, which does not say where the listed one is."""
    rest = text[end:]
    after = rest.lstrip(" \t")
    return not after or not after[0].isalpha() or end + len(rest) - len(after) in countries


# A bracket giving another name: "X (a.k.a. Y)", "X (a.k.a., Y)", "X (formerly Y)".
_ANOTHER_NAME = re.compile(
    r"^(?P<name>.+?)\s*[(（](?P<other>(?i:a\.?k\.?a\b|f\.?k\.?a\b|also known as|formerly)[^()（）]*)[)）]\s*$"
)
# An acronym and what it stands for in a bracket after it: "SMF (Strategic Missile Force)".
_SPELLED_OUT = re.compile(r"\b(?P<acronym>[A-Z][A-Z0-9&]{1,7})\s*[(（](?P<words>[^()（）]+)[)）]")


def _other_names_in_brackets(name: str) -> Iterator[str]:
    if m := _ANOTHER_NAME.match(name):
        yield m.group("name").strip()
        if other := clean_alias(m.group("other")):
            yield other
    for m in _SPELLED_OUT.finditer(name):
        words = m.group("words").split()
        if "".join(w[0] for w in words if w[0].isupper()) == m.group("acronym"):
            before, after = name[: m.start()], name[m.end() :]
            yield " ".join(f"{before}{m.group('acronym')}{after}".split())
            yield " ".join(f"{before}{' '.join(words)}{after}".split())


def _acronym_bracket(name: str) -> bool:
    brackets = _BRACKETED.findall(name)
    return len(brackets) == 1 and is_acronym(brackets[0].strip()) and not _is_cjk(name)


_BRACKETED = re.compile(r"[(（【\[]([^)）】\]]+)[)）】\]]")


@lru_cache(maxsize=10_000)
def _entry_provinces(addresses: tuple[str, ...], names: tuple[str, ...]) -> frozenset[str]:
    """Where the list places an institution: the provinces its addresses name by their own names
    (an address's district may bear a city's name elsewhere: Chaoyang, Beijing), or by the city an
    address in Chinese characters gives as its own (苏州市姑苏区: Jiangsu, though Anhui's 宿州 is
    Suzhou in English too; `own_provinces_in_chinese`), and the place in brackets its name holds
    ("(Wuhan)")."""
    named = named_provinces([p for a in addresses for p in provinces_in(a)])
    in_chinese = (p for a in addresses if not a.isascii() for p in own_provinces_in_chinese(a))
    return (
        named
        | frozenset(in_chinese)
        | certain_provinces([p for n in names for m in _BRACKETED.finditer(n) for p in provinces_in(m.group(1))])
    )


@lru_cache(maxsize=10_000)
def _by_its_place(names: tuple[str, ...]) -> bool:
    """Does one of these names hold its place in brackets, as the list names one of two
    institutions of one name ("China University of Geosciences (Wuhan)", 中国地质大学(武汉))?"""
    return any(certain_provinces(provinces_in(m.group(1))) for n in names for m in _BRACKETED.finditer(n))


def _a_longer_name(entry: ListEntry, hit: NameHit, text: str, *, subject: bool = False) -> _LongerName | None:
    """A doubt where the text around a name may make it part of another institution's name,
    judged on the text as it reads: an invisible character at the name's edge (北大\u200b荒)
    hides nothing. `subject`: the entry is a claim's subject (`SubjectMatcher`), said so."""
    said, label = printable(hit.matched), printable(entry.name)
    if INVISIBLE.search(text):
        text, hit = _seen(text, hit)
    if word := _runs_on_into(hit, text) or (hit.is_cjk and _chinese_run_on(entry, hit, text)):
        if (form := another_company_form_after(text, hit.end)) is not None:
            return _LongerName(
                _its_core_alone(entry, hit, form) or _another_company_form(entry, hit, form, subject=subject)
            )
        if (with_unit := _with_a_unit(hit, text)) and (doubt := _its_core_alone(entry, hit, None, with_unit)):
            return _LongerName(doubt)
        # "Inspur (Group)", its bracket closed, not the name as matched ("Inspur (Group")
        through = said if (end := _past_its_bracket(hit, text)) == hit.end else printable(text[hit.start : end])
        return _LongerName(
            f"\u201c{through}\u201d runs on into \u201c{printable(word)}\u201d: the text may name "
            f"another institution whose name begins with {label}'s"
        )
    if word := _direction_before(hit, text):
        return _LongerName(
            f"\u201c{printable(word)}\u201d comes right before \u201c{said}\u201d: the text may name another "
            f"institution whose name ends with {label}'s"
        )
    if place := _place_before(entry, hit, text):
        return _LongerName(
            f"the place \u201c{printable(place)}\u201d comes right before \u201c{said}\u201d: the text may name"
            f" another institution, named by its place, whose name ends with {label}'s (Dalian Naval Academy"
            f" is not the Naval Academy){_no_place_to_tell(entry, label, subject=subject)}"
        )
    own = _own_colleges(entry.names)
    if (words := _college_of_before(hit, text)) and fold(words) not in own:
        return _LongerName(
            f"\u201c{printable(words)}\u201d comes right before \u201c{said}\u201d: the text may name an "
            f"institution of its own that bears {label}'s name, as China's independent colleges do"
        )
    if (words := _college_after(hit, text)) and fold(words) not in own:
        return _LongerName(
            f"\u201c{printable(words)}\u201d comes right after \u201c{said}\u201d: the text may name an "
            f"institution of its own that bears {label}'s name, as China's independent colleges do"
        )
    if found := _college_by_a_city(entry, hit, text):
        city, college, where = found
        return _LongerName(
            f"\u201c{said}\u201d and \u201c{printable(city)}\u201d {where} it are also the English name of {college}, "
            f"not {label} itself (the words may name a campus of it too): whether the text names the university"
            " is for a reviewer"
        )
    return None


def _chinese_run_on(entry: ListEntry, hit: NameHit, text: str) -> str | None:
    """What a Chinese name runs on into (`cjk_run_on`) where it may begin another institution's
    name; None where it goes on into a school named by a field (北京航空航天大学计算机学院, the
    university's own, as "School of Computer Science, Beihang University" is), or into a place,
    bare or alone in brackets, and then nothing more, a part (校区, 研究生院) or such a school:
    哈尔滨工业大学（深圳） is the university's campus, as "Harbin Institute of Technology
    (Shenzhen)" is; a place and a college (北京理工大学珠海学院) stays a doubt. For an entry the
    list names by its place (中国地质大学（武汉）) a bracket of another place is another
    university's name (中国地质大学（北京）), and for one an independent college is named after with
    a city (`COLLEGES_BY_A_CITY`: 北京理工大学珠海学院) the place may be that college's: both stay
    doubts. A bracket giving a former name (（原第三军医大学）) is read past, as a place's is; and the
    学 a listed name cut short of its 大学 leaves out (`_cut_short_of_its_university`)."""
    end = hit.end + 1 if _cut_short_of_its_university(hit, text) else hit.end
    word = cjk_run_on(text, end)
    if word is None or a_school_of_a_field(word) or word.startswith(_numbered_hospitals(entry.related)):
        return None
    if _by_its_place(entry.names) and not _with_a_city_college(entry.names):
        resume = _after_a_place(text, end, _bracketed_places(entry.names))
        if resume is None:
            return word
        rest = cjk_run_on(text, resume)
        return None if rest is None or a_school_of_a_field(rest) else word
    if _with_a_city_college(entry.names):
        return word
    if (resume := _after_a_former_name(text, end)) is not None:
        rest = cjk_run_on(text, resume)
        return None if rest is None or a_school_of_a_field(rest) else rest
    if (resume := _after_a_place(text, end)) is None:
        return word
    rest = cjk_run_on(text, resume)
    return None if rest is None or a_school_of_a_field(rest) else word


def _cut_short_of_its_university(hit: NameHit, text: str) -> bool:
    """Does a listed Chinese name end in 大 where the text goes on with the 学 of 大学: the
    tracker's "中国人民解放军第二军医大" for Navy Medical University, whose former name papers
    write 第二军医大学 (the Second Military Medical University)? The name read with it, whatever
    follows is read as after the whole name. Not a short nickname (北大, 南师大: four characters
    at least before 大), which no text writes with 学."""
    return hit.name.endswith("大") and len(hit.name) >= 5 and text.startswith(("学", "學"), hit.end)


# A hospital a list gives under an entry by its number as an affiliated one: the ASPI tracker's
# "First Affiliated Hospital/Southwest Hospital" of Army Medical University, alias 西南医院.
_A_NUMBERED_AFFILIATED_HOSPITAL = re.compile(
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+affiliated\s+hospital\b", re.IGNORECASE
)


@lru_cache(maxsize=4_096)
def _numbered_hospitals(related: tuple[Related, ...]) -> tuple[str, ...]:
    """The Chinese names, in both scripts, of the hospitals the list gives under an entry as its
    numbered affiliated ones: written right after the university's name (陆军军医大学西南医院),
    such a name is the university's hospital, as 陆军军医大学第一附属医院 is (`cjk_run_on`), not
    another institution's name beginning with the university's. Found alone, it is still only
    related to the entry (`related_doubt`)."""
    hospitals = [r for r in related if _A_NUMBERED_AFFILIATED_HOSPITAL.match(r.name)]
    # The tracker writes some in the name too: "Third Affiliated Hospital/Daping Hospital
    # (第三附属医院/大坪医院), now known as the Army Characteristic Medical Center".
    names = [
        *(a for r in hospitals for a in r.aliases if _is_cjk(a)),
        *(n for r in hospitals for n in _CJK_RUN.findall(r.name)),
    ]
    return tuple(dict.fromkeys(form for name in names for form, _ in chinese_forms(name)))


_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def _after_a_former_name(text: str, end: int) -> int | None:
    """Where a bracket right after a Chinese name ends that gives the name before it as 原
    ("formerly") and another: 陆军军医大学（原第三军医大学）, the university and its former name, as
    "Army Medical University (formerly Third Military Medical University)" is read; None where no
    such bracket stands there."""
    bracketed = _IN_BRACKETS.match(text, end)
    return bracketed.end() if bracketed and bracketed.group(1).startswith("\u539f") else None


_IN_BRACKETS = re.compile(
    rf"{SPACES}*[(\uff08\u3010]{SPACES}*([^()\uff08\uff09\u3010\u3011]{{1,40}}?){SPACES}*[)\uff09\u3011]"
)
_SPACED = re.compile(rf"{SPACES}*")


def _after_a_place(text: str, end: int, among: frozenset[str] | None = None) -> int | None:
    """Where a Chinese place right after a name ends, the place bare (哈尔滨工业大学深圳) or alone in
    brackets (（深圳）), and where `among` is given one of those places (`_place_key`); None where
    no place stands there."""
    bracketed = _IN_BRACKETS.match(text, end)
    start = bracketed.start(1) if bracketed else _SPACED.match(text, end).end()  # type: ignore[union-attr]
    for place in provinces_in(text):
        if place.start == start and (bracketed is None or place.end == bracketed.end(1)):
            written = text[place.start : place.end]
            if among is not None and _place_key(in_english(written) or written) not in among:
                return None
            return bracketed.end() if bracketed else place.end
    return None


@lru_cache(maxsize=10_000)
def _bracketed_places(names: tuple[str, ...]) -> frozenset[str]:
    """The places (`_place_key`) an entry's names hold in brackets, by which the list names one
    of two institutions of one name (中国地质大学(武汉), "China University of Geosciences (Wuhan)")."""
    return frozenset(
        _place_key(in_english(written) or written)
        for n in names
        for m in _BRACKETED.finditer(n)
        for p in provinces_in(m.group(1))
        for written in [m.group(1)[p.start : p.end]]
    )


# A university's own colleges that the rules for independent colleges would take for one: named by
# no field of study, or by a place abroad, which then places nothing. The folded university name
# and college name; each was read in a public source:
# - "Qian Xuesen College", Xi'an Jiaotong University's honours college, set up in 2016 and named
#   after an alumnus ("Qian Xuesen Honors College", http://men.xjtu.edu.cn/2021-03/22/c_605250.htm);
#   authors write it without "Honors", as an independent college named after a person is written.
# - "Glasgow College", the joint educational institute of UESTC and the University of Glasgow,
#   launched in 2013, whose students graduate with degrees of both
#   (https://quantic.ac.uk/explore/internationalisation/uofgconnect/newsletters/march2021/uestc).
# China's independent colleges ("Zhuhai College of Jilin University", "City College of Zhejiang
# University") are institutions of their own and stay doubts.
OWN_COLLEGES = frozenset(
    {
        ("xi an jiaotong university", "qian xuesen college"),
        ("university of electronic science and technology of china", "glasgow college"),
    }
)
_WITH_OWN_COLLEGES = frozenset(university for university, _ in OWN_COLLEGES)


@lru_cache(maxsize=4_096)
def _own_colleges(names: tuple[str, ...]) -> frozenset[str]:
    """The colleges (folded) `OWN_COLLEGES` gives as the university's own, for an entry's names:
    most entries have none, told once."""
    universities = {u for n in names if not _is_cjk(n) and (u := fold(n)) in _WITH_OWN_COLLEGES}
    return frozenset(college for university, college in OWN_COLLEGES if university in universities)


@lru_cache(maxsize=64)
def _own_college_beside(college: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A college's name right before a name and a comma or "of", and right after a name and a comma."""
    words = r"(?<![^\W_])" + f"{SPACES}+".join(map(re.escape, college.split()))
    before = re.compile(rf"{words}(?:{SPACES}*[,\uff0c]{SPACES}*|{SPACES}+of(?:{SPACES}+the)?{SPACES}+)$", re.I)
    after = re.compile(rf"{SPACES}*[,\uff0c]{SPACES}*{words}(?![^\W_])", re.I)
    return before, after


def _own_college_unread(entry: ListEntry, hit: NameHit, text: str) -> str:
    """`text` with the name of a college of the entry's own (`OWN_COLLEGES`) right beside the
    name found blanked out: "Glasgow College" names no place of the college's ("Glasgow College,
    UESTC" is in Chengdu)."""
    for college in _own_colleges(entry.names):
        before, after = _own_college_beside(college)
        for found in (before.search(text, 0, hit.start), after.match(text, hit.end)):
            if found:
                text = text[: found.start()] + " " * (found.end() - found.start()) + text[found.end() :]
    return text


# Institutions of their own whose English names are a listed university's and a city's, with
# nothing more (an independent college; a university split from the listed one): the folded
# university name and city, and the institution. Each was read in a public source:
# - 北京理工大学珠海学院, "Beijing Institute of Technology, Zhuhai": an independent college set up in
#   2004 by BIT with a company (https://m.phb7.com/jiaoyu/gaoxiao/134339.html gives the English
#   name; http://8netcn.com/know/561498.html, "独立学院"); from 2024 its site was to become BIT's own
#   Zhuhai campus (https://wxredian.com/art?id=71ea1bdd49afb839cbc79364ac5cbe2e, after 南方日报),
#   so the words may name either.
# - 中国矿业大学（北京）, "China University of Mining and Technology-Beijing" as it names itself
#   (https://english.cumtb.edu.cn/ABOUT_CUMTB1/General_Introduction.htm): one source has it split
#   from the Xuzhou university as a body with its own legal personality
#   (https://news.xhlnet.com/t/124419.html, "具有独立法人资格的办学实体"), others call the two one
#   university in two places; the ASPI tracker's entry is the Xuzhou one (supervised with Jiangsu's
#   government). Whether the Beijing one counts is for a reviewer.
# A campus that is the university ("Harbin Institute of Technology, Weihai") is no such
# institution and still matches. The value says what the institution is.
COLLEGES_BY_A_CITY = {
    ("beijing institute of technology", "zhuhai"): (
        "北京理工大学珠海学院 (Beijing Institute of Technology, Zhuhai), an independent college"
    ),
    ("china university of mining and technology", "beijing"): (
        "中国矿业大学（北京） (China University of Mining and Technology-Beijing), by one source a"
        " university with its own legal personality"
    ),
}
_WITH_A_CITY_COLLEGE = frozenset(university for university, _ in COLLEGES_BY_A_CITY)
_CITY_AFTER = re.compile(rf"{SPACES}*(?:[,\uff0c(\uff08\-\u2010-\u2015]|(?i:at|in)(?={SPACES}))?{SPACES}*")


def _college_by_a_city(entry: ListEntry, hit: NameHit, text: str) -> tuple[str, str, str] | None:
    """The city after a listed name (or its campus before it) and the independent college the two
    name, where `COLLEGES_BY_A_CITY` has one ("Beijing Institute of Technology, Zhuhai", "Zhuhai
    Campus of Beijing Institute of Technology"), and whether the city stands after or before it."""
    if hit.is_cjk:
        return None
    universities = _with_a_city_college(entry.names)
    if not universities:
        return None
    at = _CITY_AFTER.match(text, hit.end)
    start = at.end() if at else hit.end
    # Or the city's campus before the name: "Zhuhai Campus of Beijing Institute of Technology".
    before = _CAMPUS_BEFORE.search(text, 0, hit.start)
    for place in places_in(text):
        if not place.is_country and (place.start == start or (before and place.end == before.start())):
            city = fold(text[place.start : place.end])
            for university in universities:
                if college := COLLEGES_BY_A_CITY.get((university, city)):
                    return text[place.start : place.end], college, "after" if place.start == start else "before"
    return None


@lru_cache(maxsize=4_096)
def _with_a_city_college(names: tuple[str, ...]) -> frozenset[str]:
    """An entry's names (folded) that `COLLEGES_BY_A_CITY` gives a college for: most entries have
    none, told once, before any text's places are read (20 µs a hit)."""
    return frozenset(u for n in names if not _is_cjk(n) and (u := fold(n)) in _WITH_A_CITY_COLLEGE)


_CAMPUS_BEFORE = re.compile(
    rf"{SPACES}+campus(?:{SPACES}+of(?:{SPACES}+the)?{SPACES}+|{SPACES}*[,\uff0c]{SPACES}*)$", re.IGNORECASE
)


def _seen(text: str, hit: NameHit) -> tuple[str, NameHit]:
    """`text` without its invisible characters, and `hit` with its offsets into that."""
    seen, kept = visible(text)
    start, end = bisect.bisect_left(kept, hit.start), bisect.bisect_left(kept, hit.end)
    return seen, replace(hit, start=start, end=end)


# The word right after a name, with nothing but spaces between (a no-break space too, as PDFs
# and web pages give it): "Tianjin University Renai College", "Tianjin Univ Technol" (Tianjin
# University of Technology as Web of Science writes it).
_NEXT_WORD = re.compile(rf"{SPACES}+([^\W\d_][^\W_]*)")
# An "&" and a word right after a name: the name runs on, as over an "and" (a word itself), since
# Web of Science writes "&" only inside a name ("Chinese Acad Sci & Technol Dev" is the Chinese
# Academy of Science and Technology for Development, not the Chinese Academy of Sciences). A word
# there that repeats the name's first begins a second name of the same body's: "Microsoft Research
# Asia & Microsoft Azure Speech" (NaturalSpeech 3's project page) is two. So does a name after it
# that is spelt out as a university's, an institute's or an academy's before its part of the text
# ends, as papers' pages write a joint affiliation ("Microsoft Research Asia & Peking University",
# RepPoints V2's; "... & Sun Yat-sen University", an MM '22 paper's), where Web of Science
# abbreviates those words ("Univ", "Inst", "Acad").
_OVER_AN_AMPERSAND = re.compile(rf"{SPACES}*([&\uff06]{SPACES}*([^\W\d_][^\W_]*))")
_REST_OF_ITS_PART = re.compile(r"[^,;:|()\[\]\uff0c\uff1b\uff1a\uff08\uff09&\uff06]*")
_A_SECOND_INSTITUTION_S_WORDS = frozenset({"university", "institute", "academy"})
# Words that go on from an institution's name to a part of it, not to another institution.
_PARTS_OF_AN_INSTITUTION = frozenset(
    {
        "school", "sch", "faculty", "fac", "department", "dept", "lab", "labs", "laboratory",
        "key", "state", "center", "centre", "ctr", "division", "graduate", "grad", "campus",
        "branch", "office", "library", "hospital", "hosp", "affiliated",
        "of", "for",  # judged where the name is found: only "of China" and the like are left
    }
)  # fmt: skip


def _runs_on_into(hit: NameHit, text: str) -> str | None:
    """The word a name found in `text` runs straight on into, where it is neither a part of the
    institution (a school, a lab) nor a place ("Harbin Institute of Technology Shenzhen"), or
    the place and the college it runs on into, or an "&" and the word after it, as an "and" is a
    word ("Chinese Acad Sci & Technol Dev"): then the name may be the beginning of another
    institution's. Acronyms and Chinese names are judged by their own rules."""
    if hit.is_acronym or hit.is_cjk:
        return None
    end = _past_its_bracket(hit, text)
    if over := _OVER_AN_AMPERSAND.match(text, end):
        return None if _begins_a_second_name(hit, text, over.start(2)) else over.group(1)
    found = _NEXT_WORD.match(text, end)
    if not found:
        return None
    word, begins = found.group(1), found.start(1)
    if fold(word) == "and" and (second := _NEXT_WORD.match(text, found.end(1))):
        # An "and" spelt out is read as an "&" is: "Microsoft Research Asia and Peking University".
        return None if _begins_a_second_name(hit, text, second.start(1)) else word
    if fold(word) in _PARTS_OF_AN_INSTITUTION or _its_own_acronym_ending_it(hit, text, found):
        return None
    if fold(word) in _AT_A_PLACE and (at := _NEXT_WORD.match(text, found.end(1))):
        # "Harbin Institute of Technology at Weihai", "... in Shenzhen": a campus, as the place
        # right after the name is, where the place goes on into no college of its own.
        found = at
    place = next((p for p in places_in(text) if p.start == found.start(1)), None)
    if place is None:
        return None if _a_town_run_on(text, found.start(1)) else word
    # A place and then a college is China's independent colleges' way of naming ("Sichuan
    # University Jinjiang College", "Jilin University Zhuhai College"): institutions of their own.
    after = _NEXT_WORD.match(text, place.end)
    if after and fold(after.group(1)) in _INSTITUTIONS_OF_THEIR_OWN:
        return text[begins : after.end(1)]
    return None


def _its_own_acronym_ending_it(hit: NameHit, text: str, found: re.Match[str]) -> bool:
    """Is the word a name runs on into its own acronym, the initials of its capitalised words in
    capitals ("Universidad San Francisco de Quito USFQ, Quito", as its authors write it), with
    nothing after it in its part but a comma, a bracket or the end? Not where words go on after
    it ("... USFQ Galapagos Institute"), which may name another body still."""
    initials = "".join(w[0] for w in hit.matched.split() if w[:1].isupper())
    return (
        len(initials) > 1 and found.group(1) == initials and bool(_NOTHING_MORE_IN_ITS_PART.match(text, found.end(1)))
    )


# After a name's own acronym: a part's end, a bracket, or the text's end.
_NOTHING_MORE_IN_ITS_PART = re.compile(r"\s*(?:[,;:()\[\]\n]|$)")


def _a_town_run_on(text: str, start: int) -> bool:
    """Do the words a name runs on into at `start` name its town, before the state's code and ZIP
    code ("Mayo Clinic Rochester, MN 55905", "... Medical Center Lebanon, NH 03756"), no word of
    them one of an institution's ("Mayo Clinic Health System, WI 54703" is a doubt still) unless
    they are a town's name that holds one ("University of Maryland College Park, MD 20742")?"""
    town = a_town_before_its_state(text, start)
    if town is None:
        return False
    return fold(town) in _TOWNS_OF_AN_INSTITUTION_S_WORDS or _AN_INSTITUTION_S_WORDS.isdisjoint(fold(town).split())


# US towns named for the university or college they grew round, written after its name with no
# comma as often as with one ("Pennsylvania State University University Park, PA 16802"); read so
# only before a state's code and ZIP code, so "University Park, Nottingham NG7 2RD" is no town.
_TOWNS_OF_AN_INSTITUTION_S_WORDS = frozenset(
    {"college park", "university park", "college place", "university place", "university heights", "medical lake"}
)
# Words institutions' names hold and few towns' do (those above are read as towns).
_AN_INSTITUTION_S_WORDS = _PARTS_OF_AN_INSTITUTION | {
    "university", "institute", "college", "academy", "health", "system", "systems", "medical", "research",
    "clinic", "group", "foundation", "services", "inc", "corp", "llc", "company", "co", "network", "care",
    "partners", "hospitals",
}  # fmt: skip


def _past_its_bracket(hit: NameHit, text: str) -> int:
    """Where a name found across an opening bracket it leaves open ends: past the closing one right
    after it, as the words after the brackets go on from the name ("Inspur (Group" of "Inspur
    (Group) Electronic Information Industry Co., Ltd.", as "Inspur Group Electronic ..." does);
    else where it ends."""
    last = max(hit.matched.rfind(c) for c in _CLOSING_OF)
    if last < 0 or (wanted := _CLOSING_OF[hit.matched[last]]) in hit.matched[last:]:
        return hit.end
    closing = _CLOSING_BRACKET.match(text, hit.end)
    return closing.end() if closing and closing.group(1) == wanted else hit.end


_CLOSING_OF = {"(": ")", "[": "]", "\uff08": "\uff09"}
_CLOSING_BRACKET = re.compile(rf"{SPACES}*([)\]\uff09])")


def _begins_a_second_name(hit: NameHit, text: str, after: int) -> bool:
    """Does the "&" or "and" right after a name, the word after it at `after`, begin a second
    institution's name: one whose first word is the name's own, or one spelt out as an
    institution's (`_OVER_AN_AMPERSAND`)?"""
    first = _NEXT_WORD.match(f" {hit.matched}")
    second = _A_WORD.match(text, after)
    if first and second and fold(first.group(1)) == fold(second.group()):
        return True
    rest = _REST_OF_ITS_PART.match(text, after).group()  # type: ignore[union-attr]
    return any(fold(word) in _A_SECOND_INSTITUTION_S_WORDS for word in _A_WORD.findall(rest))


_AT_A_PLACE = frozenset({"at", "in"})
_INSTITUTIONS_OF_THEIR_OWN = frozenset({"college", "institute", "institutes", "university", "academy", "polytechnic"})


# A word of direction right before a name, with nothing but spaces between, begins another
# institution's name: "West Anhui University" (皖西学院) is not Anhui University, nor "East China
# Normal University" a "China Normal University". So does one as Web of Science writes it: "W
# Anhui Univ", "E China Normal Univ", "Cent S Univ".
_WORD_BEFORE = re.compile(rf"([^\W\d_]+){SPACES}+$")
_DIRECTIONS = frozenset(
    {
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
        "northern", "southern", "eastern", "western", "northeastern", "northwestern", "southeastern",
        "southwestern", "central", "mid", "middle", "cent",
    }
)  # fmt: skip
# Web of Science's compass letters, as it writes them: in capitals, a word of their own ("China's
# Sichuan University" holds an apostrophe's "s", no South).
_COMPASS_LETTERS = frozenset({"N", "S", "E", "W", "NW", "NE", "SW", "SE"})


def _direction_before(hit: NameHit, text: str) -> str | None:
    if hit.is_acronym or hit.is_cjk:
        return None
    found = _WORD_BEFORE.search(text, 0, hit.start)
    if not found:
        return None
    word = found.group(1)
    if word in _COMPASS_LETTERS:
        return word if not found.start() or not _APOSTROPHE.match(text, found.start() - 1) else None
    return word if fold(word) in _DIRECTIONS else None


# A lone compass letter beginning a name as found ("N Univ China"), and a word, a number or an
# abbreviation's full stop right before it, nothing but spaces between ("Room N", "Dept E", "J S").
_LONE_COMPASS_LETTER = re.compile(rf"[NSEW](?={SPACES})")
_WRITTEN_BEFORE = re.compile(rf"([^\s,;:()\[\]\uff0c\uff1b\uff1a\uff08\uff09]*[^\W_.]\.?){SPACES}+$")


def _compass_letter_after_a_word(entry: ListEntry, hit: NameHit, text: str) -> str | None:
    """A doubt where a lone capital letter read as a compass word begins the name as found but
    follows a word: Web of Science begins a part with one ("..., N Univ China, Taiyuan"), but after
    a word the letter may be that word's, a room's or a department's ("Room N", "Dept E") or an
    author's initial ("J S China Univ Technol"), and the text no name of the list's."""
    if hit.is_acronym or hit.is_cjk or not _LONE_COMPASS_LETTER.match(text, hit.start):
        return None
    if fold(hit.name).split()[:1] == [fold(text[hit.start])]:
        return None  # the name's own letter, not a reading of it
    before = _WRITTEN_BEFORE.search(text, 0, hit.start)
    if not before:
        return None
    return (
        f"\u201c{text[hit.start]}\u201d, read as Web of Science's compass letter, begins \u201c{printable(hit.matched)}\u201d"
        f" but follows \u201c{printable(before.group(1))}\u201d, whose letter it may be (a room's, a department's,"
        f" an initial), not the start of {printable(entry.name)}'s name"
    )


_APOSTROPHE = re.compile(f"[{APOSTROPHES}]")
_ONLY_SPACES = re.compile(f"{SPACES}+")


def _named_by_a_place(entries: Sequence[ListEntry]) -> dict[tuple[str, str], list[tuple[str, ListEntry]]]:
    """Where a list names one entry by a place and another entry's name ("Dalian Naval Academy",
    and the Naval Research Academy's alias "Naval Academy"): by (the other entry's id, the folded
    name), each such place (`_place_key`) and the entry it names (`_another_entry_by_its_place`)."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for e in entries:
        for n in e.names:
            by_name[fold(n)].append(e.id)
    found: dict[tuple[str, str], list[tuple[str, ListEntry]]] = defaultdict(list)
    for e in entries:
        for n in e.names:
            first = next((p for p in places_in(n) if p.start == 0 and not p.is_country), None)
            if first is None or not (rest := fold(n[first.end :])):
                continue
            for other in by_name.get(rest, ()):
                if other != e.id:
                    found[(other, rest)].append((_place_key(n[: first.end]), e))
    return dict(found)


def _place_before(entry: ListEntry, hit: NameHit, text: str) -> str | None:
    """A place (a city, a province; not a country) right before a name, with nothing but spaces
    between: institutions are named by their places, so "Dalian Naval Academy" is another
    institution than the tracker's "Naval Academy" (the Naval Research Academy), and "Zhuhai
    Beijing Institute of Technology" an independent college. Not the entry's own place, which
    its addresses or names give: Chinese addresses put the city first ("Wuhan Naval University
    of Engineering", "Harbin Harbin Institute of Technology" name the entry itself)."""
    if hit.is_acronym or hit.is_cjk or (said := _a_place_right_before(hit, text)) is None:
        return None
    return None if _place_key(said) in _own_places(entry.addresses, entry.names) else said


def _a_place_right_before(hit: NameHit, text: str) -> str | None:
    """The place (a city, a province; not a country) written right before a name, with nothing but
    spaces between ("St. Petersburg" of "St. Petersburg Rust ZAO"), or None."""
    for place in places_in(text):
        if not place.is_country and place.end < hit.start and _ONLY_SPACES.fullmatch(text, place.end, hit.start):
            return text[place.start : place.end]
    return None


# What may end a Chinese place's name before an institution's: 省 (province), 市 (city).
_CHINESE_PLACE_ENDS = frozenset("\u7701\u5e02")
_A_CHINESE_CHARACTER = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _own_chinese_places_before(text: str, start: int, own: frozenset[str], provinces: frozenset[str]) -> bool:
    """Do Chinese places, each perhaps ending in 省 or 市, stand right before `start` from where a
    word begins, every one of them an entry's own (`_own_places`; `provinces`, the entry's
    `_entry_provinces`)? Chinese writes no space between a place and a name, as Web of Science's
    city-first forms write one: 郑州信息工程大学 is the tracker's 信息工程大学 (in Zhengzhou), as
    "Zhengzhou Information Engineering University" is, where 南京信息工程大学, of another city, is
    another university and not found."""
    found = _places_right_before(text, start)
    return bool(found) and all(
        _an_own_chinese_place(text[place.start : place.end], place.provinces, own, provinces)
        or _the_province_of(place, found[i - 1] if i else None)
        for i, place in enumerate(found)
    )


def chinese_places_before(text: str, start: int) -> str | None:
    """The Chinese places written right before `start` (`_places_right_before`): "北京" in
    北京微软亚洲研究院; None where none stand there."""
    found = _places_right_before(text, start)
    if found:
        return text[found[-1].start : start]
    return _a_district_alone_before(text, start) or _a_street_address_before(text, start)


# A house number, as a Chinese street address ends in one (丹棱街5号, No. 5 Danling Street).
_A_HOUSE_NUMBER_S_END = re.compile(
    r"(?:[0-9\uff10-\uff19]+|[\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341\u767e]+)\u53f7$"
)
# What an address is written in, up to its number: Chinese characters and digits.
_AN_ADDRESS_S_CHARACTER = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff0-9\uff10-\uff19]")


def _a_street_address_before(text: str, start: int) -> str | None:
    """A street address ending in its house number right before `start`, from where a word
    begins: 北京市海淀区丹棱街5号微软亚洲研究院, MSRA at its own address, which named nothing, the
    name read as run on from a longer word; a place, which no name of the subject holds. None
    where none stands there."""
    number = _A_HOUSE_NUMBER_S_END.search(text, 0, start)
    if number is None:
        return None
    begin = number.start()
    while begin > 0 and _AN_ADDRESS_S_CHARACTER.match(text[begin - 1]) and not after_its_own_country(text, begin):
        begin -= 1
    return text[begin:start]


def _a_district_alone_before(text: str, start: int) -> str | None:
    """A district or county written alone right before `start`, from where a word begins
    (海淀区微软亚洲研究院, MSRA's district without its city): a place, which no name of the subject
    holds; None where none stands there."""
    if start < 2 or text[start - 1] not in _A_DISTRICT_S_END or text[start - 2] in _NO_DISTRICT_S_LAST:
        return None
    begin = start - 1
    while begin > 0 and _A_CHINESE_CHARACTER.match(text[begin - 1]) and not after_its_own_country(text, begin):
        begin -= 1
    run = text[begin : start - 1]
    if not 1 <= len(run) <= _DISTRICT_S_LONGEST or _NO_DISTRICT_S_WORD.intersection(run):
        return None
    return None if holds_a_whole_name_s_end(run) else text[begin:start]


def _places_right_before(text: str, start: int) -> list[ProvincePlace]:
    """The Chinese places, each perhaps ending in 省 or 市, that stand right before `start`, the
    nearest first, where they begin a word or follow the country (中国重庆, 中国河南省郑州市);
    none otherwise (新郑州 is no Zhengzhou)."""
    places = provinces_in(text)
    at, found = _before_its_district(text, start, places), []
    while True:
        end = at - 1 if at > 0 and text[at - 1] in _CHINESE_PLACE_ENDS else at
        place = next((p for p in places if p.end == end and p.start < end), None)
        if place is None:
            break
        found.append(place)
        at = place.start
    if found and (at == 0 or not _A_CHINESE_CHARACTER.match(text[at - 1]) or after_its_own_country(text, at)):
        return found
    return []


# A district (区) or county (县) of the city before it, written between the city and a name as
# Chinese addresses write them (北京市海淀区, 重庆市沙坪坝区, the tracker's Army Medical University's
# address): its own name is any, a few characters long; not a military region's, a theatre's or a
# garrison's (成都军区, 西部战区, 重庆警备区: commands, whose units bear names of their own), a
# campus's (校区) or a community's (社区), nor one holding an institution's word.
_A_DISTRICT_S_END = frozenset("\u533a\u53bf")  # 区, 县
_NO_DISTRICT_S_WORD = frozenset("\u519b\u6218\u8b66")  # 军, 战, 警
_NO_DISTRICT_S_LAST = frozenset("\u6821\u793e")  # 校, 社
_DISTRICT_S_LONGEST = 6
_CITY_S_END = "\u5e02"  # 市
_CITIES_AS_PROVINCES = frozenset({"Beijing", "Shanghai", "Tianjin", "Chongqing"})


def _before_its_district(text: str, start: int, places: tuple[ProvincePlace, ...]) -> int:
    """Where a district or county right before `start` begins, after a city's name (perhaps with
    市) that ends right before it: 北京市海淀区微软亚洲研究院 gives the offset of 海淀区; `start`
    where none stands there."""
    if start < 2 or text[start - 1] not in _A_DISTRICT_S_END or text[start - 2] in _NO_DISTRICT_S_LAST:
        return start
    # A province's district is its city's, unnamed: only a city, or a city that is a province of
    # its own (北京市), ends right before one.
    cities_end = {
        p.end for p in places if p.start < p.end and (not p.is_province or p.provinces & _CITIES_AS_PROVINCES)
    }
    for begin in range(start - 2, max(0, start - 1 - _DISTRICT_S_LONGEST) - 1, -1):
        if not _A_CHINESE_CHARACTER.match(text[begin]) or text[begin] in _NO_DISTRICT_S_WORD:
            break
        if holds_a_whole_name_s_end(text[begin:start]):
            break
        if begin in cities_end or (text[begin - 1] == _CITY_S_END and begin - 1 in cities_end):
            return begin
    return start


# A district (区) or county (县) an address in Chinese characters writes after its city's 市
# (中国重庆市沙坪坝区高滩岩正街30号, 江苏省苏州市吴中区...) or first in a part of it, after its city
# in pinyin ("China, Beijing, 海淀区北四环西路88号", the tracker's Air Force Command College): its
# name, of a few characters.
_AN_ADDRESS_S_DISTRICT = re.compile(
    "(?:(?<=\u5e02)|(?<![\u3400-\u4dbf\u4e00-\u9fff]))((?:(?!\u5e02)[\u3400-\u4dbf\u4e00-\u9fff]){2,5}?)[\u533a\u53bf]"
)


@lru_cache(maxsize=10_000)
def _own_districts(addresses: tuple[str, ...]) -> tuple[str, ...]:
    """The districts and counties an entry's addresses write in Chinese (`_AN_ADDRESS_S_DISTRICT`), each with
    its 区 or 县 and without, as affiliations write them (沙坪坝区, 沙坪坝; a new area without its 新区,
    `_written_alone`), in either script, the longest first: not a campus's (校区), a community's (社区) or a command's
    (警备区), which are no district of the city."""
    found = []
    for address in addresses:
        for m in _AN_ADDRESS_S_DISTRICT.finditer(address):
            name = m.group(1)
            if (
                name[-1] in _NO_DISTRICT_S_LAST
                or _NO_DISTRICT_S_WORD.intersection(name)
                or holds_a_whole_name_s_end(name)
            ):
                continue
            # In either script, as its city is read (重慶市沙坪壩區, 沙坪壩: Hong Kong's and Taiwan's).
            found += [form for d in (m.group(0), _written_alone(m.group(0))) for form, _ in chinese_forms(d)]
    return tuple(sorted(dict.fromkeys(found), key=len, reverse=True))


# A new area (新区) is written without its 新 as without its 区: 上海市浦东新区 is 浦东 (its short
# name, https://zh.wikipedia.org/wiki/浦东新区), never 浦东新; 高新区 (a high-tech zone) keeps 高新.
_NEW_AREA = "\u65b0\u533a"  # 新区


def _written_alone(district: str) -> str:
    """A district's or county's name as written without its 区 or 县 (沙坪坝区: 沙坪坝; 浦东新区: 浦东)."""
    if district.endswith(_NEW_AREA) and len(district) > len(_NEW_AREA) + 1:
        return district[: -len(_NEW_AREA)]
    return district[:-1]


def _the_province_of(place: ProvincePlace, city: ProvincePlace | None) -> bool:
    """Is `place` a province's name, written before a city of that province alone, as Chinese
    addresses write them (河南省郑州市: the province of an own city, where the list names only the
    city: the tracker's Information Engineering University)?"""
    return place.is_province and city is not None and city.provinces <= place.provinces


def _an_own_chinese_place(written: str, where: frozenset[str], own: frozenset[str], provinces: frozenset[str]) -> bool:
    """Is a place written in Chinese characters (its provinces `where`) one of an entry's own?
    Compared by its English name, and where that name is borne by cities of several provinces
    (宿州 and 苏州 are both Suzhou, 抚州 and 福州 Fuzhou, 泰州 and 台州 Taizhou), by its province
    too: 宿州江南社会学院 is in Anhui, not the tracker's Jiangnan Social University (江苏省苏州市).
    An entry the list places in no province has no such city its own for certain."""
    english = in_english(written) or written
    if _place_key(english) not in own:
        return False
    return chinese_namesakes(english) <= where or bool(where & provinces)


def _no_place_to_tell(entry: ListEntry, label: str, *, subject: bool = False) -> str:
    """What a reviewer needs to know where the list gives no address: the entry's own city
    could not be told from another institution's, so its city-first forms are doubts too. A
    claim's subject has no address to give: only its names' places are its own."""
    if subject:
        return f"; a claim's subject gives no address, so only the places its names hold are {label}'s own"
    if entry.addresses:
        return ""
    return f"; the list gives no address for {label}, so its own city cannot be told from another's"


def _place_key(place: str) -> str:
    """A place's name as it is compared: "Xi'an", "Xian" and "XI AN" alike."""
    return "".join(fold(place).split())


@lru_cache(maxsize=10_000)
def _own_places(addresses: tuple[str, ...], names: tuple[str, ...]) -> frozenset[str]:
    """The cities and provinces an entry's addresses and names hold (`_place_before`): every place
    its names hold, but of an address only its city and its province. The rest of an address names
    its county, district or road by words that are cities' elsewhere: "2 Xiyuangong Rd, Minhou Xian,
    Fuzhou Shi, Fujian Sheng, China" (Fuzhou University, in the ASPI tracker) holds the county
    "Minhou Xian" (县), which is no Xi'an, and "China, Liaoning, Dalian, Zhongshan" Dalian's district
    Zhongshan, no Guangdong city."""
    in_names = (_place_key(t[p.start : p.end]) for t in names for p in places_in(t) if not p.is_country)
    return frozenset((*in_names, *(place for address in addresses for place in _city_and_province(address))))


# An address's parts, each a road, a district, a city, a province or a country.
_ADDRESS_PARTS = re.compile(r"[,;\uff0c\uff1b]")
# What may follow a city or a province and leave it its part's place: the word for a city or a
# province ("Fuzhou Shi", "Fujian Sheng", "Guangxi Zhuangzuzizhiqu", "Hebei Province"), a postcode.
_ENDS_AS_A_PLACE = re.compile(
    r"(?:[\s\d#.\-]|\b(?:shi|sheng|city|province|municipality|zizhiqu|zhuangzuzizhiqu|autonomous|region)\b)*",
    re.IGNORECASE,
)
# Cities that are provinces of their own: the part after or before one is its district.
_CITY_PROVINCES = frozenset({"beijing", "peking", "shanghai", "tianjin", "chongqing"})


def _city_and_province(address: str) -> list[str]:
    """The places (`_place_key`) of an address's province and city parts: a part ending with a
    province, the part next to it on the side away from the country (the city: "Fuzhou Shi, Fujian
    Sheng, China", "China, Liaoning, Dalian"), none for a city that is a province of its own
    ("Changning, Shanghai", "China, Beijing, Haidian"); with no province, the part next to the
    country ("Baqiao District, Xian, China"; "Moscow, 119034, RU": a postcode passed over, the
    country's code as the CSL writes it), or with neither, the last part; and those it names in
    Chinese characters (湖北省武汉市: Hubei, Wuhan; `own_places_in_chinese`)."""
    in_chinese = [] if address.isascii() else [_place_key(place) for place in own_places_in_chinese(address)]
    parts = _ADDRESS_PARTS.split(address)
    ends = [_place_ending(part) for part in parts]
    code = parts[-1].strip() if _a_country_code(parts[-1]) else None
    if code:
        ends[-1] = ("", True)
    countries_at = [i for i, (_, country) in enumerate(ends) if country]
    provinces_at = [i for i, (place, _) in enumerate(ends) if place and named_provinces(provinces_in(place))]
    big_first = bool(countries_at) and (countries_at[0] < provinces_at[0] if provinces_at else countries_at[0] == 0)
    step = 1 if big_first else -1
    found: list[str] = []
    for at in provinces_at or countries_at or [len(ends) - 1]:
        if at in provinces_at:
            found.append(_place_key(ends[at][0]))
            if _place_key(ends[at][0]) in _CITY_PROVINCES:
                continue
        elif at not in countries_at:
            found.append(_place_key(ends[at][0]))
            continue
        beside = at + step
        while 0 <= beside < len(ends) and _POSTCODE.fullmatch(parts[beside].strip()):
            beside += step  # "Moscow, 119034, RU": a postcode between the city and its country
        if code and at == len(ends) - 1 and _a_state_unknown(parts, beside, step):
            beside += step  # "Guadalajara, Jalisco, MX": a state the place lists do not know
        if 0 <= beside < len(ends) and ends[beside][0] and _of_its_code(ends[beside][0], at, len(ends), code):
            found.append(_place_key(ends[beside][0]))
    return list(dict.fromkeys(place for place in (*found, *in_chinese) if place))


# A postcode standing as a part of its own: digits, or capitals and digits with no word between
# ("119034", "H3A 0G4", "SW1A 2AA", "A-1010", "1012 AB"), as the CSL writes its addresses.
_POSTCODE = re.compile(r"(?=[^,]*\d)(?![^,]*[A-Z]{4})[A-Z\d][A-Z\d \-]{0,10}")


def _a_state_unknown(parts: list[str], at: int, step: int) -> bool:
    """Is an address's part `at`, before its country's code, a state or province no place list
    knows, as the SDN list's Mexican addresses end ("Pedro Loza No. 174, Col. Centro, Guadalajara,
    Jalisco, MX", "..., Monterrey, Nuevo Leon, MX"): up to three capitalised words, no digit, no
    place, and the part beyond it (the city) no region's ("Vitebsk Region, Polotsk, 21140, BY":
    Polotsk is the city)?"""
    if not 0 <= at + step < len(parts):
        return False
    words = parts[at].split()
    return (
        0 < len(words) <= 3
        and all(w[:1].isupper() and w.isalpha() for w in words)
        and not places_in(parts[at])
        and not _A_REGION_S_WORD.search(parts[at + step])
    )


_A_REGION_S_WORD = re.compile(r"\b(?:region|oblast|province|state|krai|district)\b", re.IGNORECASE)


def _of_its_code(place: str, at: int, parts: int, code: str | None) -> bool:
    """Is a place next to an address's country code (its part `at` of `parts`) in that country?
    "Tijuana, Baja California, MX" ends with Mexico's "Baja California", not the US state its last
    word spells, and "Goma, CG" places Goma in the Republic of the Congo, where it is not: no city
    of the address's own for certain. A country written by name is read as before."""
    return code is None or at != parts - 1 or all(of_the_country(p, code) for p in places_in(place))


def _a_country_code(part: str) -> bool:
    """Is an address's last part a country's ISO 3166 code, as the CSL ends every address it
    gives ("Havana, CU", "..., Sharjah, AE", "..., Moscow, 119034, RU")? Only a real code in
    capitals: "..., ANTHONY, 88021, NM" (a Denied Persons List row ending with its US state) is
    none; a state that is a code too ("..., Denver, CO") gives no city, Denver no Colombian one
    (`_of_its_code`)."""
    code = part.strip()
    return len(code) == 2 and code.isupper() and code in CODES


def _place_ending(part: str) -> tuple[str, bool]:
    """The city or province an address part ends with ("Fuzhou Shi", "Beijing 100097 China"; not
    "Minhou Xian", a county, nor "Sichuan University"), or ""; and whether it ends with a country."""
    places = places_in(part)
    country = any(p.is_country and _ENDS_AS_A_PLACE.fullmatch(_without_countries(part, places, p.end)) for p in places)
    for p in reversed(places):
        if p.is_country or not _ENDS_AS_A_PLACE.fullmatch(_without_countries(part, places, p.end)):
            continue
        if _place_key(part[p.start : p.end]) == "xian" and _AFTER_A_WORD.search(part, 0, p.start):
            return "", country  # a county's "Xian" (县): "Minhou Xian"
        return part[p.start : p.end], country
    return "", country


def _without_countries(part: str, places: tuple[Place, ...], start: int) -> str:
    """`part` from `start`, the countries it names left out ("100097 China" ends as a postcode)."""
    kept, at = [], start
    for p in places:
        if p.is_country and p.start >= start:
            kept.append(part[at : p.start])
            at = p.end
    return "".join(kept) + part[at:]


# A place, then a college (or an institute, ...) "of" the name: "Jincheng College of Nanjing
# University of Aeronautics and Astronautics" (金城学院), "Chengdu College of University of
# Electronic Science and Technology of China", "Zhuhai College of Beijing Institute of
# Technology": China's independent colleges, institutions of their own, named as "Sichuan
# University Jinjiang College" is the other way round (`_runs_on_into`). Or parted from the name
# by a comma, as an author lists a school and then its university: "Zhongshan Institute,
# University of Electronic Science and Technology of China" (电子科技大学中山学院), "Zhongshan
# Institute, UESTC". Or named by technology (and science) alone after an "of", as 科技学院 and
# 理工学院 are, with a place or nothing before: "Taizhou Institute of Science and Technology,
# Nanjing University of Science and Technology" (南京理工大学泰州科技学院), "Ningbo Institute of
# Technology, Zhejiang University" (浙江大学宁波理工学院), "College of Science and Technology,
# Nanchang Hangkong University" (南昌航空大学科技学院): independent colleges, each of its own.
_TECHNOLOGY_ALONE = (
    rf"{SPACES}+of{SPACES}+(?:(?:applied|sciences?|sci|and|&)(?![^\W_])\.?{SPACES}*)*"
    rf"(?:technology|technologies|tech)(?![^\W_])\.?"
)
_COLLEGE_BEFORE = re.compile(
    rf"(?:(?<!\s){SPACES}+|^|(?<=[^\w\s]))(?P<college>college|institute|academy|polytechnic)"
    rf"(?P<field>{_TECHNOLOGY_ALONE})?"
    rf"(?P<sep>{SPACES}+of(?:{SPACES}+the)?{SPACES}+|{SPACES}*[,\uff0c]{SPACES}*)$",
    re.IGNORECASE,
)


def _college_of_before(hit: NameHit, text: str) -> str | None:
    """The place and the college of it right before a name, or before it and a comma, where the
    text has them; or a college named otherwise than by a field of study (`_named_by_no_field`).
    An acronym counts after a comma ("Zhongshan Institute, UESTC"), not in the "of" form, which
    no affiliation writes with one."""
    if hit.is_cjk:
        return None
    found = _COLLEGE_BEFORE.search(text, 0, hit.start)
    if not found or (hit.is_acronym and "of" in found.group("sep").lower()):
        return None
    place = next((p for p in places_in(text) if p.end == found.start() and not p.is_country), None)
    if place:
        return text[place.start : found.start("sep")].strip()
    if found.group("field"):
        return _named_by_technology(text, found.start("college"), found.start("sep"))
    if found.start() == found.start("college"):
        return None  # a college word with nothing before it names nothing ("Institute, ...")
    return _named_by_no_field(text, found.start(), found.start("sep"))


def _named_by_technology(text: str, college: int, end: int) -> str | None:
    """A college "of" technology (and science) alone before a name, where nothing but places or
    nothing at all names it besides ("College of Science and Technology", "Taizhou Institute of
    Technology"), as China's independent colleges are named; one a field names too ("Software
    Institute of Technology") is left to the other rules."""
    begin, naming = _naming_words(text, college)
    named = _not_places(text, begin, college, naming)
    if named - _SCIENCE_AND_TECHNOLOGY:
        return _named_by_no_field(text, college, end) if not named <= _FIELDS else None
    return text[naming[0][1] if naming else college : end].strip()


# The same colleges after the name and a comma, as authors write a university and then its school:
# "University of Electronic Science and Technology of China, Zhongshan Institute", "Xiamen
# University, Tan Kah Kee College"; the college's name ends its part of the text.
_COLLEGE_AFTER = re.compile(
    rf"{SPACES}*[,\uff0c]{SPACES}*(?:(?P<naming>[^\W\d_][^,;|()\uff08\uff09\uff0c\uff1b\n]*?)(?<!\s){SPACES}+)?"
    rf"(?P<college>college|institute|academy|polytechnic)(?P<field>{_TECHNOLOGY_ALONE})?"
    rf"(?={SPACES}*(?:[,;|()\uff08\uff0c\uff1b\n]|$))",
    re.IGNORECASE,
)


def _college_after(hit: NameHit, text: str) -> str | None:
    """A college named by a place, by no field of study, or by technology alone after an "of"
    ("Zhejiang University, Ningbo Institute of Technology"), right after a name and a comma."""
    if hit.is_cjk:
        return None
    found = _COLLEGE_AFTER.match(text, hit.end)
    if not found:
        return None
    if found.group("naming") is not None and any(
        p.end == found.end("naming") and not p.is_country for p in places_in(text)
    ):
        return text[found.start("naming") : found.end()]
    if found.group("field"):
        return _named_by_technology(text, found.start("college"), found.end())
    if found.group("naming") is None:
        return None
    return _named_by_no_field(text, found.start("college"), found.end("college"))


def _named_by_no_field(text: str, college: int, end: int) -> str | None:
    """The college before a name where a word naming it is neither a field of study nor a place
    ("Tan Kah Kee College of Xiamen University", 厦门大学嘉庚学院, named after a person; "Renai
    College of Tianjin University", 仁爱学院), or where it is named by science and technology alone
    ("Science and Technology College of ...", as 科技学院 are): China's independent colleges are
    named so, a university's schools by their field ("Medical College of Chongqing University").
    The words naming it run back to a mark or to "of" ("School of Physics, Tan Kah Kee College").
    Only a college so called: an institute or an academy named by no field is as often a listed
    body's own unit (the ASPI tracker's "Electronic Countermeasures Institute" of NUDT, "Warfare
    Research Institute" of the Academy of Military Science, "CASC 8th Academy" of CASC), and an
    independent college that calls itself an institute names a place ("Zhongshan Institute")."""
    if fold(text[college:end]) != "college":
        return None
    begin, naming = _naming_words(text, college)
    if not naming or naming[-1][0] in _HONOURS:
        # An honours college is a university's own, whoever it is named after ("Shen Yuan Honors
        # College, Beihang University", 沈元荣誉学院); no independent college is named so.
        return None
    named = _not_places(text, begin, college, naming)
    if not named <= _FIELDS or (named and named <= _SCIENCE_AND_TECHNOLOGY):
        return text[naming[0][1] : end].strip()
    return None


def _naming_words(text: str, college: int) -> tuple[int, list[tuple[str, int]]]:
    """Where the words naming the college whose word begins at `college` begin (after a mark or
    "of": "School of Physics, Tan Kah Kee College"), and those words, folded, with their offsets,
    less "the", "and", numbers and single letters."""
    begin = max((m.end() for m in _NAMING_STOPS.finditer(text, 0, college)), default=0)
    naming = [(fold(w), begin + at) for w, at, _ in word_spans(text[begin:college])]
    return begin, [(w, at) for w, at in naming if w not in _IGNORED_IN_NAMING and not w.isdigit() and len(w) > 1]


def _not_places(text: str, begin: int, college: int, naming: list[tuple[str, int]]) -> set[str]:
    """Those of the naming words (from `begin` to `college`) that are no place, alone or where
    they stand in the text. A country joined to another ("Sino-Singapore Joint Research
    Institute") is no place where it stands (`places_in`), but names the joint body's partner, as
    a field would."""
    places = [p for p in places_in(text) if begin <= p.start and p.end <= college]
    return {w for w, at in naming if not any(p.start <= at < p.end for p in places) and not places_in(w)}


# Where the words naming a college begin: after a mark, or after "of", "for", "at" or "in" ("School
# of Physics Tan Kah Kee College").
_NAMING_STOPS = re.compile(r"[^\w\s'\u2019&.\-]|\b(?:of|for|at|in)\b", re.IGNORECASE)
_IGNORED_IN_NAMING = frozenset({"the", "and"})
_HONOURS = frozenset({"honors", "honours", "honor", "honour"})
_SCIENCE_AND_TECHNOLOGY = frozenset({"science", "sciences", "technology", "technologies", "applied", "sci", "tech"})
# The words a university's schools, colleges and institutes are named by: fields of study and the
# words around them (folded).
_FIELDS = frozenset(
    {
        "academic", "accounting", "acoustics", "administration", "advanced", "aeronautical", "aeronautics",
        "aerospace", "agricultural", "agriculture", "animal", "applied", "architecture", "art", "arts",
        "artificial", "astronautics", "astronomy", "atmospheric", "automation", "automotive", "basic",
        "big", "bioengineering", "bioinformatics", "biological", "biology", "biomedical", "biomedicine",
        "biotechnology", "business", "chemical", "chemistry", "civil", "clinical", "cognitive",
        "communication", "communications", "computation", "computational", "computer", "computing",
        "continuing", "control", "cyber", "cyberspace", "data", "dental", "design", "economic",
        "economics", "education", "electric", "electrical", "electromechanical", "electronic",
        "electronics", "energy", "engineering", "environment", "environmental", "finance", "fine",
        "food", "foreign", "forestry", "future", "genetics", "geography", "geology", "geophysics",
        "geosciences", "graduate", "health", "history", "humanities", "hydraulic", "industrial",
        "information", "informatics", "innovation", "instrument", "instrumentation", "integrated",
        "intelligence", "intelligent", "international", "joint", "journalism", "language", "languages",
        "law", "life", "literature",
        "management", "manufacturing", "marine", "materials", "mathematical", "mathematics", "mechanical",
        "mechanics", "mechatronic", "mechatronics", "media", "medical", "medicine", "metallurgy",
        "microelectronics", "mining", "music", "nano", "nanoscience", "nanotechnology", "natural",
        "network", "networks", "nuclear", "nursing", "ocean", "oceanography", "optical", "optics",
        "optoelectronic", "optoelectronics", "petroleum", "pharmaceutical", "pharmacy", "philosophy",
        "photonics", "physical", "physics", "polymer", "power", "precision", "public", "quantum",
        "research", "resources", "robotics", "science", "sciences", "security", "sino", "social", "software",
        "space", "sport", "sports", "statistics", "studies", "study", "systems", "technology",
        "technologies", "telecommunications", "textile", "transportation", "vehicle", "water",
        "sci", "tech", "eng", "engn", "inform", "informat", "comp", "elect", "electr", "mech", "mat",
        "med", "phys", "chem", "math", "biol", "mgmt", "econ",
    }
)  # fmt: skip


def _placed_in(
    country: str | None,
    label: str,
    hit: NameHit,
    text: str,
    resolved: Set[str],
    names: tuple[str, ...] = (),
    own_regions: frozenset[str] = frozenset(),
) -> str | _Elsewhere | None:
    """Does a name found in `text` place the author at `entry`? None where it does, a doubt where
    the record cannot say (always, where the entry gives no country), _ELSEWHERE where it places
    the author in another country.

    The country that counts is the one named in the name's own part of the string (`part_of`)
    or, where that names none, `resolved` (the OpenAlex institution's country_code). A name that
    names a place of the entry's country ("Harbin Institute of Technology"), or is written in
    Chinese characters, places itself; any other name may be shared by institutions elsewhere
    and, with no country in the record, is uncertain. An acronym never places itself, and even
    in the entry's country it counts only beside a place the entry's full name holds ("HIT,
    Harbin, China"): institutions in one country share acronyms too (USC is the University of
    South China and, in "USC-SJTU Institute, Shanghai, China", the University of Southern
    California)."""
    want = country.upper() if country else None
    said = printable(hit.matched)
    if want is None:
        # No country (a list entry with addresses in several, or none): the name alone cannot say
        # it is this institution and not a namesake elsewhere (Northeastern University, Boston).
        if hit.is_acronym:
            return f"the acronym “{said}” alone matched {label}, whose list entry gives no country to check it against"
        return (
            f"“{said}” matched {label}, whose list entry gives no country to check it against: an institution"
            " elsewhere may share the name"
        )
    places = places_in(text)
    begin, finish = part_of(text, places, hit.start, hit.end)
    around = [p for p in places if begin <= p.start and p.end <= finish and not hit.start <= p.start < hit.end]
    found = set(countries(around))
    # Provinces in Chinese characters, which `places_in` does not read (pinyin ones it does).
    chinese = want == "CN" and not text.isascii()
    chinese_places = _places_around(text, hit, begin, finish) if chinese else []
    provinces = named_provinces(chinese_places)
    if provinces:
        found.add("CN")
    found = found or set(resolved)
    if hit.traditional and want == "CN":
        # Written as Taiwan, Hong Kong and Macao write, whose institutions bear mainland names
        # (國防大學, 清華大學, 中山大學): only the PLA or a mainland province named in the name
        # (北京航空航天大學) or in its part of the text (國防大學，北京) places it; "China" does not (a
        # Taiwanese author may write "Taiwan, China" or "China"), nor a city's name, which Taiwan's
        # districts and Chinese words bear too (台北市中山區; 中山 is Sun Yat-sen's name). A mainland
        # province beside a place of Taiwan (廈門大學台灣研究院，福建; Kinmen is 福建省金門縣) is a doubt.
        mainland = _on_the_mainland(hit, provinces)
        if found <= {want}:
            if mainland:
                return None
            return (
                f"“{said}” is written in traditional characters, as Taiwan, Hong Kong and Macao write, and the"
                f" affiliation names no province of mainland {country_name(want)}{_only_cities(text, chinese_places)}:"
                " an institution there may share the name"
            )
        if mainland:
            return (
                f"“{said}” is written in traditional characters, and the affiliation names a province of mainland"
                f" {country_name(want)} and places it in {_countries(found - {want})} too"
            )
    self_placed = not hit.is_acronym and not hit.traditional and (hit.is_cjk or _places_itself(hit.name, want))
    named = found
    if found & own_regions:
        # Hong Kong, where the list's own address puts the entry: its country's place, with its
        # country too ("SenseTime, Hong Kong and Shanghai, China") no other place but its own,
        # and with another country a place elsewhere too ("..., Hong Kong and Taipei, Taiwan"),
        # as "..., Shanghai, China and Taipei, Taiwan" is: a doubt, never a name elsewhere.
        found = (found - own_regions) | {want}
    if found == {want}:
        if hit.is_acronym and not _named_beside(around, text, names):
            if not _full_names_place(names):
                return (
                    f"the acronym “{said}” alone matched {label}: {_AN_ACRONYM_COUNTS}, and {_NO_PLACE_IN_ITS_NAME}"
                    f" (other institutions in {country_name(want)} use the acronym too)"
                )
            return (
                f"the acronym “{said}” alone matched {label}: {_AN_ACRONYM_COUNTS}, and the affiliation, in"
                f" {country_name(want)}, names none (other institutions there use the acronym too)"
            )
        return None
    if want in found:
        return f"the affiliation places “{said}” in {_countries(named)} at once"
    if found and found <= _REGIONS_OF.get(want, frozenset()):
        # Hong Kong and Macao are China's, with institutions of their own: a listed mainland
        # university may have a campus there, and a Hong Kong name may stand in a mainland string
        # ("The Chinese University of Hong Kong, Shenzhen"). Neither a match nor a clearance.
        return f"the affiliation places “{said}” in {_countries(found)}, a region of {country_name(want)}"
    if found:
        if self_placed:
            return f"“{said}” names a place in {country_name(want)}, but {_placing(text, around, found)}"
        return _ELSEWHERE
    if self_placed:
        if hit.is_cjk and want == "CN" and (elsewhere := countries(places) & _SHARING_CHINESE_NAMES):
            # 台湾大学，台湾，国防大学: a Chinese name alone in its part, in a string that names
            # Taiwan, Hong Kong or Macao, whose institutions bear mainland names.
            return (
                f"“{said}” names no place in its part of the affiliation, which names {_countries(set(elsewhere))}"
                " elsewhere: an institution there may share the name"
            )
        return None
    if hit.is_acronym:
        if not _full_names_place(names):
            return (
                f"the acronym “{said}” alone matched {label}: {_AN_ACRONYM_COUNTS}, and {_NO_PLACE_IN_ITS_NAME},"
                " and the affiliation names no country (institutions elsewhere use the acronym too)"
            )
        return (
            f"the acronym “{said}” alone matched {label}: {_AN_ACRONYM_COUNTS}, and the affiliation names"
            " none, nor any country (institutions elsewhere use the acronym too)"
        )
    return (
        f"“{said}” does not itself place the institution in {country_name(want)}, and the affiliation names"
        f" no country: an institution outside {country_name(want)} may share the name"
    )


# The rule for an acronym, as a doubt says it: "HIT, BIT" names neither university for certain,
# nor does "HIT, BIT, China"; "HIT, Harbin; BIT, Beijing, China" names both.
_AN_ACRONYM_COUNTS = "an acronym counts only beside a place of the full name"
# Where the entry's full names hold no place but a country ("Commercial Aircraft Corporation of
# China"), no affiliation names one: the doubt says so rather than that the text names none.
_NO_PLACE_IN_ITS_NAME = "none of its full names holds a city or a province, so no place beside the acronym can be one"


def _full_names_place(names: tuple[str, ...]) -> bool:
    """Does one of the entry's full names (no acronym) hold a place other than a country?"""
    return any(not p.is_country for n in names if not is_acronym(n) for p in places_in(n))


_REGIONS_OF = {"CN": frozenset({"HK", "MO"})}


@lru_cache(maxsize=10_000)
def _own_regions(country: str | None, addresses: tuple[str, ...]) -> frozenset[str]:
    """The regions of the entry's country its own addresses are in: the CSL gives 82 entries of
    2023-11 the country CN and an address "..., Hong Kong, CN" (Sensetime Group Limited, China
    Mobile Limited), where a text placing the name in Hong Kong names the entry's own place."""
    regions = _REGIONS_OF.get(country.upper(), frozenset()) if country else frozenset()
    return frozenset(c for a in addresses if regions for c in countries(places_in(a)) if c in regions)


def _crimean_cities(entry: ListEntry) -> frozenset[str]:
    """The places the entry's addresses in Crimea name beside it (`names_crimea`), folded: "kerch"
    of "4 Tankistov Street, Kerch, Crimea, 98310, UA" (parts of letters only, of two words at most,
    Crimea's, countries' and streets' aside: "Ulitsa Mukhina" and "Mira str" of the film studio's
    and Massandra's addresses are streets of every Russian town, "Ulitsa Mukhina, Moscow" no
    place in Crimea). Empty for an entry of another country than UA or addressed elsewhere."""
    if (entry.country or "").upper() != "UA":
        return frozenset()
    parts = (p.strip() for a in entry.addresses if names_crimea(a) for p in a.split(","))
    return frozenset(
        p.casefold()
        for p in parts
        if _LETTERS_ONLY.fullmatch(p)
        and not names_crimea(p)
        and p.casefold() not in BY_NAME
        and p not in CODES
        and not _A_STREET_S_PART.search(p)
    )


_LETTERS_ONLY = re.compile(r"[^\W\d_]+(?:[ '-][^\W\d_]+)?")
# A street's word first or last in an address's part, in English or in Russian or Ukrainian
# transliterated: ulitsa and ul. (улица), vul. (вулиця), per. (переулок), pr. (проспект).
_A_STREET_S_PART = re.compile(
    r"^(?:ulitsa|ul|vul|per|pr|prospekt|pereulok)\b|\b(?:street|str|st|sq|square|avenue|lane|road)\.?$",
    re.IGNORECASE,
)


def _russia_where_its_crimea_is_named(entry: ListEntry, hit: NameHit, text: str) -> frozenset[str]:
    """{"RU"} where the list addresses the entry in Crimea (the CSL's Crimea sanctions, country UA)
    and the name's part of the text names Crimea or one of the entry's places there: since 2014
    its authors' affiliations write "Kerch, Russia" ("Sevastopol State University, Sevastopol,
    Russia"), Russia's name for the entry's own place, not another country. Empty otherwise."""
    if not (cities := _crimean_cities(entry)):
        return frozenset()
    begin, finish = part_of(text, places_in(text), hit.start, hit.end)
    part = f"{text[begin : hit.start]} {text[hit.end : finish]}"  # not its own words: "Yalta-Film, Moscow"
    named = names_crimea(part) or any(re.search(rf"\b{re.escape(c)}\b", part, re.IGNORECASE) for c in cities)
    return frozenset({"RU"}) if named else frozenset()


def _in_russia_its_crimea_unnamed(entry: ListEntry, hit: NameHit, text: str) -> bool:
    """Does the text place a name of an entry the list addresses in Crimea in Russia, naming
    neither Crimea nor its place there (`_russia_where_its_crimea_is_named`)? Not elsewhere then:
    the entry's own, perhaps, or another firm of Russia."""
    if not _crimean_cities(entry):
        return False
    places = places_in(text)
    begin, finish = part_of(text, places, hit.start, hit.end)
    return "RU" in countries([p for p in places if begin <= p.start and p.end <= finish])


_SHARING_CHINESE_NAMES = frozenset({"TW", "HK", "MO"})  # where institutions bear mainland names


def _place_right_after(text: str, hit: NameHit) -> frozenset[str]:
    """The provinces a place standing right after a name names, in brackets or after spaces
    alone, as a list names one of two institutions of one name ("... (Beijing)", "... Beijing")."""
    after = _RIGHT_AFTER.match(text, hit.end)
    if not after:
        return frozenset()
    return certain_provinces([p for p in provinces_in(text) if p.start == after.end()])


_RIGHT_AFTER = re.compile(r"[ \t\u00a0]*[(（【\[][ \t\u00a0]*|[ \t\u00a0]+")


def _places_around(text: str, hit: NameHit, begin: int, finish: int) -> list[ProvincePlace]:
    """The mainland provinces and cities the name's part of the text names, in pinyin or in
    either script, the name's own words left out. By their own names (`named_provinces`) they
    place it; a city's name (中国地质大学，武汉; `certain_provinces`) may be a district's elsewhere,
    so it only confirms the province a list names."""
    return [
        p for p in provinces_in(text) if begin <= p.start and p.end <= finish and not hit.start <= p.start < hit.end
    ]


def _only_cities(text: str, around: list[ProvincePlace]) -> str:
    """The mainland cities a traditional name's part names, which do not place it there
    (南京國際關係學院: Taipei's 南京東路 bears the name), said so a reader sees why they do not."""
    cities = list(dict.fromkeys(printable(text[p.start : p.end]) for p in around if not p.is_province))
    if not cities:
        return ""
    named = ", ".join(f"\u201c{c}\u201d" for c in cities)
    return f", only {'the city' if len(cities) == 1 else 'the cities'} {named}, and Taiwan's districts and roads bear mainland cities' names"


def _on_the_mainland(hit: NameHit, around: frozenset[str]) -> bool:
    """Is a name in traditional characters placed on the mainland: the PLA or a province named
    in it, or a province named beside it (`around`)?"""
    return bool(around) or "解放军" in hit.name or bool(named_provinces(provinces_in(hit.name)))


def _named_beside(around: list[Place], text: str, names: tuple[str, ...]) -> bool:
    """Does a place in the acronym's part of the string stand in one of the entry's full names?"""
    full = [f" {fold(n)} " for n in names if not is_acronym(n)]
    return any(f" {fold(text[p.start : p.end])} " in n for p in around if not p.is_country for n in full)


@lru_cache(maxsize=10_000)
def _places_itself(name: str, country: str) -> bool:
    return places_itself(name, country)


def _placing(text: str, around: Sequence[Place], found: set[str]) -> str:
    """What places an affiliation in another country, quoted: a reader can then see a place that
    is part of a name ("Sichuan University-Pittsburgh Institute") rather than where it stands."""
    # Only the places of the countries found: "China" beside "Hong Kong" counts as Hong Kong's.
    named = list(dict.fromkeys(printable(text[p.start : p.end]) for p in around if p.country in found))
    if not named:
        return f"the institution OpenAlex gives it is in {_countries(found)}"
    quoted = ", ".join(f"“{n}”" for n in named)
    return f"its part of the affiliation names {quoted}, in {_countries(found)}"


def _countries(codes: set[str]) -> str:
    return " and ".join(sorted(country_name(c) for c in codes))


def _affiliation(
    kind: Literal["subject_author", "listed_author"],
    a: Authorship,
    inst: Institution | None,
    method: Method,
    *,
    matched_text: str | None = None,
    entry: EntryRef | None = None,
    listed_before: bool | None = None,
    note: str | None = None,
    name: NameHit | None = None,
    doubt: str | None = None,
) -> AffiliationReason:
    return AffiliationReason(
        kind=kind,
        author=a.name,
        author_position=a.position + 1,
        institution=_institution_ref(inst.id, inst.name, inst.ror) if inst else None,
        method=method,
        matched_text=matched_text,
        matched_name=name.name if name else None,
        start=name.start if name else None,
        end=name.end if name else None,
        entry=entry,
        listed_before_publication=listed_before,
        note=note,
        doubt=doubt,
    )


# The same institution and the same list entry are cited on thousands of findings: one frozen
# model each, shared, keeps a large check's results a fraction of the size (same report bytes).
@lru_cache(maxsize=65_536)
def _institution_ref(id: str | None, name: str, ror: str | None) -> InstitutionRef:
    return InstitutionRef(id=id, name=name, ror=ror)


def listing_periods(entry: ListEntry) -> tuple[ListingPeriod, ...] | None:
    """A list entry's periods (`ListEntry.listings`) as a report gives them; None for an entry
    listed once, which the report gives as before."""
    if len(entry.listings) < 2:
        return None
    return tuple(ListingPeriod(from_=str(p.start), to=str(p.end) if p.end else None) for p in entry.listings)


def _entry_ref(hit: _EntryHit) -> EntryRef:
    """The entry as a finding cites it, made once per list entry: thousands of findings cite one.
    Keyed by the list's and the entry's identity, the value holding both so no other takes their ids."""
    key = (id(hit.reference_list), id(hit.entry))
    made = _ENTRY_REFS.get(key)
    if made is None or made[0] is not hit.reference_list or made[1] is not hit.entry:
        made = _ENTRY_REFS.keep(key, (hit.reference_list, hit.entry, _new_entry_ref(hit)))
    return made[2]


_ENTRY_REFS: Memo[tuple[int, int], tuple[ReferenceList, ListEntry, EntryRef]] = Memo(65_536)


def _new_entry_ref(hit: _EntryHit) -> EntryRef:
    e = hit.entry
    ref = EntryRef(
        list=hit.reference_list.id,
        list_name=hit.reference_list.name,
        id=e.id,
        name=e.name,
        listed_from=str(e.listed_from) if e.listed_from else None,
        listed_from_unread=e.listed_from_unread or None,
        listed_to=str(e.listed_to) if e.listed_to else None,
        listed_to_unread=(e.listed_to_unread or None) if e.listed_to is None else None,
        listings=listing_periods(e),
        citation=e.citation,
        verified=e.verified,
        line=e.line,
    )
    return _shared(ref)


@lru_cache(maxsize=65_536)
def _shared(ref: EntryRef) -> EntryRef:
    """The first of equal frozen models, for every one made after it."""
    return ref


# --- topics ---------------------------------------------------------------------------------


class TopicMatcher:
    """Where a topic's phrases stand in a work's title, keywords and abstract, and which of its
    OpenAlex topics the work carries; a phrase inside an excluded phrase does not count, and one
    beside a phrase of another sense (`other_sense`) shows the topic only perhaps."""

    def __init__(self, topic: Topic):
        self.topic = topic
        self.phrases = PhraseSet(topic.phrases)
        self.excluded = PhraseSet(topic.exclude_phrases)
        self.doubting = PhraseSet(topic.doubt_phrases)
        self.topic_ids = frozenset(topic.openalex_topics)
        # A text's matches and the excluded phrases holding them (`_found`), read by the reasons
        # and again by each doubt a work with no certain match is asked for: worked out once.
        self._founds: Memo[str, tuple[list[PhraseHit], list[PhraseHit]]] = Memo(256)
        # Whether an excluded phrase says what the match is of, in or for, or runs on from a match
        # with a word ("text-to-video retrieval"): `said_of_a_described_word`.
        self._excludes_of_a_word = any(
            _OF_A_WORD.search(x) or any(h.end < len(x) for h in self.phrases.find(x)) for x in self.excluded.phrases
        )
        # Whether the topic is of things a machine makes ("video generation", "speech synthesis"), so an
        # excluded sense beside a word of making may be made too: `made_by_a_machine`.
        self._of_made_things = any(_MAKING_AFTER.fullmatch(w) for p in topic.phrases for w in p.lower().split())
        # The word an excluded phrase runs on into past a match of the topic's, by the match's phrase
        # ("talking head": "news" of "talking head news segment"): `named_in_an_excluded_sense`.
        self._run_on_words = _run_on_words(self.phrases, self.excluded.phrases)
        # The phrases the topic excludes with "inspired" after them ("quantum computing inspired": a
        # classical algorithm borrowing the idea), so "inspired by" before one is that sense too.
        self._inspiring = {
            x.lower().removesuffix(" inspired"): x for x in topic.exclude_phrases if x.lower().endswith(" inspired")
        }

    def other_sense(self, work: Work) -> str | None:
        """Why the work's phrase matches may mean the topic's words in another sense: the first
        of its `doubt_phrases` the title, keywords or abstract hold, and where; None where none."""
        if not self.doubting.phrases:
            return None
        fields = [("title", work.title), *((f"keywords[{i}]", k) for i, k in enumerate(work.keywords))]
        for name, text in [*fields, ("abstract", work.abstract)]:
            if hits := self._doubt_hits(text):
                said = text[hits[0].start : hits[0].end]
                return (
                    f"its {name} also says \u201c{said}\u201d, where the words of {self.topic.name} may mean "
                    "something else (a doubt phrase of the topic)"
                )
        return None

    def _doubt_hits(self, text: str) -> list[PhraseHit]:
        """The doubt phrases `text` may hold, first first: in every reading a phrase of the topic
        is looked for in, certain or not (one of two a bare tag gives, across a dash, after a
        hyphen and a break, completing a word a hyphen leaves), since a doubt the text may hold leaves a match only perhaps the
        topic's: "pro<b>sopagnosia" may be "prosopagnosia"."""
        d = self.doubting
        hits = d.find(text) or (
            d.find_either_way(text)
            + d.find_across_dashes(text)
            + d.find_after_breaks(text)
            + d.find_suspended(text)
            + d.find_across_marks(text)
        )
        return sorted(hits, key=lambda h: (h.start, -h.end))

    def broken_reading(self, work: Work, abstract_words: Callable[[], frozenset[str]]) -> str | None:
        """Why a work none of whose text matches may still hold a phrase: one follows a hyphen and
        a break ("3D-\nface recognition"), where the word it begins on may end a word the hyphen
        broke at a line's end ("sur-\nface") as well as stand alone; None where none does."""
        for name, text in self._texts(work, abstract_words):
            # An excluded phrase may begin after the break too ("multi- face recognition ability").
            if (h := self._first_not_excluded(text, PhraseSet.find_after_breaks)) is not None:
                said = " ".join(text[_broken_word_start(text, h.start) : h.end].split())
                return (
                    f"its {name} says \u201c{said}\u201d, where \u201c{h.phrase}\u201d follows a hyphen and a break: "
                    "it may be the end of a word broken at a line's end, not the topic's phrase"
                )
        return None

    def dashed_reading(self, work: Work, abstract_words: Callable[[], frozenset[str]]) -> str | None:
        """Why a work none of whose text matches may still hold a phrase: its words are joined by
        an em dash with no space either side ("Facial\u2014recognition") or a dash between spaces
        ("Face \u2013 recognition"), which may stand for a hyphen or part two clauses; None where
        none is."""
        for name, text in self._texts(work, abstract_words):
            if (h := self._first_not_excluded(text, PhraseSet.find_across_dashes)) is not None:
                return (
                    f"its {name} says \u201c{text[h.start : h.end]}\u201d, where the words of \u201c{h.phrase}\u201d "
                    "are joined by a dash, which may part two clauses rather than join the words"
                )
        return None

    def marked_reading(self, work: Work, abstract_words: Callable[[], frozenset[str]]) -> str | None:
        """Why a work none of whose text matches may still hold a phrase: a quotation mark or a
        short bracketed aside stands between its words ('the "face" recognition task',
        "face (FR) recognition"), which may set the words apart or stand within the phrase; None
        where none does."""
        for name, text in self._texts(work, abstract_words):
            if (h := self._first_not_excluded(text, PhraseSet.find_across_marks)) is not None:
                return (
                    f"its {name} says \u201c{text[h.start : h.end]}\u201d, where a quotation mark, a bracket or a bracketed "
                    f"aside stands between the words of \u201c{h.phrase}\u201d, which may set them apart rather "
                    "than stand within the phrase"
                )
        return None

    def suspended_reading(self, work: Work, abstract_words: Callable[[], frozenset[str]]) -> str | None:
        """Why a work none of whose text matches may still hold a phrase: a hyphen (or a slash)
        leaves its first word for a later word to complete ("Face- and voice recognition",
        "Face/voice recognition"), so a reader takes the phrase as meant though the text does not
        write it; None where none does."""
        for name, text in self._texts(work, abstract_words):
            if (h := self._first_not_excluded(text, PhraseSet.find_suspended)) is not None:
                said = text[h.start : h.end]
                if (shared := _coordinated_after_a_shared_word(said)) is not None:
                    return (
                        f"its {name} says \u201c{said}\u201d, where \u201c{shared}\u201d, with no word repeated, may "
                        f"join two words both of the word before them: \u201c{h.phrase}\u201d may be meant, "
                        "though the words are not written so"
                    )
                return (
                    f"its {name} says \u201c{said}\u201d, where {_what_leaves_a_word(said)} leaves a word for a later "
                    f"one to complete: \u201c{h.phrase}\u201d may be meant, though the words are not written so"
                )
        return None

    def shared_past_exclusion(self, work: Work, abstract_words: Callable[[], frozenset[str]]) -> str | None:
        """Why a work whose every match an excluded phrase holds may still hold one: a hyphen or a
        slash leaves a word for the match to complete, and the excluded phrase stands only after
        it ("Human- and cattle face recognition", "Human/cattle face recognition": human face
        recognition, as a reader takes it, beside cattle face recognition); or the excluded phrase
        ends "of <word>" and a word coordinated with that one is in none ("Face recognition of
        pigs and humans"); None where none does ("Pig- and cattle face recognition", "Face
        recognition of pigs and cows")."""
        if not self.excluded.phrases:
            return None
        for name, text in self._texts(work, abstract_words):
            if (h := self._shared_past_exclusion(text)) is not None:
                said = text[h[0] : h[1]]
                return (
                    f"its {name} says \u201c{said}\u201d, where {_what_leaves_a_word(said)} leaves a word for "
                    f"\u201c{h[2]}\u201d to complete outside the phrase the topic excludes after it, as a reader "
                    "may take it"
                )
            if (said_of := self._said_of_a_word_coordinated(text)) is not None:
                begin, end, phrase, other = said_of
                return (
                    f"its {name} says \u201c{text[begin:end]}\u201d, where \u201c{phrase}\u201d stands in a phrase "
                    f"the topic excludes but may be said of \u201c{other}\u201d too, which it does not exclude"
                )
        return None

    def _said_of_a_word_coordinated(self, text: str) -> tuple[int, int, str, str] | None:
        """Where a match an excluded phrase ending "of <word>" holds as written is said of a word
        coordinated with that one too ("Face recognition of pigs and humans": face recognition of
        humans), in no excluded phrase so: the span from the excluded phrase to that word, the
        match's phrase and the word; None where none is ("... of pigs and cows"). An excluded
        phrase ending otherwise is left whole ("face recognition ability and performance": the
        words after it name more of what it excludes)."""
        hits = self._found(text)[0]
        excluded = self.excluded.find(text) if hits else []
        for x in excluded:
            if _OF_A_WORD.search(x.phrase) is None:
                continue  # "face recognition ability and performance": the psychologist's, as excluded
            last = _word_start(text, x.end)
            held = [h for h in hits if x.start <= h.start and h.end <= last]
            for word, end in _coordinated_after(text, x.end) if held else ():
                reading = text[x.start : last] + word  # the phrase said of the other word
                found, again = self.phrases.find(reading), self.excluded.find(reading)
                for h in held:
                    at = PhraseHit(h.phrase, h.start - x.start, h.end - x.start)
                    if at in found and not _within_any(at, again):
                        return x.start, end, h.phrase, word
        return None

    def _shared_past_exclusion(self, text: str) -> tuple[int, int, str] | None:
        """The span from the word a hyphen or a slash leaves to the end of a match, and the match's
        phrase, where the match lies in an excluded phrase as written but in none once that word
        is completed with it (`completed_readings`)."""
        hits = self._found(text)[0]
        if not hits:
            return None
        excluded = self.excluded.find(text)
        hidden = [h for h in hits if _within_any(h, excluded)]
        if not hidden:
            return None
        for completed, gaps in completed_readings(text, coordinated_before=self.phrases._phrase_words):
            again = self.excluded.find(completed)
            for h in hidden:
                if not _within_any(h, again) and (b := _cut_into_exclusion(gaps, h, excluded)) is not None:
                    return _word_start(text, b), h.end, h.phrase
        for h in hidden:  # "Human-cattle face recognition": human and cattle face recognition
            for x in excluded:
                if (
                    x.start <= h.start
                    and h.end <= x.end
                    and (people := _people_joined_before(text, x.start)) is not None
                ):
                    return people, h.end, h.phrase
        return None

    def perhaps_excluded(self, work: Work, abstract_words: Callable[[], frozenset[str]]) -> str | None:
        """Why a work none of whose text matches may still hold a phrase: a match lies inside an
        excluded phrase only where an em dash or a dash between spaces joins words ("Quantum
        computing\u2014inspired", "Cattle \u2013 face recognition", which may part two clauses), or where a word after a hyphen and a break is a word of its own
        ("multi-\ncattle face recognition", where it may end a broken word), or where a hyphen
        leaves a word for a later one to complete ("Face recognition- and identification ability":
        face recognition ability, perhaps meant), or where a quotation mark or a bracketed aside
        stands between its words ('a "quantum computing" inspired algorithm'); None where none
        does."""
        if not self.excluded.phrases:
            return None
        for name, text in self._texts(work, abstract_words):
            if (held := self._held_only_perhaps(text)) is None:
                continue
            h, x, how = held
            excluded = f"\u201c{h.phrase}\u201d stands in \u201c{x.phrase}\u201d, a phrase the topic excludes, only if"
            if how == "dash":
                return (
                    f"its {name} says \u201c{text[x.start : x.end]}\u201d, where {excluded} the dash joins the words "
                    "rather than parting two clauses"
                )
            if how == "marks":
                return (
                    f"its {name} says \u201c{text[x.start : x.end]}\u201d, where {excluded} the words a quotation "
                    "mark, a bracket or a bracketed aside stands between are read as one phrase"
                )
            if how == "suspended":
                said = text[x.start : x.end]
                if (shared := _coordinated_after_a_shared_word(said)) is not None:
                    return (
                        f"its {name} says \u201c{said}\u201d, where {excluded} \u201c{shared}\u201d, with no word "
                        "repeated, there joins two words both of the words before them, as a reader may take it"
                    )
                return (
                    f"its {name} says \u201c{said}\u201d, where {excluded} {_what_leaves_a_word(said)} there "
                    "leaves a word for a later one to complete, as a reader may take it"
                )
            said = " ".join(text[_broken_word_start(text, x.start) : x.end].split())
            return (
                f"its {name} says \u201c{said}\u201d, where {excluded} the word after the hyphen and the break is a "
                "word of its own, not the end of a word broken at a line's end"
            )
        return None

    def _held_only_perhaps(self, text: str) -> tuple[PhraseHit, PhraseHit, str] | None:
        """The first hit of the topic's phrases in `text` that no excluded phrase certainly holds
        but one found across a dash, after a hyphen and a break, completing a word a hyphen leaves
        or across a quotation mark or a bracketed aside does, with that excluded phrase and how it
        was found ("dash", "break", "suspended", "marks")."""
        hits = self._found(text)[0]
        if not hits:
            return None
        # Each excluded phrase found so, up to where it holds a match (`_suspended_parts`).
        maybe = [(x, x.end, "dash") for x in self.excluded.find_across_dashes(text)]
        maybe += [(x, x.end, "break") for x in self.excluded.find_after_breaks(text)]
        maybe += [(x, hyphen, "suspended") for x, hyphen in self.excluded.find_suspended_at(text)]
        maybe += [(x, x.end, "marks") for x in self.excluded.find_across_marks(text)]
        if not maybe:
            return None
        certain = self.excluded.find(text) + self.excluded.find_either_way(text)
        for h in hits:
            if not _within_any(h, certain):
                for x, holds_to, how in maybe:
                    if x.start <= h.start and h.end <= holds_to:
                        return h, x, how
        return None

    def tagged_reading(self, work: Work, abstract_words: Callable[[], frozenset[str]]) -> str | None:
        """Why a work none of whose text certainly matches may still hold a phrase: a bare tag no
        closing tag follows ("Sur<b>face", "a<b>c") may be markup or the text's own characters,
        and one reading alone holds the phrase, or holds it outside an excluded phrase the other
        reading holds ("text-to-video <b>retrieval"); None where none does."""
        for name, text in self._texts(work, abstract_words):
            if (held := self._held_by_one_reading(text)) is not None:
                h, x = held
                seen = (min(h.start, x.start), max(h.end, x.end)) if x else (h.start, h.end)
                if (scripted := _scripted_reading(name, text, seen, h, x)) is not None:
                    return scripted
                if (tokens := _tokens_reading(name, text, seen, h, x)) is not None:
                    return tokens
                tag = next(
                    (m for m in BARE_TAG_WRITTEN.finditer(text) if m.end() >= seen[0] and m.start() <= seen[1]), None
                )
                said = text[min(seen[0], tag.start()) : max(seen[1], tag.end())] if tag else text[seen[0] : seen[1]]
                other = (
                    f" (the other reads \u201c{text[x.start : x.end]}\u201d, a phrase the topic excludes)" if x else ""
                )
                return (
                    f"its {name} says \u201c{said}\u201d, where a tag never closed may be markup or the text's own "
                    f"characters (as in a comparison), and only one of the two readings holds \u201c{h.phrase}\u201d"
                    + other
                )
        return None

    def _held_by_one_reading(self, text: str) -> tuple[PhraseHit, PhraseHit | None] | None:
        """In a text that reads two ways (`works.reads_two_ways`), the first hit of the topic's
        phrases one reading gives and none of the excluded phrases that reading gives holds,
        with the excluded phrase the other reading gives that holds it (None where it has no
        such hit at all); None where no reading has such a hit. A hit both readings give that
        an excluded phrase of one reading hides is held by the other alone: "text-to-video
        <b>retrieval" as written holds "text-to-video", read as markup "text-to-video retrieval"."""
        if not reads_two_ways(text):
            return None
        hits = {literal: self.phrases.find_in_reading(text, literal=literal) for literal in (False, True)}
        excluded = {
            literal: self.excluded.find_in_reading(text, literal=literal) if hits[literal] else []
            for literal in (False, True)
        }
        for literal in (False, True):
            for h in hits[literal]:
                if _within_any(h, excluded[literal]):
                    continue
                return h, next((x for x in excluded[not literal] if x.start <= h.start and h.end <= x.end), None)
        return None

    def _first_not_excluded(self, text: str, read: Callable[[PhraseSet, str], list[PhraseHit]]) -> PhraseHit | None:
        """The first hit of the topic's phrases `read` finds in `text` (after a break, across a
        dash, in one reading of two) that no excluded phrase, found as it is or read the same
        way, holds."""
        hits = read(self.phrases, text)
        excluded = self.excluded.find(text) + read(self.excluded, text) if hits else []
        excluded = [
            x for x in excluded if not _in_a_compound_of_another_sense(text, x) and not _inspired_by_another(text, x)
        ]
        return next((h for h in hits if not any(x.start <= h.start and h.end <= x.end for x in excluded)), None)

    def reasons(self, work: Work, abstract_words: Callable[[], frozenset[str]]) -> list[PhraseReason]:
        out: list[PhraseReason] = []
        for name, text in self._texts(work, abstract_words):
            out += self._in_text(name, text)
        for tid in work.topic_ids:
            if tid in self.topic_ids:
                out.append(
                    PhraseReason(
                        topic=self.topic.id, method="openalex_topic", phrase=tid, field="openalex_topics", text=tid
                    )
                )
        return out

    def _texts(self, work: Work, abstract_words: Callable[[], frozenset[str]]) -> Iterator[tuple[str, str]]:
        """The work's texts a phrase may be in, by field: title, keywords, and the abstract where
        one is given (an OpenAlex inverted index rebuilt only where its words could match)."""
        yield "title", work.title
        yield from ((f"keywords[{i}]", k) for i, k in enumerate(work.keywords))
        if work.abstract_text is not None or (work.abstract_index and self.phrases.may_be_among(abstract_words())):
            yield "abstract", work.abstract

    def _found(self, text: str) -> tuple[list[PhraseHit], list[PhraseHit]]:
        """The topic's matches in `text` and, where it has any, the excluded phrases it holds in
        every reading that hides one (`_excluded_in`)."""
        found = self._founds.get(text)
        if found is None:
            hits = self.phrases.find(text)
            found = self._founds.keep(text, (hits, self._excluded_in(text) if hits else []))
        return found

    def _excluded_in(self, text: str) -> list[PhraseHit]:
        """The excluded phrases `text` holds, in every reading that hides a match: as written, in
        one reading of two, across a dash, after a hyphen and a break, completing a word a hyphen
        leaves, across a quotation mark or a bracketed aside; less those whose first word a word
        before it makes a compound of another sense ("Trojan horse face recognition": malware,
        not the horse "horse face recognition" means)."""
        if not self.excluded.phrases:
            return []
        found = (
            self.excluded.find(text)
            + self.excluded.find_either_way(text)
            + self.excluded.find_across_dashes(text)
            + self.excluded.find_after_breaks(text)
            + _suspended_parts(self.excluded, text)
            + self.excluded.find_across_marks(text)
        )
        return [x for x in found if not _in_a_compound_of_another_sense(text, x) and not _inspired_by_another(text, x)]

    def read_as_an_acronym(self, work: Work, abstract_words: Callable[[], frozenset[str]]) -> str | None:
        """Why a work whose every match an excluded phrase holds may still hold one: the excluded
        phrase's first word, or its last after "of", "in" or "for", is written in capitals where the
        text is not, so it may be an acronym rather than the word the topic excludes ("CAT face
        recognition", "the PANDA face recognition benchmark": PANDA is a dataset of people; "Face
        recognition of DOG features"); None where none is (`_word_in_capitals`)."""
        for name, text, _h, holding in self._held_hits(work, abstract_words):
            if word := _in_every(text, holding, _word_in_capitals):
                x = holding[0]
                return (
                    f"its {name} says \u201c{text[x.start : x.end]}\u201d, where \u201c{word}\u201d "
                    f"is written in capitals, perhaps an acronym rather than the word of \u201c{x.phrase}\u201d, "
                    "a phrase the topic excludes"
                )
        return None

    def _held_hits(
        self, work: Work, abstract_words: Callable[[], frozenset[str]]
    ) -> Iterator[tuple[str, str, PhraseHit, list[PhraseHit]]]:
        """Each match of the work's texts that an excluded phrase holds, with every excluded phrase
        holding it: what the doubts for a match the topic excludes in every reading look at."""
        if not self.excluded.phrases:
            return
        for name, text in self._texts(work, abstract_words):
            hits, excluded = self._found(text)
            for h in hits:
                if holding := [x for x in excluded if x.start <= h.start and h.end <= x.end]:
                    yield name, text, h, holding

    def _free_hits(self, texts: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str, PhraseHit]]:
        """Each match of `texts` (by field) that no excluded phrase holds, in order: what the doubts
        for a match certain as written look at."""
        for name, text in texts:
            hits, excluded = self._found(text)
            yield from ((name, text, h) for h in hits if not _within_any(h, excluded))

    def _first_held_beside(
        self,
        work: Work,
        abstract_words: Callable[[], frozenset[str]],
        beside: Callable[[str, PhraseHit], tuple[int, int] | None],
    ) -> tuple[str, str, PhraseHit, PhraseHit, tuple[int, int]] | None:
        """The first match an excluded phrase holds where `beside` finds a word by every excluded
        phrase holding it (`_in_every`), with the match, the first such phrase and that word's span;
        None where none is."""
        for name, text, h, holding in self._held_hits(work, abstract_words):
            if found := _in_every(text, holding, beside):
                return name, text, h, holding[0], found
        return None

    def read_as_a_modifier(self, work: Work, abstract_words: Callable[[], frozenset[str]]) -> str | None:
        """Why a work whose every match an excluded phrase ending "of <word>" or "in <word>" holds
        may still hold one: that word begins a compound ("Face recognition in animal-assisted
        therapy") or says whose a person's noun after it is ("Face recognition of dog owners": of
        people), not what the match is of; None where none does."""
        for name, text, h, holding in self._held_hits(work, abstract_words):
            if noun := _in_every(text, holding, _noun_after_an_excluded_word):
                x = holding[0]
                last = [w.group() for w in _A_WORD.finditer(text, x.start, x.end)][-1]  # not "<i>cattle"
                said = text[x.start : noun[1]]
                how = (
                    f"begin \u201c{text[_word_start(text, x.end) : noun[1]]}\u201d"
                    if text[x.end : x.end + 1] == "-"
                    else f"describe \u201c{noun[0]}\u201d"
                )
                return (
                    f"its {name} says \u201c{said}\u201d, where \u201c{last}\u201d may {how} rather than name "
                    f"what \u201c{h.phrase}\u201d is said of, as in \u201c{x.phrase}\u201d, a phrase the topic excludes"
                )
        return None

    def read_past_a_lost_character(self, work: Work, abstract_words: Callable[[], frozenset[str]]) -> str | None:
        """Why a work none of whose text matches may still hold a phrase: a replacement character
        (U+FFFD) stands where a character was lost, as a PDF's ligatures are ("face identi\ufffdcation",
        its "fi" lost), or a dotless "\u0131" where English writes "i" ("Face Recogn\u0131t\u0131on", as
        Turkish keyboards and lower-casing give it), or an underscore joining words as a program's
        name does ("the face_recognition library"), or a Cyrillic look-alike inside a word of Latin
        letters ("F\u0430cial": `_read_in_latin_letters`), and read so the text holds a match no excluded
        phrase holds; None where none does. Only in a text the DuckDB engine's prefilter lets
        through as written (`PhraseSet.might_match`), so that both engines read it."""
        for name, text in self._texts(work, abstract_words):
            held = [(lost, readings, why) for lost, readings, why in _CHARACTERS_READ_OTHERWISE if lost in text]
            mixed = not text.isascii() and _MIXED_WORD.search(text) is not None
            if not (held or mixed) or not self.phrases.might_match(text):  # asked once a text, whichever it holds
                continue
            if mixed and (why := self._read_in_latin_letters(name, text)) is not None:
                return why
            for lost, readings, why in held:
                for letters in readings:
                    reading, where = _with_lost_letters(text, lost, letters)
                    hits, excluded = self._found(reading)
                    for h in hits:
                        said = text[where(h.start) : where(h.end)]
                        if lost in said and not _within_any(h, excluded):
                            return (
                                f"its {name} says \u201c{said}\u201d, where \u201c{lost}\u201d stands for {why}: "
                                f"read as \u201c{letters}\u201d, it says \u201c{reading[h.start : h.end]}\u201d"
                            )
        return None

    def _read_in_latin_letters(self, name: str, text: str) -> str | None:
        """Why `text` (the work's field `name`) may hold a phrase: a word mixing Latin letters and
        look-alikes of another script ("Fаcial", its "а" Cyrillic, as a text typed in two scripts
        gives it: `LOOK_ALIKES`), read in Latin letters, makes a match no excluded phrase holds;
        None where none does. A word of that script alone is its own ("распознавание")."""
        reading = _MIXED_WORD.sub(
            lambda m: m.group().translate(LOOK_ALIKES) if _LATIN.search(m.group()) else m.group(), text
        )
        if reading == text:
            return None
        hits, excluded = self._found(reading)
        for h in hits:
            said = text[h.start : h.end]
            if said != reading[h.start : h.end] and not _within_any(h, excluded):
                others = list(dict.fromkeys(c for c in said if c.translate(LOOK_ALIKES) != c))
                looks = "looks like a Latin letter" if len(others) == 1 else "look like Latin letters"
                quoted = "\u201d, \u201c".join(others)
                return (
                    f"its {name} says \u201c{said}\u201d, where \u201c{quoted}\u201d, of another script, {looks}: "
                    f"read in Latin letters, it says \u201c{reading[h.start : h.end]}\u201d"
                )
        return None

    def excluded_past_a_lost_apostrophe(self, work: Work, abstract_words: Callable[[], frozenset[str]]) -> str | None:
        """Why a work whose every match is certain as written shows the topic only perhaps: each
        stands in a text holding a replacement character (U+FFFD) and, that character read as the
        apostrophe it most often stands for ("Dog\ufffds face recognition": a curly apostrophe
        lost), inside an excluded phrase holding it ("dog's face recognition"); None where a match
        is outside every such phrase."""
        first = None
        for name, text in self._texts(work, abstract_words):
            hits, excluded = self._found(text)
            free = [h for h in hits if not _within_any(h, excluded)]
            if not free:
                continue
            if _LOST_CHARACTER not in text:
                return None  # a match as written, no character lost near it
            reading = text.replace(_LOST_CHARACTER, "'")  # one character for one: the offsets hold
            _, excluded_read = self._found(reading)
            for h in free:
                held = [
                    x
                    for x in excluded_read
                    if x.start <= h.start and h.end <= x.end and _LOST_CHARACTER in text[x.start : x.end]
                ]
                if not held:
                    return None
                first = first or (name, text, reading, held[0])
        if first is None:
            return None
        name, text, reading, x = first
        return (
            f"its {name} says \u201c{text[x.start : x.end]}\u201d, where \u201c{_LOST_CHARACTER}\u201d may stand"
            f" for an apostrophe lost: read so, it says \u201c{reading[x.start : x.end]}\u201d, a phrase the topic"
            " excludes"
        )

    def said_of_a_machine(self, work: Work, abstract_words: Callable[[], frozenset[str]]) -> str | None:
        """Why a work whose every match an excluded phrase holds may still hold one: the excluded
        phrase is said of a machine ("the face recognition ability of deep neural networks", "the
        model's face recognition ability"), where the topic excludes it as a person's
        (`_MACHINES`); None where none is."""
        if (first := self._first_held_beside(work, abstract_words, _machine_said_of)) is None:
            return None
        name, text, _h, x, m = first
        said = text[min(x.start, m[0]) : max(x.end, m[1])]
        return (
            f"its {name} says \u201c{said}\u201d, where \u201c{x.phrase}\u201d, a phrase the topic "
            f"excludes as a person's, is said of \u201c{text[m[0] : m[1]]}\u201d, a machine's"
        )

    def made_by_a_machine(self, work: Work, abstract_words: Callable[[], frozenset[str]]) -> str | None:
        """Why a work whose every match an excluded phrase holds may still hold one: the topic is of
        things a machine makes, and a word of making stands right beside the excluded phrase
        ("Talking head news segment generation", "Generating talking head news segments": the
        television sense the topic excludes, made by a machine, is the topic's; `_making_beside`);
        None where none does."""
        if not self._of_made_things or (first := self._first_held_beside(work, abstract_words, _making_beside)) is None:
            return None
        name, text, h, x, making = first
        said = text[min(x.start, making[0]) : max(x.end, making[1])]
        return (
            f"its {name} says \u201c{said}\u201d, where \u201c{x.phrase}\u201d, a phrase the topic "
            f"excludes, stands beside \u201c{text[making[0] : making[1]]}\u201d, a word of making: it may "
            f"name a \u201c{h.phrase}\u201d a machine makes, the topic's"
        )

    def said_of_a_described_word(self, work: Work, abstract_words: Callable[[], frozenset[str]]) -> str | None:
        """Why a work whose every match is said of a word an excluded phrase ends in after "of",
        "in" or "for", up to three words describing it between ("Face recognition of dairy cows": the
        topic excludes "face recognition of cow"), or runs on into an excluded phrase's last word so
        ("Text-to-video cross-modal retrieval": "text-to-video retrieval"), shows the topic only
        perhaps: the words between may only say which of those is meant (`_described_after`,
        `_described_within`); None where a match is said of nothing so, or the topic excludes no
        phrase ending so."""
        if not self._excludes_of_a_word:
            return None
        first = None
        for name, text, h in self._free_hits(self._texts(work, abstract_words)):
            if (described := _described_after(self.excluded, text, h)) is None:
                return None  # a match said of no word the topic excludes: the topic's, as written
            first = first or (name, text, h, described)
        if first is None:
            return None
        name, text, h, (end, between, word, x, prep) = first
        said = text[h.start : end]
        if not prep:  # "text-to-video cross-modal retrieval": the words between may be the excluded phrase's
            return (
                f"its {name} says \u201c{said}\u201d, where \u201c{between}\u201d, between \u201c{h.phrase}\u201d and "
                f"\u201c{word}\u201d, may stand inside \u201c{x}\u201d, a phrase the topic excludes"
            )
        return (
            f"its {name} says \u201c{said}\u201d, where \u201c{between}\u201d may only say which \u201c{word}\u201d "
            f"\u201c{h.phrase}\u201d is said of, as in \u201c{x}\u201d, a phrase the topic excludes"
        )

    def named_as_background(self, work: Work, abstract_words: Callable[[], frozenset[str]]) -> str | None:
        """Why a work whose every match is certain as written shows the topic only perhaps: each
        match is named only to set the work apart from it ("Unlike face recognition, gait ...",
        `_set_apart_from`), or as the human sense beside a phrase the topic excludes that says whose
        the match is ("Despite the advancements in human face identification", beside "animal face
        identification": `_the_human_sense`, `_says_whose`; not in a title holding no such phrase:
        "Human face recognition based on ..." names the work's own), or as the means of telling an
        animal apart, said of which it is a phrase the topic excludes ("Identification of dairy cows
        via facial recognition": `_an_animal_s_before`, which says whose too), or as what inspired the
        work where the topic excludes its phrase with "inspired" after it ("A classical algorithm
        inspired by quantum computing": `_inspiring_after`), or is said of a word an
        excluded phrase ends in (`_described_after`); None where a match stands otherwise, or where every
        match is of the last kind alone (`said_of_a_described_word` says that)."""
        texts = list(self._texts(work, abstract_words))
        # A match that is the means of telling an animal apart ("Identification of dairy cows via
        # facial recognition") says whose faces the work's are, as an excluded phrase does.
        animals = {text: self._animals_before(text) for _, text in texts}
        whose = {text: _says_whose(*self._found(text)) or bool(animals[text]) for _, text in texts}
        titled: list[str | None] = []  # how the title says whose its matches are: read once, where asked
        first = None
        for name, text, h in self._free_hits(texts):
            if (
                why := _set_apart_from(text, h) or animals[text].get(h) or _inspiring_after(text, h, self._inspiring)
            ) is None and (any(whose.values()) and (name != "title" or whose[text])):
                # A title names what the work does: "Human face recognition based on ..." is its own,
                # whatever its abstract says of animals' faces, unless the title holds such an excluded phrase.
                why = _the_human_sense(text, h, self._found(text)[1])
            if why is None and name != "title":
                # The title says whose the work's matches are ("Cattle face recognition with deep
                # learning") and names none as its own: a bare match in its abstract or keywords ("We
                # train a face recognition network") is as likely that sense as the topic's.
                titled = titled or [self._whose_in_the_title(work.title, animals[work.title], whose[work.title])]
                if titled[0] is not None:
                    why = h.start, f"bare, the title naming it as {titled[0]}"
            if why is not None:
                first = first or (name, text, h, why)
            elif not self._excludes_of_a_word or _described_after(self.excluded, text, h) is None:
                return None  # a match named as the work's own
        if first is None:
            return None
        name, text, h, (begin, how) = first
        return f"its {name} says \u201c{text[begin : h.end]}\u201d, where \u201c{h.phrase}\u201d is named {how}"

    def _whose_in_the_title(self, title: str, animals: dict[PhraseHit, tuple[int, str]], whose: bool) -> str | None:
        """How a title says whose its matches are, where it does: an excluded phrase saying so
        (`_says_whose`: "\u201cCattle face recognition\u201d, a phrase the topic excludes"), a match
        named as the means of telling an animal apart, or every match said of a word an excluded
        phrase ends in ("\u201cface recognition of rhesus macaques\u201d, perhaps \u201cface
        recognition of macaque\u201d, ...": `_described_after`); None where it names a match otherwise."""
        if whose:
            if (phrase := _whose_phrase(*self._found(title))) is not None:
                return f"\u201c{title[phrase.start : phrase.end]}\u201d, a phrase the topic excludes"
            h, (begin, _) = next(iter(animals.items()))
            return f"\u201c{title[begin : h.end]}\u201d, the means of telling an animal apart"
        if not self._excludes_of_a_word:
            return None
        first = None
        for _, _, h in self._free_hits([("title", title)]):
            if (described := _described_after(self.excluded, title, h)) is None:
                return None  # a match of the title's own
            first = first or (h, described)
        if first is None:
            return None
        h, (end, _, _, x, _) = first
        return f"\u201c{title[h.start : end]}\u201d, perhaps \u201c{x}\u201d, a phrase the topic excludes"

    def perhaps_an_animal_s_bear(self, work: Work, abstract_words: Callable[[], frozenset[str]]) -> str | None:
        """Why a work whose every match is certain as written shows the topic only perhaps: each
        match stands in an excluded phrase beginning "bear", read as the verb after a word that does
        not make it surely one ("Towards bear face recognition": `_an_animal_s_bear_perhaps`); None
        where a match stands otherwise."""
        first = None
        for name, text, h in self._free_hits(self._texts(work, abstract_words)):
            holding = (x for x in self.excluded.find(text) if x.start <= h.start and h.end <= x.end)
            found = next(((x, w) for x in holding if (w := _an_animal_s_bear_perhaps(text, x)) is not None), None)
            if found is None:
                return None  # a match no animal's phrase would hold
            first = first or (name, text, found)
        if first is None:
            return None
        name, text, (x, word) = first
        bear = _first_word(text, x)
        return (
            f"its {name} says \u201c{word} {text[x.start : x.end]}\u201d, where \u201c{bear}\u201d after "
            f"\u201c{word}\u201d may be the animal rather than the verb, as in \u201c{x.phrase}\u201d, a phrase "
            "the topic excludes"
        )

    def named_in_an_excluded_sense(self, work: Work, abstract_words: Callable[[], frozenset[str]]) -> str | None:
        """Why a work whose every match is certain as written shows the topic only perhaps, where the
        topic is of things a machine makes: each match's sentence goes on to a word an excluded phrase
        runs on into past it and names no making ("Talking heads are commonly used in news
        reporting": television's sense of "talking head news segment", which nothing synthesises;
        `_an_excluded_sense_later`); None where a match stands otherwise."""
        if not self._of_made_things:
            return None
        texts = list(self._texts(work, abstract_words))
        first = None
        for name, text, h in self._free_hits(texts):
            if (sense := _an_excluded_sense_later(text, h, self._run_on_words.get(h.phrase, {}))) is None:
                return None  # a match its sentence names in no excluded sense, or beside a word of making
            first = first or (name, text, h, sense)
        # Sought last, since few works get this far: the pattern is long and the texts whole abstracts.
        if first is None or any(_WORDS_OF_MAKING.search(text) for _, text in texts):
            return None  # "... used in news broadcasting. We propose an audio-driven method": made, the work's own
        name, text, h, (end, word, x) = first
        return (
            f"its {name} says \u201c{text[h.start : end]}\u201d, where \u201c{word}\u201d, later in its sentence, "
            f"may give \u201c{h.phrase}\u201d the sense of \u201c{x}\u201d, a phrase the topic excludes, and the "
            "work names no making"
        )

    def _animals_before(self, text: str) -> dict[PhraseHit, tuple[int, str]]:
        """The matches of `text` named as the means of telling an animal apart, each with where the
        animal's word begins and how it is named (`_an_animal_s_before`); empty where none is."""
        if not self._excludes_of_a_word:
            return {}
        hits, excluded = self._found(text)
        found = ((h, _an_animal_s_before(self.excluded, text, h)) for h in hits if not _within_any(h, excluded))
        return {h: why for h, why in found if why is not None}

    def _in_text(self, field_name: str, text: str) -> list[PhraseReason]:
        # An excluded phrase one reading of two holds hides a match too (`PhraseSet.find_either_way`),
        # and so does one found across a dash, after a hyphen and a break, completing a word a
        # hyphen leaves or across a quotation mark or a bracketed aside (`perhaps_excluded`).
        hits, excluded = self._found(text)
        if not hits:
            return []
        out = []
        for h in hits:
            if any(x.start <= h.start and h.end <= x.end for x in excluded):
                continue
            before, after = _context(text, h.start, h.end)
            out.append(
                PhraseReason(
                    topic=self.topic.id,
                    method="phrase",
                    phrase=h.phrase,
                    field=field_name,
                    start=h.start,
                    end=h.end,
                    text=text[h.start : h.end],
                    context_before=before,
                    context_after=after,
                )
            )
        return out


def _scripted_reading(name: str, text: str, seen: tuple[int, int], h: PhraseHit, x: PhraseHit | None) -> str | None:
    """Why a hit one reading alone gives is a doubt where letters set as a subscript or a
    superscript lie within what it says (`works.letter_script_spans`): "fa$_{ce}$ recognition"
    holds "face recognition" only if "ce", set below "fa", is read as part of its word; None
    where no such script does."""
    scripts = [(b, e) for b, e in letter_script_spans(text) if b < seen[1] and e > seen[0]]
    if not scripts:
        return None
    said = text[min(seen[0], scripts[0][0]) : max(seen[1], scripts[-1][1])]
    other = f" (the other reads \u201c{text[x.start : x.end]}\u201d, a phrase the topic excludes)" if x else ""
    return (
        f"its {name} says \u201c{said}\u201d, where letters set as a subscript or a superscript may be read as "
        f"part of the word beside them or apart from it, and only one of the two readings holds \u201c{h.phrase}\u201d"
        + other
    )


def _tokens_reading(name: str, text: str, seen: tuple[int, int], h: PhraseHit, x: PhraseHit | None) -> str | None:
    """Why a hit one reading alone gives is a doubt where MathML's tokens stand side by side within
    or right before what it says (`works.mathml_tokens_side_by_side`): "<mml:mi>x</mml:mi><mml:mtext>
    face recognition</mml:mtext>" holds "face recognition" only if the two are read apart; None
    where no such tokens do."""
    near = [(b, e) for b, e in mathml_tokens_side_by_side(text) if b <= seen[1] and e >= seen[0] - 200]
    near = [(b, e) for b, e in near if not _TEXT_BETWEEN.search(text, e, seen[0]) or b >= seen[0]]
    if not near:
        return None
    start = near[0][0]
    while start > 0 and text[start - 1].isalnum():  # from the first token's letters: "x</mml:mi>..."
        start -= 1
    said = text[min(seen[0], start) : max(seen[1], near[-1][1])]
    other = f" (the other reads \u201c{text[x.start : x.end]}\u201d, a phrase the topic excludes)" if x else ""
    return (
        f"its {name} says \u201c{said}\u201d, where two MathML tokens stand side by side with no space between, "
        f"which may be read as one word or as two, and only one of the two readings holds \u201c{h.phrase}\u201d"
        + other
    )


_TEXT_BETWEEN = re.compile(r"[^\W_](?![^<>]*>)")  # a letter or digit outside a tag


def _what_leaves_a_word(said: str) -> str:
    """What leaves a word for a later one to complete in a suspended hit's text (`PhraseSet.
    find_suspended`): a slash where one comes before any hyphen ("Face/voice recognition") or
    after a compound of hyphens alone ("Text-to-video/video-to-text retrieval"), the
    conjunction where the first word is coordinated with no hyphen ("Face and voice recognition"),
    else a hyphen."""
    # As rendered: an entity or a tag may give a hyphen ("Face&#8211; and") or a conjunction
    # ("Face &amp; voice recognition"), and a closing tag holds no slash ("Face and<br/>voice").
    seen = without_markup(said) if any(c in said for c in "&<\\") else said
    slash, hyphen = _SLASH_AFTER_A_WORD.search(seen), seen.find("-")
    # A hyphen before the slash only within the compound it follows ("Text-to-video/video-to-text
    # retrieval") leaves no word: the slash does.
    if slash is not None and (
        hyphen < 0 or slash.start() < hyphen or not any(c.isspace() for c in seen[: slash.start()])
    ):
        return "a slash"
    m = _CONJUNCTION.search(seen)
    if m is not None and not seen[: m.start() + 1].rstrip(" \t,").endswith(tuple(_HYPHENS_SEEN)):
        # "Face and voice recognition", "Text-to-video & video-to-text retrieval": the hyphens
        # within a word leave none; one is read as leaving a word only right before the conjunction.
        return f"\u201c{m.group(1)}\u201d, with no hyphen,"
    if m is None and _COMMA_BETWEEN_COMPOUNDS.search(seen):
        return "a comma, with no conjunction,"  # "Text-to-video, video-to-text retrieval"
    return "a hyphen"


# A conjunction right before a hit's last word ("Face detection and recognition"): the words it
# joins share the word before them (`PhraseSet.find_suspended`), where one that leaves a word for a
# later one stands earlier ("Face and voice recognition").
_BEFORE_THE_LAST_WORD = re.compile(r"[ \t](and|or|&)[ \t]+[^\W_]+$", re.IGNORECASE)


def _coordinated_after_a_shared_word(said: str) -> str | None:
    """The conjunction in a suspended hit's text where it joins the words after a word they share
    ("Face detection and recognition": "and"); None where it does not ("Face and voice
    recognition")."""
    seen = without_markup(said) if any(c in said for c in "&<\\") else said
    m = _BEFORE_THE_LAST_WORD.search(seen.rstrip())
    return m.group(1) if m is not None else None


# The hyphens a rendered text may hold (`READ_AS_HYPHENS`).
_HYPHENS_SEEN = "-\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"
_CONJUNCTION = re.compile(r"[ \t,](and|or|&)[ \t]", re.IGNORECASE)
# A compound, or a hit's words from within one ("face, dog-face recognition" of "Human-face, ..."),
# a comma and a compound after it.
_COMMA_BETWEEN_COMPOUNDS = re.compile(r"(?:^|[^\W_]-)[^\W_]+[ \t]*,[ \t]*[^\W_]+-[^\W_]")


_SLASH_AFTER_A_WORD = re.compile(r"(?<=[^\W_])/")  # not a closing tag's ("face</i>- and")


def _suspended_parts(phrases: PhraseSet, text: str) -> list[PhraseHit]:
    """The hits a reader may take as meant where a hyphen leaves a word for a later one to
    complete (`PhraseSet.find_suspended_at`), each from its first word up to that hyphen: a match
    there is a part of the phrase; one after it stands in another compound, as written
    ("Cattle- and human face recognition": "human face recognition", not "cattle face
    recognition")."""
    return [PhraseHit(x.phrase, x.start, hyphen) for x, hyphen in phrases.find_suspended_at(text)]


# The words coordinated after an excluded phrase's last one, each in turn ("of pigs, cows and
# humans", "of pigs/humans"): a comma, a slash, "and", "or" or "&" before each, nothing else
# between (`TopicMatcher._said_of_a_word_coordinated`).
# An "&" may come escaped, as publishers' feeds write it ("of pigs &amp; humans").
# "versus", "vs." and "as well as" coordinate so too, and the preposition may come again ("of dogs
# and of humans", "of dogs versus humans": face recognition of humans, perhaps, as of dogs); but
# what they set beside an animal is as often a method or a clause ("of cattle versus RFID ear
# tags", "of pigs as well as behaviour analysis"), so only a word naming people is read after them.
_COORDINATED_AFTER = re.compile(
    r"(?:\s*,?\s+(?:and|or|(?P<compared>versus|vs\.?|as\s+well\s+as)|&(?:amp;|#0*38;|#[xX]0*26;)?)\s+"
    r"(?:(?:of|in|for)\s+)?|\s*,\s*|/)(?P<word>[^\W\d_]+)",
    re.IGNORECASE,
)


# An excluded phrase ending "of <word>", "in <word>" or "for <word>" says what the match is of, in
# or for; a word coordinated after that one may be said so too ("in cats and humans").
_OF_A_WORD = re.compile(r"\s(?:of|in|for)\s\S+$", re.IGNORECASE)


def _coordinated_after(text: str, at: int) -> Iterator[tuple[str, int]]:
    """The words coordinated one after another from `at` (`_COORDINATED_AFTER`), each with where
    it ends in `text`, in order, up to a word of grammar, which begins a clause or a phrase of
    other words ("of cattle and the results show", "of cattle and other animals") rather than
    naming a thing the match is of. Read as rendered (`_rendered_after`): "of pigs <i>and</i>
    humans" as "of pigs and humans"."""
    from spacy.lang.en.stop_words import STOP_WORDS

    seen, where = _rendered_after(text, at)
    k = 0
    while (m := _COORDINATED_AFTER.match(seen, k)) is not None:
        if m.group("word").lower() in _POSSESSIVES:  # "of dogs and their owners": the owners' faces
            m = _PERSONS_AFTER.match(seen, m.end())
            if m is None or _names_no_one(m.group("word").lower()):  # "and their computers": no one's
                return
        elif m.group("word").lower() in STOP_WORDS:
            return
        elif m.group("compared") is not None and not _names_people(m.group("word")):
            k = m.end()  # "of cattle versus RFID ear tags": a method compared, no one's face
            continue
        yield m.group("word"), where(m.end())
        k = m.end()


def _names_people(word: str) -> bool:
    """Whether `word` names people (`_PEOPLE`), or may, as a plural of one who does or is
    something ("owners", "scientists", "veterinarians"), no machine's or thing's (`_names_no_one`)."""
    w = word.lower()
    return w in _PEOPLE or (_PERSONS_PLURAL.fullmatch(w) is not None and not _names_no_one(w))


_PERSONS_PLURAL = re.compile(r"[^\W\d_]{2,}(?:ers|ists|ians)")


def _names_no_one(plural: str) -> bool:
    """Whether `plural` (in lower case), a plural in "-ers", "-ists" or "-ians" that may name
    people, names a machine (`_MACHINES`) or a thing or an animal (`_THINGS_IN_ERS`) instead."""
    return plural in _MACHINES or plural in _THINGS_IN_ERS


# Plurals in "-ers" (or "-ians") that name no one, which the papers on animals' faces write after
# the animal's word: the face's markers a dog's app reads ("Eight facial markers are used to
# identify dogs", Finding Rover, independent.co.uk, 2014), a network's filters, layers, encoders
# and parameters ("Haar-like filters", "sharpening filters", "deeper transformer layers", "the
# number of network parameters": real abstracts on face tracking, cattle muzzles, sheep and
# cattle faces), the groups, boxes and counts of their methods, and the animals and their parts
# (a heifer, a steer: cattle). A word that names people as well stays one that may ("members",
# of a herd or of a club; "feeders", cattle or the people feeding them; "trackers").
_THINGS_IN_ERS = frozenset(
    {"markers", "filters", "layers", "parameters", "encoders", "decoders", "clusters", "containers", "numbers"}
    | {"headers", "borders", "corners", "registers", "udders", "whiskers", "feathers", "heifers", "steers"}
    | {"gaussians", "laplacians", "hessians", "jacobians"}
)


# A possessive before a word coordinated after an excluded phrase's last word, and the plural
# naming people it may be the possessive of ("of dogs and their owners", "... and their handlers").
_POSSESSIVES = frozenset({"their", "its", "his", "her", "our"})
_PERSONS_AFTER = re.compile(
    r"[ \t\u00a0]+(?:human[ \t\u00a0]+)?(?P<word>[^\W\d_]{2,}(?:ers|ists|ians)|people|humans|children)(?![^\W\d_])"
)


# Words naming people that a hyphen may join to an animal's word before the word they share, as
# "and" would ("Human-cattle face recognition": human and cattle face recognition); any other
# word a hyphen joins so makes one compound ("beef-cattle", "multi-cattle").
_PEOPLE = frozenset(
    {"human", "humans", "person", "persons", "people", "man", "men", "woman", "women", "child", "children", "adult"}
    | {"adults", "infant", "infants"}
)


_HYPHENS_JOINING = "-" + READ_AS_HYPHENS  # "Human\u2013pig": an en dash joins two nouns so too


def _people_joined_before(text: str, at: int) -> int | None:
    """Where a word naming people (`_PEOPLE`) begins that a hyphen right before `at` joins to the
    word there, read as rendered ("<i>Human</i>-cattle", "Human&#8211;pig"); None where none does."""
    begin = max(0, at - 60)
    seen, origins = without_markup_spans(text[begin:at]) if "<" in text or "&" in text else (text[begin:at], None)
    seen = seen.rstrip()
    if len(seen) < 2 or seen[-1] not in _HYPHENS_JOINING:
        return None
    k = len(seen) - 1
    while k > 0 and seen[k - 1].isalpha():
        k -= 1
    edge = k == 0 or not (seen[k - 1].isalnum() or seen[k - 1] in _HYPHENS_JOINING)
    if not edge or (k == 0 and begin > 0) or seen[k:-1].lower() not in _PEOPLE:
        return None
    return begin + (k if origins is None else origins[k][0])


def _rendered_after(text: str, at: int, width: int = 200) -> tuple[str, Callable[[int], int]]:
    """The `width` characters of `text` from `at` as rendered, their tags and entities read ("</i>
    farmers" as " farmers", "&amp; humans" as "& humans"), and where in `text` an offset in them
    ends."""
    tail = text[at : at + width]
    if "<" not in tail and "&" not in tail:
        return tail, lambda k: at + k
    seen, origins = without_markup_spans(tail)
    if origins is None:
        return seen, lambda k: at + k
    spans = origins
    return seen, lambda k: at + (spans[k - 1][1] if k > 0 else 0)


def _cut_into_exclusion(gaps: list[tuple[int, int]], h: PhraseHit, excluded: list[PhraseHit]) -> int | None:
    """Where the words a completion spaces out begin, where they end inside an excluded phrase
    holding `h`, before it ("- and cattle" of "Human- and cattle face recognition"); None where
    no such words."""
    for b, e in gaps:
        if e <= h.start and any(x.start < e and x.start <= h.start and h.end <= x.end for x in excluded):
            return b
    return None


def _word_start(text: str, at: int) -> int:
    """Where the word (as written, markup and all) ending at `at` begins."""
    k = at
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    return k


# Words that before an excluded phrase's first word make it a compound of another sense: a
# Trojan horse is malware hidden in a program ("A Trojan horse face recognition backdoor"),
# not the horse "horse face recognition" excludes; Chaos Monkey is Netflix's tool that fails a
# service's servers at random to test it, no monkey ("Chaos Monkey face recognition").
_COMPOUNDS_OF_ANOTHER_SENSE = {"horse": frozenset({"trojan"}), "monkey": frozenset({"chaos"})}


def _first_word(text: str, x: PhraseHit) -> str:
    """The first word of excluded phrase `x` as `text` writes it, letters only."""
    m = _A_WORD.search(text, x.start, x.end)
    return m.group() if m else ""


def _inspired_by_another(text: str, x: PhraseHit) -> bool:
    """Whether excluded phrase `x` ends in "inspired" and "by" follows it ("Quantum computing
    inspired by biology"): the phrase's match is then what something else inspired, the topic's
    own, not the classical algorithm "quantum computing inspired" names (an agent after a
    participle, as English gives one); or a determiner follows it ("How a superconducting qubit
    inspired a new generation of sensors"): "inspired" is then a verb, its match what inspired
    another thing, which `_inspiring_after` doubts, as no compound adjective is followed so."""
    return x.phrase.lower().endswith("inspired") and (
        _BY_AN_AGENT.match(text, x.end) is not None or _A_DETERMINER_AFTER.match(text, x.end) is not None
    )


_BY_AN_AGENT = re.compile(r"[ \t\u00a0]+by\b", re.IGNORECASE)
# A determiner or an object pronoun right after "inspired": the verb's object ("... inspired a new
# generation", "... inspired the design of", "... inspired us"), never a noun the compound describes
# ("many-objective" after "quantum-inspired" is one, so no quantity word, and no hyphen after).
_A_DETERMINER_AFTER = re.compile(
    r"[ \t\u00a0]+(?:a|an|the|this|these|those|our|their|its|his|her|us|them)\b(?!-)", re.IGNORECASE
)


def _in_a_compound_of_another_sense(text: str, x: PhraseHit) -> bool:
    """Whether the word before excluded phrase `x` makes its first word a compound of another
    sense (`_COMPOUNDS_OF_ANOTHER_SENSE`), joined by white space or a hyphen ("Trojan-horse")."""
    return _a_compound_of_another_sense(text, _first_word(text, x), x.start)


def _a_compound_of_another_sense(text: str, word: str, at: int) -> bool:
    """Whether the word before `at`, where `word` is written, makes a compound of another sense
    with it (`_COMPOUNDS_OF_ANOTHER_SENSE`), joined by white space or a hyphen ("Trojan-horse"),
    or `word` is "bear" read as a verb (`_a_bear_as_a_verb`)."""
    before = _COMPOUNDS_OF_ANOTHER_SENSE.get(word.lower())
    if not before:
        return word.lower() in _BEAR and _a_bear_as_a_verb(text, at)
    m = _A_WORD_JOINED_BEFORE.search(text, max(0, at - 40), at)
    return m is not None and m.group(1).lower() in before


_BEAR = frozenset({"bear", "bears"})
# The words an animal's "bear" may follow in a title: a determiner, a preposition or a
# conjunction, or a bear's kind; after any other word "bear" may be the verb ("Such attacks bear
# face recognition costs", "Costs to bear face recognition", "It bears face recognition
# scrutiny"), whose object the match is, no animal's.
_BEFORE_AN_ANIMAL_S_BEAR = frozenset(
    {"a", "an", "the", "of", "for", "in", "on", "at", "with", "and", "or", "by", "from", "each", "every"}
    | {"brown", "grizzly", "black", "polar", "sun", "sloth", "spectacled", "moon", "asiatic", "andean"}
    | {"kodiak", "wild", "individual", "automated", "automatic"}
)


# The words after which "bear" is surely the verb: the infinitive's "to", a modal, a pronoun
# ("Costs to bear face recognition", "It bears ...", "Failures that bear ..."). After another word
# no animal's "bear" follows, either may be meant ("Towards bear face recognition", "Robust bear
# face recognition": the animal's, as BearID's titles are), so the match is a doubt
# (`TopicMatcher.perhaps_an_animal_s_bear`).
_BEFORE_A_VERB_S_BEAR = frozenset(
    {"to", "can", "cannot", "could", "may", "might", "must", "shall", "should", "will", "would", "not"}
    | {"i", "we", "you", "he", "she", "it", "they", "that", "which", "who", "also", "often"}
)


def _an_animal_s_bear_perhaps(text: str, x: PhraseHit) -> str | None:
    """The word before excluded phrase `x` where `x` begins "bear" read as the verb after it
    (`_a_bear_as_a_verb`) and that word does not make the verb sure (`_BEFORE_A_VERB_S_BEAR`): the
    animal's then too; None otherwise."""
    if _first_word(text, x).lower() not in _BEAR or not _a_bear_as_a_verb(text, x.start):
        return None
    m = _A_WORD_SPACED_BEFORE.search(text, max(0, x.start - 40), x.start)
    return None if m is None or m.group(1).lower() in _BEFORE_A_VERB_S_BEAR else m.group(1)


def _a_bear_as_a_verb(text: str, at: int) -> bool:
    """Whether "bear" written at `at` follows a word it may be the verb after, joined by white
    space (`_BEFORE_AN_ANIMAL_S_BEAR`); a title beginning with it, or a mark before it (":"), reads
    the animal."""
    m = _A_WORD_SPACED_BEFORE.search(text, max(0, at - 40), at)
    return m is not None and m.group(1).lower() not in _BEFORE_AN_ANIMAL_S_BEAR


_A_WORD_SPACED_BEFORE = re.compile(r"([^\W\d_]+)[ \t\u00a0]+$")


_A_WORD_JOINED_BEFORE = re.compile(r"([^\W\d_]+)[\s\-]+$")


# What after an excluded phrase's last word makes that word describe another: a hyphen beginning a
# compound ("animal-assisted", "dog-friendly"), a plural naming people by what they do or are
# ("owners", "farmers", "handlers", "lovers", "scientists", "veterinarians"), whose the word may say,
# or a place people work at or visit, which it may say what kind of ("Face recognition in cattle
# markets", "... in pig farms": of the people there, perhaps, as of the animals).
_NOUN_AFTER = re.compile(
    r"(?:-(?P<compound>[^\W\d_]+)|[ \t\u00a0]+(?P<person>[^\W\d_]{2,}(?:ers|ists|ians)"
    r"|(?:farm|market|shelter|park|clinic|hospital)s?))(?![^\W\d_])",
    re.IGNORECASE,
)


def _noun_after_an_excluded_word(text: str, x: PhraseHit) -> tuple[str, int] | None:
    """Where excluded phrase `x` ends "of <word>", "in <word>" or "for <word>" and a compound, a
    person's noun or a place's follows that word in `text` (`_NOUN_AFTER`), that noun and where
    it ends; else None."""
    if _OF_A_WORD.search(x.phrase) is None:
        return None
    seen, where = _rendered_after(text, x.end)  # "of cattle <i>farmers</i>" as "of cattle farmers"
    from spacy.lang.en.stop_words import STOP_WORDS

    if (mark := _POSSESSIVE_MARK.match(seen)) is not None:  # "of cows' owners": the owners' faces
        seen, where = seen[mark.end() :], _shifted(where, mark.end())
    m = _NOUN_AFTER.match(seen)
    if m is None or (m.group("person") and _names_no_one(m.group("person").lower())):
        return _persons_after_words(seen, where, STOP_WORDS)  # "of dog markers": no one's, nor after
    noun = m.group("compound") or m.group("person")
    return None if noun.lower() in STOP_WORDS else (noun, where(m.end()))  # "of cattle others" is no one's


def _shifted(where: Callable[[int], int], by: int) -> Callable[[int], int]:
    """`where` for a text read from `by` characters on."""
    return lambda k: where(k + by)


# A plural naming people up to two words after an excluded phrase's last word, the words between
# naming what the people do or where ("Face recognition of horse racing spectators", "... of sheep
# shearing contest competitors": people, perhaps, whose the animal's word says). Words in "-ors" name things as
# often ("detectors", "descriptors"), so only those naming people.
_PEOPLE_IN_ORS = (
    "spectators|visitors|operators|investors|inspectors|doctors|donors|sponsors|instructors|supervisors|"
    "competitors|bettors|actors|authors|tutors|mentors|survivors|vendors|sailors|janitors"
)
_PERSONS_PAST_WORDS = re.compile(
    r"(?P<between>(?:[ \t\u00a0]+[^\W\d_]+){1,2}?)[ \t\u00a0]+"
    rf"(?P<person>[^\W\d_]{{2,}}(?:ers|ists|ians)|{_PEOPLE_IN_ORS})(?![^\W\d_])",
    re.IGNORECASE,
)


def _persons_after_words(seen: str, where: Callable[[int], int], stop_words: Set[str]) -> tuple[str, int] | None:
    """The words from after an excluded phrase's last word to a plural naming people
    (`_PERSONS_PAST_WORDS`) in `seen`, and where they end, where no word between is a word of
    grammar ("of cattle using CNN classifiers") or a participle and the plural is no machine's."""
    m = _PERSONS_PAST_WORDS.match(seen)
    if m is None or _names_no_one(m.group("person").lower()):
        return None
    between = m.group("between").split()
    if any(_a_word_of_grammar(w.lower(), stop_words) or (w.lower().endswith("ed") and len(w) > 4) for w in between):
        return None
    return " ".join([*between, m.group("person")]), where(m.end())


# "of", "in" or "for" right after a match and the two to five words after it, white space alone
# between ("Face recognition of dairy cows", "... of Chinese Holstein dairy cows"), each word's end
# kept. A count among the words ("of 12 dairy cows", "of 1,200 cows") only says how many, as "two"
# does: read through, it is not one of the up to three words that may describe the animal's word. A word
# whose digits its letters follow ("of 3D dairy cows", "of 2-year-old cows") is a describing word.
_COUNT = r"\d+(?:,\d{3})*(?:\.\d+)?(?![\d,.]*[^\W\d_])"
_DESCRIBING_WORD = r"(?:\d+-?)?[^\W\d_]+(?:-[^\W\d_]+)*"
_PREPOSITION_AND_WORDS = re.compile(
    r"[ \t\u00a0]+(?P<prep>of|in|for)"
    rf"(?P<words>(?:[ \t\u00a0]+(?:{_DESCRIBING_WORD}|{_COUNT})){{2,5}})(?![^\W\d_-])",
    re.IGNORECASE,
)
_WORD = re.compile(rf"{_DESCRIBING_WORD}|(?P<count>{_COUNT})")
# The two to six words right after a match, white space alone between, where an excluded phrase
# runs on from the match with a word ("Text-to-video cross-modal retrieval": "text-to-video
# retrieval"), a word of digits and letters among them ("Text-to-video 3D retrieval").
_WORDS_RIGHT_AFTER = re.compile(rf"(?P<words>(?:[ \t\u00a0]+{_DESCRIBING_WORD}){{2,6}})(?![^\W\d_-])")
# The replacement character: where a work certainly matches as written, it may stand for a curly
# apostrophe lost, as "\u2019" is where a title is decoded with the wrong code page ("Arrow?s
# Impossibility Theorem" for "Arrow\u2019s", davidagraf/doi2bib2#78), inside an excluded phrase.
_LOST_CHARACTER = "\ufffd"
# Characters that stand for others a phrase writes, the letters each is read as, and why: the
# replacement character where a character was lost ("identi\ufffdcation": the "fi" ligature of a
# PDF, as Crossref's records and extracted abstracts give it, CrossRef/rest-api-doc#67), read as
# the letters of the ligatures U+FB00 to U+FB04; a dotless "\u0131" where English writes "i"
# ("Face Detect\u0131on Methods in Face Recogn\u0131t\u0131on", a DergiPark title of 2024, as Turkish
# keyboards and lower-casing give it).
_CHARACTERS_READ_OTHERWISE = (
    (_LOST_CHARACTER, ("fi", "fl", "ff", "ffi", "ffl"), "a character lost, as a PDF's ligatures are"),
    ("\u0131", ("i",), "an \u201ci\u201d, as Turkish keyboards write it"),
    # A program's name joins its words so ("the face_recognition library", github.com/ageitgey/face_recognition).
    ("_", (" ",), "a space, as a program's name joins its words"),
)


# A word holding a Cyrillic letter, any: `_read_in_latin_letters` reads only one holding a Latin
# letter too (`_LATIN`), and in it only the letters that look like Latin ones (`LOOK_ALIKES`).
_MIXED_WORD = re.compile(r"[^\W\d_]*[\u0400-\u04ff][^\W\d_]*")
_LATIN = re.compile(r"[A-Za-z]")


def _with_lost_letters(text: str, lost: str, letters: str) -> tuple[str, Callable[[int], int]]:
    """`text` with every `lost` character read as `letters`, and where in `text` an offset
    in the reading stands: a lost character's first letter at its place, its others just after it,
    so a span beginning or ending among them holds it whole."""
    reading = text.replace(lost, letters)
    places = [i for i, c in enumerate(text) if c == lost]
    grown = len(letters) - 1
    # The reading's offset of each lost character's letters, in order.
    starts = [at + k * grown for k, at in enumerate(places)]

    def where(k: int) -> int:
        n = bisect.bisect_right(starts, k)  # lost characters at or before `k` in the reading
        if n and k < starts[n - 1] + len(letters):
            return places[n - 1] + (1 if k > starts[n - 1] else 0)
        return k - n * grown

    return reading, where


# Words of grammar that before an animal's word only say which animals ("of the cattle", "of these
# dogs", "of many pigs"); any other joins or parts words ("of people and cattle": people's faces).
_DETERMINERS = frozenset(
    {"the", "a", "an", "these", "those", "this", "that", "its", "their", "our", "many", "several", "some"}
    | {"all", "each", "every", "other", "various", "different", "individual", "two", "three", "multiple"}
)


def _described_after(excluded: PhraseSet, text: str, h: PhraseHit) -> tuple[int, str, str, str, str] | None:
    """Where match `h` is followed by "of", "in" or "for", one to three words (and any counts: "of
    12 dairy cows") and a word an excluded phrase said of the match ends in, read as rendered
    (`_rendered_after`): where that word ends, the words between, the word, the excluded phrase
    and the preposition; None where no such words follow, where a word
    between names people or is a word of grammar other than a determiner ("of people and
    cattle"), where the word describes people after it (`_describes_people`: "of elderly dog
    owners"), or where the word is written in capitals and the words before it are not, perhaps an
    acronym ("of the DOG dataset"; "FACE RECOGNITION OF DAIRY COWS" is read)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    seen, where = _rendered_after(text, h.end, 100)
    if (m := _PREPOSITION_AND_WORDS.match(seen)) is None:
        return _described_within(excluded, text, h, seen, where)
    prep = m.group("prep")
    words = [w for w in _WORD.finditer(seen, m.start("words"), m.end("words")) if not w.group("count")]
    said = text[h.start : h.end]
    for n in (0, 1, 2, 3):  # "of 12 cows", "of dairy cows", "of Bos taurus cattle", "of Chinese Holstein dairy cows"
        if n >= len(words):
            break
        if n and _a_word_naming_people_or_joining(words[n - 1].group().lower(), STOP_WORDS):
            return None
        if not (between := seen[m.start("words") : words[n].start()].split()):
            continue  # "of cows": the excluded phrase as written, if any
        word = words[n].group()
        others = f"{said} {prep} " + " ".join(between)
        if word.isupper() and len(word) > 1 and any(c.islower() for c in others):
            continue  # perhaps an acronym, where the words before it are not in capitals too
        reading = f"{said} {prep} {word}"
        if held := [x for x in excluded.find(reading) if x.start == 0 and x.end == len(reading)]:
            if _describes_people(seen[words[n].end() :], STOP_WORDS):
                return None  # "of elderly dog owners": the owners' faces, as written
            return where(words[n].end()), " ".join(between), word, held[0].phrase, prep
    return None


def _described_within(
    excluded: PhraseSet, text: str, h: PhraseHit, seen: str, where: Callable[[int], int]
) -> tuple[int, str, str, str, str] | None:
    """Where match `h` runs on, white space alone between, into an excluded phrase's words but its
    last, then one to three words and its last word ("Text-to-video cross-modal retrieval" against
    "text-to-video retrieval", "Text-to-video and video-to-text cross-modal retrieval" against
    "text-to-video and video-to-text retrieval"): as `_described_after`, no preposition given.
    None where a word between is a word of grammar ("text-to-video generation for retrieval"),
    names people or a machine ("face recognition system ability": a machine's, where the topic
    excludes a person's faculty), or is a word of making ("text-to-video synthesis boosts retrieval")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    if (m := _WORDS_RIGHT_AFTER.match(seen)) is None:
        return None
    words = list(_WORD.finditer(seen, m.start("words"), m.end("words")))
    said = text[h.start : h.end]
    for last in range(1, len(words)):
        for n in (1, 2, 3):  # the words between: "cross-modal", "partially relevant", "partially relevant video"
            if n > last or _parts_a_run_on(words[last - n].group().lower(), STOP_WORDS):
                break
            word = words[last].group()
            reading = " ".join([said, *(w.group() for w in words[: last - n]), word])
            if held := [x for x in excluded.find(reading) if x.start == 0 and x.end == len(reading)]:
                between = " ".join(w.group() for w in words[last - n : last])
                return where(words[last].end()), between, word, held[0].phrase, ""
    return None


def _parts_a_run_on(word: str, stop_words: Set[str]) -> bool:
    """Whether `word`, between a match and the last word of an excluded phrase it runs on into,
    parts them: a word of grammar, one naming people or a machine (`_described_within`), or a word
    of making ("Text-to-video generation improves retrieval": a generator's, the topic's own)."""
    return (
        word in stop_words
        or word in _MACHINES
        or word in _WHAT_MODELS_DO
        or _names_people(word)
        or _MAKING_AFTER.fullmatch(word) is not None
        or _MAKING_BEFORE.fullmatch(word) is not None
    )


# Words of machine learning that, before a faculty's word an excluded phrase ends in ("Face
# recognition generalization ability", "... representation ability"), make a compound of their own
# that says whose the faculty is: a model's, not a person's the topic excludes ("powerful
# generalization skills", as DeepVisage's title says of its network, arXiv 1703.08388).
_WHAT_MODELS_DO = frozenset(
    {"generalization", "generalisation", "representation", "representational", "transferability", "extrapolation"}
)


_POSSESSIVE_MARK = re.compile("['\u2019]s?(?=[ \t\u00a0])")


def _describes_people(after: str, stop_words: Set[str]) -> bool:
    """Whether the word an animal's word describes, right after it or a word or two on (`after`, as
    rendered), is a plural naming people ("of elderly dog owners", "of young horse racing
    spectators", "of dairy cows' owners"): the match is said of them, not of the animals the words
    between describe; or one of them right after it ("of the dog owner", "of a cattle farmer")."""
    after = after[m.end() :] if (m := _POSSESSIVE_MARK.match(after)) else after
    m = _NOUN_AFTER.match(after)
    if m is not None and m.group("person") and _names_people(m.group("person")):
        return True
    if (one := _ONE_PERSON_AFTER.match(after)) is not None:
        w = one.group("person").lower()
        if w not in stop_words and _names_people(w + "s"):
            return True
    return _persons_after_words(after, lambda k: k, stop_words) is not None


# One who does or is something, right after an animal's word ("of the dog owner", "of a cattle
# farmer"), read as people where its plural would be (`_names_people`: "owners", not "markers").
_ONE_PERSON_AFTER = re.compile(r"[ \t\u00a0]+(?P<person>[^\W\d_]{2,}(?:er|ist|ian))(?![^\W\d_])", re.IGNORECASE)


def _a_word_naming_people_or_joining(word: str, stop_words: Set[str]) -> bool:
    """Whether `word`, between a match's "of" and an animal's word, names people or is a word of
    grammar other than a determiner (`_DETERMINERS`): what parts the animal from the match."""
    return _names_people(word) or (word in stop_words and word not in _DETERMINERS)


def _a_word_of_grammar(word: str, stop_words: Set[str]) -> bool:
    """Whether `word`, between an animal's word and a plural naming people, is a word of grammar:
    one of `stop_words` but "show", there the event people go to ("of dog show visitors")."""
    return word in stop_words and word not in _SHOWS


# A word spaCy counts among the words of grammar (it may be the verb) that between an animal's word
# and a plural naming people is the event they go to: a dog show, a horse show, a cattle show.
_SHOWS = frozenset({"show"})


# Words naming machines a faculty may be said of ("the face recognition ability of deep neural
# networks"): a topic excluding a person's faculty ("face recognition ability") does not exclude a
# machine's (`TopicMatcher.said_of_a_machine`).
_MACHINES = frozenset(
    {
        "model",
        "models",
        "network",
        "networks",
        "system",
        "systems",
        "algorithm",
        "algorithms",
        "method",
        "methods",
        "machine",
        "machines",
        "computer",
        "computers",
        "cnn",
        "cnns",
        "dnn",
        "dnns",
        "classifier",
        "classifiers",
        "robot",
        "robots",
        "transformer",
        "transformers",
        "ai",
        "framework",
        "frameworks",
        "architecture",
        "architectures",
        # Language models, large and multimodal, and vision-language models, by their acronyms
        # ("MLLMs for face recognition", FaceRecBench, https://www.idiap.ch/paper/facerecbench).
        "llm",
        "llms",
        "mllm",
        "mllms",
        "vlm",
        "vlms",
    }
)
# The words naming a faculty an excluded phrase may end in ("face recognition ability").
_FACULTIES = frozenset({"ability", "abilities", "skill", "skills", "capability", "capabilities"})
# "of" and up to five words after it, the machine's among them ("of the deep neural networks").
# A word may be words hyphens join ("of vision-language models").
_OF_WORDS = re.compile(
    r"[ \t]+of[ \t]+(?P<words>[^\W_]+(?:-[^\W_]+)*(?:[ \t]+[^\W_]+(?:-[^\W_]+)*){0,4})", re.IGNORECASE
)
# A machine's possessive just before ("the model's", "networks'").
_A_MACHINE_S = re.compile(r"(?P<machine>[^\W_]+)['\u2019]s?[ \t]+$", re.IGNORECASE)


def _machine_said_of(text: str, x: PhraseHit) -> tuple[int, int] | None:
    """Where the machine excluded phrase `x` is said of stands in `text` (`_MACHINES`, in the five
    words after "of" up to a word of grammar or a participle, not a body's system, or a
    possessive just before it), where `x` names a faculty (`_FACULTIES`); None where none is."""
    if x.phrase.rsplit(" ", 1)[-1].lower() not in _FACULTIES:
        return None  # "quantum computing inspired", "text-to-video retrieval": no one's faculty
    if (of := _OF_WORDS.match(text, x.end)) is not None:
        from spacy.lang.en.stop_words import STOP_WORDS

        before = ""
        for w in _HYPHENED_WORD.finditer(text, of.start("words"), of.end("words")):
            word = w.group().lower()  # "text-to-image" whole: its "to" is no word of grammar here
            if word in _MACHINES:
                return None if before in _BODILY and word.startswith("system") else w.span()
            if (word in STOP_WORDS and word not in _WITHIN_A_NOUN_PHRASE) or (word.endswith("ed") and len(word) > 4):
                break  # "of participants measured by a computer", "of children using a computer": of people
            before = word
    m = _A_MACHINE_S.search(text, max(0, x.start - 40), x.start)
    if m is not None and m.group("machine").lower() in _MACHINES:
        return m.span("machine")
    return None


_HYPHENED_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")

# The words of a machine's making: a noun right after an excluded phrase ("talking head interview
# synthesis"), a participle or adjective right before one, or ending a word hyphens join there
# ("Generating talking head news segments", "AI-generated talking head interviews"). Not a verb
# after, which may be the sentence's ("growth in synthetic media generated higher yields").
_MAKING_AFTER = re.compile(r"generation|generations|generator|generators|synthesis|synthesizer|synthesiser")
_MAKING_BEFORE = re.compile(
    r"generating|generated|synthesizing|synthesising|synthesized|synthesised|synthetic|diffusion", re.IGNORECASE
)
# Named for the phrase they stand beside: the names' `_WORD_BEFORE` above is another pattern, which
# a second assignment of that name here replaced for every name ("West\u00a0Anhui University").
_A_WORD_AFTER_THE_PHRASE = re.compile(r"[ \t]+([^\W_]+)")
_A_WORD_BEFORE_THE_PHRASE = re.compile(r"(?:[^\W_]+-)*([^\W_]+)[ \t]+$")


def _making_beside(text: str, x: PhraseHit) -> tuple[int, int] | None:
    """Where a word of making stands right beside excluded phrase `x` (`_MAKING_AFTER` after it,
    `_MAKING_BEFORE` before it), its span; None where none does."""
    after = _A_WORD_AFTER_THE_PHRASE.match(text, x.end)
    if after is not None and _MAKING_AFTER.fullmatch(after.group(1).lower()):
        return after.span(1)
    before = _A_WORD_BEFORE_THE_PHRASE.search(text, max(0, x.start - 40), x.start)
    if before is not None and before.end() == x.start and _MAKING_BEFORE.fullmatch(before.group(1)):
        return before.span(1)
    return None


# Words of grammar that may stand inside the words a faculty is said of ("of the deep networks",
# "of humans and machines"); any other, or a participle, ends them.
_WITHIN_A_NOUN_PHRASE = frozenset({"the", "a", "an", "its", "their", "our", "these", "those", "this", "and", "or"})
# Words before "system" naming a body's, not a machine's ("the human visual system").
_BODILY = frozenset(
    {"visual", "nervous", "perceptual", "cognitive", "sensory", "neural", "immune", "auditory", "motor", "limbic"}
)


_T = TypeVar("_T")


def _in_every(text: str, holding: list[PhraseHit], reading: Callable[[str, PhraseHit], _T | None]) -> _T | None:
    """The first excluded phrase's reading where every one holding a match reads so, else None:
    a doubt needs each reading that hides the match undone."""
    readings = [reading(text, x) for x in holding]
    return readings[0] if all(readings) else None


def _word_in_capitals(text: str, x: PhraseHit) -> str | None:
    """The word of excluded phrase `x` naming what it excludes, where written in capitals, two
    letters or more, while the phrase's other words are not (an acronym): its first ("CAT face
    recognition", "PANDA Face Recognition"), or its last where it ends "of <word>", "in <word>" or
    "for <word>" ("Face recognition of DOG features": the Difference of Gaussians; "... in CAT
    scans"). None where it is not, as in a phrase all in capitals, as a title so written gives
    it ("PIG FACE RECOGNITION BASED ON YOLOv5", "FACE RECOGNITION OF CATTLE"), a small letter
    elsewhere or not."""
    words = list(_A_WORD.finditer(text, x.start, x.end))
    if not words:
        return None
    candidates = [words[0]] + ([words[-1]] if len(words) > 1 and _OF_A_WORD.search(x.phrase) else [])
    for m in candidates:
        others = text[x.start : m.start()] + text[m.end() : x.end]
        if len(m.group()) > 1 and m.group().isupper() and any(c.islower() for c in others):
            return m.group()
    return None


# Words that name a phrase only to set the work apart from it, right before the match, up to two
# words between ("Unlike face recognition, gait ...", "in contrast to conventional face
# recognition", "Face detection is different from face recognition": the work is not of it).
_SETTING_APART = re.compile(
    r"\b(?:unlike|different(?:ly)? from|in contrast (?:to|with)|as opposed to|rather than|instead of)"
    r"(?P<between>(?:[ \t]+[^\W_][\w'-]*){0,2}?)[ \t]+$",
    re.IGNORECASE,
)
# What may follow such a match for it to be the whole of what is set apart: the clause ends, or
# another thing set apart is listed ("Unlike face recognition or fingerprinting, which require
# ..."); not a noun it describes ("Unlike existing face recognition methods, ours ...": a work of
# face recognition setting itself apart from others).
_ENDS_WHAT_IS_SET_APART = re.compile(r"[ \t]*(?:[,;:.)(\u2014]|$|(?:or|and|which|that|where)\b)", re.IGNORECASE)
# The word that names the human sense of a phrase beside an animal's the topic excludes.
_HUMAN = re.compile(r"\bhumans?(?:['\u2019]s?)?[ \t]+$", re.IGNORECASE)


def _set_apart_from(text: str, h: PhraseHit) -> tuple[int, str] | None:
    """Where the words setting a work apart from match `h` begin (`_SETTING_APART`), and how it is
    named; None where none stand right before it, or a word it describes follows it."""
    m = _SETTING_APART.search(text, max(0, h.start - 60), h.start)
    if m is None or m.end() != h.start or _ENDS_WHAT_IS_SET_APART.match(text, h.end) is None:
        return None
    if any(w.lower() in _WORDS_NO_KIND for w in m.group("between").split()):
        return None
    return m.start(), "only to set the work apart from it, not as what the work does"


# Words between a word setting apart and a match that make the match describe another thing
# ("unlike methods for face recognition"): what is set apart is then the other thing.
_WORDS_NO_KIND = frozenset({"for", "of", "in", "on", "by", "using", "with"})


def _the_human_sense(text: str, h: PhraseHit, excluded: list[PhraseHit]) -> tuple[int, str] | None:
    """Where "human" begins right before match `h` ("human face identification"), in a work that
    holds a phrase the topic excludes saying whose a match is (animals' faces: `_says_whose`), as
    `named_as_background` asks it: the human sense named as the background the excluded sense is
    set against; None where no such word stands there, or where the text joins it to an excluded
    phrase of its own (`excluded`) as a second thing the work does ("Pig facial recognition and
    human facial recognition")."""
    m = _HUMAN.search(text, max(0, h.start - 12), h.start)
    if m is None or m.end() != h.start:
        return None
    if _SHARING_ITS_WORDS.search(text, max(0, m.start() - 12), m.start()) is not None:
        return None  # "Cattle- and human face recognition", "Cattle/human face recognition"
    if any(_joined(text, m.start(), h, x) for x in excluded):
        return None
    return m.start(), "as the human sense, beside a phrase the topic excludes, not as what the work does"


def _says_whose(hits: list[PhraseHit], excluded: list[PhraseHit]) -> bool:
    """Whether an excluded phrase of a text (`excluded`, its matches `hits`) says whose its match
    is, as "human" before one does: a word before a match inside it ("cattle face recognition",
    "animal face identification"), or the match said of one after "of", "in" or "for" ("face
    recognition of cattle"). Not a phrase that runs on past its match into a thing of its own
    ("talking head interview", television's; "face recognition ability", a person's faculty):
    beside it, "human talking head videos" are the topic's own, no sense set against another's."""
    return _whose_phrase(hits, excluded) is not None


def _whose_phrase(hits: list[PhraseHit], excluded: list[PhraseHit]) -> PhraseHit | None:
    """The first excluded phrase of a text that says whose its match is (`_says_whose`); None where
    none does."""
    return next(
        (
            x
            for x in excluded
            if _OF_A_WORD.search(x.phrase) is not None or any(x.start < h.start and h.end <= x.end for h in hits)
        ),
        None,
    )


# An animal's word, perhaps a noun it describes ("Cattle identification", "Cattle re-identification")
# or a participle said of it ("Cows were identified"), then a word naming the
# means the animal is told apart by and up to two words describing the match ("Biometric
# identification of dairy cows via real-time facial recognition", Bergman et al., Animal 18(3),
# 2024; "Individual identification of pigs using deep face recognition"), right before a match.
_MEANS_AFTER_AN_ANIMAL = re.compile(
    r"(?<![^\W_])(?P<animal>[^\W\d_]+)"
    r"(?:[ \t]+(?:(?:is|are|was|were|being|been)[ \t]+)?(?P<noun>[^\W\d_]+(?:-[^\W\d_]+)?))?[ \t]+"
    r"(?:via|using|by|with|through|based[ \t]+on|by[ \t]+means[ \t]+of)"
    r"(?P<between>(?:[ \t]+[^\W_][\w-]*){0,2}?)[ \t]+$",
    re.IGNORECASE,
)


def _an_animal_s_before(excluded: PhraseSet, text: str, h: PhraseHit) -> tuple[int, str] | None:
    """Where an animal's word begins that match `h` is named as the means of telling apart
    (`_MEANS_AFTER_AN_ANIMAL`), and how, where the match said of that word is a phrase the topic
    excludes ("facial recognition of cows" against "facial recognition of cow"); None where none
    stands so, where a word naming people or of grammar stands between ("with human face
    recognition"), where the animal's word describes people after it ("dog owners using face
    recognition"), or where it is written with capitals inside, perhaps an acronym ("DoG filtering
    with face recognition": the Difference of Gaussians)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    m = _MEANS_AFTER_AN_ANIMAL.search(text, max(0, h.start - 120), h.start)
    if m is None or m.end() != h.start:
        return None
    if _names_people_before(text, m.start()):
        return None  # "Tracking people and their dogs with face recognition": perhaps the people's faces
    said, noun, between = text[h.start : h.end], m.group("noun"), m.group("between").split()
    # The animal's word, a noun of telling apart after it ("Cattle identification based on"), or
    # that noun itself ("of dairy cows via", "of individual cattle using": the word before describes it).
    for key in ("animal", "noun") if noun else ("animal",):
        animal = m.group(key)
        if key == "animal" and noun and noun.lower() not in _TELLING_APART:
            continue  # "Hot dog vendors using ...", "horse racing using ...": the noun is another thing's
        words = [noun, *between] if key == "animal" and noun else between
        if animal[1:] != animal[1:].lower() and not (animal.isupper() and said.isupper()):
            continue
        if any(_names_people(w) or w.lower() in STOP_WORDS - _DETERMINERS for w in words):
            continue
        if _describes_people(text[m.end(key) :], STOP_WORDS) or _after_a_word_of_another_sense(text, m.start(key)):
            continue
        reading = f"{said} of {animal if said.isupper() else animal.lower()}"
        if held := [x for x in excluded.find(reading) if x.start == 0 and x.end == len(reading)]:
            return m.start(key), (
                f"as the means of telling \u201c{animal}\u201d apart: it may be their faces, as in "
                f"\u201c{held[0].phrase}\u201d, a phrase the topic excludes"
            )
    return None


# "Inspired by" and up to three words before a match ("A classical algorithm inspired by quantum
# computing", "Inspired by recent advances in quantum annealing, we ...").
_INSPIRED_BY = re.compile(r"\binspired[ \t]+by(?:[ \t]+[^\W_][\w'-]*){0,3}?[ \t]+$", re.IGNORECASE)
# "Inspired" right after a match, then its object (`_A_DETERMINER_AFTER`): "inspired" a verb. Across
# a line break or a hyphen too, as the excluded phrase `_inspired_by_another` undid was read: else
# "Quantum annealing<line break>inspired a ..." is a certain match, its exclusion undone, no doubt.
_INSPIRED_AS_A_VERB = re.compile(r"[\s\-\u2010\u2011]+inspired" + _A_DETERMINER_AFTER.pattern, re.IGNORECASE)


def _inspiring_after(text: str, h: PhraseHit, inspiring: dict[str, str]) -> tuple[int, str] | None:
    """Where "inspired by" begins before match `h` (`_INSPIRED_BY`), or `h` itself where "inspired"
    follows it as a verb (`_INSPIRED_AS_A_VERB`: "Quantum annealing inspired a classical Ising
    machine"), and how the match is named, where the topic excludes its phrase with "inspired" after
    it (`inspiring`: "quantum computing inspired", a classical algorithm borrowing the idea): what
    inspired another thing is that sense, said the other way round; None where it is not."""
    if (x := inspiring.get(h.phrase.lower())) is None:
        return None
    if (verb := _INSPIRED_AS_A_VERB.match(text, h.end)) is not None:
        return h.start, (
            f"as what inspired another thing (\u201c{text[h.start : verb.end()]}\u201d), the sense of \u201c{x}\u201d, "
            "a phrase the topic excludes, said as a verb, not as what the work does"
        )
    m = _INSPIRED_BY.search(text, max(0, h.start - 80), h.start)
    if m is None or m.end() != h.start:
        return None
    return m.start(), (
        f"as what inspired the work, the sense of \u201c{x}\u201d, a phrase the topic excludes, said the other "
        "way round, not as what the work does"
    )


def _run_on_words(phrases: PhraseSet, excluded: Iterable[str]) -> dict[str, dict[str, str]]:
    """By a phrase of the topic, the words excluded phrases run on into right past its match, no
    word of grammar, each with the excluded phrase ("talking head": {"news": "talking head news
    segment", "interview": "talking head interview", ...})."""
    from spacy.lang.en.stop_words import STOP_WORDS

    out: dict[str, dict[str, str]] = {}
    for x in excluded:
        for h in phrases.find(x):
            after = _A_WORD.search(x, h.end)
            if after is not None and h.end < len(x) and after.group().lower() not in STOP_WORDS:
                out.setdefault(h.phrase, {}).setdefault(after.group().lower(), x)
    return out


def _an_excluded_sense_later(text: str, h: PhraseHit, run_ons: dict[str, str]) -> tuple[int, str, str] | None:
    """Where a word of `run_ons` (a word an excluded phrase runs on into past match `h`'s phrase, or
    an inflection of it: "interviews", "documentaries") stands later in `h`'s sentence, the word and
    that excluded phrase; None where none does."""
    if not run_ons:
        return None
    end = m.start() if (m := _SENTENCE_END.search(text, h.end)) is not None else len(text)
    for w in _A_WORD.finditer(text, h.end, end):
        word = w.group().lower()
        # As written, then as its lemma ("documentaries"), the excluded phrases' words kept as written.
        if (x := run_ons.get(word) or run_ons.get(word_key(word))) is not None:
            return w.end(), w.group(), x
    return None


# The signals a generator of talking heads or of video is driven by ("audio-driven", "driven by speech").
_SIGNALS_DRIVING = (
    "audio|speech|voice|text|video|motion|landmarks?|expressions?|emotions?|poses?|phonemes?|visemes?|sound|music"
    "|images?|keypoints?|lips?|gaze"
)
# Words that say a work is of a made thing ("Talking head videos generated for news", "a deepfake
# news anchor", "audio-driven talking heads for news", "... driven by speech"): the topic's own sense
# beside them. Not the words journalism writes of television's talking head, which share a stem:
# "editor", "editorial", "fake news", "virtually", "forget", "an animated debate" (a lively one),
# "rendered obsolete" (made so), nor "driven" but by a signal a generator takes ("data-driven",
# "ratings-driven", "market-driven journalism", McManus 1994).
_WORDS_OF_MAKING = re.compile(
    r"\b(?:generat|synthe[st]i|render(?!(?:ed|s|ing)?[ \t]+(?:obsolete|useless|irrelevant|moot|redundant)\b)"
    r"|animat(?!ed[ \t]+(?:debate|discussion|conversation|exchange|argument)s?\b)"
    r"|reenact|deepfake|deep fake|fake(?![ \t]+news)"
    r"|forg(?:er|ing|e[ds]?\b)|manipulat|diffusion|GANs?\b|virtual(?!ly)|avatar|clon|edit(?:s|ed|ing)?\b"
    rf"|(?:{_SIGNALS_DRIVING})[ \t-]driven|driven[ \t]+by[ \t]+(?:(?:an?|the|its|their)[ \t]+)?(?:{_SIGNALS_DRIVING}))",
    re.IGNORECASE,
)


# The nouns and participles of telling animals apart that may stand between an animal's word and
# the means ("Cattle identification based on facial recognition", "Cows were identified with ...").
_TELLING_APART = frozenset(
    {"identification", "recognition", "verification", "authentication", "re-identification", "reidentification"}
    | {"tracking", "monitoring", "detection", "classification", "counting", "traceability", "registration"}
    | {"identified", "recognised", "recognized", "verified", "authenticated", "re-identified", "tracked"}
    | {"monitored", "detected", "classified", "counted", "registered"}
)


def _names_people_before(text: str, at: int) -> bool:
    """Whether a word naming people (`_names_people`) stands in the sentence before `at`."""
    begin = _sentence_begun_before(text, at)
    return any(_names_people(w) for w in _A_WORD.findall(text, begin, at))


def _after_a_word_of_another_sense(text: str, at: int) -> bool:
    """Whether the word before the animal's word at `at` makes a compound of another sense with it
    (`_COMPOUNDS_OF_ANOTHER_SENSE`: "A Trojan horse attack with face recognition", malware)."""
    word = _A_WORD.match(text, at)
    return word is not None and _a_compound_of_another_sense(text, word.group(), at)


def _joined(text: str, human: int, h: PhraseHit, x: PhraseHit) -> bool:
    """Whether the text joins excluded phrase `x` to the human sense's match `h` (its "human" at
    `human`) as two things the work does (`_JOINING`); a comma alone after `h` does not where `h`
    ends a phrase opening the sentence ("Compared with human face recognition, cattle face
    recognition is ...": `_in_an_opening_phrase`), the comma closing that phrase, not a list."""
    if x.end <= human:
        return _JOINING.fullmatch(text, x.end, human) is not None
    if _JOINING.fullmatch(text, h.end, x.start) is None:
        return False
    return text[h.end : x.start].strip() != "," or not _in_an_opening_phrase(text, human)


def _in_an_opening_phrase(text: str, at: int) -> bool:
    """Whether the words before `at` since the sentence began, with no comma, are a phrase opening
    it (`_OPENING_WORD`: "Despite the advancements in", "Compared with"), not "We study" or none,
    nor a clause's subject and verb after its first word ("In this paper we study": `_A_CLAUSE_S`)."""
    begin = _sentence_begun_before(text, at)
    if _OPENING_WORD.match(text, begin, at) is None or "," in text[begin:at]:
        return False
    return not any(w.lower() in _A_CLAUSE_S for w in _A_WORD.findall(text, begin, at))


def _sentence_begun_before(text: str, at: int) -> int:
    """Where the sentence that `at` stands in begins: past the last `_SENTENCE_END` before it."""
    return max((m.end() for m in _SENTENCE_END.finditer(text, 0, at)), default=0)


_SENTENCE_END = re.compile(r"[.!?;:][ \t\n]+")
# Words that make the words before a match a clause of its own, not a phrase opening the sentence.
_A_CLAUSE_S = frozenset({"we", "i", "they", "he", "she", "you", "is", "are", "was", "were", "has", "have"})
# The words a phrase opening a sentence begins with, setting what follows against its match
# ("Compared with human face recognition, ...", PetFace's "Despite the advancements in human face
# identification, ...", https://arxiv.org/abs/2407.13555): a preposition or a participle taking one.
_OPENING_WORD = re.compile(
    r"[ \t\n]*(?:compared|comparing|despite|like|similar|similarly|beyond|besides|apart|aside|inspired|"
    r"motivated|following|building|based|borrowing|given|with|in|as|after|since|unlike|relative|contrary|"
    r"through|from|for|while|whereas|although|though)\b",
    re.IGNORECASE,
)


# A word before "human" that a hyphen or a slash leaves to share its words ("Cattle- and human face
# recognition"): the two coordinated, as `_JOINING` joins two phrases.
_SHARING_ITS_WORDS = re.compile(r"(?:-[ \t]*(?:,[ \t]*)?(?:and|or|&)[ \t]+|/)$", re.IGNORECASE)
# What joins two phrases as two things a work does: "and", "or", "&", "as well as", a comma.
_JOINING = re.compile(r"[ \t]*(?:,|,?[ \t]*(?:and|or|&|as well as|versus|vs\.?))[ \t]+", re.IGNORECASE)


def _within_any(h: PhraseHit, spans: list[PhraseHit]) -> bool:
    return any(x.start <= h.start and h.end <= x.end for x in spans)


def _broken_word_start(text: str, at: int) -> int:
    """Where the piece before the hyphen and break ahead of `at` begins ("3D" in "3D-\nface",
    "(Sur)" in "(Sur)-\nface")."""
    k = at
    while k > 0 and (text[k - 1].isspace() or topic_reading(text[k - 1]) in ("-", "")):
        k -= 1
    if k > 0 and (opening := _BRACKETS.get(text[k - 1])) is not None and (opened := text.rfind(opening, 0, k - 1)) >= 0:
        k = opened
    while k > 0 and text[k - 1].isalnum():
        k -= 1
    return k


_BRACKETS = {")": "(", "]": "[", "}": "{"}  # a closing bracket's opening one


def _context(text: str, start: int, end: int, width: int = 80) -> tuple[str, str]:
    """The words around a match, cut at a space and marked with an ellipsis where cut, so a
    report can show the phrase in place without carrying a whole abstract."""
    before, after = text[max(0, start - width) : start], text[end : end + width]
    if start > width and " " in before:
        before = "\u2026" + before[before.index(" ") + 1 :]
    if end + width < len(text) and " " in after:
        after = after[: after.rindex(" ")] + "\u2026"
    # Line breaks and runs of spaces fold to one space; the space next to the match is kept.
    gap_before = " " if before[-1:].isspace() else ""
    gap_after = " " if after[:1].isspace() else ""
    return " ".join(before.split()) + gap_before, gap_after + " ".join(after.split())


class _Matchers:
    """Builds each subject, list and topic matcher once, however many claims share it."""

    def __init__(self) -> None:
        self._subjects: dict[Subject, SubjectMatcher] = {}
        self._lists: dict[tuple[str, str], ListMatcher] = {}
        self._topics: dict[Topic, TopicMatcher] = {}

    def subject(self, s: Subject) -> SubjectMatcher:
        if s not in self._subjects:
            self._subjects[s] = SubjectMatcher(s)
        return self._subjects[s]

    def list(self, rl: ReferenceList) -> ListMatcher:
        key = (rl.id, rl.sha256 or rl.path)
        if key not in self._lists:
            self._lists[key] = ListMatcher(rl)
        return self._lists[key]

    def topic(self, t: Topic) -> TopicMatcher:
        if t not in self._topics:
            self._topics[t] = TopicMatcher(t)
        return self._topics[t]
