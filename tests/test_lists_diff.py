"""`claimwatch lists diff OLD NEW`: entries added and removed (matched by id, then by name), dates,
citations, aliases and ids changed; human-readable and --json output; exit codes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from claimwatch import lists
from claimwatch.cli import main
from claimwatch.lists import _diff
from claimwatch.lists._model import ListEntry

FIXTURES = Path(__file__).parent / "fixtures" / "csl"

OLD = """\
id: demo
name: Demo list
sources: [{title: Demo source}]
entries:
  - id: harbin-institute-of-technology
    name: Harbin Institute of Technology
    aliases: [HIT]
    listed_from: 2020-06-05
    citation: 85 FR 34495
    verified: true
  - id: beihang-university
    name: Beihang University
    aliases: [BUAA, Beijing University of Aeronautics and Astronautics]
    listed_from: null
    citation: null
  - id: old-id-for-nudt
    name: National University of Defense Technology
    listed_from: 2015-02-18
    citation: 80 FR 8527
  - id: dropped-institute
    name: Dropped Institute
    listed_from: 2019-01-01
    citation: 99 FR 1
  - id: unchanged-institute
    name: Unchanged Institute
"""

NEW = """\
id: demo
name: Demo list
sources: [{title: Demo source}]
entries:
  - id: harbin-institute-of-technology
    name: Harbin Institute of Technology
    aliases: [HIT]
    listed_from: 2020-06-05
    citation: 85 FR 34495
    verified: true
  - id: beihang-university
    name: Beihang University
    aliases: [BUAA, 北京航空航天大学]
    ror: [00wk2mp56]
    listed_from: 2001-01-01
    listed_to: 2030-01-01
    citation: 66 FR 1
  - id: national-university-of-defense-technology
    name: national university  of defense technology
    aliases: [Hunan Guofang Keji University]
    listed_from: 2015-02-18
    citation: 80 FR 8527
  - id: unchanged-institute
    name: Unchanged Institute
  - id: added-institute
    name: Added Institute
    listed_from: 2024-05-09
    citation: 89 FR 41886
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def versions(tmp_path: Path) -> tuple[Path, Path]:
    # An old copy kept beside the current file under another name is the usual case.
    return write(tmp_path, "demo.old.yaml", OLD), write(tmp_path, "demo.yaml", NEW)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_diff_finds_every_kind_of_change(versions):
    old, new = (lists.load_list_version(p) for p in versions)
    diff = lists.diff_lists(old, new)
    assert [e.id for e in diff.added] == ["added-institute"]
    assert [e.id for e in diff.removed] == ["dropped-institute"]
    beihang, nudt = diff.changed
    assert (beihang.entry.id, beihang.matched_by) == ("beihang-university", "id")
    assert beihang.fields == {
        "listed_from": (None, dt.date(2001, 1, 1)),
        "listed_to": (None, dt.date(2030, 1, 1)),
        "citation": (None, "66 FR 1"),
    }
    assert beihang.added == {"aliases": ("北京航空航天大学",), "ror": ("00wk2mp56",)}
    assert beihang.removed == {"aliases": ("Beijing University of Aeronautics and Astronautics",)}
    # No id in common: matched by name, case and spacing aside; the id and the name's spelling changed.
    assert (nudt.entry.id, nudt.old_id, nudt.matched_by) == (
        "national-university-of-defense-technology",
        "old-id-for-nudt",
        "name",
    )
    assert nudt.fields == {
        "id": ("old-id-for-nudt", "national-university-of-defense-technology"),
        "name": ("National University of Defense Technology", "national university  of defense technology"),
    }
    assert nudt.added == {"aliases": ("Hunan Guofang Keji University",)} and nudt.removed == {}
    assert diff.has_changes


def test_human_readable_output(capsys, versions):
    old, new = versions
    code, out, err = run(capsys, "lists", "diff", str(old), str(new))
    assert (code, err) == (0, "")
    assert out == (
        f"{old} (demo, 5 entries) -> {new} (demo, 5 entries): 1 added, 1 removed, 2 changed\n"
        "+ Added Institute [added-institute] (listed 2024-05-09, 89 FR 41886)\n"
        "- Dropped Institute [dropped-institute] (listed 2019-01-01, 99 FR 1)\n"
        "~ Beihang University [beihang-university]\n"
        "    listed_from: null -> 2001-01-01\n"
        "    listed_to: null -> listed until 2030-01-01\n"
        "    citation: null -> 66 FR 1\n"
        "    aliases added: 北京航空航天大学\n"
        "    aliases removed: Beijing University of Aeronautics and Astronautics\n"
        "    ror added: 00wk2mp56\n"
        "~ national university  of defense technology [national-university-of-defense-technology, matched by name "
        "to 'old-id-for-nudt']\n"
        "    id: old-id-for-nudt -> national-university-of-defense-technology\n"
        "    name: National University of Defense Technology -> national university  of defense technology\n"
        "    aliases added: Hunan Guofang Keji University\n"
    )


