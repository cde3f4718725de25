"""When a relation that holds strictly is known to hold loosely too, without evaluating it.

The loose reading of a value is meant to hold its strict one, but a project's own hedges
need not make it so; so it is asked of each value a relation uses. Where every value's
loose reading has its strict one's unit and holds its interval, and nothing is converted
(a conversion reads the two differently), each side computed loosely holds the side
computed strictly, as interval arithmetic only grows with its operands; widening by a
tolerance of zero or more grows it further; and a relation that some values of the
smaller sides satisfy, the same values of the larger sides satisfy. The loose evaluation
would then hold and raise nothing the strict one did not: it is skipped.
"""

from __future__ import annotations

from fractions import Fraction

from verify.values import Value


def loose_holds_strict(value: Value) -> bool:
    """Whether the loose reading of `value` has the strict one's unit and holds its interval."""
    strict, loose = value.strict, value.loose
    if strict.unit is not loose.unit:
        return False
    return strict.interval is loose.interval or strict.interval.within(loose.interval)


def strict_implies_loose(values, tolerance: Fraction) -> bool:
    """Whether `values`' loose readings each hold their strict ones and the tolerance widens
    (not narrows): then whatever holds strictly of them holds loosely."""
    return tolerance >= 0 and all(map(loose_holds_strict, values))
