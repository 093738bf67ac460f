"""`claimwatch lists import aspi|csl`: every mapping rule, both CSL formats, the real ASPI file,
every kind of bad input, determinism and atomic writing."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch import lists
from claimwatch.cli import cli, main
from claimwatch.errors import InputError
from claimwatch.lists import load_list

FIXTURES = Path(__file__).parent / "fixtures" / "csl"
CSL_JSON = FIXTURES / "consolidated.json"
CSL_CSV = FIXTURES / "consolidated.csv"
ASPI_NAME = "aspi/misp-galaxy-china-defence-universities.json"
EL = "Entity List (EL) - Bureau of Industry and Security"
SEVEN_SONS = {
    "Beihang University",
    "Beijing Institute of Technology",
    "Harbin Institute of Technology",
    "Harbin Engineering University",
    "Northwestern Polytechnical University",
    "Nanjing University of Aeronautics and Astronautics",
    "Nanjing University of Science and Technology",
}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def imported(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    source_file: Path | str,
    *options: str,
    name: str = "imported.yaml",
):
    out = tmp_path / name
    code, stdout, err = run(capsys, "lists", "import", kind, str(source_file), "--out", str(out), *options)
    # The import's notes (imported.notes) may be said on stderr too; nothing else may.
    assert code == 0 and all(line.startswith("note: ") for line in err.splitlines()), err
    return load_list(out), stdout


def by_name(rl, name: str):
    matches = [e for e in rl.entries if e.name == name]
    assert len(matches) == 1, [e.name for e in rl.entries]
    return matches[0]


def galaxy(values: list[dict], **top) -> dict:
    return {
        "type": "china-defence-universities",
        "name": "China Defence Universities Tracker",
        "source": "ASPI International Cyber Policy Centre",
        "version": 1,
        "values": values,
        **top,
    }


def write_json(path: Path, data) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# --- ASPI: the real tracker file ----------------------------------------------------------------


def test_aspi_real_file_keeps_all_159_institutions(tmp_path, capsys, shared_data):
    rl, stdout = imported(tmp_path, capsys, "aspi", shared_data / ASPI_NAME, name="aspi.yaml")
    assert len(rl.entries) == 159
    assert rl.imported["records_read"] == 159 and rl.imported["entries_kept"] == 159
    assert "159 entries kept of 159 records" in stdout
    assert all(e.listed_from is None and e.citation is None for e in rl.entries)
    categories = {c for e in rl.entries for c in e.categories}
    assert categories == {
        "Civilian",
        "Military",
        "Defence industry conglomerate",
        "Security",
        "Seven sons of national defence",
    }


def test_aspi_seven_sons_category(tmp_path, capsys, shared_data):
    rl, _ = imported(
        tmp_path,
        capsys,
        "aspi",
        shared_data / ASPI_NAME,
        "--category",
        "Seven sons of national defence",
        name="seven-sons.yaml",
    )
    assert {e.name for e in rl.entries} == SEVEN_SONS
    assert rl.id == "seven-sons"
    assert rl.name == "China Defence Universities Tracker: Seven sons of national defence"
    assert rl.imported["options"] == {"category": ["Seven sons of national defence"]}
    beihang = by_name(rl, "Beihang University")
    assert beihang.id == "beihang-university"
    assert beihang.aliases == ("北京航空航天大学", "Beijing University of Aeronautics and Astronautics", "BUAA")
    assert beihang.categories == ("Seven sons of national defence",)
    assert beihang.supervising_agencies == ("Ministry of Industry and Information Technology (MIIT)",)
    assert beihang.references == ("https://unitracker.aspi.org.au/universities/beihang-university",)
    assert beihang.listed_from is None and beihang.verified
    assert "Heilongjiang Provincial Government" in by_name(rl, "Harbin Engineering University").supervising_agencies
    # USTC is filed as Civilian, not as one of the Seven Sons (FACTS.md).
    assert "University of Science and Technology of China" not in {e.name for e in rl.entries}


def test_aspi_category_is_matched_without_regard_to_case_and_repeats(tmp_path, capsys, shared_data):
    rl, _ = imported(
        tmp_path,
        capsys,
        "aspi",
        shared_data / ASPI_NAME,
        "--category",
        "seven SONS of national defence",
        "--category",
        "Security",
        name="two.yaml",
    )
    assert len(rl.entries) == 7 + 8
    assert {e.name for e in rl.entries} >= SEVEN_SONS


def test_aspi_unknown_category_names_the_known_ones(tmp_path, capsys, shared_data):
    out = tmp_path / "x.yaml"
    code, _, err = run(
        capsys, "lists", "import", "aspi", str(shared_data / ASPI_NAME), "--out", str(out), "--category", "Seven sons"
    )
    assert code == 2
    assert err.count("\n") == 1
    assert "no entry has the category 'Seven sons'" in err and "Seven sons of national defence" in err
    assert not out.exists()


# --- ASPI: mapping rules on small galaxies -------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "name", "native"),
    [
        ("Beihang University (北京航空航天大学)", "Beihang University", "北京航空航天大学"),
        (
            "China University of Geosciences (Wuhan) (中国地质大学)",
            "China University of Geosciences (Wuhan)",
            "中国地质大学",
        ),
        ("Example Institute (EI)", "Example Institute (EI)", None),
        ("Example Institute", "Example Institute", None),
        # The tracker's own quirks (twenty-fourth part): a bracket inside the Chinese, full-width
        # brackets, one of each width, a bracket never closed.
        (
            "Key Laboratory of Information Fusion, Ministry of Education (信息融合技术教育部重点实验室(B类))",
            "Key Laboratory of Information Fusion, Ministry of Education",
            "信息融合技术教育部重点实验室(B类)",
        ),
        (
            "Laboratory of High Power Microwave Technology（高功率微波技术国防科技重点实验室）",
            "Laboratory of High Power Microwave Technology",
            "高功率微波技术国防科技重点实验室",
        ),
        (
            "Beijing Computational Science Research Center （北京计算科学研究中心)",
            "Beijing Computational Science Research Center",
            "北京计算科学研究中心",
        ),
        (
            "Artificial Intelligence Research Center (人工智能研究中心",
            "Artificial Intelligence Research Center",
            "人工智能研究中心",
        ),
        # A Chinese bracket inside a remark is no name's Chinese form; a bracket without Chinese stays.
        (
            "Third Affiliated Hospital/Daping Hospital (第三附属医院/大坪医院), now known as the Army Characteristic Medical Center",
            "Third Affiliated Hospital/Daping Hospital (第三附属医院/大坪医院), now known as the Army Characteristic Medical Center",
            None,
        ),
        (
            "Marine Vibration and Noise Laboratory (jointly run with CSIC 701",
            "Marine Vibration and Noise Laboratory (jointly run with CSIC 701",
            None,
        ),
        ("(北京航空航天大学)", "(北京航空航天大学)", None),
    ],
)
def test_split_aspi_value(value, name, native):
    assert lists.split_aspi_value(value) == (name, native)


def test_every_name_the_real_tracker_gives_with_its_chinese_form_is_split_from_it(shared_data):
    """Found by the twenty-fourth part's hunt: 25 of the 445 institutions the real tracker names under
    its entries kept their Chinese form in the name ("Key Laboratory of Information Fusion, Ministry of
    Education (信息融合技术教育部重点实验室(B类))", "Beijing Computational Science Research Center
    （北京计算科学研究中心)"), which no affiliation writes, so an author there was no doubt at all."""
    document = lists.import_aspi(shared_data / "aspi/misp-galaxy-china-defence-universities.json", list_id="aspi")
    names = [e["name"] for e in document["entries"]]
    names += [r["name"] for e in document["entries"] for r in e.get("related", [])]
    ending_in_chinese = [n for n in names if re.search(r"[\u3400-\u9fff][^\u3400-\u9fff]{0,4}$", n)]
    # Two companies named in Chinese alone, nothing to split from.
    assert ending_in_chinese == ["西安电子科大金讯科技有限责任公司", "西安中电科西电科大雷达技术协同创新研究院有限公司"]