def test_json_output(capsys, versions):
    old, new = versions
    code, out, _ = run(capsys, "lists", "diff", str(old), str(new), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["has_changes"] is True
    assert data["summary"] == {"added": 1, "removed": 1, "changed": 2}
    assert data["old"]["path"] == str(old) and data["old"]["id"] == "demo" and data["old"]["entries"] == 5
    assert len(data["new"]["sha256"]) == 64
    assert data["added"] == [
        {
            "id": "added-institute",
            "name": "Added Institute",
            "listed_from": "2024-05-09",
            "listed_to": None,
            "citation": "89 FR 41886",
        }
    ]
    assert [e["id"] for e in data["removed"]] == ["dropped-institute"]
    beihang = data["changed"][0]
    assert beihang == {
        "id": "beihang-university",
        "old_id": "beihang-university",
        "name": "Beihang University",
        "matched_by": "id",
        "changes": {
            "listed_from": {"old": None, "new": "2001-01-01"},
            "listed_to": {"old": None, "new": "2030-01-01"},
            "citation": {"old": None, "new": "66 FR 1"},
            "aliases": {
                "added": ["北京航空航天大学"],
                "removed": ["Beijing University of Aeronautics and Astronautics"],
            },
            "ror": {"added": ["00wk2mp56"], "removed": []},
        },
    }
    assert data["changed"][1]["matched_by"] == "name"


def test_exit_code_option(capsys, versions, tmp_path):
    old, new = versions
    assert run(capsys, "lists", "diff", str(old), str(new), "--exit-code")[0] == 1
    assert run(capsys, "lists", "diff", str(old), str(new), "--json", "--exit-code")[0] == 1
    same = write(tmp_path / "copy", "demo.yaml", NEW)
    code, out, _ = run(capsys, "lists", "diff", str(new), str(same), "--exit-code")
    assert code == 0 and out.endswith(": no changes\n")
    data = json.loads(run(capsys, "lists", "diff", str(new), str(same), "--json")[1])
    assert data["has_changes"] is False and data["changed"] == data["added"] == data["removed"] == []


def test_shipped_list_against_itself_has_no_changes(capsys, project_root):
    shipped = project_root / "evidence" / "lists" / "us-entity-list.yaml"
    code, out, _ = run(capsys, "lists", "diff", str(shipped), str(shipped), "--exit-code")
    assert code == 0 and "no changes" in out


def test_diff_of_two_imports_of_the_screening_list(tmp_path, capsys):
    """The watchdog's case: import, refresh, compare."""
    data = json.loads((FIXTURES / "consolidated.json").read_text(encoding="utf-8"))
    hit = next(r for r in data["results"] if r["name"] == "Harbin Institute of Technology")
    hit["alt_names"] = ["HIT"]
    hit["federal_register_notice"] = "85 FR 34495 06/05/2020"
    data["results"] = [r for r in data["results"] if r["name"] != "Anomaly Trading LLC"]
    data["results"].append(
        {
            **hit,
            "id": "feedfacefeedfacefeedfacefeedfacefeedface",
            "name": "New Example Institute",
            "alt_names": None,
            "start_date": "2025-01-15",
            "federal_register_notice": "99 FR 20000",
        }
    )
    refreshed = tmp_path / "refreshed.json"
    refreshed.write_text(json.dumps(data), encoding="utf-8")
    old, new = tmp_path / "old" / "el.yaml", tmp_path / "new" / "el.yaml"
    assert (
        run(capsys, "lists", "import", "csl", str(FIXTURES / "consolidated.csv"), "--out", str(old), "--source", "EL")[
            0
        ]
        == 0
    )
    assert run(capsys, "lists", "import", "csl", str(refreshed), "--out", str(new), "--source", "EL")[0] == 0
    code, out, _ = run(capsys, "lists", "diff", str(old), str(new), "--exit-code")
    assert code == 1
    assert out.splitlines()[1:] == [
        "+ New Example Institute [new-example-institute] (listed 2025-01-15, 99 FR 20000)",
        "- Anomaly Trading LLC [anomaly-trading-llc] (listing date unknown, 99 FR 10003)",
        "~ Harbin Institute of Technology [harbin-institute-of-technology]",
        "    citation: 85 FR 34495 -> 85 FR 34495 06/05/2020",
        "    aliases added: HIT",
    ]


def test_a_broken_list_file_is_bad_input(tmp_path, capsys, versions):
    broken = write(tmp_path, "broken.yaml", "id: demo\nname: Demo\nsources: []\nentries: []\n")
    code, _, err = run(capsys, "lists", "diff", str(versions[0]), str(broken))
    assert code == 2 and err.startswith(f"{broken}:3:")


def test_duplicate_entry_ids_in_a_version_are_bad_input(tmp_path, capsys, versions):
    twice = write(tmp_path, "twice.yaml", NEW + "  - id: added-institute\n    name: Added Again\n")
    code, _, err = run(capsys, "lists", "diff", str(versions[0]), str(twice))
    assert code == 2 and "duplicate entry id 'added-institute'" in err and err.startswith(f"{twice}:")


def test_a_refresh_that_moves_an_entity_abroad_or_to_another_list_is_a_change(tmp_path, capsys, shared_data):
    """The real CETC 13 row, refreshed with a Hong Kong address beside its Shijiazhuang one and
    moved from the Entity List to the Military End User List: its country (which decides whether
    a name found in text counts) went from CN to none and its source list changed, and `lists diff
    --exit-code` said "no changes", exit 0, so a watchdog's refresh job learnt nothing."""
    import csv

    with (shared_data / "csl/consolidated-2025-excerpt.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    (cetc,) = [r for r in rows if r["name"].startswith("China Electronics Technology Group Corporation 13th")]

    def version(folder: str, row: dict) -> Path:
        source = tmp_path / f"{folder}.csv"
        with source.open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]), quoting=csv.QUOTE_ALL)
            writer.writeheader()
            writer.writerow(row)
        out = tmp_path / folder / "csl.yaml"
        assert run(capsys, "lists", "import", "csl", str(source), "--out", str(out))[0] == 0
        return out

    meu = "Military End User (MEU) List - Bureau of Industry and Security"
    hong_kong = "Unit 1, 1 Example Road, Kowloon, Hong Kong, HK"
    old = version("old", cetc)
    new = version("new", {**cetc, "addresses": f"{cetc['addresses']}; {hong_kong}", "source": meu})
    code, out, _ = run(capsys, "lists", "diff", str(old), str(new), "--exit-code")
    assert code == 1
    (old_entry,), (new_entry,) = lists.load_list(old).entries, lists.load_list(new).entries
    # The import's notes say the entry's two countries now (thirty-fourth part: notes compared).
    assert new_entry.notes == f"Addresses in 2 countries: CN, HK. {old_entry.notes}"
    assert out.splitlines()[2:] == [
        "    country: CN -> null",
        f"    notes: {old_entry.notes} -> {new_entry.notes}",
        f"    addresses added: {hong_kong}",
        f"    source_lists added: {meu}",
        "    source_lists removed: Entity List (EL) - Bureau of Industry and Security",
    ]
    changes = json.loads(run(capsys, "lists", "diff", str(old), str(new), "--json")[1])["changed"][0]["changes"]
    assert changes["country"] == {"old": "CN", "new": None}
    assert changes["source_lists"] == {
        "added": [meu],
        "removed": ["Entity List (EL) - Bureau of Industry and Security"],
    }


def test_an_entry_no_longer_confirmed_is_a_change(tmp_path, capsys, versions):
    old, _ = versions
    unconfirmed = write(tmp_path / "new", "demo.yaml", OLD.replace("verified: true", "verified: false", 1))
    code, out, _ = run(capsys, "lists", "diff", str(old), str(unconfirmed), "--exit-code")
    assert code == 1 and "    verified: true -> false" in out.splitlines()


def test_a_start_kept_unread_beside_the_one_read_is_a_change(tmp_path, capsys, versions):
    """listed_from_unread (a start that may be earlier than listed_from) is compared as listed_to_unread is."""
    old, _ = versions
    perhaps_earlier = write(
        tmp_path / "new",
        "demo.yaml",
        OLD.replace(
            "    listed_from: 2020-06-05\n", "    listed_from: 2020-06-05\n    listed_from_unread: 6/5/2015\n", 1
        ),
    )
    code, out, _ = run(capsys, "lists", "diff", str(old), str(perhaps_earlier), "--exit-code")
    assert code == 1 and any("listed_from_unread" in line and "6/5/2015" in line for line in out.splitlines())


RENAMED_OLD = """\
id: demo
name: Demo list
sources: [{title: Demo source}]
entries:
  - id: hebei-semiconductor-research-institute
    name: Hebei Semiconductor Research Institute
    listed_from: 2018-08-01
    citation: 83 FR 37423
  - id: example-works
    name: Example Works
  - id: example-works-cn
    name: Example Works Co
"""

RENAMED_NEW = """\
id: demo
name: Demo list
sources: [{title: Demo source}]
entries:
  - id: china-electronics-technology-group-corporation-13th-research-institute
    name: China Electronics Technology Group Corporation 13th Research Institute
    aliases: [Hebei Semiconductor Research Institute, HSRI]
    listed_from: 2018-08-01
    citation: 83 FR 37423; 87 FR 77505
  - id: example-works-group
    name: Example Works Group
    aliases: [Example Works, Example Works Co]
"""


def test_an_entry_renamed_with_its_old_name_kept_as_an_alias_is_changed_not_removed(tmp_path, capsys):
    """Found by the twenty-first part's hunt: the Entity List revises an entry to a new name, a.k.a. the
    old one; its id (the slug of the name) changes too, and the diff said the entity was removed (as
    if taken off the list) and another added. Two old entries named among one new entry's aliases (a
    merge) pair with nothing: which one went on is not known."""
    old = write(tmp_path, "demo.old.yaml", RENAMED_OLD)
    new = write(tmp_path, "demo.yaml", RENAMED_NEW)
    diff = lists.diff_lists(lists.load_list_version(old), lists.load_list_version(new))
    (cetc,) = diff.changed
    assert (cetc.old_id, cetc.matched_by) == ("hebei-semiconductor-research-institute", "former name")
    assert cetc.fields["name"] == (
        "Hebei Semiconductor Research Institute",
        "China Electronics Technology Group Corporation 13th Research Institute",
    )
    assert [e.id for e in diff.removed] == ["example-works", "example-works-cn"]
    assert [e.id for e in diff.added] == ["example-works-group"]
    code, out, _ = run(capsys, "lists", "diff", str(old), str(new))
    shown = (
        "~ China Electronics Technology Group Corporation 13th Research Institute "
        "[china-electronics-technology-group-corporation-13th-research-institute, matched by former name to "
        "'hebei-semiconductor-research-institute']\n"
    )
    assert code == 0 and shown in out


NAMESAKE_OLD = """\
id: demo
name: Demo list
sources: [{title: Demo source}]
entries:
  - id: foo-technology
    name: Foo Technology
    listed_from: 2019-05-16
    citation: 84 FR 22961
"""

NAMESAKE_NEW = """\
id: demo
name: Demo list
sources: [{title: Demo source}]
entries:
  - id: bar-electronics
    name: Bar Electronics
    aliases: [Foo Technology]
    listed_from: 2024-12-05
    citation: 89 FR 96790
"""


