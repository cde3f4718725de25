"""`Exact` computes exactly what Fraction computes, faster, and stays an Exact."""

import math
import operator
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verify.exact import Exact

fractions = st.fractions(max_denominator=10**12)
operands = st.one_of(fractions, st.integers(-10**15, 10**15))
ARITHMETIC = [operator.add, operator.sub, operator.mul, operator.truediv]
COMPARISONS = [operator.eq, operator.ne, operator.lt, operator.le, operator.gt, operator.ge]


def exact(x):
    return Exact(x.numerator, x.denominator)


@given(fractions, operands, st.sampled_from(ARITHMETIC), st.booleans())
def test_arithmetic_is_fractions_arithmetic_and_stays_exact(a, b, op, exact_on_the_right):
    """Exact op b, b op Exact, Exact op Exact: each equal to the Fraction result, and an Exact."""
    expected_error = None
    try:
        expected = op(b, a) if exact_on_the_right else op(a, b)
    except ZeroDivisionError:
        expected_error = ZeroDivisionError
    for left_right in ((b, exact(a)) if exact_on_the_right else (exact(a), b),
                       (exact(b) if isinstance(b, Fraction) else b, exact(a)) if exact_on_the_right
                       else (exact(a), exact(b) if isinstance(b, Fraction) else b)):
        if expected_error:
            with pytest.raises(ZeroDivisionError):
                op(*left_right)
            continue
        result = op(*left_right)
        assert result == expected and type(result) is Exact
        assert (result.numerator, result.denominator) == (expected.numerator, expected.denominator)
        assert hash(result) == hash(expected)


@given(fractions, st.one_of(operands, st.sampled_from([math.inf, -math.inf, 0.5, -2.25])),
       st.sampled_from(COMPARISONS))
def test_comparisons_are_fractions_comparisons(a, b, op):
    assert op(exact(a), b) == op(a, b)
    assert op(b, exact(a)) == op(b, a)
    if isinstance(b, Fraction):
        assert op(exact(a), exact(b)) == op(a, b)


@given(fractions)
def test_sign_and_size_stay_exact(a):
    for result, expected in ((-exact(a), -a), (abs(exact(a)), abs(a)), (+exact(a), a)):
        assert result == expected and type(result) is Exact


def test_what_exact_does_not_speed_up_still_works():
    half = Exact(1, 2)
    assert half * 0.5 == 0.25 and isinstance(half * 0.5, float)
    assert half ** 2 == Fraction(1, 4) and half < math.inf and -math.inf < half
    assert Exact("0.975") == Fraction(39, 40) and isinstance(Exact("0.975"), Fraction)
    assert {Fraction(1, 2): "found"}[half] == "found"
    with pytest.raises(ZeroDivisionError):
        half / 0


@given(st.integers(-10**15, 10**15), st.integers(1, 10**12))
def test_a_ratio_is_the_reduced_fraction(n, d):
    q = Exact.ratio(n, d)
    assert type(q) is Exact and (q.numerator, q.denominator) == (Fraction(n, d).numerator, Fraction(n, d).denominator)


@given(fractions)
def test_an_exact_pickles_as_itself(a):
    import pickle

    back = pickle.loads(pickle.dumps(exact(a), pickle.HIGHEST_PROTOCOL))
    assert type(back) is Exact and back == a and (back.numerator, back.denominator) == (a.numerator, a.denominator)
