"""Where a listed name ends (issue 18, twelfth part): what the eleventh part's review found and
left, on the real ASPI tracker's names, through both engines.

False accusations: a Chinese name that runs straight on into more Chinese (天津大学仁爱学院, a
college of its own; 北大荒, a state farm group, through Peking University's alias 北大; 中国电子学会,
a society, through China Electronics Corporation's alias 中国电子), or into a bracket of its own
(中国地质大学（北京）, another university than the listed 中国地质大学（武汉）); a word of
direction right before an English name ("West Anhui University", 皖西学院). Each is a doubt now;
a school named by a field of study (天津大学计算机学院) is the university's (twentieth part).

False clearances: a fullwidth acronym ("ＨＩＴ") and a name with an invisible character inside a
word (a soft hyphen, a zero-width space), which both engines now read through."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimwatch import claims as claims_mod
from claimwatch import lists
from claimwatch.columnar import search_form
from claimwatch.evaluate._names import NameMatcher, cjk_run_on
from helpers import authorship, work, write, write_jsonl
from test_columnar_engine import engines_agree
from test_name_forms import CLAIMS as NAMED_CLAIMS
from test_name_forms import LAB

CLAIMS = NAMED_CLAIMS.replace("coauthor_in: [named]", "coauthor_in: [aspi]")  # the real tracker's


@pytest.fixture(scope="module")
def aspi(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose `aspi` list is the real tracker, imported whole, and the claim on it."""
    root = tmp_path_factory.mktemp("aspi")
    document = lists.import_aspi(shared_data / "aspi/misp-galaxy-china-defence-universities.json", list_id="aspi")
    lists.write_list_yaml(document, root / "evidence/lists/aspi.yaml")
    write(root / "claims/c.yaml", CLAIMS)
    return root


def check(root: Path, tmp_path: Path, raw: str):
    """The claim on one work by the lab with one partner, whose raw affiliation is `raw`, through
    both engines (their JSON reports the same bytes)."""
    claims = claims_mod.load_claims([root / "claims/c.yaml"], root=root)
    partner = authorship("B. Partner", [], raw=[raw])
    records = [work("W1", "A paper", "2024-06-01", [authorship("A. Lab", [LAB]), partner])]
    results = engines_agree(claims, [write_jsonl(tmp_path / "works.jsonl", records)], tmp_path / "cache")
    (result,) = results.results
    return result


# (raw affiliation, what ran on or came before, the entry it names)
DOUBTS = [
    ("天津大学仁爱学院，天津 301636", "“仁爱学院”", "Tianjin University"),
    ("北大荒集团，哈尔滨", "“荒集团”", "Peking University"),
    ("中国电子学会，北京", "“学会”", "China Electronics Corporation"),
    ("中国地质大学（北京）地球科学与资源学院", "“（北京）”", "China University of Geosciences (Wuhan)"),
    ("中国地质大学 (北京)", "“(北京)”", "China University of Geosciences (Wuhan)"),
    ("West Anhui University, Lu'an 237012, China", "“West”", "Anhui University"),
    # What a review of this part found: an invisible character or a no-break space at the name's
    # edge, as PDF and web text give them, hid what follows or comes before, and the doubt became
    # a certain match again. The doubt is judged on the text as it reads.
    ("北大\u200b荒集团，哈尔滨", "“荒集团”", "Peking University"),
    ("天津大学\u200b仁爱学院，天津 301636", "“仁爱学院”", "Tianjin University"),
    ("天津大学\u00ad仁爱学院，天津 301636", "“仁爱学院”", "Tianjin University"),
    ("中国地质大学\u200b（北京）地球科学与资源学院", "“（北京）”", "China University of Geosciences (Wuhan)"),
    ("中国地质大学【北京】", "“【北京】”", "China University of Geosciences (Wuhan)"),  # lenticular brackets
    ("West\u00a0Anhui University, Lu'an 237012, China", "“West”", "Anhui University"),
    ("West \u200bAnhui University, Lu'an 237012, China", "“West”", "Anhui University"),
    ("Tianjin University\u00a0Renai College, Tianjin 301636, China", "“Renai”", "Tianjin University"),
]


@pytest.mark.parametrize(("raw", "word", "entry"), DOUBTS, ids=[d[0] for d in DOUBTS])
def test_a_longer_name_around_a_listed_one_is_a_doubt(aspi, tmp_path, raw, word, entry):
    result = check(aspi, tmp_path, raw)
    assert (result.verdict, result.matched, result.uncertain) == ("insufficient_evidence", 0, 1)
    (doubt,) = result.uncertain_findings[0].uncertain_because
    assert word in doubt and f"{entry}'s" in doubt


