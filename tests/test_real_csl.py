"""The Consolidated Screening List as it really is (issue 15): the real 2025 excerpt in
../shared/data/csl, checked against the file's own rows, and fixtures made from those rows altered
the way the whole list is known to behave (FACTS.md, "The real record, as it behaves"): one entity
on two source lists with the same `_id`, values joined by ";" without a space, an alias that
reads "and X", the header row repeated inside the file, and the older 28-column layout without
`_id`. How each fixture was made is in tests/fixtures/csl/README.md."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch import lists
from claimwatch.cli import main
from claimwatch.errors import InputError
from claimwatch.evaluate._matchers import ListMatcher, _own_places
from claimwatch.lists import load_list
from claimwatch.lists._csl import read_csl_records
from claimwatch.works import Authorship
from helpers import coauthor_text_results, project

EXCERPT = "csl/consolidated-2025-excerpt.csv"
FIXTURES = Path(__file__).parent / "fixtures" / "csl"
QUIRKS = FIXTURES / "real-quirks.csv"  # today's layout
OLDER = FIXTURES / "real-older-layout.csv"  # 28 columns, no _id

EL = "Entity List (EL) - Bureau of Industry and Security"
SSI = "Sectoral Sanctions Identifications List (SSI) - Treasury Department"
NS_MBS = "Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department"
CETC = "China Electronics Technology Group Corporation 13th Research Institute (CETC 13)"
CETC_ALIASES = (
    # The name as affiliations write it: without the list's "(CETC 13)", the acronym, and the
    # institute first, as papers write it.
    "China Electronics Technology Group Corporation 13th Research Institute",
    "CETC 13",
    "13th Research Institute of China Electronics Technology Group Corporation",
    "Hebei Semiconductor Research Institute",
    "HSRI",
    "Hebei Institute of Semiconductors",
    "Hebei Semiconductor Institute",
    "Hebei Semiconductor",
    "CETC Research Institute 13",  # the file writes "and CETC Research Institute 13"
)
SME_ALIASES = (
    "JSC RUSSIAN BANK FOR SMALL AND MEDIUM ENTERPRISES SUPPORT",
    "JSC SME BANK",
    "AKTSIONERNOE OBSHCHESTVO ROSSISKI BANK PODDERZHKI MALOGO I SREDNEGO PREDPRINIMATELSTVA",
    "MSP BANK AO",
    "OTKRYTOE AKTSIONERNOE OBSHCHESTVO ROSSISKI BANK RAZVITIYA",
)
CONNECTIVES = ("and ", "or ", "a.k.a", "aka ", "f.k.a", "formerly", "-")


def imported(tmp_path: Path, capsys: pytest.CaptureFixture[str], source: Path, *options: str, name: str = "csl.yaml"):
    out = tmp_path / name
    code = main(["lists", "import", "csl", str(source), "--out", str(out), *options])
    _, err = capsys.readouterr()
    # The import's notes (imported.notes) may be said on stderr; nothing else may.
    assert code == 0 and all(line.startswith("note: ") for line in err.splitlines()), err
    return load_list(out)


def rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def by_name(rl, name: str):
    (entry,) = [e for e in rl.entries if e.name == name]
    return entry


def comparable(entry) -> dict:
    """An entry as the list file has it, less its id and place in the file."""
    return entry.model_dump(exclude={"id", "line"})


# --- the real excerpt ------------------------------------------------------------------------------


def test_real_excerpt_keeps_the_organisations_of_every_source(tmp_path, capsys, shared_data):
    path = shared_data / EXCERPT
    real = rows(path)
    rl = imported(tmp_path, capsys, path)
    assert len(real) == 13
    organisations = [r for r in real if r["type"].strip() in ("Entity", "")]
    assert (rl.imported["records_read"], rl.imported["entries_kept"]) == (13, 9)
    assert rl.imported["format"] == "csl-csv"
    assert [n.split(":")[0] for n in rl.imported["notes"]] == [
        "2 untyped entities are named as a person is, with no word an organisation's name has"
    ]
    # Every organisation row is one entry with its own source list; the four individuals are left out.
    assert [(e.name, e.source_lists) for e in rl.entries] == [(r["name"], (r["source"],)) for r in organisations]
    assert {r["name"] for r in real} - {e.name for e in rl.entries} == {
        "Mohammed ABU JHEISHEH",
        "RIM, Ryong Nam",
        "Evren KAYAKIRAN",
        "Fathi Mohammed QAR'AWI",
    }
    assert {s.split(" (")[0] for e in rl.entries for s in e.source_lists} == {
        "Nonproliferation Sanctions",
        "Unverified List",
        "Military End User",
        "ITAR Debarred",
        "Denied Persons List",
        "Sectoral Sanctions Identifications List",
        "Entity List",
    }
    assert all(e.verified for e in rl.entries)


def test_real_excerpt_dates_citations_and_aliases(tmp_path, capsys, shared_data):
    rl = imported(tmp_path, capsys, shared_data / EXCERPT)
    cetc = by_name(rl, CETC)
    assert cetc.aliases == CETC_ALIASES
    assert (cetc.listed_from, cetc.citation, cetc.country) == (dt.date(2018, 8, 1), "83 FR 37423; 87 FR 77505", "CN")
    # One address object of three streets (city, province and country once, at its end) stays one address.
    assert cetc.addresses == (
        "113 Hezuo Road, Shijiazhuang, Hebei, China; and 21 Changsheng Street, Shijiazhuang, Hebei, China; and "
        "21 Changsheng Road, Shijiazhuang, Hebei, China, Shijiazhuang, Hebei Province, CN",
    )
    sme = by_name(rl, "SME BANK")
    assert "without the list's wording around it" in cetc.notes
    sinobright = next(e for e in rl.entries if e.name.startswith("Sinobright"))
    assert sinobright.aliases[:1] == ("Sinobright Import and Export Company",)
    assert sme.aliases == SME_ALIASES and sme.programs == ("UKRAINE-EO13662",) and sme.country == "RU"
    assert by_name(rl, "TNK Trading International S.A.").programs == ("VENEZUELA-EO13850", "UKRAINE-EO13662")
    ash = by_name(rl, "I. ASH")
    assert (ash.listed_from, ash.listed_to) == (dt.date(2002, 3, 4), dt.date(2056, 6, 29))
    assert ash.citation == "67 F.R. 56530 9/4/02 67 F.R. 10890 3/11/02 71 F.R. 38843 7/10/06"  # as given
    meu = by_name(rl, "Academy of Aerospace Solid Propulsion Technology (AASPT)")
    assert (meu.listed_from, meu.citation) == (dt.date(2020, 12, 23), "85 FR 83799")
    # The State Department writes its rider into the name itself; the name is kept whole.
    isn = rl.entries[0]
    assert isn.name == "Sinobright Import and Export Company; and any successor, sub-unit, or subsidiary thereof"
    assert isn.listed_from == dt.date(2023, 7, 19) and isn.aliases == ("Sinobright Import and Export Company",)
    assert not [a for e in rl.entries for a in e.aliases if a.lower().startswith(CONNECTIVES)]


def test_a_listing_that_ends_decades_ahead_is_said_to_run_until_then(tmp_path, capsys, shared_data):
    """I. ASH's 50-year denial order ends on 2056-06-29: `lists show` said "taken off 2056-06-29",
    and the reports' list tables likewise, as if the end had passed."""
    imported(tmp_path, capsys, shared_data / EXCERPT)
    assert main(["lists", "show", str(tmp_path / "csl.yaml")]) == 0
    (line,) = [x for x in capsys.readouterr().out.splitlines() if x.startswith("  - I. ASH")]
    assert "listed 2002-03-04, listed until 2056-06-29," in line and "taken off" not in line


def test_real_excerpt_entity_list_in_china(tmp_path, capsys, shared_data):
    rl = imported(tmp_path, capsys, shared_data / EXCERPT, "--source", "EL", "--country", "CN", name="el-cn.yaml")
    assert [e.name for e in rl.entries] == [CETC]


def test_filters_that_keep_nothing_write_no_list(tmp_path, capsys, shared_data):
    """Found in review: --country NZ kept none of the real rows and wrote a list of no entries over
    the one before it, exit 0, clearing every author at an entity; it is refused, the list kept."""
    before = imported(tmp_path, capsys, shared_data / EXCERPT, "--source", "EL", "--country", "CN", name="el.yaml")
    out = tmp_path / "el.yaml"
    kept = out.read_bytes()
    code = main(
        ["lists", "import", "csl", str(shared_data / EXCERPT), "--out", str(out), "--source", "EL", "--country", "NZ"]
    )
    _, err = capsys.readouterr()
    assert code == 2 and out.read_bytes() == kept and [e.name for e in before.entries] == [CETC]
    assert err.count("\n") == 1 and "none of its 13 records is an organisation of Entity List" in err
    assert "with an address in NZ: no list written" in err


# --- the real rows, as the whole list has them ----------------------------------------------------


def test_quirks_fixture_is_the_excerpt_altered(shared_data):
    """The fixture holds the excerpt's rows (some altered), a second SME BANK row, a header row and a
    Northwestern Polytechnical University row; nothing else."""
    real = {r["_id"] + r["source"]: r for r in rows(shared_data / EXCERPT)}
    quirks = rows(QUIRKS)
    assert len(quirks) == 16
    added = [r for r in quirks if r["_id"] + r["source"] not in real]
    assert [(r["_id"], r["name"]) for r in added] == [
        ("_id", "name"),  # the header again
        ("18283", "SME BANK"),
        ("5b0c6a8e2f3d4b1a9c7e6f5d4c3b2a1908f7e6d5c4b3a2918f7e6d5c", "Northwestern Polytechnical University"),
    ]


def test_quirks_give_the_excerpts_entries_with_the_bank_on_both_lists(tmp_path, capsys, shared_data):
    excerpt = imported(tmp_path, capsys, shared_data / EXCERPT, name="excerpt.yaml")
    rl = imported(tmp_path, capsys, QUIRKS, name="quirks.yaml")
    assert (rl.imported["records_read"], rl.imported["entries_kept"]) == (15, 10)
    *notes, people = rl.imported["notes"]
    assert notes == [
        "the header row is repeated at line 8; skipped, not read as a record",
        "the records at lines 15 and 16 share the _id 18283: one entity on 2 source lists (SSI, NS-MBS List), "
        "one entry",
    ]
    assert people.startswith("2 untyped entities are named as a person is")  # I. ASH and Cesareo Estanislao Benitez
    sme = rl.entry("sme-bank")
    assert sme.source_lists == (SSI, NS_MBS)
    assert sme.programs == ("UKRAINE-EO13662", "RUSSIA-EO14024")
    assert sme.aliases == SME_ALIASES  # the NS-MBS row joins them by ";" without a space
    assert sme.notes is None  # the two rows differ in nothing the entry holds but source and program
    # Every other entry is the excerpt's, though the CETC aliases and TNK programs are joined by ";"
    # without a space here.
    assert {
        e.id: comparable(e) for e in rl.entries if e.id not in ("sme-bank", "northwestern-polytechnical-university")
    } == {e.id: comparable(e) for e in excerpt.entries if e.id != "sme-bank"}
    npu = rl.entry("northwestern-polytechnical-university")
    assert npu.aliases == ("Northwestern Polytechnic University", "Northwest Polytechnical University")
    assert (npu.listed_from, npu.citation, npu.source_lists) == (dt.date(2001, 5, 14), "66 FR 24266", (EL,))


def test_older_layout_is_read_by_column_names(tmp_path, capsys, shared_data):
    excerpt = imported(tmp_path, capsys, shared_data / EXCERPT, name="excerpt.yaml")
    rl = imported(tmp_path, capsys, OLDER, name="older.yaml")
    assert rl.imported["format"] == "csl-csv-no-id"
    assert (rl.imported["records_read"], rl.imported["entries_kept"]) == (15, 10)
    *notes, people = rl.imported["notes"]
    assert people.startswith("2 untyped entities are named as a person is")
    assert notes == [
        "read the older CSV layout (28 columns, no _id column): records are merged and namesakes told apart by "
        "entity_number, or where a record has none, by its source, name and addresses",
        "the header row is repeated at line 11; skipped, not read as a record",
        "the records at lines 15 and 16 share the entity_number 18283: one entity on 2 source lists (SSI, "
        "NS-MBS List), one entry",
    ]
    # Without _id, the two Atlas Sanatgaran records get ids from their source, name and addresses.
    atlas = [e for e in rl.entries if e.name == "Atlas Sanatgaran"]
    assert [(e.id, e.country) for e in atlas] == [
        ("atlas-sanatgaran-20e15f1884", "AM"),
        ("atlas-sanatgaran-7daffe4fd3", "IR"),
    ]
    assert rl.entry("sme-bank").source_lists == (SSI, NS_MBS)
    # The rest are the same entries as today's layout gives.
    assert {e.id: comparable(e) for e in rl.entries if e.name not in ("Atlas Sanatgaran", "SME BANK")} == {
        e.id: comparable(e) for e in excerpt.entries if e.name not in ("Atlas Sanatgaran", "SME BANK")
    }


def test_older_layout_ids_are_the_same_on_every_import(tmp_path, capsys):
    first = imported(tmp_path, capsys, OLDER, name="a.yaml")
    second = imported(tmp_path, capsys, OLDER, name="b.yaml")
    assert [e.id for e in first.entries] == [e.id for e in second.entries]
    assert (tmp_path / "a.yaml").read_text().replace("id: a\n", "") == (tmp_path / "b.yaml").read_text().replace(
        "id: b\n", ""
    )


def test_older_layout_missing_a_column_other_than_id_is_refused(tmp_path, capsys):
    text = OLDER.read_text(encoding="utf-8").replace("alt_names,", "other,", 1)
    source = tmp_path / "older.csv"
    source.write_text(text, encoding="utf-8")
    code = main(["lists", "import", "csl", str(source), "--out", str(tmp_path / "x.yaml")])
    _, err = capsys.readouterr()
    assert (code, err) == (2, f"{source}:1:1: not the Consolidated Screening List CSV: missing column alt_names\n")


