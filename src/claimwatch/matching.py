"""Matching text: topic phrases in titles and abstracts, institution names in affiliations.

Both use spaCy (`spacy.blank("en")`'s tokenizer and the lookup lemmatizer's table from
spacy-lookups-data; no model download) and neither uses a similarity score: a phrase or a
name matches whole words exactly, after folding what does not change meaning.

Topic phrases fold case, inflection (faces, deepfakes, qubits) and hyphenation
(re-identification, reidentification, re identification): each run of words is compared by
the concatenation of its words' keys. `surface` never matches `face` and `quantization` never
matches `quantum`, because a match must start and end on word boundaries.

Institution names fold case, punctuation, diacritics and hyphens and are matched as whole
phrases with spaCy's PhraseMatcher; a name followed by "of"/"for" is part of a longer name
(Tianjin University of Technology is not Tianjin University). Acronyms (USTC, HIT) match
case-sensitively; Chinese names match as exact substrings not preceded by another Chinese
character (桂林电子科技大学 is not 电子科技大学).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:  # spaCy is imported on first use: commands that match nothing start fast
    import spacy

# Characters that may join the words of one phrase: white space and hyphens.
_JOINERS = re.compile(r"^[\s\-\u2010\u2011\u00ad]*$")
_HYPHENS = re.compile(r"[\-\u2010\u2011\u00ad]")
_PLAIN_WORD = re.compile(r"[^\W_]+")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_APOSTROPHE = re.compile("['\u2019]")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")


@cache
def nlp() -> spacy.language.Language:
    """spaCy's blank English pipeline: its tokenizer and vocabulary, built once per process."""
    import spacy

    return spacy.blank("en")


@cache
def _lemma_table() -> dict[str, str]:
    """The lookup lemmatizer's table from spacy-lookups-data (word -> lemma), as plain strings.

    Read directly rather than through a `lemmatizer` pipe: matching needs the lemma of single
    words, and the prefilter needs the table's words, which spaCy's Table keeps only as hashes.
    """
    import spacy
    import spacy_lookups_data

    return cast(dict[str, str], spacy.util.load_language_data(spacy_lookups_data.en["lemma_lookup"]))


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """The form two words share when they differ only by case or inflection."""
    lower = word.lower()
    lemma = _lemma_table().get(lower)
    if lemma:
        return lemma
    # Words the table lacks (deepfakes, reenactments): a plain plural -s.
    if len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return lower[:-1]
    return lower


# --- topic phrases -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PhraseHit:
    phrase: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Word:
    lemma: str
    lower: str
    start: int
    end: int


_AS_HYPHEN = str.maketrans({"\u2010": "-", "\u2011": "-", "\u00ad": "-"})
_ODD_HYPHEN = re.compile("[\u2010\u2011\u00ad]")


def _ascii_hyphens(text: str) -> str:
    """Unicode and soft hyphens as '-', one character for one; translate() only where needed,
    since it is slow and this runs on every title and abstract a topic is looked for in."""
    return text.translate(_AS_HYPHEN) if _ODD_HYPHEN.search(text) else text


def _words(text: str) -> list[_Word]:
    """Word tokens of `text` (hyphens and other punctuation dropped) with character offsets.

    Unicode hyphens and soft hyphens become '-' first (one character for one, so offsets hold):
    spaCy's tokenizer splits words only at the ASCII hyphen.
    """
    out = []
    for t in nlp().tokenizer(_ascii_hyphens(text)):
        if t.is_punct or t.is_space or _HYPHENS.fullmatch(t.text):
            continue
        out.append(_Word(word_key(t.text), t.text.lower(), t.idx, t.idx + len(t.text)))
    return out


def _phrase_key(phrase: str) -> tuple[str, bool]:
    """The key a text's run of words must give to match, and whether its last word may inflect.

    Every word but the last is compared as written (case folded): "facing recognition" is not
    "face recognition". The last word is compared by its lemma where the phrase gives it in its
    base form ("face" matches "faces", "deepfake" matches "deepfakes"), and as written where it
    does not ("synthetic media" does not match "synthetic medium", which the table lemmatises to
    the same word).
    """
    words = _words(phrase)
    if not words:
        return "", True
    last = words[-1]
    inflects = last.lemma == last.lower
    return "".join(w.lower for w in words[:-1]) + (last.lemma if inflects else last.lower), inflects