def test_aspi_entry_fields(tmp_path, capsys):
    source = write_json(
        tmp_path / "galaxy.json",
        galaxy(
            [
                {
                    "value": "Example Defence University (示例国防大学)",
                    "uuid": "0123abcd-0000-0000-0000-000000000000",
                    "description": "Not kept.",
                    "meta": {
                        "aliases": ["示例国防大学", "EDU", "Example Defense University"],
                        "categories": ["Military"],
                        "supervising agencies": ["Central Military Commission (CMC)"],
                        "address": "Example Road 1, Beijing",
                        "refs": ["https://unitracker.aspi.org.au/universities/example"],
                        "topics": ["Not kept"],
                    },
                }
            ]
        ),
    )
    rl, _ = imported(tmp_path, capsys, "aspi", source, "--name", "Example list", name="example.yaml")
    assert rl.name == "Example list"
    (e,) = rl.entries
    assert (e.id, e.name) == ("example-defence-university", "Example Defence University")
    assert e.aliases == ("示例国防大学", "EDU", "Example Defense University")  # the Chinese name once
    assert e.country == "CN" and e.verified and e.listed_from is None
    assert e.addresses == ("Example Road 1, Beijing",)
    assert e.supervising_agencies == ("Central Military Commission (CMC)",)
    assert e.references == ("https://unitracker.aspi.org.au/universities/example",)
    assert e.notes is None
    assert rl.sources[0].url == lists.ASPI_TRACKER_URL


def test_aspi_namesakes_get_ids_from_their_uuids(tmp_path, capsys):
    values = [
        {"value": f"Same Name Institute ({cn})", "uuid": uuid, "meta": {"categories": ["Civilian"]}}
        for cn, uuid in (("甲研究所", "aaaa1111-0000"), ("乙研究所", "bbbb2222-0000"))
    ]
    rl, _ = imported(tmp_path, capsys, "aspi", write_json(tmp_path / "g.json", galaxy(values)), name="same.yaml")
    assert [e.id for e in rl.entries] == ["same-name-institute-aaaa1111", "same-name-institute-bbbb2222"]


def test_aspi_namesakes_without_uuids_are_a_duplicate_entry_id(tmp_path, capsys):
    values = [{"value": "Same Name Institute (甲)"}, {"value": "Same Name Institute (乙)"}]
    source = write_json(tmp_path / "g.json", galaxy(values))
    code, _, err = run(capsys, "lists", "import", "aspi", str(source), "--out", str(tmp_path / "same.yaml"))
    assert code == 2
    assert err == (
        f"{source}: values[1]: duplicate entry id 'same-name-institute': the record at values[0] "
        "has the same name and no key to tell them apart\n"
    )
    assert not (tmp_path / "same.yaml").exists()


# --- CSL: both formats, every mapping rule -------------------------------------------------------


@pytest.fixture(params=[CSL_JSON, CSL_CSV], ids=["json", "csv"])
def csl_file(request) -> Path:
    return request.param


def test_csl_keeps_organisations_from_every_source(tmp_path, capsys, csl_file):
    rl, stdout = imported(tmp_path, capsys, "csl", csl_file, name="csl.yaml")
    names = [e.name for e in rl.entries]
    assert "DOE, Jonathan" not in names and "SEA FALCON" not in names  # an individual and a vessel
    assert len(names) == 9
    assert {s for e in rl.entries for s in e.source_lists} == {
        EL,
        "Specially Designated Nationals (SDN) - Treasury Department",
        "Military End User (MEU) List - Bureau of Industry and Security",
    }
    assert rl.imported["records_read"] == 11 and rl.imported["entries_kept"] == 9
    assert rl.imported["format"] == f"csl-{csl_file.suffix[1:]}"
    assert rl.imported["file"] == csl_file.name
    assert "9 entries kept of 11 records" in stdout
    assert all(e.verified for e in rl.entries)


def test_csl_mapping(tmp_path, capsys, csl_file):
    rl, _ = imported(tmp_path, capsys, "csl", csl_file, name="csl.yaml")
    hit = by_name(rl, "Harbin Institute of Technology")
    assert (hit.id, hit.listed_from, hit.citation, hit.country) == (
        "harbin-institute-of-technology",
        dt.date(2020, 6, 5),
        "85 FR 34495",
        "CN",
    )
    assert hit.addresses == ("Harbin, Heilongjiang, CN",) and hit.source_lists == (EL,)
    assert hit.aliases == () and hit.listed_to is None
    nudt = by_name(rl, "National University of Defense Technology")
    assert nudt.aliases == ("Hunan Guofang Keji University",)
    assert (nudt.listed_from, nudt.citation) == (dt.date(2015, 2, 18), "80 FR 8527")
    northbridge = by_name(rl, "Northbridge Photonics Co., Ltd.")
    assert northbridge.aliases == ("Northbridge Optics", "NBP Ltd.")
    assert northbridge.citation == "82 F.R. 48792 10/01/2017"  # kept exactly as given
    assert northbridge.addresses == (
        "Room 101, Example Tower, Shenzhen, Guangdong, 518000, CN",
        "Unit 9, Fixture Plaza, Kowloon, Hong Kong, HK",
    )
    assert northbridge.country is None and northbridge.notes == "Addresses in 2 countries: CN, HK."
    meridian = by_name(rl, "Meridian Shipping Holdings")
    assert meridian.programs == ("NPWMD", "IFSR")
    assert (meridian.listed_from, meridian.citation, meridian.country) == (None, None, "IR")
    avionics = by_name(rl, "Eastern Avionics Research Institute")
    assert (avionics.listed_from, avionics.listed_to) == (dt.date(2020, 12, 23), dt.date(2024, 3, 1))


def test_csl_unreadable_date_is_null_with_a_note(tmp_path, capsys, csl_file):
    rl, _ = imported(tmp_path, capsys, "csl", csl_file, name="csl.yaml")
    anomaly = by_name(rl, "Anomaly Trading LLC")
    assert anomaly.listed_from is None
    assert anomaly.notes == (
        "The list gives start_date as '8/11/2015', not a date (YYYY-MM-DD); listed_from is left null."
    )


def test_csl_namesakes_get_their_record_ids(tmp_path, capsys, csl_file):
    rl, _ = imported(tmp_path, capsys, "csl", csl_file, name="csl.yaml")
    lotus = [e for e in rl.entries if e.name == "Lotus Precision Instruments"]
    assert [(e.id, e.country) for e in lotus] == [
        ("lotus-precision-instruments-0f9e8d7c6b", "CN"),
        ("lotus-precision-instruments-9b7e4f60a1", "RU"),
    ]


def test_csl_json_and_csv_give_the_same_entries():
    a = lists.import_csl(CSL_JSON, list_id="x")
    b = lists.import_csl(CSL_CSV, list_id="x")
    assert a["entries"] == b["entries"]


