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


# Past this many bits (about 300 digits) a numerator or denominator is no figure anyone
# wrote, only a product of many: it is shown rounded, and written out through Decimal,
# since str() refuses ints of more than 4,300 digits.
HUGE_BITS = 1000
# Money from here up is past every compact unit babel has (and its 28-digit context):
# written as the currency code and the number.
HUGE_MONEY = 10**21


def _huge(x: Fraction) -> bool:
    return x.numerator.bit_length() > HUGE_BITS or x.denominator.bit_length() > HUGE_BITS


def number(x: Fraction | int) -> str:
    x = x if isinstance(x, Fraction) else Fraction(x)
    if x.denominator == 1 and abs(x) < 10**6:
        return str(x.numerator)
    text = None if _huge(x) else _short_decimal(x)
    return text if text is not None else _rounded(x) + "…"


def exact(x: Fraction | int) -> str:
    """The value itself, for machines: a decimal where one is finite, else p/q."""
    x = x if isinstance(x, Fraction) else Fraction(x)
    if _huge(x):
        whole = str(Decimal(x.numerator))  # every digit, exactly
        return whole if x.denominator == 1 else f"{whole}/{Decimal(x.denominator)}"
    text = _short_decimal(x, max_digits=60, engineering=False)
    return text if text is not None else f"{x.numerator}/{x.denominator}"


@functools.lru_cache(maxsize=4096)  # a finding's amounts recur in its message and report
def money(x: Fraction | int, code: str, locale: str = "en_US") -> str:
    """Money the way a reader writes it, compact where it reads better ("$38.4B", "CN¥280.15B"),
    still exact, or marked "…" where cut to significant digits."""
    x = x if isinstance(x, Fraction) else Fraction(x)
    if abs(x) >= HUGE_MONEY:
        return f"{code} {number(x)}"
    shift = 0 if abs(x) < 1000 else min(3 * ((len(str(abs(x.numerator) // x.denominator)) - 1) // 3), 12)
    mantissa = x / 10**shift
    text = _short_decimal(mantissa, engineering=False)
    marker = ""
    if text is None:
        text, marker = _rounded(mantissa, engineering=False), "…"
    return _formatted(text, shift, code, locale) + marker


def _formatted(text: str, shift: int, code: str, locale: str) -> str:
    """The decimal `text` × 10**shift as babel formats it, from a template where one applies."""
    whole, _, fraction = text.lstrip("-").partition(".")
    # A compact amount under 1 is in no magnitude's bucket: the probe's template is not its own.
    template = None if shift and whole.startswith("0") else \
        _template(code, locale, shift, text.startswith("-"), len(whole), len(fraction))
    if template is None:
        return _babel_money(text, shift, code, locale)
    before, point, after = template
    return f"{before}{whole}{point}{fraction}{after}"


def _babel_money(text: str, shift: int, code: str, locale: str) -> str:
    """babel's formatting of the decimal `text` × 10**shift: the truth that templates copy."""
    from babel.numbers import format_compact_currency, format_currency

    value = Decimal(text).scaleb(shift)
    if shift == 0:
        return format_currency(value, code, locale=locale, format="¤#,##0.######", currency_digits=False)
    digits = len(text.partition(".")[2])
    return format_compact_currency(value, code, locale=locale, fraction_digits=digits)


@functools.lru_cache(maxsize=None)
def _template(code: str, locale: str, shift: int, negative: bool, whole: int, fraction: int):
    """`babel_template`'s answer, kept for the default locale's currencies (no babel loaded)."""
    from verify.values import snapshot

    return snapshot.money_template(code, locale, shift, negative, whole, fraction) or \
        babel_template(code, locale, shift, negative, whole, fraction)


def babel_template(code: str, locale: str, shift: int, negative: bool, whole: int, fraction: int):
    """What babel writes around the digits of every amount of this shape, or None where the
    digits babel writes are not the mantissa's own (a locale counting in 10⁴ or 10⁷, grouped
    or rounded digits, plural-dependent patterns): those amounts go to babel each time.

    babel takes ~90 µs an amount; the template, read off one probe amount of the same
    shape, a few µs. A hypothesis test holds the two to the same text."""
    if shift and not _plural_free(locale):
        return None
    probe = "-" * negative + "1" * whole + ("." + "1" * fraction if fraction else "")
    out = _babel_money(probe, shift, code, locale)
    first, last = out.find("1"), out.rfind("1")
    digits = out[first:last + 1]
    point = digits[whole:len(digits) - fraction] if fraction else ""
    if first < 0 or digits != "1" * whole + point + "1" * fraction or any(c.isdigit() for c in point) \
            or (fraction and not point):
        return None
    return out[:first], point, out[last + 1:]


@functools.lru_cache(maxsize=None)
def _plural_free(locale: str) -> bool:
    """The locale's compact currency patterns are the same for every plural form."""
    from babel import Locale

    patterns = Locale.parse(locale).compact_currency_formats["short"]
    return "1" not in patterns and all(
        str(forms.get(m)) == str(patterns["other"].get(m)) for forms in patterns.values() for m in patterns["other"])


def _short_decimal(x: Fraction, max_digits: int = 12, engineering: bool = True) -> str | None:
    """The exact decimal form of x (in engineering notation), if it has at most `max_digits` digits.

    In integers, not Decimal: a report shows tens of thousands of numbers."""
    n, d = x.numerator, x.denominator
    twos = fives = 0
    while not d & 1:
        d >>= 1
        twos += 1
    while not d % 5:
        d //= 5
        fives += 1
    if d != 1:
        return None
    places = max(twos, fives)  # x = n · 10**places / denominator · 10**-places, an integer over 10**places
    scaled = abs(n) * (10**places // x.denominator)
    digits = str(scaled).rstrip("0") or "0"
    exponent = len(str(scaled)) - len(digits) - places if scaled else 0
    if len(digits) > max_digits:
        return None
    sign = "-" if n < 0 else ""
    if engineering:
        adjusted = len(digits) - 1 + exponent
        if not -4 <= adjusted < 6 and scaled:
            shift = adjusted - adjusted % 3
            return f"{sign}{_plain(digits, exponent - shift)}e{shift}"
    return sign + _plain(digits, exponent)


def _plain(digits: str, exponent: int) -> str:
    """digits × 10**exponent, written out."""
    if exponent >= 0:
        return digits + "0" * exponent if digits != "0" else "0"
    point = len(digits) + exponent
    if point > 0:
        return f"{digits[:point]}.{digits[point:]}"
    return f"0.{'0' * -point}{digits}"


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
