"""When a number holds: the period of a flow, the date of a level, the baseline of a change.

Read from the sentence's own words ("fourth-quarter 2024", "in 2025", "as of Jan. 31",
"over the next three years"), relative ones against the article's date; a flow whose
sentence names no time takes the last quarter or half the article named a few
sentences before ("during the quarter").
"""

from __future__ import annotations

import re
from datetime import date

import attrs

from verify.values.lexicon import default_lexicon

_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
MONTHS = {m: i for i, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
     ("nov", "november"), ("dec", "december")), start=1) for m in names}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_Y = r"((?:19|20)\d\d)"
_QUARTER = re.compile(rf"\b(first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter(?:\s+of)?(?:\s+(?:fiscal|calendar))?"
                      rf"(?:\s+year)?\s*,?\s*{_Y}|\bQ([1-4])\s*'?(?:FY)?\s*{_Y}|\b{_Y}\s*-?Q([1-4])\b|"
                      rf"\b{_Y}\s+(first|second|third|fourth)[- ]quarter", re.IGNORECASE)
_FISCAL_QUARTER = re.compile(
    rf"\b(first|second|third|fourth)[- ]quarter\s+of\s+(?:its\s+|the\s+)?fiscal(?:\s+year)?\s+{_Y}|"
    rf"\bfiscal(?:\s+year)?\s+{_Y}\s+(first|second|third|fourth)[- ]quarter|"
    rf"\bfiscal\s+(first|second|third|fourth)[- ]quarter(?:\s+of)?\s*,?\s*{_Y}|"
    r"\bQ([1-4])\s*(?:of\s+)?FY\s?'?((?:19|20)?\d\d)\b|\bFY\s?'?((?:19|20)?\d\d)\s*-?\s*Q([1-4])\b", re.IGNORECASE)
_BARE_QUARTER = re.compile(r"\b(first|second|third|fourth)[- ]quarter\b(?!\s+(?:of\s+)?(?:fiscal|(?:19|20)\d\d))",
                           re.IGNORECASE)
_EDGE_QUARTER = re.compile(rf"\b(?:(last|final)\s+quarter|(last|final|first)\s+three\s+months)\s+of\s+{_Y}",
                           re.IGNORECASE)
_FULL_YEAR = re.compile(r"\bfull[- ]year\b|\bfor the year\b|\bthe year as a whole\b", re.IGNORECASE)
_BARE_MONTH = re.compile(rf"\b(?:in|through|for|during)\s+({_MONTH})\b(?!\.?\s+\d)", re.IGNORECASE)
_YEAR_SUBJECT = re.compile(rf"^{_Y}\s+(?:was|is|has been|will be)\b")
_BASELINE = re.compile(r"(?:\b(?:from|than|since|compared (?:with|to)|versus|vs\.?)\b[^,;.\d$€£¥%]{0,24}|\bon\s+)$",
                       re.IGNORECASE)
_HALF = re.compile(rf"\b(first|second)[- ]half(?:\s+of)?\s*{_Y}|\bH([12])\s*{_Y}|\b{_Y}\s*-?H([12])\b",
                   re.IGNORECASE)
