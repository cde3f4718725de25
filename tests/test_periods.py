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


def test_fiscal_labels_match_only_themselves():
    assert Period.parse("FY2025").key == Period.parse("fy2025").key
    assert Period.parse("FY2025").key != Period.parse("2025").key
    assert Period.parse("FY2025").shifted(-1) is None


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
    ("!!", "fiscal label"),
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