def test_csl_tsv_gives_the_same_entries_as_the_csv(tmp_path):
    """Found by the twenty-first part's hunt: trade.gov publishes the list as TSV too, and the TSV was
    refused as "not the Consolidated Screening List CSV: missing columns" naming every column."""
    import csv

    rows = list(csv.reader(CSL_CSV.read_text(encoding="utf-8").splitlines(keepends=True)))
    tsv = tmp_path / "consolidated.tsv"
    with tsv.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter="\t", lineterminator="\r\n").writerows(rows)
    document = lists.import_csl(tsv, list_id="x")
    assert document["entries"] == lists.import_csl(CSL_CSV, list_id="x")["entries"]
    assert document["imported"]["format"] == "csl-tsv"


def test_a_csv_whose_header_quotes_a_tab_is_read_as_csv(tmp_path):
    """Found by review of the twenty-first part: a first line holding a tab was taken for TSV, so a
    CSV with a column of its own named "remarks<TAB>(ours)" in quotes was refused as "not the
    Consolidated Screening List TSV: missing columns" naming all ten. The delimiter is the one the
    required columns are found by."""
    import csv

    rows = list(csv.reader(CSL_CSV.read_text(encoding="utf-8").splitlines(keepends=True)))
    rows = [[*rows[0], "remarks\t(ours)"], *([*r, ""] for r in rows[1:])]
    quoted = tmp_path / "consolidated.csv"
    with quoted.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows)
    assert "\t" in quoted.read_text(encoding="utf-8").split("\n", 1)[0]
    document = lists.import_csl(quoted, list_id="x")
    assert document["entries"] == lists.import_csl(CSL_CSV, list_id="x")["entries"]
    assert document["imported"]["format"] == "csl-csv"


def test_a_tsv_lacking_a_column_is_refused_as_a_tsv_naming_that_column(tmp_path):
    """Where neither delimiter finds every required column, the one that finds more names what is missing."""
    import csv

    rows = list(csv.reader(CSL_CSV.read_text(encoding="utf-8").splitlines(keepends=True)))
    rows[0] = ["alt_name" if h == "alt_names" else h for h in rows[0]]
    tsv = tmp_path / "consolidated.tsv"
    with tsv.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter="\t", lineterminator="\r\n").writerows(rows)
    with pytest.raises(InputError, match=r"not the Consolidated Screening List TSV: missing column alt_names$"):
        lists.import_csl(tsv, list_id="x")


@pytest.mark.parametrize("source", ["EL", "el", EL, EL.upper()])
def test_csl_source_by_abbreviation_or_full_name(tmp_path, capsys, csl_file, source):
    rl, _ = imported(tmp_path, capsys, "csl", csl_file, "--source", source, name="el.yaml")
    assert {e.source_lists for e in rl.entries} == {(EL,)}
    assert len(rl.entries) == 7
    assert rl.name == f"Consolidated Screening List: {EL}"
    assert rl.imported["options"] == {"source": source, "country": None}


def test_csl_source_with_a_multi_word_abbreviation():
    data = json.loads(CSL_JSON.read_text())
    data["results"][0]["source"] = "Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department"
    fmt, records = lists.read_csl_records(json.dumps(data), "mem.json")
    doc = lists.csl_list_document(
        records, origin="mem.json", fmt=fmt, file="mem.json", sha256="", list_id="x", source="ns-mbs list"
    )
    assert [e["name"] for e in doc["entries"]] == ["Harbin Institute of Technology"]


def test_csl_country_narrows_further(tmp_path, capsys, csl_file):
    rl, _ = imported(tmp_path, capsys, "csl", csl_file, "--source", "EL", "--country", "cn", name="el-cn.yaml")
    assert [e.name for e in rl.entries] == [
        "Harbin Institute of Technology",
        "Harbin Engineering University",
        "National University of Defense Technology",
        "Northbridge Photonics Co., Ltd.",
        "Lotus Precision Instruments",
    ]
    assert rl.imported["options"] == {"source": "EL", "country": "CN"}
    assert rl.name == f"Consolidated Screening List: {EL} (CN)"
    # The entry with addresses in CN and HK is kept for either country.
    hk, _ = imported(tmp_path, capsys, "csl", csl_file, "--country", "HK", name="hk.yaml")
    assert [e.name for e in hk.entries] == ["Northbridge Photonics Co., Ltd."]


def test_csl_unknown_source_names_the_sources_in_the_file(tmp_path, capsys):
    code, _, err = run(
        capsys, "lists", "import", "csl", str(CSL_JSON), "--out", str(tmp_path / "x.yaml"), "--source", "XYZ"
    )
    assert code == 2 and err.count("\n") == 1
    assert err.startswith(f"{CSL_JSON}: no records from the source 'XYZ'; sources in the file: EL ({EL});")


def test_csl_bad_country_code_is_refused(tmp_path, capsys):
    code, _, err = run(
        capsys, "lists", "import", "csl", str(CSL_JSON), "--out", str(tmp_path / "x.yaml"), "--country", "China"
    )
    assert code == 2 and "two-letter ISO country code" in err


def test_csl_repeated_record_is_read_once_with_a_note(tmp_path, capsys):
    lines = CSL_CSV.read_text(encoding="utf-8").splitlines(keepends=True)
    source = tmp_path / "dup.csv"
    source.write_text("".join([*lines, lines[5]]), encoding="utf-8")  # line 6 (Lotus, CN) again as line 13
    rl, _ = imported(tmp_path, capsys, "csl", source, name="dup.yaml")
    assert [e.id for e in rl.entries if e.name == "Lotus Precision Instruments"] == [
        "lotus-precision-instruments-0f9e8d7c6b",
        "lotus-precision-instruments-9b7e4f60a1",
    ]
    assert rl.imported["records_read"] == 12 and rl.imported["entries_kept"] == 9
    assert rl.imported["notes"] == [
        "the records at lines 6 and 13 share the _id 0f9e8d7c6b5a4f3e3d8f1c2a9b7e4f60a1c5d2e8b9f07a6c4e3d2b1a: "
        "one entity repeated on EL, one entry"
    ]
    assert rl.entry("lotus-precision-instruments-0f9e8d7c6b").notes is None  # the records agree


def test_csl_namesakes_with_the_same_key_are_a_duplicate_entry_id_with_their_places(tmp_path, capsys):
    rows = [
        {"id": "a1", "name": "Foo", "source": EL, "entity_number": "7"},
        {"id": "b2", "name": "Foo", "source": EL, "entity_number": "7"},
    ]
    source = write_json(tmp_path / "c.json", {"results": rows})
    code, _, err = run(capsys, "lists", "import", "csl", str(source), "--out", str(tmp_path / "x.yaml"))
    assert (code, err) == (
        2,
        f"{source}: results[1]: duplicate entry id 'foo-7': the record at results[0] has the same name and key\n",
    )


def test_a_suffixed_id_that_meets_another_name_is_a_duplicate_entry_id(tmp_path, capsys):
    rows = [
        {"name": "Foo", "source": EL, "entity_number": "1"},
        {"name": "Foo", "source": EL, "entity_number": "2"},
        {"name": "Foo 1", "source": EL},
    ]
    source = write_json(tmp_path / "c.json", {"results": rows})
    code, _, err = run(capsys, "lists", "import", "csl", str(source), "--out", str(tmp_path / "x.yaml"))
    assert (code, err) == (
        2,
        f"{source}: results[2]: duplicate entry id 'foo-1': the record at results[0] has it too\n",
    )


# --- CSL: one entity on several source lists, and the cells the whole list really holds ----------

SSI = "Sectoral Sanctions Identifications List (SSI) - Treasury Department"
NS_MBS = "Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department"


