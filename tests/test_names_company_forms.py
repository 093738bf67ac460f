"""Company forms at the end of listed names (issue 18, thirty-second part).

The entries are real rows of the CSL of 2023-11 (moov-io/watchman's test/testdata/csl.csv at
c815c599): the CMIC list's "HUAWEI TECHNOLOGIES CO., LTD." and "Megvii Technology Limited", and
"CHINA SATELLITE COMMUNICATIONS CO., LTD." (Beijing), with their addresses and countries as the
import gives them. Affiliations write such companies without their form ("Huawei Technologies,
Shenzhen", "Megvii Technology, Beijing"), as MSRA's coauthors at them do."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimwatch.evaluate._companies import company_form_after, distinctive_word, form_in_full, without_company_form
from helpers import coauthor_text_found

HUAWEI_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: huawei
    name: HUAWEI TECHNOLOGIES CO., LTD.
    country: CN
    addresses: ["Longgang District, Huawei Headquarter Office Building, Bantian, Guangdong, Shenzhen, 518129, CN"]
    verified: true
"""

# The import gives it no country: its addresses are in two (KY, CN).
MEGVII_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: megvii
    name: Megvii Technology Limited
    addresses:
      - "PO Box 309, Ugland House, Grand Cayman, KY1-1104, KY"
      - "No. 2 Kexueyuan South Road, Haidian District, Block A, Raycom Infotech Park, Beijing, CN"
    verified: true
"""

# A name of common words only: "China Satellite Communications" may be any firm's of China.
SATCOM_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: satcom
    name: CHINA SATELLITE COMMUNICATIONS CO., LTD.
    aliases: [CHINA SATCOM]
    country: CN
    addresses: ["China Satellite Communications Tower, Building A, 21st Floor, 65, Zhichun Road, Haidian District, Beijing, 100190, CN"]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # Not found at all before: the company form was required.
        ("Huawei Technologies, Shenzhen, China", "match"),
        ("Huawei Technologies, Hangzhou 310000, China", "match"),  # "Huawei" is rare: the company's own
        # Its own form, as before.
        ("Huawei Technologies Co., Ltd., Shenzhen, China", "match"),
        ("Huawei Technologies Co. Ltd, Shenzhen 518129", "match"),
        # Its own form written in full: nothing before, then a name run on into "Company".
        ("Huawei Technologies Company Limited, Shenzhen, China", "match"),
        # Words after the form still make a longer name.
        ("Huawei Technologies Company Limited Research Institute, Shenzhen", "doubt"),
        # Another form: perhaps a subsidiary, perhaps the company.
        ("Huawei Technologies Inc., Shenzhen, China", "doubt"),
        # Another country than the entry's: not it, as before.
        ("Huawei Technologies Duesseldorf GmbH, Munich, Germany", "nothing"),
    ],
)
def test_a_distinctive_name_without_its_company_form_is_found(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, HUAWEI_LIST, raw, found)


@pytest.mark.parametrize(
    "raw",
    [
        # Nothing before; the entry gives no country, so even its whole name is a doubt.
        "Megvii Technology, Beijing, China",
        "MEGVII Technology",
        "Megvii Technology Limited, Beijing, China",
    ],
)
def test_megvii_without_its_form_is_a_doubt_as_its_whole_name_is(tmp_path, monkeypatch, capsys, raw):
    coauthor_text_found(tmp_path, monkeypatch, capsys, MEGVII_LIST, raw, "doubt")


@pytest.mark.parametrize(
    ("raw", "found", "said"),
    [
        # Common words only: a doubt naming the form the text leaves out (nothing before).
        ("China Satellite Communications, Shanghai, China", "doubt", "company form \u201cCO., LTD.\u201d"),
        ("China Satellite Communications", "doubt", "without it"),
        # Its own city beside it does not tell it from another firm of Beijing of the name (the
        # thirty-third part: it was a match): a doubt, said so.
        (
            "China Satellite Communications, Beijing 100190, China",
            "doubt",
            "without it, beside a place of CHINA SATELLITE COMMUNICATIONS CO., LTD.'s own: no word",
        ),
        # Another form: another firm perhaps, said so (it was "... runs on into \u201cInc\u201d: the
        # text may name another institution whose name begins with ...'s").
        ("China Satellite Communications Inc., Beijing", "doubt", "Communications Inc.\u201d, another company form"),
        ("China Satellite Communications S.A., Beijing", "doubt", "Communications S.A.\u201d, another company form"),
        # The first words of its own form alone, as Crossref cuts a string: said as part of it, not
        # "another company form" (the real fixture's "Panda International Information Technology
        # Company" of "... Company, Ltd" too).
        ("China Satellite Communications Co., Beijing", "doubt", "Co.\u201d, only the first words of the company form"),
        ("China Satellite Communications Company, Beijing", "doubt", "only the first words of the company form"),
        # Its alias "CHINA SATCOM", given with no form, before the form its name has: the doubt said
        # so (it was "a company form CHINA SATELLITE COMMUNICATIONS CO., LTD. is not named with", then
        # "a company form the list does not give \u201cCHINA SATCOM\u201d", as though the list gave no such name).
        (
            "China Satcom Co., Ltd., Beijing, China",
            "doubt",
            "the list's name \u201cCHINA SATCOM\u201d with a company form, where the list gives that name without one",
        ),
        # Its own form, written otherwise: as before.
        ("China Satellite Communications Co. Ltd, Shanghai, China", "match", None),
        ("China Satellite Communications Company Limited, Shanghai, China", "match", None),
        ("China Satellite Communications Company Limited Research Institute", "doubt", "\u201cResearch"),
    ],
)
def test_a_common_name_without_its_company_form_is_a_doubt(tmp_path, monkeypatch, capsys, raw, found, said):
    result = coauthor_text_found(tmp_path, monkeypatch, capsys, SATCOM_LIST, raw, found)
    if said is not None:
        assert said in json.dumps(result, ensure_ascii=False), raw


@pytest.mark.parametrize(
    ("name", "bare", "form"),
    [
        ("Megvii Technology Limited", "Megvii Technology", "Limited"),
        ("HUAWEI TECHNOLOGIES CO., LTD.", "HUAWEI TECHNOLOGIES", "CO., LTD."),
        ("Gazprom Neft PJSC", "Gazprom Neft", "PJSC"),
        ("BANK VTB OPEN JOINT STOCK COMPANY", "BANK VTB", "OPEN JOINT STOCK COMPANY"),
        ("NEC Engineers Private, Ltd.", "NEC Engineers", "Private, Ltd."),
        ("GRUPO ESTRELLA S.A. de C.V.", "GRUPO ESTRELLA", "S.A. de C.V."),
    ],
)
def test_a_company_form_at_a_name_s_end(name, bare, form):
    assert without_company_form(name) == (bare, form)


@pytest.mark.parametrize(
    ("name", "bare", "form"),
    [
        # Names of the CSL of 2023-11 with the form Russian companies write first.
        ("JSC VTB BANK", "VTB BANK", "JSC"),
        ("OOO VEB KAPITAL", "VEB KAPITAL", "OOO"),
        ("OPEN JOINT STOCK COMPANY RUSSIAN RAILWAYS", "RUSSIAN RAILWAYS", "OPEN JOINT STOCK COMPANY"),
        ("Joint Stock Company Research and Production Company Micran", "Research and Production Company Micran",
         "Joint Stock Company"),
        ("Private Joint-Stock Company Mako Holding", "Mako Holding", "Private Joint-Stock Company"),
        # Forms before and after: the name between, and the form a text writes after it.
        # "Company" after a form written first is a word of the name, not its form: the CSL's same
        # entry is "MEZHDUNARODNAYA UPRAVLYAYUSHCHAYA KOMPANIYA" (it was "ROSNEFT OIL", "COMPANY").
        ("OPEN JOINT-STOCK COMPANY ROSNEFT OIL COMPANY", "ROSNEFT OIL COMPANY", "OPEN JOINT-STOCK COMPANY"),
        ("OJSC INTERNATIONAL MANAGEMENT COMPANY", "INTERNATIONAL MANAGEMENT COMPANY", "OJSC"),
    ],
)  # fmt: skip
def test_a_company_form_before_a_name(name, bare, form):
    assert without_company_form(name) == (bare, form)


@pytest.mark.parametrize(
    "name",
    [
        "ZTE Corporation",
        "Harbin Institute of Technology",
        "AO Kronshtadt",
        "Bank Open",
        "Limited",
        # A form before one word only, or words of a form before no "Company" (the CSL's own).
        "PJSC Gazprom",
        "JSC NIIP",
        "Joint Stock Bank of the Gas Industry Gazprombank",
    ],
)
def test_no_company_form_or_too_little_left(name):
    assert without_company_form(name) is None


def test_what_is_distinctive():
    assert distinctive_word("Megvii Technology") == "Megvii"
    assert distinctive_word("HUAWEI TECHNOLOGIES") == "HUAWEI"
    assert distinctive_word("Sensetime Group") == "Sensetime"
    # English, places, organisations' words, one syllable of pinyin, short words: not.
    for bare in ("Aero Systems", "World Line System", "China Mobile", "Beijing Zhong Trading", "Neva Elektronika"):
        assert distinctive_word(bare) is None, bare


def test_another_company_form_begins_with_a_form_s_own_word():
    from claimwatch.evaluate._companies import another_company_form_after

    assert another_company_form_after("China Satellite Communications Inc., Beijing", 30) == "Inc."
    assert another_company_form_after("Grupo Estrella S.A. de C.V., Monterrey", 14) == "S.A. de C.V."
    # An initial is no form's own word: a person's name may follow ("Megvii Technology J. Sun").
    assert another_company_form_after("Megvii Technology J. Sun", 17) is None


def test_a_company_form_written_after():
    assert company_form_after("Megvii Inc., Beijing", 6) == "Inc."
    assert company_form_after("Huawei Technologies Co., Ltd., Shenzhen", 19) == "Co., Ltd."
    assert company_form_after("Huawei Technologies, Shenzhen", 19) is None
    assert form_in_full("Co., Ltd.") == form_in_full("Company Limited")


@given(st.sampled_from(["Limited", "Ltd.", "Co., Ltd.", "Inc.", "GmbH", "LLC", "S.A. de C.V."]), st.text())
def test_a_bare_name_is_a_prefix_of_its_name(form, text):
    """What is sought without a form is the name's own beginning, so the query's needles, words of
    the name, only widen (`_grouping._name_needles`)."""
    name = f"Example Holdings{text} {form}"
    found = without_company_form(name)
    if found is not None:
        assert name.startswith(found[0])
        after = name[len(found[0])]
        assert after.isspace() or after == ","  # cut between whole words, never inside one


@given(
    st.sampled_from(["JSC", "OOO", "PJSC", "Open Joint Stock Company", "LLC"]), st.text(), st.sampled_from(["", " LLC"])
)
def test_a_bare_name_is_words_of_its_name(form, text, after):
    """Without a form before it too, what is sought is whole words of the name, so the query's
    needles only widen."""
    name = f"{form} Example Holdings{text}{after}"
    found = without_company_form(name)
    if found is not None:
        at = name.find(found[0])
        assert at > 0 and name[at - 1].isspace()
        assert at + len(found[0]) == len(name) or not name[at + len(found[0])].isalnum()


# The Entity List's row of 81 FR 61595 (2016-09-07) as the CSL of 2023-11 gives it.
MICRAN_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: micran
    name: Joint Stock Company Research and Production Company Micran
    country: RU
    addresses: ["51d Kirova Street, Tomsk, Tomsk, 634041, RU", "2/5/4 Building 3 Slavyanskaya Square, Moscow, 109074, RU"]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # The name without the form the list writes first: nothing before.
        ("Research and Production Company Micran, Tomsk 634041, Russia", "match"),
        ("Research and Production Company Micran", "doubt"),  # no country: as any name of it
        # Its whole name, as before.
        ("Joint Stock Company Research and Production Company Micran, Tomsk, Russia", "match"),
        ("Research and Production Company Micran, Almaty, Kazakhstan", "nothing"),
    ],
)
def test_a_name_without_the_form_before_it_is_found(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, MICRAN_LIST, raw, found)


# The Entity List's row of 77 FR 61249 as the CSL of 2023-11 gives it: its alias's first word,
# "Petersburg", is sought alone before a company form, and is in every "St. Petersburg".
PEC_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: pec
    name: Petersburg Electronic Company (PEC), LLC
    aliases: [Petersburg Electronic-Komplekt Ltd.]
    country: RU
    addresses: ["Zastavskaya St 32A, St. Petersburg, 196084, RU"]
    verified: true
"""


