"""The import's speed-ups (issue 18, twenty-seventh part) give exactly the rows the uncached path
gives: an authorship's affiliations flattened once for each set of them (`_stated`, known by the
identity of works.py's shared institutions), search forms and keywords' words cached, a text's
short words looked for only where it has some, and a part's rows written one at a time. The
references are the code's own uncached path, not a copy of it, which would have to follow every
change of what a row holds."""

from __future__ import annotations

import unicodedata
from typing import Any

import orjson
from hypothesis import example, given, settings
from hypothesis import strategies as st

from claimwatch.columnar import _table
from claimwatch.columnar._table import flatten, text_words
from claimwatch.works import Authorship, Institution, Origin, work_from_openalex

# --- the references: the uncached path, and the short words' joining as it was ------------------


def _reference_text_words(text: str) -> set[str]:
    """`_table._text_words` without its shortcut: every word's length tested in Python."""
    words = _table._cut_words(text)
    out = set(words)
    for i, word in enumerate(words):
        if len(word) < 3:
            joined, j = word, i
            while len(joined) < 3 and j + 1 < len(words):
                j += 1
                joined += words[j]
            out.add(joined)
    return out


def _uncached_row(record: dict[str, Any]) -> dict[str, Any]:
    """The row `flatten` makes of `record` with every cache of its empty: each authorship's
    affiliations, search form and keyword's words worked out afresh (`_new_stated`)."""
    _table._STATED.clear()
    _table._search_form.cache_clear()
    _table._keyword_words.cache_clear()
    return flatten(0, 1, work_from_openalex(record, Origin("snapshot", "x", 1)), "{}")


# --- generated records: a few institutions and strings, repeated as a group's records repeat them --

# Texts each search form reads otherwise: accents, a soft hyphen, a zero-width space, a Unicode
# hyphen inside a word, an apostrophe, a dotless ı, a capital sigma, a ligature.
_TEXTS = [
    "Microsoft Research Asia",
    "Tsinghua University, Beijing",
    "Université de Montréal",
    "Nan\u00adjing University",
    "Zhe\u200bjiang University",
    "North\u2010western Polytechnical University",
    "Xi'an Jiaotong University",
    "Teknık Üniversitesi",
    "ΠΑΝΕΠΙΣΤΗΜΙΟ ΑΘΗΝΩΝ",
    "ﬁnance institute",
    "",
    "   ",
]
_IDS = ["https://openalex.org/I1", "https://openalex.org/I2", "https://openalex.org/I4210113369", None]
_institutions = st.fixed_dictionaries(
    {
        "id": st.sampled_from(_IDS),
        "display_name": st.sampled_from([*_TEXTS, None]),
        "ror": st.sampled_from(["https://ror.org/03cve4549", "https://ror.org/00f54p054", None]),
        "country_code": st.sampled_from(["CN", "US", None]),
        "lineage": st.lists(st.sampled_from(_IDS[:3]), max_size=2),
    }
)
_authorships = st.fixed_dictionaries(
    {
        "author": st.fixed_dictionaries({"display_name": st.sampled_from(["A. Author", "Kazan University", "B"])}),
        "institutions": st.lists(_institutions, max_size=3),
        "raw_affiliation_strings": st.lists(st.sampled_from(_TEXTS), max_size=3),
    }
)
_words = st.sampled_from(["a", "of", "re", "identification", "face", "x", "ray", "deep\u00adfake", "İ", "ΣΑΣ", "ﬁ"])
_phrases = st.lists(_words, max_size=8).map(" ".join)
_records = st.fixed_dictionaries(
    {
        "id": st.just("https://openalex.org/W1"),
        "title": _phrases,
        "authorships": st.lists(_authorships, max_size=4),
        "keywords": st.lists(st.fixed_dictionaries({"display_name": _phrases}), max_size=3),
        "abstract_inverted_index": st.dictionaries(_words, st.lists(st.integers(0, 12), min_size=1, max_size=2)),
    }
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_records, min_size=1, max_size=4))
def test_flattening_gives_the_rows_of_the_uncached_path(records):
    # Each record flattened twice from what those before it left in the caches, as a part's
    # worker flattens them, then alone with the caches empty.
    cached = [flatten(0, 1, work_from_openalex(r, Origin("snapshot", "x", 1)), "{}") for r in records + records]
    uncached = [_uncached_row(r) for r in records + records]
    assert [orjson.dumps(row) for row in cached] == [orjson.dumps(row) for row in uncached]


def test_an_institution_gone_leaves_no_row_to_another_built_where_it_was():
    """Affiliations are known by their institutions' identity; an institution freed and another
    built in its memory must not be given its row. Each is built, flattened and dropped in turn,
    so that Python reuses its memory for the next one."""
    for k in range(2_000):
        inst = Institution(name=f"Institute {k}", id=f"I{k}", lineage=(f"I{k}",))
        row = flatten(0, 1, _work_of(Authorship("A", 0, institutions=(inst,))), "{}")
        assert row["authorships"][0]["institutions"][0]["name"] == f"Institute {k}"
        assert row["affiliations"][0] == {"ids": [f"I{k}"], "rors": [], "affiliation_text": f"institute {k}"}
        del inst, row  # freed at once: nothing else refers to them


def _work_of(authorship: Authorship) -> Any:
    record = {"id": "https://openalex.org/W1", "title": "t"}
    work = work_from_openalex(record, Origin("snapshot", "x", 1))
    work.authorships = (authorship,)
    return work


_TEXT = st.text(
    alphabet=st.sampled_from([*"ab c-_.'\u00b6\u00adİıΣς", "\u2010", "ﬁ", "Ａ", "\u0301"]), max_size=40
) | st.lists(_words, max_size=10).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(_TEXT)
@example("a b c")
@example("face recognition")
@example("x ray of a re identification")
@example("\u00b6 a \u00b6 bc")
def test_text_words_are_those_of_the_slower_code(text):
    assert _table._text_words(text) == _reference_text_words(text)
    nfkc = unicodedata.normalize("NFKC", text)
    assert _table._text_words(nfkc) == _reference_text_words(nfkc)


def test_a_keywords_words_cached_are_its_words():
    for keyword in ["x-ray", "re identification", "deep\u00adfake", "ﬁnance"]:
        assert _table._keyword_words(keyword) == text_words(keyword)
        assert _table._keyword_words(keyword) == text_words(keyword)  # the second, from the cache


def test_the_affiliations_cache_stays_within_its_bound(monkeypatch):
    """A file of many distinct affiliations (the whole snapshot's) must not grow the cache past
    its bound, which a worker's memory counts on: emptied when full, it goes on giving rows."""
    monkeypatch.setattr(_table._STATED, "size", 3)
    _table._STATED.clear()
    for k in range(40):
        inst = Institution(name=f"Institute {k}", id=f"I{k}", lineage=(f"I{k}",))
        row = flatten(0, 1, _work_of(Authorship("A", 0, institutions=(inst,), raw_affiliations=(f"Lab {k}",))), "{}")
        assert row["affiliations"][0]["ids"] == [f"I{k}"]
        assert len(_table._STATED) <= 3
