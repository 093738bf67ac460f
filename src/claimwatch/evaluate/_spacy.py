"""spaCy, loaded on first use (commands that match nothing start fast): the blank English
pipeline's tokenizer and vocabulary, and the lookup lemmatizer's table and the common words of the
English word probabilities from spacy-lookups-data, its common Spanish words and its Russian
words in Latin letters.
No model is downloaded, and no matching uses a similarity score: a topic phrase (`_phrases`)
or an institution name (`_names`) matches whole words exactly, after folding what does not
change meaning.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:  # spaCy is imported on first use
    import spacy


@cache
def nlp() -> spacy.language.Language:
    """spaCy's blank English pipeline: its tokenizer and vocabulary, built once per process."""
    import spacy

    return spacy.blank("en")


@cache
def lemma_table() -> dict[str, str]:
    """The lookup lemmatizer's table from spacy-lookups-data (word -> lemma), as plain strings.

    Read directly rather than through a `lemmatizer` pipe: matching needs the lemma of single
    words, and the prefilter needs the table's words, which spaCy's Table keeps only as hashes.
    """
    import spacy
    import spacy_lookups_data

    return cast(dict[str, str], spacy.util.load_language_data(spacy_lookups_data.en["lemma_lookup"]))


# Words at least this common in the corpus spacy-lookups-data's English probabilities were counted
# on (a log probability; -15 is about one word in 3.3 million), in any case: "global", "golden",
# "nordic", "Hansen" are; "avionics" (-15.06), "shipbuilding", "huawei", "megvii" are not.
_COMMON_FROM = -15.0


@cache
def common_words() -> frozenset[str]:
    """The words of spacy-lookups-data's English probability table (`lexeme_prob`) at least as
    common as `_COMMON_FROM`, folded as the words sought are (the table keeps case: "Hudson",
    "Ramirez"): about 41,000. The file gives one word a line, most common first, so
    it is read only until the first rarer word: 5 MB traced at the peak, where the whole table's
    million words take 250 MB (both about half a second on a loaded machine: one JSON line at a
    time is slow)."""
    import spacy_lookups_data

    return frozenset(word.casefold() for word in _words_as_common(spacy_lookups_data.en["lexeme_prob"]))


@cache
def common_spanish_words() -> frozenset[str]:
    """Spanish words as common as `common_words` in spacy-lookups-data's Spanish probabilities,
    written there in lower case, that are forms of its Spanish lookup lemmatizer too: the trade
    words of Latin American firms' names ("comercializadora", "importadora", "inmobiliaria",
    "inversiones"). Brands that Spanish texts name as often ("huawei", "maipu": written in lower
    case in URLs and tags) are no dictionary forms, and stay out. Both files are read a line at
    a time, keeping only these words: the whole lookup table loaded would take about 100 MB.
    Without their accents, as the lists write them ("ORGANIZACION", "COMPANIA")."""
    import spacy_lookups_data

    common = _common_spanish_as_written()
    words = (w for w in _table_words(spacy_lookups_data.es["lemma_lookup"]) if w in common)
    return frozenset(without_accents(w) for w in words)


def a_common_spanish_word(folded: str) -> bool:
    """Is `folded`, without its accents, a word of `common_spanish_words`? The lookup table, a
    million lines (a quarter of a second), is read only for a word common in Spanish texts at
    all (`_common_in_spanish_texts`): "rosneft", "megvii", "sinobright" are not, and a list of
    such names never reads it."""
    bare = without_accents(folded)
    return bare in _common_in_spanish_texts() and bare in common_spanish_words()


@cache
def _common_in_spanish_texts() -> frozenset[str]:
    """The words of `common_spanish_words` before the lookup table is read: those of the Spanish
    probabilities as common as `common_words`, in lower case, without their accents."""
    return frozenset(without_accents(w) for w in _common_spanish_as_written())


@cache
def _common_spanish_as_written() -> frozenset[str]:
    """The words of the Spanish probabilities as common as `common_words`, in lower case, with
    their accents: read once for `_common_in_spanish_texts` and `common_spanish_words` both."""
    import spacy_lookups_data

    return frozenset(_lower_case_words_as_common(spacy_lookups_data.es["lexeme_prob"]))


# Russian letters as the lists write them in Latin ones: the Wikipedia romanization
# (https://en.wikipedia.org/wiki/Romanization_of_Russian#Transliteration_table), the soft and hard
# signs left out, as the CSL writes "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU" and
# "SOVREMENNYE TEKHNOLOGII" (an LLC's name, "modern technologies"). In the bytes of Windows-1251,
# Cyrillic's one-byte code page, so the table's half a million words are translated at once, a
# sixth of the time str.translate takes.
_CYRILLIC = "cp1251"
_RUSSIAN_LETTER_IN_LATIN = bytes.maketrans("абвгдеёзийклмнопрстуфыэ".encode(_CYRILLIC), b"abvgdeeziyklmnoprstufye")
_RUSSIAN_LETTERS_IN_LATIN = {
    letter.encode(_CYRILLIC): latin
    for letter, latin in {
        "ж": b"zh",
        "х": b"kh",
        "ц": b"ts",
        "ч": b"ch",
        "ш": b"sh",
        "щ": b"shch",
        "ю": b"yu",
        "я": b"ya",
    }.items()
}
_SIGNS_LEFT_OUT = "ъь".encode(_CYRILLIC)
# Only such letters: no "w", "x", "q", "j", "c" or "h" alone ("huawei", "hikvision" never read it).
_LATIN_OF_RUSSIAN = re.compile(r"(?:[zkcs]h|[abdefgiklmnoprstuvyz])+")