@pytest.mark.parametrize(
    ("list_yaml", "raw", "found"),
    [
        # The company's rare first word under another form: nothing before, a doubt now, never a match.
        (MEGVII_LIST, "Megvii Inc., Beijing, China", "doubt"),
        (MEGVII_LIST, "MEGVII Inc.", "doubt"),
        (HUAWEI_LIST, "Huawei Inc., Shenzhen, China", "doubt"),
        (HUAWEI_LIST, "Huawei Co., Ltd., Shenzhen, China", "doubt"),
        # Before a unit's name (NeurIPS 2019's accepted papers: "Yixing Xu (Huawei Noah's Ark
        # Lab)"; "Megvii Research"): nothing before, a doubt now, never a match.
        (MEGVII_LIST, "Megvii Research, Beijing, China", "doubt"),
        (HUAWEI_LIST, "Huawei Noah's Ark Lab, Hong Kong", "doubt"),
        (HUAWEI_LIST, "Huawei Noah's Ark Lab, Shenzhen, China", "doubt"),
        (HUAWEI_LIST, "Huawei Cloud, Shenzhen, China", "doubt"),
        # Alone in its part after a unit's name: nothing before, a doubt now.
        (HUAWEI_LIST, "Noah's Ark Lab, Huawei, Shenzhen, China", "doubt"),
        (HUAWEI_LIST, "Noah's Ark Lab, Huawei Technologies, Shenzhen, China", "match"),  # its name: as before
        (HUAWEI_LIST, "Department of Physics, Huawei, Shenzhen, China", "nothing"),
        # Neither a form nor a unit beside it: the word alone names nothing, as before.
        (HUAWEI_LIST, "Huawei researchers, Shenzhen, China", "nothing"),
        (HUAWEI_LIST, "Huawei, Shenzhen Research Institute", "nothing"),
        (PEC_LIST, "Petersburg Research Institute, St. Petersburg, Russia", "nothing"),  # a common word
        (PEC_LIST, "St. Petersburg State University, St. Petersburg 199034, Russia", "nothing"),
    ],
)
def test_a_company_s_rare_first_word_before_another_form_is_a_doubt(
    tmp_path, monkeypatch, capsys, list_yaml, raw, found
):
    coauthor_text_found(tmp_path, monkeypatch, capsys, list_yaml, raw, found)


def test_a_company_s_first_word_before_another_form_says_so(tmp_path, monkeypatch, capsys):
    """It was "\u201cHuawei\u201d runs on into \u201cInc\u201d: ... another institution whose name begins with ..."."""
    result = coauthor_text_found(tmp_path, monkeypatch, capsys, HUAWEI_LIST, "Huawei Inc., Shenzhen, China", "doubt")
    assert "the first words of the list's \u201cHUAWEI" in json.dumps(result, ensure_ascii=False)


def test_a_company_s_first_word_before_its_own_form_says_so(tmp_path, monkeypatch, capsys):
    """It was "... the first words of the list's ... under another company form", though "Co., Ltd."
    is the form the CSL gives HUAWEI TECHNOLOGIES CO., LTD."""
    raw = "Huawei Co., Ltd., Shenzhen, China"
    said = json.dumps(coauthor_text_found(tmp_path, monkeypatch, capsys, HUAWEI_LIST, raw, "doubt"), ensure_ascii=False)
    assert "\u201cHUAWEI TECHNOLOGIES CO., LTD.\u201d with its company form but without the rest of the name" in said
    assert "under another company form" not in said


def test_a_company_s_first_word_before_a_unit_says_so(tmp_path, monkeypatch, capsys):
    raw = "Huawei Noah's Ark Lab, Shenzhen, China"
    result = coauthor_text_found(tmp_path, monkeypatch, capsys, HUAWEI_LIST, raw, "doubt")
    said = json.dumps(result, ensure_ascii=False)
    assert "Huawei Noah's Ark Lab\u201d, the first words of the list's" in said
    assert "a unit of HUAWEI TECHNOLOGIES CO., LTD." in said


def test_a_unit_after():
    from claimwatch.evaluate._companies import a_unit_after

    assert a_unit_after("Huawei Noah's Ark Lab, Hong Kong", 6) == "Noah's Ark Lab"
    assert a_unit_after("Megvii Research, Beijing", 6) == "Research"
    assert a_unit_after("Huawei Research.", 6) == "Research"
    # A word in lower case first, a comma between, more than three words before: none.
    for text in ("Huawei researchers", "Huawei, Shenzhen Research", "Huawei A B C D Lab", "Huawei Technologies"):
        assert a_unit_after(text, 6) is None, text


def test_a_unit_before():
    from claimwatch.evaluate._companies import a_unit_before

    def unit(text):
        at = text.rindex("Huawei")
        return a_unit_before(text, at, at + len("Huawei"))

    assert unit("Noah's Ark Lab, Huawei, Hong Kong") == "Noah's Ark Lab"
    assert unit("Dept of Physics, Noah's Ark Lab, Huawei") == "Noah's Ark Lab"
    # Words after it in its part, a word in lower case, no unit's word, no part before: none.
    for text in (
        "Noah's Ark Lab, Huawei Technologies",
        "Key laboratory of x, Huawei",
        "Dept of Physics, Huawei",
        "Huawei",
    ):
        assert unit(text) is None, text


def test_a_company_s_core():
    from claimwatch.evaluate._companies import company_core

    assert company_core("Megvii Technology") == "Megvii"
    assert company_core("HUAWEI TECHNOLOGIES") == "Huawei"  # not in capitals: no acronym
    assert company_core("Sensetime Group") == "Sensetime"
    # A common word first, or no common word after: none.
    for bare in ("China Mobile", "Beijing Megvii Technology", "Sinobright"):
        assert company_core(bare) is None, bare


