"""Real OpenAlex files as users have them (../shared/data/openalex): a saved API list response,
a single work, and the author, institution and topic records a user may give by mistake; and
the tricky shapes real pages take (pretty-printed, minified, gzipped, empty, broken)."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest

import claimwatch.evidence._records as records_module
from claimwatch.cli import main
from claimwatch.errors import InputError
from claimwatch.evidence import MANIFEST, WORKS_FILE, Snapshot, import_works, open_evidence, summarise
from helpers import work

PAGE_IDS = ["W3046863325", "W3045921891"]


@pytest.fixture(scope="module")
def openalex_data(shared_data: Path) -> Path:
    return shared_data / "openalex"


@pytest.fixture(scope="module")
def page(openalex_data: Path) -> dict:
    return json.loads((openalex_data / "api-page-works.json").read_text(encoding="utf-8"))


def snapshot_records(folder: Path) -> list[dict]:
    with gzip.open(folder / WORKS_FILE, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def start_lines(path: Path, text: str) -> list[int]:
    """Where each work object of a pretty-printed page starts, by reading the text: the line
    before each work id line (json.dumps(indent=2) puts "id" first)."""
    lines = text.split("\n")  # newlines only: a U+2028 inside a string starts no line in a file
    return [
        n
        for n, line in enumerate(lines, 1)
        if line.strip() == "{" and n < len(lines) and '"id": "https://openalex.org/W' in lines[n]
    ]


# --- the API page, as saved ---------------------------------------------------------------------


def test_the_real_api_page_imports_as_a_snapshot(openalex_data, tmp_path, capsys):
    source = openalex_data / "api-page-works.json"
    assert main(["evidence", "import", str(source), "--out", str(tmp_path / "snap")]) == 0
    assert capsys.readouterr().out.startswith(f"wrote {tmp_path / 'snap'}: 2 records, 0 duplicates collapsed")
    snapshot = Snapshot.open(tmp_path / "snap")
    assert [w.id for w in snapshot.works()] == PAGE_IDS
    manifest = json.loads((tmp_path / "snap" / MANIFEST).read_text())
    (query,) = manifest["queries"]
    assert query["sha256"] == hashlib.sha256(source.read_bytes()).hexdigest()
    assert query["layout"] == "JSON document"
    # As of the newest updated_date among the two records (2025-05-23 and 2025-01-24), not today.
    assert (manifest["as_of"], str(snapshot.retrieved)) == ("2025-05-23", "2025-05-23")
    assert manifest["as_of_basis"] == "the newest updated_date among the records"
    # The records as the page gave them, one a line.
    original = json.loads(source.read_text())["results"]
    assert snapshot_records(tmp_path / "snap") == original


def test_the_real_api_page_reads_directly_as_evidence(openalex_data):
    evidence = open_evidence(openalex_data / "api-page-works.json")
    works = list(evidence.works())
    assert evidence.kind == "json" and not evidence.coverage.complete and evidence.retrieved is None
    assert [w.id for w in works] == PAGE_IDS
    assert [w.doi for w in works] == ["10.1145/3383583.3398584", "10.48550/arxiv.2007.14454"]
    # The minified page is one line: both records start on it.
    assert [(w.origin.path, w.origin.line) for w in works] == [(str(openalex_data / "api-page-works.json"), 1)] * 2
    assert [str(w.published) for w in works] == ["2020-08-01", "2020"]  # 2020-01-01 is OpenAlex's way of writing a year
    info = summarise(evidence)
    assert (info["works"], info["authorships"]) == (2, 5)
    assert info["authorships_without_affiliation"] == 3  # the arXiv preprint's three authors have none
    assert info["as_of"] is None and info["as_of_basis"].startswith("unknown")


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
def test_a_pretty_printed_page_gives_the_line_each_record_starts_on(page, tmp_path, gz):
    text = json.dumps(page, indent=2, ensure_ascii=False) + "\n"
    path = tmp_path / ("page.json.gz" if gz else "page.json")
    path.write_bytes(gzip.compress(text.encode(), mtime=0) if gz else text.encode())
    expected = start_lines(path, text)
    assert len(expected) == 2 and expected[0] > 1
    works = list(open_evidence(path).works())
    assert [w.id for w in works] == PAGE_IDS
    assert [w.origin.line for w in works] == expected
    import_works(path, tmp_path / "snap")
    assert snapshot_records(tmp_path / "snap") == page["results"]  # pretty records, each on one line
    assert all(
        b"\n" not in line.rstrip(b"\n")
        for line in gzip.decompress((tmp_path / "snap" / WORKS_FILE).read_bytes()).splitlines()
    )


def test_the_real_single_work_record(openalex_data, tmp_path):
    source = openalex_data / "W2741809807.json"
    evidence = open_evidence(source)
    assert (evidence.kind, evidence.coverage.note) == ("json", "OpenAlex JSON read directly; no coverage declared")
    (w,) = evidence.works()
    assert (w.id, w.doi, w.origin.line) == ("W2741809807", "10.7717/peerj.4375", 1)
    summary = import_works(source, tmp_path / "snap")
    assert summary.records == 1 and str(Snapshot.open(tmp_path / "snap").retrieved) == "2025-06-11"


@pytest.mark.parametrize(
    "name, words",
    [
        ("I27837315.json", "an OpenAlex institution record (I27837315), not a work or an author"),
        ("T11636.json", "an OpenAlex topic record (T11636), not a work or an author"),
    ],
)
def test_other_openalex_records_are_refused_saying_what_they_are(openalex_data, tmp_path, capsys, name, words):
    source = openalex_data / name
    assert main(["evidence", "import", str(source), "--out", str(tmp_path / "snap")]) == 2
    err = capsys.readouterr().err
    assert err == f"{source}:1:1: {words}\n"
    assert not (tmp_path / "snap").exists()
    with pytest.raises(InputError) as e:
        list(open_evidence(source).works())
    assert e.value.lines() == [f"{source}:1:1: {words}"]
    assert main(["evidence", "show", str(source)]) == 2
    assert capsys.readouterr().err == f"{source}:1:1: {words}\n"


# --- tricky shapes, built from what real pages do --------------------------------------------------


def write_json(path: Path, value: object, *, indent: int | None = None) -> Path:
    path.write_text(json.dumps(value, indent=indent, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def api_page(results: object) -> dict:
    return {
        "meta": {"count": 2, "db_response_time_ms": 52, "page": None, "per_page": 200, "next_cursor": None},
        "results": results,
        "group_by": [],
    }


def test_a_minified_page_a_json_array_and_pages_a_line_each(tmp_path):
    one, two, three = work("W1", "One"), work("W2", "Two"), work("W3", "Three")
    minified = write_json(tmp_path / "page.json", api_page([one, two]))
    assert [(w.id, w.origin.line) for w in open_evidence(minified).works()] == [("W1", 1), ("W2", 1)]
    array = write_json(tmp_path / "works.json", [one, two, three], indent=1)
    starts = start_lines(array, array.read_text())
    assert [(w.id, w.origin.line) for w in open_evidence(array).works()] == list(
        zip(["W1", "W2", "W3"], starts, strict=True)
    )
    pages = tmp_path / "pages.jsonl"
    pages.write_text(json.dumps(api_page([one, two])) + "\n" + json.dumps(api_page([three])) + "\n")
    assert [(w.id, w.origin.line) for w in open_evidence(pages).works()] == [("W1", 1), ("W2", 1), ("W3", 2)]
    summary = import_works(pages, tmp_path / "snap")
    assert summary.records == 3


def test_an_empty_page_imports_as_an_empty_snapshot_whose_as_of_is_unknown(tmp_path, capsys):
    source = write_json(tmp_path / "empty.json", api_page([]), indent=2)
    assert main(["evidence", "import", str(source), "--out", str(tmp_path / "snap")]) == 0
    captured = capsys.readouterr()
    assert "0 records" in captured.out and "as of unknown" in captured.out
    assert "note: as-of unknown: the file holds no record to tell" in captured.err
    assert Snapshot.open(tmp_path / "snap").retrieved is None


@pytest.mark.parametrize(
    "results, words",
    [
        ({"W1": {}}, "'results' is an object, not a list: not an OpenAlex API list response"),
        (None, "'results' is null, not a list: not an OpenAlex API list response"),
        ("W1", "'results' is a string, not a list: not an OpenAlex API list response"),
    ],
)
def test_results_that_are_not_a_list_are_refused(tmp_path, results, words):
    source = write_json(tmp_path / "page.json", api_page(results), indent=2)
    with pytest.raises(InputError) as e:
        import_works(source, tmp_path / "snap")
    assert e.value.lines() == [f"{source}:1:1: {words}"]
    assert not (tmp_path / "snap").exists()


def test_a_record_with_a_null_id_is_refused_at_its_line_or_skipped(tmp_path, capsys):
    source = write_json(tmp_path / "page.json", api_page([work("W1", "x"), work("W2", "y") | {"id": None}]), indent=2)
    bad_line = next(n for n, line in enumerate(source.read_text().split("\n"), 1) if '"title": "y"' in line) - 3
    assert main(["evidence", "import", str(source), "--out", str(tmp_path / "snap")]) == 2
    assert capsys.readouterr().err == f"{source}:{bad_line}:5: not an OpenAlex work or author record: 'id' is None\n"
    assert not (tmp_path / "snap").exists()
    summary = import_works(source, tmp_path / "snap", skip_invalid=True)
    assert (summary.records, summary.manifest.skipped_lines) == (
        1,
        [{"line": bad_line, "column": 5, "reason": "not an OpenAlex work or author record: 'id' is None"}],
    )


@pytest.mark.parametrize(
    "text, words",
    [
        ('{"meta": {}, "results": [{"id": "https://openalex.org/W1"}', "1:1: the JSON value begun here is not closed"),
        (
            '{"results": [1, {"id": "https://openalex.org/W1"}]}',
            "1:14: expected a JSON object (a work or author record), found 1",
        ),
        ('{"results": [null]}', "1:14: expected a JSON object (a work or author record), found null"),
        ('{"results": []}}', "1:16: not a JSON object: unexpected content after document"),
        ('{"results": [{"id": "https://openalex.org/W1", "x": tru}]}', "1:53: not a JSON object: invalid literal"),
        ('{"results": [{"id": "https://openalex.org/W1"}]}\n{"results": []}}', "2:16: unexpected '}'"),
        ('{\n"results": [{"id": "https://openalex.org/W1", "x": tru}]}', "2:52: not JSON: invalid literal"),
        (
            '{"name": "a list of something else"}',
            "1:1: not OpenAlex works or authors: expected JSON Lines of work or author records",
        ),
        (
            "42",
            "1:1: not OpenAlex works or authors: expected JSON Lines of work or author records, an API list response {meta, results}",
        ),
        ('{"results": [{"id": "https://openalex.org/W1", "t": "cut sh', "the file is cut short"),
    ],
)
def test_broken_documents_are_refused_in_one_line(tmp_path, capsys, text, words):
    source = tmp_path / "page.json"
    source.write_text(text)
    assert main(["evidence", "import", str(source), "--out", str(tmp_path / "snap")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"{source}:") and words in err
    assert main(["check", "--evidence", str(source)]) == 2


@pytest.mark.parametrize(
    "broken",
    [
        '{"id": "https://openalex.org/W1", "title": "a record cut short"',  # ends after a value
        '{"id": "https://openalex.org/W1", "title": "x",',  # an object awaiting a key
        '{"id": "https://openalex.org/W1", "cited_by_count": 12',
        '{"id": "https://openalex.org/W1", "title": "a string cut sh',
        '\ufeff{"id": "https://openalex.org/W1", "title": "x"',  # after a byte order mark
        "null",  # a whole value, but no record
        '{"id": "https://openalex.org/I27837315", "display_name": "an institution"}',
    ],
)
@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
def test_json_lines_whose_first_record_is_cut_short_name_that_line_and_may_skip_it(page, tmp_path, capsys, broken, gz):
    """A first line that ends before its value does reads like the start of a pretty-printed
    document; where the next line is a whole record that could be no part of it, the file is
    JSON Lines with a broken first line, not a document "cut short" at its end that
    --skip-invalid could not get past. A first line that is a whole value but no record, alike."""
    text = broken + "\n" + "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in page["results"])
    source = tmp_path / ("works.jsonl.gz" if gz else "works.jsonl")
    source.write_bytes(gzip.compress(text.encode()) if gz else text.encode())
    assert main(["evidence", "import", str(source), "--out", str(tmp_path / "snap")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"{source}:1:") and "cut short" not in err
    assert not (tmp_path / "snap").exists()
    summary = import_works(source, tmp_path / "snap", skip_invalid=True)
    assert summary.records == 2 and [s["line"] for s in summary.manifest.skipped_lines] == [1]
    assert snapshot_records(tmp_path / "snap") == page["results"]


@pytest.mark.parametrize(
    "opening, closing",
    [("[", "]"), ('{"meta": {"count": 1}, "results": [', "]}"), ("[\n", "\n]")],
    ids=["array", "page", "array, blank line"],
)
def test_a_document_that_opens_a_list_and_gives_a_record_a_line_is_still_a_document(page, tmp_path, opening, closing):
    """The other reading of a first line that ends early: a list opened for the records that follow."""
    one = page["results"][0]
    source = tmp_path / "works.json"
    source.write_text(f"{opening}\n{json.dumps(one)}\n{closing}\n")
    summary = import_works(source, tmp_path / "snap")
    assert summary.records == 1 and summary.manifest.queries[0]["layout"] == "JSON document"
    cut = tmp_path / "cut.json"
    cut.write_text(f"{opening}\n{json.dumps(one)}\n")  # the same, cut short: still a document, still refused
    with pytest.raises(InputError) as e:
        import_works(cut, tmp_path / "snap2")
    assert e.value.lines()[0].endswith("the file is cut short")


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
def test_json_lines_with_a_byte_order_mark_name_a_broken_line_at_its_place(page, tmp_path, gz):
    one, two = (json.dumps(r) for r in page["results"])
    text = "\ufeff" + one + "\n" + two + "\n" + one[:200] + "\n" + two + "\n"
    source = tmp_path / ("works.jsonl.gz" if gz else "works.jsonl")
    source.write_bytes(gzip.compress(text.encode()) if gz else text.encode())
    with pytest.raises(InputError) as e:
        import_works(source, tmp_path / "snap")
    assert e.value.lines() == [f"{source}:3:201: not a JSON object: unexpected control character in string"]
    summary = import_works(source, tmp_path / "snap", skip_invalid=True)
    assert summary.records == 2 and [s["line"] for s in summary.manifest.skipped_lines] == [3]
    assert snapshot_records(tmp_path / "snap") == page["results"]


def test_json_lines_whose_first_record_is_larger_than_a_few_mib_are_json_lines(page, tmp_path):
    big = page["results"][1] | {"abstract_inverted_index": {f"w{k}": [k] for k in range(250_000)}}
    source = tmp_path / "works.jsonl"
    source.write_text(json.dumps(big) + "\n" + json.dumps(page["results"][0])[:300] + "\n")
    assert source.stat().st_size > 4 << 20
    summary = import_works(source, tmp_path / "snap", skip_invalid=True)
    assert summary.records == 1 and [s["line"] for s in summary.manifest.skipped_lines] == [2]


@pytest.mark.parametrize(
    "text, works",
    [
        (  # a work whose nested object, on a line of its own, holds an author's id
            '[{"id": "https://openalex.org/W1", "title": "T", "author":\n'
            '{"id": "https://openalex.org/A5", "display_name": "X"}\n}, {"id": "https://openalex.org/W2"}]\n',
            ["https://openalex.org/W1", "https://openalex.org/W2"],
        ),
        (
            '{"id": "https://openalex.org/W1", "title": "T", "author":\n{"id": "https://openalex.org/A5"}\n}\n',
            ["https://openalex.org/W1"],
        ),
        (
            '{"results": [{"id": "https://openalex.org/W1", "related": [\n{"id": "https://openalex.org/W9"}\n]}]}\n',
            ["https://openalex.org/W1"],
        ),
    ],
)
def test_a_first_line_cut_where_a_document_may_go_on_is_read_as_a_document(tmp_path, text, works):
    """After a key's colon, or in an array, the next line's record may be part of a document:
    it is read as one, never as JSON Lines whose lines would be skipped and a nested object
    imported as a record."""
    source = tmp_path / "works.json"
    source.write_text(text)
    summary = import_works(source, tmp_path / "snap", skip_invalid=True)
    assert summary.manifest.queries[0]["layout"] == "JSON document" and not summary.manifest.skipped_lines
    assert [r["id"] for r in snapshot_records(tmp_path / "snap")] == works


def test_a_file_of_another_kind_names_what_evidence_may_be(tmp_path):
    other = tmp_path / "works.csv"
    other.write_text("id,title\n")
    with pytest.raises(InputError) as e:
        open_evidence(other)
    assert "expected a snapshot folder, a curated .yaml file or a file of OpenAlex records" in e.value.lines()[0]
    assert "an API list response {meta, results}" in e.value.lines()[0]


TRICKY = {
    "meta": {"count": 3, "next_cursor": 'Ils2MC4w}]"[{'},
    "results": [
        work("W1", 'Braces } ] and quotes " in a title \\ "with" escapes') | {"abstract_inverted_index": {"{": [0]}},
        work("W2", "Unicode: 微软亚洲研究院 — ünïcödé, \u2028 a line separator"),
        work("W3", "Last") | {"updated_date": "2011-03-04T00:00:00"},
    ],
    "group_by": [],
}


@pytest.mark.parametrize("indent", [None, 2])
@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 64, 4096])
def test_any_chunk_size_cuts_the_same_records_at_the_same_lines(tmp_path, monkeypatch, indent, chunk):
    """Records and strings cut across the reading buffer's edges (every edge, at chunk 1)."""
    source = write_json(tmp_path / "page.json", TRICKY, indent=indent)
    expected = [(r.n, r.line, r.column, r.record) for r in records_module.document_records(source)]
    monkeypatch.setattr(records_module, "_CHUNK", chunk)
    got = [(r.n, r.line, r.column, r.record) for r in records_module.document_records(source)]
    assert got == expected and [r[3] for r in got] == TRICKY["results"]
    if indent:
        assert [r[1] for r in got] == start_lines(source, source.read_text())