def bank(source: str, **fields) -> dict:
    """A bank record as the JSON gives one on each OFAC list it is on: the same id and entity_number."""
    return {
        "id": "18283",
        "entity_number": "18283",
        "type": "Entity",
        "source": source,
        "name": "Example Bank",
        "addresses": [{"address": "1 Example Street", "city": "Moscow", "country": "RU"}],
        **fields,
    }


def test_csl_entity_on_two_source_lists_is_one_entry_with_both(tmp_path, capsys):
    rows = [
        bank(SSI, programs=["UKRAINE-EO13662"], alt_names=["EXB"], start_date="2014-09-12"),
        {"name": "Other Co", "source": SSI, "id": "1", "entity_number": "1", "type": "Entity"},
        bank(NS_MBS, programs=["RUSSIA-EO14024", "UKRAINE-EO13662"], alt_names=["EXB", "Example Bank JSC"]),
    ]
    rl, _ = imported(tmp_path, capsys, "csl", write_json(tmp_path / "c.json", {"results": rows}), name="c.yaml")
    assert [e.id for e in rl.entries] == ["example-bank", "other-co"]
    e = rl.entry("example-bank")
    assert e.source_lists == (SSI, NS_MBS) and e.source_list == SSI
    assert e.programs == ("UKRAINE-EO13662", "RUSSIA-EO14024")
    assert e.aliases == ("EXB", "Example Bank JSC")
    assert e.listed_from == dt.date(2014, 9, 12)
    # The NS-MBS record gives no start_date: the list does not say when it listed the bank, perhaps
    # before 2014-09-12, so the entry may not read as certainly off every list before then.
    assert e.listed_from_unread == "none (the NS-MBS List record gives no start_date)"
    assert e.notes == (
        "The NS-MBS List record gives no start_date: the entity may have been listed there before 2014-09-12, the"
        " earliest start read; listed_from_unread says so, and whether it was listed on a day before it is for a"
        " reviewer."
    )
    assert rl.imported["records_read"] == 3 and rl.imported["entries_kept"] == 2
    assert rl.imported["notes"] == [
        "the records at results[0] and results[2] share the _id 18283: one entity on 2 source lists "
        "(SSI, NS-MBS List), one entry"
    ]
    # One source kept: one record, nothing merged.
    ssi, _ = imported(tmp_path, capsys, "csl", tmp_path / "c.json", "--source", "NS-MBS List", name="ns.yaml")
    assert [(e.source_lists, e.programs) for e in ssi.entries] == [((NS_MBS,), ("RUSSIA-EO14024", "UKRAINE-EO13662"))]
    assert "notes" not in ssi.imported


def test_csl_records_of_one_entity_that_differ_keep_one_value_and_say_so():
    rows = [
        bank(SSI, start_date="2018-04-06", end_date="2030-01-01", federal_register_notice="83 FR 1"),
        bank(NS_MBS, name="Example Bank PJSC", start_date="2014-09-12", federal_register_notice="79 FR 2"),
        bank(NS_MBS, start_date="12/09/2014", addresses=[{"city": "Minsk", "country": "BY"}]),
    ]
    fmt, records = lists.read_csl_records(json.dumps({"results": rows}), "c.json")
    (e,) = lists.csl_list_document(records, origin="c.json", fmt=fmt, file="c.json", sha256="", list_id="x")["entries"]
    assert e["name"] == "Example Bank" and e["aliases"] == ["Example Bank PJSC"]
    assert (e["listed_from"], e.get("listed_to"), e["citation"]) == (dt.date(2014, 9, 12), None, "83 FR 1")
    assert e["listed_from_unread"] == "12/09/2014"  # perhaps earlier: December 2014, or September
    assert "country" not in e  # addresses in two countries
    assert e["source_lists"] == [SSI, NS_MBS]
    assert e["notes"] == (
        "The records give different names: 'Example Bank' (SSI), 'Example Bank PJSC' (NS-MBS List at "
        "results[1]), 'Example Bank' (NS-MBS List at results[2]); the first is the name here, the others are "
        "aliases. Addresses in 2 countries: RU, BY. The NS-MBS List at results[2] record gives start_date as "
        "'12/09/2014', not a date (YYYY-MM-DD); it is not used. The records give different start_dates: "
        "'2018-04-06' (SSI), '2014-09-12' (NS-MBS List at results[1]), '12/09/2014' (NS-MBS List at results[2]); "
        "listed_from is the earliest read, and listed_from_unread keeps what the list gave: the entity may have "
        "been listed earlier. Only some "
        "records give an end_date ('2030-01-01' (SSI)); listed_to is null, as the others give none. The "
        "records give different Federal Register citations: '83 FR 1' (SSI), '79 FR 2' (NS-MBS "
        "List at results[1]); the first is the citation here."
    )


def test_csl_entity_kept_for_a_country_any_of_its_records_gives():
    rows = [bank(SSI), bank(NS_MBS, addresses=[{"city": "Minsk", "country": "BY"}])]
    fmt, records = lists.read_csl_records(json.dumps({"results": rows}), "c.json")
    doc = lists.csl_list_document(
        records, origin="c.json", fmt=fmt, file="c.json", sha256="", list_id="x", country="BY"
    )
    assert [(e["name"], e["source_lists"]) for e in doc["entries"]] == [("Example Bank", [SSI, NS_MBS])]


@pytest.mark.parametrize(
    ("cell", "aliases"),
    [
        ("Hebei Semiconductor; and CETC Research Institute 13", ["Hebei Semiconductor", "CETC Research Institute 13"]),
        ("Hebei Semiconductor;and CETC Research Institute 13", ["Hebei Semiconductor", "CETC Research Institute 13"]),
        ("A Co;B Co; C Co", ["A Co", "B Co", "C Co"]),
        (
            "Northwestern Polytechnic University; and Northwest Polytechnical University.",
            [
                "Northwestern Polytechnic University",
                "Northwest Polytechnical University",
            ],
        ),
        ("NBP Ltd.; Acme S.A.; Foo Co.", ["NBP Ltd.", "Acme S.A.", "Foo Co."]),  # abbreviations keep their stop
        ("Andromeda Trading; Oriole Group; Or Yehuda Ltd", ["Andromeda Trading", "Oriole Group", "Or Yehuda Ltd"]),
        ("a.k.a., the following two aliases: -Zhipu AI; and -Beijing Zhipu", ["Zhipu AI", "Beijing Zhipu"]),
        (
            "f.k.a. Old Name LLC; formerly known as Older Name LLC; aka Third",
            ["Old Name LLC", "Older Name LLC", "Third"],
        ),
        ("AKA Trading; A; and ;  ;", ["AKA Trading", "A"]),
        ("a.k.a, Formerly: Old Name; also known as New Name", ["Old Name", "New Name"]),
    ],
)
def test_csl_aliases_are_split_on_semicolons_and_cleaned(tmp_path, capsys, cell, aliases):
    row = ['""'] * 29
    row[1], row[5], row[22] = f'"{EL}"', '"Example Institute"', f'"{cell}"'
    header = CSL_CSV.read_text(encoding="utf-8").splitlines()[0]
    source = tmp_path / "c.csv"
    source.write_text(f"{header}\n{','.join(row)}\n", encoding="utf-8")
    rl, _ = imported(tmp_path, capsys, "csl", source, name="c.yaml")
    assert list(rl.entries[0].aliases) == aliases


