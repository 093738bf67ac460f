"""An alias a list gives an entry that is, by a source, also another body's name (issue 18,
thirty-first part): an author found by it alone is a doubt naming that body, never a match.

The forms are the ASPI China Defence Universities Tracker's, as
../shared/data/aspi/misp-galaxy-china-defence-universities.json packages them: it gives the PLA's
Information Engineering University (IEU, Zhengzhou) the alias "Luoyang University", the name of a
civilian university in Luoyang from 1985 to 2007 (洛阳大学, merged into Luoyang Institute of
Science and Technology: http://news.sina.com.cn/c/2007-01-30/030211117440s.shtml), and
Northwestern Polytechnical University (Xi'an) the alias "Northwestern Polytechnic University", a
Fremont, California school's name until 2021 (https://en.wikipedia.org/wiki/San_Francisco_Bay_University).
The affiliations are written as OpenAlex's raw strings write a Chinese address.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from claimwatch import lists
from claimwatch.cli import main
from claimwatch.evaluate import namesake_of
from claimwatch.evaluate._matchers import ListMatcher
from claimwatch.lists import known_namesakes
from claimwatch.works import Authorship, Institution
from helpers import coauthor_text_found

IEU_NAME = "Information Engineering University"


@pytest.fixture(scope="module")
def tracker(real_tracker) -> lists.ReferenceList:
    return real_tracker


def found(matcher: ListMatcher, raw: list[str], institutions: tuple[Institution, ...] = ()) -> dict[str, str | None]:
    """Each entry's name the author is at, and its doubt (None for a match)."""
    a = Authorship(name="A", position=0, institutions=institutions, raw_affiliations=tuple(raw))
    return {h.entry.name: h.doubt for h in matcher.hits(a)}


def test_the_tracker_gives_both_aliases(tracker):
    names = {e.name: e.aliases for e in tracker.entries}
    assert "Luoyang University" in names[IEU_NAME]
    assert "Northwestern Polytechnic University" in names["Northwestern Polytechnical University"]


@pytest.mark.parametrize(
    "raw",
    [
        "Luoyang University, Luoyang 471003, China",  # the city the civilian one stood in tells nothing
        "Luoyang University, Henan, China",
        "Department of Mathematics, Luoyang University, Luoyang, Henan 471022, P. R. China",
        "Luoyang Univ, Luoyang 471003, Peoples R China",  # Web of Science's abbreviation
        "Luoyang University",
    ],
)
def test_luoyang_university_alone_is_a_doubt_naming_the_civilian_university(tracker, raw):
    doubt = found(ListMatcher(tracker), [raw])[IEU_NAME]  # was None: a certain match, a false accusation
    assert doubt is not None
    assert "is also the name of another body, Luoyang University (洛阳大学), a civilian university" in doubt
    assert "1985-2007; http://news.sina.com.cn/c/2007-01-30/030211117440s.shtml" in doubt
    assert doubt.endswith(f"the text may name it, not {IEU_NAME}")


def test_the_entry_named_otherwise_stays_as_it_was(tracker):
    m = ListMatcher(tracker)
    # Its own city where the civilian university never stood (its alias "Zhengzhou Institute of
    # Surveying and Mapping" names it): certain.
    assert found(m, ["Luoyang University, Zhengzhou 450001, China"])[IEU_NAME] is None
    # Another of its names in a second text: certain, by that text.
    assert found(m, ["Luoyang University, Luoyang 471003, China", "中国人民解放军信息工程大学, 郑州"])[IEU_NAME] is None
    assert found(m, ["Luoyang Foreign Language Institute, Luoyang 471003, China"])[IEU_NAME] is None


def with_ids(tracker: lists.ReferenceList, ids: dict[str, str]) -> ListMatcher:
    """The tracker's entries named in `ids`, each given that OpenAlex id, as a list may."""
    entries = tuple(e.model_copy(update={"openalex": (ids[e.name],)}) for e in tracker.entries if e.name in ids)
    return ListMatcher(lists.ReferenceList(id="l", name="l", sources=tracker.sources, entries=entries))


