"""Institution names in affiliation text.

Names fold case, punctuation, diacritics and hyphens and are matched as whole phrases with
spaCy's PhraseMatcher; a name followed by "of"/"for" is part of a longer name (Tianjin
University of Technology is not Tianjin University). Acronyms (USTC, HIT) match
case-sensitively; Chinese names match as exact substrings not preceded by another Chinese
character (桂林电子科技大学 is not 电子科技大学).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from ._spacy import nlp

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_APOSTROPHE = re.compile("['\u2019]")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")


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
