"""Time in claims: periods of flows, and the baselines (`since`) of change claims.

A calendar period is a span of days, so "2024-Q4" and "2024-10-01..2024-12-31"
are the same period. A fiscal period ("FY2025", "Q1 FY25", "fiscal 2025") becomes
a span of days once its entity's fiscal year end is known (`[entities]` in the
config): until then it has no dates, and the loader says how to give it some.
Anything else is read where it can be ("Feb 2024" is 2024-02) and otherwise
refused with the forms that work, never kept as a label that silently matches
nothing.
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
          "or a fiscal period such as FY2025 or Q1 FY2025")
_YEAR = re.compile(r"(\d{4})")
_QUARTER = re.compile(r"(\d{4})-Q(\d)", re.IGNORECASE)
_HALF = re.compile(r"(\d{4})-H(\d)", re.IGNORECASE)
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_FY = r"(?:FY|fiscal(?:[\s-]+year)?)\s*'?(\d{4}|\d{2})"
_FISCAL = (  # (pattern, groups: year, part) for "FY2025", "Q1 FY25", "FY2025-H1", "fiscal 2025"
    (re.compile(rf"{_FY}", re.IGNORECASE), (0, None)),
    (re.compile(rf"([QH][1-4])[\s-]*{_FY}", re.IGNORECASE), (1, 0)),
    (re.compile(rf"{_FY}[\s-]*([QH][1-4])", re.IGNORECASE), (0, 1)),
)
_MONTHS = {name: number for number in range(1, 13) for name in (
    calendar.month_name[number].lower(), calendar.month_abbr[number].lower())} | {"sept": 9}
_MONTH_YEAR = re.compile(r"([A-Za-z]+)\.?[\s-]+(\d{4})|(\d{4})[\s-]+([A-Za-z]+)\.?")
_NO_YEAR = re.compile(r"([QH])([1-4])", re.IGNORECASE)
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
    kind: str  # year, half, quarter, month, day, range, fiscal
    start: date | None = None
    end: date | None = None
    fiscal: tuple[int, str] | None = None  # a fiscal period's year and part ("", "Q1", "H2")

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
        fiscal = _fiscal(stripped)
        if fiscal is not None:
            return cls(text, "fiscal", fiscal=fiscal)
        for pattern, fix in _MISTAKES:
            m = pattern.fullmatch(stripped)
            if m:
                raise PeriodParseError(f"write period {text!r} as \"{fix.format(*m.groups())}\"")
        month = _month_year(stripped)
        if month is not None:
            return Period(text, "month", month, _month_end(month.year, month.month))
        if m := _NO_YEAR.fullmatch(stripped):
            raise PeriodParseError(f"period {text!r} needs its year: write \"2024-{m[1].upper()}{m[2]}\" "
                                   f"(a calendar {'quarter' if m[1] in 'qQ' else 'half'}) or "
                                   f"\"{m[1].upper()}{m[2]} FY2025\" (a fiscal one)")
        raise PeriodParseError(f"cannot read period {text!r}: write {_FORMS}")

    def in_fiscal_year(self, last_month: int) -> Period:
        """A fiscal period's days, for a fiscal year that ends with `last_month` (named by the
        calendar year it ends in: with a June year end, FY2025 is 2024-07-01..2025-06-30)."""
        year, part = self.fiscal
        first = _add_months(date(year, last_month, 1), -11)
        months, index = (12, 0) if not part else (3 if part[0] == "Q" else 6, int(part[1]) - 1)
        if part and index * months >= 12:
            raise PeriodParseError(f"{self.text!r} has no {part}: quarters are Q1 to Q4, halves H1 and H2")
        start = _add_months(first, index * months)
        last = _add_months(start, months - 1)
        return Period(self.text, "fiscal", start, _month_end(last.year, last.month), self.fiscal)

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
        if self.kind in ("range", "fiscal"):
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
    if month := _month_year(text):
        return Period(whole, "month", month, _month_end(month.year, month.month))
    for pattern, fix in _MISTAKES:
        if m := pattern.fullmatch(text):
            raise PeriodParseError(f"write {text!r} as \"{fix.format(*m.groups())}\"")
    raise PeriodParseError(f"cannot read period {whole!r}: write {_FORMS}")


def _fiscal(text: str) -> tuple[int, str] | None:
    """("FY2025" →) (2025, ""), ("Q1 FY25" →) (2025, "Q1"); None if not a fiscal period.
    A two-digit year is of this century up to 69, else of the last ("FY99" is 1999)."""
    for pattern, (year_at, part_at) in _FISCAL:
        if m := pattern.fullmatch(text):
            digits = m.groups()[year_at]
            year = int(digits) if len(digits) == 4 else int(digits) + (2000 if int(digits) < 70 else 1900)
            return _year(str(year)), "" if part_at is None else m.groups()[part_at].upper()
    return None


def _month_year(text: str) -> date | None:
    """"Feb 2024", "February 2024", "Sept. 2024", "2024 Feb": the month's first day."""
    m = _MONTH_YEAR.fullmatch(text)
    if not m:
        return None
    name, year = (m[1], m[2]) if m[1] else (m[4], m[3])
    month = _MONTHS.get(name.lower())
    return date(_year(year), month, 1) if month else None


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
_SINCE_FORMS = ("\"ytd\", \"yoy\", a duration back such as \"-1 month\" or \"-1 year\", "
                "a period such as \"2023-Q4\", or a date such as 2025-01-01")
