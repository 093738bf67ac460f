"""Company forms at the end (and the start: "JSC VTB BANK") of listed names: the CSL lists
"Megvii Technology Limited" and "HUAWEI TECHNOLOGIES CO., LTD.", and papers write "Megvii
Technology, Beijing" and "Huawei Technologies, Shenzhen". The name without its form is sought too; found, it names the entry
certainly only where what is left is the company's own (a word of it no common word, place or
organisation's word: "Megvii", "Huawei") or the text adds the entry's own city, and is a doubt
otherwise ("Aero Systems", "World Line System" may be any firm's)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .. import countries
from ..lists import COMPANY_FORMS, an_organisations_word
from ._places import names_crimea, places_in
from ._provinces import provinces_in
from ._spacy import a_common_spanish_word, a_russian_word, common_words, lemma_table

# The forms read at a name's end: the lists' own (`COMPANY_FORMS`, "Ltd.", "GmbH", "S.A."), the
# English words "Company" and "Corporation", the Spanish "S.A. de C.V." and "S. de R.L.", and the
# Turkish "Limited Şirketi" ("Ltd. Şti.", a limited company) and "Anonim Şirketi" (A.Ş., a joint
# stock company; https://en.wikipedia.org/wiki/Types_of_business_entity#Turkey), as the CSL of
# 2023-11 writes 11 names: "Eurocenter Havacilik Dis Ticaret Limited Sirketi", "Ucuzler Lojistik
# Ltd. Sti.", with the ş as s or not.
_FORMS = COMPANY_FORMS | {"company", "corporation", "cv", "rl", "sro", "sas", "scs", "pty", "kg"}
_FORMS |= {"şirketi", "sirketi", "şti", "sti"}
_JOINING = frozenset({"de"})
# Words of a form before its last ("Open Joint Stock Company", "Limited Liability Company",
# "Anonim Şirketi"), never a form alone: "Open", "Public" end no form.
_WITHIN_A_FORM = frozenset(
    {"joint", "stock", "joint-stock", "open", "closed", "public", "liability", "anonim"}
)  # "S.A. de C.V.": within a form, never its end
# A form's words as one company writes them in full or short: "Co., Ltd." is "Company Limited",
# "Ltd. Şti." "Limited Sirketi".
_IN_FULL = {
    "co": "company",
    "corp": "corporation",
    "ltd": "limited",
    "inc": "incorporated",
    "pvt": "private",
    **dict.fromkeys(("şirketi", "şti", "sti"), "sirketi"),
}
_TOKEN = re.compile(r"[^\s,]+")


# Forms Russian companies write before their names, as the CSL gives 472 names of 2023-11 ("JSC
# Transneft", "OOO VEB KAPITAL", "OPEN JOINT STOCK COMPANY RUSSIAN RAILWAYS", "LIMITED LIABILITY
# COMPANY SBERBANK CAPITAL"): the abbreviations (`_ABBREVIATED`'s), and words within a form before
# "Company".
_A_LEADING_FORM_S_END = frozenset({"company", "corporation"})


@lru_cache(maxsize=10_000)
def without_company_form(name: str) -> tuple[str, str] | None:
    """A name ending in a company form, as (the name without it, the form as written): ("Megvii
    Technology", "Limited"), ("HUAWEI TECHNOLOGIES", "CO., LTD."); or, with none at its end,
    beginning with one (`_LEADING_FORMS`): ("VEB KAPITAL", "OOO"); with both, the name after the
    first, which keeps its last word ("ROSNEFT OIL COMPANY", "OPEN JOINT-STOCK COMPANY"): a
    "Company" after a form written first is a word of the name, as the CSL's "OJSC INTERNATIONAL
    MANAGEMENT COMPANY" is "MEZHDUNARODNAYA UPRAVLYAYUSHCHAYA KOMPANIYA, AO", and taken off it left
    "International Management Company" certain as the name with its own form. None for any other
    name, and where less than two words are left ("ZTE Corporation", "AO Kronshtadt": an acronym
    alone is any body's)."""
    return _without_a_form_before_it(name) or _without_a_form_at_its_end(name)


def with_its_leading_form_last(name: str) -> str | None:
    """A name of one word after a Russian company's abbreviated form (`_LEADING_FORMS`), written
    with the form after it, as English texts write it: "RUSELECTRONICS JSC" of the CSL's "JSC
    RUSELECTRONICS", "Mikron PJSC" of "PJSC Mikron". Such a name is never sought without its form
    (`without_company_form`: one word alone is any body's), so nothing else finds it so. None
    for any other name."""
    tokens = name.split()
    if len(tokens) != 2 or _form_word(tokens[0]) not in _LEADING_FORMS:
        return None
    word = tokens[1]
    return f"{word} {tokens[0]}" if _A_HYPHENED_WORD.fullmatch(word) and not _a_form_word(word) else None


def one_word_and_its_form(name: str) -> bool:
    """Is `name` one word and a company form after it ("RUST ZAO", "Transneft PJSC", "Yitu
    Limited"; "SIRIUS JSC" of the CSL's "JSC SIRIUS", `with_its_leading_form_last`)? Such a name
    is the last words of any firm's name that ends so ("Avangard Sirius JSC")."""
    tokens = name.split()
    return len(tokens) == 2 and _a_form_word(tokens[1]) and not _a_form_word(tokens[0].rstrip(","))


# A word of letters and digits, hyphened parts allowed ("Mikron", "Tupolev-Kazan"), unlike
# `_places._A_WORD` (letters only).
_A_HYPHENED_WORD = re.compile(r"[^\W\d_][^\W_]*(?:-[^\W_]+)*")


def _without_a_form_before_it(name: str) -> tuple[str, str] | None:
    tokens = [_form_word(t.group()) for t in _TOKEN.finditer(name)]
    cut = 0
    while cut < len(tokens):
        if tokens[cut] in _LEADING_FORMS:
            cut += 1
            continue
        within = cut
        while within < len(tokens) and tokens[within] in _WITHIN_A_FORM | {"private"}:
            within += 1
        if within == cut or within == len(tokens) or tokens[within] not in _A_LEADING_FORM_S_END:
            break  # "Joint Stock Bank ...": no form
        cut = within + 1
    if cut == 0 or len(tokens) - cut < 2:
        return None
    starts = [t.start() for t in _TOKEN.finditer(name)]
    return name[starts[cut] :].strip(), name[: starts[cut]].strip(" ,")


def _without_a_form_at_its_end(name: str) -> tuple[str, str] | None:
    tokens = list(_TOKEN.finditer(name))
    cut = len(tokens)
    while cut > 0 and (cut < len(tokens) or not _joins(tokens[cut - 1])):
        word = tokens[cut - 1].group()
        if not (_a_form_word(word) or (cut < len(tokens) and _form_word(word) in _WITHIN_A_FORM)):
            break
        cut -= 1
    while cut < len(tokens) and _joins(tokens[cut]):  # never begin a form with its "de"
        cut += 1
    if cut == len(tokens) or cut < 2:
        return None
    bare = name[: tokens[cut - 1].end()].rstrip(" ,")
    return bare, name[tokens[cut].start() :].strip()


def _form_word(token: str) -> str:
    # A Turkish capital İ as I: casefolded, it is an i and a combining dot ("ŞTİ" no "şti"), and
    # Turkish firms write their forms in capitals ("LTD. ŞTİ.", "LİMİTED ŞİRKETİ", "ANONİM ŞİRKETİ").
    return token.replace(".", "").replace("\u0130", "I").casefold()


def _a_form_word(token: str) -> bool:
    return (
        _form_word(token) in _FORMS
        or _form_word(token) in _JOINING
        or bool(_LETTERS_WITH_POINTS.fullmatch(token) or _GLUED_TO_ITS_DE.fullmatch(token))
    )


_LETTERS_WITH_POINTS = re.compile(r"(?:[^\W\d_]\.)+")  # "S. de R.L.", "S.A.S.", "A.Ş."
# Letters with points and the "de" after them written as one, as the SDN list's "ACCESOS
# ELECTRONICOS S.A.DE C.V." writes "S.A. DE C.V." (a Mexican sociedad anónima de capital variable).
_GLUED_TO_ITS_DE = re.compile(r"((?:[^\W\d_]\.)+)(de)", re.IGNORECASE)


def _unglued(token: str) -> tuple[str, ...]:
    """A form's token with a "de" glued to its points apart ("S.A.DE": "S.A.", "DE")."""
    glued = _GLUED_TO_ITS_DE.fullmatch(token)
    return (glued.group(1), glued.group(2)) if glued else (token,)


def _joins(token: re.Match[str]) -> bool:
    return _form_word(token.group()) in _JOINING


# The forms Russian companies write before their names, abbreviated in English or in Russian, as
# the words they stand for: JSC and AO (aktsionernoe obshchestvo) a joint-stock company, OJSC and
# OAO an open one, CJSC and ZAO a closed one, PJSC and PAO a public one, LLC and OOO a limited
# liability company (lexology.com/library/detail.aspx?g=6998d903-3abe-40bd-9583-8009f8ba524e,
# russianlawonline.com/content/russia-joint-stock-company).
_JOINT_STOCK = ("joint", "stock", "company")
_ABBREVIATED = {
    **dict.fromkeys(("jsc", "ao"), _JOINT_STOCK),
    **dict.fromkeys(("ojsc", "oao"), ("open", *_JOINT_STOCK)),
    **dict.fromkeys(("cjsc", "zao"), ("closed", *_JOINT_STOCK)),
    **dict.fromkeys(("pjsc", "pao"), ("public", *_JOINT_STOCK)),
    **dict.fromkeys(("llc", "ooo"), ("limited", "liability", "company")),
}
_LEADING_FORMS = frozenset(_ABBREVIATED)


def form_in_full(form: str) -> tuple[str, ...]:
    """A company form's words as one: "Co., Ltd." and "Company Limited" alike, "OJSC" and "Open
    Joint-Stock Company" alike."""
    tokens = (part for t in _TOKEN.findall(form) for part in _unglued(t))
    words = (w for t in tokens for w in _form_word(t).split("-"))
    return tuple(full for w in words if w and w not in _JOINING for full in _ABBREVIATED.get(w, (_IN_FULL.get(w, w),)))


def _its_part_before(text: str, start: int) -> str:
    """What `text` writes before `start` in its part: from the last ",", ";" or bracket before it
    (without copying the text before the part)."""
    return text[max(text.rfind(c, 0, start) for c in ",;()") + 1 : start]


def company_form_before(text: str, start: int) -> str | None:
    """The company form written right before `start` in its part of `text`, as Russian companies
    write theirs ("JSC", "OAO", "Open Joint Stock Company": `_LEADING_FORMS`), quotes around the
    name allowed ("JSC \u00abRussian Helicopters\u00bb"), or None."""
    part = _its_part_before(text, start).rstrip(" \"'\u00ab\u201c\u201e")
    tokens = list(_TOKEN.finditer(part))
    for first in range(len(tokens)):
        written = part[tokens[first].start() :]
        if (found := _without_a_form_before_it(f"{written} x y")) is not None and found[0] == "x y":
            return written
    return None


# A company form right after a name found without its own: "Megvii Technology Inc.", "Huawei
# Technologies Co., Ltd.", "Beijing Megvii Technology Co., Ltd.".
def company_form_after(text: str, end: int) -> str | None:
    """The company form written right after `end` in `text` ("Inc.", "Co., Ltd."), or None."""
    tokens = []
    for token in _TOKEN.finditer(text, end):
        if text[end : token.start()].strip(" ") not in ("", ","):
            break
        if not _a_form_word(token.group().rstrip(";)")):
            break
        tokens.append(token)
        end = token.end()
    while tokens and _joins(tokens[-1]):
        tokens.pop()
    if not tokens:
        return None
    return text[tokens[0].start() : tokens[-1].end()].rstrip(";)")


def another_company_form_after(text: str, end: int) -> str | None:
    """The company form right after `end` (`company_form_after`) where its first word is a form's
    own ("Inc.", "Co., Ltd.", "S.A."), not an initial that may begin a person's name ("J. Smith")."""
    form = company_form_after(text, end)
    if form is None:
        return None
    word = form.split()[0].rstrip(",")
    initials = bool(_LETTERS_WITH_POINTS.fullmatch(word)) and len(word) > 2  # "S.A.", never "J."
    return form if _form_word(word) in _FORMS or initials else None


# Words naming a company's unit, as coauthors at listed companies write theirs after the company's
# first word: "Huawei Noah's Ark Lab", "Megvii Research", "Huawei Cloud" (NeurIPS 2019's accepted
# papers give "Yixing Xu (Huawei Noah's Ark Lab)").
_UNIT_WORDS = frozenset(
    {"lab", "labs", "laboratory", "laboratories", "research", "institute", "cloud", "center", "centre"}
)
_WORDS_AFTER = re.compile(r"(?:[ \t]+[\w'\u2019&.-]+){1,4}")


def a_unit_after(text: str, end: int) -> str | None:
    """The unit's name right after `end` in `text`: a unit's word (`_UNIT_WORDS`) after up to three
    capitalised words, in the same part of the text ("Research", "Noah's Ark Lab"), or None."""
    found = _WORDS_AFTER.match(text, end)
    words = found.group().split() if found else []
    for k, word in enumerate(words):
        if word.rstrip(".").casefold() in _UNIT_WORDS:
            return " ".join([*words[:k], word.rstrip(".")])
        if not word[:1].isupper():
            return None
    return None


_WORD_AFTER = re.compile(r"[ \t]+([\w'\u2019&-]+)")


def a_firm_s_name_after(text: str, start: int, end: int) -> str | None:
    """The rest of a firm's name right after a word beginning its part of `text` (`start` to
    `end`) and its company form: up to four capitalised words, none a form's, before a form
    ("Electronic Information Industry Co., Ltd." of "Inspur Electronic Information Industry Co.,
    Ltd.", a firm of the CSL's INSPUR GROUP CO., LTD.; "Elect Informat Ind Co Ltd" as Web of
    Science writes it; a city or province in brackets before them, "Inspur (Beijing) ..."), or
    None."""
    if (before := _its_part_before(text, start).strip()) and not a_place_alone(before):
        return None  # "Wha Cheong Tai Company Ltd.": the word is not the name's first
    at = end
    if (seat := _A_BRACKETED_SEAT.match(text, at)) and a_place_alone(seat.group(1)):
        at = seat.end()  # "Inspur (Beijing) Electronic Information Industry Co., Ltd."
    for _ in range(4):
        found = _WORD_AFTER.match(text, at)
        if found is None or not found.group(1)[:1].isupper() or _a_form_word(found.group(1)):
            return None
        at = found.end()
        if (form := company_form_after(text, at)) is not None and _form_word(form.split()[0].rstrip(",")) in _FORMS:
            return text[end : text.index(form, at) + len(form)].strip()
    return None


def a_place_alone(text: str) -> bool:
    """Is `text` wholly one city's or province's name, as `places_in` or `provinces_in` reads it
    ("Shanghai" of "Shanghai SenseTime Intelligent Technology Co., Ltd.", as Chinese firms' names
    begin with their seat; "Beijing" of a name written "Institute of Applied Physics and
    Computational Mathematics, Beijing", `name_and_its_place`)?"""
    spans = [(p.start, p.end) for p in places_in(text) if not p.is_country]
    return (0, len(text)) in spans + [(p.start, p.end) for p in provinces_in(text)]


def a_seat_and_form_after(text: str, end: int) -> str | None:
    """A city or province alone in brackets and a company form right after `end` in `text` ("
    (Chengdu) Co., Ltd." of "Huawei Technologies (Chengdu) Co., Ltd."), as Chinese firms name one
    registered in that place, a subsidiary's name (the Entity List's "Semiconductor Manufacturing
    International (Beijing) Corporation" of SMIC); or a country or region so, or a city and its
    country ("(China)", "(Shenzhen, China)"), as the CSL of 2023-11 lists "AERO CONTINENTE (USA)
    INC." of Miami apart from AERO CONTINENTE S.A of Lima, and "China Unicom (Hong Kong) Limited"
    apart from China United Network Communications: the two as written, or None."""
    seat = _A_BRACKETED_SEAT.match(text, end)
    if seat is None or not all(map(_a_place_or_country_alone, seat.group(1).split(","))):
        return None
    return _with_the_form_after(text, end, seat.end())


def a_group_and_form_after(text: str, end: int) -> str | None:
    """ "(Group)" and a company form right after `end` in `text` (" (Group) Co., Ltd." of
    "Huawei Technologies (Group) Co., Ltd."), as Chinese groups name their parent company: the
    CSL of 2023-11 lists "China Communications Construction Group (Limited)" apart from China
    Communications Construction Company Limited. The two as written, or None."""
    group = _A_BRACKETED_SEAT.match(text, end)
    if group is None or group.group(1).casefold() != "group":
        return None
    return _with_the_form_after(text, end, group.end())


def _with_the_form_after(text: str, end: int, bracket_end: int) -> str | None:
    """The text from `end` through a company form right after a bracket ending at `bracket_end`,
    or None where no form follows it."""
    form = company_form_after(text, bracket_end)
    return None if form is None else text[end : text.index(form, bracket_end) + len(form)].strip()


def _a_place_or_country_alone(text: str) -> bool:
    """Is `text` (spaces around it aside) wholly a city's, a province's or a country's name?"""
    text = text.strip()
    return a_place_alone(text) or (0, len(text)) in [(p.start, p.end) for p in places_in(text) if p.is_country]


_A_BRACKETED_SEAT = re.compile(r"[ \t]*[(\uff08][ \t]*([^()\uff08\uff09]+?)[ \t]*[)\uff09]")
_PART_BEFORE = re.compile(r"(?:^|[,;(])\s*([^,;()]+?)\s*,\s*$")


def a_unit_before(text: str, start: int, end: int) -> str | None:
    """The unit's name in the part of `text` right before a word alone in its part (`start` to
    `end`): up to four capitalised words ending in a unit's word ("Noah's Ark Lab, Huawei"), or
    None."""
    if text[end:].lstrip()[:1] not in ("", ",", ";", ")"):
        return None
    found = _PART_BEFORE.search(text[:start])
    if found is None:
        return None
    words = found.group(1).split()
    if not 0 < len(words) <= 4 or words[-1].rstrip(".").casefold() not in _UNIT_WORDS:
        return None
    return found.group(1) if all(w[:1].isupper() for w in words) else None


@lru_cache(maxsize=10_000)
def company_core(bare: str) -> str | None:
    """The rare words a name without its form begins with, before common ones: "Megvii" of
    "Megvii Technology", "Huawei" of "HUAWEI TECHNOLOGIES" (written as a word, not in capitals,
    which would read as an acronym). Affiliations name a company so with another form ("Megvii
    Inc."): found before one, it is a doubt, never a match. None where a common word comes first
    or nothing common follows ("Gazprom Neft")."""
    words = bare.split()
    rare = 0
    while rare < len(words) and _a_rare_word(words[rare]):
        rare += 1
    if rare == 0 or rare == len(words) or any(_a_rare_word(w) for w in words[rare:]):
        return None
    core = " ".join(words[:rare])
    return core.title() if core.isupper() else core


def _a_rare_word(word: str) -> bool:
    """A word of five letters or more that is no English word of the lemmatizer's table, no
    organisation's word, no place and no single syllable of pinyin (`distinctive_word`, without
    the word probabilities: a core found is a doubt whatever it holds)."""
    return word.casefold().isalpha() and _no_known_word(word)


def distinctive_word(bare: str, country: str | None = None, addresses: tuple[str, ...] = ()) -> str | None:
    """The first word of a name that only a few bodies' names hold: of five letters or more, no
    English word (the lookup lemmatizer's words) nor any common word of spaCy's English
    probabilities (`common_words`), common Spanish word (`common_spanish_words`: the CSL of
    2023-11 names 14 entries "COMERCIALIZADORA ...", 12 "INMOBILIARIA ..."), no organisation's
    word, no place, no single syllable of pinyin ("Megvii", "Huawei", "Hikvision", "Rosneft"; not
    "Aero", "Systems", "Beijing", "Zhong", "Comercializadora"). For a firm of `country` where
    Russian is an official language, no Russian word in Latin letters either (`a_russian_word`:
    the CSL's "SOVREMENNYE TEKHNOLOGII, OOO", "modern technologies", of Moscow). None where every
    word is common ("Aero Systems", "World Line System", "Comercializadora de Carnes", "Sovremennye
    Tekhnologii" of a Russian firm), nor for a firm the list addresses in Crimea (`addresses`),
    which it gives the country UA though its names are written in Russian ("Zaliv Shipyard" of
    Kerch, залив a bay)."""
    russian = country in _RUSSIAN_AN_OFFICIAL_LANGUAGE or any(map(names_crimea, addresses))
    for found in re.finditer(r"[^\W\d_]+", bare):
        word = found.group()
        if _no_known_word(word) and not _a_common_word(word.casefold(), russian=russian):
            return word
    return None


# The countries with Russian an official language (https://en.wikipedia.org/wiki/Russian_language):
# their firms' names are Russian words in the lists' Latin letters. Elsewhere such a word is read
# as rare (the Russian table is not read): "Paike" of the Entity List's Chinese "Wuxi Paike New
# Mat. Tech. Co., Ltd." (派克) is пайке (soldering) in Latin letters.
_RUSSIAN_AN_OFFICIAL_LANGUAGE = frozenset({"RU", "BY", "KZ", "KG"})


def _a_common_word(folded: str, *, russian: bool) -> bool:
    return folded in common_words() or a_common_spanish_word(folded) or (russian and a_russian_word(folded))


def _no_known_word(word: str) -> bool:
    """Of five letters or more, and no English word of the lemmatizer's table, organisation's
    word, country, place or single syllable of pinyin: what a rare core's and a distinctive
    word's tests share."""
    folded = word.casefold()
    return (
        len(folded) >= 5
        and folded not in _english_words()
        and not an_organisations_word(folded)
        and folded not in countries.BY_NAME
        and not places_in(word)
        and not provinces_in(word)
        and not _PINYIN_SYLLABLE.fullmatch(folded)
    )


@cache
def _english_words() -> frozenset[str]:
    table = lemma_table()
    return frozenset(table) | frozenset(table.values())


# One syllable of Hanyu Pinyin without its tone ("zhong", "guang", "shuang"): a word of many
# Chinese firms' names, as a surname is of many people's.
_PINYIN_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|iao|ian|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|v)"
)
