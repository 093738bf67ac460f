"""The shipped case held to FACTS.md (issue 18): every listing date, Federal Register citation and
`verified` flag of the Entity List and DoD 1286 lists, every OpenAlex id the lists and claims
carry, the claims' dates and Microsoft's quote, and the ids, dates, authors and affiliations of
the curated papers FACTS.md records. Each fact is written here beside the words of FACTS.md that
give it; the first tests hold the shipped files to them, and the last one, where ../shared is
present, finds every one of those words in FACTS.md itself, so neither side can drift alone."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from claimwatch.lists import load_list

ROOT = Path(__file__).resolve().parent.parent
LISTS = ROOT / "evidence" / "lists"
QUOTES: list[str] = []  # every FACTS.md passage a fact below is read from


def facts(words: str) -> str:
    """Record FACTS.md's words for a fact (checked against the file by the last test)."""
    QUOTES.append(words)
    return words


ENTITY_LIST_ADDED = facts(
    "On the current list, addition date not confirmed: USTC, Beijing Institute of Technology, Northwestern "
    "Polytechnical University, Nanjing University of Aeronautics and Astronautics, Nanjing University of "
    "Science and Technology, Sichuan University, University of Electronic Science and Technology of China, "
    "Tianjin University, Beijing University of Posts and Telecommunications."
)
HARBIN = facts(
    "Harbin Institute of Technology and Harbin Engineering University: added effective 2020-06-05, 85 FR 34495."
)
CAS_LABS = facts(
    '2024-05-09, 89 FR 41886: added "CAS Key Laboratory for Quantum Information" (address on the USTC East '
    'campus) and "CAS Center for Excellence in Quantum Information and Quantum Physics", not USTC itself.'
)
DOD_FIRST = facts(
    "first edition 2023-06-29/30 already lists the Seven Sons, NUDT, Sichuan University and UESTC; USTC first "
    "appears in the FY24 edition, published 2025-06-24."
)

# (list, entry id) -> (listed_from, citation, verified), beside the words that give them. Dates the
# CSL gives (start_date, first notice) are confirmed dates; the Entity List entries FACTS.md gives
# no date for are null and unverified.
LISTINGS: dict[tuple[str, str], tuple[str | None, str | None, bool, str]] = {
    ("us-entity-list", "harbin-institute-of-technology"): ("2020-06-05", "85 FR 34495", True, HARBIN),
    ("us-entity-list", "harbin-engineering-university"): ("2020-06-05", "85 FR 34495", True, HARBIN),
    ("us-entity-list", "national-university-of-defense-technology"): (
        "2015-02-18",
        "80 FR 8527",
        True,
        facts("National University of Defense Technology: added 2015-02-18, 80 FR 8527;"),
    ),
    ("us-entity-list", "beihang-university"): (
        "2001-05-14",
        "66 FR 24266",
        True,
        facts(
            'Beijing University of Aeronautics and Astronautics (BUAA; alt_names include "Beihang University") '
            'start_date 2001-05-14, notices "66 FR 24266;'
        ),
    ),
    ("us-entity-list", "northwestern-polytechnical-university"): (
        "2001-05-14",
        "66 FR 24266",
        True,
        facts("Northwestern Polytechnical University 2001-05-14 (66 FR 24266; ...)"),
    ),
    ("us-entity-list", "sichuan-university"): (
        "2012-09-19",
        "77 FR 58006",
        True,
        facts("Sichuan University 2012-09-19 (77 FR 58006; 88 FR ...)"),
    ),
    ("us-entity-list", "university-of-electronic-science-and-technology-of-china"): (
        "2012-09-19",
        "77 FR 58006",
        True,
        facts("University of Electronic Science and Technology of China 2012-09-19 (77 FR 58006)"),
    ),
    ("us-entity-list", "cas-key-laboratory-for-quantum-information"): ("2024-05-09", "89 FR 41886", True, CAS_LABS),
    ("us-entity-list", "cas-center-for-excellence-in-quantum-information-and-quantum-physics"): (
        "2024-05-09",
        "89 FR 41886",
        True,
        CAS_LABS,
    ),
    **{
        ("us-entity-list", eid): (None, None, False, ENTITY_LIST_ADDED)
        for eid in (
            "university-of-science-and-technology-of-china",
            "beijing-institute-of-technology",
            "nanjing-university-of-aeronautics-and-astronautics",
            "nanjing-university-of-science-and-technology",
            "tianjin-university",
            "beijing-university-of-posts-and-telecommunications",
        )
    },
    # The first edition's later day, so that listed_before_publication never counts a work early.
    **{
        ("dod-1286", eid): ("2023-06-30", None, True, DOD_FIRST)
        for eid in (
            "beihang-university",
            "beijing-institute-of-technology",
            "harbin-institute-of-technology",
            "harbin-engineering-university",
            "northwestern-polytechnical-university",
            "nanjing-university-of-aeronautics-and-astronautics",
            "nanjing-university-of-science-and-technology",
            "national-university-of-defense-technology",
            "sichuan-university",
            "university-of-electronic-science-and-technology-of-china",
        )
    },
    ("dod-1286", "university-of-science-and-technology-of-china"): ("2025-06-24", None, True, DOD_FIRST),
}

