"""Currencies as CLDR gives them: the packaged symbol table holds to babel, names and minor units come from it."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify import parse_value, resources
from verify.errors import ValueParseError
from verify.values import cldr


def test_the_symbol_table_holds_every_symbol_babel_knows():
    # The file is written under each babel version the project supports, so it holds
    # what the running babel knows (and may hold more, from another version's CLDR).
    kept = resources.packaged("currency_symbols")["symbols"]
    missing = {s: sorted(set(codes) - set(kept.get(s, ()))) for s, codes in cldr.symbols_of_every_locale().items()}
    assert {s: c for s, c in missing.items() if c} == {}


def test_the_name_heads_hold_the_beginning_of_every_currency_name_babel_knows():
    # Like the symbols, written under each babel version the project supports; after the
    # symbols' test, babel has every locale's data loaded and this takes a moment.
    assert cldr.name_heads_of_every_locale() - cldr._name_heads() == set()


def test_a_word_after_a_number_that_begins_no_currency_name_loads_no_locale_names():
    from verify.values.lexicon import Lexicon

    lexicon = Lexicon.build()  # its own tables per locale, none built yet
    cldr.currency_names.cache_clear()
    assert parse_value("around $144 per share", locale="en_AU", lexicon=lexicon).currency == "AUD"
    assert parse_value("A$5 per person", locale="en_AU", lexicon=lexicon).currency == "AUD"
    assert cldr.currency_names.cache_info().currsize == 0
    assert parse_value("5 australian dollars", locale="en_AU", lexicon=lexicon).currency == "AUD"  # a CLDR name
    assert cldr.currency_names.cache_info().currsize == 1


WORDS = ["per share", "peruvian soles", "pesos", "dollars", "australian dollars", "euro", "euros", "yuan",
         "yen", "francs suisses", "couronnes danoises", "rupees", "rubles", "pounds", "shares", "people",
         "sol", "złote", "dirhams", "kr", "mdl", "lei", "bitcoin", "points", "pc", "p", "x"]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["5", "$5", "5,5", "2.5 million", "1 299,5"]), st.sampled_from(WORDS),
       st.text(alphabet="aeiouplnrstyzé ", max_size=6), st.sampled_from(["en_US", "fr_FR", "de_DE", "en_IN"]))
def test_reading_a_number_and_words_is_the_same_without_the_name_heads(number, word, tail, locale):
    from verify.values import grammar
    from verify.values.lexicon import default_lexicon

    text = f"{number} {word}{tail}"

    def read():
        try:
            return grammar.read(text, default_lexicon(), locale)
        except ValueParseError as exc:
            return exc.message

    filtered = read()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(grammar, "may_name_currency", lambda text, pos: True)
        assert read() == filtered


@pytest.mark.parametrize("symbol", ["TL", "kn"])
def test_symbols_marked_as_units_are_units(symbol):
    from verify.units import UnitError, pint_unit
    from verify.values.lexicon import default_lexicon

    lexicon = default_lexicon()
    assert lexicon.symbols[symbol].unit
    try:
        pint_unit(symbol)
    except UnitError:  # pint 0.23 does not know "kn"; the unit table does
        assert symbol.lower() in lexicon.units.pint_names


@pytest.mark.parametrize("text, locale, expected", [
    ("R5bn", "en_ZA", "ZAR"),
    ("L 5m", "es_HN", "HNL"),
    ("5 L", "en_US", None),       # litres: "L" is the lempira only in Honduras
    ("Q4", "es_GT", "GTQ"),
])
def test_one_letter_symbols_are_money_only_in_their_locale(text, locale, expected):
    assert parse_value(text, locale=locale).currency == expected


def test_a_quarter_is_not_a_quetzal_outside_guatemala():
    with pytest.raises(ValueParseError, match="expected a number"):
        parse_value("Q4", locale="en_US")


@pytest.mark.parametrize("code, digits", [("USD", 2), ("JPY", 0), ("KWD", 3), ("GBP", 2)])
def test_minor_units_come_from_iso_4217_through_cldr(code, digits):
    from babel.numbers import get_currency_precision

    assert cldr.minor_digits(code) == get_currency_precision(code) == digits


def test_sub_units_of_a_three_decimal_currency():
    # 500 fils: Kuwait's dinar has a thousandth as its minor unit
    assert cldr.minor_digits("KWD") == 3


@pytest.mark.parametrize("locale", ["en_US", "de_DE", "fr_FR", "ja_JP", "en_IN", "tr_TR"])
def test_every_currency_reads_by_its_cldr_name_in_the_locale(locale):
    """Each ISO 4217 currency's display name, as babel gives it in the locale, reads as that currency."""
    from babel import Locale

    names = cldr.currency_names(locale)
    currencies = Locale.parse(locale).currencies
    checked = 0
    for code, name in currencies.items():
        if names.get(name.lower()) != code or any(c.isdigit() or c in "()" for c in name):
            continue  # a name two currencies share is left to the hand table
        if name != code and name in currencies:
            continue  # another currency's code (babel 2.17 and 2.18 name VES "VEF" in en_IN): that code
        value = parse_value(f"5 {name}", locale=locale)
        assert value.currency == code, (name, value.currency)
        checked += 1
    assert checked > 100


@pytest.mark.parametrize("locale, home", [("en_AU", "AUD"), ("en_ZA", "ZAR"), ("de_CH", "CHF"), ("en", None)])
def test_the_currency_of_a_locale(locale, home):
    assert cldr.territory_currency(locale) == home


@pytest.mark.parametrize("text, locale, expected", [
    ("¥5", "zh_Hans_CN", "CNY"),  # the locale's currency, which the locale writes "¥"
    ("¥5", "ja_JP", "JPY"),
    ("$5", "en_AU", "AUD"),
    ("$5", "en_US", "USD"),
])
def test_a_shared_symbol_is_the_locales_currency_where_the_locale_writes_it_so(text, locale, expected):
    assert parse_value(text, locale=locale).currency == expected


def test_a_shared_symbol_the_locale_writes_for_another_currency_is_ambiguous():
    # Cantonese in China writes CNY as "CN¥"; from babel 2.19's CLDR on it writes JPY as
    # "¥", so there "¥5" is no guess for CNY. Before, it wrote "JP¥" and "¥" was the
    # locale's own currency. Each babel that pyproject.toml allows is held to its own data.
    from babel.numbers import get_currency_symbol

    assert get_currency_symbol("CNY", "yue_Hans_CN") == "CN¥"
    if get_currency_symbol("JPY", "yue_Hans_CN") == "¥":
        with pytest.raises(ValueParseError, match="'¥' is ambiguous: it can mean CNY, JPY"):
            parse_value("¥5", locale="yue_Hans_CN")
    else:
        assert get_currency_symbol("JPY", "yue_Hans_CN") == "JP¥"
        assert parse_value("¥5", locale="yue_Hans_CN").currency == "CNY"
