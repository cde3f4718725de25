"""The loose tolerance of a relation (SPEC section 4).

A relation holds loosely when its sides, each computed from the claims' loose
readings and then widened by half the tolerance of its own magnitude at each
end, overlap. The tolerance belongs to the relation, not to each value, so it
does not grow with the number of claims a side adds up: four quarters that
miss their year by 3% fail at the default 2%.
"""

from __future__ import annotations

from fractions import Fraction

from verify.exact import Exact
from verify import formatting
from verify.interval import Interval
from verify.quantity import Quantity

DEFAULT = Exact("0.02")


def widened(interval: Interval, tolerance: Fraction) -> Interval:
    """Each finite end moved out by half the tolerance of its own magnitude."""
    return interval.widened(_half(tolerance)) if tolerance else interval


def _half(tolerance: Fraction) -> Fraction:
    """tolerance / 2, kept for the last tolerance: a run has one, and widens hundreds of
    thousands of sides by it."""
    global _last
    last = _last  # read once: a tolerance and its half always come as one pair
    if last[0] is not tolerance:
        last = _last = (tolerance, tolerance / 2)
    return last[1]


_last: tuple = (None, None)


def widened_quantity(quantity: Quantity, tolerance: Fraction) -> Quantity:
    return Quantity(widened(quantity.interval, tolerance), quantity.unit)


def per_side(tolerance: Fraction) -> str:
    """"±1%" for a tolerance of 2%: what each side is widened by."""
    return f"±{formatting.exact(Fraction(tolerance) * 50)}%"


def reading_label(reading: str, tolerance: Fraction | None) -> str:
    """"loose (±1% per side)" or "strict": the reading a finding failed under, for people."""
    if reading == "loose" and tolerance:
        return f"loose ({per_side(tolerance)} per side)"
    return reading


def reading_note(severity: str, tolerance: Fraction | None) -> str:
    """"loose reading, ±1% per side" for an error, "strict reading" for a warning."""
    if severity != "error":
        return "strict reading"
    return f"loose reading, {per_side(tolerance)} per side" if tolerance else "loose reading"


def adverb(severity: str, tolerance: Fraction) -> str:
    """How a relation failed, for a message: "loosely (±1% per side)" for an error, else "strictly"."""
    if severity != "error":
        return "strictly"
    return f"loosely ({per_side(tolerance)} per side)" if tolerance else "loosely"
