"""A topic's phrase after a hyphen and a break (issue 18, nineteenth part).

"3D-\nface recognition" and "multi- face recognition" are face recognition; "Protein sur-\nface
recognition" is not (a word broken at a line's end is one word, "surface"). The text cannot tell
the two apart, so the seventeenth part read every such phrase as no match: the first two were
silence, and silence is never proof. Under `not:` such a work cleared its claim; as a topic, it
was no finding. Both are uncertain now, said why; a match elsewhere in the work still counts
certainly. Both engines agree (`check` runs them side by side)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch.evaluate._phrases import PhraseSet
from helpers import LAB, authorship, topic_result_of_both_engines, work
from test_doubt_phrases import WITH_HIT, result
from test_negated_topics import BY_LAB, index

FACES = PhraseSet(["face recognition", "deepfake"])


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("3D-\nface recognition for robots", "face recognition"),
        ("Multi- face recognition", "face recognition"),
        ("Protein sur-\nface recognition", "face recognition"),
        ("a deep\u2013\n  deepfake", "deepfake"),
        # A bracket closing part of a word before the hyphen: "(Sur)-face" is one word, and so is
        # it broken at a line's end, or rebuilt from an abstract index (twenty-ninth part).
        ("Protein (Sur)-\nface recognition", "face recognition"),
        ("Protein [Sur]- face recognition", "face recognition"),
    ],
)
def test_a_phrase_after_a_hyphen_and_a_break_is_found_apart(text, span):
    assert FACES.find(text) == []  # never a certain match
    (hit,) = FACES.find_after_breaks(text)
    assert text[hit.start : hit.end] == span


@pytest.mark.parametrize(
    "text",
    ["3D face recognition", "face- recognition", "3D-face recognition", "a face recognition - survey", "3D-"],
)
def test_a_phrase_not_after_a_break_is_never_found_apart(text):
    assert FACES.find_after_breaks(text) == []


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["face", "3D", "sur", "recognition", "deep", "fakes", "-", "- ", "-\n", " ", "(", ")"]),
        max_size=10,
    )
)
def test_the_two_readings_never_share_a_hit(pieces):
    """A hit is certain (`find`) or begins after a break (`find_after_breaks`), never both."""
    text = " ".join(pieces)
    certain = {(h.start, h.end) for h in FACES.find(text)}
    apart = {(h.start, h.end) for h in FACES.find_after_breaks(text)}
    assert not certain & apart


def test_a_work_whose_topic_follows_a_break_is_uncertain_not_silence(tmp_path):
    records = [work("W1", "Robust 3D-\nface recognition under occlusion", "2024-06-01", BY_LAB)]
    r = result(tmp_path, records, "{topic: facial-recognition}")
    assert (r.verdict, r.matched, r.uncertain) == ("insufficient_evidence", 0, 1)
    (f,) = r.uncertain_findings
    assert f.uncertain_because == (
        "its title says \u201c3D- face recognition\u201d, where \u201cface recognition\u201d follows a hyphen "
        "and a break: it may be the end of a word broken at a line's end, not the topic's phrase",
    )


def test_a_certain_match_elsewhere_still_counts(tmp_path):
    abstract = "We study 3D- face recognition; face recognition in the wild is hard"
    records = [
        work("W1", "Robust 3D-\nface recognition", "2024-06-01", BY_LAB, abstract_inverted_index=index(abstract))
    ]
    r = result(tmp_path, records, "{topic: facial-recognition}")
    assert (r.verdict, r.matched, r.uncertain) == ("contradicted", 1, 0)


def test_under_not_a_topic_after_a_break_does_not_clear_the_claim(tmp_path):
    """The lab's HIT coauthors never work on anything but facial recognition: the abstract's only
    face recognition follows a break, so whether the work is about it cannot be said."""
    abstract = "We propose multi- face recognition for crowded scenes"
    records = [work("W1", "Crowds", "2024-06-01", WITH_HIT, abstract_inverted_index=index(abstract))]
    r = result(tmp_path, records, "{all: [{coauthor_in: [mil]}, {not: {topic: facial-recognition}}]}")
    assert (r.verdict, r.matched, r.uncertain) == ("insufficient_evidence", 0, 1)
    (f,) = r.uncertain_findings
    assert "its abstract says \u201cmulti- face recognition\u201d" in f.uncertain_because[0]


def test_an_excluded_phrase_around_it_still_hides_it(tmp_path):
    topic = (
        "{faces: {name: Faces, rationale: r, phrases: [face recognition], exclude_phrases: [face recognition ability]}}"
    )
    records = [work("W1", "Multi- face recognition ability", "2024-06-01", BY_LAB)]
    r = result(tmp_path, records, "{topic: faces}", topics=topic)
    assert (r.verdict, r.matched, r.uncertain) == ("not_contradicted", 0, 0)


def test_a_phrase_after_a_bracket_closing_part_of_a_word_and_a_break_is_a_doubt_on_both_engines(tmp_path):
    # "(Sur)-\nface recognition" was a certain "face recognition", where "(Sur)-face" is one word.
    at_lab = [authorship("A", [LAB])]
    records = [work("W1", "Protein (Sur)-\nface recognition", authorships=at_lab)]
    result = topic_result_of_both_engines(tmp_path, records)
    assert (result.verdict, result.findings) == ("insufficient_evidence", ())
    (f,) = result.uncertain_findings
    assert f.uncertain_because == (
        "its title says \u201c(Sur)- face recognition\u201d, where \u201cface recognition\u201d follows a hyphen "
        "and a break: it may be the end of a word broken at a line's end, not the topic's phrase",
    )
