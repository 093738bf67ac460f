"""LaTeX as it sets words, in topic phrases (issue 18, twenty-seventh part).

Titles and abstracts from BibTeX and arXiv sources write "{Face} recognition" (braces keeping a
word's capital), "computaci\\'on cu\\'antica" (accents as commands), "face~recognition" (a
tie, LaTeX's no-break space) and "recogni\\-tion" (a discretionary hyphen): no phrase was found
in any, so a claim expecting no work on the topic was cleared by records plainly naming it. Each
is read as LaTeX sets it, by both engines."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimwatch.evaluate import PhraseSet
from claimwatch.works import without_markup
from helpers import (
    LAB,
    authorship,
    topic_result_of_both_engines,
    work,
)
from test_zero_width_topics import assert_found_as_given

CUANTICA = "computación cuántica"
PHRASES = PhraseSet(["face recognition", CUANTICA, "naïve bayes", "image recognition", "people's liberation army"])


@pytest.mark.parametrize(
    ("text", "phrase", "span"),
    [
        (r"{Face} recognition in the wild", "face recognition", "Face} recognition"),
        (r"{Face} {Recognition} in the wild", "face recognition", "Face} {Recognition"),
        (r"{{Face}} recognition in the wild", "face recognition", "Face}} recognition"),
        (r"Deep face~recognition", "face recognition", "face~recognition"),
        (r"Face recogni\-tion at scale", "face recognition", r"Face recogni\-tion"),
        (r"Avances en computaci\'on cu\'antica", CUANTICA, r"computaci\'on cu\'antica"),
        (r"Avances en computaci\'{o}n cu\'{a}ntica", CUANTICA, r"computaci\'{o}n cu\'{a}ntica"),
        (r"Avances en computaci{\'o}n cu{\'a}ntica", CUANTICA, r"computaci{\'o}n cu{\'a}ntica"),
        (r"A na\"{\i}ve Bayes model", "naïve bayes", r"na\"{\i}ve Bayes"),
        # An escaped quote (JSON's, a program's), no LaTeX: spaCy kept it with the word after it.
        (r"The \"face recognition\" problem", "face recognition", "face recognition"),
        # One that opens alone (the text closes no quote so), before a vowel no word begins
        # umlauted: no "ïmage" (twenty-eighth part).
        (r"He said \"image recognition works", "image recognition", "image recognition"),
        (r"\"Image recognition is solved", "image recognition", "Image recognition"),
        (r"Face recognition\footnote{See the appendix.}", "face recognition", "Face recognition"),
        (r"As in face recognition~\cite{x}", "face recognition", "face recognition"),
        (r"Deep\ face\ recognition", "face recognition", r"face\ recognition"),
        (r"\emph{Face\/} recognition", "face recognition", r"Face\/} recognition"),
        (r"the \'face recognition\' task", "face recognition", "face recognition"),
        (r"China\'s People\'s Liberation Army", "people's liberation army", r"People\'s Liberation Army"),
        # LaTeX's spaces, line breaks and characters by command between words (twenty-ninth part).
        (r"Deep face\,recognition", "face recognition", r"face\,recognition"),
        (r"Deep face\;recognition", "face recognition", r"face\;recognition"),
        (r"Deep face\\recognition", "face recognition", r"face\\recognition"),
        (r"Deep face\\ recognition", "face recognition", r"face\\ recognition"),
        (r"Deep face\newline recognition", "face recognition", r"face\newline recognition"),
        (r"Deep face\linebreak{}recognition", "face recognition", r"face\linebreak{}recognition"),
        (r"Deep face\quad recognition", "face recognition", r"face\quad recognition"),
        (
            r"The People\textquoteright s Liberation Army",
            "people's liberation army",
            r"People\textquoteright s Liberation Army",
        ),
        (r"\textquotedblleft{}Face recognition\textquotedblright{} at scale", "face recognition", "Face recognition"),
    ],
)
def test_latex_words_are_read_as_latex_sets_them(text, phrase, span):
    assert_found_as_given(PHRASES, text, phrase, span)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (r"Fa\c{c}ade and Poincar\'e", "Façade and Poincaré"),
        (r"Fa\c cade", "Façade"),
        # LaTeX skips the spaces after a command's name, "\i" too (twenty-eighth part: "naï ve").
        (r"A na\"\i ve model and Ha\"\i ti", "A naïve model and Haïti"),
        ('na\\"\\i \n ve, na\\"{\\i} ve', "naïve, naï ve"),
        (r"\url{face} at ~50% and a~1", r"\url{face} at ~50% and a~1"),  # a tie only between letters
        (r"\'", "'"),
        (r"{\'e", "{é"),  # a group never closed: the accent alone
        # Escaped quotes no LaTeX accent sets: no letter Unicode has ("f̈"), and never across a
        # space, which would join two words ("recognition\" problem").
        (r"The \"face recognition\" problem", 'The "face recognition" problem'),
        (r"deep learning\" about it", 'deep learning" about it'),
        # Read as the quotes they are, none an umlaut in a text that escapes one before no letter,
        # nor on a consonant ("\"X", Unicode's "Ẍ", is no LaTeX's).
        (r"The \"Uyghur\" case", 'The "Uyghur" case'),
        (r"A \"Xinjiang model", 'A "Xinjiang model'),
        (r"M\"uller and \"Ubersicht", "Müller and Übersicht"),
        # No word begins "ï", "ë" or "ÿ": a bare "\"" there opens a quote; inside a word, braced,
        # or before another vowel, LaTeX's umlaut still (twenty-eighth part).
        (r"He said \"image and \"Elephant", 'He said "image and "Elephant'),
        (r"na\"ive, \"{i}x, {\"e}x, \"\i x and \"Uber", "naïve, ïx, ëx, ïx and Über"),
        # Before "a", "o" or "u" too, in a text writing LaTeX's accents nowhere else (thirty-first
        # part: "\"automatic" read "äutomatic"); braced, inside a word, or beside another accent,
        # LaTeX's umlaut still.
        (r"He said \"automatic and \"Uber", 'He said "automatic and "Uber'),
        (r"China\'s \"automatic", "China's \"automatic"),
        (r"\"Oko and \"{U}ber, \"{O}ffentlich", "Öko and Über, Öffentlich"),
        (r"Caf\`e and \"Uber", "Cafè and Über"),
        # Escaped apostrophes, as JSON and program sources write them: read as apostrophes, an
        # acute in none of a text escaping one before no letter, nor in an English possessive or
        # contraction, where "\'s" is no "ś" (twenty-eighth part: "the \'face" was kept as
        # written, one word to spaCy, and "People\'s" read "Peopleś").
        (r"the \'face recognition\' task", "the 'face recognition' task"),
        (r"the \'image recognition\' task, Poincar\'e", "the 'image recognition' task, Poincar'e"),
        (
            r"China\'s People\'s Army: we don\'t, we\'ll, they\'re, I\'m",
            "China's People's Army: we don't, we'll, they're, I'm",
        ),
        (r"Bole\'slaw, Poincar\'e, {\'s} and \'{s}", "Boleślaw, Poincaré, ś and ś"),
        (r"face\r recognition", r"face \r recognition"),  # no ring on the space; the command ends "face"
        # A letter's accent command reads past spaces, as LaTeX does ("\v r" sets "ř"), but only
        # where it makes a letter Unicode has (twenty-eighth part): no "x̌", no accent on a digit,
        # an empty group or nothing; a JSON escape ("\u00e9") is no "\u" breve.
        (r"face\v recognition, Ko\v{s}ice and \v Cech", "faceřecognition, Košice and Čech"),
        (r"face\v x and \v 1 and \v{} and \v{x}y and \v", r"face \v x and \v 1 and \v{} and \v{x}y and \v"),
        (r"a\u00e9b, \H o, \k a, \r x", r"a\u00e9b, ő, ą, \r x"),
        # A command's argument stays as written, with a space before it too (LaTeX skips it).
        (r"see \ref {face} recognition", r"see \ref {face} recognition"),
        (r"\cite  {face}", r"\cite  {face}"),
        (r"and {Face} {Recognition}", "and Face Recognition"),
        # A command glued to a word's end ends the word, kept as written; an italic correction
        # and "\@" read as nothing, a control space as a space (twenty-eighth part).
        (
            r"Face recognition\footnote{See}, x\cite{y}, z~\cite{w}",
            r"Face recognition \footnote{See}, x \cite{y}, z \cite{w}",
        ),
        (r"\emph{face\/} and Deep\ face\@.", "face and Deep face."),
        # A line break between two words a space (twenty-ninth part).
        (r"Fa\c{c}ade, Sur\emph{face}, Fa\u00e7ade, a\\b", r"Façade, Surface, Fa\u00e7ade, a b"),
        (r"face\,a\:b\;c\>d\\*e\enspace f\par g", "face a b c d e f \u00b6 g"),
        (r"\textquoteleft a\textquoteright{} b\textendash c\textemdash d", "\u2018a\u2019 b\u2013c\u2014d"),
        (r"Sur\,face, $a\,b$, \textquoterights, \pars", r"Sur face,  a b , \textquoterights, \pars"),
        # LaTeX's letters by command, the spaces ending their names skipped (twenty-eighth part).
        (
            r"Wroc\l aw, Bj{\o}rn, Stra\ss e, Ayd\i n, \AA ngstr\"om, \L\'od\'z",
            "Wrocław, Bjørn, Straße, Aydın, Ångström, Łódź",
        ),
        (r"Ko\l{}odziej, {\ae}sthetic, C:\oracle", r"Kołodziej, æsthetic, C:\oracle"),
    ],
)
def test_latex_accents_ties_and_braces_read(text, read):
    assert without_markup(text) == read


def test_latex_topics_are_found_by_both_engines(tmp_path):
    at_lab = [authorship("A", [LAB])]
    records = [
        work("W1", "{Face} recognition in the wild", authorships=at_lab),
        work("W2", "{{Face}} {Recognition} at scale", authorships=at_lab),
        work("W3", "Deep face~recognition", authorships=at_lab),
        work("W4", r"Face recogni\-tion for crowds", authorships=at_lab),
        work("W5", "Sur{face} recognition of proteins", authorships=at_lab),  # "Surface": no face
        work("W6", r"As in \ref {face} recognition of proteins", authorships=at_lab),  # a label, no face
        work("W7", r"The \"face recognition\" problem", authorships=at_lab),  # an escaped quote, no LaTeX
    ]
    result = topic_result_of_both_engines(tmp_path, records)
    assert [f.work.id for f in result.findings] == ["W1", "W2", "W3", "W4", "W7"]
    assert result.verdict == "contradicted"


def test_an_escaped_quote_opening_alone_before_a_vowel_hides_no_phrase_on_both_engines(tmp_path):
    # A quote escaped as JSON and program sources write one, closed nowhere in the text.
    at_lab = [authorship("A", [LAB])]
    records = [
        work("W1", r"He said \"image recognition is solved", authorships=at_lab),
        work("W2", r"Na\"ive Bayes for \"Uber images", authorships=at_lab),  # LaTeX's umlauts: no phrase
    ]
    topic = "id: face\nname: Image recognition\nrationale: Recognising images.\nphrases: [image recognition]\n"
    result = topic_result_of_both_engines(tmp_path, records, topic)
    assert [f.work.id for f in result.findings] == ["W1"]
    assert result.verdict == "contradicted"


# Before "a", "o" or "u" (issue 18, thirty-first part): "\"" opening a word there was LaTeX's
# umlaut whatever the text, so 'He said \"accent conversion works' read "äccent conversion", no
# phrase, the claim cleared; and 'Our \"animal face recognition system' lost the shipped
# facial-recognition topic's exclusion "animal face recognition", a certain "face recognition",
# `contradicted`. In a text writing LaTeX's accents nowhere else it is the quote now, on both
# engines (the works table's format 18); beside another accent, LaTeX's umlaut still.
def test_an_escaped_quote_opening_alone_before_a_o_or_u_is_a_quote_on_both_engines(tmp_path):
    at_lab = [authorship("A", [LAB])]
    topic = "id: face\nname: Accents\nrationale: Accent conversion.\nphrases: [accent conversion]\n"
    records = [
        work("W1", r"He said \"accent conversion works", authorships=at_lab),
        work("W2", r"M\"uller: \"accent conversion", authorships=at_lab),  # LaTeX's umlaut beside: no phrase
    ]
    result = topic_result_of_both_engines(tmp_path / "a", records, topic)
    assert ([f.work.id for f in result.findings], result.verdict) == (["W1"], "contradicted")
    shipped = (Path(__file__).parents[1] / "claims/topics/facial-recognition.yaml").read_text()
    records = [work("W1", r"Our \"animal face recognition system", authorships=at_lab)]
    result = topic_result_of_both_engines(
        tmp_path / "b", records, shipped.replace("id: facial-recognition", "id: face")
    )
    assert (result.findings, result.uncertain_findings) == ((), ())


def test_escaped_apostrophes_hide_no_phrase_on_both_engines(tmp_path):
    # Apostrophes escaped as JSON and program sources write them.
    at_lab = [authorship("A", [LAB])]
    records = [
        work("W1", r"China\'s People\'s Liberation Army and its universities", authorships=at_lab),
        work("W2", r"On the \'face recognition\' task", authorships=at_lab),
        work("W3", r"People\'{s} Liberation Army", authorships=at_lab),  # LaTeX's braced acute: "Peopleś"
    ]
    topic = (
        "id: face\nname: PLA\nrationale: The army or faces.\nphrases: [People's Liberation Army, face recognition]\n"
    )
    result = topic_result_of_both_engines(tmp_path, records, topic)
    assert [f.work.id for f in result.findings] == ["W1", "W2"]
    assert result.verdict == "contradicted"


def test_a_command_after_a_word_hides_no_phrase_on_both_engines(tmp_path):
    # arXiv titles and abstracts: a footnote or a citation glued to the word before it.
    at_lab = [authorship("A", [LAB])]
    records = [
        work("W1", r"Face recognition\thanks{Supported by the lab.}", authorships=at_lab),
        work("W2", r"Robust", abstract=r"As in face recognition\cite{x}, we align.", authorships=at_lab),
        work("W3", r"Face\footnote{x} recognition of proteins", authorships=at_lab),  # a note between: none
    ]
    result = topic_result_of_both_engines(tmp_path, records)
    assert [f.work.id for f in result.findings] == ["W1", "W2"]
    assert result.verdict == "contradicted"


def test_latex_spaces_and_quotes_by_command_hide_no_phrase_on_both_engines(tmp_path):
    at_lab = [authorship("A", [LAB])]
    records = [
        work("W1", r"Deep face\,recognition in crowds", authorships=at_lab),
        work("W2", r"Robust", abstract=r"Face recognition\\ in the wild: a survey.", authorships=at_lab),
        work("W3", r"Face\par recognition of proteins", authorships=at_lab),  # a paragraph between: none
    ]
    result = topic_result_of_both_engines(tmp_path, records)
    assert [f.work.id for f in result.findings] == ["W1", "W2"]
    assert result.verdict == "contradicted"


def test_latex_letters_by_command_are_read_as_letters():
    # "Wroc\l" was cut from "aw" by spaCy; a command glued to a word now ends it, so the
    # letter must be read as LaTeX sets it, or "Wroc" would stand as a word.
    text = r"Robots of Wroc\l aw University of Science"
    assert_found_as_given(PhraseSet(["wrocław university"]), text, "wrocław university", r"Wroc\l aw University")
    assert PhraseSet(["wroc"]).find(text) == []


# A symbol set in math between two words (issue 18, thirtieth part): every command inside math was
# read as a space, so "Face $\cdot$ recognition" (a centred dot, as LaTeX titles part the items of
# a list or keywords, as Springer's "Face recognition \u00b7 Deep learning" does) was a certain "face
# recognition", where "Face \u22c5 recognition" and "Face \u00b7 recognition" are none. Such a symbol is
# read as its character now, which joins no words.
@pytest.mark.parametrize(
    "text",
    [
        r"Face $\cdot$ recognition",
        r"Face$\cdot$recognition",
        r"Face $\times$ recognition",
        r"Face $\to$ recognition",
        r"Face $\bullet$ recognition",
        "Face \u22c5 recognition",
        "Face \u00b7 recognition",
    ],
)
def test_a_symbol_set_in_math_between_words_parts_them_as_its_character_does(text):
    assert PHRASES.find(text) == []
    assert PHRASES.find_across_dashes(text) == []


def test_a_symbol_in_math_is_read_as_its_character():
    assert without_markup(r"Face $\cdot$ recognition") == "Face   \u22c5   recognition"
    assert without_markup(r"CO$_2$ and $\alpha$-face") == "CO  2  and    -face"  # any other command a space


def test_math_symbols_between_words_join_no_phrase_on_both_engines(tmp_path):
    at_lab = [authorship("A", [LAB])]
    records = [
        work("W1", r"Face $\cdot$ recognition $\cdot$ crowds", authorships=at_lab),
        work("W2", r"Robust", abstract=r"Face $\times$ recognition.", authorships=at_lab),
        work("W3", r"Face$\,$recognition in crowds", authorships=at_lab),  # a space in math: still a space
    ]
    result = topic_result_of_both_engines(tmp_path, records)
    assert [f.work.id for f in result.findings] == ["W3"]
    assert result.uncertain_findings == ()