def test_an_entity_newly_listed_under_the_name_of_one_taken_off_is_no_rename(tmp_path, capsys):
    """Found by review of the twenty-first part: Foo Technology was taken off and an unrelated Bar
    Electronics, a.k.a. "Foo Technology", was added in another rule on another day; the diff paired
    them as one entity renamed ("matched by former name"), so Foo read as still listed. A rename keeps
    the listing date and the citation of the rule that listed it; without either, the two are removed
    and added, and the added line says whose name it carries."""
    old = write(tmp_path, "demo.old.yaml", NAMESAKE_OLD)
    new = write(tmp_path, "demo.yaml", NAMESAKE_NEW)
    diff = lists.diff_lists(lists.load_list_version(old), lists.load_list_version(new))
    assert diff.changed == ()
    assert [e.id for e in diff.removed] == ["foo-technology"]
    assert [e.id for e in diff.added] == ["bar-electronics"]
    code, out, _ = run(capsys, "lists", "diff", str(old), str(new))
    assert code == 0 and out.splitlines()[1:] == [
        "+ Bar Electronics [bar-electronics] (listed 2024-12-05, 89 FR 96790); carries the name of removed "
        "'Foo Technology' [foo-technology]",
        "- Foo Technology [foo-technology] (listed 2019-05-16, 84 FR 22961)",
    ]
    _, out, _ = run(capsys, "lists", "diff", str(old), str(new), "--json")
    (added,) = json.loads(out)["added"]
    assert added["names_removed"] == [{"id": "foo-technology", "name": "Foo Technology"}]


@pytest.mark.parametrize(
    ("kept", "paired"),
    [
        ("    listed_from: 2019-05-16\n    citation: 89 FR 96790\n", True),  # the listing date kept
        ("    listed_from: 2024-12-05\n    citation: 84 F.R. 22961 05/16/2019;89 FR 96790\n", True),  # the rule
        ("    listed_from: 2024-12-05\n    citation: 89 FR 96790; 84 FR 22961\n", True),
        ("    listed_from: null\n    citation: null\n", False),
    ],
)
def test_a_rename_keeps_the_listing_date_or_the_rule_that_listed_it(tmp_path, kept, paired):
    """The Entity List revises an entry keeping its first date and Federal Register notice and adding
    its own; either kept pairs the two as one entity renamed, however the notice is written."""
    old = write(tmp_path, "demo.old.yaml", NAMESAKE_OLD)
    new_text = NAMESAKE_NEW.replace("    listed_from: 2024-12-05\n    citation: 89 FR 96790\n", kept)
    new = write(tmp_path, "demo.yaml", new_text)
    diff = lists.diff_lists(lists.load_list_version(old), lists.load_list_version(new))
    assert [c.matched_by for c in diff.changed] == (["former name"] if paired else [])
    assert [e.id for e in diff.removed] == ([] if paired else ["foo-technology"])
    assert diff.namesakes == ({} if paired else {"bar-electronics": (diff.removed[0],)})


ASH_CITATION = "67 F.R. 56530 9/4/02 67 F.R. 10890 3/11/02 71 F.R. 38843 7/10/06"  # the real excerpt's I. ASH


@pytest.mark.parametrize(
    "citation",
    [
        # A notice of the renewal written before the rest, as the file runs notices together.
        f"82 F.R. 3115 1/10/17 {ASH_CITATION}",
        # The same notices in the order they were published.
        "67 F.R. 10890 3/11/02 67 F.R. 56530 9/4/02 71 F.R. 38843 7/10/06",
        "67 FR 10890; 82 FR 3115",
    ],
)
def test_a_rename_keeps_the_notice_that_listed_it_wherever_the_citation_writes_it(tmp_path, capsys, citation):
    """Left by earlier parts: `lists diff` read only a citation's first notice, on each side: the
    real CSL excerpt's I. ASH (a denial order from 2002-03-04) cites "67 F.R. 56530 9/4/02 67 F.R.
    10890 3/11/02 71 F.R. 38843 7/10/06", its listing notice (10890, March 2002) second. The entry
    renamed "Ian ASH", a.k.a. "I. ASH", renewed from 2017-01-10, its citation the same notices in
    another order or with the renewal's before them, read as I. ASH taken off the list and another
    entity added. Every notice of a citation is read now, and the old entry's listing notice is
    its earliest: a rename, as it is where the citation is unchanged."""
    old = write(
        tmp_path,
        "ash.old.yaml",
        NAMESAKE_OLD.replace("foo-technology", "i-ash")
        .replace("Foo Technology", "I. ASH")
        .replace("2019-05-16", "2002-03-04")
        .replace("84 FR 22961", ASH_CITATION),
    )
    new = write(
        tmp_path,
        "ash.yaml",
        NAMESAKE_NEW.replace("bar-electronics", "ian-ash")
        .replace("Bar Electronics", "Ian ASH")
        .replace("Foo Technology", "I. ASH")
        .replace("2024-12-05", "2017-01-10")
        .replace("89 FR 96790", f"'{citation}'"),
    )
    diff = lists.diff_lists(lists.load_list_version(old), lists.load_list_version(new))
    assert [(c.entry.id, c.matched_by) for c in diff.changed] == [("ian-ash", "former name")]
    assert diff.removed == () and diff.added == ()
    # A citation naming none of I. ASH's notices is another listing: removed and added, as before.
    other = write(tmp_path, "other.yaml", new.read_text(encoding="utf-8").replace(f"'{citation}'", "89 FR 96790"))
    diff = lists.diff_lists(lists.load_list_version(old), lists.load_list_version(other))
    assert diff.changed == () and [e.id for e in diff.removed] == ["i-ash"]


def _entries(prefix: str, n: int) -> list[ListEntry]:
    return [
        ListEntry(id=f"{prefix}-{i}", name=f"{prefix} Entity {i}", aliases=(f"{prefix} Alias {i}", f"{prefix} 名 {i}"))
        for i in range(n)
    ]


def test_two_lists_with_no_names_in_common_fold_each_name_once_not_once_per_pair(monkeypatch):
    """Found by review of the twenty-first part: pairing by former name compared every entry left with
    every other, folding their aliases again each time: two lists of 2,000 entries with no names in
    common took 9.4 s (twice the entries, four times the time). Each name is folded a bounded number of
    times now (counted, not timed: the time depends on the machine)."""
    folded = 0
    real = _diff._folded

    def counting(name: str) -> str:
        nonlocal folded
        folded += 1
        return real(name)

    monkeypatch.setattr(_diff, "_folded", counting)
    old, new = _entries("Old", 300), _entries("New", 300)
    pairs, removed, added, _ = _diff._pair_entries(old, new)
    assert (pairs, len(removed), len(added)) == ([], 300, 300)
    names = sum(len(e.names) for e in (*old, *new))
    assert folded <= 3 * names


_NAMES = st.sampled_from(["Alpha", "alpha ", "Beta", "Gamma Co", "gamma  co", "Delta"])


@given(
    st.lists(st.tuples(_NAMES, st.lists(_NAMES, max_size=3)), max_size=6),
    st.lists(st.tuples(_NAMES, st.lists(_NAMES, max_size=3)), max_size=6),
)
def test_entries_naming_each_other_are_the_pairs_any_comparison_of_names_finds(old_names, new_names):
    """The index finds the (old, new) pairs where either's name is among the other's aliases (case and
    spacing aside), in order, as comparing each pair does."""
    old = [ListEntry(id=f"o{i}", name=n, aliases=tuple(a)) for i, (n, a) in enumerate(old_names)]
    new = [ListEntry(id=f"n{i}", name=n, aliases=tuple(a)) for i, (n, a) in enumerate(new_names)]

    def folded(names: tuple[str, ...]) -> set[str]:
        return {" ".join(x.casefold().split()) for x in names}

    expected = [
        (o, n)
        for o in old
        for n in new
        if folded((o.name,)) & folded(n.aliases) or folded((n.name,)) & folded(o.aliases)
    ]
    assert _diff._naming_each_other(old, new) == expected


