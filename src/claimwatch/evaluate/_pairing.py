"""The authors of two readings of one work paired by name: a curated version and the OpenAlex
record it names (`openalex: W…`) may list them in another order, with some left out or added,
so that the n-th of one is not the n-th of the other.

Names pair where their words do, in any order ("Li Wei" and "Wei Li", "Smith, John" and "John
Smith"), with case, accents and punctuation folded; an initial pairs with a word it begins
("J. Smith" and "John Smith", "J.-P. Sartre" and "Jean-Paul Sartre"), and the shorter name's
words must each pair with one of the longer's, at least one written out in both: "J. S." pairs
with no one. Two names that cannot be told apart by these rules are one person to them: the
pairing is no proof of identity, only of which author of one reading is which of the other.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from typing import NamedTuple

from ._names import fold


class Pairing(NamedTuple):
    """Which authors of each reading pair with none of the other's, by their names as written."""

    only_in_record: tuple[str, ...]
    only_in_version: tuple[str, ...]


def pair_authors(record: Sequence[str], version: Sequence[str]) -> Pairing:
    """The record's authors paired with the version's, each at most once: names with the same
    words first (so that "John Smith" is not taken by "J. Smith" before "John Smith" is seen),
    then those that pair through initials, each in the record's order with the version's first
    free name that pairs. The version's names are looked up by their words, never each against
    each: a work may have thousands of authors (FACTS: 35,000 works have more than 100)."""
    words = [_words(n) for n in version]
    taken = [False] * len(version)
    same_words: dict[tuple[str, ...], deque[int]] = {}
    for j, w in enumerate(words):
        same_words.setdefault(tuple(sorted(w)), deque()).append(j)
    unpaired: list[int] = []
    for i, name in enumerate(record):
        same = same_words.get(tuple(sorted(_words(name))))
        if same:
            taken[same.popleft()] = True
        else:
            unpaired.append(i)
    # Through initials a name pairs only with one it shares a written-out word with (`_same_name`).
    by_word: dict[str, list[int]] = {}
    for j, w in enumerate(words):
        if not taken[j]:
            for word in {x for x in w if len(x) > 1}:
                by_word.setdefault(word, []).append(j)
    left: list[str] = []
    for i in unpaired:
        mine = _words(record[i])
        near = sorted({j for word in set(mine) if len(word) > 1 for j in by_word.get(word, ())})
        found = next((j for j in near if not taken[j] and _same_name(mine, words[j])), None)
        if found is None:
            left.append(record[i])
        else:
            taken[found] = True
    return Pairing(tuple(left), tuple(version[j] for j in range(len(version)) if not taken[j]))


def _words(name: str) -> list[str]:
    return fold(name).split()


def _same_name(a: list[str], b: list[str]) -> bool:
    """Whether each word of the shorter name pairs with its own word of the longer: the same
    word, or an initial of it; at least one written out in both."""
    short, long = sorted((a, b), key=len)
    if not short:
        return False
    rest = list(long)
    written_out = False
    for word in sorted(short, key=len, reverse=True):  # written-out words before initials
        match = next((w for w in rest if w == word), None) or next((w for w in rest if _initial_of(word, w)), None)
        if match is None:
            return False
        rest.remove(match)
        written_out |= len(word) > 1 and word == match
    return written_out


def _initial_of(a: str, b: str) -> bool:
    return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))
