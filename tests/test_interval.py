import math
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from verify.interval import INF, Interval

fractions = st.fractions(min_value=-10**6, max_value=10**6, max_denominator=1000)


@st.composite
def intervals(draw):
    a, b = sorted((draw(fractions), draw(fractions)))
    if a == b:
        return Interval(a, b)
    return Interval(a, b, draw(st.booleans()), draw(st.booleans()))


@st.composite
def member(draw, interval):
    """An exact value inside `interval` (open ends excluded)."""
    if interval.is_point:
        return interval.lo
    t = draw(st.fractions(min_value=0, max_value=1, max_denominator=997))
    x = interval.lo + t * (interval.hi - interval.lo)
    assume(interval.contains(x))
    return x


@given(st.data(), intervals(), intervals())
def test_arithmetic_is_sound(data, a, b):
    x, y = data.draw(member(a)), data.draw(member(b))
    assert (a + b).contains(x + y)
    assert (a - b).contains(x - y)
    assert (a * b).contains(x * y)
    if y != 0:
        assert (a / b).contains(x / y)
    assert abs(a).contains(abs(x))
    assert a.minimum(b).contains(min(x, y))
    assert a.maximum(b).contains(max(x, y))


@given(intervals(), intervals())
def test_overlap_means_a_shared_value(a, b):
    # If any value is shared, one of these is: the two inner ends, or the point between them.
    lo, hi = max(a.lo, b.lo), min(a.hi, b.hi)
    candidates = [lo, hi, (lo + hi) / 2]
    assert a.overlaps(b) == any(a.contains(x) and b.contains(x) for x in candidates)
    assert a.overlaps(b) == b.overlaps(a)


@given(intervals())
def test_relations_of_an_interval_with_itself(a):
    assert a.may_equal(a)
    assert a.may_be_at_most(a)
    assert a.may_be_less(a) == (not a.is_point)
    assert a.may_differ(a) == (not a.is_point)


def test_division_by_an_interval_containing_zero_is_unbounded():
    assert Interval.closed(1, 2) / Interval.closed(-1, 1) == Interval.everything()
    assert Interval.closed(1, 2) / Interval(Fraction(0), Fraction(1), True, False) == Interval.everything()


def test_open_ends_are_kept_and_closed_zero_wins():
    over = Interval.parse("(100, 110]")
    assert (over + Interval.point(1)) == Interval(Fraction(101), Fraction(111), True, False)
    assert Interval.closed(0, 1) * Interval.parse("[1, inf)") == Interval(Fraction(0), INF, False, True)
    assert Interval.parse("(0, 1]") * Interval.parse("[1, inf)") == Interval(Fraction(0), INF, True, True)


def test_touching_intervals_overlap_only_when_both_ends_are_closed():
    assert Interval.closed(1, 2).overlaps(Interval.closed(2, 3))
    assert not Interval.parse("[1, 2)").overlaps(Interval.closed(2, 3))
    assert not Interval.parse("[1, 2]").overlaps(Interval.parse("(2, 3]"))


def test_parse_notation_and_errors():
    i = Interval.parse("[0.95, 1)")
    assert (i.lo, i.hi, i.lo_open, i.hi_open) == (Fraction(95, 100), 1, False, True)
    assert str(Interval.parse("(1, inf)")) == "(1, inf)"
    with pytest.raises(ValueError, match="not an interval"):
        Interval.parse("0.95 to 1")
    with pytest.raises(ValueError, match="empty"):
        Interval.parse("[2, 1]")


def test_floats_are_refused():
    with pytest.raises(ValueError):
        Interval(0.1, Fraction(1))
    with pytest.raises(TypeError):
        Interval.point(0.1)


@st.composite
def rays_or_intervals(draw):
    """Intervals, half-lines and the whole line, with all kinds of ends."""
    i = draw(intervals())
    lo, lo_open = (-INF, True) if draw(st.integers(0, 4)) == 0 else (i.lo, i.lo_open)
    hi, hi_open = (INF, True) if draw(st.integers(0, 4)) == 0 else (i.hi, i.hi_open)
    return Interval(lo, hi, lo_open, hi_open)


def corner_products(a, b):
    """The textbook product: the least and greatest of the four end products, a closed end
    winning a tie (its value is attained); zero times anything is zero, open only if the zero is."""
    def times(x, x_open, y, y_open):
        if x == 0 or y == 0:
            return Fraction(0), not ((x == 0 and not x_open) or (y == 0 and not y_open))
        p = x * y
        return p, True if isinstance(p, float) else (x_open or y_open)
    ends = [times(x, xo, y, yo) for x, xo in ((a.lo, a.lo_open), (a.hi, a.hi_open))
            for y, yo in ((b.lo, b.lo_open), (b.hi, b.hi_open))]
    lo = min(ends, key=lambda e: (e[0], e[1]))
    hi = max(ends, key=lambda e: (e[0], not e[1]))
    return Interval(lo[0], hi[0], lo[1], hi[1])


@given(rays_or_intervals(), rays_or_intervals())
def test_products_hulls_and_intersections_are_tight(a, b):
    assert a * b == corner_products(a, b)
    hull = a.hull(b)
    assert (hull.lo, hull.hi) == (min(a.lo, b.lo), max(a.hi, b.hi))
    assert a.within(hull) and b.within(hull)
    both = a.intersection(b)
    if both is None:
        assert not any(a.contains(x) and b.contains(x) for x in (a.lo, a.hi, b.lo, b.hi) if x not in (INF, -INF))
    else:
        assert both.within(a) and both.within(b)
        assert (both.lo, both.hi) == (max(a.lo, b.lo), min(a.hi, b.hi))


@given(st.one_of(intervals(), st.just(Interval(-INF, INF, True, True)),
                 fractions.map(lambda x: Interval(x, INF, False, True))))
def test_an_interval_pickles_as_itself(a):
    import pickle

    from verify.quantity import Quantity
    from verify.units import PERCENT

    back = pickle.loads(pickle.dumps(Quantity(a, PERCENT), pickle.HIGHEST_PROTOCOL))
    assert back == Quantity(a, PERCENT)
    assert (back.interval.lo_open, back.interval.hi_open) == (a.lo_open, a.hi_open)
    assert [type(end) for end in (back.interval.lo, back.interval.hi)] == [type(end) for end in (a.lo, a.hi)]


@given(st.one_of(intervals(), st.just(Interval(-INF, INF, True, True)),
                 fractions.map(lambda x: Interval(x, INF, False, True))),
       st.fractions(min_value=0, max_value=1, max_denominator=10**4), st.booleans())
def test_widened_moves_each_end_out_by_its_own_magnitude(a, relative, as_exact):
    from verify.exact import Exact

    lo, hi = (Exact(x.numerator, x.denominator) if isinstance(x, Fraction) else x for x in (a.lo, a.hi))
    a = Interval(lo, hi, a.lo_open, a.hi_open)
    w = a.widened(Exact(relative.numerator, relative.denominator) if as_exact else relative)
    expected_lo = a.lo if a.lo == -INF else Fraction(a.lo) - relative * abs(Fraction(a.lo))
    expected_hi = a.hi if a.hi == INF else Fraction(a.hi) + relative * abs(Fraction(a.hi))
    assert (w.lo, w.hi, w.lo_open, w.hi_open) == (expected_lo, expected_hi, a.lo_open, a.hi_open)
    for end in (w.lo, w.hi):
        assert type(end) is float or type(end) is Exact
        if type(end) is Exact:
            assert end.denominator > 0 and math.gcd(end.numerator, end.denominator) == 1  # in lowest terms
