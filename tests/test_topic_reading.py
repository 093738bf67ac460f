"""Topic phrases read a text as a reader sees it (issue 18, seventeenth part).

Forms a reader takes for the same words were missed by both engines, so a claim that expects
none could be cleared by a record plainly naming its topic: a ligature ("veri\\ufb01cation"),
fullwidth letters, an accent written as a combining mark (NFD) against a phrase written
precomposed, a Turkish capital "İ" (which lower() writes as "i" and a combining dot), and dashes
other than the hyphen (an en dash, a minus sign, the small and the fullwidth hyphen-minus).
Texts and phrases are now read alike in their compatibility form (`works.topic_reading`), and a
hit's span is in the text as given; the table's words are those of both readings."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from claimwatch.columnar import text_words
from claimwatch.columnar._table import _text_words
from claimwatch.evaluate import PhraseSet
from claimwatch.evaluate._grouping import _topic_words
from claimwatch.evaluate._phrases import plain_words
from claimwatch.works import (
    mathml_tokens_side_by_side,
    missing_words,
    read_through_invisible,
    reads_two_ways,
    rebuild_abstract,
    topic_reading,
    topic_reading_spans,
    without_markup,
)
from helpers import (
    LAB,
    authorship,
    topic_result_of_both_engines,
    work,
)
from test_speedups import _within
from test_zero_width_topics import assert_found_as_given

CUANTICA = "computación cuántica"
PHRASES = PhraseSet(["face recognition", "face verification", "person re-identification", CUANTICA, "deepfake"])


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("text", "phrase", "span"),
    [
        ("Robust face veri\ufb01cation at scale", "face verification", "face veri\ufb01cation"),
        ("Ｆａｃｅ ｒｅｃｏｇｎｉｔｉｏｎ", "face recognition", "Ｆａｃｅ ｒｅｃｏｇｎｉｔｉｏｎ"),
        (f"Avances en {_nfd(CUANTICA)}", CUANTICA, _nfd(CUANTICA)),
        ("FACE RECOGNİTİON İN CROWDS", "face recognition", "FACE RECOGNİTİON"),
        ("face recogni\u0307tion", "face recognition", "face recogni\u0307tion"),
        ("Person re\u2013identification", "person re-identification", "Person re\u2013identification"),
        ("Person re\u2212identification", "person re-identification", "Person re\u2212identification"),
        ("Person re\ufe63identification", "person re-identification", "Person re\ufe63identification"),
        ("Person re\uff0didentification", "person re-identification", "Person re\uff0didentification"),
        ("Deep\u2013fakes", "deepfake", "Deep\u2013fakes"),
        ("\ufb01ne face\u00a0recognition", "face recognition", "face\u00a0recognition"),
    ],
)
def test_a_phrase_is_found_in_the_form_a_reader_sees_with_its_span_as_given(text, phrase, span):
    assert_found_as_given(PHRASES, text, phrase, span)


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        (_nfd(CUANTICA), f"Avances en {CUANTICA}"),  # a phrase written decomposed
        ("ｆａｃｅ recognition", "face recognition"),
        ("face veri\ufb01cation", "Face verification"),
        ("FACE RECOGNİTİON", "face recognition"),
        ("person re\u2013identification", "person re-identification"),
    ],
)
def test_a_phrase_is_read_as_a_text_is_and_reported_as_written(phrase, text):
    phrases = PhraseSet([phrase])
    (hit,) = phrases.find(text)
    assert hit.phrase == phrase
    assert set(_topic_words(phrases)) & text_words(text)
    assert phrases.may_be_among(plain_words(text.split()))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("ＳＵＲＦＡＣＥ recognition", []), ("ｓｕｒｆａｃｅ", []), ("face\u2014recognition", ["face"])],
)
def test_the_compatibility_form_makes_no_word_boundary_a_reader_does_not_see(text, expected):
    """A fullwidth word is one word; an em dash parts two words (it is no hyphen)."""
    assert [h.phrase for h in PhraseSet(["face recognition", "face"]).find(text)] == expected


WORDS = [
    "face",
    "recognition",
    "verification",
    "deep",
    "fakes",
    "person",
    "re",
    "identification",
    "computación",
    "cuántica",
    "surface",
    "of",
    "the",
    "fine",
    "Infinite",
]


def _variant(draw: st.DrawFn, text: str) -> str:
    """`text` as a reader sees it, written otherwise: fullwidth letters here and there, "fi" as
    a ligature, accents decomposed, capitals with a dotted I, hyphens as other dashes."""
    out = []
    for c in text:
        choice = draw(st.integers(0, 4))
        if choice == 1 and c.isascii() and c.isalpha():
            out.append(chr(ord(c) + 0xFEE0))  # fullwidth
        elif choice == 2 and c == "-":
            out.append(draw(st.sampled_from("\u2010\u2011\u2013\u2212\ufe63\uff0d")))
        elif choice == 3 and c == "I":
            out.append("\u0130")
        else:
            out.append(c)
    written = "".join(out)
    if draw(st.booleans()):
        written = written.replace("fi", "\ufb01")
    return _nfd(written) if draw(st.booleans()) else written


@st.composite
def _texts(draw: st.DrawFn) -> tuple[str, str]:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))
    joiners = draw(st.lists(st.sampled_from([" ", "-", ", "]), min_size=len(words), max_size=len(words)))
    clean = "".join(w + j for w, j in zip(words, joiners, strict=True))
    clean = draw(st.sampled_from([str, str.upper, str.title]))(clean)
    return clean, _variant(draw, clean)


@settings(max_examples=300, deadline=None)
@given(_texts())
@example(("FACE RECOGNITION", "FACE RECOGN\u0130T\u0130ON"))
@example(("computación cuántica", _nfd("computación cuántica")))
def test_a_text_written_otherwise_gives_the_same_hits(texts):
    clean, variant = texts
    expected = [(h.phrase, clean[h.start : h.end].lower()) for h in PHRASES.find(clean)]
    found = PHRASES.find(variant)
    assert [(h.phrase, topic_reading(variant[h.start : h.end]).lower()) for h in found] == expected
    if found:
        assert set(_topic_words(PHRASES)) & text_words(variant)
        assert PHRASES.may_be_among(plain_words(variant.split(" ")))


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        st.sampled_from("ab fi\ufb01\u0301\u0307\u0130I\u00ad\u200b\uff21\u2013\u1100\u1161\u11a8 \u3000e"), max_size=30
    )
)
def test_each_character_read_comes_from_its_span(text):
    """The spans of a reading are in order and cover whole pieces: the reading of the text from
    one's beginning to another's end is the reading's characters between them."""
    read, spans = topic_reading(text), topic_reading_spans(text)
    assert len(spans) == len(read)
    assert all(0 <= b < e <= len(text) for b, e in spans) and spans == sorted(spans)
    for k in range(len(read)):
        for m in range(k, len(read)):
            first = spans.index(spans[k])
            last = len(spans) - 1 - spans[::-1].index(spans[m])
            assert topic_reading(text[spans[k][0] : spans[m][1]]) == read[first : last + 1]


