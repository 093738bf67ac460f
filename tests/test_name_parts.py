"""Names found across the parts of an affiliation (issue 18, twenty-fourth part).

A name was matched over the words of a text whatever stood between them: in "School of
Automation, Northwestern Polytechnical University, Xi'an, University of Electronic Science and
Technology of China, Chengdu" the city ending one part and the university beginning the next
made "Xi'an University of Electronic Science and Technology", the tracker's alias of Xidian
University, found certainly; "Southeast University, Nanjing; University of Science and
Technology Beijing" made Nanjing University of Science and Technology. Across what parts two
affiliations (a semicolon, a bar) no name is found now; across a comma, a closing bracket, a
dash between spaces or a line break that does more than wrap a line, a name that writes none
there is a doubt."""

from __future__ import annotations

import pytest

from claimwatch.claims import Subject
from claimwatch.evaluate._matchers import ListMatcher, SubjectMatcher
from claimwatch.evaluate._names import NameMatcher
from claimwatch.lists import import_aspi
from claimwatch.lists._model import ReferenceList
from claimwatch.works import Authorship
from helpers import coauthor_text_results, project

XIDIAN_ALIAS = "Xi'an University of Electronic Science and Technology"
NJUST = "Nanjing University of Science and Technology"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (XIDIAN_ALIAS, "Northwestern Polytechnical University, Xi'an; University of Electronic Science and Technology"),
        (NJUST, "Southeast University, Nanjing; University of Science and Technology Beijing, Beijing, China"),
        (NJUST, "Southeast University, Nanjing\uff1bUniversity of Science and Technology Beijing"),
        (NJUST, "Southeast University, Nanjing | University of Science and Technology Beijing"),
        # A line break and a semicolon: the semicolon parts two affiliations whatever the break does.
        (NJUST, "Southeast University, Nanjing\n; University of Science and Technology Beijing"),
        # A name writing a comma of its own (the tracker's) is no more found across a semicolon.
        ("No. 31 Research Institute, Third Academy of CASIC", "No. 31 Research Institute; Third Academy of CASIC"),
        ("China University of Geosciences (Wuhan)", "China University of Geosciences; Wuhan University"),
    ],
)
def test_no_name_is_found_across_two_affiliations(name, text):
    assert NameMatcher([("k", name)]).find(text) == []


@pytest.mark.parametrize(
    ("name", "text", "crosses"),
    [
        (XIDIAN_ALIAS, "Xi'an, University of Electronic Science and Technology of China, Chengdu", ","),
        ("Beijing Institute of Technology", "School of Aerospace, Beijing, Institute of Technology", ","),
        ("Shenzhen University", "Harbin Institute of Technology (Shenzhen), University Town, Shenzhen", ")"),
        ("Beijing Institute of Technology", "Beijing \u2013 Institute of Technology", "\u2013"),
        ("Sichuan University", "Chengdu, Sichuan\uff0cUniversity Hospital", "\uff0c"),
        # As names write a campus, and as a name with a comma of its own is found: nothing crossed.
        ("Harbin Institute of Technology Shenzhen", "Harbin Institute of Technology (Shenzhen), Shenzhen", None),
        ("China University of Geosciences (Wuhan)", "China University of Geosciences, Wuhan 430074", None),
        (
            "The Institute of Applied Physics and Computational Mathematics, Beijing",
            "Institute of Applied Physics and Computational Mathematics, Beijing 100088, China",
            None,
        ),
        ("Xi'an Jiaotong University", "Xi'an Jiaotong University, Xi'an, China", None),
        ("Nanjing University of Science and Technology", "Nanjing Univ. of Sci. & Tech., Nanjing", None),
        ("Harbin Institute of Technology", "Harbin Inst. of Technol., Harbin", None),
    ],
)
def test_a_name_found_across_a_part_end_says_which(name, text, crosses):
    (hit,) = NameMatcher([("k", name)]).find(text)
    assert hit.crosses == crosses


