"""The institutions a list names under an entry (`related`: the ASPI tracker's subsidiaries and
major defence laboratories): kept by the import, shown and diffed, and an author at one is a
doubt about the entry in both engines, never a match, nor silence (#18)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimwatch import claims as claims_mod
from claimwatch.evaluate._matchers import name_and_its_place
from claimwatch.lists import diff_lists, format_diff, import_aspi, load_list, render_list_yaml, write_list_yaml
from claimwatch.lists._aspi import chinese_names
from helpers import LAB, authorship, claim_file, institution, none_claim, project, write, write_jsonl
from helpers import work as make_work
from test_columnar_engine import engines_agree
from test_people import people_claim

TRACKER = "aspi/misp-galaxy-china-defence-universities.json"


@pytest.fixture()
def tracker(shared_data: Path) -> Path:
    return shared_data / TRACKER


def _by_id(document):
    return {e["id"]: e for e in document["entries"]}


def test_the_import_keeps_the_subsidiaries_and_laboratories_under_their_entries(tracker, capsys):
    document = import_aspi(tracker, list_id="aspi")
    entries = _by_id(document)
    raw = json.loads(tracker.read_text(encoding="utf-8"))["values"]
    naming = [v for v in raw if v["meta"].get("subsidiaries") or v["meta"].get("major defence laboratories")]
    assert sum(1 for e in entries.values() if e.get("related")) == len(naming) > 68
    (amms,) = [r for r in entries["academy-of-military-science"]["related"] if "Medical" in r["name"]]
    # Named both as a subsidiary and as a laboratory: one institution, called both.
    assert amms == {
        "name": "Academy of Military Medical Sciences",
        "aliases": ["军事医学研究院"],
        "called": ["subsidiary", "major defence laboratory"],
        "country": "CN",
    }
    beihang = [r["name"] for r in entries["beihang-university"]["related"]]
    assert "National Key Laboratory of Reliability and Environmental Engineering Technology" in beihang
    # A company abroad: the place in brackets is kept, and no country is guessed from it.
    (facc,) = [r for r in entries["aviation-industry-corporation-of-china"]["related"] if r["name"] == "FACC AG"]
    assert facc == {"name": "FACC AG", "called": ["subsidiary"], "country": None, "place": "Austria"}
    notes = document["imported"]["notes"]
    assert len(notes) == 2 and all("kept under its entry (related)" in n and "uncertain" in n for n in notes)
    assert not any("not kept" in n or "not found" in n for n in notes)


def test_the_list_file_reads_back_with_its_related_institutions(tracker, tmp_path):
    document = import_aspi(tracker, list_id="aspi")
    reference_list = write_list_yaml(document, tmp_path / "aspi.yaml")
    ams = reference_list.entry("academy-of-military-science")
    assert ams.related[0].name == "Academy of Military Medical Sciences"
    assert ams.related[0].called == ("subsidiary", "major defence laboratory")
    assert load_list(tmp_path / "aspi.yaml") == reference_list
    assert render_list_yaml(import_aspi(tracker, list_id="aspi")) == (tmp_path / "aspi.yaml").read_text("utf-8")


def test_a_related_institution_of_the_wrong_shape_is_refused(tmp_path):
    path = write(
        tmp_path / "bad.yaml",
        """\
        id: bad
        name: Bad
        sources: [{title: s}]
        entries:
          - {name: A University, related: [{name: A Lab}]}
        """,
    )
    from claimwatch.errors import InputError

    with pytest.raises(InputError, match="called"):
        load_list(path)


def _cli(*args: str) -> None:
    from claimwatch.cli import main

    assert main([*args]) == 0


def test_lists_show_gives_the_related_institutions(tracker, tmp_path, capsys):
    write_list_yaml(import_aspi(tracker, list_id="aspi"), tmp_path / "aspi.yaml")
    _cli("lists", "show", str(tmp_path / "aspi.yaml"))
    out = capsys.readouterr().out
    assert "Academy of Military Medical Sciences" in out and "subsidiary, major defence laboratory" in out
    assert "FACC AG" in out and "Austria" in out


def test_lists_diff_names_a_related_institution_added_and_removed(tracker, tmp_path):
    document = import_aspi(tracker, list_id="aspi")
    old = write_list_yaml(document, tmp_path / "old" / "aspi.yaml")
    entry = _by_id(document)["beihang-university"]
    kept = dict(entry["related"][1], called=["subsidiary"])  # was a laboratory
    entry["related"] = [
        kept,
        *entry["related"][2:],
        {"name": "A New Laboratory", "called": ["major defence laboratory"]},
    ]
    new = write_list_yaml(document, tmp_path / "new" / "aspi.yaml")
    diff = diff_lists(old, new)
    (changed,) = diff.to_json()["changed"]
    assert changed["id"] == "beihang-university"
    assert changed["changes"] == {
        "related": {
            "added": ["A New Laboratory"],
            "removed": ["Beijing Beihang Tianhua"],
            "changed": [f"{kept['name']} (subsidiary; aka {kept['aliases'][0]}; CN)"],
        }
    }
    text = format_diff(diff)
    assert "related added: A New Laboratory" in text and "related removed: Beijing Beihang Tianhua" in text
    assert f"related changed: {kept['name']} (subsidiary; " in text


# --- evaluation --------------------------------------------------------------------------------

AT_LAB = ("A. Lab", [LAB])
WORKS = {
    # An institution the tracker names under the Academy of Military Science, in English and Chinese.
    "W1": ["Academy of Military Medical Sciences, Beijing 100850, China"],
    "W2": ["军事医学研究院, 北京"],
    # A laboratory it names under Beihang University, beside Beihang's own name: a match, as ever.
    "W3": ["State Key Laboratory of Software Development Environment, Beihang University, Beijing, China"],
    # A company abroad it names under AVIC.
    "W4": ["FACC AG, Ried im Innkreis, Austria"],
    # A name it gives under the Academy, placed in another country: not that institution.
    "W5": ["Institute of Systems Engineering, Stanford University, Stanford, CA, USA"],
    # Nothing it names.
    "W6": ["Department of Physics, University of Oxford, Oxford, UK"],
}


def _case(tmp_path: Path, tracker: Path, claims: str, works: dict[str, list[str]] = WORKS):
    root = project(tmp_path)
    write_list_yaml(import_aspi(tracker, list_id="aspi"), root / "evidence/lists/aspi.yaml")
    loaded = claims_mod.load_claims([claim_file(root / "claims/c.yaml", claims)], root=root)
    records = [
        make_work(wid, "A paper", "2024-06-01", [authorship(*AT_LAB), authorship("B. Author", [], raw=raw)])
        for wid, raw in works.items()
    ]
    return loaded, write_jsonl(tmp_path / "works.jsonl", records)


def test_an_author_at_an_institution_named_under_an_entry_is_a_doubt_in_both_engines(tracker, tmp_path):
    claims, path = _case(tmp_path, tracker, "claims:\n" + none_claim("{coauthor_in: [aspi]}"))
    results = engines_agree(claims, [path], tmp_path / "cache")
    (r,) = results.results
    assert [f.work.id for f in r.findings] == ["W3"]
    assert [f.work.id for f in r.uncertain_findings] == ["W1", "W2", "W4"]
    why = {f.work.id: " | ".join(f.uncertain_because) for f in r.uncertain_findings}
    assert (
        "\u201cAcademy of Military Medical Sciences\u201d is named by China Defence Universities Tracker under"
        " Academy of Military Science as a subsidiary and a major defence laboratory; whether it counts as"
        " Academy of Military Science is not said"
    ) in why["W1"]
    assert "(Academy of Military Medical Sciences) is named by" in why["W2"]
    assert "under Aviation Industry Corporation of China as a subsidiary" in why["W4"]
    (cited,) = [a for a in r.uncertain_findings[0].reasons if a.kind == "listed_author"]
    assert (cited.entry.id, cited.matched_name) == (
        "academy-of-military-science",
        "Academy of Military Medical Sciences",
    )
    assert r.verdict == "contradicted"


def test_a_related_institution_alone_leaves_the_verdict_uncertain(tracker, tmp_path):
    """Without the work at Beihang's own name, the doubts are all there is: never a clearance."""
    works = {k: v for k, v in WORKS.items() if k != "W3"}
    claims, path = _case(tmp_path, tracker, "claims:\n" + none_claim("{coauthor_in: [aspi]}"), works)
    (r,) = engines_agree(claims, [path], tmp_path / "cache").results
    # A file read directly declares no coverage: insufficient evidence, with the doubts, never a clearance.
    assert (r.verdict, r.matched, r.uncertain) == ("insufficient_evidence", 0, 3)


