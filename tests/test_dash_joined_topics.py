"""A topic's words joined by an em dash (issue 18, twenty-second part).

An em dash (or a horizontal bar) between two words with no space either side parts two clauses
("the face\u2014recognition came later") as often as a typesetter put it for a hyphen
("Facial\u2014recognition systems", "Text\u2014to\u2014speech"): the text cannot tell which. Both
were read as no match, so under `not:` such a work cleared its claim and, as a topic, was no
finding: silence. Both are uncertain now, said why, on both engines; a dash with spaces around
it parts words as before, and a certain match elsewhere still counts."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from claimwatch.columnar import text_words
from claimwatch.evaluate._phrases import PhraseSet
from helpers import LAB, authorship, topic_result_of_both_engines, work
from test_doubt_phrases import WITH_HIT, result
from test_negated_topics import BY_LAB, index

PHRASES = PhraseSet(["facial recognition", "face recognition", "text-to-speech"])


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Facial\u2014recognition systems", "Facial\u2014recognition"),
        ("face\u2014recognition", "face\u2014recognition"),
        ("Text\u2014to\u2014speech for all", "Text\u2014to\u2014speech"),
        ("Text\u2015to\u2015speech", "Text\u2015to\u2015speech"),
    ],
)
def test_words_joined_by_an_em_dash_are_found_apart(text, span):
    assert PHRASES.find(text) == []  # never a certain match
    (hit,) = PHRASES.find_across_dashes(text)
    assert text[hit.start : hit.end] == span


@pytest.mark.parametrize(
    "text",
    [
        "facial recognition",  # certain, not apart
        "Facial\u2014expression recognition",
        "text-to\u2014",
        "\u2014face\u2014",
    ],
)
def test_a_phrase_not_joined_by_an_em_dash_is_never_found_apart(text):
    assert PHRASES.find_across_dashes(text) == []


def test_a_work_whose_topic_is_joined_by_an_em_dash_is_uncertain_not_silence(tmp_path):
    records = [work("W1", "Facial\u2014recognition in crowds", "2024-06-01", BY_LAB)]
    r = result(tmp_path, records, "{topic: facial-recognition}")
    assert (r.verdict, r.matched, r.uncertain) == ("insufficient_evidence", 0, 1)
    (f,) = r.uncertain_findings
    assert f.uncertain_because == (
        "its title says \u201cFacial\u2014recognition\u201d, where the words of \u201cfacial recognition\u201d are "
        "joined by a dash, which may part two clauses rather than join the words",
    )


def test_under_not_a_topic_joined_by_an_em_dash_does_not_clear_the_claim(tmp_path):
    abstract = "We propose face\u2014recognition for crowded scenes"
    records = [work("W1", "Crowds", "2024-06-01", WITH_HIT, abstract_inverted_index=index(abstract))]
    r = result(tmp_path, records, "{all: [{coauthor_in: [mil]}, {not: {topic: facial-recognition}}]}")
    assert (r.verdict, r.matched, r.uncertain) == ("insufficient_evidence", 0, 1)


def test_a_certain_match_elsewhere_still_counts(tmp_path):
    records = [work("W1", "Facial\u2014recognition: face recognition at scale", "2024-06-01", BY_LAB)]
    r = result(tmp_path, records, "{topic: facial-recognition}")
    assert (r.verdict, r.matched, r.uncertain) == ("contradicted", 1, 0)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Facial\u2012recognition systems", "Facial\u2012recognition"),  # a figure dash: a hyphen to a reader
        ("Text\u2012to\u2012speech", "Text\u2012to\u2012speech"),
    ],
)
def test_a_figure_dash_between_words_joins_them_as_a_hyphen_does(text, span):
    """A figure dash looks as a hyphen does; spaCy kept "Facial\u2012recognition" one word, which
    matched nothing, not even in doubt."""
    (hit,) = PHRASES.find(text)
    assert text[hit.start : hit.end] == span
    assert set(re.findall(r"[^\W_]+", span.lower())) <= text_words(text)  # the table's prefilter lets it through


@pytest.mark.parametrize("dash", ["\ufe58", "\ufe31"])
def test_the_small_and_vertical_em_dash_are_em_dashes(dash):
    (hit,) = PHRASES.find_across_dashes(f"Facial{dash}recognition")
    assert hit.phrase == "facial recognition"


# An excluded phrase whose words an em dash joins ("Quantum computing\u2014inspired", a hyphen set
# as a dash) or that begins after a hyphen and a break was looked for only as written: the match
# inside it, "quantum computing", was certain, a finding, and under `not:` the work certainly
# about the topic (issue 18, twenty-sixth part). Read as a hyphen the dash makes the excluded
# phrase; read as a clause's end it does not: the match is uncertain, said why.
@pytest.mark.parametrize(
    ("title", "topic", "because"),
    [
        (
            "Quantum computing\u2014inspired evolutionary algorithms",
            "quantum-computing",
            "its title says \u201cQuantum computing\u2014inspired\u201d, where \u201cquantum computing\u201d stands in "
            "\u201cquantum computing inspired\u201d, a phrase the topic excludes, only if the dash joins the words "
            "rather than parting two clauses",
        ),
        (
            "Robust multi-\ncattle face recognition in barns",
            "facial-recognition",
            "its title says \u201cmulti- cattle face recognition\u201d, where \u201cface recognition\u201d stands in "
            "\u201ccattle face recognition\u201d, a phrase the topic excludes, only if the word after the hyphen and "
            "the break is a word of its own, not the end of a word broken at a line's end",
        ),
        # A dash between spaces joins an excluded phrase's words only perhaps too (twenty-ninth part;
        # its review put it in docs/evaluation.md).
        (
            "Cattle \u2013 face recognition in barns",
            "facial-recognition",
            "its title says \u201cCattle \u2013 face recognition\u201d, where \u201cface recognition\u201d stands in "
            "\u201ccattle face recognition\u201d, a phrase the topic excludes, only if the dash joins the words "
            "rather than parting two clauses",
        ),
    ],
)
def test_a_match_inside_an_excluded_phrase_found_only_across_a_dash_or_a_break_is_uncertain(
    tmp_path, title, topic, because
):
    records = [work("W1", title, "2024-06-01", WITH_HIT)]
    r = result(tmp_path, records, f"{{topic: {topic}}}")
    assert (r.verdict, r.matched, r.uncertain) == ("insufficient_evidence", 0, 1)
    assert r.uncertain_findings[0].uncertain_because == (because,)
    negated = result(tmp_path / "not", records, f"{{all: [{{coauthor_in: [mil]}}, {{not: {{topic: {topic}}}}}]}}")
    assert (negated.matched, negated.uncertain) == (0, 1)


def test_a_match_beside_an_excluded_phrase_across_a_dash_still_counts(tmp_path):
    title = "Quantum computing\u2014inspired heuristics and quantum computing on superconducting chips"
    r = result(tmp_path, [work("W1", title, "2024-06-01", BY_LAB)], "{topic: quantum-computing}")
    assert (r.verdict, r.matched, r.uncertain) == ("contradicted", 1, 0)


# A dash between spaces (issue 18, twenty-ninth part). Read as a hyphen, "face \u2013 recognition"
# and LaTeX's "face --- recognition" were a certain "face recognition", where a spaced "\u2014"
# parts the words: every spaced dash of the real records in ../shared/data parts two phrases
# ("Military End User (MEU) List - Bureau of Industry and Security" in the CSL, "Digital Commons
# - University of Nebraska Lincoln" in an OpenAlex work's source, "Unit 94936 \u2013 an aviation
# unit" in the ASPI tracker). Such words are joined only perhaps now, as across an em dash.
SPACED = [
    "Face - recognition in crowds",
    "Face \u2013 recognition in crowds",
    "Face -- recognition in crowds",
    "Face --- recognition in crowds",
    "Face \u2010 recognition in crowds",
    "Face \u2212 recognition in crowds",
    "Face &ndash; recognition in crowds",
    "Face -\nrecognition in crowds",
]


@pytest.mark.parametrize("text", SPACED)
def test_words_either_side_of_a_spaced_dash_are_found_apart(text):
    assert PHRASES.find(text) == []  # never a certain match
    (hit,) = PHRASES.find_across_dashes(text)
    assert (hit.phrase, hit.start, text[hit.end - len("recognition") : hit.end]) == (
        "face recognition",
        0,
        "recognition",
    )


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Military End User (MEU) List - Bureau of Industry and Security", "list bureau"),  # the CSL
        ("Digital Commons - University of Nebraska Lincoln", "commons university"),  # an OpenAlex source
        ("a researcher from the PLA\u2019s Unit 94936 \u2013 an aviation unit", "94936 an aviation unit"),  # ASPI
    ],
)
def test_the_real_records_spaced_dashes_join_no_certain_phrase(text, phrase):
    phrases = PhraseSet([phrase])
    assert phrases.find(text) == []
    assert [h.phrase for h in phrases.find_across_dashes(text)] == [phrase]


@pytest.mark.parametrize(
    "text",
    [
        "Face-recognition in crowds",  # a hyphen in the word: certain, as before
        "Face recognition - a survey",  # the dash after the phrase
        "Face recognition \u2013 face recognition",
    ],
)
def test_a_phrase_no_spaced_dash_parts_stays_certain(text):
    assert PHRASES.find(text)
    assert PHRASES.find_across_dashes(text) == []


def test_a_spaced_dash_is_a_doubt_on_both_engines(tmp_path):
    at_lab = [authorship("A", [LAB])]
    records = [
        work("W1", "Face \u2013 recognition in crowds", authorships=at_lab),
        work("W2", "Face --- recognition in crowds", authorships=at_lab),
        work("W3", "Face recognition \u2013 a survey", authorships=at_lab),
        work("W4", "Face \u2014 recognition in crowds", authorships=at_lab),  # a spaced em dash alike (thirtieth part)
    ]
    result = topic_result_of_both_engines(tmp_path, records)
    assert [f.work.id for f in result.findings] == ["W3"]
    assert {f.work.id: f.uncertain_because for f in result.uncertain_findings} == {
        "W1": (
            "its title says \u201cFace \u2013 recognition\u201d, where the words of \u201cface recognition\u201d are "
            "joined by a dash, which may part two clauses rather than join the words",
        ),
        "W2": (
            "its title says \u201cFace --- recognition\u201d, where the words of \u201cface recognition\u201d are "
            "joined by a dash, which may part two clauses rather than join the words",
        ),
        "W4": (
            "its title says \u201cFace \u2014 recognition\u201d, where the words of \u201cface recognition\u201d are "
            "joined by a dash, which may part two clauses rather than join the words",
        ),
    }


@given(
    st.lists(st.sampled_from(["face", "recognition", " ", "-", "\u2013", "\u2014", "\n", "x"]), max_size=10).map(
        "".join
    )
)
def test_no_certain_hit_runs_across_a_spaced_dash(text):
    for hit in PHRASES.find(text):
        assert not re.search(r"\s[-\u2013]+\s", text[hit.start : hit.end])
    for hit in PHRASES.find_across_dashes(text):
        assert hit not in PHRASES.find(text)


# The cheap test for a spaced dash told only a space, a line break, a tab or a carriage return
# after the dash (review of the twenty-ninth part): "Face -\x0crecognition" (a form feed, ASCII's
# page break; or a vertical tab, or an ASCII separator, all white space to spaCy and to
# `_SPACED_DASH`) was joined by neither reading, where before the part it was a certain match.
OTHER_SPACES = ["\x0b", "\x0c", "\x1c", "\x1f"]


@pytest.mark.parametrize("space", OTHER_SPACES)
def test_a_spaced_dash_before_any_white_space_is_found_apart(space):
    text = f"Face -{space}recognition in crowds"
    assert PHRASES.find(text) == []
    (hit,) = PHRASES.find_across_dashes(text)
    assert (hit.phrase, text[hit.start : hit.end]) == ("face recognition", f"Face -{space}recognition")


def test_a_form_feed_after_a_spaced_dash_is_a_doubt_on_both_engines(tmp_path):
    at_lab = [authorship("A", [LAB])]
    records = [work("W1", "Robust", abstract="Face -\x0crecognition in crowds.", authorships=at_lab)]
    result = topic_result_of_both_engines(tmp_path, records)
    assert (result.verdict, [f.work.id for f in result.uncertain_findings]) == ("insufficient_evidence", ["W1"])


@given(
    st.lists(
        st.sampled_from(["face", "recognition", " ", "-", "\u2013", "\n", "\t", *OTHER_SPACES, "&ndash;", "x"]),
        max_size=10,
    ).map("".join)
)
@example("face -\x0crecognition")
def test_a_spaced_dash_makes_a_match_uncertain_never_lost(text):
    # Read with every spaced dash a hyphen, as before the twenty-ninth part, a hit is certain or
    # found across a dash: never neither.
    joined = PHRASES._find_certain(text, dashes=True)
    found = set(PHRASES.find(text)) | set(PHRASES.find_across_dashes(text))
    assert set(joined) <= found


# One dash, read one way however it is set (issue 18, thirtieth part). A parenthetical dash is set
# as an em dash with no space (American), a spaced em dash (newspapers), a spaced en dash
# (British), LaTeX's "---" (arXiv titles carry it as written), an HTML entity or a LaTeX command
# (OpenAlex titles carry both), or "\u2014\u2014" (the Chinese dash); CNKI-sourced titles space a hyphen
# on one side. Before, "face\u2014recognition" and "Face \u2013 recognition" were doubts while
# "face---recognition" and "Face -recognition" were a certain "face recognition" (a false
# accusation where the dash parts two clauses), and "Face \u2014 recognition", "face&mdash;recognition"
# and "face\\textemdash{}recognition" were nothing (a clearance in silence where it joins them).
# A hyphen or an en dash between two words still joins them, as one before a break does.
DASHED_ALIKE = [
    "Face \u2014 recognition in crowds",
    "face---recognition in crowds",
    "face&mdash;recognition in crowds",
    "face&#8212;recognition in crowds",
    "face\\textemdash{}recognition in crowds",
    "Face \\textemdash{} recognition in crowds",
    "face\u2014\u2014recognition in crowds",
    "Face \u2014\u2014 recognition in crowds",
    "face\u2e3arecognition in crowds",
    "Face -recognition in crowds",
    "Face \u2013recognition in crowds",
    "Face \u2014recognition in crowds",
    "Face\u2014 recognition in crowds",
]


@pytest.mark.parametrize("text", DASHED_ALIKE)
def test_a_dash_that_may_part_clauses_is_a_doubt_however_it_is_set(text):
    assert PHRASES.find(text) == []
    (hit,) = PHRASES.find_across_dashes(text)
    assert (hit.phrase, hit.start, text[hit.end - len("recognition") : hit.end]) == (
        "face recognition",
        0,
        "recognition",
    )


def test_a_hyphen_set_apart_on_one_side_before_a_prefix_s_word_is_a_doubt_too():
    text = "Deep person re -identification"  # spaced on both sides it is a doubt (twenty-ninth part)
    assert BROKEN_REID.find(text) == []
    assert [h.phrase for h in BROKEN_REID.find_across_dashes(text)] == ["person re-identification"]


BROKEN_REID = PhraseSet(["person re-identification"])


@pytest.mark.parametrize(
    "text",
    [
        "face-recognition in crowds",
        "face\u2013recognition in crowds",  # an en dash between words, a hyphen to a reader
        "face--recognition in crowds",  # LaTeX's en dash
        "face- recognition in crowds",  # a word broken at a line's end
        "face-\nrecognition in crowds",
        "face&ndash;recognition in crowds",
    ],
)
def test_a_hyphen_or_an_en_dash_between_words_still_joins_them(text):
    assert [h.phrase for h in PHRASES.find(text)] == ["face recognition"]
    assert PHRASES.find_across_dashes(text) == []


def test_dashes_set_every_way_are_a_doubt_on_both_engines(tmp_path):
    at_lab = [authorship("A", [LAB])]
    records = [
        work("W1", "face---recognition in crowds", authorships=at_lab),
        work("W2", "Face -recognition in crowds", authorships=at_lab),
        work("W3", "face&mdash;recognition in crowds", authorships=at_lab),
        work("W4", "Robust", abstract="Face \\textemdash{} recognition in crowds.", authorships=at_lab),
        work("W5", "face--recognition in crowds", authorships=at_lab),
        work("W6", "Face recognition\u2015a survey", authorships=at_lab),  # a horizontal bar ends the phrase
    ]
    result = topic_result_of_both_engines(tmp_path, records)
    assert [f.work.id for f in result.findings] == ["W5", "W6"]
    assert [f.work.id for f in result.uncertain_findings] == ["W1", "W2", "W3", "W4"]
    assert result.uncertain_findings[0].uncertain_because == (
        "its title says \u201cface---recognition\u201d, where the words of \u201cface recognition\u201d are "
        "joined by a dash, which may part two clauses rather than join the words",
    )


@given(
    st.lists(
        st.sampled_from(["face", "recognition", " ", "-", "\u2013", "\u2014", "\u2015", "&mdash;", "\n", "x"]),
        max_size=10,
    ).map("".join)
)
@example("face---recognition")
@example("face -recognition")
@example("-\u2014facerecognition")
@example("face recognition\u2014-")
def test_any_dash_makes_a_match_certain_or_uncertain_never_lost_and_none_certain_across_a_doubtful_one(text):
    joined = PHRASES._find_certain(text, dashes=True)  # every dash read as a hyphen
    certain = PHRASES.find(text)
    assert set(joined) <= set(certain) | set(PHRASES.find_across_dashes(text))
    for hit in certain:
        assert not re.search(r"\s[-\u2013\u2014\u2015]|---|[\u2014\u2015]|&mdash;", text[hit.start : hit.end])


@pytest.mark.parametrize("bar", ["\u2015", "\u2e3a", "\u2e3b"])
def test_a_horizontal_bar_or_a_long_dash_after_a_phrase_ends_it_as_an_em_dash_does(bar):
    """spaCy cuts words at an em dash but not at a horizontal bar nor at the two- and three-em
    dashes: "Face recognition\u2015a survey" was one word "recognition\u2015a", the phrase lost."""
    text = f"Face recognition{bar}a survey"
    assert [(h.phrase, h.start, h.end) for h in PHRASES.find(text)] == [("face recognition", 0, 16)]
    assert [h.phrase for h in PHRASES.find_across_dashes(f"face{bar}recognition")] == ["face recognition"]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Face recognition\u2014-a survey", "Face recognition"),
        ("On -\u2014face recognition", "face recognition"),
        ("\u2014-face recognition", "face recognition"),
    ],
)
def test_an_em_dash_beside_a_hyphen_at_a_word_s_edge_is_read_apart_from_it(text, span):
    """spaCy keeps "\u2014-" or "-\u2014" on the word beside it, where it parts a lone em dash: the
    property above found "face recognition\u2014-" and "-\u2014facerecognition" lost, neither certain
    nor found across a dash."""
    (hit,) = PHRASES.find(text)
    assert text[hit.start : hit.end] == span