# A line break is no semicolon: text hard-wrapped in a deposit or read off a PDF (OpenAlex's raw
# strings hold "\n" and "\r") breaks a name where a space would stand, so a name found across a
# line break was nothing at all, and an author at "Harbin Institute of\nTechnology, Harbin" cleared
# a claim. It is a doubt, where the line may have ended an affiliation ("Southeast University,
# Nanjing\nUniversity of Science and Technology Beijing"), and a finding where the line cannot
# have ended one: after a word no name ends with ("of", "and", "&") or before an "of" or a "for".
@pytest.mark.parametrize(
    ("name", "text", "crosses"),
    [
        (NJUST, "Southeast University, Nanjing\nUniversity of Science and Technology Beijing", "\n"),
        ("Harbin Institute of Technology", "National University of Defense\r\nHarbin Institute of Technology", None),
        ("National University of Defense Technology", "National University of Defense\nTechnology, Changsha", "\n"),
        ("National University of Defense Technology", "National University of Defense\u2028Technology", "\u2028"),
        ("Microsoft Research Asia", "Microsoft Research\r\nAsia, Beijing, China", "\r"),
        ("Harbin Institute of Technology", "Harbin Institute of\nTechnology, Harbin, China", None),
        ("Harbin Institute of Technology", "Harbin Institute\n   of Technology, Harbin, China", None),
        (NJUST, "Nanjing University of Science &\nTechnology, Nanjing", None),
        (NJUST, "Nanjing University of Science and\r\nTechnology, Nanjing", None),
    ],
)
def test_a_name_found_across_a_line_break_is_a_doubt_unless_the_line_only_wraps(name, text, crosses):
    (hit,) = NameMatcher([("k", name)]).find(text)
    assert hit.crosses == crosses


def test_an_author_at_a_university_whose_name_wraps_at_a_line_is_found(shared_data):
    wrapped = "School of Computer Science and Technology, Harbin Institute of\nTechnology, Harbin 150001, China"
    broken = "College of Computer, National University of Defense\nTechnology, Changsha 410073, China"
    tracker = ListMatcher(_tracker(shared_data))
    (hit,) = tracker.hits(Authorship("A", 0, raw_affiliations=(wrapped,)))
    assert (hit.entry.id, hit.doubt) == ("harbin-institute-of-technology", None)
    (hit,) = tracker.hits(Authorship("A", 0, raw_affiliations=(broken,)))
    assert hit.entry.id == "national-university-of-defense-technology"
    assert hit.doubt == (
        "\u201cNational University of Defense\nTechnology\u201d runs across a line break, which may end one"
        " affiliation of the text or only a line of one: the words before it may end another part, not begin"
        " National University of Defense Technology"
    )


def test_the_subject_across_a_line_break_is_a_doubt_not_nothing():
    msra = Subject(id="msra", name="Microsoft Research Asia", aliases=("MSRA",), country="CN")
    found = SubjectMatcher(msra)._match(
        Authorship("A", 0, raw_affiliations=("Microsoft Research\nAsia, Beijing, China",))
    )
    assert found is not None and found.doubt is not None and "line break" in found.doubt


def _tracker(shared_data):
    return ReferenceList.model_validate(
        import_aspi(shared_data / "aspi/misp-galaxy-china-defence-universities.json", list_id="aspi")
    )


def test_a_city_and_the_next_university_are_no_listed_university(shared_data):
    text = (
        "School of Automation, Northwestern Polytechnical University, Xi'an, University of Electronic Science"
        " and Technology of China, Chengdu 611731, China"
    )
    hits = {h.entry.name.split(" (")[0]: h.doubt for h in ListMatcher(_tracker(shared_data)).hits(
        Authorship("A", 0, raw_affiliations=(text,))
    )}  # fmt: skip
    assert hits["Northwestern Polytechnical University"] is None
    assert hits["University of Electronic Science and Technology of China"] is None
    assert hits["Xidian University"] == (
        "\u201cXi'an, University of Electronic Science and Technology\u201d runs across a \u201c,\u201d, which"
        " ends one part of an affiliation: the words before it may end another part, not begin Xi'an University"
        " of Electronic Science and Technology"
    )


LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - {id: xidian, name: Xidian University, aliases: ["Xi'an University of Electronic Science and Technology"],
     country: CN, verified: true}
  - {id: njust, name: Nanjing University of Science and Technology, country: CN, verified: true}
  - {id: caep, name: Chinese Academy of Engineering Physics, country: CN, verified: true,
     aliases: ["The Institute of Applied Physics and Computational Mathematics, Beijing"]}
