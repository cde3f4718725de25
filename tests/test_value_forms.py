"""The forms news writes beyond plain figures: each read right, or refused with the fix."""

import pytest

from verify import parse_value
from verify.errors import ValueParseError


def strict(text, **kw):
    return str(parse_value(text, **kw).strict)


@pytest.mark.parametrize("text, expected", [
    # the scale and currency of a range reach both ends
    ("$5-6 billion", "[$4.5B, $6.5B]"),
    ("5 to 6 million people", "[4.5e6, 6.5e6] person"),
    ("€3bn-€4bn", "[€2.5B, €4.5B]"),
    ("$5bn-$6.5bn", "[$4.5B, $6.55B]"),
    ("between 5% and 10%", "[4.5, 10.5] %"),
    ("5%-10%", "[4.5, 10.5] %"),
    ("between five and six million", "[4.5e6, 6.5e6]"),
    # number words of any size
    ("twenty-one", "[20.5, 21.5]"),
    ("Twenty-five percent", "[24.5, 25.5] %"),
    ("twenty one employees", "[20.5, 21.5] employee"),
    ("one hundred and twenty", "[119.5, 120.5]"),
    ("two hundred", "[199.5, 200.5]"),
    ("three million", "[2.5e6, 3.5e6]"),
    ("three million five hundred thousand", "[3.4995e6, 3.5005e6]"),
    ("half a million", "[450000, 550000]"),
    ("a dozen", "[11.5, 12.5]"),
    ("a hundred", "[99.5, 100.5]"),
    ("ninety-nine", "[98.5, 99.5]"),
    # fractions as shares, as precise as a whole percent
    ("two-thirds", "[66.1667…, 67.1667…] %"),
    ("a third", "[32.8333…, 33.8333…] %"),
    ("three-quarters", "[74.5, 75.5] %"),
    ("three quarters", "[74.5, 75.5] %"),
    ("one fifth", "[19.5, 20.5] %"),
    ("one in five", "[19.5, 20.5] %"),
    ("1 in 4", "[24.5, 25.5] %"),
    ("three out of 10", "[29.5, 30.5] %"),
    ("roughly a fifth", "[19.5, 20.5] %"),
    ("per cent", None),
    ("5 per cent", "[4.5, 5.5] %"),
    # signs
    ("−5%", "[-5.5, -4.5] %"),
    ("minus 5%", "[-5.5, -4.5] %"),
    ("a loss of $3m", "[-$3.5M, -$2.5M]"),
    ("($3.2bn)", "[-$3.25B, -$3.15B]"),
    # sub-units: the minor unit of ISO 4217, through CLDR
    ("47 cents a share", "[$0.465, $0.475] per share"),
    ("47c a share", "[$0.465, $0.475] per share"),
    ("470p", "[£4.695, £4.705]"),
    ("470 pence", "[£4.695, £4.705]"),
    ("50 kopecks", "[RUB0.495, RUB0.505]"),
    # multiples in change claims, as the percentage change they are
    ("doubled", "[95, 105] %"),
    ("halved", "[-52.5, -47.5] %"),
    ("tripled", "[195, 205] %"),
    ("more than doubled", "(100, 110] %"),
    ("six-fold", "[450, 550] %"),
    ("a six-fold increase", "[450, 550] %"),
    ("3x", "[150, 250] %"),
    ("1.5x", "[45, 55] %"),
    # news units
    ("1.5C", "[1.45, 1.55] °C"),
    ("2.7°F", "[2.65, 2.75] °F"),
    ("5 tonnes", "[4.5, 5.5] tonnes"),
    ("40 km²", "[39.5, 40.5] km²"),
    ("2 GW", "[1.5, 2.5] GW"),
    ("10 TWh", "[9.5, 10.5] TWh"),
    ("2 million barrels a day", "[1.5e6, 2.5e6] barrels a day"),
])
def test_news_forms(text, expected):
    if expected is None:
        with pytest.raises(ValueParseError):
            parse_value(text)
    else:
        assert strict(text) == expected


def test_multiples_are_changes_up_or_down():
    assert parse_value("doubled").direction == "up"
    assert parse_value("halved").direction == "down"


def test_barrels_are_oil_barrels_of_42_gallons():
    barrel = parse_value("1 barrel").unit
    assert abs(float(barrel.factor) - 0.158987294928) < 1e-9