def test_a_repeated_header_with_its_own_byte_order_mark_is_skipped_too(tmp_path, capsys):
    lines = QUIRKS.read_text(encoding="utf-8").split("\n")
    lines[7] = "\ufeff" + lines[7]  # a piece of the file that was a file of its own
    source = tmp_path / "bom.csv"
    source.write_text("\n".join(lines), encoding="utf-8")
    rl = imported(tmp_path, capsys, source)
    assert rl.imported["notes"][0] == "the header row is repeated at line 8; skipped, not read as a record"
    assert rl.imported["records_read"] == 15


def test_a_repeated_header_that_is_not_the_header_is_a_row_of_the_wrong_width(tmp_path, capsys):
    lines = QUIRKS.read_text(encoding="utf-8").split("\n")
    lines[7] = lines[7].rsplit(",", 1)[0]  # the repeated header, one column short: not the header
    source = tmp_path / "cut.csv"
    source.write_text("\n".join(lines), encoding="utf-8")
    code = main(["lists", "import", "csl", str(source), "--out", str(tmp_path / "x.yaml")])
    _, err = capsys.readouterr()
    assert (code, err) == (2, f"{source}:8:1: the row has 28 fields; the header has 29\n")


def test_fetch_takes_the_same_path(tmp_path, monkeypatch):
    """`lists fetch csl` reads the download as `lists import csl` reads the file: merged, header skipped."""
    monkeypatch.setattr("claimwatch.lists._fetch.download", lambda url, policy: QUIRKS.read_bytes())
    fetched = lists.fetch_csl(
        tmp_path / "csl.yaml", url="https://example.org/consolidated.csv", today=dt.date(2026, 1, 2)
    )
    read = lists.write_list_yaml(lists.import_csl(QUIRKS, list_id="csl"), tmp_path / "read" / "csl.yaml")
    assert fetched.imported["notes"] == read.imported["notes"]
    assert [comparable(e) for e in fetched.entries] == [comparable(e) for e in read.entries]
    assert fetched.entry("sme-bank").source_lists == (SSI, NS_MBS)


def test_an_entry_the_list_gives_no_country_matches_by_name_only_in_doubt(tmp_path, capsys, shared_data):
    """The real row of Sinobright gives no address, so its entry has no country; a company of that
    name anywhere else is not certainly it (found by the sixteenth part's hunt, where an entity
    with addresses in China and Hong Kong, imported with no country, was matched in Boston)."""
    rl = imported(tmp_path, capsys, shared_data / EXCERPT)
    sinobright = by_name(rl, "Sinobright Import and Export Company; and any successor, sub-unit, or subsidiary thereof")
    assert sinobright.country is None
    affiliation = "Sinobright Import and Export Company, Boston, MA 02115, USA"
    hits = [
        h for h in ListMatcher(rl).hits(Authorship("A", 0, raw_affiliations=(affiliation,))) if h.entry is sinobright
    ]
    assert hits and all(h.doubt and "gives no country" in h.doubt for h in hits)


@pytest.mark.parametrize(
    ("bracket", "affiliation"),
    [
        ("(Chengdu)", "College of Computer Science, Sichuan University, Chengdu 610065, China"),
        ("(Hong Kong)", "Department of Computer Science, The University of Hong Kong, Pokfulam, Hong Kong"),
        ("(HONG KONG)", "Department of Computer Science, The University of Hong Kong, Pokfulam, Hong Kong"),
        ("(Huawei)", "Huawei Noah's Ark Lab, Shenzhen, China"),
    ],
)
def test_a_bracket_that_is_no_acronym_is_no_alias(tmp_path, capsys, shared_data, bracket, affiliation):
    """The real MEU row of AASPT ends its name with its acronym, which becomes an alias; the same row
    ending with a place or a word in brackets gave that place an alias of its own, and every author
    in Chengdu (or Hong Kong) was a certain listed coauthor: a false accusation."""
    real = shared_data / EXCERPT
    lines = real.read_text(encoding="utf-8").splitlines(keepends=True)
    (row,) = [line for line in lines if "(AASPT)" in line]
    altered = tmp_path / "altered.csv"
    altered.write_text(lines[0] + row.replace("(AASPT)", bracket), encoding="utf-8")
    rl = imported(tmp_path, capsys, altered)
    (entry,) = rl.entries
    assert entry.name == f"Academy of Aerospace Solid Propulsion Technology {bracket}"
    assert bracket.strip("()") not in entry.aliases
    assert not ListMatcher(rl).hits(Authorship("A", 0, raw_affiliations=(affiliation,)))
    # The acronym itself still comes in, and so does "CETC 13", an acronym and its number.
    acronym = imported(tmp_path, capsys, real, name="real.yaml")
    assert by_name(acronym, "Academy of Aerospace Solid Propulsion Technology (AASPT)").aliases == (
        "Academy of Aerospace Solid Propulsion Technology",
        "AASPT",
    )
    assert by_name(acronym, CETC).aliases[:2] == CETC_ALIASES[:2]


UNREAD_CLAIMS = """\
statement: {speaker: Example Corp, made_on: 2024-01-10, quote: q, sources: [{title: t}]}
subjects:
  lab: {name: Example Lab, openalex: [I100]}
claims:
  - {id: any, says: s, subject: lab, from: 2024-01-10, expects: none, works: {coauthor_in: [csl]}}
  - {id: before, says: s, subject: lab, from: 2024-01-10, expects: none,
     works: {coauthor_in: [csl], listed_before_publication: true}}
"""


@pytest.mark.parametrize("end_date", [" 8/11/2015", "2015-08-11 to be confirmed"])
def test_an_end_date_that_is_no_date_never_reads_as_listed_still(tmp_path, capsys, shared_data, end_date):
    """The real CETC 13 row with an end_date in a form the importer does not read: listed_to was
    left null, which says "still listed", and a 2024 paper with a coauthor there contradicted the
    claim certainly though the list says the entity was taken off (a false accusation)."""
    from claimwatch import claims as claims_mod
    from helpers import LAB, authorship, work, write, write_jsonl
    from test_columnar_engine import engines_agree

    real = rows(shared_data / EXCERPT)
    (cetc,) = [r for r in real if r["name"] == CETC]
    altered = tmp_path / "altered.csv"
    with altered.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(real[0]), quoting=csv.QUOTE_ALL)
        writer.writeheader()
        writer.writerow({**cetc, "end_date": end_date})
    rl = imported(tmp_path, capsys, altered, name="evidence/lists/csl.yaml")
    (entry,) = rl.entries
    assert (entry.listed_to, entry.listed_to_unread) == (None, end_date.strip())
    assert main(["lists", "show", str(tmp_path / "evidence/lists/csl.yaml")]) == 0
    assert f"taken off on a day given as '{end_date.strip()}'" in capsys.readouterr().out

    write(tmp_path / "claims/c.yaml", UNREAD_CLAIMS)
    claims = claims_mod.load_claims([tmp_path / "claims/c.yaml"], root=tmp_path)
    partner = authorship("B. Partner", [], raw=["Hebei Semiconductor Research Institute, Shijiazhuang 050051, China"])
    records = [work("W1", "A paper", "2024-06-01", [authorship("A. Lab", [LAB]), partner])]
    results = engines_agree(claims, [write_jsonl(tmp_path / "works.jsonl", records)], tmp_path / "cache")
    for result in results.results:
        assert (result.matched, result.uncertain) == (0, 1), result.claim.id
        (finding,) = result.uncertain_findings
        assert any("taken off the list on a day the list gives as" in d for d in finding.uncertain_because)


def test_an_end_date_is_read_where_every_record_gives_one_and_null_while_any_gives_none():
    """Over several records of one entity: an unread end among ends is still an end (unread);
    a record giving none keeps the entity listed."""
    from claimwatch.lists._csl import CslRecord, _listed_dates
    from claimwatch.lists._import import At

    def record(end: str) -> CslRecord:
        return CslRecord(At("x", 1), "1", EL, "1", "", "X", (), (), (), None, "2010-01-01", end)

    both = [record("2015-01-01"), record(" 8/11/2015")]
    dates, notes = _listed_dates(both, ["EL", "SSI"])
    assert (dates["listed_to"], dates["listed_to_unread"]) == (None, "8/11/2015")
    assert any("taken off the list on a day not known" in n for n in notes)
    dates, _ = _listed_dates([record(""), record(" 8/11/2015")], ["EL", "SSI"])
    assert (dates["listed_to"], dates.get("listed_to_unread")) == (None, None)
    dates, _ = _listed_dates([record("2015-01-01"), record("2016-01-01")], ["EL", "SSI"])
    assert (dates["listed_to"], dates.get("listed_to_unread")) == (dt.date(2016, 1, 1), None)


def test_a_start_date_that_is_no_date_beside_one_that_is_may_be_the_earlier(tmp_path, capsys, shared_data):
    """The real CETC 13 row on two source lists, one giving a start_date read (2025-06-01), the
    other one in no form read: listed_from took the read one in silence, and a 2024 paper with a
    coauthor there was certainly no listing before publication, though the unread start may be the
    earlier one (a false clearance). It is kept as listed_from_unread, and what it would count for
    is uncertain, works and people alike."""
    from claimwatch import claims as claims_mod
    from helpers import LAB, authorship, work, write, write_jsonl
    from test_columnar_engine import engines_agree

    real = rows(shared_data / EXCERPT)
    (cetc,) = [r for r in real if r["name"] == CETC]
    altered = tmp_path / "altered.csv"
    with altered.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(real[0]), quoting=csv.QUOTE_ALL)
        writer.writeheader()
        writer.writerow({**cetc, "start_date": "2025-06-01", "end_date": ""})
        writer.writerow({**cetc, "source": SSI, "start_date": " 6/1/2016", "end_date": ""})
    rl = imported(tmp_path, capsys, altered, name="evidence/lists/csl.yaml")
    (entry,) = rl.entries
    assert (entry.listed_from, entry.listed_from_unread) == (dt.date(2025, 6, 1), "6/1/2016")
    assert "listed_from_unread keeps what the list gave" in (entry.notes or "")
    assert main(["lists", "show", str(tmp_path / "evidence/lists/csl.yaml")]) == 0
    assert "or perhaps earlier, on a day given as '6/1/2016'" in capsys.readouterr().out

    write(tmp_path / "claims/c.yaml", UNREAD_CLAIMS)
    claims = claims_mod.load_claims([tmp_path / "claims/c.yaml"], root=tmp_path)
    partner = authorship("B. Partner", [], raw=["Hebei Semiconductor Research Institute, Shijiazhuang 050051, China"])
    records = [work("W1", "A paper", "2024-06-01", [authorship("A. Lab", [LAB]), partner])]
    results = engines_agree(claims, [write_jsonl(tmp_path / "works.jsonl", records)], tmp_path / "cache")
    before = results.result("before")
    assert (before.matched, before.uncertain) == (0, 1)
    (finding,) = before.uncertain_findings
    assert any("it may have been listed earlier" in d and "6/1/2016" in d for d in finding.uncertain_because)


def test_a_start_read_on_or_before_the_work_leaves_an_unread_one_no_doubt():
    """An unread start can only be earlier or later than the read one: where the read one is on or
    before the work's date, the entry was listed then either way."""
    from claimwatch.evaluate._conditions import _listed_before
    from claimwatch.lists import ListEntry
    from claimwatch.works import PartialDate

    entry = ListEntry(id="x", name="X", listed_from=dt.date(2019, 6, 1), listed_from_unread="6/1/2016")
    assert _listed_before(entry, PartialDate.parse("2020-01-01")) == (True, None)
    listed, why = _listed_before(entry, PartialDate.parse("2018-01-01"))
    assert listed is None and "may have been listed earlier" in (why or "")
    plain = entry.model_copy(update={"listed_from_unread": None})
    assert _listed_before(plain, PartialDate.parse("2018-01-01")) == (False, None)


def test_a_groups_numbered_institute_is_found_as_papers_write_it(tmp_path, capsys, shared_data):
    """The real CETC 13 row names the group first ("China Electronics Technology Group Corporation
    13th Research Institute"); papers write "The 13th Research Institute of China Electronics
    Technology Group Corporation", which matched no alias: such a coauthor went unfound, and a
    claim was cleared where coverage was complete. Both engines."""
    from claimwatch import claims as claims_mod
    from helpers import LAB, authorship, work, write, write_jsonl
    from test_columnar_engine import engines_agree

    imported(
        tmp_path, capsys, shared_data / EXCERPT, "--source", "EL", "--country", "CN", name="evidence/lists/csl.yaml"
    )
    write(tmp_path / "claims/c.yaml", UNREAD_CLAIMS)
    claims = claims_mod.load_claims([tmp_path / "claims/c.yaml"], root=tmp_path)
    raw = "The 13th Research Institute of China Electronics Technology Group Corporation, Shijiazhuang 050051, China"
    partner = authorship("B. Partner", [], raw=[raw])
    records = [work("W1", "A paper", "2024-06-01", [authorship("A. Lab", [LAB]), partner])]
    results = engines_agree(claims, [write_jsonl(tmp_path / "works.jsonl", records)], tmp_path / "cache")
    (any_time, _) = results.results
    assert (any_time.matched, any_time.uncertain) == (1, 0), any_time.why
    (finding,) = any_time.findings
    (cited,) = [r for r in finding.reasons if r.kind == "listed_author"]
    assert cited.matched_name == "13th Research Institute of China Electronics Technology Group Corporation"


def test_a_csv_cut_anywhere_is_refused_or_reads_the_rows_before_the_cut(shared_data):
    """Every cut is refused or reads the file's first records as the file gives them, never one
    changed in a field the import reads (a name cut short, an alias lost). The CSV gives no count of
    its rows, so a cut exactly at a row's end, or just after the delimiter before its last field,
    cannot be told from a whole file (docs/lists.md says so); a cut inside quotes is refused."""
    text = (shared_data / EXCERPT).read_text(encoding="utf-8")

    def read(part: str) -> list[tuple[object, ...]]:
        _, records = read_csl_records(part, "cut.csv")
        return [
            (
                r.record_id,
                r.source,
                r.entity_number,
                r.type,
                r.name,
                r.aliases,
                r.addresses,
                r.programs,
                r.federal_register_notice,
                r.start_date,
                r.end_date,
            )
            for r in records
        ]

    whole = read(text)
    for cut in range(1, len(text)):
        try:
            got = read(text[:cut])
        except InputError:
            continue
        assert got == whole[: len(got)], f"cut after {text[cut - 40 : cut]!r}"


