"""Institution names in affiliation text.

Names fold case, punctuation, diacritics and hyphens and are matched as whole phrases with
spaCy's PhraseMatcher; a name followed by "of"/"for" is part of a longer name (Tianjin
University of Technology is not Tianjin University). Acronyms (USTC, HIT) match
case-sensitively; Chinese names match as exact substrings not preceded by another Chinese
character (桂林电子科技大学 is not 电子科技大学) and a 大学 not followed by 校 (Japan's 警察大学校 is
not China's 警察大学).

Crossref runs words together ("Communication EngineeringNanjing University"): a word is split
where a lower-case letter meets a capital that starts a registered name, so "DeepMind",
"McGill" and "iFlytek" stay whole. Offsets are into the text as given.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Set
from dataclasses import dataclass, replace
from typing import Literal

from .._memo import Memo
from ..works import APOSTROPHES, INNER_APOSTROPHE, INNER_HYPHEN, INVISIBLE, dotted_i, has_invisible, one_sigma
from ._spacy import nlp

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_APOSTROPHE = re.compile(f"[{APOSTROPHES}]")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}")
# Spaces between words, as affiliation text writes them (a no-break space from PDFs and web
# pages, an ideographic space, the typographic spaces), never a line break of any kind.
SPACES = r"[ \t\u00a0\u3000\u2000-\u200a\u202f\u205f]"
# An "i" may carry a combining dot above inside a word: lower() writes a Turkish "İ" so
# ("i\u0307stanbul"), and no composed letter holds both; Lithuanian writes an accent after that
# dot ("Vi\u0307\u0301lniaus", as lower() writes "VÍLNIAUS" under Lithuanian rules: i̇́, i̇̀, i̇̃),
# which NFC leaves apart too. Any other mark NFC leaves alone parts words as before
# ("ΔΗΜΟΚΡΙΤΟΣ\u0301Αθήνα" is two).
_LETTER = r"(?:[^\W_]|(?<=[ij])\u0307|(?<=[ij]\u0307)[\u0300\u0301\u0303]|(?<=\u0130)[\u0300\u0301\u0303])"
_WORD = re.compile(rf"{_LETTER}+(?:[{APOSTROPHES}]{_LETTER}+)*")
# Where words may have run together: two lower-case letters, then a capital ("EngineeringNanjing");
# one lower-case letter is a prefix of a real name ("McGill", "iFlytek").
_RUN_TOGETHER = re.compile(r"(?<=[a-z][a-z])(?=[A-Z])")
_NEXT_PIECE = re.compile(r"[A-Z][A-Z0-9&]*(?![a-z])|[A-Z][a-z]+")


@dataclass(frozen=True, slots=True)
class NameHit:
    key: str  # what the caller registered the name under
    name: str  # the name or alias as registered
    matched: str  # the text as it stands in the affiliation
    start: int
    end: int
    traditional: bool = False  # a Chinese name found written in traditional characters (`chinese_forms`)
    # Found only in the text read with an apostrophe inside a word left out, where the name writes
    # none there ("Queens College" in "The Queen's College"): a doubt, since the two spellings may
    # be two institutions' (`_read_words`).
    apostrophe_left_out: bool = False
    # What ends a part of the text inside the name as found, where the name writes none there
    # ("Xi'an, University of Electronic Science and Technology"): a doubt (`_part_end_inside`).
    crosses: str | None = None
    # The "&", "and" or full stop before a name found without its leading "the" where no part of
    # the text begins ("Laboratory of Computational Physics & Institute of ..."): a doubt (`_joined_before`).
    joined_to: str | None = None
    # Found only with a hyphen inside a word of the text or of the name read as joining it, where
    # the other writes one word ("North\u2010western" for "Northwestern", "Yatsen" for "Yat-sen"):
    # a doubt, since the two spellings may be two institutions' (`_read_hyphens_joined`).
    hyphen_left_out: bool = False
    # The Chinese places written right before a Chinese name found after them, none of them
    # known as its own ("北京" in 北京微软亚洲研究院), where the caller asks for such names
    # (`NameMatcher`'s `other_place_before`): a doubt.
    place_before: str | None = None
    # Found only with the name's words in another order, its kind's word first and theirs after an
    # "of" ("PLA University of Foreign Languages" for the tracker's "PLA Foreign Languages
    # University"): a doubt, since the words so ordered may name another body (`_reordered_forms`).
    reordered: bool = False

    @property
    def is_acronym(self) -> bool:
        return is_acronym(self.name)

    @property
    def is_cjk(self) -> bool:
        return _is_cjk(self.name)


# The abbreviations affiliation strings use for the words of institution names (IEEE and Crossref
# write "Harbin Inst. of Technol.", "Nanjing Univ. of Sci. & Tech."), folded, and the word each
# stands for. Names and text are both read through it, so "Beihang Univ." is "Beihang
# University". Only words an institution's name holds; "tech" is read as "technology", and as
# "technical" too (`_OTHER_READINGS`).
_ABBREVIATIONS = {
    "univ": "university",
    "inst": "institute",
    "technol": "technology",
    "tech": "technology",
    "sci": "science",
    "eng": "engineering",
    "natl": "national",
    "nat": "national",
    "acad": "academy",
    "polytech": "polytechnical",
    "aeronaut": "aeronautics",
    "astronaut": "astronautics",
    "def": "defense",
    "defence": "defense",
    "electron": "electronic",
    "telecommun": "telecommunications",
    "geosci": "geosciences",
    # "Inf. Eng. Univ." (the Information Engineering University), "Inst. of Appl. Phys. & Comput.
    # Math.", "Sch. of Comput." as IEEE writes them.
    "inf": "information",
    "comput": "computer",
}
# And those Web of Science writes, with no full stop, for the words of listed names ("Harbin Engn
# Univ", "Univ Elect Sci & Technol China", "China Acad Engn Phys", "Acad Mil Med Sci",
# "China Univ Min & Technol", "China Aerosp Sci & Ind Corp", "Northwest Inst Nucl Technol",
# "Inst Appl Phys & Computat Math", "China Ordnance Ind Grp Corp Ltd", "Tianjin Polytech Univ",
# "State Key Lab Math Engn & Adv Comp", "Southwest Inst Struct Mech", "Key Lab Complex Aviat Syst
# Simulat", "Natl Key Lab Parallel & Distributed Proc", "Naval Command Coll", "Rocket Force
# Sergeant Sch", "Cent South Univ", the compass's "NW Inst Nucl Technol", "SE Univ", "Peoples Liberat
# Army Gen Hosp"): read as the others are, but a full stop
# after one is no abbreviation's (`_joined_before`: "Dept. of Phys. Institute of ..." and "Key
# Lab. Institute of ..." may begin a part).
_WEB_OF_SCIENCE = {
    "engn": "engineering",
    "elect": "electronic",
    "phys": "physics",
    "mil": "military",
    "med": "medical",
    "informat": "information",
    "min": "mining",
    "chem": "chemical",
    "res": "research",
    "ctr": "center",
    "corp": "corporation",
    "grp": "group",
    "ind": "industry",
    "aerosp": "aerospace",
    "nucl": "nuclear",
    "aviat": "aviation",
    "logist": "logistics",
    "commun": "communication",
    "appl": "applied",
    "computat": "computational",
    "math": "mathematics",
    "mech": "mechanical",
    "ltd": "limited",
    "lab": "laboratory",
    "adv": "advanced",
    "struct": "structural",
    "comp": "computer",
    "syst": "system",
    "simulat": "simulation",
    "proc": "processing",
    "coll": "college",
    "sch": "school",
    "cent": "central",
    "nw": "northwest",
    "ne": "northeast",
    "sw": "southwest",
    "se": "southeast",
    "liberat": "liberation",
    "gen": "general",
    "hosp": "hospital",
    # "Univ Int Relat" (University of International Relations), "Peoples Publ Secur Univ China",
    # "China Aerodynam Res & Dev Ctr", "Hebei Semicond Res Inst", "Southwest Inst Environm
    # Testing", "Acad Mil Transportat", "Beijing Automat Control Equipment Inst", "Acad Aerosp
    # Solid Propuls Technol", "Inst Int Polit".
    "int": "international",
    "relat": "relations",
    "publ": "public",
    "secur": "security",
    "aerodynam": "aerodynamics",
    "dev": "development",
    "semicond": "semiconductor",
    "environm": "environmental",
    "transportat": "transportation",
    "automat": "automation",
    "propuls": "propulsion",
    "polit": "politics",
    # "All Russian Res Inst Expt Phys" (the Entity List's All-Russian Scientific Research Institute
    # of Experimental Physics, VNIIEF), "Moscow Mech Expt Plant", "90 Expt Plant".
    "expt": "experimental",
}
_WRITTEN_OUT = {**_ABBREVIATIONS, **_WEB_OF_SCIENCE}
# Abbreviations that stand for other words too, and those words: Web of Science writes "Technol"
# for "Technological" as for "Technology" ("Xian Technol Univ" is Xi'an Technological University,
# "Xian Univ Technol" Xi'an University of Technology), "Tech" for "Technical" ("Istanbul Tech
# Univ", "Tech Univ Munich") as IEEE writes it for "Technology", "Elect" for "Electric",
# "Electrical" and "Electronics" as for "Electronic" ("China Elect Power Res Inst", "North China
# Elect Power Univ"), "Ind" for "Industries" ("China North Ind Grp") and "Industrial" as for
# "Industry", "Math" for "Mathematical", "Mech" for "Mechanics", "Med" for "Medicine" as for
# "Medical", "Sci" for "Sciences" as for "Science" ("Chinese Acad Sci"), "Polytech" for
# "Polytechnic" as for "Polytechnical" ("Tianjin Polytech Univ" is Tianjin Polytechnic University),
# "Comp" for "Computing" as for "Computer" ("Southwest Comp Ctr", "Adv Comp"), "Expt" for
# "Experiment" as for "Experimental" ("Agr Expt Stn", an agricultural experiment station), "Lab" for
# "Laboratories", "Syst" for "Systems", "Struct" for "Structure" and "Structures", "NW" for
# "Northwestern" as for "Northwest" ("NW Polytech Univ", "NW Inst Nucl Technol"), and so on; one
# compass letter only otherwise ("Cent S Univ", "S China Univ Technol", "N Univ China"): a text's
# "s" is as often an apostrophe's ("Queen's", "China's"), and no name's word is read as a letter. A
# text holding one is read again with it written out as each, and where it holds several, with
# those one sought name holds so at once (`read_otherwise`: "China Changfeng Mech & Elect Technol
# Acad" needs "Mechanics" and "Electronics"); the order of the words still tells two names apart.
_OTHER_READINGS = {
    "technol": ("technological", "technologies"),
    "tech": ("technical",),
    "elect": ("electric", "electrical", "electronics"),
    "med": ("medicine",),
    "sci": ("sciences",),
    "chem": ("chemistry",),
    "ind": ("industries", "industrial"),
    "math": ("mathematical",),
    "mech": ("mechanics",),
    "commun": ("communications",),
    "polytech": ("polytechnic",),
    "comp": ("computing",),
    "comput": ("computing", "computational"),
    "lab": ("laboratories",),
    "syst": ("systems",),
    "struct": ("structure", "structures"),
    "semicond": ("semiconductors",),
    "automat": ("automatic",),
    "polit": ("political",),
    "expt": ("experiment",),
    "aerodynam": ("aerodynamic",),
    "nw": ("northwestern",),
    "ne": ("northeastern",),
    "sw": ("southwestern",),
    "se": ("southeastern",),
    "n": ("north",),
    "s": ("south",),
    "e": ("east",),
    "w": ("west",),
}
# A compass letter as Web of Science never writes it (`_OTHER_READINGS`): in lower case.
_LOWER_COMPASS_LETTERS = frozenset({"n", "s", "e", "w"})
# "and" is left out of names and text alike: "Sci. & Technol." loses its "&" to folding.
_DROPPED = frozenset({"and"})


def name_words(folded: str, *, other: Reading | None = None) -> list[str]:
    """A folded name or text as the words names are matched by: abbreviations written out (`other`:
    abbreviations that stand for more than one word, and the other word each is read as here,
    `_OTHER_READINGS`), "and" left out."""
    read = dict(other or ())
    return [read.get(w) or _WRITTEN_OUT.get(w, w) for w in folded.split() if w not in _DROPPED]


# Abbreviations a text holds, each with the other word it is read as in one reading of the text.
Reading = tuple[tuple[str, str], ...]


def read_otherwise(folded_words: Iterable[str], sought: Set[str] | None = None) -> list[Reading]:
    """The readings of a folded text other than the first: its abbreviations that stand for more
    than one word (`_OTHER_READINGS`), each as each other word `sought` holds (the words of the
    names looked for: a reading giving none can find none; every word where `sought` is None),
    alone and with the others so at once, since one name may need two or three read otherwise
    ("China Changfeng Mech & Elect Technol Acad" is the China Changfeng Mechanics and Electronics
    Technology Academy, "Tech Inst Phys & Chem Chinese Acad Sci" the Technical Institute of Physics
    and Chemistry Chinese Academy of Sciences). Where that makes more than `_MOST_READINGS`, each
    one and each two at once only: a text holding many would be read thousands of times over."""
    held = sorted(_OTHER_READINGS.keys() & set(folded_words))
    each = [[(short, word) for word in _OTHER_READINGS[short] if sought is None or word in sought] for short in held]
    each = [others for others in each if others]
    if math.prod(len(others) + 1 for others in each) - 1 <= _MOST_READINGS:
        every = itertools.product(*([None, *others] for others in each))
        readings = [tuple(o for o in reading if o is not None) for reading in every]
        return sorted((r for r in readings if r), key=len)
    ones: list[Reading] = [(o,) for others in each for o in others]
    return ones + [pair for a, b in itertools.combinations(each, 2) for pair in itertools.product(a, b)]


# The words abbreviations are read as otherwise (`_OTHER_READINGS`).
_OTHER_WORDS = frozenset(w for words in _OTHER_READINGS.values() for w in words)
# The most readings of a text with its abbreviations read each way at once (`read_otherwise`).
_MOST_READINGS = 32


def is_acronym(name: str) -> bool:
    """A name written as an acronym ("USTC", "HIT"): matched as written, the weakest evidence.
    The whole name: "HIT\\n" is no acronym (a `$` would match before its newline)."""
    return _ACRONYM.fullmatch(name) is not None


def fold(text: str) -> str:
    """Case, diacritics, punctuation and hyphens folded, a Turkish dotless ı read as i
    (`dotted_i`); one space between words."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    # lower() writes a capital sigma as ς or σ by what surrounds it ("ΔΗΜΟΚΡΙΤΟΣ" alone ends in
    # ς, in "ΔΗΜΟΚΡΙΤΟΣ.Αθήνα" in σ): a word folded alone, and a whole text, hold one letter.
    # The modifier letter apostrophe is a letter to Unicode, an apostrophe to a reader ("Xi\u02bcan").
    spaced = re.sub(r"[^\w\s]|[_\u02bc]", " ", dotted_i(one_sigma(stripped.lower())))
    return " ".join(spaced.split())


