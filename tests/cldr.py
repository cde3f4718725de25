"""A reference reading of numbers from CLDR's data, independent of babel's parser."""

from fractions import Fraction


def cldr_reading(text, locale):
    """What `text` means under the locale's CLDR number pattern, or None where the pattern does not write it.

    Built from CLDR's data (symbols and grouping sizes), not from babel's parser: babel's
    strict `parse_decimal` compares a number with babel's own formatting of it, and babel
    2.19 formats de_CH (group symbol U+0027 there, U+2019 up to 2.18) without any grouping, so it
    refuses "1'000'000", which is how Switzerland writes a million and what CLDR's pattern
    "#,##0.###" with that symbol gives.
    """
    from babel import Locale
    from babel.numbers import get_decimal_symbol, get_group_symbol

    primary, secondary = Locale.parse(locale).decimal_formats[None].grouping
    group, decimal = get_group_symbol(locale), get_decimal_symbol(locale)
    whole, point, fraction = text.partition(decimal)
    if point and not (fraction.isascii() and fraction.isdigit()):
        return None
    groups = whole.split(group)
    if not all(g.isascii() and g.isdigit() for g in groups):
        return None
    if len(groups) > 1:
        *head, last = groups
        lead, *middle = head
        if (len(last) != primary or any(len(g) != secondary for g in middle)
                or not 1 <= len(lead) <= secondary or lead.startswith("0")):
            return None
    return Fraction(f"{''.join(groups)}.{fraction or 0}")
