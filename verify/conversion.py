"""Currency conversion under the two readings (SPEC section 5).

strict: the fixing of the reference date, give or take a small spread (0.5%);
loose:  also any daily fixing from the reference date to the source's
        publication date (a writer may have used any of them).
Every rate used is recorded, so that a finding can show it.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from verify.exact import Exact
from verify.interval import Interval
from verify.quantity import Quantity
from verify.rates import Rate, RateBook
from verify.rates.book import money_dimension

SPREAD = Exact(5, 1000)


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
                published: date | None) -> tuple[Quantity, list[Rate]]:
        """`quantity` in currency `to`; raises RateError where no rate can be had."""
        code, exponent = money_dimension(quantity.unit)
        if code == to:
            return quantity, []
        fixing = self.rates.rate(code, to, reference)
        factor = Interval(fixing.value * (1 - self.spread), fixing.value * (1 + self.spread))
        used = [fixing]
        if reading == "loose" and published is not None and published > reference:
            low, high = self.rates.extremes(code, to, reference, published)
            factor = factor.hull(Interval(low.value, high.value))
            used += [r for r in (low, high) if r.on != fixing.on]
        if exponent < 0:
            factor = factor.reciprocal()
        return Quantity(quantity.interval * factor, quantity.unit.with_currency(code, to)), used
