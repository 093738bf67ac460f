"""A replacement character where a PDF's ligature was lost (issue 18, thirty-fourth part).

Crossref's records and abstracts extracted from PDFs write U+FFFD where a character could not be
decoded (some 500,000 Crossref works, https://github.com/CrossRef/rest-api-doc/issues/67), most
often a ligature's "fi" or "fl" ("identi\\ufffdcation": PDF extractors lose the ligatures' letters,
https://github.com/datalab-to/marker/issues/219, https://github.com/grobidOrg/grobid/issues/892).
"Face identi\\ufffdcation in the wild" matched nothing and cleared the claim in silence; read with
the letters a ligature stands for, a match no excluded phrase holds is a doubt, said why. So is
one read with "i" for a dotless "\u0131", as Turkish keyboards and lower-casing write English words
("Comparison of Deep Learning Architectures And Face Detect\u0131on Methods in Face Recogn\u0131t\u0131on",
DergiPark, bibted 1539472, 2024: https://dergipark.org.tr/en/pub/bibted/article/1539472)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import LAB, authorship, topic_result_of_both_engines, work

FFFD = "\ufffd"


def _inverted(abstract: str) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for i, word in enumerate(abstract.split()):
        index.setdefault(word, []).append(i)
    return index


def _shipped(topic: str) -> str:
    text = (Path(__file__).parents[1] / f"claims/topics/{topic}.yaml").read_text()
    return text.replace(f"id: {topic}", "id: face")


@pytest.mark.parametrize(
    ("title", "abstract", "said", "letters", "reads"),
    [
        (f"Face identi{FFFD}cation in the wild", None, f"Face identi{FFFD}cation", "fi", "Face identification"),
        (f"Face anti-spoo{FFFD}ng", None, f"Face anti-spoo{FFFD}ng", "fi", "Face anti-spoofing"),
        (
            "Comparison of Deep Learning Architectures And Face Detect\u0131on Methods in Face Recogn\u0131t\u0131on",
            None,
            "Face Recogn\u0131t\u0131on",
            "i",
            "Face Recognition",
        ),
        # The abstract as OpenAlex gives it, an inverted index, with another word's ligature lost too.
        (
            "A study",
            f"We propose a speci{FFFD}c face veri{FFFD}cation method.",
            f"face veri{FFFD}cation",
            "fi",
            "face verification",
        ),
    ],
)
def test_a_phrase_read_past_a_lost_ligature_is_a_doubt(tmp_path, title, abstract, said, letters, reads):
    extra = {"abstract_inverted_index": _inverted(abstract)} if abstract else {}
    records = [work("W1", title, authorships=[authorship("A", [LAB])], **extra)]
    result = topic_result_of_both_engines(tmp_path, records, _shipped("facial-recognition"))
    assert (result.verdict, result.findings) == ("insufficient_evidence", ())
    field = "abstract" if abstract else "title"
    lost, why = (
        (FFFD, "a character lost, as a PDF's ligatures are")
        if FFFD in said
        else ("\u0131", "an \u201ci\u201d, as Turkish keyboards write it")
    )
    assert {f.work.id: f.uncertain_because for f in result.uncertain_findings} == {
        "W1": (
            f"its {field} says \u201c{said}\u201d, where \u201c{lost}\u201d stands for {why}: read as "
            f"\u201c{letters}\u201d, it says \u201c{reads}\u201d",
        )
    }


@pytest.mark.parametrize(
    "title",
    [
        f"Cattle face identi{FFFD}cation",  # excluded read so too: the animals', as written
        f"Face recogni{FFFD}tion",  # no ligature there: "recogni" and "tion" are no phrase's words
        f"Identi{FFFD}cation of faces",
        "Cattle face recogn\u0131t\u0131on",
    ],
)
def test_a_lost_character_read_to_no_phrase_or_an_excluded_one_clears(tmp_path, title):
    records = [work("W1", title, authorships=[authorship("A", [LAB])])]
    result = topic_result_of_both_engines(tmp_path, records, _shipped("facial-recognition"))
    assert (result.findings, result.uncertain_findings) == ((), ())


def test_a_certain_match_beside_a_lost_character_stays_certain(tmp_path):
    records = [work("W1", f"Face recognition and identi{FFFD}cation", authorships=[authorship("A", [LAB])])]
    result = topic_result_of_both_engines(tmp_path, records, _shipped("facial-recognition"))
    assert (result.verdict, result.uncertain_findings) == ("contradicted", ())


# A phrase's first word may hold the lost letters where the letters before them may begin it, as
# the DuckDB engine's prefilter reads a word's beginning too ("Arti\ufffdcial": "arti"); a lost
# character first ("\ufffdlter bubbles") leaves no beginning to seek, and neither engine reads it.
def test_a_first_word_is_read_past_a_lost_ligature_only_where_its_beginning_is_written(tmp_path):
    topic = "id: face\nname: t\nrationale: r\nphrases:\n  - artificial intelligence\n  - filter bubble\n"
    titles = [f"Arti{FFFD}cial intelligence", f"{FFFD}lter bubbles"]
    records = [work(f"W{i}", t, authorships=[authorship("A", [LAB])]) for i, t in enumerate(titles)]
    result = topic_result_of_both_engines(tmp_path, records, topic)
    assert result.findings == ()
    assert [f.work.id for f in result.uncertain_findings] == ["W0"]


@given(
    st.lists(st.sampled_from(["a", "b", " ", FFFD]), max_size=20).map("".join),
    st.sampled_from(["fi", "fl", "ff", "ffi", "ffl"]),
)
def test_every_offset_of_the_reading_comes_from_its_character(text, letters):
    from claimwatch.evaluate._matchers import _with_lost_letters

    reading, where = _with_lost_letters(text, FFFD, letters)
    assert reading == text.replace(FFFD, letters)
    assert where(len(reading)) == len(text)
    k = 0
    for i, c in enumerate(text):  # each character's reading, the letters of a lost one
        if c != FFFD:
            assert (where(k), reading[k]) == (i, c)
            k += 1
            continue
        # a lost character's first letter is where it stands, the others just after it: a span
        # beginning or ending among them holds the lost character whole
        assert [where(k + n) for n in range(len(letters))] == [i] + [i + 1] * (len(letters) - 1)
        k += len(letters)


# A replacement character stands for a curly apostrophe lost as often as for a ligature: a title
# decoded with the wrong code page loses "\u2019" ("Arrow?s Impossibility Theorem" for "Arrow\u2019s",
# https://github.com/davidagraf/doi2bib2/issues/78; "M\ufffdller" for "M\u00fcller" in Crossref's own
# records, CrossRef/rest-api-doc#67). "Dog\ufffds face recognition" (the animals' faces, the topic
# excluding "dog's face recognition") was a certain match as written, the claim contradicted.
@pytest.mark.parametrize(
    ("title", "abstract", "said", "reads"),
    [
        (f"Dog{FFFD}s face recognition with deep features", None, f"Dog{FFFD}s face recognition", "Dog's"),
        (f"Cattle{FFFD}s face recognition, a survey", None, f"Cattle{FFFD}s face recognition", "Cattle's"),
        ("A study", f"We propose pig{FFFD}s face recognition for farms.", f"pig{FFFD}s face recognition", "pig's"),
    ],
)
def test_a_match_in_an_excluded_phrase_read_past_a_lost_apostrophe_is_a_doubt(tmp_path, title, abstract, said, reads):
    extra = {"abstract_inverted_index": _inverted(abstract)} if abstract else {}
    records = [work("W1", title, authorships=[authorship("A", [LAB])], **extra)]
    result = topic_result_of_both_engines(tmp_path, records, _shipped("facial-recognition"))
    assert (result.verdict, result.findings) == ("insufficient_evidence", ())  # was contradicted
    field = "abstract" if abstract else "title"
    assert {f.work.id: f.uncertain_because for f in result.uncertain_findings} == {
        "W1": (
            f"its {field} says \u201c{said}\u201d, where \u201c{FFFD}\u201d may stand for an apostrophe lost: read"
            f" so, it says \u201c{reads} face recognition\u201d, a phrase the topic excludes",
        )
    }


@pytest.mark.parametrize(
    "title",
    [
        f"Dog{FFFD}s face recognition and human face recognition",  # another match, outside it
        f"Face recognition of Parkinson{FFFD}s patients",  # no excluded phrase read so
        "Dog's face recognition and face recognition",
    ],
)
def test_a_match_outside_what_a_lost_apostrophe_excludes_stays_certain(tmp_path, title):
    records = [work("W1", title, authorships=[authorship("A", [LAB])])]
    result = topic_result_of_both_engines(tmp_path, records, _shipped("facial-recognition"))
    assert (result.verdict, result.uncertain_findings) == ("contradicted", ())


# A program's name joins its words with an underscore: the face_recognition library
# (https://github.com/ageitgey/face_recognition, "the world's simplest face recognition library")
# named in a title or an abstract ("Attendance system with the face_recognition library") matched
# nothing, the claim cleared in silence (issue 18, thirty-fifth part). Read with a space, a match
# no excluded phrase holds is a doubt, said why, on both engines; "Cattle_face_recognition" nothing.
@pytest.mark.parametrize(
    ("title", "said", "reads"),
    [
        ("Attendance system with the face_recognition library", "face_recognition", "face recognition"),
        ("Face_Recognition_Attendance: a classroom tool", "Face_Recognition", "Face Recognition"),
        ("Cattle_face_recognition dataset", None, None),
        ("Attendance with snake_case names", None, None),
    ],
)
def test_words_an_underscore_joins_as_a_program_s_name_does_are_a_doubt(tmp_path, title, said, reads):
    records = [work("W1", title, authorships=[authorship("A", [LAB])])]
    result = topic_result_of_both_engines(tmp_path, records, _shipped("facial-recognition"))
    assert result.findings == ()
    if said is None:
        assert result.uncertain_findings == ()
        return
    assert {f.work.id: f.uncertain_because for f in result.uncertain_findings} == {
        "W1": (
            f"its title says \u201c{said}\u201d, where \u201c_\u201d stands for a space, as a program's name joins its "
            f"words: read as \u201c \u201d, it says \u201c{reads}\u201d",
        )
    }


# A word typed in two scripts: a Cyrillic letter that looks like a Latin one inside an English word
# ("Fаcial", its "а" U+0430, as texts typed on a Russian keyboard layout and OCR give them), or a
# dotless "ı" in a phrase's first word ("Facıal"), matched nothing on either engine, the prefilter
# finding no word of the phrase: a claim of no such work cleared in silence (issue 18, thirty-sixth
# part). The prefilter knows each phrase's first word with one letter so written now, and the matcher
# reads a word mixing the scripts in Latin letters: a doubt, said why, on both engines; a word all
# Cyrillic is its own, and an excluded phrase so read still excludes.
@pytest.mark.parametrize(
    ("topic", "title", "said", "letters", "reads"),
    [
        ("facial-recognition", "F\u0430cial recognition for access control", "F\u0430cial recognition", "\u201c\u0430\u201d, of another script, looks like a Latin letter", "Facial recognition"),
        ("facial-recognition", "Face r\u0435cognition with CNNs", "Face r\u0435cognition", "\u201c\u0435\u201d, of another script, looks like a Latin letter", "Face recognition"),
        ("facial-recognition", "FAC\u0406AL RECOGN\u0406T\u0406\u041eN", "FAC\u0406AL RECOGN\u0406T\u0406\u041eN", "\u201c\u0406\u201d, \u201c\u041e\u201d, of another script, look like Latin letters", "FACIAL RECOGNITION"),
        ("synthetic-media", "D\u0435epfake detection in news", "D\u0435epfake", "\u201c\u0435\u201d, of another script, looks like a Latin letter", "Deepfake"),
        ("quantum-computing", "Qu\u0430ntum computing with trapped ions", "Qu\u0430ntum computing", "\u201c\u0430\u201d, of another script, looks like a Latin letter", "Quantum computing"),
    ],
)  # fmt: skip
def test_a_word_typed_in_two_scripts_is_read_in_latin_letters_as_a_doubt(tmp_path, topic, title, said, letters, reads):
    records = [work("W1", title, authorships=[authorship("A", [LAB])])]
    result = topic_result_of_both_engines(tmp_path, records, _shipped(topic))
    assert (result.verdict, result.findings) == ("insufficient_evidence", ())
    assert [f.uncertain_because for f in result.uncertain_findings] == [
        (f"its title says \u201c{said}\u201d, where {letters}: read in Latin letters, it says \u201c{reads}\u201d",)
    ]


def test_a_dotless_i_in_a_phrase_s_first_word_is_read_on_both_engines(tmp_path):
    records = [work("W1", "Fac\u0131al recognition for access control", authorships=[authorship("A", [LAB])])]
    result = topic_result_of_both_engines(tmp_path, records, _shipped("facial-recognition"))
    assert [f.uncertain_because for f in result.uncertain_findings] == [
        (
            "its title says \u201cFac\u0131al recognition\u201d, where \u201c\u0131\u201d stands for an \u201ci\u201d, as "
            "Turkish keyboards write it: read as \u201ci\u201d, it says \u201cFacial recognition\u201d",
        )
    ]


@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        ("C\u0430ttle f\u0430ce recognition", None),
        (
            "\u0420\u0430\u0441\u043f\u043e\u0437\u043d\u0430\u0432\u0430\u043d\u0438\u0435 \u043b\u0438\u0446",
            "\u041c\u0435\u0442\u043e\u0434 \u0440\u0430\u0441\u043f\u043e\u0437\u043d\u0430\u0432\u0430\u043d\u0438\u044f "
            "\u043b\u0438\u0446 \u043d\u0430 \u043e\u0441\u043d\u043e\u0432\u0435 \u0441\u0435\u0442\u0435\u0439",
        ),
    ],
)
def test_cyrillic_words_of_their_own_or_an_excluded_phrase_so_read_match_nothing(tmp_path, title, abstract):
    extra = {"abstract_inverted_index": _inverted(abstract)} if abstract else {}
    records = [work("W1", title, authorships=[authorship("A", [LAB])], **extra)]
    result = topic_result_of_both_engines(tmp_path, records, _shipped("facial-recognition"))
    assert (result.findings, result.uncertain_findings) == ((), ())


# A first word with two look-alikes ("F\u0430c\u0435") is no prefilter word, so its text is read in
# Latin letters only where the prefilter lets it through by another word ("face" here), on both
# engines alike; alone, it matches nothing on either (issue 18, thirty-sixth part, reviewed).
@pytest.mark.parametrize(
    ("title", "doubts"),
    [
        (
            "F\u0430c\u0435 recognition for face detection",
            [
                (
                    "its title says \u201cF\u0430c\u0435 recognition\u201d, where \u201c\u0430\u201d, \u201c\u0435\u201d, "
                    "of another script, look like Latin letters: read in Latin letters, it says \u201cFace recognition\u201d",
                )
            ],
        ),
        ("F\u0430c\u0435 recognition for access control", []),
    ],
)
def test_a_first_word_of_two_look_alikes_is_read_only_where_the_prefilter_lets_its_text_through(
    tmp_path, title, doubts
):
    records = [work("W1", title, authorships=[authorship("A", [LAB])])]
    result = topic_result_of_both_engines(tmp_path, records, _shipped("facial-recognition"))
    assert (result.findings, [f.uncertain_because for f in result.uncertain_findings]) == ((), doubts)