def test_the_real_csv_cut_inside_a_rows_last_field_is_refused_at_that_row(tmp_path, capsys, shared_data):
    """Cut after '"Passport, 83' (the SDN row's ids): read leniently, the row ended there and the
    four rows after it were dropped without a word."""
    text = (shared_data / EXCERPT).read_text(encoding="utf-8")
    cut = tmp_path / "cut.csv"
    cut.write_text(text[: text.index("Passport, 83") + len("Passport, 83")], encoding="utf-8")
    assert main(["lists", "import", "csl", str(cut), "--out", str(tmp_path / "csl.yaml")]) == 2
    assert capsys.readouterr().err == (
        f"{cut}:6:1: the file ends inside a quoted field: it was cut short, and the rows after are missing\n"
    )
    assert not (tmp_path / "csl.yaml").exists()


# --- untyped records named as a person is (twenty-eighth part) -----------------------------------


def test_untyped_records_named_as_a_person_is_are_kept_and_each_a_doubt(tmp_path, capsys, shared_data):
    """Left by the twenty-seventh part: the real excerpt's DPL row "I. ASH" (an initial and a surname,
    a street address in Richardson, TX) and its DTC row "Cesareo Estanislao Benitez" leave `type`
    empty, as the BIS and State Department lists do, and were imported as organisations, an author
    whose affiliation names one certainly at a listed institution. Whether each is a person the row
    does not say: both are kept, marked `may_be_a_person`, and the import's notes name them; an
    author found at one is a doubt. The untyped organisations ("Atlas Sanatgaran", a company whose
    name's "Sanatgaran" is Persian for industrialists; "Academy of ..."; "... Company") are not."""
    rl = imported(tmp_path, capsys, shared_data / EXCERPT)
    marked = {e.name: e.may_be_a_person for e in rl.entries if e.may_be_a_person}
    assert set(marked) == {"I. ASH", "Cesareo Estanislao Benitez"} and len(rl.entries) == 9
    assert marked["I. ASH"].startswith("the DPL record does not say whether it names a person or an organisation")
    (note,) = rl.imported["notes"]
    assert "'Cesareo Estanislao Benitez' (line 7); 'I. ASH' (line 8); kept" in note
    ash = by_name(rl, "I. ASH")
    affiliation = "I. Ash, 605 Trail Lake Drive, Richardson, TX 75081, USA"
    hits = [h for h in ListMatcher(rl).hits(Authorship("A", 0, raw_affiliations=(affiliation,))) if h.entry is ash]
    assert hits and all(
        h.doubt and "the list entry I. ASH may name a person, not an organisation" in h.doubt for h in hits
    )
    bank = by_name(rl, "SME BANK")
    found = ListMatcher(rl).hits(Authorship("A", 0, raw_affiliations=("SME BANK, Moscow 115035, Russia",)))
    assert [h.doubt for h in found if h.entry is bank] == [None]


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("I. ASH", True),  # the real DPL row
        ("Cesareo Estanislao Benitez", True),  # the real DTC row
        ("Fathi Mohammed QAR'AWI", True),  # an apostrophe within, as OFAC's rows write names
        ("RIM, Ryong Nam", True),  # the surname first, as OFAC writes it
        ("Atlas Sanatgaran", False),  # the real UVL row: a company
        ("SME BANK", False),  # all in capitals: no surname beside a given name (the real row is typed "Entity")
        ("JSC SME BANK", False),
        ("ROSNEFT TRADE LIMITED", False),
        ("TNK Trading International S.A.", False),
        ("Academy of Aerospace Solid Propulsion Technology (AASPT)", False),
        ("Huawei", False),  # one word: no person's name as the lists write one
        ("Beijing 22 Research", False),
        # Twenty-ninth part: the forms the twenty-eighth part's note found missed or wrongly marked.
        ("Juan de la Cruz", True),  # lower-case particles within, not counted among the names
        ("Jose Maria de la Cruz Fernandez Lopez", True),  # five names and two particles
        ("John Smith Jr.", True),  # a suffix after the name
        ("Henry Ford II", True),
        ("Mohammed al-Hassan", True),  # a particle joined to the surname
        ("de la Cruz", False),  # a particle first: no given name
        ("Mahan Air", False),  # an airline
        ("Banco de la Nacion", False),  # an organisation's word in Spanish
        ("Zhongguo Daxue", False),  # "university" in pinyin
        ("Yue-Kong PAO", True),  # a surname, though Russia's public companies are PAO too
        # Reviewed (twenty-ninth part): a word of an organisation's name in one language that is a
        # person's name in another took the mark off a person. Real names: the Wade-Giles surname
        # of Ellen Pao and Young-Ping Pao (https://en.wikipedia.org/wiki/Ellen_Pao), "PAO" the
        # Russian PJSC too; and the given name of Xueyuan Zhao, an author of "Flash Boys 2.0"
        # (arXiv 1904.05234), "xueyuan" a college in pinyin too. Each is written as OFAC writes a
        # surname, in capitals.
        ("Ellen PAO", True),
        ("Young-Ping PAO", True),
        ("Xueyuan ZHAO", True),
        ("ZHAO, Xueyuan", True),
        # Thirtieth part: Spanish and Arabic institutions, their particles read as a person's name's
        # ("Dar al-Handasah", an engineering firm, https://en.wikipedia.org/wiki/Dar_Al-Handasah).
        ("Centro de Investigacion", False),
        ("Centro de Investigación y Desarrollo", False),
        ("Laboratorio de Sistemas", False),
        ("Dar al Handasah", False),
        ("Dar al-Handasah", False),
        ("Sharikat al Handasa", False),
        ("Mohammed DAR", True),  # "dar" (house) is a surname too: it unmarks no one
        # Thirtieth part: words of organisations' names that are people's names too, as OFAC writes
        # a surname (https://en.wikipedia.org/wiki/Samantha_Power, /Danielle_Steel, /Robert_Plant,
        # /Melissa_Bank, /Marine_Le_Pen): each unmarked a person.
        ("Samantha POWER", True),
        ("Danielle STEEL", True),
        ("Robert PLANT", True),
        ("Melissa BANK", True),
        ("Marine LE PEN", True),
        ("POWER, Samantha", True),
        ("Harbin Power Equipment Company", False),
        # The same for "co" and "zao" (https://en.wikipedia.org/wiki/Zaldy_Co, /Zao_Wou-Ki).
        # A long Arabic name, as OFAC writes them (the real PLC row's, lengthened as the test of
        # birth facts below has it), untyped with no birth given: read as an organisation's before.
        ("Mohammed Ahmed Mahmoud Abd al Rahman ABU JHEISHEH", True),
        ("Zaldy CO", True),
        ("Elizaldy S. CO", True),
        ("ZAO, Wou-Ki", True),
        ("Wou-Ki ZAO", True),
        ("Acme Co.", False),
        ("ZAO Kaspersky Lab", False),
        ("Nanjing Acme Co., Ltd.", False),
        # Reviewed (thirtieth part): those words are a person's only in a name written with its
        # surname in capitals beside a name that is not, as OFAC writes a person's. Untyped rows
        # (the BIS lists type none) name plants, banks and companies in such words, in the form of
        # the real excerpt's "Atlas Sanatgaran" (not checked against the real Entity List here,
        # which cannot be reached offline): each unmarked as before this part, since a mark would
        # make every match of an organisation a doubt.
        ("Tula Arms Plant", False),
        ("Bryansk Electromechanical Plant", False),
        ("Bank Sepah", False),
        ("Dalian Marine", False),
        ("Zhejiang Dahua Co", False),
        ("ZAO Elektronstandart-Pribor", False),
        ("PAO Rosneft", False),
        ("Beijing Xueyuan", False),
        ("ROBERT PLANT", False),  # all in capitals: read as an organisation's, as before this part
        ("PLANT, Robert", True),
        ("Zhao XUEYUAN", True),
        # Thirty-first part: untyped rows of the CSL of 2023-11 (moov-io/watchman's
        # test/testdata/csl.csv) naming companies in words that were not read as organisations'
        # (company forms, trades, and their Turkish, German and Russian forms), each marked as
        # perhaps a person; and a word joined by hyphens, read in its parts.
        ("Aelcomp OY", False),
        ("Set Petrochemicals Oy", False),
        ("Aero King FZC", False),
        ("SKY BLUE BIRD FZC", False),
        ("Wheels Incorporated", False),
        ("Andleeb Associates", False),
        ("DATASAAB CONTRACTING AB", False),
        ("CNG Computers", False),
        ("Lapcom Computer Stores", False),
        ("The Fair Price Shop", False),
        ("BNS Hardware", False),
        ("Oriental Engineers", False),
        ("Faradis Production", False),
        ("Zhengzhou Baiwai Intelligent Automation", False),
        ("Skymount Drones", False),
        ("Government Flying Service", False),
        ("Ace Hub System", False),
        ("Kitronix Display", False),
        ("Globa Kiosk", False),
        ("Metafor Lojistik", False),
        ("Piro Deniz Motorlari", False),
        ("ADT ANALOG AND DIGITAL TECHNIK", False),
        ("Neva Elektronika", False),
        ("Neva Electronica", False),
        ("Systema VP", False),
        ("NPC Granat", False),
        ("Albrecht Import-Export", False),
        # Thirty-third part: company forms no one is named by (Estonia's OÜ, Lithuania's UAB,
        # Denmark's ApS, the Balkans' d.o.o.), and "IT" in capitals (the Unverified List's "Kassem
        # IT"), wherever the record is; "OU", "SA" alone may be surnames (see COMPANY_FORM_ROWS).
        ("Yaxart OÜ", False),
        ("Baltic Parts UAB", False),
        ("Nordic Parts ApS", False),
        ("Elektro Promet D.O.O.", False),
        ("Kassem IT", False),
        ("Yaxart OU", True),
        ("Ning OU", True),
        ("Doo-hwan CHUN", True),
        # The same file's Entity List and Nonproliferation rows named after their groups' acronyms:
        # a word in capitals first, then words not, no comma. No individual of that file is named
        # so; OFAC puts a surname in capitals first only before a comma.
        ("ZTE Parsian", False),
        ("DM Link", False),
        ("HWA Create", False),
        ("GE Plan", False),
        ("BIN LADIN, Usama", True),
        ("ABU JHEISHEH, Mohammed", True),
        # The same file's people named with a title, a nickname in quotes or another name in
        # brackets, a suffix between the names, initials run together, or a second name after
        # "A/K/A" (the Denied Persons and ITAR Debarred lists' forms): read as organisations'.
        ("MR. JULIO CESAR VEGA-AMARAL", True),
        ("Dr. Artush Parsi", True),
        ('SHAOHUA "ERIC" WANG', True),
        ('IHSAN MEDHAT "SAMMY" ELASHI', True),
        ("SAMMY (IHSAN MEDHAT) ELASHI", True),
        ("PEARL (A.K.A. NEI-CHIEN CHU) LI", True),
        ("Sergei (Sergi) Ivanovich Tomchani", True),
        ("Linda Zhai (PRC individual)", True),
        ("Ri Sung Chol (aka Ri Su'ng-ch'o'l) (DPRK individual)", True),
        ("Ramon Jr. Andrade", True),
        ("JOSEPH ORMOND KIRK, III.", True),
        ("Mohd A.M. Anwahi", True),
        ("FUYI SUN A/K/A FRANK SUN", True),
        # Initials run together first are no acronym (the Entity List's "A.H. Shamnad", "M.R.
        # Ahmadi", "T.V. Joe Ouseppachan"; the Nonproliferation list's "Q.C. Chen"), and "ud", "ur"
        # are particles as "al" is ("Muhammad Nasim ud Din", the same list's).
        ("A.H. Shamnad", True),
        ("M.R. Ahmadi", True),
        ("T.V. Joe Ouseppachan", True),
        ("Q.C. Chen", True),
        ("Muhammad Nasim ud Din", True),
        ("Habib ur Rahman", True),
        # Its companies in those forms stay unmarked: a company form with its points, a bracket
        # holding an acronym, and an organisation's word in a bracket.
        ("Bonitopto S.R.O.", False),
        ("KOTO COMMERCIO IBERICA, S.L.", False),
        ("SUNTRONIC F.Z.E.", False),
        ("YARRA ANSTALT A.G.", False),
        ("Russian General Staff Main Intelligence Directorate (GRU)", False),
        ("GE SONG TAO (GE)", False),  # the acronym in brackets, as before
        ("Li Ming (Holdings)", False),
        ("FUYI SUN A/K/A FRANK SUN TRADING", False),
        # The same file's people with names joined by hyphens, marked as before.
        ("Guadalupe Edgar Lucio-Amador", True),
        ("JOHN B. PRIDMORE-SMITH", True),
        ("ADRIANA GABRIELA GUAJARDO-CAVAZOS", True),
    ],
)
def test_a_name_is_read_as_a_persons_only_without_an_organisations_word(name, person):
    from claimwatch.lists._csl import _named_as_a_person_is

    assert _named_as_a_person_is(name) is person