def test_csl_address_of_several_streets_stays_one_address(tmp_path, capsys):
    row = ['""'] * 29
    row[1], row[5] = f'"{EL}"', '"Example Institute"'
    # As the Entity List writes it: one address object (city, state, country once) holding three streets.
    row[7] = (
        '"113 Hezuo Road, Shijiazhuang, Hebei, China; and 21 Changsheng Street, Shijiazhuang, Hebei, China, '
        'Shijiazhuang, Hebei Province, CN;Unit 9, Fixture Plaza, Kowloon, Hong Kong, HK"'
    )
    row[4] = '"NPWMD;IFSR"'
    header = CSL_CSV.read_text(encoding="utf-8").splitlines()[0]
    source = tmp_path / "c.csv"
    source.write_text(f"{header}\n{','.join(row)}\n", encoding="utf-8")
    rl, _ = imported(tmp_path, capsys, "csl", source, name="c.yaml")
    (e,) = rl.entries
    assert e.addresses == (
        "113 Hezuo Road, Shijiazhuang, Hebei, China; and 21 Changsheng Street, Shijiazhuang, Hebei, China, "
        "Shijiazhuang, Hebei Province, CN",
        "Unit 9, Fixture Plaza, Kowloon, Hong Kong, HK",
    )
    assert e.programs == ("NPWMD", "IFSR")
    assert e.notes == "Addresses in 2 countries: CN, HK."


def test_a_list_file_with_the_older_single_source_list_still_loads(tmp_path):
    path = tmp_path / "old.yaml"
    path.write_text(
        "id: old\nname: Old\nsources: [{title: Consolidated Screening List}]\n"
        f"entries:\n  - {{name: Example Institute, source_list: '{EL}'}}\n",
        encoding="utf-8",
    )
    (e,) = load_list(path).entries
    assert (e.source_lists, e.source_list) == ((EL,), EL)


def test_a_clean_file_gives_no_import_notes(tmp_path, capsys, csl_file):
    """The JSON fixture has `total`, as the search API answers (whether the whole list's download has
    it is not on record): that alone is noted."""
    rl, _ = imported(tmp_path, capsys, "csl", csl_file, name="csl.yaml")
    notes = rl.imported.get("notes", [])
    assert notes == ([] if csl_file.suffix == ".csv" else [notes[0]])
    assert all(n.startswith("the file has 'total' (11; 11 results)") for n in notes)


# --- list id and name ----------------------------------------------------------------------------


def test_list_id_defaults_to_the_file_name_and_can_be_given(tmp_path, capsys):
    rl, _ = imported(tmp_path, capsys, "csl", CSL_JSON, "--id", "csl-orgs", "--name", "Screened", name="csl-orgs.yaml")
    assert (rl.id, rl.name) == ("csl-orgs", "Screened")


def test_an_id_other_than_the_file_name_is_refused_before_writing(tmp_path, capsys):
    out = tmp_path / "csl.yaml"
    code, _, err = run(capsys, "lists", "import", "csl", str(CSL_JSON), "--out", str(out), "--id", "other")
    assert code == 2 and "list id 'other' does not match the file name 'csl.yaml'" in err
    assert not out.exists()


def test_a_file_name_that_is_no_id_needs_renaming(tmp_path, capsys):
    code, _, err = run(capsys, "lists", "import", "csl", str(CSL_JSON), "--out", str(tmp_path / "My List.yaml"))
    assert code == 2 and "'My List' is not a list id" in err


# --- bad input -----------------------------------------------------------------------------------


def test_bad_json_gives_line_and_column(tmp_path, capsys):
    source = tmp_path / "bad.json"
    source.write_text('{"results": [\n  {"name": "x",}\n]}\n', encoding="utf-8")
    for kind in ("csl", "aspi"):
        code, _, err = run(capsys, "lists", "import", kind, str(source), "--out", str(tmp_path / "x.yaml"))
        assert code == 2
        assert err == f"{source}:2:16: not valid JSON: Expecting property name enclosed in double quotes\n"


def test_a_number_of_more_digits_than_python_reads_is_one_line(tmp_path, capsys):
    # Python's json refuses an integer of more than 4,300 digits with a ValueError, not a
    # JSONDecodeError; the import said it in a traceback, then in a line naming no place (the
    # thirty-second part): a string of digits (an id) and a long fraction before it are passed.
    texts = {
        '{"values": [' + "1" * 5000 + "]}": "1:13",
        "[" + "1" * 5000 + "]": "1:2",
        '{"id": "'
        + "2" * 5000
        + '\\" 3",\n "v": [1.'
        + "5" * 5000
        + ", 1e-"
        + "4" * 5000
        + ",\n  -"
        + "7" * 4301
        + "]}": "3:3",
    }
    for text, at in texts.items():
        source = tmp_path / "big.json"
        source.write_text(text, encoding="utf-8")
        for kind in ("csl", "aspi"):
            code, _, err = run(capsys, "lists", "import", kind, str(source), "--out", str(tmp_path / "x.yaml"))
            assert code == 2 and len(err.splitlines()) == 1
            assert err.startswith(f"{source}:{at}: not valid JSON: a number of more than 4,300 digits")
            assert not (tmp_path / "x.yaml").exists()


@settings(max_examples=200, deadline=None)
@given(
    before=st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False)
        | st.text(alphabet='0123456789"\\\n .e-'),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4),
        max_leaves=12,
    ),
    digits=st.integers(min_value=4301, max_value=4400),
    negative=st.booleans(),
    indent=st.sampled_from([None, 2]),
)
def test_the_place_of_a_long_integer_is_where_json_stops(before, digits, negative, indent):
    """Whatever JSON comes first (strings of digits, quotes and escapes, fractions, exponents),
    the place told is the long integer's own, where json.loads stops."""
    from claimwatch.documents import long_json_integer_at

    text = json.dumps([before, "@here@"], indent=indent)
    number = ("-" if negative else "") + "9" * digits
    at = text.index('"@here@"')
    text = text.replace('"@here@"', number)
    with pytest.raises(ValueError, match="Exceeds the limit"):
        json.loads(text)
    assert long_json_integer_at(text) == (text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([1, 2], "not a MISP galaxy cluster: expected an object with a 'values' array"),
        ({"name": "x"}, "not a MISP galaxy cluster: expected an object with a 'values' array"),
        (
            galaxy([], type="threat-actor"),
            "a MISP galaxy of type 'threat-actor', not the ASPI China Defence Universities "
            "Tracker ('china-defence-universities')",
        ),
        (galaxy([{"value": "A (甲)"}, {"meta": {}}]), "values[1]: has no 'value' (the institution's name)"),
        (galaxy(["text"]), "values[0]: is not an object"),
        (galaxy([{"value": "A", "meta": {"aliases": "A1"}}]), "values[0]: meta.aliases is not a list of text"),
        (
            galaxy([{"value": "A", "meta": {"subsidiaries": [{"name": "B"}]}}]),
            "values[0]: meta.subsidiaries is not a list of text",
        ),
        (galaxy([{"value": "A", "meta": []}]), "values[0]: 'meta' is not an object"),
    ],
)
def test_aspi_not_the_galaxy_shape(tmp_path, capsys, data, message):
    source = write_json(tmp_path / "g.json", data)
    code, _, err = run(capsys, "lists", "import", "aspi", str(source), "--out", str(tmp_path / "x.yaml"))
    assert (code, err) == (2, f"{source}: {message}\n")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"total": 0}, "not the Consolidated Screening List JSON: expected an object with a 'results' array"),
        ([{"name": "x"}], "not the Consolidated Screening List JSON: expected an object with a 'results' array"),
        ({"results": [{"name": "A", "source": "S"}, "x"]}, "results[1]: is not an object"),
        ({"results": [{"name": "", "source": "S"}]}, "results[0]: 'name' is empty"),
        ({"results": [{"name": "A"}]}, "results[0]: 'source' is empty"),
        ({"results": [{"name": ["A"], "source": "S"}]}, "results[0]: 'name' is not text"),
        (
            {"results": [{"name": "A", "source": "S", "alt_names": [1]}]},
            "results[0]: 'alt_names' is not a list of text",
        ),
        (
            {"results": [{"name": "A", "source": "S", "addresses": ["x"]}]},
            "results[0]: addresses[0] is not an address object",
        ),
    ],
)
def test_csl_json_not_the_list_shape(tmp_path, capsys, data, message):
    source = write_json(tmp_path / "c.json", data)
    code, _, err = run(capsys, "lists", "import", "csl", str(source), "--out", str(tmp_path / "x.yaml"))
    assert (code, err) == (2, f"{source}: {message}\n")


