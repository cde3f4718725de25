from fractions import Fraction

import pytest
from cldr import cldr_reading
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from verify import parse_value
from verify.errors import ValueParseError
from verify.interval import Interval


def strict(text, **kw):
    return str(parse_value(text, **kw).strict)


def loose(text, **kw):
    return str(parse_value(text, **kw).loose)


@pytest.mark.parametrize("text, expected", [
    ("RMB ¥280.2bn", "[CN¥280.15B, CN¥280.25B]"),
    ("$38.4 billion", "[$38.35B, $38.45B]"),
    ("€36.96bn", "[€36.955B, €36.965B]"),
    ("US$ 5bn", "[$4.5B, $5.5B]"),
    ("USD 5bn", "[$4.5B, $5.5B]"),
    ("5bn USD", "[$4.5B, $5.5B]"),
    ("HK$12.5m", "[HK$12.45M, HK$12.55M]"),
    ("CN¥3tn", "[CN¥2.5T, CN¥3.5T]"),
    ("JP¥900 million", "[¥899.5M, ¥900.5M]"),
    ("£1.2 trillion", "[£1.15T, £1.25T]"),
    ("50 euros", "[€49.5, €50.5]"),
    ("8 yuan", "[CN¥7.5, CN¥8.5]"),
    ("194,000", "[193999.5, 194000.5]"),
    ("12k", "[11500, 12500]"),
    ("8%", "[7.5, 8.5] %"),
    ("61 percent", "[60.5, 61.5] %"),
    ("3 percentage points", "[2.5, 3.5] pp"),
    ("0.5pp", "[0.45, 0.55] pp"),
    ("25 bps", "[24.5, 25.5] bp"),
    ("over 194,000 employees", "(194000, 213400] employee"),
    ("nearly seven million shares", "[6.65e6, 7e6] share"),
    ("around $144 per share", "[$140.4, $147.6] per share"),
    ("$5 a year", "[$4.5, $5.5] per year"),
    ("a dozen", "[11.5, 12.5]"),
    ("half a billion dollars", "[$450M, $550M]"),
    ("a billion dollars", "[$500M, $1.5B]"),
    ("twenty models", "[19.5, 20.5] model"),
])
def test_strict_readings(text, expected):
    assert strict(text) == expected


@pytest.mark.parametrize("text, strict_reading, loose_reading", [
    # nearly x: strict [0.95x, x], loose [0.85x, x]; no floor (the tolerance is the relation's)
    ("nearly 60%", "[57, 60] %", "[51, 60] %"),
    ("over $100 billion", "($100B, $110B]", "($100B, inf)"),
    ("more than 90,000 models", "(90000, 99000] model", "(90000, inf) model"),
    # about x: x ± 2.5% strict, ± 10% loose, never narrower than the digits
    ("about 40%", "[39, 41] %", "[36, 44] %"),
    ("about 4%", "[3.5, 4.5] %", "[3.5, 4.5] %"),
    ("just over 8%", "(8, 8.16] %", "(8, 8.4] %"),
    ("at least 5", "[5, 5.5]", "[5, inf)"),
    ("up to 5%", "[4.5, 5] %", "[0, 5] %"),
    ("under 10%", "[9, 10) %", "(0, 10) %"),
    # ranges: the digits of both ends
    ("5-6%", "[4.5, 6.5] %", "[4.5, 6.5] %"),
    ("between $5bn and $6bn", "[$4.5B, $6.5B]", "[$4.5B, $6.5B]"),
    ("$5.0bn to $6.0bn", "[$4.95B, $6.05B]", "[$4.95B, $6.05B]"),
    # magnitudes, ranks and directions
    ("triple-digit", "[100, 1000) %", "[100, 1000) %"),
    ("double-digit growth", "[10, 100) %", "[10, 100) %"),
    ("fourth largest", "[4] rank", "[4] rank"),
    ("No. 4", "[4] rank", "[4] rank"),
    ("4th", "[4] rank", "[4] rank"),
    ("down 5%", "[-5.5, -4.5] %", "[-5.5, -4.5] %"),
    ("fell 12.5%", "[-12.55, -12.45] %", "[-12.55, -12.45] %"),
    ("up nearly 60%", "[57, 60] %", "[51, 60] %"),
    ("-3 pp", "[-3.5, -2.5] pp", "[-3.5, -2.5] pp"),
])
def test_hedges_ranges_and_readings(text, strict_reading, loose_reading):
    assert (strict(text), loose(text)) == (strict_reading, loose_reading)


def test_value_keeps_its_text_and_exposes_its_parts():
    v = parse_value("nearly RMB ¥48.9bn")
    assert v.text == "nearly RMB ¥48.9bn" and str(v) == v.text
    assert (v.currency, v.hedge, v.unit.currency) == ("CNY", "nearly", "CNY")
    assert v.nominal == Fraction(489, 10) * 10**9
    assert isinstance(v.strict.interval.lo, Fraction)
    assert parse_value("up 8%").direction == "up"
    assert parse_value("fourth largest").rank == 4