def test_an_ofac_rename_is_removed_and_added_saying_the_two_share_lists_and_addresses(tmp_path, capsys, shared_data):
    """OFAC's rows in the CSL give neither a listing date nor a notice, so a rename there (the real
    SSI row of ROSNEFT TRADE LIMITED renamed, the old name kept as an alias) cannot be told from a
    new listing under the name of one taken off, and the diff pairs nothing: no removal is hidden.
    The added line says what a reader weighs: the two are on the same source lists at the same
    addresses (twenty-second part)."""
    text = (shared_data / "csl/consolidated-2025-excerpt.csv").read_text(encoding="utf-8")
    renamed = text.replace('"ROSNEFT TRADE LIMITED","","Elenion', '"RN TRADE LIMITED","","Elenion').replace(
        '"TNK TRADE LIMITED"', '"TNK TRADE LIMITED; f.k.a. ROSNEFT TRADE LIMITED"'
    )
    moved = renamed.replace("Elenion Building 5 Themistokli Dervi", "Elsewhere 1")
    paths = {}
    for folder, body in (("old", text), ("new", renamed), ("moved", moved)):
        (tmp_path / f"{folder}.csv").write_text(body, encoding="utf-8")
        paths[folder] = tmp_path / folder / "csl.yaml"
        assert (
            run(capsys, "lists", "import", "csl", str(tmp_path / f"{folder}.csv"), "--out", str(paths[folder]))[0] == 0
        )
    code, out, _ = run(capsys, "lists", "diff", str(paths["old"]), str(paths["new"]), "--exit-code")
    assert code == 1 and out.splitlines()[1:] == [
        "+ RN TRADE LIMITED [rn-trade-limited] (listing date unknown); carries the name of removed "
        "'ROSNEFT TRADE LIMITED' [rosneft-trade-limited], on the same source lists at the same addresses",
        "- ROSNEFT TRADE LIMITED [rosneft-trade-limited] (listing date unknown)",
    ]
    (added,) = json.loads(run(capsys, "lists", "diff", str(paths["old"]), str(paths["new"]), "--json")[1])["added"]
    assert added["names_removed"] == [
        {"id": "rosneft-trade-limited", "name": "ROSNEFT TRADE LIMITED", "same_source_lists_and_addresses": True}
    ]
    _, out, _ = run(capsys, "lists", "diff", str(paths["old"]), str(paths["moved"]))
    assert "carries the name of removed 'ROSNEFT TRADE LIMITED' [rosneft-trade-limited]\n" in out + "\n"


# The columns the import reads, of today's layout (the others may be left out).
CSL_COLUMNS = (
    "_id",
    "source",
    "entity_number",
    "type",
    "programs",
    "name",
    "addresses",
    "federal_register_notice",
    "start_date",
    "end_date",
    "alt_names",
)


def _lotus_row(record_id: str, address: str, start: str, notice: str) -> str:
    """An Entity List row of today's CSL layout, the fields the import reads filled in."""
    fields = {
        "_id": record_id,
        "source": "Entity List (EL) - Bureau of Industry and Security",
        "name": "Lotus Precision Instruments",
        "addresses": address,
        "federal_register_notice": notice,
        "start_date": start,
    }
    return ",".join(f'"{fields.get(column, "")}"' for column in CSL_COLUMNS)


SHENZHEN = _lotus_row(
    "0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c", "1 Road, Shenzhen, Guangdong, CN", "2019-05-16", "84 FR 22961"
)
KOWLOON = _lotus_row("a1b2c3d4e5f60718293a4b5c6d7e8f90", "2 Street, Kowloon, HK", "2020-06-05", "85 FR 34495")
CHENGDU = _lotus_row("5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b", "3 Lane, Chengdu, Sichuan, CN", "2025-03-25", "90 FR 13398")


def _imported(capsys: pytest.CaptureFixture[str], folder: Path, *rows: str) -> Path:
    csv_path = write(folder, "consolidated.csv", "\n".join((",".join(CSL_COLUMNS), *rows)) + "\n")
    out = folder / "csl-el.yaml"
    assert run(capsys, "lists", "import", "csl", str(csv_path), "--out", str(out))[0] == 0
    return out


@pytest.mark.parametrize(
    ("old_rows", "new_rows", "removed", "added", "paired"),
    [
        # The Shenzhen entity taken off; its Kowloon namesake stays, its id now the bare slug.
        ((SHENZHEN, KOWLOON), (KOWLOON,), ["2019-05-16"], [], [("2020-06-05", "2020-06-05")]),
        ((KOWLOON, SHENZHEN), (SHENZHEN,), ["2020-06-05"], [], [("2019-05-16", "2019-05-16")]),
        # A namesake newly listed before the one that was there: the one there stays paired with itself.
        ((SHENZHEN,), (KOWLOON, SHENZHEN), [], ["2020-06-05"], [("2019-05-16", "2019-05-16")]),
        # Neither namesake left goes on in the new one (nothing kept, neither date, notice nor address).
        ((SHENZHEN, KOWLOON), (CHENGDU,), ["2019-05-16", "2020-06-05"], ["2025-03-25"], []),
    ],
)
def test_namesakes_pair_by_what_they_keep_not_by_file_order(
    tmp_path, capsys, old_rows, new_rows, removed, added, paired
):
    """Found by the twenty-fourth part's hunt: the Entity List names one entity per country under one
    name; their ids carry each record's key only while the name is shared, so when the Shenzhen one
    was taken off, the Kowloon one's id changed, and the diff paired namesakes in file order: it said
    the Kowloon entity (listed 2020) was removed and the Shenzhen one had moved to Kowloon, hiding
    which was taken off. Among namesakes an old entry pairs with the new one keeping its listing date
    or notice or its addresses, and with none where none does."""
    old = _imported(capsys, tmp_path / "old", *old_rows)
    new = _imported(capsys, tmp_path / "new", *new_rows)
    diff = lists.diff_lists(lists.load_list_version(old), lists.load_list_version(new))
    assert [str(e.listed_from) for e in diff.removed] == removed
    assert [str(e.listed_from) for e in diff.added] == added
    pairs = [(str(o.listed_from), str(n.listed_from)) for o, n, _ in _diff._pair_entries(*_both(old, new))[0]]
    assert pairs == paired
    assert all(change.fields.keys() == {"id"} for change in diff.changed)


def _both(old: Path, new: Path) -> tuple[tuple[ListEntry, ...], tuple[ListEntry, ...]]:
    return lists.load_list_version(old).entries, lists.load_list_version(new).entries


REUSED_OLD = """\
id: demo
name: Demo list
sources: [{title: Demo source}]
entries:
  - id: e1
    name: Harbin Engineering University
    listed_from: 2020-06-05
    citation: 85 FR 34495
  - id: e2
    name: Beihang Univ
    listed_from: 2001-01-01
  - id: e3
    name: Xidian University
    aliases: [Xidian Univ]
"""

REUSED_NEW = """\
id: demo
name: Demo list
sources: [{title: Demo source}]
entries:
  - id: e1
    name: Northwestern Polytechnical University
    listed_from: 2021-01-01
    citation: 86 FR 1
  - id: e2
    name: Beihang University
    listed_from: 2001-01-01
  - id: e3
    name: Xidian Univ
"""


def test_an_id_given_to_another_entity_is_no_rename(tmp_path, capsys):
    """A hand-written list gave the id e1 of Harbin Engineering University, taken off, to
    Northwestern Polytechnical University, newly listed: the diff paired them by id, "~
    Northwestern Polytechnical University [e1] name: Harbin Engineering University -> ...", the
    university taken off read as renamed and listed still. Sharing no name, alias or listing, the
    two are removed and added, the added line saying whose id it has; a name corrected with the
    listing kept, or one an alias gave, still pairs by id."""
    old = write(tmp_path, "demo.old.yaml", REUSED_OLD)
    new = write(tmp_path, "demo.yaml", REUSED_NEW)
    diff = lists.diff_lists(lists.load_list_version(old), lists.load_list_version(new))
    assert [(c.entry.id, c.matched_by) for c in diff.changed] == [("e2", "id"), ("e3", "id")]
    assert [e.name for e in diff.removed] == ["Harbin Engineering University"]
    assert [e.name for e in diff.added] == ["Northwestern Polytechnical University"]
    code, out, _ = run(capsys, "lists", "diff", str(old), str(new))
    assert code == 0 and out.splitlines()[1:3] == [
        "+ Northwestern Polytechnical University [e1] (listed 2021-01-01, 86 FR 1); the id of removed 'Harbin"
        " Engineering University' in the old version, not taken for it (no name, alias or listing shared)",
        "- Harbin Engineering University [e1] (listed 2020-06-05, 85 FR 34495)",
    ]
    _, out, _ = run(capsys, "lists", "diff", str(old), str(new), "--json")
    (added,) = json.loads(out)["added"]
    assert added["id_of_removed"] == "Harbin Engineering University"