def test_a_person_at_an_institution_named_under_an_entry_is_uncertain(tracker, tmp_path):
    root = project(tmp_path)
    write_list_yaml(import_aspi(tracker, list_id="aspi"), root / "evidence/lists/aspi.yaml")
    claims = claims_mod.load_claims(
        [claim_file(root / "claims/c.yaml", "claims:\n" + people_claim("{joined_from: [aspi]}"))], root=root
    )
    amms = institution("I777", "Academy of Military Medical Sciences", country="CN")
    record = {
        "id": "https://openalex.org/A1",
        "display_name": "Li Wei",
        "orcid": None,
        "ids": {"openalex": "https://openalex.org/A1"},
        "affiliations": [{"institution": amms, "years": [2020]}, {"institution": LAB, "years": [2024, 2023]}],
        "last_known_institutions": [],
        "updated_date": "2025-01-01T00:00:00",
    }
    (r,) = engines_agree(claims, [write_jsonl(root / "records.jsonl", [record])], tmp_path / "cache").results
    assert (r.matched, r.uncertain) == (0, 1)
    (p,) = r.uncertain_people
    assert any(
        "is named by China Defence Universities Tracker under Academy of Military Science" in b
        for b in p.uncertain_because
    )


def test_an_institution_named_under_an_entry_among_the_authors_is_a_doubt(tracker, tmp_path):
    """Crossref puts institutions among the authors: one the tracker names under an entry may be a
    coauthor's affiliation, so the work is uncertain, as for the entry's own name."""
    root = project(tmp_path)
    write_list_yaml(import_aspi(tracker, list_id="aspi"), root / "evidence/lists/aspi.yaml")
    claims = claims_mod.load_claims(
        [claim_file(root / "claims/c.yaml", "claims:\n" + none_claim("{coauthor_in: [aspi]}"))], root=root
    )
    record = make_work(
        "W1",
        "A paper",
        "2024-06-01",
        [authorship(*AT_LAB), authorship("Academy of Military Medical Sciences", [], raw=[])],
    )
    (r,) = engines_agree(claims, [write_jsonl(tmp_path / "works.jsonl", [record])], tmp_path / "cache").results
    (finding,) = r.uncertain_findings
    assert finding.uncertain_because == (
        "the record lists \u201cAcademy of Military Medical Sciences\u201d among the authors: an institution, not a"
        " person, that may be a coauthor's affiliation: \u201cAcademy of Military Medical Sciences\u201d is named by"
        " China Defence Universities Tracker under Academy of Military Science as a subsidiary and a major defence"
        " laboratory; whether it counts as Academy of Military Science is not said",
    )


