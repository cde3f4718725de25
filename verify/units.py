"""Units as exact dimension vectors: currencies, count nouns, percent, time, and pint's.

Each currency is a dimension of its own (USD and CNY meet only through a dated
exchange rate), and so is each count noun (shares never add to employees).
The words we know are resolved from `data/units.toml` without pint; pint's
registry is loaded only for a unit it alone knows ("km", "GW"), because merely
importing pint costs more than a whole small run.
"""

from __future__ import annotations

import contextvars
import functools
import re
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from verify.exact import Exact
from verify.record import Record

if TYPE_CHECKING:
    from verify.suggest import Names

Dims = tuple[tuple[str, int], ...]


class UnitError(ValueError):
    """A unit that cannot be read or combined."""


@attrs.frozen(cache_hash=True)  # hashed by every cache of unit products and quotients
class Unit:
    """`factor` × (product of `dims`): a quantity of 5 in this unit is 5 × factor base units.

    `name` is how the unit is shown ("USD", "%", "USD/share").
    """

    dims: Dims = ()
    factor: Fraction = Exact(1)
    name: str = ""

    @property
    def dimensionless(self) -> bool:
        return not self.dims

    # Both asked of the same few units over and over: computed once per unit.
    @functools.cached_property
    def currency(self) -> str | None:
        """The currency, where this unit is money and nothing else."""
        if len(self.dims) == 1 and self.dims[0][1] == 1 and self.dims[0][0].isupper():
            return self.dims[0][0]
        return None

    @functools.cached_property
    def base(self) -> Unit:
        """This unit's dimensions at factor 1, named by them (60 % is 0.6 of it): itself if it is that."""
        name = describe_dims(self.dims)
        return self if self.factor == 1 and self.name == name else Unit(self.dims, Exact(1), name)

    @functools.cached_property
    def currencies(self) -> tuple[tuple[str, int], ...]:
        """Each currency in the unit with its exponent: (("USD", 1),) for USD/share."""
        return tuple((name, e) for name, e in self.dims if name.isupper())  # ISO codes; nouns are lower case

    def with_currency(self, old: str, new: str) -> Unit:
        """The same unit with currency `old` replaced by `new` (USD/share → EUR/share)."""
        dims = tuple(sorted((new if name == old else name, e) for name, e in self.dims))
        return Unit(dims, self.factor, self.name.replace(old, new) if self.name else describe_dims(dims))

    def compatible(self, other: Unit) -> bool:
        return self.dims == other.dims

    def __mul__(self, other: Unit) -> Unit:
        return _product(self, other)

    def __truediv__(self, other: Unit) -> Unit:
        return _quotient(self, other)

    def __str__(self) -> str:
        return self.name or describe_dims(self.dims) or "1"


ONE = Unit()
PERCENT = Unit((), Exact(1, 100), "%")
POINTS = Unit((), Exact(1, 100), "pp")
BASIS_POINTS = Unit((), Exact(1, 10000), "bp")
RANK = Unit((("rank", 1),), Exact(1), "rank")


@functools.lru_cache(maxsize=256)
def money(code: str) -> Unit:
    return Unit(((code, 1),), Exact(1), code)


def count(noun: str) -> Unit:
    return Unit(((noun, 1),), Exact(1), noun)


def describe_dims(dims: Dims) -> str:
    top = "*".join(n if e == 1 else f"{n}^{e}" for n, e in dims if e > 0)
    bottom = "*".join(n if e == -1 else f"{n}^{-e}" for n, e in dims if e < 0)
    return f"{top or '1'}/{bottom}" if bottom else top


# A corpus has few distinct units, combined once per value and per expression: share the results.
@functools.lru_cache(maxsize=1024)
def _product(a: Unit, b: Unit) -> Unit:
    return Unit(_combine(a.dims, b.dims, 1), a.factor * b.factor, _join(a.name, "*", b.name))


@functools.lru_cache(maxsize=1024)
def _quotient(a: Unit, b: Unit) -> Unit:
    return Unit(_combine(a.dims, b.dims, -1), a.factor / b.factor, _join(a.name, "/", b.name))


def _combine(a: Dims, b: Dims, sign: int) -> Dims:
    exponents = dict(a)
    for name, e in b:
        exponents[name] = exponents.get(name, 0) + sign * e
    return tuple(sorted((n, e) for n, e in exponents.items() if e))


def _join(a: str, op: str, b: str) -> str:
    if not b:
        return a
    if not a:
        return f"1{op}{b}" if op == "/" else b
    if op == "*" and b.startswith("1/"):
        return f"{a}/{b[2:]}"
    return f"{a}{op}{b}"