"""


@pytest.mark.parametrize(
    ("raw", "matched", "uncertain"),
    [
        (
            "Northwestern Polytechnical University, Xi'an, University of Electronic Science and Technology of China",
            0,
            1,
        ),
        ("Southeast University, Nanjing; University of Science and Technology Beijing, Beijing, China", 0, 0),
        ("School of Electronics, Xidian University, Xi'an 710071, China", 1, 0),
        ("Southeast University, Nanjing\nUniversity of Science and Technology Beijing, Beijing, China", 0, 1),
        ("School of Science, Nanjing University of Science and\nTechnology, Nanjing 210094, China", 1, 0),
        (
            "Laboratory of Computational Physics & Institute of Applied Physics and Computational Mathematics, Beijing",
            0,
            1,
        ),
        (
            "Laboratory of Computational Physics and Institute of Applied Physics and Computational Mathematics, Beijing",
            0,
            1,
        ),
    ],
)
def test_a_whole_check_reads_the_parts_alike_on_both_engines(tmp_path, monkeypatch, capsys, raw, matched, uncertain):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    result = coauthor_text_results(root, LIST, raw)[0]
    capsys.readouterr()
    assert (result["matched"], result["uncertain"]) == (matched, uncertain)


# The "&" and the full stop: a name without its "the" after one was not found (the words before
# may make a longer name), and an author at "Laboratory of Computational Physics & Institute of
# Applied Physics and Computational Mathematics, Beijing" cleared a claim against the tracker
# (whose alias of the Chinese Academy of Engineering Physics begins with "The"): a doubt now.
IAPCM = "The Institute of Applied Physics and Computational Mathematics, Beijing"


@pytest.mark.parametrize(
    ("name", "text", "joined_to"),
    [
        (IAPCM, "Laboratory of Computational Physics & Institute of Applied Physics and Computational Mathematics, Beijing", "&"),
        (IAPCM, "Laboratory of Computational Physics. Institute of Applied Physics and Computational Mathematics, Beijing", "."),
        ("The University of Hong Kong", "Chin. Univ. of Hong Kong, Shatin", "."),
        ("The University of Hong Kong", "HKU-SIRI &University of Hong Kong", "&"),
        ("The University of Hong Kong", "Dept. of Physics, Univ. of Hong Kong", None),
        (IAPCM, "Institute of Applied Physics and Computational Mathematics, Beijing 100088", None),
        # "and" written out is what an "&" stands for, and a full stop with no space after it (as
        # text read off a PDF loses the space) still ends a word written out.
        (IAPCM, "Laboratory of Computational Physics and Institute of Applied Physics and Computational Mathematics, Beijing", "and"),
        (IAPCM, "Laboratory of Computational Physics.Institute of Applied Physics and Computational Mathematics, Beijing", "."),
        ("The University of Hong Kong", "HKU-Shenzhen Institute of Research and Innovation AND University of Hong Kong", "AND"),
        ("The University of Hong Kong", "Dept. of Physics.University of Hong Kong", "."),
    ],
)  # fmt: skip
def test_a_name_without_its_the_after_an_ampersand_or_a_full_stop_says_so(name, text, joined_to):
    (hit,) = NameMatcher([("k", name)]).find(text)
    assert hit.joined_to == joined_to


@pytest.mark.parametrize(
    "text",
    [
        "Natl. Institute of Applied Physics and Computational Mathematics, Beijing",
        "Natl. Univ. of Hong Kong",
        "Natl.Univ.of Hong Kong",
        "Hong Kong Baptist and Chinese University of Hong Kong",
    ],
)
def test_a_name_after_an_abbreviation_of_a_name_s_word_is_still_not_found(text):
    assert NameMatcher([("k", IAPCM), ("k", "The University of Hong Kong")]).find(text) == []


def test_an_author_at_the_trackers_institute_after_and_written_out_is_a_doubt(shared_data):
    text = "Laboratory of Computational Physics and Institute of Applied Physics and Computational Mathematics, Beijing"
    (hit,) = ListMatcher(_tracker(shared_data)).hits(Authorship("A", 0, raw_affiliations=(text,)))
    assert hit.entry.name.startswith("Chinese Academy of Engineering Physics")
    assert hit.doubt is not None and hit.doubt.startswith(
        "\u201cInstitute of Applied Physics and Computational Mathematics, Beijing\u201d follows an \u201cand\u201d,"
    )


def test_an_author_at_the_trackers_institute_after_an_ampersand_is_a_doubt(shared_data):
    text = "Laboratory of Computational Physics & Institute of Applied Physics and Computational Mathematics, Beijing"
    (hit,) = ListMatcher(_tracker(shared_data)).hits(Authorship("A", 0, raw_affiliations=(text,)))
    assert hit.entry.name.startswith("Chinese Academy of Engineering Physics")
    assert hit.doubt == (
        "\u201cInstitute of Applied Physics and Computational Mathematics, Beijing\u201d follows a \u201c&\u201d, which"
        f" may join it to the words before into a longer name than {IAPCM} (as \u201cThe Chinese University of Hong"
        " Kong\u201d is not \u201cThe University of Hong Kong\u201d)"
    )