def test_a_campus_or_a_part_named_by_generic_words_counts_only_beside_its_entry(tracker, tmp_path):
    """The tracker names "Xianlin Campus" under Nanjing Normal University (Nanjing University's
    campus of that name too), "Political Department" under Information Engineering University,
    "Qingdao Research Institute" under Wuhan University of Technology: names any institution's
    part may bear. Alone they made every author on another university's Xianlin campus, or at any
    political department, a doubt about the entry; they count only beside the entry's own name.
    A name of its own ("Academy of Military Medical Sciences") still counts alone."""
    works = {
        "W1": ["Nanjing University of Chinese Medicine, Xianlin Campus, Nanjing 210023, China"],
        "W2": ["Political Department, Ocean University of China, Qingdao, China"],
        "W3": ["Qingdao Research Institute, Ocean University of China, Qingdao, China"],
        "W4": ["Advanced Technology Institute, Ocean University of China, Qingdao"],
        "W5": ["Academy of Military Medical Sciences, Beijing 100850, China"],
    }
    claims, path = _case(tmp_path, tracker, "claims:\n" + none_claim("{coauthor_in: [aspi]}"), works)
    (r,) = engines_agree(claims, [path], tmp_path / "cache").results
    assert [f.work.id for f in r.findings] == []
    assert [f.work.id for f in r.uncertain_findings] == ["W5"]


