"""Minimum and maximum over any index range, in logarithmic time (a segment tree).

The loose reading converts at any daily rate in a window of dates; answering
that by scanning the window would make every conversion cost its length.
Positions may hold None (no value that day): they are skipped.
"""

from __future__ import annotations

from typing import Generic, Sequence, TypeVar

T = TypeVar("T")


class Extremes(Generic[T]):
    def __init__(self, values: Sequence[T | None]):
        size = 1
        while size < max(len(values), 1):
            size *= 2
        self._size = size
        self._low: list[tuple[T, int] | None] = [None] * (2 * size)
        self._high: list[tuple[T, int] | None] = [None] * (2 * size)
        for i, v in enumerate(values):
            if v is not None:
                self._low[size + i] = self._high[size + i] = (v, i)
        for node in range(size - 1, 0, -1):
            self._low[node] = _lower(self._low[2 * node], self._low[2 * node + 1])
            self._high[node] = _higher(self._high[2 * node], self._high[2 * node + 1])

    def query(self, first: int, last: int) -> tuple[tuple[T, int], tuple[T, int]] | None:
        """((min, its index), (max, its index)) over positions first..last, or None if all empty."""
        low = high = None
        lo, hi = first + self._size, last + self._size + 1
        while lo < hi:
            if lo & 1:
                low, high = _lower(low, self._low[lo]), _higher(high, self._high[lo])
                lo += 1
            if hi & 1:
                hi -= 1
                low, high = _lower(low, self._low[hi]), _higher(high, self._high[hi])
            lo //= 2
            hi //= 2
        return None if low is None else (low, high)


# Ties go to the earlier day, so the reported date is stable.

def _lower(a, b):
    if a is None:
        return b
    if b is None:
        return a
    return b if b[0] < a[0] or (b[0] == a[0] and b[1] < a[1]) else a


def _higher(a, b):
    if a is None:
        return b
    if b is None:
        return a
    return b if b[0] > a[0] or (b[0] == a[0] and b[1] < a[1]) else a
