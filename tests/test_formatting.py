"""Numbers and money shown to people: exact where short, marked "…" where cut, and money
written exactly as babel writes it (most of it from templates read off babel)."""

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify import formatting

LOCALES = ["en_US", "en_GB", "de_DE", "fr_FR", "ja_JP", "zh_CN", "en_IN", "ru_RU", "ar_EG", "pt_BR", "es_ES",
           "de_CH", "nl_NL", "hi_IN"]
CODES = ["USD", "EUR", "CNY", "JPY", "GBP", "INR", "CHF", "HKD"]


@pytest.mark.parametrize("x, code, locale, expected", [
    (Fraction(384, 10) * 10**9, "USD", "en_US", "$38.4B"),
    (Fraction(28015, 100) * 10**9, "CNY", "en_US", "CN¥280.15B"),
    (Fraction(-12, 10) * 10**9, "USD", "en_US", "-$1.2B"),
    (Fraction(144), "USD", "en_US", "$144"),
    (Fraction(1, 2), "EUR", "de_DE", "€0,5"),  # our pattern, the local symbols
    (Fraction(384, 10) * 10**9, "EUR", "de_DE", "38,4\xa0Mrd.\xa0€"),
    (Fraction(10**9, 3), "USD", "en_US", "$333.333M…"),
    (Fraction(384, 10) * 10**9, "JPY", "ja_JP", "￥384億"),  # counted in 10⁴: babel's own digits
])
def test_money_is_compact_and_exact_or_marked(x, code, locale, expected):
    assert formatting.money(x, code, locale) == expected


def mantissas():
    """Decimal texts of every shape money() hands to babel: a sign, 1 to 4 whole digits, 0 to 8 more."""
    whole = st.integers(0, 9999).map(str)
    fraction = st.text("0123456789", max_size=8).map(lambda s: s.rstrip("0"))
    return st.builds(lambda sign, w, f: f"{sign}{w}{'.' + f if f else ''}", st.sampled_from(["", "-"]), whole, fraction)


@settings(max_examples=400)
@given(mantissas(), st.sampled_from([0, 3, 6, 9, 12]), st.sampled_from(CODES), st.sampled_from(LOCALES))
def test_templated_money_is_what_babel_writes(text, shift, code, locale):
    assert formatting._formatted(text, shift, code, locale) == formatting._babel_money(text, shift, code, locale)


def test_a_template_is_refused_where_babel_does_not_write_the_digits_given():
    assert formatting._template("USD", "en_US", 9, False, 2, 1) == ("$", ".", "B")
    assert formatting._template("JPY", "ja_JP", 9, False, 2, 1) is None  # 億 is 10⁸
    assert formatting._template("USD", "en_US", 0, False, 1, 7) is None  # the pattern keeps six decimals


def _decimal_oracle(x, max_digits, engineering):
    """What the short decimal is, by the decimal module: finite, then normalised."""
    from decimal import Decimal, localcontext

    den = x.denominator
    for p in (2, 5):
        while den % p == 0:
            den //= p
    if den != 1:
        return None
    with localcontext() as ctx:
        ctx.prec = 80
        d = (Decimal(x.numerator) / Decimal(x.denominator)).normalize()
    if len(d.as_tuple().digits) > max_digits:
        return None
    if not engineering or d == 0 or -4 <= d.adjusted() < 6:
        return f"{d:f}"
    shift = d.adjusted() - d.adjusted() % 3
    return f"{d.scaleb(-shift).normalize():f}e{shift}"


@given(st.integers(-10**15, 10**15), st.integers(0, 14), st.integers(0, 14), st.sampled_from([1, 3, 7]),
       st.sampled_from([6, 12, 60]), st.booleans())
def test_a_short_decimal_is_the_exact_decimal(n, twos, fives, other, max_digits, engineering):
    x = Fraction(n, 2**twos * 5**fives * other)
    assert formatting._short_decimal(x, max_digits, engineering) == _decimal_oracle(x, max_digits, engineering)