# --- a hyphen before a space or a line break ----------------------------------------------------
# spaCy keeps such a hyphen on its word ("re-", "talking-"), so "person re- identification",
# "talking-\nhead" and an OpenAlex abstract index's key "re-" matched nothing (false clearances).
# The words either side of the break are now joined as hyphenated words are; but a broken word
# is one word: no match begins after the break ("sur- face" is "surface"), which one did.

BROKEN = PhraseSet(["person re-identification", "text-to-speech", "talking head", "deepfake", "face recognition"])


@pytest.mark.parametrize(
    ("text", "phrase", "span"),
    [
        ("On person re- identification", "person re-identification", "person re- identification"),
        ("On person re-\nidentification", "person re-identification", "person re-\nidentification"),
        ("On person re-\r\n  identification.", "person re-identification", "person re-\r\n  identification"),
        ("robust text-to-\nspeech", "text-to-speech", "text-to-\nspeech"),
        ("talking-\nhead generation", "talking head", "talking-\nhead"),
        ("Detecting deep- fakes", "deepfake", "deep- fakes"),
        ("deep\u2013 fakes", "deepfake", "deep\u2013 fakes"),
        ("(face- recognition)", "face recognition", "face- recognition"),
        ("3D face recog-\nnition", "face recognition", "face recog-\nnition"),
    ],
)
def test_a_phrase_is_found_across_a_hyphen_before_a_break(text, phrase, span):
    (hit,) = BROKEN.find(text)
    assert (hit.phrase, text[hit.start : hit.end]) == (phrase, span)
    assert set(_topic_words(BROKEN)) & text_words(text)
    assert BROKEN.may_be_among(plain_words(text.split(" ")))


@pytest.mark.parametrize(
    "text",
    [
        "Protein sur- face recognition",
        "Protein sur-\nface recognition",
        "User inter-\n\n  face recognition",
        "sur\u2013\nface recognition",
        "E-in- voice conversion",
    ],
)
def test_no_match_begins_inside_a_word_broken_by_a_hyphen(text):
    assert PhraseSet(["face recognition", "voice conversion"]).find(text) == []


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["face", "surface", "interface", "recognition", "deep", "fakes", "the"]), max_size=8),
    st.lists(st.tuples(st.integers(0, 7), st.integers(1, 8), st.sampled_from(["- ", "-\n", "-\n  "])), max_size=3),
)
def test_no_hit_begins_after_a_break_inside_a_word(words, breaks):
    """Break words with a hyphen and white space, anywhere inside them: no hit begins on a piece
    after a break."""
    words = list(words)
    broken = set()
    for at, cut, brk in breaks:
        if at < len(words) and 0 < cut < len(words[at]) and brk not in words[at]:
            words[at] = words[at][:cut] + brk + words[at][cut:]
            broken.add(at)
    text = " ".join(words)
    starts_after_a_break = {m.end() for m in re.finditer(r"[a-z]-\s+", text)}
    for h in PHRASES.find(text) + BROKEN.find(text):
        assert h.start not in starts_after_a_break, (text, h)


