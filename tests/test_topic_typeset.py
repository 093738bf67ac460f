"""Typeset forms of words in topic phrases (issue 18, twenty-eighth part).

Publishers typeset an apostrophe as a right single quotation mark ("People\u2019s", the form
OpenAlex titles mostly carry) or a modifier letter apostrophe ("People\u02bcs"): spaCy cut
"People", "\u2019s" against a phrase's "'s", so "People's Liberation Army" was never found in
them, a claim expecting no such work cleared. Each is read as the apostrophe, on both engines, in
a phrase as in a text.

A closing quotation mark or bracket before a hyphen ("\u201cface recognition\u201d-based"): spaCy
splits at a hyphen only between letters, and kept "recognition\u201d-based" one word, the phrase
lost; the word is cut there now.

Marks setting the text's direction, which an English title copied beside Persian or Arabic
carries ("\u202aFace recognition\u202c", "face\u200e recognition"), show nothing: spaCy kept them
on a word, and the phrase was lost; they are read through now, as a zero-width space is.

A superscript or a footnote mark set after a word ("Face recognition\u00b9: a survey",
"recognition\u2020", "Kinect\u2122") was read into it, NFKC writing "recognition1", spaCy keeping
"recognition\u2020": it is read apart now, as <sup>1</sup> is."""

from __future__ import annotations

import re
import unicodedata

import pytest

from claimwatch.evaluate import PhraseSet
from claimwatch.works import SUPERSCRIPTS
from helpers import LAB, authorship, topic_result_of_both_engines, work
from test_zero_width_topics import assert_found_as_given

PLA = "People's Liberation Army"
PHRASES = PhraseSet([PLA, "face recognition"])


@pytest.mark.parametrize(
    "text",
    [
        "Universities of the People\u2019s Liberation Army",
        "Universities of the People\u02bcs Liberation Army",
        "Universities of the People\u2018s Liberation Army",  # a left quotation mark typed for one
        "Universities of the People\u2032s Liberation Army",
        "Universities of the People\uff07s Liberation Army",  # fullwidth, its compatibility form
        "Universities of the People's Liberation Army",
        # Typed for one, as titles from Spanish and Portuguese keyboards write it (twenty-ninth part).
        "Universities of the People\u00b4s Liberation Army",
        "Universities of the People`s Liberation Army",
    ],
)
def test_a_typeset_apostrophe_is_read_as_the_apostrophe(text):
    at = text.index("People")
    assert_found_as_given(PHRASES, text, PLA, text[at : at + len(PLA)])


def test_a_phrase_written_with_a_typeset_apostrophe_matches_a_plain_one():
    (hit,) = PhraseSet(["People\u2019s Liberation Army"]).find("The People's Liberation Army Navy")
    assert hit.start == 4


@pytest.mark.parametrize(
    "text",
    ["\u2018face recognition\u2019 as a task", "Surface\u2019s recognition", "The People\u2019s Army"],
)
def test_quotation_marks_read_as_apostrophes_join_no_words(text):
    assert [h.phrase for h in PHRASES.find(text)] == (["face recognition"] if "\u2018face" in text else [])


def test_typeset_apostrophes_hide_no_phrase_on_both_engines(tmp_path):
    at_lab = [authorship("A", [LAB])]
    records = [
        work("W1", "Universities of the People\u2019s Liberation Army", authorships=at_lab),
        work("W2", "The People\u02bcs Liberation Army Navy", authorships=at_lab),
        work("W3", "The People\u2019s Army", authorships=at_lab),
    ]
    topic = "id: face\nname: PLA\nrationale: The army.\nphrases: [People's Liberation Army]\n"
    result = topic_result_of_both_engines(tmp_path, records, topic)
    assert [f.work.id for f in result.findings] == ["W1", "W2"]
    assert result.verdict == "contradicted"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("\u201cFace recognition\u201d-based access control", "Face recognition"),
        ("\u2018Face recognition\u2019-based access control", "Face recognition"),
        ('"Face recognition"-based access control', "Face recognition"),
        ("\u00abFace recognition\u00bb-based access control", "Face recognition"),
        ("(Face recognition)-based access control", "Face recognition"),
        ("[Face recognition]-like tasks", "Face recognition"),
        # The hyphen at a line's end, as abstracts from PDFs break lines (twenty-ninth part).
        ("\u201cFace recognition\u201d-\nbased access control", "Face recognition"),
        ('"Face recognition"-\nbased access control', "Face recognition"),
        ("(Face recognition)-\nbased access control", "Face recognition"),
        ("\u201cFace recognition\u201d- based access control", "Face recognition"),
    ],
)
def test_a_closing_mark_before_a_hyphen_ends_the_word(text, span):
    assert_found_as_given(PHRASES, text, "face recognition", span)


