"""Exact intervals over the extended reals: the numbers every check compares.

Endpoints are `Fraction`s, or the infinities `-INF`/`INF` (sentinels only: no
finite endpoint is ever a binary float), each end open or closed. Arithmetic is
exact, so an interval result always contains every exact result of its operands:
a consistent case can never fail by rounding.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction
from typing import Union, cast

import attrs

from verify.exact import Exact

INF = math.inf
Endpoint = Union[Fraction, float]  # a Fraction, or one of the sentinels ±INF


def exact(x: int | str | Fraction) -> Fraction:
    """`x` as an exact Fraction; strings are read as decimals ("0.975", "1e9", "1/12")."""
    if isinstance(x, float):
        raise TypeError("binary floats are not exact: pass a str, int or Fraction")
    return Exact(x)


def _valid(instance: Interval, _attr: object, _value: object) -> None:
    # Runs for every interval built, so types are tested before any (slow) Fraction comparison.
    lo, hi = instance.lo, instance.hi
    lo_inf, hi_inf = type(lo) is float, type(hi) is float
    if lo_inf and lo != -INF or hi_inf and hi != INF:
        raise ValueError(f"finite endpoints must be exact, not {lo!r}, {hi!r}")
    if (lo_inf and not instance.lo_open) or (hi_inf and not instance.hi_open):
        raise ValueError("an infinite end is always open")
    if not (lo_inf or hi_inf) and (lo > hi or (lo == hi and (instance.lo_open or instance.hi_open))):
        raise ValueError(f"empty interval: {instance}")


@attrs.frozen(repr=False, weakref_slot=False)
class Interval:
    """A non-empty interval; `lo_open`/`hi_open` say whether an end is excluded."""

    lo: Endpoint
    hi: Endpoint
    lo_open: bool = attrs.field(default=False)
    hi_open: bool = attrs.field(default=False, validator=_valid)

    # -- construction --------------------------------------------------------

    def __reduce__(self):
        # As its four ends, for a child process handing values back: a quarter of the
        # time of attrs' state dictionary, and valid without the validator.
        return _make, (self.lo, self.hi, self.lo_open, self.hi_open)

    @classmethod
    def point(cls, x: int | str | Fraction) -> Interval:
        if type(x) is Exact:  # the common case, which needs neither conversion nor checks
            return _make(x, x)
        x = exact(x)
        return cls(x, x)

    @classmethod
    def closed(cls, lo: int | str | Fraction, hi: int | str | Fraction) -> Interval:
        return cls(exact(lo), exact(hi))

    @classmethod
    def everything(cls) -> Interval:
        return cls(-INF, INF, True, True)

    @classmethod
    def parse(cls, text: str) -> Interval:
        """Interval notation: "[0.95, 1]", "(1, inf)", "[100, 1000)"."""
        m = _NOTATION.fullmatch(text.strip())
        if not m:
            raise ValueError(f"not an interval: {text!r}; write it like \"[0.95, 1]\" or \"(1, inf)\"")
        lo, hi = (_endpoint(s) for s in (m["lo"], m["hi"]))
        return cls(lo, hi, m["open"] == "(" or lo == -INF, m["close"] == ")" or hi == INF)

    # -- queries -------------------------------------------------------------

    @property
    def is_point(self) -> bool:
        return self.lo == self.hi

    @property
    def bounded(self) -> bool:
        return self.lo != -INF and self.hi != INF

    def contains(self, x: Fraction | int) -> bool:
        above = x > self.lo or (x == self.lo and not self.lo_open)
        below = x < self.hi or (x == self.hi and not self.hi_open)
        return above and below

    def overlaps(self, other: Interval) -> bool:
        """Some value lies in both: the meaning of `==` between two claims."""
        return self.intersection(other) is not None

    def intersection(self, other: Interval) -> Interval | None:
        """The values in both, or None if there are none."""
        # _greater and _lesser written out (with open_binds): asked for by every comparison of claims
        a, b = self.lo, other.lo
        if a > b:
            lo, lo_open = a, self.lo_open
        elif b > a:
            lo, lo_open = b, other.lo_open
        else:
            lo, lo_open = a, self.lo_open or other.lo_open
        a, b = self.hi, other.hi
        if a < b:
            hi, hi_open = a, self.hi_open
        elif b < a:
            hi, hi_open = b, other.hi_open
        else:
            hi, hi_open = a, self.hi_open or other.hi_open
        if lo < hi or (lo == hi and not lo_open and not hi_open):
            return _make(lo, hi, lo_open, hi_open)
        return None

    def within(self, other: Interval) -> bool:
        """Every value of self lies in other."""
        lo_ok = self.lo > other.lo or (self.lo == other.lo and (self.lo_open or not other.lo_open))
        hi_ok = self.hi < other.hi or (self.hi == other.hi and (self.hi_open or not other.hi_open))
        return lo_ok and hi_ok

    def hull(self, other: Interval) -> Interval:
        # _lesser and _greater written out (without open_binds): every hedged value takes a hull
        a, b = self.lo, other.lo
        if a < b:
            lo, lo_open = a, self.lo_open
        elif b < a:
            lo, lo_open = b, other.lo_open
        else:
            lo, lo_open = a, self.lo_open and other.lo_open
        a, b = self.hi, other.hi
        if a > b:
            hi, hi_open = a, self.hi_open
        elif b > a:
            hi, hi_open = b, other.hi_open
        else:
            hi, hi_open = a, self.hi_open and other.hi_open
        return _make(lo, hi, lo_open, hi_open)

    # -- arithmetic ----------------------------------------------------------

    def __neg__(self) -> Interval:
        return _make(-self.hi, -self.lo, self.hi_open, self.lo_open)

    def __add__(self, other: Interval) -> Interval:
        other = _coerce(other)
        return _make(
            self.lo + other.lo, self.hi + other.hi,
            self.lo_open or other.lo_open, self.hi_open or other.hi_open,
        )

    def __sub__(self, other: Interval) -> Interval:
        return self + -_coerce(other)

    def __mul__(self, other: Interval) -> Interval:
        other = _coerce(other)
        if self.lo > 0 and other.lo > 0:
            # The commonest case, no end zero: each pair of ends multiplies, open if either is
            # (an infinite end is open, and its product infinite).
            return _make(self.lo * other.lo, self.hi * other.hi,
                         self.lo_open or other.lo_open, self.hi_open or other.hi_open)
        if self.lo >= 0 and other.lo >= 0:  # the low ends and the high ends multiply
            lo, lo_open = _product((self.lo, self.lo_open), (other.lo, other.lo_open))
            hi, hi_open = _product((self.hi, self.hi_open), (other.hi, other.hi_open))
            return _make(lo, hi, lo_open, hi_open)
        products = [
            _product(a, b)
            for a in ((self.lo, self.lo_open), (self.hi, self.hi_open))
            for b in ((other.lo, other.lo_open), (other.hi, other.hi_open))
        ]
        low, high = products[0], products[0]
        for end in products[1:]:  # of equal candidates, a closed one wins: that value is attained
            low, high = _lesser(low, end, open_binds=False), _greater(high, end, open_binds=False)
        return _make(low[0], high[0], low[1], high[1])

    __rmul__ = __mul__

    def __truediv__(self, other: Interval) -> Interval:
        other = _coerce(other)
        if other.lo <= 0 <= other.hi:
            # A divisor that may be (or approach) zero bounds nothing.
            return Interval.everything()
        return self * other.reciprocal()

    def reciprocal(self) -> Interval:
        if self.lo <= 0 <= self.hi:
            return Interval.everything()
        return _make(_inverse(self.hi), _inverse(self.lo), self.hi_open, self.lo_open)

    def scale(self, k: Fraction | int) -> Interval:
        if k == 1:
            return self
        if k > 0:  # the common case (units, rates), without the four products of __mul__
            return _make(self.lo * k, self.hi * k, self.lo_open, self.hi_open)
        return self * Interval.point(k)

    def __abs__(self) -> Interval:
        if self.lo >= 0:
            return self
        if self.hi <= 0:
            return -self
        hi, hi_open = _greater((-self.lo, self.lo_open), (self.hi, self.hi_open), open_binds=False)
        return Interval(Exact(0), hi, False, hi_open)

    def minimum(self, other: Interval) -> Interval:
        lo, lo_open = _lesser((self.lo, self.lo_open), (other.lo, other.lo_open), open_binds=False)
        hi, hi_open = _lesser((self.hi, self.hi_open), (other.hi, other.hi_open), open_binds=True)
        return _make(lo, hi, lo_open, hi_open)

    def maximum(self, other: Interval) -> Interval:
        lo, lo_open = _greater((self.lo, self.lo_open), (other.lo, other.lo_open), open_binds=True)
        hi, hi_open = _greater((self.hi, self.hi_open), (other.hi, other.hi_open), open_binds=False)
        return _make(lo, hi, lo_open, hi_open)

    def widened(self, relative: Fraction) -> Interval:
        """Each finite end moved out by `relative` (>= 0) of its own magnitude: still valid,
        so built without the validator (a relation widens every side it judges loosely)."""
        if type(relative) is Exact:
            return _make(_moved(self.lo, relative, -1), _moved(self.hi, relative, 1), self.lo_open, self.hi_open)
        lo = self.lo if self.lo == -INF else self.lo - relative * abs(cast(Fraction, self.lo))  # finite
        hi = self.hi if self.hi == INF else self.hi + relative * abs(cast(Fraction, self.hi))
        return _make(lo, hi, self.lo_open, self.hi_open)

    # -- relations: each holds when SOME values inside the operands satisfy it --

    def may_equal(self, other: Interval) -> bool:
        return self.overlaps(other)

    def may_differ(self, other: Interval) -> bool:
        return not (self.is_point and other.is_point and self.lo == other.lo)

    def may_be_less(self, other: Interval) -> bool:
        return self.lo < other.hi

    def may_be_at_most(self, other: Interval) -> bool:
        return self.lo < other.hi or (self.lo == other.hi and not self.lo_open and not other.hi_open)

    # -- display -------------------------------------------------------------

    def __str__(self) -> str:
        return self.format(str)

    def __repr__(self) -> str:
        return f"Interval({self})"

    def format(self, number) -> str:
        """Interval notation with `number` formatting each finite end."""
        lo = "-inf" if self.lo == -INF else number(self.lo)
        hi = "inf" if self.hi == INF else number(self.hi)
        if self.is_point:
            return f"[{lo}]"
        return f"{'(' if self.lo_open else '['}{lo}, {hi}{')' if self.hi_open else ']'}"


_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?(?:/\d+)?|[-+]?inf"
_NOTATION = re.compile(rf"(?P<open>[\[(])\s*(?P<lo>{_NUMBER})\s*,\s*(?P<hi>{_NUMBER})\s*(?P<close>[\])])")


def _endpoint(text: str) -> Endpoint:
    if text.lstrip("+-") == "inf":
        return -INF if text.startswith("-") else INF
    return Exact(text)


_new = object.__new__
# Each end's slot, set directly (the class is frozen): object.__setattr__ would look the
# slot up by name for each of the four.
_set_lo, _set_hi, _set_lo_open, _set_hi_open = (
    Interval.__dict__[name].__set__ for name in ("lo", "hi", "lo_open", "hi_open"))


def _make(lo: Endpoint, hi: Endpoint, lo_open: bool = False, hi_open: bool = False) -> Interval:
    """An interval that arithmetic on valid intervals built, so valid by construction: the
    validator is skipped, which cuts the cost of building one by two thirds."""
    interval = _new(Interval)
    _set_lo(interval, lo)
    _set_hi(interval, hi)
    _set_lo_open(interval, lo_open)
    _set_hi_open(interval, hi_open)
    return interval


End = tuple[Endpoint, bool]  # a value, and whether the end is open


# Two ends at equal values: an end that reaches further (a hull's, a product's) is closed
# if either is; an end that bounds (an intersection's, a minimum's upper) is open if either is.

def _lesser(a: End, b: End, *, open_binds: bool) -> End:
    if a[0] < b[0]:
        return a
    if b[0] < a[0]:
        return b
    return a[0], (a[1] or b[1]) if open_binds else (a[1] and b[1])


def _greater(a: End, b: End, *, open_binds: bool) -> End:
    if a[0] > b[0]:
        return a
    if b[0] > a[0]:
        return b
    return a[0], (a[1] or b[1]) if open_binds else (a[1] and b[1])


def _coerce(x: Interval | Fraction | int) -> Interval:
    return x if isinstance(x, Interval) else Interval.point(x)


def _product(a: End, b: End) -> End:
    (x, x_open), (y, y_open) = a, b
    if x == 0 or y == 0:
        # A closed zero attains 0 whatever the other factor; an open zero times an
        # infinite end is a limit that is never reached.
        zero_closed = (x == 0 and not x_open) or (y == 0 and not y_open)
        return Exact(0), not zero_closed
    product = x * y
    if isinstance(product, float):  # ±INF
        return product, True
    return product, x_open or y_open


def _moved(x: Endpoint, relative: Exact, direction: int) -> Endpoint:
    """x + direction × relative × |x|, as x × (1 ± relative) on the integers of both: what
    Exact's operators compute (the result is the same reduced fraction), in one step."""
    if type(x) is not Exact:
        if type(x) is float:  # an infinite end stays where it is
            return x
        return x + relative * abs(x) if direction > 0 else x - relative * abs(x)
    # Fraction's own slots, not its properties: this runs for every end of every widened side
    n, d = x._numerator, x._denominator  # type: ignore[attr-defined]
    a, b = relative._numerator, relative._denominator  # type: ignore[attr-defined]
    return Exact.ratio(n * (b + a if (n >= 0) == (direction > 0) else b - a), d * b)


def _inverse(x: Endpoint) -> Endpoint:
    return Exact(0) if isinstance(x, float) else 1 / x
