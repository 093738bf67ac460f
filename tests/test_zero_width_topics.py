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
    (hit,) = PHRASES.find(text)
    assert (hit.phrase, text[hit.start : hit.end]) == (phrase, span)
    assert PHRASES.might_match(text)
    # Both prefilters let it through: the table's words (the columnar engine) and an abstract
    # index's words (the reference engine).
    assert set(_topic_words(PHRASES)) & text_words(text)
    assert PHRASES.may_be_among(plain_words(text.split()))


@pytest.mark.parametrize(
    "text",
    ["sur\u200bface recognition", "inter\u200bface recognition", "quantum\u200bdots", "face\u200b, recognition"],
)
def test_reading_through_them_makes_no_word_boundary_where_the_reader_sees_none(text):
    assert PHRASES.find(text) == []


WORDS = ["face", "facial", "recognition", "deep", "fakes", "synthetic", "media", "the", "of", "surface"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=8),
    st.lists(st.tuples(st.integers(0, 200), st.sampled_from(ZERO_WIDTH)), max_size=6),
)
def test_zero_width_characters_change_no_hit_but_its_span(words, inserted):
    clean = " ".join(words)
    text = clean
    for at, c in sorted(inserted, reverse=True):
        at = min(at, len(text))
        text = text[:at] + c + text[at:]
    expected = [(h.phrase, clean[h.start : h.end]) for h in PHRASES.find(clean)]
    found = PHRASES.find(text)
    strip = str.maketrans("", "", ZERO_WIDTH)
    assert [(h.phrase, text[h.start : h.end].translate(strip)) for h in found] == expected
    for h in found:  # a span begins and ends on a visible character
        assert text[h.start] not in ZERO_WIDTH and text[h.end - 1] not in ZERO_WIDTH
