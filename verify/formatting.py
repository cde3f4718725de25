"""Exact numbers shown to people: short, and never claiming more than is true.

A value that a short decimal shows exactly is shown exactly ("280.15e9"); any
other is cut to significant digits and marked with "…", so a reader can tell
a rounded display from an exact one.
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from fractions import Fraction

SIGNIFICANT = 6


def number(x: Fraction | int) -> str:
    x = Fraction(x)
    if x.denominator == 1 and abs(x) < 10**6:
        return str(x.numerator)
    text = _short_decimal(x)
    return text if text is not None else _rounded(x) + "…"


def _short_decimal(x: Fraction) -> str | None:
    """The exact decimal form of x in engineering notation, if it has few digits."""
    den = x.denominator
    for p in (2, 5):
        while den % p == 0:
            den //= p
    if den != 1:
        return None
    with localcontext() as ctx:
        ctx.prec = 60
        d = Decimal(x.numerator) / Decimal(x.denominator)
    digits = d.normalize().as_tuple()
    if len(digits.digits) > 12:
        return None
    return _engineering(d.normalize())


def _rounded(x: Fraction) -> str:
    with localcontext() as ctx:
        ctx.prec = SIGNIFICANT
        d = +(Decimal(x.numerator) / Decimal(x.denominator))
    return _engineering(d.normalize())


def _engineering(d: Decimal) -> str:
    if d == 0:
        return "0"
    exponent = d.adjusted()
    if -4 <= exponent < 6:
        return f"{d:f}"
    shift = exponent - exponent % 3
    mantissa = d.scaleb(-shift).normalize()
    return f"{mantissa:f}e{shift}"
