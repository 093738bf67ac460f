"""A list matcher reads what an author's institutions and affiliation strings say once, and
where a name it finds places the author once per text and countries (issue 18, speed of the
check): what it gives an author must be what a matcher that has read no other author gives,
whatever authors came before. The pool mixes one text read with different countries (the
place a name is read in depends on them) and institutions stated alike or not."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch.evaluate._matchers import ListMatcher, _EntryHit
from claimwatch.lists import ListEntry, ReferenceList
from claimwatch.lists._model import Source
from claimwatch.works import Authorship, Institution

LIST = ReferenceList(
    id="aspi",
    name="ASPI tracker",
    sources=(Source(title="ASPI"),),
    entries=(
        ListEntry(id="neu", name="Northeastern University", aliases=("东北大学", "NEU"), country="CN"),
        ListEntry(id="hit", name="Harbin Institute of Technology", aliases=("HIT",), country="CN"),
        ListEntry(id="usc", name="University of South China", aliases=("USC",), country="CN"),
    ),
)

NEU_BOSTON = Institution(name="Northeastern University", id="I12912129", country="US")
NEU_SHENYANG = Institution(name="Northeastern University", id="I9224756", country="CN")
HIT = Institution(name="Harbin Institute of Technology", id="I204983213", country="CN", lineage=("I204983213",))
TEXTS = (
    "Northeastern University",
    "Department of Electrical and Computer Engineering, Northeastern University",
    "Northeastern University, Shenyang, China",
    "Northeastern University, Boston, MA, USA",
    "HIT, Harbin",
    "USC, Los Angeles",
    "School of Computer Science, Harbin Institute of Technology, Shenzhen",
)
# Equal institutions as separate objects too: a record read apart from the interned ones.
INSTITUTIONS = (NEU_BOSTON, NEU_SHENYANG, HIT, Institution(name="Northeastern University", country="US"))

authors = st.builds(
    lambda insts, texts: Authorship(name="A", position=0, institutions=tuple(insts), raw_affiliations=tuple(texts)),
    st.lists(st.sampled_from(INSTITUTIONS), max_size=2),
    st.lists(st.sampled_from(TEXTS), max_size=2),
)


def _said(hits: list[_EntryHit]) -> list[tuple]:
    return [(h.entry.id, h.method, h.institution and h.institution.name, h.matched_text, h.name, h.doubt) for h in hits]


@settings(max_examples=40, deadline=None)
@given(st.lists(authors, min_size=1, max_size=6))
def test_a_matcher_gives_each_author_what_a_fresh_one_gives(sequence: list[Authorship]) -> None:
    shared = ListMatcher(LIST)
    for a in sequence + sequence:  # each again, from what the first pass left
        assert _said(shared.hits(a)) == _said(ListMatcher(LIST).hits(a))


def test_one_text_is_placed_by_the_countries_it_is_read_with() -> None:
    """The same string beside a Boston and a Shenyang institution of the name: read once, it must
    still be read with each author's countries."""
    m = ListMatcher(LIST)
    text = ("Department of Electrical and Computer Engineering, Northeastern University",)
    boston = Authorship("A", 0, institutions=(NEU_BOSTON,), raw_affiliations=text)
    shenyang = Authorship("B", 1, institutions=(NEU_SHENYANG,), raw_affiliations=text)
    first, second = m.hits(boston), m.hits(shenyang)
    assert _said(first) == _said(ListMatcher(LIST).hits(boston))
    assert _said(second) == _said(ListMatcher(LIST).hits(shenyang))
    assert _said(first) != _said(second)


def test_an_institution_gone_leaves_its_answer_to_none_built_where_it_was() -> None:
    """Answers are known by the identity of the author's institutions; an institution freed and
    another built in its memory must not be given its answer. Each is built, matched and dropped
    in turn, so that Python reuses its memory for the next one; every other one has the entry's id."""
    listed = ReferenceList(
        id="l", name="L", sources=(Source(title="S"),), entries=(ListEntry(id="hit", name="Harbin", openalex=("I1",)),)
    )
    m = ListMatcher(listed)
    for k in range(2_000):
        inst = Institution(name=f"Institute {k}", id="I1" if k % 2 else f"I9{k}", country="CN")
        assert [h.entry.id for h in m.hits(Authorship("A", 0, institutions=(inst,)))] == (["hit"] if k % 2 else [])
        del inst  # freed at once: the matcher's answer alone refers to it


def test_the_caches_stay_within_their_bounds_and_still_answer_rightly(monkeypatch) -> None:
    """A check over many distinct affiliations (a watchdog's million works) must not grow the
    caches past their bounds, which the million's memory target counts on: emptied when full,
    they go on giving a fresh matcher's answers."""
    monkeypatch.setattr(ListMatcher, "_BY_AFFILIATIONS_SIZE", 3)
    monkeypatch.setattr(ListMatcher, "_PLACINGS_SIZE", 3)
    shared = ListMatcher(LIST)
    for k in range(40):
        text = f"Lab {k}, {TEXTS[k % len(TEXTS)]}"
        a = Authorship(name="A", position=0, institutions=(INSTITUTIONS[k % 4],), raw_affiliations=(text,))
        assert _said(shared.hits(a)) == _said(ListMatcher(LIST).hits(a))
        assert len(shared._by_affiliations) <= 3 and len(shared._placings) <= 3


def test_why_an_entry_may_name_a_person_is_shown_inert_in_the_doubt() -> None:
    """`may_be_a_person` is a list file's text, untrusted as any: the doubt quoting it shows an
    escape sequence or a bidi override inert, as it shows the entry's name."""
    hostile = ListEntry(id="ash", name="I. ASH", country="US", may_be_a_person="named as a person is\x1b[2J\u202eevil")
    listed = ReferenceList(id="l", name="L", sources=(Source(title="L"),), entries=(hostile,))
    (hit,) = ListMatcher(listed).hits(Authorship("A", 0, raw_affiliations=("I. ASH, Richardson, TX 75081, USA",)))
    assert hit.doubt is not None and "named as a person is\ufffd[2J\ufffdevil" in hit.doubt
    assert "\x1b" not in hit.doubt and "\u202e" not in hit.doubt