def test_an_author_at_a_laboratory_the_tracker_writes_with_odd_brackets_is_a_doubt(tracker, tmp_path):
    """Found by the twenty-fourth part's hunt: the tracker writes the Chinese form of some institutions
    it names under an entry in full-width or nested brackets ("Laboratory of High Power Microwave
    Technology（高功率微波技术国防科技重点实验室）" under the China Academy of Engineering Physics, "Key
    Laboratory of Information Fusion, Ministry of Education (信息融合技术教育部重点实验室(B类))" under
    Northwestern Polytechnical University); the import kept it in the name, which no affiliation
    writes, and an author at the laboratory was no doubt at all: the work passed as clear."""
    works = {
        "W1": ["Laboratory of High Power Microwave Technology, Mianyang 621900, China"],
        "W2": ["Key Laboratory of Information Fusion, Ministry of Education, Xi'an, China"],
        "W3": ["高功率微波技术国防科技重点实验室, 绵阳"],
    }
    claims, path = _case(tmp_path, tracker, "claims:\n" + none_claim("{coauthor_in: [aspi]}"), works)
    (r,) = engines_agree(claims, [path], tmp_path / "cache").results
    assert [f.work.id for f in r.uncertain_findings] == ["W1", "W2", "W3"]
    why = {f.work.id: " | ".join(f.uncertain_because) for f in r.uncertain_findings}
    assert "under Chinese Academy of Engineering Physics as a major defence laboratory" in why["W1"]
    assert "under Northwestern Polytechnical University as a major defence laboratory" in why["W2"]
    assert r.verdict == "insufficient_evidence"


@pytest.mark.parametrize(
    ("native", "names"),
    [
        # The class a grading, kept with and without it: most affiliations leave it out.
        ("信息融合技术教育部重点实验室(B类)", ["信息融合技术教育部重点实验室", "信息融合技术教育部重点实验室(B类)"]),
        # Two whole names in one, by a slash or "or", each kept.
        (
            "空间机器人技术教育部重点实验室 (B类)/ 空间机器人技术教育部国防重点实验室",
            [
                "空间机器人技术教育部重点实验室",
                "空间机器人技术教育部重点实验室 (B类)",
                "空间机器人技术教育部国防重点实验室",
            ],
        ),
        ("第一附属医院/西南医院", ["西南医院"]),
        # A slash inside one name is no split.
        (
            "微米/纳米加工技术国家级重点实验室 or 微米纳米加工技术国防科技重点实验室",
            ["微米/纳米加工技术国家级重点实验室", "微米纳米加工技术国防科技重点实验室"],
        ),
        # A quotation's stray end, left in the tracker, is no part of the name.
        (
            "卫星导航电子信息技术\u201d教育部重点实验室（B类）",
            ["卫星导航电子信息技术教育部重点实验室", "卫星导航电子信息技术教育部重点实验室（B类）"],
        ),
        # Quotation marks that pair are the name's own: kept, and left out too.
        (
            "激光陀螺国家\u201c863\u201d高技术重点实验室",
            ["激光陀螺国家863高技术重点实验室", "激光陀螺国家\u201c863\u201d高技术重点实验室"],
        ),
        # Only a kind of institution: no name.
        ("教育部重点实验室(b类)", []),
        ("第二附属医院", []),
    ],
)
def test_a_chinese_form_under_an_entry_is_kept_as_affiliations_write_it(native, names):
    assert chinese_names(native) == names