@pytest.mark.parametrize("text", ["(Sur)-face recognition of proteins", "Sur)-face recognition"])
def test_a_bracket_closing_part_of_a_word_before_a_hyphen_cuts_none(text):
    # "(Sur)-face" writes one word, as "(Re)-identification" does: no "face" begins in it.
    assert PHRASES.find(text) == []


def test_an_acute_accent_by_its_entity_is_read_as_the_apostrophe():
    text = "Universities of the People&#180;s Liberation Army"
    assert_found_as_given(PHRASES, text, PLA, "People&#180;s Liberation Army")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # The apostrophe lost, as Web of Science writes "Peoples R China" (twenty-ninth part).
        ("Hospitals of the Chinese Peoples Liberation Army", "Peoples Liberation Army"),
        ("Hospitals of the Chinese People s Liberation Army", "People s Liberation Army"),
        ("Hospitals of the Chinese PEOPLES LIBERATION ARMY", "PEOPLES LIBERATION ARMY"),
    ],
)
def test_a_phrase_is_found_with_its_apostrophe_lost(text, span):
    assert_found_as_given(PHRASES, text, PLA, span)


@pytest.mark.parametrize("text", ["Peoples Liberation", "People Liberation Army", "People ss Liberation Army"])
def test_an_apostrophe_lost_finds_no_other_words(text):
    assert PHRASES.find(text) == []


def test_a_lost_apostrophe_hides_no_phrase_on_both_engines(tmp_path):
    at_lab = [authorship("A", [LAB])]
    records = [
        work("W1", "Hospitals of the Chinese Peoples Liberation Army", authorships=at_lab),
        work("W2", "Hospitals of the Chinese People s Liberation Army", authorships=at_lab),
        work("W3", "Peoples of the Liberation Army", authorships=at_lab),
    ]
    topic = "id: face\nname: PLA\nrationale: The army.\nphrases: [People's Liberation Army]\n"
    result = topic_result_of_both_engines(tmp_path, records, topic)
    assert [f.work.id for f in result.findings] == ["W1", "W2"]
    assert result.verdict == "contradicted"


def test_typed_apostrophes_hide_no_phrase_on_both_engines(tmp_path):
    at_lab = [authorship("A", [LAB])]
    records = [
        work("W1", "Universities of the People\u00b4s Liberation Army", authorships=at_lab),
        work("W2", "Universities of the People`s Liberation Army", authorships=at_lab),
        work("W3", "``People\u00b4s'' Army", authorships=at_lab),
    ]
    topic = "id: face\nname: PLA\nrationale: The army.\nphrases: [People's Liberation Army]\n"
    result = topic_result_of_both_engines(tmp_path, records, topic)
    assert [f.work.id for f in result.findings] == ["W1", "W2"]
    assert result.verdict == "contradicted"


def test_a_closing_mark_before_a_hyphen_hides_no_phrase_on_both_engines(tmp_path):
    at_lab = [authorship("A", [LAB])]
    records = [
        work("W1", "A \u201cface recognition\u201d-based gate", authorships=at_lab),
        work("W2", "(Sur)-face recognition of proteins", authorships=at_lab),
        work("W3", "Robust", abstract="A \u201cface recognition\u201d-\nbased gate", authorships=at_lab),
    ]
    result = topic_result_of_both_engines(tmp_path, records)
    assert [f.work.id for f in result.findings] == ["W1", "W3"]
    assert result.verdict == "contradicted"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("\u202aFace recognition\u202c in the wild", "Face recognition"),  # an embedding, as copied
        ("Deep face\u200e recognition", "face\u200e recognition"),  # a left-to-right mark
        ("Deep \u200fface recognition", "face recognition"),  # a right-to-left mark
        ("Deep \u2067face recognition\u2069", "face recognition"),  # an isolate
        ("Deep face recog\u200enition", "face recog\u200enition"),
        ("Deep \u061cface recognition", "face recognition"),  # the Arabic letter mark
    ],
)
def test_direction_marks_are_read_through(text, span):
    assert_found_as_given(PHRASES, text, "face recognition", span)