def test_lists_diff_says_an_entry_now_marked_as_perhaps_a_person(tmp_path, capsys, shared_data):
    """A list imported before the mark beside one imported now: `lists diff` said no change to I. ASH,
    whose every match became a doubt."""
    new = tmp_path / "new.yaml"
    imported(tmp_path, capsys, shared_data / EXCERPT, name="new.yaml")
    document = yaml.safe_load(new.read_text(encoding="utf-8"))
    for entry in document["entries"]:
        entry.pop("may_be_a_person", None)
    old = tmp_path / "old.yaml"
    old.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")
    assert main(["lists", "diff", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert "~ I. ASH [i-ash]" in out and "may_be_a_person: null -> the DPL record" in out, out


def test_lists_show_says_which_entries_may_name_a_person(tmp_path, capsys, shared_data):
    """Found reviewing the twenty-eighth part: `lists show`, which says it prints each entry's
    doubts, printed the real excerpt's I. ASH and Cesareo Estanislao Benitez as it prints SME BANK,
    though an author found at either is a doubt (`may_be_a_person`). Each says so now, with why;
    no entry the import does not mark."""
    imported(tmp_path, capsys, shared_data / EXCERPT)
    assert main(["lists", "show", str(tmp_path / "csl.yaml")]) == 0
    lines = capsys.readouterr().out.splitlines()
    marked = [lines[i - 1] for i, line in enumerate(lines) if line.startswith("      may name a person")]
    assert [m.split(" (")[0] for m in marked] == ["  - Cesareo Estanislao Benitez", "  - I. ASH"], lines
    ash = lines[lines.index(marked[1]) + 1]
    assert ash == (
        "      may name a person, not an organisation (a doubt): the DPL record does not say whether it names "
        "a person or an organisation (its type is empty, as the BIS and State Department lists leave it), and "
        "its name, 'I. ASH', is written as a person's is, with no word an organisation's name has: it may be "
        "a person"
    )


def test_the_published_list_schema_and_validate_take_the_mark_and_lists_without_it(tmp_path, capsys, shared_data):
    """`may_be_a_person` is a field of the list schema (whose entries take no other key): a list
    imported now passes `claimwatch validate` and the published `claimwatch schema list` alike, and
    so does the same list as an import before the mark wrote it; a mark that is no text (YAML's
    number 3, a list) is refused by both."""
    import jsonschema

    from claimwatch import documents

    imported(tmp_path, capsys, shared_data / EXCERPT)
    marked = yaml.safe_load((tmp_path / "csl.yaml").read_text(encoding="utf-8"))
    assert sum("may_be_a_person" in e for e in marked["entries"]) == 2
    unmarked = json.loads(json.dumps(marked, default=str))
    for entry in unmarked["entries"]:
        entry.pop("may_be_a_person", None)
    numbered = json.loads(json.dumps(marked, default=str))
    next(e for e in numbered["entries"] if "may_be_a_person" in e)["may_be_a_person"] = 3
    listed = json.loads(json.dumps(marked, default=str))
    next(e for e in listed["entries"] if "may_be_a_person" in e)["may_be_a_person"] = ["a person"]
    published = jsonschema.Draft202012Validator(
        documents.standalone_schema("list"), format_checker=jsonschema.FormatChecker()
    )
    for name, document, takes in (
        ("marked", marked, True),
        ("unmarked", unmarked, True),
        ("numbered", numbered, False),
        ("listed", listed, False),
    ):
        folder = tmp_path / name
        folder.mkdir()
        path = folder / "csl.yaml"
        path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")
        code = main(["validate", str(path)])
        out, err = capsys.readouterr()
        assert (code == 0) is takes, (name, out, err)
        assert (not list(published.iter_errors(json.loads(json.dumps(document, default=str))))) is takes, name
        if not takes:
            assert "may_be_a_person" in err, err


# --- OFAC's record ids (twenty-eighth part) ------------------------------------------------------


def _ofac_rows(shared_data: Path) -> list[dict[str, str]]:
    """The excerpt's two real SSI rows, whose `_id` is OFAC's entity number ("18300", "28603"), not
    a hash as the BIS and State Department rows' ("233a4d7257...", 56 hex digits; "34d6611355...", 32)."""
    return [r for r in rows(shared_data / EXCERPT) if r["_id"] in ("18300", "28603")]


def _csv_of(path: Path, records: list[dict[str, str]]) -> Path:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(records[0]), quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_ofac_ids_tell_namesakes_apart_whole_and_merge_one_entity(tmp_path, capsys, shared_data):
    """OFAC's `_id`s were read but never tested. Built from the real SSI rows: ROSNEFT TRADE LIMITED
    (18300, Nicosia) and a namesake given TNK's record (28603, Geneve) are two entries, each id
    carrying its record's whole number (no hash to shorten); the ROSNEFT row again on the NS-MBS
    List, with its `_id` and entity_number, is one entity, one entry naming both lists; and the
    JSON, whose `id` may be a number, gives the same entries."""
    rosneft, tnk = _ofac_rows(shared_data)
    assert (rosneft["_id"], rosneft["entity_number"], tnk["_id"]) == ("18300", "18300", "28603")
    namesake = tnk | {"name": rosneft["name"]}
    both_lists = rosneft | {"source": NS_MBS, "programs": "RUSSIA-EO14024"}
    rl = imported(tmp_path, capsys, _csv_of(tmp_path / "ofac.csv", [rosneft, namesake, both_lists]))
    assert [(e.id, e.country, e.source_lists) for e in rl.entries] == [
        ("rosneft-trade-limited-18300", "CY", (SSI, NS_MBS)),
        ("rosneft-trade-limited-28603", "CH", (SSI,)),
    ]
    assert rl.imported["notes"] == [
        "the records at lines 2 and 4 share the _id 18300: one entity on 2 source lists (SSI, NS-MBS List), one entry"
    ]
    as_json = [
        {
            "id": int(r["_id"]),
            "source": r["source"],
            "entity_number": int(r["entity_number"]),
            "type": r["type"],
            "name": r["name"],
            "programs": r["programs"].split("; "),
            "alt_names": [a for a in r["alt_names"].split("; ") if a],
            "addresses": [{"address": "", "city": "", "state": "", "postal_code": "", "country": r["addresses"][-2:]}],
            "start_date": r["start_date"],
            "end_date": r["end_date"],
            "federal_register_notice": r["federal_register_notice"],
        }
        for r in (rosneft, namesake, both_lists)
    ]
    path = tmp_path / "ofac.json"
    path.write_text(json.dumps({"results": as_json}), encoding="utf-8")
    from_json = imported(tmp_path, capsys, path, name="json.yaml")
    assert [(e.id, e.country, e.source_lists) for e in from_json.entries] == [
        ("rosneft-trade-limited-18300", "CY", (SSI, NS_MBS)),
        ("rosneft-trade-limited-28603", "CH", (SSI,)),
    ]


def test_ofac_records_of_two_ids_are_two_entities_though_all_else_is_the_same(tmp_path, capsys, shared_data):
    """Two real-shaped SSI rows the same in everything but `_id` and entity_number (OFAC numbering two
    designations of one name at one address): two entities, never merged on their text, each id
    its number."""
    (rosneft, _) = _ofac_rows(shared_data)
    again = rosneft | {"_id": "18301", "entity_number": "18301"}
    rl = imported(tmp_path, capsys, _csv_of(tmp_path / "ofac.csv", [rosneft, again]))
    assert [e.id for e in rl.entries] == ["rosneft-trade-limited-18300", "rosneft-trade-limited-18301"]
    assert "notes" not in rl.imported


def test_a_coauthor_at_an_entry_that_may_name_a_person_is_a_doubt_on_both_engines(tmp_path, capsys, shared_data):
    """The real DPL row "I. ASH" imported: a 2024 paper whose coauthor's affiliation names it (at its
    own Richardson address) was `contradicted` certainly, an institution the row does not say it
    is; uncertain now, saying why, on both engines alike."""
    from claimwatch import claims as claims_mod
    from helpers import LAB, authorship, work, write, write_jsonl
    from test_columnar_engine import engines_agree

    (ash,) = [r for r in rows(shared_data / EXCERPT) if r["name"] == "I. ASH"]
    imported(tmp_path, capsys, _csv_of(tmp_path / "ash.csv", [ash]), name="evidence/lists/csl.yaml")
    write(tmp_path / "claims/c.yaml", UNREAD_CLAIMS)
    claims = claims_mod.load_claims([tmp_path / "claims/c.yaml"], root=tmp_path)
    partner = authorship("B. Partner", [], raw=["I. Ash, 605 Trail Lake Drive, Richardson, TX 75081, USA"])
    records = [work("W1", "A paper", "2024-06-01", [authorship("A. Lab", [LAB]), partner])]
    results = engines_agree(claims, [write_jsonl(tmp_path / "works.jsonl", records)], tmp_path / "cache")
    for result in results.results:
        assert (result.verdict, result.matched, result.uncertain) == ("insufficient_evidence", 0, 1), result.why
        (finding,) = result.uncertain_findings
        assert any(
            "the list entry I. ASH may name a person, not an organisation" in d for d in finding.uncertain_because
        )


def test_notes_naming_many_records_name_the_first_twenty_and_count_the_rest(tmp_path, capsys, shared_data):
    """The import's notes on entities that may be people and on listings begun after `--retrieved`
    name the first twenty and count the rest, as they did before they shared `_first_few`. Built
    from the real DPL row "I. ASH": 25 copies, each its own `_id`, initial and a start_date after
    the day given as the one the file was read."""
    (ash,) = [r for r in rows(shared_data / EXCERPT) if r["name"] == "I. ASH"]
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXY"
    copies = [ash | {"_id": f"ash{i}", "name": f"{c}. ASH", "start_date": "2026-01-01"} for i, c in enumerate(letters)]
    rl = imported(tmp_path, capsys, _csv_of(tmp_path / "ash.csv", copies), "--retrieved", "2025-06-01")
    people, begun = rl.imported["notes"]
    assert (
        people.startswith("25 untyped entities are named as a person is")
        and "'T. ASH' (line 21); and 5 more;" in people
    )
    assert "'U. ASH'" not in people
    assert begun.startswith("25 records give a start_date after 2025-06-01")
    assert "'T. ASH' from 2026-01-01 (line 21); and 5 more; an order" in begun and "'U. ASH'" not in begun


def test_an_untyped_record_giving_a_date_of_birth_may_be_a_person_whatever_its_name(tmp_path, capsys, shared_data):
    """Left by the twenty-eighth part: whether an untyped record may be a person was read from its
    name alone, so a long name (OFAC writes Arabic names of six words and more) or one holding an
    organisation's word went unmarked, an author at it a certain match, though the record gives a
    date or place of birth, which no organisation has. The real PLC row "Mohammed ABU JHEISHEH"
    (born 1955 in Izna, Hebron), its type left empty as the BIS and State Department lists leave
    theirs, under a longer name and in the CSV and the JSON alike: marked, saying why, and a note
    of its own; the real excerpt, whose untyped rows give no such fact, imports as before."""
    (row,) = [r for r in rows(shared_data / EXCERPT) if r["name"] == "Mohammed ABU JHEISHEH"]
    assert (row["dates_of_birth"], row["places_of_birth"]) == ("1955", "Izna, Hebron")
    untyped = row | {"type": "", "name": "Mohammed Ahmed Mahmoud Abd al Rahman ABU JHEISHEH", "alt_names": ""}
    rl = imported(tmp_path, capsys, _csv_of(tmp_path / "plc.csv", [untyped]))
    (entry,) = rl.entries
    assert entry.may_be_a_person == (
        "the PLC record does not say whether it names a person or an organisation (its type is empty, as the BIS "
        "and State Department lists leave it), and it gives a date of birth ('1955'), a place of birth ('Izna, "
        "Hebron'), which only a person's record gives: it may be a person"
    )
    assert rl.imported["notes"] == [
        "1 untyped entity gives a date or place of birth or a citizenship, which only a person's record gives: "
        "'Mohammed Ahmed Mahmoud Abd al Rahman ABU JHEISHEH' (line 2); kept, since the list does not say which "
        "they are, each marked may_be_a_person, so an author found at one is a doubt, never a match"
    ]
    as_json = {
        "results": [
            {
                "id": "plc-1",
                "source": untyped["source"],
                "type": "",
                "name": "Academy Trading Company",  # an organisation's words: the birth alone tells
                "dates_of_birth": ["1955"],
                "places_of_birth": None,
                "citizenships": [3],  # no text: read as nothing, never refused
            }
        ]
    }
    path = tmp_path / "plc.json"
    path.write_text(json.dumps(as_json), encoding="utf-8")
    (from_json,) = imported(tmp_path, capsys, path, name="json.yaml").entries
    assert from_json.may_be_a_person and "a date of birth ('1955'), which only" in from_json.may_be_a_person
    # A typed organisation giving one is not marked: the list says what it is.
    typed = imported(tmp_path, capsys, _csv_of(tmp_path / "e.csv", [untyped | {"type": "Entity"}]), name="e.yaml")
    assert typed.entries[0].may_be_a_person is None


# --- a branch named after its own place (thirty-first part) ----------------------------------------

DPL = "Denied Persons List (DPL) - Bureau of Industry and Security"
OWN_PLACE_ROWS = [
    # (source, name, addresses, notice, start): real untyped rows. "Huawei Cloud Beijing" is the
    # Entity List's row of 85 FR 51603 (2020-08-20) as moov-io/watchman's pkg/csl/reader_test.go
    # (Test__Issue326EL) keeps it; the others are from the CSL of 2023-11 its test/testdata/csl.csv
    # holds. Each named as a person is and was marked may_be_a_person, though a branch or a company
    # named after the city or country its own record addresses it in.
    (EL, "Huawei Cloud Beijing", "Beijing, CN", "85 FR 51603", "2020-08-20"),
    (
        EL,
        "Parto System Tehran",
        "Unit 7, Floor 4 No. 51 around Golestan Alley, Molasadra, Tehran, IR",
        "76 FR 67059",
        "",
    ),
    (EL, "APEX Yekaterinburg", "106 Kuybyshev Str, Office 68, Yekaterinburg, RU", "77 FR 61249 No. 195", ""),
    (EL, "IKCO France", "147 Avenue Charles de Gaulle, Neuilly-Sur-Seine, 92200, FR", "77 FR 24587", ""),
    (EL, "Zener Lebanon", "Beirut Hadath, Morjan Bldg near Sfeir Bridge, LB", "79 FR 32441", ""),
    (EL, "APEX Kazakhstan", "126 Jarokova Str, Almaty, KZ", "77 FR 61249 No. 195", ""),
    # People, marked as before: the real "Sean Byrne" (the same file), and built ones whose surname
    # is their town's, written as the Denied Persons List writes people (all in capitals) and as
    # OFAC writes a surname, or whose given name is their city's.
    (EL, "Sean Byrne", "Cloonmull House, Drumcliffe, County Sligo, IE", "74 FR 35797", ""),
    (DPL, "JOHN HOUSTON", "605 MAIN STREET, HOUSTON, TX, 77002, US", "67 F.R. 56530", ""),
    (EL, "Robert HOUSTON", "605 Main Street, Houston, TX, 77002, US", "67 FR 56530", ""),
    (EL, "Paris Hilton", "12 Rue de Rivoli, Paris, 75001, FR", "67 FR 56530", ""),
    (EL, "Jordan Smith", "12 Main Street, Amman, JO", "67 FR 56530", ""),
]


def test_a_name_ending_in_its_own_records_place_is_no_persons(tmp_path, capsys, shared_data):
    """Untyped rows named as a person is but ending in the city or country their own record
    addresses them in ("Huawei Cloud Beijing" at "Beijing, CN"): marked may_be_a_person, every
    author at them a doubt, a true match lost. No person is named so, where a surname in capitals,
    a name all in capitals or a place before the surname says whose the name is: those are marked
    as before."""
    header = rows(shared_data / EXCERPT)[0].keys()
    source = tmp_path / "own-place.csv"
    with source.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(header))
        writer.writeheader()
        for n, (list_name, name, address, notice, start) in enumerate(OWN_PLACE_ROWS):
            writer.writerow(
                {c: "" for c in header}
                | {"_id": f"{n:040x}", "source": list_name, "name": name, "addresses": address,
                   "federal_register_notice": notice, "start_date": start}
            )  # fmt: skip
    rl = imported(tmp_path, capsys, source, "--retrieved", "2025-06-01")
    marked = [e.name for e in rl.entries if e.may_be_a_person]
    assert marked == ["Sean Byrne", "JOHN HOUSTON", "Robert HOUSTON", "Paris Hilton", "Jordan Smith"]
    huawei = by_name(rl, "Huawei Cloud Beijing")
    (hit,) = [
        h
        for h in ListMatcher(rl).hits(
            Authorship("A", 0, raw_affiliations=("Huawei Cloud Beijing, Beijing 100085, China",))
        )
        if h.entry is huawei
    ]
    assert hit.doubt is None  # a match: it was "... may name a person, not an organisation ..."


UVL = "Unverified List (UVL) - Bureau of Industry and Security"
COMPANY_FORM_ROWS = [
    # (source, name, addresses, notice): real untyped rows of the CSL of 2023-11 (moov-io/watchman's
    # test/testdata/csl.csv at c815c599), marked may_be_a_person before the thirty-third part: a
    # company form of the country the record addresses it in, read as a surname in capitals
    # ("Yaxart OU" as "Samantha POWER"), and "IT" of an IT company.
    (EL, "Yaxart OU", "Kalevipoja 12A, 13625, Tallinn, EE", "77 FR 61249 No. 195"),
    (EL, "Maples SA", "Boulevard Royal 25/B 2449, Luxembourg, LU", "80 FR 80643"),
    (EL, "Aerotechnic France SAS", "8 Rue de la Bruyere, Pinsaguel, 31120, FR", "76 FR 37632"),
    (
        UVL,
        "Kassem IT",
        "Techno Park Office 135, JAFZA Building 22, P.O. Box 98166, Jebel Ali Free Zone, Dubai, UAE, AE",
        "",
    ),
    # Built from those: the same forms where the record's country does not write them may be a
    # surname in capitals, as OFAC writes one (the Chinese surname Ou; Portugal's Sá), and stay
    # marked; so does a person whose given name is a form elsewhere.
    (EL, "Ning OU", "5 Zhongguancun Street, Beijing, CN", "77 FR 61249 No. 195"),
    (EL, "Maria SA", "Rua Augusta 25, Lisboa, PT", "80 FR 80643"),
    (EL, "Sia Furler", "Kalnciema iela 12, Riga, LV", "80 FR 80643"),
]


def test_a_company_form_of_its_own_records_country_is_no_persons_name(tmp_path, capsys, shared_data):
    """Untyped rows ending in a company form their own record's country writes ("Yaxart OU" in
    Tallinn, "Maples SA" in Luxembourg): marked may_be_a_person, every author at one a doubt. The
    form counts where the address is in a country that writes it; elsewhere it may be a surname."""
    rl = _company_form_rows_imported(tmp_path, capsys, shared_data, COMPANY_FORM_ROWS)
    assert [e.name for e in rl.entries if e.may_be_a_person] == ["Ning OU", "Maria SA", "Sia Furler"]
    yaxart = by_name(rl, "Yaxart OU")
    (hit,) = [
        h
        for h in ListMatcher(rl).hits(Authorship("A", 0, raw_affiliations=("Yaxart OU, Tallinn, Estonia",)))
        if h.entry is yaxart
    ]
    assert hit.doubt is None  # a match: it was "... may name a person, not an organisation ..."


def _company_form_rows_imported(tmp_path, capsys, shared_data, form_rows):
    """The list `lists import csl` makes of untyped rows (source, name, addresses, notice)."""
    header = rows(shared_data / EXCERPT)[0].keys()
    source = tmp_path / "forms.csv"
    with source.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(header))
        writer.writeheader()
        for n, (list_name, name, address, notice) in enumerate(form_rows):
            writer.writerow(
                {c: "" for c in header}
                | {"_id": f"{n:040x}", "source": list_name, "name": name, "addresses": address,
                   "federal_register_notice": notice}
            )  # fmt: skip
    return imported(tmp_path, capsys, source, "--retrieved", "2025-06-01")