def test_the_common_words_read_until_the_first_rare_one_are_all_of_them():
    """`common_words` stops at the first rarer word, the table giving them most common first: the
    words it keeps are every word of the whole table at least that common."""
    import spacy
    import spacy_lookups_data

    from claimwatch.evaluate._spacy import _COMMON_FROM, common_words

    table = spacy.util.load_language_data(spacy_lookups_data.en["lexeme_prob"])
    assert common_words() == {word.casefold() for word, probability in table.items() if probability >= _COMMON_FROM}
    assert {"global", "golden", "nordic"} <= common_words()
    assert not {"huawei", "megvii", "shipbuilding"} & common_words()


# The Entity List's "Hansen Technologies Limited" (78 FR 75458, 2013-12-12), both addresses in Hong
# Kong, as the CSL of 2023-11 gives it: "Hansen" is a surname, and another firm's name (Hansen
# Technologies of Melbourne).
HANSEN_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: hansen
    name: Hansen Technologies Limited
    country: HK
    addresses:
      - "Unit 501, 5/F, Global Gateway, 168 Yeung HK Road, Tsuen Wan, HK"
      - "9/F, Henan Building, 19 Luard Road, Wanchai, HK"
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # A match before: the probability table's "Hansen" was not read as "hansen".
        ("Hansen Technologies, Hong Kong", "doubt"),
        ("Hansen Technologies, Wanchai, Hong Kong, China", "doubt"),
        # No country: a doubt, as before; its whole name in its country: the entry, as before.
        ("Hansen Technologies", "doubt"),
        ("Hansen Technologies Limited, Hong Kong", "match"),
    ],
)
def test_a_capitalised_common_word_is_common(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, HANSEN_LIST, raw, found)


@pytest.mark.parametrize(
    "bare",
    [
        # Names without their forms of the CSL of 2023-11 whose one rare-looking word the table
        # holds capitalised (a surname, a place, a people, a star).
        "Hansen Technologies",
        "Hudson Technologies",  # Anvik Technologies Sdn. Bhd.'s alias
        "CASPIAN INDUSTRIAL MACHINERY SUPPLY",
        "NATIONAL IRANIAN OIL",
        "KONTSERN ORION",
        "GOMEZ MARIN",
    ],
)
def test_a_name_of_capitalised_common_words_is_not_distinctive(bare):
    assert distinctive_word(bare) is None, bare


def test_a_company_s_own_word_is_still_distinctive():
    assert distinctive_word("HUAWEI TECHNOLOGIES") == "HUAWEI"
    assert distinctive_word("Megvii Technology") == "Megvii"
    assert distinctive_word("Petersburg Electronic-Komplekt") == "Komplekt"  # not "Petersburg"
    # Of a Russian firm, none: "Komplekt" (a kit) is a Russian word (`test_russian_trade_words_are_common`).
    assert distinctive_word("Petersburg Electronic-Komplekt", "RU") is None


# The CMIC list's row as the CSL of 2023-11 gives it: "Netposa Technologies Limited", aliases
# "NetPosa Technologies, Ltd.; NetPosa". "NetPosa" is an alias of its own and the rare first word of
# the other alias without its form (`company_core`), sought alone only before a company form.
NETPOSA_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: netposa
    name: Netposa Technologies Limited
    aliases: ["NetPosa Technologies, Ltd.", NetPosa]
    country: CN
    addresses: ["Chaoyang District, Wangjing Soho, 2nd Tower, 26th Floor, 1, Futong Avenue, Beijing, 100102, CN"]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # Nothing before: the alias was dropped as the core found with no company form after it.
        ("NetPosa, Beijing 100102, China", "match"),
        # As before this part: the alias run on into another word, a doubt.
        ("NetPosa Inc., Beijing, China", "doubt"),
        ("NetPosa Research, Beijing", "doubt"),
        ("NetPosa Technologies, Beijing, China", "match"),
    ],
)
def test_an_alias_that_is_also_a_core_is_still_the_entry_s_name(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, NETPOSA_LIST, raw, found)


# The CMIC list's row as the CSL of 2023-11 gives it: country CN, its one address in Hong Kong, as
# 82 CN entries of that list are ("..., Hong Kong, CN": China Mobile Limited, CNOOC Limited).
SENSETIME_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: sensetime
    name: Sensetime Group Limited
    aliases: [Sensetime Group Ltd]
    country: CN
    addresses: ["West Avenue, Block 1, 1F & 2F Harbour View, 12 Science Park, Hong Kong New Territories, Hong Kong SAR, CN"]
    verified: true
"""


@pytest.mark.parametrize(
    ("list_yaml", "raw", "found"),
    [
        # A doubt before ("... in Hong Kong, a region of China"): the list's own address is there.
        (SENSETIME_LIST, "SenseTime Group Limited, Hong Kong", "match"),
        (SENSETIME_LIST, "SenseTime Group Limited, Shatin, Hong Kong, China", "match"),
        (SENSETIME_LIST, "Sensetime Group, Hong Kong SAR", "match"),
        # Another region of China, another country: as before.
        (SENSETIME_LIST, "SenseTime Group Limited, Macau", "doubt"),
        (SENSETIME_LIST, "SenseTime Group Limited, Singapore", "nothing"),
        # An entry of China addressed in Beijing only: Hong Kong is still a doubt.
        (SATCOM_LIST, "China Satellite Communications Co., Ltd., Hong Kong", "doubt"),
        # Its own region and its country at once (SenseTime's offices, as its papers give them):
        # a doubt before, "... in China and Hong Kong at once"; no other place but its own.
        (SENSETIME_LIST, "SenseTime Group Limited, Hong Kong and Shanghai, China", "match"),
        (SENSETIME_LIST, "Sensetime Group Ltd, Beijing, China and Hong Kong", "match"),
        # Another region with it, or Hong Kong with China for an entry addressed in Beijing: as before.
        (SENSETIME_LIST, "SenseTime Group Limited, Hong Kong and Macau", "doubt"),
        (SATCOM_LIST, "China Satellite Communications Co., Ltd., Beijing, China and Hong Kong", "doubt"),
    ],
)
def test_hong_kong_is_an_own_place_where_the_list_addresses_the_entry_there(
    tmp_path, monkeypatch, capsys, list_yaml, raw, found
):
    coauthor_text_found(tmp_path, monkeypatch, capsys, list_yaml, raw, found)


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        # Its own region and another country: nothing before (a name elsewhere), where "...,
        # Shanghai, China and Taipei, Taiwan" was and is a doubt; a doubt alike now.
        ("SenseTime Group Limited, Hong Kong and Taipei, Taiwan", "in Hong Kong and Taiwan at once"),
        ("SenseTime Group Limited, Hong Kong and Singapore", "in Hong Kong and Singapore at once"),
        ("SenseTime Group Limited, Shanghai, China and Taipei, Taiwan", "in China and Taiwan at once"),
    ],
)
def test_an_own_region_beside_another_country_is_a_doubt_as_the_country_is(tmp_path, monkeypatch, capsys, raw, said):
    result = coauthor_text_found(tmp_path, monkeypatch, capsys, SENSETIME_LIST, raw, "doubt")
    assert said in json.dumps(result, ensure_ascii=False), raw


# The SSI row of SME BANK as the real 2025 excerpt (../shared/data/csl) gives it, two of its aliases.
SME_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: sme
    name: SME BANK
    aliases: [JSC RUSSIAN BANK FOR SMALL AND MEDIUM ENTERPRISES SUPPORT, JSC SME BANK]
    country: RU
    addresses: ["79 ul. Sadovnicheskaya, Moscow, 115035, RU"]
    verified: true
"""


def test_a_common_first_word_is_not_sought_alone(tmp_path):
    """ "Russian", the first word of the alias without its "JSC", never counts alone (`distinctive_word`):
    sought, it made "russian" a needle of the query, letting every Russian affiliation through."""
    from claimwatch.evaluate._grouping import _name_needles
    from claimwatch.evaluate._matchers import ListMatcher
    from claimwatch.lists import load_list

    path = tmp_path / "l.yaml"
    path.write_text(SME_LIST, encoding="utf-8")
    matcher = ListMatcher(load_list(path))
    sought = {name for _, name in matcher.registered}
    assert "RUSSIAN BANK FOR SMALL AND MEDIUM ENTERPRISES SUPPORT" in sought
    assert "Russian" not in sought
    assert "russian" not in _name_needles(sought)
    path.write_text(MEGVII_LIST, encoding="utf-8")
    assert "Megvii" in {name for _, name in ListMatcher(load_list(path)).registered}


# The SSI row of Russian Electronics as the CSL of 2023-11 gives it: a name of common words, its
# forms written first ("OPEN JOINT STOCK COMPANY ...", "JSC ..."), and a name of one word after its
# form among the aliases ("JSC RUSELECTRONICS"), which English texts write with the form after it.
RUSELECTRONICS_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: ruselectronics
    name: OPEN JOINT STOCK COMPANY RUSSIAN ELECTRONICS
    aliases: [JSC RUSELECTRONICS, AO ROSELEKTRONIKA, JSC RUSSIAN ELECTRONICS]
    country: RU
    addresses: ["12 Kosmonavta Volkova, Moscow, 127299, RU", "Ul. Vereiskaya D. 29, Str. 141, Moscow, 121357, RU"]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found", "said"),
    [
        # Its own forms, abbreviated in English or Russian, written first: a doubt that said the
        # text wrote "Russian Electronics" "without it" before; the company now, as "JSC ..." was.
        ("OJSC Russian Electronics, Moscow, Russia", "match", None),
        ("AO \u00abRussian Electronics\u00bb, Moscow, Russia", "match", None),
        ("JSC Russian Electronics, Moscow, Russia", "match", None),
        # Another form first (PJSC, public, is no open one): said as written.
        ("PJSC Russian Electronics, Moscow, Russia", "doubt", "\u201cPJSC Russian Electronics\u201d, another company form"),
        # No form at all, or another country: as before.
        ("Russian Electronics, Moscow, Russia", "doubt", "without it"),
        ("OJSC Russian Electronics, Almaty, Kazakhstan", "nothing", None),
    ],
)  # fmt: skip
def test_a_company_form_written_before_a_name(tmp_path, monkeypatch, capsys, raw, found, said):
    result = coauthor_text_found(tmp_path, monkeypatch, capsys, RUSELECTRONICS_LIST, raw, found)
    if said is not None:
        assert said in json.dumps(result, ensure_ascii=False), raw


