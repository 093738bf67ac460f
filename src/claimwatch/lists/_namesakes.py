"""Names a list may give an entry that are, by a source, also another body's name: an author found
by such a name alone may be at that other body (`namesakes.csv`, one sourced row a name).

A row is curated, never guessed: the name, the other body, its country (ISO code) and places (its
city and province, which tell nothing apart), the years it bore the name and the page that says
so. The matcher makes a hit on such an alias a doubt naming the body (`evaluate._matchers`); `lists
show` says which of an entry's aliases are on the file.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Namesake:
    """Another body known to bear a name, and where that is read from."""

    name: str
    other_body: str
    country: str
    places: tuple[str, ...]
    years: str
    source: str

    def described(self) -> str:
        """'Luoyang University (洛阳大学), a civilian university ... (1985-2007; http://...)'."""
        return f"{self.other_body} ({self.years}; {self.source})"


@cache
def known_namesakes() -> dict[str, Namesake]:
    """The package's namesakes file, by each name casefolded with its spaces collapsed."""
    text = resources.files("claimwatch").joinpath("lists/namesakes.csv").read_text("utf-8")
    out: dict[str, Namesake] = {}
    for row in csv.DictReader(io.StringIO(text)):
        places = tuple(p.strip() for p in row["places"].split(";") if p.strip())
        n = Namesake(row["name"], row["other_body"], row["country"], places, row["years"], row["source"])
        out[namesake_key(n.name)] = n
    return out


def namesake_key(name: str) -> str:
    return " ".join(name.casefold().split())


def namesake_of(name: str) -> Namesake | None:
    """The other body the file says bears `name`, if any."""
    return known_namesakes().get(namesake_key(name))
