"""Names a list may give an entry that are, by a source, also another body's name: an author found
by such a name alone may be at that other body (`namesakes.csv`, one sourced row a name).

A row is curated, never guessed: the name, the other body, its country (ISO code) and places (its
city and province, which tell nothing apart), the years it bore the name and the page that says
so. The matcher makes a hit on such an alias a doubt naming the body (`evaluate._matchers`); `lists
show` says which of an entry's aliases are on the file. An optional column `applies` is "always"
(so where it is left out) or "in its places": a name the listed body is the commoner bearer of, the
other body told only by its own city or province written in the text (the MSS's University of
International Relations, Beijing, and the PLA's namesake in Nanjing); such a row holds for the
entry's own name too.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..errors import InputError, Problem


@dataclass(frozen=True)
class Namesake:
    """Another body known to bear a name, and where that is read from."""

    name: str
    other_body: str
    country: str
    places: tuple[str, ...]
    years: str
    source: str
    only_in_its_places: bool = False  # `applies` "in its places": a doubt only where one is named
    line: int = 0  # of the file, for a reader told of a row

    def described(self) -> str:
        """'Luoyang University (洛阳大学), a civilian university ... (1985-2007; http://...)'."""
        return f"{self.other_body} ({self.years}; {self.source})"


# The file's columns, each needed in every row.
_COLUMNS = ("name", "other_body", "country", "places", "years", "source")
# What the optional column `applies` may say, and whether the row then holds only in its places.
_APPLIES = {"always": False, "in its places": True}
_PATH = "lists/namesakes.csv"
NAMESAKES_FILE = f"claimwatch/{_PATH}"


@cache
def known_namesakes() -> tuple[Namesake, ...]:
    """The package's namesakes file, a row each (`read_namesakes`). The matcher reads the names as
    it reads every name (`evaluate.namesake_of`)."""
    return read_namesakes(resources.files("claimwatch").joinpath(_PATH).read_text("utf-8"))


def read_namesakes(text: str, path: str = NAMESAKES_FILE) -> tuple[Namesake, ...]:
    """Namesakes from the file's text. A header missing a column, or a row missing a value or
    holding one too many, is an `InputError` naming every such row by its line: the file is
    curated, so what broke is said, and no half of it is read."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in _COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise InputError(Problem(path, 1, 0, f"the header has no column {', '.join(missing)}"))
    out: list[Namesake] = []
    problems = []
    for row in reader:
        empty = [c for c in _COLUMNS if not (row.get(c) or "").strip()]
        if empty or None in row:
            why = f"no {', '.join(empty)}" if empty else "more values than the header has columns"
            problems.append(Problem(path, reader.line_num, 0, f"row {why}"))
            continue
        applies = (row.get("applies") or "always").strip()
        if applies not in _APPLIES:
            said = f"row applies {applies!r}, not {' or '.join(map(repr, _APPLIES))}"
            problems.append(Problem(path, reader.line_num, 0, said))
            continue
        places = tuple(p.strip() for p in row["places"].split(";") if p.strip())
        values = (row["name"], row["other_body"], row["country"], places, row["years"], row["source"])
        out.append(Namesake(*values, only_in_its_places=_APPLIES[applies], line=reader.line_num))
    if problems:
        raise InputError(problems)
    return tuple(out)