def test_a_company_form_before_a_name_read_in_full():
    from claimwatch.evaluate._companies import company_form_before

    assert form_in_full("OJSC") == form_in_full("Open Joint-Stock Company") == form_in_full("OAO")
    assert form_in_full("AO") == form_in_full("JSC") == form_in_full("JOINT STOCK COMPANY")
    assert form_in_full("LLC") == form_in_full("OOO") == form_in_full("Limited Liability Company")
    assert form_in_full("PJSC") != form_in_full("OJSC") and form_in_full("ZAO") == form_in_full("CJSC")
    text = "Research Institute of JSC \u00abRussian Helicopters\u00bb"
    assert company_form_before(text, text.index("Russian")) == "JSC"
    text = "Open Joint Stock Company Russian Railways"
    assert company_form_before(text, text.index("Russian")) == "Open Joint Stock Company"
    # No form, a form in another part, words of a form before no "Company": none.
    for text in ("Russian Railways", "JSC, Russian Railways", "Joint Stock Russian Railways"):
        assert company_form_before(text, text.index("Russian")) is None, text


def test_a_claim_s_subject_run_on_into_a_company_form_is_no_list_s_name():
    """A subject's name run on into a form ("Microsoft Corporation, Redmond, WA, USA", as papers
    write Microsoft I1290206253) is a doubt said of the claim's subject, not of a list."""
    from claimwatch.claims import Subject
    from claimwatch.evaluate._matchers import SubjectMatcher
    from claimwatch.works import Authorship

    matcher = SubjectMatcher(Subject(id="ms", name="Microsoft", openalex=("I1290206253",), country="US"))
    hit = matcher._match(Authorship("A", 0, raw_affiliations=("Microsoft Corporation, Redmond, WA, USA",)))
    assert hit is not None and hit.doubt is not None
    assert "a company form the claim's subject \u201cMicrosoft\u201d is not named with" in hit.doubt
    assert "the list" not in hit.doubt


# The NS-MBS row of the CSL of 2023-11 (its name and two of its aliases): a name of common words
# between a form written first and "Company".
IMC_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: imc
    name: MEZHDUNARODNAYA UPRAVLYAYUSHCHAYA KOMPANIYA, AO
    aliases: [INTERNATIONAL MANAGEMENT COMPANY OJSC, OJSC INTERNATIONAL MANAGEMENT COMPANY]
    country: RU
    addresses: ["d. 13/2 ul. Begovaya, Moscow, 125284, RU"]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # "Company" was taken as the form of "OJSC INTERNATIONAL MANAGEMENT COMPANY", so any firm
        # of these common words written with it was certainly the listed one (a doubt before this
        # part, "... runs on into \u201cCompany\u201d"); it is a doubt again, the form unwritten.
        ("International Management Company, Moscow, Russia", "doubt"),
        ("International Management, Moscow, Russia", "doubt"),
        # Its whole name, its form first or last: the company.
        ("OJSC International Management Company, Moscow, Russia", "match"),
        ("International Management Company OJSC, Moscow, Russia", "match"),
    ],
)
def test_company_after_a_form_written_first_is_a_word_of_the_name(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, IMC_LIST, raw, found)


# The SDN list's "COMERCIALIZADORA DE CARNES LTDA." (alias "COMECARNES LTDA.", Pereira, CO) as the
# CSL of 2023-11 gives it: "Comercializadora" (a marketing company) begins 14 of that file's
# entries' names, "Inmobiliaria" 12, "Inversiones" 8: any Colombian firm may bear the name.
COMECARNES_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: comecarnes
    name: COMERCIALIZADORA DE CARNES LTDA.
    aliases: [COMECARNES LTDA.]
    country: CO
    addresses: ["Km. 3 Via Marsella, Pereira, CO"]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # A match before: "Comercializadora", no English word, read as the company's own.
        ("Comercializadora de Carnes, Pereira, Colombia", "doubt"),
        ("Comercializadora de Carnes, Bogotá, Colombia", "doubt"),
        # Its own form, or its alias of its own, as before.
        ("Comercializadora de Carnes Ltda., Pereira, Colombia", "match"),
        ("Comecarnes Ltda., Pereira, Colombia", "match"),
    ],
)
def test_a_name_of_common_spanish_words_without_its_form_is_a_doubt(tmp_path, monkeypatch, capsys, raw, found):
    result = coauthor_text_found(tmp_path, monkeypatch, capsys, COMECARNES_LIST, raw, found)
    if found == "doubt":
        assert "no word of the name is rare enough" in json.dumps(result, ensure_ascii=False), raw


@pytest.mark.parametrize(
    "bare",
    [
        # Names without their forms of the CSL of 2023-11 of Spanish trade words (with accents
        # or without, as the lists write them).
        "COMERCIALIZADORA DE CARNES",
        "SIN-MEX IMPORTADORA",
        "INMOBILIARIA PASADENA",
        "DISTRIBUIDORA DE ELEMENTOS PARA LA CONSTRUCCION",
        "AGROPECUARIA PALMA DEL RIO",
        "Organización Minera",
    ],
)
def test_a_name_of_common_spanish_words_is_not_distinctive(bare):
    assert distinctive_word(bare) is None, bare


def test_brands_spanish_texts_name_often_are_still_distinctive():
    # "huawei" and "maipu" are as common in the Spanish probabilities, in lower case, as a
    # trade word, but no form of the Spanish lookup lemmatizer: still a company's own.
    assert distinctive_word("Huawei Investment & Holding") == "Huawei"
    assert distinctive_word("Maipu Communication Technology") == "Maipu"
    assert distinctive_word("Gazprom Dobycha") == "Gazprom"


