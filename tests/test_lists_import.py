"""`claimwatch lists import aspi|csl`: every mapping rule, both CSL formats, the real ASPI file,
every kind of bad input, determinism and atomic writing."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
import yaml

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
    assert (code, err) == (0, ""), err
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
    ],
)
def test_split_aspi_value(value, name, native):
    assert lists.split_aspi_value(value) == (name, native)


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
    assert {e.source_list for e in rl.entries} == {
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
    assert hit.addresses == ("Harbin, Heilongjiang, CN",) and hit.source_list == EL
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


@pytest.mark.parametrize("source", ["EL", "el", EL, EL.upper()])
def test_csl_source_by_abbreviation_or_full_name(tmp_path, capsys, csl_file, source):
    rl, _ = imported(tmp_path, capsys, "csl", csl_file, "--source", source, name="el.yaml")
    assert {e.source_list for e in rl.entries} == {EL}
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


def test_csl_duplicate_record_is_a_duplicate_entry_id_with_its_line(tmp_path, capsys):
    lines = CSL_CSV.read_text(encoding="utf-8").splitlines(keepends=True)
    source = tmp_path / "dup.csv"
    source.write_text("".join([*lines, lines[5]]), encoding="utf-8")  # line 6 (Lotus, CN) again as line 13
    out = tmp_path / "dup.yaml"
    code, _, err = run(capsys, "lists", "import", "csl", str(source), "--out", str(out))
    assert code == 2
    assert err == (
        f"{source}:13:1: duplicate entry id 'lotus-precision-instruments-0f9e8d7c6b': the record at "
        "line 6 has the same name and key\n"
    )
    assert not out.exists()


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