def test_an_author_at_a_laboratory_written_without_its_class_is_a_doubt_and_a_kind_of_one_is_none(tracker, tmp_path):
    """Found by the twenty-fifth part: the tracker gives 39 laboratories' Chinese forms with their
    class ("信息融合技术教育部重点实验室(B类)", Northwestern Polytechnical University's), and two names
    in one ("第一附属医院/西南医院", the Army Medical University's Southwest Hospital). An author
    writing the laboratory's name as affiliations do, without the class, or at the hospital, was
    no doubt at all; and "教育部重点实验室(b类)", any Ministry of Education laboratory, was a name of
    Fudan University's."""
    works = {
        "W1": ["信息融合技术教育部重点实验室, 西安"],
        "W2": ["信息融合技术教育部重点实验室（B类）, 西安"],
        "W3": ["西南医院, 重庆"],
        "W4": ["厦门大学, 教育部重点实验室(b类)"],
        "W5": ["第一附属医院, 重庆医科大学"],
        "W6": ["卫星导航电子信息技术教育部重点实验室, 北京"],
    }
    claims, path = _case(tmp_path, tracker, "claims:\n" + none_claim("{coauthor_in: [aspi]}"), works)
    (r,) = engines_agree(claims, [path], tmp_path / "cache").results
    assert [f.work.id for f in r.uncertain_findings] == ["W1", "W2", "W3", "W6"]
    why = {f.work.id: " | ".join(f.uncertain_because) for f in r.uncertain_findings}
    assert "under Northwestern Polytechnical University as a major defence laboratory" in why["W1"]
    assert "runs on" not in why["W2"]
    assert "under Army Medical University as a subsidiary" in why["W3"]
    assert "under Beijing Institute of Technology as a major defence laboratory" in why["W6"]


def test_an_author_at_an_institute_the_tracker_names_with_its_city_is_found_where_the_city_is(tracker, tmp_path):
    """Found by the twenty-fifth part: the tracker gives the China Academy of Engineering Physics
    the aliases "The Institute of Applied Physics and Computational Mathematics, Beijing" and "The
    High Power Laser Laboratory, Shanghai", a name and its city as the Entity List writes them, and
    the name was found only with ", Beijing" right after it: an author at the institute as
    affiliations write it was at nothing, and a claim against the academy was cleared. The name
    counts now where the affiliation names the city elsewhere; without it, it is a doubt (a "High
    Power Laser Laboratory" may be any institution's); abroad, nothing."""
    works = {
        "W1": ["Institute of Applied Physics and Computational Mathematics, P.O. Box 8009, Beijing 100088, China"],
        "W2": ["Inst Appl Phys & Computat Math, Lab Computat Phys, Beijing 100088, Peoples R China"],
        "W3": ["Beijing Inst Appl Phys & Computat Math"],
        "W4": ["High Power Laser Laboratory, Chengdu, China"],
        "W5": ["Institute of Applied Physics and Computational Mathematics, China"],
        "W6": ["High Power Laser Laboratory, Dept of Physics, Imperial College London, London, UK"],
        "W7": ["High Power Laser Laboratory, China; Department of Chemistry, Shanghai 200433, China"],
        # The city only as the first word of another institution's name: no place of the laboratory.
        "W8": ["High Power Laser Laboratory, Shanghai Institute of Optics and Fine Mechanics, China"],
        "W9": ["Institute of Applied Physics and Computational Mathematics, Beijing Normal University, China"],
    }
    claims, path = _case(tmp_path, tracker, "claims:\n" + none_claim("{coauthor_in: [aspi]}"), works)
    (r,) = engines_agree(claims, [path], tmp_path / "cache").results
    assert [f.work.id for f in r.findings] == ["W1", "W2", "W3"]
    assert {f.reasons[-1].entry.id for f in r.findings} == {"chinese-academy-of-engineering-physics"}
    assert [f.work.id for f in r.uncertain_findings] == ["W4", "W5", "W7", "W8", "W9"]
    why = {f.work.id: " | ".join(f.uncertain_because) for f in r.uncertain_findings}
    assert (
        "the list gives Chinese Academy of Engineering Physics the name \u201cThe High Power Laser Laboratory,"
        " Shanghai\u201d with its place, and the affiliation names \u201cHigh Power Laser Laboratory\u201d but not"
        " Shanghai: another institution may bear the name"
    ) in why["W4"]
    assert "but not Beijing" in why["W5"]
    assert "but not Shanghai" in why["W7"]
    assert "runs on" in why["W8"] or "but not Shanghai" in why["W8"]
    assert "runs on" in why["W9"] or "but not Beijing" in why["W9"]
    assert r.verdict == "contradicted"


