"""Ranks of any size are ranks: the ordinal suffix never falls through to a unit."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verify import parse_value


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@given(st.integers(min_value=1, max_value=10**7))
def test_every_written_ordinal_is_its_rank(n):
    value = parse_value(ordinal(n))
    assert value.rank == n
    assert value.strict.interval.lo == value.strict.interval.hi == n


@pytest.mark.parametrize("text, rank", [("1,000th", 1000), ("2,500th largest", 2500), ("1000th", 1000)])
def test_large_ranks_as_written_in_news(text, rank):
    assert parse_value(text).rank == rank
