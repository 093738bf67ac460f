"""Author records as evidence (issue 21): imported beside works (told apart by their ids),
read from a file directly, kept in a snapshot's own authors file with its count, sha256 and
coverage; snapshots without them still open; curated histories with their sources."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from claimwatch.cli import main
from claimwatch.curated import read_people
from claimwatch.errors import InputError
from claimwatch.evidence import (
    AUTHORS_FILE,
    MANIFEST,
    WORKS_FILE,
    Snapshot,
    import_works,
    open_evidence,
    open_evidence_paths,
    summarise,
)
from claimwatch.people import STATED_YEARS
from helpers import LAB, authorship, work, write, write_jsonl

OPENALEX = "https://openalex.org/"


def person(aid: str, name: str = "Li Wei", *, updated: str = "2025-03-01T00:00:00", years: list[int] | None = None):
    return {
        "id": OPENALEX + aid,
        "orcid": None,
        "display_name": name,
        "display_name_alternatives": [],
        "affiliations": [
            {"institution": {"id": OPENALEX + "I100", "display_name": "Example Lab"}, "years": years or []}
        ],
        "last_known_institutions": [],
        "updated_date": updated,
    }


def by(*authors: tuple[str | None, str]) -> list[dict[str, Any]]:
    """Authorships at the lab, each naming its OpenAlex author (or none)."""
    out = []
    for aid, name in authors:
        a = authorship(name, [LAB])
        a["author"]["id"] = OPENALEX + aid if aid else None
        out.append(a)
    return out


def lines(path: Path) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def test_works_and_authors_in_one_file_go_to_their_own_files(tmp_path):
    records = [
        work("W1", "One", authorships=by(("A1", "Li Wei"), ("A2", "Zhang San"))),
        person("A1", updated="2025-01-01T00:00:00"),
        work("W2", "Two", authorships=by(("A2", "Zhang San"))),
        person("A2", "Zhang San"),
        person("A1", "Li Wei (newer)", updated="2025-04-01T00:00:00"),  # a duplicate: the newest is kept
    ]
    source = write_jsonl(tmp_path / "mixed.jsonl.gz", records, gz=True)
    summary = import_works(source, tmp_path / "snap", institutions=["I100"])
    assert (summary.records, summary.authors, summary.duplicates_collapsed) == (2, 2, 1)
    snap = tmp_path / "snap"
    assert [r["id"] for r in lines(snap / WORKS_FILE)] == [OPENALEX + "W1", OPENALEX + "W2"]
    assert [r["display_name"] for r in lines(snap / AUTHORS_FILE)] == ["Zhang San", "Li Wei (newer)"]
    manifest = json.loads((snap / MANIFEST).read_text())
    assert manifest["files"][AUTHORS_FILE]["records"] == 2 and len(manifest["files"][AUTHORS_FILE]["sha256"]) == 64
    assert manifest["authors"]["records"] == 2 and manifest["authors"]["missing_ids"] == []
    coverage = manifest["authors"]["coverage"]
    assert (coverage["complete"], coverage["institutions"], coverage["authors"], coverage["missing"]) == (
        True,
        ["I100"],
        2,
        0,
    )
    assert manifest["as_of"] == "2025-01-01"  # the works' newest updated_date, not the authors'
    evidence = Snapshot.open(snap)
    assert [(p.id, p.origin.line) for p in evidence.authors()] == [("A2", 1), ("A1", 2)]
    assert evidence.author_records == 2 and evidence.author_coverage.complete


def test_author_coverage_is_checked_against_the_works_not_believed(tmp_path):
    records = [
        work("W1", "One", authorships=by(("A1", "Li Wei"), ("A2", "Zhang San"), (None, "Unnamed"))),
        person("A1"),
    ]
    source = write_jsonl(tmp_path / "in.jsonl", records)
    summary = import_works(source, tmp_path / "snap", institutions=["I100"])
    assert summary.manifest.coverage.complete  # the works are covered
    authors = summary.manifest.authors
    assert authors is not None and not authors.coverage.complete
    assert (authors.coverage.authors, authors.coverage.missing, authors.coverage.without_author_id) == (2, 1, 1)
    assert authors.model_dump()["missing_ids"] == ["A2"]
    assert authors.coverage.note == (
        "1 of the 2 authors on the covered works have no record in the file; "
        "1 authorship on them name no OpenAlex author"
    )
    # Without a declared subject, nothing is covered: works or authors.
    bare = import_works(source, tmp_path / "bare")
    assert bare.manifest.authors is not None and not bare.manifest.authors.coverage.complete
    assert bare.manifest.authors.coverage.authors is None


@pytest.mark.parametrize("shape", ["page", "array", "one", "pretty-array"])
def test_author_records_in_every_shape_a_user_has(tmp_path, shape):
    records = [person("A1"), person("A2", "Zhang San"), work("W1", "One")]
    path = tmp_path / "in.json"
    if shape == "page":
        text = json.dumps({"meta": {"count": 3, "per_page": 100, "next_cursor": None}, "results": records})
    elif shape == "array":
        text = json.dumps(records)
    elif shape == "pretty-array":
        text = json.dumps(records, indent=2)
    else:
        records = [person("A1")]
        text = json.dumps(records[0], indent=2)
    path.write_text(text)
    want = sorted(r["id"].rsplit("/", 1)[-1] for r in records if "/A" in r["id"])
    assert sorted(p.id for p in open_evidence(path).authors()) == want
    summary = import_works(path, tmp_path / "snap")
    assert sorted(p.id for p in Snapshot.open(tmp_path / "snap").authors()) == want
    assert summary.records == sum("/W" in r["id"] for r in records)


def test_a_file_of_authors_read_directly_as_evidence(tmp_path):
    source = write_jsonl(tmp_path / "authors.jsonl", [person("A1", years=[2021, 2019]), work("W1", "One")])
    (evidence,) = open_evidence_paths([source])
    (p,) = evidence.authors()
    assert (p.id, p.origin.path, p.origin.line, p.affiliations[0].years) == ("A1", str(source), 1, (2019, 2021))
    assert [w.id for w in evidence.works()] == ["W1"]  # the works of the file, its authors apart
    assert evidence.author_records is None and not evidence.author_coverage.complete
    info = summarise(evidence)
    assert (info["works"], info["author_records"], info["author_affiliations"]) == (1, 1, 1)


def test_institution_and_topic_records_are_still_refused(tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", [person("A1"), {"id": OPENALEX + "I27837315", "display_name": "X"}])
    assert main(["evidence", "import", str(source), "--out", str(tmp_path / "snap")]) == 2
    assert capsys.readouterr().err == (
        f"{source}:2:1: an OpenAlex institution record (I27837315), not a work or an author\n"
    )
    assert not (tmp_path / "snap").exists()
    with pytest.raises(InputError):
        list(open_evidence(source).authors())


def test_the_import_command_names_works_and_author_records(tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", [work("W1", "One", authorships=by(("A1", "Li"))), person("A1")])
    assert main(["evidence", "import", str(source), "--out", str(tmp_path / "snap"), "--subject", "I100"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"wrote {tmp_path / 'snap'}: 1 work, 1 author record, 0 duplicates collapsed")
    assert out[1] == (
        "authors: complete for the authors of the works of I100, the start to the as-of day, 2025-01-01 "
        "(declared by user, checked against the records; 1 author)"
    )
    assert main(["evidence", "show", str(tmp_path / "snap")]) == 0
    shown = capsys.readouterr().out
    assert "authors      1 record, 1 affiliation, 1 without years; coverage complete" in shown


def test_a_snapshot_made_before_author_records_still_opens_and_holds_none(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [work("W1", "One")])
    import_works(source, tmp_path / "snap")
    snap = tmp_path / "snap"
    manifest = json.loads((snap / MANIFEST).read_text())
    assert "authors" not in manifest and list(manifest["files"]) == [WORKS_FILE, "works.parquet"]  # no authors file
    # A manifest written by an earlier claimwatch has no `authors` key at all, not even null.
    (snap / MANIFEST).write_text(json.dumps({k: v for k, v in manifest.items() if k != "authors"}))
    evidence = Snapshot.open(snap)
    assert list(evidence.authors()) == [] and evidence.author_records == 0
    assert not evidence.author_coverage.complete and "holds no author records" in (evidence.author_coverage.note or "")
    assert [w.id for w in evidence.works()] == ["W1"]


def test_a_changed_authors_file_is_refused_as_a_changed_works_file_is(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [person("A1")])
    import_works(source, tmp_path / "snap")
    data = tmp_path / "snap" / AUTHORS_FILE
    data.write_bytes(gzip.compress(json.dumps(person("A1", "Someone Else")).encode() + b"\n", mtime=0))
    with pytest.raises(InputError) as e:
        list(Snapshot.open(tmp_path / "snap").authors())
    assert e.value.lines() == [
        f"{data}: does not match the sha256 in its manifest: the snapshot was changed or damaged"
    ]


def test_a_manifest_whose_authors_and_files_disagree_is_refused(tmp_path):
    import_works(write_jsonl(tmp_path / "in.jsonl", [person("A1")]), tmp_path / "snap")
    path = tmp_path / "snap" / MANIFEST
    manifest = json.loads(path.read_text())
    manifest["files"].pop(AUTHORS_FILE)
    path.write_text(json.dumps(manifest))
    with pytest.raises(InputError) as e:
        Snapshot.open(tmp_path / "snap")
    assert e.value.lines() == [f"{path}: gives 'authors' but no '{AUTHORS_FILE}': not a manifest claimwatch wrote"]


def test_the_same_records_give_the_same_snapshot_bytes(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [person("A2"), work("W1", "One"), person("A1")])
    for name in ("a", "b"):
        import_works(source, tmp_path / name)
    assert (tmp_path / "a" / AUTHORS_FILE).read_bytes() == (tmp_path / "b" / AUTHORS_FILE).read_bytes()


# --- curated histories --------------------------------------------------------------------------

HISTORY = """\
description: Histories read from the people's own pages.
people:
  - id: li-wei
    name: Li Wei
    aliases: [李伟]
    openalex: https://openalex.org/A5000000001
    orcid: https://orcid.org/0000-0002-1825-0097
    affiliations:
      - {name: Beihang University, ror: 00wk2mp56, country: CN, years: [2018, 2016, 2017], role: PhD student}
      - {name: Microsoft Research Asia, openalex: I4210113369, years: [2021]}
      - {name: A start-up the page does not date}
    sources: [{title: "Li Wei's CV", url: "https://example.org/cv", retrieved: 2026-01-05}]