@pytest.mark.parametrize("text, kwargs, message", [
    ("20-1", {}, r"from high to low: write the low end first"),
    ("$6-5 billion", {}, r"from high to low"),
    ("$500,000-1 million", {}, r"from high to low"),
    ("10 billion TL", {}, r"'TL' can be teralitres or money \(TRY\): write 'TRY'"),
    ("1 kn", {}, r"'kn' can be knots or money"),
    ("5 XYZ", {}, r"'XYZ' is not an ISO 4217 currency code"),
    ("5 USX", {}, r"did you mean"),
    ("5 tonnnes", {}, r"unknown unit 'tonnnes'.*did you mean"),
    ("5% to 10 shares", {}, r"different units"),
    ("($3.2bn)", {"locale": "de_DE"}, r"does not write losses in parentheses.*-\$3.2bn"),
    ("¥5bn", {}, r"ambiguous"),
    ("kr 5m", {}, r"ambiguous.*SEK"),
    ("$5 47 cents", {}, r"cannot read|not both"),
    ("three in two", {}, r"not a share"),
])
def test_forms_that_could_be_misread_are_refused_with_the_fix(text, kwargs, message):
    with pytest.raises(ValueParseError, match=message):
        parse_value(text, **kwargs)


@pytest.mark.parametrize("text, locale, expected", [
    ("10 billion TL", "tr_TR", "TRY"),       # the locale settles a symbol that is also a unit
    ("$5bn", "en_AU", "AUD"),                # "$" is the locale's own dollar
    ("$5bn", "en_US", "USD"),
    ("$5bn", "de_DE", "USD"),                # "$" alone is USD where the locale has no dollar
    ("¥5bn", "zh_CN", "CNY"),
    ("kr 5m", "sv_SE", "SEK"),
    ("R5bn", "en_ZA", "ZAR"),
    ("Rs 5,000 crore", "en_IN", "INR"),
    ("£5m", "en_US", "GBP"),
    ("A$5bn", "en_US", "AUD"),
    ("S$5bn", "en_US", "SGD"),
    ("RM 5bn", "en_US", "MYR"),
    ("₦5bn", "en_US", "NGN"),
    ("KSh 5bn", "en_US", "KES"),
    ("5 million Australian dollars", "en_US", "AUD"),
    ("5 billion Turkish lira", "en_US", "TRY"),
    ("5 dollars", "en_CA", "CAD"),
])
def test_currencies_by_symbol_name_and_locale(text, locale, expected):
    assert parse_value(text, locale=locale).currency == expected


def test_a_claims_currency_settles_a_symbol_that_is_also_a_unit():
    assert parse_value("10 billion TL", currency="TRY").currency == "TRY"


@pytest.mark.parametrize("text, locale, expected", [
    ("31,2 Mrd. €", "de_DE", "[€31.15B, €31.25B]"),
    ("2,5 Mio. Euro", "de_DE", "[€2.45M, €2.55M]"),
    ("2,5 Milliarden Euro", "de_DE", "[€2.45B, €2.55B]"),
    ("1,5 milliard d'euros", "fr_FR", "[€1.45B, €1.55B]"),
    ("2,5 millones de euros", "es_ES", "[€2.45M, €2.55M]"),
    ("5 mil", "es_ES", "[4500, 5500]"),             # a thousand in Spanish, not a million
    ("Rs 5,000 crore", "en_IN", "[₹49.995B, ₹50.005B]"),
    ("₹2.5 lakh crore", "en_IN", "[₹2.45T, ₹2.55T]"),
    ("150万", "ja_JP", "[1.495e6, 1.505e6]"),
    ("25亿", "zh_CN", "[2.45e9, 2.55e9]"),
])
def test_scale_words_of_the_locale(text, locale, expected):
    assert strict(text, locale=locale) == expected


def test_a_misspelt_scale_is_named_and_many_misspelt_units_cost_one_index():
    from verify.units import _UNIT_NAMES

    with pytest.raises(ValueParseError, match=r"unknown unit 'bilion'.*did you mean 'billion'\?"):
        parse_value("$5 bilion")
    built = len(_UNIT_NAMES)
    for i in range(50):
        with pytest.raises(ValueParseError, match="did you mean 'kilometer'"):
            parse_value(f"{i} kilomters")
    assert len(_UNIT_NAMES) == built  # looked up in the index the first mistake built