def a_russian_word(folded: str) -> bool:
    """Is `folded` (in lower case) a Russian word in Latin letters (`russian_words_in_latin`):
    "sovremennye", "tekhnologii", "promyshlennye", "spetsialnye", "svyazi"; not a firm's own word
    ("rosneft", "gazprom", "megvii"), a place's ("moskva") or a surname ("ivanov"), unless the
    language writes it as a word too: "kalashnikov" (калашников, a kalach baker's), "kuznetsov",
    "obukhov" (of smiths, of axe butts) are words. The table, half a million lines, is read only
    for a word of the letters a transliteration writes."""
    if not _LATIN_OF_RUSSIAN.fullmatch(folded):
        return False
    words = russian_words_in_latin()
    return any(as_transliterated(written) in words for written in _as_written_otherwise(folded))


def _as_written_otherwise(folded: str) -> Iterator[str]:
    """`folded`, then as the lists also write a Russian word half in English or with a sign: a "ch"
    for х as English writes "technology" (the CSL's "LLC SOVREMENNYE TECHNOLOGII", технологии),
    and ъ after a prefix written "ie" ("OBIEDINENNAYA", объединенная): with "kh", with "e"."""
    yield folded
    yield _CH_OF_A_KH.sub("kh", folded)
    yield _HARD_SIGN_AS_IE.sub("e", folded)


_CH_OF_A_KH = re.compile(r"(?<!s)ch")  # never the "ch" of щ's "shch"
_HARD_SIGN_AS_IE = re.compile(r"(?<=[bdsvz])ie")  # об-, под-, с-, в-, раз- before е


@cache
def russian_words_in_latin() -> frozenset[str]:
    """The forms and lemmas of spacy-lookups-data's Russian lookup lemmatizer (about 560,000: the
    forms of 48,000 words), in Latin letters (`_in_latin`), folded as `as_transliterated`
    folds a word sought; not the forms the table writes with a capital, names of firms and places
    ("Газпром", "Ялта"): "gazprom", "yalta" are no Russian words here."""
    import spacy_lookups_data

    entries = _table_entries(spacy_lookups_data.ru["lemma_lookup"])
    words = {w for form, lemma in entries if form.islower() for w in (form, lemma)}
    # One word a line (the table's are of one line of JSON each, none holds a line break).
    return frozenset(as_transliterated(_in_latin("\n".join(words))).split("\n"))


def _in_latin(russian: str) -> str:
    """`russian` in Latin letters (`_RUSSIAN_LETTER_IN_LATIN`, `_RUSSIAN_LETTERS_IN_LATIN`). A letter
    Windows-1251 has not (the table's "скачáли", its stress marked) comes out "?": no word sought
    holds one."""
    text = russian.encode(_CYRILLIC, errors="replace")
    for letter, latin in _RUSSIAN_LETTERS_IN_LATIN.items():
        text = text.replace(letter, latin)
    return text.translate(_RUSSIAN_LETTER_IN_LATIN, _SIGNS_LEFT_OUT).decode(_CYRILLIC)


def as_transliterated(latin: str) -> str:
    """A Russian word in Latin letters as any of the schemes the lists follow writes it: an е
    first or after a vowel as "e" (BGN/PCGN's "ye": "NOVYYE" is "NOVYE", новые), and "y" as "i"
    ("OGRANICHENNOI" is "ogranichennoy", ограниченной; ICAO's "SVIAZI" "SVYAZI", связи)."""
    return _YE_OF_AN_E.sub("", latin).replace("y", "i")


# At each line's start as well as the text's: the table is folded a word a line, at once.
_YE_OF_AN_E = re.compile(r"(?:^|(?<=[aeiouy]))y(?=e)", re.MULTILINE)


def _lower_case_words_as_common(path_given: str) -> Iterator[str]:
    return (w for w in _words_as_common(path_given) if w.islower())


def without_accents(word: str) -> str:
    """`word` without its combining marks: "organizacion" of "organización", "compania" of "compañía"."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _words_as_common(path_given: str) -> Iterator[str]:
    """The words of a probability table at least as common as `_COMMON_FROM`, as written, read
    until the first rarer word (the table gives them most common first)."""
    path = Path(path_given)  # where spaCy's `load_language_data` reads it: the path given, gzipped
    with gzip.open(path.with_suffix(path.suffix + ".gz"), "rt", encoding="utf-8") as table:
        for line in table:
            # `"word": -9.87,` split at its last colon: a third of the time of a line read as JSON,
            # the word read as JSON only where it holds an escape ("m\u00e1s", "\"").
            quoted, colon, probability = line.strip().rstrip(",").rpartition(":")
            if not colon:
                continue  # "{", "}"
            if float(probability) < _COMMON_FROM:
                return
            yield json.loads(quoted) if "\\" in quoted else quoted[1:-1]


def _table_words(path_given: str) -> Iterator[str]:
    """A lookup table's words and lemmas (`_table_entries`), one after the other."""
    for word, lemma in _table_entries(path_given):
        yield word
        yield lemma


def _table_entries(path_given: str) -> Iterator[tuple[str, str]]:
    """A lookup table's (word, lemma) pairs (one `"word": "lemma",` a line), a line at a time:
    split at its quotes, four times as fast as a regular expression, a line holding an escape
    read as JSON."""
    path = Path(path_given)
    with gzip.open(path.with_suffix(path.suffix + ".gz"), "rt", encoding="utf-8") as table:
        for line in table:
            if "\\" in line and (entry := line.strip().rstrip(",")) not in ("{", "}", ""):
                yield next(iter(json.loads(f"{{{entry}}}").items()))
            elif len(parts := line.split('"')) == 5:
                yield parts[1], parts[3]