@pytest.mark.parametrize(
    ("entry", "raw", "doubted"),
    [
        # OpenAlex resolves a text by its names, and may have resolved these by the very alias:
        # the id is no more certain than the text (thirty-first part; a certain match before).
        (IEU_NAME, ["Luoyang University, Luoyang, China"], True),
        (IEU_NAME, ["Luoyang University"], True),
        # Placed in China by OpenAlex's country alone: the Fremont school's text, misresolved.
        ("Northwestern Polytechnical University", ["Northwestern Polytechnic University"], True),
        # A text naming the entry otherwise, or placing the name where the namesake never stood.
        (IEU_NAME, ["Luoyang University, Zhengzhou 450001, China"], False),
        (IEU_NAME, ["Luoyang University, Luoyang", "Zhengzhou Institute of Surveying and Mapping"], False),
        ("Northwestern Polytechnical University", ["Northwestern Polytechnic University, China"], False),
        ("Northwestern Polytechnical University", ["Northwestern Polytechnic University, Xi'an 710072"], False),
    ],
)
def test_an_openalex_id_resolved_from_a_namesake_alone_is_a_doubt(tracker, entry, raw, doubted):
    m = with_ids(tracker, {entry: "I42"})
    doubt = found(m, raw, (Institution(entry, id="I42", country="CN"),))[entry]
    if not doubted:
        assert doubt is None
        return
    assert doubt is not None and doubt.startswith(f"OpenAlex resolves the author to \u201c{entry}\u201d")
    assert "is also the name of another body" in doubt


def test_northwestern_polytechnic_alone_names_the_fremont_school(tracker):
    m = ListMatcher(tracker)
    nwpu = "Northwestern Polytechnical University"
    doubt = found(m, ["Northwestern Polytechnic University"])[nwpu]
    assert doubt is not None and "does not itself place the institution in China" in doubt
    assert (
        "also the name of another body, Northwestern Polytechnic University, a private university in Fremont" in doubt
    )
    assert "https://en.wikipedia.org/wiki/San_Francisco_Bay_University" in doubt
    # The country tells them apart, as before.
    assert (
        found(m, ["School of Computer Science, Northwestern Polytechnic University, Xi'an 710072, China"])[nwpu] is None
    )
    assert nwpu not in found(
        m, ["School of Engineering, Northwestern Polytechnic University, Fremont, California, USA"]
    )
    # Its own name is no namesake's.
    assert found(m, ["Northwestern Polytechnical University, Xi'an, China"])[nwpu] is None


def test_a_list_naming_the_body_itself_is_not_doubted_by_its_own_name():
    """An entry whose own name is on the file may be that very body: its name is read as any."""
    entry = lists.ListEntry(id="e", name="Luoyang University", aliases=("洛阳大学",), country="CN")
    rl = lists.ReferenceList(id="l", name="l", sources=(lists.Source(title="s"),), entries=(entry,))
    assert found(ListMatcher(rl), ["Luoyang University, Luoyang, China"]) == {"Luoyang University": None}


def test_every_namesake_row_is_sourced_and_placed():
    path = Path(lists.__file__).parent / "namesakes.csv"
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(known_namesakes()) >= 3
    for row in rows:
        assert re.fullmatch(r"https?://\S+", row["source"]), row
        assert re.fullmatch(r"[A-Z]{2}", row["country"]), row
        # The years it bore the name, or, for a body that bears it still, the founding its page gives.
        assert row["other_body"] and row["places"] and re.fullmatch(r"\d{4}-\d{4}|founded \d{4}", row["years"]), row
        assert row["applies"] in ("always", "in its places"), row
    assert namesake_of("luoyang   UNIVERSITY") is not None and namesake_of("Luoyang Normal University") is None


