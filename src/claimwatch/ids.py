"""Identifiers as the sources write them, folded to one short form for comparison."""

from __future__ import annotations

import functools
import re
import unicodedata

_OPENALEX = re.compile(r"^(?:https?://(?:api\.)?openalex\.org/(?:([a-z]+)/)?)?([WAISTPFCwaistpfc]\d+)$")
# An address's kind of entity, where it names one (https://api.openalex.org/authors/A1), must be
# its id's: /works/A1 names nothing.
_KIND_LETTER = {
    "works": "W",
    "authors": "A",
    "institutions": "I",
    "sources": "S",
    "topics": "T",
    "publishers": "P",
    "funders": "F",
    "concepts": "C",
}
# OpenAlex numbers its entities with about ten digits. A work id of far more (thousands, in a
# hostile file) would break what sorts ids by their numbers (int() refuses over 4,300 digits)
# and flood messages: records with longer ids are refused where they are read.
MAX_OPENALEX_DIGITS = 20
# As ror.org's pages give it to copy: with or without the scheme or "www.", a trailing slash.
_ROR = re.compile(r"^(?:(?:https?://)?(?:www\.)?ror\.org/)?(0[a-z0-9]{6}[0-9]{2})/?$")
_DOI = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)?(10\.\d{4,9}/\S+)$", re.IGNORECASE)


def openalex_id(value: str | None) -> str | None:
    """'https://openalex.org/I4210113369' or 'i4210113369' -> 'I4210113369'; None if not an id."""
    if not value or not isinstance(value, str):
        return None
    if value.startswith(_INSTITUTION_PREFIX):
        return _cached_openalex_id(value)
    return _parse_openalex_id(value)  # works and authors: each seen about once, not worth caching


_OPENALEX_PREFIX = "https://openalex.org/"
_INSTITUTION_PREFIX = _OPENALEX_PREFIX + "I"
_ENTITY_LETTERS = frozenset("WAISTPFC")


def _parse_openalex_id(value: str) -> str | None:
    if value.startswith(_OPENALEX_PREFIX):  # the usual spelling, read without a regex
        short = value[21:]
        if short[:1] in _ENTITY_LETTERS and short[1:].isdigit() and short.isascii():
            return short
    m = _OPENALEX.match(value.strip())
    if not m:
        return None
    kind, short = m.group(1), m.group(2).upper()
    return short if kind is None or _KIND_LETTER.get(kind) == short[0] else None


# Institution ids repeat across every record: the same few thousand, parsed once each.
_cached_openalex_id = functools.lru_cache(maxsize=1 << 16)(_parse_openalex_id)


def ror_id(value: str | None) -> str | None:
    """'https://ror.org/00d0nc645', 'ror.org/00d0nc645/' or '00D0NC645' -> '00d0nc645'."""
    if not value or not isinstance(value, str):
        return None
    m = _ROR.match(value.strip().lower())
    return m.group(1) if m else None


# ROR's ids: "0", six characters of Crockford's base 32 (no i, l, o or u), then two digits that
# check the six (ISO 7064 Mod 97-10). A typo in a claim or list file would match no record.
_CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"
ROR_CHECKSUM_WRONG = "its last two digits, a checksum, do not match the rest (a typo?)"
# The forms `ror_id` reads, as the schemas' refusal and `resolve --ror`'s name them.
ROR_FORMS = "0300m5276, ror.org/0300m5276 or https://ror.org/0300m5276 (www. and a trailing / may be added)"


def ror_problem(short: str) -> str:
    """Why a ROR id in its short form is none: a letter Crockford's base 32 leaves out (an o
    typed for a zero), else its checksum."""
    left_out = sorted({c for c in short[1:7] if c in "ilou"})
    if left_out:
        return f"ROR ids never hold i, l, o or u (Crockford's base 32), and it holds {', '.join(left_out)}"
    return ROR_CHECKSUM_WRONG


def ror_checksum_ok(short: str) -> bool:
    """Whether a ROR id in its short form ('00d0nc645') carries the checksum of its six
    characters; False for one with a letter Crockford's base 32 leaves out."""
    number = 0
    for c in short[1:7]:
        digit = _CROCKFORD.find(c)
        if digit < 0:
            return False
        number = number * 32 + digit
    return short[7:].isdigit() and 98 - (number * 100) % 97 == int(short[7:])


def doi(value: str | None) -> str | None:
    """A DOI in its bare, lower-case form ('10.1109/tmm.2024.3405649'); DOIs are case-insensitive.
    Composed (NFC), as records give it: one DOI with an accented letter decomposed (e + U+0301,
    as text copied from a PDF may hold it) is the same DOI, so it names the same work."""
    if not value or not isinstance(value, str):
        return None
    m = _DOI.match(unicodedata.normalize("NFC", value.strip()))
    # Lower-casing may leave a letter decomposed ("İ" gives "i" and a combining dot): composed again.
    return unicodedata.normalize("NFC", m.group(1).lower()) if m else None


# The DOI arXiv gives a preprint (10.48550/arXiv.2404.10667), in `doi`'s bare lower-case form:
# the group is the arXiv id.
ARXIV_DOI = re.compile(r"^10\.48550/arxiv\.(.+)$")


def checked(short: str | None, value: object) -> str:
    """An id the schema has already checked: None here is a bug, not the user's mistake."""
    if short is None:
        raise ValueError(f"not an identifier, though the schema passed it: {value!r}")
    return short


def doi_url(bare: str | None) -> str | None:
    return f"https://doi.org/{bare}" if bare else None


def openalex_url(short: str | None) -> str | None:
    return f"https://openalex.org/{short}" if short else None


def slug(text: str) -> str:
    """A stable lower-case id from a name: 'Beihang University' -> 'beihang-university'."""
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:120] or "entry"
