"""What a window of rows asks of a rates table: its extremes and its mean.

Extremes of a cross rate: a pair's rows are summarised in blocks of `BLOCK`,
each block's lowest and highest (computed when a query first spans it), so a
query reads at most two partial blocks and one summary per block between them.
A pair costs a few kilobytes, not a tree of its whole history: memory grows
with the pairs a corpus converts, each small.

Means: prefix sums of one currency's decimal fixings as integers (every cell
scaled to the column's finest decimal place), so any window's mean is exact and
takes two subtractions.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Callable, Sequence

from verify.exact import Exact

BLOCK = 64
MISSING = ("N/A", "")

Extreme = tuple[Fraction, int]  # (value, row): ties go to the earlier row


class BlockExtremes:
    def __init__(self, value: Callable[[int], Fraction | None], size: int):
        self.value = value
        self._size = size
        self._blocks: dict[int, tuple[Extreme, Extreme] | None] = {}

    def query(self, first: int, last: int) -> tuple[Extreme, Extreme]:
        """(lowest, highest) over rows first..last; the first row must have a value."""
        low = high = None
        i = first
        while i <= last:
            block, offset = divmod(i, BLOCK)
            if offset == 0 and i + BLOCK - 1 <= last:
                found = self._block(block)
                i += BLOCK
            else:
                end = min(last, (block + 1) * BLOCK - 1)
                found = self._scan(i, end)
                i = end + 1
            if found is not None:
                low, high = _lower(low, found[0]), _higher(high, found[1])
        assert low is not None and high is not None
        return low, high

    def _block(self, block: int) -> tuple[Extreme, Extreme] | None:
        if block not in self._blocks:
            self._blocks[block] = self._scan(block * BLOCK, min(self._size, (block + 1) * BLOCK) - 1)
        return self._blocks[block]

    def _scan(self, first: int, last: int) -> tuple[Extreme, Extreme] | None:
        low = high = None
        for i in range(first, last + 1):
            v = self.value(i)
            if v is not None:
                low, high = _lower(low, (v, i)), _higher(high, (v, i))
        return None if low is None else (low, high)


def _lower(a: Extreme | None, b: Extreme) -> Extreme:
    return b if a is None or b[0] < a[0] else a


def _higher(a: Extreme | None, b: Extreme) -> Extreme:
    return b if a is None or b[0] > a[0] else a


class PrefixMeans:
    def __init__(self, cells: Sequence[str]):
        places = max((len(c.partition(".")[2]) for c in cells if c not in MISSING), default=0)
        self._scale = 10 ** places
        sums, counts = [0], [0]
        total = count = 0
        for cell in cells:
            if cell not in MISSING:
                whole, _, decimals = cell.partition(".")
                total += int(whole + decimals) * 10 ** (places - len(decimals))
                count += 1
            sums.append(total)
            counts.append(count)
        self._sums, self._counts = sums, counts

    @classmethod
    def of(cls, scale: int, sums: list[int], counts: list[int]) -> PrefixMeans:
        """Prefix sums kept from an earlier reading of the same column."""
        means = cls.__new__(cls)
        means._scale, means._sums, means._counts = scale, sums, counts
        return means

    @staticmethod
    def fits(kept: object, rows: int) -> bool:
        """Whether `kept` is what `of` takes for a column of `rows` rows."""
        return (isinstance(kept, list) and len(kept) == 3 and isinstance(kept[0], int) and isinstance(kept[1], list)
                and isinstance(kept[2], list) and len(kept[1]) == len(kept[2]) == rows + 1)

    def mean(self, first: int, last: int) -> Fraction | None:
        """The mean of the fixings in rows first..last, None if there are none."""
        n = self._counts[last + 1] - self._counts[first]
        if n == 0:
            return None
        return Exact(self._sums[last + 1] - self._sums[first], self._scale * n)