"""


def test_a_curated_history_becomes_an_author_record_with_its_sources(tmp_path):
    path = write(tmp_path / "curated" / "people.yaml", HISTORY)
    (p,) = read_people(path)
    assert (p.id, p.openalex_id, p.orcid, p.alternative_names) == (
        "li-wei",
        "A5000000001",
        "0000-0002-1825-0097",
        ("李伟",),
    )
    assert (p.origin.kind, p.origin.path, p.origin.line) == ("curated", str(path), 3)
    assert [(a.institution.name, a.institution.id, a.institution.ror, a.years, a.role) for a in p.affiliations] == [
        ("Beihang University", None, "00wk2mp56", (2016, 2017, 2018), "PhD student"),
        ("Microsoft Research Asia", "I4210113369", None, (2021,), None),
        ("A start-up the page does not date", None, None, (), None),  # no years given: none invented
    ]
    assert p.years_basis == STATED_YEARS and p.sources[0]["url"] == "https://example.org/cv"
    assert p.identity_keys() == ["author:A5000000001", "orcid:0000-0002-1825-0097", f"curated:{path}#li-wei"]
    evidence = open_evidence(path)
    assert [x.id for x in evidence.authors()] == ["li-wei"] and list(evidence.works()) == []
    assert evidence.author_records == 1 and not evidence.author_coverage.complete
    # A folder search finds a file of people alone, as it finds one of works.
    assert [e.path for e in open_evidence_paths([tmp_path])] == [str(path)]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t + t.split("people:\n")[1], "13:9: duplicate person id 'li-wei' (first at line 3)"),
        (lambda t: t.replace("0000-0002-1825-0097", "0000-0002-1825-0098"), "is not an ORCID iD: its check digit"),
        (lambda t: t.replace("people:", "peoples:"), "unknown key 'peoples'"),
        (lambda t: t.replace("years: [2021]", "years: [2021, 2021]"), "has non-unique elements"),
        (lambda t: t.replace("    sources: [", "    references: ["), "3:5: people[0]: 'sources' is missing"),
    ],
)
def test_a_wrong_history_is_refused_with_its_line(tmp_path, change, message):
    path = write(tmp_path / "people.yaml", change(HISTORY))
    with pytest.raises(InputError) as e:
        list(read_people(path))
    assert any(message in line for line in e.value.lines()), e.value.lines()


@pytest.mark.parametrize(
    "written",
    [
        '"0000 0002 1825 0097"',  # spaced, as the ISNI it is a part of writes it
        '"0000\u20100002\u20101825\u20100097"',  # Unicode's hyphens, a CV converted from a PDF
        '"https://orcid.org/0000-0002-1825-0097?lang=en"',  # the address bar's
    ],
)
def test_a_curated_orcid_written_as_a_cv_writes_it_is_the_person_s_id(tmp_path, written):
    path = write(tmp_path / "people.yaml", HISTORY.replace("https://orcid.org/0000-0002-1825-0097", written))
    (p,) = read_people(path)
    assert p.orcid == "0000-0002-1825-0097"


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            '"0000 0004 1936 754X"',  # Harvard University's ISNI
            "7:12: people[0].orcid: '0000 0004 1936 754X' is not an ORCID iD: 0000-0004-1936-754X is an ISNI from outside the "
            "blocks ORCID gives its iDs from (0000-0001-5000-0007 to 0000-0003-5000-0001, 0009-0000-0000-0000 "
            "to 0009-0010-0000-0000), an organisation's or one a library gave",
        ),
        (
            '"0000 0002 1825 0098"',
            "7:12: people[0].orcid: '0000 0002 1825 0098' is not an ORCID iD: its check digit is wrong",
        ),
        (
            "0000-0002-1825",
            "7:12: people[0].orcid: '0000-0002-1825' is not an ORCID iD: 0000-0002-1825-0097, or https://orcid.org/0000-0002-1825-0097",
        ),
    ],
)
def test_a_curated_orcid_that_is_none_is_said_so_in_one_line(tmp_path, written, said):
    path = write(tmp_path / "people.yaml", HISTORY.replace("https://orcid.org/0000-0002-1825-0097", written))
    with pytest.raises(InputError) as e:
        list(read_people(path))
    assert e.value.lines() == [f"{path}:{said}"]


def test_a_curated_file_with_neither_works_nor_people_is_refused(tmp_path):
    path = write(tmp_path / "empty.yaml", "description: nothing yet\n")
    with pytest.raises(InputError) as e:
        open_evidence(path)
    assert e.value.lines() == [f"{path}:1:1: records nothing: curated evidence has 'works:', 'people:' or both"]


def test_authors_saved_beside_a_part_of_the_works_pages_do_not_make_it_whole(tmp_path):
    """Page 1 of 3 of a works query, and a page of authors: the authors never count as works."""
    page = {"meta": {"count": 3, "per_page": 1, "next_cursor": "x"}, "results": [work("W1", "One")]}
    authors = {
        "meta": {"count": 3, "per_page": 100, "next_cursor": None},
        "results": [person(f"A{k}") for k in range(3)],
    }
    source = tmp_path / "pages.jsonl"
    source.write_text(json.dumps(page) + "\n" + json.dumps(authors) + "\n")
    summary = import_works(source, tmp_path / "snap", institutions=["I100"])
    assert not summary.manifest.coverage.complete
    assert "the query matched 3 works, and the file holds 1" in (summary.manifest.coverage.note or "")


def _real_work_by_many(shared_data: Path, authors: int, **extra: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """W2741809807 as OpenAlex gives it, its first author at the lab and `authors` authors in all,
    and the real author record A5023888391 under each of their ids."""
    base = json.loads((shared_data / "openalex" / "W2741809807.json").read_text(encoding="utf-8"))
    author = json.loads((shared_data / "openalex" / "A5023888391.json").read_text(encoding="utf-8"))
    first, other = base["authorships"][0], base["authorships"][1]
    first["institutions"] = [LAB]
    people = [first] + [
        {**other, "author": {"id": f"{OPENALEX}A9{k:08d}", "display_name": f"Author {k}", "orcid": None}}
        for k in range(1, authors)
    ]
    record = {**base, "id": f"{OPENALEX}W900", "authorships": people, **extra}
    records = [{**author, "id": a["author"]["id"]} for a in people]
    return record, records


def test_a_covered_work_whose_author_list_was_cut_leaves_the_authors_incomplete(tmp_path, shared_data):
    """An API list page cuts a work's authors at 100 (`is_authors_truncated`): the file holds the
    record of every author it names, but not of those past the cut. A collect says so; so does
    an import."""
    cut, people = _real_work_by_many(shared_data, 100, is_authors_truncated=True)
    summary = import_works(write_jsonl(tmp_path / "cut.jsonl", [cut, *people]), tmp_path / "cut", institutions=["I100"])
    assert summary.manifest.coverage.complete  # the works are as declared
    authors = summary.manifest.authors
    assert authors is not None and (authors.records, authors.coverage.missing) == (100, 0)
    assert not authors.coverage.complete
    assert authors.coverage.note == (
        "1 covered work has its author list cut at 100, as API list pages give it (is_authors_truncated), "
        "so its other authors are not in the file"
    )
    # The same list, said whole by the record (as the bulk snapshot's are), is complete.
    whole, people = _real_work_by_many(shared_data, 100, is_authors_truncated=False)
    summary = import_works(
        write_jsonl(tmp_path / "whole.jsonl", [whole, *people]), tmp_path / "whole", institutions=["I100"]
    )
    assert summary.manifest.authors is not None and summary.manifest.authors.coverage.complete


@pytest.mark.parametrize(("authors", "cut"), [(100, True), (99, False), (101, False)])
def test_a_record_that_leaves_the_flag_out_is_cut_where_it_holds_exactly_the_cap(tmp_path, shared_data, authors, cut):
    """A `select` may leave `is_authors_truncated` out (the real record has none): exactly 100
    authorships is then an author list the API may have cut; more than 100 never are."""
    record, people = _real_work_by_many(shared_data, authors)
    assert "is_authors_truncated" not in record
    summary = import_works(
        write_jsonl(tmp_path / "in.jsonl", [record, *people]), tmp_path / "snap", institutions=["I100"]
    )
    assert summary.manifest.authors is not None
    assert summary.manifest.authors.coverage.complete is not cut