# --- markup in titles and abstracts -------------------------------------------------------------
# OpenAlex carries publishers' markup over (HTML, JATS, MathML). spaCy kept a closing tag on the
# word before it ("face</i"), so "Deep <i>face</i> recognition" matched nothing (a false
# clearance), and split an opening tag from the word after it, so "<b>Sur</b>face recognition"
# was a certain "face recognition" (a false accusation). Markup is read as rendered: a formatting
# tag as nothing, a break or a superscript as a space, an entity as its character.

MARKED = PhraseSet(["face recognition", "deepfake", "face"])


@pytest.mark.parametrize(
    ("text", "phrase", "span"),
    [
        ("Deep <i>face</i> recognition at scale", "face recognition", "face</i> recognition"),
        ("<i>Face recognition</i> in the wild", "face recognition", "Face recognition"),
        ("<jats:italic>Face recognition</jats:italic>", "face recognition", "Face recognition"),
        ('<span class="x y">Deep</span>-<em>fakes</em>', "deepfake", "Deep</span>-<em>fakes"),
        ("Face<br/>recognition", "face recognition", "Face<br/>recognition"),
        ("face recognition<sup>1,2</sup> of crowds", "face recognition", "face recognition"),
        ("Face&nbsp;recognition", "face recognition", "Face&nbsp;recognition"),
        ("Face&#x2010;recognition", "face recognition", "Face&#x2010;recognition"),
        ("Deep &lt;i&gt;face&lt;/i&gt; recognition", "face recognition", "face&lt;/i&gt; recognition"),
        ('Face recognition<xref ref-type="bibr">1</xref> in crowds', "face recognition", "Face recognition"),
    ],
)
def test_a_phrase_in_markup_is_found_as_rendered_with_its_span_as_given(text, phrase, span):
    assert_found_as_given(PhraseSet(["face recognition", "deepfake"]), text, phrase, span)


@pytest.mark.parametrize(
    "text",
    [
        "<b>Sur</b>face recognition of proteins",
        "Inter<i>face</i> recognition",
        "<i>Pre</i>face",
        "<jats:sc>sur</jats:sc>face",
        "Surface<sub>2</sub> recognition",
        "&lt;b&gt;Sur&lt;/b&gt;face recognition",  # escaped once more, as some publishers' titles come
    ],
)
def test_no_match_begins_inside_a_word_markup_cuts(text):
    assert MARKED.find(text) == []


# Markup real records carry beyond HTML's and JATS's inline names: Scopus-derived titles write
# a subscript as <inf> ("CO<inf>2</inf> capture" was no "CO2 capture"), HTML has <big>, <del>,
# <code>..., and MathML lays formulas out in tables and fences. Left raw, such a tag was cut
# from the word after it as any unread tag was: "<big>Sur</big>face recognition" was a certain
# "face recognition".
@pytest.mark.parametrize(
    "text",
    [
        "<big>Sur</big>face recognition",
        "<del>Sur</del>face recognition",
        "<code>Sur</code>face recognition",
        "<cite>Sur</cite>face recognition",
        "<mml:mfenced>Sur</mml:mfenced>face recognition",
        "<mml:mphantom>Sur</mml:mphantom>face recognition",
        "Inter<jats:overline>face</jats:overline> recognition",
    ],
)
def test_no_match_begins_inside_a_word_the_other_markup_real_records_carry_cuts(text):
    assert MARKED.find(text) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Deep <inf>face</inf> recognition", "face</inf> recognition"),
        ("<big>Face recognition</big>", "Face recognition"),
        ("<mml:mtr><mml:mtd>face</mml:mtd></mml:mtr> recognition", "face</mml:mtd></mml:mtr> recognition"),
    ],
)
def test_a_phrase_in_the_other_markup_real_records_carry_is_found(text, span):
    assert_found_as_given(PhraseSet(["face recognition"]), text, "face recognition", span)


def test_a_subscript_written_as_inf_is_read_as_one_written_as_sub():
    assert_found_as_given(PhraseSet(["CO2 capture"]), "CO<inf>2</inf> capture", "CO2 capture", "CO<inf>2</inf> capture")


