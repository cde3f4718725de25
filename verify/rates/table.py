"""A daily table of exchange rates against one anchor currency, read from CSV.

The file is read when first used, a currency's column is split out of the rows
when a conversion first needs it, and its figures become exact Fractions cell by
cell: a run that converts nothing pays nothing, and one that converts pays little.

What a window of days asks (its lowest and highest cross rate, its average) is
answered from structures kept per currency against the anchor, or per pair in
blocks of rows, so memory grows with the currencies used, not with their square.
"""

from __future__ import annotations

import bisect
import re
from datetime import date
from fractions import Fraction
from pathlib import Path

import attrs

from verify.errors import FileError
from verify.exact import Exact
from verify.io import read_bytes
from verify.rates import cache
from verify.rates.window import BlockExtremes, PrefixMeans

_CELL = re.compile(r"[0-9]+(?:\.[0-9]+)?")  # ASCII digits: \d takes any script's
# What `_cell` accepts, in one match: a missing rate, or a decimal with a digit other than 0.
_GOOD_CELL = re.compile(r"N/A|(?=[0-9.]*[1-9])[0-9]+(?:\.[0-9]+)?|")
_CODE = re.compile(r"[A-Z]{3}")
MISSING = ("N/A", "")
_UNREAD = object()  # a cell of a checked column not converted yet
MAX_BYTES = 64 * 1024 * 1024  # the whole ECB history since 1999 is under 8 MiB
_ANSWERS = 4096  # window answers remembered per table: claims of one story share their windows


class RateError(FileError):
    """A rate that cannot be had: unknown currency, uncovered date, or a broken file."""


@attrs.frozen
class Rate:
    """1 `base` = `value` `quote`, the fixing of `on` (asked for `asked`), from `source`.

    `basis` says which rate of a conversion it is: the fixing of a level's date, a
    flow's period-end fixing or period average (the mean of the fixings from `start`
    to `on`), or a daily fixing of the loose reading's window.
    """

    base: str
    quote: str
    value: Fraction
    on: date
    source: str
    asked: date | None = None
    basis: str = "fixing"
    start: date | None = None

    def __str__(self) -> str:
        from verify import formatting

        if self.basis == "period average" and self.start is not None:
            when = f"average of the fixings {self.start.isoformat()}..{self.on.isoformat()}"
        elif self.basis == "fixing":
            when = f"on {self.on.isoformat()}"
        else:
            when = f"{self.basis} on {self.on.isoformat()}"
        return f"1 {self.base} = {formatting.number(self.value)} {self.quote} {when} ({self.source})"

    def based(self, basis: str) -> Rate:
        return attrs.evolve(self, basis=basis)