def test_direction_marks_hide_no_phrase_on_both_engines(tmp_path):
    at_lab = [authorship("A", [LAB])]
    records = [
        work("W1", "\u202aFace recognition\u202c in the wild", authorships=at_lab),
        work("W2", "Sur\u200eface recognition of proteins", authorships=at_lab),  # "Surface": no face
    ]
    result = topic_result_of_both_engines(tmp_path, records)
    assert [f.work.id for f in result.findings] == ["W1"]
    assert result.verdict == "contradicted"


@pytest.mark.parametrize(
    ("text", "phrase", "span"),
    [
        ("Face recognition\u00b9: a survey", "face recognition", "Face recognition"),
        ("Face recognition\u00b9\u00b2 at scale", "face recognition", "Face recognition"),
        ("Face recognition\u1d43 at scale", "face recognition", "Face recognition"),  # a letter's mark
        ("Face recognition\u2020 at scale", "face recognition", "Face recognition"),
        ("Face recognition\u2021\u00a7 at scale", "face recognition", "Face recognition"),
        ("Face recognition\u2217 at scale", "face recognition", "Face recognition"),
        ("Detecting deepfakes\u00b2", "deepfake", "deepfakes"),
        ("Kinect\u2122 games", "kinect", "Kinect"),
        ("CO\u2082 capture", "co2 capture", "CO\u2082 capture"),  # a subscript: read into its word
    ],
)
def test_a_superscript_or_a_footnote_mark_after_a_word_is_read_apart(text, phrase, span):
    assert_found_as_given(PhraseSet([phrase]), text, phrase, span)


def test_every_superscript_but_those_standing_inside_words_is_read_apart():
    # The list is written out (finding it in unicodedata is slow at start): it misses none.
    inside_words = {"\u00aa", "\u00ba", "\u10fc", "\u2d6f"}
    superscripts = re.compile(f"[{SUPERSCRIPTS}]")
    missed = [
        hex(c)
        for c in range(0x80, 0x30000)
        if unicodedata.decomposition(chr(c)).startswith("<super>")
        and chr(c) not in inside_words
        and not superscripts.match(chr(c))
    ]
    assert missed == []


def test_footnote_marks_hide_no_phrase_on_both_engines(tmp_path):
    at_lab = [authorship("A", [LAB])]
    records = [
        work("W1", "Face recognition\u00b9: a survey", authorships=at_lab),
        work("W2", "Deep face recognition\u2020", authorships=at_lab),
        work("W3", "Inter\u2020face recognition", authorships=at_lab),  # a mark inside a word begins none
    ]
    result = topic_result_of_both_engines(tmp_path, records)
    assert [f.work.id for f in result.findings] == ["W1", "W2"]
    assert result.verdict == "contradicted"


# Unicode's other default ignorable code points (issue 18, twenty-ninth part): MathML's invisible
# operators, as a formula copied into an abstract carries them ("face\u2062recognition"), the
# combining grapheme joiner, the Mongolian vowel separator, variation selectors. spaCy kept them on
# the word beside them, so the phrase was lost; they are read through now, as a zero-width space is.
SHOWING_NOTHING = [
    "\u034f", "\u17b4", "\u180b", "\u180e", "\u180f", "\u2061", "\u2062", "\u2063", "\u2064", "\u206a",
    "\u206f", "\ufe00", "\ufe0f", "\U0001bca0", "\U0001d173", "\U000e0100", "\U000e01ef",
]  # fmt: skip


@pytest.mark.parametrize("mark", SHOWING_NOTHING)
def test_characters_unicode_shows_as_nothing_are_read_through(mark):
    assert_found_as_given(PHRASES, f"Deep face{mark} recognition", "face recognition", f"face{mark} recognition")
    assert_found_as_given(PHRASES, f"Deep fa{mark}ce recognition", "face recognition", f"fa{mark}ce recognition")
    assert PHRASES.find(f"Sur{mark}face recognition") == []  # "Surface": no face