@pytest.mark.parametrize(
    "text", ["We studied the face</jats:p><jats:p>Recognition of voices", "the face<h2>Recognition</h2>"]
)
def test_no_phrase_runs_across_a_block_s_end(text):
    """A paragraph's or a heading's end parts the words either side, as a full stop would."""
    assert PhraseSet(["face recognition"]).find(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "x<i and j>face recognition",
        "if a<b then face recognition",
        "&notanentity face recognition",
        "p<0.05 face recognition",
    ],
)
def test_what_is_no_tag_is_read_as_written(text):
    """Only tags of markup's names, written as tags are, are read otherwise."""
    assert topic_reading(text) == text
    assert [h.phrase for h in MARKED.find(text)] == ["face recognition"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["face", "surface", "recognition", "deep", "fakes", "the"]), min_size=1, max_size=6),
    st.lists(
        st.tuples(st.integers(0, 5), st.integers(0, 8), st.sampled_from(["<i>", "</i>", "<b>", "</b>", "<scp>"])),
        max_size=4,
    ),
)
def test_formatting_tags_change_no_hit_but_its_span(words, tags):
    """Formatting tags put anywhere in a text, inside words or between them, change no hit: the
    rendered text gives the same phrases on the same words. Where an opening tag is never closed
    ("f<i>ace"), it may be the text's own characters, and a hit the rendered text gives is a
    doubt (`find_either_way`) where that reading does not give it too; no hit is certain that
    the rendered text does not give."""
    marked = list(words)
    for at, cut, tag in sorted(tags, key=lambda t: -t[1]):  # the last cut first: no tag cuts another
        if at < len(marked):
            cut = min(cut, len(words[at]))
            marked[at] = marked[at][:cut] + tag + marked[at][cut:]
    text, plain = " ".join(marked), " ".join(words)
    expected = [(h.phrase, plain[h.start : h.end].lower()) for h in MARKED.find(plain)]
    found = MARKED.find(text)
    certain = [(h.phrase, topic_reading(text[h.start : h.end]).lower()) for h in found]
    if reads_two_ways(text):
        doubts = [(h.phrase, topic_reading(text[h.start : h.end]).lower()) for h in MARKED.find_either_way(text)]
        assert set(certain) <= set(expected) <= set(certain) | set(doubts)
    else:
        assert certain == expected
    if found:
        assert set(_topic_words(MARKED)) & text_words(text)


def test_markup_is_read_as_rendered_by_both_engines(tmp_path):
    at_lab = [authorship("A", [LAB])]
    records = [
        work("W1", "<b>Sur</b>face recognition of proteins", authorships=at_lab),
        work("W2", "Deep <i>face</i> recognition", authorships=at_lab),
        work("W3", "Grain <jats:italic>sur</jats:italic>face recognition", authorships=at_lab),
        work("W4", "<big>Sur</big>face recognition of <mml:mphantom>x</mml:mphantom>proteins", authorships=at_lab),
        work("W5", "&copyfacerecognition; of proteins", authorships=at_lab),  # no entity: no "face recognition"
        work("W6", "Bounds face<b>recognition", authorships=at_lab),  # a tag or a comparison
        work("W7", "Pairs with a<b>face recognition", authorships=at_lab),
        work("W8", r"Deep \textit{face} recognition", authorships=at_lab),  # LaTeX as rendered
        work("W9", r"Sur\emph{face} recognition of {\it proteins}", authorships=at_lab),
        work("W10", "Bounds face&lt;b&gt;recognition", authorships=at_lab),  # escaped, as XML writes a "<"
        work("W11", "Pairs with a&amp;lt;b&amp;gt;face recognition", authorships=at_lab),
        work("W12", "Bounds face&lt;b>recognition", authorships=at_lab),  # half escaped: a ">" XML leaves
        work("W13", "{F}ace {R}ecognition at scale", authorships=at_lab),  # BibTeX's braces, as LaTeX sets them
        work("W14", "Inter{F}ace recognition", authorships=at_lab),
        work(
            "W15", "Robust", authorships=at_lab, abstract_inverted_index={"We": [0], "{F}ace": [1], "recognition": [2]}
        ),
    ]
    result = topic_result_of_both_engines(tmp_path, records)
    assert [f.work.id for f in result.findings] == ["W2", "W8", "W13", "W15"]
    assert {f.work.id: f.uncertain_because for f in result.uncertain_findings} == {
        "W6": (
            "its title says \u201cface<b>recognition\u201d, where a tag never closed may be markup or the text's own "
            "characters (as in a comparison), and only one of the two readings holds \u201cface recognition\u201d",
        ),
        "W7": (
            "its title says \u201c<b>face recognition\u201d, where a tag never closed may be markup or the text's own "
            "characters (as in a comparison), and only one of the two readings holds \u201cface recognition\u201d",
        ),
        "W10": (
            "its title says \u201cface&lt;b&gt;recognition\u201d, where a tag never closed may be markup or the text's "
            "own characters (as in a comparison), and only one of the two readings holds \u201cface recognition\u201d",
        ),
        "W11": (
            "its title says \u201c&amp;lt;b&amp;gt;face recognition\u201d, where a tag never closed may be markup or "
            "the text's own characters (as in a comparison), and only one of the two readings holds "
            "\u201cface recognition\u201d",
        ),
        "W12": (
            "its title says \u201cface&lt;b>recognition\u201d, where a tag never closed may be markup or the text's "
            "own characters (as in a comparison), and only one of the two readings holds \u201cface recognition\u201d",
        ),
    }


