"""The metric vocabulary: what kind of quantity each metric is, and which metrics are shares.

Shipped in `verify/data/metrics.toml`; a project adds metrics in its config.
Kinds: money, percent, points, ratio, rank, count:<noun>, money/count:<noun>.
"""

from __future__ import annotations

import functools

from fractions import Fraction

from verify import resources
from verify.exact import Exact
from verify.facts import normal
from verify.model import Claim, with_value
from verify.quantity import Quantity
from verify.record import Record
from verify.units import Unit, count
from verify.values.value import with_readings


class Vocabulary(Record):
    __slots__ = ("kinds", "shares", "signed", "bounds")

    def __init__(self, kinds: dict[str, str], shares: dict[str, str | None], signed: frozenset[str] = frozenset(),
                 bounds: dict[str, tuple[Fraction | None, Fraction | None]] | None = None) -> None:
        self.kinds = kinds  # normalised metric -> kind
        self.shares = shares  # share metric -> its rank metric
        self.signed = signed  # metrics that can be negative
        # metric -> (lowest, highest) a percentage of it can be, as fractions (None: unbounded)
        self.bounds = {} if bounds is None else bounds

    @classmethod
    def build(cls, extra: dict[str, str] | None = None) -> Vocabulary:
        table = resources.packaged("metrics")
        kinds = {normal(k): v for k, v in {**table["metrics"], **(extra or {})}.items()}
        shares = {normal(k): normal(v.get("rank")) or None for k, v in table["shares"].items()}
        return cls(kinds, shares, frozenset(normal(m) for m in table["signed"]["metrics"]),
                   {normal(k): _bounds(v) for k, v in table["bounds"].items()})

    def kind(self, metric: str) -> str | None:
        return self.kinds.get(normal(metric))

    def can_be_negative(self, metric: str) -> bool:
        return normal(metric) in self.signed

    def metrics(self) -> set[str]:
        """Every metric the vocabulary names: kinds, shares and the metrics ranking them."""
        return set(self.kinds) | set(self.shares) | {r for r in self.shares.values() if r}

    def rank_metrics(self) -> dict[str, str]:
        """rank metric -> the share metric it ranks."""
        return {rank: share for share, rank in self.shares.items() if rank}


def _bounds(text: str) -> tuple[Fraction | None, Fraction | None]:
    """ "0% to 100%", "at most 100%", "at least 0%" as fractions (0, 1), (None, 1), (0, None)."""
    def percent(t: str) -> Fraction:
        return Exact(t.strip().removesuffix("%")) / 100

    if text.startswith("at most "):
        return None, percent(text[8:])
    if text.startswith("at least "):
        return percent(text[9:]), None
    low, _, high = text.partition(" to ")
    return percent(low), percent(high)


@functools.cache
def default_vocabulary() -> Vocabulary:
    return Vocabulary.build()


_KINDS: dict[int, tuple[Unit, str]] = {}  # by identity: a corpus shares a few unit objects


def kind_of(unit: Unit) -> str:
    """The kind of a unit, in the vocabulary's terms."""
    known = _KINDS.get(id(unit))
    if known is not None and known[0] is unit:
        return known[1]
    if len(_KINDS) >= 4096:
        _KINDS.clear()
    kind = _kind_of(unit)
    _KINDS[id(unit)] = (unit, kind)
    return kind


def _kind_of(unit: Unit) -> str:
    dims = dict(unit.dims)
    currencies = [name for name, _ in unit.currencies]
    if not dims:
        return {"%": "percent", "pp": "points", "bp": "points"}.get(unit.name, "ratio")
    if dims == {"rank": 1}:
        return "rank"
    if len(currencies) == 1 and dims == {currencies[0]: 1}:
        return "money"
    nouns = [n for n in dims if not n.isupper()]
    if len(currencies) == 1 and len(nouns) == 1 and dims == {currencies[0]: 1, nouns[0]: -1}:
        return f"money/count:{nouns[0]}"
    if not currencies and len(dims) == 1 and list(dims.values()) == [1]:
        return f"count:{nouns[0]}"
    return str(unit)


# Counts that take the noun of what they count: a bare number, and "units", which
# reporters write for cars, phones or any goods ("471,930 units" delivered).
UNNAMED_COUNTS = ("ratio", "count:unit")


def fits(kind: str, expected: str) -> bool:
    # a bare number is the count itself ("194,000" employees); a ratio may be written in %
    return (kind == expected
            or (kind in UNNAMED_COUNTS and expected.startswith("count:"))
            or (kind == "percent" and expected == "ratio"))


def as_kind(quantity: Quantity, expected: str | None) -> Quantity:
    """A bare number, or so many "units", given the noun its metric counts ("2.5 billion"
    shares outstanding)."""
    if expected and expected.startswith("count:"):
        kind = kind_of(quantity.unit)
        if kind == "ratio":
            return Quantity(quantity.interval, quantity.unit * count(expected.split(":", 1)[1]))
        if kind == "count:unit" and expected != kind:
            return Quantity(quantity.interval, quantity.unit / count("unit") * count(expected.split(":", 1)[1]))
    return quantity  # a count of its noun already, or no count: its unit is not made again


def typed(claim: Claim, vocabulary: Vocabulary) -> Claim:
    """The claim with a bare count given its metric's noun, so that units multiply and add right."""
    return typed_as(claim, vocabulary.kind(claim.metric))


def typed_as(claim: Claim, kind: str | None) -> Claim:
    """`typed` for a claim whose metric is of `kind` (asked once for a fact's claims)."""
    value = claim.value
    strict = as_kind(value.strict, kind)
    if strict is value.strict:
        return claim
    return with_value(claim, with_readings(value, strict, as_kind(value.loose, kind)))


def additive(unit: Unit) -> bool:
    """Money and counts add up over periods and parts; percentages, prices and ranks do not."""
    kind = kind_of(unit)
    return kind == "money" or kind.startswith("count:")