# (raw affiliation, the entry's name or alias found)
MATCHES = [
    ("中国地质大学（武汉），武汉 430074", "中国地质大学(武汉)"),  # the entry's own alias, bracket and all
    # A school named by a field, written after the name as Chinese affiliations write it, is the
    # university's own (the twentieth part; it was a doubt here, as 仁爱学院 is).
    ("中国地质大学（武汉）地球科学学院，武汉", "中国地质大学(武汉)"),
    ("北京大学附属医院，北京", "北京大学"),  # a part of the institution
    ("安徽大学，合肥 230601", "安徽大学"),
    ("School of Computer Science and Technology, Anhui University, Hefei 230601, China", "Anhui University"),
    ("ＨＩＴ, Harbin 150001, China", "HIT"),  # fullwidth, as some Chinese typesetting writes it
    ("Harbin Insti\u00adtute of Technology, Harbin 150001, China", "Harbin Institute of Technology"),
    ("哈尔滨\u200b工业大学，哈尔滨", "哈尔滨工业大学"),
    ("Harbin Institute of Tech\u200bnology, Harbin, China", "Harbin Institute of Technology"),
    # Tag characters show nothing and can hide inside a name (found by the sixteenth part).
    ("Harbin Institute of Tech\U000e0041nology, Harbin, China", "Harbin Institute of Technology"),
    ("哈尔滨\U000e0020工业大学，哈尔滨", "哈尔滨工业大学"),
]


@pytest.mark.parametrize(("raw", "name"), MATCHES, ids=[m[0] for m in MATCHES])
def test_the_listed_institution_is_still_found(aspi, tmp_path, raw, name):
    result = check(aspi, tmp_path, raw)
    assert (result.verdict, result.matched, result.uncertain) == ("contradicted", 1, 0)
    (reason,) = [r for r in result.findings[0].reasons if r.kind == "listed_author"]
    assert reason.matched_name == name and reason.doubt is None
    assert reason.matched_text == raw  # the text as it stands, invisible characters and all


@pytest.mark.parametrize(
    ("text", "end", "after"),
    [
        ("天津大学仁爱学院", 4, "仁爱学院"),
        ("天津大学 仁爱学院", 4, "仁爱学院"),
        ("天津大学，天津", 4, None),
        ("天津大学", 4, None),
        ("天津大学附属医院", 4, None),
        ("天津大学校区", 4, None),
        ("中国地质大学（北京）", 6, "（北京）"),
        ("中国地质大学(Beijing)", 6, None),  # a bracket without Chinese: English names' rules
        ("天津大学Tianjin", 4, None),
    ],
)
def test_what_a_chinese_name_runs_on_into(text, end, after):
    assert cjk_run_on(text, end) == after


def test_offsets_are_into_the_text_as_given_through_invisible_characters():
    matcher = NameMatcher([("hit", "Harbin Institute of Technology"), ("hit", "HIT")])
    text = "\ufeffDept. of CS, Harbin Insti\u00adtute of Tech\u00adnology, and HIT"
    hits = matcher.find(text)
    assert [(h.name, text[h.start : h.end]) for h in hits] == [
        ("Harbin Institute of Technology", "Harbin Insti\u00adtute of Tech\u00adnology"),
        ("HIT", "HIT"),
    ]


def test_the_tables_search_form_reads_through_them_too():
    """What the query looks for: a name word is a substring of the text's search form."""
    assert "institute" in search_form("Harbin Insti\u00adtute of Technology")
    assert "哈尔滨工业大学" in search_form("哈尔滨\u200b工业大学")
    assert "hit" in search_form("ＨＩＴ, Harbin")


@pytest.mark.parametrize("brk", ["\u2028", "\u2029", "\x85", "\x0b", "\x0c"])
def test_a_line_break_of_any_kind_is_no_space(aspi, tmp_path, brk):
    """A name, a line break, then more words: no run-on, as with "\\n" (a second review found
    the spaces of the rules taking Unicode's line and paragraph separators for spaces)."""
    by_newline = check(aspi, tmp_path / "n", "Tianjin University\nRenai College, Tianjin 301636, China")
    by_other = check(aspi, tmp_path / "o", f"Tianjin University{brk}Renai College, Tianjin 301636, China")
    assert (by_other.verdict, by_other.matched, by_other.uncertain) == (
        by_newline.verdict,
        by_newline.matched,
        by_newline.uncertain,
    )
    assert cjk_run_on(f"天津大学{brk}仁爱学院", 4) is None
