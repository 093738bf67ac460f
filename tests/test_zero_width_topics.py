"""Topic phrases are read through zero-width characters (U+200B, U+200C, U+200D, U+2060 and a
byte-order mark), as a reader sees the text: publishers' metadata carries them inside and
between words ("face\u200brecognition", a title opening with U+FEFF), and a phrase hidden by one
was missed by both engines, so a claim that expects none could be cleared by a record that
plainly names its topic. A hit's span stays in the text as given."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch.columnar import text_words
from claimwatch.evaluate import PhraseSet
from claimwatch.evaluate._grouping import _topic_words
from claimwatch.evaluate._phrases import plain_words
from helpers import (
    FACE_RECOGNITION,
    LAB,
    authorship,
    topic_result_of_both_engines,
    work,
)

PHRASES = PhraseSet(["face recognition", "facial recognition", "deepfake", "synthetic media", "re-identification"])
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


@pytest.mark.parametrize(
    ("text", "phrase", "span"),
    [
        ("face\u200brecognition systems", "face recognition", "face\u200brecognition"),
        ("fac\u200bial recognition", "facial recognition", "fac\u200bial recognition"),
        ("facial\u200b recognition", "facial recognition", "facial\u200b recognition"),
        ("Deep\u200bfakes spread", "deepfake", "Deep\u200bfakes"),
        ("synthetic\u2060media", "synthetic media", "synthetic\u2060media"),
        ("\ufeffFacial recognition at scale", "facial recognition", "Facial recognition"),
        ("face\u200crecognition", "face recognition", "face\u200crecognition"),
        ("face\u200drecognition", "face recognition", "face\u200drecognition"),
        ("re\u200b-\u200bidentification", "re-identification", "re\u200b-\u200bidentification"),
        ("syn\u00adthetic media", "synthetic media", "syn\u00adthetic media"),  # a soft hyphen, as before
    ],
)
def test_a_phrase_is_found_through_zero_width_characters_with_its_span_as_given(text, phrase, span):
    assert_found_as_given(PHRASES, text, phrase, span)


def assert_found_as_given(phrases: PhraseSet, text: str, phrase: str, span: str) -> None:
    """`phrase` is the one hit in `text`, on `span` as written, and both prefilters let the text
    through: the table's words (the columnar engine) and an abstract index's words (the reference
    engine)."""
    (hit,) = phrases.find(text)
    assert (hit.phrase, text[hit.start : hit.end]) == (phrase, span)
    assert phrases.might_match(text)
    assert set(_topic_words(phrases)) & text_words(text)
    assert phrases.may_be_among(plain_words(text.split()))


@pytest.mark.parametrize(
    "text",
    ["sur\u200bface recognition", "inter\u200bface recognition", "quantum\u200bdots", "face\u200b, recognition"],
)
def test_reading_through_them_makes_no_word_boundary_where_the_reader_sees_none(text):
    assert PHRASES.find(text) == []


WORDS = ["face", "facial", "recognition", "deep", "fakes", "synthetic", "media", "the", "of", "surface"]


def found_through(words: list[str], inserted: list[tuple[int, str]], invisible: str) -> tuple[str, list]:
    """The words joined, the characters `inserted` at their places (cut to the text's end), and
    the hits found in that text, which are those of the words alone, their spans read without
    the `invisible` characters."""
    clean = " ".join(words)
    text = clean
    for at, c in sorted(inserted, reverse=True):
        at = min(at, len(text))
        text = text[:at] + c + text[at:]
    expected = [(h.phrase, clean[h.start : h.end]) for h in PHRASES.find(clean)]
    found = PHRASES.find(text)
    strip = str.maketrans("", "", invisible)
    assert [(h.phrase, text[h.start : h.end].translate(strip)) for h in found] == expected
    return text, found


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=8),
    st.lists(st.tuples(st.integers(0, 200), st.sampled_from(ZERO_WIDTH)), max_size=6),
)
def test_zero_width_characters_change_no_hit_but_its_span(words, inserted):
    text, found = found_through(words, inserted, ZERO_WIDTH)
    for h in found:  # a span begins and ends on a visible character
        assert text[h.start] not in ZERO_WIDTH and text[h.end - 1] not in ZERO_WIDTH


# --- phrases written with them ---------------------------------------------------------------
# A claim's own phrase may hold one: Persian writes "شبکه‌های" with a zero-width non-joiner, and
# a phrase copied from a web page can carry a zero-width space. It is read through as a text is,
# so it matches the text with or without it, and it is reported as written.

PERSIAN = "شبکه\u200cهای عصبی"  # "neural networks", spelt with U+200C


@pytest.mark.parametrize(
    ("phrase", "text", "span"),
    [
        (PERSIAN, f"کاربرد {PERSIAN} در پزشکی", PERSIAN),
        (PERSIAN, "کاربرد شبکههای عصبی در پزشکی", "شبکههای عصبی"),
        ("face\u200b recognition", "Robust face recognition", "face recognition"),
        ("face\u200b recognition", "Robust face\u200b recognition", "face\u200b recognition"),
        ("deep\u2060fake", "deep\u2060fakes", "deep\u2060fakes"),
        ("\ufeffdeepfake", "Deepfakes in politics", "Deepfakes"),
    ],
)
def test_a_phrase_written_with_zero_width_characters_is_read_through_them(phrase, text, span):
    phrases = PhraseSet([phrase])
    (hit,) = phrases.find(text)
    assert (hit.phrase, text[hit.start : hit.end]) == (phrase, span)
    assert phrases.might_match(text) and phrases.may_be_among(plain_words(text.split()))
    assert set(_topic_words(phrases)) & text_words(text)


def test_an_excluded_phrase_written_with_one_still_excludes(tmp_path):
    records = [
        work("W1", "Results of the face recognition\u200b vendor test 2023", authorships=[authorship("A", [LAB])]),
        work("W2", "Results of the face recognition vendor test 2024", authorships=[authorship("A", [LAB])]),
        work("W3", "Face recognition in crowds", authorships=[authorship("A", [LAB])]),
    ]
    topic = FACE_RECOGNITION + 'exclude_phrases: ["face recognition\\u200b vendor test"]\n'
    result = topic_result_of_both_engines(tmp_path, records, topic)
    assert [f.work.id for f in result.findings] == ["W3"]


# --- the soft hyphen ----------------------------------------------------------------------------
# A soft hyphen (U+00AD) is an invisible hyphenation point inside a word: it is read through as
# zero-width characters are, so it makes no word boundary ("sur\u00adface" is "surface"). It was
# read as a hyphen, so "face recognition" matched "Protein sur\u00adface recog\u00adnition".

FACES = PhraseSet(["face recognition", "voice conversion", "face"])


@pytest.mark.parametrize(
    "text",
    [
        "Protein sur\u00adface recog\u00adnition by synthetic receptors",
        "User inter\u00adface recognition from screenshots",
        "E-in\u00advoice conversion to XML",
        "pre\u00adface",
    ],
)
def test_a_soft_hyphen_makes_no_word_boundary(text):
    assert FACES.find(text) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Robust face\u00adrecognition", "face\u00adrecognition"),
        ("Robust fa\u00adce recog\u00adnition", "fa\u00adce recog\u00adnition"),
        ("Robust face recog\u00adnition\u00ad", "face recog\u00adnition"),
    ],
)
def test_a_phrase_broken_by_soft_hyphens_is_found_with_its_span_as_given(text, span):
    (hit,) = FACES.find(text)
    assert (hit.phrase, text[hit.start : hit.end]) == ("face recognition", span)
    assert set(_topic_words(FACES)) & text_words(text)
    assert FACES.may_be_among(plain_words(text.split()))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=8),
    st.lists(st.tuples(st.integers(0, 200), st.sampled_from(ZERO_WIDTH + "\u00ad")), max_size=6),
)
def test_soft_hyphens_change_no_hit_but_its_span(words, inserted):
    text, found = found_through(words, inserted, ZERO_WIDTH + "\u00ad")
    if found:
        assert set(_topic_words(PHRASES)) & text_words(text)
