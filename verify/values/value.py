"""A claim's value: the text as written, and what it reads as under each reading."""

from __future__ import annotations

import operator
from fractions import Fraction

import attrs

from verify.plain import PlainData
from verify.quantity import Quantity
from verify.units import Unit, money
from verify.values import cldr
from verify.values import currency as currencies
from verify.values.fastpath import shapes
from verify.values.lexicon import Lexicon, default_lexicon
from verify.values.readings import Precision, readings


@attrs.frozen(weakref_slot=False)
class Value(PlainData):
    """A value as written ("nearly 60%") and its strict and loose readings.

    `strict` and `loose` are Quantities: an exact interval and a unit.
    `nominal` is the number as written (scaled, signed), None for ranges.
    """

    text: str
    strict: Quantity
    loose: Quantity
    currency: str | None = None
    hedge: str | None = None
    direction: str | None = None
    nominal: Fraction | None = None
    rank: int | None = None

    @property
    def unit(self) -> Unit:
        return self.strict.unit

    def __str__(self) -> str:
        return self.text

    def describe(self) -> str:
        """One line for people: the text, then both readings."""
        return f"{self.text!r}: strict {self.strict}, loose {self.loose}"


_VALUE_FIELDS = tuple(f.name for f in attrs.fields(Value))
_value_state = operator.attrgetter(*_VALUE_FIELDS)
_SET_VALUE_FIELDS = tuple(getattr(Value, name).__set__ for name in _VALUE_FIELDS)
_STRICT, _LOOSE = _VALUE_FIELDS.index("strict"), _VALUE_FIELDS.index("loose")


def with_readings(value: Value, strict: Quantity, loose: Quantity) -> Value:
    """`attrs.evolve(value, strict=strict, loose=loose)`, its slots set directly: rules type
    the readings of thousands of bare counts, and evolve is generic."""
    state = list(_value_state(value))
    state[_STRICT], state[_LOOSE] = strict, loose
    typed = object.__new__(Value)
    for set_field, field in zip(_SET_VALUE_FIELDS, state):
        set_field(typed, field)
    return typed


def parse_value(
    text: str,
    *,
    locale: str = "en_US",
    currency: str | None = None,
    precision: Precision = None,
    lexicon: Lexicon | None = None,
) -> Value:
    """Read a value as a journalist writes it ("RMB ¥280.2bn", "nearly 60%", "over 194,000 employees").

    `currency` settles an ambiguous symbol ("¥"); `precision` overrides the step read
    from the digits ("exact", or a step in the value's written scale).
    Raises `verify.errors.ValueParseError`, whose message says what to write instead.
    """
    lexicon = lexicon or default_lexicon()
    parts = shapes(lexicon).read(text, locale)
    code = currencies.resolve(parts.currencies, currency, locale)
    unit = money(code) * parts.unit if code else parts.unit
    strict, loose = readings(parts, lexicon, precision)
    nominal = None
    if parts.low is not None and parts.high is None:
        nominal = parts.low.value if parts.sign > 0 else -parts.low.value
    if parts.subunit:  # "47 cents" is $0.47: the minor unit's worth is ISO 4217's, through CLDR
        minor = Fraction(1, 10 ** cldr.minor_digits(code))
        strict, loose = strict.scale(minor), loose.scale(minor)
        nominal = nominal * minor if nominal is not None else None
    return Value(
        text=text,
        strict=Quantity(strict, unit),
        loose=Quantity(loose, unit),
        currency=code,
        hedge=parts.hedge.name if parts.hedge else None,
        direction=parts.direction,
        nominal=nominal if parts.rank is None else None,
        rank=parts.rank,
    )
