"""The strict and the loose reading of a value (SPEC section 4), as exact intervals.

strict: the digits as written (half a step either side) and each hedge's narrow
        factors; loose: each hedge's wide factors, and never less than
        `loose_min_relative` either side of the number as written.
"""

from __future__ import annotations

from fractions import Fraction

from verify.interval import Interval
from verify.values.grammar import Parts
from verify.values.lexicon import Lexicon

Precision = Fraction | str | None  # None: from the digits; "exact"; or a step in the written scale


def readings(parts: Parts, lexicon: Lexicon, precision: Precision = None) -> tuple[Interval, Interval]:
    if parts.rank is not None:
        rank = Interval.point(parts.rank)
        return rank, rank
    if parts.magnitude is not None:
        nominal = parts.magnitude
        strict = _hedged(nominal, nominal, parts, "strict")
        loose = _widened(_hedged(nominal, nominal, parts, "loose"), nominal, lexicon.loose_min_relative)
        return _signed(strict, parts.sign), _signed(loose, parts.sign)

    low, high = parts.low, parts.high or parts.low
    nominal = Interval(low.value, high.value) if low.value <= high.value else Interval(high.value, low.value)
    exact = precision == "exact"
    if exact:
        digits = nominal
    else:
        lo_step, hi_step = (low.step, high.step) if precision is None else (
            Fraction(precision) * low.scale, Fraction(precision) * high.scale)
        digits = Interval(nominal.lo - lo_step / 2, nominal.hi + hi_step / 2)
    strict = _hedged(nominal, digits, parts, "strict")
    loose = _hedged(nominal, digits, parts, "loose")
    if not exact:
        loose = _widened(loose, nominal, lexicon.loose_min_relative)
    return _signed(strict, parts.sign), _signed(loose, parts.sign)


def _hedged(nominal: Interval, digits: Interval, parts: Parts, reading: str) -> Interval:
    if parts.hedge is None:
        return digits
    factors = getattr(parts.hedge, reading)
    hedged = _scaled(nominal, factors)
    # "about 4%" is never narrower than "4%" itself.
    return hedged.hull(digits) if parts.hedge.two_sided else hedged


def _scaled(nominal: Interval, factors: Interval) -> Interval:
    """Each end of the nominal range times the factors: "nearly 5-6" reaches 0.95 × 5."""
    if nominal.lo == nominal.hi:
        return nominal * factors
    return (Interval.point(nominal.lo) * factors).hull(Interval.point(nominal.hi) * factors)


def _widened(interval: Interval, nominal: Interval, relative: Fraction) -> Interval:
    if not nominal.bounded:
        return interval
    allowance = Interval(nominal.lo - relative * abs(nominal.lo), nominal.hi + relative * abs(nominal.hi))
    return interval.hull(allowance)


def _signed(interval: Interval, sign: int) -> Interval:
    return interval if sign > 0 else -interval
