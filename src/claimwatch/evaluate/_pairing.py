"""The authors of two readings of one work paired by name: a curated version and the OpenAlex
record it names (`openalex: W…`) may list them in another order, with some left out or added,
so that the n-th of one is not the n-th of the other.

Names pair where their words do, in any order ("Li Wei" and "Wei Li", "Smith, John" and "John
Smith"), with case, accents and punctuation folded; an initial pairs with a word it begins
("J. Smith" and "John Smith", "J.-P. Sartre" and "Jean-Paul Sartre"), and the shorter name's
words must each pair with one of the longer's, at least one written out in both: "J. S." pairs
with no one. A name is read as written and as its other spellings (`_readings`): a hyphen or
apostrophe inside a word joining it ("Xiao-Ming" is "Xiaoming", "O'Brien" "OBrien"), German
letters written out ("Müller" is "Mueller", "Strauß" "Strauss"), and capitals run together
beside a written-out word read as initials ("Smith JP" is "Smith J. P."). Two names that cannot
be told apart by these rules are one person to them: the pairing is no proof of identity, only
of which author of one reading is which of the other.

So a name left unpaired may still be someone the other reading names: where "B. Partner" is
paired with the record's "Bo Partner", the record's "Bob Partner" is left out, though the
version's "B. Partner" may be either. Such a name is `maybe_named`, never certainly left out.
"""

from __future__ import annotations

import functools
import re
from collections import deque
from collections.abc import Sequence
from typing import NamedTuple

from ..works import INNER_APOSTROPHE, INNER_HYPHEN
from ._names import fold


class Pairing(NamedTuple):
    """Which authors of each reading pair with none of the other's, by their names as written;
    and of the record's left unpaired, those a name of the version may still be (`_likeness`: one
    paired with another, or one of initials alone): the version may speak of them."""

    only_in_record: tuple[str, ...]
    only_in_version: tuple[str, ...]
    maybe_named: tuple[str, ...] = ()


def pair_authors(record: Sequence[str], version: Sequence[str]) -> Pairing:
    """The record's authors paired with the version's, each at most once: names with the same
    words first (so that "John Smith" is not taken by "J. Smith" before "John Smith" is seen),
    then those that pair through initials, each in the record's order with the version's first
    free name that pairs. The version's names are looked up by their words, never each against
    each: a work may have thousands of authors (FACTS: 35,000 works have more than 100)."""
    readings = [_readings(n) for n in version]
    taken = [False] * len(version)
    same_words: dict[tuple[str, ...], deque[int]] = {}
    for j, forms in enumerate(readings):
        for words in forms:
            same_words.setdefault(tuple(sorted(words)), deque()).append(j)
    unpaired: list[int] = []
    for i, name in enumerate(record):
        same = next((k for words in _readings(name) if (k := _first_free(same_words, words, taken)) is not None), None)
        if same is None:
            unpaired.append(i)
        else:
            taken[same] = True
    # Through initials a name pairs only with one it shares a written-out word with (`_same_name`).
    alike = _AlikeIndex(readings)
    initials = {word[0] for forms in readings for words in forms for word in words}
    left: list[str] = []
    maybe: list[str] = []
    for i in unpaired:
        mine = _readings(record[i])
        near = alike.near(mine)
        found, may_be = None, False
        for j in near:
            likeness = _likeness(mine, readings[j]) if not taken[j] or not may_be else _NOT_ALIKE
            if likeness == _PAIRS and not taken[j]:
                found = j
                break
            may_be |= likeness != _NOT_ALIKE
        if found is not None:
            taken[found] = True
            continue
        left.append(record[i])
        # One it pairs with is taken by another (taken names stay taken); or it is initials alone,
        # which pair with no one but may be anyone whose words they begin ("J. S.", "John Smith").
        if may_be or (_initials_alone(mine) and all(w in initials for words in mine for w in words)):
            maybe.append(record[i])
    only_in_version = tuple(version[j] for j in range(len(version)) if not taken[j])
    return Pairing(tuple(left), only_in_version, tuple(maybe))