@pytest.mark.parametrize("filler", ["\u115f", "\u1160", "\u3164", "\uffa0"])
def test_hangul_fillers_stand_as_letters(filler):
    # Default ignorable too, but letters in Hangul text: read as written.
    assert PHRASES.find(f"Deep fa{filler}ce recognition") == []


def test_characters_showing_nothing_hide_no_phrase_on_both_engines(tmp_path):
    at_lab = [authorship("A", [LAB])]
    records = [
        work("W1", "Deep face\u2062 recognition", authorships=at_lab),
        work("W2", "Deep fa\u034fce recognition", authorships=at_lab),
        work("W3", "Sur\u180eface recognition of proteins", authorships=at_lab),  # "Surface": no face
    ]
    result = topic_result_of_both_engines(tmp_path, records)
    assert [f.work.id for f in result.findings] == ["W1", "W2"]
    assert result.verdict == "contradicted"


# The possessive written as a plural's, or with a space typed after its apostrophe (issue 18,
# thirtieth part): "Peoples' Liberation Army" (as titles misspell the PLA, by analogy with
# "Peoples R China") and "People\u2019 s Liberation Army" (a space after the apostrophe, as text
# copied from PDFs carries it) were nothing: spaCy parts the apostrophe from the words either side,
# and no phrase ran across it. Such an apostrophe stands for a phrase's own, now. And a phrase's
# apostrophe was dropped wherever it stood, so "we'll" was found in "well": a contraction's is kept.
@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Hospitals of the Chinese Peoples' Liberation Army", "Peoples' Liberation Army"),
        ("Hospitals of the Chinese People\u2019 s Liberation Army", "People\u2019 s Liberation Army"),
        ("Hospitals of the Chinese People' s Liberation Army", "People' s Liberation Army"),
        ("Hospitals of the Chinese Peoples\u2019 Liberation Army", "Peoples\u2019 Liberation Army"),
    ],
)
def test_a_possessive_written_as_a_plural_s_or_spaced_is_the_phrase_s(text, span):
    assert_found_as_given(PHRASES, text, PLA, span)


@pytest.mark.parametrize(
    "text",
    ["Peoples' Army of Liberation", "The peoples' liberation", "People' Liberation Army", "Peoples ' Liberation Army"],
)
def test_an_apostrophe_before_a_space_joins_no_other_words(text):
    assert PHRASES.find(text) == []


@pytest.mark.parametrize(
    ("phrase", "found", "not_found"),
    [("we'll", "we\u2019ll", "well"), ("can't", "can't", "cant"), ("we're", "We're", "were"), ("I'd", "I'd", "Id")],
)
def test_a_contraction_s_apostrophe_is_never_lost(phrase, found, not_found):
    phrases = PhraseSet([phrase])
    assert [h.phrase for h in phrases.find(found)] == [phrase]
    assert phrases.find(not_found) == []


@pytest.mark.parametrize(("phrase", "found"), [("Xi'an Jiaotong", "Xian Jiaotong"), ("O'Brien", "OBrien")])
def test_an_apostrophe_inside_a_word_may_be_lost_as_names_lose_it(phrase, found):
    assert [h.phrase for h in PhraseSet([phrase]).find(found)] == [phrase]


def test_a_possessive_written_as_a_plural_s_or_spaced_hides_no_phrase_on_both_engines(tmp_path):
    at_lab = [authorship("A", [LAB])]
    records = [
        work("W1", "Hospitals of the Chinese Peoples' Liberation Army", authorships=at_lab),
        work("W2", "Robust", abstract="Hospitals of the People\u2019 s Liberation Army.", authorships=at_lab),
        work("W3", "The peoples' liberation", authorships=at_lab),
    ]
    topic = "id: face\nname: PLA\nrationale: The army.\nphrases: [People's Liberation Army]\n"
    result = topic_result_of_both_engines(tmp_path, records, topic)
    assert [f.work.id for f in result.findings] == ["W1", "W2"]
    assert result.verdict == "contradicted"
