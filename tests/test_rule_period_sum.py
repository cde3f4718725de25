from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from rulekit import claim, run

from verify.rules.period_sum import PeriodSumRule, Spans

RULES = [PeriodSumRule()]


def revenue(id, value, period):
    return claim(id, "revenue", value, period=period)


def year(q4="$25.0bn", whole="$100.0bn"):
    return (revenue("y", whole, "2024") + revenue("q1", "$25.0bn", "2024-Q1")
            + revenue("q2", "$25.0bn", "2024-Q2") + revenue("q3", "$25.0bn", "2024-Q3")
            + revenue("q4", q4, "2024-Q4"))


def test_four_quarters_that_make_the_year_are_silent(tmp_path):
    report = run(tmp_path, ("a", year()), rules=RULES)
    assert report.findings == () and report.checks == 1


def test_a_wrong_quarter_is_an_error_showing_the_sum(tmp_path):
    # 25 + 25 + 25 + 35 = 110 against 100: loosely [99.95, 100.05] widened to at most 101.05, against
    # [109.8, 110.2] widened to at least 108.7
    [finding] = run(tmp_path, ("a", year(q4="$35.0bn")), rules=RULES).findings
    assert (finding.rule, finding.id, finding.severity) == ("period-sum", "period-sum", "error")
    assert finding.sides[1].label == "a.q1 + a.q2 + a.q3 + a.q4"
    assert str(finding.sides[1].strict) == "[$109.8B, $110.2B]"
    assert "2024 is not the sum of its 2024-Q1 + 2024-Q2 + 2024-Q3 + 2024-Q4" in finding.message


def test_four_quarters_that_miss_their_year_by_3_percent_are_an_error(tmp_path):
    # 25 × 3 + 22 = 97 against 100. The tolerance is the relation's, applied once to each side:
    # [96.8, 97.2] widened by 1% reaches 98.172, [99.95, 100.05] reaches down to 98.9505.
    # (A 2% floor on every value let the four quarters reach 97.2 × 1.02 = 99.14: a warning.)
    [finding] = run(tmp_path, ("a", year(q4="$22.0bn")), rules=RULES).findings
    assert finding.severity == "error"
    assert "does not hold loosely (±1% per side): [$99.95B, $100.05B] against [$96.8B, $97.2B]" in finding.message


def test_a_years_slack_does_not_grow_with_its_pieces(tmp_path):
    # twelve months of $8.0bn (96) against $100.0bn: 4% off, as wrong as four quarters would be
    body = revenue("y", "$100.0bn", "2024") + "".join(
        revenue(f"m{m}", "$8.0bn", f"2024-{m:02d}") for m in range(1, 13))
    [finding] = run(tmp_path, ("a", body), rules=RULES).findings
    assert finding.severity == "error"


def test_a_quarter_slightly_off_is_a_warning(tmp_path):
    # 25 × 3 + 26 = 101 against 100: strictly [100.8, 101.2] vs [99.95, 100.05]; loosely they meet
    [finding] = run(tmp_path, ("a", year(q4="$26.0bn")), rules=RULES).findings
    assert finding.severity == "warning"


def test_months_make_a_quarter_and_quarters_a_half(tmp_path):
    body = (revenue("q1", "$9bn", "2024-Q1") + revenue("jan", "$3bn", "2024-01")
            + revenue("feb", "$3bn", "2024-02") + revenue("mar", "$3bn", "2024-03")
            + revenue("h1", "$20bn", "2024-H1") + revenue("q2", "$11bn", "2024-Q2"))
    report = run(tmp_path, ("a", body), rules=RULES)
    assert report.findings == () and report.checks == 2


def test_the_fewest_pieces_tile_a_period(tmp_path):
    # the year is checked against its halves, each half against its quarters: three checks
    body = year() + revenue("h1", "$50.0bn", "2024-H1") + revenue("h2", "$50.0bn", "2024-H2")
    report = run(tmp_path, ("a", body), rules=RULES)
    assert report.findings == () and report.checks == 3