IEU_LIST = """\
id: l
name: Screening list
sources: [{title: ASPI China Defence Universities Tracker}]
entries:
  - id: ieu
    name: Information Engineering University
    aliases: [中国人民解放军信息工程大学, PLAIEU, IEU, Luoyang University, Zhengzhou Institute of Surveying and Mapping]
    country: CN
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "result"),
    [
        ("Luoyang University, Luoyang 471003, China", "doubt"),  # was a match: contradicted
        ("Luoyang Univ, Luoyang 471003, Peoples R China", "doubt"),
        ("Luoyang University, Zhengzhou 450001, China", "match"),
        ("中国人民解放军信息工程大学, 郑州 450001", "match"),
    ],
)
def test_a_whole_check_reads_a_namesake_alike_on_both_engines(tmp_path, monkeypatch, capsys, raw, result):
    out = coauthor_text_found(tmp_path, monkeypatch, capsys, IEU_LIST, raw, result)
    if result == "doubt":
        assert "Luoyang University (洛阳大学)" in str(out)


@pytest.mark.parametrize(
    ("raw", "verdict"),
    [
        ("Luoyang University, Luoyang 471003, China", "insufficient_evidence"),  # was contradicted, by the id
        ("Luoyang University, Zhengzhou 450001, China", "contradicted"),
    ],
)
def test_an_openalex_id_resolved_from_a_namesake_alone_is_a_doubt_on_both_engines(
    tmp_path, monkeypatch, capsys, raw, verdict
):
    import json

    from helpers import coauthor_text_results, institution, project

    root = project(tmp_path)
    monkeypatch.chdir(root)
    listed = IEU_LIST.replace("    verified: true", "    openalex: [I42]\n    verified: true")
    results = coauthor_text_results(root, listed, raw, institutions=[institution("I42", IEU_NAME)])
    capsys.readouterr()
    assert results[0]["verdict"] == verdict, raw
    if verdict == "insufficient_evidence":
        said = json.dumps(results, ensure_ascii=False)
        assert "OpenAlex resolves the author to" in said and "Luoyang University (洛阳大学)" in said


def test_lists_show_says_which_aliases_another_body_bears(tmp_path, capsys):
    (tmp_path / "l.yaml").write_text(IEU_LIST, encoding="utf-8")
    assert main(["lists", "show", str(tmp_path / "l.yaml")]) == 0
    out = capsys.readouterr().out
    assert "'Luoyang University' is also another body's name (a doubt alone): Luoyang University (洛阳大学)" in out
    assert "news.sina.com.cn/c/2007-01-30/030211117440s.shtml" in out
    assert "'IEU' is also" not in out


def test_a_namesake_s_doubt_beside_another_province_s_is_of_both_kinds(monkeypatch):
    """A doubt of another province (`_ProvinceDoubt`) with a namesake's: each undoes what it does,
    the province's a match on OpenAlex's name, the namesake's one on its id too (`_LongerName`).
    No row of the file meets a province's doubt yet, so a row is given: Suzhou, a city of Jiangsu
    and of Anhui (宿州, whose university writes "Suzhou University"), as the province rule reads."""
    from claimwatch.evaluate import _matchers
    from claimwatch.evaluate._names import NameHit

    row = lists.Namesake(
        "Suzhou University", "Suzhou University (宿州学院)", "CN", ("Suzhou", "Anhui"), "2004-2024", "x"
    )
    monkeypatch.setattr(_matchers, "namesake_of", lambda name: row if name == "Suzhou University" else None)
    entry = lists.ListEntry(id="e", name="Soochow University", aliases=("Suzhou University",), country="CN")
    text = "Suzhou University, Suzhou, Anhui"
    hit = NameHit("e", "Suzhou University", "Suzhou University", 0, 17)
    placed = _matchers._with_its_namesake(entry, hit, text, _matchers._ProvinceDoubt("another"), placed_by_itself=False)
    assert isinstance(placed, _matchers._ProvinceDoubt) and isinstance(placed, _matchers._LongerName)
    assert placed.startswith("another; and \u201cSuzhou University\u201d is also the name of another body")