def test_a_renewed_denial_order_s_last_period_is_said_listed_until_its_end(tmp_path, capsys, shared_data):
    """The real CSL excerpt's I. ASH, a denial order from 2002-03-04 to 2056-06-29, given an earlier
    DPL record of the same _id (1992-05-11 to 1997-05-11): `lists show` says the last period
    "listed until 2056-06-29", but `lists diff` said "2002-03-04 to 2056-06-29", as if the order
    had run out, in the changed, the added and the removed line alike. An import gives no day it
    was read, so the last end is said as `lists show` says it."""
    text = (shared_data / "csl/consolidated-2025-excerpt.csv").read_text(encoding="utf-8")
    (ash,) = [line for line in text.splitlines(keepends=True) if '"I. ASH"' in line]
    earlier = ash.replace('"2002-03-04","2056-06-29"', '"1992-05-11","1997-05-11"')
    assert earlier != ash
    paths = {}
    for folder, body in (("old", text), ("new", text.replace(ash, earlier + ash)), ("without", text.replace(ash, ""))):
        (tmp_path / f"{folder}.csv").write_text(body, encoding="utf-8")
        paths[folder] = tmp_path / folder / "csl.yaml"
        assert (
            run(capsys, "lists", "import", "csl", str(tmp_path / f"{folder}.csv"), "--out", str(paths[folder]))[0] == 0
        )
    periods = "1992-05-11 to 1997-05-11, and from 2002-03-04 (listed until 2056-06-29)"
    _, out, _ = run(capsys, "lists", "diff", str(paths["old"]), str(paths["new"]))
    assert f"    listings: none (listed once) -> {periods}" in out.splitlines()
    _, out, _ = run(capsys, "lists", "diff", str(paths["without"]), str(paths["new"]))
    assert f"+ I. ASH [i-ash] (listed {periods}, " in out
    _, out, _ = run(capsys, "lists", "diff", str(paths["new"]), str(paths["without"]))
    assert f"- I. ASH [i-ash] (listed {periods}, " in out
    assert "to 2056-06-29" not in out
    _, out, _ = run(capsys, "lists", "show", str(paths["new"]))
    assert "listed 1992-05-11 to 1997-05-11, and again from 2002-03-04, listed until 2056-06-29" in out


READ_ON = """\
id: periods
name: Listed in periods
sources: [{{title: A source, retrieved: {read}}}]
entries:
  - id: heu
    name: Harbin Engineering University
    country: CN
    listings:
{periods}    verified: true
"""


def test_lists_diff_says_each_version_s_periods_against_the_day_it_was_read(tmp_path, capsys):
    """A version read on 2021-01-01 gave its last period "2018-01-01 to 2021-06-30", an end not
    come when it was read given as passed (and the new version's 2056 end likewise). Each side is
    said against its own version's `retrieved`, as `lists show` says it; an end on or before it
    is said as given."""
    two = "      - {from: 2015-01-01, to: 2016-12-31}\n      - {from: 2018-01-01, to: 2021-06-30}\n"
    three = two + "      - {from: 2023-01-01, to: 2056-06-29}\n"
    old = write(tmp_path / "old", "periods.yaml", READ_ON.format(read="2021-01-01", periods=two))
    new = write(tmp_path / "new", "periods.yaml", READ_ON.format(read="2025-06-30", periods=three))
    later = write(tmp_path / "later", "periods.yaml", READ_ON.format(read="2056-06-29", periods=three))
    _, out, _ = run(capsys, "lists", "diff", str(old), str(new))
    assert (
        "    listings: 2015-01-01 to 2016-12-31, and from 2018-01-01 (listed until 2021-06-30) -> 2015-01-01 to"
        " 2016-12-31, 2018-01-01 to 2021-06-30, and from 2023-01-01 (listed until 2056-06-29)"
    ) in out.splitlines()
    _, out, _ = run(capsys, "lists", "diff", str(old), str(later))
    assert out.splitlines()[-1].endswith(
        "-> 2015-01-01 to 2016-12-31, 2018-01-01 to 2021-06-30, and 2023-01-01 to 2056-06-29"
    )


def test_an_id_kept_by_an_entity_renamed_that_keeps_an_alias_is_a_rename(tmp_path, capsys):
    """Tianjin Polytechnic University renamed Tiangong University (2019) under its id, keeping its
    Chinese name 天津工业大学 and TJPU but neither its old name nor a listing date (the tracker
    gives none): read as another entity given the id, removed and added, the line saying "no name,
    alias or listing shared" though an alias was. A shared alias pairs them; a shared acronym alone
    (two institutions may bear one) does not."""
    head = "id: demo\nname: Demo list\nsources: [{title: Demo source}]\nentries:\n  - id: e1\n"
    old = write(
        tmp_path,
        "demo.old.yaml",
        head + "    name: Tianjin Polytechnic University\n    aliases: [天津工业大学, TJPU]\n",
    )
    new = write(tmp_path, "demo.yaml", head + "    name: Tiangong University\n    aliases: [天津工业大学, TJPU]\n")
    diff = lists.diff_lists(lists.load_list_version(old), lists.load_list_version(new))
    assert not diff.added and not diff.removed
    assert [(c.entry.id, c.matched_by) for c in diff.changed] == [("e1", "id")]
    code, out, _ = run(capsys, "lists", "diff", str(old), str(new))
    assert code == 0 and "name: Tianjin Polytechnic University -> Tiangong University" in out
    other = write(tmp_path / "other", "demo.yaml", head + "    name: University of South China\n    aliases: [USC]\n")
    southern = write(
        tmp_path / "old", "demo.yaml", head + "    name: University of Southern California\n    aliases: [USC]\n"
    )
    diff = lists.diff_lists(lists.load_list_version(southern), lists.load_list_version(other))
    assert [e.name for e in diff.added] == ["University of South China"] and not diff.changed


def test_an_import_given_the_day_its_file_was_read_says_ended_periods_as_ended(tmp_path, capsys, shared_data):
    """Left by the twenty-sixth part: an import gave no day its file was read, so `lists diff` of
    the real CSL excerpt whose I. ASH denial order ran 2002-03-04 to 2016-06-29 (ended, renewed
    from 2017-01-10) said "from 2002-03-04 (listed until 2016-06-29)" as if the order might still
    run. `--retrieved` gives the day the file was downloaded, kept as the source's `retrieved`, and
    the periods are said against it; a day that is no date is refused in one line."""
    text = (shared_data / "csl/consolidated-2025-excerpt.csv").read_text(encoding="utf-8")
    (ash,) = [line for line in text.splitlines(keepends=True) if '"I. ASH"' in line]
    ended = ash.replace('"2002-03-04","2056-06-29"', '"2002-03-04","2016-06-29"')
    renewed = ash.replace('"2002-03-04","2056-06-29"', '"2017-01-10",""')
    paths = {}
    for folder, body, kind in (
        ("old", text.replace(ash, ended), "csl"),
        ("new", text.replace(ash, ended + renewed), "csl"),
    ):
        (tmp_path / f"{folder}.csv").write_text(body, encoding="utf-8")
        paths[folder] = tmp_path / folder / f"{kind}.yaml"
        code, _, err = run(
            capsys,
            "lists",
            "import",
            "csl",
            str(tmp_path / f"{folder}.csv"),
            "--out",
            str(paths[folder]),
            "--retrieved",
            "2025-06-01",
        )
        assert code == 0, err
    assert lists.load_list(paths["new"]).read_on == dt.date(2025, 6, 1)
    _, out, _ = run(capsys, "lists", "diff", str(paths["old"]), str(paths["new"]))
    assert "    listings: none (listed once) -> 2002-03-04 to 2016-06-29, and from 2017-01-10" in out.splitlines()
    assert "listed until 2016-06-29" not in out
    aspi = tmp_path / "aspi" / "aspi.yaml"
    galaxy = str(shared_data / "aspi/misp-galaxy-china-defence-universities.json")
    assert run(capsys, "lists", "import", "aspi", galaxy, "--out", str(aspi), "--retrieved", "2025-06-01")[0] == 0
    assert lists.load_list(aspi).read_on == dt.date(2025, 6, 1)
    code, _, err = run(
        capsys,
        "lists",
        "import",
        "csl",
        str(tmp_path / "old.csv"),
        "--out",
        str(tmp_path / "x.yaml"),
        "--retrieved",
        "2025-13-01",
    )
    assert code == 2 and "--retrieved" in err and len(err.strip().splitlines()) == 1


