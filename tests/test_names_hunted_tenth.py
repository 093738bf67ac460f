"""Institution names hunted a tenth time (issue 18, thirty-second part).

Each case's form is read from a real record in ../shared/data (the ASPI tracker's names, aliases
and addresses), as the tests below say."""

from __future__ import annotations

import pytest

from helpers import coauthor_text_found

# The tracker's Air Force Logistics University: its Chinese name and its address, in Xuzhou.
AFLU_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: aflu
    name: Air Force Logistics University
    aliases: [中国人民解放军空军后勤学院]
    country: CN
    addresses: ["85 Xige St, Gulou Qu, Xuzhou Shi, Jiangsu Sheng, China, 221004"]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # 徐州 read as "Tongshan" (GeoNames files Xuzhou's 市 name under its district Tongshan
        # too), so the entry's own city before its name was another's and nothing was found.
        ("徐州空军后勤学院", "match"),
        ("江苏省徐州市空军后勤学院", "match"),
        ("江苏省徐州市鼓楼区中国人民解放军空军后勤学院", "match"),
        # Another city's is still nothing, as 南京信息工程大学 is for IEU.
        ("南京空军后勤学院", "nothing"),
    ],
)
def test_xuzhou_in_chinese_is_xuzhou(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, AFLU_LIST, raw, found)


def test_xuzhou_is_no_district_s_name():
    from claimwatch.evaluate._provinces import in_english, own_places_in_chinese

    assert in_english("徐州") == "Xuzhou"
    assert own_places_in_chinese("江苏省徐州市鼓楼区") == ["Jiangsu", "Xuzhou"]
