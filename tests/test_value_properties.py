"""Properties of the value grammar over every locale babel knows, and over generated text."""

from fractions import Fraction

import pytest
from cldr import cldr_reading
from babel import Locale, localedata
from babel.numbers import format_compact_currency, format_compact_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from verify import parse_value
from verify.errors import ValueParseError

LOCALES = sorted(localedata.locale_identifiers())
# Whole numbers of each size that compact patterns shorten: shown without a fraction digit.
NUMBERS = (2_000, 45_000, 3_000_000, 120_000_000_000)


def read_back(text, locale, number):
    """Whether `text` (babel's compact writing of `number` in `locale`) reads as `number`;
    None where CLDR gives the locale one word for two sizes, which must be a problem."""
    try:
        value = parse_value(text, locale=locale)
    except ValueParseError as refused:
        assert "stands for more than one power of ten" in refused.message, (locale, text, refused.message)
        return None
    return value.strict.interval.contains(number)


def babel_miscounts(locale, kind, number, table="compact_decimal_formats"):
    """Whether babel writes `number` wrong in this locale: with a pattern that has a negative
    form ("elfu 0;elfu -0", "0B;-0B"), babel counts the zeros of both forms and writes 2,000
    as "elfu 20", which CLDR's pattern makes 20,000."""
    patterns = (getattr(Locale.parse(locale), table).get(kind) or {}).get("other", {})
    size = max((int(m) for m in patterns if int(m) <= number), default=None)
    return size is not None and ";" in patterns[str(size)].pattern


def test_every_locale_reads_its_own_compact_numbers_back():
    read, ambiguous = 0, 0
    for locale in LOCALES:
        for number in NUMBERS:
            for kind in ("short", "long"):
                if not Locale.parse(locale).compact_decimal_formats.get(kind) or babel_miscounts(locale, kind, number):
                    continue  # nothing CLDR writes (babel 2.14 has no long forms for some locales)
                text = format_compact_decimal(number, format_type=kind, locale=locale)
                result = read_back(text, locale, number)
                assert result is not False, f"{text!r} in {locale} does not read as {number}"
                read, ambiguous = read + (result is True), ambiguous + (result is None)
    assert ambiguous < read / 100  # the few locales whose CLDR data is ambiguous


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(LOCALES), st.integers(1, 999), st.integers(3, 12), st.sampled_from(["EUR", "USD", "JPY"]))
def test_compact_currency_amounts_read_back_in_their_locale(locale, digits, power, code):
    number = digits * 10 ** power
    if babel_miscounts(locale, "short", number, "compact_currency_formats"):
        return
    text = format_compact_currency(number, code, locale=locale)
    try:
        value = parse_value(text, locale=locale)
    except ValueParseError as refused:
        # CLDR's one word for two sizes, or a symbol the locale shares between currencies.
        assert "more than one power of ten" in refused.message or "ambiguous" in refused.message or \
            "can be" in refused.message, (locale, text, refused.message)
        return
    assert value.strict.interval.contains(number), (locale, text, str(value.strict))
    assert value.currency == code, (locale, text, value.currency)


SCALES = ["", "k", " thousand", "m", " million", "bn", " billion", "tn", " trillion"]
CURRENCIES = [("", None), ("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("US$", "USD"), ("RMB ", "CNY"), ("A$", "AUD")]


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 999), st.integers(0, 999), st.sampled_from(SCALES), st.sampled_from(CURRENCIES),
       st.sampled_from(["-", "–", " to "]), st.booleans())
def test_a_range_has_both_ends_in_its_scale_and_currency(a, b, scale, currency, joiner, both):
    low, high = sorted((a, b))
    symbol, code = currency
    second = f"{symbol}{high}{scale}" if both else f"{high}"
    text = f"{symbol}{low}{scale if both else ''}{joiner}{second}{'' if both else scale}"
    value = parse_value(text)
    factor = {"": 1, "k": 10**3, " thousand": 10**3, "m": 10**6, " million": 10**6, "bn": 10**9,
              " billion": 10**9, "tn": 10**12, " trillion": 10**12}[scale]
    half = Fraction(factor, 2)
    assert (value.strict.interval.lo, value.strict.interval.hi) == (low * factor - half, high * factor + half)
    assert value.currency == code


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 999), st.integers(1, 999), st.sampled_from(SCALES[1:]))
def test_a_range_written_high_to_low_is_refused(a, b, scale):
    if a <= b:
        a, b = b + 1, a
    with pytest.raises(ValueParseError, match="from high to low"):
        parse_value(f"${a}-{b}{scale}")


WORDS = ["twenty", "one", "hundred", "and", "-", "a", "third", "quarter", "million", "in", "five", "doubled",
         "fold", "x", "per", "cent", "minus", "(", ")", "$", "€", "¥", "TL", "kn", "p", "c", "C", "%", "bn",
         "between", "to", "about", "nearly", "−", ",", ".", "1", "5", "0", " ", "lakh", "crore", "Mrd.", "de"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join), st.sampled_from(["en_US", "de_DE", "en_IN"]))
def test_any_mix_of_the_grammars_words_raises_only_our_error(text, locale):
    try:
        value = parse_value(text, locale=locale)
    except ValueParseError as refused:
        assert refused.message
    else:
        assert value.strict.interval.within(value.loose.interval)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(LOCALES),
       st.decimals(min_value=0, max_value=10**12, places=3, allow_nan=False, allow_infinity=False))
def test_every_locale_reads_the_numbers_babel_writes_for_it(locale, number):
    from babel.numbers import format_decimal

    text = format_decimal(number, locale=locale)
    if cldr_reading(text, locale) is None:
        # babel wrote what its locale's own pattern does not (babel 2.19 writes a billion in
        # de_CH as "1000000'000"): such text is refused, never guessed at
        with pytest.raises(ValueParseError):
            parse_value(text, locale=locale)
    else:
        assert parse_value(text, locale=locale).nominal == Fraction(number), (locale, text)
