import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rulekit import claim, only, run

from verify.rules.share import ShareRule

RULES = [ShareRule()]
MARKET = "cloud infrastructure"


def share(id, entity, value, period="2024-Q4"):
    return claim(id, "market_share", value, entity=entity, market=MARKET, period=period)


def rank(id, entity, value, period="2024-Q4"):
    return claim(id, "market_share_rank", value, entity=entity, market=MARKET, period=period)


CLOUD = (share("aws", "AWS", "30 percent") + share("msft", "Microsoft", "21 percent")
         + share("goog", "Google", "12 percent") + share("ali", "Alibaba", "4 percent"))


def test_shares_under_100_percent_are_silent(tmp_path):
    # 30 + 21 + 12 + 4 = 67%; the ranks 1 and 4 follow from the shares
    body = CLOUD + rank("aws_rank", "AWS", "first") + rank("ali_rank", "Alibaba", "fourth largest")
    report = run(tmp_path, ("a", body), rules=RULES)
    assert report.findings == () and report.checks == 3


def test_shares_over_100_percent_are_an_error_with_the_sum(tmp_path):
    # 30 + 41 + 25 + 12 = 108%; loosely each keeps its digits: [106, 110], which widened by 1%
    # (at least 104.94) stays above 100% widened by 1% (101)
    body = (share("aws", "AWS", "30%") + share("msft", "Microsoft", "41%")
            + share("goog", "Google", "25%") + share("ali", "Alibaba", "12%"))
    [finding] = run(tmp_path, ("a", body), rules=RULES).findings
    assert (finding.id, finding.severity) == ("share.total", "error")
    assert finding.sides[0].label == "a.aws + a.msft + a.goog + a.ali"
    assert str(finding.sides[0].loose) == "[106, 110] %"


def test_shares_just_over_100_percent_are_a_warning(tmp_path):
    # 50% + 52%: strictly [49.5, 50.5] + [51.5, 52.5] = [101, 103] > 100;
    # loosely [49, 51] + [50.96, 53.04] reaches down to 99.96
    body = share("a1", "A", "50%") + share("b1", "B", "52%")
    [finding] = run(tmp_path, ("a", body), rules=RULES).findings
    assert finding.severity == "warning"


def test_shares_of_other_periods_and_markets_do_not_add(tmp_path):
    body = (share("aws", "AWS", "60%") + share("msft", "Microsoft", "60%", period="2024-Q3")
            + claim("goog", "market_share", "60%", entity="Google", market="search", period="2024-Q4"))
    report = run(tmp_path, ("a", body), rules=RULES)
    assert report.findings == () and report.checks == 3


def test_a_rank_the_shares_contradict_is_an_error(tmp_path):
    # three shares surely above 4% (30, 21, 12): Alibaba is 4th at best, not 2nd
    body = CLOUD + rank("ali_rank", "Alibaba", "second")
    [finding] = run(tmp_path, ("a", body), rules=RULES).findings
    assert (finding.id, finding.severity) == ("share.rank", "error")
    assert "rank 4 or lower" not in finding.message and "at rank 4 to" in finding.message
    assert [c.ref for c in finding.claims[:2]] == ["a.ali_rank", "a.ali"]


def test_a_rank_leaves_room_for_competitors_nobody_named(tmp_path):
    # only AWS's 30% is named beside Alibaba's 4%: 66% is unclaimed, room for others above 4%
    body = share("aws", "AWS", "30%") + share("ali", "Alibaba", "4%") + rank("r", "Alibaba", "fourth")
    report = run(tmp_path, ("a", body), rules=RULES)
    assert report.findings == () and report.checks == 2


def test_a_rank_with_no_room_left_above_is_an_error(tmp_path):
    # Alibaba 40%, AWS 30%: 30% left cannot hold three firms above 40%; it is first
    body = share("aws", "AWS", "30%") + share("ali", "Alibaba", "40%") + rank("r", "Alibaba", "fourth")
    [finding] = only(run(tmp_path, ("a", body), rules=RULES), "share")
    assert finding.id == "share.rank" and "at rank 1 " in finding.message