def test_a_surname_only_capitalised_is_no_company_form_of_its_records_country(tmp_path, capsys, shared_data):
    """Found in the review of the thirty-third part: a form's letters counted however written, so
    a person the Entity List names as it names people, capitalised ("Fazal Rahim Farid", "Hia Soo
    Gan Benson Hia"), with a surname those letters spell, was no longer marked where addressed in
    a country writing the form: "Joao Sa" (Sá without its accent, a Portuguese surname) at
    Luxembourg, "Ning Ou" (the Chinese surname Ou) at Tallinn, "Peter Sas" (a Hungarian and Dutch
    surname) in France, each an organisation whose every match was certain. Companies write the
    form in capitals or with its points, as the real "Yaxart OU", "Maples SA" and the CSL's
    "Agroplast, a.s." do: those still count; a word only capitalised is a surname."""
    people = [
        (EL, "Joao Sa", "Boulevard Royal 25/B 2449, Luxembourg, LU", "80 FR 80643"),
        (EL, "Ning Ou", "Kalevipoja 12A, 13625, Tallinn, EE", "77 FR 61249 No. 195"),
        (EL, "Peter Sas", "8 Rue de la Bruyere, Pinsaguel, 31120, FR", "76 FR 37632"),
    ]
    companies = [
        (EL, "Maples S.A.", "Boulevard Royal 25/B 2449, Luxembourg, LU", "80 FR 80643"),
        (EL, "Icarus Design A.S.", "N-1630, Gamle, Fredrikstad, NO", "80 FR 80643"),
        (EL, "Baltic Parts Sp. z o.o.", "ul. Marszalkowska 1, Warsaw, PL", "80 FR 80643"),
    ]
    # All in capitals, as the Denied Persons List writes people and companies alike ("ABEL
    # HERNANDEZ, JR.", "COTRICOM S.A." of the CSL of 2023-11): the form tells only with its points.
    people.append((DPL, "JOSE SA", "Calle de Alcala 12, Madrid, ES", ""))
    companies.append((DPL, "ROSALES S.A.", "Calle de Alcala 12, Madrid, ES", ""))
    rl = _company_form_rows_imported(tmp_path, capsys, shared_data, [*COMPANY_FORM_ROWS[:3], *people, *companies])
    assert [e.name for e in rl.entries if e.may_be_a_person] == ["Joao Sa", "Ning Ou", "Peter Sas", "JOSE SA"]
    (hit,) = ListMatcher(rl).hits(Authorship("A", 0, raw_affiliations=("Joao Sa, Luxembourg",)))
    assert hit.entry.name == "Joao Sa" and hit.doubt and "may name a person" in hit.doubt


def test_an_alias_that_is_one_word_of_another_name_leaves_a_person_marked(tmp_path, capsys, shared_data):
    """The Entity List's "Fazal Rahim Farid" (a.k.a. "Farid") and "Hia Soo Gan Benson Hia" (a.k.a.
    "Benson"), untyped rows of the CSL of 2023-11 (moov-io/watchman's test/testdata/csl.csv): a
    one-word alias, a name of the person alone, left them unmarked, read as organisations', an
    author found at one by name a match. Such an alias counts no more; a one-word name still does
    ("Mekom"). Since the thirty-sixth part a one-word alias of no other name that holds no
    organisation's word says nothing either way: "Martin" of Parviz Khaki (a person, the State
    Department's Iranian procurement agent) leaves him marked (`test_a_person_beside_an_alias_of_no_kind_may_be_a_person`)."""
    header = rows(shared_data / EXCERPT)[0].keys()
    source = tmp_path / "aliases.csv"
    with source.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(header))
        writer.writeheader()
        for n, (name, aliases) in enumerate(
            [
                ("Fazal Rahim Farid", "Fazel Rahim Farid; Farid; Engineer Idris"),
                ("Hia Soo Gan Benson Hia", "Benson; Soo Gan Benson Hia; Thomas Yan"),
                ("Parviz Khaki", "Martin"),  # the real ISN row: a name of no other name
                ("Mekom", "Mecom"),  # the real Entity List row: one word, as before
            ]
        ):
            writer.writerow(
                {c: "" for c in header} | {"_id": f"{n:040x}", "source": EL, "name": name, "alt_names": aliases}
            )
    rl = imported(tmp_path, capsys, source, "--retrieved", "2025-06-01")
    assert [e.name for e in rl.entries if e.may_be_a_person] == [
        "Fazal Rahim Farid",
        "Hia Soo Gan Benson Hia",
        "Parviz Khaki",
    ]


ISN = "Nonproliferation Sanctions (ISN) - State Department"
COMMA_JOINED_ROWS = [
    # (source, name, alt_names): real rows of the CSL of 2023-11 (moov-io/watchman's
    # test/testdata/csl.csv). The Nonproliferation list's aliases come joined by commas in one value.
    (ISN, "Pishro Systems Research Company", "Pishro Company, Advanced Systems Research Company, ASRC, "
     "Center for Advanced Systems Research, CRAS"),
    (ISN, "Islamic Revolutionary Guard Corps", "IRGC, The Iranian Revolutionary Guards, IRG, Sepah,  Pasdaran"),
    (ISN, "Abdul Qadeer Khan", "ZAMAN, Haydar"),
    (ISN, "Yahya Rahim Safavi", "Rahim Safavi, Yahya Rahim-Safavi, Sayed Yahya Safavi"),
    (ISN, "Mohsen Fakhrizadeh-Mahabadi", "Mohsen Fakhrizdeh, Fakhrizdeh"),
    (ISN, "Yasa Part", "Arfa Paint Company, Arfeh Company,  Farasepehr Engineering Company, Hosseini Nejad "
     "Trading Co, Iran Saffron Company or Iransaffron Co, Shetab G, Shetab Gaman, Shetab Trading, Y.A.S. Co Ltd."),
    # The Entity List joins them by ";": a comma there is within one alias.
    (EL, "Action Global", "Action Global Co., Limited"),
]  # fmt: skip


@pytest.mark.parametrize("form", ["csv", "json"])
def test_the_nonproliferation_lists_aliases_joined_by_commas_are_each_an_alias(tmp_path, capsys, shared_data, form):
    """The CSL gives the State Department's Nonproliferation aliases in one value joined by commas:
    kept whole, "Pishro Company, Advanced Systems Research Company, ASRC, ..." was one alias, found
    in no affiliation, so a coauthor at "Center for Advanced Systems Research, Tehran" named
    nothing, the claim cleared in silence. Each is an alias now; a name written as OFAC writes a
    person's ("ZAMAN, Haydar", of a row named as a person is) stays whole, and so does an Entity
    List alias with a comma in it."""
    header = list(rows(shared_data / EXCERPT)[0].keys())
    records = [
        {c: "" for c in header} | {"_id": f"{n:040x}", "source": s, "name": name, "alt_names": aliases}
        for n, (s, name, aliases) in enumerate(COMMA_JOINED_ROWS)
    ]
    source = tmp_path / f"isn.{form}"
    if form == "csv":
        with source.open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=header)
            writer.writeheader()
            writer.writerows(records)
    else:  # the JSON gives alt_names as a list, here of the one value the CSV gives
        records = [
            {"id": r["_id"], "source": r["source"], "name": r["name"], "type": "", "alt_names": [r["alt_names"]]}
            for r in records
        ]
        source.write_text(json.dumps({"results": records}), encoding="utf-8")
    rl = imported(tmp_path, capsys, source, "--retrieved", "2025-06-01")
    aliases = {e.name: e.aliases for e in rl.entries}
    assert aliases["Pishro Systems Research Company"] == (
        "Pishro Company",
        "Advanced Systems Research Company",
        "ASRC",
        "Center for Advanced Systems Research",
        "CRAS",
    )
    assert aliases["Islamic Revolutionary Guard Corps"] == (
        "IRGC",
        "The Iranian Revolutionary Guards",
        "IRG",
        "Sepah",
        "Pasdaran",
    )
    assert aliases["Abdul Qadeer Khan"] == ("ZAMAN, Haydar",)
    # "or" between two names parts them: whole, "Iran Saffron Company or Iransaffron Co" was found
    # in no affiliation.
    assert aliases["Yasa Part"][4:6] == ("Iran Saffron Company", "Iransaffron Co")
    assert aliases["Yasa Part"][-1] == "Y.A.S. Co Ltd."
    assert aliases["Action Global"] == ("Action Global Co., Limited",)
    # The people among them are marked, each of their names one as a person's is.
    assert [e.name for e in rl.entries if e.may_be_a_person] == [
        "Abdul Qadeer Khan",
        "Yahya Rahim Safavi",
        "Mohsen Fakhrizadeh-Mahabadi",
    ]
    pishro = by_name(rl, "Pishro Systems Research Company")
    affiliation = "Center for Advanced Systems Research, Tehran, Iran"
    assert [h.entry for h in ListMatcher(rl).hits(Authorship("A", 0, raw_affiliations=(affiliation,)))] == [pishro]
    saffron = ListMatcher(rl).hits(Authorship("A", 0, raw_affiliations=("Iran Saffron Company, Mashhad, Iran",)))
    assert [h.entry.name for h in saffron] == ["Yasa Part"] and saffron[0].doubt  # the row gives no address


