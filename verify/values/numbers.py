"""Numbers written with digits, read by the conventions of a locale (through babel).

Reading is strict: "1,234.5" in a decimal-comma locale is an error with a
suggestion, never silently 1.2345. The rounding step of the digits as written
(0.1 for "38.4") travels with the value, for the strict reading.
"""

from __future__ import annotations

import functools
import re
from fractions import Fraction

from verify import suggest
from verify.errors import ValueParseError
from verify.exact import Exact
from verify.record import Record
from verify.values import snapshot

_SPACES = " \u00a0\u202f\u2009"
_APOSTROPHES = "'\u2019"


class Written(Record):
    """A number as written: its exact value and the step of its last digit."""

    __slots__ = ("value", "step", "end")

    def __init__(self, value: Fraction, step: Fraction, end: int) -> None:
        self.value, self.step = value, step
        self.end = end  # offset just past the number in the text


class NumberFormat(Record):
    __slots__ = ("locale", "decimal", "group", "pattern", "wellformed")

    def __init__(self, locale: str, decimal: str, group: str, pattern: re.Pattern[str],
                 wellformed: re.Pattern[str]) -> None:
        self.locale, self.decimal, self.group, self.pattern = locale, decimal, group, pattern
        self.wellformed = wellformed  # the numbers the locale's CLDR pattern writes, grouped or not

    def read(self, text: str, pos: int) -> Written | None:
        """The number starting at `pos`, or None if no digit starts there."""
        m = self.pattern.match(text, pos)
        if not m:
            return None
        raw = m.group().rstrip(_SPACES + ".,'\u2019")
        end = pos + len(raw)
        if not raw.isascii():
            _refuse_other_scripts(raw, pos)
        canonical = self._canonical(raw)
        if not self.wellformed.fullmatch(canonical):
            raise ValueParseError(self._explain(raw, canonical), column=pos)
        whole, _, fraction = canonical.partition(self.decimal)
        digits = whole.replace(self.group, "") + fraction
        return Written(Exact.ratio(int(digits), 10 ** len(fraction)), Exact.ratio(1, 10 ** len(fraction)), end)

    def _canonical(self, raw: str) -> str:
        # Writers type a plain space or ' where the locale prints U+202F or ’ (or the other way round).
        if self.group in _SPACES:
            return re.sub(f"[{_SPACES}]", self.group, raw)
        if self.group in _APOSTROPHES:
            return re.sub(f"[{_APOSTROPHES}]", self.group, raw)
        return raw

    def _explain(self, raw: str, canonical: str) -> str:
        # babel's strict parse is asked only for its suggestions: it decides nothing, since
        # babel 2.19 accepts badly grouped de_CH numbers (it formats them without grouping).
        suggestions = []
        if suggest.SHOWN.get():
            from babel.numbers import NumberFormatError, parse_decimal

            try:
                parse_decimal(canonical, locale=self.locale, strict=True)
            except (NumberFormatError, ArithmeticError) as exc:
                suggestions = [s for s in getattr(exc, "suggestions", None) or [] if s and self.wellformed.fullmatch(s)]
        hint = f": did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        return (f"{raw!r} is not a number in locale {self.locale} "
                f"(decimal mark {self.decimal!r}, digit grouping {self.group!r}){hint}")


def _refuse_other_scripts(raw: str, pos: int) -> None:
    """Digits of another script (Arabic-Indic ٥, fullwidth ５) are refused with their ASCII
    form as the fix: a claim file states figures as the checks read them, in 0-9."""
    import unicodedata

    other = next((c for c in raw if c.isdigit() and not c.isascii()), None)
    if other is not None:
        ascii_form = "".join(str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else c for c in raw)
        name = unicodedata.name(other, f"U+{ord(other):04X}").lower()
        raise ValueParseError(f"{raw!r} is written in digits of another script ({name}): write the number "
                              f"with the digits 0-9, e.g. {ascii_form!r}", column=pos)


@functools.cache
def number_format(locale: str) -> NumberFormat:
    """How `locale` writes numbers: its symbols and grouping sizes, from CLDR (kept for
    en_US, through babel for the others).

    Digits are read against the pattern directly: a grouped number must be grouped as the
    locale groups (3 digits in most, 3 then 2 in en_IN), anything else is refused.
    """
    kept = snapshot.fact(locale, "number_symbols")
    decimal, group, grouping = (kept["decimal"], kept["group"], tuple(kept["grouping"])) if kept \
        else babel_number_symbols(locale)
    separators = {".", ",", decimal, group}
    if group in _SPACES:
        separators |= set(_SPACES)
    if group in _APOSTROPHES:
        separators |= set(_APOSTROPHES)
    chars = "".join(re.escape(c) for c in sorted(separators))
    d, g = re.escape(decimal), re.escape(group)
    grouped = ""
    if grouping and decimal != group and 0 < grouping[0] < 10:
        primary, secondary = grouping
        grouped = rf"[1-9][0-9]{{0,{secondary - 1}}}(?:{g}[0-9]{{{secondary}}})*{g}[0-9]{{{primary}}}|"
    wellformed = re.compile(rf"(?:{grouped}[0-9]+)(?:{d}[0-9]+)?", re.ASCII)
    return NumberFormat(locale, decimal, group, re.compile(rf"\d[\d{chars}]*"), wellformed)


def babel_number_symbols(locale: str) -> tuple[str, str, tuple[int, int] | None]:
    """The locale's decimal and group symbols and its grouping sizes (None without a decimal
    pattern), from CLDR through babel; a clear error for a locale babel does not know."""
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_decimal_symbol, get_group_symbol

    try:
        pattern = Locale.parse(locale).decimal_formats.get(None)
    except (UnknownLocaleError, ValueError, TypeError):
        raise ValueParseError(f"unknown locale {locale!r}: write a babel locale such as \"en_US\" or \"de_DE\"") from None
    return get_decimal_symbol(locale), get_group_symbol(locale), pattern.grouping if pattern is not None else None
