"""Numbers written with digits, read by the conventions of a locale (through babel).

Reading is strict: "1,234.5" in a decimal-comma locale is an error with a
suggestion, never silently 1.2345. The rounding step of the digits as written
(0.1 for "38.4") travels with the value, for the strict reading.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from fractions import Fraction

import attrs

from verify.errors import ValueParseError
from verify.exact import Exact

_SPACES = " \u00a0\u202f\u2009"
_APOSTROPHES = "'\u2019"


@attrs.frozen
class Written:
    """A number as written: its exact value and the step of its last digit."""

    value: Fraction
    step: Fraction
    end: int  # offset just past the number in the text


@attrs.frozen
class NumberFormat:
    locale: str
    decimal: str
    group: str
    pattern: re.Pattern[str]
    plain: re.Pattern[str] | None  # numbers this locale surely writes so; None: ask babel every time

    def read(self, text: str, pos: int) -> Written | None:
        """The number starting at `pos`, or None if no digit starts there."""
        m = self.pattern.match(text, pos)
        if not m:
            return None
        raw = m.group().rstrip(_SPACES + ".,'\u2019")
        end = pos + len(raw)
        canonical = self._canonical(raw)
        decimals = len(canonical.rpartition(self.decimal)[2]) if self.decimal in canonical else 0
        if self.plain is not None and self.plain.fullmatch(canonical):
            # What babel would accept, read directly: babel's strict parse costs most of a value's time.
            digits = canonical.replace(self.group, "").replace(self.decimal, "")
            return Written(Exact.ratio(int(digits), 10**decimals), Exact.ratio(1, 10**decimals), end)
        try:
            from babel.numbers import NumberFormatError, parse_decimal

            number = parse_decimal(canonical, locale=self.locale, strict=True)
        except NumberFormatError as exc:
            raise ValueParseError(self._explain(raw, exc), column=pos) from None
        return Written(Exact(Decimal(number)), Exact(1, 10**decimals), end)

    def _canonical(self, raw: str) -> str:
        # Writers type a plain space or ' where the locale prints U+202F or ’.
        if self.group in _SPACES:
            return re.sub(f"[{_SPACES}]", self.group, raw)
        if self.group in _APOSTROPHES:
            return re.sub(f"[{_APOSTROPHES}]", self.group, raw)
        return raw

    def _explain(self, raw: str, exc: Exception) -> str:
        suggestions = [s for s in getattr(exc, "suggestions", None) or [] if s]
        hint = f": did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        return (f"{raw!r} is not a number in locale {self.locale} "
                f"(decimal mark {self.decimal!r}, digit grouping {self.group!r}){hint}")


@functools.cache
def number_format(locale: str) -> NumberFormat:
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_decimal_symbol, get_group_symbol

    try:
        pattern = Locale.parse(locale).decimal_formats.get(None)
    except (UnknownLocaleError, ValueError, TypeError):
        raise ValueParseError(f"unknown locale {locale!r}: write a babel locale such as \"en_US\" or \"de_DE\"") from None
    decimal, group = get_decimal_symbol(locale), get_group_symbol(locale)
    separators = {".", ",", decimal, group}
    if group in _SPACES:
        separators |= set(_SPACES)
    if group in _APOSTROPHES:
        separators |= set(_APOSTROPHES)
    chars = "".join(re.escape(c) for c in sorted(separators))
    plain = None
    if pattern is not None and pattern.grouping == (3, 3) and decimal != group:
        d, g = re.escape(decimal), re.escape(group)
        plain = re.compile(rf"(?:[1-9][0-9]{{0,2}}(?:{g}[0-9]{{3}})+|[0-9]+)(?:{d}[0-9]+)?")
    return NumberFormat(locale, decimal, group, re.compile(rf"\d[\d{chars}]*"), plain)