# OpenAlex ids FACTS.md confirms, by the name they belong to.
OPENALEX_IDS = facts(
    "OpenAlex ids confirmed in more than one public file: Microsoft I1290206253 (ROR 00d0nc645); Microsoft "
    "Research Asia I4210113369; University of Science and Technology of China I126520041 (ROR 04c4dkn09); "
    "Harbin Institute of Technology I204983213; Beijing Institute of Technology I125839683 (ROR 01skt4w74)."
)
CONFIRMED_OPENALEX = {
    "I1290206253": "Microsoft",
    "I4210113369": "Microsoft Research Asia",
    "I126520041": "University of Science and Technology of China",
    "I204983213": "Harbin Institute of Technology",
    "I125839683": "Beijing Institute of Technology",
}

NYT = facts(
    'The New York Times, "Microsoft Debates What to Do With A.I. Lab in China", Karen Weise, Cade Metz and '
    'David McCabe, 2024-01-10: "The lab also has restrictions on work related to quantum computing, facial '
    "recognition and synthetic media, Microsoft said. The company also blocks hiring or working with students "
    "and researchers from universities affiliated with China's military, it said.\""
)
QBITAI = facts(
    "QbitAI (量子位), 2022-04-14, reported from a student forum post of 2022-04-08 that MSRA would no longer "
    "take current students of the Seven Sons universities or of Beijing University of Posts and "
    "Telecommunications as interns; MSRA did not reply. Reported, not confirmed."
)
WATCHDOGS = facts("## What the watchdogs said (June 2025, Breitbart News and reposts, about 2025-06-27/28)")
SINCE_MARCH = facts("Since March 2024 MSRA researchers published ten papers on facial recognition or synthetic media")