class PhraseSet:
    """A set of phrases found in text as DESIGN.md defines it; hits carry character spans."""

    def __init__(self, phrases: Iterable[str]):
        self.phrases = tuple(dict.fromkeys(p for p in phrases if p.strip()))
        self._inflecting: dict[str, str] = {}  # phrases whose last word may inflect, by key
        self._as_written: dict[str, str] = {}  # phrases whose last word must stand as written
        for p in self.phrases:
            key, inflects = _phrase_key(p)
            if key:
                (self._inflecting if inflects else self._as_written).setdefault(key, p)
        self._longest = max((len(k) for k in (*self._inflecting, *self._as_written)), default=0)
        self._candidates = _candidate_words(self.phrases)
        # Pieces shorter than three letters a text may split a phrase's first word into (re-id).
        self._short_starts = frozenset(k[:n] for k in (*self._inflecting, *self._as_written) for n in (1, 2))

    def might_match(self, text: str) -> bool:
        """A cheap, conservative test: False only where no phrase can match `text`."""
        if not self.phrases:
            return False
        words = _PLAIN_WORD.findall(_ascii_hyphens(text).lower())
        if not self._candidates.isdisjoint(words):
            return True
        if self._short_starts.isdisjoint(words):
            return False
        # A phrase written as one word, split in the text after a short piece: re-identification.
        for i, word in enumerate(words):
            if word in self._short_starts:
                joined, j = word, i
                while len(joined) < 3 and j + 1 < len(words):
                    j += 1
                    joined += words[j]
                if joined in self._candidates:
                    return True
        return False

    def may_be_among(self, words: frozenset[str]) -> bool:
        """The same test on a text's plain words in no order (an OpenAlex abstract index's):
        a short word that could start a split phrase word lets the text through, since without
        the order it cannot be joined to the next."""
        return bool(self.phrases) and not (self._candidates.isdisjoint(words) and self._short_starts.isdisjoint(words))

    def find(self, text: str) -> list[PhraseHit]:
        """Every non-overlapping phrase occurrence, leftmost-longest first."""
        if not self.might_match(text):
            return []
        words = _words(text)
        hits: list[PhraseHit] = []
        i = 0
        while i < len(words):
            hit, last = self._longest_at(words, i, text)
            if hit:
                hits.append(PhraseHit(hit, words[i].start, words[last].end))
                i = last + 1
            else:
                i += 1
        return hits

    def _longest_at(self, words: list[_Word], i: int, text: str) -> tuple[str | None, int]:
        best: tuple[str | None, int] = (None, i)
        prefix = ""
        for j in range(i, len(words)):
            if j > i and not _JOINERS.match(text[words[j - 1].end : words[j].start]):
                break
            found = self._inflecting.get(prefix + words[j].lemma) or self._as_written.get(prefix + words[j].lower)
            if found:
                best = (found, j)
            prefix += words[j].lower
            if len(prefix) > self._longest:
                break
        return best


def plain_words(words: Iterable[str]) -> frozenset[str]:
    """The lower-case plain words of some words (an OpenAlex abstract index's keys), for may_be_among."""
    return frozenset(_PLAIN_WORD.findall(_ascii_hyphens(" ".join(words)).lower()))


def _candidate_words(phrases: Iterable[str]) -> frozenset[str]:
    """Words one of which a text must hold for any phrase to match it.

    A match's first word has a key that is a prefix of the phrase's key (the keys of its words
    run together), so any word whose key or spelling is such a prefix is a candidate; so are the
    spellings the lemma table or the plural rule map onto one. Prefixes shorter than the
    phrase's first word and than three letters are left out: they would let every "a" through,
    at the cost of a phrase written as one word not matching a text that splits off one or two
    of its first letters with a space ("reidentification" against "re identification").
    """
    prefixes: set[str] = set()
    for phrase in phrases:
        words = _words(phrase)
        if not words:
            continue
        shortest = min(3, len(words[0].lemma), len(words[0].lower))
        key, _ = _phrase_key(phrase)
        prefixes.update(key[:n] for n in range(shortest, len(key) + 1))
        # A first word with punctuation inside ("U.S.", "C++") is one token to spaCy but
        # several plain words to the prefilter: its first plain word is a candidate too.
        prefixes.update(_PLAIN_WORD.findall(words[0].lower)[:1])
    inflected = {surface for surface, lemma in _lemma_table().items() if lemma in prefixes}
    plurals = {p + "s" for p in prefixes}
    return frozenset(prefixes | inflected | plurals)


# --- institution names ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NameHit:
    key: str  # what the caller registered the name under
    name: str  # the name or alias as registered
    matched: str  # the text as it stands in the affiliation
    start: int
    end: int


