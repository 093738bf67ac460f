"""Properties that must hold for any input: the loaders give a model or the project's own error,
and the evaluator survives any OpenAlex-shaped record."""

from __future__ import annotations

import datetime as dt
import json

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimwatch import claims as claims_mod
from claimwatch.curated import read_curated
from claimwatch.errors import InputError
from claimwatch.evaluate import evaluate
from claimwatch.lists import load_list
from claimwatch.works import Origin, work_from_openalex
from helpers import project

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.dates().map(str),
    st.sampled_from(["none", "2024-01-10", "msra", "I1"]),
)
keys = st.sampled_from(
    [
        "statement",
        "subjects",
        "claims",
        "id",
        "says",
        "subject",
        "from",
        "to",
        "expects",
        "works",
        "topic",
        "coauthor_in",
        "all",
        "any",
        "not",
        "name",
        "entries",
        "sources",
        "title",
        "versions",
        "published",
        "authors",
        "description",
        "at_least",
        "x",
    ]
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=5)),
    max_leaves=25,
)


def _loads_or_own_error(load, path) -> None:
    try:
        load(path)
    except InputError as e:
        assert e.lines() and all(line.startswith(str(path)) for line in e.lines())


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes_give_a_model_or_our_error(tmp_path, data):
    root = project(tmp_path)
    for path, load in (
        (root / "claims/c.yaml", lambda p: claims_mod.load_claims([p], root=root)),
        (root / "evidence/lists/l.yaml", load_list),
        (root / "evidence/curated/c.yaml", lambda p: list(read_curated(p))),
    ):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        _loads_or_own_error(load, path)


@SETTINGS
@given(documents)
def test_any_yaml_gives_a_model_or_our_error(tmp_path, doc):
    root = project(tmp_path)
    text = yaml.safe_dump(doc, allow_unicode=True)
    for path, load in (
        (root / "claims/c.yaml", lambda p: claims_mod.load_claims([p], root=root)),
        (root / "evidence/lists/l.yaml", load_list),
        (root / "evidence/curated/c.yaml", lambda p: list(read_curated(p))),
    ):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        _loads_or_own_error(load, path)


json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),  # JSON numbers: 1.5, 2024.0
        st.text(max_size=20),
        st.sampled_from(["https://openalex.org/I100", "https://openalex.org/I200", "I100", "2024-05-01"]),
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=15,
)
institution = st.fixed_dictionaries(
    {},
    optional={
        "id": json_values,
        "display_name": json_values,
        "ror": json_values,
        "lineage": json_values,
        "country_code": json_values,
    },
)
authorship_ = st.fixed_dictionaries(
    {},
    optional={
        "author": json_values,
        "institutions": st.one_of(json_values, st.lists(institution, max_size=3)),
        "raw_affiliation_strings": st.one_of(json_values, st.lists(st.text(max_size=40), max_size=3)),
        "affiliations": json_values,
    },
)
record = st.fixed_dictionaries(
    {"id": st.sampled_from(["https://openalex.org/W1", "W2"])},
    optional={
        "title": json_values,
        "publication_date": json_values,
        "publication_year": json_values,
        "doi": json_values,
        "authorships": st.one_of(json_values, st.lists(authorship_, max_size=4)),
        "topics": json_values,
        "primary_topic": json_values,
        "keywords": json_values,
        "abstract_inverted_index": json_values,
        "is_retracted": json_values,
        "is_authors_truncated": json_values,
        "ids": json_values,
        "primary_location": json_values,
        "updated_date": json_values,
    },
)


class _Records:
    """Evidence made of records in memory, for the property below."""

    kind, sha256, path = "jsonl", "0" * 64, "<records>"

    def __init__(self, records):
        from claimwatch.evidence import Coverage

        self.records = records
        self.coverage = Coverage()

    def works(self):
        for n, r in enumerate(self.records, 1):
            yield work_from_openalex(r, Origin("snapshot", self.path, n))

    def describe(self):
        return {"path": self.path, "kind": self.kind, "sha256": self.sha256}