# A JATS abstract's reading is ASCII but for the pilcrows its paragraphs' ends are read as. The
# whole reading (invisible characters, NFKC) and the words' Unicode regex took five times as long
# as the markup's on such an abstract, and most of an import's abstracts from Crossref are such.
JATS_ABSTRACT = (
    '<jats:title>Abstract</jats:title><jats:p>We study <jats:italic toggle="yes">face</jats:italic> '
    "recognition at scale &amp; its errors.</jats:p><jats:p>Results hold (p&lt;0.05).</jats:p>"
)


class _NotRead:
    def findall(self, text: str) -> list[str]:
        raise AssertionError(f"read as Unicode: {text!r}")


def test_a_jats_abstract_s_reading_and_words_take_the_ascii_path(monkeypatch):
    expected_reading, expected_words = topic_reading(JATS_ABSTRACT), text_words(JATS_ABSTRACT)
    assert "\u00b6" in expected_reading and {"face", "recognition", "errors", "jats", "italic"} <= expected_words

    def not_needed(text: str) -> str:
        raise AssertionError(f"read through as Unicode: {text!r}")

    monkeypatch.setattr("claimwatch.works.read_through_invisible", not_needed)
    monkeypatch.setattr("claimwatch.columnar._table._PLAIN_WORD", _NotRead())
    assert topic_reading(JATS_ABSTRACT) == expected_reading
    assert text_words(JATS_ABSTRACT) == expected_words


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab Z-.;&<>/ip\u00b6")), max_size=24))
def test_the_ascii_path_reads_and_cuts_a_text_with_pilcrows_as_the_unicode_path_does(text):
    """Whatever the fast path takes, the whole reading and the Unicode regex give the same: a
    section sign, which the reading leaves too, sends the text down the Unicode path."""
    read = topic_reading(text)
    assert read == unicodedata.normalize("NFKC", read_through_invisible(without_markup(text)))
    assert _text_words(read) == _text_words(read.replace("\u00b6", "\u00a7"))


# An entity is read only where it is one, whole with its semicolon: html.unescape also reads
# a legacy name as a prefix ("&notface;" as "\u00acface;"), which set "face" apart, a certain
# match of "face" in a text that holds none (issue 18, twenty-fifth part).
@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("&notface; of proteins", "&notface; of proteins"),
        ("&amp;notface; of proteins", "&notface; of proteins"),
        ("&copyface; &copy2020;", "&copyface; &copy2020;"),
        ("&copy; 2020 &not; &NotEqual; &#172;", "\u00a9 2020 \u00ac \u2260 \u00ac"),
    ],
)
def test_only_a_whole_entity_is_read(text, reading):
    assert without_markup(text) == reading
    assert MARKED.find(text) == []
    assert "face" not in text_words(text)


@pytest.mark.parametrize(
    ("index", "abstract", "missing"),
    [
        ({"a": [0], "face": [1, 2], "recognition": [5], "x": [6]}, "a face face \u00b6 recognition x", 2),
        ({"face": [3], "recognition": [4]}, "face recognition", 3),  # lacking its first words
        ({"face": [0], "": [1], "recognition": [2]}, "face recognition", 0),  # an empty word is a word
        ({"face": [0, "1"], "recognition": [2]}, "face \u00b6 recognition", 1),
        # a word the index gives at no position it can place is lacking too, wherever it stood
        ({"face": [0, None], "": [1], "recognition": [2]}, "face recognition", 1),
        ({"a": [0], "deepfake": [1], "detection": [2.0], "x": 7}, "a deepfake", 2),
        # a position given two words: which stood there is not known, each apart, a word lacking
        ({"a": [0], "face": [1], "cat": [1], "recognition": [2]}, "a \u00b6 cat \u00b6 face \u00b6 recognition", 1),
        ({"face": [0], "recognition": [1, 1]}, "face recognition", 0),  # one word twice: no doubt
    ],
)
def test_an_abstract_index_s_gap_is_read_as_a_break(index, abstract, missing):
    assert (rebuild_abstract(index), missing_words(index)) == (abstract, missing)
    assert PhraseSet(["face recognition"]).find(abstract) == [] or abstract == "face recognition"
    assert text_words(abstract) == text_words(abstract.replace("\u00b6", " "))  # the table's words unchanged