def test_explicit_ranges_tile_exactly(tmp_path):
    # 2025-01-01..2025-02-24 is January plus 1..24 February
    body = (revenue("ytd", "$10.0bn", "2025-01-01..2025-02-24") + revenue("jan", "$6.0bn", "2025-01")
            + revenue("feb", "$5.0bn", "2025-02-01..2025-02-24"))
    [finding] = run(tmp_path, ("a", body), rules=RULES).findings
    assert finding.severity == "error" and {c.ref for c in finding.claims} == {"a.ytd", "a.jan", "a.feb"}


def test_an_incomplete_year_is_skipped(tmp_path):
    body = year().replace('period = "2024-Q3"', 'period = "2023-Q3"')
    report = run(tmp_path, ("a", body), rules=RULES)
    assert report.findings == () and report.checks == 0 and report.skipped == {"period-sum": 1}


def test_percentages_and_prices_are_not_summed(tmp_path):
    body = (claim("y", "net_margin", "10%", period="2024") + claim("h1", "net_margin", "10%", period="2024-H1")
            + claim("h2", "net_margin", "10%", period="2024-H2"))
    report = run(tmp_path, ("a", body), rules=RULES)
    assert report.findings == () and report.checks == 0


def test_halves_in_another_currency_convert_at_their_own_ends(tmp_path):
    # €100bn for the year; H1 RMB 388.74bn at 7.7748 (2024-06-28, the last fixing of June) is €50bn,
    # H2 RMB 379.17bn at 7.5833 (2024-12-31) is €50bn: one rate for both would miss by about 1.2%
    body = (revenue("y", "€100.0bn", "2024") + revenue("h1", "RMB 388.74bn", "2024-H1")
            + revenue("h2", "RMB 379.17bn", "2024-H2"))
    report = run(tmp_path, ("a", body), rules=RULES)
    assert report.findings == () and report.checks == 1


@st.composite
def partitions(draw):
    start = date(2020, 1, 1) + timedelta(days=draw(st.integers(0, 2000)))
    lengths = draw(st.lists(st.integers(1, 40), min_size=2, max_size=12))
    spans, day = [], start
    for length in lengths:
        spans.append((day, day + timedelta(days=length - 1)))
        day += timedelta(days=length)
    return (start, day - timedelta(days=1)), spans


@given(partitions(), st.data())
def test_tiles_finds_a_tiling_exactly_when_one_exists(case, data):
    whole, spans = case
    decoys = [(s, e + timedelta(days=1)) for s, e in spans[:-1]]  # overlap their successors
    assert Spans(spans + decoys).tiling(whole) is not None
    tiling = Spans(spans + decoys).tiling(whole)
    assert tiling[0][0] == whole[0] and tiling[-1][1] == whole[1]
    assert all(a[1] + timedelta(days=1) == b[0] for a, b in zip(tiling, tiling[1:]))
    assert len(tiling) <= len(spans)
    gap = data.draw(st.integers(0, len(spans) - 1))
    assert Spans(spans[:gap] + spans[gap + 1:]).tiling(whole) is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), min_size=1, max_size=25), st.data())
def test_a_span_has_others_inside_it_exactly_when_one_lies_within(offsets, data):
    from datetime import date, timedelta

    from verify.rules.period_sum import Spans

    day = date(2024, 1, 1)
    spans = [(day + timedelta(days=a), day + timedelta(days=a + length)) for a, length in offsets]
    index = Spans(spans)
    whole = data.draw(st.sampled_from(spans + [(day, day + timedelta(days=40))]))
    expected = any(s != whole and whole[0] <= s[0] and s[1] <= whole[1] for s in spans)
    assert index.has_inside(whole) == expected


def test_each_source_that_states_the_whole_has_its_sum_checked(tmp_path):
    # a's year reads loosely as anything above $98bn (its quarter "over $25bn" too), so its sum
    # holds; b writes the same quarters and a tenfold year, which its own quarters contradict
    a = year(q4="over $25.0bn", whole="over $98.0bn")
    report = run(tmp_path, ("a", a), ("b", year(whole="$1,000.0bn")), rules=RULES)
    [finding] = report.findings
    assert finding.severity == "error" and {c.ref for c in finding.claims} == {
        "b.y", "b.q1", "b.q2", "b.q3", "b.q4"}
    assert report.checks == 2
