"""A curated version's authors paired with its OpenAlex record's by name (`_pairing`), never by
place or count (the twenty-fifth part's hunt)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimwatch.evaluate._pairing import Pairing, pair_authors


@pytest.mark.parametrize(
    ("record", "version", "expected"),
    [
        (["J. Smith", "Li Wei"], ["Wei Li", "John Smith"], Pairing((), ())),
        (["Smith, John"], ["John A. Smith"], Pairing((), ())),
        (["J.-P. Sartre"], ["Jean-Paul Sartre"], Pairing((), ())),
        (["José Núñez"], ["JOSE NUNEZ"], Pairing((), ())),
        (["J. Smith"], ["Jane Smithson"], Pairing(("J. Smith",), ("Jane Smithson",))),
        (["Li Wei"], ["Li Wen"], Pairing(("Li Wei",), ("Li Wen",))),
        (["J. S."], ["John Smith"], Pairing(("J. S.",), ("John Smith",))),  # initials alone pair with no one
        # "John Smith" is not taken by "J. Smith" first: the same words pair before initials do.
        (["J. Smith", "John Smith"], ["John Smith", "Jane Smith"], Pairing((), ())),
        (["A. Lab", "B. Partner", "D. Third"], ["A. Lab"], Pairing(("B. Partner", "D. Third"), ())),
        (["A. Lab"], ["A. Lab", "C. Other"], Pairing((), ("C. Other",))),
    ],
)
def test_authors_pair_by_name(record, version, expected):
    assert pair_authors(record, version) == expected


NAMES = st.lists(
    st.text(alphabet="abcdefghij .,-ÉéÑñ", min_size=1, max_size=12).filter(lambda n: any(c.isalpha() for c in n)),
    max_size=6,
)


@given(NAMES, st.randoms(use_true_random=False))
def test_a_version_listing_the_record_s_authors_in_any_order_leaves_none_unpaired(names, rnd):
    # Where every written-out name pairs with itself, another order changes nothing.
    shuffled = list(names)
    rnd.shuffle(shuffled)
    pairing = pair_authors(names, shuffled)
    assert len(pairing.only_in_record) == len(pairing.only_in_version)
    paired_alone = [n for n in names if not pair_authors([n], [n]).only_in_record]
    if len(paired_alone) == len(names):
        assert pairing == Pairing((), ())


def test_the_authors_of_a_work_with_thousands_pair_in_linear_time():
    """Found reviewing the twenty-fifth part: every name of the record was tried against every
    free name of the version, so a curated version of a 3,000-author paper naming none of the
    record's as written (another script, another spelling) took 23 s for each claim it disputed.
    Not a timing assertion on speed targets: a guard against the quadratic pairing."""
    import time

    record = [f"Given{i:04d} Family{i:04d}" for i in range(3000)]
    version = [f"Autre{i:04d} Nom{i:04d}" for i in range(3000)] + [f"G. Family{i:04d}" for i in range(3000)]
    started = time.perf_counter()
    pairing = pair_authors(record, version)
    assert time.perf_counter() - started < 2
    assert pairing.only_in_record == ()  # each through its initial and family name
    assert pairing.only_in_version == tuple(version[:3000])
