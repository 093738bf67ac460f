"""The shortcuts of the check's hot paths (issue 18, speed of the check) say what the long way says:
a candidate's flags read as a bit mask, the tallies of candidate rows skipped only where they are
all zero, an abstract's words told free of markup at once; a topic's anchor words found whole by
`str.find`, an ASCII abstract's plain words cut by `translate` (twenty-eighth part)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from claimwatch.columnar._duckdb import gather_screening
from claimwatch.evaluate._conditions import _may_hold_markup
from claimwatch.evaluate._matchers import _entry_ref, _EntryHit
from claimwatch.evaluate._phrases import PhraseSet, _whole_word_starts, plain_words
from claimwatch.lists import ListEntry, ReferenceList
from claimwatch.lists._model import Source

CLAIMS = 3
flags = st.text(alphabet="01", min_size=CLAIMS, max_size=CLAIMS)
counts = st.lists(st.integers(0, 5), min_size=3 + 4 * CLAIMS, max_size=3 + 4 * CLAIMS)
rows = st.lists(st.tuples(st.booleans(), st.integers(0, 1), st.integers(0, 99), flags, counts), max_size=8)


def _the_long_way(given_rows: list[tuple], tables: int) -> tuple[list, list, list]:
    candidates: list[list] = [[] for _ in range(tables)]
    totals = [[0, 0, 0] for _ in range(tables)]
    tallies = [[0] * 4 for _ in range(CLAIMS)]
    for candidate, evidence, ordinal, tests, *n in given_rows:
        if candidate:
            candidates[evidence].append((ordinal, sum(1 << i for i, flag in enumerate(tests) if flag == "1")))
        for k in range(3):
            totals[evidence][k] += n[k]
        for i in range(CLAIMS):
            for k in range(4):
                tallies[i][k] += n[3 + 4 * i + k]
    return [sorted(c) for c in candidates], totals, tallies


@given(rows)
def test_the_screening_is_gathered_as_the_long_way_gathers_it(given_rows: list[tuple]) -> None:
    flat = [(int(c), e, o, t, *n) for c, e, o, t, n in given_rows]
    got = gather_screening(flat, 2, CLAIMS)
    assert (got.candidates, got.counts, got.tallies) == _the_long_way(flat, 2)


@given(st.lists(st.text(alphabet="ab<&\\${}$ é", max_size=4), max_size=6))
def test_markup_is_told_of_the_words_joined_as_of_each(words: list[str]) -> None:
    assert _may_hold_markup(words) == any(c in w for w in words for c in "<&\\${")


def test_a_list_gone_leaves_its_cited_entry_to_none_built_where_it_was() -> None:
    """A cited entry is made once per list and entry, known by their identity: a list freed and
    another built in its memory must cite its own entry. Each is built, cited and dropped in turn."""
    for k in range(2_000):
        entry = ListEntry(id=f"e{k}", name=f"Institute {k}")
        listed = ReferenceList(id=f"l{k}", name=f"List {k}", sources=(Source(title="S"),), entries=(entry,))
        ref = _entry_ref(_EntryHit(entry, listed, "openalex_id", None, None))
        assert (ref.list, ref.id, ref.name) == (f"l{k}", f"e{k}", f"Institute {k}")
        del entry, listed, ref


# Letters, digits and what is neither, as titles and abstracts give them: an accented letter and a
# combining accent, a digit of another script, Roman numeral twelve and a superscript two (numbers
# `str.isalnum` counts), CJK, an underscore (a word character to a regular expression, in no plain
# word), a hyphen, a Greek sigma, a soft hyphen and white space.
_TEXT = "face fac ace surfacés_-\u0301\u0663\u216b\u00b2\u4eba\u03c3\u03c2\u00ad \n."


@given(st.text(alphabet=_TEXT, max_size=40), st.sampled_from(["face", "ace", "fac", "s", "\u0663", "\u216b", "\u4eba"]))
def test_a_word_is_found_whole_where_the_regular_expression_finds_it(text: str, word: str) -> None:
    """`_whole_word_starts` against the pattern `_windows` used until the twenty-eighth part."""
    pattern = re.compile(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])")
    assert _whole_word_starts(text, word) == [m.start() for m in pattern.finditer(text)]


@given(st.lists(st.text(alphabet=_TEXT + "<>&;ib/", max_size=12), max_size=8))
def test_an_abstracts_plain_words_are_those_the_regular_expression_cuts(words: list[str]) -> None:
    """`plain_words` cuts an ASCII text by `translate`: the words the regular expression gives,
    of the words as given and as read, either way (as it cut them until the twenty-eighth part)."""
    from claimwatch.works import may_read_two_ways, one_sigma, topic_reading

    text = " ".join(words)
    reads = {text, topic_reading(text)} | ({topic_reading(text, literal=True)} if may_read_two_ways(text) else set())
    the_long_way = frozenset(w for read in reads for w in re.findall(r"[^\W_]+", one_sigma(read.lower())))
    assert plain_words(words) == the_long_way


@given(st.text(alphabet=_TEXT, max_size=60))
def test_phrases_are_found_in_windows_as_in_the_whole_text(text: str) -> None:
    """The windows the anchors give hold every hit the whole text gives (`_find_in` over it all)."""
    phrases = PhraseSet(["face recognition", "faces", "ace"])
    read = phrases._find_read(text, False)
    whole = phrases._find_in(text, 0, len(text), False) if phrases._might_match_read(text) else []
    assert read == whole


# Each doubt a work with no certain match is asked for read the topic's matches and excluded
# phrases in every text again (review of the thirty-first part): the acronym's, the modifier's and
# the machine's doubts each did, and 2,100 real abstracts (face and object recognition, cattle face
# recognition, quantum computing) against the four shipped topics took 7.0 s of CPU where they had
# taken 4.1 s before this part. Each text's are worked out once now, whatever is asked of it.
def test_a_texts_matches_and_exclusions_are_worked_out_once_for_every_doubt(monkeypatch) -> None:
    from pathlib import Path

    from claimwatch.claims import load_topic
    from claimwatch.evaluate._conditions import _WorkContext
    from claimwatch.evaluate._matchers import TopicMatcher
    from claimwatch.works import Origin, work_from_openalex

    matcher = TopicMatcher(load_topic(Path(__file__).parents[1] / "claims/topics/facial-recognition.yaml"))
    read: list[str] = []
    find = PhraseSet.find

    def counted(self: PhraseSet, text: str) -> list:
        if self is matcher.phrases:
            read.append(text)
        return find(self, text)

    monkeypatch.setattr(PhraseSet, "find", counted)
    title = "Cattle face recognition with deep metric learning"
    abstract = "We study cattle face recognition on farms, and individual identification of cows."
    record = {"id": "W1", "title": title, "abstract": abstract}
    context = _WorkContext(work_from_openalex(record, Origin("snapshot", "w.jsonl", 1)))
    assert context.topic_reasons(matcher) == []
    assert context.topic_doubt(matcher) is None  # every doubt asked, none holds
    assert sorted(read) == sorted([abstract, title])