def test_a_lookup_table_is_read_a_line_at_a_time_as_json_would(tmp_path):
    import gzip

    from claimwatch.evaluate._spacy import _table_words

    # A quote within a word is escaped: that line is read as JSON.
    table = {"aba": "abar", "comercializadoras": "comercializador", 'di"cho': "decir", "niño": "niño"}
    path = tmp_path / "es_lemma_lookup.json"
    with gzip.open(tmp_path / "es_lemma_lookup.json.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps(table, indent=4, ensure_ascii=False))
    assert sorted(_table_words(str(path))) == sorted([w for pair in table.items() for w in pair])


def test_a_probability_table_is_read_a_line_at_a_time_as_json_would(tmp_path):
    """The probability lines split at their last colon give what the table read as JSON gives:
    words with an escape ("m\u00e1s", a quote, a line break), a colon and the first rarer word."""
    import gzip

    from claimwatch.evaluate._spacy import _COMMON_FROM, _words_as_common

    table = {"de": -2.81, 'di"cho': -7.0, "\n\n": -4.6, "más": -5.84, "a:b": -9.5, "año": -14.99, "rara": -15.01}
    path = tmp_path / "es_lexeme_prob.json"
    with gzip.open(tmp_path / "es_lexeme_prob.json.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps(table, indent=2))  # escaped as the real table is: "m\u00e1s"
    assert list(_words_as_common(str(path))) == [w for w, p in table.items() if p >= _COMMON_FROM]


def test_the_spanish_lookup_table_is_read_only_for_a_word_common_in_spanish_texts(monkeypatch):
    """A list of names such as the CSL excerpt's ("ROSNEFT TRADE LIMITED", "Sinobright Import and
    Export Company") never reads the Spanish lookup table; "Comercializadora" does."""
    from claimwatch.evaluate import _spacy

    read = []
    table_words = _spacy._table_words
    monkeypatch.setattr(_spacy, "_table_words", lambda path: read.append(path) or table_words(path))
    _spacy.common_spanish_words.cache_clear()
    try:
        assert distinctive_word("ROSNEFT TRADE") == "ROSNEFT"
        assert distinctive_word("Sinobright Import and Export") == "Sinobright"
        assert read == []
        assert distinctive_word("COMERCIALIZADORA DE CARNES") is None
        assert len(read) == 1
    finally:
        _spacy.common_spanish_words.cache_clear()  # read again with the real reader when asked


# The SSI list's row as the CSL of 2023-11 gives it: its aliases are the English name with its
# form and without it.
SECURITY_TECHNOLOGIES_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: tb
    name: OTKRYTOE AKTSIONERNOE OBSHCHESTVO TEKHNOLOGII BEZOPASNOSTI
    aliases: ["TEKHNOLOGII BEZOPASNOSTI, OAO", JOINT STOCK COMPANY SECURITY TECHNOLOGIES, SECURITY TECHNOLOGIES]
    country: RU
    addresses: ["d. 24 ul. Usacheva, Moscow, 119048, RU"]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found", "said"),
    [
        # Matches before: the alias of common words, though any firm or department may bear it.
        ("Security Technologies, Moscow, Russia", "doubt", "beside a place of OTKRYTOE"),
        ("Information Security Technologies, Moscow, Russia", "doubt", "\u201cSecurity Technologies\u201d so"),
        ("Department of Security Technologies, Tomsk, Russia", "doubt", "beside no place of OTKRYTOE"),
        # With its form, as before.
        ("JSC Security Technologies, Moscow, Russia", "match", None),
        ("Joint Stock Company Security Technologies, Moscow, Russia", "match", None),
    ],
)
def test_an_alias_of_common_words_that_is_another_name_without_its_form_is_a_doubt(
    tmp_path, monkeypatch, capsys, raw, found, said
):
    result = coauthor_text_found(tmp_path, monkeypatch, capsys, SECURITY_TECHNOLOGIES_LIST, raw, found)
    if said is not None:
        text = json.dumps(result, ensure_ascii=False)
        assert "the list gives OTKRYTOE AKTSIONERNOE OBSHCHESTVO TEKHNOLOGII BEZOPASNOSTI the name" in text, raw
        assert "no word of the name is rare enough" in text and said in text, raw


# The SSI list's Sberbank as the CSL of 2023-11 gives it (a few of its aliases): "SBERBANK OF
# RUSSIA" is "PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA" without its form, and "Sberbank" rare.
SBERBANK_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: sberbank
    name: PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA
    aliases: [SBERBANK ROSSII, SBERBANK ROSSII OAO, SBERBANK OF RUSSIA, PJSC SBERBANK]
    country: RU
    addresses: ["19 ul. Vavilova, Moscow, 117312, RU"]
    verified: true
"""


# The SSI list's VTB as the CSL of 2023-11 gives it (some of its 22 aliases): "VTB BANK" is the
# name without the forms of "VTB BANK PJSC", "VTB BANK OAO", "JSC VTB BANK" and the rest.
VTB_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: vtb
    name: VTB BANK PUBLIC JOINT STOCK COMPANY
    aliases: [JSC VTB BANK, VTB BANK PAO, VTB BANK OAO, VTB BANK PJSC, VTB BANK, VTB BANK OPEN JOINT STOCK COMPANY]
    country: RU
    addresses: ["29 Bolshaya Morskaya Street, St. Petersburg, 190000, RU"]
    verified: true
"""


@pytest.mark.parametrize(
    ("list_yaml", "raw", "found"),
    [
        # A form before the alias that none of its names gives: certain before, another firm's
        # perhaps (VTB Bank (Armenia) is a CJSC), as before the bare name.
        (VTB_LIST, "CJSC VTB Bank, Moscow, Russia", "doubt"),
        (VTB_LIST, "LLC VTB Bank, St. Petersburg, Russia", "doubt"),
        (SECURITY_TECHNOLOGIES_LIST, "LLC Security Technologies, Moscow, Russia", "doubt"),
        # And after it, past a comma, as affiliations write a form ("Security Technologies, LLC"):
        # certain before, though the same form run on was a doubt; a rare word changes nothing.
        (SECURITY_TECHNOLOGIES_LIST, "Security Technologies, LLC, Moscow, Russia", "doubt"),
        (VTB_LIST, "VTB Bank, CJSC, Moscow, Russia", "doubt"),
        (SBERBANK_LIST, "Sberbank of Russia, LLC, Moscow, Russia", "doubt"),
        (VTB_LIST, "VTB Bank, PJSC, St. Petersburg, Russia", "match"),
        (SECURITY_TECHNOLOGIES_LIST, "Security Technologies, JSC, Moscow, Russia", "match"),
        # One of its own forms, written first as Russian companies write theirs: as before.
        (VTB_LIST, "OJSC VTB Bank, Moscow, Russia", "match"),
        (VTB_LIST, "PJSC VTB Bank, St. Petersburg, Russia", "match"),
        (VTB_LIST, "JSC VTB Bank, Moscow", "match"),
        (SECURITY_TECHNOLOGIES_LIST, "JSC Security Technologies, Moscow, Russia", "match"),
    ],
)
def test_another_form_beside_an_alias_of_its_name_without_form_is_a_doubt(
    tmp_path, monkeypatch, capsys, list_yaml, raw, found
):
    result = coauthor_text_found(tmp_path, monkeypatch, capsys, list_yaml, raw, found)
    if found == "doubt":
        assert "another company form than the list's" in json.dumps(result, ensure_ascii=False), raw


@pytest.mark.parametrize("raw", ["Sberbank of Russia, Moscow, Russia", "Sberbank Rossii, Moscow"])
def test_an_alias_with_a_rare_word_stays_certain(tmp_path, monkeypatch, capsys, raw):
    coauthor_text_found(tmp_path, monkeypatch, capsys, SBERBANK_LIST, raw, "match")


# The DPL's row as the CSL of 2023-11 gives it (72 F.R. 49699): "Spector" is rare to the word
# tables, and a surname, as laboratories named after the scientist who leads them write it.
SPECTOR_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: spector
    name: SPECTOR INTERNATIONAL, INC
    country: US
    addresses: ["27 BETHPAGE DRIVE, MONROE TOWNSHIP, NJ, 08831, US"]
    verified: true
"""


def test_a_company_s_first_word_before_a_lab_says_it_may_name_a_person(tmp_path, monkeypatch, capsys):
    # The doubt said "it may be a unit of SPECTOR INTERNATIONAL, INC, or of another firm whose
    # name holds them", as though only a firm's laboratory could bear the name.
    raw = "Spector Lab, Department of Chemistry, Yale University, New Haven, CT, USA"
    said = json.dumps(
        coauthor_text_found(tmp_path, monkeypatch, capsys, SPECTOR_LIST, raw, "doubt"), ensure_ascii=False
    )
    assert (
        "it may be a unit of SPECTOR INTERNATIONAL, INC, of another firm whose name holds it, or a laboratory"
        " named after a person of the name" in said
    )


def test_a_unit_of_more_words_than_a_lab_after_the_word_says_as_before(tmp_path, monkeypatch, capsys):
    raw = "Huawei Noah's Ark Lab, Shenzhen, China"
    said = json.dumps(coauthor_text_found(tmp_path, monkeypatch, capsys, HUAWEI_LIST, raw, "doubt"), ensure_ascii=False)
    assert "a unit of HUAWEI TECHNOLOGIES CO., LTD., or of another firm whose name holds them" in said
    assert "named after a person" not in said


# The real tracker's Commercial Aircraft Corporation of China (../shared/data/aspi), which gives
# its English name no company form, as imported.
COMAC_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: comac
    name: Commercial Aircraft Corporation of China
    aliases: [中国商用飞机有限责任公司, 中国商飞, COMAC]
    country: CN
    addresses: ["China, 上海市浦东新区世博大道1919号"]
    verified: true
"""


@pytest.mark.parametrize(
    "raw",
    [
        "Commercial Aircraft Corporation of China Ltd., Shanghai 200126, China",
        "Commercial Aircraft Corp China Ltd, Shanghai",
    ],
)
def test_a_name_the_list_gives_without_a_form_run_on_into_one_says_so(tmp_path, monkeypatch, capsys, raw):
    # It said "... a company form the list does not give “Commercial Aircraft Corporation of
    # China”", as though the list gave no such name.
    said = json.dumps(coauthor_text_found(tmp_path, monkeypatch, capsys, COMAC_LIST, raw, "doubt"), ensure_ascii=False)
    assert (
        "the list's name \u201cCommercial Aircraft Corporation of China\u201d with a company form, where the list"
        " gives that name without one: it may be Commercial Aircraft Corporation of China or a firm of it" in said
    )
    assert "the list does not give" not in said


# The Entity List's row as the CSL of 2023-11 gives it (78 FR 75458): a Turkish limited company
# ("Limited Şirketi", short "Ltd. Şti."), written without its ş as the lists write it.
EUROCENTER_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: eurocenter
    name: Eurocenter Havacilik Dis Ticaret Limited Sirketi
    country: TR
    addresses: ["Kemalpasa Mh, Ordu Cad., Yesil Tulumba Sk No 9, Fatih, Istanbul, TR"]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # Nothing before, the claim cleared: the form written short, or left out, as Turkish
        # firms write their names.
        ("Eurocenter Havacilik Dis Ticaret Ltd. Şti., Istanbul, Turkey", "match"),
        ("Eurocenter Havacilik Dis Ticaret Ltd. Sti., Istanbul, Turkey", "match"),
        # In capitals, as Turkish firms write their names, with the dotted capital İ: a doubt of
        # "only the first words" of its form before, "ŞTİ" casefolded to an i and a combining dot.
        ("EUROCENTER HAVACILIK DIS TICARET LTD. ŞTİ., ISTANBUL, TURKEY", "match"),
        ("Eurocenter Havacilik Dis Ticaret, Istanbul, Turkey", "match"),
        # As written, as before; a joint stock company's form (A.Ş.) another form; in Germany nothing.
        ("Eurocenter Havacilik Dis Ticaret Limited Sirketi, Istanbul, Turkey", "match"),
        ("Eurocenter Havacilik Dis Ticaret A.Ş., Istanbul, Turkey", "doubt"),
        ("Eurocenter Havacilik Dis Ticaret, Berlin, Germany", "nothing"),
    ],
)
def test_a_turkish_company_form_is_read(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, EUROCENTER_LIST, raw, found)