def test_a_one_word_alias_found_as_a_streets_name_names_nothing(tmp_path, capsys, shared_data):
    """The Nonproliferation list's real IRGC row (CSL of 2023-11) gives the aliases "Sepah" and
    "Pasdaran": Tehran's Pasdaran Avenue, in the address of many a coauthor (built in OpenAlex's
    raw-affiliation form), made each a doubt about the IRGC. A one-word name with a street's word
    right after it names a street, and nothing now; in any other longer name it stays a doubt,
    which may be the entry's ("Bank Sepah", "Martin Luther University" of Parviz Khaki's alias)."""
    found = _irgc_and_parviz_khaki_found(tmp_path, capsys, shared_data)
    for street in (
        "Department of Physics, Shahid Beheshti University, Pasdaran Ave., Tehran, Iran",
        "Research Center, Pasdaran Avenue, Tehran, Iran",
        "Pasdaran St., Tehran, Iran",
        "Sepah Street, Isfahan, Iran",
    ):
        assert found(street) == [], street
    assert found("IRGC, Pasdaran Ave., Tehran, Iran") == ["Islamic Revolutionary Guard Corps"]
    assert found("Bank Sepah, Tehran, Iran") == ["Islamic Revolutionary Guard Corps"]
    assert found("Pasdaran, Tehran, Iran") == ["Islamic Revolutionary Guard Corps"]
    # "St." before a word may be "Saint": found as before.
    assert found("Sepah St. Petersburg Office, Russia") == ["Islamic Revolutionary Guard Corps"]
    assert found("Martin Luther University Halle-Wittenberg, Halle, Germany") == ["Parviz Khaki"]


def _irgc_and_parviz_khaki_found(tmp_path, capsys, shared_data) -> Callable[[str], list[str]]:
    """The entries the real Nonproliferation rows of the IRGC (the aliases "Sepah", "Pasdaran")
    and of Parviz Khaki (the alias "Martin") are found as, in an affiliation: each a doubt."""
    header = list(rows(shared_data / EXCERPT)[0].keys())
    records = [
        {c: "" for c in header} | {"_id": f"{n:040x}", "source": ISN, "name": name, "alt_names": aliases}
        for n, (name, aliases) in enumerate(
            [
                ("Islamic Revolutionary Guard Corps", "IRGC, The Iranian Revolutionary Guards, IRG, Sepah,  Pasdaran"),
                ("Parviz Khaki", "Martin"),  # the real row
            ]
        )
    ]
    rl = imported(tmp_path, capsys, _csv_of(tmp_path / "isn.csv", records), "--retrieved", "2025-06-01")
    matcher = ListMatcher(rl)

    def found(affiliation: str) -> list[str]:
        hits = matcher.hits(Authorship("A", 0, raw_affiliations=(affiliation,)))
        assert all(h.doubt for h in hits)  # the rows give no address: never a match
        return [h.entry.name for h in hits]

    return found


def test_a_one_word_alias_before_a_streets_word_and_an_organisations_stays_a_doubt(tmp_path, capsys, shared_data):
    """Found in the review of the thirty-third part: a street's word right after a one-word alias
    silenced it even where an organisation's word follows, which names a company after the words
    before it, as "Silk Road Fund Co., Ltd." and "Wall Street Systems Ltd" are named ("Sepah Road
    Construction Co.", built in that form, may be a company of the IRGC's; "Martin Road Ltd" one
    "Martin" may name, as "Martin Luther University" is): nothing was found. Each stays a doubt;
    the street, written with a place or a number after it, names nothing."""
    found = _irgc_and_parviz_khaki_found(tmp_path, capsys, shared_data)
    irgc = ["Islamic Revolutionary Guard Corps"]
    assert found("Sepah Road Construction Co., Tehran, Iran") == irgc
    assert found("Pasdaran Highway Engineering Company, Tehran, Iran") == irgc
    assert found("Martin Road Ltd, Birmingham, UK") == ["Parviz Khaki"]
    for street in ("Pasdaran Avenue Tehran Iran", "Pasdaran Ave. No. 12, Tehran, Iran", "Sepah Street Isfahan"):
        assert found(street) == [], street


# Nonproliferation values whose commas are within one name. The list's own names write a company
# form after a comma ("NEC Engineers Private, Ltd.", "PFK Profpodshipnik, LLC and any successor,
# sub-unit, or subsidiary thereof": rows of the CSL of 2023-11), as the Entity List's aliases do
# ("Action Global Co., Limited"); here they are aliases, with a ministry's country after a comma as
# the lists write places ("Beijing, CN"). Built from those forms, not rows of that file.
COMMA_WITHIN_ROWS = [
    (ISN, "NEC Engineers", "NEC Engineers Private, Ltd., NEC Engineering"),
    (ISN, "Profpodshipnik", "PFK Profpodshipnik, LLC and any successor, sub-unit, or subsidiary thereof"),
    (ISN, "Iranian Ministry of Defence", "MODAF, Ministry of Defence, Iran"),
    (ISN, "Chinese Ministry of Defence", "Ministry of National Defense, People's Republic of China"),
    # Thirty-third part, built in the list's form: one organisation's word alone after a comma.
    (ISN, "Tokai Rika", "Tokai Rika, Holdings, TRH"),
]  # fmt: skip


def test_a_company_form_or_country_after_a_comma_of_the_nonproliferation_list_is_no_alias(
    tmp_path, capsys, shared_data
):
    """Split at every comma, "NEC Engineers Private, Ltd." gave an alias "Ltd.", "PFK
    Profpodshipnik, LLC and any successor, sub-unit, ..." the aliases "LLC and any successor" and
    "sub-unit", and "Ministry of Defence, Iran" the alias "Iran": each found in every affiliation
    naming a company or Iran, a doubt on every such work. A company form or a country alone after a
    comma is part of the name before it; the list's "and any successor ..." is no alias."""
    header = list(rows(shared_data / EXCERPT)[0].keys())
    source = tmp_path / "isn.csv"
    with source.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header)
        writer.writeheader()
        for n, (s, name, aliases) in enumerate(COMMA_WITHIN_ROWS):
            writer.writerow(
                {c: "" for c in header} | {"_id": f"{n:040x}", "source": s, "name": name, "alt_names": aliases}
            )
    rl = imported(tmp_path, capsys, source, "--retrieved", "2025-06-01")
    assert {e.name: e.aliases for e in rl.entries} == {
        "NEC Engineers": ("NEC Engineers Private, Ltd.", "NEC Engineering"),
        "Profpodshipnik": ("PFK Profpodshipnik, LLC",),
        "Iranian Ministry of Defence": ("MODAF", "Ministry of Defence, Iran"),
        "Chinese Ministry of Defence": ("Ministry of National Defense, People's Republic of China",),
        "Tokai Rika": ("Tokai Rika, Holdings", "TRH"),
    }
    matcher = ListMatcher(rl)
    for affiliation in (
        "Huawei Technologies Co., Ltd., Shenzhen 518129, China",  # real OpenAlex affiliation forms
        "Google LLC, Mountain View, CA, USA",
        "Department of Electrical Engineering, Sharif University of Technology, Tehran, Iran",
        "Sub-unit of Oncology, Hospital Clinic, Barcelona, Spain",
        "SoftBank Group Corp., Tokyo, Japan",
        "Toyota Tsusho Holdings, Nagoya, Japan",
    ):
        assert not matcher.hits(Authorship("A", 0, raw_affiliations=(affiliation,))), affiliation
    # The names are still found, the ministry's by its whole alias.
    found = matcher.hits(Authorship("A", 0, raw_affiliations=("Ministry of Defence, Iran",)))
    assert [h.entry.name for h in found] == ["Iranian Ministry of Defence"]


CMIC = "Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department"


def test_a_company_form_in_a_bracket_last_is_no_acronym(tmp_path, capsys, shared_data):
    """The Entity List's "Managed Systems and Services (MSAS)(FZC)" (81 FR 14953) and the CMIC
    list's "China Communications Construction Group (Limited)", real rows of the CSL of 2023-11
    (moov-io/watchman's test/testdata/csl.csv at c815c599): the bracket last was read as the
    acronym, so "FZC" was an alias, every author at an Emirates free-zone company a doubt, and
    neither "MSAS" nor the name without its form was one. The form is left off the name now.
    Found in the review of the same part: left off for good, it made "Managed Systems and
    Services", every word common, an alias of its own, certain wherever an affiliation wrote it in
    the Emirates, and the company with its own form, "Managed Systems and Services FZC", a doubt
    ("a company form ... is not named with"). The form is written after the name instead, as the
    list would write it without the bracket: the name without it counts as any listed company's
    does without its form (`_its_company_form_unwritten`), and with it is a match."""
    header = list(rows(shared_data / EXCERPT)[0].keys())
    records = [
        {c: "" for c in header} | {"_id": f"{n:040x}", "source": s, "name": name, "addresses": address}
        for n, (s, name, address) in enumerate(
            [
                (EL, "Managed Systems and Services (MSAS)(FZC)", "No. A3089 Seif, Sharjah, AE"),
                (CMIC, "China Communications Construction Group (Limited)",
                 "No. 85, Deshengmen Outer Street, Xicheng District, Beijing, 100088, CN"),
            ]
        )
    ]  # fmt: skip
    rl = imported(tmp_path, capsys, _csv_of(tmp_path / "forms.csv", records), "--retrieved", "2025-06-01")
    assert {e.name: e.aliases for e in rl.entries} == {
        "Managed Systems and Services (MSAS)(FZC)": ("Managed Systems and Services FZC", "MSAS"),
        "China Communications Construction Group (Limited)": ("China Communications Construction Group Limited",),
    }
    matcher = ListMatcher(rl)

    def found(affiliation: str) -> list[tuple[str, bool]]:
        hits = matcher.hits(Authorship("A", 0, raw_affiliations=(affiliation,)))
        return [(h.entry.name, h.doubt is None) for h in hits]

    # Built in the form of the free zone's companies (the entry's own "SAIF Zone ..., Sharjah").
    assert found("Gulf Aviation FZC, SAIF Zone, Sharjah, United Arab Emirates") == []
    msas = "Managed Systems and Services (MSAS)(FZC)"
    assert found("Managed Systems and Services FZC, Dubai, UAE") == [(msas, True)]
    # Common words without the form: as the list's "Managed Systems and Services FZC" would be.
    assert found("Managed Systems and Services, Dubai, UAE") == [(msas, False)]
    assert found("MSAS, Dubai, UAE") == [(msas, False)]  # an acronym alone, as every one
    # Common words without the form beside its own city: a doubt since the thirty-third part (any
    # firm of Beijing may bear them); with the form, the company.
    assert found("China Communications Construction Group, Beijing 100088, China") == [
        ("China Communications Construction Group (Limited)", False)
    ]
    assert found("China Communications Construction Group Limited, Beijing 100088, China") == [
        ("China Communications Construction Group (Limited)", True)
    ]


SDN = "Specially Designated Nationals (SDN) - Treasury Department"
CODE_LAST_ROWS = [
    # Real rows of the CSL of 2023-11 (moov-io/watchman's test/testdata/csl.csv at c815c599),
    # each address ending with its country's code, as the CSL ends all it gives.
    (
        EL,
        "Managed Systems and Services (MSAS)(FZC)",
        "No. A3089 Seif, Sharjah, AE; SAIF Zone 250 M2 Warehouse P60-109, PO Box 122550, Sharjah, AE",
    ),
    (SSI, "RUSSIAN DIRECT INVESTMENT FUND MANAGEMENT COMPANY", "d. 9 prospekt Akademika Sakharova, Moscow, 107996, RU"),
]


def test_an_address_ending_in_its_country_s_code_gives_its_city(tmp_path, capsys, shared_data, monkeypatch):
    """Found in the thirty-third part: an entry's own places (`_own_places`) were read from an
    address's part next to its country, and the CSL writes the country as its ISO code, which
    names no place: of the 2,748 addressed entries of the CSL of 2023-11, 2,395 had no place of
    their own, so "Managed Systems and Services, Sharjah" was a doubt, "... beside no place of
    ...'s own", though Sharjah is the entry's address. A code the address ends with is its country
    now, a postcode between passed over ("Moscow, 107996, RU"): 1,216 of them gain their city.
    The place read must be of that country: "Baja California, MX" gives no US California, nor
    "Goma, CG" Goma."""
    header = list(rows(shared_data / EXCERPT)[0].keys())
    records = [
        {c: "" for c in header} | {"_id": f"{n:040x}", "source": s, "name": name, "addresses": address}
        for n, (s, name, address) in enumerate(CODE_LAST_ROWS)
    ]
    rl = imported(
        tmp_path, capsys, _csv_of(tmp_path / "codes.csv", records), "--retrieved", "2025-06-01", name="l.yaml"
    )
    matcher = ListMatcher(rl)

    def found(affiliation: str) -> list[tuple[str, bool]]:
        hits = matcher.hits(Authorship("A", 0, raw_affiliations=(affiliation,)))
        return [(h.entry.name, h.doubt is None) for h in hits]

    def doubt(affiliation: str) -> str | None:
        (hit,) = matcher.hits(Authorship("A", 0, raw_affiliations=(affiliation,)))
        return hit.doubt

    msas, rdif = (name for _, name, _ in CODE_LAST_ROWS)
    # Its own city is read now, and said; a name of common words without its form stays a doubt
    # beside it (another firm of Sharjah may bear it), the company named with its form.
    assert found("Managed Systems and Services, Sharjah") == [(msas, False)]
    assert f"without it, beside a place of {msas}'s own" in (doubt("Managed Systems and Services, Sharjah") or "")
    assert f"beside no place of {msas}'s own" in (doubt("Managed Systems and Services, Dubai, UAE") or "")
    assert found("Managed Systems and Services FZC, Sharjah") == [(msas, True)]
    assert found("Russian Direct Investment Fund Management, Moscow, Russia") == [(rdif, False)]
    assert "beside a place of" in (doubt("Russian Direct Investment Fund Management, Moscow, Russia") or "")
    assert "beside no place of" in (doubt("Russian Direct Investment Fund Management, Kazan, Russia") or "")
    # The same file's "ADP, S.C." (SDN) and "..., Goma, CG" (Goma is in the other Congo, CD).
    assert _own_places(("Tijuana, Baja California, MX",), ()) == frozenset()
    assert _own_places(("P. O. Box 873, Goma, CG",), ()) == frozenset()
    assert _own_places((CODE_LAST_ROWS[1][2], "Havana, CU", "Kowloon, Hong Kong, CN"), ()) == {
        "moscow",
        "havana",
        "kowloon",
    }
    root = project(tmp_path / "engines")
    monkeypatch.chdir(root)
    listed = (tmp_path / "l.yaml").read_text(encoding="utf-8")
    (result,) = coauthor_text_results(root, listed, "Managed Systems and Services, Sharjah, United Arab Emirates")
    assert result["verdict"] == "insufficient_evidence" and result["uncertain"] == 1
    (result,) = coauthor_text_results(root, listed, "Managed Systems and Services FZC, Sharjah, United Arab Emirates")
    assert result["verdict"] == "contradicted" and not result["uncertain"]


