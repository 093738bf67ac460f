"""Words of another sense of a topic's words (`doubt_phrases`, issue 18, eighteenth part).
Exclusions hide a match only inside the phrase written out, and other senses are written in
endless ways: "Developmental prosopagnosia and face recognition in children" (people's own
ability to recognise faces) counted as facial recognition, and "growth kinetics of E. coli in
synthetic media" as synthetic media, certainly. A topic's `doubt_phrases` name words of the
other sense (prosopagnosia, bacteria): a phrase match in a work whose title, keywords or
abstract also holds one is uncertain, said why; an OpenAlex topic id still counts; under `not:`
such a work is uncertain too. Both engines agree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimwatch import claims as claims_mod
from claimwatch.errors import InputError
from claimwatch.evaluate import evaluate
from claimwatch.evidence import open_evidence
from claimwatch.reports import renderers
from helpers import HIT, authorship, work, write
from test_negated_topics import BY_LAB, check, index, journal, preprint

WITH_HIT = [*BY_LAB, authorship("B. Partner", [HIT])]


def result(tmp_path: Path, records: list[dict], cond: str, topics: str = "{}"):
    """The claim (a works condition) over the records, as `test_negated_topics.check` judges it."""
    return check(tmp_path, records, {"c": cond}, topics)["c"]


PROSOPAGNOSIA = "Developmental prosopagnosia and face recognition in children"


def test_a_phrase_beside_a_word_of_another_sense_is_uncertain(tmp_path):
    records = [work("W1", PROSOPAGNOSIA, "2024-06-01", BY_LAB)]
    r = result(tmp_path, records, "{topic: facial-recognition}")
    assert (r.verdict, r.matched, r.uncertain) == ("insufficient_evidence", 0, 1)
    (f,) = r.uncertain_findings
    assert f.uncertain_because == (
        "its title also says \u201cprosopagnosia\u201d, where the words of Facial recognition may mean something "
        "else (a doubt phrase of the topic)",
    )
    assert [x.text for x in f.reasons if x.kind == "topic"] == ["face recognition"]  # the match is cited


def test_the_same_phrase_without_the_word_still_matches(tmp_path):
    records = [work("W1", "Masked face recognition in children's hospitals", "2024-06-01", BY_LAB)]
    r = result(tmp_path, records, "{topic: facial-recognition}")
    assert (r.verdict, r.matched, r.uncertain) == ("contradicted", 1, 0)


def test_a_word_of_another_sense_in_the_abstract_counts_too(tmp_path):
    abstract = "We measure the growth kinetics of Escherichia coli in synthetic media at 37 degrees"
    records = [work("W1", "Growth kinetics", "2024-06-01", BY_LAB, abstract_inverted_index=index(abstract))]
    r = result(tmp_path, records, "{topic: synthetic-media}")
    assert (r.matched, r.uncertain) == (0, 1)
    assert (
        r.uncertain_findings[0]
        .uncertain_because[0]
        .startswith("its abstract also says \u201cEscherichia coli\u201d, where the words of Synthetic media")
    )


# A doubt phrase was looked for in the text's certain reading alone, where the topic's phrases are
# looked for in every reading: "pro<b>sopagnosia" (a tag never closed, which may be markup) or
# "face\u2014blindness" (an em dash, which may stand for a hyphen) left a certain match of "face
# recognition", a finding (issue 18, twenty-sixth part). A doubt phrase any reading may hold
# leaves the match uncertain.
@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("Face recognition in developmental pro<b>sopagnosia", "pro<b>sopagnosia"),
        ("Face recognition in developmental pro&lt;b>sopagnosia", "pro&lt;b>sopagnosia"),
        ("Face recognition and face\u2014blindness in adults", "face\u2014blindness"),
        ("Face recognition after post-\nprosopagnosia training", "prosopagnosia"),
    ],
)
def test_a_doubt_phrase_one_reading_of_the_text_may_hold_leaves_the_match_uncertain(tmp_path, title, said):
    records = [work("W1", title, "2024-06-01", BY_LAB)]
    r = result(tmp_path, records, "{topic: facial-recognition}")
    assert (r.verdict, r.matched, r.uncertain) == ("insufficient_evidence", 0, 1)
    assert r.uncertain_findings[0].uncertain_because == (
        f"its title also says \u201c{said}\u201d, where the words of Facial recognition may mean something "
        "else (a doubt phrase of the topic)",
    )


def test_an_openalex_topic_of_the_work_still_counts_certainly(tmp_path):
    topic = "{faceids: {name: Faces, rationale: r, phrases: [face recognition], doubt_phrases: [prosopagnosia], openalex_topics: [T10057]}}"
    records = [work("W1", PROSOPAGNOSIA, "2024-06-01", BY_LAB, topics=[{"id": "https://openalex.org/T10057"}])]
    r = result(tmp_path, records, "{topic: faceids}", topics=topic)
    assert (r.matched, r.uncertain) == (1, 0)


def test_under_not_a_work_of_another_sense_is_uncertain_not_cleared(tmp_path):
    """A claim that the lab's HIT coauthors never work on anything but facial recognition: a work
    with a HIT coauthor whose face recognition is prosopagnosia's was read as about facial
    recognition, so no finding: cleared."""
    abstract = "Children with developmental prosopagnosia show impaired face recognition"
    records = [
        work("W1", "Face recognition in children", "2024-06-01", WITH_HIT, abstract_inverted_index=index(abstract))
    ]
    r = result(tmp_path, records, "{all: [{coauthor_in: [mil]}, {not: {topic: facial-recognition}}]}")
    assert (r.matched, r.uncertain) == (0, 1)
    assert (
        r.uncertain_findings[0]
        .uncertain_because[-1]
        .startswith("it may be about facial recognition: its abstract also says \u201cprosopagnosia\u201d")
    )


def test_a_version_of_another_sense_leaves_the_work_open_under_not(tmp_path):
    """The preprint's abstract speaks of prosopagnosia beside face recognition; its journal version
    gives an abstract without either: the work may be about the topic, so under `not:` it is
    uncertain, not certainly without it."""
    maybe = "We relate face recognition to prosopagnosia in adults"
    records = [preprint(maybe, title="Faces"), journal("We study how children see", title="Faces")]
    r = result(tmp_path, records, "{not: {topic: facial-recognition}}")
    assert (r.matched, r.uncertain) == (0, 1)
    assert "the work's versions do not settle whether it is about facial recognition" in " ".join(
        r.uncertain_findings[0].uncertain_because
    )


def test_a_doubt_phrase_with_no_word_is_refused(tmp_path):
    path = write(tmp_path / "claims/topics/t.yaml", "name: T\nrationale: r\nphrases: [x ray]\ndoubt_phrases: ['--']\n")
    with pytest.raises(InputError, match=r"doubt_phrases\[0\] '--' has no letter or digit"):
        claims_mod.load_topic(path)


def test_the_reports_say_which_words_leave_a_match_uncertain(tmp_path):
    records = [work("W1", PROSOPAGNOSIA, "2024-06-01", BY_LAB)]
    check(tmp_path, records, {"faces": "{topic: facial-recognition}"}, "{}")  # writes the case and its snapshot
    claims = claims_mod.load_claims([tmp_path / "claims/c.yaml"], root=tmp_path)
    results = evaluate(claims, [open_evidence(tmp_path / "snap")])
    formats = renderers()
    assert "- Uncertain beside: prosopagnosia, " in formats["md"](results)
    html = formats["html"](results)
    assert "uncertain beside:" in html
    # Drawn as words to look for, not struck through as an excluded phrase is: a match beside one
    # still shows, uncertain.
    assert '<span class="chip doubt">prosopagnosia</span>' in html
    assert '<span class="chip excluded">prosopagnosia</span>' not in html
    (topic,) = json.loads(formats["json"](results))["results"][0]["interpretation"]["topics"]
    assert topic["doubt_phrases"][0] == "prosopagnosia"


def test_the_claims_topic_line_counts_the_words_that_leave_a_match_uncertain(tmp_path):
    """Found by the nineteenth part's hunt: the line under a claim counted a topic's phrases,
    excluded phrases and OpenAlex topics, but not its doubt_phrases: only the Topics section
    far below said a match beside them is uncertain."""
    records = [work("W1", PROSOPAGNOSIA, "2024-06-01", BY_LAB)]
    check(tmp_path, records, {"faces": "{topic: facial-recognition}"}, "{}")
    claims = claims_mod.load_claims([tmp_path / "claims/c.yaml"], root=tmp_path)
    results = evaluate(claims, [open_evidence(tmp_path / "snap")])
    formats = renderers()
    (topic,) = json.loads(formats["json"](results))["results"][0]["interpretation"]["topics"]
    assert len(topic["doubt_phrases"]) > 1
    counted = f"{len(topic['doubt_phrases'])} doubt phrases (a match beside one is uncertain)"
    for fmt in ("md", "html"):
        (line,) = [line for line in formats[fmt](results).splitlines() if "Topic" in line and " excluded" in line]
        assert f" excluded, {counted}" in line, (fmt, line)


# A real title (Numata et al., PLOS ONE 20(4):e0319897, 2025, "Advancing non-human primate welfare:
# An automated facial recognition system for unrestrained cynomolgus monkeys",
# https://ouci.dntb.gov.ua/works/4bPPrRn5) was a certain match, `contradicted` (issue 18,
# thirty-seventh part): the monkeys come after "system for", which no exclusion holds. Laboratory
# primates are written "non-human primate" whatever the species: a doubt phrase, on both engines.
def test_a_match_beside_non_human_primates_is_uncertain(tmp_path):
    title = (
        "Advancing non-human primate welfare: An automated facial recognition system for unrestrained cynomolgus"
        " monkeys"
    )
    r = result(tmp_path, [work("W1", title, "2024-06-01", BY_LAB)], "{topic: facial-recognition}")
    assert (r.verdict, r.matched, r.uncertain) == ("insufficient_evidence", 0, 1)
    (f,) = r.uncertain_findings
    assert f.uncertain_because == (
        "its title also says \u201cnon-human primate\u201d, where the words of Facial recognition may mean something "
        "else (a doubt phrase of the topic)",
    )
    records = [work("W1", "Nonhuman primates: a facial recognition system for group housing", "2024-06-01", BY_LAB)]
    assert result(tmp_path / "n", records, "{topic: facial-recognition}").uncertain == 1
