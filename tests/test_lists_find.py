"""`lists.find_list`: a list by id (in evidence/lists/ and extra folders, later folders first) or by path."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimwatch import lists
from claimwatch.errors import InputError

LIST = """id: {id}
name: {name}
sources: [{{title: Somewhere}}]
entries:
  - {{name: Example Lab}}
"""


def write(folder: Path, list_id: str, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{list_id}.yaml"
    path.write_text(LIST.format(id=list_id, name=name), encoding="utf-8")
    return path


def test_by_id_and_by_path(tmp_path):
    path = write(tmp_path / "evidence" / "lists", "mil", "Shipped")
    assert lists.find_list("mil", root=tmp_path).name == "Shipped"
    assert lists.find_list(str(path)).name == "Shipped"
    assert lists.find_list(path).name == "Shipped"


def test_a_later_folder_stands_in_for_a_shipped_list(tmp_path):
    write(tmp_path / "evidence" / "lists", "mil", "Shipped")
    write(tmp_path / "mine", "mil", "Mine")
    assert lists.find_list("mil", root=tmp_path, dirs=[tmp_path / "mine"]).name == "Mine"


def test_an_unknown_id_names_the_lists_there_are(tmp_path):
    write(tmp_path / "evidence" / "lists", "mil", "Shipped")
    with pytest.raises(InputError) as caught:
        lists.find_list("military", root=tmp_path)
    (problem,) = caught.value.problems
    assert problem.path == str(tmp_path / "evidence" / "lists")
    assert problem.message == "unknown list 'military'; known: mil"


@pytest.mark.parametrize("suffix", [".yml", ".YAML", ".YML"])
def test_a_list_saved_as_yml_is_found_by_its_id_as_validate_reads_it(tmp_path, suffix):
    """evidence/lists/mil.yml (as editors save YAML, and as `validate` and the claims read it):
    "unknown list 'mil'; known: (none)", a claim on it refused though `validate` said the file
    was ok. It is found by its id now; beside mil.yaml (an update saved as mil.yml), either would
    leave the other's entries out in silence, so the two are refused in one line."""
    folder = tmp_path / "evidence" / "lists"
    write(folder, "mil", "Shipped").rename(folder / f"mil{suffix}")
    assert lists.find_list("mil", root=tmp_path).name == "Shipped"
    assert lists.ListLibrary([folder]).available() == ["mil"]
    write(folder, "mil", "Updated")
    with pytest.raises(InputError) as caught:
        lists.find_list("mil", root=tmp_path)
    first, second = sorted(["mil.yaml", f"mil{suffix}"])
    assert caught.value.lines() == [f"{folder / first}: two files give list 'mil': {first} and {second}; keep one"]
    write(tmp_path / "mine", "mil", "Mine")  # a later folder's list stands in, as before
    assert lists.find_list("mil", root=tmp_path, dirs=[tmp_path / "mine"]).name == "Mine"


def test_a_claim_on_a_list_saved_twice_is_refused_in_one_line(project_root, tmp_path, monkeypatch, capsys):
    """The same, through `claimwatch check`: the shipped seven-sons list, with an update saved as
    seven-sons.yml beside it."""
    import shutil

    from claimwatch.cli import main

    for name in ("claims", "evidence"):
        shutil.copytree(project_root / name, tmp_path / name)
    (tmp_path / "claimwatch.toml").write_text('[case]\nname = "twice"\n', encoding="utf-8")
    shutil.copy(tmp_path / "evidence/lists/seven-sons.yaml", tmp_path / "evidence/lists/seven-sons.yml")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "claims/microsoft-msra-2024.yaml", "--evidence", "evidence/curated/"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "evidence/lists/seven-sons.yaml: two files give list 'seven-sons': seven-sons.yaml and seven-sons.yml; keep one"
    ]


def test_a_topic_saved_as_yml_is_found_and_two_of_one_id_refused(project_root, tmp_path, monkeypatch, capsys):
    """claims/topics/facial-recognition.yml (an editor's name for YAML, which `validate` reads as
    a topic): "unknown topic 'facial-recognition'; known: ...", and beside the .yaml, passed over
    in silence. Found by its id now, and two of one id refused in one line, as lists are."""
    import shutil

    from claimwatch.cli import main

    for name in ("claims", "evidence"):
        shutil.copytree(project_root / name, tmp_path / name)
    (tmp_path / "claimwatch.toml").write_text('[case]\nname = "topics"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    argv = ["check", "claims/microsoft-msra-2024.yaml", "--evidence", "evidence/curated/", "--json", "r.json"]
    assert main(argv) == 0
    before = (tmp_path / "r.json").read_text(encoding="utf-8")
    topics = tmp_path / "claims" / "topics"
    (topics / "facial-recognition.yaml").rename(topics / "facial-recognition.yml")
    assert main([*argv[:-1], "r2.json"]) == 0
    assert '"facial-recognition"' in (tmp_path / "r2.json").read_text(encoding="utf-8")
    assert before.count('"verdict"') == (tmp_path / "r2.json").read_text(encoding="utf-8").count('"verdict"')
    shutil.copy(topics / "facial-recognition.yml", topics / "facial-recognition.yaml")
    capsys.readouterr()
    assert main(argv) == 2
    said = "two files give topic 'facial-recognition': facial-recognition.yaml and facial-recognition.yml; keep one"
    assert capsys.readouterr().err.splitlines() == [f"claims/topics/facial-recognition.yaml: {said}"]


def test_a_list_linked_from_a_share_not_mounted_is_said_as_the_link(tmp_path):
    """evidence/lists/mil.yaml a link to a team's list (`ln -s /mnt/team/lists/mil.yaml`), the
    share not mounted: "unknown list 'mil'; known: (none)", as if the case had never had it. Now
    the link is named, and where it leads, as a reviews file's or evidence's link is."""
    folder = tmp_path / "evidence" / "lists"
    folder.mkdir(parents=True)
    (folder / "mil.yaml").symlink_to(tmp_path / "team" / "mil.yaml")
    with pytest.raises(InputError) as caught:
        lists.find_list("mil", root=tmp_path)
    assert caught.value.lines() == [
        f"{folder / 'mil.yaml'}: a link to {tmp_path / 'team' / 'mil.yaml'}, which is not there: restore it, or remove the link"
    ]
    write(tmp_path / "team", "mil", "Team's")
    assert lists.find_list("mil", root=tmp_path).name == "Team's"
