"""OpenAlex author records as `AuthorRecord`s (issue 21): the real record in ../shared/data read
as it is, and the cases built from what real records do (years empty, an institution with no
id, the placeholder with neither id nor name, the older single `last_known_institution`, the
same institution twice, ORCIDs with and without their URL)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, ClassVar

from hypothesis import given
from hypothesis import strategies as st

from claimwatch.openalex import AUTHOR_FIELDS
from claimwatch.people import (
    LEGACY_AUTHOR_FIELDS,
    PUBLICATION_YEARS,
    UNNAMED,
    author_from_openalex,
    orcid_id,
)
from claimwatch.works import Origin

HERE = Origin("snapshot", "authors.jsonl", 1)
OPENALEX = "https://openalex.org/"


def place(iid: str | None, name: str | None, *, ror: str | None = None, country: str | None = "CN") -> dict[str, Any]:
    """An institution object as author records carry it (id, ror, display_name, country_code, type, lineage)."""
    return {
        "id": OPENALEX + iid if iid else None,
        "ror": f"https://ror.org/{ror}" if ror else None,
        "display_name": name,
        "country_code": country,
        "type": "education",
        "lineage": [OPENALEX + iid] if iid else [],
    }


def record(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": OPENALEX + "A5000000001",
        "orcid": None,
        "display_name": "Li Wei",
        "display_name_alternatives": ["Wei Li", "Li Wei"],
        "affiliations": [],
        "last_known_institutions": [],
        "updated_date": "2025-06-08T21:53:07.725446",
    }
    return base | fields


def test_the_real_author_record(shared_data: Path):
    raw = json.loads((shared_data / "openalex" / "A5023888391.json").read_text(encoding="utf-8"))
    person = author_from_openalex(raw, HERE)
    assert (person.id, person.openalex_id, person.orcid, person.name) == (
        "A5023888391",
        "A5023888391",
        "0000-0001-6187-6610",
        "Jason Priem",
    )
    assert person.alternative_names == ("Priem Jason",)  # the display name is not repeated
    assert person.updated == "2025-06-08T21:53:07.725446"
    assert person.years_basis == PUBLICATION_YEARS and "not employment dates" in person.years_basis
    # Every affiliation of the record, in its order, each year sorted (OpenAlex lists them newest first).
    assert [(a.institution.id, a.years) for a in person.affiliations] == [
        ("I4200000001", (2019, 2021, 2022, 2023)),
        ("I145311948", (2020,)),
        ("I103163165", (2020,)),
        ("I4210166736", (2013, 2017, 2018)),
        ("I114027177", (2010, 2011, 2012, 2013, 2014)),
        ("I4210161256", (2013,)),
        ("I94062374", (2008,)),
        ("I33213144", (2008,)),
    ]
    first = person.affiliations[0].institution
    assert (first.name, first.ror, first.country, first.lineage) == ("OurResearch", "02nr0ka47", "CA", ("I4200000001",))
    assert (person.affiliations[0].first_year, person.affiliations[0].last_year) == (2019, 2023)
    assert [i.id for i in person.last_known_institutions] == ["I4200000001"]
    assert person.identity_keys() == ["author:A5023888391", "orcid:0000-0001-6187-6610"]
    # What a collect selects is all the reader needs of it.
    selected = {k: v for k, v in raw.items() if k in AUTHOR_FIELDS}
    assert author_from_openalex(selected, HERE) == person


def test_an_affiliation_without_years_is_kept_with_none():
    person = author_from_openalex(
        record(affiliations=[{"institution": place("I1", "Beihang University"), "years": []}]), HERE
    )
    (aff,) = person.affiliations
    assert (aff.institution.id, aff.years, aff.first_year, aff.last_year) == ("I1", (), None, None)
    person = author_from_openalex(record(affiliations=[{"institution": place("I1", "Beihang University")}]), HERE)
    assert person.affiliations[0].years == ()  # a missing `years` invents none either


def test_an_institution_with_no_id_is_kept_by_its_name_and_the_placeholder_left_out():
    person = author_from_openalex(
        record(
            affiliations=[
                {"institution": place(None, "Harbin Institute of Technology"), "years": [2021]},
                {"institution": place(None, None), "years": [2022]},  # OpenAlex's placeholder: places no one
                {"institution": {"id": OPENALEX + "I-1", "display_name": None}, "years": [2022]},
                {"institution": None, "years": [2023]},
            ]
        ),
        HERE,
    )
    (aff,) = person.affiliations
    assert (aff.institution.id, aff.institution.name, aff.institution.lineage, aff.years) == (
        None,
        "Harbin Institute of Technology",
        (),
        (2021,),
    )


def test_the_same_institution_twice_is_one_affiliation_with_the_years_of_both():
    person = author_from_openalex(
        record(
            affiliations=[
                {"institution": place("I1", "USTC"), "years": [2022, 2020]},
                {"institution": place("I2", "MSRA"), "years": [2023]},
                {"institution": place("I1", "USTC"), "years": [2021, 2022]},
            ]
        ),
        HERE,
    )
    assert [(a.institution.id, a.years) for a in person.affiliations] == [("I1", (2020, 2021, 2022)), ("I2", (2023,))]


def test_one_name_kept_with_no_id_in_two_countries_is_two_places():
    # Northeastern University in Boston and in Shenyang, both kept by their names alone: joined,
    # the one in China took the US one's years (or the other way round, by the record's order).
    person = author_from_openalex(
        record(
            affiliations=[
                {"institution": place(None, "Northeastern University", country="CN"), "years": [2024]},
                {"institution": place(None, "Northeastern University", country="US"), "years": [2019, 2020]},
                {"institution": place(None, "Northeastern University", country="CN"), "years": [2025]},
                {"institution": place(None, "Northeastern University", ror="01yqg2h08"), "years": [2018]},
            ]
        ),
        HERE,
    )
    assert [(a.institution.country, a.institution.ror, a.years) for a in person.affiliations] == [
        ("CN", None, (2024, 2025)),
        ("US", None, (2019, 2020)),
        ("CN", "01yqg2h08", (2018,)),
    ]


def test_the_older_single_last_known_institution_is_read_where_the_list_is_missing():
    older = record(last_known_institution=place("I9", "Old Place"))
    del older["last_known_institutions"]
    assert [i.id for i in author_from_openalex(older, HERE).last_known_institutions] == ["I9"]
    # Where both are given, the list (today's field) wins.
    both = record(last_known_institution=place("I9", "Old"), last_known_institutions=[place("I8", "New")])
    assert [i.id for i in author_from_openalex(both, HERE).last_known_institutions] == ["I8"]


def test_years_that_are_not_years_are_never_guessed_and_kept_as_written():
    person = author_from_openalex(
        record(affiliations=[{"institution": place("I1", "X"), "years": [2020, "2021", 2020.0, True, None, 99, 2019]}]),
        HERE,
    )
    assert person.affiliations[0].years == (2019, 2020)
    # Each given as written, a year the record does not say (`Affiliation.unread`): never lost.
    assert person.affiliations[0].unread == ('"2021"', "true", "null", "99")


def test_nulls_and_odd_types_everywhere():
    person = author_from_openalex(
        {
            "id": None,
            "ids": {"openalex": OPENALEX + "A77", "orcid": "https://orcid.org/0000-0002-1825-0097"},
            "display_name": None,
            "display_name_alternatives": None,
            "affiliations": "none",
            "last_known_institutions": None,
            "updated_date": 20250101,
        },
        Origin("snapshot", "a.jsonl", 4),
    )
    assert (person.id, person.name, person.orcid, person.affiliations, person.updated) == (
        "A77",
        UNNAMED,
        "0000-0002-1825-0097",
        (),
        None,
    )
    nameless = author_from_openalex({}, Origin("snapshot", "a.jsonl", 9))
    assert (nameless.id, nameless.openalex_id) == ("a.jsonl:9", None)  # cited by where it stands


def test_orcids_with_and_without_their_url_and_a_wrong_check_digit():
    assert orcid_id("https://orcid.org/0000-0001-6187-6610") == "0000-0001-6187-6610"
    assert orcid_id("0000-0002-1694-233x") == "0000-0002-1694-233X"  # X is a check digit
    assert orcid_id("0000-0001-6187-6611") is None
    # Full-width digits (a Chinese keyboard's) are the digits: never an iD of other characters.
    assert orcid_id("\uff10\uff10\uff10\uff10-0001-6187-6610") == "0000-0001-6187-6610"
    assert orcid_id("https://example.org/0000-0001-6187-6610") is None
    # Unicode's hyphens, spaces (the ISNI's grouping) and an address's query are the iD's too.
    assert orcid_id("0000\u20100001\u20106187\u20106610") == "0000-0001-6187-6610"
    assert orcid_id("0000 0001 6187 6610") == "0000-0001-6187-6610"
    assert orcid_id("https://orcid.org/0000-0001-6187-6610?lang=en") == "0000-0001-6187-6610"
    assert orcid_id("0000 0001 6187 6611") is None
    # Spaced as the ISNI writes it, only within ORCID's blocks: Harvard University's ISNI, its check
    # digit holding, is no one's ORCID iD.
    assert orcid_id("0000 0004 1936 754X") is None
    assert orcid_id("0009 0001 5055 9262") == "0009-0001-5055-9262"
    assert orcid_id(None) is None


def test_merged_ids_name_the_same_person():
    person = author_from_openalex(record(), HERE, merged_ids=["A4000000009", "A5000000001"])
    assert person.merged_ids == ("A4000000009",)  # its own id is not merged into itself
    assert person.identity_keys() == ["author:A5000000001", "author:A4000000009"]


def test_select_asks_for_exactly_the_fields_the_reader_reads():
    class Spy(dict):
        asked: ClassVar[set[str]] = set()

        def get(self, key: str, default: Any = None) -> Any:
            self.asked.add(key)
            return super().get(key, default)

        def __getitem__(self, key: str) -> Any:
            self.asked.add(key)
            return super().__getitem__(key)

    author_from_openalex(Spy(), HERE)
    assert Spy.asked - LEGACY_AUTHOR_FIELDS == set(AUTHOR_FIELDS)
    assert not LEGACY_AUTHOR_FIELDS & set(AUTHOR_FIELDS)  # the API would refuse a field it no longer has


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)
_INSTITUTION = st.fixed_dictionaries(
    {},
    optional={
        "id": st.none() | st.sampled_from([OPENALEX + "I1", OPENALEX + "I2", "I3", OPENALEX + "I-1", "nonsense"]),
        "display_name": st.none() | st.text(max_size=8),
        "lineage": _JSON,
        "ror": _JSON,
        "country_code": _JSON,
    },
)
_AFFILIATION = st.fixed_dictionaries(
    {}, optional={"institution": _INSTITUTION | _JSON, "years": st.lists(st.integers(0, 12_000) | _JSON) | _JSON}
)


@given(
    st.fixed_dictionaries(
        {},
        optional={
            "id": _JSON | st.just(OPENALEX + "A123"),
            "display_name": _JSON,
            "orcid": _JSON,
            "affiliations": st.lists(_AFFILIATION | _JSON, max_size=6) | _JSON,
            "last_known_institutions": st.lists(_INSTITUTION | _JSON, max_size=3) | _JSON,
            "last_known_institution": _INSTITUTION | _JSON,
            "display_name_alternatives": _JSON,
        },
    )
)
def test_any_record_reads_without_a_crash_and_every_year_is_a_real_one_once(raw):
    person = author_from_openalex(raw, HERE)
    assert person.name and person.id
    keys = [a.institution.id or f"name:{a.institution.name}" for a in person.affiliations]
    assert len(keys) == len(set(keys))  # each institution once
    for a in person.affiliations:
        assert a.institution.id or a.institution.name  # nothing that places no one
        assert list(a.years) == sorted(set(a.years)) and all(1000 <= y <= 9999 for y in a.years)
