"""What stands around a Chinese name (issue 18, twenty-ninth part).

A Chinese name runs straight on into the characters after it, and what it runs on into may make
another institution's name (天津大学仁爱学院), so only a part of the institution leaves it the same:
附属 ("affiliated") among them, so 陆军军医大学附属第一医院 is the university's hospital. Chinese
numbers the hospital before the word as often (郑州大学第一附属医院, "the First Affiliated Hospital of
Zhengzhou University"), which read as a longer name: a doubt. A number and 附属 are a part now."""

from __future__ import annotations

import pytest

from helpers import coauthor_text_results, project
from test_names_chinese_formerly import LIST


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        ("陆军军医大学第一附属医院，重庆 400038", "match"),
        ("陆军军医大学第二附属医院，重庆 400037", "match"),
        ("陸軍軍醫大學第一附屬醫院，重慶市", "match"),  # traditional characters, a mainland city beside
        ("陆军军医大学附属第一医院，重庆 400038", "match"),
        # A number alone is no part's: 第一医院 may be any hospital's name.
        ("陆军军医大学第一医院，重庆", "doubt"),
    ],
)
def test_a_numbered_affiliated_hospital_is_the_university_s(tmp_path, monkeypatch, capsys, raw, found):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    (result,) = coauthor_text_results(root, LIST, raw)
    capsys.readouterr()
    assert result["verdict"] == ("contradicted" if found == "match" else "insufficient_evidence")
    assert result["uncertain"] == (found == "doubt")