# The SDN list's row as the CSL of 2023-11 gives it (moov-io/watchman's test/testdata/csl.csv at
# c815c599), four of its 25 addresses: each ends "city, state, MX", the state one no place list knows.
SIN_MEX_ROW = (
    SDN,
    "SIN-MEX IMPORTADORA, S.A. DE C.V.",
    "Poniente 140 No. 639, Col. Industrial Vallejo, Mexico, Distrito Federal, MX; Pedro Loza No. 174, Col."
    " Centro, Guadalajara, Jalisco, MX; Riva Palacio No. 675 Sur, Col. Almada, Culiacan, Sinaloa, MX; Plaza"
    " de la Mujer Local 27, Morelos No. 133 Poniente, Monterrey, Nuevo Leon, MX",
)


def test_a_state_no_place_list_knows_before_the_country_s_code_leaves_the_city(tmp_path, capsys):
    """Found in the thirty-fifth part: "Sin-Mex Importadora, Guadalajara, Mexico" was a doubt saying
    the text wrote the name "beside no place of SIN-MEX IMPORTADORA, S.A. DE C.V.'s own", though
    the entry's addresses are in Guadalajara, Culiacan and Monterrey: the part next to the code is
    the state (Jalisco), which names no place the lists know, so none was read. Such a part (up to
    three capitalised words, no digit) is passed over to the city before it now: 183 addresses of
    94 entries of that file gain their city ("Houston" of "..., Houston, TX, 77042, US"); a region
    before the city ("Vitebsk Region, Polotsk, 21140, BY") is not taken for it."""
    header = list(rows(Path(__file__).parent / "fixtures" / "csl" / "consolidated.csv")[0].keys())
    record = {c: "" for c in header} | dict(zip(("source", "name", "addresses"), SIN_MEX_ROW, strict=True))
    rl = imported(tmp_path, capsys, _csv_of(tmp_path / "sinmex.csv", [record | {"_id": "1"}]), name="l.yaml")
    matcher = ListMatcher(rl)

    def doubt(affiliation: str) -> str:
        (hit,) = matcher.hits(Authorship("A", 0, raw_affiliations=(affiliation,)))
        assert hit.doubt is not None, affiliation  # common Spanish words without the form: a doubt
        return hit.doubt

    name = SIN_MEX_ROW[1]
    for city in ("Guadalajara, Jalisco", "Culiacan", "Monterrey, Nuevo Leon"):
        assert f"beside a place of {name}'s own" in doubt(f"Sin-Mex Importadora, {city}, Mexico"), city
    assert f"beside no place of {name}'s own" in doubt("Sin-Mex Importadora, Tijuana, Mexico")
    assert _own_places(("Industrial Zone Ksty, Vitebsk Region, Polotsk, 21140, BY",), ()) == frozenset()
    assert _own_places(("Tijuana, Baja California, MX",), ()) == frozenset()  # as before


def _places_known_alone() -> list[tuple[str, str]]:
    """Every city and region the place reader knows, written as an address would, with its country."""
    from claimwatch.countries import CODES
    from claimwatch.evaluate._places import place_names, places_in

    found = []
    for name in sorted(place_names()):
        written = name.title()
        places = places_in(written)
        if len(places) == 1 and not places[0].is_country and places[0].end - places[0].start == len(written):
            found.append((written, places[0].country))
    return [(written, code) for written, code in found if code in CODES]


@settings(max_examples=200, deadline=None)
@given(
    place=st.sampled_from(_places_known_alone()),
    postcode=st.sampled_from(["", ", 119034", ", 8027", ", SW1A 2AA", ", H3A 0G4"]),
    other=st.sampled_from(["AE", "CU", "FR", "RU", "US"]),
)
def test_the_place_before_its_country_s_code_is_the_entry_s_own(place, postcode, other):
    """Any city or region the reader knows, last before a postcode or none and its country's code
    as the CSL writes addresses, is an own place; before another country's code it is not, save a
    Chinese province, read as such whatever the country (`_city_and_province`)."""
    from claimwatch.evaluate._provinces import named_provinces, provinces_in

    written, code = place
    own = _own_places((f"12 Main Road, {written}{postcode}, {code}",), ())
    assert "".join(written.lower().split()) in own
    its_own = other == code or (code, other) in {("HK", "CN"), ("MO", "CN"), ("TW", "CN")}
    if not its_own and not named_provinces(provinces_in(written)):
        assert _own_places((f"12 Main Road, {written}{postcode}, {other}",), ()) == frozenset()


@pytest.mark.parametrize(
    ("name", "within"),
    [
        # Thirty-third part: one organisation's word alone after "a.k.a." names nothing (built);
        # a name of its own there still counts, as the CSL's "JSC NIIP, f.k.a., ..." does.
        ("Tokai Rika, AKA Holdings", ["Tokai Rika"]),
        ("Tokai Rika Co. (a.k.a. Group)", ["Tokai Rika Co."]),
        ("Tokai Rika Co. (a.k.a. Tokai Holdings, Group)", ["Tokai Rika Co.", "Tokai Holdings, Group"]),
        ("Tokai Rika Co. (a.k.a. TRH)", ["Tokai Rika Co.", "TRH"]),
    ],
)
def test_one_organisations_word_alone_is_no_other_name_within(name, within):
    from claimwatch.lists._csl import other_names_within

    assert other_names_within(name) == within


# Names and aliases giving another name within them, as the CSL of 2023-11 (moov-io/watchman's
# test/testdata/csl.csv) writes them: the Entity List's CAEP row (its addresses "64 Mianshan Road,
# Mianyang, Sichuan, Mianyang, CN"; one of its aliases, joined by ";", given here with two of the
# others) and its "JSC NIIP, f.k.a., ..." row, and the Nonproliferation row naming two more names
# in a square bracket, its aliases joined by commas in one value.
OTHER_NAME_ROWS = [
    (EL, "Chinese Academy of Engineering Physics", "64 Mianshan Road, Mianyang, Sichuan, Mianyang, CN",
     "Southwest Institute of Materials; Southwest Institute of Nuclear Physics and Chemistry (a.k.a., China "
     "Academy of Engineering Physics (CAEP)?s 902 Institute); Southwest Institute of Structural Mechanics"),
    (EL, "Tikhomirov Scientific Research Institute of Instrument Design, JSC", "Zhukovsky, RU",
     "JSC NIIP, f.k.a., Otkrytoe Aktsionernoe Obshchestvo Nauchno Issledovatelski Institut Priborostroeniya "
     "Imeni V.V. Tikhomirova"),
    (ISN, "Astronautics Research Institute [aka Astronautics Systems Research Center, Aerospace Research "
     "Institute]", "", ""),
]  # fmt: skip


def _other_name_rows(tmp_path: Path, shared_data: Path) -> Path:
    header = list(rows(shared_data / EXCERPT)[0].keys())
    records = [
        {c: "" for c in header}
        | {"_id": f"{n:040x}", "source": s, "name": name, "addresses": address, "alt_names": aliases}
        for n, (s, name, address, aliases) in enumerate(OTHER_NAME_ROWS)
    ]
    return _csv_of(tmp_path / "other-names.csv", records)


def test_a_name_giving_another_within_it_gives_each_name(tmp_path, capsys, shared_data):
    """Another name given within a name or an alias, after "a.k.a." or "f.k.a." in a bracket that
    holds a bracket of its own, in a square bracket, or after a comma, was kept whole, and the
    matcher reads only a round bracket holding none: a coauthor at "Southwest Institute of Nuclear
    Physics and Chemistry, Mianyang" (CAEP's 902 Institute), "JSC NIIP, Zhukovsky" or "Aerospace
    Research Institute, Tehran" named nothing, the claim cleared in silence. Each name is an alias
    now; "PEARL (A.K.A. NEI-CHIEN CHU) LI" (the DPL's, the bracket within) stays one name."""
    from claimwatch.lists._csl import other_names_within

    rl = imported(tmp_path, capsys, _other_name_rows(tmp_path, shared_data), "--retrieved", "2023-11-30")
    caep = by_name(rl, "Chinese Academy of Engineering Physics")
    assert caep.aliases[:2] == (
        "Southwest Institute of Nuclear Physics and Chemistry",
        "China Academy of Engineering Physics (CAEP)?s 902 Institute",
    )
    niip = by_name(rl, "Tikhomirov Scientific Research Institute of Instrument Design, JSC")
    assert niip.aliases[0] == "JSC NIIP"
    (ari,) = [e for e in rl.entries if e.name.startswith("Astronautics Research Institute")]
    assert ari.aliases == (
        "Astronautics Research Institute",
        "Astronautics Systems Research Center",
        "Aerospace Research Institute",
    )
    matcher = ListMatcher(rl)
    for affiliation, entry, certain in (
        ("Southwest Institute of Nuclear Physics and Chemistry, Mianyang 621900, China", caep, True),
        ("JSC NIIP, Zhukovsky, Moscow Region, Russia", niip, True),
        # The Nonproliferation row gives no address: a doubt, never a match.
        ("Aerospace Research Institute, Ministry of Science, Research and Technology, Tehran, Iran", ari, False),
    ):
        (hit,) = matcher.hits(Authorship("A", 0, raw_affiliations=(affiliation,)))
        assert hit.entry is entry and (hit.doubt is None) == certain, (affiliation, hit.doubt)
    assert other_names_within("PEARL (A.K.A. NEI-CHIEN CHU) LI") == []
    assert other_names_within("Ri Sung Chol (aka Ri Su'ng-ch'o'l) (DPRK individual)") == []


def test_a_coauthor_at_a_name_given_within_another_is_found_on_both_engines(tmp_path, capsys, shared_data):
    """CAEP's 902 Institute, an alias the Entity List gives inside another's bracket: a 2024 paper
    with a coauthor there was `insufficient_evidence` in silence; `contradicted` on both engines."""
    from claimwatch import claims as claims_mod
    from helpers import LAB, authorship, work, write, write_jsonl
    from test_columnar_engine import engines_agree

    imported(tmp_path, capsys, _other_name_rows(tmp_path, shared_data), name="evidence/lists/csl.yaml")
    write(tmp_path / "claims/c.yaml", UNREAD_CLAIMS)
    claims = claims_mod.load_claims([tmp_path / "claims/c.yaml"], root=tmp_path)
    partner = authorship(
        "B. Partner", [], raw=["Southwest Institute of Nuclear Physics and Chemistry, Mianyang, China"]
    )
    records = [work("W1", "A paper", "2024-06-01", [authorship("A. Lab", [LAB]), partner])]
    results = engines_agree(claims, [write_jsonl(tmp_path / "works.jsonl", records)], tmp_path / "cache")
    assert [(r.claim, r.verdict, r.matched) for r in results.results] == [
        ("any", "contradicted", 1),
        ("before", "insufficient_evidence", 0),  # the row gives no start_date
    ]


@pytest.mark.parametrize(
    ("name", "bare", "affiliation"),
    [
        # Real Nonproliferation names of the CSL of 2023-11 (moov-io/watchman's test/testdata/csl.csv),
        # the list's wording after them with no ";" before it, or a comma.
        (
            "Ardis Group of Companies LLC and any successor, sub-unit, or subsidiary thereof",
            "Ardis Group of Companies LLC",
            "Ardis Group of Companies LLC, St. Petersburg, Russia",
        ),
        (
            "PFK Profpodshipnik, LLC and any successor, sub-unit, or subsidiary thereof",
            "PFK Profpodshipnik, LLC",
            "PFK Profpodshipnik, LLC, Moscow, Russia",
        ),
        (
            "Wisdom Import and Export (Shanghai) Co., Ltd. and any successor, sub-unit, or subsidiary thereof",
            "Wisdom Import and Export (Shanghai) Co., Ltd.",
            "Wisdom Import and Export (Shanghai) Co., Ltd., Shanghai, China",
        ),
        (
            "Poly Technologies Incorporated (PTI), and its sub-units and successors",
            "Poly Technologies Incorporated (PTI)",
            "Poly Technologies Incorporated, Beijing, China",
        ),
        # The excerpt's form, ";" before the wording, as before.
        (
            "Sinobright Import and Export Company; and any successor, sub-unit, or subsidiary thereof",
            "Sinobright Import and Export Company",
            "Sinobright Import and Export Company, Beijing, China",
        ),
    ],
)
def test_a_name_with_the_successors_wording_however_joined_is_found_without_it(
    tmp_path, capsys, shared_data, name, bare, affiliation
):
    """The Nonproliferation list's "and any successor, sub-unit, or subsidiary thereof" (or "and
    its sub-units and successors") was taken off a name only after a ";": the CSL of 2023-11 writes
    eleven names with none or a comma before it, each found in no affiliation, a coauthor at one
    cleared in silence. The name without it is the first alias now; the row gives no address, so
    an author at it is a doubt, never a match."""
    header = list(rows(shared_data / EXCERPT)[0].keys())
    record = {c: "" for c in header} | {"_id": "1" * 40, "source": ISN, "name": name}
    rl = imported(tmp_path, capsys, _csv_of(tmp_path / "isn.csv", [record]))
    (entry,) = rl.entries
    assert entry.aliases[0] == bare
    (hit,) = ListMatcher(rl).hits(Authorship("A", 0, raw_affiliations=(affiliation,)))
    assert hit.entry is entry and hit.doubt and "gives no country to check it against" in hit.doubt


