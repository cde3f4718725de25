"""Skipping the loose evaluation of a relation that holds strictly (verify.rules.implied).

The shortcut rests on two facts tested here: interval arithmetic and the relations only
grow with their operands, and every rule that takes the shortcut reports exactly what it
reported evaluating both readings, whether or not the loose readings hold the strict ones.
"""

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify import expressions as ex
from verify.config import Config
from verify.engine import Context
from verify.interval import INF, Interval
from verify.model import Claim, Corpus, Source, with_value
from verify.quantity import Quantity
from verify.rules import agreement, change, implied, relation
from verify.rules.agreement import AgreementRule
from verify.rules.change import ChangeRule
from verify.rules.relation import judge
from verify.units import ONE, PERCENT
from verify.values.value import Value, with_readings

ends = st.fractions(min_value=-50, max_value=50, max_denominator=8)


@st.composite
def intervals(draw, bounded=False):
    a, b = sorted((draw(ends), draw(ends)))
    lo_open, hi_open = (False, False) if a == b else (draw(st.booleans()), draw(st.booleans()))
    if not bounded and draw(st.integers(0, 5)) == 0:
        a, lo_open = -INF, True
    if not bounded and draw(st.integers(0, 5)) == 0:
        b, hi_open = INF, True
    return Interval(a, b, lo_open, hi_open)


@st.composite
def nested(draw):
    """An interval and one holding it (their ends equal or further out)."""
    inner = draw(intervals())
    lo, lo_open, hi, hi_open = inner.lo, inner.lo_open, inner.hi, inner.hi_open
    if lo != -INF and draw(st.booleans()):
        step = draw(st.sampled_from([0, 0, Fraction(1, 4), 3, None]))
        lo, lo_open = (-INF, True) if step is None else (lo - step, draw(st.booleans()) if step else False)
    if hi != INF and draw(st.booleans()):
        step = draw(st.sampled_from([0, 0, Fraction(1, 4), 3, None]))
        hi, hi_open = (INF, True) if step is None else (hi + step, draw(st.booleans()) if step else False)
    if lo_open != inner.lo_open and lo == inner.lo:
        lo_open = False
    if hi_open != inner.hi_open and hi == inner.hi:
        hi_open = False
    outer = Interval(lo, hi, lo_open, hi_open)
    assert inner.within(outer)
    return inner, outer


@given(nested(), nested(), st.fractions(min_value=0, max_value=Fraction(1, 2), max_denominator=100))
def test_interval_arithmetic_and_relations_only_grow_with_their_operands(a, b, relative):
    (a, a2), (b, b2) = a, b
    for op in (lambda x, y: x + y, lambda x, y: x - y, lambda x, y: x * y, lambda x, y: x / y,
               lambda x, y: x.minimum(y), lambda x, y: x.maximum(y)):
        assert op(a, b).within(op(a2, b2))
    assert (-a).within(-a2) and abs(a).within(abs(a2)) and a.scale(Fraction(3, 2)).within(a2.scale(Fraction(3, 2)))
    assert a.within(a2.widened(relative))
    for test in (Interval.may_equal, Interval.may_differ, Interval.may_be_less, Interval.may_be_at_most):
        assert not test(a, b) or test(a2, b2)


def _claim(name: str, strict: Interval, loose: Interval, unit=ONE, **fields) -> Claim:
    claim = Claim(id=name, entity="Acme", metric=fields.pop("metric", "revenue"), value="1",
                  source="s", **fields)
    loose_unit = unit if loose is not None else ONE
    return with_value(claim, with_readings(claim.value, Quantity(strict, unit),
                                           Quantity(loose if loose is not None else strict, loose_unit)))


@st.composite
def readings(draw):
    """A value's two readings: mostly the loose holding the strict, sometimes not."""
    strict, loose = draw(nested())
    if draw(st.integers(0, 3)) == 0:
        loose = draw(intervals())
    return strict, loose


EXPRESSIONS = ["a == b + c", "a + b >= c * d", "a - b < c / d", "abs(a - b) <= c", "max(a, b) == min(c, d)",
               "a != b", "a * b > c", "sum(a, b, c) == d", "-a <= b - 2"]


def _items(items):
    return [(type(i).__name__, getattr(i, "key", None), getattr(i, "claims", None),
             getattr(i, "severity", None), getattr(i, "message", None), str(getattr(i, "sides", "")))
            for i in items]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(EXPRESSIONS), st.lists(readings(), min_size=4, max_size=4),
       st.sampled_from([Fraction(0), Fraction(1, 50), Fraction(1, 2)]), st.data())
def test_a_relation_is_judged_as_when_both_readings_were_evaluated(text, values, tolerance, data):
    claims = {n: _claim(n, s, l, unit=ONE if data.draw(st.integers(0, 9)) else PERCENT)
              for n, (s, l) in zip("abcd", values)}
    context = Context(Corpus(), config=Config(loose_tolerance=tolerance))
    tree = ex.parse(text)

    def judged():
        return _items(judge("check", "check", tree, context, resolve=claims.__getitem__, key="k",
                            what="check 'k'"))

    fast = judged()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(relation, "_implied", lambda *_: False)
        assert judged() == fast


@settings(max_examples=200, deadline=None)
@given(st.lists(readings(), min_size=2, max_size=5), st.sampled_from([Fraction(0), Fraction(1, 50)]))
def test_a_group_agrees_as_when_both_readings_were_aligned(values, tolerance):
    claims = tuple(_claim(f"c{i}", s, l, metric="widgets", as_of=date(2025, 1, 1))
                   for i, (s, l) in enumerate(values))
    corpus = Corpus(sources=(Source(id="s", published=date(2025, 2, 1)),), claims=claims)
    context = Context(corpus, config=Config(loose_tolerance=tolerance))
    fast = _items(AgreementRule().run(context))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(agreement, "_implied", lambda *_: False)
        assert _items(AgreementRule().run(context)) == fast


@settings(max_examples=200, deadline=None)
@given(readings(), readings(), readings(), st.sampled_from([Fraction(0), Fraction(1, 50)]))
def test_a_change_is_judged_as_when_both_readings_were_computed(stated, new, old, tolerance):
    claims = (_claim("up", *stated, metric="revenue", change="absolute", period="2024"),
              _claim("new", *new, metric="revenue", period="2024"),
              _claim("old", *old, metric="revenue", period="2023"))
    corpus = Corpus(sources=(Source(id="s", published=date(2025, 2, 1)),), claims=claims)
    context = Context(corpus, config=Config(loose_tolerance=tolerance))
    fast = _items(ChangeRule().run(context))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(change, "strict_implies_loose", lambda *_: False)
        assert _items(ChangeRule().run(context)) == fast


def test_the_shortcut_needs_the_loose_reading_to_hold_the_strict_one_in_its_unit():
    def value(strict, loose, loose_unit=ONE):
        return Value("x", Quantity(strict, ONE), Quantity(loose, loose_unit))

    one_two = Interval.closed(1, 2)
    assert implied.loose_holds_strict(value(one_two, Interval.closed(0, 3)))
    assert implied.loose_holds_strict(value(one_two, one_two))
    assert not implied.loose_holds_strict(value(one_two, Interval(Fraction(1), Fraction(2), True)))  # (1, 2]
    assert not implied.loose_holds_strict(value(one_two, Interval.closed(0, 3), PERCENT))
    assert not implied.loose_holds_strict(value(Interval.closed(0, 3), one_two))
    assert implied.strict_implies_loose([value(one_two, one_two)], Fraction(0))
    assert not implied.strict_implies_loose([value(one_two, one_two)], Fraction(-1, 100))