class UnitWords(Record):
    """The unit vocabulary: spelling (lower case) → Unit."""

    __slots__ = ("by_word", "count_nouns", "exact", "pint_names")

    def __init__(self, by_word: dict[str, Unit], count_nouns: tuple[str, ...], exact: dict[str, Unit] | None = None,
                 pint_names: dict[str, str] | None = None) -> None:
        self.by_word, self.count_nouns = by_word, count_nouns
        self.exact = {} if exact is None else exact  # one-letter symbols, as written ("C")
        self.pint_names = {} if pint_names is None else pint_names  # news spelling → pint unit

    @classmethod
    def from_table(cls, table: dict) -> UnitWords:
        by_word: dict[str, Unit] = {}
        for word in table["percent"]["words"]:
            by_word[word.lower()] = PERCENT
        for word in table["points"]["words"]:
            by_word[word.lower()] = POINTS
        for word in table["basis_points"]["words"]:
            by_word[word.lower()] = BASIS_POINTS
        for noun, spellings in table["counts"].items():
            for word in [noun, *spellings]:
                by_word[word.lower()] = count(noun)
        for name, entry in table["time"].items():
            unit = Unit((("year", 1),), _fraction(entry["years"]), name)
            for word in [name, *entry["words"]]:
                by_word[word.lower()] = unit
        exact: dict[str, Unit] = {}
        for name, entry in table.get("temperature", {}).items():
            unit = Unit(((name, 1),), Exact(1), entry["symbol"])
            for word in entry["words"]:
                (exact if len(word) == 1 else by_word)[word if len(word) == 1 else word.lower()] = unit
        pint_names = {word.lower(): name for word, name in table.get("pint", {}).items()}
        return cls(by_word, tuple(table["counts"]), exact, pint_names)

    def lookup(self, word: str) -> Unit | None:
        return self.by_word.get(word.lower())


def _fraction(text: str) -> Fraction:
    """"7/365.25" → exact 28/1461: a ratio of decimals."""
    num, _, den = text.partition("/")
    return Exact(num) / Exact(den or "1")


_PINT_FACTOR = r"(?:[^\W\d]|°)[\w°]*?(?:(?:\^|\*\*)-?[1-9]|[²³])?"
_PINT_TEXT = re.compile(rf"{_PINT_FACTOR}(?:[*·/]{_PINT_FACTOR})*")


# Off while a caller reads phrases on the chance that they are values (the quote rule):
# a word that is no unit must not cost a run the loading of pint, for a unit or a suggestion.
PINT_READS = contextvars.ContextVar("PINT_READS", default=True)


def pint_unit(text: str, name: str | None = None) -> Unit:
    """A unit only pint knows, as our exact Unit (pint loads on first use), shown as `name`."""
    if not PINT_READS.get():
        raise UnitError(f"unknown unit {text!r}")
    if not _PINT_TEXT.fullmatch(text):
        # pint evaluates what it is given: "km^9^9^9" would be 9**(9**9), which never ends.
        raise UnitError(f"unknown unit {text!r}: a unit is a name, or names joined by * or ·, "
                        "each with at most one small power, e.g. km^2 or m/s")
    registry = _pint_registry()
    try:
        quantity = registry.Quantity(1, text).to_base_units()
    except Exception as exc:  # pint raises many kinds for unreadable text
        raise UnitError(f"unknown unit {text!r}") from exc
    dims = tuple(sorted((name.strip("[]"), int(e)) for name, e in quantity.dimensionality.items()))
    try:
        # pint's factors are binary floats; their shortest decimal form is the intended value.
        factor = Exact(repr(float(quantity.magnitude)))
    except (ValueError, OverflowError):  # inf, nan, or a factor past the bounds of a figure
        raise UnitError(f"unknown unit {text!r}: its size is past what a figure needs") from None
    return Unit(dims, factor, name or text)


# by the identity of the words they are built from
_UNIT_NAMES: dict[tuple[int, int, bool], tuple[UnitWords, object, Names]] = {}


def closest_units(text: str, units: UnitWords, also=()) -> list[str]:
    """The spelling `text` most likely meant, among the unit words, `also` (the scale words:
    "bilion" is a misspelt billion) and pint's unit names where pint is in use, looked up
    in an index built once: many values with misspelt units must not each scan them all."""
    from verify import suggest

    key = (id(units), id(also), PINT_READS.get())
    held = _UNIT_NAMES.get(key)
    if held is None or held[0] is not units or held[1] is not also:
        names = {*units.by_word, *units.pint_names, *also,
                 *(_pint_registry()._units if PINT_READS.get() else ())}
        held = _UNIT_NAMES[key] = (units, also, suggest.Names(names))
    close = held[2].closest(text)
    return [close] if close else []


@functools.cache
def _pint_registry():
    import pint  # deferred: ~0.2 s, paid only by a run that needs a physical unit

    return pint.UnitRegistry(cache_folder=None)