# Ways reporters write a baseline that say one duration back.
_SINCE_WORDS = {
    "yoy": "-1 year", "y/y": "-1 year", "year-on-year": "-1 year", "year on year": "-1 year",
    "year-over-year": "-1 year", "year over year": "-1 year",
    "qoq": "-1 quarter", "q/q": "-1 quarter", "quarter-on-quarter": "-1 quarter",
    "quarter on quarter": "-1 quarter", "quarter-over-quarter": "-1 quarter",
    "mom": "-1 month", "m/m": "-1 month", "month-on-month": "-1 month", "month on month": "-1 month",
    "month-over-month": "-1 month",
}
_LAST = re.compile(r"(?:last|previous|prior)\s+(day|week|month|quarter|year)", re.IGNORECASE)


_EXAMPLE = {"day": "date itself, such as 2025-01-31", "week": "date it starts, such as 2025-01-20",
            "month": "month itself, such as \"2025-01\"", "quarter": "quarter itself, such as \"2024-Q4\"",
            "year": "year itself, such as \"2024\""}


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
        if text.lower() in _SINCE_WORDS:
            return attrs.evolve(cls.parse(_SINCE_WORDS[text.lower()]), text=value)
        if m := _LAST.fullmatch(text):
            # "last month" is a month back, or the calendar month before: not ours to choose
            unit = m[1].lower()
            raise PeriodParseError(f"`since` {value!r} can mean two things: write \"-1 {unit}\" (one {unit} "
                                   f"before the claim's date or period) or the {_EXAMPLE[unit]}")
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
        if self.kind == "duration" and self.days == 0 and period.start is not None \
                and _months_long(period) == self.months:
            # "qoq" of a quarter, "-1 month" of a month: the period just before
            start = _add_months(period.start, -self.months)
            last = _add_months(period.start, -1)
            return Period.of_dates(start, _month_end(last.year, last.month))
        if self.kind == "ytd" and period.is_calendar:
            # a flow's year-to-date baseline: the same span of the year before
            return period.shifted(-1)
        return None

    def __str__(self) -> str:
        return self.text


def _months_long(period: Period) -> int | None:
    """How many whole calendar months a period spans (None if it is not whole months)."""
    if period.start.day != 1 or period.end != _month_end(period.end.year, period.end.month):
        return None
    return (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1


def default_flow_baseline(period: Period) -> Period | None:
    """The baseline of a flow's change when `since` is not given: the same period a year before."""
    return period.shifted(-1)