class _AlikeIndex:
    """The version's names a record name may be alike (`_likeness`), looked up by their words
    rather than scanned: taken names too, for one a name pairs with may be taken by another. Two
    readings are alike only where each word of the shorter pairs with its own word of the longer,
    the same word or an initial of it (`_same_name`), so that the shorter is found by its words:

    - a record reading no longer than the version's: its rarest written-out word is in the
      version's name, or its initial is (`holding`); a reading of initials alone, each initial
      begins a word of the version's name (`beginning`);
    - a version reading no longer than the record's: its one key word (the rarest written-out,
      else an initial) is the record's, or begins with one of the record's initials (`keyed_…`).

    Every name alike is found (with others, `_likeness` then weighs each), never each against each:
    a work may have thousands of authors sharing a word ("Xiao-Ming Wang…")."""

    def __init__(self, readings: Sequence[tuple[list[str], ...]]) -> None:
        self.holding: dict[str, set[int]] = {}
        self.beginning: dict[str, set[int]] = {}
        self.written = [{word for words in forms for word in words if len(word) > 1} for forms in readings]
        for j, forms in enumerate(readings):
            for word in {word for words in forms for word in words}:
                self.holding.setdefault(word, set()).add(j)
                self.beginning.setdefault(word[0], set()).add(j)
        self.keyed_word: dict[str, set[int]] = {}  # by a written-out key: the record holds it
        self.keyed_letter: dict[str, set[int]] = {}  # or an initial of it
        self.keyed_initial: dict[str, set[int]] = {}  # by an initial key: a record word begins with it
        for j, forms in enumerate(readings):
            for words in forms:
                spelled = [word for word in words if len(word) > 1]
                if spelled:
                    key = min(spelled, key=lambda word: (len(self.holding[word]), word))
                    self.keyed_word.setdefault(key, set()).add(j)
                    self.keyed_letter.setdefault(key[0], set()).add(j)
                else:
                    self.keyed_initial.setdefault(min(words), set()).add(j)

    def near(self, mine: tuple[list[str], ...]) -> list[int]:
        """The version's names, in their order, sharing a written-out word with this record name
        and perhaps alike it: every one `_likeness` finds alike, and some it does not."""
        spelled = {word for words in mine for word in words if len(word) > 1}
        found: set[int] = set()
        for words in mine:
            found |= self._holding_shorter(words)
            for word in words:
                found |= self.keyed_word.get(word, set()) | self.keyed_initial.get(word[0], set())
                if len(word) == 1:
                    found |= self.keyed_letter.get(word, set())
        return sorted(j for j in found if not spelled.isdisjoint(self.written[j]))

    def _holding_shorter(self, words: list[str]) -> set[int]:
        """The version's names holding each word of this reading, were it the shorter: its
        rarest written-out word or that word's initial; for initials alone, a word each begins."""
        spelled = [word for word in words if len(word) > 1]
        if not spelled:
            return set.intersection(*(self.beginning.get(word, set()) for word in words))
        rarest = min(spelled, key=lambda word: len(self.holding.get(word, ())) + len(self.holding.get(word[0], ())))
        return self.holding.get(rarest, set()) | self.holding.get(rarest[0], set())


def _initials_alone(readings: tuple[list[str], ...]) -> bool:
    return bool(readings) and all(len(word) == 1 for words in readings for word in words)


def _first_free(same_words: dict[tuple[str, ...], deque[int]], words: list[str], taken: list[bool]) -> int | None:
    """The first version name not yet taken with these words, in any order."""
    waiting = same_words.get(tuple(sorted(words)))
    while waiting and taken[waiting[0]]:
        waiting.popleft()  # taken under another of its readings
    return waiting.popleft() if waiting else None


# Capitals run together beside a written-out word ("Smith JP", "JP Smith"): initials, as PubMed
# and Web of Science write them.
_RUN_TOGETHER_INITIALS = re.compile(r"\b[A-Z]{2,3}\b")
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"})


@functools.lru_cache(maxsize=100_000)
def _readings(name: str) -> tuple[list[str], ...]:
    """The name's folded words as written, then as each other spelling of it reads them (the
    module's docstring); each once."""
    spellings = [name]
    if INNER_HYPHEN.search(name) or INNER_APOSTROPHE.search(name):
        spellings += [INNER_APOSTROPHE.sub("", INNER_HYPHEN.sub("", s)) for s in spellings]
    if any(c in name for c in "äöüÄÖÜßẞ"):
        spellings += [s.translate(_GERMAN) for s in spellings]
    if any(c.islower() for c in name) and _RUN_TOGETHER_INITIALS.search(name):
        spellings += [_RUN_TOGETHER_INITIALS.sub(lambda m: " ".join(m.group(0)), s) for s in spellings]
    forms = dict.fromkeys(" ".join(fold(s).split()) for s in spellings)
    return tuple(f.split() for f in forms if f)


_NOT_ALIKE, _MAY_BE, _PAIRS = 0, 1, 2


def _likeness(a: tuple[list[str], ...], b: tuple[list[str], ...]) -> int:
    """How alike two names are, the likest of their readings: they pair (`_same_name`), one may
    be the other though neither writes out a word ("J. S." and "John Smith"), or neither."""
    return max((_same_name(x, y) for x in a for y in b), default=_NOT_ALIKE)


def _same_name(a: list[str], b: list[str]) -> int:
    """Whether each word of the shorter name pairs with its own word of the longer, the same
    word or an initial of it: `_PAIRS` where at least one is written out in both, `_MAY_BE` where
    none is, else `_NOT_ALIKE`."""
    short, long = sorted((a, b), key=len)
    if not short:
        return _NOT_ALIKE
    rest = list(long)
    written_out = False
    for word in sorted(short, key=len, reverse=True):  # written-out words before initials
        match = next((w for w in rest if w == word), None) or next((w for w in rest if _initial_of(word, w)), None)
        if match is None:
            return _NOT_ALIKE
        rest.remove(match)
        written_out |= len(word) > 1 and word == match
    return _PAIRS if written_out else _MAY_BE


def _initial_of(a: str, b: str) -> bool:
    return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))
