"""Exact numbers shown to people: short, and never claiming more than is true.

A value that a short decimal shows exactly is shown exactly ("280.15e9",
"$38.4B"); any other is cut to significant digits and marked with "…", so a
reader can tell a rounded display from an exact one. Money is formatted by babel.
"""

from __future__ import annotations

import functools
from decimal import Decimal, localcontext
from fractions import Fraction

SIGNIFICANT = 6


def number(x: Fraction | int) -> str:
    x = Fraction(x)
    if x.denominator == 1 and abs(x) < 10**6:
        return str(x.numerator)
    text = _short_decimal(x)
    return text if text is not None else _rounded(x) + "…"


def exact(x: Fraction | int) -> str:
    """The value itself, for machines: a decimal where one is finite, else p/q."""
    x = Fraction(x)
    text = _short_decimal(x, max_digits=60, engineering=False)
    return text if text is not None else f"{x.numerator}/{x.denominator}"


@functools.lru_cache(maxsize=4096)  # babel takes ~80 µs; a finding's amounts recur in its message and report
def money(x: Fraction | int, code: str, locale: str = "en_US") -> str:
    """Money the way a reader writes it, compact where it reads better ("$38.4B", "CN¥280.15B"),
    still exact, or marked "…" where cut to significant digits."""
    from babel.numbers import format_compact_currency, format_currency

    x = Fraction(x)
    shift = 0 if abs(x) < 1000 else min(3 * ((len(str(abs(x.numerator) // x.denominator)) - 1) // 3), 12)
    mantissa = x / 10**shift
    text = _short_decimal(mantissa, engineering=False)
    marker = ""
    if text is None:
        text, marker = _rounded(mantissa, engineering=False), "…"
    value = Decimal(text).scaleb(shift)
    if shift == 0:
        return format_currency(value, code, locale=locale, format="¤#,##0.######", currency_digits=False) + marker
    digits = len(text.partition(".")[2])
    return format_compact_currency(value, code, locale=locale, fraction_digits=digits) + marker


def _short_decimal(x: Fraction, max_digits: int = 12, engineering: bool = True) -> str | None:
    """The exact decimal form of x (in engineering notation), if it has at most `max_digits` digits."""
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
    if len(digits.digits) > max_digits:
        return None
    return _engineering(d.normalize()) if engineering else f"{d.normalize():f}"


def _rounded(x: Fraction, engineering: bool = True) -> str:
    with localcontext() as ctx:
        ctx.prec = SIGNIFICANT
        d = +(Decimal(x.numerator) / Decimal(x.denominator))
    return _engineering(d.normalize()) if engineering else f"{d.normalize():f}"


def _engineering(d: Decimal) -> str:
    if d == 0:
        return "0"
    exponent = d.adjusted()
    if -4 <= exponent < 6:
        return f"{d:f}"
    shift = exponent - exponent % 3
    mantissa = d.scaleb(-shift).normalize()
    return f"{mantissa:f}e{shift}"
