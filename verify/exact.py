"""`Exact`: a Fraction whose arithmetic and comparisons with Fractions and ints skip
Fraction's generic dispatch.

Every operation of the standard Fraction tests its operand against the `numbers`
ABCs and builds its result through a checking constructor: a fifth of a run was
spent there. Exact does the same integer arithmetic directly on the reduced numerator
and denominator, so its results are the very Fractions the standard class computes
(a hypothesis test holds every operation to them), and an Exact is a Fraction
wherever one is expected. Anything else (floats, infinities, powers) goes to Fraction.
"""

from __future__ import annotations

import re
from fractions import Fraction
from math import gcd

_new = object.__new__
_INF = float("inf")

# Bounds on a number written as text. Fraction("1e999999999") computes 10**999999999,
# which never ends; no figure in the news needs more than a few dozen digits or powers
# of ten, and every product of such figures stays small enough to compute at once.
MAX_EXPONENT = 100
MAX_TEXT = 100
_EXPONENT = re.compile(r"[eE]([-+]?[0-9_]+)\s*$")


class NumberTextError(ValueError):
    """A number text past the bounds; the message says what to write instead."""


def check_text(text: str) -> None:
    """Raise NumberTextError for a number text past the bounds."""
    if len(text) > MAX_TEXT:
        raise NumberTextError(f"a number of more than {MAX_TEXT} characters ({text[:20]}…) is no figure: "
                         "write the number as the source prints it")
    m = _EXPONENT.search(text)
    if m and abs(int(m.group(1))) > MAX_EXPONENT:
        raise NumberTextError(f"{text!r}: a power of ten beyond e±{MAX_EXPONENT} is no figure: "
                         "write the number as the source prints it")


def _make(n: int, d: int) -> Exact:
    """n/d, already in lowest terms with d > 0."""
    q = _new(Exact)
    q._numerator = n
    q._denominator = d
    return q


def _lift(x):
    """A result of the standard Fraction as an Exact; other results (floats, bools) as they are."""
    return _make(x._numerator, x._denominator) if type(x) is Fraction else x


def _sum(na: int, da: int, nb: int, db: int) -> Exact:
    g = gcd(da, db)
    if g == 1:
        return _make(na * db + da * nb, da * db)
    s = da // g
    t = na * (db // g) + nb * s
    g2 = gcd(t, g)
    if g2 == 1:
        return _make(t, s * db)
    return _make(t // g2, s * (db // g2))


def _product(na: int, da: int, nb: int, db: int) -> Exact:
    g1 = gcd(na, db)
    if g1 > 1:
        na //= g1
        db //= g1
    g2 = gcd(nb, da)
    if g2 > 1:
        nb //= g2
        da //= g2
    return _make(na * nb, da * db)


def _quotient(na: int, da: int, nb: int, db: int) -> Exact:
    if nb == 0:
        raise ZeroDivisionError(f"Fraction({na * db}, 0)")
    if nb < 0:
        nb, db = -nb, -db
    return _product(na, da, db, nb)


class Exact(Fraction):
    # Each operator is written out rather than made by a factory (as Fraction's are):
    # the indirection would cost much of what this class saves.
    __slots__ = ()

    def __new__(cls, numerator=0, denominator=None):
        if type(numerator) is str:
            check_text(numerator)
        return Fraction.__new__(cls, numerator, denominator)

    @staticmethod
    def ratio(n: int, d: int) -> Exact:
        """n/d for ints n and d > 0, reduced (the checks of Exact(n, d) left out)."""
        g = gcd(n, d)
        return _make(n // g, d // g) if g > 1 else _make(n, d)

    def __reduce__(self):
        # Fraction pickles as its text, parsed again by a regex on the way back.
        return _make, (self._numerator, self._denominator)

    # -- arithmetic --------------------------------------------------------------

    def __add__(a, b):
        t = type(b)
        if t is Exact or t is Fraction:
            return _sum(a._numerator, a._denominator, b._numerator, b._denominator)
        if t is int:
            return _make(a._numerator + b * a._denominator, a._denominator)
        return _lift(Fraction.__add__(a, b))

    def __radd__(a, b):
        t = type(b)
        if t is Fraction or t is int:
            return a + b
        return _lift(Fraction.__radd__(a, b))

    def __sub__(a, b):
        t = type(b)
        if t is Exact or t is Fraction:
            return _sum(a._numerator, a._denominator, -b._numerator, b._denominator)
        if t is int:
            return _make(a._numerator - b * a._denominator, a._denominator)
        return _lift(Fraction.__sub__(a, b))

    def __rsub__(a, b):
        t = type(b)
        if t is Fraction:
            return _sum(b._numerator, b._denominator, -a._numerator, a._denominator)
        if t is int:
            return _make(b * a._denominator - a._numerator, a._denominator)
        return _lift(Fraction.__rsub__(a, b))

    def __mul__(a, b):
        t = type(b)
        if t is Exact or t is Fraction:
            return _product(a._numerator, a._denominator, b._numerator, b._denominator)
        if t is int:
            return _product(a._numerator, a._denominator, b, 1)
        return _lift(Fraction.__mul__(a, b))

    def __rmul__(a, b):
        t = type(b)
        if t is Fraction or t is int:
            return a * b
        return _lift(Fraction.__rmul__(a, b))

    def __truediv__(a, b):
        t = type(b)
        if t is Exact or t is Fraction:
            return _quotient(a._numerator, a._denominator, b._numerator, b._denominator)
        if t is int:
            return _quotient(a._numerator, a._denominator, b, 1)
        return _lift(Fraction.__truediv__(a, b))

    def __rtruediv__(a, b):
        t = type(b)
        if t is Fraction:
            return _quotient(b._numerator, b._denominator, a._numerator, a._denominator)
        if t is int:
            return _quotient(b, 1, a._numerator, a._denominator)
        return _lift(Fraction.__rtruediv__(a, b))

    def __neg__(a):
        return _make(-a._numerator, a._denominator)

    def __pos__(a):
        return a

    def __abs__(a):
        return a if a._numerator >= 0 else _make(-a._numerator, a._denominator)

    # -- comparisons -------------------------------------------------------------

    def __eq__(a, b):
        t = type(b)
        if t is Exact or t is Fraction:
            return a._numerator == b._numerator and a._denominator == b._denominator
        if t is int:
            return a._numerator == b and a._denominator == 1
        if t is float and (b == _INF or b == -_INF):  # an interval's open end
            return False
        return Fraction.__eq__(a, b)

    __hash__ = Fraction.__hash__  # equal to the Fraction (and int) of the same value

    def __lt__(a, b):
        t = type(b)
        if t is Exact or t is Fraction:
            return a._numerator * b._denominator < b._numerator * a._denominator
        if t is int:
            return a._numerator < b * a._denominator
        return Fraction.__lt__(a, b)

    def __le__(a, b):
        t = type(b)
        if t is Exact or t is Fraction:
            return a._numerator * b._denominator <= b._numerator * a._denominator
        if t is int:
            return a._numerator <= b * a._denominator
        return Fraction.__le__(a, b)

    def __gt__(a, b):
        t = type(b)
        if t is Exact or t is Fraction:
            return a._numerator * b._denominator > b._numerator * a._denominator
        if t is int:
            return a._numerator > b * a._denominator
        return Fraction.__gt__(a, b)

    def __ge__(a, b):
        t = type(b)
        if t is Exact or t is Fraction:
            return a._numerator * b._denominator >= b._numerator * a._denominator
        if t is int:
            return a._numerator >= b * a._denominator
        return Fraction.__ge__(a, b)