@pytest.mark.parametrize(
    ("name", "bare", "form"),
    [
        ("Eurocenter Havacilik Dis Ticaret Limited Sirketi", "Eurocenter Havacilik Dis Ticaret", "Limited Sirketi"),
        ("Ucuzler Lojistik Ltd. Sti.", "Ucuzler Lojistik", "Ltd. Sti."),
        ("Kral Havacilik Ic Ve Dis Ticaret Sirketi", "Kral Havacilik Ic Ve Dis Ticaret", "Sirketi"),
        # A joint stock company written in full, built in the form of the rows above.
        ("Baykar Makina Anonim Şirketi", "Baykar Makina", "Anonim Şirketi"),
    ],
)
def test_a_turkish_company_form_at_a_name_s_end(name, bare, form):
    assert without_company_form(name) == (bare, form)
    assert form_in_full("Ltd. Şti.") == form_in_full("Limited Sirketi")
    assert form_in_full("LTD. ŞTİ.") == form_in_full("LİMİTED ŞİRKETİ") == form_in_full("Limited Sirketi")


# The SDN list's row as the CSL of 2023-11 gives it: "S.A. DE C.V." written with its "DE" glued to
# the points before it.
ACCESOS_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: accesos
    name: ACCESOS ELECTRONICOS S.A.DE C.V.
    country: MX
    addresses: ["Blvd. Cuauhtemoc 1711, Oficina 305, Colonia Zona Rio, Tijuana, Baja California, MX"]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # Nothing before, the claim cleared: the name was sought as "ACCESOS ELECTRONICOS S.A.DE".
        # Common Spanish words without its form: a doubt, as any such name.
        ("Accesos Electronicos, Tijuana, Mexico", "doubt"),
        # Its form, written either way: as before.
        ("Accesos Electronicos S.A. de C.V., Tijuana, Mexico", "match"),
        ("Accesos Electronicos S.A.DE C.V., Tijuana, Mexico", "match"),
    ],
)
def test_a_de_glued_to_a_form_s_points_is_read(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, ACCESOS_LIST, raw, found)


def test_a_de_glued_to_a_form_s_points_is_the_form_s():
    assert without_company_form("ACCESOS ELECTRONICOS S.A.DE C.V.") == ("ACCESOS ELECTRONICOS", "S.A.DE C.V.")
    assert form_in_full("S.A.DE C.V.") == form_in_full("S.A. de C.V.")
    assert without_company_form("Juan Made") is None  # a word ending in "de" is no form


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # Web of Science's form of Huawei's affiliations ("Huawei Technol Co Ltd", as it abbreviates
        # "Technologies" as "Technology"): nothing before, the claim cleared in silence.
        ("Huawei Technol Co Ltd, Shenzhen, Peoples R China", "match"),
        ("Huawei Technol, Hangzhou, Peoples R China", "match"),
        # Another form, another country: as "Huawei Technologies ..." is.
        ("Huawei Technol Inc, Shenzhen, Peoples R China", "doubt"),
        ("Huawei Technol Duesseldorf GmbH, Munich, Germany", "nothing"),
    ],
)
def test_technologies_abbreviated_as_web_of_science_does(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, HUAWEI_LIST, raw, found)


# The CMIC list's row as the CSL of 2023-11 gives it; Inspur Electronic Information Industry
# Co., Ltd. is a firm of the group its papers' coauthors write ("Inspur Elect Informat Ind Co
# Ltd" in Web of Science's form).
INSPUR_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: inspur
    name: INSPUR GROUP CO., LTD.
    aliases: [Inspur Group]
    country: CN
    addresses: ["No. 1036, High-Tech Inspur Road, Jinan, Shandong, 250101, CN"]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # Nothing before, the claim cleared in silence: "Inspur" alone was kept only right before
        # a company form or a unit's word.
        ("Inspur Electronic Information Industry Co., Ltd., Jinan, China", "doubt"),
        ("Inspur Elect Informat Ind Co Ltd, Jinan, Peoples R China", "doubt"),
        # No form after the words, the word not first in its part, another country: as before.
        ("Inspur Software, Jinan, China", "nothing"),
        ("Wha Inspur Tai Co., Ltd., Jinan, China", "nothing"),
        ("Inspur Electronic Information Industry Co., Ltd., Munich, Germany", "nothing"),
        ("Inspur Group Co., Ltd., Jinan, China", "match"),
        # After its seat's name, as Chinese firms' names begin: nothing before (thirty-sixth part).
        ("Jinan Inspur Data Technology Co., Ltd., Jinan, China", "doubt"),
        ("Shandong Inspur Software Co Ltd, Jinan, Peoples R China", "doubt"),
        # After a word no place: as before.
        ("Langchao Inspur Data Technology Co., Ltd., Jinan, China", "nothing"),
    ],
)
def test_a_firm_whose_name_begins_with_a_company_s_rare_first_word_is_a_doubt(
    tmp_path, monkeypatch, capsys, raw, found
):
    result = coauthor_text_found(tmp_path, monkeypatch, capsys, INSPUR_LIST, raw, found)
    if found == "doubt":
        assert "runs on into" in json.dumps(result, ensure_ascii=False), raw


def test_a_core_within_another_listed_name_found_names_that_name_only(tmp_path):
    # The CSL of 2023-11 lists GAZPROM DOBYCHA KRASNODAR, OOO and GAZPROM DOBYCHA IRKUTSK, OOO: the
    # first named whole is no firm the second's core "GAZPROM DOBYCHA" begins.
    from claimwatch.evaluate._matchers import ListMatcher
    from claimwatch.lists import load_list
    from claimwatch.works import Authorship

    path = tmp_path / "l.yaml"
    path.write_text(
        """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - {id: krasnodar, name: "GAZPROM DOBYCHA KRASNODAR, OOO", country: RU, verified: true}
  - {id: irkutsk, name: "GAZPROM DOBYCHA IRKUTSK, OOO", country: RU, verified: true}
""",
        encoding="utf-8",
    )
    matcher = ListMatcher(load_list(path))
    whole = "Gazprom Dobycha Krasnodar, OOO, Krasnodar, Russia"
    assert {h.entry.id for h in matcher.hits(Authorship("A", 0, raw_affiliations=(whole,)))} == {"krasnodar"}
    other = "Gazprom Dobycha Orenburg Co., Ltd., Orenburg, Russia"
    hits = matcher.hits(Authorship("A", 0, raw_affiliations=(other,)))
    assert {h.entry.id for h in hits} == {"krasnodar", "irkutsk"} and all(h.doubt for h in hits)


# The SSI's row as the CSL of 2023-11 gives it (moov-io/watchman's test/testdata/csl.csv at
# c815c599): "LLC SOVREMENNYE TECHNOLOGII", aliases "MODERN TECHNOLOGIES LIMITED LIABILITY COMPANY;
# SOVREMENNYE TEKHNOLOGII, OOO; OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU SOVREMENNYE
# TEKHNOLOGII": "modern technologies" in Russian, as common a name as in English.
SOVREMENNYE_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: sovremennye
    name: LLC SOVREMENNYE TECHNOLOGII
    aliases:
      - MODERN TECHNOLOGIES LIMITED LIABILITY COMPANY
      - "SOVREMENNYE TEKHNOLOGII, OOO"
      - OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU SOVREMENNYE TEKHNOLOGII
    country: RU
    addresses: ["12a Korp. 1str 6 Pr 2-I Yuzhnoportovy, Moscow, 115432, RU"]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found", "said"),
    [
        # Certain before, in any city: its Russian words read as rare, where the Spanish names'
        # ("Comercializadora de Carnes") are common.
        ("Sovremennye Tekhnologii, Novosibirsk, Russia", "doubt", "beside no place of LLC SOVREMENNYE"),
        ("Sovremennye Tekhnologii, Moscow, Russia", "doubt", "beside a place of LLC SOVREMENNYE"),
        # The list's own name, "TECHNOLOGII" half in English: certain before, "Technologii" read
        # as no Russian word.
        ("SOVREMENNYE TECHNOLOGII, Moscow, Russia", "doubt", "beside a place of LLC SOVREMENNYE"),
        ("Sovremennye Technologii, Novosibirsk, Russia", "doubt", "beside no place of LLC SOVREMENNYE"),
        # With the list's form, as before: the entry.
        ("OOO Sovremennye Tekhnologii, Moscow, Russia", "match", None),
        ("Sovremennye Tekhnologii LLC, Moscow, Russia", "match", None),
    ],
)
def test_a_name_of_russian_trade_words_without_its_form_is_a_doubt(tmp_path, monkeypatch, capsys, raw, found, said):
    result = coauthor_text_found(tmp_path, monkeypatch, capsys, SOVREMENNYE_LIST, raw, found)
    if said is not None:
        assert said in json.dumps(result, ensure_ascii=False), raw


