"""Properties of the columnar engine that must hold for any input.

The SQL query may only widen: wherever the exact matchers find a name or a phrase, the query's
needles are in the table's text (`search_form`, `text_words`), so no match is ever screened out;
and for random records and random claims the two engines give the same report, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import json

import duckdb
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimwatch import claims as claims_mod
from claimwatch.columnar import DUCKDB, regex_literal, search_form, text_words
from claimwatch.columnar._plan import Plan
from claimwatch.columnar._sql import _Compiler
from claimwatch.evaluate import NameMatcher, PhraseSet, evaluate
from claimwatch.evaluate._grouping import _name_needles, _topic_words
from claimwatch.evidence import open_evidence_paths
from claimwatch.reports.jsonreport import render_json
from helpers import authorship, institution, named_topics, project, work, write, write_jsonl

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
    "Academy of Military Medical Sciences",
    "军事医学研究院",
    "FACC AG",
    "Xi'an Jiaotong University",
    "Xian Jiaotong University",
    "Xian University",
    "The Institute of Applied Physics and Computational Mathematics, Beijing",
    "The Academy",
    "Xi'an Technological University",
    "Technological University Dublin",
    "Harbin Engineering University",
    "Yıldız Teknik",
    "İstanbul Teknik",
    "Northwestern Polytechnical University",
    "Sun Yat-sen University",
    "North-West University",
    "University of Electronic Science and Technology of China",
    "Academy of Military Medical Sciences",
    "Chinese Academy of Sciences",
    "Technical University of Munich",
    "Istanbul Technical University",
    "China Electric Power Research Institute",
    "China Changfeng Mechanics and Electronics Technology Academy",
    "China North Industries Group",
    "Mechanics and Mathematical Institute",
    "China Ordnance Industries Group Corporation Limited",
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
    "Ried, Austria",
    "Hong Kong",
    "桂林电子科技大学",
    "哈尔滨工业大学校",
    "Harbin Insti\u00adtute of Tech\u200bnology",  # invisible characters inside words
    "哈尔滨\u200b工业大学",
    "\ufeffUSTC",
    "Xian Jiaotong Univ",
    "Xi\u2019an",
    "Xi\u02bcan",
    "Xi`an",
    "Xi\u00b4an Jiaotong",
    "Xian University",
    "Institute of Applied Physics and Computational Mathematics",
    "Beijing 100088",
    "Academy",
    "Xian Technol Univ",
    "Technol Univ Dublin",
    "Harbin Engn Univ",
    "YILDIZ Teknık",
    "i\u0307stanbul teknik",
    "North\u2010western Polytechnical",
    "Sun Yatsen Univ",
    "Northwest",
    "Xi\u2011an",
    "Univ Elect Sci & Technol China",
    "Acad Mil Med Sci",
    "Chinese Acad Sci",
    "Tech Univ Munich",
    "Istanbul Tech Univ",
    "China Elect Power Res Inst",
    "China Changfeng Mech & Elect Technol Acad",
    "China North Ind Grp",
    "Inst Appl Phys & Computat Math",
    "Mech & Math Inst",
    "China Ordnance Ind Grp Corp Ltd",
]
SEPARATORS = [", ", "; ", " ", "", "\n", " - ", "‐", "\u200b", "\u00ad"]
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
    "fac\u200bial",  # zero-width characters inside a word, read through by the matcher
    "deep\u2060fakes",
    "\ufeffFace",
    "F\u0430cial",  # a Cyrillic look-alike or a dotless "i" in a phrase's first word, a prefilter word
    "D\u0415EPFAKE",
    "qu\u0430ntums",
    "Fac\u0131al",
    "f\u0430c\u0435",
]
topic_text = st.one_of(
    st.lists(
        st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", "-", ", ", "", "\u00ad", "\u200b", " \u200c"])),
        max_size=8,
    ).map(lambda parts: "".join(w + s for w, s in parts)),
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


# What a claim file can hold: UTF-8 text, a NUL too (YAML writes it "\\0").
needle_text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=8)


@SETTINGS
@given(
    st.lists(needle_text | st.sampled_from(["%", "_", "!", "'", "a%b", "_!"]), min_size=1, max_size=9),
    st.text(max_size=40),
)
@example(["示例\x00实验室"], "示例\x00实验室, 北京")  # one needle, tested with contains(): a NUL in the SQL
@example(["'\x00'"], "'\x00''")
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


# --- Greek: lower() writes a capital sigma as σ or ς by what surrounds it -----------------------------

GREEK_LETTERS = "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρστυφχψωςάέήίόύώΐΰ"
# Characters lower() passes over when it decides a sigma is final (case-ignorable: marks,
# punctuation of words, soft hyphens, zero-width spaces), and others that cut words.
PASSED_OVER = [".", ":", "·", "'", "\u00ad", "\u200b", "\u0301", "\u0308", "\u2019"]
# Words that often end in a sigma, as Greek words do (ς, or Σ in capitals).
greek_word = st.builds(
    lambda stem, end: stem + end,
    st.text(st.sampled_from(GREEK_LETTERS), min_size=1, max_size=7),
    st.sampled_from(["ς", "Σ", "σ", "", "α"]),
)
greek_name = st.one_of(
    st.lists(greek_word, min_size=1, max_size=3).map(" ".join),
    # As "ΕΚΕΦΕ Δημόκριτος": its needle the longer word, which ends in a sigma.
    st.builds(
        lambda first, last: f"{first} {last}ς",
        st.text(st.sampled_from(GREEK_LETTERS), min_size=1, max_size=4),
        st.text(st.sampled_from(GREEK_LETTERS), min_size=5, max_size=8),
    ),
    st.sampled_from(["ΕΚΕΦΕ Δημόκριτος", "Πανεπιστήμιο Αθηνών", "Εθνικό Μετσόβιο Πολυτεχνείο", "ΣΣΕ", "Ιδρυμα Σ.Σ."]),
)


def _written(name: str, how: int) -> str:
    return [name, name.upper(), name.lower(), name.title()][how]


@st.composite
def greek_cases(draw) -> tuple[str, str]:
    """A name, and a text holding it, written as it is or in capitals, between Greek words, Latin
    letters and the characters lower() passes over, with or without spaces between: often right
    before some of those characters and a letter ("ΔΗΜΟΚΡΙΤΟΣ.Αθήνα")."""
    name = draw(greek_name)
    around = st.one_of(greek_word, st.sampled_from([*PASSED_OVER, " ", ", ", "-", "A", "x", "1"]))
    before = draw(st.lists(around, max_size=3))
    written = _written(name, draw(st.sampled_from([0, 1, 1, 2, 3])))
    passed_over = draw(st.lists(st.sampled_from(PASSED_OVER), max_size=2))
    after = draw(st.lists(around, max_size=3))
    return name, "".join([*before, written, *passed_over, draw(greek_word | st.just("")), *after])


def _sigma_blind(text: str) -> str:
    return text.replace("\u03c2", "\u03c3")


def _query_finds(needles: tuple[str, ...], text: str) -> bool:
    """The query's test of a needle on a search form, as it runs on the work's affiliation texts
    and on each authorship's (a list's elements)."""
    duck = _Compiler(Plan((), (), (), ()), DUCKDB)
    whole, inner = duck._needles("text", needles), duck._needles("a.t", needles)
    (found, in_list) = duckdb.execute(
        f"SELECT {whole}, len(list_filter(texts, lambda a: {inner})) > 0 "
        "FROM (SELECT ? AS text, [{'t': ?}] AS texts)",
        [text, text],
    ).fetchone()
    assert found == in_list
    return bool(found)


@settings(SETTINGS, max_examples=300)
@given(greek_cases())
@example(("ΕΚΕΦΕ Δημόκριτος", "ΕΚΕΦΕ ΔΗΜΟΚΡΙΤΟΣ.Αθήνα"))  # the reviewer's
@example(("ΕΚΕΦΕ Δημόκριτος", "ΕΚΕΦΕ ΔΗΜΟΚΡΙΤΟΣ:Αθήνα"))
@example(("ΕΚΕΦΕ Δημόκριτος", "ΕΚΕΦΕ ΔΗΜΟΚΡΙΤΟΣ·ΑΘΗΝΑ"))
@example(("ΕΚΕΦΕ Δημόκριτος", "ΕΚΕΦΕ ΔΗΜΟΚΡΙΤΟΣ\u00adΑθήνα"))
@example(("ΕΚΕΦΕ Δημόκριτος", "ΕΚΕΦΕ ΔΗΜΟΚΡΙΤΟΣ\u200bΑθήνα"))
@example(("ΕΚΕΦΕ Δημόκριτος", "ΕΚΕΦΕ ΔΗΜΟΚΡΙΤΟΣ\u0301Αθήνα"))  # a word to the matcher, joined in the search form
def test_the_query_never_rules_out_a_greek_name_the_matcher_finds(case):
    """The alias "ΕΚΕΦΕ Δημόκριτος" in "ΕΚΕΦΕ ΔΗΜΟΚΡΙΤΟΣ.Αθήνα", and any Greek name the matcher
    finds: a needle is lower-cased apart from the text's search form (which has σ there, a letter
    following past the "."), so they may differ at a sigma; the query reads either there."""
    name, text = case
    if NameMatcher([("k", name)]).find(text):
        assert _query_finds(_name_needles([name]), search_form(text)), (name, text)


def test_the_query_reads_either_sigma_at_a_needles_sigma():
    assert _query_finds(("δημοκριτος",), "εκεφε δημοκριτοσ.αθηνα")  # the reviewer's case
    assert _query_finds(("δημοκριτοσ",), "εκεφε δημοκριτος")
    assert not _query_finds(("δημοκριτοσ",), "εκεφε δημοκριτο")


@SETTINGS
@given(
    st.lists(st.text(st.sampled_from("σςΣaб.x"), min_size=1, max_size=4) | needle_text, min_size=1, max_size=9),
    st.text(st.sampled_from("σςΣaб.x "), max_size=20) | st.text(max_size=30),
)
def test_the_querys_needle_test_holds_where_the_needle_is_found_either_sigma_read_as_one(needles, text):
    """Exactly where the text holds a needle, ς and σ read as one letter: no wider."""
    assert _query_finds(tuple(needles), text) == any(_sigma_blind(n) in _sigma_blind(text) for n in needles)


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


def works_conditions(lists: list[str]) -> st.SearchStrategy[dict]:
    """Claims' `works:` conditions over the topics face and synth and these list ids: topics and
    list tests, under all, any and not, up to four leaves."""
    leaf = st.one_of(
        st.sampled_from(["face", "synth"]).map(lambda t: {"topic": t}),
        st.builds(
            lambda key, chosen, before: {key: chosen, **({"listed_before_publication": True} if before else {})},
            st.sampled_from(["coauthor_in", "affiliated_author_in"]),
            st.lists(st.sampled_from(lists), min_size=1, max_size=2, unique=True),
            st.booleans(),
        ),
    )

    # A named function, not a lambda: hypothesis reads `extend`'s source to see that it uses its
    # argument, and a lambda's source cut from its line does not always read back (a flaky
    # HypothesisDeprecationWarning, an error under our filterwarnings).
    def combined(inner: st.SearchStrategy[dict]) -> st.SearchStrategy[dict]:
        return st.one_of(
            st.lists(inner, min_size=1, max_size=3).map(lambda cs: {"all": cs}),
            st.lists(inner, min_size=1, max_size=3).map(lambda cs: {"any": cs}),
            inner.map(lambda c: {"not": c}),
        )

    return st.recursive(leaf, combined, max_leaves=4)


conditions = works_conditions(LISTS)
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
  - {id: beihang, name: Beihang University, ror: [00wk2mp56], country: CN, listed_from: 2024-01-05, verified: true,
     related: [{name: Academy of Military Medical Sciences, aliases: [军事医学研究院], called: [subsidiary], country: CN},
               {name: FACC AG, called: [subsidiary], place: Austria}]}
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
        "topics": named_topics(TOPICS, claims),
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
    # Real authors who are not the subject's: never fewer than none (an interleaved "author").
    assert all(r.unaffiliated is None or r.unaffiliated.coauthorships >= 0 for r in reference.results)
