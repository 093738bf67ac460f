"""The columnar engine (DuckDB) against the Python engine, which is the reference: the same
JSON report, byte for byte, on every corpus the tests have: a seeded corpus built to exercise
everything the engines must agree on (below), the shipped claims with the curated evidence and
OpenAlex versions of its works, the real OpenAlex records in ../shared/data, bench's generated
corpora, and random records and claims (hypothesis).

The seeded corpus: subjects found by id, lineage, ROR, a name in text (with and without a
country), an acronym, a Chinese name, an institution Crossref put among the authors; partners
found the same ways, look-alikes, names abroad; unaffiliated coauthors and the I-1 placeholder;
truncated author lists; dates exact, year-only (YYYY-01-01), month-only, missing, inside, outside
and straddling a period; versions of one work (a shared DOI, an arXiv DOI and an arXiv id, a copy
with no subject author, one with no date, the same record in two files); topic phrases in titles,
keywords and abstracts (an inverted index or plain text), hyphenated, inflected, inside an
excluded phrase, decoys; OpenAlex topic ids; retractions.
"""

from __future__ import annotations

import datetime as dt
import importlib
import itertools
import random
import sys
import threading
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimwatch import claims as claims_mod
from claimwatch.columnar import (
    TABLE_FORMAT,
    ClaimPlan,
    Listed,
    ListPlan,
    OnTopic,
    Plan,
    SubjectPlan,
    TopicPlan,
    screen,
    screening_query,
    write_works_table,
)
from claimwatch.errors import InputError, SourceError
from claimwatch.evaluate import evaluate
from claimwatch.evidence import import_works, open_evidence_paths
from claimwatch.reports.jsonreport import render_json
from helpers import authorship, institution, project, work, write, write_jsonl

PROJECT = Path(__file__).resolve().parents[1]

LAB = institution("I100", "Example Lab", country="US")
LAB_UNIT = institution("I101", "Example Lab Robotics Unit", lineage=["I101", "I100"], country="US")
LAB_BY_ROR = institution(None, "Example Laboratory Group", ror="05exmab22", country="US")
HIT = institution("I200", "Harbin Institute of Technology")
HIT_CAMPUS = institution("I201", "HIT Shenzhen", lineage=["I201", "I200"])
BEIHANG = institution("I300", "Beihang University", ror="00wk2mp56")
OTHER = institution("I900", "Tsinghua University")
ABROAD = institution("I12912129", "Northeastern University", country="US")
LOOKALIKE = institution("I910", "Harbin Medical University")
PLACEHOLDER = {"id": "https://openalex.org/I-1", "display_name": None, "ror": None, "country_code": None, "lineage": []}

SUBJECT_AUTHORS = [
    lambda: authorship("A. Lab", [LAB]),
    lambda: authorship("A. Unit", [LAB_UNIT]),
    lambda: authorship("A. Ror", [LAB_BY_ROR]),
    lambda: authorship("A. Text", [], raw=["Example Lab, Seattle, WA, USA"]),
    lambda: authorship("A. Bare", [], raw=["Example Lab"]),
    lambda: authorship("A. Abroad", [], raw=["Example Lab, Paris, France"]),
    lambda: authorship("A. Acronym", [], raw=["EXL, Seattle, USA"]),
    lambda: authorship("A. Chinese", [], raw=["示例实验室, 北京"]),
    lambda: authorship("A. Placeholder", [PLACEHOLDER], raw=[]),
    lambda: authorship("Example Lab Institute", [], raw=[]),  # Crossref's interleaved institution
    lambda: authorship("A. Dual", [LAB, HIT]),  # an intern: the lab's and a listed affiliation
    lambda: authorship("A. Joint", [], raw=["Example Lab, Seattle, USA", "HIT, Harbin, China"]),
]
PARTNERS = [
    lambda: authorship("B. Hit", [HIT]),
    lambda: authorship("B. Campus", [HIT_CAMPUS]),
    lambda: authorship("B. Beihang", [BEIHANG]),
    lambda: authorship("B. Abbrev", [], raw=["Sch. of Comp., Harbin Inst. of Technol., Harbin, China"]),
    lambda: authorship("B. Acronym", [], raw=["HIT, Harbin, China"]),
    lambda: authorship("B. Lone acronym", [], raw=["HIT"]),
    lambda: authorship("B. Chinese", [], raw=["哈尔滨工业大学计算机学院"]),
    lambda: authorship("B. Joined", [], raw=["Dept. of Communication EngineeringHarbin Institute of Technology"]),
    lambda: authorship("B. Accents", [], raw=["Ｈａｒｂｉｎ Institute of Technology, Harbin"]),
    lambda: authorship("B. Heu", [], raw=["Harbin Engineering University, Harbin, China"]),
    lambda: authorship("B. Lookalike", [LOOKALIKE]),
    lambda: authorship("B. Abroad", [ABROAD]),
    lambda: authorship("B. Boston", [], raw=["Beihang University, Boston, MA, USA"]),
    lambda: authorship("Harbin Engineering University", [], raw=[]),  # interleaved, names an entry
]
OTHERS = [
    lambda: authorship("C. Other", [OTHER]),
    lambda: authorship("C. Nowhere", [], raw=[]),
    lambda: authorship("C. Placeholder", [PLACEHOLDER], raw=[]),
    lambda: authorship("C. Text", [], raw=["Peking University, Beijing, China"]),
]
TITLE_WORDS = ["deep", "learning", "model", "data", "network", "robust", "efficient", "analysis", "of", "the", "images"]
PHRASES = [
    "face recognition",
    "Face-Recognition",
    "faces recognition",
    "facial recognition",
    "face verification",
    "face recognition vendor test",  # excluded
    "surface reconstruction",  # decoy
    "speech synthesis",
    "text‐to‐speech",  # Unicode hyphens
    "re identification",
    "reidentification",
    "deepfakes",
    "model quantization",  # decoy
]
DATES = [
    "2024-06-01",
    "2024-02-29",
    "2023-11-05",
    "2025-03-01",
    "2024-01-01",  # OpenAlex's year alone: straddles a 2024-01-10 start
    "2023-01-01",
    "2024-01-05",
    "2024-12-31",
    None,
    "2024-03",
]


def _abstract(rng: random.Random, phrase: str | None) -> dict[str, list[int]]:
    tokens = [rng.choice(TITLE_WORDS) for _ in range(rng.randint(5, 25))]
    if phrase:
        tokens[rng.randrange(len(tokens)) : 0] = phrase.split()
    index: dict[str, list[int]] = {}
    for i, t in enumerate(tokens):
        index.setdefault(t, []).append(i)
    return index


def _title(rng: random.Random, phrase: str | None) -> str:
    words = [rng.choice(TITLE_WORDS) for _ in range(rng.randint(3, 8))]
    if phrase:
        words.insert(rng.randrange(len(words) + 1), phrase)
    return " ".join(words).capitalize()


def record(rng: random.Random, k: int) -> dict[str, Any]:
    """One record drawn from the traits above."""
    people = []
    for _ in range(rng.choice([0, 1, 1, 1, 2])):
        people.append(rng.choice(SUBJECT_AUTHORS)())
    for _ in range(rng.choice([0, 0, 1, 1, 2])):
        people.append(rng.choice(PARTNERS)())
    for _ in range(rng.randint(0, 4)):
        people.append(rng.choice(OTHERS)())
    rng.shuffle(people)
    where = rng.random()
    phrase = rng.choice(PHRASES) if where < 0.5 else None
    extra: dict[str, Any] = {
        "abstract_inverted_index": _abstract(rng, phrase if where < 0.2 else None) if rng.random() < 0.7 else None,
        "keywords": [{"display_name": phrase}] if phrase and 0.2 <= where < 0.3 else [],
        "topics": [{"id": "https://openalex.org/T999"}] if rng.random() < 0.05 else [],
        "is_retracted": rng.random() < 0.03,
        "is_authors_truncated": rng.random() < 0.04,
    }
    if phrase and 0.3 <= where < 0.35:
        extra["abstract"], extra["abstract_inverted_index"] = f"We study {phrase} at scale.", None
    date = rng.choice(DATES)
    record = work(f"W{1000 + k}", _title(rng, phrase if 0.35 <= where < 0.5 else None), date, people, **extra)
    if date is None:
        record["publication_year"] = rng.choice([None, 2024])
    return record


