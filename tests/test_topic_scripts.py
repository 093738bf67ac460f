"""Letters set as a subscript or a superscript, in topic phrases (issue 18, twenty-eighth part).

A script's marks are read as a space ("CO$_2$" and "CO<sub>2</sub>" as "CO 2"), and a phrase
joins pieces of a word apart ("re identification"): so "fa$_{ce}$ recognition", "fa" with "ce"
set below it and no word "face", was a certain "face recognition", a false accusation. A phrase
found only by joining a script's letters to the words beside it is a doubt, on both engines; a
script of digits is joined as before, and (thirty-second part) a chemical formula's count as a
variable ("NO$_x$ emissions", which is "NOx").

MathML's scripts (issue 18, twenty-ninth part): every tag inside a formula is read as nothing, so
"<mml:msub><mml:mi>fa</mml:mi><mml:mi>ce</mml:mi></mml:msub>" read "face", a certain "face
recognition"; a script element's letters read two ways now, as the other forms'."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from claimwatch.evaluate import PhraseSet
from claimwatch.works import _letter_scripts, letter_script_spans, may_hold_letter_scripts, reads_two_ways
from helpers import LAB, authorship, topic_result_of_both_engines, work

PHRASES = PhraseSet(["face recognition", "co2 capture", "nox emission"])
MSUB = "<mml:msub><mml:mi>fa</mml:mi><mml:mi>ce</mml:mi></mml:msub>"


@pytest.mark.parametrize(
    ("text", "script"),
    [
        (f"Deep {MSUB} recognition", MSUB),
        (r"Deep fa$_{ce}$ recognition", "_{ce}"),
        (r"Deep fa$_c$e recognition", "_c"),
        (r"Deep fa$^{ce}$ recognition", "^{ce}"),
        (r"Deep x$_{fa}$ce recognition", "_{fa}"),  # the script's end apart too
        (r"Deep fa\(_{ce}\) recognition", "_{ce}"),
        (r"Deep fa\textsubscript{ce} recognition", r"\textsubscript{ce}"),
        ("Deep fa<sub>ce</sub> recognition", "<sub>ce</sub>"),
        ("Deep fa<jats:sup>ce</jats:sup> recognition", "<jats:sup>ce</jats:sup>"),  # as JATS writes it
        ("Deep fa<inf>ce</inf> recognition", "<inf>ce</inf>"),  # as Scopus-derived titles write a subscript
        # MathML, as OpenAlex abstracts carry publishers' formulas: the script an element's second child
        (
            "Deep <mml:msub><mml:mrow><mml:mi>fa</mml:mi></mml:mrow><mml:mrow><mml:mi>ce</mml:mi></mml:mrow>"
            "</mml:msub> recognition",
            "<mml:msub><mml:mrow><mml:mi>fa</mml:mi></mml:mrow><mml:mrow><mml:mi>ce</mml:mi></mml:mrow></mml:msub>",
        ),
        ("Deep <msup><mi>fa</mi><mi>ce</mi></msup> recognition", "<msup><mi>fa</mi><mi>ce</mi></msup>"),
    ],
)
def test_a_phrase_found_only_by_joining_a_scripts_letters_is_no_certain_match(text, script):
    assert PHRASES.find(text) == []
    (hit,) = PHRASES.find_either_way(text)
    assert reads_two_ways(text)
    assert [text[b:e] for b, e in letter_script_spans(text)] == [script]
    at = text.index(script)
    assert hit.start < at + len(script) and at < hit.end  # the hit runs through the script


@pytest.mark.parametrize(
    "text",
    [
        r"CO$_2$ capture at scale",  # digits: "CO2", in both readings
        "CO<sub>2</sub> capture at scale",
        r"CO\textsubscript{2} capture at scale",
        r"Face recognition$^{a}$ at scale",  # a mark after the phrase
        r"Face recognition of CO$_{\alpha}$",  # a command's name is no letter of the script
        "Deep <sub>face</sub> recognition",  # a script standing as a word of its own joins none
        r"Deep $^{face}$ recognition",
        "<mml:msub><mml:mi>CO</mml:mi><mml:mn>2</mml:mn></mml:msub> capture at scale",  # MathML's digits
        "Face recognition of <mml:msub><mml:mi>x</mml:mi><mml:mi>i</mml:mi></mml:msub>",
    ],
)
def test_a_phrase_no_scripts_letters_join_stays_certain(text):
    (hit,) = PHRASES.find(text)
    assert PHRASES.find_either_way(text) == []
    assert hit.phrase in ("face recognition", "co2 capture")


# A chemical formula's count as a variable (issue 18, thirty-second part): "NO$_x$ emissions",
# nitrogen oxides as chemists write them in LaTeX, HTML, JATS and MathML, read "NO x" as well as
# "NOx", so a topic's "NOx emission" was only a doubt wherever the formula was typeset. A subscript
# x, y, z, n or delta after two or more element symbols is the formula's own; "fa$_{ce}$" still
# reads two ways.
@pytest.mark.parametrize(
    "text",
    [
        r"NO$_x$ emissions",
        r"NO$_{x}$ emissions",
        r"NO\(_x\) emissions",
        r"NO\textsubscript{x} emissions",
        "NO<sub>x</sub> emissions",
        "NO<inf>x</inf> emissions",  # as Scopus-derived titles write a subscript
        "NO<jats:sub>x</jats:sub> emissions",
        '<mml:math><mml:msub><mml:mi mathvariant="normal">NO</mml:mi><mml:mi>x</mml:mi></mml:msub></mml:math> '
        "emissions",
    ],
)
def test_a_formulas_count_as_a_variable_is_read_with_its_symbols(text):
    assert not reads_two_ways(text)
    assert letter_script_spans(text) == []
    (hit,) = PHRASES.find(text)
    assert hit.phrase == "nox emission"


@pytest.mark.parametrize(
    "text",
    [
        r"N$_x$ emissions",  # one symbol: a physicist's count as well
        r"aNO$_x$ emissions",  # no formula's word
        r"NO$_x$ce emissions",  # the word goes on past the script
        r"NO$^x$ emissions",  # a superscript is no count
        r"NO$_{xy}$ emissions",
        r"Co$_y$ emissions",  # one symbol
        "FA<sub>n</sub>CE RECOGNITION",  # "A" is no element's symbol
        # Three capitals or more alone are an acronym as often as symbols (review of the
        # thirty-second part): an index set below a model's or a device's acronym, the n-th
        # network, read "CNNx" alone, so a topic's "CNN" written in MathML was nothing, where it
        # was a doubt before the formula's count was read; "CFx" and "SiNx" are formulas still.
        r"CNN$_x$ models",
        "BCI<sub>n</sub> decoding",
        "<mml:msub><mml:mi>CNN</mml:mi><mml:mi>n</mml:mi></mml:msub> model",
    ],
)
def test_a_script_that_is_no_formulas_count_still_reads_two_ways(text):
    assert reads_two_ways(text)


@pytest.mark.parametrize(
    "text", [r"CF$_x$ cathodes", r"SiN$_x$ films", "<mml:msub><mml:mi>HfO</mml:mi><mml:mi>x</mml:mi></mml:msub>"]
)
def test_a_formula_of_two_symbols_or_a_small_letter_is_no_acronym(text):
    assert not reads_two_ways(text)


def test_an_acronym_with_an_index_below_is_found_as_before_on_both_engines(tmp_path):
    at_lab = [authorship("A", [LAB])]
    records = [
        work("W1", r"Training CNN$_x$ models", authorships=at_lab),
        work("W2", "Training <mml:msub><mml:mi>CNN</mml:mi><mml:mi>n</mml:mi></mml:msub> models", authorships=at_lab),
    ]
    topic = "id: face\nname: CNN\nrationale: Convolutional networks.\nphrases: [CNN]\n"
    result = topic_result_of_both_engines(tmp_path, records, topic)
    assert [f.work.id for f in result.findings] == ["W1"]
    assert [f.work.id for f in result.uncertain_findings] == ["W2"]


def test_a_formulas_count_is_certain_on_both_engines(tmp_path):
    at_lab = [authorship("A", [LAB])]
    records = [
        work("W1", r"Reducing NO$_x$ emissions from diesel engines", authorships=at_lab),
        work("W2", "Reducing NO<sub>x</sub> emissions from diesel engines", authorships=at_lab),
        work("W3", r"Deep fa$_{ce}$ recognition", authorships=at_lab),
    ]
    topic = "id: face\nname: NOx\nrationale: Nitrogen oxides.\nphrases: [NOx emission]\n"
    result = topic_result_of_both_engines(tmp_path, records, topic)
    assert [f.work.id for f in result.findings] == ["W1", "W2"]
    assert result.uncertain_findings == ()


def test_scripts_letters_are_a_doubt_on_both_engines(tmp_path):
    at_lab = [authorship("A", [LAB])]
    records = [
        work("W1", r"Deep fa$_{ce}$ recognition", authorships=at_lab),
        work("W2", "Deep fa<sub>ce</sub> recognition", authorships=at_lab),
        work("W3", r"Face recognition of CO$_2$ and NO$_x$", authorships=at_lab),
        work("W4", f"Deep {MSUB} recognition", authorships=at_lab),
    ]
    result = topic_result_of_both_engines(tmp_path, records)
    assert [f.work.id for f in result.findings] == ["W3"]
    assert {f.work.id: f.uncertain_because for f in result.uncertain_findings} == {
        "W1": (
            "its title says \u201cfa$_{ce}$ recognition\u201d, where letters set as a subscript or a superscript may "
            "be read as part of the word beside them or apart from it, and only one of the two readings holds "
            "\u201cface recognition\u201d",
        ),
        "W2": (
            "its title says \u201cfa<sub>ce</sub> recognition\u201d, where letters set as a subscript or a superscript "
            "may be read as part of the word beside them or apart from it, and only one of the two readings holds "
            "\u201cface recognition\u201d",
        ),
        "W4": (
            f"its title says \u201c{MSUB} recognition\u201d, where letters set as a subscript or a superscript "
            "may be read as part of the word beside them or apart from it, and only one of the two readings holds "
            "\u201cface recognition\u201d",
        ),
    }
    assert result.verdict == "contradicted"


_PIECES = ["$", "$$", "\\(", "\\)", "_", "^", "{", "}", "\\alpha", "\\textsubscript{", "<sub>", "</sub>",
           "<jats:sup>", "</jats:sup>", "&amp;", "fa", "ce", "2", " ", "\u00e9", "x", "<mml:msub>", "</mml:msub>",
           "<mml:mi>", "</mml:mi>", "<msup>", "</msup>", "<mrow>", "</mrow>", "<mn>", "</mn>"]  # fmt: skip


@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
@example("fa$_{2ce}$")
@example("fa$_\u00e9$")
@example("fa<sub class='x'>ce</sub>")
@example(f"Deep {MSUB}ce")
def test_the_cheap_test_passes_every_text_setting_letters_as_a_script(text):
    # The works table reads a text a second way only where the cheap test passes.
    assert may_hold_letter_scripts(text) or _letter_scripts(text) == []