def test_a_first_line_too_long_to_sniff_is_still_read(tmp_path, monkeypatch):
    source = write_json(tmp_path / "page.json", TRICKY)
    monkeypatch.setattr(records_module, "SNIFF_LIMIT", 50)
    assert [w.id for w in open_evidence(source).works()] == ["W1", "W2", "W3"]


def test_json_lines_keep_their_errors_at_their_line(tmp_path):
    source = tmp_path / "works.jsonl"
    source.write_text(json.dumps(work("W1", "x")) + "\n{broken\n")
    with pytest.raises(InputError) as e:
        list(open_evidence(source).works())
    assert e.value.lines()[0].startswith(f"{source}:2:2: not a JSON object")


@pytest.mark.parametrize(
    "text, words",
    [
        ('["https://openalex.org/W1"]', "1:2: expected a JSON object (a work or author record), found a string"),
        ("[[]]", "1:2: expected a JSON object (a work or author record), found an array"),
        ('{"results": [true]}', "1:14: expected a JSON object (a work or author record), found true"),
    ],
)
def test_elements_that_are_not_objects_are_named_in_jsons_words(tmp_path, text, words):
    source = tmp_path / "works.json"
    source.write_text(text)
    with pytest.raises(InputError) as e:
        list(open_evidence(source).works())
    assert e.value.lines() == [f"{source}:{words}"]


def test_a_claimwatch_report_given_as_evidence_says_what_it_is(tmp_path, capsys):
    """A report's "results" would read as an API page's and fail with "'id' is None" on its first
    claim; it is named for what it is instead."""
    from claimwatch.cli import main

    report = tmp_path / "report.json"
    report.write_text('{\n  "claimwatch": "0.1.0",\n  "results": [{"claim": "c"}]\n}\n', encoding="utf-8")
    assert main(["evidence", "show", str(report)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"{report}:1:1: a claimwatch report, not OpenAlex works: give the evidence it was made from (its inputs name it)"
    )