class RateTable:
    """Rates of one source: `rate()` finds one row by bisection; `extremes()` and `average()`
    answer for a window of days from per-pair block summaries and per-currency prefix sums."""

    def __init__(self, path: str | Path, *, name: str, anchor: str = "EUR", title: str | None = None,
                 attribution: str | None = None):
        self.path = str(path)
        self.name = name
        self.anchor = anchor
        self.title = title or name
        self.attribution = attribution
        self._dates: list[int] = []  # ordinals, ascending
        self._lines: list[int] = []  # the file line of each row
        self._rows: list[str] = []  # the text of each row, cells after the date
        self._index: dict[str, int] = {}  # currency -> its column among a row's cells
        self._columns: dict[str, tuple[str, ...]] = {}  # split out of the rows when first used
        self._values: dict[str, list[Fraction | None]] = {}
        self._checked: set[str] = set()  # columns whose every cell `_cell` accepts
        self._data = b""  # the file's bytes, while its rows come from the cache
        self._key: str | None = None  # the cache's name for those bytes
        self._kept: dict[str, str] = {}  # columns the cache holds, each its cells joined by commas
        self._kept_means: dict[str, list] = {}  # the cache's prefix sums: [scale, sums, counts] a column
        self._keeping = True
        self._pairs: dict[tuple[str, str], BlockExtremes] = {}
        self._means: dict[str, PrefixMeans] = {}
        self._answers: dict[tuple, tuple[Rate, Rate]] = {}
        self._read()

    # -- reading ---------------------------------------------------------------

    def _read(self) -> None:
        """The file's days and codes, from the cache if a run read these very bytes before."""
        try:
            data = read_bytes(self.path, MAX_BYTES)
        except OSError as exc:
            raise RateError(f"cannot read the rates file: {getattr(exc, 'strerror', None) or exc}",
                            file=self.path) from None
        self._key = cache.key(data) if len(data) >= cache.MIN_BYTES and cache.folder() is not None else None
        entry = cache.load(self._key) if self._key else None
        if entry is not None:
            self._data = data  # kept to split out a column the entry lacks
            self._dates, self._lines, self._kept = entry["dates"], entry["lines"], entry["columns"]
            self._kept_means = entry["means"]
            self._checked = {code for code in entry["checked"] if isinstance(self._kept.get(code), str)}
            self._index = {code: i for i, code in enumerate(entry["codes"])}
            return
        self._parse(data)
        self._keep()

    def _parse(self, data: bytes) -> None:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise RateError(f"cannot read the rates file: {exc}", file=self.path) from None
        lines = text.splitlines()
        if not lines:
            raise RateError("the rates file is empty", file=self.path, line=1)
        header = lines[0].rstrip(",").split(",")
        if header[0].strip() != "Date" or len(header) < 2:
            raise RateError("the header must be Date followed by currency codes: Date,USD,JPY,...",
                            file=self.path, line=1)
        codes = [c.strip() for c in header[1:]]
        for i, code in enumerate(codes):
            if not _CODE.fullmatch(code):
                raise RateError(f"{code!r} in the header is not an ISO 4217 code", file=self.path, line=1)
            if code in codes[:i]:
                raise RateError(f"{code} heads two columns: which one holds its rates? Keep one",
                                file=self.path, line=1)
        width = len(codes)
        rows = []
        for number, line in enumerate(lines[1:], start=2):
            if not line.strip():
                continue
            commas = line.count(",")
            if commas == width + 1 and line.endswith(","):
                line = line[:-1]  # the ECB ends every line with a comma
            elif commas != width:
                raise RateError(f"expected {width + 1} fields, found {commas + 1}: the file is truncated "
                                "or malformed", file=self.path, line=number)
            day, _, cells = line.partition(",")
            try:
                ordinal = date.fromisoformat(day).toordinal()
            except ValueError:
                raise RateError(f"{day!r} is not a date (YYYY-MM-DD)", file=self.path, line=number) from None
            rows.append((ordinal, number, cells))
        if not rows:
            raise RateError("the rates file has no rows", file=self.path, line=2)
        rows.sort(key=lambda r: r[0])
        for before, after in zip(rows, rows[1:]):
            if before[0] == after[0]:
                raise RateError(f"{date.fromordinal(after[0])} appears twice", file=self.path, line=after[1])
        self._dates = [r[0] for r in rows]
        self._lines = [r[1] for r in rows]
        self._rows = [r[2] for r in rows]
        self._index = {code: i for i, code in enumerate(codes)}

    def _cells(self, code: str) -> tuple[str, ...]:
        """The column of `code` as written: a run needs a few of the forty-odd columns, and
        the cache keeps those that runs needed."""
        cells = self._columns.get(code)
        if cells is None:
            kept = self._kept.get(code)
            if isinstance(kept, str) and kept.count(",") == len(self._dates) - 1:
                cells = tuple(kept.split(","))
            else:
                if not self._rows:
                    self._parse(self._data)  # the same bytes, read whole this time
                i = self._index[code]
                cells = tuple(row.split(",", i + 1)[i] for row in self._rows)
                if self._keeping:
                    self._kept[code] = ",".join(cells)
                    self._keep()
            self._columns[code] = cells
        return cells

    def _keep(self) -> None:
        if self._key is not None:
            cache.store(self._key, {"dates": self._dates, "lines": self._lines, "codes": list(self._index),
                                    "columns": self._kept, "checked": sorted(self._checked & set(self._kept)),
                                    "means": self._kept_means})

    # -- what it covers ----------------------------------------------------------

    @property
    def first_day(self) -> date:
        return date.fromordinal(self._dates[0])

    @property
    def last_day(self) -> date:
        return date.fromordinal(self._dates[-1])

    def days(self) -> list[date]:
        return [date.fromordinal(d) for d in self._dates]

    @property
    def currencies(self) -> tuple[str, ...]:
        return tuple(sorted({self.anchor, *self._index}))

    def coverage(self, code: str) -> tuple[date, date] | None:
        """The first and last day with a rate for `code`."""
        if code == self.anchor:
            return self.first_day, self.last_day
        days = [i for i, cell in enumerate(self._cells(code)) if cell not in MISSING]
        if not days:
            return None
        return date.fromordinal(self._dates[days[0]]), date.fromordinal(self._dates[days[-1]])

    # -- lookups -----------------------------------------------------------------

    def rate(self, base: str, quote: str, on: date) -> Rate:
        """The fixing of `on`, or of the last business day before it; cross rates through the anchor."""
        i = self._row(on)
        value = self._cross(base, quote, i)
        return Rate(base, quote, value, date.fromordinal(self._dates[i]), self.name, on)

    def extremes(self, base: str, quote: str, start: date, end: date, *,
                 from_start: bool = False) -> tuple[Rate, Rate]:
        """The lowest and highest daily rate from the fixing that applies on `start` (with
        `from_start`, the first fixing on or after it) to `end`; ties go to the earliest day."""
        last = self._row(end)
        first = min(bisect.bisect_left(self._dates, start.toordinal()), last) if from_start else self._row(start)
        key = (base, quote, first, last)
        answer = self._answers.get(key)
        if answer is None:
            self._cross(base, quote, first)  # a clear error if the window starts without a rate
            (low, low_i), (high, high_i) = self._pair(base, quote).query(first, last)
            answer = (Rate(base, quote, low, date.fromordinal(self._dates[low_i]), self.name, start, "daily"),
                      Rate(base, quote, high, date.fromordinal(self._dates[high_i]), self.name, end, "daily"))
            if len(self._answers) >= _ANSWERS:
                self._answers.clear()
            self._answers[key] = answer
        return answer

    def closest(self, base: str, quote: str, start: date, end: date, wanted: Fraction) -> Rate:
        """The daily fixing from `start` to `end` nearest to `wanted` (the earliest of equals)."""
        first, last = self._row(start), self._row(end)
        pair = self._pair(base, quote)
        best: tuple[Fraction, Fraction, int] | None = None
        for i in range(first, last + 1):
            value = pair.value(i)
            if value is not None and (best is None or abs(value - wanted) < best[0]):
                best = (abs(value - wanted), value, i)
        if best is None:
            raise RateError(f"{self.name} has no {base}/{quote} fixing from {start} to {end}")
        return Rate(base, quote, best[1], date.fromordinal(self._dates[best[2]]), self.name, start, "daily")

    def average(self, base: str, quote: str, start: date, end: date) -> Rate:
        """The mean rate of the fixings from `start` to `end`: the mean of the quote's fixings
        against the anchor over the mean of the base's, which is exact (prefix sums of the
        decimal fixings), the same either way round (its reciprocal is the average of the
        reverse pair), and a small part of the strict spread away from the mean of daily cross
        rates (0.012% for the dollar in yuan over 2024)."""
        first = bisect.bisect_left(self._dates, start.toordinal())
        last = bisect.bisect_right(self._dates, end.toordinal()) - 1
        if start > self.last_day or end < self.first_day or first > last:
            raise RateError(f"{self.name} has no fixings from {start} to {end} to average")
        if end > self.last_day:
            raise RateError(f"{end} is after the last day of the {self.name} rates ({self.last_day}): "
                            "refresh them with `verify rates refresh`, or use another rates source")
        value = self._mean(quote, first, last) / self._mean(base, first, last)
        return Rate(base, quote, value, date.fromordinal(self._dates[last]), self.name, end, "period average",
                    date.fromordinal(self._dates[first]))

    def _mean(self, code: str, first: int, last: int) -> Fraction:
        if code == self.anchor:
            return Exact(1)
        if code not in self._index:
            raise RateError(f"{self.name} has no rates for {code}; it covers {', '.join(self.currencies)}")
        means = self._means.get(code)
        if means is None:
            self._check(code)  # every cell checked, with its line, before it is summed
            kept = self._kept_means.get(code)
            if code in self._checked and PrefixMeans.fits(kept, len(self._dates)):
                means = PrefixMeans.of(*kept)
            else:
                means = PrefixMeans(self._cells(code))
                if self._keeping and self._key is not None:
                    self._kept_means[code] = [means._scale, means._sums, means._counts]
                    self._keep()
            self._means[code] = means
        mean = means.mean(first, last)
        if mean is None:
            raise RateError(f"{self.name} has no {code} rate from {date.fromordinal(self._dates[first])} "
                            f"to {date.fromordinal(self._dates[last])}")
        return mean

    def _anchor_cell(self, code: str, i: int) -> Fraction | None:
        """1 `anchor` in `code` on row i, None where the row has no rate; from the converted
        column if there is one, else from the single cell."""
        if code == self.anchor:
            return Exact(1)
        values = self._values.get(code)
        return self._value(code, values, i) if values is not None else self._cell(code, i, self._cells(code)[i])

    def _row(self, on: date) -> int:
        i = bisect.bisect_right(self._dates, on.toordinal()) - 1
        if i < 0:
            raise RateError(f"{self.name} rates start on {self.first_day}; there is none for {on}")
        if on > self.last_day:
            raise RateError(f"{on} is after the last day of the {self.name} rates ({self.last_day}): "
                            "refresh them with `verify rates refresh`, or use another rates source")
        return i

    def _cross(self, base: str, quote: str, i: int) -> Fraction:
        b, q = self._per_anchor(base, i), self._per_anchor(quote, i)
        return q / b

    def _per_anchor(self, code: str, i: int) -> Fraction:
        if code != self.anchor and code not in self._index:
            raise RateError(f"{self.name} has no rates for {code}; it covers {', '.join(self.currencies)}")
        value = self._anchor_cell(code, i)
        if value is None:
            span = self.coverage(code)
            covered = f" (it has {code} from {span[0]} to {span[1]})" if span else ""
            raise RateError(f"{self.name} has no {code} rate on {date.fromordinal(self._dates[i])}{covered}")
        return value

    def _check(self, code: str) -> None:
        """Raise the error `_cell` would for the first bad cell of `code` (with its line),
        checking every cell with one match and converting none: a window's mean needs the
        text of its cells, and its extremes the Fractions of its own rows only."""
        if code not in self._checked:
            if not all(map(_GOOD_CELL.fullmatch, self._cells(code))):
                for i, cell in enumerate(self._cells(code)):
                    self._cell(code, i, cell)
            self._checked.add(code)
            if self._keeping and code in self._kept:
                self._keep()

    def _column(self, code: str) -> list[Fraction | None]:
        """The column of `code` as Fractions (None where a day has no rate), every cell
        checked; a cell is converted when a window first reads it."""
        values = self._values.get(code)
        if values is None:
            self._check(code)
            values = self._values[code] = [_UNREAD] * len(self._dates)
        return values

    def _value(self, code: str, values: list, i: int) -> Fraction | None:
        value = values[i]
        if value is _UNREAD:
            value = values[i] = _exact(self._cells(code)[i])
        return value

    def _cell(self, code: str, i: int, cell: str) -> Fraction | None:
        if cell in MISSING:
            return None
        if not _CELL.fullmatch(cell) or cell.strip("0.") == "":
            script = " (its digits are not ASCII 0-9)" if any(c.isdigit() and not c.isascii() for c in cell) else ""
            raise RateError(f"the {code} rate {cell!r} is not a positive number{script}", file=self.path,
                            line=self._lines[i])
        return _exact(cell)

    def _pair(self, base: str, quote: str) -> BlockExtremes:
        pair = self._pairs.get((base, quote))
        if pair is None:
            b = self._column(base) if base != self.anchor else None
            q = self._column(quote) if quote != self.anchor else None
            value = self._value
            one = Exact(1)  # the anchor's own rate, made once: a window reads thousands of rows

            def cross(i: int) -> Fraction | None:
                x = value(base, b, i) if b is not None else one
                y = value(quote, q, i) if q is not None else one
                return None if x is None or y is None else y / x

            pair = self._pairs[(base, quote)] = BlockExtremes(cross, len(self._dates))
        return pair

    def validate(self) -> None:
        """Check every cell now (a refresh checks a new file whole before it replaces the old)."""
        self._keeping = False  # the cache keeps the columns runs convert, not every one
        for code in self._index:
            self._check(code)


def _exact(cell: str) -> Fraction | None:
    """A checked cell's rate: exact, and far faster than Fraction(cell)."""
    if cell in MISSING:
        return None
    whole, _, decimals = cell.partition(".")
    return Exact.ratio(int(whole + decimals), 10 ** len(decimals))