@pytest.mark.parametrize(
    ("name", "split"),
    [
        ("The High Power Laser Laboratory, Shanghai", ("The High Power Laser Laboratory", "Shanghai")),
        ("The Institute of Applied Physics and Computational Mathematics, Beijing",
         ("The Institute of Applied Physics and Computational Mathematics", "Beijing")),
        ("Sichuan Dingcheng Material Trade Co., Ltd.", None),  # no place after the comma
        ("No. 33 Research Institute, Third Academy of CASIC", None),
        ("Key Laboratory of Integrated Electronic System, Ministry of Education", None),
        ("Harbin Institute of Technology, China", None),  # a country places no institute of its own
        ("HIT, Harbin", None),  # an acronym alone stays the acronym's rule
    ],
)  # fmt: skip
def test_only_a_name_and_a_city_or_province_after_a_comma_is_sought_apart(name, split):
    assert name_and_its_place(name) == split


def test_a_name_given_within_an_institution_s_name_under_an_entry_is_its_alias(tracker):
    """The real tracker names CASC's academies "CASC 1st Academy, a.k.a China Academy of Launch
    Vehicle Technology (CALT)" ... "CASC 9th Academy, a.k.a. China Aerospace Times Electronics
    Corporation", NORINCO's institutes "NORINCO Group No. 204 Institute (...) aka Xi'an Modern
    Chemistry Institute", and UIR's campus "..., also known as the Zhejiang Second People's Police
    School": kept whole, no affiliation names them so, and an author at CALT or the Xi'an Modern
    Chemistry Institute named nothing, the claim cleared in silence. Each name within is an alias
    of the related institution now; the tracker's "May also known as the ..." gives no "May"."""
    entries = _by_id(import_aspi(tracker, list_id="aspi"))
    related = {r["name"]: r.get("aliases", []) for e in entries.values() for r in e.get("related", [])}
    calt = "CASC 1st Academy, a.k.a China Academy of Launch Vehicle Technology (CALT)"
    assert related[calt] == ["CASC 1st Academy", "China Academy of Launch Vehicle Technology (CALT)"]
    norinco = "NORINCO Group No. 204 Institute (中国兵工集团第204研究所) aka Xi\u2019an Modern Chemistry Institute"
    assert related[norinco][-1] == "Xi\u2019an Modern Chemistry Institute"
    campus = "University of International Relations Hangzhou Campus, also known as the Zhejiang Second People\u2019s Police School"
    assert related[campus][-1] == "Zhejiang Second People\u2019s Police School"
    may = [n for n in related if n.startswith("May also known as")]
    assert may and not any("May" in related[n] for n in may)
    # The Army Medical University's hospital by its present name, after "now known as", which the
    # first reading missed: only its Chinese form was an alias.
    (daping,) = [n for n in related if n.startswith("Third Affiliated Hospital/Daping Hospital")]
    assert related[daping][-2:] == ["大坪医院", "Army Characteristic Medical Center"]
    # A remark before the name is no part of it, and a name's Chinese form is an alias apart, as
    # affiliations write it; "第三附属医院" (any university's third affiliated hospital) is none.
    everything = [a for aliases in related.values() for a in aliases]
    assert not [a for a in everything if a.startswith(("Based in", "Jointly"))]
    assert {
        "NORINCO Group No. 55 Institute",
        "中国兵工集团第55研究所",
        "Norinco Group’s 212 Research Institute",
    } <= set(everything)
    aisheng = [n for n in related if n.startswith("Xi'an Aisheng Technology Group")]
    assert related[aisheng[0]][:2] == ["Xi'an Aisheng Technology Group", "西安爱生技术集团公司"]
    assert "大坪医院" in related[daping] and "第三附属医院" not in everything