def api_page(total: int, shown: int) -> dict:
    """A page of the CSL search API (`/consolidated_screening_list/v1/search`): `total` is what the
    search found, `results` one page of it."""
    return {
        "total": total,
        "sources_used": [{"source": "Entity List (EL) - Bureau of Industry and Security", "import_rate": "Hourly"}],
        "results": [
            {"id": f"r{i}", "source": "Entity List (EL) - Bureau of Industry and Security", "name": f"Example Org {i}"}
            for i in range(shown)
        ],
    }


def test_csl_search_api_page_short_of_its_total_is_refused(tmp_path, capsys):
    """Found by the twenty-first part's hunt: a saved page of the CSL search API was imported as the
    whole list, 10 entries of the 25 the search found, and nothing said so."""
    source = write_json(tmp_path / "page.json", api_page(25, 10))
    code, _, err = run(capsys, "lists", "import", "csl", str(source), "--out", str(tmp_path / "x.yaml"))
    assert code == 2 and not (tmp_path / "x.yaml").exists()
    assert err == (
        f"{source}: results: 10 of the 25 records the search found (one page of the Consolidated Screening "
        "List search API); import the whole list's download instead\n"
    )


def test_csl_search_api_page_holding_its_total_is_read(tmp_path, capsys):
    source = write_json(tmp_path / "page.json", api_page(3, 3))
    code, _, _ = run(capsys, "lists", "import", "csl", str(source), "--out", str(tmp_path / "x.yaml"))
    assert code == 0 and len(load_list(tmp_path / "x.yaml").entries) == 3


def test_a_search_answer_whole_by_its_total_is_imported_saying_a_filter_leaves_entities_out(tmp_path, capsys):
    """Found by review of the twenty-first part: a saved answer of a filtered search (`search?name=
    huawei`, total 5, 5 results) was imported as the Consolidated Screening List, and an author at any
    entity the filter left out would be cleared; by its count it cannot be told from the whole list.
    Where the file has `total`, the list's notes and one line on stderr say what it is."""
    source = write_json(tmp_path / "huawei.json", api_page(5, 5))
    code, _, err = run(capsys, "lists", "import", "csl", str(source), "--out", str(tmp_path / "x.yaml"))
    rl = load_list(tmp_path / "x.yaml")
    said = (
        "the file has 'total' (5; 5 results), as the Consolidated Screening List search API's answers do: a "
        "search answer made with a filter (a name, a source, a country) leaves entities out, so the file is "
        "the whole list only if the search was unfiltered"
    )
    assert code == 0 and len(rl.entries) == 5
    assert rl.imported["notes"] == [said]
    assert err == f"note: huawei.json: {said}\n"


def test_a_download_without_total_says_nothing_of_a_search(tmp_path):
    data = api_page(5, 5)
    del data["total"]
    document = lists.import_csl(write_json(tmp_path / "consolidated.json", data), list_id="x")
    assert "notes" not in document["imported"]


def test_csv_missing_columns_are_named(tmp_path, capsys):
    source = tmp_path / "c.csv"
    source.write_text("_id,source,type,name,addresses\n1,EL,,A,\n", encoding="utf-8")
    code, _, err = run(capsys, "lists", "import", "csl", str(source), "--out", str(tmp_path / "x.yaml"))
    assert code == 2
    assert err == (
        f"{source}:1:1: not the Consolidated Screening List CSV: missing columns entity_number, programs, "
        "federal_register_notice, start_date, end_date, alt_names\n"
    )


def test_csv_row_with_the_wrong_number_of_fields(tmp_path, capsys):
    lines = CSL_CSV.read_text(encoding="utf-8").splitlines(keepends=True)
    source = tmp_path / "short.csv"
    source.write_text("".join(lines[:4]) + '"1","EL","","","","Cut short"\n', encoding="utf-8")
    code, _, err = run(capsys, "lists", "import", "csl", str(source), "--out", str(tmp_path / "x.yaml"))
    assert (code, err) == (2, f"{source}:5:1: the row has 6 fields; the header has 29\n")


def test_csv_row_with_an_empty_name(tmp_path, capsys):
    header = CSL_CSV.read_text(encoding="utf-8").splitlines()[0]
    row = ['""'] * 29
    row[1] = f'"{EL}"'
    source = tmp_path / "noname.csv"
    source.write_text(f"{header}\n\n{','.join(row)}\n", encoding="utf-8")  # a blank line is skipped
    code, _, err = run(capsys, "lists", "import", "csl", str(source), "--out", str(tmp_path / "x.yaml"))
    assert (code, err) == (2, f"{source}:3:1: 'name' is empty\n")


def test_unreadable_files(tmp_path, capsys):
    empty = tmp_path / "empty.json"
    empty.write_text("", encoding="utf-8")
    latin = tmp_path / "latin.csv"
    latin.write_bytes("_id,name\n1,Caf\xe9\n".encode("latin-1"))
    cases = [(tmp_path / "missing.json", "no such file"), (empty, "file is empty"), (latin, "not UTF-8 text")]
    for path, message in cases:
        code, _, err = run(capsys, "lists", "import", "csl", str(path), "--out", str(tmp_path / "x.yaml"))
        assert code == 2 and message in err and err.count("\n") == 1


# --- determinism and atomic writing ----------------------------------------------------------------


def test_same_input_and_options_give_the_same_bytes(tmp_path, capsys, csl_file):
    first = tmp_path / "a" / "el.yaml"
    second = tmp_path / "b" / "el.yaml"
    for out in (first, second):
        assert run(capsys, "lists", "import", "csl", str(csl_file), "--out", str(out), "--source", "EL")[0] == 0
    assert first.read_bytes() == second.read_bytes()
    assert b"retrieved" not in first.read_bytes()


def test_aspi_output_is_deterministic(tmp_path, capsys, shared_data):
    first = tmp_path / "a" / "aspi.yaml"
    second = tmp_path / "b" / "aspi.yaml"
    for out in (first, second):
        assert run(capsys, "lists", "import", "aspi", str(shared_data / ASPI_NAME), "--out", str(out))[0] == 0
    assert first.read_bytes() == second.read_bytes()


def test_written_file_is_a_valid_list_file(tmp_path, capsys):
    out = tmp_path / "lists" / "csl.yaml"
    assert run(capsys, "lists", "import", "csl", str(CSL_JSON), "--out", str(out))[0] == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert list(data) == ["id", "name", "description", "sources", "imported", "entries"]
    assert data["imported"]["sha256"] == hashlib.sha256(CSL_JSON.read_bytes()).hexdigest()
    assert run(capsys, "validate", str(out))[0] == 0
    assert run(capsys, "lists", "show", str(out))[0] == 0


