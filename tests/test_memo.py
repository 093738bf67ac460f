"""`Memo`, the bounded store of answers the check's and the import's hot paths keep."""

from hypothesis import given
from hypothesis import strategies as st

from claimwatch._memo import Memo


@given(st.integers(min_value=1, max_value=5), st.lists(st.integers(min_value=0, max_value=9), max_size=60))
def test_a_memo_keeps_each_answer_it_was_given_within_its_bound(size: int, keys: list[int]) -> None:
    memo: Memo[int, str] = Memo(size)
    for key in keys:
        kept = memo.get(key)
        if kept is None:
            assert memo.keep(key, f"answer {key}") == f"answer {key}"
        else:
            assert kept == f"answer {key}"  # what was kept is the answer given for that key
        assert len(memo) <= size
        assert memo[key] == f"answer {key}"  # the last answer kept stays until the next is added


def test_a_full_memo_forgets_every_earlier_answer_before_keeping_a_new_one() -> None:
    memo: Memo[str, int] = Memo(2)
    memo.keep("a", 1)
    memo.keep("b", 2)
    assert memo.keep("c", 3) == 3
    assert dict(memo) == {"c": 3}


def test_none_as_an_answer_is_kept() -> None:
    memo: Memo[str, None] = Memo(3)
    memo.keep("nothing", None)
    assert "nothing" in memo and memo["nothing"] is None