NATURALSPEECH_3 = facts(
    "Authors (affiliation numbers): Zeqian Ju (1,2), Yuancheng Wang (3), Kai Shen (4,1), Xu Tan (1), Detai Xin "
    "(1,5), Dongchao Yang (1), Yanqing Liu (1), Yichong Leng (1), Kaitao Song (1), Siliang Tang (4), Zhizheng "
    "Wu (3), Tao Qin (1), Xiang-Yang Li (2), Wei Ye (6), Shikun Zhang (6), Jiang Bian (1), Lei He (1), Jinyu Li "
    "(1), Sheng Zhao (1). 1 Microsoft Research Asia & Microsoft Azure Speech; 2 University of Science and "
    "Technology of China; 3 The Chinese University of Hong Kong, Shenzhen; 4 Zhejiang University; 5 The "
    "University of Tokyo; 6 Peking University."
)
NATURALSPEECH_3_IDS = facts("arXiv 2403.03100 (first version March 2024); ICML 2024.")
VASA_1 = facts(
    "VASA-1: Lifelike Audio-Driven Talking Faces Generated in Real Time. arXiv 2404.10667v1, 16 April 2024 (the "
    "v1 header as a mirror of the arXiv page shows it). Authors in order, each with Microsoft Research Asia as "
    "the page gives it: Sicheng Xu, Guojun Chen, Yu-Xiao Guo, Jiaolong Yang, Chong Li, Zhenyu Zang, Yizhong "
    "Zhang, Xin Tong, Baining Guo. Venue not confirmed."
)
PERSONMAE = facts(
    "arXiv 2311.04496 (first version November 2023); IEEE Transactions on Multimedia, DOI 10.1109/TMM.2024.3405649 "
    "(2024). Authors and affiliations as the arXiv version states them: Hezhen Hu, Xiaoyi Dong, Houqiang Li "
    "(University of Science and Technology of China); Jianmin Bao, Dong Chen (Microsoft Research Asia); Dongdong "
    "Chen, Lu Yuan (Microsoft Cloud AI). The journal record gives Dongdong Chen as Microsoft, Redmond and no "
    "affiliation for Lu Yuan."
)