# A bare opening tag no closing tag follows may be markup or the text's own characters, as in a
# comparison: "a<b>c" was read as "ac" alone, losing words, and "face<b>recognition" as
# "facerecognition", a certain "face recognition" (issue 18, twenty-fifth part). Such a text
# reads two ways: a hit both give is certain, one only one gives is a doubt.
@pytest.mark.parametrize(
    ("text", "certain", "doubted"),
    [
        ("Bounds face<b>recognition", [], ["face recognition"]),  # "facerecognition" as markup
        ("Pairs with a<b>face recognition", [], ["face recognition"]),  # "aface" as markup
        ("Surface<i>face recognition", [], ["face recognition"]),
        ("Sur<b>face recognition", [], ["face recognition"]),  # a title cut after its opening tag
        ("<b>Face recognition at scale", ["face recognition"], []),  # both readings give it
        ("Sur<b>face</b> recognition", [], []),  # closed: markup
        ("x<y and y>z face recognition", ["face recognition"], []),  # no tag's name
        ('Sur<b class="x">face recognition', [], []),  # an attribute: a tag
        ("Face<br>recognition", ["face recognition"], []),  # a tag that stands alone
        # Escaped, as a "<" of the text is in XML: a comparison as likely as a tag, read two ways too
        ("Bounds face&lt;b&gt;recognition", [], ["face recognition"]),
        ("Pairs with a&#60;b&#x3E;face recognition", [], ["face recognition"]),
        ("Pairs with a&amp;lt;b&amp;gt;face recognition", [], ["face recognition"]),
        ("Sur&lt;b&gt;face&lt;/b&gt; recognition", [], []),  # closed: markup
        # Half escaped, as XML need not escape a ">": read as a tag, and so two ways too; it was
        # read as markup alone, a certain "face recognition" (issue 18, twenty-sixth part)
        ("Bounds face&lt;b>recognition", [], ["face recognition"]),
        ("Bounds face<b&gt;recognition", [], ["face recognition"]),
        ("Bounds face&amp;lt;b>recognition", [], ["face recognition"]),
        ("Sur&lt;b>face&lt;/b> recognition", [], []),  # closed: markup
    ],
)
def test_a_tag_never_closed_reads_two_ways(text, certain, doubted):
    phrases = PhraseSet(["face recognition"])
    assert [h.phrase for h in phrases.find(text)] == certain
    assert [h.phrase for h in phrases.find_either_way(text)] == doubted
    if certain or doubted:  # both engines' prefilters let it through
        assert phrases.might_match(text) and set(_topic_words(phrases)) & text_words(text)
        assert phrases.may_be_among(plain_words(text.split()))


def test_a_comparison_keeps_its_words():
    assert without_markup("a<b>c", literal=True) == "a<b>c" and without_markup("a<b>c") == "ac"
    assert [h.phrase for h in PhraseSet(["b"]).find_either_way("if a<b>c then")] == ["b"]


# LaTeX in titles and abstracts (arXiv's, and publishers' that keep it) was read as written:
# "\textit{facial} recognition" held no "facial recognition" (spaCy kept the command on the word),
# nor "CO$_2$ capture" "CO2 capture" (issue 18, twenty-fifth part). Text commands are read as
# their text, as a formatting tag is; math as its letters and digits apart, as MathML's are.
LATEX = PhraseSet(["facial recognition", "face recognition", "CO2 capture", "R&D"])


@pytest.mark.parametrize(
    ("text", "phrase", "span"),
    [
        (r"Robust \textit{facial} recognition", "facial recognition", "facial} recognition"),
        (r"\emph{Facial recognition} in crowds", "facial recognition", "Facial recognition"),
        (r"On {\it facial} recognition", "facial recognition", "facial} recognition"),
        (r"Deep \textbf{\emph{face}} recognition", "face recognition", "face}} recognition"),
        (r"Amine CO$_2$ capture", "CO2 capture", "CO$_2$ capture"),
        (r"Amine CO$_{2}$ capture", "CO2 capture", "CO$_{2}$ capture"),
        (r"Amine CO\textsubscript{2} capture", "CO2 capture", r"CO\textsubscript{2} capture"),
        (r"The $\alpha$-face recognition", "face recognition", "face recognition"),
        (r"Corporate R\&D spending", "R&D", r"R\&D"),
        # BibTeX's braces keeping a capital inside a word, read as LaTeX sets them: spaCy cut
        # "{F}acial" into "F" and "acial", no phrase found (issue 18, twenty-sixth part)
        (r"{F}acial {R}ecognition in the wild", "facial recognition", "F}acial {R}ecognition"),
        (r"Robust {F}ace recognition", "face recognition", "F}ace recognition"),
        (r"Fac{IAL} recognition", "facial recognition", "Fac{IAL} recognition"),
    ],
)
def test_latex_is_read_as_rendered_with_its_span_as_given(text, phrase, span):
    assert_found_as_given(LATEX, text, phrase, span)


@pytest.mark.parametrize(
    "text",
    [
        r"Sur\textit{face} recognition",
        r"{\sc Sur}face recognition",
        r"Inter\emph{face} recognition",
        r"the face$$x$$recognition",  # display math is a block of its own
        r"\textit{face recognition",  # a group never closed is read as written
        r"Inter{F}ace recognition",  # BibTeX's braces inside a word: "InterFace"
        r"Sur{face} recognition",
    ],
)
def test_no_match_begins_inside_a_word_latex_cuts(text):
    assert LATEX.find(text) == []