SHARED_ALIAS_OLD = """\
id: demo
name: Demo list
sources: [{title: Demo source}]
entries:
  - id: e1
    name: Harbin Engineering University
    aliases: [Seven Sons of National Defence]
    listed_from: 2020-06-05
  - id: e2
    name: Northwestern Polytechnical University
    aliases: [Seven Sons of National Defence]
    listed_from: 2001-05-14
"""

SHARED_ALIAS_NEW = """\
id: demo
name: Demo list
sources: [{title: Demo source}]
entries:
  - id: e1
    name: Northwestern Polytechnical University
    aliases: [Seven Sons of National Defence]
    listed_from: 2001-05-14
"""


def test_an_alias_two_entries_give_pairs_no_rename_by_id(tmp_path, capsys):
    """Found hunting the twenty-seventh part: a generic alias two entries of a version give (the
    tracker's group, "Seven Sons of National Defence") paired Harbin Engineering University,
    taken off, with Northwestern Polytechnical University, which took its id e1, as one entity
    renamed: "~ Northwestern Polytechnical University [e1] name: Harbin Engineering University ->
    ...", and NPU itself removed. An alias another entry of the version gives too names neither."""
    old = write(tmp_path, "demo.old.yaml", SHARED_ALIAS_OLD)
    new = write(tmp_path, "demo.yaml", SHARED_ALIAS_NEW)
    diff = lists.diff_lists(lists.load_list_version(old), lists.load_list_version(new))
    assert [e.name for e in diff.removed] == ["Harbin Engineering University"]
    assert [(c.entry.name, c.matched_by) for c in diff.changed] == [("Northwestern Polytechnical University", "name")]
    assert not diff.added
    # Given by one entry alone, the alias still pairs a rename under its id.
    alone = write(tmp_path, "alone.old.yaml", SHARED_ALIAS_OLD.split("  - id: e2")[0])
    renamed = lists.diff_lists(lists.load_list_version(alone), lists.load_list_version(new))
    assert [(c.entry.id, c.matched_by) for c in renamed.changed] == [("e1", "id")]


def test_a_day_the_file_was_read_after_today_is_refused(tmp_path, capsys, shared_data):
    """Found reviewing the twenty-seventh part: `--retrieved 2205-06-01` (2025 mistyped) was kept,
    and `lists show` then said I. ASH's denial order, running to 2056-06-29, as the period
    "2002-03-04 to 2056-06-29", ended; a file is downloaded no later than today. Refused in one
    line naming the option, no list written; today is taken."""
    csv = shared_data / "csl/consolidated-2025-excerpt.csv"
    out = tmp_path / "csl.yaml"
    code, _, err = run(capsys, "lists", "import", "csl", str(csv), "--out", str(out), "--retrieved", "2205-06-01")
    assert code == 2 and "--retrieved" in err and "2205-06-01 is after today" in err, err
    assert len(err.strip().splitlines()) == 1 and not out.exists()
    galaxy = str(shared_data / "aspi/misp-galaxy-china-defence-universities.json")
    aspi = tmp_path / "aspi.yaml"
    assert run(capsys, "lists", "import", "aspi", galaxy, "--out", str(aspi), "--retrieved", "9999-12-31")[0] == 2
    today = dt.date.today().isoformat()
    assert run(capsys, "lists", "import", "csl", str(csv), "--out", str(out), "--retrieved", today)[0] == 0
    assert lists.load_list(out).read_on == dt.date.fromisoformat(today)


def test_a_listing_that_begins_after_the_day_the_file_was_read_is_said_not_begun(tmp_path, capsys, shared_data):
    """Left by the twenty-seventh part: `--retrieved` may come before a listing's start (an order may
    take effect after it is published). The real excerpt's I. ASH row (2002-03-04 to 2056-06-29)
    made into two, ended 2016-06-29 and renewed from 2017-01-10, imported `--retrieved 2010-01-01`: `lists show` said "from 2002-03-04
    (listed until 2016-06-29), and again from 2017-01-10", a listing that had not begun on the day
    the file was read said as one that had, and the import said nothing of the day. The listing is
    said "(not begun on 2010-01-01)" now, and the import's note names the record; read 2025-06-01,
    neither."""
    text = (shared_data / "csl/consolidated-2025-excerpt.csv").read_text(encoding="utf-8")
    (ash,) = [line for line in text.splitlines(keepends=True) if '"I. ASH"' in line]
    ended = ash.replace('"2002-03-04","2056-06-29"', '"2002-03-04","2016-06-29"')
    renewed = ash.replace('"2002-03-04","2056-06-29"', '"2017-01-10",""')
    (tmp_path / "ash.csv").write_text(text.replace(ash, ended + renewed), encoding="utf-8")
    shown = {}
    for day in ("2010-01-01", "2025-06-01"):
        out = tmp_path / day / "csl.yaml"
        code, _, err = run(
            capsys, "lists", "import", "csl", str(tmp_path / "ash.csv"), "--out", str(out), "--retrieved", day
        )
        assert code == 0, err
        notes = lists.load_list(out).imported["notes"]
        later = [n for n in notes if "start_date after" in n]
        code, printed, _ = run(capsys, "lists", "show", "csl", "--lists", str(out.parent))
        assert code == 0
        (shown[day],) = [line for line in printed.splitlines() if line.startswith("  - I. ASH")]
        if day == "2010-01-01":
            (note,) = later
            assert note.startswith(
                "4 records give a start_date after 2010-01-01, the day given as the one the file was read "
                "(--retrieved): 'Sinobright Import and Export Company; and any successor, sub-unit, or subsidiary "
                "thereof' from 2023-07-19 (line 2); 'Academy of Aerospace Solid Propulsion Technology (AASPT)' from "
                "2020-12-23 (line 4); 'I. ASH' from 2017-01-10 (line 9);"
            ), note
            (aaspt,) = [line for line in printed.splitlines() if "(AASPT) (" in line]
            assert "listed 2020-12-23 (not begun on 2010-01-01)" in aaspt
        else:
            assert not later
    assert (
        "from 2002-03-04 (listed until 2016-06-29), and again from 2017-01-10 (not begun on 2010-01-01)"
        in (shown["2010-01-01"])
    )
    assert "listed 2002-03-04 to 2016-06-29, and again from 2017-01-10," in shown["2025-06-01"]
    assert lists.periods_said(
        [lists.Listing(start=dt.date(2017, 1, 10), end=dt.date(2020, 1, 1))], dt.date(2010, 1, 1)
    ) == ("from 2017-01-10 (not begun on 2010-01-01; listed until 2020-01-01)")