def fold(text: str) -> str:
    """Case, diacritics, punctuation and hyphens folded; one space between words."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    spaced = re.sub(r"[^\w\s]|_", " ", stripped.lower())
    return " ".join(spaced.split())


def _is_cjk(name: str) -> bool:
    return bool(_CJK.search(name))


class NameMatcher:
    """Finds registered institution names in affiliation text, by whole phrases, never by similarity."""

    _FOLLOWERS_OF_A_LONGER_NAME = frozenset({"of", "for"})

    def __init__(self, names: Iterable[tuple[str, str]]):
        """`names` holds (key, name) pairs; a key is returned with every hit of its names."""
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        self._folded = PhraseMatcher(nlp().vocab, attr="ORTH")
        self._acronyms = PhraseMatcher(nlp().vocab, attr="ORTH")
        self._cjk: list[tuple[str, str]] = []
        self._labels: dict[int, list[tuple[str, str]]] = {}
        first_words: set[str] = set()
        for key, name in names:
            if _is_cjk(name):
                self._cjk.append((key, unicodedata.normalize("NFKC", name)))
                continue
            if _ACRONYM.match(name):
                pattern, matcher = name, self._acronyms
            else:
                pattern, matcher = fold(name), self._folded
            if not pattern:
                continue
            label = f"{len(self._labels)}"
            matcher.add(label, [Doc(nlp().vocab, words=pattern.split())])
            self._labels[nlp().vocab.strings[label]] = [(key, name)]
            first_words.add(pattern.split()[0].lower())
        self._first_words = frozenset(first_words)
        self._cache: dict[str, tuple[NameHit, ...]] = {}

    _CACHE_SIZE = 100_000

    def find(self, text: str) -> list[NameHit]:
        # Affiliation strings repeat across millions of authorships: each is matched once.
        hits = self._cache.get(text)
        if hits is None:
            if len(self._cache) >= self._CACHE_SIZE:
                self._cache.clear()
            hits = self._cache[text] = self._find(text)
        return list(hits)

    def _find(self, text: str) -> tuple[NameHit, ...]:
        # Composed characters: a decomposed "é" would split a word at its accent.
        text = unicodedata.normalize("NFC", text)
        hits: list[NameHit] = []
        hits += self._find_cjk(text)
        folded_words = fold(text).split()
        if self._first_words.isdisjoint(folded_words) and self._first_words.isdisjoint(
            w.lower() for w in re.findall(r"[A-Za-z0-9&]+", text)
        ):
            return tuple(hits)
        hits += self._find_words(text, folded=True)
        hits += self._find_words(text, folded=False)
        return tuple(sorted(set(hits), key=lambda h: (h.start, -h.end, h.key, h.name)))

    def _find_cjk(self, text: str) -> list[NameHit]:
        normal = unicodedata.normalize("NFKC", text)
        hits = []
        for key, name in self._cjk:
            start = normal.find(name)
            while start >= 0:
                if start == 0 or not _CJK.match(normal[start - 1]):
                    hits.append(NameHit(key, name, normal[start : start + len(name)], start, start + len(name)))
                start = normal.find(name, start + 1)
        return hits

    def _find_words(self, text: str, *, folded: bool) -> list[NameHit]:
        """Match over words, mapping each word back to its span in the original text."""
        spans = _word_spans(text)
        # Acronyms are matched as written, but a possessive is not part of one: "USTC's".
        words = [fold(w) if folded else _APOSTROPHE.sub(" ", w) for w, _, _ in spans]
        keep = [i for i, w in enumerate(words) if w]
        doc_words: list[str] = []
        index: list[int] = []
        for i in keep:
            for part in words[i].split():
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
            if (
                folded
                and end < len(doc_words)
                and doc_words[end] in self._FOLLOWERS_OF_A_LONGER_NAME
                and not text[last[2] : spans[index[end]][1]].strip()
            ):
                continue  # "Tianjin University of Technology"; but not "Tianjin University; for ..."
            for key, name in self._labels[match_id]:
                hits.append(NameHit(key, name, text[first[1] : last[2]], first[1], last[2]))
        return hits


def _word_spans(text: str) -> list[tuple[str, int, int]]:
    """Words (letters and digits, with inner apostrophes) and their offsets in `text`."""
    return [(m.group(0), m.start(), m.end()) for m in re.finditer(r"[^\W_]+(?:['’][^\W_]+)*", text)]