def _yaml(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _iso(value: object) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else None if value is None else str(value)


def _curated(work_id: str) -> dict[str, dict[str, Any]]:
    """A curated work's versions, by label."""
    (work,) = [w for w in _yaml(ROOT / "evidence/curated/msra-2024.yaml")["works"] if w["id"] == work_id]
    return {v["label"]: v for v in work["versions"]}


def _authors(version: dict[str, Any]) -> list[tuple[str, list[str]]]:
    return [(a["name"], [aff["name"] for aff in a.get("affiliations", ())]) for a in version["authors"]]


def test_every_dated_list_entry_is_as_facts_md_gives_it():
    shipped = {
        (list_id, e.id): (_iso(e.listed_from), e.citation, e.verified)
        for list_id in ("us-entity-list", "dod-1286")
        for e in load_list(LISTS / f"{list_id}.yaml").entries
    }
    assert shipped == {key: row[:3] for key, row in LISTINGS.items()}


def test_no_shipped_entry_has_a_removal_facts_md_does_not_give():
    """FACTS.md records no removal from any list the case ships."""
    ended = [(p.stem, e.id) for p in sorted(LISTS.glob("*.yaml")) for e in load_list(p).entries if e.listed_to]
    assert ended == []


def test_every_openalex_id_shipped_is_one_facts_md_confirms_for_that_institution():
    carried = [
        (p.stem, e.name, oa) for p in sorted(LISTS.glob("*.yaml")) for e in load_list(p).entries for oa in e.openalex
    ]
    for path in sorted((ROOT / "claims").glob("*.yaml")):
        carried += [
            (path.stem, s["name"], oa) for s in _yaml(path)["subjects"].values() for oa in s.get("openalex", ())
        ]
    assert carried
    assert [(where, name, oa) for where, name, oa in carried if CONFIRMED_OPENALEX.get(oa) != name] == []


def test_the_claims_dates_quote_and_sources_are_facts_mds():
    nyt = _yaml(ROOT / "claims/microsoft-msra-2024.yaml")
    statement = nyt["statement"]
    assert _iso(statement["made_on"]) == "2024-01-10"
    assert " ".join(statement["quote"].split()) in NYT
    (source,) = statement["sources"]
    assert (source["title"], source["publisher"], source["authors"], _iso(source["published"])) == (
        "Microsoft Debates What to Do With A.I. Lab in China",
        "The New York Times",
        ["Karen Weise", "Cade Metz", "David McCabe"],
        "2024-01-10",
    )
    assert {_iso(c["from"]) for c in nyt["claims"]} == {"2024-01-10"}

    interns = _yaml(ROOT / "claims/msra-2022-intern-policy.yaml")
    assert (_iso(interns["statement"]["made_on"]), interns["statement"]["confirmed"]) == ("2022-04-08", False)
    assert " ".join(interns["statement"]["quote"].split()).rstrip(".") in QBITAI
    assert _iso(interns["statement"]["sources"][0]["published"]) == "2022-04-14"
    assert {_iso(c["from"]) for c in interns["claims"]} == {"2022-04-08"}

    watchdogs = _yaml(ROOT / "claims/watchdog-2025-msra.yaml")
    # FACTS.md gives "about 2025-06-27/28"; the earlier day, and the note must say it is not exact.
    assert _iso(watchdogs["statement"]["made_on"]) == "2025-06-27"
    assert "2025-06-27/28" in watchdogs["statement"]["note"]
    papers = [c for c in watchdogs["claims"] if "works" in c]
    assert {(_iso(c["from"]), _iso(c["to"])) for c in papers} == {("2024-03-01", "2025-06-27")}


def test_naturalspeech_3_as_facts_md_gives_it():
    numbers = dict(re.findall(r"(\d) ([^;.]+(?:, Shenzhen)?)", NATURALSPEECH_3.split("Sheng Zhao (1). ")[1]))
    expected = [
        (name, [numbers[n] for n in nums.split(",")])
        for name, nums in re.findall(r"([A-Z][\w-]+(?: [A-Z][\w-]+)+) \(([\d,]+)\)", NATURALSPEECH_3)
    ]
    assert len(expected) == 19
    versions = _curated("naturalspeech-3")
    assert _authors(versions["project page"]) == expected
    # The arXiv rendering's first affiliation reads otherwise; the rest is the same.
    arxiv = [
        (n, [a.replace("Microsoft Research & Microsoft Azure", numbers["1"]) for a in affs])
        for n, affs in _authors(versions["arXiv"])
    ]
    assert arxiv == expected
    assert {(v["arxiv"], v["published"]) for v in versions.values()} == {("2403.03100", "2024-03")}
    assert "ICML 2024" in versions["arXiv"]["venue"]


def test_vasa_1_as_facts_md_gives_it():
    (version,) = _curated("vasa-1").values()
    names = VASA_1.split("as the page gives it: ")[1].split(". Venue")[0].split(", ")
    assert _authors(version) == [(n, ["Microsoft Research Asia"]) for n in names]
    assert (version["arxiv"], _iso(version["published"]), version["venue"]) == ("2404.10667v1", "2024-04-16", "arXiv")


def test_personmae_as_facts_md_gives_it():
    versions = _curated("personmae")
    arxiv, journal = versions["arXiv v1"], versions["journal"]
    assert (arxiv["arxiv"], arxiv["published"]) == ("2311.04496", "2023-11")
    assert (journal["doi"], journal["published"], journal["venue"]) == (
        "10.1109/TMM.2024.3405649",
        2024,
        "IEEE Transactions on Multimedia",
    )
    ustc, msra, cloud = "University of Science and Technology of China", "Microsoft Research Asia", "Microsoft Cloud AI"
    stated = {"Hezhen Hu": ustc, "Xiaoyi Dong": ustc, "Houqiang Li": ustc, "Jianmin Bao": msra, "Dong Chen": msra}
    assert dict(_authors(arxiv)) == {
        **{n: [a] for n, a in stated.items()},
        "Dongdong Chen": [cloud],
        "Lu Yuan": [cloud],
    }
    assert dict(_authors(journal)) == {
        **{n: [a] for n, a in stated.items()},
        "Dongdong Chen": ["Microsoft, Redmond"],
        "Lu Yuan": [],
    }


@pytest.mark.parametrize("words", QUOTES, ids=[q[:40] for q in QUOTES])
def test_every_fact_above_is_in_facts_md(shared_data, words):
    text = " ".join((shared_data.parent / "FACTS.md").read_text(encoding="utf-8").split())
    assert " ".join(words.split()) in text