@pytest.mark.parametrize(
    ("remark", "named"),
    [
        # The real tracker's remarks in place of a laboratory's name (under Harbin Engineering
        # University, Northwestern Polytechnical University, Peking University, Zhejiang University).
        (
            "May also be known as the Science and Technology on Underwater Vehicle Laboratory",
            "Science and Technology on Underwater Vehicle Laboratory",
        ),
        (
            "May be another name for the State Key Laboratory for Underwater Information and Control",
            "State Key Laboratory for Underwater Information and Control",
        ),
        (
            "Also known as the \u2018Radiochemistry and Radiation Chemistry GF Key Discipline Laboratory'",
            "Radiochemistry and Radiation Chemistry GF Key Discipline Laboratory",
        ),
        (
            "Also referred to as the Key Laboratory of High-Performance Embedded Computing",
            "Key Laboratory of High-Performance Embedded Computing",
        ),
        # Under the University of Science and Technology Beijing and the Air Force Early Warning
        # Academy, remarks the first reading missed, each kept whole, its name found nowhere.
        (
            "This may be known as the Critical Applied Technologies and Materials Technology",
            "Critical Applied Technologies and Materials Technology Development Research Base",
        ),
        ("Aka Wuhan Radar Institute Key Research Lab", "Wuhan Radar Institute Key Research Lab"),
        ("May be part of the Electronic Materials Research Laboratory, Ministry of Education", None),
        ("Jointly run with Beijing Institute of Technology", None),
        ("Probably a Ministry of Education b-category laboratory", None),
    ],
)
def test_a_remark_naming_what_a_laboratory_may_be_gives_that_name(tracker, remark, named):
    """The tracker writes some laboratories under an entry as a remark ("May be another name for
    the ...", "May also be known as the ...", "Also known as the ..."): kept whole, the name it
    gives was found in no affiliation, an author at "Science and Technology on Underwater Vehicle
    Laboratory, Harbin" nothing. That name is an alias now (a doubt about the entry); a part
    ("May be part of the ...") or another institution ("Jointly run with ...") is none."""
    entries = _by_id(import_aspi(tracker, list_id="aspi"))
    (found,) = [r for e in entries.values() for r in e.get("related", []) if r["name"].startswith(remark)]
    english = [a for a in found.get("aliases", []) if a.isascii()]
    assert english == ([named] if named else [])


WITHIN_WORKS = {
    "W1": ["China Academy of Launch Vehicle Technology, Beijing 100076, China"],
    "W2": ["Xi'an Modern Chemistry Institute, Xi'an 710065, China"],
    "W3": ["Sichuan Academy of Aerospace Technology, Chengdu 610100, China"],
    # The laboratory the tracker writes under Harbin Engineering University as "May also be known as
    # the Science and Technology on Underwater Vehicle Laboratory (...), literally the '...'".
    "W4": ["Science and Technology on Underwater Vehicle Laboratory, Harbin 150001, China"],
    # The hospital the tracker writes under the Army Medical University "Third Affiliated
    # Hospital/Daping Hospital (...), now known as the Army Characteristic Medical Center (...)",
    # written as W1 is, with Daping Hospital's city and postcode.
    "W5": ["Army Characteristic Medical Center, Chongqing 400042, China"],
    "W6": ["Department of Physics, University of Oxford, Oxford, UK"],
    # The company the tracker writes under Northwestern Polytechnical University "Xi'an Aisheng
    # Technology Group (西安爱生技术集团公司), aka ...", in Chinese as Chinese affiliations write it.
    "W7": ["西安爱生技术集团公司, 西安 710072"],
}


def test_an_author_at_a_name_given_within_a_related_institution_s_is_a_doubt_on_both_engines(tracker, tmp_path):
    """Coauthors at CALT, the Xi'an Modern Chemistry Institute and the Sichuan Academy of
    Aerospace Technology, each named only after "a.k.a." within a name the tracker gives under CASC
    or NORINCO, were nothing (`insufficient_evidence`, no doubt); each is a doubt now, on both engines."""
    claims, path = _case(tmp_path, tracker, "claims:\n" + none_claim("{coauthor_in: [aspi]}"), WITHIN_WORKS)
    (r,) = engines_agree(claims, [path], tmp_path / "cache").results
    assert (r.verdict, r.matched, [f.work.id for f in r.uncertain_findings]) == (
        "insufficient_evidence",
        0,
        ["W1", "W2", "W3", "W4", "W5", "W7"],
    )
    why = {f.work.id: " | ".join(f.uncertain_because) for f in r.uncertain_findings}
    assert "under China Aerospace Science and Technology Corporation as a subsidiary" in why["W1"]
    assert "under China North Industries Group as a major defence laboratory" in why["W2"]
    assert "under Harbin Engineering University as a major defence laboratory" in why["W4"]
    assert "under Army Medical University as a subsidiary" in why["W5"]
    assert "under Northwestern Polytechnical University as a subsidiary" in why["W7"]