def versions(rng: random.Random, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Other versions of some of the records: the same DOI, an arXiv DOI matching an arXiv id,
    the same OpenAlex id; some with no subject author or no date."""
    out = []
    for k, r in enumerate(records):
        roll = rng.random()
        if roll < 0.08:
            r["doi"] = f"https://doi.org/10.5555/shared.{k}"
            copy = dict(r, id=f"https://openalex.org/W{900_000 + k}", ids={})
            copy["publication_date"] = rng.choice(DATES)
            if rng.random() < 0.5:
                copy["authorships"] = [authorship("C. Other", [OTHER])]
            out.append(copy)
        elif roll < 0.12:
            r["doi"] = f"https://doi.org/10.48550/arXiv.2401.{k:05d}"
            copy = dict(r, id=f"https://openalex.org/W{950_000 + k}", ids={}, doi=None)
            copy["ids"] = {"arxiv": f"2401.{k:05d}"}
            copy["doi"] = f"https://doi.org/10.48550/arxiv.2401.{k:05d}"
            copy["publication_date"] = rng.choice(DATES)
            out.append(copy)
        elif roll < 0.14:
            out.append(dict(r, title="A copy in another file"))
    return out


def corpus(n: int, seed: int = 11) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """`n` records and the extra versions of some of them (for a second file)."""
    rng = random.Random(seed)
    records = [record(rng, k) for k in range(n)]
    return records, versions(rng, records)


CLAIMS = """\
statement: {speaker: Example Corp, made_on: 2024-01-10, quote: q, sources: [{title: t}]}
subjects:
  lab:
    name: Example Lab
    openalex: [I100]
    ror: [05exmab22]
    aliases: [Example Lab, EXL, 示例实验室]
  lab-us:
    name: Example Lab
    openalex: [I100]
    aliases: [Example Lab, EXL]
    country: US
topics:
  face:
    name: Face recognition
    rationale: r
    phrases: [face recognition, face verification, facial recognition]
    exclude_phrases: [face recognition vendor test]
    openalex_topics: [T999]
  synth:
    name: Synthetic media
    rationale: r
    phrases: [speech synthesis, text-to-speech, deepfake, reidentification]
  quiet:
    name: Nothing the corpus holds
    rationale: r
    phrases: [quantum teleportation]
claims:
  - {id: quiet, says: s, subject: lab, from: 2024-01-10, to: 2024-12-31, expects: none, works: {topic: quiet}}
  - {id: partners, says: s, subject: lab, from: 2024-01-10, expects: none, works: {coauthor_in: [mil]}}
  - {id: partners-us, says: s, subject: lab-us, from: 2024-01-10, to: 2024-12-31, expects: none,
     works: {coauthor_in: [mil]}, max_unaffiliated: 0.5}
  - {id: listed-before, says: s, subject: lab, from: 2024-01-10, expects: none,
     works: {coauthor_in: [mil], listed_before_publication: true}}
  - {id: dual, says: s, subject: lab, from: 2024-01-10, expects: none, works: {affiliated_author_in: [mil]}}
  - {id: face, says: s, subject: lab, from: 2024-01-10, to: 2025-06-30, expects: none, works: {topic: face}}
  - {id: synth-few, says: s, subject: lab, expects: {at_most: 3}, works: {topic: synth}}
  - {id: face-many, says: s, subject: lab-us, from: 2023-01-01, expects: {at_least: 2}, works: {topic: face}}
  - {id: both, says: s, subject: lab, from: 2024-01-10, expects: none,
     works: {all: [{topic: face}, {coauthor_in: [mil]}]}}
  - {id: either, says: s, subject: lab, from: 2024-01-10, expects: none,
     works: {any: [{topic: synth}, {affiliated_author_in: [mil], listed_before_publication: true}]}}
  - {id: alone, says: s, subject: lab, from: 2024-01-10, expects: none,
     works: {all: [{topic: face}, {not: {coauthor_in: [mil]}}]}}
"""

CN_LIST = """\
id: cn
name: Institutions placed in China
sources: [{title: A source}]
entries:
  - id: hit
    name: Harbin Institute of Technology
    aliases: [HIT, 哈尔滨工业大学]
    openalex: [I200]
    country: CN
    listed_from: 2024-03-01
    verified: true
  - id: neu
    name: Northeastern University
    country: CN
    listed_from: 2020-01-01
    verified: true
  - id: beihang
    name: Beihang University
    ror: [00wk2mp56]
    country: CN
    verified: false
"""

CURATED = """\
description: Versions of works the OpenAlex records hold too.
works:
{works}
"""


def engines_agree(claims, paths, cache: Path, **options: Any):
    """Both engines on the same evidence give the same JSON report, byte for byte; the
    reference's results are returned for the test to check that the corpus is not trivial."""
    evidence = open_evidence_paths(paths)
    reference = evaluate(claims, evidence, engine="python", **options)
    columnar = evaluate(claims, evidence, engine="duckdb", cache=cache, **options)
    assert render_json(columnar) == render_json(reference)
    return reference


def curated_version(wid: str, title: str, doi: str) -> str:
    """A curated work (for `CURATED`'s list): a preprint of 2024-01-20 with this DOI (written in
    a double-quoted YAML string as given), by Example Lab's author and one whose affiliation is
    HIT's name in text alone."""
    return f"""\
  - id: {wid}
    title: {title}
    versions:
      - label: preprint
        published: 2024-01-20
        doi: "{doi}"
        authors:
          - {{name: A, affiliations: [{{name: Example Lab, openalex: I100}}]}}
          - {{name: B, affiliations: [{{name: "Harbin Inst. of Technol., Harbin, China"}}]}}
        sources: [{{title: a page}}]
"""


def _curated_versions(records: list[dict[str, Any]]) -> str:
    """A curated work for each record with a DOI: a version of it another source recorded."""
    out = [
        curated_version(f"w{r['id'].rsplit('W', 1)[1]}", "A version", r["doi"].removeprefix("https://doi.org/"))
        for r in records
        if r.get("doi")
    ]
    return CURATED.format(works="".join(out[:6]))


@pytest.fixture()
def seeded(tmp_path):
    """The claims above, and the seeded corpus as two files of records, a snapshot declaring
    complete coverage of the lab, and curated versions of some of its works."""
    root = project(tmp_path)
    write(root / "evidence/lists/cn.yaml", CN_LIST)
    text = CLAIMS.replace("coauthor_in: [mil]}", "coauthor_in: [mil, cn]}")
    claims = claims_mod.load_claims([write(root / "claims/c.yaml", text)], root=root)
    records, copies = corpus(700)
    first = write_jsonl(tmp_path / "first.jsonl", records[:250])
    second = write_jsonl(tmp_path / "second.jsonl.gz", records[250:500] + copies, gz=True)
    source = write_jsonl(tmp_path / "for-snapshot.jsonl", records[500:])
    snapshot = tmp_path / "snapshot"
    import_works(source, snapshot, institutions=["I100"], start=dt.date(2023, 1, 1), end=dt.date(2025, 12, 31))
    curated = write(root / "evidence/curated/versions.yaml", _curated_versions(records))
    return claims, [first, second, snapshot, curated]


def test_the_seeded_corpus_gives_the_same_report(seeded, tmp_path):
    claims, paths = seeded
    results = engines_agree(claims, paths, tmp_path / "cache")
    by_id = {r.claim: r for r in results.results}
    # Not a trivial agreement: matches, doubts, coauthors without affiliations, every verdict kind.
    assert all(by_id[c].matched for c in ("partners", "dual", "face", "both", "either"))
    assert all(by_id[c].uncertain for c in ("partners", "partners-us", "listed-before", "face"))
    assert by_id["partners"].unaffiliated.unaffiliated > 0
    assert {r.verdict for r in results.results} == {"contradicted", "supported", "not_contradicted"}
    assert any(len(f.work.records) > 1 for r in results.results for f in r.findings)  # versions joined


def test_keys_sharing_a_hash_only_make_more_candidates(seeded, tmp_path, monkeypatch):
    """The query groups identity keys by their hash: were every key to share one, every work
    would be a version of every other to the query, a candidate for every claim, and the
    report the same (the exact matchers group by the keys themselves)."""
    from claimwatch.columnar import _sql

    claims, paths = seeded
    monkeypatch.setattr(_sql.Dialect, "key_hash", lambda self, text: "0")
    results = engines_agree(claims, paths, tmp_path / "cache")
    assert any(len(f.work.records) > 1 for r in results.results for f in r.findings)


def test_each_claim_alone_and_an_as_of_give_the_same_report(seeded, tmp_path):
    """One claim a run (the query's columns are numbered by claim, list and subject) and an
    open-ended claim assessed to a given day."""
    claims, paths = seeded
    for f in claims.files:
        for c in f.claims:
            one = claims.model_copy(update={"files": (f.model_copy(update={"claims": (c,)}),)})
            engines_agree(one, paths, tmp_path / "cache", as_of=dt.date(2024, 9, 30))


def test_a_table_made_once_is_read_from_the_cache(seeded, tmp_path, capsys):
    claims, paths = seeded
    evidence = open_evidence_paths(paths[:1])
    evaluate(claims, evidence, engine="duckdb", cache=tmp_path / "cache")
    assert "making a columnar copy of" in capsys.readouterr().err
    again = evaluate(claims, evidence, engine="auto", cache=tmp_path / "cache")
    assert capsys.readouterr().err == ""
    assert render_json(again) == render_json(evaluate(claims, evidence, engine="python"))


REAL_CLAIMS = """\
statement: {speaker: A university, made_on: 2017-01-01, quote: q, sources: [{title: t}]}
subjects:
  sfu:
    name: Simon Fraser University
    openalex: [I18014758]
    aliases: [Simon Fraser University, Scholarly Communications Lab]
  uqam:
    name: Université du Québec à Montréal
    aliases: [Université du Québec à Montréal, UQAM]
    country: CA
topics:
  open-access:
    name: Open access
    rationale: r
    phrases: [open access, altmetric]
    openalex_topics: [T13607]
claims:
  - {id: sfu-partners, says: s, subject: sfu, from: 2017-01-01, expects: none, works: {coauthor_in: [partners]}}
  - {id: sfu-topic, says: s, subject: sfu, from: 2017-01-01, to: 2021-12-31, expects: none,
     works: {topic: open-access}}
  - {id: uqam-dual, says: s, subject: uqam, expects: {at_least: 1}, works: {affiliated_author_in: [partners]}}
  - {id: uqam-topic, says: s, subject: uqam, expects: none, works: {topic: open-access}}
"""
PARTNERS_LIST = """\
id: partners
name: Partners
sources: [{title: A source}]
entries:
  - {id: kyoto, name: Kyoto University, openalex: [I22299242], listed_from: 2019-01-01, verified: true}
  - {id: kit, name: Karlsruhe Institute of Technology, country: DE, verified: true}
  - {id: uw, name: University of Washington, ror: [00cvxb145], verified: true}
  - {id: udem, name: Université de Montréal, aliases: [UdeM], country: CA, verified: true}
"""


def test_the_real_openalex_records_give_the_same_report(shared_data, tmp_path):
    """The real records in ../shared/data: an API page, read as it is and imported, and one work."""
    root = project(tmp_path)
    write(root / "evidence/lists/partners.yaml", PARTNERS_LIST)
    claims = claims_mod.load_claims([write(root / "claims/c.yaml", REAL_CLAIMS)], root=root)
    page, one = shared_data / "openalex/api-page-works.json", shared_data / "openalex/W2741809807.json"
    snapshot = tmp_path / "snapshot"
    import_works(page, snapshot, institutions=["I18014758"], subjects_may_be_empty=True)
    results = engines_agree(claims, [page, one, snapshot], tmp_path / "cache")
    assert sum(r.matched + r.uncertain for r in results.results) >= 2


def _openalex_version(arxiv: str, k: int, date: str) -> dict[str, Any]:
    """An OpenAlex record of an arXiv paper: MSRA and USTC authors, as the arXiv DOI gives it."""
    msra = institution("I4210113369", "Microsoft Research Asia", ror="0300m5276")
    ustc = institution("I126520041", "University of Science and Technology of China", ror="04c4dkn09")
    people = [authorship("A. Msra", [msra]), authorship("B. Ustc", [ustc]), authorship("C. None", [], raw=[])]
    return work(
        f"W77{k}",
        "Zero-shot speech synthesis with diffusion",
        date,
        people,
        doi=f"https://doi.org/10.48550/arXiv.{arxiv}",
    )


def test_the_shipped_case_gives_the_same_report(tmp_path):
    """The shipped claims and curated evidence, with OpenAlex versions of the curated works (their
    arXiv DOIs join them to the curated versions) and a few other MSRA works."""
    claims = claims_mod.load_claims(sorted((PROJECT / "claims").glob("*.yaml")), root=PROJECT)
    records = [
        _openalex_version(arxiv, k, date)
        for k, (arxiv, date) in enumerate(
            [
                ("2403.03100", "2024-03-05"),
                ("2404.10667", "2024-01-01"),
                ("2311.04496", "2023-11-08"),
                ("2408.10096", None),
            ]
        )
    ]
    jsonl = write_jsonl(tmp_path / "openalex.jsonl", records)
    paths = [PROJECT / "evidence/curated/msra-2024.yaml", jsonl]
    results = engines_agree(claims, paths, tmp_path / "cache")
    assert any(len(f.work.records) > 1 for r in results.results for f in (*r.findings, *r.uncertain_findings))


@pytest.fixture(scope="module")
def bench_generate():
    sys.path.insert(0, str(PROJECT / "bench"))
    from generate import generate

    return generate


def test_the_bench_corpus_gives_the_same_report(bench_generate, tmp_path):
    """bench's corpus and claims (bench/generate.py, bench/project), at a small size."""
    corpus_path = tmp_path / "corpus.jsonl.gz"
    bench_generate(3000, corpus_path)
    snapshot = tmp_path / "snapshot"
    import_works(
        corpus_path, snapshot, institutions=["I4210113369"], start=dt.date(2024, 1, 10), end=dt.date(2025, 6, 30)
    )
    bench = PROJECT / "bench/project"
    claims = claims_mod.load_claims([bench / "claims/bench.yaml"], root=bench)
    results = engines_agree(claims, [snapshot], tmp_path / "cache")
    assert sum(1 for r in results.results if r.matched) >= 4


def test_a_broken_record_is_the_same_error_either_way(tmp_path):
    root = project(tmp_path)
    claims = claims_mod.load_claims([write(root / "claims/c.yaml", CLAIMS)], root=root)
    broken = tmp_path / "broken.jsonl"
    broken.write_bytes(
        b'{"id": "https://openalex.org/W1", "title": "t"}\n{"id": "https://openalex.org/W2", "title": \n'
    )
    errors = []
    for engine in ("python", "duckdb"):
        with pytest.raises(InputError) as caught:
            evaluate(claims, open_evidence_paths([broken]), engine=engine, cache=tmp_path / "cache")
        errors.append(caught.value.lines())
    assert errors[0] == errors[1] and errors[0][0].startswith(f"{broken}:2:")


def test_the_features_synthetic_case_with_its_reviews_gives_the_same_report(tmp_path):
    """The Gherkin features' synthetic lab (features/data), its works as a file and as a
    snapshot, with the reviews its features apply."""
    from claimwatch.reviews import load_reviews

    data = PROJECT / "features/data"
    claims = claims_mod.load_claims([data / "synthetic-claims.yaml"], lists=[data / "lists"])
    snapshot = tmp_path / "snapshot"
    period = {"start": dt.date(2024, 1, 1), "end": dt.date(2024, 12, 31)}
    import_works(data / "synthetic-works.jsonl", snapshot, institutions=("I9990000001",), **period)
    reviews = load_reviews(data / "synthetic-reviews.yaml")
    results = engines_agree(claims, [snapshot], tmp_path / "cache", reviews=reviews)
    assert any(r.dismissed for r in results.results) and any(r.lapsed_reviews for r in results.results)
    engines_agree(claims, [data / "synthetic-works.jsonl"], tmp_path / "cache", as_of=dt.date(2025, 1, 15))


def test_a_topic_is_searched_once_a_work_under_every_claim_s_guard(tmp_path):
    """Two claims on one topic over different periods, and one about a list: the query searches
    the topic's words once a work, and only where one of the two claims may take the work in. A
    work in either period is a candidate for the claim whose period it is in; one outside both,
    or with no subject author, is not, however many of the topic's words it holds."""
    by_lab = [authorship("A. Lab", [LAB]), authorship("B. Other", [OTHER])]
    records = [
        work("W1", "Face recognition at scale", "2021-05-01", by_lab),  # the first claim's period
        work("W2", "Face recognition at scale", "2024-05-01", by_lab),  # the second's
        work("W3", "Face recognition at scale", "2018-05-01", by_lab),  # neither
        work("W4", "Face recognition at scale", "2024-05-01", [authorship("B. Other", [OTHER])]),
        work("W5", "Graph learning at scale", "2024-05-01", by_lab),  # not on the topic
    ]
    table = tmp_path / "works.parquet"
    write_works_table(((k + 1, orjson.dumps(r)) for k, r in enumerate(records)), table)
    words = tuple(f"face{'s' * k}" for k in range(8))  # enough words for a regular expression
    plan = Plan(
        subjects=(SubjectPlan(("I100",), (), ()),),
        lists=(ListPlan(("I200",), (), ()),),
        topics=(TopicPlan(words, ()),),
        claims=(
            ClaimPlan(0, dt.date(2021, 1, 1), dt.date(2021, 12, 31), OnTopic(0)),
            ClaimPlan(0, dt.date(2024, 1, 1), dt.date(2024, 12, 31), OnTopic(0)),
            ClaimPlan(0, dt.date(2024, 1, 1), dt.date(2024, 12, 31), Listed((0,))),
        ),
    )
    query = screening_query(plan, [str(table)])
    assert query.count("\\x{20}faces\\x{20}") == 1
    (topic,) = [line.strip() for line in query.splitlines() if line.endswith(" AS t0")]
    guard = topic.partition(" THEN ")[0]  # the two topic claims' subject and periods, no other's
    assert guard.startswith("CASE WHEN ((s0 > 0 OR (s0_text OR") and guard.count("s0 > 0") == 2
    assert [d in guard for d in ("2021-01-01", "2021-12-31", "2024-01-01", "2024-12-31")] == [True] * 4
    found = screen(query, 1, 3)
    assert found.candidates == [[(0, 0b001), (1, 0b010)]]


def test_a_work_whose_subject_only_a_name_in_text_shows_is_tested_for_the_claims_it_may_meet(tmp_path):
    """A work whose subject's author only a name in the affiliation text may show (an author of
    MSRA with no institution id, as bench's million gives a fifth of its candidates) is judged
    whatever it holds, so that the claims count it once the name is read: but the exact matchers
    run only the tests its columns cannot rule out, where they ran every claim's (bench's million:
    6,814 such works, every one of its five claims' tests each, none of which met any). A record
    linked to another by a shared key is still tested for every claim."""
    by_name = [authorship("A. Lab", [], raw=["Example Lab, Beijing"]), authorship("B. Other", [OTHER])]
    with_listed = [authorship("A. Lab", [], raw=["Example Lab, Beijing"]), authorship("C. Listed", [HIT])]
    records = [
        work("W1", "Graph learning at scale", "2024-05-01", by_name),  # neither the topic nor the list
        work("W2", "Face recognition at scale", "2024-05-01", by_name),  # the topic, in the second period
        work("W3", "Graph learning at scale", "2024-05-01", with_listed),  # the list
        work("W4", "Face recognition at scale", "2018-05-01", by_name),  # outside every period
        work("W5", "Graph learning at scale", "2024-05-01", by_name, doi="https://doi.org/10.1109/example.2024.5"),
        work("W6", "Graph learning at scale", "2018-05-01", by_name, doi="https://doi.org/10.1109/example.2024.5"),
    ]
    table = tmp_path / "works.parquet"
    write_works_table(((k + 1, orjson.dumps(r)) for k, r in enumerate(records)), table)
    plan = Plan(
        subjects=(SubjectPlan(("I100",), (), ("example",)),),
        lists=(ListPlan(("I200",), (), ()),),
        topics=(TopicPlan(("face",), ()),),
        claims=(
            ClaimPlan(0, dt.date(2021, 1, 1), dt.date(2021, 12, 31), OnTopic(0)),
            ClaimPlan(0, dt.date(2024, 1, 1), dt.date(2024, 12, 31), OnTopic(0)),
            ClaimPlan(0, dt.date(2024, 1, 1), dt.date(2024, 12, 31), Listed((0,))),
        ),
    )
    found = screen(screening_query(plan, [str(table)]), 1, 3)
    assert found.candidates == [[(0, 0b000), (1, 0b010), (2, 0b100), (4, 0b111), (5, 0b111)]]


# Review of the narrowing above (thirty-first part): works a name in text alone ties to the subject,
# none linked to another, under claims of every kind. Their forms are real records': an alias and a
# Chinese name in raw affiliation strings with no institution id (bench's MSRA authors), Web of
# Science's "Harbin Inst. of Technol.", the subject and an entry both in one author's string, and
# Crossref's institutions put among the authors with no affiliation ("Harbin Institute of Technology"
# as an author, as OpenAlex passes on Crossref's author lists: `works._is_institution_name`).
NAMED_ONLY_SUBJECT = """\
subjects:
  lab: {name: Example Lab, openalex: [I100], aliases: [Example Lab, EXL, 示例实验室], country: CN}
"""
CLAIMS_OF_EVERY_KIND = """\
claims:
  - {id: co, says: s, subject: lab, from: 2024-03-01, to: 2024-12-31, expects: none, works: {coauthor_in: [mil]}}
  - {id: aff, says: s, subject: lab, from: 2024-03-01, expects: none, works: {affiliated_author_in: [mil]}}
  - {id: before, says: s, subject: lab, expects: none, works: {coauthor_in: [mil], listed_before_publication: true}}
  - {id: face, says: s, subject: lab, from: 2024-01-01, to: 2024-02-29, expects: none, works: {topic: face}}
  - {id: notface, says: s, subject: lab, expects: none, works: {all: [{coauthor_in: [mil]}, {not: {topic: face}}]}}
  - {id: notlist, says: s, subject: lab, from: 2025-01-01, expects: {at_most: 1}, works: {not: {coauthor_in: [mil]}}}
  - {id: open, says: s, subject: lab, expects: none, works: {any: [{topic: face}, {affiliated_author_in: [mil]}]}}
"""


def _works_named_only_by_text() -> list[dict[str, Any]]:
    """Each way a name in text alone ties a work to the subject, beside a listed author (by name
    only), an unaffiliated one or none, at each date precision and period edge, the topic in the
    title, the keywords, the abstract or nowhere."""
    tsinghua = institution("I900", "Tsinghua University")
    interleaved = [authorship("Example Lab Institute", [], raw=[])]
    people = [
        [
            authorship("A", [], raw=["Example Lab, Beijing"]),
            authorship("B", [], raw=["Harbin Inst. of Technol., Harbin"]),
        ],
        [authorship("A", [], raw=["Example Lab, Beijing; Harbin Institute of Technology, Harbin"])],
        [authorship("A", [], raw=["示例实验室, 北京"]), authorship("B", [], raw=["哈尔滨工业大学"])],
        [authorship("A", [], raw=["EXL, Beijing"]), authorship("B", [tsinghua])],
        [*interleaved, authorship("Harbin Institute of Technology", [], raw=[]), authorship("B", [tsinghua])],
        [*interleaved, authorship("B", [], raw=["HIT, Harbin, China"])],
        [authorship("A", [], raw=["Example Lab, Paris, France"]), authorship("B", [], raw=["HIT, Harbin"])],
        [authorship("A", [], raw=["Example Lab, Beijing"]), authorship("B", [], raw=[])],
    ]
    dates = ["2024", "2024-02", "2024-02-29", "2024-03-01", "2024-12-31", "2025-01-01", "2023-12-31", None]
    texts = [("Face recognition at scale", []), ("Graph learning", []), ("Graph learning", ["face recognition"])]
    records = []
    for authors, date, (title, keywords) in itertools.product(people, dates, texts):
        k = len(records) + 1
        record = work(f"W{k}", title, date, authors, keywords=[{"display_name": x} for x in keywords])
        if k % 5 == 0:
            record["abstract_inverted_index"] = {"We": [0], "study": [1], "graphs": [2]}
        elif k % 7 == 0:
            record["abstract_inverted_index"] = {"face": [0], "recognition": [1]}
        records.append(record)
    return records


def test_works_a_name_in_text_alone_ties_to_the_subject_give_the_same_report(tmp_path):
    """The screening gives such a work only the tests its columns and dates cannot rule out
    (`_sql._may_take_in`): a listed partner by name only, the subject's Chinese name or acronym,
    an institution Crossref put among the authors naming the subject or an entry, a year or a
    month for a date, no date, a period's edges, no period, a `not:` over a topic or a list. The
    reports are the same, and every claim finds or doubts some work."""
    claims = _small_case(tmp_path, NAMED_ONLY_SUBJECT, CLAIMS_OF_EVERY_KIND)
    path = write_jsonl(tmp_path / "works.jsonl", _works_named_only_by_text())
    results = engines_agree(claims, [path], tmp_path / "cache")
    assert all(r.findings or r.uncertain_findings for r in results.results)
    assert [r.claim for r in results.results if r.findings] == ["co", "aff", "before", "face", "notface", "open"]


# --- found in review ------------------------------------------------------------------------------

MSRA = institution("I4210113369", "Microsoft Research Asia", ror="0300m5276")


def _small_case(tmp_path: Path, subjects: str, claims: str, lists: dict[str, str] | None = None):
    """A project with the given subjects, claims and lists (beside `project`'s own)."""
    root = project(tmp_path)
    for list_id, text in (lists or {}).items():
        write(root / f"evidence/lists/{list_id}.yaml", text)
    statement = "statement: {speaker: X, made_on: 2024-01-10, quote: q, sources: [{title: t}]}\n"
    path = write(root / "claims/c.yaml", statement + subjects + claims)
    return claims_mod.load_claims([path], root=root)


# A YAML block scalar (`|`) ends its text with a newline: "HIT\n", "MSRA\n".
BLOCK_SCALAR_ALIASES = """\
subjects:
  lab: {name: Example Lab, openalex: [I100]}
  msra:
    name: Microsoft Research Asia
    openalex: [I4210113369]
    aliases:
      - |
        MSRA
"""
BLOCK_SCALAR_LIST = """\
id: acronyms
name: Listed by an acronym
sources: [{title: A source}]
entries:
  - id: hit
    name: Harbin Institute of Technology
    aliases:
      - |
        HIT
    country: CN
    listed_from: null
    verified: true
"""


def test_an_alias_ending_in_a_newline_is_found_by_both_engines(tmp_path):
    """The reviewer's cases: "HIT\n" as a list entry's alias and "MSRA\n" as a subject's. The
    Python engine found each as an acronym; the query's needles kept the newline and ruled the
    works out (a false clearance)."""
    claims = _small_case(
        tmp_path,
        BLOCK_SCALAR_ALIASES,
        "claims:\n"
        "  - {id: by-list-alias, says: s, subject: lab, from: 2024-01-10, expects: none,"
        " works: {coauthor_in: [acronyms]}}\n"
        "  - {id: by-subject-alias, says: s, subject: msra, from: 2024-01-10, expects: none,"
        " works: {coauthor_in: [mil]}}\n",
        {"acronyms": BLOCK_SCALAR_LIST},
    )
    records = [
        work(
            "W1",
            "A paper",
            "2024-06-01",
            [authorship("A. Lab", [LAB]), authorship("B. Hit", [], raw=["HIT, Shenzhen, China"])],
        ),
        work(
            "W2",
            "A paper",
            "2024-06-01",
            [authorship("A. Msra", [], raw=["MSRA, Beijing, China"]), authorship("B. Hit", [HIT])],
        ),
    ]
    path = write_jsonl(tmp_path / "works.jsonl", records)
    results = engines_agree(claims, [path], tmp_path / "cache")
    found = {r.claim: [f.work.id for f in (*r.findings, *r.uncertain_findings)] for r in results.results}
    assert found == {"by-list-alias": ["W1"], "by-subject-alias": ["W2"]}


def test_a_name_holding_a_nul_is_found_by_both_engines(tmp_path):
    """YAML writes a NUL as "\\0", and a Chinese name is its own needle, NUL and all: DuckDB's
    parser ends a query at a NUL, and the duckdb engine stopped with a parser error's traceback
    where the python engine gave the verdict."""
    claims = _small_case(
        tmp_path,
        'subjects:\n  lab: {name: Example Lab, openalex: [I100], aliases: [Example Lab, "示例实验室\\0"]}\n',
        "claims:\n  - {id: c, says: s, subject: lab, from: 2024-01-10, expects: none, works: {coauthor_in: [mil]}}\n",
    )
    records = [
        work(
            "W1", "A paper", "2024-06-01", [authorship("A", [], raw=["示例实验室\x00, 北京"]), authorship("B", [HIT])]
        ),
        work("W2", "A paper", "2024-06-01", [authorship("A", [], raw=["示例实验室, 北京"]), authorship("B", [HIT])]),
    ]
    results = engines_agree(claims, [write_jsonl(tmp_path / "works.jsonl", records)], tmp_path / "cache")
    (result,) = results.results
    assert [f.work.id for f in (*result.findings, *result.uncertain_findings)] == ["W1"]


def test_a_chinese_name_holding_a_soft_hyphen_is_found_by_both_engines(tmp_path):
    """A Chinese alias copied from a web page with a soft hyphen (or a zero-width space) in it, and
    an affiliation written the same way: the python engine found the alias, but its needle was the
    search form of the name as written and read through the character, two lines joined by a line
    break, which no text holds, and the duckdb engine ruled the work out (a false clearance)."""
    claims = _small_case(
        tmp_path,
        'subjects:\n  lab: {name: Example Lab, openalex: [I100], aliases: ["示例\\u00ad实验室", "示例\\u200b研究所"]}\n',
        "claims:\n  - {id: c, says: s, subject: lab, from: 2024-01-10, expects: none, works: {coauthor_in: [mil]}}\n",
    )
    records = [
        work(
            "W1", "A paper", "2024-06-01", [authorship("A", [], raw=["示例\u00ad实验室, 北京"]), authorship("B", [HIT])]
        ),
        work(
            "W2", "A paper", "2024-06-01", [authorship("A", [], raw=["示例\u200b研究所, 北京"]), authorship("B", [HIT])]
        ),
    ]
    results = engines_agree(claims, [write_jsonl(tmp_path / "works.jsonl", records)], tmp_path / "cache")
    (result,) = results.results
    assert [f.work.id for f in (*result.findings, *result.uncertain_findings)] == ["W1", "W2"]


def test_a_name_holding_a_character_that_shows_nothing_finds_text_written_without_it(tmp_path):
    """Aliases pasted from a web page with a zero-width space or a soft hyphen inside ("示例\u200b
    研究所", "Example La\u00adboratory Group"), and affiliations written plainly: neither engine
    found them (names were registered only as written; issue 18, twentieth part). Each name is
    sought without such characters too, by the matcher and the query's needles alike."""
    claims = _small_case(
        tmp_path,
        "subjects:\n  lab: {name: Example Lab, openalex: [I100], "
        'aliases: ["示例\\u200b研究所", "Example La\\u00adboratory Group"]}\n',
        "claims:\n  - {id: c, says: s, subject: lab, from: 2024-01-10, expects: none, works: {coauthor_in: [mil]}}\n",
    )
    records = [
        work("W3", "A paper", "2024-06-01", [authorship("A", [], raw=["示例研究所, 北京"]), authorship("B", [HIT])]),
        work(
            "W4",
            "A paper",
            "2024-06-01",
            [authorship("A", [], raw=["Example Laboratory Group, Beijing, China"]), authorship("B", [HIT])],
        ),
    ]
    results = engines_agree(claims, [write_jsonl(tmp_path / "works.jsonl", records)], tmp_path / "cache")
    (result,) = results.results
    assert [f.work.id for f in (*result.findings, *result.uncertain_findings)] == ["W3", "W4"]


AUTHOR_RECORD = {
    "id": "https://openalex.org/A5000000001",
    "display_name": "A. Lab",
    "affiliations": [{"institution": LAB, "years": [2024]}],
    "updated_date": "2025-01-01T00:00:00",
}
ONE_CLAIM = (
    "claims:\n  - {id: c, says: s, subject: lab, from: 2024-01-10, expects: none, works: {coauthor_in: [mil]}}\n"
)
LAB_SUBJECT = "subjects:\n  lab: {name: Example Lab, openalex: [I100]}\n"


def _work_and_author_file(tmp_path: Path, layout: str, records: list[dict[str, Any]]) -> Path:
    """Records as JSON Lines, or as an API page {"meta": ..., "results": [...]}, pretty-printed."""
    if layout == "jsonl":
        return write_jsonl(tmp_path / "records.jsonl", records)
    meta = {"count": len(records), "db_response_time_ms": 1, "page": 1, "per_page": 25, "next_cursor": None}
    path = tmp_path / "records.json"
    path.write_bytes(orjson.dumps({"meta": meta, "results": records, "group_by": []}, option=orjson.OPT_INDENT_2))
    return path


@pytest.mark.parametrize("layout", ["jsonl", "json"])
def test_a_file_of_works_and_authors_gives_its_works_alone_to_either_engine(tmp_path, capsys, layout):
    """A bare file may hold author records beside its works: the columnar copy is made of its
    works alone, as the Python engine reads them (the copy refused the author record of JSON
    Lines, and made a work of the one in an API page); and `auto` reads that copy later."""
    claims = _small_case(tmp_path, LAB_SUBJECT, ONE_CLAIM)
    partners = [authorship("A. Lab", [LAB]), authorship("B. Hit", [HIT])]
    path = _work_and_author_file(tmp_path, layout, [work("W1", "A paper", "2024-06-01", partners), AUTHOR_RECORD])
    results = engines_agree(claims, [path], tmp_path / "cache")
    assert [(c.records, c.authorships) for c in results.evidence_counts] == [(1, 2)]
    assert results.results[0].matched == 1
    capsys.readouterr()
    again = evaluate(claims, open_evidence_paths([path]), engine="auto", cache=tmp_path / "cache")
    assert capsys.readouterr().err == ""  # the copy made above, read from the cache
    assert render_json(again) == render_json(results)


@pytest.mark.parametrize("layout", ["jsonl", "json"])
@pytest.mark.parametrize(
    "bad",
    [
        {"id": "https://openalex.org/I27837315", "display_name": "An institution"},
        {"id": "https://example.org/X2", "title": "not OpenAlex's"},
        ["not a record"],
    ],
    ids=["institution", "foreign-id", "array"],
)
def test_a_record_neither_work_nor_author_is_the_same_error_either_way(tmp_path, layout, bad):
    claims = _small_case(tmp_path, LAB_SUBJECT, ONE_CLAIM)
    path = _work_and_author_file(tmp_path, layout, [work("W1", "A paper", "2024-06-01", []), AUTHOR_RECORD, bad])
    errors = []
    for engine in ("python", "duckdb"):
        try:
            evaluate(claims, open_evidence_paths([path]), engine=engine, cache=tmp_path / "cache")
        except InputError as e:
            errors.append(e.lines())
        else:
            errors.append(None)
    assert errors[0] is not None and errors[0] == errors[1], errors


def test_a_cached_copy_an_earlier_reading_made_of_works_and_authors_is_not_read(tmp_path, capsys):
    """Copies of an API page made before author records were left out hold a row for each:
    under `auto` such a copy, where a cache holds one, is passed over (the check runs on the
    records), and the duckdb engine makes a copy anew."""
    claims = _small_case(tmp_path, LAB_SUBJECT, ONE_CLAIM)
    partners = [authorship("A. Lab", [LAB]), authorship("B. Hit", [HIT])]
    path = _work_and_author_file(tmp_path, "json", [work("W1", "A paper", "2024-06-01", partners), AUTHOR_RECORD])
    (evidence,) = open_evidence_paths([path])
    cache = tmp_path / "cache"
    stale = cache / f"works-{evidence.sha256}-t{TABLE_FORMAT}.parquet"  # the earlier reading's name
    cache.mkdir()
    rows = [(1, orjson.dumps(work("W1", "A paper", "2024-06-01", partners))), (2, orjson.dumps(AUTHOR_RECORD))]
    info = write_works_table(rows, stale)
    stale.with_suffix(".json").write_bytes(
        orjson.dumps({"sha256": info.sha256, "rows": 2, "table_format": TABLE_FORMAT})
    )
    reference = evaluate(claims, [evidence], engine="python")
    capsys.readouterr()
    for engine in ("auto", "duckdb"):
        results = evaluate(claims, [evidence], engine=engine, cache=cache)
        assert render_json(results) == render_json(reference)
        assert [c.records for c in results.evidence_counts] == [1]
    assert capsys.readouterr().err.count("making a columnar copy of") == 1  # by duckdb, not auto


GREEK_LIST = """\
id: greek
name: Listed by a Greek name
sources: [{title: A source}]
entries:
  - id: demo
    name: NCSR Demokritos
    aliases: [ΕΚΕΦΕ Δημόκριτος]
    country: GR
    listed_from: null
    verified: true
"""


@pytest.mark.parametrize("after", [".", ":", "·", "\u00ad", "\u200b", "\u0301", ", "])
def test_a_greek_name_before_a_letter_is_found_by_every_engine(tmp_path, after):
    """The reviewer's case: "ΕΚΕΦΕ ΔΗΜΟΚΡΙΤΟΣ.Αθήνα". Lower-cased whole, the affiliation holds
    "δημοκριτοσ" (a letter follows the sigma, past the "."), and "δημοκριτος" before ", "; the
    alias's needle, lower-cased apart, may hold the other sigma: the query ruled the work out,
    under `auto` too (a false clearance)."""
    claims = _small_case(
        tmp_path,
        LAB_SUBJECT,
        "claims:\n  - {id: c, says: s, subject: lab, from: 2024-01-10, to: 2024-12-31, expects: none,"
        " works: {coauthor_in: [greek]}}\n",
        {"greek": GREEK_LIST},
    )
    partner = authorship("B. Partner", [], raw=[f"ΕΚΕΦΕ ΔΗΜΟΚΡΙΤΟΣ{after}Αθήνα, Greece"])
    source = write_jsonl(
        tmp_path / "works.jsonl", [work("W1", "A paper", "2024-06-01", [authorship("A. Lab", [LAB]), partner])]
    )
    snapshot = tmp_path / "snapshot"  # with its own table, which `auto` reads
    import_works(source, snapshot, institutions=["I100"], start=dt.date(2024, 1, 10), end=dt.date(2024, 12, 31))
    results = engines_agree(claims, [snapshot], tmp_path / "cache")
    assert [(r.verdict, r.matched) for r in results.results] == [("contradicted", 1)]
    auto = evaluate(claims, open_evidence_paths([snapshot]), engine="auto", cache=tmp_path / "cache")
    assert render_json(auto) == render_json(results)
    assert not (tmp_path / "cache").exists()  # the snapshot's own table was read


def test_coauthorships_count_real_authors_who_are_not_the_subjects(tmp_path):
    """A work whose only sign of the subject is an institution Crossref put among the authors
    ("Example Lab Institute"): none of its real authors is the subject's, so each is a
    coauthorship; those "authors" are none (the count was the real authors less them: -1)."""
    claims = _small_case(tmp_path, LAB_SUBJECT.replace("}\n", ", aliases: [Example Lab]}\n"), ONE_CLAIM)
    interleaved = [authorship("Example Lab Institute", [], raw=[]), authorship("Example Lab Department", [], raw=[])]
    records = [
        work("W1", "A paper", "2024-06-01", [*interleaved, authorship("B. Hit", [HIT])]),
        work(
            "W2",
            "A paper",
            "2024-07-01",
            [authorship("A. Lab", [LAB]), authorship("C. Other", [OTHER]), authorship("C. Nowhere", [], raw=[])],
        ),
        work(
            "W3",
            "A paper",
            "2024-08-01",
            [authorship("A. Text", [], raw=["Example Lab, Seattle"]), interleaved[0], authorship("C. Other", [OTHER])],
        ),
    ]
    path = write_jsonl(tmp_path / "works.jsonl", records)
    results = engines_agree(claims, [path], tmp_path / "cache")
    (result,) = results.results
    assert result.works_considered == 3 and [f.work.id for f in result.uncertain_findings] == ["W1"]
    u = result.unaffiliated
    assert (u.works, u.coauthorships, u.unaffiliated, u.works_with_unaffiliated) == (3, 1 + 2 + 1, 1, 1)


def test_a_one_word_greek_name_before_a_letter_is_found_by_both_engines(tmp_path):
    """The alias "Δημόκριτος" in "ΔΗΜΟΚΡΙΤΟΣ.Αθήνα": the Python engine's matcher folded the whole
    text (σ) for its first look and the name alone (ς), and found nothing; both engines find it."""
    claims = _small_case(
        tmp_path,
        LAB_SUBJECT,
        "claims:\n  - {id: c, says: s, subject: lab, from: 2024-01-10, expects: none, works: {coauthor_in: [greek]}}\n",
        {"greek": GREEK_LIST.replace("[ΕΚΕΦΕ Δημόκριτος]", "[Δημόκριτος]")},
    )
    partner = authorship("B. Partner", [], raw=["ΔΗΜΟΚΡΙΤΟΣ.Αθήνα, Greece"])
    path = write_jsonl(
        tmp_path / "works.jsonl", [work("W1", "A paper", "2024-06-01", [authorship("A. Lab", [LAB]), partner])]
    )
    results = engines_agree(claims, [path], tmp_path / "cache")
    assert [f.work.id for f in results.results[0].findings] == ["W1"]


GREEK_TOPIC = """\
topics:
  sensors:
    name: Sensors
    rationale: r
    phrases: [αισθητήρας]
claims:
  - {id: c, says: s, subject: lab, from: 2024-01-10, to: 2024-12-31, expects: none, works: {topic: sensors}}
"""


@pytest.mark.parametrize(
    "title", ["ΑΙΣΘΗΤΉΡΑΣ:Νέα μέθοδος", "ΑΙΣΘΗ\u00adΤΉΡΑΣ: Νέα μέθοδος", "Ο αισθητήρας: νέα μέθοδος"]
)
def test_a_greek_topic_phrase_before_a_colon_is_found_by_both_engines(tmp_path, title):
    """An all-capital Greek title: lower() writes the phrase word's final Σ as σ where a colon and
    a letter follow it, the phrase's own as ς. The topic prefilter of both engines ruled the work
    out (issue 18, twelfth part); the phrase matcher, which reads each word alone, finds it."""
    claims = _small_case(tmp_path, LAB_SUBJECT, GREEK_TOPIC)
    source = write_jsonl(tmp_path / "works.jsonl", [work("W1", title, "2024-06-01", [authorship("A. Lab", [LAB])])])
    results = engines_agree(claims, [source], tmp_path / "cache")
    assert [(r.verdict, r.matched) for r in results.results] == [("contradicted", 1)]


def test_an_abstract_with_one_odd_position_is_read_alike_by_both_engines(tmp_path):
    """One position that is no number (null, from a broken export) emptied the whole abstract,
    so both engines missed the topic it named; the table's words read it as the matcher does now
    (table format 5)."""
    root = project(tmp_path)
    claims = claims_mod.load_claims([write(root / "claims/c.yaml", CLAIMS)], root=root)
    index = {"We": [0], "study": [1], "face": [2], "recognition": [3], "x": [None]}
    records = [
        work("W1", "A study", date="2024-05-01", authorships=[authorship("A", [LAB])], abstract_inverted_index=index)
    ]
    source = write_jsonl(tmp_path / "w.jsonl", records)
    snapshot = tmp_path / "snapshot"
    import_works(source, snapshot, subjects_may_be_empty=True)
    results = engines_agree(claims, [snapshot], tmp_path / "cache")
    face = next(r for r in results.results if r.findings and any(x.kind == "topic" for x in r.findings[0].reasons))
    (reason,) = [x for x in face.findings[0].reasons if x.kind == "topic"]
    assert (reason.field, reason.text) == ("abstract", "face recognition")


# --- topic text as a reader reads it (issue 18, seventeenth part) --------------------------------

READ_TOPIC = """\
topics:
  read:
    name: Read as a reader reads
    rationale: r
    phrases: [face recognition, voice conversion, person re-identification, face verification, "computación cuántica",
      text-to-speech, talking head, deepfake]
claims:
  - {id: c, says: s, subject: lab, from: 2024-01-10, to: 2024-12-31, expects: none, works: {topic: read}}
"""


def _found_by_both_engines(tmp_path: Path, texts: list[str]) -> list[int]:
    """The texts (each a work's title, and another work's abstract, as an OpenAlex index of its
    words between spaces) in which both engines find a phrase of READ_TOPIC: their indices."""
    claims = _small_case(tmp_path, LAB_SUBJECT, READ_TOPIC)
    records = []
    for i, text in enumerate(texts):
        records.append(work(f"W{2 * i + 1}", text, "2024-06-01", [authorship("A. Lab", [LAB])]))
        index: dict[str, list[int]] = {}
        for at, word in enumerate(text.split(" ")):
            index.setdefault(word, []).append(at)
        abstract = {"abstract_inverted_index": index}
        records.append(work(f"W{2 * i + 2}", "A paper", "2024-06-01", [authorship("A. Lab", [LAB])], **abstract))
    source = write_jsonl(tmp_path / "works.jsonl", records)
    results = engines_agree(claims, [source], tmp_path / "cache")
    found = {int(f.work.id.rsplit("W", 1)[1]) for f in results.results[0].findings}
    in_titles = [i for i in range(len(texts)) if 2 * i + 1 in found]
    in_abstracts = [i for i in range(len(texts)) if 2 * i + 2 in found]
    assert in_titles == in_abstracts, (in_titles, in_abstracts)
    return in_titles


def test_a_soft_hyphen_inside_a_word_makes_no_word_boundary_for_either_engine(tmp_path):
    """A soft hyphen is an invisible hyphenation point: "sur\u00adface" is "surface", which
    "face" does not match (was: read as a hyphen, so both engines found face recognition in
    "Protein sur\u00adface recog\u00adnition", a false accusation); a phrase broken by one is
    still found."""
    texts = [
        "Protein sur\u00adface recog\u00adnition by synthetic receptors",
        "User inter\u00adface recognition from screenshots",
        "E-in\u00advoice conversion to XML",
        "Robust face\u00adrecognition",
        "Robust face recog\u00adnition",
        "Person re\u00adidentifi\u00adcation",
    ]
    assert _found_by_both_engines(tmp_path, texts) == [3, 4, 5]


def test_the_forms_a_reader_takes_for_the_same_words_are_found_by_both_engines(tmp_path):
    """A ligature, fullwidth letters, an accent written as a combining mark, a Turkish capital
    "İ" and dashes a reader takes for a hyphen: missed by both engines (false clearances); found
    by both now, the table's words holding those of the text as read (table format 7)."""
    texts = [
        "Robust face veri\ufb01cation at scale",
        "Ｆａｃｅ ｒｅｃｏｇｎｉｔｉｏｎ ｆｏｒ ａｌｌ",
        "Avances en computacio\u0301n cua\u0301ntica",
        "FACE RECOGNİTİON İN CROWDS",
        "Person re\u2013identification",
        "Person re\u2212identification",
        "Person re\ufe63identification",
        "Person re\uff0didentification",
        "ＳＵＲＦＡＣＥ recognition",
        "face\u2014recognition",
    ]
    assert _found_by_both_engines(tmp_path, texts) == list(range(8))


def test_a_phrase_across_a_hyphen_before_a_break_is_found_by_both_engines(tmp_path):
    """A word broken at the end of a line, or a hyphen before a space (an abstract index's key
    "re-"): missed by both engines, since spaCy keeps the hyphen on the word (false clearances);
    found by both now. A broken word is one word: "sur- face recognition" matched "face
    recognition" in both (a false accusation), and matches nothing now."""
    texts = [
        "On person re- identification",
        "On person re-\nidentification",
        "robust text-to-\nspeech",
        "talking-\nhead generation",
        "Detecting deep- fakes",
        "Protein sur- face recognition",
        "Protein sur-\nface recognition",
        "E-in- voice conversion",
    ]
    assert _found_by_both_engines(tmp_path, texts) == [0, 1, 2, 3, 4]


# --- the query in parts (thirtieth part) ----------------------------------------------------------


@pytest.mark.parametrize("rows", [1, 7, 97, 250, 100_000])
def test_the_query_in_parts_gives_the_whole_querys_screening_and_report(seeded, tmp_path, monkeypatch, rows):
    """The DuckDB engine screens a table a part of its rows at a time (`_duckdb._PART_ROWS`, so
    that a part's candidates are judged while DuckDB screens the next). Over the seeded corpus's
    three tables (250 records, 250 and their older copies, 200: versions of one work in other
    parts and tables, and in the curated evidence, which has no table), a first part of 7 rows,
    of 97 (each next part twice the last; the last parts hold some tables alone), of one row
    (nine parts), of exactly the first table's rows (the review of the thirtieth part added
    these two) and one part: the parts' screening summed is the
    whole query's, candidates, counts and tallies, and the report is the Python engine's."""
    from claimwatch.columnar import _duckdb, gather_screening

    monkeypatch.setattr(_duckdb, "_PART_ROWS", rows)
    asked: list[tuple[Any, ...]] = []
    screened: list[Any] = []
    screen_in_parts = _duckdb.screen_in_parts

    def watched(plan: Any, sources: Any, current_on: Any, claims: int, on_done: Any) -> Any:
        asked.append((plan, list(sources), list(current_on), claims))
        parts = screen_in_parts(plan, sources, current_on, claims, on_done)
        screened.append(parts)
        return parts

    monkeypatch.setattr(importlib.import_module("claimwatch.evaluate._grouping"), "screen_in_parts", watched)
    part_queries = []
    real_query = _duckdb.screening_query

    def counted(*args: Any, **kwargs: Any) -> str:
        part_queries.append(kwargs.get("part"))
        return real_query(*args, **kwargs)

    monkeypatch.setattr(_duckdb, "screening_query", counted)
    claims, paths = seeded
    results = engines_agree(claims, paths, tmp_path / "cache")
    assert any(len(f.work.records) > 1 for r in results.results for f in r.findings)  # versions joined
    [(plan, sources, current_on, n_claims)] = asked
    with _duckdb.connect() as con:
        whole = gather_screening(
            con.execute(screening_query(plan, sources, current_on=current_on)).fetchall(), len(sources), n_claims
        )
    largest = max(records for records, _, _ in whole.counts)
    assert len(part_queries) == next(m for m in range(1, 60) if rows * (2**m - 1) >= largest)  # doubling
    assert screened[0].result() == whole
    assert sum(map(len, whole.candidates)) > 50 and any(any(t) for t in whole.tallies)


@given(rows=st.lists(st.integers(0, 600), min_size=1, max_size=4), first=st.integers(1, 70))
def test_the_parts_cover_each_tables_rows_once_in_order(rows, first):
    """Each table's ordinals 0 to rows - 1, every one in one part, in order; part k of `first`
    rows times 2 ** k at most (the first part alone keeps the judging waiting); no part empty."""
    from claimwatch.columnar._duckdb import _parts

    parts = _parts(rows, first)
    for n, count in enumerate(rows):
        spans = [p[n] for p in parts if p[n] is not None]
        covered = [o for start, last in spans for o in range(start, last + 1)]
        assert covered == list(range(count))
        assert all(p[n] is None or p[n][1] - p[n][0] + 1 <= first * 2**k for k, p in enumerate(parts))
    assert all(any(span is not None for span in p) for p in parts)
    assert len(parts) <= max(rows).bit_length() + 1


def _screening_threads() -> list[threading.Thread]:
    """The query's and the fetching threads still running; the hashing thread, which a failed
    run lets finish the file it reads (`TableChecks.cancel`), where it runs on for 10 s more."""
    for thread in threading.enumerate():
        if thread.name == "claimwatch-table-check":
            thread.join(10)
    names = ("claimwatch-screen", "claimwatch-fetch", "claimwatch-table-check")
    return [t for t in threading.enumerate() if t.name in names and t.is_alive()]


def _evaluated_in_time(job: Any) -> Any:
    """`job()` on a thread of its own: a failure, not a hung test, if it never returns."""
    out: list[Any] = []

    def run() -> None:
        try:
            out.append(job())
        except BaseException as e:
            out.append(e)

    runner = threading.Thread(target=run, daemon=True)
    runner.start()
    runner.join(120)
    assert not runner.is_alive(), "the run hung"
    return out[0]


def test_a_part_running_out_of_memory_is_one_line_from_the_callers_thread(seeded, tmp_path, monkeypatch, capsys):
    """DuckDB running out of memory in the third part of the query, on the query's own thread,
    while the first parts' candidates are judged: the check ends with the one line it gave when
    the query ran whole in the caller's thread (exit 3), its threads ended, no report written."""
    import duckdb

    from claimwatch.cli import main
    from claimwatch.columnar import _duckdb

    monkeypatch.setattr(_duckdb, "_PART_ROWS", 50)
    real_query = _duckdb.screening_query
    calls = []

    def starved(*args: Any, **kwargs: Any) -> str:
        calls.append(1)
        if len(calls) == 3:
            raise duckdb.OutOfMemoryException("Out of Memory Error: could not allocate block of size 256 KiB")
        return real_query(*args, **kwargs)

    monkeypatch.setattr(_duckdb, "screening_query", starved)
    claims, paths = seeded
    caught = _evaluated_in_time(lambda: evaluate(claims, open_evidence_paths(paths), engine="duckdb", cache=tmp_path))
    assert isinstance(caught, SourceError) and caught.exit_code == 3
    [line] = caught.lines()
    assert line.startswith("DuckDB ran out of memory (256MB allowed) in the screening query over the works tables")
    assert not _screening_threads()
    root = project(tmp_path / "cli")
    write(root / "evidence/lists/cn.yaml", CN_LIST)
    write(root / "claims/c.yaml", CLAIMS)
    calls.clear()
    args = ["check", str(root / "claims/c.yaml"), "--root", str(root), "--engine", "duckdb", "--no-reviews"]
    args += ["--cache", str(tmp_path / "cache"), "--json", str(tmp_path / "r.json")]
    code = main([*args, *(arg for p in paths for arg in ("--evidence", str(p)))])
    err = capsys.readouterr().err.splitlines()
    assert (code, err[-1:]) == (3, [line]) and "Traceback" not in "\n".join(err)
    assert not (tmp_path / "r.json").exists() and not _screening_threads()


@pytest.mark.parametrize("where", ["rebuilding", "judging"])
def test_a_failure_while_judging_stops_the_query_and_its_threads(seeded, tmp_path, monkeypatch, where):
    """An error in the judging while the query's later parts run (rebuilding the fifth
    candidate's work from its record, or a claim's test on it): the error is the caller's, the
    query stopped, no thread left running, though the error's traceback keeps the frames."""
    from claimwatch.columnar import _duckdb

    grouping = importlib.import_module("claimwatch.evaluate._grouping")
    monkeypatch.setattr(_duckdb, "_PART_ROWS", 20)
    name = "work_from_openalex" if where == "rebuilding" else "_WorkContext"
    real = getattr(grouping, name)
    built = []

    def fails_at_the_fifth(*args: Any, **kwargs: Any) -> Any:
        built.append(1)
        if len(built) == 5:
            raise RuntimeError("the fifth work")
        return real(*args, **kwargs)

    monkeypatch.setattr(grouping, name, fails_at_the_fifth)
    claims, paths = seeded
    caught = _evaluated_in_time(lambda: evaluate(claims, open_evidence_paths(paths), engine="duckdb", cache=tmp_path))
    assert isinstance(caught, RuntimeError) and str(caught) == "the fifth work"
    assert not _screening_threads()


def test_a_stop_between_two_parts_queries_still_stops_the_next(seeded, tmp_path, monkeypatch):
    """Found by the review of the thirtieth part: DuckDB forgets an interrupt that lands while
    no statement runs (DuckDB 1.5: `interrupt()` on an idle connection, then a query, runs it to
    its end), so an error in the judging (or Ctrl-C) landing while the query's thread compiled
    the next part's query left that part, on a million works some seconds, running before the
    run could end. Here the error lands there, and the next part is endless."""
    from claimwatch.columnar import _duckdb

    grouping = importlib.import_module("claimwatch.evaluate._grouping")
    monkeypatch.setattr(_duckdb, "_PART_ROWS", 20)
    monkeypatch.setattr(_duckdb, "_FETCH", 1)  # the first part's candidates judged at once
    between, interrupted = threading.Event(), threading.Event()
    real_interrupt = _duckdb.ScreeningParts._interrupt

    def interrupt(self: Any) -> None:
        real_interrupt(self)
        interrupted.set()

    real_query = _duckdb.screening_query
    calls = []

    def stopped_before_the_second(*args: Any, **kwargs: Any) -> str:
        calls.append(1)
        if len(calls) != 2:
            return real_query(*args, **kwargs)
        between.set()
        assert interrupted.wait(60)  # the first interrupt sent while no statement runs
        return "SELECT count(*) FROM range(20000000000) t(x) WHERE x % 7 = 3"

    def fails_between(*args: Any, **kwargs: Any) -> Any:
        assert between.wait(60)
        raise RuntimeError("the judging failed")

    monkeypatch.setattr(_duckdb.ScreeningParts, "_interrupt", interrupt)
    monkeypatch.setattr(_duckdb, "screening_query", stopped_before_the_second)
    monkeypatch.setattr(grouping, "work_from_openalex", fails_between)
    claims, paths = seeded
    caught = _evaluated_in_time(lambda: evaluate(claims, open_evidence_paths(paths), engine="duckdb", cache=tmp_path))
    assert isinstance(caught, RuntimeError) and str(caught) == "the judging failed"
    assert len(calls) == 2 and not _screening_threads()


def test_a_parts_candidates_are_judged_before_the_next_part_is_screened(seeded, tmp_path, monkeypatch):
    """Found by the review of the thirtieth part: the records were fetched 2,048 candidates a
    batch across the parts, so a part's last candidates (bench's million's first part holds some
    6,000 if they are spread evenly) waited for the next part to fill their batch, and a table with
    fewer candidates than a batch was judged only once the whole query was done. Here the
    second part's query waits until every candidate of the first table's first part is rebuilt
    from its record: it is, and the report is the Python engine's."""
    from claimwatch.columnar import _duckdb

    grouping = importlib.import_module("claimwatch.evaluate._grouping")
    monkeypatch.setattr(_duckdb, "_PART_ROWS", 50)
    first: list[Any] = []
    real_gather = _duckdb.gather_screening

    def gathered(*args: Any) -> Any:
        first.append(real_gather(*args))
        return first[-1]

    built: list[int] = []
    judged = threading.Condition()
    real_work = grouping.work_from_openalex

    def counted(*args: Any, **kwargs: Any) -> Any:
        with judged:
            built.append(1)
            judged.notify_all()
        return real_work(*args, **kwargs)

    real_query = _duckdb.screening_query
    waits: list[bool] = []

    def after_the_first_parts_judging(*args: Any, **kwargs: Any) -> str:
        if kwargs.get("part") is not None and first:  # the second part's query, and later ones'
            wanted = len(first[0].candidates[0])
            assert wanted > 0
            with judged:
                waits.append(judged.wait_for(lambda: len(built) >= wanted, timeout=20))
        return real_query(*args, **kwargs)

    monkeypatch.setattr(_duckdb, "gather_screening", gathered)
    monkeypatch.setattr(grouping, "work_from_openalex", counted)
    monkeypatch.setattr(_duckdb, "screening_query", after_the_first_parts_judging)
    claims, paths = seeded
    reference = _evaluated_in_time(lambda: engines_agree(claims, paths, tmp_path / "cache"))
    assert not isinstance(reference, BaseException), reference
    assert waits == [True, True]  # the parts of 50, 100 and 200 rows: two waits, neither in vain


def test_an_empty_table_and_a_table_of_one_row_are_screened_in_parts_alike(tmp_path, monkeypatch):
    """Added by the review of the thirtieth part: a works file of no records (as a harvest that
    found nothing writes), one of a single record and one of three, first parts of one row: the
    empty table is in no part, the others' parts end at their last rows, and both engines give
    the same report."""
    from claimwatch.columnar import _duckdb

    monkeypatch.setattr(_duckdb, "_PART_ROWS", 1)
    root = project(tmp_path)
    write(root / "evidence/lists/cn.yaml", CN_LIST)
    claims = claims_mod.load_claims([write(root / "claims/c.yaml", CLAIMS)], root=root)
    records, _ = corpus(40)
    paths = [
        write_jsonl(tmp_path / "empty.jsonl", []),
        write_jsonl(tmp_path / "one.jsonl", records[:1]),
        write_jsonl(tmp_path / "three.jsonl", records[1:4]),
    ]
    queried = []
    real_query = _duckdb.screening_query

    def counted(*args: Any, **kwargs: Any) -> str:
        queried.append(kwargs.get("part"))
        return real_query(*args, **kwargs)

    monkeypatch.setattr(_duckdb, "screening_query", counted)
    engines_agree(claims, paths, tmp_path / "cache")
    assert queried == [[None, (0, 0), (0, 0)], [None, None, (1, 2)]]


def test_a_row_in_no_part_of_the_query_fails_the_check(seeded, tmp_path, monkeypatch):
    """Added by the review of the thirtieth part: the parts' rows are counted against each
    table's, so that parts leaving a row out (here the last row of each table's last part,
    as an off-by-one in `_parts` would) fail the check rather than clear a claim on the works
    they never screened."""
    from claimwatch.columnar import _duckdb

    monkeypatch.setattr(_duckdb, "_PART_ROWS", 50)
    real_parts = _duckdb._parts

    def short(rows: Any, first: Any = None) -> Any:
        parts = real_parts(rows, first)
        return [*parts[:-1], [None if span is None else (span[0], span[1] - 1) for span in parts[-1]]]

    monkeypatch.setattr(_duckdb, "_parts", short)
    claims, paths = seeded
    caught = _evaluated_in_time(lambda: evaluate(claims, open_evidence_paths(paths), engine="duckdb", cache=tmp_path))
    assert isinstance(caught, AssertionError) and "the screening query's parts read" in str(caught)
    assert not _screening_threads()
