"""Time in claims: periods of flows, and the baselines (`since`) of change claims.

A calendar period is a span of days, so "2024-Q4" and "2024-10-01..2024-12-31"
are the same period. A free fiscal label ("FY2025") only matches itself.
"""

from __future__ import annotations

import calendar
import functools
import re
from datetime import date, timedelta

import attrs

from verify.errors import InputError


class PeriodParseError(InputError):
    """A period or baseline that cannot be read."""


_FORMS = ("2024, 2024-Q4, 2024-H1, 2025-02, 2025-02-24, 2025-01-01..2025-02-24, "
          "or a fiscal label such as FY2025")
_YEAR = re.compile(r"(\d{4})")
_QUARTER = re.compile(r"(\d{4})-Q(\d)", re.IGNORECASE)
_HALF = re.compile(r"(\d{4})-H(\d)", re.IGNORECASE)
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_LABEL = re.compile(r"[A-Za-z][A-Za-z0-9 _./-]{0,63}")
# Common ways of writing a calendar period that we do not guess at, with the fix.
_MISTAKES = (
    (re.compile(r"Q([1-4])[\s-]*(?:FY)?(\d{4})", re.IGNORECASE), "{1}-Q{0}"),
    (re.compile(r"H([12])[\s-]*(\d{4})", re.IGNORECASE), "{1}-H{0}"),
    (re.compile(r"(\d{4})\s*Q([1-4])", re.IGNORECASE), "{0}-Q{1}"),
    (re.compile(r"(\d{4})\s*H([12])", re.IGNORECASE), "{0}-H{1}"),
)


@attrs.frozen
class Period:
    """A span of days (`start`..`end`, both included), or a free label."""

    text: str
    kind: str  # year, half, quarter, month, day, range, label
    start: date | None = None
    end: date | None = None

    @classmethod
    def parse(cls, text: str) -> Period:
        if not isinstance(text, str):
            raise PeriodParseError(f"a period is a string such as \"2024-Q4\", not {text!r}")
        return _parse_period(text)

    @classmethod
    def _read(cls, text: str) -> Period:
        stripped = text.strip()
        if ".." in stripped:
            first, _, last = stripped.partition("..")
            a, b = _calendar(first.strip(), text), _calendar(last.strip(), text)
            if a.start > b.end:
                raise PeriodParseError(f"period {text!r} ends before it starts: write the earlier end first")
            return cls(text, "range", a.start, b.end)
        if stripped[:1].isdigit():
            return _calendar(stripped, text)
        for pattern, fix in _MISTAKES:
            m = pattern.fullmatch(stripped)
            if m:
                raise PeriodParseError(f"write period {text!r} as \"{fix.format(*m.groups())}\"")
        if _LABEL.fullmatch(stripped):
            return cls(text, "label")
        raise PeriodParseError(f"cannot read period {text!r}: write {_FORMS}")

    @classmethod
    def of_dates(cls, start: date, end: date) -> Period:
        return cls(f"{start.isoformat()}..{end.isoformat()}", "range", start, end)

    @property
    def is_calendar(self) -> bool:
        return self.start is not None

    @property
    def key(self) -> tuple:
        """What makes two periods the same: their days, or their label."""
        if self.start is None:
            return ("label", " ".join(self.text.split()).casefold())
        return (self.start, self.end)

    def shifted(self, years: int) -> Period | None:
        """The same span `years` later (earlier if negative); None for a label."""
        if self.start is None:
            return None
        start, end = _add_years(self.start, years), _add_years(self.end, years)
        if self.kind == "range":
            return Period.of_dates(start, end)
        if self.kind == "day":
            return Period(start.isoformat(), "day", start, end)
        text = re.sub(r"^\d{4}", str(start.year), self.text.strip())
        return Period(text, self.kind, start, end)

    def __str__(self) -> str:
        return self.text


@functools.lru_cache(maxsize=4096)  # a corpus names few periods, many times: one object each
def _parse_period(text: str) -> Period:
    return Period._read(text)


