"""A curated version's authors paired with its OpenAlex record's by name (`_pairing`), never by
place or count (the twenty-fifth part's hunt)."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from claimwatch.evaluate import _pairing
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
        (
            ["J. S."],
            ["John Smith"],
            Pairing(("J. S.",), ("John Smith",), ("J. S.",)),
        ),  # initials alone pair with no one
        # "John Smith" is not taken by "J. Smith" first: the same words pair before initials do.
        (["J. Smith", "John Smith"], ["John Smith", "Jane Smith"], Pairing((), ())),
        (["A. Lab", "B. Partner", "D. Third"], ["A. Lab"], Pairing(("B. Partner", "D. Third"), ())),
        (["A. Lab"], ["A. Lab", "C. Other"], Pairing((), ("C. Other",))),
        # Other spellings of one name (found hunting the twenty-sixth part): a hyphen joined, German
        # letters written out, capitals run together as initials, family name first.
        (["Xiao-Ming Wang"], ["Xiaoming Wang"], Pairing((), ())),
        (["Hans Müller", "Strauß"], ["STRAUSS", "Hans Mueller"], Pairing((), ())),
        (["Smith JP", "O'Brien P"], ["John Smith", "Patrick OBrien"], Pairing((), ())),
        (["Wang Xiaoming"], ["Xiaoming Wang"], Pairing((), ())),
        # A name left out that a version's name paired with another may be: never certainly left out.
        (["Bo Partner", "Bob Partner"], ["B. Partner"], Pairing(("Bob Partner",), (), ("Bob Partner",))),
        (["Wei Li", "Li Wei"], ["Li Wei"], Pairing(("Li Wei",), (), ("Li Wei",))),
        (["Li Na", "Li Wei"], ["Li"], Pairing(("Li Wei",), (), ("Li Wei",))),
        (["X. Wang", "Xiao-Ming Wang"], ["Xiaoming Wang"], Pairing(("X. Wang",), (), ("X. Wang",))),
        (["J. Smith", "J. S."], ["John Smith"], Pairing(("J. S.",), (), ("J. S.",))),
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


@given(NAMES, NAMES)
def test_a_record_name_the_version_also_gives_is_never_certainly_left_out(record, version):
    """Found hunting the twenty-sixth part: the version's "B. Partner" went to the record's first
    name it pairs with, "Bo Partner", and "Bob Partner", on whom the finding rested, was certainly
    left out: the version, placing "B. Partner" elsewhere, disputed nothing."""
    pairing = pair_authors(record, version)
    assert set(pairing.maybe_named) <= set(pairing.only_in_record)
    for name in pairing.only_in_record:
        if name in version and any(c.isalnum() for c in name):
            assert name in pairing.maybe_named


def test_the_authors_of_a_work_with_thousands_pair_in_linear_time(monkeypatch):
    """Found reviewing the twenty-fifth part: every name of the record was tried against every
    free name of the version, so a curated version of a 3,000-author paper naming none of the
    record's as written (another script, another spelling) took 23 s for each claim it disputed.
    Counted, not timed (speed lives in bench/): each record name is weighed against the few
    version names sharing its words, never against all 6,000."""
    weighed = []
    likeness = _pairing._likeness
    monkeypatch.setattr(_pairing, "_likeness", lambda a, b: weighed.append(b) or likeness(a, b))
    record = [f"Given{i:04d} Family{i:04d}" for i in range(3000)]
    version = [f"Autre{i:04d} Nom{i:04d}" for i in range(3000)] + [f"G. Family{i:04d}" for i in range(3000)]
    pairing = pair_authors(record, version)
    assert pairing.only_in_record == ()  # each through its initial and family name
    assert pairing.only_in_version == tuple(version[:3000])
    assert len(weighed) <= 2 * len(record)


def _pair_each_against_each(record, version):
    """The pairing `pair_authors` gives, written plainly: every record name weighed against every
    version name (`_likeness`), so that looking names up by their words provably changes nothing."""
    readings = [_pairing._readings(n) for n in version]
    taken = [False] * len(version)
    unpaired = []
    for i, name in enumerate(record):
        same = next(
            (
                j
                for words in _pairing._readings(name)
                for j in range(len(version))
                if not taken[j] and any(sorted(y) == sorted(words) for y in readings[j])
            ),
            None,
        )
        if same is None:
            unpaired.append(i)
        else:
            taken[same] = True
    initials = {word[0] for forms in readings for words in forms for word in words}
    left, maybe = [], []
    for i in unpaired:
        mine = _pairing._readings(record[i])
        spelled = {w for words in mine for w in words if len(w) > 1}
        near = [j for j in range(len(version)) if spelled & {w for y in readings[j] for w in y}]
        likeness = {j: _pairing._likeness(mine, readings[j]) for j in near}
        found = next((j for j in near if not taken[j] and likeness[j] == _pairing._PAIRS), None)
        if found is not None:
            taken[found] = True
            continue
        left.append(record[i])
        initials_alone = bool(mine) and all(len(w) == 1 for words in mine for w in words)
        if any(like != _pairing._NOT_ALIKE for like in likeness.values()) or (
            initials_alone and all(w in initials for words in mine for w in words)
        ):
            maybe.append(record[i])
    return Pairing(tuple(left), tuple(n for j, n in enumerate(version) if not taken[j]), tuple(maybe))


# Words real author lists mix: hyphenated, apostrophes, German letters and their spellings out,
# initials with and without stops, capitals run together, bare letters; family name first or last.
_WORDS = st.sampled_from(
    ["Xiao-Ming", "Xiaoming", "Xiao", "Ming", "X.", "XM", "Wang", "W.", "Müller", "Mueller", "Strauß",
     "Strauss", "O'Brien", "OBrien", "J.", "J.-P.", "JP", "John", "Jo", "Jon", "Smith", "S.", "Li",
     "Wei", "Bo", "Bob", "B.", "Partner", "A", "Jürgen", "Juergen"]
)  # fmt: skip
_AUTHOR = st.one_of(
    st.lists(_WORDS, min_size=1, max_size=3).map(" ".join),
    st.tuples(_WORDS, st.lists(_WORDS, min_size=1, max_size=2).map(" ".join)).map(", ".join),
)
_AUTHORS = st.lists(_AUTHOR, max_size=8)


@given(_AUTHORS, _AUTHORS)
@settings(max_examples=400)
# A name found only through an initial of its rarest word ("J." for "John"), either side shorter.
@example(["John Smith"], ["J. Smith Bob"])
@example(["J. Smith Bob"], ["John Smith"])
# A reading of initials alone ("A-B C-D" is also "A B C D") alike only a name sharing none of its
# rarest words, either side shorter.
@example(["AB Cx Dx Ex"], ["A-B C-D", "AB Yy"])
@example(["A-B C-D"], ["AB Cx Dx Zq", "AB Yy", "Cx Dx"])
def test_names_looked_up_by_their_words_pair_as_each_against_each_would(record, version):
    """Found reviewing the twenty-sixth part: looking up the names a record name may be alike, taken
    ones too, scanned every version name sharing a word with it (4.1 s for 3,000 "Xiao-Ming
    Wang…"); the index finding them instead must find every name weighing each would."""
    assert pair_authors(record, version) == _pair_each_against_each(record, version)


def test_names_sharing_words_are_not_each_weighed_against_each(monkeypatch):
    """Found reviewing the twenty-sixth part: a record of 300 hyphenated names sharing all but one
    word, 100 of them not in the version, weighed each against the 200 taken (20,000 `_likeness`);
    none of them shares its distinguishing word with another, so none is weighed."""
    weighed = []
    likeness = _pairing._likeness
    monkeypatch.setattr(_pairing, "_likeness", lambda a, b: weighed.append(b) or likeness(a, b))
    record = [f"Xiao-Ming Wang{i}" for i in range(300)]
    version = [n for i, n in enumerate(record) if i % 3]
    pairing = pair_authors(record, version)
    assert pairing == Pairing(tuple(record[::3]), ())
    assert weighed == []