@pytest.mark.parametrize(
    "bare",
    [
        # Names without their forms of the CSL of 2023-11, each word one of the Russian lookup
        # lemmatizer's in Latin letters, in the schemes the list mixes: "NOVYE" and BGN/PCGN's
        # "NOVYYE" (new), "SVYAZ" and "SVIAZ" (communications), "ROSSISKOI" and "ROSSIYSKOY".
        "SOVREMENNYE TEKHNOLOGII",
        "NOVYE FINANSOVYE TEKHNOLOGII",
        "Novyye Tekhnologii",
        "TEKHNOLOGII BEZOPASNOSTI",
        "RT-STROITELNYE TEKHNOLOGII",
        "KONTSERN AVIATSIONNOE OBORUDOVANIE",
        "Obedinennaya Sudostroitelnaya Korporatsiya",
        "BANK VNESHNEY TORGOVLI",
        "SVIAZ-BANK AKB",
        "VTB STRAKHOVANIE SK",
        # The brief's: a Russian firm's trade words as any firm's name writes them.
        "Promyshlennye Tekhnologii",
        "Spetsialnye Tekhnologii",
        "Tekhnologii Svyazi",
        # Half in English, as the list writes the SSI's firm ("LLC SOVREMENNYE TECHNOLOGII"), and a
        # hard sign written "ie", as it writes OBORONPROM's "OBIEDINENNAYA PROMYSHLENNAYA ...".
        "SOVREMENNYE TECHNOLOGII",
        "OBIEDINENNAYA SUDOSTROITELNAYA KORPORATSIYA",
    ],
)
def test_russian_trade_words_are_common(bare):
    assert distinctive_word(bare, "RU") is None, bare


def test_a_russian_firm_s_own_word_is_still_distinctive():
    # The lemmatizer writes names of firms and places with a capital ("Газпром", "Ялта"): no word
    # of the language.
    for bare, own in (
        ("GAZPROM SVYAZ", "GAZPROM"),
        ("NEFTYANAYA KOMPANIYA LUKOIL", "LUKOIL"),
        ("AKTSIONERNAYA KOMPANIYA PO TRANSPORTU NEFTI TRANSNEFT", "TRANSNEFT"),
        ("ROSNEFT TRADE", "ROSNEFT"),
    ):
        assert distinctive_word(bare, "RU") == own, bare


def test_russian_words_are_read_only_for_a_firm_of_a_russian_speaking_country():
    # The Entity List's "Wuxi Paike New Mat. Tech. Co., Ltd." (CN): "Paike" (派克) is a Russian
    # word in Latin letters too (пайке, soldering), and no Chinese firm's name is Russian.
    assert distinctive_word("Wuxi Paike New Mat. Tech.", "CN") == "Paike"
    assert distinctive_word("Sovremennye Tekhnologii", None) == "Sovremennye"
    assert distinctive_word("Sovremennye Tekhnologii", "BY") is None


@pytest.mark.parametrize(
    "word",
    [
        # Each Russian letter the lists write in two Latin letters or more, or leave out, in a word
        # of the CSL of 2023-11's names (the table is translated at once, in Windows-1251's bytes).
        "OBSHCHESTVO",  # щ: общество
        "OTVETSTVENNOSTYU",  # ь left out, ю: ответственностью
        "Zheleznodorozhnaya",  # ж, я: железнодорожная
        "Nauchno",  # ч: научно
        "VNESHNEY",  # ш, й: внешней
        "TEKHNOLOGII",  # х: технологии
        "AVIATSIONNOE",  # ц: авиационное
        "Obedinennaya",  # ъ left out: объединенная
    ],
)
def test_each_russian_letter_is_read_as_the_lists_write_it(word):
    from claimwatch.evaluate._spacy import a_russian_word

    assert a_russian_word(word.casefold()), word


def test_a_surname_the_language_writes_as_a_word_is_read_as_one():
    # The Entity List's "Kalashnikov Concern" (alias "OJSC Concern Kalashnikov") and "JSC GOZ
    # Obukhov Plant" as the CSL of 2023-11 gives them: калашников (a kalach baker's) and обухов (of
    # axe butts) are forms of the Russian table, so their names without a form are doubts, as
    # docs/evaluation.md says; a surname the table does not write ("Ivanov") stays rare.
    assert distinctive_word("Concern Kalashnikov", "RU") is None
    assert distinctive_word("GOZ Obukhov Plant", "RU") is None
    assert distinctive_word("Ivanov Trading", "RU") == "Ivanov"


# The Entity List's Crimean shipyard as the CSL of 2023-11 gives it: the country UA, its names
# Russian words in Latin letters ("Zaliv", залив, a bay), its address "..., Kerch, Crimea, ...".
ZALIV_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: zaliv
    name: OOO Shipyard ?Zaliv?
    aliases: [AO Shipyard ?Zaliv?, JSC Shipyard ?Zaliv?, JSC Zaliv Shipyard, OJSC Zaliv Shipyard, Zaliv Shipyard LLC]
    country: UA
    addresses: ["4 Tankistov Street, Kerch, Crimea, 98310, UA"]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # Certain before: the Russian table was read only for a firm of RU, BY, KZ or KG.
        ("Zaliv Shipyard, Crimea, Ukraine", "doubt"),
        # With one of its forms, as before.
        ("JSC Zaliv Shipyard, Kerch, Crimea, Ukraine", "match"),
    ],
)
def test_a_crimean_firm_s_russian_words_are_common(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, ZALIV_LIST, raw, found)


def test_russian_words_are_read_for_a_firm_addressed_in_crimea():
    assert distinctive_word("Zaliv Shipyard", "UA", ("4 Tankistov Street, Kerch, Crimea, 98310, UA",)) is None
    assert distinctive_word("Zaliv Shipyard", "UA", ("Kyiv, 01001, UA",)) == "Zaliv"


# The Entity List's Crimean Railway as the CSL of 2023-11 gives it (country UA, addressed
# "..., Simferopol, Crimea Region, ..."); Simferopol is a city of Ukraine in the place table.
CRIMEAN_RAILWAY_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: railway
    name: Crimean Railway
    aliases: [Federal State Unitary Enterprise ?Crimean Railway?, Krymzhd, The Railways of Crimea]
    country: UA
    addresses: ["34 Pavlenko Street, Simferopol, Crimea Region, 95006, UA"]
    verified: true
