"""Currency conversion under the two readings (SPEC section 5).

strict: a level (a claim with `as_of`) at the fixing of its date; a flow (a claim
        with a period) at the period-end fixing or at the average of the period's
        fixings, the two conventions in use (companies' convenience translations,
        and income statements and most reporters); each give or take 0.5%.
loose:  any daily fixing from the period's start (a level: its date) to the
        source's publication date, give or take the same spread.

A conversion keeps its options apart, so that a relation can hold at one of a
flow's two rates without holding at a rate between them, and every rate used is
recorded, so that a finding can show which one agreed.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from verify.exact import Exact
from verify.interval import Interval
from verify.quantity import Quantity
from verify.rates import Rate, RateBook
from verify.rates.book import money_dimension
from verify.record import Record

SPREAD = Exact(5, 1000)


class Option(Record):
    """The quantity converted at one rate (or, loosely, at any rate of a window)."""

    __slots__ = ("quantity", "rates")

    def __init__(self, quantity: Quantity, rates: tuple[Rate, ...]) -> None:
        self.quantity, self.rates = quantity, rates


class Conversion(Record):
    __slots__ = ("options",)

    def __init__(self, options: tuple[Option, ...]) -> None:
        self.options = options

    @property
    def quantity(self) -> Quantity:
        """Every option in one interval: what a relation that cannot choose sees."""
        first = self.options[0].quantity
        interval = first.interval
        for option in self.options[1:]:
            interval = interval.hull(option.quantity.interval)
        return Quantity(interval, first.unit)

    @property
    def rates(self) -> list[Rate]:
        return [r for option in self.options for r in option.rates]


class Converter:
    def __init__(self, rates: RateBook | None = None, spread: Fraction = SPREAD):
        self._rates = rates
        self.spread = spread

    @property
    def rates(self) -> RateBook:
        if self._rates is None:  # read only when a conversion is needed
            self._rates = RateBook.bundled()
        return self._rates

    def convert(self, quantity: Quantity, to: str, *, reading: str, reference: date,
                published: date | None, start: date | None = None) -> tuple[Quantity, list[Rate]]:
        """`quantity` in currency `to`, every option in one interval; raises RateError where
        no rate can be had. `start` is a flow's first day (None for a level)."""
        conversion = self.conversion(quantity, to, reading=reading, reference=reference, published=published,
                                     start=start)
        return conversion.quantity, conversion.rates

    def conversion(self, quantity: Quantity, to: str, *, reading: str, reference: date,
                   published: date | None, start: date | None = None) -> Conversion:
        code, exponent = money_dimension(quantity.unit)
        if code == to:
            return Conversion((Option(quantity, ()),))
        fixing = self.rates.rate(code, to, reference)
        rates = [fixing if start is None else fixing.based("period-end")]
        if start is not None:
            rates.append(self.rates.average(code, to, start, reference))
        factors = [Interval(r.value * (1 - self.spread), r.value * (1 + self.spread)) for r in rates]
        if reading == "loose":
            factor = factors[0]
            for other in factors[1:]:
                factor = factor.hull(other)
            first = start or reference
            last = max(reference, published) if published is not None else reference
            if last > first:
                low, high = self.rates.extremes(code, to, first, last, from_start=start is not None)
                factor = factor.hull(Interval(low.value * (1 - self.spread), high.value * (1 + self.spread)))
                rates += [r for r in (low, high) if r.on != fixing.on]
            factors, rates = [factor], [tuple(rates)]
        else:
            rates = [(r,) for r in rates]
        unit = quantity.unit.with_currency(code, to)
        return Conversion(tuple(
            Option(Quantity(quantity.interval * (f.reciprocal() if exponent < 0 else f), unit), used)
            for f, used in zip(factors, rates)))

    def at(self, quantity: Quantity, to: str, rate: Rate) -> Quantity:
        """`quantity` in currency `to` at one rate, give or take the spread."""
        code, exponent = money_dimension(quantity.unit)
        factor = Interval(rate.value * (1 - self.spread), rate.value * (1 + self.spread))
        return Quantity(quantity.interval * (factor.reciprocal() if exponent < 0 else factor),
                        quantity.unit.with_currency(code, to))

    def closest_day(self, quantity: Quantity, to: str, wanted: Fraction, *, start: date, end: date) -> Rate:
        """The daily fixing from `start` to `end` that brings `quantity` nearest to `wanted` (in
        `to`): the rate a loose agreement names."""
        code, exponent = money_dimension(quantity.unit)
        middle = _middle(quantity.interval)
        if not middle or not wanted:
            return self.rates.rate(code, to, end).based("daily")
        rate = wanted / middle if exponent > 0 else middle / wanted
        return self.rates.closest(code, to, start, end, rate)


def _middle(interval: Interval) -> Fraction:
    """A finite value inside `interval`: its midpoint, or its finite end."""
    if interval.bounded:
        return (interval.lo + interval.hi) / 2
    finite = [e for e in (interval.lo, interval.hi) if isinstance(e, Fraction)]
    return finite[0] if finite else Exact(0)