def test_failure_leaves_the_earlier_file_and_no_temporary_file(tmp_path, capsys):
    out = tmp_path / "csl.yaml"
    assert run(capsys, "lists", "import", "csl", str(CSL_JSON), "--out", str(out))[0] == 0
    before = out.read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_text('{"results": [', encoding="utf-8")
    assert run(capsys, "lists", "import", "csl", str(bad), "--out", str(out))[0] == 2
    assert run(capsys, "lists", "import", "csl", str(CSL_JSON), "--out", str(out), "--source", "nope")[0] == 2
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json", "csl.yaml"]


def test_writing_over_a_folder_is_an_input_error(tmp_path):
    out = tmp_path / "csl.yaml"
    out.mkdir()
    with pytest.raises(InputError) as e:
        lists.write_list_yaml(lists.import_csl(CSL_JSON, list_id="csl"), out)
    assert str(e.value).startswith(f"{out}: cannot write")
    assert [p.name for p in tmp_path.iterdir()] == ["csl.yaml"]  # no temporary file left behind


# --- the command line's help -------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["import", "aspi"], ["import", "csl"], ["fetch", "csl"], ["diff"]])
def test_every_new_command_has_help_with_an_example(command):
    group = cli.commands["lists"]
    for name in command:
        group = group.commands[name]
    assert group.help and "Example:" in group.help and "claimwatch lists" in group.help.split("Example:")[1]


@pytest.mark.parametrize("kept", ["claims:\n  - id: c\n", "[case]\nname = 'x'\n", "description: d\nworks: []\n"])
def test_an_import_never_replaces_a_file_that_is_not_a_list(tmp_path, capsys, shared_data, kept):
    """Found by the sixteenth part's hunt: --out mistyped as a claim file, claimwatch.toml or
    curated evidence replaced it with the list, and said nothing."""
    out = tmp_path / "target.yaml"
    out.write_text(kept)
    code, _, err = run(capsys, "lists", "import", "aspi", str(shared_data / ASPI_NAME), "--out", str(out))
    assert code == 2 and err.startswith(f"{out}: exists and is not a list file") and len(err.splitlines()) == 1
    assert out.read_text() == kept
    # A list is replaced, as before.
    assert (
        run(capsys, "lists", "import", "aspi", str(shared_data / ASPI_NAME), "--out", str(tmp_path / "l.yaml"))[0] == 0
    )
    assert (
        run(capsys, "lists", "import", "aspi", str(shared_data / ASPI_NAME), "--out", str(tmp_path / "l.yaml"))[0] == 0
    )


@pytest.mark.parametrize("command", [["import", "csl", str(CSL_CSV)], ["import", "aspi", "ASPI"]])
def test_an_import_never_replaces_a_list_written_by_hand(tmp_path, capsys, shared_data, project_root, command):
    """`lists import csl consolidated.csv --source EL --out evidence/lists/us-entity-list.yaml`,
    meant to bring the case's Entity List up to date: the hand-written list, its dates confirmed
    in FACTS.md, its ROR ids and Chinese aliases, replaced by the import's records, exit 0, nothing
    said. Now refused in one line before anything is read, the file as it was; an imported list
    is replaced as before."""
    command = [str(shared_data / ASPI_NAME) if part == "ASPI" else part for part in command]
    out = shutil.copy(project_root / "evidence/lists/us-entity-list.yaml", tmp_path / "us-entity-list.yaml")
    before = out.read_bytes()
    code, _, err = run(capsys, "lists", *command, "--out", str(out))
    assert (code, err.splitlines()) == (
        2,
        [
            f"{out}: exists and is list 'us-entity-list', written by hand (no 'imported:' key); an import would "
            "replace it with its records: choose another path, or remove the file first"
        ],
    )
    assert out.read_bytes() == before
    out.unlink()
    assert run(capsys, "lists", *command, "--out", str(out))[0] == 0
    assert run(capsys, "lists", *command, "--out", str(out))[0] == 0  # an import's list: replaced


def test_a_gzipped_list_is_said_to_be_one(tmp_path, capsys, shared_data):
    """Found by the sixteenth part's hunt: "not UTF-8 text; save the file as UTF-8" for a .csv.gz."""
    import gzip

    packed = tmp_path / "csl.csv.gz"
    packed.write_bytes(gzip.compress((shared_data / "csl/consolidated-2025-excerpt.csv").read_bytes()))
    code, _, err = run(capsys, "lists", "import", "csl", str(packed), "--out", str(tmp_path / "l.yaml"))
    assert (code, err) == (2, f"{packed}: a gzip file, not text: unpack it first (gunzip)\n")


@pytest.mark.parametrize(
    ("encoding", "said"),
    [
        ("utf-16-le", "looks like UTF-16LE text without its byte order mark (a zero byte beside each letter)"),
        ("utf-16", "UTF-16 text (its byte order mark says so)"),
    ],
)
def test_a_list_saved_in_utf16_is_said_to_be_so(tmp_path, capsys, shared_data, encoding, said):
    """The real CSL excerpt saved in UTF-16 (Excel's "Unicode Text", PowerShell 5.1's `>`): without
    its byte order mark, "csl.csv:1:1: not the Consolidated Screening List CSV: missing columns
    source, entity_number, ...", every column there, each letter beside a zero byte; with it, "not
    UTF-8 text", naming no encoding. Said so now, as a claim file's is."""
    text = (shared_data / "csl/consolidated-2025-excerpt.csv").read_text(encoding="utf-8")
    saved = tmp_path / "csl.csv"
    saved.write_bytes(text.encode(encoding))
    code, _, err = run(capsys, "lists", "import", "csl", str(saved), "--out", str(tmp_path / "l.yaml"))
    tail = "not UTF-8; save the file as UTF-8 (in most editors: Save As, encoding UTF-8)"
    assert (code, err) == (2, f"{saved}: {said}, {tail}\n")
    assert not (tmp_path / "l.yaml").exists()


def test_aspi_says_which_institutions_under_an_entry_it_keeps_as_doubts(tmp_path, capsys, shared_data):
    """The tracker names subsidiaries and laboratories under 33 and 68 of its institutions (the
    Academy of Military Medical Sciences under the Academy of Military Science); the list kept
    neither, and said nothing of it, so a coauthor at one went unfound in silence. They are kept
    under their entries now (`related`), and the notes say how they count."""
    out = tmp_path / "aspi.yaml"
    code, _, said = run(capsys, "lists", "import", "aspi", str(shared_data / ASPI_NAME), "--out", str(out))
    rl = load_list(out)
    subsidiaries, laboratories = rl.imported["notes"]
    assert subsidiaries.startswith(
        "33 of the entries kept name subsidiaries (meta.subsidiaries): each is kept under its entry (related),"
        " called a subsidiary; an author at one (such as Academy of Military Medical Sciences under Academy of"
        " Military Science) makes a work uncertain about the entry, never a match"
    )
    assert laboratories.startswith("68 of the entries kept name major defence laboratories")
    assert code == 0 and said.count("note: ") == 2 and "meta.subsidiaries" in said
    assert sum(1 for e in rl.entries if e.related) == len(
        {
            i
            for i, v in enumerate(json.loads((shared_data / ASPI_NAME).read_text("utf-8"))["values"])
            if v["meta"].get("subsidiaries") or v["meta"].get("major defence laboratories")
        }
    )
    # Of the Seven Sons alone, only what they give is said.
    rl, _ = imported(
        tmp_path, capsys, "aspi", shared_data / ASPI_NAME, "--category", "Seven sons of national defence", name="s.yaml"
    )
    assert [n.split(" of the")[0] for n in rl.imported["notes"]] == ["2", "7"]


