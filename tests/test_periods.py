import re
from datetime import date

import pytest

from verify.periods import Period, PeriodParseError, Since


@pytest.mark.parametrize("text, kind, start, end", [
    ("2024", "year", date(2024, 1, 1), date(2024, 12, 31)),
    ("2024-Q4", "quarter", date(2024, 10, 1), date(2024, 12, 31)),
    ("2024-q1", "quarter", date(2024, 1, 1), date(2024, 3, 31)),
    ("2024-H1", "half", date(2024, 1, 1), date(2024, 6, 30)),
    ("2024-H2", "half", date(2024, 7, 1), date(2024, 12, 31)),
    ("2025-02", "month", date(2025, 2, 1), date(2025, 2, 28)),
    ("2024-02", "month", date(2024, 2, 1), date(2024, 2, 29)),
    ("2025-01-01..2025-02-24", "range", date(2025, 1, 1), date(2025, 2, 24)),
    ("2024-Q1..2024-Q3", "range", date(2024, 1, 1), date(2024, 9, 30)),
])
def test_calendar_periods(text, kind, start, end):
    p = Period.parse(text)
    assert (p.kind, p.start, p.end) == (kind, start, end)


def test_a_quarter_and_its_date_range_are_the_same_period():
    assert Period.parse("2024-Q4").key == Period.parse("2024-10-01..2024-12-31").key
    assert Period.parse("2024").key != Period.parse("2024-Q4").key


@pytest.mark.parametrize("text, year, part", [
    ("FY2025", 2025, ""), ("fy25", 2025, ""), ("FY 2025", 2025, ""), ("FY'25", 2025, ""),
    ("fiscal 2025", 2025, ""), ("fiscal year 2025", 2025, ""), ("FY99", 1999, ""),
    ("Q1 FY2025", 2025, "Q1"), ("FY2025-Q3", 2025, "Q3"), ("FY24 H2", 2024, "H2"),
])
def test_fiscal_periods_are_read_and_wait_for_their_calendar(text, year, part):
    p = Period.parse(text)
    assert (p.kind, p.fiscal, p.start, p.end) == ("fiscal", (year, part), None, None)
    assert p.shifted(-1) is None


@pytest.mark.parametrize("text, last_month, start, end", [
    ("FY2025", 6, date(2024, 7, 1), date(2025, 6, 30)),  # a year from July to June
    ("FY2025", 3, date(2024, 4, 1), date(2025, 3, 31)),  # April to March
    ("FY2025", 12, date(2025, 1, 1), date(2025, 12, 31)),  # the calendar year
    ("Q1 FY2025", 6, date(2024, 7, 1), date(2024, 9, 30)),
    ("FY2025 Q3", 3, date(2024, 10, 1), date(2024, 12, 31)),
    ("FY24 H2", 9, date(2024, 4, 1), date(2024, 9, 30)),
])
def test_a_fiscal_period_in_its_calendar_is_days(text, last_month, start, end):
    p = Period.parse(text).in_fiscal_year(last_month)
    assert (p.start, p.end, p.text) == (start, end, text)
    assert p.key == Period.of_dates(start, end).key


@pytest.mark.parametrize("text, month", [
    ("Feb 2024", "2024-02"), ("February 2024", "2024-02"), ("Sept. 2024", "2024-09"), ("2024 Feb", "2024-02"),
])
def test_a_month_written_in_words_is_read(text, month):
    assert Period.parse(text).key == Period.parse(month).key


def test_a_fiscal_half_that_does_not_exist_is_refused():
    with pytest.raises(PeriodParseError, match="halves H1 and H2"):
        Period.parse("H3 FY2025").in_fiscal_year(6)


def test_shift_a_year_back():
    assert Period.parse("2024-Q4").shifted(-1).key == Period.parse("2023-Q4").key
    assert Period.parse("2024-02").shifted(-1).end == date(2023, 2, 28)
    assert Period.parse("2023-02").shifted(1).end == date(2024, 2, 29)


@pytest.mark.parametrize("text, fix", [
    ("2024-Q5", "Q1 to Q4"),
    ("2024-H3", "H1 and H2"),
    ("Q4 2024", '"2024-Q4"'),
    ("2024Q4", '"2024-Q4"'),
    ("H1 2024", '"2024-H1"'),
    ("2025-13", "not a real date"),
    ("2025-02-30", "not a real date"),
    ("2025-02-24..2025-01-01", "earlier end first"),
    ("12345", "write 2024, 2024-Q4"),
    ("!!", "fiscal period such as FY2025"),
    ("Q4", 'needs its year: write "2024-Q4"'),
    ("H1", '"H1 FY2025"'),
    ("holiday season", "write 2024, 2024-Q4"),
    ("Smarch 2024", "write 2024, 2024-Q4"),
])
def test_bad_periods_say_what_to_write(text, fix):
    with pytest.raises(PeriodParseError, match=fix.replace("(", r"\(")):
        Period.parse(text)


def test_since_forms_resolve_against_the_claim_time():
    as_of = date(2025, 2, 24)
    assert Since.parse("ytd").baseline_date(as_of) == date(2025, 1, 1)
    assert Since.parse("-1 month").baseline_date(as_of) == date(2025, 1, 24)
    assert Since.parse("-1 year").baseline_date(as_of) == date(2024, 2, 24)
    assert Since.parse("-2 weeks").baseline_date(as_of) == date(2025, 2, 10)
    assert Since.parse(date(2025, 1, 1)).baseline_date(as_of) == date(2025, 1, 1)
    assert Since.parse("2025-01-01").baseline_date(as_of) == date(2025, 1, 1)
    q4 = Period.parse("2024-Q4")
    assert Since.parse("2023-Q4").baseline_period(q4).key == Period.parse("2023-Q4").key
    assert Since.parse("-1 year").baseline_period(q4).key == Period.parse("2023-Q4").key
    assert Since.parse("-1 month").baseline_period(q4) is None


@pytest.mark.parametrize("text", ["+1 month", "-1 fortnight", "-", "2024-Q7"])
def test_bad_since(text):
    with pytest.raises(PeriodParseError, match="ytd"):
        Since.parse(text)


@pytest.mark.parametrize("text, months", [("yoy", 12), ("Y/Y", 12), ("year-over-year", 12), ("qoq", 3),
                                          ("quarter-on-quarter", 3), ("mom", 1)])
def test_since_words_reporters_use_are_durations(text, months):
    since = Since.parse(text)
    assert (since.kind, since.months, since.text) == ("duration", months, text)


def test_a_flows_baseline_one_period_back():
    assert Since.parse("qoq").baseline_period(Period.parse("2025-Q1")).key == Period.parse("2024-Q4").key
    assert Since.parse("mom").baseline_period(Period.parse("2025-03")).key == Period.parse("2025-02").key
    assert Since.parse("yoy").baseline_period(Period.parse("2025-Q1")).key == Period.parse("2024-Q1").key


@pytest.mark.parametrize("text, fix", [
    ("last month", '"-1 month" (one month before the claim\'s date or period) or the month itself'),
    ("previous quarter", '"-1 quarter"'),
    ("prior year", 'the year itself, such as "2024"'),
    ("since forever", '"yoy", a duration back'),
])
def test_a_since_that_can_mean_two_things_or_nothing_says_what_to_write(text, fix):
    with pytest.raises(PeriodParseError, match=re.escape(fix)):
        Since.parse(text)