def test_precision_override():
    assert strict("$38.4 billion", precision="exact") == "[$38.4B]"
    assert loose("$38.4 billion", precision="exact") == "[$38.4B]"
    assert strict("$38.4 billion", precision=Fraction(1, 2)) == "[$38.15B, $38.65B]"


@pytest.mark.parametrize("text, locale, expected", [
    ("1.299,5", "de_DE", "[1299.45, 1299.55]"),
    ("1 299,5", "fr_FR", "[1299.45, 1299.55]"),
    ("1\u202f299,5 €", "fr_FR", "[€1.29945K, €1.29955K]"),
    ("1’299.5", "de_CH", "[1299.45, 1299.55]"),
    ("1'299.5", "de_CH", "[1299.45, 1299.55]"),
    ("12,34,567", "en_IN", "[1.2345665e6, 1.2345675e6]"),
    ("38.4", "de_DE", None),
    ("1,000.5", "fr_FR", None),
])
def test_locale_numbers(text, locale, expected):
    if expected is None:
        with pytest.raises(ValueParseError):
            parse_value(text, locale=locale)
    else:
        assert strict(text, locale=locale) == expected


def test_a_number_in_the_wrong_locale_is_never_silently_misread():
    with pytest.raises(ValueParseError, match=r"not a number in locale de_DE.*'1\.234,5'"):
        parse_value("1,234.5", locale="de_DE")
    with pytest.raises(ValueParseError, match="not a number in locale en_US"):
        parse_value("1.234,5", locale="en_US")


@pytest.mark.parametrize("text, currency, expected", [
    ("¥5bn", "JPY", "JPY"),
    ("¥5bn", "CNY", "CNY"),
    ("RMB ¥5bn", None, "CNY"),
    ("$5bn", None, "USD"),
    ("$5bn", "HKD", "HKD"),
    ("RMB ¥5bn", "JPY", "CNY"),  # an unambiguous symbol wins over a default currency
    ("5bn", "CNY", None),  # `currency` settles symbols; it does not make a number money
])
def test_currency_resolution(text, currency, expected):
    assert parse_value(text, currency=currency).currency == expected


@pytest.mark.parametrize("text, kwargs, message", [
    ("¥280.2bn", {}, r"ambiguous.*CNY, JPY.*\"CN¥\" or \"RMB ¥\".*\"JP¥\".*currency = \"CNY\""),
    ("kr 5m", {}, r"ambiguous.*SEK"),
    ("¥5bn", {"currency": "USD"}, r"cannot mean USD"),
    ("US$ 5 yuan", {}, r"name different currencies"),
    ("$5bn widgets", {}, r"unknown unit 'widgets'.*count noun"),
    ("", {}, r"empty"),
    ("   ", {}, r"empty"),
    ("abc", {}, r"expected a number"),
    ("nearly", {}, r"expected a number"),
    ("a", {}, r"needs a scale word"),
    ("5 per", {}, r"ends where a unit should follow"),
    ("5%%", {}, r"cannot read '%'"),
    ("between 5 or 6", {}, r"needs \"and\""),
    ("x" * 301, {}, r"at most 300 characters"),
    ("5", {"locale": "xx_YY"}, r"unknown locale"),
    ("fourth largest cloud", {}, r"after a rank"),
])
def test_bad_values_say_what_to_write(text, kwargs, message):
    with pytest.raises(ValueParseError, match=message):
        parse_value(text, **kwargs)


def test_non_string_values_are_refused_clearly():
    with pytest.raises(ValueParseError, match="must be a string"):
        parse_value(38.4)


LOCALES = ["en_US", "de_DE", "fr_FR", "de_CH", "en_IN", "es_ES", "it_IT", "pt_BR", "ja_JP", "zh_CN"]


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=0, max_value=10**12, places=3, allow_nan=False, allow_infinity=False),
       st.sampled_from(LOCALES))
def test_any_number_the_locale_writes_parses_back(number, locale):
    written = cldr_writing(number, locale)
    assert cldr_reading(written, locale) == number
    assert parse_value(written, locale=locale).nominal == Fraction(number)
    if locale != "de_CH":  # babel 2.19 writes de_CH without its grouping (see cldr_reading)
        assert parse_value(format_decimal(number, locale=locale), locale=locale).nominal == Fraction(number)