def test_latex_reading():
    assert without_markup(r"\textit{face \{x\}} recognition") == r"face \{x\} recognition"
    assert without_markup(r"costs \$5 and $x$ of \unknown{y}") == r"costs $5 and  x  of \unknown{y}"
    assert without_markup("$$x$$") == " \u00b6 x \u00b6 "
    assert without_markup(r"{D}eep{F}akes and {F}ace-{S}wap") == "DeepFakes and Face-Swap"
    # braces around words, a command's argument, or holding more than letters and digits: as written
    assert (
        without_markup(r"{face recognition} \url{face}x {a,b}c {x y}") == r"{face recognition} \url{face}x {a,b}c {x y}"
    )


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*"ab f\\{}$_^<>/&;", "<i>", "</i>", "<b>", r"\textit{", r"{\it ", "&amp;"]), max_size=16)
)
def test_every_character_of_a_marked_up_reading_comes_from_its_span(pieces):
    """Markup's and LaTeX's readings, either way, are followed edit by edit: a span for every
    character read, in order, within the text."""
    text = "".join(pieces)
    for literal in (False, True):
        read, spans = topic_reading(text, literal=literal), topic_reading_spans(text, literal=literal)
        assert len(spans) == len(read)
        assert all(0 <= b < e <= len(text) for b, e in spans) and spans == sorted(spans)


@pytest.mark.parametrize(
    "text",
    [
        "a<b>c " * 30_000,  # bare tags, none closed: each looked for a closing one
        r"\textit{" * 50_000 + r"{\it x}" * 30_000,  # groups never closed, and closed ones
        "$" * 50_000 + "$a$" * 30_000,
    ],
)
def test_a_hostile_text_s_markup_is_read_in_linear_time(text):
    """A closing tag or brace was looked for from each opening one on (20 s for the second)."""
    _within(10, lambda: (topic_reading(text), topic_reading(text, literal=True), text_words(text)))


# MathML's space (issue 18, thirtieth part) was read as nothing, whatever its width: a formula
# setting "x", a space of 1em and "face recognition" as text (`<mml:mtext>`, as OpenAlex abstracts
# carry publishers' formulas) read "xface recognition", the phrase lost, the claim cleared. It is
# read as a space where it shows one: a width more than none, or a line break; with no width
# (MathML's default is 0em: https://www.w3.org/TR/MathML3/chapter3.html#presm.mspace) or a
# negative one, which pulls symbols together, as nothing, as before.
MSPACED = (
    'Let <mml:math><mml:mi>x</mml:mi><mml:mspace width="{}"/><mml:mtext>face recognition</mml:mtext></mml:math> hold'
)


@pytest.mark.parametrize(
    ("width", "read"),
    [
        ("1em", "x face"),
        ("0.25em", "x face"),
        ("thinmathspace", "x face"),
        ("10px", "x face"),
        ("0em", "xface"),
        ("-0.1em", "xface"),
        ("negativethinmathspace", "xface"),
    ],
)
def test_mathml_s_space_is_read_as_a_space_where_it_shows_one(width, read):
    assert read in without_markup(MSPACED.format(width))
    assert (PhraseSet(["face recognition"]).find(MSPACED.format(width)) != []) == (read == "x face")


def test_mathml_s_space_without_a_width_or_breaking_the_line_is_read_as_mathml_sets_it():
    assert without_markup("x<mml:mspace/>y") == "xy"
    assert without_markup('x<mml:mspace linebreak="newline"/>y') == "x y"
    assert without_markup('x<mspace height="1em" />y') == "xy"


def test_mathml_s_space_hides_no_phrase_on_both_engines(tmp_path):
    at_lab = [authorship("A", [LAB])]
    records = [
        work("W1", "Robust", abstract=MSPACED.format("1em"), authorships=at_lab),
        work("W2", "Robust", abstract=MSPACED.format("-0.1em"), authorships=at_lab),  # "xface": none
    ]
    result = topic_result_of_both_engines(tmp_path, records)
    assert [f.work.id for f in result.findings] == ["W1"]
    assert result.uncertain_findings == ()


# MathML's tokens side by side with no space element between (issue 18, thirty-second part): every
# tag inside a formula read as nothing, so an identifier before text ("<mml:mi>x</mml:mi><mml:mtext>
# face recognition</mml:mtext>") read "xface recognition", the phrase lost, the claim cleared. They
# render with no space, but are two tokens as often as one word spelt letter by letter (a formula
# Word's converter wrote, in a public textbook's Markdown found by code search, spells "Activation"
# in ten <mml:mi> before <mml:mtext>GLU</mml:mtext>): both readings are read, a phrase one alone holds
# a doubt, on both engines; a phrase both hold ("C O 2" joins as "CO2") certain as before.
SIDE_BY_SIDE = "Let <mml:math><mml:mi>x</mml:mi><mml:mtext>face recognition</mml:mtext></mml:math> hold"


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (SIDE_BY_SIDE, "Let x face recognition hold"),
        ("<mml:mi>Sur</mml:mi><mml:mrow><mml:mi>face</mml:mi></mml:mrow>", "Sur face"),
        ("<mi>C</mi><mi>O</mi><mn>2</mn> capture", "C O 2 capture"),
        ("<mml:mi>x</mml:mi><mml:mo>+</mml:mo><mml:mi>y</mml:mi>", "x+y"),  # no letter at the edge
        ('x<mml:mi>a</mml:mi><mml:mspace width="-0.1em"/><mml:mi>b</mml:mi>', "xab"),  # pulled together
    ],
)
def test_mathml_s_tokens_side_by_side_are_read_apart_in_the_other_reading(text, read):
    assert without_markup(text, literal=True) == read
    assert reads_two_ways(text) == (read != without_markup(text))


