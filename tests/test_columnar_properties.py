"""Properties of the columnar engine that must hold for any input.

The SQL query may only widen: wherever the exact matchers find a name or a phrase, the query's
needles are in the table's text (`search_form`, `text_words`), so no match is ever screened out;
and for random records and random claims the two engines give the same report, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import json

import duckdb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimwatch import claims as claims_mod
from claimwatch.columnar import DUCKDB, regex_literal, search_form, text_words
from claimwatch.columnar._plan import Plan
from claimwatch.columnar._sql import _Compiler
from claimwatch.evaluate import NameMatcher, PhraseSet, evaluate
from claimwatch.evaluate._grouping import _name_needles, _topic_words
from claimwatch.evidence import open_evidence_paths
from claimwatch.reports.jsonreport import render_json
from helpers import authorship, institution, project, work, write, write_jsonl

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

NAMES = [
    "Harbin Institute of Technology",
    "HIT",
    "哈尔滨工业大学",
    "Beihang University",
    "Beijing University of Aeronautics and Astronautics",
    "Nanjing University of Science and Technology",
    "National University of Defense Technology",
    "Northeastern University",
    "Université de Montréal",
    "Example Lab",
    "EXL",
    "USTC",
    "示例实验室",
    "Tianjin University",
    "DeepMind",
    "CAS Key Laboratory for Quantum Information",
]
PIECES = [
    *NAMES,
    "Harbin Inst. of Technol.",
    "Nanjing Univ. of Sci. & Tech.",
    "Natl. Univ. of Def. Technol.",
    "Beihang Univ.",
    "Tianjin University of Technology",
    "UNIVERSITE DE MONTREAL",
    "Universite\u0301 de Montre\u0301al",  # decomposed accents
    "Ｈａｒｂｉｎ Ｉｎｓｔｉｔｕｔｅ",  # fullwidth
    "ＨＩＴ",
    "İstanbul",
    "Dept. of Communication Engineering",
    "EngineeringHarbin Institute of Technology",
    "School of Computing",
    "USTC's",
    "Harbin",
    "China",
    "Boston, MA, USA",
    "Hong Kong",
    "桂林电子科技大学",
    "哈尔滨工业大学校",
]
SEPARATORS = [", ", "; ", " ", "", "\n", " - ", "‐"]
affiliation_text = st.one_of(
    st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), min_size=1, max_size=5).map(
        lambda parts: "".join(p + s for p, s in parts)
    ),
    st.text(max_size=60),
)


@SETTINGS
@given(st.sampled_from(NAMES) | st.text(min_size=1, max_size=20), affiliation_text)
def test_a_name_the_matcher_finds_leaves_a_needle_in_the_search_form(name, text):
    found = NameMatcher([("k", name)]).find(text)
    if found:
        assert any(needle in search_form(text) for needle in _name_needles([name])), (name, text)


PHRASES = [
    "face recognition",
    "facial recognition",
    "reidentification",
    "re-identification",
    "text-to-speech",
    "deepfake",
    "speech synthesis",
    "talking head",
    "U.S. export control",
    "AI safety",
    "a priori",
    "quantum computing",
]
WORDS = [
    "face",
    "faces",
    "facial",
    "recognition",
    "re",
    "identification",
    "reidentification",
    "re-identification",
    "re‐identification",
    "text",
    "to",
    "speech",
    "text‐to‐speech",
    "deepfakes",
    "synthesis",
    "talking",
    "heads",
    "U.S.",
    "export",
    "controls",
    "AI",
    "ais",
    "safety",
    "a",
    "priori",
    "quantum",
    "quantization",
    "computing",
    "surface",
    "the",
    "of",
    "Face-Recognition",
]
topic_text = st.one_of(
    st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", "-", ", ", "", "\u00ad"])), max_size=8).map(
        lambda parts: "".join(w + s for w, s in parts)
    ),
    st.text(max_size=60),
)


@SETTINGS
@given(st.lists(st.sampled_from(PHRASES) | st.text(min_size=1, max_size=15), min_size=1, max_size=3), topic_text)
def test_a_text_the_phrase_prefilter_lets_through_holds_a_needle_word(phrases, text):
    found = PhraseSet(phrases)
    if found.might_match(text):
        assert set(_topic_words(found)) & text_words(text), (phrases, text)


@SETTINGS
@given(st.text(max_size=12), st.text(max_size=40))
def test_a_regex_literal_matches_exactly_its_text(needle, text):
    """In DuckDB's regular expressions (RE2), as Java's read them: any character by its code point."""
    (found,) = duckdb.execute("SELECT regexp_matches(?, ?)", [text, regex_literal(needle)]).fetchone()
    assert found == (needle in text)


# What a claim file can hold (UTF-8 text, no NUL, which SQL text cannot hold either).
needle_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=8)


@SETTINGS
@given(
    st.lists(needle_text | st.sampled_from(["%", "_", "!", "'", "a%b", "_!"]), min_size=1, max_size=9),
    st.text(max_size=40),
)
def test_the_querys_text_test_holds_exactly_where_python_finds_a_needle(needles, text):
    """A few needles one by one (`contains`), more as regular expressions; on a text and on the
    texts of a list's elements, where the query tests each authorship's affiliation text."""
    duck = _Compiler(Plan((), (), (), ()), DUCKDB)
    expected = any(n in text for n in needles)
    whole = duck._alternatives("text", needles)
    inner = duck._alternatives("a.t", needles)
    (found, in_list) = duckdb.execute(
        f"SELECT {whole}, len(list_filter(texts, lambda a: {inner})) > 0 "
        "FROM (SELECT ? AS text, [{'t': ?}] AS texts)",
        [text, text],
    ).fetchone()
    assert found == in_list == expected, (needles, text)


# --- random records and random claims: the two engines agree ------------------------------------------

LAB = institution("I100", "Example Lab", country="US")
HIT = institution("I200", "Harbin Institute of Technology")
CAMPUS = institution("I201", "HIT Shenzhen", lineage=["I201", "I200"])
BEIHANG = institution("I300", "Beihang University", ror="00wk2mp56")
OTHER = institution("I900", "Tsinghua University")
people = st.one_of(
    st.sampled_from([[LAB], [HIT], [CAMPUS], [BEIHANG], [OTHER], [LAB, HIT], []]).flatmap(
        lambda insts: st.builds(lambda raw: authorship("P", insts, raw), st.lists(affiliation_text, max_size=2))
    ),
    st.sampled_from(["Example Lab Institute", "Harbin Engineering University", "Kazan University"]).map(
        lambda name: authorship(name, [], raw=[])
    ),
)
dates = st.sampled_from(["2024-06-01", "2024-01-01", "2023-12-31", "2024-01-10", "2025-02-01", "2024-03", None])
dois = st.sampled_from(
    [None, None, "https://doi.org/10.1/a", "https://doi.org/10.1/b", "https://doi.org/10.48550/arXiv.2401.1"]
)


@st.composite
def records(draw):
    k = draw(st.integers(1, 40))
    abstract = draw(st.one_of(st.none(), topic_text))
    extra = {
        "doi": draw(dois),
        "keywords": [{"display_name": t} for t in draw(st.lists(topic_text, max_size=2))],
        "abstract_inverted_index": {w: [i] for i, w in enumerate(abstract.split())} if abstract else None,
        "is_authors_truncated": draw(st.booleans()),
        "topics": draw(st.sampled_from([[], [{"id": "https://openalex.org/T999"}]])),
    }
    return work(f"W{k}", draw(topic_text), draw(dates), draw(st.lists(people, max_size=5)), **extra)


LISTS = ["mil", "cn"]
leaf = st.one_of(
    st.sampled_from(["face", "synth"]).map(lambda t: {"topic": t}),
    st.builds(
        lambda key, lists, before: {key: lists, **({"listed_before_publication": True} if before else {})},
        st.sampled_from(["coauthor_in", "affiliated_author_in"]),
        st.lists(st.sampled_from(LISTS), min_size=1, max_size=2, unique=True),
        st.booleans(),
    ),
)
conditions = st.recursive(
    leaf,
    lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=3).map(lambda cs: {"all": cs}),
        st.lists(inner, min_size=1, max_size=3).map(lambda cs: {"any": cs}),
        inner.map(lambda c: {"not": c}),
    ),
    max_leaves=4,
)
claim = st.fixed_dictionaries(
    {
        "subject": st.sampled_from(["lab", "lab-us"]),
        "works": conditions,
        "expects": st.sampled_from(["none", {"at_least": 1}, {"at_most": 1}]),
    },
    optional={"from": st.sampled_from(["2024-01-10", "2024-01-01"]), "to": st.sampled_from(["2024-12-31"])},
)

CN_LIST = """\
id: cn
name: Placed in China
sources: [{title: s}]
entries:
  - {id: hit, name: Harbin Institute of Technology, aliases: [HIT, 哈尔滨工业大学], openalex: [I200], country: CN,
     listed_from: 2024-03-01, verified: true}
  - {id: neu, name: Northeastern University, country: CN, verified: true}
  - {id: beihang, name: Beihang University, ror: [00wk2mp56], country: CN, listed_from: 2024-01-05, verified: true}
