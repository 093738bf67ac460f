"""Chinese "formerly" (原) before a listed name (issue 18, twenty-ninth part).

Chinese affiliations write an institution's former name, or where the author was before, after
原 ("formerly"): the ASPI tracker says the PLA Army Medical University was "formerly known as the
Third Military Medical University" (../shared/data/aspi), and authors write 原第三军医大学. The
character before the name hid it, as a longer word's would ("原第三军医大学，重庆": nothing named,
the claim cleared in silence), where the English "formerly Third Military Medical University" is a
doubt. 原 before a name is read as "formerly" now: the name found, a doubt, on both engines."""

from __future__ import annotations

import pytest

from helpers import coauthor_text_found

LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: amu
    name: Army Medical University
    aliases: [陆军军医大学, 第三军医大学, Third Military Medical University]
    country: CN
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        ("原第三军医大学，重庆 400038", "doubt"),
        ("重庆市；原第三军医大学", "doubt"),
        ("Formerly Third Military Medical University, Chongqing, China", "doubt"),
        # The name as itself, as before.
        ("第三军医大学，重庆 400038", "match"),
        ("陆军军医大学附属第一医院，重庆 400038", "match"),
        # 原 inside a longer word is no "formerly": 高原 (a plateau) before the name, as any word.
        ("高原第三军医大学，重庆", "nothing"),
    ],
)
def test_formerly_in_chinese_before_a_name_is_a_doubt(tmp_path, monkeypatch, capsys, raw, found):
    result = coauthor_text_found(tmp_path, monkeypatch, capsys, LIST, raw, found)
    if found == "doubt" and not raw.startswith("Formerly"):
        assert "\u201c\u539f\u201d comes before \u201c\u7b2c\u4e09\u519b\u533b\u5927\u5b66\u201d" in str(result)


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # The university and its former name in brackets, as Chinese affiliations write a renamed
        # body: a doubt before ("runs on into “（原第三军医大学）”"), where the English
        # "Army Medical University (formerly Third Military Medical University)" is the university.
        ("陆军军医大学（原第三军医大学）基础医学院，重庆 400038", "match"),
        ("陆军军医大学(原第三军医大学)，重庆", "match"),
        # What follows the bracket is read as what follows a name: a college of its own stays a doubt.
        ("陆军军医大学（原第三军医大学）仁爱学院，重庆", "doubt"),
    ],
)
def test_a_former_name_in_brackets_after_a_chinese_name_is_read_past(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, LIST, raw, found)
