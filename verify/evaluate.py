"""Evaluating expression trees to quantities, under one reading.

Money is brought to one currency leaf by leaf, each claim at a rate the
conversion rule allows for it, because a sum of conversions at different dates
is what the claims actually mean. Strictly a level has one rate (its as_of
fixing) and a flow two (its period-end fixing, its period average): a relation
holds strictly when it holds with one of them chosen for each flow, not at a
rate between them. Loosely each claim takes any daily fixing of its window, and
a relation that holds only so names, per claim, a fixing it holds at. The
target currency is the first one the expression names, or the one
`convert(x, 'EUR')` asks for.
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
from datetime import date
from fractions import Fraction
from typing import Callable

from verify import expressions as ex
from verify.conversion import Conversion, Converter
from verify.exact import Exact
from verify.facts import period_start, rate_date
from verify.interval import Interval
from verify.model import Claim
from verify.quantity import Quantity
from verify.rates import Rate, RateError
from verify.rates.book import money_dimension
from verify.tolerance import widened
from verify.units import ONE, UnitError
from verify.values import Value, parse_value

RELATIONS: dict[str, Callable[[Interval, Interval], bool]] = {
    "==": lambda a, b: a.may_equal(b),
    "!=": lambda a, b: a.may_differ(b),
    "<": lambda a, b: a.may_be_less(b),
    "<=": lambda a, b: a.may_be_at_most(b),
    ">": lambda a, b: b.may_be_less(a),
    ">=": lambda a, b: b.may_be_at_most(a),
}


_ARITHMETIC: dict[str, Callable[[Quantity, Quantity], Quantity]] = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}

# Above this many combinations of one rate per flow, a strict relation is judged on the range
# between each flow's rates (2 ** 8: eight flows in other currencies in one relation).
COMBINATIONS = 256
SAMPLES = 9  # rates tried across a claim's loose window, to name the fixing a relation holds at


class Evaluator:
    """Evaluates trees of one check under one reading, collecting the claims and rates used."""

    def __init__(self, resolve: Callable[[str], Claim], converter: Converter, reading: str,
                 published: Callable[[Claim | None], date | None], tolerance: Fraction = Exact(0)):
        self.resolve = resolve
        self.tolerance = tolerance  # each side's widening once computed (the loose reading's)
        self.converter = converter
        self.reading = reading
        self.published = published
        self.claims: list[Claim] = []
        self._seen: set[int] = set()  # ids of self.claims: a sum of thousands of claims, not n² comparisons
        self.rates: list[Rate] = []
        self._targets: list[str | None] = [None]
        self._conversions: dict[tuple[int, str], tuple[Claim, Conversion, tuple]] = {}
        self._choice: dict[tuple[int, str], int] = {}  # the option (rate) chosen per converted claim
        self._pinned: dict[tuple[int, str], Rate] = {}  # a daily fixing per converted claim
        self.combined = False  # whether one rate per claim was tried (a failure then says so)
        # whether the last evaluation converted money or read a quoted value: the readings then
        # differ by more than each claim's own two (see rules.implied)
        self.converted = self.quoted = False

    def relation(self, tree: ex.Relation) -> tuple[Quantity, Quantity, bool]:
        """Both sides in one unit, and whether the relation holds for some values inside them
        once each is widened by the tolerance, with one allowed rate per converted claim.

        The range between a flow's rates holds every choice, so where it fails every choice
        fails; where it holds, the choices are tried until one holds."""
        left, right, holds = self._relation(tree)
        several = [key for key, (_, conversion, _) in self._conversions.items() if len(conversion.options) > 1]
        if not holds or not several:
            return left, right, holds
        counts = [len(self._conversions[key][1].options) for key in several]
        if math.prod(counts) > COMBINATIONS:
            return left, right, holds
        self.combined = True
        for combination in itertools.product(*map(range, counts)):
            self._choice = dict(zip(several, combination))
            chosen = self._relation(tree)
            if chosen[2]:
                return chosen
        self._choice = {}
        left, right, _ = self._relation(tree)  # every choice failed: show the range they span
        return left, right, False

    def agreeing_fixings(self, tree: ex.Relation) -> tuple[Rate, ...]:
        """For a relation that holds loosely: one daily fixing per converted claim, inside its
        window, at which it still holds (the others pinned before it kept); () if none is found.

        Tried at fixings spread over each claim's window, the middle of those that hold kept:
        the rate a reader can look up to see the figures agree."""
        fixings: list[Rate] = []
        for key, (claim, conversion, window) in list(self._conversions.items()):
            code, target, start, end = window
            if start >= end:
                continue
            low, high = self.converter.rates.extremes(code, target, start, end, from_start=claim.period is not None)
            tried: dict[date, Rate] = {}
            for i in range(SAMPLES):
                wanted = low.value + (high.value - low.value) * i / (SAMPLES - 1)
                try:
                    fixing = self.converter.rates.closest(code, target, start, end, wanted)
                except RateError:
                    continue
                tried.setdefault(fixing.on, fixing)
            holding = []
            for fixing in sorted(tried.values(), key=lambda r: r.value):
                self._pinned[key] = fixing
                if self._relation(tree)[2]:
                    holding.append(fixing)
            if holding:
                self._pinned[key] = holding[len(holding) // 2]
                fixings.append(self._pinned[key])
            else:
                del self._pinned[key]
        self._pinned = {}
        return tuple(fixings)

    def _relation(self, tree: ex.Relation) -> tuple[Quantity, Quantity, bool]:
        self.claims, self._seen, self.rates = [], set(), []
        self.converted = self.quoted = False
        self._targets = [first_currency(tree, self.resolve)]
        left, right = self.value(tree.left), self.value(tree.right)
        if not left.unit.compatible(right.unit):
            raise UnitError(f"the two sides differ in kind: {left.unit} and {right.unit}")
        # percentages are shown as such; anything else in base units (USD, not %*USD; 1.4, not USD/USD)
        shown = left.unit if not left.unit.dims and left.unit.factor != 1 else None
        left, right = (left.to(shown), right.to(shown)) if shown else (left.to_base(), right.to_base())
        holds = RELATIONS[tree.op](widened(left.interval, self.tolerance), widened(right.interval, self.tolerance))
        return left, right, holds

    def value(self, node: ex.Node) -> Quantity:
        kind = type(node)  # the node classes are final: their type, not isinstance down a chain
        if kind is ex.Ref:  # the commonest nodes first: claims, and the sums of them
            claim = self.resolve(node.name)
            if id(claim) not in self._seen:
                self._seen.add(id(claim))
                self.claims.append(claim)
            return self._money(getattr(claim.value, self.reading), claim)
        if kind is ex.Binary:
            return _ARITHMETIC[node.op](self.value(node.left), self.value(node.right))
        if kind is ex.Number:
            return Quantity(Interval.point(node.value), ONE)
        if kind is ex.Literal:
            self.quoted = True
            return self._money(getattr(_literal(node.text), self.reading), None)
        if kind is ex.Unary:
            operand = self.value(node.operand)
            return -operand if node.op == "-" else operand
        if kind is ex.Call:
            return self._call(node)
        raise TypeError(f"not an expression node: {node!r}")

    def _call(self, node: ex.Call) -> Quantity:
        if node.name == "convert":
            self._targets.append(node.args[1].text.strip().upper())
            try:
                return self.value(node.args[0])
            finally:
                self._targets.pop()
        args = [self.value(a) for a in node.args]
        if node.name == "abs":
            return Quantity(abs(args[0].interval), args[0].unit)
        result = args[0]
        for other in args[1:]:
            if node.name == "sum":
                result = result + other
            else:
                aligned = other.to(result.unit) if result.unit.compatible(other.unit) else None
                if aligned is None:
                    raise UnitError(f"{node.name} of {result.unit} and {other.unit}")
                pick = result.interval.minimum if node.name == "min" else result.interval.maximum
                result = Quantity(pick(aligned.interval), result.unit)
        return result

    def _money(self, quantity: Quantity, claim: Claim | None) -> Quantity:
        target = self._targets[-1]
        currencies = [name for name, _ in quantity.unit.currencies]
        if target is None or not currencies or currencies == [target]:
            return quantity
        self.converted = True
        key = (id(claim), target)
        if key not in self._conversions:
            reference = rate_date(claim, currencies[0], target) if claim is not None else self.published(None)
            if reference is None:
                raise UnitError(f"{claim.ref if claim else 'a quoted value'} has no date to convert "
                                f"{currencies[0]} to {target} at")
            published, start = self.published(claim), period_start(claim) if claim is not None else None
            conversion = self.converter.conversion(quantity, target, reading=self.reading, reference=reference,
                                                   published=published, start=start)
            if claim is None:
                return self._used(conversion.quantity, conversion.rates)
            window = (money_dimension(quantity.unit)[0], target, start or reference,
                      max(reference, published) if published is not None else reference)
            self._conversions[key] = (claim, conversion, window)
        conversion = self._conversions[key][1]
        if key in self._pinned:
            fixing = self._pinned[key]
            return self._used(self.converter.at(quantity, target, fixing), [fixing])
        if key in self._choice:
            option = conversion.options[self._choice[key]]
            return self._used(option.quantity, option.rates)
        return self._used(conversion.quantity, conversion.rates)

    def _used(self, quantity: Quantity, rates) -> Quantity:
        self.rates.extend(r for r in rates if r not in self.rates)
        return quantity


def first_currency(tree: ex.Node, resolve: Callable[[str], Claim]) -> str | None:
    """The currency of the first money operand, in reading order."""
    for node in _leaves(tree):
        if isinstance(node, ex.Ref):
            unit = resolve(node.name).value.unit
        elif isinstance(node, ex.Literal):
            unit = _literal(node.text).unit
        elif isinstance(node, ex.Call) and node.name == "convert":
            return node.args[1].text.strip().upper()
        else:
            continue
        if unit.currencies:
            return unit.currencies[0][0]
    return None


@functools.lru_cache(maxsize=1024)
def _literal(text: str) -> Value:
    """A quoted value of an expression, read once however often the readings evaluate it."""
    return parse_value(text)


def _leaves(node: ex.Node):
    """The leaves in reading order; a convert() call counts as a leaf (it names its currency)."""
    operands = () if isinstance(node, ex.Call) and node.name == "convert" else ex.children(node)
    if not operands:
        yield node
    for operand in operands:
        yield from _leaves(operand)
