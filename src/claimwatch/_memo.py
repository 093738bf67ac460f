"""Answers worked out once and kept, within a bound.

The check and the import work the same things out again and again (an affiliation string read
against a list, an author's set of affiliations flattened): each such answer is kept in a `Memo`.
A memo holds at most `size` answers and forgets them all at once when full, so a corpus of many
distinct keys (a watchdog's whole snapshot) cannot grow it past the memory a run counts on.
Emptied rather than evicting one at a time: the hot paths read far more than they add, and a
dict's own `get` stays their read.
"""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V]):
    """A dict of answers by key; read with `get`, added to with `keep` alone (which keeps the bound)."""

    __slots__ = ("size",)

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def keep(self, key: K, answer: V) -> V:
        """`answer` kept under `key`, every earlier answer forgotten first where `size` are held."""
        if len(self) >= self.size:
            self.clear()
        self[key] = answer
        return answer