@pytest.mark.parametrize("theirs, severity", [
    ("29.8%", ["warning"]),  # [29.75, 29.85] widened to 30.15 meets 30% widened down to 29.65
    ("29.0%", ["error"]),  # 29.95 widened down to 29.65 stays above 29.05 widened up to 29.34
])
def test_a_rank_is_judged_loosely_with_each_share_widened_by_the_tolerance(tmp_path, theirs, severity):
    body = (share("aws", "AWS", "30.0%") + share("msft", "Microsoft", theirs)
            + rank("r", "Microsoft", "largest"))
    found = only(run(tmp_path, ("a", body), rules=RULES), "share")
    assert [f.severity for f in found] == severity
    assert ("each share ±1%" in found[0].message) == (severity == ["error"])


def test_a_rank_without_the_entitys_share_is_skipped(tmp_path):
    report = run(tmp_path, ("a", CLOUD + rank("r", "Oracle", "fifth")), rules=RULES)
    assert report.findings == () and report.skipped == {"share": 1}


def test_a_segment_is_at_most_its_whole(tmp_path):
    # cloud revenue of $40.0bn in a quarter whose whole revenue was $38.4bn
    whole = claim("rev", "revenue", "$38.4 billion", period="2024-Q4")
    part = claim("cloud", "revenue", "$40.0 billion", segment="Cloud", period="2024-Q4")
    [finding] = run(tmp_path, ("a", whole + part), rules=RULES).findings
    assert (finding.id, finding.severity) == ("share.part", "error")
    assert finding.sides[0].label == "a.cloud" and finding.sides[1].label == "a.rev"
    (tmp_path / "ok").mkdir()
    ok = run(tmp_path / "ok", ("a", whole + part.replace("$40.0 billion", "$4.3 billion")), rules=RULES)
    assert ok.findings == () and ok.checks == 1


@pytest.mark.parametrize("metric", ["operating_income", "net_income"])
def test_a_segments_profit_may_exceed_a_whole_that_other_segments_pulled_down(tmp_path, metric):
    # AWS earned $5.1bn in 2023-Q1 while Amazon as a whole earned $4.8bn: International lost money
    whole = claim("op", metric, "$4.8 billion", period="2023-Q1")
    part = claim("aws", metric, "$5.1 billion", segment="AWS", period="2023-Q1")
    assert run(tmp_path, ("a", whole + part), rules=RULES).findings == ()


def _rank_by_definition(mine, theirs):
    """The implied rank's ends, counted share by share: the definition the fast count must keep."""
    import math

    surely = sum(1 for t in theirs if not t.may_be_at_most(mine))
    possibly = sum(1 for t in theirs if mine.may_be_less(t))
    room = 1 - mine.lo - sum(t.lo for t in theirs)
    unnamed = 0 if room <= 0 else math.inf if mine.lo <= 0 else math.ceil(room / mine.lo) - 1
    return surely + 1, possibly + 1 + unnamed


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 4), st.booleans(), st.booleans()), min_size=1, max_size=8),
       st.data())
def test_a_rank_counted_by_bisection_is_the_rank_counted_share_by_share(ends, data):
    from verify.exact import Exact
    from verify.interval import INF, Interval
    from verify.quantity import Quantity
    from verify.rules.share import _implied_rank, _Standing
    from verify.units import PERCENT

    intervals = [Interval(Exact(lo, 100), Exact(lo + w, 100), lo_open and w > 0, hi_open and w > 0)
                 for lo, w, lo_open, hi_open in ends]
    me = data.draw(st.integers(0, len(intervals) - 1))

    class Own:  # what _implied_rank reads of a claim: its value's reading
        class value:
            strict = Quantity(intervals[me] * Interval.point(100), PERCENT)

    rank = _implied_rank(Own, _Standing(intervals), "strict", 0).interval
    low, high = _rank_by_definition(intervals[me], intervals[:me] + intervals[me + 1:])
    assert rank.lo == low
    assert rank.hi == (INF if high == float("inf") else high)
