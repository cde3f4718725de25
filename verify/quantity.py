"""An interval with a unit: what a value reads as, and what expressions compute with."""

from __future__ import annotations

import attrs

from verify import formatting
from verify.interval import Interval
from verify.units import Unit, UnitError


@attrs.frozen(weakref_slot=False)
class Quantity:
    interval: Interval
    unit: Unit

    def __reduce__(self):
        return Quantity, (self.interval, self.unit)  # not attrs' state dictionary: faster both ways

    def to_base(self) -> Quantity:
        """The same amount in base units (factor 1): 60 % becomes 0.6."""
        base = self.unit.base
        if base is self.unit:
            return self
        return Quantity(self.interval.scale(self.unit.factor), base)

    def to(self, unit: Unit) -> Quantity:
        if self.unit is unit:  # the common case, as units are shared
            return self
        if not self.unit.compatible(unit):
            raise UnitError(f"cannot convert {self.unit} to {unit}")
        if self.unit == unit:
            return self
        return Quantity(self.interval.scale(self.unit.factor / unit.factor), unit)

    def __add__(self, other: Quantity) -> Quantity:
        return Quantity(self.interval + self._aligned(other), self.unit)

    def __sub__(self, other: Quantity) -> Quantity:
        return Quantity(self.interval - self._aligned(other), self.unit)

    def __mul__(self, other: Quantity) -> Quantity:
        return Quantity(self.interval * other.interval, self.unit * other.unit)

    def __truediv__(self, other: Quantity) -> Quantity:
        return Quantity(self.interval / other.interval, self.unit / other.unit)

    def __neg__(self) -> Quantity:
        return Quantity(-self.interval, self.unit)

    def _aligned(self, other: Quantity) -> Interval:
        if not self.unit.compatible(other.unit):
            raise UnitError(f"cannot add {other.unit} to {self.unit}")
        return other.to(self.unit).interval

    def __str__(self) -> str:
        currencies = self.unit.currencies
        if len(currencies) == 1 and currencies[0][1] == 1 and self.unit.factor == 1:
            code = currencies[0][0]
            text = self.interval.format(lambda x: formatting.money(x, code))
            per = [noun for noun, e in self.unit.dims if noun != code]
            if len(per) == 1 and dict(self.unit.dims)[per[0]] == -1:
                return f"{text} per {per[0]}"
            if not per:
                return text
        text = self.interval.format(formatting.number)
        return f"{text} {self.unit}" if str(self.unit) != "1" else text