def _calendar(text: str, whole: str) -> Period:
    try:
        if m := _YEAR.fullmatch(text):
            y = _year(m[1])
            return Period(text, "year", date(y, 1, 1), date(y, 12, 31))
        if m := _QUARTER.fullmatch(text):
            y, q = _year(m[1]), int(m[2])
            if not 1 <= q <= 4:
                raise PeriodParseError(f"{text!r} has no quarter {q}: quarters are Q1 to Q4")
            return Period(text, "quarter", date(y, 3 * q - 2, 1), _month_end(y, 3 * q))
        if m := _HALF.fullmatch(text):
            y, h = _year(m[1]), int(m[2])
            if h not in (1, 2):
                raise PeriodParseError(f"{text!r} has no half {h}: halves are H1 and H2")
            return Period(text, "half", date(y, 6 * h - 5, 1), _month_end(y, 6 * h))
        if m := _MONTH.fullmatch(text):
            y, mo = _year(m[1]), int(m[2])
            return Period(text, "month", date(y, mo, 1), _month_end(y, mo))
        if m := _DAY.fullmatch(text):
            d = date(_year(m[1]), int(m[2]), int(m[3]))
            return Period(text, "day", d, d)
    except ValueError as exc:  # date() on a day that does not exist
        raise PeriodParseError(f"{text!r} is not a real date ({exc}): write {_FORMS}") from None
    for pattern, fix in _MISTAKES:
        if m := pattern.fullmatch(text):
            raise PeriodParseError(f"write {text!r} as \"{fix.format(*m.groups())}\"")
    raise PeriodParseError(f"cannot read period {whole!r}: write {_FORMS}")


def _year(text: str) -> int:
    year = int(text)
    if not 1800 <= year <= 2200:
        raise PeriodParseError(f"year {year} is out of range (1800 to 2200)")
    return year


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_years(d: date, years: int) -> date:
    if d == _month_end(d.year, d.month):  # a period's end stays a month's end
        return _month_end(d.year + years, d.month)
    return _add_months(d, 12 * years)


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


_DURATION = re.compile(r"-\s*(\d{1,3})\s*(day|week|month|quarter|year)s?", re.IGNORECASE)
_DURATION_MONTHS = {"month": 1, "quarter": 3, "year": 12}
_SINCE_FORMS = ("\"ytd\", a duration back such as \"-1 month\" or \"-1 year\", "
                "a period such as \"2023-Q4\", or a date such as 2025-01-01")


@attrs.frozen
class Since:
    """The baseline of a change claim, as written; resolved against the claim's time."""

    text: str
    kind: str  # ytd, duration, period, date
    period: Period | None = None
    on: date | None = None
    months: int = 0
    days: int = 0

    @classmethod
    def parse(cls, value: str | date) -> Since:
        if isinstance(value, date):
            return cls(value.isoformat(), "date", on=value)
        if not isinstance(value, str):
            raise PeriodParseError(f"`since` takes {_SINCE_FORMS}, not {value!r}")
        text = value.strip()
        if text.lower() in ("ytd", "year-to-date", "year to date"):
            return cls(value, "ytd")
        if m := _DURATION.fullmatch(text):
            n, unit = int(m[1]), m[2].lower()
            if unit in _DURATION_MONTHS:
                return cls(value, "duration", months=n * _DURATION_MONTHS[unit])
            return cls(value, "duration", days=n * (7 if unit == "week" else 1))
        if text.startswith("+") or (text.startswith("-") and not text[1:2].isdigit()):
            raise PeriodParseError(f"cannot read `since` {value!r}: write {_SINCE_FORMS}")
        try:
            period = Period.parse(text)
        except PeriodParseError:
            raise PeriodParseError(f"cannot read `since` {value!r}: write {_SINCE_FORMS}") from None
        if period.kind == "day":
            return cls(value, "date", on=period.start)
        return cls(value, "period", period=period)

    def baseline_date(self, as_of: date) -> date | None:
        """For a level at `as_of`: the date it is compared with."""
        if self.kind == "ytd":
            return date(as_of.year, 1, 1)
        if self.kind == "duration":
            return _add_months(as_of, -self.months) - timedelta(days=self.days)
        if self.kind == "date":
            return self.on
        return self.period.end if self.period and self.period.is_calendar else None

    def baseline_period(self, period: Period) -> Period | None:
        """For a flow over `period`: the period it is compared with."""
        if self.kind == "period":
            return self.period
        if self.kind == "duration" and self.days == 0 and self.months % 12 == 0:
            return period.shifted(-self.months // 12)
        if self.kind == "ytd" and period.is_calendar:
            # a flow's year-to-date baseline: the same span of the year before
            return period.shifted(-1)
        return None

    def __str__(self) -> str:
        return self.text


def default_flow_baseline(period: Period) -> Period | None:
    """The baseline of a flow's change when `since` is not given: the same period a year before."""
    return period.shifted(-1)