_FISCAL = re.compile(r"\bfiscal(?:\s+year)?\s+((?:19|20)\d\d)\b|\bFY\s?'?((?:19|20)?\d\d)\b", re.IGNORECASE)
_THIS_FISCAL = re.compile(r"\bthis fiscal year\b|\bthe current fiscal year\b", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b(?:in|for|during|of)\s+({_MONTH})\.?\s+{_Y}\b", re.IGNORECASE)
_AS_OF = re.compile(rf"\b(?:as of|as at|on|at the end of|by the end of|by)\s+({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?"
                    rf"(?:,?\s+{_Y})?", re.IGNORECASE)
_START_OF = re.compile(rf"\b(?:at|since)\s+the\s+(start|beginning|end)\s+of\s+(?:the\s+year\s+|{_Y})", re.IGNORECASE)
_END_OF_YEAR = re.compile(rf"\b(?:at|by)\s+(?:the\s+)?end\s+of\s+{_Y}", re.IGNORECASE)
_YEAR = re.compile(rf"\b(?:in|for|during|of|throughout|over)\s+(?:calendar\s+|the\s+year\s+)?{_Y}\b(?!\s*(?:and|-|to)\s*\d)"
                   rf"|\b{_Y}\s+(?:revenue|sales|profit|results|earnings|spending|budget|capex|emissions|output)\b",
                   re.IGNORECASE)
_NEXT_YEARS = re.compile(r"\b(?:over|in|during)\s+the\s+(?:next|coming)\s+(\w+)\s+years\b", re.IGNORECASE)
_PAST_YEARS = re.compile(r"\b(?:over|in|during)\s+the\s+(?:past|last)\s+(\w+)\s+years\b", re.IGNORECASE)
_LAST_YEAR = re.compile(r"\blast year\b|\bin the previous year\b", re.IGNORECASE)
_THIS_YEAR = re.compile(r"\bthis year\b", re.IGNORECASE)
_QUARTER_REF = re.compile(r"\b(?:the|this|that)\s+quarter\b|\bquarterly\b|\bconsecutive quarter\b", re.IGNORECASE)
_NOW = re.compile(r"\b(?:currently|now|today|this week|monday|tuesday|wednesday|thursday|friday)\b",
                  re.IGNORECASE)

_YOY = re.compile(r"\byear[- ](?:over|on)[- ]year\b|\bfrom a year (?:earlier|ago|before)\b|\ba year (?:earlier|ago)\b|"
                  r"\bfrom the same (?:quarter|period|month) (?:a|last) year\b|\bannual(?:ly)?\b|\bon the year\b",
                  re.IGNORECASE)
_YTD = re.compile(r"\byear[- ]to[- ]date\b|\bso far this year\b|\bsince the (?:start|beginning) of the year\b|"
                  r"\bthis year\b|\bYTD\b", re.IGNORECASE)
_MONTH_AGO = re.compile(r"\b(?:one|a) month ago\b|\bmonth[- ](?:over|on)[- ]month\b|\bfrom a month (?:earlier|ago)\b|"
                        r"\b(?:in|over) the past month\b", re.IGNORECASE)
_WEEK_AGO = re.compile(r"\b(?:one|a) week ago\b|\bweek[- ](?:over|on)[- ]week\b|\b(?:in|over) the past week\b",
                       re.IGNORECASE)
_QOQ = re.compile(r"\bquarter[- ](?:over|on)[- ]quarter\b|\bsequentially\b|\bfrom the (?:previous|prior) quarter\b",
                  re.IGNORECASE)
# Metrics named in plans rather than results: a period named sentences before is not theirs.
_YEAR_EARLIER = re.compile(r"\s+(?:(?:of|from|in)\s+)?(?:a year (?:earlier|ago|before)|in the (?:same|year-earlier|year-ago) (?:period|quarter))")
_NOT_CARRIED = frozenset({"investment", "ai_investment", "spending", "guidance"})
_CARRY_SENTENCES = 4


@attrs.frozen
class Time:
    period: str | None = None
    as_of: date | None = None
    since: str | None = None


@attrs.define
class Context:
    """What the article has said about time so far, as it is read in order."""

    published: date | None = None
    last_period: str | None = None
    last_period_sentence: int = -99
    sentence: int = 0


def explicit_period(sentence: str, published: date | None, at: int | None = None,
                    at_end: int | None = None, *, last_period: str | None = None,
                    others: tuple[tuple[int, int], ...] = ()) -> str | None:
    """The period a sentence names for the value at sentence[at:at_end] (the nearest phrase
    that no other value stands between, and that is no baseline: "up 22% from 2023"); a
    quarter or "the full year" without a year takes it from `last_period` or the date."""
    found = _period_phrases(sentence, published, last_period)
    if not found:
        return None
    if at is None:
        return found[0][2]
    at_end = at if at_end is None else at_end

    def usable(item) -> bool:
        start, end, _ = item
        lo, hi = (at_end, start) if start >= at_end else (end, at)
        if any(lo <= s and e <= hi for s, e in others):
            return False
        return not _BASELINE.search(sentence, 0, start)

    def distance(item):
        start, end, _ = item
        return (start - at_end) * 1.2 if start >= at_end else max(0, at - end)
    candidates = [f for f in found if usable(f)]
    return min(candidates, key=distance)[2] if candidates else None


def _period_phrases(sentence: str, published: date | None, last_period: str | None = None
                    ) -> list[tuple[int, int, str]]:
    """Every period phrase of the sentence: (start, end, period); an earlier form wins an overlap."""
    found: list[tuple[int, int, str]] = []
    forms = (*_PERIOD_FORMS,
             (_BARE_QUARTER, lambda m, p: _bare_quarter(_ORD[m.group(1).lower()], p, last_period)),
             (_FULL_YEAR, lambda m, p: _year_of(last_period)),
             (_BARE_MONTH, lambda m, p: _bare_month(MONTHS[m.group(1).lower()], p)))
    for pattern, read in forms:
        for m in pattern.finditer(sentence):
            period = read(m, published)
            if period and not any(m.start() < e and s < m.end() for s, e, _ in found):
                found.append((m.start(), m.end(), period))
    return sorted(found)


def _bare_quarter(n: int, published: date | None, last_period: str | None) -> str | None:
    """"the second quarter": of the fiscal year the article is about, else the latest one reported."""
    if last_period and (m := re.fullmatch(r"(FY\d{4})-Q\d", last_period)):
        return f"{m.group(1)}-Q{n}"
    if published is None:
        return None
    year = published.year if published.month > 3 * n else published.year - 1
    return f"{year}-Q{n}"


def _bare_month(month: int, published: date | None) -> str | None:
    if published is None:
        return None
    year = published.year if month < published.month else published.year - 1
    return f"{year}-{month:02d}"


def _year_of(period: str | None) -> str | None:
    if period is None:
        return None
    m = re.match(r"(FY)?(\d{4})", period)
    return f"{m.group(1) or ''}{m.group(2)}" if m else None


def _quarter(m: re.Match, _published) -> str:
    g = m.groups()
    if g[0]:
        return f"{g[1]}-Q{_ORD[g[0].lower()]}"
    if g[2]:
        return f"{g[3]}-Q{g[2]}"
    if g[4]:
        return f"{g[4]}-Q{g[5]}"
    return f"{g[6]}-Q{_ORD[g[7].lower()]}"


def _half(m: re.Match, _published) -> str:
    g = m.groups()
    if g[0]:
        return f"{g[1]}-H{_ORD[g[0].lower()]}"
    return f"{g[3]}-H{g[2]}" if g[2] else f"{g[4]}-H{g[5]}"


def _fiscal(m: re.Match, _published) -> str:
    year = m.group(1) or m.group(2)
    return f"FY{year if len(year) == 4 else '20' + year}"


def _years_ahead(m: re.Match, published: date | None) -> str | None:
    n = _count(m.group(1))
    return f"{published.year}..{published.year + n - 1}" if published and n else None


def _years_back(m: re.Match, published: date | None) -> str | None:
    n = _count(m.group(1))
    return f"{published.year - n}..{published.year - 1}" if published and n else None


def _fiscal_quarter(m: re.Match, _published) -> str:
    g = m.groups()
    pairs = ((g[0], g[1]), (g[3], g[2]), (g[4], g[5]), (g[6], g[7]), (g[9], g[8]))
    quarter, year = next((q, y) for q, y in pairs if q)
    n = int(quarter) if quarter.isdigit() else _ORD[quarter.lower()]
    return f"FY{year if len(year) == 4 else '20' + year}-Q{n}"


_PERIOD_FORMS = (
    (_FISCAL_QUARTER, _fiscal_quarter),
    (_QUARTER, _quarter),
    (_EDGE_QUARTER, lambda m, p: f"{m.group(3)}-Q1" if (m.group(2) or "").lower() == "first" else f"{m.group(3)}-Q4"),
    (_YEAR_SUBJECT, lambda m, p: m.group(1)),
    (_HALF, _half),
    (_FISCAL, _fiscal),
    (_THIS_FISCAL, lambda m, p: f"FY{p.year}" if p else None),
    (_MONTH_YEAR, lambda m, p: f"{m.group(2)}-{MONTHS[m.group(1).lower().rstrip('.')]:02d}"),
    (_NEXT_YEARS, _years_ahead),
    (_PAST_YEARS, _years_back),
    (_YEAR, lambda m, p: m.group(1) or m.group(2)),
    (_LAST_YEAR, lambda m, p: str(p.year - 1) if p else None),
    (_THIS_YEAR, lambda m, p: str(p.year) if p else None),
)


def explicit_date(sentence: str, published: date | None) -> date | None:
    if m := _AS_OF.search(sentence):
        month, day = MONTHS[m.group(1).lower().rstrip(".")], int(m.group(2))
        year = int(m.group(3)) if m.group(3) else None
        if year is None and published:
            year = published.year if (month, day) <= (published.month, published.day) else published.year - 1
        if year:
            try:
                return date(year, month, day)
            except ValueError:
                return None
    if (m := _START_OF.search(sentence)) and (m.group(2) or published):
        year = int(m.group(2)) if m.group(2) else published.year
        return date(year, 1, 1) if m.group(1).lower() != "end" else date(year, 12, 31)
    if m := _END_OF_YEAR.search(sentence):
        return date(int(m.group(1)), 12, 31)
    return None


def guess_time(sentence: str, at: int, at_end: int, metric: str | None, change: str | None,
               flows: frozenset[str], context: Context, others: tuple[tuple[int, int], ...] = ()) -> Time:
    published = context.published
    period = explicit_period(sentence, published, at, at_end, last_period=context.last_period, others=others)
    flow = metric in flows or metric is None and period is not None
    since = _since(sentence, flow, change, published, period)
    if flow:
        if since == "ytd" and period is None and published:
            period = f"{published.year}-01-01..{published.isoformat()}"
            since = None
        if period and _YEAR_EARLIER.match(sentence, at_end):
            period = _year_before(period)
        if period is None and metric not in _NOT_CARRIED and context.last_period and \
                context.sentence - context.last_period_sentence <= _CARRY_SENTENCES:
            period = context.last_period
        return Time(period=period, since=since)
    as_of = explicit_date(sentence, published)
    if as_of is None and since == "ytd" and period and published and period != str(published.year):
        as_of = date(int(period[:4]), 12, 31) if period[:4].isdigit() and len(period) == 4 else None
    if as_of is None:
        as_of = published
    return Time(as_of=as_of, since=since)


def note_sentence(sentence: str, context: Context) -> None:
    """Remember a quarter or half the sentence names, for the flows of the next few sentences."""
    period = explicit_period(sentence, context.published, last_period=context.last_period)
    if period and re.search(r"-[QH]\d$", period):
        context.last_period, context.last_period_sentence = period, context.sentence
    elif _QUARTER_REF.search(sentence) and context.last_period:
        context.last_period_sentence = context.sentence


def _year_before(period: str) -> str:
    from verify.periods import Period, PeriodParseError

    try:
        shifted = Period.parse(period).shifted(-1)
    except PeriodParseError:
        return period
    return shifted.text if shifted else period


def _since(sentence: str, flow: bool, change: str | None, published: date | None, period: str | None) -> str | None:
    if change is None:
        return None
    if _MONTH_AGO.search(sentence):
        return "-1 month"
    if _WEEK_AGO.search(sentence):
        return "-1 week"
    if _QOQ.search(sentence) and period and re.fullmatch(r"\d{4}-Q\d", period):
        year, q = int(period[:4]), int(period[-1])
        return f"{year}-Q{q - 1}" if q > 1 else f"{year - 1}-Q4"
    if _YTD.search(sentence) or published and period == str(published.year) and not flow:
        return "ytd"
    if _YOY.search(sentence):
        return None if flow else "-1 year"
    return None


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    entry = default_lexicon().numbers.get(word.lower())
    if entry is not None and entry.value.denominator == 1 and 0 < entry.value <= 50:
        return int(entry.value)
    return None
