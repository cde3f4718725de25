"""The value corpus: every form in tests/values_corpus.toml reads as written there, or is refused."""

from fractions import Fraction
from pathlib import Path

import pytest
import tomli

from verify import parse_value
from verify.errors import ValueParseError

CORPUS = tomli.loads((Path(__file__).with_name("values_corpus.toml")).read_text(encoding="utf-8"))
CASES = [(group.get("locale", "en_US"), text, expected)
         for group in CORPUS["group"] for text, expected in group["cases"]]


def expected_reading(expected: str):
    """"[38.35e9, 38.45e9] USD" → the ends, whether each is open, and the unit's name."""
    close = max(expected.find("]"), expected.find(")"))
    lo, hi = (Fraction(end.strip()) for end in expected[1:close].split(","))
    return (lo, hi, expected[0] == "(", expected[close] == ")"), expected[close + 1:].strip()


def test_the_corpus_is_large_and_each_text_appears_once_per_locale():
    assert len(CASES) >= 500
    assert len({(locale, text) for locale, text, _ in CASES}) == len(CASES)


@pytest.mark.parametrize("locale, text, expected", CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_corpus(locale, text, expected):
    if expected.startswith("error:"):
        with pytest.raises(ValueParseError) as refused:
            parse_value(text, locale=locale)
        assert expected[len("error:"):].strip() in refused.value.message
        return
    value = parse_value(text, locale=locale)
    interval, unit = expected_reading(expected)
    got = value.strict.interval
    assert ((got.lo, got.hi, got.lo_open, got.hi_open), str(value.unit)) == (interval, unit)
    assert value.strict.interval.within(value.loose.interval)