def test_a_listing_day_changed_after_the_day_a_version_was_read_is_said_so(tmp_path, capsys, shared_data):
    """Left by the twenty-eighth part: `lists show` says a listing beginning after the day its list
    was read "(not begun on ...)", but `lists diff` printed a plain `listed_from` change as bare
    dates, the start that had not come said as if it had. From the real excerpt: its MEU row
    (AASPT, 85 FR 83799, start 2020-12-23) given a start of 2021-01-04 in a version read
    2020-12-21, beside the real row read 2025-06-01, and its DPL row I. ASH (a denial order to
    2056-06-29) given an end of 2046-06-29 in the old version. Each version's days are said
    against its own day read: a start not begun; an end after it "listed until", in `lists show`'s
    words (the thirtieth part: it said "(not come on ...)")."""
    text = (shared_data / "csl/consolidated-2025-excerpt.csv").read_text(encoding="utf-8")
    older = text.replace('"85 FR 83799","2020-12-23"', '"85 FR 83799","2021-01-04"').replace(
        '"2002-03-04","2056-06-29"', '"2002-03-04","2046-06-29"'
    )
    assert older.count("2021-01-04") == 1 and older.count("2046-06-29") == 1
    (tmp_path / "old.csv").write_text(older, encoding="utf-8")
    for name, source, day in (
        ("old", tmp_path / "old.csv", "2020-12-21"),
        ("new", shared_data / "csl/consolidated-2025-excerpt.csv", "2025-06-01"),
    ):
        code, _, err = run(
            capsys,
            "lists",
            "import",
            "csl",
            str(source),
            "--out",
            str(tmp_path / f"{name}/csl.yaml"),
            "--retrieved",
            day,
        )
        assert code == 0, err
    code, out, _ = run(capsys, "lists", "diff", str(tmp_path / "old/csl.yaml"), str(tmp_path / "new/csl.yaml"))
    assert code == 0
    assert "    listed_from: 2021-01-04 (not begun on 2020-12-21) -> 2020-12-23" in out.splitlines(), out
    assert "    listed_to: listed until 2046-06-29 -> listed until 2056-06-29" in out.splitlines(), out
    # The diff as JSON keeps the dates as the files give them.
    code, out, _ = run(
        capsys, "lists", "diff", "--json", str(tmp_path / "old/csl.yaml"), str(tmp_path / "new/csl.yaml")
    )
    changes = [c["changes"] for c in json.loads(out)["changed"]]
    assert {"old": "2021-01-04", "new": "2020-12-23"} in [c.get("listed_from") for c in changes], changes


def test_lists_diff_says_a_listings_end_in_the_words_lists_show_does(tmp_path, capsys, shared_data):
    """Left by the twenty-ninth part: `lists diff` said an end after the day a version was read
    "2056-06-29 (not come on 2025-06-01)" and one before it as a bare date, where `lists show` says
    "listed until 2056-06-29" and "taken off 2016-06-29"; an entry added or removed gave no end at
    all. From the real excerpt: its DPL row I. ASH (a denial order, 2002-03-04 to 2056-06-29) given
    an end of 2016-06-29 in a version read 2020-12-21. The diff says each end as `lists show` says
    it, the entry's whole line too where it is removed."""
    real = shared_data / "csl/consolidated-2025-excerpt.csv"
    ended = real.read_text(encoding="utf-8").replace('"2002-03-04","2056-06-29"', '"2002-03-04","2016-06-29"')
    (tmp_path / "old.csv").write_text(ended, encoding="utf-8")
    (tmp_path / "none.csv").write_text(ended.replace("I. ASH", "I. ASHE"), encoding="utf-8")
    shown = {}
    for name, source, day in (("old", tmp_path / "old.csv", "2020-12-21"), ("new", real, "2025-06-01")):
        path = str(tmp_path / f"{name}/csl.yaml")
        code, _, err = run(capsys, "lists", "import", "csl", str(source), "--out", path, "--retrieved", day)
        assert code == 0, err
        code, out, _ = run(capsys, "lists", "show", path)
        (shown[name],) = [line for line in out.splitlines() if "- I. ASH (" in line]
    assert ", taken off 2016-06-29" in shown["old"] and ", listed until 2056-06-29" in shown["new"], shown
    code, out, _ = run(capsys, "lists", "diff", str(tmp_path / "old/csl.yaml"), str(tmp_path / "new/csl.yaml"))
    assert code == 0
    assert "    listed_to: taken off 2016-06-29 -> listed until 2056-06-29" in out.splitlines(), out
    code, out, _ = run(capsys, "lists", "diff", str(tmp_path / "new/csl.yaml"), str(tmp_path / "old/csl.yaml"))
    assert "    listed_to: listed until 2056-06-29 -> taken off 2016-06-29" in out.splitlines(), out
    # Taken off the list, the entry's line gives its end as `lists show` gave it.
    path = str(tmp_path / "none/csl.yaml")
    assert (
        run(capsys, "lists", "import", "csl", str(tmp_path / "none.csv"), "--out", path, "--retrieved", "2025-06-01")[0]
        == 0
    )
    code, out, _ = run(capsys, "lists", "diff", str(tmp_path / "new/csl.yaml"), path)
    (removed,) = [line for line in out.splitlines() if line.startswith("- I. ASH [")]
    assert "(listed 2002-03-04, listed until 2056-06-29," in removed, out


def test_a_supervising_agency_dropped_is_a_change(tmp_path, capsys):
    """Found in the thirty-third part: `lists diff` compared no supervising agencies, though the
    tracker's (Jiangnan Social University's "Ministry of State Security (MSS)", the real file's)
    decide whether a name followed by "of" and another body's is the entry's: a refresh dropping it
    left the coauthor at "Institute of Cadre Management of the Ministry of State Security, Suzhou"
    (built in the tracker's names) naming nothing, where it was a match, and the diff said "0
    changed"."""
    from claimwatch.evaluate._matchers import ListMatcher
    from claimwatch.works import Authorship
    from test_lists_units_under_another import LIST

    old = write(tmp_path / "old", "l.yaml", LIST)
    new = write(
        tmp_path / "new", "l.yaml", LIST.replace("    supervising_agencies: [Ministry of State Security (MSS)]\n", "")
    )
    code, out, _ = run(capsys, "lists", "diff", str(old), str(new), "--exit-code")
    assert code == 1 and "    supervising_agencies removed: Ministry of State Security (MSS)" in out.splitlines(), out
    code, out, _ = run(capsys, "lists", "diff", str(old), str(new), "--json")
    (changed,) = json.loads(out)["changed"]
    assert changed["changes"] == {
        "supervising_agencies": {"added": [], "removed": ["Ministry of State Security (MSS)"]}
    }
    raw = ("Institute of Cadre Management of the Ministry of State Security, Suzhou, China",)
    before, after = (ListMatcher(lists.load_list(p)).hits(Authorship("A", 0, raw_affiliations=raw)) for p in (old, new))
    assert [h.doubt is None for h in before] == [True] and after == []


def test_two_lists_of_different_ids_are_compared_with_a_note_that_they_may_be_two(tmp_path, capsys, project_root):
    """`lists diff evidence/lists/seven-sons.yaml evidence/lists/us-entity-list.yaml` (two of the
    shipped lists, given by mistake for two versions of one): "8 added, 0 removed, 7 changed",
    exit 0, read as the Seven Sons list grown by eight, without a word that the files are two
    lists. Now a note on stderr says so; the comparison, its output and its exit code are as
    before (a list given a new id is still compared)."""
    lists_dir = project_root / "evidence" / "lists"
    old, new = str(lists_dir / "seven-sons.yaml"), str(lists_dir / "us-entity-list.yaml")
    code, out, err = run(capsys, "lists", "diff", old, new, "--exit-code")
    assert (code, out.splitlines()[0].rsplit(": ", 1)[1]) == (1, "8 added, 0 removed, 7 changed")
    assert err.splitlines() == [
        f"note: {old} is list 'seven-sons' and {new} list 'us-entity-list': two lists, perhaps, not two "
        "versions of one; compared entry by entry all the same"
    ]
    code, out, err = run(capsys, "lists", "diff", old, new, "--json")
    assert code == 0 and json.loads(out)["summary"] == {"added": 8, "removed": 0, "changed": 7}
    assert err.startswith("note: ") and len(err.splitlines()) == 1


def test_two_versions_of_one_list_are_compared_without_a_note(tmp_path, capsys, versions):
    """One id (a list and its old copy), or two imports of one screening list with the same
    options named by date (`--out csl-2024-11.yaml`, `--out csl-2025-06.yaml`, whose ids differ as
    their names do): no note. Imports of another source list of the CSL are two lists."""
    assert run(capsys, "lists", "diff", *map(str, versions))[2] == ""
    csv = str(FIXTURES / "consolidated.csv")
    for name, source in (("csl-2024-11", "EL"), ("csl-2025-06", "EL"), ("csl-meu-2025-06", "MEU")):
        assert (
            run(capsys, "lists", "import", "csl", csv, "--out", str(tmp_path / f"{name}.yaml"), "--source", source)[0]
            == 0
        )
    code, out, err = run(
        capsys, "lists", "diff", str(tmp_path / "csl-2024-11.yaml"), str(tmp_path / "csl-2025-06.yaml")
    )
    assert (code, err) == (0, "") and out.endswith("no changes\n")
    err = run(capsys, "lists", "diff", str(tmp_path / "csl-2025-06.yaml"), str(tmp_path / "csl-meu-2025-06.yaml"))[2]
    assert "list 'csl-2025-06' and " in err and "list 'csl-meu-2025-06': two lists, perhaps" in err