"""


@pytest.mark.parametrize(
    ("listed", "raw", "found", "said"),
    [
        # Since 2014 Crimean authors write Russia ("Sevastopol State University, Sevastopol,
        # Russia"): nothing before, read as a firm of another country.
        (ZALIV_LIST, "JSC Zaliv Shipyard, Kerch, Russia", "match", None),
        (ZALIV_LIST, "JSC Zaliv Shipyard, Republic of Crimea, Russian Federation", "match", None),
        (ZALIV_LIST, "JSC Zaliv Shipyard, Russia", "doubt", "names neither Crimea nor the entry's city there"),
        (ZALIV_LIST, "JSC Zaliv Shipyard, Murmansk, Russia", "doubt", "in Crimea, which Russia holds"),
        # A doubt before, "in Russia and Ukraine at once".
        (CRIMEAN_RAILWAY_LIST, "Crimean Railway, Simferopol, Russia", "match", None),
        (CRIMEAN_RAILWAY_LIST, "Crimean Railway, Simferopol, Ukraine", "match", None),
    ],
)
def test_a_crimean_entry_placed_in_russia_is_not_elsewhere(tmp_path, monkeypatch, capsys, listed, raw, found, said):
    result = coauthor_text_found(tmp_path, monkeypatch, capsys, listed, raw, found)
    if said is not None:
        assert said in json.dumps(result, ensure_ascii=False), raw


# The Entity List's Sugon, as the CSL of 2023-11 gives it and the import keeps it.
DAWNING_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: dawning
    name: Dawning Information Industry Co., Ltd
    aliases: [Sugon]
    country: CN
    addresses: ["Haidian District, Zhongguancun Software Park, Sugon Building 36, 8, Dongbeiwang West Road, Beijing, 100193, CN"]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # A place in brackets before a form, as a firm registered there is named (曙光信息产业(北京)
        # 有限公司, Sugon's Beijing firm): `contradicted` before, the bracket read past.
        ("Dawning Information Industry (Beijing) Co., Ltd., Beijing 100193, China", "doubt"),
        ("Dawning Information Industry (Tianjin) Co., Ltd., Tianjin, China", "doubt"),
        # Its own form, or none, with its city: the entry, as before.
        ("Dawning Information Industry Co., Ltd., Beijing 100193, China", "match"),
        ("Dawning Information Industry Co., Ltd. (Beijing), Beijing, China", "match"),
    ],
)
def test_a_name_with_a_place_in_brackets_before_a_form_is_a_doubt(tmp_path, monkeypatch, capsys, raw, found):
    result = coauthor_text_found(tmp_path, monkeypatch, capsys, DAWNING_LIST, raw, found)
    if found == "doubt":
        assert "a place in brackets before a company form" in json.dumps(result, ensure_ascii=False), raw


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # A country, or a city and its country, in brackets before a form (names hunted a fifteenth
        # time): `contradicted` before, the bracket read past. The CSL of 2023-11 lists "AERO
        # CONTINENTE (USA) INC." (Miami) apart from AERO CONTINENTE S.A (Lima), and "China Unicom
        # (Hong Kong) Limited" apart from China United Network Communications: a firm so named may
        # be a subsidiary registered there.
        ("Huawei Technologies (China) Co., Ltd., Shenzhen, China", "doubt"),
        ("Huawei Technologies (Shenzhen, China) Co., Ltd.", "doubt"),
        # Its own form before the bracket: the entry, as before.
        ("Huawei Technologies Co., Ltd. (China), Shenzhen", "match"),
    ],
)
def test_a_name_with_a_country_in_brackets_before_a_form_is_a_doubt(tmp_path, monkeypatch, capsys, raw, found):
    result = coauthor_text_found(tmp_path, monkeypatch, capsys, HUAWEI_LIST, raw, found)
    if found == "doubt":
        assert "a place in brackets before a company form" in json.dumps(result, ensure_ascii=False), raw


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # "(Group)" before a form names a group's parent company (names hunted a fifteenth time):
        # `contradicted` before, the bracket read past, where "Huawei Technologies Group Co., Ltd."
        # was a doubt already. The CSL of 2023-11 lists "China Communications Construction Group
        # (Limited)" apart from China Communications Construction Company Limited.
        ("Huawei Technologies (Group) Co., Ltd., Shenzhen, China", "doubt"),
        ("Huawei Technologies Group Co., Ltd., Shenzhen, China", "doubt"),
        # Its own form before the bracket: the entry, as before.
        ("Huawei Technologies Co., Ltd. (Group), Shenzhen, China", "match"),
    ],
)
def test_a_name_with_group_in_brackets_before_a_form_is_a_doubt(tmp_path, monkeypatch, capsys, raw, found):
    result = coauthor_text_found(tmp_path, monkeypatch, capsys, HUAWEI_LIST, raw, found)
    if raw.startswith("Huawei Technologies (Group)"):
        said = "the list's name with \u201c(Group)\u201d before a company form, as a group's parent company is named"
        assert said in json.dumps(result, ensure_ascii=False)


# The Entity List's Yalta film studio in the CSL of 2023-11 (id 9187dd67...), as imported.
YALTA_FILM_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: yalta-film
    name: Aktsionernoe Obschestvo ?Yaltinskaya Kinodstudiya?
    aliases: [CJSC Yalta-Film, Film Studio Yalta-Film, JSC Yalta Film Studio, Kinostudiya Yalta-Film]
    country: UA
    addresses:
      - "Ulitsa Mukhina, Building 3, Yalta, Crimea 298063, Ukraine, Yalta, UA"
      - "Sevastopolskaya 4, Yalta, Crimea, Ukraine, Yalta, UA"
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # The street of its Crimean address (a street of many a Russian town) read as its place
        # there, Moscow's studio of the name certain: `contradicted` before.
        ("Film Studio Yalta-Film, Ulitsa Mukhina, Moscow, Russia", "doubt"),
        ("Film Studio Yalta-Film, Ulitsa Mukhina, Russia", "doubt"),
        # Its city there, or Crimea: the entry, as before.
        ("Film Studio Yalta-Film, Ulitsa Mukhina, Yalta, Russia", "match"),
        ("Film Studio Yalta-Film, Yalta, Russia", "match"),
        ("Film Studio Yalta-Film, Crimea, Russia", "match"),
    ],
)
def test_a_street_of_a_crimean_address_is_no_place_of_the_entry_s(tmp_path, monkeypatch, capsys, raw, found):
    result = coauthor_text_found(tmp_path, monkeypatch, capsys, YALTA_FILM_LIST, raw, found)
    if found == "doubt":
        assert "names neither Crimea nor the entry's city there" in json.dumps(result, ensure_ascii=False), raw


@pytest.mark.parametrize("raw", ["COMAC, Shanghai 200126, China", "COMAC, Shanghai"])
def test_an_acronym_of_a_full_name_holding_no_place_says_so(tmp_path, monkeypatch, capsys, raw):
    # It said the affiliation "names none" of the full name's places, though it names Shanghai and
    # "Commercial Aircraft Corporation of China" holds no place to name.
    said = json.dumps(coauthor_text_found(tmp_path, monkeypatch, capsys, COMAC_LIST, raw, "doubt"), ensure_ascii=False)
    assert "none of its full names holds a city or a province, so no place beside the acronym can be one" in said
    assert "names none" not in said


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # Nothing before, the claim cleared: the one word is never sought without its form.
        ("Ruselectronics JSC, Moscow, Russia", "match"),
        ("Roselektronika AO, Moscow, Russia", "match"),
        ("JSC Ruselectronics, Moscow, Russia", "match"),  # as before
        # Run on into another word, as any name.
        ("Ruselectronics JSC Research Institute, Moscow, Russia", "doubt"),
        # Without its form, one word alone, as before.
        ("Ruselectronics, Moscow, Russia", "nothing"),
    ],
)
def test_a_one_word_name_with_its_leading_form_written_after_it_is_found(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, RUSELECTRONICS_LIST, raw, found)


# The SSI's row of 2023-11 (CSL id 18783) and its "RUST CLOSED JOINT-STOCK COMPANY", as imported.
SIRIUS_AND_RUST_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: sirius
    name: KONTSERN SIRIUS OAO
    aliases: [CONCERN SIRIUS JOINT STOCK COMPANY, JSC SIRIUS]
    country: RU
    addresses: ["str. 1 18 Malaya Pirogovskaya ul., Moscow, 119435, RU"]
    verified: true
  - id: rust
    name: RUST CLOSED JOINT-STOCK COMPANY
    aliases: [CJSC RUST, RUST ZAO, RUST ZAKRYTOE AKTSIONERNOE OBSHCHESTVO]
    country: RU
    addresses: ["2 ul. Krasnogo Tekstilshchika, St. Petersburg, 191124, RU"]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # A capitalised word of another firm's name before one word and its form: certain before.
        ("Avangard Sirius JSC, Moscow, Russia", "doubt"),
        ("Anti Rust ZAO, St. Petersburg, Russia", "doubt"),
        # Nothing before, its seat, or a word of the entry's own names: the entry, as before.
        ("Sirius JSC, Moscow, Russia", "match"),
        ("Moscow Sirius JSC, Moscow, Russia", "match"),
        ("Kontsern Sirius JSC, Moscow, Russia", "match"),
        ("Rust ZAO, St. Petersburg, Russia", "match"),
        ("Laboratory of Optics, Rust ZAO, St. Petersburg, Russia", "match"),
        # Its city of two words before it, as "Moscow Sirius JSC": its last word, "Petersburg", no
        # place alone, made it a doubt once.
        ("St. Petersburg Rust ZAO, Russia", "match"),
    ],
)
def test_a_word_before_a_one_word_name_and_its_form_is_a_doubt(tmp_path, monkeypatch, capsys, raw, found):
    result = coauthor_text_found(tmp_path, monkeypatch, capsys, SIRIUS_AND_RUST_LIST, raw, found)
    if found == "doubt":
        assert "comes right before" in json.dumps(result, ensure_ascii=False), raw


def test_a_one_word_name_s_leading_form_written_last():
    from claimwatch.evaluate._companies import with_its_leading_form_last

    assert with_its_leading_form_last("JSC RUSELECTRONICS") == "RUSELECTRONICS JSC"
    assert with_its_leading_form_last("OOO NEFT-AKTIV") == "NEFT-AKTIV OOO"
    assert with_its_leading_form_last("PJSC Gazprom Neft") is None  # two words: cut, sought without it
    assert with_its_leading_form_last("OOO ?CMT?K?") is None
    assert with_its_leading_form_last("Megvii Technology Limited") is None


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # Its seat in brackets after the word, as Inspur's Beijing firm writes its name: nothing
        # before, the claim cleared in silence.
        ("Inspur (Beijing) Electronic Information Industry Co., Ltd., Beijing, China", "doubt"),
        ("Inspur (Beijing) Electronic Information Industry Co Ltd, Beijing 100085, Peoples R China", "doubt"),
        # A word no place in the brackets: as before.
        ("Inspur (Software) Electronic Information Industry Co., Ltd., Jinan, China", "nothing"),
    ],
)
def test_a_company_s_rare_first_word_before_its_seat_in_brackets_is_a_doubt(tmp_path, monkeypatch, capsys, raw, found):
    result = coauthor_text_found(tmp_path, monkeypatch, capsys, INSPUR_LIST, raw, found)
    if found == "doubt":
        assert "another firm whose name holds them" in json.dumps(result, ensure_ascii=False), raw


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # The name read through brackets ("Inspur (Group") ended at the bracket, so no word after it
        # was read: certain before, where "Inspur Group Electronic ..." is a doubt.
        ("Inspur (Group) Electronic Information Industry Co., Ltd., Jinan, China", "doubt"),
        ("Inspur Group Electronic Information Industry Co., Ltd., Jinan, China", "doubt"),
        # With its form after the brackets: the entry, as before.
        ("Inspur (Group) Co., Ltd., Jinan, China", "match"),
    ],
)
def test_a_name_read_through_brackets_runs_on_past_them(tmp_path, monkeypatch, capsys, raw, found):
    result = coauthor_text_found(tmp_path, monkeypatch, capsys, INSPUR_LIST, raw, found)
    if found == "doubt":
        assert "runs on into \u201cElectronic\u201d" in json.dumps(result, ensure_ascii=False), raw
        assert "\u201cInspur (Group\u201d" not in json.dumps(result, ensure_ascii=False), raw