"""
TOPICS = {
    "face": {
        "name": "Face",
        "rationale": "r",
        "phrases": ["face recognition", "facial recognition"],
        "exclude_phrases": ["face recognition vendor test"],
        "openalex_topics": ["T999"],
    },
    "synth": {"name": "Synth", "rationale": "r", "phrases": ["text-to-speech", "deepfake", "reidentification"]},
}
SUBJECTS = {
    "lab": {"name": "Example Lab", "openalex": ["I100"], "aliases": ["Example Lab", "EXL", "示例实验室"]},
    "lab-us": {"name": "Example Lab", "openalex": ["I100"], "aliases": ["Example Lab", "EXL"], "country": "US"},
}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(records(), max_size=12), st.lists(records(), max_size=4), st.lists(claim, min_size=1, max_size=3))
def test_random_records_and_claims_give_the_same_report(tmp_path_factory, first, second, claims):
    tmp = tmp_path_factory.mktemp("random")
    root = project(tmp)
    write(root / "evidence/lists/cn.yaml", CN_LIST)
    document = {
        "statement": {"speaker": "S", "made_on": "2024-01-10", "quote": "q", "sources": [{"title": "t"}]},
        "subjects": SUBJECTS,
        "topics": TOPICS,
        "claims": [{"id": f"c{i}", "says": "s", **c} for i, c in enumerate(claims)],
    }
    loaded = claims_mod.load_claims(
        [write(root / "claims/c.yaml", json.dumps(document, ensure_ascii=False))], root=root
    )
    paths = [write_jsonl(tmp / "a.jsonl", first), write_jsonl(tmp / "b.jsonl", second)]
    evidence = open_evidence_paths(paths)
    reference = evaluate(loaded, evidence, engine="python", as_of=dt.date(2025, 1, 1))
    columnar = evaluate(loaded, evidence, engine="duckdb", cache=tmp / "cache", as_of=dt.date(2025, 1, 1))
    assert render_json(columnar) == render_json(reference)