@pytest.mark.parametrize("name", ["consolidated-list.csv", "entity-list.md", "csl.jsonl"])
def test_a_list_is_not_written_by_a_name_that_says_another_kind_of_file(tmp_path, capsys, name):
    """`lists import csl consolidated.csv --out consolidated-list.csv` (the list named after the
    CSV it came from) wrote the YAML list there, exit 0; then `lists show`, `lists diff` and
    `validate` refused it by its name ("is CSV, not YAML: lists import makes a list from a
    screening list's CSV"), and so did the same import run again: "exists and is not a list file
    ...; refusing to replace it". Now the import refuses the name first, nothing written; the
    same list by a .yaml name is written and read back."""
    out = tmp_path / name
    code, _, err = run(capsys, "lists", "import", "csl", str(CSL_CSV), "--out", str(out))
    what = {".csv": "CSV", ".md": "Markdown", ".jsonl": "JSON Lines records"}[out.suffix]
    assert (code, err.splitlines()) == (
        2,
        [f"{out}: a list file is YAML, and this name says {what}; give a .yaml path"],
    )
    assert list(tmp_path.iterdir()) == []
    rl, _ = imported(tmp_path, capsys, "csl", CSL_CSV, name=f"{out.stem}.yaml")
    assert rl.entries


def test_a_path_the_system_cannot_look_at_is_refused_in_one_line_from_python(tmp_path):
    """Found in the thirty-fourth part: `write_list_yaml` given a name longer than the file system
    takes (255 bytes on ext4) let the OSError of
    `Path.is_file` out whole, "[Errno 36] File name too long: '...'", a traceback to a caller from
    Python; the command line's guard said so in its own words before. It is an InputError naming
    the path, on one line, and nothing is written."""
    list_id = "a" * 300
    out = tmp_path / f"{list_id}.yaml"
    with pytest.raises(InputError) as e:
        lists.write_list_yaml(lists.import_csl(CSL_JSON, list_id=list_id), out)
    (said,) = str(e.value).splitlines()
    assert said == f"{out}: cannot write: File name too long"
    assert list(tmp_path.iterdir()) == []  # nothing half written, no temporary file


def test_a_tracker_cut_after_a_backslash_and_saved_by_an_editor_is_said_cut_short(tmp_path, capsys, shared_data):
    """The real tracker cut right after the backslash of a description's "\\n" escape, then
    opened and saved in an editor that ends a file with a line break (vim, nano): "not valid JSON:
    Invalid \\escape", pointing at the backslash, as if written wrong. The line break after a cut
    is passed over: it is cut short."""
    whole = (shared_data / "aspi/misp-galaxy-china-defence-universities.json").read_bytes()
    cut = tmp_path / "tracker.json"
    cut.write_bytes(whole[: whole.index(b"\\") + 1] + b"\n")
    out = tmp_path / "aspi.yaml"
    assert main(["lists", "import", "aspi", str(cut), "--out", str(out)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"{cut}:") and "it is cut short (a copy or download stopped part way?)" in line
    assert not out.exists()


@pytest.mark.parametrize("saved", [b"", b"\n", b"\r\n"], ids=["as cut", "saved by vim", "saved ending CR LF"])
@pytest.mark.parametrize("where", ["in a name", "inside a character"])
def test_a_tracker_cut_short_is_said_cut_short(tmp_path, capsys, shared_data, where, saved):
    """The real ASPI tracker (its MISP galaxy) downloaded or copied part way: "2328:22: not valid
    JSON: Unterminated string starting at" (Python's words), or, cut inside a Chinese name's
    character, "not UTF-8 text; save the file as UTF-8", sending the analyst to their editor's
    encoding. Both say the file is cut short now; the same holds of a CSL JSON download and any
    UTF-8 file claimwatch reads whole (a claim file cut inside a character). Cut inside a
    character and saved by an editor that ends a file with a line break (vim, nano), it was "not
    UTF-8 text" still, the break after the broken character: a JSON document never ends in a
    letter, and the break is passed over (found by review)."""
    whole = (shared_data / "aspi/misp-galaxy-china-defence-universities.json").read_bytes()
    at = whole.index("学".encode()) + (1 if where == "inside a character" else -1)
    cut = tmp_path / "tracker.json"
    cut.write_bytes(whole[:at] + saved)
    out = tmp_path / "aspi.yaml"
    assert main(["lists", "import", "aspi", str(cut), "--out", str(out)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"{cut}") and "it is cut short (a copy or download stopped part way?)" in line
    assert not out.exists()
    claim = tmp_path / "c.yaml"
    # cut inside Montréal's é; the é before says it is UTF-8 (a file whose first character past ASCII
    # is the one cut may be Windows-1252 ending in a letter: tests/bad_inputs/claims/windows-1252-*)
    claim.write_bytes("claims:\n  - says: Réseaux, Montréal".encode()[:-3])
    assert main(["validate", str(claim)]) == 2
    assert "the file ends in the middle of a character: it is cut short" in capsys.readouterr().err


# Three names of the CSL of 2023-11 ("CAST Xi\x92an Spaceflight Engine Factory", "XAIC Tech
# (Xi\x92an) Industrial Co., Ltd.", "Xi\x92an Xae Flying Aviation ...") hold U+0092, the C1 control
# that Windows-1252 text decoded as Latin-1 leaves for its apostrophe ’. Imported so (issue 18,
# thirty-seventh part), no affiliation matched them ("Xi'an" and "Xi’an" read past nothing): a
# coauthor at the firm found nothing, the claim cleared in silence. Read as Windows-1252 reads it
# now, the import saying so at the line; the five it leaves undefined (U+0081, ...) stay.
@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_a_csl_name_holding_a_c1_control_is_read_as_windows_1252_reads_it(tmp_path, monkeypatch, capsys, apostrophe):
    from helpers import coauthor_text_found, one_entity_csl

    source = one_entity_csl(
        tmp_path / "csl.csv",
        (("Entity List (EL) - Bureau of Industry and Security", "2020-06-05", ""),),
        record_id="c1",
        line_end="\n",
        name="XAIC Tech (Xi\x92an) Industrial Co., Ltd.",
        alt_names="Xi\x81an Test Works",
        addresses="Xi\x92an, Shaanxi, CN",
        type="Entity",
    )
    out = tmp_path / "csl.yaml"
    assert main(["lists", "import", "csl", str(source), "--out", str(out), "--retrieved", "2023-11-30"]) == 0
    said = capsys.readouterr().err
    assert "C1 control characters (U+0080 to U+009F)" in said and "on line 2 (U+0092 as \u2019)" in said
    (entry,) = lists.load_list(out).entries
    assert entry.name == "XAIC Tech (Xi\u2019an) Industrial Co., Ltd."
    assert entry.aliases == ("Xi\x81an Test Works",)  # undefined in Windows-1252: as written
    listed = out.read_text(encoding="utf-8").replace("id: csl", "id: l", 1)
    raw = f"XAIC Tech (Xi{apostrophe}an) Industrial Co., Ltd., Xi{apostrophe}an 710000, China"
    coauthor_text_found(tmp_path / "case", monkeypatch, capsys, listed, raw, "match")