# Letters Unicode gives no decomposition, so folding keeps them ("łódzka" folds to "łodzka"),
# though records written without accents write the base letter for them as for any accent
# (Web of Science's "Politechnika Lodzka"; the people's namesakes are read so too,
# `people._findings._read_alike`). Lower case: they are read in folded text. The dotless ı is
# read as i already (`dotted_i`).
_BASE_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "æ": "ae", "œ": "oe", "þ": "th", "ß": "ss"}
)
_UNDECOMPOSED = frozenset("łøđðħæœþß")


def in_base_letters(folded: str) -> str:
    """Folded text (`fold`) with those letters as the base letters records write for them."""
    return folded.translate(_BASE_LETTERS) if not _UNDECOMPOSED.isdisjoint(folded) else folded


# A word of affiliation text folded: the same words recur in text after text ("University", "of"),
# and a text may be read several times over (its abbreviations read otherwise, its hyphens joined).
_folded_word = functools.lru_cache(maxsize=100_000)(fold)


def _is_cjk(name: str) -> bool:
    return bool(_CJK.search(name))


def word_spans(text: str, splits: Callable[[str], bool] | None = None) -> list[tuple[str, int, int]]:
    """Words (letters and digits, with inner apostrophes) and their offsets in `text`.

    A word is split where words ran together, at a capital after two lower-case letters, if
    `splits` accepts the piece that capital starts (all such pieces where `splits` is None)."""
    if _RUN_TOGETHER.search(text) is None:
        return [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
    out = []
    for m in _WORD.finditer(text):
        word, start = m.group(0), m.start()
        cut = 0
        for b in _RUN_TOGETHER.finditer(word):
            piece = _NEXT_PIECE.match(word, b.start())
            if piece and (splits is None or splits(piece.group(0))):
                out.append((word[cut : b.start()], start + cut, start + b.start()))
                cut = b.start()
        out.append((word[cut:], start + cut, m.end()))
    return out


def _back(text: str, normal: str, offset: int, form: Literal["NFC", "NFKC"]) -> int:
    """An offset into `normal` (text in a Unicode normal form) as an offset into `text`."""
    if normal == text:
        return offset
    return original_offsets(text, form)(offset)


@functools.lru_cache(maxsize=1024)
def original_offsets(text: str, form: Literal["NFC", "NFKC"]) -> Callable[[int], int]:
    """Offsets into `text` in a normal form, mapped back to `text` as given: the first offset
    of `text` whose normal form reaches that far. Worked out once a text, a character and its
    combining marks at a time (normal forms compose within such a run), so a long decomposed
    string costs one pass, not one normalisation a character."""
    reached = [0]  # reached[i]: the normal form's length of text[:i], at each run's end
    ends = [0]
    run_start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or not unicodedata.combining(text[i]):
            reached.append(reached[-1] + len(unicodedata.normalize(form, text[run_start:i])))
            ends.append(i)
            run_start = i

    def back(offset: int) -> int:
        k = bisect.bisect_left(reached, offset)
        return ends[k] if k < len(ends) else len(text)

    return back


class NameMatcher:
    """Finds registered institution names in affiliation text, by whole phrases, never by similarity."""

    _FOLLOWERS_OF_A_LONGER_NAME = frozenset({"of", "for"})

    def __init__(
        self,
        names: Iterable[tuple[str, str]],
        own_place_before: Callable[[str, str, int], bool] | None = None,
        other_place_before: Callable[[str, str, int], str | None] | None = None,
        of_its_own: Callable[[str, list[str]], bool] | None = None,
    ):
        """`names` holds (key, name) pairs; a key is returned with every hit of its names.
        `own_place_before(key, text, start)`: whether the Chinese places right before a Chinese
        name at `start` are the key's own, which then leave it standing alone (郑州信息工程大学).
        `other_place_before(key, text, start)`: the Chinese places written right before a name
        at `start`, where a whole name of the key's after places not its own is to be found too,
        as a doubt (`NameHit.place_before`); without it, or where it gives None, such a name is not
        found (南京信息工程大学).
        `of_its_own(key, words)`: whether the folded words after a name's "of" name what the key
        belongs to ("... of the Ministry of State Security", its supervising agency), which then
        leave it the key's name rather than a longer one's."""
        self._own_place_before = own_place_before
        self._other_place_before = other_place_before
        self._of_its_own = of_its_own
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        self._folded = PhraseMatcher(nlp().vocab, attr="ORTH")
        self._acronyms = PhraseMatcher(nlp().vocab, attr="ORTH")
        self._cjk: list[tuple[str, str, str, bool]] = []  # key, form sought, name registered, traditional
        self._labels: dict[int, list[tuple[str, str]]] = {}
        self._without_the: set[int] = set()  # labels of names found without their leading "the"
        self._hyphen_joined: set[int] = set()  # labels of names found with a hyphen of theirs joined
        self._reordered: set[int] = set()  # labels of names found with their words in another order
        first_words: set[str] = set()
        form_words: set[str] = set()  # every word of the forms names are sought by
        together: set[frozenset[str]] = set()  # the words of `_OTHER_READINGS` one form holds, two or more
        acronyms: set[str] = set()
        for key, name in with_visible_forms(names):
            if _is_cjk(name):
                registered = unicodedata.normalize("NFKC", name)
                for form, traditional in chinese_forms(registered):
                    self._cjk.append((key, form, registered, traditional))
                continue
            if is_acronym(name):
                pattern, matcher = name, self._acronyms
            else:
                pattern, matcher = " ".join(name_words(fold(name))), self._folded
            if not pattern:
                continue
            forms, without_the = ([pattern.split()], []) if matcher is self._acronyms else _folded_forms(name)
            groups = [(forms, False, False, False), (without_the, True, False, False)]
            if matcher is self._folded and INNER_HYPHEN.search(composed := unicodedata.normalize("NFC", name)):
                # "North-West University" is sought as "Northwest University" too, as a doubt.
                joined, joined_without_the = _folded_forms(INNER_HYPHEN.sub("", composed))
                groups += [(joined, False, True, False), (joined_without_the, True, True, False)]
            if matcher is self._folded:
                # "PLA Foreign Languages University" is sought as "PLA University of Foreign Languages" too,
                # as a doubt.
                groups.append((_reordered_forms(forms), False, False, True))
            for group, is_without_the, hyphen_joined, reordered in groups:
                if not group:
                    continue
                label = f"{len(self._labels)}"
                matcher.add(label, [Doc(nlp().vocab, words=form) for form in group])
                self._labels[nlp().vocab.strings[label]] = [(key, name)]
                if is_without_the:
                    self._without_the.add(nlp().vocab.strings[label])
                if hyphen_joined:
                    self._hyphen_joined.add(nlp().vocab.strings[label])
                if reordered:
                    self._reordered.add(nlp().vocab.strings[label])
                first_words.update(form[0].lower() for form in group)
                form_words.update(w for form in group for w in form)
                together.update(t for form in group if len(t := _OTHER_WORDS.intersection(form)) > 1)
            if matcher is self._acronyms:
                acronyms.add(pattern.split()[0])
        # A text's "Technol" reads as "technology" where it is looked for first: a name beginning
        # "Technological" may begin there too (`_OTHER_READINGS`).
        first_words.update(
            _WRITTEN_OUT.get(short, short)
            for short, words in _OTHER_READINGS.items()
            if not first_words.isdisjoint(words)
        )
        self._first_words = frozenset(first_words)
        self._form_words = frozenset(form_words)
        self._read_together = frozenset(together)
        self._acronym_words = frozenset(acronyms)
        self._cache: Memo[str, tuple[NameHit, ...]] = Memo(self._CACHE_SIZE)

    _CACHE_SIZE = 100_000

    def find(self, text: str) -> list[NameHit]:
        # Affiliation strings repeat across millions of authorships: each is matched once.
        hits = self._cache.get(text)
        if hits is None:
            hits = self._cache.keep(text, self._find(text))
        return list(hits)

    def _find(self, given: str) -> tuple[NameHit, ...]:
        if INVISIBLE.search(given):
            # Read both ways: an invisible character may join a word ("Insti\u00adtute", a soft
            # hyphen) or part two (a zero-width space, a break between words).
            return _in_order([*self._find_as_given(given), *_seen_through(given, self._find_as_given)])
        return self._find_as_given(given)

    def _find_as_given(self, given: str) -> tuple[NameHit, ...]:
        # Composed characters: a decomposed "é" would split a word at its accent.
        text = unicodedata.normalize("NFC", given)
        hits: list[NameHit] = []
        hits += self._find_cjk(given)
        folded_words = name_words(fold(text))
        run_together = _RUN_TOGETHER.search(text) is not None
        spans = word_spans(text, self._starts_a_name) if run_together else None
        if spans is not None:
            folded_words += name_words(" ".join(fold(w) for w, _, _ in spans))
        joined = INNER_APOSTROPHE.search(text) is not None
        if joined:
            folded_words += name_words(fold(INNER_APOSTROPHE.sub("", text)))
        hyphened = INNER_HYPHEN.search(text) is not None
        if hyphened:
            folded_words += name_words(fold(INNER_HYPHEN.sub("", text)))
        if self._first_words.isdisjoint(folded_words) and self._first_words.isdisjoint(
            w.lower() for w in re.findall(r"[A-Za-z0-9&]+", text)
        ):
            return _in_order(hits)
        if spans is None:
            spans = word_spans(text, self._starts_a_name)
        words = self._read_words(text, spans, joined)
        if hyphened:
            words += self._read_hyphens_joined(text, spans)
        if run_together:
            # A name may also end where words ran together ("...Defense TechnologyChangsha"):
            # look again with every such word split; and with none, for a name with inner capitals.
            words += self._read_words(text, word_spans(text), joined)
            words += self._names_with_inner_capitals(text, spans, joined)
        if text != given:
            words = [
                replace(h, matched=given[s:e], start=s, end=e)
                for h in words
                for s, e in [(_back(given, text, h.start, "NFC"), _back(given, text, h.end, "NFC"))]
            ]
        hits += words
        return _in_order(hits)

    def _read_words(self, text: str, spans: list[tuple[str, int, int]], joined: bool) -> list[NameHit]:
        """The names in the words, folded and as written, and where a word holds an apostrophe
        (`INNER_APOSTROPHE`), folded with it left out too: a list's "Xian" is found in "Xi'an", but
        only as a doubt (`NameHit.apostrophe_left_out`), since "The Queen's College" (Oxford) is
        not "Queens College" (New York); a list's "Xi'an" found in "Xian" (`_folded_forms`) is a
        finding, as Web of Science drops the apostrophes of the names it writes. Where a word is an
        abbreviation that stands for two words ("Technol"), the words are read with each."""
        hits = self._find_words(text, spans, folded=True) + self._find_words(text, spans, folded=False)
        # A plain ASCII word folds to itself in lower case: most texts are read so, cheaply.
        held = (w.lower() if w.isascii() and w.isalnum() else _folded_word(w) for w, _, _ in spans)
        for other in read_otherwise(held, self._form_words):
            if len(other) == 1 or self._some_form_holds(other):
                hits += self._find_words(text, spans, folded=True, other=other)
        if joined:
            hits += [
                replace(h, apostrophe_left_out=True) for h in self._find_words(text, spans, folded=True, joined=True)
            ]
        return hits

    def _names_with_inner_capitals(self, text: str, spans: list[tuple[str, int, int]], joined: bool) -> list[NameHit]:
        """The names holding a word with inner capitals, read with no word split, where `spans`
        (split where a piece begins a name sought) split one: the Unverified List's "ZhongJie
        Electronics" was cut at "Jie" when the Entity List's alias "Jie Luo" was sought too, and
        found by no reading. Only names over such a word: elsewhere the split readings hold."""
        whole = word_spans(text, lambda _: False)
        if len(whole) == len(spans):
            return []
        return [h for h in self._read_words(text, whole, joined) if _RUN_TOGETHER.search(text[h.start : h.end])]

    def _some_form_holds(self, reading: Reading) -> bool:
        """Whether a form sought holds every word `reading` reads its abbreviations as: where none
        does, a name found in it needs at most one of them and is found in the reading of that one
        alone, so the text is not read so ("Lab Syst Comp Struct ...", read with every combination
        of "Laboratories", "Systems", "Computing", "Structures", was read 21 times where 6 find
        as much)."""
        words = {word for _, word in reading}
        return any(words <= t for t in self._read_together)

    def _read_hyphens_joined(self, text: str, spans: list[tuple[str, int, int]]) -> list[NameHit]:
        """The names in the words, folded, with the words a hyphen joins ("North\u2010western")
        read as one ("Northwestern"): found so, a name is a doubt (`NameHit.hyphen_left_out`),
        since names so spelt may be two institutions' (North-West University, in South Africa, is
        not Northwest University, in Xi'an). A name that holds no such hyphen of the text's is
        left to the words as written: the words after it may differ, not the name."""
        merged: list[tuple[str, int, int]] = []
        joined: list[str] = []
        for word, start, end in spans:
            if merged and merged[-1][2] + 1 == start and INNER_HYPHEN.match(text, merged[-1][2]):
                merged[-1] = (merged[-1][0] + word, merged[-1][1], end)
                joined.append(merged[-1][0])
            else:
                merged.append((word, start, end))
        if self._form_words.isdisjoint(w for j in joined for w in name_words(fold(j))):
            return []  # no word so joined is a word of a name: none is found holding one
        return [
            replace(h, hyphen_left_out=True)
            for h in self._find_words(text, merged, folded=True)
            if INNER_HYPHEN.search(text, h.start, h.end)
        ]

    def _starts_a_name(self, piece: str) -> bool:
        """Does a piece of a run-together word start a registered name ("...EngineeringNanjing")?"""
        if piece in self._acronym_words:
            return True
        words = name_words(fold(piece))  # read as the registered names are: "Univ" is "university"
        return bool(words) and words[0] in self._first_words

    def _find_cjk(self, given: str) -> list[NameHit]:
        if not self._cjk or given.isascii():
            return []  # most affiliation strings: no Chinese name can stand in them
        normal = unicodedata.normalize("NFKC", given)
        hits = []
        for key, form, name, traditional in self._cjk:
            start = normal.find(form)
            while start >= 0:
                end = start + len(form)
                stands_alone = (
                    start == 0
                    or not _CJK.match(normal[start - 1])
                    or after_its_own_country(normal, start)
                    or _after_formerly(normal, start)
                    or (self._own_place_before is not None and self._placed_by_its_own(key, form, normal, start))
                )
                placed = None if stands_alone else self._placed_by_another(key, form, normal, start)
                if (stands_alone or placed) and not _a_longer_cjk_name(normal, form, end):
                    s, e = _back(given, normal, start, "NFKC"), _back(given, normal, end, "NFKC")
                    hits.append(NameHit(key, name, given[s:e], s, e, traditional, place_before=placed))
                start = normal.find(form, start + 1)
        return hits

    def _placed_by_its_own(self, key: str, form: str, text: str, start: int) -> bool:
        """Do the key's own places stand right before a Chinese name at `start` (`own_place_before`)?
        Only a whole institution's name, ending in its word (大学, 研究院, 中心, 集团), is so found: a short
        alias a place goes before is that place's nickname of another body (上海九院, Shanghai's
        Ninth People's Hospital, is not the tracker's 九院, the Chinese Academy of Engineering
        Physics, whose names place it in Shanghai too)."""
        assert self._own_place_before is not None
        return form.endswith(_in_both_scripts(_A_WHOLE_NAME_S_END)) and self._own_place_before(key, text, start)

    def _placed_by_another(self, key: str, form: str, text: str, start: int) -> str | None:
        """The places written right before a whole Chinese name at `start`, not its own, where the
        caller asks for them (`other_place_before`)."""
        if self._other_place_before is None or not form.endswith(_in_both_scripts(_A_WHOLE_NAME_S_END)):
            return None
        return self._other_place_before(key, text, start)

    def _find_words(
        self,
        text: str,
        spans: list[tuple[str, int, int]],
        *,
        folded: bool,
        joined: bool = False,
        other: Reading | None = None,
    ) -> list[NameHit]:
        """Match over words, mapping each word back to its span in the original text; `joined`:
        folded with the apostrophes inside them left out; `other`: abbreviations that stand for
        two words or more, each read as another (`name_words`)."""
        # Acronyms are matched as written, but a possessive is not part of one: "USTC's".
        # As written, but in compatibility form: a fullwidth "ＨＩＴ" is "HIT".
        words = [
            _folded_word(INNER_APOSTROPHE.sub("", w) if joined else w)
            if folded
            else _APOSTROPHE.sub(" ", unicodedata.normalize("NFKC", w))
            for w, _, _ in spans
        ]
        keep = [i for i, w in enumerate(words) if w]
        doc_words: list[str] = []
        index: list[int] = []
        for i in keep:
            # A lower-case compass letter is no Web of Science's: an apostrophe's "s" the text
            # lost ("People s"), read as itself only.
            reading = None if other is None or spans[i][0] in _LOWER_COMPASS_LETTERS else other
            for part in name_words(words[i], other=reading) if folded else words[i].split():
                doc_words.append(part)
                index.append(i)
        if not doc_words:
            return []
        from spacy.tokens import Doc

        doc = Doc(nlp().vocab, words=doc_words)
        matcher = self._folded if folded else self._acronyms
        hits = []
        for match_id, start, end in matcher(doc):
            first, last = spans[index[start]], spans[index[end - 1]]
            runs_on = (
                folded
                and end < len(doc_words)
                and doc_words[end] in self._FOLLOWERS_OF_A_LONGER_NAME
                and not text[last[2] : spans[index[end]][1]].strip(" ._\t\n")  # "Univ. of", "University_of"
                and not _names_its_own_country(doc_words, end)
            )
            if runs_on and (self._of_its_own is None or doc_words[end] != "of"):
                continue  # "Tianjin University of Technology"; but not "Tianjin University; for ..."
            joined_to = None
            if match_id in self._without_the and not _begins_a_part(text, first[1]):
                joined_to = _joined_before(text, first[1])
                if joined_to is None:
                    continue  # "The University of Hong Kong" is not in "The Chinese University of Hong Kong"
            if match_id in self._reordered and not _stands_alone(text, first[1], last[2]):
                continue  # "China Academy of Space Technology"; "Institute of ..., Fudan University"
            two_parts = folded and not _AFFILIATIONS_PART.isdisjoint(text[first[1] : last[2]])
            for key, name in self._labels[match_id]:
                if two_parts and _AFFILIATIONS_PART.isdisjoint(name):
                    continue  # "Southeast University, Nanjing; University of Science and Technology Beijing"
                if runs_on and not (self._of_its_own and self._of_its_own(key, doc_words[end + 1 :])):
                    continue
                crossed = None if not folded or _writes_a_part_end(name) else _part_end_inside(text, first[1], last[2])
                found = NameHit(
                    key,
                    name,
                    text[first[1] : last[2]],
                    first[1],
                    last[2],
                    crosses=crossed,
                    hyphen_left_out=match_id in self._hyphen_joined,
                    reordered=match_id in self._reordered,
                )
                hits.append(replace(found, joined_to=joined_to) if joined_to else found)
        return hits


def _in_order(hits: list[NameHit] | tuple[NameHit, ...]) -> tuple[NameHit, ...]:
    """Hits by where they start, the longest first: a list entry cites the first it keeps. A hit
    found only with an apostrophe left out, a hyphen joined or its words reordered (`_respelt`) is
    dropped where the name was found there with fewer of these (as written, or with one)."""
    respellings: dict[tuple[str, str, int, int], set[tuple[bool, bool, bool]]] = {}
    for h in hits:
        respellings.setdefault((h.key, h.name, h.start, h.end), set()).add(_respelt(h))
    kept = {
        h
        for h in hits
        if not any(
            other != _respelt(h) and all(o <= m for o, m in zip(other, _respelt(h), strict=True))
            for other in respellings[(h.key, h.name, h.start, h.end)]
        )
    }
    return tuple(sorted(kept, key=lambda h: (h.start, -h.end, h.key, h.name)))


def _respelt(hit: NameHit) -> tuple[bool, bool, bool]:
    """How the text or the name was read respelt to find a hit: an apostrophe left out, a hyphen
    joined, its words reordered. A hit found with fewer at its place says more certainly the same."""
    return hit.apostrophe_left_out, hit.hyphen_left_out, hit.reordered


def with_visible_forms(names: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """Each (key, name), and where the name holds a character that shows nothing ("示例\u200b
    研究所", "La\u00adboratory", pasted from a web page), the name without it: a text is read as
    written and through such characters, and a text written without them names the institution
    too (it matched neither way). `NameMatcher` and the query's needles read names alike."""
    for key, name in names:
        yield key, name
        if has_invisible(name) and (seen := INVISIBLE.sub("", name)).strip():
            yield key, seen


def visible(text: str) -> tuple[str, list[int]]:
    """`text` without its invisible characters, and where in `text` each character left stands."""
    kept = [i for i, c in enumerate(text) if not INVISIBLE.match(c)]
    return "".join(text[i] for i in kept), kept


def _seen_through(given: str, find: Callable[[str], tuple[NameHit, ...]]) -> tuple[NameHit, ...]:
    """The names `find` finds in `given` read without its invisible characters, with offsets
    into `given` (a name's text keeps any inside it)."""
    seen, kept = visible(given)
    return tuple(
        replace(h, matched=given[start:end], start=start, end=end)
        for h in find(seen)
        for start, end in [(kept[h.start], kept[h.end - 1] + 1)]
    )


def _folded_forms(name: str) -> tuple[list[list[str]], list[list[str]]]:
    """The word sequences a name (not an acronym) is found by, and those found only where they
    begin a part of the text (`_begins_a_part`).

    The first: its words, and with each word an inner apostrophe splits written as one ("Xi'an"
    as "xian": affiliations write "Xian Jiaotong University" as often). The second: those without
    a leading "the" where two words or more are left ("The Institute of Applied Physics and
    Computational Mathematics", which affiliations write without it), since within a part of the
    text the words before may make a longer name ("The Chinese University of Hong Kong" is not
    "The University of Hong Kong"). Each also without the "of" or "for" inside it, and a "the"
    after one (`_without_inner_of`).
    Each also with the letters Unicode gives no decomposition as their base letters
    (`in_base_letters`: "Politechnika Łódzka" as "politechnika lodzka"), and with the army's
    name written out where it begins with "PLA" (`_with_the_army_written_out`).
    Every word of these forms is, or holds, a word of the name as folded, or of it so, or of the
    army's name written out, so a needle of the name's (`_grouping._name_needles`, never "the";
    "liberation" where it would be "pla") is in any text a form is found in."""
    forms: list[list[str]] = []
    without_the: list[list[str]] = []
    folded = (fold(written) for written in (name, INNER_APOSTROPHE.sub("", name)))
    for each_folded in dict.fromkeys(f for once in folded for f in (once, in_base_letters(once))):
        words = name_words(each_folded)
        for form, group in (
            (words, forms),
            (words[1:] if words[:1] == ["the"] and len(words) > 2 else [], without_the),
        ):
            for each in (form, *(_without_inner_of(form) if form else ())):
                for written in (each, *_with_the_army_written_out(each)):
                    if written and written not in group:
                        group.append(written)
    return forms, without_the


def _with_the_army_written_out(words: list[str]) -> list[list[str]]:
    """A name beginning with "PLA" with the army's name written out in its place, as affiliations
    write it too ("People's Liberation Army University of Foreign Languages" for the tracker's
    "PLA Foreign Languages University", reordered as `_reordered_forms` reads it; Web of Science's
    "Peoples Liberat Army"): the same army, so the same name. None for any other name."""
    return [[*army, *words[1:]] for army in _THE_ARMY_WRITTEN_OUT] if words[:1] == ["pla"] and len(words) > 1 else []


# "People's Liberation Army" as `name_words(fold(...))` reads it, with its apostrophe and without.
_THE_ARMY_WRITTEN_OUT = (("people", "s", "liberation", "army"), ("peoples", "liberation", "army"))


# What ends one part of an affiliation and begins the next: "Dept. of Physics, Institute of ...", and
# the fullwidth forms Chinese input writes ("Department of Physics\uff0cUniversity of Hong Kong").
# A line break of any kind ends a part too.
_PART_ENDS = frozenset(",;:()[]/|\uff0c\uff1b\uff1a\uff08\uff09\u3001\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")


# A dash with a space either side parts an affiliation too ("Dept of Physics - University of Hong
# Kong"); one joined to the word before is part of a name ("Chinese-University of Hong Kong").
# An "&", an "and" and a full stop do not, certainly: "&" may stand for the "and" names hold
# ("Science & Technology University of ..."), and an abbreviation's full stop ends a word of a
# longer name ("Natl. Institute of ..."); a name after one is a doubt or nothing (`_joined_before`).
_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212")


# What parts one affiliation from the next in a string holding several ("Southeast University,
# Nanjing; University of Science and Technology Beijing"): no name is found across one. Not a line
# break: text hard-wrapped in a deposit or read off a PDF breaks a name where a space would stand
# ("Harbin Institute of\nTechnology"), so one is a part end like a comma (`_part_end_inside`).
_AFFILIATIONS_PART = frozenset(";|\uff1b")
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
# Words no affiliation's part ends with, and words none begins with: a line broken after or before
# one only wraps ("Harbin Institute of\nTechnology", "Harbin Institute\nof Technology").
_NO_PART_ENDS_WITH = frozenset({"of", "and", "for", "the", "&", "\uff06"})
_NO_PART_BEGINS_WITH = frozenset({"of", "for"})
# An opening bracket inside a name found opens its campus or place, as names write it ("Harbin
# Institute of Technology (Shenzhen)", listed as "... Technology Shenzhen"): no part ends there.
_OPENING_BRACKETS = frozenset("([\uff08")


def _part_end_inside(text: str, start: int, end: int) -> str | None:
    """The first character inside `text[start:end]` that ends a part of an affiliation (a comma,
    a semicolon, a closing bracket, a line break, a dash between spaces), an opening bracket and
    a line break that only wraps a line (`_only_wraps`) aside; None where there is none. The
    words of a name found across one may belong to two parts: "Xi'an, University of Electronic
    Science and Technology of China" holds a city and another university, not Xi'an University
    of Electronic Science and Technology."""
    for i in range(start, end):
        c = text[i]
        if c in LINE_BREAKS and _only_wraps(text, i):
            continue
        if c in _PART_ENDS and c not in _OPENING_BRACKETS:
            return c
        if c in _DASHES and text[i - 1].isspace() and i + 1 < end and text[i + 1].isspace():
            return c
    return None


def _only_wraps(text: str, at: int) -> bool:
    """Does the line break at `at` only wrap a line of one part, the word before it one no part
    ends with or the word after it one none begins with ("Harbin Institute of\nTechnology")?"""
    line = text[:at].rstrip()
    before = line[-1:] if line.endswith(("&", "\uff06")) else _WORD_BEFORE.search(line)
    after = _WORD.match(text[at:].lstrip())
    return bool(before and before[0].lower() in _NO_PART_ENDS_WITH) or bool(
        after and after[0].lower() in _NO_PART_BEGINS_WITH
    )


@functools.lru_cache(maxsize=10_000)
def _writes_a_part_end(name: str) -> bool:
    """Does a registered name itself write what ends a part ("The Institute of Applied Physics and
    Computational Mathematics, Beijing")? Then a text found across one may be written as it is."""
    return _part_end_inside(name, 0, len(name)) is not None


def _begins_a_part(text: str, start: int) -> bool:
    """Does the name at `start` begin the text, or a part of it (after a comma, a semicolon, a
    bracket, a line break, a dash between spaces), with no word of its own name before it?"""
    end = _space_before(text, start)
    dash = end - 1
    if end < start and end and text[dash] in _DASHES and (not dash or text[dash - 1].isspace()):
        return True
    return not end or text[end - 1] in _PART_ENDS


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Does a name found with its words reordered (`_reordered_forms`) stand as an institution of
    its own: a whole part of its affiliation ("China Academy of Space Technology" is a longer
    name; "Institute of International Relations Suzhou Campus" too), with no institution after
    it in the affiliation ("Institute of International Relations, Fudan University": a unit of
    the university, as departments are named so), nor one named before it, as Chinese addresses
    order them ("Fudan University, Institute of International Relations"). A unit before or
    after it ("College of English, PLA University of Foreign Languages", "PLA University of
    Foreign Languages, College of International Studies") is no other institution. The army's
    name may come first, as the PLA's own write theirs ("PLA Institute of International Relations,
    Nanjing"), and the country's or "The" before a name the army's begins ("Chinese PLA University
    of Foreign Languages", "The PLA University of ...", the tracker's "PLA Foreign Languages
    University")."""
    army = _THE_ARMY_BEFORE.search(text, max(0, start - 60), start)
    if army is None and _THE_ARMY.match(text, start):
        army = _THE_COUNTRY_BEFORE.search(text, max(0, start - 20), start)
    begin = army.start() if army else start
    if not (_begins_a_part(text, begin) and _ends_a_part(text, end)):
        return False
    after = _AFFILIATION_ENDS.split(text[end:], maxsplit=1)[0]
    before = _AFFILIATION_ENDS.split(text[:begin])[-1]
    return not any(map(_names_an_institution, [*_PART_END.split(before), *_PART_END.split(after)]))


_THE_ARMY_BEFORE = re.compile(
    r"\b(?:the\s+)?(?:chinese\s+)?(?:pla|people['\u2019]?s\s+liberation\s+army)[ \t\u00a0]+$", re.IGNORECASE
)
_THE_ARMY = re.compile(r"(?:pla|people['\u2019]?s\s+liberation\s+army)\b", re.IGNORECASE)
_THE_COUNTRY_BEFORE = re.compile(r"\b(?:the|(?:the\s+)?chinese)[ \t\u00a0]+$", re.IGNORECASE)


def _names_an_institution(part: str) -> bool:
    """Does a part of an affiliation name an institution, not a unit of one: a university, or a
    kind of institution after its first word ("Fudan University", "Shanghai Academy of Social
    Sciences"; not "College of English", "Institute of Physics", which name units too)?"""
    words = name_words(fold(part))
    return "university" in words or not _KINDS_OF_INSTITUTION.isdisjoint(words[1:])


_AFFILIATION_ENDS = re.compile(f"[{re.escape(''.join(_AFFILIATIONS_PART))}]")
_PART_END = re.compile(f"[{re.escape(''.join(sorted(_PART_ENDS)))}]")


def _ends_a_part(text: str, end: int) -> bool:
    """Does the name ending at `end` end the text, or a part of it (before a comma, a semicolon,
    a bracket, a line break, a dash between spaces), an abbreviation's full stop aside?"""
    rest = text[end:].lstrip(" .\t\u00a0")
    return (
        not rest
        or rest[0] in _PART_ENDS
        or (rest[0] in _DASHES and rest[1:2].isspace() and text[end : end + 1].isspace())
    )


_WORD_BEFORE = re.compile(r"[^\W_]+$")


def _joined_before(text: str, start: int) -> str | None:
    """The "&" or "and", or the full stop after a word written out, just before the name at
    `start`, with a space or none between: such a name may begin a part ("Laboratory of
    Computational Physics & Institute of Applied Physics ...", "... Physics and Institute of ...",
    "Dept. of Physics.Institute of ...") or go on from the words before it ("Science & Institute
    ...", "Chin. Univ. of Hong Kong"), so it is a doubt. A full stop after an abbreviation of a
    name's word ("Natl. Institute of ...") ends no part."""
    end = _space_before(text, start)
    if not end:
        return None
    mark = text[end - 1]
    if mark in "&\uff06":
        return mark
    if mark == ".":
        word = _WORD_BEFORE.search(text, 0, end - 1)
        return "." if word and fold(word.group(0)) not in _ABBREVIATIONS else None
    word = _WORD_BEFORE.search(text, 0, end)
    return word.group(0) if end < start and word and word.group(0).lower() == "and" else None


def _space_before(text: str, at: int) -> int:
    """Where the spaces before `at` begin: any space but a line break (no-break, thin, ideographic)."""
    while at and text[at - 1].isspace() and text[at - 1] not in _PART_ENDS:
        at -= 1
    return at


def _reordered_forms(forms: list[list[str]]) -> list[list[str]]:
    """A name's words in the order "Kind of Field" too, where it ends in a kind of institution and
    holds no "of" or "for": before the kind's word, any words of its first ones kept in front and
    two words or more after an "of" ("pla university of foreign languages", "institute of
    international relations" for the tracker's "PLA Foreign Languages University" and NUDT's
    "International Relations Institute"; china.org.cn writes the first so). One field's word
    alone moves no name ("Luoyang University" is not "University of Luoyang"); every word is the
    name's, or "of", so the name's needle is in any text a form is found in."""
    out: list[list[str]] = []
    if any(not _INNER_JOINS.isdisjoint(words) for words in forms):
        return out  # its forms without their "of" too (`_without_inner_of`): "Ministry of ... College"
    for words in forms:
        if len(words) < 3 or words[-1] not in _KINDS_OF_INSTITUTION:
            continue
        for kept in range(len(words) - 2):
            form = [*words[:kept], words[-1], "of", *words[kept:-1]]
            if form not in out:
                out.append(form)
    return out


# The words a name of an institution ends with that may come first, before an "of", as well.
_KINDS_OF_INSTITUTION = frozenset({"university", "institute", "college", "academy"})


def _without_inner_of(words: list[str]) -> list[list[str]]:
    """A name's words as Web of Science writes names: without the "of" or "for" inside it ("Harbin
    Inst Technol", "Univ Sci & Technol China", "Natl Key Lab Parallel & Distributed Proc") and a
    "the" after one ("Engn Univ CAPF", the Engineering University of the CAPF); and, where it
    holds such a "the", without that "the" alone, as authors write it ("Engineering University of
    CAPF"). None where it holds neither."""
    inner = range(1, len(words) - 1)
    the = {i for i in inner if words[i] == "the" and words[i - 1] in _INNER_JOINS}
    without_the = [w for i, w in enumerate(words) if i not in the]
    short = [w for i, w in enumerate(words) if i not in the and not (i in inner and w in _INNER_JOINS)]
    return [form for form in (without_the, short) if len(form) < len(words)]


_INNER_JOINS = frozenset({"of", "for"})


# What may follow a name's "of" and leave it the same institution: the country or the army it
# belongs to, as official English names end ("Renmin University of China", "Army Engineering
# University of PLA"). Any other "of" makes a longer name: "Tianjin University of Technology".
_OWN_COUNTRY_AFTER_OF = (
    ("china",),
    ("pla",),
    ("the", "pla"),
    ("the", "people", "s", "liberation", "army"),
    ("chinese", "people", "s", "liberation", "army"),
    ("the", "chinese", "people", "s", "liberation", "army"),
)


def _names_its_own_country(words: list[str], of: int) -> bool:
    """Do the words after the "of" at `of` name a country or army, and then end the name?"""
    for tail in _OWN_COUNTRY_AFTER_OF:
        end = of + 1 + len(tail)
        if tuple(words[of + 1 : end]) == tail and (end == len(words) or words[end] not in _NAME_GOES_ON):
            return True
    return False


# Words after "... of China" that make it a longer name still ("... of China Branch" is not one).
_NAME_GOES_ON = frozenset({"university", "institute", "academy", "college", "school", "branch", "campus"})


# An owner's acronym in brackets, as the tracker writes its supervising agencies
# ("Ministry of State Security (MSS)"), and the army an owner's name may begin with.
_AN_OWNER_S_ACRONYM = re.compile(r"\s*\([^()]*\)\s*$")
_AN_OWNER_S_ARMY = ("pla",)


def names_its_owner(words: list[str], owners: Iterable[str]) -> bool:
    """Do the folded `words` after a name's "of" name one of `owners` (the bodies a list says
    supervise the entry), perhaps after "the" and without its army ("of the Strategic Support
    Force" for "PLA Strategic Support Force"), and then end the name? "Institute of Cadre
    Management of the Ministry of State Security" is the tracker's Institute of Cadre Management
    (Jiangnan Social University, under the MSS) as "..., Ministry of State Security" is."""
    said = words[1:] if words[:1] == ["the"] else words
    for owner in owners:
        owned = name_words(fold(_AN_OWNER_S_ACRONYM.sub("", owner)))
        for form in (owned, owned[1:] if owned[:1] == list(_AN_OWNER_S_ARMY) else []):
            if form and said[: len(form)] == form and (len(said) == len(form) or said[len(form)] not in _NAME_GOES_ON):
                return True
    return False


# What may come before a Chinese name and leave it the same institution: its country or its army
# ("中国人民大学" is Renmin University of China, "解放军国防大学" the PLA's National Defense
# University), as "of China" and "of PLA" may follow an English one; or the PLA's Strategic
# Support Force, whose Information Engineering University affiliations wrote as
# 战略支援部队信息工程大学 (the tracker gives 中国人民解放军信息工程大学). The country may be
# written by its full name (中华人民共和国), as official addresses write it, as well as 中国.
_OWN_COUNTRY_BEFORE = (
    "中国人民解放军战略支援部队", "解放军战略支援部队", "战略支援部队", "中国人民解放军", "人民解放军", "解放军",
    "中华人民共和国", "中国",
)  # fmt: skip


def after_its_own_country(text: str, start: int) -> bool:
    """Does the name at `start` follow one of those, itself not part of a longer word?"""
    for prefix in _in_both_scripts(_OWN_COUNTRY_BEFORE):
        begin = start - len(prefix)
        if begin >= 0 and text.startswith(prefix, begin) and (begin == 0 or not _CJK.match(text[begin - 1])):
            return True
    return False


# Chinese "formerly" (原) right before a name, itself beginning a word: 原国防科学技术大学 gives the
# university's former name, or where the author was before (`_matchers._named_as_before` makes it
# a doubt); found, not hidden by the character before it as a longer word's would be.
_FORMERLY = "\u539f"


def _after_formerly(text: str, start: int) -> bool:
    """Does the name at `start` follow 原, itself not part of a longer word?"""
    return start >= 1 and text[start - 1] == _FORMERLY and (start == 1 or not _CJK.match(text[start - 2]))


# What may follow a Chinese name and leave it the same institution: a part of it (an affiliated
# hospital, `_AN_AFFILIATED_HOSPITAL`; a campus, a graduate school, a library, a laboratory).
# Anything else may make another institution's name, since Chinese writes no space between:
# 天津大学仁爱学院 (a college of its own), 北大荒 (a state farm group, not 北大), 中国电子学会 (a
# society, not 中国电子); and a name
# with a bracket of its own, 中国地质大学（北京）, is another university than 中国地质大学（武汉）.
# That an institution's school looks the same is why it is a doubt, not a no; a school named by a
# field of study (计算机学院) and a campus by its place (（深圳）) are read apart (`a_school_of_a_field`,
# `_matchers._chinese_run_on`).
_CJK_PARTS = ("校区", "分校", "研究生院", "图书馆", "国家重点实验室", "重点实验室", "实验室")
_CJK_AFTER = re.compile(
    SPACES
    + r"*([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[(\uff08\u3010][^()\uff08\uff09\u3010\u3011]{1,40}[)\uff09\u3011])"
)


def cjk_run_on(text: str, end: int) -> str | None:
    """What a Chinese name found in `text`, ending at `end`, runs straight on into: the Chinese
    characters after it, or a bracket holding Chinese ("（北京）"); None where nothing does or
    what follows is a part of the institution."""
    found = _CJK_AFTER.match(text, end)
    if not found:
        return None
    after = found.group(1)
    if after[0] in "(\uff08\u3010":
        return after if _CJK.search(after) else None
    if after.startswith(_in_both_scripts(_CJK_PARTS)) or _AN_AFFILIATED_HOSPITAL.match(after) or _a_group_of_it(after):
        return None
    return after


# A group of the institution's, named by its work, ending what follows the name: 微软亚洲研究院
# 自然语言计算组 (Microsoft Research Asia's Natural Language Computing Group, as Chinese pages
# name it), as a laboratory (实验室) is a part; not where an institution's or a firm's word comes
# before it (天津大学仁爱学院计算机组: the group of a college of its own).
_A_GROUP = ("组",)  # 组
_NO_GROUP_S_WORDS = ("大学", "学院", "研究院", "研究所", "学校", "公司", "集团")


def _a_group_of_it(run: str) -> bool:
    """Does the Chinese a name runs on into end as a group of it (`_A_GROUP`)?"""
    return run.endswith(_in_both_scripts(_A_GROUP)) and not any(w in run for w in _in_both_scripts(_NO_GROUP_S_WORDS))


# An affiliated hospital (附属医院), a part of the university: the tracker lists Army Medical
# University's under it ("First Affiliated Hospital/Southwest Hospital (第一附属医院/西南医院)").
# Numbered before 附属 (第一附属医院) as often as after it (附属第一医院), or named by its kind
# (附属口腔医院, a stomatological hospital) or its own name, up to eight characters
# (附属东方肝胆外科医院, Navy Medical University's third affiliated hospital, the Eastern
# Hepatobiliary Surgery Hospital; 附属妇幼保健院, a maternal and child health hospital). What else is
# "affiliated" (附属中学, 附属小学, 附属学校: a school for children, another body the university
# runs) is another institution whose name begins with the university's: a doubt, as any longer
# name is; so is a school's word before the hospital's.
_AN_ORDINAL = "\u7b2c[\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341\u767e\u96f6]+"
_A_CHILDREN_S_SCHOOL = "中学|小学|学校|幼儿园|中學|小學|學校|幼兒園"
_AN_AFFILIATED_HOSPITAL = re.compile(
    f"(?:{_AN_ORDINAL})?(?:\u9644\u5c5e|\u9644\u5c6c)(?:{_AN_ORDINAL})?"
    f"(?:(?!{_A_CHILDREN_S_SCHOOL})[\u4e00-\u9fff]){{0,8}}?(?:\u533b\u9662|\u91ab\u9662|\u4fdd\u5065\u9662)"
)


# The words a university's schools and departments are named by in Chinese, fields of study and
# the words joining them, as `_matchers._FIELDS` are in English (计算机学院, 材料科学与工程学院,
# 电子信息工程系), and the words for a school. A school so named is the university's own, written
# after its name as Chinese affiliations write it (北京航空航天大学计算机学院); an independent
# college is named by a place (珠海学院), a person (嘉庚学院), a word (仁爱学院, 城市学院) or by
# science and technology alone (科技学院, 理工学院, 科学技术学院, 应用技术学院; 文理学院, "arts and
# sciences"; 工程技术学院, "engineering and technical"), and stays a doubt.
_CJK_FIELDS = (
    "计算机", "软件", "网络", "空间", "安全", "信息", "电子", "通信", "电气", "电信", "自动化", "控制",
    "仪器", "光电", "光学", "微电子", "集成电路", "人工智能", "智能", "数据", "科学", "技术", "工程",
    "材料", "化学", "化工", "物理", "数学", "统计", "数理", "力学", "机械", "机电", "能源", "动力",
    "航空", "航天", "宇航", "交通", "运输", "土木", "建筑", "环境", "生物", "生命", "医学", "药学",
    "基础", "临床", "公共", "卫生", "护理", "口腔", "经济", "管理", "金融", "会计", "法学", "人文",
    "社会", "外国语", "语言", "文学", "新闻", "传播", "艺术", "设计", "体育", "教育", "继续",
    "国际", "马克思主义", "哲学", "历史", "地球", "地理", "测绘", "遥感", "海洋", "大气", "核",
    "系统", "可靠性", "微纳", "量子", "天文", "心理", "数字", "媒体", "车辆", "船舶", "兵器",
    "精密", "前沿", "交叉", "未来", "资源", "冶金", "石油", "水利", "电力", "农业", "林业",
    "食品", "纺织", "应用", "科技", "理", "工", "医", "法", "商", "药", "与", "和", "及",
    "关系", "政治",  # 国际关系学院, a school of many universities and the tracker's UIR by name
)  # fmt: skip
# A school's word, after the fields: 学院, 系, 学部, ... and 院, 部, 系 after a field ending in 学
# (医学院 reads 医学 and 院, 数学系 数学 and 系).
_CJK_SCHOOLS = ("学院", "学系", "学部", "系", "研究院", "研究所")
_CJK_NAMED_BY_SCIENCE_ALONE = ("科学", "技术", "科技", "理工", "文理", "应用", "工程技术", "与", "和", "及")


# The army a Chinese name may begin with (中国人民解放军国防科技大学), which affiliations as often
# leave out (国防科技大学计算机学院，长沙): the ASPI tracker gives most of its PLA names both ways,
# some only with it (国防科技大学, 军事科学院, 第三军医大学), as the Entity List gives NUDT's.
_ITS_ARMY = ("中国人民解放军", "人民解放军", "解放军")
_AN_INSTITUTION_S_WORD = ("大学", "学院", "研究院", "研究所", "学校")
# What a whole Chinese name ends in, a centre's, a laboratory's and a firm's too, and a PLA base's
# and unit's (the tracker's CARDC is 第29试验训练基地 and 63820部队, in Mianyang); not a nickname's
# (九院, 云师大), which a place before makes that place's nickname of another body.
_A_WHOLE_NAME_S_END = (*_AN_INSTITUTION_S_WORD, "中心", "实验室", "集团", "公司", "基地", "部队")


def holds_a_whole_name_s_end(run: str) -> bool:
    """Does `run` hold a word a whole Chinese name ends in (大学, 研究院, 中心, 公司), in either script?"""
    return any(w in run for w in _in_both_scripts(_A_WHOLE_NAME_S_END))


def without_its_army(name: str) -> str | None:
    """A Chinese name without the PLA it begins with, where what is left still names one
    institution: not a school any university has (外国语学院 is the PLA's Foreign Language Institute
    and every university's school of foreign languages), nor a university or college named by
    science and technology alone (理工大学); None otherwise."""
    for army in sorted(_in_both_scripts(_ITS_ARMY), key=len, reverse=True):
        if name.startswith(army):
            rest = name[len(army) :]
            if len(rest) >= 4 and _CJK.match(rest) and not a_school_of_a_field(rest):
                return None if _named_by_science_alone().fullmatch(rest) else rest
            return None
    return None


def in_its_army_s_other_forms(name: str) -> tuple[str, ...]:
    """A Chinese name beginning with the PLA, with the army's other forms in its place, in its
    script: 解放军外国语学院 and 人民解放军外国语学院 for the tracker's 中国人民解放军外国语学院
    (IEU's predecessor), the army still named, as sought where the name without it names no one
    institution (`without_its_army`: 外国语学院 is every university's school) and in traditional
    characters (解放軍國防科技大學), which no Taiwan body's name begins with. Empty for any other
    name."""
    simplified = sorted(_ITS_ARMY, key=len, reverse=True)
    traditional = sorted((f for f in _in_both_scripts(_ITS_ARMY) if f not in _ITS_ARMY), key=len, reverse=True)
    for forms in (simplified, traditional):
        army = next((a for a in forms if name.startswith(a)), None)
        if army is not None:
            rest = name[len(army) :]
            return tuple(other + rest for other in forms if other != army) if _CJK.match(rest) else ()
    return ()


@functools.cache
def _named_by_science_alone() -> re.Pattern[str]:
    science, word = _alternation(_CJK_NAMED_BY_SCIENCE_ALONE), _alternation(_AN_INSTITUTION_S_WORD)
    return re.compile(f"(?:{science})+(?:{word})")


def _alternation(words: tuple[str, ...]) -> str:
    """`words` in both scripts as a regular expression's alternatives, the longest first."""
    return "|".join(sorted(map(re.escape, _in_both_scripts(words)), key=len, reverse=True))


@functools.cache
def _cjk_school_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # Possessive: each word is taken once, the longest, and never tried again, so a long run of
    # Chinese costs one pass (the fields overlap: 工 and 工程, 理 and 理工).
    schools = _alternation(_CJK_SCHOOLS) + "|(?<=学)[院部系]|(?<=學)[院部系]"
    school = re.compile(rf"(?P<naming>(?:{_alternation(_CJK_FIELDS)})++)(?:{schools})")
    alone = re.compile(rf"(?:{_alternation(_CJK_NAMED_BY_SCIENCE_ALONE)})++")
    return school, alone


def a_school_of_a_field(run: str) -> bool:
    """Does the Chinese a name runs on into begin with a school named by a field of study
    (计算机学院, 计算机科学与技术学院, 医学院), the university's own, not by science and technology
    alone (科技学院), as an independent college is?"""
    school, alone = _cjk_school_patterns()
    found = school.match(run)
    return found is not None and alone.fullmatch(found.group("naming")) is None


def a_unit_of_a_field_in_chinese(name: str) -> bool:
    """Is a Chinese name a school's named by a field of study alone (国际关系学院, the tracker's
    University of International Relations and a school of Peking University's too), as "Institute
    of International Politics" is in English (`_matchers._UNIT_OF_A_FIELD`)?"""
    if not _is_cjk(name):
        # The patterns hold every field in both scripts, which loads OpenCC's tables (45 MB at
        # peak): a corpus with no Chinese name must not pay for them.
        return False
    school, alone = _cjk_school_patterns()
    found = school.fullmatch(unicodedata.normalize("NFKC", name))
    return found is not None and alone.fullmatch(found.group("naming")) is None


def _a_longer_cjk_name(text: str, name: str, end: int) -> bool:
    """大学校 is a college of a ministry in Japan (警察大学校, 防衛大学校), not a 大学."""
    return name.endswith(("大学", "大學")) and text.startswith("校", end)


# --- Chinese names in both scripts ----------------------------------------------------------
# Mainland China writes simplified characters; Taiwan, Hong Kong and Macao write traditional ones
# (哈爾濱工業大學), and a list may give either. OpenCC's tables (https://github.com/BYVoid/OpenCC)
# convert a name: to traditional characters as written generally, in Taiwan and in Hong Kong
# (臺灣, 台灣), and to simplified ones.
_TO_OTHER_SCRIPTS = (("s2t", True), ("s2tw", True), ("s2hk", True), ("t2s", False))


@functools.cache
def _converters() -> tuple[tuple[object, bool], ...]:
    import opencc  # loaded only where a Chinese name is registered

    return tuple((opencc.OpenCC(f"{table}.json"), traditional) for table, traditional in _TO_OTHER_SCRIPTS)


@functools.lru_cache(maxsize=10_000)
def chinese_forms(name: str) -> tuple[tuple[str, bool], ...]:
    """A Chinese name as registered, then each other form of it, and whether that form is in
    traditional characters where the name is not: the forms a matcher looks for."""
    forms = {name: False}
    for converter, traditional in _converters():
        form = converter.convert(name)  # type: ignore[attr-defined]
        forms.setdefault(form, traditional)
    return tuple(forms.items())


@functools.cache
def _in_both_scripts(words: tuple[str, ...]) -> tuple[str, ...]:
    """`words` and their forms in the other script."""
    return tuple(dict.fromkeys(form for w in words for form, _ in chinese_forms(w)))