@SETTINGS
@given(st.lists(record, max_size=4))
def test_odd_openalex_records_never_crash_the_evaluator(tmp_path, records):
    root = project(tmp_path)
    (root / "claims").mkdir(exist_ok=True)
    (root / "claims/c.yaml").write_text(
        json.dumps(
            {
                "statement": {"speaker": "S", "made_on": "2024-01-10", "quote": "q", "sources": [{"title": "t"}]},
                "subjects": {"lab": {"name": "Example Lab", "openalex": ["I100"], "aliases": ["Example Lab"]}},
                "claims": [
                    {
                        "id": "c",
                        "says": "s",
                        "subject": "lab",
                        "from": "2024-01-01",
                        "expects": "none",
                        "works": {
                            "any": [{"topic": "face"}, {"coauthor_in": ["mil"], "listed_before_publication": True}]
                        },
                    }
                ],
            }
        )
    )
    cs = claims_mod.load_claims([root / "claims/c.yaml"], root=root)
    results = evaluate(cs, [_Records(records)], as_of=dt.date(2025, 1, 1))
    assert results.results[0].verdict in ("contradicted", "insufficient_evidence")


@SETTINGS
@given(
    st.one_of(
        st.from_regex(r"\A\d{4}(-\d{1,2}(-\d{1,2})?)?\Z"),
        st.integers(-(10**6), 10**6),
        st.dates(),
        st.text(max_size=12),
    )
)
def test_any_date_text_gives_a_date_with_its_range_or_none(value):
    """Whatever a record or a curated file writes as a date (9999-12 included), parsing it never
    raises, and a date it gives stands for a range within the calendar."""
    from claimwatch.works import PartialDate

    date = PartialDate.parse(value)
    if date is not None:
        assert date.earliest <= date.latest
        assert PartialDate.parse(str(date)) == date


@SETTINGS
@given(st.from_regex(r"\A\d{4}(-\d{1,2}(-\d{1,2})?)?\Z"), st.dates())
def test_a_date_read_within_its_record_only_ever_widens_and_keeps_its_last_day(value, current_on):
    """A date as a record current on some day can show it (seventeenth part): unchanged up to
    that day; wholly after it, any day up to its own last one, said so. Never narrower, so no
    period test that holds of the record's date fails of it, and no work it gives is dropped."""
    from claimwatch.works import PartialDate

    date = PartialDate.parse(value)
    if date is None:
        return
    read = date.within_record(current_on)
    assert read.latest == date.latest and read.earliest <= date.earliest and str(read) == str(date)
    if date.earliest <= current_on:
        assert read is date
    else:
        assert read.earliest == dt.date.min and f"after {current_on}, the day its record was current" in read.describe()
        assert read.within_record(current_on) is read


@SETTINGS
@given(st.from_regex(r"\A\d{4}(-\d{1,2}(-\d{1,2})?)?\Z"), st.dates(), st.dates())
def test_a_date_read_again_on_a_later_day_is_what_that_day_shows(value, one, other):
    """A record held unchanged by two pieces of evidence was current on the later of their
    days (eighteenth part): read on its own evidence's day, then on that later one (as
    `Copies.dated` reads it), its date is what the later day alone shows."""
    from claimwatch.works import PartialDate

    date = PartialDate.parse(value)
    if date is None:
        return
    both = date.within_record(min(one, other)).within_record(max(one, other))
    later = date.within_record(max(one, other))
    assert (both.earliest, both.latest, both.ahead_of, both.describe()) == (
        later.earliest,
        later.latest,
        later.ahead_of,
        later.describe(),
    )


@SETTINGS
@given(st.integers(1, 6000), st.sampled_from(["W", "I", "A", "Z"]))
def test_ids_of_any_length_never_crash_the_reader(digits, letter):
    """A work id of thousands of digits is refused with the project's own error, never a
    traceback (int() refuses over 4,300 digits), and any other record still reads."""
    from claimwatch.evidence import parse_record

    line = json.dumps({"id": f"https://openalex.org/{letter}{'7' * digits}", "title": "t"}).encode()
    try:
        record = parse_record(line, "f.jsonl", 1)
    except InputError as e:
        assert e.lines()[0].startswith("f.jsonl:1:1: ") and len(e.lines()[0]) < 300
    else:
        assert record is not None and letter == "W" and digits <= 20
        work_from_openalex(record, Origin("snapshot", "f.jsonl", 1))
