"""The strict and the loose reading of a value (SPEC section 4), as exact intervals.

strict: the digits as written (half a step either side) and each hedge's narrow
        factors; loose: each hedge's wide factors, and a value without a hedge keeps
        its digits. The loose tolerance is not a value's: it belongs to the relation
        the value takes part in (see `verify.tolerance`).
"""

from __future__ import annotations

from fractions import Fraction

from verify.exact import Exact
from verify.interval import Interval
from verify.values.grammar import Parts
from verify.values.lexicon import Hedge, Lexicon

Precision = Fraction | str | None  # None: from the digits; "exact"; or a step in the written scale


def readings(parts: Parts, lexicon: Lexicon, precision: Precision = None) -> tuple[Interval, Interval]:
    if parts.rank is not None:
        rank = Interval.point(parts.rank)
        return rank, rank
    if parts.magnitude is not None:
        nominal = parts.magnitude
        strict = _hedged(nominal, nominal, parts.hedge, "strict")
        loose = _hedged(nominal, nominal, parts.hedge, "loose")
        return _signed(strict, parts.sign), _signed(loose, parts.sign)

    low, high = parts.low, parts.high or parts.low
    if high is low:
        nominal = Interval.point(low.value)
    else:
        nominal = Interval(low.value, high.value) if low.value <= high.value else Interval(high.value, low.value)
    if precision == "exact":
        strict = _hedged(nominal, nominal, parts.hedge, "strict")
        loose = _hedged(nominal, nominal, parts.hedge, "loose")
    else:
        lo_step, hi_step = (low.step, high.step) if precision is None else (
            Exact(precision) * low.scale, Exact(precision) * high.scale)
        digits = Interval(nominal.lo - lo_step / 2, nominal.hi + hi_step / 2)
        strict = _hedged(nominal, digits, parts.hedge, "strict")
        loose = _hedged(nominal, digits, parts.hedge, "loose")
    return _signed(strict, parts.sign), _signed(loose, parts.sign)


def _hedged(nominal: Interval, digits: Interval, hedge: Hedge | None, reading: str) -> Interval:
    if hedge is None:
        return digits
    hedged = _scaled(nominal, getattr(hedge, reading))
    # "about 4%" is never narrower than "4%" itself.
    return hedged.hull(digits) if hedge.two_sided else hedged


def _scaled(nominal: Interval, factors: Interval) -> Interval:
    """Each end of the nominal range times the factors: "nearly 5-6" reaches 0.95 × 5."""
    if nominal.lo == nominal.hi:
        return nominal * factors
    return (Interval.point(nominal.lo) * factors).hull(Interval.point(nominal.hi) * factors)


def _signed(interval: Interval, sign: int) -> Interval:
    return interval if sign > 0 else -interval
