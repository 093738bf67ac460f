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