def cldr_writing(number, locale):
    """`number` as the locale's CLDR pattern writes it: grouped by its sizes, with its symbols."""
    from babel import Locale
    from babel.numbers import get_decimal_symbol, get_group_symbol

    primary, secondary = Locale.parse(locale).decimal_formats[None].grouping
    whole, _, fraction = f"{number:f}".partition(".")
    fraction = fraction.rstrip("0")
    groups = [whole[-primary:]]
    whole = whole[:-primary]
    while whole:
        groups.insert(0, whole[-secondary:])
        whole = whole[:-secondary]
    text = get_group_symbol(locale).join(groups)
    return text + get_decimal_symbol(locale) + fraction if fraction else text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_parsing_arbitrary_text_raises_only_our_own_error(text):
    try:
        value = parse_value(text)
    except ValueParseError as exc:
        assert exc.message
    else:
        assert value.strict.interval.within(value.loose.interval)


values = st.builds(
    lambda hedge, sign, number, scale, unit: f"{hedge}{sign}{number}{scale}{unit}",
    st.sampled_from(["", "about ", "nearly ", "over ", "just under ", "at least ", "up to ", "some "]),
    st.sampled_from(["", "$", "€", "RMB ¥", "US$"]),
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False).map(str),
    st.sampled_from(["", "k", " million", "bn", " trillion"]),
    st.sampled_from(["", " shares", " employees"]),
)


@settings(max_examples=300, deadline=None)
@given(values, st.sampled_from([None, "exact", "0.5"]))
def test_the_strict_reading_lies_inside_the_loose_one(text, precision):
    value = parse_value(text, precision=precision)
    assert value.strict.interval.within(value.loose.interval)
    assert value.strict.unit == value.loose.unit


@settings(max_examples=200, deadline=None)
@given(st.fractions(min_value=0, max_value=10**9, max_denominator=1).map(int))
def test_the_strict_reading_contains_the_written_number(n):
    value = parse_value(f"{n:,}")
    assert value.strict.interval.contains(n)
    assert value.strict.interval == Interval(n - Fraction(1, 2), n + Fraction(1, 2))


@st.composite
def digit_strings(draw):
    """Numbers as people type them in `locale`: grouped or not, well or badly, with decimals or not."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    locale = draw(st.sampled_from(LOCALES))
    group, decimal = get_group_symbol(locale), get_decimal_symbol(locale)
    whole = str(draw(st.integers(min_value=0, max_value=10**12)))
    if draw(st.booleans()):
        size = draw(st.sampled_from([3, 3, 3, 2, 4]))  # mostly right, sometimes not
        head = len(whole) % size or size
        whole = group.join([whole[:head]] + [whole[i:i + size] for i in range(head, len(whole), size)])
    if draw(st.booleans()):
        whole += draw(st.sampled_from([decimal, decimal, group])) + draw(st.text("0123456789", min_size=1, max_size=4))
    return whole, locale


@pytest.mark.parametrize("text, locale, expected", [
    ("1{g}000{g}000", "de_CH", 1_000_000),   # the Swiss way, with CLDR's group symbol for de_CH
    ("12,34,567", "en_IN", 1_234_567),       # lakh grouping
    ("1.234.567,5", "de_DE", Fraction(12_345_675, 10)),
    ("1{g}0000", "de_CH", None),
    ("1,000,12", "en_US", None),
])
def test_the_cldr_reference_reads_what_each_locale_writes(text, locale, expected):
    from babel.numbers import get_group_symbol

    # de_CH's group symbol is U+2019 up to babel 2.18 and U+0027 from babel 2.19 on.
    assert cldr_reading(text.format(g=get_group_symbol(locale)), locale) == expected


@pytest.mark.parametrize("text", ["1'000'000", "1\u2019000\u2019000", "1000000"])
def test_swiss_numbers_read_with_either_apostrophe(text):
    # babel's de_CH group symbol was U+2019 up to 2.18 and is U+0027 from 2.19; writers use both.
    assert parse_value(text, locale="de_CH").nominal == 1_000_000


@settings(max_examples=500, deadline=None)
@given(digit_strings())
def test_numbers_read_as_the_locales_cldr_pattern_says(case):
    """Digits read (directly on the fast path, or through babel) as the locale's CLDR pattern defines them."""
    from verify.values.numbers import number_format

    text, locale = case
    expected = cldr_reading(text, locale)
    try:
        written = number_format(locale).read(text, 0)
    except ValueParseError:
        assert expected is None, f"{text!r} is a number in {locale}, but verify refuses it"
    else:
        assert written is not None and written.end == len(text)
        assert written.value == expected, f"{text!r} in {locale}: read {written.value}, CLDR says {expected}"


@given(st.sets(st.text(alphabet="ab1_é億$. ²", min_size=1, max_size=4), min_size=1, max_size=8),
       st.text(alphabet="ab1_é億$. ²", max_size=8), st.integers(0, 8))
def test_a_few_words_match_as_their_pattern_does(words, text, pos):
    from verify.values.grammar import _alternatives, _Few

    pattern, few = _alternatives(words).match(text, pos), _Few(words).match(text, pos)
    assert (pattern and pattern.end()) == (few and few.end())
