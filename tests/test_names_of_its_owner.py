"""A listed name followed by "of" and the body the list says supervises it (issue 18, thirty-first part).

A name followed by "of" is read as the start of a longer name ("Tianjin University of
Technology"), unless the country or army follows (`_names_its_own_country`). The ASPI tracker
(../shared/data/aspi) aliases Jiangnan Social University "Institute of Cadre Management" and names
its supervising agency, "Ministry of State Security (MSS)"; so an author at "Institute of Cadre
Management of the Ministry of State Security, Suzhou" names it as "Institute of Cadre Management,
Ministry of State Security, Suzhou" does, yet named nothing, the claim cleared in silence. Words
after "of" naming a supervising agency the list gives leave the name the entry's now."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import coauthor_text_found

# The tracker's Jiangnan Social University and Information Engineering University, with the
# aliases and supervising agencies it gives them.
OWNED_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: jsu
    name: Jiangnan Social University
    aliases: [江南社会学院, Institute of Cadre Management, Ministry of State Security Administrative Institute]
    country: CN
    addresses: ["江苏省苏州市吴中区郭巷尹山湖3号"]
    supervising_agencies: ["Ministry of State Security (MSS)"]
    verified: true
  - id: ieu
    name: Information Engineering University
    aliases: [PLA Information Engineering University]
    country: CN
    supervising_agencies: ["PLA Strategic Support Force"]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # "of" and the entry's supervising agency, as the comma form writes it: the entry.
        ("Institute of Cadre Management of the Ministry of State Security, Suzhou 215104, China", "match"),
        ("Institute of Cadre Management of Ministry of State Security, Suzhou, China", "match"),
        ("Institute of Cadre Management, Ministry of State Security, Suzhou, China", "match"),
        # The agency without the army its name begins with, as affiliations write it.
        ("Information Engineering University of the Strategic Support Force, Zhengzhou, China", "match"),
        ("Information Engineering University of the PLA Strategic Support Force, Zhengzhou, China", "match"),
        # Another body after "of": a longer name, nothing, as before.
        ("Institute of Cadre Management of the Ministry of Civil Affairs, Beijing, China", "nothing"),
        ("Information Engineering University of Technology, Zhengzhou, China", "nothing"),
        # The agency's name going on into an institution's word names another body.
        ("Institute of Cadre Management of the Ministry of State Security Academy, Suzhou, China", "nothing"),
    ],
)
def test_a_name_of_the_body_supervising_it_is_the_entry(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, OWNED_LIST, raw, found)


def test_a_name_of_its_owner_is_found_by_the_matcher_and_not_for_another_owner():
    import yaml

    from claimwatch.evaluate._matchers import ListMatcher
    from claimwatch.lists._model import ReferenceList
    from claimwatch.works import Authorship

    matcher = ListMatcher(ReferenceList.model_validate(yaml.safe_load(OWNED_LIST)))

    def certain(text: str) -> list[str]:
        return [h.entry.id for h in matcher.hits(Authorship("x", 0, raw_affiliations=(text,))) if h.doubt is None]

    assert certain("Institute of Cadre Management of the Ministry of State Security, Suzhou, China") == ["jsu"]
    assert certain("Institute of Cadre Management of the Ministry of Public Security, Suzhou, China") == []


@given(st.sampled_from(["Ministry of Education", "Ministry of Civil Affairs", "Central Committee", "Technology"]))
def test_no_other_body_after_of_is_read_as_the_owner(other):
    from claimwatch.evaluate._names import fold, name_words, names_its_owner

    words = name_words(fold(f"the {other} Suzhou"))
    assert not names_its_owner(words, ("Ministry of State Security (MSS)",))
    assert names_its_owner(
        name_words(fold("the Ministry of State Security Suzhou")), ("Ministry of State Security (MSS)",)
    )