def test_two_imports_of_the_csl_from_two_of_its_downloads_are_two_versions_of_one_list(tmp_path, capsys):
    """trade.gov gives the Consolidated Screening List as CSV, TSV and JSON; the fixtures'
    consolidated.csv and consolidated.json hold the same eleven records, shaped as those downloads.
    Imported with one --source, one from each, named by date: "no changes", yet a note that the
    two may be two lists, their formats (csl-csv, csl-json) read as two sources. No note now."""
    outs = [tmp_path / "csl-2024-11.yaml", tmp_path / "csl-2025-06.yaml"]
    for source, out in zip(("consolidated.csv", "consolidated.json"), outs, strict=True):
        assert (
            run(capsys, "lists", "import", "csl", str(FIXTURES / source), "--out", str(out), "--source", "EL")[0] == 0
        )
    code, out, err = run(capsys, "lists", "diff", *map(str, outs))
    assert (code, err) == (0, "") and out.endswith("no changes\n")
    meu = tmp_path / "csl-meu-2025-06.yaml"
    assert (
        run(
            capsys, "lists", "import", "csl", str(FIXTURES / "consolidated.json"), "--out", str(meu), "--source", "MEU"
        )[0]
        == 0
    )
    assert "two lists, perhaps" in run(capsys, "lists", "diff", str(outs[0]), str(meu))[2]


def test_two_imports_with_one_option_written_two_ways_are_two_versions_of_one_list(tmp_path, capsys, shared_data):
    """The import reads `--source el` as `--source EL` and as the CSL's own name of that list,
    "Entity List (EL) - Bureau of Industry and Security" (the fixture's rows), and the tracker's
    `--category` in any case and order: the same entries. Two such imports named by date were
    "no changes" with a note that the two may be two lists, their options compared as written.
    They are compared as the import reads them now: no note; another source or category noted."""
    csv = str(FIXTURES / "consolidated.csv")
    for name, source in (
        ("csl-2024-11", "el"),
        ("csl-2025-06", "Entity List (EL) - Bureau of Industry and Security"),
        ("csl-2025-07", "EL"),
        ("csl-meu", "MEU"),
    ):
        assert (
            run(capsys, "lists", "import", "csl", csv, "--out", str(tmp_path / f"{name}.yaml"), "--source", source)[0]
            == 0
        )
    galaxy = str(shared_data / "aspi/misp-galaxy-china-defence-universities.json")
    for name, categories in (
        ("aspi-2024", ["Military", "Security"]),
        ("aspi-2025", ["security", "military"]),
        ("aspi-civil", ["Civilian", "Security"]),
    ):
        chosen = [a for c in categories for a in ("--category", c)]
        assert run(capsys, "lists", "import", "aspi", galaxy, "--out", str(tmp_path / f"{name}.yaml"), *chosen)[0] == 0
    for old, new in (("csl-2024-11", "csl-2025-06"), ("csl-2025-06", "csl-2025-07"), ("aspi-2024", "aspi-2025")):
        code, out, err = run(capsys, "lists", "diff", str(tmp_path / f"{old}.yaml"), str(tmp_path / f"{new}.yaml"))
        assert (code, err) == (0, "") and out.endswith("no changes\n"), (old, new, err)
    for old, new in (("csl-2024-11", "csl-meu"), ("aspi-2024", "aspi-civil")):
        assert (
            "two lists, perhaps"
            in run(capsys, "lists", "diff", str(tmp_path / f"{old}.yaml"), str(tmp_path / f"{new}.yaml"))[2]
        )


def test_lists_diff_help_names_every_set_it_compares(capsys):
    """Found in the review of the thirty-third part: the help said aliases, ids, addresses and
    source lists were compared, not the supervising agencies the same part added, nor the
    institutions named under an entry; a user reading it would take a refresh dropping an agency
    to be unchecked."""
    from claimwatch.lists._diff import _COMPARED_SETS

    code, out, _ = run(capsys, "lists", "diff", "--help")
    said = " ".join(out.split())
    words = {"openalex": "OpenAlex", "ror": "ROR ids", "source_lists": "source lists"}
    assert code == 0
    for field in _COMPARED_SETS:
        assert words.get(field, field.replace("_", " ")) in said, field
    assert "institutions named under it added, removed or changed" in said


def test_programs_categories_and_notes_changed_are_changes_and_their_order_is_none(tmp_path, capsys, shared_data):
    """Found in the thirty-fourth part: `lists diff` compared no sanctions programs, tracker
    categories nor notes, so two imports differing in them read "no changes". The real SSI row of
    TNK Trading International S.A. gives "VENEZUELA-EO13850; UKRAINE-EO13662" in the 2025 excerpt
    and "UKRAINE-EO13662; VENEZUELA-EO13850" in the CSL of 2023-11: no change. Built from it: a
    version before the Venezuela program (a program added), and from the real tracker, Jiangnan
    Social University moved from "Security" to "Military", its notes written by hand."""
    text = (shared_data / "csl/consolidated-2025-excerpt.csv").read_text(encoding="utf-8")
    real_2025 = '"VENEZUELA-EO13850; UKRAINE-EO13662","TNK Trading International S.A."'
    assert real_2025 in text
    versions = {
        "2023": text.replace(real_2025, '"UKRAINE-EO13662; VENEZUELA-EO13850","TNK Trading International S.A."'),
        "2025": text,
        "2018": text.replace(real_2025, '"UKRAINE-EO13662","TNK Trading International S.A."'),
    }
    paths = {}
    for year, body in versions.items():
        (tmp_path / f"csl-{year}.csv").write_text(body, encoding="utf-8")
        paths[year] = tmp_path / year / "csl.yaml"
        assert (
            run(capsys, "lists", "import", "csl", str(tmp_path / f"csl-{year}.csv"), "--out", str(paths[year]))[0] == 0
        )
    code, out, _ = run(capsys, "lists", "diff", str(paths["2023"]), str(paths["2025"]), "--exit-code")
    assert code == 0 and out.endswith("no changes\n"), out
    code, out, _ = run(capsys, "lists", "diff", str(paths["2018"]), str(paths["2025"]), "--exit-code")
    assert code == 1 and out.splitlines()[1:] == [
        "~ TNK Trading International S.A. [tnk-trading-international-s-a]",
        "    programs added: VENEZUELA-EO13850",
    ], out
    (changed,) = json.loads(run(capsys, "lists", "diff", str(paths["2018"]), str(paths["2025"]), "--json")[1])[
        "changed"
    ]
    assert changed["changes"] == {"programs": {"added": ["VENEZUELA-EO13850"], "removed": []}}

    galaxy = str(shared_data / "aspi/misp-galaxy-china-defence-universities.json")
    old = tmp_path / "aspi-old" / "aspi.yaml"
    assert run(capsys, "lists", "import", "aspi", galaxy, "--out", str(old))[0] == 0
    document = yaml.safe_load(old.read_text(encoding="utf-8"))
    (jiangnan,) = [e for e in document["entries"] if e["name"].startswith("Jiangnan Social University")]
    assert jiangnan["categories"] == ["Security"]
    jiangnan["categories"] = ["Military"]
    jiangnan["notes"] = "Moved to Military by the tracker's 2025 update; checked by hand."
    new = write(tmp_path / "aspi-new", "aspi.yaml", yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
    code, out, _ = run(capsys, "lists", "diff", str(old), str(new), "--exit-code")
    assert code == 1 and out.splitlines()[2:] == [
        "    notes: null -> Moved to Military by the tracker's 2025 update; checked by hand.",
        "    categories added: Military",
        "    categories removed: Security",
    ], out
