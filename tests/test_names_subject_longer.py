"""The claim's subject named only as part of a longer name (issue 18, twenty-ninth part).

A list entry's name that runs on into another word ("Nanjing University of Science and Technology
ZiJin College", ROR's name of an independent college of its own), that a place or a direction
comes right before, or that a college's words follow, is a doubt, and it undoes OpenAlex's
match on the institution the text resolved to. The subject's names had no such rule: the
college's author was the subject's certainly, by the alias or by the id OpenAlex gave, so a
coauthor at a listed institution contradicted a claim the subject's own authors never broke.
The subject's names are read by the entries' rule now, on both engines."""

from __future__ import annotations

import json

import pytest

from claimwatch.claims import Subject
from claimwatch.evaluate._matchers import SubjectMatcher
from claimwatch.works import Authorship, Institution
from test_names_formerly import _subject_claim_on_both_engines

NJUST = ("I36399199", "Nanjing University of Science and Technology", "CN")


@pytest.mark.parametrize(
    ("raw", "verdict"),
    [
        # ROR's name of the independent college (../shared/data/ror), as an author writes it.
        ("Nanjing University of Science and Technology ZiJin College, Nanjing 210023, China", None),
        # A place right before the name, as "Dalian Naval Academy" is another's than the list's.
        ("School of Computer Science, Taizhou Nanjing University of Science and Technology, China", None),
        # The university itself, a school of it, and its campus: the subject's, as before.
        ("School of Computer Science and Engineering, Nanjing University of Science and Technology, Nanjing"
         " 210094, China", "contradicted"),
        ("Nanjing University of Science and Technology Jiangyin Campus, Jiangyin, China", "contradicted"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("subject_id", [False, True])
def test_the_subject_named_only_in_a_longer_name_is_a_doubt_on_both_engines(
    tmp_path, monkeypatch, capsys, raw, verdict, subject_id
):
    result = _subject_claim_on_both_engines(tmp_path, monkeypatch, capsys, raw, subject_id=subject_id, subject=NJUST)
    if verdict is None:
        assert result["verdict"] == "insufficient_evidence" and result["uncertain"] == 1
        said = json.dumps(result, ensure_ascii=False)
        assert ("OpenAlex resolves the author to" in said) == subject_id
        assert "runs on into" in said or "comes right before" in said
    else:
        assert result["verdict"] == verdict


def test_a_text_naming_the_subject_as_itself_too_leaves_the_id_certain():
    """An author of two texts, one the college's and one the university's own: the university's
    text names the subject as itself, so OpenAlex's id stands, as a list entry's does."""
    _, name, country = NJUST
    matcher = SubjectMatcher(Subject(id="njust", name=name, openalex=("I36399199",), country=country))
    njust = Institution(name, id="I36399199", country=country)
    college = "Nanjing University of Science and Technology ZiJin College, Nanjing, China"
    own = "Nanjing University of Science and Technology, Nanjing 210094, China"
    both = matcher._match(Authorship("A", 0, institutions=(njust,), raw_affiliations=(college, own)))
    alone = matcher._match(Authorship("A", 0, institutions=(njust,), raw_affiliations=(college,)))
    assert both is not None and both.method == "openalex_id" and both.doubt is None
    assert alone is not None and alone.method == "openalex_id" and alone.doubt is not None


@pytest.mark.parametrize(
    ("raw", "certain"),
    [
        # NaturalSpeech 3's project page (evidence/curated/msra-2024.yaml): two bodies of one firm,
        # the second beginning with the first's word, as a joint affiliation does.
        ("Microsoft Research Asia & Microsoft Azure Speech", True),
        ("Microsoft Research Asia & Microsoft Azure Speech, Beijing, China", True),
        # An "&" into another word runs the name on, as for a list entry ("Chinese Acad Sci & Technol Dev").
        ("Microsoft Research Asia & Technol Dev, Beijing, China", False),
        ("Microsoft Research Asia Foundation, Beijing, China", False),
    ],
)
def test_an_ampersand_before_the_names_own_first_word_begins_a_second_name(raw, certain):
    subject = Subject(id="msra", name="Microsoft Research Asia", aliases=("MSRA",), openalex=("I4210113369",))
    hit = SubjectMatcher(subject)._match(Authorship("A", 0, raw_affiliations=(raw,)))
    assert hit is not None and (hit.doubt is None) == certain, hit


def test_a_place_before_the_subject_s_name_says_the_subject_not_a_list_gives_no_address():
    """Reviewed: the doubt of a place before the subject's name said "the list gives no address
    for ...", a list entry's words, where no list is in question; it says the subject's now."""
    _, name, country = NJUST
    matcher = SubjectMatcher(Subject(id="njust", name=name, country=country))
    raw = "School of Computer Science, Taizhou Nanjing University of Science and Technology, China"
    hit = matcher._match(Authorship("A", 0, raw_affiliations=(raw,)))
    assert hit is not None and hit.doubt is not None
    assert "the list" not in hit.doubt
    assert hit.doubt.endswith(f"a claim's subject gives no address, so only the places its names hold are {name}'s own")
    own = matcher._match(Authorship("A", 0, raw_affiliations=("Nanjing Nanjing University of Science and Technology",)))
    assert own is not None and own.doubt is None


MSRA = ("I4210113369", "Microsoft Research Asia", "CN")


@pytest.mark.parametrize(
    ("raw", "subject_id", "verdict"),
    [
        # Joint affiliations as papers' pages write them (public READMEs and project pages):
        # RepPoints V2's "intro: Microsoft Research Asia & Peking University", Glyph-ByT5's
        # "Microsoft Research Asia & Tsinghua University", an MM '22 paper's "Microsoft Research
        # Asia & Sun Yat-sen University". With OpenAlex's id for the subject, the subject's
        # certainly, as before the subject's names were read by the entries' rule for a longer
        # name (which made each a doubt and undid the id).
        ("Microsoft Research Asia & Peking University", True, "contradicted"),
        ("Microsoft Research Asia & Tsinghua University", True, "contradicted"),
        ("Microsoft Research Asia & Sun Yat-sen University", True, "contradicted"),
        # By the alias alone, where the text places it in China (else a doubt of its country).
        ("Microsoft Research Asia & Peking University, Beijing, China", False, "contradicted"),
        ("Microsoft Research Asia & Sun Yat-sen University, Beijing, China", False, "contradicted"),
        # Web of Science's form of a name running on over an "&", its words abbreviated, and an
        # institution's word only in another part of the text: a doubt still, the id undone.
        ("Microsoft Research Asia & Technol Dev, Peking University, Beijing, China", True, "insufficient_evidence"),
        ("Microsoft Research Asia & Technol Dev, Peking University, Beijing, China", False, "insufficient_evidence"),
    ],
)
def test_an_ampersand_before_an_institution_s_name_spelt_out_begins_a_second_name_on_both_engines(
    tmp_path, monkeypatch, capsys, raw, subject_id, verdict
):
    result = _subject_claim_on_both_engines(tmp_path, monkeypatch, capsys, raw, subject_id=subject_id, subject=MSRA)
    assert result["verdict"] == verdict, json.dumps(result, ensure_ascii=False)[:2000]


@pytest.mark.parametrize("subject_id", [False, True])
def test_a_group_after_the_subject_s_chinese_name_is_the_subject_s_on_both_engines(
    tmp_path, monkeypatch, capsys, subject_id
):
    """微软亚洲研究院自然语言计算组, MSRA's Natural Language Computing Group as Chinese pages name it
    (public lists of NLP groups; talk notes: "目前为微软亚洲研究院自然语言计算组实习生"), read as the
    name running on into another institution's since the subject's names are read by the entries'
    rule: a doubt, the id undone. A group of the institution's is a part of it, as its lab is."""
    msra = (MSRA[0], "微软亚洲研究院", "CN")  # the subject by its Chinese name
    result = _subject_claim_on_both_engines(
        tmp_path, monkeypatch, capsys, "微软亚洲研究院自然语言计算组", subject_id=subject_id, subject=msra
    )
    assert result["verdict"] == "contradicted", json.dumps(result, ensure_ascii=False)[:2000]


@pytest.mark.parametrize(
    ("text", "certain"),
    [
        ("微软亚洲研究院自然语言计算组", True),
        # A group's word after an institution's or a firm's: the group of another body.
        ("微软亚洲研究院仁爱学院计算机组", False),
        ("微软亚洲研究院科技有限公司研发组", False),
        # Not ending the run as a group: what follows may be anything.
        ("微软亚洲研究院自然语言计算组实习生公司", False),
    ],
)
def test_a_group_after_a_chinese_name_is_a_part_of_it_for_a_list_entry_too(text, certain):
    from claimwatch.evaluate._matchers import ListMatcher
    from claimwatch.lists import ListEntry, ReferenceList, Source

    entry = ListEntry(id="msra", name="Microsoft Research Asia", aliases=("微软亚洲研究院",), country="CN")
    rl = ReferenceList(id="l", name="L", sources=(Source(title="s"),), entries=(entry,))
    (hit,) = ListMatcher(rl).hits(Authorship("A", 0, raw_affiliations=(text,)))
    assert (hit.doubt is None) == certain, hit.doubt


def test_each_text_is_placed_once_however_many_authors_write_it(monkeypatch):
    """The subject's alias path read every author's text by the longer-name rule again, where
    the list side keeps its answers: bench's sparse million names the subject in 95% of its works,
    nearly all as "Microsoft Research Asia, Beijing, China", 1,003 readings in its first 50,000
    records for 3 distinct texts. Each (name found, text) is read once now, the answers the same."""
    from claimwatch.evaluate import _matchers

    calls: list[str] = []
    longer = _matchers._a_longer_name

    def counted(entry, hit, text, **kw):
        calls.append(text)
        return longer(entry, hit, text, **kw)

    monkeypatch.setattr(_matchers, "_a_longer_name", counted)
    subject = Subject(id="msra", name="Microsoft Research Asia", aliases=("MSRA",), openalex=("I4210113369",))
    matcher = SubjectMatcher(subject)
    texts = ("Microsoft Research Asia, Beijing, China", "Microsoft Research Asia Foundation, Beijing, China")
    first = [matcher._match(Authorship("A", 0, raw_affiliations=(t,))) for t in texts]
    again = [matcher._match(Authorship("B", 1, raw_affiliations=(t,))) for _ in range(3) for t in texts]
    assert sorted(calls) == sorted(texts)
    assert [(h.method, h.doubt) for h in again] == [(h.method, h.doubt) for h in first] * 3  # type: ignore[union-attr]
    assert first[0].doubt is None and first[1].doubt is not None  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("raw", "subject_id", "verdict"),
    [
        # Thirtieth part: the joint affiliation with "and" spelt out, as affiliation strings write it
        # as often as "&" (RepPoints V2's "Microsoft Research Asia & Peking University" so written):
        # the "and" ran the subject's name on, a doubt that undid the id. Read as the "&" is now.
        ("Microsoft Research Asia and Peking University", True, "contradicted"),
        ("Microsoft Research Asia and Peking University, Beijing, China", False, "contradicted"),
        ("Microsoft Research Asia and Microsoft Azure Speech, Beijing, China", False, "contradicted"),
        # One name running on over the "and" (no institution's word in its part): a doubt still.
        ("Microsoft Research Asia and Technology Development, Beijing, China", True, "insufficient_evidence"),
        ("Microsoft Research Asia and Technology Development, Peking University", False, "insufficient_evidence"),
    ],
)
def test_an_and_before_an_institution_s_name_spelt_out_begins_a_second_name_on_both_engines(
    tmp_path, monkeypatch, capsys, raw, subject_id, verdict
):
    result = _subject_claim_on_both_engines(tmp_path, monkeypatch, capsys, raw, subject_id=subject_id, subject=MSRA)
    assert result["verdict"] == verdict, json.dumps(result, ensure_ascii=False)[:2000]


# Harbin Institute of Technology as the tracker names it (../shared/data/aspi).
HIT_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: hit
    name: Harbin Institute of Technology
    aliases: [哈尔滨工业大学, HIT]
    country: CN
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # A list entry's name before an "and" and another university's: two names, the entry's
        # certainly (a doubt before, the "and" read as running the name on).
        ("Harbin Institute of Technology and Harbin Engineering University, Harbin, China", "match"),
        ("Harbin Institute of Technology and Peking University, China", "match"),
        # Running on over the "and" into words of no institution's: a doubt, as before.
        ("Harbin Institute of Technology and Management, Harbin, China", "doubt"),
    ],
)
def test_an_and_after_a_list_entry_s_name_is_read_as_an_ampersand_is(tmp_path, monkeypatch, capsys, raw, found):
    from helpers import coauthor_text_found

    coauthor_text_found(tmp_path, monkeypatch, capsys, HIT_LIST, raw, found)
