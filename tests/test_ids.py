"""OpenAlex ids as sources and analysts write them, folded to their short form."""

from __future__ import annotations

import pytest

from claimwatch import ids


@pytest.mark.parametrize(
    ("written", "short"),
    [
        ("https://openalex.org/I4210113369", "I4210113369"),
        ("i4210113369", "I4210113369"),
        ("http://openalex.org/W12", "W12"),
        ("https://api.openalex.org/authors/A5023888391", "A5023888391"),
        ("https://api.openalex.org/institutions/I4210113369", "I4210113369"),
        ("https://openalex.org/works/W12", "W12"),
        # The kind an address names must be its id's: an author is no work
        ("https://openalex.org/works/A1", None),
        ("https://api.openalex.org/authors/W1", None),
        ("https://openalex.org/people/A1", None),
        ("https://example.org/W12", None),
        ("W", None),
        ("", None),
    ],
)
def test_an_openalex_id_is_read_in_its_sources_spellings(written: str, short: str | None) -> None:
    assert ids.openalex_id(written) == short