# The Entity List's row for Dolgoprudny Research Production Enterprise (79 FR 55608) in the CSL of
# 2023-11 (moov-io/watchman's test/testdata/csl.csv), its fields as given there.
DOLGOPRUDNY = {
    "_id": "8d0833b2873ab010269e91ee9af4163782799720c318b022acb087bc",
    "source": EL,
    "name": "Dolgoprudny Research Production Enterprise, OAO, ",
    "addresses": "1 Pl. Sobina, Dolgoprudny, Moskovskaya obl., 141700, RU; Proshchad Sobina 1, Dolgoprudny, 141700, RU",
    "federal_register_notice": "79 FR  55608",
    "start_date": "2014-09-17",
    "alt_names": "olgoprudnenskoye NPP OAO; Dolgoprudny; Dolgoprudny Research Production Enterprise; Otkrytoe "
    "Aktsionernoe Obshchestvo Doigoprudnenskoe Nauchno Proizvodstvennoe Predpriyatie; OAO ?Dolgoprudny Research "
    "Production Enterprise?",
}
# The Moscow Institute of Physics and Technology, in Dolgoprudny, as affiliations write it.
MIPT = "Moscow Institute of Physics and Technology, Dolgoprudny, Moscow Region 141701, Russia"


def test_an_alias_that_is_its_own_addresses_town_is_no_alias(tmp_path, capsys, shared_data):
    """The Entity List gives Dolgoprudny Research Production Enterprise the alias "Dolgoprudny", the
    name of the town its addresses give: the town's name placed itself in Russia, so a coauthor at
    the Moscow Institute of Physics and Technology, in Dolgoprudny, was certainly at the listed
    enterprise. An alias that is wholly a place its own addresses give, with no organisation's
    word, is no alias, and the entry's notes say so; its longer names are found as before, and an
    alias holding an organisation's word that an address also gives ("Sichuan University") stays."""
    header = list(rows(shared_data / EXCERPT)[0].keys())
    sichuan = {c: "" for c in header} | {
        "_id": "2" * 40,
        "source": EL,
        "name": "Sichuan University",
        "addresses": "Sichuan University, No. 24 South Section 1, Yihuan Road, Chengdu, CN",
        "alt_names": "Sichuan University",
    }
    rl = imported(tmp_path, capsys, _csv_of(tmp_path / "el.csv", [{c: "" for c in header} | DOLGOPRUDNY, sichuan]))
    entry = by_name(rl, "Dolgoprudny Research Production Enterprise, OAO,")
    assert "Dolgoprudny" not in entry.aliases and "Dolgoprudny Research Production Enterprise" in entry.aliases
    assert "The list gives the alias 'Dolgoprudny', the name of a place its own addresses give" in entry.notes
    matcher = ListMatcher(rl)
    assert matcher.hits(Authorship("A", 0, raw_affiliations=(MIPT,))) == []
    (hit,) = matcher.hits(
        Authorship("A", 0, raw_affiliations=("Dolgoprudny Research Production Enterprise, Dolgoprudny, Russia",))
    )
    assert hit.entry is entry and hit.doubt is None
    # Confirmed in the thirty-third part (docs/lists.md): the town's word before a company form,
    # perhaps the enterprise, stays a doubt, said as the company forms' doubts are since the same
    # part; the town alone names nothing (MIPT above).
    (perhaps,) = matcher.hits(Authorship("A", 0, raw_affiliations=("Dolgoprudny OAO, Dolgoprudny, Russia",)))
    # The form is the list's own ("..., OAO,"): said so, not "under another company form".
    assert perhaps.entry is entry and perhaps.doubt and "with its company form but without the rest" in perhaps.doubt
    (found,) = matcher.hits(Authorship("A", 0, raw_affiliations=("Sichuan University, Chengdu, China",)))
    assert found.entry.name == "Sichuan University" and found.doubt is None


def test_a_coauthor_in_the_town_an_alias_names_is_no_match_on_both_engines(tmp_path, capsys, shared_data):
    """A 2024 paper with a coauthor at the Moscow Institute of Physics and Technology was
    `contradicted` on both engines by the Dolgoprudny enterprise; nothing on it names the
    enterprise now (`insufficient_evidence`, no work matched nor uncertain)."""
    from claimwatch import claims as claims_mod
    from helpers import LAB, authorship, work, write, write_jsonl
    from test_columnar_engine import engines_agree

    header = list(rows(shared_data / EXCERPT)[0].keys())
    imported(
        tmp_path,
        capsys,
        _csv_of(tmp_path / "el.csv", [{c: "" for c in header} | DOLGOPRUDNY]),
        name="evidence/lists/csl.yaml",
    )
    write(tmp_path / "claims/c.yaml", UNREAD_CLAIMS)
    claims = claims_mod.load_claims([tmp_path / "claims/c.yaml"], root=tmp_path)
    records = [
        work("W1", "A paper", "2024-06-01", [authorship("A. Lab", [LAB]), authorship("B. Partner", [], raw=[MIPT])])
    ]
    results = engines_agree(claims, [write_jsonl(tmp_path / "works.jsonl", records)], tmp_path / "cache")
    assert [(r.verdict, r.matched, r.uncertain) for r in results.results] == [("insufficient_evidence", 0, 0)] * 2


FIRM_ROWS = [
    # (source, name, addresses, notice): real untyped rows of the CSL of 2023-11 (moov-io/watchman's
    # test/testdata/csl.csv at c815c599), marked may_be_a_person before the thirty-fourth part:
    # words of firms' names no one is named by, and a Chinese firm named after its city first.
    (UVL, "Nouvelle Option", "1305 Rue Pise, Brossard, Quebec, J4W 2P7, Canada, CA", ""),
    (EL, "Video Logic", "4 Yunost Square, NPZ, Suite 1-7, Zelenograd, 124482, RU", "77 FR 61249 No. 195"),
    (EL, "Sahab Phase", "5 Yaas St, Unit 4, Tehran, IR", "73 FR 74001"),
    (EL, "Source Com", "Sharjah Airport, SAIF Zone P6 Area 191, Sharjah, AE", "79 FR 32441"),
    ("Denied Persons List (DPL) - Bureau of Industry and Security", "KZ RESULTS",
     "3334 WALNUT BEND LANE, HOUSTON, TX, 77042, US", "70 F.R. 17645 4/7/05"),
    ("Nonproliferation Sanctions (ISN) - State Department", "Tarh O Palayesh", "", "Vol. 78, No. 38, 02/26/13"),
    (UVL, "Harbin Xinguang Feitian", "1717 Chuangxin Yi Road, Harbin, Heilongjiang Province, China, CN", ""),
    # Thirty-fifth part: three more, firms' coined words, marked until then.
    (EL, "Sputnik E", "7150 Rue Chouinard, Montreal, Quebec, H8N 2Z6, CA", "77 FR 61249 No. 195"),
    (EL, "New Intelcom", "Manchieh St, Garden Place Blvd, Hariet Hreik, Beirut, LB", "79 FR 32441"),
    (EL, "Cybernet MEA", "202 B Sama Tower Sheikh Tayed Road #3, P.O. Box 16048, Dubai, AE", "81 FR 14953"),
    # Real people of that file beside them, still marked ("Fang Yu" at Xi'an, "Alex Woolf" at
    # Montreal), and, built from them, one whose given name is a Chinese city ("Fuyuan Huang",
    # really at Beijing, put at Fuyuan) and one named after a city outside China.
    (EL, "Fang Yu", "16 Gaoxin 4th Road, Xian High Tech Industrial Development Zone, Xi'an, CN", "77 FR 61249"),
    (EL, "Alex Woolf", "2021 Atwater Street, Suite 216, Montreal, Quebec, H3H 2P2, CA", "77 FR 61249 No. 195"),
    (EL, "Fuyuan Huang", "No. 2A Zhonghuan Road, Fuyuan, Heilongjiang, CN", "84 FR 29375"),
    (EL, "Florence Anne Brown", "8 Via Roma, Florence, IT", "84 FR 29375"),
]  # fmt: skip


def test_a_firms_word_no_one_is_named_by_or_its_chinese_city_first_is_no_persons_name(tmp_path, capsys, shared_data):
    """Seven untyped rows of the CSL of 2023-11 naming firms ("Video Logic", "Harbin Xinguang
    Feitian") were marked may_be_a_person, every author at one a doubt; 912 entries of that file
    were marked after the thirty-fourth part, 919 before: those seven, no person among them (no
    name of the file's 1,045 typed individuals holds such a word). The thirty-fifth part's three
    ("Sputnik E", "New Intelcom", "Cybernet MEA"): 909 marked."""
    rl = _company_form_rows_imported(tmp_path, capsys, shared_data, FIRM_ROWS)
    assert [e.name for e in rl.entries if e.may_be_a_person] == [
        "Fang Yu",
        "Alex Woolf",
        "Fuyuan Huang",
        "Florence Anne Brown",
    ]
    video_logic = by_name(rl, "Video Logic")
    affiliation = "Video Logic, Zelenograd, Moscow, Russia"
    (hit,) = [
        h for h in ListMatcher(rl).hits(Authorship("A", 0, raw_affiliations=(affiliation,))) if h.entry is video_logic
    ]
    assert hit.doubt is None  # a match: it was "... may name a person, not an organisation ..."


ALIASED_ROWS = [
    # (source, name, aliases, addresses, notice): real untyped rows of the CSL of 2023-11. People
    # beside an alias of no kind, a nickname, a given name alone or another transliteration, which
    # `_named_as_a_person_is` does not read as a name: unmarked before the thirty-sixth part.
    (EL, "Luo Jie", "Cherry; Ivy Luo; Jie Luo", "Room 1007, Block C2, Galaxy Century Bldg., CaiTian Rd., FuTian "
     "District, Shenzhen, CN", "76 FR 67059 No. 210"),
    (EL, "Habib ur Rahman", "Hanif; and Habib Rahman", "Ghazni City, AF", "76 FR 71867"),
    (EL, "Qazi Abdallah", "Khan Dilawar; Ibrahim Valid Javaid; Jawid, Sa'id Jan 'Abd-al-Salam; Ibrahim Walid",
     "Microrayan 3rd Apt. 45, block #21, Kabul, AF", "76 FR 71867"),
    ("Nonproliferation Sanctions (ISN) - State Department", "Parviz Khaki", "Martin", "",
     "Vol. 78, No. 136, 07/16/13"),
    # Firms named as a person is, beside an alias that is a firm's: still unmarked.
    (EL, "Action Global", "Action Global Co., Limited", "2 Wang Tung Street, Kowloon Bay, KLN, HK",
     "76 FR 67059 No. 210"),
    (EL, "Nexus Empire", "Vast Solution", "2706 Amcorp Building, Jalan 18, Petaling Jaya, Selangor, 46050, MY",
     "73 FR 54508"),
    ("Nonproliferation Sanctions (ISN) - State Department", "Yasa Part",
     "Arfa Paint Company, Arfeh Company, Shetab G, Shetab Gaman", "", "Vol. 76, No. 229, 11/29/11"),
]  # fmt: skip


def test_a_person_beside_an_alias_of_no_kind_may_be_a_person(tmp_path, capsys, shared_data):
    """Thirty-sixth part: untyped rows of the CSL of 2023-11 naming people ("Luo Jie", aliases
    "Cherry; Ivy Luo; Jie Luo") were not marked may_be_a_person, since one alias ("Cherry") is not
    written as a name of two words is: an author at an affiliation giving "Jie Luo" was a certain
    match. An alias holding no organisation's word nor a word in capitals says nothing either way:
    marked, a doubt; the firms beside a firm's alias stay unmarked. 10 entries of that file marked
    more, 919 untyped entities named as a person is; no firm among them."""
    header = rows(shared_data / EXCERPT)[0].keys()
    source = tmp_path / "aliased.csv"
    with source.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(header))
        writer.writeheader()
        for n, (list_name, name, aliases, address, notice) in enumerate(ALIASED_ROWS):
            writer.writerow(
                {c: "" for c in header}
                | {"_id": f"{n:040x}", "source": list_name, "name": name, "alt_names": aliases, "addresses": address,
                   "federal_register_notice": notice}
            )  # fmt: skip
    rl = imported(tmp_path, capsys, source, "--retrieved", "2025-06-01")
    assert [e.name for e in rl.entries if e.may_be_a_person] == [
        "Luo Jie",
        "Habib ur Rahman",
        "Qazi Abdallah",
        "Parviz Khaki",
    ]
    person = by_name(rl, "Luo Jie")
    affiliation = "Jie Luo, Shenzhen, China"
    (hit,) = [h for h in ListMatcher(rl).hits(Authorship("A", 0, raw_affiliations=(affiliation,))) if h.entry is person]
    assert hit.doubt is not None and "person" in hit.doubt


def test_a_surname_that_is_a_firms_word_too_still_may_be_a_person(tmp_path, capsys, shared_data):
    """Found in review: "nouveau", French "new", was read as no one's name beside the file's
    "Nouvelle Option", though it is a surname (the poet Germain Nouveau, 1851-1920:
    en.wikipedia.org/wiki/Germain_Nouveau): a person so named on the Denied Persons List, written
    in capitals as it writes people ("ABEL HERNANDEZ, JR."), lost the mark, and an author at an
    affiliation naming them was a certain match. Marked again; the firm stays unmarked by "option"."""
    dpl = "Denied Persons List (DPL) - Bureau of Industry and Security"
    rows = [
        (UVL, "Nouvelle Option", "1305 Rue Pise, Brossard, Quebec, J4W 2P7, Canada, CA", ""),
        (dpl, "GERMAIN NOUVEAU", "12 RUE DE RIVOLI, PARIS, 75004, FR", "70 F.R. 17645 4/7/05"),
    ]
    rl = _company_form_rows_imported(tmp_path, capsys, shared_data, rows)
    assert [e.name for e in rl.entries if e.may_be_a_person] == ["GERMAIN NOUVEAU"]
    person = by_name(rl, "GERMAIN NOUVEAU")
    affiliation = "Lycée Germain Nouveau, Paris, France"
    (hit,) = [h for h in ListMatcher(rl).hits(Authorship("A", 0, raw_affiliations=(affiliation,))) if h.entry is person]
    assert hit.doubt is not None and "person" in hit.doubt