def test_a_scripts_base_and_script_are_no_tokens_side_by_side():
    # Set apart as a script is (test_topic_scripts.py), and "NO" with "x" below it is NOx.
    assert (
        mathml_tokens_side_by_side('<mml:msub><mml:mi mathvariant="normal">NO</mml:mi><mml:mi>x</mml:mi></mml:msub>')
        == []
    )
    assert mathml_tokens_side_by_side("<msub><mrow><mi>fa</mi></mrow><mrow><mi>ce</mi></mrow></msub>") == []
    assert mathml_tokens_side_by_side("<msub><mrow><mi>a</mi><mi>b</mi></mrow><mi>c</mi></msub>") == [(17, 22)]


# A script's junctions were each compared with every pair of tokens side by side (review of the
# thirty-second part): a formula of 5,000 tokens, a fifth of them scripts (a 130 KB abstract, as
# OpenAlex carries publishers' MathML), took 2.5 million comparisons each of the 23 times a work's
# topics read it, the four shipped topics 9.1 s of CPU where the text before the change took 2.6 s
# (3.4 s now). The junctions are sorted and the one after each closing tag found by bisection.
def _formula(tokens: list[str]) -> str:
    parts = {
        "script": "<mml:msub><mml:mi>x</mml:mi><mml:mn>1</mml:mn></mml:msub>",
        "letter": "<mml:mi>a</mml:mi>",
        "digit": "<mml:mn>2</mml:mn>",
        "operator": "<mml:mo>+</mml:mo>",
        "row": "<mml:mrow><mml:mi>b</mml:mi><mml:mi>c</mml:mi></mml:mrow>",
        "scripted row": "<mml:msup><mml:mrow><mml:mi>d</mml:mi><mml:mi>e</mml:mi></mml:mrow><mml:mi>f</mml:mi></mml:msup>",
    }
    return "<mml:math>" + "".join(parts[t] for t in tokens) + "</mml:math>"


_FORMULA_TOKENS = st.lists(
    st.sampled_from(["script", "letter", "digit", "operator", "row", "scripted row"]), max_size=12
)


@given(_FORMULA_TOKENS)
def test_tokens_side_by_side_leave_out_a_script_s_own_as_every_junction_compared_would(tokens):
    from claimwatch.works import _TOKENS_SIDE_BY_SIDE, _script_junctions

    text = _formula(tokens)
    junctions = _script_junctions(text)
    expected = [
        m.span(1) for m in _TOKENS_SIDE_BY_SIDE.finditer(text) if not any(m.start(1) < j <= m.end() for j in junctions)
    ]
    assert mathml_tokens_side_by_side(text) == expected


def test_tokens_side_by_side_in_a_long_formula_are_told_in_few_comparisons(monkeypatch):
    import claimwatch.works as works

    compared = 0

    class Junction(int):
        def __lt__(self, other: object) -> bool:
            nonlocal compared
            compared += 1
            return int(self) < int(other)  # type: ignore[call-overload]

        __gt__ = lambda self, other: Junction.__lt__(other, self)  # noqa: E731
        __le__ = lambda self, other: not Junction.__lt__(other, self)  # noqa: E731
        __ge__ = lambda self, other: not Junction.__lt__(self, other)  # noqa: E731

    junctions = works._script_junctions
    monkeypatch.setattr(works, "_script_junctions", lambda text: [Junction(j) for j in junctions(text)])
    text = _formula(["script", "letter", "digit", "letter", "operator"] * 1_000)
    apart = mathml_tokens_side_by_side(text)
    assert len(apart) == 2_000  # each letter beside the digit; each script's base and script not
    assert compared < 20 * len(apart)  # every junction compared for each: 3,500,500


def test_mathml_s_tokens_side_by_side_are_a_doubt_on_both_engines(tmp_path):
    at_lab = [authorship("A", [LAB])]
    records = [
        work("W1", "Robust", abstract=SIDE_BY_SIDE, authorships=at_lab),
        work(
            "W2",
            "<mml:math><mml:mi>f</mml:mi><mml:mi>a</mml:mi><mml:mi>c</mml:mi><mml:mi>e</mml:mi></mml:math> recognition",
            authorships=at_lab,
        ),
    ]
    result = topic_result_of_both_engines(tmp_path, records)
    assert [f.work.id for f in result.findings] == ["W2"]  # both readings hold it
    assert {f.work.id: f.uncertain_because for f in result.uncertain_findings} == {
        "W1": (
            "its abstract says \u201cx</mml:mi><mml:mtext>face recognition\u201d, where two MathML tokens stand side "
            "by side with no space between, which may be read as one word or as two, and only one of the two "
            "readings holds \u201cface recognition\u201d",
        )
    }
